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

/// Concatenates string pieces.
pub fn cat(parts: &[&str]) -> String {
    let mut len = 0;
    for p in parts {
        len += p.len();
    }
    let mut s = String::with_capacity(len);
    for p in parts {
        s.push_str(p);
    }
    s
}

/// `s` cut at its first `sep` byte, without it: like `s.split_once(sep)`
/// for an ASCII `sep`, but a plain loop (std's char searcher and its
/// `memchr` cost the wasm module more than this).
pub fn cut(s: &str, sep: u8) -> Option<(&str, &str)> {
    // A plain loop rather than `position`, whose `try_fold` only this used.
    for (at, b) in s.bytes().enumerate() {
        if b == sep {
            // An ASCII byte is always a character boundary on both sides.
            return Some((s.get(..at)?, s.get(at + 1..)?));
        }
    }
    None
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

/// `n` as decimal text.
pub fn num(n: usize) -> String {
    let mut s = String::new();
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
}
