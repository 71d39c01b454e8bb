//! The committed files generated from the Rust format types (src/schema/)
//! must be what those types generate now. To regenerate them:
//!
//!     UPDATE=1 cargo test --test generated
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

fn check(path: &str, generated: String) {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE").is_some() {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&file, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(committed.lines().count().min(generated.lines().count()));
        panic!(
            "{path} differs from what src/schema/ generates (first at line {}). \
             Regenerate it with `UPDATE=1 cargo test --test generated` and commit the result.",
            line + 1
        );
    }
}

#[test]
fn json_schema_is_up_to_date() {
    check("docs/brief.schema.json", brief_card::schema::brief_schema_text());
}

#[test]
fn typescript_declarations_are_up_to_date() {
    check("types/format.d.ts", brief_card::schema::typescript());
    check("types/brief-card.d.ts", brief_card::schema::typescript_element());
    check("types/brief-card-react.d.ts", brief_card::schema::typescript_react());
}

#[test]
fn format_reference_is_up_to_date() {
    check("docs/format-reference.md", brief_card::schema::format_reference());
}

#[test]
fn schema_takes_its_limits_from_limits_rs() {
    use brief_card::format::limits::*;
    let s = brief_card::schema::brief_schema();
    let brief = &s["$defs"]["Brief"]["properties"];
    assert_eq!(brief["title"]["maxLength"], MAX_SHORT_CHARS);
    assert_eq!(brief["url"]["maxLength"], MAX_URL_CHARS);
    assert_eq!(brief["quotes"]["maxItems"], MAX_ITEMS);
    assert_eq!(s["anyOf"][1]["maxItems"], MAX_FEED);
    assert_eq!(s["$defs"]["RunObject"]["properties"]["text"]["maxLength"], MAX_TEXT_CHARS);
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
}
