#!/usr/bin/env bash
# Runs every cargo-fuzz target for FUZZ_SECONDS each (default 180), seeded from the
# real-statement corpus (../shared/corpus/real-statements.jsonl, beside the clone) and the test
# fixtures. The seeds are written at run time into the git-ignored fuzz/corpus/<target>/ (the
# corpus is never copied into the project's history). A crash stops the run: libFuzzer prints
# the input and leaves it in fuzz/artifacts/<target>/; minimize it with
#   cargo +nightly fuzz tmin <target> fuzz/artifacts/<target>/crash-...
# and add it to tests/regressions.rs. The properties each target checks: src/invariants.rs.
#
# Usage: scripts/fuzz.sh [TARGET...]      (default: every target of fuzz/Cargo.toml)
#   FUZZ_SECONDS=600 scripts/fuzz.sh      longer runs
#   FUZZ_JOBS=2 ...                      parallel fuzzing jobs per target (default 1)
#   FUZZ_FRESH=1 ...                     start from the seeds alone, keep nothing (make test-fuzz:
#                                        the time stays the same however large fuzz/corpus grows)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-180}
jobs=${FUZZ_JOBS:-1}
max_len=65536   # = MAX_INPUT in src/invariants.rs
timeout=10      # seconds for one input: everything is linear, 64 KB takes milliseconds

scripts/setup-fuzz.sh

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(awk '/^\[\[bin\]\]/ { getline; gsub(/name = |"/, ""); print }' fuzz/Cargo.toml)
fi

# Seeds: each corpus statement alone, the whole corpus as one script, each fixture file.
seeds=fuzz/corpus/_seeds
rm -rf "$seeds"
mkdir -p "$seeds"
python3 - "$seeds" <<'PY'
import glob, hashlib, json, os, sys
out = sys.argv[1]
def put(text):
    data = text.encode("utf-8")
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
stmts = []
corpus = os.path.join("..", "shared", "corpus", "real-statements.jsonl")
if os.path.exists(corpus):
    for line in open(corpus, encoding="utf-8"):
        line = line.strip()
        if line:
            sql = json.loads(line).get("sql", "")
            stmts.append(sql)
            put(sql)
    put(";\n".join(stmts)[:65536])
else:
    print(f"fuzz: {corpus} not found; seeding from the fixtures only", file=sys.stderr)
for path in sorted(glob.glob("tests/fixtures/**/*.sql", recursive=True)):
    put(open(path, encoding="utf-8", errors="replace").read())
PY
echo "fuzz: $(ls "$seeds" | wc -l) seed files; ${seconds}s per target: ${targets[*]}"

par=()
if [ "$jobs" -gt 1 ]; then par=(-jobs="$jobs" -workers="$jobs"); fi

# Build once (all targets, with debug assertions), then run each.
(cd fuzz && nice -n 10 cargo +nightly fuzz build --debug-assertions)
for t in "${targets[@]}"; do
  corpus="corpus/$t"
  if [ "${FUZZ_FRESH:-0}" = 1 ]; then
    corpus="corpus/_fresh/$t"
    rm -rf "fuzz/$corpus"
  fi
  mkdir -p "fuzz/$corpus"
  echo "fuzz: === $t ==="
  set +e
  (cd fuzz && nice -n 10 cargo +nightly fuzz run --debug-assertions "$t" "$corpus" "corpus/_seeds" -- \
      -dict=doris.dict -max_len=$max_len -timeout=$timeout -rss_limit_mb=4096 \
      -max_total_time="$seconds" -print_final_stats=1 "${par[@]}") > "fuzz/corpus/$t.log" 2>&1
  status=$?
  set -e
  grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ?ERROR|SUMMARY|thread .* panicked|.*Test unit written|.*deadly signal|.*-timeout)' \
    "fuzz/corpus/$t.log" || true
  if [ "$status" -ne 0 ]; then
    grep -A30 -E 'panicked|ERROR: libFuzzer' "fuzz/corpus/$t.log" | head -60 >&2 || true
    echo "fuzz: target $t FAILED (exit $status); log: fuzz/corpus/$t.log; inputs: fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
echo "fuzz: all targets passed"
