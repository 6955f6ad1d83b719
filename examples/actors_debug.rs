//! Prints the actors of each line of standard input (development aid).
use dateline::assets::Assets;
use dateline::extract::{DocInput, actors, segment};
use std::io::Read;

fn main() {
    let assets = Assets::builtin();
    let seg_lex = segment::Lexicon::load(&assets);
    let lex = actors::Lexicon::load(&assets);
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    for text in s.split("\n---\n") {
        let doc = DocInput::segmented(text, &seg_lex, None);
        println!("# {}", text.trim());
        for a in actors::extract(&doc, &lex) {
            let ms: Vec<&str> = a.mentions.iter().map(|m| m.slice(text)).collect();
            println!(
                "  {:?} {:?} roles={:?} aliases={:?} country={:?} {:?}",
                a.kind, a.name, a.roles, a.aliases, a.country, ms
            );
        }
    }
}
