//! A team's answers, read from and written to the query string that every link carries.
//!
//! Reading is forgiving: unknown keys and values are dropped with a [`Notice`] that names them,
//! so a shared link still opens when the model has changed. Writing is canonical: questions in
//! model order, choices in model order, unanswered questions left out.

use super::types::{Model, QuestionKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Keys that pages use for their own state; they are not answers and raise no notice.
pub const RESERVED_KEYS: &[&str] = &["options", "theme", "code"];

/// Answers by question id; each holds the selected choice ids in model order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(BTreeMap<String, Vec<String>>);

/// Something in a link that was not applied, said in words a user understands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    UnknownQuestion,
    InvalidValue,
    RepeatedAnswer,
    Undecodable,
    ModelChanged,
}

/// The query string could not be read at all (an API answers 400 to this).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the query string is longer than {max} bytes")]
    TooLong { max: usize },
    #[error("`{0}` is not valid percent-encoded UTF-8")]
    BadEncoding(String),
}

/// Longest query string accepted; far above any real answer set.
pub const MAX_QUERY_LEN: usize = 8 * 1024;

/// Splits a raw query string into decoded key/value pairs.
pub fn parse_pairs(query: &str) -> Result<Vec<(String, String)>, QueryError> {
    if query.len() > MAX_QUERY_LEN {
        return Err(QueryError::TooLong { max: MAX_QUERY_LEN });
    }
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = percent_decode(k).ok_or_else(|| QueryError::BadEncoding(pair.to_owned()))?;
            let v = percent_decode(v).ok_or_else(|| QueryError::BadEncoding(pair.to_owned()))?;
            Ok((k, v))
        })
        .collect()
}

/// Decodes `application/x-www-form-urlencoded` text; `None` when it is not valid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Encodes a query component so that it survives any URL context.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Shortens what a user typed before it is echoed back in a notice.
fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

impl Answers {
    /// Reads answers from decoded pairs. Never fails: what cannot be used becomes a notice.
    pub fn from_pairs<'a>(
        model: &Model,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Self, Vec<Notice>) {
        let mut answers = Answers::default();
        let mut notices = Vec::new();
        for (key, value) in pairs {
            if RESERVED_KEYS.contains(&key) {
                continue;
            }
            let Some(q) = model.question(key) else {
                notices.push(Notice {
                    kind: NoticeKind::UnknownQuestion,
                    key: Some(clip(key)),
                    value: Some(clip(value)),
                    message: format!(
                        "“{}” is not a question this model asks, so it was ignored.",
                        clip(key)
                    ),
                });
                continue;
            };
            // A blank value is how forms say "not sure".
            if value.is_empty() {
                continue;
            }
            if q.choice(value).is_none() {
                let allowed: Vec<&str> = q.choices.iter().map(|c| c.id.as_str()).collect();
                notices.push(Notice {
                    kind: NoticeKind::InvalidValue,
                    key: Some(q.id.clone()),
                    value: Some(clip(value)),
                    message: format!(
                        "“{}” is not an answer to “{}” (expected one of: {}), so that question is treated as not answered.",
                        clip(value),
                        q.prompt,
                        allowed.join(", ")
                    ),
                });
                continue;
            }
            let slot = answers.0.entry(q.id.clone()).or_default();
            match q.kind {
                QuestionKind::Multi => {
                    if !slot.iter().any(|v| v == value) {
                        slot.push(value.to_owned());
                    }
                }
                QuestionKind::Single => {
                    if slot.is_empty() {
                        slot.push(value.to_owned());
                    } else if slot[0] != value {
                        notices.push(Notice {
                            kind: NoticeKind::RepeatedAnswer,
                            key: Some(q.id.clone()),
                            value: Some(clip(value)),
                            message: format!(
                                "“{}” was answered more than once; the first answer (“{}”) was kept.",
                                q.prompt, slot[0]
                            ),
                        });
                    }
                }
            }
        }
        answers.normalise(model);
        (answers, notices)
    }

    /// Reads answers from a raw query string. Pairs that cannot be decoded become notices.
    pub fn from_query(model: &Model, query: &str) -> (Self, Vec<Notice>) {
        let mut decoded = Vec::new();
        let mut notices = Vec::new();
        let query = if query.len() > MAX_QUERY_LEN {
            notices.push(Notice {
                kind: NoticeKind::Undecodable,
                key: None,
                value: None,
                message: format!(
                    "The link was longer than {MAX_QUERY_LEN} bytes; only its beginning was read."
                ),
            });
            let mut end = MAX_QUERY_LEN;
            while !query.is_char_boundary(end) {
                end -= 1;
            }
            &query[..end]
        } else {
            query
        };
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            match parse_pairs(pair) {
                Ok(mut p) => decoded.append(&mut p),
                Err(_) => notices.push(Notice {
                    kind: NoticeKind::Undecodable,
                    key: None,
                    value: Some(clip(pair)),
                    message: format!(
                        "“{}” in the link could not be decoded, so it was ignored.",
                        clip(pair)
                    ),
                }),
            }
        }
        let (answers, mut more) =
            Self::from_pairs(model, decoded.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        notices.append(&mut more);
        (answers, notices)
    }

    /// Puts every answer's choices in model order and drops questions the model lacks.
    fn normalise(&mut self, model: &Model) {
        self.0.retain(|k, v| {
            let Some(q) = model.question(k) else {
                return false;
            };
            v.retain(|c| q.choice(c).is_some());
            v.sort_by_key(|c| q.choice_index(c));
            v.dedup();
            !v.is_empty()
        });
    }

    /// The canonical query string (no leading `?`), questions in model order.
    pub fn to_query(&self, model: &Model) -> String {
        let mut parts = Vec::new();
        for q in &model.questions {
            if let Some(values) = self.0.get(&q.id) {
                for v in values {
                    parts.push(format!("{}={}", percent_encode(&q.id), percent_encode(v)));
                }
            }
        }
        parts.join("&")
    }

    pub fn get(&self, question: &str) -> &[String] {
        self.0.get(question).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_selected(&self, question: &str, choice: &str) -> bool {
        self.get(question).iter().any(|c| c == choice)
    }

    pub fn is_answered(&self, question: &str) -> bool {
        !self.get(question).is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.0.iter()
    }

    /// Replaces a question's answer; an empty list means "not sure".
    pub fn set(&mut self, model: &Model, question: &str, choices: Vec<String>) {
        if choices.is_empty() {
            self.0.remove(question);
        } else {
            self.0.insert(question.to_owned(), choices);
        }
        self.normalise(model);
    }

    /// Adds or removes one choice of a multiple-answer question.
    pub fn toggle(&mut self, model: &Model, question: &str, choice: &str) {
        let mut current = self.get(question).to_vec();
        if let Some(i) = current.iter().position(|c| c == choice) {
            current.remove(i);
        } else {
            current.push(choice.to_owned());
        }
        self.set(model, question, current);
    }
}
