//! Runs `vanban extract --format json` on every corpus document, checks each
//! output with the shared `validate.py`, scores the set with `score.py`, and
//! fails below the floors. Floors only ever go up; the acceptance
//! values are the goal.

use std::process::Command;

use crate::util::{TempDir, corpus_documents, root, shared, vanban};

/// (field, minimum F1 or accuracy).
const FLOORS: &[(&str, f64)] = &[];

#[test]
fn corpus_scores_meet_floors() {
    let pred = TempDir::new("score");
    let mut invalid = vec![];
    for doc in corpus_documents() {
        let out = vanban(&["extract", "--format", "json", doc.to_str().unwrap()]);
        assert!(out.status.success(), "extract failed on {}: {}", doc.display(), String::from_utf8_lossy(&out.stderr));
        let json = pred.0.join(doc.file_stem().unwrap()).with_extension("json");
        std::fs::write(&json, &out.stdout).unwrap();
        let v = Command::new("python3")
            .arg(shared().join("eval/validate.py"))
            .args([&json, &doc])
            .output()
            .expect("python3 runs validate.py");
        if !v.status.success() {
            invalid.push(String::from_utf8_lossy(&v.stdout).into_owned());
        }
    }
    assert!(invalid.is_empty(), "outputs break the contract:\n{}", invalid.join(""));
    let out = Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg(root().join("corpus/gold"))
        .arg(&pred.0)
        .arg("--json")
        .output()
        .expect("python3 runs score.py");
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut below = vec![];
    for (field, floor) in FLOORS {
        let entry = &report[*field];
        let got = entry.get("f1").or_else(|| entry.get("accuracy")).and_then(|v| v.as_f64()).unwrap_or(0.0);
        if got + 1e-9 < *floor {
            below.push(format!("{field}: {got:.4} < floor {floor}"));
        }
    }
    assert!(below.is_empty(), "below the floors:\n{}\n\nfull report:\n{}", below.join("\n"), report);
}
