# CLI tests of `backcare session` and the closed loop: sessions move the plan
# up one phase at a time, a red one steps it back, and plan, trend and the
# session list judge the same data.
source "$(dirname "$0")/lib.sh"
DB=$SCRATCH/data/default.db

# bc_on DATE ARGS...: runs backcare as if today were DATE.
bc_on() {
  local day=$1
  shift
  "$BIN" --as-of "$day" --data-dir "$SCRATCH/data" "$@" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
}

raw_sql() {
  "$PYTHON" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(*r) for r in c.execute(sys.argv[2])]; c.commit()" "$1" "$2"
}

# A person 9 weeks after a vaginal birth on 2026-09-01 who logs her pain
# each morning at 07:30 (3/10) from 2026-11-02 to 2026-11-25.
setup_person() {
  bc_on 2026-11-01 profile set --birth-date 2026-09-01
  local d
  for d in $(seq -w 2 25); do
    bc_on "2026-11-$d" log add 3 --at "2026-11-${d}T07:30"
  done
}

case_a_month_moves_up_one_phase_then_steps_back() {
  setup_person
  local d
  for d in 02 04 06 09 11 13; do
    bc_on "2026-11-$d" session add --at "2026-11-${d}T18:00" --pain-during 2
    expect_rc 0
  done
  expect_out "Green: 2/10 during, 3/10 the next morning. Well done."
  # Six green sessions over 12 days: not yet (14 days are needed).
  bc_on 2026-11-15 plan --format json
  json_check 'd["phase"]["current"] == 2 and d["progression"]["sessions_in_phase"] == 6'
  json_check 'd["progression"]["decision"] == "hold" and any("Keep going until at least Sun 15 Nov" in x for x in d["progression"]["to_move_on"])'
  # Moving up needs this week's answers to the warning-sign questions.
  bc_on 2026-11-15 screen --none --at 2026-11-15T09:00
  bc_on 2026-11-16 session add --at 2026-11-16T18:00 --pain-during 2
  expect_out "You have mastered the phase: your next plan is phase 3."
  bc_on 2026-11-17 plan --format json
  json_check 'd["phase"]["current"] == 3 and d["progression"]["decision"] == "advance"'
  json_check 'd["progression"]["since"] == "2026-11-16" and d["progression"]["sessions_in_phase"] == 0'
  json_check '[h["to"] for h in d["progression"]["history"]] == [2, 3]'
  # A red session (7/10 during) steps back one phase at once.
  bc_on 2026-11-18 session add --at 2026-11-18T18:00 --pain-during 7
  expect_out "Red: pain 7/10 during it, above 5. That was too much;"
  expect_out "the plan goes back to phase 2"
  bc_on 2026-11-19 plan --format json
  json_check 'd["phase"]["current"] == 2 and d["progression"]["decision"] == "step-back"'
  json_check '"Back to phase 2 on Wed 18 Nov: that session was red (pain 7/10 during it, above 5)." in d["progression"]["reasons"][0]'
  bc_on 2026-11-19 plan
  expect_out "Back to phase 2 on Wed 18 Nov: that session was red"
  # The session list judges the same sessions.
  bc_on 2026-11-19 session list --format json
  json_check '[s["outcome"] for s in d] == ["green"] * 7 + ["red"] and [s["phase"] for s in d] == [2] * 7 + [3]'
}

case_session_add_says_what_plan_will_say() {
  setup_person
  local d
  for d in 02 04 06 09 11; do
    bc_on "2026-11-$d" session add --at "2026-11-${d}T18:00" --pain-during 2
  done
  # Leaking reported on the 12th holds the plan for 7 days: the phase is
  # mastered, but nobody moves up while the sign is in force.
  bc_on 2026-11-12 screen --symptom leakage --at 2026-11-12T08:00
  bc_on 2026-11-13 session add --at 2026-11-13T18:00 --pain-during 2
  bc_on 2026-11-16 session add --at 2026-11-16T18:00 --pain-during 2
  expect_no_out "You have mastered the phase"
  # A red session steps back from where the plan is (2), not from where a
  # replay without the hold would be (3).
  bc_on 2026-11-18 session add --at 2026-11-18T18:00 --pain-during 7
  expect_out "the plan goes back to phase 1 for the next sessions."
  bc_on 2026-11-19 plan --format json
  json_check 'd["phase"]["current"] == 1 and [h["to"] for h in d["progression"]["history"]] == [2, 1]'
}

case_next_morning_pain_comes_from_the_log() {
  setup_person
  bc_on 2026-11-10 session add --at 2026-11-10T18:00 --pain-during 2
  expect_out "Green: 2/10 during, 3/10 the next morning."
  # Today, with no entry tomorrow morning yet: pending, and what to do.
  bc_on 2026-11-25 session add --pain-during 3
  expect_out "So far: 3/10 during. Tell me tomorrow morning's pain with: backcare log add N (between 05:00 and 12:00)."
  bc_on 2026-11-26 log add 6 --at 2026-11-26T08:00
  bc_on 2026-11-26 session list --format json
  json_check 'd[-1]["next_morning"] == 6 and d[-1]["outcome"] == "red"'
  # Given on the command line, the next morning wins over the log.
  bc_on 2026-11-26 session edit 2 --next-morning 3
  expect_out "Edited session 2"
  bc_on 2026-11-26 session list --format json
  json_check 'd[-1]["next_morning"] == 3 and d[-1]["outcome"] == "green"'
}

case_a_next_morning_like_her_usual_morning_is_not_red() {
  bc_on 2026-11-01 profile set --birth-date 2026-09-01
  local d
  for d in $(seq 16 25); do
    bc_on "2026-11-$d" log add 4 --at "2026-11-${d}T07:30"
  done
  # 2 during, 4 the next morning, as every morning: amber, not red.
  bc_on 2026-11-21 session add --at 2026-11-20T18:00 --pain-during 2
  expect_out "Amber: 2/10 during, 4/10 the next morning."
  bc session list --format json
  json_check '[s["outcome"] for s in d] == ["amber"]'
  bc plan --format json
  json_check 'd["progression"]["decision"] != "step-back"'
}

case_two_red_sessions_in_a_week_refer_in_plan_and_trend() {
  setup_person
  bc_on 2026-11-20 session add --at 2026-11-20T18:00 --pain-during 7
  bc_on 2026-11-23 session add --at 2026-11-23T18:00 --pain-during 6
  expect_out "2 red sessions within 7 days (Fri 20 Nov to Mon 23 Nov): have a physiotherapist review your exercises."
  bc plan --format json
  json_check 'any(r["id"] == "sessions-too-painful" for r in d["triage"]["rules"]) and d["triage"]["level"] == "refer"'
  json_check 'd["phase"]["current"] == 1'
  bc trend --format json
  json_check 'any(f["id"] == "sessions-too-painful" for f in d["flags"])'
}

case_skip_and_adherence() {
  setup_person
  bc_on 2026-11-23 session add --at 2026-11-23T18:00 --pain-during 2
  bc_on 2026-11-25 session skip --reason baby --note "up all night"
  expect_rc 0
  expect_out "Skipped session 2 saved (baby). That happens; this week so far: 1 of 3 sessions done."
  bc plan --format json
  json_check 'd["adherence"]["this_week"] == {"planned": 3, "done": 1, "skipped": 1}'
  json_check 'd["adherence"]["last_28_days_percent"] == 50'
  bc plan
  expect_out "This week: 1 of 3 sessions done, 1 skipped."
  bc session list
  expect_out "baby; up all night"
}

case_adherence_after_a_step_back_counts_each_day_at_its_phase() {
  setup_person
  # Phase 2 (3 session days a week) from Mon 2 Nov, green and amber in turn
  # so it never moves up; a red session on Mon 23 Nov steps back to phase 1,
  # whose routine is every day.
  local d pain=2
  for d in 02 04 06 09 11 13 16 18 20; do
    bc_on "2026-11-$d" session add --at "2026-11-${d}T18:00" --pain-during "$pain"
    expect_rc 0
    pain=$((6 - pain))
  done
  bc_on 2026-11-23 session add --at 2026-11-23T18:00 --pain-during 7
  expect_out "the plan goes back to phase 1"
  # 21 days at 3 a week and 4 days every day: 13 planned, not 25.
  bc plan --format json
  json_check 'd["phase"]["current"] == 1 and d["progression"]["decision"] == "step-back"'
  json_check 'd["adherence"]["last_28_days"] == {"planned": 13, "done": 10} and d["adherence"]["last_28_days_percent"] == 77'
  json_check 'd["adherence"]["this_week"] == {"planned": 7, "done": 1, "skipped": 0}'
  # trend and report count the same days the same way.
  bc trend --format json
  json_check '[p["sessions"]["planned"] for p in d["periods"]] == [3, 3, 3, 4]'
  json_check 'd["sessions"]["planned"] == 13 and d["sessions"]["adherence_percent"] == 77'
  json_check 'd["sessions"]["last_28_days_percent"] == 77 and d["sessions"]["days_per_week"] == 7'
  bc trend
  expect_para "10 of 13 planned from 2026-11-02 (3 a week; 7 a week from 2026-11-23, in phase 1), 77%."
  bc report --format json
  json_check '[(w["phase"], w["planned"], w["done"]) for w in d["sessions"]["weeks"] if w["phase"]] == [(2, 3, 3), (2, 3, 3), (2, 3, 3), (1, 4, 1)]'
}

case_skipped_exercises_are_checked_against_the_session() {
  setup_person
  bc session add --pain-during 2 --skip side-plank-modified
  expect_rc 0
  bc session list --format json
  json_check 'd[0]["skipped_exercises"] == ["side-plank-modified"]'
  bc session add --pain-during 2 --skip plank
  expect_error 64 "--skip: 'plank' is not in the session of"
}

case_edit_skip_is_checked_against_the_sessions_phase() {
  setup_person
  bc_on 2026-11-20 session add --at 2026-11-20T18:00 --pain-during 2
  # A red session in phase 2; the plan then steps back to phase 1.
  bc_on 2026-11-23 session add --at 2026-11-23T18:00 --pain-during 7
  expect_out "the plan goes back to phase 1"
  cp "$DB" "$SCRATCH/before.db"
  bc session edit 1 --skip plank
  expect_error 64 "--skip: 'plank' is not in the session of Fri 20 Nov (its exercises: alignment-check"
  bc session edit 2 --skip plonk
  expect_error 64 "--skip: 'plonk' is not in the session of Mon 23 Nov"
  cmp -s "$DB" "$SCRATCH/before.db" || fail "a refused edit changed the log"
  # Checked against the session's own phase (2), not the plan it led to (1).
  bc session edit 2 --skip heel-slide --skip heel-slide
  expect_out "Edited session 2 (2026-11-23T18:00, phase 2)."
  bc session list --format json
  json_check 'd[1]["skipped_exercises"] == ["heel-slide"]'
}

case_import_refuses_what_the_catalog_lacks() {
  setup_person
  bc_on 2026-11-20 session add --at 2026-11-20T18:00 --pain-during 2
  local good='{"at": "2026-11-21T18:00", "status": "done", "phase": 2, "skipped_exercises": ["heel-slide", "walking"]}'
  printf '[%s, {"at": "2026-11-22T18:00", "status": "done", "phase": 7}]' "$good" >"$SCRATCH/phase.json"
  bc session import "$SCRATCH/phase.json"
  expect_error 65 "phase.json: session 2: 'phase' 7 is not a phase of the catalog (it has phases 1-4); nothing was imported"
  printf '[%s, {"at": "2026-11-22T18:00", "status": "done", "phase": 2, "skipped_exercises": ["plonk"]}]' "$good" \
    >"$SCRATCH/unknown.json"
  bc session import "$SCRATCH/unknown.json"
  expect_error 65 "unknown.json: session 2: 'skipped_exercises': 'plonk' is not an exercise of the catalog"
  printf '[%s, {"at": "2026-11-22T18:00", "status": "done", "phase": 2, "skipped_exercises": ["plank"]}]' "$good" \
    >"$SCRATCH/other.json"
  bc session import "$SCRATCH/other.json"
  expect_error 65 "other.json: session 2: 'skipped_exercises': 'plank' is not in a phase 2 session (it is a phase 3 exercise)"
  [ "$(raw_sql "$DB" "SELECT count(*) FROM session")" = 1 ] || fail "a refused import changed the log"
  printf '[%s]' "$good" >"$SCRATCH/good.json"
  bc session import "$SCRATCH/good.json"
  expect_out "Imported 1 session (0 already in the log)."
}

case_bad_input_changes_nothing() {
  setup_person
  cp "$DB" "$SCRATCH/before.db"
  bc session add --pain-during 11
  expect_error 64 "--pain-during must be 0-10, got 11"
  bc session add --at 2026-11-27
  expect_error 64 "--at 2026-11-27 is after today (2026-11-26)"
  bc session skip
  expect_rc 64
  bc session skip --reason tired
  expect_error 64 "--reason must be one of time, pain, baby, sick, other, got 'tired'"
  bc session edit 1 --pain-during 3
  expect_error 64 "no session with id 1"
  bc session rm 0
  expect_error 64 "ID must be a whole number"
  bc session edit 1
  expect_error 64 "session edit: give at least one of"
  # The morning after a session of today has not come yet.
  bc session add --at 2026-11-26T18:00 --pain-during 2 --next-morning 1
  expect_error 64 "--next-morning: the morning after the session, Fri 27 Nov, has not come yet (today is Thu 26 Nov); log your pain that morning (backcare log add N)"
  [ "$(raw_sql "$DB" "SELECT count(*) FROM session")" = 0 ] || fail "a failed command saved a session"
  # Nor can a session be added twice at the same minute, or edited to a morning to come.
  bc session add --at 2026-11-25T18:00 --pain-during 2
  expect_rc 0
  bc session add --at 2026-11-25T18:00 --pain-during 3
  expect_error 64 "session 1 is already saved at 2026-11-25T18:00; change it with backcare session edit 1"
  bc session skip --at 2026-11-25T18:00 --reason baby
  expect_error 64 "session 1 is already saved at 2026-11-25T18:00"
  bc session edit 1 --at 2026-11-26T08:00 --next-morning 2
  expect_error 64 "--next-morning: the morning after the session, Fri 27 Nov, has not come yet"
  [ "$(raw_sql "$DB" "SELECT count(*), max(pain_during) FROM session")" = "1 2" ] || fail "a failed command changed the sessions"
  bc session edit 1 --next-morning 2
  expect_rc 0
  bc session skip --at 2026-11-24T18:00 --reason baby
  expect_rc 0
  bc session edit 2 --at 2026-11-25T18:00
  expect_error 64 "session 1 is already saved at 2026-11-25T18:00; change it with backcare session edit 1"
  bc session edit 1 --at 2026-11-25T18:00 --note same
  expect_rc 0
}

case_a_session_without_a_plan_is_saved_with_its_phase_unknown() {
  bc session add --pain-during 2 --at 2026-11-25T18:00
  expect_rc 0
  expect_out "Session 1 saved, its phase unknown for now: working it out needs your baby's birth date"
  bc profile set --birth-date 2026-09-01
  bc session skip --reason baby --at 2026-11-26T08:00
  expect_rc 0
  expect_out "Skipped session 2 saved (baby), its phase unknown for now: working it out needs your pain"
  [ "$(raw_sql "$DB" "SELECT group_concat(phase) FROM session")" = "0,0" ] || fail "the phase is not stored as unknown"
  bc session list
  expect_rc 0
  expect_out "2026-11-25T18:00      ?"
  expect_out "Phase ?: unknown"
  bc session list --format json
  json_check "[s['phase'] for s in d] == [None, None]"
  bc session export --output "$SCRATCH/sessions.json"
  rm -f "$DB" "$DB-wal" "$DB-shm"
  bc session import "$SCRATCH/sessions.json"
  expect_rc 0
  expect_out "Imported 2 sessions"
  bc session skip --reason baby --at 2026-11-26T08:00
  expect_error 64 "session 2 is already saved at 2026-11-26T08:00"
  bc session add --at 2026-11-24T18:00 --skip no-such-exercise
  expect_error 64 "'skipped_exercises': 'no-such-exercise' is not an exercise of the catalog"
}

case_a_warning_sign_stops_sessions() {
  setup_person
  bc screen --symptom fever
  expect_rc 3
  bc session add --pain-during 2
  expect_rc 3
  expect_out "URGENT"
  grep -qF "backcare: note: the session was not saved: a warning sign needs care first" "$ERR" \
    || fail "stderr does not say the session was not saved"
  [ "$(raw_sql "$DB" "SELECT count(*) FROM session")" = 0 ] || fail "a session was saved beside an urgent sign"
}

case_undo_export_and_import() {
  setup_person
  bc_on 2026-11-20 session add --at 2026-11-20T18:00 --pain-during 2 --note "with the baby asleep"
  bc_on 2026-11-24 session skip --reason sick
  bc session edit 1 --pain-during 4
  bc log undo
  expect_out "Undid: edited session 1 (2026-11-20T18:00, done)."
  bc session list --format json
  json_check 'd[0]["pain_during"] == 2 and d[0]["note"] == "with the baby asleep"'
  bc session rm 2
  bc log undo
  expect_out "Undid: removed session 2"
  bc session export --output "$SCRATCH/sessions.json"
  expect_rc 0
  # The export shows what session list shows: the next morning from the log (3/10 on the 21st).
  "$PYTHON" -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if (d[0]['next_morning'], d[0]['outcome']) == (3, 'green') else 1)" \
    "$SCRATCH/sessions.json" || fail "the export lacks the next morning from the log"
  # Into another profile: everything arrives; a second import adds nothing.
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" --profile other session import "$SCRATCH/sessions.json" >"$OUT" 2>"$ERR"
  expect_out "Imported 2 sessions (0 already in the log)."
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" --profile other session import "$SCRATCH/sessions.json" >"$OUT" 2>"$ERR"
  expect_out "Imported 0 sessions (2 already in the log)."
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" --profile other session list --format json >"$OUT" 2>"$ERR"
  json_check '[(s["at"], s["status"], s["reason"]) for s in d] == [("2026-11-20T18:00", "done", None), ("2026-11-24T12:00", "skipped", "sick")]'
  # A bad file imports nothing and names the session.
  printf '[{"at": "2026-11-21T08:00", "status": "done", "phase": 2}, {"at": "2026-11-22", "status": "skipped"}]' >"$SCRATCH/bad.json"
  bc session import "$SCRATCH/bad.json"
  expect_error 65 "bad.json: session 2: a skipped session needs a 'reason'"
  [ "$(raw_sql "$DB" "SELECT count(*) FROM session")" = 2 ] || fail "a failed import changed the log"
}

case_a_version_1_log_migrates_with_nothing_lost() {
  mkdir -p "$SCRATCH/data"
  # The version-1 schema as it shipped, with entries, a change and a profile.
  raw_sql "$DB" "CREATE TABLE entry (id INTEGER PRIMARY KEY, at TEXT NOT NULL, severity INTEGER NOT NULL, location TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', change_id INTEGER) STRICT" >/dev/null
  raw_sql "$DB" "CREATE TABLE change (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, summary TEXT NOT NULL, entry_id INTEGER, at TEXT, severity INTEGER, location TEXT, tags TEXT, note TEXT) STRICT" >/dev/null
  raw_sql "$DB" "CREATE TABLE profile (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT" >/dev/null
  raw_sql "$DB" "INSERT INTO entry (at, severity, location, tags, note) VALUES ('2026-11-20T08:00', 5, 'pelvis', 'night', 'first'), ('2026-11-21T08:00', 4, 'low-back', '', 'second')" >/dev/null
  raw_sql "$DB" "INSERT INTO change (kind, summary, entry_id) VALUES ('add', 'added entry 2', 2)" >/dev/null
  raw_sql "$DB" "INSERT INTO profile VALUES ('birth_date', '2026-09-01')" >/dev/null
  raw_sql "$DB" "PRAGMA user_version = 1" >/dev/null
  chmod 600 "$DB"
  bc log list --format json
  expect_rc 0
  json_check '[(e["at"], e["severity"], e["location"], e["tags"], e["note"]) for e in d] == [("2026-11-20T08:00", 5, "pelvis", ["night"], "first"), ("2026-11-21T08:00", 4, "low-back", [], "second")]'
  [ "$(raw_sql "$DB" "PRAGMA user_version")" -gt 1 ] || fail "user_version was not bumped"
  bc profile show
  expect_out "birth date: 2026-09-01"
  # The undo history survived the migration, and sessions work.
  bc log undo
  expect_out "Undid: added entry 2."
  bc session add --pain-during 2 --at 2026-11-20T18:00
  expect_rc 0
}

finish
