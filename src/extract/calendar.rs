//! The calendar rule every extractor shares: which days exist. A date that does
//! not exist ("31/4/2024") is never shifted to one that does.

/// Days in month `m` of year `y`, `None` for a month that does not exist.
pub fn days_in_month(y: i32, m: u32) -> Option<u32> {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    Some(match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// An ISO date from day, month and year as printed, if they form a real date.
pub fn iso_date(d: &str, m: &str, y: &str) -> Option<String> {
    let (d, m, y): (u32, u32, i32) = (d.trim().parse().ok()?, m.trim().parse().ok()?, y.trim().parse().ok()?);
    let days = days_in_month(y, m)?;
    (1..=days).contains(&d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_date_rejects_impossible_days() {
        assert_eq!(iso_date("29", "2", "2024").as_deref(), Some("2024-02-29"));
        assert_eq!(iso_date("29", "2", "2023"), None);
        assert_eq!(iso_date("29", "2", "1900"), None);
        assert_eq!(iso_date("29", "2", "2000").as_deref(), Some("2000-02-29"));
        assert_eq!(iso_date("31", "4", "2024"), None);
        assert_eq!(iso_date("1", "13", "2024"), None);
        assert_eq!(iso_date("…", "01", "2026"), None);
    }
}
