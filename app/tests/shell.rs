//! The document around the app: which pages load the wasm, and the island loader they carry.
//!
//! An integration test rather than a unit test inside `app` (see `model_data.rs`): `app` has
//! no unit-test harness, so a `#[cfg(test)]` module inside it would never run.

use app::shell::{island_loader, needs_island};
use leptos::prelude::LeptosOptions;

#[test]
fn the_island_loader_names_the_glue_the_wasm_and_the_model_and_drops_its_comments() {
    let options = LeptosOptions::builder()
        .output_name("orchestration-advisor")
        .hash_files(false)
        .build();
    let loader = island_loader(&options, "/assets/model-0123456789ab.txt");
    assert!(loader.starts_with("((js, wasm, model) => {"), "{loader}");
    assert!(loader.ends_with(
        r#"})("/pkg/orchestration-advisor.js","/pkg/orchestration-advisor.wasm","/assets/model-0123456789ab.txt");"#
    ));
    assert!(!loader.lines().any(|l| l.starts_with("//")), "{loader}");
    assert!(loader.contains("compileStreaming"));
}

#[test]
fn only_the_island_pages_load_the_wasm() {
    for path in [
        "/",
        "/embed",
        "/embed/",
        "/r/abc",
        "/embed/r/abc",
        "/whatif",
        "/whatif/",
        "/embed/whatif",
        "/w/a.b",
        "/embed/w/a.b",
    ] {
        assert!(needs_island(path), "{path}");
    }
    for path in [
        "/compare",
        "/sources",
        "/embedded",
        "/rx",
        "/whatifs",
        "/nothing",
    ] {
        assert!(!needs_island(path), "{path}");
    }
}
