//! Property tests: the engine is total and deterministic for any input, garbage included.

#![cfg(feature = "ssr")]

use app::model::{evaluate, load::builtin, shortcode, Answers, Model};
use proptest::prelude::*;
use std::sync::OnceLock;

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(builtin)
}

/// Query strings mixing real ids, real values, garbage and broken encodings.
fn query() -> impl Strategy<Value = String> {
    let m = model();
    let keys: Vec<String> = m
        .questions
        .iter()
        .map(|q| q.id.clone())
        .chain(["bogus".into(), "options".into(), "%FF".into(), "".into()])
        .collect();
    let values: Vec<String> = m
        .questions
        .iter()
        .flat_map(|q| q.choices.iter().map(|c| c.id.clone()))
        .chain(["".into(), "%E2%82".into(), "x y".into(), "ü".into()])
        .collect();
    let pair = (
        prop_oneof![proptest::sample::select(keys), "[ -~]{0,8}"],
        prop_oneof![proptest::sample::select(values), "[^&]{0,12}"],
    )
        .prop_map(|(k, v)| format!("{k}={v}"));
    prop::collection::vec(pair, 0..24).prop_map(|pairs| pairs.join("&"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_query_gives_a_full_bounded_deterministic_ranking(q in query()) {
        let m = model();
        let (answers, _notices) = Answers::from_query(m, &q);
        let a = evaluate(m, &answers);
        let b = evaluate(m, &answers);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.ranking.len(), m.options.len());
        for r in &a.ranking {
            prop_assert!(r.score <= 100);
        }
        // Excluded options never rank above open ones.
        let first_excluded = a.ranking.iter().position(|r| r.excluded).unwrap_or(a.ranking.len());
        prop_assert!(a.ranking[first_excluded..].iter().all(|r| r.excluded));
        prop_assert!(a.confidence.percent <= 100);
    }

    #[test]
    fn canonical_query_and_short_code_round_trip(q in query()) {
        let m = model();
        let (answers, _) = Answers::from_query(m, &q);
        let (again, notices) = Answers::from_query(m, &answers.to_query(m));
        prop_assert!(notices.is_empty());
        prop_assert_eq!(&again, &answers);
        let code = shortcode::encode(m, &answers);
        let (decoded, notices) = shortcode::decode(m, &code).expect("own codes open");
        prop_assert!(notices.is_empty());
        prop_assert_eq!(decoded, answers);
    }

    #[test]
    fn any_code_string_opens_or_is_refused_without_panic(code in "[A-Za-z0-9_\\-]{0,40}|.{0,40}") {
        let _ = shortcode::decode(model(), &code);
    }
}
