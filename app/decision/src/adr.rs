//! An architecture decision record in the MADR layout (title, status, context and problem,
//! decision drivers, considered options, decision outcome with consequences, pros and cons of
//! the options, links), written from one evaluation so a team can paste it into GitHub, GitLab
//! or Confluence.

use crate::answers::{describe_slot, Answers};
use crate::comparison::status_words;
use crate::engine::{evaluate, Fit, Ranked};
use crate::export::markdown_cell;
use crate::model::Model;
use crate::number;
use crate::query::link;
use crate::shortcode;
use std::fmt::Write as _;

/// The file name a download of the record gets.
pub fn file_name(model: &Model, answers: &Answers) -> String {
    format!("adr-orchestration-{}.md", shortcode::encode(model, answers))
}

/// The record for an answer set. `origin` is the scheme and host links start with.
pub fn render(model: &Model, answers: &Answers, origin: &str) -> String {
    let eval = evaluate(model, answers);
    let mut md = String::new();
    let top = eval.top.and_then(|t| model.option(t));
    let title = match (&eval.architecture, top) {
        (Some(a), _) => format!("Orchestrate the workflow: {}", a.title),
        (None, Some(o)) => format!("Orchestrate the workflow with {}", o.name),
        (None, None) => "Choose how to orchestrate the workflow on AWS".to_owned(),
    };
    let code = shortcode::encode(model, answers);
    let permanent = format!("{origin}/r/{code}");
    let _ = writeln!(md, "# {}\n", markdown_cell(&title));
    let _ = writeln!(md, "- Status: proposed");
    let _ = writeln!(md, "- Result: <{permanent}>");
    let _ = writeln!(
        md,
        "- Decision model: {} {} (revision {})\n",
        model.id, model.version, model.revision
    );

    // Context and problem.
    let _ = writeln!(md, "## Context and Problem Statement\n");
    let _ = writeln!(
        md,
        "We need to decide how to orchestrate a multi-step workload on AWS: Lambda durable functions, Step Functions Standard, Step Functions Express, or EventBridge with Lambda (or none of them). What we know about the workload:\n"
    );
    let described = answers.described(model);
    for (q, words) in &described {
        let _ = writeln!(
            md,
            "- {} **{}**",
            markdown_cell(&q.prompt),
            markdown_cell(words)
        );
    }
    if described.is_empty() {
        let _ = writeln!(md, "- Nothing answered yet.");
    }
    if !eval.cost_assumptions.is_empty() {
        let _ = writeln!(md, "\nCost estimates assume, where no figure was given:\n");
        for a in &eval.cost_assumptions {
            let _ = writeln!(md, "- {}", markdown_cell(a));
        }
    }
    md.push('\n');

    // Decision drivers: the answers behind the strongest reasons of the leading options.
    let _ = writeln!(md, "## Decision Drivers\n");
    let mut drivers: Vec<(i32, String)> = Vec::new();
    for r in eval.ranking.iter().take(2) {
        for reason in r.excluded_by.iter().chain(&r.pros).chain(&r.against) {
            let Some(q) = reason.question.and_then(|q| model.question(q)) else {
                continue;
            };
            let qi = model.question_index(&q.id).unwrap_or(0);
            let weight = if reason.weight == 0 {
                30
            } else {
                reason.weight.abs()
            };
            let text = format!("{}: {}", q.prompt, describe_slot(q, answers.slot(qi)));
            match drivers.iter_mut().find(|(_, t)| *t == text) {
                Some(d) => d.0 = d.0.max(weight),
                None => drivers.push((weight, text)),
            }
        }
    }
    drivers.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if drivers.is_empty() {
        let _ = writeln!(md, "- None yet: no answer moves the options apart.");
    }
    for (_, d) in drivers.iter().take(6) {
        let _ = writeln!(md, "- {}", markdown_cell(d));
    }
    md.push('\n');

    // Considered options.
    let _ = writeln!(md, "## Considered Options\n");
    if let Some(a) = &eval.architecture {
        let _ = writeln!(md, "- {} ({})", markdown_cell(a.title), a.kind.label());
    }
    for o in &model.options {
        let _ = writeln!(md, "- {}", markdown_cell(&o.name));
    }
    md.push('\n');

    // Outcome.
    let _ = writeln!(md, "## Decision Outcome\n");
    match (&eval.architecture, top) {
        (Some(a), _) => {
            let _ = writeln!(
                md,
                "Chosen option: \"{}\", because {}\n",
                markdown_cell(a.title),
                markdown_cell(a.summary)
            );
            for p in &a.parts {
                let who = p
                    .option
                    .and_then(|o| model.option(o))
                    .map_or_else(String::new, |o| format!("{}: ", o.name));
                let _ = writeln!(md, "- {who}{}", markdown_cell(p.role));
            }
            for f in &a.figures {
                let _ = writeln!(md, "- {}: {}", f.label(), f.text());
            }
            md.push('\n');
        }
        (None, Some(o)) => {
            let _ = writeln!(
                md,
                "Chosen option: \"{}\", because {}\n",
                o.name,
                markdown_cell(&eval.verdict)
            );
        }
        (None, None) => {
            let _ = writeln!(
                md,
                "No option is chosen yet: {}\n",
                markdown_cell(&eval.verdict)
            );
        }
    }
    if let Some(u) = &eval.unmet {
        let _ = writeln!(md, "**Unmet:** {}\n", markdown_cell(&u.message));
        for a in &u.advice {
            let _ = writeln!(md, "- {}", markdown_cell(a));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "### Consequences\n");
    if let Some(r) = eval.ranking.first().filter(|_| eval.top.is_some()) {
        for p in r.pros.iter().take(4) {
            let _ = writeln!(md, "- Good, because {}", markdown_cell(&p.text.to_string()));
        }
        for a in r.against.iter().take(4) {
            let _ = writeln!(md, "- Bad, because {}", markdown_cell(&a.text.to_string()));
        }
    }
    for c in &eval.conflicts {
        let _ = writeln!(md, "- To settle: {}", markdown_cell(&c.message));
    }
    if eval.what_would_change.is_empty() {
        let _ = writeln!(md, "- No single changed answer would change the pick.");
    }
    for c in &eval.what_would_change {
        let _ = writeln!(
            md,
            "- Would change the pick: {}",
            markdown_cell(&c.summary())
        );
    }
    md.push('\n');

    // Pros and cons of every option.
    let _ = writeln!(md, "## Pros and Cons of the Options\n");
    for r in &eval.ranking {
        option_section(&mut md, model, r);
    }

    // Links.
    let _ = writeln!(md, "## Links\n");
    let _ = writeln!(md, "- [This result in the advisor]({permanent})");
    let _ = writeln!(
        md,
        "- [The comparison tables for these answers]({origin}{})",
        link("/compare", model, answers, &[])
    );
    let _ = writeln!(md, "- [Every fact with its source]({origin}/sources)");
    let mut cited: Vec<&str> = Vec::new();
    for r in &eval.ranking {
        for reason in r.excluded_by.iter().chain(&r.pros).chain(&r.against) {
            cited.extend(reason.facts.iter().map(String::as_str));
        }
        for l in &r.limits {
            cited.extend(l.facts.iter().map(String::as_str));
        }
    }
    let mut sources: Vec<&str> = cited
        .iter()
        .filter_map(|f| model.fact(f).map(|f| f.source.as_str()))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    for s in sources.iter().filter_map(|s| model.source(s)) {
        let third = if s.kind == crate::model::SourceKind::ThirdParty {
            " (third-party)"
        } else {
            ""
        };
        let _ = writeln!(
            md,
            "- [{}]({}){third}, as of {}",
            markdown_cell(&s.title).replace(['[', ']'], ""),
            s.url,
            s.as_of
        );
    }
    md
}

fn option_section(md: &mut String, model: &Model, r: &Ranked<'_>) {
    let _ = writeln!(md, "### {}\n", markdown_cell(r.name));
    if let Some(o) = model.option(r.option) {
        let _ = writeln!(md, "{}\n", markdown_cell(&o.summary));
    }
    let standing = match r.fit {
        Fit::Fits => format!("Fit score {} of 100.", r.score),
        Fit::NeedsSplit => format!("Fit score {} of 100, once the run is split.", r.score),
        Fit::NeedsWorkaround => format!(
            "Fit score {} of 100, once part of the work goes around a hard limit.",
            r.score
        ),
        Fit::Excluded => "Excluded by the answers.".to_owned(),
    };
    let _ = writeln!(md, "{standing}\n");
    for x in &r.excluded_by {
        let _ = writeln!(
            md,
            "- Excluded, because {}",
            markdown_cell(&x.text.to_string())
        );
    }
    for p in &r.pros {
        let _ = writeln!(md, "- Good, because {}", markdown_cell(&p.text.to_string()));
    }
    for a in &r.against {
        let _ = writeln!(md, "- Bad, because {}", markdown_cell(&a.text.to_string()));
    }
    if r.excluded_by.is_empty() && r.pros.is_empty() && r.against.is_empty() {
        let _ = writeln!(md, "- Neutral: no answer moves it.");
    }
    md.push('\n');
    if !r.limits.is_empty() {
        let _ = writeln!(md, "| Limit | Yours of the limit | Status |");
        let _ = writeln!(md, "| --- | --- | --- |");
        for l in &r.limits {
            let status = match status_words(l.status, l.hard) {
                "" => "within it",
                s => s,
            };
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                markdown_cell(l.label),
                markdown_cell(&l.text()),
                status
            );
        }
        md.push('\n');
    }
    if let Some(c) = &r.cost {
        let _ = writeln!(
            md,
            "Cost at these numbers: about {}{}.\n",
            number::usd(c.monthly_usd),
            c.month_words()
        );
    }
}
