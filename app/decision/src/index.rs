//! The model compiled for evaluation: id look-ups, rules as bit masks grouped by the question
//! they depend on, and limits with their per-Region figures resolved to choice indices.
//!
//! Built once per model (on first use), so evaluating an answer set and its ~150 neighbours
//! for "what would change" touches only arrays.

use crate::answers::{Answers, Slot};
use crate::engine::measures::{Measure, Quantity};
use crate::engine::tally::{single_tables, Scores};
use crate::model::{Condition, Model};
use std::collections::HashMap;

/// The most options a model may compare; keeps per-option scores in fixed arrays.
pub const MAX_OPTIONS: usize = 16;
/// The most questions a model may ask; dependencies are one `u64` bit set.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub const MAX_QUESTIONS: usize = 64;

/// A condition with ids resolved.
#[derive(Clone, Debug)]
pub(crate) enum Test {
    /// Matches when any of `any` is selected, or (with `none`) the question is answered and
    /// none of `none` is selected.
    Choice { q: usize, any: u32, none: u32 },
    /// Matches when the question is answered (`yes`) or not.
    Answered { q: usize, yes: bool },
    /// Matches when the measure is known and within the bounds.
    Measure {
        m: Measure,
        at_least: Option<f64>,
        at_most: Option<f64>,
        may_exceed: Option<f64>,
    },
}

/// A rule with ids resolved. `question` is set for rules with one choice test only.
#[derive(Clone, Debug)]
pub(crate) struct CRule {
    pub rule: usize,
    pub option: usize,
    pub weight: i32,
    pub exclude: bool,
    pub tests: Vec<Test>,
    /// Questions the rule depends on (directly or through measures).
    pub deps: u64,
}

/// A rule as explaining an option reads it: where it stands, and how to tell whether it holds
/// without going through its tests.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Listed {
    /// Index into `Index::rules`.
    pub rule: usize,
    pub holds: Holds,
}

/// How to tell whether a listed rule holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Holds {
    /// A compound rule: the tally settled it (index into `Index::compound`).
    Compound(usize),
    /// A single choice test (see [`Test::Choice`]).
    Choice { q: usize, any: u32, none: u32 },
}

/// A limit with ids resolved and its figure per Region choice.
#[derive(Clone, Debug)]
pub(crate) struct CLimit {
    pub limit: usize,
    pub option: usize,
    pub measure: Measure,
    /// The figure for each choice of the Region question; `value` when not listed.
    pub by_region: Vec<f64>,
    pub value: f64,
    pub tests: Vec<Test>,
    pub deps: u64,
    /// The least and the most score weight the limit can give (0 included).
    pub weights: (i32, i32),
}

/// The questions the engine reads by meaning; any may be missing from a team's model.
#[derive(Clone, Debug, Default)]
pub(crate) struct Special {
    pub rate: Option<usize>,
    pub duration: Option<usize>,
    pub steps: Option<usize>,
    pub fanout: Option<usize>,
    pub payload: Option<usize>,
    pub step_length: Option<usize>,
    pub region: Option<usize>,
    pub runs_per_month: Option<usize>,
    pub load_share: Option<usize>,
    pub memory_mb: Option<usize>,
    pub step_ms: Option<usize>,
    pub consumers: Option<usize>,
    pub free_tier: Option<usize>,
    pub cost_weight: Option<usize>,
    pub waits: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    options: HashMap<String, usize>,
    questions: HashMap<String, usize>,
    facts: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    /// Every rule, in file order (rules about unknown options are left out).
    pub rules: Vec<CRule>,
    /// Rules (indices into `rules`) with a single choice test, by question.
    pub by_question: Vec<Vec<usize>>,
    /// Every other rule (several tests, or measure tests).
    pub compound: Vec<usize>,
    /// Per rule, its place in `compound` when it is one.
    pub compound_at: Vec<Option<usize>>,
    /// Rules by option (file order) in the order their reasons are listed: exclusions in file order, then
    /// reasons for, strongest first, then reasons against, strongest first (file order
    /// breaking ties); rules that neither exclude nor weigh are left out.
    pub by_option_listed: Vec<Vec<Listed>>,
    /// Conflict rules' and architectures' conditions, resolved, in file order.
    pub conflicts: Vec<Vec<Test>>,
    pub architectures: Vec<Vec<Test>>,
    pub limits: Vec<CLimit>,
    pub special: Special,
    /// Questions each measure depends on.
    pub measure_deps: [u64; Measure::ALL.len()],
    pub history_events_per_transition: f64,
    /// For the load-shape question: the average share of the peak rate per choice.
    load_shares: Vec<Option<f64>>,
    /// Per one-answer question and choice, the summed single-test rules.
    pub single: Vec<Vec<Scores>>,
    /// Questions that compound rules or limits depend on.
    pub compound_deps: u64,
    /// Per question and choice: the first choice that has exactly the same effect on every
    /// rule, limit and cost (so re-scoring it again would give the same result).
    pub classes: Vec<Vec<u8>>,
    /// Questions whose answer can move any score at all.
    pub affects: u64,
    /// Per question and option: the least and most its single-test rules can add, over every
    /// possible answer ("not sure" included), and the options any answer to it excludes.
    pub swing: Vec<[(i32, i32); MAX_OPTIONS]>,
    pub can_exclude: Vec<u32>,
    /// Per question: the compound rules and limits (indices into `compound` and `limits`)
    /// that depend on it.
    pub compound_on: Vec<Vec<usize>>,
    pub limits_on: Vec<Vec<usize>>,
    /// The prices the cost formulas use, resolved.
    pub prices: crate::engine::cost::PriceSlots,
    /// Per option: the facts behind its prices, and whether any is third-party only.
    pub cost_facts: Vec<(Vec<String>, bool)>,
    /// Questions the monthly cost depends on, and the question that weighs it.
    pub cost_deps: u64,
    pub cost_question_bit: u64,
    /// Questions the monthly costs themselves depend on (the cost deps but the weight).
    pub price_deps: u64,
    /// Per option: the questions its own monthly cost depends on (those behind the inputs its
    /// cost formula reads; none for an option that cannot be priced).
    pub option_price_deps: Vec<u64>,
    /// Per choice of the `cost` question, the weight it gives.
    cost_weights: Vec<Option<i32>>,
    /// Per choice of the free-tier question: whether it includes the free tier; per choice of
    /// the waits question: whether the run waits.
    pub free_tier_choices: Vec<bool>,
    pub waits_choices: Vec<bool>,
    /// Questions any measure depends on.
    pub measure_questions: u64,
    /// The least and the most score effect cost can have at any weight the model sets.
    pub cost_effects: (i32, i32),
    /// Per question and choice, the range (`above`, `up_to`] a ranged choice stands for.
    ranges: Vec<Vec<Option<(f64, f64)>>>,
}

impl Index {
    pub fn build(model: &Model) -> Index {
        let ids = |v: Vec<&String>| -> HashMap<String, usize> {
            v.into_iter()
                .enumerate()
                .map(|(i, s)| (s.clone(), i))
                .collect()
        };
        let mut ix = Index {
            options: ids(model.options.iter().map(|o| &o.id).collect()),
            questions: ids(model.questions.iter().map(|q| &q.id).collect()),
            facts: ids(model.facts.iter().map(|f| &f.id).collect()),
            sources: ids(model.sources.iter().map(|s| &s.id).collect()),
            by_question: vec![Vec::new(); model.questions.len()],
            history_events_per_transition: model.workload.history_events_per_transition,
            ranges: model
                .questions
                .iter()
                .map(|q| {
                    q.choices
                        .iter()
                        .map(|c| {
                            (c.above.is_some() || c.up_to.is_some())
                                .then(|| (c.above.unwrap_or(0.0), c.up_to.unwrap_or(f64::INFINITY)))
                        })
                        .collect()
                })
                .collect(),
            ..Index::default()
        };
        let q = |id: &str| ix.questions.get(id).copied();
        ix.special = Special {
            rate: q("rate"),
            duration: q("duration"),
            steps: q("steps"),
            fanout: q("fanout"),
            payload: q("payload"),
            step_length: q("step_length"),
            region: q("region"),
            runs_per_month: q("runs_per_month"),
            load_share: q("load_shape"),
            memory_mb: q("memory_mb"),
            step_ms: q("step_ms"),
            consumers: q("consumers"),
            free_tier: q("free_tier"),
            cost_weight: q("cost"),
            waits: q("waits"),
        };
        let bit = |q: Option<usize>| q.map_or(0u64, |i| 1u64 << (i % 64));
        let s = &ix.special;
        let (rate, duration, steps, fanout) =
            (bit(s.rate), bit(s.duration), bit(s.steps), bit(s.fanout));
        let per_month = bit(s.runs_per_month) | bit(s.load_share) | rate;
        for m in Measure::ALL {
            ix.measure_deps[m.ix()] = match m {
                Measure::Rate => rate,
                Measure::Duration | Measure::CallerWait => duration,
                Measure::Steps => steps,
                Measure::Fanout => fanout,
                Measure::Payload => bit(s.payload),
                Measure::StepLength => bit(s.step_length),
                Measure::StepBeyondRun => bit(s.step_length) | duration,
                Measure::OpenRuns => rate | duration,
                Measure::Transitions | Measure::DurableOperations => steps | fanout,
                Measure::HistoryEvents => steps,
                Measure::TransitionRate | Measure::EventRate => rate | steps | fanout,
                Measure::RunsPerMonth => per_month,
            };
        }
        ix.measure_questions = ix.measure_deps.iter().fold(0, |a, d| a | d);
        ix.load_shares = s
            .load_share
            .map(|qi| {
                model.questions[qi]
                    .choices
                    .iter()
                    .map(|c| c.value)
                    .collect()
            })
            .unwrap_or_default();

        for (ri, r) in model.rules.iter().enumerate() {
            let Some(option) = ix.option(&r.option) else {
                continue;
            };
            let tests: Vec<Test> = r
                .when
                .all()
                .iter()
                .filter_map(|c| ix.test(model, c))
                .collect();
            let deps = tests.iter().fold(0, |d, t| d | ix.deps(t));
            let rule = CRule {
                rule: ri,
                option,
                weight: r.weight,
                exclude: r.exclude,
                tests,
                deps,
            };
            let at = ix.rules.len();
            match rule.tests.as_slice() {
                [Test::Choice { q, .. }] => {
                    let q = *q;
                    ix.by_question[q].push(at);
                }
                _ => ix.compound.push(at),
            }
            ix.rules.push(rule);
        }
        ix.compound_at = vec![None; ix.rules.len()];
        for (k, &r) in ix.compound.iter().enumerate() {
            ix.compound_at[r] = Some(k);
        }
        let by_option: Vec<Vec<usize>> = (0..model.options.len())
            .map(|o| {
                (0..ix.rules.len())
                    .filter(|&r| ix.rules[r].option == o)
                    .collect()
            })
            .collect();
        ix.by_option_listed = by_option
            .iter()
            .map(|rules| {
                let mut listed: Vec<usize> = rules
                    .iter()
                    .copied()
                    .filter(|&r| ix.rules[r].exclude || ix.rules[r].weight != 0)
                    .collect();
                // A stable sort, so equals stay in file order.
                listed.sort_by_key(|&r| {
                    let rule = &ix.rules[r];
                    match (rule.exclude, rule.weight > 0) {
                        (true, _) => (0, 0),
                        (false, true) => (1, -i64::from(rule.weight)),
                        (false, false) => (2, i64::from(rule.weight)),
                    }
                });
                listed
                    .into_iter()
                    .map(|r| Listed {
                        rule: r,
                        holds: match (ix.compound_at[r], ix.rules[r].tests.as_slice()) {
                            (None, &[Test::Choice { q, any, none }]) => {
                                Holds::Choice { q, any, none }
                            }
                            (Some(k), _) => Holds::Compound(k),
                            (None, _) => {
                                unreachable!("a rule is compound unless it is one choice test")
                            }
                        },
                    })
                    .collect()
            })
            .collect();
        ix.conflicts = model
            .conflicts
            .iter()
            // A conflict with a condition that does not resolve never holds: no tests.
            .map(|c| {
                c.when
                    .iter()
                    .map(|w| ix.test(model, w))
                    .collect::<Option<Vec<_>>>()
                    .unwrap_or_default()
            })
            .collect();
        ix.architectures = model
            .architectures
            .iter()
            .map(|a| a.when.iter().filter_map(|w| ix.test(model, w)).collect())
            .collect();
        let region_choices = s.region.map_or(0, |qi| model.questions[qi].choices.len());
        for (li, l) in model.limits.iter().enumerate() {
            let (Some(option), Some(measure)) = (ix.option(&l.option), Measure::parse(&l.measure))
            else {
                continue;
            };
            let mut by_region = vec![l.value; region_choices];
            if let Some(rq) = s.region {
                for rv in &l.regions {
                    for code in &rv.regions {
                        if let Some(ci) = model.questions[rq].choice_index(code) {
                            by_region[ci] = rv.value;
                        }
                    }
                }
            }
            let tests: Vec<Test> = l.when.iter().filter_map(|c| ix.test(model, c)).collect();
            // The Region matters only to a limit with a different figure somewhere.
            let regional = by_region.iter().any(|v| *v != l.value);
            let region = if regional { bit(s.region) } else { 0 };
            let deps = tests
                .iter()
                .fold(ix.measure_deps[measure.ix()] | region, |d, t| {
                    d | ix.deps(t)
                });
            ix.limits.push(CLimit {
                limit: li,
                option,
                measure,
                by_region,
                value: l.value,
                tests,
                deps,
                weights: limit_weights(model, l),
            });
        }
        ix.compound_deps = ix
            .compound
            .iter()
            .map(|&r| ix.rules[r].deps)
            .chain(ix.limits.iter().map(|l| l.deps))
            .fold(0, |a, b| a | b);
        let sp = &ix.special;
        ix.cost_deps = [
            sp.rate,
            sp.duration,
            sp.steps,
            sp.fanout,
            sp.payload,
            sp.runs_per_month,
            sp.load_share,
            sp.memory_mb,
            sp.step_ms,
            sp.consumers,
            sp.free_tier,
            sp.waits,
            sp.cost_weight,
        ]
        .into_iter()
        .fold(0, |d, q| d | bit(q));
        ix.cost_question_bit = bit(sp.cost_weight);
        ix.price_deps = ix.cost_deps & !ix.cost_question_bit;
        let input_deps = |input: crate::engine::cost::Input| -> u64 {
            use crate::engine::cost::Input;
            match input {
                Input::Runs => ix.measure_deps[Measure::RunsPerMonth.ix()],
                Input::Steps => ix.measure_deps[Measure::Steps.ix()],
                Input::Items => ix.measure_deps[Measure::Fanout.ix()],
                Input::Duration => ix.measure_deps[Measure::Duration.ix()],
                Input::Payload => ix.measure_deps[Measure::Payload.ix()],
                Input::Memory => bit(sp.memory_mb),
                Input::StepMs => bit(sp.step_ms),
                Input::Consumers => bit(sp.consumers),
                Input::FreeTier => bit(sp.free_tier),
                Input::Waits => bit(sp.waits),
            }
        };
        ix.option_price_deps = model
            .options
            .iter()
            .map(|o| {
                let reads = o.cost_model.map_or(0, crate::engine::cost::reads);
                crate::engine::cost::Input::ALL
                    .into_iter()
                    .filter(|&i| reads & i as u16 != 0)
                    .fold(0, |d, i| d | input_deps(i))
            })
            .collect();
        let by_choice = |q: Option<usize>, f: &dyn Fn(&str) -> bool| -> Vec<bool> {
            q.map(|qi| {
                model.questions[qi]
                    .choices
                    .iter()
                    .map(|c| f(&c.id))
                    .collect()
            })
            .unwrap_or_default()
        };
        ix.free_tier_choices = by_choice(sp.free_tier, &|id| id == "include");
        ix.waits_choices = by_choice(sp.waits, &|id| id != "none");
        ix.cost_weights = sp
            .cost_weight
            .map(|qi| {
                model.questions[qi]
                    .choices
                    .iter()
                    .map(|c| crate::engine::cost::choice_weight(model, &c.id))
                    .collect()
            })
            .unwrap_or_default();
        ix.cost_effects = [
            None,
            Some(model.scoring.cost_matters),
            Some(model.scoring.cost_decisive),
        ]
        .into_iter()
        .map(crate::engine::cost::effect_range)
        .fold((0, 0), |(lo, hi), (l, h)| (lo.min(l), hi.max(h)));
        ix.prices = crate::engine::cost::PriceSlots::resolve(model);
        ix.cost_facts = crate::engine::cost::option_facts(model, &ix.prices);
        ix.single = single_tables(model, &ix);
        ix.affects = ix.compound_deps
            | ix.cost_deps
            | (0..model.questions.len())
                .filter(|&q| !ix.by_question[q].is_empty())
                .fold(0, |m, q| m | (1u64 << (q % 64)));
        for (q, question) in model.questions.iter().enumerate() {
            let mut swing = [(0i32, 0i32); MAX_OPTIONS];
            let mut excludes = 0u32;
            for &ri in &ix.by_question[q] {
                let r = &ix.rules[ri];
                if r.exclude {
                    excludes |= 1 << r.option;
                } else if question.kind == crate::model::QuestionKind::Multi {
                    let (lo, hi) = &mut swing[r.option];
                    if r.weight < 0 {
                        *lo += r.weight;
                    } else {
                        *hi += r.weight;
                    }
                }
            }
            if question.kind == crate::model::QuestionKind::Single {
                for scores in &ix.single[q] {
                    for (o, bounds) in swing.iter_mut().enumerate() {
                        bounds.0 = bounds.0.min(scores.raw[o]);
                        bounds.1 = bounds.1.max(scores.raw[o]);
                    }
                }
            }
            ix.swing.push(swing);
            ix.can_exclude.push(excludes);
        }
        ix.compound_on = (0..model.questions.len())
            .map(|q| {
                (0..ix.compound.len())
                    .filter(|&k| ix.rules[ix.compound[k]].deps & (1u64 << (q % 64)) != 0)
                    .collect()
            })
            .collect();
        ix.limits_on = (0..model.questions.len())
            .map(|q| {
                (0..ix.limits.len())
                    .filter(|&k| ix.limits[k].deps & (1u64 << (q % 64)) != 0)
                    .collect()
            })
            .collect();
        ix.classes = (0..model.questions.len())
            .map(|q| equivalence_classes(model, &ix, q))
            .collect();
        ix
    }

    /// Raw weight per tenfold cost difference, from the `cost` question; `None` when ignored
    /// or not answered.
    pub fn cost_weight(&self, answers: &Answers) -> Option<i32> {
        let qi = self.special.cost_weight?;
        let c = answers.slot(qi).first()?;
        self.cost_weights.get(c).copied().flatten()
    }

    /// Whether question `q` can move any score.
    pub fn affects(&self, q: usize) -> bool {
        self.affects & (1u64 << (q % 64)) != 0
    }

    /// Resolves a condition; `None` when it names something the model lacks (validation
    /// reports that for model files).
    pub(crate) fn test(&self, model: &Model, c: &Condition) -> Option<Test> {
        if let Some(qid) = &c.question {
            let qi = self.question(qid)?;
            if let Some(yes) = c.answered {
                return Some(Test::Answered { q: qi, yes });
            }
            let question = &model.questions[qi];
            let mask = |ids: &[String]| {
                ids.iter()
                    .filter_map(|id| question.choice_index(id))
                    .fold(0u32, |m, i| m | (1 << i))
            };
            return Some(Test::Choice {
                q: qi,
                any: mask(&c.any),
                none: mask(&c.none_of),
            });
        }
        let m = Measure::parse(c.measure.as_deref()?)?;
        Some(Test::Measure {
            m,
            at_least: c.at_least,
            at_most: c.at_most,
            may_exceed: c.may_exceed,
        })
    }

    pub(crate) fn deps(&self, t: &Test) -> u64 {
        match t {
            Test::Choice { q, .. } | Test::Answered { q, .. } => 1u64 << (q % 64),
            Test::Measure { m, .. } => self.measure_deps[m.ix()],
        }
    }

    pub fn option(&self, id: &str) -> Option<usize> {
        self.options.get(id).copied()
    }
    pub fn question(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }
    pub fn fact(&self, id: &str) -> Option<usize> {
        self.facts.get(id).copied()
    }
    pub fn source(&self, id: &str) -> Option<usize> {
        self.sources.get(id).copied()
    }

    /// A figure question's answer as a quantity: the figure, or the chosen range.
    pub fn quantity(&self, q: usize, slot: Slot) -> Option<Quantity> {
        if let Some(v) = slot.number {
            return Some(Quantity::exact(v));
        }
        let ranges = self.ranges.get(q)?;
        let (lo, hi) = ranges.get(slot.first()?).copied().flatten()?;
        Some(Quantity {
            lo,
            hi,
            exact: false,
        })
    }

    /// The average share of the peak rate that a load-shape choice stands for.
    pub fn load_share(&self, slot: Slot) -> Option<f64> {
        self.load_shares.get(slot.first()?).copied().flatten()
    }
}

/// The least and the most weight a limit can give (see [`crate::engine::limits::check`]).
fn limit_weights(model: &Model, l: &crate::model::Limit) -> (i32, i32) {
    let sc = &model.scoring;
    // Within the limit, near it, or a range that may reach past it.
    let mut weights = vec![0, sc.near];
    if l.hard {
        if l.workaround {
            weights.push(sc.workaround);
        } else if l.split.is_some() {
            // Monotone in the number of pieces, so its ends bound it.
            for extra in [1, 999_999] {
                weights.push(sc.split_per_piece.saturating_mul(extra).max(sc.split_cap));
            }
        }
    } else {
        weights.extend([sc.soft_over, sc.beyond_published]);
    }
    let least = weights.iter().copied().min().unwrap_or(0);
    let most = weights.iter().copied().max().unwrap_or(0);
    (least, most)
}

/// For each choice of question `q`, the first choice with exactly the same effect everywhere.
fn equivalence_classes(model: &Model, ix: &Index, q: usize) -> Vec<u8> {
    let question = &model.questions[q];
    let n = question.choices.len().min(32);
    let special = [
        ix.special.free_tier,
        ix.special.waits,
        ix.special.cost_weight,
        ix.special.load_share,
    ];
    let distinct = |_: usize| (0..n as u8).collect::<Vec<u8>>();
    // Choices that stand for figures, or that the engine reads by id, always differ.
    if ix
        .ranges
        .get(q)
        .is_some_and(|r| r.iter().any(Option::is_some))
        || special.contains(&Some(q))
    {
        return distinct(q);
    }
    let bit = |mask: u32, c: usize| mask & (1 << c) != 0;
    let same_tests = |tests: &[Test], a: usize, b: usize| {
        tests.iter().all(|t| match *t {
            Test::Choice { q: tq, any, none } if tq == q => {
                bit(any, a) == bit(any, b) && bit(none, a) == bit(none, b)
            }
            _ => true,
        })
    };
    let equivalent = |a: usize, b: usize| {
        ix.single.get(q).is_some_and(|t| t.get(a) == t.get(b))
            && ix.rules.iter().all(|r| same_tests(&r.tests, a, b))
            && ix.conflicts.iter().all(|t| same_tests(t, a, b))
            && ix.architectures.iter().all(|t| same_tests(t, a, b))
            && ix.limits.iter().all(|l| {
                same_tests(&l.tests, a, b)
                    && (ix.special.region != Some(q) || l.by_region.get(a) == l.by_region.get(b))
            })
    };
    (0..n)
        .map(|c| (0..c).find(|&p| equivalent(p, c)).unwrap_or(c) as u8)
        .collect()
}
