#!/usr/bin/env bash
# Speed benchmarks (not tests): times the release binary on the jobs the
# issues set targets for. Usage: scripts/bench.sh [ROWS] (default 1000000).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/release/backcare}
ROWS=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bc() { "$BIN" --as-of 2026-11-26 --data-dir "$work/data" "$@"; }

# ms COMMAND...: milliseconds one run takes.
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# median_ms N COMMAND...: the median of N runs.
median_ms() {
  local n=$1
  shift
  for _ in $(seq "$n"); do ms "$@"; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "process start (backcare --version): $(median_ms 21 "$BIN" --version) ms"
echo "plan, text:                         $(median_ms 21 bc plan --weeks 10 --pain-duration 8w --severity 4) ms"
echo "plan, json:                         $(median_ms 21 bc plan --weeks 10 --severity 4 --format json) ms"
echo "log add:                            $(median_ms 21 bc log add 4 --note bench) ms"
if command -v task >/dev/null; then
  # The same job in taskwarrior (apt-get install taskwarrior), for comparison.
  mkdir -p "$work/task"
  printf 'data.location=%s\nconfirmation=off\nverbose=nothing\n' "$work/task" >"$work/taskrc"
  echo "taskwarrior task add:               $(median_ms 21 env TASKRC="$work/taskrc" task add bench) ms"
fi

/usr/bin/python3 - "$ROWS" >"$work/big.csv" <<'PY'
import sys, datetime
rows = int(sys.argv[1])
start = datetime.datetime(2016, 1, 1)
out = sys.stdout
out.write("at,severity,note\r\n")
for i in range(rows):
    at = start + datetime.timedelta(minutes=5 * i)
    out.write(f"{at:%Y-%m-%dT%H:%M},{i % 11},entry {i}\r\n")
PY
echo "import $ROWS rows (CSV):         $(ms bc --profile big log import "$work/big.csv") ms"
echo "export $ROWS rows (CSV):         $(ms bc --profile big log export --output "$work/out.csv") ms"
echo "list   $ROWS rows (JSON):        $(ms bc --profile big log list --format json) ms"
echo "trend  $ROWS rows (text):        $(ms bc --profile big trend) ms"
echo "trend  $ROWS rows (SVG, month):  $(ms bc --profile big trend --by month --format svg) ms"
