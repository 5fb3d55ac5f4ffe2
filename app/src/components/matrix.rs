//! The comparison matrices: which facts fill which cell, what the answers say about each row
//! and cell, the Markdown and CSV exports, and the table (wide screens) and card (narrow
//! screens) views.
//!
//! Everything a view shows is decided by the plain functions at the top ([`build`],
//! [`to_markdown`], [`to_csv`]), so it can be tested without rendering.

use crate::components::copy::CopyButton;
use crate::model::answers::percent_encode;
use crate::model::types::{Fact, MatrixTable, Source, SourceKind};
use crate::model::{Answers, Evaluation, Model};
use leptos::prelude::*;

/// The three tables, in the order the page shows them.
pub const TABLES: [MatrixTable; 3] = [
    MatrixTable::Choosing,
    MatrixTable::Versus,
    MatrixTable::Limits,
];

/// Stable short name of a table, used in `data-testid`, element ids and file names.
pub fn slug(table: MatrixTable) -> &'static str {
    match table {
        MatrixTable::Choosing => "choosing",
        MatrixTable::Versus => "versus",
        MatrixTable::Limits => "limits",
    }
}

/// The table's title, as the guide names it.
pub fn title(table: MatrixTable) -> &'static str {
    match table {
        MatrixTable::Choosing => "Choosing an orchestration approach",
        MatrixTable::Versus => "Durable functions vs Step Functions",
        MatrixTable::Limits => "Limits and prices",
    }
}

/// One comparison table, ready to render or export.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub table: MatrixTable,
    pub slug: &'static str,
    pub title: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// An option shown as a column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub option: String,
    pub name: String,
    /// Whether the answers rule this option out.
    pub excluded: bool,
}

/// An attribute shown as a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub attribute: String,
    pub label: String,
    /// An answered question makes this row matter.
    pub highlight: bool,
    /// One per column, in column order.
    pub cells: Vec<Cell>,
}

/// What one option says about one attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub option: String,
    /// The fact the model uses; `None` when the model has nothing for this cell.
    pub fact: Option<Citation>,
    /// Older statements from other sources that the fact replaced.
    pub disagreements: Vec<Citation>,
    /// Reasons (rule texts) that exclude this option and rest on this cell.
    pub violations: Vec<String>,
}

/// A fact with its source, flattened for display.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub fact: String,
    pub value: String,
    pub detail: String,
    /// Short name for running text ("The guide", "AWS Lambda Developer Guide").
    pub source_label: String,
    pub source_title: String,
    pub url: String,
    pub kind: SourceKind,
    pub as_of: String,
}

impl Citation {
    /// A fact with the source it names.
    pub fn new(model: &Model, fact: &Fact) -> Self {
        let source = model.source(&fact.source);
        Citation {
            fact: fact.id.clone(),
            value: fact.value.clone(),
            detail: fact.detail.clone(),
            source_label: source
                .map(source_label)
                .unwrap_or_else(|| fact.source.clone()),
            source_title: source
                .map(|s| s.title.clone())
                .unwrap_or_else(|| fact.source.clone()),
            url: source.map(|s| s.url.clone()).unwrap_or_default(),
            kind: source.map_or(SourceKind::ThirdParty, |s| s.kind),
            as_of: fact.as_of.clone(),
        }
    }

    /// "The guide (2025-12-02) says: Python 3.13+, Node.js 22+"
    pub fn says(&self) -> String {
        format!(
            "{} ({}) says: {}",
            self.source_label, self.as_of, self.value
        )
    }
}

/// A short name for a source in running text: "The guide", or the title up to its first colon
/// ("AWS Lambda Developer Guide: Lambda quotas" becomes "AWS Lambda Developer Guide").
pub fn source_label(source: &Source) -> String {
    match source.kind {
        SourceKind::Guide => "The guide".to_owned(),
        _ => source
            .title
            .split_once(':')
            .map_or(source.title.as_str(), |(head, _)| head)
            .trim()
            .to_owned(),
    }
}

/// What a kind of source is called on the page.
pub fn kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Guide => "Guide",
        SourceKind::Aws => "AWS",
        SourceKind::ThirdParty => "Third party",
    }
}

/// Whether an answered question makes an attribute's row matter.
pub fn highlighted(model: &Model, attribute: &str, answers: &Answers) -> bool {
    model
        .attribute(attribute)
        .is_some_and(|a| a.questions.iter().any(|q| answers.is_answered(q)))
}

/// Fact ids that stand for a cell: the current fact and the ones it replaced.
fn cell_fact_ids(model: &Model, option: &str, attribute: &str) -> Vec<String> {
    let Some(fact) = model.cell(option, attribute) else {
        return Vec::new();
    };
    std::iter::once(fact.id.clone())
        .chain(model.superseded(&fact.id).map(|f| f.id.clone()))
        .collect()
}

/// The exclusion reasons to show in an option's cell for an attribute.
///
/// A reason belongs to the cells whose facts it cites (in any table). A reason that cites no
/// cell's fact belongs instead to the rows whose attribute lists the reason's question.
pub fn violations(model: &Model, eval: &Evaluation, option: &str, attribute: &str) -> Vec<String> {
    let Some(ranked) = eval.ranking.iter().find(|r| r.option == option) else {
        return Vec::new();
    };
    let row_questions = model
        .attribute(attribute)
        .map(|a| a.questions.as_slice())
        .unwrap_or_default();
    ranked
        .excluded_by
        .iter()
        .filter(|reason| {
            let cited: Vec<&str> = model
                .attributes
                .iter()
                .filter(|a| {
                    cell_fact_ids(model, option, &a.id)
                        .iter()
                        .any(|id| reason.facts.contains(id))
                })
                .map(|a| a.id.as_str())
                .collect();
            if cited.is_empty() {
                row_questions.contains(&reason.question)
            } else {
                cited.contains(&attribute)
            }
        })
        .map(|reason| reason.text.clone())
        .collect()
}

/// Builds one table for the chosen options (ids; unknown ones are skipped) and the answers.
pub fn build(
    model: &Model,
    table: MatrixTable,
    options: &[String],
    answers: &Answers,
    eval: &Evaluation,
) -> Matrix {
    let columns: Vec<Column> = options
        .iter()
        .filter_map(|id| model.option(id))
        .map(|o| Column {
            option: o.id.clone(),
            name: o.name.clone(),
            excluded: eval.ranking.iter().any(|r| r.option == o.id && r.excluded),
        })
        .collect();
    let rows = model
        .attributes
        .iter()
        .filter(|a| a.tables.contains(&table))
        .map(|a| Row {
            attribute: a.id.clone(),
            label: a.label.clone(),
            highlight: highlighted(model, &a.id, answers),
            cells: columns
                .iter()
                .map(|c| {
                    let fact = model.cell(&c.option, &a.id);
                    Cell {
                        option: c.option.clone(),
                        fact: fact.map(|f| Citation::new(model, f)),
                        disagreements: fact
                            .map(|f| {
                                model
                                    .superseded(&f.id)
                                    .map(|old| Citation::new(model, old))
                                    .collect()
                            })
                            .unwrap_or_default(),
                        violations: violations(model, eval, &c.option, &a.id),
                    }
                })
                .collect(),
        })
        .collect();
    Matrix {
        table,
        slug: slug(table),
        title: title(table),
        columns,
        rows,
    }
}

/// All three tables.
pub fn build_all(
    model: &Model,
    options: &[String],
    answers: &Answers,
    eval: &Evaluation,
) -> Vec<Matrix> {
    TABLES
        .iter()
        .map(|&t| build(model, t, options, answers, eval))
        .collect()
}

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

/// A table with its title, export actions, and both the wide (table) and narrow (cards) views.
///
/// Both views are always rendered; CSS shows one, so server and browser markup agree.
#[component]
pub fn MatrixSection(
    /// The table to show.
    matrix: Matrix,
    /// Framed in another site: links that leave the table open a new tab.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let heading_id = format!("matrix-{}", matrix.slug);
    let markdown = to_markdown(&matrix);
    let csv_href = csv_data_url(&to_csv(&matrix));
    let file_name = format!("compare-{}.csv", matrix.slug);
    let labelled_by = heading_id.clone();
    let title = matrix.title;
    let test_id = format!("matrix-{}", matrix.slug);
    view! {
        <section aria-labelledby=labelled_by class="mt-10" data-testid=test_id>
            <div class="flex flex-wrap items-baseline justify-between gap-3">
                <h2 id=heading_id class="text-xl font-semibold">
                    {title}
                </h2>
                <div class="flex flex-wrap items-center gap-3">
                    <CopyButton
                        text=Signal::derive(move || markdown.clone())
                        label="Copy as Markdown"
                    />
                    <a
                        href=csv_href
                        download=file_name
                        class="rounded border border-line bg-surface px-3 py-1.5 text-sm font-medium text-link hover:bg-raised"
                    >
                        "Download CSV"
                        <span class="sr-only">{format!(": {title}")}</span>
                    </a>
                </div>
            </div>
            <div class="mt-3 hidden md:block">
                <MatrixTableView matrix=matrix.clone() embedded=embedded />
            </div>
            <div class="mt-3 md:hidden">
                <MatrixCards matrix=matrix embedded=embedded />
            </div>
        </section>
    }
    .into_any()
}

/// The wide view: a real table with a sticky header row and first column.
#[component]
fn MatrixTableView(matrix: Matrix, embedded: bool) -> impl IntoView {
    let caption_id = format!("caption-{}", matrix.slug);
    // Named apart from the section around it, which carries the table's title.
    let region_label = format!("{}: scrollable table", matrix.title);
    let columns = matrix.columns.clone();
    let header = columns
        .iter()
        .map(|c| {
            view! {
                <th
                    scope="col"
                    data-option=c.option.clone()
                    class="sticky top-0 z-10 min-w-48 border-b border-line bg-raised p-3 text-left align-bottom font-semibold"
                >
                    {c.name.clone()}
                    {c.excluded.then(|| view! { <ExcludedBadge /> })}
                </th>
            }
        })
        .collect_view();
    let rows = matrix
        .rows
        .iter()
        .map(|row| {
            let th_class = if row.highlight {
                "sticky left-0 z-10 w-44 border-b border-r border-line bg-mark p-3 text-left align-top font-semibold"
            } else {
                "sticky left-0 z-10 w-44 border-b border-r border-line bg-surface p-3 text-left align-top font-semibold"
            };
            let tr_class = if row.highlight { "bg-mark" } else { "" };
            let cells = row
                .cells
                .iter()
                .zip(&columns)
                .map(|(cell, column)| {
                    let violated = (!cell.violations.is_empty()).then_some("true");
                    view! {
                        <td
                            data-option=cell.option.clone()
                            data-violation=violated
                            class="border-b border-line p-3 align-top"
                        >
                            <CellBody
                                cell=cell.clone()
                                row_label=row.label.clone()
                                option_name=column.name.clone()
                                embedded=embedded
                            />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr
                    data-attribute=row.attribute.clone()
                    data-highlight=row.highlight.to_string()
                    class=tr_class
                >
                    <th scope="row" class=th_class>
                        {row.label.clone()}
                        {row.highlight.then(|| view! { <MattersMarker /> })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div
            role="region"
            aria-label=region_label
            tabindex="0"
            class="max-h-[80vh] overflow-auto rounded-lg border border-line bg-surface"
        >
            <table
                data-testid=format!("table-{}", matrix.slug)
                class="w-full border-separate border-spacing-0 text-left text-sm"
            >
                <caption id=caption_id class="sr-only">
                    {matrix.title}
                </caption>
                <thead>
                    <tr>
                        <th
                            scope="col"
                            class="sticky left-0 top-0 z-20 w-44 border-b border-r border-line bg-raised p-3 text-left align-bottom"
                        >
                            <span class="sr-only">"Attribute"</span>
                        </th>
                        {header}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The narrow view: one card per option, each a list of label and value.
#[component]
fn MatrixCards(matrix: Matrix, embedded: bool) -> impl IntoView {
    let cards = matrix
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let items = matrix
                .rows
                .iter()
                .filter_map(|row| row.cells.get(i).map(|cell| (row, cell)))
                .map(|(row, cell)| {
                    let item_class = if row.highlight {
                        "-mx-2 rounded border-t border-line bg-mark px-2 py-3 first:border-t-0"
                    } else {
                        "border-t border-line py-3 first:border-t-0"
                    };
                    view! {
                        <div class=item_class>
                            <dt class="text-sm font-semibold">
                                {row.label.clone()}
                                {row.highlight.then(|| view! { <MattersMarker /> })}
                            </dt>
                            <dd class="mt-1 text-sm">
                                <CellBody
                                    cell=cell.clone()
                                    row_label=row.label.clone()
                                    option_name=column.name.clone()
                                    embedded=embedded
                                />
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            // Unnamed, so the cards do not each become a landmark; their headings suffice.
            view! {
                <section
                    data-card-option=column.option.clone()
                    class="rounded-lg border border-line bg-surface p-4"
                >
                    <h3 class="font-semibold">
                        {column.name.clone()} {column.excluded.then(|| view! { <ExcludedBadge /> })}
                    </h3>
                    <dl class="mt-1">{items}</dl>
                </section>
            }
        })
        .collect_view();
    view! {
        <div data-testid=format!("cards-{}", matrix.slug) class="space-y-4 break-words">
            {cards}
        </div>
    }
    .into_any()
}

/// Says in words that a row matters for the answers given (the colour alone would not).
#[component]
fn MattersMarker() -> impl IntoView {
    view! {
        <span class="mt-1 block text-xs font-semibold text-accent-strong">
            "Matters for your answers"
        </span>
    }
}

/// Marks an option that the answers rule out.
#[component]
fn ExcludedBadge() -> impl IntoView {
    view! {
        <span class="mt-1 block w-fit rounded bg-bad-soft px-2 py-0.5 text-xs font-semibold text-bad">
            "Excluded by your answers"
        </span>
    }
}

/// A cell's value, any disagreement between sources, any exclusion it explains, and its
/// source and date behind a disclosure that works without JavaScript.
#[component]
fn CellBody(
    /// The cell to show.
    cell: Cell,
    /// Row label, so each "Source" control says which cell it belongs to.
    row_label: String,
    /// Column (option) name, for the same reason.
    option_name: String,
    /// Open outside links in a new tab.
    embedded: bool,
) -> impl IntoView {
    let Some(fact) = cell.fact.clone() else {
        return view! {
            <p>
                <span aria-hidden="true">{EMPTY_CELL}</span>
                <span class="sr-only">"No figure in the model"</span>
            </p>
        }
        .into_any();
    };
    let target = embedded.then_some("_blank");
    let disagreements = cell
        .disagreements
        .iter()
        .map(|old| {
            view! {
                <p
                    data-disagreement="true"
                    class="mt-2 rounded border border-warn bg-warn-soft px-2 py-1 text-xs text-warn"
                >
                    <span class="font-semibold">"Sources disagree. "</span>
                    {format!(
                        "{}. Shown: {} ({}).",
                        old.says().trim_end_matches('.'),
                        fact.source_label,
                        fact.as_of,
                    )}
                </p>
            }
        })
        .collect_view();
    let violations = cell
        .violations
        .iter()
        .map(|v| {
            view! {
                <p class="mt-2 rounded border border-bad bg-bad-soft px-2 py-1 text-xs text-bad">
                    <span class="font-semibold">"Rules it out for your answers: "</span>
                    {v.clone()}
                </p>
            }
        })
        .collect_view();
    let older_links = cell
        .disagreements
        .iter()
        .map(|old| {
            view! {
                <p>
                    "Older: " {old.detail.clone()} " "
                    <SourceLink citation=old.clone() target=target />
                </p>
            }
        })
        .collect_view();
    view! {
        <p>{fact.value.clone()}</p>
        {disagreements}
        {violations}
        <details class="mt-2 text-xs">
            <summary class="cursor-pointer text-link">
                "Source" <span class="sr-only">{format!(": {row_label}, {option_name}")}</span>
            </summary>
            <div class="mt-1 space-y-1">
                <p>{fact.detail.clone()}</p>
                <p>
                    <SourceLink citation=fact.clone() target=target />
                </p>
                {older_links}
                <p>
                    <a
                        href=format!("/sources#fact-{}", fact.fact)
                        target=target
                        class="text-link underline"
                    >
                        "On the sources page"
                    </a>
                </p>
            </div>
        </details>
    }
    .into_any()
}

/// "Title (as of date)" linking to the source, with a caution for third-party sources.
#[component]
pub fn SourceLink(
    /// The fact and source to cite.
    citation: Citation,
    /// Link target (`Some("_blank")` in embedded views).
    target: Option<&'static str>,
) -> impl IntoView {
    let caution = (citation.kind == SourceKind::ThirdParty).then(|| {
        view! { <span class="ml-1 font-semibold text-warn">"(third-party source)"</span> }
    });
    view! {
        <a
            href=citation.url.clone()
            target=target
            rel="noopener noreferrer"
            class="text-link underline"
        >
            {citation.source_title.clone()}
        </a>
        {caution}
        ", as of "
        <time datetime=citation.as_of.clone()>{citation.as_of.clone()}</time>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citation(value: &str) -> Citation {
        Citation {
            fact: "f".into(),
            value: value.into(),
            detail: "d".into(),
            source_label: "The guide".into(),
            source_title: "Guide | title".into(),
            url: "https://example.com/a b".into(),
            kind: SourceKind::Guide,
            as_of: "2025-12-02".into(),
        }
    }

    fn sample() -> Matrix {
        Matrix {
            table: MatrixTable::Versus,
            slug: "versus",
            title: "A vs B",
            columns: vec![
                Column {
                    option: "a".into(),
                    name: "A, the \"first\"".into(),
                    excluded: false,
                },
                Column {
                    option: "b".into(),
                    name: "B".into(),
                    excluded: true,
                },
            ],
            rows: vec![Row {
                attribute: "r".into(),
                label: "Pipes | and\nlines".into(),
                highlight: false,
                cells: vec![
                    Cell {
                        option: "a".into(),
                        fact: Some(citation("x | y, \"z\"")),
                        disagreements: vec![],
                        violations: vec![],
                    },
                    Cell {
                        option: "b".into(),
                        fact: None,
                        disagreements: vec![],
                        violations: vec![],
                    },
                ],
            }],
        }
    }

    #[test]
    fn markdown_escapes_pipes_backslashes_and_newlines() {
        assert_eq!(markdown_cell("a | b"), "a \\| b");
        assert_eq!(markdown_cell("a\\|b"), "a\\\\\\|b");
        assert_eq!(markdown_cell("one\ntwo\r\nthree"), "one two three");
    }

    #[test]
    fn markdown_table_has_one_column_per_option() {
        let md = to_markdown(&sample());
        let lines: Vec<&str> = md.lines().collect();
        assert!(lines.contains(&"|  | A, the \"first\" | B |"), "{md}");
        assert!(lines.contains(&"| --- | --- | --- |"), "{md}");
        assert!(
            lines.contains(&"| **Pipes \\| and lines** | x \\| y, \"z\" | — |"),
            "{md}"
        );
        assert!(md.contains("Sources:"));
        assert!(md.contains("- [Guide \\| title](<https://example.com/a b>) (as of 2025-12-02)"));
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\r"), "\"cr\r\"");
    }

    #[test]
    fn csv_has_header_and_rows() {
        let csv = to_csv(&sample());
        assert_eq!(
            csv,
            "Attribute,\"A, the \"\"first\"\"\",B\r\n\"Pipes | and\nlines\",\"x | y, \"\"z\"\"\",—\r\n"
        );
    }

    #[test]
    fn csv_data_url_is_percent_encoded() {
        let url = csv_data_url("a b,\"c\"\r\n");
        assert_eq!(
            url,
            "data:text/csv;charset=utf-8,%EF%BB%BFa%20b,%22c%22%0D%0A"
        );
    }
}

#[cfg(all(test, feature = "ssr"))]
mod model_tests {
    use super::*;
    use crate::model::evaluate;
    use crate::model::load::builtin;

    fn answers(model: &Model, query: &str) -> Answers {
        Answers::from_query(model, query).0
    }

    fn all_options(model: &Model) -> Vec<String> {
        model.options.iter().map(|o| o.id.clone()).collect()
    }

    fn row<'a>(m: &'a Matrix, attribute: &str) -> &'a Row {
        m.rows
            .iter()
            .find(|r| r.attribute == attribute)
            .unwrap_or_else(|| panic!("row {attribute}"))
    }

    fn cell<'a>(m: &'a Matrix, attribute: &str, option: &str) -> &'a Cell {
        row(m, attribute)
            .cells
            .iter()
            .find(|c| c.option == option)
            .unwrap_or_else(|| panic!("cell {attribute}/{option}"))
    }

    #[test]
    fn tables_hold_their_attributes_in_model_order() {
        let model = builtin();
        let a = Answers::default();
        let eval = evaluate(&model, &a);
        for table in TABLES {
            let m = build(&model, table, &all_options(&model), &a, &eval);
            let expected: Vec<&str> = model
                .attributes
                .iter()
                .filter(|x| x.tables.contains(&table))
                .map(|x| x.id.as_str())
                .collect();
            let got: Vec<&str> = m.rows.iter().map(|r| r.attribute.as_str()).collect();
            assert_eq!(got, expected);
            assert!(!got.is_empty(), "{table:?} has rows");
            assert_eq!(m.columns.len(), model.options.len());
            for r in &m.rows {
                assert!(!r.highlight, "no answers, no highlight");
                assert!(r.cells.iter().all(|c| c.violations.is_empty()));
            }
        }
    }

    #[test]
    fn versus_has_standard_and_express_as_separate_columns() {
        let model = builtin();
        let a = Answers::default();
        let eval = evaluate(&model, &a);
        let opts = vec![
            "step-functions-standard".to_owned(),
            "step-functions-express".to_owned(),
        ];
        let m = build(&model, MatrixTable::Versus, &opts, &a, &eval);
        assert_eq!(m.columns.len(), 2);
        let std = cell(&m, "max_duration", "step-functions-standard");
        let exp = cell(&m, "max_duration", "step-functions-express");
        assert_ne!(
            std.fact.as_ref().map(|f| &f.value),
            exp.fact.as_ref().map(|f| &f.value)
        );
    }

    #[test]
    fn cells_use_current_facts_and_show_older_ones() {
        let model = builtin();
        let a = Answers::default();
        let eval = evaluate(&model, &a);
        let m = build(
            &model,
            MatrixTable::Choosing,
            &all_options(&model),
            &a,
            &eval,
        );
        for r in &m.rows {
            for c in &r.cells {
                let current = model.cell(&c.option, &r.attribute).map(|f| f.id.clone());
                assert_eq!(c.fact.as_ref().map(|f| f.fact.clone()), current);
                let older: Vec<String> = current
                    .map(|id| model.superseded(&id).map(|f| f.id.clone()).collect())
                    .unwrap_or_default();
                let shown: Vec<String> = c.disagreements.iter().map(|d| d.fact.clone()).collect();
                assert_eq!(shown, older);
            }
        }
        // Any disagreement in the model reads "<source> (<date>) says: <value>".
        let with_older = model
            .facts
            .iter()
            .find(|f| f.superseded_by.is_some() && f.attribute.is_some());
        if let Some(old) = with_older {
            let cite = Citation::new(&model, old);
            assert!(cite
                .says()
                .contains(&format!("({}) says: {}", old.as_of, old.value)));
        }
    }

    #[test]
    fn answered_questions_highlight_their_rows() {
        let model = builtin();
        let a = answers(&model, "duration=hours");
        let eval = evaluate(&model, &a);
        let m = build(&model, MatrixTable::Versus, &all_options(&model), &a, &eval);
        for r in &m.rows {
            let attr = model.attribute(&r.attribute).expect("attribute");
            assert_eq!(r.highlight, attr.questions.iter().any(|q| q == "duration"));
        }
        assert!(row(&m, "max_duration").highlight);
    }

    #[test]
    fn express_max_duration_is_marked_when_runs_last_hours() {
        let model = builtin();
        let a = answers(&model, "duration=hours");
        let eval = evaluate(&model, &a);
        let express = eval
            .ranking
            .iter()
            .find(|r| r.option == "step-functions-express")
            .expect("express ranked");
        assert!(express.excluded, "hours exclude Express");
        for table in [MatrixTable::Versus, MatrixTable::Limits] {
            let m = build(&model, table, &all_options(&model), &a, &eval);
            let c = cell(&m, "max_duration", "step-functions-express");
            assert!(!c.violations.is_empty(), "{table:?}");
            assert!(m
                .columns
                .iter()
                .any(|c| c.option == "step-functions-express" && c.excluded));
            // Other options' cells are not marked by Express's exclusion.
            let std = cell(&m, "max_duration", "step-functions-standard");
            assert!(std.violations.is_empty());
        }
    }

    #[test]
    fn exclusions_sit_on_cells_they_cite_or_on_rows_of_their_question() {
        let model = builtin();
        let queries = [
            "duration=hours",
            "duration=over-year",
            "step_length=over-15m",
            "languages=go",
            "waits=human",
            "audit=required",
            "rate=over-100k",
            "waits=callbacks",
            "ordering=required",
            "replay=needed",
            "payload=large",
            "fanout=thousands",
            "repeat_safe=some-exactly-once",
            "sync=sync",
        ];
        let mut checked = 0;
        for q in queries {
            let a = answers(&model, q);
            let eval = evaluate(&model, &a);
            for ranked in eval.ranking.iter().filter(|r| r.excluded) {
                for reason in &ranked.excluded_by {
                    let shown = TABLES.iter().any(|&t| {
                        let m = build(&model, t, &all_options(&model), &a, &eval);
                        m.rows.iter().any(|r| {
                            r.cells.iter().any(|c| {
                                c.option == ranked.option && c.violations.contains(&reason.text)
                            })
                        })
                    });
                    let has_home = model.attributes.iter().any(|attr| {
                        attr.questions.contains(&reason.question)
                            || cell_fact_ids(&model, &ranked.option, &attr.id)
                                .iter()
                                .any(|id| reason.facts.contains(id))
                    });
                    assert_eq!(shown, has_home, "{q}: rule {}", reason.rule);
                    checked += 1;
                }
            }
        }
        assert!(checked >= 5, "the queries exercise exclusions ({checked})");
    }

    #[test]
    fn exports_cover_every_row_and_column() {
        let model = builtin();
        let a = Answers::default();
        let eval = evaluate(&model, &a);
        for m in build_all(&model, &all_options(&model), &a, &eval) {
            let md = to_markdown(&m);
            let table_lines = md.lines().filter(|l| l.starts_with('|')).count();
            assert_eq!(table_lines, m.rows.len() + 2, "{md}");
            let csv = to_csv(&m);
            assert!(csv.starts_with("Attribute,Lambda durable functions,"));
            for r in &m.rows {
                assert!(csv.contains(&csv_field(&r.label)));
            }
        }
    }
}
