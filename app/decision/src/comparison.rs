//! The comparison tables: which facts fill which cell, what the answers make matter, and what
//! rules an option out. Views only render a [`Matrix`]; exports turn it into text
//! ([`crate::export`]).

use crate::answers::Answers;
use crate::engine::limits::LimitStatus;
use crate::engine::Evaluation;
use crate::model::{Fact, Model, Source, SourceKind, TableKind};

/// One comparison table, ready to render or export.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub table: TableKind,
    pub slug: &'static str,
    pub title: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// For the limits table: the team's numbers against each option's limits, and the
    /// monthly cost, when the answers give figures.
    pub numbers: Vec<NumbersRow>,
}

impl Matrix {
    /// Every fact the table shows: each cell's fact and the older ones it replaced, and the
    /// facts behind "your numbers".
    pub fn facts(&self) -> Vec<&str> {
        let cells = self.rows.iter().flat_map(|r| &r.cells).flat_map(|c| {
            c.fact
                .iter()
                .chain(&c.disagreements)
                .map(|f| f.fact.as_str())
        });
        let numbers = self
            .numbers
            .iter()
            .flat_map(|r| &r.cells)
            .flat_map(|c| c.facts.iter().map(String::as_str));
        cells.chain(numbers).collect()
    }
}

/// A "your numbers" row: one measure (or the monthly cost) across the options.
#[derive(Clone, Debug, PartialEq)]
pub struct NumbersRow {
    pub label: String,
    pub cells: Vec<NumbersCell>,
}

/// One option's figure in a "your numbers" row.
#[derive(Clone, Debug, PartialEq)]
pub struct NumbersCell {
    pub option: String,
    /// e.g. "450 per second of 300 per second"; empty when the option has no such limit.
    pub text: String,
    /// "over the default quota", "near the limit"... empty when within it.
    pub status: String,
    /// Whether the figure is over a limit or default.
    pub over: bool,
    /// value / limit, for a bar.
    pub share: f64,
    pub facts: Vec<String>,
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
/// and space ("AWS Lambda Developer Guide: Lambda quotas" becomes "AWS Lambda Developer
/// Guide"; "AWS re:Post: …" stays "AWS re:Post").
pub fn source_label(source: &Source) -> String {
    match source.kind {
        SourceKind::Guide => "The guide".to_owned(),
        _ => source
            .title
            .split_once(": ")
            .map_or(source.title.as_str(), |(head, _)| head)
            .trim()
            .to_owned(),
    }
}

/// Whether an answered question makes an attribute's row matter.
pub fn highlighted(model: &Model, attribute: &str, answers: &Answers) -> bool {
    model.attribute(attribute).is_some_and(|a| {
        a.questions.iter().any(|q| {
            model
                .question_index(q)
                .is_some_and(|qi| answers.is_answered(qi))
        })
    })
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
pub fn violations(
    model: &Model,
    eval: &Evaluation<'_>,
    option: &str,
    attribute: &str,
) -> Vec<String> {
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
                reason
                    .question
                    .is_some_and(|q| row_questions.iter().any(|r| r == q))
            } else {
                cited.contains(&attribute)
            }
        })
        .map(|reason| reason.text.to_string())
        .collect()
}

/// Builds one table for the chosen options (ids; unknown ones are skipped) and the answers.
pub fn build(
    model: &Model,
    table: TableKind,
    options: &[String],
    answers: &Answers,
    eval: &Evaluation<'_>,
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
                        // Another source that says otherwise. An earlier reading of the same
                        // page is history (listed on /sources), not a disagreement.
                        disagreements: fact
                            .map(|f| {
                                model
                                    .superseded(&f.id)
                                    .filter(|old| old.source != f.source)
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
    let numbers = if table == TableKind::Limits {
        numbers_rows(&columns, eval)
    } else {
        Vec::new()
    };
    Matrix {
        table,
        slug: table.slug(),
        title: table.title(),
        columns,
        rows,
        numbers,
    }
}

/// The "your numbers" rows: one per limit label that any shown option has at these answers,
/// then the monthly cost when the answers give figures to price.
fn numbers_rows(columns: &[Column], eval: &Evaluation<'_>) -> Vec<NumbersRow> {
    let ranked = |option: &str| eval.ranking.iter().find(|r| r.option == option);
    let mut labels: Vec<&str> = Vec::new();
    for c in columns {
        if let Some(r) = ranked(&c.option) {
            for l in &r.limits {
                if !labels.contains(&l.label) {
                    labels.push(l.label);
                }
            }
        }
    }
    let mut rows: Vec<NumbersRow> = labels
        .into_iter()
        .map(|label| NumbersRow {
            label: format!("Your numbers: {}", label.to_ascii_lowercase()),
            cells: columns
                .iter()
                .map(|c| {
                    let check =
                        ranked(&c.option).and_then(|r| r.limits.iter().find(|l| l.label == label));
                    match check {
                        Some(l) => NumbersCell {
                            option: c.option.clone(),
                            text: l.text(),
                            status: status_words(l.status, l.hard).to_owned(),
                            over: l.status.over(),
                            share: l.share,
                            facts: l.facts.to_vec(),
                        },
                        None => NumbersCell {
                            option: c.option.clone(),
                            text: String::new(),
                            status: String::new(),
                            over: false,
                            share: 0.0,
                            facts: Vec::new(),
                        },
                    }
                })
                .collect(),
        })
        .collect();
    let priced = columns
        .iter()
        .any(|c| ranked(&c.option).is_some_and(|r| r.cost.is_some()));
    if priced && !rows.is_empty() {
        rows.push(NumbersRow {
            label: "Your numbers: monthly cost (us-east-1 list prices)".to_owned(),
            cells: columns
                .iter()
                .map(|c| {
                    let cost = ranked(&c.option).and_then(|r| r.cost.as_ref());
                    NumbersCell {
                        option: c.option.clone(),
                        text: cost.map_or_else(String::new, |c| {
                            format!("{}{}", crate::number::usd(c.monthly_usd), c.month_words())
                        }),
                        status: String::new(),
                        over: false,
                        share: 0.0,
                        facts: cost.map(|c| c.facts.to_vec()).unwrap_or_default(),
                    }
                })
                .collect(),
        });
    }
    rows
}

/// A limit's status in a few words for a table cell.
pub fn status_words(status: LimitStatus, hard: bool) -> &'static str {
    match status {
        LimitStatus::OverHard => "over the hard limit",
        LimitStatus::OverSoft => "over the default quota",
        LimitStatus::BeyondPublished => "beyond any published figure",
        LimitStatus::Near if hard => "near the limit",
        LimitStatus::Near => "near the default quota",
        LimitStatus::Possible => "may exceed it",
        LimitStatus::Ok | LimitStatus::Unknown | LimitStatus::NotApplicable => "",
    }
}

/// All three tables.
pub fn build_all(
    model: &Model,
    options: &[String],
    answers: &Answers,
    eval: &Evaluation<'_>,
) -> Vec<Matrix> {
    TableKind::ALL
        .iter()
        .map(|&t| build(model, t, options, answers, eval))
        .collect()
}
