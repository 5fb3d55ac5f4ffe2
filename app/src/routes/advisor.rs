//! The advisor: the questionnaire and the explained recommendation, side by side.
//!
//! The URL is the state. The page is rendered on the server for its query string; the
//! questionnaire is a plain form that submits by GET, so it works without JavaScript. With
//! JavaScript, the [`island::Advisor`] island re-evaluates in the browser on every change and
//! replaces the URL, with the same engine the server used.

mod island;
mod meta;
mod result;
mod share;

pub use island::{Advisor, AdvisorData};

use crate::components::layout::PageHeading;
use crate::components::questionnaire::Questionnaire;
use crate::context::{provide_island_data, use_frame, use_model, use_site, IslandSite};
use crate::routes::not_found::NotFound;
use decision::query::Page;
use decision::{shortcode, Notice, PageQuery};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use meta::PageMeta;

/// `/` and `/embed`: the answers come from the query string.
#[component]
pub fn AdvisorPage() -> impl IntoView {
    let query = use_location().search.get_untracked();
    view! { <AdvisorView query=query extra_notices=Vec::new() /> }
}

/// `/r/<code>`: the answers come from a short link; a code that cannot be opened is a 404 that
/// says why.
#[component]
pub fn ShortLinkPage() -> impl IntoView {
    let model = use_model();
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    match shortcode::decode(model, &code) {
        Ok((answers, notices)) => Either::Left(
            view! { <AdvisorView query=answers.to_query(model) extra_notices=notices /> },
        ),
        Err(e) => Either::Right(view! { <NotFound reason=Some(e) /> }),
    }
}

/// The page for one answer set: meta tags, heading, the model for the browser, and the island.
#[component]
fn AdvisorView(
    /// The raw query string the answers come from.
    query: String,
    /// Notices raised before the query (by opening a short link).
    extra_notices: Vec<Notice>,
) -> impl IntoView {
    let model = use_model();
    let site = use_site();
    let frame = use_frame();
    let parsed = PageQuery::parse(model, &query);
    let data = AdvisorData {
        query,
        notices: extra_notices,
        site: IslandSite::of(&site, frame),
    };
    view! {
        <PageMeta answers=parsed.answers.clone() />
        <PageHeading title="Which AWS orchestration approach fits your workflow?">
            "Answer what you know about the workload, in figures where you have them. Each answer moves the four approaches — Lambda durable functions, Step Functions Standard, Step Functions Express, and EventBridge with Lambda — every quota is checked at your numbers, and every reason links to the fact behind it."
        </PageHeading>
        {provide_island_data(data)}
        <Advisor>
            <Questionnaire
                answers=parsed.answers
                form_id="questionnaire"
                action=Page::Advisor.path(frame.framed())
                hidden=frame.extras().into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            />
        </Advisor>
    }
}
