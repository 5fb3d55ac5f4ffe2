//! Limits at the team's numbers: each documented limit or default quota compared with the
//! workload measure it bounds, in the Region the team runs in.
//!
//! - A hard limit exceeded excludes the option, unless a documented pattern splits the run
//!   (then the option stays, penalised per extra piece, and the split architecture is named).
//! - A soft default exceeded penalises and says how to raise it; far beyond any figure AWS
//!   has published, it penalises more.
//! - A near miss (over the model's `near_share`, 80% by default) warns.

use super::measures::{Measures, Quantity};
use super::tally::holds;
use crate::answers::Answers;
use crate::index::{CLimit, Index};
use crate::model::Model;
use serde::Serialize;

/// Where a workload stands against one limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitStatus {
    /// The limit does not apply to these answers (e.g. only to runs started by a queue).
    NotApplicable,
    /// The answers do not give the figure this limit needs.
    Unknown,
    Ok,
    /// Within the limit, but above the near-miss share.
    Near,
    /// The answer is a range that reaches past the limit; a figure would settle it.
    Possible,
    /// Above a soft default quota, within what can be requested.
    OverSoft,
    /// Above a soft default and beyond any figure AWS has published.
    BeyondPublished,
    /// Above a hard limit.
    OverHard,
}

impl LimitStatus {
    /// Whether the status is shown (known and applicable).
    pub fn known(self) -> bool {
        !matches!(self, LimitStatus::NotApplicable | LimitStatus::Unknown)
    }
    /// Whether the workload is over the limit or default.
    pub fn over(self) -> bool {
        matches!(
            self,
            LimitStatus::OverSoft | LimitStatus::BeyondPublished | LimitStatus::OverHard
        )
    }
}

/// One limit's result for one answer set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Outcome {
    pub option: usize,
    pub status: LimitStatus,
    pub value: Option<Quantity>,
    /// The limit in force (for the Region).
    pub limit: f64,
    /// value / limit (the lower end of a range).
    pub share: f64,
    pub weight: i32,
    pub exclude: bool,
    /// A hard limit that a documented pattern splits around.
    pub split: bool,
    /// How many runs the work needs at least, when split.
    pub pieces: u32,
}

/// Checks one limit. Inlined, so that re-scoring, which reads only the weight, exclusion and
/// split, skips working out the rest.
#[inline]
pub(crate) fn check(
    model: &Model,
    index: &Index,
    l: &CLimit,
    answers: &Answers,
    measures: &Measures,
) -> Outcome {
    let def = &model.limits[l.limit];
    let sc = &model.scoring;
    let limit = index
        .special
        .region
        .and_then(|rq| answers.slot(rq).first())
        .and_then(|c| l.by_region.get(c).copied())
        .unwrap_or(l.value);
    let mut o = Outcome {
        option: l.option,
        status: LimitStatus::Unknown,
        value: None,
        limit,
        share: 0.0,
        weight: 0,
        exclude: false,
        split: false,
        pieces: 1,
    };
    if !l.tests.iter().all(|t| holds(t, answers, measures)) {
        o.status = LimitStatus::NotApplicable;
        return o;
    }
    let Some(v) = measures.get(l.measure) else {
        return o;
    };
    o.value = Some(v);
    o.share = if limit > 0.0 {
        v.lo / limit
    } else {
        f64::INFINITY
    };
    if v.over(limit) {
        if def.hard {
            o.status = LimitStatus::OverHard;
            if def.workaround {
                o.weight = sc.workaround;
            } else if def.split.is_some() {
                o.split = true;
                let pieces = (v.lo / limit).ceil().clamp(2.0, 1e6) as u32;
                o.pieces = pieces;
                let extra = i32::try_from(pieces - 1).unwrap_or(i32::MAX);
                o.weight = sc.split_per_piece.saturating_mul(extra).max(sc.split_cap);
            } else {
                o.exclude = true;
            }
        } else {
            let beyond = match def.published {
                Some(p) => v.over(p),
                // "Ten times the default" counts: the factor is where routine ends.
                None => v.lo >= limit * sc.unpublished_factor,
            };
            if beyond {
                o.status = LimitStatus::BeyondPublished;
                o.weight = sc.beyond_published;
            } else {
                o.status = LimitStatus::OverSoft;
                o.weight = sc.soft_over;
            }
        }
    } else if !v.exact && v.hi > limit {
        o.status = LimitStatus::Possible;
        o.weight = sc.near;
    } else if v.lo > sc.near_share * limit {
        o.status = LimitStatus::Near;
        o.weight = sc.near;
    } else {
        o.status = LimitStatus::Ok;
    }
    o
}
