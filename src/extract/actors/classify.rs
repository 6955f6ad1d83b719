//! Judging one stretch of capitalised words: organisation by its last word or a club word, place
//! by its suffix, person by a given name, an initial, a title or a speech verb, else by shape.

use super::candidates::{CKind, Cand, gazetteer, push_entry};
use super::context::Doc;
use super::lexicon::{Lexicon, list};
use super::roles::{self, Role};

/// Context around a candidate that speaks for a person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// A title, honorific or role noun stands before it.
    pub titled: bool,
    /// "said", "told", ", who", ", 35," after it.
    pub speech: bool,
    /// Results-page context that marks a person even in a table line: "(Zickler 26th", "b Croft",
    /// "Goosen (South Africa)".
    pub sports: bool,
    /// In a heading or an all-caps line.
    pub strict: bool,
    /// First word of a sentence.
    pub initial: bool,
    /// What the words around this mention say about the kind of the name (`cue` bits).
    pub cues: u8,
}

/// Bits of `Evidence::cues`: what the words around one mention say about the kind of the name.
/// `coref` adds them up over every mention of an actor, so one cue never retypes a person.
pub mod cue {
    /// "insurer Marsh", "Valve spokesman", "Yukos's shares", "Southcorp, which", "Disney said its":
    /// an organisation.
    pub const ORG: u8 = 1;
    /// "the film 'Ray'", "Oscar nominee", "Windows operating system": a work, award, product or
    /// holiday, which is no actor.
    pub const WORK: u8 = 1 << 1;
    /// "Kelly said she", "Mr Smith, who": a person.
    pub const PERSON: u8 = 1 << 2;
    /// "in Sion", "near Leeds": a place.
    pub const PLACE: u8 = 1 << 3;
    /// "Sussex 368-7", "Yvan Quentin (Sion)": a team, in results and squad lists. It retypes a
    /// town or an unknown word, never a person (a tennis score or a horse's odds look alike).
    pub const TEAM: u8 = 1 << 4;
    /// A results line, a league row or an innings score (always with `TEAM`): two of them make a
    /// sports page, where towns are clubs. A squad list is not one: "Name (OECD)" looks alike.
    pub const RESULTS: u8 = 1 << 5;
    /// Inside a longer capitalised title ("in The Dying Swan", "Celebrity Get Me Out"): a
    /// fragment of a work's name (`kinds::title_cue`).
    pub const TITLE: u8 = 1 << 6;
}

/// Prepositions before a name that make it a place where something is ("in Leeds"), not a club.
/// "at Leicester" is the ground a match is played at.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "across",
    "around",
    "throughout",
];

/// A cricket or rugby score after a team: "Sussex 368-7", "Somerset 236-4" (runs and wickets;
/// "1995-96" is a season).
fn innings_score(s: &str) -> bool {
    s.split_once('-').is_some_and(|(runs, wickets)| {
        (1..=3).contains(&runs.len())
            && runs.bytes().all(|c| c.is_ascii_digit())
            && wickets.parse::<u8>().is_ok_and(|w| w <= 10)
            && !wickets.is_empty()
            && wickets.len() <= 2
    })
}

/// "LONDON 1996-08-22", "CARLSBAD, California 1996-08-21": a place opening a line that ends in
/// a date is where the story was filed.
fn dateline(doc: &Doc, a: usize, b: usize) -> bool {
    let opens = doc.toks[a].nl_before_or_first(a) || (a > 0 && doc.s(a - 1) == ",");
    if !opens {
        return false;
    }
    (b..b + 4)
        .take_while(|&k| doc.toks.get(k).is_some_and(|t| !t.nl_before))
        .any(|k| {
            let s = doc.s(k);
            s.len() == 10
                && s.as_bytes()[4] == b'-'
                && s.bytes().filter(u8::is_ascii_digit).count() == 8
        })
}

/// "Essex are set to", "Porto, who are fighting": a town or region the gazetteer knows, opening
/// its sentence with a plural verb as a club takes in British usage, is the club (`cue::TEAM`; a country is its
/// national team and stays a place, `coref::retype`). Plural names ("Leeds") are no evidence.
fn team_verb(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> u8 {
    let k = if doc.s(b) == "," && doc.fold(b + 1) == "who" {
        b + 2
    } else {
        b
    };
    let plural_verb = doc
        .toks
        .get(k)
        .is_some_and(|t| !t.cap && matches!(doc.tok_fold(t), "are" | "were"));
    // The subject of its sentence ("Tehran and Moscow have", "the city of Perm are" are not).
    if !plural_verb || !doc.initial(a) || doc.fold(b - 1).ends_with('s') {
        return 0;
    }
    match gazetteer(doc, lex, a, b) {
        Some((len, super::lexicon::Entry::Place(_))) if a + len == b => cue::TEAM,
        _ => 0,
    }
}

/// Whether one unknown capitalised word is an organisation by its own mention's cues: an
/// organisation's or a team's ("insurer Prudential", "Cofinec, which", "Cofinec shares fell"),
/// none for a work or a person, not written in capitals (a headline's word), and not a sentence's
/// common first word: a sentence may open with the name when the text never writes it in lower
/// case and no list calls it a common word.
pub fn single_org_cue(doc: &Doc, c: &super::candidates::Cand) -> bool {
    let cues = c.evidence.cues;
    // A word opening a bracket is no sentence's first word ("Yvan Quentin (Grasshoppers)").
    let bracketed = c.a > 0 && doc.s(c.a - 1) == "(";
    // An organisation's cue, not a score's ("Halftime 1-2.").
    let opener_ok = !c.evidence.initial
        || bracketed
        || (cues & cue::ORG != 0
            && !doc.has_lower(c.a)
            && !doc.is(
                c.a,
                list::NON_NAME | list::GROUP_NOUN | list::TITLE_WORD | list::DEMONYM,
            ));
    cues & (cue::ORG | cue::TEAM) != 0
        && cues & (cue::WORK | cue::PERSON) == 0
        && !doc.toks[c.a].upper
        && !c.evidence.strict
        && opener_ok
}

/// Opening or closing quotation marks around a title: `'`, `"`, `‘`, `’`, `“`, `”`.
fn is_quote_mark(s: &str) -> bool {
    matches!(s, "'" | "\"" | "‘" | "’" | "“" | "”")
}

/// Suffixes of a hyphenated word before a name that make the name an organisation's:
/// "Paris-based Euronext", "state-owned Gazprom", "Nasdaq-listed Google".
const ORG_COMPOUNDS: &[&str] = &["-based", "-owned", "-listed", "-controlled", "-run"];

/// Personal pronouns that refer back to a person, and the one that refers back to an organisation.
const PERSON_PRONOUNS: &[&str] = &["he", "his", "him", "she", "her"];

/// The prepositions between a word of `kind-cues.tsv`'s `of` list and the name it marks as an
/// organisation's ("shares in", "analyst at", "chairman of").
const ORG_PREPOSITIONS: &[&str] = &["in", "of", "at", "with", "from"];

/// "Aegon, the Dutch insurer,", "Yukos, the oil company at the centre of": an appositive after
/// the name's comma and article (`k` is the word after the article) whose head noun, within four
/// words, is one of `kind-cues.tsv`'s organisation nouns ("insurer", "company"), and not the
/// modifier of another noun ("the bank's chief", "a bank analyst").
fn appositive_org(doc: &Doc, k: usize) -> bool {
    for j in k..k + 4 {
        let Some(t) = doc.toks.get(j) else {
            return false;
        };
        if t.kind != super::tokens::TokKind::Word || t.nl_before {
            return false;
        }
        let f = doc.fold(j);
        if matches!(f, "of" | "which" | "that" | "who" | "whose") {
            return false;
        }
        if !t.cap && doc.is(j, list::ORG_BEFORE) {
            return doc.toks.get(j + 1).is_none_or(|n| {
                n.kind != super::tokens::TokKind::Word && n.kind != super::tokens::TokKind::Poss
                    || !n.cap
                        && matches!(
                            doc.tok_fold(n),
                            "in" | "at" | "of" | "with" | "that" | "which" | "based"
                        )
            });
        }
    }
    false
}

/// What the words around tokens `a..b` say about the name's kind (`cue` bits). Each rule looks at
/// a word or two beside the name, so this is constant work per candidate.
pub fn kind_cues(doc: &Doc, a: usize, b: usize) -> u8 {
    let mut cues = 0;
    // Before: "insurer Marsh", "the film 'Ray'", "Paris-based Euronext".
    let quoted = a >= 1 && is_quote_mark(doc.s(a - 1)) && is_quote_mark(doc.s(b));
    let before = if quoted {
        a.checked_sub(2)
    } else {
        a.checked_sub(1)
    };
    if let Some(k) = before
        && doc.toks[k].kind == super::tokens::TokKind::Word
        && !doc.toks[k].cap
    {
        if doc.is(k, list::ORG_BEFORE) {
            cues |= cue::ORG;
        }
        if doc.is(k, list::WORK_BEFORE) {
            cues |= cue::WORK;
        }
        if doc.is(k, list::TEAM_BEFORE) {
            cues |= cue::TEAM;
        }
    }
    // "shares in Yukos", "an analyst at Interbank", "workers at Zastava": a word of
    // `kind-cues.tsv`'s `of` list and a preposition.
    if let Some(k) = before
        && k >= 1
        && ORG_PREPOSITIONS.contains(&doc.fold(k))
        && (!doc.toks[k - 1].cap || doc.initial(k - 1))
        && doc.is(k - 1, list::ORG_OF)
        // "chief executive of Lee's POW! Entertainment": the possessive's owner is the one.
        && doc.toks.get(b).is_none_or(|t| t.kind != super::tokens::TokKind::Poss)
    {
        cues |= cue::ORG;
    }
    if let Some(k) = a.checked_sub(1)
        && doc.toks[k].hyphen
        && ORG_COMPOUNDS.iter().any(|s| doc.fold(k).ends_with(s))
    {
        cues |= cue::ORG;
    }
    if a >= 1 && PLACE_PREPOSITIONS.contains(&doc.fold(a - 1)) || dateline(doc, a, b) {
        cues |= cue::PLACE;
    }
    // A squad list: "Yvan Quentin (Sion), Ramon Vega (Cagliari)": a name in brackets right after
    // a person's name is the club they play for ("Mumbai (Bombay)" is a place's other name).
    if a >= 2
        && doc.s(a - 1) == "("
        && doc.s(b) == ")"
        && doc.is_cap(a - 2)
        && doc.phrase_len(a - 2) == 0
    {
        cues |= cue::TEAM;
    }
    if doc
        .toks
        .get(b)
        .is_some_and(|t| t.kind == super::tokens::TokKind::Number && innings_score(doc.s(b)))
    {
        cues |= cue::TEAM | cue::RESULTS;
    }
    // After: "Valve spokesman", "Yukos's shares", "Oscar nominee", "Southcorp, which".
    let lower = |k: usize| {
        doc.toks
            .get(k)
            .is_some_and(|t| t.kind == super::tokens::TokKind::Word && !t.cap)
    };
    let poss = doc
        .toks
        .get(b)
        .is_some_and(|t| t.kind == super::tokens::TokKind::Poss);
    if poss {
        if lower(b + 1) && doc.is(b + 1, list::ORG_OWNED) {
            cues |= cue::ORG;
        }
        if lower(b + 1) && doc.is(b + 1, list::TEAM_AFTER) {
            cues |= cue::TEAM;
        }
    } else if lower(b) {
        // "the figures for Cofinec which": a relative "which" right after the name, as after its
        // comma below.
        if doc.is(b, list::ORG_AFTER) || doc.fold(b) == "which" {
            cues |= cue::ORG;
        }
        if doc.is(b, list::WORK_AFTER) {
            cues |= cue::WORK;
        }
        if doc.is(b, list::TEAM_AFTER) {
            cues |= cue::TEAM;
        }
    }
    if doc.s(b) == "," {
        match doc.fold(b + 1) {
            "which" => cues |= cue::ORG,
            "who" => cues |= cue::PERSON,
            // One word, not a given name: "Jo Flaherty, a senior broadcaster with CBS" is a
            // person's appositive.
            "the" | "a" | "an" if b == a + 1 && !doc.given(a) && appositive_org(doc, b + 2) => {
                cues |= cue::ORG
            }
            _ => {}
        }
    }
    cues |= super::kinds::title_cue(doc, a, b);
    // "Disney said its films", "Kelly said she": the first pronoun after the name and its verb,
    // when only lower-case words stand between (no article, which would open another noun).
    if !poss && doc.is(b, list::SPEECH) {
        for k in b + 1..b + 5 {
            if !lower(k) || matches!(doc.fold(k), "the" | "a" | "an") {
                break;
            }
            let f = doc.fold(k);
            if f == "its" {
                cues |= cue::ORG;
                break;
            }
            if PERSON_PRONOUNS.contains(&f) {
                cues |= cue::PERSON;
                break;
            }
        }
    }
    cues
}

impl Evidence {
    pub fn new(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Self {
        // "said Muster," / "said Muster."
        let said_before = a > 0
            && doc.is(a - 1, list::SAID)
            && matches!(doc.s(b), "," | "." | "")
            && !doc.toks[a].upper;
        let speech = said_before
            || doc.is(b, list::SAID)
            || (doc.s(b) == ","
                && (doc.fold(b + 1) == "who"
                    || doc.toks.get(b + 1).is_some_and(|t| {
                        t.kind == super::tokens::TokKind::Number
                            && t.span.len() <= 2
                            && doc.s(b + 2) == ","
                    })))
            || (doc.s(b) == "("
                && doc
                    .toks
                    .get(b + 1)
                    .is_some_and(|t| t.kind == super::tokens::TokKind::Number)
                && doc.s(b + 2) == ")");
        let country_paren = doc.s(b) == "("
            && doc.toks.get(b + 1).is_some_and(|t| t.upper || t.cap)
            && {
                let close = (b + 2..b + 5).find(|&k| doc.s(k) == ")");
                close.is_some_and(|k| matches!(gazetteer(doc, lex, b + 1, k), Some((len, super::lexicon::Entry::Place(_))) if b + 1 + len == k))
            };
        // Sports pages: "(Zickler 26th", "b Croft 46", "c Cork".
        let next = doc.toks.get(b);
        let minute = next.is_some_and(|t| {
            t.kind == super::tokens::TokKind::Number
                && t.span.len() <= 5
                && ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|s| doc.tok_fold(t).ends_with(s))
        });
        let scorecard = a > 0
            && matches!(doc.s(a - 1), "b" | "c" | "lbw" | "st")
            && doc
                .toks
                .get(a + 1)
                .is_some_and(|t| t.kind == super::tokens::TokKind::Number || doc.s(a + 1) == "b");
        // Bowling figures: "Mullally 22-6-56-2".
        let figures = next.is_some_and(|t| {
            t.kind == super::tokens::TokKind::Number && doc.tok_fold(t).matches('-').count() == 3
        });
        // A golfer's rounds: "Brooks 69 69 74 71", "Riley (Australia) 64 71".
        let round = |k: usize| {
            doc.toks.get(k).is_some_and(|t| {
                t.kind == super::tokens::TokKind::Number
                    && !t.nl_before
                    && doc.s(k).parse::<u8>().is_ok_and(|n| (60..90).contains(&n))
            })
        };
        let rounds = round(b) && round(b + 1);
        let sports = country_paren || minute || scorecard || figures || rounds;
        Evidence {
            titled: false,
            speech: speech || sports,
            sports,
            strict: doc.strict(a),
            initial: doc.initial(a),
            cues: kind_cues(doc, a, b) | team_verb(doc, lex, a, b),
        }
    }
}

fn push(
    doc: &Doc,
    out: &mut Vec<Cand>,
    a: usize,
    b: usize,
    kind: CKind,
    ev: Evidence,
    role: Option<Box<Role>>,
) {
    let canonical = doc
        .shouting(a)
        .then(|| title_case(doc.span_text(a, b)).into_boxed_str());
    out.push(Cand {
        a,
        b,
        kind,
        canonical,
        country: None,
        role,
        evidence: ev,
    });
}

/// "BLACKBURN" → "Blackburn", for names read from all-caps lines.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

/// Runs that are organisations as a whole: "Eurasian Economic Union", "Ministry of Defence",
/// "Manchester United". A leading demonym is part of the name ("Indonesian Democratic Party",
/// "Czech National Bank"), except before a country's own body (`assets/national-bodies.txt`:
/// "German | Foreign Ministry"), which it only describes. Returns where the organisation ends
/// (the rest of the run is another name: "Sudan Airways Airbus"), or `None` when the run is no
/// organisation.
pub fn org_run(doc: &Doc, lex: &Lexicon, a: usize, b: usize, out: &mut Vec<Cand>) -> Option<usize> {
    if b - a < 2 {
        return None;
    }
    // "2. Derek Mills (U.S.) 44.78", "Gordon Banks 3 0 1": a given name and one organisation word
    // with a competitor's figures after them are a person.
    if b - a == 2 && doc.given(a) && Evidence::new(doc, lex, a, b).sports {
        return None;
    }
    // `inner`: the name after a demonym, whose words tell a generic body's country.
    let mut inner = a;
    let d = super::candidates::demonym_len(doc, lex, a, b);
    if d > 0 && a + d < b - 1 {
        inner = a + d;
    }
    // The last organisation word ends the organisation: "Sudan Airways Airbus" → "Sudan Airways".
    // A word that also stands in titles ("Party" of "Party Leader") ends one only as the run's
    // last word after no title of its own ("Indonesian National Party", not "Minister for
    // Health").
    let is_suffix = |k: usize| {
        doc.is(k, list::ORG_SUFFIX)
            && (!doc.is(k, list::TITLE_WORD) || title_word_heads(doc, lex, a, k, b))
    };
    let end = (a..b).rev().find(|&k| is_suffix(k)).map_or(b, |k| k + 1);
    // "National Union of Journalists", "Department for Transport": a suffix word followed by
    // "of"/"for" and a name heads the whole run.
    let of_phrase = end < b && matches!(doc.fold(end), "of" | "for") && end + 1 < b;
    let end = if of_phrase {
        of_place_end(doc, lex, end, b)
    } else {
        end
    };
    let suffix =
        end > a + 1 && (is_suffix(end - 1) || of_phrase || end == b && (a + 1..b).any(is_suffix));
    let b_all = b;
    let b = if suffix { end } else { b };
    let of_head = (a + 1..b)
        .find(|&k| matches!(doc.fold(k), "of" | "for"))
        .is_some_and(|k| doc.is(k - 1, list::ORG_SUFFIX));
    let club = (a..b).any(|k| doc.is(k, list::CLUB))
        && (doc.is(a, list::CLUB)
            || (a..b).any(|k| !doc.is(k, list::CLUB) && gazetteer(doc, lex, k, k + 1).is_some()));
    if !(suffix || of_head || club) || (a..b).any(|k| doc.is(k, list::THING)) && !suffix {
        return None;
    }
    let country = generic_org_country(doc, lex, a, inner, b, out);
    let body = (inner..b).any(|k| lex.national_bodies.contains(doc.fold(k)));
    let start = if body { inner } else { a };
    let ev = Evidence::new(doc, lex, start, b);
    push(doc, out, start, b, CKind::Org, ev, None);
    if let Some(c) = out.last_mut() {
        c.country = country.map(String::into_boxed_str);
    }
    Some(b.min(b_all))
}

/// Whether the organisation word `k`, which also stands in titles ("party", "police", "press"),
/// heads the organisation `a..b`: it is the run's last word, and no word before it is a title of
/// its own ("Minister", "Secretary"). "Labour Party", "Judicial Police", "Associated Press".
pub fn title_word_heads(doc: &Doc, lex: &Lexicon, a: usize, k: usize, b: usize) -> bool {
    k + 1 == b && k > a && (a..k).all(|j| !lex.titles.contains(doc.fold(j)))
}

/// Where an organisation's "of" phrase from `k` ends: after the place it names when a name
/// follows ("Ministry of Foreign Affairs of Azerbaijan Leyla Huseynova"), else at `b`.
fn of_place_end(doc: &Doc, lex: &Lexicon, mut k: usize, b: usize) -> usize {
    while k < b {
        if matches!(doc.fold(k), "of" | "for") {
            let p = if doc.fold(k + 1) == "the" {
                k + 2
            } else {
                k + 1
            };
            if let Some((len, super::lexicon::Entry::Place(_))) = gazetteer(doc, lex, p, b)
                && p + len < b
                && !super::candidates::is_joiner(doc.fold(p + len))
            {
                return p + len;
            }
        }
        k += 1;
    }
    b
}

/// The country of an organisation whose name any country's could carry ("Foreign Ministry",
/// "Supreme Court": every word a title or organisation word), from the demonym before it
/// ("Armenian Foreign Ministry", `a..start`), a country's possessive ("Turkey's Foreign
/// Ministry") or an "of" after it (`of_country`), so that two countries' ministries stay two
/// organisations.
fn generic_org_country(
    doc: &Doc,
    lex: &Lexicon,
    a: usize,
    start: usize,
    b: usize,
    out: &[Cand],
) -> Option<String> {
    let generic = (start..b).all(|k| {
        doc.is(k, list::TITLE_WORD | list::ORG_SUFFIX) || super::candidates::is_joiner(doc.fold(k))
    });
    if !generic {
        return None;
    }
    if start > a {
        return lex
            .demonyms
            .get(&*doc.key(a, start))
            .filter(|c| !c.is_empty())
            .cloned();
    }
    let possessive = out.last().filter(|prev| {
        a >= 1
            && doc.toks[a - 1].kind == super::tokens::TokKind::Poss
            && prev.b + 1 == a
            && prev.kind == CKind::Place
    });
    match possessive {
        Some(prev) => Some(
            prev.country
                .as_deref()
                .unwrap_or(prev.name(doc))
                .to_string(),
        ),
        None => of_country(doc, lex, b),
    }
}

/// "Ministry of Foreign Affairs of the Republic of Azerbaijan": the country named by "of", an
/// optional "the" and a place (or a capitalised word and "of" before it: "Republic of") right
/// after a generic organisation that ends at `b`.
fn of_country(doc: &Doc, lex: &Lexicon, b: usize) -> Option<String> {
    if doc.fold(b) != "of" {
        return None;
    }
    let mut k = b + 1;
    if doc.fold(k) == "the" {
        k += 1;
    }
    let place = |k: usize| match gazetteer(doc, lex, k, (k + 4).min(doc.toks.len())) {
        Some((_, super::lexicon::Entry::Place(p))) => {
            Some(p.country.as_deref().unwrap_or(&p.name).to_string())
        }
        _ => None,
    };
    place(k).or_else(|| {
        (doc.is_cap(k) && doc.fold(k + 1) == "of")
            .then(|| place(k + 2))
            .flatten()
    })
}

fn is_initial(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    s.ends_with('.') && letters <= 2 && s.chars().next().is_some_and(char::is_uppercase)
}

/// Judges tokens `p..q`, all capitalised; `role` when a title stood before them.
pub fn stretch(
    doc: &Doc,
    lex: &Lexicon,
    p: usize,
    q: usize,
    role: Option<Box<Role>>,
    out: &mut Vec<Cand>,
) {
    if p >= q {
        return;
    }
    let n = q - p;
    if let Some((len, e)) = gazetteer(doc, lex, p, q)
        && len == n
    {
        push_entry(doc, lex, out, p, q, e);
        return;
    }
    // "Paris-based Euronext", "US-owned Mirant": the compound describes the organisation after it.
    if n >= 2 && doc.toks[p].hyphen && ORG_COMPOUNDS.iter().any(|s| doc.fold(p).ends_with(s)) {
        return stretch(doc, lex, p + 1, q, None, out);
    }
    // Modifiers around a name and names of things (`kinds`).
    match super::kinds::trim(doc, lex, p, q) {
        Some(super::kinds::Trim::Judge(a, b)) => return stretch(doc, lex, a, b, role, out),
        Some(super::kinds::Trim::Thing) => return fallback(doc, lex, p, q, out),
        None => {}
    }
    let mut ev = Evidence::new(doc, lex, p, q);
    let mut role = role;
    if role.is_none() {
        role = roles::lower_role(doc, p, out).map(Box::new);
    }
    if role.is_none()
        && p >= 2
        && (doc.fold(p - 1) == "and" || doc.s(p - 1) == ",")
        && let Some(prev) = out.last()
        && prev.kind == CKind::Person
        && prev.b + 1 == p
        && prev.role.as_ref().is_some_and(|r| r.plural)
    {
        role = prev.role.clone();
    }
    ev.titled = role.is_some();
    if (p..q).any(|i| doc.is(i, list::THING)) {
        return fallback(doc, lex, p, q, out);
    }
    // Not "2. Derek Mills (U.S.) 44.78" (see `org_run`).
    if n >= 2 && doc.is(q - 1, list::ORG_SUFFIX) && !(n == 2 && doc.given(p) && ev.sports) {
        return push(doc, out, p, q, CKind::Org, ev, None);
    }
    if n >= 2 && doc.is(q - 1, list::PLACE_SUFFIX) || n == 2 && doc.is(p, list::PLACE_PREFIX) {
        return push(doc, out, p, q, CKind::Place, ev, None);
    }
    if ev.strict {
        return strict(doc, lex, p, q, ev, out);
    }
    // "Under Japanese stock exchange rules": a demonym alone is an adjective, never a name.
    if lex.demonyms.contains_key(&*doc.key(p, q)) {
        return fallback(doc, lex, p, q, out);
    }
    if n == 1 {
        let kind = if ev.titled {
            CKind::Person
        } else {
            CKind::Single
        };
        push(doc, out, p, q, kind, ev, role);
        // "Prince Charles", "Sir John": a given name after such a title is named with it.
        let role = out.last().and_then(|c| c.role.as_deref());
        if let Some(title) = given_name_title(doc, lex, p, role) {
            let name = format!("{title} {}", doc.s(p)).into_boxed_str();
            if let Some(c) = out.last_mut() {
                c.canonical = Some(name);
            }
        }
        return;
    }
    let first = doc.s(p);
    // "Strong Oscar contenders", "Wednesday Tony Blair": at a sentence start, a word that is no
    // given name before one that is opens the sentence, not the name.
    // "Top-seeded Thomas Muster": a hyphenated word too, when its second part is in lower case
    // (a name's parts are capitalised: "Jean-Paul", "Kilroy-Silk").
    let lower_compound = first
        .split_once('-')
        .is_some_and(|(_, x)| x.chars().next().is_some_and(char::is_lowercase));
    if ev.initial
        && !ev.titled
        && !doc.given(p)
        && doc.given(p + 1)
        && !is_initial(first)
        && (!first.contains('-') || lower_compound)
    {
        return stretch(doc, lex, p + 1, q, None, out);
    }
    // "Widzew Lodz", "Vitesse Arnhem": an unknown word before a city is a club.
    if n == 2
        && !ev.speech
        && !ev.titled
        && !doc.given(p)
        && matches!(gazetteer(doc, lex, p + 1, q), Some((1, super::lexicon::Entry::Place(pl))) if pl.kind != super::lexicon::PlaceKind::Country)
    {
        return push(doc, out, p, q, CKind::Org, ev, None);
    }
    let evidence = ev.titled
        || ev.speech
        || doc.given(p)
        || is_initial(first)
        || (n == 2 && doc.is(p, list::FAMILY_FIRST));
    // Unknown words in name shape: no word the text also writes in lower case, no title words.
    let verbish = ["ed", "ing", "ly"].iter().any(|s| doc.fold(p).ends_with(s));
    let shape = n <= 4
        && !(ev.initial && verbish)
        && (p..q).all(|i| {
            let t = &doc.toks[i];
            let f = doc.tok_fold(t);
            !t.upper
                && (!doc.has_lower(i) || doc.is(i, list::PARTICLE))
                && !doc.is(i, list::TITLE_WORD)
                && !f.chars().any(|c| c.is_ascii_digit())
        });
    if evidence || shape {
        let role = role.or_else(|| roles::appositive(doc, lex, q).map(Box::new));
        return push(doc, out, p, q, CKind::Person, ev, role);
    }
    fallback(doc, lex, p, q, out)
}

/// The title that names a lone given name at `p` with it ("Prince" of "Prince Charles", "Sir" of
/// "Sir John"), from its role or the honorific before it; or a peer's title before any word
/// ("Lord" of "Lord Archer", `assets/peer-titles.txt`).
fn given_name_title(doc: &Doc, lex: &Lexicon, p: usize, role: Option<&Role>) -> Option<String> {
    if p > 0 && doc.toks[p - 1].cap && lex.peer_titles.contains(doc.fold(p - 1)) {
        return Some(doc.s(p - 1).to_string());
    }
    if !doc.given(p) {
        return None;
    }
    if let Some(r) = role
        && lex.given_name_titles.contains(&crate::text::fold(&r.title))
    {
        return Some(r.title.clone());
    }
    (p > 0 && lex.given_name_titles.contains(doc.fold(p - 1))).then(|| doc.s(p - 1).to_string())
}

/// Headings and all-caps lines: a given name and the word after it make a person; any other word
/// is left to the document's own names.
fn strict(doc: &Doc, lex: &Lexicon, p: usize, q: usize, ev: Evidence, out: &mut Vec<Cand>) {
    // A byline: a line (or a line up to a comma) of two or three unknown title-case words.
    let line_end = doc.toks.get(q).is_none_or(|t| t.nl_before) || doc.s(q) == ",";
    let line_start = doc.toks[p].nl_before_or_first(p) || doc.s(p.wrapping_sub(1)) == "-";
    if (2..=3).contains(&(q - p))
        && line_start
        && line_end
        && !doc.shouting(p)
        && (p..q).all(|i| {
            let t = &doc.toks[i];
            t.cap
                && !t.upper
                && !doc.has_lower(i)
                && !doc.is(
                    i,
                    list::NON_NAME | list::TITLE_WORD | list::DEMONYM | list::THING,
                )
                && doc.phrase_len(i) == 0
        })
    {
        push(doc, out, p, q, CKind::Person, ev, None);
        return;
    }
    let mut i = p;
    while i < q {
        if let Some((len, e)) = gazetteer(doc, lex, i, q) {
            push_entry(doc, lex, out, i, i + len, e);
            i += len;
        } else if (doc.given(i) || is_initial(doc.s(i))) && i + 1 < q {
            push(doc, out, i, i + 2, CKind::Person, ev, None);
            i += 2;
        } else {
            push(doc, out, i, i + 1, CKind::Single, ev, None);
            i += 1;
        }
    }
}

/// No judgement for the stretch as a whole: keep the gazetteer names inside it, but not an
/// organisation's before a thing's head word ("UEFA Cup", "ATP Tour": the competition is no
/// actor).
fn fallback(doc: &Doc, lex: &Lexicon, p: usize, q: usize, out: &mut Vec<Cand>) {
    let mut i = p;
    while i < q {
        if let Some((len, e)) = gazetteer(doc, lex, i, q) {
            let thing = matches!(e, super::lexicon::Entry::Org { .. })
                && i + len < q
                && doc.is(i + len, list::THING);
            if !thing {
                push_entry(doc, lex, out, i, i + len, e);
            }
            i += len;
        } else {
            i += 1;
        }
    }
}
