//! The comparison tables as text: GitHub-flavoured Markdown (with the sources cited) and CSV.

use crate::comparison::{Cell, Matrix};
use crate::query::percent_encode;

/// Shown for a cell the model has no fact for.
const EMPTY_CELL: &str = "—";

/// What a cell says in an export: the value, and an older disagreeing statement if any.
fn export_text(cell: &Cell) -> String {
    let Some(fact) = &cell.fact else {
        return EMPTY_CELL.to_owned();
    };
    let mut text = fact.value.clone();
    for old in &cell.disagreements {
        text.push_str(&format!(" (sources disagree: {})", old.says()));
    }
    text
}

/// What a "your numbers" cell says in an export.
fn numbers_text(cell: &crate::comparison::NumbersCell) -> String {
    match (cell.text.is_empty(), cell.status.is_empty()) {
        (true, _) => EMPTY_CELL.to_owned(),
        (false, true) => cell.text.clone(),
        (false, false) => format!("{} ({})", cell.text, cell.status),
    }
}

/// Makes text safe inside a Markdown table cell: one line, `|` and `\` escaped.
pub fn markdown_cell(text: &str) -> String {
    let one_line = text
        .split(['\r', '\n'])
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    one_line.trim().replace('\\', "\\\\").replace('|', "\\|")
}

/// The table as GitHub-flavoured Markdown, followed by the sources it cites.
pub fn to_markdown(matrix: &Matrix) -> String {
    let mut out = format!("**{}**\n\n", markdown_cell(matrix.title));
    out.push('|');
    out.push_str("  |");
    for c in &matrix.columns {
        out.push_str(&format!(" {} |", markdown_cell(&c.name)));
    }
    out.push_str("\n| --- |");
    for _ in &matrix.columns {
        out.push_str(" --- |");
    }
    out.push('\n');
    for row in &matrix.rows {
        out.push_str(&format!("| **{}** |", markdown_cell(&row.label)));
        for cell in &row.cells {
            out.push_str(&format!(" {} |", markdown_cell(&export_text(cell))));
        }
        out.push('\n');
    }
    for row in &matrix.numbers {
        out.push_str(&format!("| **{}** |", markdown_cell(&row.label)));
        for cell in &row.cells {
            out.push_str(&format!(" {} |", markdown_cell(&numbers_text(cell))));
        }
        out.push('\n');
    }
    // Each source once, with the date of the first fact read in it.
    let mut sources: Vec<(&str, &str, &str)> = Vec::new();
    for cell in matrix.rows.iter().flat_map(|r| &r.cells) {
        for c in cell.fact.iter().chain(&cell.disagreements) {
            let seen = sources
                .iter()
                .any(|(t, u, _)| *t == c.source_title && *u == c.url);
            if !seen {
                sources.push((&c.source_title, &c.url, &c.as_of));
            }
        }
    }
    if !sources.is_empty() {
        out.push_str("\nSources:\n\n");
        for (title, url, as_of) in sources {
            let title = markdown_cell(title);
            if url.is_empty() {
                out.push_str(&format!("- {title} (as of {as_of})\n"));
            } else {
                out.push_str(&format!("- [{title}](<{url}>) (as of {as_of})\n"));
            }
        }
    }
    out
}

/// Quotes a CSV field when it holds a quote, comma or line break (RFC 4180).
pub fn csv_field(text: &str) -> String {
    if text.contains(['"', ',', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The table as CSV: a header of option names, then one line per row; CRLF line ends.
pub fn to_csv(matrix: &Matrix) -> String {
    let mut lines = Vec::with_capacity(matrix.rows.len() + 1);
    let header: Vec<String> = std::iter::once("Attribute".to_owned())
        .chain(matrix.columns.iter().map(|c| c.name.clone()))
        .map(|t| csv_field(&t))
        .collect();
    lines.push(header.join(","));
    for row in &matrix.rows {
        let fields: Vec<String> = std::iter::once(row.label.clone())
            .chain(row.cells.iter().map(export_text))
            .map(|t| csv_field(&t))
            .collect();
        lines.push(fields.join(","));
    }
    for row in &matrix.numbers {
        let fields: Vec<String> = std::iter::once(row.label.clone())
            .chain(row.cells.iter().map(numbers_text))
            .map(|t| csv_field(&t))
            .collect();
        lines.push(fields.join(","));
    }
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

/// A `data:` URL that downloads the CSV; the byte-order mark makes spreadsheets read UTF-8.
pub fn csv_data_url(csv: &str) -> String {
    format!(
        "data:text/csv;charset=utf-8,%EF%BB%BF{}",
        percent_encode(csv)
    )
}
