//! `signature-table-rows`: a Word-to-Markdown export that lays the signature block out as a
//! two-column table but flattens each cell's lines into one ("| **Nơi nhận:** - UBND tỉnh
//! (b/c); - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN** **KT. CHỦ TỊCH** **PHÓ CHỦ TỊCH** **Trần Văn
//! Hòa** |") gets its lines back: one pipe row per line, the two columns side by side, as an
//! export that keeps the line breaks writes it ("| - UBND tỉnh (b/c); | KT. CHỦ TỊCH |").
//!
//! A cell's lines are told by what the flattening kept of them: each bold run is a line (a
//! signature prints its lines in bold, "Nơi nhận:" too) and so is the plain text between
//! runs; an HTML line break ends a line; a list item ("- " after ";", ":" or ".") and a
//! dotted authority prefix ("KT.") begin one; a person's name after capitals ends the cell.
//!
//! Only a row of two cells, one of which opens with "Nơi nhận" or an authority prefix, is
//! rewritten: a task table's cells hold lists of their own. A header laid out the same way,
//! its right cell opening with the national motto and its lines parted by `<br>`, gets its
//! lines back too, as does the row under it whose left cell opens with "Số:", and the rule row under such a row goes. The step runs before
//! `markdown-emphasis`, which deletes the bold marks that tell the lines apart; the rows it
//! writes hold one line per cell, so a second run finds nothing to do.

use super::lines::{delete_lines, lines};
use super::{NormalizeStep, Rewrite};
use crate::grammar::{SIGNATURE_AUTHORITIES, fold};

/// Gives a flattened two-column signature row its lines back.
pub struct SignatureTableRows;

impl NormalizeStep for SignatureTableRows {
    fn name(&self) -> &'static str {
        "signature-table-rows"
    }

    fn applies(&self, text: &str) -> bool {
        memchr::memchr(b'|', text.as_bytes()).is_some()
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        // The rule under a row laid out anew ("|---|---|") rules off no table: it goes, or a
        // header's last line would run on into it.
        let mut after_rewritten = false;
        for line in lines(text) {
            let row = line.text(text);
            if std::mem::take(&mut after_rewritten) && crate::grammar::is_table_rule(row) {
                delete_lines(text, [line], edits);
                continue;
            }
            let Some(cells) = two_cells(row) else { continue };
            if !cells.iter().any(|c| opens_signature(c) || opens_motto(c) || opens_symbol(c)) {
                continue;
            }
            let [left, right] = cells.map(cell_lines);
            if left.len() < 2 && right.len() < 2 {
                continue;
            }
            let cell = |c: Option<&&str>| c.map_or(" ".to_string(), |c| format!(" {c} "));
            let rows: Vec<String> = (0..left.len().max(right.len()))
                .map(|i| format!("|{}|{}|", cell(left.get(i)), cell(right.get(i))))
                .collect();
            edits.replace(line.start..line.end, &rows.join("\n"));
            after_rewritten = true;
        }
    }
}

/// The two cells of a pipe row "| a | b |", or `None` for any other line.
fn two_cells(row: &str) -> Option<[&str; 2]> {
    let inner = row.trim().strip_prefix('|')?.strip_suffix('|')?;
    let (a, b) = inner.split_once('|')?;
    (!b.contains('|')).then_some([a, b])
}

/// Whether a cell opens a signature block's column: "Nơi nhận" or an authority prefix.
fn opens_signature(cell: &str) -> bool {
    let t = cell.trim_start_matches(['*', ' ']);
    fold(t).starts_with("noi nhan") || authority_at(t)
}

/// Whether a cell opens with the national motto, or a Party document's "ĐẢNG CỘNG SẢN VIỆT
/// NAM" in its place: the right column of a header that an
/// export laid out as a table row like the signature's ("| **ỦY BAN NHÂN DÂN<br>TỈNH LÂM
/// ĐỒNG** … | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập …** |").
fn opens_motto(cell: &str) -> bool {
    let f = fold(cell.trim_start_matches(['*', ' ']));
    f.starts_with("cong hoa xa hoi chu nghia viet nam") || f.starts_with("dang cong san viet nam")
}

/// Whether a cell opens with the document's number, "Số:" or "Số 12": the header's second
/// row, whose left cell holds the symbol and a letter's "V/v" line ("| Số: 2187/VP-KT<br>V/v
/// thông báo … | Đồng Tháp, ngày 09 tháng 10 năm 2025 |").
fn opens_symbol(cell: &str) -> bool {
    let f = fold(cell.trim_start_matches(['*', ' ']));
    f.strip_prefix("so").is_some_and(|rest| {
        let rest = rest.trim_start_matches(' ');
        rest.starts_with(':') || rest.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Whether `t` opens with an authority prefix and its mark ("KT.", "T/M ", "TM ").
fn authority_at(t: &str) -> bool {
    SIGNATURE_AUTHORITIES.iter().any(|(prefix, _)| {
        t.strip_prefix(prefix.as_str())
            .is_some_and(|rest| rest.starts_with(['.', ' ', '/']) || (prefix.contains('/') && !rest.is_empty()))
    })
}

/// The lines a flattened cell held, trimmed, without bold marks.
fn cell_lines(cell: &str) -> Vec<&str> {
    // An odd count of "**" is no set of runs; the cell is then read as plain text.
    let runs: Vec<&str> =
        if cell.matches("**").count().is_multiple_of(2) { cell.split("**").collect() } else { vec![cell] };
    let mut out: Vec<&str> = runs
        .into_iter()
        .flat_map(|run| run.split("<br>").flat_map(|r| r.split("<br/>")).flat_map(|r| r.split("<br />")))
        .flat_map(starts_of_lines)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if let Some((upper, name)) = out.last().and_then(|l| trailing_name(l)) {
        out.pop();
        out.extend([upper, name]);
    }
    out
}

/// `piece` cut before each list item and dotted authority prefix that follows other text.
fn starts_of_lines(piece: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    for (at, _) in piece.match_indices(' ').filter(|&(at, _)| at > 0) {
        let (before, after) = (&piece[..at], &piece[at + 1..]);
        let item = after.starts_with("- ") || after.starts_with("+ ");
        let item = item && before.ends_with([';', ':', '.']);
        let authority = after.split_whitespace().next().is_some_and(|w| w.contains(['.', '/']) && authority_at(w))
            && before.trim().chars().any(char::is_uppercase);
        if item || authority {
            cuts.push(at + 1);
        }
    }
    cuts.push(piece.len());
    cuts.windows(2).map(|w| &piece[w[0]..w[1]]).collect()
}

/// "PHÓ CHỦ TỊCH Trần Văn Hòa" → ("PHÓ CHỦ TỊCH", "Trần Văn Hòa"): a line of capitals with
/// two to six capitalized words after it.
fn trailing_name(line: &str) -> Option<(&str, &str)> {
    let title_case = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.as_str().chars().any(char::is_lowercase)
    };
    let words: Vec<(usize, &str)> = line.match_indices(|c: char| !c.is_whitespace()).fold(vec![], |mut v, (at, s)| {
        match v.last_mut() {
            Some((start, w)) if *start + w.len() == at => *w = &line[*start..at + s.len()],
            _ => v.push((at, s)),
        }
        v
    });
    let first_name = words.iter().rposition(|(_, w)| !title_case(w))? + 1;
    let upper = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let name_words = words.len() - first_name;
    ((2..=6).contains(&name_words) && upper(words[first_name - 1].1))
        .then(|| (line[..words[first_name].0].trim_end(), &line[words[first_name].0..]))
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn a_flattened_signature_row_gets_its_lines_back() {
        let row = "| **Nơi nhận:** - UBND tỉnh (b/c); - TT Đảng ủy, TT HĐND xã; - Lưu: VT. | \
                   **TM. ỦY BAN NHÂN DÂN** **KT. CHỦ TỊCH** **PHÓ CHỦ TỊCH** **Trần Văn Hòa** |\n| --- | --- |";
        let want = "| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n| - UBND tỉnh (b/c); | KT. CHỦ TỊCH |\n\
                    | - TT Đảng ủy, TT HĐND xã; | PHÓ CHỦ TỊCH |\n| - Lưu: VT. | Trần Văn Hòa |";
        assert_eq!(run_step(&SignatureTableRows, row), want);
        assert_eq!(run_step(&SignatureTableRows, want), want, "a second run changes nothing");
    }

    #[test]
    fn a_header_row_with_line_breaks_gets_its_lines_back() {
        let row = "| **ỦY BAN NHÂN DÂN<br>TỈNH LÂM ĐỒNG**<br>Số: 4215/UBND-NC<br>V/v triển khai | \
                   **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc** |\n|---|---|\n\nKính gửi:";
        let want = "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\
                    | TỈNH LÂM ĐỒNG | Độc lập - Tự do - Hạnh phúc |\n| Số: 4215/UBND-NC | |\n| V/v triển khai | |\n\nKính gửi:";
        assert_eq!(run_step(&SignatureTableRows, row), want);
        assert_eq!(run_step(&SignatureTableRows, want), want, "a second run changes nothing");
        let text = format!("{row} Sở Tư pháp.\n\nĐề nghị Sở Tư pháp rà soát văn bản./.\n");
        let x = crate::pipeline::extract_bytes("cv.md", text.as_bytes()).expect("reads");
        let doc = &x.documents[0];
        assert_eq!(doc.symbol.as_deref(), Some("4215/UBND-NC"));
        assert_eq!(doc.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Lâm Đồng"));
        assert_eq!(doc.title.as_deref(), Some("triển khai"));
        // The symbol and "V/v" in a row of their own, the date beside them.
        let text = "| **ỦY BAN NHÂN DÂN**<br>**TỈNH ĐỒNG THÁP**<br>**VĂN PHÒNG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n\
                    |:---:|:---:|\n| Số: 2187/VP-KT<br>V/v thông báo ý kiến chỉ đạo | *Đồng Tháp, ngày 09 tháng 10 năm 2025* |\n\n\
                    Kính gửi: Sở Tài chính.\n\nĐề nghị Sở Tài chính rà soát./.\n";
        let x = crate::pipeline::extract_bytes("cv.md", text.as_bytes()).expect("reads");
        let doc = &x.documents[0];
        assert_eq!((doc.kind.as_deref(), doc.title.as_deref()), (Some("CV"), Some("thông báo ý kiến chỉ đạo")));
        assert_eq!(doc.date.as_deref(), Some("2025-10-09"));
        // A Party header: its motto is the Party's name.
        let text = "| **HUYỆN ỦY TÂN KỲ**<br>\\*<br>Số 112-KH/HU | **ĐẢNG CỘNG SẢN VIỆT NAM**<br><br>*Tân Kỳ, ngày 03 \
                    tháng 4 năm 2025* |\n|---|---|\n\n**KẾ HOẠCH**\n\n**thực hiện Chỉ thị số 39-CT/TW**\n\n\
                    I. MỤC ĐÍCH\n\n1. Quán triệt.\n";
        let x = crate::pipeline::extract_bytes("kh.md", text.as_bytes()).expect("reads");
        let doc = &x.documents[0];
        assert_eq!((doc.symbol.as_deref(), doc.issuer.as_deref()), (Some("112-KH/HU"), Some("Huyện ủy Tân Kỳ")));
    }

    #[test]
    fn plain_flattened_cells_are_cut_at_authorities_and_the_name() {
        let row = "| Nơi nhận: - Như trên; - Lưu VT. | TM. BAN THƯỜNG VỤ KT. BÍ THƯ PHÓ BÍ THƯ Hoàng Văn Minh |";
        let want = "| Nơi nhận: | TM. BAN THƯỜNG VỤ |\n| - Như trên; | KT. BÍ THƯ PHÓ BÍ THƯ |\n\
                    | - Lưu VT. | Hoàng Văn Minh |";
        assert_eq!(run_step(&SignatureTableRows, row), want);
    }

    #[test]
    fn the_signer_and_recipients_of_a_flattened_row_are_read() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ NGHĨA HÀNH\nSố: 125/KH-UBND\nNghĩa Hành, ngày 18 tháng 8 năm 2025\n\n\
                    **KẾ HOẠCH**\n\n**Triển khai Đề án 06**\n\nI. MỤC ĐÍCH\n\n\
                    | **Nơi nhận:** - UBND tỉnh (b/c); - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN** **KT. CHỦ TỊCH** \
                    **PHÓ CHỦ TỊCH** **Trần Văn Hòa** |\n| --- | --- |\n";
        let x = crate::pipeline::extract_bytes("kh.md", text.as_bytes()).expect("reads");
        let doc = &x.documents[0];
        let signer = doc.signer.as_ref().expect("signer");
        assert_eq!((signer.name.as_deref(), signer.authority.as_deref()), (Some("Trần Văn Hòa"), Some("KT")));
        assert_eq!(doc.recipients, ["UBND tỉnh (b/c)"]);
    }

    #[test]
    fn other_rows_stay() {
        for row in [
            "| 1 | Rà soát hồ sơ; - Báo cáo | Sở Nội vụ |",
            "| **Nội dung** | - Sở Tài chính; - Sở Xây dựng |",
            "| ỦY BAN NHÂN DÂN XÃ NGHĨA HÀNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |",
            "| **Nơi nhận:** | **TM. BAN KINH TẾ - NGÂN SÁCH** |",
            "| Số lượng<br>đơn vị | 12 |",
        ] {
            assert_eq!(run_step(&SignatureTableRows, row), row);
        }
    }
}
