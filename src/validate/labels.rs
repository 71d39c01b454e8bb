//! The fixed words of the card (block headings, "Read the full brief", …),
//! overridable per brief (`labels` in the JSON) and per page
//! (`options.labels`). The page wins over the brief, the brief over the
//! built-in words for its language (`view::words`), those over English.

/// One of the card's fixed words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Label {
    /// Heading of the summary block ("Latest Developments").
    Summary,
    /// Heading of the quotes block ("Expert Analysis").
    Quotes,
    /// Heading of the related block ("Related Analysis").
    Related,
    /// Heading of the tags block ("Issues").
    Tags,
    /// The link to the full brief ("Read the full brief").
    ReadMore,
    /// The button that opens a long block ("Show more").
    ShowMore,
    /// The button that closes it again ("Show less").
    ShowLess,
    /// The deep-link button ("Copy link").
    CopyLink,
    /// Announced when a link was copied ("Link copied").
    LinkCopied,
    /// The accessible name of a feed ("Briefs").
    Feed,
    /// Before the byline's names ("By").
    By,
    /// Before the date of the last update ("Updated").
    Updated,
    /// The `title` of a link that opens a new tab ("Opens in a new tab").
    NewTab,
}

/// Every label with its key in `labels` objects.
pub const KEYS: [(&str, Label); 13] = [
    ("summary", Label::Summary),
    ("quotes", Label::Quotes),
    ("related", Label::Related),
    ("tags", Label::Tags),
    ("readMore", Label::ReadMore),
    ("showMore", Label::ShowMore),
    ("showLess", Label::ShowLess),
    ("copyLink", Label::CopyLink),
    ("linkCopied", Label::LinkCopied),
    ("feed", Label::Feed),
    ("by", Label::By),
    ("updated", Label::Updated),
    ("newTab", Label::NewTab),
];

impl Label {
    /// The label whose key in `labels` objects is `key`.
    pub fn of_key(key: &str) -> Option<Label> {
        KEYS.iter().find(|(k, _)| *k == key).map(|&(_, label)| label)
    }
}

/// Overrides of some labels (from a brief or from the options).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels(pub Vec<(Label, String)>);

impl Labels {
    /// The override for `label`, if any (the last one given wins).
    pub fn get(&self, label: Label) -> Option<&str> {
        self.0.iter().rev().find(|(l, _)| *l == label).map(|(_, s)| s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The format's keys (serde's names of `format::Labels`' fields) are the labels' keys.
    #[test]
    fn every_key_of_the_format_is_a_label() {
        let keys: Vec<&str> = crate::format::Labels::default().into_entries().iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, KEYS.map(|(k, _)| k));
        for key in keys {
            let read: crate::format::Labels = serde_json::from_value(serde_json::json!({ key: "x" })).unwrap();
            let given: Vec<&str> = read.into_entries().into_iter().filter(|(_, v)| v.is_some()).map(|(k, _)| k).collect();
            assert_eq!(given, [key], "serde reads {key:?} into the field into_entries names so");
        }
    }

    #[test]
    fn later_overrides_win() {
        let l = Labels(vec![(Label::Tags, "A".into()), (Label::Tags, "B".into())]);
        assert_eq!(l.get(Label::Tags), Some("B"));
        assert_eq!(l.get(Label::Quotes), None);
    }
}
