//! The user's files: the config file (`$XDG_CONFIG_HOME/dateline/config.toml`, read with serde),
//! the identity corrections beside it, and where the browser keeps its saved state
//! (`$XDG_STATE_HOME/dateline/`).
//!
//! ```toml
//! date = "2005-06-01"   # publication date for articles without one (like --date)
//! mouse = false         # like --no-mouse
//!
//! [theme]
//! color = true          # false draws without colours, like NO_COLOR=1
//! heading = "light-magenta"
//! matched = "#ffaf00"
//!
//! [keys]                # rebind any action by its name; the help shows the keys in force
//! move_down = ["j", "C-n"]
//! quit = "C-q"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One key or a list of keys.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    pub fn keys(&self) -> Vec<String> {
        match self {
            KeyList::One(k) => vec![k.clone()],
            KeyList::Many(v) => v.clone(),
        }
    }
}

/// `[theme]`: unknown role names are reported when the palette is built (`Palette::set`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct ThemeConfig {
    /// Colours on (the default) or off.
    pub color: Option<bool>,
    /// Colour per role (`heading`, `dim`, `date`, ...; see `tui::theme::Palette::ROLES`).
    #[serde(flatten)]
    pub roles: BTreeMap<String, String>,
}

/// The config file.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The default `--date` (YYYY-MM-DD).
    pub date: Option<String>,
    /// Mouse capture on (the default) or off.
    pub mouse: Option<bool>,
    #[serde(default)]
    pub theme: ThemeConfig,
    /// Action name → key(s).
    #[serde(default)]
    pub keys: BTreeMap<String, KeyList>,
}

/// `$XDG_CONFIG_HOME/dateline`, else `~/.config/dateline`.
pub fn config_dir() -> Option<PathBuf> {
    xdg_dir("XDG_CONFIG_HOME", ".config")
}

/// `$XDG_STATE_HOME/dateline`, else `~/.local/state/dateline`.
pub fn state_dir() -> Option<PathBuf> {
    xdg_dir("XDG_STATE_HOME", ".local/state")
}

fn xdg_dir(var: &str, fallback: &str) -> Option<PathBuf> {
    let base = match std::env::var_os(var) {
        Some(v) if Path::new(&v).is_absolute() => PathBuf::from(v),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(fallback),
    };
    Some(base.join("dateline"))
}

pub fn config_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("config.toml"))
}

/// The identity corrections file.
pub fn corrections_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("identities.txt"))
}

impl Config {
    /// Reads the config file; a missing file is the defaults, and a bad one is the defaults with
    /// a message naming the file and line.
    pub fn load() -> (Config, Option<String>) {
        match config_path() {
            Some(p) => Self::read(&p),
            None => (Config::default(), None),
        }
    }

    pub fn read(path: &Path) -> (Config, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
            Err(e) => {
                return (
                    Config::default(),
                    Some(format!("{}: {e}; the defaults are used", path.display())),
                );
            }
        };
        match Self::parse(&text) {
            Ok(c) => (c, None),
            Err(e) => (
                Config::default(),
                Some(format!("{}: {e}; the defaults are used", path.display())),
            ),
        }
    }

    /// Parses the text of a config file; the error names the line.
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str::<Config>(text).map_err(|e| {
            let line = e
                .span()
                .map(|sp| text[..sp.start.min(text.len())].matches('\n').count() + 1);
            let msg = e.message().to_string();
            match line {
                Some(l) => format!("line {l}: {msg}"),
                None => msg,
            }
        })
    }

    /// The `[keys]` table as the keymap takes it.
    pub fn key_table(&self) -> BTreeMap<String, Vec<String>> {
        self.keys
            .iter()
            .map(|(k, v)| (k.clone(), v.keys()))
            .collect()
    }
}

/// Appends one line to the identity corrections file (made with a header when missing), written
/// atomically.
pub fn append_correction(line: &str) -> std::io::Result<PathBuf> {
    let path = corrections_path().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::NotFound, "no home folder to keep it in")
    })?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            crate::corpus::corrections::FILE_HEADER.to_string()
        }
        Err(e) => return Err(e),
    };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line.trim_end());
    text.push('\n');
    crate::fsutil::write_atomic(&path, |w| w.write_all(text.as_bytes()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key_and_names_the_line_of_an_error() {
        let c = Config::parse(
            "date = \"2005-06-01\"\nmouse = false\n[theme]\ncolor = false\nheading = \"red\"\n[keys]\nquit = \"C-q\"\nmove_down = [\"j\", \"C-n\"]\n",
        )
        .unwrap();
        assert_eq!(c.date.as_deref(), Some("2005-06-01"));
        assert_eq!(c.mouse, Some(false));
        assert_eq!(c.theme.color, Some(false));
        assert_eq!(
            c.theme.roles.get("heading").map(String::as_str),
            Some("red")
        );
        assert_eq!(c.key_table()["move_down"], ["j", "C-n"]);
        let err = Config::parse("mouse = true\ncolour = 3\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
    }
}
