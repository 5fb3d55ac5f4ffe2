//! Ways to take the result along: the link (full and short), the comparison and what-if views
//! for the same answers, the decision record, and the snippet that frames it in a wiki.
//!
//! Copying is done by the site script (`data-copy-text`, `data-copy-url`), so the island needs
//! no clipboard code of its own; without JavaScript the links and the download still work.

use crate::context::use_model;
use crate::context::IslandSite;
use decision::query::{iframe_html, link, whatif_link, Page};
use decision::{shortcode, Answers};
use leptos::prelude::*;

const BUTTON: &str = "js-only rounded border border-line bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-raised";

/// Links, copy buttons and the embed snippet for the current answers.
#[component]
pub fn ShareBox(
    /// The current answers.
    answers: RwSignal<Answers>,
) -> impl IntoView {
    let model = use_model();
    let site = expect_context::<IslandSite>();
    let origin = site.origin.clone();
    let framed = site.framed;
    let extras = site.extras();
    let target = framed.then_some("_blank");
    let query = move || answers.with(|a| a.to_query(model));
    let full = {
        let origin = origin.clone();
        move || answers.with(|a| format!("{origin}{}", link("/", model, a, &[])))
    };
    let short_path = move || answers.with(|a| format!("/r/{}", shortcode::encode(model, a)));
    let short_full = {
        let origin = origin.clone();
        move || format!("{origin}{}", short_path())
    };
    let compare = {
        let extras = extras.clone();
        move || answers.with(|a| link(Page::Compare.path(framed), model, a, &extras))
    };
    let whatif = {
        let extras = extras.clone();
        move || answers.with(|a| whatif_link(framed, model, a, a, &extras))
    };
    let adr = move || {
        let q = query();
        if q.is_empty() {
            "/adr".to_owned()
        } else {
            format!("/adr?{q}")
        }
    };
    let embed = {
        let origin = origin.clone();
        move || answers.with(|a| format!("{origin}{}", link("/embed", model, a, &[])))
    };
    view! {
        <div
            class="mt-6 break-inside-avoid rounded-lg border border-line bg-surface p-4 print:hidden"
            data-testid="share"
        >
            <h3 class="font-semibold">"Take this result along"</h3>
            <p class="mt-1 text-sm text-muted">
                "Links hold the answers themselves, so they never expire."
            </p>
            <div class="mt-3 flex flex-wrap items-center gap-3">
                <button type="button" class=BUTTON data-copy-text=full.clone()>
                    "Copy link"
                </button>
                <a
                    href=short_path
                    target=target
                    class="break-all text-sm text-link underline"
                    data-testid="short-link"
                >
                    {short_full.clone()}
                </a>
                <button type="button" class=BUTTON data-copy-text=short_full>
                    "Copy short link"
                </button>
            </div>
            <p class="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm">
                <a href=compare target=target class="text-link underline">
                    "Compare the options side by side"
                </a>
                <a href=whatif target=target class="text-link underline" data-testid="whatif-link">
                    "What if… (change answers and see what moves)"
                </a>
                {framed
                    .then(|| {
                        view! {
                            <a href=full.clone() target="_blank" class="text-link underline">
                                "Open the full advisor"
                            </a>
                        }
                    })}
            </p>
            <div class="mt-3 flex flex-wrap items-center gap-3 text-sm">
                <span class="font-medium">"Decision record (Markdown):"</span>
                <a href=adr download="" class="text-link underline" data-testid="adr-download">
                    "Download"
                </a>
                <button type="button" class=BUTTON data-copy-url=adr>
                    "Copy"
                </button>
            </div>
            {(!framed).then(|| view! { <EmbedSnippet embed_url=Signal::derive(embed) /> })}
        </div>
    }
}

/// A disclosure with the iframe snippet for the current answers and a chosen theme.
#[component]
fn EmbedSnippet(
    /// Absolute URL of the framed view with the current answers.
    embed_url: Signal<String>,
) -> impl IntoView {
    let (theme, set_theme) = signal(String::from("auto"));
    let snippet = move || {
        let url = embed_url.get();
        let url = match theme.get().as_str() {
            "light" | "dark" => format!(
                "{url}{}theme={}",
                if url.contains('?') { "&" } else { "?" },
                theme.get()
            ),
            _ => url,
        };
        iframe_html(&url, "Orchestration Advisor", None, 900)
    };
    view! {
        <details
            class="mt-3 rounded-lg border border-line bg-surface p-3 text-sm"
            data-testid="embed"
        >
            <summary class="cursor-pointer font-medium text-link">"Embed in a wiki page"</summary>
            <div class="mt-3 space-y-3">
                <p class="text-muted">
                    "Paste this into a page that allows HTML or iframes, or paste the plain link into a wiki that frames links: either way the frame follows these answers and links to the full view."
                </p>
                <div class="flex items-center gap-2">
                    <label for="embed-theme">"Theme"</label>
                    <select
                        id="embed-theme"
                        class="rounded border border-line bg-bg px-2 py-1"
                        on:change=move |ev| set_theme.set(event_target_value(&ev))
                        prop:value=move || theme.get()
                    >
                        <option value="auto">"Follow the reader's system"</option>
                        <option value="light">"Light"</option>
                        <option value="dark">"Dark"</option>
                    </select>
                </div>
                <pre class="overflow-x-auto whitespace-pre-wrap break-all rounded bg-raised p-2 font-mono text-xs">
                    <code data-testid="embed-code">{snippet}</code>
                </pre>
                <button type="button" class=BUTTON data-copy-text=snippet>
                    "Copy embed code"
                </button>
            </div>
        </details>
    }
}
