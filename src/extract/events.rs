//! Events: one per sentence that reports something, with when it happened, its status and participants.

mod cues;
mod parts;

use std::cell::Cell;

use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use chrono::{Datelike, NaiveDate};
use cues::{CueTable, dfa_occurrences};

use super::DocInput;
use super::actors::DocActor;
use super::quotes::Quote;
use super::segment::Sentence;
use super::temporal::Timex;
use super::topics::DocTopic;
use crate::assets::{Assets, name};
use crate::model::{PartKind, QuoteKind, Span, Status, TimexType, When, WhenBasis};
use crate::text::on_word_boundaries;

/// An event in one document. `actors`, `topics` and `quotes` index the document's lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub span: Span,
    pub when: When,
    pub status: Status,
    pub actors: Vec<usize>,
    pub topics: Vec<usize>,
    pub quotes: Vec<usize>,
    /// The dated parts of the sentence that carry their own event (a relative clause, a
    /// participial phrase, a modifier …), which did not date this one: its sub-events, in text
    /// order.
    pub parts: Vec<SubPart>,
}

/// A sub-event: a time expression of the sentence that dates a part of it, not its main clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubPart {
    /// Index of the expression in the document's timexes; its span and `When` are the part's.
    pub timex: usize,
    pub kind: PartKind,
}

/// Status cues and anaphora that carry a time over from the sentence before.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// The status cues, then the words that date an event vaguely before the publication ("her
    /// recent visit"), in one automaton that reports every occurrence: one pass over the text
    /// serves both lists. Run by `cue_hits`' own loop over its states: the overlapping iterator
    /// costs several times more per byte.
    cues: DFA,
    /// The same automaton as a compact table, when it fits one: the fastest loop.
    cue_table: Option<CueTable>,
    /// The status of each status cue; cue patterns from `status_of.len()` on are vague-past words.
    status_of: Vec<Status>,
    anaphora: AhoCorasick,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::load(&Assets::default())
    }
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        let mut phrases = Vec::new();
        let mut status_of = Vec::new();
        for line in assets.lines(name::STATUS_CUES_TXT) {
            let Some((status, phrase)) = line.split_once('\t') else {
                continue;
            };
            let status = match status.trim() {
                "planned" => Status::Planned,
                "ongoing" => Status::Ongoing,
                "past" => Status::Past,
                _ => continue,
            };
            // An empty phrase would match at every byte.
            let phrase = phrase.trim().to_lowercase();
            if phrase.is_empty() {
                continue;
            }
            phrases.push(phrase);
            status_of.push(status);
        }
        let anaphora: Vec<String> = assets
            .lines(name::EVENT_ANAPHORA_TXT)
            .map(str::to_lowercase)
            .collect();
        // Data lines are never blank, so no phrase is empty (one would match everywhere).
        phrases.extend(
            assets
                .lines(name::TEMPORAL_VAGUE_PAST_TXT)
                .map(str::to_lowercase)
                .filter(|p| !p.is_empty()),
        );
        // No prefilter: then only dead and match states are special.
        let cues = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&phrases)
            .expect("plain phrase lists always build");
        Lexicon {
            cue_table: CueTable::new(&cues),
            cues,
            status_of,
            anaphora: build(&anaphora),
        }
    }
}

fn build(patterns: &[String]) -> AhoCorasick {
    // A DFA: these lists are small, and it is the fastest kind to run over every document.
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .expect("plain phrase lists always build")
}

/// Builds one event per sentence from the items of the stages before; sentences without a time
/// take the publication date.
pub fn build_events(
    input: &DocInput<'_>,
    timexes: &[Timex],
    actors: &[DocActor],
    topics: &[DocTopic],
    quotes: &[Quote],
    lex: &Lexicon,
) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::with_capacity(input.segments.sentences.len());
    let mut prev_paragraph = usize::MAX;
    let doc_time = document_time(input.published);
    // The phrase lists are matched once over the whole text, not per sentence: no phrase holds
    // the punctuation and space that part two sentences, so the matches are the same.
    let (status_hits, vague_hits) = cue_hits(lex, input.text);
    let (mut next_status, mut next_vague) = (0, 0);
    let sentences = &input.segments.sentences;
    let mut actors = per_sentence(
        sentences,
        actors.iter().map(|a| a.mentions.as_slice()),
        Fit::Inside,
    );
    let mut topics = per_sentence(
        sentences,
        topics.iter().map(|t| t.mentions.as_slice()),
        Fit::Inside,
    );
    let clauses = Clauses::new(input.text, timexes, quotes);
    let mut quotes = per_sentence(
        sentences,
        quotes.iter().map(|q| std::slice::from_ref(&q.span)),
        Fit::Overlaps,
    );
    for (k, sentence) in sentences.iter().enumerate() {
        let span = sentence.span;
        let text = span.slice(input.text);
        let statuses = inside(&status_hits, &mut next_status, span);
        let vague = inside(&vague_hits, &mut next_vague, span);
        let mut parts = Vec::new();
        let mut when = governing_time(timexes, &clauses, span, &doc_time, &mut parts);
        if when.is_none()
            && sentence.paragraph == prev_paragraph
            && let Some(prev) = events.last()
            && matches!(prev.when.basis, WhenBasis::Explicit | WhenBasis::Relative)
            && continues_previous(text, lex)
        {
            when = Some(When {
                basis: WhenBasis::Inherited,
                timex: None,
                ..prev.when.clone()
            });
        }
        if when.is_none() && !vague.is_empty() {
            when = vague_past(&doc_time);
        }
        let when = when.unwrap_or_else(|| doc_time.clone());
        let status = status_of(statuses, &when, input.published, lex);
        events.push(Event {
            span,
            status,
            actors: std::mem::take(&mut actors[k]),
            topics: std::mem::take(&mut topics[k]),
            quotes: std::mem::take(&mut quotes[k]),
            when,
            parts,
        });
        prev_paragraph = sentence.paragraph;
    }
    events
}

/// The whole-word status cues and vague-past words of `text`, as (start, end, pattern in its
/// list): the matches a leftmost-longest search of each list alone would give, from one pass.
fn cue_hits(lex: &Lexicon, text: &str) -> (Vec<Hit>, Vec<Hit>) {
    let statuses = lex.status_of.len();
    let (mut status, mut vague) = (Vec::new(), Vec::new());
    let mut push = |start: usize, end: usize, p: usize| match p.checked_sub(statuses) {
        None => status.push((start, end, p)),
        Some(v) => vague.push((start, end, v)),
    };
    match &lex.cue_table {
        Some(table) => table.occurrences(text.as_bytes(), &mut push),
        None => dfa_occurrences(&lex.cues, text.as_bytes(), &mut push),
    }
    (
        leftmost_longest(status, text),
        leftmost_longest(vague, text),
    )
}

type Hit = (usize, usize, usize);

/// From every occurrence, the ones a leftmost-longest search reports (the leftmost start, there
/// the longest, then the first pattern; the next search resumes at its end), kept when they stand
/// on word boundaries.
fn leftmost_longest(mut all: Vec<Hit>, text: &str) -> Vec<Hit> {
    all.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
    let mut at = 0;
    all.retain(|&(s, e, _)| {
        if s < at {
            return false;
        }
        at = e;
        on_word_boundaries(text, s, e)
    });
    all
}

/// The hits inside `span`; `next` is the first hit not before an earlier span (spans come in order).
fn inside<'h>(hits: &'h [Hit], next: &mut usize, span: Span) -> &'h [Hit] {
    while *next < hits.len() && hits[*next].0 < span.start {
        *next += 1;
    }
    let mut end = *next;
    while end < hits.len() && hits[end].1 <= span.end {
        end += 1;
    }
    &hits[*next..end]
}

fn document_time(published: Option<NaiveDate>) -> When {
    // TIMEX3 writes years 0000 to 9999 (issue 16.8): a publication date beyond dates nothing.
    match published.filter(|d| (0..=9999).contains(&d.year())) {
        Some(d) => When {
            earliest: Some(d),
            latest: Some(d),
            value: Some(d.format("%Y-%m-%d").to_string()),
            basis: WhenBasis::Document,
            timex: None,
        },
        None => When::default(),
    }
}

/// The time expression that dates the sentence: the first calendar one, else a present/past
/// reference, else none; an expression that dates a part of the sentence only (`Clauses::own`)
/// does not count.
///
/// The expressions come in text order, so the ones inside `span` are found by a binary search:
/// the stage is O(n log n) in the size of a document, where a scan of every expression for every
/// sentence was quadratic (issue 16: 82 s for one 16 MB article).
fn governing_time(
    timexes: &[Timex],
    clauses: &Clauses<'_>,
    span: Span,
    doc_time: &When,
    parts: &mut Vec<SubPart>,
) -> Option<When> {
    let from = if clauses.ordered {
        timexes.partition_point(|t| t.span.start < span.start)
    } else {
        0
    };
    let inside = timexes[from..]
        .iter()
        .enumerate()
        .map(|(k, t)| (from + k, t))
        .take_while(|(_, t)| !clauses.ordered || t.span.start < span.end)
        .filter(|(_, t)| {
            span.contains(t.span) && matches!(t.kind, TimexType::Date | TimexType::Time)
        });
    // The first expression of the best rank dates the event: one of the main clause, then a
    // noun's that may be the main clause's too (`Part::Weak`), then a vague one ("in recent days"),
    // and last a noun's after a preposition (`Part::Noun`), the only time such a sentence gives.
    // A part's own time (`Part::Own`) never does: the sentence then takes the article's frame.
    let rank = |t: &Timex, part: Part| match part {
        Part::Noun => 3,
        _ if t.value.ends_with("_REF") => 2,
        Part::Weak => 1,
        _ => 0,
    };
    let mut best: Option<(usize, &Timex, u8)> = None;
    let mut nouns = Vec::new();
    for (i, t) in inside {
        let mut part = clauses.part(span, t.span);
        // A time still ahead is never the perfect's; one long over is only when a noun's.
        let ahead = doc_time.earliest.is_some() && t.earliest > doc_time.earliest;
        if !matches!(part, Part::Own(_))
            && outside_perfect(t, clauses.text.get(t.span.start..t.span.end), doc_time)
            && parts::perfect_noun_time(
                &clauses.text[span.start..t.span.start],
                part != Part::Main || ahead,
            )
        {
            part = Part::Own(PartKind::Noun);
        }
        if part == Part::Noun && t.earliest.is_some() {
            nouns.push(i);
        }
        if let Part::Own(kind) = part {
            // Only a dated part is a sub-event: a vague one ("now") has no time of its own.
            if t.earliest.is_some() {
                parts.push(SubPart { timex: i, kind });
            }
            continue;
        }
        let r = rank(t, part);
        let better = match best {
            None => true,
            Some((_, _, b)) => r < b && (r == 2 || t.earliest.is_some()),
        };
        if better {
            best = Some((i, t, r));
        }
    }
    // A noun's time that did not date the event is a sub-event of its own.
    if !nouns.is_empty() {
        let taken = best.map(|(b, _, _)| b);
        parts.extend(
            nouns
                .into_iter()
                .filter(|&k| Some(k) != taken)
                .map(|timex| SubPart {
                    timex,
                    kind: PartKind::Noun,
                }),
        );
        parts.sort_unstable_by_key(|p| p.timex);
    }
    let (i, t, _) = best?;
    let basis = if t.relative {
        WhenBasis::Relative
    } else {
        WhenBasis::Explicit
    };
    // "wins in 1999 and 2001": times joined by "and" date one event that covers them all, as
    // "November 21–22" does (the first value, bounds from the first to the last).
    let latest = coordinated_end(timexes, i, clauses.text, span).or(t.latest);
    // "in the final three months of 2004": the year's last quarter, not the year.
    if let Some((value, earliest, latest)) =
        months_of_year(&clauses.text[span.start..t.span.start], t)
    {
        return Some(When {
            earliest: Some(earliest),
            latest: Some(latest),
            value: Some(value),
            basis,
            timex: Some(i),
        });
    }
    match t.earliest {
        Some(_) => Some(When {
            earliest: t.earliest,
            latest: latest.or(t.earliest),
            value: Some(t.value.to_string()),
            basis,
            timex: Some(i),
        }),
        // A vague "recently" with no bounds still says which expression we looked at.
        None => Some(When {
            value: Some(t.value.to_string()),
            timex: Some(i),
            ..doc_time.clone()
        }),
    }
}

/// Whether `t` lies where a present perfect cannot place its event: over before the year of the
/// publication ("has been fined after a fight two years ago", "have been named winners of the
/// 2004 awards") or wholly after the publication day ("has been rescheduled for 15 June"). A
/// recent day is the perfect's own in British news ("has been freed on Monday").
/// A period that runs up to the present ("over the past year", "in the last two years") is the
/// perfect's own, whatever year the tagger gives it.
fn outside_perfect(t: &Timex, own: Option<&str>, doc_time: &When) -> bool {
    let (Some(d), Some(earliest)) = (doc_time.earliest, t.earliest) else {
        return false;
    };
    let to_now = own.is_some_and(|o| {
        o.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("past") || w.eq_ignore_ascii_case("last"))
    });
    if to_now {
        return false;
    }
    let latest = t.latest.unwrap_or(earliest);
    let year_start = NaiveDate::from_ymd_opt(d.year(), 1, 1);
    year_start.is_some_and(|y| latest < y) || earliest > d
}

/// "the final three months of 2004", "the first six months of 2004": a count of months at one end
/// of a year, read before the year `t` (written as a year, `before` is the sentence's text up to
/// it), as the quarter or half it names (three or six months), else the months' bounds with the
/// year's value. Only the last five words are read.
fn months_of_year(before: &str, t: &Timex) -> Option<(String, NaiveDate, NaiveDate)> {
    let year: i32 = t.value.parse().ok().filter(|_| t.value.len() == 4)?;
    let mut w = before.split_whitespace().rev().map(trim_word);
    let (of, months, count, end) = (w.next()?, w.next()?, w.next()?, w.next()?);
    if !of.eq_ignore_ascii_case("of") || !months.eq_ignore_ascii_case("months") {
        return None;
    }
    let n: u32 = match count.to_ascii_lowercase().as_str() {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        c => c.parse().ok().filter(|n| (2..=11).contains(n))?,
    };
    let first = match end.to_ascii_lowercase().as_str() {
        "first" | "opening" | "early" => true,
        "last" | "final" | "closing" | "past" => false,
        _ => return None,
    };
    let (from, to) = if first { (1, n) } else { (13 - n, 12) };
    let earliest = NaiveDate::from_ymd_opt(year, from, 1)?;
    let latest = NaiveDate::from_ymd_opt(if to == 12 { year + 1 } else { year }, to % 12 + 1, 1)?
        .pred_opt()?;
    let value = match (n, first) {
        (3, true) => format!("{year:04}-Q1"),
        (3, false) => format!("{year:04}-Q4"),
        (6, true) => format!("{year:04}-H1"),
        (6, false) => format!("{year:04}-H2"),
        _ => t.value.to_string(),
    };
    Some((value, earliest, latest))
}

/// The latest day of the times joined to expression `i` by "and" ("in 1999 and 2001", "on Monday
/// and Tuesday", "in 1999, 2001 and 2003"), when there are any: each a bounded time of the same
/// kind, later than the one before it, in the same sentence. At most `COORDINATED` are joined, so
/// every sentence costs the same however many times it lists.
fn coordinated_end(timexes: &[Timex], i: usize, text: &str, span: Span) -> Option<NaiveDate> {
    const COORDINATED: usize = 8;
    let mut last = &timexes[i];
    for next in timexes.iter().skip(i + 1).take(COORDINATED) {
        let (Some(prev_latest), Some(next_earliest)) =
            (last.latest.or(last.earliest), next.earliest)
        else {
            break;
        };
        let between = text
            .get(last.span.end..next.span.start)
            .unwrap_or("")
            .trim();
        let joined = matches!(between, "and" | "and in" | "and on" | "," | "and then in");
        if !span.contains(next.span)
            || !joined
            || next.kind != last.kind
            || next_earliest <= prev_latest
        {
            break;
        }
        if between != "," {
            return next.latest.or(next.earliest);
        }
        // A list goes on: it joins only if an "and" ends it.
        last = next;
    }
    None
}

/// What a sentence's parts are, for telling the clause that carries its event from the parts
/// that carry their own: the direct quotations of the document (their content, merged into
/// disjoint runs in text order) and its text.
struct Clauses<'a> {
    text: &'a str,
    quoted: Vec<Span>,
    /// Whether the expressions come in text order (the tagger's always do).
    ordered: bool,
    /// Where the text's commas are. `own` runs for every expression of a sentence, and searching
    /// the sentence for a comma each time was quadratic in a sentence of dates (16 MB of "2025 "
    /// spent most of its time here).
    commas: Vec<u32>,
    /// The last answers of `said_outside_quotes` and of `blank_after` for the comma before an
    /// expression, which the expressions of one sentence ask again and again.
    said: Cell<Option<(Span, bool)>>,
    blank: Cell<Option<(usize, usize)>>,
}

/// Which part of a sentence an expression dates.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    /// The event of the main clause.
    Main,
    /// A noun's time that may be the main clause's too: "Saturday's match ended 2-1", "Labour won
    /// the 2005 election". It dates the event when nothing in the main clause does.
    Weak,
    /// A noun's time after a preposition or deep in the sentence: "as significant as November's
    /// decision", "following last month's trip". It dates the event only when the sentence has
    /// no other time, vague ones included (the hand annotation of the seed, and the issue's
    /// walkthrough, date "The visit is described as a reciprocal step following last month's
    /// trip" by the trip). This is the one place that departs from issue 14's judging convention
    /// (a main clause without a time takes the article's frame): the seed's gold says otherwise.
    Noun,
    /// A part with an event of its own (a relative clause, a quotation, a span's start, a
    /// participial phrase, …): never the main clause's.
    Own(PartKind),
}

/// The words that open a non-restrictive relative clause (", who was sentenced in July,").
const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whose", "whom"];

/// Prepositions after which a time that belongs to a noun ("for the 2012 Games", "as significant
/// as November's decision", "after Saturday's display") is that noun's, not the main clause's.
/// "in", "at", "on", "by" and "during" are not here: "at the 2004 Olympics he won gold" is dated by
/// them.
const NOUN_PREPOSITIONS: &[&str] = &[
    "for",
    "of",
    "since",
    "after",
    "before",
    "until",
    "till",
    "to",
    "towards",
    "toward",
    "following",
    "than",
    "from",
    "as",
    "over",
    "like",
    "despite",
    "about",
    "ahead",
    "into",
    "against",
    "with",
    "without",
    "under",
    "missing",
];

/// The determiners before an adjective and a year that modify a noun ("the fatal 2003 shooting").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
];

impl<'a> Clauses<'a> {
    fn new(text: &'a str, timexes: &[Timex], quotes: &[Quote]) -> Self {
        let mut runs: Vec<Span> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .flat_map(|q| {
                if q.parts.is_empty() {
                    std::slice::from_ref(&q.span)
                } else {
                    q.parts.as_slice()
                }
            })
            .copied()
            .collect();
        runs.sort_unstable_by_key(|s| (s.start, s.end));
        let mut quoted: Vec<Span> = Vec::with_capacity(runs.len());
        for r in runs {
            match quoted.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => quoted.push(r),
            }
        }
        let ordered = timexes
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start);
        // Documents are capped far below 4 GiB; a position past u32 is never a comma here.
        let commas = memchr::memchr_iter(b',', text.as_bytes())
            .map_while(|i| u32::try_from(i).ok())
            .collect();
        Clauses {
            text,
            quoted,
            ordered,
            commas,
            said: Cell::new(None),
            blank: Cell::new(None),
        }
    }

    /// The commas at `from..to`.
    fn commas_in(&self, from: usize, to: usize) -> &[u32] {
        let a = self.commas.partition_point(|&c| (c as usize) < from);
        let b = self.commas.partition_point(|&c| (c as usize) < to);
        &self.commas[a..b.max(a)]
    }

    /// Where the whitespace that starts at `from` ends (the next other character, or the end).
    fn blank_after(&self, from: usize) -> usize {
        let memo = &self.blank;
        if let Some((f, end)) = memo.get()
            && f == from
        {
            return end;
        }
        let end = self.text[from..]
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(self.text.len(), |(i, _)| from + i);
        memo.set(Some((from, end)));
        end
    }

    /// Whether the expression at `t` in sentence `span` dates a part of the sentence of its own,
    /// not the event of its main clause: the start of a span ("the highest since 1997": a
    /// duration's start), what someone said in quotation marks ("'by the end of next year'"), a
    /// non-restrictive relative clause (", who was sentenced in July, said") or a modifier of a
    /// noun ("the fatal 2003 shooting").
    fn own(&self, span: Span, t: Span) -> Option<PartKind> {
        let before = self.text[span.start..t.start].trim_end();
        if since_clause(before) {
            return Some(PartKind::Since);
        }
        if self.in_quote(t) && self.said_outside_quotes(span) {
            return Some(PartKind::Quote);
        }
        if self.relative_clause(span, before) {
            return Some(PartKind::Relative);
        }
        if self.modifier(span, t, before) {
            return Some(PartKind::Modifier);
        }
        let after = &self.text[t.end..span.end];
        parts::sub_part(before, &self.text[t.start..t.end], after)
    }

    /// Which part of sentence `span` the expression at `t` dates: `own` parts, then a time that
    /// belongs to a noun (a possessive, "November's decision", or a year before a noun, "the 2012
    /// Games"), which is the noun's after a preposition or deep in the sentence and otherwise may
    /// be the main clause's.
    fn part(&self, span: Span, t: Span) -> Part {
        if let Some(kind) = self.own(span, t) {
            return Part::Own(kind);
        }
        let before = self.text[span.start..t.start].trim_end();
        let possessive = self.possessive(span, t);
        if !(possessive || self.year_before_noun(span, t, before)) {
            return Part::Main;
        }
        // Counted only as far as it matters: this runs for every expression of a sentence.
        let words = before.split_whitespace().take(3).count();
        let after_preposition = before
            .split_whitespace()
            .rev()
            .take(2)
            .any(|w| NOUN_PREPOSITIONS.contains(&trim_word(w).to_ascii_lowercase().as_str()));
        // "… and Wednesday's speech did not announce": a possessive that opens a clause joined to
        // the one before is that clause's subject.
        let opens_clause = before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.ends_with([',', ';']) || matches!(w, "and" | "but"));
        if after_preposition || (possessive && words >= 3 && !opens_clause) {
            Part::Noun
        } else {
            Part::Weak
        }
    }

    /// "November's decision", "last year's White Paper": the expression is followed by `'s`.
    fn possessive(&self, span: Span, t: Span) -> bool {
        let own_text = &self.text[t.start..t.end];
        let rest = &self.text[t.end..span.end];
        let ends = |s: &str| s.ends_with("'s") || s.ends_with("\u{2019}s");
        let starts = |s: &str| {
            (s.starts_with("'s") || s.starts_with("\u{2019}s"))
                && !s[if s.starts_with('\'') { 2 } else { 4 }..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        };
        ends(own_text) || starts(rest)
    }

    /// "the 2012 Games", "his 2005 campaign": a bare year between a determiner and a word.
    fn year_before_noun(&self, span: Span, t: Span, before: &str) -> bool {
        let year = &self.text[t.start..t.end];
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let det = before.rsplit(' ').find(|w| !w.is_empty()).unwrap_or("");
        let next = trim_word(
            self.text[t.end..span.end]
                .split_whitespace()
                .next()
                .unwrap_or(""),
        );
        // "the 2004 and 2005 model years": a list of years, not a year before its noun.
        DETERMINERS.contains(&det.to_ascii_lowercase().as_str())
            && next.chars().next().is_some_and(char::is_alphabetic)
            && next.chars().all(|c| c.is_alphabetic() || c == '-')
            && !matches!(next, "and" | "or" | "to")
    }

    fn in_quote(&self, t: Span) -> bool {
        let k = self.quoted.partition_point(|q| q.start <= t.start);
        k > 0 && self.quoted[k - 1].contains(t)
    }

    /// Whether sentence `span` has words outside its quotations (", he said"): a clause that
    /// carries the saying. A sentence all in quotation marks has no other clause to date.
    fn said_outside_quotes(&self, span: Span) -> bool {
        if let Some((s, said)) = self.said.get()
            && s == span
        {
            return said;
        }
        let said = self.said_outside_quotes_uncached(span);
        self.said.set(Some((span, said)));
        said
    }

    fn said_outside_quotes_uncached(&self, span: Span) -> bool {
        let first = self.quoted.partition_point(|q| q.end <= span.start);
        let mut at = span.start;
        for q in self.quoted[first..]
            .iter()
            .take_while(|q| q.start < span.end)
        {
            if q.start > at && self.has_word(at, q.start) {
                return true;
            }
            at = at.max(q.end);
        }
        at < span.end && self.has_word(at, span.end)
    }

    fn has_word(&self, from: usize, to: usize) -> bool {
        self.text[from..to].chars().any(char::is_alphabetic)
    }

    /// ", who took over in 2022, said", "…, who was stabbed in 1999.": the clause since the last
    /// comma before the expression opens with a relative pronoun. Whether a comma closes it before
    /// the sentence goes on or it runs to the sentence's end, the main clause is elsewhere.
    fn relative_clause(&self, span: Span, before: &str) -> bool {
        // The last comma of `before`, and the first word after it (cut at `before`'s end).
        let end = span.start + before.len();
        let Some(&comma) = self.commas_in(span.start, end).last() else {
            return false;
        };
        // "inflation which, as recently as 2001, was": the pronoun just before the comma.
        let pronoun_before = RELATIVE_PRONOUNS
            .iter()
            .any(|p| last_word(&self.text[span.start..comma as usize]).eq_ignore_ascii_case(p));
        let word = self.blank_after(comma as usize + 1);
        pronoun_before
            || word < end
                && RELATIVE_PRONOUNS.iter().any(|p| {
                    let w_end = word + p.len();
                    self.text[word..].starts_with(p)
                        && w_end <= end
                        && self.text[w_end..end]
                            .chars()
                            .next()
                            .is_none_or(char::is_whitespace)
                })
    }

    /// "the fatal 2003 shooting": a bare year between a determiner and an adjective before it and
    /// a lower-case noun after it.
    fn modifier(&self, span: Span, t: Span, before: &str) -> bool {
        let year = &self.text[t.start..t.end];
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let mut words = before.rsplit(' ').filter(|w| !w.is_empty());
        let (Some(adjective), Some(det)) = (words.next(), words.next()) else {
            return false;
        };
        let lower_word = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
        let next = self.text[t.end..span.end]
            .split_whitespace()
            .next()
            .unwrap_or("");
        DETERMINERS.contains(&det.to_ascii_lowercase().as_str())
            && lower_word(adjective)
            && !DETERMINERS.contains(&adjective)
            && lower_word(next)
    }
}

/// The words a "since" may stand before the expression it opens ("since founder Dhirubhai Ambani
/// died in 2002"); a bound, so every expression costs the same.
const SINCE_REACH: usize = 12;

/// Whether the text before an expression ends in a "since" span or clause: "the highest since
/// 1997", "since the founder died in 2002" (a duration's start, not the sentence's time). A comma,
/// semicolon or colon in between ends the clause ("Since 2002, sales have doubled" is still a
/// start; "since then, in 2004, it" is not).
fn since_clause(before: &str) -> bool {
    for w in before.split_whitespace().rev().take(SINCE_REACH) {
        // "ever since, played in 2001": the punctuation after a word ends the clause before it.
        if w.ends_with([',', ';', ':']) {
            return false;
        }
        if trim_word(w).eq_ignore_ascii_case("since") {
            return true;
        }
    }
    false
}

/// The last word of `s` (letters, digits and apostrophes).
fn last_word(s: &str) -> &str {
    s.rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// A word without the punctuation around it.
fn trim_word(w: &str) -> &str {
    crate::text::trim_to_alnum(w)
}

/// "recent", "lately": a vague past, which names no month (issue 14): marked PAST_REF at the
/// publication date, as the tagger's PAST_REF is.
fn vague_past(doc_time: &When) -> Option<When> {
    doc_time.earliest?;
    Some(When {
        value: Some("PAST_REF".into()),
        ..doc_time.clone()
    })
}

fn continues_previous(text: &str, lex: &Lexicon) -> bool {
    let head: String = text
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    lex.anaphora
        .find_iter(&head)
        .any(|m| on_word_boundaries(&head, m.start(), m.end()))
}

fn status_of(
    hits: &[(usize, usize, usize)],
    when: &When,
    published: Option<NaiveDate>,
    lex: &Lexicon,
) -> Status {
    let mut found = [false; 3];
    for &(_, _, pattern) in hits {
        let idx = match lex.status_of[pattern] {
            Status::Planned => 0,
            Status::Ongoing => 1,
            _ => 2,
        };
        found[idx] = true;
    }
    let dated = matches!(when.basis, WhenBasis::Explicit | WhenBasis::Relative);
    // A vague past or future ("recently", "in future") has no bounds of its own but a side.
    let vague = when.value.as_deref();
    let future = dated && matches!((when.earliest, published), (Some(e), Some(p)) if e > p)
        || vague == Some("FUTURE_REF");
    let before = dated && matches!((when.latest, published), (Some(l), Some(p)) if l < p)
        || vague == Some("PAST_REF");
    if found[0] && !before || future {
        Status::Planned
    } else if found[1] || when.value.as_deref() == Some("PRESENT_REF") {
        Status::Ongoing
    } else if found[2] || before {
        Status::Past
    } else {
        Status::Unknown
    }
}

/// How a mention must lie to count for a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// All inside it.
    Inside,
    /// At least partly in it.
    Overlaps,
}

/// For each sentence, the indices (ascending) of the items with a mention that fits it.
///
/// Sentences come in text order, so both their starts and their ends ascend, and the sentences
/// a mention fits form one run, found by two binary searches: the items are visited once, not
/// once per sentence. Should the order ever not hold, every pair is tested.
fn per_sentence<'a>(
    sentences: &[Sentence],
    items: impl Iterator<Item = &'a [Span]>,
    fit: Fit,
) -> Vec<Vec<usize>> {
    let fits = |s: Span, m: Span| match fit {
        Fit::Inside => s.contains(m),
        Fit::Overlaps => s.overlaps(m),
    };
    let mut out = vec![Vec::new(); sentences.len()];
    let ordered = sentences
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start && w[0].span.end <= w[1].span.end);
    for (i, mentions) in items.enumerate() {
        for &m in mentions {
            let run = if !ordered {
                0..sentences.len()
            } else if fit == Fit::Overlaps {
                // start < m.end and m.start < end.
                sentences.partition_point(|s| s.span.end <= m.start)
                    ..sentences.partition_point(|s| s.span.start < m.end)
            } else {
                // start <= m.start and m.end <= end.
                sentences.partition_point(|s| s.span.end < m.end)
                    ..sentences.partition_point(|s| s.span.start <= m.start)
            };
            for k in run {
                if fits(sentences[k].span, m) && out[k].last() != Some(&i) {
                    out[k].push(i);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pipeline;
    use crate::model::Document;

    /// Each text's sentences through the whole pipeline, published on 2005-06-01: the value that
    /// dates the event of the last sentence.
    fn dated(text: &str) -> String {
        static LEX: std::sync::OnceLock<pipeline::Lexicon> = std::sync::OnceLock::new();
        let lex = LEX.get_or_init(pipeline::Lexicon::builtin);
        let doc = Document {
            text: text.to_string(),
            published: NaiveDate::from_ymd_opt(2005, 6, 1),
            ..Document::default()
        };
        let events = pipeline::extract(&doc, lex).events;
        let when = &events.last().expect("one event per sentence").when;
        when.value.clone().unwrap_or_default()
    }

    /// Every row's last event has the value it wants; the failures listed together.
    fn check_dated(rows: &[(&str, &str)]) {
        let failures: Vec<String> = rows
            .iter()
            .filter_map(|&(text, want)| {
                let got = dated(text);
                (got != want).then(|| format!("{text:?}: {got:?}, want {want:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The classes of issue 14 where a date in the sentence belongs to a part of it, not to the
    /// event of its main clause: (text, the value of its last sentence's event).
    #[test]
    fn dates_of_parts_do_not_date_the_main_clause() {
        let rows: &[(&str, &str)] = &[
            // A "since" span is a duration's start.
            ("Output was the highest since 1997.", "2005-06-01"),
            ("Spam has grown since Christmas.", "2005-06-01"),
            // A relative clause carries its own event.
            (
                "Vardanyan, who was sentenced in July, said he would appeal.",
                "2005-06-01",
            ),
            (
                "Osbourne, who bit off the head of a bat in 1982, rejoined the band in 1985.",
                "1985",
            ),
            // What someone said in quotation marks, with the saying outside them.
            (
                "\"We will finish by the end of next year,\" he said.",
                "2005-06-01",
            ),
            // A sentence all in quotation marks has no other clause.
            ("\"We will finish the work in 2007.\"", "2007"),
            // A year as a modifier of a noun.
            (
                "The family of the fatal 2003 shooting victim sued.",
                "2005-06-01",
            ),
            // But a plain year, and a year before a noun after a preposition, date it.
            ("Labour won the election in 2001.", "2001"),
            ("The firm was founded in 1997 and grew fast.", "1997"),
            // Times joined by "and" date one event that covers them (bounds checked below).
            (
                "Wales won there under Graham Henry in 1999 and 2001.",
                "1999",
            ),
            // A "since" clause is a duration's start too, a long one as well.
            (
                "Providers have claimed no duty since the Law Commission dubbed them mere conduits back in 2002.",
                "2005-06-01",
            ),
            (
                "The company has been fractious since its founder died in 2002, leaving no will.",
                "2005-06-01",
            ),
            // A "since" the comma closed is not the expression's.
            (
                "He has been a regular ever since, and played in the Lions Tests in 2001.",
                "2001",
            ),
            // The pronoun before the comma.
            (
                "Valuations grew from inflation which, in 2001, was as high as 70%.",
                "2005-06-01",
            ),
            // A relative clause that runs to the end of the sentence.
            (
                "He said he could have met the fate of George Harrison, who was stabbed in 1999.",
                "2005-06-01",
            ),
            (
                "The film is one of two at the festival, which runs until 20 February.",
                "2005-06-01",
            ),
            // A time that belongs to a noun after a preposition, or deep in the sentence, gives
            // way to any other, a vague one too …
            (
                "The minister on Tuesday called the move as significant as November's decision.",
                "2005-05-31",
            ),
            (
                "He has been under fire in recent days for missing Monday's vote on the laws.",
                "PAST_REF",
            ),
            (
                "The team begins a tour on Monday to assess the bid for the 2012 Games.",
                "2005-06-06",
            ),
            // … and is the sentence's only when it has no other.
            (
                "The visit is described as a step following last month's trip to Yerevan.",
                "2005-05",
            ),
            // It gives way to a time of the main clause …
            (
                "After Saturday's display in Paris, Ireland face the Faroe Islands on Wednesday.",
                "2005-06-01",
            ),
            (
                "Henman will start his 2005 campaign at Kooyong on 12 January.",
                "2006-01-12",
            ),
            // … and dates the event when nothing else does.
            ("Saturday's match ended in a draw.", "2005-05-28"),
            (
                "Labour won the 2001 election with a large majority.",
                "2001",
            ),
        ];
        check_dated(rows);
    }

    /// Issue 14's sample classes where a sub-part's time dated the sentence: participial phrases,
    /// subordinate clauses, comparison points, relative clauses without commas, modifiers of
    /// nouns. The main clause decides; without a time of its own the sentence takes the frame
    /// (the publication date here). (text, the value of its last sentence's event)
    #[test]
    fn dates_of_sub_parts_belong_to_their_own_events() {
        let rows: &[(&str, &str)] = &[
            // Participial phrases, between commas, after a clause, opening the sentence, or a
            // reduced relative after the main verb.
            (
                "The DS, released earlier this month, is intended to rival Sony.",
                "2005-06-01",
            ),
            (
                "Mr Straw vowed the rebate, secured in 1984 by Margaret Thatcher, was justified.",
                "2005-06-01",
            ),
            (
                "Freeman and Rickman are co-starring in the film, due for release in May.",
                "2005-06-01",
            ),
            (
                "It is seeking damages in a civil lawsuit filed earlier this week.",
                "2005-06-01",
            ),
            (
                "Born in Luton, Bedfordshire, on 5 April 1920, Hailey was the only child.",
                "2005-06-01",
            ),
            // … but a participle that is the main verb dates the sentence.
            ("Released 11 February on Xbox and PC.", "2005-02-11"),
            ("The company filed for bankruptcy on Monday.", "2005-05-30"),
            ("Founded in 1990, the firm sold its unit in 2004.", "2004"),
            (
                "Mr Hague, 43, told the paper on Monday he would quit.",
                "2005-05-30",
            ),
            (
                "The cards are due to be issued in February next year.",
                "2006-02",
            ),
            // A present participle after a comma or dash, but not one that opens the sentence.
            (
                "The band will play 24 gigs, finishing in Lisbon in August.",
                "2005-06-01",
            ),
            (
                "Only Johnson has gone quicker, setting the record in 1995.",
                "2005-06-01",
            ),
            (
                "He said his comments - made some 26 years ago - needed context.",
                "2005-06-01",
            ),
            (
                "Speaking on Tuesday, Lord Browne said profits rose.",
                "2005-05-31",
            ),
            (
                "The case involved the ex-president of Bank of China, Wang Xuebing, jailed for 12 years in 2003.",
                "2005-06-01",
            ),
            (
                "A tax demand is politically motivated, the OSI claimed, adding that it paid the money in October.",
                "2005-06-01",
            ),
            (
                "The deadline marks the point at which Fiat will gain the right to sell its car division, part of an alliance agreed in 2000.",
                "2005-06-01",
            ),
            // Subordinate clauses: never the main clause's, or fronted and closed by a comma.
            (
                "Sales grew despite a policy introduced six years ago.",
                "2005-06-01",
            ),
            (
                "The airline warned of losses if it fails to cut costs by the end of February.",
                "2005-06-01",
            ),
            ("After the vote on Monday, he resigned.", "2005-06-01"),
            // A time after the main verb may be its own: left to the main clause …
            ("He resigned after the vote on Monday.", "2005-05-30"),
            // … unless a verb of its own makes it a clause.
            (
                "Members will vote before the final nominees are announced on 25 January.",
                "2005-06-01",
            ),
            (
                "McBryde remains a doubt after picking up an injury last Saturday.",
                "2005-06-01",
            ),
            // What is hoped for, predicted or referred to.
            (
                "Some economists have predicted rates will drop later in the year.",
                "2005-06-01",
            ),
            (
                "Airbus hopes to have 50 orders in place for the A350 by mid-2005.",
                "2005-06-01",
            ),
            (
                "The Fund said it was confident of growth by next year.",
                "2005-06-01",
            ),
            // Comparison points.
            (
                "Net profit came in at $5m, against a loss in 2003.",
                "2005-06-01",
            ),
            ("Sales will rise from 17m last year to 55m in 2006.", "2006"),
            ("Prices are higher than in 2003.", "2005-06-01"),
            (
                "Less than half wants a ban compared to almost two-thirds in 1999.",
                "2005-06-01",
            ),
            (
                "Delegates spoke of the next election being like 1970.",
                "2005-06-01",
            ),
            (
                "The recalled cars are from the 2004 and 2005 model years.",
                "2004",
            ),
            (
                "Sydney will host a northern versus southern hemisphere match in June.",
                "2005-06",
            ),
            (
                "Rumours lifted shares by more than 10% on Friday.",
                "2005-05-27",
            ),
            (
                "Takings of 23.5 million compared with 30 million in June 2003 disappointed.",
                "2005-06-01",
            ),
            (
                "Burns was caretaker for the friendly against Sweden on 17 November.",
                "2004-11-17",
            ),
            (
                "He will release the DS in Europe from 11 March.",
                "2006-03-11",
            ),
            // A relative clause without commas that ends the sentence, however far its pronoun …
            (
                "He must remember Storer, the woman who harangued him over the state of her local hospital in the 2001 campaign.",
                "2005-06-01",
            ),
            // … unless a second verb has begun the main clause, or one joined by "and".
            (
                "Her practice had identified 412 patients who received the batch and had begun calling them on Tuesday.",
                "2005-05-31",
            ),
            (
                "The man who was jailed in 1999 has been freed on Monday.",
                "2005-05-30",
            ),
            (
                "Seven versions are known, one of which was inside a program that was found in late November.",
                "2005-06-01",
            ),
            // Modifiers of nouns: a year or decade before a common noun, a time in the subject.
            ("Its 2004 sequel flopped badly.", "2005-06-01"),
            ("The 70s horror classic returns.", "2005-06-01"),
            ("Federal revenues are at 1950s levels.", "2005-06-01"),
            ("He started the festival in the 1980s and 90s.", "198"),
            (
                "Vera Drake, a tale about a 1950s backstreet abortionist, is nominated.",
                "2005-06-01",
            ),
            (
                "The switch last summer has been inspirational.",
                "2005-06-01",
            ),
            ("The companies sued on Thursday are Italian.", "2005-06-01"),
            ("Sales in May were up 5%.", "2005-05"),
            (
                "Blog has been chosen as the top word of 2004.",
                "2005-06-01",
            ),
            ("Labour won the election of 2001.", "2001"),
            ("The threat now is new.", "PRESENT_REF"),
            ("Kenteris won gold at the 2000 Sydney Olympics.", "2000"),
            // A noun's time after a preposition, but not a possessive opening a joined clause.
            (
                "O'Leary on Tuesday rapped Mellberg for his comments before Sunday's derby.",
                "2005-05-31",
            ),
            (
                "The Lib Dems have published their costings and Tuesday's speech did not add to them.",
                "2005-05-31",
            ),
        ];
        check_dated(rows);
    }

    /// The classes of the unseen seed-4242 sample (issue 14) where a sub-part's time dated the
    /// sentence: what a verb of saying reports, relative clauses between dashes or after the main
    /// verb, temporal clauses with a verb of their own, with-phrases, parenthetical participles
    /// and deadlines of a purpose. (text, the value of its last sentence's event)
    #[test]
    fn dates_of_reported_and_set_off_parts_belong_to_their_own_events() {
        let rows: &[(&str, &str)] = &[
            // What a verb of saying reports: its complement clause.
            (
                "Ms Kite said she received a phone call on 13 February 2003 from an associate.",
                "2005-06-01",
            ),
            (
                "He said the local party had only learned of the final decision on the BBC News website on Monday evening.",
                "2005-06-01",
            ),
            (
                "Sources said that negotiations sped up in January.",
                "2005-06-01",
            ),
            (
                "She said reports of a slump in sales in December were related to the internet.",
                "2005-06-01",
            ),
            (
                "The lender said prices rose 15.1% over the whole of 2004, but by only 2.8% in the second half of the year.",
                "2005-06-01",
            ),
            (
                "He told the BBC he had left the party in 2004.",
                "2005-06-01",
            ),
            (
                "She said her practice had identified 412 patients who received the batch and had begun calling them on Tuesday.",
                "2005-06-01",
            ),
            // … but the saying's own time, after the verb, its object or its preposition, or
            // before it, dates it; so does an inverted tag, and a passive of report.
            (
                "Sony has said it will launch the PSP in Europe in March.",
                "2005-06-01",
            ),
            ("He said on Monday he would quit.", "2005-05-30"),
            (
                "He told reporters on Monday that he would quit.",
                "2005-05-30",
            ),
            (
                "The firm said in a statement on Monday that it would close.",
                "2005-05-30",
            ),
            ("Profits rose, said the firm on Monday.", "2005-05-30"),
            ("On Monday the firm said profits rose.", "2005-05-30"),
            ("He is said to have died in 1999.", "1999"),
            ("The recalled cars date from 2004.", "2004"),
            // Relative clauses between dashes, or after the main clause's verb.
            (
                "Wilkinson - who had targeted the 27 February match for his comeback - has been missed by England.",
                "2005-06-01",
            ),
            (
                "Shell is to pay $1m to the ex-finance chief who stepped down from her post in April 2004 after the firm over-stated its reserves.",
                "2005-06-01",
            ),
            (
                "The man who was jailed in 1999 has been freed on Monday.",
                "2005-05-30",
            ),
            // A temporal clause with a verb of its own: a subject pronoun, or a past verb after
            // a name; place names may hold commas.
            (
                "The two companies held four days of talks after Foster's bought an 18.8% stake in Southcorp on 13 January.",
                "2005-06-01",
            ),
            (
                "The singer must serve 15 days in prison after he swore during a concert in St Thomas, Jamaica, in January.",
                "2005-06-01",
            ),
            ("He resigned after the failed vote on Monday.", "2005-05-30"),
            (
                "After he said he would quit, he left on Monday.",
                "2005-05-30",
            ),
            // With-phrases, fronted or after a comma.
            (
                "With only 13 episodes made of the 1974 series, there is plenty of room to explore.",
                "2005-06-01",
            ),
            (
                "\"And with Halo 2 out next week, it really is a head-to-head contest.\"",
                "2005-06-01",
            ),
            (
                "Speculation has arisen again, with the transfer window opening in January.",
                "2005-06-01",
            ),
            ("He won with a record score in 2004.", "2004"),
            // A participle set off by dashes, after an adverb.
            (
                "The latest Tory plans came as campaigning for the election - widely expected in May - gathered pace.",
                "2005-06-01",
            ),
            // A deadline inside an infinitive of purpose or want; not one of the main event's
            // own future.
            (
                "The prime minister launched a £500m initiative to allow clubs to provide up to three hours of activity a week by 2010.",
                "2005-06-01",
            ),
            (
                "The richest countries want to boost the amount of aid they give to 0.7% of their income by 2015.",
                "2005-06-01",
            ),
            ("The stadium is to be finished by 2008.", "2008"),
            ("The shops are due to open by May next year.", "2006-05"),
            // A year inside a capitalised name before a lower-case noun names the list.
            ("The band came top of the Sound of 2005 list.", "2005-06-01"),
            ("The firm grew at the End of 2004.", "2004"),
            // A count of months at one end of a year is its quarter or half.
            (
                "Growth in the final three months of 2004 marked the 50th quarter of expansion.",
                "2004-Q4",
            ),
            ("Sales fell in the first six months of 2004.", "2004-H1"),
            ("Sales fell in the first nine months of 2004.", "2004"),
            ("Sales fell over the months of 2004.", "2004"),
            // Verbs of reporting and finding with a "that" clause or a finite verb, nouns of
            // content with "that", verbs of asking with an infinitive (the seed-9090 sheet's
            // reported content).
            (
                "The club has denied suggestions that the manager was sacked in May.",
                "2005-06-01",
            ),
            (
                "Analysts reported that orders had fallen in the last three months of 2004.",
                "2005-06-01",
            ),
            (
                "The survey found exports had picked up in March.",
                "2005-06-01",
            ),
            (
                "The committee is asking members to dedicate their sites on 22 February.",
                "2005-06-01",
            ),
            (
                "The union urged its members to strike on 5 July.",
                "2005-06-01",
            ),
            ("Most pundits are betting on 5 May.", "2005-06-01"),
            (
                "The minister focused on the fact that two million jobs were created in 2004.",
                "2005-06-01",
            ),
            // The object of a verb of sequence: its time is the object's ("The visit follows
            // last month's trip", a possessive right after the verb, is left to the noun rule).
            (
                "This setback for the group follows the rejection by the US in October of its pill.",
                "2005-06-01",
            ),
            (
                "The bankruptcy followed its admission in 2002 that it had inflated profits.",
                "2005-06-01",
            ),
            (
                "The intervention comes ahead of a meeting of finance ministers on Monday.",
                "2005-06-01",
            ),
            // A present perfect takes no time over before the year it is said in, nor one ahead.
            (
                "The singer has been fined after a fight in a hotel two years ago.",
                "2005-06-01",
            ),
            (
                "The athletes have been named the winners of the 2004 awards.",
                "2005-06-01",
            ),
            (
                "The association has appointed him caretaker for the friendly against Sweden on 17 November.",
                "2005-06-01",
            ),
            ("The concert has been moved to 15 July.", "2005-06-01"),
            // A point of comparison ahead of an amount; a fronted participle after "when"; a
            // reduced relative in a fronted phrase; a relative clause with no pronoun.
            (
                "The figure was well ahead of the 2.2% recorded in 2003.",
                "2005-06-01",
            ),
            (
                "However, when adding December's figures, the record ended in positive territory.",
                "2005-06-01",
            ),
            (
                "As part of contracts announced late last year, the firm will spend $1bn.",
                "2005-06-01",
            ),
            (
                "The full-back appears to have shrugged off the knock he picked up in the loss on Sunday.",
                "2005-06-01",
            ),
            ("The firm he founded in 1990 collapsed.", "2005-06-01"),
        ];
        check_dated(rows);
    }

    /// Each event keeps the dated parts it did not take as sub-events, in text order, with their
    /// kind; the time it took is not one of them.
    #[test]
    fn sub_events_are_the_dated_parts_not_taken() {
        static LEX: std::sync::OnceLock<pipeline::Lexicon> = std::sync::OnceLock::new();
        let lex = LEX.get_or_init(pipeline::Lexicon::builtin);
        let parts = |text: &str| -> Vec<(PartKind, String)> {
            let doc = Document {
                text: text.to_string(),
                published: NaiveDate::from_ymd_opt(2005, 6, 1),
                ..Document::default()
            };
            let x = pipeline::extract(&doc, lex);
            let e = x.events.last().expect("an event");
            e.parts
                .iter()
                .map(|p| (p.kind, x.timexes[p.timex].span.slice(text).to_string()))
                .collect()
        };
        let rows: &[(&str, &[(PartKind, &str)])] = &[
            (
                "The DS, released earlier this month, is intended to rival Sony.",
                &[(PartKind::Participle, "earlier this month")],
            ),
            (
                "Vardanyan, who was sentenced in July, said on Monday he would appeal.",
                &[(PartKind::Relative, "July")],
            ),
            (
                "Net profit came in at $5m in 2004, against a loss in 2003.",
                &[(PartKind::Comparison, "2003")],
            ),
            (
                "O'Leary on Tuesday rapped Mellberg for his comments before Sunday's derby.",
                &[(PartKind::Noun, "Sunday")],
            ),
            (
                "Output was the highest since 1997, despite a policy introduced six years ago.",
                &[
                    (PartKind::Since, "1997"),
                    (PartKind::Subordinate, "six years ago"),
                ],
            ),
            // A noun's time that dates the sentence is not a sub-event; nor is a vague one.
            ("The visit follows last month's trip.", &[]),
            ("The firm, currently in talks, grew.", &[]),
        ];
        for &(text, want) in rows {
            let want: Vec<(PartKind, String)> =
                want.iter().map(|&(k, s)| (k, s.to_string())).collect();
            assert_eq!(parts(text), want, "{text}");
        }
    }

    /// Times joined by "and" give one event the bounds of them all; a list without "and", times
    /// out of order, or of another sentence do not.
    #[test]
    fn coordinated_times_cover_the_event() {
        let lex = pipeline::Lexicon::builtin();
        let bounds = |text: &str| {
            let doc = Document {
                text: text.to_string(),
                published: NaiveDate::from_ymd_opt(2005, 6, 1),
                ..Document::default()
            };
            let x = pipeline::extract(&doc, &lex);
            let w = &x.events.last().expect("an event").when;
            format!("{:?}..{:?}", w.earliest, w.latest)
        };
        for (text, want) in [
            (
                "Wales won there in 1999 and 2001.",
                "Some(1999-01-01)..Some(2001-12-31)",
            ),
            (
                "The band toured in 1999, 2001 and 2003.",
                "Some(1999-01-01)..Some(2003-12-31)",
            ),
            (
                "Talks were held on 3 May and 5 May.",
                "Some(2005-05-03)..Some(2005-05-05)",
            ),
            (
                "Sales fell in 2003 and rose in 2004.",
                "Some(2003-01-01)..Some(2003-12-31)",
            ),
            (
                "Wales won there in 2001 and 1999.",
                "Some(2001-01-01)..Some(2001-12-31)",
            ),
        ] {
            assert_eq!(bounds(text), want, "{text}");
        }
    }

    /// Issue 14: vague references are vague with a wide range, never one month; issue 16.8:
    /// nothing is dated outside the years 0000 to 9999.
    #[test]
    fn vague_and_extreme_references() {
        let lex = pipeline::Lexicon::builtin();
        let doc = |text: &str, published| Document {
            text: text.to_string(),
            published,
            ..Document::default()
        };
        let june = NaiveDate::from_ymd_opt(2005, 6, 1);
        for text in [
            "She recently moved.",
            "He left a few years ago.",
            "Costs may rise in the future.",
        ] {
            let x = pipeline::extract(&doc(text, june), &lex);
            assert!(x.timexes.iter().all(|t| t.earliest.is_none()), "{text}");
            let when = &x.events[0].when;
            assert!(
                when.value.as_deref().is_some_and(|v| v.ends_with("_REF")),
                "{text}"
            );
            assert_eq!(when.basis, WhenBasis::Document, "{text}");
        }
        let end = NaiveDate::from_ymd_opt(9999, 12, 31);
        let text =
            "Next year the plant will close. It was built 6,000 years ago. Next week it opens.";
        for published in [end, june] {
            let x = pipeline::extract(&doc(text, published), &lex);
            for t in &x.timexes {
                let digits = t.value.bytes().take_while(u8::is_ascii_digit).count();
                assert!(!t.value.starts_with('-') && digits <= 4, "{t:?}");
                for d in [t.earliest, t.latest].into_iter().flatten() {
                    assert!((0..=9999).contains(&d.year()), "{t:?}");
                }
            }
        }
    }

    /// The events stage over one long article is not quadratic: the number of expressions looked
    /// at grows with the text, not with sentences times expressions (counted, not timed).
    #[test]
    fn governing_time_looks_only_inside_the_sentence() {
        let t = |start, end| Timex {
            span: Span::new(start, end),
            kind: TimexType::Date,
            value: "2001".into(),
            earliest: NaiveDate::from_ymd_opt(2001, 1, 1),
            latest: NaiveDate::from_ymd_opt(2001, 12, 31),
            relative: false,
        };
        let timexes: Vec<Timex> = (0..1000).map(|k| t(k * 10 + 2, k * 10 + 6)).collect();
        let text = "x".repeat(10_000);
        let clauses = Clauses::new(&text, &timexes, &[]);
        assert!(clauses.ordered);
        let when = governing_time(
            &timexes,
            &clauses,
            Span::new(5000, 5010),
            &When::default(),
            &mut Vec::new(),
        );
        assert_eq!(when.and_then(|w| w.timex), Some(500));
    }

    /// The one-pass hits equal a separate leftmost-longest search of each list.
    #[test]
    fn one_pass_hits_match_separate_leftmost_longest_searches() {
        let assets = Assets::builtin();
        let lex = Lexicon::load(&assets);
        let status: Vec<String> = assets
            .lines(name::STATUS_CUES_TXT)
            .filter_map(|l| l.split_once('\t'))
            .filter(|(s, _)| matches!(s.trim(), "planned" | "ongoing" | "past"))
            .map(|(_, p)| p.trim().to_lowercase())
            .collect();
        let vague: Vec<String> = assets
            .lines(name::TEMPORAL_VAGUE_PAST_TXT)
            .map(str::to_lowercase)
            .collect();
        let separate = |patterns: &[String], text: &str| -> Vec<Hit> {
            build(patterns)
                .find_iter(text)
                .filter(|m| on_word_boundaries(text, m.start(), m.end()))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect()
        };
        let texts = [
            "",
            "The talks will resume next week, and he is expected to attend.",
            "Goodwill is set to grow; it will. They'll see. Recently, lately, the other day.",
            "IS SET TO visit is set to visit plans to planned upcoming currently continues to",
            "It was recently announced that the recentness of the event is due to the Other Day Group.",
            "Ça va: the plan is to go, and we are going to — will they? ’ll",
        ];
        for text in texts {
            let (s, v) = cue_hits(&lex, text);
            assert_eq!(s, separate(&status, text), "status cues in {text:?}");
            assert_eq!(v, separate(&vague, text), "vague words in {text:?}");
        }
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

    /// The table finds what the automaton finds, and per-sentence lists equal a test of every pair.
    #[test]
    fn table_and_sentence_lists_match_the_plain_ways() {
        let lex = Lexicon::load(&Assets::builtin());
        let table = lex
            .cue_table
            .as_ref()
            .expect("the built-in lists fit a table");
        // Long texts too: the table reads two halves at once, the second from a little before.
        let long =
            "They said it is set to resume; talks continue to stall the other day. ".repeat(7);
        let texts = [
            "",
            "this took Will willingly; they'll see. It is set to rain, it was. Recently!",
            "WAS Has had HAVE the other day — ça va, ’ll 'll is to be",
            &long,
            &long[3..],
            &long[..long.len() - 5],
        ];
        for text in texts {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            table.occurrences(text.as_bytes(), &mut |s, e, p| a.push((s, e, p)));
            dfa_occurrences(&lex.cues, text.as_bytes(), &mut |s, e, p| b.push((s, e, p)));
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{text:?}");
        }
        let sentence = |s, e| Sentence {
            span: Span::new(s, e),
            paragraph: 0,
        };
        let sentences = [sentence(0, 10), sentence(10, 20), sentence(22, 30)];
        let items: Vec<Vec<Span>> = vec![
            vec![Span::new(2, 4), Span::new(12, 14)],
            vec![Span::new(8, 12)],
            vec![Span::new(10, 10), Span::new(20, 22)],
            vec![Span::new(0, 30)],
            vec![],
        ];
        for fit in [Fit::Inside, Fit::Overlaps] {
            let got = per_sentence(&sentences, items.iter().map(Vec::as_slice), fit);
            let want: Vec<Vec<usize>> = sentences
                .iter()
                .map(|s| {
                    (0..items.len())
                        .filter(|&i| {
                            items[i].iter().any(|&m| match fit {
                                Fit::Inside => s.span.contains(m),
                                Fit::Overlaps => s.span.overlaps(m),
                            })
                        })
                        .collect()
                })
                .collect();
            assert_eq!(got, want);
        }
    }
}
