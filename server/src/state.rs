//! What every handler shares.

use app::model::Model;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;
use std::time::Duration;

/// Settings that handlers and middleware read.
#[derive(Clone, Debug)]
pub struct Settings {
    pub public_url: Option<String>,
    /// Origins allowed to frame `/embed` views; `*` means any.
    pub embed_origins: Vec<String>,
    pub request_timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_url: None,
            embed_origins: vec!["*".to_owned()],
            request_timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub model: Arc<Model>,
    /// The model serialised once, for pages and the API.
    pub model_json: Arc<str>,
    pub settings: Arc<Settings>,
    pub og_cache: crate::og::OgCache,
}

impl AppState {
    pub fn new(leptos: LeptosOptions, model: Model, settings: Settings) -> Self {
        let model_json: Arc<str> = serde_json::to_string(&model)
            .expect("a model always serialises")
            .into();
        Self {
            leptos,
            model: Arc::new(model),
            model_json,
            settings: Arc::new(settings),
            og_cache: Default::default(),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
