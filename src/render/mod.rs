//! The static outputs: the HTML fragment (`renderBriefHtml`, `brief-card
//! render`) and the email-safe variant (`{ email: true }`, `--email`). Both
//! are the view written by the HTML sink; only the attribute policy and,
//! for email, a table wrapper differ.

#[allow(unused_imports)]
use crate::prelude::*;

pub mod dates;
pub mod escape;
pub mod html;
pub mod page;
pub mod style;

use crate::fixed_strings::{f, Fixed};
use html::{write_attr, AttrPolicy, Attrs, HtmlWriter};
use crate::model::{Brief, Dir, Document};
use crate::options::{Layout, Options, Theme};
use style::{coded, fill, for_classes, Tokens};
use crate::view::{self, Context};

/// Static HTML: classes become inline styles; DOM-only attributes (`part`,
/// `data-*`) are dropped. Email also drops classes, uses plain colours, and
/// writes physical CSS properties for the brief's direction (see `static_style`).
/// (Public because `sink::Out` names it; made only here.)
pub struct Inline {
    theme: Theme,
    compact: bool,
    /// Plain for email.
    tokens: Tokens,
}

impl AttrPolicy for Inline {
    fn write_attrs(&self, tag: Fixed, attrs: &Attrs, out: &mut String) {
        let email = self.tokens != Tokens::CustomProperties;
        // The class and whether there is a width are noted on the way, in
        // the one loop over the attributes, rather than each looked up again.
        let (mut classes, mut has_width) = ("", false);
        attrs.each(|name, value| {
            if name == f!("class") {
                classes = value;
            }
            has_width |= name == f!("width");
            let dropped = name.is_dom_only() || email && name == f!("class");
            if !dropped {
                write_attr(out, name.as_str(), value);
            }
        });
        let mut style = String::new();
        for_classes(classes, self.theme, self.tokens, self.compact, &mut style);
        if !style.is_empty() {
            write_attr(out, "style", &style);
        }
        if email && tag == f!("img") && !has_width {
            write_attr(out, "width", EMAIL_IMAGE_WIDTH);
        }
    }
}

/// The static fragment for `doc`.
pub fn fragment(doc: &Document, options: &Options) -> String {
    let mut out = String::new();
    write(Cards::All(doc), options, Tokens::CustomProperties, &mut out);
    out
}

/// What [`write`] writes: a document, or one brief of it.
enum Cards<'a> {
    All(&'a Document),
    One(&'a Brief),
}

/// Writes `cards` into `out`, styled inline with `tokens` (plain for
/// email). One function for both outputs, so the context, the policy and
/// the writer are set up in one place of the module, not in each: -79 B gzip
/// (with the policy holding the tokens rather than two flags).
fn write(cards: Cards, options: &Options, tokens: Tokens, out: &mut String) {
    let cx = Context { options, format_date: dates::format, interactive: false };
    let policy = Inline { theme: options.theme, compact: options.layout == Layout::Compact, tokens };
    let mut html = HtmlWriter::new(out, &policy);
    match cards {
        Cards::All(doc) => view::document(doc, &cx, &mut html),
        Cards::One(b) => view::one(b, &cx, &mut html),
    }
}

/// The email-safe variant: a centred 600 px single column in layout tables
/// (what Outlook needs), everything styled inline, images with `width`.
pub fn email(doc: &Document, options: &Options) -> String {
    let mut out = String::new();
    out.push_str(
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse\"><tr><td align=\"center\" style=\"padding:0\">",
    );
    for b in doc.briefs() {
        let tokens = Tokens::Plain { rtl: b.dir == Dir::Rtl };
        out.push_str("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;border-collapse:collapse\"><tr><td style=\"");
        // The card's background and direction for the cell around it.
        fill(coded!("padding:0 0 16px;background:$bg;text-align:$align"), options.theme, tokens, &mut out);
        out.push_str("\">");
        write(Cards::One(b), options, tokens, &mut out);
        out.push_str("</td></tr></table>");
    }
    out.push_str("</td></tr></table>");
    out
}

/// The images of an email need an explicit `width` attribute (Outlook ignores
/// CSS widths): the 600 px column less the card's padding (2 × 24 px) and border (2 × 1 px).
pub const EMAIL_IMAGE_WIDTH: &str = "550";
