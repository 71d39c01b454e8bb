//! The example briefs in www/briefs, shared by the native test files
//! (include with `#[path = "support/examples.rs"] mod examples;`).

use std::fs;
use std::path::PathBuf;

/// Every `www/briefs/*.json` as (file name, JSON text), sorted by name.
pub fn all() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/briefs");
    let mut out: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("www/briefs")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| (p.file_name().expect("name").to_string_lossy().into_owned(), fs::read_to_string(&p).expect("read")))
        .collect();
    out.sort();
    assert!(out.len() >= 5);
    out
}
