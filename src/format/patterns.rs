//! The patterns a brief's strings must match, as JSON Schema states them
//! ([`crate::format`]'s attributes) and as the reference lists them. The
//! validator checks the same rules in Rust; tests/schema holds the two in
//! agreement.

use percent_encoding::{AsciiSet, CONTROLS};

use super::limits::MAX_LANG_CHARS;

/// What must not appear raw in a serialised URL: controls, space, quotes,
/// angle brackets, backtick and DEL (and, as for every set, non-ASCII), and
/// square brackets, which the URL standard leaves raw in a path, query or
/// fragment but RFC 3986 allows only around an IPv6 host (HTML checkers
/// refuse `?filter[tag]=x` in an `href`; servers read `%5B` as `[`). The URL
/// policy writes a URL with these percent-encoded outside its host, and its
/// length limit counts that form.
pub(crate) const URL_ENCODED: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`').add(b'[').add(b']');

/// A required string must contain a character that Rust's `char::is_whitespace`
/// (Unicode `White_Space`) does not count as space, and that validation keeps
/// (it drops controls other than NUL and white space, and noncharacters),
/// and that is not default-ignorable (Unicode's `Default_Ignorable_Code_Point`:
/// zero-width spaces and joiners, directional controls, fillers), which shows
/// nothing. (Code points beyond the BMP, which a pattern without the `u` flag
/// cannot name, are left out of it.)
pub(crate) const NON_BLANK_PATTERN: &str = r"[^\u0001-\u0020\u007F-\u00A0\u00AD\u034F\u061C\u115F\u1160\u1680\u17B4\u17B5\u180B-\u180F\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\u3164\uFDD0-\uFDEF\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8\uFFFE\uFFFF]";
/// `id`: used as an anchor.
pub(crate) const ID_PATTERN: &str = r"^[A-Za-z0-9_.:-]+$";
/// `lang`: a loose BCP 47 check, as [`is_language_tag`] makes it.
pub(crate) const LANG_PATTERN: &str = r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$";
/// `YYYY-MM-DD` or an RFC 3339 date-time, surrounded by optional white space.
pub(crate) const DATE_PATTERN: &str = r"^[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-9]))(?:[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))?[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$";
/// A link URL (`url`, `href`): what url_policy accepts for links, read the
/// way it reads them (leading C0 controls and spaces skipped, tabs and
/// newlines ignored inside the scheme): a relative reference, `mailto:`,
/// or `http(s)://` with a non-empty host free of credentials and a port of
/// at most five digits.
pub(crate) const LINK_URL_PATTERN: &str = concat!(
    r"^[\u0000-\u0020]*(?:",
    // a relative reference: the first character is not the start of a scheme
    r"(?![A-Za-z][A-Za-z0-9+.\t\n\r-]*:)[^\u0000-\u0020]",
    // http(s)://host[:port], then the end or a path, query or fragment
    r"|[Hh][\t\n\r]*[Tt][\t\n\r]*[Tt][\t\n\r]*[Pp][\t\n\r]*(?:[Ss][\t\n\r]*)?:[\t\n\r]*[/\\][\t\n\r]*[/\\]",
    // a host (colons only inside an IPv6 literal `[…]`), then an optional port
    r#"(?:[^\u0000-\u0020<>"^|%`{}\u007F@/?#\\:\[\]]+|\[[^\u0000-\u0020<>"^|%`{}\u007F@/?#\\\[\]]+\])(?::[0-9]{0,5})?"#,
    r"(?:[\t\n\r]*[/?#\\]|[\u0000-\u0020]*$)",
    // mailto:
    r"|[Mm][\t\n\r]*[Aa][\t\n\r]*[Ii][\t\n\r]*[Ll][\t\n\r]*[Tt][\t\n\r]*[Oo][\t\n\r]*:",
    r")"
);
/// A resource URL (`src`, `logo`): as [`LINK_URL_PATTERN`] without `mailto:`.
pub(crate) const RESOURCE_URL_PATTERN: &str = concat!(
    r"^[\u0000-\u0020]*(?:",
    r"(?![A-Za-z][A-Za-z0-9+.\t\n\r-]*:)[^\u0000-\u0020]",
    r"|[Hh][\t\n\r]*[Tt][\t\n\r]*[Tt][\t\n\r]*[Pp][\t\n\r]*(?:[Ss][\t\n\r]*)?:[\t\n\r]*[/\\][\t\n\r]*[/\\]",
    // a host (colons only inside an IPv6 literal `[…]`), then an optional port
    r#"(?:[^\u0000-\u0020<>"^|%`{}\u007F@/?#\\:\[\]]+|\[[^\u0000-\u0020<>"^|%`{}\u007F@/?#\\\[\]]+\])(?::[0-9]{0,5})?"#,
    r"(?:[\t\n\r]*[/?#\\]|[\u0000-\u0020]*$)",
    r")"
);

/// Whether `s` can be an anchor as [`ID_PATTERN`] says: ASCII letters, digits,
/// `-`, `_`, `.`, `:` (nothing that needs escaping in a selector or a URL's
/// fragment).
pub(crate) fn is_anchor_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// Whether `s` is a language tag as [`LANG_PATTERN`] says: a 2–8 letter
/// primary subtag, then subtags of 1–8 letters or digits.
pub(crate) fn is_language_tag(s: &str) -> bool {
    let mut subtags = s.split('-');
    let language = subtags.next().unwrap_or("");
    (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags.all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A language tag as pages, publishers and hosts write them (` en_US `)
/// as the card keeps it (`en-US`): trimmed, `_` read as `-`; `None` when
/// that is no language tag (or longer than [`MAX_LANG_CHARS`]). The
/// element's copy of this rule is `tag` in src/brief-card.js.
pub fn language_tag(raw: &str) -> Option<String> {
    let tag = raw.trim().replace('_', "-");
    (tag.len() <= MAX_LANG_CHARS && is_language_tag(&tag)).then_some(tag)
}

/// A language tag's primary subtag, its language (`es` of `es-MX`);
/// compare it without case, as tags are case-insensitive ("ES", "Fr-CA").
pub(crate) fn primary(lang: &str) -> &str {
    lang.split('-').next().unwrap_or_default()
}

/// The patterns with the names the reference and the declarations give them.
pub const PATTERNS: [(&str, &str, &str); 6] = [
    ("non-blank", NON_BLANK_PATTERN, "contains a character that is not white space (Rust's `char::is_whitespace`), a control or noncharacter (which validation drops), or default-ignorable (zero-width spaces and joiners, directional controls, fillers), so it shows something"),
    ("anchor id", ID_PATTERN, "ASCII letters, digits, `-`, `_`, `.`, `:`"),
    ("language tag", LANG_PATTERN, "a 2–8 letter primary subtag, then `-` and 1–8 letters or digits, repeated"),
    ("date", DATE_PATTERN, "`YYYY-MM-DD` or an RFC 3339 date-time `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, white space around it allowed"),
    ("link URL", LINK_URL_PATTERN, "a relative reference, `mailto:`, or `http(s)://` with a host, no `user:password@`, a port of at most 5 digits; tabs and newlines inside the scheme are ignored and leading controls skipped, as browsers do"),
    ("resource URL", RESOURCE_URL_PATTERN, "as a link URL, without `mailto:`"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_checked_subtag_by_subtag() {
        assert!(is_language_tag("pt-BR") && is_language_tag("zh-Hant-TW") && is_language_tag("es-419"));
        assert!(!is_language_tag("not a tag") && !is_language_tag("e") && !is_language_tag("en-") && !is_language_tag("1en"));
        assert!(!is_language_tag("") && !is_language_tag("abcdefghi") && !is_language_tag("en--x") && !is_language_tag("é"));
        assert_eq!(language_tag(" en_US ").as_deref(), Some("en-US"));
        assert_eq!(language_tag("en_US.UTF-8"), None);
        assert_eq!(language_tag(&format!("en-{}", ["abcdefgh"; 4].join("-"))), None, "longer than 35 characters");
    }
}
