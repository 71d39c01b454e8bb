//! The static outputs: the HTML fragment (`renderBriefHtml`, `brief-card
//! render`) and the email-safe variant (`{ email: true }`, `--email`). Both
//! are the view written by the HTML sink; only the attribute policy and,
//! for email, a table wrapper differ. [`declarative`] is the server-rendered
//! live card (`{ declarativeShadowDom: true }`). Both write dates with the
//! [`DateFormat`] their caller gives: natively [`dates::icu`], in the
//! browser its own `Intl`, as the live card does.

mod auto_dir;
pub mod dates;
mod declarative;
pub(crate) mod escape;
pub(crate) mod html_writer;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub(crate) mod style;

use crate::validate::model::{Dir, Document};
use crate::validate::options::{Options, Theme};
use crate::view::{self, Context};
pub use dates::DateFormat;
pub use declarative::declarative;
use html_writer::{write_attr, AttrPolicy, Attrs, HtmlWriter, Place};
use style::Output;

/// Static HTML: classes become inline styles (the rules of card.css that
/// apply, see [`style`]); DOM-only attributes (`part`, `data-*`) are
/// dropped. Email also drops classes, uses plain colours, writes each
/// `dir="auto"` as the direction it finds ([`auto_dir`]), and physical CSS
/// properties for each element's direction.
struct Inline {
    theme: Theme,
    output: Output,
}

/// Attributes only the live card uses: `part` (for `::part()` styling) and
/// the `data-*` the live card's script reads. Static HTML has neither.
fn is_dom_only(name: &str) -> bool {
    name == "part" || name.starts_with("data-")
}

/// Email's elements for HTML5's sectioning ones: Outlook for Windows drops
/// them with their styles, Yahoo strips them and Gmail writes `<nav>` as
/// `<u>` (underlining the whole block); a `<div>` (a `<span>` for `<time>`)
/// keeps each block's look everywhere.
fn email_element(tag: &'static str) -> &'static str {
    match tag {
        "article" | "section" | "header" | "footer" | "nav" | "figure" | "figcaption" => "div",
        "time" => "span",
        other => other,
    }
}

impl AttrPolicy for Inline {
    fn element(&self, tag: &'static str) -> &'static str {
        if self.output == Output::Fragment {
            tag
        } else {
            email_element(tag)
        }
    }

    fn write_attrs(&self, tag: &'static str, attrs: &Attrs, place: &Place<'_>, out: &mut String) {
        let email = self.output != Output::Fragment;
        let image = if email { EmailImage::of(tag, attrs) } else { None };
        let narrowed = image.as_ref().is_some_and(|i| i.narrowed);
        for (name, value) in attrs.iter() {
            // `datetime` belongs to `<time>`, which email writes as a `<span>`.
            let dropped =
                is_dom_only(name) || email && (name == "class" || name == "datetime") || narrowed && (name == "width" || name == "height");
            if !dropped {
                write_attr(out, name, value);
            }
        }
        let mut style = String::new();
        style::inline(place, self.theme, self.output, &mut style);
        if let Some(width) = image.as_ref().and_then(|i| i.max_width) {
            style.push_str(";max-width:");
            style.push_str(width);
            style.push_str("px");
        }
        if !style.is_empty() {
            write_attr(out, "style", &style);
        }
        // The related links keep their landmark (and so their `aria-label`) in a `<div>`.
        if email && tag == "nav" {
            write_attr(out, "role", "navigation");
        }
        if let Some(image) = image {
            if let Some(width) = image.width {
                write_attr(out, "width", &width.to_string());
            }
            if let Some(height) = image.height {
                write_attr(out, "height", &height.to_string());
            }
        }
    }
}

/// How email sizes the brief's lead image (not the publisher's logo, 20 px
/// tall, as wide as its shape). Outlook shows an image at its `width` and
/// `height` attributes, whatever the CSS says: one wider than the column is
/// written at the column's width, with its height scaled to match (or none,
/// if the brief gives none), so that it keeps its shape.
struct EmailImage<'a> {
    /// Wider than the column (or of a width that is no number): its own
    /// `width` and `height` give way to [`EmailImage::width`] and
    /// [`EmailImage::height`].
    narrowed: bool,
    /// The `width` written in place of the image's own: the column's, for
    /// an image narrowed or of no width.
    width: Option<u32>,
    /// The height scaled to the column's width, for an image narrowed that
    /// gives both sizes.
    height: Option<u64>,
    /// An image narrower than the column keeps its own width at most: the
    /// card's `width:100%` would stretch it to the column in clients that
    /// read CSS, and a fixed width would not shrink on a phone.
    max_width: Option<&'a str>,
}

impl<'a> EmailImage<'a> {
    /// The sizes of `tag` with `attrs` if it is the lead image.
    fn of(tag: &str, attrs: &'a Attrs) -> Option<EmailImage<'a>> {
        if tag != "img" || !attrs.iter().any(|(name, value)| name == "class" && value == "bc-image") {
            return None;
        }
        let own = |key: &str| attrs.iter().find(|&(name, _)| name == key).map(|(_, value)| value);
        let (own_width, own_height) = (own("width"), own("height"));
        let narrowed = own_width.is_some_and(|w| w.parse::<u32>().map_or(true, |w| w > EMAIL_IMAGE_WIDTH));
        let number = |value: Option<&str>| value.and_then(|v| v.parse::<u64>().ok());
        let height = match (number(own_width).filter(|&w| w > 0), number(own_height)) {
            (Some(width), Some(height)) if narrowed => Some(((height * u64::from(EMAIL_IMAGE_WIDTH) + width / 2) / width).max(1)),
            _ => None,
        };
        Some(EmailImage {
            narrowed,
            width: (narrowed || own_width.is_none()).then_some(EMAIL_IMAGE_WIDTH),
            height,
            max_width: own_width.filter(|_| !narrowed),
        })
    }
}

/// The view's context for static HTML. It has no script, so the card is not
/// interactive: no "Show more" or "Copy link" buttons, every paragraph shown.
fn context<'a>(options: &'a Options, dates: &'a DateFormat) -> Context<'a> {
    Context { options, format_date: dates, interactive: false, number: None }
}

impl Inline {
    fn new(options: &Options, output: Output) -> Inline {
        Inline { theme: options.theme, output }
    }
}

/// The static fragment for `doc`, its dates written by `dates`.
pub fn fragment(doc: &Document, options: &Options, dates: DateFormat) -> String {
    let mut out = String::new();
    let policy = Inline::new(options, Output::Fragment);
    view::document(doc, &context(options, &dates), &mut HtmlWriter::new(&mut out, &policy));
    out
}

/// The email-safe variant: a centred 600 px single column in layout tables
/// (what Outlook needs), everything styled inline, images with `width`;
/// its dates written by `dates`.
pub fn email(doc: &Document, options: &Options, dates: DateFormat) -> String {
    let mut out = String::new();
    out.push_str(
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse\"><tr><td align=\"center\" style=\"padding:0\">",
    );
    let cx = context(options, &dates);
    // Each card as the feed's list would number its ids, so that no two cards give one id.
    view::each_card(doc, &cx, |b, card| {
        let dirs = auto_dir::Resolved::of(card);
        // A card whose direction is `auto` reads in the one its text gives it.
        let dir = match b.dir {
            Dir::Auto => dirs.first().unwrap_or(Dir::Ltr),
            given => given,
        };
        let rtl = dir == Dir::Rtl;
        let output = Output::Email { rtl };
        // Outlook for Windows (Word's engine) reads the column's
        // `width:100%` and not its `max-width`, so it gets a table of its own
        // that holds the column to 600 px (a "ghost table"); other clients
        // read these as comments.
        out.push_str(OUTLOOK_COLUMN_OPEN);
        out.push_str("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;border-collapse:collapse\"><tr><td");
        // The brief's language and direction on the cell too, for clients that drop the card's own attributes.
        write_attr(&mut out, "lang", &b.lang);
        write_attr(&mut out, "dir", dir.as_str());
        out.push_str(" style=\"");
        // The card's background and direction for the cell around it.
        out.push_str("padding:0 0 16px;background:");
        out.push_str(style::colour("bg", options.theme, output));
        out.push_str(if rtl { ";text-align:right" } else { ";text-align:left" });
        out.push_str("\">");
        let policy = Inline::new(options, output);
        card(&mut dirs.into_sink(&mut HtmlWriter::new(&mut out, &policy)));
        out.push_str("</td></tr></table>");
        out.push_str(OUTLOOK_COLUMN_CLOSE);
    });
    out.push_str("</td></tr></table>");
    out
}

/// What opens Outlook's own table around each email column, which holds
/// it to 600 px where Word's engine reads no `max-width` (every other
/// client reads a comment): the only comment email has. (Public for the
/// tests that hold email to having no other.)
#[doc(hidden)]
pub const OUTLOOK_COLUMN_OPEN: &str =
    "<!--[if mso]><table role=\"presentation\" width=\"600\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td><![endif]-->";
/// What closes it.
#[doc(hidden)]
pub const OUTLOOK_COLUMN_CLOSE: &str = "<!--[if mso]></td></tr></table><![endif]-->";

/// The images of an email need an explicit `width` attribute (Outlook ignores
/// CSS widths): the 600 px column less the card's padding (2 × 28 px) and
/// border (2 × 1 px). style.rs's `EMAIL` says the same in CSS (a test holds them together).
#[doc(hidden)]
pub const EMAIL_IMAGE_WIDTH: u32 = 542;

/// The static HTML `options` ask for, natively: the fragment, the email
/// variant, or the server-rendered card with the brief's JSON as validated;
/// dates by ICU4X ([`dates::icu`]). (The browser's `renderBriefHtml` chooses
/// the same way, with `Intl` and the host's own JSON.)
#[cfg(not(target_arch = "wasm32"))]
pub fn html(doc: &Document, options: &Options) -> String {
    if options.declarative_shadow_dom {
        declarative(doc, options, dates::icu, &page::document_json(doc, &options.labels).to_string())
    } else if options.email {
        email(doc, options, dates::icu)
    } else {
        fragment(doc, options, dates::icu)
    }
}
