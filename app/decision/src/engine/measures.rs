//! Workload measures: the figures limits and conditions compare, computed from the answers.
//!
//! A measure is known exactly when the team gave a figure, or as a range when it picked a
//! bucket ("5 minutes to a day" is more than 300 s). Products of measures (rate × duration
//! for open executions) carry their ranges along, so a bucket never claims more than it knows.

use crate::answers::Answers;
use crate::index::Index;
use crate::model::Unit;
use serde::Serialize;

/// The measures the engine knows; model files name them in limits and conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Runs started per second at peak (`rate`).
    Rate,
    /// Elapsed time of one run, waits included, in seconds (`duration`).
    Duration,
    /// Steps each item of a run goes through (`steps`).
    Steps,
    /// Items a run processes in parallel (`fanout`); 1 when it does not fan out.
    Fanout,
    /// Data passed from one step to the next, in KB (`payload`).
    Payload,
    /// The longest single step, in seconds (`step_length`).
    StepLength,
    /// Runs open at once at the peak rate: rate × duration.
    OpenRuns,
    /// State transitions of one Standard run: steps × items.
    Transitions,
    /// State transitions per second at peak: rate × transitions.
    TransitionRate,
    /// Events published per second at peak, one per step of every item as the cost counts
    /// them: rate × steps × items; rate × items while the steps are not known.
    EventRate,
    /// History events the largest Standard execution of a run holds: the steps of one item ×
    /// events per transition. A fan-out runs its items as a Distributed Map, whose child
    /// executions each keep their own history (the `sfn-map-distributed` fact), so the items do
    /// not add up in one history; a long chain of steps does.
    HistoryEvents,
    /// Durable operations of one run: the start, steps × items, and for a fan-out the map and
    /// one child context per item.
    DurableOperations,
    /// How long a waiting caller waits: the run's duration.
    CallerWait,
    /// How much longer the longest step is than the whole run, in seconds: step_length −
    /// duration, negative when the step fits. A run lasts at least as long as its longest
    /// step, so a positive figure means two answers contradict each other.
    StepBeyondRun,
    /// Runs per month (`runs_per_month`, or the peak rate times the average share of it).
    RunsPerMonth,
}

impl Measure {
    pub const ALL: [Measure; 15] = [
        Measure::Rate,
        Measure::Duration,
        Measure::Steps,
        Measure::Fanout,
        Measure::Payload,
        Measure::StepLength,
        Measure::OpenRuns,
        Measure::Transitions,
        Measure::TransitionRate,
        Measure::EventRate,
        Measure::HistoryEvents,
        Measure::DurableOperations,
        Measure::CallerWait,
        Measure::StepBeyondRun,
        Measure::RunsPerMonth,
    ];

    /// The name model files use.
    pub fn id(self) -> &'static str {
        match self {
            Measure::Rate => "rate",
            Measure::Duration => "duration",
            Measure::Steps => "steps",
            Measure::Fanout => "fanout",
            Measure::Payload => "payload",
            Measure::StepLength => "step_length",
            Measure::OpenRuns => "open_runs",
            Measure::Transitions => "transitions",
            Measure::TransitionRate => "transition_rate",
            Measure::EventRate => "event_rate",
            Measure::HistoryEvents => "history_events",
            Measure::DurableOperations => "durable_operations",
            Measure::CallerWait => "caller_wait",
            Measure::StepBeyondRun => "step_beyond_run",
            Measure::RunsPerMonth => "runs_per_month",
        }
    }

    pub fn parse(s: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.id() == s)
    }

    /// The unit figures of this measure are in.
    pub fn unit(self) -> Unit {
        match self {
            Measure::Rate | Measure::TransitionRate | Measure::EventRate => Unit::PerSecond,
            Measure::Duration
            | Measure::StepLength
            | Measure::CallerWait
            | Measure::StepBeyondRun => Unit::Seconds,
            Measure::Payload => Unit::Kilobytes,
            Measure::RunsPerMonth => Unit::PerMonth,
            _ => Unit::Count,
        }
    }

    /// How the figure is named in sentences.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Rate => "starts per second",
            Measure::Duration => "run duration",
            Measure::Steps => "steps per item",
            Measure::Fanout => "items per run",
            Measure::Payload => "data per step",
            Measure::StepLength => "longest step",
            Measure::OpenRuns => "runs open at once",
            Measure::Transitions => "state transitions per run",
            Measure::TransitionRate => "state transitions per second",
            Measure::EventRate => "events published per second",
            Measure::HistoryEvents => "history events per execution",
            Measure::DurableOperations => "durable operations per run",
            Measure::CallerWait => "caller's wait",
            Measure::StepBeyondRun => "longest step beyond the run",
            Measure::RunsPerMonth => "runs per month",
        }
    }

    /// Whether the measure is computed from more than one answer, so that one condition on it
    /// can state a conflict between answers.
    pub fn reads_several_answers(self) -> bool {
        matches!(
            self,
            Measure::OpenRuns
                | Measure::Transitions
                | Measure::TransitionRate
                | Measure::EventRate
                | Measure::DurableOperations
                | Measure::StepBeyondRun
        )
    }

    /// The index of this measure in [`Measures`].
    pub(crate) fn ix(self) -> usize {
        self as usize
    }
}

/// A figure known exactly or as a range (`lo`, `hi`]: a bucket says "more than `lo`".
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Quantity {
    pub lo: f64,
    pub hi: f64,
    pub exact: bool,
}

impl Quantity {
    pub fn exact(v: f64) -> Quantity {
        Quantity {
            lo: v,
            hi: v,
            exact: true,
        }
    }

    /// Certainly more than `limit`.
    pub fn over(&self, limit: f64) -> bool {
        if self.exact {
            self.lo > limit
        } else {
            self.lo >= limit
        }
    }

    /// Certainly at least `x` (for conditions).
    pub fn at_least(&self, x: f64) -> bool {
        self.lo >= x
    }

    /// Possibly above `x`: a figure above it, or a range reaching above it (for conditions).
    pub fn may_exceed(&self, x: f64) -> bool {
        self.hi > x
    }

    /// Certainly at most `x` (for conditions).
    pub fn at_most(&self, x: f64) -> bool {
        self.hi <= x
    }

    fn times(self, other: Quantity) -> Quantity {
        Quantity {
            lo: self.lo * other.lo,
            hi: self.hi * other.hi,
            exact: self.exact && other.exact,
        }
    }

    fn plus(self, other: Quantity) -> Quantity {
        Quantity {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
            exact: self.exact && other.exact,
        }
    }

    /// `self − other`: the least and the most the difference can be.
    fn minus(self, other: Quantity) -> Quantity {
        Quantity {
            lo: self.lo - other.hi,
            hi: self.hi - other.lo,
            exact: self.exact && other.exact,
        }
    }

    fn scale(self, k: f64) -> Quantity {
        Quantity {
            lo: self.lo * k,
            hi: self.hi * k,
            exact: self.exact,
        }
    }
}

/// Every measure the answers determine.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Measures {
    values: [Option<Quantity>; Measure::ALL.len()],
}

impl Measures {
    pub fn get(&self, m: Measure) -> Option<Quantity> {
        self.values[m.ix()]
    }

    fn set(&mut self, m: Measure, q: Option<Quantity>) {
        self.values[m.ix()] = q;
    }

    /// Computes every measure from the answers.
    #[inline]
    pub(crate) fn compute(index: &Index, answers: &Answers) -> Measures {
        let mut m = Measures::default();
        let q =
            |question: Option<usize>| question.and_then(|qi| index.quantity(qi, answers.slot(qi)));
        let rate = q(index.special.rate);
        let duration = q(index.special.duration);
        let steps = q(index.special.steps);
        let fanout = q(index.special.fanout);
        m.set(Measure::Rate, rate);
        m.set(Measure::Duration, duration);
        m.set(Measure::Steps, steps);
        m.set(Measure::Fanout, fanout);
        m.set(Measure::Payload, q(index.special.payload));
        let step_length = q(index.special.step_length);
        m.set(Measure::StepLength, step_length);
        m.set(
            Measure::StepBeyondRun,
            step_length.zip(duration).map(|(s, d)| s.minus(d)),
        );
        m.set(Measure::CallerWait, duration);
        m.set(Measure::OpenRuns, both(rate, duration));
        // One item when the run does not fan out (or the fan-out is not known).
        let items = fanout.map_or(Quantity::exact(1.0), |f| Quantity {
            lo: f.lo.max(1.0),
            hi: f.hi.max(1.0),
            exact: f.exact,
        });
        let transitions = steps.map(|s| s.times(items));
        m.set(Measure::Transitions, transitions);
        m.set(Measure::TransitionRate, both(rate, transitions));
        // At least one event per item when the steps are not given.
        let events = transitions.unwrap_or(items);
        m.set(Measure::EventRate, both(rate, Some(events)));
        m.set(
            Measure::HistoryEvents,
            steps.map(|s| s.scale(index.history_events_per_transition)),
        );
        let fans_out = items.lo > 1.0;
        m.set(
            Measure::DurableOperations,
            steps.map(|s| {
                // The start, each item's steps, and for a fan-out the map and one child
                // context per item (AWS's metering table).
                let ops = Quantity::exact(1.0).plus(s.times(items));
                if fans_out {
                    ops.plus(items.plus(Quantity::exact(1.0)))
                } else {
                    ops
                }
            }),
        );
        let per_month = q(index.special.runs_per_month).or_else(|| {
            let share = index
                .special
                .load_share
                .and_then(|qi| index.load_share(answers.slot(qi)))?;
            rate.map(|r| r.scale(share * SECONDS_PER_MONTH))
        });
        m.set(Measure::RunsPerMonth, per_month);
        m
    }
}

/// The average month: 365.25 days / 12.
pub const SECONDS_PER_MONTH: f64 = 2_629_800.0;

fn both(a: Option<Quantity>, b: Option<Quantity>) -> Option<Quantity> {
    Some(a?.times(b?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_strict_and_figures_exact() {
        let bucket = Quantity {
            lo: 300.0,
            hi: 86_400.0,
            exact: false,
        };
        assert!(
            bucket.over(300.0),
            "“5 minutes to a day” is more than 5 minutes"
        );
        assert!(
            !Quantity::exact(300.0).over(300.0),
            "exactly 5 minutes fits"
        );
        assert!(Quantity::exact(301.0).over(300.0));
    }

    #[test]
    fn every_measure_has_a_unique_id() {
        for m in Measure::ALL {
            assert_eq!(Measure::parse(m.id()), Some(m));
            assert_eq!(Measure::ALL[m.ix()], m);
        }
    }
}
