//! The advisor's title, description, canonical link and link-preview tags, for the answers the
//! page was opened with. Rendered on the server, where unfurlers read them.

use crate::context::{use_model, use_site};
use decision::query::{link, percent_encode, Page};
use decision::{evaluate, shortcode, Answers};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// Title, description, canonical and oEmbed links, Open Graph and Twitter tags.
#[component]
pub fn PageMeta(
    /// The answers the page was opened with.
    answers: Answers,
) -> impl IntoView {
    let model = use_model();
    let origin = use_site().origin;
    let eval = evaluate(model, &answers);
    let canonical = format!(
        "{origin}{}",
        link(Page::Advisor.path(false), model, &answers, &[])
    );
    let description = format!(
        "{} Based on {} of {} answers.",
        eval.verdict, eval.confidence.answered, eval.confidence.total
    );
    let title = eval.page_title();
    let image = format!("{origin}/og/{}.png", shortcode::encode(model, &answers));
    let oembed = format!(
        "{origin}/oembed?format=json&url={}",
        percent_encode(&canonical)
    );
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=canonical.clone() />
        <Link
            rel="alternate"
            type_="application/json+oembed"
            href=oembed
            title="Orchestration Advisor"
        />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content="Orchestration Advisor" />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=canonical />
        <Meta property="og:image" content=image.clone() />
        <Meta property="og:image:width" content="1200" />
        <Meta property="og:image:height" content="630" />
        <Meta name="twitter:card" content="summary_large_image" />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        <Meta name="twitter:image" content=image />
    }
}
