//! The cost chart: monthly cost against runs per month (log scales), one line per option, the
//! team's volume marked, crossovers named in words, and a table with the same figures as its
//! accessible alternative. Drawn with attributes and classes only, so it needs no inline style
//! and follows the theme; the same view renders on the server and in the island.

use crate::context::use_model;
use decision::chart::{self, CostChart};
use decision::number;
use leptos::prelude::*;

/// Line colours by option position, from the theme (no hex values here).
const STROKES: [&str; 6] = [
    "stroke-accent",
    "stroke-good",
    "stroke-warn",
    "stroke-bad",
    "stroke-link",
    "stroke-muted",
];
/// Dash patterns, so lines differ without colour too (print, colour blindness).
const DASHES: [&str; 6] = ["", "6 3", "2 3", "10 4 2 4", "1 2", "8 2"];

/// The chart and its data table for one answer set.
#[component]
pub fn CostChartView(
    /// The chart as data.
    chart: CostChart,
    /// Element id prefix, unique on the page.
    id: &'static str,
) -> impl IntoView {
    let model = use_model();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let names: Vec<String> = chart
        .lines
        .iter()
        .map(|l| model.options[l.option].name.clone())
        .collect();
    let description = format!(
        "Monthly cost in US dollars against runs per month, both on log scales, from 1 thousand to 10 billion runs, for {}. {}",
        names.join(", "),
        chart.summary
    );
    let last_x = chart.x_ticks.len().saturating_sub(1);
    let grid_x = chart
        .x_ticks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let x = format!("{:.1}", t.at);
            // The first label starts at the axis, clear of the lowest cost label, which it ran
            // into on a phone when centred; the last ends at the edge, so it cannot run past it.
            let anchor = match i {
                0 => "start",
                i if i == last_x => "end",
                _ => "middle",
            };
            view! {
                <line
                    x1=x.clone()
                    x2=x.clone()
                    y1=chart::TOP.to_string()
                    y2=(chart::HEIGHT - chart::BOTTOM).to_string()
                    class="stroke-line"
                    stroke-width="1"
                />
                <text
                    x=x
                    y=(chart::HEIGHT - chart::BOTTOM + 16.0).to_string()
                    text-anchor=anchor
                    class="fill-muted text-[11px] max-sm:text-[17px]"
                >
                    {t.label.clone()}
                </text>
            }
        })
        .collect_view();
    let grid_y = chart
        .y_ticks
        .iter()
        .map(|t| {
            let y = format!("{:.1}", t.at);
            view! {
                <line
                    x1=chart::LEFT.to_string()
                    x2=(chart::WIDTH - chart::RIGHT).to_string()
                    y1=y.clone()
                    y2=y.clone()
                    class="stroke-line"
                    stroke-width="1"
                />
                <text
                    x=(chart::LEFT - 6.0).to_string()
                    y=y
                    text-anchor="end"
                    dominant-baseline="middle"
                    class="fill-muted text-[11px] max-sm:text-[17px]"
                >
                    {t.label.clone()}
                </text>
            }
        })
        .collect_view();
    let lines = chart
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            view! {
                <path
                    d=l.path.clone()
                    fill="none"
                    stroke-width="2.5"
                    stroke-dasharray=DASHES[i % DASHES.len()]
                    class=STROKES[i % STROKES.len()]
                    data-option=model.options[l.option].id.clone()
                />
            }
        })
        .collect_view();
    let marker = chart.marker.map(|(x, runs)| {
        // Near the right edge the label goes to the left of the line, so it is not cut off.
        let (anchor, dx) = if x > chart::WIDTH * 0.7 {
            ("end", "-4")
        } else {
            ("start", "4")
        };
        let x = format!("{x:.1}");
        view! {
            <line
                x1=x.clone()
                x2=x.clone()
                y1=chart::TOP.to_string()
                y2=(chart::HEIGHT - chart::BOTTOM).to_string()
                class="stroke-fg"
                stroke-width="1.5"
                stroke-dasharray="4 3"
            />
            <text
                x=x
                y=(chart::TOP + 10.0).to_string()
                dx=dx
                text-anchor=anchor
                class="fill-fg text-[11px] max-sm:text-[17px]"
            >
                {format!("you: {}", number::human(runs))}
            </text>
        }
    });
    let legend = chart
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            view! {
                <li class="flex items-center gap-2">
                    <svg aria-hidden="true" viewBox="0 0 24 6" class="h-2 w-6">
                        <line
                            x1="0"
                            y1="3"
                            x2="24"
                            y2="3"
                            stroke-width="3"
                            stroke-dasharray=DASHES[i % DASHES.len()]
                            class=STROKES[i % STROKES.len()]
                        />
                    </svg>
                    {model.options[l.option].name.clone()}
                </li>
            }
        })
        .collect_view();
    // Each crossover in words; where no lines cross, which option costs least throughout.
    let crossovers = if chart.crossovers.is_empty() {
        vec![chart.summary.clone()]
    } else {
        chart
            .crossovers
            .iter()
            .map(|(_, words)| words.clone())
            .collect()
    }
    .into_iter()
    .map(|words| view! { <li>{words}</li> })
    .collect_view();
    let head = names
        .iter()
        .map(|n| {
            view! {
                <th scope="col" class="px-2 py-1 text-right font-semibold">
                    {n.clone()}
                </th>
            }
        })
        .collect_view();
    let rows = chart
        .table_runs
        .iter()
        .map(|&runs| {
            let cells = chart
                .lines
                .iter()
                .map(|l| {
                    view! { <td class="px-2 py-1 text-right tabular-nums">{number::usd(chart::cost_at(l, runs))}</td> }
                })
                .collect_view();
            view! {
                <tr class="border-t border-line">
                    <th scope="row" class="px-2 py-1 text-left font-normal">
                        {number::human(runs)}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure
            class="mt-3 break-inside-avoid print:mt-0 print:grid print:grid-cols-2 print:gap-2"
            data-testid="cost-chart"
        >
            <svg
                role="img"
                aria-labelledby=labelled_by
                viewBox=format!("0 0 {} {}", chart::WIDTH, chart::HEIGHT)
                class="h-auto w-full"
            >
                <title id=title_id>"Monthly cost against volume"</title>
                <desc id=desc_id>{description}</desc>
                {grid_y}
                {grid_x}
                {lines}
                {marker}
            </svg>
            <figcaption class="mt-2 text-sm print:mt-0 print:text-xs">
                <ul class="flex flex-wrap gap-x-4 gap-y-1" aria-label="Lines">
                    {legend}
                </ul>
                <ul class="mt-2 list-disc space-y-1 pl-5" data-testid="crossovers">
                    {crossovers}
                </ul>
                {chart
                    .off_chart
                    .clone()
                    .map(|note| {
                        view! {
                            <p class="mt-2 text-muted" data-testid="off-chart">
                                {note}
                            </p>
                        }
                    })}
            </figcaption>
            <details class="print-if-open mt-2 text-sm">
                <summary class="cursor-pointer text-link">"The chart's figures as a table"</summary>
                <div class="mt-2 overflow-x-auto">
                    <table class="w-full text-sm" data-testid="cost-table">
                        <caption class="sr-only">
                            "Monthly cost in US dollars by runs per month"
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col" class="px-2 py-1 text-left font-semibold">
                                    "Runs a month"
                                </th>
                                {head}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
