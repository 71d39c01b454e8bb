//! The card's structure as a stream of events, like pulldown-cmark's: open
//! an element, give it attributes, add text, close it. The view writes the
//! stream once; each output is a [`Sink`] (live DOM instructions, HTML
//! text), reached through [`Out`], so no tree is built in between. Tags and attribute names are
//! [`Fixed`] strings: only the view's own code chooses them, so no input
//! can ever name an element or an attribute.

#[allow(unused_imports)]
use crate::prelude::*;

pub use crate::fixed_strings::Fixed;
use crate::fixed_strings::f;
use crate::html::HtmlWriter;
use crate::static_html::Inline;

/// Where the view writes the card. Attributes follow their element's
/// `open` directly, before its first child. (The contract of the shared
/// plan; the view stream moves the view onto it. Until then the view still
/// names strings by [`Fixed`] and reaches this trait through [`Out::Dom`].)
pub trait Sink {
    /// Starts an element. `'static`: only the view's own code names elements.
    fn open(&mut self, tag: &'static str);
    /// An attribute of the element just opened (before its first child).
    fn attr(&mut self, name: &'static str, value: &str);
    /// An attribute whose value the view's code fixes (a class, `dir="auto"`).
    fn fixed(&mut self, name: &'static str, value: &'static str) {
        self.attr(name, value)
    }
    /// Literal text: a text node in the DOM, escaped in HTML, never parsed.
    fn text(&mut self, text: &str);
    /// Ends the innermost open element.
    fn close(&mut self);
}

/// The HTML writer's side of the view's stream, still in [`Fixed`] strings
/// (transitional: the view stream moves the HTML writer onto [`Sink`]).
pub trait FixedSink {
    /// Starts an element `<tag>`.
    fn open(&mut self, tag: Fixed);
    /// An attribute of the element just opened.
    fn attr(&mut self, name: Fixed, value: &str);
    /// An attribute whose value is fixed by the view's code.
    fn fixed(&mut self, name: Fixed, value: Fixed) {
        self.attr(name, value.as_str());
    }
    /// Literal text: always a text node, escaped in HTML, never parsed.
    fn text(&mut self, text: &str);
    /// Ends the innermost open element.
    fn close(&mut self);
}

/// The sink the view writes to: a [`Sink`] (the live DOM), or the HTML writer.
pub enum Out<'w, 'h> {
    /// Any sink of the new contract: the live DOM's instructions (src/web/dom.rs).
    Dom(&'w mut dyn Sink),
    /// HTML text, styled inline.
    Html(&'w mut HtmlWriter<'h, Inline>),
}

impl<'w, S: Sink> From<&'w mut S> for Out<'w, 'w> {
    fn from(sink: &'w mut S) -> Self {
        Out::Dom(sink)
    }
}

impl<'w, 'h> From<&'w mut HtmlWriter<'h, Inline>> for Out<'w, 'h> {
    fn from(html: &'w mut HtmlWriter<'h, Inline>) -> Self {
        Out::Html(html)
    }
}

/// The [`Sink`] methods, passed on to the writer.
impl Out<'_, '_> {
    /// [`Sink::open`].
    pub fn open(&mut self, tag: Fixed) {
        match self {
            Out::Dom(sink) => sink.open(tag.as_str()),
            Out::Html(html) => html.open(tag),
        }
    }

    /// [`Sink::attr`].
    pub fn attr(&mut self, name: Fixed, value: &str) {
        match self {
            Out::Dom(sink) => sink.attr(name.as_str(), value),
            Out::Html(html) => html.attr(name, value),
        }
    }

    /// [`Sink::fixed`].
    pub fn fixed(&mut self, name: Fixed, value: Fixed) {
        match self {
            Out::Dom(sink) => sink.fixed(name.as_str(), value.as_str()),
            Out::Html(html) => FixedSink::fixed(*html, name, value),
        }
    }

    /// [`Sink::text`].
    pub fn text(&mut self, text: &str) {
        match self {
            Out::Dom(sink) => sink.text(text),
            Out::Html(html) => html.text(text),
        }
    }

    /// [`Sink::close`].
    pub fn close(&mut self) {
        match self {
            Out::Dom(sink) => sink.close(),
            Out::Html(html) => html.close(),
        }
    }
}

/// Elements written without a closing tag and without children: of the
/// tags in the table of fixed strings (the only ones the view can open),
/// `img` is the one void element (a test checks the table against HTML's list).
pub fn is_void(tag: Fixed) -> bool {
    tag == f!("img")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn img_is_the_one_void_element_in_the_table() {
        const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
        for f in Fixed::all() {
            assert_eq!(is_void(f), VOID.contains(&f.as_str()), "{}", f.as_str());
        }
    }
}
