// `SHOW BACKENDS` output -> the `existingBackends` option (doris-language.md §7): the mysql
// client's table, the tab-separated batch form (`mysql -B`), the vertical form (`\G`), or a
// plain list of `host:port` lines and ids. Columns are matched by header name, not position.
// The playground uses the package's own parser when it exports one (`parseBackends`); this is
// the fallback until it does.

const norm = (s) => s.trim().toLowerCase();

function fromRows(header, rows) {
  const col = (name) => header.findIndex((h) => norm(h) === name);
  const id = col("backendid");
  const host = col("host");
  const port = col("heartbeatport");
  if ((host < 0 || port < 0) && id < 0) {
    return { error: `no Host and HeartbeatPort (or BackendId) columns; found: ${header.join(", ")}` };
  }
  const out = [];
  for (const row of rows) {
    const h = host >= 0 ? (row[host] ?? "").trim() : "";
    const p = port >= 0 ? (row[port] ?? "").trim() : "";
    if (h && p) out.push(`${h}:${p}`);
    const i = id >= 0 ? (row[id] ?? "").trim() : "";
    if (/^\d+$/.test(i)) out.push(i);
  }
  return { backends: out };
}

export function parseBackendsText(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return { backends: [] };
  // The mysql client's table.
  const bars = lines.filter((l) => l.trim().startsWith("|"));
  if (bars.length > 0) {
    const cells = (l) => l.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
    return fromRows(cells(bars[0]), bars.slice(1).map(cells));
  }
  // The vertical form.
  if (lines.some((l) => /^\s*\*+\s*\d+\.\s*row\s*\*+\s*$/i.test(l) || /^\s*BackendId\s*:/i.test(l))) {
    const blocks = [];
    let cur = null;
    for (const l of lines) {
      if (/^\s*\*+\s*\d+\.\s*row/i.test(l)) {
        cur = null;
        continue;
      }
      const m = /^\s*([A-Za-z_]+)\s*:\s?(.*)$/.exec(l);
      if (!m) continue;
      if (!cur || (norm(m[1]) === "backendid" && cur.has("backendid"))) {
        cur = new Map();
        blocks.push(cur);
      }
      cur.set(norm(m[1]), m[2]);
    }
    const header = ["backendid", "host", "heartbeatport"];
    return fromRows(header, blocks.map((b) => header.map((h) => b.get(h) ?? "")));
  }
  // The batch form: a tab-separated header first.
  if (lines[0].includes("\t") && /host|backendid/i.test(lines[0])) {
    const split = (l) => l.split("\t");
    return fromRows(split(lines[0]), lines.slice(1).map(split));
  }
  // A plain list.
  const out = [];
  for (const [n, raw] of lines.entries()) {
    const line = raw.replace(/--.*$/, "");
    for (const item of line.split(",")) {
      const v = item.trim().replace(/^["'`]|["'`]$/g, "").trim();
      if (v === "") continue;
      if (/^\d+$/.test(v) || /^(\[[^\]]+\]|[^\s:]+):\d+$/.test(v)) out.push(v);
      else return { error: `line ${n + 1}: "${v}" is neither host:port nor a backend id` };
    }
  }
  return { backends: out };
}
