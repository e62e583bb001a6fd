use std::collections::HashSet;

use proptest::prelude::*;
use vanban::normalize::{STEPS, normalize};
use vanban::span::Span;

use crate::util::{TempDir, corpus_documents, vanban};

/// One snapshot of the normalized text per corpus document, named after it.
#[test]
fn corpus_normalized_text() {
    for path in corpus_documents() {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let n = normalize(&text);
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("normalize__{name}"), n.text);
        });
        assert_eq!(normalize(&n.text).text, n.text, "{name}: normalizing twice differs from once");
        for r in &n.repairs {
            assert!(text.is_char_boundary(r.original.start as usize) && text.is_char_boundary(r.original.end as usize));
        }
    }
}

#[test]
fn corpus_snapshots_match_documents_one_to_one() {
    let dir = crate::util::root().join("tests/integration/snapshots");
    let documents: HashSet<String> = corpus_documents()
        .iter()
        .map(|p| format!("normalize__{}.snap", p.file_name().unwrap().to_string_lossy()))
        .collect();
    let snaps: HashSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("normalize__") && n.ends_with(".snap"))
        .collect();
    assert_eq!(documents, snaps);
}

/// The Gazette page header, page number, stamp and wrap of a real page break vanish.
#[test]
fn gazette_page_break_is_seamless() {
    let text = std::fs::read_to_string(crate::util::root().join("corpus/105_congbao-ct-21-ttg-2026.txt")).unwrap();
    let n = normalize(&text);
    assert!(!n.text.contains("CÔNG BÁO/Số"));
    assert!(!n.text.contains("Ký bởi"));
    assert!(n.text.contains("trọng tâm về công tác sắp xếp thôn, tổ dân phố và bố trí, sử dụng người hoạt động"));
    let i = n.text.find("trọng tâm về công tác sắp xếp thôn, tổ dân phố và bố trí").unwrap()
        + "trọng tâm về công tác sắp xếp thôn, tổ dân phố ".len();
    let span = n.map.span(Span::new(i, i + "và bố trí".len()));
    let original = &text[span.range()];
    assert!(
        original.starts_with("và") && original.ends_with("bố trí") && original.contains("CÔNG BÁO/Số 302"),
        "{original:?}"
    );
}

#[test]
fn explain_lists_every_step_and_repair() {
    let path = crate::util::root().join("corpus/003_6cafff568a66f664.txt");
    let out = vanban(&["normalize", "--explain", path.to_str().unwrap()]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let counts: Vec<&str> = stdout.split("# edits per step\n").nth(1).unwrap().lines().collect();
    let names: Vec<&str> = counts.iter().map(|l| l.split('\t').next().unwrap()).collect();
    let expected: Vec<&str> = STEPS.iter().map(|s| s.name()).collect();
    assert_eq!(names, expected);
    let unique: HashSet<&str> = expected.iter().copied().collect();
    assert_eq!(unique.len(), expected.len(), "step names are unique");
    assert!(stdout.contains("markdown-emphasis\t"), "{stdout}");
    assert!(stdout.contains("duplicate-lines\t") && stdout.contains("\"Nguyễn Viết Thanh\\n\""), "{stdout}");
}

#[test]
fn bad_inputs_fail_with_one_line_naming_the_file() {
    let dir = TempDir::new("normalize-bad");
    let cases: [(&str, &[u8]); 3] = [
        ("empty.txt", b""),
        ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"),
        ("latin.txt", b"K\xe1 ho\xff\xfe\xfd ch\n"),
    ];
    for (name, bytes) in cases {
        let path = dir.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = vanban(&["normalize", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "ả",
        "ư",
        "ờ",
        "Đ",
        "ð",
        "o",
        "à",
        "u",
        "ỷ",
        "y",
        "h",
        "Q",
        "K",
        "1",
        "2.",
        "-",
        "/",
        "*",
        "**",
        "_",
        "__",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "\u{200b}",
        "\u{c}",
        "\u{301}",
        "\u{430}",
        "của ",
        "CÔNG BÁO/Số 1/Ngày 1-1-2020",
        "Ký bởi: X",
        "15:49:45",
        "___",
        "(*)",
        ".",
        ":",
        "“",
        "”",
        "Điều 1.",
        "a)",
        "I.",
        "# ",
        "#",
        "\\",
        "\\.",
        "\\-",
        "\\#",
        "**",
        "-   ",
        "| ",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn normalize_is_total_idempotent_and_maps_back(text in text_strategy(), cuts in prop::collection::vec(0usize..1000, 2)) {
        let n = normalize(&text);
        prop_assert_eq!(&normalize(&n.text).text, &n.text);
        // Random span on char boundaries of the normalized text.
        let bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).chain(std::iter::once(n.text.len())).collect();
        let (a, b) = (bounds[cuts[0] % bounds.len()], bounds[cuts[1] % bounds.len()]);
        let span = Span::new(a.min(b), a.max(b));
        let original = n.map.span(span);
        prop_assert!(original.end as usize <= text.len());
        prop_assert!(text.is_char_boundary(original.start as usize) && text.is_char_boundary(original.end as usize));
        let touched = n.repairs.iter().any(|r| r.original.start < original.end.max(original.start + 1) && original.start < r.original.end.max(r.original.start + 1));
        if !touched {
            prop_assert_eq!(&text[original.range()], &n.text[span.range()]);
        }
    }
}
