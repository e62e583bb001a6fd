//! Time per pipeline stage on the repository corpus (not a test).
//!
//! Each stage runs over every `corpus/*.txt` for `VANBAN_BENCH_ROUNDS` rounds
//! (default 5) on one thread, fed the previous stage's output, and prints MB/s
//! of source text: read (decode), normalize, segment, extract (which segments
//! again), resolve, store (batched SQLite writes to a temporary database).
//! Run with `cargo bench --bench stages`; `scripts/bench` times the whole
//! pipeline on a generated corpus. Hand-timed like `benches/graph.rs`: the
//! numbers are seconds-long totals where a statistics harness adds nothing but
//! build time on a shared machine.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use vanban::document::FileExtraction;
use vanban::graph::{FileRecord, Store, content_hash, resolve_file};
use vanban::{extract, normalize, read, segment};

fn report(stage: &str, bytes: usize, elapsed: Duration) {
    let mb = bytes as f64 / 1e6;
    println!("{stage:<10} {:>8.1} ms {:>8.1} MB/s", elapsed.as_secs_f64() * 1e3, mb / elapsed.as_secs_f64());
}

/// Run `f` over every item for `rounds` rounds; the time and the last round's outputs.
fn time<T, U>(items: &[T], rounds: usize, mut f: impl FnMut(&T) -> U) -> (Duration, Vec<U>) {
    let start = Instant::now();
    let mut out = vec![];
    for round in 0..rounds {
        let last = round + 1 == rounds;
        for item in items {
            let u = f(item);
            if last {
                out.push(u);
            }
        }
    }
    (start.elapsed(), out)
}

fn main() {
    let rounds: usize = std::env::var("VANBAN_BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let files: Vec<(PathBuf, Vec<u8>)> =
        paths.into_iter().map(|p| (p.clone(), std::fs::read(&p).expect("a corpus file is readable"))).collect();
    let bytes = rounds * files.iter().map(|(_, b)| b.len()).sum::<usize>();
    // Compile the grammars before timing anything.
    let _ = vanban::pipeline::extract_bytes("warm-up", &files[0].1);
    println!("{} files × {rounds} rounds, {:.1} MB", files.len(), bytes as f64 / 1e6);

    let (t, decoded) = time(&files, rounds, |(p, b)| read::decode(p, b).expect("corpus files decode"));
    report("read", bytes, t);
    let (t, normalized) = time(&decoded, rounds, |d| normalize::normalize(&d.text));
    report("normalize", bytes, t);
    let (t, _) = time(&normalized, rounds, |n| segment::segment(&n.text).len());
    report("segment", bytes, t);
    let (t, documents) = time(&normalized, rounds, |n| extract::extract(&n.text));
    report("extract", bytes, t);
    let extractions: Vec<(String, FileExtraction)> = files
        .iter()
        .zip(documents)
        .map(|((p, b), documents)| {
            let x = FileExtraction { file: p.display().to_string(), encoding: "utf-8".into(), documents };
            (content_hash(b), x)
        })
        .collect();
    let (t, resolved) = time(&extractions, rounds, |(hash, x)| resolve_file(x.clone(), hash));
    report("resolve", bytes, t);

    let db = std::env::temp_dir().join(format!("vanban-bench-stages-{}.db", std::process::id()));
    let mut store = Store::open(&db).expect("open the database");
    let records: Vec<FileRecord> = extractions
        .iter()
        .zip(resolved)
        .map(|((hash, x), r)| FileRecord { path: x.file.clone(), hash: hash.clone(), outcome: Ok(r) })
        .collect();
    let start = Instant::now();
    for _ in 0..rounds {
        store.write_files(&records).expect("write a batch");
    }
    report("store", bytes, start.elapsed());
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}
