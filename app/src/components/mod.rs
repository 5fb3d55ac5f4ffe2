//! Widgets that more than one screen uses. A screen's own pieces live in its route module.

pub mod citation;
pub mod cost_chart;
pub mod layout;
pub mod matrix;
pub mod notices;
pub mod questionnaire;
pub mod score_bar;
