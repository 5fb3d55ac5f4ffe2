//! `/compare`: the guide's comparison tables for the options a team picks, marked up with what
//! its answers make matter and what they rule out.
//!
//! The URL is the state: the advisor's answers plus `options=a,b,c`. Without JavaScript the
//! option picker submits by GET; once hydrated, each change replaces the URL at once.

use crate::app::use_model;
use crate::components::embed_snippet::EmbedSnippet;
use crate::components::layout::PageHeading;
use crate::components::matrix::{build_all, MatrixSection};
use crate::components::notices::Notices;
use crate::model::answers::parse_pairs;
use crate::model::{evaluate, Model};
use crate::state::{self, ReadAnswers, SharedModel};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_location, use_navigate};

/// Said when a change would leave fewer than two options to compare.
const TOO_FEW: &str = "Choose at least two options to compare.";

/// What was wrong with the `options` of a query string, if anything: unknown ids, or fewer
/// than two valid ones (the page then shows every option).
pub fn options_notice(model: &Model, search: &str) -> Option<String> {
    let pairs = parse_pairs(search).unwrap_or_default();
    let given: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "options")
        .flat_map(|(_, v)| v.split(','))
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .collect();
    if given.is_empty() && !pairs.iter().any(|(k, _)| k == "options") {
        return None;
    }
    let mut messages = Vec::new();
    let unknown: Vec<&str> = given
        .iter()
        .copied()
        .filter(|id| model.option(id).is_none())
        .collect();
    if !unknown.is_empty() {
        messages.push(format!(
            "Unknown option{} ignored: {}.",
            if unknown.len() == 1 { "" } else { "s" },
            unknown
                .iter()
                .map(|u| format!("“{u}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut valid: Vec<&str> = given
        .iter()
        .copied()
        .filter(|id| model.option(id).is_some())
        .collect();
    valid.sort_unstable();
    valid.dedup();
    if valid.len() < 2 {
        messages.push(format!("{TOO_FEW} Showing all of them."));
    }
    (!messages.is_empty()).then(|| messages.join(" "))
}

/// The selection after turning one option on or off, in model order; `None` when it would
/// leave fewer than two.
pub fn toggle_option(
    model: &Model,
    selected: &[String],
    option: &str,
    on: bool,
) -> Option<Vec<String>> {
    let next: Vec<String> = model
        .options
        .iter()
        .map(|o| &o.id)
        .filter(|id| {
            if id.as_str() == option {
                on
            } else {
                selected.contains(id)
            }
        })
        .cloned()
        .collect();
    (next.len() >= 2).then_some(next)
}

/// The `options` value for a selection: empty (left out of the URL) when it is every option.
pub fn options_param(model: &Model, selected: &[String]) -> String {
    if selected.len() == model.options.len() {
        String::new()
    } else {
        selected.join(",")
    }
}

/// Where the comparison lives and what it keeps in its links.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareContext {
    /// Path the option picker submits and navigates to (`/compare` or `/embed/compare`).
    pub base_path: &'static str,
    /// Path of the advisor that "back" links to (`/` or `/embed`).
    pub advisor_path: &'static str,
    /// Framed in another site: links that leave the comparison open a new tab.
    pub embedded: bool,
    /// Extra query parameters to keep (the embed theme).
    pub extra: Vec<(&'static str, String)>,
}

impl CompareContext {
    /// The full site's `/compare`.
    pub fn site() -> Self {
        CompareContext {
            base_path: "/compare",
            advisor_path: "/",
            embedded: false,
            extra: Vec::new(),
        }
    }

    /// `/embed/compare`, keeping `theme=…` when given.
    pub fn embed(theme: &str) -> Self {
        CompareContext {
            base_path: "/embed/compare",
            advisor_path: "/embed",
            embedded: true,
            extra: if theme.is_empty() {
                Vec::new()
            } else {
                vec![("theme", theme.to_owned())]
            },
        }
    }

    /// A link to `path` with the answers, these options and the extra parameters.
    fn link(
        &self,
        model: &Model,
        answers: &crate::model::Answers,
        path: &str,
        options: String,
    ) -> String {
        let mut extra: Vec<(&str, String)> = vec![("options", options)];
        extra.extend(self.extra.iter().map(|(k, v)| (*k, v.clone())));
        state::link(path, model, answers, &extra)
    }
}

/// `/compare`.
#[component]
pub fn ComparePage() -> impl IntoView {
    view! { <CompareView context=CompareContext::site() /> }
}

/// The comparison for the answers and options in the URL.
#[component]
pub fn CompareView(
    /// Paths and parameters that links keep.
    context: CompareContext,
) -> impl IntoView {
    let model = use_model();
    let location = use_location();
    let read = {
        let model = model.clone();
        Memo::new(move |_| state::from_query(&model, &location.search.get()))
    };
    let selected = {
        let model = model.clone();
        Memo::new(move |_| state::selected_options(&model, &location.search.get()))
    };
    let url_notice = {
        let model = model.clone();
        Memo::new(move |_| options_notice(&model, &location.search.get()))
    };
    let matrices = {
        let model = model.clone();
        Memo::new(move |_| {
            read.with(|r| {
                let eval = evaluate(&model, &r.answers);
                selected.with(|s| build_all(&model, s, &r.answers, &eval))
            })
        })
    };
    let notices = Signal::derive(move || read.with(|r| r.notices.clone()));
    let embedded = context.embedded;
    let target = embedded.then_some("_blank");
    view! {
        <Title text="Compare — Orchestration Advisor" />
        <Meta
            name="description"
            content="Lambda durable functions, Step Functions Standard and Express, and EventBridge with Lambda side by side: the guide's tables with limits and prices, each value with its source and date."
        />
        <PageHeading title="Compare the approaches" embedded=embedded>
            "The guide's two tables and the limits and prices behind them. Open “Source” in any cell for the statement in full, where it was read and when; "
            <a href="/sources" target=target class="text-link underline">
                "all sources"
            </a>
            " are listed on their own page."
        </PageHeading>
        <Notices notices=notices />
        <AnswersSummary model=model.clone() read=read context=context.clone() />
        {(!embedded)
            .then(|| view! { <CompareSharing model=model.clone() read=read selected=selected /> })}
        <OptionPicker
            model=model
            read=read
            selected=selected
            url_notice=url_notice
            context=context
        />
        {move || {
            matrices
                .get()
                .into_iter()
                .map(|m| view! { <MatrixSection matrix=m embedded=embedded /> })
                .collect_view()
        }}
    }
    .into_any()
}

/// What the answers do to the tables, and the way back to the advisor.
#[component]
fn AnswersSummary(
    model: SharedModel,
    read: Memo<ReadAnswers>,
    context: CompareContext,
) -> impl IntoView {
    let back = move || {
        read.with(|r| state::link(context.advisor_path, &model, &r.answers, &context.extra))
    };
    let count = move || read.with(|r| r.answers.len());
    view! {
        <div
            class="mb-6 rounded-lg border border-line bg-surface p-4 text-sm"
            data-testid="answers-summary"
        >
            {move || {
                if count() == 0 {
                    view! {
                        <p>
                            "Answer the advisor's questions to see which rows matter for your workload and what rules an option out."
                        </p>
                    }
                        .into_any()
                } else {
                    let n = count();
                    view! {
                        <p>
                            {format!(
                                "With your {n} answer{}, rows that matter are highlighted and marked “Matters for your answers”; a cell that rules an option out says why.",
                                if n == 1 { "" } else { "s" },
                            )}
                        </p>
                    }
                        .into_any()
                }
            }}
            <p class="mt-2">
                <a href=back class="font-medium text-link underline" data-testid="back-to-advisor">
                    "Back to the advisor with these answers"
                </a>
            </p>
        </div>
    }
}

/// Checkboxes for the options to compare. A plain GET form without JavaScript; after
/// hydration each change navigates at once, and going below two is refused with a notice.
#[component]
fn OptionPicker(
    model: SharedModel,
    read: Memo<ReadAnswers>,
    selected: Memo<Vec<String>>,
    url_notice: Memo<Option<String>>,
    context: CompareContext,
) -> impl IntoView {
    let (refused, set_refused) = signal(None::<String>);
    let action = context.base_path;
    let hidden_extra = context
        .extra
        .iter()
        .map(|(k, v)| view! { <input type="hidden" name=*k value=v.clone() /> })
        .collect_view();
    let navigate = use_navigate();
    let choose = {
        let model = model.clone();
        Callback::new(move |(option, on): (String, bool)| {
            let current = selected.get_untracked();
            let Some(next) = toggle_option(&model, &current, &option, on) else {
                set_refused.set(Some(TOO_FEW.to_owned()));
                return;
            };
            set_refused.set(None);
            let answers = read.get_untracked().answers;
            let href = context.link(
                &model,
                &answers,
                context.base_path,
                options_param(&model, &next),
            );
            navigate(&href, state::in_place());
        })
    };
    let initial = selected.get_untracked();
    let boxes = model
        .options
        .iter()
        .map(|o| {
            let id = format!("compare-option-{}", o.id);
            let for_id = id.clone();
            let checked_now = {
                let oid = o.id.clone();
                move || selected.with(|s| s.contains(&oid))
            };
            let on_click = {
                let oid = o.id.clone();
                move |ev: leptos::ev::MouseEvent| {
                    // Unchecking one of the last two: keep it checked and say why.
                    if selected.with_untracked(|s| s.len() <= 2 && s.contains(&oid)) {
                        ev.prevent_default();
                        set_refused.set(Some(TOO_FEW.to_owned()));
                    }
                }
            };
            let on_change = {
                let oid = o.id.clone();
                move |ev: leptos::ev::Event| choose.run((oid.clone(), event_target_checked(&ev)))
            };
            view! {
                <label
                    for=for_id
                    class="inline-flex cursor-pointer items-center gap-2 rounded border border-line bg-bg px-3 py-2 text-sm hover:border-accent"
                >
                    <input
                        type="checkbox"
                        id=id
                        name="options"
                        value=o.id.clone()
                        checked=initial.contains(&o.id)
                        prop:checked=checked_now
                        on:click=on_click
                        on:change=on_change
                        class="h-4 w-4 accent-accent"
                    />
                    {o.name.clone()}
                </label>
            }
        })
        .collect_view();
    let hidden_answers = move || {
        read.with(|r| {
            r.answers
                .iter()
                .flat_map(|(q, choices)| choices.iter().map(move |c| (q.clone(), c.clone())))
                .map(|(q, c)| view! { <input type="hidden" name=q value=c /> })
                .collect_view()
        })
    };
    let message = move || refused.get().or_else(|| url_notice.get());
    view! {
        <form
            method="get"
            autocomplete="off"
            action=action
            class="rounded-lg border border-line bg-surface p-4"
            data-testid="option-picker"
            on:submit=|ev| {
                ev.prevent_default();
            }
        >
            <fieldset>
                <legend class="font-medium">"Options to compare (two to four)"</legend>
                {hidden_extra}
                {hidden_answers}
                <div class="mt-3 flex flex-wrap gap-2">{boxes}</div>
            </fieldset>
            <p
                role="status"
                aria-live="polite"
                class="mt-2 text-sm text-warn"
                data-testid="options-notice"
            >
                {message}
            </p>
            <div class="no-js-only mt-3">
                <button
                    type="submit"
                    class="rounded bg-accent px-4 py-2 font-semibold text-accent-fg hover:bg-accent-strong"
                >
                    "Update"
                </button>
            </div>
        </form>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::model::load::builtin;
    use rstest::rstest;

    #[rstest]
    #[case("", None)]
    #[case("duration=hours", None)]
    #[case("options=durable-functions,step-functions-express", None)]
    #[case("options=durable-functions&options=step-functions-express", None)]
    #[case("options=durable-functions", Some("Choose at least two"))]
    #[case("options=", Some("Choose at least two"))]
    #[case(
        "options=durable-functions,durable-functions",
        Some("Choose at least two")
    )]
    #[case(
        "options=nope,durable-functions,eventbridge-lambda",
        Some("Unknown option ignored: “nope”.")
    )]
    #[case(
        "options=x,y",
        Some("Unknown options ignored: “x”, “y”. Choose at least two")
    )]
    fn notices_for_options(#[case] query: &str, #[case] expected: Option<&str>) {
        let model = builtin();
        let got = options_notice(&model, query);
        match expected {
            None => assert_eq!(got, None),
            Some(start) => {
                let got = got.expect("a notice");
                assert!(got.starts_with(start), "{got}");
            }
        }
    }

    #[test]
    fn toggling_keeps_model_order_and_at_least_two() {
        let model = builtin();
        let all: Vec<String> = model.options.iter().map(|o| o.id.clone()).collect();
        let two = vec![all[2].clone(), all[0].clone()];
        assert_eq!(toggle_option(&model, &two, &all[0], false), None);
        assert_eq!(
            toggle_option(&model, &two, &all[1], true),
            Some(vec![all[0].clone(), all[1].clone(), all[2].clone()])
        );
        let three = toggle_option(&model, &all, &all[3], false).expect("three left");
        assert_eq!(three, all[..3].to_vec());
        assert_eq!(options_param(&model, &all), "");
        assert_eq!(options_param(&model, &three), three.join(","));
    }

    #[test]
    fn option_links_keep_the_answers_and_the_embed_theme() {
        let model = builtin();
        let query = "duration=hours&options=durable-functions,eventbridge-lambda";
        let read = state::from_query(&model, query);
        let selected = state::selected_options(&model, query);
        let site = CompareContext::site();
        assert_eq!(
            site.link(
                &model,
                &read.answers,
                site.base_path,
                options_param(&model, &selected)
            ),
            "/compare?duration=hours&options=durable-functions,eventbridge-lambda"
        );
        let embed = CompareContext::embed("dark");
        assert_eq!(
            embed.link(
                &model,
                &read.answers,
                embed.base_path,
                options_param(&model, &selected)
            ),
            "/embed/compare?duration=hours&options=durable-functions,eventbridge-lambda&theme=dark"
        );
        // Every option chosen: no `options` parameter at all.
        let all: Vec<String> = model.options.iter().map(|o| o.id.clone()).collect();
        assert_eq!(
            site.link(
                &model,
                &read.answers,
                site.base_path,
                options_param(&model, &all)
            ),
            "/compare?duration=hours"
        );
    }
}

/// The oEmbed discovery link and the "Embed in a wiki page" snippet for this comparison.
#[component]
fn CompareSharing(
    model: SharedModel,
    read: Memo<ReadAnswers>,
    selected: Memo<Vec<String>>,
) -> impl IntoView {
    let origin = state::use_origin();
    let with_options = {
        let model = model.clone();
        move |path: &str| {
            let options = selected.with(|s| options_param(&model, s));
            read.with(|r| state::link(path, &model, &r.answers, &[("options", options)]))
        }
    };
    let page_url = format!("{origin}{}", with_options("/compare"));
    let oembed = format!(
        "{origin}/oembed?format=json&url={}",
        crate::model::answers::percent_encode(&page_url)
    );
    let embed_url = Signal::derive(move || format!("{origin}{}", with_options("/embed/compare")));
    view! {
        <Link
            rel="alternate"
            type_="application/json+oembed"
            href=oembed
            title="Orchestration Advisor"
        />
        <EmbedSnippet embed_url=embed_url />
    }
}
