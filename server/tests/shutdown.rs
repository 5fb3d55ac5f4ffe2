//! SIGTERM while busy: the server stops accepting, finishes every request it has begun, and
//! exits 0. A burst of loopback requests runs while the signal arrives; none of them may fail.
//!
//! "Failed" means a broken or non-200 response. A connection refused, or closed before any
//! byte of a response, happened after the server stopped accepting: the request was never
//! begun, and any HTTP client retries it safely.

#![cfg(unix)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, PartialEq)]
enum Outcome {
    Served,
    NotBegun,
    Failed(String),
}

fn request(port: u16, path: &str) -> Outcome {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return Outcome::NotBegun;
    };
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return Outcome::NotBegun;
    }
    let mut body = Vec::new();
    match s.read_to_end(&mut body) {
        Ok(0) => Outcome::NotBegun,
        Err(e) if body.is_empty() && e.kind() == std::io::ErrorKind::ConnectionReset => {
            Outcome::NotBegun
        }
        Err(e) => Outcome::Failed(format!("{path}: {e} after {} bytes", body.len())),
        Ok(_) => {
            let head = String::from_utf8_lossy(&body[..body.len().min(200)]).to_string();
            if !head.starts_with("HTTP/1.1 200") {
                return Outcome::Failed(format!("{path}: {head}"));
            }
            // Connection: close bodies end at EOF; chunked ones must end with the last chunk.
            if head
                .to_ascii_lowercase()
                .contains("transfer-encoding: chunked")
                && !body.ends_with(b"0\r\n\r\n")
            {
                return Outcome::Failed(format!("{path}: truncated chunked body"));
            }
            Outcome::Served
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn sigterm_during_a_burst_fails_no_request_in_flight() {
    let port = free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_orchestration-advisor"))
        .args([
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--site-root",
            "target/site",
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while request(port, "/healthz") != Outcome::Served {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    // Pages and preview cards with distinct answers, so each is rendered, not cached.
    let served = Arc::new(AtomicUsize::new(0));
    let sent = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..16)
        .map(|w| {
            let (served, sent) = (served.clone(), sent.clone());
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                let mut not_begun = 0;
                for i in 0..25 {
                    let path = if i % 2 == 0 {
                        format!("/?rate={}&duration={}s", w * 100 + i + 1, i + 1)
                    } else {
                        format!("/api/v1/recommendation?rate={}", w * 100 + i + 1)
                    };
                    sent.fetch_add(1, Ordering::Relaxed);
                    match request(port, &path) {
                        Outcome::Served => {
                            served.fetch_add(1, Ordering::Relaxed);
                        }
                        Outcome::NotBegun => not_begun += 1,
                        Outcome::Failed(f) => failures.push(f),
                    }
                }
                (failures, not_begun)
            })
        })
        .collect();

    // Signal once the burst is well under way.
    while sent.load(Ordering::Relaxed) < 80 {
        std::thread::sleep(Duration::from_millis(1));
    }
    let served_before = served.load(Ordering::Relaxed);
    let kill = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());

    let mut failures = Vec::new();
    let mut not_begun = 0;
    for w in workers {
        let (f, n) = w.join().unwrap();
        failures.extend(f);
        not_begun += n;
    }
    let status = server.wait().unwrap();
    let mut log = String::new();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();

    assert!(
        failures.is_empty(),
        "failed in flight: {failures:#?}\n{log}"
    );
    assert!(status.success(), "exit status {status}\n{log}");
    let served = served.load(Ordering::Relaxed);
    eprintln!("{served_before} served before the signal, {served} in all, {not_begun} not begun");
    assert!(
        served > 0 && served_before < 400,
        "the signal came mid-burst"
    );
    assert!(
        served + not_begun == 400,
        "every request accounted for: {served} served, {not_begun} not begun"
    );
}
