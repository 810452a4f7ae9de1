# CLI tests of the warning signs over time: a yes stays in force until a
# later no (after a clinician's check, for an urgent or emergency sign), a
# plan without recent answers never says that nothing needs a clinician,
# moving up waits for a screening, calendars follow the plan, and the
# report keeps the history. Each case lives through several weeks with
# --as-of.
source "$(dirname "$0")/lib.sh"

# on DATE ARGS...: runs backcare as on DATE (sets RC, $OUT, $ERR).
on() {
  local day=$1
  shift
  "$BIN" --as-of "$day" --data-dir "$SCRATCH/data" "$@" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
}

# A person at week 15 after a vaginal birth who logs 2/10 every morning.
person() {
  on 2026-10-01 profile set --birth-date 2026-08-01 --delivery vaginal
  local n day
  for n in $(seq 0 40); do
    day=$(date -d "2026-10-20 + $n days" +%F)
    on "$day" log add 2 --at "${day}T07:00"
  done
}

# green_session DATE: a session that evening, saved the next morning with
# its next-morning pain, as a person does.
green_session() {
  on "$(date -d "$1 + 1 day" +%F)" session add --at "$1T18:00" --pain-during 2 --next-morning 2
  [ "$RC" -eq 0 ] || fail "session add on $1 exited $RC"
}

# no_exercise_anywhere DATE: every plan format says care now, exits 3 and
# shows no exercise.
no_exercise_anywhere() {
  local format
  for format in text json markdown csv ics; do
    on "$1" plan --format "$format"
    expect_rc 3
    expect_no_out "Heel slide"
    expect_no_out "heel-slide"
  done
  on "$1" plan --format json
  json_check 'd["phases"] == [] and d["schedule"] == [] and d["triage"]["level"] in ("urgent", "emergency")'
}

case_an_emergency_yes_never_lapses() {
  person
  on 2026-11-11 screen --symptom saddle-numbness --at 2026-11-11T08:00
  expect_rc 3
  # A week, then three weeks, with no other answer: still care now.
  no_exercise_anywhere 2026-11-18
  no_exercise_anywhere 2026-12-02
  on 2026-12-02 plan
  expect_no_out "Nothing you reported needs a clinician"
  on 2026-12-02 session add --pain-during 2
  expect_rc 3
  grep -qF "the session was not saved" "$ERR" || fail "session add did not say it was not saved"
  on 2026-12-02 session list --format json
  json_check 'd == []'
}

case_a_bare_no_keeps_an_emergency_in_force_until_checked() {
  person
  on 2026-11-11 screen --symptom saddle-numbness --at 2026-11-11T08:00
  on 2026-11-12 screen --no saddle-numbness
  expect_rc 3
  expect_para "You answered no to saddle numbness on Thu 12 Nov, but this sign needs a clinician's check before it clears, so it stays in force."
  expect_para "backcare screen --no saddle-numbness --checked"
  no_exercise_anywhere 2026-11-20
  on 2026-11-20 plan --format json
  json_check 'd["screening"]["in_force"][0]["id"] == "saddle-numbness" and d["screening"]["in_force"][0]["unchecked_no"] == "2026-11-12T12:00"'
  on 2026-11-21 screen --no saddle-numbness --checked
  expect_rc 0
  expect_out "Checked by a clinician: saddle numbness."
  on 2026-11-21 plan --format json
  expect_rc 0
  json_check 'd["triage"]["level"] != "emergency" and d["phase"]["current"] >= 1 and d["screening"]["in_force"] == []'
}

case_a_refer_sign_holds_its_cap_every_day_until_a_no() {
  person
  # Doming closes phase 4 and drops every plank; answered once, it holds weeks later.
  on 2026-11-11 screen --none --at 2026-11-11T08:00
  on 2026-11-12 screen --symptom abdominal-doming --at 2026-11-12T08:00
  on 2026-12-20 plan --severity 3 --phase 4
  expect_error 64 "abdominal-doming"
  on 2026-12-20 plan --severity 3 --format json
  json_check 'd["phase"]["max_allowed"] <= 3 and "abdominal-doming" in d["input"]["symptoms"]'
  json_check 'all("plank" not in e["id"] for p in d["phases"] for e in p["exercises"])'
  on 2026-12-20 screen --no abdominal-doming
  on 2026-12-20 plan --severity 3 --format json
  json_check '"abdominal-doming" not in d["input"]["symptoms"]'
}

case_without_recent_answers_a_plan_never_says_nothing_needs_a_clinician() {
  on 2026-11-26 plan --weeks 10 --severity 3
  expect_rc 0
  expect_no_out "Nothing you reported needs a clinician"
  expect_para "You have not been asked about warning signs yet: run backcare screen"
  expect_out "Warning signs: stop the exercises and get help"
  expect_para "Call your emergency number now for: numbness, bladder or bowel changes, or leg weakness;"
  expect_para "Get a medical check today for: back pain with fever or chills;"
  expect_width 80
  on 2026-11-26 screen --none --at 2026-11-20T08:00
  on 2026-11-26 plan --weeks 10 --severity 3
  expect_out "Nothing you reported needs a clinician right now."
  expect_out "Warning signs: stop the exercises and get help"
  # Eight days later the no answers have lapsed: she is asked again.
  on 2026-11-27 plan --weeks 10 --severity 3
  expect_no_out "Nothing you reported needs a clinician"
  expect_para "Your warning-sign answers are not up to date (last asked Fri 20 Nov, 7 days ago): run backcare screen."
  on 2026-11-27 plan --weeks 10 --severity 3 --format json
  json_check 'd["screening"]["lapsed"] is True and len(d["screening"]["unanswered"]) > 20'
  json_check '[g["level"] for g in d["warning_signs"]] == ["emergency", "urgent", "refer"]'
  json_check 'any("saddle-numbness" in s["symptoms"] for s in d["warning_signs"][0]["signs"])'
  "$PYTHON" "$SRC/tests/cli/check_schema.py" "$SRC/docs/schema/plan.schema.json" "$OUT" >"$SCRATCH/schema" 2>&1 \
    || { cat "$SCRATCH/schema"; fail "not valid against plan.schema.json"; }
  local format
  for format in markdown csv ics; do
    on 2026-11-27 plan --weeks 10 --severity 3 --format "$format"
    expect_out "Call your emergency number now for"
  done
}

case_moving_up_waits_for_a_screening_in_the_last_week() {
  person
  local day
  for day in 2026-11-02 2026-11-05 2026-11-08 2026-11-11 2026-11-14 2026-11-16; do
    green_session "$day"
  done
  on 2026-11-17 plan --format json
  json_check 'd["progression"]["phase"] == 2'
  json_check 'any("moving up first needs a screening in the last 7 days" in r for r in d["progression"]["reasons"])'
  json_check 'any(t.startswith("Answer the warning-sign questions") for t in d["progression"]["to_move_on"])'
  # An old screening does not count; nor does one that leaves phase 3's questions unanswered.
  on 2026-11-17 screen --none --at 2026-11-01T08:00
  on 2026-11-17 screen --no leakage
  on 2026-11-17 plan --format json
  json_check 'd["progression"]["phase"] == 2'
  json_check 'any("answers no to late bleeding and wound not healing" in t for t in d["progression"]["to_move_on"])'
  on 2026-11-17 screen --none
  on 2026-11-17 plan --format json
  json_check 'd["progression"]["phase"] == 3 and d["progression"]["decision"] == "advance"'
  json_check '"once you had screened" in d["progression"]["history"][-1]["why"]'
}

case_a_care_now_calendar_cancels_the_sessions() {
  person
  on 2026-11-26 screen --none
  on 2026-11-26 plan --format ics --weeks-ahead 2
  expect_rc 0
  expect_out "UID:backcare-default-20261130@backcare"
  expect_out "DTSTAMP:20261126T120000Z"
  local first
  first=$(grep -m1 '^SEQUENCE:' "$OUT" | tr -d '\r')
  on 2026-11-27 screen --symptom calf-swelling --symptom leakage
  on 2026-11-27 plan --format ics --weeks-ahead 2
  expect_rc 3
  tr -d '\r' <"$OUT" | grep -A6 'UID:backcare-default-20261130@backcare' | grep -q 'STATUS:CANCELLED' \
    || fail "the session of Mon 30 Nov is not cancelled"
  tr -d '\r' <"$OUT" | grep -A6 'UID:backcare-default-20261213@backcare' | grep -q 'STATUS:CANCELLED' \
    || fail "the session of Sun 13 Dec is not cancelled"
  expect_out "DTSTAMP:20261127T120000Z"
  local second
  second=$(grep -m1 '^SEQUENCE:' "$OUT" | tr -d '\r')
  [ "${second#SEQUENCE:}" -gt "${first#SEQUENCE:}" ] || fail "SEQUENCE did not grow: $first then $second"
  # The care-now event and the 17 days from Fri 27 Nov to Sun 13 Dec, cancelled.
  "$PYTHON" "$SRC/tests/cli/check_ics.py" "$OUT" 18 >"$SCRATCH/ics" 2>&1 || { cat "$SCRATCH/ics"; fail "not valid iCalendar"; }
  # Urgent beside a pelvic-floor sign: what to book once checked.
  on 2026-11-27 plan
  expect_para "Once you have been checked, book: pelvic-health physiotherapist (for heaviness, leaking, or pain that gets worse with exercise)."
  expect_para "backcare screen --no calf-swelling --checked"
}

case_phase_is_a_preview() {
  on 2026-11-26 plan --weeks 20 --severity 2 --phase 3 --format ics
  expect_error 64 "--phase shows a preview"
  on 2026-11-26 plan --weeks 20 --severity 2 --phase 3
  expect_rc 0
  expect_out "(a preview of phase 3; nothing recorded changes)"
  on 2026-11-26 plan --weeks 20 --severity 2 --phase 3 --format markdown
  expect_out "(a preview of phase 3; nothing recorded changes)"
  on 2026-11-26 plan --weeks 20 --severity 2 --phase 3 --format csv
  expect_out "This plan is (a preview of phase 3; nothing recorded changes)."
  on 2026-11-26 plan --weeks 20 --severity 2 --phase 3 --format json
  json_check 'd["preview"] is True'
  on 2026-11-26 plan --weeks 20 --severity 2 --format json
  json_check 'd["preview"] is False'
}

case_the_report_keeps_every_sign_and_referral() {
  person
  on 2026-11-02 screen --symptom calf-swelling --at 2026-11-02T08:00
  on 2026-11-03 screen --no calf-swelling --at 2026-11-03T08:00
  on 2026-11-05 screen --no calf-swelling --checked --at 2026-11-05T08:00
  on 2026-11-06 screen --symptom leakage --at 2026-11-06T08:00
  on 2026-11-26 report --format json
  expect_rc 0
  json_check '[(e["sign"], e["start"], e["end"], e["ended_by"]) for e in d["timeline"] if e["sign"]] == [("calf-swelling", "2026-11-02", "2026-11-05", "checked"), ("leakage", "2026-11-06", None, "in-force")]'
  json_check 'd["timeline"][0]["unchecked_no"] == "2026-11-03"'
  on 2026-11-26 report --format markdown
  expect_para "Sign calf-swelling: A painful, swollen calf (urgent; GP, midwife or urgent care today), from 2026-11-02 to 2026-11-05, cleared after a clinician's check"
  expect_para "Sign leakage: Heaviness, leaking, or pain that gets worse with exercise (refer; pelvic-health physiotherapist), from 2026-11-06, still in force on 2026-11-26"
}

case_a_referral_from_the_log_stays_in_the_report_after_it_ends() {
  on 2026-10-01 profile set --birth-date 2026-08-01
  local n day
  for n in $(seq 0 30); do
    day=$(date -d "2026-10-27 + $n days" +%F)
    on "$day" log add 3 --at "${day}T07:00"
  done
  on 2026-11-26 log add 8 --at 2026-11-02T20:00
  on 2026-11-26 report --format json
  json_check '[(e["rule"], e["start"], e["end"]) for e in d["timeline"]] == [("severe-pain", "2026-11-02", "2026-11-03")]'
}

case_the_two_postpartum_signs_need_care_today() {
  local sign
  for sign in sudden-severe-pain cannot-bear-weight; do
    rm -rf "$SCRATCH/data"
    on 2026-11-26 screen --symptom "$sign"
    expect_rc 3
    expect_out "URGENT: get a medical check today."
    expect_para "Tell them you have given birth, and when."
    on 2026-11-26 plan --weeks 10 --severity 4
    expect_rc 3
    no_exercise_anywhere 2026-11-26
  done
  on 2026-11-26 plan --weeks 10 --severity 4 --symptom sudden-severe-pain
  expect_para "ask whether you need an X-ray"
  on 2026-11-26 catalog symptoms
  expect_out "sudden-severe-pain"
  expect_out "cannot-bear-weight"
  on 2026-11-26 catalog check "$SRC/catalog"
  expect_rc 0
}

# log_days FROM VALUES...: one reading a day at 07:00 from FROM on.
log_days() {
  local from=$1 n=0 value
  shift
  for value in "$@"; do
    on 2026-12-31 log add "$value" --at "$(date -d "$from + $n days" +%F)T07:00"
    n=$((n + 1))
  done
}

case_a_sudden_jump_of_the_pain_asks_the_question() {
  log_days 2026-11-10 3 3 2 2 2 2 2 2 2 2 2 2 2 2 2 9
  on 2026-11-25 plan --weeks 20
  expect_rc 0
  expect_para "Your pain rose suddenly to 9/10 on Wed 25 Nov, from at most 3/10 in the two weeks before."
  expect_para "If yes: backcare screen --symptom sudden-severe-pain. If not: backcare screen --no sudden-severe-pain."
  on 2026-11-25 screen --no sudden-severe-pain
  on 2026-11-25 plan --weeks 20
  expect_no_out "rose suddenly"
}

case_a_steady_or_slowly_rising_pain_does_not_ask() {
  log_days 2026-11-10 8 8 8 8 8 8 8 8 8 8 8 8 8 8 8 9
  on 2026-11-25 plan --weeks 20
  expect_no_out "rose suddenly"
  rm -rf "$SCRATCH/data"
  log_days 2026-11-10 2 2 3 3 4 4 5 5 6 6 7 7 8 8 9 9
  on 2026-11-25 plan --weeks 20
  expect_no_out "rose suddenly"
}

finish
