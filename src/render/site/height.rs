//! How tall the embed page's card is at a given width, estimated from its
//! text and the measures of src/card.css.
//!
//! oEmbed gives a consumer a fixed frame height, and a frame shorter than
//! its card shows a scroll bar inside the reader's page, so the estimate
//! leans high: letters as wide as in the wide fallback fonts (DejaVu, what
//! headless Chromium on Debian draws the card in, checked against it by
//! tests/e2e/oembed.test.mjs), and a margin on top. A frame a little too
//! tall only leaves space under the card.

use crate::validate::model::{Brief, Paragraph};
use crate::view::interactive_shown;

/// Root font size of the frame's document, in CSS pixels.
const EM: f64 = 16.0;
/// The average advance of a letter of the body's serif, in em.
const SERIF: f64 = 0.53;
/// The same for the bold sans serif of the title and the related links.
const SANS_BOLD: f64 = 0.6;
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
    let (text, sans) = (Text { inner, letter: SERIF }, Text { inner, letter: SANS_BOLD });
    let mut h = 2.0 * pad_y + 5.0;

    // The header: eyebrow, title (its size grows with the card: 1.05em + 2.6cqi), byline, publisher.
    if b.kind.is_some() || b.date.is_some() || b.updated.is_some() {
        h += 0.8125 * EM * 1.45 + 0.7 * EM;
    }
    let title = (1.05 * EM + 0.026 * inner).clamp(1.4 * EM, 2.2 * EM);
    h += sans.height(b.title.chars().count(), title, 1.18);
    let small_line = 0.875 * EM * 1.45 + 0.8 * EM;
    if !b.authors.is_empty() {
        h += small_line;
    }
    if b.publisher.is_some() {
        h += small_line;
    }
    h += 1.4 * EM;

    if let Some(img) = &b.image {
        let shape = match (img.width, img.height) {
            (Some(w), Some(h)) if w > 0 => f64::from(h) / f64::from(w),
            _ => 9.0 / 16.0,
        };
        h += inner * shape + 1.5 * EM;
        if let Some(c) = &img.caption {
            h += sans.height(c.chars().count(), 0.8125 * EM, 1.45) + 0.5 * EM;
        }
    }
    // A block: its top margin and its small heading.
    let block = 1.75 * EM + 0.75 * EM * (1.3 + 0.8);
    if let Some(s) = &b.summary {
        let lead = (EM + 0.008 * inner).clamp(1.0625 * EM, 1.1875 * EM);
        h += block;
        for (i, p) in shown(&s.paragraphs).iter().enumerate() {
            let (size, line) = if i == 0 { (lead, 1.55) } else { (1.0625 * EM, 1.6) };
            // Paragraphs are 1em apart.
            h += text.height(chars(p), size, line) + if i > 0 { size } else { 0.0 };
        }
        h += toggle(s.paragraphs.len());
    }
    if !b.quotes.is_empty() {
        h += block;
        let quote = Text { inner: inner - 2.6 * EM - 4.0, letter: SERIF };
        let size = (EM + 0.01 * inner).clamp(1.125 * EM, 1.25 * EM);
        for (i, q) in b.quotes.iter().enumerate() {
            // The gap above, padding, the text, the citation (with its "Copy
            // link" when the brief has an id).
            let cite = (0.875 * EM * 1.45).max(if b.id.is_some() { BUTTON } else { 0.0 });
            let gap = if i > 0 { EM } else { 0.0 };
            h += gap + 2.2 * EM + quote.height(chars(&q.text), size, 1.5) + 0.9 * 0.875 * EM + cite;
        }
    }
    for s in &b.sections {
        h += 1.75 * EM + 1.0 + 1.5 * EM + sans.height(s.heading.chars().count(), 1.25 * EM, 1.3) + 0.8 * 1.25 * EM;
        for (i, p) in shown(&s.paragraphs).iter().enumerate() {
            h += text.height(chars(p), 1.0625 * EM, 1.6) + if i > 0 { 1.0625 * EM } else { 0.0 };
        }
        h += toggle(s.paragraphs.len());
    }
    if !b.related.is_empty() {
        // Items are ruled off below and padded .8em, the first one not above.
        h += block - 0.8 * EM;
        for r in shown(&b.related) {
            let meta = r.kind.is_some() || r.author.is_some() || r.date.is_some();
            h += sans.height(r.title.chars().count(), 1.0625 * EM, 1.35) + 1.6 * EM + 1.0;
            if meta {
                h += 0.8125 * EM * 1.45 + 0.3 * 0.8125 * EM;
            }
        }
        h += toggle(b.related.len());
    }
    if !b.tags.is_empty() {
        // Chips flow in rows: each its letters, padding and gap.
        let chip_row = 0.8125 * EM * 1.4 + 0.6 * 0.8125 * EM + 2.0;
        let widths: f64 = b.tags.iter().map(|t| t.label.chars().count() as f64 * 0.8125 * EM * SANS_BOLD + 1.8 * 0.8125 * EM + 10.0).sum();
        let rows = (widths / inner).ceil().max(1.0);
        h += block + rows * chip_row + (rows - 1.0) * 0.5 * EM;
    }
    if b.url.is_some() || b.id.is_some() {
        // The footer: its margin, rule and padding, the "Read" button.
        h += 2.0 * EM + 1.0 + 1.25 * EM + 0.9375 * EM * 1.3 + 1.2 * EM;
        // In a card narrower than 26em the button takes the whole row and
        // "Copy link" goes below it.
        if b.url.is_some() && b.id.is_some() && inner < 26.0 * EM {
            h += 0.75 * EM + BUTTON;
        }
    }
    // The margin on top (see the module's comment), then whole tens.
    let h = (h * 1.04 / 10.0).ceil() * 10.0;
    h.clamp(160.0, 4000.0) as u32
}

/// Line boxes of text in a column `inner` pixels wide, in a font whose
/// average letter is `letter` em wide.
struct Text {
    inner: f64,
    letter: f64,
}

impl Text {
    /// The height of `chars` letters at `size` px with line height `line`.
    fn height(&self, chars: usize, size: f64, line: f64) -> f64 {
        let per_line = (self.inner / (size * self.letter)).floor().max(1.0);
        // Lines break between words, not letters: a line holds a little less.
        let lines = (chars as f64 / (per_line * 0.95)).ceil().max(1.0);
        lines * size * line
    }
}

/// The letters of a paragraph's runs.
fn chars(p: &Paragraph) -> usize {
    p.iter().map(|r| r.text.chars().count()).sum()
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
