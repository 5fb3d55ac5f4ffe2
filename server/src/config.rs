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

    /// Validate a model file, print what it holds (or every problem), and exit.
    #[arg(long, value_name = "PATH")]
    pub check_model: Option<PathBuf>,

    /// Public base URL for absolute links and previews, e.g. `https://advisor.example.com`.
    /// Wins over forwarding headers. Without it: forwarding headers from trusted proxies, else
    /// `http://` plus the request's Host header.
    #[arg(long, env = "ADVISOR_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Proxies (CIDRs, comma-separated) whose `Forwarded` / `X-Forwarded-Proto` /
    /// `X-Forwarded-Host` headers decide the public scheme and host.
    #[arg(long, env = "ADVISOR_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Origins allowed to frame pages (comma-separated; host wildcards such as
    /// `https://*.atlassian.net` allowed), or `*` for any.
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

    /// Memory for rendered, compressed pages, in MiB (0 turns the page cache off).
    #[arg(long, env = "ADVISOR_PAGE_CACHE_MB", default_value_t = 64)]
    pub page_cache_mb: u64,

    /// Where to serve Prometheus metrics: `off`, `on` (at `/metrics` on the main address), or
    /// an address of its own such as `127.0.0.1:9100`.
    #[arg(long, env = "ADVISOR_METRICS", default_value = "on")]
    pub metrics: MetricsAt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Human,
    Json,
}

/// Where metrics are served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricsAt {
    Off,
    /// `/metrics` on the main address.
    On,
    /// `/metrics` on an address of its own.
    Addr(SocketAddr),
}

impl std::str::FromStr for MetricsAt {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "off" | "false" | "0" => Ok(MetricsAt::Off),
            "on" | "true" | "1" => Ok(MetricsAt::On),
            addr => addr.parse().map(MetricsAt::Addr).map_err(|_| {
                format!("expected off, on, or an address such as 127.0.0.1:9100, not `{addr}`")
            }),
        }
    }
}
