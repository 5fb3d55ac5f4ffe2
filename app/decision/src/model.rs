//! The decision model as data: sources, facts, options, questions, rules, limits, architectures
//! and prices. The same types are read from TOML on the server and from a compact binary copy
//! (Borsh, [`Model::to_browser_bytes`]) in the browser; the JSON API writes them as JSON.
//!
//! Every list is written `[[name]]` once per entry in a model file and appears as the plural
//! (`sources`, `facts`, ...) in JSON; the `rename`/`alias` pairs below say exactly that.

use crate::index::Index;
use borsh::{BorshDeserialize, BorshSerialize};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A whole decision model. Built from `builtin.toml` unless a team supplies its own file.
///
/// Look-ups by id go through an index that is built on first use, so a model read in the
/// browser is as fast as one loaded on the server.
#[derive(Clone, Debug, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Stable identifier, e.g. `aws-orchestration`.
    pub id: String,
    /// Human-readable version, e.g. `2026.11.29`.
    pub version: String,
    /// Monotonic integer that short result codes carry; raise it whenever the rules change.
    pub revision: u16,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// One paragraph that frames the model for its readers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// How limits and splits move scores.
    #[serde(default)]
    pub scoring: Scoring,
    /// Constants the workload measures use.
    #[serde(default)]
    pub workload: Workload,
    #[serde(default, rename(deserialize = "source"), alias = "sources")]
    pub sources: Vec<Source>,
    #[serde(default, rename(deserialize = "fact"), alias = "facts")]
    pub facts: Vec<Fact>,
    #[serde(default, rename(deserialize = "option"), alias = "options")]
    pub options: Vec<OptionDef>,
    #[serde(
        default,
        rename(deserialize = "attribute"),
        alias = "attributes",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attributes: Vec<Attribute>,
    #[serde(
        default,
        rename(deserialize = "group"),
        alias = "groups",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub groups: Vec<Group>,
    #[serde(default, rename(deserialize = "question"), alias = "questions")]
    pub questions: Vec<Question>,
    #[serde(default, rename(deserialize = "rule"), alias = "rules")]
    pub rules: Vec<Rule>,
    #[serde(default, rename(deserialize = "conflict"), alias = "conflicts")]
    pub conflicts: Vec<ConflictRule>,
    #[serde(default, rename(deserialize = "limit"), alias = "limits")]
    pub limits: Vec<Limit>,
    #[serde(default, rename(deserialize = "architecture"), alias = "architectures")]
    pub architectures: Vec<Architecture>,
    #[serde(default, rename(deserialize = "price"), alias = "prices")]
    pub prices: Vec<Price>,
    #[serde(skip)]
    #[borsh(skip)]
    index: OnceLock<Index>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        // The index is derived data.
        serde_json::to_value(self).ok() == serde_json::to_value(other).ok()
    }
}

/// Weights the engine applies for limits, in the same raw units as rule weights (about ±30).
///
/// They live in the model file so that a team can see and change how strongly a quota counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scoring {
    /// Above a soft (adjustable) default quota but within a figure AWS has published.
    pub soft_over: i32,
    /// Above the default with no published figure this high, by more than `unpublished_factor`.
    pub beyond_published: i32,
    /// How far above a default an increase counts as routine when AWS publishes no higher figure.
    pub unpublished_factor: f64,
    /// Per extra piece when a hard limit forces a run to be split (capped at `split_cap`).
    pub split_per_piece: i32,
    pub split_cap: i32,
    /// Share of a limit at which it counts as a near miss and warns.
    pub near_share: f64,
    /// Weight of a near miss.
    pub near: i32,
    /// Over a hard limit that a documented workaround (an S3 reference, a hand-off) avoids.
    pub workaround: i32,
    /// When cost matters: raw weight per tenfold cost difference from the cheapest option.
    pub cost_matters: i32,
    /// When cost is decisive: the same, stronger.
    pub cost_decisive: i32,
    /// USD a month: an open option within this of the cheapest counts as level with it on
    /// cost, and above it an option's cost is compared with the cheapest's plus this. Team
    /// judgement, not an AWS figure: below it, an estimate from list prices and a guessed
    /// volume separates nothing worth an architectural trade. 0 compares ratios alone.
    pub cost_floor_usd: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            soft_over: -8,
            beyond_published: -22,
            unpublished_factor: 10.0,
            split_per_piece: -4,
            split_cap: -20,
            near_share: 0.8,
            near: -2,
            workaround: -6,
            cost_matters: 8,
            cost_decisive: 20,
            cost_floor_usd: 0.0,
        }
    }
}

/// Constants behind the workload measures, with the facts they rest on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Workload {
    /// History events a Standard execution records per state transition (at least an
    /// "entered" and an "exited" event per state).
    pub history_events_per_transition: f64,
    pub facts: Vec<String>,
}

impl Default for Workload {
    fn default() -> Self {
        Workload {
            history_events_per_transition: 2.0,
            facts: Vec::new(),
        }
    }
}

/// Where facts were read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Who stands behind it.
    pub kind: SourceKind,
    /// `YYYY-MM-DD`: when the page was read or when it says it was last updated.
    pub as_of: String,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, BorshSerialize, BorshDeserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The team's orchestration guide that this product is built on.
    Guide,
    /// AWS documentation or pricing pages.
    Aws,
    /// Anything else (blogs, transcriptions); shown with a caution.
    ThirdParty,
}

impl SourceKind {
    /// What a kind of source is called on the page.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Guide => "Guide",
            SourceKind::Aws => "AWS",
            SourceKind::ThirdParty => "Third party",
        }
    }
}

/// One statement the product shows, with where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Options the fact is about; empty for general facts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Matrix row it fills, if any (an [`Attribute`] id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// Short text for a table cell.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub value: String,
    /// One or two sentences that state the fact fully.
    #[serde(default, skip_serializing_if = "String::is_empty")]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub id: String,
    pub name: String,
    /// A few words, for narrow columns.
    pub short: String,
    /// One sentence that says what it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// How the engine prices a run of this option (see [`CostModel`]); none means not priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_model: Option<CostModel>,
}

/// The billing shape of an option; the formulas live in `engine::cost`, the prices in
/// [`Price`] entries.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, BorshSerialize, BorshDeserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum CostModel {
    /// Per state transition (Step Functions Standard).
    StateTransitions,
    /// Per request plus GB-seconds in 100 ms and 64 MB steps (Step Functions Express).
    ExpressDuration,
    /// Per durable operation and data, plus Lambda while running (Lambda durable functions).
    DurableOperations,
    /// Per event in 64 KB chunks plus each consumer's Lambda (EventBridge + Lambda).
    EventDelivery,
}

/// A row of one of the comparison tables.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    pub id: String,
    pub label: String,
    /// Tables the row appears in.
    pub tables: Vec<TableKind>,
    /// Questions whose answers make this row matter.
    #[serde(default)]
    pub questions: Vec<String>,
}

/// Which comparison table a row belongs to.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    BorshSerialize,
    BorshDeserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum TableKind {
    /// The guide's "Choosing an orchestration approach" table.
    Choosing,
    /// The guide's "Durable functions vs Step Functions" table.
    Versus,
    /// Limits and prices from AWS documentation.
    Limits,
}

impl TableKind {
    /// The three tables, in the order pages show them.
    pub const ALL: [TableKind; 3] = [TableKind::Choosing, TableKind::Versus, TableKind::Limits];

    /// Stable short name, used in element ids and file names.
    pub fn slug(self) -> &'static str {
        match self {
            TableKind::Choosing => "choosing",
            TableKind::Versus => "versus",
            TableKind::Limits => "limits",
        }
    }

    /// The table's title, as the guide names it.
    pub fn title(self) -> &'static str {
        match self {
            TableKind::Choosing => "Choosing an orchestration approach",
            TableKind::Versus => "Durable functions vs Step Functions",
            TableKind::Limits => "Limits and prices",
        }
    }
}

/// A heading that questions are grouped under.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
}

/// A question of the questionnaire. "Not sure" is always possible and is not listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Query-string key.
    pub id: String,
    /// Stable small number used by short links; never reuse one.
    pub code: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    #[serde(default)]
    pub kind: QuestionKind,
    /// Whether the choices are on a scale (so neighbouring answers are "small" changes).
    #[serde(default)]
    pub ordered: bool,
    /// When the answer can be a figure: its unit and range. Choices then stand for ranges
    /// (`above`/`up_to`), and a figure selects the choice whose range holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<NumberSpec>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Facts the help text rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
}

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    BorshSerialize,
    BorshDeserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// One answer.
    #[default]
    Single,
    /// Any number of answers (repeated query keys).
    Multi,
}

/// A question that takes a figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberSpec {
    pub unit: Unit,
    /// Smallest accepted figure, in `unit`.
    pub min: f64,
    /// Largest accepted figure, in `unit`.
    pub max: f64,
    /// An example shown as the field's placeholder, e.g. `36h`.
    pub example: String,
}

/// The unit of a figure, which also decides how text is read ("36h", "1.5k/s", "2 MB").
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, BorshSerialize, BorshDeserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Elapsed time, stored in seconds; text needs a unit (`90s`, `20m`, `36h`, `14d`).
    Seconds,
    /// Starts per second; `/min`, `/h` and `/day` convert.
    PerSecond,
    /// A plain count; `k` and `M` suffixes allowed.
    Count,
    /// Kilobytes (1,024 bytes, as AWS quotes payload limits); `MB` converts.
    Kilobytes,
    /// Megabytes of memory (Lambda's memory setting).
    Megabytes,
    /// Milliseconds of active time.
    Milliseconds,
    /// A count per month; `k`, `M` and `B` suffixes allowed.
    PerMonth,
}

/// One possible answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Query-string value.
    pub id: String,
    /// Stable small number used by short links, unique within its question; never reuse one.
    pub code: u8,
    pub label: String,
    /// For a figure question: the range this choice stands for is above this figure...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<f64>,
    /// ...and up to this figure (inclusive). Missing means unbounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<f64>,
    /// A figure the choice stands for where the engine needs one (the load-shape question:
    /// the average share of the peak rate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// When a rule, conflict or architecture applies. Exactly one kind of test per condition.
#[derive(
    Clone, Debug, Default, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// A question id: tests the answer to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Matches when any selected choice is in this list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<String>,
    /// Matches when the question is answered and no selected choice is in this list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none_of: Vec<String>,
    /// Instead of `any`/`none_of`: matches when the question is (`true`) or is not (`false`)
    /// answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<bool>,
    /// A measure (see `engine::measures::Measure`): tests a workload figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Matches when the measure is known to be at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// Matches when the measure is known to be at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
    /// Matches when the measure may be above this: a figure above it, or a range that reaches
    /// above it. Where a range is enough to warn but a figure can tell (a run of "1 to 5
    /// minutes" may leave Express little headroom; a run of 2 minutes does not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub may_exceed: Option<f64>,
}

/// One condition or several that must all hold; a model file may write either.
///
/// Read with a visitor of its own rather than `#[serde(untagged)]`: a table is one condition, an
/// array is several. That keeps serde's buffering machinery out of the browser's wasm and gives
/// a model author the real error inside a condition instead of "did not match any variant".
#[derive(Clone, Debug, PartialEq, Serialize, BorshSerialize, BorshDeserialize)]
#[serde(untagged)]
pub enum When {
    One(Condition),
    All(Vec<Condition>),
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrMany;
        impl<'de> serde::de::Visitor<'de> for OneOrMany {
            type Value = When;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a condition table or an array of condition tables")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<When, A::Error> {
                <Condition as Deserialize>::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )
                .map(When::One)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<When, A::Error> {
                <Vec<Condition> as Deserialize>::deserialize(
                    serde::de::value::SeqAccessDeserializer::new(seq),
                )
                .map(When::All)
            }
        }
        deserializer.deserialize_any(OneOrMany)
    }
}

impl When {
    /// The conditions, all of which must hold.
    pub fn all(&self) -> &[Condition] {
        match self {
            When::One(c) => std::slice::from_ref(c),
            When::All(v) => v,
        }
    }
}

/// What an answer does to one option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub when: When,
    pub option: String,
    /// `exclude` rules a hard constraint; otherwise a signed weight (about -30..=30).
    #[serde(default)]
    pub exclude: bool,
    /// An exclusion that is a judgement rather than a documented limit; shown as such.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub judgement: bool,
    #[serde(default)]
    pub weight: i32,
    /// Sentence shown to the user, phrased about this option.
    pub reason: String,
    /// Facts the reason rests on (at least one).
    pub facts: Vec<String>,
    /// What a team can do instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

/// Answers that pull in opposite directions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictRule {
    pub id: String,
    /// All must match.
    pub when: Vec<Condition>,
    pub message: String,
    #[serde(default)]
    pub facts: Vec<String>,
}

/// A documented limit or quota of one option, checked against a measure of the workload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub id: String,
    pub option: String,
    /// What is compared, e.g. "Open executions".
    pub label: String,
    /// The workload measure compared with the limit (see `engine::measures::Measure`).
    pub measure: String,
    /// The limit (or default quota) in the measure's unit.
    pub value: f64,
    /// Region-specific values: Region code to value; Regions not listed use `value`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<RegionValue>,
    /// A higher figure AWS has published as reachable (for soft quotas), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<f64>,
    /// `true`: cannot be raised; exceeding it excludes the option (or forces a split).
    pub hard: bool,
    /// For soft quotas: how to raise it; for hard limits without a split: what to do instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    /// For hard limits: exceeding it only weighs against the option, because a documented
    /// workaround keeps it usable (such as passing an S3 reference for large data).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub workaround: bool,
    /// For hard limits that a documented pattern works around: the split architecture's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<String>,
    /// Only checked when these hold (e.g. only for runs started by a queue).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    /// Facts the figure rests on (at least one).
    pub facts: Vec<String>,
}

/// One Region's value of a limit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionValue {
    /// Region codes (the `region` question's choice ids).
    pub regions: Vec<String>,
    pub value: f64,
}

/// An answer beyond the four options: no orchestrator, a split, or a hybrid of options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Architecture {
    pub id: String,
    pub kind: ArchitectureKind,
    pub title: String,
    /// When it applies and why, in two or three sentences.
    pub summary: String,
    /// All must hold; an architecture named by a limit's `split` applies when that limit
    /// forces a split of the leading option, and may leave this empty.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// What goes where.
    pub parts: Vec<Part>,
    /// Measures whose figures the card shows as its arithmetic.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub show: Vec<String>,
    pub facts: Vec<String>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, BorshSerialize, BorshDeserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ArchitectureKind {
    NoOrchestrator,
    Split,
    Hybrid,
}

impl ArchitectureKind {
    pub fn label(self) -> &'static str {
        match self {
            ArchitectureKind::NoOrchestrator => "No orchestrator",
            ArchitectureKind::Split => "Split the run",
            ArchitectureKind::Hybrid => "Hybrid",
        }
    }
}

/// One part of an architecture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// An option id, or none for a component outside the four (a queue, a container service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// Instead of `option`: whichever of these options ranks best and is not excluded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choose_from: Vec<String>,
    pub role: String,
}

/// A list price with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// Fixed ids the cost formulas look up, e.g. `sfn-standard-transition`.
    pub id: String,
    pub label: String,
    /// US dollars per `per` units.
    pub usd: f64,
    /// How many units the price is for (1,000 transitions, 1,000,000 requests, 1 GB-second).
    pub per: f64,
    /// Units free each month before charges, if a free tier applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_per_month: Option<f64>,
    /// Lower prices for monthly usage above a threshold, in increasing `from` order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<PriceTier>,
    pub region: String,
    pub facts: Vec<String>,
}

/// Above `from` units a month, the price is `usd` per the price's `per` units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, BorshSerialize, BorshDeserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceTier {
    pub from: f64,
    pub usd: f64,
}

impl Model {
    pub(crate) fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(self))
    }
    /// The questions the monthly costs read, as a bit per question index (bit `q` for
    /// question `q`): an answer to any other question leaves every price, every cost line and
    /// the cost chart as they were. Worked out from the inputs each cost formula reads
    /// (`engine::cost::reads`) when the model's index is built.
    pub fn priced_questions(&self) -> u64 {
        self.index().price_deps
    }
    pub fn option(&self, id: &str) -> Option<&OptionDef> {
        self.index().option(id).map(|i| &self.options[i])
    }
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.index().option(id)
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index().question(id).map(|i| &self.questions[i])
    }
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.index().question(id)
    }
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.index().fact(id).map(|i| &self.facts[i])
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index().source(id).map(|i| &self.sources[i])
    }
    pub fn attribute(&self, id: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.id == id)
    }
    pub fn architecture(&self, id: &str) -> Option<&Architecture> {
        self.architectures.iter().find(|a| a.id == id)
    }
    pub fn price(&self, id: &str) -> Option<&Price> {
        self.prices.iter().find(|p| p.id == id)
    }
    pub fn limit(&self, id: &str) -> Option<&Limit> {
        self.limits.iter().find(|l| l.id == id)
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
    pub fn superseded<'a>(&'a self, fact: &'a str) -> impl Iterator<Item = &'a Fact> + 'a {
        self.facts
            .iter()
            .filter(move |f| f.superseded_by.as_deref() == Some(fact))
    }
    /// A copy for the browser island: what evaluating and citing need, without what only the
    /// server renders (fact statements, question help, the comparison tables' rows, groups),
    /// so every advisor page stays small. Source addresses stay: a printout lists them.
    pub fn for_browser(&self) -> Model {
        let mut m = self.clone();
        m.index = OnceLock::new();
        m.title.clear();
        m.summary.clear();
        m.attributes.clear();
        m.groups.clear();
        for f in &mut m.facts {
            f.detail.clear();
            f.value.clear();
            f.options.clear();
            f.attribute = None;
        }
        for q in &mut m.questions {
            q.help.clear();
            q.group.clear();
            q.facts.clear();
        }
        m
    }
    /// [`Model::for_browser`] in the compact binary form (Borsh) that the browser reads with
    /// [`Model::from_browser_bytes`]. Binary rather than JSON because reading JSON into these
    /// types was the largest part of the browser's wasm that served no one but the model.
    ///
    /// # Errors
    /// Borsh refuses to write a NaN figure; a validated model has none.
    pub fn to_browser_bytes(&self) -> std::io::Result<Vec<u8>> {
        borsh::to_vec(&self.for_browser())
    }
    /// Reads what [`Model::to_browser_bytes`] wrote. The index is rebuilt on first use.
    ///
    /// # Errors
    /// Bytes that are not a whole model of this build's types (truncated, from another
    /// version, or with bytes left over).
    pub fn from_browser_bytes(bytes: &[u8]) -> std::io::Result<Model> {
        borsh::from_slice(bytes)
    }
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
    pub fn choice_index(&self, id: &str) -> Option<usize> {
        self.choices.iter().position(|c| c.id == id)
    }
    /// The choice whose range holds a figure (for figure questions with ranged choices).
    pub fn choice_for(&self, value: f64) -> Option<usize> {
        self.choices
            .iter()
            .position(|c| c.above.is_none_or(|a| value > a) && c.up_to.is_none_or(|u| value <= u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn when_reads_one_condition_or_a_list_from_json() {
        let one: When = serde_json::from_str(r#"{"question":"duration","any":["days"]}"#).unwrap();
        assert_eq!(one.all().len(), 1);
        assert_eq!(one.all()[0].question.as_deref(), Some("duration"));
        let many: When = serde_json::from_str(
            r#"[{"question":"duration","any":["days"]},{"question":"rate","none_of":["low"]}]"#,
        )
        .unwrap();
        assert_eq!(many.all().len(), 2);
        // Serialising keeps the shape, so the browser reads back what the server wrote.
        assert_eq!(
            serde_json::from_value::<When>(serde_json::to_value(&many).unwrap()).unwrap(),
            many
        );
    }

    #[test]
    fn a_mistake_inside_a_condition_is_reported_as_itself() {
        let err = serde_json::from_str::<When>(r#"{"question":"duration","anyy":["days"]}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("anyy"), "{err}");
        let err = serde_json::from_str::<When>("7").unwrap_err().to_string();
        assert!(err.contains("condition table"), "{err}");
    }

    #[cfg(feature = "toml")]
    #[test]
    fn the_browser_reads_back_exactly_what_the_server_wrote() {
        let model = crate::load::builtin();
        let bytes = model.to_browser_bytes().unwrap();
        let back = Model::from_browser_bytes(&bytes).unwrap();
        assert_eq!(back, model.for_browser());
        assert_eq!(back.questions.len(), model.questions.len());
        // A cut-off or padded copy is an error, never a smaller model.
        assert!(Model::from_browser_bytes(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Model::from_browser_bytes(&longer).is_err());
        let json = serde_json::to_string(&model.for_browser()).unwrap();
        eprintln!(
            "browser model: {} B JSON, {} B Borsh",
            json.len(),
            bytes.len()
        );
    }
}
