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
    // Per question, the smallest change that moves the top pick: (distance, question, slot, new top).
    let mut found: Vec<(u32, usize, Slot, usize)> = Vec::new();
    let mut scratch = answers.clone();
    let mut alts = Vec::with_capacity(32);
    let answered = answers.len();
    // The distances of the nearest changes found so far, nearest first. Changes are shown
    // nearest first, earlier questions first among equals, so once `SHOWN` questions have
    // one, a later question can be shown only for a nearer change.
    let mut nearest = [u32::MAX; SHOWN];
    // Conflicts the answers already raise; a change that raises another is no way forward
    // (a synchronous caller suggested for a run of two weeks).
    let raised: Vec<bool> = index
        .conflicts
        .iter()
        .map(|tests| raises(tests, answers, &tally.measures))
        .collect();
    // New top per equivalence class of a one-answer question's choices, reused across them.
    for q in 0..model.questions.len() {
        let bound = nearest[SHOWN - 1];
        if bound <= 1 {
            // No change is nearer than one step.
            break;
        }
        if !index.affects(q) || tally.cannot_change_top(model, index, q, top) {
            continue;
        }
        let current = answers.slot(q);
        alternatives(model, q, current, &mut alts);
        let base = tally.without(q);
        let single = model.questions[q].kind == QuestionKind::Single;
        let mut seen: [Option<Option<usize>>; 32] = [None; 32];
        let mut best: Option<(u32, Slot, usize)> = None;
        for &(slot, distance) in &alts {
            if distance >= bound || best.is_some_and(|(d, _, _)| d <= distance) {
                // Nearest first: nothing after it is nearer.
                break;
            }
            let class = slot
                .first()
                .filter(|_| single && slot.number.is_none())
                .and_then(|c| index.classes[q].get(c).copied())
                .map(usize::from);
            let new_top = match class.and_then(|k| seen[k]) {
                Some(known) => known,
                None => {
                    scratch.set_slot(q, slot);
                    let remaining =
                        answered - usize::from(!current.is_empty()) + usize::from(!slot.is_empty());
                    let t = if remaining == 0 {
                        None
                    } else {
                        tally.top_after(model, index, &scratch, q, top, &base)
                    };
                    if let Some(k) = class {
                        seen[k] = Some(t);
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
                    best = Some((distance, slot, t));
                }
            }
        }
        scratch.set_slot(q, current);
        if let Some((d, slot, t)) = best {
            found.push((d, q, slot, t));
            let at = nearest.partition_point(|&x| x <= d);
            if at < SHOWN {
                nearest.copy_within(at..SHOWN - 1, at + 1);
                nearest[at] = d;
            }
        }
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
