//! A button that copies text to the clipboard, with a spoken confirmation.

use leptos::prelude::*;

/// Copies `text` when pressed (after hydration); announces the result politely.
#[component]
pub fn CopyButton(
    /// What to copy, read at the moment of the click.
    text: Signal<String>,
    /// Visible label.
    label: &'static str,
    /// Extra classes.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    let on_click = move |_| {
        copy_to_clipboard(&text.get_untracked());
        set_status.set("Copied".to_owned());
    };
    view! {
        <span class="js-only inline-flex items-center gap-2">
            <button
                type="button"
                class=format!(
                    "rounded border border-line bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-raised {class}",
                )
                on:click=on_click
            >
                {label}
            </button>
            <span role="status" aria-live="polite" class="text-sm text-muted">
                {status}
            </span>
        </span>
    }
}

#[cfg(feature = "hydrate")]
fn copy_to_clipboard(text: &str) {
    let clipboard = window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}

#[cfg(not(feature = "hydrate"))]
fn copy_to_clipboard(_text: &str) {}
