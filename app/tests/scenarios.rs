//! The reference scenarios (shared/guide/scenarios.md) in the model's own vocabulary.

#![cfg(feature = "ssr")]

use app::model::{evaluate, load::builtin, Answers, Evaluation};
use rstest::rstest;

fn run(query: &str) -> Evaluation {
    let model = builtin();
    let (answers, notices) = Answers::from_query(&model, query);
    assert!(
        notices.is_empty(),
        "scenario uses the model's vocabulary: {notices:?}"
    );
    evaluate(&model, &answers)
}

fn rank(e: &Evaluation, option: &str) -> usize {
    e.ranking
        .iter()
        .position(|r| r.option == option)
        .expect("every option is ranked")
}

fn excluded(e: &Evaluation, option: &str) -> bool {
    e.ranking
        .iter()
        .find(|r| r.option == option)
        .is_some_and(|r| r.excluded && !r.excluded_by.is_empty())
}

#[rstest]
#[case::insurance_claims(
    "duration=days&waits=human&repeat_safe=some-exactly-once&audit=required&services=few&languages=java&coordination=central",
    "step-functions-standard",
    &["step-functions-express"]
)]
#[case::image_thumbnails(
    "rate=2000-100k&duration=seconds&repeat_safe=all-idempotent",
    "step-functions-express",
    &[]
)]
#[case::data_science_signoff(
    "languages=python&definition=code&waits=human&duration=days&idle=mostly-waiting",
    "durable-functions",
    &["step-functions-express"]
)]
#[case::invoice_paid_fan_out("coordination=independent", "eventbridge-lambda", &[])]
#[case::subscription_renewal(
    "languages=nodejs&duration=days&definition=code&idle=mostly-waiting",
    "durable-functions",
    &["step-functions-express"]
)]
#[case::polyglot_platform_team(
    "languages=go&languages=rust&languages=dotnet&definition=visual&services=many&duration=hours",
    "step-functions-standard",
    &["step-functions-express", "durable-functions"]
)]
#[case::log_enrichment(
    "rate=over-100k&duration=seconds&repeat_safe=all-idempotent",
    "step-functions-express",
    &[]
)]
fn scenario_top_pick_and_exclusions(
    #[case] query: &str,
    #[case] top: &str,
    #[case] never: &[&str],
) {
    let e = run(query);
    assert_eq!(e.top.as_deref(), Some(top), "verdict: {}", e.verdict);
    assert_eq!(e.ranking[0].option, top);
    for option in never {
        assert!(
            excluded(&e, option),
            "{option} must be excluded with a reason"
        );
        assert!(rank(&e, option) > rank(&e, top));
    }
    // Every reason shown rests on at least one fact.
    for r in &e.ranking {
        for reason in r.excluded_by.iter().chain(&r.pros).chain(&r.against) {
            assert!(!reason.facts.is_empty(), "{} has no fact", reason.rule);
        }
    }
}

#[test]
fn thumbnails_standard_loses_on_start_rate() {
    let e = run("rate=2000-100k&duration=seconds&repeat_safe=all-idempotent");
    let std = &e.ranking[rank(&e, "step-functions-standard")];
    assert!(rank(&e, "step-functions-standard") > rank(&e, "step-functions-express"));
    assert!(
        std.against
            .iter()
            .any(|r| r.question == "rate" && r.facts.iter().any(|f| f.contains("start"))),
        "Standard's case against cites the start-rate fact: {:?}",
        std.against
    );
}

#[test]
fn log_enrichment_ranks_standard_last() {
    let e = run("rate=over-100k&duration=seconds&repeat_safe=all-idempotent");
    assert_eq!(
        e.ranking.last().map(|r| r.option.as_str()),
        Some("step-functions-standard")
    );
}

#[test]
fn eighteen_months_is_over_every_limit_and_says_to_split() {
    let e = run("duration=over-year");
    assert!(
        e.ranking.iter().all(|r| r.excluded),
        "every option is over its limit"
    );
    assert_eq!(e.top, None, "no silent pick");
    let unmet = e
        .unmet
        .expect("the requirement no option meets is said plainly");
    assert!(
        unmet
            .advice
            .iter()
            .any(|a| a.to_lowercase().contains("split")),
        "{unmet:?}"
    );
    assert_eq!(e.ranking.len(), 4);
}

#[test]
fn no_answers_is_neutral() {
    let e = run("");
    assert_eq!(e.ranking.len(), 4);
    assert!(e.ranking.iter().all(|r| r.score == 50 && !r.excluded));
    assert_eq!(e.top, None);
    assert_eq!(e.confidence.percent, 0);
    assert!(
        e.next_question.is_some(),
        "points at the question that separates them most"
    );
}
