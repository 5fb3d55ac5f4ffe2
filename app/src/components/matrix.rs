//! The comparison tables as views: a real table on wide screens and one card per option on
//! narrow ones (both rendered; CSS shows one), with the "your numbers" rows, the exports, and
//! every value's source behind a disclosure that works without JavaScript. What goes in each
//! cell is decided in [`decision::comparison`].

use crate::context::use_model;
use decision::comparison::{Cell, Citation, Matrix, NumbersRow};
use decision::export::{csv_data_url, to_csv, to_markdown};
use decision::model::SourceKind;
use leptos::either::Either;
use leptos::prelude::*;

/// Shown for a cell the model has no fact for.
const EMPTY_CELL: &str = "—";

/// A table with its title, export actions, and both the wide (table) and narrow (cards) views.
///
/// Both views are always rendered; CSS shows one, so server and browser markup agree.
#[component]
pub fn MatrixSection(
    /// The table to show.
    matrix: Matrix,
    /// Framed in another site: links that leave the table open a new tab.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let heading_id = format!("matrix-{}", matrix.slug);
    let markdown = to_markdown(&matrix);
    let csv_href = csv_data_url(&to_csv(&matrix));
    let file_name = format!("compare-{}.csv", matrix.slug);
    let labelled_by = heading_id.clone();
    let title = matrix.title;
    let test_id = format!("matrix-{}", matrix.slug);
    view! {
        <section aria-labelledby=labelled_by class="mt-10" data-testid=test_id>
            <div class="flex flex-wrap items-baseline justify-between gap-3">
                <h2 id=heading_id class="text-xl font-semibold">
                    {title}
                </h2>
                <div class="flex flex-wrap items-center gap-3 print:hidden">
                    <button
                        type="button"
                        data-copy-text=markdown
                        class="js-only rounded border border-line bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-raised"
                    >
                        "Copy as Markdown"
                        <span class="sr-only">{format!(": {title}")}</span>
                    </button>
                    <a
                        href=csv_href
                        download=file_name
                        class="rounded border border-line bg-surface px-3 py-1.5 text-sm font-medium text-link hover:bg-raised"
                    >
                        "Download CSV"
                        <span class="sr-only">{format!(": {title}")}</span>
                    </a>
                </div>
            </div>
            <div class="mt-3 hidden md:block print:block">
                <MatrixTableView matrix=matrix.clone() embedded=embedded />
            </div>
            <div class="mt-3 md:hidden print:hidden">
                <MatrixCards matrix=matrix embedded=embedded />
            </div>
        </section>
    }
}

/// The wide view: a real table with a sticky header row and first column.
#[component]
fn MatrixTableView(matrix: Matrix, embedded: bool) -> impl IntoView {
    let caption_id = format!("caption-{}", matrix.slug);
    // Named apart from the section around it, which carries the table's title.
    let region_label = format!("{}: scrollable table", matrix.title);
    let columns = matrix.columns.clone();
    let header = columns
        .iter()
        .map(|c| {
            view! {
                <th
                    scope="col"
                    data-option=c.option.clone()
                    class="sticky top-0 z-10 min-w-48 border-b border-line bg-raised p-3 text-left align-bottom font-semibold"
                >
                    {c.name.clone()}
                    {c.excluded.then(|| view! { <ExcludedBadge /> })}
                </th>
            }
        })
        .collect_view();
    let rows = matrix
        .rows
        .iter()
        .map(|row| {
            let th_class = if row.highlight {
                "sticky left-0 z-10 w-44 border-b border-r border-line bg-mark p-3 text-left align-top font-semibold"
            } else {
                "sticky left-0 z-10 w-44 border-b border-r border-line bg-surface p-3 text-left align-top font-semibold"
            };
            let tr_class = if row.highlight { "bg-mark" } else { "" };
            let cells = row
                .cells
                .iter()
                .zip(&columns)
                .map(|(cell, column)| {
                    let violated = (!cell.violations.is_empty()).then_some("true");
                    view! {
                        <td
                            data-option=cell.option.clone()
                            data-violation=violated
                            class="border-b border-line p-3 align-top"
                        >
                            <CellBody
                                cell=cell.clone()
                                row_label=row.label.clone()
                                option_name=column.name.clone()
                                embedded=embedded
                            />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr
                    data-attribute=row.attribute.clone()
                    data-highlight=row.highlight.to_string()
                    class=tr_class
                >
                    <th scope="row" class=th_class>
                        {row.label.clone()}
                        {row.highlight.then(|| view! { <MattersMarker /> })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let numbers = matrix
        .numbers
        .iter()
        .map(|row| view! { <NumbersTableRow row=row.clone() embedded=embedded /> })
        .collect_view();
    view! {
        <div
            role="region"
            aria-label=region_label
            tabindex="0"
            class="max-h-[80vh] overflow-auto rounded-lg border border-line bg-surface print:max-h-none print:overflow-visible"
        >
            <table
                data-testid=format!("table-{}", matrix.slug)
                class="w-full border-separate border-spacing-0 text-left text-sm"
            >
                <caption id=caption_id class="sr-only">
                    {matrix.title}
                </caption>
                <thead>
                    <tr>
                        <th
                            scope="col"
                            class="sticky left-0 top-0 z-20 w-44 border-b border-r border-line bg-raised p-3 text-left align-bottom"
                        >
                            <span class="sr-only">"Attribute"</span>
                        </th>
                        {header}
                    </tr>
                </thead>
                <tbody>{rows} {numbers}</tbody>
            </table>
        </div>
    }
}

/// The narrow view: one card per option, each a list of label and value.
#[component]
fn MatrixCards(matrix: Matrix, embedded: bool) -> impl IntoView {
    let cards = matrix
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let numbers = matrix
                .numbers
                .iter()
                .filter_map(|row| row.cells.get(i).map(|cell| (row, cell)))
                .filter(|(_, cell)| !cell.text.is_empty())
                .map(|(row, cell)| {
                    view! {
                        <div class="-mx-2 rounded border-t border-line bg-mark px-2 py-3">
                            <dt class="text-sm font-semibold">{row.label.clone()}</dt>
                            <dd class="mt-1 text-sm">
                                <NumbersBody cell=cell.clone() embedded=embedded />
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            let items = matrix
                .rows
                .iter()
                .filter_map(|row| row.cells.get(i).map(|cell| (row, cell)))
                .map(|(row, cell)| {
                    let item_class = if row.highlight {
                        "-mx-2 rounded border-t border-line bg-mark px-2 py-3 first:border-t-0"
                    } else {
                        "border-t border-line py-3 first:border-t-0"
                    };
                    view! {
                        <div class=item_class>
                            <dt class="text-sm font-semibold">
                                {row.label.clone()}
                                {row.highlight.then(|| view! { <MattersMarker /> })}
                            </dt>
                            <dd class="mt-1 text-sm">
                                <CellBody
                                    cell=cell.clone()
                                    row_label=row.label.clone()
                                    option_name=column.name.clone()
                                    embedded=embedded
                                />
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            // Unnamed, so the cards do not each become a landmark; their headings suffice.
            view! {
                <section
                    data-card-option=column.option.clone()
                    class="rounded-lg border border-line bg-surface p-4"
                >
                    <h3 class="font-semibold">
                        {column.name.clone()} {column.excluded.then(|| view! { <ExcludedBadge /> })}
                    </h3>
                    <dl class="mt-1">{items} {numbers}</dl>
                </section>
            }
        })
        .collect_view();
    view! {
        <div data-testid=format!("cards-{}", matrix.slug) class="space-y-4 break-words">
            {cards}
        </div>
    }
}

/// Says in words that a row matters for the answers given (the colour alone would not).
#[component]
fn MattersMarker() -> impl IntoView {
    view! {
        <span class="mt-1 block text-xs font-semibold text-accent-strong">
            "Matters for your answers"
        </span>
    }
}

/// Marks an option that the answers rule out.
#[component]
fn ExcludedBadge() -> impl IntoView {
    view! {
        <span class="mt-1 block w-fit rounded bg-bad-soft px-2 py-0.5 text-xs font-semibold text-bad">
            "Excluded by your answers"
        </span>
    }
}

/// A cell's value, any disagreement between sources, any exclusion it explains, and its
/// source and date behind a disclosure that works without JavaScript.
#[component]
fn CellBody(
    /// The cell to show.
    cell: Cell,
    /// Row label, so each "Source" control says which cell it belongs to.
    row_label: String,
    /// Column (option) name, for the same reason.
    option_name: String,
    /// Open outside links in a new tab.
    embedded: bool,
) -> impl IntoView {
    let Some(fact) = cell.fact.clone() else {
        return Either::Left(view! {
            <p>
                <span aria-hidden="true">{EMPTY_CELL}</span>
                <span class="sr-only">"No figure in the model"</span>
            </p>
        });
    };
    let target = embedded.then_some("_blank");
    let disagreements = cell
        .disagreements
        .iter()
        .map(|old| {
            view! {
                <p
                    data-disagreement="true"
                    class="mt-2 rounded border border-warn bg-warn-soft px-2 py-1 text-xs text-warn"
                >
                    <span class="font-semibold">"Sources disagree. "</span>
                    {format!(
                        "{}. Shown: {} ({}).",
                        old.says().trim_end_matches('.'),
                        fact.source_label,
                        fact.as_of,
                    )}
                </p>
            }
        })
        .collect_view();
    let violations = cell
        .violations
        .iter()
        .map(|v| {
            view! {
                <p class="mt-2 rounded border border-bad bg-bad-soft px-2 py-1 text-xs text-bad">
                    <span class="font-semibold">"Rules it out for your answers: "</span>
                    {v.clone()}
                </p>
            }
        })
        .collect_view();
    let older_links = cell
        .disagreements
        .iter()
        .map(|old| {
            view! {
                <p>
                    "Older: " {old.detail.clone()} " "
                    <SourceLink citation=old.clone() target=target />
                </p>
            }
        })
        .collect_view();
    let number = decision::citations::number(use_model(), &fact.fact).map(|n| format!("[{n}]"));
    Either::Right(view! {
        <p>{fact.value.clone()} <span class="hidden text-xs print:inline">{number}</span></p>
        {disagreements}
        {violations}
        <details class="print-if-open mt-2 text-xs">
            <summary class="cursor-pointer text-link">
                "Source" <span class="sr-only">{format!(": {row_label}, {option_name}")}</span>
            </summary>
            <div class="mt-1 space-y-1">
                <p>{fact.detail.clone()}</p>
                <p>
                    <SourceLink citation=fact.clone() target=target />
                </p>
                {older_links}
                <p>
                    <a
                        href=format!("/sources#fact-{}", fact.fact)
                        target=target
                        class="text-link underline"
                    >
                        "On the sources page"
                    </a>
                </p>
            </div>
        </details>
    })
}

/// A "your numbers" row in the wide table.
#[component]
fn NumbersTableRow(row: NumbersRow, embedded: bool) -> impl IntoView {
    let cells = row
        .cells
        .into_iter()
        .map(|cell| {
            let option = cell.option.clone();
            view! {
                <td data-option=option class="border-b border-line p-3 align-top">
                    <NumbersBody cell=cell embedded=embedded />
                </td>
            }
        })
        .collect_view();
    view! {
        <tr data-numbers="true" class="bg-mark">
            <th
                scope="row"
                class="sticky left-0 z-10 w-44 border-b border-r border-line bg-mark p-3 text-left align-top font-semibold"
            >
                {row.label}
            </th>
            {cells}
        </tr>
    }
}

/// One option's figure against its limit, with its status in words and the facts behind it.
#[component]
fn NumbersBody(cell: decision::comparison::NumbersCell, embedded: bool) -> impl IntoView {
    if cell.text.is_empty() {
        return Either::Left(view! {
            <p>
                <span aria-hidden="true">{EMPTY_CELL}</span>
                <span class="sr-only">"No such limit"</span>
            </p>
        });
    }
    let status = (!cell.status.is_empty()).then(|| {
        let class = if cell.over {
            "mt-1 block w-fit rounded bg-bad-soft px-2 py-0.5 text-xs font-semibold text-bad"
        } else {
            "mt-1 block w-fit rounded bg-warn-soft px-2 py-0.5 text-xs font-semibold text-warn"
        };
        view! { <span class=class>{cell.status.clone()}</span> }
    });
    Either::Right(view! {
        <p>{cell.text.clone()}</p>
        {status}
        <p class="mt-1">
            <crate::components::citation::FactCites facts=cell.facts new_tab=embedded />
        </p>
    })
}

/// "Title (as of date)" linking to the source, with a caution for third-party sources.
#[component]
pub fn SourceLink(
    /// The fact and source to cite.
    citation: Citation,
    /// Link target (`Some("_blank")` in embedded views).
    target: Option<&'static str>,
) -> impl IntoView {
    let caution = (citation.kind == SourceKind::ThirdParty).then(|| {
        view! { <span class="ml-1 font-semibold text-warn">"(third-party source)"</span> }
    });
    view! {
        <a
            href=citation.url.clone()
            target=target
            rel="noopener noreferrer"
            class="text-link underline"
        >
            {citation.source_title.clone()}
        </a>
        {caution}
        ", as of "
        <time datetime=citation.as_of.clone()>{citation.as_of.clone()}</time>
    }
}
