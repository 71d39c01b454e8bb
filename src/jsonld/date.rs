//! schema.org dates (`Date`, `DateTime`: ISO 8601) into the two forms a
//! brief takes (`YYYY-MM-DD`, or an RFC 3339 date-time), where the reading
//! is unambiguous. Anything else is returned unchanged, so the validator
//! refuses it with its usual problem at the JSON-LD path.

use std::borrow::Cow;

/// `s`, normalised:
///
/// - a space between date and time, as some CMSs write, becomes `T`, and
///   one between time and offset (`10:00:00 +0000`, Ruby's `Time#to_s`) goes;
/// - a time without seconds (`10:00`) gets `:00`;
/// - an offset without a colon (`+0000`) or without minutes (`+02`) gets them;
/// - `UTC` or `GMT` for the zone (Rails writes ` UTC`) is `Z`;
/// - a date-time with no offset at all names no instant, only a calendar
///   date as written, which is all the card shows: the date is kept and the
///   time dropped.
///
/// Fractions of a second pass as they are (the validator keeps three digits).
pub(super) fn normalise(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    let Some(date) = t.get(..10).filter(|d| is_ymd(d)) else { return Cow::Borrowed(s) };
    let rest = t.get(10..).unwrap_or_default();
    if rest.is_empty() {
        return Cow::Borrowed(date);
    }
    let Some(time) = rest.strip_prefix(['T', 't', ' ']) else { return Cow::Borrowed(s) };
    match time_and_zone(time) {
        Some((clock, None)) if !clock.is_empty() => Cow::Borrowed(date),
        Some((clock, Some(zone))) => Cow::Owned(format!("{date}T{clock}{zone}")),
        _ => Cow::Borrowed(s),
    }
}

/// Whether `s` dates something by its year (`2019`) or its month
/// (`2019-06`) only: ISO 8601, and a `Date` to schema.org, but less than the
/// calendar day a brief's date is. Scholarly citations are usually dated so.
pub(super) fn is_year_or_month(s: &str) -> bool {
    let s = s.trim();
    let digits = |d: &str, n: usize| d.len() == n && d.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('-') {
        None => digits(s, 4),
        Some((y, m)) => digits(y, 4) && digits(m, 2) && matches!(m.parse::<u8>(), Ok(1..=12)),
    }
}

/// Whether the (normalised) date `a` is on a calendar day, as written,
/// before `b`'s.
pub(super) fn is_day_before(a: &str, b: &str) -> bool {
    match (a.get(..10).filter(|d| is_ymd(d)), b.get(..10).filter(|d| is_ymd(d))) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    }
}

/// `YYYY-MM-DD` by shape (the validator checks that the day exists).
fn is_ymd(d: &str) -> bool {
    d.len() == 10 && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

/// The clock with seconds (`HH:MM:SS[.frac]`) and the zone (`Z` or
/// `±HH:MM`; `None` when there is none), or `None` for another shape. A
/// clock is checked here, not left to the validator: without a zone it is
/// dropped, and what is dropped must still have been a time of day.
fn time_and_zone(time: &str) -> Option<(String, Option<String>)> {
    let zone_at = time.find(['Z', 'z', '+', '-', ' ', 'U', 'G']).unwrap_or(time.len());
    let (clock, zone) = time.split_at(zone_at);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let under =
        |s: Option<&str>, most: u8| s.filter(|s| s.len() == 2 && digits(s)).and_then(|s| s.parse::<u8>().ok()).is_some_and(|n| n <= most);
    let (hh_mm, seconds) = clock.split_at_checked(5)?;
    if !(under(hh_mm.get(..2), 23) && hh_mm.get(2..3) == Some(":") && under(hh_mm.get(3..), 59)) {
        return None;
    }
    let clock = match seconds.strip_prefix(':') {
        None if seconds.is_empty() => format!("{hh_mm}:00"),
        // A leap second (`:60`) is RFC 3339's too; a fraction is digits.
        Some(s) if under(s.get(..2), 60) && s.get(2..).is_some_and(|f| f.is_empty() || f.strip_prefix('.').is_some_and(digits)) => {
            clock.to_owned()
        }
        _ => return None,
    };
    let zone = zone.strip_prefix(' ').unwrap_or(zone);
    let zone = match zone {
        "" => None,
        "Z" | "z" | "UTC" | "GMT" => Some("Z".to_owned()),
        _ => {
            let (sign, offset) = zone.split_at_checked(1).filter(|(sign, _)| matches!(*sign, "+" | "-"))?;
            let (h, m) = match offset.len() {
                2 => (offset, "00"),
                4 => offset.split_at_checked(2)?,
                5 if offset.as_bytes().get(2) == Some(&b':') => (offset.get(..2)?, offset.get(3..)?),
                _ => return None,
            };
            if !digits(h) || !digits(m) {
                return None;
            }
            Some(format!("{sign}{h}:{m}"))
        }
    };
    Some((clock, zone))
}

#[cfg(test)]
mod tests {
    use super::{is_year_or_month, normalise};

    #[test]
    fn unambiguous_forms_become_what_briefs_take() {
        for (given, want) in [
            ("2024-05-01", "2024-05-01"),
            (" 2024-05-01 ", "2024-05-01"),
            ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z"),
            ("2024-05-01T10:00:00.000Z", "2024-05-01T10:00:00.000Z"),
            ("2024-05-01T10:00:00+0000", "2024-05-01T10:00:00+00:00"),
            ("2024-05-01T10:00:00-0530", "2024-05-01T10:00:00-05:30"),
            ("2024-05-01T10:00:00+02", "2024-05-01T10:00:00+02:00"),
            ("2024-05-01T10:00+02:00", "2024-05-01T10:00:00+02:00"),
            ("2024-05-01 10:00:00z", "2024-05-01T10:00:00Z"),
            ("2024-05-01T10:00:00", "2024-05-01"),
            ("2024-05-01T10:00", "2024-05-01"),
            ("2024-05-01T10:00:00.5", "2024-05-01"),
            ("2024-05-01 10:00:00 +0000", "2024-05-01T10:00:00+00:00"),
            ("2024-05-01 10:00:00 -05:00", "2024-05-01T10:00:00-05:00"),
            ("2024-05-01 10:00:00 UTC", "2024-05-01T10:00:00Z"),
            ("2024-05-01T10:00:00GMT", "2024-05-01T10:00:00Z"),
            ("2024-05-01T23:59:60Z", "2024-05-01T23:59:60Z"),
        ] {
            assert_eq!(normalise(given), want, "{given}");
        }
    }

    #[test]
    fn a_year_or_a_month_alone_is_told_apart() {
        for yes in ["2019", "2019-06", " 1999-12 "] {
            assert!(is_year_or_month(yes), "{yes}");
        }
        for no in ["2019-6", "2019-13", "2019-00", "2019-06-01", "19", "20190", "June 2019", "2019-W18", "-2019", "2019-", "2019-+6", ""] {
            assert!(!is_year_or_month(no), "{no}");
        }
    }

    #[test]
    fn the_rest_is_left_for_the_validator_to_refuse() {
        for other in [
            "2024",
            "2024-05",
            "20240501",
            "2024-W18",
            "2024-122",
            "May 1, 2024",
            "2024-05-01T",
            "2024-05-01T10",
            "2024-05-01T10:00:00+2",
            "2024-05-01T10:00:00+02:0x",
            "2024-05-01X10:00:00Z",
            // A clock that is no time of day, or a zone that names no offset, is not dropped unread.
            "2024-05-01T99:99:99 garbage",
            "2024-05-01T99:99:99",
            "2024-05-01T24:00:00",
            "2024-05-01T10:60",
            "2024-05-01T10:00:00 EST",
            "2024-05-01T10:00:00GMT+1",
            "2024-05-01T10:00:00U1234",
            "2024-05-01T10:00:00.",
            "2024-05-01T10:00:00.5x",
            "2024-05-01T1:00:00",
            "2024-05-01T10:00:00  +0000",
            "",
            "é",
        ] {
            assert_eq!(normalise(other), other, "{other}");
        }
    }
}
