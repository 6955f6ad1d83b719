//! The timeline browser: a full-screen terminal UI over a corpus (The Elm Architecture).
//!
//! `state` is plain data, `update` applies `action`s to it, `view` draws it, `keymap` turns keys
//! into actions and `term` owns the terminal. The corpus loads in a background thread, so the
//! first frame shows at once and keys work while articles are read.

pub mod action;
pub mod data;
pub mod format;
pub mod fuzzy;
pub mod histogram;
pub mod index;
pub mod keymap;
pub mod layout;
pub mod nav;
pub mod search;
pub mod state;
pub mod term;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crossterm::event::Event;

use crate::corpus::load::LoadOptions;
use action::Action;
use data::Data;
use state::State;
use term::Input;

/// What the browser opens and how.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub load: LoadOptions,
    /// Capture the mouse (wheel scrolling and click to select).
    pub mouse: bool,
}

/// Opens the browser on the corpus the options name.
pub fn run(opts: Options) -> anyhow::Result<ExitCode> {
    // One pool of --jobs threads for loading and, once loaded, for search: it is warm by then.
    // Fails only when a global pool exists already; then that one serves.
    let _ = opts.load.thread_pool().build_global();
    let (tx, rx) = mpsc::channel();
    let mut term = term::Term::enter(opts.mouse)?;
    term::spawn_input(tx.clone());
    term::spawn_signals(tx.clone())?;
    spawn_loader(opts.load, tx);
    let (w, h) = term::size();
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut state = State::loading(w, h, color);
    let signal = event_loop(&mut term, &mut state, &rx)?;
    drop(term);
    // A signal ends the browser as a shell reports a process it ended: 128 + its number.
    Ok(signal.map_or(ExitCode::SUCCESS, |sig| {
        ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX))
    }))
}

/// Runs until the user quits (`None`) or a signal arrives (its number).
fn event_loop(
    term: &mut term::Term,
    state: &mut State,
    rx: &Receiver<Input>,
) -> anyhow::Result<Option<i32>> {
    let mut repainted = false;
    loop {
        // A loader panic printed over the screen: repaint everything once.
        if state.failure.is_some() && !repainted {
            term.clear()?;
            repainted = true;
        }
        term.draw(state)?;
        let Ok(first) = rx.recv() else {
            return Ok(None);
        };
        // Apply everything already waiting before drawing again, so bursts cost one frame.
        let mut next = Some(first);
        while let Some(input) = next {
            match input {
                Input::Signal(sig) => return Ok(Some(sig)),
                Input::App(a) => update::update(state, a),
                Input::Terminal(Event::Key(key)) => {
                    for k in keymap::split_alt(&key) {
                        if let Some(a) = keymap::action_for_key(state, &k) {
                            update::update(state, a);
                        }
                    }
                }
                Input::Terminal(ev) => {
                    if let Some(a) = action_for_event(state, &ev) {
                        update::update(state, a);
                    }
                }
            }
            if state.quit {
                return Ok(None);
            }
            next = rx.recv_timeout(Duration::from_millis(1)).ok();
        }
    }
}

fn action_for_event(state: &State, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::action_for_key(state, k),
        Event::Mouse(m) => keymap::action_for_mouse(state, m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Loads in the global (`--jobs`) pool, reporting progress about every percent. Problems with the
/// user's word lists are listed with the input problems (`!`).
fn spawn_loader(opts: LoadOptions, tx: Sender<Input>) {
    std::thread::spawn(move || {
        let load = || {
            let reported = AtomicUsize::new(0);
            let progress = |done: usize, total: usize| {
                let pct = done * 100 / total.max(1);
                if reported.fetch_max(pct + 1, Ordering::Relaxed) < pct + 1 {
                    let _ = tx.send(Input::App(Action::LoadProgress(done, total)));
                }
            };
            Data::new(opts.load(&progress))
        };
        // A bug in extraction must not leave the browser waiting forever: say what happened.
        let action = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(load)) {
            Ok(data) => Action::Loaded(Box::new(data)),
            Err(e) => {
                let what = e
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| e.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown error".into());
                Action::LoadFailed(what)
            }
        };
        let _ = tx.send(Input::App(action));
    });
}
