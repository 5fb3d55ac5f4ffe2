//! The decision model as data: sources, facts, options, questions and the rules that tie answers
//! to options. The same types are read from TOML on the server and from JSON in the browser.

use serde::{Deserialize, Serialize};

/// A whole decision model. Built from `builtin.toml` unless a team supplies its own file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Stable identifier, e.g. `aws-orchestration`.
    pub id: String,
    /// Human-readable version, e.g. `2026.11.29`.
    pub version: String,
    /// Monotonic integer that short result codes carry; raise it whenever the rules change.
    pub revision: u16,
    pub title: String,
    /// One paragraph that frames the model for its readers.
    #[serde(default)]
    pub summary: String,
    // The file says `[[source]]` per entry; JSON says `sources`.
    #[serde(default, rename(deserialize = "source"), alias = "sources")]
    pub sources: Vec<Source>,
    // The file says `[[fact]]` per entry; JSON says `facts`.
    #[serde(default, rename(deserialize = "fact"), alias = "facts")]
    pub facts: Vec<Fact>,
    // The file says `[[option]]` per entry; JSON says `options`.
    #[serde(default, rename(deserialize = "option"), alias = "options")]
    pub options: Vec<OptionDef>,
    // The file says `[[attribute]]` per entry; JSON says `attributes`.
    #[serde(default, rename(deserialize = "attribute"), alias = "attributes")]
    pub attributes: Vec<Attribute>,
    // The file says `[[group]]` per entry; JSON says `groups`.
    #[serde(default, rename(deserialize = "group"), alias = "groups")]
    pub groups: Vec<Group>,
    // The file says `[[question]]` per entry; JSON says `questions`.
    #[serde(default, rename(deserialize = "question"), alias = "questions")]
    pub questions: Vec<Question>,
    // The file says `[[rule]]` per entry; JSON says `rules`.
    #[serde(default, rename(deserialize = "rule"), alias = "rules")]
    pub rules: Vec<Rule>,
    // The file says `[[conflict]]` per entry; JSON says `conflicts`.
    #[serde(default, rename(deserialize = "conflict"), alias = "conflicts")]
    pub conflicts: Vec<ConflictRule>,
}

/// Where facts were read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    /// Who stands behind it.
    pub kind: SourceKind,
    /// `YYYY-MM-DD`: when the page was read or when it says it was last updated.
    pub as_of: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The team's orchestration guide that this product is built on.
    Guide,
    /// AWS documentation or pricing pages.
    Aws,
    /// Anything else (blogs, transcriptions); shown with a caution.
    ThirdParty,
}

/// One statement the product shows, with where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Options the fact is about; empty for general facts.
    #[serde(default)]
    pub options: Vec<String>,
    /// Matrix row it fills, if any (an [`Attribute`] id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// Short text for a table cell.
    pub value: String,
    /// One or two sentences that state the fact fully.
    pub detail: String,
    /// A [`Source`] id.
    pub source: String,
    /// `YYYY-MM-DD` the source gives for this fact.
    pub as_of: String,
    /// When sources disagree, the older fact names the newer one that the model uses instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
}

/// One of the approaches the model compares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub id: String,
    pub name: String,
    /// A few words, for narrow columns.
    pub short: String,
    /// One sentence that says what it is.
    pub summary: String,
}

/// A row of one of the comparison tables.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    pub id: String,
    pub label: String,
    /// Tables the row appears in.
    pub tables: Vec<MatrixTable>,
    /// Questions whose answers make this row matter.
    #[serde(default)]
    pub questions: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatrixTable {
    /// The guide's "Choosing an orchestration approach" table.
    Choosing,
    /// The guide's "Durable functions vs Step Functions" table.
    Versus,
    /// Limits and prices from AWS documentation.
    Limits,
}

/// A heading that questions are grouped under.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
}

/// A question of the questionnaire. "Not sure" is always possible and is not listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Query-string key.
    pub id: String,
    /// Stable small number used by short links; never reuse one.
    pub code: u8,
    pub group: String,
    pub prompt: String,
    pub help: String,
    #[serde(default)]
    pub kind: QuestionKind,
    /// Whether the choices are on a scale (so neighbouring answers are "small" changes).
    #[serde(default)]
    pub ordered: bool,
    pub choices: Vec<Choice>,
    /// Facts the help text rests on.
    #[serde(default)]
    pub facts: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// One answer.
    #[default]
    Single,
    /// Any number of answers (repeated query keys).
    Multi,
}

/// One possible answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Query-string value.
    pub id: String,
    /// Stable small number used by short links, unique within its question; never reuse one.
    pub code: u8,
    pub label: String,
}

/// When a rule applies: an answer to one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    /// Matches when any selected choice is in this list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<String>,
    /// Matches when the question is answered and no selected choice is in this list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none_of: Vec<String>,
}

/// What an answer does to one option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub when: Condition,
    pub option: String,
    /// `exclude` rules a hard constraint; otherwise a signed weight (about -30..=30).
    #[serde(default)]
    pub exclude: bool,
    #[serde(default)]
    pub weight: i32,
    /// Sentence shown to the user, phrased about this option.
    pub reason: String,
    /// Facts the reason rests on (at least one).
    pub facts: Vec<String>,
    /// For exclusions: what a team can do instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

/// Answers that pull in opposite directions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictRule {
    pub id: String,
    /// All must match.
    pub when: Vec<Condition>,
    pub message: String,
    #[serde(default)]
    pub facts: Vec<String>,
}

impl Model {
    pub fn option(&self, id: &str) -> Option<&OptionDef> {
        self.options.iter().find(|o| o.id == id)
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    pub fn attribute(&self, id: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.id == id)
    }
    /// The fact that fills a table cell: the one the model uses, not a superseded one.
    pub fn cell(&self, option: &str, attribute: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| {
            f.superseded_by.is_none()
                && f.attribute.as_deref() == Some(attribute)
                && f.options.iter().any(|o| o == option)
        })
    }
    /// Older facts that a given fact replaced, for showing disagreements side by side.
    pub fn superseded(&self, fact: &str) -> impl Iterator<Item = &Fact> {
        let fact = fact.to_owned();
        self.facts
            .iter()
            .filter(move |f| f.superseded_by.as_deref() == Some(fact.as_str()))
    }
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
    pub fn choice_index(&self, id: &str) -> Option<usize> {
        self.choices.iter().position(|c| c.id == id)
    }
}
