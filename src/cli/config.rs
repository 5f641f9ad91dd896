//! `doris-lint.toml`: found by walking up from each checked file (from the working directory
//! for standard input), or named with `--config`. Layout:
//!
//! ```toml
//! [lint]
//! mode = "integrated"
//! dorisVersion = "3.0"
//! ports = { heartbeat = 9050 }
//! [lint.rules]
//! D108 = "error"
//! [format]      # passed through to the formatter untouched
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use doris_lint::options::LintOptions;

pub const FILE_NAME: &str = "doris-lint.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub lint: LintOptions,
    /// The formatter's options, kept as written: the `format` command deserializes them into
    /// its own options (not read by `check`).
    #[allow(dead_code)]
    #[serde(default)]
    pub format: Option<toml::Table>,
    /// The file it came from (`None`: defaults, no file found).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// Reads and validates one config file. The error names the file and the key.
pub fn load(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read config: {}", path.display(), super::io_reason(&e)))?;
    let mut config: Config = toml::from_str(&text).map_err(|e| {
        let msg = e.to_string().replace("expected u16", "expected a port between 1 and 65535");
        format!("{}: invalid config: {}", path.display(), msg.trim_end())
    })?;
    config.lint.validate().map_err(|e| format!("{}: invalid config: [lint] {e}", path.display()))?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// Finds the config for files in `dir` by walking up, with a cache per directory.
pub struct Finder {
    cache: HashMap<PathBuf, Option<PathBuf>>,
}

impl Finder {
    pub fn new() -> Finder {
        Finder { cache: HashMap::new() }
    }

    pub fn find(&mut self, dir: &Path) -> Option<PathBuf> {
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if let Some(found) = self.cache.get(&dir) {
            return found.clone();
        }
        let candidate = dir.join(FILE_NAME);
        let found = if candidate.is_file() {
            Some(candidate)
        } else {
            match dir.parent() {
                Some(parent) => self.find(parent),
                None => None,
            }
        };
        self.cache.insert(dir, found.clone());
        found
    }
}
