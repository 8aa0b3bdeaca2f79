//! [`Month`]: a calendar month as a single ordered number, so that series can
//! step from month to month and measure gaps without date arithmetic.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::fact::{last_day_of_month, Period};

/// A calendar month, ordered in time.
///
/// ```
/// use frontline::report::Month;
/// let november = Month::new(2025, 11).unwrap();
/// assert_eq!(november.to_string(), "2025-11");
/// assert_eq!(november.next().to_string(), "2025-12");
/// assert_eq!(november.offset(-12).to_string(), "2024-11");
/// assert_eq!(Month::parse("2025-11"), Some(november));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month(i32);

impl Month {
    /// The month `month` (1–12) of `year`; `None` outside the calendar chrono supports.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Month(year * 12 + month as i32 - 1))
    }

    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Month {
        Month(date.year() * 12 + date.month0() as i32)
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.trim().split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The month a period covers exactly, if it is one calendar month.
    pub fn of_period(period: &Period) -> Option<Month> {
        period.is_month().then(|| Month::of(period.start))
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1 for January … 12 for December.
    pub fn number(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    pub fn next(self) -> Month {
        Month(self.0 + 1)
    }

    pub fn previous(self) -> Month {
        Month(self.0 - 1)
    }

    /// The month `months` months later (earlier when negative).
    pub fn offset(self, months: i32) -> Month {
        Month(self.0 + months)
    }

    /// Number of months from `earlier` to `self` (negative when `earlier` is later).
    pub fn months_since(self, earlier: Month) -> i32 {
        self.0 - earlier.0
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), self.number(), 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        last_day_of_month(self.year(), self.number()).unwrap_or(NaiveDate::MAX)
    }

    /// Number of days in the month.
    pub fn days(self) -> i64 {
        (self.last_day() - self.first_day()).num_days() + 1
    }

    /// `Nov`.
    pub fn abbreviation(self) -> &'static str {
        &self.name()[..3]
    }

    /// `November 2025`.
    pub fn long_name(self) -> String {
        format!("{} {}", self.name(), self.year())
    }

    /// `November`, as chrono names it.
    fn name(self) -> &'static str {
        u8::try_from(self.number())
            .ok()
            .and_then(|number| chrono::Month::try_from(number).ok())
            .expect("a month number is 1 to 12")
            .name()
    }

    /// Every month from `first` to `last`, both included.
    pub fn range(first: Month, last: Month) -> impl Iterator<Item = Month> {
        (first.0..=last.0).map(Month)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_across_years() {
        let december = Month::new(2024, 12).unwrap();
        assert_eq!(december.next(), Month::new(2025, 1).unwrap());
        assert_eq!(Month::new(2025, 1).unwrap().previous(), december);
        assert_eq!(Month::new(2025, 11).unwrap().months_since(december), 11);
        assert_eq!(Month::range(december, december.offset(2)).count(), 3);
    }

    #[test]
    fn knows_its_days() {
        let february = Month::new(2024, 2).unwrap();
        assert_eq!(february.days(), 29);
        assert_eq!(february.last_day().to_string(), "2024-02-29");
        assert_eq!(february.long_name(), "February 2024");
        assert_eq!(february.abbreviation(), "Feb");
        let names: Vec<&str> =
            Month::range(Month::new(2024, 12).unwrap(), Month::new(2025, 12).unwrap())
                .map(Month::abbreviation)
                .collect();
        assert_eq!(names.concat(), "DecJanFebMarAprMayJunJulAugSepOctNovDec");
    }

    #[test]
    fn rejects_malformed_months() {
        for text in ["2025-13", "2025-1", "25-11", "november", ""] {
            assert_eq!(Month::parse(text), None, "{text}");
        }
    }
}
