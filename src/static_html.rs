//! The static outputs: the HTML fragment (`renderBriefHtml`, `brief-card
//! render`) and the email-safe variant (`{ email: true }`, `--email`). Both
//! are the view written by the HTML sink; only the attribute policy and,
//! for email, a table wrapper differ.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::fixed_strings::f;
use crate::html::{write_attr, AttrPolicy, Attrs, HtmlWriter};
use crate::model::{Dir, Document};
use crate::options::{Layout, Options, Theme};
use crate::static_style::{fill, for_classes, Tokens};
use crate::view::{self, Context};

/// Static HTML: classes become inline styles; DOM-only attributes (`part`,
/// `data-*`) are dropped. Email also drops classes, uses plain colours, and
/// writes physical CSS properties for the brief's direction (see `static_style`).
struct Inline {
    theme: Theme,
    compact: bool,
    email: bool,
    rtl: bool,
}

impl AttrPolicy for Inline {
    fn write_attrs(&self, tag: &str, attrs: &Attrs, out: &mut String) {
        attrs.each(|name, value| {
            let text = name.as_str();
            let keep = name != f!("part") && !text.starts_with("data-") && !(self.email && name == f!("class"));
            if keep {
                write_attr(out, text, value);
            }
        });
        let classes = attrs.get(f!("class")).unwrap_or("");
        let tokens = if self.email { Tokens::Plain { rtl: self.rtl } } else { Tokens::CustomProperties };
        let mut style = String::new();
        for_classes(classes, self.theme, tokens, self.compact, &mut style);
        if !style.is_empty() {
            write_attr(out, "style", &style);
        }
        if self.email && tag == "img" && attrs.get(f!("width")).is_none() {
            write_attr(out, "width", EMAIL_IMAGE_WIDTH);
        }
    }
}

/// The static fragment for `doc`.
pub fn fragment(doc: &Document, options: &Options) -> String {
    let cx = Context { options, format_date: crate::dates::format, interactive: false };
    let mut out = String::new();
    let policy = Inline { theme: options.theme, compact: options.layout == Layout::Compact, email: false, rtl: false };
    view::document(doc, &cx, &mut HtmlWriter::new(&mut out, &policy));
    out
}

/// The email-safe variant: a centred 600 px single column in layout tables
/// (what Outlook needs), everything styled inline, images with `width`.
pub fn email(doc: &Document, options: &Options) -> String {
    let cx = Context { options, format_date: crate::dates::format, interactive: false };
    let mut out = String::from(
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse\"><tr><td align=\"center\" style=\"padding:0\">",
    );
    for b in doc.briefs() {
        let rtl = b.dir == Dir::Rtl;
        out.push_str("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;border-collapse:collapse\"><tr><td style=\"");
        // The card's background and direction for the cell around it.
        fill("padding:0 0 16px;background:$bg;text-align:$align", options.theme, Tokens::Plain { rtl }, &mut out);
        out.push_str("\">");
        let policy = Inline { theme: options.theme, compact: options.layout == Layout::Compact, email: true, rtl };
        view::one(b, &cx, &mut HtmlWriter::new(&mut out, &policy));
        out.push_str("</td></tr></table>");
    }
    out.push_str("</td></tr></table>");
    out
}

/// The images of an email need an explicit `width` attribute (Outlook ignores
/// CSS widths): the 600 px column less the card's padding (2 × 24 px) and border (2 × 1 px).
pub const EMAIL_IMAGE_WIDTH: &str = "550";
