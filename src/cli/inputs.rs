//! Expanding FILE|DIR… arguments into the list of inputs, in a stable order, and
//! the options every subcommand that reads inputs shares ([`InputOptions`]):
//! size limits and whether directory walks follow symbolic links.
//!
//! Nothing outside the given arguments is read unless asked: a walk does not
//! follow symbolic links unless `--follow` is given, and then a link back to a
//! directory being walked is reported as a loop instead of walked again.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;
use vanban::read::Limits;

/// One input: a file path, or standard input (`-`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// A path that could not be listed or followed, with the reason.
pub type WalkError = (PathBuf, std::io::Error);

/// Extensions of the files taken from a directory; a file named explicitly is
/// always taken, whatever its name.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "text"];

/// Largest `--max-file-size`: spans are 32-bit offsets, and decoding can triple
/// the size of 8-bit text.
const MAX_FILE_SIZE_CEILING: u64 = 1 << 30;

/// Options of every subcommand that reads FILE|DIR arguments.
#[derive(Clone, Debug, Args)]
pub struct InputOptions {
    /// Largest file read, in bytes; K, M, G suffixes are powers of 1024 (at most 1G).
    /// A larger file is an error naming it.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_file_size)]
    pub max_file_size: u64,
    /// Longest line accepted, in bytes of UTF-8; K, M, G suffixes as above. A
    /// longer line is an error naming the file and the line, never a truncation.
    #[arg(long, value_name = "SIZE", default_value = "1M", value_parser = parse_size)]
    pub max_line_length: u64,
    /// Follow symbolic links met while walking directories (links named as
    /// arguments are always followed); a link back into the walk is reported as a loop.
    #[arg(long)]
    pub follow: bool,
}

impl InputOptions {
    /// The read stage's limits.
    pub fn limits(&self) -> Limits {
        Limits { max_file_bytes: self.max_file_size, max_line_bytes: self.max_line_length }
    }

    /// The inputs that `args` name, and what could not be listed.
    pub fn expand(&self, args: &[PathBuf]) -> (Vec<Input>, Vec<WalkError>) {
        expand_with(args, self.follow)
    }
}

/// A size in bytes: digits with an optional K, M or G (KiB, MiB, GiB also read).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number.parse().map_err(|_| format!("{s:?} is not a size: digits, then K, M or G"))?;
    let shift = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("{s:?}: unknown unit {unit:?} (K, M or G)")),
    };
    number.checked_mul(1 << shift).ok_or_else(|| format!("{s:?} is too large"))
}

fn parse_file_size(s: &str) -> Result<u64, String> {
    let n = parse_size(s)?;
    match n <= MAX_FILE_SIZE_CEILING {
        true => Ok(n),
        false => Err(format!("{s:?} is over the largest file vanban reads, 1G")),
    }
}

/// Standard input, at most `limits.max_file_bytes` of it plus one byte (so that
/// the read stage reports the excess instead of reading forever).
pub fn read_stdin(limits: &Limits) -> std::io::Result<Vec<u8>> {
    let mut bytes = vec![];
    std::io::stdin().lock().take(limits.max_file_bytes.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Expand arguments: `-` is standard input, a directory gives its text files
/// ([`TEXT_EXTENSIONS`]; recursively, sorted, hidden entries skipped, symbolic
/// links skipped unless `follow`), a file gives itself. Paths that cannot be
/// listed are returned as errors so the batch can report them and go on.
pub fn expand_with(args: &[PathBuf], follow: bool) -> (Vec<Input>, Vec<WalkError>) {
    let mut walk = Walk { follow, inputs: vec![], errors: vec![], ancestors: vec![] };
    for arg in args {
        if arg.as_os_str() == "-" {
            walk.inputs.push(Input::Stdin);
        } else if arg.is_dir() {
            walk.dir(arg);
        } else {
            walk.inputs.push(Input::File(arg.clone()));
        }
    }
    (walk.inputs, walk.errors)
}

struct Walk {
    follow: bool,
    inputs: Vec<Input>,
    errors: Vec<WalkError>,
    /// Canonical paths of the directories being walked, outermost first: a
    /// followed link to one of them is a loop.
    ancestors: Vec<PathBuf>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) {
        let canonical = match std::fs::canonicalize(dir) {
            Ok(c) => c,
            Err(e) => return self.errors.push((dir.to_path_buf(), e)),
        };
        if self.ancestors.contains(&canonical) {
            let e = std::io::Error::other(format!("symbolic link loop back to {}", canonical.display()));
            return self.errors.push((dir.to_path_buf(), e));
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return self.errors.push((dir.to_path_buf(), e)),
        };
        let mut paths: Vec<(PathBuf, std::fs::FileType)> = vec![];
        for entry in entries {
            match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
                Ok(p) => paths.push(p),
                Err(e) => self.errors.push((dir.to_path_buf(), e)),
            }
        }
        paths.sort_by(|a, b| a.0.cmp(&b.0));
        self.ancestors.push(canonical);
        for (path, kind) in paths {
            if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            let is_dir = if kind.is_symlink() {
                if !self.follow {
                    continue;
                }
                // The link's target: a dangling link or a loop of links is an error.
                match std::fs::metadata(&path) {
                    Ok(target) => target.is_dir(),
                    Err(e) => {
                        self.errors.push((path, e));
                        continue;
                    }
                }
            } else {
                kind.is_dir()
            };
            if is_dir {
                self.dir(&path);
            } else if is_text_name(&path) {
                self.inputs.push(Input::File(path));
            }
        }
        self.ancestors.pop();
    }
}

fn is_text_name(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    ext.is_some_and(|e| TEXT_EXTENSIONS.contains(&e.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512"), Ok(512));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert!(parse_size("1T").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
        assert!(parse_file_size("2G").is_err());
    }

    #[test]
    fn defaults_are_the_read_stage_defaults() {
        use clap::Parser;
        #[derive(Parser)]
        struct Cli {
            #[command(flatten)]
            input: InputOptions,
        }
        let cli = Cli::try_parse_from(["x"]).unwrap();
        assert_eq!(cli.input.limits(), Limits::default());
        assert!(!cli.input.follow);
    }
}
