//! Scores before explanation: each option's raw weight, its exclusions and whether a hard
//! limit forces its run to be split. Kept in parts (per question, per compound rule, per
//! limit) so that "what would change" can re-score one changed answer by adjusting the parts
//! that depend on it instead of starting over.

use super::cost;
use super::limits::{self, LimitStatus, Outcome};
use super::measures::Measures;
use crate::answers::{Answers, Slot};
use crate::index::{CRule, Index, Test, MAX_OPTIONS};
use crate::model::{Model, QuestionKind};

/// Raw weight at which an option sits halfway between neutral and the end of the scale.
const SCALE: i64 = 60;

/// Raw weights below this in size are scored in 32 bits: 100·(2·2²⁰ + 60) + 2²⁰ + 60 fits.
const SMALL: u32 = 1 << 20;

/// Maps a raw weight onto 0–100 with a curve that never saturates: `50 + 50·r/(|r|+60)`,
/// rounded half up, in integers (exact, and cheap enough for every neighbour of an answer set).
pub fn score(raw: i32) -> u8 {
    if raw.unsigned_abs() < SMALL {
        // The same formula in 32 bits, which divides faster: nothing here can overflow.
        let d = raw.unsigned_abs() + SCALE as u32;
        let s = (100 * d.wrapping_add_signed(raw) + d) / (2 * d);
        return s.min(100) as u8;
    }
    let r = i64::from(raw);
    let d = r.abs() + SCALE;
    // 50 + 50r/d = 50(d + r)/d, which is never negative; round by adding half of d.
    let s = (100 * (d + r) + d) / (2 * d);
    s.clamp(0, 100) as u8
}

/// Per-option sums: raw weight, exclusions, and hard limits that force a split.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub raw: [i32; MAX_OPTIONS],
    pub excluded: [u8; MAX_OPTIONS],
    pub split: [u8; MAX_OPTIONS],
}

impl Scores {
    fn add(&mut self, option: usize, weight: i32, exclude: bool, split: bool, sign: i32) {
        if exclude {
            self.excluded[option] = self.excluded[option].wrapping_add_signed(sign as i8);
        } else {
            self.raw[option] = self.raw[option].saturating_add(sign * weight);
        }
        if split {
            self.split[option] = self.split[option].wrapping_add_signed(sign as i8);
        }
    }

    fn add_rule(&mut self, r: &CRule, sign: i32) {
        self.add(r.option, r.weight, r.exclude, false, sign);
    }

    fn add_outcome(&mut self, o: &Outcome, sign: i32) {
        self.add(o.option, o.weight, o.exclude, o.split, sign);
    }

    fn add_all(&mut self, other: &Scores, sign: i32, n: usize) {
        for i in 0..n {
            self.raw[i] = self.raw[i].saturating_add(sign * other.raw[i]);
            self.excluded[i] =
                self.excluded[i].wrapping_add_signed(sign as i8 * other.excluded[i] as i8);
            self.split[i] = self.split[i].wrapping_add_signed(sign as i8 * other.split[i] as i8);
        }
    }

    pub fn is_excluded(&self, o: usize) -> bool {
        self.excluded[o] > 0
    }

    pub fn needs_split(&self, o: usize) -> bool {
        self.excluded[o] == 0 && self.split[o] > 0
    }

    /// Option indices, best first: open options by score, then excluded ones; model order
    /// breaks ties so output is stable.
    pub fn order(&self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            self.is_excluded(a)
                .cmp(&self.is_excluded(b))
                .then(score(self.raw[b]).cmp(&score(self.raw[a])))
                .then(a.cmp(&b))
        });
        order
    }

    /// The clear first choice: the best open option, unless no option fits without a split,
    /// or the next one is level with it.
    pub fn top(&self, n: usize) -> Option<usize> {
        let mut fits_whole = false;
        // (raw weight, option) of the first open option with the greatest raw weight, and the
        // greatest raw weight of the others. The score never falls as the raw weight rises,
        // so these are the best and the second best score, with two divisions rather than
        // one per option.
        let (mut best, mut second): (Option<(i32, usize)>, Option<i32>) = (None, None);
        for o in 0..n {
            if self.is_excluded(o) {
                continue;
            }
            fits_whole |= self.split[o] == 0;
            let r = self.raw[o];
            match best {
                Some((b, _)) if r <= b => {
                    if second.is_none_or(|x| r > x) {
                        second = Some(r);
                    }
                }
                _ => {
                    second = best.map(|(b, _)| b);
                    best = Some((r, o));
                }
            }
        }
        if !fits_whole {
            return None;
        }
        let (b, o) = best?;
        match second {
            Some(s) if score(s) == score(b) => None,
            _ => Some(o),
        }
    }

    /// What [`Scores::top`] gives once every open option's raw weight moves by some amount
    /// in [`least`, `most`] (exclusions and splits staying as they are), when that does not
    /// depend on the amounts: `None` when it does, or when `t` is not the one to check.
    fn settled(&self, n: usize, t: usize, least: i32, most: i32) -> Option<Option<usize>> {
        if self.is_excluded(t) {
            return None;
        }
        if !(0..n).any(|o| !self.is_excluded(o) && self.split[o] == 0) {
            // No open option fits as one run, whatever the amounts.
            return Some(None);
        }
        let t_min = score(self.raw[t].saturating_add(least));
        (0..n)
            .filter(|&o| o != t && !self.is_excluded(o))
            .all(|o| t_min > score(self.raw[o].saturating_add(most)))
            .then_some(Some(t))
    }

    /// Whether the same options (of the first `n`) are open in both.
    #[inline]
    fn same_open(&self, other: &Scores, n: usize) -> bool {
        (0..n).all(|o| self.is_excluded(o) == other.is_excluded(o))
    }

    /// The options (of the first `n`, in model order) that need a split and share the best
    /// score among those that do: one when a split option leads the rest, several when they
    /// are level once split, none when no option needs one.
    pub fn best_splits(&self, n: usize) -> Vec<usize> {
        let splits = (0..n).filter(|&o| self.needs_split(o));
        let Some(best) = splits.clone().map(|o| score(self.raw[o])).max() else {
            return Vec::new();
        };
        splits.filter(|&o| score(self.raw[o]) == best).collect()
    }

    /// How far apart the options are: the top margin plus a bonus per exclusion.
    pub fn separation(&self, n: usize) -> i32 {
        let (mut first, mut second) = (-1i32, -1i32);
        let mut excluded = 0;
        for o in 0..n {
            if self.is_excluded(o) {
                excluded += 1;
                continue;
            }
            let s = i32::from(score(self.raw[o]));
            if s > first {
                second = first;
                first = s;
            } else if s > second {
                second = s;
            }
        }
        let margin = if second >= 0 { first - second } else { 0 };
        margin + 15 * excluded
    }
}

/// Whether a test holds for the answers and measures.
pub(crate) fn holds(t: &Test, answers: &Answers, measures: &Measures) -> bool {
    match *t {
        Test::Choice { q, any, none } => {
            let s = answers.slot(q).choices;
            s != 0 && ((any != 0 && s & any != 0) || (none != 0 && s & none == 0))
        }
        Test::Answered { q, yes } => answers.is_answered(q) == yes,
        Test::Measure {
            m,
            at_least,
            at_most,
            may_exceed,
        } => measures.get(m).is_some_and(|v| {
            at_least.is_none_or(|x| v.at_least(x))
                && at_most.is_none_or(|x| v.at_most(x))
                && may_exceed.is_none_or(|x| v.may_exceed(x))
        }),
    }
}

pub(crate) fn rule_holds(r: &CRule, answers: &Answers, measures: &Measures) -> bool {
    r.tests.iter().all(|t| holds(t, answers, measures))
}

/// The questions a change of which alone could change whether every test holds: all of
/// them when every test holds, else those that every failing test depends on.
fn free_of(index: &Index, tests: &[Test], answers: &Answers, measures: &Measures) -> u64 {
    tests
        .iter()
        .filter(|t| !holds(t, answers, measures))
        .fold(u64::MAX, |free, t| free & index.deps(t))
}

/// A whole tally of one answer set, with the parts kept for incremental re-scoring.
#[derive(Clone, Debug)]
pub(crate) struct Tally {
    pub n: usize,
    pub scores: Scores,
    /// Contributions of each question's single-test rules.
    per_question: Vec<Scores>,
    /// Which compound rules hold.
    pub compound: Vec<bool>,
    /// Per compound rule, the questions a change of which alone could change whether it
    /// holds: every question for one that holds, and for one that does not, those every
    /// failing test depends on (a test that fails without depending on a question keeps
    /// failing whatever the answer to it).
    compound_free: Vec<u64>,
    /// Each compiled limit's outcome, in index order.
    pub limits: Vec<Outcome>,
    /// The same per limit for whether it applies: limits that do not apply because of a
    /// test independent of a question keep their outcome whatever the answer to it.
    limit_free: Vec<u64>,
    pub measures: Measures,
    /// The workload figures the cost formulas read, and each option's monthly lines at them
    /// (priced once, whether or not cost is weighed: the ranking shows them).
    pub cost_inputs: cost::Inputs,
    pub priced: Vec<Option<cost::Lines>>,
    /// Each option's monthly cost (NaN where it cannot be priced) and the score effect of
    /// cost when the team weighs it.
    pub costs: [f64; MAX_OPTIONS],
    pub cost_effects: [i32; MAX_OPTIONS],
    /// Raw weight per tenfold cost difference; `None` when cost is not weighed.
    pub cost_weight: Option<i32>,
}

/// The single-test rules of question `q` that hold for `slot`, summed.
fn question_scores(index: &Index, q: usize, slot: Slot) -> Scores {
    let mut s = Scores::default();
    if slot.choices == 0 {
        return s;
    }
    for &ri in &index.by_question[q] {
        let r = &index.rules[ri];
        if let Test::Choice { any, none, .. } = r.tests[0] {
            let c = slot.choices;
            if (any != 0 && c & any != 0) || (none != 0 && c & none == 0) {
                s.add_rule(r, 1);
            }
        }
    }
    s
}

impl Tally {
    pub fn new(model: &Model, index: &Index, answers: &Answers) -> Tally {
        let n = model.options.len().min(MAX_OPTIONS);
        let measures = Measures::compute(index, answers);
        let mut scores = Scores::default();
        let mut per_question = Vec::with_capacity(model.questions.len());
        for q in 0..model.questions.len() {
            let slot = answers.slot(q);
            // One choice of a one-answer question: the table built from the same rules.
            let s = if model.questions[q].kind == QuestionKind::Single
                && slot.choices.count_ones() == 1
            {
                index.single_scores(q, slot)
            } else {
                question_scores(index, q, slot)
            };
            scores.add_all(&s, 1, n);
            per_question.push(s);
        }
        let mut compound_free = Vec::with_capacity(index.compound.len());
        let compound: Vec<bool> = index
            .compound
            .iter()
            .map(|&ri| {
                let r = &index.rules[ri];
                let free = free_of(index, &r.tests, answers, &measures);
                // Holds exactly when no test fails.
                let hit = free == u64::MAX;
                if hit {
                    scores.add_rule(r, 1);
                }
                compound_free.push(free);
                hit
            })
            .collect();
        let mut limit_free = Vec::with_capacity(index.limits.len());
        let limits: Vec<Outcome> = index
            .limits
            .iter()
            .map(|l| {
                let o = limits::check(model, index, l, answers, &measures);
                scores.add_outcome(&o, 1);
                limit_free.push(if o.status == LimitStatus::NotApplicable {
                    free_of(index, &l.tests, answers, &measures)
                } else {
                    u64::MAX
                });
                o
            })
            .collect();
        let weight = index.cost_weight(answers);
        let cost_inputs = cost::inputs(index, answers, &measures);
        let priced = cost::price_options(model, index, &cost_inputs);
        let costs = cost::totals(&priced);
        let cost_effects = cost::effects_from(
            weight,
            model.scoring.cost_floor_usd,
            &costs,
            &scores.excluded,
        );
        for (o, e) in cost_effects.iter().enumerate().take(n) {
            scores.raw[o] = scores.raw[o].saturating_add(*e);
        }
        Tally {
            n,
            scores,
            per_question,
            compound,
            compound_free,
            limits,
            limit_free,
            measures,
            cost_inputs,
            priced,
            costs,
            cost_effects,
            cost_weight: weight,
        }
    }

    /// The scores if question `q` were answered as in `changed` (which differs from the
    /// tallied answers in question `q` only).
    pub fn rescore(&self, model: &Model, index: &Index, changed: &Answers, q: usize) -> Scores {
        let bit = 1u64 << (q % 64);
        let mut computed = None;
        let base = self.without(q);
        let (mut s, measures) =
            self.rescore_but_cost(model, index, changed, q, &base, &mut computed);
        if self.weighing(index, bit) {
            self.add_cost(&mut s, model, index, changed, bit, measures);
        }
        s
    }

    /// The tallied scores without question `q`'s single-test rules and without the cost
    /// effects: the part every re-scoring of `q` starts from (see [`Tally::top_after`]).
    pub fn without(&self, q: usize) -> Scores {
        let mut s = self.scores;
        s.add_all(&self.per_question[q], -1, self.n);
        for o in 0..self.n {
            s.raw[o] = s.raw[o].saturating_sub(self.cost_effects[o]);
        }
        s
    }

    /// The top pick if question `q` were answered as in `changed`: the same as
    /// `rescore(..).top(n)`, but without pricing the options when the cost effects, whatever
    /// they come to, cannot change whether `top` leads. `base` is [`Tally::without`]`(q)`,
    /// worked out once for every answer to `q` tried.
    #[allow(clippy::too_many_arguments)]
    pub fn top_after(
        &self,
        model: &Model,
        index: &Index,
        changed: &Answers,
        q: usize,
        top: Option<usize>,
        base: &Scores,
    ) -> Option<usize> {
        let bit = 1u64 << (q % 64);
        let mut computed = None;
        let (mut s, measures) =
            self.rescore_but_cost(model, index, changed, q, base, &mut computed);
        if self.weighing(index, bit) {
            let same_weight = index.cost_weight(changed) == self.cost_weight;
            if same_weight
                && self.cost_weight.is_some()
                && index.price_deps & bit == 0
                && s.same_open(&self.scores, self.n)
            {
                // No cost, weight or open option moved: the tallied effects hold exactly
                // (as `add_cost` finds), with no need to bound them.
                for o in 0..self.n {
                    s.raw[o] = s.raw[o].saturating_add(self.cost_effects[o]);
                }
                return s.top(self.n);
            }
            // At the tallied weight every effect lies in its range (at another weight the
            // tallied effects may be kept, so only the full sum says).
            if let Some(t) = top.filter(|_| same_weight) {
                let (least, most) = cost::effect_range(self.cost_weight);
                if let Some(settled) = s.settled(self.n, t, least, most) {
                    return settled;
                }
            }
            self.add_cost(&mut s, model, index, changed, bit, measures);
        }
        s.top(self.n)
    }

    /// Whether cost effects count in re-scoring question `bit`.
    fn weighing(&self, index: &Index, bit: u64) -> bool {
        self.cost_effects.iter().any(|e| *e != 0) || index.cost_question_bit & bit != 0
    }

    /// Re-scores everything but the cost effects (the tallied ones taken out), starting from
    /// `base` ([`Tally::without`]`(q)`), and gives the measures of the changed answers
    /// (computed into `computed` when they differ).
    fn rescore_but_cost<'a>(
        &'a self,
        model: &Model,
        index: &Index,
        changed: &Answers,
        q: usize,
        base: &Scores,
        computed: &'a mut Option<Measures>,
    ) -> (Scores, &'a Measures) {
        let mut s = *base;
        let new = if model.questions[q].kind == QuestionKind::Multi {
            question_scores(index, q, changed.slot(q))
        } else {
            index.single_scores(q, changed.slot(q))
        };
        s.add_all(&new, 1, self.n);
        let bit = 1u64 << (q % 64);
        // Measures change only with the questions they are computed from. Cost reads them
        // too, so they are recomputed even for a question no compound rule or limit reads
        // (the load shape, runs per month).
        let measures: &Measures = if index.measure_questions & bit != 0 {
            computed.insert(Measures::compute(index, changed))
        } else {
            &self.measures
        };
        if index.compound_deps & bit == 0 {
            return (s, measures);
        }
        for &k in &index.compound_on[q] {
            if self.compound_free[k] & bit == 0 {
                continue;
            }
            let r = &index.rules[index.compound[k]];
            let now = rule_holds(r, changed, measures);
            if self.compound[k] != now {
                s.add_rule(r, if now { 1 } else { -1 });
            }
        }
        for &k in &index.limits_on[q] {
            if self.limit_free[k] & bit == 0 {
                continue;
            }
            let new = limits::check(model, index, &index.limits[k], changed, measures);
            let old = &self.limits[k];
            if new.weight != old.weight || new.exclude != old.exclude || new.split != old.split {
                s.add_outcome(old, -1);
                s.add_outcome(&new, 1);
            }
        }
        (s, measures)
    }

    /// Whether no answer to question `q` could change the top pick `top`: the top's least
    /// possible score still beats every other option's greatest, counting everything that
    /// depends on `q` (its rules, compound rules and limits at their worst or best, and the
    /// range of the cost effect when cost is weighed and `q` can move it).
    pub fn cannot_change_top(
        &self,
        model: &Model,
        index: &Index,
        q: usize,
        top: Option<usize>,
    ) -> bool {
        let Some(t) = top else { return false };
        let bit = 1u64 << (q % 64);
        let mut lo = [0i32; MAX_OPTIONS];
        let mut hi = [0i32; MAX_OPTIONS];
        // Exclusions that depend on q now, and whether q can exclude an option.
        let mut excl_now = [0u8; MAX_OPTIONS];
        let mut may_exclude = index.can_exclude[q];
        let cur = &self.per_question[q];
        for o in 0..self.n {
            lo[o] = index.swing[q][o].0 - cur.raw[o];
            hi[o] = index.swing[q][o].1 - cur.raw[o];
            excl_now[o] = cur.excluded[o];
        }
        for &k in &index.compound_on[q] {
            if self.compound_free[k] & bit == 0 {
                // Fails whatever the answer to q.
                continue;
            }
            let r = &index.rules[index.compound[k]];
            let on = self.compound[k];
            if r.exclude {
                may_exclude |= 1 << r.option;
                excl_now[r.option] += u8::from(on);
            } else {
                let now = if on { r.weight } else { 0 };
                lo[r.option] += r.weight.min(0) - now;
                hi[r.option] += r.weight.max(0) - now;
            }
        }
        for &k in &index.limits_on[q] {
            if self.limit_free[k] & bit == 0 {
                // Does not apply whatever the answer to q.
                continue;
            }
            let l = &index.limits[k];
            let def = &model.limits[l.limit];
            let out = &self.limits[k];
            if def.hard && def.split.is_some() && l.option == t {
                // The top could come to need a split, which can leave no whole fit.
                return false;
            }
            if def.hard && def.split.is_none() && !def.workaround {
                may_exclude |= 1 << l.option;
                excl_now[l.option] += u8::from(out.exclude);
            }
            let (least, most) = l.weights;
            lo[l.option] += least - out.weight;
            hi[l.option] += most - out.weight;
        }
        // The cost effects stay as they are unless q sets the weight, changes a cost, or
        // opens or excludes an option (which can change the cheapest).
        let cost_question = index.cost_question_bit & bit != 0;
        let weighing = self.cost_effects.iter().any(|e| *e != 0) || cost_question;
        let moves_costs = cost_question || index.cost_deps & bit != 0;
        if weighing && (moves_costs || may_exclude != 0) {
            let (least, most) = if cost_question {
                index.cost_effects
            } else {
                cost::effect_range(self.cost_weight)
            };
            // An effect depends on the weight, the option's cost and the cheapest open cost
            // only: when q moves no cost and cannot move the cheapest, only the options it
            // can open or exclude may change theirs.
            let moved = if moves_costs || self.cheapest_may_move(may_exclude) {
                u32::MAX
            } else {
                may_exclude
            };
            for o in (0..self.n).filter(|&o| moved & (1 << o) != 0) {
                lo[o] += least - self.cost_effects[o];
                hi[o] += most - self.cost_effects[o];
            }
        }
        if may_exclude & (1 << t) != 0 {
            return false;
        }
        let t_min = score(self.scores.raw[t] + lo[t]);
        (0..self.n).filter(|&o| o != t).all(|o| {
            if self.scores.excluded[o] > excl_now[o] {
                // Excluded by something else, whatever the answer.
                return true;
            }
            t_min > score(self.scores.raw[o] + hi[o])
        })
    }

    /// Whether opening or excluding some of the options in `toggled` (bits) could change the
    /// cheapest open option's cost at the tallied costs: it cannot when there is a cheapest
    /// and every one of them costs more than it (or cannot be priced).
    fn cheapest_may_move(&self, toggled: u32) -> bool {
        let cheapest = cost::cheapest_open(&self.costs, &self.scores.excluded, self.n);
        !cheapest.is_finite()
            || (0..self.n)
                .filter(|&o| toggled & (1 << o) != 0)
                .any(|o| self.costs[o] <= cheapest)
    }

    /// Adds the cost effects for the changed answers (question `bit` changed) to `s`.
    fn add_cost(
        &self,
        s: &mut Scores,
        model: &Model,
        index: &Index,
        changed: &Answers,
        bit: u64,
        measures: &Measures,
    ) {
        let weight = index.cost_weight(changed);
        // The tallied costs hold unless a figure they read changed (they are priced whether or
        // not cost is weighed).
        let reprice = weight.is_some() && index.price_deps & bit != 0;
        let mut costs = self.costs;
        if reprice {
            // Only open options' costs count (see `cost::effects_from`), so excluded ones keep
            // the tallied figure, which leaves the comparison below as it would be.
            // Nor does an option whose formula reads nothing the question feeds.
            let excluded = s.excluded;
            let deps = &index.option_price_deps;
            cost::reprice(model, index, changed, measures, &mut costs, |o| {
                excluded[o] == 0 && deps[o] & bit != 0
            });
        }
        let costs = &costs;
        let same_open = s.same_open(&self.scores, self.n);
        // Options from `n` on are never priced (NaN in both).
        let same_costs = costs[..self.n]
            .iter()
            .zip(&self.costs[..self.n])
            .all(|(a, b)| a == b || (a.is_nan() && b.is_nan()));
        // The tallied effects hold only at the tallied weight ("matters" and "decisive" move
        // the same costs by different amounts).
        let effects = if same_open && same_costs && weight.is_some() && weight == self.cost_weight {
            self.cost_effects
        } else {
            // At the tallied weight, an option whose cost and cheapest rival are as tallied
            // keeps its tallied effect.
            let known = (weight == self.cost_weight).then_some(cost::Known {
                costs: &self.costs,
                excluded: &self.scores.excluded,
                effects: &self.cost_effects,
            });
            cost::effects_reusing(
                weight,
                model.scoring.cost_floor_usd,
                costs,
                &s.excluded,
                known,
                self.n,
            )
        };
        for (o, e) in effects.iter().enumerate().take(self.n) {
            s.raw[o] = s.raw[o].saturating_add(*e);
        }
    }
}

impl Index {
    /// Precomputed contribution of a one-answer question's single-test rules.
    pub(crate) fn single_scores(&self, q: usize, slot: Slot) -> Scores {
        match slot.first() {
            Some(c) => self
                .single
                .get(q)
                .and_then(|v| v.get(c))
                .copied()
                .unwrap_or_default(),
            None => Scores::default(),
        }
    }
}

/// Builds the per-choice contribution tables for one-answer questions.
pub(crate) fn single_tables(model: &Model, index: &Index) -> Vec<Vec<Scores>> {
    model
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| {
            question
                .choices
                .iter()
                .enumerate()
                .map(|(c, _)| {
                    question_scores(
                        index,
                        q,
                        Slot {
                            choices: 1 << c,
                            number: None,
                        },
                    )
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::score;

    #[test]
    fn score_curve_is_neutral_at_zero_bounded_and_matches_the_formula() {
        assert_eq!(score(0), 50);
        assert!(score(1000) < 100 && score(1000) > 95);
        assert!(score(-1000) > 0 && score(-1000) < 5);
        assert_eq!(score(i32::MAX), 100);
        assert_eq!(score(i32::MIN), 0);
        for r in -500..=500 {
            let f = 50.0 + 50.0 * f64::from(r) / (f64::from(r).abs() + 60.0);
            assert!((f64::from(score(r)) - f).abs() <= 0.5 + 1e-9, "{r}");
        }
    }

    /// The formula in 64 bits, as the score was first written.
    fn wide(raw: i32) -> u8 {
        let r = i64::from(raw);
        let d = r.abs() + super::SCALE;
        ((100 * (d + r) + d) / (2 * d)).clamp(0, 100) as u8
    }

    #[test]
    fn the_32_bit_score_matches_the_64_bit_one() {
        let edge = super::SMALL as i32;
        let near = |c: i32| c - 2000..=c + 2000;
        for r in near(0)
            .chain(near(edge))
            .chain(near(-edge))
            .chain([i32::MIN, i32::MIN + 1, i32::MAX, i32::MAX - 1])
            .chain((0..=4096).map(|k| k * 997 - 2_041_000))
        {
            assert_eq!(score(r), wide(r), "{r}");
        }
    }
}

/// The incremental re-scoring and the pruning of questions agree with tallying from scratch.
#[cfg(all(test, feature = "toml"))]
pub(crate) mod incremental {
    use super::*;
    use crate::engine::sensitivity::alternatives;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static MODEL: LazyLock<Model> = LazyLock::new(crate::load::builtin);

    /// Per question: whether answered, a choice seed, whether a figure, and where in its range.
    pub(crate) fn answers() -> impl Strategy<Value = Answers> {
        let m = &*MODEL;
        prop::collection::vec(
            (0u8..4, any::<u32>(), any::<bool>(), 0.0f64..1.0),
            m.questions.len(),
        )
        .prop_map(move |seeds| {
            let mut a = Answers::empty(m);
            for (q, (answered, seed, figure, at)) in seeds.into_iter().enumerate() {
                let question = &m.questions[q];
                let n = question.choices.len().min(32) as u32;
                if answered == 0 || n == 0 {
                    continue;
                }
                let slot = match (&question.number, question.kind) {
                    (Some(spec), _) if figure => {
                        let (lo, hi) = (spec.min.max(1e-3).ln(), spec.max.ln());
                        let v = ((lo + at * (hi - lo)).exp() * 1000.0).round() / 1000.0;
                        let v = v.clamp(spec.min, spec.max);
                        Slot {
                            choices: question.choice_for(v).map_or(0, |c| 1 << c),
                            number: Some(v),
                        }
                    }
                    (_, QuestionKind::Multi) => Slot {
                        choices: seed & ((1u64 << n) - 1) as u32,
                        number: None,
                    },
                    _ => Slot {
                        choices: 1 << (seed % n),
                        number: None,
                    },
                };
                a.set_slot(q, slot);
            }
            a
        })
    }

    /// Re-scores every one-answer change of `query` and compares with a full tally.
    fn assert_rescores_match(query: &str) {
        let m = &*MODEL;
        let index = m.index();
        let a = crate::PageQuery::parse(m, query).answers;
        let tally = Tally::new(m, index, &a);
        let mut alts = Vec::new();
        for q in 0..m.questions.len() {
            alternatives(m, q, a.slot(q), &mut alts);
            for &(slot, _) in &alts {
                let mut changed = a.clone();
                changed.set_slot(q, slot);
                let quick = tally.rescore(m, index, &changed, q);
                let full = Tally::new(m, index, &changed);
                assert_eq!(
                    quick, full.scores,
                    "{} to {slot:?} from {query}",
                    m.questions[q].id
                );
            }
        }
    }

    #[test]
    fn a_new_load_shape_reprices_with_its_own_measures() {
        // The load shape feeds runs per month, which only the cost reads: re-scoring once
        // priced the changed answer with the old measures.
        assert_rescores_match("rate=100-2000&cost=decisive");
    }

    #[test]
    fn a_new_cost_weight_recomputes_the_cost_effects() {
        // "matters" and "decisive" move the same costs by different amounts: re-scoring once
        // kept the tallied effects when only the weight changed.
        assert_rescores_match("rate=100-2000&duration=minutes&steps=20&cost=matters");
        assert_rescores_match("rate=450&duration=36h&cost=decisive&waits=human");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn rescoring_one_changed_answer_matches_a_full_tally(a in answers()) {
            let m = &*MODEL;
            let index = m.index();
            let tally = Tally::new(m, index, &a);
            let top = tally.scores.top(tally.n);
            let mut alts = Vec::new();
            for q in 0..m.questions.len() {
                alternatives(m, q, a.slot(q), &mut alts);
                let pruned = tally.cannot_change_top(m, index, q, top);
                for &(slot, _) in &alts {
                    let mut changed = a.clone();
                    changed.set_slot(q, slot);
                    if changed.is_empty() {
                        // "What would change" names no new top for no answers at all.
                        continue;
                    }
                    let quick = tally.rescore(m, index, &changed, q);
                    prop_assert_eq!(
                        tally.top_after(m, index, &changed, q, top, &tally.without(q)),
                        quick.top(tally.n),
                        "top after question {} to {:?}", q, slot
                    );
                    if pruned {
                        prop_assert_eq!(quick.top(tally.n), top, "pruned question {} to {:?}", q, slot);
                    }
                    let full = Tally::new(m, index, &changed);
                    prop_assert_eq!(quick, full.scores, "question {} to {:?} from {}", q, slot, a.to_query(m));
                    if pruned {
                        prop_assert_eq!(full.scores.top(full.n), top, "pruned question {} to {:?}", q, slot);
                    }
                }
            }
        }
    }
}
