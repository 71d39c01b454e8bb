//! HTML character references in JSON-LD text.
//!
//! JSON-LD strings are plain text, but content systems often write their
//! titles and terms into it HTML-escaped: WordPress's `esc_html` and
//! "smart quotes" give `What&#8217;s next` and `Forests &amp; Land`. A
//! reader should never see those, so the strings of a JSON-LD document are
//! read as the text they stand for before anything is mapped.
//!
//! Only references closed by `;` are read: numeric ones (`&#8217;`,
//! `&#x2019;`, and `&#146;`, which HTML reads as windows-1252's `’`, as
//! older systems meant it) and the few names escaping and typography write
//! ([`NAMED`], and the upper-case `&AMP;` `&LT;` `&GT;` `&QUOT;` HTML also
//! reads); anything else (`AT&T`, `&copy` without its `;`, `&foo;`) stays
//! as written.
//! Decoding is safe: what comes out is still text, which the card writes as
//! text nodes, and addresses pass the URL policy afterwards (so
//! `&#106;avascript:` is refused like `javascript:`). A brief whose text
//! literally holds a reference (a piece about HTML) reads back decoded from
//! its page's JSON-LD; docs/jsonld-mapping.md lists that.

use std::borrow::Cow;

use serde_json::Value;

/// The named references read, and their characters.
const NAMED: [(&str, char); 27] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("AMP", '&'),
    ("LT", '<'),
    ("GT", '>'),
    ("QUOT", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("hellip", '…'),
    ("shy", '\u{ad}'),
    // The quotation marks of French, Spanish, German, Arabic and Persian
    // text, and the joiners and marks that Persian and Arabic editors
    // (TinyMCE, CKEditor) write as references: a word written with `&zwnj;`
    // is one word, whose letters the joiner keeps apart.
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("bdquo", '„'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
];

/// What HTML reads a numeric reference to 0x80–0x9F as: the windows-1252
/// character of that byte (`&#146;` is `’`), as the pages that wrote them
/// meant; the five bytes windows-1252 leaves undefined stay themselves.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–',
    '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Every string in `value` (not its keys) with its references decoded.
pub(super) fn decode_strings(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Cow::Owned(decoded) = decoded(s) {
                *s = decoded;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(decode_strings),
        Value::Object(members) => members.values_mut().for_each(decode_strings),
        _ => {}
    }
}

/// `s` with its character references decoded (borrowed when it has none).
fn decoded(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        match reference(from) {
            Some((c, len)) => {
                out.push(c);
                rest = from.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character of the reference `s` starts with (`&…;`), and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    // The longest reference read (`&#x10FFFF;`, or a name of [`NAMED`]) is
    // closed within its first 12 bytes: no further search for a `;`.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = s.get(1..end)?;
    let c = match name.strip_prefix('#') {
        Some(number) => {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => u32::from_str_radix(hex, 16).ok()?,
                None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => number.parse().ok()?,
                _ => return None,
            };
            // As HTML reads them: NUL, surrogates and what is past Unicode are U+FFFD.
            match code.checked_sub(0x80).and_then(|i| WINDOWS_1252.get(usize::try_from(i).ok()?)) {
                Some(&c) => c,
                None => char::from_u32(code).filter(|&c| c != '\0').unwrap_or(char::REPLACEMENT_CHARACTER),
            }
        }
        None => NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)?,
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::decoded;

    #[test]
    fn references_become_their_characters() {
        for (given, want) in [
            ("What&#8217;s next", "What’s next"),
            ("Forests &amp; Land", "Forests & Land"),
            ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
            ("&#x201C;Quoted&#X201d;", "“Quoted”"),
            ("&quot;a&quot; &apos;b&apos;&nbsp;&hellip;", "\"a\" 'b'\u{a0}…"),
            ("&amp;amp;", "&amp;"),
            ("&#106;avascript:", "javascript:"),
            ("&#0; &#xD800; &#x110000;", "\u{fffd} \u{fffd} \u{fffd}"),
            ("&#99999999999999;", "&#99999999999999;"),
            ("What&#146;s &#150; &#x80;5", "What’s – €5"),
            ("Telecom &AMP; Media", "Telecom & Media"),
            ("می&zwnj;خواهم &rlm;test&lrm; &laquo;نقل&raquo; &bdquo;Zitat&ldquo;", "می\u{200c}خواهم \u{200f}test\u{200e} «نقل» „Zitat“"),
        ] {
            assert_eq!(decoded(given), want, "{given}");
        }
    }

    /// A `;` is looked for within a reference's length only, so a long text
    /// of `&`s and no `;` is read once through, however its bytes are made
    /// (multi-byte letters after each `&` once sent the search to its end).
    #[test]
    fn ampersands_without_references_are_read_in_linear_time() {
        let text = format!("{};", "&ééééééé".repeat(60_000));
        let started = std::time::Instant::now();
        assert_eq!(decoded(&text), text);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
    }

    /// Over many texts made of the pieces references are made of: no
    /// panic, text without `&` unchanged, and never longer than written
    /// (every reference is longer than the character it stands for).
    #[test]
    fn any_text_decodes_without_panic_and_never_grows() {
        const PIECES: [&str; 16] = ["&", "#", "x", ";", "amp", "AMP", "146", "8217", "1F600", "é", "€", "😀", " ", "a", "0", "nbsp"];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(state % 12) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let out = decoded(&text);
            assert!(out.len() <= text.len(), "{text:?} → {out:?}");
            if !text.contains('&') {
                assert_eq!(out, text);
            }
        }
    }

    #[test]
    fn what_is_not_a_closed_reference_stays() {
        for same in [
            "AT&T",
            "Q&A; more",
            "&copy 2024",
            "&foo;",
            "&;",
            "&#;",
            "&#x;",
            "&#12a;",
            "& amp;",
            "a &",
            "&",
            "&#",
            "&#x41",
            "&Amp;",
            "&#0000000039;",
        ] {
            assert_eq!(decoded(same), same, "{same}");
        }
    }
}
