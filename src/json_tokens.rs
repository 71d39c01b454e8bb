//! The brief as the browser's own `JSON.parse` read it, in the flat form
//! src/web/flat_form.js writes of the plain copy src/web/copy.js makes
//! (transitional, see src/web/input.rs): in the wasm module this replaces the
//! JSON reader of src/json.rs, which the command line keeps. The browser
//! has a JSON parser already; ours cost the module 1.5 KB gzip.
//!
//! The form, one value after another in document order:
//!
//! - `n`, `t`, `f`: null, true, false;
//! - `#` then a number's text, `"` then a string, each ended by NUL (a NUL
//!   of their own is written as NUL and U+0001: what follows an ending NUL
//!   is always one of the letters here, never U+0001);
//! - `[` then the items, then `]`;
//! - `{` then each member's name (written as a string is) and value, then `}`.
//!
//! copy.js has already refused nesting deeper than [`limits::MAX_DEPTH`]
//! (with the reader's own message); the check here only keeps a form that
//! did not come from flat_form.js from recursing without bound.

#[allow(unused_imports)]
use crate::prelude::*;

use alloc::borrow::Cow;

use crate::json::Value;
use crate::limits;

/// The value `form` holds; `None` if it is not one value in the form above.
pub fn decode(form: &str) -> Option<Value<'_>> {
    let mut r = Reader { text: form, pos: 0 };
    let v = r.value(0)?;
    (r.pos == form.len()).then_some(v)
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn next(&mut self) -> Option<u8> {
        let b = *self.text.as_bytes().get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// True (and past it) when the next byte is the container's end `end`.
    fn ends(&mut self, end: u8) -> bool {
        let at_end = self.text.as_bytes().get(self.pos) == Some(&end);
        self.pos += usize::from(at_end);
        at_end
    }

    fn value(&mut self, depth: usize) -> Option<Value<'a>> {
        Some(match self.next()? {
            b'n' => Value::Null,
            b't' => Value::Bool(true),
            b'f' => Value::Bool(false),
            // One call of `text` for both.
            kind @ (b'#' | b'"') => {
                let text = self.text()?;
                if kind == b'#' { Value::Number(text) } else { Value::String(text) }
            }
            // Arrays and objects in one loop: an object's items are its
            // names (strings), each followed by its value.
            open @ (b'[' | b'{') if depth <= limits::MAX_DEPTH => {
                let (mut items, mut members) = (Vec::new(), Vec::new());
                // `]` and `}` follow `[` and `{` by two in ASCII.
                while !self.ends(open + 2) {
                    let item = self.value(depth + 1)?;
                    if open == b'[' {
                        items.push(item);
                    } else {
                        let Value::String(name) = item else { return None };
                        members.push((name, self.value(depth + 1)?));
                    }
                }
                if open == b'[' { Value::Array(items) } else { Value::Object(members) }
            }
            _ => return None,
        })
    }

    /// A string or number up to its ending NUL, borrowed unless it holds a
    /// NUL of its own (written as NUL and U+0001, which is dropped).
    fn text(&mut self) -> Option<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut escaped = false;
        loop {
            match bytes.get(self.pos)? {
                0 if bytes.get(self.pos + 1) == Some(&1) => {
                    escaped = true;
                    self.pos += 2;
                }
                0 => break,
                _ => self.pos += 1,
            }
        }
        let s = self.text.get(start..self.pos)?;
        self.pos += 1;
        if !escaped {
            return Some(Cow::Borrowed(s));
        }
        // Grown as it goes: only a text holding a NUL, which is rare, is rebuilt.
        let mut out = String::new();
        let mut after_nul = false;
        for c in s.chars() {
            if !(after_nul && c == '\u{1}') {
                out.push(c);
            }
            after_nul = c == '\0';
        }
        Some(Cow::Owned(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Value<'_> {
        Value::String(Cow::Borrowed(t))
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = decode("{\"title\0\"Raisi\0\"tags\0[{\"label\0\"Iran\0}]\"n\0n\"v\0#1\0\"ok\0t\"f\0f}").unwrap();
        assert_eq!(v.get("title"), Some(&s("Raisi")));
        assert_eq!(v.get("n"), Some(&Value::Null));
        assert_eq!(v.get("v"), Some(&Value::Number(Cow::Borrowed("1"))));
        assert_eq!(v.get("ok"), Some(&Value::Bool(true)));
        let Some(Value::Array(tags)) = v.get("tags") else { panic!("{v:?}") };
        assert_eq!(tags[0].get("label"), Some(&s("Iran")));
        // The member named "n" is the null, not the `n` that follows it; `t` is not a member.
        assert_eq!(v.get("t"), None);
        assert_eq!(decode("f"), Some(Value::Bool(false)));
        assert_eq!(decode("[]"), Some(Value::Array(Vec::new())));
        assert_eq!(decode("\"\0"), Some(s("")));
    }

    #[test]
    fn a_nul_of_the_text_is_kept_and_its_mark_dropped() {
        let owned = |t: &str| Some(Value::String(Cow::Owned(t.into())));
        assert_eq!(decode("\"a\0\u{1}b\0"), owned("a\0b"));
        assert_eq!(decode("\"\0\u{1}\0"), owned("\0"));
        assert_eq!(decode("\"\0\u{1}\0\u{1}\0"), owned("\0\0"));
        assert_eq!(decode("\"\u{1}\0\u{1}\u{1}\0"), owned("\u{1}\0\u{1}"));
        // A name that starts with NUL, after a value that ends a string.
        let v = decode("{\"a\0\"x\0\"\0\u{1}\0\"y\0}").unwrap();
        assert_eq!(v.get("a"), Some(&s("x")));
        assert_eq!(v.get("\0"), Some(&s("y")));
    }

    #[test]
    fn anything_else_is_refused_without_a_panic() {
        for bad in ["", "x", "[", "{", "{a\0n}", "{\"a\0", "\"abc", "#1", "nn", "]", "[}", "{\"x\0}", "\"é"] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(decode(&deep(limits::MAX_DEPTH + 1)).is_some(), "as deep as the JSON reader allows");
        assert_eq!(decode(&deep(limits::MAX_DEPTH + 2)), None);
        assert_eq!(decode(&"[".repeat(100_000)), None);
    }
}
