//! Topic rules, as tables: taxonomy keywords, user extensions, and corpus key phrases.

use dateline::assets::Assets;
use dateline::extract::DocInput;
use dateline::extract::segment::Segments;
use dateline::extract::topics::{self, Lexicon};

/// (topic id, mentions as written)
type TopicRow = (&'static str, &'static [&'static str]);
/// (phrase id, number of mentions in the corpus)
type PhraseRow = (&'static str, usize);

fn found<'t>(text: &'t str, lex: &Lexicon) -> Vec<(String, Vec<&'t str>)> {
    topics::extract(&DocInput::new(text, Segments::default(), None), lex)
        .into_iter()
        .map(|t| (t.id, t.mentions.iter().map(|m| m.slice(text)).collect()))
        .collect()
}

#[test]
fn taxonomy_keywords() {
    let lex = &crate::common::lexicon().topics;
    let cases: &[(&str, &[TopicRow])] = &[
        (
            "Talks on border delimitation and a peace treaty resumed.",
            &[
                ("borders", &["border delimitation"]),
                ("peace-talks", &["peace treaty"]),
            ],
        ),
        (
            "Detainees and prisoners were held in detention.",
            &[("prisoners", &["Detainees", "prisoners", "detention"])],
        ),
        // whole words only: "transports" matches transport*, "support" does not match port
        (
            "Support for transports grew.",
            &[("transport", &["transports"])],
        ),
        ("Nothing to see.", &[]),
    ];
    for (text, want) in cases {
        let want: Vec<(String, Vec<&str>)> = want
            .iter()
            .map(|(id, m)| (id.to_string(), m.to_vec()))
            .collect();
        assert_eq!(found(text, lex), want, "{text}");
    }
}

#[test]
fn users_extend_the_taxonomy() {
    let mut assets = Assets::builtin();
    assets.merge_text(
        "topics.tsv",
        "# my topics\nchess\tChess\tchess; grandmaster*\nprisoners\tPrisoners\tgulag\n",
    );
    let lex = Lexicon::load(&assets);
    assert_eq!(
        found("The grandmasters met near the gulag.", &lex),
        [
            ("chess".to_string(), vec!["grandmasters"]),
            ("prisoners".to_string(), vec!["gulag"]),
        ]
    );
}

#[test]
fn corpus_key_phrases() {
    let lex = &crate::common::lexicon().topics;
    let cases: &[(&[&str], &[PhraseRow])] = &[
        // recurring across documents
        (
            &[
                "Talks on border delimitation resumed. The peace treaty is close.",
                "Border delimitation was discussed, and the peace treaty too.",
                "Nothing about it, the minister said.",
            ],
            &[
                ("phrase:border-delimitation", 2),
                ("phrase:peace-treaty", 2),
            ],
        ),
        // a one-document corpus keeps phrases it repeats
        (
            &["Civil society experts met. A civil society roundtable followed."],
            &[("phrase:civil-society", 2)],
        ),
        // once per document in two documents is enough; a phrase in one document is not
        (
            &[
                "The supply chains broke.",
                "Supply chains recovered. Trade routes opened.",
            ],
            &[("phrase:supply-chains", 2)],
        ),
        // contractions and function words make no phrase
        (&["I don't think so.", "They don't think so."], &[]),
    ];
    for (texts, want) in cases {
        let got: Vec<(String, usize)> = topics::key_phrases(texts, lex)
            .into_iter()
            .map(|k| (k.id, k.mentions.len()))
            .collect();
        let want: Vec<(String, usize)> = want.iter().map(|(id, n)| (id.to_string(), *n)).collect();
        assert_eq!(got, want, "{texts:?}");
    }
}

#[test]
fn odd_inputs_never_panic() {
    let lex = &crate::common::lexicon().topics;
    let texts = [
        "",
        "-",
        "’s",
        "é é é",
        "a-b-c a-b-c",
        "Ünïcödé wörds wörds",
        "x\n\n\ny",
        "border*",
        "don’t don’t",
    ];
    for t in texts {
        found(t, lex);
    }
    topics::key_phrases(&texts, lex);
    topics::key_phrases(&[], lex);
}
