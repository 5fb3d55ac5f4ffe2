//! Citations as numbered references, for print. Every source keeps one number, its place in the
//! model's list of sources (from 1), so "[7]" means the same source on the advisor, compare,
//! what-if and sources pages, and a printed page can list the sources it cites at its end.

use crate::engine::Evaluation;
use crate::model::{Model, Source};
use std::collections::BTreeSet;

/// The reference number of a fact's source; `None` for an unknown fact or source.
pub fn number(model: &Model, fact: &str) -> Option<usize> {
    let source = &model.fact(fact)?.source;
    model
        .sources
        .iter()
        .position(|s| &s.id == source)
        .map(|i| i + 1)
}

/// The sources behind a set of fact ids, by reference number, each once.
pub fn sources_of<'m, 'f>(
    model: &'m Model,
    facts: impl IntoIterator<Item = &'f str>,
) -> Vec<(usize, &'m Source)> {
    let numbers: BTreeSet<usize> = facts.into_iter().filter_map(|f| number(model, f)).collect();
    numbers
        .into_iter()
        .map(|n| (n, &model.sources[n - 1]))
        .collect()
}

/// Every fact an evaluation shows: the architecture, conflicts, each option's reasons, limits
/// and prices.
pub fn cited_facts<'e>(eval: &'e Evaluation<'_>) -> Vec<&'e str> {
    let mut out: Vec<&str> = Vec::new();
    if let Some(a) = &eval.architecture {
        out.extend(a.facts.iter().map(String::as_str));
    }
    for c in &eval.conflicts {
        out.extend(c.facts.iter().copied());
    }
    for r in &eval.ranking {
        for reason in r.excluded_by.iter().chain(&r.pros).chain(&r.against) {
            out.extend(reason.facts.iter().map(String::as_str));
        }
        for l in &r.limits {
            out.extend(l.facts.iter().map(String::as_str));
        }
        if let Some(c) = &r.cost {
            out.extend(c.facts.iter().map(String::as_str));
        }
    }
    out
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;
    use crate::{evaluate, PageQuery};

    #[test]
    fn every_citation_of_a_result_has_its_source_listed_once() {
        let model = crate::load::builtin();
        let q = PageQuery::parse(&model, "duration=36h&rate=450&steps=12&waits=human");
        let eval = evaluate(&model, &q.answers);
        let facts = cited_facts(&eval);
        assert!(!facts.is_empty());
        let listed = sources_of(&model, facts.iter().copied());
        for f in &facts {
            let n = number(&model, f).expect("every cited fact has a numbered source");
            assert_eq!(listed.iter().filter(|(m, _)| *m == n).count(), 1, "{f}");
        }
        for (n, s) in &listed {
            assert_eq!(model.sources[n - 1].id, s.id);
            assert!(s.url.starts_with("https://"), "{}", s.id);
        }
    }
}
