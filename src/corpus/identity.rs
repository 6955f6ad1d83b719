//! Cross-document identity: which actors of different articles are one person or organisation.
//!
//! The assembler merges actors whose names make the same id (kind and slug: "Robert Kilroy-Silk"
//! and "Robert Kilroy Silk"). This pass decides the rest for the whole corpus, each rule keyed so
//! that no step compares all pairs of actors:
//!
//! - one person's full name written differently: transliterations and diacritics ("Ilham
//!   Əliyev", "Ilham Aliyev"), short given names ("Bernie Ebbers", "Bernard Ebbers"), middle names
//!   and initials ("Anthony Meyer", "Anthony John Charles Meyer") — grouped by given name and
//!   surname key, split where the surnames are spelled far apart (the key makes "Craig" and
//!   "Garcia" alike), and merged when the group's middle names leave one person only;
//! - one organisation's names: a suffix or a plural ("Labour", "Labour Party"; "Liberal
//!   Democrat", "Liberal Democrats"), an acronym an article spells out ("BoE" beside "Bank of
//!   England"), or a listed equivalence (`actor-equivalents.tsv`: "Tory", "Conservative Party");
//! - a bare surname ("Blair", "Mr Blair", "Van Nistelrooy", "J Robinson") in an article that
//!   never names the person in full: linked, in that article only, to the one candidate person
//!   that the article's context supports — the actors it shares with the articles that name the
//!   candidate, the section, roles and dates — or left alone. The corpus's only person of the
//!   surname, named in full in two articles or three times, near the article's date, needs no
//!   more. A bare word that is a common given name ("Ray", "John") needs the context of the
//!   article, not just a shared section or a unique surname. A surname that only a name with
//!   initials carries ("JP McManus") has that person as its candidate; a surname of many people
//!   ("Brown") counts the ones named in the article's section, spelled the same, and needs an
//!   actor the article shares with them;
//! - a given name alone ("David") that opens the full names of two or more well-attested people
//!   is a different person in each article that does not say who: one actor per article, never
//!   one for the whole corpus ("Elvis", beside one well-attested "Elvis Presley", stays one).

use super::compact::to_u32;
use super::{Actor, Corpus, Mention};
use crate::extract::actors::{DocActor, Lexicon};
use crate::fasthash::{FastMap, FastSet};
use crate::ids::{ActorId, DocId};
use crate::model::ActorKind;
use crate::text::{fold, slug};

/// What the assembler notes per document for this pass.
#[derive(Default)]
pub(super) struct Facts {
    /// The roles given to a person of one or two words in one document ("President" for "Bush"):
    /// the roles travel with the mentions they are linked with.
    short_roles: FastMap<(ActorId, DocId), Vec<String>>,
    /// Names an actor was written under beside the one it carries, with their mentions.
    variants: FastMap<ActorId, Vec<(String, usize)>>,
}

impl Facts {
    /// Notes that `actor`, named `current` with `before` mentions so far, took the document actor
    /// `a` of `doc`.
    pub(super) fn note(
        &mut self,
        actor: ActorId,
        (current, before): (&str, usize),
        doc: DocId,
        a: &DocActor,
    ) {
        let (kind, name, mentions, roles) = (a.kind, a.name.as_str(), a.mentions.len(), &a.roles);
        if kind == ActorKind::Person && name.split_whitespace().count() <= 2 && !roles.is_empty() {
            let e = self.short_roles.entry((actor, doc)).or_default();
            for r in roles {
                if !e.contains(r) {
                    e.push(r.clone());
                }
            }
        }
        if name != current || self.variants.contains_key(&actor) {
            let v = self.variants.entry(actor).or_default();
            if v.is_empty() {
                // Every mention so far was under the name the actor carries.
                v.push((current.to_string(), before));
            }
            match v.iter_mut().find(|(n, _)| n == name) {
                Some((_, c)) => *c += mentions,
                None => v.push((name.to_string(), mentions)),
            }
        }
    }
}

/// The key under which the assembler merges actors: kind and slug, and for an organisation with a
/// country its country too (two countries' "Foreign Ministry" are two organisations).
pub(super) fn merge_key(kind: ActorKind, name: &str, country: Option<&str>) -> (ActorKind, String) {
    let mut key = slug(name);
    if kind == ActorKind::Organization
        && let Some(c) = country
    {
        key.push('~');
        key.push_str(&slug(c));
    }
    (kind, key)
}

/// The export id of an actor: `kind:slug`, with an organisation's country when it is keyed by it.
pub(super) fn actor_id(kind: ActorKind, name: &str, country: Option<&str>) -> String {
    let (_, key) = merge_key(kind, name, country);
    format!("{}:{}", kind.as_str(), key.replace('~', "-"))
}

/// Union-find over actor indices.
struct Sets {
    parent: Vec<u32>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).map(to_u32).collect(),
        }
    }

    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.parent[r] as usize != r {
            r = self.parent[r] as usize;
        }
        let mut j = i;
        while self.parent[j] as usize != r {
            let next = self.parent[j] as usize;
            self.parent[j] = to_u32(r);
            j = next;
        }
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The lower index (first seen) stays the root: its place in the list is kept.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.parent[hi] = to_u32(lo);
        }
    }
}

/// Letters written one way in one alphabet and another way in another, spelled out before
/// diacritics are dropped ("Elçin" → "Elchin", "Rəşad" → "Rashad").
fn transliterate(c: char, out: &mut String) {
    match c {
        'ç' | 'Ç' | 'č' | 'Č' => out.push_str("ch"),
        'ş' | 'Ş' | 'š' | 'Š' => out.push_str("sh"),
        'ž' | 'Ž' => out.push_str("zh"),
        'ə' | 'Ə' => out.push('a'),
        'ğ' | 'Ğ' => out.push('g'),
        'ı' => out.push('i'),
        c => out.push(c),
    }
}

/// Appends the transliteration key of a given name: transliterated, folded, "y" read as "i",
/// "kh" as "h", doubled letters once, anything but letters and digits dropped ("Elçin" and
/// "Elchin", "Rəşad" and "Rashad" are one key).
fn push_skeleton(out: &mut String, word: &str) {
    let start = out.len();
    let mut spelled = String::with_capacity(word.len());
    for c in word.chars() {
        transliterate(c, &mut spelled);
    }
    let folded = fold(&spelled);
    let mut prev = None;
    for c in folded.chars() {
        let c = if c == 'y' { 'i' } else { c };
        if !c.is_alphanumeric() {
            continue;
        }
        if c == 'h' && prev == Some('k') {
            out.pop();
        } else if prev == Some(c) {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    if out.len() == start {
        out.push_str(&folded);
    }
}

/// Appends the transliteration key of a surname: its first letter and its consonants, with the
/// sounds one alphabet writes with another letter read as one ("q", "g", "k"; "h" dropped):
/// "Əliyev", "Aliyev", "Aliev"; "Sargsyan", "Sarkissian"; "Qasimov", "Gasimov", "Kasimov";
/// "Hovhannisyan", "Hovannisian" are one key each.
fn push_surname_key(out: &mut String, word: &str) {
    let mut plain = String::new();
    push_skeleton(&mut plain, word);
    let mut prev = None;
    for (k, c) in plain.chars().enumerate() {
        let c = match c {
            'q' | 'g' | 'c' => 'k',
            'w' => 'v',
            'z' => 's',
            c => c,
        };
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        if k > 0 && (vowel || c == 'h') {
            continue;
        }
        if prev == Some(c) {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
}

fn skeleton(word: &str) -> String {
    let mut s = String::new();
    push_skeleton(&mut s, word);
    s
}

/// Words after a name that say which of a family it is, and so must agree ("Hank Williams Jr").
const GENERATIONS: &[&str] = &["jr", "sr", "ii", "iii", "iv", "junior", "senior"];
/// Letters after a name that are honours or offices, not part of it ("Andrew Nicol QC").
const POSTNOMINALS: &[&str] = &[
    "qc", "kc", "mp", "mep", "obe", "mbe", "cbe", "msp", "am", "phd",
];

/// A person's name taken apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct PersonName {
    /// The given name's key: a short form's formal name ("bernie" → "bernard"), skeletonised.
    given: String,
    /// The given name is an initial ("J Robinson"): its letters.
    initial: Option<String>,
    /// Middle names' initials and the full ones as skeletons ("" for an initial).
    middles: Vec<(char, String)>,
    /// The surname with its particles, as one key (`push_surname_key`: "vnstlr").
    surname: String,
    /// The surname with its particles as spelled, vowels kept (`push_skeleton`: "vannistelroi"):
    /// the key alone joins too much ("Absa" and "Abbasi", "Clive" and "Galloway").
    spelled: String,
    /// "jr", "sr", ... or "".
    generation: String,
}

impl PersonName {
    /// Whether the name is a surname alone (possibly after particles or an initial).
    fn bare(&self) -> bool {
        self.given.is_empty()
    }
}

fn is_initial(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 2
        && letters.iter().all(|c| c.is_uppercase())
        && (w.ends_with('.') || letters.len() <= 2)
}

fn parse_person(name: &str, lex: &Lexicon) -> PersonName {
    let mut words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.') && w.len() > 2))
        .collect();
    let mut out = PersonName::default();
    while let Some(last) = words.last() {
        let f = fold(last).replace('.', "");
        if words.len() > 1 && GENERATIONS.contains(&f.as_str()) && out.generation.is_empty() {
            out.generation = f;
            words.pop();
        } else if words.len() > 1
            && POSTNOMINALS.contains(&f.as_str())
            && last.chars().all(|c| c.is_uppercase() || c == '.')
        {
            words.pop();
        } else {
            break;
        }
    }
    let Some(&last) = words.last() else {
        return out;
    };
    // The surname: the last word and the particles before it ("van der Pas").
    let mut s = words.len() - 1;
    while s > 0 && lex.particles.contains(&fold(words[s - 1])) {
        s -= 1;
    }
    let mut surname = String::new();
    for w in &words[s..] {
        push_surname_key(&mut surname, w);
        push_skeleton(&mut out.spelled, w);
    }
    if surname.is_empty() {
        push_skeleton(&mut surname, last);
    }
    out.surname = surname;
    if s == 0 {
        return out;
    }
    let first = words[0];
    if is_initial(first) {
        out.initial = Some(fold(first).chars().filter(|c| c.is_alphabetic()).collect());
        if s == 1 {
            return out;
        }
    } else {
        let f = fold(first);
        out.given = skeleton(lex.nicknames.get(&f).map_or(first, String::as_str));
    }
    for w in &words[1..s] {
        let f = fold(w);
        let c = f.chars().next().unwrap_or(' ');
        let full = if is_initial(w) {
            String::new()
        } else {
            skeleton(w)
        };
        out.middles.push((c, full));
    }
    out
}

/// Whether two spelled surnames can be one name written two ways: at most one edit apart, two
/// for long names ("Sargsian" and "Sarkisian").
fn close_spelling(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let limit = if a.len().min(b.len()) >= 7 { 2 } else { 1 };
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    // Levenshtein distance over two rows; names are short.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= limit
}

/// Whether the middle names `a` and `b` can be one person's: the same initials, and the same word
/// wherever both are written in full.
fn same_middles(a: &[(char, String)], b: &[(char, String)]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((ca, fa), (cb, fb))| ca == cb && (fa.is_empty() || fb.is_empty() || fa == fb))
}

/// An organisation's key: folded, without a leading "the", dots, a closing "party", "plc" or
/// such, and with the last word in the singular ("Lib Dems" → "lib dem", "Tories" → "tory").
fn org_key(name: &str) -> String {
    let f = fold(name).replace('.', "");
    let mut words: Vec<&str> = f.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    const ENDINGS: &[&str] = &[
        "party",
        "plc",
        "ltd",
        "limited",
        "inc",
        "corp",
        "corporation",
        "co",
        "llc",
        "ag",
        "sa",
        "nv",
        "group",
        "holdings",
    ];
    while words.len() > 1 && words.last().is_some_and(|w| ENDINGS.contains(w)) {
        words.pop();
    }
    let mut key = words.join(" ");
    let last_len = words.last().map_or(0, |w| w.len());
    if last_len > 3 {
        if key.ends_with("ies") {
            key.truncate(key.len() - 3);
            key.push('y');
        } else if key.ends_with('s') && !key.ends_with("ss") && !key.ends_with("us") {
            key.pop();
        }
    }
    key
}

/// Whether `name` is written as an acronym: one word with two or more capitals and few small
/// letters ("EU", "BoE", "PwC").
fn acronym_like(name: &str) -> bool {
    let (mut up, mut low) = (0, 0);
    for c in name.chars() {
        if c.is_whitespace() {
            return false;
        }
        up += usize::from(c.is_uppercase());
        low += usize::from(c.is_lowercase());
    }
    up >= 2 && low <= 2 && name.chars().count() <= 8
}

fn role_head(role: &str) -> String {
    role.split_whitespace().last().map(fold).unwrap_or_default()
}

/// The section of a document: the folder it sits in (BBC: business, sport, ...).
fn section(path: &str) -> &str {
    let p = path.trim_end_matches('/');
    let dir = p.rsplit_once('/').map_or("", |(d, _)| d);
    dir.rsplit_once('/').map_or(dir, |(_, s)| s)
}

/// A candidate's context: the actors of the articles that name it, by how many of them.
struct Profile {
    actors: FastMap<u32, u32>,
    sections: FastSet<u32>,
    roles: FastSet<String>,
    docs: usize,
    mentions: usize,
    dates: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
}

/// Score needed from co-mentioned actors (summed inverse document frequencies) to link a bare
/// name without a shared section, or a bare given name at all; one rare shared actor is about 5.
const CONTEXT: f64 = 3.0;

/// Most candidates a surname may have before it is left alone ("Smith").
const MAX_CANDIDATES: usize = 12;

/// The actors of a document a bare name's context is drawn from (see `link_bare_names`); no BBC
/// article names more than about 60.
const CONTEXT_ACTORS: usize = 256;

/// Decides identity across the corpus and applies it: merged actors, mentions moved per
/// document, quotes' speakers and events' actors renumbered.
pub(super) fn resolve(corpus: &mut Corpus, facts: &Facts, lex: &Lexicon) {
    let n = corpus.actors.len();
    if n == 0 {
        return;
    }
    let mut sets = Sets::new(n);
    // Names: the most mentioned variant, then the one with fewer words ("Kilroy-Silk").
    for (id, variants) in &facts.variants {
        if let Some((name, _)) = variants
            .iter()
            .max_by_key(|(v, c)| (*c, std::cmp::Reverse(v.split_whitespace().count())))
        {
            corpus.actors[*id].name = name.clone();
        }
    }
    retype_as_organisations(corpus.actors.as_mut_vec());
    let people: Vec<Option<PersonName>> = corpus
        .actors
        .iter()
        .map(|a| (a.kind == ActorKind::Person).then(|| parse_person(&a.name, lex)))
        .collect();
    merge_full_names(&people, &mut sets);
    merge_organisations(&corpus.actors, &mut sets, lex);
    let mut per_doc = link_bare_names(corpus, &people, &mut sets, facts, lex);
    split_given_names(corpus, &people, &mut sets, &mut per_doc, facts, lex);
    apply(corpus, &mut sets, &per_doc, facts);
}

/// The majority kind of a name across the corpus: a person actor with no title or role of its own,
/// named exactly as an organisation of other articles ("Yukos said" here, "oil giant Yukos" there),
/// is that organisation when the organisation has at least as many mentions; `merge_organisations`
/// then joins the two. An article's person evidence (a title, "Mr") leaves a role and keeps it a
/// person.
fn retype_as_organisations(actors: &mut [Actor]) {
    let mut orgs: FastMap<String, usize> = FastMap::default();
    for a in actors.iter().filter(|a| a.kind == ActorKind::Organization) {
        *orgs.entry(fold(&a.name)).or_default() += a.mentions.len();
    }
    if orgs.is_empty() {
        return;
    }
    for a in actors.iter_mut() {
        if a.kind != ActorKind::Person || !a.roles.is_empty() {
            continue;
        }
        let Some(&org_mentions) = orgs.get(&fold(&a.name)) else {
            continue;
        };
        if org_mentions >= a.mentions.len() {
            a.kind = ActorKind::Organization;
        }
    }
}

/// Full names of one person: grouped by given name, surname and generation; within a group the
/// names with middle names split into classes of one person each, and a name without middle
/// names joins the class when there is only one.
fn merge_full_names(people: &[Option<PersonName>], sets: &mut Sets) {
    let mut groups: FastMap<(&str, &str, &str), Vec<usize>> = FastMap::default();
    for (i, p) in people.iter().enumerate() {
        if let Some(p) = p
            && !p.bare()
        {
            groups
                .entry((&p.given, &p.surname, &p.generation))
                .or_default()
                .push(i);
        }
    }
    // The surname key joins names that are not one name written two ways ("Craig" and "Garcia"
    // are both "krk"): within a group, only surnames spelled close to one another are one.
    let mut spelled_groups: Vec<Vec<usize>> = Vec::new();
    for members in groups.values() {
        let mut subs: Vec<Vec<usize>> = Vec::new();
        for &i in members {
            let Some(p) = &people[i] else { continue };
            let fits = |c: &Vec<usize>| {
                people[c[0]]
                    .as_ref()
                    .is_some_and(|q| close_spelling(&p.spelled, &q.spelled))
            };
            match subs.iter_mut().find(|c| fits(c)) {
                Some(c) => c.push(i),
                None => subs.push(vec![i]),
            }
        }
        spelled_groups.extend(subs);
    }
    for members in &spelled_groups {
        if members.len() < 2 {
            continue;
        }
        let mut classes: Vec<Vec<usize>> = Vec::new();
        let mut plain = Vec::new();
        for &i in members {
            let Some(p) = &people[i] else { continue };
            if p.middles.is_empty() {
                plain.push(i);
                continue;
            }
            match classes.iter_mut().find(|c| {
                people[c[0]]
                    .as_ref()
                    .is_some_and(|q| same_middles(&q.middles, &p.middles))
            }) {
                Some(c) => c.push(i),
                None => classes.push(vec![i]),
            }
        }
        for c in &classes {
            for &i in &c[1..] {
                sets.union(c[0], i);
            }
        }
        for w in plain.windows(2) {
            sets.union(w[0], w[1]);
        }
        if classes.len() == 1 && !plain.is_empty() {
            sets.union(plain[0], classes[0][0]);
        }
    }
}

/// Organisations by normalised name and listed equivalence, then acronyms that an article gave
/// as another organisation's alias.
fn merge_organisations(actors: &[Actor], sets: &mut Sets, lex: &Lexicon) {
    let canonical: FastMap<String, String> = lex
        .equivalents
        .iter()
        .map(|(v, c)| (org_key(v), org_key(c)))
        .collect();
    let key_of = |name: &str| {
        let k = org_key(name);
        canonical.get(&k).cloned().unwrap_or(k)
    };
    let mut by_key: FastMap<(String, Option<&str>), usize> = FastMap::default();
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorKind::Organization {
            continue;
        }
        match by_key.entry((key_of(&a.name), a.country.as_deref())) {
            std::collections::hash_map::Entry::Occupied(e) => sets.union(*e.get(), i),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
    }
    // "BoE" given as the alias of "Bank of England" in one article is that bank in every article,
    // when it is no other organisation's alias.
    let mut by_alias: FastMap<String, Option<usize>> = FastMap::default();
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorKind::Organization || acronym_like(&a.name) {
            continue;
        }
        for al in a.aliases.iter().filter(|al| acronym_like(al)) {
            let root = sets.find(i);
            let e = by_alias.entry(key_of(al)).or_insert(Some(root));
            if *e != Some(root) {
                *e = None;
            }
        }
    }
    for (i, a) in actors.iter().enumerate() {
        if a.kind == ActorKind::Organization
            && acronym_like(&a.name)
            && let Some(Some(j)) = by_alias.get(&key_of(&a.name))
        {
            sets.union(i, *j);
        }
    }
}

/// What the corpus says about the people a bare name could be, built once per corpus.
struct Context<'c> {
    corpus: &'c Corpus,
    /// The roots in each document.
    doc_actors: Vec<Vec<u32>>,
    /// In how many documents each root is.
    df: FastMap<u32, u32>,
    /// Each document's section, numbered.
    doc_section: Vec<u32>,
    /// The full-name members of each root.
    members: FastMap<usize, Vec<usize>>,
    profiles: FastMap<usize, Profile>,
}

impl Context<'_> {
    /// Whether root `r` is a person or an organisation (places say little about who is meant).
    fn named(&self, r: u32) -> bool {
        let kind = self.corpus.actors[ActorId::new(r as usize)].kind;
        matches!(kind, ActorKind::Person | ActorKind::Organization)
    }

    /// Whether sharing root `r` with a candidate's articles tells who a bare name is across
    /// sections: the corpus names it in few documents (at most 1%, at least 3).
    fn telling(&self, r: u32) -> bool {
        let most = (self.doc_actors.len() / 100).max(3);
        self.df.get(&r).map_or(0, |&n| n as usize) <= most
    }

    fn idf(&self, r: u32) -> f64 {
        let n = self.doc_actors.len() as f64;
        ((n + 1.0) / (f64::from(self.df.get(&r).copied().unwrap_or(0)) + 1.0)).ln()
    }

    /// Builds the profile of candidate `root` on first use.
    fn ensure_profile(&mut self, root: usize) {
        if !self.profiles.contains_key(&root) {
            let p = self.build_profile(root);
            self.profiles.insert(root, p);
        }
    }

    fn build_profile(&self, root: usize) -> Profile {
        let mut p = Profile {
            actors: FastMap::default(),
            sections: FastSet::default(),
            roles: FastSet::default(),
            docs: 0,
            mentions: 0,
            dates: None,
        };
        let mut docs: Vec<DocId> = Vec::new();
        for &m in self.members.get(&root).map_or(&[][..], Vec::as_slice) {
            let a = &self.corpus.actors[ActorId::new(m)];
            p.mentions += a.mentions.len();
            for r in &a.roles {
                p.roles.insert(role_head(r));
            }
            docs.extend(a.mentions.iter().map(Mention::doc));
        }
        docs.sort_unstable();
        docs.dedup();
        p.docs = docs.len();
        for d in docs {
            p.sections.insert(self.doc_section[d.index()]);
            for &x in &self.doc_actors[d.index()] {
                if x as usize != root {
                    *p.actors.entry(x).or_default() += 1;
                }
            }
            if let Some(date) = self.corpus.documents[d].published {
                p.dates = Some(match p.dates {
                    Some((lo, hi)) => (lo.min(date), hi.max(date)),
                    None => (date, date),
                });
            }
        }
        p
    }
}

/// The per-document links of bare names: (bare actor, document) → the person it is there.
fn link_bare_names(
    corpus: &Corpus,
    people: &[Option<PersonName>],
    sets: &mut Sets,
    facts: &Facts,
    lex: &Lexicon,
) -> FastMap<(u32, DocId), u32> {
    let mut links = FastMap::default();
    // Surname → the full-name people (roots) who carry it.
    let mut by_surname: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut members: FastMap<usize, Vec<usize>> = FastMap::default();
    for (i, p) in people.iter().enumerate() {
        if let Some(p) = p
            && !p.bare()
        {
            let root = sets.find(i);
            members.entry(root).or_default().push(i);
            let v = by_surname.entry(p.surname.as_str()).or_default();
            if !v.contains(&root) {
                v.push(root);
            }
        }
    }
    // A surname that no full name carries may be carried by a name with initials ("JP McManus"):
    // those people are its candidates.
    let mut by_initials: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, p) in people.iter().enumerate() {
        if let Some(p) = p
            && p.bare()
            && p.initial.is_some()
            && !by_surname.contains_key(p.surname.as_str())
        {
            let root = sets.find(i);
            members.entry(root).or_default().push(i);
            let v = by_initials.entry(p.surname.as_str()).or_default();
            if !v.contains(&root) {
                v.push(root);
            }
        }
    }
    by_surname.extend(by_initials);
    let wanted = |p: &PersonName| p.bare() && by_surname.contains_key(p.surname.as_str());
    if !people.iter().flatten().any(wanted) {
        return links;
    }
    let n_docs = corpus.documents.len();
    let mut doc_actors: Vec<Vec<u32>> = vec![Vec::new(); n_docs];
    // Each (root, document) once, in the order first met. A set, not a search of the document's
    // list: one long document names tens of thousands of actors (issue 16.1).
    let mut listed: FastSet<(u32, u32)> = FastSet::default();
    for (i, a) in corpus.actors.iter().enumerate() {
        let root = to_u32(sets.find(i));
        let mut last = None;
        for m in &a.mentions {
            if last != Some(m.doc()) {
                last = Some(m.doc());
                if listed.insert((root, to_u32(m.doc().index()))) {
                    doc_actors[m.doc().index()].push(root);
                }
            }
        }
    }
    drop(listed);
    let mut df: FastMap<u32, u32> = FastMap::default();
    for list in &doc_actors {
        for &r in list {
            *df.entry(r).or_default() += 1;
        }
    }
    // The context of a name is the first `CONTEXT_ACTORS` actors of its document: a news article
    // names far fewer, and comparing every name of a very long one with all its others made this
    // step quadratic in the document (issue 16.1).
    for list in &mut doc_actors {
        list.truncate(CONTEXT_ACTORS);
    }
    let mut section_ids: FastMap<&str, u32> = FastMap::default();
    let doc_section: Vec<u32> = corpus
        .documents
        .iter()
        .map(|d| {
            let next = to_u32(section_ids.len());
            *section_ids.entry(section(&d.path)).or_insert(next)
        })
        .collect();
    let mut ctx = Context {
        corpus,
        doc_actors,
        df,
        doc_section,
        members,
        profiles: FastMap::default(),
    };
    let no_roles: Vec<String> = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let Some(p) = p else { continue };
        if !wanted(p) {
            continue;
        }
        let Some(cands) = by_surname.get(p.surname.as_str()) else {
            continue;
        };
        // A surname of many people ("Brown", "Smith") counts only its people named in the
        // article's section (below).
        let crowded = cands.len() > MAX_CANDIDATES;
        let a = &corpus.actors[ActorId::new(i)];
        let own_root = sets.find(i);
        let word = a
            .name
            .split_whitespace()
            .last()
            .map(fold)
            .unwrap_or_default();
        // A bare given name ("Ray", "John") is a surname only where the article says so.
        let given_word = p.initial.is_none() && lex.given.contains(&word);
        // Candidates whose given name fits the initial ("J Robinson": a Robinson called J...).
        let fitting: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&c| {
                c != own_root
                    && ctx.members.get(&c).into_iter().flatten().any(|&m| {
                        people[m].as_ref().is_some_and(|q| {
                            close_spelling(&p.spelled, &q.spelled)
                                && p.initial.as_ref().is_none_or(|initial| {
                                    q.given.starts_with(initial.as_str())
                                        || q.initial.as_deref() == Some(initial.as_str())
                                })
                        })
                    })
            })
            .collect();
        let mut docs: Vec<DocId> = a.mentions.iter().map(Mention::doc).collect();
        docs.dedup();
        for d in docs {
            let roles = facts
                .short_roles
                .get(&(ActorId::new(i), d))
                .unwrap_or(&no_roles);
            if roles
                .iter()
                .any(|r| lex.given_name_titles.contains(&fold(r)))
            {
                continue;
            }
            let date = corpus.documents[d].published;
            let section = ctx.doc_section[d.index()];
            let mut pool: &[usize] = &fitting;
            let in_section: Vec<usize>;
            if crowded {
                for &c in &fitting {
                    ctx.ensure_profile(c);
                }
                // Among many people of one surname a letter apart is another name ("Smit",
                // "Smith"): the spelling must be the same.
                in_section = fitting
                    .iter()
                    .copied()
                    .filter(|c| {
                        ctx.profiles[c].sections.contains(&section)
                            && ctx.members.get(c).into_iter().flatten().any(|&m| {
                                people[m].as_ref().is_some_and(|q| q.spelled == p.spelled)
                            })
                    })
                    .collect();
                if in_section.len() > MAX_CANDIDATES {
                    continue;
                }
                pool = &in_section;
            }
            // (score from telling actors and roles, prior, candidate, near, shares anyone,
            // well attested).
            let mut scored: Vec<(f64, f64, usize, bool, bool, bool)> = Vec::new();
            for &c in pool {
                ctx.ensure_profile(c);
                let prof = &ctx.profiles[&c];
                if let (Some(date), Some((lo, hi))) = (date, prof.dates)
                    && (date < lo - chrono::Duration::days(400)
                        || date > hi + chrono::Duration::days(400))
                {
                    continue;
                }
                let role_match = roles.iter().any(|r| prof.roles.contains(&role_head(r)));
                let attested = prof.docs >= 2 || prof.mentions >= 3;
                let near = prof.sections.contains(&section) && attested;
                // Places say little about who is meant, and much-named actors ("BBC") only
                // within a section.
                let shared: Vec<u32> = ctx.doc_actors[d.index()]
                    .iter()
                    .copied()
                    .filter(|&x| {
                        x as usize != i
                            && x as usize != c
                            && prof.actors.contains_key(&x)
                            && ctx.named(x)
                    })
                    .collect();
                let mut s: f64 = shared
                    .iter()
                    .filter(|&&x| ctx.telling(x))
                    .map(|&x| ctx.idf(x))
                    .sum();
                if role_match {
                    s += 2.0;
                }
                // Between people who fit equally, the one the corpus names in more articles is
                // the likelier referent ("Blair" in politics is Tony Blair more than Cherie).
                let prior = (1.0 + prof.docs as f64).ln();
                scored.push((s, prior, c, near, !shared.is_empty(), attested));
            }
            scored.sort_by(|x, y| (y.0 + y.1).total_cmp(&(x.0 + x.1)));
            let nears = scored.iter().filter(|x| x.3).count();
            // "Hovhannisyan had said": the corpus's one person of that surname, named in full
            // often enough and near that time (the date test above), whatever the section.
            let only = cands.len() == 1;
            let pick = match scored.as_slice() {
                [] => None,
                // A surname of many people needs an actor shared with the candidate's articles.
                [(s, _, c, near, any, attested)] => (*s >= CONTEXT
                    || ((*near || (only && *attested)) && !given_word && (*any || !crowded)))
                    .then_some(*c),
                [(s1, p1, c, near, any, _), (s2, p2, ..), ..] => {
                    let (t1, t2) = (s1 + p1, s2 + p2);
                    let by_context = *s1 >= CONTEXT && t1 >= 2.0 * t2;
                    // The only candidate of the article's section, with context of its own.
                    let by_section = *near && nears == 1 && !given_word && *any && t1 > t2;
                    (by_context || by_section).then_some(*c)
                }
            };
            if let Some(c) = pick {
                links.insert((to_u32(i), d), to_u32(c));
            }
        }
    }
    links
}

/// Whether the actor is attested as one person on its own: named in two articles or three times.
fn attested(a: &Actor) -> bool {
    a.mentions.len() >= 3 || a.mentions.windows(2).any(|w| w[0].doc() != w[1].doc())
}

/// A given name alone ("David", "Steve") that opens the full names of two or more well-attested
/// people of the corpus names a different person in each article that does not say which: the
/// assembler joined all its articles under one slug, so each article past the first gets an actor
/// of its own (in that article only, like a linked bare surname). A given name that opens one
/// well-attested full name only ("Elvis" beside "Elvis Presley") keeps its articles together.
fn split_given_names(
    corpus: &mut Corpus,
    people: &[Option<PersonName>],
    sets: &mut Sets,
    per_doc: &mut FastMap<(u32, DocId), u32>,
    facts: &Facts,
    lex: &Lexicon,
) {
    // Given name -> the well-attested full-name people (roots) it opens.
    let mut opens: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, p) in people.iter().enumerate() {
        let Some(p) = p else { continue };
        let a = &corpus.actors[ActorId::new(i)];
        if p.bare() || !attested(a) {
            continue;
        }
        let Some(first) = a.name.split_whitespace().next() else {
            continue;
        };
        let root = sets.find(i);
        let v = opens.entry(fold(first)).or_default();
        if !v.contains(&root) {
            v.push(root);
        }
    }
    for (i, p) in people.iter().enumerate() {
        let Some(p) = p else { continue };
        let a = &corpus.actors[ActorId::new(i)];
        if !p.bare() || p.initial.is_some() || a.name.contains(char::is_whitespace) {
            continue;
        }
        let word = fold(&a.name);
        if !(lex.is_given(&word) || lex.kinds.is_given(&word))
            || opens.get(&word).is_none_or(|v| v.len() < 2)
        {
            continue;
        }
        let mut docs: Vec<DocId> = a.mentions.iter().map(Mention::doc).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 {
            continue;
        }
        let (name, kind) = (a.name.clone(), a.kind);
        let no_roles = Vec::new();
        let roles_in = |d: DocId| {
            facts
                .short_roles
                .get(&(ActorId::new(i), d))
                .unwrap_or(&no_roles)
        };
        let mut kept_roles: Vec<String> = Vec::new();
        for (k, &d) in docs.iter().enumerate() {
            if per_doc.contains_key(&(to_u32(i), d)) {
                continue;
            }
            if k == 0 {
                kept_roles.extend(roles_in(d).iter().cloned());
                continue;
            }
            let j = corpus.actors.len();
            corpus.actors.as_mut_vec().push(Actor {
                id: String::new(),
                name: name.clone(),
                kind,
                roles: Vec::new(),
                aliases: Vec::new(),
                country: None,
                mentions: Vec::new(),
            });
            sets.parent.push(to_u32(j));
            per_doc.insert((to_u32(i), d), to_u32(j));
        }
        corpus.actors[ActorId::new(i)].roles = kept_roles;
    }
}

/// Moves every mention to its actor, merges names, roles and aliases, drops emptied actors, gives
/// ids from the final names and renumbers the references of quotes and events.
fn apply(
    corpus: &mut Corpus,
    sets: &mut Sets,
    per_doc: &FastMap<(u32, DocId), u32>,
    facts: &Facts,
) {
    let n = corpus.actors.len();
    let roots: Vec<usize> = (0..n).map(|i| sets.find(i)).collect();
    let target = |i: usize, doc: DocId| -> usize {
        per_doc
            .get(&(to_u32(i), doc))
            .map_or(roots[i], |&c| roots[c as usize])
    };
    let mut actors: Vec<Actor> = std::mem::take(corpus.actors.as_mut_vec());
    // Each cluster's name: its member with the most mentions, a full name before an acronym.
    let mut best: Vec<usize> = (0..n).collect();
    for i in 0..n {
        let r = roots[i];
        let score = |a: &Actor| (!acronym_like(&a.name), a.mentions.len());
        if score(&actors[i]) > score(&actors[best[r]]) {
            best[r] = i;
        }
    }
    let mut moved: Vec<Vec<Mention>> = vec![Vec::new(); n];
    let mut extra_aliases: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut extra_roles: Vec<Vec<String>> = vec![Vec::new(); n];
    for i in 0..n {
        if roots[i] != i {
            // A whole member: its names, roles and country join its cluster's.
            let a = &mut actors[i];
            let (name, aliases, roles, country) = (
                a.name.clone(),
                std::mem::take(&mut a.aliases),
                std::mem::take(&mut a.roles),
                a.country.take(),
            );
            let r = roots[i];
            extra_aliases[r].push(name);
            extra_aliases[r].extend(aliases);
            extra_roles[r].extend(roles);
            if actors[r].country.is_none() {
                actors[r].country = country;
            }
        }
        let mentions = std::mem::take(&mut actors[i].mentions);
        let mut kept = Vec::new();
        for m in mentions {
            let t = target(i, m.doc());
            if t == i {
                kept.push(m);
                continue;
            }
            moved[t].push(m);
            if t != roots[i] {
                // Linked in this document only: the name and the roles it had there go along.
                let name = actors[i].name.clone();
                if !extra_aliases[t].contains(&name) {
                    extra_aliases[t].push(name);
                }
                if let Some(rs) = facts.short_roles.get(&(ActorId::new(i), m.doc())) {
                    for r in rs {
                        if !extra_roles[t].contains(r) {
                            extra_roles[t].push(r.clone());
                        }
                    }
                }
            }
        }
        actors[i].mentions = kept;
    }
    for r in 0..n {
        if roots[r] == r && best[r] != r {
            let name = actors[best[r]].name.clone();
            let old = std::mem::replace(&mut actors[r].name, name);
            extra_aliases[r].push(old);
        }
    }
    for (i, a) in actors.iter_mut().enumerate() {
        a.mentions.append(&mut moved[i]);
        a.mentions.sort_unstable();
        a.mentions.dedup();
        for r in std::mem::take(&mut extra_roles[i]) {
            if !a.roles.contains(&r) {
                a.roles.push(r);
            }
        }
        for al in std::mem::take(&mut extra_aliases[i]) {
            if !al.is_empty() && al != a.name && !a.aliases.contains(&al) {
                a.aliases.push(al);
            }
        }
    }
    // The actors left with mentions, in their order, with ids from their final names.
    let mut new_index = vec![u32::MAX; n];
    let mut kept: Vec<Actor> = Vec::with_capacity(n);
    let mut seen: FastSet<String> = FastSet::default();
    for (i, mut a) in actors.into_iter().enumerate() {
        if a.mentions.is_empty() {
            continue;
        }
        let country = (a.kind == ActorKind::Organization)
            .then_some(a.country.as_deref())
            .flatten();
        let base = actor_id(a.kind, &a.name, country);
        let mut id = base.clone();
        // Names of two clusters can share a slug only through odd spellings; ids stay unique.
        let mut k = 2;
        while !seen.insert(id.clone()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        a.id = id;
        new_index[i] = to_u32(kept.len());
        kept.push(a);
    }
    *corpus.actors.as_mut_vec() = kept;
    let identity = new_index.iter().enumerate().all(|(i, &j)| j as usize == i);
    if identity && per_doc.is_empty() {
        return;
    }
    let remap = |i: u32, doc: DocId| new_index[target(i as usize, doc)];
    for q in corpus.quotes.iter_mut() {
        let doc = q.doc();
        let mut seen = FastSet::default();
        let v: Vec<u32> = q
            .speakers
            .iter()
            .map(|&s| remap(s, doc))
            .filter(|s| *s != u32::MAX && seen.insert(*s))
            .collect();
        if *v != *q.speakers {
            q.speakers = v.into_boxed_slice();
        }
    }
    for e in corpus.events.iter_mut() {
        let doc = e.doc();
        let old = e.actors().raw();
        let mut actors: Vec<u32> = old.iter().map(|&a| remap(a, doc)).collect();
        actors.retain(|a| *a != u32::MAX);
        actors.sort_unstable();
        actors.dedup();
        if actors != old {
            let topics = e.topics().raw().to_vec();
            let quotes = e.quotes().raw().to_vec();
            e.set_links(&actors, &topics, &quotes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::load(&crate::assets::Assets::builtin())
    }

    /// Two full names are one person's when their given names, surnames and generations key
    /// alike and their middle names agree.
    #[test]
    fn full_names_of_one_person() {
        let lex = lex();
        let rows: &[(&str, &str, bool)] = &[
            ("Ilham Aliyev", "Ilham Əliyev", true),
            ("Ilham Aliev", "Ilham Əliyev", true),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", true),
            ("Elchin Mammadov", "Elçin Məmmədov", true),
            ("Rashad Gasimov", "Rəşad Qasimov", true),
            ("Anahit Sargsyan", "Anahit Sarkissian", true),
            ("Armen Hovhannisyan", "Armen Hovannisian", true),
            ("Bernie Ebbers", "Bernard Ebbers", true),
            ("Tony Blair", "Anthony Blair", true),
            ("Ruud van Nistelrooy", "Ruud Van Nistelrooy", true),
            ("Hank Williams Jr.", "Hank Williams Jr", true),
            ("Andrew Nicol QC", "Andrew Nicol", true),
            // Different people.
            ("Hank Williams Jr", "Hank Williams", false),
            ("Andy Robinson", "Jason Robinson", false),
            ("Andy Craig", "Andy Garcia", false),
            ("Tony Blair", "Cherie Blair", false),
            ("George W Bush", "George H W Bush", false),
            ("John Smith", "Joan Smith", false),
        ];
        for &(a, b, same) in rows {
            let (pa, pb) = (parse_person(a, &lex), parse_person(b, &lex));
            let got = pa.given == pb.given
                && pa.surname == pb.surname
                && close_spelling(&pa.spelled, &pb.spelled)
                && pa.generation == pb.generation
                && same_middles(&pa.middles, &pb.middles);
            assert_eq!(got, same, "{a} / {b}: {pa:?} {pb:?}");
        }
    }

    /// Surnames alone, and what they are: (name, bare, surname key as another name gives it).
    #[test]
    fn bare_names() {
        let lex = lex();
        let rows: &[(&str, bool, &str)] = &[
            ("Blair", true, "Tony Blair"),
            ("Van Nistelrooy", true, "Ruud van Nistelrooy"),
            ("J Robinson", true, "Jason Robinson"),
            ("Kilroy-Silk", true, "Robert Kilroy-Silk"),
            ("Aliyev", true, "Ilham Əliyev"),
            ("Nikol Pashinyan", false, "Pashinyan"),
        ];
        for &(name, bare, other) in rows {
            let p = parse_person(name, &lex);
            assert_eq!(p.bare(), bare, "{name}: {p:?}");
            assert_eq!(
                p.surname,
                parse_person(other, &lex).surname,
                "{name} / {other}"
            );
        }
        assert_eq!(
            parse_person("J Robinson", &lex).initial.as_deref(),
            Some("j")
        );
    }

    /// Middle names: none joins any; initials must agree; full words must agree where both have them.
    #[test]
    fn middle_names() {
        let lex = lex();
        let m = |s: &str| parse_person(s, &lex).middles;
        let rows: &[(&str, &str, bool)] = &[
            ("Anthony J C Meyer", "Anthony John Charles Meyer", true),
            ("George W Bush", "George Walker Bush", true),
            ("George W Bush", "George H W Bush", false),
            ("Anthony John Meyer", "Anthony John Charles Meyer", false),
        ];
        for &(a, b, same) in rows {
            assert_eq!(same_middles(&m(a), &m(b)), same, "{a} / {b}");
        }
    }

    /// Spellings of one surname, and surnames whose keys agree but that are other names.
    #[test]
    fn surname_spellings() {
        let lex = lex();
        let rows: &[(&str, &str, bool)] = &[
            ("Aliyev", "Ilham Əliyev", true),
            ("Sarkissian", "Anahit Sargsyan", true),
            ("Van Nistelrooy", "Ruud van Nistelrooy", true),
            ("Absa", "Feroz Abbasi", false),
            ("Clive", "George Galloway", false),
        ];
        for &(a, b, same) in rows {
            let (pa, pb) = (parse_person(a, &lex), parse_person(b, &lex));
            assert_eq!(close_spelling(&pa.spelled, &pb.spelled), same, "{a} / {b}");
        }
    }

    #[test]
    fn organisation_keys() {
        let rows: &[(&str, &str)] = &[
            ("Labour Party", "labour"),
            ("Labour", "labour"),
            ("Liberal Democrats", "liberal democrat"),
            ("Lib Dems", "lib dem"),
            ("Tories", "tory"),
            ("Conservatives", "conservative"),
            ("The Walt Disney Company", "walt disney company"),
            ("Time Warner Inc.", "time warner"),
            ("U.N.", "un"),
            ("Business", "business"),
        ];
        for &(name, key) in rows {
            assert_eq!(org_key(name), key, "{name}");
        }
        for (name, acronym) in [("EU", true), ("BoE", true), ("PwC", true), ("Bank", false)] {
            assert_eq!(acronym_like(name), acronym, "{name}");
        }
    }
}
