//! The one description of the card: which elements, in which order, with
//! which classes, parts and accessibility attributes, written as a stream
//! into a [`Sink`]. Both outputs (live DOM and HTML text) are sinks, so
//! adding a block touches only this file (and the stylesheet). Tags,
//! attribute names and fixed values are written `f!("…")`: their number in
//! the table of `fixed_strings` (a new one is added there).
//!
//! Reading order: header (kind, date, title, publisher), image, summary,
//! quotes, sections, related, tags, footer.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::labels::{builtin, Label};
use crate::fixed_strings::f;
use crate::model::*;
pub mod sink;

use sink::{Fixed, Out};
use crate::options::{Layout, LinkTarget, Options};
use crate::text::{cat, numbered, push_num};

/// Everything the view needs besides the brief.
pub struct Context<'a> {
    /// The rendering options.
    pub options: &'a Options,
    /// Formats a date for a locale (`Intl` in the browser, [`crate::render::dates`] elsewhere).
    pub format_date: fn(&BriefDate, &str) -> String,
    /// Adds the controls that need script: "Show more" and "Copy link" buttons.
    pub interactive: bool,
}

/// A block with more paragraphs (or related items) than this shows that
/// many and puts the rest behind "Show more" (interactive cards only).
pub const COLLAPSE_AFTER: usize = 4;

/// The card for a document: one `article`, or a feed of them.
pub fn document<'w, 'h: 'w>(doc: &Document, cx: &Context, w: impl Into<Out<'w, 'h>>) {
    feed_or_one(doc, cx, &mut w.into());
}

/// [`document`], once for both writers (`document` is generic only to take either).
fn feed_or_one(doc: &Document, cx: &Context, w: &mut Out) {
    match doc {
        Document::One(b) => brief(b, cx, w),
        Document::Feed(briefs) => {
            let feed_label = briefs.first().map_or("Briefs", |b| label(b, cx, Label::Feed));
            open(w, f!("div"), f!("bc-feed"));
            w.fixed(f!("role"), f!("list"));
            w.attr(f!("aria-label"), feed_label);
            for b in briefs {
                open(w, f!("div"), f!("bc-feed-item"));
                w.fixed(f!("role"), f!("listitem"));
                brief(b, cx, w);
                w.close();
            }
            w.close();
        }
    }
}

/// The card for one brief: what [`document`] writes for [`Document::One`].
pub fn one<'w, 'h: 'w>(b: &Brief, cx: &Context, w: impl Into<Out<'w, 'h>>) {
    brief(b, cx, &mut w.into());
}

/// The word for `l`: the page's override, the brief's, the built-in one for its language.
fn label<'a>(b: &'a Brief, cx: &Context<'a>, l: Label) -> &'a str {
    cx.options.labels.get(l).or_else(|| b.labels.get(l)).unwrap_or_else(|| builtin(&b.lang, l))
}

/// Opens `<tag class="…">`: attributes and content follow, then `close`.
/// Not inlined: one call where it is used is smaller than its two.
#[inline(never)]
fn open(w: &mut Out, tag: Fixed, class: Fixed) {
    w.open(tag);
    w.fixed(f!("class"), class);
}

/// `<tag class="…" dir="auto">text</tag>`: a piece of the brief's text.
fn text_el(w: &mut Out, tag: Fixed, class: Fixed, text: &str) {
    open(w, tag, class);
    w.fixed(f!("dir"), f!("auto"));
    w.text(text);
    w.close();
}

fn brief(b: &Brief, cx: &Context, w: &mut Out) {
    let compact = cx.options.layout == Layout::Compact;
    // The six classes follow each other in the table, in the order of
    // `Theme`, then again with bc-compact (a test checks): one addition
    // rather than a match of six (-9 B gzip).
    let class = f!("bc-card bc-light").plus(cx.options.theme as u8 + 3 * u8::from(compact));
    open(w, f!("article"), class);
    w.fixed(f!("part"), f!("card"));
    w.attr(f!("lang"), &b.lang);
    w.fixed(f!("dir"), dir(b.dir));
    if let Some(id) = &b.id {
        w.attr(f!("id"), id);
    }
    header(b, cx, w);
    if let (Some(img), false) = (&b.image, compact) {
        image(img, w);
    }
    if let Some(s) = &b.summary {
        // Compact cards show the first paragraph only.
        let paragraphs = if compact { s.paragraphs.get(..1).unwrap_or(&s.paragraphs) } else { &s.paragraphs };
        let heading = s.heading.as_deref().unwrap_or_else(|| label(b, cx, Label::Summary));
        // A compact card is only a teaser: its summary needs no heading.
        block(w, f!("section"), f!("bc-block bc-summary"), f!("summary"), (!compact).then_some(heading));
        paras(b, cx, "summary", 0, paragraphs, w);
        w.close();
    }
    if !compact {
        if !b.quotes.is_empty() {
            quotes(b, cx, w);
        }
        for (i, s) in b.sections.iter().enumerate() {
            block(w, f!("section"), f!("bc-block bc-section"), f!("section"), Some(&s.heading));
            paras(b, cx, "section-", i + 1, &s.paragraphs, w);
            w.close();
        }
        if !b.related.is_empty() {
            related(b, cx, w);
        }
        if !b.tags.is_empty() {
            tags(b, cx, w);
        }
    }
    footer(b, cx, w);
    if cx.interactive {
        // Announces "Link copied" to screen readers.
        open(w, f!("p"), f!("bc-status"));
        w.fixed(f!("role"), f!("status"));
        w.close();
    }
    w.close();
}

/// The `dir` attribute's value for `d`.
fn dir(d: Dir) -> Fixed {
    match d {
        Dir::Ltr => f!("ltr"),
        Dir::Rtl => f!("rtl"),
        Dir::Auto => f!("auto"),
    }
}

/// Opens a block, `<tag class part data-block>`, and its heading if it has
/// one (`<h3>heading</h3>`); its content follows, then `close`. Section
/// titles are headings of their own; the other blocks' headings are small
/// labels ("Expert Analysis"), hence the extra class.
fn block(w: &mut Out, tag: Fixed, class: Fixed, part: Fixed, heading: Option<&str>) {
    let heading_class = if part == f!("section") { f!("bc-heading bc-section-heading") } else { f!("bc-heading") };
    open(w, tag, class);
    w.fixed(f!("part"), part);
    w.fixed(f!("data-block"), part);
    if let Some(heading) = heading {
        if tag == f!("nav") {
            w.attr(f!("aria-label"), heading);
        }
        text_el(w, f!("h3"), heading_class, heading);
    }
}

fn header(b: &Brief, cx: &Context, w: &mut Out) {
    block(w, f!("header"), f!("bc-header"), f!("header"), None);
    if b.kind.is_some() || b.date.is_some() {
        open(w, f!("p"), f!("bc-eyebrow"));
        if let Some(k) = &b.kind {
            open(w, f!("span"), f!("bc-kind"));
            w.fixed(f!("part"), f!("kind"));
            w.fixed(f!("dir"), f!("auto"));
            w.text(k);
            w.close();
        }
        if let Some(d) = &b.date {
            time(b, cx, d, f!("bc-date"), w);
        }
        w.close();
    }
    open(w, f!("h2"), f!("bc-title"));
    w.fixed(f!("part"), f!("title"));
    w.fixed(f!("dir"), f!("auto"));
    match &b.url {
        Some(u) => {
            link(cx, u, f!("bc-title-link"), w);
            w.text(&b.title);
            w.close();
        }
        None => w.text(&b.title),
    }
    w.close();
    if let Some(p) = &b.publisher {
        open(w, f!("p"), f!("bc-publisher"));
        if let Some(logo) = &p.logo {
            // The name follows, so the logo is decorative.
            open(w, f!("img"), f!("bc-logo"));
            w.attr(f!("src"), logo);
            w.fixed(f!("alt"), f!(""));
            w.fixed(f!("width"), f!("20"));
            w.fixed(f!("height"), f!("20"));
            w.close();
        }
        link_or_span(cx, p.url.as_deref(), f!("bc-publisher-name"), w);
        w.fixed(f!("dir"), f!("auto"));
        w.text(&p.name);
        w.close();
        w.close();
    }
    w.close();
}

fn time(b: &Brief, cx: &Context, d: &BriefDate, class: Fixed, w: &mut Out) {
    let locale = cx.options.locale.as_deref().unwrap_or(&b.lang);
    open(w, f!("time"), class);
    w.attr(f!("datetime"), &d.iso);
    w.text(&(cx.format_date)(d, locale));
    w.close();
}

/// Opens a link honouring `linkTarget` (`_blank` links get `rel="noopener
/// noreferrer"`); attributes and content follow, then `close`.
fn link(cx: &Context, href: &str, class: Fixed, w: &mut Out) {
    open(w, f!("a"), class);
    w.attr(f!("href"), href);
    if cx.options.link_target == LinkTarget::Blank {
        w.fixed(f!("target"), f!("_blank"));
        w.fixed(f!("rel"), f!("noopener noreferrer"));
    }
}

/// Opens a link to `url` when there is one, else a `<span>`, with `class`.
fn link_or_span(cx: &Context, url: Option<&str>, class: Fixed, w: &mut Out) {
    match url {
        Some(u) => link(cx, u, class, w),
        None => open(w, f!("span"), class),
    }
}

fn image(img: &Image, w: &mut Out) {
    open(w, f!("figure"), f!("bc-figure"));
    w.fixed(f!("part"), f!("image"));
    open(w, f!("img"), f!("bc-image"));
    w.attr(f!("src"), &img.src);
    w.attr(f!("alt"), &img.alt);
    w.fixed(f!("loading"), f!("lazy"));
    w.fixed(f!("decoding"), f!("async"));
    w.close();
    if let Some(c) = &img.caption {
        text_el(w, f!("figcaption"), f!("bc-caption"), c);
    }
    w.close();
}

/// Paragraphs, the ones past [`COLLAPSE_AFTER`] behind "Show more" when
/// interactive (the block's `key` and `n`: see [`rest_id`]).
fn paras(b: &Brief, cx: &Context, key: &str, n: usize, ps: &[Paragraph], w: &mut Out) {
    let shown = shown(cx, ps.len());
    for p in ps.get(..shown).unwrap_or(ps) {
        para(cx, p, w);
    }
    if let Some(rest) = ps.get(shown..).filter(|r| !r.is_empty()) {
        let id = rest_id(b, key, n);
        open(w, f!("div"), f!("bc-rest"));
        w.attr(f!("id"), &id);
        w.fixed(f!("hidden"), f!(""));
        for p in rest {
            para(cx, p, w);
        }
        w.close();
        toggle(b, cx, &id, w);
    }
}

fn para(cx: &Context, p: &Paragraph, w: &mut Out) {
    open(w, f!("p"), f!("bc-p"));
    w.fixed(f!("dir"), f!("auto"));
    runs(cx, p, w);
    w.close();
}

/// How many of `len` items a block shows: all, or in an interactive card
/// [`COLLAPSE_AFTER`] of a list longer by more than one (the rest go behind
/// "Show more").
fn shown(cx: &Context, len: usize) -> usize {
    if cx.interactive && len > COLLAPSE_AFTER + 1 {
        COLLAPSE_AFTER
    } else {
        len
    }
}

/// The id of a block's hidden rest: `key`, then `n` unless 0 (the
/// sections' numbers start at 1), built only for a block that has a rest.
fn rest_id(b: &Brief, key: &str, n: usize) -> String {
    let mut id = cat(&[b.id.as_deref().unwrap_or("bc"), "-more-", key]);
    if n > 0 {
        push_num(&mut id, n);
    }
    id
}

/// The "Show more" button for the hidden region `id`.
fn toggle(b: &Brief, cx: &Context, id: &str, w: &mut Out) {
    open(w, f!("button"), f!("bc-toggle"));
    w.fixed(f!("type"), f!("button"));
    w.fixed(f!("aria-expanded"), f!("false"));
    w.attr(f!("aria-controls"), id);
    w.attr(f!("data-more"), label(b, cx, Label::ShowMore));
    w.attr(f!("data-less"), label(b, cx, Label::ShowLess));
    w.text(label(b, cx, Label::ShowMore));
    w.close();
}

/// The runs of a paragraph: text, optionally in a link, `strong` and `em` (outermost first).
fn runs(cx: &Context, p: &Paragraph, w: &mut Out) {
    for r in p {
        if let Some(h) = &r.href {
            link(cx, h, f!("bc-link"), w);
        }
        if r.strong {
            w.open(f!("strong"));
        }
        if r.em {
            w.open(f!("em"));
        }
        w.text(&r.text);
        for _ in 0..(usize::from(r.em) + usize::from(r.strong) + usize::from(r.href.is_some())) {
            w.close();
        }
    }
}

fn quotes(b: &Brief, cx: &Context, w: &mut Out) {
    block(w, f!("section"), f!("bc-block bc-quotes"), f!("quotes"), Some(label(b, cx, Label::Quotes)));
    for (i, q) in b.quotes.iter().enumerate() {
        open(w, f!("figure"), f!("bc-quote"));
        w.fixed(f!("part"), f!("quote"));
        let anchor = b.id.as_ref().map(|id| numbered(&[id, "-quote-"], i + 1));
        if let Some(a) = &anchor {
            w.attr(f!("id"), a);
        }
        open(w, f!("blockquote"), f!("bc-blockquote"));
        para(cx, &q.text, w);
        w.close();
        open(w, f!("figcaption"), f!("bc-cite"));
        link_or_span(cx, q.url.as_deref(), f!("bc-author"), w);
        w.fixed(f!("dir"), f!("auto"));
        w.text(&q.author);
        w.close();
        if let Some(r) = &q.role {
            text_el(w, f!("span"), f!("bc-role"), r);
        }
        if let (Some(a), true) = (&anchor, cx.interactive) {
            copy_button(b, cx, a, w);
        }
        w.close();
        w.close();
    }
    w.close();
}

fn copy_button(b: &Brief, cx: &Context, anchor: &str, w: &mut Out) {
    open(w, f!("button"), f!("bc-copy"));
    w.fixed(f!("type"), f!("button"));
    w.attr(f!("data-anchor"), anchor);
    w.attr(f!("data-done"), label(b, cx, Label::LinkCopied));
    w.text(label(b, cx, Label::CopyLink));
    w.close();
}

fn related(b: &Brief, cx: &Context, w: &mut Out) {
    let items = &b.related;
    let shown = shown(cx, items.len());
    block(w, f!("nav"), f!("bc-block bc-related"), f!("related"), Some(label(b, cx, Label::Related)));
    open(w, f!("ul"), f!("bc-related-list"));
    w.fixed(f!("role"), f!("list"));
    for r in items.get(..shown).unwrap_or(items) {
        related_item(b, cx, r, w);
    }
    w.close();
    if let Some(rest) = items.get(shown..).filter(|r| !r.is_empty()) {
        let id = rest_id(b, "related", 0);
        open(w, f!("ul"), f!("bc-related-list bc-rest"));
        w.fixed(f!("role"), f!("list"));
        w.attr(f!("id"), &id);
        w.fixed(f!("hidden"), f!(""));
        for r in rest {
            related_item(b, cx, r, w);
        }
        w.close();
        toggle(b, cx, &id, w);
    }
    w.close();
}

/// Inlined at both its calls (shown and hidden items): the two copies
/// compress to little more than one, and the call and its own function go
/// (-48 B gzip; the same for `para`, `time`, `toggle` or `paras` is bigger).
#[inline(always)]
fn related_item(b: &Brief, cx: &Context, r: &Related, w: &mut Out) {
    open(w, f!("li"), f!("bc-related-item"));
    link(cx, &r.url, f!("bc-related-link"), w);
    w.fixed(f!("dir"), f!("auto"));
    w.text(&r.title);
    w.close();
    if r.kind.is_some() || r.author.is_some() || r.date.is_some() {
        open(w, f!("p"), f!("bc-meta"));
        if let Some(k) = &r.kind {
            text_el(w, f!("span"), f!("bc-meta-kind"), k);
        }
        if let Some(a) = &r.author {
            text_el(w, f!("span"), f!("bc-meta-author"), a);
        }
        if let Some(d) = &r.date {
            time(b, cx, d, f!("bc-meta-date"), w);
        }
        w.close();
    }
    w.close();
}

fn tags(b: &Brief, cx: &Context, w: &mut Out) {
    block(w, f!("section"), f!("bc-block bc-tags"), f!("tags"), Some(label(b, cx, Label::Tags)));
    open(w, f!("ul"), f!("bc-chips"));
    w.fixed(f!("role"), f!("list"));
    for t in &b.tags {
        open(w, f!("li"), f!("bc-tag"));
        link_or_span(cx, t.url.as_deref(), f!("bc-chip"), w);
        w.fixed(f!("part"), f!("tag"));
        w.fixed(f!("dir"), f!("auto"));
        w.text(&t.label);
        w.close();
        w.close();
    }
    w.close();
    w.close();
}

fn footer(b: &Brief, cx: &Context, w: &mut Out) {
    let copy = cx.interactive && b.id.is_some();
    if b.url.is_none() && !copy {
        return;
    }
    block(w, f!("footer"), f!("bc-footer"), f!("footer"), None);
    if let Some(u) = &b.url {
        link(cx, u, f!("bc-read-more"), w);
        w.fixed(f!("part"), f!("read-more"));
        w.text(label(b, cx, Label::ReadMore));
        w.close();
    }
    if let (Some(id), true) = (&b.id, copy) {
        copy_button(b, cx, id, w);
    }
    w.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Theme;

    #[test]
    fn the_card_classes_follow_each_other_in_the_table() {
        for (i, name) in ["light", "dark", "auto", "light bc-compact", "dark bc-compact", "auto bc-compact"].iter().enumerate() {
            assert_eq!(f!("bc-card bc-light").plus(i as u8).as_str(), cat(&["bc-card bc-", name]));
        }
        assert_eq!([Theme::Light as u8, Theme::Dark as u8, Theme::Auto as u8], [0, 1, 2]);
    }

    #[test]
    fn dir_values_are_the_model_s() {
        for d in [Dir::Ltr, Dir::Rtl, Dir::Auto] {
            assert_eq!(dir(d).as_str(), d.as_str());
        }
    }
}
