//! `vanban html` over the corpus, checked on the markup (the browser test,
//! scripts/html-browser-test, checks the same pages in Chromium).

use std::collections::BTreeMap;

use serde_json::Value;

use vanban::html::markup::text_of;

use crate::util::{TempDir, root, vanban};

/// Render the corpus once; the pages by file name.
fn render_corpus(dir: &TempDir) -> BTreeMap<String, String> {
    let corpus = root().join("corpus");
    let out = vanban(&["html", "--out", dir.0.to_str().unwrap(), corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

/// The first piece of a citation mark, as the page gives it.
struct CitationMark<'a> {
    id: &'a str,
    symbol: Option<String>,
    /// `data-start`, `data-end`: byte offsets in the source file.
    span: (usize, usize),
}

/// The value of attribute `name` in the tag that starts at `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let tag = &tag[..tag.find('>')?];
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

#[test]
fn every_gold_citation_is_highlighted_on_its_span_and_the_text_is_intact() {
    let dir = TempDir::new("html-corpus");
    let pages = render_corpus(&dir);
    assert!(pages.contains_key("index.html"));
    let mut highlighted = 0;
    for gold_path in std::fs::read_dir(root().join("corpus/gold")).unwrap().map(|e| e.unwrap().path()) {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let file = gold["file"].as_str().unwrap();
        let source = std::fs::read_to_string(root().join("corpus").join(file)).unwrap();
        let stem = file.trim_end_matches(".txt");
        let own: Vec<&String> = pages
            .iter()
            .filter(|(name, _)| *name == &format!("{stem}.html") || name.starts_with(&format!("{stem}-")))
            .map(|(_, html)| html)
            .collect();
        assert!(!own.is_empty(), "{file} has no page");

        // The text block of each page is the source text, marks and all stripped off.
        for html in &own {
            let pre = html.find("<pre id=\"text\"").unwrap();
            let start: usize = attr(&html[pre..], "data-start").unwrap().parse().unwrap();
            let body = &html[pre + html[pre..].find('>').unwrap() + 1..pre + html[pre..].find("</pre>").unwrap()];
            let shown = text_of(body);
            assert_eq!(&source[start..start + shown.len()], shown, "{file}: the page shows the source text");
        }

        // Every citation of the gold that extraction finds is marked, and its first
        // piece covers exactly its span's start in the source.
        let marks: Vec<CitationMark> = own
            .iter()
            .flat_map(|html| html.match_indices("<mark class=\"m cit").map(move |(i, _)| &html[i..]))
            .filter(|tag| attr(tag, "id").is_some())
            .map(|tag| {
                let num = |n| attr(tag, n).unwrap().parse::<usize>().unwrap();
                let id = attr(tag, "id").unwrap();
                CitationMark {
                    id,
                    symbol: attr(tag, "data-symbol").map(text_of),
                    span: (num("data-start"), num("data-end")),
                }
            })
            .collect();
        for CitationMark { id, span: (start, end), .. } in &marks {
            assert!(id.starts_with("cit-") && id.contains("-m"), "{file}: {id}");
            assert!(start < end && source.is_char_boundary(*start) && source.is_char_boundary(*end), "{file}: {id}");
        }
        let extracted: Value =
            serde_json::from_slice(&vanban(&["extract", root().join("corpus").join(file).to_str().unwrap()]).stdout)
                .unwrap();
        let extracted: Vec<&Value> = extracted["documents"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["citations"].as_array().unwrap())
            .collect();
        for c in gold["documents"].as_array().unwrap().iter().flat_map(|d| d["citations"].as_array().unwrap()) {
            let Some(symbol) = c["symbol"].as_str() else { continue };
            let mentions: Vec<(usize, usize)> = extracted
                .iter()
                .filter(|e| e["symbol"].as_str() == Some(symbol))
                .flat_map(|e| e["mentions"].as_array().unwrap())
                .map(|m| (m["span"]["start"].as_u64().unwrap() as usize, m["span"]["end"].as_u64().unwrap() as usize))
                .collect();
            assert!(!mentions.is_empty(), "{file}: gold citation {symbol} is not extracted");
            for (start, end) in mentions {
                let hit = marks.iter().any(|m| m.symbol.as_deref() == Some(symbol) && m.span == (start, end));
                assert!(hit, "{file}: {symbol} at {start}..{end} is not highlighted");
                highlighted += 1;
            }
        }
    }
    assert!(highlighted > 100, "only {highlighted} citation mentions highlighted");
}

#[test]
fn pages_are_offline_and_link_to_each_other() {
    let dir = TempDir::new("html-offline");
    let pages = render_corpus(&dir);
    for (name, html) in &pages {
        assert!(!html.contains("http://") && !html.contains("https://"), "{name} refers to the network");
        assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"), "{name}");
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"), "{name}");
        for (i, _) in html.match_indices(" href=\"") {
            let target = &html[i + 7..i + 7 + html[i + 7..].find('"').unwrap()];
            let page = target.split('#').next().unwrap();
            assert!(page.is_empty() || pages.contains_key(page), "{name} links to missing {target}");
        }
    }
    // The letter that forwards plan 53/KH-UBND links to it, and the plan names the letter below it.
    let letter = &pages["003_6cafff568a66f664-1.html"];
    let plan = &pages["003_6cafff568a66f664-2.html"];
    assert!(letter.contains("<a href=\"003_6cafff568a66f664-2.html\">"));
    let down = &plan[plan.find("class=\"down\"").unwrap()..];
    assert!(down[..down.find("</details>").unwrap()].contains("003_6cafff568a66f664-1.html"));
    let index = &pages["index.html"];
    assert_eq!(index.matches("<tr data-kind=").count(), pages.len() - 1, "one index row per document page");
}

#[test]
fn the_neighbourhood_comes_from_the_store_with_db() {
    let dir = TempDir::new("html-db");
    let corpus = root().join("corpus");
    let letter = corpus.join("003_6cafff568a66f664.txt");
    let render = |db: &std::path::Path, ingested: &std::path::Path, name: &str| -> String {
        assert!(vanban(&["ingest", "--db", db.to_str().unwrap(), ingested.to_str().unwrap()]).status.success());
        let site = dir.0.join(name);
        let out =
            vanban(&["html", "--db", db.to_str().unwrap(), "--out", site.to_str().unwrap(), letter.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::fs::read_to_string(site.join("003_6cafff568a66f664-2.html")).unwrap()
    };
    let implemented_by_letter = |plan: &str| {
        let down = &plan[plan.find("class=\"down\"").unwrap()..];
        down[..down.find("</details>").unwrap()].contains("003_6cafff568a66f664-1.html")
    };
    // A store that holds the file knows the letter carries the plan out…
    assert!(implemented_by_letter(&render(&dir.0.join("all.db"), &corpus, "all")));
    // …one that does not hold it knows nothing, though both are rendered together.
    let other = corpus.join("101_kh-mttq-xa-luong-minh-giam-sat-bau-cu.txt");
    assert!(!implemented_by_letter(&render(&dir.0.join("other.db"), &other, "other")));

    let none = dir.0.join("none.db");
    let out =
        vanban(&["html", "--db", none.to_str().unwrap(), "--out", dir.0.to_str().unwrap(), letter.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("none.db: no graph store"));
}
