use super::*;
use crate::corpus::Lexicon;
use crate::ids::ActorId;

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
            extracted: 40,
            trusted: 0,
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
            extracted: 1,
            trusted: 0,
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
            extracted: 6,
            trusted: 0,
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

/// Articles with every kind of item, a split quote and a copy among them.
fn varied() -> Vec<Document> {
    let mut documents = docs(12);
    let mut copy = documents[3].clone();
    copy.id = "copy".into();
    copy.path = "copy.txt".into();
    documents.push(copy);
    documents
}

#[test]
fn the_streamed_snapshot_reads_back_the_same_corpus() {
    let lex = Lexicon::builtin();
    let built = Corpus::build(varied(), Vec::new(), &lex, &|_, _| {});
    let mut c = built.clone();
    assert!(c.quotes.iter().any(|q| q.parts().len() > 1));
    assert!(!c.timexes.is_empty() && !c.events.is_empty() && !c.actors.is_empty());
    // Every kind of field filled, non-Latin and empty strings included.
    let a = &mut c.actors[ActorId::new(0)];
    a.aliases = vec!["Фонд".into(), String::new(), "基金".into()];
    a.roles = vec!["chair".into()];
    a.country = Some("Österreich".into());
    c.actors[ActorId::new(1)].country = Some(String::new());
    let mut streamed = Vec::new();
    snapshot::write(&c, &mut streamed).unwrap();
    let back = snapshot::read(&streamed, varied()).unwrap();
    assert!(json(&back) == json(&c));
    assert_eq!(back.happenings, c.happenings);
    // Every item as it was, not only what the export shows.
    assert_eq!(back.actors, c.actors);
    assert_eq!(back.topics, c.topics);
    assert_eq!(back.quotes, c.quotes);
    assert_eq!(back.events, c.events);
    assert_eq!(back.timexes, c.timexes);
    assert_eq!(back.headings, c.headings);

    // And through a cache file: written by streaming, read back as the snapshot.
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), varied(), &lex);
    let (again, stats) = run(dir.path(), varied(), &lex);
    assert!(stats.snapshot, "{stats:?}");
    assert!(json(&again) == json(&built));
    assert!(warnings(&again).is_empty(), "{:?}", warnings(&again));
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn no_damage_to_a_snapshot_makes_its_reader_panic_or_misread() {
    let lex = Lexicon::builtin();
    let c = Corpus::build(varied(), Vec::new(), &lex, &|_, _| {});
    let mut bytes = Vec::new();
    snapshot::write(&c, &mut bytes).unwrap();
    let want = json(&c);
    // Cut at every length: refused, never half read.
    for len in 0..bytes.len() {
        assert!(
            snapshot::read(&bytes[..len], varied()).is_err(),
            "cut at {len}"
        );
    }
    // Every byte changed (past its checksum, as a bug in a writer would leave it): refused or
    // read whole, never a panic; a change that reads must be one the export cannot see (a
    // heading or a span moved within its article is still a fitting snapshot).
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= flip;
            if let Ok(back) = snapshot::read(&b, varied()) {
                assert_eq!(back.documents.len(), c.documents.len(), "byte {i}");
            }
        }
    }
    // Counts that ask for more than the file holds.
    let mut huge = bytes.clone();
    huge[8..16].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(snapshot::read(&huge, varied()).is_err());
    assert_eq!(json(&snapshot::read(&bytes, varied()).unwrap()), want);
}

/// The cache file of `dir` with its snapshot section replaced by `f(snapshot)` and the footer
/// made to fit (length and checksum), as a writer cut short would leave it.
fn rewrite_snapshot(dir: &Path, f: impl Fn(&[u8]) -> Vec<u8>) {
    let file = cache_files(dir).remove(0).0;
    let (_, mut footer) = open_any(&file).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let s = footer.snapshot;
    let (start, end) = (s.offset as usize, (s.offset + s.len) as usize);
    let snap = f(&bytes[start..end]);
    footer.snapshot.len = snap.len() as u64;
    footer.snapshot.checksum = checksum(&snap);
    let footer = postcard::to_stdvec(&footer).unwrap();
    let mut out = bytes[..start].to_vec();
    out.extend_from_slice(&snap);
    out.extend_from_slice(&footer);
    out.extend_from_slice(&(footer.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&footer).to_le_bytes());
    out.extend_from_slice(MAGIC);
    std::fs::write(&file, out).unwrap();
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn a_damaged_or_cut_snapshot_is_ignored_with_a_warning_and_replaced() {
    let lex = Lexicon::builtin();
    let want = json(&Corpus::build(varied(), Vec::new(), &lex, &|_, _| {}));
    type Damage = fn(&Path);
    let cases: [(&str, Damage); 4] = [
        // A flipped byte inside the snapshot: its checksum no longer matches.
        ("flipped", |dir| {
            let file = cache_files(dir).remove(0).0;
            let (_, footer) = open_any(&file).unwrap();
            let mut bytes = std::fs::read(&file).unwrap();
            let s = footer.snapshot;
            bytes[(s.offset + s.len / 2) as usize] ^= 0x55;
            std::fs::write(&file, bytes).unwrap();
        }),
        // Cut short with a footer that fits it: the checksum passes, the decoding fails.
        ("cut", |dir| {
            rewrite_snapshot(dir, |s| s[..s.len() / 2].to_vec())
        }),
        ("empty", |dir| rewrite_snapshot(dir, |_| Vec::new())),
        // Well-formed but naming spans past the articles' ends.
        ("foreign", |dir| {
            rewrite_snapshot(dir, |_| {
                let mut other = docs(13);
                for d in &mut other {
                    d.text
                        .push_str(&" The talks went on for a long time.".repeat(20));
                }
                let lex = Lexicon::builtin();
                let mut v = Vec::new();
                let c = Corpus::build(other, Vec::new(), &lex, &|_, _| {});
                snapshot::write(&c, &mut v).unwrap();
                v
            })
        }),
    ];
    for (what, damage) in cases {
        let dir = tempfile::tempdir().unwrap();
        run(dir.path(), varied(), &lex);
        damage(dir.path());
        let (c, stats) = run(dir.path(), varied(), &lex);
        assert!(!stats.snapshot, "{what}");
        assert_eq!(json(&c), want, "{what}");
        let w = warnings(&c);
        assert!(
            w.iter().any(|w| w.contains("cache file ignored")),
            "{what}: {w:?}"
        );
        let (c, stats) = run(dir.path(), varied(), &lex);
        assert!(stats.snapshot, "{what}: the bad file was replaced");
        assert_eq!(json(&c), want, "{what}");
    }
}

#[test]
fn a_streamed_record_has_the_bytes_of_the_whole_one() {
    let lex = Lexicon::builtin();
    let xs: Vec<Extraction> = varied()
        .iter()
        .map(|d| crate::extract::pipeline::extract(d, &lex))
        .collect();
    assert!(xs.iter().any(|x| {
        [
            x.timexes.len(),
            x.actors.len(),
            x.quotes.len(),
            x.events.len(),
        ]
        .iter()
        .all(|&n| n > 0)
            && x.quotes.iter().any(|q| !q.parts.is_empty())
    }));
    for x in &xs {
        let mut streamed = Vec::new();
        record::write(x, &mut streamed).unwrap();
        assert_eq!(streamed, postcard::to_stdvec(&XRecord::from(x)).unwrap());
    }
}

// ---------------------------------------------------------------------------------------------
// The table of files (`files.rs`): unchanged files trusted on their metadata.

/// `n` article files in `dir/articles`, and the source that reads them.
fn article_files(dir: &Path, n: usize) -> Source {
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).unwrap();
    for d in docs(n) {
        std::fs::write(folder.join(&d.path), &d.text).unwrap();
    }
    Source {
        paths: vec![folder],
        options: crate::ingest::IngestOptions {
            default_date: chrono::NaiveDate::from_ymd_opt(2025, 3, 1),
        },
    }
}

/// A load from files, as if it started at `start`.
fn load_at(cache: &Path, source: &Source, start: std::time::SystemTime) -> (Corpus, Stats) {
    let lex = Lexicon::builtin();
    load_in(
        cache,
        &stamp(),
        u64::MAX,
        source,
        start,
        Vec::new(),
        &lex,
        &|_, _| {},
    )
}

/// Long after every file was last changed: they are all settled.
fn later() -> std::time::SystemTime {
    std::time::SystemTime::now() + std::time::Duration::from_secs(3600)
}

fn plain(source: &Source) -> Vec<u8> {
    json(&Corpus::load(source, &Lexicon::builtin()))
}

#[test]
fn unchanged_files_are_trusted_on_their_metadata_and_give_the_same_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let source = article_files(dir.path(), 8);
    let want = plain(&source);
    let (first, stats) = load_at(&cache, &source, later());
    assert_eq!((stats.trusted, stats.extracted), (0, 8), "{stats:?}");
    assert_eq!(json(&first), want);
    let (again, stats) = load_at(&cache, &source, later());
    assert!(stats.snapshot, "{stats:?}");
    assert_eq!(stats.trusted, 8, "no file opened again: {stats:?}");
    assert_eq!(json(&again), want);
    assert!(warnings(&again).is_empty(), "{:?}", warnings(&again));
    // Every field of every document as read, ids included.
    assert_eq!(again.documents, first.documents);
}

#[test]
fn a_same_size_rewrite_with_another_mtime_is_read_and_extracted_alone() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let source = article_files(dir.path(), 8);
    load_at(&cache, &source, later());
    let file = source.paths[0].join("d3.txt");
    let before = std::fs::read_to_string(&file).unwrap();
    let after = before.replace("Geneva", "Lisbon");
    assert_eq!(before.len(), after.len());
    std::fs::write(&file, &after).unwrap();
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    std::fs::File::options()
        .append(true)
        .open(&file)
        .unwrap()
        .set_modified(day_ago)
        .unwrap();
    let want = plain(&source);
    let (got, stats) = load_at(&cache, &source, later());
    assert_eq!(
        (stats.snapshot, stats.trusted, stats.reused, stats.extracted),
        (false, 7, 7, 1),
        "{stats:?}"
    );
    assert_eq!(json(&got), want);
    assert!(String::from_utf8_lossy(&want).contains("Lisbon"));
    // The rewritten file is trusted in its turn.
    let (_, stats) = load_at(&cache, &source, later());
    assert_eq!((stats.snapshot, stats.trusted), (true, 8), "{stats:?}");
}

#[test]
fn a_file_changed_as_late_as_the_load_started_is_read_again_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let source = article_files(dir.path(), 6);
    let want = plain(&source);
    // The load starts as the files are written: all of them are racy (a change in the same tick
    // of the file system's clock would not show in their times).
    let now = std::time::SystemTime::now();
    load_at(&cache, &source, now);
    let (got, stats) = load_at(&cache, &source, later());
    assert!(
        stats.snapshot,
        "unchanged, so the snapshot still fits: {stats:?}"
    );
    assert_eq!(stats.trusted, 0, "every file read again: {stats:?}");
    assert_eq!(json(&got), want);
    // A load that starts more than the slack after the files' last change trusts them next time.
    std::fs::remove_dir_all(&cache).unwrap();
    load_at(&cache, &source, now + files::RACY_SLACK * 2);
    let (_, stats) = load_at(&cache, &source, later());
    assert_eq!(stats.trusted, 6, "{stats:?}");
}

#[test]
fn added_removed_and_renamed_files_are_read_as_they_are_now() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let source = article_files(dir.path(), 6);
    load_at(&cache, &source, later());
    let folder = &source.paths[0];
    std::fs::remove_file(folder.join("d1.txt")).unwrap();
    std::fs::rename(folder.join("d2.txt"), folder.join("z2.txt")).unwrap();
    std::fs::write(folder.join("new.txt"), "Talks in Baku resumed on Tuesday.").unwrap();
    let want = plain(&source);
    let (got, stats) = load_at(&cache, &source, later());
    assert_eq!(json(&got), want);
    // The renamed file is at a path the table does not hold: read like the new one, though its
    // extraction is reused (same text). Only the new article is extracted.
    assert_eq!(
        (stats.trusted, stats.reused, stats.extracted),
        (4, 5, 1),
        "{stats:?}"
    );
}

#[test]
fn a_damaged_table_of_files_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let source = article_files(dir.path(), 5);
    let want = plain(&source);
    load_at(&cache, &source, later());
    let file = cache_files(&cache).remove(0).0;
    let (_, footer) = open_any(&file).unwrap();
    let t = footer.files.expect("a table of files");
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[(t.offset + t.len / 2) as usize] ^= 0x55;
    std::fs::write(&file, bytes).unwrap();
    let (got, stats) = load_at(&cache, &source, later());
    assert_eq!(stats.trusted, 0, "{stats:?}");
    assert_eq!(json(&got), want);
    let w = warnings(&got);
    assert!(w.iter().any(|w| w.contains("table of files")), "{w:?}");
}

#[test]
fn no_damage_to_a_table_of_files_makes_its_reader_panic() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let source = article_files(dir.path(), 3);
    load_at(&cache, &source, later());
    let file = cache_files(&cache).remove(0).0;
    let (f, footer) = open_any(&file).unwrap();
    let bytes = read_section(&f, footer.files.unwrap()).unwrap();
    assert_eq!(files::Table::decode(&bytes).unwrap().len(), 3);
    for len in 0..bytes.len() {
        assert!(files::Table::decode(&bytes[..len]).is_err(), "cut at {len}");
    }
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= flip;
            let _ = files::Table::decode(&b);
        }
    }
    let mut huge = bytes.clone();
    huge.splice(0..1, postcard::to_stdvec(&u64::MAX).unwrap());
    assert!(files::Table::decode(&huge).is_err());
}

#[test]
fn a_file_of_an_older_layout_is_passed_over_without_a_warning() {
    // The footer of layout 4, before the table of files: the same fields but the last two.
    #[derive(Serialize)]
    struct Layout4 {
        stamp: Stamp,
        corpus: u128,
        docs: u64,
        snapshot: Section,
        records: Vec<(u128, Section)>,
    }
    let lex = Lexicon::builtin();
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), docs(4), &lex);
    let file = cache_files(dir.path()).remove(0).0;
    let (_, footer) = open_any(&file).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let old = Layout4 {
        stamp: Stamp {
            layout: 4,
            ..footer.stamp
        },
        corpus: footer.corpus,
        docs: footer.docs,
        snapshot: footer.snapshot,
        records: footer.records,
    };
    let old = postcard::to_stdvec(&old).unwrap();
    let body = footer.snapshot.offset + footer.snapshot.len;
    let mut out = bytes[..footer.files.map_or(body, |t| t.offset + t.len) as usize].to_vec();
    out.extend_from_slice(&old);
    out.extend_from_slice(&(old.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&old).to_le_bytes());
    out.extend_from_slice(MAGIC);
    // Under another name, as a file of the older build would be.
    std::fs::remove_file(&file).unwrap();
    std::fs::write(dir.path().join(format!("{:032x}.{EXT}", 7)), out).unwrap();
    let (c, stats) = run(dir.path(), docs(4), &lex);
    assert!(!stats.snapshot);
    assert_eq!(stats.reused, 0, "its records are not this build's");
    assert!(warnings(&c).is_empty(), "{:?}", warnings(&c));
}
