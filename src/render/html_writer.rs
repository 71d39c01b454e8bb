//! The HTML string sink: writes the view's stream as HTML text. It knows
//! nothing about briefs; all escaping is delegated to [`super::escape`].

use super::escape;
use crate::view::sink::Sink;

/// How attributes are written: as they are, or rewritten for the static
/// outputs (classes turned into inline `style`, DOM-only attributes dropped).
pub(crate) trait AttrPolicy {
    /// Writes the attributes of a `tag` element (each as ` name="value"`),
    /// which stands at `place` in the document.
    fn write_attrs(&self, tag: &'static str, attrs: &Attrs, place: &Place<'_>, out: &mut String);

    /// The element written for the view's `tag` (the view's own, unless the
    /// output's readers lack it).
    fn element(&self, tag: &'static str) -> &'static str {
        tag
    }
}

/// Writes every attribute unchanged.
pub(crate) struct AsIs;

impl AttrPolicy for AsIs {
    fn write_attrs(&self, _tag: &'static str, attrs: &Attrs, _place: &Place<'_>, out: &mut String) {
        for (name, value) in attrs.iter() {
            write_attr(out, name, value);
        }
    }
}

/// An element as the selectors of the inline styles see it: its tag, its
/// `class` and its `dir`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Element {
    /// The tag name.
    pub tag: &'static str,
    /// The `class` attribute (empty when none).
    pub class: String,
    /// The `dir` attribute (empty when none).
    pub dir: String,
}

impl Element {
    /// Whether `class` is one of the element's classes.
    pub(crate) fn has_class(&self, class: &str) -> bool {
        self.class.split_ascii_whitespace().any(|c| c == class)
    }
}

/// An element that is open (its children being written), with its last child element so far.
#[derive(Debug)]
pub(crate) struct Open {
    /// The element.
    pub element: Element,
    /// Its last child element written so far: while a child is open, the
    /// element just before that child.
    pub last_child: Option<Element>,
}

/// An element being written and where it stands: enough for CSS selectors
/// with descendant, child and next-sibling combinators.
pub(crate) struct Place<'a> {
    /// The element.
    pub element: &'a Element,
    /// Its ancestors, outermost first.
    pub ancestors: &'a [Open],
    /// The last element written at the top level before the outermost
    /// ancestor (or before the element itself, when at the top level).
    pub top_last: Option<&'a Element>,
}

impl<'a> Place<'a> {
    /// The direction the element takes from its ancestors: the nearest one's
    /// `dir` of `ltr` or `rtl`, if any has one.
    pub(crate) fn inherited_dir(&self) -> Option<&'a str> {
        self.ancestors.iter().rev().map(|a| a.element.dir.as_str()).find(|d| matches!(*d, "ltr" | "rtl"))
    }

    /// The element just before the one whose ancestors are `ancestors` (a
    /// prefix of this place's ancestors).
    pub(crate) fn previous(&self, ancestors: &'a [Open]) -> Option<&'a Element> {
        match ancestors.last() {
            Some(parent) => parent.last_child.as_ref(),
            None => self.top_last,
        }
    }
}

/// The attributes of the element being written, in order. One buffer of
/// values, reused from element to element.
#[derive(Default)]
pub(crate) struct Attrs {
    /// Each name, with the end of its value in `values`.
    names: Vec<(&'static str, usize)>,
    values: String,
}

impl Attrs {
    /// Each `(name, value)`, in the order the view gave them.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let mut from = 0;
        self.names.iter().map(move |&(name, to)| {
            let value = self.values.get(from..to).unwrap_or_default();
            from = to;
            (name, value)
        })
    }

    fn push(&mut self, name: &'static str, value: &str) {
        self.values.push_str(value);
        self.names.push((name, self.values.len()));
    }

    fn clear(&mut self) {
        self.names.clear();
        self.values.clear();
    }
}

/// ` name="value"`, the value escaped.
pub(crate) fn write_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape::attr(out, value);
    out.push('"');
}

/// HTML's void elements: written without an end tag, and never with children.
pub(crate) fn is_void(tag: &str) -> bool {
    matches!(tag, "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "source" | "track" | "wbr")
}

/// Writes HTML into `out`. A start tag is written once its attributes are
/// all known (at its first child, or its end), since the policy may need
/// them all (a class becomes a `style`).
pub(crate) struct HtmlWriter<'a, P: AttrPolicy> {
    /// The HTML written so far.
    pub out: &'a mut String,
    policy: &'a P,
    /// The open elements, outermost first.
    open: Vec<Open>,
    /// The last element closed at the top level.
    top_last: Option<Element>,
    /// The element whose start tag is not written yet.
    pending: Option<&'static str>,
    attrs: Attrs,
}

impl<'a, P: AttrPolicy> HtmlWriter<'a, P> {
    /// A writer appending to `out`, attributes written by `policy`.
    pub(crate) fn new(out: &'a mut String, policy: &'a P) -> Self {
        HtmlWriter { out, policy, open: Vec::new(), top_last: None, pending: None, attrs: Attrs::default() }
    }

    fn start_tag(&mut self) {
        if let Some(tag) = self.pending.take() {
            self.out.push('<');
            self.out.push_str(self.policy.element(tag));
            // The pending element is the last open one; its ancestors are the rest.
            if let Some((own, ancestors)) = self.open.split_last_mut() {
                let attr =
                    |wanted: &str| self.attrs.iter().find(|(name, _)| *name == wanted).map(|(_, v)| v.to_string()).unwrap_or_default();
                own.element.class = attr("class");
                own.element.dir = attr("dir");
                let place = Place { element: &own.element, ancestors, top_last: self.top_last.as_ref() };
                self.policy.write_attrs(tag, &self.attrs, &place, self.out);
            }
            self.out.push('>');
            self.attrs.clear();
        }
    }
}

impl<P: AttrPolicy> Sink for HtmlWriter<'_, P> {
    fn open(&mut self, tag: &'static str) {
        self.start_tag();
        self.open.push(Open { element: Element { tag, ..Element::default() }, last_child: None });
        self.pending = Some(tag);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        self.attrs.push(name, value);
    }

    fn text(&mut self, text: &str) {
        self.start_tag();
        escape::text(self.out, text);
    }

    fn close(&mut self) {
        self.start_tag();
        if let Some(closed) = self.open.pop() {
            let tag = closed.element.tag;
            if !is_void(tag) {
                self.out.push_str("</");
                self.out.push_str(self.policy.element(tag));
                self.out.push('>');
            }
            match self.open.last_mut() {
                Some(parent) => parent.last_child = Some(closed.element),
                None => self.top_last = Some(closed.element),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_elements_attributes_and_escaped_text() {
        let mut s = String::new();
        let mut w = HtmlWriter::new(&mut s, &AsIs);
        w.open("p");
        w.attr("class", "x");
        w.attr("id", "a\"b");
        w.text("<b>hi</b> & bye");
        w.open("img");
        w.attr("src", "/i.png");
        w.fixed("alt", "");
        w.close();
        w.close();
        assert_eq!(s, r#"<p class="x" id="a&quot;b">&lt;b&gt;hi&lt;/b&gt; &amp; bye<img src="/i.png" alt=""></p>"#);
    }
}
