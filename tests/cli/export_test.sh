# CLI tests of `backcare plan --format markdown|csv|ics`.
source "$(dirname "$0")/lib.sh"

PLAN=(plan --weeks 10 --pain-duration 8w --severity 4)

# check_ics EVENTS: stdout parses as iCalendar with EVENTS events; the UIDs go to $SCRATCH/uids.
check_ics() {
  "$PYTHON" "$SRC/tests/cli/check_ics.py" "$OUT" "$1" >"$SCRATCH/uids" || { cat "$SCRATCH/uids"; fail "iCalendar check"; }
}

# A copy of the catalog whose heel-slide name and first cue test escaping and folding.
odd_catalog() {
  mkdir "$SCRATCH/cat"
  cp "$SRC"/catalog/*.toml "$SCRATCH/cat/"
  sed -i 's/^name = "Heel slide"/name = "Heel slide, \\"slow\\"; ünïcödé ✓ — long name to fold: ääääääääääääääääääääääääää"/' \
    "$SCRATCH/cat/exercises.toml"
  sed -i 's/^  "Breathe out as you slide one heel away; keep your pelvis still.",/  "=SUM(A1) is not a formula | pipes too",/' \
    "$SCRATCH/cat/exercises.toml"
}

case_ics_validates() {
  bc "${PLAN[@]}" --format ics
  expect_rc 0
  check_ics 7
  grep -q $'^DTSTART:20261130T073000\r$' "$OUT" || fail "default time is not 07:30"
  grep -q $'^DTSTAMP:20261126T120000Z\r$' "$OUT" || fail "DTSTAMP is not from --as-of (midday UTC)"
  grep -q $'^DURATION:PT20M\r$' "$OUT" || fail "session duration"
  ! grep -q "BEGIN:VALARM" "$OUT" || fail "an alarm without --remind"
}

case_ics_time_and_reminder() {
  bc "${PLAN[@]}" --format ics --time 18:05 --remind 15 --weeks-ahead 2
  expect_rc 0
  check_ics 14
  grep -q $'^DTSTART:20261130T180500\r$' "$OUT" || fail "--time not used"
  [ "$(grep -c $'^TRIGGER:-PT15M\r$' "$OUT")" -eq 14 ] || fail "one VALARM per event expected"
  bc "${PLAN[@]}" --format ics --time 25:00
  expect_error 64 "--time: 25:00 is not a time of day (hours run 00-23)"
  bc "${PLAN[@]}" --format ics --time 7:30
  expect_error 64 "--time must be HH:MM"
  bc "${PLAN[@]}" --format ics --remind soon
  expect_error 64 "--remind must be a whole number 0-10080"
  bc "${PLAN[@]}" --time 07:00
  expect_error 64 "--time only applies to --format ics"
}

case_ics_uids_are_stable() {
  bc "${PLAN[@]}" --format ics --start 2026-11-30
  check_ics 7
  cp "$SCRATCH/uids" "$SCRATCH/first"
  cp "$OUT" "$SCRATCH/first.ics"
  bc "${PLAN[@]}" --format ics --start 2026-11-30
  cmp -s "$SCRATCH/first.ics" "$OUT" || fail "re-export is not byte-identical"
  bc "${PLAN[@]}" --format ics --start 2026-12-03 --time 19:00
  check_ics 7
  [ "$(comm -12 <(sort "$SCRATCH/first") <(sort "$SCRATCH/uids") | wc -l)" -eq 4 ] \
    || fail "the 4 shared days should keep their UIDs"
  bc --profile client-2 "${PLAN[@]}" --format ics --start 2026-11-30
  check_ics 7
  [ -z "$(comm -12 <(sort "$SCRATCH/first") <(sort "$SCRATCH/uids"))" ] || fail "two profiles share UIDs"
}

case_ics_escapes_and_folds_utf8() {
  odd_catalog
  bc --catalog "$SCRATCH/cat" "${PLAN[@]}" --format ics
  expect_rc 0
  check_ics 7
  "$PYTHON" - "$OUT" <<'PY' || fail "escaped text does not round-trip"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
text = str(cal.walk("VEVENT")[0]["DESCRIPTION"])
assert 'Heel slide, "slow"; ünïcödé ✓' in text, text
assert "\n" in text
PY
}

case_ics_care_now_has_no_exercise() {
  bc plan --birth-date 2026-09-17 --severity 4 --symptom chest-pain --format ics
  expect_rc 3
  # The care event, and the session events of Thu 26 Nov to Sun 6 Dec cancelled.
  check_ics 12
  [ "$(grep -c 'STATUS:CANCELLED' "$OUT")" -eq 11 ] || fail "not every day of the file is cancelled"
  grep -q "EMERGENCY" "$OUT" || fail "no banner"
  ! grep -qi "heel slide\|breath:" "$OUT" || fail "an exercise beside an emergency"
  grep -q "2026-09-17" "$OUT" || fail "the birth date is not mentioned"
}

case_csv_strict() {
  bc "${PLAN[@]}" --format csv --weeks-ahead 2
  expect_rc 0
  "$PYTHON" - "$OUT" <<'PY' || fail "CSV does not parse strictly"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "line ends must be CRLF"
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
assert rows[0] == ["date", "day", "phase", "exercise_id", "name", "sets", "reps", "hold_seconds", "notes", "cues",
                   "easier", "harder", "referrals", "guidance", "progress"], rows[0]
body = rows[1:]
assert all(len(r) == 15 for r in body)
assert all(r[14].startswith("You start at phase 2") and "To move on to phase 3" in r[14] for r in body), body[0][14]
assert body[0][:6] == ["2026-11-30", "Mon", "1", "alignment-check", "Alignment check", "1"], body[0]
assert sum(1 for r in body if r[3] == "heel-slide") == 6
assert any(r[3] == "side-plank-modified" and r[7] == "15" and r[6] == "" for r in body)
assert body[-1][0] == "2026-12-13"
PY
}

case_csv_formula_guard() {
  odd_catalog
  bc --catalog "$SCRATCH/cat" "${PLAN[@]}" --format csv
  expect_rc 0
  grep -q "'=SUM(A1)" "$OUT" || fail "a cue starting with = is not guarded"
  "$PYTHON" -c "import csv,sys; list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))" "$OUT" \
    || fail "strict parse"
}

case_markdown_golden() {
  bc "${PLAN[@]}" --format markdown --weeks-ahead 2
  expect_rc 0
  expect_golden plan_week10.md
  expect_out "Opens at week 12 (Thu 10 Dec), within the weeks shown"
}

case_markdown_renders_with_pandoc() {
  # pandoc is large, so the setup script does not install it; checked where present.
  command -v pandoc >/dev/null || return 0
  bc "${PLAN[@]}" --format markdown
  local reader
  for reader in gfm markdown; do
    [ "$(pandoc -f "$reader" -t html "$OUT" | grep -c '<table')" -eq 7 ] || fail "pandoc -f $reader: not 7 tables"
  done
}

case_markdown_escapes_pipes() {
  odd_catalog
  bc --catalog "$SCRATCH/cat" "${PLAN[@]}" --format markdown
  expect_out 'is not a formula \| pipes too'
  "$PYTHON" - "$OUT" <<'PY' || fail "a table row has the wrong number of cells"
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("| "):
        cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
        assert len(cells) == 5, line
PY
}

case_markdown_care_now() {
  bc plan --weeks 10 --severity 4 --symptom fever --format markdown
  expect_rc 3
  expect_out "**URGENT: get a medical check today.**"
  expect_no_out "| Exercise"
}

case_every_format_is_reproducible() {
  local format
  for format in text json markdown csv ics; do
    bc "${PLAN[@]}" --format "$format" --weeks-ahead 3 --posture high-hinge
    cp "$OUT" "$SCRATCH/a"
    bc "${PLAN[@]}" --format "$format" --weeks-ahead 3 --posture high-hinge
    cmp -s "$SCRATCH/a" "$OUT" || fail "--format $format differs between runs"
  done
}

case_output_atomic() {
  bc "${PLAN[@]}" --format ics --output "$SCRATCH/plan.ics"
  expect_rc 0
  cp "$SCRATCH/plan.ics" "$OUT"
  check_ics 7
  bc "${PLAN[@]}" --format ics --output "$SCRATCH/none/plan.ics"
  expect_error 73 "cannot write $SCRATCH/none/plan.ics"
  [ -z "$(find "$SCRATCH" -name '.plan.ics.*')" ] || fail "a temporary file was left"
}

finish
