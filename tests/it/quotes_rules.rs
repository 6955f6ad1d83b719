//! Quote rules, one table row each: (text, expected quotes as (kind, text, speaker mention, cue)).

use dateline::extract::actors::DocActor;
use dateline::extract::{DocInput, quotes};
use dateline::model::{ActorKind, QuoteKind, Span};

type Row<'a> = (QuoteKind, &'a str, Option<&'a str>, Option<&'a str>);
/// A row plus the resolved speakers.
type Got<'a> = (
    QuoteKind,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Vec<usize>,
);

fn run<'t>(text: &'t str, actors: &[DocActor]) -> Vec<Got<'t>> {
    let lex = crate::common::lexicon();
    let doc = DocInput::segmented(text, &lex.segment, None);
    quotes::extract(&doc, actors, &lex.quotes)
        .into_iter()
        .map(|q| {
            (
                q.kind,
                q.span.slice(text),
                q.speaker_span.map(|s| s.slice(text)),
                q.cue.map(|s| s.slice(text)),
                q.speakers,
            )
        })
        .collect()
}

use QuoteKind::{Direct as D, Reported as R, Term as T};

#[test]
fn direct_quotes() {
    let cases: &[(&str, &[Row])] = &[
        // split by the attribution: one quote
        (
            "“We won,” she said, “and we will win again.”",
            &[(
                D,
                "“We won,” she said, “and we will win again.”",
                Some("she"),
                Some("said"),
            )],
        ),
        // a straight-quoted name inside a straight quotation does not end it
        (
            "Jane Doe said: \"When I arrived he was the \"Father of the House\" and kind.\"",
            &[(
                D,
                "\"When I arrived he was the \"Father of the House\" and kind.\"",
                Some("Jane Doe"),
                Some("said"),
            )],
        ),
        // a new speech verb between two quotations starts someone else's words
        (
            "\"We lost,\" he said. \"It hurts.\" Coach Ann Lee said the team was \"tired\".",
            &[
                (
                    D,
                    "\"We lost,\" he said. \"It hurts.\"",
                    Some("he"),
                    Some("said"),
                ),
                (
                    R,
                    "the team was \"tired\"",
                    Some("Coach Ann Lee"),
                    Some("said"),
                ),
                (D, "\"tired\"", Some("Coach Ann Lee"), Some("said")),
            ],
        ),
        // a speech phrase after a possessive is a noun: "his call for"
        (
            "Party leader Charles Kennedy repeated his call for a \"pause\" in the talks.",
            &[
                (
                    R,
                    "his call for a \"pause\" in the talks",
                    Some("Charles Kennedy"),
                    Some("repeated"),
                ),
                (D, "\"pause\"", Some("Charles Kennedy"), Some("repeated")),
            ],
        ),
        // straight quotes, speaker before the verb
        (
            "\"Go home now,\" Smith said.",
            &[(D, "\"Go home now,\"", Some("Smith"), Some("said"))],
        ),
        // inverted verb, appositive after the name
        (
            "“It is over,” said Robert Stone, a retiree from Ohio.",
            &[(D, "“It is over,”", Some("Robert Stone"), Some("said"))],
        ),
        // a quote that reopens in the next paragraph
        (
            "“The first part is long.\n\n“The second part ends here,” he said.",
            &[(
                D,
                "“The first part is long.\n\n“The second part ends here,”",
                Some("he"),
                Some("said"),
            )],
        ),
        // nested single quotes stay inside
        (
            "“He told me ‘no’ twice,” she said.",
            &[(D, "“He told me ‘no’ twice,”", Some("she"), Some("said"))],
        ),
        // a verb before a colon introduces the next paragraph
        (
            "Cruz continued:\n\n“The questions were unfair to every candidate.”",
            &[(
                D,
                "“The questions were unfair to every candidate.”",
                Some("Cruz"),
                Some("continued"),
            )],
        ),
        // quotations that follow each other are one
        (
            "“Yes,” Trump said. “We will build it.”",
            &[(
                D,
                "“Yes,” Trump said. “We will build it.”",
                Some("Trump"),
                Some("said"),
            )],
        ),
        // titles before the name are trimmed from the mention
        (
            "“The talks failed,” Foreign Minister Hakan Fidan told reporters.",
            &[(
                D,
                "“The talks failed,”",
                Some("Hakan Fidan"),
                Some("told reporters"),
            )],
        ),
        // a bare name before a colon
        (
            "Cecile Richards: “We are tired of waiting for this.”",
            &[(
                D,
                "“We are tired of waiting for this.”",
                Some("Cecile Richards"),
                None,
            )],
        ),
        // quotation marks inside markup attributes are not quotes
        ("<tweet id=\"12\" by=\"@a\">ok</tweet>", &[]),
    ];
    check(cases);
}

#[test]
fn mixed_quotes_are_direct_inside_a_statement() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Spokeswoman Haley Morris says the candidate has “always run a lean campaign.”",
            &[
                (
                    R,
                    "the candidate has “always run a lean campaign.”",
                    Some("Haley Morris"),
                    Some("says"),
                ),
                (
                    D,
                    "“always run a lean campaign.”",
                    Some("Haley Morris"),
                    Some("says"),
                ),
            ],
        ),
        (
            "The commentators described the issue as “the most sensitive” part of the process.",
            &[
                (
                    R,
                    "the issue as “the most sensitive” part of the process",
                    Some("The commentators"),
                    Some("described"),
                ),
                (
                    D,
                    "“the most sensitive”",
                    Some("The commentators"),
                    Some("described"),
                ),
            ],
        ),
    ];
    check(cases);
}

#[test]
fn terms() {
    let cases: &[(&str, &[Row])] = &[
        (
            "As the “Never Trump” movement grew, donors left.",
            &[(T, "“Never Trump”", None, None)],
        ),
        (
            "He is now host of “The Nightly Show.”",
            &[(T, "“The Nightly Show.”", None, None)],
        ),
        (
            "The broader context is the emerging “Trump Route for International Peace and Prosperity (TRIPP),” a project.",
            &[(
                T,
                "“Trump Route for International Peace and Prosperity (TRIPP),”",
                None,
                None,
            )],
        ),
        ("Voters backed the “R” column.", &[(T, "“R”", None, None)]),
    ];
    check(cases);
}

#[test]
fn reported_statements() {
    let cases: &[(&str, &[Row])] = &[
        // an inverted aside names its speaker after the verb; the statement is the sentence
        (
            "The idea, says Telcom, is to shape a new model for the arts.",
            &[(
                R,
                "The idea, says Telcom, is to shape a new model for the arts",
                Some("Telcom"),
                Some("says"),
            )],
        ),
        (
            "Networks of hijacked computers, called bot nets, are on the increase.",
            &[],
        ),
        // an aside that names the speaker again inside a statement is no statement of its own
        (
            "Ruiz conceded that the two had split the first contests, which is an outcome, he said, that the campaign expected.",
            &[(
                R,
                "the two had split the first contests, which is an outcome",
                Some("Ruiz"),
                Some("conceded"),
            )],
        ),
        (
            "Tony Blair had in 1997 complained that the campaign was abusive.",
            &[(
                R,
                "the campaign was abusive",
                Some("Tony Blair"),
                Some("complained"),
            )],
        ),
        (
            "According to Fidan, premature normalization could reduce motivation.",
            &[(
                R,
                "premature normalization could reduce motivation",
                Some("Fidan"),
                Some("According to"),
            )],
        ),
        (
            "Premature normalization could reduce motivation, according to Fidan.",
            &[(
                R,
                "Premature normalization could reduce motivation",
                Some("Fidan"),
                Some("according to"),
            )],
        ),
        (
            "Hooker met Prime Minister Nikol Pashinyan, who said the topic is on the agenda.",
            &[(
                R,
                "the topic is on the agenda",
                Some("Nikol Pashinyan"),
                Some("said"),
            )],
        ),
        (
            "Armenia’s Foreign Minister Ararat Mirzoyan responded that opening the border would help.",
            &[(
                R,
                "opening the border would help",
                Some("Ararat Mirzoyan"),
                Some("responded"),
            )],
        ),
        (
            "Armenia’s government insists it raises the issue in every meeting.",
            &[(
                R,
                "it raises the issue in every meeting",
                Some("Armenia’s government"),
                Some("insists"),
            )],
        ),
        (
            "Analysts, however, noted that Ankara views progress as linked.",
            &[(
                R,
                "Ankara views progress as linked",
                Some("Analysts"),
                Some("noted"),
            )],
        ),
        (
            "Trump, the Republican nominee, said the wall will be built.",
            &[(R, "the wall will be built", Some("Trump"), Some("said"))],
        ),
        (
            "The economy is slowing down, he said.",
            &[(R, "The economy is slowing down", Some("he"), Some("said"))],
        ),
        (
            "She met the envoy, adding that the talks would continue.",
            &[(R, "the talks would continue", Some("She"), Some("adding"))],
        ),
        // passive verbs name no speaker and report nothing
        ("The visit is described as a reciprocal step.", &[]),
        // a verb without a clause reports nothing
        ("The minister said nothing.", &[]),
    ];
    check(cases);
}

#[test]
fn speakers_resolve_to_actors() {
    let actor = |name: &str, kind: ActorKind, text: &str, mention: &str| DocActor {
        name: name.into(),
        kind,
        roles: Vec::new(),
        aliases: Vec::new(),
        country: None,
        mentions: text
            .match_indices(mention)
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect(),
    };
    let text = "CivilNet analysts Stella Meghrabyans and Arshaluis Mgdesyan emphasized that the “asymmetry” is natural. The commentators described it as “sensitive” in talks. Human rights advocates in Yerevan say they receive “alarming signals” daily. Hakan Fidan spoke later. He said that Ankara sees no reason to rush.";
    let actors = [
        actor(
            "Stella Meghrabyans",
            ActorKind::Person,
            text,
            "Stella Meghrabyans",
        ),
        actor(
            "Arshaluis Mgdesyan",
            ActorKind::Person,
            text,
            "Arshaluis Mgdesyan",
        ),
        actor("CivilNet", ActorKind::Organization, text, "CivilNet"),
        actor("Yerevan", ActorKind::Place, text, "Yerevan"),
        actor("Hakan Fidan", ActorKind::Person, text, "Hakan Fidan"),
    ];
    let got: Vec<(&str, Vec<usize>)> = run(text, &actors)
        .into_iter()
        .filter(|q| q.0 == D || q.1.starts_with("Ankara"))
        .map(|q| (q.1, q.4))
        .collect();
    assert_eq!(
        got,
        [
            ("“asymmetry”", vec![0, 1]),
            ("“sensitive”", vec![0, 1]),
            ("“alarming signals”", vec![]),
            ("Ankara sees no reason to rush", vec![4]),
        ]
    );
}

/// Hard speaker cases, one row each: (text, the quotation or statement, its speaker mention).
#[test]
fn hard_speakers() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        // an auxiliary after the subject is the main clause's verb for ", calling"
        (
            "Okafor has targeted the council, calling the cuts “reckless and cruel.”",
            "“reckless and cruel.”",
            Some("Okafor"),
        ),
        // a dateline's dash opens the clause whose subject speaks
        (
            "LAGOS (Wire) – Finance Minister Bola Ade took a swipe at rival Femi Obi’s tax plan, saying that “loud promises” cost money.",
            "“loud promises”",
            Some("Bola Ade"),
        ),
        // a participle after "before" shares the subject of the speech verb before it
        (
            "“We are ready,” Okafor said before adding: “The vote is on Friday.”",
            "“The vote is on Friday.”",
            Some("Okafor"),
        ),
        // ", with NAME calling": a clause of its own, not the complement of an earlier verb
        (
            "Councillors who agree that the depot should close were angry at the delay, with Councillor Amy Hart calling it “a disgrace.”",
            "“a disgrace.”",
            Some("Councillor Amy Hart"),
        ),
        // a name set off after a description, with a title, or after an acronym's description
        (
            "The club's lawyer, Dr Ines Varga, said the deal was “simply unlawful.”",
            "“simply unlawful.”",
            Some("Ines Varga"),
        ),
        (
            "Her GP, Dr Ines Varga, said the shortage was “a scandal.”",
            "“a scandal.”",
            Some("Ines Varga"),
        ),
        // a clause opened by a person and closed by a colon gives the quotation to that person
        (
            "Okafor has taken a hard line on the budget: “We cannot spend what we do not have.”",
            "“We cannot spend what we do not have.”",
            Some("Okafor"),
        ),
        // a longer quotation in a clause whose subject names someone is that subject's
        (
            "The Harbour Trust issued a statement on Friday, offering “a full and unreserved apology” to the fishermen.",
            "“a full and unreserved apology”",
            Some("The Harbour Trust"),
        ),
        // but not a passive's subject, nor past a dash
        (
            "The last two students were dressed as nurses to demonstrate the “shortest waiting times in a decade”.",
            "“shortest waiting times in a decade”",
            None,
        ),
        (
            "Then a red bus rolled into view, painted with a bold slogan - “lowest fares for forty years”.",
            "“lowest fares for forty years”",
            None,
        ),
        // a short quoted title inside the description between a name and its verb
        (
            "Okafor, host of radio’s “Morning Call,” thanked the nurses for “working through the storm every night.”",
            "“working through the storm every night.”",
            Some("Okafor"),
        ),
        // a verb whose subject names nobody gives way to an attribution closing the sentence
        (
            "The closure of the mill signals “the end of an era” for the valley, said Mairead Quinn, a local historian.",
            "“the end of an era”",
            Some("Mairead Quinn"),
        ),
        // an -s form after a plural count word is a noun, not a speech verb
        (
            "The ministry has angered several Baltic states, and it has taken “a harder line” on fishing quotas, said Okafor.",
            "“a harder line”",
            Some("Okafor"),
        ),
        // an attribution set off by commas is the sentence's own
        (
            "Repair estimates, she added, were “far too optimistic.”",
            "“far too optimistic.”",
            Some("she"),
        ),
        // a participle's subject is not the object of a preposition before it
        (
            "Okafor has clashed with the council over parking, at one point calling its leader “a clown.”",
            "“a clown.”",
            Some("Okafor"),
        ),
        // a past participle after an article modifies a noun; the earlier verb's subject speaks
        (
            "Okafor also spoke about the proposed bypass, saying it would be “a disaster for the town.”",
            "“a disaster for the town.”",
            Some("Okafor"),
        ),
        // a relative clause without commas between the speaker and the verb
        (
            "Although talks continue, a senior diplomat who spoke anonymously to discuss the negotiations said Tuesday, “There is no deal yet.”",
            "“There is no deal yet.”",
            Some("a senior diplomat"),
        ),
        (
            "At a rally in Leeds, Okafor proudly proclaimed, “This city is ours.”",
            "“This city is ours.”",
            Some("Okafor"),
        ),
        // a quotation that ended its sentence: the next sentence's verb is a new statement
        (
            "FBI general counsel James Baker said the probe is “ongoing.” He said the FBI has not commented on the focus.",
            "“ongoing.”",
            Some("James Baker"),
        ),
        // a speech verb inside the clause another reports: the outer verb's subject
        (
            "Bolton said he would advise Trump on the “strategic threats that exist.”",
            "“strategic threats that exist.”",
            Some("Bolton"),
        ),
        (
            "Rep. Steve Israel said Clinton called on members to be “closely coordinated.”",
            "“closely coordinated.”",
            Some("Steve Israel"),
        ),
        // an opening mark typed as the closer
        (
            "“It's unusual,“ said Larry Noble, an attorney.",
            "“It's unusual,“",
            Some("Larry Noble"),
        ),
        // a long description between the name and the verb
        (
            "“Nothing would make a difference,” Fred Kagan, director of the Critical Threats Project at the hawkish American Enterprise Institute, said in an interview.",
            "“Nothing would make a difference,”",
            Some("Fred Kagan"),
        ),
        // a speech verb after a possessive or "a pre-emptive" is a noun
        (
            "Hollande denounced Trump's remarks as “hurtful and humiliating” on Sunday.",
            "“hurtful and humiliating”",
            Some("Hollande"),
        ),
        (
            "In a press conference, Trump launched a pre-emptive attack against Obama, calling him “the most ignorant president in our history.”",
            "“the most ignorant president in our history.”",
            Some("Trump"),
        ),
        // a phrase before a colon is a speaker only when it is the whole sentence or its subject
        (
            "Kaine has adopted the stance common among Catholics in public office: “I'm pro-life in my personal life.”",
            "“I'm pro-life in my personal life.”",
            Some("Kaine"),
        ),
        (
            "Stated Stone: “I think that the stakes are so high.”",
            "“I think that the stakes are so high.”",
            Some("Stone"),
        ),
        // asides between subject and verb
        (
            "Carter however said he would welcome a “principled security network” for Asia.",
            "“principled security network”",
            Some("Carter"),
        ),
        (
            "Cruz himself said Tuesday that “the only way to win is to ask.”",
            "“the only way to win is to ask.”",
            Some("Cruz"),
        ),
        (
            "Sanders, meanwhile, who sits at zero endorsements, said that fact shows who is \"prepared to take on the establishment.\"",
            "\"prepared to take on the establishment.\"",
            Some("Sanders"),
        ),
        // an irregular past verb after a name: the name is the subject of "and called"
        (
            "Carson took the stage Tuesday at the Grand Hotel and called the political system “rotten to the core.”",
            "“rotten to the core.”",
            Some("Carson"),
        ),
        (
            "Former Arkansas Gov. Mike Huckabee, for his part, is labeling Obama's actions “a blatant, belligerent abuse of power.”",
            "“a blatant, belligerent abuse of power.”",
            Some("Mike Huckabee"),
        ),
        // a capitalised verb after a quotation that ended its sentence opens a new one
        (
            "Cruz said Tuesday that “the only way is to ask.” Asked which he preferred, he laughed.",
            "“the only way is to ask.”",
            Some("Cruz"),
        ),
        // an age after a name
        (
            "Lifelong fan Gary Pearce, 54, who walked with his grandsons, said: “My dad brought me here.”",
            "“My dad brought me here.”",
            Some("Gary Pearce"),
        ),
        (
            "Janet Okafor, 61, a season-ticket holder for forty years, said: “I'd like him to come.”",
            "“I'd like him to come.”",
            Some("Janet Okafor"),
        ),
        // ", adding:" takes the subject of the sentence's main verb, inverted or not
        (
            "Lee Brannigan, the manager, said on Thursday that his players were “tired of lawyers”, adding: “They just want to play.”",
            "“They just want to play.”",
            Some("Lee Brannigan"),
        ),
        (
            "“It's not new in Virginia,” said Rep. Bobby Scott at the time, adding that “we've been electing them for a long time.”",
            "“we've been electing them for a long time.”",
            Some("Bobby Scott"),
        ),
        // a statement issued: the subject of the verb that issues it
        (
            "Republican presidential nominee Donald Trump issued the following statement: “Our prayers are with all those affected.”",
            "“Our prayers are with all those affected.”",
            Some("Donald Trump"),
        ),
        (
            "On Saturday, Trump issued a statement saying that Scalia was “a remarkable person and a brilliant justice.”",
            "“a remarkable person and a brilliant justice.”",
            Some("Trump"),
        ),
        // a verb joined by "and" shares the subject of the speech verb before it
        (
            "Mr Justice Ainsworth, who heard two days of argument, said he would decide “as quickly as possible” and indicated that the parties should expect it by next week.",
            "the parties should expect it by next week",
            Some("Justice Ainsworth"),
        ),
        // a headline's "- Name:" before a quotation
        (
            "IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal: “Although the polls failed, they were not wrong.”",
            "“Although the polls failed, they were not wrong.”",
            Some("Mark Blumenthal"),
        ),
        // a digest's name after the dash speaks, not a speech word in the headline before it
        (
            "Critics share blame for the poll frenzy - Dana Whitlow: “Nobody listened to the caveats.”",
            "“Nobody listened to the caveats.”",
            Some("Dana Whitlow"),
        ),
        (
            "Estimates of turnout are too high - Civic Data Lab: “All the samples lean towards voters.”",
            "“All the samples lean towards voters.”",
            Some("Civic Data Lab"),
        ),
        // a speech noun after a participle, a participle and a modifier, a year or "the" and a
        // modifier is no verb: the speaker is the clause's subject
        (
            "Senator Okafor has accused the mayor of making racist remarks by using the term “thugs” twice.",
            "“thugs”",
            Some("Okafor"),
        ),
        (
            "Ruiz is disavowing remarks by an aide who called the plan “a disgrace” on Monday.",
            "“a disgrace”",
            Some("an aide"),
        ),
        (
            "The book is a searing account of the 2012 attacks that left four dead in Tripoli: a chief orders his team to “stand down” and wait.",
            "“stand down”",
            None,
        ),
        (
            "Delegates on the floor joined the caustic chant “Lock him up!” for a minute.",
            "“Lock him up!”",
            None,
        ),
        (
            "“Call the roll,” came shouts from the crowd on the floor.",
            "“Call the roll,”",
            None,
        ),
        // plurals, bodies of people and a past tense spelled as the base keep the verb
        (
            "One banner read “Go home, Mr Mayor,” and another was torn down.",
            "“Go home, Mr Mayor,”",
            Some("One banner"),
        ),
        (
            "The police say the driver was “very drunk” at the time.",
            "“very drunk”",
            Some("The police"),
        ),
        (
            "The experts say the bridge is “perfectly safe.”",
            "“perfectly safe.”",
            Some("The experts"),
        ),
        // a description opened by a possessive, then the name set off by commas
        (
            "“We will compete everywhere,” Ortiz's campaign manager, Lena Brandt, said in an interview.",
            "“We will compete everywhere,”",
            Some("Lena Brandt"),
        ),
        // "for" inside an organisation's name
        (
            "“It would be a stretch,” Karl Weiss of the Hale Center for Arms Control Studies wrote.",
            "“It would be a stretch,”",
            Some("Karl Weiss of the Hale Center for Arms Control Studies"),
        ),
        // a number as the head of a definite phrase
        (
            "“You picked a new standard out of thin air,” the two write.",
            "“You picked a new standard out of thin air,”",
            Some("the two"),
        ),
        // a comma after what a speaker issues introduces the quotation as a colon does
        (
            "Hours after the floods, Okafor issued a statement, “Our thoughts are with every family tonight.”",
            "“Our thoughts are with every family tonight.”",
            Some("Okafor"),
        ),
        // a time adverbial set off by a comma is no subject
        (
            "Minutes later, she sent an email saying, “It is done.”",
            "“It is done.”",
            Some("she"),
        ),
        // a bracketed affiliation inside an attribution after the quotation
        (
            "“There is energy in a whole host of races,” Rep. Earl Blumenauer (D-Ore.) said.",
            "“There is energy in a whole host of races,”",
            Some("Earl Blumenauer"),
        ),
        // two descriptions of one speaker joined by "and"
        (
            "“North Korea is run by a lunatic,” the Florida senator and Republican presidential candidate said in a statement.",
            "“North Korea is run by a lunatic,”",
            Some("the Florida senator and Republican presidential candidate"),
        ),
        // "is to tell", "is expected to say": a future, not a passive
        (
            "Mr Kennedy is to tell the conference: “Many people were angry about the war.”",
            "“Many people were angry about the war.”",
            Some("Kennedy"),
        ),
        (
            "Ms Okafor is expected to say: “We will not raise taxes.”",
            "“We will not raise taxes.”",
            Some("Okafor"),
        ),
        // verbs of manner that introduce a quotation
        (
            "“You can call it a peace dividend,” smiles one broker in Mumbai.",
            "“You can call it a peace dividend,”",
            Some("one broker"),
        ),
        (
            "Asked if she enjoys the game, she confesses: “It would be more fun if I won.”",
            "“It would be more fun if I won.”",
            Some("she"),
        ),
        // a speech noun after "a" and a modifier names no speaker: the verb's subject does
        (
            "Mendez delivered a sharp retort: “Nobody is leaving this room.”",
            "“Nobody is leaving this room.”",
            Some("Mendez"),
        ),
        (
            "Okafor sent out a fundraising appeal on Monday, saying the party “needs you now.”",
            "“needs you now.”",
            Some("Okafor"),
        ),
        // a speech word after "of" or before "is" is a noun
        (
            "The former secretary of state said the army “clearly” needed more help.",
            "“clearly”",
            Some("The former secretary of state"),
        ),
        // "called" between a noun and the name it gives is no speech
        (
            "Later, Ruiz shared a leaflet for a 1998 night class called “Reading Faces” online, writing “Let me do the homework for the council.”",
            "“Let me do the homework for the council.”",
            Some("Ruiz"),
        ),
        // a sentence that opens with a conjunction still has its subject
        (
            "And then Moreau went on the attack, saying, “Will the mayor finally resign? He should.”",
            "“Will the mayor finally resign? He should.”",
            Some("Moreau"),
        ),
        // a name with a long description set off by commas before its verb
        (
            "Dana Whitfield, a county organiser who ran two campaigns for the governor in 2008 and is now leading the party's postal-vote drive across the state, said the effort is “a vital part of our plan.”",
            "“a vital part of our plan.”",
            Some("Dana Whitfield"),
        ),
        (
            "Marcus Lee, the victim's brother, issued a statement Friday, saying the family “has nothing more to add.”",
            "“has nothing more to add.”",
            Some("Marcus Lee"),
        ),
        // a town and its state inside an aside
        (
            "Harmon, at a rally in Dayton, Ohio, said she was “not going anywhere.”",
            "“not going anywhere.”",
            Some("Harmon"),
        ),
        // a relative clause with a subject of its own speaks for that subject
        (
            "The spokesman said the crowd, which she described as “calm and orderly,” left at noon.",
            "“calm and orderly,”",
            Some("she"),
        ),
        // ... but not these: a past tense after "a friend", a complement clause, a named aide
        (
            "“She was always kind,” a neighbour said on Sunday. “We will miss her.”",
            "“She was always kind,” a neighbour said on Sunday. “We will miss her.”",
            Some("a neighbour"),
        ),
        (
            "Pollster Amy Dorn told the station that she credits the swing to “younger, urban voters.”",
            "“younger, urban voters.”",
            Some("Pollster Amy Dorn"),
        ),
        (
            "The head of the tenants' union, Rosa Vidal, warned that the rule would be “a disaster for families.”",
            "“a disaster for families.”",
            Some("Rosa Vidal"),
        ),
        (
            "Voters were uneasy after a farmer in Salina, Kansas, told the senator he was “too soft.”",
            "“too soft.”",
            Some("a farmer in Salina"),
        ),
        // a passive speech verb's agent speaks
        (
            "Ortiz was asked by moderator Jane Holt, who chaired the panel, “Would you raise taxes on anyone at all?”",
            "“Would you raise taxes on anyone at all?”",
            Some("Jane Holt"),
        ),
        // a description between dashes
        (
            "Tom Reyes — a welder from Akron — says the plant closure was “the last straw.”",
            "“the last straw.”",
            Some("Tom Reyes"),
        ),
        // a line that signs the quotation before it
        (
            "“Nobody should have to choose between rent and medicine.”\n\n- Maria Lopez.\n\nThe claim is close to the truth.",
            "“Nobody should have to choose between rent and medicine.”",
            Some("Maria Lopez"),
        ),
        (
            "“We lost the vote, and we lost it fairly today.”\n\n- It was a long night in the hall, and the delegates went home only after the count was done.",
            "“We lost the vote, and we lost it fairly today.”",
            None,
        ),
        (
            "Lim and Okoro issued a joint statement describing the talks as “a real step forward.”",
            "“a real step forward.”",
            Some("Lim and Okoro"),
        ),
        // a document's author, after "according to"
        (
            "“The charge cannot be proved,” according to a court filing by state prosecutor Lena Park.",
            "“The charge cannot be proved,”",
            Some("Lena Park"),
        ),
        // "asks" after a place set off by a comma
        (
            "Okafor asks at a diner in Ames, “Who here has a question for me?”",
            "“Who here has a question for me?”",
            Some("Okafor"),
        ),
        // a name set off after the description that opens an inverted attribution
        (
            "“Will the mayor resign? She should!” the party's nominee, Jo Reyes, tweeted Sunday after the vote.",
            "“Will the mayor resign? She should!”",
            Some("Jo Reyes"),
        ),
        // a verb in a fronted subordinate clause does not report the main clause
        (
            "While Mora affirmed that she likes the plan, she also stated on Friday, “If it fails, we start again.”",
            "“If it fails, we start again.”",
            Some("she"),
        ),
        // an inverted verb that opens its sentence
        (
            "Said Okafor, “The money was never there in the first place.”",
            "“The money was never there in the first place.”",
            Some("Okafor"),
        ),
        (
            "But, said Ruiz, “We are not giving up on this town.”",
            "“We are not giving up on this town.”",
            Some("Ruiz"),
        ),
        // a verb joined by "and then" or "but" shares the earlier verb's subject
        (
            "“Turnout will be high,” Ruiz said at a news conference, and then predicted: “We will carry the county.”",
            "“We will carry the county.”",
            Some("Ruiz"),
        ),
        (
            "She was defending the charity against recent attacks from the mayor, but admitted “one or two mistakes” in its books.",
            "“one or two mistakes”",
            Some("She"),
        ),
        // adverbs and contractions between a subject and its verb; a noun's prepositional phrase
        (
            "The hour was so late that a spokesman for the mayor could only quip: “I guess the ballroom was booked.”",
            "“I guess the ballroom was booked.”",
            Some("a spokesman for the mayor"),
        ),
        (
            "Residents of the valley said the new road was “a disaster for everyone.”",
            "“a disaster for everyone.”",
            Some("Residents of the valley"),
        ),
        (
            "Voters in the city said the plan was “a mess from the start.”",
            "“a mess from the start.”",
            Some("Voters in the city"),
        ),
        // "though" opens a clause of its own, as "but" does
        (
            "“I am not ready yet,” Mora said on Tuesday, though she said, “I hope to be soon.”",
            "“I hope to be soon.”",
            Some("she"),
        ),
        // after a full stop, "The dispute continues." is a new sentence, not an attribution
        (
            "“We are ready,” said Ana Petrova, “and we will sign.” The border dispute continues.",
            "“We are ready,” said Ana Petrova, “and we will sign.”",
            Some("Ana Petrova"),
        ),
        // a paragraph that is only a quotation goes on with the reported speaker before it
        (
            "Okafor said that critics had predicted the plant would close, but that would not happen.\n\n“That is because the town needs the jobs more than ever.”\n\nThe vote is on Friday.",
            "“That is because the town needs the jobs more than ever.”",
            Some("Okafor"),
        ),
        (
            "The hearing ran for six hours.\n\n“We will not give up on this.”",
            "“We will not give up on this.”",
            None,
        ),
        // a second quotation with its own attribution is its own statement
        (
            "“The plan cannot work,” said Ana Ortiz, an economist at the institute. “It is too late,” she said.",
            "“It is too late,”",
            Some("she"),
        ),
    ];
    let mut wrong = Vec::new();
    for &(text, quote, speaker) in cases {
        let got = run(text, &[]);
        let q = got.iter().find(|q| q.1 == quote);
        if q.map(|q| q.2) != Some(speaker) {
            wrong.push(format!(
                "{text}\n   got: {got:?}\n  want: {quote} by {speaker:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rows differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

fn check(cases: &[(&str, &[Row])]) {
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got: Vec<Row> = run(text, &[])
            .into_iter()
            .map(|q| (q.0, q.1, q.2, q.3))
            .collect();
        if got != *want {
            wrong.push(format!("{text}\n   got: {got:?}\n  want: {want:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rows differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn odd_inputs_never_panic() {
    let mut inputs: Vec<String> = [
        "",
        "\"",
        "“",
        "”",
        "\"\"\"\"",
        "said",
        ", said",
        "“a”\n\n“",
        "According to",
        "who said",
        "(",
        ")",
        ") said",
        "“x,” said",
        "“x,” he",
        "He said:",
        ":“",
        "’s said",
        "— said —",
        "“A,” (said) “B",
        "Sen. . said",
        "and said that",
        "“é,” dit-il",
        "«Non», a-t-il dit.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Random mixes of the characters the rules look at.
    let alphabet: Vec<char> = "ab Sé.,:;()\"“”‘’'—-\n said who according to He THE"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let len = (seed % 60) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        inputs.push(s);
    }
    for text in &inputs {
        for q in run(text, &[]) {
            assert!(!q.1.is_empty(), "{text:?}");
        }
    }
}
