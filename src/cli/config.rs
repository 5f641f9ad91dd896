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
//! [format]      # the formatter's options, the base for `doris-lint format` (flags override)
//! lineWidth = 100
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use doris_lint::format::FormatOptions;
use doris_lint::options::LintOptions;

pub const FILE_NAME: &str = "doris-lint.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub lint: LintOptions,
    /// The formatter's options as written: `format` reads them with [`Config::format_options`]
    /// (and reports their mistakes); `check` does not look at them.
    #[serde(default)]
    pub format: Option<toml::Table>,
    /// The file it came from (`None`: defaults, no file found).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// The `[format]` table as formatter options (the defaults for what it does not set). The
    /// error names the file and the key.
    pub fn format_options(&self) -> Result<FormatOptions, String> {
        let Some(table) = &self.format else { return Ok(FormatOptions::default()) };
        FormatOptions::deserialize(toml::Value::Table(table.clone())).map_err(|e| {
            let file = self.path.as_deref().map_or_else(|| FILE_NAME.into(), |p| p.display().to_string());
            format!("{file}: invalid config: [format] {}", e.to_string().trim_end())
        })
    }
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

/// The config of each input, turned into what one command needs (`derive`: the `[lint]` options
/// with the flags on top, the `[format]` options with the flags on top, ...), cached per config
/// file. `--config` names one file for every input; otherwise each input's file is found by
/// walking up from its directory (from the working directory for standard input).
pub struct Resolver<T, F> {
    explicit: Option<Config>,
    finder: Finder,
    loaded: HashMap<Option<PathBuf>, T>,
    derive: F,
}

impl<T: Clone, F: FnMut(Config) -> Result<T, String>> Resolver<T, F> {
    /// Loads `explicit` (`--config`) now, so that a bad file is reported before any input.
    pub fn new(explicit: Option<&Path>, derive: F) -> Result<Self, String> {
        let explicit = explicit.map(load).transpose()?;
        Ok(Resolver { explicit, finder: Finder::new(), loaded: HashMap::new(), derive })
    }

    /// What `derive` makes of the config of the input at `path` (`None`: standard input).
    pub fn for_input(&mut self, path: Option<&Path>) -> Result<T, String> {
        let config_path = match &self.explicit {
            Some(c) => c.path.clone(),
            None => {
                let dir = match path {
                    Some(p) => p.parent().map(Path::to_path_buf).filter(|d| !d.as_os_str().is_empty()).unwrap_or_else(|| PathBuf::from(".")),
                    None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
                };
                self.finder.find(&dir)
            }
        };
        if let Some(v) = self.loaded.get(&config_path) {
            return Ok(v.clone());
        }
        let config = match (&self.explicit, &config_path) {
            (Some(c), _) => c.clone(),
            (None, Some(p)) => load(p)?,
            (None, None) => Config::default(),
        };
        let v = (self.derive)(config)?;
        self.loaded.insert(config_path, v.clone());
        Ok(v)
    }
}
