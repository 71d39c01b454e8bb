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
//! older systems meant it) and the names of HTML 4 that escaping and older
//! editors write, Latin-1's letters and signs and typography's ([`NAMED`],
//! and the upper-case `&AMP;` `&LT;` `&GT;` `&QUOT;` HTML also reads);
//! anything else (`AT&T`, `&copy` without its `;`, `&alpha;`, `&foo;`)
//! stays as written.
//! Decoding is safe: what comes out is still text, which the card writes as
//! text nodes, and addresses pass the URL policy afterwards (so
//! `&#106;avascript:` is refused like `javascript:`). A brief whose text
//! literally holds a reference (a piece about HTML) reads back decoded from
//! its page's JSON-LD; docs/jsonld-mapping.md lists that.

use std::borrow::Cow;

use serde_json::Value;

/// The named references read, and their characters: HTML 4's (what PHP's
/// `htmlentities` and older editors write: its Latin-1 letters and signs,
/// `&eacute;` `&uuml;` `&ccedil;` `&copy;`, and its punctuation, spaces,
/// joiners and direction marks, `&laquo;` `&zwnj;` `&rlm;` `&euro;`)
/// without its Greek letters and mathematical signs, with HTML 5's `&apos;`
/// and the upper-case forms of the four of markup that HTML also reads.
const NAMED: [(&str, char); 142] = [
    // Markup.
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("AMP", '&'),
    ("LT", '<'),
    ("GT", '>'),
    ("QUOT", '"'),
    ("apos", '\''),
    // Latin-1, U+00A0 to U+00FF, in its order.
    ("nbsp", '\u{a0}'),
    ("iexcl", '¡'),
    ("cent", '¢'),
    ("pound", '£'),
    ("curren", '¤'),
    ("yen", '¥'),
    ("brvbar", '¦'),
    ("sect", '§'),
    ("uml", '¨'),
    ("copy", '©'),
    ("ordf", 'ª'),
    ("laquo", '«'),
    ("not", '¬'),
    ("shy", '\u{ad}'),
    ("reg", '®'),
    ("macr", '¯'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("acute", '´'),
    ("micro", 'µ'),
    ("para", '¶'),
    ("middot", '·'),
    ("cedil", '¸'),
    ("sup1", '¹'),
    ("ordm", 'º'),
    ("raquo", '»'),
    ("frac14", '¼'),
    ("frac12", '½'),
    ("frac34", '¾'),
    ("iquest", '¿'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("times", '×'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("THORN", 'Þ'),
    ("szlig", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("divide", '÷'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("yuml", 'ÿ'),
    // Latin letters beyond Latin-1, spaces, joiners and direction marks
    // (Persian and Arabic editors write `&zwnj;` inside words), punctuation.
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("hellip", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("euro", '€'),
    ("trade", '™'),
    ("larr", '←'),
    ("rarr", '→'),
    ("minus", '−'),
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
            (
                "Op&eacute;ration &laquo;&nbsp;Clart&eacute;&nbsp;&raquo; &agrave; Z&uuml;rich, 5&nbsp;&euro;",
                "Opération «\u{a0}Clarté\u{a0}» à Zürich, 5\u{a0}€",
            ),
            ("&alpha; &foo; &copy", "&alpha; &foo; &copy"),
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
