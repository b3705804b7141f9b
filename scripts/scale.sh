#!/usr/bin/env bash
# Scale run: extract and build over an N-megabyte corpus (issue 7).
#
#   scripts/scale.sh N_MB [N_MB ...]       e.g. scripts/scale.sh 10 100
#
# Builds the release binary once, then for each size writes an N·10⁶-byte JSON Lines
# corpus into a temp dir from the sample articles (data/corpus/*.txt) and the test
# texts (../shared/eval/{news-dev,wire-dev}/articles/*.txt, when present). Every record
# is a copy of one article under a unique id "<file>#<copy>", so nothing is
# deduplicated away; its date is the article's date marker, or 2023-06-01 for articles
# without one. The corpus is written a record at a time (1000 MB never sits in memory).
#
# Then it runs, under /usr/bin/time -v:
#   whowhom extract --threads 1 CORPUS      (stdout counted: one line per fact triple)
#   whowhom build --threads 2 CORPUS -o OUT.ron
# and prints a Markdown table row per size: wall and CPU (user + system) seconds, MB/s,
# sentences/s and triples/s (all per wall-clock second), peak RSS.
#
# Sentences are *estimated*, not counted by whowhom: the generator counts them in each
# source article once with a simple rule (a full stop, ! or ? followed by space and an
# upper-case letter or quote, plus every non-empty line that does not end in one) and
# adds that count per copy written. triples/s for build uses the same fact-triple
# count as extract (build also merges hypothetical and negated triples).
#
# MB is 10⁶ bytes of corpus file (JSON Lines markup included). Needs python3 and GNU
# time (apt-get install -y time).
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 N_MB [N_MB ...]" >&2
    exit 2
fi
for n in "$@"; do
    case "$n" in
        '' | *[!0-9]*) echo "$0: $n is not a whole number of MB" >&2; exit 2 ;;
    esac
done
if [ ! -x /usr/bin/time ]; then
    echo "$0: /usr/bin/time is missing (apt-get install -y time)" >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo build --release --quiet
bin="$root/target/release/whowhom"

# SCALE_DIR=DIR keeps the corpora (DIR/corpus-N.jsonl) for profiling; otherwise a
# temp dir is removed at the end.
if [ -n "${SCALE_DIR:-}" ]; then
    mkdir -p "$SCALE_DIR"
    tmp=$(cd "$SCALE_DIR" && pwd)
    keep=1
else
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/whowhom-scale.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    keep=0
fi

# Write $2 MB of JSON Lines to $1; print the estimated number of sentences.
generate() {
    python3 - "$1" "$2" "$root/data/corpus" "$root/../shared/eval/news-dev/articles" \
        "$root/../shared/eval/wire-dev/articles" <<'EOF'
import json, pathlib, re, sys

out, mb, *dirs = sys.argv[1:]
target = int(mb) * 1_000_000
marker = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})(?=\s|$)")
stop = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘'(])")
pool = []
for d in dirs:
    for p in sorted(pathlib.Path(d).glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        m = marker.match(text)
        date, body = (m.group(1), text[m.end():]) if m else ("2023-06-01", text)
        lines = [l.strip() for l in body.splitlines() if l.strip()]
        sentences = len(stop.findall(body)) + len(lines)
        pool.append((p.name, date, body, sentences))
if not pool:
    sys.exit("no source articles found")
written = sentences = copy = 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        for name, date, body, n in pool:
            line = json.dumps({"id": f"{name}#{copy}", "date": date, "text": body},
                              ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            sentences += n
            if written >= target:
                break
        copy += 1
print(sentences)
EOF
}

# Seconds of wall clock and peak RSS in MB from a `time -v` report.
elapsed() {
    awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, t, ":"); s = 0
        for (i = 1; i <= n; i++) s = s * 60 + t[i]
        print s
    }' "$1"
}
cpu_seconds() {
    awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$1"
}
rss_mb() {
    awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

printf '| corpus | command | wall s | CPU s | MB/s | sentences/s (est.) | triples/s | peak RSS (MB) |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for n in "$@"; do
    corpus="$tmp/corpus-$n.jsonl"
    sentences=$(generate "$corpus" "$n")
    bytes=$(stat -c %s "$corpus")

    /usr/bin/time -v -o "$tmp/extract.time" \
        "$bin" extract --threads 1 --quiet "$corpus" | wc -l >"$tmp/triples"
    triples=$(tr -d ' ' <"$tmp/triples")
    /usr/bin/time -v -o "$tmp/build.time" \
        "$bin" build --threads 2 --quiet "$corpus" -o "$tmp/out.ron"
    graph_bytes=$(stat -c %s "$tmp/out.ron")

    for cmd in extract build; do
        secs=$(elapsed "$tmp/$cmd.time")
        cpu=$(cpu_seconds "$tmp/$cmd.time")
        rss=$(rss_mb "$tmp/$cmd.time")
        threads=1
        [ "$cmd" = build ] && threads=2
        awk -v n="$n" -v cmd="$cmd" -v th="$threads" -v s="$secs" -v b="$bytes" \
            -v sn="$sentences" -v tr="$triples" -v rss="$rss" -v cpu="$cpu" 'BEGIN {
            if (s <= 0) s = 0.01
            printf "| %d MB | %s, %d thread(s) | %.2f | %.2f | %.2f | %.0f | %.0f | %s |\n",
                n, cmd, th, s, cpu, b / 1e6 / s, sn / s, tr / s, rss
        }'
    done
    echo "($n MB: $bytes bytes, ~$sentences sentences, $triples fact triples," \
        "graph file $graph_bytes bytes)" >&2
    rm -f "$tmp/out.ron" "$tmp/out.ron.snap" "$tmp/extract.time" "$tmp/build.time" "$tmp/triples"
    [ "$keep" = 1 ] || rm -f "$corpus"
done
