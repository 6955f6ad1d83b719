//! Word lists and gazetteers: embedded from `assets/` at compile time, extendable from a user folder.
//!
//! A file in the user's folder with the same name as a built-in one is appended to it; when its first
//! non-blank line is `#!replace` it replaces the built-in list instead. The user's folder is
//! `--assets DIR`, else `$DATELINE_ASSETS`, else `$XDG_CONFIG_HOME/dateline/assets` (or
//! `~/.config/dateline/assets`).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The set of word lists the extraction stages read, by file name.
#[derive(Clone, Debug, Default)]
pub struct Assets {
    files: BTreeMap<String, Cow<'static, str>>,
    /// Problems found while reading the user's folder; the built-in lists are used instead.
    pub warnings: Vec<String>,
}

impl Assets {
    /// Only the lists compiled into the binary.
    pub fn builtin() -> Self {
        let files = EMBEDDED
            .iter()
            .map(|(name, text)| (name.to_string(), Cow::Borrowed(*text)))
            .collect();
        Assets {
            files,
            warnings: Vec::new(),
        }
    }

    /// The built-in lists merged with the user's folder, if one exists.
    pub fn load(user_dir: Option<&Path>) -> Self {
        let mut assets = Self::builtin();
        let dir = user_dir.map(Path::to_path_buf).or_else(default_user_dir);
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            assets.merge_dir(&dir);
        } else if let Some(d) = user_dir {
            assets
                .warnings
                .push(format!("{}: assets folder not found", d.display()));
        }
        assets
    }

    fn merge_dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.warnings.push(format!("{}: {e}", dir.display()));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.is_file()) {
            let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
                continue;
            };
            match std::fs::read_to_string(&path) {
                Ok(text) => self.merge_text(&name, &text),
                Err(e) => self.warnings.push(format!("{}: {e}", path.display())),
            }
        }
    }

    /// Appends (or with `#!replace`, substitutes) a user list.
    pub fn merge_text(&mut self, name: &str, text: &str) {
        let replace = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| l.trim() == "#!replace");
        let entry = self.files.entry(name.to_string()).or_default();
        if replace {
            *entry = Cow::Owned(text.to_string());
        } else {
            let mut merged = entry.to_string();
            if !merged.is_empty() && !merged.ends_with('\n') {
                merged.push('\n');
            }
            merged.push_str(text);
            *entry = Cow::Owned(merged);
        }
    }

    /// The raw text of a list, or "" when there is none by that name.
    pub fn text(&self, name: &str) -> &str {
        self.files.get(name).map(|c| c.as_ref()).unwrap_or("")
    }

    /// The data lines of a list: trimmed, without blanks and `#` comments.
    pub fn lines<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a str> + 'a {
        data_lines(self.text(name))
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}

/// Trimmed non-blank lines that are not `#` comments.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn default_user_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("DATELINE_ASSETS") {
        return Some(PathBuf::from(d));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("dateline").join("assets"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_lists_extend_or_replace() {
        let mut a = Assets::builtin();
        a.merge_text("x.txt", "one\n# comment\n\ntwo");
        a.merge_text("x.txt", "three\n");
        assert_eq!(
            a.lines("x.txt").collect::<Vec<_>>(),
            ["one", "two", "three"]
        );
        a.merge_text("x.txt", "#!replace\nfour\n");
        assert_eq!(a.lines("x.txt").collect::<Vec<_>>(), ["four"]);
        assert_eq!(a.lines("missing.txt").count(), 0);
    }
}
