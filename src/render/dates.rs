//! Dates as words where no `Intl` is at hand (the command line, the static
//! HTML). The live card formats with the browser's `Intl.DateTimeFormat`
//! instead, in any locale; these tables cover the common ones and fall back
//! to the ISO date, which every reader can read.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::model::BriefDate;
use crate::text::{field, push_num};

/// "June 13, 2023", "13 de junio de 2023", "13 juin 2023", "13. Juni 2023", else "2023-06-13".
pub fn format(date: &BriefDate, locale: &str) -> String {
    let table = match field(locale, b'-', 0).unwrap_or("") {
        "en" => EN,
        "es" => ES,
        "fr" => FR,
        "de" => DE,
        _ => return date.iso.get(..10).unwrap_or(&date.iso).into(),
    };
    let pattern = field(table, b'|', 0).unwrap_or_default();
    let month = field(table, b'|', usize::from(date.month.clamp(1, 12))).unwrap_or_default();
    let mut out = String::new();
    for b in pattern.bytes() {
        match b {
            b'D' => push_num(&mut out, date.day.into()),
            b'M' => out.push_str(month),
            b'Y' => push_num(&mut out, date.year.into()),
            _ => out.push(char::from(b)), // the patterns are ASCII
        }
    }
    out
}

// Per language, one string (rather than tables of strings: pointer tables
// cost the wasm module more): the pattern (D day, M month, Y year), then
// the month names, separated by `|`.
const EN: &str = "M D, Y|January|February|March|April|May|June|July|August|September|October|November|December";
const ES: &str = "D de M de Y|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";
const FR: &str = "D M Y|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const DE: &str = "D. M Y|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_known_locales_and_falls_back_to_iso() {
        let d = crate::validate::parse_date("2023-06-13T09:30:00Z").unwrap();
        assert_eq!(format(&d, "en-US"), "June 13, 2023");
        assert_eq!(format(&d, "es"), "13 de junio de 2023");
        assert_eq!(format(&d, "de"), "13. Juni 2023");
        assert_eq!(format(&d, "fr-CA"), "13 juin 2023");
        assert_eq!(format(&d, "fa"), "2023-06-13");
        let d = crate::validate::parse_date("1999-12-01").unwrap();
        assert_eq!(format(&d, "en"), "December 1, 1999");
        for table in [EN, ES, FR, DE] {
            assert_eq!(table.split('|').count(), 13, "{table}");
            assert!(table.split('|').next().unwrap().is_ascii(), "{table}");
        }
    }
}
