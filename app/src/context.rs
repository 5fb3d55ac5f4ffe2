//! What every page reads from context: the decision model and the request's site settings.
//!
//! The server provides both per request. Islands cannot see server context in the browser, so
//! an island reads the model from the page (see [`island_model`]), where the island loader put
//! it, and its props from a data block its route rendered beside it (see [`IslandData`]).

use borsh::{BorshDeserialize, BorshSerialize};
use decision::{Model, Theme};
use leptos::prelude::*;

/// The model every page uses. Loaded once at start and never freed, so evaluations can borrow
/// its text for as long as a view lives.
pub type SharedModel = &'static Model;

/// Id of the `<script type="application/octet-stream">` that carries the model to the browser.
/// The island loader (`island_loader.js`) fetches the model from its own content-hashed URL
/// and adds this data block to the page before the islands hydrate.
pub const MODEL_ELEMENT_ID: &str = "model-data";

/// Bytes written as `%XX` in the page's data blocks (the model, islands' data): controls,
/// non-ASCII (always), and the characters that could end or confuse the `<script>` data block
/// or the escaping itself.
const MODEL_DATA_ESCAPES: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'&');

/// The model as the browser reads it: [`Model::to_browser_bytes`] (Borsh), percent-encoded
/// so that it is plain text, served as an asset and placed in a `<script>` data block.
/// Percent-encoding leaves the model's strings as they are, so brotli compresses it about as
/// well as JSON (18.7 KB against 17.4 KB for the built-in model); base64 would cost 27 KB.
///
/// # Errors
/// As [`Model::to_browser_bytes`]: a NaN figure, which validation rules out.
pub fn browser_model_data(model: &Model) -> std::io::Result<String> {
    Ok(encode_block(&model.to_browser_bytes()?))
}

/// Reads what [`browser_model_data`] wrote.
///
/// # Errors
/// Text that does not decode to a whole model of this build's types.
pub fn read_browser_model_data(text: &str) -> std::io::Result<Model> {
    Model::from_browser_bytes(&decode_block(text))
}

/// Bytes as a data block holds them: percent-encoded, so the block stays text.
fn encode_block(bytes: &[u8]) -> String {
    percent_encoding::percent_encode(bytes, MODEL_DATA_ESCAPES).to_string()
}

/// The bytes of a data block's text, read as written and never trimmed: a byte 0x20 (a Borsh
/// length of 32, say) is written as a space, and at either end trimming took it away.
fn decode_block(text: &str) -> Vec<u8> {
    percent_encoding::percent_decode_str(text).collect()
}

/// The site as this request sees it.
#[derive(Clone, Debug)]
pub struct Site {
    /// Scheme and host for absolute links, e.g. `https://advisor.example.com` (no slash).
    pub origin: String,
}

/// How a page is shown: in the site's own layout, or framed in another site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    Site,
    Embed { theme: Theme },
}

impl Frame {
    pub fn framed(self) -> bool {
        matches!(self, Frame::Embed { .. })
    }
    /// The `theme` parameter framed links keep.
    pub fn extras(self) -> Vec<(&'static str, String)> {
        match self {
            Frame::Embed { theme } if theme != Theme::Auto => {
                vec![("theme", theme.as_str().to_owned())]
            }
            _ => Vec::new(),
        }
    }
}

/// The model, provided by the server for every request.
pub fn use_model() -> SharedModel {
    expect_context::<SharedModel>()
}

/// The request's site settings.
pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The page's frame; the site's layout when no layout said otherwise.
pub fn use_frame() -> Frame {
    use_context::<Frame>().unwrap_or(Frame::Site)
}

/// The model inside an island: from server context while rendering on the server, from the
/// page's data block ([`MODEL_ELEMENT_ID`]) in the browser (read once; islands see no server
/// context there).
pub fn island_model() -> SharedModel {
    if let Some(m) = use_context::<SharedModel>() {
        return m;
    }
    browser_model()
}

#[cfg(feature = "hydrate")]
fn browser_model() -> SharedModel {
    use std::sync::OnceLock;
    static MODEL: OnceLock<SharedModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let text = document()
            .get_element_by_id(MODEL_ELEMENT_ID)
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        let model = read_browser_model_data(&text).unwrap_or_else(|e| {
            // The page was served with the model; without it nothing can be evaluated.
            panic!("the page's model data is unreadable: {e}")
        });
        Box::leak(Box::new(model))
    })
}

#[cfg(not(feature = "hydrate"))]
fn browser_model() -> SharedModel {
    panic!("the server provides the model as context")
}

/// What the island knows about where it is shown; islands see no server context in the
/// browser, so the page passes it in.
#[derive(Clone, Debug, BorshSerialize, BorshDeserialize)]
pub struct IslandSite {
    /// Scheme and host for absolute links.
    pub origin: String,
    /// Framed in another site: links leave in a new tab and keep the theme.
    pub framed: bool,
    /// The frame's `theme` parameter (`light`, `dark`, or empty).
    pub theme: String,
}

impl IslandSite {
    /// The request's site and frame, as an island needs them.
    pub fn of(site: &Site, frame: Frame) -> Self {
        Self {
            origin: site.origin.clone(),
            framed: frame.framed(),
            theme: frame
                .extras()
                .into_iter()
                .map(|(_, v)| v)
                .next()
                .unwrap_or_default(),
        }
    }

    /// Page parameters that links from a frame keep.
    pub fn extras(&self) -> Vec<(&'static str, String)> {
        if self.framed && !self.theme.is_empty() {
            vec![("theme", self.theme.clone())]
        } else {
            Vec::new()
        }
    }
}

/// What an island starts from (what Leptos would pass as props), carried to the browser in
/// Borsh like the model rather than as Leptos's `data-props` JSON. With no island taking props,
/// the wasm has no JSON reader: serde_json and the props' deserializers were 13.9 KB of the
/// brotli wasm (235.4 → 221.5 KB, 2026-12-01).
///
/// The route hands it over with [`provide_island_data`]: as context, which the island reads
/// while it renders on the server, and as a data block beside the island, which the island
/// reads in the browser.
pub trait IslandData: BorshSerialize + BorshDeserialize + Clone + Send + Sync + 'static {
    /// Id of the page's `<script type="application/octet-stream">` data block.
    const ELEMENT_ID: &'static str;
}

/// Gives an island its data: as context for the island's render on the server, and as the
/// data block (percent-encoded Borsh, as the model) the island reads in the browser. A route
/// renders it just before the island.
pub fn provide_island_data<P: IslandData>(data: P) -> impl IntoView {
    let text = island_data_text(&data);
    provide_context(data);
    view! { <script type="application/octet-stream" id=P::ELEMENT_ID inner_html=text></script> }
}

/// An island's data as its block holds it: Borsh, percent-encoded.
pub fn island_data_text<P: IslandData>(data: &P) -> String {
    // Borsh fails only on NaN floats and failing writers; strings, flags and notices written
    // into a Vec have neither.
    encode_block(&borsh::to_vec(data).unwrap_or_default())
}

/// Reads what [`island_data_text`] wrote.
///
/// # Errors
/// Text that does not decode to a whole `P`.
pub fn read_island_data<P: IslandData>(text: &str) -> std::io::Result<P> {
    borsh::from_slice(&decode_block(text))
}

/// The data of the island being rendered: from context on the server, from the page's data
/// block in the browser.
pub fn island_data<P: IslandData>() -> P {
    if let Some(p) = use_context::<P>() {
        return p;
    }
    browser_data()
}

#[cfg(feature = "hydrate")]
fn browser_data<P: IslandData>() -> P {
    let text = document()
        .get_element_by_id(P::ELEMENT_ID)
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    read_island_data(&text).unwrap_or_else(|e| {
        // The server renders the block with the page; without it the island has no state.
        panic!("the page's {} data is unreadable: {e}", P::ELEMENT_ID)
    })
}

#[cfg(not(feature = "hydrate"))]
fn browser_data<P: IslandData>() -> P {
    panic!("the route provides {} as context", P::ELEMENT_ID)
}
