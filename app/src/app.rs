//! The document shell, the router and the context every page reads.

use crate::components::layout::{Footer, Header};
use crate::routes::{
    advisor::{AdvisorPage, ShortLinkPage},
    compare::ComparePage,
    embed::{EmbedAdvisorPage, EmbedComparePage},
    not_found::NotFound,
    sources::SourcesPage,
};
use crate::state::SharedModel;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// What the server knows when it renders the document around the app.
#[derive(Clone, Debug)]
pub struct ShellConfig {
    pub options: LeptosOptions,
    /// Content-hashed URL of the generated stylesheet.
    pub stylesheet: String,
    /// The model as JSON, for the browser's copy of the engine.
    pub model_json: std::sync::Arc<str>,
}

/// Id of the `<script type="application/json">` that carries the model to the browser.
pub const MODEL_ELEMENT_ID: &str = "model-data";

/// Runs before first paint so a remembered theme never flashes the other one.
const THEME_SCRIPT: &str =
    "try{var t=localStorage.getItem('theme');var d=document.documentElement;\
if(t==='dark'||t==='light'){d.classList.add(t)}}catch(e){}";

/// The HTML document. Rendered on the server only; the browser hydrates `<body>`.
pub fn shell(config: ShellConfig) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_request_nonce();
    let nonce = leptos::nonce::use_nonce();
    // `<` cannot appear in JSON outside strings, and inside them `\u003c` means the same.
    let model_json = config.model_json.replace('<', "\\u003c");
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <script nonce=nonce.clone() inner_html=THEME_SCRIPT></script>
                <link rel="stylesheet" href=config.stylesheet />
                <link rel="icon" href="/favicon.ico" sizes="any" />
                <script
                    type="application/json"
                    id=MODEL_ELEMENT_ID
                    nonce=nonce
                    inner_html=model_json
                ></script>
                <AutoReload options=config.options.clone() />
                <HydrationScripts options=config.options />
                <MetaTags />
            </head>
            <body class="min-h-screen bg-bg text-fg antialiased">
                <App />
            </body>
        </html>
    }
}

/// Uses the nonce that the server's security middleware put in the request, so the
/// `Content-Security-Policy` header and the page's scripts agree.
#[cfg(feature = "ssr")]
fn provide_request_nonce() {
    if let Some(parts) = use_context::<http::request::Parts>() {
        if let Some(nonce) = parts.extensions.get::<CspNonce>() {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0.clone()));
        }
    }
}

/// The per-response nonce, inserted into request extensions by the server.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// Reads the model the server embedded in the page.
#[cfg(feature = "hydrate")]
pub fn embedded_model() -> Option<SharedModel> {
    let text = leptos::prelude::document()
        .get_element_by_id(MODEL_ELEMENT_ID)?
        .text_content()?;
    serde_json::from_str(&text).ok().map(std::sync::Arc::new)
}

/// The model from context. Pages are only rendered where it was provided.
pub fn use_model() -> SharedModel {
    use_context::<SharedModel>().expect("the model is provided by the server and by hydrate()")
}

/// The application: header, routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=|| {
                view! {
                    <Framed>
                        <NotFound />
                    </Framed>
                }
            }>
                <Route
                    path=path!("/")
                    view=|| {
                        view! {
                            <Framed>
                                <AdvisorPage />
                            </Framed>
                        }
                    }
                />
                <Route
                    path=path!("/r/:code")
                    view=|| {
                        view! {
                            <Framed>
                                <ShortLinkPage />
                            </Framed>
                        }
                    }
                />
                <Route
                    path=path!("/compare")
                    view=|| {
                        view! {
                            <Framed>
                                <ComparePage />
                            </Framed>
                        }
                    }
                />
                <Route
                    path=path!("/sources")
                    view=|| {
                        view! {
                            <Framed>
                                <SourcesPage />
                            </Framed>
                        }
                    }
                />
                <Route path=path!("/embed") view=EmbedAdvisorPage />
                <Route path=path!("/embed/compare") view=EmbedComparePage />
            </Routes>
        </Router>
    }
}

/// The site's header and footer around a full (not embedded) page.
#[component]
fn Framed(children: Children) -> impl IntoView {
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
