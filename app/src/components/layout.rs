//! The two layouts every page sits in, and the pieces they share: the site's header and
//! footer, and the slim header of a framed page.

use crate::context::{use_frame, Frame};
use decision::Theme;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_location;

/// The site's own layout: skip link, header, the page, footer.
#[component]
pub fn SiteLayout() -> impl IntoView {
    view! {
        <SiteChrome>
            <Outlet />
        </SiteChrome>
    }
}

/// The site's chrome around a page (also used by the 404 page, which has no route).
#[component]
pub fn SiteChrome(children: Children) -> impl IntoView {
    provide_context(Frame::Site);
    view! {
        <a
            href="#main"
            class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-raised focus:px-3 focus:py-2"
        >
            "Skip to content"
        </a>
        <Header />
        <main
            id="main"
            tabindex="-1"
            class="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 focus:outline-none"
        >
            {children()}
        </main>
        <Footer />
    }
}

/// The framed layout for wikis: a one-line header that links to the full view, and the page.
/// Its height is the content's (no viewport units), so the host frame can follow it.
#[component]
pub fn EmbedLayout() -> impl IntoView {
    let location = use_location();
    let query = location.search.get_untracked();
    let theme = decision::query::lenient_pairs(&query)
        .0
        .iter()
        .find(|(k, _)| k == "theme")
        .map_or(Theme::Auto, |(_, v)| Theme::parse(v));
    provide_context(Frame::Embed { theme });
    // The same page in the full site, without the frame's theme.
    let path = location.pathname.get_untracked();
    let full_path = match path.trim_start_matches("/embed") {
        "" | "/" => "/".to_owned(),
        rest => rest.to_owned(),
    };
    let kept: Vec<String> = decision::query::lenient_pairs(&query)
        .0
        .into_iter()
        .filter(|(k, _)| k != "theme")
        .map(|(k, v)| {
            format!(
                "{}={}",
                decision::query::percent_encode(&k),
                decision::query::percent_encode(&v)
            )
        })
        .collect();
    let full = if kept.is_empty() {
        full_path
    } else {
        format!("{full_path}?{}", kept.join("&"))
    };
    view! {
        <div class="bg-bg text-fg" data-embed="true">
            <header class="flex flex-wrap items-center justify-between gap-2 border-b border-line bg-surface px-3 py-2 text-sm">
                <span class="flex items-center gap-2 font-semibold">
                    <Logo />
                    "Orchestration Advisor"
                </span>
                <a
                    href=full
                    target="_blank"
                    rel="noopener"
                    class="text-link underline"
                    data-full-view=""
                >
                    "Open the full view"
                    <span class="sr-only">" (opens in a new tab)"</span>
                </a>
            </header>
            <main id="main" class="px-3 py-4">
                <Outlet />
            </main>
        </div>
    }
}

/// The header with the product name, the main navigation and the theme toggle.
#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="border-b border-line bg-surface print:hidden">
            <div class="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
                <a
                    href="/"
                    class="flex items-center gap-2 text-lg font-semibold text-fg no-underline"
                >
                    <Logo />
                    "Orchestration Advisor"
                </a>
                <nav aria-label="Main" class="order-3 w-full sm:order-2 sm:w-auto">
                    <ul class="flex flex-wrap gap-1 text-sm">
                        <NavItem href="/" label="Advisor" />
                        <NavItem href="/compare" label="Compare" />
                        <NavItem href="/whatif" label="What if" />
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

/// Switches between light and dark and remembers the choice; the site script does the work,
/// so the button shows only when scripts run.
#[component]
fn ThemeToggle() -> impl IntoView {
    view! {
        <button
            type="button"
            data-theme-toggle=""
            class="js-only inline-flex items-center gap-2 rounded border border-line px-3 py-1.5 text-sm text-fg hover:bg-raised"
            aria-label="Switch between light and dark theme"
            title="Switch between light and dark theme"
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

/// The site footer.
#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="mt-12 border-t border-line bg-surface print:hidden">
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

/// A page's `<h1>` and introduction; smaller inside a frame.
#[component]
pub fn PageHeading(
    /// The heading text.
    title: &'static str,
    /// The introduction paragraph's content.
    children: Children,
) -> impl IntoView {
    let framed = use_frame().framed();
    view! {
        <div class="mb-6 max-w-3xl print:mb-2">
            <h1 class=if framed {
                "text-xl font-bold"
            } else {
                "text-2xl font-bold sm:text-3xl print:text-base"
            }>{title}</h1>
            <p class="mt-2 text-muted print:hidden">{children()}</p>
        </div>
    }
}
