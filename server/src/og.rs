//! Link-preview images: a 1200×630 PNG card of the ranking for one answer set, drawn as SVG and
//! rasterised by resvg. Cached in memory per short code, since the same link is unfurled often.

use crate::state::AppState;
use app::model::{evaluate, shortcode, Evaluation};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Rendered cards by code; cleared when full, which is simpler than LRU and good enough here.
#[derive(Clone, Debug, Default)]
pub struct OgCache(Arc<Mutex<HashMap<String, Bytes>>>);

const CACHE_LIMIT: usize = 512;
const WIDTH: u32 = 1200;
const HEIGHT: u32 = 630;

impl OgCache {
    fn get(&self, code: &str) -> Option<Bytes> {
        self.0.lock().ok()?.get(code).cloned()
    }
    fn put(&self, code: String, png: Bytes) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= CACHE_LIMIT {
                map.clear();
            }
            map.insert(code, png);
        }
    }
}

/// `GET /og/{code}.png`
pub async fn image(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(code) = file.strip_suffix(".png") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let png = match state.og_cache.get(code) {
        Some(png) => png,
        None => {
            let Ok((answers, _)) = shortcode::decode(&state.model, code) else {
                return StatusCode::NOT_FOUND.into_response();
            };
            let model = state.model.clone();
            let rendered = tokio::task::spawn_blocking(move || {
                let eval = evaluate(&model, &answers);
                render_png(&card_svg(&eval, answers.len()))
            })
            .await;
            match rendered {
                Ok(Some(png)) => {
                    let png = Bytes::from(png);
                    state.og_cache.put(code.to_owned(), png.clone());
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

/// Rasterises an SVG document to PNG bytes.
pub fn render_png(svg: &str) -> Option<Vec<u8>> {
    let options = resvg::usvg::Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".to_owned(),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options).ok()?;
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

/// Breaks text into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("never empty");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// The card: product name, verdict, and one bar per option.
pub fn card_svg(eval: &Evaluation, answered: usize) -> String {
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, sans-serif">
<rect width="100%" height="100%" fill="#f8fafc"/>
<rect x="0" y="0" width="{WIDTH}" height="12" fill="#4338ca"/>
<text x="60" y="86" font-size="30" font-weight="bold" fill="#4338ca">Orchestration Advisor</text>
"##
    );
    let mut y = 150;
    for line in wrap(&eval.verdict, 52).iter().take(2) {
        svg.push_str(&format!(
            r##"<text x="60" y="{y}" font-size="38" font-weight="bold" fill="#0f172a">{}</text>
"##,
            escape(line)
        ));
        y += 50;
    }
    y += 20;
    for r in &eval.ranking {
        let (bar, label) = if r.excluded {
            ("#94a3b8", format!("{} — excluded", r.name))
        } else {
            ("#4338ca", r.name.clone())
        };
        let w = 6 * u32::from(r.score);
        svg.push_str(&format!(
            r##"<text x="60" y="{ty}" font-size="26" fill="#0f172a">{}</text>
<rect x="60" y="{by}" width="600" height="18" rx="9" fill="#e2e8f0"/>
<rect x="60" y="{by}" width="{w}" height="18" rx="9" fill="{bar}"/>
<text x="680" y="{sy}" font-size="24" fill="#334155">{}</text>
"##,
            escape(&label),
            r.score,
            ty = y,
            by = y + 12,
            sy = y + 29,
        ));
        y += 80;
    }
    svg.push_str(&format!(
        r##"<text x="60" y="{}" font-size="22" fill="#475569">{answered} answers · every reason traced to a dated source</text>
</svg>"##,
        HEIGHT - 30
    ));
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width() {
        let lines = wrap("one two three four five six", 9);
        assert!(lines.iter().all(|l| l.chars().count() <= 9), "{lines:?}");
        assert_eq!(lines.join(" "), "one two three four five six");
    }

    #[test]
    fn card_escapes_text_and_renders_a_png() {
        let model = app::model::load::builtin();
        let eval = evaluate(
            &model,
            &app::model::Answers::from_query(&model, "duration=hours").0,
        );
        let svg = card_svg(&eval, 1);
        assert!(svg.contains("excluded"));
        let png = render_png(&svg).expect("renders");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
}
