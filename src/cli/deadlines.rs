//! `vanban deadlines FILE|DIR…`: every deadline with its units and task, as a
//! table, JSON, CSV (UTF-8 with BOM, every field quoted) or an RFC 5545 calendar.
//!
//! The calendar is written by hand: it needs a dozen properties, escaping and
//! line folding, which is less than a dependency would cost.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;
use vanban::document::{FileExtraction, Recurrence, Role};
use vanban::pipeline;

use super::inputs::{self, Input};

/// Output formats of `deadlines`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns.
    Table,
    /// A JSON array of rows.
    Json,
    /// CSV, UTF-8 with a byte-order mark so spreadsheets read the Vietnamese text.
    Csv,
    /// An iCalendar file (RFC 5545): one event per dated deadline.
    Ics,
}

/// Arguments of `vanban deadlines`.
#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    #[command(flatten)]
    input: inputs::InputOptions,
    /// Files or directories to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// One deadline with where it stands and who must meet it.
#[derive(Debug, Serialize)]
struct Row {
    file: String,
    document: Option<String>,
    path: Option<String>,
    text: String,
    due: Option<String>,
    start: Option<String>,
    end: Option<String>,
    recurrence: Option<&'static str>,
    units: Vec<String>,
    task: String,
    /// The document's date, which anchors a recurring deadline in a calendar.
    #[serde(skip)]
    doc_date: Option<String>,
}

const COLUMNS: [&str; 10] = ["file", "document", "path", "text", "due", "start", "end", "recurrence", "units", "task"];

pub fn run(args: &DeadlinesArgs) -> anyhow::Result<ExitCode> {
    let (inputs, walk_errors) = args.input.expand(&args.paths);
    let mut failed = walk_errors.len();
    for (path, e) in &walk_errors {
        eprintln!("vanban: {}: {e}", path.display());
    }
    let mut rows = vec![];
    for input in &inputs {
        let Input::File(path) = input else {
            failed += 1;
            eprintln!("vanban: deadlines reads files, not standard input");
            continue;
        };
        match pipeline::extract_path(path, &args.input.limits()) {
            Ok(x) => rows.extend(rows_of(&x)),
            Err(e) => {
                failed += 1;
                eprintln!("vanban: {e}");
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Table => write_table(&mut out, &rows)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(&mut out, &rows)?,
        Format::Ics => out.write_all(ics(&rows, &utc_stamp()).as_bytes())?,
    }
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(super::PARTIAL_FAILURE) } else { ExitCode::SUCCESS })
}

fn rows_of(x: &FileExtraction) -> Vec<Row> {
    let mut rows = vec![];
    for d in &x.documents {
        for task in &d.tasks {
            let units = [Role::Lead, Role::Direct, Role::Support]
                .iter()
                .flat_map(|r| task.units.get(r).into_iter().flatten().cloned())
                .collect::<Vec<_>>();
            for dl in &task.deadlines {
                rows.push(Row {
                    file: x.file.clone(),
                    document: d.symbol.clone(),
                    path: dl.path.clone(),
                    text: dl.text.clone(),
                    due: dl.due.clone(),
                    start: dl.start.clone(),
                    end: dl.end.clone(),
                    recurrence: dl.recurrence.map(recurrence_name),
                    units: units.clone(),
                    task: task.text.clone(),
                    doc_date: d.date.clone(),
                });
            }
        }
    }
    rows
}

fn recurrence_name(r: Recurrence) -> &'static str {
    match r {
        Recurrence::Monthly => "monthly",
        Recurrence::Quarterly => "quarterly",
        Recurrence::HalfYearly => "half-yearly",
        Recurrence::NineMonthly => "nine-monthly",
        Recurrence::Yearly => "yearly",
    }
}

fn fields(r: &Row) -> [String; 10] {
    let or = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        r.file.clone(),
        or(&r.document),
        or(&r.path),
        r.text.clone(),
        or(&r.due),
        or(&r.start),
        or(&r.end),
        r.recurrence.unwrap_or_default().to_string(),
        r.units.join("; "),
        r.task.clone(),
    ]
}

fn write_table(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    for r in rows {
        let f = fields(r);
        let when = [&f[4], &f[5], &f[6]].iter().filter(|s| !s.is_empty()).map(|s| s.as_str()).collect::<Vec<_>>();
        writeln!(out, "{}\t{}\t{}\t{}\t{}\t{}", f[0], f[2], when.join(" → "), f[7], f[3], f[8])?;
    }
    Ok(())
}

fn write_csv(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    out.write_all("\u{feff}".as_bytes())?;
    write!(out, "{}\r\n", COLUMNS.map(quote).join(","))?;
    for r in rows {
        write!(out, "{}\r\n", fields(r).map(|f| quote(&f)).join(","))?;
    }
    Ok(())
}

/// The calendar of every deadline that names a date; a recurring one without a
/// year is anchored in the year (and month) of its document's date.
fn ics(rows: &[Row], stamp: &str) -> String {
    let mut lines = vec!["BEGIN:VCALENDAR".to_string(), "VERSION:2.0".into(), "PRODID:-//vanban//deadlines//VI".into()];
    for (i, r) in rows.iter().enumerate() {
        let Some((start, end)) = event_dates(r) else { continue };
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}-{i}@vanban", uid_part(&r.file)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", start.replace('-', "")));
        if let Some(end) = end {
            lines.push(format!("DTEND;VALUE=DATE:{}", end.replace('-', "")));
        }
        let rule = r.recurrence.and_then(|rec| match rec {
            "yearly" => Some("FREQ=YEARLY"),
            "monthly" => Some("FREQ=MONTHLY"),
            "quarterly" => Some("FREQ=MONTHLY;INTERVAL=3"),
            "half-yearly" => Some("FREQ=MONTHLY;INTERVAL=6"),
            "nine-monthly" => Some("FREQ=MONTHLY;INTERVAL=9"),
            _ => None,
        });
        if let Some(rule) = rule {
            lines.push(format!("RRULE:{rule}"));
        }
        let summary =
            if r.units.is_empty() { r.text.clone() } else { format!("{} — {}", r.text, r.units.join("; ")) };
        lines.push(format!("SUMMARY:{}", escape(&summary)));
        let where_ = format!("{} {}", r.file, r.path.as_deref().unwrap_or(""));
        lines.push(format!("DESCRIPTION:{}", escape(&format!("{}\n{}", where_.trim(), r.task))));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// First day and the day after the last (DTEND is exclusive), ISO.
fn event_dates(r: &Row) -> Option<(String, Option<String>)> {
    let anchor = r.doc_date.as_deref();
    if let Some(due) = &r.due {
        let date = match (due.strip_prefix("---"), due.strip_prefix("--")) {
            (Some(day), _) => format!("{}-{day}", anchor?.get(..7)?),
            (None, Some(md)) => format!("{}-{md}", anchor?.get(..4)?),
            _ => due.clone(),
        };
        return Some((date, None));
    }
    let start = r.start.clone()?;
    let end = r.end.as_deref().and_then(next_day);
    Some((start, end))
}

/// The ISO date after `iso`.
fn next_day(iso: &str) -> Option<String> {
    let mut parts = iso.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + 1);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn utc_stamp() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let (y, m, d) = civil_from_days(secs.div_euclid(86400));
    let t = secs.rem_euclid(86400);
    format!("{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z", t / 3600, t / 60 % 60, t % 60)
}

fn uid_part(file: &str) -> String {
    file.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// TEXT escaping of RFC 5545 §3.3.11.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a character, with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(due: Option<&str>, start: Option<&str>, end: Option<&str>, rec: Option<&'static str>) -> Row {
        Row {
            file: "a b.txt".into(),
            document: None,
            path: Some("II.1".into()),
            text: "trước ngày 30/9 hàng năm".into(),
            due: due.map(Into::into),
            start: start.map(Into::into),
            end: end.map(Into::into),
            recurrence: rec,
            units: vec!["Sở Nội vụ".into(), "Ủy ban nhân dân tỉnh".into()],
            task: "Báo cáo, tổng hợp; kết quả".into(),
            doc_date: Some("2024-02-10".into()),
        }
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let long = format!("SUMMARY:{}", "ệ".repeat(60));
        let folded = fold(&long);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn recurring_day_is_anchored_in_the_document_year_with_a_rule() {
        let cal = ics(&[row(Some("--09-30"), None, None, Some("yearly"))], "20240101T000000Z");
        assert!(cal.contains("DTSTART;VALUE=DATE:20240930\r\n"), "{cal}");
        assert!(cal.contains("RRULE:FREQ=YEARLY\r\n"));
        let cal = ics(&[row(Some("---20"), None, None, Some("quarterly"))], "20240101T000000Z");
        assert!(cal.contains("DTSTART;VALUE=DATE:20240220\r\n") && cal.contains("RRULE:FREQ=MONTHLY;INTERVAL=3\r\n"));
    }

    #[test]
    fn period_end_is_exclusive_next_day() {
        let cal = ics(&[row(None, Some("2024-01-01"), Some("2024-02-29"), None)], "20240101T000000Z");
        assert!(cal.contains("DTEND;VALUE=DATE:20240301\r\n"), "{cal}");
        assert_eq!(next_day("2023-12-31").as_deref(), Some("2024-01-01"));
    }

    #[test]
    fn csv_quotes_every_field_after_a_bom() {
        let mut out = vec![];
        write_csv(&mut out, &[row(Some("2024-05-30"), None, None, None)]).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with('\u{feff}'));
        assert!(s.contains("\"Báo cáo, tổng hợp; kết quả\""));
    }
}
