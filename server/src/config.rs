//! Server settings: flags with environment-variable fallbacks (documented in the README).

use clap::{Parser, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Orchestration Advisor's web server.
#[derive(Clone, Debug, Parser)]
#[command(name = "orchestration-advisor", version, about)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Folder with the built site (`pkg/` with the wasm and JS, plus public files).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// Log format: `human` for terminals, `json` for log pipelines.
    #[arg(long, env = "ADVISOR_LOG_FORMAT", value_enum, default_value_t = LogFormat::Human)]
    pub log_format: LogFormat,

    /// A team's own decision model (TOML) instead of the built-in one.
    #[arg(long, env = "ADVISOR_MODEL", value_name = "PATH")]
    pub model: Option<PathBuf>,

    /// Validate a model file, print what it holds, and exit (non-zero when it is broken).
    #[arg(long, value_name = "PATH")]
    pub check_model: Option<PathBuf>,

    /// Public base URL for absolute links and previews, e.g. `https://advisor.example.com`.
    /// Defaults to `http://` plus the request's Host header.
    #[arg(long, env = "ADVISOR_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Origins allowed to frame `/embed` views (comma-separated), or `*` for any.
    #[arg(
        long,
        env = "ADVISOR_EMBED_ORIGINS",
        value_delimiter = ',',
        default_value = "*"
    )]
    pub embed_origins: Vec<String>,

    /// Seconds a request may take before it is answered with 503.
    #[arg(long, env = "ADVISOR_REQUEST_TIMEOUT", default_value_t = 10)]
    pub request_timeout: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Human,
    Json,
}
