//! Per-article extraction records: everything the pipeline found in one article, as plain serde
//! types, so that an extraction can leave the process (`dateline extract` writes them as JSON
//! lines; the cache stores them in binary) and come back to be assembled.
//!
//! The conversions destructure every extraction type field by field, so a field added to a stage's
//! output fails to compile here instead of being dropped silently from shards and the cache.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::actors::DocActor;
use crate::extract::events::{Event, SubPart};
use crate::extract::pipeline::Extraction;
use crate::extract::quotes::Quote;
use crate::extract::segment::{Paragraph, Segments, Sentence};
use crate::extract::temporal::Timex;
use crate::extract::topics::DocTopic;
use crate::model::{
    ActorKind, DateBasis, DateFrom, Document, PartKind, QuoteKind, Span, Status, TimexType, When,
    WhenBasis,
};

/// The `format` of an extraction line.
pub const FORMAT: &str = "dateline-extract/1";

/// Optional dates as `"YYYY-MM-DD"` in JSON and as day numbers in binary forms (the cache),
/// where formatting and parsing text would cost more than the rest of a record.
mod day {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            d.serialize(s)
        } else {
            d.map(|d| d.num_days_from_ce()).serialize(s)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        if d.is_human_readable() {
            Option::<NaiveDate>::deserialize(d)
        } else {
            Option::<i32>::deserialize(d)?
                .map(|n| {
                    NaiveDate::from_num_days_from_ce_opt(n)
                        .ok_or_else(|| serde::de::Error::custom("day out of range"))
                })
                .transpose()
        }
    }
}

/// A byte span as `[start, end]`.
type S = (usize, usize);

fn s(span: Span) -> S {
    (span.start, span.end)
}

fn span((start, end): S) -> Span {
    Span::new(start, end)
}

/// One line of `dateline extract`: an article and what the pipeline found in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub format: String,
    /// The dateline version that wrote it.
    pub version: String,
    /// The fingerprint of the word lists in force (hex), which `assemble` checks.
    pub lists: String,
    pub doc: Doc,
    pub x: XRecord,
}

/// A document as read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    #[serde(with = "day")]
    pub published: Option<NaiveDate>,
    pub date_basis: Basis,
    pub date_from: From_,
    pub summary_only: bool,
    pub text_start: usize,
    pub text: String,
    pub warnings: Vec<String>,
}

/// `DateFrom`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum From_ {
    FrontMatter,
    Jsonl,
    JsonLd,
    OpenGraph,
    Meta,
    TimeElement,
    Url,
    Feed,
    Flag,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Metadata,
    Flag,
    None,
}

impl From<&Document> for Doc {
    fn from(d: &Document) -> Self {
        let Document {
            id,
            path,
            title,
            source,
            url,
            author,
            published,
            date_basis,
            date_from,
            summary_only,
            text_start,
            text,
            warnings,
        } = d.clone();
        Doc {
            id,
            path,
            title,
            source,
            url,
            author,
            published,
            date_basis: match date_basis {
                DateBasis::Metadata => Basis::Metadata,
                DateBasis::Flag => Basis::Flag,
                DateBasis::None => Basis::None,
            },
            date_from: date_from.into(),
            summary_only,
            text_start,
            text,
            warnings,
        }
    }
}

impl From<Doc> for Document {
    fn from(d: Doc) -> Self {
        let Doc {
            id,
            path,
            title,
            source,
            url,
            author,
            published,
            date_basis,
            date_from,
            summary_only,
            text_start,
            text,
            warnings,
        } = d;
        Document {
            id,
            path,
            title,
            source,
            url,
            author,
            published,
            date_basis: match date_basis {
                Basis::Metadata => DateBasis::Metadata,
                Basis::Flag => DateBasis::Flag,
                Basis::None => DateBasis::None,
            },
            date_from: date_from.into(),
            summary_only,
            text_start,
            text,
            warnings,
        }
    }
}

/// An `Extraction`, field by field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct XRecord {
    /// `[start, end, heading]`.
    pub paragraphs: Vec<(usize, usize, bool)>,
    /// `[start, end, paragraph]`.
    pub sentences: Vec<(usize, usize, usize)>,
    pub timexes: Vec<TimexRecord>,
    pub actors: Vec<ActorRecord>,
    pub topics: Vec<TopicRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub events: Vec<EventRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimexRecord {
    pub span: S,
    pub kind: TimexKind,
    pub value: String,
    #[serde(with = "day")]
    pub earliest: Option<NaiveDate>,
    #[serde(with = "day")]
    pub latest: Option<NaiveDate>,
    pub relative: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub name: String,
    pub kind: Kind,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub mentions: Vec<S>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
    Group,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicRecord {
    pub id: String,
    pub label: String,
    pub mentions: Vec<S>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub span: S,
    pub kind: QKind,
    pub cue: Option<S>,
    pub speaker_span: Option<S>,
    pub speakers: Vec<usize>,
    pub parts: Vec<S>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QKind {
    Direct,
    Reported,
    Term,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub span: S,
    #[serde(with = "day")]
    pub earliest: Option<NaiveDate>,
    #[serde(with = "day")]
    pub latest: Option<NaiveDate>,
    pub value: Option<String>,
    pub basis: WBasis,
    pub timex: Option<usize>,
    pub status: EStatus,
    pub actors: Vec<usize>,
    pub topics: Vec<usize>,
    pub quotes: Vec<usize>,
    /// The sub-events: (timex index, kind). Absent from lines written before there were any.
    #[serde(default)]
    pub parts: Vec<(usize, PKind)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PKind {
    Relative,
    Quote,
    Since,
    Participle,
    Subordinate,
    Comparison,
    Reported,
    Modifier,
    Noun,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WBasis {
    Explicit,
    Relative,
    Document,
    Inherited,
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EStatus {
    Past,
    Ongoing,
    Planned,
    Unknown,
}

/// Maps each pair of enums both ways with exhaustive matches.
macro_rules! both_ways {
    ($a:ty, $b:ty, $($x:ident),*) => {
        impl From<$a> for $b {
            fn from(v: $a) -> Self {
                match v { $(<$a>::$x => <$b>::$x),* }
            }
        }
        impl From<$b> for $a {
            fn from(v: $b) -> Self {
                match v { $(<$b>::$x => <$a>::$x),* }
            }
        }
    };
}

both_ways!(TimexType, TimexKind, Date, Time, Duration, Set);
both_ways!(
    DateFrom,
    From_,
    FrontMatter,
    Jsonl,
    JsonLd,
    OpenGraph,
    Meta,
    TimeElement,
    Url,
    Feed,
    Flag,
    None
);
both_ways!(ActorKind, Kind, Person, Organization, Place, Group);
both_ways!(QuoteKind, QKind, Direct, Reported, Term);
both_ways!(
    WhenBasis, WBasis, Explicit, Relative, Document, Inherited, Unknown
);
both_ways!(Status, EStatus, Past, Ongoing, Planned, Unknown);
both_ways!(
    PartKind,
    PKind,
    Relative,
    Quote,
    Since,
    Participle,
    Subordinate,
    Comparison,
    Reported,
    Modifier,
    Noun
);

impl From<&Extraction> for XRecord {
    fn from(x: &Extraction) -> Self {
        let Extraction {
            segments,
            timexes,
            actors,
            topics,
            quotes,
            events,
        } = x;
        let Segments {
            paragraphs,
            sentences,
        } = segments;
        XRecord {
            paragraphs: paragraphs
                .iter()
                .map(|&Paragraph { span, heading }| (span.start, span.end, heading))
                .collect(),
            sentences: sentences
                .iter()
                .map(|&Sentence { span, paragraph }| (span.start, span.end, paragraph))
                .collect(),
            timexes: timexes.iter().map(TimexRecord::from).collect(),
            actors: actors.iter().map(ActorRecord::from).collect(),
            topics: topics.iter().map(TopicRecord::from).collect(),
            quotes: quotes.iter().map(QuoteRecord::from).collect(),
            events: events.iter().map(EventRecord::from).collect(),
        }
    }
}

impl From<&Timex> for TimexRecord {
    fn from(t: &Timex) -> Self {
        let Timex {
            span,
            kind,
            value,
            earliest,
            latest,
            relative,
        } = t;
        TimexRecord {
            span: s(*span),
            kind: (*kind).into(),
            value: value.to_string(),
            earliest: *earliest,
            latest: *latest,
            relative: *relative,
        }
    }
}

impl From<&DocActor> for ActorRecord {
    fn from(a: &DocActor) -> Self {
        let DocActor {
            name,
            kind,
            roles,
            aliases,
            country,
            mentions,
        } = a;
        ActorRecord {
            name: name.clone(),
            kind: (*kind).into(),
            roles: roles.clone(),
            aliases: aliases.clone(),
            country: country.clone(),
            mentions: mentions.iter().copied().map(s).collect(),
        }
    }
}

impl From<&DocTopic> for TopicRecord {
    fn from(t: &DocTopic) -> Self {
        let DocTopic {
            id,
            label,
            mentions,
        } = t;
        TopicRecord {
            id: id.clone(),
            label: label.clone(),
            mentions: mentions.iter().copied().map(s).collect(),
        }
    }
}

impl From<&Quote> for QuoteRecord {
    fn from(q: &Quote) -> Self {
        let Quote {
            span,
            kind,
            cue,
            speaker_span,
            speakers,
            parts,
        } = q;
        QuoteRecord {
            span: s(*span),
            kind: (*kind).into(),
            cue: cue.map(s),
            speaker_span: speaker_span.map(s),
            speakers: speakers.clone(),
            parts: parts.iter().copied().map(s).collect(),
        }
    }
}

impl From<&Event> for EventRecord {
    fn from(e: &Event) -> Self {
        let Event {
            span,
            when,
            status,
            actors,
            topics,
            quotes,
            parts,
        } = e;
        let When {
            earliest,
            latest,
            value,
            basis,
            timex,
        } = when;
        EventRecord {
            span: s(*span),
            earliest: *earliest,
            latest: *latest,
            value: value.clone(),
            basis: (*basis).into(),
            timex: *timex,
            status: (*status).into(),
            actors: actors.clone(),
            topics: topics.clone(),
            quotes: quotes.clone(),
            parts: parts.iter().map(|p| (p.timex, p.kind.into())).collect(),
        }
    }
}

impl XRecord {
    /// Back to an `Extraction`. Indices that point past their lists (a hand-edited or foreign
    /// line) are dropped rather than trusted, so assembling never indexes out of bounds.
    pub fn into_extraction(self) -> Extraction {
        let XRecord {
            paragraphs,
            sentences,
            timexes,
            actors,
            topics,
            quotes,
            events,
        } = self;
        let (n_actors, n_topics, n_quotes) = (actors.len(), topics.len(), quotes.len());
        let n_timexes = timexes.len();
        let keep = |ids: Vec<usize>, n: usize| -> Vec<usize> {
            ids.into_iter().filter(|&i| i < n).collect()
        };
        Extraction {
            segments: Segments {
                paragraphs: paragraphs
                    .into_iter()
                    .map(|(a, b, heading)| Paragraph {
                        span: Span::new(a, b),
                        heading,
                    })
                    .collect(),
                sentences: sentences
                    .into_iter()
                    .map(|(a, b, paragraph)| Sentence {
                        span: Span::new(a, b),
                        paragraph,
                    })
                    .collect(),
            },
            timexes: timexes
                .into_iter()
                .map(|t| Timex {
                    span: span(t.span),
                    kind: t.kind.into(),
                    value: t.value.into(),
                    earliest: t.earliest,
                    latest: t.latest,
                    relative: t.relative,
                })
                .collect(),
            actors: actors
                .into_iter()
                .map(|a| DocActor {
                    name: a.name,
                    kind: a.kind.into(),
                    roles: a.roles,
                    aliases: a.aliases,
                    country: a.country,
                    mentions: a.mentions.into_iter().map(span).collect(),
                })
                .collect(),
            topics: topics
                .into_iter()
                .map(|t| DocTopic {
                    id: t.id,
                    label: t.label,
                    mentions: t.mentions.into_iter().map(span).collect(),
                })
                .collect(),
            quotes: quotes
                .into_iter()
                .map(|q| Quote {
                    span: span(q.span),
                    kind: q.kind.into(),
                    cue: q.cue.map(span),
                    speaker_span: q.speaker_span.map(span),
                    speakers: keep(q.speakers, n_actors),
                    parts: q.parts.into_iter().map(span).collect(),
                })
                .collect(),
            events: events
                .into_iter()
                .map(|e| Event {
                    span: span(e.span),
                    when: When {
                        earliest: e.earliest,
                        latest: e.latest,
                        value: e.value,
                        basis: e.basis.into(),
                        timex: e.timex,
                    },
                    status: e.status.into(),
                    actors: keep(e.actors, n_actors),
                    topics: keep(e.topics, n_topics),
                    quotes: keep(e.quotes, n_quotes),
                    parts: e
                        .parts
                        .into_iter()
                        .filter(|&(t, _)| t < n_timexes)
                        .map(|(timex, kind)| SubPart {
                            timex,
                            kind: kind.into(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
