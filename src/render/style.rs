//! Inline styles for the static HTML outputs (the fragment, the page, the
//! email). Static HTML cannot rely on a stylesheet: email clients strip
//! `<style>`, and the HTML spec allows `<style>` only in `<head>`. So each
//! element gets the declarations of the card's stylesheet that apply to it
//! as its `style` attribute.
//!
//! `src/card.css` is the one source: the build script (build/) reads it
//! (with `cssparser`) and writes the table this module `include!`s, so the live card and the static
//! outputs cannot drift apart. The rules, also written at the top of card.css:
//!
//! - A rule applies inline when its selector can be decided from the element
//!   and what was written before it: type and class selectors, `:where()` of
//!   types, `[dir=…]`, `:first-child`, and the descendant, child and
//!   next-sibling combinators (the HTML writer passes each element's
//!   [`Place`]), outside any at-rule. Other pseudo-classes and attribute
//!   selectors, pseudo-elements, `:host`, `:is()`, `@media` and `@container`
//!   are live-only.
//! - An element's style is the declarations of every rule that applies, in
//!   cascade order (specificity, then source order); build/inline.rs sorts the table so.
//! - Values static HTML cannot use (`clamp()`, `min()`, `max()`, `calc()`,
//!   `color-mix()`, container units; in email also `inherit`) are left out,
//!   and so the declaration card.css writes just before them as a fallback is
//!   the one static HTML keeps. So are live-only properties (`container-type`,
//!   `transition`, `cursor`, …) and, in email, `position`.
//! - The card's custom properties (`--fg`, defined on `.bc-card`, redefined on
//!   `.bc-dark`) are resolved for the theme (`auto` is light: an inline style
//!   cannot follow prefers-color-scheme): the fragment keeps the host's
//!   `var(--brief-fg,#1a1d23)`, so host pages can still theme it; email gets
//!   the plain `#1a1d23` (clients drop custom properties).
//! - Logical properties and values (`padding-inline-start`, `text-align:start`)
//!   stay logical in the fragment and are physical in email (Outlook and
//!   older Gmail apps ignore the logical ones), for the direction each
//!   element reads in; one whose `dir` turns it around gets its own
//!   `text-align`, which a browser's inherited `start` would give it.
//!
//! Email adds what its clients need beyond the card's look (the table `EMAIL` below).

use super::html_writer::{Element, Open, Place};
use crate::validate::options::Theme;

/// How a compound selector relates to the one on its left.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Combinator {
    /// ` `: an ancestor.
    Descendant,
    /// `>`: the parent.
    Child,
    /// `+`: the element just before, under the same parent.
    Next,
}

/// A compound selector: an element with any of `tags` (none: any tag), all
/// of `classes`, this `dir` attribute, and no element before it when `first_child`.
struct Compound {
    tags: &'static [&'static str],
    classes: &'static [&'static str],
    dir: Option<&'static str>,
    first_child: bool,
    /// How it relates to the next compound of the selector (the one on its left in CSS).
    left: Option<Combinator>,
}

/// A rule of card.css that static HTML applies, with its declarations as each output writes them.
struct Rule {
    /// The compounds of the selector, the subject first, then leftwards.
    selector: &'static [Compound],
    /// For the fragment, `[light, dark]`.
    fragment: [&'static str; 2],
    /// For email, `[light, dark]` × `[left to right, right to left]`.
    email: [[&'static str; 2]; 2],
}

/// The stylesheet of the live card (adopted into its shadow root): src/card.css
/// without its comments, written by the build script (build/), which also makes the static
/// outputs' inline styles from it (see this module). Pages theme it with
/// `--brief-{bg,fg,muted,accent,link,border,quote,chip}`, their
/// `--brief-dark-*` twins, `--brief-font`, `--brief-heading-font`,
/// `--brief-radius` and `--brief-max-width` (see the README).
pub const CARD_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/card.min.css"));

// `RULES`, `COLOURS` and (in tests) `NAMED_CLASSES`, from src/card.css.
include!(concat!(env!("OUT_DIR"), "/inline_rules.rs"));

/// What email adds to the card's look, by class: the card fills the 600 px
/// column, and its text breaks anywhere a long word or URL needs to (a
/// table cell grows to its content's narrowest width, which would push the
/// column past a phone's screen; `word-break` for clients without
/// `overflow-wrap`); images scale without a border (older clients draw one
/// around linked images), at most the column's width inside the card
/// (`EMAIL_IMAGE_WIDTH`, the `width` attribute Outlook needs, written by the email renderer).
const EMAIL: &[(&str, &str)] = &[
    ("bc-card", "max-width:600px;width:100%;overflow-wrap:anywhere;word-break:break-word"),
    ("bc-image", "width:100%;max-width:542px;border:0"),
    ("bc-logo", "border:0"),
];

/// Which static output the styles are for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Output {
    /// The fragment (and the page): host-themable `var(--brief-…)` colours, logical sides.
    Fragment,
    /// Email: plain colours and physical sides for this direction.
    Email {
        /// The brief is written right to left.
        rtl: bool,
    },
}

impl Compound {
    /// Whether `e`, whose ancestors are `ancestors`, matches.
    fn matches<'a>(&self, e: &Element, ancestors: &'a [Open], place: &Place<'a>) -> bool {
        (self.tags.is_empty() || self.tags.contains(&e.tag))
            && self.classes.iter().all(|c| e.has_class(c))
            && self.dir.is_none_or(|dir| e.dir == dir)
            && !(self.first_child && place.previous(ancestors).is_some())
    }
}

impl Rule {
    /// Whether the rule applies to the element at `place`.
    fn applies(&self, place: &Place<'_>) -> bool {
        match self.selector.split_first() {
            Some((subject, rest)) => {
                subject.matches(place.element, place.ancestors, place) && matches_left(rest, subject.left, place.ancestors, place)
            }
            None => false,
        }
    }

    fn declarations(&self, theme: Theme, output: Output) -> &'static str {
        let dark = usize::from(theme == Theme::Dark);
        let by_theme = match output {
            Output::Fragment => self.fragment.get(dark),
            Output::Email { rtl } => self.email.get(dark).and_then(|sides| sides.get(usize::from(rtl))),
        };
        by_theme.copied().unwrap_or_default()
    }
}

/// Whether `rest` (compounds, leftwards) matches from an element whose
/// ancestors are `ancestors` and which relates to `rest`'s first compound by `combinator`.
fn matches_left<'a>(rest: &[Compound], combinator: Option<Combinator>, ancestors: &'a [Open], place: &Place<'a>) -> bool {
    let Some((compound, further)) = rest.split_first() else {
        return true;
    };
    match combinator {
        None => false,
        Some(Combinator::Child) => ancestors.split_last().is_some_and(|(parent, above)| {
            compound.matches(&parent.element, above, place) && matches_left(further, compound.left, above, place)
        }),
        Some(Combinator::Descendant) => {
            let mut above = ancestors;
            while let Some((ancestor, next)) = above.split_last() {
                if compound.matches(&ancestor.element, next, place) && matches_left(further, compound.left, next, place) {
                    return true;
                }
                above = next;
            }
            false
        }
        // The element before has the same ancestors. Only one element before
        // is known, so build/selectors.rs leaves `+` twice in a row to the live card,
        // and `:first-child` before a `+` cannot match.
        Some(Combinator::Next) => place.previous(ancestors).is_some_and(|before| {
            !compound.first_child
                && compound.left != Some(Combinator::Next)
                && compound.matches(before, ancestors, place)
                && matches_left(further, compound.left, ancestors, place)
        }),
    }
}

/// Writes the inline style of the element at `place` into `out` (nothing
/// when no rule applies).
pub(crate) fn inline(place: &Place<'_>, theme: Theme, output: Output, out: &mut String) {
    let output = own_direction(place, output);
    let rules = RULES.iter().filter(|r| r.applies(place)).map(|r| r.declarations(theme, output));
    let email = match output {
        Output::Email { .. } => EMAIL,
        Output::Fragment => &[],
    };
    let extra = email.iter().filter(|(c, _)| place.element.has_class(c)).map(|(_, decls)| *decls);
    for decls in rules.chain(extra).filter(|d| !d.is_empty()) {
        if !out.is_empty() {
            out.push(';');
        }
        out.push_str(decls);
    }
    // Unless a rule of its own has aligned it already.
    let aligned = || out.split(';').any(|declaration| declaration.starts_with("text-align"));
    if let Some(align) = own_alignment(place, output).filter(|_| !aligned()) {
        if !out.is_empty() {
            out.push(';');
        }
        out.push_str(align);
    }
}

/// Email's physical sides are those of the direction the element reads in:
/// its own `dir`, else its nearest ancestor's, else the card's (`output`'s).
fn own_direction(place: &Place<'_>, output: Output) -> Output {
    match output {
        Output::Email { rtl } => {
            let dir = Some(place.element.dir.as_str()).filter(|d| matches!(*d, "ltr" | "rtl")).or(place.inherited_dir());
            Output::Email { rtl: dir.map_or(rtl, |d| d == "rtl") }
        }
        Output::Fragment => output,
    }
}

/// The alignment of an email element whose `dir` turns the direction
/// around (right-to-left text in a left-to-right card): email's alignment is
/// physical and inherited as the card's side, where a browser's `start`
/// follows each element's direction.
fn own_alignment(place: &Place<'_>, output: Output) -> Option<&'static str> {
    let Output::Email { rtl } = output else { return None };
    // Alignment does not move inline text (a name, a date).
    if matches!(place.element.tag, "a" | "span" | "time") {
        return None;
    }
    let turns = match (place.element.dir.as_str(), place.inherited_dir()) {
        ("ltr" | "rtl", Some(inherited)) => inherited != place.element.dir,
        _ => false,
    };
    turns.then_some(if rtl { "text-align:right" } else { "text-align:left" })
}

/// The card's colour `name` (a custom property of card.css without its
/// `--`, such as `bg`) for `theme` in `output`; empty for an unknown name.
pub(crate) fn colour(name: &str, theme: Theme, output: Output) -> &'static str {
    let dark = usize::from(theme == Theme::Dark);
    COLOURS
        .iter()
        .find(|(n, ..)| *n == name)
        .and_then(|(_, fragment, email)| match output {
            Output::Fragment => fragment.get(dark),
            Output::Email { .. } => email.get(dark),
        })
        .copied()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LTR: Output = Output::Email { rtl: false };
    const RTL: Output = Output::Email { rtl: true };

    fn element(tag: &'static str, class: &str) -> Element {
        Element { tag, class: class.into(), dir: String::new() }
    }

    fn el(tag: &'static str, class: &str) -> Open {
        Open { element: element(tag, class), last_child: None }
    }

    /// The style of a `tag.class` element inside `ancestors`.
    fn style(tag: &'static str, class: &str, ancestors: &[Open], theme: Theme, output: Output) -> String {
        let mut out = String::new();
        inline(&Place { element: &element(tag, class), ancestors, top_last: None }, theme, output, &mut out);
        out
    }

    fn card() -> Vec<Open> {
        vec![el("article", "bc-card bc-light")]
    }

    #[test]
    fn colours_resolve_per_theme_and_output() {
        let title_link = style("a", "bc-title-link", &card(), Theme::Light, Output::Fragment);
        assert!(title_link.contains("color:var(--brief-fg,#1a1d23)"), "{title_link}");
        let dark = style("a", "bc-title-link", &card(), Theme::Dark, LTR);
        assert!(dark.contains("color:#eceef2") && !dark.contains("inherit"), "{dark}");
        let dark_fragment = style("a", "bc-title-link", &card(), Theme::Dark, Output::Fragment);
        assert!(dark_fragment.contains("var(--brief-dark-fg,#eceef2)"), "the host's dark colours theme the dark card: {dark_fragment}");
        assert_eq!(style("span", "bc-unknown", &[], Theme::Light, LTR), "");
        assert_eq!(colour("bg", Theme::Dark, LTR), "#15181e");
        assert_eq!(colour("bg", Theme::Auto, Output::Fragment), "var(--brief-bg,#fff)");
        assert_eq!(colour("nope", Theme::Light, LTR), "");
    }

    #[test]
    fn selectors_see_ancestors_and_the_element_before() {
        let compact = vec![el("article", "bc-card bc-compact")];
        assert!(style("header", "bc-header", &compact, Theme::Light, Output::Fragment).ends_with("margin-bottom:.6em"));
        assert!(style("header", "bc-header", &card(), Theme::Light, Output::Fragment).ends_with("margin-bottom:1.4em"));
        // `.bc-card :where(p,…)`: the reset, inside the card only.
        assert!(style("p", "", &card(), Theme::Light, Output::Fragment).starts_with("margin:0;padding:0"));
        assert_eq!(style("p", "", &[], Theme::Light, Output::Fragment), "");
        // `.bc-kind+.bc-date`: a rule between kind and date, not before a date alone.
        let mut eyebrow = card();
        eyebrow.push(el("p", "bc-eyebrow"));
        assert!(!style("time", "bc-date", &eyebrow, Theme::Light, LTR).contains("border-left"));
        if let Some(p) = eyebrow.last_mut() {
            p.last_child = Some(element("span", "bc-kind"));
        }
        assert_eq!(style("time", "bc-date", &eyebrow, Theme::Light, LTR), "border-left:1px solid #d9dce1;padding-left:.6em");
        assert_eq!(style("time", "bc-date", &eyebrow, Theme::Light, RTL), "border-right:1px solid #d9dce1;padding-right:.6em");
    }

    #[test]
    fn sides_are_logical_in_the_fragment_and_physical_in_email() {
        let quote = |output| style("figure", "bc-quote", &card(), Theme::Light, output);
        assert!(quote(Output::Fragment).contains("border-inline-start:4px solid var(--brief-accent,#a3202e)"));
        assert!(quote(Output::Fragment).contains("border-start-end-radius:8px"));
        assert!(quote(LTR).contains("border-left:4px solid #a3202e") && quote(LTR).contains("border-top-right-radius:8px"));
        assert!(quote(RTL).contains("border-right:4px solid #a3202e") && quote(RTL).contains("border-top-left-radius:8px"));
        let card_style = |output| style("article", "bc-card bc-light", &[], Theme::Light, output);
        assert!(card_style(Output::Fragment).contains(";text-align:start"));
        assert!(card_style(LTR).contains(";text-align:left"));
        assert!(card_style(RTL).contains(";text-align:right"));
    }

    #[test]
    fn fallbacks_stand_in_for_what_static_html_cannot_use() {
        let card_style = style("article", "bc-card bc-light", &[], Theme::Light, LTR);
        assert!(card_style.contains("padding:24px 28px") && !card_style.contains("clamp"), "{card_style}");
        assert!(
            card_style.ends_with("max-width:600px;width:100%;overflow-wrap:anywhere;word-break:break-word"),
            "email's column last: {card_style}"
        );
        // The image's CSS width in email is the `width` attribute the email renderer writes.
        let image = style("img", "bc-image", &card(), Theme::Light, LTR);
        assert!(image.ends_with(&format!("max-width:{}px;border:0", crate::render::EMAIL_IMAGE_WIDTH)), "{image}");
        let title = style("h2", "bc-title", &card(), Theme::Light, Output::Fragment);
        assert!(title.contains("font:700 2em/1.18 var(--brief-heading-font,system-ui,"), "{title}");
    }

    /// Everything static HTML can write is in these strings (and [`EMAIL`]),
    /// so none of them may hold what static HTML cannot use.
    #[test]
    fn inline_output_has_nothing_static_html_cannot_use() {
        let fragment = RULES.iter().flat_map(|r| r.fragment);
        let email = RULES.iter().flat_map(|r| r.email.into_iter().flatten()).chain(EMAIL.iter().map(|(_, d)| *d));
        let unusable = [
            "clamp(",
            "min(",
            "max(",
            "calc(",
            "color-mix(",
            "env(",
            "attr(",
            "cqi",
            "cqw",
            "cqh",
            "cqb",
            "cqmin",
            "cqmax",
            "container-type",
            "transition",
            "cursor",
            "{",
            "}",
            "\n",
        ];
        for decls in fragment {
            for bad in unusable {
                assert!(!decls.contains(bad), "fragment: {bad} in {decls}");
            }
            assert!(
                !decls.contains("var(--") || decls.split("var(").skip(1).all(|v| v.starts_with("--brief-")),
                "only the host's custom properties: {decls}"
            );
        }
        let email_unusable = [
            "var(",
            "--",
            "inherit",
            "inline-start",
            "inline-end",
            "block-start",
            "block-end",
            "start-start",
            "start-end",
            "end-start",
            "end-end",
            "text-align:start",
            "text-align:end",
            "position",
            "!important",
            "url(",
        ];
        for decls in email {
            for bad in unusable.into_iter().chain(email_unusable) {
                assert!(!decls.contains(bad), "email: {bad} in {decls}");
            }
        }
    }

    /// Classes that name a place in the card for hosts and scripts and take
    /// their look from rules on other classes.
    const HOOKS: &[&str] = &[
        "bc-light",  // the default theme: `.bc-card`'s own colours
        "bc-quotes", // block names, styled as `.bc-block`
        "bc-related",
        "bc-tags",
        "bc-feed-item",   // a cell of `.bc-feed`'s column
        "bc-meta-author", // styled as children of `.bc-meta`
        "bc-meta-date",
        "bc-updated-date", // the date inside `.bc-updated`, which styles it
    ];

    #[test]
    fn every_class_of_the_view_is_styled_by_card_css() {
        let view = include_str!("../view/mod.rs");
        let mut classes: Vec<&str> = view
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| s.starts_with("bc-") && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b' '))
            .flat_map(|s| s.split(' '))
            .collect();
        classes.sort_unstable();
        classes.dedup();
        assert!(classes.len() > 30, "the view's classes: {classes:?}");
        for class in classes {
            if HOOKS.contains(&class) {
                assert!(!NAMED_CLASSES.contains(&class), "{class} is styled now; take it out of HOOKS");
            } else {
                assert!(NAMED_CLASSES.contains(&class), "the view uses {class}, which card.css does not style");
            }
        }
    }
}
