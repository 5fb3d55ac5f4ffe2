//! The questionnaire: a plain GET form, rendered on the server with the current answers
//! checked. Without JavaScript it submits; inside an island every change re-evaluates at once.
//! Questions that take a figure have a text field beside their ranges; a figure is the finer
//! answer and wins over a range. The advisor has one; what-if has two side by side.

use crate::components::citation::FactCite;
use crate::context::island_model;
use crate::context::{use_frame, use_model};
use decision::answers::Slot;
use decision::model::{Question, QuestionKind};
use decision::{number, Answers};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A choice is a visually hidden native input followed by a pill that shows its state, so
/// keyboard and screen-reader behaviour stays the browser's own.
const CHOICE_LABEL: &str = "relative inline-flex cursor-pointer";
const CHOICE_INPUT: &str = "peer absolute h-px w-px opacity-0";
const CHOICE_PILL: &str = "rounded-full border border-line bg-bg px-3 py-1.5 text-sm hover:border-accent peer-checked:border-accent peer-checked:bg-accent peer-checked:text-accent-fg choice-pill";

/// The form, grouped as the model groups its questions.
#[component]
pub fn Questionnaire(
    /// The answers the page was opened with (checked and filled in).
    answers: Answers,
    /// The form's element id; element ids inside it start with it too, so two forms can share
    /// a page.
    form_id: &'static str,
    /// Where the form submits.
    action: &'static str,
    /// The form's heading.
    #[prop(default = "Your workload")]
    title: &'static str,
    /// Page parameters the form carries along (the frame's theme, the other side of a what-if).
    #[prop(optional)]
    hidden: Vec<(String, String)>,
) -> impl IntoView {
    let model = use_model();
    let hidden = hidden
        .into_iter()
        .map(|(k, v)| view! { <input type="hidden" name=k value=v /> })
        .collect_view();
    let groups = model
        .groups
        .iter()
        .map(|g| {
            let questions = model
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.group == g.id)
                .map(|(qi, q)| view! { <QuestionField question=q answer=answers.slot(qi) prefix=form_id /> })
                .collect_view();
            let heading = format!("{form_id}-group-{}", g.id);
            let labelled_by = heading.clone();
            view! {
                <section aria-labelledby=labelled_by class="space-y-4">
                    <h3 id=heading class="text-sm font-semibold uppercase tracking-wide text-muted">
                        {g.title.clone()}
                    </h3>
                    {questions}
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby=format!("{form_id}-title") class="min-w-0 print:hidden">
            <div class="mb-4 flex flex-wrap items-baseline justify-between gap-2">
                <h2 id=format!("{form_id}-title") class="text-xl font-semibold">
                    {title}
                </h2>
                <a href=action class="text-sm text-link underline">
                    "Start over"
                </a>
            </div>
            <form
                method="get"
                action=action
                id=form_id
                // Browsers restore edited form state on back/forward; the URL must win instead.
                autocomplete="off"
                class="space-y-8"
            >
                {hidden}
                {groups}
                <div class="no-js-only sticky bottom-0 border-t border-line bg-bg py-3">
                    <button
                        type="submit"
                        class="rounded bg-accent px-4 py-2 font-semibold text-accent-fg hover:bg-accent-strong"
                    >
                        "Show recommendation"
                    </button>
                    <p class="no-island-only mt-2 text-sm text-muted" role="status">
                        "The live result could not load here, so it does not follow your answers: this button shows the recommendation for them."
                    </p>
                </div>
            </form>
        </section>
    }
}

/// One question: radio pills (checkboxes for several answers), a figure field where the
/// question takes one, its help, and the facts behind it.
#[component]
fn QuestionField(
    /// The question.
    question: &'static Question,
    /// Its current answer.
    answer: Slot,
    /// Prefix of element ids (the form's id).
    prefix: &'static str,
) -> impl IntoView {
    let slot = answer;
    let qid = question.id.as_str();
    let multi = question.kind == QuestionKind::Multi;
    let help_id = format!("{prefix}-help-{qid}");
    // The advisor's own form keeps the short ids that "what would change" links point at.
    let el = move |rest: &str| {
        if prefix == "questionnaire" {
            format!("q-{qid}{rest}")
        } else {
            format!("{prefix}-q-{qid}{rest}")
        }
    };
    let input_type = if multi { "checkbox" } else { "radio" };
    let not_sure = (!multi && !question.choices.is_empty()).then(|| {
        let id = el("-unsure");
        let label_for = id.clone();
        view! {
            <label for=label_for class=CHOICE_LABEL>
                <input
                    type="radio"
                    id=id
                    class=CHOICE_INPUT
                    name=qid
                    value=""
                    checked=slot.is_empty()
                />
                <span class=CHOICE_PILL>"Not sure"</span>
            </label>
        }
    });
    let choices = question
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let id = el(&format!("-{}", c.id));
            let label_for = id.clone();
            view! {
                <label for=label_for class=CHOICE_LABEL>
                    <input
                        type=input_type
                        id=id
                        class=CHOICE_INPUT
                        name=qid
                        value=c.id.clone()
                        checked=slot.has(i)
                    />
                    <span class=CHOICE_PILL>{c.label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    let figure = question.number.as_ref().map(|spec| {
        let id = el("-figure");
        let label_for = id.clone();
        let described_by = help_id.clone();
        let value = slot
            .number
            .map(|v| number::canonical(spec.unit, v))
            .unwrap_or_default();
        let label = if question.choices.is_empty() {
            "Figure"
        } else {
            "Or a figure"
        };
        view! {
            <div class="mt-3 flex flex-wrap items-center gap-2 text-sm">
                <label for=label_for class="text-muted">
                    {label}
                </label>
                <input
                    type="text"
                    id=id
                    name=qid
                    value=value
                    inputmode="text"
                    spellcheck="false"
                    placeholder=format!("e.g. {}", spec.example)
                    aria-describedby=described_by
                    class="w-40 rounded border border-line bg-bg px-2 py-1 font-mono"
                />
                <span class="text-xs text-muted">{unit_hint(spec.unit)}</span>
            </div>
        }
    });
    let facts = (!question.facts.is_empty()).then(|| {
        let items = question
            .facts
            .iter()
            .map(|f| {
                view! {
                    <li>
                        <FactLine fact=f />
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="mt-3 text-sm">
                <summary class="cursor-pointer text-link">"Facts behind this question"</summary>
                <ul class="mt-2 space-y-1 pl-1">{items}</ul>
            </details>
        }
    });
    let described_by = help_id.clone();
    view! {
        <fieldset
            id=el("")
            aria-describedby=described_by
            class="rounded-lg border border-line bg-surface p-4"
        >
            // Floated, the legend sits inside the box instead of on its border.
            <legend class="float-left mb-2 w-full font-medium">{question.prompt.clone()}</legend>
            <p id=help_id class="clear-left mb-3 text-sm text-muted">
                {question.help.clone()}
                {multi.then_some(" Choose all that apply.")}
            </p>
            <div class="flex flex-wrap gap-2">{not_sure} {choices}</div>
            {figure}
            {facts}
        </fieldset>
    }
}

/// What a figure field accepts, in a few words.
fn unit_hint(unit: decision::model::Unit) -> &'static str {
    use decision::model::Unit;
    match unit {
        Unit::Seconds => "with a unit: s, m, h, d, mo",
        Unit::PerSecond => "per second (or 30/min)",
        Unit::Count => "a count (k, M allowed)",
        Unit::Kilobytes => "KB (or MB)",
        Unit::Megabytes => "MB",
        Unit::Milliseconds => "ms (or s)",
        Unit::PerMonth => "a month (k, M, B allowed)",
    }
}

/// A fact's value with its citation.
#[component]
fn FactLine(
    /// The fact's id.
    fact: &'static str,
) -> impl IntoView {
    let model = use_model();
    model.fact(fact).map(|f| {
        view! {
            <span>{f.value.clone()}</span>
            " — "
            <FactCite fact=fact.to_owned() new_tab=use_frame().framed() />
        }
    })
}

/// Whether the event is the one that carries an edit: `input` for a typed figure (each
/// keystroke), `change` for a choice. A click on a choice fires both, and a typed figure's
/// `change` on leaving the field repeats what its last `input` said; reading the form once
/// per edit halves the work of an answer.
pub fn edits_answers(ev: &web_sys::Event) -> bool {
    let typed = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.type_() == "text");
    typed == (ev.type_() == "input")
}

/// The answers form `form_id` holds now, every input read: a reader may click before the page
/// is interactive (the wasm still loading), and those answers are not in the link the island
/// started from. Islands call it once, when they hydrate; each edit after that reads only its
/// own question ([`form_edit`]). `None` when there is no such form.
pub fn form_answers(form_id: &str) -> Option<Answers> {
    let form = document()
        .get_element_by_id(form_id)?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()?;
    let data = web_sys::FormData::new_with_form(&form).ok()?;
    let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    let query = String::from(params.to_string());
    Some(decision::PageQuery::parse(island_model(), &query).answers)
}

/// One edit of a questionnaire: which form and question, and what that question's inputs now
/// hold, in the form's order (checked choices and the typed figure, as a form would submit
/// them). Feed it to [`decision::Answers::replace_answer`].
pub struct FormEdit {
    /// The form's id (the what-if page has two).
    pub form: String,
    /// The question's id (the inputs' name).
    pub question: String,
    /// The values its inputs would submit.
    pub values: Vec<String>,
}

impl FormEdit {
    /// Replaces the edited question's answer in `answers` and records the notices its inputs
    /// raised (an unreadable figure) in `notices`.
    pub fn apply(
        &self,
        model: &decision::Model,
        answers: RwSignal<Answers>,
        notices: RwSignal<decision::FormNotices>,
    ) {
        let mut raised = None;
        answers.update(|a| {
            raised = a.replace_answer(
                model,
                &self.question,
                self.values.iter().map(String::as_str),
            );
        });
        if let Some(raised) = raised {
            notices.update(|n| n.edited(&self.form, &self.question, raised));
        }
    }
}

/// The edited question's inputs, after keeping a figure and its ranges consistent: typing a
/// figure selects the range that holds it, choosing a range clears the figure. Only that
/// question's inputs are read, not the whole form: reading every input into a query and
/// parsing it again was a tenth of an answer's time. Used by the islands that hold a
/// questionnaire (the advisor and the what-if's two sides).
pub fn form_edit(ev: &web_sys::Event) -> Option<FormEdit> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let form = input.form()?;
    let name = input.name();
    let found = form
        .query_selector_all(&format!("input[name=\"{name}\"]"))
        .ok()?;
    let others: Vec<web_sys::HtmlInputElement> = (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect();
    match input.type_().as_str() {
        "radio" => {
            for el in &others {
                if el.type_() == "text" && !el.value().is_empty() {
                    el.set_value("");
                }
            }
        }
        "text" => {
            let model = island_model();
            let text = input.value();
            let bucket = model.question(&name).and_then(|q| {
                let i = decision::answers::typed_choice(q, &text)?;
                Some(q.choices[i].id.clone())
            });
            let wanted = bucket.as_deref().unwrap_or("");
            for el in &others {
                if el.type_() == "radio" {
                    el.set_checked(el.value() == wanted);
                }
            }
        }
        _ => {}
    }
    // What the form would submit for this name: checked choices, every other input's value.
    let values = others
        .iter()
        .filter(|el| !el.disabled())
        .filter(|el| !matches!(el.type_().as_str(), "radio" | "checkbox") || el.checked())
        .map(|el| el.value())
        .collect();
    Some(FormEdit {
        form: form.id(),
        question: name,
        values,
    })
}
