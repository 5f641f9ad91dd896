// The playground's state (source and options) in the URL hash: `#z=` + base64url of the
// deflate-raw compressed JSON (CompressionStream), so that a copied link reproduces the case.

function toBase64Url(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const s = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const res = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await res.arrayBuffer());
}

export async function encodeState(state) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return "z=" + toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

/** The state in `hash` (with or without the `#`), or null when there is none or it is unreadable. */
export async function decodeState(hash) {
  const h = hash.replace(/^#/, "");
  if (!h.startsWith("z=")) return null;
  try {
    const bytes = await pipe(fromBase64Url(h.slice(2)), new DecompressionStream("deflate-raw"));
    const state = JSON.parse(new TextDecoder().decode(bytes));
    return state && typeof state === "object" ? state : null;
  } catch {
    return null;
  }
}
