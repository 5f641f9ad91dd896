//! Deterministic generated scripts for the benchmark: a realistic mix of the `ALTER SYSTEM`
//! family, comments, both quote styles, some statements with problems and some other SQL.

/// xorshift64*: small, deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn ip(r: &mut Rng) -> String {
    format!("10.{}.{}.{}", r.below(256), r.below(256), 1 + r.below(254))
}

fn host(r: &mut Rng) -> String {
    match r.below(3) {
        0 => ip(r),
        1 => format!("be-{}.doris.svc.cluster.local", r.below(1000)),
        _ => format!("doris-be{:02}", r.below(100)),
    }
}

fn q(r: &mut Rng, s: &str) -> String {
    if r.below(3) == 0 {
        format!("'{s}'")
    } else {
        format!("\"{s}\"")
    }
}

/// A quoted `host:port` with a random host.
fn addr(r: &mut Rng, port: u16) -> String {
    let a = format!("{}:{port}", host(r));
    q(r, &a)
}

/// One statement (or comment) of the mix, with its trailing newline.
fn statement(r: &mut Rng) -> String {
    let lower = r.below(4) == 0;
    let kw = |s: &str| if lower { s.to_lowercase() } else { s.to_string() };
    match r.below(20) {
        0..=4 => {
            let n = 1 + r.below(3);
            let addrs: Vec<String> = (0..n).map(|_| addr(r, 9050)).collect();
            let props = if r.below(2) == 0 {
                let key = q(r, "tag.location");
                let group = format!("group_{}", r.below(5));
                format!(" PROPERTIES ({key} = {})", q(r, &group))
            } else {
                String::new()
            };
            format!("{} {}{props};\n", kw("ALTER SYSTEM ADD BACKEND"), addrs.join(", "))
        }
        5 => {
            let (a, b) = (addr(r, 9050), addr(r, 9050));
            format!("{} {a}, {b};\n", kw("ALTER SYSTEM DECOMMISSION BACKEND"))
        }
        6 => {
            let (a, k, v) = (addr(r, 9050), q(r, "tag.location"), q(r, "zone_b"));
            format!("ALTER SYSTEM MODIFY BACKEND {a} SET ({k} = {v}, \"disable_query\" = \"true\");\n")
        }
        7 => {
            let id = (10000 + r.below(90000)).to_string();
            format!("ALTER SYSTEM DROPP BACKEND {};\n", q(r, &id))
        }
        8 => {
            let role = if r.below(2) == 0 { "FOLLOWER" } else { "OBSERVER" };
            format!("ALTER SYSTEM ADD {role} {};\n", addr(r, 9010))
        }
        9 => {
            let (a, b) = (addr(r, 8000), addr(r, 8000));
            format!("ALTER SYSTEM ADD BROKER hdfs_broker {a}, {b};\n")
        }
        10 => format!("CANCEL DECOMMISSION BACKEND {};\n", addr(r, 9050)),
        11 => {
            let rack = r.below(50);
            format!("-- scale out rack {rack} ({})\n", host(r))
        }
        12 => format!("/* maintenance window {}:\n   drain first, then add */\n", r.below(24)),
        13 => {
            let t = r.below(10);
            format!("SELECT * FROM metrics_{t} WHERE host = '{}' LIMIT 10;\n", ip(r))
        }
        14 => "SHOW BACKENDS;\n".to_string(),
        // Statements with problems.
        15 => {
            let a = ip(r);
            format!("ALTER SYSTEM ADD BACKEND \"{a}:9050,{}:9050\";\n", ip(r))
        }
        16 => format!("ALTER SYSTEM MODIFY BACKEND \"{}:9050\" SET (\"tag.location\": \"g1\");\n", ip(r)),
        17 => format!("ALTER SYSTEM ADD BACKEND \"{}\";\n", host(r)),
        18 => format!("ALTER SYSTEM ADD BACKEND \"{}:9060\" PROPERTIES (\"tag.location\" = \"group-a\");\n", ip(r)),
        _ => format!("alter system add backend ' {} : 9050 ';\n", ip(r)),
    }
}

/// A script of at least `size` bytes (cut at a statement boundary just past it).
pub fn script(size: usize, seed: u64) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(size + 256);
    while out.len() < size {
        out.push_str(&statement(&mut r));
    }
    out
}

/// The pathological inputs of the benchmark, by name.
pub fn pathological() -> Vec<(&'static str, String)> {
    let mut r = Rng::new(7);
    let addrs: Vec<String> = (0..10_000).map(|_| format!("\"{}:9050\"", ip(&mut r))).collect();
    vec![
        ("one statement, 10,000 addresses", format!("ALTER SYSTEM ADD BACKEND {};\n", addrs.join(", "))),
        ("100,000 short statements", "ALTER SYSTEM DROPP BACKEND \"1\";\n".repeat(100_000)),
        ("a 1 MB comment", format!("/* {} */\nALTER SYSTEM ADD BACKEND \"h:9050\";\n", "x".repeat(1 << 20))),
        ("1,000 nested block comments", format!("{}{}\nSELECT 1;\n", "/* ".repeat(1000), "*/ ".repeat(1000))),
        ("a 1 MB unterminated string", format!("ALTER SYSTEM ADD BACKEND \"{}\n", "h".repeat(1 << 20))),
        ("a 1 MB line of `;`", ";".repeat(1 << 20)),
        // Each statement's problem silenced by the comment above it.
        (
            "50,000 suppressed statements",
            "-- doris-lint: ignore D102 -- port set later\nALTER SYSTEM ADD BACKEND \"10.0.0.1\";\n".repeat(50_000),
        ),
    ]
}
