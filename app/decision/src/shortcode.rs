//! Short result links (`/r/<code>`): the answers and the model revision packed into a few bytes,
//! with no database behind them, so a code never expires.
//!
//! Layout: format byte, model revision (varint), one varint per selected answer
//! (`question.code * 32 + choice.code`), then a one-byte checksum; all in unpadded base64url.
//! Format 2 adds figures: `question.code * 32` (choice code 0, which no choice uses) followed by
//! the figure times 1,000 as a varint. Question and choice codes are stable numbers in the
//! model file, so a code made with an older model still opens: answers the model no longer
//! knows become notices. Format 1 codes (no figures) still open.

use crate::answers::{Answers, Notice, NoticeKind};
use crate::model::Model;

/// The format written today; 1 is still read.
const FORMAT: u8 = 2;
/// Figures are stored in thousandths, which keeps 0.5 starts per second exact.
const FIGURE_SCALE: f64 = 1_000.0;
/// Longest code accepted; a full answer set is far shorter.
const MAX_CODE_LEN: usize = 200;

/// Why a code cannot be opened at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("the code is empty or too long")]
    Length,
    #[error("the code contains characters that short links never use")]
    Alphabet,
    #[error("the code is damaged (its checksum does not match)")]
    Checksum,
    #[error("the code was made by a newer or unknown link format")]
    Format,
}

/// Packs answers into a short code.
pub fn encode(model: &Model, answers: &Answers) -> String {
    let mut bytes = vec![FORMAT];
    put_varint(&mut bytes, u64::from(model.revision));
    for (qi, q) in model.questions.iter().enumerate() {
        let slot = answers.slot(qi);
        if let Some(v) = slot.number {
            put_varint(&mut bytes, u64::from(q.code) * 32);
            put_varint(&mut bytes, (v * FIGURE_SCALE).round().max(0.0) as u64);
            continue;
        }
        for (ci, c) in q.choices.iter().enumerate() {
            if slot.has(ci) {
                put_varint(&mut bytes, u64::from(q.code) * 32 + u64::from(c.code));
            }
        }
    }
    bytes.push(checksum(&bytes));
    base64url_encode(&bytes)
}

/// Opens a code. Answers the current model does not know are dropped with a notice.
pub fn decode(model: &Model, code: &str) -> Result<(Answers, Vec<Notice>), CodeError> {
    if code.is_empty() || code.len() > MAX_CODE_LEN {
        return Err(CodeError::Length);
    }
    let bytes = base64url_decode(code).ok_or(CodeError::Alphabet)?;
    let (&sum, body) = bytes.split_last().ok_or(CodeError::Length)?;
    if body.is_empty() || checksum(body) != sum {
        return Err(CodeError::Checksum);
    }
    let format = body[0];
    if format != 1 && format != 2 {
        return Err(CodeError::Format);
    }
    let mut rest = &body[1..];
    let revision = get_varint(&mut rest).ok_or(CodeError::Checksum)?;
    let mut notices = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    while !rest.is_empty() {
        let v = get_varint(&mut rest).ok_or(CodeError::Checksum)?;
        let (qc, cc) = (v / 32, v % 32);
        let figure = if format >= 2 && cc == 0 {
            Some(get_varint(&mut rest).ok_or(CodeError::Checksum)? as f64 / FIGURE_SCALE)
        } else {
            None
        };
        let Some(q) = model.questions.iter().find(|q| u64::from(q.code) == qc) else {
            notices.push(Notice {
                kind: NoticeKind::UnknownQuestion,
                key: None,
                value: None,
                message: "The link answered a question that the model no longer asks; that answer was left out.".into(),
            });
            continue;
        };
        if let Some(f) = figure {
            match &q.number {
                Some(spec) => pairs.push((q.id.clone(), crate::number::canonical(spec.unit, f))),
                None => notices.push(invalid(&q.prompt, &q.id)),
            }
            continue;
        }
        match q.choices.iter().find(|c| u64::from(c.code) == cc) {
            Some(c) => pairs.push((q.id.clone(), c.id.clone())),
            None => notices.push(invalid(&q.prompt, &q.id)),
        }
    }
    if revision != u64::from(model.revision) {
        notices.push(Notice {
            kind: NoticeKind::ModelChanged,
            key: None,
            value: None,
            message: format!(
                "This link was made with revision {revision} of the decision model; it now is at revision {} (version {}). \
                 The answers were carried over and the result below reflects the current model.",
                model.revision, model.version
            ),
        });
    }
    let (answers, mut more) = Answers::from_pairs(
        model,
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        &[],
    );
    notices.append(&mut more);
    Ok((answers, notices))
}

fn invalid(prompt: &str, id: &str) -> Notice {
    Notice {
        kind: NoticeKind::InvalidValue,
        key: Some(id.to_owned()),
        value: None,
        message: format!(
            "The link's answer to “{prompt}” is no longer offered, so that question is treated as not answered."
        ),
    }
}

fn checksum(bytes: &[u8]) -> u8 {
    // FNV-1a folded to one byte: enough to turn a mistyped code into a clear "not found".
    let h = bytes.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    (h ^ (h >> 8) ^ (h >> 16) ^ (h >> 24)) as u8
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(input: &mut &[u8]) -> Option<u64> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = input.split_first()?;
        *input = rest;
        v |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 2);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..20u8 {
            let bytes: Vec<u8> = (0..len)
                .map(|i| i.wrapping_mul(37).wrapping_add(200))
                .collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn varints_round_trip() {
        for v in [0, 1, 127, 128, 8191, 300_000, u64::from(u32::MAX) * 1000] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            assert_eq!(get_varint(&mut out.as_slice()), Some(v));
        }
    }
}
