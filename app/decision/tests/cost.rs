//! The cost model: corrections.md's worked checks to the cent, and the properties a monthly
//! cost must have.

mod common;
use common::*;
use decision::engine::cost::{charge, series};
use decision::PageQuery;

fn line(e: &decision::Evaluation<'static>, option: &str, item: &str) -> f64 {
    ranked(e, option)
        .cost
        .as_ref()
        .expect("priced")
        .breakdown
        .iter()
        .find(|l| l.item == item)
        .unwrap_or_else(|| panic!("{option} has a {item} line"))
        .usd
}

fn cents(v: f64) -> i64 {
    (v * 100.0).round() as i64
}

#[test]
fn standard_and_express_orchestration_reproduce_the_worked_checks() {
    // corrections.md: Standard with 10 transitions ≈ $250 per million runs; Express, 1 s at
    // 64 MB ≈ $2.04 per million. Free tier excluded.
    // The example gives `memory_mb=64`; Lambda's smallest setting is 128 MB, so that
    // one answer is set aside with a notice and the orchestration figures are unaffected.
    let q = PageQuery::parse(
        &MODEL,
        "runs_per_month=1000000&steps=10&duration=1s&memory_mb=64&free_tier=exclude",
    );
    assert_eq!(q.notices.len(), 1);
    assert_eq!(q.notices[0].key.as_deref(), Some("memory_mb"));
    let e = decision::evaluate(&MODEL, &q.answers);
    assert_eq!(cents(line(&e, STD, "State transitions")), 25_000);
    let express =
        line(&e, EXP, "Express requests") + line(&e, EXP, "Express duration (GB-seconds)");
    assert_eq!(cents(express), 204);
    // Both also run the steps' Lambda work, the same ten invocations a run.
    assert_eq!(
        line(&e, STD, "Lambda requests"),
        line(&e, EXP, "Lambda requests")
    );
}

#[test]
fn durable_functions_reproduce_the_worked_check() {
    // 10 operations, 3 invocations and 0.5 GB-seconds a run, a million runs: ≈ $88.93.
    let p = |id: &str| MODEL.price(id).unwrap();
    let runs = 1e6;
    let total = charge(p("durable-operation"), 10.0 * runs, false)
        + charge(p("lambda-request"), 3.0 * runs, false)
        + charge(p("lambda-gb-second"), 0.5 * runs, false);
    assert_eq!(cents(total), 8_893);
}

#[test]
fn eventbridge_reproduces_the_worked_check() {
    // One event to 3 consumers of 128 MB running 200 ms: ≈ $2.85 per million.
    let e = run(
        "runs_per_month=1000000&steps=1&consumers=3&memory_mb=128&step_ms=200&free_tier=exclude",
    );
    let cost = ranked(&e, EB).cost.as_ref().unwrap();
    assert_eq!(cents(cost.monthly_usd), 285);
    assert!(e.cost_assumptions.iter().all(|a| !a.contains("Consumers")));
}

#[test]
fn breakdowns_sum_to_their_totals() {
    for q in [
        "",
        "rate=450&load_shape=daily-peaks&steps=12&duration=36h",
        "runs_per_month=2.5M&fanout=1000&steps=2&payload=300",
    ] {
        let e = run(q);
        for r in &e.ranking {
            let c = r.cost.as_ref().expect("every built-in option is priced");
            let sum: f64 = c.breakdown.iter().map(|l| l.usd).sum();
            assert!(
                (sum - c.monthly_usd).abs() < 1e-6 * c.monthly_usd.max(1.0),
                "{}: {q}",
                r.option
            );
            assert!(!c.facts.is_empty());
        }
    }
}

#[test]
fn missing_figures_are_labelled_assumptions() {
    let e = run("duration=hours");
    assert!(e
        .cost_assumptions
        .iter()
        .any(|a| a.starts_with("Runs per month") && a.contains("typical")));
    assert!(e
        .cost_assumptions
        .iter()
        .any(|a| a.starts_with("Steps per item")));
    // Durable function prices were read only on third-party pages, and are labelled so.
    assert!(ranked(&e, DF).cost.as_ref().unwrap().third_party);
}

#[test]
fn cost_never_decreases_as_volume_grows() {
    for q in [
        "",
        "steps=10&duration=1s&memory_mb=64&free_tier=include",
        "steps=3&fanout=100&duration=90s&payload=100",
    ] {
        let answers = PageQuery::parse(&MODEL, q).answers;
        for (option, line) in series(&MODEL, &answers, 60) {
            for w in line.windows(2) {
                assert!(
                    w[1].1 >= w[0].1 - 1e-9,
                    "{}: {q}: {w:?}",
                    MODEL.options[option].id
                );
            }
        }
    }
}

#[test]
fn crossovers_are_where_the_lines_cross() {
    // With the free tier, Standard is free at low volume and Express is not.
    let answers = PageQuery::parse(&MODEL, "steps=5&duration=2s&free_tier=include").answers;
    let crossings = decision::engine::cost::crossovers(&MODEL, &answers);
    assert!(!crossings.is_empty());
    let lines = series(&MODEL, &answers, 2);
    assert!(!lines.is_empty());
    for c in &crossings {
        let at = |option: &str, runs: f64| {
            let q = format!("steps=5&duration=2s&free_tier=include&runs_per_month={runs}");
            ranked(&run(&q), option).cost.as_ref().unwrap().monthly_usd
        };
        let x = c.above_runs_per_month;
        assert!(
            at(c.cheaper, x * 1.05) < at(c.than, x * 1.05),
            "{c:?} just above"
        );
        assert!(
            at(c.cheaper, x / 1.05) >= at(c.than, x / 1.05),
            "{c:?} just below"
        );
    }
}

#[test]
fn cost_moves_the_ranking_only_when_weighed() {
    let base = "rate=50&load_shape=steady&steps=10&duration=2s&repeat_safe=all-idempotent";
    let ignore = run(&format!("{base}&cost=ignore"));
    assert!(ignore.ranking.iter().all(|r| r
        .pros
        .iter()
        .chain(&r.against)
        .all(|x| x.rule != "cost")));
    let decisive = run(&format!("{base}&cost=decisive"));
    let std = ranked(&decisive, STD);
    let reason = std
        .against
        .iter()
        .find(|r| r.rule == "cost")
        .expect("cost weighs against Standard");
    assert!(
        reason.text.to_string().contains("times the cheapest"),
        "{}",
        reason.text
    );
    assert!(!reason.facts.is_empty());
    assert!(ranked(&decisive, STD).score < ranked(&ignore, STD).score);
}

#[test]
fn the_chart_names_each_crossover_or_the_option_cheapest_throughout() {
    let crossing = PageQuery::parse(&MODEL, "steps=5&duration=2s&free_tier=include").answers;
    let chart = decision::chart::build(&MODEL, &crossing, None);
    assert!(!chart.crossovers.is_empty());
    for (_, words) in &chart.crossovers {
        assert!(words.contains(" is cheaper than "), "{words}");
        assert!(chart.summary.contains(words.as_str()), "{}", chart.summary);
    }

    // Without the free tier every line is proportional to volume: no crossing, and the
    // summary names the option whose line lies lowest.
    let parallel = PageQuery::parse(&MODEL, "steps=10&duration=1s&free_tier=exclude").answers;
    let chart = decision::chart::build(&MODEL, &parallel, None);
    if chart.crossovers.is_empty() {
        let lowest = chart
            .lines
            .iter()
            .min_by(|a, b| a.points[5].1.total_cmp(&b.points[5].1))
            .unwrap();
        let name = &MODEL.options[lowest.option].name;
        assert!(
            chart
                .summary
                .contains(&format!("{name} costs least throughout")),
            "{}",
            chart.summary
        );
    } else {
        assert!(
            chart.summary.contains(" is cheaper than "),
            "{}",
            chart.summary
        );
    }
}

#[test]
fn an_assumed_volume_far_below_the_peak_given_says_the_costs_are_likely_low() {
    let runs_line = |query: &str| {
        run(query)
            .cost_assumptions
            .into_iter()
            .find(|a| a.starts_with("Runs per month"))
    };
    // 1 million runs a month averages about 0.38 a second; a 500-a-second peak is far above it.
    let line = runs_line("duration=5s&rate=500&cost=matters").expect("runs are assumed");
    assert!(
        line.contains("far below the peak of 500 a second given"),
        "{line}"
    );
    assert!(line.contains("likely too low"), "{line}");
    // A peak near the typical average says nothing more; without a peak neither.
    let line = runs_line("duration=5s&rate=2/s&cost=matters").expect("runs are assumed");
    assert!(!line.contains("peak of"), "{line}");
    let line = runs_line("duration=5s&cost=matters").expect("runs are assumed");
    assert!(!line.contains("peak of"), "{line}");
    // Given volumes are not assumed at all.
    assert_eq!(
        runs_line("duration=5s&rate=500&runs_per_month=2.5M&cost=matters"),
        None
    );
}

/// A run that fans out over many items does each item's steps whichever option runs it: the
/// Lambda work is the same for all four, and with EventBridge every step of every item is an
/// event. Until 2026-12-01 EventBridge counted one item, so over 1,000 items it looked a
/// thousand times cheaper than the others and the cost effect favoured it for that alone.
#[test]
fn a_fan_out_is_priced_alike_for_every_option() {
    let e = run("steps=1&fanout=1000&runs_per_month=1000&step_ms=1000&memory_mb=1024&free_tier=exclude&consumers=1");
    let compute = "Lambda compute (GB-seconds)";
    let std = line(&e, STD, compute);
    assert!(std > 16.0, "1,000 GB-s per run, 1,000 runs: {std}");
    for option in [EXP, EB] {
        assert_eq!(cents(line(&e, option, compute)), cents(std), "{option}");
    }
    // One event per step of each item: 1,000 a run, a million a month at $1 per million.
    assert_eq!(cents(line(&e, EB, "Events published (64 KB chunks)")), 100);
}

/// The PutEvents quota is checked at the events a second the cost counts: starts × steps ×
/// items, or starts × items while the steps are not given.
#[test]
fn the_putevents_quota_is_checked_at_events_per_second() {
    let e = run("rate=10&steps=4&fanout=1000");
    let l = limit(&e, EB, "eb-putevents");
    assert_eq!(l.value, 40_000.0);
    assert_ne!(l.status, decision::engine::limits::LimitStatus::Ok);
    let unknown_steps = run("rate=10&fanout=1000");
    assert_eq!(limit(&unknown_steps, EB, "eb-putevents").value, 10_000.0);
    assert_eq!(limit(&run("rate=10"), EB, "eb-putevents").value, 10.0);
}

/// A volume beyond the chart's range is not marked on it, and the chart says where it is.
#[test]
fn a_volume_off_the_chart_is_named_not_silently_dropped() {
    let model = &*MODEL;
    let answers = PageQuery::parse(model, "duration=2s").answers;
    let far = decision::chart::build(model, &answers, Some(42.1e9));
    assert_eq!(far.marker, None);
    let note = far.off_chart.expect("a volume past 10 billion is named");
    assert!(note.contains("42.1 billion"), "{note}");
    assert!(note.contains("right edge (10 billion"), "{note}");
    let low = decision::chart::build(model, &answers, Some(30.0))
        .off_chart
        .unwrap();
    assert!(
        low.contains("30 runs a month") && low.contains("left edge (1,000"),
        "{low}"
    );
    let on = decision::chart::build(model, &answers, Some(1e6));
    assert!(on.marker.is_some() && on.off_chart.is_none());
}

/// A few dollars a month between options is no trade an architect would make: with cost
/// weighed, an option within the model's floor of the cheapest counts as level (and says so),
/// and none is marked down for being "eleven times" a bill of cents.
#[test]
fn a_few_dollars_a_month_is_level_on_cost() {
    let floor = MODEL.scoring.cost_floor_usd;
    assert!(floor > 0.0, "the built-in model sets a floor");
    let e = run("runs_per_month=10000&steps=10&duration=2s&cost=matters&free_tier=exclude");
    let monthly: Vec<(&str, f64)> = e
        .ranking
        .iter()
        .filter(|r| r.fit != decision::engine::Fit::Excluded)
        .map(|r| (r.option, r.cost.as_ref().expect("priced").monthly_usd))
        .collect();
    let cheapest = monthly.iter().map(|m| m.1).fold(f64::INFINITY, f64::min);
    let (dearest, most) = monthly
        .iter()
        .copied()
        .fold(("", 0.0), |a, m| if m.1 > a.1 { m } else { a });
    assert!(
        most > cheapest * 3.0 && most - cheapest < floor,
        "the case differs by a ratio but not by much money: {monthly:?}"
    );
    let r = ranked(&e, dearest);
    assert!(
        r.against.iter().all(|x| x.rule != "cost"),
        "{:?}",
        r.against
    );
    let level = r
        .pros
        .iter()
        .find(|x| x.rule == "cost")
        .expect("the dearest counts as level on cost");
    assert!(
        level.text.to_string().contains("counts as level on cost"),
        "{}",
        level.text
    );
}

/// The price per million runs is a list price. With the free tier counted, 30 runs a month
/// cost nothing, and the page said so per million runs too ("$0.00 per million runs"; helper
/// review, 2026-12-02), which no team could plan on.
#[test]
fn the_price_per_million_runs_leaves_the_free_tier_out() {
    let base = "runs_per_month=30&duration=2m&steps=3&cost=decisive";
    let with = run(&format!("{base}&free_tier=include"));
    let without = run(&format!("{base}&free_tier=exclude"));
    for r in &with.ranking {
        let c = r.cost.as_ref().expect("priced");
        let list = ranked(&without, r.option).cost.as_ref().expect("priced");
        assert!(c.monthly_usd <= list.monthly_usd, "{}", r.option);
        assert!(c.per_million_runs_usd > 0.0, "{}", r.option);
        assert_eq!(
            cents(c.per_million_runs_usd),
            cents(list.per_million_runs_usd),
            "{}",
            r.option
        );
    }
    assert!(
        ranked(&with, STD).cost.as_ref().unwrap().monthly_usd < 0.01,
        "the free tier covers Standard's 30 runs"
    );
}

/// A monthly cost says at what volume it is priced, and its price per million runs only where
/// that reads differently: at a typical million runs a month with no free tier they are the
/// same figure, and the page read "$127.04 a month, $127.04 per million runs".
#[test]
fn a_monthly_cost_names_its_volume_and_does_not_repeat_itself() {
    use decision::engine::cost::month_words;
    assert_eq!(
        month_words(127.04, 1e6, 127.04),
        " a month at 1 million runs"
    );
    assert_eq!(
        month_words(0.69, 3_000.0, 229.6),
        " a month at 3,000 runs, $229.60 per million runs"
    );
    let e = run("duration=5m&waits=human&steps=12");
    let mut shown = 0;
    for r in &e.ranking {
        let Some(c) = &r.cost else { continue };
        shown += 1;
        assert_eq!(c.runs_per_month, 1e6, "the typical volume");
        let words = format!(
            "{}{}",
            decision::number::usd(c.monthly_usd),
            c.month_words()
        );
        assert!(words.contains("a month at 1 million runs"), "{words}");
        let dollars: Vec<&str> = words.split(' ').filter(|w| w.starts_with('$')).collect();
        let mut unique = dollars.clone();
        unique.dedup();
        assert_eq!(dollars, unique, "{words}");
    }
    assert!(shown >= 3, "costs shown: {shown}");
}
