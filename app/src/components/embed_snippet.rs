//! The "Embed" disclosure: the iframe snippet for the current answers and a chosen theme.

use crate::components::copy::CopyButton;
use leptos::prelude::*;

/// The iframe markup a host page pastes; the README documents the same shape.
pub fn iframe_snippet(src: &str, height: u32) -> String {
    let src = src.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" title=\"Orchestration Advisor\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0\"></iframe>"
    )
}

/// A disclosure with the embed snippet for `embed_url` (absolute, without `theme`).
#[component]
pub fn EmbedSnippet(
    /// Absolute URL of the framed view with the current answers.
    embed_url: Signal<String>,
) -> impl IntoView {
    let (theme, set_theme) = signal(String::from("auto"));
    let snippet = Signal::derive(move || {
        let url = embed_url.get();
        let t = theme.get();
        let url = if t == "auto" {
            url
        } else if url.contains('?') {
            format!("{url}&theme={t}")
        } else {
            format!("{url}?theme={t}")
        };
        iframe_snippet(&url, 900)
    });
    view! {
        <details
            class="mt-3 rounded-lg border border-line bg-surface p-3 text-sm"
            data-testid="embed"
        >
            <summary class="cursor-pointer font-medium text-link">"Embed in a wiki page"</summary>
            <div class="mt-3 space-y-3">
                <p class="text-muted">
                    "Paste this into a page that allows HTML or iframes. The frame follows the answers below and links to the full view."
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
                    <code data-testid="embed-code">{move || snippet.get()}</code>
                </pre>
                <CopyButton text=snippet label="Copy embed code" />
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::iframe_snippet;

    #[test]
    fn snippet_escapes_the_url() {
        let s = iframe_snippet("https://a.example/embed?duration=hours&theme=dark", 900);
        assert!(s.contains("duration=hours&amp;theme=dark"));
        assert!(s.starts_with("<iframe src=\"https://a.example/embed?"));
    }
}
