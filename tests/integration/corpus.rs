//! One insta snapshot per corpus document, named after it: the extraction as
//! `vanban extract --format json` gives it, plus the original text under each
//! mention, section, assignment and deadline span, so that a reviewer sees every
//! value next to the Vietnamese it came from.

use serde_json::{Value, json};
use vanban::document::FileExtraction;
use vanban::span::Span;

use crate::util::{corpus_documents, root};

fn quote(source: &str, span: Span) -> String {
    source.get(span.range()).unwrap_or("<span outside the source>").to_string()
}

/// The extraction with each span replaced by the source text it covers.
fn reviewable(x: &FileExtraction, source: &str) -> Value {
    let docs: Vec<Value> = x
        .documents
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(d).unwrap();
            v["span"] = json!(format!("{}..{}", d.span.start, d.span.end));
            v["field_spans"] = json!(
                d.field_spans
                    .iter()
                    .map(|(k, s)| (k.clone(), quote(source, *s)))
                    .collect::<std::collections::BTreeMap<_, _>>()
            );
            for (i, c) in d.citations.iter().enumerate() {
                v["citations"][i]["mentions"] = json!(
                    c.mentions
                        .iter()
                        .map(|m| json!({"source": quote(source, m.span), "pinpoint": m.pinpoint}))
                        .collect::<Vec<_>>()
                );
            }
            for (i, s) in d.sections.iter().enumerate() {
                v["sections"][i]["span"] = json!(quote(source, s.span));
            }
            for (i, a) in d.assignments.iter().enumerate() {
                v["assignments"][i]["span"] = json!(quote(source, a.span));
            }
            for (key, list) in [("deadlines", &d.deadlines), ("relative_deadlines", &d.relative_deadlines)] {
                for (i, dl) in list.iter().enumerate() {
                    v[key][i]["span"] = json!(quote(source, dl.span));
                }
            }
            if let Some(tasks) = v.get_mut("tasks").and_then(Value::as_array_mut) {
                for t in tasks {
                    if let Some(dls) = t.get_mut("deadlines").and_then(Value::as_array_mut) {
                        for dl in dls {
                            dl.as_object_mut().map(|o| o.remove("span"));
                        }
                    }
                }
            }
            v
        })
        .collect();
    json!({"file": x.file, "encoding": x.encoding, "documents": docs})
}

#[test]
fn every_corpus_document_matches_its_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("tests/integration/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let _guard = settings.bind_to_scope();
    for path in corpus_documents() {
        let bytes = std::fs::read(&path).unwrap();
        let decoded = vanban::read::decode(&path, &bytes).unwrap();
        let x = vanban::pipeline::extract_decoded(&vanban::pipeline::display_name(&path), &decoded);
        let name = format!("extract__{}", path.file_stem().unwrap().to_string_lossy());
        insta::assert_json_snapshot!(name, reviewable(&x, &decoded.text));
    }
}

#[test]
fn snapshots_and_corpus_documents_match_one_to_one() {
    let dir = root().join("tests/integration/snapshots");
    let mut snaps: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    snaps.retain(|n| n.starts_with("extract__") && n.ends_with(".snap"));
    snaps.sort();
    let mut expected: Vec<String> = corpus_documents()
        .iter()
        .map(|p| format!("extract__{}.snap", p.file_stem().unwrap().to_string_lossy()))
        .collect();
    expected.sort();
    assert_eq!(snaps, expected, "orphan or missing extraction snapshots in {}", dir.display());
}
