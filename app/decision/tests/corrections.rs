//! Each correction from shared/guide/corrections.md, as a test of the model's behaviour.

mod common;
use common::*;
use decision::engine::limits::LimitStatus;

#[test]
fn a_csharp_only_team_keeps_durable_functions() {
    let e = run("languages=dotnet");
    assert!(!excluded(&e, DF));
    assert!(ranked(&e, DF)
        .pros
        .iter()
        .any(|r| r.rule == "languages-supported-df"));
}

#[test]
fn go_and_rust_get_a_strong_penalty_not_an_exclusion() {
    let e = run("languages=go&languages=rust");
    assert!(!excluded(&e, DF));
    let preview = ranked(&e, DF)
        .against
        .iter()
        .find(|r| r.rule == "languages-preview-df")
        .expect("the pre-release reason is given");
    assert!(preview.weight <= -15 && preview.text.to_string().contains("pre-release"));
    // Only an unsupported language alone still excludes.
    assert!(excluded(&run("languages=other"), DF));
}

#[test]
fn a_thousand_items_of_two_steps_is_over_three_thousand_durable_operations() {
    let e = run("fanout=1000&steps=2");
    let ops = limit(&e, DF, "df-operations");
    assert_eq!(
        ops.value, 3002.0,
        "start + map + 1,000 child contexts + 2,000 steps"
    );
    assert_eq!(ops.limit, 3000.0);
    assert!(ops.hard);
    assert_eq!(ops.status, LimitStatus::OverHard);
    assert_eq!(ranked(&e, DF).fit, decision::engine::Fit::NeedsSplit);
}

#[test]
fn twelve_starts_a_second_of_one_day_runs_is_over_a_million_open_executions() {
    let e = run("rate=12&duration=1d");
    let open = limit(&e, STD, "std-open-executions");
    assert_eq!(open.value, 1_036_800.0);
    assert_eq!(open.limit, 1_000_000.0);
    assert!(!open.hard);
    assert_eq!(open.status, LimitStatus::OverSoft);
    assert!(ranked(&e, STD)
        .against
        .iter()
        .any(|r| r.rule == "std-open-executions" && r.advice.is_some()));
}

#[test]
fn default_start_rates_are_300_and_6000_not_2000_and_100000() {
    let e = run("rate=450");
    let std = limit(&e, STD, "std-start-rate");
    assert_eq!((std.limit, std.status), (300.0, LimitStatus::OverSoft));
    assert_eq!(std.published, Some(2000.0));
    let exp = limit(&e, EXP, "exp-start-rate");
    assert_eq!((exp.limit, exp.status), (6000.0, LimitStatus::Ok));
    // Outside the three largest Regions Standard starts lower.
    let e = run("rate=200&region=eu-central-1");
    assert_eq!(limit(&e, STD, "std-start-rate").limit, 150.0);
    assert_eq!(
        limit(&e, STD, "std-start-rate").status,
        LimitStatus::OverSoft
    );
}

#[test]
fn beyond_any_published_figure_is_named_so() {
    let e = run("rate=5000");
    let std = limit(&e, STD, "std-start-rate");
    assert_eq!(std.status, LimitStatus::BeyondPublished);
    let reason = ranked(&e, STD)
        .against
        .iter()
        .find(|r| r.rule == "std-start-rate")
        .unwrap();
    assert!(
        reason.text.to_string().contains("published"),
        "{}",
        reason.text
    );
}

#[test]
fn a_hundred_thousand_starts_of_multi_day_runs_is_a_conflict_no_option_satisfies() {
    let e = run("rate=100000&duration=3d");
    let c = e
        .conflicts
        .iter()
        .find(|c| c.id == "numbers-beyond-every-option")
        .expect("the impossible combination is named");
    for name in [
        "Step Functions Standard",
        "Lambda durable functions",
        "Step Functions Express",
        "EventBridge",
    ] {
        assert!(c.message.contains(name), "{name} in: {}", c.message);
    }
    assert!(
        c.message.contains("billion"),
        "with the figures: {}",
        c.message
    );
    assert_ne!(e.top, Some(STD), "Standard no longer leads silently");
}

#[test]
fn eventbridge_over_a_year_is_a_judgement_said_so() {
    let e = run("duration=over-year");
    let r = ranked(&e, EB);
    assert!(r
        .excluded_by
        .iter()
        .any(|x| x.judgement && x.text.to_string().starts_with("A judgement")));
}

#[test]
fn eventbridge_delivery_depends_on_the_bus_and_both_fifo_readings_are_kept() {
    assert!(MODEL
        .fact("eb-retry")
        .unwrap()
        .value
        .starts_with("Classic bus"));
    assert!(MODEL
        .fact("eb-custom-bus-retry")
        .unwrap()
        .value
        .contains("5 attempts or 300 s"));
    assert!(
        MODEL.fact("eb-fifo-custom-bus").is_some() && MODEL.fact("eb-fifo-all-groups").is_some()
    );
}

#[test]
fn superseded_facts_stay_visible_with_the_current_one() {
    for (old, new) in [
        ("df-history-ops", "df-operations-quota"),
        ("sfn-std-start-rate", "sfn-std-start-quota"),
        ("sfn-exp-start-rate", "sfn-exp-start-quota"),
        ("df-runtimes-aws", "df-runtimes-current"),
        ("df-runtimes-guide", "df-runtimes-current"),
    ] {
        assert_eq!(
            MODEL.fact(old).unwrap().superseded_by.as_deref(),
            Some(new),
            "{old}"
        );
    }
}

#[test]
fn api_gateway_callers_wait_29_seconds_at_most() {
    let e = run("trigger=api-gateway&sync=sync&duration=45s");
    let l = limit(&e, EXP, "exp-api-gateway");
    assert_eq!(l.limit, 29.0);
    assert_eq!(l.status, LimitStatus::OverSoft);
    // Without a waiting caller the limit does not apply.
    let e = run("trigger=api-gateway&sync=async&duration=45s");
    assert!(ranked(&e, EXP)
        .limits
        .iter()
        .all(|l| l.id != "exp-api-gateway"));
}

#[test]
fn a_queue_started_durable_function_stops_at_15_minutes_unless_handed_off() {
    let e = run("trigger=queue&duration=1h");
    let l = limit(&e, DF, "df-queue-start");
    assert_eq!(l.status, LimitStatus::OverHard);
    let reason = ranked(&e, DF)
        .against
        .iter()
        .find(|r| r.rule == "df-queue-start")
        .unwrap();
    assert!(reason
        .advice
        .as_ref()
        .is_some_and(|a| a.to_string().contains("asynchronously")));
    assert!(!excluded(&e, DF), "a documented hand-off keeps it usable");
}

#[test]
fn a_figure_and_its_range_from_one_form_agree_silently_and_a_figure_wins_otherwise() {
    let q = decision::PageQuery::parse(&MODEL, "duration=days&duration=36h");
    assert!(q.notices.is_empty(), "{:?}", q.notices);
    assert_eq!(q.answers.to_query(&MODEL), "duration=36h");
    let q = decision::PageQuery::parse(&MODEL, "duration=seconds&duration=36h");
    assert_eq!(q.notices.len(), 1);
    assert_eq!(q.answers.to_query(&MODEL), "duration=36h");
}
