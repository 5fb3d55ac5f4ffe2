//! The advisor island: owns the answers, re-evaluates them in the browser on every change of
//! the form (its server-rendered children), and keeps the URL and title in step.

use super::result::ResultPanel;
use crate::components::notices::Notices;
use crate::components::questionnaire::{edits_answers, form_answers, form_edit};
use crate::context::{island_data, island_model, IslandData, IslandSite};
use borsh::{BorshDeserialize, BorshSerialize};
use decision::query::{link, Page};
use decision::{evaluate, Answers, Evaluation, FormNotices, Notice, PageQuery};
use leptos::prelude::*;

/// What the advisor island starts from. Its route provides it and renders it in the page
/// (see [`IslandData`]).
#[derive(Clone, Debug, BorshSerialize, BorshDeserialize)]
pub struct AdvisorData {
    /// The raw query string the answers come from; both sides parse it the same way.
    pub query: String,
    /// Notices raised before the query was read (opening a short link).
    pub notices: Vec<Notice>,
    /// Where the island is shown, decided by the server.
    pub site: IslandSite,
}

impl IslandData for AdvisorData {
    const ELEMENT_ID: &'static str = "advisor-data";
}

/// The questionnaire (passed in as server-rendered children) and the result that follows it.
/// It starts from [`AdvisorData`].
#[island]
pub fn Advisor(children: Children) -> impl IntoView {
    let AdvisorData {
        query,
        notices,
        site,
    } = island_data();
    let model = island_model();
    provide_context(model);
    provide_context(site.clone());
    let in_frame = site.framed;
    let parsed = PageQuery::parse(model, &query);
    let mut first = notices;
    first.extend(parsed.notices);
    let answers = RwSignal::new(parsed.answers);
    let notices = RwSignal::new(FormNotices::from_link(first));
    let eval = Memo::new(move |_| answers.with(|a| evaluate(model, a)));
    // What the reader does not look at while answering follows a frame later.
    let later = after_paint(answers);

    // In the browser only: mark the page interactive, then follow every change in the URL
    // (replacing the entry: the URL is the state, not a trail of edits) and the title, a frame
    // after the answer: under a 4x CPU throttle `replaceState` took 0.4 to 10 ms (about 2 ms
    // typically), time the ranking waited for while this effect followed `answers`.
    Effect::new(move |prev: Option<()>| {
        let query = later.with(|a| {
            let path = Page::Advisor.path(site.framed);
            link(path, model, a, &site.extras())
        });
        // `later` only ever holds the current answers, so `eval` is their evaluation.
        let title = eval.with_untracked(Evaluation::page_title);
        if prev.is_none() {
            // Answers clicked while the page was loading count too (this effect runs again).
            if let Some(now) = form_answers("questionnaire") {
                if answers.with_untracked(|a| *a != now) {
                    answers.set(now);
                }
            }
            mark_interactive();
            return;
        }
        replace_url(&query);
        document().set_title(&title);
    });

    let on_edit = move |ev: web_sys::Event| {
        if !edits_answers(&ev) {
            return;
        }
        if let Some(edit) = form_edit(&ev) {
            edit.apply(model, answers, notices);
        }
    };
    // One panel type in either place: two orderings as two view types would compile the whole
    // result panel into the wasm twice.
    let panel = move || view! { <ResultPanel eval=eval later=later /> };
    view! {
        <Notices
            notices=Signal::derive(move || notices.with(FormNotices::all))
            origin=Signal::derive(move || notices.with(FormNotices::origin))
        />
        // On narrow screens the result sits below every question; let readers jump to it.
        <p class="mb-4 lg:hidden print:hidden" class:hidden=in_frame>
            <a href="#result-title" class="text-sm font-medium text-link underline">
                "Jump to the recommendation"
            </a>
        </p>
        // In a wiki frame readers come for the answer, so the result comes first, in the
        // document and therefore on screen. (CSS `order` was used before: the browser paints
        // while it parses, so the questions showed first and jumped down once the result
        // arrived, a layout shift of 0.56 on a phone.)
        <div class="grid gap-8 lg:grid-cols-2" on:change=on_edit on:input=on_edit>
            {in_frame.then(panel)}
            {children()}
            {(!in_frame).then(|| view! { <PinnedVerdict eval=eval /> })}
            {(!in_frame).then(panel)}
        </div>
    }
}

/// On a phone the result sits below every question, so an answer's effect is out of sight:
/// this bar keeps the verdict in a few words at the foot of the screen while the reader
/// answers, follows each answer, and leads to the result, above which it settles once the
/// reader gets there (and while keyboard focus is elsewhere: see `pinned-verdict` in
/// `style/theme.css`). Not on wide screens, where the result sits beside the questions, nor in
/// a frame, where the result comes first, nor on paper.
#[component]
fn PinnedVerdict(
    /// The evaluation of the current answers.
    eval: Memo<Evaluation<'static>>,
) -> impl IntoView {
    view! {
        <a
            href="#result-title"
            class="pinned-verdict sticky bottom-2 z-10 block min-w-0 rounded-lg border border-line bg-surface px-4 py-3 text-sm shadow-lg lg:hidden print:hidden"
            data-testid="pinned-verdict"
        >
            <span class="line-clamp-2 font-medium">
                {move || eval.with(Evaluation::short_verdict)}
            </span>
            <span class="text-link underline">"See why, and the other options"</span>
        </a>
    }
}

/// A copy of `answers` that takes each change after the browser has painted the next frame
/// (a task queued from `requestAnimationFrame`), several changes within a frame as one.
///
/// It compares instead of skipping its first run: an effect that runs before it on hydration
/// may already have changed `answers` (to the answers clicked while the page loaded), and
/// skipping then left the copy on the link's answers until the next edit.
fn after_paint(answers: RwSignal<Answers>) -> RwSignal<Answers> {
    let later = RwSignal::new(answers.get_untracked());
    let queued = StoredValue::new(false);
    Effect::new(move || {
        let changed = answers.with(|now| later.with_untracked(|a| a != now));
        if !changed || queued.get_value() {
            return;
        }
        queued.set_value(true);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    queued.set_value(false);
                    let now = answers.get_untracked();
                    if later.with_untracked(|a| *a != now) {
                        later.set(now);
                    }
                },
                std::time::Duration::ZERO,
            );
        });
    });
    later
}

/// Replaces the current history entry's URL.
fn replace_url(url: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Lets tests (and curious readers of the DOM) know the island is live.
fn mark_interactive() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
