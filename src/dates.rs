//! Dates as words where no `Intl` is at hand (the command line, the static
//! HTML). The live card formats with the browser's `Intl.DateTimeFormat`
//! instead, in any locale; these tables cover the common ones and fall back
//! to the ISO date, which every reader can read.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::model::BriefDate;
use crate::text::{cat, num};

/// "June 13, 2023", "13 de junio de 2023", "13 juin 2023", "13. Juni 2023", else "2023-06-13".
pub fn format(date: &BriefDate, locale: &str) -> String {
    let m = usize::from(date.month.saturating_sub(1)).min(11);
    let month = |names: &'static str| names.split('|').nth(m).unwrap_or_default();
    let (d, y) = (num(usize::from(date.day)), num(usize::from(date.year)));
    match locale.split('-').next().unwrap_or("") {
        "en" => cat(&[month(EN), " ", &d, ", ", &y]),
        "es" => cat(&[&d, " de ", month(ES), " de ", &y]),
        "fr" => cat(&[&d, " ", month(FR), " ", &y]),
        "de" => cat(&[&d, ". ", month(DE), " ", &y]),
        _ => date.iso.get(..10).unwrap_or(&date.iso).into(),
    }
}

// Month names separated by `|` (one string per language rather than tables
// of strings: pointer tables cost the wasm module more).
const EN: &str = "January|February|March|April|May|June|July|August|September|October|November|December";
const ES: &str = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";
const FR: &str = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const DE: &str = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_known_locales_and_falls_back_to_iso() {
        let d = crate::validate::parse_date("2023-06-13T09:30:00Z").unwrap();
        assert_eq!(format(&d, "en-US"), "June 13, 2023");
        assert_eq!(format(&d, "es"), "13 de junio de 2023");
        assert_eq!(format(&d, "de"), "13. Juni 2023");
        assert_eq!(format(&d, "fa"), "2023-06-13");
        for names in [EN, ES, FR, DE] {
            assert_eq!(names.split('|').count(), 12, "{names}");
        }
    }
}
