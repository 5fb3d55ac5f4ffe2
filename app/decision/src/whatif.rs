//! What-if: two answer sets side by side, and what moves between them: the answers that
//! changed, each option's rank and score, the reasons it gained or lost, and its limits and
//! cost at both sets of numbers.

use crate::answers::{describe_slot, Answers, Slot};
use crate::engine::limits::LimitStatus;
use crate::engine::{evaluate, Evaluation, Fit};
use crate::model::{Model, Question};

/// Both evaluations and what differs between them.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf<'m> {
    pub a: Evaluation<'m>,
    pub b: Evaluation<'m>,
    pub changed: Vec<ChangedAnswer<'m>>,
    /// One per option, in the order of the "what if" ranking.
    pub moves: Vec<Move<'m>>,
}

/// A question answered differently.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangedAnswer<'m> {
    pub question: &'m Question,
    pub from: Slot,
    pub to: Slot,
}

impl ChangedAnswer<'_> {
    /// "How long … : 5 minutes to a day → 1 to 30 days".
    pub fn summary(&self) -> String {
        format!(
            "{}: {} → {}",
            self.question.prompt,
            describe_slot(self.question, self.from),
            describe_slot(self.question, self.to)
        )
    }
}

/// How one option moves from the first answer set to the second, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Move<'m> {
    pub option: &'m str,
    pub name: &'m str,
    /// 1-based places in each ranking.
    pub rank_a: u8,
    pub rank_b: u8,
    pub score_a: u8,
    pub score_b: u8,
    pub fit_a: Fit,
    pub fit_b: Fit,
    /// Reasons (for, against or excluding) present only with the second answers.
    pub gained: Vec<String>,
    /// Reasons present only with the first answers.
    pub lost: Vec<String>,
    /// Limits whose figure or status differs: (label, first, second), each "value of limit
    /// (status)" or empty when the limit did not apply.
    pub limits: Vec<(&'m str, String, String)>,
    /// Monthly cost with each answer set.
    pub cost_a: Option<f64>,
    pub cost_b: Option<f64>,
}

impl Move<'_> {
    /// "rises", "falls" or "stays", by place in the ranking (then score).
    pub fn direction(&self) -> &'static str {
        match (
            self.rank_b.cmp(&self.rank_a),
            self.score_b.cmp(&self.score_a),
        ) {
            (std::cmp::Ordering::Less, _) => "rises",
            (std::cmp::Ordering::Greater, _) => "falls",
            (_, std::cmp::Ordering::Greater) => "rises",
            (_, std::cmp::Ordering::Less) => "falls",
            _ => "stays",
        }
    }
}

fn limit_words(l: &crate::engine::LimitCheck<'_>) -> String {
    let status = crate::comparison::status_words(l.status, l.hard);
    if status.is_empty() {
        l.text()
    } else {
        format!("{} ({status})", l.text())
    }
}

/// Evaluates both answer sets and what differs between them.
pub fn compare<'m>(model: &'m Model, a: &Answers, b: &Answers) -> WhatIf<'m> {
    let (ea, eb) = (evaluate(model, a), evaluate(model, b));
    let changed = model
        .questions
        .iter()
        .enumerate()
        .filter(|(qi, _)| a.slot(*qi) != b.slot(*qi))
        .map(|(qi, q)| ChangedAnswer {
            question: q,
            from: a.slot(qi),
            to: b.slot(qi),
        })
        .collect();
    let moves = eb
        .ranking
        .iter()
        .enumerate()
        .filter_map(|(rb, r2)| {
            let (ra, r1) = ea
                .ranking
                .iter()
                .enumerate()
                .find(|(_, x)| x.option == r2.option)?;
            let reasons = |r: &crate::engine::Ranked<'m>| -> Vec<(&'m str, String)> {
                r.excluded_by
                    .iter()
                    .chain(&r.pros)
                    .chain(&r.against)
                    .map(|x| (x.rule, x.text.to_string()))
                    .collect()
            };
            let (before, after) = (reasons(r1), reasons(r2));
            let gained = after
                .iter()
                .filter(|(id, text)| !before.iter().any(|(i, t)| i == id && t == text))
                .map(|(_, t)| t.clone())
                .collect();
            let lost = before
                .iter()
                .filter(|(id, text)| !after.iter().any(|(i, t)| i == id && t == text))
                .map(|(_, t)| t.clone())
                .collect();
            let mut limits: Vec<(&'m str, String, String)> = Vec::new();
            for l in r1.limits.iter().chain(&r2.limits) {
                if limits.iter().any(|(label, _, _)| *label == l.label) {
                    continue;
                }
                let find = |r: &crate::engine::Ranked<'m>| {
                    r.limits.iter().find(|x| x.id == l.id).map(limit_words)
                };
                let (x, y) = (find(r1), find(r2));
                let status = |r: &crate::engine::Ranked<'m>| {
                    r.limits
                        .iter()
                        .find(|x| x.id == l.id)
                        .map_or(LimitStatus::Unknown, |x| x.status)
                };
                if x != y || status(r1) != status(r2) {
                    limits.push((l.label, x.unwrap_or_default(), y.unwrap_or_default()));
                }
            }
            Some(Move {
                option: r2.option,
                name: r2.name,
                rank_a: (ra + 1) as u8,
                rank_b: (rb + 1) as u8,
                score_a: r1.score,
                score_b: r2.score,
                fit_a: r1.fit,
                fit_b: r2.fit,
                gained,
                lost,
                limits,
                cost_a: r1.cost.as_ref().map(|c| c.monthly_usd),
                cost_b: r2.cost.as_ref().map(|c| c.monthly_usd),
            })
        })
        .collect();
    WhatIf {
        a: ea,
        b: eb,
        changed,
        moves,
    }
}
