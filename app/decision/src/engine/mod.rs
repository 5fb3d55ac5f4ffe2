//! The evaluation engine: a pure, total function of (model, answers).
//!
//! Each option starts level. Every rule whose conditions hold either excludes the option (a
//! hard constraint) or moves its raw score; every limit is checked against the workload's
//! numbers. Raw scores map onto 0–100 with a curve that never saturates. An architecture
//! beyond the four options can lead the result. Everything the engine says carries the rule,
//! limit and facts it rests on; the sentences themselves are written in [`wording`].

mod architecture;
mod confidence;
pub mod cost;
pub mod limits;
pub mod measures;
mod sensitivity;
pub(crate) mod tally;
pub mod wording;

use crate::answers::Answers;
use crate::index::Holds;
use crate::model::{ArchitectureKind, Model, Unit};
use limits::LimitStatus;
use serde::Serialize;
use std::borrow::Cow;
use tally::{score, Tally};

pub use confidence::{Confidence, ConfidenceLevel};
pub use cost::{Cost, CostLine, Crossover};
pub use measures::{Measure, Quantity};
pub use wording::Text;

/// The whole explained result. Borrows the model's text, so building it copies little.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation<'m> {
    pub model: ModelRef<'m>,
    /// Best first: options still in the running, then excluded ones.
    pub ranking: Vec<Ranked<'m>>,
    /// The clear first choice; `None` with no answers, a tie at the top, or nothing that fits
    /// as described.
    pub top: Option<&'m str>,
    /// One sentence for the top of the result.
    pub verdict: String,
    /// An answer beyond the four options, when one applies; the ranking stays below it.
    pub architecture: Option<ArchitectureOut<'m>>,
    pub conflicts: Vec<Conflict<'m>>,
    /// Set when no option fits as described (every one excluded or needing a split).
    pub unmet: Option<Unmet>,
    /// The smallest single-answer changes that would change the top pick, smallest first.
    pub what_would_change: Vec<Change<'m>>,
    /// The unanswered question that would separate the options most.
    pub next_question: Option<&'m str>,
    pub confidence: Confidence,
    /// Figures the cost estimates took from a typical workload because the answers leave
    /// them out; empty when the answers give every figure.
    pub cost_assumptions: Vec<String>,
}

impl Evaluation<'_> {
    /// The verdict in a few words, for where the whole sentence does not fit (a preview card's
    /// headline, the bar that keeps the result in sight on a phone): the architecture that
    /// leads, or the top pick's name, or else the verdict without the question it suggests
    /// answering next (no answers, no clear pick, nothing that fits).
    pub fn short_verdict(&self) -> String {
        wording::short_verdict(self)
    }

    /// The page's title, the same on the server and in the browser: the verdict without its
    /// closing full stop (a title reads "…in the running — Orchestration Advisor", not
    /// "running. —"), or while nothing leads, the product and what it is for.
    pub fn page_title(&self) -> String {
        if self.top.is_some() {
            format!(
                "{} — Orchestration Advisor",
                self.verdict.trim_end().trim_end_matches('.')
            )
        } else {
            "Orchestration Advisor — choose how to orchestrate work on AWS".to_owned()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ModelRef<'m> {
    pub id: &'m str,
    pub version: &'m str,
    pub revision: u16,
}

/// How an option stands against the hard limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    Fits,
    /// Fits only if the run is split (a hard limit with a documented pattern).
    NeedsSplit,
    /// Fits only once part of the work goes around a hard limit as the limit's advice says
    /// (a step longer than Lambda's 15 minutes handed to another service and awaited with a
    /// callback, say): the limit's `workaround`. It weighs `scoring.workaround` against the
    /// option; before 2026-12-01 such an option read as fitting.
    NeedsWorkaround,
    Excluded,
}

/// One option's place in the ranking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked<'m> {
    pub option: &'m str,
    pub name: &'m str,
    /// 0–100, comparable across options; 50 is neutral.
    pub score: u8,
    pub excluded: bool,
    pub fit: Fit,
    /// The hard constraints that excluded it.
    pub excluded_by: Vec<Reason<'m>>,
    #[serde(rename = "for")]
    pub pros: Vec<Reason<'m>>,
    pub against: Vec<Reason<'m>>,
    /// Every limit that applies and whose figure the answers give, as used / limit.
    pub limits: Vec<LimitCheck<'m>>,
    /// What a month of this option costs at the answers' numbers, where it can be priced.
    pub cost: Option<Cost<'m>>,
}

/// A sentence with the rule (or limit) and facts behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason<'m> {
    /// The rule or limit id.
    pub rule: &'m str,
    /// The question the reason is about, where it is about one.
    pub question: Option<&'m str>,
    pub text: Text<'m>,
    pub facts: &'m [String],
    pub weight: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<Text<'m>>,
    /// An exclusion that is a judgement rather than a documented limit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub judgement: bool,
}

/// One limit at the team's numbers: `value` used of `limit`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LimitCheck<'m> {
    pub id: &'m str,
    pub label: &'m str,
    /// The workload's figure (the lower end when the answer is a range).
    pub value: f64,
    /// Whether `value` is a figure the team gave, rather than the lower end of a range.
    pub exact: bool,
    /// The limit in force for the team's Region.
    pub limit: f64,
    pub unit: Unit,
    /// `value / limit`.
    pub share: f64,
    pub hard: bool,
    pub status: LimitStatus,
    /// A higher figure AWS has published as reachable, for soft quotas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<f64>,
    pub facts: &'m [String],
}

impl LimitCheck<'_> {
    /// "36 hours of 5 minutes" and the like, for people.
    pub fn text(&self) -> String {
        let value = Quantity {
            lo: self.value,
            hi: if self.exact {
                self.value
            } else {
                f64::INFINITY
            },
            exact: self.exact,
        };
        format!(
            "{} of {}",
            wording::quantity(self.unit, value),
            crate::number::with_unit(self.unit, self.limit)
        )
    }

    /// The share of the limit used, for people: "8%", "2.5×" from ten times the limit up,
    /// and never "100%" for a figure over the limit (or under it): 365.5 days against a
    /// 365-day limit is "over 100%", not a rounded "100%" beside "over the limit".
    pub fn share_text(&self) -> String {
        let percent = self.share * 100.0;
        if self.share >= 10.0 {
            format!("{}×", crate::number::human(self.share))
        } else if self.share > 1.0 && percent.round() <= 100.0 {
            "over 100%".to_owned()
        } else if self.share < 1.0 && percent.round() >= 100.0 {
            "under 100%".to_owned()
        } else {
            format!("{percent:.0}%")
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict<'m> {
    pub id: Cow<'m, str>,
    pub message: Cow<'m, str>,
    pub questions: Vec<&'m str>,
    pub facts: Vec<&'m str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmet {
    pub message: String,
    /// What to do instead, one entry per distinct piece of advice.
    pub advice: Vec<String>,
}

/// An architecture beyond the four options, with what goes where and the figures behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArchitectureOut<'m> {
    pub id: &'m str,
    pub kind: ArchitectureKind,
    pub title: &'m str,
    pub summary: &'m str,
    pub parts: Vec<PartOut<'m>>,
    /// The arithmetic: workload figures that make it apply.
    pub figures: Vec<Figure<'m>>,
    pub facts: &'m [String],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartOut<'m> {
    pub option: Option<&'m str>,
    pub role: &'m str,
}

/// A figure of an architecture's arithmetic, e.g. "State transitions per second: 15,000".
#[derive(Clone, Debug, PartialEq)]
pub enum Figure<'m> {
    /// A workload measure at the team's numbers.
    Measure { measure: Measure, value: Quantity },
    /// One option's monthly cost at the team's numbers.
    MonthlyCost { option: &'m str, usd: f64 },
}

impl Figure<'_> {
    pub fn label(&self) -> String {
        match self {
            Figure::Measure { measure, .. } => {
                // Labels are the model's English words: ASCII case rules keep Unicode's case
                // tables out of the browser's wasm.
                let mut l = measure.label().to_owned();
                if let Some(first) = l.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                l
            }
            Figure::MonthlyCost { option, .. } => format!("{option} per month"),
        }
    }
    pub fn value(&self) -> f64 {
        match self {
            Figure::Measure { value, .. } => value.lo,
            Figure::MonthlyCost { usd, .. } => *usd,
        }
    }
    pub fn text(&self) -> String {
        match self {
            Figure::Measure { measure, value } => wording::quantity(measure.unit(), *value),
            Figure::MonthlyCost { usd, .. } => crate::number::usd(*usd),
        }
    }
}

impl Serialize for Figure<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Figure", 3)?;
        st.serialize_field("label", &self.label())?;
        st.serialize_field("value", &self.value())?;
        st.serialize_field("text", &self.text())?;
        st.end()
    }
}

/// A change of one answer that would change the top pick. Worded when shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Change<'m> {
    pub question: &'m crate::model::Question,
    /// The answer now.
    pub from: crate::answers::Slot,
    /// The answer after the change.
    pub to: crate::answers::Slot,
    /// The option that would come first.
    pub new_top: &'m crate::model::OptionDef,
}

impl Change<'_> {
    /// The answer as link values: the figure, or the choice ids (empty: not answered).
    pub fn values(&self, slot: crate::answers::Slot) -> Vec<String> {
        let q = self.question;
        if let (Some(v), Some(spec)) = (slot.number, &q.number) {
            return vec![crate::number::canonical(spec.unit, v)];
        }
        q.choices
            .iter()
            .enumerate()
            .filter(|(i, _)| slot.has(*i))
            .map(|(_, c)| c.id.clone())
            .collect()
    }
    /// "If the answer to … were … instead of …, X would come first."
    pub fn summary(&self) -> String {
        format!(
            "If the answer to “{}” were “{}” instead of “{}”, {} would come first.",
            self.question.prompt,
            crate::answers::describe_slot(self.question, self.to),
            crate::answers::describe_slot(self.question, self.from),
            self.new_top.name
        )
    }
}

impl Serialize for Change<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Change", 5)?;
        st.serialize_field("question", &self.question.id)?;
        st.serialize_field("from", &self.values(self.from))?;
        st.serialize_field("to", &self.values(self.to))?;
        st.serialize_field("new_top", &self.new_top.id)?;
        st.serialize_field("summary", &self.summary())?;
        st.end()
    }
}

/// Evaluates answers against a model. Total: any input gives an answer.
pub fn evaluate<'m>(model: &'m Model, answers: &Answers) -> Evaluation<'m> {
    let index = model.index();
    let tally = Tally::new(model, index, answers);
    let n = tally.n;
    let order = tally.scores.order(n);
    let top = if answers.is_empty() {
        None
    } else {
        tally.scores.top(n)
    };
    let mut costs = cost::for_options(model, index, &tally.cost_inputs, &tally.priced);
    let cheapest = (0..n)
        .filter(|&o| !tally.scores.is_excluded(o))
        .filter_map(|o| Some((o, costs[o].as_ref()?.monthly_usd)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let ranking: Vec<Ranked<'m>> = order
        .iter()
        .map(|&o| {
            let mut r = explain(model, answers, &tally, o, costs[o].take());
            if let (Some(c), Some((cheap, cheap_usd))) = (&r.cost, cheapest) {
                if let Some(reason) = wording::cost_reason(
                    c,
                    tally.cost_effects[o],
                    model.scoring.cost_floor_usd,
                    &model.options[cheap].name,
                    cheap_usd,
                ) {
                    if reason.weight > 0 {
                        insert_by_strength(&mut r.pros, reason);
                    } else {
                        insert_by_strength(&mut r.against, reason);
                    }
                }
            }
            r
        })
        .collect();
    let unmet_now = !answers.is_empty()
        && n > 0
        && (0..n).all(|o| tally.scores.is_excluded(o) || tally.scores.needs_split(o));
    let architecture = architecture::choose(model, index, answers, &tally, &order, top);
    let mut conflicts = conflicts(model, answers, &tally);
    if let Some(c) = wording::beyond_every_option(model, &ranking) {
        conflicts.push(c);
    }
    let unmet = unmet_now.then(|| wording::unmet(&ranking, architecture.as_ref()));
    let what_would_change = sensitivity::what_would_change(model, index, answers, &tally, top);
    let next_question = sensitivity::next_question(model, index, answers, &tally);
    let confidence = confidence::confidence(model, answers, &tally.scores, top);
    // The hard limit the leader works around, named in the verdict.
    let workaround = ranking
        .iter()
        .find(|r| top.is_some_and(|t| model.options[t].id == r.option))
        .filter(|r| r.fit == Fit::NeedsWorkaround)
        .and_then(|r| r.limits.iter().find(|l| l.status == LimitStatus::OverHard))
        .map(|l| l.label);
    let verdict = wording::verdict(
        model,
        answers,
        &tally.scores,
        top.map(|option| wording::Top { option, workaround }),
        unmet.is_some(),
        architecture.as_ref(),
        next_question,
    );
    Evaluation {
        model: ModelRef {
            id: &model.id,
            version: &model.version,
            revision: model.revision,
        },
        ranking,
        top: top.map(|i| model.options[i].id.as_str()),
        verdict,
        architecture,
        conflicts,
        unmet,
        what_would_change,
        next_question: next_question.map(|q| model.questions[q].id.as_str()),
        confidence,
        cost_assumptions: cost::assumptions(
            &tally.cost_inputs,
            tally.measures.get(Measure::Rate).map(|q| q.lo),
        ),
    }
}

fn conflicts<'m>(model: &'m Model, answers: &Answers, tally: &Tally) -> Vec<Conflict<'m>> {
    let index = model.index();
    model
        .conflicts
        .iter()
        .zip(&index.conflicts)
        .filter(|(c, tests)| {
            !c.when.is_empty()
                && tests.len() == c.when.len()
                && tests
                    .iter()
                    .all(|t| tally::holds(t, answers, &tally.measures))
        })
        .map(|(c, tests)| Conflict {
            id: Cow::Borrowed(&c.id),
            message: Cow::Borrowed(&c.message),
            questions: conflict_questions(model, tests),
            facts: c.facts.iter().map(String::as_str).collect(),
        })
        .collect()
}

/// The questions a conflict's tests read, in the order of its conditions: a question test's
/// own, and every question a measure is computed from (a step longer than the run points at
/// both the step and the duration).
fn conflict_questions<'m>(model: &'m Model, tests: &[crate::index::Test]) -> Vec<&'m str> {
    let index = model.index();
    let mut out: Vec<&'m str> = Vec::new();
    for t in tests {
        let deps = index.deps(t);
        for (i, q) in model.questions.iter().enumerate() {
            if deps & (1u64 << (i % 64)) != 0 && !out.contains(&q.id.as_str()) {
                out.push(&q.id);
            }
        }
    }
    out
}

fn explain<'m>(
    model: &'m Model,
    answers: &Answers,
    tally: &Tally,
    o: usize,
    cost: Option<Cost<'m>>,
) -> Ranked<'m> {
    let index = model.index();
    let option = &model.options[o];
    let scores = &tally.scores;
    let fit = if scores.is_excluded(o) {
        Fit::Excluded
    } else if scores.needs_split(o) {
        Fit::NeedsSplit
    } else {
        Fit::Fits
    };
    let mut ranked = Ranked {
        option: &option.id,
        name: &option.name,
        score: score(scores.raw[o]),
        excluded: fit == Fit::Excluded,
        fit,
        excluded_by: Vec::new(),
        pros: Vec::with_capacity(16),
        against: Vec::with_capacity(16),
        limits: Vec::with_capacity(8),
        cost,
    };
    // Rules in the order their reasons are listed (see `Index::by_option_listed`), so each
    // reason goes at the end of its list.
    for listed in &index.by_option_listed[o] {
        let holds = match listed.holds {
            // Compound rules were settled by the tally.
            Holds::Compound(k) => tally.compound[k],
            // The same test as `tally::holds` for a choice test.
            Holds::Choice { q, any, none } => {
                let s = answers.slot(q).choices;
                s != 0 && ((any != 0 && s & any != 0) || (none != 0 && s & none == 0))
            }
        };
        if !holds {
            continue;
        }
        let rule = &model.rules[index.rules[listed.rule].rule];
        let reason = Reason {
            rule: &rule.id,
            question: rule.when.all().iter().find_map(|c| c.question.as_deref()),
            text: Text::Model(&rule.reason),
            facts: &rule.facts,
            weight: rule.weight,
            advice: rule.advice.as_deref().map(Text::Model),
            judgement: rule.judgement,
        };
        if rule.exclude {
            ranked.excluded_by.push(reason);
        } else if rule.weight > 0 {
            ranked.pros.push(reason);
        } else {
            ranked.against.push(reason);
        }
    }
    for (cl, out) in index.limits.iter().zip(&tally.limits) {
        if cl.option != o || !out.status.known() {
            continue;
        }
        let def = &model.limits[cl.limit];
        let check = wording::limit_check(def, cl.measure, out);
        if let Some(reason) = wording::limit_reason(model, def, cl.measure, out) {
            if out.exclude {
                ranked.excluded_by.push(reason);
            } else {
                insert_by_strength(&mut ranked.against, reason);
            }
        }
        ranked.limits.push(check);
    }
    // Past a hard limit and neither excluded nor split: only a workaround limit does that.
    if ranked.fit == Fit::Fits
        && ranked
            .limits
            .iter()
            .any(|l| l.status == LimitStatus::OverHard)
    {
        ranked.fit = Fit::NeedsWorkaround;
    }
    ranked
}

/// Strongest reasons first, file order breaking ties: each reason goes in where a stable sort
/// by weight would put it (after its equals), so the lists never need sorting. Pros are
/// strongest when most positive, reasons against when most negative.
fn insert_by_strength<'m>(list: &mut Vec<Reason<'m>>, reason: Reason<'m>) {
    let pro = reason.weight > 0;
    let at = list.partition_point(|x| {
        if pro {
            x.weight >= reason.weight
        } else {
            x.weight <= reason.weight
        }
    });
    list.insert(at, reason);
}
