//! Runs `vanban extract --format json` on every corpus document, checks each
//! output with the shared `validate.py`, scores the set with `score.py`, and
//! fails below the floors. Floors only ever go up; the acceptance
//! values are the goal.

use std::process::Command;

use crate::util::{TempDir, corpus_documents, root, shared, vanban};

/// (field, minimum F1 or accuracy).
const FLOORS: &[(&str, f64)] = &[
    ("documents", 1.0),
    ("kind", 1.0),
    ("symbol", 1.0),
    ("issuer", 1.0),
    ("place", 1.0),
    ("date", 1.0),
    ("title", 1.0),
    ("signer.name", 1.0),
    ("signer.authority", 1.0),
    ("recipients", 1.0),
    ("citations", 1.0),
    ("citations.numbered", 1.0),
    ("citation.kind", 1.0),
    ("citation.date", 1.0),
    ("citation.issuer", 1.0),
    ("citation.relation", 1.0),
    ("sections", 1.0),
    ("section.title", 1.0),
    ("assignments", 0.963),
    ("deadlines", 0.99),
];

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
        let got = entry
            .get("f1")
            .or_else(|| entry.get("accuracy"))
            .or_else(|| entry.get("f"))
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        if got + 1e-9 < *floor {
            below.push(format!("{field}: {got:.4} < floor {floor}"));
        }
    }
    assert!(below.is_empty(), "below the floors:\n{}\n\nfull report:\n{}", below.join("\n"), report);
}
