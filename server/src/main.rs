//! `orchestration-advisor`: loads the decision model, then serves the site until SIGTERM/SIGINT.

use anyhow::Context as _;
use clap::Parser as _;
use leptos::config::{Env, LeptosOptions};
use server::config::{Config, LogFormat};
use server::state::{AppState, Settings};
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

fn load_model(config: &Config) -> anyhow::Result<app::model::Model> {
    match &config.model {
        Some(path) => app::model::load::from_file(path)
            .with_context(|| format!("cannot load the model file {}", path.display())),
        None => Ok(app::model::load::builtin()),
    }
}

fn check_model(path: &std::path::Path) -> ExitCode {
    match app::model::load::from_file(path) {
        Ok(m) => {
            println!(
                "{}: ok — model “{}” version {} (revision {}): {} options, {} questions, {} rules, {} facts from {} sources",
                path.display(),
                m.id,
                m.version,
                m.revision,
                m.options.len(),
                m.questions.len(),
                m.rules.len(),
                m.facts.len(),
                m.sources.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let model = load_model(&config)?;
    tracing::info!(model = %model.id, version = %model.version, "decision model loaded");
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") | Ok("development") => Env::DEV,
        _ => Env::PROD,
    };
    let leptos = LeptosOptions::builder()
        .output_name(
            std::env::var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|_| "orchestration-advisor".into()),
        )
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir(std::env::var("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|_| "pkg".into()))
        .site_addr(config.addr)
        .env(env)
        .build();
    if !config.site_root.join("pkg").exists() {
        tracing::warn!(
            site_root = %config.site_root.display(),
            "no pkg/ folder in the site root: pages render, but will not hydrate"
        );
    }
    let settings = Settings {
        public_url: config.public_url.clone(),
        embed_origins: config.embed_origins.clone(),
        request_timeout: Duration::from_secs(config.request_timeout.max(1)),
    };
    let router = server::app(AppState::new(leptos, model, settings));
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    tracing::info!("listening on http://{}", config.addr);
    axum::serve(listener, router)
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
