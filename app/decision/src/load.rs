//! Reading a model file (TOML) and checking that it is whole before anything uses it.
//!
//! Server-only (feature `toml`): the browser receives the already-checked model as JSON.

use crate::model::Model;
use crate::validate::{validate, Problem};
use std::path::Path;

/// The model compiled into the binary.
pub const BUILTIN_TOML: &str = include_str!("../builtin.toml");

/// Why a model file cannot be used, with where in the file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{path}:{line}:{column}: {reason}")]
pub struct ModelError {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub reason: String,
    /// The validation problem, when the file is valid TOML but not a whole model.
    pub problem: Option<Problem>,
}

/// Every reason a model file cannot be used, in file order; never empty.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ModelErrors(pub Vec<ModelError>);

impl ModelErrors {
    /// The first error (the one a server start reports).
    pub fn first(&self) -> &ModelError {
        &self.0[0]
    }
}

/// The built-in model. It is checked by the tests, so failure here is a build defect.
pub fn builtin() -> Model {
    from_toml(BUILTIN_TOML, "builtin.toml").unwrap_or_else(|e| panic!("built-in model: {e}"))
}

/// Reads a model file from disk.
pub fn from_file(path: &Path) -> Result<Model, ModelErrors> {
    let display = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| {
        ModelErrors(vec![ModelError {
            path: display.clone(),
            line: 0,
            column: 0,
            reason: format!("cannot read the file: {e}"),
            problem: None,
        }])
    })?;
    from_toml(&src, &display)
}

/// Parses and validates a model. It either comes back whole or not at all.
pub fn from_toml(src: &str, path: &str) -> Result<Model, ModelErrors> {
    let model: Model = toml::from_str(src).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(src, s.start)).unwrap_or((0, 0));
        ModelErrors(vec![ModelError {
            path: path.to_owned(),
            line,
            column,
            reason: e.message().trim().to_owned(),
            problem: None,
        }])
    })?;
    let problems = validate(&model);
    if problems.is_empty() {
        return Ok(model);
    }
    let mut errors: Vec<ModelError> = problems
        .into_iter()
        .map(|p| {
            let (line, column) = locate(src, p.anchor());
            ModelError {
                path: path.to_owned(),
                line,
                column,
                reason: p.to_string(),
                problem: Some(p),
            }
        })
        .collect();
    errors.sort_by_key(|e| (e.line, e.column));
    Err(ModelErrors(errors))
}

fn line_col(src: &str, offset: usize) -> (u32, u32) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, column as u32)
}

/// Finds the line that defines or mentions an id, or the header of a settings table, for
/// errors about a valid TOML file.
fn locate(src: &str, needle: &str) -> (u32, u32) {
    if needle.is_empty() {
        return (1, 1);
    }
    let quoted = format!("\"{needle}\"");
    let definition = src
        .match_indices(&quoted)
        .find(|(i, _)| {
            let line_start = src[..*i].rfind('\n').map_or(0, |p| p + 1);
            src[line_start..*i].trim_start().starts_with("id")
        })
        .map(|(i, _)| i);
    // Settings tables (`[scoring]`, `[workload]`) are named by their header.
    let table = || src.find(&format!("\n[{needle}]")).map(|i| i + 1);
    match definition.or_else(|| src.find(&quoted)).or_else(table) {
        Some(i) => line_col(src, i),
        None => (1, 1),
    }
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
        let first = err.first();
        assert_eq!(first.path, "team.toml");
        assert_eq!(first.line, 2);
        assert!(!first.reason.is_empty());
        assert!(err.to_string().starts_with("team.toml:2:"));
    }

    #[test]
    fn dangling_reference_names_the_line_that_defines_it() {
        let src = BUILTIN_TOML.replacen("source = \"", "source = \"nope-", 1);
        let err = from_toml(&src, "m.toml").unwrap_err();
        assert!(
            matches!(
                &err.first().problem,
                Some(Problem::Unknown { kind: "source", .. })
            ),
            "{err}"
        );
        assert!(err.first().line > 1);
    }

    #[test]
    fn every_problem_is_reported() {
        let src = BUILTIN_TOML
            .replacen("source = \"", "source = \"nope-", 1)
            .replacen("as_of = \"20", "as_of = \"x20", 1);
        let err = from_toml(&src, "m.toml").unwrap_err();
        assert!(err.0.len() >= 2, "{err}");
    }

    #[test]
    fn unknown_field_is_rejected() {
        let src =
            format!("{BUILTIN_TOML}\n[[group]]\nid = \"g\"\ntitle = \"t\"\ncolour = \"red\"\n");
        let err = from_toml(&src, "m.toml").unwrap_err();
        assert!(err.first().reason.contains("colour"), "{err}");
    }

    /// TOML allows `nan` and `inf`. Every figure that reached the engine unchecked is refused
    /// with the file, a line and the field, and an accepted model always has its browser copy.
    #[test]
    fn a_figure_that_is_not_a_number_is_refused_where_it_is() {
        for (from, to, field) in [
            ("near_share = 0.8", "near_share = nan", "near_share"),
            (
                "unpublished_factor = 10.0",
                "unpublished_factor = inf",
                "unpublished_factor",
            ),
            ("up_to = 60.0", "up_to = nan", "choices.up_to"),
            ("value = 0.8", "value = nan", "choices.value"),
            ("at_least = 150.0", "at_least = nan", "at_least"),
            ("may_exceed = 150.0", "may_exceed = nan", "may_exceed"),
        ] {
            assert!(BUILTIN_TOML.contains(from), "{from}");
            let src = BUILTIN_TOML.replacen(from, to, 1);
            let err = from_toml(&src, "team.toml").unwrap_err();
            let first = err.first();
            assert!(first.reason.contains(&format!("`{field}`")), "{to}: {err}");
            assert!(first.line > 1, "{to}: {err}");
            assert!(err.to_string().starts_with("team.toml:"), "{err}");
        }
        let src = BUILTIN_TOML.replacen("free_per_month = 4000.0", "free_per_month = nan", 1);
        let err = from_toml(&src, "team.toml").unwrap_err();
        assert!(err.first().reason.contains("`free_per_month`"), "{err}");
        assert!(builtin().to_browser_bytes().is_ok());
    }
}
