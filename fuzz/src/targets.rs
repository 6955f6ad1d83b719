//! The fuzz targets' bodies: each takes arbitrary bytes and panics only on a bug.
//!
//! Shared by the cargo-fuzz binaries (`fuzz/fuzz_targets/`) and the fixed-budget run in the test
//! suite (`tests/it/fuzz_smoke.rs`, which includes this file by path), so it uses nothing but
//! dateline and the crates dateline itself depends on.

use std::path::PathBuf;
use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use dateline::corpus::Lexicon;
use dateline::corpus::{Corpus, Source};
use dateline::ingest::{IngestOptions, front_matter, ingest_paths, parse_date};
use dateline::model::Document;
use dateline::tui::action::Action;
use dateline::tui::data::Data;
use dateline::tui::keymap::{action_for_key, action_for_mouse, split_alt};
use dateline::tui::state::State;
use dateline::tui::update::update;
use dateline::tui::view::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use serde_json::Value;

/// The built-in word lists, loaded once per process.
fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

/// A folder of this process's own for the files the ingest target writes.
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dateline-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

/// Removes the scratch folder (for the test suite; a fuzzer leaves it to the system).
pub fn remove_scratch() {
    let _ = std::fs::remove_dir_all(scratch());
}

/// Ingest of one `.txt`, `.md` or `.jsonl` file: the first byte picks the extension, the rest is
/// the file. Every document must come out as text with an id, and problems name the file.
pub fn ingest(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let ext = ["txt", "md", "jsonl", "markdown"][usize::from(pick % 4)];
    let path = scratch().join(format!("article.{ext}"));
    std::fs::write(&path, bytes).expect("writing the scratch file");
    let got = ingest_paths(std::slice::from_ref(&path), &IngestOptions::default());
    for d in &got.documents {
        assert!(!d.id.is_empty(), "a document without an id");
    }
    for d in &got.diagnostics {
        assert!(
            d.path.contains("article."),
            "a diagnostic that does not name the file: {d}"
        );
    }
}

/// The publication date two bytes pick: none, or a day in years 1 to 9999.
fn published(a: u8, b: u8) -> Option<chrono::NaiveDate> {
    let n = u32::from(u16::from_le_bytes([a, b]));
    if n % 8 == 0 {
        return None;
    }
    // Mostly recent years, sometimes any year the formats can write.
    let year = if n % 3 == 0 {
        1 + n % 9999
    } else {
        1990 + n % 60
    };
    chrono::NaiveDate::from_yo_opt(year as i32, 1 + (n >> 4) % 365)
}

/// The whole per-document pipeline and the export of its corpus, on arbitrary UTF-8 (the first
/// two bytes pick the publication date). The export must be valid JSON whose every `start`/`end`
/// lies on character boundaries of the text.
pub fn pipeline(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let Ok(text) = std::str::from_utf8(&data[2..]) else {
        return;
    };
    let date = published(data[0], data[1]);
    let doc = Document {
        id: "fuzz".into(),
        path: "fuzz.txt".into(),
        published: date,
        text: text.into(),
        ..Document::default()
    };
    let corpus = Corpus::build(vec![doc], Vec::new(), lexicon(), &|_, _| {});
    let mut out = Vec::new();
    dateline::export::write_json(&corpus, &mut out, false).expect("writing to memory");
    let v: Value = serde_json::from_slice(&out).expect("the export is valid JSON");
    check_offsets(&v, text);
}

/// Every object with integer `start` and `end` must name a slice of `text`.
fn check_offsets(v: &Value, text: &str) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && text.get(s..e).is_some(),
                    "span {s}..{e} is not a slice of a text of {} bytes: {m:?}",
                    text.len()
                );
            }
            m.values().for_each(|x| check_offsets(x, text));
        }
        Value::Array(a) => a.iter().for_each(|x| check_offsets(x, text)),
        _ => {}
    }
}

/// Front matter and the date parser on arbitrary text: the block parser over the whole input,
/// and the date parser over it and over each of its lines (and each value after a colon).
pub fn front_matter(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = front_matter::parse(&text);
    let _ = parse_date(&text);
    for line in text.lines().take(64) {
        let _ = parse_date(line);
        if let Some((_, value)) = line.split_once(':') {
            let _ = parse_date(value.trim());
        }
    }
}

/// The browser over the fixture corpus, loaded once.
fn fixture_data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
        // The fuzz crate's manifest is in `fuzz/`; the test suite's is the repository's.
        let dir = if std::path::Path::new(dir).is_dir() {
            PathBuf::from(dir)
        } else {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../tests/fixtures/corpus"
            ))
        };
        let source = Source {
            paths: vec![dir],
            ..Source::default()
        };
        let corpus = Corpus::load(&source, lexicon());
        assert!(!corpus.documents.is_empty(), "the fixture corpus loads");
        Data::new(corpus)
    })
}

const KEYS: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::F(1),
];

/// The key byte `b` stands for: mostly the characters the keymap binds, sometimes any character.
fn key_of(b: u8, m: u8) -> KeyEvent {
    const CHARS: &[u8] = b"jkgGnN[]/?!q12345 aezAZ.-'\"";
    let mods = match m % 8 {
        0 => KeyModifiers::CONTROL,
        1 => KeyModifiers::ALT,
        2 => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let code = if usize::from(b) < KEYS.len() {
        KEYS[usize::from(b)]
    } else if b < 200 {
        KeyCode::Char(char::from(CHARS[usize::from(b) % CHARS.len()]))
    } else {
        // Letters with diacritics, other scripts, control characters, the replacement character.
        let pool = [
            'é', 'ğ', 'Ж', '中', '\u{1b}', '\u{7f}', '\u{fffd}', '\u{202e}', 'ß',
        ];
        KeyCode::Char(pool[usize::from(b) % pool.len()])
    };
    KeyEvent::new(code, mods)
}

fn mouse_of(kind: u8, col: u8, row: u8) -> MouseEvent {
    let kind = match kind % 6 {
        0 => MouseEventKind::ScrollDown,
        1 => MouseEventKind::ScrollUp,
        2 => MouseEventKind::Down(MouseButton::Left),
        3 => MouseEventKind::Up(MouseButton::Left),
        4 => MouseEventKind::Drag(MouseButton::Left),
        _ => MouseEventKind::Moved,
    };
    MouseEvent {
        kind,
        column: u16::from(col),
        row: u16::from(row) / 2,
        modifiers: KeyModifiers::NONE,
    }
}

fn render(state: &State) {
    let area = Rect::new(0, 0, state.width, state.height);
    let mut buf = Buffer::empty(area);
    Screen::new(state).render(area, &mut buf);
}

/// The browser's `update` over a sequence of keys, mouse events and resizes on the fixture
/// corpus, through the real keymap; the screen is drawn along the way. Nothing may panic.
pub fn browser(data: &[u8]) {
    let mut state = State::new(fixture_data().clone(), 120, 40);
    let mut bytes = data.chunks_exact(3);
    for (i, c) in bytes.by_ref().enumerate().take(400) {
        let action = match c[0] % 16 {
            // Resize, now and then to sizes smaller than the layout needs (down to 0×0).
            0 => Some(Action::Resize(u16::from(c[1]), u16::from(c[2]) / 2)),
            1 | 2 => action_for_mouse(&state, &mouse_of(c[0] / 16, c[1], c[2])),
            _ => {
                for k in split_alt(&key_of(c[1], c[2])) {
                    if let Some(a) = action_for_key(&state, &k) {
                        update(&mut state, a);
                    }
                }
                None
            }
        };
        if let Some(a) = action {
            update(&mut state, a);
        }
        // Quitting only sets a flag: the sequence goes on, as a burst of input would.
        state.quit = false;
        if i % 16 == 15 {
            render(&state);
        }
    }
    render(&state);
}
