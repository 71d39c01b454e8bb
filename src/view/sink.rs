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
use crate::render::html::HtmlWriter;
use crate::render::Inline;

/// Where the view writes the card. Attributes follow their element's
/// `open` directly, before its first child.
pub trait Sink {
    /// Starts an element `<tag>`.
    fn open(&mut self, tag: Fixed);
    /// An attribute of the element just opened.
    fn attr(&mut self, name: Fixed, value: &str);
    /// An attribute whose value is fixed by the view's code (a class name,
    /// `dir="auto"`): the same for every card, so the DOM sink sends it to
    /// the page once.
    fn fixed(&mut self, name: Fixed, value: Fixed) {
        self.attr(name, value.as_str());
    }
    /// Literal text: always a text node, escaped in HTML, never parsed.
    fn text(&mut self, text: &str);
    /// Ends the innermost open element.
    fn close(&mut self);
}

/// The sink the view writes to: one of the two writers, chosen by a
/// `match` in each method. An enum rather than a `&mut dyn Sink`, so that
/// each of the view's hundred-odd calls is a direct call, not an indirect
/// one through a vtable: -111 B gzip.
pub enum Out<'w, 'h> {
    /// The live DOM's instructions.
    #[cfg(target_arch = "wasm32")]
    Dom(&'w mut crate::dom::Program),
    /// HTML text, styled inline: `static_html`'s policy, the only one the
    /// view's HTML is written with, named here so that the writer calls it
    /// directly too, not through a `&dyn AttrPolicy` (-35 B gzip).
    Html(&'w mut HtmlWriter<'h, Inline>),
}

#[cfg(target_arch = "wasm32")]
impl<'w> From<&'w mut crate::dom::Program> for Out<'w, 'w> {
    fn from(program: &'w mut crate::dom::Program) -> Self {
        Out::Dom(program)
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
            #[cfg(target_arch = "wasm32")]
            Out::Dom(program) => program.open(tag),
            Out::Html(html) => html.open(tag),
        }
    }

    /// [`Sink::attr`].
    pub fn attr(&mut self, name: Fixed, value: &str) {
        match self {
            #[cfg(target_arch = "wasm32")]
            Out::Dom(program) => program.attr(name, value),
            Out::Html(html) => html.attr(name, value),
        }
    }

    /// [`Sink::fixed`].
    pub fn fixed(&mut self, name: Fixed, value: Fixed) {
        match self {
            #[cfg(target_arch = "wasm32")]
            Out::Dom(program) => program.fixed(name, value),
            Out::Html(html) => html.fixed(name, value),
        }
    }

    /// [`Sink::text`].
    pub fn text(&mut self, text: &str) {
        match self {
            #[cfg(target_arch = "wasm32")]
            Out::Dom(program) => program.text(text),
            Out::Html(html) => html.text(text),
        }
    }

    /// [`Sink::close`].
    pub fn close(&mut self) {
        match self {
            #[cfg(target_arch = "wasm32")]
            Out::Dom(program) => program.close(),
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
