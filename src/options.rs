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
