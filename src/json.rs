//! A small, strict JSON reader (RFC 8259) that builds a [`Value`] tree.
//!
//! The command line's reader (and the tests'): in the browser the engine's
//! `JSON.parse` reads the brief, handed over through src/json_tokens.rs,
//! into the same [`Value`]. Why not serde_json: we want our own limits
//! enforced *while* parsing, nesting depth (so hostile input cannot overflow
//! the stack) and a byte budget checked before we start, the same as the
//! browser's side; and errors carry a line and column so a host developer
//! can find the typo.

#[allow(unused_imports)]
use crate::prelude::*;

use alloc::borrow::Cow;

use crate::limits;
use crate::text::{push_num, Str};

/// A parsed JSON value. Numbers keep their source text: the format only ever
/// compares `version` with `1`, so we never pay for float parsing. Strings
/// and names without escapes borrow from the text (most do): the brief is
/// decoded once, into what validation keeps.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// JSON `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as its source text (never converted to a float).
    Number(Cow<'a, str>),
    /// A string, with escapes decoded.
    String(Cow<'a, str>),
    /// An array, in source order.
    Array(Vec<Value<'a>>),
    /// Members in source order; a repeated key: the last one wins, as in `JSON.parse`.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The member `key` of an object (the last, if repeated); `None` for a missing key or a non-object.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What a problem message calls this kind of value ("a string", "an array", …).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Where and why the text is not JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column of the error, counted in characters.
    pub column: usize,
    /// What was expected or wrong there.
    pub reason: &'static str,
}

impl ParseError {
    /// "invalid JSON at line 3, column 7: expected ',' or '}'"
    pub fn message(&self) -> String {
        let mut s = Str::from("invalid JSON at line ");
        push_num(&mut s, self.line);
        s.push_str(", column ");
        push_num(&mut s, self.column);
        s.push_str(": ");
        s.push_str(self.reason);
        s
    }
}

/// Parses `text` as one JSON value, refusing nesting deeper than [`limits::MAX_DEPTH`].
pub fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    let mut p = Parser { text, pos: 0, reason: "" };
    p.document().ok_or_else(|| p.error())
}

/// The length of the run of bytes at the start of `s` that a JSON string
/// holds as they are: up to the first quote, backslash or control byte.
/// Eight bytes at a time (a brief is mostly such runs): in a word of bytes,
/// `(w - 0x01..) & !w & 0x80..` flags the bytes that are zero, and the lowest
/// flag is always a true one, so it gives the first match.
fn plain_run(s: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    let mut words = s.chunks_exact(8);
    let mut done = 0;
    for chunk in &mut words {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let hits = below(w ^ (ONES * u64::from(b'"')), 1) | below(w ^ (ONES * u64::from(b'\\')), 1) | below(w, 0x20);
        if hits != 0 {
            return done + (hits.trailing_zeros() / 8) as usize;
        }
        done += 8;
    }
    // The last few bytes one at a time (a plain loop: `position` costs a
    // `try_fold` of its own).
    for &b in words.remainder() {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        done += 1;
    }
    done
}

/// The readers return `None` when the text is not JSON, having recorded why
/// in `reason`; the position is where they stopped, and the line and column
/// are counted from it once, at the end. (An `Option` rather than a
/// `Result` carrying the `ParseError`: passing the error up through every
/// `?` cost the module more.)
struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// Why the text is not JSON, once a reader has returned `None`.
    reason: &'static str,
}

impl<'a> Parser<'a> {
    /// The whole text as one value.
    fn document(&mut self) -> Option<Value<'a>> {
        // A byte-order mark is not JSON, but editors write one; skip it.
        if self.rest().starts_with("\u{feff}".as_bytes()) {
            self.pos = 3;
        }
        self.skip_ws();
        let v = self.value(0)?;
        self.skip_ws();
        if self.pos < self.text.len() {
            return self.fail("unexpected text after the JSON value");
        }
        Some(v)
    }

    /// Records why the text is not JSON (at the current position).
    fn fail<T>(&mut self, reason: &'static str) -> Option<T> {
        self.reason = reason;
        None
    }

    /// The error a reader recorded, with the line and column it stopped at.
    fn error(&self) -> ParseError {
        let (mut line, mut column) = (1, 1);
        for &b in self.bytes().get(..self.pos).unwrap_or(self.bytes()) {
            if b == b'\n' {
                (line, column) = (line + 1, 1);
            } else if b & 0xC0 != 0x80 {
                // Columns count characters, not bytes: skip UTF-8 continuation bytes.
                column += 1;
            }
        }
        ParseError { line, column, reason: self.reason }
    }

    /// The text from `start` to the current position. The parser only ever
    /// stops next to ASCII bytes, so this is always `Some`.
    fn slice(&self, start: usize) -> Option<&'a str> {
        self.text.get(start..self.pos)
    }

    /// The text as bytes: the parser looks at one byte at a time.
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The bytes from the current position on.
    fn rest(&self) -> &'a [u8] {
        self.bytes().get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &[u8], v: Value<'a>) -> Option<Value<'a>> {
        if self.rest().starts_with(word) {
            self.pos += word.len();
            Some(v)
        } else {
            self.fail("unexpected character")
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value<'a>> {
        match self.peek() {
            None => self.fail("unexpected end of input"),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.expect_word(b"true", Value::Bool(true)),
            Some(b'f') => self.expect_word(b"false", Value::Bool(false)),
            Some(b'n') => self.expect_word(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("unexpected character"),
        }
    }

    fn enter(&mut self, depth: usize) -> Option<()> {
        if depth > limits::MAX_DEPTH {
            self.fail("nested too deeply")
        } else {
            Some(())
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value<'a>> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Some(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Some(Value::Array(items));
                }
                None => return self.fail("unexpected end of input: expected ',' or ']'"),
                Some(_) => return self.fail("expected ',' or ']'"),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value<'a>> {
        self.enter(depth)?;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Some(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return self.fail("expected a property name in double quotes");
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return self.fail("expected ':' after a property name");
            }
            self.pos += 1;
            self.skip_ws();
            let v = self.value(depth)?;
            members.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Some(Value::Object(members));
                }
                None => return self.fail("unexpected end of input: expected ',' or '}'"),
                Some(_) => return self.fail("expected ',' or '}'"),
            }
        }
    }

    fn number(&mut self) -> Option<Value<'a>> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let s = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos > s
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return self.fail("invalid number");
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return self.fail("invalid number: expected a digit after '.'");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !digits(self) {
                return self.fail("invalid number: expected a digit in the exponent");
            }
        }
        Some(Value::Number(Cow::Borrowed(self.slice(start).unwrap_or("0"))))
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0u32;
        for _ in 0..4 {
            let Some(d) = self.peek().and_then(|c| char::from(c).to_digit(16)) else {
                return self.fail("invalid \\u escape: expected four hex digits");
            };
            n = n * 16 + d;
            self.pos += 1;
        }
        Some(n)
    }

    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        let mut first = true;
        loop {
            // The run of plain bytes up to the next quote, backslash or control.
            let start = self.pos;
            self.pos += plain_run(self.rest());
            let run = self.slice(start).unwrap_or("\u{fffd}");
            match self.peek() {
                None => return self.fail("unterminated string"),
                Some(b'"') => {
                    self.pos += 1;
                    if first {
                        // No escape in the whole string (the common case): borrowed, not copied.
                        return Some(Cow::Borrowed(run));
                    }
                    out.push_str(run);
                    return Some(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(run);
                    first = false;
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let hi = self.hex4()?;
                            out.push(self.surrogate_pair(hi)?);
                            continue;
                        }
                        _ => return self.fail("invalid escape in string"),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return self.fail("control character in string (escape it, e.g. \\n)"),
            }
        }
    }

    /// Completes a `\uXXXX` escape. A lone surrogate (legal JSON, not a legal
    /// Rust string) becomes U+FFFD, as `TextDecoder` would.
    fn surrogate_pair(&mut self, hi: u32) -> Option<char> {
        if (0xD800..0xDC00).contains(&hi) && self.rest().starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            let lo = self.hex4()?;
            if (0xDC00..0xE000).contains(&lo) {
                let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return Some(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.pos = save; // not a pair: the second escape is read on its own
        }
        Some(char::from_u32(hi).unwrap_or('\u{fffd}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_runs_end_at_the_first_quote_backslash_or_control_byte() {
        let naive = |s: &[u8]| s.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(s.len());
        // Every stop byte (and near misses) at every position of strings of 0..20 bytes,
        // among ASCII, UTF-8 and high bytes (which must not be taken for stops).
        let fill = [b'a', 0x7f, 0x80, 0xff, 0x21, 0x5d, 0x1f + 1, 0xc3];
        for len in 0..20 {
            for at in 0..=len {
                for stop in [b'"', b'\\', 0, 0x1f, b'\n', 0x20, 0x23, 0x5b, 0xa2, 0xdc] {
                    for f in fill {
                        let mut v = vec![f; len];
                        if at < len {
                            v[at] = stop;
                        }
                        if at + 1 < len {
                            v[at + 1] = b'"'; // a second stop after the first
                        }
                        assert_eq!(plain_run(&v), naive(&v), "{v:?}");
                    }
                }
            }
        }
    }

    fn obj(pairs: &[(&'static str, Value<'static>)]) -> Value<'static> {
        Value::Object(pairs.iter().map(|(k, v)| ((*k).into(), v.clone())).collect())
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00"} "#).unwrap();
        let arr = Value::Array(vec![
            Value::Number("1".into()),
            Value::Number("-2.5e3".into()),
            Value::Bool(true),
            Value::Bool(false),
            Value::Null,
        ]);
        assert_eq!(v, obj(&[("a", arr), ("b", Value::String("x\"\\/\né😀".into()))]));
    }

    #[test]
    fn last_repeated_key_wins() {
        let v = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number("2".into())));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let v = parse(r#""\ud800x\udc00""#).unwrap();
        assert_eq!(v, Value::String("\u{fffd}x\u{fffd}".into()));
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse("{\n  \"title\": \"x\",\n  oops\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3));
        assert_eq!(e.message(), "invalid JSON at line 3, column 3: expected a property name in double quotes");
        // Lines end at \n only; columns count characters (here é and 日本 are one each).
        for (text, at) in [("{\r\n\"é\": x}", (2, 6)), ("[\"日本\", tru]", (1, 8)), ("\n\n   \"a\\q\"", (3, 7)), ("[1,\n2,\n]", (3, 1))] {
            let e = parse(text).unwrap_err();
            assert_eq!((e.line, e.column), at, "{text:?}");
        }
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "\"a\nb\"", "nul", "[] []", "'a'", "-"] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().reason, "nested too deeply");
        let ok = format!("{}{}", "[".repeat(limits::MAX_DEPTH), "]".repeat(limits::MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
