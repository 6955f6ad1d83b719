//! All terminal I/O: entering and leaving the full-screen mode (also on panic and on signals),
//! and the input threads that turn keys, mouse, resizes and signals into messages.

use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::mpsc::Sender;
use std::thread;

use anyhow::Context;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

/// What the main loop waits for.
pub enum Input {
    Terminal(Event),
    /// SIGINT, SIGTERM or SIGHUP (its number): leave cleanly, exit 128 + the number.
    Signal(i32),
    App(super::action::Action),
}

/// The terminal in full-screen mode; leaving it (drop) restores the shell's terminal.
pub struct Term {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

static PANIC_HOOK: Once = Once::new();

impl Term {
    pub fn enter(mouse: bool) -> anyhow::Result<Term> {
        PANIC_HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                // Only the UI thread's panic ends the program; a loader panic is caught and shown.
                if std::thread::current().name() == Some("main") {
                    restore();
                }
                previous(info);
            }));
        });
        enable_raw_mode().context("switching the terminal to raw mode")?;
        let mut out = io::stdout();
        let entered = execute!(out, EnterAlternateScreen, crossterm::cursor::Hide).and_then(|_| {
            if mouse {
                execute!(out, EnableMouseCapture)
            } else {
                Ok(())
            }
        });
        if let Err(e) = entered {
            restore();
            return Err(e).context("setting up the terminal");
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(Term { terminal }),
            Err(e) => {
                restore();
                Err(e).context("setting up the terminal")
            }
        }
    }
}

impl Term {
    /// Draws the whole screen for `state` (ratatui writes only the cells that changed).
    pub fn draw(&mut self, state: &super::state::State) -> anyhow::Result<()> {
        self.terminal
            .draw(|f| f.render_widget(super::view::Screen::new(state), f.area()))?;
        Ok(())
    }

    /// Performs an effect; terminal output (the clipboard) goes to the terminal itself.
    pub fn perform(
        &mut self,
        effect: super::effect::Effect,
        state: &super::state::State,
    ) -> String {
        let mut out = io::stdout();
        super::effect::perform(effect, state, &mut out)
    }

    /// Forgets what is on screen so the next draw repaints every cell.
    pub fn clear(&mut self) -> anyhow::Result<()> {
        self.terminal.clear()?;
        Ok(())
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as the shell expects it. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Forwards terminal input, parsed by `input` so that every key of a burst arrives; ends when
/// the receiver is gone or standard input closes.
pub fn spawn_input(tx: Sender<Input>) {
    thread::spawn(move || {
        use std::io::Read;
        let mut stdin = io::stdin();
        let mut buf = [0u8; 4096];
        let mut pending = Vec::new();
        loop {
            let n = match stdin.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            };
            for ev in super::input::parse(&mut pending, &buf[..n]) {
                if tx.send(Input::Terminal(ev)).is_err() {
                    return;
                }
            }
        }
    });
}

/// Forwards window size changes (SIGWINCH) as resize events.
pub fn spawn_resize(tx: Sender<Input>) -> anyhow::Result<()> {
    let mut signals = Signals::new([SIGWINCH]).context("installing the resize handler")?;
    thread::spawn(move || {
        for _ in signals.forever() {
            let (w, h) = size();
            if tx.send(Input::Terminal(Event::Resize(w, h))).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Forwards SIGINT, SIGTERM and SIGHUP so the main loop can restore the terminal and exit.
pub fn spawn_signals(tx: Sender<Input>) -> anyhow::Result<()> {
    let mut signals =
        Signals::new([SIGINT, SIGTERM, SIGHUP]).context("installing signal handlers")?;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(Input::Signal(sig));
        }
    });
    Ok(())
}

/// The terminal size, or a conventional default when it cannot be read.
pub fn size() -> (u16, u16) {
    crossterm::terminal::size().unwrap_or((80, 24))
}
