//! Speaker phrases: the mention next to a speech verb that says who speaks, found from the text alone.
//!
//! Before a verb the speaker is its subject ("Human rights advocates in Yerevan say", "Fidan, who
//! said", "Analysts, however, noted"); after an inverted verb or "according to" it is the phrase
//! that follows ("said Robert Stone, a retiree"). Titles before a name are trimmed so the mention
//! is the name; head words (one per conjunct) are kept for resolving the speaker to actors.

use super::lexicon::{BE, BOUNDARY, DET, Lexicon, NP_PREP, RELATIVE, SKIP, TITLE, count_word};
use super::tokens::Tok;
use crate::model::Span;

/// How a speaker phrase refers when it names nobody itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anaphor {
    /// "he", "she", "the minister"
    Singular,
    /// "they", "the commentators"
    Plural,
    /// "it"
    Thing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The mention, trimmed to the name when titles precede one.
    pub span: Span,
    /// Token range of the whole phrase.
    pub first: usize,
    pub end: usize,
    /// Head words, one per conjunct ("advocates", "Meghrabyans", "Mgdesyan").
    pub heads: Vec<Span>,
    pub anaphor: Option<Anaphor>,
}

fn is_adverb(t: &Tok<'_>) -> bool {
    t.word && !t.cap && t.lower.len() > 4 && t.lower.ends_with("ly") && t.lower != "only"
}

/// An age set off after a name: the "54" of "Gary Pearce, 54,".
fn age_after_name(toks: &[Tok<'_>], i: usize, floor: usize) -> bool {
    toks[i].is_number()
        && toks[i].lower.len() <= 3
        && i >= floor + 2
        && toks[i - 1].is_punct(',')
        && toks[i - 2].word
        && toks[i - 2].cap
}

/// A word that may stand between a subject and its verb without being either: "Carter however
/// said", "Cruz himself said", "Sanders, meanwhile, said", "a spokesman could only quip".
fn aside_word(t: &Tok<'_>) -> bool {
    t.word
        && !t.cap
        && matches!(
            t.lower,
            "however"
                | "only"
                | "always"
                | "meanwhile"
                | "though"
                | "himself"
                | "herself"
                | "themselves"
                | "itself"
                | "instead"
                | "now"
                | "too"
        )
}

/// A period inside a name: "Sen. Ted Cruz", "U.S. Secretary".
fn abbrev_dot(toks: &[Tok<'_>], i: usize) -> bool {
    toks[i].is_punct('.')
        && i > 0
        && toks[i - 1].word
        && toks[i - 1].cap
        && toks[i - 1].lower.len() <= 4
        && toks[i - 1].end() == toks[i].start()
        && toks.get(i + 1).is_some_and(|n| n.word && n.cap)
}

/// Whether the verb at token `cue` is passive ("is described as", "was told"): it names no speaker.
pub fn passive(toks: &[Tok<'_>], lex: &Lexicon, cue: usize, floor: usize) -> bool {
    if toks
        .get(cue)
        .is_none_or(|t| t.lower.ends_with("ing") || t.is("quoted"))
    {
        return false;
    }
    let mut i = cue;
    while i > floor {
        let t = &toks[i - 1];
        if lex.has(t, BE) {
            return true;
        }
        if t.run.is_some() || !(lex.has(t, SKIP) || is_adverb(t)) {
            return false;
        }
        i -= 1;
    }
    false
}

/// The words between a form of "be" and "to" that make a future of the verb after them ("is
/// expected to say", "was due to tell").
const FUTURE_LEADS: &[&str] = &[
    "expected",
    "due",
    "set",
    "likely",
    "unlikely",
    "going",
    "about",
    "scheduled",
    "poised",
    "ready",
    "prepared",
    "able",
];

/// The subject of the speech verb at token `cue`, looking back no further than token `floor`.
/// None for a passive verb ("is described as") or when nothing fits.
pub fn before(toks: &[Tok<'_>], lex: &Lexicon, cue: usize, floor: usize) -> Option<Speaker> {
    // "is quoted as saying" is passive in form only.
    let participle = toks
        .get(cue)
        .is_some_and(|t| t.lower.ends_with("ing") || t.is("quoted"));
    let mut i = cue;
    // "Mr Kennedy is to tell", "Smith is expected to say": a future, not a passive.
    if i > floor + 1 && toks[i - 1].is("to") {
        let mut k = i - 1;
        if k > floor + 1 && FUTURE_LEADS.contains(&toks[k - 1].lower) {
            k -= 1;
        }
        if k > floor + 1 && lex.has(&toks[k - 1], BE) && toks[k - 1].run.is_none() {
            i = k - 1;
        }
    }
    let mut passive = false;
    while i > floor {
        let t = &toks[i - 1];
        if t.run.is_some() {
            break;
        }
        if lex.has(t, BE) {
            passive = true;
        } else if t.is_number() && i - 1 > floor && lex.has(&toks[i - 2], NP_PREP) {
            // A dated aside between subject and verb: "Tony Blair had in 1997 complained".
            i -= 2;
            continue;
        } else if !(lex.has(t, SKIP) || is_adverb(t) || aside_word(t)) {
            break;
        }
        i -= 1;
    }
    if passive && !participle {
        return None;
    }
    // "Okafor, host of radio's “Morning Call,” thanked": the comma inside a title's closing
    // marks sets off the description.
    if i > floor + 1
        && toks[i - 1].run.is_some()
        && !toks[i - 1].word
        && toks[i - 2].is_punct(',')
        && toks[i - 2].run == toks[i - 1].run
    {
        i -= 1;
    }
    // A bracketed affiliation before the verb: "Harry M. Reid (D-Nev.) told".
    if i > floor && toks[i - 1].is_punct(')') {
        let mut k = i - 1;
        while k > floor && i - 1 - k < 12 && !toks[k].is_punct('(') {
            k -= 1;
        }
        if toks[k].is_punct('(') {
            i = k;
        }
    }
    if i > floor && lex.has(&toks[i - 1], RELATIVE) {
        i -= 1;
        if i > floor && toks[i - 1].is_punct(',') {
            i -= 1;
        }
        return collect_back(toks, lex, i, floor);
    }
    if i > floor && toks[i - 1].is_dash() {
        // A description between dashes: "Jason Sims — a teacher from Ames — says".
        let close = i - 1;
        if let Some(open) = (floor.max(close.saturating_sub(24))..close)
            .rev()
            .find(|&k| toks[k].is_dash())
            .filter(|&k| k > floor && !toks[k + 1..close].iter().any(|t| t.run.is_some()))
        {
            return collect_back(toks, lex, open, floor);
        }
        return None;
    }
    if i > floor && toks[i - 1].is_punct(',') {
        // An appositive or aside between commas: "Trump, the nominee, said", "Analysts, however, noted".
        let close = i - 1;
        let mut k = close;
        let mut place_comma = None;
        while k > floor && close - k < 24 {
            k -= 1;
            let t = &toks[k];
            // A town and its state inside an aside: "Clinton, at a meeting in Columbus, Ohio, said".
            if place_pair(toks, k, close) {
                place_comma.get_or_insert(k);
                continue;
            }
            // An aside may quote a title: "Hemsley, the co-author of “Going Viral,” said".
            if t.is_punct(',') && t.run.is_none()
                || !(t.word || t.run.is_some() || t.is_punct('.') || t.is_punct('-'))
            {
                break;
            }
        }
        if k < close && toks[k].is_punct(',') && k > floor && close - k > 1 {
            // "Aliyev's foreign policy adviser, Hikmet Hajiyev, said": a name set off after a
            // description is the speaker; "Trump, the nominee, said": a description after a name
            // is not.
            let aside = &toks[k + 1..close];
            // "Her GP, Dr Aoife Keogh, said": so is a phrase opened by a determiner.
            let opened = (floor.max(k.saturating_sub(4))..k)
                .rev()
                .take_while(|&j| toks[j].word && toks[j].run.is_none())
                .last()
                .is_some_and(|j| lex.has(&toks[j], DET) && (j == floor || !toks[j - 1].word));
            let description = toks[k - 1].word && (!toks[k - 1].cap || opened);
            // A title may open the name: "The club's lawyer, Dr Aoife Keogh, said".
            let titled = aside
                .iter()
                .take_while(|t| t.cap && lex.has(t, TITLE) || t.is_punct('.'))
                .count();
            if description && is_name(lex, &aside[titled..]) {
                return Some(build(toks, lex, k + 1, close));
            }
            return collect_back(toks, lex, k, floor);
        }
        // "a woman in Worcester, Massachusetts, told": the town's comma ends the subject.
        if let Some(p) = place_comma {
            return collect_back(toks, lex, p, floor);
        }
        // A description too long to scan back over: the name that opens the sentence.
        return (floor..close)
            .find(|&c| toks[c].is_punct(','))
            .filter(|&c| appositive_end(toks, lex, floor, c, cue + 1) == Some(i))
            .map(|c| build(toks, lex, floor, c));
    }
    let sp = collect_back(toks, lex, i, floor);
    // A phrase that opens with a verb ("discuss strategy") or follows one ("to discuss the
    // talks") is no subject.
    let verb_phrase = |s: &Speaker| {
        let t = &toks[s.first];
        let after_verb = s.first > floor && {
            let p = &toks[s.first - 1];
            p.word
                && !p.cap
                && p.run.is_none()
                && lex.pronoun(p).is_none()
                && !lex.has(p, BOUNDARY | NP_PREP | DET | RELATIVE | SKIP | BE)
        };
        after_verb || (!t.cap && !lex.has(t, DET) && lex.pronoun(t).is_none() && !count_word(t))
    };
    if sp.as_ref().is_none_or(verb_phrase) {
        // "a White House official who spoke anonymously to discuss strategy said": a relative
        // clause without commas between a person and the verb; the phrase before "who" speaks.
        let who = (floor.max(i.saturating_sub(16))..i)
            .rev()
            .take_while(|&k| toks[k].word && toks[k].run.is_none())
            .find(|&k| toks[k].is("who"));
        if let Some(w) = who
            && let Some(head) = collect_back(toks, lex, w, floor)
        {
            return Some(head);
        }
    }
    sp
}

/// A personal name alone: capitalised words (initials and name particles allowed), no title first.
fn is_name(lex: &Lexicon, phrase: &[Tok<'_>]) -> bool {
    let words: Vec<&Tok<'_>> = phrase.iter().filter(|t| t.word).collect();
    (2..=5).contains(&words.len())
        && phrase
            .iter()
            .all(|t| t.word || t.is_punct('.') || t.is_punct('-'))
        && words.iter().filter(|t| t.cap).count() >= 2
        && words.iter().all(|t| t.cap || t.lower.len() <= 3)
        && !lex.has(words[0], TITLE | DET)
        && lex.pronoun(words[0]).is_none()
        && words.iter().all(|t| !t.lower.ends_with("'s"))
}

fn collect_back(toks: &[Tok<'_>], lex: &Lexicon, end: usize, floor: usize) -> Option<Speaker> {
    if end <= floor {
        return None;
    }
    // "Sen. Richard J. Durbin (D-Ill.)": the bracket belongs to the name before it.
    let end = if toks[end - 1].is_punct(')') {
        let mut k = end - 1;
        while k > floor && end - 1 - k < 12 && !toks[k].is_punct('(') {
            k -= 1;
        }
        if toks[k].is_punct('(') && k > floor {
            k
        } else {
            end
        }
    } else {
        end
    };
    // "Sanders, meanwhile, who ...": an aside word set off by commas ends no phrase, nor does
    // an age ("Gary Pearce, 54, who ...").
    let mut end = end;
    while end > floor + 1 && (aside_word(&toks[end - 1]) || age_after_name(toks, end - 1, floor)) {
        end -= 1;
        if end > floor + 1 && toks[end - 1].is_punct(',') {
            end -= 1;
        }
    }
    let last = &toks[end - 1];
    if last.run.is_some() {
        return None;
    }
    if lex.pronoun(last).is_some() {
        return Some(build(toks, lex, end - 1, end));
    }
    let mut j = end;
    let mut lowers = 0;
    while j > floor && end - j < 14 {
        let t = &toks[j - 1];
        if t.run.is_some() {
            break;
        }
        if !t.word {
            if abbrev_dot(toks, j - 1) && j < end {
                j -= 1;
                continue;
            }
            break;
        }
        if j < end && lex.pronoun(t).is_some() {
            break;
        }
        if lex.has(t, BOUNDARY) {
            let joins_names = t.is("and")
                && j < end
                && toks[j].cap
                && j >= 2 + floor
                && toks[j - 2].word
                && (toks[j - 2].cap || toks[j - 2].lower.ends_with('s'));
            // "the Florida senator and Republican presidential candidate": two descriptions of
            // one speaker, the first ending in a word for a person.
            let joins_roles = t.is("and")
                && j < end
                && j >= 2 + floor
                && toks[j - 2].word
                && !toks[j - 2].cap
                && toks[j - 2].run.is_none()
                && lex.person_noun(toks[j - 2].lower);
            if joins_names || joins_roles {
                j -= 1;
                continue;
            }
            break;
        }
        // "the two write": a count word that ends the phrase is its head.
        if lex.has(t, DET) && !(j == end && count_word(t)) {
            j -= 1;
            // "a spokesman for the senator": a phrase after a preposition that follows a common
            // noun belongs to that noun.
            let noun_prep = j >= 2 + floor
                && lex.has(&toks[j - 1], NP_PREP)
                && !toks[j - 1].cap
                && toks[j - 2].word
                && (!toks[j - 2].cap || j - 2 == floor)
                && toks[j - 2].run.is_none()
                && !lex.has(&toks[j - 2], BOUNDARY | DET | BE | SKIP | NP_PREP)
                && lex.pronoun(&toks[j - 2]).is_none()
                && lex.cue_at(toks, j - 2).is_none();
            if j > floor && (toks[j - 1].is("of") || noun_prep || org_for(lex, toks, j - 1, floor))
            {
                continue;
            }
            break;
        }
        if lex.has(t, NP_PREP) && !t.cap {
            let ok = j < end
                && j >= 2 + floor
                && toks[j - 2].word
                && toks[j - 2].run.is_none()
                && !lex.has(&toks[j - 2], BOUNDARY | DET | BE | SKIP)
                && (t.is("of")
                    || !toks[j - 2].cap
                    || j - 2 == floor
                    || org_for(lex, toks, j - 1, floor));
            if ok {
                j -= 1;
                continue;
            }
            break;
        }
        if !t.cap {
            if lex.has(t, BE | SKIP) || lex.cue_at(toks, j - 1).is_some() || lex.has(t, RELATIVE) {
                break;
            }
            lowers += 1;
            if lowers > 5 {
                break;
            }
        }
        j -= 1;
    }
    while j < end && (lex.has(&toks[j], NP_PREP) || toks[j].is_punct('.')) {
        j += 1;
    }
    (j < end).then(|| build(toks, lex, j, end))
}

/// "for" inside an organisation's name, after a capitalised organisation noun: "the Center for
/// Nonproliferation Studies", "the Institute for Fiscal Studies" (a person's "for" ends the phrase
/// before it: "Smith for Congress").
fn org_for(lex: &Lexicon, toks: &[Tok<'_>], k: usize, floor: usize) -> bool {
    toks[k].is("for") && k > floor && toks[k - 1].cap && lex.org_noun(toks[k - 1].lower)
}

/// The phrase starting at token `start` ("said Robert Stone, a retiree", "according to Fidan,").
pub fn after(toks: &[Tok<'_>], lex: &Lexicon, start: usize, limit: usize) -> Option<Speaker> {
    let limit = limit.min(toks.len());
    if start >= limit {
        return None;
    }
    let para = toks[start].para;
    if lex.pronoun(&toks[start]).is_some() {
        return Some(build(toks, lex, start, start + 1));
    }
    let mut j = start;
    while j < limit && j - start < 12 {
        let t = &toks[j];
        if t.run.is_some() || t.para != para {
            break;
        }
        if !t.word {
            if abbrev_dot(toks, j) && j > start {
                j += 1;
                continue;
            }
            break;
        }
        // "according to calculations by Amy Glasmeier", "a court filing by the state": a
        // document's author is named after it.
        let author = t.is("by")
            && j > start
            && toks[start..j].iter().all(|t| !t.cap || lex.has(t, DET))
            && toks.get(j + 1).is_some_and(|n| n.word && n.run.is_none());
        if author {
            j += 1;
            continue;
        }
        if lex.has(t, BOUNDARY | RELATIVE) {
            let joins_names = t.is("and")
                && j > start
                && toks[j - 1].cap
                && toks.get(j + 1).is_some_and(|n| n.cap);
            if !joins_names {
                break;
            }
        }
        if lex.has(t, NP_PREP) && !t.is("of") && !t.is("for") {
            break;
        }
        if !t.cap && lex.has(t, BE | SKIP) {
            break;
        }
        if lex.has(t, DET) && j > start && !toks[j - 1].is("of") && !toks[j - 1].is("for") {
            break;
        }
        if j > start && lex.cue_at(toks, j).is_some() {
            break;
        }
        j += 1;
    }
    while j > start && (lex.has(&toks[j - 1], NP_PREP | DET) || !toks[j - 1].word) {
        j -= 1;
    }
    (j > start).then(|| build(toks, lex, start, j))
}

fn build(toks: &[Tok<'_>], lex: &Lexicon, first: usize, end: usize) -> Speaker {
    let phrase = &toks[first..end];
    // The name: trailing capitalised words that are no titles, joined by "and".
    let mut k = end;
    while k > first {
        let t = &toks[k - 1];
        let name_word = t.word && t.cap && !lex.has(t, TITLE) && !t.lower.ends_with("'s");
        let join = t.is("and") && k < end && k - 1 > first && toks[k - 2].cap;
        if name_word || join {
            k -= 1;
        } else {
            break;
        }
    }
    let trim = k > first && k < end && {
        let before = &toks[k - 1];
        lex.has(before, TITLE)
            || (before.is_punct('.') && k >= 2 + first && lex.has(&toks[k - 2], TITLE))
            || (before.word && !before.cap && !lex.has(before, NP_PREP | DET))
            || before.lower.ends_with("'s")
    };
    let name_first = if trim { k } else { first };
    let span = Span::new(toks[name_first].start(), toks[end - 1].end());
    let mut heads = Vec::new();
    let mut conj_start = first;
    for i in first..=end {
        if i == end || toks[i].is("and") {
            if let Some(h) = head_of(lex, &toks[conj_start..i]) {
                heads.push(h);
            }
            conj_start = i + 1;
        }
    }
    let anaphor = if phrase.len() == 1 {
        lex.pronoun(&phrase[0]).map(|p| {
            if p.plural {
                Anaphor::Plural
            } else if p.person {
                Anaphor::Singular
            } else {
                Anaphor::Thing
            }
        })
    } else {
        None
    }
    .or_else(|| definite(phrase));
    Speaker {
        span,
        first,
        end,
        heads,
        anaphor,
    }
}

/// The last word before a preposition: "advocates" in "advocates in Yerevan".
fn head_of(lex: &Lexicon, conj: &[Tok<'_>]) -> Option<Span> {
    let cut = conj
        .iter()
        .position(|t| lex.has(t, NP_PREP) && !t.cap)
        .unwrap_or(conj.len());
    conj[..cut].iter().rev().find(|t| t.word).map(Tok::span)
}

/// "the commentators", "these officials": a definite phrase of common nouns refers back.
fn definite(phrase: &[Tok<'_>]) -> Option<Anaphor> {
    let (first, rest) = phrase.split_first()?;
    let det = matches!(first.lower, "the" | "these" | "those" | "both");
    // A capitalised modifier may stand before the lower-case head: "the Waterford man", "the
    // Tory leader" (a capitalised head names something: "the White House").
    let (head, modifiers) = rest.split_last()?;
    if !det
        || rest.len() > 3
        || head.cap
        || !head.word
        || modifiers.iter().any(|t| !t.word || t.lower.ends_with("'s"))
    {
        return None;
    }
    let head = head.lower;
    Some(if head.ends_with('s') && !head.ends_with("ss") {
        Anaphor::Plural
    } else {
        Anaphor::Singular
    })
}

/// The subject of a sentence's main verb, for a cue without its own ("..., saying", "and said"):
/// the first phrase, at the sentence start or after a comma, followed by a verb.
pub fn main_subject(toks: &[Tok<'_>], lex: &Lexicon, start: usize, end: usize) -> Option<Speaker> {
    let mut starts = vec![start];
    starts.extend(
        (start..end)
            // "Washington (AFP) – Democrat Hillary Clinton has ...": a dateline's dash too.
            .filter(|&k| toks[k].is_punct(',') || toks[k].is_dash())
            .map(|k| k + 1),
    );
    for (n, mut s) in starts.into_iter().enumerate() {
        let opens_sentence = n == 0;
        // "And then Trump went on the attack, saying ...": a sentence may open with a conjunction.
        // Only before a name or pronoun: "But a few days later, Trump ..." opens with an adverbial.
        if s == start && s + 1 < end && toks[s].is_opening_conjunction() {
            let mut k = s + 1;
            while k < end && lex.has(&toks[k], SKIP) && !toks[k].cap {
                k += 1;
            }
            if k < end && toks[k].word && (toks[k].cap || lex.pronoun(&toks[k]).is_some()) {
                s = k;
            }
        }
        // "Then he cut into Bush, calling ...": adverbs open the clause before its subject.
        while s < end && lex.has(&toks[s], SKIP) && !toks[s].cap {
            s += 1;
        }
        while s < end && toks[s].cap && lex.has(&toks[s], SKIP) && lex.pronoun(&toks[s]).is_none() {
            s += 1;
        }
        if s < end && lex.pronoun(&toks[s]).is_some() {
            return Some(build(toks, lex, s, s + 1));
        }
        // "In a statement, ...": a clause opening with a preposition has no subject there, nor
        // one opening with a verb (", said he would ...").
        if s < end
            && (lex.has(&toks[s], NP_PREP | BOUNDARY)
                || (!toks[s].cap
                    && (toks[s].lower.ends_with("ed") || lex.cue_at(toks, s).is_some())))
        {
            continue;
        }
        let mut k = s;
        while k < end && k - s < 10 {
            let t = &toks[k];
            if abbrev_dot(toks, k) {
                k += 1;
                continue;
            }
            // "Sen. Bernie Sanders (I-Vt.) called": a bracket after a name is part of it.
            if t.is_punct('(')
                && k > s
                && toks[k - 1].cap
                && let Some(close) = (k + 1..end.min(k + 8)).find(|&i| toks[i].is_punct(')'))
            {
                k = close + 1;
                continue;
            }
            // "Tracy Martin, the boy's father, issued a statement, saying ...": a name set off
            // by a description before its verb.
            if t.is_punct(',') && k > s && opens_sentence {
                if appositive_end(toks, lex, s, k, end).is_some() {
                    return Some(build(toks, lex, s, k));
                }
                break;
            }
            // "Trump and Ryan issued a statement describing ...": names joined by "and".
            let joins_names = t.is("and")
                && k > s
                && toks[k - 1].cap
                && toks.get(k + 1).is_some_and(|n| n.word && n.cap);
            // "Trump has consistently targeted ...": an auxiliary after the subject is its verb,
            // though it is also a clause word that a subject never crosses.
            let auxiliary = k > s && !t.cap && lex.has(t, BE | SKIP);
            if !t.word
                || t.run.is_some()
                || (lex.has(t, BOUNDARY | RELATIVE) && !joins_names && !auxiliary)
            {
                break;
            }
            let verb = !t.cap
                && k > s
                && !lex.has(&toks[k - 1], DET)
                && (t.lower.ends_with("ed")
                    || lex.has(t, BE | SKIP)
                    || lex.past_verb(t.lower)
                    || lex.cue_at(toks, k).is_some());
            // "Hours later, she issued ...": an adverb that closes a clause with its comma ends an
            // adverbial, not a subject before its verb.
            if verb && lex.has(t, SKIP) && toks.get(k + 1).is_some_and(|n| n.is_punct(',')) {
                break;
            }
            if verb {
                return Some(build(toks, lex, s, k));
            }
            if lex.has(t, NP_PREP) && !t.cap {
                break;
            }
            k += 1;
        }
    }
    None
}

/// Whether tokens `s..comma` are a name (capitalised words, a title allowed first) followed at
/// `comma` by a description set off by commas and then a verb: "Rich Heffley, a party operative who
/// ran the state campaign, said". Returns the token of that verb, before `end`. The description
/// holds no quotation and at most 48 tokens, so a list of names ("Smith, Jones, Brown said") is no
/// description: its first part after the comma must be lowercase or a determiner.
fn appositive_end(
    toks: &[Tok<'_>],
    lex: &Lexicon,
    s: usize,
    comma: usize,
    end: usize,
) -> Option<usize> {
    let name = &toks[s..comma];
    let words = name.iter().filter(|t| t.word).count();
    if !(1..=5).contains(&words)
        || !name
            .iter()
            .all(|t| (t.word && t.cap && !t.lower.ends_with("'s")) || t.is_punct('.'))
        || lex.pronoun(&toks[s]).is_some()
        || lex.has(&toks[s], DET | BOUNDARY | NP_PREP)
        || !name.last().is_some_and(|t| t.word && !lex.has(t, TITLE))
    {
        return None;
    }
    let first = toks.get(comma + 1)?;
    // "a party operative", "the boy's father", "founder of", "54": no name of its own.
    let describes = (first.word && (!first.cap || first.lower.ends_with("'s")))
        || lex.has(first, DET)
        || first.is_number();
    if !describes || first.run.is_some() {
        return None;
    }
    let ceiling = end.min(comma + 48);
    let mut k = comma + 1;
    while k < ceiling {
        let t = &toks[k];
        if t.is_punct(';') || t.is_punct(':') {
            return None;
        }
        let mut at = k;
        if let Some(run) = t.run {
            // "Washington, star of television's “Scandal,” thanked": a short quoted title inside
            // the description; its closing comma may stand inside the marks.
            let close = (k..ceiling).find(|&m| toks[m].run != Some(run))?;
            if toks[k..close].iter().filter(|w| w.word).count() > 6 {
                return None;
            }
            if !toks[close - 1].is_punct(',') {
                k = close;
                continue;
            }
            at = close - 1;
            k = close - 1;
        }
        k += 1;
        if toks[at].is_punct(',') && k < end {
            let v = &toks[k];
            let verb = v.word
                && !v.cap
                && (v.lower.ends_with("ed")
                    || lex.past_verb(v.lower)
                    || lex.cue_at(toks, k).is_some()
                    || lex.has(v, SKIP | BE));
            if verb {
                return Some(k);
            }
        }
    }
    None
}

/// Whether the comma at token `k` joins a town to its state or country ("Columbus, Ohio", "Carson,
/// Calif.") or a name to its party ("Rand Paul, R-Ky."): a capitalised word before it and one
/// capitalised word after it, up to the next comma (at most `close`).
fn place_pair(toks: &[Tok<'_>], k: usize, close: usize) -> bool {
    if !toks[k].is_punct(',') || toks[k].run.is_some() || k == 0 {
        return false;
    }
    let before = &toks[k - 1];
    if !(before.word && before.cap) {
        return false;
    }
    let Some(m) = (k + 1..=close.min(k + 5)).find(|&m| toks[m].is_punct(',')) else {
        return false;
    };
    // One word ("Ohio", "Calif.", "R-Ky."): two capitalised words are more often a name set off
    // after a description ("The head of the league, Jon Green, said").
    let seg = &toks[k + 1..m];
    let words = seg.iter().filter(|t| t.word).count();
    words == 1
        && seg
            .iter()
            .all(|t| (t.word && t.cap && !t.lower.ends_with("'s")) || t.is_punct('.'))
}
