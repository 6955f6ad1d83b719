//! Table tests for kinds and boundaries of person names (`extract/actors/kinds.rs`): modifiers
//! around a name, names of works and products, fragments of titles, and names of common words
//! that no mention speaks for as a person's. Each row: (text, [(kind, name)]) of the people and
//! organisations it must yield (places and groups left out).

use dateline::extract::DocInput;
use dateline::extract::actors;
use dateline::model::ActorKind;

fn people_and_orgs(text: &str) -> Vec<(&'static str, String)> {
    let lex = crate::common::lexicon();
    let doc = DocInput::segmented(text, &lex.segment, None);
    actors::extract(&doc, &lex.actors)
        .into_iter()
        .filter_map(|a| match a.kind {
            ActorKind::Person => Some(("person", a.name)),
            ActorKind::Organization => Some(("org", a.name)),
            _ => None,
        })
        .collect()
}

fn check(cases: &[(&str, &[(&str, &str)])]) {
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got = people_and_orgs(text);
        let want: Vec<(&str, String)> = want.iter().map(|(k, n)| (*k, n.to_string())).collect();
        if got != want {
            wrong.push(format!("{text}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A sentence opener, an adjective of rank or a hyphenated modifier before a name is no part of it;
/// one after a name makes the run an adjective.
#[test]
fn modifiers_are_not_part_of_a_name() {
    check(&[
        (
            "Fifteen-year-old Dorota Wexley won the junior title on Sunday.",
            &[("person", "Dorota Wexley")],
        ),
        (
            "The prize went to Tunisian-born Karim Belhadj for his second feature.",
            &[("person", "Karim Belhadj")],
        ),
        ("Despite Brannagh the coach was calm.", &[]),
        (
            "Rival Sonteco cut its prices on Monday, and Veteran Mick Tolland said he would retire.",
            &[("person", "Mick Tolland")],
        ),
        (
            "Critics feared a Las Vegas-style strip of casinos in the town.",
            &[],
        ),
        (
            "Man-of-the-match Dafydd Prowse kicked four goals, and Fly-half Iwan Tregaron added one.",
            &[("person", "Dafydd Prowse"), ("person", "Iwan Tregaron")],
        ),
        (
            "On Monday Democrat John Kerrow and Tory Dominic Greavely spoke to the crowd.",
            &[("person", "John Kerrow"), ("person", "Dominic Greavely")],
        ),
        (
            "The winner was Welshman Jimmy Watkinson, ahead of Blairite Dave Prentiss.",
            &[("person", "Jimmy Watkinson"), ("person", "Dave Prentiss")],
        ),
        // A Korean given name after the surname is no modifier.
        (
            "Hyundai chairman Chung Mong-koo met the press.",
            &[("org", "Hyundai"), ("person", "Chung Mong-koo")],
        ),
    ]);
}

/// A run ending in a word for a work, a product or a business is that thing, never a person.
#[test]
fn work_and_product_heads_are_not_people() {
    check(&[
        (
            "Fans queued for the Harold Pemberton Show on Friday night.",
            &[],
        ),
        (
            "The Marlow Quest DVD sold 2m copies in its first week.",
            &[],
        ),
        ("She starred in the Tallis Wren Kids series last year.", &[]),
    ]);
}

/// A name inside a longer capitalised title (after a capitalised article in mid-sentence, or
/// before a capitalised function word) is a fragment of the title.
#[test]
fn fragments_of_titles_are_not_people() {
    check(&[
        (
            "The winner of I'm A Celebrity Get Me Out Of Here was named on Monday.",
            &[],
        ),
        ("She danced in The Dying Swan at the age of 19.", &[]),
        // An initial in a squad list is no article.
        (
            "Andrea Masetti broke clear.\n\nItaly: R Dalmonte; M Garrone, A Masetti, L Nocera.",
            &[
                ("person", "Andrea Masetti"),
                ("person", "R Dalmonte"),
                ("person", "M Garrone"),
                ("person", "L Nocera"),
            ],
        ),
    ]);
}

/// A name of common words whose first word is no given name, with no person evidence in the
/// article, is no person; a title, "said" or a pronoun keeps one.
#[test]
fn common_word_names_need_person_evidence() {
    check(&[
        (
            "The archives hold the papers of the Gunpowder Plot of 1605.",
            &[],
        ),
        ("Another favourite solution is Premium Bonds.", &[]),
        (
            "Glasgow band Snow Patrol headline the second night.",
            &[("org", "Snow Patrol")],
        ),
        (
            "Sleet Ridge said he would sign for the club. Ridge is 24.",
            &[("person", "Sleet Ridge")],
        ),
        ("She sang at La Fenice and wrote for El Watan.", &[]),
        (
            "Morocco's Talal El Karoumi headed the first goal.",
            &[("person", "Talal El Karoumi")],
        ),
        // "said" alone is no person's: companies and reports say things too, so such a name that
        // speaks is an organisation.
        (
            "Shares rose after Silver Panel said profits doubled.",
            &[("org", "Silver Panel")],
        ),
        (
            "Radio presenter Zoe Bramble joined the show, and Seti Kalolo scored a try.",
            &[("person", "Zoe Bramble"), ("person", "Seti Kalolo")],
        ),
    ]);
}

/// A venue, a country's branch or a product line as the last word makes the run no person; a
/// determiner before a name is no part of it.
#[test]
fn venues_branches_and_determiners() {
    check(&[
        (
            "The ceremony at the Dorothy Kessler Pavilion was hosted by Chris Rock.",
            &[("person", "Chris Rock")],
        ),
        (
            "Karen Thomson, Chief Executive of Zentra UK, said sales rose.",
            &[("person", "Karen Thomson")],
        ),
        ("Sales of Vortex PCs rose in the quarter.", &[]),
        (
            "Another Dorota Wexley win would seal the title.",
            &[("person", "Dorota Wexley")],
        ),
    ]);
}

/// A work that stars someone, a character of a work, a name after a work word used as a noun and a
/// name inside "X of the Y" are no people, given name or not; a person who stars, a name after a
/// work word used as a verb, a person "of the" an organisation and a name whose cue came from the
/// heading above stay people.
#[test]
fn works_and_characters_are_not_people() {
    check(&[
        (
            "Hollow Street was named top drama and Joey, starring former Friends actor Matt LeBlanc, was best comedy.",
            &[("person", "Matt LeBlanc")],
        ),
        (
            "Another role under Burton, Ed Wood, starred Depp as a cult film-maker.",
            &[],
        ),
        (
            "National Treasure, which sees Cage's character Ben Gates chase a fortune, was a hit.",
            &[],
        ),
        (
            "She played Nellie in Mike Leigh's latest film Vera Drake last year.",
            &[("person", "Mike Leigh")],
        ),
        ("His hits include the West End show Mary Poppins.", &[]),
        (
            "Pegg co-wrote Shaun of the Dead with Edgar Wright.",
            &[("person", "Edgar Wright")],
        ),
        // Guards.
        (
            "Tom Cruise, starring in the film, said he was pleased.",
            &[("person", "Tom Cruise")],
        ),
        (
            "\"They can play Rui Costa forward,\" the coach said.",
            &[("person", "Rui Costa")],
        ),
        (
            "William Corr of the Campaign for Clean Air spoke on Friday.",
            &[
                ("person", "William Corr"),
                ("org", "Campaign for Clean Air"),
            ],
        ),
        (
            "Stars join charity TV show\n\nBrad Pitt and Hugh Grant have been added to the line-up.",
            &[("person", "Brad Pitt"), ("person", "Hugh Grant")],
        ),
    ]);
}

/// Names joined by a slash are a firm's; a name of two words after "I" in mid-sentence is a
/// title's fragment.
#[test]
fn slashed_names_and_titles_after_i() {
    check(&[
        (
            "More homes were online, according to market analysts Dorling/NetRanks.",
            &[],
        ),
        // Two people joined by a slash stay people.
        (
            "Nobody could dismiss the Brown/Blair feud, Gordon Brown and Tony Blair said.",
            &[("person", "Gordon Brown"), ("person", "Tony Blair")],
        ),
        (
            "Other shows which won praise were The X-Files and I Love Lucy.",
            &[],
        ),
    ]);
}
