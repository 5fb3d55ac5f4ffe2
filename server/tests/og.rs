//! Preview cards: the longest headlines the model can produce stay inside the 1200×630 card,
//! measured on the rendered text's bounding boxes, and the top pick's name is never cut.

use decision::{evaluate, Evaluation, Model, PageQuery};
use resvg::usvg::{Node, Rect};
use server::og::{card_svg, parse, Card};

fn model() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(decision::load::builtin)
}

/// Every single answer the model offers, plus combinations known to give long verdicts
/// (architectures, nothing fits, ties that name the next question).
fn answer_sets() -> Vec<String> {
    let m = model();
    let mut sets: Vec<String> = m
        .questions
        .iter()
        .flat_map(|q| q.choices.iter().map(move |c| format!("{}={}", q.id, c.id)))
        .collect();
    sets.extend(
        [
            "duration=over-year",
            "duration=18mo&waits=human",
            "duration=36h&rate=450&steps=12&waits=human",
            "coordination=both&services=many&duration=days",
            "rate=5000&duration=2s&steps=40&repeat_safe=all-idempotent",
            "idle=mostly-waiting&duration=months&rate=1",
            "duration=seconds&waits=human",
        ]
        .map(String::from),
    );
    sets
}

fn evaluations() -> Vec<Evaluation<'static>> {
    let m = model();
    let mut evals: Vec<Evaluation<'static>> = answer_sets()
        .iter()
        .map(|q| evaluate(m, &PageQuery::parse(m, q).answers))
        .collect();
    // The twenty longest verdicts, the ones most likely to overflow.
    evals.sort_by_key(|e| std::cmp::Reverse(e.verdict.len()));
    evals.truncate(20);
    evals
}

fn text_boxes(node: &Node, out: &mut Vec<Rect>) {
    match node {
        Node::Group(g) => g.children().iter().for_each(|c| text_boxes(c, out)),
        Node::Text(t) => out.push(t.abs_bounding_box()),
        _ => {}
    }
}

#[test]
fn no_glyph_falls_outside_the_card() {
    let mut checked = 0;
    for e in evaluations() {
        for card in [Card::Advisor, Card::Compare] {
            let svg = card_svg(model(), &e, card);
            let tree = parse(&svg).expect("the card is valid SVG");
            let mut boxes = Vec::new();
            for c in tree.root().children() {
                text_boxes(c, &mut boxes);
            }
            assert!(
                boxes.len() >= 3,
                "the fonts are installed and text is drawn"
            );
            for b in boxes {
                assert!(
                    b.left() >= 0.0 && b.top() >= 0.0 && b.right() <= 1200.0 && b.bottom() <= 630.0,
                    "text at {b:?} leaves the card for “{}”",
                    e.verdict
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 20);
}

#[test]
fn the_top_picks_name_is_never_cut() {
    for e in evaluations() {
        let Some(top) = e.top.and_then(|t| model().option(t)) else {
            continue;
        };
        let svg = card_svg(model(), &e, Card::Advisor);
        // The headline is the first bold text after the product name.
        let headline: String = svg
            .split("font-size=\"40\"")
            .skip(1)
            .filter_map(|s| {
                s.split_once('>')
                    .and_then(|(_, r)| r.split_once("</text>"))
                    .map(|(t, _)| t.to_owned())
            })
            .collect::<Vec<_>>()
            .join(" ");
        if e.architecture.is_none() {
            assert!(
                headline.contains(&top.name),
                "“{}” is whole in the headline: {headline}",
                top.name
            );
        }
        assert!(!headline.is_empty(), "{svg}");
    }
}
