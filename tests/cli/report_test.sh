# CLI tests of `backcare report` on a realistic 12-week log: exact values in
# JSON and Markdown, the JSON Schema, and an HTML page that a real browser
# engine prints on one A4 or Letter page and a strict HTML5 parser accepts.
source "$(dirname "$0")/lib.sh"
DB=$SCRATCH/data/default.db
SKIP=77 # tests/cli/CMakeLists.txt: CTest reports this exit code as skipped

day_of() { date -u -d "2026-09-04 + $1 days" +%F; }

# The morning pain of day $1 of the log: 5 falling to 1, a bad day every 9th.
severity_on() {
  local s=$((5 - ($1 * 4) / 83))
  [ $(($1 % 9)) -eq 4 ] && s=$((s + 1))
  echo "$s"
}

# run ARGS...: bc, which must succeed.
run() {
  bc "$@"
  [ "$RC" -eq 0 ] || fail "backcare $* exited $RC"
}

# A person 13 weeks after a vaginal birth on 2026-08-24, as of 2026-11-26:
# the report's default 12 weeks are 2026-09-04 to 2026-11-26. She logs her
# pain most mornings (5/10 falling to 2/10; 14 mornings missed), her pelvis
# some evenings in the first seven weeks, one note for the clinician and one
# not; a screening with no sign, one with leakage (answered no on 1 Nov) and
# one more with no sign before her next step up; sessions every Monday,
# Wednesday and Friday at the pain of that morning, one of them red (7/10
# during), two skipped (baby, time); and three PSFS ratings.
build_person() {
  run profile set --birth-date 2026-08-24 --delivery vaginal
  run screen --none --at 2026-09-05T09:00
  local i d s
  for i in $(seq 0 83); do
    [ $((i % 6)) -eq 5 ] && continue
    d=$(day_of "$i")
    s=$(severity_on "$i")
    run log add "$s" --at "${d}T07:30"
    if [ $((i % 10)) -eq 3 ] && [ "$i" -lt 50 ]; then
      run log add $((s + 1)) --at "${d}T19:00" --location pelvis
    fi
  done
  run log add 4 --at 2026-10-13T21:00 --location pubic --tag clinician --note "Sharp pain at the pubic bone when turning in bed"
  run log add 3 --at 2026-10-02T21:00 --tag night --note "bad night, baby teething"
  run screen --symptom leakage --at 2026-10-14T09:00
  run screen --none --at 2026-11-01T09:00
  run screen --none --at 2026-11-15T09:00
  run measure psfs "lift the car seat=2" "walk 30 minutes=4" "sleep on my side=3" --at 2026-09-07T20:00
  run measure psfs "lift the car seat=4" "walk 30 minutes=5" "sleep on my side=5" --at 2026-10-12T20:00
  run measure psfs "lift the car seat=7" "walk 30 minutes=6" "sleep on my side=7" --at 2026-11-23T20:00
  for i in $(seq 3 83); do
    d=$(day_of "$i")
    case $(date -u -d "$d" +%u) in 1 | 3 | 5) ;; *) continue ;; esac
    case $d in
      2026-10-21) run session skip --at "${d}T18:00" --reason baby ;;
      2026-11-06) run session skip --at "${d}T18:00" --reason time ;;
      2026-10-28) run session add --at "${d}T18:00" --pain-during 7 ;;
      *) run session add --at "${d}T18:00" --pain-during "$(severity_on "$i")" ;;
    esac
  done
}

# check_schema [FILE]: FILE (default stdout) is valid against docs/schema/report.schema.json.
check_schema() {
  "$PYTHON" "$SRC/tests/cli/check_schema.py" "$SRC/docs/schema/report.schema.json" "${1:-$OUT}" >"$SCRATCH/schema" 2>&1 \
    || { cat "$SCRATCH/schema"; fail "not valid against report.schema.json"; }
}

case_twelve_weeks_in_json() {
  build_person
  bc report --format json
  expect_rc 0
  check_schema
  json_check "d['since'] == '2026-09-04' and d['until'] == '2026-11-26' and d['as_of'] == '2026-11-26'"
  json_check "d['who'] == {'profile': 'default', 'birth_date': '2026-08-24', 'weeks_postpartum': 13, 'delivery': 'vaginal', 'pregnancy_back_pain': None, 'pain_since': '2026-09-04', 'pain_weeks': 11, 'pain_since_from': 'log'}"
  # Pain: now, best, worst, average, the two windows, the verdict and its band.
  json_check "d['pain']['now'] == {'severity': 2, 'at': '2026-11-25T07:30'}"
  json_check "d['pain']['best'] == {'severity': 2, 'times': 15, 'last_at': '2026-11-25T07:30', 'location': 'low-back'}"
  json_check "d['pain']['worst'] == {'severity': 7, 'times': 1, 'last_at': '2026-09-17T19:00', 'location': 'pelvis'}"
  json_check "(d['pain']['average'], d['pain']['entries'], d['pain']['days_logged'], d['pain']['days']) == (3.7, 76, 70, 84)"
  json_check "d['pain']['baseline'] == {'mean': 5.3, 'days': 6, 'first': '2026-09-04', 'last': '2026-09-10'}"
  json_check "d['pain']['important_change'] == {'points': 2.0, 'percent': 30.0, 'min_points': 1.0, 'needed_points': 1.6}"
  json_check "d['pain']['recent'] == {'mean': 2.0, 'days': 5, 'first': '2026-11-20', 'last': '2026-11-26'}"
  json_check "d['pain']['change'] == {'points': -3.3, 'percent': -61.9} and d['pain']['verdict'] == 'improved'"
  json_check "d['pain']['improvement_band'] == 'substantial' and d['pain']['slope_per_week'] == -0.3"
  json_check "[(l['location'], l['entries'], l['mean'], l['max']) for l in d['pain']['locations']] == [('low-back', 71, 3.6, 6), ('pelvis', 4, 5.5, 7), ('pubic', 1, 4.0, 4)]"
  json_check "len(d['pain']['weeks']) == 13 and d['pain']['weeks'][1] == {'start': '2026-09-07', 'entries': 7, 'mean': 5.3, 'min': 5, 'max': 6}"
  # Warning signs with their dates and advice; nothing in force today.
  json_check "[(s['at'], s['yes']) for s in d['screenings']] == [('2026-09-05T09:00', []), ('2026-10-14T09:00', ['leakage']), ('2026-11-01T09:00', []), ('2026-11-15T09:00', [])]"
  # Every sign and referral of the period: the pelvic pain of 7/10 on 17 Sep, the leakage until her no.
  json_check "[(e['rule'], e['sign'], e['start'], e['end'], e['ended_by']) for e in d['timeline']] == [('severe-pain', None, '2026-09-17', '2026-09-18', 'lapsed'), ('pelvic-floor-warning', 'leakage', '2026-10-14', '2026-11-01', 'no')]"
  json_check "[(a['id'], a['refer_to'], a['max_phase']) for a in d['screenings'][1]['advice']] == [('pelvic-floor-warning', 'pelvic-health physiotherapist', 3)]"
  json_check "d['triage'] == {'level': 'self-care', 'advice': []}"
  # The phase history, as plan replays it.
  json_check "[(h['date'], h['from'], h['to'], h['decision']) for h in d['phases']['history']] == [('2026-09-07', 0, 2, 'start'), ('2026-09-07', 2, 1, 'step-back'), ('2026-11-02', 1, 2, 'advance'), ('2026-11-18', 2, 3, 'advance')]"
  json_check "d['phases']['history'][3]['why'] == '6 sessions in phase 2 over 15 days, the last 2 green.'"
  json_check "d['phases']['history'][2]['why'] == '23 sessions in phase 1 over 55 days, the last 2 green.'"
  json_check "(d['phases']['current'], d['phases']['max_allowed'], d['phases']['note']) == (3, 4, '')"
  # Sessions week by week: adherence, skips and why, pain during and the next morning.
  json_check "(d['sessions']['done'], d['sessions']['skipped'], d['sessions']['planned_per_week']) == (33, 2, 3)"
  # Done against the plan of the phase that week: phase 1 is every day, phase 2 three days.
  json_check "[(w['start'], w['phase'], w['planned'], w['done'], w['skipped']) for w in d['sessions']['weeks']][::4] == [('2026-08-31', 0, 0, 0, 0), ('2026-09-28', 1, 7, 3, 0), ('2026-10-26', 1, 7, 3, 0), ('2026-11-23', 3, 2, 2, 0)]"
  json_check "[w['skip_reasons'] for w in d['sessions']['weeks'] if w['skipped']] == [{'baby': 1}, {'time': 1}]"
  json_check "d['sessions']['weeks'][8] == {'start': '2026-10-26', 'phase': 1, 'planned': 7, 'done': 3, 'skipped': 0, 'skip_reasons': {}, 'green': 1, 'amber': 0, 'red': 1, 'pending': 1, 'pain_during': {'mean': 4.3, 'max': 7}, 'next_morning': {'mean': 3.0, 'max': 3}}"
  json_check "sum(w['green'] for w in d['sessions']['weeks']) == 11 and sum(w['red'] for w in d['sessions']['weeks']) == 3"
  # PSFS against its minimal important change; only the note tagged for the clinician.
  json_check "[r['mean'] for r in d['psfs']['ratings']] == [3.0, 4.7, 6.7] and d['psfs']['change'] == 3.7 and d['psfs']['verdict'] == 'improved'"
  json_check "[(a['activity'], a['change'], a['important']) for a in d['psfs']['activity_changes']] == [('lift the car seat', 5, True), ('walk 30 minutes', 2, False), ('sleep on my side', 4, True)]"
  json_check "d['clinician_notes'] == [{'at': '2026-10-13T21:00', 'severity': 4, 'location': 'pubic', 'note': 'Sharp pain at the pubic bone when turning in bed'}]"
  json_check "d['disclaimer'].endswith('not a diagnosis.')"
  expect_no_out "teething"
  # The total planned is counted once over the range, as trend counts it.
  json_check "(d['sessions']['planned'], d['sessions']['adherence_percent']) == (67, 49)"
  bc trend --since 2026-09-04 --format json
  json_check "(d['sessions']['planned'], d['sessions']['done'], d['sessions']['adherence_percent']) == (67, 33, 49)"
}

case_phases_replay_the_screenings_as_plan_does() {
  run profile set --birth-date 2026-09-01
  local d
  for d in $(seq -w 2 25); do
    run log add 3 --at "2026-11-${d}T07:30"
  done
  for d in 02 04 06 09 11 13 16; do
    run session add --at "2026-11-${d}T18:00" --pain-during 2
  done
  # Leaking, saved afterwards for the 12th: the plan held from that day, so
  # the green session of the 16th moved nobody up.
  run screen --symptom leakage --at 2026-11-12T08:00
  bc plan --format json
  json_check '[(h["date"], h["to"]) for h in d["progression"]["history"]] == [("2026-11-02", 2)]'
  bc report --format json
  json_check '[(h["date"], h["to"]) for h in d["phases"]["history"]] == [("2026-11-02", 2)] and d["phases"]["current"] == 2'
}

case_twelve_weeks_in_markdown() {
  build_person
  bc report
  expect_rc 0
  expect_out "# Back pain after birth: report for default"
  expect_out "2026-09-04 to 2026-11-26 (12 weeks). A summary of the person's own records in backcare (pain diary, exercise sessions, warning-sign screenings, PSFS), not a diagnosis."
  expect_out "- Week 13 after a vaginal birth on 2026-08-24"
  expect_out "- Back pain in pregnancy: not recorded"
  expect_out "- Current pain episode since 2026-09-04 (11 weeks; from its first logged pain)"
  expect_out "- Now: 2/10 (2026-11-25 07:30)"
  expect_out "- Best 2/10 (15 entries, last 2026-11-25 07:30, low-back); worst 7/10 (1 entry, last 2026-09-17 19:00, pelvis)"
  expect_out "- Average 3.7/10 (mean of the daily means); 70 of 84 days logged (2026-09-04 to 2026-11-26), 76 entries"
  expect_out "- First week (2026-09-04 to 2026-09-10): 5.3/10 on 6 days; last 7 days (2026-11-20 to 2026-11-26): 2.0/10 on 5 days"
  expect_out "- Change -3.3 points (-61.9%): improved, a substantial improvement (50% or more). Important change: 2 points or 30% of the first week, never under 1 point (Ostelo 2008)"
  expect_out "- Slope -0.3 points a week (least squares over the daily means)"
  expect_out "| pelvis   |       4 |      5.5 |       7 |"
  expect_out "- Screenings: 2026-09-05 (no sign); 2026-10-14 (yes to leakage); 2026-11-01 (no sign); 2026-11-15 (no sign)"
  expect_out "- Sign leakage: Heaviness, leaking, or pain that gets worse with exercise (refer; pelvic-health physiotherapist), from 2026-10-14 to 2026-11-01, cleared by a no"
  expect_out "- No referral in force on 2026-11-26"
  # The leakage reported on 14 Oct held the plan until her no of 1 Nov: no advance until 2 Nov.
  expect_out "| 2026-11-02 | 2 (Activate)    | advance from 1   | 23 sessions in phase 1 over 55 days, the last 2 green.      |"
  expect_out "Phase on 2026-11-26: 3 (Strengthen); allowed up to 4."
  expect_out "| 2026-10-19 |     1 |  2/7 | 1 (baby) | 3.5 (4) |      3.0 (3) |                    1/1/0 |"
  expect_out "| 2026-10-26 |     1 |  3/7 | 0        | 4.3 (7) |      3.0 (3) |                 1/0/1 +1 |"
  expect_out "33 done of 67 planned (49%), 2 skipped; 11 green, 13 amber, 3 red, 6 pending (no next-morning entry)."
  expect_out "| lift the car seat |          2 |          4 |          7 |   +5 * |"
  expect_out "| Mean              |        3.0 |        4.7 |        6.7 | +3.7 * |"
  expect_out "Mean +3.7 points from 2026-09-07 to 2026-11-23: a meaningful improvement. * reaches the smallest change that matters: 2 points for the mean, 3 for one activity."
  expect_out "- 2026-10-13 21:00, pubic 4/10: Sharp pain at the pubic bone when turning in bed"
  expect_no_out "teething"
  expect_out "Made with backcare on 2026-11-26 from the person's own records; not a diagnosis."
}

# The HTML page parses as strict HTML5 (python3-html5lib), holds no script
# and no URL, and headless Chromium prints it on one Letter and one A4 page
# (counted by poppler's pdfinfo).
case_html_is_one_strict_self_contained_page() {
  build_person
  bc report --format html --output "$SCRATCH/report.html"
  expect_rc 0
  [ ! -s "$OUT" ] || fail "--output wrote to stdout"
  if grep -Eqi 'https?:|<script|\bsrc=|\bhref=|url\(|@import' "$SCRATCH/report.html"; then
    fail "the page loads or runs something: $(grep -Eoi 'https?:[^"]*|<script|src=|href=|url\(|@import' "$SCRATCH/report.html" | head -3)"
  fi
  grep -q '<svg' "$SCRATCH/report.html" || fail "no inline chart"
  grep -q '@page' "$SCRATCH/report.html" || fail "no print stylesheet"
  if ! "$PYTHON" -c "import html5lib" 2>/dev/null; then
    echo "SKIP: python3-html5lib is not installed (scripts/setup.sh installs it): the page was not parsed"
    exit $SKIP
  fi
  "$PYTHON" - "$SCRATCH/report.html" <<'PY' || fail "not strict HTML5"
import sys, html5lib
html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb").read())
PY
  local chromium
  chromium=$(command -v chromium || command -v chromium-browser || true)
  if [ -z "$chromium" ] || ! command -v pdfinfo >/dev/null; then
    echo "SKIP: chromium or pdfinfo (poppler-utils) is not installed (scripts/setup.sh installs them): the page count was not checked"
    exit $SKIP
  fi
  sed 's|<style>|<style>@page { size: A4; }|' "$SCRATCH/report.html" >"$SCRATCH/report-a4.html"
  local paper pages
  for paper in letter a4; do
    local page=$SCRATCH/report.html
    [ "$paper" = a4 ] && page=$SCRATCH/report-a4.html
    HOME=$SCRATCH timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --user-data-dir="$SCRATCH/chromium" --print-to-pdf="$SCRATCH/$paper.pdf" "$page" >/dev/null 2>&1 \
      || fail "chromium could not print the $paper page"
    pages=$(pdfinfo "$SCRATCH/$paper.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [ "$pages" = 1 ] || fail "the report prints on ${pages:-no} $paper pages, not 1"
    pdfinfo "$SCRATCH/$paper.pdf" | grep -qi "Page size:.*($paper)" || fail "chromium did not print on $paper"
  done
}

case_range_and_output() {
  build_person
  bc report --since 2026-10-01 --until 2026-10-31 --format json --output "$SCRATCH/october.json"
  expect_rc 0
  cp "$SCRATCH/october.json" "$OUT"
  check_schema
  json_check "(d['since'], d['until']) == ('2026-10-01', '2026-10-31') and len(d['sessions']['weeks']) == 5"
  json_check "d['pain']['baseline']['first'] == '2026-10-01' and d['pain']['recent']['last'] == '2026-10-31'"
  json_check "[r['date'] for r in d['psfs']['ratings']] == ['2026-10-12'] and d['psfs']['change'] is None"
  json_check "[(h['date'], h['decision']) for h in d['phases']['history']] == [('2026-09-07', 'step-back')]"
  json_check "d['phases']['current'] == 1 and d['sessions']['weeks'][0]['planned'] == 4" # Thursday to Sunday of a daily phase
  # An --until after today counts up to today; a range after today is refused.
  bc report --until 2027-01-01 --format json
  json_check "d['until'] == '2026-11-26'"
  bc report --since 2026-12-01
  expect_error 64 "--since 2026-12-01 is after today (2026-11-26)"
  bc report --since 2026-11-01 --until 2026-10-01
  expect_error 64 "--since 2026-11-01 is after --until 2026-10-01"
  bc report --format pdf
  expect_error 64 "--format must be one of markdown, html, json, got 'pdf'"
  bc report --output "$SCRATCH/no-such-folder/r.md"
  expect_rc 73
}

case_an_empty_log_and_a_sign_in_force() {
  bc report --format json
  expect_rc 0
  check_schema
  json_check "d['pain']['now'] is None and d['pain']['verdict'] == 'insufficient-data' and d['psfs'] is None and d['phases']['history'] == []"
  [ ! -e "$DB" ] || fail "a report created a database"
  bc report
  expect_out "- No pain entry in this period"
  expect_out "No exercise session in this period."
  # An urgent sign saved this week: said at the top of the page, with its advice.
  bc log add 5 --at 2026-11-20T08:00
  bc screen --symptom fever --at 2026-11-25T09:00
  bc report --format json --pregnancy-back-pain
  expect_rc 0
  check_schema
  json_check "d['triage']['level'] == 'urgent' and d['triage']['advice'][0]['id'] == 'possible-infection' and d['who']['pregnancy_back_pain'] is True"
  bc report --format html
  expect_out '<p class="alert">An urgent warning sign is in force on 2026-11-26'
}

case_an_emergency_day_replays_the_phases_as_plan_did() {
  # Week 3-5 after a caesarean: phase 2 opens at week 6 (2026-11-19), so six
  # green sessions before it keep her in phase 1, emergency or not.
  bc profile set --birth-date 2026-10-08 --delivery cesarean
  local d
  for d in 2026-10-29 2026-10-31 2026-11-02 2026-11-04 2026-11-06 2026-11-12; do
    "$BIN" --as-of "$d" --data-dir "$SCRATCH/data" log add 2 --at "${d}T08:00" >/dev/null
    # Saved the next morning, with that morning's pain.
    "$BIN" --as-of "$(date -u -d "$d + 1 day" +%F)" --data-dir "$SCRATCH/data" session add --at "${d}T18:00" \
      --pain-during 2 --next-morning 2 >/dev/null || fail "session add on $d"
  done
  "$BIN" --as-of 2026-11-13 --data-dir "$SCRATCH/data" report --format json >"$OUT" 2>"$ERR"
  json_check "[(h['date'], h['to']) for h in d['phases']['history']] == [('2026-10-29', 1)]"
  "$BIN" --as-of 2026-11-13 --data-dir "$SCRATCH/data" screen --symptom saddle-numbness >/dev/null
  "$BIN" --as-of 2026-11-13 --data-dir "$SCRATCH/data" report --format json >"$OUT" 2>"$ERR"
  json_check "[(h['date'], h['to']) for h in d['phases']['history']] == [('2026-10-29', 1)] and d['phases']['current'] is None"
  "$BIN" --as-of 2026-11-13 --data-dir "$SCRATCH/data" report >"$OUT" 2>"$ERR"
  expect_out "An urgent or emergency sign is in force; the phases are replayed from the sessions as the plan saw each day."
}

finish
