//! A deterministic benchmark corpus from the repository's `corpus/`.
//!
//! Each generated document is a corpus document recombined: its header and
//! signature block kept, a seeded share of its body paragraphs kept, numbers,
//! dates, provinces and departments varied consistently within the document,
//! and a share of lines given scan damage (lookalike letters, lost marks,
//! hard-wrapped lines, page numbers). The text stays the kind vanban reads, so
//! throughput measured on it is throughput on archives.
//!
//! An example rather than a second binary: it is a benchmark tool, not
//! something `cargo install vanban` should put on a user's path.
//!
//! `cargo run --release --example gen_corpus -- --seed 1 --size 100MB --out /tmp/vb-corpus [--docs N] [--from corpus]`
//! writes `OUT/NNNN/NNNNNNN.txt`, 1,000 files per directory, until `--size`
//! bytes or `--docs` documents, whichever comes first.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Provinces swapped for one another (title case; upper case is matched too).
const PROVINCES: &[&str] = &[
    "Lào Cai",
    "Hà Nội",
    "Thanh Hóa",
    "Nghệ An",
    "Quảng Ninh",
    "Đồng Nai",
    "Cần Thơ",
    "Đà Nẵng",
    "Hải Phòng",
    "Gia Lai",
    "Đắk Lắk",
    "Lâm Đồng",
    "Tây Ninh",
    "Vĩnh Long",
    "An Giang",
    "Cà Mau",
    "Tuyên Quang",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Trị",
    "Huế",
    "Khánh Hòa",
    "Lạng Sơn",
    "Cao Bằng",
    "Sơn La",
    "Điện Biên",
    "Lai Châu",
    "Hà Tĩnh",
    "Quảng Ngãi",
    "Đồng Tháp",
];

/// Departments swapped for one another.
const DEPARTMENTS: &[&str] = &[
    "Sở Y tế",
    "Sở Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Ngoại vụ",
    "Sở Dân tộc và Tôn giáo",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
];

/// Letters a scanner confuses, and what it reads instead.
const LOOKALIKES: &[(char, &str)] = &[
    ('o', "0"),
    ('l', "1"),
    ('đ', "d"),
    ('ư', "u"),
    ('ơ', "o"),
    ('ă', "a"),
    ('ê', "e"),
    ('ô', "o"),
    ('ệ', "ê"),
    ('ạ', "a"),
    ('ố', "ô"),
    ('m', "rn"),
    ('i', "í"),
    ('Đ', "D"),
    ('e', "c"),
];

/// splitmix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// A piece of a template line: text kept as is, or a slot varied per document.
enum Piece {
    Text(String),
    /// A run of digits; `date_part` when it is a day or month (kept in range).
    Number {
        digits: String,
        date_part: bool,
    },
    /// A province (index into PROVINCES), upper case or not.
    Province {
        index: usize,
        upper: bool,
    },
    /// A department (index into DEPARTMENTS).
    Department(usize),
}

/// One corpus document cut into lines of pieces, once.
struct Template {
    lines: Vec<Vec<Piece>>,
}

fn template(text: &str) -> Template {
    let uppers: Vec<String> = PROVINCES.iter().map(|p| p.to_uppercase()).collect();
    let lines = text.lines().map(|line| pieces(line, &uppers)).collect();
    Template { lines }
}

fn pieces(line: &str, uppers: &[String]) -> Vec<Piece> {
    let mut out = vec![];
    let mut text = String::new();
    let mut rest = line;
    'outer: while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let len = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            let before = text.trim_end();
            let after = &rest[len..];
            let date_part = len <= 2
                && (text.ends_with('/')
                    || after.starts_with('/')
                    || text.ends_with('-') && after.starts_with('-')
                    || before.ends_with("ngày")
                    || before.ends_with("tháng"));
            flush(&mut out, &mut text);
            out.push(Piece::Number { digits: rest[..len].to_string(), date_part });
            rest = after;
            continue;
        }
        for (index, name) in PROVINCES.iter().enumerate() {
            for (candidate, upper) in [(*name, false), (uppers[index].as_str(), true)] {
                if rest.starts_with(candidate) {
                    flush(&mut out, &mut text);
                    out.push(Piece::Province { index, upper });
                    rest = &rest[candidate.len()..];
                    continue 'outer;
                }
            }
        }
        if let Some(index) = DEPARTMENTS.iter().position(|d| rest.starts_with(d)) {
            flush(&mut out, &mut text);
            out.push(Piece::Department(index));
            rest = &rest[DEPARTMENTS[index].len()..];
            continue;
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut out, &mut text);
    out
}

fn flush(out: &mut Vec<Piece>, text: &mut String) {
    if !text.is_empty() {
        out.push(Piece::Text(std::mem::take(text)));
    }
}

/// What one generated document varies.
struct Variation {
    numbers: HashMap<String, String>,
    province: usize,
    departments: Vec<usize>,
    /// Share of body paragraphs kept.
    keep: f64,
    /// Chance that a line is damaged.
    damage: f64,
}

fn variation(rng: &mut Rng) -> Variation {
    let mut departments: Vec<usize> = (0..DEPARTMENTS.len()).collect();
    for i in (1..departments.len()).rev() {
        departments.swap(i, rng.below(i + 1));
    }
    let damage = match rng.below(4) {
        0 | 1 => 0.0,
        2 => 0.02,
        _ => 0.12,
    };
    Variation {
        numbers: HashMap::new(),
        province: rng.below(PROVINCES.len()),
        departments,
        keep: 0.3 + 0.7 * (rng.below(1000) as f64 / 1000.0),
        damage,
    }
}

fn number(digits: &str, date_part: bool, rng: &mut Rng) -> String {
    let value: u64 = digits.parse().unwrap_or(0);
    let padded = digits.len() == 2 && digits.starts_with('0');
    if date_part {
        let n = if value <= 12 { 1 + rng.below(12) } else { 13 + rng.below(16) };
        return if padded { format!("{n:02}") } else { n.to_string() };
    }
    if digits.len() == 4 && (1945..=2030).contains(&value) {
        return (2010 + rng.below(17)).to_string();
    }
    let mut out = String::with_capacity(digits.len());
    for (i, _) in digits.chars().enumerate() {
        let d = if i == 0 && !digits.starts_with('0') { 1 + rng.below(9) } else { rng.below(10) };
        out.push(char::from(b'0' + d as u8));
    }
    out
}

/// Whether a template line opens a paragraph (so paragraphs are kept or dropped whole).
fn opens_paragraph(line: &[Piece]) -> bool {
    match line.first() {
        Some(Piece::Text(t)) => {
            let t = t.trim_start();
            t.is_empty() || t.starts_with('-') || t.starts_with('+') || t.chars().next().is_some_and(char::is_uppercase)
        }
        Some(Piece::Number { .. }) => true,
        _ => false,
    }
}

fn render(t: &Template, rng: &mut Rng, page: &mut usize, out: &mut String) {
    let mut v = variation(rng);
    let n = t.lines.len();
    let (head, tail) = (n / 5, n - n / 4);
    let mut keeping = true;
    for (i, line) in t.lines.iter().enumerate() {
        let body = i >= head && i < tail;
        if body && opens_paragraph(line) {
            keeping = rng.chance(v.keep);
        }
        if body && !keeping {
            continue;
        }
        let start = out.len();
        for piece in line {
            match piece {
                Piece::Text(s) => out.push_str(s),
                Piece::Number { digits, date_part } => {
                    // Short numbers outside dates number sections and lists: kept.
                    if digits.len() < 3 && !date_part {
                        out.push_str(digits);
                        continue;
                    }
                    // The same number is the same number throughout the document.
                    let n = v.numbers.entry(digits.clone()).or_insert_with(|| number(digits, *date_part, rng));
                    out.push_str(n);
                }
                Piece::Province { index, upper } => {
                    let p = PROVINCES[(index + v.province) % PROVINCES.len()];
                    if *upper { out.push_str(&p.to_uppercase()) } else { out.push_str(p) }
                }
                Piece::Department(i) => out.push_str(DEPARTMENTS[v.departments[*i]]),
            }
        }
        if v.damage > 0.0 && rng.chance(v.damage) {
            damage(out, start, rng, page);
        }
        out.push('\n');
    }
}

/// Scan damage on the line `out[start..]`.
fn damage(out: &mut String, start: usize, rng: &mut Rng, page: &mut usize) {
    let line = &out[start..];
    match rng.below(4) {
        // A lookalike letter.
        0 | 1 => {
            let (from, to) = LOOKALIKES[rng.below(LOOKALIKES.len())];
            if let Some(at) = line.find(from) {
                let at = start + at;
                out.replace_range(at..at + from.len_utf8(), to);
            }
        }
        // A line wrapped where the scanner saw a column edge.
        2 => {
            let spaces: Vec<usize> = line.match_indices(' ').map(|(i, _)| i).filter(|&i| i > 20).collect();
            if !spaces.is_empty() {
                let at = start + spaces[rng.below(spaces.len())];
                out.replace_range(at..at + 1, "\n");
            }
        }
        // A page number between lines.
        _ => {
            *page += 1;
            out.push_str(&format!("\n                                  {}\n", *page % 40 + 2));
        }
    }
}

fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim().to_ascii_uppercase();
    let (digits, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: u64 = digits.parse().ok()?;
    let unit = match unit.trim_end_matches('B').trim_end_matches('I') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return None,
    };
    Some(n * unit)
}

struct Options {
    seed: u64,
    size: u64,
    docs: u64,
    out: PathBuf,
    from: PathBuf,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        seed: 1,
        size: 100 << 20,
        docs: u64::MAX,
        out: PathBuf::from("/tmp/vb-corpus"),
        from: Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--seed" => o.seed = value.parse().map_err(|_| format!("bad seed {value}"))?,
            "--size" => o.size = parse_size(&value).ok_or(format!("bad size {value} (e.g. 100MB, 1GB)"))?,
            "--docs" => o.docs = value.parse().map_err(|_| format!("bad count {value}"))?,
            "--out" => o.out = value.into(),
            "--from" => o.from = value.into(),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(o)
}

fn main() -> Result<(), String> {
    let o = options()?;
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&o.from)
        .map_err(|e| format!("{}: {e}", o.from.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    sources.sort();
    let templates: Vec<Template> =
        sources.iter().filter_map(|p| std::fs::read_to_string(p).ok()).map(|text| template(&text)).collect();
    if templates.is_empty() {
        return Err(format!("{}: no UTF-8 .txt documents to recombine", o.from.display()));
    }
    let mut rng = Rng(o.seed);
    let (mut bytes, mut docs, mut page) = (0u64, 0u64, 0usize);
    let mut text = String::new();
    while bytes < o.size && docs < o.docs {
        let dir = o.out.join(format!("{:04}", docs / 1000));
        if docs % 1000 == 0 {
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        text.clear();
        render(&templates[rng.below(templates.len())], &mut rng, &mut page, &mut text);
        let path = dir.join(format!("{docs:07}.txt"));
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len() as u64;
        docs += 1;
    }
    println!("{docs} documents, {bytes} bytes in {}", o.out.display());
    Ok(())
}
