//! What a month of each option costs at the team's numbers, from list prices in the model.
//!
//! The formulas live here; the prices (with their source, Region and date) live in the model
//! file as `[[price]]` entries with fixed ids. Every option is priced as orchestration plus the
//! Lambda work it runs:
//!
//! - Step Functions Standard: state transitions (retries are transitions too), plus one Lambda
//!   invocation per state for the steps.
//! - Step Functions Express: one request per run plus GB-seconds of the whole run, rounded up
//!   to 100 ms and to 64 MB of workflow memory (50 MB plus the data each item carries), with
//!   the duration tiers; plus one Lambda invocation per state.
//! - Lambda durable functions: durable operations (the start, every step, the map and a child
//!   context per item), data written and retained, plus Lambda requests (the first invocation
//!   and one resume after a wait) and the steps' GB-seconds; nothing while waiting.
//! - EventBridge + Lambda: one event per step of every item in 64 KB chunks, delivered to each
//!   consumer, each a Lambda invocation.
//!
//! Figures the team does not give are taken from a labelled typical workload and listed in
//! the evaluation's `cost_assumptions`, never silently.

use super::measures::{Measure, Measures};
use crate::answers::Answers;
use crate::index::{Index, MAX_OPTIONS};
use crate::model::{CostModel, Model, Price, PriceTier, SourceKind};
use crate::number;
use serde::Serialize;

/// The typical workload used for any figure the team leaves out.
pub mod typical {
    pub const RUNS_PER_MONTH: f64 = 1_000_000.0;
    pub const STEPS: f64 = 5.0;
    pub const DURATION_S: f64 = 2.0;
    pub const MEMORY_MB: f64 = 128.0;
    pub const STEP_MS: f64 = 100.0;
    pub const CONSUMERS: f64 = 2.0;
    pub const PAYLOAD_KB: f64 = 1.0;
    /// Durable execution history is kept 14 days after a run by default.
    pub const RETENTION_DAYS: f64 = 14.0;
}

/// The volumes the cost chart spans, in runs per month.
pub const CHART_MIN_RUNS: f64 = 1e3;
pub const CHART_MAX_RUNS: f64 = 1e10;

/// One option's monthly cost.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cost<'m> {
    /// USD a month at the team's volume, the free tier taken off when the answers count it.
    pub monthly_usd: f64,
    /// USD per million runs at list price, before any free tier.
    pub per_million_runs_usd: f64,
    pub runs_per_month: f64,
    pub breakdown: Vec<CostLine>,
    /// The price facts used.
    pub facts: &'m [String],
    /// Whether any price used was read only on a third-party page.
    pub third_party: bool,
}

impl Cost<'_> {
    /// The words after the monthly figure (see [`month_words`]).
    pub fn month_words(&self) -> String {
        month_words(
            self.monthly_usd,
            self.runs_per_month,
            self.per_million_runs_usd,
        )
    }
}

/// The words that follow a monthly cost of `monthly_usd` (USD): the volume it is priced at
/// (runs a month, given or typical) and the list price per million runs, unless that reads the
/// same as the monthly figure (a million runs a month with no free tier counted), as in
/// " a month at 3,000 runs, $229.60 per million runs" or " a month at 1 million runs".
pub fn month_words(monthly_usd: f64, runs_per_month: f64, per_million_usd: f64) -> String {
    let per_million = number::usd(per_million_usd);
    let mut out = format!(" a month at {} runs", number::human(runs_per_month));
    if per_million != number::usd(monthly_usd) {
        out.push_str(", ");
        out.push_str(&per_million);
        out.push_str(" per million runs");
    }
    out
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostLine {
    pub item: &'static str,
    pub usd: f64,
}

/// Above `above_runs_per_month`, `cheaper` costs less than `than`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Crossover<'m> {
    pub cheaper: &'m str,
    pub than: &'m str,
    pub above_runs_per_month: f64,
}

/// The workload figures the formulas need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Inputs {
    pub runs: f64,
    pub steps: f64,
    pub items: f64,
    pub duration_s: f64,
    pub memory_mb: f64,
    pub step_ms: f64,
    pub consumers: f64,
    pub payload_kb: f64,
    pub free_tier: bool,
    pub waits: bool,
    /// Which figures came from the typical workload (bits of [`Assumed`]).
    pub assumed: u8,
}

/// One of the [`Inputs`] a formula reads, as a bit of [`reads`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub(crate) enum Input {
    Runs = 1,
    Steps = 2,
    Items = 4,
    Duration = 8,
    Memory = 16,
    StepMs = 32,
    Consumers = 64,
    Payload = 128,
    FreeTier = 256,
    Waits = 512,
}

impl Input {
    pub const ALL: [Input; 10] = [
        Input::Runs,
        Input::Steps,
        Input::Items,
        Input::Duration,
        Input::Memory,
        Input::StepMs,
        Input::Consumers,
        Input::Payload,
        Input::FreeTier,
        Input::Waits,
    ];
}

/// The inputs a cost model's formula (see [`lines`]) reads, as bits of [`Input`]: a change to
/// any other input leaves its cost as it was, so re-scoring need not price it again. Kept
/// next to the formulas; a test checks that the others really leave the lines unchanged.
pub(crate) fn reads(kind: CostModel) -> u16 {
    use Input::*;
    // Every formula charges the steps' Lambda work at the volume, free tier aside.
    let lambda = Runs as u16 | Steps as u16 | Memory as u16 | StepMs as u16 | FreeTier as u16;
    lambda
        | match kind {
            CostModel::StateTransitions => Items as u16,
            CostModel::ExpressDuration => Items as u16 | Duration as u16 | Payload as u16,
            CostModel::DurableOperations => {
                Items as u16 | Duration as u16 | Payload as u16 | Waits as u16
            }
            CostModel::EventDelivery => Items as u16 | Payload as u16 | Consumers as u16,
        }
}

/// Figures that can come from the typical workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Assumed {
    Runs = 1,
    Steps = 2,
    Duration = 4,
    Memory = 8,
    StepMs = 16,
    Consumers = 32,
}

/// Reads the inputs, taking the typical workload for what the answers leave out.
pub(crate) fn inputs(index: &Index, answers: &Answers, measures: &Measures) -> Inputs {
    let mut assumed = 0u8;
    let lo = |m: Measure| measures.get(m).map(|q| q.lo).filter(|v| *v > 0.0);
    let figure = |q: Option<usize>| q.and_then(|qi| answers.number(qi));
    let mut or = |v: Option<f64>, typical: f64, what: Assumed| {
        v.unwrap_or_else(|| {
            assumed |= what as u8;
            typical
        })
    };
    let runs = or(
        lo(Measure::RunsPerMonth),
        typical::RUNS_PER_MONTH,
        Assumed::Runs,
    );
    let steps = or(lo(Measure::Steps), typical::STEPS, Assumed::Steps);
    let duration_s = or(
        lo(Measure::Duration),
        typical::DURATION_S,
        Assumed::Duration,
    );
    let memory_mb = or(
        figure(index.special.memory_mb),
        typical::MEMORY_MB,
        Assumed::Memory,
    );
    let step_ms = or(
        figure(index.special.step_ms),
        typical::STEP_MS,
        Assumed::StepMs,
    );
    let consumers = or(
        figure(index.special.consumers),
        typical::CONSUMERS,
        Assumed::Consumers,
    );
    // Read by choice id once per model (see `Index::build`).
    let flag = |q: Option<usize>, flags: &[bool]| -> bool {
        q.and_then(|qi| answers.slot(qi).first())
            .and_then(|c| flags.get(c).copied())
            .unwrap_or(false)
    };
    Inputs {
        runs,
        steps,
        items: lo(Measure::Fanout).map_or(1.0, |f| f.max(1.0)),
        duration_s,
        memory_mb,
        step_ms,
        consumers,
        payload_kb: lo(Measure::Payload).unwrap_or(typical::PAYLOAD_KB),
        free_tier: flag(index.special.free_tier, &index.free_tier_choices),
        waits: flag(index.special.waits, &index.waits_choices),
        assumed,
    }
}

/// The assumptions behind a cost, in words; empty when the answers give every figure.
/// `peak_rate` (starts per second, the `rate` measure) is compared with the typical volume
/// when that is assumed: a peak ten times its average or more says the costs are likely low.
pub(crate) fn assumptions(inp: &Inputs, peak_rate: Option<f64>) -> Vec<String> {
    let mut out = Vec::new();
    let has = |a: Assumed| inp.assumed & a as u8 != 0;
    if has(Assumed::Runs) {
        let mut runs = format!(
            "Runs per month: {} (typical; give the runs per month, or the peak rate and how busy an average hour is)",
            number::human(typical::RUNS_PER_MONTH)
        );
        let average = typical::RUNS_PER_MONTH / super::measures::SECONDS_PER_MONTH;
        if let Some(peak) = peak_rate.filter(|p| *p >= 10.0 * average) {
            runs.push_str(&format!(
                ". That averages {} starts a second, far below the peak of {} a second given, so the costs shown are likely too low",
                number::human(average),
                number::human(peak)
            ));
        }
        out.push(runs);
    }
    if has(Assumed::Steps) {
        out.push(format!("Steps per item: {} (typical)", typical::STEPS));
    }
    if has(Assumed::Duration) {
        out.push(format!(
            "Run duration: {} (typical)",
            number::human_duration(typical::DURATION_S)
        ));
    }
    if has(Assumed::Memory) {
        out.push(format!(
            "Lambda memory: {} MB (typical)",
            typical::MEMORY_MB
        ));
    }
    if has(Assumed::StepMs) {
        out.push(format!(
            "Active time per step: {} ms (typical)",
            typical::STEP_MS
        ));
    }
    if has(Assumed::Consumers) {
        out.push(format!(
            "Consumers per event: {} (typical)",
            typical::CONSUMERS
        ));
    }
    out
}

/// Charges `units` a month at a price, with its free tier (when included) and tiers.
pub fn charge(price: &Price, units: f64, free_tier: bool) -> f64 {
    let free = if free_tier {
        price.free_per_month.unwrap_or(0.0)
    } else {
        0.0
    };
    let billable = (units - free).max(0.0);
    let rate = |usd: f64| usd / price.per;
    if price.tiers.is_empty() {
        return billable * rate(price.usd);
    }
    // Tiers count from the first unit used, free units included.
    let mut total = 0.0;
    let mut start: f64 = 0.0;
    let mut usd = price.usd;
    let last = PriceTier {
        from: f64::INFINITY,
        usd: 0.0,
    };
    for tier in price.tiers.iter().chain(std::iter::once(&last)) {
        let lo = start.max(free);
        let hi = tier.from.min(units);
        if hi > lo {
            total += (hi - lo) * rate(usd);
        }
        start = tier.from;
        usd = tier.usd;
        if start >= units {
            break;
        }
    }
    total
}

/// The price ids the formulas use, and their index in the model once resolved.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PriceSlots {
    pub std_transition: Option<usize>,
    pub exp_request: Option<usize>,
    pub exp_gb_second: Option<usize>,
    pub lambda_request: Option<usize>,
    pub lambda_gb_second: Option<usize>,
    pub df_operation: Option<usize>,
    pub df_written: Option<usize>,
    pub df_retained: Option<usize>,
    pub eb_event: Option<usize>,
}

impl PriceSlots {
    pub fn resolve(model: &Model) -> PriceSlots {
        let p = |id: &str| model.prices.iter().position(|p| p.id == id);
        PriceSlots {
            std_transition: p("sfn-standard-transition"),
            exp_request: p("sfn-express-request"),
            exp_gb_second: p("sfn-express-gb-second"),
            lambda_request: p("lambda-request"),
            lambda_gb_second: p("lambda-gb-second"),
            df_operation: p("durable-operation"),
            df_written: p("durable-data-written"),
            df_retained: p("durable-data-retained"),
            eb_event: p("eventbridge-event"),
        }
    }
}

/// Up to five monthly lines (label, US dollars, price index), without allocating.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Lines {
    items: [(&'static str, f64, usize); 5],
    len: usize,
}

impl Lines {
    fn new() -> Self {
        Lines {
            items: [("", 0.0, 0); 5],
            len: 0,
        }
    }
    fn push(&mut self, label: &'static str, usd: f64, price: usize) {
        self.items[self.len] = (label, usd, price);
        self.len += 1;
    }
    fn as_slice(&self) -> &[(&'static str, f64, usize)] {
        &self.items[..self.len]
    }
    /// The monthly total: the lines summed in order.
    pub(crate) fn total(&self) -> f64 {
        self.as_slice().iter().map(|l| l.1).sum()
    }
}

/// Monthly lines for one option; `None` when a price it needs is missing.
#[inline(always)]
fn lines(
    model: &Model,
    ps: &PriceSlots,
    kind: CostModel,
    inp: &Inputs,
    runs: f64,
) -> Option<Lines> {
    let price = |slot: Option<usize>| -> Option<(usize, &Price)> {
        let i = slot?;
        Some((i, &model.prices[i]))
    };
    let transitions = inp.steps * inp.items;
    let gb = inp.memory_mb / 1024.0;
    let step_gb_s = transitions * inp.step_ms / 1000.0 * gb;
    let (lr, lambda_req) = price(ps.lambda_request)?;
    let (lg, lambda_gbs) = price(ps.lambda_gb_second)?;
    let free = inp.free_tier;
    let mut v = Lines::new();
    // The steps' own Lambda work: invocations and GB-seconds.
    let lambda = |v: &mut Lines, invocations_per_run: f64, gb_s_per_run: f64| {
        v.push(
            "Lambda requests",
            charge(lambda_req, invocations_per_run * runs, free),
            lr,
        );
        v.push(
            "Lambda compute (GB-seconds)",
            charge(lambda_gbs, gb_s_per_run * runs, free),
            lg,
        );
    };
    match kind {
        CostModel::StateTransitions => {
            let (i, p) = price(ps.std_transition)?;
            v.push("State transitions", charge(p, transitions * runs, free), i);
            lambda(&mut v, transitions, step_gb_s);
        }
        CostModel::ExpressDuration => {
            let (ri, req) = price(ps.exp_request)?;
            let (di, dur) = price(ps.exp_gb_second)?;
            // Billed in 100 ms steps and 64 MB chunks of 50 MB plus the data each item carries.
            let billed_s = (inp.duration_s * 10.0).ceil() / 10.0;
            let memory_mb = 50.0 + inp.payload_kb / 1024.0 * inp.items;
            let billed_gb = (memory_mb / 64.0).ceil() * 64.0 / 1024.0;
            v.push("Express requests", charge(req, runs, free), ri);
            v.push(
                "Express duration (GB-seconds)",
                charge(dur, billed_s * billed_gb * runs, free),
                di,
            );
            lambda(&mut v, transitions, step_gb_s);
        }
        CostModel::DurableOperations => {
            let (oi, ops) = price(ps.df_operation)?;
            let (wi, written) = price(ps.df_written)?;
            let (ti, retained) = price(ps.df_retained)?;
            let fans_out = inp.items > 1.0;
            // The start, every step, and for a fan-out the map and one child context per item.
            let operations = 1.0 + transitions + if fans_out { 1.0 + inp.items } else { 0.0 };
            let gb_written = operations * inp.payload_kb / (1024.0 * 1024.0);
            let months_kept =
                (inp.duration_s / 86_400.0 + typical::RETENTION_DAYS) / (365.25 / 12.0);
            let invocations = 1.0 + if inp.waits { 1.0 } else { 0.0 };
            v.push(
                "Durable operations",
                charge(ops, operations * runs, free),
                oi,
            );
            v.push(
                "Durable data written",
                charge(written, gb_written * runs, free),
                wi,
            );
            v.push(
                "Durable data retained",
                charge(retained, gb_written * months_kept * runs, free),
                ti,
            );
            lambda(&mut v, invocations, step_gb_s);
        }
        CostModel::EventDelivery => {
            let (ei, ev) = price(ps.eb_event)?;
            let chunks = (inp.payload_kb / 64.0).ceil().max(1.0);
            // One event per step of every item (as many as a state machine's transitions), each
            // delivered to every consumer.
            let events = transitions.max(1.0);
            let invocations = events * inp.consumers;
            v.push(
                "Events published (64 KB chunks)",
                charge(ev, events * chunks * runs, free),
                ei,
            );
            lambda(&mut v, invocations, invocations * inp.step_ms / 1000.0 * gb);
        }
    }
    Some(v)
}

/// The monthly total for an option at a volume (runs per month).
pub(crate) fn total(
    model: &Model,
    index: &Index,
    kind: CostModel,
    inp: &Inputs,
    runs: f64,
) -> Option<f64> {
    Some(lines(model, &index.prices, kind, inp, runs)?.total())
}

/// Each option's monthly lines at the inputs' volume, in model order; `None` where an
/// option has no cost model or a price it needs is missing. Priced once per evaluation: the
/// tally, the ranking and an architecture's figures all read these.
pub(crate) fn price_options(model: &Model, index: &Index, inp: &Inputs) -> Vec<Option<Lines>> {
    model
        .options
        .iter()
        .map(|o| lines(model, &index.prices, o.cost_model?, inp, inp.runs))
        .collect()
}

/// Each option's monthly total from [`price_options`]' lines; NaN where it cannot be priced.
pub(crate) fn totals(priced: &[Option<Lines>]) -> [f64; MAX_OPTIONS] {
    let mut costs = [f64::NAN; MAX_OPTIONS];
    for (c, l) in costs.iter_mut().zip(priced) {
        *c = l.as_ref().map_or(f64::NAN, Lines::total);
    }
    costs
}

/// Each option's cost, in model order, from [`price_options`]' lines. The price per million
/// runs is at list price: with the free tier counted, a small volume's monthly total is near
/// nothing, and dividing it by the runs would say a million runs cost nothing too, so that
/// figure is priced again without the free tier.
pub(crate) fn for_options<'m>(
    model: &Model,
    index: &'m Index,
    inp: &Inputs,
    priced: &[Option<Lines>],
) -> Vec<Option<Cost<'m>>> {
    let list = Inputs {
        free_tier: false,
        ..*inp
    };
    priced
        .iter()
        .enumerate()
        .map(|(i, lines)| {
            let lines = lines.as_ref()?;
            let monthly = lines.total();
            let (facts, third_party) = &index.cost_facts[i];
            let at_list = if inp.free_tier {
                model.options[i]
                    .cost_model
                    .and_then(|kind| total(model, index, kind, &list, inp.runs))
                    .unwrap_or(monthly)
            } else {
                monthly
            };
            Some(Cost {
                monthly_usd: monthly,
                per_million_runs_usd: if inp.runs > 0.0 {
                    at_list / inp.runs * 1e6
                } else {
                    0.0
                },
                runs_per_month: inp.runs,
                breakdown: lines
                    .as_slice()
                    .iter()
                    .map(|&(item, usd, _)| CostLine { item, usd })
                    .collect(),
                facts,
                third_party: *third_party,
            })
        })
        .collect()
}

/// Per option: the facts behind the prices its cost model uses, and whether any was read
/// only on a third-party page. Computed once per model.
pub(crate) fn option_facts(model: &Model, slots: &PriceSlots) -> Vec<(Vec<String>, bool)> {
    let inp = Inputs {
        runs: 1.0,
        steps: 1.0,
        items: 1.0,
        duration_s: 1.0,
        memory_mb: 128.0,
        step_ms: 1.0,
        consumers: 1.0,
        payload_kb: 1.0,
        free_tier: false,
        waits: true,
        assumed: 0,
    };
    model
        .options
        .iter()
        .map(|o| {
            let mut facts: Vec<String> = Vec::new();
            let mut third_party = false;
            let used = o.cost_model.and_then(|k| lines(model, slots, k, &inp, 1.0));
            for &(_, _, pi) in used.as_ref().map_or(&[][..], |l| l.as_slice()) {
                for f in &model.prices[pi].facts {
                    if !facts.contains(f) {
                        facts.push(f.clone());
                    }
                    // Called while the index is built, so no indexed look-ups here.
                    let kind = model
                        .facts
                        .iter()
                        .find(|x| &x.id == f)
                        .and_then(|x| model.sources.iter().find(|s| s.id == x.source))
                        .map(|s| s.kind);
                    third_party |= kind == Some(SourceKind::ThirdParty);
                }
            }
            (facts, third_party)
        })
        .collect()
}

/// The runs per month the answers give (a figure, or the peak rate with how busy an average
/// hour is); `None` when the cost would assume the typical volume. The cost chart marks it.
pub fn team_runs(model: &Model, answers: &Answers) -> Option<f64> {
    let index = model.index();
    let inp = inputs(index, answers, &Measures::compute(index, answers));
    (inp.assumed & Assumed::Runs as u8 == 0).then_some(inp.runs)
}

/// One line per option on a log grid of volumes: (option index, [(runs per month, monthly cost)]).
pub fn series(model: &Model, answers: &Answers, points: usize) -> Vec<(usize, Vec<(f64, f64)>)> {
    let index = model.index();
    let measures = Measures::compute(index, answers);
    let inp = inputs(index, answers, &measures);
    let (lo, hi) = (CHART_MIN_RUNS.log10(), CHART_MAX_RUNS.log10());
    let points = points.max(2);
    model
        .options
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            let kind = o.cost_model?;
            let line: Option<Vec<(f64, f64)>> = (0..points)
                .map(|k| {
                    let runs = 10f64.powf(lo + (hi - lo) * k as f64 / (points - 1) as f64);
                    Some((runs, total(model, index, kind, &inp, runs)?))
                })
                .collect();
            Some((i, line?))
        })
        .collect()
}

/// Where one option's line crosses another's between the chart's ends, found by scanning a
/// fine log grid and bisecting each sign change. Computed on demand (the API and the chart),
/// not in every evaluation.
pub fn crossovers<'m>(model: &'m Model, answers: &Answers) -> Vec<Crossover<'m>> {
    let index = model.index();
    let measures = Measures::compute(index, answers);
    let inp = inputs(index, answers, &measures);
    let priced: Vec<(usize, CostModel)> = model
        .options
        .iter()
        .enumerate()
        .filter_map(|(i, o)| Some((i, o.cost_model?)))
        .take(MAX_OPTIONS)
        .collect();
    let cost =
        |kind: CostModel, runs: f64| total(model, index, kind, &inp, runs).unwrap_or(f64::NAN);
    let mut out = Vec::new();
    const STEPS: usize = 70;
    let (lo, hi) = (CHART_MIN_RUNS.log10(), CHART_MAX_RUNS.log10());
    let at = |k: usize| 10f64.powf(lo + (hi - lo) * k as f64 / STEPS as f64);
    for (ai, &(a, ka)) in priced.iter().enumerate() {
        for &(b, kb) in &priced[ai + 1..] {
            let diff = |runs: f64| cost(ka, runs) - cost(kb, runs);
            let mut prev = diff(at(0));
            for k in 1..=STEPS {
                let d = diff(at(k));
                if prev.is_nan() || d.is_nan() {
                    prev = d;
                    continue;
                }
                if (prev < 0.0) != (d < 0.0) && prev != 0.0 {
                    // Bisect in log space.
                    let (mut x0, mut x1) = (at(k - 1).log10(), at(k).log10());
                    for _ in 0..50 {
                        let mid = 0.5 * (x0 + x1);
                        if (diff(10f64.powf(mid)) < 0.0) == (prev < 0.0) {
                            x0 = mid;
                        } else {
                            x1 = mid;
                        }
                    }
                    // Above the crossing, whichever is lower at the next grid point is cheaper.
                    let (cheaper, than) = if d < 0.0 { (a, b) } else { (b, a) };
                    out.push(Crossover {
                        cheaper: &model.options[cheaper].id,
                        than: &model.options[than].id,
                        above_runs_per_month: 10f64.powf(x1),
                    });
                }
                prev = d;
            }
        }
    }
    out.sort_by(|x, y| x.above_runs_per_month.total_cmp(&y.above_runs_per_month));
    out
}

/// Prices again the options `which` picks (see [`totals`]), leaving the others as they are
/// in `costs`.
pub(crate) fn reprice(
    model: &Model,
    index: &Index,
    answers: &Answers,
    measures: &Measures,
    costs: &mut [f64; MAX_OPTIONS],
    which: impl Fn(usize) -> bool,
) {
    let mut inp = None;
    for (i, o) in model.options.iter().enumerate().take(MAX_OPTIONS) {
        if !which(i) {
            continue;
        }
        let inp = inp.get_or_insert_with(|| inputs(index, answers, measures));
        costs[i] = match o.cost_model {
            Some(kind) => total(model, index, kind, inp, inp.runs).unwrap_or(f64::NAN),
            None => f64::NAN,
        };
    }
}

/// Score effects of cost when the team weighs it: the cheapest open option gains, and so does
/// any within `floor` (USD a month) of it; the others lose per tenfold difference (see
/// [`effect`]). Zero when cost is not weighed or cannot be priced.
pub(crate) fn effects_from(
    weight: Option<i32>,
    floor: f64,
    costs: &[f64; MAX_OPTIONS],
    excluded: &[u8; MAX_OPTIONS],
) -> [i32; MAX_OPTIONS] {
    effects_reusing(weight, floor, costs, excluded, None, MAX_OPTIONS)
}

/// Effects already worked out at one weight: the costs and exclusions they came from, and the
/// effects themselves.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Known<'a> {
    pub costs: &'a [f64; MAX_OPTIONS],
    pub excluded: &'a [u8; MAX_OPTIONS],
    pub effects: &'a [i32; MAX_OPTIONS],
}

/// [`effects_from`], taking an option's effect from `known` (worked out at the same weight)
/// where its cost and the cheapest open cost are exactly as they were: an effect depends on
/// nothing else, so only the options whose figures moved need their logarithm again. Options
/// from `n` on are taken to be unpriced (their costs must be NaN in both).
pub(crate) fn effects_reusing(
    weight: Option<i32>,
    floor: f64,
    costs: &[f64; MAX_OPTIONS],
    excluded: &[u8; MAX_OPTIONS],
    known: Option<Known>,
    n: usize,
) -> [i32; MAX_OPTIONS] {
    let n = n.min(MAX_OPTIONS);
    let mut out = [0i32; MAX_OPTIONS];
    let Some(per_decade) = weight else {
        return out;
    };
    let cheapest = cheapest_open(costs, excluded, n);
    if !cheapest.is_finite() {
        return out;
    }
    let known =
        known.filter(|k| cheapest_open(k.costs, k.excluded, n).to_bits() == cheapest.to_bits());
    for i in (0..n).filter(|&i| is_open(costs, excluded, i)) {
        out[i] = match known {
            Some(k)
                if is_open(k.costs, k.excluded, i)
                    && k.costs[i].to_bits() == costs[i].to_bits() =>
            {
                k.effects[i]
            }
            _ => effect(per_decade, floor, costs[i], cheapest),
        };
    }
    out
}

/// The cost (USD a month) of the cheapest open option with a price among the first `n`;
/// infinite when there is none.
pub(crate) fn cheapest_open(
    costs: &[f64; MAX_OPTIONS],
    excluded: &[u8; MAX_OPTIONS],
    n: usize,
) -> f64 {
    (0..n.min(MAX_OPTIONS))
        .filter(|&i| is_open(costs, excluded, i))
        .map(|i| costs[i])
        .fold(f64::INFINITY, f64::min)
}

/// Whether option `i` is still in the running and has a price: the options cost weighs.
fn is_open(costs: &[f64; MAX_OPTIONS], excluded: &[u8; MAX_OPTIONS], i: usize) -> bool {
    excluded[i] == 0 && costs[i].is_finite()
}

/// The weight for an option costing `c` (USD a month) when the cheapest costs `cheapest`: the
/// cheapest's gain within `floor` of it, and beyond that the weight lost per tenfold of `c`
/// over `cheapest + floor` (at most three tenfolds), which starts from nothing at the floor.
pub(crate) fn effect(per_decade: i32, floor: f64, c: f64, cheapest: f64) -> i32 {
    if level_on_cost(floor, c, cheapest) {
        return per_decade / 2;
    }
    let base = cheapest + floor;
    let ratio = if base > 0.0 { c / base } else { 1e3 };
    let decades = ratio.log10().min(3.0);
    -((f64::from(per_decade) * decades).round() as i32)
}

/// Whether an option costing `c` is the cheapest itself (within rounding).
pub(crate) fn is_cheapest(c: f64, cheapest: f64) -> bool {
    c <= cheapest * 1.000_001
}

/// Whether an option costing `c` counts as level with the cheapest: the cheapest itself, or
/// within `floor` (USD a month) of it.
fn level_on_cost(floor: f64, c: f64, cheapest: f64) -> bool {
    is_cheapest(c, cheapest) || c - cheapest <= floor
}

/// The least and the most score effect cost can have at a weight (0 when not weighed).
pub(crate) fn effect_range(weight: Option<i32>) -> (i32, i32) {
    let Some(w) = weight else { return (0, 0) };
    // The cheapest gains w/2; the others lose up to three decades' worth, rounded.
    let (half, most_lost) = (w / 2, w.saturating_mul(3).saturating_neg());
    (half.min(most_lost).min(0), half.max(most_lost).max(0))
}

/// Raw weight per tenfold cost difference for a choice of the `cost` question; `None` when
/// cost is ignored. Read once per model into the index.
pub(crate) fn choice_weight(model: &Model, choice: &str) -> Option<i32> {
    match choice {
        "decisive" => Some(model.scoring.cost_decisive),
        "matters" => Some(model.scoring.cost_matters),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn price(usd: f64, per: f64, free: Option<f64>, tiers: Vec<PriceTier>) -> Price {
        Price {
            id: "p".into(),
            label: "p".into(),
            usd,
            per,
            free_per_month: free,
            tiers,
            region: "us-east-1".into(),
            facts: vec![],
        }
    }

    #[test]
    fn charges_free_tier_and_tiers() {
        let p = price(1.0, 1_000.0, Some(4_000.0), vec![]);
        assert_eq!(charge(&p, 10_000.0, false), 10.0);
        assert_eq!(charge(&p, 10_000.0, true), 6.0);
        assert_eq!(charge(&p, 1_000.0, true), 0.0);
        let t = price(
            2.0,
            1.0,
            None,
            vec![
                PriceTier {
                    from: 10.0,
                    usd: 1.0,
                },
                PriceTier {
                    from: 20.0,
                    usd: 0.5,
                },
            ],
        );
        assert_eq!(charge(&t, 5.0, false), 10.0);
        assert_eq!(charge(&t, 15.0, false), 20.0 + 5.0);
        assert_eq!(charge(&t, 30.0, false), 20.0 + 10.0 + 5.0);
    }

    #[test]
    fn cost_effect_favours_the_cheapest() {
        assert_eq!(effect(20, 0.0, 10.0, 10.0), 10);
        assert_eq!(effect(20, 0.0, 100.0, 10.0), -20);
        assert_eq!(effect(20, 0.0, 1e9, 1.0), -60, "capped at three decades");
    }

    #[test]
    fn a_difference_within_the_floor_is_level_and_beyond_it_counts_from_the_floor() {
        // $2.76 against $0.24 a month: eleven times, but $2.52.
        assert_eq!(effect(8, 50.0, 2.76, 0.24), 4);
        assert_eq!(effect(8, 0.0, 2.76, 0.24), -8);
        // Just beyond the floor nothing is lost yet; a tenfold of cheapest + floor loses the
        // weight once.
        assert_eq!(effect(8, 50.0, 50.3, 0.24), 0);
        assert_eq!(effect(8, 50.0, 502.4, 0.24), -8);
        // Large bills compare almost as ratios.
        assert_eq!(effect(8, 50.0, 100_000.0, 10_000.0), -8);
    }
}

/// Reusing known effects gives exactly what working every effect out again gives.
#[cfg(test)]
mod reuse {
    use super::*;
    use proptest::prelude::*;

    /// The built-in model's floor, so that level options happen.
    const FLOOR: f64 = 50.0;

    /// Costs drawn from a few values (so equal costs and cheapest ties happen), some NaN.
    fn costs() -> impl Strategy<Value = [f64; MAX_OPTIONS]> {
        prop::array::uniform16(prop_oneof![
            Just(f64::NAN),
            Just(0.0),
            Just(1.5),
            Just(2.0),
            Just(40.0),
            0.0f64..1e5,
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn reused_effects_match_effects_worked_out_again(
            weight in prop_oneof![Just(None), (1i32..60).prop_map(Some)],
            before in costs(),
            excluded_before in prop::array::uniform16(0u8..2),
            after in costs(),
            excluded_after in prop::array::uniform16(0u8..2),
            keep in prop::array::uniform16(any::<bool>()),
        ) {
            // Some options keep their cost, some their exclusion.
            let mut after = after;
            let mut excluded_after = excluded_after;
            for i in 0..MAX_OPTIONS {
                if keep[i] {
                    after[i] = before[i];
                    excluded_after[i] = excluded_before[i];
                }
            }
            let effects = effects_from(weight, FLOOR, &before, &excluded_before);
            let known = Known { costs: &before, excluded: &excluded_before, effects: &effects };
            prop_assert_eq!(
                effects_reusing(weight, FLOOR, &after, &excluded_after, Some(known), MAX_OPTIONS),
                effects_from(weight, FLOOR, &after, &excluded_after)
            );
        }
    }
}

/// The inputs each formula is declared to read are all it reads: changing any other input
/// leaves every line exactly as it was (re-scoring relies on this to skip pricing).
#[cfg(all(test, feature = "toml"))]
mod reads {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static MODEL: LazyLock<Model> = LazyLock::new(crate::load::builtin);

    fn set(inp: &mut Inputs, input: Input, v: f64, flag: bool) {
        match input {
            Input::Runs => inp.runs = v * 1e6,
            Input::Steps => inp.steps = v * 30.0,
            Input::Items => inp.items = (v * 1e3).max(1.0),
            Input::Duration => inp.duration_s = v * 1e6,
            Input::Memory => inp.memory_mb = 128.0 + v * 10_000.0,
            Input::StepMs => inp.step_ms = v * 1e5,
            Input::Consumers => inp.consumers = v * 10.0,
            Input::Payload => inp.payload_kb = v * 1e3,
            Input::FreeTier => inp.free_tier = flag,
            Input::Waits => inp.waits = flag,
        }
    }

    fn bits(l: Option<Lines>) -> Vec<(&'static str, u64, usize)> {
        l.map_or(Vec::new(), |l| {
            l.as_slice()
                .iter()
                .map(|&(item, usd, p)| (item, usd.to_bits(), p))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn a_formula_reads_only_the_inputs_it_declares(
            start in prop::collection::vec((0.0f64..1.0, any::<bool>()), Input::ALL.len()),
            other in prop::collection::vec((0.0f64..1.0, any::<bool>()), Input::ALL.len()),
        ) {
            let m = &*MODEL;
            let index = m.index();
            let mut inp = inputs(index, &crate::Answers::empty(m), &Measures::default());
            for (&input, &(v, flag)) in Input::ALL.iter().zip(&start) {
                set(&mut inp, input, v, flag);
            }
            for kind in [
                CostModel::StateTransitions,
                CostModel::ExpressDuration,
                CostModel::DurableOperations,
                CostModel::EventDelivery,
            ] {
                let before = bits(lines(m, &index.prices, kind, &inp, inp.runs));
                prop_assert!(!before.is_empty(), "{kind:?} is priced");
                let mut changed = inp;
                for (&input, &(v, flag)) in Input::ALL.iter().zip(&other) {
                    if reads(kind) & input as u16 == 0 {
                        set(&mut changed, input, v, flag);
                    }
                }
                let after = bits(lines(m, &index.prices, kind, &changed, changed.runs));
                prop_assert_eq!(before, after, "{:?} reads an input it does not declare", kind);
            }
        }
    }
}
