//! The index page: every document in one table, sortable and filterable in the browser.

use std::fmt::Write;

use super::page::{date_vi, kind_name};
use super::{Entry, escape, is_open, shell};

/// The index of `entries`; open deadlines are counted as of `today`.
pub(super) fn render(entries: &[Entry], today: &str) -> String {
    let mut kinds: Vec<&str> = entries.iter().filter_map(|e| e.doc.kind.as_deref()).collect();
    kinds.sort_unstable();
    kinds.dedup();

    let mut body = String::new();
    let _ = write!(
        body,
        "<header class=\"top\"><h1>Văn bản đã đọc <span class=\"count\">{}</span></h1>\
         <p class=\"file\">Thời hạn còn mở tính đến ngày {}.</p></header>\
         <main class=\"index\"><form class=\"filters\" role=\"search\">\
         <label>Lọc <input id=\"filter\" type=\"search\" placeholder=\"số, cơ quan, trích yếu…\"></label> \
         <label>Loại <select id=\"kind\"><option value=\"\">tất cả</option>",
        entries.len(),
        escape(today),
    );
    for k in kinds {
        let _ = write!(body, "<option value=\"{}\">{}</option>", escape(k), escape(kind_name(k)));
    }
    body.push_str(
        "</select></label> <output id=\"shown\" aria-live=\"polite\"></output></form>\
         <table id=\"documents\"><thead><tr>",
    );
    let columns = [
        ("Văn bản", "text"),
        ("Loại", "text"),
        ("Cơ quan ban hành", "text"),
        ("Ngày", "text"),
        ("Trích yếu", "text"),
        ("Trích dẫn", "number"),
        ("Thời hạn còn mở", "number"),
        ("Tệp", "text"),
    ];
    for (i, (name, kind)) in columns.iter().enumerate() {
        let _ = write!(
            body,
            "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-col=\"{i}\" data-type=\"{kind}\">{name}</button></th>"
        );
    }
    body.push_str("</tr></thead><tbody>");
    for e in entries {
        let d = e.doc;
        let label = d.symbol.clone().unwrap_or_else(|| format!("(không số) #{}", e.ordinal));
        let open = d.deadlines.iter().filter(|x| is_open(x, today)).count();
        let _ = write!(
            body,
            "<tr data-kind=\"{}\"><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td data-sort=\"{}\">{}</td>\
             <td class=\"title\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"file\">{}</td></tr>",
            escape(d.kind.as_deref().unwrap_or("")),
            escape(&e.page),
            escape(&label),
            escape(d.kind.as_deref().map(kind_name).unwrap_or("")),
            escape(d.issuer.as_deref().unwrap_or("")),
            escape(d.date.as_deref().unwrap_or("")),
            escape(&d.date.as_deref().map(date_vi).unwrap_or_default()),
            escape(d.title.as_deref().unwrap_or("")),
            d.citations.len(),
            open,
            escape(&e.file.extraction.file),
        );
    }
    body.push_str("</tbody></table></main>");
    shell("Văn bản đã đọc — vanban", &body, include_str!("assets/index.js"))
}
