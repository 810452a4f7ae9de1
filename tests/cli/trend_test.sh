# CLI tests of `backcare trend`.
source "$(dirname "$0")/lib.sh"

# A log of 50 entries from 2026-10-01 to 2026-11-25, falling from 7 to 0,
# for a person who gave birth on 2026-09-01.
load() {
  bc log import "$SRC/tests/cli/data/trend.csv"
  expect_rc 0
  bc profile set --birth-date 2026-09-01
}

case_text_golden() {
  load
  LANG=C.UTF-8 LC_ALL= bc trend
  expect_rc 0
  expect_golden trend_week.txt
  expect_width 80
}

case_text_ascii_fallback() {
  load
  LANG=C LC_ALL= bc trend --by month
  expect_rc 0
  expect_golden trend_month_ascii.txt
  LC_ALL=C "$PYTHON" -c "import sys; sys.exit(0 if all(b < 128 for b in open(sys.argv[1], 'rb').read()) else 1)" "$OUT" \
    || fail "non-ASCII output in the C locale"
}

case_json_golden() {
  load
  bc trend --format json
  expect_rc 0
  expect_golden trend.json
  json_check "list(d)[:12] == ['schema_version','as_of','entries','first','last','periods','baseline','recent','change','verdict','slope_per_week','flags']"
  json_check "d['verdict'] == 'improved' and d['entries'] == 50 and d['periods'][0]['start'] == '2026-09-28'"
  json_check "d['baseline'] == {'mean': 6.8, 'days': 6, 'first': '2026-10-01', 'last': '2026-10-07'}"
}

case_csv_golden() {
  load
  bc trend --format csv --by month
  expect_rc 0
  expect_golden trend_month.csv
}

case_svg_is_valid_xml() {
  load
  bc trend --format svg --output "$SCRATCH/chart.svg"
  expect_rc 0
  xmllint --noout "$SCRATCH/chart.svg" || fail "the SVG is not well-formed XML"
  grep -q "<title>Back pain from 2026-10-01 to 2026-11-25</title>" "$SCRATCH/chart.svg" || fail "no title"
  grep -q "Pain (0-10)" "$SCRATCH/chart.svg" || fail "no y axis label"
  grep -q "clinically important improvement" "$SCRATCH/chart.svg" || fail "no threshold legend"
  [ "$(grep -c '<circle cx' "$SCRATCH/chart.svg")" -eq 43 ] || fail "expected 42 daily points and 1 legend marker"
  ! grep -qiE "<script|href=|xlink" "$SCRATCH/chart.svg" || fail "scripts or external references in the SVG"
}

case_svg_one_week_and_three_years() {
  bc log add 4 --at 2026-11-20
  bc log add 3 --at 2026-11-22
  bc trend --format svg
  xmllint --noout "$OUT" || fail "one-week SVG is not well-formed"
  "$PYTHON" - "$SCRATCH/years.csv" <<'PY'
import sys, datetime
with open(sys.argv[1], "w") as f:
    f.write("at,severity\n")
    d = datetime.date(2023, 11, 27)
    while d <= datetime.date(2026, 11, 26):
        f.write(f"{d},{(d.toordinal() % 7)}\n")
        d += datetime.timedelta(days=1)
PY
  bc --profile years log import "$SCRATCH/years.csv"
  bc --profile years trend --format svg --by month
  xmllint --noout "$OUT" || fail "three-year SVG is not well-formed"
  bc --profile years trend --by month
  expect_width 80
}

case_filters_and_errors() {
  load
  bc trend --since 2026-11-01 --until 2026-11-10 --format json
  json_check "d['first'] == '2026-11-01' and d['last'] <= '2026-11-10' and d['verdict'] == 'insufficient-data'"
  bc trend --by day --format json
  json_check "len(d['periods']) == d['days_logged'] == 42 and d['days_in_range'] == 56 and d['by'] == 'day'"
  json_check "{k: v for k, v in d['periods'][0].items() if k != 'sessions'} == {'start': '2026-10-01', 'entries': 2, 'mean': 6.5, 'min': 6, 'max': 7}"
  bc trend --since 2026-11-10 --until 2026-11-01
  expect_error 64 "--since 2026-11-10 is after --until 2026-11-01"
  bc trend --by year
  expect_error 64 "--by must be one of day, week, month, got 'year'"
  bc trend --format pdf
  expect_error 64 "--format must be one of text, json, csv, svg"
  bc trend --since 2026-13-01
  expect_error 64 "--since: 2026-13-01 is not a date (there is no month 13)"
  bc trend --until 2026-04-31
  expect_error 64 "--until: 2026-04-31 is not a date (April 2026 has 30 days)"
  bc trend --since 2026-11
  expect_error 64 "--since must be a date as YYYY-MM-DD, today, yesterday, -Nd (N days ago) or a weekday, got '2026-11'"
}

case_a_since_after_today_is_refused_everywhere() {
  bc log add 4 --at 2026-11-20T08:00
  for command in trend report "log list" "log export" "session list" "measure list"; do
    # shellcheck disable=SC2086 # the command is two words
    bc $command --since 2026-11-27
    expect_error 64 "--since 2026-11-27 is after today (2026-11-26)"
    bc $command --since 2026-12-01 --until 2026-12-31
    expect_error 64 "--since 2026-12-01 is after today (2026-11-26)"
  done
  bc trend --since 2026-11-26 --format json
  expect_rc 0
  json_check "d['periods'] == []"
  bc trend --since 2026-11-20 --until 2026-12-31 --format json
  expect_rc 0
  json_check "[p['entries'] for p in d['periods']] == [1]"
  bc log list --since 2026-11-20 --until 2027-01-01 --format json
  json_check "[e['id'] for e in d] == [1]"
}

case_empty_log() {
  bc trend
  expect_rc 0
  expect_out "No entries in this range yet."
  bc trend --format json
  expect_rc 0
  json_check "d['entries'] == 0 and d['first'] is None and d['periods'] == [] and d['verdict'] == 'insufficient-data'"
  bc trend --format svg
  xmllint --noout "$OUT" || fail "empty SVG is not well-formed"
}

case_worse_flag() {
  printf 'at,severity\n2026-11-01,2\n2026-11-02,2\n2026-11-03,2\n2026-11-24,6\n2026-11-25,5\n2026-11-26,6\n' \
    >"$SCRATCH/worse.csv"
  bc log import "$SCRATCH/worse.csv"
  bc trend --format json
  json_check "d['verdict'] == 'worse' and 'pain-getting-worse' in [f['id'] for f in d['flags']]"
  json_check "d['change'] == {'points': 3.7, 'percent': 183.3}"
  # plan judges the same log the same way: a refer rule, and the plan holds.
  bc plan --weeks 20 --format json
  expect_rc 0
  json_check "'pain-getting-worse' in [r['id'] for r in d['triage']['rules']] and d['input']['trend_verdict'] == 'worse'"
  json_check "d['progression']['decision'] == 'hold' and d['phase']['current'] == 2"
}

# A realistic month for a person who gave birth on 2026-09-01: a pain entry
# each morning at 07:00 from Thu 2026-10-22 (week 7) to Thu 2026-11-26,
# falling from 5 to 1, with a flare of 5 on the morning of 2026-11-15; and
# from Tue 2026-10-27 exercise sessions about three times a week: 13 done
# (10 green, 1 amber, 1 red, 1 pending) and 1 skipped. The plan is then at
# phase 2, 3 session days a week.
load_month() {
  "$PYTHON" - "$SCRATCH/month.csv" <<'PY'
import sys, datetime
pain = [5, 5, 4, 5, 4,                      # 10-22 .. 10-26, before any session
        4, 4, 4, 3, 4, 3, 3, 3, 3, 3, 2,    # 10-27 .. 11-06
        2, 3, 2, 2, 2, 2, 3, 2, 5, 4,       # 11-07 .. 11-16
        3, 2, 2, 2, 2, 1, 1, 1, 1, 1]       # 11-17 .. 11-26
with open(sys.argv[1], "w") as f:
    f.write("at,severity\n")
    for i, severity in enumerate(pain):
        f.write(f"{datetime.date(2026, 10, 22) + datetime.timedelta(days=i)}T07:00,{severity}\n")
PY
  bc log import "$SCRATCH/month.csv"
  expect_rc 0
  bc profile set --birth-date 2026-09-01
  expect_rc 0
  # Her answers of Sun 8 Nov let her move up to phase 3 on the 10th.
  bc screen --none --at 2026-11-08T08:00
  expect_rc 0
  # Date, pain during. The next morning comes from the log's 07:00 entry:
  # 10-27 amber (4 the next morning), 11-14 red (7 during it), 11-26 pending.
  local session
  for session in 2026-10-27T18:00=3 2026-10-29T18:00=3 2026-11-02T18:00=2 2026-11-04T18:00=2 \
    2026-11-06T18:00=2 2026-11-10T18:00=2 2026-11-12T18:00=3 2026-11-14T18:00=7 2026-11-16T18:00=2 \
    2026-11-20T18:00=2 2026-11-23T18:00=1 2026-11-25T18:00=1 2026-11-26T08:00=2; do
    bc session add --at "${session%=*}" --pain-during "${session#*=}"
    [ "$RC" -eq 0 ] || fail "session add --at ${session%=*} exited $RC"
  done
  bc session skip --at 2026-11-09T18:00 --reason baby
  expect_rc 0
}

case_sessions_json() {
  load_month
  bc trend --format json
  expect_rc 0
  json_check "d['entries'] == 36 and d['verdict'] == 'improved'"
  json_check "d['sessions'] == {'done': 13, 'skipped': 1, 'green': 10, 'amber': 1, 'red': 1, 'pending': 1, 'planned': 14, 'adherence_percent': 93, 'mean_pain_during': 2.5, 'from': '2026-10-27', 'until': '2026-11-26', 'days_per_week': 3, 'last_28_days_percent': 92}"
  json_check "[p['start'] for p in d['periods']] == ['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']"
  # Before the first session nothing was planned.
  json_check "d['periods'][0]['sessions'] == {'done': 0, 'skipped': 0, 'green': 0, 'amber': 0, 'red': 0, 'pending': 0, 'planned': 0, 'adherence_percent': None, 'mean_pain_during': None}"
  # From Tue 10-27: 6 days of that week, 3 planned.
  json_check "d['periods'][1]['sessions'] == {'done': 2, 'skipped': 0, 'green': 1, 'amber': 1, 'red': 0, 'pending': 0, 'planned': 3, 'adherence_percent': 67, 'mean_pain_during': 3.0}"
  json_check "d['periods'][3]['sessions'] == {'done': 3, 'skipped': 1, 'green': 2, 'amber': 0, 'red': 1, 'pending': 0, 'planned': 3, 'adherence_percent': 100, 'mean_pain_during': 4.0}"
  # The week of today: Mon to Thu, 2 planned; 3 done is still 100%.
  json_check "d['periods'][5]['sessions'] == {'done': 3, 'skipped': 0, 'green': 2, 'amber': 0, 'red': 0, 'pending': 1, 'planned': 2, 'adherence_percent': 100, 'mean_pain_during': 1.3}"
  # The pain figures do not move: the week of 11-09 is 2,2,2,2,3,2,5.
  json_check "{k: d['periods'][3][k] for k in ('entries', 'mean', 'min', 'max')} == {'entries': 7, 'mean': 2.6, 'min': 2, 'max': 5}"
  "$PYTHON" "$SRC/tests/cli/check_schema.py" "$SRC/docs/schema/trend.schema.json" "$OUT" >"$SCRATCH/schema" 2>&1 \
    || { cat "$SCRATCH/schema"; fail "not valid against trend.schema.json"; }
  # The schema checks the sessions too: an adherence without a plan is refused.
  "$PYTHON" -c "import json,sys; d=json.load(open(sys.argv[1])); d['periods'][1]['sessions']['planned']=None; json.dump(d, open(sys.argv[2],'w'))" \
    "$OUT" "$SCRATCH/bad.json"
  local rc=0
  "$PYTHON" "$SRC/tests/cli/check_schema.py" "$SRC/docs/schema/trend.schema.json" "$SCRATCH/bad.json" >/dev/null 2>&1 \
    || rc=$?
  [ "$rc" -eq 1 ] || fail "the schema should refuse an adherence_percent without planned (exit 1), got exit $rc"
  # plan counts the same 28 days the same way.
  bc plan --format json
  expect_rc 0
  json_check "d['adherence']['last_28_days_percent'] == 92 and d['phase']['current'] == 2"
}

case_sessions_text() {
  load_month
  LANG=C.UTF-8 LC_ALL= bc trend
  expect_rc 0
  expect_width 80
  expect_no_out "not in the table"
  expect_para "Sessions: 13 done (10 green, 1 amber, 1 red, 1 pending), 1 skipped; pain during them 2.5 on average; 13 of 14 planned (3 a week from 2026-10-27), 93%; 92% of planned in the last 28 days."
  grep -qE '^Week of     entries  mean  min  max  sessions$' "$OUT" || fail "no sessions column"
  grep -qE '^2026-10-19        4   4\.8    4    5         -  ' "$OUT" || fail "week before the sessions"
  grep -qE '^2026-10-26        7   3\.7    3    4    2 of 3  ' "$OUT" || fail "first week of sessions"
  grep -qE '^2026-11-23        4   1\.0    1    1    3 of 2  ' "$OUT" || fail "this week"
  # One letter under each session day, the last 36 days from 10-22.
  grep -qxF '     a g   g g g  sg g r g   g  g gp' "$OUT" || fail "no session row under the daily values"
  expect_out "Sessions under their day: g green, a amber, r red, p pending, s skipped."
  # By month, in ASCII: the column still fits.
  LANG=C LC_ALL= bc trend --by month
  expect_width 80
  grep -qE '^2026-11-01       26   2\.3    1    5  11 of 12  ' "$OUT" || fail "November in the month table"
  # plan's 28-day figure counts from 2026-10-30: shown beside a range that
  # counts other days, left out when the range counts the same ones.
  bc trend --since 2026-11-09
  expect_para "8 of 8 planned (3 a week from 2026-11-09), 100%; 92% of planned in the last 28 days."
  bc trend --since 2026-10-30
  expect_para "11 of 12 planned (3 a week from 2026-10-30), 92%."
  expect_no_out "in the last 28 days"
}

case_sessions_on_weeks_without_pain_entries() {
  load_month
  # No pain logged in the week of 11-16: its two sessions have no row, and
  # the next mornings of 11-16 and 11-20 are no longer known.
  bc log list --since 2026-11-16 --until 2026-11-22 --format json
  local id
  for id in $("$PYTHON" -c "import json,sys; print(' '.join(str(e['id']) for e in json.load(open(sys.argv[1]))))" "$OUT"); do
    bc log rm "$id"
  done
  bc trend --format json
  json_check "[p['start'] for p in d['periods']] == ['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-23']"
  json_check "sum(p['sessions']['done'] for p in d['periods']) == 11 and d['sessions']['done'] == 13"
  json_check "d['sessions']['pending'] == 3 and d['sessions']['planned'] == 14"
  LANG=C.UTF-8 LC_ALL= bc trend
  expect_width 80
  expect_para "2 sessions fall on weeks without a pain entry, so not in the table (the totals above count them)."
  grep -qxF '     a g   g g g  sg g r p   p  g gp' "$OUT" || fail "the session row keeps the days without entries"
}

case_sessions_csv_and_range() {
  load_month
  bc trend --format csv --by month
  expect_rc 0
  [ "$(head -1 "$OUT")" = $'start,entries,mean,min,max,sessions_done,sessions_skipped,sessions_red,adherence_percent\r' ] \
    || fail "CSV header"
  grep -qxF $'2026-10-01,10,4.2,3,5,2,0,0,67\r' "$OUT" || fail "October row"
  grep -qxF $'2026-11-01,26,2.3,1,5,11,1,1,92\r' "$OUT" || fail "November row"
  bc trend --by day --format csv --since 2026-11-14 --until 2026-11-15
  grep -qxF $'2026-11-14,1,2.0,2,2,1,0,1,\r' "$OUT" || fail "a day has no adherence"
  # --since and --until keep only the sessions in the range.
  bc trend --since 2026-11-09 --until 2026-11-15 --format json
  expect_rc 0
  json_check "d['sessions'] == {'done': 3, 'skipped': 1, 'green': 2, 'amber': 0, 'red': 1, 'pending': 0, 'planned': 3, 'adherence_percent': 100, 'mean_pain_during': 4.0, 'from': '2026-11-09', 'until': '2026-11-15', 'days_per_week': 3, 'last_28_days_percent': 92}"
  json_check "len(d['periods']) == 1 and d['periods'][0]['sessions']['done'] == 3"
}

case_sessions_svg() {
  load_month
  bc trend --format svg --output "$SCRATCH/chart.svg"
  expect_rc 0
  xmllint --noout "$SCRATCH/chart.svg" || fail "the SVG is not well-formed XML"
  [ "$(grep -c '<path class="session ' "$SCRATCH/chart.svg")" -eq 14 ] || fail "expected one mark per session (14)"
  [ "$(grep -c '<path class="session green"' "$SCRATCH/chart.svg")" -eq 10 ] || fail "expected 10 green marks"
  [ "$(grep -c '<path class="session skipped"' "$SCRATCH/chart.svg")" -eq 1 ] || fail "expected 1 hollow mark"
  grep -qF '<title>2026-11-14 18:00: session done in phase 3, pain 7/10 during it, 5/10 the next morning: red</title>' \
    "$SCRATCH/chart.svg" || fail "no title on the red mark"
  grep -qF '<title>2026-11-09 18:00: session skipped (baby)</title>' "$SCRATCH/chart.svg" || fail "no title on the skip"
  grep -qF '>pending</text>' "$SCRATCH/chart.svg" || fail "no legend for the marks"
  [ "$(grep -c '<circle cx' "$SCRATCH/chart.svg")" -eq 37 ] || fail "expected 36 daily points and 1 legend marker"
  ! grep -qiE "<script|href=|xlink" "$SCRATCH/chart.svg" || fail "scripts or external references in the SVG"
}

case_sessions_without_a_plan() {
  load_month
  # Without a birth date no plan can be made, so nothing is "planned".
  bc profile clear
  bc trend --format json
  expect_rc 0
  json_check "d['sessions']['done'] == 13 and d['sessions']['planned'] is None and d['sessions']['adherence_percent'] is None"
  json_check "d['sessions']['days_per_week'] is None and d['sessions']['last_28_days_percent'] is None"
  json_check "all(p['sessions']['planned'] is None for p in d['periods'])"
  bc trend
  expect_para "Sessions: 13 done (10 green, 1 amber, 1 red, 1 pending), 1 skipped; pain during them 2.5 on average."
  expect_no_out "planned"
  grep -qE '^2026-10-26        7   3\.7    3    4    2 done  ' "$OUT" || fail "done without planned"
}

case_no_sessions_no_session_text() {
  load
  bc trend
  expect_no_out "Sessions"
  expect_no_out "sessions"
  bc trend --format json
  json_check "d['sessions']['done'] == 0 and d['sessions']['from'] is None and d['sessions']['adherence_percent'] is None"
  json_check "all(p['sessions']['done'] == 0 and p['sessions']['planned'] == 0 for p in d['periods'])"
}

case_the_command_word_comes_after_global_options_and_their_values() {
  # Only the named subcommand is set up: the command is the first word that
  # is neither an option nor a global option's value, in both forms.
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" --profile plan log add 4 --at 2026-11-20T08:00 >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 0
  "$BIN" --as-of="$AS_OF" --data-dir="$SCRATCH/data" --profile plan trend --format json >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 0
  json_check "d['entries'] == 1"
  [ -f "$SCRATCH/data/plan.db" ] || fail "profile 'plan' was not used"
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" tredn >"$OUT" 2>"$ERR"
  RC=$?
  expect_error 64 "unknown command 'tredn'; did you mean 'trend'?"
}

case_a_worse_log_gone_quiet_is_still_said() {
  local d
  for d in 01 02 03; do bc log add 2 --at "2026-11-${d}T08:00"; done
  for d in 14 15 16; do bc log add 6 --at "2026-11-${d}T08:00"; done
  bc trend --format json
  json_check "d['verdict'] == 'insufficient-data'"
  bc trend
  expect_para "When you last logged your pain, on Mon 16 Nov, it was getting worse, and nothing has been logged since."
  bc plan --weeks 20 --severity 3
  expect_para "When you last logged your pain, on Mon 16 Nov, it was getting worse"
  bc plan --weeks 20 --severity 3 --format markdown
  expect_para "When you last logged your pain, on Mon 16 Nov, it was getting worse"
  bc report
  expect_out "- Getting worse up to the last entry, on 2026-11-16, with nothing logged since"
  # Logged again: a verdict, and nothing more to say.
  bc log add 2
  bc trend
  expect_no_out "When you last logged"
}

finish
