//! The HTML string sink: writes a [`Node`] tree as HTML text. It knows
//! nothing about briefs; all escaping is delegated to [`crate::escape`].

#[allow(unused_imports)]
use crate::prelude::*;

use crate::escape;
use crate::node::{is_void, El, Node};

/// How attributes are written: as they are, or rewritten for email
/// (classes turned into inline `style`, DOM-only attributes dropped).
pub trait AttrPolicy {
    /// Writes the attributes of `el` (each as ` name="value"`).
    fn write_attrs(&self, el: &El, out: &mut String);
}

/// Writes every attribute unchanged.
pub struct AsIs;

impl AttrPolicy for AsIs {
    fn write_attrs(&self, el: &El, out: &mut String) {
        for (name, value) in &el.attrs {
            write_attr(out, name, value);
        }
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

/// Appends `node` as HTML to `out`.
pub fn write(node: &Node, out: &mut String, policy: &dyn AttrPolicy) {
    match node {
        Node::Text(t) => escape::text(out, t),
        Node::El(el) => {
            out.push('<');
            out.push_str(el.tag);
            policy.write_attrs(el, out);
            out.push('>');
            if is_void(el.tag) {
                return;
            }
            for c in &el.children {
                write(c, out, policy);
            }
            out.push_str("</");
            out.push_str(el.tag);
            out.push('>');
        }
    }
}

/// `node` as an HTML string, attributes as they are.
pub fn to_string(node: &Node) -> String {
    let mut s = String::new();
    write(node, &mut s, &AsIs);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_elements_attributes_and_escaped_text() {
        let n: Node = El::with_class("p", "x")
            .attr("title", "a\"b")
            .text("<b>hi</b> & bye")
            .child(El::new("img").attr("src", "/i.png").attr("alt", ""))
            .into();
        assert_eq!(to_string(&n), r#"<p class="x" title="a&quot;b">&lt;b&gt;hi&lt;/b&gt; &amp; bye<img src="/i.png" alt=""></p>"#);
    }
}
