//! Which Doris version introduced the features that rule D211 (unsupported-by-version) knows.
//! The one table of feature versions: change it here only.

/// A feature of the `ALTER SYSTEM` family that older Doris versions lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// `tag.public_endpoint` / `tag.private_endpoint` on ADD / MODIFY BACKEND.
    EndpointTags,
    /// `tag.compute_group_name` (decoupled storage and compute).
    ComputeGroupNameTag,
    /// `ALTER SYSTEM RENAME COMPUTE GROUP`.
    RenameComputeGroup,
    /// An IP address as the new name of `MODIFY FRONTEND|BACKEND ... HOSTNAME`.
    IpAsHostname,
}

/// `(feature, first version that has it)`.
///
/// Sources: doris-language.md §4 documents the endpoint tags as "Doris 3.1+"; compute groups
/// (and with them `tag.compute_group_name` and `RENAME COMPUTE GROUP`) came with the decoupled
/// storage-compute mode of Doris 3.0 (rules.md D211; the exact 3.0.x patch is unverified, so
/// the minor version is used); rules.md D211 gives 2.1 for an IP address as a new HOSTNAME
/// (before 2.1 the FQDN statements expected a host name).
pub static FEATURES: &[(Feature, Version)] = &[
    (Feature::EndpointTags, Version(3, 1, 0)),
    (Feature::ComputeGroupNameTag, Version(3, 0, 0)),
    (Feature::RenameComputeGroup, Version(3, 0, 0)),
    (Feature::IpAsHostname, Version(2, 1, 0)),
];

/// A Doris version `major.minor.patch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u32, pub u32, pub u32);

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.2 == 0 {
            write!(f, "{}.{}", self.0, self.1)
        } else {
            write!(f, "{}.{}.{}", self.0, self.1, self.2)
        }
    }
}

impl Version {
    /// Parses `"2.1"`, `"3.0.4"`, `"v3.1"`, `"doris-2.1.7"`, `"3"`. `None` for anything else
    /// (the caller then assumes the newest version; the config layer reports bad strings).
    pub fn parse(s: &str) -> Option<Version> {
        let s = s.trim();
        let s = s.strip_prefix("doris-").or_else(|| s.strip_prefix("Doris-")).unwrap_or(s);
        let s = s.strip_prefix('v').or_else(|| s.strip_prefix('V')).unwrap_or(s);
        // Allow a suffix such as "-rc01" after the numbers.
        let core = s.split(['-', '+', ' ']).next().unwrap_or("");
        let mut parts = core.split('.');
        let mut num = |required: bool| -> Option<Option<u32>> {
            match parts.next() {
                None if !required => Some(None),
                Some(p) if !p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok().map(Some),
                _ => None,
            }
        };
        let major = num(true)??;
        let minor = num(false)?.unwrap_or(0);
        let patch = num(false)?.unwrap_or(0);
        if parts.next().is_some() {
            return None;
        }
        Some(Version(major, minor, patch))
    }
}

/// The version that introduced `feature`.
pub fn introduced(feature: Feature) -> Version {
    FEATURES.iter().find(|(f, _)| *f == feature).map_or(Version(0, 0, 0), |(_, v)| *v)
}

/// `Some(first version)` when `configured` (the `dorisVersion` option) predates `feature`.
/// An absent or unreadable version means the newest: nothing is reported.
pub fn missing_in(configured: Option<&str>, feature: Feature) -> Option<Version> {
    let v = Version::parse(configured?)?;
    let since = introduced(feature);
    (v < since).then_some(since)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_versions() {
        assert_eq!(Version::parse("2.1"), Some(Version(2, 1, 0)));
        assert_eq!(Version::parse("3.0.4"), Some(Version(3, 0, 4)));
        assert_eq!(Version::parse(" v3.1 "), Some(Version(3, 1, 0)));
        assert_eq!(Version::parse("doris-2.1.7-rc01"), Some(Version(2, 1, 7)));
        assert_eq!(Version::parse("4"), Some(Version(4, 0, 0)));
        for bad in ["", "latest", "3..1", "3.1.2.4", "x.1", "99999999999", "３.０", "."] {
            assert_eq!(Version::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn feature_checks() {
        assert_eq!(missing_in(Some("3.0"), Feature::EndpointTags), Some(Version(3, 1, 0)));
        assert_eq!(missing_in(Some("3.1"), Feature::EndpointTags), None);
        assert_eq!(missing_in(Some("2.1.5"), Feature::ComputeGroupNameTag), Some(Version(3, 0, 0)));
        assert_eq!(missing_in(Some("garbled"), Feature::EndpointTags), None);
        assert_eq!(missing_in(None, Feature::EndpointTags), None);
        assert_eq!(missing_in(Some("2.0"), Feature::IpAsHostname), Some(Version(2, 1, 0)));
    }
}
