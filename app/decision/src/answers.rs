//! A team's answers, read from and written to the query string that every link carries.
//!
//! Reading is forgiving: unknown keys, unreadable figures and values out of range are dropped
//! with a [`Notice`] that names them, so a shared link still opens when the model has changed.
//! Writing is canonical: questions in model order, choices in model order, figures in their
//! shortest exact form, unanswered questions left out.
//!
//! Internally an answer set is one small slot per question (a bit set of choices plus an
//! optional figure), so the engine can copy and compare answer sets cheaply.

use crate::model::{Model, Question, QuestionKind};
use crate::number;
use borsh::{BorshDeserialize, BorshSerialize};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One question's answer: the selected choices (bit `i` = choice `i`) and, for figure
/// questions, the figure given (its choice, if any, is the range that holds it).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Slot {
    pub choices: u32,
    pub number: Option<f64>,
}

impl Slot {
    pub fn is_empty(&self) -> bool {
        self.choices == 0 && self.number.is_none()
    }
    pub fn has(&self, choice: usize) -> bool {
        self.choices & (1 << choice) != 0
    }
    /// The first selected choice.
    pub fn first(&self) -> Option<usize> {
        (self.choices != 0).then(|| self.choices.trailing_zeros() as usize)
    }
}

/// Answers to a model's questions, one [`Slot`] per question in model order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    slots: Vec<Slot>,
}

/// Something in a link that was not applied, said in words a user understands. Borsh carries
/// it to an island in the browser (see `app::context::IslandData`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The offending key, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The offending value, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub message: String,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, BorshSerialize, BorshDeserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    UnknownQuestion,
    InvalidValue,
    OutOfRange,
    RepeatedAnswer,
    /// A figure and a range that does not hold it, for the same question (a plain form sends
    /// both when the reader types a figure): the figure was used.
    FigureOverRange,
    Undecodable,
    ModelChanged,
    UnknownOption,
}

/// Shortens what a user typed before it is echoed back in a notice.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

impl Notice {
    pub(crate) fn new(
        kind: NoticeKind,
        key: Option<&str>,
        value: Option<&str>,
        message: String,
    ) -> Self {
        Notice {
            kind,
            key: key.map(clip),
            value: value.map(clip),
            message,
        }
    }
}

/// Where the notices on show come from, which decides how their box is headed: a reader who
/// typed a figure the page cannot read should not be told that their link was at fault.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NoticeOrigin {
    /// The link (or, without JavaScript, the submitted form, which arrives as a link).
    #[default]
    Link,
    /// The reader's own edits in the page, read in the browser.
    Form,
}

impl NoticeOrigin {
    /// The heading of the notice box.
    pub fn heading(self) -> &'static str {
        match self {
            NoticeOrigin::Link => "Part of this link was not applied as written",
            NoticeOrigin::Form => "Part of your answers was not applied as written",
        }
    }
}

/// The notices a page with a questionnaire shows: those from the link it opened, until the
/// reader's first edit (from then on the URL is rewritten from the form, so the link's faults
/// are gone), and those the form's own inputs raise, kept per form and question so an edit
/// replaces only its own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormNotices {
    link: Vec<Notice>,
    /// (form id, question id, notice).
    form: Vec<(String, String, Notice)>,
}

impl FormNotices {
    /// The notices raised reading the link.
    pub fn from_link(link: Vec<Notice>) -> Self {
        FormNotices {
            link,
            form: Vec::new(),
        }
    }

    /// Records an edit of `question` in form `form` and the notices its inputs raised.
    pub fn edited(&mut self, form: &str, question: &str, raised: Vec<Notice>) {
        self.link.clear();
        self.form.retain(|(f, q, _)| f != form || q != question);
        self.form.extend(
            raised
                .into_iter()
                .map(|n| (form.to_owned(), question.to_owned(), n)),
        );
    }

    /// Where the notices come from: the link's until the first edit, the form's after it.
    pub fn origin(&self) -> NoticeOrigin {
        if self.link.is_empty() && !self.form.is_empty() {
            NoticeOrigin::Form
        } else {
            NoticeOrigin::Link
        }
    }

    /// Everything to show, the link's first.
    pub fn all(&self) -> Vec<Notice> {
        self.link
            .iter()
            .cloned()
            .chain(self.form.iter().map(|(_, _, n)| n.clone()))
            .collect()
    }
}

impl Answers {
    /// No answers to any of the model's questions.
    pub fn empty(model: &Model) -> Self {
        Answers {
            slots: vec![Slot::default(); model.questions.len()],
        }
    }

    /// The answer to question `q` (by index); empty for unknown indices.
    pub fn slot(&self, q: usize) -> Slot {
        self.slots.get(q).copied().unwrap_or_default()
    }

    /// Replaces question `q`'s answer.
    pub fn set_slot(&mut self, q: usize, slot: Slot) {
        if let Some(s) = self.slots.get_mut(q) {
            *s = slot;
        }
    }

    /// The same answers with every question outside `questions` (a bit per question index,
    /// as [`Model::priced_questions`] gives) left unanswered: a key for what depends on those
    /// questions alone, so a change elsewhere leaves it equal.
    pub fn restricted_to(&self, questions: u64) -> Answers {
        Answers {
            slots: self
                .slots
                .iter()
                .enumerate()
                .map(|(q, s)| {
                    if q < 64 && questions & (1 << q) != 0 {
                        *s
                    } else {
                        Slot::default()
                    }
                })
                .collect(),
        }
    }

    /// How many questions are answered.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| !s.is_empty()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(Slot::is_empty)
    }

    pub fn is_answered(&self, q: usize) -> bool {
        !self.slot(q).is_empty()
    }

    /// Whether choice `c` of question `q` is selected.
    pub fn is_selected(&self, q: usize, c: usize) -> bool {
        self.slot(q).has(c)
    }

    /// The figure given for question `q`, if any.
    pub fn number(&self, q: usize) -> Option<f64> {
        self.slot(q).number
    }

    /// The selected choice ids of a question, by question id (empty when unknown).
    pub fn selected<'m>(&self, model: &'m Model, question: &str) -> Vec<&'m str> {
        let Some(qi) = model.question_index(question) else {
            return Vec::new();
        };
        let q = &model.questions[qi];
        let slot = self.slot(qi);
        q.choices
            .iter()
            .enumerate()
            .filter(|(i, _)| slot.has(*i))
            .map(|(_, c)| c.id.as_str())
            .collect()
    }

    /// Reads answers from decoded pairs. Never fails: what cannot be used becomes a notice.
    /// Keys in `ignore` (page parameters such as `theme`) are skipped silently.
    pub fn from_pairs<'a>(
        model: &Model,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        ignore: &[&str],
    ) -> (Self, Vec<Notice>) {
        let mut answers = Answers::empty(model);
        let mut notices = Vec::new();
        for (key, whole) in pairs {
            if ignore.contains(&key) {
                continue;
            }
            let Some(qi) = model.question_index(key) else {
                notices.push(Notice::new(
                    NoticeKind::UnknownQuestion,
                    Some(key),
                    Some(whole),
                    format!(
                        "“{}” is not a question this model asks, so it was ignored.",
                        clip(key)
                    ),
                ));
                continue;
            };
            let q = &model.questions[qi];
            // A several-answer question also takes its answers comma-separated
            // (`languages=go,rust`), as `options` does; the links this site writes repeat the key.
            let parts: Vec<&str> = if q.kind == QuestionKind::Multi {
                whole.split(',').map(str::trim).collect()
            } else {
                vec![whole]
            };
            for value in parts {
                answers.read_one(q, qi, value, &mut notices);
            }
        }
        (answers, notices)
    }

    /// Adds one value given for question `q` (index `qi`): a choice or a figure, merged with
    /// what the question already holds; anything not applied as written is named in `notices`.
    fn read_one(&mut self, q: &Question, qi: usize, value: &str, notices: &mut Vec<Notice>) {
        // A blank value is how forms say "not sure".
        if value.trim().is_empty() {
            return;
        }
        let slot = match read_value(q, value) {
            Ok((slot, notice)) => {
                notices.extend(notice);
                slot
            }
            Err(notice) => {
                notices.push(notice);
                return;
            }
        };
        let current = self.slots[qi];
        match q.kind {
            QuestionKind::Multi => {
                self.slots[qi].choices |= slot.choices;
            }
            QuestionKind::Single if current.is_empty() => self.slots[qi] = slot,
            QuestionKind::Single if current == slot => {}
            // A figure and a range for the same question (a form sends both): the figure
            // is the finer answer and wins; a notice says so when they disagree.
            QuestionKind::Single if current.number.is_some() != slot.number.is_some() => {
                let (figure, range) = if slot.number.is_some() {
                    (slot, current)
                } else {
                    (current, slot)
                };
                self.slots[qi] = figure;
                if figure.choices != range.choices {
                    notices.push(Notice::new(
                        NoticeKind::FigureOverRange,
                        Some(&q.id),
                        Some(value),
                        format!(
                            "“{}” got both a figure ({}) and a range that does not hold it (“{}”); the figure was used.",
                            q.prompt,
                            describe_slot(q, figure),
                            describe_slot(q, Slot { choices: range.choices, number: None })
                        ),
                    ));
                }
            }
            QuestionKind::Single => notices.push(Notice::new(
                NoticeKind::RepeatedAnswer,
                Some(&q.id),
                Some(value),
                format!(
                    "“{}” was answered more than once; the first answer (“{}”) was kept.",
                    q.prompt,
                    describe_slot(q, current)
                ),
            )),
        }
    }

    /// Replaces one question's answer with what a form's inputs for it hold (its checked
    /// choices and typed figure, in the form's order), read as [`Answers::from_pairs`] reads
    /// them, and returns the notices they raise. `None`, changing nothing, when `question` is
    /// not one of the model's. A questionnaire calls it on each edit instead of reading the
    /// whole form again.
    pub fn replace_answer<'a>(
        &mut self,
        model: &Model,
        question: &'a str,
        values: impl IntoIterator<Item = &'a str>,
    ) -> Option<Vec<Notice>> {
        let q = model.question_index(question)?;
        let (one, notices) =
            Answers::from_pairs(model, values.into_iter().map(|v| (question, v)), &[]);
        self.set_slot(q, one.slot(q));
        Some(notices)
    }

    /// The answered questions with their answers in words ("36 hours", "Python, Java"), in
    /// model order.
    pub fn described<'m>(&self, model: &'m Model) -> Vec<(&'m Question, String)> {
        model
            .questions
            .iter()
            .enumerate()
            .filter(|(qi, _)| !self.slot(*qi).is_empty())
            .map(|(qi, q)| (q, describe_slot(q, self.slot(qi))))
            .collect()
    }

    /// The canonical query string (no leading `?`): questions in model order, figures in
    /// their shortest exact form.
    pub fn to_query(&self, model: &Model) -> String {
        let mut out = String::new();
        for (q, slot) in model.questions.iter().zip(&self.slots) {
            if let (Some(v), Some(spec)) = (slot.number, &q.number) {
                push_pair(&mut out, &q.id, &number::canonical(spec.unit, v));
                continue;
            }
            for (i, c) in q.choices.iter().enumerate() {
                if slot.has(i) {
                    push_pair(&mut out, &q.id, &c.id);
                }
            }
        }
        out
    }

    /// The answers as the API shows them: choice ids by question, and figures by question
    /// (in each question's unit).
    pub fn to_maps(&self, model: &Model) -> (BTreeMap<String, Vec<String>>, BTreeMap<String, f64>) {
        let mut choices = BTreeMap::new();
        let mut numbers = BTreeMap::new();
        for (q, slot) in model.questions.iter().zip(&self.slots) {
            let ids: Vec<String> = q
                .choices
                .iter()
                .enumerate()
                .filter(|(i, _)| slot.has(*i))
                .map(|(_, c)| c.id.clone())
                .collect();
            if !ids.is_empty() {
                choices.insert(q.id.clone(), ids);
            }
            if let Some(v) = slot.number {
                numbers.insert(q.id.clone(), v);
            }
        }
        (choices, numbers)
    }
}

fn push_pair(out: &mut String, key: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(&crate::query::percent_encode(key));
    out.push('=');
    out.push_str(&crate::query::percent_encode(value));
}

/// The choice that typed text selects, read exactly as a link's value is: the range that holds
/// a figure, the range of a figure below the smallest the question takes, or a choice id.
/// `None` for text that answers nothing, including a figure above the largest the question
/// takes, which a link leaves unanswered. The form in the browser checks this choice as the
/// reader types, so the page shows what the server would.
pub fn typed_choice(q: &Question, text: &str) -> Option<usize> {
    let (slot, _) = read_value(q, text).ok()?;
    (slot.choices != 0).then(|| slot.choices.trailing_zeros() as usize)
}

/// Reads one value for a question: a choice id, or (for figure questions) a figure. A figure
/// below the smallest the question takes, in a range that holds it ("1/d" for starts per
/// second, under 0.001), answers that range, with a notice saying so.
///
/// # Errors
/// A notice, for a value that answers nothing: not a choice, not a figure, or a figure out of
/// range that no range holds.
fn read_value(q: &Question, value: &str) -> Result<(Slot, Option<Notice>), Notice> {
    // What becomes of the question: a question of several answers keeps the others it has.
    let dropped = match q.kind {
        QuestionKind::Multi => "so it is left out of that question's answers",
        QuestionKind::Single => "so that question is treated as not answered",
    };
    if let Some(i) = q.choice_index(value.trim()) {
        let slot = Slot {
            choices: 1 << i,
            number: None,
        };
        return Ok((slot, None));
    }
    let allowed: Vec<&str> = q.choices.iter().map(|c| c.id.as_str()).collect();
    let Some(spec) = &q.number else {
        return Err(Notice::new(
            NoticeKind::InvalidValue,
            Some(&q.id),
            Some(value),
            format!(
                "“{}” is not an answer to “{}” (expected one of: {}), {dropped}.",
                clip(value),
                q.prompt,
                allowed.join(", ")
            ),
        ));
    };
    let v = number::parse(spec.unit, value).map_err(|e| {
        let choices = if allowed.is_empty() {
            String::new()
        } else {
            format!(" or one of: {}", allowed.join(", "))
        };
        Notice::new(
            NoticeKind::InvalidValue,
            Some(&q.id),
            Some(value),
            format!(
                "“{}” could not be read as an answer to “{}” ({e}; expected a figure such as {}{choices}), {dropped}.",
                clip(value),
                q.prompt,
                spec.example
            ),
        )
    })?;
    // Keep exactly what a link can carry, so a link's figure reads back as the same figure.
    let v = number::link_precision(v);
    if v < spec.min {
        if let Some(i) = q.choice_for(v) {
            let notice = Notice::new(
                NoticeKind::OutOfRange,
                Some(&q.id),
                Some(value),
                format!(
                    "“{}” is below the smallest figure “{}” takes ({}), so it counts as “{}”.",
                    clip(value),
                    q.prompt,
                    number::with_unit(spec.unit, spec.min),
                    q.choices[i].label
                ),
            );
            let slot = Slot {
                choices: 1 << i,
                number: None,
            };
            return Ok((slot, Some(notice)));
        }
    }
    if v < spec.min || v > spec.max {
        return Err(Notice::new(
            NoticeKind::OutOfRange,
            Some(&q.id),
            Some(value),
            format!(
                "“{}” is outside what “{}” accepts ({} to {}), {dropped}.",
                clip(value),
                q.prompt,
                number::with_unit(spec.unit, spec.min),
                number::with_unit(spec.unit, spec.max)
            ),
        ));
    }
    let choices = q.choice_for(v).map_or(0, |i| 1 << i);
    let slot = Slot {
        choices,
        number: Some(v),
    };
    Ok((slot, None))
}

/// An answer in words: the figure with its unit, or the choice labels; "not sure" if none.
pub fn describe_slot(q: &Question, slot: Slot) -> String {
    if let (Some(v), Some(spec)) = (slot.number, &q.number) {
        return number::with_unit(spec.unit, v);
    }
    let labels: Vec<&str> = q
        .choices
        .iter()
        .enumerate()
        .filter(|(i, _)| slot.has(*i))
        .map(|(_, c)| c.label.as_str())
        .collect();
    if labels.is_empty() {
        "not sure".to_owned()
    } else {
        labels.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(key: &str, value: &str) -> Notice {
        Notice::new(
            NoticeKind::InvalidValue,
            Some(key),
            Some(value),
            format!("{key}={value}"),
        )
    }

    #[test]
    fn form_notices_drop_the_link_at_the_first_edit_and_replace_only_their_own() {
        let mut n = FormNotices::from_link(vec![notice("colour", "blue"), notice("rate", "lots")]);
        assert_eq!(n.all().len(), 2);
        assert_eq!(n.origin(), NoticeOrigin::Link);
        n.edited("advisor", "duration", vec![notice("duration", "forever")]);
        assert_eq!(n.all(), vec![notice("duration", "forever")]);
        assert_eq!(n.origin(), NoticeOrigin::Form);
        n.edited("advisor", "rate", vec![notice("rate", "x")]);
        n.edited("whatif-b", "rate", vec![notice("rate", "y")]);
        assert_eq!(n.all().len(), 3);
        // Fixing the figure in one form clears its notice, not the other form's or question's.
        n.edited("advisor", "rate", Vec::new());
        assert_eq!(
            n.all(),
            vec![notice("duration", "forever"), notice("rate", "y")]
        );
    }
}
