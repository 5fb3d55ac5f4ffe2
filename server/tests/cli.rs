//! The binary's start-up behaviour: model checks and refusing to start half-loaded.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_orchestration-advisor"))
}

fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("advisor-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn check_model_accepts_the_builtin_file() {
    let path = temp_file("ok.toml", decision::load::BUILTIN_TOML);
    let out = bin().arg("--check-model").arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("4 options"));
}

#[test]
fn check_model_reports_file_line_and_reason() {
    // Whatever the model's revision, a word where its number should be.
    let broken: String = decision::load::BUILTIN_TOML
        .lines()
        .map(|l| {
            if l.starts_with("revision = ") {
                "revision = \"two\"\n".to_owned()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let line = broken
        .lines()
        .position(|l| l.starts_with("revision"))
        .unwrap()
        + 1;
    let path = temp_file("broken.toml", &broken);
    let out = bin().arg("--check-model").arg(&path).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:{line}:", path.display())),
        "{err}"
    );
}

#[test]
fn server_refuses_to_start_with_a_broken_model() {
    let broken = decision::load::BUILTIN_TOML.replacen("source = \"", "source = \"missing-", 1);
    let path = temp_file("dangling.toml", &broken);
    let out = bin()
        .args(["--addr", "127.0.0.1:0", "--model"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&path.display().to_string()) && err.contains("which does not exist"),
        "{err}"
    );
}

#[test]
fn check_model_lists_every_problem_at_once() {
    // Two unrelated mistakes: a fact citing a source that does not exist, and a rule
    // about a question that does not exist. Both must be reported in one run, each with its line.
    let broken = decision::load::BUILTIN_TOML
        .replacen("source = \"guide\"", "source = \"missing-guide\"", 1)
        .replacen(
            "when = { question = \"duration\", any = [\"seconds\"] }",
            "when = { question = \"no-such-question\", any = [\"seconds\"] }",
            1,
        );
    let path = temp_file("two-problems.toml", &broken);
    let out = bin().arg("--check-model").arg(&path).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing-guide"), "{err}");
    assert!(err.contains("no-such-question"), "{err}");
    let located = err
        .lines()
        .filter(|l| l.contains(&format!("{}:", path.display())))
        .count();
    assert!(located >= 2, "each problem names the file and line: {err}");
}

#[test]
fn unknown_flag_is_refused_with_usage() {
    let out = bin().arg("--no-such-flag").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}

/// What the server logs before it listens, started with `site_root` and plain asset names
/// (`LEPTOS_HASH_FILES=false`, as a binary copied without its hash.txt would run).
fn start_up_log(site_root: &std::path::Path) -> String {
    use std::io::{BufRead, BufReader};
    let mut child = bin()
        .args(["--addr", "127.0.0.1:0", "--site-root"])
        .arg(site_root)
        .env("LEPTOS_HASH_FILES", "false")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut log = String::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        log.push_str(&line);
        log.push('\n');
        if line.contains("listening on") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    log
}

/// A binary copied without cargo-leptos' hash.txt names a plain wasm that a hashed build does
/// not have, so no page's advisor would ever load; the server says so when it starts.
#[test]
fn a_site_without_the_wasm_its_pages_name_is_reported_at_start() {
    let root = std::env::temp_dir().join(format!("advisor-site-{}", std::process::id()));
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(
        pkg.join("orchestration-advisor.Q86Qk-92LGihkLwlpPBa0Q.wasm"),
        b"",
    )
    .unwrap();
    let log = start_up_log(&root);
    assert!(log.contains("listening on"), "{log}");
    assert!(
        log.contains("the wasm the pages name is not in the site root"),
        "{log}"
    );
    assert!(log.contains("pkg/orchestration-advisor.wasm"), "{log}");

    std::fs::write(pkg.join("orchestration-advisor.wasm"), b"").unwrap();
    let log = start_up_log(&root);
    assert!(log.contains("listening on"), "{log}");
    assert!(!log.contains("not in the site root"), "{log}");
}
