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
use crate::fasthash::FastMap;
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
    let roles = Roles::new(actors);
    // Folded name words of each actor that can speak, for speaker texts that name one.
    let surnames: Vec<Option<String>> = actors
        .iter()
        .map(|a| {
            (a.kind != ActorKind::Place)
                .then(|| a.name.split_whitespace().last().map(fold))
                .flatten()
        })
        .collect();
    // Folded words of organisations' names: "the trust" is the "Supporters' Trust" when one is.
    let org_words: std::collections::HashSet<String> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Organization)
        .flat_map(|a| a.name.split_whitespace().map(fold))
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
            who = named(d, sp.span, actors, &mentions, &surnames, &roles, &sex);
        }
        // A capitalised role or a possessive one ("the Deputy Prime Minister", "the HSE's chief
        // clinical officer"); "the minister" is an anaphor, resolved by salience below.
        if who.is_empty() && sp.anaphor.is_none() {
            who = by_role(
                d,
                sp.span,
                actors,
                &roles,
                &mentions,
                &previous,
                previous_at,
            );
        }
        // "A spokeswoman for the minister" speaks for the minister (who is the actor named).
        if who.is_empty() {
            let phrase = sp.span.slice(d.text);
            if let Some(at) = phrase.find(" for ")
                && phrase[..at]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.to_lowercase().starts_with("spokes"))
            {
                let behalf = Span::new(sp.span.start + at + 5, sp.span.end);
                who = named(d, behalf, actors, &mentions, &surnames, &roles, &sex);
                if who.is_empty() {
                    who = by_role(d, behalf, actors, &roles, &mentions, &previous, previous_at);
                }
            }
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
                    previous_at,
                )
                .into_iter()
                .collect(),
                // "the trust": the organisation named with that noun, when the text has one,
                // before the nearest other ("the club" after "Nordhavn Capital" stays open).
                Anaphor::Singular if phrase.contains(' ') && d.lex.org_noun(&head) => salient(
                    d,
                    sp.span.start,
                    &mentions,
                    |a| {
                        actors[a].kind == ActorKind::Organization
                            && (!org_words.contains(&head)
                                || actors[a].name.split_whitespace().any(|w| fold(w) == head))
                    },
                    None,
                    &previous,
                    previous_at,
                )
                .into_iter()
                .collect(),
                Anaphor::Singular => {
                    let fits = |a: usize| {
                        actors[a].kind == ActorKind::Person
                            && (want.is_none() || sex[a].is_none() || sex[a] == want)
                    };
                    // "the former owner": the one holder of that role, or the most salient
                    // holder, before anyone else.
                    let holders = role_words(phrase)
                        .and_then(|(words, _)| roles.people.get(&words.join(" ")))
                        .filter(|h| h.len() <= 16);
                    let by_role = holders.and_then(|h| match h[..] {
                        [one] if fits(one) => Some(one),
                        _ => salient(
                            d,
                            sp.span.start,
                            &mentions,
                            |a| fits(a) && h.contains(&a),
                            want,
                            &previous,
                            previous_at,
                        ),
                    });
                    let got = by_role.or_else(|| {
                        salient(
                            d,
                            sp.span.start,
                            &mentions,
                            fits,
                            want,
                            &previous,
                            previous_at,
                        )
                    });
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
                    previous_at,
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
    roles: &Roles,
    sex: &[Option<Gender>],
) -> Vec<usize> {
    let text = span.slice(d.text);
    // "the HSE's chief clinical officer", "Ni Mhurchu's adviser": someone of the possessor's, not
    // the possessor.
    // "the HPSA's ruling" is the HPSA's word.
    if let Some(at) = text.rfind("'s ").or_else(|| text.rfind("’s ")) {
        let tail = &text[at..];
        let person = role_words(tail).is_some_and(|(words, _)| {
            let head = words.last().map_or("", String::as_str);
            d.lex.person_noun(head) || roles.people.contains_key(&words.join(" "))
        });
        if person && !tail.chars().skip(3).any(char::is_uppercase) {
            return Vec::new();
        }
    }
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
        // "Ms Petrosyan" in an article about her brother Vardan Petrosyan: the title's sex
        // picks the one of them it fits.
        (2.., _) => {
            let Some(want) = title_before(d, span) else {
                return who;
            };
            let fits: Vec<usize> = people
                .into_iter()
                .filter(|&a| sex.get(a).copied().flatten() == Some(want))
                .collect();
            if fits.len() == 1 { fits } else { who }
        }
        _ => who,
    }
}

/// The sex a title just before `span` marks: the "Ms" of "Ms Petrosyan" (the speaker phrase
/// keeps the name only).
fn title_before(d: &Discourse, span: Span) -> Option<Gender> {
    let before = d.text.get(..span.start)?.trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .filter(|w| !w.is_empty())?;
    d.lex.gender(&word.to_lowercase())
}

/// Who holds each role and which organisations carry each name word, built once per document
/// so a speaker named by a role costs one lookup, not a pass over the actors.
struct Roles {
    /// Each word-suffix of a person's role ("deputy prime minister", "prime minister",
    /// "minister") to the people holding it.
    people: FastMap<String, Vec<usize>>,
    /// Each word of an organisation's name ("ministry") to the organisations.
    orgs: FastMap<String, Vec<usize>>,
}

/// How many words of a role or name are indexed.
const ROLE_WORDS: usize = 6;

impl Roles {
    fn new(actors: &[DocActor]) -> Self {
        let mut people: FastMap<String, Vec<usize>> = FastMap::default();
        let mut orgs: FastMap<String, Vec<usize>> = FastMap::default();
        for (a, actor) in actors.iter().enumerate() {
            match actor.kind {
                ActorKind::Person => {
                    for r in actor.roles.iter().take(8) {
                        let r = fold(r);
                        let words: Vec<&str> = r.split_whitespace().collect();
                        let from = words.len().saturating_sub(ROLE_WORDS);
                        for k in from..words.len() {
                            let list = people.entry(words[k..].join(" ")).or_default();
                            if list.last() != Some(&a) {
                                list.push(a);
                            }
                        }
                    }
                }
                ActorKind::Organization => {
                    for w in fold(&actor.name).split_whitespace().take(ROLE_WORDS) {
                        let list = orgs.entry(w.to_string()).or_default();
                        if list.last() != Some(&a) {
                            list.push(a);
                        }
                    }
                }
                _ => {}
            }
        }
        Roles { people, orgs }
    }
}

/// The folded words of a role phrase without its determiner, and its possessor: "Azerbaijan's
/// foreign ministry" gives (["foreign", "ministry"], "azerbaijan"). None when it has no word.
fn role_words(phrase: &str) -> Option<(Vec<String>, Option<String>)> {
    let mut words: Vec<String> = Vec::new();
    let mut possessor: Option<String> = None;
    for w in phrase.split_whitespace().take(ROLE_WORDS + 2) {
        let w = fold(w);
        if let Some(owner) = w.strip_suffix("'s") {
            possessor = Some(owner.to_string());
            words.clear();
        } else if !matches!(
            w.as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        ) {
            words.push(w);
        }
    }
    (!words.is_empty()).then_some((words, possessor))
}

/// A speaker named by a role or an organisation's common name ("the Deputy Prime Minister",
/// "Azerbaijan's foreign ministry"): the person holding that role (the most salient when several
/// do), or the one organisation whose name has the head word (the possessor country's when
/// several do).
fn by_role(
    d: &Discourse,
    span: Span,
    actors: &[DocActor],
    roles: &Roles,
    mentions: &[(usize, usize, usize)],
    previous: &[usize],
    previous_at: usize,
) -> Vec<usize> {
    let Some((words, possessor)) = role_words(span.slice(d.text)) else {
        return Vec::new();
    };
    let Some(head) = words.last() else {
        return Vec::new();
    };
    if let Some(people) = roles.people.get(&words.join(" ")) {
        // A role refers back: its holder is named before it ("the Deputy Prime Minister" before
        // the article names another deputy prime minister is not that one).
        let named_before = |a: usize| {
            actors[a]
                .mentions
                .first()
                .is_some_and(|m| m.start < span.start)
        };
        let people: Vec<usize> = people
            .iter()
            .copied()
            .filter(|&a| named_before(a))
            .collect();
        return match people[..] {
            [one] => vec![one],
            // Many holders of one role ("minister" in a cabinet list): too vague to pick.
            _ if people.len() > 16 => Vec::new(),
            // Several: the article's main holder, the one mentioned most ("the Deputy Prime
            // Minister" of a briefing by one, who met another), else the most salient.
            _ => {
                let count = |a: usize| actors[a].mentions.len();
                let most = people.iter().copied().map(count).max().unwrap_or(0);
                let top: Vec<usize> = people
                    .iter()
                    .copied()
                    .filter(|&a| count(a) == most)
                    .collect();
                match top[..] {
                    [one] => vec![one],
                    _ => salient(
                        d,
                        span.start,
                        mentions,
                        |a| top.contains(&a),
                        None,
                        previous,
                        previous_at,
                    )
                    .into_iter()
                    .collect(),
                }
            }
        };
    }
    if !d.lex.org_noun(head) {
        return Vec::new();
    }
    let Some(orgs) = roles.orgs.get(head) else {
        return Vec::new();
    };
    let of_country: Vec<usize> = possessor.as_ref().map_or_else(Vec::new, |p| {
        orgs.iter()
            .copied()
            .filter(|&a| actors[a].country.as_deref().is_some_and(|c| fold(c) == *p))
            .collect()
    });
    match (&of_country[..], &orgs[..]) {
        ([one], _) => vec![*one],
        ([], [one]) if possessor.is_none() || actors[*one].country.is_none() => vec![*one],
        _ => Vec::new(),
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
    previous_at: usize,
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
        let in_window =
            (from..at).contains(&previous_at) || mentions[lo..hi].iter().any(|m| m.2 == *p);
        if in_window && new_subject(d, at, mentions, &fits).is_none_or(|a| a == *p) {
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
        for &(ms, me, a) in mentions_from(mentions, start, end) {
            if me <= at && fits(a) && !quoted(d.runs, Span::new(ms, me)) {
                return Some(a);
            }
        }
    }
    None
}

/// The mentions that start in `start..end` (one sentence, or its part before a quote), at most
/// `PER_SENTENCE` of them; `mentions` is sorted by start.
fn mentions_from(
    mentions: &[(usize, usize, usize)],
    start: usize,
    end: usize,
) -> &[(usize, usize, usize)] {
    let lo = mentions.partition_point(|m| m.0 < start);
    let hi = mentions.partition_point(|m| m.0 < end);
    let hi = hi.clamp(lo, lo + PER_SENTENCE);
    super::step(hi - lo);
    &mentions[lo..hi]
}

/// A fitting person who opens the sentence of `at` or the one before it as its subject ("Local
/// councillor Paddy Geraghty said ... “...,” he said"): a new subject takes over the discourse from
/// the previous speaker. Only a mention near the sentence start with no pronoun before it counts:
/// "He also met Masoud Pezeshkian" keeps the discourse on "he".
fn new_subject(
    d: &Discourse,
    at: usize,
    mentions: &[(usize, usize, usize)],
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    /// Bytes before the subject's name: a title or a short description ("The committee's chair,").
    const LEAD: usize = 60;
    let s = d.sentences.partition_point(|s| s.end <= at);
    for k in (s.saturating_sub(1)..=s).rev() {
        let Some(sent) = d.sentences.get(k) else {
            continue;
        };
        let Some(&(ms, me, a)) = mentions_from(mentions, sent.start, sent.end.min(at))
            .iter()
            .find(|m| !quoted(d.runs, Span::new(m.0, m.1)))
        else {
            continue;
        };
        let lead = &d.text[sent.start..ms];
        let pronoun_first = lead.split(|c: char| !c.is_alphabetic()).any(|w| {
            matches!(
                w,
                "He" | "She" | "he" | "she" | "They" | "they" | "It" | "it"
            )
        });
        if me <= at
            && ms - sent.start <= LEAD
            && !pronoun_first
            && !lead.contains(['“', '"'])
            && fits(a)
        {
            return Some(a);
        }
    }
    None
}
