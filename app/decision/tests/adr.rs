//! The decision record: every MADR section, links absolute, tables and headings that render as
//! CommonMark (with the table extension GitHub, GitLab and Confluence's Markdown macro use).

mod common;
use common::MODEL;
use decision::PageQuery;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn record(query: &str) -> String {
    let answers = PageQuery::parse(&MODEL, query).answers;
    decision::adr::render(&MODEL, &answers, "https://advisor.example")
}

#[test]
fn every_section_is_present_and_renders() {
    let md = record("duration=36h&waits=human&repeat_safe=some-exactly-once&rate=12&steps=8");
    let mut headings = Vec::new();
    let mut links = Vec::new();
    let mut tables = 0;
    let mut in_heading = false;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) if level <= HeadingLevel::H2 => {
                in_heading = true
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => headings.push(t.to_string()),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Start(Tag::Table(_)) => tables += 1,
            _ => {}
        }
    }
    for section in [
        "Context and Problem Statement",
        "Decision Drivers",
        "Considered Options",
        "Decision Outcome",
        "Pros and Cons of the Options",
        "Links",
    ] {
        assert!(
            headings.iter().any(|h| h == section),
            "{section} in {headings:?}"
        );
    }
    assert!(
        headings[0].starts_with("Orchestrate the workflow"),
        "{headings:?}"
    );
    assert!(md.contains("- Status: proposed"));
    assert!(tables >= 1, "limits tables render as tables");
    assert!(links.len() >= 4);
    for l in &links {
        assert!(l.starts_with("https://"), "absolute link: {l}");
    }
    assert!(links
        .iter()
        .any(|l| l.starts_with("https://advisor.example/r/")));
    assert!(
        md.contains("How long does one run take"),
        "context in words: {md}"
    );
    assert!(md.contains("1.5 days"), "numbers included");
}

#[test]
fn an_architecture_leads_the_record_when_it_leads_the_result() {
    let md = record("steps=1&waits=none&trigger=event");
    assert!(md.starts_with("# Orchestrate the workflow: No orchestrator: a queue feeding Lambda"));
    assert!(md.contains("- No orchestrator: a queue feeding Lambda (No orchestrator)"));
}

#[test]
fn no_answers_still_gives_a_whole_record() {
    let md = record("");
    assert!(md.contains("Nothing answered yet"));
    assert!(md.contains("No option is chosen yet"));
}
