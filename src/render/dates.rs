//! Dates as words in the static outputs. The live card writes them with the
//! browser's `Intl.DateTimeFormat` (year numeric, month long, day numeric,
//! the date as written); a static card must read as the live card will, so
//! the static outputs take their formatter from their caller, a
//! [`DateFormat`]: natively [`icu`] (ICU4X: CLDR's words, digits and each
//! locale's own calendar, the Persian one for `fa`, as `Intl` has them), in
//! the browser `Intl` itself. [`builtin`] serves where either refuses the
//! locale.

use crate::format::patterns::primary;
use crate::validate::model::BriefDate;

/// Writes a calendar date in a locale's words: `(date, locale) -> "June 13, 2023"`.
pub type DateFormat = fn(&BriefDate, &str) -> String;

/// The date in `locale` through ICU4X, with the locale's default calendar
/// and digits; [`builtin`] where `locale` is not a BCP 47 language tag
/// (where `Intl` throws, and the live card too falls back to it).
#[cfg(not(target_arch = "wasm32"))]
pub fn icu(date: &BriefDate, locale: &str) -> String {
    icu_format(date, locale).unwrap_or_else(|| builtin(date, locale))
}

#[cfg(not(target_arch = "wasm32"))]
fn icu_format(date: &BriefDate, locale: &str) -> Option<String> {
    use icu_calendar::Date;
    use icu_datetime::fieldsets::YMD;
    use icu_datetime::DateTimeFormatter;
    use icu_locale_core::Locale;

    // ICU4X also reads `_` as a separator; `Intl` refuses it.
    if locale.contains('_') {
        return None;
    }
    let locale: Locale = locale.parse().ok()?;
    let date = Date::try_new_iso(i32::from(date.year), date.month, date.day).ok()?;
    // `YMD::long()`: the fields of `{year: "numeric", month: "long", day: "numeric"}`.
    let words = |locale: &Locale| Some(DateTimeFormatter::try_new(locale.into(), YMD::long()).ok()?.format(&date).to_string());
    let in_locale = words(&locale)?;
    // A language CLDR has no words for gets the root locale's "2023 M06 13",
    // which reads as no language does (`Intl` shows its own default locale).
    // The root is asked with the same script, region (as likely subtags
    // complete them: `az-Arab` is written in Iran, in the Persian calendar)
    // and extensions (`-u-nu-arab`, `-u-ca-hebrew`), which change its digits
    // and calendar but not its lack of words.
    let mut root = locale.clone();
    icu_locale::LocaleExpander::new_common().maximize(&mut root.id);
    root.id.language = Locale::UNKNOWN.id.language;
    (in_locale != words(&root)?).then_some(in_locale)
}

/// "June 13, 2023", "13 de junio de 2023", "13 juin 2023", "13. Juni 2023",
/// else "2023-06-13": the words of a few common locales, for a locale that
/// `Intl` (or ICU4X) refuses.
pub fn builtin(date: &BriefDate, locale: &str) -> String {
    let (day, year) = (date.day, date.year);
    // Validation keeps `month` in 1..=12; the clamp makes that local.
    let month = |names: &[&'static str; 12]| names.get(usize::from(date.month.clamp(1, 12)) - 1).copied().unwrap_or_default();
    // Language tags are case-insensitive ("ES", "Fr-CA").
    match primary(locale).to_ascii_lowercase().as_str() {
        "en" => format!("{} {day}, {year}", month(&EN)),
        "es" => format!("{day} de {} de {year}", month(&ES)),
        "fr" => format!("{day} {} {year}", month(&FR)),
        "de" => format!("{day}. {} {year}", month(&DE)),
        _ => date.iso.get(..10).unwrap_or(&date.iso).into(),
    }
}

const EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ES: [&str; 12] =
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
const FR: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const DE: [&str; 12] =
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_formats_known_locales_and_falls_back_to_iso() {
        let d = crate::validate::parse_date("2023-06-13T09:30:00Z").unwrap();
        assert_eq!(builtin(&d, "en-US"), "June 13, 2023");
        assert_eq!(builtin(&d, "es"), "13 de junio de 2023");
        assert_eq!(builtin(&d, "DE-at"), "13. Juni 2023", "any case");
        assert_eq!(builtin(&d, "de"), "13. Juni 2023");
        assert_eq!(builtin(&d, "fr-CA"), "13 juin 2023");
        assert_eq!(builtin(&d, "fa"), "2023-06-13");
        let d = crate::validate::parse_date("1999-12-01").unwrap();
        assert_eq!(builtin(&d, "en"), "December 1, 1999");
        assert_eq!(builtin(&d, "de-AT"), "1. Dezember 1999");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn icu_writes_each_locale_in_its_own_calendar_and_digits() {
        let d = crate::validate::parse_date("2024-03-20T09:30:00Z").unwrap();
        assert_eq!(icu(&d, "en"), "March 20, 2024");
        assert_eq!(icu(&d, "es"), "20 de marzo de 2024");
        // Nowruz: the first day of the Persian year 1403, in Persian digits.
        assert_eq!(icu(&d, "fa"), "۱ فروردین ۱۴۰۳");
        assert_eq!(icu(&d, "th"), "20 มีนาคม 2567");
        assert_eq!(icu(&d, "en-u-ca-japanese"), "March 20, 6 Reiwa");
        // Not a language tag (`Intl` throws), or a language CLDR has no words for: the built-in words.
        assert_eq!(icu(&d, "en_US"), "2024-03-20");
        assert_eq!(icu(&d, "xx"), "2024-03-20");
        assert_eq!(icu(&d, "und"), "2024-03-20");
        // Languages without words, whatever digits or calendar they ask for.
        for wordless in ["dv-u-nu-arab", "ar-Latn-u-nu-arab", "az-Arab", "az-IR", "yi-u-ca-hebrew", "dv"] {
            assert_eq!(icu(&d, wordless), "2024-03-20", "{wordless}");
        }
        assert_eq!(icu(&d, "ar-u-nu-arab"), "٢٠ مارس ٢٠٢٤");
    }
}
