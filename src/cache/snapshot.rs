//! The assembled corpus without its documents, in flat columns: what makes reopening an unchanged
//! archive cost a read instead of an extraction.
//!
//! Every list is a column of little-endian numbers (a u64 count, then the values), every list of
//! lists an offsets column beside one flat column, every set of strings an offsets column beside
//! one blob. Reading is then a bounds check and a copy per item, straight into the corpus's own
//! types: the serde form read before (a `Vec` per event, per mention list, per string, then each
//! converted again) was half of reopening 100 MB of articles (issue 18).
//!
//! It is written from the corpus itself (`write`), streamed to the cache file column by column, so
//! no second copy of the corpus is ever built (issue 16.2). Every count, offset, document index,
//! span, list index and symbol read back is checked, so a file that does not fit the articles is
//! refused rather than trusted, and no byte sequence can make the reader panic or allocate more
//! than the file's size suggests.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};

use crate::corpus::{
    Actor, Corpus, CorpusEvent, CorpusQuote, CorpusTimex, CorpusWhen, Happenings, Mention, Strings,
    Sym, Topic,
};
use crate::ids::{ActorId, DocId, Id, IdVec, QuoteId, TopicId};
use crate::model::{ActorKind, Document, PartKind, QuoteKind, Span, Status, TimexType, WhenBasis};

const TIMEX: [TimexType; 4] = [
    TimexType::Date,
    TimexType::Time,
    TimexType::Duration,
    TimexType::Set,
];
const QUOTE: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Reported, QuoteKind::Term];
const STATUS: [Status; 4] = [
    Status::Past,
    Status::Ongoing,
    Status::Planned,
    Status::Unknown,
];
const BASIS: [WhenBasis; 5] = [
    WhenBasis::Explicit,
    WhenBasis::Relative,
    WhenBasis::Document,
    WhenBasis::Inherited,
    WhenBasis::Unknown,
];

/// No day: outside chrono's calendar, so never a real day's number.
const NO_DAY: u32 = i32::MIN as u32;
/// No span, no document: past any span of a document (documents are capped far below 4 GiB).
const NONE: u32 = u32::MAX;

fn code<T: PartialEq>(all: &[T], v: &T) -> u32 {
    all.iter().position(|x| x == v).unwrap_or(0) as u32
}

fn decode<T: Copy>(all: &[T], c: u32) -> Result<T, String> {
    all.get(c as usize)
        .copied()
        .ok_or_else(|| format!("bad code {c}"))
}

fn day(d: Option<NaiveDate>) -> u32 {
    use chrono::Datelike;
    d.map_or(NO_DAY, |d| d.num_days_from_ce() as u32)
}

/// `Span` as two numbers.
fn ends(s: Span) -> [u32; 2] {
    [s.start as u32, s.end as u32]
}

fn place(doc: DocId, s: Span) -> [u32; 3] {
    [doc.raw(), s.start as u32, s.end as u32]
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes columns.
struct Out<'a, W: Write>(&'a mut W);

impl<W: Write> Out<'_, W> {
    fn count(&mut self, n: usize) -> io::Result<()> {
        self.0.write_all(&(n as u64).to_le_bytes())
    }

    /// A column of `n` numbers.
    fn u32s(&mut self, n: usize, items: impl IntoIterator<Item = u32>) -> io::Result<()> {
        self.count(n)?;
        let mut written = 0usize;
        let mut buf = [0u8; 4096];
        let mut at = 0;
        for x in items {
            buf[at..at + 4].copy_from_slice(&x.to_le_bytes());
            at += 4;
            written += 1;
            if at == buf.len() {
                self.0.write_all(&buf)?;
                at = 0;
            }
        }
        self.0.write_all(&buf[..at])?;
        if written != n {
            return Err(io::Error::other("a snapshot column changed length"));
        }
        Ok(())
    }

    /// A column of `n` tuples of `K` numbers, flattened.
    fn tuples<const K: usize>(
        &mut self,
        n: usize,
        items: impl IntoIterator<Item = [u32; K]>,
    ) -> io::Result<()> {
        self.u32s(n * K, items.into_iter().flatten())
    }

    /// The offsets of `n` lists of lengths `lens` in one column: 0, then the running sum.
    fn offsets(&mut self, n: usize, lens: impl IntoIterator<Item = usize>) -> io::Result<()> {
        let mut at = 0usize;
        let running = lens.into_iter().map(move |l| {
            at += l;
            u32::try_from(at).unwrap_or(u32::MAX)
        });
        self.u32s(n + 1, std::iter::once(0).chain(running))
    }

    /// `n` lists of tuples of `K` numbers: their offsets, then all of them.
    fn lists<const K: usize, L, I>(&mut self, n: usize, lists: impl Fn() -> L) -> io::Result<()>
    where
        L: Iterator<Item = I>,
        I: ExactSizeIterator<Item = [u32; K]>,
    {
        self.offsets(n, lists().map(|l| l.len()))?;
        let total = lists().map(|l| l.len()).sum();
        self.tuples(total, lists().flatten())
    }

    /// `n` strings: their offsets in one blob, then the blob.
    fn strings<'s, S>(&mut self, n: usize, strings: impl Fn() -> S) -> io::Result<()>
    where
        S: Iterator<Item = &'s str>,
    {
        let total: usize = strings().map(str::len).sum();
        if u32::try_from(total).is_err() {
            return Err(io::Error::other("snapshot strings over 4 GiB"));
        }
        self.offsets(n, strings().map(str::len))?;
        self.count(total)?;
        for s in strings() {
            self.0.write_all(s.as_bytes())?;
        }
        Ok(())
    }
}

/// Streams the snapshot of `c` to `w`, column by column from the corpus itself.
pub fn write<W: Write>(c: &Corpus, w: &mut W) -> io::Result<()> {
    let mut o = Out(w);
    let n_docs = c.documents.len();
    o.count(n_docs)?;
    o.lists(n_docs, || {
        c.headings.iter().map(|h| h.iter().map(|&s| ends(s)))
    })?;

    // Interned strings (TIMEX3 values), in symbol order.
    o.count(c.strings.len())?;
    o.strings(c.strings.len(), || c.strings.iter())?;

    let t = &c.timexes;
    o.count(t.len())?;
    o.tuples(t.len(), t.iter().map(|t| place(t.doc(), t.span())))?;
    o.tuples(
        t.len(),
        t.iter().map(|t| {
            // The kind in the low four bits, the sub-event's part above them (0 for none).
            let part = t.part.map_or(0, |p| code(&PartKind::ALL, &p) + 1);
            [
                code(&TIMEX, &t.kind) | part << 4,
                t.value.raw(),
                day(t.earliest),
                day(t.latest),
            ]
        }),
    )?;

    let a = &c.actors;
    let n = a.len();
    o.count(n)?;
    o.strings(n, || a.iter().map(|a| a.id.as_str()))?;
    o.strings(n, || a.iter().map(|a| a.name.as_str()))?;
    o.u32s(n, a.iter().map(|a| code(&ActorKind::ALL, &a.kind)))?;
    let lists: [fn(&Actor) -> &[String]; 2] = [|a| &a.roles, |a| &a.aliases];
    for list in lists {
        o.offsets(n, a.iter().map(|a| list(a).len()))?;
        let all = a.iter().map(|a| list(a).len()).sum();
        o.count(all)?;
        o.strings(all, || a.iter().flat_map(list).map(String::as_str))?;
    }
    o.u32s(n, a.iter().map(|a| u32::from(a.country.is_some())))?;
    o.strings(n, || a.iter().map(|a| a.country.as_deref().unwrap_or("")))?;
    o.lists(n, || {
        a.iter()
            .map(|a| a.mentions.iter().map(|m| place(m.doc(), m.span())))
    })?;

    let tp = &c.topics;
    o.count(tp.len())?;
    o.strings(tp.len(), || tp.iter().map(|t| t.id.as_str()))?;
    o.strings(tp.len(), || tp.iter().map(|t| t.label.as_str()))?;
    o.lists(tp.len(), || {
        tp.iter()
            .map(|t| t.mentions.iter().map(|m| place(m.doc(), m.span())))
    })?;

    let q = &c.quotes;
    let opt = |s: Option<Span>| s.map_or([NONE, NONE], ends);
    o.count(q.len())?;
    o.tuples(q.len(), q.iter().map(|q| place(q.doc(), q.span())))?;
    o.tuples(
        q.len(),
        q.iter().map(|q| {
            let [a, b] = opt(q.cue());
            let [c, d] = opt(q.speaker_span());
            [code(&QUOTE, &q.kind), a, b, c, d]
        }),
    )?;
    o.lists(q.len(), || {
        q.iter().map(|q| q.speakers().raw().iter().map(|&a| [a]))
    })?;
    // Only a split quote keeps its runs.
    let runs = |q: &CorpusQuote| match q.parts() {
        p if p.len() > 1 => p,
        _ => Vec::new(),
    };
    o.lists(q.len(), || q.iter().map(|q| runs(q).into_iter().map(ends)))?;

    // Events, with their links as stored (actors, then topics, then quotes).
    let e = &c.events;
    o.count(e.len())?;
    o.tuples(e.len(), e.iter().map(|e| place(e.doc(), e.span())))?;
    o.tuples(
        e.len(),
        e.iter().map(|e| {
            [
                day(e.when.earliest),
                day(e.when.latest),
                e.when.value.map_or(0, Sym::raw),
                code(&BASIS, &e.when.basis),
                code(&STATUS, &e.status),
                e.actors().len() as u32,
                e.topics().len() as u32,
            ]
        }),
    )?;
    o.lists(e.len(), || e.iter().map(|e| e.links().iter().map(|&l| [l])))?;

    // The happening of each event, the copy of each document (comparing texts again costs more
    // than the rest of a reopen).
    o.u32s(
        e.len(),
        e.ids()
            .map(|id| c.happening_of(id).map_or(NONE, |h| h.raw())),
    )?;
    o.u32s(
        n_docs,
        c.documents
            .ids()
            .map(|d| c.happenings.duplicate_of(d).map_or(NONE, |o| o.raw())),
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Reading

/// The number in 4 little-endian bytes.
fn number(b: &[u8]) -> u32 {
    u32::from_le_bytes(b.try_into().unwrap_or_default())
}

/// A column of little-endian u32s, borrowed from the snapshot's bytes.
#[derive(Clone, Copy)]
struct U32s<'a>(&'a [u8]);

impl<'a> U32s<'a> {
    fn len(self) -> usize {
        self.0.len() / 4
    }

    fn iter(self) -> impl ExactSizeIterator<Item = u32> + 'a {
        self.0.chunks_exact(4).map(number)
    }

    /// Tuples of `K`.
    fn tuples<const K: usize>(self) -> impl ExactSizeIterator<Item = [u32; K]> + 'a {
        self.0.chunks_exact(4 * K).map(|b| {
            let mut t = [0u32; K];
            for (x, b) in t.iter_mut().zip(b.chunks_exact(4)) {
                *x = number(b);
            }
            t
        })
    }

    /// Number `i` (0 when out of range, which the readers' checks rule out).
    fn at(self, i: usize) -> u32 {
        self.0.get(i * 4..i * 4 + 4).map_or(0, number)
    }

    fn last(self) -> u32 {
        self.at(self.len().wrapping_sub(1))
    }

    /// Items `from..to`, in numbers (empty when out of range).
    fn slice(self, from: usize, to: usize) -> U32s<'a> {
        U32s(self.0.get(from * 4..to * 4).unwrap_or(&[]))
    }

    /// As offsets: the range of list `i`.
    fn range(self, i: usize) -> std::ops::Range<usize> {
        self.at(i) as usize..self.at(i + 1) as usize
    }
}

/// Lists of tuples of `k` numbers: offsets checked to rise from 0 to the flat column's end.
#[derive(Clone, Copy)]
struct Lists<'a> {
    offsets: U32s<'a>,
    flat: U32s<'a>,
    k: usize,
}

impl<'a> Lists<'a> {
    /// List `i`, flattened; `i` is below the number of lists (checked when read).
    fn get(&self, i: usize) -> U32s<'a> {
        let r = self.offsets.range(i);
        self.flat.slice(r.start * self.k, r.end * self.k)
    }
}

/// Strings: offsets checked to rise from 0 to the blob's end, each on a character boundary.
struct Texts<'a> {
    offsets: U32s<'a>,
    blob: &'a str,
}

impl<'a> Texts<'a> {
    fn get(&self, i: usize) -> &'a str {
        self.blob.get(self.offsets.range(i)).unwrap_or("")
    }
}

type Bad = String;

fn bad() -> Bad {
    "does not fit these articles".into()
}

/// The snapshot's bytes, read from the front.
struct Cols<'a>(&'a [u8]);

impl<'a> Cols<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Bad> {
        if n > self.0.len() {
            return Err("cut short".into());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn count(&mut self) -> Result<usize, Bad> {
        let b = self.take(8)?;
        let n = u64::from_le_bytes(b.try_into().map_err(|_| bad())?);
        usize::try_from(n).map_err(|_| bad())
    }

    /// A column of numbers, checked to hold `want` of them when given. The bytes are there before
    /// anything is made of them, so a damaged count cannot ask for more memory than the file has.
    fn u32s(&mut self, want: Option<usize>) -> Result<U32s<'a>, Bad> {
        let n = self.count()?;
        if want.is_some_and(|w| w != n) {
            return Err(bad());
        }
        let bytes = n.checked_mul(4).ok_or_else(bad)?;
        Ok(U32s(self.take(bytes)?))
    }

    /// `n` tuples of `K`, flattened.
    fn tuples<const K: usize>(&mut self, n: usize) -> Result<U32s<'a>, Bad> {
        self.u32s(Some(n.checked_mul(K).ok_or_else(bad)?))
    }

    /// Offsets of `n` lists: 0 first, never falling (and `total` last, when given).
    fn offsets(&mut self, n: usize, total: Option<usize>) -> Result<U32s<'a>, Bad> {
        let off = self.u32s(Some(n.checked_add(1).ok_or_else(bad)?))?;
        let mut prev = 0u32;
        for (i, x) in off.iter().enumerate() {
            if (i == 0 && x != 0) || x < prev {
                return Err(bad());
            }
            prev = x;
        }
        if total.is_some_and(|t| t != prev as usize) {
            return Err(bad());
        }
        Ok(off)
    }

    /// `n` lists of tuples of `k`.
    fn lists(&mut self, n: usize, k: usize) -> Result<Lists<'a>, Bad> {
        let offsets = self.offsets(n, None)?;
        let items = (offsets.last() as usize).checked_mul(k).ok_or_else(bad)?;
        let flat = self.u32s(Some(items))?;
        Ok(Lists { offsets, flat, k })
    }

    /// `n` lists of strings: their offsets among all the strings, then those.
    fn string_lists(&mut self, n: usize) -> Result<(U32s<'a>, Texts<'a>), Bad> {
        let off = self.offsets(n, None)?;
        let all = self.count()?;
        if off.last() as usize != all {
            return Err(bad());
        }
        Ok((off, self.texts(all)?))
    }

    /// `n` strings.
    fn texts(&mut self, n: usize) -> Result<Texts<'a>, Bad> {
        let offsets = self.offsets(n, None)?;
        let len = self.count()?;
        if offsets.last() as usize != len {
            return Err(bad());
        }
        let blob = std::str::from_utf8(self.take(len)?).map_err(|_| bad())?;
        if offsets.iter().any(|o| !blob.is_char_boundary(o as usize)) {
            return Err(bad());
        }
        Ok(Texts { offsets, blob })
    }
}

/// Day numbers to dates, remembering the last few (events come in date order, and a document's
/// time expressions share their days): chrono's conversion was a tenth of the reading.
struct Days([(u32, Option<NaiveDate>); 256]);

impl Days {
    fn new() -> Days {
        Days([(NO_DAY, None); 256])
    }

    /// The day numbered `n` (`NO_DAY`: none).
    fn get(&mut self, n: u32) -> Result<Option<NaiveDate>, Bad> {
        if n == NO_DAY {
            return Ok(None);
        }
        let slot = &mut self.0[(n & 255) as usize];
        if slot.0 == n {
            return Ok(slot.1);
        }
        let d = NaiveDate::from_num_days_from_ce_opt(n as i32)
            .ok_or_else(|| format!("bad day {}", n as i32))?;
        *slot = (n, Some(d));
        Ok(Some(d))
    }
}

/// The corpus of `documents` the snapshot `bytes` was taken of. Every document index, span, list
/// index and symbol is checked, so a snapshot that does not fit these documents is refused rather
/// than trusted. On refusal the documents are handed back with the reason, to be built from
/// instead.
pub fn read(bytes: &[u8], documents: Vec<Document>) -> Result<Corpus, (String, Vec<Document>)> {
    let lens: Vec<usize> = documents.iter().map(|d| d.text.len()).collect();
    match fit(bytes, &lens) {
        Ok((mut corpus, happening_of, duplicate_of)) => {
            corpus.documents = documents.into();
            corpus.happenings = Happenings::from_known(&corpus, happening_of, duplicate_of);
            Ok(corpus)
        }
        Err(e) => Err((e, documents)),
    }
}

/// What `fit` gives: the corpus without documents, the happening of each event, the document each
/// document copies.
type Fitted = (Corpus, Vec<u32>, IdVec<DocId, Option<DocId>>);

/// The corpus without its documents and happenings, for documents of lengths `lens`.
fn fit(bytes: &[u8], lens: &[usize]) -> Result<Fitted, Bad> {
    let mut r = Cols(bytes);
    let n_docs = lens.len();
    if r.count()? != n_docs {
        return Err("made for another set of articles".into());
    }
    let span_in = |d: usize, a: u32, b: u32| -> Result<Span, Bad> {
        (a <= b && lens.get(d).is_some_and(|&len| b as usize <= len))
            .then(|| Span::new(a as usize, b as usize))
            .ok_or_else(bad)
    };
    let at = |[d, a, b]: [u32; 3]| -> Result<(DocId, Span), Bad> {
        Ok((DocId::new(d as usize), span_in(d as usize, a, b)?))
    };
    let opt_span = |d: usize, a: u32, b: u32| -> Result<Option<Span>, Bad> {
        if (a, b) == (NONE, NONE) {
            Ok(None)
        } else {
            span_in(d, a, b).map(Some)
        }
    };
    let all_below = |ids: U32s<'_>, n: usize| ids.iter().all(|i| (i as usize) < n);
    let mut days = Days::new();

    let heads = r.lists(n_docs, 2)?;
    let mut headings = IdVec::with_capacity(n_docs);
    for d in 0..n_docs {
        let spans = heads
            .get(d)
            .tuples::<2>()
            .map(|[a, b]| span_in(d, a, b))
            .collect::<Result<Box<[Span]>, Bad>>()?;
        headings.push(spans);
    }

    let n_strings = r.count()?;
    let texts = r.texts(n_strings)?;
    let mut strings = Strings::default();
    for i in 0..n_strings {
        strings.intern(texts.get(i));
    }
    if strings.len() != n_strings {
        return Err("repeated strings".into());
    }
    let sym = |n: u32| -> Result<Sym, Bad> {
        if n == 0 || n as usize > n_strings {
            return Err(bad());
        }
        Sym::from_raw(n).ok_or_else(bad)
    };

    let n = r.count()?;
    let places = r.tuples::<3>(n)?;
    let rest = r.tuples::<4>(n)?;
    let mut timexes = Vec::with_capacity(n);
    for (p, [kind, value, earliest, latest]) in places.tuples::<3>().zip(rest.tuples::<4>()) {
        let (d, span) = at(p)?;
        let mut timex = CorpusTimex::from_parts(
            d,
            span,
            decode(&TIMEX, kind & 15)?,
            sym(value)?,
            days.get(earliest)?,
            days.get(latest)?,
        );
        timex.part = match kind >> 4 {
            0 => None,
            p => Some(decode(&PartKind::ALL, p - 1)?),
        };
        timexes.push(timex);
    }

    let mentions = |list: U32s<'_>| -> Result<Vec<Mention>, Bad> {
        let mut out = Vec::with_capacity(list.len() / 3);
        for p in list.tuples::<3>() {
            let (d, s) = at(p)?;
            out.push(Mention::new(d, s));
        }
        Ok(out)
    };

    let n_actors = r.count()?;
    let ids = r.texts(n_actors)?;
    let names = r.texts(n_actors)?;
    let kinds = r.u32s(Some(n_actors))?;
    let (role_off, roles) = r.string_lists(n_actors)?;
    let (alias_off, aliases) = r.string_lists(n_actors)?;
    let has_country = r.u32s(Some(n_actors))?;
    let countries = r.texts(n_actors)?;
    let actor_mentions = r.lists(n_actors, 3)?;
    let mut actors: IdVec<ActorId, Actor> = IdVec::with_capacity(n_actors);
    for (i, (kind, country)) in kinds.iter().zip(has_country.iter()).enumerate() {
        actors.push(Actor {
            id: ids.get(i).to_owned(),
            name: names.get(i).to_owned(),
            kind: decode(&ActorKind::ALL, kind)?,
            roles: role_off.range(i).map(|j| roles.get(j).to_owned()).collect(),
            aliases: alias_off
                .range(i)
                .map(|j| aliases.get(j).to_owned())
                .collect(),
            country: (country != 0).then(|| countries.get(i).to_owned()),
            mentions: mentions(actor_mentions.get(i))?,
        });
    }

    let n_topics = r.count()?;
    let ids = r.texts(n_topics)?;
    let labels = r.texts(n_topics)?;
    let topic_mentions = r.lists(n_topics, 3)?;
    let mut topics: IdVec<TopicId, Topic> = IdVec::with_capacity(n_topics);
    for i in 0..n_topics {
        topics.push(Topic {
            id: ids.get(i).to_owned(),
            label: labels.get(i).to_owned(),
            mentions: mentions(topic_mentions.get(i))?,
        });
    }

    let n_quotes = r.count()?;
    let places = r.tuples::<3>(n_quotes)?;
    let rest = r.tuples::<5>(n_quotes)?;
    let speakers = r.lists(n_quotes, 1)?;
    let runs = r.lists(n_quotes, 2)?;
    let mut quotes: IdVec<QuoteId, CorpusQuote> = IdVec::with_capacity(n_quotes);
    let mut parts = Vec::new();
    for (i, (p, [kind, ca, cb, sa, sb])) in places.tuples::<3>().zip(rest.tuples::<5>()).enumerate()
    {
        let (d, span) = at(p)?;
        let said = speakers.get(i);
        if !all_below(said, n_actors) {
            return Err(bad());
        }
        parts.clear();
        for [a, b] in runs.get(i).tuples::<2>() {
            parts.push(span_in(d.index(), a, b)?);
        }
        quotes.push(
            CorpusQuote::new(
                d,
                span,
                decode(&QUOTE, kind)?,
                opt_span(d.index(), ca, cb)?,
                opt_span(d.index(), sa, sb)?,
                said.iter().map(ActorId::from_raw),
            )
            .with_parts(&parts),
        );
    }

    let n_events = r.count()?;
    let places = r.tuples::<3>(n_events)?;
    let rest = r.tuples::<7>(n_events)?;
    let links = r.lists(n_events, 1)?;
    let mut events = IdVec::with_capacity(n_events);
    for (i, (p, [earliest, latest, value, basis, status, na, nt])) in
        places.tuples::<3>().zip(rest.tuples::<7>()).enumerate()
    {
        let (d, span) = at(p)?;
        let l = links.get(i);
        let (na, nt) = (na as usize, nt as usize);
        if na.checked_add(nt).is_none_or(|n| n > l.len())
            || !all_below(l.slice(0, na), n_actors)
            || !all_below(l.slice(na, na + nt), n_topics)
            || !all_below(l.slice(na + nt, l.len()), n_quotes)
        {
            return Err(bad());
        }
        let when = CorpusWhen {
            earliest: days.get(earliest)?,
            latest: days.get(latest)?,
            value: if value == 0 { None } else { Some(sym(value)?) },
            basis: decode(&BASIS, basis)?,
        };
        events.push(CorpusEvent::from_links(
            d,
            span,
            when,
            decode(&STATUS, status)?,
            (na, nt),
            l.iter().collect(),
        ));
    }

    // A happening is a group of events, numbered below their count (a larger number would ask
    // the grouping for a list that long).
    let happening_of = r.u32s(Some(n_events))?;
    if !all_below(happening_of, n_events) {
        return Err(bad());
    }
    let happening_of: Vec<u32> = happening_of.iter().collect();
    let mut duplicate_of = IdVec::with_capacity(n_docs);
    for d in r.u32s(Some(n_docs))?.iter() {
        duplicate_of.push(match d {
            NONE => None,
            d if (d as usize) < n_docs => Some(DocId::new(d as usize)),
            _ => return Err(bad()),
        });
    }
    if !r.0.is_empty() {
        return Err(bad());
    }
    let corpus = Corpus {
        headings,
        timexes,
        actors,
        topics,
        quotes,
        events,
        strings,
        ..Corpus::default()
    };
    Ok((corpus, happening_of, duplicate_of))
}

// ---------------------------------------------------------------------------------------------

/// A sequence serialised from the iterator `F` makes, never collected. Serialises like a `Vec`
/// (the extraction records' streamed writer, `record.rs`).
pub(super) struct Seq<F>(pub(super) F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: ExactSizeIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = (self.0)();
        let mut seq = s.serialize_seq(Some(items.len()))?;
        for x in items {
            seq.serialize_element(&x)?;
        }
        seq.end()
    }
}
