//! The reference scenarios (shared/guide/scenarios.md) in the model's own vocabulary, with the
//! figures each scenario gives written as numbers.

mod common;
use common::*;
use rstest::rstest;

#[rstest]
#[case::s1_insurance_claims(
    "duration=days&waits=human&repeat_safe=some-exactly-once&audit=required&services=few&languages=java&coordination=central&steps=6",
    STD,
    &[EXP]
)]
#[case::s2_image_thumbnails("rate=20000&steps=3&duration=10s&repeat_safe=all-idempotent", EXP, &[])]
#[case::s3_data_science_signoff(
    "languages=python&definition=code&waits=human&duration=7d&idle=mostly-waiting",
    DF,
    &[EXP]
)]
#[case::s4_invoice_paid_fan_out("coordination=independent", EB, &[])]
#[case::s5_subscription_renewal(
    "languages=nodejs&duration=3d&definition=code&idle=mostly-waiting&steps=3",
    DF,
    &[EXP]
)]
#[case::s6_polyglot_platform_team(
    "languages=go&languages=rust&languages=dotnet&definition=visual&services=many&duration=2h",
    STD,
    &[EXP]
)]
#[case::s7_log_enrichment("rate=200000&duration=1s&repeat_safe=all-idempotent", EXP, &[])]
fn scenario_top_pick_and_exclusions(
    #[case] query: &str,
    #[case] top: &str,
    #[case] never: &[&str],
) {
    let e = run(query);
    assert_eq!(e.top, Some(top), "verdict: {}", e.verdict);
    assert_eq!(e.ranking[0].option, top);
    for option in never {
        assert!(
            excluded(&e, option),
            "{option} must be excluded with a reason"
        );
        assert!(rank(&e, option) > rank(&e, top));
    }
    reasons_cite_facts(&e);
}

#[test]
fn s2_thumbnails_standard_loses_on_start_rate() {
    let e = run("rate=20000&steps=3&duration=10s&repeat_safe=all-idempotent");
    assert!(rank(&e, STD) > rank(&e, EXP));
    let std = ranked(&e, STD);
    assert!(
        std.against
            .iter()
            .any(|r| r.question == Some("rate") && r.facts.iter().any(|f| f.contains("start"))),
        "Standard's case against cites the start-rate fact: {:?}",
        std.against
    );
    assert!(limit(&e, STD, "std-start-rate").share > 10.0);
}

#[test]
fn s6_dotnet_keeps_durable_functions_but_standard_leads() {
    // The scenario predates .NET support (GA July 2026): durable functions are no longer
    // excluded on runtime, and lose on the visual definition instead.
    let e = run(
        "languages=go&languages=rust&languages=dotnet&definition=visual&services=many&duration=2h",
    );
    assert!(!excluded(&e, DF));
    assert!(rank(&e, DF) > rank(&e, STD));
    assert!(ranked(&e, DF)
        .against
        .iter()
        .any(|r| r.rule == "definition-visual-df"));
}

#[test]
fn s7_log_enrichment_ranks_standard_last() {
    let e = run("rate=200000&duration=1s&repeat_safe=all-idempotent");
    assert_eq!(e.ranking.last().map(|r| r.option), Some(STD));
}

#[test]
fn s8_eighteen_months_is_over_every_limit_and_says_to_split() {
    let e = run("duration=18mo");
    assert!(
        e.ranking
            .iter()
            .all(|r| r.fit != decision::engine::Fit::Fits),
        "every option is over its limit"
    );
    assert_eq!(e.top, None, "no silent pick");
    let unmet = e
        .unmet
        .as_ref()
        .expect("the requirement no option meets is said plainly");
    assert!(
        unmet
            .advice
            .iter()
            .any(|a| a.to_lowercase().contains("split")),
        "{unmet:?}"
    );
    // Durable functions and Standard both last about a year, so once split they are level:
    // neither split leads (before model version 2026.12.02.7 the chain of durable executions
    // did, by the model's order alone), and the verdict names both.
    assert_eq!(ranked(&e, DF).score, ranked(&e, STD).score);
    assert!(e.architecture.is_none(), "{:?}", e.architecture);
    assert!(
        e.verdict
            .contains("Lambda durable functions and Step Functions Standard are level once split"),
        "{}",
        e.verdict
    );
    for split in [
        "chained durable executions",
        "a chain of Standard executions",
    ] {
        assert!(
            unmet.advice.iter().any(|a| a.contains(split)),
            "{split}: {unmet:?}"
        );
    }
    assert!(excluded(&e, EXP));
    assert!(
        ranked(&e, EB).excluded_by.iter().any(|r| r.judgement),
        "EventBridge's exclusion is a judgement, said so"
    );
    assert_eq!(e.ranking.len(), 4);
}

#[test]
fn s8_the_bucket_claims_no_more_than_the_figure() {
    // "Longer than a year" starts where the longest single run ends (a durable execution's
    // 366 days), so the bucket and a figure beyond it agree: no option holds it as one run.
    let bucket = run("duration=over-year");
    let figure = run("duration=18mo");
    for r in &bucket.ranking {
        assert_eq!(r.fit, ranked(&figure, r.option).fit, "{}", r.option);
        assert_ne!(r.fit, decision::engine::Fit::Fits, "{}", r.option);
    }
    assert_eq!(
        limit(&bucket, DF, "df-duration").status,
        decision::engine::limits::LimitStatus::OverHard
    );
    // 365.5 days is still "1 to 12 months", and a durable function (366 days) holds it.
    let leap = decision::query::PageQuery::parse(&MODEL, "duration=365.5d");
    assert_eq!(leap.answers.selected(&MODEL, "duration"), ["months"]);
    let leap = run("duration=365.5d");
    assert_eq!(ranked(&leap, DF).fit, decision::engine::Fit::Fits);
}

#[test]
fn s9_no_answers_is_neutral() {
    let e = run("");
    assert_eq!(e.ranking.len(), 4);
    assert!(e.ranking.iter().all(|r| r.score == 50 && !r.excluded));
    assert_eq!(e.top, None);
    assert_eq!(e.confidence.percent, 0);
    assert!(e.architecture.is_none());
    assert!(
        e.next_question.is_some(),
        "points at the question that separates them most"
    );
}

#[test]
fn s14_a_step_longer_than_15_minutes_is_checked_at_its_figure() {
    use decision::engine::limits::LimitStatus;
    // 40 minutes: past one Lambda invocation. Durable functions and EventBridge consumers must
    // hand the step off (a penalty, not an exclusion); Standard waits for it with .sync.
    let long = run("step_length=40m");
    for (option, id) in [(DF, "df-step-length"), (EB, "eb-step-length")] {
        assert_eq!(
            limit(&long, option, id).status,
            LimitStatus::OverHard,
            "{id}"
        );
        assert!(
            !excluded(&long, option),
            "{option} has a documented hand-off"
        );
    }
    assert!(excluded(&long, EXP));
    // 10 minutes fits; 14 minutes is within the limit but a near miss.
    assert_eq!(
        limit(&run("step_length=10m"), DF, "df-step-length").status,
        LimitStatus::Ok
    );
    assert_eq!(
        limit(&run("step_length=14m"), DF, "df-step-length").status,
        LimitStatus::Near
    );
}
