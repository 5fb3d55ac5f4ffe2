//! `/whatif?a=<answers>&b=<answers>`: two answer sets side by side, and what moves between
//! them. Rendered on the server for the URL; each side's questionnaire is a GET form (with the
//! other side carried along), and once the island is live either side can be edited in place.

mod island;

pub use island::{WhatIf, WhatIfData};

use crate::components::layout::PageHeading;
use crate::components::questionnaire::Questionnaire;
use crate::context::{provide_island_data, use_frame, use_model, use_site, IslandSite};
use decision::query::{whatif_link, Page, WhatIfQuery};
use decision::shortcode;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_location, use_params_map};

/// `/whatif` and `/embed/whatif`.
#[component]
pub fn WhatIfPage() -> impl IntoView {
    let model = use_model();
    let query = WhatIfQuery::parse(model, &use_location().search.get_untracked());
    view! { <WhatIfView query=query /> }
}

/// `/w/<code>.<code>`: a what-if as two short codes.
#[component]
pub fn WhatIfShortPage() -> impl IntoView {
    let model = use_model();
    let codes = use_params_map().with_untracked(|p| p.get("codes").unwrap_or_default());
    let decoded = codes.split_once('.').and_then(|(a, b)| {
        Some((
            shortcode::decode(model, a).ok()?,
            shortcode::decode(model, b).ok()?,
        ))
    });
    match decoded {
        Some(((a, _), (b, _))) => {
            let query = WhatIfQuery::parse(
                model,
                &whatif_link(false, model, &a, &b, &[]).replacen("/whatif?", "", 1),
            );
            Either::Left(view! { <WhatIfView query=query /> })
        }
        None => Either::Right(view! { <crate::routes::not_found::NotFound reason=None /> }),
    }
}

#[component]
fn WhatIfView(query: WhatIfQuery) -> impl IntoView {
    let model = use_model();
    let site = use_site();
    let frame = use_frame();
    let framed = frame.framed();
    let (a, b) = (
        query.a.answers.to_query(model),
        query.b.answers.to_query(model),
    );
    let canonical = format!(
        "{}{}",
        site.origin,
        whatif_link(false, model, &query.a.answers, &query.b.answers, &[])
    );
    let mut notices = query.a.notices.clone();
    notices.extend(query.b.notices.clone());
    let action = Page::WhatIf.path(framed);
    let carry = move |other: &str, value: &str, side: &str| {
        let mut h = vec![
            (other.to_owned(), value.to_owned()),
            ("side".to_owned(), side.to_owned()),
        ];
        h.extend(frame.extras().into_iter().map(|(k, v)| (k.to_owned(), v)));
        h
    };
    let (hidden_a, hidden_b) = (carry("b", &b, "a"), carry("a", &a, "b"));
    let data = WhatIfData {
        a,
        b,
        notices,
        site: IslandSite::of(&site, frame),
    };
    view! {
        <Title text="What if — Orchestration Advisor" />
        <Meta
            name="description"
            content="Two sets of answers side by side: what changes in the ranking, the limits and the cost, and why."
        />
        <Link rel="canonical" href=canonical />
        <PageHeading title="What if…">
            "Change answers on the right and see what moves: the ranking, each option's limits at the new numbers, the cost, and the reasons behind every move. Today's answers stay on the left."
        </PageHeading>
        {provide_island_data(data)}
        <WhatIf>
            <div class="grid gap-8 lg:grid-cols-2 print:hidden">
                <details class="rounded-lg border border-line p-3" open=query.a.answers.is_empty()>
                    <summary class="cursor-pointer font-semibold">"Edit today's answers"</summary>
                    <div class="mt-3">
                        <Questionnaire
                            answers=query.a.answers.clone()
                            form_id="whatif-a"
                            action=action
                            title="Today"
                            hidden=hidden_a
                        />
                    </div>
                </details>
                <details class="rounded-lg border border-line p-3" open=true>
                    <summary class="cursor-pointer font-semibold">
                        "Edit the what-if answers"
                    </summary>
                    <div class="mt-3">
                        <Questionnaire
                            answers=query.b.answers.clone()
                            form_id="whatif-b"
                            action=action
                            title="What if"
                            hidden=hidden_b
                        />
                    </div>
                </details>
            </div>
        </WhatIf>
    }
}
