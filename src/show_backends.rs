//! TEMPORARY stand-in, replaced at merge by the real `show_backends` module (written on another
//! branch, same signature). It only picks `host:port` tokens out of the text, one or more a line.

/// The backends listed in `text` as `"host:port"` strings.
pub fn parse_backends(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || c == ',' || c == '|') {
        let t = token.trim_matches(|c| c == '"' || c == '\'');
        if let Some((host, port)) = t.rsplit_once(':') {
            if !host.is_empty() && !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
                out.push(t.to_string());
            }
        }
    }
    out
}
