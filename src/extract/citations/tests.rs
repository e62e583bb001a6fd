//! Each citation form of the contract, and scan-damaged variants written from
//! the grammar rules.

use super::*;
use crate::segment::Layout;

fn cite(text: &str) -> Vec<Citation> {
    let whole = Span::new(0, text.len());
    let layout = Layout { span: whole, body: whole, opening: Span::new(0, 0), ..Layout::default() };
    extract(text, &layout)
}

fn one(text: &str) -> Citation {
    let c = cite(text);
    assert_eq!(c.len(), 1, "{text}: {c:#?}");
    c.into_iter().next().unwrap()
}

#[test]
fn state_symbol_with_date_and_issuer() {
    let c = one("Thực hiện Kế hoạch số 49/KH- UBND ngày 08/3/2023 của UBND thành phố Quảng Ngãi về việc thực hiện");
    assert_eq!(c.symbol.as_deref(), Some("49/KH-UBND"));
    assert_eq!(c.kind.as_deref(), Some("KH"));
    assert_eq!(c.date.as_deref(), Some("2023-03-08"));
    assert_eq!(c.issuer.as_deref(), Some("UBND thành phố Quảng Ngãi"));
    // A stop word inside a body's name phrase (roles.tsv) is the body's own.
    let c = one("theo Kế hoạch số 145/KH-BATGT ngày 02/5/2025 của Ban An toàn giao thông tỉnh giao Công an tỉnh");
    assert_eq!(c.issuer.as_deref(), Some("Ban An toàn giao thông tỉnh"));
}

#[test]
fn party_symbol_with_comma_date_and_spaces() {
    let c = one("Kế hoạch số 48- KH/TU, ngày 06/12/2022 của Ban Thường vụ Thành uỷ về thực hiện");
    assert_eq!((c.symbol.as_deref(), c.date.as_deref()), (Some("48-KH/TU"), Some("2022-12-06")));
    assert_eq!(c.issuer.as_deref(), Some("Ban Thường vụ Thành uỷ"));
    let c = one("Kết luận số 120 -KL/TW ngày 07/01/2016 của Bộ Chính trị");
    assert_eq!(c.symbol.as_deref(), Some("120-KL/TW"));
}

#[test]
fn long_date_form_and_no_so() {
    let c = one("Căn cứ Nghị định 04/2015/NĐ- CP ngày 09 tháng 01 năm 2015 của Chính phủ;");
    assert_eq!((c.symbol.as_deref(), c.kind.as_deref()), (Some("4/2015/NĐ-CP"), Some("NĐ")));
    assert_eq!(c.date.as_deref(), Some("2015-01-09"));
    assert_eq!(c.issuer.as_deref(), Some("Chính phủ"));
}

#[test]
fn diacritics_lost_by_ocr() {
    let c = one("theo Quyet dinh so 1012-QD/TU ngay 09/11/2021");
    assert_eq!((c.symbol.as_deref(), c.kind.as_deref()), (Some("1012-QD/TU"), Some("QĐ")));
    let c = one("Nghi dinh so 145/2020/ND-CP");
    assert_eq!(c.kind.as_deref(), Some("NĐ"));
}

#[test]
fn shared_date_and_issuer_in_a_list() {
    let c =
        cite("Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị ban hành Quy chế");
    assert_eq!(c.len(), 2);
    for x in &c {
        assert_eq!(x.date.as_deref(), Some("2013-12-12"));
        assert_eq!(x.issuer.as_deref(), Some("Bộ Chính trị"));
    }
    // One plural type word over the list.
    let c = cite(
        "Thực hiện các Quyết định số 100/QĐ-UBND, số 101/QĐ-UBND ngày 10/01/2026 của UBND tỉnh; các Thông tư số 12/2025/TT-BTC và số 13/2025/TT-BTC ngày 05/3/2025 của Bộ Tài chính",
    );
    assert_eq!(c.len(), 4);
    for (x, date) in c.iter().zip(["2026-01-10", "2026-01-10", "2025-03-05", "2025-03-05"]) {
        assert_eq!(x.date.as_deref(), Some(date), "{:?}", x.symbol);
        assert!(x.issuer.is_some(), "{:?}", x.symbol);
    }
}

#[test]
fn list_sharing_a_type_word() {
    let c = cite(
        "Kế hoạch số 31-KH/TU, Kế hoạch số 164-KH/TU, Quyết định số 728-QĐ/TU ngày 12/9/2014 về Quy chế đối thoại; Quyết định số 729-QĐ/TU ngày 12/9/2014 về",
    );
    let symbols: Vec<_> = c.iter().map(|x| x.symbol.clone().unwrap()).collect();
    assert_eq!(symbols, ["31-KH/TU", "164-KH/TU", "728-QĐ/TU", "729-QĐ/TU"]);
    assert_eq!(c[2].issuer, None);
}

#[test]
fn plural_type_word_and_own_code() {
    let c = cite("các Tờ trình số 2138/TTr-BCT, số 3390/TTr-BCT và số 374/BC-BCT của Bộ Công Thương");
    let kinds: Vec<_> = c.iter().map(|x| x.kind.clone().unwrap()).collect();
    assert_eq!(kinds, ["TTr", "TTr", "BC"]);
}

#[test]
fn type_word_wins_over_symbol_code() {
    let c = one("Quy chế số 11-QĐ/TU về trách nhiệm");
    assert_eq!(c.kind.as_deref(), Some("QC"));
    let c = one(
        "Chương trình phối hợp số 31 - CT/BĐVTU-BCSSBUBND ngày 28/01/2022 giữa Ban Dân vận Tỉnh ủy và Ban cán sự đảng",
    );
    assert_eq!((c.kind.as_deref(), c.symbol.as_deref()), (Some("CTr"), Some("31-CT/BĐVTU-BCSSBUBND")));
}

#[test]
fn law_by_symbol_and_named_law() {
    let c = cite("Căn cứ Luật Khiếu nại số 02/2011/QH13; Luật số 83/2025/QH15;");
    let pairs: Vec<_> = c.iter().map(|x| (x.kind.clone().unwrap(), x.symbol.clone().unwrap())).collect();
    assert_eq!(pairs, [("L".to_string(), "2/2011/QH13".to_string()), ("L".into(), "83/2025/QH15".into())]);
    assert!(c.iter().all(|x| x.name.is_none()));
}

#[test]
fn documents_cited_by_name() {
    let c = one("trọng tâm là Luật Thực hiện dân chủ ở cơ sở, Chỉ thị");
    assert_eq!(c.name.as_deref(), Some("Luật Thực hiện dân chủ ở cơ sở"));
    assert_eq!(c.kind.as_deref(), Some("L"));
    let c = one("góp phần triển khai Nghị quyết Trung ương 4 (khóa XII) về tăng cường");
    assert_eq!(c.name.as_deref(), Some("Nghị quyết Trung ương 4 (khóa XII)"));
    let c = one("đã được xác định tại Nghị quyết Đại hội Đảng bộ phường lần thứ IX; Nghị");
    assert_eq!(c.name.as_deref(), Some("Nghị quyết Đại hội Đảng bộ phường lần thứ IX"));
    let c = one("như triển khai Đề án 06, tổ chức");
    assert_eq!(c.name.as_deref(), Some("Đề án 06"));
    let c = one("Đẩy mạnh triển khai Đề án 06 và chuyển đổi số trên địa bàn xã.");
    assert_eq!(c.name.as_deref(), Some("Đề án 06"));
    let c = one("triển khai đồng bộ Đề án 06 và các nhiệm vụ chuyển đổi số");
    assert_eq!(c.name.as_deref(), Some("Đề án 06"));
    // The manner it is carried out in is no part of its name; "hiệu quả" may be.
    let c = one("tổ chức thi hành Luật Đất đai kịp thời, nghiêm túc trên địa bàn");
    assert_eq!(c.name.as_deref(), Some("Luật Đất đai"));
    let c = one("sơ kết 02 năm thi hành Luật Thực hiện dân chủ ở cơ sở và đăng ký mô hình Dân vận khéo.");
    assert_eq!(c.name.as_deref(), Some("Luật Thực hiện dân chủ ở cơ sở"));
    let c = one("Căn cứ Luật Sử dụng năng lượng tiết kiệm và hiệu quả;");
    assert_eq!(c.name.as_deref(), Some("Luật Sử dụng năng lượng tiết kiệm và hiệu quả"));
    // The Constitution in force, by its type word alone; the common noun is none.
    for text in ["Căn cứ Hiến pháp;", "1. Tuân thủ Hiến pháp, Bộ luật Hình sự và các quy định khác"]
    {
        let c = &cite(text)[0];
        assert_eq!((c.kind.as_deref(), c.name.as_deref()), (Some("HP"), Some("Hiến pháp")), "{text}");
    }
    assert!(cite("đề xuất sửa đổi hiến pháp, pháp luật").is_empty());
}

#[test]
fn amending_law_is_one_name_and_cites_the_law_it_amends() {
    let c = cite("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014;");
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].name.as_deref(), Some("Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế"));
    assert_eq!(c[0].date.as_deref(), Some("2014-06-13"));
    assert_eq!((c[1].name.as_deref(), c[1].date.as_deref()), (Some("Luật Bảo hiểm y tế"), None));
}

#[test]
fn described_documents_need_a_quoted_title_or_a_proper_name_after_an_implementing_verb() {
    let c = one("theo quy định tại Kế hoạch phát động thi đua \"Dân vận khéo\" của Thành ủy Quảng Ngãi.");
    assert_eq!(c.name.as_deref(), Some("Kế hoạch phát động thi đua \"Dân vận khéo\""));
    assert_eq!(c.issuer.as_deref(), Some("Thành ủy Quảng Ngãi"));
    let c = one("Nghiên cứu thực hiện Đề án chuyển khu công nghiệp Tằng Loỏng sang khu công nghiệp xanh, sinh thái.");
    assert_eq!(c.kind.as_deref(), Some("ĐA"));
    for generic in ["thực hiện Quy chế dân chủ ở cơ sở năm 2022.", "triển khai Kế hoạch cuộc thi đến các thành viên"]
    {
        assert!(cite(generic).is_empty(), "{generic}");
    }
}

#[test]
fn self_reference_and_generic_mentions_are_not_citations() {
    for text in [
        "Kế hoạch này được triển khai",
        "thực hiện các nghị quyết của Đảng",
        "Kết luận của Thủ tướng Chính phủ tại buổi làm việc",
        "Xây dựng Kế hoạch Tuyên truyền năm 2024",
        "Chỉ thị nêu trên",
    ] {
        assert!(cite(text).is_empty(), "{text}: {:?}", cite(text));
    }
}

#[test]
fn pinpoint_cites_the_document_and_later_mentions_group() {
    let c = one(
        "Thực hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022 của UBND tỉnh Quảng Ngãi. Theo khoản 1, Mục III Kế hoạch số 53/KH-UBND của UBND tỉnh.",
    );
    assert_eq!(c.mentions.len(), 2);
    assert_eq!(c.mentions[1].pinpoint.as_deref(), Some("khoản 1, Mục III"));
    assert_eq!(c.issuer.as_deref(), Some("UBND tỉnh Quảng Ngãi"));
}

#[test]
fn lost_number_is_still_a_citation() {
    let c = cite("của Ban Dân vận Tỉnh ủy và Ban nhân dân CT/BĐVTU ngày 03/3/2022 của Ban chỉ đạo tỉnh");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].date.as_deref(), Some("2022-03-03"));
}

#[test]
fn letters_and_normative_symbols_without_type_word_take_their_code() {
    let c = one("theo chỉ đạo tại Công văn số 5451/UBND-CNXD ngày 10/9/2018.");
    assert_eq!(c.kind.as_deref(), Some("CV"));
    let c = one("Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ Nông nghiệp và Môi trường về việc");
    assert_eq!((c.kind.as_deref(), c.issuer.as_deref()), (Some("CV"), Some("Bộ Nông nghiệp và Môi trường")));
}

#[test]
fn relation_is_basis_in_the_opening() {
    let text = "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021.\nI. MỤC ĐÍCH\n1. Theo Kết luận số 114-KL/TW.";
    let whole = Span::new(0, text.len());
    let opening = Span::new(0, text.find("I.").unwrap());
    let layout = Layout { span: whole, body: whole, opening, ..Layout::default() };
    let c = extract(text, &layout);
    assert_eq!(c[0].relation, Relation::Basis);
    assert_eq!(c[1].relation, Relation::Cites);
}

#[test]
fn every_doc_type_example_is_read_with_its_kind() {
    for t in DOC_TYPES.iter() {
        for example in &t.examples {
            let found = cite(example);
            assert!(!found.is_empty(), "grammars/doc-types.tsv:{}: nothing found in {example:?}", t.line);
            let c = &found[0];
            assert!(
                c.kind.as_deref() == Some(t.abbreviation.as_str())
                    || (t.abbreviation == "QC" && c.kind.as_deref() == Some("QC"))
                    || (t.abbreviation == "QyĐ" && c.kind.is_some()),
                "grammars/doc-types.tsv:{}: {example:?} read as {:?}, expected {}",
                t.line,
                c.kind,
                t.abbreviation
            );
        }
    }
}

/// Regression: on one line without sentence ends, every mention copied the
/// whole line as its sentence (123 KB took 28 s, 800 KB did not finish). The
/// sentence is now cut a few hundred bytes from the mention, at a word.
#[test]
fn sentence_is_bounded_in_text_without_sentence_ends() {
    let text = "số 1/KH-UBND ngày 2/3/2024 của UBND tỉnh, ".repeat(2000);
    let c = one(&text);
    assert_eq!(c.mentions.len(), 2000);
    // Near the start of the text, the start of the text is the sentence's start.
    let longest = c.mentions.iter().map(|m| m.sentence.len()).max().unwrap();
    assert!(longest <= SENTENCE_REACH + SENTENCE_CONTEXT + 60, "a sentence of {longest} bytes");
    let middle = c.mentions[1000].sentence.len();
    assert!(middle <= 2 * SENTENCE_CONTEXT + 60, "a sentence of {middle} bytes");
    assert!(c.mentions[1000].sentence.contains("1/KH-UBND ngày 2/3/2024"), "{}", c.mentions[1000].sentence);
    // A real sentence keeps its ends.
    let real = one("Mở đầu. Thực hiện Kế hoạch số 49/KH-UBND ngày 08/3/2023 của UBND tỉnh; tiếp theo");
    assert_eq!(real.mentions[0].sentence, "Thực hiện Kế hoạch số 49/KH-UBND ngày 08/3/2023 của UBND tỉnh;");
}

/// Scan damage written from the grammar's damage list (shared/reference/symbol-forms.md):
/// each printed form must come out as the clean symbol, kind and date.
#[test]
fn scan_damaged_variants_read_as_the_clean_citation() {
    let cases = [
        ("Kế hoạch số 49/KH- UBND ngày 08/3/2023", "49/KH-UBND", "KH"),
        ("Kết luận số 120 -KL/TW ngày 08/3/2023", "120-KL/TW", "KL"),
        ("Kế hoạch số 31 - KH/TU ngày 08/3/2023", "31-KH/TU", "KH"),
        ("Nghị định số 04/2015/NĐ- CP ngày 08/3/2023", "4/2015/NĐ-CP", "NĐ"),
        ("Nghị định số 04/2015/ND-CP ngày 08/3/2023", "4/2015/ND-CP", "NĐ"),
        ("Nghị định số 04/2015/NÐ-CP ngày 08/3/2023", "4/2015/NĐ-CP", "NĐ"),
        ("Quyet dinh so 12-QD/TU ngay 08/3/2023", "12-QD/TU", "QĐ"),
        ("Kế hoạch số 114–KL/TW ngày 08/3/2023", "114-KL/TW", "KL"),
        ("Chỉ thị số 033/CT-TTg ngày 08/3/2023", "33/CT-TTg", "CT"),
        ("Kế hoạch số53/KH-UBND ngày 08/3/2023", "53/KH-UBND", "KH"),
        ("Kế hoạch 53/KH-UBND, ngày 08/3/2023", "53/KH-UBND", "KH"),
        ("Quyết định số 1012-QĐ/TU , ngày 08/3/2023", "1012-QĐ/TU", "QĐ"),
        // A mark misread on "số", "ngày", "tháng", "năm"; a hyphen a converter dropped.
        ("Kế hoạch sổ 49/KH-UBND ngảy 08/3/2023", "49/KH-UBND", "KH"),
        ("Kế hoạch số 49/KH-UBND ngày 08 thảng 3 nãm 2023", "49/KH-UBND", "KH"),
        ("Nghị định số 04/2015/NĐCP ngày 08/3/2023", "4/2015/NĐ-CP", "NĐ"),
        // A space lost where a web page's line wrapped.
        ("Chỉ thị số 45-CT/TW ngày08/3/2023", "45-CT/TW", "CT"),
        ("Chỉ thị số 45-CT/TW ngày08 tháng 3 năm 2023", "45-CT/TW", "CT"),
    ];
    for (printed, symbol, _kind) in cases {
        let c = one(&format!("Thực hiện {printed} của UBND tỉnh."));
        assert_eq!(c.symbol.as_deref(), Some(symbol), "{printed}");
        assert_eq!(c.date.as_deref(), Some("2023-03-08"), "{printed}");
    }
    // The type word wins over a damaged code only where they differ in kind.
    let c = one("Thực hiện Quyet dinh so 12-QD/TU ngay 08/3/2023.");
    assert_eq!(c.kind.as_deref(), Some("QĐ"));
    // The words that end an issuer, damaged as the scan left them.
    for tail in ["sửa đối, bổ sung một số điều", "vê tiếp nhận", "quy đinh chi tiết", "huớng dẫn nghiệp vụ"]
    {
        let c = one(&format!("Căn cứ Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ {tail}."));
        assert_eq!(c.issuer.as_deref(), Some("Chính phủ"), "{tail}");
    }
}

#[test]
fn a_description_runs_to_the_end_of_its_clause() {
    let c = one(
        "về tiếp tục thực hiện Đề án nâng cao vai trò, vị thế và năng lực của thanh niên trên địa bàn tỉnh Bình Định đến năm 2030.",
    );
    assert_eq!(
        c.name.as_deref(),
        Some("Đề án nâng cao vai trò, vị thế và năng lực của thanh niên trên địa bàn tỉnh Bình Định đến năm 2030")
    );
    // A programme named by its edition's year, printed bare; "năm 2024" names no edition.
    let c = one("1. Tiếp tục thực hiện Chương trình giáo dục phổ thông 2018 ở tất cả các khối lớp; nâng cao");
    assert_eq!(c.name.as_deref(), Some("Chương trình giáo dục phổ thông 2018"));
    assert!(cite("Tiếp tục thực hiện chương trình công tác năm 2024; nâng cao").is_empty());
    // Bodies in the plural are the subject, not the issuer.
    let c = one("thực hiện tốt Quy chế phối hợp của Hội Nông dân Việt Nam và các hội quần chúng; tăng cường");
    assert_eq!(c.name.as_deref(), Some("Quy chế phối hợp của Hội Nông dân Việt Nam và các hội quần chúng"));
    assert_eq!(c.issuer, None);
    // A comma before a new item ends it; the title formula "tầm nhìn" does not.
    let c =
        one("điều chỉnh quy hoạch tỉnh Hà Giang thời kỳ 2021 - 2030, tầm nhìn đến năm 2050, quy hoạch chung các xã");
    assert_eq!(c.name.as_deref(), Some("quy hoạch tỉnh Hà Giang thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"));
    assert_eq!(c.kind.as_deref(), Some("QH"));
}

#[test]
fn a_description_without_a_proper_name_or_period_is_not_a_citation() {
    for generic in [
        "thực hiện Kế hoạch tuyên truyền của UBND tỉnh Quảng Ngãi.",
        "triển khai Kế hoạch cuộc thi đến các thành viên trong BTC.",
        "theo Hướng dẫn của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.",
        "thực hiện kế hoạch phối hợp với Ban Dân vận Tỉnh ủy.",
        "điều chỉnh quy hoạch chung các xã, phường.",
        // A type word that links back to a document named before.
        "Văn phòng Tỉnh ủy tham mưu sơ kết việc thực hiện Quy định vào Quý IV/2026.",
        // A type word that is the verb, addressed to a body.
        "b) Báo cáo Sở Xây dựng kết quả thực hiện trước ngày 10 tháng 6 hằng năm.",
        "Hướng dẫn Ban Công tác Mặt trận các thôn tổ chức hội nghị.",
    ] {
        assert!(cite(generic).is_empty(), "{generic}: {:?}", cite(generic));
    }
    let c = one("Gắn việc thực hiện Chỉ thị với thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XVI.");
    assert_eq!(
        (c.kind.as_deref(), c.name.as_deref()),
        (Some("NQ"), Some("Nghị quyết Đại hội Đảng bộ huyện lần thứ XVI"))
    );
}

#[test]
fn an_amended_version_in_parentheses_is_part_of_the_name() {
    let c = cite("Tuyên truyền Luật Tổ chức Quốc hội (sửa đổi); các văn bản hướng dẫn");
    assert_eq!(c[0].name.as_deref(), Some("Luật Tổ chức Quốc hội (sửa đổi)"), "{c:?}");
}

#[test]
fn a_quoted_name_keeps_its_closing_quote() {
    let c = cite("Kết luận số 12-KL/TU về Đề án “Nâng cao chất lượng dân vận chính quyền”; tiếp tục");
    assert_eq!(c[1].name.as_deref(), Some("Đề án “Nâng cao chất lượng dân vận chính quyền”"), "{c:?}");
}

#[test]
fn a_short_form_of_a_name_is_the_same_document() {
    let c = cite(
        "theo đúng quy định của Luật bầu cử; tuyên truyền Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].name.as_deref(), Some("Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân"));
    assert_eq!(c[0].mentions.len(), 2);
    // Two longer names: the short form names neither.
    let c = cite("Luật Thanh niên; Luật Thanh niên Việt Nam; Luật Thanh niên Xung phong.");
    assert_eq!(c.len(), 3, "{c:#?}");
    // A chain of short forms is one document.
    let c = cite(
        "Triển khai Nghị quyết Đại hội Đảng bộ xã lần thứ I; quán triệt Nghị quyết Đại hội Đảng bộ xã; thực hiện Nghị quyết Đại hội.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].mentions.len(), 3);
}

#[test]
fn a_type_word_and_number_names_the_one_numbered_document_of_that_kind() {
    let c = cite(
        "tổng kết Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương; theo chỉ đạo của Ban Chỉ đạo tổng kết Nghị quyết 18.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!((c[0].symbol.as_deref(), c[0].mentions.len()), (Some("18-NQ/TW"), 2));
    // Two documents of the kind carry the number: the short form names neither.
    let c = cite("Chỉ thị số 33/CT-TTg và Chỉ thị số 33-CT/TW; thực hiện Chỉ thị 33.");
    assert_eq!(c.len(), 3, "{c:#?}");
    // Another kind, or a proper name ending in a number, is another document.
    let c = cite("Kết luận số 18-KL/TW; Nghị quyết 18; Nghị quyết Trung ương 4 và Nghị quyết số 4-NQ/TW.");
    assert_eq!(c.len(), 4, "{c:#?}");
}

#[test]
fn a_form_number_is_no_citation_but_the_document_issuing_the_form_is() {
    let c = one(
        "Lập biên bản theo Mẫu số 01/BCĐBHĐND-MT và biểu mẫu số: 05/BCĐBHĐND-MT ban hành kèm theo Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN.",
    );
    assert_eq!(c.symbol.as_deref(), Some("102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"));
}

#[test]
fn the_document_itself_is_dropped_and_an_earlier_one_with_its_symbol_kept() {
    let mut c = cite(
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND tỉnh; (Kèm theo Kế hoạch số 12/KH-UBND ngày 10/02/2024 của UBND tỉnh) Kế hoạch số 12/KH-UBND có hiệu lực.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    drop_self(&mut c, Some("12/KH-UBND"), Some("2024-02-10"));
    assert_eq!(c.len(), 1, "an earlier plan with the same symbol stays: {c:#?}");
    let mut c = cite("(Ban hành kèm theo Quyết định số 169/QĐ-BLĐTBXH ngày 01/3/2024 của Bộ trưởng)");
    drop_self(&mut c, Some("169/QĐ-BLĐTBXH"), Some("2024-03-01"));
    assert!(c.is_empty(), "{c:#?}");
}

#[test]
fn an_issuer_ends_where_the_cited_document_s_subject_or_the_next_cell_begins() {
    for (text, issuer) in [
        (
            "theo Nghị quyết 40/NQ-HĐBCQG ngày 29/9/2025 của Hội đồng Bầu cử quốc gia Quy định mẫu văn bản hồ sơ ứng cử",
            "Hội đồng Bầu cử quốc gia",
        ),
        (
            "Thông báo số 09/TB-UBBC ngày 15/12/2025 của Ủy ban bầu cử xã Lương Minh Thông báo địa điểm",
            "Ủy ban bầu cử xã Lương Minh",
        ),
        ("Nghị định số 42/2023/NĐ-CP ngày 29/6/2023 của\nChính phủ điều chỉnh lương hưu, trợ cấp", "Chính phủ"),
        ("Nghị định số 55/2023/NĐ-CP ngày 30/6/2024 của Chính phủ\n01/7/2024", "Chính phủ"),
        ("Thông tư số 26/2018/TT-BLĐTBXH ngày 01/2/2018 của Bộ trưởng - Khoản 2 Điều 5", "Bộ trưởng"),
        ("theo Nghị quyết số 12/NQ-TW ngày 1/2/2021 của Đảng và Kế hoạch số 16/KH-HĐTĐKT ngày 3/3/2021", "Đảng"),
        ("theo Quyết định số 2718/QĐ-UBND ngày 05/12/2022 của UBND tỉnh lập kế hoạch giao nộp", "UBND tỉnh"),
        ("| 2 | Quyết định số 12/QĐ-UBND của UBND tỉnh | Công an xã | Quý II/2025 |", "UBND tỉnh"),
    ] {
        let c = &cite(text)[0];
        assert_eq!(c.issuer.as_deref(), Some(issuer), "{text}");
    }
    // A name ends at a cell boundary, a pipe's or a tab's; its own commas stay.
    for text in [
        "| 1 | Tuyên truyền Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ | Công an xã | Quý II/2025 |",
        "1\tTuyên truyền Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ\tCông an xã\tQuý II/2025",
    ] {
        let c = cite(text);
        assert_eq!(c[0].name.as_deref(), Some("Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ"), "{text}");
    }
}

#[test]
fn a_name_wrapped_on_a_page_line_goes_on_on_the_next_line() {
    // A Gazette line of some 70 characters broken inside the second law's name.
    let text = "Căn cứ Luật Thủy sản ngày 21 tháng 11 năm 2017; Luật Tổ chức Hội đồng\nNhân dân các cấp ngày 10 tháng 3 năm 2024;\nĐiều 1.";
    let c = cite(text);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[1].name.as_deref(), Some("Luật Tổ chức Hội đồng Nhân dân các cấp"));
    assert_eq!(c[1].date.as_deref(), Some("2024-03-10"));
    // Counter-examples: a short line (a heading, a list item), a line ended by
    // punctuation, and a next line that opens a paragraph, a label or another type word.
    for text in [
        "Triển khai Luật Thủy sản\nCác đơn vị thực hiện ngay.",
        "Các cơ quan, đơn vị nghiêm túc triển khai thực hiện Luật Thủy sản.\nCác đơn vị báo cáo kết quả.",
        "Các cơ quan, đơn vị nghiêm túc triển khai thực hiện đầy đủ Luật Thủy sản\nCăn cứ tình hình thực tế.",
        "Các cơ quan, đơn vị nghiêm túc triển khai thực hiện đầy đủ Luật Thủy sản\n2. Phạm vi áp dụng.",
        "Các cơ quan, đơn vị nghiêm túc triển khai thực hiện đầy đủ Luật Thủy sản\nLuật Lâm nghiệp.",
        "   1. Về quán triệt, triển khai thực hiện Luật Thủy sản\n        Giao Ban Xây dựng Đảng chủ trì.",
    ] {
        assert_eq!(cite(text)[0].name.as_deref(), Some("Luật Thủy sản"), "{text}");
    }
    // A layout indents a paragraph's first line deeper than the lines it wraps onto.
    let text = "        Các cơ quan, đơn vị tổ chức quán triệt Luật Tổ chức Hội đồng\n   Nhân dân các cấp năm 2024 cho cán bộ.";
    assert_eq!(cite(text)[0].name.as_deref(), Some("Luật Tổ chức Hội đồng Nhân dân các cấp"));
}

#[test]
fn a_law_named_in_lower_case_opens_with_its_subject() {
    let c = one("Căn cứ Luật ban hành văn bản quy phạm pháp luật ngày 22/6/2015;");
    assert_eq!(c.name.as_deref(), Some("Luật ban hành văn bản quy phạm pháp luật"));
    assert_eq!(c.date.as_deref(), Some("2015-06-22"));
    // "ban hành" with nothing named after it is the verb: laws passed this year.
    assert!(cite("các Luật ban hành trong năm 2024 có hiệu lực").is_empty());
}

#[test]
fn a_law_named_before_its_number_is_the_numbered_law() {
    // The title names the law, the basis gives its number: one citation.
    let c = cite(
        "hướng dẫn thi hành một số điều của Luật Dược (được sửa đổi năm 2024); Căn cứ Luật Dược số 44/2024/QH15; thi hành Luật Dược.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!((c[0].symbol.as_deref(), c[0].name.as_deref()), (Some("44/2024/QH15"), None));
    assert_eq!(c[0].mentions.len(), 3);
    // The name of a law ending in "pháp luật" is its name, not the type word.
    let c = cite("Căn cứ Luật Phổ biến giáo dục pháp luật số 14/2012/QH13; theo Luật Phổ biến giáo dục pháp luật.");
    assert_eq!(c.len(), 1, "{c:#?}");
    // Counter-example: a name printed with two numbers names neither for sure.
    let c = cite("theo Luật Đầu tư; Luật Đầu tư số 61/2020/QH14; Luật Đầu tư số 67/2014/QH13.");
    assert_eq!(c.len(), 3, "{c:#?}");
}

#[test]
fn a_number_left_to_fill_in_is_a_placeholder() {
    assert!(cite("căn cứ Quyết định số ……QĐ/UBND ngày …. tháng …. năm …. của").is_empty());
    assert!(cite("theo Kế hoạch số …/KH-UBND ngày … của").is_empty());
    // Counter-example: a number the scan lost is still a citation.
    assert_eq!(cite("theo Kế hoạch của Ban chỉ đạo KH/BCĐ ngày 03/4/2023").len(), 1);
}

#[test]
fn a_form_label_without_tone_marks_is_still_a_form() {
    assert!(cite("lập biên bản (theo Mau so 04/BBKP gửi kèm theo hướng dẫn này)").is_empty());
    // Counter-example: the same number after a type word is a document.
    assert_eq!(cite("theo Thông báo số 04/TB-BKP").len(), 1);
}

#[test]
fn each_law_an_amending_law_amends_is_cited_on_its_own() {
    let c = cite(
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng và Luật Thuế tiêu thụ đặc biệt ngày 06 tháng 4 năm 2016;",
    );
    let names: Vec<_> = c.iter().map(|x| x.name.as_deref().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Luật sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng và Luật Thuế tiêu thụ đặc biệt",
            "Luật Thuế giá trị gia tăng",
            "Luật Thuế tiêu thụ đặc biệt"
        ]
    );
    // Counter-example: "và" inside the amended law's own name does not split it.
    let c = cite("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Khoa học và Công nghệ ngày 01 tháng 7 năm 2024;");
    assert_eq!(c[1].name.as_deref(), Some("Luật Khoa học và Công nghệ"));
}

#[test]
fn a_name_ends_before_a_list_or_a_time_limit() {
    let c = one("Thành phần theo Điều 12 Luật Tiếp công dân gồm: đại diện các cơ quan");
    assert_eq!(c.name.as_deref(), Some("Luật Tiếp công dân"));
    let c = one("niêm yết theo Luật Tiếp công dân chậm nhất 10 ngày trước");
    assert_eq!(c.name.as_deref(), Some("Luật Tiếp công dân"));
    // A type word in capitals with a period is a heading's wording, not a document.
    assert!(cite("XÂY DỰNG KẾ HOẠCH 5 NĂM GIAI ĐOẠN 2021 - 2025").is_empty());
}

/// Every row of `grammars/citation-names.tsv`, through the extractor: its examples
/// and counter-examples read exactly the names the row says, in order.
#[test]
fn citation_name_rows_read_as_their_examples_say() {
    use crate::grammar::CITATION_NAME_WORDS;
    let mut checked = 0;
    for w in CITATION_NAME_WORDS.iter() {
        for example in w.examples.iter().chain(&w.counter_examples) {
            let (text, names) = example.split_once(" =>").expect("example says what it reads after \" => \"");
            let want: Vec<&str> = names.split(';').map(str::trim).filter(|n| !n.is_empty()).collect();
            let got: Vec<String> = cite(text).into_iter().map(|c| c.name.or(c.symbol).unwrap_or_default()).collect();
            assert_eq!(got, want, "grammars/citation-names.tsv:{}: {text}", w.line);
            checked += 1;
        }
    }
    assert!(checked >= 30, "{checked} examples");
}

/// A comma-joined expression is still one when the scan doubled its spaces or lost
/// its tone marks (the name keeps one space a word); a comma before the next document
/// still ends the name.
#[test]
fn comma_joined_names_survive_spacing_and_lost_tone_marks() {
    let names = |text: &str| cite(text).into_iter().filter_map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(
        names("hành tại Luật Cán  bộ,  công chức, Luật Viên chức và các văn bản"),
        ["Luật Cán bộ, công chức", "Luật Viên chức"]
    );
    assert_eq!(names("Can cu Luat Phong, chong tham nhung;"), ["Luat Phong, chong tham nhung"]);
}

/// "và"/"hoặc" before a capitalised type word joins two documents, each its own
/// citation; before any other capitalised word it stays inside the name. The laws an
/// amending law amends are still one name with it.
#[test]
fn a_name_ends_before_and_or_or_with_another_document() {
    let names = |text: &str| cite(text).into_iter().filter_map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(
        names("Căn cứ Luật Thuế xuất khẩu, thuế nhập khẩu và Luật Quản lý thuế;"),
        ["Luật Thuế xuất khẩu, thuế nhập khẩu", "Luật Quản lý thuế"]
    );
    assert_eq!(names("theo quy định của Bộ luật Hình sự hoặc Bộ luật Dân sự"), ["Bộ luật Hình sự", "Bộ luật Dân sự"]);
    assert_eq!(
        names("Luật Đất đai, Luật Nhà ở và Luật Kinh doanh bất động sản"),
        ["Luật Đất đai", "Luật Nhà ở", "Luật Kinh doanh bất động sản"]
    );
    // The second document is the text itself: no citation of its own.
    assert_eq!(
        names("theo quy định tại các Điều 71, 72 Luật Giao thông đường thủy nội địa và Thông tư này;"),
        ["Luật Giao thông đường thủy nội địa"]
    );
    // Hard-wrapped before the second document.
    assert_eq!(
        names("cảng theo quy định tại các Điều 71, 72 Luật Giao thông đường thủy nội địa và\nThông tư này;"),
        ["Luật Giao thông đường thủy nội địa"]
    );
    // A description after an implementing verb ends there too.
    assert_eq!(
        names("Triển khai Đề án phát triển du lịch tỉnh Lào Cai và Chương trình Mỗi xã một sản phẩm;"),
        ["Đề án phát triển du lịch tỉnh Lào Cai", "Chương trình Mỗi xã một sản phẩm"]
    );
    // Counter-examples: a capitalised word that is no type word is part of the name,
    // a lower-case type word too; the amending law keeps the laws it amends.
    assert_eq!(names("Căn cứ Luật Khoa học và Công nghệ ngày 09 tháng 6 năm 2000;"), ["Luật Khoa học và Công nghệ"]);
    assert_eq!(names("Căn cứ Luật Bảo vệ, chăm sóc và giáo dục trẻ em;"), ["Luật Bảo vệ, chăm sóc và giáo dục trẻ em"]);
    assert_eq!(
        names(
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương;"
        ),
        [
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
            "Luật Tổ chức Chính phủ",
            "Luật Tổ chức chính quyền địa phương"
        ]
    );
}

/// A blank form's title is drawn up anew each time: a name followed by its form
/// label is no citation; the document that issues the form still is.
#[test]
fn a_name_labelled_as_a_form_is_no_citation() {
    assert!(
        cite("Hội nghị lấy ý kiến cử tri nơi công tác, Biên bản Hội nghị Cử tri Nơi Công tác (Mẫu số 01/HNCT).")
            .is_empty()
    );
    assert!(cite("Biên bản Hội nghị Giới thiệu (theo mẫu 03) gửi Ban Thường trực").is_empty());
    // Counter-examples: another parenthesis, and the document that issues the form.
    let c = one("Biên bản Hội nghị hiệp thương lần thứ hai (ngày 10/02/2026) được gửi đến");
    assert_eq!(c.name.as_deref(), Some("Biên bản Hội nghị hiệp thương lần thứ hai"));
    let c = one("lập biên bản theo Mẫu số 05/HNCT ban hành kèm theo Nghị quyết số 40/NQ-HĐBCQG");
    assert_eq!(c.symbol.as_deref(), Some("40/NQ-HĐBCQG"));
}

/// Where the words after a type word are no document's name: a scheme still to be
/// drawn up even in quotes, an order of a kind ("Lệnh điều động"), a date in the
/// next table cell, a common noun whose description names another document.
#[test]
fn what_looks_like_a_name_but_names_no_document() {
    assert!(cite("Tham mưu xây dựng “Đề án Điều chỉnh tổ chức biên chế Ban Chỉ huy quân sự xã”").is_empty());
    // A programme named by its period is carried out: a citation.
    let c = one("Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025; UBND xã");
    assert_eq!(c.name.as_deref(), Some("Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"));
    assert!(cite("thực hiện Quy chế dân chủ ở cơ sở giai đoạn 2022-2025 và năm 2022;").is_empty());
    // What a document rests on, named by its period: a school year, five years.
    let c = one("Căn cứ Kế hoạch giáo dục nhà trường năm học 2024-2025;");
    assert_eq!(c.name.as_deref(), Some("Kế hoạch giáo dục nhà trường năm học 2024-2025"));
    let c = one("Căn cứ Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025;");
    assert_eq!(c.name.as_deref(), Some("Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025"));
    // "đưa Nghị quyết Đại hội vào cuộc sống": the short form of the congress's resolution.
    let c = cite(
        "Triển khai Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXIII. Để sớm đưa Nghị quyết Đại hội vào cuộc sống, UBND huyện",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].mentions.len(), 2);
    // What a cited decision approves is cited through the decision only.
    let c = cite(
        "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025",
    );
    assert_eq!(c.iter().map(|c| c.symbol.as_deref()).collect::<Vec<_>>(), [Some("749/QĐ-TTg")]);
    assert!(cite("chấp hành Lệnh điều động của Cảng vụ trong trường hợp khẩn cấp").is_empty());
    assert!(cite("thực hiện chức năng, nhiệm vụ theo quy định của Hiến pháp và pháp luật;").is_empty());
    // A constitution is named by its year, printed with "năm" or without.
    let c = cite("Căn cứ Hiến pháp năm 2013; tuyên truyền Hiến pháp 2013 và Luật Hộ tịch năm 2014.");
    let names: Vec<_> = c.iter().map(|c| (c.name.as_deref(), c.mentions.len())).collect();
    assert_eq!(names, [(Some("Hiến pháp năm 2013"), 2), (Some("Luật Hộ tịch"), 1)]);
    assert!(cite("hỗ trợ người lao động theo hợp đồng thuộc Chương trình 05/6/2024").is_empty());
    assert!(
        cite("đi làm việc ở nước ngoài theo hợp đồng thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025")
            .iter()
            .all(|c| c.kind.as_deref() != Some("HĐ"))
    );
    // Counter-examples: a scheme by its number, a law in lower case, a quoted name
    // cited, a plan named by its period.
    assert_eq!(one("triển khai Đề án 06.").name.as_deref(), Some("Đề án 06"));
    assert_eq!(one("theo Luật ban hành văn bản quy phạm pháp luật;").kind.as_deref(), Some("L"));
    assert_eq!(
        one("Thực hiện “Đề án Điều chỉnh tổ chức biên chế Ban Chỉ huy quân sự xã”;").name.as_deref(),
        Some("Đề án Điều chỉnh tổ chức biên chế Ban Chỉ huy quân sự xã")
    );
    assert_eq!(
        one("theo quy hoạch tỉnh Lào Cai thời kỳ 2021 - 2030;").name.as_deref(),
        Some("quy hoạch tỉnh Lào Cai thời kỳ 2021 - 2030")
    );
}

/// A name given in parentheses ends at its closing parenthesis.
#[test]
fn a_name_in_parentheses_ends_at_the_closing_one() {
    let names: Vec<_> = cite("Tham khảo mục 15.7 Phần B của Bộ luật An ninh tàu và bến cảng (Bộ luật ISPS) để")
        .into_iter()
        .filter_map(|c| c.name)
        .collect();
    assert_eq!(names, ["Bộ luật An ninh tàu và bến cảng", "Bộ luật ISPS"]);
    // Counter-example: a term in parentheses is part of the name.
    assert_eq!(
        one("Nghị quyết Trung ương 4 (khóa XII) về").name.as_deref(),
        Some("Nghị quyết Trung ương 4 (khóa XII)")
    );
}

/// An issuer is one body: it ends before a date (the next table cell) and is no
/// plural ("của các chủ thể …" is the subject's owner).
#[test]
fn an_issuer_is_one_body_without_a_date() {
    let c = one("Nghị định số 55/2023/NĐ-CP ngày 21/7/2023 của Chính phủ 01/7/2024 21 Nghị");
    assert_eq!(c.issuer.as_deref(), Some("Chính phủ"));
    let c = one("quản lý thực hiện Chương trình OCOP của các chủ thể sản phẩm tham gia");
    assert_eq!(c.issuer, None);
    // After a comma, the body that opens the sentence acts: it issued nothing cited.
    let c = one("Thực hiện Kế hoạch số 20/KH-UBND ngày 10/3/2024, Ủy ban nhân dân huyện ban hành Kế hoạch");
    assert_eq!((c.date.as_deref(), c.issuer), (Some("2024-03-10"), None));
    let c = one("Thực hiện Công văn số 1520/UBND-TH, UBND xã báo cáo như sau:");
    assert_eq!(c.issuer, None);
    // Both bodies of a joint programme issued it: "của A và B" names both.
    let c = one(
        "Chương trình phối hợp số 02/CTr-UBND-MTTQ ngày 10/01/2024 của UBND huyện và Ban Thường trực Ủy ban MTTQ Việt Nam huyện về công tác dân vận",
    );
    assert_eq!(c.issuer.as_deref(), Some("UBND huyện và Ban Thường trực Ủy ban MTTQ Việt Nam huyện"));
    // Counter-examples: "của" after a comma; a body with a plural word inside its name.
    let c = one("Quyết định số 396 -QĐ/TU, ngày 19/10/2021, của Ban Thường vụ Tỉnh ủy về việc");
    assert_eq!(c.issuer.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    let c = one("Kế hoạch số 16/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - Khen thưởng Trung ương về");
    assert_eq!(c.issuer.as_deref(), Some("Hội đồng Thi đua - Khen thưởng Trung ương"));
    // One office whose name holds "và" (a name row of roles.tsv); two bodies are still cut.
    let c = one("Thông báo số 45/TB-VP ngày 08/3/2024 của Văn phòng HĐND và UBND huyện.");
    assert_eq!(c.issuer.as_deref(), Some("Văn phòng HĐND và UBND huyện"));
    let c = one("Công văn số 12/SYT-NVY ngày 08/3/2024 của Sở Y tế và Sở Tài chính về việc");
    assert_eq!(c.issuer.as_deref(), Some("Sở Y tế"));
}

/// A short form of a numbered law's printed name is that law, when no other cited
/// name of its kind begins the same way.
#[test]
fn a_short_form_of_a_numbered_law_s_name_is_that_law() {
    let c = cite(
        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13;\n\nquán triệt các quy định của Luật Bầu cử và các văn bản hướng dẫn.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!((c[0].symbol.as_deref(), c[0].mentions.len()), (Some("85/2015/QH13"), 2));
    // Counter-examples: two numbered laws begin the same way; a form of one word.
    let c = cite(
        "Căn cứ Luật Thuế thu nhập cá nhân số 04/2007/QH12; Luật Thuế thu nhập doanh nghiệp số 14/2008/QH12;\n\ntheo Luật Thuế thu nhập và các văn bản",
    );
    assert_eq!(c.len(), 3, "{c:#?}");
    let c = cite(
        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13;\n\ntheo Luật Bầu cử đại biểu Quốc hội và Luật Bầu cử đại biểu Hội đồng nhân dân.",
    );
    assert!(c.len() >= 2, "{c:#?}");
}

/// A sentence that tells of the issuing before the symbol gives its date and issuer.
#[test]
fn date_and_issuer_told_before_the_symbol() {
    let c = one(
        "Ngày 21/04/2015, Thủ tướng Chính\nphủ đã ban hành Chỉ thị số 06/CT-TTg về việc tăng cường chỉ đạo điều hành",
    );
    assert_eq!((c.date.as_deref(), c.issuer.as_deref()), (Some("2015-04-21"), Some("Thủ tướng Chính phủ")));
    // Counter-examples: a date and issuer after the symbol win; a date of another event.
    let c =
        one("Ngày 21/04/2015, Bộ Tài chính đã ban hành Thông tư số 12/2015/TT-BTC ngày 20/4/2015 của Bộ Tài chính về");
    assert_eq!(c.date.as_deref(), Some("2015-04-20"));
    let c = one("Ngày 21/04/2015, Sở Tài chính đã họp và thống nhất thực hiện Chỉ thị số 06/CT-TTg về việc");
    assert_eq!((c.date, c.issuer), (None, None));
}

#[test]
fn last_pair_is_the_two_byte_reverse_search() {
    for hay in ["", "\n", "\n\n", "\n\n\n", "a\n\nb\n\nc", "a. b.c. ", ". .  .", "x.\n\n. y", "..  "] {
        for (a, b) in [(b'\n', b'\n'), (b'.', b' ')] {
            assert_eq!(last_pair(hay.as_bytes(), a, b), memchr::memmem::rfind(hay.as_bytes(), &[a, b]), "{hay:?}");
        }
    }
}
