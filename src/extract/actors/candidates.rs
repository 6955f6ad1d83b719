//! Candidate names: runs of capitalised words (with particles such as "of", "van", "bin"), cut
//! into gazetteer hits, titled people, organisations and unknown stretches that `classify` judges.

use super::classify::{self, Evidence};
use super::context::Doc;
use super::lexicon::{Entry, Lexicon, list};
use super::roles::{self, Role};
use super::tokens::TokKind;

/// What a candidate is, as far as one run can tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CKind {
    Person,
    Org,
    Place,
    /// One unknown capitalised word: resolved against the whole document in `coref`.
    Single,
}

/// One name in the text. Kept small (64 bytes): a long document of capitalised words holds one
/// per word or two, so their size is the stage's memory per input byte.
#[derive(Clone, Debug)]
pub struct Cand {
    /// Token range of the name as written (no title, no possessive).
    pub a: usize,
    pub b: usize,
    pub kind: CKind,
    /// The canonical name when it is not the text as written: a gazetteer's name, a name from an
    /// all-caps line in title case (`Cand::name`).
    pub canonical: Option<Box<str>>,
    pub country: Option<Box<str>>,
    pub role: Option<Box<Role>>,
    pub evidence: Evidence,
}

impl Cand {
    /// The canonical name: the gazetteer's, else the text of `a..b`.
    pub fn name<'d>(&'d self, doc: &'d Doc) -> &'d str {
        match &self.canonical {
            Some(name) => name,
            None => doc.span_text(self.a, self.b),
        }
    }
}

/// Connectors that join two names into one only in organisations and gazetteer names.
pub fn is_joiner(w: &str) -> bool {
    matches!(w, "of" | "for" | "and" | "&" | "the")
}

pub fn find(doc: &Doc, lex: &Lexicon) -> Vec<Cand> {
    let n = doc.toks.len();
    let mut out = Vec::with_capacity((n / 8).min(1 << 10));
    let mut i = 0;
    while i < n {
        if !doc.is_cap(i) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i + 1;
        // A name never runs into the next sentence ("wrote on X. Rubinyan said").
        while doc.joined(b - 1) && b < n && !doc.initial(b) {
            if doc.is_cap(b) && doc.strict(b) == doc.strict(a) {
                b += 1;
            } else if doc.s(b) == "/" && acronym_pair(doc, lex, b - 1, b + 2).is_some() {
                // "CDU / CSU" is a run of its own (`acronym_pair`).
                if b - 1 == a {
                    b += 2;
                } else {
                    b -= 1;
                }
                break;
            } else if (doc.is(b, list::PARTICLE) || is_joiner(doc.fold(b)))
                && doc.joined(b)
                && doc.is_cap(b + 1)
            {
                b += 2;
            } else if (doc.is(b, list::PARTICLE) && doc.is(b + 1, list::PARTICLE)
                // "International Committee of the Red Cross": after an organisation word only,
                // so "Deputy Prime Minister of the Republic of ..." is no name.
                || matches!(doc.fold(b), "of" | "for")
                    && doc.fold(b + 1) == "the"
                    && doc.is(b - 1, list::ORG_SUFFIX)
                    && !doc.is(b - 1, list::TITLE_WORD))
                && doc.joined(b)
                && doc.joined(b + 1)
                && doc.is_cap(b + 2)
                && !doc.initial(b + 2)
            {
                b += 3;
            } else {
                break;
            }
        }
        let first = out.len();
        run(doc, lex, a, b, &mut out);
        for j in first..out.len() {
            let free = if j > 0 { out[j - 1].b } else { 0 };
            leading_particles(doc, lex, &mut out[j], free);
        }
        lower_body(doc, lex, b, &mut out);
        i = b;
    }
    for c in &mut out {
        let guessed_person =
            c.kind == CKind::Person && c.role.is_none() && !doc.given(c.a) && !c.evidence.speech;
        // "c Cork b Croft": a cricket scorecard names players, whatever the gazetteer says.
        if c.evidence.sports && c.a > 0 && matches!(doc.s(c.a - 1), "b" | "c" | "st" | "lbw") {
            c.kind = CKind::Person;
            continue;
        }
        // "3. Michael Schumacher (Germany) Ferrari 1:51.778": in a ranked results line the name
        // after a competitor's bracketed country is the competitor's team or make.
        if c.a > 0 && bracket_before(doc, c.a).is_some_and(|o| ranked_line(doc, o)) {
            c.kind = CKind::Org;
            c.evidence.cues |= classify::cue::TEAM | classify::cue::RESULTS;
            c.canonical = None;
            c.country = None;
            c.role = None;
            continue;
        }
        let single = c.kind == CKind::Single && !c.evidence.strict;
        // "the town of Kaolack", "the port of Yingkou": a place, whatever its shape says.
        if c.a >= 2
            && matches!(c.kind, CKind::Single | CKind::Person)
            && c.role.is_none()
            && doc.fold(c.a - 1) == "of"
            && !doc.toks[c.a - 2].cap
            && lex.place_nouns.contains(doc.fold(c.a - 2))
        {
            c.kind = CKind::Place;
            continue;
        }
        // A nation fields national teams, which are places as countries are ("ENGLAND V PAKISTAN").
        let town = c.kind == CKind::Place
            && c.country.is_some()
            && !lex.nations.contains(&*doc.key(c.a, c.b));
        if ((guessed_person || single || town)
            && (team_context(doc, c.a, c.b) || match_score(doc, lex, c.a, c.b)))
            // "Alec Stewart 3 5 0 396 170 79.20": a player's averages row, not a league row.
            || (c.kind != CKind::Org
                && !(c.kind == CKind::Person && doc.given(c.a))
                && standings_row(doc, c.a, c.b))
        {
            c.kind = CKind::Org;
            c.evidence.cues |= classify::cue::TEAM | classify::cue::RESULTS;
        }
    }
    out
}

/// "van der Sar", "de Klerk", "De Kock": particles (`assets/leading-particles.txt`, the first
/// of them capitalised or not) right before a person or an unknown word open the surname; the candidate takes them in and is
/// a person's name of its own (as the full name "Edwin van der Sar" holds them). At most three
/// particles, on the same line, after no capitalised word but a sentence's first.
fn leading_particles(doc: &Doc, lex: &Lexicon, c: &mut Cand, free: usize) {
    if !matches!(c.kind, CKind::Person | CKind::Single)
        || c.evidence.strict
        || c.role.is_some()
        || c.canonical.is_some()
        || doc.toks[c.a].nl_before
    {
        return;
    }
    // `free`: where the candidate before ends; no particle of its name is taken.
    let mut k = c.a;
    while k > free
        && c.a - k < 3
        && lex.leading_particles.contains(doc.fold(k - 1))
        && (k == c.a || !doc.toks[k].nl_before)
    {
        k -= 1;
    }
    // Only the first particle may be capitalised ("Van der Sar", "De Kock", "Dal Maso"), as a
    // name's first word is.
    while k < c.a && (k + 1..c.a).any(|j| doc.toks[j].cap) {
        k += 1;
    }
    // "Later van der Sar said": a sentence's first word before the particles is no part of it.
    let opener = k > 0 && doc.initial(k - 1) && !doc.given(k - 1);
    if k == c.a || (k > 0 && doc.is_cap(k - 1) && !opener) {
        return;
    }
    c.a = k;
    c.kind = CKind::Person;
}

/// "Azerbaijan's foreign ministry said": a country's own body (`assets/national-bodies.txt`) in
/// lower case after the possessive of a place that the run just before ended with (`b` is the
/// possessive's index) is that country's organisation, named as its capitalised form would be
/// ("Foreign Ministry", keyed with the country as "Azerbaijani Foreign Ministry" is). Two or
/// three words, each a title or organisation word ("foreign", "interior", "ministry"), the last
/// a body's word. "the foreign ministry" alone has no country and names nobody.
fn lower_body(doc: &Doc, lex: &Lexicon, b: usize, out: &mut Vec<Cand>) {
    let Some(place) = out.last() else { return };
    if place.b != b
        || place.kind != CKind::Place
        || doc.toks.get(b).is_none_or(|t| t.kind != TokKind::Poss)
    {
        return;
    }
    let a = b + 1;
    let mut q = a;
    while q < a + 3
        && doc
            .toks
            .get(q)
            .is_some_and(|t| t.kind == TokKind::Word && !t.cap && !t.nl_before)
        && doc.is(q, list::TITLE_WORD | list::ORG_SUFFIX)
    {
        q += 1;
    }
    // A body's word alone ("Armenia's government") is the country's government, which the
    // groups stage names ("Armenian government").
    let Some(end) = (a + 1..q)
        .rev()
        .find(|&k| lex.national_bodies.contains(doc.fold(k)))
    else {
        return;
    };
    let country = place.country.as_deref().unwrap_or(place.name(doc)).into();
    let end = end + 1;
    out.push(Cand {
        a,
        b: end,
        kind: CKind::Org,
        canonical: Some(classify::title_case(doc.span_text(a, end)).into_boxed_str()),
        country: Some(country),
        role: None,
        evidence: Evidence::new(doc, lex, a, end),
    });
}

/// A capitalised word that is no name we know and not a common word of the text.
fn unknown_tail(doc: &Doc, i: usize) -> bool {
    !doc.toks[i].upper
        && !doc.has_lower(i)
        && !doc.given(i)
        && !doc.is(i, list::NON_NAME | list::TITLE_WORD | list::DEMONYM)
        && doc.phrase_len(i) == 0
}

/// The index of the "(" of a short bracketed name ("(Germany)", "(New Zealand)") that ends
/// right before token `i`, on the same line.
fn bracket_before(doc: &Doc, i: usize) -> Option<usize> {
    if i < 3 || doc.s(i - 1) != ")" || doc.toks[i].nl_before || doc.toks[i - 1].nl_before {
        return None;
    }
    let mut k = i - 2;
    while k + 5 > i && k > 0 && doc.is_cap(k) && !doc.toks[k].nl_before {
        k -= 1;
    }
    (k + 2 < i && doc.s(k) == "(" && !doc.toks[k + 1].nl_before).then_some(k)
}

/// The index just past a short bracketed name ("(Moldova)") that opens at token `i` on the
/// same line.
fn bracket_after(doc: &Doc, i: usize) -> Option<usize> {
    if doc.toks.get(i).is_none_or(|t| t.nl_before) || doc.s(i) != "(" {
        return None;
    }
    let mut k = i + 1;
    while k < i + 4 && doc.toks.get(k).is_some_and(|t| !t.nl_before) && doc.is_cap(k) {
        k += 1;
    }
    (k > i + 1 && doc.toks.get(k).is_some_and(|t| !t.nl_before) && doc.s(k) == ")").then_some(k + 1)
}

/// Whether the line holding token `i` opens with a rank: "3.", "8 .", "1 -". Looks back at
/// most a dozen tokens, so each call is constant work.
fn ranked_line(doc: &Doc, i: usize) -> bool {
    let mut k = i;
    while k > 0 && !doc.toks[k].nl_before && i - k < 12 {
        k -= 1;
    }
    if !doc.toks[k].nl_before_or_first(k) || doc.toks[k].kind != TokKind::Number {
        return false;
    }
    let rank = doc.s(k);
    let digits = rank.trim_end_matches('.');
    !digits.is_empty()
        && digits.len() <= 3
        && digits.bytes().all(|c| c.is_ascii_digit())
        && (rank.ends_with('.')
            || matches!(doc.toks.get(k + 1).map(|_| doc.s(k + 1)), Some("." | "-")))
}

/// A league table row: a name at the start of a line followed by five or more numbers.
fn standings_row(doc: &Doc, a: usize, b: usize) -> bool {
    if !doc.toks[a].nl_before_or_first(a) {
        return false;
    }
    let mut n = 0;
    let mut i = b;
    while let Some(t) = doc.toks.get(i) {
        if t.nl_before || t.kind != TokKind::Number {
            break;
        }
        n += 1;
        i += 1;
    }
    n >= 5
}

/// A city or region in a results line is a team: "Volendam 1 PSV Eindhoven 3", "Swansea v
/// Lincoln", "MILWAUKEE AT CHICAGO", "BALTIMORE 68 61 .527 6".
fn team_context(doc: &Doc, a: usize, b: usize) -> bool {
    let is_score = |i: usize| {
        doc.toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Number && !t.nl_before && {
                let s = t.span.slice(doc.text);
                s.len() <= 3 && s.bytes().all(|c| c.is_ascii_digit())
            }
        })
    };
    let versus = |i: usize| {
        doc.toks.get(i).is_some_and(|t| {
            let f = doc.tok_fold(t);
            matches!(f, "v" | "vs" | "vs." | "at") && (f != "at" || t.upper)
        })
    };
    // "Chisinau (Moldova) 2 (2-1)": a bracketed country may stand between a team and its score.
    let s = bracket_after(doc, b).unwrap_or(b);
    let next_unit = doc
        .toks
        .get(s + 1)
        .is_some_and(|t| t.kind == TokKind::Word && !t.cap);
    // After a bracketed country the score ends the line or comes before the other side or the
    // half-time score: "Courtney Walsh (West Indies) 309, 82" is a bowler's wickets and runs.
    // "Brooks 69 69 74 71,": a golfer's rounds (a league row of five or more numbers is
    // `standings_row`'s).
    let rounds = is_score(s) && is_score(s + 1);
    let next_side = (s == b && !rounds)
        || doc
            .toks
            .get(s + 1)
            .is_none_or(|t| t.nl_before || t.cap || doc.s(s + 1) == "(");
    // "In Bergen: Brann (Norway) 2 Shelbourne (Ireland) 1": a venue's colon opens the line.
    let opens = doc.toks[a].nl_before_or_first(a)
        || (s > b && a > 0 && doc.s(a - 1) == ":" && !doc.toks[a].nl_before);
    (is_score(s) && !next_unit && next_side && opens)
        || (is_score(s) && next_side && a > 0 && is_score(a - 1))
        || versus(b)
        || (a > 0 && versus(a - 1))
}

/// "Vaduz won 4-2 on penalties", "Formula Shell beat Ginebra San Miguel 89-86": a side before a
/// result verb (`assets/result-verbs.txt`) and one match score, or the side between the verb and
/// the score. A second score after it is a player's sets ("beat Agassi 6-4 6-3").
fn match_score(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> bool {
    let score = |i: usize| {
        doc.toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Number
                && !t.nl_before
                && doc.s(i).split_once('-').is_some_and(|(x, y)| {
                    (1..=3).contains(&x.len())
                        && (1..=3).contains(&y.len())
                        && x.bytes().chain(y.bytes()).all(|c| c.is_ascii_digit())
                })
        })
    };
    let verb = |i: usize| {
        doc.toks.get(i).is_some_and(|t| !t.nl_before && !t.cap)
            && lex.result_verbs.contains(doc.fold(i))
    };
    // The object: "beat Ginebra San Miguel 89-86".
    if a > 0 && verb(a - 1) && score(b) {
        return !score(b + 1);
    }
    // The subject: "Vaduz won 4-2", "Partizan beat Benetton 97-94".
    if verb(b) {
        let mut k = b + 1;
        while k < b + 6 && doc.is_cap(k) {
            k += 1;
        }
        return score(k) && !score(k + 1);
    }
    false
}

/// The longest gazetteer phrase starting at `p` and ending by `b`.
pub fn gazetteer<'l>(
    doc: &Doc,
    lex: &'l Lexicon,
    p: usize,
    b: usize,
) -> Option<(usize, &'l Entry)> {
    let max = doc.phrase_len(p);
    for len in (1..=max.min(b - p)).rev() {
        let key = doc.key(p, p + len);
        if let Some(e) = lex.phrases.get(&*key) {
            // In all-caps lines short acronyms are ordinary words ("WHO", "US").
            if let Entry::Org { acronym: true, .. } = e
                && doc.shouting(p)
            {
                continue;
            }
            if matches!(e, Entry::Place(_)) && key == "us" && doc.shouting(p) {
                continue;
            }
            return Some((len, e));
        }
    }
    None
}

pub fn demonym_len(doc: &Doc, lex: &Lexicon, p: usize, b: usize) -> usize {
    if p + 1 < b && doc.is(p, list::DEMONYM_FIRST) && lex.demonyms.contains_key(&*doc.key(p, p + 2))
    {
        return 2;
    }
    // "Lebanese-Armenian": demonyms joined by hyphens (`Tok::hyphen`: the fold holds one).
    let compound = || {
        doc.toks.get(p).is_some_and(|t| t.hyphen)
            && doc.fold(p).split('-').all(|x| lex.demonyms.contains_key(x))
    };
    usize::from(doc.is(p, list::DEMONYM) || compound())
}

/// "Per Nyman", "Jan Kroslak": a given name that is also a common word, before a name.
fn given_first(doc: &Doc, lex: &Lexicon, p: usize, b: usize) -> bool {
    doc.given(p)
        && !doc.initial(p)
        && p + 1 < b
        && doc.is_cap(p + 1)
        && !doc.is(p + 1, list::NON_NAME)
        && gazetteer(doc, lex, p + 1, b).is_none()
}

fn droppable(doc: &Doc, lex: &Lexicon, p: usize, b: usize) -> bool {
    let f = doc.fold(p);
    if is_joiner(f) {
        return true;
    }
    if gazetteer(doc, lex, p, b).is_some() || doc.is(p, list::TITLE_WORD) {
        return false;
    }
    if doc.is(p, list::NON_NAME) {
        return !given_first(doc, lex, p, b);
    }
    doc.initial(p) && doc.has_lower(p) && !doc.given(p)
}

pub fn push_entry(doc: &Doc, lex: &Lexicon, out: &mut Vec<Cand>, a: usize, b: usize, e: &Entry) {
    let (kind, name, country) = match e {
        Entry::Place(p) => (CKind::Place, &p.name, p.country.as_deref()),
        Entry::Org { name, .. } => (CKind::Org, name, None),
    };
    out.push(Cand {
        a,
        b,
        kind,
        canonical: Some(name.as_str().into()),
        country: country.map(Box::from),
        role: None,
        evidence: Evidence::new(doc, lex, a, b),
    });
}

/// Judges the run of capitalised words `a..b`, part by part: a part that is a name of its own
/// ends where the next one starts ("German Chancellor Friedrich Merz and French President
/// Emmanuel Macron"). A loop rather than recursion, so a run of any length takes no stack.
pub fn run(doc: &Doc, lex: &Lexicon, a: usize, b: usize, out: &mut Vec<Cand>) {
    let mut a = a;
    while a < b {
        let end = [and_split(doc, lex, a, b), of_split(doc, lex, a, b)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(b);
        let next = run_part(doc, lex, a, end, out);
        a = if next < end { next.max(a + 1) } else { end };
    }
}

/// "Lufthansa and British Airways", "Partizan and Villareal": two names joined by "and" are two
/// names, unless the "and" belongs to an organisation's "of"/"for" phrase ("Department of Trade
/// and Industry"; but not before "The" or an organisation of its own: "Banque du Caire and Bank of
/// Alexandria"), to a gazetteer name ("Bosnia and Herzegovina"), or joins two common words
/// before an organisation word ("Securities and Exchange Commission": the words before the "and"
/// are no name of their own — no organisation word, acronym or gazetteer name among them). The
/// index of the "and".
fn and_split(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Option<usize> {
    let is_suffix = |k: usize| doc.is(k, list::ORG_SUFFIX) && !doc.is(k, list::TITLE_WORD);
    // An organisation word names something after another word ("Deutsche Bank"); alone it is a
    // common word ("Securities and Exchange Commission").
    let own_name = |p: usize| {
        let a = if doc.fold(a) == "the" { a + 1 } else { a };
        (a..p).any(|k| {
            (k > a && is_suffix(k)) || doc.toks[k].acronym() || gazetteer(doc, lex, k, p).is_some()
        })
    };
    // "Emily Eavis and BBC Radio": a person's name (a given name and one or two words, no
    // organisation word) before the "and".
    let person_before = |p: usize| {
        doc.given(a) && (2..=3).contains(&(p - a)) && (a..p).all(|k| !doc.is(k, list::ORG_SUFFIX))
    };
    // "Banque du Caire and Bank of Alexandria", "United Bank of Africa and Standard Trust Bank": an
    // organisation of three or more words with its own organisation word (last, or before "of")
    // after the "and" of an "of" phrase.
    let org_after = |p: usize| {
        b >= p + 4 && (p + 1..b).any(|k| is_suffix(k) && (k + 1 == b || doc.fold(k + 1) == "of"))
    };
    let mut of_phrase = false;
    let mut p = a;
    while p < b {
        if let Some((len, _)) = gazetteer(doc, lex, p, b)
            && len > 1
        {
            p += len;
            continue;
        }
        match doc.fold(p) {
            "of" | "for" => {
                of_phrase = true;
                p += 1;
            }
            "and" if p > a && !doc.toks[p].cap => {
                // "Independent and The Times": a capitalised article opens another name.
                let the = doc.s(p + 1) == "The";
                if of_phrase {
                    return (the || org_after(p)).then_some(p);
                }
                // "... and Bank of Alexandria": an organisation word and its "of" open a name.
                let of_name = is_suffix(p + 1) && doc.fold(p + 2) == "of";
                return ((p + 1..b).all(|k| !is_suffix(k))
                    || own_name(p)
                    || the
                    || of_name
                    || person_before(p))
                .then_some(p);
            }
            _ => p += 1,
        }
    }
    None
}

/// "FC Linz", "the Central Bank", "New Democracy", "Social Democratic Party": a word no name
/// holds on its own ("FC", "Central", "New") opens an organisation's name when the run is one —
/// a club's abbreviation first, a compass word in a results line ("West Bromwich 1"), or an
/// organisation word last (`classify::title_word_heads` for "Party"). Then not a sentence's first
/// word, unless it is a title word ("National Union of ..."), nor in a heading.
fn opens_org(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> bool {
    if b < a + 2 || is_joiner(doc.fold(a)) || !doc.is(a, list::NON_NAME) {
        return false;
    }
    // A club's abbreviation ("FC", "AC"), not a club's other words ("Wednesday Tony Blair");
    // a compass word in a results line or league row ("Charlton 1 West Bromwich 1").
    let club = doc.is(a, list::CLUB) && doc.toks[a].acronym()
        || lex.compass_prefixes.contains(doc.fold(a))
            && (standings_row(doc, a, b) || team_context(doc, a, b));
    if club {
        return true;
    }
    if doc.strict(a) || doc.initial(a) && !doc.is(a, list::TITLE_WORD) {
        return false;
    }
    let last = b - 1;
    doc.is(last, list::ORG_SUFFIX)
        && (!doc.is(last, list::TITLE_WORD) || classify::title_word_heads(doc, lex, a, last, b))
}

/// "CDU / CSU", "CDU/CSU": two acronyms joined by a slash, neither a place, are one alliance.
/// The end of the pair.
fn acronym_pair(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Option<usize> {
    let acronym = |k: usize| {
        doc.toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && t.acronym() && !doc.shouting(k) && t.span.len() >= 2
        }) && !matches!(gazetteer(doc, lex, k, k + 1), Some((_, Entry::Place(_))))
    };
    (a + 3 <= b
        && doc.s(a + 1) == "/"
        && doc.joined(a)
        && doc.joined(a + 1)
        && acronym(a)
        && acronym(a + 2))
    .then_some(a + 3)
}

/// Legal forms that end a company's name: "of" after them names where it is ("Bestop Inc of
/// Boulder"), not part of the name.
const CORPORATE: &[&str] = &[
    "inc", "corp", "co", "ltd", "plc", "llc", "partners", "ag", "sa", "nv", "ab", "bv", "gmbh",
];

/// "Scott Randall of Soundview Financial Group", "Bestop Inc of Boulder", "Benfica of Portugal":
/// an "of" that joins two names, not one name's parts ("Bank of England", "Duke of Edinburgh").
/// Before it: a person's name (a given name and one or two more words, no title or organisation
/// word), a company's legal form before a place or one or two words, or one unknown word before
/// a country. The index
/// of the "of".
fn of_split(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Option<usize> {
    let o = (a + 1..b.saturating_sub(1)).find(|&k| matches!(doc.fold(k), "of" | "for"))?;
    if doc.fold(o) != "of" || doc.toks[o].cap || doc.strict(a) {
        return None;
    }
    if gazetteer(doc, lex, a, b).is_some_and(|(len, _)| a + len > o) {
        return None;
    }
    let plain = |k: usize| {
        !doc.is(
            k,
            list::TITLE_WORD | list::ORG_SUFFIX | list::PLACE_SUFFIX | list::NON_NAME,
        )
    };
    if doc.given(a) && (2..=3).contains(&(o - a)) && (a..o).all(plain) {
        return Some(o);
    }
    let p = if doc.fold(o + 1) == "the" {
        o + 2
    } else {
        o + 1
    };
    let place = match gazetteer(doc, lex, p, b) {
        Some((len, Entry::Place(pl))) if p + len == b => Some(pl.kind),
        _ => None,
    };
    let legal = CORPORATE.contains(&doc.fold(o - 1).trim_end_matches('.'));
    let lone = o == a + 1 && plain(a) && gazetteer(doc, lex, a, o).is_none() && !doc.given(a);
    (legal && (place.is_some() || b - p <= 2)
        || place == Some(super::lexicon::PlaceKind::Country) && lone)
        .then_some(o)
}

/// Judges `a..b` (no "and" between names); returns where it stopped, `b` when it took it all.
fn run_part(doc: &Doc, lex: &Lexicon, mut a: usize, mut b: usize, out: &mut Vec<Cand>) -> usize {
    let end = b;
    if dateline_town(doc, lex, a, b) {
        push_named(doc, lex, out, a, b, CKind::Place);
        if let Some(c) = out.last_mut() {
            c.canonical = Some(classify::title_case(doc.span_text(a, b)).into_boxed_str());
        }
        return end;
    }
    if let Some(q) = compass_place(doc, lex, a, b) {
        push_compass(doc, lex, out, a, q);
        return q;
    }
    if let Some(q) = saint_name(doc, lex, a, b) {
        let kind = if standings_row(doc, a, q) || team_context(doc, a, q) {
            CKind::Org
        } else {
            CKind::Place
        };
        push_named(doc, lex, out, a, q, kind);
        return q;
    }
    if let Some(q) = acronym_pair(doc, lex, a, b) {
        push_named(doc, lex, out, a, q, CKind::Org);
        return q;
    }
    while a < b && droppable(doc, lex, a, b) && !opens_org(doc, lex, a, b) {
        a += 1;
    }
    while b > a && (is_joiner(doc.fold(b - 1)) || doc.is(b - 1, list::PARTICLE)) {
        b -= 1;
    }
    // "Philippa Hart KC": post-nominal letters, written in capitals after a name of two words or
    // more, are no part of it.
    while b > a + 2
        && doc.is(b - 1, list::POST_NOMINAL)
        && !doc.span_text(b - 1, b).chars().any(char::is_lowercase)
    {
        b -= 1;
    }
    if a >= b {
        return end;
    }
    // One lookup for the two questions below: a name that is all gazetteer, or a place first.
    let at_a = gazetteer(doc, lex, a, b);
    let whole = at_a.filter(|(len, _)| *len == b - a);
    // A name in a results line or league row is a team ("Bayer Leverkusen 4 2 0 2", "Hull 0"),
    // unless it is a country (national teams are places) or looks like a person.
    let country = matches!(whole, Some((_, Entry::Place(p))) if p.kind == super::lexicon::PlaceKind::Country)
        || (whole.is_some() && lex.nations.contains(&*doc.key(a, b)));
    // "Sokol Tychy 5 Lech Poznan 3": a given name before a town, between scores, is a club too.
    let given_town = || {
        b == a + 2
            && matches!(gazetteer(doc, lex, a + 1, b), Some((1, Entry::Place(p))) if p.kind != super::lexicon::PlaceKind::Country)
            && team_context(doc, a, b)
    };
    if !country
        && !doc.shouting(a)
        && b - a <= 4
        && (!doc.given(a) || given_town())
        && !doc.s(a).ends_with('.')
        && (standings_row(doc, a, b) || team_context(doc, a, b))
    {
        push_team(doc, lex, out, a, b);
        return end;
    }
    if let Some((_, e)) = whole {
        push_entry(doc, lex, out, a, b, e);
        return end;
    }
    if let Some(next) = classify::org_run(doc, lex, a, b, out) {
        return if next < b { next } else { end };
    }
    // "Armenian Prime Minister Nikol Pashinyan", "Turkey's Foreign Minister Hakan Fidan".
    let (p, role) = roles::leading_title(doc, lex, a, b, out);
    if let Some(role) = role {
        if p < b {
            let mut q = p + 1;
            while q < b && !is_joiner(doc.fold(q)) {
                q += 1;
            }
            classify::stretch(doc, lex, p, q, Some(Box::new(role)), out);
            // What follows the titled name is judged as a run of its own ("... of Britain").
            if q < b {
                return q;
            }
        }
        return end;
    }
    // "Sydney Bulldogs", "Toronto Blue Jays": a place and one or two words in the plural.
    if !doc.strict(a)
        && let Some((len, Entry::Place(_))) = at_a
        // "Milan Baros": a one-word town that is also a given name opens a person's name.
        && ((b - a - len == 1 && !(len == 1 && doc.given(a)))
            || (b - a - len == 2 && doc.toks[b - 2].cap))
        && team_plural(doc, b - 1)
    {
        push_team(doc, lex, out, a, b);
        return end;
    }
    // "U.S. Open", "Sydney Bulldogs", "Paris Saint-Germain": a place and one unknown word name
    // something else — a team in a results line, else an event or brand that is not an actor.
    if !doc.strict(a)
        && let Some((len, Entry::Place(_))) = at_a
        && b - a - len == 1
        && (unknown_tail(doc, b - 1) || doc.is(b - 1, list::THING))
    {
        if standings_row(doc, a, b) || team_context(doc, a, b) {
            push_team(doc, lex, out, a, b);
        }
        return end;
    }
    segment(doc, lex, a, b, out);
    end
}

/// "Bulldogs", "Padres", "Sox": a plural word no list knows, the last of a team's name after
/// its town (not "Olympics" or "Games", which are events).
fn team_plural(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    let s = doc.s(i);
    t.cap
        && !t.acronym()
        && t.kind == TokKind::Word
        && (s.ends_with('s') || s.ends_with('x'))
        && !s.ends_with("ss")
        && !doc.is(
            i,
            list::THING | list::ORG_SUFFIX | list::DEMONYM | list::TITLE_WORD,
        )
}

/// Cuts a run into gazetteer hits and unknown stretches.
pub fn segment(doc: &Doc, lex: &Lexicon, a: usize, b: usize, out: &mut Vec<Cand>) {
    let mut p = a;
    while p < b {
        let f = doc.fold(p);
        let person_first = doc.given(p)
            && p + 1 < b
            && doc.is_cap(p + 1)
            && gazetteer(doc, lex, p + 1, b).is_none();
        if !person_first && let Some((len, e)) = gazetteer(doc, lex, p, b) {
            // "UEFA Cup", "ATP Tour": an organisation's name before a thing's head word names the
            // thing (a competition, a prize, a product), which is no actor.
            let thing =
                matches!(e, Entry::Org { .. }) && p + len < b && doc.is(p + len, list::THING);
            if !thing {
                push_entry(doc, lex, out, p, p + len, e);
            }
            p += len;
            continue;
        }
        let lower_particle = doc.is(p, list::PARTICLE) && !doc.toks[p].cap;
        // "Per Nyman", "Jan Kroslak": a given name that is also a common word, before a name.
        if is_joiner(f)
            || lower_particle
            || (doc.is(p, list::NON_NAME)
                && !doc.is(p, list::TITLE_WORD)
                && !given_first(doc, lex, p, b))
        {
            p += 1;
            continue;
        }
        let d = demonym_len(doc, lex, p, b);
        if d > 0 {
            p += d;
            continue;
        }
        let mut q = p + 1;
        while q < b {
            let g = doc.fold(q);
            // "Bob May", "Will Carling": a word that is usually not a name, after a given name;
            // "John Major": a title word too, when it ends the name.
            let after_given = q == p + 1
                && doc.given(p)
                && !is_joiner(g)
                && (!doc.is(q, list::TITLE_WORD) || q + 1 == b)
                && g.len() >= 3;
            if !after_given
                && (is_joiner(g) || doc.is(q, list::NON_NAME) || demonym_len(doc, lex, q, b) > 0)
            {
                break;
            }
            q += 1;
        }
        classify::stretch(doc, lex, p, q, None, out);
        p = q;
    }
}

/// "MINNETONKA, Minn.", "NOVYE ATAGI, Russia 1996-08-22", "LAS CRUCES, N.M.": a dateline, an
/// all-caps town no list knows opening a short line, then a comma and its state or country
/// (an abbreviation or a known place) or the filing date.
fn dateline_town(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> bool {
    if !doc.toks[a].nl_before_or_first(a)
        || doc.s(b) != ","
        || !(a..b).all(|i| doc.toks[i].upper && !doc.is(i, list::ORG_SUFFIX))
        // "OPEC, Vienna": an acronym is an organisation's.
        || doc.s(a).len() < 4
        || gazetteer(doc, lex, a, b).is_some_and(|(len, _)| len == b - a)
    {
        return false;
    }
    let rest = (b + 1..b + 8)
        .take_while(|&k| doc.toks.get(k).is_some_and(|t| !t.nl_before))
        .count();
    if rest == 0 || doc.toks.get(b + 1 + rest).is_some_and(|t| !t.nl_before) {
        return false;
    }
    let date = (b + 1..b + 1 + rest).any(|k| {
        let s = doc.s(k);
        s.len() == 10
            && s.as_bytes()[4] == b'-'
            && s.bytes().filter(u8::is_ascii_digit).count() == 8
    });
    let state = doc.toks[b + 1].cap
        && !doc.toks[b + 1].upper
        && (doc.s(b + 1).ends_with('.')
            || doc.s(b + 2) == "."
            || gazetteer(doc, lex, b + 1, b + 1 + rest).is_some());
    date || state
}

/// "North Queensland", "Southern New England": a compass word (`assets/compass-prefixes.txt`)
/// and a place the gazetteer knows, not itself a gazetteer name ("South Africa"). The end of the
/// name.
fn compass_place(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Option<usize> {
    if a + 1 >= b || !doc.toks[a].cap || !lex.compass_prefixes.contains(doc.fold(a)) {
        return None;
    }
    if gazetteer(doc, lex, a, b).is_some() {
        return None;
    }
    match gazetteer(doc, lex, a + 1, b) {
        Some((len, Entry::Place(_))) => Some(a + 1 + len),
        _ => None,
    }
}

/// A compass place over `a..b`, with the country of the place it names a part of; a club in a
/// results line or league row.
fn push_compass(doc: &Doc, lex: &Lexicon, out: &mut Vec<Cand>, a: usize, b: usize) {
    if standings_row(doc, a, b) || team_context(doc, a, b) {
        push_team(doc, lex, out, a, b);
        return;
    }
    let country = match gazetteer(doc, lex, a + 1, b) {
        Some((_, Entry::Place(p))) => p.country.as_deref().map(Box::from),
        _ => None,
    };
    push_named(doc, lex, out, a, b, CKind::Place);
    if let Some(c) = out.last_mut() {
        c.country = country;
    }
}

/// "St Pauli", "St Mary's", "ST HELENS": "St" (`assets/saint-prefixes.txt`) and the capitalised
/// words after it name a place,
/// a church, a ground or a club, never the saint as a person. The end of the name, unless the
/// gazetteer knows the whole run ("St. John's").
fn saint_name(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Option<usize> {
    if !lex.saint_prefixes.contains(doc.fold(a)) || a + 1 >= b || !doc.is_cap(a + 1) {
        return None;
    }
    if gazetteer(doc, lex, a, b).is_some() {
        return None;
    }
    let mut q = a + 1;
    while q < b && doc.is_cap(q) && !is_joiner(doc.fold(q)) {
        q += 1;
    }
    Some(q)
}

/// A team in a results line or league row: an organisation candidate over tokens `a..b`.
fn push_team(doc: &Doc, lex: &Lexicon, out: &mut Vec<Cand>, a: usize, b: usize) {
    push_named(doc, lex, out, a, b, CKind::Org);
    if let Some(c) = out.last_mut() {
        c.evidence.cues |= classify::cue::TEAM | classify::cue::RESULTS;
    }
}

/// A candidate of `kind` named by the text of tokens `a..b`.
fn push_named(doc: &Doc, lex: &Lexicon, out: &mut Vec<Cand>, a: usize, b: usize, kind: CKind) {
    let evidence = Evidence::new(doc, lex, a, b);
    out.push(Cand {
        a,
        b,
        kind,
        canonical: None,
        country: None,
        role: None,
        evidence,
    });
}
