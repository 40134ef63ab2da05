//! Calendar helpers on `jiff` dates: parsing the forms metadata uses, day
//! numbers for sorting and windows, weekday resolution, and the `14 days`
//! durations of rule files.

pub use jiff::civil::Date;
use jiff::civil::Weekday;

/// Month names as a regex alternation, capitalised so that "may" and
/// "march" stay verbs; abbreviations with their point.
pub const MONTH_NAMES: &str = concat!(
    "January|February|March|April|May|June|July|August|September|October|November|December|",
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
);

/// Weekday names, capitalised as prose writes them.
pub const WEEKDAY_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Parse `2024-03-21`, or the date part of `2024-03-21T10:00:00Z`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    head.parse::<Date>().ok()
}

/// Days since 1970-01-01, for ordering and windows.
pub fn day_number(d: Date) -> i32 {
    let epoch = Date::new(1970, 1, 1).expect("valid epoch");
    d.since((jiff::Unit::Day, epoch)).map(|s| s.get_days()).unwrap_or(0)
}

/// The date `n` days after 1970-01-01.
pub fn from_day_number(n: i32) -> Date {
    let epoch = Date::new(1970, 1, 1).expect("valid epoch");
    epoch.checked_add(jiff::Span::new().days(n)).unwrap_or(epoch)
}

/// `d` shifted by `days` (negative: earlier).
pub fn add_days(d: Date, days: i32) -> Date {
    from_day_number(day_number(d) + days)
}

/// The last `weekday` on or before `d` ("on Tuesday" in an article of Thursday).
pub fn last_weekday_on_or_before(d: Date, weekday: Weekday) -> Date {
    d.tomorrow().and_then(|t| t.nth_weekday(-1, weekday)).unwrap_or(d)
}

pub fn weekday_named(name: &str) -> Option<Weekday> {
    Some(match name.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// The latest date with this month and day on or before `reference`
/// ("October 7" in an article of 2023-12-20 is 2023-10-07).
pub fn resolve_month_day(month: u8, day: u8, reference: Date) -> Option<Date> {
    let year = reference.year();
    let this_year = Date::new(year, month as i8, day as i8).ok()?;
    if this_year <= reference { Some(this_year) } else { Date::new(year - 1, month as i8, day as i8).ok() }
}

/// Parse a rule-file duration: `14 days`, `1 day`, `2 weeks`, `0 days`.
pub fn parse_days(s: &str) -> Option<i32> {
    let mut parts = s.split_whitespace();
    let n: i32 = parts.next()?.parse().ok()?;
    let unit = parts.next().unwrap_or("days");
    if parts.next().is_some() || n < 0 {
        return None;
    }
    match unit {
        "day" | "days" => Some(n),
        "week" | "weeks" => Some(n * 7),
        _ => None,
    }
}

/// A date as `jiff` writes it (`2024-03-21`), without its general
/// printer for the years 0 to 9999: reports write each claim's dates
/// several times (158,162 dates for a 16 MiB archive).
#[derive(Debug, Clone, Copy)]
pub struct Ymd(pub Date);

impl Ymd {
    fn digits(self) -> Option<[u8; 10]> {
        let d = self.0;
        let y = u16::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
        let (m, day) = (d.month() as u8, d.day() as u8);
        let digit = |n: u16| b'0' + (n % 10) as u8;
        Some([
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            b'0' + m / 10,
            b'0' + m % 10,
            b'-',
            b'0' + day / 10,
            b'0' + day % 10,
        ])
    }
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.digits() {
            Some(b) => f.write_str(std::str::from_utf8(&b).expect("ASCII digits")),
            None => std::fmt::Display::fmt(&self.0, f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    #[test]
    fn weekdays_resolve_backwards() {
        // Thursday 2024-10-24: "on Tuesday" is 2024-10-22.
        assert_eq!(last_weekday_on_or_before(d("2024-10-24"), Weekday::Tuesday), d("2024-10-22"));
        assert_eq!(last_weekday_on_or_before(d("2024-03-21"), Weekday::Wednesday), d("2024-03-20"));
        assert_eq!(last_weekday_on_or_before(d("2024-03-21"), Weekday::Thursday), d("2024-03-21"));
    }

    #[test]
    fn day_numbers_round_trip() {
        let x = d("2023-10-07");
        assert_eq!(from_day_number(day_number(x)), x);
        assert_eq!(day_number(d("2023-10-08")) - day_number(x), 1);
        assert_eq!(add_days(x, -7), d("2023-09-30"));
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_date("2024-03-21T10:00:00Z"), Some(d("2024-03-21")));
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_days("14 days"), Some(14));
        assert_eq!(parse_days("2 weeks"), Some(14));
        assert_eq!(parse_days("fortnight"), None);
        assert_eq!(resolve_month_day(10, 7, d("2023-12-20")), Some(d("2023-10-07")));
        assert_eq!(resolve_month_day(12, 25, d("2024-03-21")), Some(d("2023-12-25")));
    }

    #[test]
    fn ymd_writes_what_jiff_writes() {
        let mut dates: Vec<Date> = (-800_000..800_000).step_by(97).map(from_day_number).collect();
        dates.extend([Date::MIN, Date::MAX, d("0000-01-01"), d("9999-12-31"), d("2024-02-29")]);
        dates.push(Date::new(-1, 12, 31).unwrap());
        for x in dates {
            assert_eq!(Ymd(x).to_string(), x.to_string());
        }
    }
}
