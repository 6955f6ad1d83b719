//! Fuzzy people search alone over 100,000 actor names: per-keystroke p50/p99 as a query grows from
//! one to six characters, the way the search popup runs it. Run: `cargo bench --bench fuzzy`.
//!
//! The names are synthetic (deterministic syllable combinations, some with diacritics and aliases),
//! so this bench needs no data; `DATELINE_BENCH_NAMES` changes how many.

mod common;

use std::time::{Duration, Instant};

use common::{median, ms, quantile, time};
use dateline::corpus::{Actor, Mention};
use dateline::ids::DocId;
use dateline::model::{ActorKind, Span};
use dateline::text::fold;
use dateline::tui::search::{Search, SearchIndex};

const SYLLABLES: [&str; 40] = [
    "ka", "lo", "mi", "ra", "ne", "to", "su", "va", "ri", "del", "mar", "an", "es", "or", "li",
    "ber", "gon", "sa", "tha", "vik", "zé", "ö", "chen", "wa", "ho", "ja", "mus", "pe", "qui",
    "ya", "dor", "fen", "ul", "ni", "bra", "co", "ste", "ga", "hil", "ton",
];
const ORG_WORDS: [&str; 8] = [
    "Bank",
    "Group",
    "Ministry",
    "Party",
    "Council",
    "Holdings",
    "University",
    "Agency",
];

/// A small deterministic generator (SplitMix64), so every run searches the same names.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self, min: usize, max: usize) -> String {
        let n = min + self.below(max - min + 1);
        let w: String = (0..n)
            .map(|_| SYLLABLES[self.below(SYLLABLES.len())])
            .collect();
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }
}

/// `n` actors: 60% people ("First Last", alias "Last"), the rest organisations and places; mention
/// counts fall off with rank as in real corpora.
fn actors(n: usize) -> Vec<Actor> {
    let mut rng = Rng(0xDA7E_11AE);
    (0..n)
        .map(|i| {
            let roll = rng.below(10);
            let (kind, name, aliases) = if roll < 6 {
                let last = rng.word(2, 3);
                (
                    ActorKind::Person,
                    format!("{} {last}", rng.word(1, 3)),
                    vec![last],
                )
            } else if roll < 9 {
                let org = format!(
                    "{} {}",
                    rng.word(2, 3),
                    ORG_WORDS[rng.below(ORG_WORDS.len())]
                );
                (ActorKind::Organization, org, Vec::new())
            } else {
                (ActorKind::Place, rng.word(2, 4), Vec::new())
            };
            let mentions = (0..1 + 2000 / (i + 1))
                .map(|m| Mention::new(DocId::new(m), Span::new(0, 1)))
                .collect();
            Actor {
                id: format!("{}:{i}", kind.as_str()),
                name,
                kind,
                roles: Vec::new(),
                aliases,
                country: None,
                mentions,
            }
        })
        .collect()
}

fn main() {
    let n: usize = std::env::var("DATELINE_BENCH_NAMES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let actors = actors(n);
    let names = actors.iter().map(|a| 1 + a.aliases.len()).sum::<usize>();
    let (t_index, index) = time(|| SearchIndex::new(&actors));
    println!(
        "fuzzy: {} cores; {n} actors ({names} names and aliases); SearchIndex::new {:.1} ms; load average {}",
        common::cores(),
        ms(t_index),
        common::load_average()
    );

    // Queries: the first six letters of names picked across the list, plus a few that skip letters
    // (initials and a typo-like subsequence), typed one character at a time into a fresh popup.
    let mut rng = Rng(7);
    let mut queries: Vec<String> = (0..200)
        .map(|_| {
            let a = &actors[rng.below(actors.len())];
            fold(&a.name)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .take(6)
                .collect::<String>()
        })
        .filter(|q| q.chars().count() == 6)
        .collect();
    queries.extend(["kamar ", "lomira", "bank m", "zzzzzz", "ohnoes"].map(String::from));

    let mut per_len: Vec<Vec<Duration>> = vec![Vec::new(); 6];
    let mut opens = Vec::new();
    for q in &queries {
        let t = Instant::now();
        let mut search = Search::new(&index);
        opens.push(t.elapsed());
        let mut typed = String::new();
        for (i, ch) in q.chars().enumerate().take(6) {
            typed.push(ch);
            let t = Instant::now();
            search.set_query(&index, &typed);
            per_len[i].push(t.elapsed());
            std::hint::black_box(&search.hits);
        }
    }
    println!(
        "{} queries; opening the popup (Search::new): median {:.3} ms",
        queries.len(),
        ms(median(&opens))
    );
    println!("| query length | p50 | p99 | max | samples |");
    println!("|---:|---:|---:|---:|---:|");
    for (i, samples) in per_len.iter().enumerate() {
        println!(
            "| {} | {:.2} ms | {:.2} ms | {:.2} ms | {} |",
            i + 1,
            ms(quantile(samples, 0.5)),
            ms(quantile(samples, 0.99)),
            ms(quantile(samples, 1.0)),
            samples.len()
        );
    }
    let all: Vec<Duration> = per_len.concat();
    println!(
        "| all keystrokes | {:.2} ms | {:.2} ms | {:.2} ms | {} |",
        ms(quantile(&all, 0.5)),
        ms(quantile(&all, 0.99)),
        ms(quantile(&all, 1.0)),
        all.len()
    );
}
