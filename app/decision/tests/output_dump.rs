//! A dump of full evaluations for many seeded random answer sets, to check that a change
//! meant only to speed the engine up leaves every output exactly as it was: run it before
//! and after the change and compare the two files.
//!
//! ```sh
//! OUTPUT_DUMP=/tmp/before.txt cargo test -p decision --features toml --release \
//!     --test output_dump -- --ignored
//! # change the engine, then write /tmp/after.txt the same way and
//! cmp /tmp/before.txt /tmp/after.txt
//! ```
//!
//! `OUTPUT_DUMP_SETS` sets how many answer sets (20,000 unless given).

mod common;
use common::MODEL;
use decision::answers::Slot;
use decision::engine::cost;
use decision::model::QuestionKind;
use decision::{evaluate, Answers, PageQuery};
use std::io::Write;

/// The two workloads the criterion benchmark evaluates, as starting points to vary.
#[path = "common/workloads.rs"]
mod workloads;
use workloads::{BUCKETS, FIGURES};

/// SplitMix64: small, seeded and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random answer (possibly "not sure") to question `q`.
fn random_slot(rng: &mut Rng, q: usize) -> Slot {
    let question = &MODEL.questions[q];
    let n = question.choices.len().min(32) as u64;
    if let Some(spec) = &question.number {
        if rng.below(2) == 0 {
            let (lo, hi) = (spec.min.max(1e-3).ln(), spec.max.ln());
            let v = ((lo + rng.unit() * (hi - lo)).exp() * 1000.0).round() / 1000.0;
            let v = v.clamp(spec.min, spec.max);
            return Slot {
                choices: question.choice_for(v).map_or(0, |c| 1 << c),
                number: Some(v),
            };
        }
    }
    if n == 0 {
        return Slot::default();
    }
    match question.kind {
        QuestionKind::Multi => Slot {
            choices: (rng.next() & ((1u64 << n) - 1)) as u32,
            number: None,
        },
        QuestionKind::Single => Slot {
            choices: 1 << rng.below(n),
            number: None,
        },
    }
}

/// Answer set `k`: fully random at a random density, or one of the benchmark's workloads
/// with a few answers changed.
fn answers(rng: &mut Rng, k: usize) -> Answers {
    let m = &*MODEL;
    let nq = m.questions.len();
    match k % 3 {
        0 => {
            let density = rng.unit();
            let mut a = Answers::empty(m);
            for q in 0..nq {
                if rng.unit() < density {
                    a.set_slot(q, random_slot(rng, q));
                }
            }
            a
        }
        base => {
            let mut a = PageQuery::parse(m, if base == 1 { BUCKETS } else { FIGURES }).answers;
            for _ in 0..rng.below(4) {
                let q = rng.below(nq as u64) as usize;
                let slot = if rng.below(5) == 0 {
                    Slot::default()
                } else {
                    random_slot(rng, q)
                };
                a.set_slot(q, slot);
            }
            a
        }
    }
}

#[test]
#[ignore = "writes a large file; run by hand before and after an engine change"]
fn dump_evaluations() {
    let Ok(path) = std::env::var("OUTPUT_DUMP") else {
        panic!("set OUTPUT_DUMP to the file to write");
    };
    let sets: usize = std::env::var("OUTPUT_DUMP_SETS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let m = &*MODEL;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("dump file"));
    let mut rng = Rng(0x005E_ED0F_0A11_5E75);
    for k in 0..sets {
        let a = answers(&mut rng, k);
        let e = evaluate(m, &a);
        let json = serde_json::to_string(&e).expect("serializes");
        writeln!(out, "#{k} {}\n{e:?}\n{json}", a.to_query(m)).unwrap();
        if k % 10 == 0 {
            // The chart's lines and crossings share the cost formulas.
            writeln!(
                out,
                "{:?}\n{:?}",
                cost::series(m, &a, 7),
                cost::crossovers(m, &a)
            )
            .unwrap();
        }
    }
}
