//! Progress on standard error for long runs: a bar that redraws in place on a terminal, plain
//! lines (one per tenth) otherwise, so logs of batch jobs stay readable. Input of unknown size
//! (standard input) is reported as bytes read. Reading ends at 100%; the cross-article step that
//! follows is announced, and the end of the run is reported, so a long silence after 100% is not
//! mistaken for a hang.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A progress report, safe to update from worker threads.
pub struct Bar {
    label: &'static str,
    terminal: bool,
    quiet_for: Duration,
    state: Mutex<State>,
}

struct State {
    out: Box<dyn Write + Send>,
    started: Instant,
    last_draw: Option<Instant>,
    /// The last tenth (or, of unknown size, the last step of `UNKNOWN_STEP` bytes) reported as a
    /// plain line.
    last_step: u64,
    /// Something was reported.
    shown: bool,
    /// The bar is drawn on the current terminal line.
    drawn: bool,
    /// 100% was reported.
    read: bool,
}

/// A bar is not worth drawing for runs shorter than this.
const QUIET_FOR: Duration = Duration::from_millis(500);
/// Of input of unknown size, a plain line per this many bytes.
const UNKNOWN_STEP: u64 = 64 << 20;

impl Bar {
    /// The bar on standard error: drawn when it is a terminal, plain lines otherwise, and nothing
    /// for runs shorter than half a second.
    pub fn stderr(label: &'static str) -> Self {
        Self::new(
            label,
            std::io::stderr().is_terminal(),
            QUIET_FOR,
            Box::new(std::io::stderr()),
        )
    }

    /// A bar written to `out`, as on a terminal or not, silent for the first `quiet_for`.
    pub fn new(
        label: &'static str,
        terminal: bool,
        quiet_for: Duration,
        out: Box<dyn Write + Send>,
    ) -> Self {
        Bar {
            label,
            terminal,
            quiet_for,
            state: Mutex::new(State {
                out,
                started: Instant::now(),
                last_draw: None,
                last_step: 0,
                shown: false,
                drawn: false,
                read: false,
            }),
        }
    }

    /// `done` of `total` units (bytes or articles); `total` 0 when the size is not known.
    pub fn update(&self, done: usize, total: usize) {
        let Ok(mut st) = self.state.lock() else {
            return;
        };
        let st = &mut *st;
        if st.read || st.started.elapsed() < self.quiet_for || (total == 0 && done == 0) {
            return;
        }
        let secs = st.started.elapsed().as_secs_f64();
        let finished = total > 0 && done >= total;
        if self.terminal {
            if st
                .last_draw
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
                && !finished
            {
                return;
            }
            st.last_draw = Some(Instant::now());
            let line = if total == 0 {
                format!("\r{} {} read", self.label, megabytes(done))
            } else {
                let frac = (done as f64 / total as f64).clamp(0.0, 1.0);
                let width = 30;
                let full = (frac * width as f64).round() as usize;
                format!(
                    "\r{} [{}{}] {:>3}%{}",
                    self.label,
                    "#".repeat(full),
                    " ".repeat(width - full),
                    (frac * 100.0).round() as u32,
                    if finished { " (read; merging)" } else { "" }
                )
            };
            let _ = st.out.write_all(line.as_bytes());
            let _ = st.out.flush();
            st.drawn = true;
            st.shown = true;
        } else if total == 0 {
            let step = done as u64 / UNKNOWN_STEP;
            if step > st.last_step {
                st.last_step = step;
                let _ = writeln!(
                    st.out,
                    "dateline: {} {} read ({secs:.1} s)",
                    self.label,
                    megabytes(done)
                );
                st.shown = true;
            }
        } else {
            let frac = (done as f64 / total as f64).clamp(0.0, 1.0);
            let tenth = (frac * 10.0).floor() as u64;
            if tenth > st.last_step {
                st.last_step = tenth;
                let _ = writeln!(
                    st.out,
                    "dateline: {} {}% ({secs:.1} s){}",
                    self.label,
                    tenth * 10,
                    if finished {
                        "; read, merging across articles"
                    } else {
                        ""
                    }
                );
                st.shown = true;
            }
        }
        st.read = finished;
    }

    /// Ends the report: the bar's line on a terminal, and the time taken when anything was shown.
    pub fn finish(&self) {
        let Ok(mut st) = self.state.lock() else {
            return;
        };
        let st = &mut *st;
        if st.drawn {
            let _ = writeln!(st.out);
        }
        if st.shown {
            let secs = st.started.elapsed().as_secs_f64();
            let _ = writeln!(st.out, "dateline: {} done ({secs:.1} s)", self.label);
        }
        st.shown = false;
        st.drawn = false;
        let _ = st.out.flush();
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A writer whose bytes the test reads afterwards.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn run(terminal: bool, quiet_for: Duration, steps: &[(usize, usize)]) -> String {
        let out = Shared::default();
        let bar = Bar::new("assembling", terminal, quiet_for, Box::new(out.clone()));
        for &(done, total) in steps {
            bar.update(done, total);
        }
        bar.finish();
        String::from_utf8(out.0.lock().unwrap().clone()).unwrap()
    }

    fn every_percent(total: usize) -> Vec<(usize, usize)> {
        (0..=100).map(|p| (total * p / 100, total)).collect()
    }

    #[test]
    fn plain_lines_off_a_terminal_one_per_tenth_then_the_end() {
        let text = run(false, Duration::ZERO, &every_percent(1000));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 11, "{text}");
        for (i, line) in lines[..10].iter().enumerate() {
            assert!(
                line.starts_with(&format!("dateline: assembling {}% (", (i + 1) * 10)),
                "{line}"
            );
        }
        assert!(
            lines[9].ends_with("; read, merging across articles"),
            "{text}"
        );
        assert!(
            lines[10].starts_with("dateline: assembling done ("),
            "{text}"
        );
        // No terminal control: a log file reads line by line.
        assert!(!text.contains('\r'), "{text:?}");
    }

    #[test]
    fn a_bar_redrawn_in_place_on_a_terminal() {
        let text = run(true, Duration::ZERO, &every_percent(1000));
        assert!(text.starts_with("\rassembling ["), "{text:?}");
        let (bar, end) = text.split_once('\n').unwrap();
        // Redrawn in place: one line until the end, and the last drawing is full.
        let last = bar.rsplit('\r').next().unwrap();
        assert_eq!(
            last,
            format!("assembling [{}] 100% (read; merging)", "#".repeat(30))
        );
        assert!(end.starts_with("dateline: assembling done ("), "{text:?}");
    }

    #[test]
    fn input_of_unknown_size_is_reported_in_bytes_read() {
        let steps: Vec<(usize, usize)> =
            (0..=4).map(|i| (i * (UNKNOWN_STEP as usize), 0)).collect();
        let text = run(false, Duration::ZERO, &steps);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert!(
            lines[0].starts_with("dateline: assembling 67 MB read ("),
            "{text}"
        );
        assert!(
            lines[3].starts_with("dateline: assembling 268 MB read ("),
            "{text}"
        );
        let text = run(true, Duration::ZERO, &steps[..2]);
        assert!(text.starts_with("\rassembling 67 MB read\n"), "{text:?}");
    }

    #[test]
    fn short_runs_report_nothing() {
        for terminal in [false, true] {
            let text = run(terminal, Duration::from_secs(3600), &every_percent(1000));
            assert_eq!(text, "");
        }
    }
}
