//! The items of a corpus: actors, topics, time expressions, quotes and events, each placed by a
//! compact `Mention` (document and span in 12 bytes).

use chrono::NaiveDate;

use super::compact::{Ids, Loc, Strings, Sym, id_list, to_u32};
use crate::extract::temporal::Timex;
use crate::ids::{ActorId, DocId, Id, QuoteId, TopicId};
use crate::model::{ActorKind, PartKind, QuoteKind, Span, Status, TimexType, When, WhenBasis};

/// A span in one document of the corpus, in 12 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    doc: DocId,
    loc: Loc,
}

impl Mention {
    pub fn new(doc: DocId, span: Span) -> Self {
        Mention {
            doc,
            loc: span.into(),
        }
    }

    pub fn doc(&self) -> DocId {
        self.doc
    }

    pub fn span(&self) -> Span {
        self.loc.into()
    }
}

/// One actor of the whole corpus: the same person in two articles is one actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub mentions: Vec<Mention>,
}

/// A time expression; its TIMEX3 value is interned in `Corpus::strings`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusTimex {
    at: Mention,
    pub kind: TimexType,
    pub value: Sym,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    /// The kind of sentence part this expression dates when it is not its event's main clause (a
    /// sub-event of the event whose sentence holds it, issue 14); None for the others.
    pub part: Option<PartKind>,
}

impl CorpusTimex {
    pub fn new(doc: DocId, timex: &Timex, strings: &mut Strings) -> Self {
        CorpusTimex {
            at: Mention::new(doc, timex.span),
            kind: timex.kind,
            value: strings.intern(&timex.value),
            earliest: timex.earliest,
            latest: timex.latest,
            part: None,
        }
    }

    /// A time expression from its stored parts (an export read back, a cached corpus).
    pub fn from_parts(
        doc: DocId,
        span: Span,
        kind: TimexType,
        value: Sym,
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
    ) -> Self {
        CorpusTimex {
            at: Mention::new(doc, span),
            kind,
            value,
            earliest,
            latest,
            part: None,
        }
    }

    pub fn doc(&self) -> DocId {
        self.at.doc()
    }

    pub fn span(&self) -> Span {
        self.at.span()
    }

    /// The same expression in document `doc` (for a corpus cut down to some of its documents).
    pub fn in_doc(&self, doc: DocId) -> Self {
        CorpusTimex {
            at: Mention::new(doc, self.span()),
            ..self.clone()
        }
    }
}

/// A quote, said by `speakers`. Its export id is `q` and its `QuoteId` plus one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusQuote {
    at: Mention,
    pub kind: QuoteKind,
    cue: Option<Loc>,
    speaker_span: Option<Loc>,
    pub(super) speakers: Box<[u32]>,
    /// The quotation runs of a direct quote split by its attribution; empty when it is one run.
    parts: Box<[Loc]>,
}

impl CorpusQuote {
    pub fn new(
        doc: DocId,
        span: Span,
        kind: QuoteKind,
        cue: Option<Span>,
        speaker_span: Option<Span>,
        speakers: impl IntoIterator<Item = ActorId>,
    ) -> Self {
        CorpusQuote {
            at: Mention::new(doc, span),
            kind,
            cue: cue.map(Loc::from),
            speaker_span: speaker_span.map(Loc::from),
            speakers: id_list(speakers),
            parts: Box::default(),
        }
    }

    /// The same quote split into `parts` (“A,” she said, “B.”: the two runs), when there are two
    /// or more.
    pub fn with_parts(mut self, parts: &[Span]) -> Self {
        if parts.len() > 1 {
            self.parts = parts.iter().map(|&p| Loc::from(p)).collect();
        }
        self
    }

    /// The quotation runs of a direct quote, in order: its span alone unless an attribution
    /// splits it; none for a reported statement or a term.
    pub fn parts(&self) -> Vec<Span> {
        match self.kind {
            QuoteKind::Direct if self.parts.is_empty() => vec![self.span()],
            QuoteKind::Direct => self.parts.iter().map(|&p| Span::from(p)).collect(),
            _ => Vec::new(),
        }
    }

    pub fn doc(&self) -> DocId {
        self.at.doc()
    }

    pub fn span(&self) -> Span {
        self.at.span()
    }

    /// The speech verb or attribution cue.
    pub fn cue(&self) -> Option<Span> {
        self.cue.map(Span::from)
    }

    /// Where the speaker is named.
    pub fn speaker_span(&self) -> Option<Span> {
        self.speaker_span.map(Span::from)
    }

    pub fn speakers(&self) -> Ids<'_, ActorId> {
        Ids::new(&self.speakers)
    }
}

/// When an event happened: inclusive calendar bounds plus the TIMEX3 value (interned in
/// `Corpus::strings`) they came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CorpusWhen {
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub value: Option<Sym>,
    pub basis: WhenBasis,
}

impl CorpusWhen {
    pub fn new(when: &When, strings: &mut Strings) -> Self {
        CorpusWhen {
            earliest: when.earliest,
            latest: when.latest,
            value: when.value.as_deref().map(|v| strings.intern(v)),
            basis: when.basis,
        }
    }

    pub fn is_dated(&self) -> bool {
        self.earliest.is_some()
    }
}

/// An event, with the actors, topics and quotes of its sentence. Its export id is `e` and its
/// `EventId` plus one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusEvent {
    at: Mention,
    pub when: CorpusWhen,
    pub status: Status,
    pub(super) n_actors: u32,
    pub(super) n_topics: u32,
    /// The actors, then the topics, then the quotes: one allocation instead of three.
    pub(super) links: Box<[u32]>,
}

impl CorpusEvent {
    pub fn new(
        doc: DocId,
        span: Span,
        when: CorpusWhen,
        status: Status,
        actors: impl IntoIterator<Item = ActorId, IntoIter: ExactSizeIterator>,
        topics: impl IntoIterator<Item = TopicId, IntoIter: ExactSizeIterator>,
        quotes: impl IntoIterator<Item = QuoteId, IntoIter: ExactSizeIterator>,
    ) -> Self {
        let (actors, topics, quotes) = (actors.into_iter(), topics.into_iter(), quotes.into_iter());
        let (n_actors, n_topics) = (actors.len(), topics.len());
        let mut links = Vec::with_capacity(n_actors + n_topics + quotes.len());
        links.extend(actors.map(|a| a.raw()));
        links.extend(topics.map(|t| t.raw()));
        links.extend(quotes.map(|q| q.raw()));
        CorpusEvent {
            at: Mention::new(doc, span),
            when,
            status,
            n_actors: to_u32(n_actors),
            n_topics: to_u32(n_topics),
            links: links.into_boxed_slice(),
        }
    }

    /// An event from its stored links (a cached corpus): `n.0` actors, then `n.1` topics, then
    /// quotes. The caller has checked the counts against `links` and every id.
    pub(crate) fn from_links(
        doc: DocId,
        span: Span,
        when: CorpusWhen,
        status: Status,
        n: (usize, usize),
        links: Box<[u32]>,
    ) -> Self {
        CorpusEvent {
            at: Mention::new(doc, span),
            when,
            status,
            n_actors: to_u32(n.0),
            n_topics: to_u32(n.1),
            links,
        }
    }

    /// The actors, then the topics, then the quotes, as stored.
    pub(crate) fn links(&self) -> &[u32] {
        &self.links
    }

    pub fn doc(&self) -> DocId {
        self.at.doc()
    }

    pub fn span(&self) -> Span {
        self.at.span()
    }

    pub fn actors(&self) -> Ids<'_, ActorId> {
        Ids::new(self.links.get(..self.n_actors as usize).unwrap_or(&[]))
    }

    pub fn topics(&self) -> Ids<'_, TopicId> {
        let (a, t) = (self.n_actors as usize, self.n_topics as usize);
        Ids::new(self.links.get(a..a + t).unwrap_or(&[]))
    }

    pub fn quotes(&self) -> Ids<'_, QuoteId> {
        let from = self.n_actors as usize + self.n_topics as usize;
        Ids::new(self.links.get(from..).unwrap_or(&[]))
    }

    pub(super) fn set_links(&mut self, actors: &[u32], topics: &[u32], quotes: &[u32]) {
        self.n_actors = to_u32(actors.len());
        self.n_topics = to_u32(topics.len());
        self.links = [actors, topics, quotes].concat().into_boxed_slice();
    }
}
