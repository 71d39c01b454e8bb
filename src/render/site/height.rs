//! How tall the embed page's card is at a given width, estimated from its
//! text and the measures of src/card.css.
//!
//! oEmbed gives a consumer a fixed frame height, and a frame shorter than
//! its card shows a scroll bar inside the reader's page, so the estimate
//! leans high: letters as wide as in the wide fallback fonts (DejaVu, what
//! headless Chromium on Debian draws the card in, checked against it by
//! tests/e2e/oembed.test.mjs), and a margin on top. A frame a little too
//! tall only leaves space under the card.

use crate::validate::labels::Labels;
use crate::validate::model::{Brief, Paragraph};
use crate::view::interactive_shown;
use crate::view::words::{self, Label};

/// Root font size of the frame's document, in CSS pixels.
const EM: f64 = 16.0;
/// The average advance of a letter of the body's serif, in em.
const SERIF: f64 = 0.53;
/// The same for the bold sans serif of the title and the related links.
const SANS_BOLD: f64 = 0.6;
/// The same for the small headings' capitals, spaced .12em apart.
const CAPS: f64 = 0.82;
/// "Show more" and "Copy link" buttons: a line of small text and padding.
const BUTTON: f64 = 0.8125 * EM * 1.3 + 0.7 * EM + 2.0;

/// The card's height in CSS pixels in a frame `width` pixels wide: the
/// embed page's interactive card, long blocks collapsed behind "Show more".
pub(super) fn estimate(b: &Brief, width: u32) -> u32 {
    let width = f64::from(width);
    // The card's padding is clamp(18px,4%,32px) clamp(16px,5%,36px), its
    // borders 1 px with 4 px on top.
    let (pad_y, pad_x) = ((0.04 * width).clamp(18.0, 32.0), (0.05 * width).clamp(16.0, 36.0));
    let inner = (width - 2.0 * pad_x - 2.0).max(100.0);
    let column = Column { inner, text: Text { inner, letter: SERIF }, sans: Text { inner, letter: SANS_BOLD } };
    let blocks = [header, image, summary, quotes, sections, related, tags, footer];
    let h = 2.0 * pad_y + 5.0 + blocks.iter().map(|block| block(b, &column)).sum::<f64>();
    // The margin on top (see the module's comment), then whole tens. No
    // upper bound: a consumer that wants one asks with `maxheight`.
    let h = (h * 1.04 / 10.0).ceil() * 10.0;
    h.max(160.0) as u32
}

/// The card's content box: its width, and text in its two faces.
struct Column {
    inner: f64,
    /// The body's serif.
    text: Text,
    /// The bold sans serif of the title and the related links.
    sans: Text,
}

/// A block's top margin and its small heading, `heading` letters in
/// spaced capitals (a brief's own word for it may run to several lines).
fn block(c: &Column, heading: f64) -> f64 {
    let caps = Text { inner: c.inner, letter: CAPS };
    1.75 * EM + caps.height(heading, 0.75 * EM, 1.3) + 0.8 * 0.75 * EM
}

/// The [`letters`] of the card's word for `l` (the brief's own, else its language's).
fn word(b: &Brief, l: Label) -> f64 {
    letters(words::word(&Labels::default(), &b.labels, &b.lang, l))
}

/// How many average letters `s` is as wide as: capitals are wider (by about
/// a third, in the serif and in the bold sans serif alike), and the
/// characters East Asian scripts write a square em wide (Chinese, Japanese,
/// Korean: Unicode's East Asian Width, as terminals read it) are two.
fn letters(s: &str) -> f64 {
    use unicode_width::UnicodeWidthChar;
    s.chars()
        .map(|c| match c.width() {
            Some(2) => 2.0,
            _ if c.is_uppercase() => 1.35,
            _ => 1.0,
        })
        .sum()
}

/// The eyebrow, the title (its size grows with the card: 1.05em + 2.6cqi),
/// the byline and the publisher.
fn header(b: &Brief, c: &Column) -> f64 {
    let mut h = 1.4 * EM;
    if b.kind.is_some() || b.date.is_some() || b.updated.is_some() {
        // A date is some 20 letters, "Updated" and its date some 30.
        let eyebrow = b.kind.as_ref().map_or(0.0, |k| letters(k) + 3.0)
            + if b.date.is_some() { 23.0 } else { 0.0 }
            + if b.updated.is_some() { 33.0 } else { 0.0 };
        h += Text { inner: c.inner, letter: CAPS }.height(eyebrow, 0.8125 * EM, 1.45) + 0.7 * EM;
    }
    let title = (1.05 * EM + 0.026 * c.inner).clamp(1.4 * EM, 2.2 * EM);
    h += c.sans.height(letters(&b.title), title, 1.18);
    let small = |width: f64| c.sans.height(width, 0.875 * EM, 1.45) + 0.8 * EM;
    if !b.authors.is_empty() {
        h += small(b.authors.iter().map(|a| letters(&a.name) + 2.0).sum::<f64>() + 3.0);
    }
    if let Some(p) = &b.publisher {
        // The logo, 20 px and as wide as its shape, beside the name: some 4 letters.
        h += small(letters(&p.name) + if p.logo.is_some() { 4.0 } else { 0.0 });
    }
    h
}

/// The image in its own shape (16:9 when its size is not given), and its caption.
fn image(b: &Brief, c: &Column) -> f64 {
    let Some(img) = &b.image else { return 0.0 };
    let shape = match (img.width, img.height) {
        (Some(w), Some(h)) if w > 0 => f64::from(h) / f64::from(w),
        _ => 9.0 / 16.0,
    };
    let caption = img.caption.as_ref().map_or(0.0, |caption| c.sans.height(letters(caption), 0.8125 * EM, 1.45) + 0.5 * EM);
    c.inner * shape + 1.5 * EM + caption
}

/// The summary: its lead paragraph larger, paragraphs 1em apart.
fn summary(b: &Brief, c: &Column) -> f64 {
    let Some(s) = &b.summary else { return 0.0 };
    let lead = (EM + 0.008 * c.inner).clamp(1.0625 * EM, 1.1875 * EM);
    let heading = s.heading.as_ref().map_or_else(|| word(b, Label::Summary), |h| letters(h));
    let mut h = block(c, heading);
    for (i, p) in shown(&s.paragraphs).iter().enumerate() {
        let (size, line) = if i == 0 { (lead, 1.55) } else { (1.0625 * EM, 1.6) };
        h += c.text.height(chars(p), size, line) + if i > 0 { size } else { 0.0 };
    }
    h + toggle(s.paragraphs.len())
}

/// Each quote: the gap above, its padding, the text, the citation (with
/// its "Copy link" when the brief has an id).
fn quotes(b: &Brief, c: &Column) -> f64 {
    if b.quotes.is_empty() {
        return 0.0;
    }
    let quote = Text { inner: c.inner - 2.6 * EM - 4.0, letter: SERIF };
    let size = (EM + 0.01 * c.inner).clamp(1.125 * EM, 1.25 * EM);
    let cite_text = Text { inner: quote.inner, letter: SANS_BOLD };
    let each = b.quotes.iter().enumerate().map(|(i, q)| {
        let gap = if i > 0 { EM } else { 0.0 };
        let names = letters(&q.author) + q.role.as_ref().map_or(0.0, |r| letters(r) + 3.0);
        let cite = cite_text.height(names, 0.875 * EM, 1.45).max(if b.id.is_some() { BUTTON } else { 0.0 });
        gap + 2.2 * EM + quote.height(chars(&q.text), size, 1.5) + 0.9 * 0.875 * EM + cite
    });
    block(c, word(b, Label::Quotes)) + each.sum::<f64>()
}

/// Each section: its rule, heading and paragraphs.
fn sections(b: &Brief, c: &Column) -> f64 {
    let each = b.sections.iter().map(|s| {
        let mut h = 1.75 * EM + 1.0 + 1.5 * EM + c.sans.height(letters(&s.heading), 1.25 * EM, 1.3) + 0.8 * 1.25 * EM;
        for (i, p) in shown(&s.paragraphs).iter().enumerate() {
            h += c.text.height(chars(p), 1.0625 * EM, 1.6) + if i > 0 { 1.0625 * EM } else { 0.0 };
        }
        h + toggle(s.paragraphs.len())
    });
    each.sum()
}

/// The related links: items ruled off below and padded .8em, the first
/// one not above; a line of kind, author and date under a title.
fn related(b: &Brief, c: &Column) -> f64 {
    if b.related.is_empty() {
        return 0.0;
    }
    let each = shown(&b.related).iter().map(|r| {
        let meta = [r.kind.as_ref(), r.author.as_ref()].into_iter().flatten().map(|s| letters(s) + 3.0).sum::<f64>()
            + if r.date.is_some() { 23.0 } else { 0.0 };
        c.sans.height(letters(&r.title), 1.0625 * EM, 1.35)
            + 1.6 * EM
            + 1.0
            + if meta > 0.0 { c.sans.height(meta, 0.8125 * EM, 1.45) + 0.3 * 0.8125 * EM } else { 0.0 }
    });
    block(c, word(b, Label::Related)) - 0.8 * EM + each.sum::<f64>() + toggle(b.related.len())
}

/// The tags: chips flow in rows .5em apart, a chip that does not fit the
/// rest of a row starting the next one (so rows end short of the column),
/// and a chip wider than the column breaking its label over lines.
fn tags(b: &Brief, c: &Column) -> f64 {
    if b.tags.is_empty() {
        return 0.0;
    }
    const SIZE: f64 = 0.8125 * EM;
    // Padding .9em a side and a 1 px border, around the label.
    let frame = 1.8 * SIZE + 2.0;
    let label = Text { inner: c.inner - frame, letter: SANS_BOLD };
    let (gap, line) = (0.5 * EM, SIZE * 1.4);
    // The rows' heights so far, and how wide the last row is.
    let (mut height, mut row, mut used) = (0.0, 0.0_f64, f64::INFINITY);
    for t in &b.tags {
        let label_width = letters(&t.label);
        let width = (label_width * SIZE * SANS_BOLD + frame).min(c.inner);
        let chip = label.height(label_width, SIZE, 1.4) + 0.6 * SIZE + 2.0;
        if used + gap + width > c.inner {
            height += row + gap;
            (row, used) = (chip, width);
        } else {
            (row, used) = (row.max(chip), used + gap + width);
        }
    }
    // The first row has no gap above it.
    let rows = height + row - gap;
    block(c, word(b, Label::Tags)) + rows.max(line)
}

/// The footer: its margin, rule and padding, the "Read" button. In a card
/// narrower than 26em the button takes the whole row and "Copy link" goes
/// below it.
fn footer(b: &Brief, c: &Column) -> f64 {
    if b.url.is_none() && b.id.is_none() {
        return 0.0;
    }
    // "Read the full brief": a button padded 1.2em a side, its words on as many lines as they need.
    let read = Text { inner: c.inner - 2.4 * 0.9375 * EM, letter: SANS_BOLD };
    let lines = if b.url.is_some() { read.height(word(b, Label::ReadMore), 0.9375 * EM, 1.3) } else { 0.9375 * EM * 1.3 };
    let h = 2.0 * EM + 1.0 + 1.25 * EM + lines + 1.2 * EM;
    if b.url.is_some() && b.id.is_some() && c.inner < 26.0 * EM {
        h + 0.75 * EM + BUTTON
    } else {
        h
    }
}

/// Line boxes of text in a column `inner` pixels wide, in a font whose
/// average letter is `letter` em wide.
struct Text {
    inner: f64,
    letter: f64,
}

impl Text {
    /// The height of text as wide as `chars` average [`letters`] at `size`
    /// px with line height `line`.
    fn height(&self, chars: f64, size: f64, line: f64) -> f64 {
        let per_line = (self.inner / (size * self.letter)).floor().max(1.0);
        // Lines break between words, not letters: a line holds a little less.
        let lines = (chars / (per_line * 0.95)).ceil().max(1.0);
        lines * size * line
    }
}

/// The [`letters`] of a paragraph's runs.
fn chars(p: &Paragraph) -> f64 {
    p.iter().map(|r| letters(&r.text)).sum()
}

/// What an interactive card shows of a list (the rest behind "Show more").
fn shown<T>(items: &[T]) -> &[T] {
    items.get(..interactive_shown(items.len())).unwrap_or(items)
}

/// The "Show more" button under a list of `len` items, if it has one.
fn toggle(len: usize) -> f64 {
    if interactive_shown(len) < len {
        BUTTON + 0.5 * EM
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief(json: &str) -> Brief {
        match crate::validate::load_default(json) {
            Ok(crate::validate::model::Document::One(b)) => b,
            _ => panic!("a brief: {json}"),
        }
    }

    /// Chips that do not fit the rest of a row start the next one: 40 tags
    /// of which one fits a row of a 400 px card take 40 rows, not the 28 their widths add up to.
    #[test]
    fn tags_wrap_a_chip_at_a_time() {
        let chips: Vec<String> = (0..40).map(|i| format!(r#"{{"label":"Topic number {i:02} of the brief"}}"#)).collect();
        let b = brief(&format!(r#"{{"title":"t","tags":[{}]}}"#, chips.join(",")));
        let inner = 400.0 - 2.0 * 20.0 - 2.0;
        let column = Column { inner, text: Text { inner, letter: SERIF }, sans: Text { inner, letter: SANS_BOLD } };
        // A row: the chip's line, its padding and border; .5em between rows.
        let row = 0.8125 * EM * (1.4 + 0.6) + 2.0;
        let forty_rows = block(&column, word(&b, Label::Tags)) + 40.0 * row + 39.0 * 0.5 * EM;
        assert!(tags(&b, &column) >= forty_rows - 0.5, "{} for {forty_rows}", tags(&b, &column));
    }

    /// Words that wrap over many lines (every name, label and word 300
    /// letters long, the browser test's brief) make a card taller than any
    /// bound but the consumer's `maxheight`.
    #[test]
    fn long_words_wrap_and_nothing_caps_the_height() {
        let b = brief(include_str!("../../../tests/e2e/pages/data/longwords.json"));
        // Chromium lays it out 6,687 px tall at 320 px, 4,068 px at 600 px.
        assert!(estimate(&b, 320) >= 6687, "{}", estimate(&b, 320));
        assert!(estimate(&b, 600) >= 4068, "{}", estimate(&b, 600));
    }

    /// Chinese, Japanese and Korean characters are a square em wide, about
    /// two of the serif's average letters: a paragraph of them is as tall
    /// as one of twice as many Latin letters.
    #[test]
    fn wide_characters_count_as_two_letters() {
        let with = |text: &str| {
            let json = serde_json::json!({"title": "T", "lang": "zh", "summary": {"paragraphs": [text]}}).to_string();
            estimate(&brief(&json), 320)
        };
        assert_eq!(with(&"国".repeat(400)), with(&"a".repeat(800)));
        assert!(with(&"国".repeat(400)) > with(&"a".repeat(400)));
    }

    /// The declarations of src/card.css whose measures [`super::estimate`]
    /// repeats (its comments say which): a change to one of them fails
    /// here, to be carried into the estimate (and checked against the
    /// browser by tests/e2e/oembed.test.mjs).
    const MEASURED: &[&str] = &[
        "padding:clamp(18px,4%,32px) clamp(16px,5%,36px)",
        "border:1px solid var(--bd)",
        "border-top:4px solid var(--ac)",
        ".bc-header{margin-bottom:1.4em}",
        ".bc-eyebrow{margin-bottom:.7em}",
        "font:700 clamp(1.4em,1.05em + 2.6cqi,2.2em)/1.18",
        ".bc-publisher{display:flex;align-items:center;gap:.5em;margin-top:.8em;font-size:.875em}",
        ".bc-byline{margin-top:.8em;font:500 .875em/1.45",
        ".bc-figure{margin-bottom:1.5em}",
        ".bc-caption{margin-top:.5em}",
        ".bc-block{margin-top:1.75em}",
        ".bc-heading{font:700 .75em/1.3 var(--ss);margin-bottom:.8em;letter-spacing:.12em;text-transform:uppercase",
        ".bc-section{border-top:1px solid var(--bd);padding-top:1.5em}",
        ".bc-heading.bc-section-heading{font-size:1.25em",
        ".bc-p{max-width:65ch;margin-bottom:1em;font-size:1.0625em}",
        "font-size:clamp(1.0625em,1em + .8cqi,1.1875em);line-height:1.55",
        "font-size:clamp(1.125em,1em + 1cqi,1.25em);line-height:1.5",
        ".bc-quote{padding:1.1em 1.3em;margin-bottom:1em;border-inline-start:4px",
        ".bc-cite{margin-top:.9em;font-size:.875em",
        ".bc-related-item{border-bottom:1px solid var(--bd);padding:.8em 0}",
        ".bc-meta{margin-top:.3em}",
        ".bc-chips{display:flex;flex-wrap:wrap;gap:.5em}",
        ".bc-chip{display:inline-block;padding:.3em .9em;border:1px solid",
        "font:500 .8125em/1.4 var(--ss)",
        "margin-top:2em;justify-content:space-between;border-top:1px solid var(--bd);padding-top:1.25em",
        ".bc-read-more{overflow-wrap:anywhere;padding:.6em 1.2em",
        "font:700 .9375em/1.3 var(--ss)",
        ".bc-copy,.bc-toggle{margin:0;padding:.35em .85em",
        "font:600 .8125em/1.3 var(--ss)",
        ".bc-toggle{margin-top:.9em}",
        "@container (max-width:26em)",
    ];

    #[test]
    fn the_estimate_uses_the_stylesheets_measures() {
        let css = include_str!("../../card.css");
        let missing: Vec<&str> = MEASURED.iter().copied().filter(|d| !css.contains(d)).collect();
        assert!(missing.is_empty(), "src/card.css changed these; carry the change into height.rs: {missing:?}");
    }
}
