//! The fixed words of the card (block headings, "Read the full brief", …),
//! in a few built-in languages, overridable per brief (`labels` in the JSON)
//! and per page (`options.labels`). The page wins over the brief, the brief
//! over the built-in words for its language, those over English.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::text::field;

/// One of the card's fixed words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// Every label with its key in `labels` objects.
pub const KEYS: [(&str, Label); 10] = [
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
];

/// Overrides of some labels (from a brief or from the options).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels(pub Vec<(Label, String)>);

impl Labels {
    /// The override for `label`, if any (the last one given wins).
    pub fn get(&self, label: Label) -> Option<&str> {
        self.0.iter().rev().find(|(l, _)| *l == label).map(|(_, s)| s.as_str())
    }
}

/// The built-in word for `label` in `lang` (its primary subtag), else English.
/// Inlined into the view's `label` (see [`Labels::get`]).
#[inline(always)]
pub fn builtin(lang: &str, label: Label) -> &'static str {
    let n = match field(lang, b'-', 0).unwrap_or("") {
        "es" => 1,
        "fr" => 2,
        "de" => 3,
        "fa" => 4,
        "ar" => 5,
        _ => 0,
    };
    // Every language has a word for each label, in the order of `Label`.
    field(WORDS, b'|', n * KEYS.len() + label as usize).unwrap_or_default()
}

/// The built-in words: English, Spanish, French, German, Persian, Arabic,
/// each in the order of `Label`, all separated by `|` (one string rather
/// than tables of strings, whose pointers cost the wasm module more; one
/// for all languages rather than one each, which `builtin` chose between
/// by address and length).
const WORDS: &str = "\
Latest Developments|Expert Analysis|Related Analysis|Issues|Read the full brief|Show more|Show less|Copy link|Link copied|Briefs|\
Últimos acontecimientos|Análisis de expertos|Análisis relacionados|Temas|Leer el informe completo|Mostrar más|Mostrar menos|Copiar enlace|Enlace copiado|Informes|\
Derniers développements|Analyse d’experts|Analyses connexes|Thèmes|Lire la note complète|Afficher plus|Afficher moins|Copier le lien|Lien copié|Notes|\
Neueste Entwicklungen|Expertenanalyse|Verwandte Analysen|Themen|Vollständigen Bericht lesen|Mehr anzeigen|Weniger anzeigen|Link kopieren|Link kopiert|Berichte|\
آخرین تحولات|تحلیل کارشناسان|تحلیل‌های مرتبط|موضوع‌ها|خواندن گزارش کامل|نمایش بیشتر|نمایش کمتر|کپی پیوند|پیوند کپی شد|گزارش‌ها|\
آخر التطورات|تحليل الخبراء|تحليلات ذات صلة|قضايا|اقرأ الموجز كاملاً|عرض المزيد|عرض أقل|نسخ الرابط|تم نسخ الرابط|موجزات";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_words_follow_the_language_and_fall_back_to_english() {
        assert_eq!(builtin("en", Label::Quotes), "Expert Analysis");
        assert_eq!(builtin("es-MX", Label::ReadMore), "Leer el informe completo");
        assert_eq!(builtin("fa", Label::Summary), "آخرین تحولات");
        assert_eq!(builtin("zz", Label::Tags), "Issues");
        assert_eq!(KEYS.iter().map(|(_, l)| *l as usize).collect::<Vec<_>>(), (0..10).collect::<Vec<_>>());
        assert_eq!(WORDS.split('|').count(), 6 * KEYS.len());
        for (lang, last) in [("en", "Briefs"), ("es", "Informes"), ("fr", "Notes"), ("de", "Berichte"), ("fa", "گزارش‌ها"), ("ar", "موجزات")] {
            assert_eq!(builtin(lang, Label::Feed), last);
        }
    }

    #[test]
    fn later_overrides_win() {
        let l = Labels(vec![(Label::Tags, "A".into()), (Label::Tags, "B".into())]);
        assert_eq!(l.get(Label::Tags), Some("B"));
        assert_eq!(l.get(Label::Quotes), None);
    }
}
