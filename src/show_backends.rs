//! Reads what a user pasted from `SHOW BACKENDS` (doris-language.md §7) into the list the
//! `existingBackends` option takes: `"host:port"` strings and backend ids.
//!
//! Accepted shapes, columns matched by header name (`BackendId`, `Host`, `HeartbeatPort`):
//! - the mysql client's table (`+---+` borders, `| a | b |` rows);
//! - the batch form (`mysql -B`): a tab-separated header line, then rows;
//! - the vertical form (`SHOW BACKENDS\G`): `*** 1. row ***` separators and `Name: value` lines;
//! - a plain list: one `host:port` or numeric id per line (commas also separate; quotes, `--`
//!   comments and blank lines are ignored).
//!
//! For each backend of a table the result holds `"host:port"` and, when present, the id.

/// Why a pasted text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseBackendsError {
    /// A table without a `Host` or `HeartbeatPort` column (and no `BackendId`).
    MissingColumns { found: Vec<String> },
    /// A line of a plain list that is neither `host:port` nor a numeric id.
    BadLine { line: usize, text: String },
}

impl std::fmt::Display for ParseBackendsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseBackendsError::MissingColumns { found } => write!(
                f,
                "the table has no `Host` and `HeartbeatPort` (or `BackendId`) columns; found: {}",
                found.join(", ")
            ),
            ParseBackendsError::BadLine { line, text } => {
                write!(f, "line {line}: `{text}` is neither host:port nor a numeric backend id")
            }
        }
    }
}

impl std::error::Error for ParseBackendsError {}

/// Parses any of the accepted shapes into `"host:port"` strings and ids, in input order.
pub fn parse_backends(text: &str) -> Result<Vec<String>, ParseBackendsError> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let first = lines.iter().map(|l| l.trim()).find(|l| !l.is_empty() && !is_prompt_or_footer(l));
    match first {
        None => Ok(Vec::new()),
        Some(l) if l.starts_with('+') || l.starts_with('|') => table(&lines),
        Some(l) if l.starts_with('*') || is_vertical_field(l) => vertical(&lines),
        Some(l) if l.contains('\t') => batch(&lines),
        Some(_) => plain(&lines),
    }
}

/// `mysql>` prompts, `N rows in set`, and the statement itself are skipped.
fn is_prompt_or_footer(l: &str) -> bool {
    let lower = l.to_ascii_lowercase();
    lower.starts_with("mysql>")
        || lower.starts_with("show ")
        || lower.contains(" rows in set")
        || lower.contains(" row in set")
        || lower.starts_with("empty set")
}

fn is_vertical_field(l: &str) -> bool {
    l.split_once(':').is_some_and(|(k, _)| k.trim() == "BackendId" || k.trim() == "Host")
}

/// Builds the entries of one row from its named cells.
fn entries(get: &dyn Fn(&str) -> Option<String>, out: &mut Vec<String>) {
    if let (Some(h), Some(p)) = (get("Host"), get("HeartbeatPort")) {
        if !h.is_empty() && !p.is_empty() {
            out.push(format!("{}:{}", bracket(&h), p));
        }
    }
    if let Some(id) = get("BackendId") {
        if !id.is_empty() {
            out.push(id);
        }
    }
}

/// An IPv6 host is written in brackets so that the entry reads back as one address.
fn bracket(host: &str) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host.to_string()
    }
}

fn header_index(header: &[String]) -> Result<impl Fn(&[String], &str) -> Option<String> + '_, ParseBackendsError> {
    let has = |n: &str| header.iter().any(|h| h == n);
    if !(has("BackendId") || (has("Host") && has("HeartbeatPort"))) {
        return Err(ParseBackendsError::MissingColumns { found: header.to_vec() });
    }
    Ok(move |row: &[String], name: &str| {
        header.iter().position(|h| h == name).and_then(|i| row.get(i)).map(|s| s.trim().to_string())
    })
}

fn table_cells(line: &str) -> Vec<String> {
    let inner = line.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn table(lines: &[&str]) -> Result<Vec<String>, ParseBackendsError> {
    let mut rows = lines.iter().map(|l| l.trim()).filter(|l| l.starts_with('|'));
    let Some(header) = rows.next() else { return Ok(Vec::new()) };
    let header = table_cells(header);
    let get = header_index(&header)?;
    let mut out = Vec::new();
    for row in rows {
        let cells = table_cells(row);
        entries(&|n| get(&cells, n), &mut out);
    }
    Ok(out)
}

fn batch(lines: &[&str]) -> Result<Vec<String>, ParseBackendsError> {
    let mut rows = lines.iter().filter(|l| !l.trim().is_empty() && !is_prompt_or_footer(l.trim()));
    let Some(header) = rows.next() else { return Ok(Vec::new()) };
    let header: Vec<String> = header.split('\t').map(|c| c.trim().to_string()).collect();
    let get = header_index(&header)?;
    let mut out = Vec::new();
    for row in rows {
        let cells: Vec<String> = row.split('\t').map(str::to_string).collect();
        entries(&|n| get(&cells, n), &mut out);
    }
    Ok(out)
}

fn vertical(lines: &[&str]) -> Result<Vec<String>, ParseBackendsError> {
    let mut out = Vec::new();
    let mut block: Vec<(String, String)> = Vec::new();
    let mut seen_any = false;
    let mut keys: Vec<String> = Vec::new();
    let flush = |block: &mut Vec<(String, String)>, out: &mut Vec<String>| {
        let b = std::mem::take(block);
        let get = |n: &str| b.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        entries(&get, out);
    };
    for l in lines.iter().map(|l| l.trim()) {
        if l.starts_with('*') {
            if !block.is_empty() {
                flush(&mut block, &mut out);
            }
            continue;
        }
        let Some((k, v)) = l.split_once(':') else { continue };
        let k = k.trim().to_string();
        if k == "BackendId" && block.iter().any(|(bk, _)| bk == "BackendId") {
            flush(&mut block, &mut out);
        }
        seen_any |= k == "Host" || k == "BackendId";
        if !keys.contains(&k) {
            keys.push(k.clone());
        }
        block.push((k, v.trim().to_string()));
    }
    if !block.is_empty() {
        flush(&mut block, &mut out);
    }
    if !seen_any {
        return Err(ParseBackendsError::MissingColumns { found: keys });
    }
    Ok(out)
}

fn plain(lines: &[&str]) -> Result<Vec<String>, ParseBackendsError> {
    let mut out = Vec::new();
    for (n, l) in lines.iter().enumerate() {
        let l = l.split("--").next().unwrap_or("").trim();
        if l.is_empty() || is_prompt_or_footer(l) {
            continue;
        }
        for item in l.split(',') {
            let item = item.trim().trim_matches(|c| c == '"' || c == '\'' || c == '`').trim();
            if item.is_empty() {
                continue;
            }
            let ok = if item.contains(':') {
                crate::address::validate(item).is_ok()
            } else {
                crate::address::parse_backend_id(item).is_some()
            };
            if !ok {
                return Err(ParseBackendsError::BadLine { line: n + 1, text: item.to_string() });
            }
            out.push(crate::address::strip_whitespace(item));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "\
mysql> SHOW BACKENDS;
+-----------+-----------+---------------+--------+----------+----------+-------+
| BackendId | Host      | HeartbeatPort | BePort | HttpPort | BrpcPort | Alive |
+-----------+-----------+---------------+--------+----------+----------+-------+
| 10002     | 10.0.0.11 | 9050          | 9060   | 8040     | 8060     | true  |
| 10003     | be-2      | 9050          | 9060   | 8040     | 8060     | true  |
+-----------+-----------+---------------+--------+----------+----------+-------+
2 rows in set (0.01 sec)
";

    #[test]
    fn mysql_table() {
        assert_eq!(parse_backends(TABLE).unwrap(), vec!["10.0.0.11:9050", "10002", "be-2:9050", "10003"]);
    }

    #[test]
    fn columns_by_name_not_position() {
        let t = "\
+---------------+------+-----------+
| HeartbeatPort | Host | BackendId |
+---------------+------+-----------+
| 19050         | h1   | 7         |
+---------------+------+-----------+";
        assert_eq!(parse_backends(t).unwrap(), vec!["h1:19050", "7"]);
    }

    #[test]
    fn batch_form() {
        let t = "BackendId\tHost\tHeartbeatPort\tBePort\n10002\t10.0.0.11\t9050\t9060\n10003\tfe80::1\t9050\t9060\n";
        assert_eq!(parse_backends(t).unwrap(), vec!["10.0.0.11:9050", "10002", "[fe80::1]:9050", "10003"]);
    }

    #[test]
    fn vertical_form() {
        let t = "\
*************************** 1. row ***************************
            BackendId: 10002
                 Host: 10.0.0.11
        HeartbeatPort: 9050
               BePort: 9060
        LastStartTime: 2024-01-01 10:00:00
*************************** 2. row ***************************
            BackendId: 10003
                 Host: 10.0.0.12
        HeartbeatPort: 9050
2 rows in set (0.00 sec)
";
        assert_eq!(parse_backends(t).unwrap(), vec!["10.0.0.11:9050", "10002", "10.0.0.12:9050", "10003"]);
    }

    #[test]
    fn vertical_without_separators() {
        let t = "BackendId: 1\nHost: a\nHeartbeatPort: 9050\nBackendId: 2\nHost: b\nHeartbeatPort: 9050\n";
        assert_eq!(parse_backends(t).unwrap(), vec!["a:9050", "1", "b:9050", "2"]);
    }

    #[test]
    fn plain_list() {
        let t = "10.0.0.11:9050\n\"be-2:9050\", 10004\n-- a comment\n\n10005\n";
        assert_eq!(parse_backends(t).unwrap(), vec!["10.0.0.11:9050", "be-2:9050", "10004", "10005"]);
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse_backends("10.0.0.1:9050\nnot an address\n"),
            Err(ParseBackendsError::BadLine { line: 2, text: "not an address".into() })
        );
        let e = parse_backends("+---+\n| A | B |\n+---+\n| 1 | 2 |\n").unwrap_err();
        assert!(matches!(e, ParseBackendsError::MissingColumns { .. }));
        assert!(e.to_string().contains("A, B"));
        assert_eq!(parse_backends("").unwrap(), Vec::<String>::new());
        assert_eq!(parse_backends("Empty set (0.00 sec)").unwrap(), Vec::<String>::new());
    }
}
