//! Dates as briefs write them: `YYYY-MM-DD`, or an RFC 3339 date-time
//! `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`. Read strictly, here in Rust:
//! `Date.parse` would read a date-time without an offset as local time and
//! roll an invalid day (February 30) over into the next month.

use super::model::BriefDate;

/// The date `s` stands for, or `None` if it is not one of the two forms or
/// names a day that does not exist. The time is checked, then kept only in
/// [`BriefDate::iso`]: the card shows the calendar date as written.
pub fn parse_date(s: &str) -> Option<BriefDate> {
    let (date, time) = match s.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (s, None),
    };
    let (year, month, day) = (number(date.get(0..4)?)?, number(date.get(5..7)?)?, number(date.get(8..)?)?);
    let separators = date.len() == 10 && date.as_bytes().get(4) == Some(&b'-') && date.as_bytes().get(7) == Some(&b'-');
    if !separators || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut iso = date.to_owned();
    if let Some(time) = time {
        iso.push('T');
        iso.push_str(&time_of_day(time)?);
    }
    Some(BriefDate { iso, year: u16::try_from(year).ok()?, month: month as u8, day: day as u8 })
}

/// `HH:MM:SS[.frac](Z|±HH:MM)`, checked, as HTML's `<time datetime>` takes
/// it: upper-case `Z`, at most three digits of fractional seconds.
fn time_of_day(time: &str) -> Option<String> {
    let clock = time.get(0..8)?;
    let (hours, minutes, seconds) = (number(clock.get(0..2)?)?, number(clock.get(3..5)?)?, number(clock.get(6..8)?)?);
    if clock.as_bytes().get(2) != Some(&b':') || clock.as_bytes().get(5) != Some(&b':') || hours > 23 || minutes > 59 || seconds > 59 {
        return None;
    }
    let mut rest = time.get(8..)?;
    let mut fraction = "";
    if let Some(after_dot) = rest.strip_prefix('.') {
        let digits = after_dot.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        fraction = after_dot.get(..digits.min(3))?;
        rest = after_dot.get(digits..)?;
    }
    let zone = match rest {
        "Z" | "z" => "Z".to_owned(),
        _ => {
            let (sign, offset) = rest.split_at_checked(1)?;
            let (h, m) = (number(offset.get(0..2)?)?, number(offset.get(3..)?)?);
            let shape = matches!(sign, "+" | "-") && offset.len() == 5 && offset.as_bytes().get(2) == Some(&b':');
            if !shape || h > 23 || m > 59 {
                return None;
            }
            rest.to_owned()
        }
    };
    let fraction = if fraction.is_empty() { String::new() } else { format!(".{fraction}") };
    Some(format!("{clock}{fraction}{zone}"))
}

/// A run of ASCII digits as a number (no sign, no spaces).
fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_check_every_part() {
        let ymd = |s: &str| parse_date(s).map(|d| (d.year, d.month, d.day));
        assert_eq!(ymd("2000-02-29"), Some((2000, 2, 29)));
        assert_eq!(ymd("2024-12-31"), Some((2024, 12, 31)));
        assert_eq!(ymd("2023-04-30T23:59:59+23:59"), Some((2023, 4, 30)));
        for bad in [
            "1900-02-29",
            "2023-04-31",
            "2023-00-10",
            "2023-13-10",
            "2023-01-00",
            "2023-01-1",
            "2023/01/10",
            "2023-01-10 ",
            "2023-01-10T",
            "2023-01-10T09:30",
            "2023-01-10T24:00:00Z",
            "2023-01-10T09:60:00Z",
            "2023-01-10T09:30:60Z",
            "2023-01-10T09:30:00.Z",
            "2023-01-10T09:30:00+24:00",
            "2023-01-10T09:30:00+23:60",
            "2023-01-10T09:30:00+0100",
            "2023-01-10T09:30:00+01:00:00",
            "2023-01-10T09:30:00ZZ",
            "2023-01-10X09:30:00Z",
            "２０２３-01-10",
            "+023-01-10",
        ] {
            assert_eq!(ymd(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_month_has_its_days() {
        for year in [1900, 2000, 2023, 2024] {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            for (month, days) in [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].into_iter().enumerate() {
                let date = |day: u32| parse_date(&format!("{year}-{:02}-{day:02}", month + 1)).is_some();
                assert!(date(1) && date(days) && !date(days + 1) && !date(0), "{year}-{}", month + 1);
            }
        }
    }

    #[test]
    fn date_times_keep_at_most_three_fraction_digits_in_upper_case() {
        let iso = |s: &str| parse_date(s).map(|d| d.iso);
        assert_eq!(iso("2023-06-13").as_deref(), Some("2023-06-13"));
        assert_eq!(iso("2023-06-13t09:30:00z").as_deref(), Some("2023-06-13T09:30:00Z"));
        assert_eq!(iso("2023-06-13T09:30:00.12-05:30").as_deref(), Some("2023-06-13T09:30:00.12-05:30"));
        assert_eq!(iso("2023-06-13T09:30:00.123456789+01:00").as_deref(), Some("2023-06-13T09:30:00.123+01:00"));
    }
}
