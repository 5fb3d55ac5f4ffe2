//! What handlers and middleware share: the model, the settings, the caches and the metrics.
//! Handlers take only the part they need (`State<&'static Model>`, `State<OgCache>`, ...)
//! through `FromRef`.

use crate::assets::ModelAsset;
use crate::metrics::Metrics;
use crate::og::OgCache;
use crate::page_cache::PageCache;
use axum::extract::FromRef;
use decision::Model;
use leptos::config::LeptosOptions;
use std::sync::Arc;
use std::time::Duration;

/// Settings that handlers and middleware read, derived once from the command line.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The public base URL (scheme and host, no trailing slash), when configured.
    pub public_url: Option<String>,
    /// Proxies whose forwarding headers are believed.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Origins allowed to frame pages; `*` means any.
    pub embed_origins: Vec<String>,
    pub request_timeout: Duration,
    /// Bytes of rendered pages to keep.
    pub page_cache_bytes: u64,
    /// Serve `/metrics` on the main router.
    pub metrics_route: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_url: None,
            trusted_proxies: Vec::new(),
            embed_origins: vec!["*".to_owned()],
            request_timeout: Duration::from_secs(10),
            page_cache_bytes: 64 << 20,
            metrics_route: true,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    /// Loaded once and never freed, so pages can borrow its text.
    pub model: &'static Model,
    /// The whole model as JSON, for the API.
    pub model_json: Arc<str>,
    /// The model the browser needs (no fact details or help text), as the island loader
    /// fetches it ([`app::context::browser_model_data`]).
    pub browser_model: Arc<ModelAsset>,
    pub settings: Arc<Settings>,
    pub og_cache: OgCache,
    pub pages: PageCache,
    pub metrics: Metrics,
}

impl AppState {
    pub fn new(leptos: LeptosOptions, model: Model, settings: Settings) -> Self {
        let model: &'static Model = Box::leak(Box::new(model));
        let model_json: Arc<str> = serde_json::to_string(model)
            .expect("a model always serialises")
            .into();
        let browser_model = Arc::new(ModelAsset::new(
            &app::context::browser_model_data(model).expect("a validated model has no NaN figure"),
        ));
        let pages = PageCache::new(settings.page_cache_bytes);
        let metrics = Metrics::default();
        Self {
            leptos,
            model,
            model_json,
            browser_model,
            settings: Arc::new(settings),
            og_cache: OgCache::default(),
            pages,
            metrics,
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

impl FromRef<AppState> for &'static Model {
    fn from_ref(state: &AppState) -> Self {
        state.model
    }
}

impl FromRef<AppState> for OgCache {
    fn from_ref(state: &AppState) -> Self {
        state.og_cache.clone()
    }
}

impl FromRef<AppState> for Arc<Settings> {
    fn from_ref(state: &AppState) -> Self {
        state.settings.clone()
    }
}

impl FromRef<AppState> for Metrics {
    fn from_ref(state: &AppState) -> Self {
        state.metrics.clone()
    }
}
