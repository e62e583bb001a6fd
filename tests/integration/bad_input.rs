//! Bad input has a defined outcome: each file of a directory of bad inputs,
//! built at test time under target/ (the 50 MB file is never committed), is
//! either processed or named on one line of stderr with the reason, and a batch
//! over the whole directory finishes, reports every failure and exits with
//! `PARTIAL_FAILURE` (1).

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use vanban::read::{self, Limits, ReadError};

use crate::util::{TempDir, corpus_documents};

/// What vanban must do with one input.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// Extracted: listed on stdout.
    Processed,
    /// One line of stderr naming the file, with this reason in it.
    Failed(String),
    /// Not taken by a directory walk (not a text name, or a link not followed).
    Skipped,
}

use Outcome::*;

const FIFTY_MB: usize = 50 * 1024 * 1024;
const REPETITIONS: usize = 100_000;

/// A real document of the corpus.
fn document() -> Vec<u8> {
    std::fs::read(&corpus_documents()[0]).unwrap()
}

/// Build the bad inputs in `dir`; each with the outcome of `vanban extract DIR`.
fn build(dir: &Path) -> Vec<(PathBuf, Outcome)> {
    let mut cases = vec![];
    let mut file = |name: &str, bytes: &[u8], outcome: Outcome| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        cases.push((path, outcome));
    };
    file("document.txt", &document(), Processed);
    file("empty.txt", b"", Failed("empty file".into()));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    file("image-png.txt", png, Failed("binary file (starts like a PNG image)".into()));
    file("image.png", png, Skipped);
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    file("scan-pdf.txt", pdf, Failed("binary file (starts like a PDF document)".into()));
    file("latin1.txt", b"Gr\xf6\xdfe aus K\xf6ln, caf\xe9 cr\xe8me\n", Failed("not decodable as utf-8".into()));
    // Valid UTF-8 cut inside the last character ("ệ" is E1 BB 87).
    let mut truncated = document();
    let cut = truncated.len();
    truncated.extend_from_slice(&"ệ".as_bytes()[..2]);
    file(
        "truncated-utf8.txt",
        &truncated,
        Failed(format!(
            "not decodable as utf-8 (nor as Vietnamese in windows-1258, tcvn3 or vni-windows) at byte {cut}"
        )),
    );
    let nul = b"K\xe1\xba\xbf ho\xe1\xba\xa1ch\0s\xe1\xbb\x91 1/KH-UBND\n";
    file("nul-bytes.txt", nul, Failed("binary file (NUL byte at offset 12)".into()));
    let line = "Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, ".as_bytes().iter().copied().cycle().take(FIFTY_MB);
    let line: Vec<u8> = line.collect();
    let line_reason = format!("line 1 is {FIFTY_MB} bytes long, over the limit of {} bytes", 1 << 20);
    file("one-line-50mb.txt", &line, Failed(line_reason));
    file("repeated-symbol.txt", "số 1/KH-".repeat(REPETITIONS).as_bytes(), Processed);
    file("nested.md", nested_markdown().as_bytes(), Processed);

    // A directory named like a text file is walked like any directory.
    let directory = dir.join("directory.txt");
    std::fs::create_dir(&directory).unwrap();
    std::fs::write(directory.join("inside.txt"), document()).unwrap();
    cases.push((directory.join("inside.txt"), Processed));

    // Mode 000: refused, except to a user who reads anything (root): then processed.
    let unreadable = dir.join("unreadable.txt");
    std::fs::write(&unreadable, document()).unwrap();
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::read(&unreadable).is_ok();
    cases.push((unreadable, if privileged { Processed } else { Failed("Permission denied".into()) }));

    // Symbolic link loops, of files and of a directory: not followed by a walk.
    symlink("loop-b.txt", dir.join("loop-a.txt")).unwrap();
    symlink("loop-a.txt", dir.join("loop-b.txt")).unwrap();
    symlink(".", dir.join("loop-dir")).unwrap();
    cases.push((dir.join("loop-a.txt"), Skipped));
    cases.push((dir.join("loop-b.txt"), Skipped));
    cases
}

/// Markdown nested 10,000 deep: block quotes, list items, emphasis and brackets.
fn nested_markdown() -> String {
    let mut s = "# KẾ HOẠCH\n\n".to_string();
    s += &"> ".repeat(10_000);
    s += "Thực hiện Kế hoạch số 1/KH-UBND.\n\n";
    for depth in 0..2_000 {
        s += &format!("{}- mục {depth}\n", "  ".repeat(depth));
    }
    s += &format!("{}giữa{}\n", "*_[(".repeat(2_500), ")]_*".repeat(2_500));
    s
}

/// Run the binary with a watchdog: a hang fails the test instead of stalling CI.
fn run_within(limit: Duration, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vanban runs");
    // Drain the pipes on threads so that a large output cannot block the child.
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out = std::thread::spawn(move || read_all(stdout));
    let err = std::thread::spawn(move || read_all(stderr));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("vanban {args:?} still runs after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: out.join().unwrap().unwrap(), stderr: err.join().unwrap().unwrap() }
}

fn read_all(mut r: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    let mut v = vec![];
    r.read_to_end(&mut v).map(|_| v)
}

/// `vanban extract DIR` over every bad input: each outcome as defined, and exit code 1.
#[test]
fn batch_over_bad_inputs() {
    let dir = TempDir::new("bad-input");
    let cases = build(&dir.0);
    let arg = dir.0.to_str().unwrap();
    let out = run_within(Duration::from_secs(240), &["extract", "--format", "text", arg]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "some files failed: exit code 1\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let failures: Vec<&str> = stderr.lines().collect();
    for (path, outcome) in &cases {
        let name = path.file_name().unwrap().to_str().unwrap();
        let listed = stdout.lines().any(|l| l.starts_with(&format!("{name} (")));
        let errors: Vec<&&str> = failures.iter().filter(|l| l.contains(path.to_str().unwrap())).collect();
        match outcome {
            Processed => assert!(listed && errors.is_empty(), "{name}: processed\n{errors:?}"),
            Skipped => assert!(!listed && errors.is_empty(), "{name}: skipped\n{errors:?}"),
            Failed(reason) => {
                assert!(!listed, "{name} is not processed");
                assert_eq!(errors.len(), 1, "{name}: one line of stderr\n{stderr}");
                let expected = format!("vanban: {}: ", path.display());
                assert!(
                    errors[0].starts_with(&expected) && errors[0].contains(reason.as_str()),
                    "{name}: {reason}: {}",
                    errors[0]
                );
            }
        }
    }
    let failed = cases.iter().filter(|(_, o)| matches!(o, Failed(_))).count();
    assert_eq!(failures.len(), failed, "one line per failure, nothing else:\n{stderr}");
}

/// With `--follow` the walk follows links, and the loops are reported, not walked forever.
#[test]
fn follow_reports_link_loops() {
    let dir = TempDir::new("bad-input-follow");
    std::fs::write(dir.0.join("document.txt"), document()).unwrap();
    std::fs::create_dir(dir.0.join("sub")).unwrap();
    symlink("..", dir.0.join("sub/up")).unwrap();
    symlink("loop-b.txt", dir.0.join("loop-a.txt")).unwrap();
    symlink("loop-a.txt", dir.0.join("loop-b.txt")).unwrap();
    symlink("document.txt", dir.0.join("alias.txt")).unwrap();
    let arg = dir.0.to_str().unwrap();
    let out = run_within(Duration::from_secs(60), &["extract", "--follow", "--format", "text", arg]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let names: Vec<&str> = stdout.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(names.len(), 2, "alias.txt and document.txt: {names:?}");
    assert!(names[0].starts_with("alias.txt (") && names[1].starts_with("document.txt ("), "{names:?}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines.iter().any(|l| l.contains("loop-a.txt") && l.contains("symbolic links")), "{stderr}");
    assert!(lines.iter().any(|l| l.contains("loop-b.txt") && l.contains("symbolic links")), "{stderr}");
    assert!(lines.iter().any(|l| l.contains("sub/up") && l.contains("symbolic link loop back to")), "{stderr}");
    // Without --follow none of the links is taken, and nothing fails.
    let out = run_within(Duration::from_secs(60), &["extract", "--format", "text", arg]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // A link named as an argument is always followed.
    let alias = dir.0.join("alias.txt");
    let out = run_within(Duration::from_secs(60), &["extract", "--format", "text", alias.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
}

/// The library's errors for inputs a walk never hands on: a directory, a link loop.
#[test]
fn read_errors_name_the_path() {
    let dir = TempDir::new("bad-input-read");
    let err = read::read_path(&dir.0, &Limits::default()).unwrap_err();
    assert!(matches!(err, ReadError::NotAFile { .. }), "{err:?}");
    symlink("self.txt", dir.0.join("self.txt")).unwrap();
    let err = read::read_path(&dir.0.join("self.txt"), &Limits::default()).unwrap_err();
    assert!(matches!(err, ReadError::Io { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with(&format!("{}: cannot read: ", dir.0.join("self.txt").display())), "{message}");
    assert!(!message.contains('\n'));
}

/// `--max-file-size` and `--max-line-length` apply to files and to standard input,
/// and name the file, the line and the limit.
#[test]
fn limits_from_the_command_line() {
    let dir = TempDir::new("bad-input-limits");
    let path = dir.0.join("document.txt");
    std::fs::write(&path, document()).unwrap();
    let p = path.to_str().unwrap();
    let text = read::read_path(&path, &Limits::default()).unwrap().text;
    let longest = text.split('\n').map(str::len).max().unwrap();
    let line_no = text.split('\n').position(|l| l.len() == longest).unwrap() + 1;
    let short = (longest - 1).to_string();
    let out = run_within(Duration::from_secs(60), &["extract", "--max-line-length", &short, p]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr.trim_end(),
        format!("vanban: {p}: line {line_no} is {longest} bytes long, over the limit of {short} bytes")
    );
    let out = run_within(Duration::from_secs(60), &["extract", "--max-line-length", &longest.to_string(), p]);
    assert_eq!(out.status.code(), Some(0));
    let out = run_within(Duration::from_secs(60), &["extract", "--max-file-size", "1K", p]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let size = document().len();
    assert_eq!(stderr.trim_end(), format!("vanban: {p}: {size} bytes is over the limit of 1024 bytes"));
    let out = run_within(Duration::from_secs(60), &["extract", "--max-file-size", "2T", p]);
    assert_eq!(out.status.code(), Some(2), "a usage error");

    // Standard input: at most the limit and one byte are read.
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["extract", "--max-file-size", "1K", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // vanban stops reading after 1025 bytes: the rest of the write may fail with a broken pipe.
    let _ = std::io::Write::write_all(&mut stdin, &document());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.trim_end(), "vanban: -: 1025 bytes is over the limit of 1024 bytes");
}

/// `ingest` and `html` take the same limits as `extract`, and name the file and the limit.
#[test]
fn ingest_and_html_take_the_same_limits() {
    let dir = TempDir::new("bad-input-limits-ingest");
    let path = dir.0.join("document.txt");
    std::fs::write(&path, document()).unwrap();
    let p = path.to_str().unwrap();
    let db = dir.0.join("limits.db");
    let size = document().len();
    let out =
        run_within(Duration::from_secs(60), &["ingest", "--db", db.to_str().unwrap(), "--max-file-size", "1K", p]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("{p}: {size} bytes is over the limit of 1024 bytes")), "{stderr}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let failed: i64 = conn.query_row("SELECT count(*) FROM files WHERE status = 'failed'", [], |r| r.get(0)).unwrap();
    assert_eq!(failed, 1);
    let site = dir.0.join("site");
    let out =
        run_within(Duration::from_secs(60), &["html", "--out", site.to_str().unwrap(), "--max-line-length", "10", p]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("vanban: {p}: line ")) && stderr.contains("over the limit of 10 bytes"),
        "{stderr}"
    );
    let out = run_within(Duration::from_secs(60), &["ingest", "--db", db.to_str().unwrap(), p]);
    assert_eq!(out.status.code(), Some(0), "the default limits take it: {}", String::from_utf8_lossy(&out.stderr));
}

/// Every line of the defaults fits the corpus: the limits refuse nothing real.
#[test]
fn default_limits_accept_the_corpus() {
    for doc in corpus_documents() {
        read::read_path(&doc, &Limits::default()).unwrap();
    }
}

/// `vanban ingest DIR` over the same bad inputs: the batch finishes, exits 1, and the
/// database records every failure (status `failed` with its reason) beside the
/// documents it could read.
#[test]
fn ingest_over_bad_inputs_records_every_failure() {
    let dir = TempDir::new("bad-input-ingest");
    let inputs = dir.0.join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    let cases = build(&inputs);
    let db = dir.0.join("bad.db");
    let out = run_within(Duration::from_secs(240), &["ingest", "--db", db.to_str().unwrap(), inputs.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "some files failed: exit code 1\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let status = |path: &Path| -> Option<(String, Option<String>)> {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        conn.query_row("SELECT status, error FROM files WHERE path = ?1", [abs.to_str().unwrap()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .ok()
    };
    let mut recorded_failures = 0;
    for (path, outcome) in &cases {
        let name = path.file_name().unwrap().to_str().unwrap();
        match outcome {
            Processed => assert_eq!(status(path).map(|s| s.0).as_deref(), Some("ok"), "{name}"),
            // A path that is not a regular file (a directory, a loop) has no row of its own.
            Failed(reason) if path.is_file() => {
                let (s, error) = status(path).unwrap_or_else(|| panic!("{name}: no row in files"));
                assert_eq!(s, "failed", "{name}");
                assert!(error.unwrap_or_default().contains(reason.as_str()), "{name}: {reason}");
                recorded_failures += 1;
            }
            _ => {}
        }
    }
    assert!(recorded_failures >= 5, "the bad inputs include at least five failing files: {recorded_failures}");
}
