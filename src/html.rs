//! The HTML string sink: writes the view's stream as HTML text. It knows
//! nothing about briefs; all escaping is delegated to [`crate::escape`].

#[allow(unused_imports)]
use crate::prelude::*;

use crate::escape;
use crate::sink::{is_void, Fixed, FixedSink};

/// How attributes are written: as they are, or rewritten for email
/// (classes turned into inline `style`, DOM-only attributes dropped).
pub trait AttrPolicy {
    /// Writes the attributes of a `tag` element (each as ` name="value"`).
    fn write_attrs(&self, tag: Fixed, attrs: &Attrs, out: &mut String);
}

/// Writes every attribute unchanged.
pub struct AsIs;

impl AttrPolicy for AsIs {
    fn write_attrs(&self, _tag: Fixed, attrs: &Attrs, out: &mut String) {
        attrs.each(|name, value| write_attr(out, name.as_str(), value));
    }
}

/// The attributes of the element being written, in order (reused from
/// element to element: one buffer, no allocation each).
#[derive(Default)]
pub struct Attrs {
    /// Each name, with the end of its value in `values`.
    names: Vec<(Fixed, usize)>,
    values: String,
}

impl Attrs {
    /// Calls `f` with each `(name, value)`, in order (a loop, not an
    /// iterator: an iterator's `next` costs the wasm module more). Inlined
    /// into its one caller in the module, the policy, with the closure: -59 B gzip.
    #[inline(always)]
    pub fn each<'s>(&'s self, mut f: impl FnMut(Fixed, &'s str)) {
        let mut from = 0;
        for &(name, to) in &self.names {
            f(name, self.values.get(from..to).unwrap_or(""));
            from = to;
        }
    }

    fn push(&mut self, name: Fixed, value: &str) {
        self.values.push_str(value);
        self.names.push((name, self.values.len()));
    }

    fn clear(&mut self) {
        self.names.clear();
        self.values.clear();
    }
}

/// ` name="value"`, escaped.
pub fn write_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape::attr(out, value);
    out.push('"');
}

/// Writes HTML into `out`. A start tag is written once its attributes are
/// all known (at its first child, or its end), since the policy may need
/// them all (a class becomes a `style`).
pub struct HtmlWriter<'a, P: AttrPolicy> {
    /// The HTML written so far.
    pub out: &'a mut String,
    policy: &'a P,
    /// The open elements' tags.
    open: Vec<Fixed>,
    /// The element whose start tag is not written yet.
    pending: Option<Fixed>,
    attrs: Attrs,
}

impl<'a, P: AttrPolicy> HtmlWriter<'a, P> {
    /// A writer appending to `out`, attributes written by `policy`.
    pub fn new(out: &'a mut String, policy: &'a P) -> Self {
        HtmlWriter { out, policy, open: Vec::new(), pending: None, attrs: Attrs::default() }
    }

    fn start_tag(&mut self) {
        if let Some(tag) = self.pending.take() {
            self.out.push('<');
            self.out.push_str(tag.as_str());
            self.policy.write_attrs(tag, &self.attrs, self.out);
            self.out.push('>');
            self.attrs.clear();
        }
    }
}

impl<P: AttrPolicy> FixedSink for HtmlWriter<'_, P> {
    fn open(&mut self, tag: Fixed) {
        self.start_tag();
        self.open.push(tag);
        self.pending = Some(tag);
    }

    fn attr(&mut self, name: Fixed, value: &str) {
        self.attrs.push(name, value);
    }

    fn text(&mut self, text: &str) {
        self.start_tag();
        escape::text(self.out, text);
    }

    fn close(&mut self) {
        self.start_tag();
        if let Some(tag) = self.open.pop() {
            if !is_void(tag) {
                self.out.push_str("</");
                self.out.push_str(tag.as_str());
                self.out.push('>');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixed_strings::f;

    #[test]
    fn writes_elements_attributes_and_escaped_text() {
        let mut s = String::new();
        let mut w = HtmlWriter::new(&mut s, &AsIs);
        w.open(f!("p"));
        w.attr(f!("class"), "x");
        w.attr(f!("id"), "a\"b");
        w.text("<b>hi</b> & bye");
        w.open(f!("img"));
        w.attr(f!("src"), "/i.png");
        w.fixed(f!("alt"), f!(""));
        w.close();
        w.close();
        assert_eq!(s, r#"<p class="x" id="a&quot;b">&lt;b&gt;hi&lt;/b&gt; &amp; bye<img src="/i.png" alt=""></p>"#);
    }
}
