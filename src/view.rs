//! The one description of the card: which elements, in which order, with
//! which classes, parts and accessibility attributes. Both outputs (live DOM
//! and HTML text) write what this builds, so adding a block touches only
//! this file (and the stylesheet).
//!
//! Reading order: header (kind, date, title, publisher), image, summary,
//! quotes, sections, related, tags, footer.

#[allow(unused_imports)]
use crate::prelude::*;

use alloc::borrow::Cow;

use crate::labels::{builtin, Label};
use crate::model::*;
use crate::node::{El, Node};
use crate::options::{Layout, LinkTarget, Options, Theme};
use crate::text::{cat, num};

/// Everything the view needs besides the brief.
pub struct Context<'a> {
    /// The rendering options.
    pub options: &'a Options,
    /// Formats a date for a locale (`Intl` in the browser, [`crate::dates`] elsewhere).
    pub format_date: &'a dyn Fn(&BriefDate, &str) -> String,
    /// Adds the controls that need script: "Show more" and "Copy link" buttons.
    pub interactive: bool,
}

/// A block with more paragraphs (or related items) than this shows that
/// many and puts the rest behind "Show more" (interactive cards only).
pub const COLLAPSE_AFTER: usize = 4;

/// The card for a document: one `article`, or a feed of them.
pub fn document<'a>(doc: &'a Document, cx: &Context<'a>) -> Node<'a> {
    match doc {
        Document::One(b) => one(b, cx),
        Document::Feed(briefs) => {
            let first = briefs.first();
            let feed_label = first.map_or("Briefs", |b| label(b, cx, Label::Feed));
            El::with_class("div", "bc-feed")
                .attr("role", "list")
                .attr("aria-label", feed_label)
                .children(briefs.iter().map(|b| El::with_class("div", "bc-feed-item").attr("role", "listitem").child(brief(b, cx)).into()))
                .into()
        }
    }
}

/// The card for one brief: what [`document`] renders for [`Document::One`].
pub fn one<'a>(b: &'a Brief, cx: &Context<'a>) -> Node<'a> {
    brief(b, cx).into()
}

/// The word for `l`: the page's override, the brief's, the built-in one for its language.
fn label<'a>(b: &'a Brief, cx: &Context<'a>, l: Label) -> &'a str {
    cx.options.labels.get(l).or_else(|| b.labels.get(l)).unwrap_or_else(|| builtin(&b.lang, l))
}

fn brief<'a>(b: &'a Brief, cx: &Context<'a>) -> El<'a> {
    let compact = cx.options.layout == Layout::Compact;
    let mut class = String::from("bc-card");
    class.push_str(match cx.options.theme {
        Theme::Light => " bc-light",
        Theme::Dark => " bc-dark",
        Theme::Auto => " bc-auto",
    });
    if compact {
        class.push_str(" bc-compact");
    }
    let mut card = El::new("article")
        .attr("class", class)
        .attr("part", "card")
        .attr("lang", b.lang.as_str())
        .attr("dir", b.dir.as_str());
    if let Some(id) = &b.id {
        card = card.attr("id", id.as_str());
    }
    card = card.child(header(b, cx));
    if let (Some(img), false) = (&b.image, compact) {
        card = card.child(image(img));
    }
    if let Some(s) = &b.summary {
        // Compact cards show the first paragraph only.
        let paragraphs = if compact { s.paragraphs.get(..1).unwrap_or(&s.paragraphs) } else { &s.paragraphs };
        let heading = s.heading.as_deref().unwrap_or_else(|| label(b, cx, Label::Summary));
        // A compact card is only a teaser: its summary needs no heading.
        let summary = block("section", "bc-summary", "summary", (!compact).then_some(heading));
        card = card.child(summary.children(paras(b, cx, "summary", paragraphs)));
    }
    if !compact {
        if !b.quotes.is_empty() {
            card = card.child(quotes(b, cx));
        }
        for (i, s) in b.sections.iter().enumerate() {
            let key = cat(&["section-", &num(i + 1)]);
            card = card.child(block("section", "bc-section", "section", Some(&s.heading)).children(paras(b, cx, &key, &s.paragraphs)));
        }
        if !b.related.is_empty() {
            card = card.child(related(b, cx));
        }
        if !b.tags.is_empty() {
            card = card.child(tags(b, cx));
        }
    }
    if let Some(f) = footer(b, cx) {
        card = card.child(f);
    }
    if cx.interactive {
        // Announces "Link copied" to screen readers.
        card = card.child(El::with_class("p", "bc-status").attr("role", "status"));
    }
    card
}

/// A titled block: `<section|nav class part data-block><h3>heading</h3>…`.
/// Section titles are headings of their own; the other blocks' headings are
/// small labels ("Expert Analysis"), hence the extra class.
fn block<'a>(tag: &'static str, class: &'static str, part: &'static str, heading: Option<&'a str>) -> El<'a> {
    let heading_class = if part == "section" { "bc-heading bc-section-heading" } else { "bc-heading" };
    let mut el = El::new(tag).attr("class", cat(&["bc-block ", class])).attr("part", part).attr("data-block", part);
    if let Some(heading) = heading {
        if tag == "nav" {
            el = el.attr("aria-label", heading);
        }
        el = el.child(El::with_class("h3", heading_class).attr("dir", "auto").text(heading));
    }
    el
}

fn header<'a>(b: &'a Brief, cx: &Context<'a>) -> El<'a> {
    let mut h = El::with_class("header", "bc-header").attr("part", "header").attr("data-block", "header");
    if b.kind.is_some() || b.date.is_some() {
        let mut eyebrow = El::with_class("p", "bc-eyebrow");
        if let Some(k) = &b.kind {
            eyebrow = eyebrow.child(El::with_class("span", "bc-kind").attr("part", "kind").attr("dir", "auto").text(k.as_str()));
        }
        if let Some(d) = &b.date {
            eyebrow = eyebrow.child(time(b, cx, d, "bc-date"));
        }
        h = h.child(eyebrow);
    }
    let title = El::with_class("h2", "bc-title").attr("part", "title").attr("dir", "auto");
    h = h.child(match &b.url {
        Some(u) => title.child(link(cx, u, "bc-title-link").text(b.title.as_str())),
        None => title.text(b.title.as_str()),
    });
    if let Some(p) = &b.publisher {
        let mut by = El::with_class("p", "bc-publisher");
        if let Some(logo) = &p.logo {
            // The name follows, so the logo is decorative.
            by = by.child(El::with_class("img", "bc-logo").attr("src", logo.as_str()).attr("alt", "").attr("width", "20").attr("height", "20"));
        }
        let name = match &p.url {
            Some(u) => link(cx, u, "bc-publisher-name"),
            None => El::with_class("span", "bc-publisher-name"),
        };
        h = h.child(by.child(name.attr("dir", "auto").text(p.name.as_str())));
    }
    h
}

fn time<'a>(b: &'a Brief, cx: &Context<'a>, d: &'a BriefDate, class: &'static str) -> El<'a> {
    let locale = cx.options.locale.as_deref().unwrap_or(&b.lang);
    El::with_class("time", class).attr("datetime", d.iso.as_str()).text((cx.format_date)(d, locale))
}

/// A link honouring `linkTarget`: `_blank` links get `rel="noopener noreferrer"`.
fn link<'a>(cx: &Context<'a>, href: &'a str, class: &'static str) -> El<'a> {
    let a = El::with_class("a", class).attr("href", href);
    match cx.options.link_target {
        LinkTarget::SelfTarget => a,
        LinkTarget::Blank => a.attr("target", "_blank").attr("rel", "noopener noreferrer"),
    }
}

fn image<'a>(img: &'a Image) -> El<'a> {
    let mut fig = El::with_class("figure", "bc-figure").attr("part", "image").child(
        El::with_class("img", "bc-image").attr("src", img.src.as_str()).attr("alt", img.alt.as_str()).attr("loading", "lazy").attr("decoding", "async"),
    );
    if let Some(c) = &img.caption {
        fig = fig.child(El::with_class("figcaption", "bc-caption").attr("dir", "auto").text(c.as_str()));
    }
    fig
}

/// Paragraphs, the ones past [`COLLAPSE_AFTER`] behind "Show more" when interactive.
fn paras<'a>(b: &'a Brief, cx: &Context<'a>, key: &str, ps: &'a [Paragraph]) -> Vec<Node<'a>> {
    let items = ps.iter().map(|p| El::with_class("p", "bc-p").attr("dir", "auto").children(runs(cx, p)).into()).collect();
    let (mut shown, rest) = split_long(b, cx, key, items);
    if let Some((id, rest)) = rest {
        shown.push(El::with_class("div", "bc-rest").attr("id", id.clone()).attr("hidden", "").children(rest).into());
        shown.push(toggle(b, cx, id).into());
    }
    shown
}

/// A long list (more than one past [`COLLAPSE_AFTER`]) in an interactive
/// card: the items to show, and the id and items of the hidden rest.
fn split_long<'a>(b: &'a Brief, cx: &Context<'a>, key: &str, items: Vec<Node<'a>>) -> (Vec<Node<'a>>, Option<(String, Vec<Node<'a>>)>) {
    if !cx.interactive || items.len() <= COLLAPSE_AFTER + 1 {
        return (items, None);
    }
    let mut items = items.into_iter();
    let shown = items.by_ref().take(COLLAPSE_AFTER).collect();
    (shown, Some((cat(&[b.id.as_deref().unwrap_or("bc"), "-more-", key]), items.collect())))
}

/// The "Show more" button for the hidden region `id`.
fn toggle<'a>(b: &'a Brief, cx: &Context<'a>, id: String) -> El<'a> {
    El::with_class("button", "bc-toggle")
        .attr("type", "button")
        .attr("aria-expanded", "false")
        .attr("aria-controls", id)
        .attr("data-more", label(b, cx, Label::ShowMore))
        .attr("data-less", label(b, cx, Label::ShowLess))
        .text(label(b, cx, Label::ShowMore))
}

/// The runs of a paragraph: text, optionally wrapped in `em`, `strong` and a link.
fn runs<'a>(cx: &Context<'a>, p: &'a Paragraph) -> Vec<Node<'a>> {
    p.iter()
        .map(|r| {
            let mut n = Node::Text(Cow::Borrowed(r.text.as_str()));
            if r.em {
                n = El::new("em").child(n).into();
            }
            if r.strong {
                n = El::new("strong").child(n).into();
            }
            if let Some(h) = &r.href {
                n = link(cx, h, "bc-link").child(n).into();
            }
            n
        })
        .collect()
}

fn quotes<'a>(b: &'a Brief, cx: &Context<'a>) -> El<'a> {
    let mut sec = block("section", "bc-quotes", "quotes", Some(label(b, cx, Label::Quotes)));
    for (i, q) in b.quotes.iter().enumerate() {
        let mut fig = El::with_class("figure", "bc-quote").attr("part", "quote");
        let anchor = b.id.as_ref().map(|id| cat(&[id, "-quote-", &num(i + 1)]));
        if let Some(a) = &anchor {
            fig = fig.attr("id", a.clone());
        }
        fig = fig.child(El::with_class("blockquote", "bc-blockquote").child(El::with_class("p", "bc-p").attr("dir", "auto").children(runs(cx, &q.text))));
        let author = match &q.url {
            Some(u) => link(cx, u, "bc-author"),
            None => El::with_class("span", "bc-author"),
        };
        let mut cap = El::with_class("figcaption", "bc-cite").child(author.attr("dir", "auto").text(q.author.as_str()));
        if let Some(r) = &q.role {
            cap = cap.child(El::with_class("span", "bc-role").attr("dir", "auto").text(r.as_str()));
        }
        if let (Some(a), true) = (anchor, cx.interactive) {
            cap = cap.child(copy_button(b, cx, a));
        }
        sec = sec.child(fig.child(cap));
    }
    sec
}

fn copy_button<'a>(b: &'a Brief, cx: &Context<'a>, anchor: String) -> El<'a> {
    El::with_class("button", "bc-copy")
        .attr("type", "button")
        .attr("data-anchor", anchor)
        .attr("data-done", label(b, cx, Label::LinkCopied))
        .text(label(b, cx, Label::CopyLink))
}

fn related<'a>(b: &'a Brief, cx: &Context<'a>) -> El<'a> {
    let items: Vec<Node<'a>> = b
        .related
        .iter()
        .map(|r| {
            let mut li = El::with_class("li", "bc-related-item").child(link(cx, &r.url, "bc-related-link").attr("dir", "auto").text(r.title.as_str()));
            if r.kind.is_some() || r.author.is_some() || r.date.is_some() {
                let mut meta = El::with_class("p", "bc-meta");
                if let Some(k) = &r.kind {
                    meta = meta.child(El::with_class("span", "bc-meta-kind").attr("dir", "auto").text(k.as_str()));
                }
                if let Some(a) = &r.author {
                    meta = meta.child(El::with_class("span", "bc-meta-author").attr("dir", "auto").text(a.as_str()));
                }
                if let Some(d) = &r.date {
                    meta = meta.child(time(b, cx, d, "bc-meta-date"));
                }
                li = li.child(meta);
            }
            li.into()
        })
        .collect();
    let (shown, rest) = split_long(b, cx, "related", items);
    let mut nav = block("nav", "bc-related", "related", Some(label(b, cx, Label::Related)))
        .child(El::with_class("ul", "bc-related-list").attr("role", "list").children(shown));
    if let Some((id, rest)) = rest {
        nav = nav.child(El::with_class("ul", "bc-related-list bc-rest").attr("role", "list").attr("id", id.clone()).attr("hidden", "").children(rest));
        nav = nav.child(toggle(b, cx, id));
    }
    nav
}

fn tags<'a>(b: &'a Brief, cx: &Context<'a>) -> El<'a> {
    let chips = b.tags.iter().map(|t| {
        let chip = match &t.url {
            Some(u) => link(cx, u, "bc-chip"),
            None => El::with_class("span", "bc-chip"),
        };
        El::with_class("li", "bc-tag").child(chip.attr("part", "tag").attr("dir", "auto").text(t.label.as_str())).into()
    });
    block("section", "bc-tags", "tags", Some(label(b, cx, Label::Tags))).child(El::with_class("ul", "bc-chips").attr("role", "list").children(chips))
}

fn footer<'a>(b: &'a Brief, cx: &Context<'a>) -> Option<El<'a>> {
    let copy = cx.interactive && b.id.is_some();
    if b.url.is_none() && !copy {
        return None;
    }
    let mut f = El::with_class("footer", "bc-footer").attr("part", "footer").attr("data-block", "footer");
    if let Some(u) = &b.url {
        f = f.child(link(cx, u, "bc-read-more").attr("part", "read-more").text(label(b, cx, Label::ReadMore)));
    }
    if let (Some(id), true) = (&b.id, copy) {
        f = f.child(copy_button(b, cx, id.clone()));
    }
    Some(f)
}
