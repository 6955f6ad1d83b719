//! Progress on standard error for long runs: a bar that redraws in place on a terminal, plain
//! lines (one per tenth) otherwise, so logs of batch jobs stay readable.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A progress report on standard error, safe to update from worker threads.
pub struct Bar {
    label: &'static str,
    terminal: bool,
    state: Mutex<State>,
}

struct State {
    started: Instant,
    last_draw: Option<Instant>,
    /// The last tenth reported as a plain line.
    last_tenth: u64,
    drawn: bool,
}

/// A bar is not worth drawing for runs shorter than this.
const QUIET_FOR: Duration = Duration::from_millis(500);

impl Bar {
    pub fn stderr(label: &'static str) -> Self {
        Bar {
            label,
            terminal: std::io::stderr().is_terminal(),
            state: Mutex::new(State {
                started: Instant::now(),
                last_draw: None,
                last_tenth: 0,
                drawn: false,
            }),
        }
    }

    /// `done` of `total` units (bytes or articles).
    pub fn update(&self, done: usize, total: usize) {
        let Ok(mut st) = self.state.lock() else {
            return;
        };
        if total == 0 || st.started.elapsed() < QUIET_FOR {
            return;
        }
        let frac = (done as f64 / total as f64).clamp(0.0, 1.0);
        if self.terminal {
            if st
                .last_draw
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
                && done < total
            {
                return;
            }
            st.last_draw = Some(Instant::now());
            st.drawn = true;
            let width = 30;
            let full = (frac * width as f64).round() as usize;
            eprint!(
                "\r{} [{}{}] {:>3}%",
                self.label,
                "#".repeat(full),
                " ".repeat(width - full),
                (frac * 100.0).round() as u32
            );
            let _ = std::io::stderr().flush();
        } else {
            let tenth = (frac * 10.0).floor() as u64;
            if tenth > st.last_tenth {
                st.last_tenth = tenth;
                eprintln!(
                    "dateline: {} {}% ({:.1} s)",
                    self.label,
                    tenth * 10,
                    st.started.elapsed().as_secs_f64()
                );
            }
        }
    }

    /// Ends the bar's line on a terminal.
    pub fn finish(&self) {
        if let Ok(st) = self.state.lock()
            && st.drawn
        {
            eprintln!();
        }
    }
}
