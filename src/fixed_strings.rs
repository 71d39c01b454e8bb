//! The fixed strings: every tag name, attribute name and fixed attribute
//! value (class names, `dir="auto"`, …) the view's code writes. The view
//! names each by its number in one table, [`Fixed`], found when compiling
//! (`f!("part")`), so a call passes one small number instead of a string's
//! address and length (which costs the wasm module several bytes a call).
//! The DOM sink sends the whole table to the page once, with the first card
//! (`dom.rs`; `dom_builder.js` keeps it in the same order), and names each
//! string by its number after that; the HTML sink reads the strings back.
//! Plain Rust, so it is tested natively.


/// One of the fixed strings: its number in the table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fixed(u8);

/// `f!("part")`: the [`Fixed`] of a string in the table, found when
/// compiling (a string not in the table is a compile error).
macro_rules! f {
    ($s:literal) => {
        const { $crate::fixed_strings::Fixed::of($s) }
    };
}
pub(crate) use f;

/// The table. ASCII only (checked when compiling), so a string's end in
/// UTF-16 units, as JS counts, is its end in bytes. The view names the
/// first few most often, and a number under 64 takes a byte less in wasm;
/// tags and classes come next, as the HTML sink looks them up most.
const TABLE: &[&str] = &[
    "class", "dir", "auto", "role",
    // the DOM-only attributes, together (see `Fixed::is_dom_only`)
    "part", "data-block", "data-more", "data-less", "data-anchor", "data-done",
    // tags
    "p", "span", "a", "div", "article", "header", "footer", "section", "nav", "figure", "figcaption", "blockquote", "img",
    "h2", "h3", "ul", "li", "time", "button", "strong", "em",
    // classes
    "bc-p", "bc-link", "bc-heading", "bc-heading bc-section-heading", "bc-feed", "bc-feed-item", "bc-card bc-light",
    "bc-card bc-dark", "bc-card bc-auto", "bc-card bc-light bc-compact", "bc-card bc-dark bc-compact",
    "bc-card bc-auto bc-compact", "bc-header", "bc-eyebrow", "bc-kind", "bc-date", "bc-title", "bc-title-link",
    "bc-publisher", "bc-logo", "bc-publisher-name", "bc-figure", "bc-image", "bc-caption", "bc-block bc-summary",
    "bc-block bc-section", "bc-block bc-quotes", "bc-block bc-related", "bc-block bc-tags", "bc-rest", "bc-toggle",
    "bc-quote", "bc-blockquote", "bc-cite", "bc-author", "bc-role", "bc-copy", "bc-related-list",
    "bc-related-list bc-rest", "bc-related-item", "bc-related-link", "bc-meta", "bc-meta-kind", "bc-meta-author",
    "bc-meta-date", "bc-chips", "bc-tag", "bc-chip", "bc-footer", "bc-read-more", "bc-status",
    // other attribute names
    "id", "href", "src", "alt", "lang", "type", "hidden", "aria-label", "aria-expanded", "aria-controls", "datetime",
    "target", "rel", "width", "height", "loading", "decoding",
    // other values
    "ltr", "rtl", "list", "listitem", "status", "card", "summary", "quotes", "related", "tags", "title", "kind", "image",
    "quote", "tag", "read-more", "false", "", "20", "lazy", "async", "_blank", "noopener noreferrer",
];

/// The number of strings in the table.
const COUNT: usize = TABLE.len();
// Below 256, not at most: `0..COUNT as u8` (in `all`) would be empty at 256.
const _: () = assert!(COUNT < 256, "a Fixed is one byte");

/// The table's strings, each ended by `|` (which none holds): the HTML
/// sink found one as the `n`th field (kept for the test of the table).
#[cfg_attr(not(test), allow(dead_code))]
static TEXT: &str = match core::str::from_utf8(&JOINED) {
    Ok(text) => text,
    Err(_) => panic!("the table joins to UTF-8"),
};

#[cfg_attr(not(test), allow(dead_code))]
const LEN: usize = {
    let mut len = 0;
    let mut rest = TABLE;
    while let [s, tail @ ..] = rest {
        assert!(s.is_ascii(), "fixed strings are ASCII");
        len += s.len() + 1;
        rest = tail;
    }
    len
};

// Evaluated only when compiling (for `static`s), where an index out of
// bounds would be a compile error, not a panic.
#[allow(clippy::indexing_slicing)]
#[cfg_attr(not(test), allow(dead_code))]
const JOINED: [u8; LEN] = {
    let mut out = [0; LEN];
    let (mut at, mut rest) = (0, TABLE);
    while let [s, tail @ ..] = rest {
        let mut bytes = s.as_bytes();
        while let [b, more @ ..] = bytes {
            assert!(*b != b'|', "no fixed string holds the separator");
            out[at] = *b;
            at += 1;
            bytes = more;
        }
        out[at] = b'|';
        at += 1;
        rest = tail;
    }
    out
};

const fn same(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    while let ([x, xs @ ..], [y, ys @ ..]) = (a, b) {
        if *x != *y {
            return false;
        }
        (a, b) = (xs, ys);
    }
    true
}

impl Fixed {
    /// The string `s` of the table. For `f!` only, which calls it when
    /// compiling: a string not in the table fails the assertion there, so
    /// the build stops (no input ever reaches this).
    pub(crate) const fn of(s: &str) -> Fixed {
        let (mut i, mut rest) = (0, TABLE);
        while let [t, tail @ ..] = rest {
            if same(t, s) {
                break;
            }
            i += 1;
            rest = tail;
        }
        assert!(i < COUNT, "not a fixed string: add it to TABLE in src/fixed_strings.rs");
        Fixed(i as u8)
    }

    /// Every string of the table, in order.
    #[cfg(test)]
    pub(crate) fn all() -> impl Iterator<Item = Fixed> {
        (0..COUNT as u8).map(Fixed)
    }

    /// Whether it names an attribute for the live DOM only (`part`,
    /// `data-*`), which static HTML drops: a range of the table, compared
    /// as numbers rather than by text.
    pub fn is_dom_only(self) -> bool {
        f!("part").0 <= self.0 && self.0 <= f!("data-done").0
    }

    /// The string `n` places after this one in the table.
    pub(crate) fn plus(self, n: u8) -> Fixed {
        Fixed(self.0 + n)
    }

    /// Its number in the table.
    pub fn number(self) -> u32 {
        u32::from(self.0)
    }

    /// The string.
    pub fn as_str(self) -> &'static str {
        TABLE.get(usize::from(self.0)).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_reads_back_and_is_found_by_its_text() {
        assert_eq!(Fixed::all().map(|f| [f.as_str(), "|"].concat()).collect::<String>(), TEXT);
        for (i, s) in TABLE.iter().enumerate() {
            assert!(!TABLE[..i].contains(s), "{s:?} twice");
            let f = Fixed::of(s);
            assert_eq!((f.number(), f.as_str()), (i as u32, *s));
        }
        assert_eq!(f!("part").as_str(), "part");
        assert_eq!(f!("").as_str(), "");
        assert_eq!(f!("bc-status").as_str(), "bc-status");
        for f in Fixed::all() {
            assert_eq!(f.is_dom_only(), f.as_str() == "part" || f.as_str().starts_with("data-"), "{}", f.as_str());
        }
    }
}
