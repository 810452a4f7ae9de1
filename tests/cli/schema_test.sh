# CLI tests: real JSON output validates against the JSON Schemas in
# docs/schema (checked with python3-jsonschema by check_schema.py).
source "$(dirname "$0")/lib.sh"

# check_schema NAME [FILE]: FILE (default stdout) is valid against docs/schema/NAME.schema.json.
check_schema() {
  "$PYTHON" "$SRC/tests/cli/check_schema.py" "$SRC/docs/schema/$1.schema.json" "${2:-$OUT}" >"$SCRATCH/schema" 2>&1 \
    || { cat "$SCRATCH/schema"; fail "not valid against $1.schema.json"; }
}

# expect_rejected NAME FILE: the checker finds FILE invalid against NAME (exit 1, not a crash).
expect_rejected() {
  local rc=0
  "$PYTHON" "$SRC/tests/cli/check_schema.py" "$SRC/docs/schema/$1.schema.json" "$2" >"$SCRATCH/schema" 2>&1 || rc=$?
  [ "$rc" -eq 1 ] && grep -q '^check_schema: ' "$SCRATCH/schema" \
    || { cat "$SCRATCH/schema"; fail "$(basename "$2"): expected the $1 schema to reject it (exit 1), got exit $rc"; }
}

# A log that falls from 7 to 0 over eight weeks, for a birth on 2026-09-01.
load_trend_log() {
  bc log import "$SRC/tests/cli/data/trend.csv"
  expect_rc 0
  bc profile set --birth-date 2026-09-01
  expect_rc 0
}

case_plan_self_care() {
  bc plan --weeks 10 --pain-duration 8w --severity 4 --posture high-hinge --pregnancy-back-pain --format json
  expect_rc 0
  check_schema plan
  json_check "d['triage']['level'] == 'self-care' and d['triage']['rules'][0]['id'] == 'pregnancy-back-pain'"
}

case_plan_refer_with_caps_and_two_weeks() {
  bc plan --weeks 10 --severity 8 --delivery cesarean --symptom leakage --symptom night-pain \
    --symptom abdominal-doming --equipment none --weeks-ahead 2 --explain --format json
  expect_rc 0
  check_schema plan
  json_check "d['triage']['level'] == 'refer' and len(d['triage']['bookings']) == 2 and len(d['schedule']) == 14"
  json_check "d['phase'] == {'current': 1, 'max_allowed': 1} and d['phases'][3]['closed_by'] == 'leakage'"
}

case_plan_equipment_swaps() {
  bc plan --weeks 20 --severity 3 --equipment none --phase 4 --format json
  expect_rc 0
  check_schema plan
  json_check "any(e['replaces'] for p in d['phases'] for e in p['exercises'])"
  bc plan --weeks 10 --severity 3 --equipment none --format json
  expect_rc 0
  check_schema plan
  json_check "[x['id'] for x in d['dropped']] == ['pallof-press-half-kneeling']"
}

case_plan_emergency_without_other_inputs() {
  bc plan --symptom saddle-numbness --format json
  expect_rc 3
  check_schema plan
  json_check "d['triage']['level'] == 'emergency' and d['phases'] == [] and d['progression'] is None"
  json_check "d['input']['weeks_postpartum'] is None and d['input']['severity'] is None"
}

case_plan_urgent_with_invalid_inputs() {
  bc plan --symptom fever --weeks abc --severity 11 --format json
  expect_rc 3
  check_schema plan
  json_check "d['triage']['level'] == 'urgent' and d['phases'] == [] and d['schedule'] == []"
}

case_plan_from_the_log() {
  bc log add 7 --at 2026-11-24T06:00 --location pelvis
  bc log add 2 --at 2026-11-24T21:00
  bc plan --weeks 10 --format json
  expect_rc 0
  check_schema plan
  json_check "d['inputs_from']['severity'] == 'log 2026-11-24T06:00' and d['input']['trend_verdict'] == 'insufficient-data'"
  json_check "d['inputs_from']['pain_weeks'].startswith('log episode since ')"
}

case_plan_held_by_a_worse_trend() {
  printf 'at,severity\n2026-11-01,2\n2026-11-02,2\n2026-11-03,2\n2026-11-24,6\n2026-11-25,5\n2026-11-26,6\n' \
    >"$SCRATCH/worse.csv"
  bc log import "$SCRATCH/worse.csv"
  bc plan --weeks 20 --format json
  expect_rc 0
  check_schema plan
  json_check "d['progression']['decision'] == 'hold' and d['progression']['held_by'] == 'pain-getting-worse'"
}

case_plan_from_the_profile() {
  bc profile set --birth-date 2026-11-20 --delivery cesarean --posture stacked --equipment band
  bc plan --severity 3 --format json
  expect_rc 0
  check_schema plan
  json_check "d['input']['birth_date'] == '2026-11-20' and d['input']['days_postpartum'] == 6"
  json_check "d['inputs_from']['delivery'] == 'profile' and d['phase']['max_allowed'] == 1"
}

case_golden_files() {
  check_schema plan "$SRC/tests/cli/golden/plan_week10.json"
  check_schema trend "$SRC/tests/cli/golden/trend.json"
}

case_trend_with_data() {
  load_trend_log
  local by
  for by in day week month; do
    bc trend --by "$by" --format json
    expect_rc 0
    check_schema trend
    json_check "d['by'] == '$by' and d['verdict'] == 'improved' and d['entries'] == 50"
  done
  bc trend --since 2026-11-01 --until 2026-11-15 --format json
  expect_rc 0
  check_schema trend
}

case_trend_insufficient_data() {
  bc log add 5 --at 2026-11-20T08:00
  bc log add 4 --at 2026-11-25T08:00
  bc trend --format json
  expect_rc 0
  check_schema trend
  json_check "d['verdict'] == 'insufficient-data' and d['entries'] == 2"
}

case_trend_worse_from_a_pain_free_start() {
  printf 'at,severity\n2026-11-01,0\n2026-11-02,0\n2026-11-03,0\n2026-11-24,6\n2026-11-25,5\n2026-11-26,6\n' \
    >"$SCRATCH/worse.csv"
  bc log import "$SCRATCH/worse.csv"
  bc trend --format json
  expect_rc 0
  check_schema trend
  json_check "d['verdict'] == 'worse' and d['change']['percent'] is None"
}

case_trend_empty() {
  bc trend --format json
  expect_rc 0
  check_schema trend
  json_check "d['entries'] == 0 and d['baseline'] is None"
}

case_log_list_empty() {
  bc log list --format json
  expect_rc 0
  check_schema log-list
  json_check "d == []"
  bc log export --format json
  expect_rc 0
  check_schema log-list
  json_check "d == []"
}

case_log_list_with_entries() {
  bc log add 4 --at 2026-11-24T06:00 --location pelvis --tag night --tag "car seat" \
    --note 'after carrying, "heavy"; =SUM(A1)'
  bc log add 7 --at 2026-11-25 --location sacroiliac --tag a,b --note $'two\nlines, ünïcödé ✓'
  bc log add 0 --at 2026-11-26T21:30
  bc log list --format json
  expect_rc 0
  check_schema log-list
  json_check "len(d) == 3 and d[0]['tags'] == ['night', 'car seat'] and d[1]['note'].startswith('two\n')"
  bc log list --since 2026-11-25 --format json
  check_schema log-list
  json_check "[e['id'] for e in d] == [2, 3]"
  bc log export --format json
  expect_rc 0
  check_schema log-list
  json_check "len(d) == 3 and d[2] == {'id': 3, 'at': '2026-11-26T21:30', 'severity': 0, 'location': 'low-back', 'tags': [], 'note': ''}"
}

# The checker must be able to fail: broken copies of real output are rejected.
case_checker_rejects_broken_documents() {
  bc plan --weeks 10 --pain-duration 8w --severity 4 --format json
  cp "$OUT" "$SCRATCH/plan.json"
  bc log add 4 --at 2026-11-24T06:00 --tag night
  bc log list --format json
  cp "$OUT" "$SCRATCH/log.json"
  bc trend --format json
  cp "$OUT" "$SCRATCH/trend.json"
  check_schema plan "$SCRATCH/plan.json"
  check_schema log-list "$SCRATCH/log.json"
  check_schema trend "$SCRATCH/trend.json"
  mkdir "$SCRATCH/bad"
  "$PYTHON" - "$SCRATCH" <<'PY' || fail "could not write the broken documents"
import copy, json, sys
scratch = sys.argv[1]
sources = {name: json.load(open(f"{scratch}/{name}.json")) for name in ("plan", "log", "trend")}

def broken(name, label, change):
    doc = copy.deepcopy(sources[name])
    change(doc)
    with open(f"{scratch}/bad/{name}.{label}.json", "w") as out:
        json.dump(doc, out)

broken("plan", "missing-phases", lambda d: d.pop("phases"))
broken("plan", "unknown-level", lambda d: d["triage"].update(level="fine"))
broken("plan", "emergency-with-exercises", lambda d: d["triage"].update(level="emergency"))
broken("plan", "renamed-schema-version", lambda d: d.update(version=d.pop("schema_version")))
broken("plan", "severity-as-text", lambda d: d["input"].update(severity="4"))
broken("plan", "impossible-date", lambda d: d.update(as_of="2026-02-30"))
broken("plan", "two-dosages", lambda d: d["phases"][1]["exercises"][0].update(hold_seconds=10))
broken("plan", "unknown-decision", lambda d: d["progression"].update(decision="jump"))
broken("plan", "unknown-origin", lambda d: d["inputs_from"].update(severity="guess"))
broken("trend", "unknown-verdict", lambda d: d.update(verdict="better"))
broken("trend", "mean-as-text", lambda d: d["periods"][0].update(mean="4.0"))
broken("log", "severity-11", lambda d: d[0].update(severity=11))
broken("log", "seconds-in-at", lambda d: d[0].update(at=d[0]["at"] + ":00"))
broken("log", "extra-key", lambda d: d[0].update(mood="ok"))
broken("log", "tag-with-semicolon", lambda d: d[0].update(tags=["a;b"]))
PY
  printf '{"schema_version": 1, "schema_version": 1}' >"$SCRATCH/bad/plan.duplicate-key.json"
  printf '{"schema_version": 1,' >"$SCRATCH/bad/plan.truncated.json"
  local file name count=0
  for file in "$SCRATCH"/bad/*.json; do
    name=$(basename "$file")
    case "$name" in
    log.*) expect_rejected log-list "$file" ;;
    *) expect_rejected "${name%%.*}" "$file" ;;
    esac
    count=$((count + 1))
  done
  [ "$count" -eq 17 ] || fail "$count broken documents checked, expected 17"
}

case_session_list_and_plan_with_sessions() {
  bc profile set --birth-date 2026-09-01
  "$BIN" --as-of 2026-11-20 --data-dir "$SCRATCH/data" log add 3 --at 2026-11-20T07:00 >/dev/null
  "$BIN" --as-of 2026-11-20 --data-dir "$SCRATCH/data" session add --at 2026-11-20T18:00 --pain-during 3 --skip hip-hinge --note "short one" >/dev/null
  "$BIN" --as-of 2026-11-21 --data-dir "$SCRATCH/data" log add 4 --at 2026-11-21T07:00 >/dev/null
  "$BIN" --as-of 2026-11-23 --data-dir "$SCRATCH/data" session skip --at 2026-11-23 --reason baby >/dev/null
  "$BIN" --as-of 2026-11-25 --data-dir "$SCRATCH/data" session add --at 2026-11-25T18:00 --pain-during 7 >/dev/null
  bc session list --format json
  expect_rc 0
  json_check '[s["outcome"] for s in d] == ["amber", None, "red"]'
  check_schema session-list
  bc session export
  check_schema session-list
  bc plan --format json
  expect_rc 0
  json_check 'd["progression"]["decision"] == "step-back" and d["adherence"]["this_week"]["done"] == 1'
  check_schema plan
  # The schema catches a session that breaks the rules of its status.
  bc session list --format json
  "$PYTHON" -c "import json,sys; d=json.load(open(sys.argv[1])); d[1]['outcome']='green'; json.dump(d, open(sys.argv[2],'w'))" "$OUT" "$SCRATCH/broken.json"
  expect_rejected session-list "$SCRATCH/broken.json"
}

finish
