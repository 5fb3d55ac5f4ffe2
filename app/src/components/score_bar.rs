//! A horizontal bar for a share of something, drawn in SVG so no inline style is needed under
//! the Content-Security-Policy.

use leptos::prelude::*;

/// How a bar is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Accent,
    Good,
    Warn,
    Bad,
}

impl Tone {
    fn fill(self) -> &'static str {
        match self {
            Tone::Accent => "fill-accent",
            Tone::Good => "fill-good",
            Tone::Warn => "fill-warn",
            Tone::Bad => "fill-bad",
        }
    }
}

/// A bar filled to `percent` (0–100, clamped), with an accessible label.
#[component]
pub fn ScoreBar(
    /// How full, 0–100.
    percent: f64,
    /// What the bar measures, for screen readers ("Fit score: 72 out of 100").
    label: String,
    #[prop(optional)] tone: Option<Tone>,
) -> impl IntoView {
    let width = format!("{:.1}", percent.clamp(0.0, 100.0));
    let fill = tone.unwrap_or(Tone::Accent).fill();
    view! {
        <svg
            role="img"
            aria-label=label
            viewBox="0 0 100 8"
            preserveAspectRatio="none"
            class="h-2 w-24 shrink-0 overflow-hidden rounded bg-raised sm:w-32"
        >
            <rect x="0" y="0" height="8" width=width class=fill />
        </svg>
    }
}
