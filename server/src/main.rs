//! `orchestration-advisor`: loads the decision model, then serves the site until SIGTERM/SIGINT.

use anyhow::Context as _;
use clap::Parser as _;
use leptos::config::{Env, LeptosOptions};
use server::config::{Config, LogFormat, MetricsAt};
use server::middleware::normalise_origin;
use server::state::{AppState, Settings};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let config = Config::parse();
    init_tracing(config.log_format);
    if let Some(path) = &config.check_model {
        return check_model(path);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // `{:#}` prints the whole context chain on one line: file, line and reason.
            eprintln!("error: {e:#}");
            tracing::error!("{e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).init(),
    }
}

fn load_model(config: &Config) -> anyhow::Result<decision::Model> {
    match &config.model {
        Some(path) => decision::load::from_file(path)
            // The first problem, with file, line and reason; `--check-model` lists them all.
            .map_err(|e| anyhow::anyhow!("{}", e.first()))
            .with_context(|| format!("cannot load the model file {}", path.display())),
        None => Ok(decision::load::builtin()),
    }
}

fn check_model(path: &std::path::Path) -> ExitCode {
    match decision::load::from_file(path) {
        Ok(m) => {
            println!(
                "{}: ok — model “{}” version {} (revision {}): {} options, {} questions, {} rules, {} limits, {} architectures, {} prices, {} facts from {} sources",
                path.display(),
                m.id,
                m.version,
                m.revision,
                m.options.len(),
                m.questions.len(),
                m.rules.len(),
                m.limits.len(),
                m.architectures.len(),
                m.prices.len(),
                m.facts.len(),
                m.sources.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{errors}");
            eprintln!("{} problem(s) in {}", errors.0.len(), path.display());
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let model = load_model(&config)?;
    tracing::info!(model = %model.id, version = %model.version, "decision model loaded");
    // Leptos reads its settings from cargo-leptos' environment when run by it; run on its own
    // (a container, a service) the defaults below apply. `get_configuration(None)` would
    // default to development mode, so the few settings are read here.
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") | Ok("development") => Env::DEV,
        _ => Env::PROD,
    };
    // cargo-leptos' `hash-files` writes hash.txt beside the binary; without it, names are plain.
    let hash_file_name =
        std::env::var("LEPTOS_HASH_FILE_NAME").unwrap_or_else(|_| "hash.txt".into());
    let hash_files = match std::env::var("LEPTOS_HASH_FILES").as_deref() {
        Ok("true") => true,
        Ok("false") => false,
        _ => std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(|d| d.join(&hash_file_name).exists()))
            .unwrap_or(false),
    };
    let leptos = LeptosOptions::builder()
        .output_name(
            std::env::var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|_| "orchestration-advisor".into()),
        )
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir(std::env::var("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|_| "pkg".into()))
        .site_addr(config.addr)
        .hash_files(hash_files)
        .hash_file(std::sync::Arc::<str>::from(hash_file_name))
        .env(env)
        .build();
    if !config.site_root.join("pkg").exists() {
        tracing::warn!(
            site_root = %config.site_root.display(),
            "no pkg/ folder in the site root: pages render, but the advisor will not become interactive"
        );
    } else {
        // A binary copied without cargo-leptos' hash.txt names plain files that a hashed
        // build does not have (and the reverse): every island page would load nothing.
        let (_, wasm) = app::shell::island_assets(&leptos);
        let wasm_file = config.site_root.join(wasm.trim_start_matches('/'));
        if !wasm_file.exists() {
            tracing::warn!(
                expected = %wasm_file.display(),
                hash_files,
                "the wasm the pages name is not in the site root: pages render, but the advisor will not become interactive; with cargo-leptos' hash-files, keep hash.txt beside the binary (or set LEPTOS_HASH_FILES)"
            );
        }
    }
    let public_url = match &config.public_url {
        Some(url) => Some(
            normalise_origin(url)
                .with_context(|| format!("--public-url `{url}` is not an http(s) origin"))?,
        ),
        None => None,
    };
    match (&public_url, config.trusted_proxies.is_empty()) {
        (Some(url), _) => tracing::info!(public_url = %url, "absolute links use the configured public URL"),
        (None, false) => tracing::info!(
            proxies = ?config.trusted_proxies,
            "absolute links follow the forwarding headers of trusted proxies, else http:// and Host"
        ),
        (None, true) => tracing::info!(
            "absolute links use http:// and the request's Host; behind a TLS proxy set --public-url or --trusted-proxies"
        ),
    }
    let settings = Settings {
        public_url,
        trusted_proxies: config.trusted_proxies.clone(),
        embed_origins: config.embed_origins.clone(),
        request_timeout: Duration::from_secs(config.request_timeout.max(1)),
        page_cache_bytes: config.page_cache_mb.saturating_mul(1 << 20),
        metrics_route: config.metrics == MetricsAt::On,
    };
    let state = AppState::new(leptos, model, settings);
    if let MetricsAt::Addr(addr) = config.metrics {
        let metrics = state.metrics.clone();
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen for metrics on {addr}"))?;
        tracing::info!("metrics on http://{addr}/metrics");
        let router = axum::Router::new()
            .route("/metrics", axum::routing::get(server::metrics::handler))
            .with_state(metrics);
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, router).await {
                tracing::error!("metrics server stopped: {e}");
            }
        });
    }
    let router = server::app(state);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    tracing::info!("listening on http://{}", config.addr);
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("server error")?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM; axum then stops accepting and lets in-flight requests finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}
