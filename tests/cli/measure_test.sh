# CLI tests of `backcare measure` (the PSFS) and of the PSFS in `trend`.
source "$(dirname "$0")/lib.sh"
DB=$SCRATCH/data/default.db

raw_sql() {
  "$PYTHON" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(*r) for r in c.execute(sys.argv[2])]; c.commit()" "$1" "$2"
}

# rate_three: the first rating and two later ones of the same activities.
rate_three() {
  bc measure psfs "lift the car seat=2" "walk 30 minutes=4" "sleep on my side=3" --at 2026-09-07T20:00
  expect_rc 0
  bc measure psfs "lift the car seat=4" "walk 30 minutes=5" "sleep on my side=5" --at 2026-10-12T20:00
  expect_rc 0
  bc measure psfs "sleep on my side=7" "Lift the car seat=7" "walk  30 minutes=6" --at 2026-11-23T20:00
  expect_rc 0
}

case_rate_and_list() {
  bc measure psfs "lift the car seat=2" "walk 30 minutes=4" "sleep on my side=3" --at 2026-09-07T20:00
  expect_rc 0
  expect_out "PSFS rating 1 saved (2026-09-07T20:00): mean 3.0/10. Rate the same activities again in a week or two"
  bc measure psfs "lift the car seat=4" "walk 30 minutes=5" "sleep on my side=5" --at 2026-10-12T20:00
  expect_out "PSFS rating 2 saved (2026-10-12T20:00): mean 4.7/10. PSFS mean 3.0 on 2026-09-07 to 4.7 on 2026-10-12: +1.7 points, less than the 2 points that matter"
  # Case and spaces aside, the names are those of the first rating, in its order.
  bc measure psfs "sleep on my side=7" "Lift the car seat=7" "walk  30 minutes=6"
  expect_out "PSFS rating 3 saved (2026-11-26T12:00): mean 6.7/10. PSFS mean 3.0 on 2026-09-07 to 6.7 on 2026-11-26: +3.7 points, a meaningful improvement"
  bc measure list
  expect_rc 0
  expect_out "    3  2026-11-26T12:00   6.7  lift the car seat 7, walk 30 minutes 6,"
  expect_width 80
  bc measure list --format json --since 2026-10-01
  json_check "[r['id'] for r in d] == [2, 3] and d[1]['scores'] == [{'activity': 'lift the car seat', 'score': 7}, {'activity': 'walk 30 minutes', 'score': 6}, {'activity': 'sleep on my side', 'score': 7}] and d[1]['mean'] == 6.7"
  bc measure list --format csv --until 2026-09-30
  [ "$(cat "$OUT")" = "$(printf 'id,at,activity,score,mean\r\n1,2026-09-07T20:00,lift the car seat,2,3.0\r\n1,2026-09-07T20:00,walk 30 minutes,4,3.0\r\n1,2026-09-07T20:00,sleep on my side,3,3.0\r')" ] \
    || fail "measure list --format csv"
}

case_empty() {
  bc measure list
  expect_rc 0
  expect_out "No PSFS ratings yet."
  [ ! -e "$DB" ] || fail "listing created a database"
  bc measure list --format json
  json_check "d == []"
}

case_a_typo_is_refused_and_changes_nothing() {
  rate_three
  local before
  before=$(raw_sql "$DB" "SELECT count(*) FROM psfs_rating")
  bc measure psfs "lift the car sear=8" "walk 30 minutes=7" "sleep on my side=7"
  expect_error 64 "'lift the car sear' is not one of your PSFS activities ('lift the car seat', 'walk 30 minutes', 'sleep on my side'); did you mean 'lift the car seat'? Rate the same activities each time; to start a new set of activities, add --new-activities"
  bc measure psfs "lift the car seat=8" "walk 30 minutes=7"
  expect_error 64 "ACTIVITY=SCORE: a PSFS rating has 3-5 activities, got 2"
  bc measure psfs "lift the car seat=8" "walk 30 minutes=7" "carry the buggy=5"
  expect_error 64 "'carry the buggy' is not one of your PSFS activities"
  bc measure psfs "lift the car seat=8" "walk 30 minutes=7" "sleep on my side=7" "carry the buggy=5"
  expect_error 64 "'carry the buggy' is not one of your PSFS activities"
  [ "$(raw_sql "$DB" "SELECT count(*) FROM psfs_rating")" = "$before" ] || fail "a refused rating changed the log"
  [ "$(raw_sql "$DB" "SELECT count(*) FROM change WHERE kind LIKE 'psfs%'")" = 3 ] || fail "a refused rating left a change"
}

case_bad_values() {
  bc measure psfs "lift the car seat=11" "walk=4" "sleep=3"
  expect_error 64 "ACTIVITY=SCORE: the score of 'lift the car seat' must be a whole number 0 (unable) to 10 (as before the problem), got '11'"
  bc measure psfs "lift the car seat" "walk=4" "sleep=3"
  expect_error 64 "ACTIVITY=SCORE: give each activity with its score 0-10"
  bc measure psfs "walk=4" "Walk=3" "sleep=3"
  expect_error 64 "activity 'Walk' is named twice"
  bc measure psfs "a=1" "b=2" "c=3" "d=4" "e=5" "f=6"
  expect_error 64 "a PSFS rating has 3-5 activities, got 6"
  bc measure psfs "$(printf 'x%.0s' $(seq 61))=4" "walk=4" "sleep=3"
  expect_error 64 "must be 1-60 characters"
  bc measure psfs "a=1" "b=2" "c=3" --at 2026-11-27
  expect_error 64 "--at 2026-11-27 is after today (2026-11-26)"
  bc measure psfs "a=1" "b=2" ""
  expect_error 64 "must not be empty"
  bc measure list --format xml
  expect_error 64 "--format must be one of text, json, csv, got 'xml'"
  [ ! -e "$DB" ] || fail "a refused rating created a database"
}

case_a_new_set_of_activities() {
  rate_three
  bc measure psfs "run 5 km=2" "carry the buggy=4" "swim=3" --new-activities
  expect_rc 0
  expect_out "PSFS rating 4 saved (2026-11-26T12:00): mean 3.0/10. Rate the same activities again"
  bc measure psfs "run 5 km=5" "carry the buggy=6" "swim=7"
  expect_out "PSFS mean 3.0 on 2026-11-26 to 6.0 on 2026-11-26: +3.0 points, a meaningful improvement (the smallest change that matters is 2 points for the mean, 3 for one activity). (3 earlier ratings of other activities not compared.)"
  bc measure psfs "run 5 km=5" "Carry the buggy=6" "swim=7" --new-activities
  expect_error 64 "--new-activities: these are the activities you rate already ('run 5 km', 'carry the buggy', 'swim'); leave --new-activities out to rate them again"
}

case_undo_export_import() {
  rate_three
  bc log undo
  expect_out "Undid: added PSFS rating 3 (2026-11-23T20:00, mean 6.7)."
  bc measure list --format json
  json_check "[r['id'] for r in d] == [1, 2]"
  bc measure psfs "lift the car seat=7" "walk 30 minutes=6" "sleep on my side=7" --at 2026-11-23T20:00
  bc measure export --output "$SCRATCH/psfs.json"
  expect_rc 0
  [ ! -s "$OUT" ] || fail "export --output wrote to stdout"
  bc --profile other measure import "$SCRATCH/psfs.json"
  expect_rc 0
  expect_out "Imported 3 PSFS ratings (0 already in the log)."
  bc --profile other measure import "$SCRATCH/psfs.json"
  expect_out "Imported 0 PSFS ratings (3 already in the log)."
  bc --profile other measure list --format json
  json_check "[r['mean'] for r in d] == [3.0, 4.7, 6.7] and d[2]['id'] == 3"
  bc --profile other log undo
  expect_out "Undid: imported 3 PSFS ratings."
  bc --profile other measure list --format json
  json_check "d == []"
}

case_a_bad_import_imports_nothing() {
  rate_three
  bc measure export --output "$SCRATCH/psfs.json"
  "$PYTHON" - "$SCRATCH/psfs.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d[1]["scores"][0]["score"] = 12
json.dump(d, open(sys.argv[1], "w"))
PY
  bc --profile other measure import "$SCRATCH/psfs.json"
  expect_error 65 "psfs.json: rating 2: the score of 'lift the car seat' must be 0-10, got 12; nothing was imported"
  bc --profile other measure list --format json
  json_check "d == []"
  bc measure import "$SCRATCH/missing.json"
  expect_error 66 "missing.json"
}

case_import_checks_the_activities_as_psfs_does() {
  rate_three
  bc measure export --output "$SCRATCH/psfs.json"
  "$PYTHON" - "$SCRATCH/psfs.json" "$SCRATCH/typo.json" "$SCRATCH/new-set.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
typo = dict(d[2], at="2026-11-24T20:00", scores=[dict(s) for s in d[2]["scores"]])
del typo["id"]
typo["scores"][1]["activity"] = "walk 30 minutess"
json.dump([typo], open(sys.argv[2], "w"))
new = dict(typo, scores=[{"activity": "climb stairs", "score": 3}, {"activity": "bath the baby", "score": 4},
                         {"activity": "run", "score": 2}])
json.dump([new], open(sys.argv[3], "w"))
PY
  bc measure import "$SCRATCH/typo.json"
  expect_error 65 "typo.json: rating 1 (2026-11-24T20:00): 'walk 30 minutess' is not one of your PSFS activities"
  expect_error 65 "did you mean 'walk 30 minutes'?"
  bc measure list --format json
  json_check "len(d) == 3"
  bc measure import "$SCRATCH/new-set.json"
  expect_rc 0
  expect_out "Imported 1 PSFS rating"
}

case_trend_shows_the_psfs() {
  bc log import "$SRC/tests/cli/data/trend.csv"
  bc trend --format json
  json_check "'psfs' not in d"
  bc trend
  expect_no_out "PSFS"
  rate_three
  bc trend --format json
  json_check "d['psfs']['change'] == 3.7 and d['psfs']['verdict'] == 'improved' and [r['mean'] for r in d['psfs']['ratings']] == [3.0, 4.7, 6.7]"
  json_check "d['psfs']['important_change'] == {'mean': 2.0, 'activity': 3} and [a['important'] for a in d['psfs']['activity_changes']] == [True, False, True]"
  "$PYTHON" "$SRC/tests/cli/check_schema.py" "$SRC/docs/schema/trend.schema.json" "$OUT" || fail "trend JSON with psfs is not valid"
  bc trend --since 2026-10-01
  expect_out "Function (PSFS: 0 unable to 10 as before, mean of your activities)"
  expect_out "  2026-10-12 4.7, 2026-11-23 6.7."
  expect_out "  PSFS mean 4.7 on 2026-10-12 to 6.7 on 2026-11-23: +2.0 points, a meaningful"
  expect_width 80
}

case_a_version_2_log_gets_the_psfs() {
  mkdir -p "$SCRATCH/data"
  # The version-2 schema as it shipped (sessions and screenings), with an
  # entry and its change.
  raw_sql "$DB" "CREATE TABLE entry (id INTEGER PRIMARY KEY, at TEXT NOT NULL, severity INTEGER NOT NULL, location TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', change_id INTEGER) STRICT" >/dev/null
  raw_sql "$DB" "CREATE TABLE profile (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT" >/dev/null
  raw_sql "$DB" "CREATE TABLE session (id INTEGER PRIMARY KEY, at TEXT NOT NULL, phase INTEGER NOT NULL, status TEXT NOT NULL, pain_during INTEGER, next_morning INTEGER, skipped_exercises TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', ceiling INTEGER NOT NULL DEFAULT 0, change_id INTEGER) STRICT" >/dev/null
  raw_sql "$DB" "CREATE TABLE screening (id INTEGER PRIMARY KEY, at TEXT NOT NULL, asked TEXT NOT NULL, yes TEXT NOT NULL DEFAULT '') STRICT" >/dev/null
  raw_sql "$DB" "CREATE TABLE change (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('add', 'edit', 'remove', 'import', 'session-add', 'session-edit', 'session-remove', 'session-import', 'screen')), summary TEXT NOT NULL, entry_id INTEGER, at TEXT, severity INTEGER, location TEXT, tags TEXT, note TEXT, before TEXT) STRICT" >/dev/null
  raw_sql "$DB" "INSERT INTO entry (at, severity, location) VALUES ('2026-11-20T08:00', 5, 'pelvis')" >/dev/null
  raw_sql "$DB" "INSERT INTO change (kind, summary, entry_id) VALUES ('add', 'added entry 1', 1)" >/dev/null
  raw_sql "$DB" "PRAGMA user_version = 2" >/dev/null
  chmod 600 "$DB"
  bc measure psfs "a=1" "b=2" "c=3"
  expect_rc 0
  [ "$(raw_sql "$DB" "PRAGMA user_version")" -gt 2 ] || fail "user_version was not bumped"
  bc log undo
  expect_out "Undid: added PSFS rating 1"
  bc log undo
  expect_out "Undid: added entry 1."
  bc log list --format json
  json_check "d == []"
}

finish
