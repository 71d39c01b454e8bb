//! HTML escaping, in one place: every text and attribute value the HTML
//! sink writes goes through here.

#[allow(unused_imports)]
use crate::prelude::*;

/// Escapes text content: `&`, `<`, `>` (and NUL, which HTML parsers drop or replace).
pub fn text(out: &mut String, s: &str) {
    escape(out, s, false)
}

/// Escapes a double-quoted attribute value: also `"` and `'`.
pub fn attr(out: &mut String, s: &str) {
    escape(out, s, true)
}

fn escape(out: &mut String, s: &str, in_attr: bool) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if in_attr => "&quot;",
            b'\'' if in_attr => "&#39;",
            0 => "\u{fffd}",
            _ => continue,
        };
        // `last` and `i` sit next to ASCII bytes, so both are char boundaries.
        out.push_str(s.get(last..i).unwrap_or_default());
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(s.get(last..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    fn t(s: &str) -> String {
        let mut o = String::new();
        super::text(&mut o, s);
        o
    }
    fn a(s: &str) -> String {
        let mut o = String::new();
        super::attr(&mut o, s);
        o
    }

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(t("<script>alert('x') & \"y\"</script>"), "&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;");
        assert_eq!(a("\" onmouseover='x' <b>&"), "&quot; onmouseover=&#39;x&#39; &lt;b&gt;&amp;");
        assert_eq!(t("a\0b — é"), "a\u{fffd}b — é");
        assert_eq!(t("&amp;"), "&amp;amp;");
    }
}
