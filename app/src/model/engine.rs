//! The evaluation engine: a pure, total function of (model, answers).
//!
//! Each option starts level. Every rule whose condition matches the answers either excludes the
//! option (a hard constraint) or moves its raw score; raw scores map onto 0–100 with a curve
//! that never saturates, so two strong options stay distinguishable. Everything the engine says
//! carries the rule and the facts it rests on.

use super::answers::Answers;
use super::types::{Condition, Model, QuestionKind, Rule};
use serde::{Deserialize, Serialize};

/// Raw weight at which an option sits halfway between neutral and the end of the scale.
const SCALE: f64 = 60.0;
/// A margin (in points) at which the top pick counts as clear for confidence.
const CLEAR_MARGIN: i32 = 20;

/// The whole explained result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub model: ModelRef,
    /// Best first: options still in the running, then excluded ones.
    pub ranking: Vec<Ranked>,
    /// The clear first choice; `None` with no answers, a tie at the top, or nothing that fits.
    pub top: Option<String>,
    /// One sentence for the top of the result.
    pub verdict: String,
    pub conflicts: Vec<Conflict>,
    /// Set when every option is excluded.
    pub unmet: Option<Unmet>,
    /// The smallest single-answer changes that would change the top pick, smallest first.
    pub what_would_change: Vec<Change>,
    /// The unanswered question that would separate the options most.
    pub next_question: Option<String>,
    pub confidence: Confidence,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelRef {
    pub id: String,
    pub version: String,
}

/// One option's place in the ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    pub option: String,
    pub name: String,
    /// 0–100, comparable across options; 50 is neutral.
    pub score: u8,
    pub excluded: bool,
    /// The hard constraints that excluded it.
    pub excluded_by: Vec<Reason>,
    #[serde(rename = "for")]
    pub pros: Vec<Reason>,
    pub against: Vec<Reason>,
}

/// A sentence with the rule and facts behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub rule: String,
    pub question: String,
    pub text: String,
    pub facts: Vec<String>,
    pub weight: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: String,
    pub message: String,
    pub questions: Vec<String>,
    pub facts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unmet {
    pub message: String,
    /// What to do instead, one entry per distinct piece of advice.
    pub advice: Vec<String>,
}

/// A change of one answer that would change the top pick.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub question: String,
    /// Choices selected now (empty: not answered).
    pub from: Vec<String>,
    /// Choices after the change (empty: not answered).
    pub to: Vec<String>,
    /// The option that would come first, or `None` if the top would become unclear.
    pub new_top: Option<String>,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Confidence {
    pub level: ConfidenceLevel,
    /// 0–100: grows with the questions answered and the margin of the top pick.
    pub percent: u8,
    pub answered: u8,
    pub total: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// Whether a condition holds for the answers.
pub fn matches(cond: &Condition, answers: &Answers) -> bool {
    let selected = answers.get(&cond.question);
    if selected.is_empty() {
        return false;
    }
    let any = !cond.any.is_empty() && selected.iter().any(|s| cond.any.contains(s));
    let none_of = !cond.none_of.is_empty() && selected.iter().all(|s| !cond.none_of.contains(s));
    any || none_of
}

/// Scores before explanation: what the ranking, "what would change" and the next question need.
#[derive(Clone, Debug)]
struct Core {
    /// Per option, in model order.
    raw: Vec<i32>,
    excluded: Vec<bool>,
    /// Option indices, best first.
    order: Vec<usize>,
}

fn score(raw: i32) -> u8 {
    let r = f64::from(raw);
    let s = 50.0 + 50.0 * r / (r.abs() + SCALE);
    // Clamped, so the cast cannot truncate.
    s.round().clamp(0.0, 100.0) as u8
}

fn rule_option(model: &Model, rule: &Rule) -> Option<usize> {
    model.options.iter().position(|o| o.id == rule.option)
}

fn core(model: &Model, answers: &Answers) -> Core {
    let n = model.options.len();
    let mut raw = vec![0i32; n];
    let mut excluded = vec![false; n];
    for rule in &model.rules {
        let Some(i) = rule_option(model, rule) else {
            continue;
        };
        if !matches(&rule.when, answers) {
            continue;
        }
        if rule.exclude {
            excluded[i] = true;
        } else {
            raw[i] = raw[i].saturating_add(rule.weight);
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        excluded[a]
            .cmp(&excluded[b])
            .then(score(raw[b]).cmp(&score(raw[a])))
            .then(a.cmp(&b))
    });
    Core {
        raw,
        excluded,
        order,
    }
}

impl Core {
    fn top(&self, answers: &Answers) -> Option<usize> {
        if answers.is_empty() {
            return None;
        }
        let first = *self.order.first()?;
        if self.excluded[first] {
            return None;
        }
        match self.order.get(1) {
            Some(&second)
                if !self.excluded[second] && score(self.raw[second]) == score(self.raw[first]) =>
            {
                None
            }
            _ => Some(first),
        }
    }

    /// How far apart the options are: the top margin plus a bonus per exclusion.
    fn separation(&self) -> i32 {
        let open: Vec<i32> = self
            .order
            .iter()
            .filter(|&&i| !self.excluded[i])
            .map(|&i| i32::from(score(self.raw[i])))
            .collect();
        let margin = match open.as_slice() {
            [a, b, ..] => a - b,
            _ => 0,
        };
        let excluded = self.excluded.iter().filter(|e| **e).count() as i32;
        margin + 15 * excluded
    }
}

/// Evaluates answers against a model. Total: any input gives an answer.
pub fn evaluate(model: &Model, answers: &Answers) -> Evaluation {
    let base = core(model, answers);
    let top = base.top(answers);

    let ranking: Vec<Ranked> = base
        .order
        .iter()
        .map(|&i| explain(model, answers, i, &base))
        .collect();

    let conflicts = model
        .conflicts
        .iter()
        .filter(|c| !c.when.is_empty() && c.when.iter().all(|w| matches(w, answers)))
        .map(|c| Conflict {
            id: c.id.clone(),
            message: c.message.clone(),
            questions: c.when.iter().map(|w| w.question.clone()).collect(),
            facts: c.facts.clone(),
        })
        .collect();

    let unmet = (!model.options.is_empty() && base.excluded.iter().all(|e| *e)).then(|| {
        let mut advice: Vec<String> = Vec::new();
        for r in &ranking {
            for reason in &r.excluded_by {
                if let Some(a) = &reason.advice {
                    if !advice.contains(a) {
                        advice.push(a.clone());
                    }
                }
            }
        }
        Unmet {
            message: "No option meets every requirement you gave: each one is excluded by a hard limit. \
                      The ranking below is a best effort among options that do not fit as described."
                .to_owned(),
            advice,
        }
    });

    let what_would_change = what_would_change(model, answers, top);
    let next_question = next_question(model, answers);
    let confidence = confidence(model, answers, &base, top);
    let verdict = verdict(
        model,
        answers,
        &base,
        top,
        unmet.is_some(),
        next_question.as_deref(),
    );

    Evaluation {
        model: ModelRef {
            id: model.id.clone(),
            version: model.version.clone(),
        },
        ranking,
        top: top.map(|i| model.options[i].id.clone()),
        verdict,
        conflicts,
        unmet,
        what_would_change,
        next_question,
        confidence,
    }
}

fn explain(model: &Model, answers: &Answers, i: usize, base: &Core) -> Ranked {
    let option = &model.options[i];
    let mut ranked = Ranked {
        option: option.id.clone(),
        name: option.name.clone(),
        score: score(base.raw[i]),
        excluded: base.excluded[i],
        excluded_by: Vec::new(),
        pros: Vec::new(),
        against: Vec::new(),
    };
    for rule in model.rules.iter().filter(|r| r.option == option.id) {
        if !matches(&rule.when, answers) {
            continue;
        }
        let reason = Reason {
            rule: rule.id.clone(),
            question: rule.when.question.clone(),
            text: rule.reason.clone(),
            facts: rule.facts.clone(),
            weight: rule.weight,
            advice: rule.advice.clone(),
        };
        if rule.exclude {
            ranked.excluded_by.push(reason);
        } else if rule.weight > 0 {
            ranked.pros.push(reason);
        } else if rule.weight < 0 {
            ranked.against.push(reason);
        }
    }
    // Strongest reasons first; rule order breaks ties so output is stable.
    ranked.pros.sort_by_key(|r| std::cmp::Reverse(r.weight));
    ranked.against.sort_by_key(|r| r.weight);
    ranked
}

/// Every answer set one answer away from `answers`, with how big a step it is.
fn neighbours<'a>(
    model: &'a Model,
    answers: &'a Answers,
) -> impl Iterator<Item = (usize, Vec<String>, u32, Answers)> + 'a {
    model.questions.iter().enumerate().flat_map(move |(qi, q)| {
        let current = answers.get(&q.id).to_vec();
        let mut alternatives: Vec<(Vec<String>, u32)> = Vec::new();
        match q.kind {
            QuestionKind::Single => {
                let at = current.first().and_then(|c| q.choice_index(c));
                for (ci, c) in q.choices.iter().enumerate() {
                    if Some(ci) == at {
                        continue;
                    }
                    let distance = match (q.ordered, at) {
                        (true, Some(a)) => a.abs_diff(ci) as u32,
                        _ => 1,
                    };
                    alternatives.push((vec![c.id.clone()], distance));
                }
                if at.is_some() {
                    // "Not sure" is a bigger step back than a neighbouring answer.
                    alternatives.push((Vec::new(), 2));
                }
            }
            QuestionKind::Multi => {
                for c in &q.choices {
                    let mut next = current.clone();
                    if let Some(p) = next.iter().position(|x| *x == c.id) {
                        next.remove(p);
                    } else {
                        next.push(c.id.clone());
                    }
                    alternatives.push((next, 1));
                }
            }
        }
        alternatives.into_iter().map(move |(to, distance)| {
            let mut changed = answers.clone();
            changed.set(model, &q.id, to.clone());
            let to = changed.get(&q.id).to_vec();
            (qi, to, distance, changed)
        })
    })
}

fn describe(model: &Model, question: &str, choices: &[String]) -> String {
    let Some(q) = model.question(question) else {
        return String::new();
    };
    if choices.is_empty() {
        return "not sure".to_owned();
    }
    choices
        .iter()
        .filter_map(|c| q.choice(c).map(|c| c.label.clone()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn what_would_change(model: &Model, answers: &Answers, top: Option<usize>) -> Vec<Change> {
    let mut found: Vec<(u32, usize, Change)> = Vec::new();
    for (qi, to, distance, changed) in neighbours(model, answers) {
        let q = &model.questions[qi];
        let new = core(model, &changed);
        let new_top = new.top(&changed);
        if new_top == top || new_top.is_none() {
            continue;
        }
        // Keep only the smallest change per question.
        if found.iter().any(|(_, fq, _)| *fq == qi) {
            if let Some(pos) = found
                .iter()
                .position(|(d, fq, _)| *fq == qi && *d > distance)
            {
                found.remove(pos);
            } else {
                continue;
            }
        }
        let from = answers.get(&q.id).to_vec();
        let new_name = new_top
            .map(|i| model.options[i].name.clone())
            .unwrap_or_default();
        let summary = format!(
            "If the answer to “{}” were “{}” instead of “{}”, {} would come first.",
            q.prompt,
            describe(model, &q.id, &to),
            describe(model, &q.id, &from),
            new_name
        );
        found.push((
            distance,
            qi,
            Change {
                question: q.id.clone(),
                from,
                to,
                new_top: new_top.map(|i| model.options[i].id.clone()),
                summary,
            },
        ));
    }
    found.sort_by_key(|(d, qi, _)| (*d, *qi));
    found.into_iter().take(3).map(|(_, _, c)| c).collect()
}

fn next_question(model: &Model, answers: &Answers) -> Option<String> {
    let mut best: Option<(i32, usize)> = None;
    for (qi, q) in model.questions.iter().enumerate() {
        if answers.is_answered(&q.id) || q.choices.is_empty() {
            continue;
        }
        let mut total = 0i32;
        for c in &q.choices {
            let mut changed = answers.clone();
            changed.set(model, &q.id, vec![c.id.clone()]);
            total += core(model, &changed).separation();
        }
        let avg = total / q.choices.len() as i32;
        if best.is_none_or(|(b, _)| avg > b) {
            best = Some((avg, qi));
        }
    }
    best.map(|(_, qi)| model.questions[qi].id.clone())
}

fn confidence(model: &Model, answers: &Answers, base: &Core, top: Option<usize>) -> Confidence {
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
    // Answering about 60% of the questions covers what usually matters; the margin of the
    // top pick can at most double what coverage alone earns.
    let coverage = (f64::from(answered) / (f64::from(total) * 0.6)).min(1.0);
    let margin = if top.is_some() {
        let open: Vec<i32> = base
            .order
            .iter()
            .filter(|&&i| !base.excluded[i])
            .map(|&i| i32::from(score(base.raw[i])))
            .collect();
        match open.as_slice() {
            [a, b, ..] => (a - b).min(CLEAR_MARGIN),
            [_] => CLEAR_MARGIN,
            [] => 0,
        }
    } else {
        0
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

fn verdict(
    model: &Model,
    answers: &Answers,
    base: &Core,
    top: Option<usize>,
    unmet: bool,
    next: Option<&str>,
) -> String {
    let open = base.excluded.iter().filter(|e| !**e).count();
    let total = model.options.len();
    let next_prompt = next
        .and_then(|q| model.question(q))
        .map(|q| format!(" Next, answer “{}”.", q.prompt))
        .unwrap_or_default();
    if answers.is_empty() {
        return format!(
            "Nothing separates the {total} options yet: answer a question to start.{next_prompt}"
        );
    }
    if unmet {
        return "No option fits every requirement as described; see what to change below."
            .to_owned();
    }
    match top {
        Some(i) => format!(
            "{} fits this workflow best — {open} of {total} options remain in the running.",
            model.options[i].name
        ),
        None => {
            let level: Vec<&str> = base
                .order
                .iter()
                .take_while(|&&i| {
                    !base.excluded[i] && score(base.raw[i]) == score(base.raw[base.order[0]])
                })
                .map(|&i| model.options[i].name.as_str())
                .collect();
            format!(
                "{} are level on your answers so far.{next_prompt}",
                join_names(&level)
            )
        }
    }
}

fn join_names(names: &[&str]) -> String {
    match names {
        [] => "The options".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_curve_is_neutral_at_zero_and_bounded() {
        assert_eq!(score(0), 50);
        assert!(score(1000) < 100 && score(1000) > 95);
        assert!(score(-1000) > 0 && score(-1000) < 5);
        assert!(score(10) > score(5));
        assert_eq!(score(i32::MAX), 100);
        assert_eq!(score(i32::MIN + 1), 0);
    }

    #[test]
    fn join_names_reads_naturally() {
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
    }
}
