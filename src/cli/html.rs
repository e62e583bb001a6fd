//! `vanban html FILE|DIR… --out DIR`: one static page per document and an index,
//! readable offline from the file system. With `--db`, each document's place in
//! the graph comes from the store that `vanban ingest` built.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use vanban::graph::{Store, content_hash, resolve_file};
use vanban::html::{self, Neighbourhood, SourceFile};
use vanban::pipeline;
use vanban::read;

use super::inputs::{Input, InputOptions};

/// Arguments of `vanban html`.
#[derive(Debug, Args)]
pub struct HtmlArgs {
    /// Directory to write the pages into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Draw each document's neighbourhood from this graph store (`vanban ingest`)
    /// instead of from the documents rendered together.
    #[arg(long)]
    db: Option<PathBuf>,
    /// Files or directories to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: InputOptions,
}

pub fn run(args: &HtmlArgs) -> anyhow::Result<ExitCode> {
    let (inputs, walk_errors) = args.input.expand(&args.paths);
    let limits = args.input.limits();
    let mut failed = walk_errors.len();
    for (path, e) in &walk_errors {
        eprintln!("vanban: {}: {e}", path.display());
    }
    let mut files = vec![];
    let mut hashes = vec![];
    for input in &inputs {
        let Input::File(path) = input else {
            failed += 1;
            eprintln!("vanban: html reads files, not standard input");
            continue;
        };
        match read::read_path(path, &limits) {
            Ok(decoded) => {
                let extraction = pipeline::extract_decoded(&pipeline::display_name(path), &decoded);
                // Stub work ids are keyed by the content hash, as `ingest` keys them.
                let hash = std::fs::read(path).map(|b| content_hash(&b)).unwrap_or_default();
                hashes.push(hash);
                files.push(SourceFile { extraction, text: decoded.text });
            }
            Err(e) => {
                failed += 1;
                eprintln!("vanban: {e}");
            }
        }
    }
    std::fs::create_dir_all(&args.out).with_context(|| format!("{}: cannot create directory", args.out.display()))?;
    let from_store = match &args.db {
        Some(db) => Some(store_neighbourhoods(db, &files, &hashes)?),
        None => None,
    };
    let graph = from_store.as_ref().map(|n| n as &dyn html::GraphSource);
    let pages = html::render_site(&files, &today(), graph);
    for page in &pages {
        let path = args.out.join(&page.name);
        std::fs::write(&path, &page.html).with_context(|| format!("{}: cannot write", path.display()))?;
    }
    println!("{} pages in {}", pages.len(), args.out.join(html::INDEX).display());
    Ok(if failed > 0 { ExitCode::from(super::PARTIAL_FAILURE) } else { ExitCode::SUCCESS })
}

/// Every rendered document's neighbourhood as the store `db` knows it, by page name.
fn store_neighbourhoods(
    db: &Path,
    files: &[SourceFile],
    hashes: &[String],
) -> anyhow::Result<HashMap<String, Neighbourhood>> {
    if !db.exists() {
        anyhow::bail!("{}: no graph store here (create it with vanban ingest)", db.display());
    }
    let store = Store::open(db)?;
    let works: Vec<String> = files
        .iter()
        .zip(hashes)
        .flat_map(|(f, hash)| resolve_file(f.extraction.clone(), hash).documents.into_iter().map(|d| d.work.id))
        .collect();
    let pages: HashMap<String, String> = works.iter().cloned().zip(html::page_names(files)).collect();
    let mut out = HashMap::new();
    for (work, page) in works.iter().zip(html::page_names(files)) {
        out.insert(page, html::from_store(&store, work, &pages)?);
    }
    Ok(out)
}

/// Today's date (UTC), ISO: which deadlines are still open.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    civil_date(secs as i64 / 86_400)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(19_074), "2022-03-23");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }
}
