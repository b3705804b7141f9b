#!/usr/bin/env bash
# Two whowhom binaries timed against each other, run after run (A B A B ...), so that
# the machine's drift (its speed per core moves by 10-20% within minutes) falls on both.
#
#   A=OLD_BINARY B=NEW_BINARY scripts/ab.sh RUNS ARGS...
#   e.g. A=/tmp/old B=target/release/whowhom scripts/ab.sh 5 build --threads 2 --quiet \
#            /tmp/scale/corpus-100.jsonl -o /tmp/ab.ron
#
# Prints, for each binary, the minimum and median of wall-clock and CPU (user + system)
# seconds. Output of the runs is discarded. Needs GNU time (apt-get install -y time).
set -euo pipefail
if [ $# -lt 2 ] || [ -z "${A:-}" ] || [ -z "${B:-}" ]; then
    echo "usage: A=OLD B=NEW $0 RUNS ARGS..." >&2
    exit 2
fi
runs=$1
shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for _ in $(seq "$runs"); do
    for which in A B; do
        /usr/bin/time -f "$which %e %U %S" -a -o "$log" "${!which}" "$@" > /dev/null 2>&1
    done
done
python3 - "$log" <<'PY'
import collections, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 4 and p[0] in ("A", "B"):
        runs[p[0]].append((float(p[1]), float(p[2]) + float(p[3])))
for which in sorted(runs):
    wall = sorted(r[0] for r in runs[which])
    cpu = sorted(r[1] for r in runs[which])
    mid = len(wall) // 2
    print(f"{which}: wall min {wall[0]:.3f} s, median {wall[mid]:.3f} s; "
          f"CPU min {cpu[0]:.3f} s, median {cpu[mid]:.3f} s ({len(wall)} runs)")
PY
