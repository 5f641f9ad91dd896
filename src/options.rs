//! Options of the linter (rules.md, "Options that rules read"). The same names are used by the
//! config file `doris-lint.toml`, the CLI and the JavaScript API (camelCase).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Mode rules stay quiet.
    #[default]
    Auto,
    /// Integrated storage and compute (`tag.location`).
    Integrated,
    /// Decoupled storage and compute, "cloud" (`tag.compute_group_name`).
    Decoupled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleLevel {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Error => Some(Severity::Error),
        }
    }
}

/// The ports the cluster uses (doris-language.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Ports {
    /// BE `heartbeat_service_port`, expected by every `... BACKEND` address.
    pub heartbeat: u16,
    /// FE `edit_log_port`, expected by FOLLOWER / OBSERVER / MODIFY FRONTEND.
    pub edit_log: u16,
    /// Broker `broker_ipc_port`.
    pub broker: u16,
}

impl Default for Ports {
    fn default() -> Ports {
        Ports { heartbeat: 9050, edit_log: 9010, broker: 8000 }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct LintOptions {
    pub mode: Mode,
    /// e.g. `"2.1"`, `"3.0"`; `None` means the newest supported.
    pub doris_version: Option<String>,
    /// `enable_multi_tags` of the cluster's `fe.conf`, when known.
    pub enable_multi_tags: Option<bool>,
    pub ports: Ports,
    /// The cluster's current backends (`"host:port"` or numeric ids), when known.
    pub existing_backends: Option<Vec<String>>,
    /// Rule code or name → level.
    pub rules: BTreeMap<String, RuleLevel>,
    pub locale: Locale,
}

/// A bad option: which key (dotted path, e.g. `rules.D1O8` or `ports.heartbeat`) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionsError {
    pub key: String,
    pub message: String,
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}`: {}", self.key, self.message)
    }
}

impl std::error::Error for OptionsError {}

/// Whether `v` is a Doris version like `3`, `2.1`, `3.0.4`.
pub fn is_version(v: &str) -> bool {
    let parts: Vec<&str> = v.split('.').collect();
    parts.len() <= 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// " (did you mean `X`?)" for the rule code or name closest to `text`, if any is close.
fn rule_hint(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    crate::rules::RULES
        .iter()
        .flat_map(|r| [r.meta().code, r.meta().name])
        .map(|c| (crate::rules::levenshtein(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map_or(String::new(), |(_, c)| format!(" (did you mean `{c}`?)"))
}

/// The rules a selector names: a code (`D101`), a name (`several-addresses-in-one-literal`)
/// or a code prefix (`D1`, `D10`), any case. Empty when it names none.
pub fn rules_matching(selector: &str) -> Vec<&'static str> {
    let s = selector.trim();
    if let Some(rule) = crate::rules::find(s) {
        return vec![rule.meta().code];
    }
    let is_prefix = s.len() >= 2 && s.as_bytes()[0].eq_ignore_ascii_case(&b'd') && s[1..].bytes().all(|b| b.is_ascii_digit());
    if !is_prefix {
        return Vec::new();
    }
    crate::rules::RULES
        .iter()
        .map(|r| r.meta().code)
        .filter(|c| c.len() >= s.len() && c[..s.len()].eq_ignore_ascii_case(s))
        .collect()
}

impl LintOptions {
    /// Checks what the types cannot: known rule codes and names, version syntax, ports.
    pub fn validate(&self) -> Result<(), OptionsError> {
        for key in self.rules.keys() {
            if crate::rules::find(key).is_none() {
                return Err(OptionsError {
                    key: format!("rules.{key}"),
                    message: format!("no rule has the code or name `{key}`{}", rule_hint(key)),
                });
            }
        }
        if let Some(v) = &self.doris_version {
            if !is_version(v) {
                return Err(OptionsError {
                    key: "dorisVersion".into(),
                    message: format!("`{v}` is not a version; write it like \"2.1\" or \"3.0.4\""),
                });
            }
        }
        for (key, port) in [("heartbeat", self.ports.heartbeat), ("editLog", self.ports.edit_log), ("broker", self.ports.broker)] {
            if port == 0 {
                return Err(OptionsError { key: format!("ports.{key}"), message: "a port must be between 1 and 65535".into() });
            }
        }
        Ok(())
    }

    /// Applies `--select` / `--ignore` style selectors (codes, names or code prefixes): with a
    /// non-empty `select` only the rules it names run (rules that are off by default are turned
    /// on as warnings unless configured); every rule `ignore` names is turned off.
    pub fn apply_selection(&mut self, select: &[String], ignore: &[String]) -> Result<(), OptionsError> {
        let resolve = |flag: &str, list: &[String]| -> Result<Vec<&'static str>, OptionsError> {
            let mut out = Vec::new();
            for s in list.iter().filter(|s| !s.trim().is_empty()) {
                let m = rules_matching(s);
                if m.is_empty() {
                    return Err(OptionsError {
                        key: flag.to_string(),
                        message: format!("`{s}` is not a rule code, name or code prefix{}", rule_hint(s)),
                    });
                }
                out.extend(m);
            }
            Ok(out)
        };
        let selected = resolve("select", select)?;
        let ignored = resolve("ignore", ignore)?;
        let configured = |opts: &LintOptions, code: &str| -> Option<String> {
            let meta = crate::rules::find(code)?.meta();
            opts.rules.keys().find(|k| k.eq_ignore_ascii_case(meta.code) || k.eq_ignore_ascii_case(meta.name)).cloned()
        };
        if !selected.is_empty() {
            for rule in crate::rules::RULES {
                let meta = rule.meta();
                let key = configured(self, meta.code);
                if selected.contains(&meta.code) {
                    if meta.default_severity.is_none() && key.is_none() {
                        self.rules.insert(meta.code.to_string(), RuleLevel::Warning);
                    }
                } else {
                    if let Some(k) = key {
                        self.rules.remove(&k);
                    }
                    self.rules.insert(meta.code.to_string(), RuleLevel::Off);
                }
            }
        }
        for code in ignored {
            if let Some(k) = configured(self, code) {
                self.rules.remove(&k);
            }
            self.rules.insert(code.to_string(), RuleLevel::Off);
        }
        Ok(())
    }
}

#[cfg(test)]
mod validation_tests {
    use super::*;

    #[test]
    fn validate_names_the_bad_key() {
        let mut o = LintOptions::default();
        assert!(o.validate().is_ok());
        o.rules.insert("D0O4".into(), RuleLevel::Off);
        let e = o.validate().unwrap_err();
        assert_eq!(e.key, "rules.D0O4");
        assert!(e.message.contains("did you mean `D004`"), "{e}");
        let mut o = LintOptions { doris_version: Some("three".into()), ..LintOptions::default() };
        assert_eq!(o.validate().unwrap_err().key, "dorisVersion");
        o.doris_version = Some("3.0.4".into());
        assert!(o.validate().is_ok());
        o.ports.heartbeat = 0;
        assert_eq!(o.validate().unwrap_err().key, "ports.heartbeat");
    }

    #[test]
    fn select_and_ignore() {
        let mut o = LintOptions::default();
        o.apply_selection(&["D00".into(), "D903".into()], &["hash-comment".into()]).unwrap();
        assert_eq!(o.rules.get("D004"), Some(&RuleLevel::Off));
        assert_eq!(o.rules.get("D012"), Some(&RuleLevel::Off));
        assert_eq!(o.rules.get("D903"), Some(&RuleLevel::Warning));
        assert_eq!(o.rules.get("D001"), None);
        let mut o = LintOptions::default();
        assert_eq!(o.apply_selection(&["D7".into()], &[]).unwrap_err().key, "select");
    }
}
