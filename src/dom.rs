//! The live DOM sink: writes a [`Node`] tree as real DOM nodes through
//! web-sys. Text only ever becomes text nodes and attribute values only go
//! through `setAttribute`, so no string is ever parsed as HTML. Like the HTML
//! sink, it knows nothing about briefs.

#[allow(unused_imports)]
use crate::prelude::*;

use wasm_bindgen::JsValue;
use web_sys::{Document, DocumentFragment};

use crate::node::Node;

/// Builds `node` into a new fragment of `doc` (not yet attached anywhere,
/// so a failure part-way never leaves a half-built card on the page).
pub fn build(doc: &Document, node: &Node) -> Result<DocumentFragment, JsValue> {
    let frag = doc.create_document_fragment();
    append(doc, &frag, node)?;
    Ok(frag)
}

fn append(doc: &Document, parent: &web_sys::Node, node: &Node) -> Result<(), JsValue> {
    match node {
        Node::Text(t) => {
            parent.append_child(&doc.create_text_node(t))?;
        }
        Node::El(el) => {
            let e = doc.create_element(el.tag)?;
            for (name, value) in &el.attrs {
                e.set_attribute(name, value)?;
            }
            for c in &el.children {
                append(doc, &e, c)?;
            }
            parent.append_child(&e)?;
        }
    }
    Ok(())
}
