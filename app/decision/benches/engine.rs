//! Criterion benchmarks of the engine: reading a full answer query, and one full evaluation
//! (ranking, limits, cost, architecture, what would change, next question) with no answers,
//! with every question answered by buckets, and with figures and cost weighed; and reading the
//! browser's copy of the model from Borsh (what pages carry) and, for comparison, from JSON.
//! Run with `scripts/bench.sh` or `cargo bench -p decision --features toml --bench engine`.

use criterion::{criterion_group, criterion_main, Criterion};
use decision::{evaluate, load::builtin, Answers, Model, PageQuery};
use std::hint::black_box;

#[path = "../tests/common/workloads.rs"]
mod workloads;
use workloads::{BUCKETS, FIGURES};

fn bench(c: &mut Criterion) {
    let model = builtin();
    let parse = |q: &str| {
        let p = PageQuery::parse(&model, q);
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        p.answers
    };
    let buckets = parse(BUCKETS);
    let figures = parse(FIGURES);
    c.bench_function("parse full answer query", |b| {
        b.iter(|| PageQuery::parse(&model, black_box(FIGURES)))
    });
    c.bench_function("evaluate, no answers", |b| {
        let empty = Answers::empty(&model);
        b.iter(|| evaluate(&model, black_box(&empty)))
    });
    c.bench_function("evaluate, every question answered (buckets)", |b| {
        b.iter(|| evaluate(&model, black_box(&buckets)))
    });
    c.bench_function("evaluate, with figures and cost weighed", |b| {
        b.iter(|| evaluate(&model, black_box(&figures)))
    });
    let bytes = model
        .to_browser_bytes()
        .expect("the built-in model has no NaN");
    c.bench_function("read the browser model, Borsh", |b| {
        b.iter(|| Model::from_browser_bytes(black_box(&bytes)))
    });
    let json = serde_json::to_string(&model.for_browser()).expect("a model serialises");
    c.bench_function("read the browser model, JSON (before)", |b| {
        b.iter(|| serde_json::from_str::<Model>(black_box(&json)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
