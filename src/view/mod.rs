//! The one description of the card: which elements, in which order, with
//! which classes, parts and accessibility attributes, written as a stream
//! of events into a [`Sink`]. Both outputs (live DOM and HTML text) are
//! sinks, so how a block looks is written here once for both. (A new block
//! of the format also needs its field in `format/`, its rules in
//! `validate/brief.rs` and `model.rs`, its place in the page's JSON
//! (`render/page/brief_json.rs`, whose test fails until it is there) and
//! JSON-LD (`render/page/linked_data.rs`, and the reading back in
//! `jsonld/map/`), its height in the oEmbed estimate
//! (`render/site/height.rs`), and bench/vanilla.js's copy of the card.)
//! The view takes its sink as `&mut dyn Sink`: one copy of the view serves
//! every output, and a sink's calls are few next to the work each does.
//!
//! Reading order: header (kind, date, update, title, byline, publisher), image, summary,
//! quotes, sections, related, tags, footer.

mod anchors;
pub mod sink;
pub mod words;

use crate::format::patterns::primary;
use crate::validate::model::*;
use crate::validate::options::{Layout, LinkTarget, Options, Theme};
use anchors::{rest_id, title_id, Anchors};
use sink::Sink;
use words::{has_words_for, Label, ENGLISH};

/// Everything the view needs besides the brief.
pub struct Context<'a> {
    /// The rendering options.
    pub options: &'a Options,
    /// Formats a date for a locale: `Intl` in the browser, ICU4X natively
    /// (see `render::dates`).
    pub format_date: &'a dyn Fn(&BriefDate, &str) -> String,
    /// Adds the controls that need script: "Show more" and "Copy link" buttons.
    pub interactive: bool,
    /// A number for this card (or feed) where cards share the page's ids
    /// (rendered into the light DOM), so that the "Show more" ids of cards
    /// without an id of their own differ from card to card (`bc7-more-summary`).
    /// `None` where the card's ids are its own: a shadow root, a static page.
    pub number: Option<u32>,
}

/// A block with more paragraphs (or related items) than this shows that
/// many and puts the rest behind "Show more" (interactive cards only).
pub(crate) const COLLAPSE_AFTER: usize = 4;

/// The card for a document: one `article`, or a feed of them.
pub fn document(doc: &Document, cx: &Context, w: &mut dyn Sink) {
    match doc {
        Document::One(b) => card(b, cx, w, &Anchors::of(b, cx)),
        Document::Feed(briefs) => {
            let feed_label = briefs.first().map_or("Briefs", |b| label(b, cx, Label::Feed));
            open(w, "div", "bc-feed");
            w.fixed("role", "list");
            w.attr("aria-label", feed_label);
            // The list's name is in the first brief's words (each card says its own language).
            if let Some(first) = briefs.first().filter(|_| cx.options.labels.get(Label::Feed).is_none()) {
                w.attr("lang", label_lang(first, cx, Label::Feed).unwrap_or(&first.lang));
            }
            for (b, ids) in with_anchors(doc, cx) {
                open(w, "div", "bc-feed-item");
                w.fixed("role", "listitem");
                card(b, cx, w, &ids);
                w.close();
            }
            w.close();
        }
    }
}

/// Each card of `doc` with the ids [`document`] gives it, for an output that
/// frames each card itself rather than in the feed's list (email's layout
/// tables): `frame` gets the brief and what writes its card into a sink.
pub(crate) fn each_card(doc: &Document, cx: &Context, mut frame: impl FnMut(&Brief, &dyn Fn(&mut dyn Sink))) {
    for (b, ids) in with_anchors(doc, cx) {
        frame(b, &|w: &mut dyn Sink| card(b, cx, w, &ids));
    }
}

/// The briefs of `doc`, each with its card's ids: a feed's numbered so that
/// no two of its cards give one id ([`Anchors::in_feed`]).
fn with_anchors<'d>(doc: &'d Document, cx: &'d Context) -> impl Iterator<Item = (&'d Brief, Anchors<'d>)> {
    let mut taken = Vec::new();
    doc.briefs().iter().enumerate().map(move |(i, b)| match doc {
        Document::One(_) => (b, Anchors::of(b, cx)),
        Document::Feed(_) => (b, Anchors::in_feed(b, cx, i, &mut taken)),
    })
}

/// The word for `l`: the page's override, the brief's, the built-in one for its language.
fn label<'a>(b: &'a Brief, cx: &Context<'a>, l: Label) -> &'a str {
    words::word(&cx.options.labels, &b.labels, &b.lang, l)
}

/// The language of the word for `l` where it is not the card's: `en` when
/// the card's language is one it has no words for, so that a screen reader
/// reads "Show more" in English, not as Italian (WCAG 3.1.2). The page's
/// and the brief's own words are taken to be in the card's language.
fn label_lang(b: &Brief, cx: &Context, l: Label) -> Option<&'static str> {
    let built_in = cx.options.labels.get(l).is_none() && b.labels.get(l).is_none();
    (built_in && !has_words_for(&b.lang)).then_some(ENGLISH)
}

/// A word of the card's and its language where that is not the card's:
/// [`label`] and [`label_lang`] together, for a block's heading.
type Heading<'h> = (&'h str, Option<&'static str>);

fn heading<'a>(b: &'a Brief, cx: &Context<'a>, l: Label) -> Heading<'a> {
    (label(b, cx, l), label_lang(b, cx, l))
}

/// Sets `lang` on the element just opened when its word is in another language than the card.
fn mark_lang(w: &mut dyn Sink, lang: Option<&str>) {
    if let Some(lang) = lang {
        w.attr("lang", lang);
    }
}

/// A word of the card's inside a phrase ("By …", "Updated …"), in a
/// `<span lang>` where its language is not the card's.
fn word(b: &Brief, cx: &Context, l: Label, w: &mut dyn Sink) {
    match label_lang(b, cx, l) {
        Some(lang) => {
            w.open("span");
            w.attr("lang", lang);
            w.text(label(b, cx, l));
            w.close();
        }
        None => w.text(label(b, cx, l)),
    }
}

/// Opens `<tag class="…">`: attributes and content follow, then `close`.
fn open(w: &mut dyn Sink, tag: &'static str, class: &'static str) {
    w.open(tag);
    w.fixed("class", class);
}

/// The direction of the brief's own prose: its title, paragraphs, headings
/// and caption are written in its language, so they read in the card's
/// direction, even when they open with a word of another script (a Persian
/// title that starts "IRGC …" still reads right to left). Only a card whose
/// direction is `auto` leaves each block to find its own.
fn prose_dir(b: &Brief, w: &mut dyn Sink) {
    if b.dir == Dir::Auto {
        w.fixed("dir", "auto");
    }
}

/// `<tag class="…"><span dir="auto">text</span></tag>`: a name or label
/// that may be in another language than the card's (a role, a related
/// item's kind or author), in a row of such items (see [`isolated`]).
fn text_el(w: &mut dyn Sink, tag: &'static str, class: &'static str, text: &str) {
    open(w, tag, class);
    isolated(w, text);
    w.close();
}

/// `<span dir="auto">text</span>`: text isolated and given the direction of
/// its own first letter, inside an item of a row ("kind | date", "author |
/// role"). The item itself keeps the card's direction, and with it the side
/// its separator is on: in its own direction, an English role in a Persian
/// card had its bar at the far end of the row.
fn isolated(w: &mut dyn Sink, text: &str) {
    w.open("span");
    w.fixed("dir", "auto");
    w.text(text);
    w.close();
}

fn card(b: &Brief, cx: &Context, w: &mut dyn Sink, ids: &Anchors) {
    let compact = cx.options.layout == Layout::Compact;
    open(w, "article", card_class(cx.options.theme, compact));
    w.fixed("part", "card");
    w.attr("lang", &b.lang);
    w.fixed("dir", b.dir.as_str());
    if let Some(id) = &ids.id {
        w.attr("id", id);
    }
    // A card is named by its title: on a page of several, a screen
    // reader's list of articles (and of the links and buttons described by
    // it) tells them apart. (Static HTML gives no id of its own making, only
    // ones made from the brief's `id`: a newsletter may hold several cards
    // rendered one by one. Email none: its articles are `div`s, and mail
    // clients rewrite or drop ids.)
    let title_id = (cx.interactive || (ids.id.is_some() && !cx.options.email)).then(|| title_id(ids));
    if let Some(id) = &title_id {
        w.attr("aria-labelledby", id);
    }
    header(b, cx, title_id.as_deref(), w);
    if let (Some(img), false) = (&b.image, compact) {
        image(b, img, w);
    }
    if let Some(s) = &b.summary {
        // Compact cards show the first paragraph only.
        let paragraphs = if compact { s.paragraphs.get(..1).unwrap_or(&s.paragraphs) } else { &s.paragraphs };
        let heading = match &s.heading {
            Some(own) => (own.as_str(), None),
            None => heading(b, cx, Label::Summary),
        };
        // A compact card is only a teaser: its summary needs no heading.
        block(b, cx, w, "section", "bc-block bc-summary", "summary", (!compact).then_some(heading));
        paras(b, cx, ids, "summary", 0, paragraphs, w);
        w.close();
    }
    if !compact {
        if !b.quotes.is_empty() {
            quotes(b, cx, ids, w);
        }
        for (i, s) in b.sections.iter().enumerate() {
            block(b, cx, w, "section", "bc-block bc-section", "section", Some((&s.heading, None)));
            paras(b, cx, ids, "section-", i + 1, &s.paragraphs, w);
            w.close();
        }
        if !b.related.is_empty() {
            related(b, cx, ids, w);
        }
        if !b.tags.is_empty() {
            tags(b, cx, w);
        }
    }
    footer(b, cx, ids, title_id.as_deref(), w);
    if cx.interactive {
        // Announces "Link copied" to screen readers.
        open(w, "p", "bc-status");
        w.fixed("role", "status");
        mark_lang(w, label_lang(b, cx, Label::LinkCopied));
        w.close();
    }
    w.close();
}

/// The card's classes: its theme, and `bc-compact` for the compact layout.
fn card_class(theme: Theme, compact: bool) -> &'static str {
    match (theme, compact) {
        (Theme::Light, false) => "bc-card bc-light",
        (Theme::Dark, false) => "bc-card bc-dark",
        (Theme::Auto, false) => "bc-card bc-auto",
        (Theme::Light, true) => "bc-card bc-light bc-compact",
        (Theme::Dark, true) => "bc-card bc-dark bc-compact",
        (Theme::Auto, true) => "bc-card bc-auto bc-compact",
    }
}

/// Opens a block, `<tag class part data-block>`, and its heading if it has
/// one (one level below the card's title, `<h3>` by default); its content follows, then `close`. Section
/// titles are headings of their own; the other blocks' headings are small
/// labels ("Expert Analysis"), hence the extra class.
fn block(b: &Brief, cx: &Context, w: &mut dyn Sink, tag: &'static str, class: &'static str, part: &'static str, heading: Option<Heading>) {
    let heading_class = if part == "section" { "bc-heading bc-section-heading" } else { "bc-heading" };
    open(w, tag, class);
    w.fixed("part", part);
    w.fixed("data-block", part);
    if let Some((text, lang)) = heading {
        block_heading(b, cx, w, heading_class, text, lang);
    }
}

/// `<h3 class lang?>text</h3>` (one level below the card's title).
fn block_heading(b: &Brief, cx: &Context, w: &mut dyn Sink, class: &'static str, text: &str, lang: Option<&str>) {
    open(w, heading_tag(cx.options.heading_level.saturating_add(1)), class);
    prose_dir(b, w);
    mark_lang(w, lang);
    w.text(text);
    w.close();
}

/// The element of a heading at `level` (the options allow 1 to 4 for the
/// title, so block headings reach 5 at most).
fn heading_tag(level: u8) -> &'static str {
    match level {
        0 | 1 => "h1",
        2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}

fn header(b: &Brief, cx: &Context, title_id: Option<&str>, w: &mut dyn Sink) {
    block(b, cx, w, "header", "bc-header", "header", None);
    // An update on the day of publication adds nothing a reader needs.
    // Nor does one dated before it (a mistake of the data: an update
    // cannot come before what it updates).
    let updated = b.updated.as_ref().filter(|u| b.date.as_ref().is_none_or(|d| u.later_day_than(d)));
    if b.kind.is_some() || b.date.is_some() || updated.is_some() {
        open(w, "p", "bc-eyebrow");
        if let Some(k) = &b.kind {
            open(w, "span", "bc-kind");
            w.fixed("part", "kind");
            w.fixed("dir", "auto");
            w.text(k);
            w.close();
        }
        if let Some(d) = &b.date {
            time(b, cx, d, "bc-date", w);
        }
        if let Some(u) = updated {
            // "Updated <time>": the word and the date read as one phrase.
            open(w, "span", "bc-updated");
            word(b, cx, Label::Updated, w);
            w.text(" ");
            time(b, cx, u, "bc-updated-date", w);
            w.close();
        }
        w.close();
    }
    open(w, heading_tag(cx.options.heading_level), "bc-title");
    w.fixed("part", "title");
    if let Some(id) = title_id {
        w.attr("id", id);
    }
    prose_dir(b, w);
    match &b.url {
        Some(u) => {
            link(b, cx, u, "bc-title-link", w);
            w.text(&b.title);
            w.close();
        }
        None => w.text(&b.title),
    }
    w.close();
    if !b.authors.is_empty() {
        byline(b, cx, w);
    }
    if let Some(p) = &b.publisher {
        open(w, "p", "bc-publisher");
        if let Some(logo) = &p.logo {
            // The name follows, so the logo is decorative. Its height only:
            // publishers' logos are mostly wide (a wordmark), and the width
            // follows from the image's own shape (card.css: `width:auto`).
            open(w, "img", "bc-logo");
            w.attr("src", logo);
            w.fixed("alt", "");
            w.fixed("referrerpolicy", "no-referrer");
            w.fixed("height", "20");
            w.close();
        }
        link_or_span(b, cx, p.url.as_deref(), "bc-publisher-name", w);
        w.fixed("dir", "auto");
        w.text(&p.name);
        w.close();
        w.close();
    }
    w.close();
}

/// "By A, B": each name a link when the author has a page.
fn byline(b: &Brief, cx: &Context, w: &mut dyn Sink) {
    open(w, "p", "bc-byline");
    w.fixed("part", "byline");
    word(b, cx, Label::By, w);
    w.text(" ");
    for (i, a) in b.authors.iter().enumerate() {
        if i > 0 {
            w.text(words::list_separator(&b.lang));
        }
        link_or_span(b, cx, a.url.as_deref(), "bc-byline-name", w);
        w.fixed("dir", "auto");
        w.text(&a.name);
        w.close();
    }
    w.close();
}

fn time(b: &Brief, cx: &Context, d: &BriefDate, class: &'static str, w: &mut dyn Sink) {
    let locale = cx.options.locale.as_deref().unwrap_or(&b.lang);
    open(w, "time", class);
    w.attr("datetime", &d.iso);
    // A date in the words of another language than the card's (a Persian
    // date in an English card) is marked so, for a screen reader's voice,
    // and isolated: it may read in another direction.
    if !same_language(locale, &b.lang) {
        w.attr("lang", locale);
    }
    isolated(w, &(cx.format_date)(d, locale));
    w.close();
}

/// Whether two language tags name one language (`en-GB` and `en` do).
fn same_language(a: &str, b: &str) -> bool {
    primary(a).eq_ignore_ascii_case(primary(b))
}

/// Opens a link honouring `linkTarget`: `_blank` links get `rel="noopener
/// noreferrer"`, and a `title` that says they open a new tab ("Opens in a
/// new tab", the `newTab` label), which screen readers read as the link's
/// description and a mouse shows, since nothing else would tell the reader
/// (not in email, whose links leave the mail client whatever their
/// target). Attributes and content follow, then `close`.
fn link(b: &Brief, cx: &Context, href: &str, class: &'static str, w: &mut dyn Sink) {
    open(w, "a", class);
    w.attr("href", href);
    if cx.options.link_target == LinkTarget::Blank {
        w.fixed("target", "_blank");
        w.fixed("rel", "noopener noreferrer");
        if !cx.options.email {
            w.attr("title", label(b, cx, Label::NewTab));
        }
    }
}

/// Opens a link to `url` when there is one, else a `<span>`, with `class`.
fn link_or_span(b: &Brief, cx: &Context, url: Option<&str>, class: &'static str, w: &mut dyn Sink) {
    match url {
        Some(u) => link(b, cx, u, class, w),
        None => open(w, "span", class),
    }
}

fn image(b: &Brief, img: &Image, w: &mut dyn Sink) {
    open(w, "figure", "bc-figure");
    w.fixed("part", "image");
    open(w, "img", "bc-image");
    w.attr("src", &img.src);
    w.attr("alt", &img.alt);
    // With both, the browser knows the image's shape before it loads and
    // keeps its space (card.css scales it: `max-width:100%;height:auto`).
    if let Some(width) = img.width {
        w.attr("width", &width.to_string());
    }
    if let Some(height) = img.height {
        w.attr("height", &height.to_string());
    }
    // Privacy: an image host learns nothing of the page that shows it.
    w.fixed("referrerpolicy", "no-referrer");
    w.fixed("loading", "lazy");
    w.fixed("decoding", "async");
    w.close();
    if let Some(c) = &img.caption {
        open(w, "figcaption", "bc-caption");
        prose_dir(b, w);
        w.text(c);
        w.close();
    }
    w.close();
}

/// Paragraphs, the ones past [`COLLAPSE_AFTER`] behind "Show more" when
/// interactive (the block's `key` and `n`: see [`rest_id`]).
fn paras(b: &Brief, cx: &Context, ids: &Anchors, key: &str, n: usize, ps: &[Paragraph], w: &mut dyn Sink) {
    let shown = shown(cx, ps.len());
    for p in ps.get(..shown).unwrap_or(ps) {
        para(b, b.dir == Dir::Auto, cx, p, w);
    }
    if let Some(rest) = ps.get(shown..).filter(|r| !r.is_empty()) {
        let id = rest_id(ids, key, n);
        open(w, "div", "bc-rest");
        w.attr("id", &id);
        w.fixed("hidden", "");
        for p in rest {
            para(b, b.dir == Dir::Auto, cx, p, w);
        }
        w.close();
        toggle(b, cx, &id, w);
    }
}

/// A paragraph; `dir="auto"` when `auto_dir` (see [`prose_dir`]).
fn para(b: &Brief, auto_dir: bool, cx: &Context, p: &Paragraph, w: &mut dyn Sink) {
    open(w, "p", "bc-p");
    if auto_dir {
        w.fixed("dir", "auto");
    }
    runs(b, cx, p, w);
    w.close();
}

/// How many of `len` items a block shows: all, or in an interactive card
/// [`interactive_shown`] of them.
fn shown(cx: &Context, len: usize) -> usize {
    if cx.interactive {
        interactive_shown(len)
    } else {
        len
    }
}

/// How many of `len` items an interactive card shows: all, or
/// [`COLLAPSE_AFTER`] of a list longer by more than one (the rest go behind
/// "Show more").
pub(crate) fn interactive_shown(len: usize) -> usize {
    if len > COLLAPSE_AFTER + 1 {
        COLLAPSE_AFTER
    } else {
        len
    }
}

/// The "Show more" button for the hidden region `id`.
fn toggle(b: &Brief, cx: &Context, id: &str, w: &mut dyn Sink) {
    open(w, "button", "bc-toggle");
    w.fixed("type", "button");
    w.fixed("aria-expanded", "false");
    w.attr("aria-controls", id);
    mark_lang(w, label_lang(b, cx, Label::ShowMore));
    w.attr("data-more", label(b, cx, Label::ShowMore));
    w.attr("data-less", label(b, cx, Label::ShowLess));
    w.text(label(b, cx, Label::ShowMore));
    w.close();
}

/// The runs of a paragraph: text, optionally in a link, `strong` and `em` (outermost first).
fn runs(b: &Brief, cx: &Context, p: &Paragraph, w: &mut dyn Sink) {
    for r in p {
        if let Some(h) = &r.href {
            link(b, cx, h, "bc-link", w);
        }
        if r.strong {
            w.open("strong");
        }
        if r.em {
            w.open("em");
        }
        w.text(&r.text);
        // Closed innermost first.
        for opened in [r.em, r.strong, r.href.is_some()] {
            if opened {
                w.close();
            }
        }
    }
}

fn quotes(b: &Brief, cx: &Context, ids: &Anchors, w: &mut dyn Sink) {
    block(b, cx, w, "section", "bc-block bc-quotes", "quotes", Some(heading(b, cx, Label::Quotes)));
    for (i, q) in b.quotes.iter().enumerate() {
        open(w, "figure", "bc-quote");
        w.fixed("part", "quote");
        let anchor = ids.id.as_ref().map(|id| format!("{id}-quote-{}", i + 1));
        if let Some(a) = &anchor {
            w.attr("id", a);
        }
        open(w, "blockquote", "bc-blockquote");
        // A quote in another language than the card's is marked so and reads
        // in its direction (its paragraph then takes it, even in an `auto` card).
        // The whole tag is compared, unlike a date's language: a quote in
        // `pt-BR` in a `pt-PT` card is marked, for a voice of its variety.
        let own_lang = q.lang.as_deref().filter(|l| !l.eq_ignore_ascii_case(&b.lang));
        if let Some(lang) = own_lang {
            w.attr("lang", lang);
            w.fixed("dir", Dir::of_lang(lang).as_str());
        }
        para(b, own_lang.is_none() && b.dir == Dir::Auto, cx, &q.text, w);
        w.close();
        open(w, "figcaption", "bc-cite");
        link_or_span(b, cx, q.url.as_deref(), "bc-author", w);
        w.fixed("dir", "auto");
        // The quote's "Copy link" is described by its author: a card has
        // one such button per quote and one for itself, all of one name.
        let author_id = anchor.as_ref().filter(|_| cx.interactive).map(|a| format!("{a}-by"));
        if let Some(id) = &author_id {
            w.attr("id", id);
        }
        w.text(&q.author);
        w.close();
        if let Some(r) = &q.role {
            text_el(w, "span", "bc-role", r);
        }
        if let (Some(a), Some(by)) = (&anchor, &author_id) {
            copy_button(b, cx, a, Some(by), w);
        }
        w.close();
        w.close();
    }
    w.close();
}

/// A "Copy link" button for `anchor`, described by the element `described_by`.
fn copy_button(b: &Brief, cx: &Context, anchor: &str, described_by: Option<&str>, w: &mut dyn Sink) {
    open(w, "button", "bc-copy");
    w.fixed("type", "button");
    w.attr("data-anchor", anchor);
    if let Some(id) = described_by {
        w.attr("aria-describedby", id);
    }
    w.attr("data-done", label(b, cx, Label::LinkCopied));
    mark_lang(w, label_lang(b, cx, Label::CopyLink));
    w.text(label(b, cx, Label::CopyLink));
    w.close();
}

fn related(b: &Brief, cx: &Context, ids: &Anchors, w: &mut dyn Sink) {
    let items = &b.related;
    let shown = shown(cx, items.len());
    let (heading, lang) = heading(b, cx, Label::Related);
    block(b, cx, w, "nav", "bc-block bc-related", "related", None);
    // A landmark's name is how a screen reader's list of landmarks tells
    // them apart, and a page of cards has one of these per card: the card's
    // title makes each one's name its own ("Related Analysis: <title>").
    w.attr("aria-label", &format!("{heading}: {}", b.title));
    block_heading(b, cx, w, "bc-heading", heading, lang);
    // One list, the items past those shown hidden behind "Show more" (a
    // screen reader hears one list of them all, not two lists), which
    // controls the list.
    let rest = (shown < items.len()).then(|| rest_id(ids, "related", 0));
    open(w, "ul", "bc-related-list");
    w.fixed("role", "list");
    if let Some(id) = &rest {
        w.attr("id", id);
    }
    for (i, r) in items.iter().enumerate() {
        related_item(b, cx, r, i >= shown, w);
    }
    w.close();
    if let Some(id) = &rest {
        toggle(b, cx, id, w);
    }
    w.close();
}

/// One related item: a link, then what is known about it (kind, author,
/// date); `more`: one of those behind "Show more", hidden.
fn related_item(b: &Brief, cx: &Context, r: &Related, more: bool, w: &mut dyn Sink) {
    if more {
        open(w, "li", "bc-related-item bc-more");
        w.fixed("hidden", "");
    } else {
        open(w, "li", "bc-related-item");
    }
    link(b, cx, &r.url, "bc-related-link", w);
    w.fixed("dir", "auto");
    w.text(&r.title);
    w.close();
    if r.kind.is_some() || r.author.is_some() || r.date.is_some() {
        open(w, "p", "bc-meta");
        if let Some(k) = &r.kind {
            text_el(w, "span", "bc-meta-kind", k);
        }
        if let Some(a) = &r.author {
            text_el(w, "span", "bc-meta-author", a);
        }
        if let Some(d) = &r.date {
            time(b, cx, d, "bc-meta-date", w);
        }
        w.close();
    }
    w.close();
}

fn tags(b: &Brief, cx: &Context, w: &mut dyn Sink) {
    block(b, cx, w, "section", "bc-block bc-tags", "tags", Some(heading(b, cx, Label::Tags)));
    open(w, "ul", "bc-chips");
    w.fixed("role", "list");
    for t in &b.tags {
        open(w, "li", "bc-tag");
        link_or_span(b, cx, t.url.as_deref(), "bc-chip", w);
        w.fixed("part", "tag");
        w.fixed("dir", "auto");
        w.text(&t.label);
        w.close();
        w.close();
    }
    w.close();
    w.close();
}

fn footer(b: &Brief, cx: &Context, ids: &Anchors, title: Option<&str>, w: &mut dyn Sink) {
    let copy = cx.interactive && ids.id.is_some();
    if b.url.is_none() && !copy {
        return;
    }
    block(b, cx, w, "footer", "bc-footer", "footer", None);
    if let Some(u) = &b.url {
        link(b, cx, u, "bc-read-more", w);
        w.fixed("part", "read-more");
        // Described by the card's title: a page of cards has one "Read the
        // full brief" each.
        if let Some(id) = title {
            w.attr("aria-describedby", id);
        }
        mark_lang(w, label_lang(b, cx, Label::ReadMore));
        w.text(label(b, cx, Label::ReadMore));
        w.close();
    }
    if let (Some(id), true) = (&ids.id, copy) {
        // "Copy link", described by the card's title, as a quote's is by its author.
        copy_button(b, cx, id, title, w);
    }
    w.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_class_names_the_theme_and_the_layout() {
        for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
            assert_eq!(card_class(theme, false), format!("bc-card bc-{}", theme.as_str()));
            assert_eq!(card_class(theme, true), format!("bc-card bc-{} bc-compact", theme.as_str()));
        }
    }
}
