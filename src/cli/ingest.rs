//! `vanban ingest FILE|DIR… [--db FILE]`: extract files in parallel and store
//! them in the citation graph.
//!
//! Rayon workers read, hash, extract and resolve; one writer thread owns the
//! database and writes up to [`BATCH`] files, or those that arrive within
//! [`BATCH_WAIT`], in one transaction, fed by a bounded channel, so memory stays
//! bounded and a killed ingest loses at most the batch it was writing (each
//! file's status is committed with its data, so a re-run redoes exactly that
//! batch). Files whose content hash (and vanban version) are unchanged since the
//! last ingest are skipped.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use vanban::document::FileExtraction;
use vanban::graph::{FileRecord, Store, StoredFile, content_hash, resolve_file};
use vanban::pipeline;
use vanban::read::Limits;

use super::inputs::{Input, InputOptions};

/// Arguments of `vanban ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// The database file (created if missing).
    #[arg(long, default_value = "vanban.db")]
    db: PathBuf,
    /// Read extraction results (`vanban extract --format json` output, or gold
    /// files) instead of documents; directories give their `*.json` files.
    #[arg(long)]
    json: bool,
    /// Files or directories to ingest.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: InputOptions,
}

/// Most files written in one transaction: large enough that commits cost little,
/// small enough that an interrupted ingest redoes little.
const BATCH: usize = 256;

/// Longest the writer waits to fill a batch: what a killed ingest may have to redo.
const BATCH_WAIT: Duration = Duration::from_millis(500);

/// What a worker hands the writer.
enum Outcome {
    /// Content and vanban version as stored: nothing to write.
    Unchanged,
    /// Write this.
    Write(FileRecord),
}

#[derive(Default)]
struct Tally {
    read: usize,
    unchanged: usize,
    documents: usize,
    citations: usize,
    failed: usize,
}

pub fn run(args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let (files, walk_errors) = expand(&args.paths, args.json, &args.input);
    let limits = args.input.limits();
    let mut store = Store::open(&args.db)?;
    store.begin_ingest()?;
    let stored = store.stored_files()?;
    let progress = Progress::new(files.len() as u64);
    let mut tally = Tally { failed: walk_errors.len(), ..Tally::default() };
    for (path, e) in &walk_errors {
        progress.error(&format!("{}: {e}", path.display()));
    }
    // Bounded: workers wait while the writer catches up, so extractions never pile up.
    let (tx, rx) = mpsc::sync_channel::<Outcome>(2 * BATCH);
    let written: anyhow::Result<()> = std::thread::scope(|scope| {
        let writer = scope.spawn(|| -> anyhow::Result<()> {
            let rx = rx; // owned by the writer, so the channel closes when the workers end
            let mut batch = Vec::with_capacity(BATCH);
            while let Ok(first) = rx.recv() {
                // Up to BATCH files, or what arrived within BATCH_WAIT, go in one transaction:
                // each commit rewrites the index pages it touched, so a few files per commit
                // cost more than their extraction.
                let due = Instant::now() + BATCH_WAIT;
                let mut taken = 0;
                let more = std::iter::from_fn(|| rx.recv_timeout(due.saturating_duration_since(Instant::now())).ok());
                for outcome in std::iter::once(first).chain(more).take(BATCH) {
                    taken += 1;
                    tally.read += 1;
                    match outcome {
                        Outcome::Unchanged => tally.unchanged += 1,
                        Outcome::Write(rec) => {
                            match &rec.outcome {
                                Ok(f) => {
                                    tally.documents += f.documents.len();
                                    tally.citations += f.documents.iter().map(|d| d.cited.len()).sum::<usize>();
                                }
                                Err(e) => {
                                    tally.failed += 1;
                                    progress.error(e);
                                }
                            }
                            batch.push(rec);
                        }
                    }
                }
                store.write_files(&batch)?;
                batch.clear();
                (0..taken).for_each(|_| progress.advance());
            }
            Ok(())
        });
        files.par_iter().for_each_with(tx, |tx, path| {
            // A send fails only when the writer stopped on an error, reported below.
            let _ = tx.send(process(path, args.json, &limits, &stored));
        });
        writer.join().expect("the writer thread does not panic")
    });
    progress.finish();
    // What was committed is made durable even when the writer stopped on an error.
    let ended = store.end_ingest();
    written.with_context(|| format!("{}: ingest stopped", args.db.display()))?;
    ended?;
    eprintln!(
        "ingest: {} files read ({} unchanged), {} documents, {} citations, {} failed, in {:.1} s → {}",
        tally.read,
        tally.unchanged,
        tally.documents,
        tally.citations,
        tally.failed,
        start.elapsed().as_secs_f64(),
        args.db.display()
    );
    Ok(if tally.failed > 0 { ExitCode::from(super::PARTIAL_FAILURE) } else { ExitCode::SUCCESS })
}

/// The files to ingest, in a stable order: text files, or with `json` JSON files.
fn expand(args: &[PathBuf], json: bool, options: &InputOptions) -> (Vec<PathBuf>, Vec<(PathBuf, std::io::Error)>) {
    let mut errors = vec![];
    let mut files = vec![];
    for arg in args {
        if json && arg.is_dir() {
            walk_json(arg, &mut files, &mut errors);
            continue;
        }
        let (inputs, errs) = options.expand(std::slice::from_ref(arg));
        errors.extend(errs);
        for input in inputs {
            match input {
                Input::File(p) => files.push(p),
                Input::Stdin => {
                    errors.push((arg.clone(), std::io::Error::other("ingest reads files, not standard input")))
                }
            }
        }
    }
    (files, errors)
}

fn walk_json(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<(PathBuf, std::io::Error)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => return errors.push((dir.to_path_buf(), e)),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) || p.is_symlink() {
            continue;
        }
        if p.is_dir() {
            walk_json(&p, files, errors);
        } else if p.extension().is_some_and(|e| e == "json") {
            files.push(p);
        }
    }
}

/// Read, hash, extract and resolve one file.
fn process(path: &Path, json: bool, limits: &Limits, stored: &HashMap<String, StoredFile>) -> Outcome {
    let key = absolute(path);
    let failed = |hash: String, e: String| Outcome::Write(FileRecord { path: key.clone(), hash, outcome: Err(e) });
    let limit = limits.max_file_bytes;
    match std::fs::metadata(path) {
        Ok(m) if m.len() > limit => {
            return failed(
                String::new(),
                format!("{}: {} bytes is over the limit of {limit} bytes", path.display(), m.len()),
            );
        }
        Ok(_) => {}
        Err(e) => return failed(String::new(), format!("{}: cannot read: {e}", path.display())),
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return failed(String::new(), format!("{}: cannot read: {e}", path.display())),
    };
    let hash = content_hash(&bytes);
    let current = stored.get(&key).is_some_and(|s| s.ok && s.hash == hash && s.extractor == env!("CARGO_PKG_VERSION"));
    if current {
        return Outcome::Unchanged;
    }
    let name = path.display().to_string();
    let extraction = if json {
        from_json(&name, &bytes)
    } else {
        pipeline::extract_bytes_with(&name, &bytes, limits).map_err(|e| e.to_string())
    };
    match extraction {
        Ok(x) => Outcome::Write(FileRecord { path: key, outcome: Ok(resolve_file(x, &hash)), hash }),
        Err(e) => failed(hash, e),
    }
}

fn absolute(path: &Path) -> String {
    let p = std::fs::canonicalize(path)
        .or_else(|_| std::env::current_dir().map(|d| d.join(path)))
        .unwrap_or_else(|_| path.to_path_buf());
    p.to_string_lossy().into_owned()
}

/// A `FileExtraction` from JSON, an array of them (merged), with fields the
/// gold files leave out (spans, mentions) taken as empty.
fn from_json(name: &str, bytes: &[u8]) -> Result<FileExtraction, String> {
    let bad = |e: serde_json::Error| format!("{name}: not an extraction: {e}");
    let mut v: serde_json::Value = serde_json::from_slice(bytes).map_err(bad)?;
    let mut items = match v.take() {
        serde_json::Value::Array(items) => items,
        one => vec![one],
    };
    let mut out = FileExtraction { file: name.to_string(), encoding: "json".into(), documents: vec![] };
    for item in &mut items {
        fill_defaults(item);
        let x: FileExtraction = serde_json::from_value(item.take()).map_err(bad)?;
        out.encoding = x.encoding;
        out.documents.extend(x.documents);
    }
    Ok(out)
}

fn fill_defaults(v: &mut serde_json::Value) {
    use serde_json::{Value, json};
    fn fill(v: &mut Value, defaults: &[(&str, Value)]) {
        if let Some(o) = v.as_object_mut() {
            for (k, d) in defaults {
                o.entry(k.to_string()).or_insert_with(|| d.clone());
            }
        }
    }
    fn each(v: &mut Value, key: &str, defaults: &[(&str, Value)]) {
        if let Some(items) = v.get_mut(key).and_then(Value::as_array_mut) {
            items.iter_mut().for_each(|i| fill(i, defaults));
        }
    }
    let span = json!({"start": 0, "end": 0});
    fill(v, &[("file", json!("")), ("encoding", json!("json")), ("documents", json!([]))]);
    let Some(docs) = v.get_mut("documents").and_then(Value::as_array_mut) else { return };
    for d in docs {
        let mut defaults: Vec<(&str, Value)> =
            ["kind", "symbol", "number", "issuer", "place", "date", "title", "signer"].map(|k| (k, Value::Null)).into();
        for k in ["recipients", "citations", "sections", "assignments", "deadlines", "relative_deadlines", "tasks"] {
            defaults.push((k, json!([])));
        }
        defaults.extend([("span", span.clone()), ("field_spans", json!({}))]);
        fill(d, &defaults);
        let nulls = |keys: &[&'static str]| keys.iter().map(|k| (*k, Value::Null)).collect::<Vec<_>>();
        let mut cite = nulls(&["kind", "symbol", "date", "issuer", "name"]);
        cite.extend([("relation", json!("cites")), ("mentions", json!([]))]);
        each(d, "citations", &cite);
        each(d, "sections", &[("span", span.clone())]);
        each(d, "assignments", &[("path", Value::Null), ("span", span.clone())]);
        let mut deadline = nulls(&["path", "due", "start", "end", "recurrence"]);
        deadline.push(("span", span.clone()));
        each(d, "deadlines", &deadline);
        each(d, "relative_deadlines", &deadline);
        if let Some(cs) = d.get_mut("citations").and_then(Value::as_array_mut) {
            for c in cs {
                each(c, "mentions", &[("pinpoint", Value::Null), ("span", span.clone())]);
            }
        }
    }
}

/// A progress bar on a terminal; plain log lines otherwise.
struct Progress {
    bar: Option<ProgressBar>,
    total: u64,
    done: std::sync::atomic::AtomicU64,
}

impl Progress {
    fn new(total: u64) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(total);
            let style =
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files ({eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress { bar, total, done: 0.into() }
    }

    fn advance(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        match &self.bar {
            Some(bar) => bar.inc(1),
            // About ten lines for a whole batch.
            None if done.is_multiple_of((self.total / 10).max(1)) || done == self.total => {
                eprintln!("ingest: {done}/{} files", self.total);
            }
            None => {}
        }
    }

    fn error(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("vanban: {message}")),
            None => eprintln!("vanban: {message}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
