//! Query latency of the citation graph on a generated graph (not a test).
//!
//! Builds a database of `VANBAN_BENCH_DOCS` documents (default 100,000): 1,000
//! national documents (Party and Government), and local plans in 60 provinces,
//! each resting on a national document or an earlier plan of its province and
//! citing three more; then times `implementers` and `basis`, direct and
//! transitive, on random documents. Run with `scripts/bench-graph`.

use std::time::{Duration, Instant};

use vanban::document::{Citation, Document, FileExtraction, Mention, Relation};
use vanban::graph::query::RelationFilter;
use vanban::graph::{FileRecord, Store, content_hash, resolve_file};
use vanban::span::Span;

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn citation(symbol: &str, date: &str, issuer: &str, relation: Relation) -> Citation {
    let sentence = format!("Thực hiện văn bản số {symbol} ngày {date} của {issuer}");
    Citation {
        kind: None,
        symbol: Some(symbol.into()),
        date: Some(date.into()),
        issuer: Some(issuer.into()),
        name: None,
        relation,
        mentions: vec![Mention { span: Span::new(0, 10), sentence, pinpoint: None }],
    }
}

/// (symbol, date, issuer) of document `i`.
fn describe(i: usize) -> (String, String, String) {
    if i < 1000 {
        (format!("{}-KL/TW", i + 1), "2015-07-14".into(), "Ban Bí thư".into())
    } else {
        let province = i % 60;
        let year = 2016 + (i / 60) % 10;
        (format!("{}/KH-UBND", i), format!("{year}-03-01"), format!("Ủy ban nhân dân tỉnh Tỉnh Số {province}"))
    }
}

fn time(mut f: impl FnMut(usize) -> usize, runs: usize) -> (Duration, Duration, usize) {
    let mut times = vec![];
    let mut rows = 0;
    for i in 0..runs {
        let t = Instant::now();
        rows += f(i);
        times.push(t.elapsed());
    }
    times.sort();
    (times[runs / 2], times[runs * 99 / 100], rows / runs)
}

fn main() {
    let n: usize = std::env::var("VANBAN_BENCH_DOCS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let db = std::env::temp_dir().join(format!("vanban-bench-{n}.db"));
    let fresh = !db.exists();
    let mut store = Store::open(&db).expect("open the database");
    if fresh {
        let t = Instant::now();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut ids = vec![];
        for i in 0..n {
            let (symbol, date, issuer) = describe(i);
            let mut doc =
                Document { symbol: Some(symbol), date: Some(date), issuer: Some(issuer), ..Default::default() };
            if i >= 1000 {
                // Basis: a national document, or an earlier plan of the same province.
                let base = if rng.below(3) == 0 || i < 1060 {
                    rng.below(1000)
                } else {
                    i - 60 * (1 + rng.below((i - 1000) / 60))
                };
                let (s, d, iss) = describe(base);
                doc.citations.push(citation(&s, &d, &iss, Relation::Basis));
                for _ in 0..3 {
                    let (s, d, iss) = describe(rng.below(i));
                    doc.citations.push(citation(&s, &d, &iss, Relation::Cites));
                }
            }
            let path = format!("/bench/{i:06}.txt");
            let hash = content_hash(path.as_bytes());
            let x = FileExtraction { file: path.clone(), encoding: "utf-8".into(), documents: vec![doc] };
            let resolved = resolve_file(x, &hash);
            ids.push(resolved.documents[0].work.id.clone());
            store.write_file(&FileRecord { path, hash, outcome: Ok(resolved) }).expect("write");
        }
        println!("built {n} documents in {:.1} s → {}", t.elapsed().as_secs_f64(), db.display());
    }
    let works: Vec<String> = {
        let mut stmt = store.conn().prepare("SELECT work FROM documents ORDER BY id").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let edges: i64 = store.conn().query_row("SELECT count(*) FROM edges", [], |r| r.get(0)).unwrap();
    println!("{} documents, {edges} edges", works.len());
    let mut rng = Rng(42);
    let national: Vec<&String> = works.iter().take(1000).collect();
    let local: Vec<&String> = works.iter().skip(1000).collect();
    let runs = 200;
    let report = |name: &str, (median, p99, rows): (Duration, Duration, usize)| {
        println!("{name:<40} median {:>8.3} ms   p99 {:>8.3} ms   {rows} rows", ms(median), ms(p99));
    };
    let mut pick = |v: &[&String]| v[rng.below(v.len())].clone();
    let nat: Vec<String> = (0..runs).map(|_| pick(&national)).collect();
    let loc: Vec<String> = (0..runs).map(|_| pick(&local)).collect();
    report(
        "implementers (national, basis)",
        time(|i| store.implementers(&nat[i], false, RelationFilter::Basis).unwrap().len(), runs),
    );
    report(
        "implementers (national, any)",
        time(|i| store.implementers(&nat[i], false, RelationFilter::Any).unwrap().len(), runs),
    );
    report(
        "implementers (local, transitive)",
        time(|i| store.implementers(&loc[i], true, RelationFilter::Basis).unwrap().len(), runs),
    );
    report("basis (local)", time(|i| store.basis(&loc[i], false, RelationFilter::Basis).unwrap().len(), runs));
    report(
        "basis (local, transitive)",
        time(|i| store.basis(&loc[i], true, RelationFilter::Basis).unwrap().len(), runs),
    );
    report(
        "candidates (symbol 114-KL/TW)",
        time(
            |_| {
                let q = vanban::resolve::parse_query("114-KL/TW").unwrap();
                store.candidates(&q).unwrap().len()
            },
            runs,
        ),
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
