//! Sections, assignments and deadlines on real corpus documents, and the
//! `deadlines` subcommand's CSV and iCalendar checked by Python's own readers.

use std::process::Command;

use serde_json::Value;

use crate::util::{TempDir, root, vanban};

fn extract(name: &str) -> Value {
    let out = vanban(&["extract", "--format", "json", root().join("corpus").join(name).to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn find<'v>(list: &'v Value, path: &str) -> Vec<&'v Value> {
    list.as_array().unwrap().iter().filter(|x| x["path"] == path).collect()
}

#[test]
fn repeated_label_gets_a_suffix_and_keeps_its_period() {
    let doc = &extract("004_1e3632480cb46c84.txt")["documents"][0];
    let sections = &doc["sections"];
    assert_eq!(find(sections, "II.4")[0]["title"], "Hình thức tổ chức tham gia cuộc thi");
    assert!(find(sections, "II.4#2")[0]["title"].as_str().unwrap().starts_with("Thời gian cuộc thi"));
    assert_eq!(find(sections, "II.3.1").len(), 1);
    let d = &find(&doc["deadlines"], "II.4#2")[0];
    assert_eq!((d["start"].as_str(), d["end"].as_str()), (Some("2024-03-01"), Some("2024-10-30")));
}

#[test]
fn reporting_cycle_with_its_date_is_one_deadline() {
    let doc = &extract("000_2aa0ce0dae025923.txt")["documents"][0];
    let d = find(&doc["deadlines"], "III.1");
    assert!(d.iter().any(|d| d["due"] == "2023-05-30" && d["recurrence"] == "half-yearly"), "{d:?}");
    // The date of the plan carried out ("Kế hoạch số 49/KH-UBND ngày 08/3/2023") is not a deadline.
    assert!(doc["deadlines"].as_array().unwrap().iter().all(|d| d["due"] != "2023-03-08"));
    let a = find(&doc["assignments"], "II.5");
    let units: Vec<&str> = a.iter().filter(|a| a["role"] == "lead").map(|a| a["unit"].as_str().unwrap()).collect();
    assert_eq!(units, ["Văn phòng phường", "Ủy ban Mặt trận TQVN phường", "các tổ chức chính trị xã hội phường"]);
}

/// Python with `icalendar`, installed into the user site if missing; fails loudly when it cannot be.
fn python_with_icalendar() -> &'static str {
    let has = || Command::new("python3").args(["-c", "import icalendar"]).status().is_ok_and(|s| s.success());
    if !has() {
        let pip = Command::new("python3").args(["-m", "pip", "install", "--user", "--quiet", "icalendar"]).output();
        assert!(
            has(),
            "the iCalendar check needs Python's icalendar package and it could not be installed: {:?}",
            pip.map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
        );
    }
    "python3"
}

#[test]
fn corpus_calendar_validates_with_icalendar() {
    let out = vanban(&["deadlines", "--format", "ics", root().join("corpus").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dir = TempDir::new("ics");
    let file = dir.0.join("corpus.ics");
    std::fs::write(&file, &out.stdout).unwrap();
    let script = r#"
import sys, icalendar
data = open(sys.argv[1], 'rb').read()
assert b'\r\n' in data and b'\n' not in data.replace(b'\r\n', b''), 'lines must end in CRLF'
for line in data.split(b'\r\n'):
    assert len(line) <= 75, ('line longer than 75 octets', line)
cal = icalendar.Calendar.from_ical(data)
events = list(cal.walk('VEVENT'))
assert events, 'no events'
for e in events:
    for p in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'):
        assert e.get(p) is not None, (p, e)
rules = [e['RRULE'] for e in events if e.get('RRULE')]
assert rules, 'no recurring event'
print(len(events))
"#;
    let py = Command::new(python_with_icalendar()).args(["-c", script]).arg(&file).output().unwrap();
    assert!(py.status.success(), "{}{}", String::from_utf8_lossy(&py.stdout), String::from_utf8_lossy(&py.stderr));
}

#[test]
fn corpus_csv_round_trips_through_python_csv() {
    let corpus = root().join("corpus");
    let csv = vanban(&["deadlines", "--format", "csv", corpus.to_str().unwrap()]);
    let json = vanban(&["deadlines", "--format", "json", corpus.to_str().unwrap()]);
    assert!(csv.status.success() && json.status.success());
    let dir = TempDir::new("csv");
    std::fs::write(dir.0.join("d.csv"), &csv.stdout).unwrap();
    std::fs::write(dir.0.join("d.json"), &json.stdout).unwrap();
    let script = r#"
import csv, json, sys
d = sys.argv[1]
raw = open(d + '/d.csv', 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf'), 'no BOM'
rows = list(csv.DictReader(open(d + '/d.csv', encoding='utf-8-sig', newline='')))
expected = json.load(open(d + '/d.json', encoding='utf-8'))
assert len(rows) == len(expected) > 0, (len(rows), len(expected))
for r, e in zip(rows, expected):
    assert r['text'] == e['text'] and r['task'] == e['task'], (r, e)
    assert r['units'] == '; '.join(e['units'])
assert any('trước ngày' in r['text'] for r in rows)
"#;
    let py = Command::new("python3").args(["-c", script]).arg(&dir.0).output().unwrap();
    assert!(py.status.success(), "{}", String::from_utf8_lossy(&py.stderr));
}
