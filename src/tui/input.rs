//! Terminal input bytes to key and mouse events, every key of a burst kept.
//!
//! crossterm's reader turns `ESC ESC` into a single Esc, so three quick Esc presses that arrive
//! in one read become two; this parser reads a burst byte by byte instead and yields one event
//! per key. It knows what dateline binds: characters, control keys, the CSI and SS3 cursor and
//! editing keys (with their modifiers), function keys and SGR or X10 mouse reports. An ESC
//! followed by a character in the same read is Esc then that key (terminals send Alt+key that way,
//! and dateline binds nothing to Alt).

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const ESC: u8 = 0x1b;

/// Parses `bytes` (one or more reads; `pending` holds an unfinished sequence from the last read).
/// Returns the events; an incomplete escape sequence at the end stays in `pending`, except a lone
/// ESC, which is the Esc key.
pub fn parse(pending: &mut Vec<u8>, bytes: &[u8]) -> Vec<Event> {
    pending.extend_from_slice(bytes);
    let buf = std::mem::take(pending);
    let mut out = Vec::new();
    let mut i = 0;
    while i < buf.len() {
        match parse_one(&buf[i..]) {
            Step::Event(ev, used) => {
                out.extend(ev);
                i += used;
            }
            Step::Incomplete => {
                // Cap a runaway sequence so a stray ESC [ cannot swallow input forever.
                if buf.len() - i > 64 {
                    i += 1;
                    continue;
                }
                pending.extend_from_slice(&buf[i..]);
                break;
            }
        }
    }
    out
}

enum Step {
    /// The event (None for bytes that mean nothing to dateline) and the bytes it used.
    Event(Option<Event>, usize),
    Incomplete,
}

fn key(code: KeyCode, mods: KeyModifiers) -> Option<Event> {
    Some(Event::Key(KeyEvent::new(code, mods)))
}

fn parse_one(b: &[u8]) -> Step {
    let none = KeyModifiers::NONE;
    match b[0] {
        ESC => match b.get(1) {
            None => Step::Event(key(KeyCode::Esc, none), 1),
            Some(b'[') => csi(b),
            Some(b'O') => match b.get(2) {
                None => Step::Incomplete,
                Some(&c) => Step::Event(ss3(c), 3),
            },
            // ESC then another key (ESC ESC is two Escs): the Esc alone, the rest parsed next.
            Some(_) => Step::Event(key(KeyCode::Esc, none), 1),
        },
        b'\r' | b'\n' => Step::Event(key(KeyCode::Enter, none), 1),
        b'\t' => Step::Event(key(KeyCode::Tab, none), 1),
        0x7f | 0x08 => Step::Event(key(KeyCode::Backspace, none), 1),
        0 => Step::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        c @ 0x01..=0x1a => Step::Event(
            key(KeyCode::Char((c - 1 + b'a') as char), KeyModifiers::CONTROL),
            1,
        ),
        0x1c..=0x1f => Step::Event(None, 1),
        c if c < 0x80 => {
            let ch = c as char;
            let mods = if ch.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                none
            };
            Step::Event(key(KeyCode::Char(ch), mods), 1)
        }
        c => {
            let len = match c {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => return Step::Event(None, 1),
            };
            if b.len() < len {
                return Step::Incomplete;
            }
            match std::str::from_utf8(&b[..len])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(ch) => Step::Event(key(KeyCode::Char(ch), none), len),
                None => Step::Event(None, 1),
            }
        }
    }
}

fn ss3(c: u8) -> Option<Event> {
    let code = match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(c - b'P' + 1),
        _ => return None,
    };
    key(code, KeyModifiers::NONE)
}

/// `ESC [ params final`.
fn csi(b: &[u8]) -> Step {
    if b.get(2) == Some(&b'M') {
        // X10 mouse: ESC [ M b x y.
        if b.len() < 6 {
            return Step::Incomplete;
        }
        let ev = mouse(
            u16::from(b[3].saturating_sub(32)),
            u16::from(b[4].saturating_sub(32)),
            u16::from(b[5].saturating_sub(32)),
            false,
        );
        return Step::Event(ev, 6);
    }
    let Some(end) = b[2..].iter().position(|&c| (0x40..=0x7e).contains(&c)) else {
        return Step::Incomplete;
    };
    let fin = b[2 + end];
    let body = &b[2..2 + end];
    let used = 3 + end;
    if let Some(rest) = body.strip_prefix(b"<") {
        // SGR mouse: ESC [ < b ; x ; y (M | m).
        let n = numbers(rest);
        let ev = match n.as_slice() {
            [btn, x, y] => mouse(*btn, *x, *y, fin == b'm'),
            _ => None,
        };
        return Step::Event(ev, used);
    }
    let n = numbers(body);
    let mods = modifiers(n.get(1).copied().unwrap_or(1));
    let code = match fin {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Step::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT), used),
        b'~' => match n.first().copied().unwrap_or(0) {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            k @ 11..=15 => KeyCode::F((k - 10) as u8),
            k @ 17..=21 => KeyCode::F((k - 11) as u8),
            k @ 23..=24 => KeyCode::F((k - 12) as u8),
            _ => return Step::Event(None, used),
        },
        _ => return Step::Event(None, used),
    };
    Step::Event(key(code, mods), used)
}

fn numbers(s: &[u8]) -> Vec<u16> {
    s.split(|&c| c == b';')
        .map(|p| {
            p.iter()
                .take_while(|c| c.is_ascii_digit())
                .fold(0u16, |n, &c| {
                    n.saturating_mul(10).saturating_add(u16::from(c - b'0'))
                })
        })
        .collect()
}

fn modifiers(m: u16) -> KeyModifiers {
    let bits = m.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    if bits & 1 != 0 {
        mods |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        mods |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        mods |= KeyModifiers::CONTROL;
    }
    mods
}

/// A mouse report; `x` and `y` are 1-based.
fn mouse(btn: u16, x: u16, y: u16, release: bool) -> Option<Event> {
    let kind = match (btn & 0b1100_0011, btn & 32 != 0, release) {
        (64, _, _) => MouseEventKind::ScrollUp,
        (65, _, _) => MouseEventKind::ScrollDown,
        (0, false, false) => MouseEventKind::Down(MouseButton::Left),
        (1, false, false) => MouseEventKind::Down(MouseButton::Middle),
        (2, false, false) => MouseEventKind::Down(MouseButton::Right),
        (_, true, _) => MouseEventKind::Moved,
        (_, _, true) | (3, _, _) => MouseEventKind::Up(MouseButton::Left),
        _ => return None,
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers: KeyModifiers::NONE,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<String> {
        let mut pending = Vec::new();
        parse(&mut pending, bytes)
            .into_iter()
            .map(|e| match e {
                Event::Key(k) => {
                    let c = if k.modifiers.contains(KeyModifiers::CONTROL) {
                        "C-"
                    } else {
                        ""
                    };
                    format!("{c}{:?}", k.code)
                }
                Event::Mouse(m) => format!("{:?}@{},{}", m.kind, m.column, m.row),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn every_key_of_a_burst_is_kept() {
        // Three Esc presses in one read are three Escs (crossterm reads two).
        assert_eq!(keys(b"\x1b\x1b\x1b"), ["Esc", "Esc", "Esc"]);
        assert_eq!(keys(b"jjk"), ["Char('j')", "Char('j')", "Char('k')"]);
        assert_eq!(keys(b"\x1bq"), ["Esc", "Char('q')"]);
        assert_eq!(
            keys(b"\x1b[A\x1b[B\x1bOC\x1b[5~\x1b[6~\x1b[Z"),
            ["Up", "Down", "Right", "PageUp", "PageDown", "BackTab"]
        );
        assert_eq!(
            keys(b"\x04\x15\r\x7f\t"),
            ["C-Char('d')", "C-Char('u')", "Enter", "Backspace", "Tab"]
        );
        assert_eq!(keys("ğ:".as_bytes()), ["Char('ğ')", "Char(':')"]);
        assert_eq!(
            keys(b"\x1b[<0;11;7M\x1b[<65;3;4M"),
            ["Down(Left)@10,6", "ScrollDown@2,3"]
        );
    }

    #[test]
    fn a_sequence_split_across_reads_is_joined() {
        let mut pending = Vec::new();
        assert!(parse(&mut pending, b"\x1b[").is_empty());
        let ev = parse(&mut pending, b"A");
        assert_eq!(ev.len(), 1);
        assert!(pending.is_empty());
        // A stray unfinished sequence cannot hold input back forever.
        let mut pending = Vec::new();
        let mut junk = b"\x1b[".to_vec();
        junk.extend(std::iter::repeat_n(b'1', 100));
        junk.push(b'j');
        let _ = parse(&mut pending, &junk);
        assert!(pending.len() <= 64);
    }
}
