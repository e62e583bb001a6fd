//! `column-tables`: a task table laid out in columns — cells separated by tabs or by runs of
//! two spaces or more, as a scan, `pdftotext -layout` or a plain-text export prints it —
//! becomes a pipe table ("1 | Tổ chức hội nghị | Văn phòng Sở | Tháng 5/2024"), which the
//! later stages read as any pipe table: rows are no sections, role columns give units,
//! the time column deadlines.
//!
//! Evidence is the header row: it opens with a row-number column ("TT", "STT", "Số TT")
//! and holds three cells or more. Each line after it, to the first blank line or line of
//! one cell that starts in the first column, is a row: its cells go to the header column
//! they start under (two characters of slack: a scan does not align exactly), or in a
//! tab-separated table to the column their tab count says. Every row gets one pipe per
//! column boundary, an empty cell where it has none, so that all rows have as many pipes
//! as the header. A justified paragraph with double spaces inside its sentences has no
//! such header and stays as it is.
//!
//! A table a converter wrote one cell per line or per paragraph ("TT", "Nội dung", "Cơ quan
//! chủ trì", …, "1", "Rà soát …", "Sở Nội vụ", …) has "TT" alone on its line and captions
//! that name who does a task or when; its rows are told by their numbers, 1, 2, … in turn,
//! each as many lines as the captions, and each becomes one pipe row.
//!
//! Under a pipe table's header of the same kind, a row whose pipes a scan lost ("3   Nạo
//! vét cống rãnh   Các thôn   Quý III/2024") gets them back when it splits into as many
//! cells as the header has.

use super::lines::{Line, lines};
use super::{NormalizeStep, Rewrite};
use crate::grammar::fold;

/// Turns column-aligned task tables into pipe tables.
pub struct ColumnTables;

/// The pieces of a line: (start byte, end byte, start column in chars), split at tabs or
/// at runs of two spaces or more.
fn pieces(line: &str) -> Vec<(usize, usize, usize)> {
    let mut out = vec![];
    let mut start: Option<(usize, usize)> = None;
    let mut gap = 0; // a tab counts as a run
    let mut last_end = 0;
    for (col, (i, c)) in line.char_indices().enumerate() {
        if c == ' ' || c == '\t' {
            gap += if c == '\t' { 2 } else { 1 };
            continue;
        }
        match start {
            Some((s, sc)) if gap >= 2 => {
                out.push((s, last_end, sc));
                start = Some((i, col));
            }
            None => start = Some((i, col)),
            _ => {}
        }
        gap = 0;
        last_end = i + c.len_utf8();
    }
    if let Some((s, sc)) = start {
        out.push((s, last_end, sc));
    }
    out
}

/// Whether a line's first word may name the row-number column ("TT", "STT", "Stt", "Số TT").
fn opens_with_row_number(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches(['|', ' ']);
    let t = t.strip_prefix("Số ").or_else(|| t.strip_prefix("SỐ ")).unwrap_or(t);
    let t = t.strip_prefix('S').unwrap_or(t);
    t.starts_with("TT") || t.starts_with("tt")
}

/// Whether a header cell names the row-number column.
fn numbers_rows(cell: &str) -> bool {
    matches!(fold(cell.trim_end_matches(['.', ':'])).as_str(), "tt" | "stt" | "so tt")
}

/// The column a piece starting at char column `col` falls under, given the header's
/// column starts.
fn column_of(starts: &[usize], col: usize) -> usize {
    starts.iter().rposition(|&s| s <= col + 2).unwrap_or(0)
}

impl NormalizeStep for ColumnTables {
    fn name(&self) -> &'static str {
        "column-tables"
    }

    fn applies(&self, text: &str) -> bool {
        // A header's row-number column: "TT", "STT" in capitals, at the start of a line.
        memchr::memmem::find(text.as_bytes(), b"TT").is_some()
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        // "TT" is in most texts ("CT-TTg"); a header line is in few, and only they need the lines kept.
        if !lines(text).any(|l| opens_with_row_number(l.text(text))) {
            return;
        }
        let all: Vec<Line> = lines(text).collect();
        let mut i = 0;
        while i < all.len() {
            let header = all[i].text(text);
            // Most lines open with no row-number word; they are told apart without splitting them.
            i = if !opens_with_row_number(header) {
                i + 1
            } else if header.contains('|') {
                pipe_table(text, &all, i, edits)
            } else if numbers_rows(header.trim()) {
                stacked_table(text, &all, i, edits)
            } else {
                aligned_table(text, &all, i, edits)
            };
        }
    }
}

/// A table laid out in columns whose header is line `i`: its rows get pipes. Returns the
/// line after the table (or after line `i`, when it heads none).
fn aligned_table(text: &str, all: &[Line], i: usize, edits: &mut Rewrite<'_>) -> usize {
    let header = all[i].text(text);
    let (cells, tabbed) = (pieces(header), header.contains('\t'));
    let is_header = cells.len() >= 3
        && cells[0].2 == header.len() - header.trim_start().len()
        && numbers_rows(&header[cells[0].0..cells[0].1]);
    if !is_header {
        return i + 1;
    }
    let starts: Vec<usize> = cells.iter().map(|c| c.2).collect();
    let mut rows = vec![(all[i], cells.iter().enumerate().map(|(k, c)| (k, c.0, c.1)).collect::<Vec<_>>())];
    let mut j = i + 1;
    while j < all.len() {
        let line = all[j].text(text);
        let found = pieces(line);
        if found.is_empty() || (found.len() == 1 && column_of(&starts, found[0].2) == 0) {
            break;
        }
        // Under a tabbed header a cell's column is the count of tabs before it.
        let column = |p: &(usize, usize, usize)| match tabbed {
            true => line[..p.0].matches('\t').count().min(starts.len() - 1),
            false => column_of(&starts, p.2),
        };
        let placed = found.iter().map(|p| (column(p), p.0, p.1)).collect();
        rows.push((all[j], placed));
        j += 1;
    }
    if rows.len() >= 2 {
        for (line, placed) in &rows {
            pipe_row(*line, placed, starts.len(), edits);
        }
    }
    j
}

/// A pipe table whose header is line `i`: a row whose pipes a scan lost ("3   Nạo vét cống
/// rãnh   Các thôn   Quý III/2024") gets them back when it splits into as many cells as
/// the header has; a line that goes on with a cell's text (indented, no pipe) stays as it
/// is, and the table goes on after it. Returns the line after the table.
fn pipe_table(text: &str, all: &[Line], i: usize, edits: &mut Rewrite<'_>) -> usize {
    let header = all[i].text(text).trim();
    let bordered = header.starts_with('|');
    let cells: Vec<&str> = header.trim_matches('|').split('|').map(str::trim).collect();
    if cells.len() < 3 || !numbers_rows(cells[0]) {
        return i + 1;
    }
    let mut j = i + 1;
    while j < all.len() {
        let line = all[j].text(text);
        if line.trim().is_empty() {
            break;
        }
        if !line.contains('|') {
            let found = pieces(line);
            let row_number = found.first().is_some_and(|f| line[f.0..f.1].bytes().all(|b| b.is_ascii_digit()));
            // A row whose pipes and gaps a scan both lost ("2 Giám sát mẫu … Quý II/2025")
            // between two rows: its number, and the rest in the next cell, so that it stays
            // a row of the table and opens no section.
            let next_is_row = all.get(j + 1).is_some_and(|n| n.text(text).contains('|'));
            let placed: Vec<_> = if found.len() == cells.len() && row_number {
                found.iter().enumerate().map(|(k, p)| (k, p.0, p.1)).collect()
            } else {
                numbered_row(line)
                    .filter(|_| next_is_row)
                    .map_or(vec![], |(number, rest)| vec![(0, number.0, number.1), (1, rest.0, rest.1)])
            };
            if !placed.is_empty() {
                let (first, last) = (placed[0].1, placed[placed.len() - 1].2);
                if bordered {
                    edits.replace(all[j].start + first..all[j].start + first, "| ");
                }
                pipe_row(all[j], &placed, cells.len(), edits);
                if bordered {
                    edits.replace(all[j].start + last..all[j].start + last, " |");
                }
            } else if !line.starts_with([' ', '\t']) {
                break;
            }
        }
        j += 1;
    }
    j
}

/// Words of a column caption that says who does a task or when: a stacked header must
/// hold one to be a task table's.
const TASK_CAPTIONS: [&str; 5] = ["chu tri", "phoi hop", "thuc hien", "thoi gian", "hoan thanh"];

/// A table a converter wrote one cell per line, or per paragraph: "TT" alone on its line,
/// the column captions each on the lines after it, then each row as its number ("1") and
/// its cells on as many lines as there are captions. Rows are numbered 1, 2, … in turn, and
/// the table ends where the next number is not where a row would start. Each row's cells
/// are joined with pipes onto one line, the header's too. Returns the line after the table.
fn stacked_table(text: &str, all: &[Line], i: usize, edits: &mut Rewrite<'_>) -> usize {
    // The non-blank lines from `i` on, as indexes into `all`.
    let filled: Vec<usize> = (i..all.len()).filter(|&j| !all[j].text(text).trim().is_empty()).take(400).collect();
    let bare_number = |j: usize| {
        let t = all[j].text(text).trim();
        !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
    };
    let captions = filled[1..].iter().take_while(|&&j| !bare_number(j)).count();
    let caption_ok = |j: &usize| {
        let t = all[*j].text(text).trim();
        t.split_whitespace().count() <= 8 && !t.ends_with(['.', ';', ':']) && !t.starts_with(char::is_numeric)
    };
    let task_table =
        filled[1..=captions].iter().any(|&j| TASK_CAPTIONS.iter().any(|c| fold(all[j].text(text)).contains(c)));
    let columns = captions + 1;
    if !(3..=8).contains(&captions) || !filled[1..=captions].iter().all(caption_ok) || !task_table {
        return i + 1;
    }
    let mut rows = vec![&filled[..columns]];
    let mut at = columns;
    while let Some(row) = filled.get(at..at + columns) {
        let numbered = all[row[0]].text(text).trim() == rows.len().to_string();
        // A cell of one row is no row number of the next: a row is cut short.
        if !numbered || row[1..].iter().any(|&j| bare_number(j)) {
            break;
        }
        rows.push(row);
        at += columns;
    }
    if rows.len() < 2 {
        return i + 1;
    }
    for (k, row) in rows.iter().enumerate() {
        for pair in row.windows(2) {
            let (a, b) = (all[pair[0]], all[pair[1]]);
            edits.replace(a.end..b.start + (b.text(text).len() - b.text(text).trim_start().len()), " | ");
        }
        if let Some(next) = rows.get(k + 1) {
            let (a, b) = (all[row[columns - 1]], all[next[0]]);
            edits.replace(a.end..b.start, "\n");
        }
    }
    rows.last().map_or(i + 1, |r| r[columns - 1] + 1)
}

/// A line that opens with a row number and goes on with words: the number's and the rest's
/// byte ranges.
fn numbered_row(line: &str) -> Option<((usize, usize), (usize, usize))> {
    let start = line.len() - line.trim_start().len();
    let digits = line[start..].bytes().take_while(u8::is_ascii_digit).count();
    let rest = line[start + digits..].trim_start();
    let rest_at = line.len() - rest.len();
    let numbered = (1..=3).contains(&digits) && rest_at > start + digits && rest.starts_with(char::is_alphabetic);
    numbered.then_some(((start, start + digits), (rest_at, line.trim_end().len())))
}

/// Rewrite one row: between cells of different columns a " | " per column boundary
/// crossed; empty cells where a row has none, before its first cell and after its last.
fn pipe_row(line: Line, placed: &[(usize, usize, usize)], columns: usize, edits: &mut Rewrite<'_>) {
    let Some(&(first, start, _)) = placed.first() else { return };
    let at = line.start + start;
    if first > 0 {
        edits.replace(at..at, &"| ".repeat(first));
    }
    for pair in placed.windows(2) {
        let (k, _, end) = pair[0];
        let (next, start, _) = pair[1];
        if next > k {
            let sep = format!(" {}", "| ".repeat(next - k));
            edits.replace(line.start + end..line.start + start, &sep);
        }
    }
    let &(last, _, end) = placed.last().expect("a row has a cell");
    if last + 1 < columns {
        let at = line.start + end;
        edits.replace(at..at, &" |".repeat(columns - 1 - last));
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn a_space_aligned_task_table_becomes_a_pipe_table() {
        let t = "I. PHÂN CÔNG\n\nTT  Nội dung                 Đơn vị chủ trì   Thời gian\n1   Tổ chức hội nghị          Văn phòng Sở     Tháng 5/2024\n2   Kiểm tra tại cơ sở        Thanh tra Sở     Quý II/2024\n\nII. TỔ CHỨC THỰC HIỆN\n";
        assert_eq!(
            run_step(&ColumnTables, t),
            "I. PHÂN CÔNG\n\nTT | Nội dung | Đơn vị chủ trì | Thời gian\n1 | Tổ chức hội nghị | Văn phòng Sở | Tháng 5/2024\n2 | Kiểm tra tại cơ sở | Thanh tra Sở | Quý II/2024\n\nII. TỔ CHỨC THỰC HIỆN\n"
        );
    }

    #[test]
    fn a_tab_separated_table_and_a_wrapped_cell() {
        let t = "TT\tNội dung\tĐơn vị chủ trì\tThời gian\n1\tTập huấn\tVăn phòng Sở\tQuý II/2024\n2\tSơ kết\t\tQuý IV/2024\n";
        assert_eq!(
            run_step(&ColumnTables, t),
            "TT | Nội dung | Đơn vị chủ trì | Thời gian\n1 | Tập huấn | Văn phòng Sở | Quý II/2024\n2 | Sơ kết | | Quý IV/2024\n"
        );
        // A cell wrapped onto the next line under its column: a row of empty cells around it.
        let t = "STT  Nội dung         Chủ trì\n1    Rà soát hồ sơ    Sở Nội vụ\n     tồn đọng\n";
        assert_eq!(
            run_step(&ColumnTables, t),
            "STT | Nội dung | Chủ trì\n1 | Rà soát hồ sơ | Sở Nội vụ\n     | tồn đọng |\n"
        );
    }

    #[test]
    fn a_pipe_table_row_whose_pipes_a_scan_lost_gets_them_back() {
        let t = "| TT | Nội dung | Chủ trì | Thời gian |\n| 1 | Tuyên truyền | Đài xã | Quý II/2024 |\n  môi trường\n 3   Nạo vét cống   Các thôn   Quý III/2024\n\n1. Ghi chú\n";
        assert_eq!(
            run_step(&ColumnTables, t),
            "| TT | Nội dung | Chủ trì | Thời gian |\n| 1 | Tuyên truyền | Đài xã | Quý II/2024 |\n  môi trường\n | 3 | Nạo vét cống | Các thôn | Quý III/2024 |\n\n1. Ghi chú\n"
        );
        // Cells that do not match the header's count are left as printed.
        let t = "| TT | Nội dung | Chủ trì |\n| 1 | Một | Sở A |\n 2   Hai\n";
        assert_eq!(run_step(&ColumnTables, t), t);
        // A row that lost its gaps too, between two rows: its number and the rest.
        let t = "| TT | Nội dung | Chủ trì | Thời gian |\n| 1 | Một | Sở A | Quý I/2025 |\n2 Giám sát Sở B Quý II/2025\n| 3 | Ba | Sở C | Quý III/2025 |\n";
        assert_eq!(
            run_step(&ColumnTables, t),
            "| TT | Nội dung | Chủ trì | Thời gian |\n| 1 | Một | Sở A | Quý I/2025 |\n| 2 | Giám sát Sở B Quý II/2025 | | |\n| 3 | Ba | Sở C | Quý III/2025 |\n"
        );
        // After the table's last row, a numbered line is a heading.
        let t = "| TT | Nội dung | Chủ trì |\n| 1 | Một | Sở A |\n2 Tổ chức thực hiện\nSở B chủ trì.\n";
        assert_eq!(run_step(&ColumnTables, t), t);
    }

    #[test]
    fn a_table_written_one_cell_per_line_becomes_a_pipe_table() {
        let t = "I. PHÂN CÔNG\nTT\nNội dung\nCơ quan chủ trì\nThời gian\n1\nRà soát\nSở Nội vụ\nQuý II/2025\n2\nDiễn tập\nUBND huyện\nQuý IV/2025\n\nII. KINH PHÍ\n";
        assert_eq!(
            run_step(&ColumnTables, t),
            "I. PHÂN CÔNG\nTT | Nội dung | Cơ quan chủ trì | Thời gian\n1 | Rà soát | Sở Nội vụ | Quý II/2025\n2 | Diễn tập | UBND huyện | Quý IV/2025\n\nII. KINH PHÍ\n"
        );
        // One cell per paragraph.
        let t = "TT\n\nNội dung\n\nĐơn vị phối hợp\n\nSản phẩm\n\n1\n\nĐào tạo\n\nSở Tư pháp\n\nBáo cáo\n\nNơi nhận:\n";
        assert_eq!(
            run_step(&ColumnTables, t),
            "TT | Nội dung | Đơn vị phối hợp | Sản phẩm\n1 | Đào tạo | Sở Tư pháp | Báo cáo\n\nNơi nhận:\n"
        );
        // Captions that name no one's task, and rows cut short, are left as printed.
        for t in [
            "TT\nHọ và tên\nChức vụ\nĐơn vị\n1\nNguyễn Văn A\nChủ tịch\nUBND xã\n",
            "TT\nNội dung\nChủ trì\nThời gian\n1\nRà soát\n2\nDiễn tập\nUBND huyện\nQuý IV/2025\n",
        ] {
            assert_eq!(run_step(&ColumnTables, t), t);
        }
    }

    #[test]
    fn text_without_a_row_number_header_stays() {
        for t in [
            "Tổ chức  hội nghị  triển khai  kế hoạch\nvào tháng 5.\n",
            "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN GIANG            Độc lập - Tự do\n",
            "TT  Nội dung\n1   Một\n",
        ] {
            assert_eq!(run_step(&ColumnTables, t), t);
        }
    }
}
