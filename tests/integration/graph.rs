//! The citation graph, through the real binary: `ingest`, `query`, `export` on
//! temporary databases under target/. Each corpus question is asked twice: of a
//! graph built from the gold files (`ingest --json`), which checks the graph
//! stage alone, and of a graph built from the corpus texts, which checks it on
//! real extraction.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use serde_json::{Value, json};

use crate::util::{TempDir, corpus_documents, root, vanban};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn ingest(db: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["ingest", "--db", s(db)];
    args.extend(extra);
    vanban(&args)
}

fn query(db: &Path, q: &[&str]) -> Output {
    let mut args = vec!["query", "--db", s(db), "--format", "json"];
    args.extend(q);
    vanban(&args)
}

fn query_json(db: &Path, q: &[&str]) -> Value {
    let out = query(db, q);
    assert!(out.status.success(), "query {q:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn dump(db: &Path) -> String {
    let out = vanban(&["export", "--db", s(db), "--format", "dump"]);
    assert!(out.status.success(), "dump failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn ok(out: &Output) {
    assert!(out.status.success(), "vanban failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// The file stems named by the `file` field of edges.
fn files_of(edges: &Value) -> BTreeSet<String> {
    let stem = |f: &str| Path::new(f).file_stem().unwrap().to_string_lossy().into_owned();
    edges.as_array().unwrap().iter().map(|e| stem(e["file"].as_str().unwrap())).collect()
}

fn gold_dir() -> PathBuf {
    root().join("corpus/gold")
}

/// Gold files whose documents cite `symbol`.
fn gold_citing(symbol: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(gold_dir()).unwrap() {
        let p = e.unwrap().path();
        let v: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        let cites = v["documents"].as_array().unwrap().iter().flat_map(|d| d["citations"].as_array().unwrap().iter());
        if cites.clone().any(|c| c["symbol"] == symbol) {
            out.insert(p.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    out
}

/// A graph of the corpus, from gold (`json`) or from the texts.
fn corpus_graph(dir: &TempDir, json: bool) -> PathBuf {
    let db = dir.0.join("corpus.db");
    let out = if json { ingest(&db, &["--json", s(&gold_dir())]) } else { ingest(&db, &[s(&root().join("corpus"))]) };
    ok(&out);
    db
}

fn basis_of_53_kh_ubnd_is_the_duc_pho_letter(json: bool) {
    let dir = TempDir::new(if json { "graph-53-gold" } else { "graph-53-corpus" });
    let db = corpus_graph(&dir, json);
    let edges = query_json(&db, &["implementers", "vn/ubnd-tinh-quang-ngai/kh/2022/53"]);
    assert_eq!(files_of(&edges), BTreeSet::from(["003_6cafff568a66f664".to_string()]));
    let e = &edges[0];
    assert_eq!(e["citing_symbol"], "560/UBND", "{e}");
    assert_eq!(e["relation"], "basis");
    // As people type it: the symbol alone is unique in this corpus.
    assert_eq!(query_json(&db, &["implementers", "Kế hoạch 53/KH-UBND"]), edges);
}

#[test]
fn gold_graph_basis_of_53_kh_ubnd_quang_ngai() {
    basis_of_53_kh_ubnd_is_the_duc_pho_letter(true);
}

/// Needs real extraction (header and citations of corpus/003).
#[test]
fn corpus_graph_basis_of_53_kh_ubnd_quang_ngai() {
    basis_of_53_kh_ubnd_is_the_duc_pho_letter(false);
}

fn implementers_of_114_kl_tw_are_its_gold_citers(json: bool) {
    let dir = TempDir::new(if json { "graph-114-gold" } else { "graph-114-corpus" });
    let db = corpus_graph(&dir, json);
    let expected = gold_citing("114-KL/TW");
    assert!(expected.len() >= 3, "the corpus cites 114-KL/TW in several files: {expected:?}");
    for spelling in ["114-KL/TW", "Kết luận 114-KL/TW", "114 KL/TW", "kl 114"] {
        let edges = query_json(&db, &["implementers", spelling, "--relation", "any"]);
        assert_eq!(files_of(&edges), expected, "{spelling}");
    }
}

#[test]
fn gold_graph_implementers_of_114_kl_tw() {
    implementers_of_114_kl_tw_are_its_gold_citers(true);
}

/// Needs real extraction (citations of corpus/000, 001, 003).
#[test]
fn corpus_graph_implementers_of_114_kl_tw() {
    implementers_of_114_kl_tw_are_its_gold_citers(false);
}

fn order_and_repetition_do_not_change_the_graph(json: bool) {
    let dir = TempDir::new(if json { "graph-order-gold" } else { "graph-order-corpus" });
    let mut files: Vec<PathBuf> = if json {
        let mut v: Vec<PathBuf> = std::fs::read_dir(gold_dir()).unwrap().map(|e| e.unwrap().path()).collect();
        v.sort();
        v
    } else {
        corpus_documents()
    };
    let flag: &[&str] = if json { &["--json"] } else { &[] };
    let (forward, backward, twice) = (dir.0.join("f.db"), dir.0.join("b.db"), dir.0.join("t.db"));
    let all: Vec<String> = files.iter().map(|p| s(p).to_string()).collect();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    ok(&ingest(&forward, &[flag, &all].concat()));
    // One file per run, in reverse: a citation's stub is met before or after its document.
    files.reverse();
    for f in &files {
        ok(&ingest(&backward, &[flag, &[s(f)]].concat()));
    }
    ok(&ingest(&twice, &[flag, &all].concat()));
    let again = ingest(&twice, &[flag, &all].concat());
    ok(&again);
    assert!(String::from_utf8_lossy(&again.stderr).contains(&format!("({} unchanged)", files.len())));
    let d = dump(&forward);
    assert!(d.lines().filter(|l| l.starts_with("files\t")).count() == files.len());
    assert_eq!(d, dump(&backward), "reverse order changed the graph");
    assert_eq!(d, dump(&twice), "ingesting twice changed the graph");
}

#[test]
fn gold_graph_is_the_same_in_any_order_and_twice() {
    order_and_repetition_do_not_change_the_graph(true);
}

#[test]
fn corpus_graph_is_the_same_in_any_order_and_twice() {
    order_and_repetition_do_not_change_the_graph(false);
}

/// An extraction JSON of one plan citing others, each `(symbol, date, issuer, relation)`.
fn plan_json(symbol: &str, date: &str, issuer: &str, cites: &[(&str, &str, &str, &str)]) -> Value {
    let citations: Vec<Value> = cites
        .iter()
        .map(|(sym, d, iss, rel)| {
            json!({"kind": "KH", "symbol": sym, "date": d, "issuer": iss, "relation": rel,
                   "mentions": [{"span": {"start": 10, "end": 20}, "sentence": format!("Thực hiện Kế hoạch số {sym}"), "pinpoint": null}]})
        })
        .collect();
    json!({"file": "x", "encoding": "utf-8", "documents": [{
        "kind": "KH", "symbol": symbol, "number": null, "issuer": issuer, "date": date,
        "title": format!("Kế hoạch {symbol}"), "citations": citations}]})
}

fn write_json(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec_pretty(v).unwrap()).unwrap();
    p
}

#[test]
fn transitive_queries_follow_a_chain_both_ways_and_stop_on_cycles() {
    let dir = TempDir::new("graph-chain");
    let tinh = "Ủy ban nhân dân tỉnh Bình Định";
    // A rests on B, B rests on C; C mentions A (a cycle through a plain citation).
    let c = plan_json("1/KH-UBND", "2022-01-10", tinh, &[("3/KH-UBND", "2024-03-01", "UBND tỉnh", "cites")]);
    let b = plan_json("2/KH-UBND", "2023-02-10", tinh, &[("1/KH-UBND", "2022-01-10", "UBND tỉnh Bình Định", "basis")]);
    let a = plan_json("3/KH-UBND", "2024-03-01", tinh, &[("2/KH-UBND", "2023-02-10", "UBND tỉnh", "basis")]);
    let files: Vec<PathBuf> =
        [("a.json", &a), ("b.json", &b), ("c.json", &c)].iter().map(|(n, v)| write_json(&dir.0, n, v)).collect();
    let db = dir.0.join("g.db");
    ok(&ingest(&db, &["--json", s(&files[0]), s(&files[1]), s(&files[2])]));
    let (ida, idb, idc) =
        ("vn/ubnd-tinh-binh-dinh/kh/2024/3", "vn/ubnd-tinh-binh-dinh/kh/2023/2", "vn/ubnd-tinh-binh-dinh/kh/2022/1");
    let pairs = |v: &Value| -> Vec<(u64, String)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| (e["depth"].as_u64().unwrap(), e["citing"].as_str().unwrap().to_string()))
            .collect()
    };
    let direct = query_json(&db, &["implementers", idc]);
    assert_eq!(pairs(&direct), [(1, idb.to_string())]);
    let up = query_json(&db, &["implementers", idc, "--transitive"]);
    assert_eq!(pairs(&up), [(1, idb.to_string()), (2, ida.to_string())]);
    let down = query_json(&db, &["basis", ida, "--transitive"]);
    let cited: Vec<(u64, String)> = down
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["depth"].as_u64().unwrap(), e["cited"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(cited, [(1, idb.to_string()), (2, idc.to_string())]);
    // With any relation the walk meets the cycle C → A → B → C and still ends, each edge once.
    let cyc = query_json(&db, &["implementers", idc, "--transitive", "--relation", "any"]);
    assert_eq!(cyc.as_array().unwrap().len(), 3, "{cyc}");
    // The symbol alone is ambiguous only if two works share it; here each is unique.
    assert_eq!(query_json(&db, &["basis", "3/KH-UBND"]), query_json(&db, &["basis", ida]));
}

#[test]
fn an_ambiguous_symbol_lists_its_candidates() {
    let dir = TempDir::new("graph-ambiguous");
    let a = plan_json("53/KH-UBND", "2022-03-23", "Ủy ban nhân dân tỉnh Quảng Ngãi", &[]);
    let b = plan_json("53/KH-UBND", "2023-04-01", "Ủy ban nhân dân tỉnh Lào Cai", &[]);
    let (fa, fb) = (write_json(&dir.0, "a.json", &a), write_json(&dir.0, "b.json", &b));
    let db = dir.0.join("g.db");
    ok(&ingest(&db, &["--json", s(&fa), s(&fb)]));
    let out = query(&db, &["implementers", "53/KH-UBND"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 documents match"));
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = listed.as_array().unwrap().iter().map(|w| w["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["vn/ubnd-tinh-lao-cai/kh/2023/53", "vn/ubnd-tinh-quang-ngai/kh/2022/53"]);
}

#[test]
fn sql_in_a_query_is_only_text() {
    let dir = TempDir::new("graph-injection");
    let db = corpus_graph(&dir, true);
    let before = dump(&db);
    for q in ["1'; DROP TABLE documents;--", "vn/x' OR '1'='1", "\"; DELETE FROM edges; --"] {
        for question in ["implementers", "basis", "cited-by", "show"] {
            let out = query(&db, &[question, q]);
            assert!(out.stdout.is_empty(), "{question} {q:?} printed {}", String::from_utf8_lossy(&out.stdout));
            assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
    assert_eq!(dump(&db), before, "a query changed the database");
}

#[test]
fn failures_are_recorded_and_the_batch_goes_on() {
    let dir = TempDir::new("graph-failures");
    let docs = dir.0.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("empty.txt"), "").unwrap();
    std::fs::write(docs.join("binary.txt"), b"KE HOACH\0\x01\x02").unwrap();
    std::fs::copy(&corpus_documents()[0], docs.join("plan.txt")).unwrap();
    let db = dir.0.join("g.db");
    let out = ingest(&db, &[s(&docs)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt: empty file") && stderr.contains("binary.txt"), "{stderr}");
    assert!(stderr.contains("3 files read") && stderr.contains("2 failed"), "{stderr}");
    let d = dump(&db);
    let statuses: Vec<&str> = d.lines().filter(|l| l.starts_with("files\t")).collect();
    assert_eq!(statuses.iter().filter(|l| l.contains("\"failed\"")).count(), 2, "{d}");
    assert_eq!(statuses.iter().filter(|l| l.contains("\"ok\"")).count(), 1, "{d}");
    // A changed file is extracted again; the unchanged one is skipped.
    std::fs::write(docs.join("empty.txt"), std::fs::read(&corpus_documents()[1]).unwrap()).unwrap();
    let out = ingest(&db, &[s(&docs)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("3 files read (1 unchanged)") && stderr.contains("1 failed"), "{stderr}");
}

/// `count` generated plans, each resting on the previous one and citing two national documents.
fn generated_plans(dir: &Path, count: usize) -> PathBuf {
    let docs = dir.join("plans");
    std::fs::create_dir_all(&docs).unwrap();
    for i in 1..=count {
        let prev = format!("{}/KH-UBND", i - 1);
        let cites = [
            (prev.as_str(), "2024-01-01", "UBND tỉnh Nam Định", "basis"),
            ("114-KL/TW", "2015-07-14", "Ban Bí thư", "cites"),
            ("04/2015/NĐ-CP", "2015-01-09", "Chính phủ", "cites"),
        ];
        let v = plan_json(&format!("{i}/KH-UBND"), "2024-01-01", "Ủy ban nhân dân tỉnh Nam Định", &cites);
        write_json(&docs, &format!("plan-{i:04}.json"), &v);
    }
    docs
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_killed_ingest_leaves_a_sound_database_that_a_rerun_completes() {
    let dir = TempDir::new("graph-kill");
    let docs = generated_plans(&dir.0, 600);
    let reference = dir.0.join("reference.db");
    ok(&ingest(&reference, &["--json", s(&docs)]));
    let expected = dump(&reference);
    for (round, delay_ms) in [5u64, 40, 120, 300].into_iter().enumerate() {
        let db = dir.0.join(format!("killed-{round}.db"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["ingest", "--json", "--db", s(&db), s(&docs)])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if db.exists() {
            assert_eq!(integrity(&db), "ok", "after a kill at {delay_ms} ms");
            // Per-file transactions: every stored file has its one document and its three edges.
            let conn = rusqlite::Connection::open(&db).unwrap();
            let torn: i64 = conn
                .query_row(
                    "SELECT count(*) FROM files f WHERE
                       (SELECT count(*) FROM documents d WHERE d.file_id = f.id) != 1
                       OR (SELECT count(*) FROM edges e JOIN documents d ON d.id = e.document_id WHERE d.file_id = f.id) != 3",
                    [],
                    |r| r.get(0),
                )
                .unwrap_or(0);
            assert_eq!(torn, 0, "a file was half written (kill at {delay_ms} ms)");
        }
        ok(&ingest(&db, &["--json", s(&docs)]));
        assert_eq!(integrity(&db), "ok");
        assert_eq!(dump(&db), expected, "rerun after a kill at {delay_ms} ms differs from an uninterrupted run");
    }
}

#[test]
fn exports_open_in_graph_tools() {
    let dir = TempDir::new("graph-export");
    let db = corpus_graph(&dir, true);
    let dot_file = dir.0.join("g.dot");
    ok(&vanban(&["export", "--db", s(&db), "--format", "dot", "-o", s(&dot_file)]));
    let dot = std::fs::read_to_string(&dot_file).unwrap();
    assert!(dot.contains("\"vn/tw/kl/2015/114\" [label=\"KL 114-KL/TW\""), "documents are labelled by kind and symbol");
    match Command::new("dot").arg("-V").output() {
        Ok(_) => {
            let svg = Command::new("dot").args(["-Tsvg", s(&dot_file)]).output().unwrap();
            assert!(svg.status.success(), "dot rejects the export: {}", String::from_utf8_lossy(&svg.stderr));
            assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
        }
        Err(_) => eprintln!(
            "SKIPPED: rendering the DOT export: Graphviz `dot` is not installed (apt-get install -y graphviz)"
        ),
    }
    let graphml = dir.0.join("g.graphml");
    ok(&vanban(&["export", "--db", s(&db), "--format", "graphml", "-o", s(&graphml)]));
    // Well-formed XML with every node and edge: what Gephi and yEd need to open it.
    let check = "import sys, xml.etree.ElementTree as E\n\
                 ns = '{http://graphml.graphdrawing.org/xmlns}'\n\
                 g = E.parse(sys.argv[1]).getroot().find(ns + 'graph')\n\
                 print(len(g.findall(ns + 'node')), len(g.findall(ns + 'edge')))";
    let out = Command::new("python3").args(["-c", check, s(&graphml)]).output().expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let graph: Value = serde_json::from_slice(&vanban(&["export", "--db", s(&db), "--format", "json"]).stdout).unwrap();
    let counts = format!("{} {}\n", graph["nodes"].as_array().unwrap().len(), graph["edges"].as_array().unwrap().len());
    assert_eq!(String::from_utf8_lossy(&out.stdout), counts);
}

/// Every `sqlite3 vanban.db "…"` line of the README runs as printed against the
/// corpus graph and returns rows (run through the `sqlite3` shell when it is
/// installed, else through the same SQLite library the store uses).
#[test]
fn readme_sqlite3_queries_run_as_printed() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let queries: Vec<&str> =
        readme.lines().filter_map(|l| l.trim().strip_prefix("sqlite3 vanban.db \"")?.strip_suffix('"')).collect();
    assert!(queries.len() >= 3, "the README shows sqlite3 queries");
    let dir = TempDir::new("readme-sql");
    let db = corpus_graph(&dir, false);
    let shell = std::process::Command::new("sqlite3").arg("-version").output().is_ok_and(|o| o.status.success());
    for q in queries {
        let rows = if shell {
            let out = std::process::Command::new("sqlite3").arg(&db).arg(q).output().unwrap();
            assert!(out.status.success(), "{q}: {}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8_lossy(&out.stdout).lines().count()
        } else {
            let conn = rusqlite::Connection::open(&db).unwrap();
            let mut stmt = conn.prepare(q).unwrap_or_else(|e| panic!("{q}: {e}"));
            stmt.query_map([], |_| Ok(())).unwrap().count()
        };
        assert!(rows > 0, "{q}: no rows on the corpus");
    }
}
