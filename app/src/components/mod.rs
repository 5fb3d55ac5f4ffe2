//! Widgets shared by several pages.

pub mod copy;
pub mod layout;
pub mod notices;
