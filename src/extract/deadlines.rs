//! Deadlines: every time limit of a document, normalized.
//!
//! Owns the time expressions of plans and letters: due dates ("trước ngày
//! 30/5/2023", "chậm nhất ngày …"), periods ("Quý II, năm 2023", "trong tháng
//! 7/2026", "Từ 01/3 đến 30/10/2024", a year as the value of "Thời gian thực
//! hiện:"), reporting cycles ("định kỳ 6 tháng, 01 năm", "hàng quý", "trước ngày
//! 20 hằng tháng") and relative limits ("trong thời hạn 05 ngày kể từ …"), which
//! are kept apart because they name no date. A date is only a deadline behind a
//! word that makes it one, so the dates of cited documents and effective dates
//! never are. A date that does not exist is reported in `problem`, not shifted.
//! The forms, with examples, are in `grammars/deadlines.tsv`.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::document::{Deadline, Recurrence};
use crate::extract::calendar::days_in_month;
use crate::extract::sections::Outline;
use crate::prefilter::{Prefiltered, Prefilters, Scanned, fold_case};
use crate::span::Span;

/// Deadlines found in one document.
#[derive(Debug, Default)]
pub struct Found {
    /// Scored time limits.
    pub scored: Vec<Deadline>,
    /// Relative limits, kept but not scored.
    pub relative: Vec<Deadline>,
}

/// A point or stretch of time as printed: a day, a month, a quarter or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Point {
    Day {
        d: u32,
        m: u32,
        y: Option<i32>,
    },
    /// Month `m`, or the months `m` to `to` of one year ("tháng 9 - 10/2025").
    Month {
        m: u32,
        to: u32,
        y: Option<i32>,
    },
    /// Quarter `q`, or the quarters `q` to `to` ("Quý III - IV/2025").
    Quarter {
        q: u32,
        to: u32,
        y: Option<i32>,
    },
    /// The first (1) or second (2) half of a year.
    Half {
        h: u32,
        y: i32,
    },
    /// Year `y`, or the years `y` to `to` ("năm 2025 - 2026").
    Year {
        y: i32,
        to: i32,
    },
}

/// The regex of one point, its groups prefixed with `p` so two can share a pattern.
fn point(p: &str) -> String {
    // "Quý" also as older texts spell it ("Quí") and as a scan leaves it ("Quy IV").
    const QUARTER: &str = "qu[ýíyi]";
    // The words of a date as a scan may misprint their marks ("ngay 30/6/2025").
    use crate::grammar::{DAY_WORD as DAY, MONTH_WORD as MONTH, YEAR_WORD as YEAR};
    format!(
        r"(?:{DAY}\s+(?P<{p}wd>[0-9]{{1,2}})\s+{MONTH}\s+(?P<{p}wm>[0-9]{{1,2}})(?:\s+{YEAR}\s+(?P<{p}wy>[0-9]{{4}}))?|(?:{DAY}\s+)?\b(?P<{p}d>[0-9]{{1,2}})\s*[/-]\s*(?P<{p}dm>[0-9]{{1,2}})(?-u:\b)(?:\s*[/-]\s*(?P<{p}dy>[0-9]{{4}}))?|{QUARTER}\s+(?P<{p}q>IV|I{{1,3}}|[1-4])\b(?:\s*[-–]\s*(?:{QUARTER}\s+)?(?P<{p}q2>IV|I{{1,3}}|[1-4])\b)?(?:\s*[/,-]?\s*(?:{YEAR}\s+)?(?P<{p}qy>[0-9]{{4}}))?|{MONTH}\s+(?P<{p}m>[0-9]{{1,2}})(?:\s*[-–]\s*(?:{MONTH}\s+)?(?P<{p}m2>[0-9]{{1,2}})\s*(?:/\s*(?P<{p}ms>[0-9]{{4}})|\s+{YEAR}\s+(?P<{p}ms2>[0-9]{{4}}))|\s*[/-]\s*(?P<{p}my>[0-9]{{4}})|\s+{YEAR}\s+(?P<{p}my2>[0-9]{{4}}))?|{YEAR}\s+(?P<{p}y>[0-9]{{4}})(?:\s*[-–]\s*(?P<{p}y2>[0-9]{{4}})\b)?)"
    )
}

fn read_point(c: &Captures<'_>, p: &str) -> Option<Point> {
    let num = |g: &str| c.name(&format!("{p}{g}")).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = |g: &str| num(g).map(|y| y as i32);
    if let (Some(d), Some(m)) = (num("wd").or(num("d")), num("wm").or(num("dm"))) {
        return Some(Point::Day { d, m, y: year("wy").or(year("dy")) });
    }
    // A span runs forward: "tháng 10 - 9/2025" is no span of months.
    let span = |from: u32, to: Option<u32>| match to {
        Some(to) if to > from => Some(to),
        Some(_) => None,
        None => Some(from),
    };
    let quarter = |g: &str| {
        c.name(&format!("{p}{g}")).map(|q| match q.as_str().to_uppercase().as_str() {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            _ => 4,
        })
    };
    if let Some(q) = quarter("q") {
        return Some(Point::Quarter { q, to: span(q, quarter("q2"))?, y: year("qy") });
    }
    if let Some(m) = num("m") {
        return Some(Point::Month {
            m,
            to: span(m, num("m2"))?,
            y: year("my").or(year("my2")).or(year("ms")).or(year("ms2")),
        });
    }
    // Years run forward, and not past a programme's horizon: "năm 2025 - 2026"; what spans
    // more than ten years is no time limit (or no span: "năm 2025 - 1975").
    let y = year("y")?;
    match year("y2") {
        Some(to) if to > y && to - y <= 10 => Some(Point::Year { y, to }),
        Some(_) => None,
        None => Some(Point::Year { y, to: y }),
    }
}

impl Point {
    fn year(self) -> Option<i32> {
        match self {
            Point::Day { y, .. } | Point::Month { y, .. } | Point::Quarter { y, .. } => y,
            Point::Year { y, .. } | Point::Half { y, .. } => Some(y),
        }
    }

    fn with_year(self, year: Option<i32>) -> Point {
        match self {
            Point::Day { d, m, y } => Point::Day { d, m, y: y.or(year) },
            Point::Month { m, to, y } => Point::Month { m, to, y: y.or(year) },
            Point::Quarter { q, to, y } => Point::Quarter { q, to, y: y.or(year) },
            p => p,
        }
    }

    /// First and last day, ISO; an error names a date that does not exist.
    /// The due date of a day: a recurring day printed without its year falls every cycle
    /// ("trước ngày 15/12 hằng năm", "hằng năm (trước ngày 15/12)" → `--12-15`, checked
    /// against a leap year); any other takes the document's year when it prints none.
    fn due(self, recurring: bool, year: Option<i32>) -> Result<String, String> {
        match self {
            Point::Day { d, m, y: None } if recurring => {
                Point::Day { d, m, y: Some(2000) }.bounds().map(|_| format!("--{m:02}-{d:02}"))
            }
            _ => self.with_year(year).bounds().map(|(due, _)| due),
        }
    }

    fn bounds(self) -> Result<(String, String), String> {
        let (y, m0, m1, d0, d1) = match self {
            Point::Day { d, m, y: Some(y) } => (y, m, m, d, d),
            Point::Month { m, to, y: Some(y) } => (y, m, to, 1, 0),
            Point::Quarter { q, to, y: Some(y) } => (y, 3 * q - 2, 3 * to, 1, 0),
            Point::Half { h, y } => (y, 6 * h - 5, 6 * h, 1, 0),
            Point::Year { y, to } if to != y => {
                return Ok((format!("{y:04}-01-01"), format!("{to:04}-12-31")));
            }
            Point::Year { y, .. } => (y, 1, 12, 1, 0),
            _ => return Err("no year is printed and the document has no date".into()),
        };
        let last = days_in_month(y, m1).ok_or_else(|| format!("month {m1} does not exist"))?;
        let d1 = if d1 == 0 { last } else { d1 };
        if d0 == 0 || d1 > last {
            return Err(format!("{d1:02}/{m1:02}/{y} does not exist"));
        }
        Ok((format!("{y:04}-{m0:02}-{d0:02}"), format!("{y:04}-{m1:02}-{d1:02}")))
    }
}

/// What the document's date lends to expressions that do not print it.
#[derive(Clone, Copy, Debug, Default)]
struct Context<'d> {
    date: Option<&'d str>,
    year: Option<i32>,
}

/// The recurrence words of a reporting cycle, as one alternation.
const CYCLE: &str = r"(?:(?:hàng|hằng)\s+(?:tháng|quý|năm)|0?6\s+tháng|0?9\s+tháng|quý|(?:01\s+)?năm|cuối\s+năm|tháng)";

static RANGE: LazyLock<Prefiltered> = LazyLock::new(|| {
    let (a, b) = (point("a"), point("b"));
    Regex::new(&format!(r"(?i)(?:\btừ\s+)?{a}\s*(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+bầu\s+cử\s+)?{b}")).unwrap().into()
});
/// "Từ tháng 5/2024 - tháng 12/2024": a dash for "đến", only after "từ" (a dash alone
/// joins too much else: "giai đoạn 2021 - 2025", a list "15/6 - 20/6").
static DASH_RANGE: LazyLock<Prefiltered> = LazyLock::new(|| {
    let (a, b) = (point("a"), point("b"));
    Regex::new(&format!(r"(?i)\btừ\s+{a}\s*[-–]\s*{b}")).unwrap().into()
});
static OPEN_RANGE: LazyLock<Prefiltered> = LazyLock::new(|| {
    let (a, b) = (point("a"), point("b"));
    Regex::new(&format!(
        r"(?i)\btừ\s+(?:(?P<now>nay)|{a})\s+(?:đến|tới)(?:\s+hết)?\s+(?:{b}|(?:ngày|khi|lúc|kết\s+thúc)\b[^,.;:()]*)"
    ))
    .unwrap()
    .into()
});
/// An hour before the day a limit falls on: "trước 17 giờ ngày 20/3", "16 giờ 00 ngày 20 hằng tháng".
const HOUR: &str = r"(?:[0-9]{1,2}\s*(?:giờ|h)(?:\s*[0-9]{1,2}(?:\s*phút)?)?,?\s+)?";
static DUE: LazyLock<Prefiltered> = LazyLock::new(|| {
    let a = point("a");
    Regex::new(&format!(
        r"(?i)\b(?:trước|truớc|trưóc|truóc|trươc|truoc|chậm\s+nhất(?:\s+là)?(?:\s+(?:vào|đến))?|hạn\s+chót|không\s+quá|muộn\s+nhất|(?P<until>đến\s+hết))\s+{HOUR}{a}(?:\s+(?P<every>(?:hàng|hằng)\s+(?:năm|tháng)))?"
    ))
    .unwrap().into()
});
/// More days after a due day, and a cycle after the last that governs them all: " và 15/12
/// hằng năm", ", 15/9 và 15/12". Read from the end of a [`DUE`] match.
static DAY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*(?:,|và)\s*(?:ngày\s+)?(?:[0-9]{1,2}\s*/\s*[0-9]{1,2}(?:\s*/\s*[0-9]{4})?|[0-9]{1,2}\s+tháng\s+[0-9]{1,2}(?:\s+năm\s+[0-9]{4})?)\b)+(?:\s+(?P<every>(?:hàng|hằng)\s+(?:năm|quý)))?")
        .unwrap()
});
/// One day of a [`DAY_LIST`], short or long form: the day as printed, then day, month,
/// year as groups 2-4 ("15/12/2025") or 5-7 ("15 tháng 12 năm 2025").
static LISTED_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(([0-9]{1,2})\s*/\s*([0-9]{1,2})(?:\s*/\s*([0-9]{4}))?|([0-9]{1,2})\s+tháng\s+([0-9]{1,2})(?:\s+năm\s+([0-9]{4}))?)")
        .unwrap()
});
static MONTHLY_DAY: LazyLock<Prefiltered> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:trước|chậm\s+nhất(?:\s+là)?|vào)\s+{HOUR}(?:ngày\s+)?(?P<d>[0-9]{{1,2}})\s+(?:hàng|hằng)\s+tháng"
    ))
    .unwrap()
    .into()
});
/// "định kỳ hằng tháng báo cáo kết quả trước ngày 20": a day without a month after a monthly
/// cycle in the same clause is that day of every month, as in "trước ngày 20 hằng tháng".
/// `more` catches a day that goes on as a date ("trước ngày 20/3") or in the form above.
static CYCLE_THEN_DAY: LazyLock<Prefiltered> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:hàng|hằng)\s+tháng\b[^.;:\n]{0,120}?\b(?P<due>(?:trước|chậm\s+nhất(?:\s+là)?|vào)\s+ngày\s+(?P<d>[0-9]{1,2}))(?P<more>\s*[/.-]\s*[0-9]|\s+tháng|\s+(?:hàng|hằng)\s+tháng)?",
    )
    .unwrap()
    .into()
});
static SINCE: LazyLock<Prefiltered> = LazyLock::new(|| {
    let a = point("a");
    Regex::new(&format!(r"(?i)\bsau\s+ngày\s+(?:\p{{L}}+\s+){{0,3}}?{a}")).unwrap().into()
});
static PERIOD: LazyLock<Prefiltered> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:trong|dự\s+kiến|vào|cuối|đầu)\s+)?(?:qu[ýíyi]\s+(?:IV|I{1,3}|[1-4])(?:\s*[-–]\s*(?:qu[ýíyi]\s+)?(?:IV|I{1,3}|[1-4]))?\s*[/,-]?\s*(?:năm\s+)?[0-9]{4}|(?:trong|dự\s+kiến|vào|hoàn\s+thành)\s+tháng\s+[0-9]{1,2}(?:\s*[-–]\s*(?:tháng\s+)?[0-9]{1,2})?\s*(?:/\s*|năm\s+)[0-9]{4}|trong\s+năm\s+[0-9]{4}(?:\s*[-–]\s*[0-9]{4}\b)?|trong\s+0?6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+[0-9]{4})?)",
    )
    .unwrap().into()
});
/// "Thời gian thực hiện:", "Tiến độ:" opening a line of the paragraph, after a bullet or a
/// label ("10. Thời gian: Năm 2025"), or on the line under the task it times.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:[-+•]|[0-9]{{1,2}}(?:\.[0-9]{{1,2}})*\s*[.)/-]|[a-zđ]\s*[.)/])?\s*(?:{TIME_WORDS})[^:\n]{{0,30}}:\s*",
    ))
    .unwrap()
});
/// The words a time label or a task table's time column opens with.
const TIME_WORDS: &str = r"thời\s+gian|thời\s+hạn|tiến\s+độ";
/// The header of a task table's time column ("Thời gian hoàn thành").
static TIME_HEADER: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{TIME_WORDS})")).unwrap());
static LABEL_POINT: LazyLock<Prefiltered> = LazyLock::new(|| {
    let a = point("a");
    Regex::new(&format!(
        r"(?i)(?:\b(?:trong|dự\s+kiến|vào)\s+)?(?:(?P<half>0?6\s+tháng\s+(?:đầu|cuối)\s+năm)(?:\s+(?P<half_year>[0-9]{{4}}))?|{a})"
    ))
        .unwrap()
        .into()
});
static CYCLE_LIST: LazyLock<Prefiltered> = LazyLock::new(|| {
    let item =
        format!(r"{CYCLE}(?:\s*\(\s*trước\s+ngày\s+[0-9]{{1,2}}\s*/\s*[0-9]{{1,2}}(?:\s*/\s*[0-9]{{4}})?\s*\))?");
    Regex::new(&format!(
        r"(?i)(?P<anchor>\bđịnh\s+kỳ\s+)?\b{item}(?:\s*(?:,|\bvà\b|\bhoặc\b)\s*{item})*(?P<after>\s*\p{{L}}*)"
    ))
    .unwrap()
    .into()
});
static CYCLE_ITEM: LazyLock<Prefiltered> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\bđịnh\s+kỳ\s+)?\b(?P<word>{CYCLE})(?:\s*\(\s*trước\s+ngày\s+(?P<d>[0-9]{{1,2}})\s*/\s*(?P<m>[0-9]{{1,2}})(?:\s*/\s*(?P<y>[0-9]{{4}}))?\s*\))?"
    ))
    .unwrap().into()
});
/// A reporting cycle in a clause, before the day it sets ("định kỳ hằng năm tổng hợp, báo
/// cáo … trước ngày 15/12"): any [`CYCLE`] word after "định kỳ", or a "hàng"/"hằng" one
/// alone. See [`clause_cycle`].
static CLAUSE_CYCLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\bđịnh\s+kỳ\s+{CYCLE}\b|\b(?:hàng|hằng)\s+(?:tháng|quý|năm)\b")).unwrap()
});
static CYCLE_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*[-+•]?\s*báo\s+cáo\s+(?P<word>{CYCLE})\s*:")).unwrap());
static RELATIVE: LazyLock<Prefiltered> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:trong\s+(?:thời\s+hạn|vòng)|chậm\s+nhất(?:\s+là)?|sau|trước\s+ngày\s+\p{L}+(?:\s+\p{L}+)?)\s+[0-9]{1,3}\s+(?:ngày|tháng|giờ)(?:\s+làm\s+việc)?(?:\s*,?\s*(?:kể\s+)?từ\s+[^,.;()]*)?",
    )
    .unwrap().into()
});
/// The patterns [`read_paragraph`] runs over each paragraph, asked at once which may match.
static PATTERNS: LazyLock<Prefilters<'static>> = LazyLock::new(|| {
    Prefilters::new(vec![
        &RANGE,
        &DASH_RANGE,
        &OPEN_RANGE,
        &DUE,
        &MONTHLY_DAY,
        &CYCLE_THEN_DAY,
        &SINCE,
        &PERIOD,
        &RELATIVE,
    ])
});
/// Compile the patterns of [`extract`] now: they are the costliest of any
/// extractor to build, and a caller with a core to spare builds them while the
/// first document is read and segmented ([`crate::extract::prepare`]).
pub fn prepare() {
    LazyLock::force(&PATTERNS);
    for pattern in [&LABEL_POINT, &CYCLE_LIST, &CYCLE_ITEM] {
        LazyLock::force(pattern);
    }
}

/// Words before a cycle that make it no time limit: a budget's cycle ("kinh phí hàng năm",
/// "dự toán chi sự nghiệp kinh tế hằng năm", "nguồn … được giao hằng năm"), a payment's
/// ("phụ cấp hằng tháng", "mức hỗ trợ hằng tháng"), an average rate ("tăng trưởng bình quân hằng năm đạt 8%"), a
/// work programme's ("chương trình công tác toàn khóa và hằng năm").
static NO_CYCLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:kinh\s+phí|ngân\s+sách|dự\s+toán(?:\s+chi(?:\s+\p{Ll}+){0,4})?|phụ\s+cấp|trợ\s+cấp|(?:mức\s+)?hỗ\s+trợ|mức\s+chi|sinh\s+hoạt\s+phí|tiền\s+lương|mức\s+lương|thù\s+lao|bình\s+quân|trung\s+bình|được\s+giao|chương\s+trình\s+công\s+tác(?:\s+toàn\s+khóa\s+và)?)\s*$")
        .unwrap()
});

fn recurrence(word: &str) -> Option<Recurrence> {
    let w = word.to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let w = w.trim_start_matches("định kỳ ").trim_start_matches("hàng ").trim_start_matches("hằng ");
    Some(match w {
        "tháng" => Recurrence::Monthly,
        "quý" => Recurrence::Quarterly,
        "6 tháng" | "06 tháng" => Recurrence::HalfYearly,
        "9 tháng" | "09 tháng" => Recurrence::NineMonthly,
        "năm" | "01 năm" | "cuối năm" => Recurrence::Yearly,
        _ => return None,
    })
}

/// One candidate: where it stands, and the deadline (or relative limit) it reads as.
struct Candidate {
    span: Span,
    deadline: Deadline,
    relative: bool,
}

fn deadline(text: &str, span: Span) -> Deadline {
    Deadline {
        path: None,
        text: text.trim().to_string(),
        due: None,
        start: None,
        end: None,
        recurrence: None,
        span,
        problem: None,
    }
}

/// Find the deadlines of one document; `date` is the document's date (ISO), which
/// lends its year to a day and month printed without one and its day to "từ nay".
pub fn extract(text: &str, outline: &Outline, date: Option<&str>) -> Found {
    let ctx = Context { date, year: date.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()) };
    let mut found = Found::default();
    for part in &outline.paragraphs {
        for paragraph in part {
            for mut c in read_paragraph(&text[paragraph.range()], paragraph.start as usize, ctx) {
                if over_before(&c.deadline, date) {
                    continue;
                }
                c.deadline.path = outline.path_at(c.span.start as usize).map(str::to_string);
                if c.relative { found.relative.push(c.deadline) } else { found.scored.push(c.deadline) }
            }
        }
    }
    found
}

/// Whether a time expression that prints its year was over before the document was
/// written (`date`): "từ ngày 01/4 đến ngày 30/6/2024 tổ chức 05 đoàn kiểm tra", "trong
/// Quý III/2024" in a report of December 2024 tell what was done, not by when. Without
/// a year printed the document's own is assumed, and a day before the date may be meant
/// for the next year; those stay.
fn over_before(d: &Deadline, date: Option<&str>) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^|[^0-9])(?:19|20)[0-9]{2}(?:$|[^0-9])").unwrap());
    let last = d.end.as_deref().or(d.due.as_deref()).filter(|l| !l.starts_with('-'));
    match (last, date) {
        (Some(last), Some(date)) => last < date && YEAR.is_match(&d.text),
        _ => false,
    }
}

/// Whether a paragraph may hold a time expression, answered without running the
/// patterns of [`read_paragraph`]: every point in time prints a digit or a quarter
/// ("quý IV"), "từ nay" has "nay", and a reporting cycle counts only with "định kỳ",
/// "hàng" or "hằng" (see [`cycles`]).
fn may_hold_deadline(p: &str) -> bool {
    static WORDS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)qu[ýí]|qu[yi]\s+[IV1-4]|nay|hàng|hằng|định\s+kỳ").unwrap());
    // Sixteen bytes at a time with no branch between them, which the compiler runs as one
    // vector compare: most paragraphs hold no digit for long, many none at all.
    let digit = p.as_bytes().chunks(16).any(|bytes| bytes.iter().fold(false, |any, b| any | b.is_ascii_digit()));
    digit || WORDS.is_match(p)
}

/// Every time expression of one paragraph that starts at `base`, longest first wins.
fn read_paragraph(p: &str, base: usize, ctx: Context<'_>) -> Vec<Candidate> {
    let mut all = vec![];
    if !may_hold_deadline(p) {
        return all;
    }
    let span = |s: usize, e: usize| Span::new(base + s, base + e);
    let folded = fold_case(p);
    let scanned = PATTERNS.scan(&folded);
    let head_cycle = CYCLE_HEAD.captures(p).and_then(|c| recurrence(&c["word"]));
    for c in RANGE.captures_in(p, &scanned).chain(DASH_RANGE.captures_in(p, &scanned)) {
        let m = c.get(0).unwrap();
        let (Some(a), Some(b)) = (read_point(&c, "a"), read_point(&c, "b")) else { continue };
        let b = b.with_year(ctx.year);
        let a = a.with_year(b.year());
        let mut d = deadline(m.as_str(), span(m.start(), m.end()));
        match (a.bounds(), b.bounds()) {
            (Ok((s, _)), Ok((_, e))) => (d.start, d.end) = (Some(s), Some(e)),
            (Err(e), _) | (_, Err(e)) => d.problem = Some(e),
        }
        all.push(Candidate { span: d.span, deadline: d, relative: false });
    }
    for c in OPEN_RANGE.captures_in(p, &scanned) {
        let m = c.get(0).unwrap();
        let mut d = deadline(m.as_str(), span(m.start(), m.end()));
        d.start = if c.name("now").is_some() {
            ctx.date.map(str::to_string)
        } else {
            read_point(&c, "a").and_then(|a| a.with_year(ctx.year).bounds().ok()).map(|b| b.0)
        };
        d.end = read_point(&c, "b").and_then(|b| b.with_year(ctx.year).bounds().ok()).map(|b| b.1);
        all.push(Candidate { span: d.span, deadline: d, relative: false });
    }
    // Cycles that a day in their clause took over: their own entries go.
    let mut absorbed: Vec<Span> = vec![];
    for c in DUE.captures_in(p, &scanned) {
        let m = c.get(0).unwrap();
        let Some(a) = read_point(&c, "a") else { continue };
        // "đến hết ngày 31/3/2025" without its "từ" is due that day; "đến hết năm" ends a span,
        // and "(được) áp dụng đến hết ngày …" a text's term of application, no time limit.
        if c.name("until").is_some() && (!matches!(a, Point::Day { .. }) || applies_until(p, m.start())) {
            continue;
        }
        // "trước ngày 15/6 và 15/12 hằng năm": more days after the first, one cycle for all.
        let more = c.name("every").is_none().then(|| DAY_LIST.captures(&p[m.end()..])).flatten();
        let listed_every = more.as_ref().and_then(|l| l.name("every"));
        if let Some(e) = listed_every {
            absorbed.push(span(m.end() + e.start(), m.end() + e.end()));
        }
        let mut every = c.name("every").or(listed_every).and_then(|e| recurrence(e.as_str())).or(head_cycle);
        if every.is_none() && matches!(a, Point::Day { y: None, .. }) {
            // A day and month recur yearly, half-yearly or quarterly, never monthly; a day
            // whose year is printed ("báo cáo năm gửi trước ngày 10/10/2023") happens once.
            if let Some((at, r)) = clause_cycle(p, m.start()).filter(|(_, r)| *r != Recurrence::Monthly) {
                every = Some(r);
                absorbed.push(span(at.start, at.end));
            } else {
                every = row_cycle(p, m.start()).filter(|r| *r != Recurrence::Monthly);
            }
        }
        let mut d = deadline(m.as_str(), span(m.start(), m.end()));
        d.recurrence = every;
        match a {
            Point::Day { .. } => set_due(&mut d, a, every, ctx.year),
            _ => match a.with_year(ctx.year).bounds() {
                Ok((s, e)) => (d.start, d.end) = (Some(s), Some(e)),
                Err(e) => d.problem = Some(e),
            },
        }
        all.push(Candidate { span: d.span, deadline: d, relative: false });
        if matches!(a, Point::Day { .. })
            && let Some(list) = &more
        {
            all.extend(listed_days(list.get(0).unwrap().as_str(), base + m.end(), every, ctx));
        }
    }
    // The day of every month and the text that says so: the whole match, or after a cycle its "trước ngày N".
    let monthly_days = MONTHLY_DAY.captures_in(p, &scanned).map(|c| (c.get(0).unwrap(), c.name("d").unwrap())).chain(
        CYCLE_THEN_DAY
            .captures_in(p, &scanned)
            .filter(|c| c.name("more").is_none())
            .map(|c| (c.name("due").unwrap(), c.name("d").unwrap())),
    );
    for (m, day) in monthly_days {
        if let Some((at, Recurrence::Monthly)) = clause_cycle(p, m.start()) {
            absorbed.push(span(at.start, at.end));
        }
        let mut d = deadline(m.as_str(), span(m.start(), m.end()));
        let day: u32 = day.as_str().parse().unwrap_or(0);
        if (1..=31).contains(&day) {
            d.due = Some(format!("---{day:02}"));
        } else {
            d.problem = Some(format!("day {day} does not exist"));
        }
        d.recurrence = Some(Recurrence::Monthly);
        all.push(Candidate { span: d.span, deadline: d, relative: false });
    }
    for c in SINCE.captures_in(p, &scanned) {
        let m = c.get(0).unwrap();
        let Some(a) = read_point(&c, "a") else { continue };
        let mut d = deadline(m.as_str(), span(m.start(), m.end()));
        match a.with_year(ctx.year).bounds() {
            Ok((s, _)) => d.start = Some(s),
            Err(e) => d.problem = Some(e),
        }
        all.push(Candidate { span: d.span, deadline: d, relative: false });
    }
    all.extend(periods(p, &scanned, base, ctx));
    all.extend(cycles(p, &folded, base, ctx));
    for m in RELATIVE.find_in(p, &scanned) {
        let d = deadline(m.as_str(), span(m.start(), m.end()));
        all.push(Candidate { span: d.span, deadline: d, relative: true });
    }
    all.retain(|c| !(cycle_only(&c.deadline) && absorbed.iter().any(|a| a.start < c.span.end && c.span.start < a.end)));
    pair_cycles_with_days(p, base, &mut all);
    keep_longest(all)
}

/// A cycle alone, with no day or period of its own ("định kỳ 6 tháng").
fn cycle_only(d: &Deadline) -> bool {
    d.due.is_none() && d.start.is_none() && d.end.is_none()
}

/// "định kỳ 6 tháng, hằng năm báo cáo … trước ngày 15/6 và 15/12": a list of cycles, then as
/// many days in its clause, pairs them in order — each day its cycle, one entry each; the
/// cycles alone go. A day whose year is not printed falls due every cycle.
fn pair_cycles_with_days(p: &str, base: usize, all: &mut Vec<Candidate>) {
    // Asked of every paragraph with a deadline: most hold fewer than two days, or no cycle.
    if all.iter().filter(|c| c.deadline.due.is_some()).nth(1).is_none()
        || !all.iter().any(|c| c.deadline.recurrence.is_some())
    {
        return;
    }
    for list in CYCLE_LIST.find_iter(p) {
        let items: Vec<regex::Match<'_>> = CYCLE_ITEM.find_iter(list.as_str()).collect();
        if items.len() < 2 || items.iter().any(|c| c.as_str().contains('(')) {
            continue;
        }
        let clause_end = p[list.end()..].find(['.', ';', '\n']).map_or(p.len(), |i| list.end() + i);
        let inside =
            |c: &Candidate, from: usize, to: usize| (base + from..base + to).contains(&(c.span.start as usize));
        let mut days: Vec<usize> = (0..all.len())
            .filter(|&i| !all[i].relative && all[i].deadline.due.is_some() && inside(&all[i], list.end(), clause_end))
            .collect();
        days.sort_by_key(|&i| all[i].span.start);
        // The days one after another ("trước ngày 15/6 và 15/12"); days each with its own
        // words ("báo cáo 06 tháng đầu năm gửi trước ngày …, báo cáo năm gửi trước ngày …")
        // say which is which themselves.
        let chained = days.windows(2).all(|w| {
            let gap = &p[all[w[0]].span.end as usize - base..all[w[1]].span.start as usize - base];
            gap.split(|c: char| c.is_whitespace() || c == ',').all(|w| w.is_empty() || w == "và" || w == "ngày")
        });
        if days.len() != items.len() || !chained {
            continue;
        }
        for (&i, item) in days.iter().zip(&items) {
            let d = &mut all[i].deadline;
            d.recurrence = recurrence(item.as_str());
            let year_printed = d.text.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4);
            if let Some(due) = d.due.as_mut().filter(|due| !year_printed && due.len() == 10) {
                *due = format!("--{}", &due[5..]);
            }
        }
        all.retain(|c| !(cycle_only(&c.deadline) && inside(c, list.start(), list.end())));
    }
}

/// Set `d`'s due date on the day `point`, every cycle when `every` is one ([`Point::due`]);
/// a day that does not exist is the problem it records.
fn set_due(d: &mut Deadline, point: Point, every: Option<Recurrence>, year: Option<i32>) {
    d.recurrence = d.recurrence.or(every);
    match point.due(every.is_some(), year) {
        Ok(due) => d.due = Some(due),
        Err(e) => d.problem = Some(e),
    }
}

/// The days of a [`DAY_LIST`] match `list` at offset `at` of the text, each an entry with
/// the cycle of the list.
fn listed_days(list: &str, at: usize, every: Option<Recurrence>, ctx: Context<'_>) -> Vec<Candidate> {
    LISTED_DAY
        .captures_iter(list)
        .map(|day| {
            let num = |g: usize| day.get(g).or_else(|| day.get(g + 3)).and_then(|n| n.as_str().parse::<u32>().ok());
            let point = Point::Day { d: num(2).unwrap_or(0), m: num(3).unwrap_or(0), y: num(4).map(|y| y as i32) };
            let printed = day.get(1).unwrap();
            let start = at + printed.start();
            let mut d = deadline(printed.as_str(), Span::new(start, start + printed.len()));
            set_due(&mut d, point, every, ctx.year);
            Candidate { span: d.span, deadline: d, relative: false }
        })
        .collect()
}

/// The last reporting cycle in the clause of `p` that ends at `at` — no ".", ";", ":" or
/// line between them — and its recurrence: a cycle governs the day its clause sets, which
/// makes one entry with both, as "trước ngày 30/9 hàng năm" does. A budget's cycle ("kinh
/// phí hàng năm") sets no day.
fn clause_cycle(p: &str, at: usize) -> Option<(std::ops::Range<usize>, Recurrence)> {
    let from = clause_start(p, at);
    let m = CLAUSE_CYCLE.find_iter(&p[from..at]).last()?;
    let start = from + m.start();
    if NO_CYCLE_BEFORE.is_match(&p[..start]) {
        return None;
    }
    Some((start..from + m.end(), recurrence(m.as_str())?))
}

/// The cycle of the report a task table's row names in a cell of its own ("| 2 | Báo cáo 6
/// tháng về cải cách hành chính | Trước ngày 16/6 |"), for a day without its year in that row.
fn row_cycle(p: &str, at: usize) -> Option<Recurrence> {
    static REPORT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*báo\s+cáo\s+(?P<word>{CYCLE})(?:\s|$)")).unwrap());
    let row = &p[p[..at].rfind('\n').map_or(0, |i| i + 1)..p[at..].find('\n').map_or(p.len(), |i| at + i)];
    if !row.trim_start().starts_with('|') {
        return None;
    }
    row.split('|').find_map(|cell| REPORT.captures(cell).and_then(|c| recurrence(&c["word"])))
}

/// Where the clause that holds byte `at` of `p` opens: after the last ".", ";", ":" or line
/// break before it.
fn clause_start(p: &str, at: usize) -> usize {
    p[..at].rfind(['.', ';', ':', '\n']).map_or(0, |i| i + 1)
}

/// Whether the clause before the "đến hết" at `at` gives a text's term ("có hiệu lực …, áp
/// dụng đến hết", "Kéo dài thời hạn áp dụng của Nghị định số … đến hết").
fn applies_until(p: &str, at: usize) -> bool {
    let clause = &p[clause_start(p, at)..at];
    clause.contains("áp dụng") || clause.contains("hiệu lực")
}

/// The half-year a [`LABEL_POINT`] match names: "6 tháng cuối năm 2024" names its year;
/// "6 tháng đầu năm" is the document's (`year`).
fn half_year(c: &Captures<'_>, year: Option<i32>) -> Option<Point> {
    let h = c.name("half")?;
    let y = c.name("half_year").and_then(|y| y.as_str().parse().ok()).or(year)?;
    Some(Point::Half { h: if h.as_str().to_lowercase().contains("đầu") { 1 } else { 2 }, y })
}

/// Quarters and months anywhere, and any point in the value of a "Thời gian …:" label.
fn periods(p: &str, scanned: &Scanned<'_, '_>, base: usize, ctx: Context<'_>) -> Vec<Candidate> {
    // A day is due on it ("vào ngày 20/4/2024"); any other point spans its bounds.
    let candidate = |s: usize, text: &str, point: Point| {
        let text = text.trim_end();
        let mut d = deadline(text, Span::new(base + s, base + s + text.len()));
        let read = match point {
            Point::Day { .. } => point.due(false, ctx.year).map(|due| d.due = Some(due)),
            _ => point.with_year(ctx.year).bounds().map(|(a, b)| (d.start, d.end) = (Some(a), Some(b))),
        };
        if let Err(e) = read {
            d.problem = Some(e);
        }
        Candidate { span: d.span, deadline: d, relative: false }
    };
    let mut out = vec![];
    for m in PERIOD.find_in(p, scanned) {
        let Some(c) = LABEL_POINT.captures(m.as_str()) else { continue };
        // A half-year bounds a task done within it ("kiểm tra ít nhất 01 lần trong 6 tháng đầu
        // năm"); opening its clause ("Trong 6 tháng đầu năm, xã đã …") it tells what was done.
        let half = c.name("half").is_some();
        if half && p[clause_start(p, m.start())..m.start()].trim().is_empty() {
            continue;
        }
        let Some(point) = half_year(&c, ctx.year).or_else(|| read_point(&c, "a")) else { continue };
        // A year is a limit only on a task to be finished within it ("hoàn thành trong năm
        // 2024"); "Trong năm 2023, tỉnh đã …" tells what happened, "Phấn đấu trong năm …" a goal.
        if matches!(point, Point::Year { .. }) && !finishes(&p[..m.start()]) {
            continue;
        }
        out.push(candidate(m.start(), m.as_str(), point));
    }
    // Tried at each line's start, where it fails within a few bytes, not searched for; and,
    // where a time word stands in the paragraph at all, at each sentence's start ("1. Tổ
    // chức hội nghị. Thời gian: Tháng 3/2024").
    let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', p.as_bytes()).map(|i| i + 1));
    // Whether a time word stands is asked once, when the first sentence start is tried.
    let time_word = std::cell::OnceCell::new();
    let sentence_starts = memchr::memchr2_iter(b'.', b';', p.as_bytes())
        .map(|i| i + 1)
        .filter(|&i| p[i..].starts_with(' '))
        .take_while(|_| *time_word.get_or_init(|| holds_time_word(p)));
    let label_value =
        line_starts.chain(sentence_starts).find_map(|at| LABEL.find(&p[at..]).map(|m| (at + m.end(), p.len(), false)));
    // The value of a "Thời gian …:" label, or a cell of a task table's time column, which
    // holds its point alone.
    for (from, to, whole) in label_value.into_iter().chain(time_cells(p).into_iter().map(|(a, b)| (a, b, true))) {
        let mut points: Vec<(usize, &str, Point)> = vec![];
        for c in LABEL_POINT.captures_iter(&p[from..to]) {
            let m = c.get(0).unwrap();
            if whole && (m.start(), m.end()) != (0, to - from) {
                continue;
            }
            let point = match (c.name("half"), half_year(&c, ctx.year)) {
                (Some(_), Some(half)) => half,
                (Some(_), None) => continue,
                (None, _) => match read_point(&c, "a") {
                    Some(pt @ (Point::Year { .. } | Point::Month { .. } | Point::Quarter { .. })) => pt,
                    // A day the task is set for ("Thời gian: Dự kiến tổ chức vào ngày 20/4/2024");
                    // not one whose year goes on in two digits, as a signature stamp's "25/03/20" does.
                    Some(day @ Point::Day { .. }) if !p[from + m.end()..].starts_with(['/', '-']) => day,
                    _ => continue,
                },
            };
            points.push((from + m.start(), m.as_str(), point));
        }
        // "Tháng 3 và tháng 4/2024", "Quý I, quý II/2024": a list's year is printed once, last.
        for k in (0..points.len().saturating_sub(1)).rev() {
            let (at, text, point) = points[k];
            let (next_at, _, next) = points[k + 1];
            let between = p[at + text.len()..next_at].trim();
            if point.year().is_none() && matches!(between, "và" | "," | "-" | "–") {
                points[k].2 = point.with_year(next.year());
            }
        }
        out.extend(points.into_iter().map(|(at, text, point)| candidate(at, text, point)));
    }
    out
}

/// Whether `p` holds a word a time label opens with ([`TIME_WORDS`] past their first letter,
/// so "Thời gian" and "thời gian" both count).
fn holds_time_word(p: &str) -> bool {
    ["ời gian", "ời hạn", "ến độ"].iter().any(|w| memchr::memmem::find(p.as_bytes(), w.as_bytes()).is_some())
}

/// The cells, trimmed, of the time column ("Thời gian hoàn thành", "Thời hạn", "Tiến độ") of
/// a Markdown task table that `p` is: their ranges in `p`.
fn time_cells(p: &str) -> Vec<(usize, usize)> {
    let Some(rows) = crate::extract::sections::table_rows(p) else { return vec![] };
    let Some(column) = rows[0].iter().position(|(_, header)| TIME_HEADER.is_match(header)) else { return vec![] };
    rows[1..].iter().filter_map(|row| row.get(column)).map(|&(at, cell)| (at, at + cell.len())).collect()
}

/// Whether `before` ends in a verb of finishing: "hoàn thành", "hoàn thành xong".
fn finishes(before: &str) -> bool {
    // The last three words, last first, case-folded: no more of the paragraph is read.
    let mut last = before.split_whitespace().rev().map(fold_case);
    let words = (last.next(), last.next(), last.next());
    matches!(
        (words.0.as_deref(), words.1.as_deref(), words.2.as_deref()),
        (Some("thành"), Some("hoàn"), _) | (Some("xong"), Some("thành"), Some("hoàn"))
    )
}

/// Reporting cycles: a list of cycle words that opens with "định kỳ" or holds a
/// "hàng …"/"hằng …" word; each word is one entry, with its "(trước ngày …)".
fn cycles(p: &str, folded: &str, base: usize, ctx: Context<'_>) -> Vec<Candidate> {
    /// Words that make a list of cycle words a reporting cycle ("hàng quý", "hằng năm").
    const EVERY: [&str; 2] = ["hàng", "hằng"];
    let mut out = report_heading_cycles(p, base, ctx);
    // The cycle words themselves ("tháng", "năm") are everywhere; a list counts
    // only with its anchor ("định kỳ", an EVERY word), so a paragraph without one has none.
    // Or a list whose every cycle sets its own day ("báo cáo 6 tháng (trước ngày 15/6), năm
    // (trước ngày 15/11)").
    let dated = folded.contains("(trước ngày");
    if !folded.contains("kỳ") && !EVERY.iter().any(|w| folded.contains(w)) && !dated {
        return out;
    }
    // "kỳ" and "hàng" are in many more words than these ("kỳ họp", "ngân hàng"), and each
    // "tháng" or "năm" of such a paragraph would be read as a list only to be dropped: a
    // list is anchored only where the paragraph holds "định kỳ" or a "hàng"/"hằng" cycle.
    static ANCHOR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)định\s+kỳ|(?:hàng|hằng)\s+(?:tháng|quý|năm)").unwrap());
    // A count of months after "sơ kết" is a cycle only beside one the paragraph states ("sơ
    // kết 6 tháng, tổng kết hằng năm"); alone it is the period a review covers ("tổ chức sơ
    // kết 6 tháng thực hiện vào tháng 01/2025").
    if !dated && !ANCHOR.is_match(p) {
        return out;
    }
    for list in CYCLE_LIST.captures_iter(p) {
        let m = list.get(0).unwrap();
        let after_at = list.name("after").map_or(m.end(), |a| a.start());
        let body = &p[m.start()..after_at];
        // Lowered only as far as the words looked for; within the line and the table's cell
        // ("Hằng quý\n3 | Sơ kết": the next row's number is no year).
        let rest = &p[after_at..];
        let rest = &rest[..rest.find(['\n', '|']).unwrap_or(rest.len())];
        let after: String = rest.trim_start().chars().take(4).flat_map(char::to_lowercase).collect();
        let anchored = list.name("anchor").is_some()
            || {
                let lower = fold_case(body);
                EVERY.iter().any(|w| lower.contains(w))
            }
            || (fold_case(&p[p.floor_char_boundary(m.start().saturating_sub(12))..m.start()])
                .trim_end()
                .ends_with("sơ kết")
                && body.trim_start_matches('0').starts_with(['6', '9']))
            || dated && {
                let items: Vec<_> = CYCLE_ITEM.find_iter(body).collect();
                items.len() >= 2 && items.iter().all(|c| c.as_str().contains('('))
            };
        // "6 tháng đầu năm" is a period, "năm 2023" a year, "kinh phí hàng năm" a budget.
        let period =
            after.starts_with("đầu") || after.starts_with("cuối") || after.starts_with(|c: char| c.is_ascii_digit());
        if !anchored || period || NO_CYCLE_BEFORE.is_match(&p[..m.start()]) {
            continue;
        }
        out.extend(cycle_items(body, base + m.start(), ctx));
    }
    out
}

/// One recurring entry per cycle word of a list (`list`, at `at` of the document), with
/// the day its "(trước ngày …)" sets.
fn cycle_items<'l>(list: &'l str, at: usize, ctx: Context<'_>) -> impl Iterator<Item = Candidate> + 'l {
    CYCLE_ITEM.captures_iter(list).filter_map(move |c| {
        let item = c.get(0)?;
        let rec = recurrence(&c["word"])?;
        let mut d = deadline(item.as_str(), Span::new(at + item.start(), at + item.end()));
        d.recurrence = Some(rec);
        if let (Some(day), Some(month)) = (c.name("d"), c.name("m")) {
            let y = c.name("y").and_then(|y| y.as_str().parse().ok());
            let point = Point::Day { d: day.as_str().parse().unwrap_or(0), m: month.as_str().parse().unwrap_or(0), y };
            set_due(&mut d, point, Some(rec), ctx.year);
        }
        Some(Candidate { span: d.span, deadline: d, relative: false })
    })
}

/// The cycles a paragraph's heading lists for its reports ("3. Báo cáo quý, 6 tháng: …"),
/// one entry each. A heading of one cycle is the cycle of the day under it (`CYCLE_HEAD`).
fn report_heading_cycles(p: &str, base: usize, ctx: Context<'_>) -> Vec<Candidate> {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^\s*(?:[0-9]{{1,2}}[.)]\s*|[-+•]\s*)?báo\s+cáo\s+(?P<list>{CYCLE}(?:\s*(?:,|và)\s*{CYCLE})*)\s*:"
        ))
        .unwrap()
    });
    let Some(list) = HEADING.captures(p).and_then(|c| c.name("list")) else { return vec![] };
    if CYCLE_ITEM.find_iter(list.as_str()).nth(1).is_none() {
        return vec![];
    }
    cycle_items(list.as_str(), base + list.start(), ctx).collect()
}

/// Keep the longest of overlapping candidates, in reading order.
fn keep_longest(mut all: Vec<Candidate>) -> Vec<Candidate> {
    all.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
    let mut kept: Vec<Candidate> = vec![];
    for c in all {
        if kept.iter().all(|k| c.span.end <= k.span.start || c.span.start >= k.span.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(p: &str) -> Vec<Deadline> {
        let ctx = Context { date: Some("2024-02-10"), year: Some(2024) };
        read_paragraph(p, 0, ctx).into_iter().filter(|c| !c.relative).map(|c| c.deadline).collect()
    }

    #[test]
    fn a_period_over_before_the_document_s_date_is_no_deadline() {
        let over = |p: &str| {
            let got = read(p);
            assert_eq!(got.len(), 1, "{p}: {got:?}");
            over_before(&got[0], Some("2024-12-15"))
        };
        assert!(over("giải quyết 98% đơn thư trong Quý III/2024."));
        assert!(over("từ ngày 01/4 đến ngày 30/6/2024 tổ chức 05 đoàn kiểm tra"));
        // Due after the date, or a year the document leaves out (the next year's may be meant), stays.
        assert!(!over("hoàn thành trước ngày 31/12/2025."));
        assert!(!over("báo cáo trước ngày 15/01."));
        assert!(!over_before(&read("trong Quý III/2024.")[0], None));
    }

    #[test]
    fn an_open_end_and_a_half_year_within_a_task_are_limits() {
        let got = |p: &str| read(p).into_iter().map(|d| (d.due, d.start, d.end)).collect::<Vec<_>>();
        let due = |d: &str| vec![(Some(d.to_string()), None, None)];
        assert_eq!(got("được gia hạn nộp học phí đến hết ngày 31/3/2024."), due("2024-03-31"));
        assert_eq!(got("hoàn thành việc rà soát chậm nhất đến ngày 25/3/2024."), due("2024-03-25"));
        let first_half = vec![(None, Some("2024-01-01".to_string()), Some("2024-06-30".to_string()))];
        assert_eq!(got("kiểm tra ít nhất 01 lần trong 6 tháng đầu năm."), first_half);
        let range = got("kiểm tra từ nay đến hết ngày 31/12/2024.");
        assert_eq!(range, vec![(None, Some("2024-02-10".to_string()), Some("2024-12-31".to_string()))]);
        // What was done in a half-year, and a text's term of application, are no limits.
        assert!(got("Trong 6 tháng đầu năm, xã đã tổ chức 12 cuộc kiểm tra.").is_empty());
        assert!(
            got("Nghị quyết này có hiệu lực từ ngày 01/01/2025 và áp dụng đến hết ngày 31/12/2030.")
                .iter()
                .all(|(due, _, _)| due.is_none())
        );
    }

    #[test]
    fn a_time_label_on_the_line_under_its_task_gives_its_period() {
        let got = read("1. Rà soát thủ tục hành chính.\nThời gian thực hiện: Trong năm 2025.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].start.as_deref(), got[0].end.as_deref()), (Some("2025-01-01"), Some("2025-12-31")));
        // Not a label in the middle of a line: "Trong năm 2025, …" tells what happened.
        assert!(read("Báo cáo thời gian qua: Trong năm 2025, tỉnh đã hoàn thành.").is_empty());
        // A day in the label's value is the day the task is due; a stamp's two-digit year is no date.
        let got = read("- Thời gian: Dự kiến tổ chức vào ngày 20/4/2024.");
        assert_eq!(got.iter().map(|d| d.due.as_deref()).collect::<Vec<_>>(), [Some("2024-04-20")]);
        assert!(read(" Thời gian kết: 25/03/20").is_empty());
    }

    #[test]
    fn a_task_table_s_time_column_gives_the_point_each_cell_holds() {
        let table = "| STT | Nhiệm vụ | Ngày ban hành | Thời gian hoàn thành |\n|---|---|---|---|\n\
                     | 1 | Đào tạo kỹ năng số | 10/01/2025 | Tháng 6/2025 |\n\
                     | 2 | Số hóa hồ sơ | 12/01/2025 | 30/9/2025 |";
        let got: Vec<_> = read(table).into_iter().map(|d| (d.text, d.due, d.start)).collect();
        // The dates of another column are no time limits.
        assert_eq!(
            got,
            [
                ("Tháng 6/2025".to_string(), None, Some("2025-06-01".to_string())),
                ("30/9/2025".to_string(), Some("2025-09-30".to_string()), None)
            ]
        );
    }

    fn null(s: &str) -> Option<String> {
        (s != "-").then(|| s.to_string())
    }

    #[test]
    fn every_form_of_the_grammar_reads_as_its_row_says() {
        let rows = include_str!("../../grammars/deadlines.tsv").lines().filter(|l| !l.starts_with('#')).skip(1);
        for row in rows {
            let c: Vec<&str> = row.split('\t').collect();
            let got = read(c[1]);
            assert_eq!(got.len(), 1, "{}: {got:?}", c[0]);
            let d = &got[0];
            let rec = d.recurrence.map(|r| serde_json::to_value(r).unwrap().as_str().unwrap().to_string());
            assert_eq!(
                (&d.due, &d.start, &d.end, &rec),
                (&null(c[2]), &null(c[3]), &null(c[4]), &null(c[5])),
                "{}",
                c[0]
            );
            assert_eq!(d.problem.is_some(), c[6] == "x", "{}: {:?}", c[0], d.problem);
        }
    }

    #[test]
    fn dates_of_cited_documents_and_goals_are_not_deadlines() {
        assert!(read("Thực hiện Kế hoạch số 49/KH-UBND ngày 08/3/2023 của UBND thành phố").is_empty());
        assert!(read("Quyết định này có hiệu lực từ ngày 01/7/2024.").is_empty());
        assert!(read("Phấn đấu năm 2024 có 100% cơ quan đạt chuẩn.").is_empty());
        assert!(read("Phấn đấu trong năm 2024 có 90% hồ sơ được giải quyết trực tuyến.").is_empty());
        assert!(read("Trong năm 2023, tỉnh đã hoàn thành 12 chỉ tiêu.").is_empty());
        assert!(read("bố trí trong dự toán kinh phí hàng năm của phường").is_empty());
    }

    #[test]
    fn a_cycle_list_gives_one_entry_per_word() {
        let got = read("thực hiện chế độ báo cáo số liệu định kỳ hàng tháng, quý, 6 tháng, 9 tháng, 01 năm và số liệu");
        let recs: Vec<_> = got.iter().map(|d| d.recurrence.unwrap()).collect();
        use Recurrence::*;
        assert_eq!(recs, [Monthly, Quarterly, HalfYearly, NineMonthly, Yearly]);
        // "06 tháng đầu năm" before a date is the report's name, not a cycle.
        let got = read("báo cáo 06 tháng đầu năm gửi trước ngày 15/6/2022, báo cáo năm gửi trước ngày 15/11/2022.");
        assert_eq!(got.iter().map(|d| d.due.clone().unwrap()).collect::<Vec<_>>(), ["2022-06-15", "2022-11-15"]);
    }

    #[test]
    fn a_day_after_a_cycle_in_its_clause_recurs_with_it() {
        let got = |p: &str| -> Vec<(String, Option<String>, Option<Recurrence>)> {
            read(p).into_iter().map(|d| (d.text, d.due, d.recurrence)).collect()
        };
        let one = |text: &str, due: &str, r| vec![(text.to_string(), Some(due.to_string()), Some(r))];
        use Recurrence::{Monthly, Yearly};
        // One entry with both, as "trước ngày 20 hằng tháng" makes.
        assert_eq!(
            got("Tổ công tác định kỳ hằng tháng báo cáo kết quả trước ngày 20."),
            one("trước ngày 20", "---20", Monthly)
        );
        assert_eq!(
            got("Định kỳ hằng năm, Sở Tư pháp tổng hợp, báo cáo UBND tỉnh trước ngày 15/12."),
            one("trước ngày 15/12", "--12-15", Yearly)
        );
        // A day and month do not recur monthly; a printed year happens once; a budget's
        // cycle and a cycle of another clause set no day.
        for p in [
            "Kiểm tra hằng tháng, báo cáo kết quả trước ngày 30/6.",
            "báo cáo 06 tháng, hàng năm về UBND phường, báo cáo năm gửi trước ngày 10/10/2024.",
            "Bố trí kinh phí hàng năm, hoàn thành trước ngày 30/6.",
            "Định kỳ hằng năm báo cáo UBND tỉnh; hoàn thành trước ngày 30/6.",
        ] {
            assert!(got(p).iter().all(|(_, due, r)| due.is_none() || r.is_none()), "{p}: {:?}", got(p));
        }
        // A date, or a day of another clause, is no day of every month.
        let got = read("Định kỳ hằng tháng báo cáo; hoàn thành trước ngày 20/3/2024.");
        assert!(got.iter().all(|d| d.due.as_deref() != Some("---20")), "{got:?}");
        let got = read("Báo cáo hằng tháng gửi trước ngày 20 tháng 3 năm 2024.");
        assert!(got.iter().all(|d| d.due.as_deref() != Some("---20")), "{got:?}");
    }

    #[test]
    fn days_listed_after_a_due_word_share_its_cycle() {
        let got = |p: &str| -> Vec<(String, Option<String>, Option<Recurrence>)> {
            read(p).into_iter().map(|d| (d.text, d.due, d.recurrence)).collect()
        };
        let entry = |text: &str, due: &str, r| (text.to_string(), Some(due.to_string()), r);
        use Recurrence::{Monthly, Yearly};
        assert_eq!(
            got("Các xã báo cáo trước ngày 15/6 và 15/12 hằng năm."),
            [entry("trước ngày 15/6", "--06-15", Some(Yearly)), entry("15/12", "--12-15", Some(Yearly))]
        );
        assert_eq!(
            got("hoàn thành trước ngày 15/6/2024, 15/9/2024 và ngày 15/12/2024."),
            [
                entry("trước ngày 15/6/2024", "2024-06-15", None),
                entry("15/9/2024", "2024-09-15", None),
                entry("15/12/2024", "2024-12-15", None)
            ]
        );
        // "ngày" left out before a day of every month.
        assert_eq!(got("Các xã báo cáo trước 25 hằng tháng."), [entry("trước 25 hằng tháng", "---25", Some(Monthly))]);
        // A month and year printed "6/2024" is no day 6 of month 20.
        assert!(got("tổ chức trong tháng 5 - 6/2024.").iter().all(|(_, due, _)| due.is_none()));
    }

    #[test]
    fn a_span_of_months_runs_forward() {
        let spans = |p: &str| read(p).into_iter().map(|d| (d.start, d.end)).collect::<Vec<_>>();
        assert!(spans("Thời gian thực hiện: tháng 10 - 9/2025.").is_empty());
        // A month a task is finished in needs no preposition; a month in a story does.
        let june = (Some("2024-06-01".to_string()), Some("2024-06-30".to_string()));
        assert_eq!(spans("Rà soát hồ sơ, hoàn thành tháng 6/2024."), [june]);
        assert!(spans("Nghị quyết tháng 6/2024 của Đảng ủy xã.").is_empty());
    }

    #[test]
    fn a_list_of_cycles_pairs_in_order_with_the_days_after_it() {
        let got = |p: &str| read(p).into_iter().map(|d| (d.due, d.recurrence)).collect::<Vec<_>>();
        use Recurrence::{HalfYearly, Yearly};
        let due = |s: &str| Some(s.to_string());
        assert_eq!(
            got("Sở Xây dựng định kỳ 6 tháng, hằng năm báo cáo UBND tỉnh trước ngày 15 tháng 6 và ngày 15 tháng 12."),
            [(due("--06-15"), Some(HalfYearly)), (due("--12-15"), Some(Yearly))]
        );
        assert_eq!(
            got("Các xã báo cáo trước ngày 10 tháng 6 và ngày 10 tháng 12 hằng năm."),
            [(due("--06-10"), Some(Yearly)), (due("--12-10"), Some(Yearly))]
        );
        assert_eq!(
            got("Công an xã báo cáo 6 tháng (trước ngày 15/6/2024), năm (trước ngày 15/11/2024) về UBND huyện."),
            [(due("2024-06-15"), Some(HalfYearly)), (due("2024-11-15"), Some(Yearly))]
        );
        // Days with words of their own are no pair: the cycles stay entries of their own.
        let own = "báo cáo 06 tháng, hàng năm về UBND phường, báo cáo 06 tháng đầu năm gửi trước ngày 30/5/2023, báo cáo năm gửi trước ngày 10/10/2023.";
        assert_eq!(got(own).len(), 4);
    }

    #[test]
    fn a_half_year_after_so_ket_is_a_cycle_and_an_average_rate_is_none() {
        let recs = |p: &str| read(p).into_iter().map(|d| d.recurrence).collect::<Vec<_>>();
        use Recurrence::{HalfYearly, Yearly};
        assert_eq!(recs("Ban Chỉ đạo tổ chức sơ kết 6 tháng, tổng kết hằng năm."), [Some(HalfYearly), Some(Yearly)]);
        assert!(recs("Tốc độ tăng trưởng bình quân hằng năm đạt 8%.").is_empty());
        // A report heading that names its cycles, and the day of another report after it.
        let p =
            "3. Báo cáo quý, 6 tháng: Phòng Kế hoạch tổng hợp, báo cáo Sở Y tế; báo cáo năm gửi trước ngày 15/12/2025.";
        assert_eq!(recs(p), [Some(Recurrence::Quarterly), Some(HalfYearly), None]);
        // A report's cycle named in its row's own cell: a day without its year recurs.
        let table = "| STT | Loại báo cáo | Thời hạn gửi |\n|---|---|---|\n| 1 | Báo cáo 6 tháng về cải cách hành chính | \
                     Trước ngày 16/6 |\n| 2 | Báo cáo năm | Trước ngày 16/12 |\n| 3 | Báo cáo chuyên đề | Trước ngày 20/8 |\n";
        assert_eq!(recs(table), [Some(Recurrence::HalfYearly), Some(Recurrence::Yearly), None]);
        // A cycle in a task table's time column, the next row's number after it.
        let table =
            "TT | Nội dung | Thời gian\n2 | Kiểm tra | Hằng quý\n3 | Sơ kết | Định kỳ 6 tháng\n4 | Tổng kết | Năm 2025";
        assert_eq!(recs(table), [Some(Recurrence::Quarterly), Some(Recurrence::HalfYearly), None]);
        // A payment's or a budget's cycle is none either.
        assert!(recs("Đội trưởng được hưởng phụ cấp hằng tháng bằng 0,3 mức lương cơ sở.").is_empty());
        assert!(recs("1. Mức hỗ trợ hằng tháng: Tổ trưởng bằng 0,8 lần mức lương cơ sở.").is_empty());
        assert!(recs("Ngân sách tỉnh bố trí trong dự toán chi sự nghiệp kinh tế hằng năm.").is_empty());
        assert!(recs("Bố trí kinh phí từ nguồn sự nghiệp được giao hằng năm.").is_empty());
        // Nor a work programme's.
        assert!(recs("Lồng ghép vào chương trình công tác toàn khóa và hằng năm của cấp ủy.").is_empty());
        // A period after "sơ kết" is no cycle.
        assert!(recs("sơ kết 6 tháng đầu năm 2024").iter().all(Option::is_none));
        assert!(recs("tổ chức sơ kết 6 tháng thực hiện vào tháng 01/2025").iter().all(Option::is_none));
    }

    #[test]
    fn a_quarter_as_older_texts_and_scans_spell_it() {
        for p in [
            "Thời gian thực hiện: Quí IV năm 2024",
            "Thời gian thực hiện: Quy IV năm 2024",
            "hoàn thành trong Quí IV/2024.",
            "hoàn thành trong quý 4 năm 2024.",
        ] {
            let got = read(p);
            let bounds: Vec<_> = got.iter().map(|d| (d.start.as_deref(), d.end.as_deref())).collect();
            assert_eq!(bounds, [(Some("2024-10-01"), Some("2024-12-31"))], "{p}");
        }
        // "Quy" before anything but a quarter's number is no quarter.
        assert!(read("Quy chế số 4 năm nay").iter().all(|d| d.start.as_deref() != Some("2024-10-01")));
    }

    #[test]
    fn a_date_whose_words_a_scan_misprinted_is_read() {
        for p in [
            "hoàn thành trước ngay 30/6/2024.",
            "hoàn thành truớc ngày 30/6/2024.",
            "hoàn thành trươc ngày 30/6/2024.",
            "hoan thanh truoc ngay 30/6/2024.",
            "hoàn thành trước ngày 30 thang 6 nam 2024.",
        ] {
            let got = read(p);
            assert_eq!(got.iter().map(|d| d.due.as_deref()).collect::<Vec<_>>(), [Some("2024-06-30")], "{p}");
        }
    }

    #[test]
    fn a_time_label_after_a_sentence_and_a_list_s_shared_year() {
        let got = read("1. Tổ chức hội nghị. Thời gian: Tháng 3 và tháng 4/2025.");
        let spans: Vec<_> = got.iter().map(|d| (d.start.as_deref(), d.end.as_deref())).collect();
        assert_eq!(spans, [(Some("2025-03-01"), Some("2025-03-31")), (Some("2025-04-01"), Some("2025-04-30"))]);
        // Counter-example: "thời gian" inside a sentence labels nothing.
        assert!(read("Tổ chức hội nghị trong thời gian: Tháng 3 năm sau.").is_empty());
    }

    #[test]
    fn relative_limits_are_kept_apart() {
        let ctx = Context { date: Some("2024-02-10"), year: Some(2024) };
        let got = read_paragraph("giải quyết trong thời hạn 05 ngày kể từ ngày nhận đơn", 0, ctx);
        assert_eq!(got.len(), 1);
        assert!(got[0].relative);
    }

    #[test]
    fn a_report_heading_makes_yearless_dates_recurring() {
        let got = read("- Báo cáo 6 tháng: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 05/7;");
        assert_eq!(got[0].due.as_deref(), Some("--07-05"));
        assert_eq!(got[0].recurrence, Some(Recurrence::HalfYearly));
    }
}
