//! Property tests: the engine is total and deterministic for any input, garbage and any figure
//! included, and a figure never claims less than its bucket.

mod common;
use common::MODEL;
use decision::answers::Slot;
use decision::engine::{cost, Fit};
use decision::{chart, evaluate, shortcode, Answers, PageQuery};
use proptest::prelude::*;

/// Query strings mixing real ids, real values, figures with units, garbage and broken encodings.
fn query() -> impl Strategy<Value = String> {
    let m = &*MODEL;
    let keys: Vec<String> = m
        .questions
        .iter()
        .map(|q| q.id.clone())
        .chain([
            "bogus".into(),
            "options".into(),
            "%FF".into(),
            "".into(),
            "theme".into(),
        ])
        .collect();
    let values: Vec<String> = m
        .questions
        .iter()
        .flat_map(|q| q.choices.iter().map(|c| c.id.clone()))
        .chain([
            "".into(),
            "%E2%82".into(),
            "x y".into(),
            "ü".into(),
            "-5".into(),
            "1e400".into(),
            "NaN".into(),
        ])
        .collect();
    let figure = (
        0.0f64..1e7,
        proptest::sample::select(vec![
            "", "s", "m", "h", "d", "k", "/min", " days", "MB", "mo",
        ]),
    )
        .prop_map(|(v, u)| format!("{v}{u}"));
    let pair = (
        prop_oneof![proptest::sample::select(keys), "[ -~]{0,8}"],
        prop_oneof![proptest::sample::select(values), figure, "[^&]{0,12}"],
    )
        .prop_map(|(k, v)| format!("{k}={v}"));
    prop::collection::vec(pair, 0..24).prop_map(|pairs| pairs.join("&"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_query_gives_a_full_bounded_deterministic_ranking(q in query()) {
        let m = &*MODEL;
        let answers = PageQuery::parse(m, &q).answers;
        let a = evaluate(m, &answers);
        let b = evaluate(m, &answers);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.ranking.len(), m.options.len());
        for r in &a.ranking {
            prop_assert!(r.score <= 100);
            for l in &r.limits {
                prop_assert!(l.share.is_finite() && l.share >= 0.0, "{:?}", l);
            }
            if let Some(c) = &r.cost {
                prop_assert!(c.monthly_usd.is_finite() && c.monthly_usd >= 0.0);
            }
        }
        let first_excluded = a.ranking.iter().position(|r| r.excluded).unwrap_or(a.ranking.len());
        prop_assert!(a.ranking[first_excluded..].iter().all(|r| r.excluded));
        prop_assert!(a.confidence.percent <= 100);
        // Serialises (the API's body) without failing.
        prop_assert!(serde_json::to_string(&a).is_ok());
    }

    #[test]
    fn no_suggested_change_contradicts_the_other_answers(q in query()) {
        let m = &*MODEL;
        let answers = PageQuery::parse(m, &q).answers;
        let e = evaluate(m, &answers);
        let before: Vec<String> = e.conflicts.iter().map(|c| c.id.to_string()).collect();
        for change in &e.what_would_change {
            let q = m.questions.iter().position(|x| x.id == change.question.id).unwrap();
            let mut after = answers.clone();
            after.set_slot(q, change.to);
            // The model's conflicts: answers that contradict each other. (Figures beyond
            // every option are a finding about the workload, not a contradiction.)
            let contradictions = evaluate(m, &after)
                .conflicts
                .into_iter()
                .filter(|c| m.conflicts.iter().any(|mc| mc.id == c.id));
            for c in contradictions {
                prop_assert!(
                    before.contains(&c.id.to_string()),
                    "“{}” → {:?} raises {}", change.question.id, change.to, c.id
                );
            }
        }
    }

    #[test]
    fn canonical_query_and_short_code_round_trip(q in query()) {
        let m = &*MODEL;
        let answers = PageQuery::parse(m, &q).answers;
        let again = PageQuery::parse(m, &answers.to_query(m));
        prop_assert!(again.notices.is_empty(), "{:?}", again.notices);
        prop_assert_eq!(&again.answers, &answers);
        let code = shortcode::encode(m, &answers);
        let (decoded, notices) = shortcode::decode(m, &code).expect("own codes open");
        prop_assert!(notices.is_empty());
        prop_assert_eq!(decoded, answers);
    }

    #[test]
    fn any_code_string_opens_or_is_refused_without_panic(code in "[A-Za-z0-9_\\-]{0,40}|.{0,40}") {
        let _ = shortcode::decode(&MODEL, &code);
    }

    #[test]
    fn a_figure_rules_out_at_least_what_its_bucket_does(q in query(), which in 0usize..4, fraction in 0.0f64..1.0) {
        let m = &*MODEL;
        let id = ["duration", "rate", "fanout", "payload"][which];
        let qi = m.question_index(id).unwrap();
        let spec = m.questions[qi].number.clone().unwrap();
        // Spread figures over the whole range on a log scale.
        let v = (spec.min.max(1e-3).ln() + fraction * (spec.max.ln() - spec.min.max(1e-3).ln())).exp();
        let v = (v * 1000.0).round() / 1000.0;
        prop_assume!(v >= spec.min && v <= spec.max);
        let mut with_figure = PageQuery::parse(m, &q).answers;
        let bucket = m.questions[qi].choice_for(v).expect("ranges cover the figure range");
        with_figure.set_slot(qi, Slot { choices: 1 << bucket, number: Some(v) });
        let mut with_bucket = with_figure.clone();
        with_bucket.set_slot(qi, Slot { choices: 1 << bucket, number: None });
        let (f, b) = (evaluate(m, &with_figure), evaluate(m, &with_bucket));
        for r in &b.ranking {
            let fr = f.ranking.iter().find(|x| x.option == r.option).unwrap();
            match r.fit {
                Fit::Excluded => prop_assert_eq!(fr.fit, Fit::Excluded, "{} at {}={}", r.option, id, v),
                Fit::NeedsSplit | Fit::NeedsWorkaround => {
                    prop_assert_ne!(fr.fit, Fit::Fits, "{} at {}={}", r.option, id, v)
                }
                Fit::Fits => {}
            }
        }
    }

    #[test]
    fn the_cost_chart_reads_only_the_priced_questions(q in query()) {
        // The advisor rebuilds its chart only when these answers change; an answer elsewhere
        // that moved a price would leave a stale chart on screen.
        let m = &*MODEL;
        let answers = PageQuery::parse(m, &q).answers;
        let priced = answers.restricted_to(m.priced_questions());
        let runs = cost::team_runs(m, &answers);
        prop_assert_eq!(cost::team_runs(m, &priced), runs);
        prop_assert_eq!(chart::build(m, &priced, runs), chart::build(m, &answers, runs));
        // The volume marked is the one the option costs were worked out for, unless assumed.
        let e = evaluate(m, &answers);
        let assumed = e.cost_assumptions.iter().any(|a| a.starts_with("Runs per month"));
        let costed = e.ranking.iter().find_map(|r| r.cost.as_ref().map(|c| c.runs_per_month));
        prop_assert_eq!(runs, costed.filter(|_| !assumed));
    }

    #[test]
    fn replacing_one_answer_equals_reading_the_whole_form_again(
        q in query(),
        which in 0usize..64,
        picks in prop::collection::vec((0usize..64, 0.0f64..1e6, 0usize..4), 0..4),
    ) {
        // The advisor re-reads only the edited question's inputs; the answers and notices must
        // be what reading every input of the form would give.
        let m = &*MODEL;
        let mut base = PageQuery::parse(m, &q).answers;
        let qi = which % m.questions.len();
        let question = &m.questions[qi];
        // Most random queries leave a given question open; answer it half the time, so an
        // edit that clears or changes an answer is tried as often as one that gives it.
        if which >= 32 && !question.choices.is_empty() {
            base.set_slot(qi, Slot { choices: 1, number: None });
        }
        let values: Vec<String> = picks
            .iter()
            .map(|&(c, v, kind)| match kind {
                0 | 1 if !question.choices.is_empty() => {
                    question.choices[c % question.choices.len()].id.clone()
                }
                2 => format!("{v}"),
                _ => ["", "lots", "-5", "1e400"][c % 4].to_owned(),
            })
            .collect();
        let canonical = base.to_query(m);
        prop_assume!(!canonical.contains('%'));
        let mut pairs: Vec<(&str, &str)> = canonical
            .split('&')
            .filter_map(|p| p.split_once('='))
            .filter(|(k, _)| *k != question.id)
            .collect();
        pairs.extend(values.iter().map(|v| (question.id.as_str(), v.as_str())));
        let (whole, whole_notices) = Answers::from_pairs(m, pairs, &[]);
        let mut narrowed = base.clone();
        let notices = narrowed.replace_answer(m, &question.id, values.iter().map(String::as_str));
        prop_assert_eq!(notices, Some(whole_notices));
        prop_assert_eq!(narrowed, whole);
    }
}
