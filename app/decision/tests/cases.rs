//! The real cases (shared/guide/cases.md), where practitioners chose, sometimes none of the four
//! options, in the model's own vocabulary. Figures the case states are given as numbers; what a
//! case implies but does not state is said in a comment.

mod common;
use common::*;
use decision::engine::limits::LimitStatus;
use decision::engine::Fit;
use decision::model::ArchitectureKind;

#[test]
fn c1_booking_saga_is_synchronous_express_with_the_at_most_once_trade_explained() {
    // About ten transitions, 2-3 s, the customer waits behind the web front end (API Gateway)
    // and retries from the page; the payment must not be taken twice.
    let e = run("steps=10&duration=3s&sync=sync&trigger=api-gateway&repeat_safe=some-exactly-once");
    assert_eq!(e.top, Some(EXP), "{}", e.verdict);
    let exp = ranked(&e, EXP);
    let trade = exp
        .against
        .iter()
        .find(|r| r.rule == "repeat-safe-some-exactly-once-exp-sync")
        .expect("the at-most-once trade is explained");
    assert!(trade.text.to_string().contains("at most once"));
    assert_eq!(limit(&e, EXP, "exp-api-gateway").status, LimitStatus::Ok);
    reasons_cite_facts(&e);
}

#[test]
fn c2_one_hour_wait_excludes_express_on_its_five_minutes() {
    // Wait one hour, then post a reminder: the run is a timer, nothing external.
    let e = run("duration=1h&idle=mostly-waiting&steps=2&waits=none");
    assert!(matches!(e.top, Some(STD) | Some(DF)), "{}", e.verdict);
    assert!(excluded(&e, EXP));
    let exp = ranked(&e, EXP);
    assert!(exp
        .excluded_by
        .iter()
        .any(|r| r.rule == "exp-duration" && r.text.to_string().contains("5 minutes")));
    assert_eq!(limit(&e, EXP, "exp-duration").status, LimitStatus::OverHard);
}

#[test]
fn c3_video_streams_need_no_orchestrator_and_show_the_arithmetic() {
    // Thousands of live streams, every stream-second one run of three steps (convert frames,
    // detect, notify), around the clock, nothing waits.
    let e = run(
        "rate=2000&steps=3&duration=1s&load_shape=steady&waits=none&repeat_safe=all-idempotent",
    );
    let arch = e.architecture.as_ref().expect("an architecture leads");
    assert_eq!(arch.kind, ArchitectureKind::NoOrchestrator);
    assert_eq!(arch.id, "long-running-service");
    let labels: Vec<String> = arch.figures.iter().map(|f| f.label()).collect();
    assert!(
        labels.iter().any(|l| l.contains("transitions per second")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("Standard per month")),
        "{labels:?}"
    );
    let per_second = arch
        .figures
        .iter()
        .find(|f| f.label().contains("transitions per second"))
        .unwrap();
    assert_eq!(per_second.value(), 6000.0);
    assert_eq!(e.ranking.len(), 4, "the four stay ranked below it");
}

#[test]
fn c4_one_scan_per_file_is_a_queue_feeding_lambda() {
    // One independent scanning pass per uploaded file: one step, started by the upload event.
    let e = run("steps=1&waits=none&trigger=event");
    let arch = e.architecture.as_ref().expect("an architecture leads");
    assert_eq!(arch.kind, ArchitectureKind::NoOrchestrator);
    assert_eq!(arch.id, "queue-lambda");
    assert!(arch.summary.contains("SQS"));
}

#[test]
fn c5_long_loop_splits_standard_with_continue_as_new() {
    // 8,000 iterations over three tasks: 24,000 steps in one run. Running 24,000 task
    // invocations one after another takes far longer than Express's 5 minutes (hours).
    let e = run("steps=24000&duration=hours&coordination=central");
    assert_eq!(e.top, Some(STD), "{}", e.verdict);
    let history = limit(&e, STD, "std-history");
    assert_eq!(history.status, LimitStatus::OverHard);
    assert!(history.value >= 48_000.0);
    let arch = e.architecture.as_ref().expect("a split leads");
    assert_eq!(arch.kind, ArchitectureKind::Split);
    assert_eq!(arch.id, "continue-as-new");
    assert!(e.unmet.is_none());
}

#[test]
fn c6_order_workflow_is_a_standard_parent_with_express_children() {
    // A person approves, the payment happens once, notifications and inventory updates are
    // idempotent and many per order.
    let e = run("waits=human&repeat_safe=some-exactly-once&fanout=hundreds&duration=days");
    let arch = e.architecture.as_ref().expect("a hybrid leads");
    assert_eq!(arch.kind, ArchitectureKind::Hybrid);
    let options: Vec<Option<&str>> = arch.parts.iter().map(|p| p.option).collect();
    assert_eq!(options, vec![Some(STD), Some(EXP)]);
}

#[test]
fn c7_loyalty_platform_is_events_between_teams_and_an_orchestrator_inside() {
    // Teams exchange events; inside the order service a run pauses for a third party.
    let e = run("coordination=both&waits=callbacks");
    let arch = e.architecture.as_ref().expect("a hybrid leads");
    assert_eq!(arch.kind, ArchitectureKind::Hybrid);
    assert_eq!(arch.parts[0].option, Some(EB));
    assert!(
        matches!(arch.parts[1].option, Some(STD) | Some(DF)),
        "an orchestrator that can pause for a callback: {:?}",
        arch.parts[1]
    );
}

#[test]
fn c8_growing_runs_warn_that_express_has_no_headroom() {
    // A per-file pipeline near 5 minutes whose files get larger.
    let e = run("duration=270s&growth=may-grow&repeat_safe=all-idempotent");
    let exp = ranked(&e, EXP);
    let warning = exp
        .against
        .iter()
        .find(|r| r.rule == "growth-headroom-exp")
        .expect("Express's missing headroom is named");
    assert!(warning
        .advice
        .as_ref()
        .is_some_and(|a| a.to_string().contains("Standard")));
    assert_eq!(limit(&e, EXP, "exp-duration").status, LimitStatus::Near);
}

/// A nightly job over 10,000 files, four steps each. With Standard the files run as a
/// Distributed Map, each in a child execution with its own history, so no history holds
/// 80,000 events and nothing needs continuing as a new execution (the walkthrough of
/// 2026-12-01 found the split leading while Standard's own reason named the Distributed Map).
#[test]
fn a_fan_out_over_thousands_runs_as_a_distributed_map_not_a_split() {
    let e = run("duration=2h&coordination=central&steps=4&fanout=10000&audit=required");
    let history = limit(&e, STD, "std-history");
    assert_eq!(history.value, 8.0, "one item's four steps, two events each");
    assert_eq!(history.status, LimitStatus::Ok);
    assert_eq!(ranked(&e, STD).fit, Fit::Fits);
    assert_eq!(e.top, Some(STD), "{}", e.verdict);
    assert!(
        e.architecture
            .as_ref()
            .is_none_or(|a| a.id != "continue-as-new"),
        "{:?}",
        e.architecture.as_ref().map(|a| a.id)
    );
    assert!(ranked(&e, STD)
        .pros
        .iter()
        .any(|r| r.rule == "fanout-thousands-std"));
}
