//! Tiny string helpers used instead of `format!`: `core::fmt` costs the wasm
//! module kilobytes, and these few concatenations are all we need.

#[allow(unused_imports)]
use crate::prelude::*;

pub type Str = String;

/// Appends the decimal digits of `n`.
pub fn push_num(s: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        s.push(char::from(d));
    }
}

/// Concatenates string pieces.
pub fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
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
    }
}
