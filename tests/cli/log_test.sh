# CLI tests of `backcare log` and `backcare profile`.
source "$(dirname "$0")/lib.sh"

DB=$SCRATCH/data/default.db

case_add_and_list() {
  bc log add 4 --at 2026-11-25T08:30 --location pelvis --tag night --note "after the car seat"
  expect_rc 0
  expect_out "Added entry 1 (2026-11-25T08:30, severity 4, mild)."
  bc log add 7
  expect_out "Added entry 2 (2026-11-26T12:00, severity 7, severe)."
  bc log add 2 --at 2026-11-20
  bc log list
  expect_rc 0
  expect_golden log_list.txt
  expect_width 80
  bc log list --since 2026-11-21 --until 2026-11-25 --format json
  json_check "[e['id'] for e in d] == [1] and d[0] == {'id': 1, 'at': '2026-11-25T08:30', 'severity': 4, 'location': 'pelvis', 'tags': ['night'], 'note': 'after the car seat'}"
}

case_empty_log() {
  bc log list
  expect_rc 0
  expect_out "No entries yet."
  [ ! -e "$DB" ] || fail "listing created a database"
  bc log list --format json
  json_check "d == []"
  bc log undo
  expect_out "Nothing to undo."
}

case_bad_input_changes_nothing() {
  bc log add 3 --at 2026-11-20T08:00
  cp "$DB" "$SCRATCH/before.db"
  bc log add 11
  expect_error 64 "SEVERITY must be 0-10, got 11"
  bc log add four
  expect_error 64 "SEVERITY must be a whole number 0-10, got 'four'"
  bc log add 3 --at 2026-02-30
  expect_error 64 "--at: 2026-02-30 is not a date (February 2026 has 28 days)"
  bc log add 3 --at 2026-11-20T25:00
  expect_error 64 "--at: 2026-11-20T25:00 is not a time of day (hours run 00-23)"
  bc log add 3 --at 2026-11-20T8:00
  expect_error 64 "--at must be YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, yesterday, -Nd (N days ago) or a weekday, got '2026-11-20T8:00'"
  bc log add 3 --at 2026-11-27T08:00
  expect_error 64 "--at 2026-11-27T08:00 is after today (2026-11-26)"
  bc log add 3 --location knee
  expect_error 64 "--location must be one of low-back, pelvis, sacroiliac, pubic, hip, other, got 'knee'"
  bc log edit 9 --severity 2
  expect_error 64 "no entry with id 9"
  bc log edit 1
  expect_error 64 "log edit: give at least one of --severity"
  bc log rm 9
  expect_error 64 "no entry with id 9"
  bc log edit 1 --severity 12
  expect_error 64 "--severity must be 0-10, got 12"
  bc log list --since 2026-11-25 --until 2026-11-01
  expect_error 64 "--since 2026-11-25 is after --until 2026-11-01"
  bc log list --format xml
  expect_error 64 "--format must be one of text, json, csv"
  bc log export --format json
  cp "$OUT" "$SCRATCH/after.json"
  [ "$("$PYTHON" -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$SCRATCH/after.json")" = 1 ] \
    || fail "the log changed"
}

case_impossible_dates_say_why() {
  bc log add 3 --at 2026-11-20T08:00
  bc log edit 1 --at 2026-06-31T08:00
  expect_error 64 "--at: 2026-06-31T08:00 is not a date (June 2026 has 30 days)"
  bc log list --since 2026-11-00
  expect_error 64 "--since: 2026-11-00 is not a date (there is no day 00)"
  bc session add --at 2026-11-20T18:75
  expect_error 64 "--at: 2026-11-20T18:75 is not a time of day (minutes run 00-59)"
  bc session list --until 2026-02-29
  expect_error 64 "--until: 2026-02-29 is not a date (February 2026 has 28 days)"
  bc measure psfs "walk=3" "sit=4" "lift=5" --at 2026-09-31
  expect_error 64 "--at: 2026-09-31 is not a date (September 2026 has 30 days)"
  bc screen --none --at 2026-11-20T24:00
  expect_error 64 "--at: 2026-11-20T24:00 is not a time of day (hours run 00-23)"
  bc profile set --pain-since 2025-02-29
  expect_error 64 "--pain-since: 2025-02-29 is not a date (February 2025 has 28 days)"
  bc log list --format json
  json_check "[(e['id'], e['at']) for e in d] == [(1, '2026-11-20T08:00')]"
}

case_edit_rm_undo() {
  bc log add 6 --at 2026-11-20T08:00 --note first
  bc log add 5 --at 2026-11-21T08:00
  bc log edit 1 --severity 3 --tag better --note "eased"
  expect_out "Edited entry 1 (2026-11-20T08:00, severity 3, mild)."
  bc log rm 2
  expect_out "Removed entry 2"
  bc log undo
  expect_out "Undid: removed entry 2 (2026-11-21T08:00, severity 5)."
  bc log undo
  expect_out "Undid: edited entry 1 (2026-11-20T08:00, severity 6)."
  bc log list --format json
  json_check "d[0]['severity'] == 6 and d[0]['note'] == 'first' and d[0]['tags'] == [] and len(d) == 2"
  bc log undo
  expect_out "Undid: added entry 2"
  bc log edit 1 --note ""
  bc log list --format json
  json_check "d[0]['note'] == '' and d[0]['severity'] == 6"
}

case_file_modes() {
  bc log add 3
  [ "$(stat -c %a "$SCRATCH/data")" = 700 ] || fail "data folder is not 0700"
  [ "$(stat -c %a "$DB")" = 600 ] || fail "database is not 0600"
  [ "$("$PYTHON" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode').fetchone()[0])" "$DB")" = wal ] \
    || fail "the log is not in WAL mode"
}

case_concurrent_adds_all_land() {
  bc log add 1 --at 2026-11-01T00:00
  local i
  for i in $(seq 1 40); do
    "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log add $((i % 11)) --at 2026-11-02T08:00 --note "run $i" \
      >/dev/null 2>>"$SCRATCH/errors" &
  done
  wait
  # A writer that waits long (a loaded machine) says so; only errors count.
  grep -v "^backcare: waiting for another backcare" "$SCRATCH/errors" >"$SCRATCH/real-errors"
  [ ! -s "$SCRATCH/real-errors" ] || { cat "$SCRATCH/real-errors"; fail "a concurrent add failed"; }
  bc log list --format json
  json_check "len(d) == 41 and len({e['note'] for e in d}) == 41"
}

case_csv_round_trip() {
  bc log add 5 --at 2026-11-01T08:00 --location sacroiliac --tag night --tag "=tag" \
     --note $'comma, "quotes"\nnew line, ünïcode and =SUM(A1)'
  bc log add 0 --at 2026-11-02 --note "-1 day"
  bc log add 9 --at 2026-11-03T22:15
  bc log export --output "$SCRATCH/log.csv"
  expect_rc 0
  grep -q "'=SUM" "$SCRATCH/log.csv" && fail "guard applied inside a note instead of at its start"
  grep -q "'-1 day" "$SCRATCH/log.csv" || fail "formula guard missing"
  head -1 "$SCRATCH/log.csv" | grep -q $'^id,at,severity,location,tags,note\r$' || fail "bad CSV header"
  bc --profile copy log import "$SCRATCH/log.csv"
  expect_out "Imported 3 entries (0 already in the log)."
  bc --profile copy log export --output "$SCRATCH/copy.csv"
  cmp -s "$SCRATCH/log.csv" "$SCRATCH/copy.csv" || fail "CSV round trip is not lossless"
  bc --profile copy log import "$SCRATCH/log.csv"
  expect_out "Imported 0 entries (3 already in the log)."
  bc --profile copy log undo
  expect_out "Undid: imported 3 entries."
  bc --profile copy log list --format json
  json_check "d == []"
}

case_json_round_trip() {
  bc log add 5 --at 2026-11-01T08:00 --tag a --note $'x\n"y"'
  bc log add 2 --at 2026-11-02T08:00
  bc log export --format json --output "$SCRATCH/log.json"
  bc --profile other log import "$SCRATCH/log.json"
  expect_out "Imported 2 entries"
  bc --profile other log export --format json
  cmp -s "$SCRATCH/log.json" "$OUT" || fail "JSON round trip is not lossless"
  bc --profile other log undo
  expect_out "Undid: imported 2 entries."
}

case_spreadsheet_import() {
  printf 'at,severity\r\n2026-11-01,4\r\n2026-11-02T07:30,3\r\n' >"$SCRATCH/sheet.csv"
  bc log import "$SCRATCH/sheet.csv"
  expect_out "Imported 2 entries"
  bc log list --format json
  json_check "[(e['at'], e['severity'], e['location']) for e in d] == [('2026-11-01T00:00', 4, 'low-back'), ('2026-11-02T07:30', 3, 'low-back')]"
}

case_failed_import_changes_nothing() {
  bc log add 3 --at 2026-11-20T08:00
  bc log export --output "$SCRATCH/before.csv"
  printf 'at,severity\n2026-11-01,4\n2026-11-02,5\n2026-11-03,eleven\n' >"$SCRATCH/bad.csv"
  bc log import "$SCRATCH/bad.csv"
  expect_error 65 "$SCRATCH/bad.csv:4:12: 'severity' must be a whole number 0-10, got 'eleven'; nothing was imported"
  printf '[{"at": "2026-11-01", "severity": 4}, {"at": "2026-11-01"}]' >"$SCRATCH/bad.json"
  bc log import "$SCRATCH/bad.json"
  expect_error 65 "entry 2: 'severity' must be a whole number 0-10"
  bc log import "$SCRATCH/none.csv"
  expect_error 66 "no such file"
  bc log export --output "$SCRATCH/after.csv"
  cmp -s "$SCRATCH/before.csv" "$SCRATCH/after.csv" || fail "a failed import changed the log"
  bc log undo
  expect_out "Undid: added entry 1"
}

case_import_error_names_the_column() {
  bc log add 3 --at 2026-11-20T08:00
  printf 'at,severity\n2026-03-02T08:00,12\n' >"$SCRATCH/bad.csv"
  bc log import "$SCRATCH/bad.csv"
  expect_error 65 "$SCRATCH/bad.csv:2:18: 'severity' must be a whole number 0-10, got '12'; nothing was imported"
  printf 'severity,location,at\n4,pelvis,2026-11-01\n5,"knee",2026-11-02\n' >"$SCRATCH/bad.csv"
  bc log import "$SCRATCH/bad.csv"
  expect_error 65 "$SCRATCH/bad.csv:3:3: 'location' must be one of low-back, pelvis, sacroiliac, pubic, hip, other, got 'knee'; nothing was imported"
  printf 'note,at,severity\n"two\nlines",2026-11-01,4\nok,2026-11-27,4\n' >"$SCRATCH/bad.csv"
  bc log import "$SCRATCH/bad.csv"
  expect_error 65 "$SCRATCH/bad.csv:4:4: 'at' 2026-11-27T00:00 is after today (2026-11-26); nothing was imported"
  printf 'at,severity,mood\n' >"$SCRATCH/bad.csv"
  bc log import "$SCRATCH/bad.csv"
  expect_error 65 "$SCRATCH/bad.csv:1:13: unknown column 'mood'"
  bc log list --format json
  json_check "[e['at'] for e in d] == ['2026-11-20T08:00']"
}

case_export_output_is_atomic() {
  bc log add 3
  bc log export --output "$SCRATCH/missing/log.csv"
  expect_error 73 "cannot write $SCRATCH/missing/log.csv"
  [ -z "$(ls -A "$SCRATCH" | grep '^\.')" ] || fail "a temporary file was left"
}

case_corrupt_database_is_untouched() {
  mkdir -p "$SCRATCH/data"
  head -c 8192 /dev/urandom >"$DB"
  cp "$DB" "$SCRATCH/copy"
  bc log add 3
  expect_error 74 "is not a backcare log or is damaged"
  bc log list
  expect_error 74 "it was left untouched"
  bc plan --weeks 10 --severity 3
  expect_error 74 "is not a backcare log"
  cmp -s "$DB" "$SCRATCH/copy" || fail "the corrupt file was changed"
  [ ! -e "$DB-wal" ] || fail "a WAL file was created"
}

case_newer_database_refused() {
  bc log add 3
  "$PYTHON" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 8'); c.commit()" "$DB"
  bc log list
  expect_error 74 "was written by a newer backcare (schema 8"
}

case_unusable_data_dir() {
  touch "$SCRATCH/file"
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/file/data" log add 3 >"$OUT" 2>"$ERR"
  RC=$?
  expect_error 74 "cannot create the data folder $SCRATCH/file/data"
}

case_read_only_data_folder() {
  # Root ignores file modes, so run backcare as 'nobody' when we are root.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    command -v setpriv >/dev/null || return 0
    as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
  bc log add 3
  chmod 0755 "$SCRATCH" "$SCRATCH/data"
  chmod 0444 "$DB"
  chmod 0555 "$SCRATCH/data"
  cp "$DB" "$SCRATCH/copy"
  "${as[@]}" "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log add 4 >"$OUT" 2>"$ERR"
  RC=$?
  expect_error 74 "cannot use the log $DB: backcare needs write access to the file and its folder"
  "${as[@]}" "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data/new" log add 4 >"$OUT" 2>"$ERR"
  RC=$?
  expect_error 74 "cannot create the data folder $SCRATCH/data/new: Permission denied"
  cmp -s "$DB" "$SCRATCH/copy" || fail "the read-only log changed"
  chmod 0755 "$SCRATCH/data"
}

case_data_dir_from_environment() {
  "$BIN" --as-of "$AS_OF" log add 3 >"$OUT" 2>"$ERR"
  [ -f "$XDG_DATA_HOME/backcare/default.db" ] || fail "the default data folder is not \$XDG_DATA_HOME/backcare"
  BACKCARE_DATA_DIR="$SCRATCH/env-data" "$BIN" --as-of "$AS_OF" log add 4 >"$OUT" 2>"$ERR"
  [ -f "$SCRATCH/env-data/default.db" ] || fail "BACKCARE_DATA_DIR was not used"
  BACKCARE_DATA_DIR="$SCRATCH/env-data" "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/flag-data" log add 5 >"$OUT" 2>"$ERR"
  [ -f "$SCRATCH/flag-data/default.db" ] || fail "--data-dir must win over BACKCARE_DATA_DIR"
}

case_profiles_stay_separate() {
  bc --profile anna log add 6 --at 2026-11-25T08:00
  bc --profile bea log add 2 --at 2026-11-25T08:00
  bc --profile anna profile set --birth-date 2026-09-01 --delivery cesarean
  bc --profile anna log list --format json
  json_check "[e['severity'] for e in d] == [6]"
  BACKCARE_PROFILE=bea bc log list --format json
  json_check "[e['severity'] for e in d] == [2]"
  bc --profile bea profile show
  expect_out "No details saved for profile 'bea'."
  bc --profile anna profile show
  expect_out "birth date: 2026-09-01"
  expect_out "delivery:   cesarean"
}

case_plan_uses_profile() {
  bc profile set --birth-date 2026-09-01 --delivery cesarean --posture high-hinge
  expect_rc 0
  bc plan --severity 4 --format json
  expect_rc 0
  json_check "d['input']['weeks_postpartum'] == 12 and d['input']['delivery'] == 'cesarean' and d['input']['birth_date'] == '2026-09-01'"
  json_check "d['input']['postures'] == ['high-hinge'] and d['inputs_from']['weeks_postpartum'] == 'profile birth date 2026-09-01'"
  json_check "d['inputs_from']['delivery'] == 'profile' and d['inputs_from']['severity'] == 'command line'"
  bc plan --severity 4 --weeks 3 --delivery vaginal --format json
  json_check "d['input']['weeks_postpartum'] == 3 and d['input']['delivery'] == 'vaginal'"
  bc plan --severity 4
  expect_out "From what you saved: week 12 after birth from your profile (birth"
  bc profile set --birth-date 2026-12-01
  expect_error 64 "--birth-date 2026-12-01 is after today"
  bc profile set
  expect_error 64 "give at least one of"
  bc profile clear
  bc plan --severity 4
  expect_error 64 "give --weeks N"
}

case_plan_uses_latest_log_entry() {
  bc log add 8 --at 2026-11-10T08:00
  bc plan --weeks 10
  expect_error 64 "give --severity N"
  bc log add 5 --at 2026-11-24T08:00
  bc plan --weeks 10 --format json
  expect_rc 0
  json_check "d['input']['severity'] == 5"
  bc plan --weeks 10 --severity 2 --format json
  json_check "d['input']['severity'] == 2"
}

case_logged_pain_never_moves_a_plan_up() {
  bc plan --weeks 20 --severity 2 --format json
  json_check "d['phase']['current'] == 2"
  bc log add 1 --at 2026-11-25T08:00
  bc log add 1 --at 2026-11-25T08:05
  bc plan --weeks 20 --format json
  json_check "d['phase'] == {'current': 2, 'max_allowed': 4} and d['input']['severity'] == 1"
}

case_not_in_the_future_is_checked_to_the_minute() {
  # Without --as-of, "now" is the clock's minute: a time later today is
  # refused (near midnight, it is tomorrow and refused as such).
  local later
  later=$(date -d '+2 minutes' +%Y-%m-%dT%H:%M)
  "$BIN" --data-dir "$SCRATCH/data" log add 3 --at "$later" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  expect_rc 64
  grep -qE -- "--at $later is (later than now|after today)" "$ERR" || fail "not refused as later than now"
  "$BIN" --data-dir "$SCRATCH/data" measure psfs "walk=3" "sit=4" "lift=5" --at "$later" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  expect_rc 64
  "$BIN" --data-dir "$SCRATCH/data" log add 3 --at "$(date -d '-2 minutes' +%Y-%m-%dT%H:%M)" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  expect_rc 0
  # With --as-of, any time of that day is fine.
  bc log add 3 --at 2026-11-26T23:59
  expect_rc 0
}

case_empty_values_after_an_equals_sign() {
  bc --profile= log add 3
  expect_error 64 "--profile must not be empty"
  bc log add 3 --at= --note x
  expect_error 64 "--at must not be empty"
  bc log add 3 --at 2026-11-20T08:00 --note "a note"
  bc log edit 1 --note=
  expect_rc 0
  bc log list --format json
  json_check "d[0]['note'] == ''"
  bc log edit 1 --note="again"
  bc log list --format json
  json_check "d[0]['note'] == 'again'"
}

case_csv_on_a_terminal_has_no_raw_escapes() {
  bc log add 3 --at 2026-11-20T08:00 --note $'\e[31mred\e[0m'
  bc session add --at 2026-11-20T18:00 --note $'\e[2Jclear'
  local command
  for command in "log list --format csv" "log export" "session list --format csv"; do
    script -qec "$BIN --as-of $AS_OF --data-dir $SCRATCH/data $command" /dev/null >"$OUT" 2>"$ERR" </dev/null
    ! grep -q $'\e' "$OUT" || fail "$command: an escape sequence reached the terminal"
    grep -qF '\x1b[' "$OUT" || fail "$command: the escape is not shown"
  done
  # A pipe or a file keeps the data as it is.
  bc log export
  grep -q $'\e\[31mred' "$OUT" || fail "the export to a file changed the note"
}

case_dates_stay_in_years_0001_to_9999() {
  bc log add 3 --at 0000-01-01T08:00
  expect_error 64 "--at: 0000-01-01T08:00 is not a date (years run 0001-9999)"
  printf 'at,severity\n2026-11-01,4\n0000-06-01,4\n' >"$SCRATCH/year0.csv"
  bc log import "$SCRATCH/year0.csv"
  expect_rc 65
  grep -qF "year0.csv:3:" "$ERR" || fail "the import error does not name the row"
  bc measure psfs "walk=3" "sit=4" "lift=5" --at 0000-01-01
  expect_error 64 "years run 0001-9999"
  "$BIN" --as-of 9999-12-31 --data-dir "$SCRATCH/data" plan --weeks 10 --severity 3 --format json >"$OUT" 2>"$ERR"
  RC=$?
  expect_error 64 "--as-of 9999-12-31 is too late: it must be 9999-09-01 or earlier"
  "$BIN" --as-of 9999-09-01 --data-dir "$SCRATCH/data" plan --weeks 10 --severity 3 --weeks-ahead 12 --format json \
    >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 0
  ! grep -q '10000-' "$OUT" || fail "a date after 9999 was written"
}

case_import_errors_show_nul_bytes_and_utf16() {
  printf 'at,severity\n2026-11-01,3\0x\n' >"$SCRATCH/nul.csv"
  bc log import "$SCRATCH/nul.csv"
  expect_error 65 "nul.csv:2:12: 'severity' must be a whole number 0-10, got '3\\x00x'; nothing was imported"
  printf '\xff\xfea\x00t\x00,\x00s\x00\n\x00' >"$SCRATCH/utf16.csv"
  bc log import "$SCRATCH/utf16.csv"
  expect_error 65 "utf16.csv:1:1: the file is UTF-16; save it as UTF-8"
}

finish
