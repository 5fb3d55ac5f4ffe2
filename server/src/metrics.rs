//! Prometheus metrics: requests by route and status, latency, requests in flight, and the hit
//! rates of the page and preview-image caches. Served at `GET /metrics` (or on an address of
//! its own, or not at all: `--metrics`).

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::sync::Arc;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub route: &'static str,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabel {
    pub route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CacheLabels {
    pub cache: &'static str,
    pub result: &'static str,
}

/// The metrics, cheap to clone (shared counters).
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabel, Histogram>,
    in_flight: Gauge,
    cache: Family<CacheLabels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("advisor");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabel, Histogram>::new_with_constructor(|| {
            // 0.5 ms to about 4 s.
            Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(
                0.0005, 2.0, 14,
            ))
        });
        let in_flight = Gauge::default();
        let cache = Family::<CacheLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request, by route",
            latency.clone(),
        );
        registry.register(
            "http_requests_in_flight",
            "Requests being answered now",
            in_flight.clone(),
        );
        registry.register(
            "cache_lookups",
            "Page and preview-image cache lookups by result",
            cache.clone(),
        );
        Metrics {
            registry: Arc::new(registry),
            requests,
            latency,
            in_flight,
            cache,
        }
    }
}

impl Metrics {
    /// Counts a cache lookup (`cache` is `page` or `preview`).
    pub fn cache_lookup(&self, cache: &'static str, hit: bool) {
        self.cache
            .get_or_create(&CacheLabels {
                cache,
                result: if hit { "hit" } else { "miss" },
            })
            .inc();
    }

    /// The metrics in Prometheus' text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = encode(&mut out, &self.registry);
        out
    }
}

/// A bounded route label for a path, so metrics never grow with the URLs people send.
pub fn route_of(path: &str) -> &'static str {
    match path {
        "/" => "/",
        "/compare" => "/compare",
        "/sources" => "/sources",
        "/whatif" => "/whatif",
        "/embed" | "/embed/" => "/embed",
        "/embed/compare" => "/embed/compare",
        "/embed/whatif" => "/embed/whatif",
        "/healthz" => "/healthz",
        "/metrics" => "/metrics",
        "/oembed" => "/oembed",
        "/adr" => "/adr",
        p if p.starts_with("/r/") && p.ends_with("/adr") => "/r/{code}/adr",
        p if p.starts_with("/r/") => "/r/{code}",
        p if p.starts_with("/w/") => "/w/{codes}",
        p if p.starts_with("/embed/r/") => "/embed/r/{code}",
        p if p.starts_with("/embed/") => "/embed/*",
        p if p.starts_with("/api/v1/") => match p {
            "/api/v1/model" => "/api/v1/model",
            "/api/v1/recommendation" => "/api/v1/recommendation",
            "/api/v1/adr" => "/api/v1/adr",
            "/api/v1/openapi.json" => "/api/v1/openapi.json",
            _ => "/api/v1/*",
        },
        p if p.starts_with("/og/") => "/og/*",
        p if p.starts_with("/pkg/") => "/pkg/*",
        p if p.starts_with("/assets/") => "/assets/*",
        _ => "other",
    }
}

/// Middleware: counts and times every request.
pub async fn track(State(metrics): State<Metrics>, req: Request, next: Next) -> Response {
    let route = route_of(req.uri().path());
    let start = Instant::now();
    metrics.in_flight.inc();
    let res = next.run(req).await;
    metrics.in_flight.dec();
    metrics
        .latency
        .get_or_create(&RouteLabel { route })
        .observe(start.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&RequestLabels {
            route,
            status: res.status().as_u16(),
        })
        .inc();
    res
}

/// `GET /metrics`
pub async fn handler(State(metrics): State<Metrics>) -> Response {
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        metrics.render(),
    )
        .into_response()
}
