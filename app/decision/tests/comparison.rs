//! The comparison tables and their exports: unit checks of the text formats, and the built-in
//! model's tables for real answers.

use decision::comparison::*;
use decision::export::*;
use decision::load::builtin;
use decision::model::{SourceKind, TableKind};
use decision::{evaluate, Answers, Model, PageQuery};

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
        table: TableKind::Versus,
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
        numbers: vec![],
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

fn answers(model: &Model, query: &str) -> Answers {
    PageQuery::parse(model, query).answers
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
    let a = Answers::empty(&model);
    let eval = evaluate(&model, &a);
    for table in TableKind::ALL {
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
    let a = Answers::empty(&model);
    let eval = evaluate(&model, &a);
    let opts = vec![
        "step-functions-standard".to_owned(),
        "step-functions-express".to_owned(),
    ];
    let m = build(&model, TableKind::Versus, &opts, &a, &eval);
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
    let a = Answers::empty(&model);
    let eval = evaluate(&model, &a);
    let m = build(&model, TableKind::Choosing, &all_options(&model), &a, &eval);
    for r in &m.rows {
        for c in &r.cells {
            let current = model.cell(&c.option, &r.attribute).map(|f| f.id.clone());
            assert_eq!(c.fact.as_ref().map(|f| f.fact.clone()), current);
            // Older facts from other sources disagree; an earlier reading of the same source
            // is not shown as a disagreement with itself.
            let older: Vec<String> = current
                .as_ref()
                .map(|id| {
                    let source = &model.fact(id).unwrap().source;
                    model
                        .superseded(id)
                        .filter(|f| &f.source != source)
                        .map(|f| f.id.clone())
                        .collect()
                })
                .unwrap_or_default();
            let shown: Vec<String> = c.disagreements.iter().map(|d| d.fact.clone()).collect();
            assert_eq!(shown, older);
            for d in &c.disagreements {
                assert_ne!(
                    Some(&d.url),
                    c.fact.as_ref().map(|f| &f.url),
                    "{} disagrees with its own source",
                    d.fact
                );
            }
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
    let m = build(&model, TableKind::Versus, &all_options(&model), &a, &eval);
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
    for table in [TableKind::Versus, TableKind::Limits] {
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
        "duration=18mo",
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
                let shown = TableKind::ALL.iter().any(|&t| {
                    let m = build(&model, t, &all_options(&model), &a, &eval);
                    m.rows.iter().any(|r| {
                        r.cells.iter().any(|c| {
                            c.option == ranked.option
                                && c.violations.contains(&reason.text.to_string())
                        })
                    })
                });
                let has_home = model.attributes.iter().any(|attr| {
                    reason
                        .question
                        .is_some_and(|q| attr.questions.iter().any(|x| x == q))
                        || model.cell(ranked.option, &attr.id).is_some_and(|f| {
                            std::iter::once(f.id.clone())
                                .chain(model.superseded(&f.id).map(|o| o.id.clone()))
                                .any(|id| reason.facts.contains(&id))
                        })
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
    let a = Answers::empty(&model);
    let eval = evaluate(&model, &a);
    for m in build_all(&model, &all_options(&model), &a, &eval) {
        let md = to_markdown(&m);
        let table_lines = md.lines().filter(|l| l.starts_with('|')).count();
        assert_eq!(table_lines, m.rows.len() + m.numbers.len() + 2, "{md}");
        let csv = to_csv(&m);
        assert!(csv.starts_with("Attribute,Lambda durable functions,"));
        for r in &m.rows {
            assert!(csv.contains(&csv_field(&r.label)));
        }
    }
}

#[test]
fn limits_table_shows_your_numbers_with_cost() {
    let model = builtin();
    let a = answers(&model, "rate=450&duration=1d&steps=12");
    let eval = evaluate(&model, &a);
    let m = build(&model, TableKind::Limits, &all_options(&model), &a, &eval);
    let starts = m
        .numbers
        .iter()
        .find(|r| r.label == "Your numbers: starts per second")
        .expect("a starts-per-second row");
    let std = starts
        .cells
        .iter()
        .find(|c| c.option == "step-functions-standard")
        .unwrap();
    assert!(
        std.over && std.status == "over the default quota",
        "{std:?}"
    );
    assert!(!std.facts.is_empty());
    assert!(m.numbers.last().unwrap().label.contains("monthly cost"));
    let md = to_markdown(&m);
    assert!(md.contains("Your numbers: open executions"), "{md}");
}

#[test]
fn a_source_is_named_by_its_title_up_to_the_colon_that_starts_the_page_name() {
    let m = builtin();
    let label = |id: &str| source_label(m.source(id).unwrap());
    let named = |prefix: &str| {
        m.sources
            .iter()
            .find(|s| s.title.starts_with(prefix))
            .map(|s| s.id.clone())
            .unwrap()
    };
    assert_eq!(
        label(&named("AWS Lambda Developer Guide: Lambda quotas")),
        "AWS Lambda Developer Guide"
    );
    // A colon inside a name is part of it.
    assert_eq!(label(&named("AWS re:Post:")), "AWS re:Post");
    assert!(m
        .sources
        .iter()
        .filter(|s| s.kind != SourceKind::Guide)
        .all(|s| !label(&s.id).ends_with(" re")));
}
