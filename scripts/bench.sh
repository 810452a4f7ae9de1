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

# report against trend over three years of a diary (a reading every 30
# minutes up to --as-of, sessions three times a week, a PSFS rating a
# month): report (12 weeks, or all three years) should take at most 1.5
# times as long as trend over the whole log.
/usr/bin/python3 - "$work" <<'PY'
import datetime, json, sys
work = sys.argv[1]
end = datetime.datetime(2026, 11, 26, 23, 30)
start = end - datetime.timedelta(days=3 * 365)
with open(f"{work}/years.csv", "w") as out:
    out.write("at,severity,location\r\n")
    at, i = start, 0
    while at <= end:
        out.write(f"{at:%Y-%m-%dT%H:%M},{(i // 48) % 6 + 1},{'pelvis' if i % 7 == 0 else 'low-back'}\r\n")
        at, i = at + datetime.timedelta(minutes=30), i + 1
days = [start.date() + datetime.timedelta(days=d) for d in range((end.date() - start.date()).days + 1)]
sessions = [{"at": f"{d}T18:00", "phase": 2, "status": "done", "pain_during": 2 + d.day % 3}
            if d.day % 10 else {"at": f"{d}T18:00", "status": "skipped", "reason": "baby"}
            for d in days if d.weekday() in (0, 2, 4)]
json.dump(sessions, open(f"{work}/sessions.json", "w"))
ratings = [{"at": f"{d}T20:00", "scores": [{"activity": a, "score": min(10, 2 + n // 6)}
                                           for a in ("lift the car seat", "walk 30 minutes", "sleep on my side")]}
           for n, d in enumerate(d for d in days if d.day == 1)]
json.dump(ratings, open(f"{work}/psfs.json", "w"))
PY
bc --profile years profile set --birth-date 2023-10-01 >/dev/null
bc --profile years log import "$work/years.csv" >/dev/null
bc --profile years session import "$work/sessions.json" >/dev/null
bc --profile years measure import "$work/psfs.json" >/dev/null
trend_ms=$(median_ms 11 bc --profile years trend)
echo "trend  3 years (text):              $trend_ms ms"
for args in "report" "report --format html" "report --since 2023-11-27 --format json"; do
  # shellcheck disable=SC2086
  report_ms=$(median_ms 11 bc --profile years $args)
  printf '%-36s%s ms (%s x trend; at most 1.5)\n' "$args, 3 years:" "$report_ms" \
    "$(awk -v r="$report_ms" -v t="$trend_ms" 'BEGIN { printf "%.2f", r / (t > 0 ? t : 1) }')"
done
