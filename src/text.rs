//! Tiny string helpers used instead of `format!`: `core::fmt` costs the wasm
//! module kilobytes, and these few concatenations are all we need.

#[allow(unused_imports)]
use crate::prelude::*;

/// The string type the helpers build: an alias of `String`.
pub type Str = String;

/// Appends the decimal digits of `n`.
pub fn push_num(s: &mut String, n: usize) {
    if n >= 10 {
        push_num(s, n / 10);
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

/// Concatenates string pieces (short ones: without adding up their
/// lengths first, for a loop less in the module).
pub fn cat(parts: &[&str]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(p);
    }
    s
}

/// `s` cut at its first `sep` byte, without it: like `s.split_once(sep)`
/// for an ASCII `sep`. The piece before is the first [`field`] (all of `s`
/// when there is no `sep`, and then nothing follows it): no loop of its own.
pub fn cut(s: &str, sep: u8) -> Option<(&str, &str)> {
    let head = field(s, sep, 0)?;
    // An ASCII byte is always a character boundary on both sides.
    Some((head, s.get(head.len() + 1..)?))
}

/// The `n`th piece of `s` between `sep` bytes, like `s.split(sep).nth(n)`
/// for an ASCII `sep`, but a plain loop (the split iterator's set-up costs
/// the wasm module more, at each use, than this whole function).
pub fn field(s: &str, sep: u8, n: usize) -> Option<&str> {
    let (mut start, mut seen) = (0, 0);
    for (i, b) in s.bytes().enumerate() {
        if b == sep {
            if seen == n {
                return s.get(start..i);
            }
            seen += 1;
            start = i + 1;
        }
    }
    s.get(start..).filter(|_| seen == n)
}

/// Whether `s` is empty or only (Unicode) whitespace, as
/// `s.trim().is_empty()` says: "must not be empty" means this. Through
/// [`trim`], rather than a loop of its own.
pub fn is_blank(s: &str) -> bool {
    trim(s).is_empty()
}

/// `s` without its leading and trailing (Unicode) whitespace, as
/// `str::trim` gives it, in one pass from the front: std's trim reads from
/// both ends, and decoding backwards costs the module ~500 B more. (A
/// pass over the whole string, also for [`is_blank`], which could stop at
/// the first letter: a few microseconds for the longest texts of a brief.)
/// The offsets come from what is left
/// of the `Chars` iterator, not from `char_indices`, whose `next` only this
/// used.
pub fn trim(s: &str) -> &str {
    let (mut start, mut end) = (None, 0);
    let mut chars = s.chars();
    loop {
        let at = s.len() - chars.as_str().len();
        let Some(c) = chars.next() else { break };
        if !c.is_whitespace() {
            start.get_or_insert(at);
            end = s.len() - chars.as_str().len();
        }
    }
    s.get(start.unwrap_or(0)..end).unwrap_or_default()
}

/// `n` as decimal text.
pub fn num(n: usize) -> String {
    numbered(&[], n)
}

/// The pieces, then `n` in decimal (`section-3`): one string, without the
/// number's own that `cat(&[…, &num(n)])` would build and drop.
pub fn numbered(parts: &[&str], n: usize) -> String {
    let mut s = cat(parts);
    push_num(&mut s, n);
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_and_concatenation() {
        assert_eq!(super::num(0), "0");
        assert_eq!(super::num(1_234_567), "1234567");
        assert_eq!(super::num(usize::MAX), usize::MAX.to_string());
        assert_eq!(super::cat(&["a", "", "bc"]), "abc");
        for s in ["", "a", "a|bc|", "|x||é|"] {
            for n in 0..6 {
                assert_eq!(super::field(s, b'|', n), s.split('|').nth(n), "{s:?} {n}");
            }
            assert_eq!(super::cut(s, b'|'), s.split_once('|'), "{s:?}");
        }
    }

    #[test]
    fn trim_and_blank_agree_with_std() {
        let pieces = ["", " ", "\t\n\r", "\u{a0}", "\u{3000}", "\u{2028}", "\u{85}", "\u{200b}", "\u{feff}", "a", "é", "2023-01-10", "x y", "\u{1f600}"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = [a, b, c].concat();
                    assert_eq!(super::trim(&s), s.trim(), "{s:?}");
                    assert_eq!(super::is_blank(&s), s.trim().is_empty(), "{s:?}");
                }
            }
        }
    }
}
