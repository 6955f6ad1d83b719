//! The timeline browser: a full-screen terminal UI over a corpus (The Elm Architecture).
//!
//! `state` is plain data, `update` applies `action`s to it, `view` draws it, `keymap` turns keys
//! into actions, `effect`s are what `update` asks of the outside world, and `term` and `input` own
//! the terminal. The corpus loads in a background thread, so the first frame shows at once and
//! keys work while articles are read.

pub mod action;
pub mod command;
pub mod data;
pub mod effect;
pub mod export;
pub mod format;
pub mod fuzzy;
pub mod histogram;
pub mod index;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod matches;
pub mod nav;
pub mod provenance;
pub mod saved;
pub mod search;
pub mod state;
pub mod term;
pub mod textsearch;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use std::process::ExitCode;
use std::sync::Arc;
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
    /// Capture the mouse (wheel scrolling and click to select), unless the config file says no.
    pub mouse: bool,
    /// Ignore the saved place of the last visit.
    pub fresh: bool,
}

/// Paths that do not exist are a command-line error, reported before the screen changes.
fn check_paths(opts: &LoadOptions) -> anyhow::Result<()> {
    let missing: Vec<String> = opts
        .source
        .paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .map(|p| p.display().to_string().escape_default().to_string())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        // A usage error (exit 2), not a failure to drive the terminal.
        Err(anyhow::Error::new(crate::cli::UsageError(format!(
            "no such file or folder: {}",
            missing.join(", ")
        ))))
    }
}

/// Opens the browser on the corpus the options name.
pub fn run(mut opts: Options) -> anyhow::Result<ExitCode> {
    check_paths(&opts.load)?;
    let (config, config_problem) = crate::config::Config::load();
    let mut problems: Vec<String> = config_problem.into_iter().collect();
    if opts.load.source.options.default_date.is_none()
        && let Some(d) = &config.date
    {
        match crate::ingest::parse_date(d) {
            Some(d) => opts.load.source.options.default_date = Some(d),
            None => problems.push(format!("config: date = {d:?} is not a YYYY-MM-DD date")),
        }
    }
    let mouse = opts.mouse && config.mouse != Some(false);
    let mut keymap = keymap::Keymap::default();
    problems.extend(
        keymap
            .rebind(&config.key_table())
            .into_iter()
            .map(|p| format!("config: {p}")),
    );
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = !no_color && config.theme.color != Some(false);
    let mut theme = theme::Theme::new(color);
    for (role, c) in &config.theme.roles {
        if let Err(e) = theme.palette.set(role, c) {
            problems.push(format!("config: [theme] {e}"));
        }
    }
    let state_file = saved::path_for(&opts.load);
    let restore = if opts.fresh {
        None
    } else {
        state_file.as_deref().and_then(saved::load)
    };

    // One pool of --jobs threads for loading and, once loaded, for search: it is warm by then.
    // Fails only when a global pool exists already; then that one serves.
    let _ = opts.load.thread_pool().build_global();
    let (tx, rx) = mpsc::channel();
    // Handlers first: a signal that arrives once the screen has changed must find them in place,
    // or it ends the process with the terminal still in full-screen mode.
    term::spawn_signals(tx.clone())?;
    let mut term = term::Term::enter(mouse)?;
    term::spawn_input(tx.clone());
    term::spawn_resize(tx.clone())?;
    spawn_loader(opts.load, problems, tx);
    let (w, h) = term::size();
    let mut state = State::loading(w, h, color);
    state.theme = theme;
    state.keymap = Arc::new(keymap);
    state.restore = restore;
    let signal = event_loop(&mut term, &mut state, &rx)?;
    drop(term);
    if state.loading.is_none()
        && state.failure.is_none()
        && let Some(path) = state_file
    {
        // Keeping the place is a convenience: a read-only state folder is no reason to fail.
        let _ = saved::save(&path, &saved::Saved::capture(&state));
    }
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
            for effect in std::mem::take(&mut state.effects) {
                let note = term.perform(effect, state);
                update::update(state, Action::Note(note));
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
fn spawn_loader(opts: LoadOptions, config_problems: Vec<String>, tx: Sender<Input>) {
    std::thread::spawn(move || {
        let load = || {
            let reported = AtomicUsize::new(0);
            let progress = |done: usize, total: usize| {
                let pct = done * 100 / total.max(1);
                if reported.fetch_max(pct + 1, Ordering::Relaxed) < pct + 1 {
                    let _ = tx.send(Input::App(Action::LoadProgress(done, total)));
                }
            };
            let mut corpus = opts.load(&progress);
            let config = crate::config::config_path()
                .map_or("config".to_string(), |p| p.display().to_string());
            corpus
                .diagnostics
                .extend(config_problems.iter().map(|m| crate::ingest::Diagnostic {
                    path: config.clone(),
                    line: None,
                    message: m.clone(),
                    skipped: false,
                }));
            Data::without_text(corpus)
        };
        // A bug in extraction must not leave the browser waiting forever: say what happened.
        let data = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(load)) {
            Ok(data) => data,
            Err(e) => {
                let _ = tx.send(Input::App(Action::LoadFailed(panic_message(&*e))));
                return;
            }
        };
        // The timeline shows first; the filter lists and the full-text index are built after,
        // here, in a pool of one thread of its own, so the --jobs pool stays free for the keys'
        // filters meanwhile. A filter set before the lists are done checks every event (the same
        // answer, slower); a search typed before the index is done waits for it ("indexing…"),
        // never on partial matches.
        let build = data.text_build();
        let _ = tx.send(Input::App(Action::Loaded(Box::new(data))));
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
                Ok(pool) => pool.install(|| build.run()),
                Err(_) => build.run(),
            }
        }));
        let action = match built {
            Ok(()) => Action::TextReady,
            Err(e) => Action::LoadFailed(panic_message(&*e)),
        };
        let _ = tx.send(Input::App(action));
    });
}

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into())
}
