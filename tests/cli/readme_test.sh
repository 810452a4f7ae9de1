# The README's tour as a test: the commands of the sh block after the
# "The tour" comment in README.md run in order on a fresh data folder, each
# must succeed, and what they write must be there. Read from the README, so
# the tour and the test cannot drift apart.
source "$(dirname "$0")/lib.sh"

case_tour_runs_in_order() {
  mkdir -p "$SCRATCH/cwd"
  cd "$SCRATCH/cwd" || return
  awk '/^<!-- The tour/ { marked = 1 } marked && /^```sh$/ { inside = 1; marked = 0; next }
       /^```$/ { if (inside) exit } inside' "$SRC/README.md" >"$SCRATCH/tour.sh"
  [ "$(wc -l <"$SCRATCH/tour.sh")" -ge 10 ] || fail "no tour in README.md"
  # The tour calls `backcare`: here, the built binary on a fresh data folder.
  backcare() { bc "$@"; }
  local line
  while IFS= read -r line; do
    eval "$line"
    [ "$RC" -eq 0 ] || fail "exit $RC from: $line"
  done <"$SCRATCH/tour.sh"
  local file
  for file in plan.json plan.ics handout.md pain.csv pain.svg report.html; do
    [ -s "$file" ] || fail "the tour wrote no $file"
  done
  bc session list --format json
  json_check '[s["status"] for s in d] == ["skipped", "done"]'
  bc --profile client-2 log list --format json
  json_check 'len(d) == 1'
}

finish
