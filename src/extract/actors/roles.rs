//! Roles and affiliations around a name: titles before it ("Armenian Prime Minister",
//! "Turkey's Foreign Minister", "U.S. Under Secretary of State for Political Affairs"), role nouns
//! in lower case ("CivilNet analysts"), and appositives after it (", the foreign minister of Y").

use super::candidates::{CKind, Cand, demonym_len, gazetteer, is_joiner, push_entry};
use super::context::Doc;
use super::lexicon::{Entry, Lexicon, PlaceKind, list};
use super::tokens::TokKind;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Role {
    /// The title as written ("Prime Minister", "analyst"); empty for a bare honorific ("Mr.").
    pub title: String,
    pub country: Option<String>,
    /// An organisation the role belongs to ("CivilNet").
    pub org: Option<String>,
    /// Written in the plural ("analysts X and Y"): shared by the names joined to the first.
    pub plural: bool,
}

impl Role {
    /// The role as shown: "CivilNet analyst", "Prime Minister".
    pub fn label(&self, lex: &Lexicon) -> Option<String> {
        if self.title.is_empty() {
            return None;
        }
        let label = match &self.org {
            Some(org) => format!("{org} {}", self.title),
            None => self.title.clone(),
        };
        // "Former Cabinet minister" → "former Cabinet minister": a modifier is not a name.
        let mut words: Vec<String> = label.split(' ').map(str::to_string).collect();
        for w in words.iter_mut() {
            let folded = crate::text::fold(w);
            if !lex.role_modifiers.contains(&folded) {
                break;
            }
            *w = folded;
        }
        Some(words.join(" "))
    }
}

fn entry_country(e: &Entry) -> Option<String> {
    match e {
        Entry::Place(p) if p.kind == PlaceKind::Country => Some(p.name.clone()),
        Entry::Place(p) => p.country.clone(),
        Entry::Org { .. } => None,
    }
}

fn is_title(doc: &Doc, q: usize) -> bool {
    doc.is_cap(q) && doc.is(q, list::TITLE_WORD) && !is_joiner(doc.fold(q))
}

/// Strips affiliation and title words from the front of a run. Returns where the name starts and
/// the role, when there was a title. Affiliations that are places or organisations are pushed.
pub fn leading_title(
    doc: &Doc,
    lex: &Lexicon,
    a: usize,
    b: usize,
    out: &mut Vec<Cand>,
) -> (usize, Option<Role>) {
    let mut p = a;
    let mut country = None;
    let mut org = None;
    let mut aff: Option<(usize, &Entry)> = None;
    if let Some((len, e)) = gazetteer(doc, lex, p, b)
        && p + len < b
        && is_title(doc, p + len)
    {
        aff = Some((len, e));
        country = entry_country(e);
        if let Entry::Org { name, .. } = e {
            org = Some(name.clone());
        }
        p += len;
    } else {
        let d = demonym_len(doc, lex, p, b);
        if d > 0 && p + d < b && is_title(doc, p + d) {
            country = lex
                .demonyms
                .get(&*doc.key(p, p + d))
                .filter(|c| !c.is_empty())
                .cloned();
            p += d;
        }
    }
    // "Turkey's Foreign Minister": the possessive before the run.
    if aff.is_none()
        && country.is_none()
        && a >= 1
        && doc.toks[a - 1].kind == TokKind::Poss
        && let Some(prev) = out.last()
        && prev.b + 1 == a
    {
        match prev.kind {
            CKind::Place => {
                country = Some(
                    prev.country
                        .as_deref()
                        .unwrap_or(prev.name(doc))
                        .to_string(),
                )
            }
            CKind::Org => org = Some(prev.name(doc).to_string()),
            _ => {}
        }
    }
    let t0 = p;
    let mut q = p;
    let mut last = p;
    while q < b {
        if is_title(doc, q) {
            q += 1;
            last = q;
        } else if q > t0 && is_joiner(doc.fold(q)) {
            q += 1;
        } else {
            break;
        }
    }
    // A title head later in the run: "Lands Minister X", "ACC Chairman X".
    let name_start = |k: usize| k < b && doc.is_cap(k) && !doc.is(k, list::TITLE_WORD);
    if (last == t0 || !name_start(last))
        && let Some(k) = (t0..b.saturating_sub(1))
            .rev()
            .find(|&k| doc.is_cap(k) && doc.is(k, list::TITLE) && name_start(k + 1))
    {
        last = k + 1;
    }
    if last == t0 {
        return (a, None);
    }
    // "Under President Chavez": "under" is a title word only inside a listed title.
    let mut t0 = t0;
    if doc.fold(t0) == "under" && t0 + 1 < last && !lex.titles.contains(&*doc.key(t0, t0 + 2)) {
        t0 += 1;
    }
    // A role holds a role noun: "Federal Reserve", "World Cup-winning", "European and Asian"
    // hold title words but no title.
    let head_ok = (t0..last).any(|k| {
        doc.is(k, list::TITLE) || (t0..k).any(|s| lex.titles.contains(&*doc.key(s, k + 1)))
    });
    if !head_ok {
        // "Police said": title words with no name after them name no one.
        if last == b {
            return (b, Some(Role::default()));
        }
        return (a, None);
    }
    // "Dean Headley": a lone title that is also a given name is the name.
    if last == t0 + 1 && aff.is_none() && country.is_none() && doc.given(t0) {
        return (a, None);
    }
    // A name must follow, and the title must not be an organisation's own name.
    if last < b && doc.is(b - 1, list::ORG_SUFFIX) {
        return (a, None);
    }
    if let Some((len, e)) = aff {
        push_entry(doc, lex, out, a, a + len, e);
    }
    // "Former Beatle Sir Paul McCartney", "Under Mr Brown": an honorific says person, not role.
    let honorific = doc.is(last - 1, list::HONORIFIC);
    let title = if honorific {
        String::new()
    } else {
        role_text(doc, t0, last)
    };
    let mut start = last;
    while start < b && is_joiner(doc.fold(start)) {
        start += 1;
    }
    let role = Role {
        title,
        country,
        org,
        plural: false,
    };
    (start, Some(role))
}

/// The role as written from `t0` to `last`, with leading modifiers in lower case ("former
/// President").
fn role_text(doc: &Doc, t0: usize, last: usize) -> String {
    let m = (t0..last)
        .find(|&i| !doc.is(i, list::ROLE_MODIFIER))
        .unwrap_or(last);
    let mut words: Vec<String> = (t0..m).map(|i| doc.fold(i).to_string()).collect();
    if m < last {
        words.push(doc.text[doc.toks[m].span.start..doc.toks[last - 1].span.end].to_string());
    }
    words.join(" ")
}

/// A role written in lower case just before a name: "chief spokesman X", "CivilNet analysts X".
pub fn lower_role(doc: &Doc, a: usize, out: &[Cand]) -> Option<Role> {
    let mut p = a;
    while p > 0 && a - p < 4 {
        let t = &doc.toks[p - 1];
        let f = doc.tok_fold(t);
        if t.kind == TokKind::Word
            && !t.cap
            && doc.is(p - 1, list::TITLE_WORD | list::GROUP_NOUN)
            && !is_joiner(f)
        {
            p -= 1;
        } else {
            break;
        }
    }
    if p == a {
        return None;
    }
    if !doc.is(a - 1, list::TITLE | list::GROUP_NOUN) {
        return None;
    }
    let words: Vec<&str> = (p..a).map(|i| doc.s(i)).collect();
    let last = doc.fold(a - 1);
    let plural =
        last.ends_with('s') && !doc.is(a - 1, list::TITLE_WORD) || doc.is(a - 1, list::GROUP_NOUN);
    let mut title = words.join(" ");
    if plural && title.ends_with('s') {
        title.pop();
    }
    let mut role = Role {
        title,
        plural,
        ..Role::default()
    };
    if p > 0
        && let Some(prev) = out.last()
        && prev.b == p
    {
        match prev.kind {
            CKind::Place => {
                role.country = Some(
                    prev.country
                        .as_deref()
                        .unwrap_or(prev.name(doc))
                        .to_string(),
                )
            }
            CKind::Org | CKind::Single => {
                role.org = Some(
                    doc.text[doc.toks[prev.a].span.start..doc.toks[prev.b - 1].span.end]
                        .to_string(),
                )
            }
            CKind::Person => {}
        }
    }
    Some(role)
}

/// ", the foreign minister of Y," after a name.
pub fn appositive(doc: &Doc, lex: &Lexicon, b: usize) -> Option<Role> {
    if doc.s(b) != "," {
        return None;
    }
    let mut p = b + 1;
    if matches!(doc.fold(p), "the" | "a" | "an") {
        p += 1;
    }
    let country = (p < doc.toks.len())
        .then(|| {
            let d = demonym_len(doc, lex, p, doc.toks.len());
            let c = lex.demonyms.get(&*doc.key(p, p + d)).cloned();
            (d > 0).then(|| {
                p += d;
                c
            })
        })
        .flatten()
        .flatten()
        .filter(|c| !c.is_empty());
    let t0 = p;
    while p < doc.toks.len() && p - t0 < 6 {
        let t = &doc.toks[p];
        if t.kind == TokKind::Word && doc.is(p, list::TITLE_WORD) && !is_joiner(doc.tok_fold(t)) {
            p += 1;
        } else {
            break;
        }
    }
    if p == t0
        || !lex.titles.contains(&*doc.key(p - 1, p)) && !lex.titles.contains(&*doc.key(t0, p))
    {
        return None;
    }
    let title = doc.text[doc.toks[t0].span.start..doc.toks[p - 1].span.end].to_string();
    let mut role = Role {
        title,
        country,
        ..Role::default()
    };
    if doc.fold(p) == "of" {
        let end = doc.toks.len();
        if let Some((_, e)) = gazetteer(doc, lex, p + 1, end) {
            role.country = entry_country(e).or(role.country);
            if let Entry::Org { name, .. } = e {
                role.org = Some(name.clone());
            }
        }
    }
    Some(role)
}
