//! The card's built-in words (block headings, "Read the full brief", …) in
//! each language the card knows. A brief's `labels` and the page's
//! `options.labels` override them (see the view's `label`); a language not
//! listed here gets the English words.

pub use crate::validate::labels::{Label, Labels, KEYS};

use crate::format::patterns::primary;

/// The built-in word for `label` in `lang` (by its primary subtag), else English.
pub fn builtin(lang: &str, label: Label) -> &'static str {
    words_for(lang).unwrap_or(&EN).get(label)
}

/// The word for `label` in a brief in `lang`: the page's override
/// (`options.labels`), else the brief's own (`labels`), else the built-in one.
pub(crate) fn word<'a>(page: &'a Labels, brief: &'a Labels, lang: &str, label: Label) -> &'a str {
    page.get(label).or_else(|| brief.get(label)).unwrap_or_else(|| builtin(lang, label))
}

/// What joins the names of a byline in `lang`: the Arabic comma for Arabic
/// and Persian, the ideographic comma (no space) for Chinese and Japanese,
/// a comma elsewhere. (Not a label: no page needs to change it.)
pub(crate) fn list_separator(lang: &str) -> &'static str {
    if ["ja", "zh"].iter().any(|l| l.eq_ignore_ascii_case(primary(lang))) {
        return "、";
    }
    words_for(lang).unwrap_or(&EN).separator
}

/// The language of the words a card falls back to.
pub(crate) const ENGLISH: &str = "en";

/// Whether the card has words of its own in `lang` (by its primary subtag).
pub(crate) fn has_words_for(lang: &str) -> bool {
    words_for(lang).is_some()
}

/// The words for `lang`, by its primary subtag; `None` for a language the card has no words for.
fn words_for(lang: &str) -> Option<&'static Words> {
    const ALL: [(&str, &Words); 6] = [("en", &EN), ("es", &ES), ("fr", &FR), ("de", &DE), ("fa", &FA), ("ar", &AR)];
    ALL.iter().find(|(tag, _)| tag.eq_ignore_ascii_case(primary(lang))).map(|(_, words)| *words)
}

/// One language's word for each [`Label`].
struct Words {
    summary: &'static str,
    quotes: &'static str,
    related: &'static str,
    tags: &'static str,
    read_more: &'static str,
    show_more: &'static str,
    show_less: &'static str,
    copy_link: &'static str,
    link_copied: &'static str,
    feed: &'static str,
    by: &'static str,
    updated: &'static str,
    new_tab: &'static str,
    separator: &'static str,
}

impl Words {
    fn get(&self, label: Label) -> &'static str {
        match label {
            Label::Summary => self.summary,
            Label::Quotes => self.quotes,
            Label::Related => self.related,
            Label::Tags => self.tags,
            Label::ReadMore => self.read_more,
            Label::ShowMore => self.show_more,
            Label::ShowLess => self.show_less,
            Label::CopyLink => self.copy_link,
            Label::LinkCopied => self.link_copied,
            Label::Feed => self.feed,
            Label::By => self.by,
            Label::Updated => self.updated,
            Label::NewTab => self.new_tab,
        }
    }
}

const EN: Words = Words {
    summary: "Latest Developments",
    quotes: "Expert Analysis",
    related: "Related Analysis",
    tags: "Issues",
    read_more: "Read the full brief",
    show_more: "Show more",
    show_less: "Show less",
    copy_link: "Copy link",
    link_copied: "Link copied",
    feed: "Briefs",
    by: "By",
    updated: "Updated",
    new_tab: "Opens in a new tab",
    separator: ", ",
};

const ES: Words = Words {
    summary: "Últimos acontecimientos",
    quotes: "Análisis de expertos",
    related: "Análisis relacionados",
    tags: "Temas",
    read_more: "Leer el informe completo",
    show_more: "Mostrar más",
    show_less: "Mostrar menos",
    copy_link: "Copiar enlace",
    link_copied: "Enlace copiado",
    feed: "Informes",
    by: "Por",
    updated: "Actualizado",
    new_tab: "Se abre en una pestaña nueva",
    separator: ", ",
};

const FR: Words = Words {
    summary: "Derniers développements",
    quotes: "Analyse d’experts",
    related: "Analyses connexes",
    tags: "Thèmes",
    read_more: "Lire la note complète",
    show_more: "Afficher plus",
    show_less: "Afficher moins",
    copy_link: "Copier le lien",
    link_copied: "Lien copié",
    feed: "Notes",
    by: "Par",
    updated: "Mis à jour",
    new_tab: "S’ouvre dans un nouvel onglet",
    separator: ", ",
};

const DE: Words = Words {
    summary: "Neueste Entwicklungen",
    quotes: "Expertenanalyse",
    related: "Verwandte Analysen",
    tags: "Themen",
    read_more: "Vollständigen Bericht lesen",
    show_more: "Mehr anzeigen",
    show_less: "Weniger anzeigen",
    copy_link: "Link kopieren",
    link_copied: "Link kopiert",
    feed: "Berichte",
    by: "Von",
    updated: "Aktualisiert",
    new_tab: "Öffnet in einem neuen Tab",
    separator: ", ",
};

const FA: Words = Words {
    summary: "آخرین تحولات",
    quotes: "تحلیل کارشناسان",
    related: "تحلیل‌های مرتبط",
    tags: "موضوع‌ها",
    read_more: "خواندن گزارش کامل",
    show_more: "نمایش بیشتر",
    show_less: "نمایش کمتر",
    copy_link: "کپی پیوند",
    link_copied: "پیوند کپی شد",
    feed: "گزارش‌ها",
    by: "به قلم",
    updated: "به‌روزرسانی",
    new_tab: "در زبانه‌ای تازه باز می‌شود",
    separator: "، ",
};

const AR: Words = Words {
    summary: "آخر التطورات",
    quotes: "تحليل الخبراء",
    related: "تحليلات ذات صلة",
    tags: "قضايا",
    read_more: "اقرأ الموجز كاملاً",
    show_more: "عرض المزيد",
    show_less: "عرض أقل",
    copy_link: "نسخ الرابط",
    link_copied: "تم نسخ الرابط",
    feed: "موجزات",
    by: "بقلم",
    updated: "آخر تحديث",
    new_tab: "يُفتح في علامة تبويب جديدة",
    separator: "، ",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_words_follow_the_language_and_fall_back_to_english() {
        assert_eq!(builtin("en", Label::Quotes), "Expert Analysis");
        assert_eq!(builtin("es-MX", Label::ReadMore), "Leer el informe completo");
        assert_eq!(builtin("fa", Label::Summary), "آخرین تحولات");
        assert_eq!(builtin("zz", Label::Tags), "Issues");
        assert_eq!((builtin("fr-CA", Label::Updated), builtin("de", Label::By)), ("Mis à jour", "Von"));
        assert_eq!((list_separator("ar-EG"), list_separator("en")), ("، ", ", "));
        assert_eq!((list_separator("ja"), list_separator("zh-Hant-TW"), list_separator("ko")), ("、", "、", ", "));
        assert_eq!(
            (builtin("ES", Label::ReadMore), builtin("Fr-CA", Label::Updated)),
            ("Leer el informe completo", "Mis à jour"),
            "any case"
        );
        for (lang, last) in [("en", "Briefs"), ("es", "Informes"), ("fr", "Notes"), ("de", "Berichte"), ("fa", "گزارش‌ها"), ("ar", "موجزات")]
        {
            assert_eq!(builtin(lang, Label::Feed), last);
        }
    }

    #[test]
    fn every_language_has_a_word_for_every_label() {
        for words in [&EN, &ES, &FR, &DE, &FA, &AR] {
            for (key, label) in KEYS {
                assert!(!words.get(label).trim().is_empty(), "{key}");
            }
        }
    }
}
