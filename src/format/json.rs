//! JSON text to the format types, on the command line and in Rust programs
//! (natively, or on wasm32 without the `web` feature; the crate's own
//! browser API reads JSON text with the browser's `JSON.parse`).

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::limits::{MAX_DEPTH, MAX_INPUT_BYTES};
#[cfg(test)]
use super::Input;
use super::{Checked, Expected, Problem};

/// Reads JSON text as one of the format's types (an [`Input`](super::Input): a brief or a
/// feed; or the rendering [`super::Options`]), within the size and depth limits.
///
/// serde_json reads the text into a `Value` first: the format types must be
/// read from a whole value (see [`Checked`]), and the depth limit is checked
/// on it before anything else.
pub fn from_json_text<T: DeserializeOwned + Expected>(text: &str) -> Result<Checked<T>, Vec<Problem>> {
    let value = json_value(text)?;
    // Reading a `Checked` value cannot fail; an error here would be a bug in the format types.
    Checked::<T>::deserialize(value).map_err(|e| vec![Problem::new("", format!("could not be read: {e}"))])
}

/// JSON text as a `Value`, within the size and depth limits: what every
/// reading of a brief, a feed or a JSON-LD document starts from.
pub fn json_value(text: &str) -> Result<Value, Vec<Problem>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(vec![Problem::new("", format!("input is {} bytes; the limit is {MAX_INPUT_BYTES} bytes", text.len()))]);
    }
    // A byte-order mark is not JSON, but editors write one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // As src/web/copy.js says it: there is no place in nothing to point at.
    if text.trim().is_empty() {
        return Err(vec![Problem::new("", "invalid JSON: the input is empty")]);
    }
    let value: Value = serde_json::from_str(&lone_surrogates_replaced(text)).map_err(|e| vec![Problem::new("", syntax_message(&e))])?;
    if let Some(path) = too_deep(&value, 1) {
        return Err(vec![too_deep_problem(Some(path.strip_prefix('.').unwrap_or(&path)))]);
    }
    Ok(value)
}

/// `text` with each `\u` escape of a lone UTF-16 surrogate (`"\ud83d"`:
/// half an emoji, cut off by a script's `slice`) written as U+FFFD's. The
/// browser's `JSON.parse` reads such text, and the wasm boundary then gets
/// U+FFFD; serde_json refuses it, so the command line would refuse a card
/// the browser shows.
fn lone_surrogates_replaced(text: &str) -> Cow<'_, str> {
    // The UTF-16 surrogate that a `\uXXXX` escape starting at byte `at` names, if any.
    let surrogate_at = |at: usize| {
        let hex = text.get(at..at + 6)?.strip_prefix("\\u")?;
        u16::from_str_radix(hex, 16).ok().filter(|unit| (0xD800..=0xDFFF).contains(unit))
    };
    let (mut out, mut copied, mut from) = (String::new(), 0, 0);
    while let Some(at) = text.as_bytes().get(from..).and_then(|rest| rest.iter().position(|&b| b == b'\\')).map(|p| from + p) {
        match surrogate_at(at) {
            Some(0xD800..=0xDBFF) if surrogate_at(at + 6).is_some_and(|low| low >= 0xDC00) => from = at + 12,
            Some(_) => {
                out.push_str(text.get(copied..at).unwrap_or_default());
                out.push_str("\\ufffd");
                (from, copied) = (at + 6, at + 6);
            }
            // Any other escape is two characters or more (`\\`, `\"`, `\u0041`), and
            // its second never starts another.
            None => from = at + 2,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// The depth limit's problem, saying at which path of the input (`at`) it
/// was passed, so that a host can find a branch it did not know was there
/// (`@graph[1].parentOrganization.parentOrganization…`); src/web/copy.js
/// says it in the same words.
fn too_deep_problem(at: Option<&str>) -> Problem {
    let at = at.map(|path| format!(" at {path}")).unwrap_or_default();
    Problem::new("", format!("invalid JSON: nested too deeply (the limit is {MAX_DEPTH} levels){at}"))
}

/// "invalid JSON at line 3, column 7: expected `,` or `}`": serde_json's
/// words, with the place said the way the rest of our messages say it.
/// Past its own limit of 128 levels serde_json stops reading; that is
/// the depth limit's problem, said as it says it for 17 levels but for
/// the path, which is not known of a value never read.
fn syntax_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&place).unwrap_or(&full);
    if what == "recursion limit exceeded" {
        return too_deep_problem(None).message;
    }
    format!("invalid JSON at line {}, column {}: {what}", e.line(), e.column())
}

/// Where arrays and objects first nest deeper than [`MAX_DEPTH`] levels,
/// the outermost being the first (as the browser's reading counts them):
/// the path, from `value` at `depth`, of the first array or object past the
/// limit, members taken in the order written (as copy.js takes them), each
/// key after a `.` (taken off the first at the root), and shortened to its
/// first [`SHOWN_KEY_CHARS`] characters and "…": a hostile key may be
/// megabytes long, and the path only has to lead to the branch.
fn too_deep(value: &Value, depth: usize) -> Option<String> {
    let below = |child: &Value| too_deep(child, depth + 1);
    // Its controls and bidirectional formatting characters as U+FFFD (as
    // copy.js shows them), so that a key cannot break the message's line or
    // turn the text after it around.
    let shown = |key: &str| {
        let end = key.char_indices().nth(SHOWN_KEY_CHARS).map(|(end, _)| end);
        let safe = |c: char| match c {
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        };
        let mut key: String = key.get(..end.unwrap_or(key.len())).unwrap_or_default().chars().map(safe).collect();
        if end.is_some() {
            key.push('…');
        }
        key
    };
    match value {
        Value::Array(_) | Value::Object(_) if depth > MAX_DEPTH => Some(String::new()),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| Some(format!("[{i}]{}", below(item)?))),
        Value::Object(members) => members.iter().find_map(|(key, member)| Some(format!(".{}{}", shown(key), below(member)?))),
        _ => None,
    }
}

/// How much of each key the path of a too deep input shows (copy.js shows as much).
const SHOWN_KEY_CHARS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_surrogate_reads_as_the_browser_reads_it() {
        let value = json_value(r#"{"a": "cut \ud83d", "b": "\udc00x\uD83D\uDE00", "c": "\\ud83d", "d": "\\\ud83d\ud83d"}"#).unwrap();
        assert_eq!(value["a"], "cut \u{fffd}");
        assert_eq!(value["b"], "\u{fffd}x😀", "a pair is a character");
        assert_eq!(value["c"], "\\ud83d", "an escaped backslash, then text");
        assert_eq!(value["d"], "\\\u{fffd}\u{fffd}");
        assert!(matches!(lone_surrogates_replaced(r#"{"a": "\ud83d\ude00 \n \\"}"#), Cow::Borrowed(_)));
    }

    fn problem(text: &str) -> String {
        from_json_text::<Input>(text).unwrap_err()[0].to_string()
    }

    #[test]
    fn syntax_errors_say_where() {
        assert_eq!(problem(" \n"), "invalid JSON: the input is empty");
        assert_eq!(problem("{\"title\": "), "invalid JSON at line 1, column 10: EOF while parsing a value");
        assert_eq!(problem("{\"title\": \"x\",}"), "invalid JSON at line 1, column 15: trailing comma");
    }

    #[test]
    fn sixteen_levels_are_read_seventeen_are_not() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(from_json_text::<Input>(&nested(16)).is_ok());
        assert_eq!(problem(&nested(17)), format!("invalid JSON: nested too deeply (the limit is 16 levels) at {}", "[0]".repeat(16)));
        // The path is the first branch past the limit, in the order written.
        let branch = |levels: usize| format!("{}1{}", r#"{"a":"#.repeat(levels), "}".repeat(levels));
        let text = format!(r#"{{"@graph": [{{"x": [1]}}, {}, {}]}}"#, branch(14), branch(20));
        assert_eq!(problem(&text), format!("invalid JSON: nested too deeply (the limit is 16 levels) at @graph[2]{}", ".a".repeat(14)));
        // Past serde_json's own limit (128), the same problem (but where, which it does not say), not its "recursion limit exceeded".
        assert_eq!(problem(&"[".repeat(100_000)), "invalid JSON: nested too deeply (the limit is 16 levels)");
        // A hostile key is shown by its first 40 characters, its right-to-left override as U+FFFD.
        let long = format!("{{\"{}\": {}{}}}", "\u{202e}é".repeat(30_000), "[".repeat(16), "]".repeat(16));
        let said = problem(&long);
        assert_eq!(
            said,
            format!("invalid JSON: nested too deeply (the limit is 16 levels) at {}…{}", "\u{fffd}é".repeat(20), "[0]".repeat(15))
        );
        // Its controls and bidirectional formatting characters are shown as U+FFFD.
        let newline = format!("{{\"a\\nproblems: none\": {}{}}}", "[".repeat(16), "]".repeat(16));
        assert!(problem(&newline).contains("at a\u{fffd}problems: none[0]"), "{}", problem(&newline));
    }

    #[test]
    fn size_is_checked_first_and_a_bom_is_skipped() {
        let big = format!("\"{}\"", "x".repeat(MAX_INPUT_BYTES));
        assert_eq!(problem(&big), format!("input is {} bytes; the limit is 1000000 bytes", big.len()));
        assert!(matches!(from_json_text("\u{feff}{}"), Ok(Checked::Valid(Input::One(_)))));
    }
}
