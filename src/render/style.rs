//! Inline styles for the static HTML outputs (the fragment, the page, the
//! email). Static HTML cannot rely on a stylesheet: email clients strip
//! `<style>`, and the HTML spec allows `<style>` only in `<head>`. So each
//! class of the view maps to an inline declaration list here.
//!
//! Colours are written as `$token`s and filled in per theme: as
//! `var(--brief-token, #value)` in the fragment (so host pages can still
//! theme it) and as the bare `#value` in email (clients drop custom properties).
//! So are the sides of logical properties (`margin-$end`): logical in the
//! fragment, physical for the brief's direction in email.
//! The live card's stylesheet is `card.css`; keep the two looking alike.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::options::Theme;
use crate::text::{cut, field};

/// `coded!("…$fg…")`: declarations as [`fill`] takes them, each `$token`
/// written as `$` and one letter, its place in [`TOKENS`] (`a` the first),
/// found when compiling (an unknown token is a compile error): `fill`
/// then reads a token by its place instead of looking its name up, and
/// the tables are written with the names.
macro_rules! coded {
    ($css:expr) => {
        const {
            const CSS: &str = $css;
            const CODED: [u8; $crate::render::style::coded_len(CSS)] = $crate::render::style::code(CSS);
            match core::str::from_utf8(&CODED) {
                Ok(coded) => coded,
                Err(_) => panic!("coded declarations are UTF-8"),
            }
        }
    };
}
pub(crate) use coded;

/// Declarations for each view class, one `class{declarations}` a line
/// (classes not listed get none). One string rather than a table of
/// pairs: pointer tables cost the wasm module more than text does. The
/// lines end in `\`, so the string holds no line breaks to skip.
const CLASSES: &str = coded!("\
bc-feed{display:block}\
bc-feed-item{display:block;margin:0 0 20px}\
bc-card{display:block;box-sizing:border-box;max-width:720px;margin:0;padding:24px 28px;border:1px solid $border;border-top:4px solid $accent;border-radius:12px;background:$bg;color:$fg;font-family:Charter,Georgia,Cambria,'Noto Serif',Vazirmatn,'Noto Naskh Arabic',Tahoma,serif;font-size:17px;line-height:1.6;text-align:$align;overflow-wrap:break-word}\
bc-header{display:block;margin:0 0 22px}\
bc-eyebrow{margin:0 0 10px;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:13px;line-height:1.45;font-weight:500;color:$muted}\
bc-kind{font-weight:700;color:$accent;letter-spacing:.09em;text-transform:uppercase;margin-$end:10px}\
bc-date{color:$muted}\
bc-title{margin:0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:30px;line-height:1.18;font-weight:700;letter-spacing:-.015em;color:$fg}\
bc-title-link{color:$fg;text-decoration:none}\
bc-publisher{margin:12px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:14px;line-height:1.45;color:$muted}\
bc-logo{vertical-align:middle;margin-$end:8px;border-radius:4px}\
bc-publisher-name{color:$muted;font-weight:600;text-decoration:none}\
bc-figure{margin:0 0 24px}\
bc-image{display:block;max-width:100%;height:auto;border-radius:8px}\
bc-caption{margin:8px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:13px;line-height:1.45;color:$muted}\
bc-block{display:block;margin:28px 0 0}\
bc-heading{margin:0 0 12px;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:12px;line-height:1.3;font-weight:700;letter-spacing:.12em;text-transform:uppercase;color:$accent}\
bc-section-heading{font-size:21px;line-height:1.3;letter-spacing:0;text-transform:none;color:$fg}\
bc-section{border-top:1px solid $border;padding-top:24px}\
bc-p{margin:0 0 16px}\
bc-link{color:$link;text-decoration:underline}\
bc-quote{margin:0 0 16px;padding:18px 20px;border-$start:4px solid $accent;background:$quote}\
bc-blockquote{margin:0;font-size:20px;line-height:1.5;font-style:italic}\
bc-cite{margin:14px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:14px;line-height:1.45;color:$muted}\
bc-author{font-weight:700;color:$fg;margin-$end:8px}\
bc-role{color:$muted}\
bc-related-list{margin:0;padding:0;list-style:none}\
bc-related-item{margin:0;padding:12px 0;border-bottom:1px solid $border}\
bc-related-link{font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:17px;line-height:1.35;font-weight:700;color:$link;text-decoration:none}\
bc-meta{margin:4px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:13px;line-height:1.45;color:$muted}\
bc-meta-kind{margin-$end:8px;color:$accent;font-weight:700}\
bc-meta-author{margin-$end:8px}\
bc-chips{margin:0;padding:0;list-style:none}\
bc-tag{display:inline-block;margin:0 0 8px;margin-$end:8px}\
bc-chip{display:inline-block;padding:4px 14px;border:1px solid $border;border-radius:999px;background:$chip;color:$fg;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:13px;line-height:1.4;text-decoration:none}\
bc-footer{display:block;margin:32px 0 0;padding-top:20px;border-top:1px solid $border;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:15px}\
bc-read-more{display:inline-block;padding:10px 20px;border-radius:999px;background:$accent;color:$bg;font-weight:700;text-decoration:none}");

/// What the compact layout changes (the live card's `.bc-compact` rules).
const COMPACT: &str = coded!("\
bc-card{padding:18px 20px;border-top-width:3px}\
bc-header{margin:0 0 10px}\
bc-title{font-size:21px}\
bc-block{margin:10px 0 0}\
bc-footer{margin:16px 0 0;padding-top:12px}\
bc-read-more{padding:7px 16px;font-size:14px}");

/// What email adds (with [`Tokens::Plain`]): the card fills the 600 px
/// column; images scale, without a border (older clients draw one around linked images).
const EMAIL: &str = coded!("\
bc-card{max-width:600px;width:100%}\
bc-image{width:100%;max-width:550px;border:0}\
bc-logo{border:0}");

/// The tokens, `|` between them (text rather than a table of string
/// tuples, whose pointers cost the wasm module more). One table for both
/// kinds (one lookup in `fill`), the colours first (see [`COLOURS`]):
///
/// * a colour: `name light dark`. Contrast of text on `bg`/`quote`/`chip`
///   is at least 4.5:1.
/// * a side: `name logical left-to-right right-to-left`. Email clients
///   (Outlook, older Gmail apps) ignore logical properties and logical
///   values (`text-align:start`), so email gets the physical side.
const TOKENS: &str = "bg #ffffff #15181e|fg #1a1d23 #eceef2|muted #555b66 #a9b0bc|accent #a3202e #ff8a8f|\
link #0b57a4 #8cc4ff|border #d9dce1 #343a46|quote #f5f6f8 #1d2129|chip #f1f3f5 #232833|\
start inline-start left right|end inline-end right left|align start left right";

/// The colours come first in [`TOKENS`], then the sides (a test checks).
const COLOURS: u8 = 8;

/// The length of the token name at `at` of `css` (after a `$`) and the
/// token's place in [`TOKENS`]. Only evaluated when compiling (by
/// `coded!`), where an unknown token fails the build.
#[allow(clippy::indexing_slicing)] // only when compiling, where an index out of range fails the build too
pub(crate) const fn token_at(css: &[u8], at: usize) -> (usize, u8) {
    let tokens = TOKENS.as_bytes();
    let (mut entry, mut place) = (0, 0);
    loop {
        assert!(entry < tokens.len(), "a $token of the declarations is not in TOKENS");
        // The length of the name both share (an entry's name ends at a space).
        let mut n = 0;
        while tokens[entry + n] != b' ' && at + n < css.len() && css[at + n] == tokens[entry + n] {
            n += 1;
        }
        let name_ends = at + n == css.len() || !css[at + n].is_ascii_lowercase();
        if tokens[entry + n] == b' ' && name_ends {
            return (n, place);
        }
        while entry < tokens.len() && tokens[entry] != b'|' {
            entry += 1;
        }
        entry += 1;
        place += 1;
    }
}

/// The length of `css` coded (see `coded!`).
#[allow(clippy::indexing_slicing)] // as for token_at
pub(crate) const fn coded_len(css: &str) -> usize {
    let css = css.as_bytes();
    let (mut i, mut len) = (0, 0);
    while i < css.len() {
        if css[i] == b'$' {
            // `$` and the name become `$` and a letter.
            i += token_at(css, i + 1).0;
            len += 1;
        }
        i += 1;
        len += 1;
    }
    len
}

/// `css` coded (see `coded!`), `N` bytes long.
#[allow(clippy::indexing_slicing)] // as for token_at
pub(crate) const fn code<const N: usize>(css: &str) -> [u8; N] {
    let css = css.as_bytes();
    let mut out = [0; N];
    let (mut i, mut o) = (0, 0);
    while i < css.len() {
        out[o] = css[i];
        o += 1;
        if css[i] == b'$' {
            let (len, place) = token_at(css, i + 1);
            out[o] = b'a' + place;
            o += 1;
            i += len;
        }
        i += 1;
    }
    out
}

/// How the tokens are filled in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tokens {
    /// CSS custom properties with the colour as fallback (`var(--brief-…, #…)`), so a host page can retheme; logical properties.
    CustomProperties,
    /// Plain colours and physical sides for this direction (right to left
    /// when `rtl`), for email clients.
    Plain {
        /// The brief is written right to left.
        rtl: bool,
    },
}

/// The inline style for an element with these classes (empty when none).
pub fn for_classes(classes: &str, theme: Theme, tokens: Tokens, compact: bool, out: &mut String) {
    let email = matches!(tokens, Tokens::Plain { .. });
    // A slice rather than an iterator of the tables in use: the flattened
    // array iterator cost more code than rescanning an empty table ("" has no lines).
    for &table in &[CLASSES, if compact { COMPACT } else { "" }, if email { EMAIL } else { "" }] {
        // Rescanning for each class costs nothing: an element has at most three.
        let mut n = 0;
        while let Some(class) = field(classes, b' ', n) {
            n += 1;
            if let Some(decls) = declarations(table, class) {
                if !out.is_empty() {
                    out.push(';');
                }
                fill(decls, theme, tokens, out);
            }
        }
    }
}

/// The declarations for `class` in `table` ([`CLASSES`], [`COMPACT`], [`EMAIL`]).
fn declarations(table: &'static str, class: &str) -> Option<&'static str> {
    let mut lines = table;
    while let Some((name, rest)) = cut(lines, b'{') {
        let (decls, after) = cut(rest, b'}')?;
        if name == class {
            return Some(decls);
        }
        lines = after;
    }
    None
}

/// Writes `decls` (coded by `coded!`) with each `$token` replaced by its
/// colour for `theme` or its side.
pub fn fill(decls: &str, theme: Theme, tokens: Tokens, out: &mut String) {
    let mut rest = decls;
    while let Some((before, after)) = cut(rest, b'$') {
        out.push_str(before);
        // The letter after `$` is the token's place in TOKENS (see `coded!`).
        let place = after.bytes().next().unwrap_or_default().wrapping_sub(b'a');
        rest = after.get(1..).unwrap_or_default();
        let entry = field(TOKENS, b'|', usize::from(place)).unwrap_or_default();
        let (name, values) = cut(entry, b' ').unwrap_or_default();
        let side = place >= COLOURS;
        let n = match tokens {
            _ if !side => usize::from(theme == Theme::Dark),
            Tokens::CustomProperties => 0,
            Tokens::Plain { rtl } => 1 + usize::from(rtl),
        };
        let value = field(values, b' ', n).unwrap_or_default();
        if side || tokens != Tokens::CustomProperties {
            out.push_str(value);
        } else {
            out.push_str("var(--brief-");
            out.push_str(name);
            out.push(',');
            out.push_str(value);
            out.push(')');
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(classes: &str, theme: Theme, tokens: Tokens) -> String {
        let mut out = String::new();
        for_classes(classes, theme, tokens, false, &mut out);
        out
    }

    const LTR: Tokens = Tokens::Plain { rtl: false };

    #[test]
    fn tokens_fill_per_theme_and_mode() {
        assert_eq!(style("bc-title-link", Theme::Light, Tokens::CustomProperties), "color:var(--brief-fg,#1a1d23);text-decoration:none");
        assert_eq!(style("bc-title-link", Theme::Dark, LTR), "color:#eceef2;text-decoration:none");
        assert_eq!(style("bc-unknown", Theme::Light, LTR), "");
        for line in CLASSES.split_inclusive('}') {
            let (class, decls) = line.split_once('{').unwrap();
            assert!(decls.ends_with('}') && !decls.contains(['{', '\n']), "{line}");
            let s = style(class, Theme::Light, LTR);
            assert!(!s.is_empty() && !s.contains('$') && !s.contains("inherit"), "{class}: {s}");
        }
    }

    #[test]
    fn token_tables_are_well_formed() {
        let values: Vec<usize> = TOKENS.split('|').map(|entry| entry.split(' ').count()).collect();
        assert_eq!(values, [3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4], "eight colours, then three sides");
        assert_eq!(COLOURS, 8);
        for (place, entry) in TOKENS.split('|').enumerate() {
            let (name, _) = entry.split_once(' ').unwrap();
            let css = ["color:$", name, ";"].concat();
            assert_eq!(token_at(css.as_bytes(), 7), (name.len(), place as u8));
        }
        assert_eq!(coded!("margin-$end:0;color:$fg"), "margin-$j:0;color:$b");
    }

    #[test]
    fn sides_are_logical_in_the_fragment_and_physical_in_email() {
        assert_eq!(style("bc-quote", Theme::Light, Tokens::CustomProperties), "margin:0 0 16px;padding:18px 20px;border-inline-start:4px solid var(--brief-accent,#a3202e);background:var(--brief-quote,#f5f6f8)");
        assert_eq!(style("bc-meta-kind", Theme::Light, LTR), "margin-right:8px;color:#a3202e;font-weight:700");
        assert_eq!(style("bc-meta-kind", Theme::Light, Tokens::Plain { rtl: true }), "margin-left:8px;color:#a3202e;font-weight:700");
        assert!(style("bc-card", Theme::Light, Tokens::Plain { rtl: true }).contains(";text-align:right;"));
        assert!(style("bc-card", Theme::Light, Tokens::CustomProperties).contains(";text-align:start;"));
    }
}
