//! The card's structure as a stream of events, like pulldown-cmark's: open
//! an element, give it attributes, add text, close it. The view writes the
//! stream once; each output (live DOM, HTML text) is a [`Sink`], so no tree
//! is built in between.
//!
//! Tags and attribute names are `&'static str`: only the view's own code
//! names them, so no input can ever choose an element or an attribute.
//! Input reaches a sink only as an attribute's value or as text.

/// Where the view writes the card. Attributes follow their element's
/// `open` directly, before its first child.
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
