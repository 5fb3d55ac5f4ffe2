//! Widgets shared by several pages.

pub mod copy;
pub mod embed_snippet;
pub mod layout;
pub mod matrix;
pub mod notices;
