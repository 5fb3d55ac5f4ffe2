//! Checks that a model is whole: every id unique, every reference resolved, every figure
//! question's ranges consistent, every reason resting on a fact. Returns every problem, so a
//! team fixing its file sees them all at once.

use crate::engine::measures::Measure;
use crate::index::{MAX_OPTIONS, MAX_QUESTIONS};
use crate::model::{Condition, CostModel, Model, QuestionKind};
use std::collections::HashSet;
use std::fmt;

/// One reason a model cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The model's own `id` or `version` is empty.
    MissingIdentity,
    TooFew {
        what: &'static str,
        min: usize,
    },
    TooMany {
        what: &'static str,
        max: usize,
    },
    EmptyId {
        kind: &'static str,
    },
    Duplicate {
        kind: &'static str,
        id: String,
    },
    BadDate {
        kind: &'static str,
        id: String,
        value: String,
    },
    /// `owner` refers to a `kind` with id `id` that does not exist.
    Unknown {
        owner: String,
        kind: &'static str,
        id: String,
    },
    /// A fact superseded by a fact that is itself superseded.
    SupersededChain {
        fact: String,
        newer: String,
    },
    /// A condition that tests nothing, or more than one thing.
    ConditionShape {
        owner: String,
    },
    /// A rule that both excludes and weighs, or does neither.
    RuleWeight {
        rule: String,
    },
    /// A reason, limit, architecture or price that rests on no fact.
    NoFacts {
        owner: String,
    },
    NoTable {
        attribute: String,
    },
    TwoCurrentFacts {
        attribute: String,
        option: String,
        count: usize,
    },
    /// A question or choice code that is zero, out of range or used twice.
    Code {
        question: String,
        choice: Option<String>,
    },
    NoChoices {
        question: String,
    },
    /// Ranged choices that overlap, leave gaps, or belong to a question without a figure.
    Ranges {
        question: String,
        detail: String,
    },
    /// A limit, price or workload constant that is not a positive, finite figure.
    BadFigure {
        owner: String,
        field: &'static str,
    },
    /// A figure that is NaN or infinite where any finite number would do (a range bound, a
    /// condition's threshold, a free allowance). TOML allows `nan` and `inf`; the engine and
    /// the browser's copy of the model (Borsh refuses NaN) do not.
    NotANumber {
        owner: String,
        field: &'static str,
    },
    /// An option priced with a cost model whose prices are missing.
    MissingPrice {
        option: String,
        price: &'static str,
    },
    /// Text a model file must give (a fact's value and detail, a source's title and url).
    Missing {
        owner: String,
        field: &'static str,
    },
}

impl Problem {
    /// The id to point at in the file.
    pub fn anchor(&self) -> &str {
        match self {
            Problem::MissingIdentity => "id",
            Problem::TooFew { .. } | Problem::TooMany { .. } | Problem::EmptyId { .. } => "",
            Problem::Duplicate { id, .. } | Problem::BadDate { id, .. } => id,
            Problem::Unknown { owner, .. }
            | Problem::ConditionShape { owner }
            | Problem::NoFacts { owner }
            | Problem::BadFigure { owner, .. }
            | Problem::NotANumber { owner, .. } => owner,
            Problem::SupersededChain { fact, .. } => fact,
            Problem::RuleWeight { rule } => rule,
            Problem::NoTable { attribute } | Problem::TwoCurrentFacts { attribute, .. } => {
                attribute
            }
            Problem::Code { question, .. }
            | Problem::NoChoices { question }
            | Problem::Ranges { question, .. } => question,
            Problem::MissingPrice { option, .. } => option,
            Problem::Missing { owner, .. } => owner,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::MissingIdentity => write!(f, "the model needs a non-empty `id` and `version`"),
            Problem::TooFew { what, min } => write!(f, "a model needs at least {min} {what}"),
            Problem::TooMany { what, max } => write!(f, "a model may have at most {max} {what}"),
            Problem::EmptyId { kind } => write!(f, "a {kind} has an empty id"),
            Problem::Duplicate { kind, id } => write!(f, "{kind} id “{id}” is used twice"),
            Problem::BadDate { kind, id, value } => {
                write!(f, "{kind} “{id}” has `as_of` “{value}”, expected YYYY-MM-DD")
            }
            Problem::Unknown { owner, kind, id } => {
                write!(f, "“{owner}” refers to {kind} “{id}”, which does not exist")
            }
            Problem::SupersededChain { fact, newer } => write!(
                f,
                "fact “{fact}” is superseded by “{newer}”, which is itself superseded"
            ),
            Problem::ConditionShape { owner } => write!(
                f,
                "“{owner}” has a condition that must test exactly one thing: a `question` with `any` or `none_of`, or a `measure` with `at_least`, `at_most` and/or `may_exceed`"
            ),
            Problem::RuleWeight { rule } => write!(
                f,
                "rule “{rule}” must either exclude or have a non-zero weight, not both"
            ),
            Problem::NoFacts { owner } => {
                write!(f, "“{owner}” cites no fact; every reason must rest on one")
            }
            Problem::NoTable { attribute } => write!(f, "attribute “{attribute}” is in no table"),
            Problem::TwoCurrentFacts {
                attribute,
                option,
                count,
            } => write!(
                f,
                "attribute “{attribute}” has {count} current facts for option “{option}”; keep one and mark the others `superseded_by`"
            ),
            Problem::Code { question, choice } => match choice {
                Some(c) => write!(
                    f,
                    "answer “{c}” of question “{question}” needs a unique `code` from 1 to 31"
                ),
                None => write!(f, "question “{question}” needs a unique `code` from 1 to 255"),
            },
            Problem::NoChoices { question } => {
                write!(f, "question “{question}” offers no answers and takes no figure")
            }
            Problem::Ranges { question, detail } => {
                write!(f, "question “{question}”: {detail}")
            }
            Problem::BadFigure { owner, field } => {
                write!(f, "“{owner}” needs a positive, finite `{field}`")
            }
            Problem::NotANumber { owner, field } => {
                write!(f, "“{owner}” has a `{field}` that is not a finite number")
            }
            Problem::MissingPrice { option, price } => write!(
                f,
                "option “{option}” is priced by a cost model that needs price “{price}”, which does not exist"
            ),
            Problem::Missing { owner, field } => write!(f, "“{owner}” needs a non-empty {field}"),
        }
    }
}

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

struct Check<'a> {
    model: &'a Model,
    problems: Vec<Problem>,
}

impl Check<'_> {
    fn push(&mut self, p: Problem) {
        self.problems.push(p);
    }

    /// An optional figure that, when given, must be finite.
    fn finite(&mut self, owner: &str, field: &'static str, v: Option<f64>) {
        if v.is_some_and(|v| !v.is_finite()) {
            self.push(Problem::NotANumber {
                owner: owner.to_owned(),
                field,
            });
        }
    }

    fn unique<'s>(&mut self, kind: &'static str, ids: impl Iterator<Item = &'s str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.push(Problem::EmptyId { kind });
            } else if !seen.insert(id) {
                self.push(Problem::Duplicate {
                    kind,
                    id: id.to_owned(),
                });
            }
        }
    }

    fn facts(&mut self, owner: &str, facts: &[String], required: bool) {
        if required && facts.is_empty() {
            self.push(Problem::NoFacts {
                owner: owner.to_owned(),
            });
        }
        for f in facts {
            if self.model.fact(f).is_none() {
                self.push(unknown(owner, "fact", f));
            }
        }
    }

    fn option(&mut self, owner: &str, id: &str) {
        if self.model.option(id).is_none() {
            self.push(unknown(owner, "option", id));
        }
    }

    fn condition(&mut self, owner: &str, c: &Condition) {
        self.finite(owner, "at_least", c.at_least);
        self.finite(owner, "at_most", c.at_most);
        self.finite(owner, "may_exceed", c.may_exceed);
        let choice_test = c.question.is_some();
        let measure_test = c.measure.is_some();
        let shape_ok = match (choice_test, measure_test) {
            (true, false) => {
                let tests = usize::from(!c.any.is_empty())
                    + usize::from(!c.none_of.is_empty())
                    + usize::from(c.answered.is_some());
                tests == 1 && c.at_least.is_none() && c.at_most.is_none() && c.may_exceed.is_none()
            }
            (false, true) => {
                (c.at_least.is_some() || c.at_most.is_some() || c.may_exceed.is_some())
                    && c.any.is_empty()
                    && c.none_of.is_empty()
                    && c.answered.is_none()
            }
            _ => false,
        };
        if !shape_ok {
            self.push(Problem::ConditionShape {
                owner: owner.to_owned(),
            });
        }
        if let Some(qid) = &c.question {
            match self.model.question(qid) {
                None => self.push(unknown(owner, "question", qid)),
                Some(q) => {
                    for choice in c.any.iter().chain(&c.none_of) {
                        if q.choice(choice).is_none() {
                            self.push(unknown(owner, "answer", &format!("{qid}={choice}")));
                        }
                    }
                }
            }
        }
        if let Some(m) = &c.measure {
            if Measure::parse(m).is_none() {
                self.push(unknown(owner, "measure", m));
            }
        }
    }
}

fn unknown(owner: &str, kind: &'static str, id: &str) -> Problem {
    Problem::Unknown {
        owner: owner.to_owned(),
        kind,
        id: id.to_owned(),
    }
}

fn positive(v: f64) -> bool {
    v.is_finite() && v > 0.0
}

/// Every problem with the model; empty when it is whole.
pub fn validate(model: &Model) -> Vec<Problem> {
    let mut c = Check {
        model,
        problems: Vec::new(),
    };
    if model.id.trim().is_empty() || model.version.trim().is_empty() {
        c.push(Problem::MissingIdentity);
    }
    if model.options.len() < 2 {
        c.push(Problem::TooFew {
            what: "options",
            min: 2,
        });
    }
    if model.options.len() > MAX_OPTIONS {
        c.push(Problem::TooMany {
            what: "options",
            max: MAX_OPTIONS,
        });
    }
    if model.questions.len() > MAX_QUESTIONS {
        c.push(Problem::TooMany {
            what: "questions",
            max: MAX_QUESTIONS,
        });
    }
    c.unique("source", model.sources.iter().map(|s| s.id.as_str()));
    c.unique("fact", model.facts.iter().map(|s| s.id.as_str()));
    c.unique("option", model.options.iter().map(|s| s.id.as_str()));
    c.unique("attribute", model.attributes.iter().map(|s| s.id.as_str()));
    c.unique("group", model.groups.iter().map(|s| s.id.as_str()));
    c.unique("question", model.questions.iter().map(|s| s.id.as_str()));
    c.unique("rule", model.rules.iter().map(|s| s.id.as_str()));
    c.unique("conflict", model.conflicts.iter().map(|s| s.id.as_str()));
    c.unique("limit", model.limits.iter().map(|s| s.id.as_str()));
    c.unique(
        "architecture",
        model.architectures.iter().map(|s| s.id.as_str()),
    );
    c.unique("price", model.prices.iter().map(|s| s.id.as_str()));

    for s in &model.sources {
        if !is_date(&s.as_of) {
            c.push(Problem::BadDate {
                kind: "source",
                id: s.id.clone(),
                value: s.as_of.clone(),
            });
        }
    }
    for s in &model.sources {
        if s.title.trim().is_empty() || s.url.trim().is_empty() {
            c.push(Problem::Missing {
                owner: s.id.clone(),
                field: "title and url",
            });
        }
    }
    for f in &model.facts {
        if f.value.trim().is_empty() || f.detail.trim().is_empty() {
            c.push(Problem::Missing {
                owner: f.id.clone(),
                field: "value and detail",
            });
        }
        if !is_date(&f.as_of) {
            c.push(Problem::BadDate {
                kind: "fact",
                id: f.id.clone(),
                value: f.as_of.clone(),
            });
        }
        if model.source(&f.source).is_none() {
            c.push(unknown(&f.id, "source", &f.source));
        }
        for o in &f.options {
            c.option(&f.id, o);
        }
        if let Some(a) = &f.attribute {
            if model.attribute(a).is_none() {
                c.push(unknown(&f.id, "attribute", a));
            }
        }
        if let Some(newer) = &f.superseded_by {
            match model.fact(newer) {
                None => c.push(unknown(&f.id, "fact", newer)),
                Some(n) if n.superseded_by.is_some() => c.push(Problem::SupersededChain {
                    fact: f.id.clone(),
                    newer: newer.clone(),
                }),
                Some(_) => {}
            }
        }
    }
    for a in &model.attributes {
        if a.tables.is_empty() {
            c.push(Problem::NoTable {
                attribute: a.id.clone(),
            });
        }
        for q in &a.questions {
            if model.question(q).is_none() {
                c.push(unknown(&a.id, "question", q));
            }
        }
        for o in &model.options {
            let count = model
                .facts
                .iter()
                .filter(|f| {
                    f.superseded_by.is_none()
                        && f.attribute.as_deref() == Some(a.id.as_str())
                        && f.options.contains(&o.id)
                })
                .count();
            if count > 1 {
                c.push(Problem::TwoCurrentFacts {
                    attribute: a.id.clone(),
                    option: o.id.clone(),
                    count,
                });
            }
        }
    }
    let mut codes = HashSet::new();
    for q in &model.questions {
        if q.code == 0 || !codes.insert(q.code) {
            c.push(Problem::Code {
                question: q.id.clone(),
                choice: None,
            });
        }
        if model.groups.iter().all(|g| g.id != q.group) {
            c.push(unknown(&q.id, "group", &q.group));
        }
        if q.choices.is_empty() && q.number.is_none() {
            c.push(Problem::NoChoices {
                question: q.id.clone(),
            });
        }
        if q.choices.len() > 31 {
            c.push(Problem::TooMany {
                what: "answers per question",
                max: 31,
            });
        }
        if q.kind == QuestionKind::Multi && q.number.is_some() {
            c.push(Problem::Ranges {
                question: q.id.clone(),
                detail: "a question with several answers cannot take a figure".into(),
            });
        }
        c.unique("answer", q.choices.iter().map(|c| c.id.as_str()));
        let mut choice_codes = HashSet::new();
        for ch in &q.choices {
            if ch.code == 0 || ch.code > 31 || !choice_codes.insert(ch.code) {
                c.push(Problem::Code {
                    question: q.id.clone(),
                    choice: Some(ch.id.clone()),
                });
            }
        }
        for ch in &q.choices {
            c.finite(&q.id, "choices.value", ch.value);
            c.finite(&q.id, "choices.above", ch.above);
            c.finite(&q.id, "choices.up_to", ch.up_to);
        }
        check_ranges(&mut c, q);
        c.facts(&q.id, &q.facts, false);
    }
    for r in &model.rules {
        c.option(&r.id, &r.option);
        if r.when.all().is_empty() {
            c.push(Problem::ConditionShape {
                owner: r.id.clone(),
            });
        }
        for w in r.when.all() {
            c.condition(&r.id, w);
        }
        if r.exclude == (r.weight != 0) {
            c.push(Problem::RuleWeight { rule: r.id.clone() });
        }
        c.facts(&r.id, &r.facts, true);
    }
    for cf in &model.conflicts {
        // Two answers pull against each other: two conditions, or one on a measure that
        // compares two answers (a step longer than the run).
        let compares = |w: &crate::model::Condition| {
            w.measure
                .as_deref()
                .and_then(crate::engine::measures::Measure::parse)
                .is_some_and(|m| m.reads_several_answers())
        };
        if cf.when.len() < 2 && !cf.when.iter().any(compares) {
            c.push(Problem::TooFew {
                what: "conditions per conflict (or one on a measure of several answers, such as `step_beyond_run`)",
                min: 2,
            });
        }
        for w in &cf.when {
            c.condition(&cf.id, w);
        }
        c.facts(&cf.id, &cf.facts, false);
    }
    for l in &model.limits {
        c.option(&l.id, &l.option);
        if Measure::parse(&l.measure).is_none() {
            c.push(unknown(&l.id, "measure", &l.measure));
        }
        if !positive(l.value) {
            c.push(Problem::BadFigure {
                owner: l.id.clone(),
                field: "value",
            });
        }
        if l.published.is_some_and(|p| !positive(p)) {
            c.push(Problem::BadFigure {
                owner: l.id.clone(),
                field: "published",
            });
        }
        for rv in &l.regions {
            if !positive(rv.value) {
                c.push(Problem::BadFigure {
                    owner: l.id.clone(),
                    field: "regions.value",
                });
            }
            if let Some(rq) = model.question("region") {
                for code in &rv.regions {
                    if rq.choice(code).is_none() {
                        c.push(unknown(&l.id, "region", code));
                    }
                }
            }
        }
        if let Some(a) = &l.split {
            if model.architecture(a).is_none() {
                c.push(unknown(&l.id, "architecture", a));
            }
        }
        for w in &l.when {
            c.condition(&l.id, w);
        }
        c.facts(&l.id, &l.facts, true);
    }
    for a in &model.architectures {
        for w in &a.when {
            c.condition(&a.id, w);
        }
        for p in &a.parts {
            if let Some(o) = &p.option {
                c.option(&a.id, o);
            }
            for o in &p.choose_from {
                c.option(&a.id, o);
            }
        }
        for s in &a.show {
            let ok = match s.strip_prefix("cost:") {
                Some(o) => model.option(o).is_some(),
                None => Measure::parse(s).is_some(),
            };
            if !ok {
                c.push(unknown(&a.id, "measure", s));
            }
        }
        c.facts(&a.id, &a.facts, true);
    }
    for p in &model.prices {
        if !p.usd.is_finite() || p.usd < 0.0 || !positive(p.per) {
            c.push(Problem::BadFigure {
                owner: p.id.clone(),
                field: "usd",
            });
        }
        if p.free_per_month
            .is_some_and(|f| !(f.is_finite() && f >= 0.0))
        {
            c.push(Problem::BadFigure {
                owner: p.id.clone(),
                field: "free_per_month",
            });
        }
        let mut last = 0.0;
        for t in &p.tiers {
            if !positive(t.from) || t.from <= last || !(t.usd.is_finite() && t.usd >= 0.0) {
                c.push(Problem::BadFigure {
                    owner: p.id.clone(),
                    field: "tiers",
                });
            }
            last = t.from;
        }
        c.facts(&p.id, &p.facts, true);
    }
    for o in &model.options {
        let Some(kind) = o.cost_model else { continue };
        let needed: &[&'static str] = match kind {
            CostModel::StateTransitions => &["sfn-standard-transition"],
            CostModel::ExpressDuration => &["sfn-express-request", "sfn-express-gb-second"],
            CostModel::DurableOperations => &[
                "durable-operation",
                "durable-data-written",
                "durable-data-retained",
            ],
            CostModel::EventDelivery => &["eventbridge-event"],
        };
        for price in needed.iter().chain(&["lambda-request", "lambda-gb-second"]) {
            if model.price(price).is_none() {
                c.push(Problem::MissingPrice {
                    option: o.id.clone(),
                    price,
                });
            }
        }
    }
    for (field, v) in [
        ("unpublished_factor", model.scoring.unpublished_factor),
        ("near_share", model.scoring.near_share),
    ] {
        if !positive(v) {
            c.push(Problem::BadFigure {
                owner: "scoring".into(),
                field,
            });
        }
    }
    if !(model.scoring.cost_floor_usd.is_finite() && model.scoring.cost_floor_usd >= 0.0) {
        c.push(Problem::BadFigure {
            owner: "scoring".into(),
            field: "cost_floor_usd",
        });
    }
    if !positive(model.workload.history_events_per_transition) {
        c.push(Problem::BadFigure {
            owner: "workload".into(),
            field: "history_events_per_transition",
        });
    }
    c.facts("workload", &model.workload.facts, false);
    c.problems
}

fn check_ranges(c: &mut Check<'_>, q: &crate::model::Question) {
    let ranged: Vec<&crate::model::Choice> = q
        .choices
        .iter()
        .filter(|ch| ch.above.is_some() || ch.up_to.is_some())
        .collect();
    if let Some(spec) = &q.number {
        if !(spec.min.is_finite() && spec.max.is_finite() && spec.min < spec.max) {
            c.push(Problem::Ranges {
                question: q.id.clone(),
                detail: "`number.min` must be below `number.max`".into(),
            });
        }
        if !q.choices.is_empty() && ranged.len() != q.choices.len() {
            c.push(Problem::Ranges {
                question: q.id.clone(),
                detail: "every answer of a figure question needs a range (`above` and/or `up_to`)"
                    .into(),
            });
            return;
        }
    }
    // Ranges, in order, must meet end to end.
    for pair in ranged.windows(2) {
        if pair[0].up_to != pair[1].above || pair[0].up_to.is_none() {
            c.push(Problem::Ranges {
                question: q.id.clone(),
                detail: format!(
                    "answer “{}” must start (`above`) where “{}” ends (`up_to`)",
                    pair[1].id, pair[0].id
                ),
            });
        }
    }
}
