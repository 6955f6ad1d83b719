//! The keymap is the single source of keys, help and hints: check it is complete and unambiguous.

use crate::common;

use std::collections::HashSet;

use dateline::tui::action::Action;
use dateline::tui::data::Data;
use dateline::tui::keymap::{Mode, bindings, hints};
use dateline::tui::state::State;
use dateline::tui::theme::Theme;
use dateline::tui::view::help_lines;

#[test]
fn every_action_has_a_key_and_a_help_line() {
    let table = bindings();
    for action in Action::key_actions() {
        assert!(action.is_key_action(), "{action:?}");
        let bound: Vec<_> = table.iter().filter(|b| b.action.same(&action)).collect();
        assert!(!bound.is_empty(), "{action:?} has no key");
        assert!(
            bound.iter().all(|b| !b.help.trim().is_empty()),
            "{action:?} has no help"
        );
    }
    for b in &table {
        assert!(
            b.action.is_key_action(),
            "{:?} is not meant for keys",
            b.action
        );
    }
}

#[test]
fn no_key_is_bound_twice_in_one_mode() {
    let mut seen = HashSet::new();
    for b in bindings() {
        assert!(
            seen.insert((b.mode, b.key)),
            "{:?} {} bound twice",
            b.mode,
            b.key.label()
        );
    }
}

#[test]
fn help_lists_every_binding_grouped_by_mode() {
    let text: String = help_lines(Theme::new(false))
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                + "\n"
        })
        .collect();
    for b in bindings() {
        assert!(text.contains(b.help), "help lacks {:?}", b.help);
        assert!(
            text.contains(&b.key.label()),
            "help lacks key {}",
            b.key.label()
        );
    }
    for m in [Mode::Global, Mode::Finder, Mode::Line, Mode::Help] {
        assert!(text.contains(m.title()));
    }
}

#[test]
fn hints_come_from_the_keymap_for_the_focused_pane() {
    let mut s = State::new(Data::new(common::fixture::corpus()), 120, 40);
    let timeline: Vec<String> = hints(&s)
        .into_iter()
        .map(|(k, h)| format!("{k} {h}"))
        .collect();
    assert_eq!(timeline[0], "Enter read");
    assert!(timeline.contains(&"j/k move".to_string()));
    s.focus = dateline::tui::action::Pane::Actors;
    assert_eq!(hints(&s)[0], ("Enter".to_string(), "filter"));
}

/// The README's key table is the keymap's: regenerate it with
/// `DATELINE_BLESS=1 cargo test --test it readme_key_table`.
#[test]
fn readme_key_table_is_generated_from_the_keymap() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (start, end) = ("<!-- keys:start -->\n", "<!-- keys:end -->");
    let a = readme
        .find(start)
        .expect("the README has the key table markers")
        + start.len();
    let b = readme
        .find(end)
        .expect("the README has the key table markers");
    let want = dateline::tui::keymap::markdown_table();
    if std::env::var_os("DATELINE_BLESS").is_some() {
        let new = format!("{}{want}{}", &readme[..a], &readme[b..]);
        std::fs::write(path, new).unwrap();
        return;
    }
    assert_eq!(
        &readme[a..b],
        want,
        "the README's key table differs from the keymap; DATELINE_BLESS=1 rewrites it"
    );
}
