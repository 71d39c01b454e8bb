//! `dir="auto"` resolved before the card is written, for email: many email
//! clients ignore `auto`, and read Arabic or Hebrew text in the direction
//! around it (aligned to the left in a left-to-right card). So email writes
//! the direction a browser would find, `ltr` or `rtl`, and the inline styles
//! then give each such element the sides and alignment of its direction.
//!
//! A browser finds it as HTML's `dir=auto` algorithm says: the direction of
//! the first strong character (bidirectional class L, R or AL) of the
//! element's text, not counting the text of descendants that have a `dir` of
//! their own; left to right when there is none. [`Resolved::of`] runs the
//! card's view once to find them all, [`Resolved::into_sink`] writes them in
//! the card's second run.

use crate::validate::model::Dir;
use crate::view::sink::Sink;

/// The direction of each element the card marks `dir="auto"`, in the order the view opens them.
pub(crate) struct Resolved(Vec<Dir>);

impl Resolved {
    /// The directions of the `dir="auto"` elements of what `card` writes.
    pub(crate) fn of(card: &dyn Fn(&mut dyn Sink)) -> Resolved {
        let mut probe = Probe::default();
        card(&mut probe);
        Resolved(probe.found.into_iter().map(|d| d.unwrap_or(Dir::Ltr)).collect())
    }

    /// The first element's: the card's own (the view opens the card
    /// first), when its `dir` is `auto`.
    pub(crate) fn first(&self) -> Option<Dir> {
        self.0.first().copied()
    }

    /// A sink that writes into `inner` what the view gives it, with each
    /// `dir="auto"` made the direction found for it.
    pub(crate) fn into_sink(self, inner: &mut dyn Sink) -> impl Sink + '_ {
        Resolving { inner, dirs: self.0.into_iter() }
    }
}

/// An element open in the probe: whether it has a `dir`, and if that is
/// `auto`, where its direction goes in [`Probe::found`].
#[derive(Clone, Copy)]
enum Frame {
    NoDir,
    Explicit,
    Auto(usize),
}

/// A sink that only reads the card: the first strong character of each `dir="auto"` element's own text.
#[derive(Default)]
struct Probe {
    open: Vec<Frame>,
    found: Vec<Option<Dir>>,
}

impl Sink for Probe {
    fn open(&mut self, _tag: &'static str) {
        self.open.push(Frame::NoDir);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        if let (true, Some(frame)) = (name == "dir", self.open.last_mut()) {
            *frame = if value == "auto" {
                self.found.push(None);
                Frame::Auto(self.found.len() - 1)
            } else {
                Frame::Explicit
            };
        }
    }

    fn text(&mut self, text: &str) {
        // The text counts for the innermost element with a `dir`, and only for it.
        if let Some(Frame::Auto(i)) = self.open.iter().rev().find(|f| !matches!(f, Frame::NoDir)) {
            if let Some(slot @ None) = self.found.get_mut(*i) {
                *slot = first_strong(text);
            }
        }
    }

    fn close(&mut self) {
        self.open.pop();
    }
}

/// Writes into `inner`, each `dir="auto"` replaced by the next direction found.
struct Resolving<'a> {
    inner: &'a mut dyn Sink,
    dirs: std::vec::IntoIter<Dir>,
}

impl Sink for Resolving<'_> {
    fn open(&mut self, tag: &'static str) {
        self.inner.open(tag);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        match (name, value) {
            ("dir", "auto") => self.inner.fixed("dir", self.dirs.next().unwrap_or(Dir::Ltr).as_str()),
            _ => self.inner.attr(name, value),
        }
    }

    fn text(&mut self, text: &str) {
        self.inner.text(text);
    }

    fn close(&mut self) {
        self.inner.close();
    }
}

/// The direction of `text`'s first strong character, if it has one.
fn first_strong(text: &str) -> Option<Dir> {
    text.chars().find_map(strong)
}

/// The direction of `c` if it is a strong character. Letters are strong,
/// right to left in the blocks of right-to-left scripts; the marks LRM,
/// RLM and ALM are strong too. This is Unicode's bidirectional class for
/// every letter (the test below checks it) but a few modifier letters
/// (`ˈ`, neutral to Unicode). Where it is not Unicode's class, a text that
/// opens with such a character before its first letter can be given another
/// direction than a browser gives it (a hostile round counted them):
/// combining marks that std counts alphabetic (Arabic harakat, Hebrew
/// points: neutral to Unicode, strong here), and characters that are no
/// letters but strong to Unicode (Hebrew and Arabic punctuation such as `׃`
/// and `؟`, right to left; private-use characters, some digits of Indic
/// scripts and APL's symbols, left to right: neutral here).
///
/// Not `icu_properties`' `BidiClass`, which the test compares with: email
/// is also written in the browser (`renderBriefHtml`), whose wasm carries
/// no ICU data, and this approximation is the same in both.
fn strong(c: char) -> Option<Dir> {
    match c {
        '\u{200E}' => Some(Dir::Ltr),
        '\u{200F}' | '\u{061C}' => Some(Dir::Rtl),
        c if !c.is_alphabetic() => None,
        c if in_rtl_block(c) => Some(Dir::Rtl),
        _ => Some(Dir::Ltr),
    }
}

/// Whether `c` is in a block of right-to-left scripts: Hebrew to Arabic
/// Extended-A, Hebrew and Arabic presentation forms, and the
/// supplementary planes' right-to-left ranges.
fn in_rtl_block(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The card of a paragraph `<p dir=auto>` holding `inner`, as the view
    /// writes one: `("span", text)` an isolated name (`dir="auto"` of its own), `("", text)` plain text.
    fn resolve(inner: &[(&'static str, &str)]) -> Vec<Dir> {
        let card = |w: &mut dyn Sink| {
            w.open("p");
            w.fixed("dir", "auto");
            for &(tag, text) in inner {
                if tag.is_empty() {
                    w.text(text);
                } else {
                    w.open(tag);
                    w.fixed("dir", "auto");
                    w.text(text);
                    w.close();
                }
            }
            w.close();
        };
        Resolved::of(&card).0
    }

    #[test]
    fn an_element_takes_the_first_strong_letter_of_its_own_text() {
        assert_eq!(resolve(&[("", "هذا نص")]), [Dir::Rtl]);
        assert_eq!(resolve(&[("", "2024: עברית, then English")]), [Dir::Rtl], "digits and punctuation are not strong");
        assert_eq!(resolve(&[("", "IRGC قال")]), [Dir::Ltr]);
        // A descendant with a `dir` of its own is left out of its ancestor's text.
        assert_eq!(resolve(&[("span", "كاتب"), ("", " wrote")]), [Dir::Ltr, Dir::Rtl]);
        assert_eq!(resolve(&[("span", "Ann"), ("", " ")]), [Dir::Ltr, Dir::Ltr], "no strong letter: left to right");
        assert_eq!(resolve(&[("", "\u{200F}123")]), [Dir::Rtl], "a right-to-left mark is strong");
    }

    #[test]
    fn writes_the_directions_found_in_place_of_auto() {
        let mut out = String::new();
        let policy = super::super::html_writer::AsIs;
        let mut html = super::super::html_writer::HtmlWriter::new(&mut out, &policy);
        let card = |w: &mut dyn Sink| {
            w.open("p");
            w.fixed("dir", "auto");
            w.text("שלום");
            w.open("span");
            w.fixed("dir", "ltr");
            w.text("x");
            w.close();
            w.close();
        };
        card(&mut Resolved::of(&card).into_sink(&mut html));
        assert_eq!(out, r#"<p dir="rtl">שלום<span dir="ltr">x</span></p>"#);
    }

    /// Every letter is strong in the direction Unicode's bidirectional
    /// class gives it, but for the modifier letters that Unicode counts as
    /// neutral (`ˆ`, `ˈ`); and letters newer than the Unicode of Rust's
    /// `char` are neutral here.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn letters_agree_with_unicode() {
        use icu_properties::props::{BidiClass, GeneralCategory, GeneralCategoryGroup};
        use icu_properties::CodePointMapData;
        let bidi = CodePointMapData::<BidiClass>::new();
        let category = CodePointMapData::<GeneralCategory>::new();
        let letter = |c: char| {
            let gc = category.get(c);
            GeneralCategoryGroup::Letter.contains(gc) && gc != GeneralCategory::ModifierLetter && c.is_alphabetic()
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let unicode = match bidi.get(c) {
                BidiClass::LeftToRight => Some(Dir::Ltr),
                BidiClass::RightToLeft | BidiClass::ArabicLetter => Some(Dir::Rtl),
                _ => None,
            };
            if letter(c) || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}') {
                assert_eq!(strong(c), unicode, "U+{:04X}", u32::from(c));
            }
        }
    }
}
