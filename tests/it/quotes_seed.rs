//! The seed article's quotes, through the library: spans, kinds, cues and speaker mentions as in
//! tests/fixtures/seed-000.gold.json.
//!
//! The gold's reported spans include the verb for some statements ("who said …", "responded that
//! …") and not for others ("According to Fidan, …"); dateline's reported span is the content alone,
//! with the cue in its own span. So a reported gold span is matched exactly in two parts: the
//! content ends where the gold ends, and the gold's start is the content's start or the cue's (with
//! a relative "who" before it), the words between being the cue and a "that".

use dateline::corpus::{Corpus, Source};
use dateline::ids::DocId;
use dateline::model::QuoteKind;

/// (start, end, kind, speaker mention, cue)
type Want = (
    usize,
    usize,
    QuoteKind,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn seed_quotes_match_the_gold() {
    let corpus = Corpus::load(&Source::default(), crate::common::lexicon());
    let text = corpus.documents[DocId::new(0)].text.as_str();
    let slice = |s: Option<dateline::model::Span>| s.map(|s| s.slice(text));
    let find = |start: usize, end: usize| {
        corpus
            .quotes
            .iter()
            .find(|q| q.span().start == start && q.span().end == end)
            .or_else(|| {
                corpus.quotes.iter().find(|q| {
                    q.kind == QuoteKind::Reported
                        && q.span().end == end
                        && q.cue()
                            .is_some_and(|c| reproduces(text, start, c, q.span()))
                })
            })
            .unwrap_or_else(|| panic!("no quote at {start}..{end}"))
    };
    let want: &[Want] = &[
        (
            1173,
            1199,
            QuoteKind::Direct,
            Some("Stella Meghrabyans and Arshaluis Mgdesyan"),
            Some("emphasized"),
        ),
        (
            1506,
            1566,
            QuoteKind::Direct,
            Some("The commentators"),
            Some("described"),
        ),
        (
            1842,
            1864,
            QuoteKind::Direct,
            Some("Human rights advocates in Yerevan"),
            Some("say"),
        ),
        (3526, 3591, QuoteKind::Term, None, None),
        (
            2277,
            2341,
            QuoteKind::Reported,
            Some("Nikol Pashinyan"),
            Some("said"),
        ),
        (
            2463,
            2528,
            QuoteKind::Reported,
            Some("Hakan Fidan"),
            Some("said"),
        ),
        (
            2550,
            2652,
            QuoteKind::Reported,
            Some("Fidan"),
            Some("According to"),
        ),
        (
            2781,
            2904,
            QuoteKind::Reported,
            Some("Ararat Mirzoyan"),
            Some("responded"),
        ),
        (
            2048,
            2114,
            QuoteKind::Reported,
            Some("Armenia’s government"),
            Some("insists"),
        ),
    ];
    for &(start, end, kind, speaker, cue) in want {
        let q = find(start, end);
        assert_eq!(q.kind, kind, "{}", q.span().slice(text));
        assert_eq!(slice(q.speaker_span()), speaker, "{}", q.span().slice(text));
        assert_eq!(slice(q.cue()), cue, "{}", q.span().slice(text));
    }
    // Speakers resolved to the corpus actors (pronouns and "The commentators" refer back).
    let speakers: &[(usize, &[&str])] = &[
        (1173, &["Stella Meghrabyans", "Arshaluis Mgdesyan"]),
        (1506, &["Stella Meghrabyans", "Arshaluis Mgdesyan"]),
        (1842, &["human rights advocates in Yerevan"]),
        (2048, &["Armenian government"]),
        (2277, &["Nikol Pashinyan"]),
        (2463, &["Hakan Fidan"]),
        (2550, &["Hakan Fidan"]),
        (2781, &["Ararat Mirzoyan"]),
    ];
    for &(start, names) in speakers {
        let q = corpus
            .quotes
            .iter()
            .find(|q| q.span().start == start)
            .or_else(|| {
                corpus.quotes.iter().find(|q| {
                    q.kind == QuoteKind::Reported
                        && q.cue()
                            .is_some_and(|c| reproduces(text, start, c, q.span()))
                })
            })
            .unwrap();
        let got: Vec<&str> = q
            .speakers()
            .iter()
            .map(|a| corpus.actors[a].name.as_str())
            .collect();
        assert_eq!(got, names, "{}", q.span().slice(text));
    }
    // Exactly the three quotations are direct, and TRIPP is the only term.
    let direct: Vec<&str> = corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.span().slice(text))
        .collect();
    assert_eq!(
        direct,
        [
            "“asymmetry of agendas”",
            "“the most emotionally charged and politically sensitive”",
            "“alarming signals”"
        ]
    );
    let terms = corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Term)
        .count();
    assert_eq!(terms, 1);
    // Nothing passive is reported: "The visit is described as a reciprocal step".
    assert!(!corpus.quotes.iter().any(|q| {
        q.span()
            .slice(text)
            .starts_with("described as a reciprocal")
    }));
}

/// Whether a gold span starting at `gold_start` is the cue `cue` (with a relative "who" or "which"
/// before it) followed by the content `content`, only a "that" and spaces between.
fn reproduces(
    text: &str,
    gold_start: usize,
    cue: dateline::model::Span,
    content: dateline::model::Span,
) -> bool {
    let lead = text.get(gold_start..cue.start).unwrap_or("-");
    let lead_ok = matches!(lead.trim(), "" | "who" | "which") && gold_start <= cue.start;
    let gap = text.get(cue.end..content.start).unwrap_or("-").trim();
    lead_ok && cue.end <= content.start && matches!(gap, "" | "that")
}
