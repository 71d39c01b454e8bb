//! docs/format-reference.md: a table per type of the brief format, written
//! from the JSON Schema.

use serde_json::{Map, Value};

use super::typescript::{constraints, ts_type};
use super::{brief_schema, GAPS, GENERATED};
use crate::format::patterns::PATTERNS;

/// Types described in the reference, in order.
const REFERENCE_TYPES: [&str; 14] = [
    "Brief",
    "Publisher",
    "Author",
    "Image",
    "Summary",
    "Paragraph",
    "Run",
    "RunObject",
    "Quote",
    "Section",
    "Related",
    "Tag",
    "Labels",
    "Dir",
];

/// docs/format-reference.md: a table per type of the brief format, from the schema.
pub fn format_reference() -> String {
    let schema = brief_schema();
    let empty = Map::new();
    let defs = schema.get("$defs").and_then(Value::as_object).unwrap_or(&empty);
    let mut out = String::new();
    out.push_str("# Format reference (brief format, version 1)\n\n");
    out.push_str("<!-- ");
    out.push_str(GENERATED);
    out.push_str(" -->\n\n");
    out.push_str(
        "Every type of the brief format, with its fields, generated from the JSON Schema \
         [`brief.schema.json`](brief.schema.json) (draft 2020-12), which is generated from the \
         Rust types in `src/format/` (`src/schema/`). The contract, in words, is [brief-format.md](brief-format.md); \
         the limits come from `src/format/limits.rs`, the URL rules from `src/validate/url_policy.rs`.\n\n",
    );
    out.push_str(
        "Everywhere: `null` counts as absent for optional fields, unknown fields are ignored, and \
         lengths are counted in characters (Unicode code points).\n\n",
    );
    out.push_str("## The input\n\n");
    out.push_str(&one_line(schema.get("description")));
    out.push_str("\n\n");
    out.push_str("| form | type | constraints |\n| --- | --- | --- |\n");
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        for s in any {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&one_line(s.get("description"))),
                md_type(s),
                cell(&constraints(s).join("; "))
            ));
        }
    }
    out.push('\n');
    for name in REFERENCE_TYPES {
        let Some(def) = defs.get(name) else { continue };
        out.push_str(&format!("## {name}\n\n"));
        let d = one_line(def.get("description"));
        if !d.is_empty() {
            out.push_str(&d);
            out.push_str("\n\n");
        }
        if let Some(props) = def.get("properties").and_then(Value::as_object) {
            let required: Vec<&str> =
                def.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
            out.push_str("| field | type | required | constraints | description |\n| --- | --- | --- | --- | --- |\n");
            for (key, s) in props {
                let req = if required.contains(&key.as_str()) { "yes" } else { "no" };
                out.push_str(&format!(
                    "| `{key}` | {} | {req} | {} | {} |\n",
                    md_type(s),
                    cell(&constraints(s).join("; ")),
                    cell(&one_line(s.get("description")))
                ));
            }
        } else if let Some(any) = def.get("anyOf").and_then(Value::as_array) {
            out.push_str("| form | type | constraints | description |\n| --- | --- | --- | --- |\n");
            for (i, s) in any.iter().enumerate() {
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    i + 1,
                    md_type(s),
                    cell(&constraints(s).join("; ")),
                    cell(&one_line(s.get("description")))
                ));
            }
        } else {
            out.push_str(&format!("One of: {}.\n", md_type(def)));
        }
        out.push('\n');
    }
    out.push_str("## Patterns\n\n");
    out.push_str(
        "The regular expressions (ECMA-262, as JSON Schema uses them) behind the named patterns above. \
         An unanchored pattern need only match somewhere in the string.\n\n",
    );
    for (name, pattern, meaning) in PATTERNS {
        out.push_str(&format!("- **{name}**: {meaning}.\n\n  ```\n  {pattern}\n  ```\n\n"));
    }
    out.push_str("## Where the schema and the validator differ\n\n");
    out.push_str(
        "`validateBrief` (and the command line's `check`) is the authority. The schema accepts exactly \
         what it accepts except in these cases, which tests/schema/ keeps out of its agreement check \
         (and checks, in tests/schema/gaps/, that they still differ as described):\n\n",
    );
    for gap in GAPS {
        out.push_str("- ");
        out.push_str(gap);
        out.push('\n');
    }
    out
}

fn one_line(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// A type in the reference: TypeScript-like, with links to the other types.
fn md_type(schema: &Value) -> String {
    let t = ts_type(schema, false);
    if t.contains('\n') {
        return "object".into();
    }
    let linked: Vec<String> = t
        .split(" | ")
        .map(|part| {
            let base = part.trim_start_matches('(').trim_end_matches("[]").trim_end_matches(')');
            if REFERENCE_TYPES.contains(&base) {
                format!("[`{part}`](#{})", base.to_ascii_lowercase())
            } else {
                format!("`{part}`")
            }
        })
        .collect();
    linked.join(" \\| ")
}
