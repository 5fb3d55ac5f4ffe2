//! Link-preview images: a 1200×630 PNG card for one answer set (the advisor's verdict, or the
//! comparison), drawn as SVG and rasterised by resvg. The headline wraps by measured text
//! width, at most three lines, so no glyph leaves the card and the top pick's name is never
//! cut. Cards are cached in memory per code, since the same link is unfurled often.

use crate::metrics::Metrics;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use decision::{evaluate, shortcode, Evaluation, Model};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Rendered cards by kind and code; cleared when full, which is simpler than LRU and enough.
#[derive(Clone, Debug, Default)]
pub struct OgCache(Arc<Mutex<HashMap<String, Bytes>>>);

const CACHE_LIMIT: usize = 512;
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// Left and right margin of the text, in pixels.
const MARGIN: f32 = 60.0;
const HEADLINE_SIZE: f32 = 40.0;
const HEADLINE_LINES: usize = 3;

// The light theme's colours (style/theme.css): the card is an image, so it cannot read CSS.
const BG: &str = "#f8fafc";
const ACCENT: &str = "#4338ca";
const FG: &str = "#0f172a";
const MUTED: &str = "#475569";
const TRACK: &str = "#e2e8f0";
const EXCLUDED: &str = "#94a3b8";

impl OgCache {
    fn get(&self, key: &str) -> Option<Bytes> {
        self.0.lock().ok()?.get(key).cloned()
    }
    fn put(&self, key: String, png: Bytes) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= CACHE_LIMIT {
                map.clear();
            }
            map.insert(key, png);
        }
    }
    /// How many cards it holds.
    pub fn len(&self) -> usize {
        self.0.lock().map_or(0, |m| m.len())
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Which card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Card {
    Advisor,
    Compare,
}

/// `GET /og/{code}.png`
pub async fn advisor(
    State(model): State<&'static Model>,
    State(cache): State<OgCache>,
    State(metrics): State<Metrics>,
    Path(file): Path<String>,
) -> Response {
    image(model, cache, metrics, Card::Advisor, &file).await
}

/// `GET /og/compare/{code}.png`
pub async fn compare(
    State(model): State<&'static Model>,
    State(cache): State<OgCache>,
    State(metrics): State<Metrics>,
    Path(file): Path<String>,
) -> Response {
    image(model, cache, metrics, Card::Compare, &file).await
}

async fn image(
    model: &'static Model,
    cache: OgCache,
    metrics: Metrics,
    card: Card,
    file: &str,
) -> Response {
    let Some(code) = file.strip_suffix(".png") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let key = format!("{card:?}/{code}");
    let png = match cache.get(&key) {
        Some(png) => {
            metrics.cache_lookup("preview", true);
            png
        }
        None => {
            metrics.cache_lookup("preview", false);
            let Ok((answers, _)) = shortcode::decode(model, code) else {
                return StatusCode::NOT_FOUND.into_response();
            };
            let rendered = tokio::task::spawn_blocking(move || {
                let eval = evaluate(model, &answers);
                render_png(&card_svg(model, &eval, card))
            })
            .await;
            match rendered {
                Ok(Some(png)) => {
                    let png = Bytes::from(png);
                    cache.put(key, png.clone());
                    png
                }
                _ => {
                    tracing::error!(code, "could not render the preview image");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            }
        }
    };
    (
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        png,
    )
        .into_response()
}

fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        if db.is_empty() {
            tracing::warn!("no system fonts found: preview images will have no text");
        }
        Arc::new(db)
    })
    .clone()
}

fn options() -> resvg::usvg::Options<'static> {
    resvg::usvg::Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".to_owned(),
        ..Default::default()
    }
}

/// Parses an SVG document with the card's fonts.
pub fn parse(svg: &str) -> Option<resvg::usvg::Tree> {
    resvg::usvg::Tree::from_str(svg, &options()).ok()
}

/// Rasterises an SVG document to PNG bytes.
pub fn render_png(svg: &str) -> Option<Vec<u8>> {
    let tree = parse(svg)?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The width in pixels of a line of bold text at a size, as the card's fonts lay it out.
pub fn text_width(text: &str, size: f32) -> f32 {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="100" font-size="{size}" font-weight="bold" font-family="DejaVu Sans, sans-serif">{}</text></svg>"#,
        escape(text)
    );
    parse(&svg)
        .map(|t| t.root().abs_bounding_box().width())
        // Without fonts nothing is drawn; fall back to a generous estimate.
        .unwrap_or(text.chars().count() as f32 * size * 0.62)
}

/// Wraps text into at most `max_lines` lines no wider than `width`, by measured width; a word
/// that cannot fit ends the text with an ellipsis.
pub fn wrap(text: &str, width: f32, size: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let mut line = word.to_owned();
        while let Some(next) = words.peek() {
            let candidate = format!("{line} {next}");
            if text_width(&candidate, size) <= width {
                line = candidate;
                words.next();
            } else {
                break;
            }
        }
        if lines.len() + 1 == max_lines && words.peek().is_some() {
            // The last line: cut at a word boundary and end with an ellipsis. Word by word,
            // the line's own too: a line filled to the width has no room for the ellipsis, and
            // taken whole it left the line as "…" alone.
            let rest: Vec<&str> = line.split(' ').chain(words.by_ref()).collect();
            let mut kept: Vec<&str> = Vec::new();
            for w in rest {
                let candidate = format!("{} {w}…", kept.join(" "));
                if text_width(candidate.trim(), size) > width {
                    break;
                }
                kept.push(w);
            }
            lines.push(format!("{}…", kept.join(" ")));
            return lines;
        }
        lines.push(line);
    }
    lines
}

/// The headline: the verdict, or a shorter sentence that keeps the top pick's name whole when
/// the verdict needs more than three lines.
fn headline(model: &Model, eval: &Evaluation<'_>, card: Card) -> Vec<String> {
    let width = WIDTH as f32 - 2.0 * MARGIN;
    let full = match card {
        Card::Advisor => eval.verdict.clone(),
        Card::Compare => format!(
            "Compare the approaches: {}",
            eval.top.and_then(|t| model.option(t)).map_or_else(
                || "answer the questions to see what matters".to_owned(),
                |o| format!("{} fits best", o.name)
            )
        ),
    };
    let lines = wrap(&full, width, HEADLINE_SIZE, HEADLINE_LINES);
    if !lines.last().is_some_and(|l| l.ends_with('…')) {
        return lines;
    }
    wrap(&eval.short_verdict(), width, HEADLINE_SIZE, HEADLINE_LINES)
}

/// The card: product name, headline, one bar per option, and a footer.
pub fn card_svg(model: &Model, eval: &Evaluation<'_>, card: Card) -> String {
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, sans-serif">
<rect width="100%" height="100%" fill="{BG}"/>
<rect x="0" y="0" width="{WIDTH}" height="12" fill="{ACCENT}"/>
<text x="{MARGIN}" y="76" font-size="28" font-weight="bold" fill="{ACCENT}">Orchestration Advisor</text>
"##
    );
    let mut y = 132.0;
    for line in headline(model, eval, card) {
        svg.push_str(&format!(
            r##"<text x="{MARGIN}" y="{y}" font-size="{HEADLINE_SIZE}" font-weight="bold" fill="{FG}">{}</text>
"##,
            escape(&line)
        ));
        y += 50.0;
    }
    y += 14.0;
    let rows = eval.ranking.len().max(1) as f32;
    let step = ((HEIGHT as f32 - 70.0 - y) / rows).clamp(44.0, 78.0);
    for r in &eval.ranking {
        let (bar, label) = if r.excluded {
            (EXCLUDED, format!("{} — excluded", r.name))
        } else {
            (ACCENT, r.name.to_owned())
        };
        // As on the page: an excluded option has no score beside the ranked ones.
        let (w, score) = if r.excluded {
            (0, "—".to_owned())
        } else {
            (6 * u32::from(r.score), r.score.to_string())
        };
        svg.push_str(&format!(
            r##"<text x="{MARGIN}" y="{ty}" font-size="24" fill="{FG}">{}</text>
<rect x="{MARGIN}" y="{by}" width="600" height="16" rx="8" fill="{TRACK}"/>
<rect x="{MARGIN}" y="{by}" width="{w}" height="16" rx="8" fill="{bar}"/>
<text x="680" y="{sy}" font-size="22" fill="{MUTED}">{}</text>
"##,
            escape(&label),
            score,
            ty = y,
            by = y + 10.0,
            sy = y + 25.0,
        ));
        y += step;
    }
    svg.push_str(&format!(
        r##"<text x="{MARGIN}" y="{}" font-size="20" fill="{MUTED}">{} of {} answers · every reason traced to a dated source</text>
</svg>"##,
        HEIGHT - 26,
        eval.confidence.answered,
        eval.confidence.total
    ));
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leader_that_needs_a_workaround_says_so_in_the_headline() {
        let model = decision::load::builtin();
        let answers = decision::PageQuery::parse(
            &model,
            "duration=3h&step_length=30m&definition=code&languages=python&waits=callbacks&idle=mostly-waiting",
        )
        .answers;
        let eval = decision::evaluate(&model, &answers);
        assert_eq!(eval.top, Some("durable-functions"), "{}", eval.verdict);
        let headline = headline(&model, &eval, Card::Advisor).join(" ");
        assert!(
            headline.contains("with a workaround") || headline.contains("goes around a hard limit"),
            "{headline}"
        );
    }

    #[test]
    fn a_cut_last_line_keeps_the_words_that_fit_before_its_ellipsis() {
        // Two words fill each line, so the second line is full when the text goes on.
        let width = text_width("wwww wwww", 40.0) + 1.0;
        let lines = wrap("wwww wwww wwww wwww wwww", width, 40.0, 2);
        assert_eq!(lines, ["wwww wwww", "wwww…"]);
    }

    #[test]
    fn wrapping_respects_measured_width() {
        let lines = wrap(
            "one two three four five six seven eight nine ten eleven twelve",
            300.0,
            40.0,
            3,
        );
        assert!(lines.len() <= 3);
        for l in &lines {
            assert!(text_width(l, 40.0) <= 300.0 + 1.0, "{l}");
        }
    }
}
