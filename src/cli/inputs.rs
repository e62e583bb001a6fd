//! Expanding FILE|DIR… arguments into the list of inputs, in a stable order.

use std::path::{Path, PathBuf};

/// One input: a file path, or standard input (`-`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// Extensions of the files taken from a directory; a file named explicitly is
/// always taken, whatever its name.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "text"];

/// Expand arguments: `-` is standard input, a directory gives its text files
/// ([`TEXT_EXTENSIONS`]; recursively, sorted, hidden entries skipped, symlinks
/// not followed), a file gives itself. Paths that cannot be listed are returned as errors so
/// the batch can report them and go on.
pub fn expand(args: &[PathBuf]) -> (Vec<Input>, Vec<(PathBuf, std::io::Error)>) {
    let mut inputs = vec![];
    let mut errors = vec![];
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if arg.is_dir() {
            walk(arg, &mut inputs, &mut errors);
        } else {
            inputs.push(Input::File(arg.clone()));
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<(PathBuf, std::io::Error)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => return errors.push((dir.to_path_buf(), e)),
    };
    let mut paths: Vec<(PathBuf, std::fs::FileType)> = vec![];
    for entry in entries {
        match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
            Ok(p) => paths.push(p),
            Err(e) => errors.push((dir.to_path_buf(), e)),
        }
    }
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in paths {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden || kind.is_symlink() {
            continue;
        }
        if kind.is_dir() {
            walk(&path, inputs, errors);
        } else if is_text_name(&path) {
            inputs.push(Input::File(path));
        }
    }
}

fn is_text_name(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    ext.is_some_and(|e| TEXT_EXTENSIONS.contains(&e.as_str()))
}
