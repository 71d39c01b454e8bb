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

/// The declarations for each class of the view (classes not listed get
/// none), with `$token`s (see [`COLOURS`] and [`SIDES`]).
const CLASSES: &[(&str, &str)] = &[
    ("bc-feed", "display:block"),
    ("bc-feed-item", "display:block;margin:0 0 20px"),
    ("bc-card", "display:block;box-sizing:border-box;max-width:720px;margin:0;padding:24px 28px;border:1px solid $border;border-top:4px solid $accent;border-radius:12px;background:$bg;color:$fg;font-family:Charter,Georgia,Cambria,'Noto Serif',Vazirmatn,'Noto Naskh Arabic',Tahoma,serif;font-size:17px;line-height:1.6;text-align:$align;overflow-wrap:break-word"),
    ("bc-header", "display:block;margin:0 0 22px"),
    ("bc-eyebrow", "margin:0 0 10px;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:13px;line-height:1.45;font-weight:500;color:$muted"),
    ("bc-kind", "font-weight:700;color:$accent;letter-spacing:.09em;text-transform:uppercase;margin-$end:10px"),
    ("bc-date", "color:$muted"),
    ("bc-updated", "margin-$start:10px"),
    ("bc-title", "margin:0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:30px;line-height:1.18;font-weight:700;letter-spacing:-.015em;color:$fg"),
    ("bc-title-link", "color:$fg;text-decoration:none"),
    ("bc-byline", "margin:12px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:14px;line-height:1.45;color:$muted"),
    ("bc-byline-name", "color:$fg;font-weight:600;text-decoration:none"),
    ("bc-publisher", "margin:12px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:14px;line-height:1.45;color:$muted"),
    ("bc-logo", "vertical-align:middle;margin-$end:8px;border-radius:4px"),
    ("bc-publisher-name", "color:$muted;font-weight:600;text-decoration:none"),
    ("bc-figure", "margin:0 0 24px"),
    ("bc-image", "display:block;max-width:100%;height:auto;border-radius:8px"),
    ("bc-caption", "margin:8px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:13px;line-height:1.45;color:$muted"),
    ("bc-block", "display:block;margin:28px 0 0"),
    ("bc-heading", "margin:0 0 12px;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:12px;line-height:1.3;font-weight:700;letter-spacing:.12em;text-transform:uppercase;color:$accent"),
    ("bc-section-heading", "font-size:21px;line-height:1.3;letter-spacing:0;text-transform:none;color:$fg"),
    ("bc-section", "border-top:1px solid $border;padding-top:24px"),
    ("bc-p", "margin:0 0 16px"),
    ("bc-link", "color:$link;text-decoration:underline"),
    ("bc-quote", "margin:0 0 16px;padding:18px 20px;border-$start:4px solid $accent;background:$quote"),
    ("bc-blockquote", "margin:0;font-size:20px;line-height:1.5;font-style:italic"),
    ("bc-cite", "margin:14px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:14px;line-height:1.45;color:$muted"),
    ("bc-author", "font-weight:700;color:$fg;margin-$end:8px"),
    ("bc-role", "color:$muted"),
    ("bc-related-list", "margin:0;padding:0;list-style:none"),
    ("bc-related-item", "margin:0;padding:12px 0;border-bottom:1px solid $border"),
    ("bc-related-link", "font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:17px;line-height:1.35;font-weight:700;color:$link;text-decoration:none"),
    ("bc-meta", "margin:4px 0 0;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:13px;line-height:1.45;color:$muted"),
    ("bc-meta-kind", "margin-$end:8px;color:$accent;font-weight:700"),
    ("bc-meta-author", "margin-$end:8px"),
    ("bc-chips", "margin:0;padding:0;list-style:none"),
    ("bc-tag", "display:inline-block;margin:0 0 8px;margin-$end:8px"),
    ("bc-chip", "display:inline-block;padding:4px 14px;border:1px solid $border;border-radius:999px;background:$chip;color:$fg;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:13px;line-height:1.4;text-decoration:none"),
    ("bc-footer", "display:block;margin:32px 0 0;padding-top:20px;border-top:1px solid $border;font-family:system-ui,'Segoe UI',Roboto,Arial,Vazirmatn,'Noto Sans Arabic',Tahoma,sans-serif;font-size:15px"),
    ("bc-read-more", "display:inline-block;padding:10px 20px;border-radius:999px;background:$accent;color:$bg;font-weight:700;text-decoration:none"),
];

/// What the compact layout changes (the live card's `.bc-compact` rules).
const COMPACT: &[(&str, &str)] = &[
    ("bc-card", "padding:18px 20px;border-top-width:3px"),
    ("bc-header", "margin:0 0 10px"),
    ("bc-title", "font-size:21px"),
    ("bc-block", "margin:10px 0 0"),
    ("bc-footer", "margin:16px 0 0;padding-top:12px"),
    ("bc-read-more", "padding:7px 16px;font-size:14px"),
];

/// What email adds (with [`Tokens::Plain`]): the card fills the 600 px
/// column; images scale, without a border (older clients draw one around linked images).
const EMAIL: &[(&str, &str)] = &[
    ("bc-card", "max-width:600px;width:100%"),
    ("bc-image", "width:100%;max-width:550px;border:0"),
    ("bc-logo", "border:0"),
];

/// The colour tokens: `(name, light, dark)`. Contrast of text on `bg`,
/// `quote` and `chip` is at least 4.5:1.
const COLOURS: &[(&str, &str, &str)] = &[
    ("bg", "#ffffff", "#15181e"),
    ("fg", "#1a1d23", "#eceef2"),
    ("muted", "#555b66", "#a9b0bc"),
    ("accent", "#a3202e", "#ff8a8f"),
    ("link", "#0b57a4", "#8cc4ff"),
    ("border", "#d9dce1", "#343a46"),
    ("quote", "#f5f6f8", "#1d2129"),
    ("chip", "#f1f3f5", "#232833"),
];

/// The side tokens: `(name, logical, left to right, right to left)`. Email
/// clients (Outlook, older Gmail apps) ignore logical properties and
/// logical values (`text-align:start`), so email gets the physical side.
const SIDES: &[(&str, &str, &str, &str)] = &[
    ("start", "inline-start", "left", "right"),
    ("end", "inline-end", "right", "left"),
    ("align", "start", "left", "right"),
];

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
    // The base rules first, then what the layout and email change, as the
    // cascade of the live card's stylesheet would order them.
    let tables = [Some(CLASSES), compact.then_some(COMPACT), email.then_some(EMAIL)];
    for table in tables.into_iter().flatten() {
        for class in classes.split(' ') {
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
fn declarations(table: &[(&str, &'static str)], class: &str) -> Option<&'static str> {
    table.iter().find(|(name, _)| *name == class).map(|(_, decls)| *decls)
}

/// Writes `decls` with each `$token` replaced by its colour for `theme` or
/// its side. A token is `$` and a name of lower-case letters.
pub fn fill(decls: &str, theme: Theme, tokens: Tokens, out: &mut String) {
    let mut rest = decls;
    while let Some((before, after)) = rest.split_once('$') {
        out.push_str(before);
        let name_len = after.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(after.len());
        let (name, tail) = after.split_at(name_len);
        token(name, theme, tokens, out);
        rest = tail;
    }
    out.push_str(rest);
}

/// Writes the value of the token `name` (unknown names, which a test rules
/// out, are written back as they were).
fn token(name: &str, theme: Theme, tokens: Tokens, out: &mut String) {
    if let Some(&(_, light, dark)) = COLOURS.iter().find(|(n, ..)| *n == name) {
        let colour = if theme == Theme::Dark { dark } else { light };
        match tokens {
            Tokens::CustomProperties => {
                out.push_str("var(--brief-");
                out.push_str(name);
                out.push(',');
                out.push_str(colour);
                out.push(')');
            }
            Tokens::Plain { .. } => out.push_str(colour),
        }
    } else if let Some(&(_, logical, ltr, rtl)) = SIDES.iter().find(|(n, ..)| *n == name) {
        out.push_str(match tokens {
            Tokens::CustomProperties => logical,
            Tokens::Plain { rtl: false } => ltr,
            Tokens::Plain { rtl: true } => rtl,
        });
    } else {
        out.push('$');
        out.push_str(name);
    }
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
        for (class, _) in CLASSES {
            let s = style(class, Theme::Light, LTR);
            assert!(!s.is_empty() && !s.contains('$') && !s.contains("inherit"), "{class}: {s}");
        }
    }

    #[test]
    fn every_token_is_known_and_every_declaration_well_formed() {
        for (class, decls) in CLASSES.iter().chain(COMPACT).chain(EMAIL) {
            assert!(class.starts_with("bc-") && !class.contains(' '), "{class}");
            assert!(!decls.is_empty() && !decls.contains(['{', '}', '\n']) && !decls.ends_with(';'), "{class}: {decls}");
            for tokens in [Tokens::CustomProperties, LTR, Tokens::Plain { rtl: true }] {
                let mut out = String::new();
                fill(decls, Theme::Light, tokens, &mut out);
                assert!(!out.contains('$'), "{class}: {out}");
            }
        }
        let mut out = String::new();
        fill("margin-$end:0;color:$fg;x:$nope", Theme::Dark, LTR, &mut out);
        assert_eq!(out, "margin-right:0;color:#eceef2;x:$nope");
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
