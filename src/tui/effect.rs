//! What `update` asks the outside world to do: open a link, put text on the clipboard, write a
//! file. `update` only queues them (`State::effects`), so it stays a pure function of the state and
//! tests can read what would happen; the event loop performs them (`perform`) and reports back
//! with `Action::Note`.

use std::io::Write;
use std::path::PathBuf;

use base64::Engine;

use super::state::State;
use crate::ids::{EventId, QuoteId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Open an `http(s)://` or `file://` URL with the system opener, without waiting for it.
    OpenUrl(String),
    /// Put text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Write the shown events and quotes to a file.
    Export {
        path: PathBuf,
        events: Vec<EventId>,
        quotes: Vec<QuoteId>,
    },
    /// Append a line to the user's identity corrections file.
    SaveCorrection(String),
}

/// Whether a URL may be handed to the system opener: only web pages and local files, never a
/// scheme that runs something (`javascript:`, `vbscript:`, a custom handler).
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("file://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// The OSC 52 sequence that puts `text` on the clipboard. The text travels base64-encoded, so
/// nothing in it can end the sequence or reach the terminal as a control.
pub fn osc52(text: &str) -> String {
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// The opener to run: `$BROWSER` when set, else `xdg-open` (or `open` on macOS).
fn opener() -> String {
    match std::env::var("BROWSER") {
        Ok(b) if !b.trim().is_empty() => b.split(':').next().unwrap_or("xdg-open").to_string(),
        _ if cfg!(target_os = "macos") => "open".into(),
        _ => "xdg-open".into(),
    }
}

/// Performs one effect; the message says what happened, for the status line.
pub fn perform(effect: Effect, state: &State, out: &mut dyn Write) -> String {
    match effect {
        Effect::OpenUrl(url) => {
            if !safe_url(&url) {
                return format!(
                    "not opened: {} is not an http(s) or file link",
                    url.escape_default()
                );
            }
            let cmd = opener();
            let spawned = std::process::Command::new(&cmd)
                .arg(&url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
            match spawned {
                Ok(mut child) => {
                    // Reaped in the background so the opener never leaves a zombie behind.
                    std::thread::spawn(move || child.wait());
                    format!("opened with {cmd}")
                }
                Err(e) => format!("could not run {cmd}: {e}"),
            }
        }
        Effect::Copy(text) => {
            let _ = out.write_all(osc52(&text).as_bytes());
            let _ = out.flush();
            "citation copied to the clipboard".into()
        }
        Effect::Export {
            path,
            events,
            quotes,
        } => match super::export::export_view(&state.data.corpus, &events, &quotes, &path) {
            Ok(format) => format!(
                "exported {} events and {} quotes to {} ({})",
                events.len(),
                quotes.len(),
                path.display().to_string().escape_default(),
                format.name()
            ),
            Err(e) => format!(
                "export failed: {}: {e}",
                path.display().to_string().escape_default()
            ),
        },
        Effect::SaveCorrection(line) => match crate::config::append_correction(&line) {
            Ok(path) => format!(
                "saved to {}; it applies from the next load",
                path.display().to_string().escape_default()
            ),
            Err(e) => format!("could not save the correction: {e}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_file_links_open() {
        for (url, ok) in [
            ("https://example.test/a", true),
            ("HTTP://example.test/a", true),
            ("file:///tmp/a.txt", true),
            ("javascript:alert(1)", false),
            ("ftp://x", false),
            ("https://example.test/a b", false),
            ("https://example.test/\x1b[2J", false),
            ("/etc/passwd", false),
        ] {
            assert_eq!(safe_url(url), ok, "{url}");
        }
    }

    #[test]
    fn clipboard_sequence_carries_text_safely() {
        let s = osc52("Fidan: “no rush” \x1b[2J");
        assert!(s.starts_with("\x1b]52;c;") && s.ends_with('\x07'));
        let body = &s[7..s.len() - 1];
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
    }
}
