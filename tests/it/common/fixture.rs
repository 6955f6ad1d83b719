//! Test support: a small hand-made corpus (the seed plus two short notes) with actors, topics, quotes and dates
//! filled in by hand, so the browser is tested against known answers whatever the extraction stages find.

use chrono::NaiveDate;

use dateline::corpus::{
    Actor, Corpus, CorpusEvent, CorpusQuote, CorpusTimex, CorpusWhen, Mention, Topic,
};
use dateline::extract::segment::segment;
use dateline::extract::temporal::Timex;
use dateline::ids::{ActorId, DocId, QuoteId, TopicId};
use dateline::ingest::{IngestOptions, bundled_seed};
use dateline::model::{
    ActorKind, DateBasis, Document, QuoteKind, Span, Status, TimexType, When, WhenBasis,
};
use dateline::text::slug;

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Every word-bounded occurrence of `needle` in `text`.
fn find_all(text: &str, needle: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices(needle) {
        let end = i + needle.len();
        if dateline::text::on_word_boundaries(text, i, end) {
            out.push(Span::new(i, end));
        }
    }
    out
}

fn doc(id: &str, published: Option<&str>, text: &str) -> Document {
    Document {
        id: id.into(),
        path: format!("{id}.txt"),
        published: published.and_then(day),
        date_basis: if published.is_some() {
            DateBasis::Metadata
        } else {
            DateBasis::None
        },
        text: text.into(),
        ..Document::default()
    }
}

/// (time expression, value, earliest, latest, relative, status of its sentence)
type TimeRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    Status,
);

const TIMES: &[TimeRow] = &[
    (
        "November 21–22",
        "2025-11-21/2025-11-22",
        "2025-11-21",
        "2025-11-22",
        false,
        Status::Planned,
    ),
    (
        "last month",
        "2025-10",
        "2025-10-01",
        "2025-10-31",
        true,
        Status::Past,
    ),
    (
        "this week",
        "2025-W47",
        "2025-11-17",
        "2025-11-23",
        true,
        Status::Past,
    ),
    (
        "on December 10",
        "2025-12-10",
        "2025-12-10",
        "2025-12-10",
        false,
        Status::Planned,
    ),
    (
        "on Tuesday",
        "2025-12-02",
        "2025-12-02",
        "2025-12-02",
        true,
        Status::Past,
    ),
];

/// (name, kind, role, country, other surface forms)
type ActorRow = (
    &'static str,
    ActorKind,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const ACTORS: &[ActorRow] = &[
    (
        "Nikol Pashinyan",
        ActorKind::Person,
        "Prime Minister",
        "Armenia",
        &[],
    ),
    (
        "Hakan Fidan",
        ActorKind::Person,
        "Foreign Minister",
        "Turkey",
        &["Fidan"],
    ),
    (
        "Ararat Mirzoyan",
        ActorKind::Person,
        "Foreign Minister",
        "Armenia",
        &[],
    ),
    (
        "Allison Hooker",
        ActorKind::Person,
        "Under Secretary of State",
        "United States",
        &[],
    ),
    (
        "Stella Meghrabyans",
        ActorKind::Person,
        "analyst",
        "Armenia",
        &[],
    ),
    (
        "Arshaluis Mgdesyan",
        ActorKind::Person,
        "analyst",
        "Armenia",
        &[],
    ),
    (
        "Recep Tayyip Erdoğan",
        ActorKind::Person,
        "President",
        "Turkey",
        &["Erdoğan"],
    ),
    ("CivilNet", ActorKind::Organization, "", "Armenia", &[]),
    (
        "Eurasian Economic Union",
        ActorKind::Organization,
        "",
        "",
        &[],
    ),
    ("Armenia", ActorKind::Place, "", "", &[]),
    ("Baku", ActorKind::Place, "", "Azerbaijan", &[]),
    ("Yerevan", ActorKind::Place, "", "Armenia", &[]),
    ("Ankara", ActorKind::Place, "", "Turkey", &[]),
    ("Kazakhstan", ActorKind::Place, "", "", &[]),
    ("Human rights advocates", ActorKind::Group, "", "", &[]),
];

const TOPICS: &[(&str, &str, &[&str])] = &[
    (
        "prisoners",
        "prisoners & detainees",
        &[
            "prisoner",
            "prisoners",
            "detainees",
            "detainee",
            "imprisoned",
        ],
    ),
    ("normalization", "normalization", &["normalization"]),
    (
        "transit",
        "transit & transport",
        &["transit", "transport", "route"],
    ),
];

/// (quoted words, kind, speakers by name)
const QUOTES: &[(&str, QuoteKind, &[&str])] = &[
    (
        "asymmetry of agendas",
        QuoteKind::Direct,
        &["Stella Meghrabyans", "Arshaluis Mgdesyan"],
    ),
    (
        "the most emotionally charged and politically sensitive",
        QuoteKind::Direct,
        &["Stella Meghrabyans", "Arshaluis Mgdesyan"],
    ),
    (
        "alarming signals",
        QuoteKind::Direct,
        &["Human rights advocates"],
    ),
    (
        "the topic is on the agenda of all talks with Washington",
        QuoteKind::Reported,
        &["Nikol Pashinyan"],
    ),
    (
        "Ankara sees no reason to rush normalization with Armenia",
        QuoteKind::Reported,
        &["Hakan Fidan"],
    ),
    (
        "We are ready for a new chapter",
        QuoteKind::Direct,
        &["Recep Tayyip Erdoğan"],
    ),
    (
        "Trump Route for International Peace and Prosperity (TRIPP),",
        QuoteKind::Term,
        &[],
    ),
];

/// The seed, a dated note mentioning Erdoğan and an undated note: dates, actors, topics and quotes
/// as a perfect extraction would give them.
pub fn corpus() -> Corpus {
    let documents = vec![
        bundled_seed(&IngestOptions::default()),
        doc(
            "ankara-note",
            Some("2025-12-02"),
            "Turkish President Recep Tayyip Erdoğan will host Nikol Pashinyan in Ankara on December 10.\n“We are ready for a new chapter,” Erdoğan said on Tuesday.\n",
        ),
        doc(
            "undated-note",
            None,
            "Officials in Yerevan discussed transit routes with visitors from Kazakhstan.\n",
        ),
    ];
    let lex = crate::common::lexicon();
    let mut c = Corpus::default();
    for (name, kind, role, country, forms) in ACTORS {
        let mut mentions = Vec::new();
        for (d, document) in documents.iter().enumerate() {
            let d = DocId::new(d);
            let mut spans = find_all(&document.text, name);
            for f in *forms {
                let more: Vec<Span> = find_all(&document.text, f)
                    .into_iter()
                    .filter(|s| !spans.iter().any(|x| x.overlaps(*s)))
                    .collect();
                spans.extend(more);
            }
            mentions.extend(spans.into_iter().map(|span| Mention::new(d, span)));
        }
        mentions.sort();
        c.actors.push(Actor {
            id: format!("{}:{}", kind.as_str(), slug(name)),
            name: (*name).into(),
            kind: *kind,
            roles: if role.is_empty() {
                vec![]
            } else {
                vec![(*role).into()]
            },
            aliases: forms.iter().map(|s| (*s).to_string()).collect(),
            country: (!country.is_empty()).then(|| (*country).into()),
            mentions,
        });
    }
    for (id, label, words) in TOPICS {
        let mut mentions = Vec::new();
        for (d, document) in documents.iter().enumerate() {
            let d = DocId::new(d);
            for w in *words {
                mentions.extend(
                    find_all(&document.text, w)
                        .into_iter()
                        .map(|span| Mention::new(d, span)),
                );
            }
        }
        mentions.sort();
        c.topics.push(Topic {
            id: (*id).into(),
            label: (*label).into(),
            mentions,
        });
    }
    for (d, document) in documents.iter().enumerate() {
        let d = DocId::new(d);
        for (words, kind, speakers) in QUOTES {
            for span in find_all(&document.text, words) {
                c.quotes.push(CorpusQuote::new(
                    d,
                    span,
                    *kind,
                    None,
                    None,
                    speakers
                        .iter()
                        .filter_map(|n| ACTORS.iter().position(|a| a.0 == *n))
                        .map(ActorId::new),
                ));
            }
        }
        for (words, value, a, b, relative, _) in TIMES {
            for span in find_all(&document.text, words) {
                let timex = Timex {
                    span,
                    kind: TimexType::Date,
                    value: (*value).into(),
                    earliest: day(a),
                    latest: day(b),
                    relative: *relative,
                };
                c.timexes.push(CorpusTimex::new(d, &timex, &mut c.strings));
            }
        }
    }
    for (d, document) in documents.iter().enumerate() {
        let d = DocId::new(d);
        let segs = segment(&document.text, &lex.segment);
        for sentence in &segs.sentences {
            let span = sentence.span;
            let text = span.slice(&document.text);
            let time = TIMES.iter().find(|t| text.contains(t.0));
            let (when, status) = match (time, document.published) {
                (Some((_, value, a, b, relative, status)), _) => (
                    When {
                        earliest: day(a),
                        latest: day(b),
                        value: Some((*value).into()),
                        basis: if *relative {
                            WhenBasis::Relative
                        } else {
                            WhenBasis::Explicit
                        },
                        timex: None,
                    },
                    *status,
                ),
                (None, Some(p)) => (
                    When {
                        earliest: Some(p),
                        latest: Some(p),
                        value: Some(p.format("%Y-%m-%d").to_string()),
                        basis: WhenBasis::Document,
                        timex: None,
                    },
                    if text.contains("currently") {
                        Status::Ongoing
                    } else {
                        Status::Unknown
                    },
                ),
                (None, None) => (When::default(), Status::Unknown),
            };
            let inside =
                |ms: &[Mention]| ms.iter().any(|m| m.doc() == d && span.contains(m.span()));
            let actors: Vec<ActorId> = c
                .actors
                .ids()
                .filter(|&i| inside(&c.actors[i].mentions))
                .collect();
            let topics: Vec<TopicId> = c
                .topics
                .ids()
                .filter(|&i| inside(&c.topics[i].mentions))
                .collect();
            let quotes: Vec<QuoteId> = c
                .quotes
                .ids()
                .filter(|&i| c.quotes[i].doc() == d && c.quotes[i].span().overlaps(span))
                .collect();
            let when = CorpusWhen::new(&when, &mut c.strings);
            c.events.push(CorpusEvent::new(
                d, span, when, status, actors, topics, quotes,
            ));
        }
        c.headings.push(segs.headings().collect());
    }
    c.events.sort_by_key(|e| {
        (
            e.when.earliest.is_none(),
            e.when.earliest,
            e.when.latest,
            e.doc(),
            e.span().start,
        )
    });
    c.documents = documents.into();
    c
}
