//! `vanban normalize FILE`: print the normalized text, or with `--explain` each
//! repair (step, original span, original text → replacement) and the number of
//! edits per step, every step listed.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use vanban::normalize::{self, STEPS};
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
            let original = &decoded.text[r.original.range()];
            writeln!(
                out,
                "{}\t{}..{}\t{:?} -> {:?}",
                r.step, r.original.start, r.original.end, original, r.replacement
            )?;
        }
        writeln!(out, "# edits per step")?;
        for step in STEPS {
            let count = n.repairs.iter().filter(|r| r.step == step.name()).count();
            writeln!(out, "{}\t{count}", step.name())?;
        }
    } else {
        out.write_all(n.text.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
