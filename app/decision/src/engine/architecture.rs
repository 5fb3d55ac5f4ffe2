//! Answers beyond the four options. An architecture applies when its conditions hold (in file
//! order, the first one wins), or when a hard limit forces the leading option's run to be
//! split and the limit names the split pattern.

use super::cost;
use super::measures::Measure;
use super::tally::{holds, Tally};
use super::{ArchitectureOut, Figure, PartOut};
use crate::answers::Answers;
use crate::index::Index;
use crate::model::{Architecture, Model};

pub(crate) fn choose<'m>(
    model: &'m Model,
    index: &Index,
    answers: &Answers,
    tally: &Tally,
    order: &[usize],
    top: Option<usize>,
) -> Option<ArchitectureOut<'m>> {
    if answers.is_empty() {
        return None;
    }
    for (a, tests) in model.architectures.iter().zip(&index.architectures) {
        if !a.when.is_empty()
            && tests.len() == a.when.len()
            && tests.iter().all(|t| holds(t, answers, &tally.measures))
        {
            return Some(build(model, index, tally, order, a, None));
        }
    }
    // The option that leads, or the best one that needs a split when none fits as one run;
    // none when several are level once split, where naming one would pick it silently (the
    // verdict names them all, and what no option meets says how to split each).
    let lead = match top {
        Some(t) => t,
        None => match tally.scores.best_splits(tally.n)[..] {
            [only] => only,
            _ => return None,
        },
    };
    if !tally.scores.needs_split(lead) {
        return None;
    }
    let (cl, _) = index
        .limits
        .iter()
        .zip(&tally.limits)
        .filter(|(cl, out)| cl.option == lead && out.split)
        .max_by(|a, b| a.1.share.total_cmp(&b.1.share))?;
    let def = &model.limits[cl.limit];
    let arch = model.architecture(def.split.as_deref()?)?;
    Some(build(model, index, tally, order, arch, Some(cl.measure)))
}

fn build<'m>(
    model: &'m Model,
    index: &Index,
    tally: &Tally,
    order: &[usize],
    a: &'m Architecture,
    binding: Option<Measure>,
) -> ArchitectureOut<'m> {
    let parts = a
        .parts
        .iter()
        .map(|p| {
            let option = match (&p.option, p.choose_from.is_empty()) {
                (Some(id), _) => model.option(id).map(|o| o.id.as_str()),
                (None, false) => order
                    .iter()
                    .map(|&o| &model.options[o])
                    .enumerate()
                    .find(|(rank, o)| {
                        p.choose_from.contains(&o.id) && !tally.scores.is_excluded(order[*rank])
                    })
                    .map(|(_, o)| o.id.as_str()),
                (None, true) => None,
            };
            PartOut {
                option,
                role: &p.role,
            }
        })
        .collect();
    let mut figures: Vec<Figure<'m>> = Vec::new();
    let shown = a
        .show
        .iter()
        .filter_map(|s| Measure::parse(s))
        .chain(binding);
    for m in shown {
        if figures
            .iter()
            .any(|f| matches!(f, Figure::Measure { measure, .. } if *measure == m))
        {
            continue;
        }
        if let Some(value) = tally.measures.get(m) {
            figures.push(Figure::Measure { measure: m, value });
        }
    }
    for s in &a.show {
        if let Some(option) = s.strip_prefix("cost:") {
            // Priced once by the tally.
            let usd = index
                .option(option)
                .and_then(|o| tally.priced.get(o)?.as_ref())
                .map(cost::Lines::total);
            if let Some(usd) = usd {
                let name = model.option(option).map_or(option, |o| o.name.as_str());
                figures.push(Figure::MonthlyCost { option: name, usd });
            }
        }
    }
    ArchitectureOut {
        id: &a.id,
        kind: a.kind,
        title: &a.title,
        summary: &a.summary,
        parts,
        figures,
        facts: &a.facts,
    }
}
