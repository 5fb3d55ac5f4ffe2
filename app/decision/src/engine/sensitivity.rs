//! "What would change this" and "which question next": both try answer sets one answer away
//! from the team's and re-score them incrementally (see [`Tally::rescore`]).

use super::measures::Measures;
use super::tally::{holds, Tally};
use super::Change;
use crate::answers::{Answers, Slot};
use crate::index::{Index, Test};
use crate::model::{Model, QuestionKind};

/// Every answer one step away for question `q`, with how big a step it is, nearest first
/// (choice order among equals, "not sure" after the choices as far away).
pub(crate) fn alternatives(model: &Model, q: usize, current: Slot, out: &mut Vec<(Slot, u32)>) {
    out.clear();
    let question = &model.questions[q];
    let n = question.choices.len().min(32);
    let one = |c: usize| Slot {
        choices: 1 << c,
        number: None,
    };
    match question.kind {
        QuestionKind::Multi => {
            for c in 0..n {
                out.push((
                    Slot {
                        choices: current.choices ^ (1 << c),
                        number: None,
                    },
                    1,
                ));
            }
        }
        QuestionKind::Single => {
            match (question.ordered, current.first()) {
                // Outwards from the answer, the lower neighbour first.
                (true, Some(a)) => {
                    for d in 1..n {
                        if let Some(c) = a.checked_sub(d) {
                            out.push((one(c), d as u32));
                        }
                        if a + d < n {
                            out.push((one(a + d), d as u32));
                        }
                    }
                }
                (_, at) => {
                    out.extend((0..n).filter(|&c| Some(c) != at).map(|c| (one(c), 1)));
                }
            }
            if !current.is_empty() {
                // "Not sure" is a bigger step back than a neighbouring answer.
                let at = out.partition_point(|&(_, d)| d <= 2);
                out.insert(at, (Slot::default(), 2));
            }
        }
    }
}

/// Whether a conflict's tests all hold (a conflict without tests never does).
fn raises(tests: &[Test], answers: &Answers, measures: &Measures) -> bool {
    !tests.is_empty() && tests.iter().all(|t| holds(t, answers, measures))
}

/// How many changes "what would change" shows.
const SHOWN: usize = 3;

pub(crate) fn what_would_change<'m>(
    model: &'m Model,
    index: &Index,
    answers: &Answers,
    tally: &Tally,
    top: Option<usize>,
) -> Vec<Change<'m>> {
    // Per question, the smallest change that moves the top pick: (distance, question, slot,
    // new top). Changes are shown nearest first, earlier questions first among equals, so the
    // questions are tried one distance at a time, each in model order: once `SHOWN` changes
    // are found, every change not yet tried is farther, or as near and for a later question,
    // and none of them could be shown. (Trying each question's answers to the end first, as
    // before, tried answers two and three steps away on early questions that three one-step
    // changes on later questions then left out.)
    let mut found: Vec<(u32, usize, Slot, usize)> = Vec::new();
    let mut scratch = answers.clone();
    let answered = answers.len();
    // Conflicts the answers already raise; a change that raises another is no way forward
    // (a synchronous caller suggested for a run of two weeks).
    let raised: Vec<bool> = index
        .conflicts
        .iter()
        .map(|tests| raises(tests, answers, &tally.measures))
        .collect();
    // The questions still open to a change, each set up when the first distance reaches it.
    let mut open: Vec<Open> = Vec::new();
    let mut set_up = 0;
    let mut distance = 1;
    while found.len() < SHOWN && (set_up < model.questions.len() || !open.is_empty()) {
        let mut at = 0;
        loop {
            if at == open.len() {
                // Every question set up so far has been tried at this distance; set up the
                // next one, which this distance reaches first.
                let Some(q) = (set_up..model.questions.len())
                    .find(|&q| index.affects(q) && !tally.cannot_change_top(model, index, q, top))
                else {
                    set_up = model.questions.len();
                    break;
                };
                set_up = q + 1;
                let mut alts = Vec::new();
                alternatives(model, q, answers.slot(q), &mut alts);
                open.push(Open {
                    q,
                    alts,
                    next: 0,
                    base: tally.without(q),
                    seen: [NOT_TRIED; 32],
                });
            }
            let question = &mut open[at];
            let q = question.q;
            let current = answers.slot(q);
            let single = model.questions[q].kind == QuestionKind::Single;
            let mut change = None;
            while let Some(&(slot, d)) = question.alts.get(question.next) {
                if d > distance {
                    break;
                }
                question.next += 1;
                let class = slot
                    .first()
                    .filter(|_| single && slot.number.is_none())
                    .and_then(|c| index.classes[q].get(c).copied())
                    .map(usize::from);
                let known = class.map(|k| question.seen[k]).filter(|&t| t != NOT_TRIED);
                let new_top = match known {
                    Some(t) => (t != NO_TOP).then_some(usize::from(t)),
                    None => {
                        scratch.set_slot(q, slot);
                        let remaining = answered - usize::from(!current.is_empty())
                            + usize::from(!slot.is_empty());
                        let t = if remaining == 0 {
                            None
                        } else {
                            tally.top_after(model, index, &scratch, q, top, &question.base)
                        };
                        if let Some(k) = class {
                            question.seen[k] = t.map_or(NO_TOP, |t| t as u8);
                        }
                        t
                    }
                };
                if let Some(t) = new_top.filter(|&t| Some(t) != top) {
                    scratch.set_slot(q, slot);
                    let measures = Measures::compute(index, &scratch);
                    let contradicts = index
                        .conflicts
                        .iter()
                        .zip(&raised)
                        .any(|(tests, &was)| !was && raises(tests, &scratch, &measures));
                    if !contradicts {
                        change = Some((d, q, slot, t));
                        break;
                    }
                }
            }
            scratch.set_slot(q, current);
            let done = question.next == question.alts.len();
            if let Some(c) = change {
                found.push(c);
                open.remove(at);
                if found.len() == SHOWN {
                    break;
                }
            } else if done {
                open.remove(at);
            } else {
                at += 1;
            }
        }
        distance += 1;
    }
    found.sort_by_key(|(d, q, _, _)| (*d, *q));
    found
        .into_iter()
        .take(SHOWN)
        .map(|(_, q, slot, t)| Change {
            question: &model.questions[q],
            from: answers.slot(q),
            to: slot,
            new_top: &model.options[t],
        })
        .collect()
}

/// The new top for a class of choices not tried yet, and for one that leaves no top.
const NOT_TRIED: u8 = u8::MAX;
const NO_TOP: u8 = u8::MAX - 1;

/// A question "what would change" is still trying answers to: its answers one step away and
/// more (see [`alternatives`]), how many of them it has tried, the tally without it, and the
/// new top per class of equivalent choices tried.
struct Open {
    q: usize,
    alts: Vec<(Slot, u32)>,
    next: usize,
    base: super::tally::Scores,
    seen: [u8; 32],
}

pub(crate) fn next_question(
    model: &Model,
    index: &Index,
    answers: &Answers,
    tally: &Tally,
) -> Option<usize> {
    let n = tally.n;
    let mut best: Option<(i32, usize)> = None;
    let mut scratch = answers.clone();
    let base = tally.scores.separation(n);
    for (q, question) in model.questions.iter().enumerate() {
        if answers.is_answered(q) || question.choices.is_empty() {
            continue;
        }
        let choices = question.choices.len().min(32);
        if !index.affects(q) {
            if best.is_none_or(|(b, _)| base > b) {
                best = Some((base, q));
            }
            continue;
        }
        let mut total = 0i32;
        let mut seen: [Option<i32>; 32] = [None; 32];
        for c in 0..choices {
            let class = usize::from(index.classes[q].get(c).copied().unwrap_or(c as u8));
            let separation = match seen[class] {
                Some(known) => known,
                None => {
                    scratch.set_slot(
                        q,
                        Slot {
                            choices: 1 << c,
                            number: None,
                        },
                    );
                    let v = tally.rescore(model, index, &scratch, q).separation(n);
                    seen[class] = Some(v);
                    v
                }
            };
            total += separation;
        }
        scratch.set_slot(q, Slot::default());
        let avg = total / choices as i32;
        if best.is_none_or(|(b, _)| avg > b) {
            best = Some((avg, q));
        }
    }
    best.map(|(_, q)| q)
}

/// The criterion benchmark's answer sets.
#[cfg(all(test, feature = "toml"))]
#[path = "../../tests/common/workloads.rs"]
mod workloads;

/// "What would change" finds what trying every answer one step away and more on every
/// question would, and shows the same three.
#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;
    use crate::engine::tally::incremental::answers;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static MODEL: LazyLock<Model> = LazyLock::new(crate::load::builtin);

    /// Per question, the nearest answer (first in [`alternatives`]' order) whose full tally
    /// gives another top and raises no conflict the answers do not already raise; the
    /// nearest `SHOWN`, earlier questions first among equals.
    fn every_change(m: &Model, a: &Answers) -> Vec<(usize, Slot, usize)> {
        let index = m.index();
        let tally = Tally::new(m, index, a);
        let top = (!a.is_empty()).then(|| tally.scores.top(tally.n)).flatten();
        let raised: Vec<bool> = index
            .conflicts
            .iter()
            .map(|t| raises(t, a, &tally.measures))
            .collect();
        let mut found = Vec::new();
        let mut alts = Vec::new();
        for q in 0..m.questions.len() {
            alternatives(m, q, a.slot(q), &mut alts);
            for &(slot, d) in &alts {
                let mut changed = a.clone();
                changed.set_slot(q, slot);
                let full = Tally::new(m, index, &changed);
                let new_top = (!changed.is_empty())
                    .then(|| full.scores.top(full.n))
                    .flatten();
                let Some(t) = new_top.filter(|&t| Some(t) != top) else {
                    continue;
                };
                let contradicts = index
                    .conflicts
                    .iter()
                    .zip(&raised)
                    .any(|(tests, &was)| !was && raises(tests, &changed, &full.measures));
                if !contradicts {
                    found.push((d, q, slot, t));
                    break;
                }
            }
        }
        found.sort_by_key(|&(d, q, _, _)| (d, q));
        found
            .into_iter()
            .take(SHOWN)
            .map(|(_, q, s, t)| (q, s, t))
            .collect()
    }

    fn shown(m: &Model, a: &Answers) -> Vec<(usize, Slot, usize)> {
        let index = m.index();
        let tally = Tally::new(m, index, a);
        let top = (!a.is_empty()).then(|| tally.scores.top(tally.n)).flatten();
        what_would_change(m, index, a, &tally, top)
            .into_iter()
            .map(|c| {
                let q = m.questions.iter().position(|x| x.id == c.question.id);
                let t = m.options.iter().position(|x| x.id == c.new_top.id);
                (q.unwrap(), c.to, t.unwrap())
            })
            .collect()
    }

    #[test]
    fn the_benchmark_workloads_show_what_trying_everything_shows() {
        let m = &*MODEL;
        for q in [
            super::workloads::FIGURES,
            super::workloads::BUCKETS,
            "duration=days&waits=human&services=few",
            "rate=450&duration=36h&cost=decisive&waits=human",
        ] {
            let a = crate::PageQuery::parse(m, q).answers;
            let expected = every_change(m, &a);
            assert!(!expected.is_empty(), "{q} has a change to show");
            assert_eq!(shown(m, &a), expected, "{q}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn what_would_change_matches_trying_every_answer(a in answers()) {
            let m = &*MODEL;
            prop_assert_eq!(shown(m, &a), every_change(m, &a), "{}", a.to_query(m));
        }
    }
}
