# CLI tests of "-": standard input for every input file, standard output for
# every --output. No file named "-" is ever read or written.
source "$(dirname "$0")/lib.sh"

# Each case runs in an empty folder: a file named "-" would show there.
mkdir -p "$SCRATCH/cwd"
cd "$SCRATCH/cwd" || exit 1

# bc_in FILE ARGS...: runs backcare with FILE on its standard input.
bc_in() {
  local input=$1
  shift
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" "$@" >"$OUT" 2>"$ERR" <"$input"
  RC=$?
}

no_dash_file() {
  [ ! -e "$SCRATCH/cwd/-" ] || fail "a file named '-' was written"
}

# A profile with a log entry, a session and a PSFS rating.
setup_person() {
  bc profile set --birth-date 2026-09-01
  bc log add 3 --at 2026-11-20T07:30 --tag night --note "woke twice"
  bc session add --at 2026-11-20T18:00 --pain-during 2
  bc measure psfs "walk=3" "sit=4" "lift=5" --at 2026-11-20
}

case_log_export_and_import() {
  setup_person
  bc log export --output - --format json
  expect_rc 0
  json_check 'd[0]["note"] == "woke twice"'
  cp "$OUT" "$SCRATCH/log.json"
  no_dash_file
  echo "decoy" >-
  bc_in "$SCRATCH/log.json" --profile other log import -
  expect_rc 0
  expect_out "Imported 1 entry (0 already in the log)."
  [ "$(cat ./-)" = decoy ] || fail "log import - touched the file named '-'"
  rm -f -- -
  bc log export --output -
  expect_rc 0
  expect_out "woke twice"
  no_dash_file
}

case_session_export_and_import() {
  setup_person
  bc session export --output -
  expect_rc 0
  json_check 'len(d) == 1'
  cp "$OUT" "$SCRATCH/sessions.json"
  bc_in "$SCRATCH/sessions.json" --profile other session import -
  expect_rc 0
  expect_out "Imported 1 session (0 already in the log)."
  no_dash_file
}

case_measure_export_and_import() {
  setup_person
  bc measure export --output -
  expect_rc 0
  json_check 'len(d) == 1'
  cp "$OUT" "$SCRATCH/psfs.json"
  bc_in "$SCRATCH/psfs.json" --profile other measure import -
  expect_rc 0
  expect_out "Imported 1 PSFS rating (0 already in the log)."
  no_dash_file
}

case_trend_report_and_plan() {
  setup_person
  bc trend --output - --format json
  expect_rc 0
  json_check '"verdict" in d'
  bc report --output - --format html
  expect_rc 0
  expect_out "<!DOCTYPE html>"
  bc plan --weeks 10 --severity 3 --output - --format json
  expect_rc 0
  json_check '"phase" in d'
  no_dash_file
}

case_catalog_from_stdin() {
  bc_in "$SRC/catalog/rules.toml" catalog check -
  expect_rc 65
  grep -q "^backcare: error: -:" "$ERR" || fail "a catalog on stdin is not named '-'"
  cat "$SRC"/catalog/*.toml >"$SCRATCH/whole.toml"
  bc_in "$SCRATCH/whole.toml" catalog check -
  expect_rc 0
  expect_out "ok: catalog"
  no_dash_file
}

case_empty_stdin_is_an_empty_import() {
  bc_in /dev/null log import -
  expect_rc 65
  no_dash_file
}

finish
