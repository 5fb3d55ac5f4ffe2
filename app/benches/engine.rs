//! Criterion benchmarks: one evaluation (with "what would change" and the next question), and
//! reading a full answer query. Run with `scripts/bench.sh` or
//! `cargo bench -p app --features ssr --bench engine`.

use app::model::{evaluate, load::builtin, Answers};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const FULL: &str = "duration=days&coordination=central&services=few&sync=async&rate=100-2000&fanout=hundreds\
&payload=small&repeat_safe=some-exactly-once&audit=required&ordering=not-needed&replay=not-needed\
&waits=human&idle=mostly-waiting&definition=code&languages=java&languages=python&containers=yes&step_length=under-15m";

fn bench(c: &mut Criterion) {
    let model = builtin();
    let (full, notices) = Answers::from_query(&model, FULL);
    assert!(notices.is_empty(), "{notices:?}");
    c.bench_function("parse full answer query", |b| {
        b.iter(|| Answers::from_query(&model, black_box(FULL)))
    });
    c.bench_function("evaluate, no answers", |b| {
        b.iter(|| evaluate(&model, black_box(&Answers::default())))
    });
    c.bench_function("evaluate, all questions answered", |b| {
        b.iter(|| evaluate(&model, black_box(&full)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
