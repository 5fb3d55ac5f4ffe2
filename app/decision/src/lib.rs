//! Orchestration Advisor's decision model: plain Rust with no web types, so it runs natively in
//! tests, on the server, and in the browser after hydration.
//!
//! - [`model`]: the data (sources, facts, options, questions, rules, limits, architectures,
//!   prices), read from TOML on the server ([`load`], feature `toml`) and from a compact
//!   binary copy in the browser.
//! - [`answers`], [`query`], [`number`], [`shortcode`]: answers as links carry them.
//! - [`engine`]: the evaluation, a pure function of (model, answers).

pub mod adr;
pub mod answers;
pub mod chart;
pub mod citations;
pub mod comparison;
pub mod engine;
pub mod export;
pub mod fact_index;
mod index;
#[cfg(feature = "toml")]
pub mod load;
pub mod model;
pub mod number;
pub mod query;
pub mod shortcode;
#[cfg(feature = "toml")]
pub mod validate;
pub mod whatif;

pub use answers::{Answers, FormNotices, Notice, NoticeKind, NoticeOrigin, Slot};
pub use engine::{evaluate, Evaluation};
pub use model::Model;
pub use query::{Page, PageQuery, Theme};
