//! Dates as words where no `Intl` is at hand (the command line, the static
//! HTML). The live card formats with the browser's `Intl.DateTimeFormat`
//! instead, in any locale; these tables cover the common ones and fall back
//! to the ISO date, which every reader can read.

use crate::validate::model::BriefDate;

/// "June 13, 2023", "13 de junio de 2023", "13 juin 2023", "13. Juni 2023", else "2023-06-13".
pub fn format(date: &BriefDate, locale: &str) -> String {
    let (day, year) = (date.day, date.year);
    // Validation keeps `month` in 1..=12; the clamp makes that local.
    let month = |names: &[&'static str; 12]| names.get(usize::from(date.month.clamp(1, 12)) - 1).copied().unwrap_or_default();
    match locale.split('-').next().unwrap_or_default() {
        "en" => format!("{} {day}, {year}", month(&EN)),
        "es" => format!("{day} de {} de {year}", month(&ES)),
        "fr" => format!("{day} {} {year}", month(&FR)),
        "de" => format!("{day}. {} {year}", month(&DE)),
        _ => date.iso.get(..10).unwrap_or(&date.iso).into(),
    }
}

const EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ES: [&str; 12] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
const FR: [&str; 12] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const DE: [&str; 12] = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

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
        assert_eq!(format(&d, "de-AT"), "1. Dezember 1999");
    }
}
