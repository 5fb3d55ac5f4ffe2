//! Evaluates one of the benchmark's workloads many times, for instruction counts under
//! callgrind, which are steadier than wall-clock timings on a busy machine:
//!
//! ```sh
//! CARGO_PROFILE_RELEASE_DEBUG=true cargo build -p decision --features toml --release \
//!     --example evaluate_loop
//! valgrind --tool=callgrind target/release/examples/evaluate_loop figures 1000
//! ```
//!
//! Arguments: the workload (`figures` or `buckets`) and how many evaluations (1,000 unless
//! given). Run it twice with different counts and divide the difference in totals by the
//! difference in counts for the instructions of one evaluation.

use decision::{evaluate, load::builtin, PageQuery};
use std::hint::black_box;

#[path = "../tests/common/workloads.rs"]
mod workloads;

fn main() {
    let mut args = std::env::args().skip(1);
    let workload = match args.next().as_deref() {
        Some("buckets") => workloads::BUCKETS,
        Some("figures") | None => workloads::FIGURES,
        Some(other) => panic!("unknown workload {other}: use figures or buckets"),
    };
    let times: usize = args.next().map_or(1000, |n| n.parse().expect("a count"));
    let model = builtin();
    let answers = PageQuery::parse(&model, workload).answers;
    for _ in 0..times {
        black_box(evaluate(&model, black_box(&answers)));
    }
}
