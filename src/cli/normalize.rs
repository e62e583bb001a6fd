//! `vanban normalize FILE`: print the normalized text, or with `--explain` each repair.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use vanban::normalize;
use vanban::read::{self, Limits};

/// Arguments of `vanban normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// List each repair with its span in the original instead of the text.
    #[arg(long)]
    explain: bool,
    /// The file to normalize.
    path: PathBuf,
}

pub fn run(args: &NormalizeArgs) -> anyhow::Result<ExitCode> {
    let decoded = read::read_path(&args.path, &Limits::default())?;
    let n = normalize::normalize(&decoded.text);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.explain {
        writeln!(out, "# {} ({})", args.path.display(), decoded.encoding.name())?;
        for r in &n.repairs {
            let orig = &decoded.text[r.original.range()];
            writeln!(out, "{}\t{}..{}\t{:?}", r.step, r.original.start, r.original.end, orig)?;
        }
    } else {
        out.write_all(n.text.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
