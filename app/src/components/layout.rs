//! The site header (name, navigation, theme toggle) and footer.

use leptos::prelude::*;
use leptos_router::components::A;

/// The header with the product name and the main navigation.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="border-b border-line bg-surface">
            <div class="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
                <a
                    href="/"
                    class="flex items-center gap-2 text-lg font-semibold text-fg no-underline"
                >
                    <Logo />
                    "Orchestration Advisor"
                </a>
                <nav aria-label="Main" class="order-3 w-full sm:order-2 sm:w-auto">
                    <ul class="flex gap-1 text-sm">
                        <NavItem href="/" label="Advisor" />
                        <NavItem href="/compare" label="Compare" />
                        <NavItem href="/sources" label="Sources" />
                    </ul>
                </nav>
                <div class="order-2 ml-auto sm:order-3">
                    <ThemeToggle />
                </div>
            </div>
        </header>
    }
}

/// One navigation link; the router marks the current page with `aria-current="page"`.
#[component]
fn NavItem(
    /// Where the link goes.
    href: &'static str,
    /// Visible text.
    label: &'static str,
) -> impl IntoView {
    view! {
        <li>
            <A
                href=href
                exact=true
                attr:class="block rounded px-3 py-2 text-muted hover:bg-raised hover:text-fg aria-[current=page]:bg-raised aria-[current=page]:font-semibold aria-[current=page]:text-fg"
            >
                {label}
            </A>
        </li>
    }
}

/// Switches between light and dark and remembers the choice in `localStorage`.
///
/// Hidden until the page is hydrated, since it needs JavaScript; without it the page follows
/// the system setting.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    view! {
        <button
            type="button"
            class="js-only inline-flex items-center gap-2 rounded border border-line px-3 py-1.5 text-sm text-fg hover:bg-raised"
            aria-label="Switch between light and dark theme"
            title="Switch between light and dark theme"
            on:click=|_| toggle_theme()
        >
            <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                class="h-4 w-4"
                fill="none"
                stroke="currentColor"
                stroke-width="2"
            >
                <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
            </svg>
            <span>"Theme"</span>
        </button>
    }
}

#[cfg(feature = "hydrate")]
fn toggle_theme() {
    let Some(root) = document().document_element() else {
        return;
    };
    let classes = root.class_list();
    let system_dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let dark_now = classes.contains("dark") || (!classes.contains("light") && system_dark);
    let next = if dark_now { "light" } else { "dark" };
    let _ = classes.remove_2("light", "dark");
    let _ = classes.add_1(next);
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item("theme", next);
    }
}

#[cfg(not(feature = "hydrate"))]
fn toggle_theme() {}

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="mt-12 border-t border-line bg-surface">
            <div class="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:justify-between sm:px-6">
                <p>
                    "Every fact shown carries its source and date; see "
                    <a href="/sources" class="text-link underline">
                        "Sources"
                    </a> "."
                </p>
                <p>"Prices are us-east-1 list prices. Check your own quotas before you commit."</p>
            </div>
        </footer>
    }
}

/// The product mark: three connected steps.
#[component]
pub fn Logo() -> impl IntoView {
    view! {
        <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            class="h-6 w-6 text-accent"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
        >
            <circle cx="5" cy="6" r="2.5" />
            <circle cx="19" cy="6" r="2.5" />
            <circle cx="12" cy="18" r="2.5" />
            <path d="M7.5 6h9M6.3 8.2l4.4 7.6M17.7 8.2l-4.4 7.6" />
        </svg>
    }
}

/// A page's `<h1>` and introduction; smaller inside an embedding frame.
#[component]
pub fn PageHeading(
    /// The heading text.
    title: &'static str,
    /// Framed in another site.
    embedded: bool,
    /// The introduction paragraph's content.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="mb-6 max-w-3xl">
            <h1 class=if embedded {
                "text-xl font-bold"
            } else {
                "text-2xl font-bold sm:text-3xl"
            }>{title}</h1>
            <p class="mt-2 text-muted">{children()}</p>
        </div>
    }
}
