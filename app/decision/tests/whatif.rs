//! What-if: the answers that changed, and how each option moves and why.

mod common;
use common::*;
use decision::query::{whatif_link, WhatIfQuery};
use decision::whatif::compare;
use decision::PageQuery;

#[test]
fn a_longer_run_moves_express_down_and_says_why() {
    let a = PageQuery::parse(&MODEL, "duration=2m&repeat_safe=all-idempotent").answers;
    let b = PageQuery::parse(&MODEL, "duration=2h&repeat_safe=all-idempotent").answers;
    let w = compare(&MODEL, &a, &b);
    assert_eq!(w.changed.len(), 1);
    assert!(
        w.changed[0].summary().contains("2 minutes → 2 hours"),
        "{}",
        w.changed[0].summary()
    );
    let exp = w.moves.iter().find(|m| m.option == EXP).unwrap();
    assert_eq!(exp.direction(), "falls");
    assert_eq!(exp.fit_b, decision::engine::Fit::Excluded);
    assert!(
        exp.gained
            .iter()
            .any(|g| g.contains("hard limit of 5 minutes")),
        "{:?}",
        exp.gained
    );
    assert!(exp
        .limits
        .iter()
        .any(|(label, x, y)| *label == "Run duration" && x != y));
}

#[test]
fn whatif_links_round_trip_and_forms_replace_one_side() {
    let a = PageQuery::parse(&MODEL, "duration=hours").answers;
    let b = PageQuery::parse(&MODEL, "duration=days&rate=450").answers;
    let link = whatif_link(false, &MODEL, &a, &b, &[]);
    let q = WhatIfQuery::parse(&MODEL, link.trim_start_matches("/whatif?"));
    assert_eq!(q.a.answers, a);
    assert_eq!(q.b.answers, b);
    // A form for side b sends its answers plainly, with side=b and the other side encoded.
    let q = WhatIfQuery::parse(&MODEL, "a=duration%3Dhours&side=b&duration=days&rate=");
    assert_eq!(q.a.answers, a);
    assert_eq!(q.b.answers.to_query(&MODEL), "duration=days");
}
