//! `vanban html FILE|DIR… --out DIR`: one static page per document and an index,
//! readable offline from the file system.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use vanban::html::{self, SourceFile};
use vanban::pipeline;
use vanban::read::{self, Limits};

use super::inputs::{self, Input};

/// Arguments of `vanban html`.
#[derive(Debug, Args)]
pub struct HtmlArgs {
    /// Directory to write the pages into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Files or directories to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(args: &HtmlArgs) -> anyhow::Result<ExitCode> {
    let (inputs, walk_errors) = inputs::expand(&args.paths);
    let mut failed = walk_errors.len();
    for (path, e) in &walk_errors {
        eprintln!("vanban: {}: {e}", path.display());
    }
    let mut files = vec![];
    for input in &inputs {
        let Input::File(path) = input else {
            failed += 1;
            eprintln!("vanban: html reads files, not standard input");
            continue;
        };
        match read::read_path(path, &Limits::default()) {
            Ok(decoded) => {
                let extraction = pipeline::extract_decoded(&pipeline::display_name(path), &decoded);
                files.push(SourceFile { extraction, text: decoded.text });
            }
            Err(e) => {
                failed += 1;
                eprintln!("vanban: {e}");
            }
        }
    }
    std::fs::create_dir_all(&args.out).with_context(|| format!("{}: cannot create directory", args.out.display()))?;
    let pages = html::render_site(&files, &today(), None);
    for page in &pages {
        let path = args.out.join(&page.name);
        std::fs::write(&path, &page.html).with_context(|| format!("{}: cannot write", path.display()))?;
    }
    println!("{} pages in {}", pages.len(), args.out.join(html::INDEX).display());
    Ok(if failed > 0 { ExitCode::from(super::PARTIAL_FAILURE) } else { ExitCode::SUCCESS })
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
