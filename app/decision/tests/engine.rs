//! Behaviour of the engine beyond the reference scenarios.

#![cfg(feature = "toml")]

mod common;

use common::{excluded, limit, rank, ranked, run, DF, EB, EXP, STD};
use decision::engine::limits::LimitStatus;
use decision::engine::Fit;
use decision::{
    evaluate, load::builtin, shortcode, Answers, Evaluation, Model, Notice, NoticeKind, PageQuery,
};

/// The answers and notices of a link's query string.
fn parse(m: &Model, query: &str) -> (Answers, Vec<Notice>) {
    let q = PageQuery::parse(m, query);
    (q.answers, q.notices)
}

fn question(m: &Model, id: &str) -> usize {
    m.questions.iter().position(|q| q.id == id).unwrap()
}

#[test]
fn unknown_keys_and_values_become_notices_and_the_rest_applies() {
    let m = builtin();
    let (answers, notices) = parse(&m, "duration=hours&colour=blue&rate=lots&bad=%ZZ");
    assert_eq!(answers.selected(&m, "duration"), ["hours"]);
    assert!(!answers.is_answered(question(&m, "rate")));
    let kinds: Vec<_> = notices.iter().map(|n| n.kind).collect();
    assert!(kinds.contains(&NoticeKind::UnknownQuestion));
    assert!(kinds.contains(&NoticeKind::InvalidValue));
    assert!(kinds.contains(&NoticeKind::Undecodable));
    assert!(notices.iter().any(|n| n.message.contains("colour")));
    let e = evaluate(&m, &answers);
    assert!(e.ranking.iter().any(|r| r.option == EXP && r.excluded));
}

#[test]
fn a_bad_value_among_several_answers_leaves_the_others_and_says_so() {
    let m = builtin();
    let (answers, notices) = parse(&m, "languages=python&languages=klingon&rate=lots");
    assert_eq!(answers.selected(&m, "languages"), ["python"]);
    let about = |key: &str| {
        notices
            .iter()
            .find(|n| n.key.as_deref() == Some(key))
            .map(|n| n.message.as_str())
            .unwrap()
    };
    // A question of several answers keeps the others; a one-answer question is unanswered.
    assert!(about("languages").contains("left out of that question's answers"));
    assert!(!about("languages").contains("not answered"));
    assert!(about("rate").contains("treated as not answered"));
}

/// A hand-written link may list several answers with commas, as `options=` does; a bad one
/// among them is left out with a notice, as when the key is repeated (helper review,
/// 2026-12-02: `languages=go,rust,dotnet` was rejected whole).
#[test]
fn several_answers_may_be_written_with_commas() {
    let m = builtin();
    let (commas, notices) = parse(&m, "languages=go,rust,dotnet");
    assert!(notices.is_empty(), "{notices:?}");
    let (repeated, _) = parse(&m, "languages=go&languages=rust&languages=dotnet");
    assert_eq!(commas, repeated);
    let (answers, notices) = parse(&m, "languages=python, klingon");
    assert_eq!(answers.selected(&m, "languages"), ["python"]);
    assert_eq!(notices.len(), 1);
    // A one-answer question does not split: a comma there is still one unreadable answer.
    let (_, notices) = parse(&m, "waits=none,human");
    assert_eq!(notices.len(), 1);
}

#[test]
fn a_synchronous_caller_is_told_it_cannot_wait_only_past_what_a_caller_can_wait() {
    let conflict = |query: &str| {
        run(query)
            .conflicts
            .iter()
            .any(|c| c.id == "sync-caller-long-run")
    };
    // A durable function invoked synchronously may run 15 minutes.
    assert!(!conflict("sync=sync&duration=10m"));
    assert!(!conflict("sync=sync&duration=minutes"));
    assert!(conflict("sync=sync&duration=36h"));
    assert!(conflict("sync=sync&duration=days"));
    assert!(!conflict("sync=async&duration=days"));
}

#[test]
fn a_step_longer_than_the_whole_run_is_a_contradiction_in_figures_as_in_ranges() {
    let step_beyond_run = |query: &str| {
        run(query)
            .conflicts
            .iter()
            .find(|c| c.id == "long-step-short-run")
            .map(|c| c.questions.clone())
    };
    // Ranges: a step over 15 minutes in a run under 5.
    assert!(step_beyond_run("step_length=over-15m&duration=minutes").is_some());
    assert!(step_beyond_run("step_length=over-15m&duration=hours").is_none());
    // Figures, either side of 15 minutes: before revision 6 only the ranges were compared.
    assert!(step_beyond_run("step_length=10m&duration=6m").is_some());
    assert!(step_beyond_run("step_length=40m&duration=20m").is_some());
    assert!(step_beyond_run("step_length=40m&duration=hours").is_none());
    // A run of one step lasts as long as that step.
    assert!(step_beyond_run("step_length=10m&duration=10m").is_none());
    assert!(step_beyond_run("step_length=10m").is_none());
    // The notice points at both answers.
    assert_eq!(
        step_beyond_run("step_length=10m&duration=6m").unwrap(),
        ["duration", "step_length"]
    );
}

#[test]
fn an_answer_about_repeats_replaces_the_guess_asynchronous_express_makes() {
    let express_against = |query: &str| -> Vec<String> {
        let e = run(query);
        let against = &ranked(&e, EXP).against;
        against.iter().map(|a| a.rule.to_owned()).collect()
    };
    // Until the team says whether steps may repeat, asynchronous Express warns that they must.
    assert!(express_against("sync=async").contains(&"sync-async-exp".to_owned()));
    // Once they have said, that answer's own reasons speak, not the warning as well.
    for repeat in ["all-idempotent", "some-exactly-once"] {
        let against = express_against(&format!("sync=async&repeat_safe={repeat}"));
        assert!(
            !against.contains(&"sync-async-exp".to_owned()),
            "{repeat}: {against:?}"
        );
    }
}

#[test]
fn a_figure_just_over_a_limit_never_reads_as_100_percent() {
    // 365.5 days against Standard's year of 365 days: over by half a day.
    let e = run("duration=365.5d");
    let over = limit(&e, STD, "std-duration");
    assert!(over.share > 1.0 && over.share < 1.005, "{}", over.share);
    assert_eq!(over.share_text(), "over 100%");
    let e = run("duration=6mo");
    let within = limit(&e, DF, "df-duration");
    assert_eq!(within.share_text(), format!("{:.0}%", within.share * 100.0));
}

#[test]
fn a_run_of_a_year_is_the_year_aws_gives_standard_not_six_hours_over_it() {
    for year in ["duration=1y", "duration=12mo", "duration=365d"] {
        let e = run(year);
        assert_eq!(ranked(&e, STD).fit, Fit::Fits, "{year}");
        assert_eq!(ranked(&e, DF).fit, Fit::Fits, "{year}");
        assert!(
            e.architecture.is_none(),
            "{year}: no split when the run fits"
        );
    }
    // Past Standard's year (and within durable functions' 366 days), Standard needs a split.
    let e = run("duration=365.5d");
    assert_eq!(ranked(&e, STD).fit, Fit::NeedsSplit);
    assert_eq!(ranked(&e, DF).fit, Fit::Fits);
}

#[test]
fn a_leading_architecture_is_named_once_in_the_verdict() {
    // 24,000 steps in one run: over Standard's 25,000 history events, which continue-as-new
    // splits; Standard still leads the four.
    let e = run("steps=24000&duration=hours&coordination=central");
    let title = e.architecture.as_ref().expect("a split leads").title;
    assert!(title.starts_with("Split: "), "{title}");
    let (_, rest) = title.split_once(": ").unwrap();
    assert!(
        e.verdict.contains(&format!("Split the run leads: {rest}.")),
        "{}",
        e.verdict
    );
    assert!(!e.verdict.contains("leads: Split:"), "{}", e.verdict);
}

#[test]
fn canonical_order_follows_the_model_and_drops_blanks() {
    let m = builtin();
    let (answers, _) = parse(&m, "languages=python&waits=&duration=days&languages=java");
    assert_eq!(
        answers.to_query(&m),
        "duration=days&languages=python&languages=java"
    );
}

#[test]
fn hard_constraint_names_the_fact_that_excluded() {
    let m = builtin();
    let (answers, _) = parse(&m, "duration=hours");
    let e = evaluate(&m, &answers);
    let express = e.ranking.iter().find(|r| r.option == EXP).unwrap();
    assert!(express.excluded);
    let reason = &express.excluded_by[0];
    assert!(reason.facts.iter().all(|f| m.fact(f).is_some()));
    let text = reason.text.to_string();
    assert!(text.contains('5'), "mentions the 5-minute limit: {text}");
}

#[test]
fn what_would_change_names_a_single_answer_that_flips_the_top() {
    let m = builtin();
    let (answers, _) = parse(
        &m,
        "languages=python&definition=code&waits=human&duration=days&idle=mostly-waiting",
    );
    let e = evaluate(&m, &answers);
    assert_eq!(e.top, Some("durable-functions"));
    let change = e
        .what_would_change
        .first()
        .expect("some answer changes the pick");
    assert_ne!(change.new_top.id, "durable-functions");
    let mut changed = answers.clone();
    changed.set_slot(question(&m, &change.question.id), change.to);
    assert_eq!(
        evaluate(&m, &changed).top,
        Some(change.new_top.id.as_str()),
        "the change does what it says"
    );
}

#[test]
fn contradictory_answers_are_flagged_and_still_ranked() {
    let m = builtin();
    let (answers, _) = parse(&m, "duration=seconds&waits=human");
    let e = evaluate(&m, &answers);
    assert!(
        !e.conflicts.is_empty(),
        "a run of seconds cannot wait for a person"
    );
    assert_eq!(e.ranking.len(), 4);
}

#[test]
fn a_strong_lead_has_no_single_flip() {
    let m = builtin();
    let q = "duration=days&waits=human&repeat_safe=some-exactly-once&audit=required&services=few&languages=java";
    let e = evaluate(&m, &parse(&m, q).0);
    assert_eq!(e.top, Some(STD));
    assert!(e.what_would_change.is_empty());
}

#[test]
fn one_answer_is_never_high_confidence() {
    let m = builtin();
    let e = evaluate(&m, &parse(&m, "coordination=independent").0);
    assert!(e.confidence.percent < 35, "{:?}", e.confidence);
}

#[test]
fn confidence_grows_with_answers() {
    let m = builtin();
    let few = evaluate(&m, &parse(&m, "duration=days").0);
    let more = evaluate(
        &m,
        &parse(&m, "duration=days&waits=human&audit=required&repeat_safe=some-exactly-once&services=many&definition=visual").0,
    );
    assert!(more.confidence.percent > few.confidence.percent);
}

#[test]
fn a_code_from_an_older_revision_opens_with_a_notice() {
    let mut m = builtin();
    let (answers, _) = parse(&m, "duration=days&languages=java");
    let code = shortcode::encode(&m, &answers);
    m.revision += 1;
    let (decoded, notices) = shortcode::decode(&m, &code).unwrap();
    assert_eq!(decoded, answers);
    assert!(notices.iter().any(|n| n.kind == NoticeKind::ModelChanged));
}

#[test]
fn damaged_codes_are_refused() {
    let m = builtin();
    let code = shortcode::encode(&m, &parse(&m, "duration=days").0);
    let mut damaged = code.clone().into_bytes();
    let last = damaged.len() - 2;
    damaged[last] = if damaged[last] == b'A' { b'B' } else { b'A' };
    assert!(shortcode::decode(&m, std::str::from_utf8(&damaged).unwrap()).is_err());
    assert!(shortcode::decode(&m, "!!!").is_err());
    assert!(shortcode::decode(&m, "").is_err());
}

#[test]
fn a_teams_model_can_add_an_option() {
    let extra = r#"
[[option]]
id = "temporal"
name = "Temporal"
short = "Temporal"
summary = "A self-hosted workflow engine."

[[rule]]
id = "definition-code-temporal"
when = { question = "definition", any = ["code"] }
option = "temporal"
weight = 40
reason = "Temporal workflows are ordinary code."
facts = ["df-runtimes-aws"]
"#;
    let src = format!("{}\n{extra}", decision::load::BUILTIN_TOML);
    let m = decision::load::from_toml(&src, "team.toml").expect("valid");
    let e = evaluate(&m, &parse(&m, "definition=code").0);
    assert_eq!(e.ranking.len(), 5);
    assert_eq!(e.top, Some("temporal"));
}

/// Price is weighed once. The rate rules that speak of price stand in for the cost question
/// until it is answered; once it is, the cost effect prices every option at the team's
/// numbers, and "ignore cost" leaves price out altogether.
#[test]
fn price_is_counted_once() {
    let price_rules = [
        "rate-under-100-std",
        "rate-under-100-exp",
        "rate-100-2000-std",
        "rate-100-2000-exp",
        "rate-2000-100k-std",
    ];
    let fired = |e: &Evaluation<'static>| fired_among(e, &price_rules);
    for rate in ["50", "500", "5000"] {
        // One step a run, so that 50 starts a second is 50 state transitions a second.
        let unweighed = run(&format!("duration=5s&steps=1&rate={rate}"));
        assert!(
            !fired(&unweighed).is_empty(),
            "rate={rate} without a cost answer"
        );
        for cost in ["decisive", "matters", "ignore"] {
            let e = run(&format!("duration=5s&steps=1&rate={rate}&cost={cost}"));
            assert_eq!(fired(&e), Vec::<&str>::new(), "rate={rate}&cost={cost}");
        }
    }
}

/// The walkthrough's payment: it must run once, 500 starts a second, cost matters. Express's
/// price was counted twice (its rate rule and the cost effect) and outweighed the exactly-once
/// requirement; counted once, Standard leads, with its start-rate quota named against it.
#[test]
fn an_exactly_once_payment_at_hundreds_a_second_leads_with_standard() {
    let e = run("duration=5s&rate=500&repeat_safe=some-exactly-once&cost=matters");
    assert_eq!(rank(&e, STD), 0, "{:?}", e.verdict);
    let std = ranked(&e, STD);
    assert!(std.against.iter().any(|r| r.rule == "std-start-rate"));
    assert!(std.against.iter().any(|r| r.rule == "cost"));
    let exp = ranked(&e, EXP);
    assert!(exp.pros.iter().any(|r| r.rule == "cost"));
}

/// Synchronous Express runs at most once. A reason for it never rests on "its at-least-once
/// model" alone, which sat beside "runs at most once" for a synchronous chatbot flow.
#[test]
fn synchronous_express_is_never_called_at_least_once() {
    let e = run("duration=8s&sync=sync&repeat_safe=all-idempotent");
    let pros: Vec<String> = ranked(&e, EXP)
        .pros
        .iter()
        .map(|r| r.text.to_string())
        .collect();
    assert!(pros.iter().any(|t| t.contains("at most once")), "{pros:?}");
    for text in &pros {
        assert!(
            !text.contains("at-least-once") || text.contains("asynchronous"),
            "{text}"
        );
    }
}

/// A step of 30 minutes cannot run in one Lambda invocation. Durable functions and
/// EventBridge get around it by handing the step to another service (each limit's advice),
/// and read as needing that workaround, not as fitting; when such an option leads, the
/// verdict says what it works around.
#[test]
fn past_a_hard_limit_with_a_workaround_is_not_a_plain_fit() {
    let e = run("duration=3h&step_length=30m&coordination=central");
    for option in [DF, EB] {
        let r = ranked(&e, option);
        assert_eq!(r.fit, Fit::NeedsWorkaround, "{option}");
        assert!(r.limits.iter().any(|l| l.status == LimitStatus::OverHard));
    }
    assert_eq!(ranked(&e, STD).fit, Fit::Fits);

    let lead = run("duration=3h&step_length=30m&definition=code&languages=python&waits=callbacks&idle=mostly-waiting");
    assert_eq!(lead.top, Some(DF), "{}", lead.verdict);
    assert!(
        lead.verdict
            .contains("goes around a hard limit (“Longest step"),
        "{}",
        lead.verdict
    );
}

/// A nightly job's rate, below the smallest figure the rate question takes (0.001 a second),
/// answers the lowest range with a notice that says so, instead of being dropped with a
/// notice that gave the smallest figure as "0 per second".
#[test]
fn a_rate_below_the_smallest_figure_counts_as_the_lowest_range() {
    for value in ["1/d", "1%2Fh", "0"] {
        let q = PageQuery::parse(&builtin(), &format!("rate={value}&duration=2h"));
        assert_eq!(
            q.answers.to_query(&builtin()),
            "duration=2h&rate=under-100",
            "{value}"
        );
        assert_eq!(q.notices.len(), 1, "{value}");
        let notice = &q.notices[0];
        assert_eq!(notice.kind, NoticeKind::OutOfRange);
        assert!(
            notice.message.contains("(0.001 per second)"),
            "{}",
            notice.message
        );
        assert!(
            notice.message.contains("counts as “Under 100"),
            "{}",
            notice.message
        );
    }
    // Above the largest figure nothing is assumed: the answer is left out.
    let q = PageQuery::parse(&builtin(), "rate=20m&duration=2h");
    assert_eq!(q.answers.to_query(&builtin()), "duration=2h");
    assert!(q.notices[0]
        .message
        .contains("0.001 per second to 10 million per second"));
}

/// The growth warning is about Express's headroom under 5 minutes; a run of hours is past the
/// limit already (and excluded by it), where "more than half of 5 minutes" says nothing.
#[test]
fn the_growth_headroom_warning_is_for_runs_under_five_minutes() {
    let fired = |q: &str| {
        let e = run(q);
        ranked(&e, EXP)
            .against
            .iter()
            .any(|r| r.rule == "growth-headroom-exp")
    };
    assert!(fired("duration=4m&growth=may-grow"));
    assert!(!fired("duration=2h&growth=may-grow"));
    assert!(!fired("duration=hours&growth=may-grow"));
}

/// Durable functions have no announcement for GovCloud (US) or China: a team there cannot
/// build on them, so they are set aside as a judgement with what to check, not ranked first
/// with a caveat (helper review, 2026-12-02: they led at 65 in GovCloud).
#[test]
fn durable_functions_are_set_aside_where_aws_has_not_announced_them() {
    let base = "languages=python&definition=code&duration=2d&waits=human";
    let commercial = run(base);
    assert_eq!(
        commercial.top,
        Some(DF),
        "the same work elsewhere leads with durable functions"
    );
    for region in ["govcloud", "china"] {
        let e = run(&format!("{base}&region={region}"));
        assert!(excluded(&e, DF), "{region}");
        let why = &ranked(&e, DF).excluded_by[0];
        assert_eq!(why.rule, "region-unannounced-df");
        assert!(why.judgement && why.advice.is_some(), "{region}: {why:?}");
        assert_ne!(e.top, Some(DF), "{region}");
    }
}

/// "At this volume" means the volume of work the claim is about. Case C6 (50 starts a second,
/// 500 items of 5 steps each) was told Standard's per-transition charges "stay small" beside
/// $63,520 a month, and that Lambda's concurrency is "rarely a constraint" at 125,000 steps a
/// second (helper review, 2026-12-02). The low-volume rules now also need the steps a second
/// (starts × items × steps) under the same 100.
#[test]
fn low_volume_reasons_count_the_work_a_run_fans_out_to() {
    let low = [
        "rate-under-100-df",
        "rate-under-100-std",
        "rate-under-100-exp",
    ];
    let fired = |e: &Evaluation<'static>| fired_among(e, &low);
    let fanned = run("waits=human&repeat_safe=some-exactly-once&fanout=500&rate=50&duration=1d&audit=required&steps=5");
    assert_eq!(fired(&fanned), Vec::<&str>::new());
    let single = run(
        "waits=human&repeat_safe=some-exactly-once&rate=0.5&duration=1d&audit=required&steps=5",
    );
    assert_eq!(
        fired(&single).len(),
        3,
        "half a start a second of 5 steps is low volume"
    );
}

/// A price claim holds only where the model knows it is true (fresh user test, 2026-12-02
/// evening). 50 steady starts a second of 2-minute runs, steps not given, were told "at under
/// 100 state transitions a second, per-transition charges stay small" while the cost section
/// priced 5 assumed steps (250 a second, $13,364 a month); 450 starts a second of 4-minute runs
/// were told Express "is cheaper per run at this volume" beside the highest price of the four.
/// The low-volume price rules now need the state transitions a second to be known, and
/// Express's per-run claim a run of under a minute (at most about three transitions' price).
#[test]
fn price_reasons_claim_only_what_the_figures_show() {
    let low = ["rate-under-100-std", "rate-under-100-exp"];
    let steps_unknown = run("rate=50&load_shape=steady&duration=2m");
    assert_eq!(fired_among(&steps_unknown, &low), Vec::<&str>::new());
    let one_step = run("rate=50&load_shape=steady&duration=2m&steps=1");
    assert_eq!(fired_among(&one_step, &low), low.to_vec());
    let exp = ["rate-100-2000-exp"];
    assert_eq!(
        fired_among(&run("duration=4m&rate=450"), &exp),
        Vec::<&str>::new()
    );
    assert_eq!(
        fired_among(&run("duration=30s&rate=450"), &exp),
        exp.to_vec()
    );
}

/// Case C2: a run that mostly waits on timers, with nothing outside it to wait for. Durable
/// functions were told both "waits suspend with no compute charges" and "suspending without
/// compute charges would go unused", and the excluded Express that "its 5-minute window does
/// not get in the way" of a one-hour run (helper review, 2026-12-02). The `waits` answer is
/// about what is outside the run; its reasons now say only that.
#[test]
fn no_outside_waits_does_not_deny_timer_waits() {
    let e = run(
        "duration=1h&steps=2&idle=mostly-waiting&waits=none&trigger=event&runs_per_month=50&cost=matters",
    );
    let reason = |option: &str, rule: &str| {
        let r = ranked(&e, option);
        r.pros
            .iter()
            .chain(&r.against)
            .find(|x| x.rule == rule)
            .map(|x| x.text.to_string())
            .unwrap_or_else(|| panic!("{option} shows {rule}"))
    };
    assert!(reason(DF, "idle-mostly-waiting-df").contains("suspend"));
    let none_df = reason(DF, "waits-none-df");
    assert!(none_df.contains("outside the run"), "{none_df}");
    assert!(!none_df.starts_with("Suspending"), "{none_df}");
    let none_exp = reason(EXP, "waits-none-exp");
    assert!(!none_exp.contains("5-minute"), "{none_exp}");
}

/// The rules among `rules` that gave any option a reason for or against.
fn fired_among(e: &Evaluation<'static>, rules: &[&str]) -> Vec<&'static str> {
    e.ranking
        .iter()
        .flat_map(|r| r.pros.iter().chain(&r.against))
        .map(|reason| reason.rule)
        .filter(|rule| rules.contains(rule))
        .collect()
}

/// A run of "1 to 5 minutes" may come close to Express's 5-minute cap, and so may a figure
/// above half of it; a figure of 2 minutes leaves more than double headroom and is not told it
/// has little (it was until model version 2026.12.02.6, because the rule read the range the
/// figure falls in).
#[test]
fn express_headroom_is_warned_of_only_where_the_run_may_take_over_half_its_cap() {
    let headroom = ["duration-minutes-exp"];
    let fired = |q: &str| fired_among(&run(q), &headroom);
    assert_eq!(fired("duration=minutes&waits=none"), headroom, "a range");
    assert_eq!(fired("duration=4m&waits=none"), headroom, "4 minutes");
    assert!(fired("duration=2m&waits=none").is_empty(), "2 minutes");
    assert!(fired("duration=150s&waits=none").is_empty(), "exactly half");
    let (two, four) = (run("duration=2m&waits=none"), run("duration=4m&waits=none"));
    assert!(
        ranked(&two, EXP).score > ranked(&four, EXP).score,
        "Express fits a 2-minute run better than a 4-minute one"
    );
}

#[test]
fn the_short_verdict_of_a_tie_names_the_level_options_without_the_next_question() {
    let m = builtin();
    let (answers, _) = parse(&m, "duration=36h&waits=human");
    let e = evaluate(&m, &answers);
    assert_eq!(e.top, None, "{}", e.verdict);
    assert!(e.verdict.contains("Next, answer “"), "{}", e.verdict);
    assert_eq!(
        e.short_verdict(),
        "Lambda durable functions and Step Functions Standard are level on your answers so far."
    );
    let none = evaluate(&m, &Answers::default());
    assert_eq!(
        none.short_verdict(),
        "Nothing separates the 4 options yet: answer a question to start."
    );
}

/// The form in the browser checks the range a typed figure selects; it must be the range a
/// link with that figure answers, or the page shows one answer and the server another.
#[test]
fn a_typed_figure_selects_the_choice_a_link_with_it_answers() {
    let m = &*common::MODEL;
    for (id, typed) in [
        ("duration", "36h"),
        ("duration", "20 years"),
        ("duration", "11y"),
        ("duration", "0.01s"),
        ("duration", "days"),
        ("duration", "soon"),
        ("rate", "450"),
        ("rate", "20M"),
        ("rate", "0.0001"),
        ("rate", "1/d"),
    ] {
        let q = m.question(id).expect("a question of the model");
        let typed_choice = decision::answers::typed_choice(q, typed);
        let encoded = decision::query::percent_encode(typed);
        let (answers, _) = parse(m, &format!("{id}={encoded}"));
        let slot = answers.slot(question(m, id));
        let linked_choice = (slot.choices != 0).then(|| slot.choices.trailing_zeros() as usize);
        assert_eq!(typed_choice, linked_choice, "{id}={typed}");
    }
    // Above the largest figure a question takes nothing is selected: a link leaves it out.
    let duration = m.question("duration").unwrap();
    assert_eq!(decision::answers::typed_choice(duration, "20 years"), None);
    let days = decision::answers::typed_choice(duration, "36h").map(|i| &duration.choices[i].id);
    assert_eq!(days.map(String::as_str), Some("days"));
}

/// The page's title ends the verdict at the dash, not with a full stop before it.
#[test]
fn the_page_title_drops_the_verdicts_full_stop() {
    let e = run("waits=human&duration=days&repeat_safe=some-exactly-once&audit=required");
    assert!(e.verdict.ends_with('.'), "{}", e.verdict);
    let title = e.page_title();
    assert!(title.ends_with(" — Orchestration Advisor"), "{title}");
    assert!(!title.contains(". —"), "{title}");
    assert_eq!(
        run("").page_title(),
        "Orchestration Advisor — choose how to orchestrate work on AWS"
    );
}
