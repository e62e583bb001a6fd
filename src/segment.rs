//! Stage 3, `segment`: a normalized file → its documents, and each document →
//! its parts.
//!
//! Owns the layout of Vietnamese administrative documents (Nghị định
//! 30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for the Party): header
//! block, type title, trích yếu, opening passage, body, closing, signature,
//! "Nơi nhận" and appendix. Hands on one [`Layout`] per document: byte spans in
//! the normalized text that the extractors read from.

use crate::span::Span;

/// The parts of one document, as spans of the normalized text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The whole document.
    pub span: Span,
    /// Agency lines, national motto, "Số:" line and date line.
    pub header: Span,
    /// The type title line(s) ("KẾ HOẠCH", "NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ TỈNH ỦY").
    pub type_title: Option<Span>,
    /// The trích yếu: lines under the type title, or after "V/v" in a letter.
    pub title: Option<Span>,
    /// "Kính gửi:" items of a letter.
    pub addressees: Option<Span>,
    /// From the end of the title to the first numbered heading or enacting line:
    /// the "Thực hiện …/Căn cứ …" passage whose citations are `basis`.
    pub opening: Span,
    /// From the end of the title (or header) to the start of the signature block.
    pub body: Span,
    /// The closing passage ("Trên đây là …"), which belongs to no section.
    pub closing: Option<Span>,
    /// Authority, position and name of the signer.
    pub signature: Option<Span>,
    /// The "Nơi nhận:" block.
    pub recipients: Option<Span>,
    /// An appendix after the signature ("PHỤ LỤC …").
    pub appendix: Option<Span>,
}

/// A line of the text with its byte span (without the line break).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'t> {
    /// The line's text.
    pub text: &'t str,
    /// Its span in the text.
    pub span: Span,
}

/// The lines of `text`, each with its span.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        out.push(Line { text: body, span: Span::new(start, start + body.len()) });
        start += piece.len();
    }
    out
}

/// Split `text` into documents and find the parts of each.
pub fn segment(text: &str) -> Vec<Layout> {
    let whole = Span::new(0, text.len());
    vec![Layout { span: whole, header: Span::new(0, 0), opening: whole, body: whole, ..Layout::default() }]
}
