//! `table-rows`: one line per table row, so that every later stage reads a row's cells
//! whole ("Phòng Tổ chức cán bộ", "Trước ngày 15/12/2025") instead of the pieces a cell
//! wrapped into.
//!
//! A grid table — the form pandoc and many converters print a table with wrapped cells
//! in, rows between rules of `+`, `-` and `=` (or box-drawing `├───┼───┤`, cells between
//! `|` or `│`) — becomes a pipe table: each row's lines are joined column by column onto
//! one line, the rules between rows go, and the rules above and below the table leave an
//! empty line, a boundary like any rule's.
//!
//! In a pipe table, a line whose first cell (the row number) is empty and whose other
//! cells all go on in lower case or with a figure ("|    | năm học | | cán bộ | 15/12/2025
//! |") is the rest of the row above, wrapped, and is joined to it the same way; a cell that
//! opens with a capital is a unit or a task of its own and keeps its line.
//!
//! A joined row is rewritten as a whole, so positions inside it map back to the whole
//! row as printed; a row printed on one line in `|` keeps its own offsets. Rows whose
//! lines split into different numbers of cells (merged cells) are left as printed.

use super::lines::{Line, lines};
use super::{NormalizeStep, Rewrite};

/// Joins the lines of each table row.
pub struct TableRows;

/// The characters a cell boundary is printed with.
const BARS: [char; 3] = ['|', '│', '┃'];

/// Whether a line is a grid table's rule: "+----+-----+", "+====+", "├────┼────┤".
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    let opens = t.starts_with(['+', '├', '┌', '└', '╞', '╟', '╔', '╠', '╚', '┝', '┠', '┣', '┢', '┡']);
    opens
        && t.chars().filter(|c| matches!(c, '-' | '=' | '─' | '━' | '═')).count() >= 3
        && t.chars().all(|c| "+-=: ─━═┼┬┴├┤┌┐└┘╪╞╡╟╢╫╔╗╚╝╠╣╦╩╬┝┥┠┨┣┫┢┪┡┩┯┷┿╂╋".contains(c))
}

/// Whether a line is a row of a bordered table: it opens with a cell boundary.
fn is_bordered_row(line: &str) -> bool {
    line.trim_start().starts_with(BARS)
}

/// A row line's cells, trimmed; the border bars of a `bordered` table's line left out (a
/// borderless table's row with an empty first cell opens with a bar too).
fn cells(line: &str, bordered: bool) -> Vec<&str> {
    let t = line.trim();
    let inner = if bordered && t.starts_with(BARS) {
        let t = t.strip_prefix(BARS).unwrap_or(t);
        t.strip_suffix(BARS).unwrap_or(t)
    } else {
        t
    };
    inner.split(BARS).map(str::trim).collect()
}

impl NormalizeStep for TableRows {
    fn name(&self) -> &'static str {
        "table-rows"
    }

    fn applies(&self, text: &str) -> bool {
        // Every text passes here and few hold a bar: one vector search per bar (a slice of
        // chars would decode every character).
        BARS.iter().any(|&bar| text.contains(bar))
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let all: Vec<Line> = lines(text).collect();
        let mut i = 0;
        while i < all.len() {
            let line = all[i].text(text);
            i = if is_rule(line) && all.get(i + 1).is_some_and(|l| is_bordered_row(l.text(text))) {
                grid_table(text, &all, i, edits)
            } else if line.contains('|') && cells(line, is_bordered_row(line)).len() >= 3 {
                pipe_table(text, &all, i, edits)
            } else {
                i + 1
            };
        }
    }
}

/// The grid table whose top rule is line `i`: each row between two rules joined onto one
/// line, the rules between rows deleted, the outer ones emptied. Returns the line after it.
/// A scan may lose a row's border ("     | trung   | sức khoẻ tỉnh |"): a line with two
/// bars or more inside the grid is still one of its lines.
fn grid_table(text: &str, all: &[Line], i: usize, edits: &mut Rewrite<'_>) -> usize {
    let columns = junctions(all[i].text(text));
    let in_grid = |l: &Line| {
        let t = l.text(text);
        is_bordered_row(t) || t.matches(BARS).count() >= 2
    };
    edits.delete(all[i].start..all[i].end);
    let mut j = i + 1;
    let mut row_start = j;
    while j < all.len() {
        let line = all[j].text(text);
        if is_rule(line) {
            join_row(text, &all[row_start..j], Some(&columns), true, edits);
            if !all.get(j + 1).is_some_and(in_grid) {
                edits.delete(all[j].start..all[j].end);
                return j + 1;
            }
            edits.delete(all[j].start..all[j].next);
            row_start = j + 1;
        } else if !in_grid(&all[j]) {
            break;
        }
        j += 1;
    }
    // A table cut off before its bottom rule.
    join_row(text, &all[row_start..j], Some(&columns), true, edits);
    j
}

/// The char columns of a rule's junctions ("+" in "+----+-----+"): where the grid's
/// column boundaries stand.
fn junctions(rule: &str) -> Vec<usize> {
    let dash_or_space = |c: char| matches!(c, '-' | '=' | ':' | ' ' | '─' | '━' | '═');
    rule.chars().enumerate().filter(|&(_, c)| !dash_or_space(c)).map(|(k, _)| k).collect()
}

/// A grid line's cells when a scan lost some of its bars: cut under the rule's junctions,
/// at a bar within two columns of one, else at the nearest space within three (a scan does
/// not align exactly), else at the junction itself.
fn cells_under(line: &str, columns: &[usize]) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let near = |at: usize, slack: usize, pick: fn(char) -> bool| {
        (0..=slack)
            .flat_map(|d| [at.checked_sub(d), Some(at + d)])
            .flatten()
            .find(|&k| chars.get(k).is_some_and(|&c| pick(c)))
    };
    let cuts: Vec<usize> = columns
        .iter()
        .map(|&at| {
            near(at, 2, |c| BARS.contains(&c)).or_else(|| near(at, 3, |c| c == ' ')).unwrap_or(at).min(chars.len())
        })
        .collect();
    cuts.windows(2)
        .map(|w| {
            let from = (w[0] + 1).min(w[1]);
            chars[from..w[1]].iter().filter(|c| !BARS.contains(c)).collect::<String>().trim().to_string()
        })
        .collect()
}

/// The pipe table whose first row is line `i` (its header, or any row when the header did
/// not look like one): wrapped rows joined to the row above. Returns the line after it.
fn pipe_table(text: &str, all: &[Line], i: usize, edits: &mut Rewrite<'_>) -> usize {
    let bordered = is_bordered_row(all[i].text(text));
    let mut row_start = i;
    let mut above = cells(all[i].text(text), bordered);
    let mut j = i + 1;
    while j < all.len() {
        let line = all[j].text(text);
        let here = if line.contains('|') { cells(line, bordered) } else { vec![] };
        if here.len() != above.len() {
            break;
        }
        if !goes_on(&here, &above) {
            join_row(text, &all[row_start..j], None, bordered, edits);
            row_start = j;
        }
        above = here;
        j += 1;
    }
    join_row(text, &all[row_start..j], None, bordered, edits);
    j
}

/// Whether a row line's cells go on with the line above: no row number, and text in some
/// cell, every filled cell going on in lower case or with a figure, after any opening
/// bracket ("(trước ngày 15/6 và"), or going on with a list the cell above left open
/// ("Các sở, ban, ngành;" then "UBND các xã, phường").
fn goes_on(cells: &[&str], above: &[&str]) -> bool {
    let continues = |c: &str| {
        let c = c.trim_start_matches(['(', '[', '"', '“']);
        c.chars().next().is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit())
    };
    let left_open = |c: &str| c.ends_with([',', ';', '-', '–']) || c.ends_with(" và");
    cells[0].is_empty()
        && cells.iter().any(|c| !c.is_empty())
        && cells
            .iter()
            .zip(above)
            .filter(|(c, _)| !c.is_empty())
            .all(|(c, a)| !c.starts_with("---") && (continues(c) || left_open(a)))
}

/// Write the lines of one row as one line, each column's pieces joined by a space. A row of
/// one line is left as printed unless it is drawn with box-drawing bars or lost a bar. In a
/// grid (`columns`, its junctions), a line whose bars do not make as many cells as the
/// first line's is cut under the junctions; elsewhere such a row is left as printed. A
/// `bordered` row is written between bars.
fn join_row(text: &str, row: &[Line], columns: Option<&[usize]>, bordered: bool, edits: &mut Rewrite<'_>) {
    let (Some(first), Some(last)) = (row.first(), row.last()) else { return };
    let width = columns.map_or_else(|| cells(first.text(text), bordered).len(), |c| c.len().saturating_sub(1));
    let mut split: Vec<Vec<String>> = Vec::with_capacity(row.len());
    let mut rewritten = row.len() > 1;
    for line in row {
        let t = line.text(text);
        let by_bars = cells(t, bordered);
        if by_bars.len() == width {
            rewritten |= columns.is_some() && t.contains(['│', '┃']);
            split.push(by_bars.into_iter().map(str::to_string).collect());
        } else if let Some(columns) = columns {
            rewritten = true;
            split.push(cells_under(t, columns));
        } else {
            return;
        }
    }
    if !rewritten || width == 0 {
        return;
    }
    let mut joined = String::with_capacity(last.end - first.start);
    if bordered {
        joined.push_str("| ");
    }
    for k in 0..width {
        if k > 0 {
            joined.push_str(" | ");
        }
        let mut pieces = split.iter().map(|c| c[k].as_str()).filter(|p| !p.is_empty());
        if let Some(p) = pieces.next() {
            joined.push_str(p);
        }
        for p in pieces {
            joined.push(' ');
            joined.push_str(p);
        }
    }
    if bordered {
        joined.push_str(" |");
    }
    // A first cell of hashes joined by " | " would open a Markdown heading ("#| |" becoming
    // "# |"), which a second run would strip: such a row stays as printed.
    if joined.split(' ').next().is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b == b'#')) {
        return;
    }
    // The first line's indentation stays, outside the rewritten run.
    let indent = first.text(text).len() - first.text(text).trim_start().len();
    edits.replace(first.start + indent..last.end, &joined);
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn a_grid_table_becomes_a_pipe_table_of_one_line_per_row() {
        let t = "I. PHÂN CÔNG\n+----+-----------+---------------+------------+\n| TT | Nội dung  | Phối hợp      | Thời gian  |\n+====+===========+===============+============+\n| 1  | Tổng hợp  | Phòng Tổ chức | Trước ngày |\n|    | báo cáo   | cán bộ        | 15/12/2025 |\n+----+-----------+---------------+------------+\n| 2  | Kiểm tra  | Thanh tra Sở  | Quý IV     |\n+----+-----------+---------------+------------+\nNơi nhận:\n";
        assert_eq!(
            run_step(&TableRows, t),
            "I. PHÂN CÔNG\n\n| TT | Nội dung  | Phối hợp      | Thời gian  |\n| 1 | Tổng hợp báo cáo | Phòng Tổ chức cán bộ | Trước ngày 15/12/2025 |\n| 2  | Kiểm tra  | Thanh tra Sở  | Quý IV     |\n\nNơi nhận:\n"
        );
        // Drawn with box-drawing characters.
        let t = "┌────┬──────────┐\n│ TT │ Chủ trì  │\n├────┼──────────┤\n│ 1  │ Sở Nội   │\n│    │ vụ       │\n└────┴──────────┘\n";
        assert_eq!(run_step(&TableRows, t), "\n| TT | Chủ trì |\n| 1 | Sở Nội vụ |\n\n");
    }

    #[test]
    fn a_wrapped_pipe_row_joins_the_row_above() {
        let t = "| TT | Nội dung | Phối hợp | Thời gian |\n|----|---|---|---|\n| 2  | Tổng hợp | Phòng Tổ chức | Trước ngày |\n|    | năm học  | cán bộ        | (15/12/2025) |\n| 3  | Kiểm tra | Thanh tra Sở  | Quý IV |\n";
        assert_eq!(
            run_step(&TableRows, t),
            "| TT | Nội dung | Phối hợp | Thời gian |\n|----|---|---|---|\n| 2 | Tổng hợp năm học | Phòng Tổ chức cán bộ | Trước ngày (15/12/2025) |\n| 3  | Kiểm tra | Thanh tra Sở  | Quý IV |\n"
        );
        // A borderless table's wrapped row opens with a bar.
        let t = "TT | Nội dung | Đơn vị thực hiện | Thời hạn\n2 | Thảo luận với các | Văn phòng Sở | Từ ngày 01/8 đến\n     | đơn vị | | ngày 12/8/2025\n";
        assert_eq!(
            run_step(&TableRows, t),
            "TT | Nội dung | Đơn vị thực hiện | Thời hạn\n2 | Thảo luận với các đơn vị | Văn phòng Sở | Từ ngày 01/8 đến ngày 12/8/2025\n"
        );
        // A capital goes on with a list the cell above left open.
        let t = "| TT | Nội dung | Chủ trì | Thời hạn |\n| 1 | Lập dự toán | Các sở, ngành; | Trước ngày |\n|   | và kế hoạch | UBND các xã | 28/7/2025 |\n";
        assert_eq!(
            run_step(&TableRows, t),
            "| TT | Nội dung | Chủ trì | Thời hạn |\n| 1 | Lập dự toán và kế hoạch | Các sở, ngành; UBND các xã | Trước ngày 28/7/2025 |\n"
        );
        // A line without a number whose cell opens with a capital is a row of its own.
        let t = "| TT | Nội dung | Chủ trì |\n| 1 | Rà soát | Sở Nội vụ |\n|   | a) Kiểm tra | Phòng Nội vụ |\n";
        assert_eq!(run_step(&TableRows, t), t);
    }

    #[test]
    fn a_row_that_would_open_a_heading_stays() {
        assert_eq!(run_step(&TableRows, "#| | \n| | a"), "#| | \n| | a");
    }

    #[test]
    fn rules_outside_a_grid_and_rows_of_merged_cells_stay() {
        let t = "KẾ HOẠCH\n+----------+\nNội dung\n";
        assert_eq!(run_step(&TableRows, t), t);
        let t = "| TT | Nội dung | Chủ trì |\n| 1 | Rà soát | Sở |\n| | tồn đọng |\n";
        assert_eq!(run_step(&TableRows, t), t);
    }

    #[test]
    fn a_grid_row_that_lost_bars_is_cut_under_the_rule() {
        let t = "+----+-----------+---------------+\n| 1  | Sơ tuyển  | Trạm Y tế xã, |\n|    | vòng 1    | phường          |\n     | tại xã    | thị trấn      |\n+----+-----------+---------------+\n";
        assert_eq!(run_step(&TableRows, t), "\n| 1 | Sơ tuyển vòng 1 tại xã | Trạm Y tế xã, phường thị trấn |\n\n");
    }
}
