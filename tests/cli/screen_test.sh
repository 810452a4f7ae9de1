# CLI tests of `backcare screen` and the screened signs that plan uses.
source "$(dirname "$0")/lib.sh"

case_none_saves_and_plan_has_no_sign() {
  bc screen --none
  expect_rc 0
  expect_out "Saved your answers of 2026-11-26T12:00"
  expect_out "You answered no to every question."
  bc plan --weeks 10 --severity 3 --format json
  expect_rc 0
  json_check 'd["input"]["symptoms"] == [] and d["triage"]["level"] == "self-care"'
}

case_a_refer_answer_reaches_plan_and_stays_until_a_no() {
  bc screen --symptom leakage --at 2026-11-20T08:00
  expect_rc 0
  expect_out "You answered yes to: leakage"
  expect_out "Book: pelvic-health physiotherapist"
  bc plan --weeks 10 --severity 3 --format json
  json_check 'd["input"]["symptoms"] == ["leakage"] and d["triage"]["level"] == "refer"'
  json_check 'd["inputs_from"]["screened_signs"] == "screening 2026-11-20T08:00"'
  bc plan --weeks 10 --severity 3
  expect_para "warning signs you reported, in force until you answer no (latest screening 2026-11-20T08:00)"
  # A yes never lapses: weeks later it still holds.
  "$BIN" --as-of 2026-12-27 --data-dir "$SCRATCH/data" plan --weeks 14 --severity 3 --format json >"$OUT" 2>"$ERR"
  json_check 'd["input"]["symptoms"] == ["leakage"] and d["phase"]["max_allowed"] <= 3'
}

case_plan_says_when_the_answers_have_lapsed() {
  bc plan --weeks 10 --severity 3 --format json
  json_check 'd["screening"]["last_at"] is None and d["screening"]["lapsed"] is True'
  json_check 'd["screening"]["message"].startswith("You have not answered the warning-sign questions yet.")'
  bc screen --symptom leakage --at 2026-11-12T08:00
  bc screen --none --at 2026-11-16T08:00
  bc plan --weeks 10 --severity 3
  expect_para "Your warning-sign answers are not up to date (last asked Mon 16 Nov, 10 days ago): run backcare screen."
  expect_no_out "Nothing you reported needs a clinician"
  expect_width 80
  bc plan --weeks 10 --severity 3 --format json
  json_check 'd["screening"]["last_at"] == "2026-11-16T08:00" and d["screening"]["lapsed"] is True'
  json_check 'd["screening"]["message"].startswith("You were last asked about warning signs on Mon 16 Nov, 10 days ago;")'
  "$PYTHON" "$SRC/tests/cli/check_schema.py" "$SRC/docs/schema/plan.schema.json" "$OUT" >"$SCRATCH/schema" 2>&1 \
    || { cat "$SCRATCH/schema"; fail "not valid against plan.schema.json"; }
  # The exports say it too.
  bc plan --weeks 10 --severity 3 --format csv
  expect_out "You were last asked about warning signs on Mon 16 Nov, 10 days ago; a no counts for 7 days, so 24 questions have no up-to-date answer. Run backcare screen to answer again: moving up a phase needs it."
  bc plan --weeks 10 --severity 3 --format ics
  expect_out "You were last asked about warning signs on Mon 16 Nov"
  # Answered again: nothing to say.
  bc screen --none
  bc plan --weeks 10 --severity 3
  expect_no_out "not up to date"
  expect_out "Nothing you reported needs a clinician right now."
}

case_a_later_no_clears_a_yes() {
  bc screen --symptom leakage --symptom night-pain --at 2026-11-22
  bc screen --symptom night-pain --no leakage --at 2026-11-24
  expect_out "You answered yes to: night-pain"
  expect_out "You answered no to: leakage."
  expect_out "Saved your answers of 2026-11-24T00:00 (2 questions)."
  bc plan --weeks 10 --severity 3 --format json
  json_check 'd["input"]["symptoms"] == ["night-pain"]'
  bc screen --none
  bc plan --weeks 10 --severity 3 --format json
  json_check 'd["input"]["symptoms"] == []'
}

case_a_flag_answers_only_the_question_it_names() {
  # An emergency sign yesterday is not cleared by a leak reported today.
  bc screen --symptom saddle-numbness --at 2026-11-25T08:00
  expect_rc 3
  bc screen --symptom leakage
  expect_rc 3
  expect_out "EMERGENCY: call your emergency number now"
  bc plan --weeks 10 --severity 3 --format json
  expect_rc 3
  json_check 'sorted(d["input"]["symptoms"]) == ["leakage", "saddle-numbness"] and d["phases"] == []'
  # Answered no by name after a clinician's check, it is cleared; the leak stays.
  bc screen --no saddle-numbness --checked
  expect_rc 0
  expect_out "Saved your answers of 2026-11-26T12:00 (1 question)."
  expect_out "The questions you did not answer keep your earlier answers"
  bc plan --weeks 10 --severity 3 --format json
  expect_rc 0
  json_check 'd["input"]["symptoms"] == ["leakage"] and d["triage"]["level"] == "refer"'
}

case_emergency_answer_prints_banner_and_exits_3() {
  bc screen --symptom saddle-numbness
  expect_rc 3
  expect_out "EMERGENCY: call your emergency number now"
  expect_out "No exercises are shown"
  # Saved: plan gives the banner too, with nothing else known.
  bc plan --format json
  expect_rc 3
  json_check 'd["triage"]["level"] == "emergency" and d["phases"] == []'
  # And undo takes the answers back.
  bc log undo
  expect_out "Undid: saved the screening of 2026-11-26T12:00."
  bc plan --weeks 10 --severity 3 --format json
  expect_rc 0
}

case_bad_input_changes_nothing() {
  bc screen
  expect_error 64 "screen asks questions and needs a terminal; give --symptom ID for each yes, or --none instead"
  bc screen --symptom leakage --none
  expect_error 64 "give --symptom ID for each yes and --no ID for each no, or --none, not both"
  bc screen --symptom lekage
  expect_error 64 "--symptom: unknown symptom 'lekage'"
  bc screen --no lekage
  expect_error 64 "--no: unknown symptom 'lekage'"
  bc screen --symptom leakage --no leakage
  expect_error 64 "--symptom leakage and --no leakage answer the same question both ways"
  bc screen --none --at 2026-11-27
  expect_error 64 "--at 2026-11-27 is after today"
  bc screen --none --at tomorrow
  expect_error 64 "--at must be YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, yesterday, -Nd (N days ago) or a weekday, got 'tomorrow'"
  [ ! -e "$SCRATCH/data/default.db" ] || fail "a failed screen created the log"
}

case_trend_says_what_plan_says_about_an_urgent_sign() {
  bc log add 3
  bc screen --symptom fever
  expect_rc 3
  bc trend --format json
  expect_rc 0
  json_check 'd["flags"][0]["id"] == "possible-infection" and d["flags"][0]["level"] == "urgent"'
  bc trend
  expect_out "Now: Back pain with a fever or chills can be an infection."
}

finish
