//! The reader's place in a card: the blocks they expanded and the link or
//! button that has their focus. When a card is built anew in another's
//! place (an update that changed its structure, the element re-rendering
//! for a new attribute, a server-rendered card upgraded), this carries the
//! place over, so that the reader is not thrown back to a collapsed card
//! and the top of the page's focus order. (Scroll needs nothing: the new
//! card replaces the old in one step, and the page keeps its position.)
//!
//! A place is written in terms that survive a rebuild: which block (by its
//! `data-block`, and which of the card's blocks of that name), and which of
//! that block's elements of the same tag.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::events::set_expanded;

/// What holds a spot: a block, else (for the title's link, "Copy link") the
/// article itself, one per brief of a feed.
pub(super) const HOLDERS: &str = "[data-block], article";

/// A block's "Show more" button (each collapsed block has one).
const TOGGLE: &str = "button.bc-toggle";

/// Where an element is in a card.
struct Spot {
    /// Its holder's `data-block`, or "" for an article.
    block: String,
    /// Which of the card's holders with that name.
    nth_block: usize,
    /// What it is, as a selector: its tag, or [`TOGGLE`].
    what: String,
    /// Which of its holder's own elements that [`Spot::what`] selects.
    nth: usize,
}

#[derive(Default)]
pub(super) struct Place {
    expanded: Vec<Spot>,
    focus: Option<Spot>,
}

impl Place {
    /// Whether there is nothing to carry over (a card rendered afresh).
    pub(super) fn is_empty(&self) -> bool {
        self.expanded.is_empty() && self.focus.is_none()
    }

    /// The place in the card whose holders are `holders` (in document
    /// order), with `focused` the element with focus, if it is in the card.
    pub(super) fn of(holders: &[Element], focused: Option<Element>) -> Place {
        let mut expanded = Vec::new();
        for holder in holders {
            for toggle in own(holder, TOGGLE) {
                if toggle.get_attribute("aria-expanded").as_deref() == Some("true") {
                    expanded.extend(spot(holders, &toggle, TOGGLE.to_owned()));
                }
            }
        }
        let focus = focused.and_then(|el| spot(holders, &el, el.local_name()));
        Place { expanded, focus }
    }

    /// Puts the reader back in the same place in the card whose holders are
    /// `holders`, as far as it has the same blocks.
    pub(super) fn restore(&self, holders: &[Element]) {
        for (_, toggle) in self.expanded.iter().filter_map(|spot| find(holders, spot)) {
            set_expanded(&toggle, true);
        }
        let Some((holder, el)) = self.focus.as_ref().and_then(|spot| find(holders, spot).or_else(|| nearest(holders, spot))) else {
            return;
        };
        // An element that is now in a collapsed rest (a server-rendered card
        // shows every block whole) is shown first.
        if el.closest("[hidden]").ok().flatten().is_some() {
            for toggle in own(holder, TOGGLE) {
                set_expanded(&toggle, true);
            }
        }
        if let Some(el) = el.dyn_ref::<HtmlElement>() {
            el.focus().ok();
        }
    }
}

/// Where focus goes when its element is gone (an update that shortened a
/// list, a layout without the block), rather than to the top of the page:
/// the last element of its kind left in its block, else the block's first
/// link or button, else the card's.
fn nearest<'h>(holders: &'h [Element], spot: &Spot) -> Option<(&'h Element, Element)> {
    let first_control = |holder: &'h Element| Some((holder, holder.query_selector("a[href], button").ok().flatten()?));
    let block = holders.iter().filter(|h| name(h) == spot.block).nth(spot.nth_block);
    block
        .and_then(|holder| own(holder, &spot.what).pop().map(|el| (holder, el)).or_else(|| first_control(holder)))
        .or_else(|| holders.first().and_then(first_control))
}

/// The elements `selector` selects whose holder is `holder` (not a block inside it).
fn own(holder: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = holder.query_selector_all(selector) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(JsCast::unchecked_into::<Element>)
        .filter(|el| el.closest(HOLDERS).ok().flatten().as_ref() == Some(holder))
        .collect()
}

fn name(holder: &Element) -> String {
    holder.get_attribute("data-block").unwrap_or_default()
}

fn spot(holders: &[Element], el: &Element, what: String) -> Option<Spot> {
    let holder = el.closest(HOLDERS).ok().flatten()?;
    let at = holders.iter().position(|h| *h == holder)?;
    let block = name(&holder);
    let nth_block = holders.iter().take(at).filter(|h| name(h) == block).count();
    let nth = own(&holder, &what).iter().position(|e| e == el)?;
    Some(Spot { block, nth_block, what, nth })
}

/// The element at `spot`, and its holder.
fn find<'h>(holders: &'h [Element], spot: &Spot) -> Option<(&'h Element, Element)> {
    let holder = holders.iter().filter(|h| name(h) == spot.block).nth(spot.nth_block)?;
    Some((holder, own(holder, &spot.what).into_iter().nth(spot.nth)?))
}
