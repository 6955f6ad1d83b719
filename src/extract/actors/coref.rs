//! Within-document resolution: candidates become actors; a surname ("Fidan"), a titled surname
//! ("Mr. Pashinyan"), an organisation's last word ("the Commission") or acronym joins the full
//! name written elsewhere in the document; other single words need evidence of their own.

use super::DocActor;
use super::candidates::{CKind, Cand};
use super::classify::cue;
use super::context::Doc;
use super::lexicon::{FastMap, FastSet, Lexicon, list};
use super::tokens::TokKind;
use crate::model::{ActorKind, Span};
use crate::text::{fold, same_fold};
use std::cell::Cell;

#[derive(Default)]
struct Table {
    actors: Vec<DocActor>,
    /// Per kind (`kind_index`): folded name → actor.
    by_key: [FastMap<String, usize>; 4],
    /// The organisations among `actors` by the parts of their names `org_alias` compares: the
    /// folded first and last words of names of two or more words, and the initials. A single word
    /// looks up its organisation in one probe per part instead of comparing every organisation
    /// (which made a long document quadratic).
    org_first: FastMap<String, Vec<usize>>,
    org_last: FastMap<String, Vec<usize>>,
    org_initials: FastMap<String, Vec<usize>>,
    /// A buffer for folding names.
    scratch: String,
    /// Per actor: the kind votes of its mentions (`Votes`).
    votes: Vec<Votes>,
}

/// What the mentions of one actor say about its kind, added up over the document: the majority
/// decides, not the first mention.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Votes {
    pub person: u32,
    pub org: u32,
    pub work: u32,
    pub place: u32,
    /// Results and squad lists ("Sussex 368-7"), which retype towns but never people.
    pub team: u32,
    /// "said", "told", ", who" or a title beside a mention (`kinds::not_person`).
    pub speech: u32,
    /// Mentions inside a longer capitalised title (`cue::TITLE`).
    pub title: u32,
    /// Mentions that are a work's or a character's name beyond doubt (`kinds::SURE_WORK`).
    pub sure_work: u32,
}

impl Votes {
    fn add(&mut self, c: &Cand) {
        let cues = c.evidence.cues;
        self.org += u32::from(cues & cue::ORG != 0);
        self.work += u32::from(cues & cue::WORK != 0);
        self.place += u32::from(cues & cue::PLACE != 0);
        self.team += u32::from(cues & cue::TEAM != 0);
        // A title, an honorific, an age or a results line speaks for a person as much as "who".
        let person = cues & cue::PERSON != 0 || c.role.is_some() || c.evidence.sports;
        self.person += u32::from(person);
        self.speech += u32::from(c.evidence.speech || c.evidence.titled);
        self.title += u32::from(cues & cue::TITLE != 0);
        self.sure_work += u32::from(cues & super::kinds::SURE_WORK != 0);
    }

    /// The kind a person actor named `name` really has, or `None` when it is no actor (a work, an
    /// award, a product): organisation or work cues must outnumber the person evidence, and a
    /// full name that opens with a given name counts as one more vote for a person.
    pub(super) fn person_kind(self, given_first: bool) -> Option<ActorKind> {
        let person = self.person + u32::from(given_first);
        if self.work > 0 && self.work > person + self.org {
            None
        } else if self.org > person && self.org >= self.work {
            Some(ActorKind::Organization)
        } else {
            Some(ActorKind::Person)
        }
    }
}

thread_local! {
    /// The previous document's table (without its actors), so maps keep their capacity.
    static SPARE: Cell<Option<Box<Table>>> = const { Cell::new(None) };
}

/// Tables with more names than this go back to the allocator rather than stay with a thread.
const KEEP_NAMES: usize = 1 << 12;

/// An actor keeps at most this many aliases and roles from one document: past it a name's
/// variants are noise, and checking a new one against the list stays bounded.
const MAX_VARIANTS: usize = 32;

/// Appends `fold(w)` to `out`.
fn push_fold(out: &mut String, w: &str) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&crate::text::fold(w));
    }
}

impl Table {
    /// A table from the thread's spare (cleared), else a new one.
    fn take() -> Table {
        SPARE.with(Cell::take).map_or_else(Table::default, |t| *t)
    }

    /// Gives the table's maps and buffers back to the thread for the next document.
    fn keep(mut self) {
        if self.by_key.iter().map(FastMap::len).sum::<usize>() > KEEP_NAMES {
            return;
        }
        self.actors = Vec::new();
        for m in &mut self.by_key {
            m.clear();
        }
        self.org_first.clear();
        self.org_last.clear();
        self.org_initials.clear();
        self.votes.clear();
        SPARE.with(|s| s.set(Some(Box::new(self))));
    }

    fn add(&mut self, kind: ActorKind, name: &str, span: Span, country: Option<&str>) -> usize {
        // Most names are ASCII and most are met again: fold into a reused buffer, and make the
        // key only for a new actor.
        let folded;
        let key = if name.is_ascii() {
            self.scratch.clear();
            self.scratch.push_str(name);
            self.scratch.make_ascii_lowercase();
            self.scratch.as_str()
        } else {
            folded = fold(name);
            folded.as_str()
        };
        // Organisations with a country are keyed with it: two countries' "Foreign Ministry".
        let with_country;
        let key = match country {
            Some(c) if kind == ActorKind::Organization => {
                with_country = format!("{key}~{}", fold(c));
                with_country.as_str()
            }
            _ => key,
        };
        let found = self.by_key[kind_index(kind)].get(key).copied();
        let i = if let Some(i) = found {
            i
        } else {
            let key = key.to_string();
            let i = self.actors.len();
            if kind == ActorKind::Organization {
                self.index_org(i, name);
            }
            self.actors.push(DocActor {
                name: name.to_string(),
                kind,
                roles: Vec::new(),
                aliases: Vec::new(),
                country: None,
                mentions: Vec::new(),
            });
            self.by_key[kind_index(kind)].insert(key, i);
            self.votes.push(Votes::default());
            i
        };
        let a = &mut self.actors[i];
        if a.country.is_none() {
            a.country = country.map(str::to_string);
        }
        a.mentions.push(span);
        i
    }

    /// Files organisation `i` under its first and last words (names of two or more words) and its
    /// initials.
    fn index_org(&mut self, i: usize, name: &str) {
        let mut words = name.split_whitespace();
        let first = words.next();
        let last = words.next_back();
        let mut key = String::new();
        if let (Some(first), Some(last)) = (first, last) {
            push_fold(&mut key, first);
            self.org_first.entry(key.clone()).or_default().push(i);
            key.clear();
            push_fold(&mut key, last);
            self.org_last.entry(key.clone()).or_default().push(i);
            key.clear();
        }
        push_initials(&mut key, name, false);
        let capitals = key.clone();
        self.org_initials
            .entry(capitals.clone())
            .or_default()
            .push(i);
        key.clear();
        push_initials(&mut key, name, true);
        if key != capitals {
            self.org_initials.entry(key).or_default().push(i);
        }
    }

    /// The actor of kind `kind` whose folded name is `f`.
    fn get(&self, kind: ActorKind, f: &str) -> Option<usize> {
        self.by_key[kind_index(kind)].get(f).copied()
    }

    fn mention(&mut self, i: usize, span: Span, alias: &str) {
        let a = &mut self.actors[i];
        a.mentions.push(span);
        if a.aliases.len() < MAX_VARIANTS
            && !same_fold(alias, &a.name)
            && !a.aliases.iter().any(|x| x == alias)
        {
            a.aliases.push(alias.to_string());
        }
    }
}

fn kind_index(kind: ActorKind) -> usize {
    match kind {
        ActorKind::Person => 0,
        ActorKind::Organization => 1,
        ActorKind::Place => 2,
        ActorKind::Group => 3,
    }
}

fn kind_of(k: &CKind) -> Option<ActorKind> {
    match k {
        CKind::Person => Some(ActorKind::Person),
        CKind::Org => Some(ActorKind::Organization),
        CKind::Place => Some(ActorKind::Place),
        CKind::Single => None,
    }
}

fn span_of(doc: &Doc, c: &Cand) -> Span {
    Span::new(doc.toks[c.a].span.start, doc.toks[c.b - 1].span.end)
}

/// Appends the initials of a name's words, of the capitalised ones only ("Bank of England" →
/// "be") or of all ("boe": "BoE", "DfES").
fn push_initials(out: &mut String, name: &str, all: bool) {
    out.extend(
        name.split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(|c| all || c.is_uppercase())
            .flat_map(char::to_lowercase),
    );
}

pub fn resolve(doc: &Doc, lex: &Lexicon, cands: &[Cand]) -> Vec<DocActor> {
    let mut t = Table::take();
    let mut singles: Vec<&Cand> = Vec::new();
    // "van der Sar": a surname with its particles, joined to the full name after the full names.
    let mut particled: Vec<&Cand> = Vec::new();
    for c in cands {
        let span = span_of(doc, c);
        match kind_of(&c.kind) {
            Some(ActorKind::Person)
                if c.b - c.a >= 2 && lex.leading_particles.contains(doc.fold(c.a)) =>
            {
                particled.push(c)
            }
            Some(ActorKind::Person) if c.b - c.a >= 2 => {
                let i = t.add(ActorKind::Person, c.name(doc), span, None);
                t.votes[i].add(c);
                apply_role(&mut t.actors[i], lex, c);
            }
            Some(k @ (ActorKind::Place | ActorKind::Organization)) => {
                let i = t.add(k, c.name(doc), span, c.country.as_deref());
                t.votes[i].add(c);
            }
            _ => singles.push(c),
        }
    }
    // Full names first, so that a surname finds its person whatever the order in the text.
    let mut surnames: FastMap<String, Vec<usize>> = FastMap::default();
    let index_person = |surnames: &mut FastMap<String, Vec<usize>>, i: usize, name: &str| {
        if let Some(last) = name.split_whitespace().last() {
            // A name met again ("Princess Diana" twice) is one person under its surname.
            let ids = surnames.entry(fold(last)).or_default();
            if !ids.contains(&i) {
                ids.push(i);
            }
        }
    };
    for (i, a) in t.actors.iter().enumerate() {
        if a.kind == ActorKind::Person {
            index_person(&mut surnames, i, &a.name);
        }
    }
    // "Edwin van der Sar ... van der Sar": the one person whose name ends with the surname and
    // its particles; else a person of its own.
    for c in particled {
        let span = span_of(doc, c);
        let written = span.slice(doc.text);
        let f = fold(written);
        let found = surnames.get(doc.fold(c.b - 1)).and_then(|ids| {
            let mut fits = ids.iter().copied().filter(|&i| {
                let name = fold(&t.actors[i].name);
                name.len() > f.len()
                    && name.ends_with(&f)
                    && name.as_bytes()[name.len() - f.len() - 1] == b' '
            });
            fits.next().filter(|_| fits.next().is_none())
        });
        let i = match found {
            Some(i) => {
                t.mention(i, span, written);
                i
            }
            None => {
                let i = t.add(ActorKind::Person, c.name(doc), span, None);
                index_person(&mut surnames, i, c.name(doc));
                i
            }
        };
        t.votes[i].add(c);
        apply_role(&mut t.actors[i], lex, c);
    }
    // "Kelly Holmes ... Kelly's success": a bare given name in the document of exactly one person
    // whose full name opens with it is that person (several such people: nobody).
    let mut firsts: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, a) in t.actors.iter().enumerate() {
        let mut words = a.name.split_whitespace();
        if a.kind == ActorKind::Person
            && let (Some(first), Some(_)) = (words.next(), words.next())
        {
            let f = fold(first);
            if lex.is_given(&f) {
                firsts.entry(f).or_default().push(i);
            }
        }
    }
    let role_orgs: FastSet<String> = cands
        .iter()
        .filter_map(|c| c.role.as_ref().and_then(|r| r.org.clone()))
        .map(|o| fold(&o))
        .collect();
    // "an Oscar", "the Oscar for best film", "three Oscar nominations": a given name after an
    // article or a count names a thing in this document (an award, a product), so its bare
    // mentions make no person.
    let things: FastSet<&str> = singles
        .iter()
        .filter(|c| c.kind != CKind::Person && c.a > 0 && counts_or_article(doc, c.a - 1))
        .map(|c| doc.fold(c.a))
        .collect();
    // Single names with evidence of their own make people before bare single words are judged.
    singles.sort_by_key(|c| (c.kind != CKind::Person, c.a));
    let mut deferred = Vec::new();
    for c in singles {
        let span = span_of(doc, c);
        // A single is one token: its folded form and word-list bits are the token's.
        let f = doc.fold(c.a);
        // "Christmas", "Islam": on its own the word names no actor, unless it is the surname of
        // a person of this document ("Yusuf Islam").
        if doc.is(c.a, list::WORK_ALONE) && !surnames.contains_key(f) {
            continue;
        }
        let strict = c.evidence.strict;
        // Acronyms are organisations, not people: "The PUK said".
        let upper = doc.toks[c.a].acronym();
        // "Reports said", "Colleagues said": a common word opening a sentence is no one's name,
        // even before a speech verb.
        let common = c.evidence.initial
            && (doc.has_lower(c.a) || doc.is(c.a, list::GROUP_NOUN | list::NON_NAME));
        let person = c.kind == CKind::Person
            || (!strict && !upper && c.evidence.speech && !common)
            || (!upper && c.evidence.sports)
            || (!strict && !upper && !c.evidence.initial && doc.given(c.a) && !things.contains(&f));
        let known = surnames.contains_key(f)
            || org_alias(&t, doc, c.a, upper).is_some()
            || [ActorKind::Organization, ActorKind::Place]
                .iter()
                .any(|&k| t.get(k, f).is_some());
        // A sentence may open with the name ("Kelly's success"), unless the word is a common one;
        // a titled name ("Prince Charles") is someone of its own.
        let given_link = !known
            && c.role.is_none()
            && (person || (!doc.has_lower(c.a) && !doc.is(c.a, list::NON_NAME)))
            && c.evidence.cues & cue::WORK == 0;
        if given_link && let Some(&[i]) = firsts.get(f).map(Vec::as_slice) {
            t.mention(i, span, span.slice(doc.text));
            t.votes[i].add(c);
            continue;
        }
        // "Lord Archer", "Prince Charles": a name with its title is someone of its own, even
        // where another person of the document carries the word ("Howard Archer").
        let titled_name =
            c.kind == CKind::Person && c.canonical.as_deref().is_some_and(|n| n.contains(' '));
        if (person && !known) || titled_name {
            let i = t.add(ActorKind::Person, c.name(doc), span, None);
            t.votes[i].add(c);
            apply_role(&mut t.actors[i], lex, c);
            index_person(&mut surnames, i, c.name(doc));
        } else {
            deferred.push(c);
        }
    }
    // "Yukos said ... shares in Yukos": a word with an organisation's cue at one mention is the
    // organisation at every mention, before the cue or opening a sentence.
    let org_words: FastSet<&str> = deferred
        .iter()
        // An organisation's own cue, not a team's ("Hendrix supporters").
        .filter(|c| c.evidence.cues & cue::ORG != 0 && super::classify::single_org_cue(doc, c))
        .map(|c| doc.fold(c.a))
        .collect();
    for c in deferred {
        let span = span_of(doc, c);
        let written = span.slice(doc.text);
        let f = doc.fold(c.a);
        if let Some(ids) = surnames.get(f)
            && ids.len() == 1
        {
            t.mention(ids[0], span, written);
            t.votes[ids[0]].add(c);
            apply_role(&mut t.actors[ids[0]], lex, c);
            continue;
        }
        if let Some(i) = [ActorKind::Person, ActorKind::Organization, ActorKind::Place]
            .iter()
            .find_map(|&k| t.get(k, f))
        {
            t.mention(i, span, written);
            t.votes[i].add(c);
            continue;
        }
        if let Some(i) = org_alias(&t, doc, c.a, doc.toks[c.a].acronym()) {
            t.mention(i, span, written);
            continue;
        }
        let strict = c.evidence.strict;
        let tok = &doc.toks[c.a];
        let acronym = tok.acronym()
            && c.b == c.a + 1
            && (2..=6).contains(&f.len())
            && !doc.is(c.a, list::NON_NAME | list::DEMONYM)
            && !f.chars().all(|ch| matches!(ch, 'i' | 'v' | 'x'));
        // "Trump Route for International Peace and Prosperity (TRIPP)": an acronym spelled out
        // just before it names whatever the expansion names; an expansion that is no
        // organisation (it would have matched `org_alias` above) makes no organisation either.
        // "insurer Prudential", "Cofinec, which": a word no rule named, with an organisation's
        // cue and nothing that speaks for a person.
        let org_cue = super::classify::single_org_cue(doc, c)
            || (org_words.contains(f)
                && c.evidence.cues & (cue::WORK | cue::PERSON) == 0
                && !doc.has_lower(c.a));
        if (!strict || org_cue)
            && (role_orgs.contains(f) || org_cue || (acronym && !expands_unknown(doc, c.a, f)))
        {
            let i = t.add(ActorKind::Organization, c.name(doc), span, None);
            t.votes[i].add(c);
        }
    }
    let mut actors = std::mem::take(&mut t.actors);
    let votes = std::mem::take(&mut t.votes);
    t.keep();
    // A sports page: results lines, league rows or innings scores, twice or more.
    let team_page = cands
        .iter()
        .filter(|c| c.evidence.cues & cue::RESULTS != 0)
        .nth(1)
        .is_some();
    retype(doc.text, lex, &mut actors, &votes, team_page);
    join_nicknamed(doc.text, lex, &mut actors);
    role_mentions(doc, &mut actors);
    for a in &mut actors {
        a.mentions.sort();
        a.mentions.dedup();
    }
    actors
}

/// Gives each person actor the kind its mentions vote for (`Votes::person_kind`): an organisation
/// becomes one, and a work, award or product is dropped.
fn retype(text: &str, lex: &Lexicon, actors: &mut Vec<DocActor>, votes: &[Votes], team_page: bool) {
    let mut keep = vec![true; actors.len()];
    for (i, a) in actors.iter_mut().enumerate() {
        let Some(&v) = votes.get(i) else { continue };
        // "MP3 player", "ID cards": an acronym used for a product or a document is no actor.
        if a.kind == ActorKind::Organization
            && v.work > v.org
            && a.name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            keep[i] = false;
            continue;
        }
        // "Liverpool striker Mark Kennedy", "Sussex 368-7", "Yvan Quentin (Sion)": a town or
        // region (not a country or a nation, whose team is named after it) that more mentions
        // call a club than a place is the club.
        // On a sports page a town is the club unless most of its mentions place something
        // there ("Hamburg beat Hansa Rostock", "Boston's Roger Clemens"; "at Leicester").
        let page_team = team_page && (v.place as usize) * 2 < a.mentions.len();
        if a.kind == ActorKind::Place
            && a.country.is_some()
            && (v.team > v.place || page_team)
            && !lex.nations.contains(&fold(&a.name))
        {
            a.kind = ActorKind::Organization;
            continue;
        }
        // A title's fragment, or common words no mention speaks for as a person's (`kinds`).
        if let Some(kind) = super::kinds::not_person(text, lex, a, v) {
            match kind {
                Some(k) => {
                    a.kind = k;
                    a.roles.clear();
                }
                None => keep[i] = false,
            }
            continue;
        }
        if a.kind != ActorKind::Person || v.org + v.work == 0 {
            continue;
        }
        let mut words = a.name.split_whitespace();
        let given_first = match (words.next(), words.next()) {
            (Some(first), Some(_)) => lex.is_given(&fold(first)),
            _ => false,
        };
        match v.person_kind(given_first) {
            Some(kind) => {
                if kind == ActorKind::Organization {
                    a.roles.clear();
                }
                a.kind = kind;
            }
            None => keep[i] = false,
        }
    }
    let mut k = keep.iter();
    actors.retain(|_| k.next().copied().unwrap_or(true));
}

/// `Marion "Suge" Knight`: a given name, a quoted nickname and a surname are one person, whom the
/// candidates split at the quotation marks into a given name alone and a surname alone. The given
/// name's mentions join the surname's actor, which takes the full name ("Marion Knight"), so "Mr
/// Knight" later in the article is that person.
fn join_nicknamed(text: &str, lex: &Lexicon, actors: &mut Vec<DocActor>) {
    const QUOTES: &[char] = &['"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}'];
    let single = |a: &DocActor| a.kind == ActorKind::Person && !a.name.contains(' ');
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        if !single(a) || !lex.is_given(&fold(&a.name)) {
            continue;
        }
        for m in &a.mentions {
            // ` "Suge" ` after the given name: a quoted capitalised word of up to 20 bytes.
            let Some(rest) = text.get(m.end..) else {
                continue;
            };
            let Some(inner) = rest.strip_prefix(' ').and_then(|r| r.strip_prefix(QUOTES)) else {
                continue;
            };
            let Some(close) = inner.find(QUOTES) else {
                continue;
            };
            let nick = &inner[..close];
            if close == 0
                || close > 20
                || !nick.chars().next().is_some_and(char::is_uppercase)
                || !nick
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '.')
            {
                continue;
            }
            let after = &inner[close..];
            let q = after.chars().next().map_or(1, char::len_utf8);
            if !after[q..].starts_with(' ') {
                continue;
            }
            let start = text.len() - after.len() + q + 1;
            if let Some(j) = actors
                .iter()
                .position(|b| single(b) && b.mentions.iter().any(|x| x.start == start))
                && j != i
            {
                joins.push((i, j));
                break;
            }
        }
    }
    if joins.is_empty() {
        return;
    }
    let mut drop = vec![false; actors.len()];
    for (i, j) in joins {
        if drop[i] || drop[j] {
            continue;
        }
        let given = std::mem::take(&mut actors[i].mentions);
        let name = format!("{} {}", actors[i].name, actors[j].name);
        let b = &mut actors[j];
        let old = std::mem::replace(&mut b.name, name);
        if !b.aliases.contains(&old) {
            b.aliases.push(old);
        }
        b.mentions.extend(given);
        b.mentions.sort();
        drop[i] = true;
    }
    let mut k = drop.iter();
    actors.retain(|_| !k.next().copied().unwrap_or(false));
}

/// Whether the acronym at token `a` follows "(" after capitalised words whose initials spell it.
/// An article, a determiner or a count: the words before a common noun, not before a name.
fn counts_or_article(doc: &Doc, i: usize) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "the", "every", "each", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve",
    ];
    doc.toks[i].kind == TokKind::Number || WORDS.contains(&doc.fold(i))
}

fn expands_unknown(doc: &Doc, a: usize, f: &str) -> bool {
    if a < 2 || doc.toks[a - 1].span.slice(doc.text) != "(" {
        return false;
    }
    let mut initials = String::new();
    for tok in doc.toks[..a - 1].iter().rev() {
        if tok.kind != TokKind::Word || initials.len() >= f.len() {
            break;
        }
        if tok.cap {
            initials.insert(0, doc.tok_fold(tok).chars().next().unwrap_or(' '));
        } else if !matches!(
            doc.tok_fold(tok),
            "for" | "and" | "of" | "the" | "on" | "in" | "de"
        ) {
            break;
        }
    }
    initials == f
}

/// "Commission" for "European Commission", "EU" for "European Union", when only one fits. `f`
/// is the folded form of token `i`, whose word-list bits stand for the lexicon's sets.
fn org_alias(t: &Table, doc: &Doc, i: usize, upper: bool) -> Option<usize> {
    let f = doc.fold(i);
    // "Barrick" for "Barrick Gold Corp", "Commission" for "European Commission".
    let suffix = doc.is(i, list::ORG_SUFFIX);
    let plain = !doc.given(i) && !doc.is(i, list::NON_NAME);
    let lists = [
        suffix.then(|| t.org_last.get(f)).flatten(),
        plain.then(|| t.org_first.get(f)).flatten(),
        (upper && f.len() >= 2)
            .then(|| t.org_initials.get(f))
            .flatten(),
    ];
    // Each list holds distinct organisations: two from one list, or two different ones from two
    // lists, make the word ambiguous.
    let mut found = None;
    for &o in lists.into_iter().flatten().flat_map(|l| l.iter().take(2)) {
        super::work::add(1);
        match found {
            Some(x) if x != o => return None,
            _ => found = Some(o),
        }
    }
    found
}

fn apply_role(a: &mut DocActor, lex: &Lexicon, c: &Cand) {
    let Some(role) = &c.role else { return };
    if let Some(label) = role.label(lex)
        && a.roles.len() < MAX_VARIANTS
        && !a.roles.contains(&label)
    {
        a.roles.push(label);
    }
    if a.country.is_none() {
        a.country = role.country.clone();
    }
}

/// "the prime minister" after "Prime Minister Nikol Pashinyan": a role in lower case, after "the"
/// and before no name, refers to the one person of the document who holds it.
fn role_mentions(doc: &Doc, actors: &mut [DocActor]) {
    // Folded role words → the holders, in the order of the actors and their roles; a role held by
    // two people refers to neither.
    let mut holders: FastMap<String, (usize, Option<usize>)> = FastMap::default();
    let mut longest = 0;
    let mut order = 0;
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorKind::Person {
            continue;
        }
        for r in &a.roles {
            let words = r.split_whitespace().count();
            if words <= 4 && r.chars().next().is_some_and(char::is_uppercase) {
                let key = r.split_whitespace().map(fold).collect::<Vec<_>>().join(" ");
                longest = longest.max(words);
                let e = holders.entry(key).or_insert((order, Some(i)));
                if e.1 != Some(i) {
                    e.1 = None;
                }
                order += 1;
            }
        }
    }
    if holders.values().all(|h| h.1.is_none()) {
        return;
    }
    // One pass over the text: at each "the" + lower-case word, the roles of one to `longest`
    // words that start there (a probe each), instead of one pass per role.
    let mut found: Vec<(usize, usize, Span)> = Vec::new();
    let mut key = String::new();
    let n = doc.toks.len();
    for p in 1..n {
        if doc.toks[p].cap || doc.fold(p - 1) != "the" {
            continue;
        }
        key.clear();
        for k in 1..=longest.min(n - p) {
            let t = &doc.toks[p + k - 1];
            if t.cap {
                break;
            }
            if k > 1 {
                key.push(' ');
            }
            key.push_str(doc.tok_fold(t));
            super::work::add(1);
            let Some(&(order, Some(i))) = holders.get(key.as_str()) else {
                continue;
            };
            let first = actors[i].mentions.first().map_or(usize::MAX, |m| m.start);
            let start = doc.toks[p].span.start;
            if !doc.is_cap(p + k) && start > first {
                found.push((order, i, Span::new(start, t.span.end)));
            }
        }
    }
    // Aliases in the order of the roles, as one pass per role gave them.
    found.sort_by_key(|&(order, _, span)| (order, span.start));
    for (_, i, span) in found {
        let alias = format!("the {}", span.slice(doc.text));
        let a = &mut actors[i];
        a.mentions.push(span);
        if a.aliases.len() < MAX_VARIANTS && !a.aliases.contains(&alias) {
            a.aliases.push(alias);
        }
    }
}
