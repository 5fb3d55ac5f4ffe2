//! The sentences the engine writes: the verdict, limits at the team's numbers, conflicts that
//! no option can satisfy, and what is unmet. Scoring returns data; this module words it.

use super::limits::{LimitStatus, Outcome};
use super::measures::{Measure, Quantity};
use super::tally::{score, Scores};
use super::{ArchitectureOut, Conflict, Evaluation, Fit, LimitCheck, Ranked, Reason, Unmet};
use crate::answers::Answers;
use crate::model::{Limit, Model, Unit};
use crate::number;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// "A, B and C".
pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A quantity in words: "36 hours", "more than 5 minutes", "under 100 per second".
pub fn quantity(unit: Unit, q: Quantity) -> String {
    if q.exact {
        number::with_unit(unit, q.lo)
    } else if q.lo <= 0.0 && q.hi.is_finite() {
        format!("up to {}", number::with_unit(unit, q.hi))
    } else {
        format!("more than {}", number::with_unit(unit, q.lo))
    }
}

/// A limit's row for the limits table.
pub(crate) fn limit_check<'m>(def: &'m Limit, measure: Measure, out: &Outcome) -> LimitCheck<'m> {
    let unit = measure.unit();
    let value = out.value.unwrap_or(Quantity::exact(0.0));
    LimitCheck {
        id: &def.id,
        label: &def.label,
        value: value.lo,
        exact: value.exact,
        limit: out.limit,
        unit,
        share: if out.share.is_finite() {
            out.share
        } else {
            f64::MAX
        },
        hard: def.hard,
        status: out.status,
        published: def.published,
        facts: &def.facts,
    }
}

/// A reason's sentence: the model's own words, or one the engine words from figures when it is
/// shown (so evaluating many answer sets formats nothing they do not display).
#[derive(Clone, Debug, PartialEq)]
pub enum Text<'m> {
    /// The model's own sentence.
    Model(&'m str),
    /// A limit at the team's numbers.
    Limit(LimitText<'m>),
    /// An architecture's title and summary, given as advice.
    Architecture { title: &'m str, summary: &'m str },
    /// What an option costs against the cheapest.
    Cost(CostText<'m>),
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Text::Model(s) => f.write_str(s),
            Text::Limit(l) => l.fmt(f),
            Text::Architecture { title, summary } => write!(f, "{title}: {summary}"),
            Text::Cost(c) => c.fmt(f),
        }
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The figures behind a limit's sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitText<'m> {
    pub label: &'m str,
    pub status: LimitStatus,
    pub hard: bool,
    pub split: bool,
    pub pieces: u32,
    pub value: Quantity,
    pub limit: f64,
    pub share: f64,
    pub unit: Unit,
    pub published: Option<f64>,
}

impl fmt::Display for LimitText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = self.unit;
        let value = quantity(unit, self.value);
        let limit = number::with_unit(unit, self.limit);
        let label = self.label;
        match self.status {
            LimitStatus::OverHard if self.split => write!(
                f,
                "{label}: {value} against a hard limit of {limit}, so one run cannot hold the work; split it into at least {} runs.",
                self.pieces
            ),
            LimitStatus::OverHard => write!(f, "{label}: {value} against a hard limit of {limit}."),
            LimitStatus::OverSoft => write!(
                f,
                "{label}: {value} is above the default quota of {limit}; it needs a quota increase."
            ),
            LimitStatus::BeyondPublished => {
                let times = number::human(self.share);
                match self.published {
                    Some(p) => write!(
                        f,
                        "{label}: {value} is {times} times the default of {limit} and beyond the {} AWS has published as reachable; plan on it only with AWS's confirmation.",
                        number::with_unit(unit, p)
                    ),
                    None => write!(
                        f,
                        "{label}: {value} is {times} times the default of {limit}, and AWS publishes no figure this high; plan on it only with AWS's confirmation."
                    ),
                }
            }
            LimitStatus::Near => write!(
                f,
                "{label}: {value} is {:.0}% of the {limit} limit, which leaves little headroom.",
                self.share * 100.0
            ),
            LimitStatus::Possible => write!(
                f,
                "{label}: your answer reaches past the {limit} {}; give the figure to check it.",
                if self.hard { "limit" } else { "default quota" }
            ),
            LimitStatus::Ok | LimitStatus::Unknown | LimitStatus::NotApplicable => {
                write!(f, "{label}: {value} of {limit}.")
            }
        }
    }
}

/// The figures behind a cost sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct CostText<'m> {
    pub monthly: f64,
    pub per_million: f64,
    /// The runs a month the monthly figure is for, given or typical.
    pub runs: f64,
    pub cheapest: bool,
    pub cheapest_name: &'m str,
    pub cheapest_usd: f64,
    /// Set when the option is not the cheapest but within the model's floor of it (USD a
    /// month, `scoring.cost_floor_usd`), so it counts as level.
    pub level_within: Option<f64>,
}

impl fmt::Display for CostText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(floor) = self.level_within {
            write!(
                f,
                "At your numbers it costs about {} a month, within {} a month of the cheapest open option ({}, {}), so it counts as level on cost.",
                number::usd(self.monthly),
                number::usd(floor),
                self.cheapest_name,
                number::usd(self.cheapest_usd)
            )
        } else if self.cheapest {
            write!(
                f,
                "At your numbers it is the cheapest open option: about {}{}.",
                number::usd(self.monthly),
                super::cost::month_words(self.monthly, self.runs, self.per_million)
            )
        } else {
            write!(
                f,
                "At your numbers it costs about {} a month, {} times the cheapest open option ({}, {}).",
                number::usd(self.monthly),
                number::human(self.monthly / self.cheapest_usd.max(1e-12)),
                self.cheapest_name,
                number::usd(self.cheapest_usd)
            )
        }
    }
}

/// The reason a limit gives against its option, if it moves the option at all.
pub(crate) fn limit_reason<'m>(
    model: &'m Model,
    def: &'m Limit,
    measure: Measure,
    out: &Outcome,
) -> Option<Reason<'m>> {
    let value = out.value?;
    if !matches!(
        out.status,
        LimitStatus::OverHard
            | LimitStatus::OverSoft
            | LimitStatus::BeyondPublished
            | LimitStatus::Near
            | LimitStatus::Possible
    ) {
        return None;
    }
    let advice = match (out.split, def.split.as_deref()) {
        (true, Some(arch)) => model.architecture(arch).map(|a| Text::Architecture {
            title: &a.title,
            summary: &a.summary,
        }),
        _ => def.advice.as_deref().map(Text::Model),
    };
    Some(Reason {
        rule: &def.id,
        question: measure_question(measure),
        text: Text::Limit(LimitText {
            label: &def.label,
            status: out.status,
            hard: def.hard,
            split: out.split,
            pieces: out.pieces,
            value,
            limit: out.limit,
            share: out.share,
            unit: measure.unit(),
            published: def.published,
        }),
        facts: &def.facts,
        weight: out.weight,
        advice,
        judgement: false,
    })
}

/// The reason cost gives when the team weighs it.
pub(crate) fn cost_reason<'m>(
    cost: &super::Cost<'m>,
    effect: i32,
    floor: f64,
    cheapest_name: &'m str,
    cheapest_usd: f64,
) -> Option<Reason<'m>> {
    if effect == 0 {
        return None;
    }
    let level_within =
        (effect > 0 && !super::cost::is_cheapest(cost.monthly_usd, cheapest_usd)).then_some(floor);
    Some(Reason {
        rule: "cost",
        question: Some("cost"),
        text: Text::Cost(CostText {
            monthly: cost.monthly_usd,
            per_million: cost.per_million_runs_usd,
            runs: cost.runs_per_month,
            cheapest: effect > 0,
            cheapest_name,
            cheapest_usd,
            level_within,
        }),
        facts: cost.facts,
        weight: effect,
        advice: None,
        judgement: false,
    })
}

/// The question a measure mostly comes from, for linking a reason to the form.
fn measure_question(m: Measure) -> Option<&'static str> {
    Some(match m {
        Measure::Rate | Measure::TransitionRate | Measure::EventRate => "rate",
        Measure::Duration | Measure::CallerWait | Measure::OpenRuns => "duration",
        Measure::Steps
        | Measure::Transitions
        | Measure::HistoryEvents
        | Measure::DurableOperations => "steps",
        Measure::Fanout => "fanout",
        Measure::Payload => "payload",
        Measure::StepLength | Measure::StepBeyondRun => "step_length",
        Measure::RunsPerMonth => "runs_per_month",
    })
}

/// A conflict when the numbers rule out every option: each is excluded or past a hard
/// limit or beyond any published figure. Names each option's binding limit with figures.
pub(crate) fn beyond_every_option<'m>(
    model: &'m Model,
    ranking: &[Ranked<'m>],
) -> Option<Conflict<'m>> {
    if ranking.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    let mut facts: Vec<&'m str> = Vec::new();
    let mut any_limit = false;
    for r in ranking {
        let binding = r
            .limits
            .iter()
            .filter(|l| {
                matches!(
                    l.status,
                    LimitStatus::OverHard | LimitStatus::BeyondPublished
                )
            })
            .max_by(|a, b| a.share.total_cmp(&b.share));
        match binding {
            Some(l) => {
                any_limit = true;
                parts.push(format!(
                    "{}: {} {}",
                    r.name,
                    l.label.to_ascii_lowercase(),
                    l.text()
                ));
                facts.extend(l.facts.iter().map(String::as_str));
            }
            None if r.excluded => {
                let why = r
                    .excluded_by
                    .first()
                    .map_or_else(|| "excluded".to_owned(), |x| x.text.to_string());
                parts.push(format!("{}: {}", r.name, why.trim_end_matches('.')));
                if let Some(x) = r.excluded_by.first() {
                    facts.extend(x.facts.iter().map(String::as_str));
                }
            }
            // One option handles the numbers: no conflict.
            None => return None,
        }
    }
    if !any_limit {
        return None;
    }
    facts.sort_unstable();
    facts.dedup();
    let _ = model;
    Some(Conflict {
        id: Cow::Borrowed("numbers-beyond-every-option"),
        message: Cow::Owned(format!(
            "No option handles these numbers as described. {}. Change the shape of the work (fewer or shorter runs, a split, batching) or confirm higher quotas with AWS before relying on any of them.",
            parts.join("; ")
        )),
        questions: vec!["rate", "duration", "steps"],
        facts,
    })
}

/// What is unmet when no option fits as described.
pub(crate) fn unmet(ranking: &[Ranked<'_>], architecture: Option<&ArchitectureOut<'_>>) -> Unmet {
    let mut advice: Vec<String> = Vec::new();
    if let Some(a) = architecture {
        advice.push(format!("{}: {}", a.title, a.summary));
    }
    for r in ranking {
        for reason in r.excluded_by.iter().chain(&r.against) {
            if reason.weight < 0 && !r.excluded && reason.advice.is_none() {
                continue;
            }
            if let Some(a) = &reason.advice {
                let a = a.to_string();
                if !advice.contains(&a) {
                    advice.push(a);
                }
            }
        }
    }
    let split = ranking.iter().any(|r| r.fit == super::Fit::NeedsSplit);
    let message = if split {
        "No option runs this work as one run: each is excluded or past a hard limit that only a split gets around. \
         Split the work as below; the ranking shows how each option does once split."
    } else {
        "No option meets every requirement you gave: each one is excluded by a hard limit. \
         The ranking below is a best effort among options that do not fit as described."
    };
    Unmet {
        message: message.to_owned(),
        advice,
    }
}

/// The top pick (its index in the model), and the hard limit it goes around if it needs a
/// workaround (the limit's label).
pub(crate) struct Top<'a> {
    pub option: usize,
    pub workaround: Option<&'a str>,
}

/// "… fits this workflow best": the top pick, in the verdict and in its short form.
fn fits_best(out: &mut String, name: &str) {
    out.push_str(name);
    out.push_str(" fits this workflow best");
}

/// How the verdict goes on to the question to answer next, when there is no clear pick.
const NEXT_PROMPT: &str = " Next, answer “";

/// The verdict in a few words (see [`Evaluation::short_verdict`]).
pub(crate) fn short_verdict(e: &Evaluation<'_>) -> String {
    if let Some(a) = &e.architecture {
        return a.title.to_owned();
    }
    let Some(r) = e.top.and_then(|t| e.ranking.iter().find(|r| r.option == t)) else {
        // No clear pick: the verdict's first sentence, without the question it suggests next
        // (a card or a two-line bar cut the question off halfway).
        return e
            .verdict
            .split_once(NEXT_PROMPT)
            .map_or_else(|| e.verdict.clone(), |(head, _)| head.to_owned());
    };
    let mut out = String::new();
    fits_best(&mut out, r.name);
    out.push_str(if r.fit == Fit::NeedsWorkaround {
        ", with a workaround."
    } else {
        "."
    });
    out
}

/// One sentence for the top of the result, written into one string.
pub(crate) fn verdict(
    model: &Model,
    answers: &Answers,
    scores: &Scores,
    top: Option<Top<'_>>,
    unmet: bool,
    architecture: Option<&ArchitectureOut<'_>>,
    next: Option<usize>,
) -> String {
    use std::fmt::Write;
    let n = model.options.len().min(scores.raw.len());
    let open = (0..n).filter(|&o| !scores.is_excluded(o)).count();
    let next_prompt = |out: &mut String| {
        if let Some(q) = next {
            out.push_str(NEXT_PROMPT);
            out.push_str(&model.questions[q].prompt);
            out.push_str("”.");
        }
    };
    let mut out = String::with_capacity(200);
    if answers.is_empty() {
        let _ = write!(
            out,
            "Nothing separates the {n} options yet: answer a question to start."
        );
        next_prompt(&mut out);
        return out;
    }
    let lead = |out: &mut String| {
        if let Some(a) = architecture {
            // Titles name their kind ("Split: a chain of …"); the label already says it.
            let title = a.title.split_once(": ").map_or(a.title, |(_, rest)| rest);
            out.push_str(a.kind.label());
            out.push_str(" leads: ");
            out.push_str(title);
            out.push('.');
        }
    };
    if unmet {
        if architecture.is_some() {
            out.push_str("No option fits as one run as described. ");
            lead(&mut out);
            return out;
        }
        let level = scores.best_splits(n);
        if level.len() > 1 {
            let names: Vec<&str> = level
                .iter()
                .map(|&o| model.options[o].name.as_str())
                .collect();
            let _ = write!(
                out,
                "No option fits as one run as described. Split the run: {} are level once split; see how to split each below.",
                join_names(&names)
            );
            return out;
        }
        return "No option fits every requirement as described; see what to change below."
            .to_owned();
    }
    match top {
        Some(Top {
            option: i,
            workaround,
        }) => {
            if architecture.is_some() {
                lead(&mut out);
                out.push_str(" Among the four, ");
            }
            fits_best(&mut out, &model.options[i].name);
            if let Some(label) = workaround {
                let _ = write!(
                    out,
                    ", once part of the work goes around a hard limit (“{label}”; see its limits)"
                );
            }
            let _ = write!(out, " — {open} of {n} options remain in the running.");
        }
        None => {
            if architecture.is_some() {
                lead(&mut out);
                out.push(' ');
            }
            let order = scores.order(n);
            let first = order.first().map_or(0, |&o| score(scores.raw[o]));
            let level: Vec<&str> = order
                .iter()
                .take_while(|&&o| !scores.is_excluded(o) && score(scores.raw[o]) == first)
                .map(|&o| model.options[o].name.as_str())
                .collect();
            if level.is_empty() {
                out.push_str("The options");
            } else {
                out.push_str(&join_names(&level));
            }
            out.push_str(" are level on your answers so far.");
            next_prompt(&mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_names_reads_naturally() {
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn ranges_say_what_they_know() {
        let q = Quantity {
            lo: 300.0,
            hi: 86_400.0,
            exact: false,
        };
        assert_eq!(quantity(Unit::Seconds, q), "more than 5 minutes");
        let q = Quantity {
            lo: 0.0,
            hi: 100.0,
            exact: false,
        };
        assert_eq!(quantity(Unit::PerSecond, q), "up to 100 per second");
    }
}
