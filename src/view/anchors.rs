//! The ids a card gives its elements, which deep links and "Show more"
//! buttons name: made here, so that the cards of one page (a feed's, or
//! light-DOM cards') never give one id twice.

use std::borrow::Cow;

use super::Context;
use crate::validate::model::Brief;

/// The ids a card gives its elements: its own (the brief's `id`, which
/// deep links name, and from which its quotes' are made) and the prefix of
/// those that tie a "Show more" button to what it shows. The cards of a feed
/// share one page (one shadow root), so there each card's are its own.
pub(super) struct Anchors<'b> {
    /// The brief's id (numbered in a feed where another card's would meet
    /// it), which deep links name and its quotes' ids are made from.
    pub(super) id: Option<Cow<'b, str>>,
    /// What the ids of its hidden rests ("Show more") start with.
    pub(super) prefix: Cow<'b, str>,
}

impl<'b> Anchors<'b> {
    /// A card of its own: the brief's id as it is (nothing to copy), and
    /// for a card without one the prefix `bc`, or `bc7` for the light-DOM
    /// card numbered 7 ([`Context::number`]).
    pub(super) fn of(b: &'b Brief, cx: &Context) -> Anchors<'b> {
        let prefix = match (&b.id, cx.number) {
            (Some(id), _) => Cow::Borrowed(id.as_str()),
            (None, Some(n)) => Cow::Owned(format!("bc{n}")),
            (None, None) => Cow::Borrowed("bc"),
        };
        Anchors { id: b.id.as_deref().map(Cow::Borrowed), prefix }
    }

    /// The `i`th card's of a feed: the first card keeps its id, and a later
    /// one whose anchors would meet an earlier card's (the same id, or `a`
    /// after `a-quote-1`) gets a number (`same-2`); a card without an id
    /// numbers its "Show more" ids by its place (`bc3-more-summary`, or
    /// `bc7-3-more-summary` in the feed numbered 7).
    pub(super) fn in_feed(b: &Brief, cx: &Context, i: usize, taken: &mut Vec<String>) -> Anchors<'b> {
        let base = b.id.clone().unwrap_or_else(|| match cx.number {
            Some(n) => format!("bc{n}-{}", i + 1),
            None => format!("bc{}", i + 1),
        });
        let mut unique = base.clone();
        // At most one number per earlier card is taken.
        for n in 2..=taken.len() + 2 {
            if !taken.iter().any(|earlier| share_anchors(earlier, &unique)) {
                break;
            }
            unique = format!("{base}-{n}");
        }
        taken.push(unique.clone());
        Anchors { id: b.id.is_some().then(|| Cow::Owned(unique.clone())), prefix: Cow::Owned(unique) }
    }
}

/// Whether the cards whose ids (or "Show more" prefixes) are `a` and `b`
/// would give one element's id twice: they are equal, or one is an anchor
/// the other makes of its own (`a` and `a-quote-1`).
fn share_anchors(a: &str, b: &str) -> bool {
    a == b || made_from(a, b) || made_from(b, a)
}

/// Whether `anchor` is one of the ids a card whose id is `card` makes: a
/// quote's (`{card}-quote-2`, `{card}-quote-2-by`, see `quotes` in the view), a
/// block's hidden rest's ([`rest_id`]) or its title's ([`title_id`]).
fn made_from(card: &str, anchor: &str) -> bool {
    let Some(rest) = anchor.strip_prefix(card) else { return false };
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(quote) = rest.strip_prefix("-quote-") {
        return number(quote.strip_suffix("-by").unwrap_or(quote));
    }
    if let Some(section) = rest.strip_prefix("-more-section-") {
        return number(section);
    }
    matches!(rest, "-more-summary" | "-more-related" | "-title")
}

/// The id of the card's title, which names the card.
pub(super) fn title_id(ids: &Anchors) -> String {
    format!("{}-title", ids.prefix)
}

/// The id of a block's hidden rest: `key`, then `n` unless 0 (the
/// sections' numbers start at 1), built only for a block that has a rest.
pub(super) fn rest_id(ids: &Anchors, key: &str, n: usize) -> String {
    let prefix = &ids.prefix;
    if n > 0 {
        format!("{prefix}-more-{key}{n}")
    } else {
        format!("{prefix}-more-{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_from_knows_every_id_a_card_makes_of_its_own() {
        let ids = Anchors { id: Some("a".into()), prefix: "a".into() };
        for made in [
            rest_id(&ids, "summary", 0),
            rest_id(&ids, "section-", 3),
            rest_id(&ids, "related", 0),
            "a-quote-2".into(),
            "a-quote-2-by".into(),
            title_id(&ids),
        ] {
            assert!(made_from("a", &made), "{made}");
        }
        for other in ["a", "a-2", "a-quote-", "a-quote-1-2", "a-more-section-", "ab-quote-1", "b-quote-1"] {
            assert!(!made_from("a", other), "{other}");
        }
    }
}
