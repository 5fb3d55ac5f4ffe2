//! The facts of a model grouped for the sources page: one section per option, then one per set
//! of options that share facts, then general facts. Older facts that a newer one replaced sit
//! inside the newer fact's entry, so disagreements show side by side.

use crate::engine::wording::join_names;
use crate::model::{Fact, Model};

/// A section of the page: the facts about one option, about several together, or about none.
#[derive(Clone, Debug, PartialEq)]
pub struct FactGroup {
    /// Element id of the section.
    pub id: String,
    pub heading: String,
    /// The options it is about, in model order (empty for general facts).
    pub options: Vec<String>,
    /// Facts listed as entries here, in model order.
    pub facts: Vec<String>,
    /// For a single option: facts it shares with others, listed in their own section.
    pub shared: Vec<String>,
}

/// Whether a fact gets its own entry: it is current, or names a newer fact that is missing.
/// Older facts otherwise appear inside the entry of the fact that replaced them.
fn is_entry(model: &Model, fact: &Fact) -> bool {
    fact.superseded_by
        .as_deref()
        .is_none_or(|newer| model.fact(newer).is_none())
}

/// The options a fact is about, in model order, unknown ids dropped.
fn option_key(model: &Model, fact: &Fact) -> Vec<String> {
    model
        .options
        .iter()
        .filter(|o| fact.options.contains(&o.id))
        .map(|o| o.id.clone())
        .collect()
}

/// The page's sections: one per option, then one per set of options that share facts, then
/// "General". Sections with nothing in them are left out.
pub fn fact_groups(model: &Model) -> Vec<FactGroup> {
    let entries: Vec<(&Fact, Vec<String>)> = model
        .facts
        .iter()
        .filter(|f| is_entry(model, f))
        .map(|f| (f, option_key(model, f)))
        .collect();
    let mut groups = Vec::new();
    for option in &model.options {
        let facts: Vec<String> = entries
            .iter()
            .filter(|(_, key)| key.len() == 1 && key[0] == option.id)
            .map(|(f, _)| f.id.clone())
            .collect();
        let shared: Vec<String> = entries
            .iter()
            .filter(|(_, key)| key.len() > 1 && key.contains(&option.id))
            .map(|(f, _)| f.id.clone())
            .collect();
        if facts.is_empty() && shared.is_empty() {
            continue;
        }
        groups.push(FactGroup {
            id: format!("option-{}", option.id),
            heading: option.name.clone(),
            options: vec![option.id.clone()],
            facts,
            shared,
        });
    }
    let mut keys: Vec<Vec<String>> = entries
        .iter()
        .filter(|(_, key)| key.len() > 1)
        .map(|(_, key)| key.clone())
        .collect();
    let position = |id: &String| model.options.iter().position(|o| &o.id == id);
    keys.sort_by_key(|k| k.iter().map(position).collect::<Vec<_>>());
    keys.dedup();
    for key in keys {
        let names: Vec<&str> = key
            .iter()
            .filter_map(|id| model.option(id).map(|o| o.name.as_str()))
            .collect();
        groups.push(FactGroup {
            id: format!("shared-{}", key.join("--")),
            heading: format!("Shared: {}", join_names(&names)),
            facts: entries
                .iter()
                .filter(|(_, k)| *k == key)
                .map(|(f, _)| f.id.clone())
                .collect(),
            options: key,
            shared: Vec::new(),
        });
    }
    let general: Vec<String> = entries
        .iter()
        .filter(|(_, key)| key.is_empty())
        .map(|(f, _)| f.id.clone())
        .collect();
    if !general.is_empty() {
        groups.push(FactGroup {
            id: "general".to_owned(),
            heading: "General".to_owned(),
            options: Vec::new(),
            facts: general,
            shared: Vec::new(),
        });
    }
    groups
}

/// How many facts cite a source.
pub fn facts_citing(model: &Model, source: &str) -> usize {
    model.facts.iter().filter(|f| f.source == source).count()
}
