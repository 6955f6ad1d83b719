//! The grouping into happenings alone (`Happenings::build`: duplicate articles, threads, merging
//! across articles) on one thread, on the BBC corpus and on an archive of about 900,000 events
//! made from it. Run: `cargo bench --bench happenings` (median of `DATELINE_BENCH_RUNS` runs,
//! default 5; `DATELINE_HAPPENINGS_EVENTS` sets the size of the archive, default 900,000). Each
//! line ends with a digest of the grouping: equal digests, equal happenings.
//!
//! The archive is the BBC corpus extracted once and repeated in memory, round after round, the way
//! `scripts/gen_corpus.py` repeats it on disk for the 100 MB figures: each round's articles get
//! ids of their own and every date moved on by a year per round, so rounds overlap in time as a
//! long archive does. Unlike the files `gen_corpus.py` writes, each round's texts end with a
//! word of their own: otherwise every round would be a duplicate article of the first
//! (`Happenings::duplicate_of`) and only 40,000 events would be grouped at all.

mod common;

use std::time::Duration;

use chrono::{Datelike, Months, NaiveDate};
use common::{median, ms, time, time_cpu};
use dateline::corpus::{Corpus, CorpusEvent, CorpusWhen, Happenings, Lexicon};
use dateline::ids::{DocId, IdVec};

fn main() {
    let bbc = common::require_bbc("happenings");
    let docs = common::ingest(&bbc, Some(common::bbc_date()));
    let lex = Lexicon::builtin();
    let (t_build, base) = time(|| Corpus::build(docs, Vec::new(), &lex, &|_, _| {}));
    println!(
        "happenings: {} cores, load average {}; BBC extracted in {:.1} s",
        common::cores(),
        common::load_average(),
        t_build.as_secs_f64()
    );
    let runs = common::runs(5);
    report("bbc", &base, &lex, runs);
    let target: usize = std::env::var("DATELINE_HAPPENINGS_EVENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(900_000);
    let rounds = target.div_ceil(base.events.len().max(1)).max(1);
    let archive = repeat(&base, rounds);
    drop(base);
    report(&format!("archive ×{rounds}"), &archive, &lex, runs);
    println!(
        "happenings: load average {} at the end",
        common::load_average()
    );
}

/// Times `Happenings::build` on one thread, `runs` times, and prints the medians.
fn report(name: &str, corpus: &Corpus, lex: &Lexicon, runs: usize) {
    let pool = common::pool(1);
    let mut walls: Vec<Duration> = Vec::new();
    let mut cpus: Vec<Duration> = Vec::new();
    let mut groups = 0;
    let mut digests = Vec::new();
    for _ in 0..runs {
        let (wall, cpu, h) =
            pool.install(|| time_cpu(|| Happenings::build(corpus, &lex.happenings)));
        groups = h.len();
        walls.push(wall);
        cpus.push(cpu);
        digests.push(digest(corpus, &h));
        drop(std::hint::black_box(h));
    }
    digests.dedup();
    let bytes = common::text_bytes(&corpus.documents);
    println!(
        "{name}: {} articles, {:.1} MB, {} events → {groups} happenings; \
         grouping, 1 thread: median {:.0} ms wall, {:.0} ms CPU (wall {:.0}–{:.0} ms, {runs} runs); \
         digest {}",
        corpus.documents.len(),
        common::mb(bytes),
        corpus.events.len(),
        ms(median(&walls)),
        ms(median(&cpus)),
        ms(walls.iter().copied().min().unwrap_or_default()),
        ms(walls.iter().copied().max().unwrap_or_default()),
        digests
            .iter()
            .map(|d| format!("{d:016x}"))
            .collect::<Vec<_>>()
            .join(" ≠ "),
    );
}

/// A fingerprint of the whole grouping (every happening and the happening of every event), so
/// that a change meant to make grouping faster can be shown to group exactly as before on the
/// archive too: equal digests before and after.
fn digest(corpus: &Corpus, h: &Happenings) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut s = DefaultHasher::new();
    for x in h.iter() {
        format!("{x:?}").hash(&mut s);
    }
    for (e, _) in corpus.events.iter_enumerated() {
        h.of_event(e).hash(&mut s);
    }
    for (d, _) in corpus.documents.iter_enumerated() {
        h.duplicate_of(d).hash(&mut s);
    }
    s.finish()
}

/// `base` repeated `rounds` times: round `r` has its own ids, the text of each article followed
/// by a word of its own, and every date `r` years later.
fn repeat(base: &Corpus, rounds: usize) -> Corpus {
    let mut out = Corpus {
        actors: base.actors.clone(),
        strings: base.strings.clone(),
        ..Corpus::default()
    };
    let n_docs = base.documents.len();
    let mut events: Vec<CorpusEvent> = Vec::with_capacity(base.events.len() * rounds);
    for r in 0..rounds {
        let years = u32::try_from(r).unwrap_or(u32::MAX);
        let later = |d: NaiveDate| d.checked_add_months(Months::new(12 * years)).unwrap_or(d);
        let doc = |d: DocId| DocId::new(r * n_docs + d.index());
        for d in base.documents.iter() {
            let mut copy = d.clone();
            copy.id = format!("r{r:03}-{}", d.id);
            copy.published = d.published.map(later);
            copy.text.push_str(&format!("\n\nround{r:03}\n"));
            out.documents.push(copy);
        }
        for h in base.headings.iter() {
            out.headings.push(h.clone());
        }
        out.timexes
            .extend(base.timexes.iter().map(|t| t.in_doc(doc(t.doc()))));
        for e in base.events.iter() {
            let w = e.when;
            let when = CorpusWhen {
                earliest: w.earliest.map(later),
                latest: w.latest.map(later),
                value: w.value.map(|v| {
                    let shifted = shift_year(base.strings.get(v), years);
                    out.strings.intern(&shifted)
                }),
                basis: w.basis,
            };
            events.push(CorpusEvent::new(
                doc(e.doc()),
                e.span(),
                when,
                e.status,
                e.actors().iter().collect::<Vec<_>>(),
                [],
                [],
            ));
        }
    }
    // Events are in chronological order in a corpus.
    events.sort_by_key(|e| {
        (
            e.when.earliest.is_none(),
            e.when.earliest,
            e.when.latest,
            e.doc(),
            e.span().start,
        )
    });
    out.events = events.into_iter().collect::<IdVec<_, _>>();
    out
}

/// A TIMEX3 value with its leading year moved on by `years` ("2004-11" → "2006-11"); other
/// values ("PAST_REF", "P3Y") as they are.
fn shift_year(value: &str, years: u32) -> String {
    let Some(year) = value.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
        return value.to_string();
    };
    if !value[..4].bytes().all(|b| b.is_ascii_digit()) {
        return value.to_string();
    }
    let year = year + i32::try_from(years).unwrap_or(0);
    debug_assert!(NaiveDate::from_ymd_opt(year, 1, 1).is_some_and(|d| d.year() == year));
    format!("{year:04}{}", &value[4..])
}
