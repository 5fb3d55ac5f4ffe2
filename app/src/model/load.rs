//! Reading a model file (TOML) and checking that it is whole before anything uses it.
//!
//! Server-only: the browser receives the already-checked model as JSON.

use super::types::{Condition, Model, QuestionKind};
use std::collections::HashSet;
use std::path::Path;

/// The model compiled into the binary.
pub const BUILTIN_TOML: &str = include_str!("builtin.toml");

/// Why a model file cannot be used, with where in the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {reason}")]
pub struct ModelError {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub reason: String,
}

/// The built-in model. It is checked by the tests, so failure here is a build defect.
pub fn builtin() -> Model {
    from_toml(BUILTIN_TOML, "builtin.toml").unwrap_or_else(|e| panic!("built-in model: {e}"))
}

/// Reads a model file from disk.
pub fn from_file(path: &Path) -> Result<Model, ModelError> {
    let display = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| ModelError {
        path: display.clone(),
        line: 0,
        column: 0,
        reason: format!("cannot read the file: {e}"),
    })?;
    from_toml(&src, &display)
}

/// Parses and validates a model. It either comes back whole or not at all.
pub fn from_toml(src: &str, path: &str) -> Result<Model, ModelError> {
    let model: Model = toml::from_str(src).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(src, s.start)).unwrap_or((0, 0));
        ModelError {
            path: path.to_owned(),
            line,
            column,
            reason: e.message().trim().to_owned(),
        }
    })?;
    validate(&model).map_err(|(needle, reason)| {
        let (line, column) = locate(src, &needle);
        ModelError {
            path: path.to_owned(),
            line,
            column,
            reason,
        }
    })?;
    Ok(model)
}

fn line_col(src: &str, offset: usize) -> (u32, u32) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, column as u32)
}

/// Finds the line that defines or mentions an id, for error messages about a valid TOML file.
fn locate(src: &str, needle: &str) -> (u32, u32) {
    let quoted = format!("\"{needle}\"");
    let definition = src
        .match_indices(&quoted)
        .find(|(i, _)| {
            let line_start = src[..*i].rfind('\n').map_or(0, |p| p + 1);
            src[line_start..*i].trim_start().starts_with("id")
        })
        .map(|(i, _)| i);
    match definition.or_else(|| src.find(&quoted)) {
        Some(i) => line_col(src, i),
        None => (1, 1),
    }
}

type Invalid = (String, String);

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

fn unique<'a>(kind: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), Invalid> {
    let mut seen = HashSet::new();
    for id in ids {
        if id.trim().is_empty() {
            return Err((String::new(), format!("a {kind} has an empty id")));
        }
        if !seen.insert(id) {
            return Err((id.to_owned(), format!("{kind} id “{id}” is used twice")));
        }
    }
    Ok(())
}

fn check_condition(model: &Model, owner: &str, cond: &Condition) -> Result<(), Invalid> {
    let Some(q) = model.question(&cond.question) else {
        return Err((
            owner.to_owned(),
            format!(
                "“{owner}” refers to question “{}”, which does not exist",
                cond.question
            ),
        ));
    };
    if cond.any.is_empty() == cond.none_of.is_empty() {
        return Err((
            owner.to_owned(),
            format!("“{owner}” needs exactly one of `any` or `none_of` in its condition"),
        ));
    }
    for c in cond.any.iter().chain(&cond.none_of) {
        if q.choice(c).is_none() {
            return Err((
                owner.to_owned(),
                format!(
                    "“{owner}” refers to answer “{c}”, which question “{}” does not offer",
                    q.id
                ),
            ));
        }
    }
    Ok(())
}

fn check_facts(model: &Model, owner: &str, facts: &[String]) -> Result<(), Invalid> {
    for f in facts {
        if model.fact(f).is_none() {
            return Err((
                owner.to_owned(),
                format!("“{owner}” cites fact “{f}”, which does not exist"),
            ));
        }
    }
    Ok(())
}

/// Checks every cross-reference; returns the id to point at and the reason.
pub fn validate(model: &Model) -> Result<(), Invalid> {
    if model.id.trim().is_empty() || model.version.trim().is_empty() {
        return Err((
            "id".into(),
            "the model needs a non-empty `id` and `version`".into(),
        ));
    }
    if model.options.len() < 2 {
        return Err((
            "option".into(),
            "a model needs at least two options to compare".into(),
        ));
    }
    unique("source", model.sources.iter().map(|s| s.id.as_str()))?;
    unique("fact", model.facts.iter().map(|s| s.id.as_str()))?;
    unique("option", model.options.iter().map(|s| s.id.as_str()))?;
    unique("attribute", model.attributes.iter().map(|s| s.id.as_str()))?;
    unique("group", model.groups.iter().map(|s| s.id.as_str()))?;
    unique("question", model.questions.iter().map(|s| s.id.as_str()))?;
    unique("rule", model.rules.iter().map(|s| s.id.as_str()))?;
    unique("conflict", model.conflicts.iter().map(|s| s.id.as_str()))?;

    for s in &model.sources {
        if !is_date(&s.as_of) {
            return Err((
                s.id.clone(),
                format!(
                    "source “{}” has `as_of` “{}”, expected YYYY-MM-DD",
                    s.id, s.as_of
                ),
            ));
        }
    }
    for f in &model.facts {
        if !is_date(&f.as_of) {
            return Err((
                f.id.clone(),
                format!(
                    "fact “{}” has `as_of` “{}”, expected YYYY-MM-DD",
                    f.id, f.as_of
                ),
            ));
        }
        if model.source(&f.source).is_none() {
            return Err((
                f.id.clone(),
                format!(
                    "fact “{}” cites source “{}”, which does not exist",
                    f.id, f.source
                ),
            ));
        }
        for o in &f.options {
            if model.option(o).is_none() {
                return Err((
                    f.id.clone(),
                    format!(
                        "fact “{}” is about option “{o}”, which does not exist",
                        f.id
                    ),
                ));
            }
        }
        if let Some(a) = &f.attribute {
            if model.attribute(a).is_none() {
                return Err((
                    f.id.clone(),
                    format!(
                        "fact “{}” fills attribute “{a}”, which does not exist",
                        f.id
                    ),
                ));
            }
        }
        if let Some(newer) = &f.superseded_by {
            match model.fact(newer) {
                None => {
                    return Err((
                        f.id.clone(),
                        format!(
                            "fact “{}” is superseded by “{newer}”, which does not exist",
                            f.id
                        ),
                    ))
                }
                Some(n) if n.superseded_by.is_some() => {
                    return Err((
                        f.id.clone(),
                        format!(
                            "fact “{}” is superseded by “{newer}”, which is itself superseded",
                            f.id
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
    }
    for a in &model.attributes {
        if a.tables.is_empty() {
            return Err((a.id.clone(), format!("attribute “{}” is in no table", a.id)));
        }
        for q in &a.questions {
            if model.question(q).is_none() {
                return Err((
                    a.id.clone(),
                    format!(
                        "attribute “{}” refers to question “{q}”, which does not exist",
                        a.id
                    ),
                ));
            }
        }
        for o in &model.options {
            let current = model
                .facts
                .iter()
                .filter(|f| {
                    f.superseded_by.is_none()
                        && f.attribute.as_deref() == Some(a.id.as_str())
                        && f.options.contains(&o.id)
                })
                .count();
            if current > 1 {
                return Err((a.id.clone(), format!("attribute “{}” has {current} current facts for option “{}”; keep one and mark the others `superseded_by`", a.id, o.id)));
            }
        }
    }
    let mut codes = HashSet::new();
    for q in &model.questions {
        if q.code == 0 || !codes.insert(q.code) {
            return Err((
                q.id.clone(),
                format!("question “{}” needs a unique non-zero `code`", q.id),
            ));
        }
        if model.groups.iter().all(|g| g.id != q.group) {
            return Err((
                q.id.clone(),
                format!(
                    "question “{}” is in group “{}”, which does not exist",
                    q.id, q.group
                ),
            ));
        }
        if q.choices.is_empty() {
            return Err((
                q.id.clone(),
                format!("question “{}” offers no answers", q.id),
            ));
        }
        if q.kind == QuestionKind::Multi && q.choices.len() > 16 {
            return Err((
                q.id.clone(),
                format!("question “{}” offers more than 16 answers", q.id),
            ));
        }
        unique("answer", q.choices.iter().map(|c| c.id.as_str()))
            .map_err(|(_, reason)| (q.id.clone(), format!("in question “{}”: {reason}", q.id)))?;
        let mut choice_codes = HashSet::new();
        for c in &q.choices {
            if c.code == 0 || c.code > 31 || !choice_codes.insert(c.code) {
                return Err((
                    q.id.clone(),
                    format!(
                        "answer “{}” of question “{}” needs a unique `code` from 1 to 31",
                        c.id, q.id
                    ),
                ));
            }
        }
        check_facts(model, &q.id, &q.facts)?;
    }
    for r in &model.rules {
        if model.option(&r.option).is_none() {
            return Err((
                r.id.clone(),
                format!(
                    "rule “{}” is about option “{}”, which does not exist",
                    r.id, r.option
                ),
            ));
        }
        check_condition(model, &r.id, &r.when)?;
        if r.exclude && r.weight != 0 {
            return Err((
                r.id.clone(),
                format!("rule “{}” excludes and also has a weight; use one", r.id),
            ));
        }
        if !r.exclude && r.weight == 0 {
            return Err((
                r.id.clone(),
                format!("rule “{}” neither excludes nor has a weight", r.id),
            ));
        }
        if r.facts.is_empty() {
            return Err((
                r.id.clone(),
                format!(
                    "rule “{}” cites no fact; every reason must rest on one",
                    r.id
                ),
            ));
        }
        check_facts(model, &r.id, &r.facts)?;
    }
    for c in &model.conflicts {
        if c.when.len() < 2 {
            return Err((
                c.id.clone(),
                format!("conflict “{}” needs at least two conditions", c.id),
            ));
        }
        for w in &c.when {
            check_condition(model, &c.id, w)?;
        }
        check_facts(model, &c.id, &c.facts)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_is_valid() {
        let m = builtin();
        assert_eq!(m.options.len(), 4);
    }

    #[test]
    fn syntax_error_names_file_line_and_reason() {
        let err = from_toml("id = \"x\"\nversion = \n", "team.toml").unwrap_err();
        assert_eq!(err.path, "team.toml");
        assert_eq!(err.line, 2);
        assert!(!err.reason.is_empty());
        assert!(err.to_string().starts_with("team.toml:2:"));
    }

    #[test]
    fn dangling_reference_names_the_line_that_defines_it() {
        let src = BUILTIN_TOML.replacen("source = \"", "source = \"nope-", 1);
        let err = from_toml(&src, "m.toml").unwrap_err();
        assert!(err.reason.contains("cites source"), "{err}");
        assert!(err.line > 1);
    }

    #[test]
    fn unknown_field_is_rejected() {
        let src =
            format!("{BUILTIN_TOML}\n[[group]]\nid = \"g\"\ntitle = \"t\"\ncolour = \"red\"\n");
        let err = from_toml(&src, "m.toml").unwrap_err();
        assert!(err.reason.contains("colour"), "{err}");
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_date("2026-11-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("29/11/2026"));
    }
}
