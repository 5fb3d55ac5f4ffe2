//! The routes: each page under the site's layout, and the framed views under the embed layout.

use crate::components::layout::{EmbedLayout, SiteChrome, SiteLayout};
use crate::routes::{
    advisor::{AdvisorPage, ShortLinkPage},
    compare::ComparePage,
    not_found::NotFound,
    sources::SourcesPage,
    whatif::{WhatIfPage, WhatIfShortPage},
};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path, SsrMode,
};

/// The application. Every route renders to one complete string (`SsrMode::Async`), so a page
/// is a pure function of its URL and can be cached.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=|| {
                view! {
                    <SiteChrome>
                        <NotFound reason=None />
                    </SiteChrome>
                }
            }>
                <ParentRoute path=path!("/embed") view=EmbedLayout ssr=SsrMode::Async>
                    <Route path=path!("") view=AdvisorPage ssr=SsrMode::Async />
                    <Route path=path!("r/:code") view=ShortLinkPage ssr=SsrMode::Async />
                    <Route path=path!("compare") view=ComparePage ssr=SsrMode::Async />
                    <Route path=path!("whatif") view=WhatIfPage ssr=SsrMode::Async />
                    <Route path=path!("w/:codes") view=WhatIfShortPage ssr=SsrMode::Async />
                </ParentRoute>
                <ParentRoute path=path!("") view=SiteLayout ssr=SsrMode::Async>
                    <Route path=path!("") view=AdvisorPage ssr=SsrMode::Async />
                    <Route path=path!("r/:code") view=ShortLinkPage ssr=SsrMode::Async />
                    <Route path=path!("compare") view=ComparePage ssr=SsrMode::Async />
                    <Route path=path!("whatif") view=WhatIfPage ssr=SsrMode::Async />
                    <Route path=path!("w/:codes") view=WhatIfShortPage ssr=SsrMode::Async />
                    <Route path=path!("sources") view=SourcesPage ssr=SsrMode::Async />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
