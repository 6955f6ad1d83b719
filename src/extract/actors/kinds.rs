//! Kinds and boundaries of person names: which capitalised runs are no person at all, and which
//! words around a name are no part of it.
//!
//! Four general classes, each from a word list in `assets/` (embedded, extendable with `--assets`):
//! - a modifier opening a run is not part of the name: a sentence opener, a preposition or an
//!   adjective of rank ("Rival Sony", "Despite Barkley"), or a hyphenated modifier ("Fifteen-year-old
//!   Jo", "Oscar-winning Ray", "German-born Vaidisova"); a hyphenated modifier closing a run makes
//!   it an adjective ("Las Vegas-style") (`name-modifiers.txt`);
//! - a name joined by a slash to a firm's name with a capital inside is a firm's
//!   ("Nielsen/NetRatings");
//! - a run ending in a work, product, business or venue word, or a country's branch, is that
//!   thing ("<Film> DVD", "<Host> Show", "<Name> Records", "<Name> Pavilion", "<Firm> UK")
//!   (`thing-heads.txt`);
//! - a work that stars someone ("Joey, starring …"), a character ("Cage's character Ben Gates"),
//!   a name after a work word used as a noun ("Mike Leigh's latest film Vera Drake") is a work's
//!   name beyond doubt (`SURE_WORK`): a name every mention of which is one is dropped, given name
//!   or not; a name inside "X of the Y" ("Shaun of the Dead") is a title's fragment;
//! - a run inside a longer capitalised title is a fragment of that title: after a capitalised
//!   article in mid-sentence ("in The Dying Swan") or before a capitalised function word ("I'm A
//!   Celebrity Get Me Out Of Here") (`cue::TITLE`, counted per actor in `coref::Votes`);
//! - a word that is no given name before a given name that opens a name of two words or more
//!   describes it ("Unison Dave Prentis", "Democrat John Kerry");
//! - a name of two or more words whose first word is no given name, that holds a common word
//!   ("Gunpowder Plot", "Premium Bonds", "Snow Patrol") and that no mention in the article speaks
//!   for as a person's (title, role, "who", "he"/"she") is no person (`common-words.txt`); when
//!   it says something ("the Daily Mail said") it is an organisation.
//!
//! The last two decide over all the mentions of an actor in its article, so one person cue keeps a
//! person ("Ice Cube said he").

use super::DocActor;
use super::classify::cue;
use super::context::Doc;
use super::coref::Votes;
use super::lexicon::{FastSet, Lexicon, list};
use crate::assets::{Assets, name};
use crate::model::ActorKind;
use crate::text::fold;

/// The word lists of this module, loaded once with the actor lexicon.
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// Folded words that open a run as a modifier ("rival", "despite").
    modifiers: FastSet<String>,
    /// Folded ends of hyphenated modifiers, with their hyphen ("-born", "-old").
    modifier_ends: Vec<String>,
    /// Folded last words of works, products and businesses ("dvd", "show", "records").
    heads: FastSet<String>,
    /// Folded common words that make a run without person evidence a thing's name ("plot").
    common: FastSet<String>,
    /// Folded given names of `given-names-gender.tsv` (the quote stage's list), which a name of
    /// common words may open as well as one of `given-names.txt` ("Zoe Ball", "Erin Gray").
    given: FastSet<String>,
}

impl Words {
    pub fn load(assets: &Assets) -> Self {
        let mut w = Words::default();
        for line in assets.lines(name::NAME_MODIFIERS_TXT) {
            let f = fold(line.trim());
            if f.starts_with('-') {
                w.modifier_ends.push(f);
            } else if !f.is_empty() {
                w.modifiers.insert(f);
            }
        }
        w.heads = assets.lines(name::THING_HEADS_TXT).map(fold).collect();
        w.common = assets.lines(name::COMMON_WORDS_TXT).map(fold).collect();
        w.given = assets
            .lines(name::GIVEN_NAMES_GENDER_TSV)
            .filter_map(|l| l.split('\t').next())
            .map(|n| fold(n.trim()))
            .collect();
        w
    }

    /// Whether the folded word is a given name of `given-names-gender.tsv`.
    pub fn is_given(&self, folded: &str) -> bool {
        self.given.contains(folded)
    }

    /// A hyphenated word whose written end after its last hyphen is lower case, a modifier
    /// ("Zealand-born", "Fifteen-year-old"; not "Zeta-Jones").
    /// A word that reads as a description, not a name: the article writes it in lower case, it is
    /// a common word or a demonym, or it ends like a noun of people ("Welshman", "Yorker",
    /// "Blairite", "Texan", "Springboks"); never an all-caps word ("JP Morgan Chase").
    fn descriptor(&self, doc: &Doc, i: usize) -> bool {
        const ENDS: &[&str] = &[
            "man", "men", "woman", "women", "er", "ers", "ite", "ites", "ist", "ists", "ian",
            "ians", "an", "ans", "ese", "ish", "s",
        ];
        let t = &doc.toks[i];
        let f = doc.fold(i);
        !t.upper
            && f.chars().count() > 2
            && (doc.has_lower(i)
                || self.common.contains(f)
                || doc.is(i, list::DEMONYM)
                || ENDS.iter().any(|e| f.len() > e.len() + 2 && f.ends_with(e)))
    }

    /// With `any_end`, any compound whose last part is a lower-case word describes the name after
    /// it ("Man-of-the-match", "Fly-half", "Oscar-winner"); after a name only a listed end does
    /// ("Chung Mong-koo" is a Korean given name, "Las Vegas-style" an adjective).
    fn hyphen_modifier(&self, doc: &Doc, i: usize, any_end: bool) -> bool {
        let s = doc.s(i);
        let Some((_, end)) = s.rsplit_once('-') else {
            return false;
        };
        let lower = !end.is_empty() && end.chars().all(char::is_lowercase);
        lower
            && (any_end
                || self
                    .modifier_ends
                    .iter()
                    .any(|m| m.len() == end.len() + 1 && m.ends_with(&*fold(end))))
    }
}

/// What to do with the capitalised run `p..q` before it is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trim {
    /// Judge `a..b` instead: modifiers stood at its start.
    Judge(usize, usize),
    /// No name of a person: keep only the gazetteer names inside it.
    Thing,
}

/// Whether the run `p..q` needs trimming: a modifier opening it, a hyphenated modifier closing
/// it, or a work or product word as its last word (runs of two or more words).
pub fn trim(doc: &Doc, lex: &Lexicon, p: usize, q: usize) -> Option<Trim> {
    let w = &lex.kinds;
    if q <= p {
        return None;
    }
    // "Nielsen/NetRatings", "In-Stat/MDR": a name joined by a slash to a firm's name written with
    // a capital inside it is a firm's too. Two people's names ("Brown/Blair", "W Johnson/B
    // Deacon") or two firms' ("HP/Compaq") are left to the rest.
    let slashed = |x: usize, y: usize| {
        doc.toks
            .get(y)
            .is_some_and(|t| t.span.start == doc.toks[x].span.end)
    };
    let inner_cap = |i: usize| {
        let mut prev: Option<char> = None;
        doc.s(i).chars().any(|c| {
            let hit = c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p == '-');
            prev = Some(c);
            hit
        })
    };
    let slash_after = doc.s(q) == "/"
        && slashed(q - 1, q)
        && slashed(q, q + 1)
        && doc.is_cap(q + 1)
        && (inner_cap(q + 1) || inner_cap(q - 1) && doc.toks[q + 1].upper);
    let slash_before = p >= 2
        && doc.s(p - 1) == "/"
        && slashed(p - 1, p)
        && slashed(p - 2, p - 1)
        && doc.is_cap(p - 2)
        && inner_cap(p - 2);
    let slashed_firm = q == p + 1 && !doc.toks[p].upper && (slash_after || slash_before);
    if w.hyphen_modifier(doc, q - 1, false) || slashed_firm {
        return Some(Trim::Thing);
    }
    let mut a = p;
    while a < q && (w.modifiers.contains(doc.fold(a)) || w.hyphen_modifier(doc, a, true)) {
        a += 1;
    }
    // "Unison Dave Prentis", "Democrat John Kerry", "Welshman Jimmy Watkins": a word that is no
    // given name, before a given name that opens a name of two words or more, describes it.
    if a == p
        && q - p >= 3
        && !doc.given(p)
        && !w.given.contains(doc.fold(p))
        && (doc.is(p + 1, list::GIVEN) || w.given.contains(doc.fold(p + 1)))
        && !doc.is(p, list::PARTICLE | list::TITLE_WORD | list::HONORIFIC)
        && w.descriptor(doc, p)
    {
        a = p + 1;
    }
    if a > p {
        return Some(Trim::Judge(a, q));
    }
    (q - p >= 2 && w.heads.contains(doc.fold(q - 1))).then_some(Trim::Thing)
}

/// Capitalised function words that continue a title after a name ("Get Me Out Of Here", "Potter
/// And The"); a person's name is not followed by one in running text.
const TITLE_CONTINUERS: &[&str] = &[
    "me", "my", "you", "your", "of", "and", "the", "in", "on", "out", "with", "to", "for", "is",
    "at", "from", "up", "it", "we", "our",
];

/// `cue::TITLE` when the name `a..b` sits inside a longer capitalised title in running text: a
/// capitalised article stands just before it in mid-sentence ("in The Dying Swan", "I'm A
/// Celebrity"), or a capitalised function word follows it on the same line ("Celebrity Get Me Out
/// Of Here"). Headings and all-caps lines capitalise every word, so they say nothing.
pub fn title_cue(doc: &Doc, a: usize, b: usize) -> u8 {
    if doc.strict(a) || doc.shouting(a) {
        return 0;
    }
    // "A" after a comma or at a line's start is an initial ("Masi, A Troncon"): an article only
    // after a word ("I'm A Celebrity").
    let article_before = a >= 1
        && doc.toks[a - 1].cap
        && !doc.initial(a - 1)
        && doc.joined(a - 1)
        && match doc.fold(a - 1) {
            "the" => true,
            "a" | "an" => {
                a >= 2
                    && doc.toks[a - 2].kind == super::tokens::TokKind::Word
                    && !doc.toks[a - 1].nl_before
            }
            // "The X-Files, I Love Lucy": the pronoun before a name of two words is a title's
            // first word ("I Balshaw" in a squad list is an initial before one word).
            "i" => b >= a + 2 && !doc.given(a) && a >= 2 && !doc.toks[a - 1].nl_before,
            _ => false,
        };
    let continued = b >= 1
        && doc.toks.get(b).is_some_and(|t| t.cap && !t.upper)
        && doc.joined(b - 1)
        && TITLE_CONTINUERS.contains(&doc.fold(b));
    let of_the = of_the_title(doc, a, b);
    let title = if article_before || continued || of_the {
        cue::TITLE
    } else {
        0
    };
    title | work_cue(doc, a, b)
}

/// "The Lord of the Rings", "Return of the Jedi", "Shaun of the Dead": a name that follows a
/// capitalised word and "of the" in mid-sentence, or a given name alone before "of the" and a
/// capitalised word, is part of a title. A person's name does neither: "William Corr of the
/// Campaign" is two words, and a title word ("Secretary of the Treasury John Snow") or a given
/// name after "of the" opens a person's name.
fn of_the_title(doc: &Doc, a: usize, b: usize) -> bool {
    let of_the = |k: usize| doc.fold(k) == "of" && doc.fold(k + 1) == "the" && !doc.toks[k].cap;
    let before = a >= 3
        && of_the(a - 2)
        && doc.is_cap(a - 3)
        && !doc.initial(a - 3)
        && !doc.is(a - 3, list::TITLE | list::TITLE_WORD | list::HONORIFIC)
        && !doc.given(a)
        && doc.joined(a - 3)
        && doc.joined(a - 2)
        && doc.joined(a - 1);
    let after = b == a + 1
        && doc.given(a)
        && b + 2 < doc.toks.len()
        && of_the(b)
        && doc.is_cap(b + 2)
        && !doc.given(b + 2)
        && doc.joined(a)
        && doc.joined(b);
    before || after
}

/// Words just before a name that make it a character of a work ("his Office character David",
/// "Depp's character Tommy Hanson"), not a person of the news.
const CHARACTER_WORDS: &[&str] = &["character", "characters", "alter-ego", "puppet", "cartoon"];

/// Words after "starring" or "starred" that leave the name before it a person who stars ("Depp,
/// starring in", "Smith starred as").
const STAR_FOLLOWERS: &[&str] = &[
    "in",
    "as",
    "alongside",
    "opposite",
    "with",
    "on",
    "at",
    "for",
    "and",
    "or",
    "to",
    "from",
    "again",
    "himself",
    "herself",
    "too",
    "there",
    "here",
    "both",
    "briefly",
    "also",
];

/// A cue bit beside `classify::cue`'s (which leaves the top bit free): the mention is a work's or
/// a character's name beyond doubt, so that `not_person` drops a name every mention of which has
/// it, given name or not.
pub const SURE_WORK: u8 = 1 << 7;

/// Words before a work word ("film", "play", "show") that make it a verb, not a noun: "they can
/// play Rui Costa", "to film Smith".
const VERB_OPENERS: &[&str] = &[
    "to", "can", "could", "will", "would", "may", "might", "must", "shall", "should", "did", "do",
    "does", "they", "we", "i", "you", "he", "she", "it", "not", "and", "or", "also", "then",
    "never", "often",
];

/// `cue::WORK | SURE_WORK` when the words around the name `a..b` make it a work or one of its
/// characters: a show or a film that stars someone ("Joey, starring former Friends actor Matt
/// LeBlanc", "Ed Wood, starred Depp"), or a character ("the character Tommy Hanson"). A work word
/// before it that is a noun, after a word or a possessive ("Mike Leigh's latest film Vera Drake",
/// "the West End show Mary Poppins"; not "can play Rui Costa") adds `SURE_WORK` to the work cue
/// `classify` gives.
fn work_cue(doc: &Doc, a: usize, b: usize) -> u8 {
    let word = |i: usize| doc.toks[i].kind == super::tokens::TokKind::Word;
    let noun_before = a >= 2
        && word(a - 1)
        && !doc.toks[a - 1].cap
        && doc.is(a - 1, list::WORK_BEFORE)
        && doc.joined(a - 1)
        && (doc.toks[a - 2].kind == super::tokens::TokKind::Poss
            || word(a - 2) && !VERB_OPENERS.contains(&doc.fold(a - 2)));
    let character = a >= 1
        && doc.toks[a - 1].kind == super::tokens::TokKind::Word
        && !doc.toks[a - 1].cap
        && CHARACTER_WORDS.contains(&doc.fold(a - 1))
        && doc.joined(a - 1);
    let k = if doc.s(b) == "," { b + 1 } else { b };
    let stars = matches!(doc.fold(k), "starring" | "starred")
        && !doc.toks.get(k).is_some_and(|t| t.cap)
        && doc.toks.get(k + 1).is_some_and(|t| {
            t.kind == super::tokens::TokKind::Word && !STAR_FOLLOWERS.contains(&doc.tok_fold(t))
        })
        && doc.joined(k);
    if character || stars {
        cue::WORK | SURE_WORK
    } else if noun_before {
        SURE_WORK
    } else {
        0
    }
}

/// The kind a person actor of one article really has, when the classes above say it is no
/// person: `Some(None)` drops it (a work, a product, a place, a fragment), `Some(Some(kind))`
/// retypes it (an organisation, when its mentions have organisation cues). `None` leaves it.
pub fn not_person(text: &str, lex: &Lexicon, a: &DocActor, v: Votes) -> Option<Option<ActorKind>> {
    if a.kind != ActorKind::Person {
        return None;
    }
    let person = v.person + v.speech;
    let fragment = v.title > 0 && v.title > person;
    // "said" alone does not do for a name of common words: companies and reports say things too
    // ("the Beige Book said", "Ask Jeeves said").
    let thing = v.person == 0 && a.roles.is_empty() && common_name(lex, &a.name);
    // Every mention called a work or a character ("the film Ray", "the character Tommy Hanson")
    // and none a person: a given name does not save it. A mention that opens a line may have
    // taken its cue from the heading above ("... TV show\n\nBrad Pitt"), so it does not count.
    let opens_line = |m: &crate::model::Span| {
        text.get(..m.start)
            .unwrap_or("")
            .trim_end_matches([' ', '\t'])
            .ends_with(['\n', '\r'])
            || m.start == 0
    };
    let work = v.sure_work as usize >= a.mentions.len()
        && person == 0
        && a.roles.is_empty()
        && !a.mentions.iter().any(opens_line);
    if work {
        return Some(None);
    }
    if !(fragment || thing) {
        return None;
    }
    // A thing that speaks ("the Daily Mail said") is an organisation, so its quotes keep a
    // speaker; so is one its mentions call an organisation.
    let org = v.org > 0 && v.org >= v.work || thing && v.speech > 0 && v.work == 0;
    Some(org.then_some(ActorKind::Organization))
}

/// A name of two or more words whose first word is no given name (nor an initial) and that holds
/// a common word: "Gunpowder Plot", "Daily Mail", "Red Hot Chili Peppers"; not "Seti Kiole",
/// "Xavier Rush" or "Boy George"'s given surname alone.
fn common_name(lex: &Lexicon, name: &str) -> bool {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = fold(first);
    let w = &lex.kinds;
    if words.clone().next().is_none()
        || lex.is_given(&first)
        || w.given.contains(&first)
        || first.ends_with('.')
        || first.chars().count() == 1
    {
        return false;
    }
    // Another language's article opens a name ("El Watan"); inside one it is a particle
    // ("Talal El Karkouri").
    w.common.contains(&first)
        || words.any(|x| {
            let x = fold(x);
            w.common.contains(&x) && !ARTICLES.contains(&x.as_str())
        })
}

/// Articles of other languages on `common-words.txt`, which count only as a name's first word.
const ARTICLES: &[&str] = &[
    "la", "el", "il", "der", "die", "das", "het", "les", "los", "las",
];
