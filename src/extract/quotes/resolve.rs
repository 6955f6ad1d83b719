//! Speakers to actors: a named speaker is the actor with a mention on its head word (or whose name
//! the speaker text holds); a pronoun or "the commentators" is the most salient fitting actor of
//! the discourse before it. A place never speaks.
//!
//! Salience: "he said" after a quotation refers to the subject of the discourse, not the nearest
//! name. Candidates are read sentence by sentence backwards from the pronoun, each sentence left to
//! right (its subject first), skipping names inside quotations (a quote that mentions someone is
//! not theirs); the speaker of the quote just before comes first when it fits. "he" never goes to
//! a woman nor "she" to a man: a person's sex comes from a title before a mention ("Mrs"), the
//! given name, a gendered role ("spokeswoman") or an earlier pronoun resolved to them.

use super::direct::Found;
use super::lexicon::{Gender, Lexicon};
use super::speaker::Anaphor;
use crate::extract::actors::DocActor;
use crate::model::{ActorKind, Span};
use crate::text::fold;

/// How many sentences a pronoun looks back through for its referent.
const SENTENCES_BACK: usize = 4;
/// How many mentions of one sentence are read at most (bounds the work of one pronoun).
const PER_SENTENCE: usize = 24;

/// What the resolver reads besides the quotes and actors.
pub struct Discourse<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    /// Sentence spans in text order.
    pub sentences: &'a [Span],
    /// Quotation runs in text order: names inside them are not candidates.
    pub runs: &'a [Span],
}

/// The sex of each actor, from titles before its mentions, its given name and its roles; None when
/// unknown or contradictory.
fn genders(d: &Discourse, actors: &[DocActor]) -> Vec<Option<Gender>> {
    actors
        .iter()
        .map(|a| {
            if a.kind != ActorKind::Person {
                return None;
            }
            let mut votes = [0u32; 2];
            let mut vote = |g: Option<Gender>| match g {
                Some(Gender::Male) => votes[0] += 1,
                Some(Gender::Female) => votes[1] += 1,
                None => {}
            };
            for m in a.mentions.iter().take(16) {
                let before = d.text.get(..m.start).unwrap_or("").trim_end();
                let word = before
                    .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
                    .next()
                    .unwrap_or("");
                if !word.is_empty() {
                    vote(d.lex.gender(&word.to_lowercase()));
                }
                // A title inside the mention: "Mrs Petrosyan".
                if let Some(first) = m.slice(d.text).split_whitespace().next() {
                    vote(d.lex.gender(&first.to_lowercase()));
                }
            }
            if let Some(first) = a.name.split_whitespace().next() {
                vote(d.lex.gender(first));
            }
            for r in &a.roles {
                for w in r.split_whitespace() {
                    vote(d.lex.gender(&w.to_lowercase()));
                }
            }
            match votes {
                [m, 0] if m > 0 => Some(Gender::Male),
                [0, f] if f > 0 => Some(Gender::Female),
                _ => None,
            }
        })
        .collect()
}

/// Whether `span` lies inside one of the sorted, disjoint `runs`.
fn quoted(runs: &[Span], span: Span) -> bool {
    let i = runs.partition_point(|r| r.end <= span.start);
    runs.get(i)
        .is_some_and(|r| r.start <= span.start && span.end <= r.end)
}

/// For each quote (in the given order), the indices of its speakers among `actors`.
pub fn resolve(d: &Discourse, found: &[Found], actors: &[DocActor]) -> Vec<Vec<usize>> {
    let mut mentions: Vec<(usize, usize, usize)> = actors
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    mentions.sort_unstable();
    let longest = mentions
        .iter()
        .map(|&(s, e, _)| e.saturating_sub(s))
        .max()
        .unwrap_or(0);
    let mut sex = genders(d, actors);
    // Folded name words of each actor that can speak, for speaker texts that name one.
    let surnames: Vec<Option<String>> = actors
        .iter()
        .map(|a| {
            (a.kind != ActorKind::Place)
                .then(|| a.name.split_whitespace().last().map(fold))
                .flatten()
        })
        .collect();
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| {
        found[i]
            .speaker
            .as_ref()
            .map_or(found[i].span.start, |s| s.span.start)
    });
    let mut out = vec![Vec::new(); found.len()];
    let mut previous: Vec<usize> = Vec::new();
    let mut previous_at = 0;
    for i in order {
        let Some(sp) = &found[i].speaker else {
            continue;
        };
        let mut who: Vec<usize> = Vec::new();
        for h in &sp.heads {
            // Sorted by start, and none longer than `longest`: only these can overlap the head.
            let from = mentions.partition_point(|m| m.0 < h.start.saturating_sub(longest));
            let to = mentions.partition_point(|m| m.0 < h.end);
            super::step(to - from);
            for &(s, e, a) in mentions.get(from..to).unwrap_or_default() {
                if s < h.end && h.start < e && !who.contains(&a) {
                    who.push(a);
                }
            }
        }
        who.retain(|&a| actors[a].kind != ActorKind::Place);
        if who.is_empty() && sp.anaphor.is_none() {
            who = named(d, sp.span, actors, &mentions, &surnames);
        }
        // "The commentators" refers back to people already named; a group actor made of the
        // common noun alone is only the fallback.
        let generic =
            sp.anaphor.is_some() && who.iter().all(|&a| actors[a].kind == ActorKind::Group);
        let plural_back = |prev: &[usize]| {
            prev.len() > 1
                || prev
                    .first()
                    .is_some_and(|&a| actors[a].kind == ActorKind::Group)
        };
        let near_previous = sp.span.start.saturating_sub(previous_at) < 2000;
        if generic
            && sp.anaphor == Some(Anaphor::Plural)
            && plural_back(&previous)
            && near_previous
            && !who.is_empty()
        {
            who = previous.clone();
        } else if who.is_empty()
            && let Some(anaphor) = sp.anaphor
        {
            let phrase = sp.span.slice(d.text);
            let head = phrase
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .to_lowercase();
            let want = d.lex.gender(&head).filter(|_| {
                // Only a pronoun or a gendered noun ("the spokeswoman") constrains the sex.
                matches!(head.as_str(), "he" | "she") || phrase.contains(' ')
            });
            let want = match head.as_str() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => want,
            };
            who = match anaphor {
                Anaphor::Plural if plural_back(&previous) && near_previous => previous.clone(),
                Anaphor::Plural => salient(
                    d,
                    sp.span.start,
                    &mentions,
                    |a| matches!(actors[a].kind, ActorKind::Group | ActorKind::Organization),
                    None,
                    &previous,
                )
                .into_iter()
                .collect(),
                Anaphor::Singular if phrase.contains(' ') && d.lex.org_noun(&head) => salient(
                    d,
                    sp.span.start,
                    &mentions,
                    |a| actors[a].kind == ActorKind::Organization,
                    None,
                    &previous,
                )
                .into_iter()
                .collect(),
                Anaphor::Singular => {
                    let fits = |a: usize| {
                        actors[a].kind == ActorKind::Person
                            && (want.is_none() || sex[a].is_none() || sex[a] == want)
                    };
                    let got = salient(d, sp.span.start, &mentions, fits, want, &previous);
                    // A pronoun resolved to someone of unknown sex tells their sex.
                    if let (Some(a), Some(g)) = (got, want)
                        && matches!(head.as_str(), "he" | "she")
                        && sex[a].is_none()
                    {
                        sex[a] = Some(g);
                    }
                    got.into_iter().collect()
                }
                Anaphor::Thing => salient(
                    d,
                    sp.span.start,
                    &mentions,
                    |a| actors[a].kind == ActorKind::Organization,
                    None,
                    &previous,
                )
                .into_iter()
                .collect(),
            };
        }
        if !who.is_empty() {
            previous = who.clone();
            previous_at = sp.span.start;
        }
        out[i] = who;
    }
    out
}

/// The actor a speaker text names when no mention sits on its head: a mention inside the text, or
/// else the one speaking actor whose surname is the text's last word ("Mr Blair", "UK Chancellor
/// of the Exchequer Gordon Brown").
fn named(
    d: &Discourse,
    span: Span,
    actors: &[DocActor],
    mentions: &[(usize, usize, usize)],
    surnames: &[Option<String>],
) -> Vec<usize> {
    let from = mentions.partition_point(|m| m.0 < span.start);
    let to = mentions.partition_point(|m| m.0 < span.end);
    super::step(to - from);
    let mut who: Vec<usize> = mentions[from..to]
        .iter()
        .filter(|&&(_, e, a)| e <= span.end && actors[a].kind != ActorKind::Place)
        .map(|&(_, _, a)| a)
        .collect();
    who.dedup();
    if who.len() == 1 {
        return who;
    }
    let text = span.slice(d.text);
    let Some(last) = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .rfind(|w| w.chars().next().is_some_and(char::is_uppercase))
    else {
        return who;
    };
    let last = fold(
        last.trim_end_matches(['\'', '’', 's'])
            .trim_end_matches(['\'', '’']),
    );
    let last_plain = fold(last.as_str());
    let hits: Vec<usize> = surnames
        .iter()
        .enumerate()
        .filter(|(_, s)| s.as_deref() == Some(last_plain.as_str()))
        .map(|(a, _)| a)
        .collect();
    let people: Vec<usize> = hits
        .iter()
        .copied()
        .filter(|&a| actors[a].kind == ActorKind::Person)
        .collect();
    match (people.len(), hits.len()) {
        (1, _) => people,
        (0, 1) => hits,
        _ => who,
    }
}

/// The most salient actor before `at` that `fits`: the previous quote's speaker when it fits and
/// matches `want`, else the first fitting mention of the pronoun's sentence, then of each sentence
/// before it (left to right: the subject first), outside quotations.
fn salient(
    d: &Discourse,
    at: usize,
    mentions: &[(usize, usize, usize)],
    fits: impl Fn(usize) -> bool,
    want: Option<Gender>,
    previous: &[usize],
) -> Option<usize> {
    if want.is_some()
        && let [p] = previous
        && fits(*p)
    {
        // Still in the discourse: mentioned or speaking within the window below.
        let s = d.sentences.partition_point(|s| s.end <= at);
        let from = d
            .sentences
            .get(s.saturating_sub(SENTENCES_BACK))
            .map_or(0, |s| s.start);
        let lo = mentions.partition_point(|m| m.0 < from);
        let hi = mentions.partition_point(|m| m.0 < at);
        super::step(hi - lo);
        if mentions[lo..hi].iter().any(|m| m.2 == *p) {
            return Some(*p);
        }
    }
    let s = d.sentences.partition_point(|s| s.end <= at);
    for k in (s.saturating_sub(SENTENCES_BACK)..=s).rev() {
        let (start, end) = match d.sentences.get(k) {
            Some(sent) => (sent.start, sent.end.min(at)),
            None => (d.sentences.last().map_or(0, |s| s.end), at),
        };
        if start >= end {
            continue;
        }
        let lo = mentions.partition_point(|m| m.0 < start);
        let hi = mentions.partition_point(|m| m.0 < end);
        let hi = hi.min(lo + PER_SENTENCE);
        super::step(hi - lo);
        for &(ms, me, a) in &mentions[lo..hi] {
            if me <= at && fits(a) && !quoted(d.runs, Span::new(ms, me)) {
                return Some(a);
            }
        }
    }
    None
}
