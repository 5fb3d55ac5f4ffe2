//! The decision model: plain Rust with no web types, so it runs natively in tests, on the
//! server, and in the browser after hydration.

pub mod answers;
pub mod engine;
#[cfg(feature = "ssr")]
pub mod load;
pub mod shortcode;
pub mod types;

pub use answers::{Answers, Notice, NoticeKind};
pub use engine::{evaluate, Evaluation};
pub use types::Model;
