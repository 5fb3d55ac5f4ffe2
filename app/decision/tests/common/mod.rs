//! Shared by the integration tests: the built-in model (loaded once) and small helpers.
#![allow(dead_code)] // each test binary uses its own subset

use decision::engine::{Fit, LimitCheck, Ranked};
use decision::{evaluate, Evaluation, Model, PageQuery};
use std::sync::LazyLock;

pub static MODEL: LazyLock<Model> = LazyLock::new(decision::load::builtin);

/// Evaluates a query that must use the model's vocabulary (no notices).
pub fn run(query: &str) -> Evaluation<'static> {
    let q = PageQuery::parse(&MODEL, query);
    assert!(
        q.notices.is_empty(),
        "the query uses the model's vocabulary: {:?}",
        q.notices
    );
    evaluate(&MODEL, &q.answers)
}

pub fn ranked<'e>(e: &'e Evaluation<'static>, option: &str) -> &'e Ranked<'static> {
    e.ranking
        .iter()
        .find(|r| r.option == option)
        .expect("every option is ranked")
}

pub fn rank(e: &Evaluation<'static>, option: &str) -> usize {
    e.ranking
        .iter()
        .position(|r| r.option == option)
        .expect("every option is ranked")
}

pub fn limit<'e>(e: &'e Evaluation<'static>, option: &str, id: &str) -> &'e LimitCheck<'static> {
    ranked(e, option)
        .limits
        .iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("{option} shows limit {id}"))
}

/// Excluded with at least one reason shown.
pub fn excluded(e: &Evaluation<'static>, option: &str) -> bool {
    let r = ranked(e, option);
    r.fit == Fit::Excluded && !r.excluded_by.is_empty()
}

/// Every reason shown rests on at least one fact the model has.
pub fn reasons_cite_facts(e: &Evaluation<'static>) {
    for r in &e.ranking {
        for reason in r.excluded_by.iter().chain(&r.pros).chain(&r.against) {
            assert!(!reason.facts.is_empty(), "{} has no fact", reason.rule);
            for f in reason.facts.iter() {
                assert!(
                    MODEL.fact(f).is_some(),
                    "{} cites unknown fact {f}",
                    reason.rule
                );
            }
        }
    }
}

pub const STD: &str = "step-functions-standard";
pub const EXP: &str = "step-functions-express";
pub const DF: &str = "durable-functions";
pub const EB: &str = "eventbridge-lambda";
