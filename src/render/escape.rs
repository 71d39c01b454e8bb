//! HTML escaping, in one place: every text and attribute value the HTML
//! sink writes goes through here, and every JSON text written inside a
//! `<script>` element ([`script_json`]).
//!
//! As in pulldown-cmark's escape.rs: a table of the 256 byte values says
//! which ones need escaping, and the plain runs between them are copied
//! whole. Every byte that needs escaping is ASCII, so it never falls inside
//! a multi-byte UTF-8 character and the runs are always whole characters.

use std::fmt::Write;

/// The bytes that are escaped, and what each becomes: the first four
/// everywhere, all six in attribute values.
const ESCAPES: [(u8, &str); 6] = [
    (b'&', "&amp;"),
    (b'<', "&lt;"),
    (b'>', "&gt;"),
    // HTML parsers drop NUL or replace it, so it is written as that replacement.
    (0, "\u{fffd}"),
    (b'"', "&quot;"),
    (b'\'', "&#39;"),
];

/// Escaped in text content: `&`, `<`, `>`, NUL.
static TEXT: [u8; 256] = table(4);
/// Escaped in a double-quoted attribute value: also `"` and `'`.
static ATTR: [u8; 256] = table(ESCAPES.len());

/// For each byte value, 0 when it is written as it is, else 1 + its index
/// in [`ESCAPES`], for the first `n` of them.
#[allow(clippy::indexing_slicing)] // evaluated when compiling, where an index out of range fails the build
const fn table(n: usize) -> [u8; 256] {
    let mut table = [0; 256];
    let mut i = 0;
    while i < n {
        table[ESCAPES[i].0 as usize] = i as u8 + 1;
        i += 1;
    }
    table
}

/// Escapes text content: `&`, `<`, `>` (and NUL).
pub(crate) fn text(out: &mut String, s: &str) {
    escape(out, s, &TEXT)
}

/// Escapes a double-quoted attribute value: also `"` and `'`.
pub(crate) fn attr(out: &mut String, s: &str) {
    escape(out, s, &ATTR)
}

/// Writes JSON text so that it is safe inside an HTML `<script>` element,
/// where HTML escaping does not apply: `<`, `>` and `&` become `\u003c`,
/// `\u003e` and `\u0026`, so no string can end the script (`</script>`) or
/// open a comment (`<!--`); U+2028 and U+2029 become `\u2028` and `\u2029`
/// for any reader that takes the JSON as JavaScript. These characters occur
/// in JSON text only inside strings, never within an escape, so the JSON
/// means the same.
pub(crate) fn script_json(out: &mut String, json: &str) {
    for c in json.chars() {
        match c {
            // Four hex digits: every one of these is below U+10000. (Writing
            // into a String cannot fail.)
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// Writes `s` into `out`, each byte `table` marks replaced by its escape.
fn escape(out: &mut String, s: &str, table: &[u8; 256]) {
    let mut plain_from = 0;
    for (i, byte) in s.bytes().enumerate() {
        let Some(&(_, escaped)) = entry(table, byte).checked_sub(1).and_then(|k| ESCAPES.get(usize::from(k))) else {
            continue;
        };
        // `i` is at an ASCII byte, so both ends of the run are character boundaries.
        out.push_str(s.get(plain_from..i).unwrap_or_default());
        out.push_str(escaped);
        plain_from = i + 1;
    }
    out.push_str(s.get(plain_from..).unwrap_or_default());
}

/// The entry of `byte` in `table`.
#[allow(clippy::indexing_slicing)] // a u8 always indexes a table of 256
fn entry(table: &[u8; 256], byte: u8) -> u8 {
    table[usize::from(byte)]
}

#[cfg(test)]
mod tests {
    fn t(s: &str) -> String {
        let mut o = String::new();
        super::text(&mut o, s);
        o
    }
    fn a(s: &str) -> String {
        let mut o = String::new();
        super::attr(&mut o, s);
        o
    }

    #[test]
    fn json_in_a_script_cannot_end_it() {
        let mut o = String::new();
        // The line separator itself, then one already escaped (left as it is).
        super::script_json(&mut o, "{\"t\":\"</script><!-- & \u{2028} \\u2028 é\"}");
        assert_eq!(o, r#"{"t":"\u003c/script\u003e\u003c!-- \u0026 \u2028 \u2028 é"}"#);
    }

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(t("<script>alert('x') & \"y\"</script>"), "&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;");
        assert_eq!(a("\" onmouseover='x' <b>&"), "&quot; onmouseover=&#39;x&#39; &lt;b&gt;&amp;");
        assert_eq!(t("a\0b — é"), "a\u{fffd}b — é");
        assert_eq!(t("&amp;"), "&amp;amp;");
    }

    #[test]
    fn agrees_with_a_character_by_character_escape() {
        fn by_char(s: &str, in_attr: bool) -> String {
            s.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' if in_attr => "&quot;".to_string(),
                    '\'' if in_attr => "&#39;".to_string(),
                    '\0' => "\u{fffd}".to_string(),
                    c => c.to_string(),
                })
                .collect()
        }
        for s in ["", "plain", "&", "<<>>", "é&ü\0\"'x", "\u{1f600}<\u{1f600}", "a'b\"c", "\0"] {
            assert_eq!(t(s), by_char(s, false), "{s:?}");
            assert_eq!(a(s), by_char(s, true), "{s:?}");
        }
    }
}
