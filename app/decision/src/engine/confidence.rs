//! How sure a result is: grows with the questions answered and the top pick's margin.

use super::tally::{score, Scores};
use crate::answers::Answers;
use crate::model::Model;
use serde::Serialize;

/// A margin (in points) at which the top pick counts as clear.
const CLEAR_MARGIN: i32 = 20;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Confidence {
    pub level: ConfidenceLevel,
    /// 0–100: grows with the questions answered and the margin of the top pick.
    pub percent: u8,
    pub answered: u8,
    pub total: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConfidenceLevel {
    None,
    Low,
    Medium,
    High,
}

impl ConfidenceLevel {
    pub fn label(self) -> &'static str {
        match self {
            ConfidenceLevel::None => "No answers yet",
            ConfidenceLevel::Low => "Low confidence",
            ConfidenceLevel::Medium => "Medium confidence",
            ConfidenceLevel::High => "High confidence",
        }
    }
}

pub(crate) fn confidence(
    model: &Model,
    answers: &Answers,
    scores: &Scores,
    top: Option<usize>,
) -> Confidence {
    let total = model.questions.len().min(u8::MAX as usize) as u8;
    let answered = answers.len().min(u8::MAX as usize) as u8;
    if answered == 0 || total == 0 {
        return Confidence {
            level: ConfidenceLevel::None,
            percent: 0,
            answered,
            total,
        };
    }
    // Answering about 40% of the questions covers what usually matters; the margin of the
    // top pick can at most double what coverage alone earns.
    let coverage = (f64::from(answered) / (f64::from(total) * 0.4)).min(1.0);
    let n = model.options.len().min(scores.raw.len());
    let margin = match top {
        Some(t) => {
            let best = i32::from(score(scores.raw[t]));
            let second = (0..n)
                .filter(|&o| o != t && !scores.is_excluded(o))
                .map(|o| i32::from(score(scores.raw[o])))
                .max();
            second.map_or(CLEAR_MARGIN, |s| (best - s).min(CLEAR_MARGIN))
        }
        None => 0,
    };
    let clarity = 0.5 + 0.5 * f64::from(margin) / f64::from(CLEAR_MARGIN);
    let percent = (100.0 * coverage * clarity).round().clamp(0.0, 100.0) as u8;
    let level = match percent {
        0..=34 => ConfidenceLevel::Low,
        35..=64 => ConfidenceLevel::Medium,
        _ => ConfidenceLevel::High,
    };
    Confidence {
        level,
        percent,
        answered,
        total,
    }
}
