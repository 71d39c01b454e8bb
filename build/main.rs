//! Reads `src/card.css`, the card's one stylesheet, and writes two files
//! into `OUT_DIR`:
//!
//! - `card.min.css`: the stylesheet without comments and needless whitespace,
//!   the live card's `CARD_CSS` (src/render/style.rs);
//! - `inline_rules.rs`: the rules static HTML can apply as inline styles,
//!   with their declarations resolved for the fragment and for email,
//!   `include!`d by src/render/style.rs.
//!
//! The rules for what becomes inline are written at the top of card.css and
//! of src/render/style.rs. CSS is read with `cssparser` (Servo's tokenizer and
//! rule parser); the selectors static HTML can decide are few (types, classes,
//! `:where()` of types, and the descendant, child and next-sibling
//! combinators), so they are read from its tokens here.
//!
//! - `stylesheet.rs`: card.css as a tree of rules, written back minified;
//! - `selectors.rs`: the selectors static HTML can decide;
//! - `inline.rs`: the declarations static HTML writes inline, and the table.

use std::path::Path;

mod inline;
mod selectors;
mod stylesheet;

const SOURCE: &str = "src/card.css";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build");
    let css = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let rules = stylesheet::parse_stylesheet(&css);
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);

    let mut min = String::new();
    for rule in &rules {
        rule.write_min(&mut min);
    }
    write(&out_dir.join("card.min.css"), &min);
    write(&out_dir.join("inline_rules.rs"), &inline::inline_rules(&rules));
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
