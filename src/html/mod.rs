//! The HTML view over extraction and the citation graph — not a pipeline stage.
//!
//! Takes what the pipeline hands on for each file (its [`FileExtraction`], spans in
//! offsets of the decoded original text) with that text, and gives static pages:
//! one per document, showing the text as printed with citations, units, deadlines
//! and headings marked on their spans beside a panel of what was read, and an index.
//! Pages are self-contained (style, script and drawing inline; a Content Security
//! Policy forbids every fetch), so they open from the file system with no network.
//! The graph neighbourhood comes from a [`GraphSource`]; by default the documents
//! rendered together ([`RunGraph`]). Nothing here writes files: the caller does.

mod graph_svg;
mod index;
pub mod markup;
pub mod neighbourhood;
mod page;

use crate::document::{Document, FileExtraction};
pub use neighbourhood::{GraphSource, Link, Neighbourhood, RunGraph, from_store};

/// One input file: what was extracted and the decoded text its spans point into.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The extraction, spans in offsets of `text`.
    pub extraction: FileExtraction,
    /// The decoded original text.
    pub text: String,
}

/// One output page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// File name, relative to the output directory.
    pub name: String,
    /// The whole page.
    pub html: String,
}

/// The name of the index page.
pub const INDEX: &str = "index.html";

/// A document with where it comes from and the page it gets.
struct Entry<'a> {
    file: &'a SourceFile,
    doc: &'a Document,
    /// 1-based position in the file.
    ordinal: usize,
    page: String,
}

/// The page name of the `ordinal`-th (1-based) of `count` documents of file `file`:
/// the file's stem, with `-2`, `-3`… only when the file holds several documents.
pub fn page_name(file: &str, ordinal: usize, count: usize) -> String {
    let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned());
    let stem: String = stem
        .unwrap_or_else(|| "document".into())
        .chars()
        .map(|c| if c.is_alphanumeric() || "-_.".contains(c) { c } else { '_' })
        .collect();
    if count > 1 { format!("{stem}-{ordinal}.html") } else { format!("{stem}.html") }
}

/// The page name of every document of `files`, in order (names made distinct).
pub fn page_names(files: &[SourceFile]) -> Vec<String> {
    entries(files).into_iter().map(|e| e.page).collect()
}

fn entries(files: &[SourceFile]) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry> = files
        .iter()
        .flat_map(|f| {
            let count = f.extraction.documents.len();
            f.extraction.documents.iter().enumerate().map(move |(i, doc)| Entry {
                file: f,
                doc,
                ordinal: i + 1,
                page: page_name(&f.extraction.file, i + 1, count),
            })
        })
        .collect();
    distinct_pages(&mut entries);
    entries
}

/// Every page for `files`: one per document, then the index. `today` (ISO) decides
/// which deadlines are still open. With `graph` `None`, the neighbourhood is drawn
/// from the documents of `files` alone.
pub fn render_site(files: &[SourceFile], today: &str, graph: Option<&dyn GraphSource>) -> Vec<Page> {
    let entries = entries(files);
    let run_graph = RunGraph::new(entries.iter().map(|e| (e.doc, e.page.clone())).collect());
    let graph = graph.unwrap_or(&run_graph);
    let mut pages: Vec<Page> = entries
        .iter()
        .map(|e| Page { name: e.page.clone(), html: page::render(e, &graph.neighbourhood(e.doc, &e.page)) })
        .collect();
    pages.push(Page { name: INDEX.into(), html: index::render(&entries, today) });
    pages
}

/// Files of the same name in different directories would share pages: later ones get `~2`, `~3`…
fn distinct_pages(entries: &mut [Entry]) {
    let mut used = std::collections::HashSet::new();
    for e in entries {
        let stem = e.page.trim_end_matches(".html").to_string();
        let mut n = 1;
        while !used.insert(e.page.clone()) || e.page == INDEX {
            n += 1;
            e.page = format!("{stem}~{n}.html");
        }
    }
}

/// HTML-escape text for element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether a deadline is still to come on `today`: its due date or the end of its
/// period is today or later; a recurring one always is.
pub fn is_open(d: &crate::document::Deadline, today: &str) -> bool {
    if d.recurrence.is_some() {
        return true;
    }
    d.due.as_deref().or(d.end.as_deref()).is_some_and(|date| !date.starts_with('-') && date >= today)
}

/// The shell every page shares: head with inline style and policy, then `body`.
fn shell(title: &str, body: &str, script: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"vanban {}\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n\
         <body>\n{body}\n<script>\n{script}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title),
        include_str!("assets/style.css"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_are_stems_numbered_only_when_needed() {
        assert_eq!(page_name("003_6cafff.txt", 1, 2), "003_6cafff-1.html");
        assert_eq!(page_name("corpus/101_kh.txt", 1, 1), "101_kh.html");
        assert_eq!(page_name("a b/c?d.txt", 1, 1), "c_d.html");
        assert_eq!(page_name("../x/<é>.txt", 1, 1), "_é_.html");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape("<a href=\"x\">Đ&'</a>"), "&lt;a href=&quot;x&quot;&gt;Đ&amp;&#39;&lt;/a&gt;");
    }
}
