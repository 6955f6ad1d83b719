use super::*;
use crate::corpus::Lexicon;

fn docs(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| Document {
            id: format!("d{i}"),
            path: format!("d{i}.txt"),
            text: format!(
                "Officials in Geneva said on Monday that talks number {i} would resume. \
                 \"We are ready,\" said Foreign Minister Ana Petrova, \"and we will sign.\" \
                 The border dispute continues."
            ),
            published: chrono::NaiveDate::from_ymd_opt(2025, 3, 1 + (i % 28) as u32),
            ..Document::default()
        })
        .collect()
}

fn stamp() -> Stamp {
    Stamp {
        layout: LAYOUT,
        version: "test".into(),
        build: 1,
        lists: 2,
    }
}

fn json(c: &Corpus) -> Vec<u8> {
    let mut out = Vec::new();
    crate::export::write_json(c, &mut out, false).unwrap();
    out
}

fn run(dir: &Path, documents: Vec<Document>, lex: &Lexicon) -> (Corpus, Stats) {
    build_in(
        dir,
        &stamp(),
        u64::MAX,
        documents,
        Vec::new(),
        lex,
        &|_, _| {},
    )
}

fn warnings(c: &Corpus) -> Vec<String> {
    c.diagnostics.iter().map(|d| d.to_string()).collect()
}

#[test]
fn a_reopen_reads_the_snapshot_and_one_changed_article_is_the_only_one_extracted() {
    let lex = Lexicon::builtin();
    let dir = tempfile::tempdir().unwrap();
    let plain = Corpus::build(docs(40), Vec::new(), &lex, &|_, _| {});
    // The snapshot must keep every field of the export, down to a split quote's runs.
    assert!(plain.quotes.iter().any(|q| q.parts().len() > 1));
    let (first, stats) = run(dir.path(), docs(40), &lex);
    assert_eq!(
        stats,
        Stats {
            snapshot: false,
            reused: 0,
            extracted: 40
        }
    );
    assert_eq!(json(&first), json(&plain));
    assert!(warnings(&first).is_empty(), "{:?}", warnings(&first));

    let (again, stats) = run(dir.path(), docs(40), &lex);
    assert!(stats.snapshot, "{stats:?}");
    assert_eq!(json(&again), json(&plain));

    let mut changed = docs(40);
    changed[7]
        .text
        .push_str(" Later, Minister Petrova flew to Baku.");
    let want = Corpus::build(changed.clone(), Vec::new(), &lex, &|_, _| {});
    let (got, stats) = run(dir.path(), changed.clone(), &lex);
    assert_eq!(
        stats,
        Stats {
            snapshot: false,
            reused: 39,
            extracted: 1
        }
    );
    assert_eq!(json(&got), json(&want));
    // And that set is now a snapshot of its own.
    let (_, stats) = run(dir.path(), changed, &lex);
    assert!(stats.snapshot);
}

#[test]
fn damaged_truncated_and_foreign_files_are_ignored_with_a_warning() {
    let lex = Lexicon::builtin();
    let dir = tempfile::tempdir().unwrap();
    let want = json(&Corpus::build(docs(5), Vec::new(), &lex, &|_, _| {}));
    run(dir.path(), docs(5), &lex);
    let file = cache_files(dir.path()).remove(0).0;
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    flipped[good.len() - TAIL - 3] ^= 0x55;
    let cases: [(&str, Vec<u8>); 4] = [
        ("damaged", flipped),
        ("truncated", good[..good.len() - 30].to_vec()),
        ("empty", Vec::new()),
        ("foreign", b"{\"not\": \"a cache\"}".repeat(10)),
    ];
    for (what, bytes) in cases {
        std::fs::write(&file, &bytes).unwrap();
        let (c, stats) = run(dir.path(), docs(5), &lex);
        assert!(!stats.snapshot, "{what}");
        assert_eq!(json(&c), want, "{what}");
        let w = warnings(&c);
        assert!(
            w.iter().any(|w| w.contains("cache file ignored")),
            "{what}: {w:?}"
        );
        // The bad file was replaced by a good one.
        let (_, stats) = run(dir.path(), docs(5), &lex);
        assert!(stats.snapshot, "{what}");
    }
}

#[test]
fn a_damaged_record_is_extracted_again_not_trusted() {
    let lex = Lexicon::builtin();
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), docs(5), &lex);
    let file = cache_files(dir.path()).remove(0).0;
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[10] ^= 0x55;
    std::fs::write(&file, &bytes).unwrap();
    let mut changed = docs(5);
    changed[4].text.push_str(" It rained.");
    let want = json(&Corpus::build(
        changed.clone(),
        Vec::new(),
        &lex,
        &|_, _| {},
    ));
    let (c, stats) = run(dir.path(), changed, &lex);
    assert_eq!(json(&c), want);
    assert_eq!((stats.reused, stats.extracted), (3, 2), "{stats:?}");
}

#[test]
fn another_build_or_word_list_does_not_reuse_records() {
    let lex = Lexicon::builtin();
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), docs(6), &lex);
    let other = Stamp {
        lists: 3,
        ..stamp()
    };
    let (_, stats) = build_in(
        dir.path(),
        &other,
        u64::MAX,
        docs(6),
        Vec::new(),
        &lex,
        &|_, _| {},
    );
    assert_eq!(
        stats,
        Stats {
            snapshot: false,
            reused: 0,
            extracted: 6
        }
    );
}

#[test]
fn the_folder_stays_under_its_cap_keeping_the_newest_file() {
    let lex = Lexicon::builtin();
    let dir = tempfile::tempdir().unwrap();
    for n in 1..=4 {
        build_in(
            dir.path(),
            &stamp(),
            1,
            docs(n),
            Vec::new(),
            &lex,
            &|_, _| {},
        );
        let files = cache_files(dir.path());
        assert_eq!(files.len(), 1, "{files:?}");
    }
    // No spill files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn an_unwritable_folder_still_builds() {
    let lex = Lexicon::builtin();
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, "not a folder").unwrap();
    let (c, _) = run(&blocked, docs(3), &lex);
    assert_eq!(
        json(&c),
        json(&Corpus::build(docs(3), Vec::new(), &lex, &|_, _| {}))
    );
    assert!(warnings(&c).iter().any(|w| w.contains("cache not written")));
}

#[test]
fn a_reopen_and_a_read_back_export_keep_which_articles_are_copies() {
    let lex = Lexicon::builtin();
    let dir = tempfile::tempdir().unwrap();
    let mut documents = docs(6);
    let mut copy = documents[2].clone();
    copy.id = "copy".into();
    copy.path = "copy.txt".into();
    documents.push(copy);
    let plain = Corpus::build(documents.clone(), Vec::new(), &lex, &|_, _| {});
    let last = plain.documents.ids().last().unwrap();
    assert!(plain.happenings.duplicate_of(last).is_some());
    let (_, stats) = run(dir.path(), documents.clone(), &lex);
    assert!(!stats.snapshot);
    let (again, stats) = run(dir.path(), documents, &lex);
    assert!(stats.snapshot, "{stats:?}");
    assert_eq!(json(&again), json(&plain));
    let back = crate::export::read::from_slice(&json(&plain)).unwrap();
    assert_eq!(json(&back), json(&plain));
}
