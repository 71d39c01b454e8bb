//! The card's structure as a small tree of elements and text, built by the
//! view and written out by the sinks (live DOM, HTML string). Tags and
//! attribute names are `'static`: only the view's own code chooses them, so
//! no input can ever name an element or an attribute.

#[allow(unused_imports)]
use crate::prelude::*;

use alloc::borrow::Cow;

/// A node of the card's tree: an element or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    /// An element with attributes and children.
    El(El<'a>),
    /// Literal text: always a text node, escaped in HTML, never parsed.
    Text(Cow<'a, str>),
}

/// An element: a fixed tag, its attributes in order, and its children.
#[derive(Debug, Clone, PartialEq)]
pub struct El<'a> {
    /// The tag name, chosen by the view (never by input).
    pub tag: &'static str,
    /// Attributes in order: fixed names, values from the brief or the view (escaped by the HTML sink).
    pub attrs: Vec<(&'static str, Cow<'a, str>)>,
    /// Child nodes, in order.
    pub children: Vec<Node<'a>>,
}

impl<'a> El<'a> {
    /// `<tag>` with no attributes and no children.
    pub fn new(tag: &'static str) -> Self {
        El { tag, attrs: Vec::new(), children: Vec::new() }
    }

    /// `<tag class="…">`
    pub fn with_class(tag: &'static str, class: &'static str) -> Self {
        El::new(tag).attr("class", class)
    }

    /// Adds the attribute `name="value"` (builder style).
    pub fn attr(mut self, name: &'static str, value: impl Into<Cow<'a, str>>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// Adds the attribute only when `cond` holds.
    pub fn attr_if(self, cond: bool, name: &'static str, value: impl Into<Cow<'a, str>>) -> Self {
        if cond {
            self.attr(name, value)
        } else {
            self
        }
    }

    /// Appends a child node.
    pub fn child(mut self, node: impl Into<Node<'a>>) -> Self {
        self.children.push(node.into());
        self
    }

    /// Appends several child nodes.
    pub fn children(mut self, nodes: impl IntoIterator<Item = Node<'a>>) -> Self {
        self.children.extend(nodes);
        self
    }

    /// Appends a text node.
    pub fn text(self, text: impl Into<Cow<'a, str>>) -> Self {
        self.child(Node::Text(text.into()))
    }

    /// The value of the attribute `name`, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
    }
}

impl<'a> From<El<'a>> for Node<'a> {
    fn from(el: El<'a>) -> Self {
        Node::El(el)
    }
}

/// Elements written without a closing tag and without children.
pub fn is_void(tag: &str) -> bool {
    matches!(tag, "img" | "br" | "hr" | "meta" | "link" | "source" | "wbr")
}

impl Node<'_> {
    /// Every text of the subtree, concatenated (for tests and for summaries).
    pub fn text_content(&self) -> String {
        let mut s = String::new();
        fn walk(n: &Node, s: &mut String) {
            match n {
                Node::Text(t) => s.push_str(t),
                Node::El(e) => e.children.iter().for_each(|c| walk(c, s)),
            }
        }
        walk(self, &mut s);
        s
    }
}
