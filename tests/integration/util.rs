use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared material beside the repository (`../shared`), or `VANBAN_SHARED`.
pub fn shared() -> PathBuf {
    std::env::var_os("VANBAN_SHARED").map(PathBuf::from).unwrap_or_else(|| root().join("../shared"))
}

/// Corpus documents (`corpus/*.txt|md`), sorted.
pub fn corpus_documents() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    v.sort();
    v
}

/// Run the built binary with `args`.
pub fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban")).args(args).output().expect("vanban runs")
}

/// Run the built binary with `args` in directory `dir`.
#[allow(dead_code)]
pub fn vanban_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban")).current_dir(dir).args(args).output().expect("vanban runs")
}

/// A fresh temporary directory under target/, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let p = root().join("target/test-tmp").join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
