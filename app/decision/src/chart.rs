//! The cost chart as data: monthly cost against runs per month on log scales, one line per
//! option, the team's volume marked and every crossover named in words. Views draw it as SVG
//! (on the server and in the browser alike) and as a table; nothing here knows about HTML.

use crate::answers::Answers;
use crate::engine::cost::{self, Crossover, CHART_MAX_RUNS, CHART_MIN_RUNS};
use crate::model::Model;
use crate::number;

/// Drawing size in SVG user units; the view scales it to its box.
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 360.0;
/// Plot area inside the drawing (room for axis labels on the left and below).
pub const LEFT: f64 = 64.0;
pub const RIGHT: f64 = 16.0;
pub const TOP: f64 = 16.0;
pub const BOTTOM: f64 = 40.0;
/// Points per line: four per decade over seven decades.
pub const POINTS: usize = 29;

/// One option's line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub option: usize,
    /// SVG path data in drawing units.
    pub path: String,
    /// The line's points: (runs per month, US dollars per month).
    pub points: Vec<(f64, f64)>,
}

/// A tick on an axis: its position in drawing units and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

/// Everything the chart and its table show.
#[derive(Clone, Debug, PartialEq)]
pub struct CostChart {
    pub lines: Vec<Line>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// The team's volume, if known and on the chart: (x in drawing units, runs per month).
    pub marker: Option<(f64, f64)>,
    /// Where the team's volume lies off the chart (below 1,000 or above 10 billion runs a
    /// month), a sentence that says so.
    pub off_chart: Option<String>,
    /// Crossovers in words, e.g. "Step Functions Express is cheaper than Step Functions
    /// Standard above 40 thousand runs a month", with their x position.
    pub crossovers: Vec<(f64, String)>,
    /// The crossovers as one sentence, or, where no lines cross, which option costs least
    /// over the whole range.
    pub summary: String,
    /// The volumes the table lists (one per decade).
    pub table_runs: Vec<f64>,
    /// Lowest dollar figure drawn; cheaper points sit on the axis (free tier).
    pub y_min: f64,
}

/// Maps runs per month to x and dollars to y.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub y_min: f64,
    pub y_max: f64,
}

impl Scale {
    pub fn x(&self, runs: f64) -> f64 {
        let (lo, hi) = (CHART_MIN_RUNS.log10(), CHART_MAX_RUNS.log10());
        let t = (runs.max(CHART_MIN_RUNS).log10() - lo) / (hi - lo);
        LEFT + t.clamp(0.0, 1.0) * (WIDTH - LEFT - RIGHT)
    }
    pub fn y(&self, usd: f64) -> f64 {
        let (lo, hi) = (self.y_min.log10(), self.y_max.log10());
        let t = (usd.max(self.y_min).log10() - lo) / (hi - lo);
        HEIGHT - BOTTOM - t.clamp(0.0, 1.0) * (HEIGHT - TOP - BOTTOM)
    }
}

/// A sentence for a volume beyond either edge of the chart.
fn off_chart(runs: f64) -> Option<String> {
    let (side, edge) = if runs > CHART_MAX_RUNS {
        ("beyond the chart's right edge", CHART_MAX_RUNS)
    } else if runs < CHART_MIN_RUNS {
        ("below the chart's left edge", CHART_MIN_RUNS)
    } else {
        return None;
    };
    Some(format!(
        "Your volume, {} runs a month, lies {side} ({} runs a month), so it is not marked; each option's cost above is at your volume.",
        number::human(runs),
        number::human(edge)
    ))
}

/// "1K", "10M", "1B".
fn runs_label(runs: f64) -> String {
    match runs {
        r if r >= 1e9 => format!("{}B", (r / 1e9).round()),
        r if r >= 1e6 => format!("{}M", (r / 1e6).round()),
        r if r >= 1e3 => format!("{}K", (r / 1e3).round()),
        r => format!("{}", r.round()),
    }
}

/// "$0.01", "$1", "$10K", "$1M".
fn usd_label(usd: f64) -> String {
    match usd {
        u if u >= 1e6 => format!("${}M", (u / 1e6).round()),
        u if u >= 1e3 => format!("${}K", (u / 1e3).round()),
        u if u >= 1.0 => format!("${}", u.round()),
        u => format!("${u}"),
    }
}

/// The crossovers in words.
pub fn crossover_words(model: &Model, c: &Crossover<'_>) -> String {
    let name = |id: &str| model.option(id).map_or(id, |o| o.name.as_str()).to_owned();
    format!(
        "{} is cheaper than {} above {} runs a month",
        name(c.cheaper),
        name(c.than),
        number::human(round_figure(c.above_runs_per_month))
    )
}

/// Two significant figures, so a crossover reads "40 thousand", not "40,213".
fn round_figure(v: f64) -> f64 {
    if v <= 0.0 {
        return v;
    }
    let p = 10f64.powi(v.log10().floor() as i32 - 1);
    (v / p).round() * p
}

/// The crossovers as one sentence; without any, the option that costs least throughout.
fn summary(model: &Model, lines: &[Line], crossovers: &[(f64, String)]) -> String {
    if !crossovers.is_empty() {
        let words: Vec<&str> = crossovers.iter().map(|c| c.1.as_str()).collect();
        return format!("{}.", words.join("; "));
    }
    // Without a crossover the order is the same at every volume; read it at the top end.
    let cheapest = lines
        .iter()
        .filter_map(|l| Some((l.option, l.points.last()?.1)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(o, _)| model.options[o].name.as_str());
    match cheapest {
        Some(name) => format!(
            "The lines do not cross between 1 thousand and 10 billion runs a month: {name} costs least throughout."
        ),
        None => "No option has a price in the model.".to_owned(),
    }
}

/// Builds the chart for an answer set.
pub fn build(model: &Model, answers: &Answers, runs_per_month: Option<f64>) -> CostChart {
    let series = cost::series(model, answers, POINTS);
    let max = series
        .iter()
        .flat_map(|(_, pts)| pts.iter().map(|p| p.1))
        .fold(1.0f64, f64::max);
    let y_min = 0.01;
    let y_max = 10f64.powf(max.log10().ceil().max(1.0));
    let scale = Scale { y_min, y_max };
    let lines: Vec<Line> = series
        .into_iter()
        .map(|(option, points)| {
            let mut path = String::with_capacity(points.len() * 16);
            for (i, (runs, usd)) in points.iter().enumerate() {
                let cmd = if i == 0 { 'M' } else { 'L' };
                path.push_str(&format!("{cmd}{:.1} {:.1} ", scale.x(*runs), scale.y(*usd)));
            }
            Line {
                option,
                path: path.trim_end().to_owned(),
                points,
            }
        })
        .collect();
    let x_ticks = (3..=10)
        .map(|e| {
            let runs = 10f64.powi(e);
            Tick {
                at: scale.x(runs),
                label: runs_label(runs),
            }
        })
        .collect();
    let (lo, hi) = (y_min.log10().round() as i32, y_max.log10().round() as i32);
    let step = ((hi - lo) as f64 / 6.0).ceil().max(1.0) as i32;
    let y_ticks = (lo..=hi)
        .step_by(step as usize)
        .map(|e| {
            let usd = 10f64.powi(e);
            Tick {
                at: scale.y(usd),
                label: usd_label(usd),
            }
        })
        .collect();
    let crossovers: Vec<(f64, String)> = cost::crossovers(model, answers)
        .iter()
        .map(|c| (scale.x(c.above_runs_per_month), crossover_words(model, c)))
        .collect();
    let summary = summary(model, &lines, &crossovers);
    CostChart {
        lines,
        x_ticks,
        y_ticks,
        marker: runs_per_month
            .filter(|r| (CHART_MIN_RUNS..=CHART_MAX_RUNS).contains(r))
            .map(|r| (scale.x(r), r)),
        off_chart: runs_per_month.and_then(off_chart),
        crossovers,
        summary,
        table_runs: (3..=10).map(|e| 10f64.powi(e)).collect(),
        y_min,
    }
}

/// A line's monthly cost at a volume (for the table): interpolated in log space between the
/// line's points, which are exact at every decade.
pub fn cost_at(line: &Line, runs: f64) -> f64 {
    line.points
        .iter()
        .min_by(|a, b| {
            (a.0.log10() - runs.log10())
                .abs()
                .total_cmp(&(b.0.log10() - runs.log10()).abs())
        })
        .map_or(0.0, |p| p.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_are_logarithmic_and_inside_the_plot() {
        let s = Scale {
            y_min: 0.01,
            y_max: 1e6,
        };
        assert_eq!(s.x(1e3), LEFT);
        assert_eq!(s.x(1e10), WIDTH - RIGHT);
        assert!((s.x(1e6) - s.x(1e5) - (s.x(1e5) - s.x(1e4))).abs() < 1e-9);
        assert_eq!(s.y(0.0), HEIGHT - BOTTOM, "free sits on the axis");
        assert_eq!(s.y(1e6), TOP);
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(runs_label(1e3), "1K");
        assert_eq!(runs_label(1e10), "10B");
        assert_eq!(usd_label(0.01), "$0.01");
        assert_eq!(usd_label(1e4), "$10K");
        assert_eq!(round_figure(40_213.0), 40_000.0);
        assert_eq!(round_figure(1_560_000.0), 1_600_000.0);
    }
}
