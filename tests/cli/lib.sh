# Helpers for the CLI tests: run the built binary with a fixed --as-of and a
# scratch --data-dir, then assert on exit code, stdout and stderr.
# Sourced by the *_test.sh files; each case is a function named case_*.

set -u
BIN=$1
SRC=$2
CASE=$3
AS_OF=2026-11-26
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
PYTHON=/usr/bin/python3
# Nothing from the developer's environment may change what the tests see.
unset BACKCARE_DATA_DIR BACKCARE_PROFILE BACKCARE_CATALOG NO_COLOR COLUMNS
export XDG_CONFIG_HOME=$SCRATCH/config XDG_DATA_HOME=$SCRATCH/xdg-data
failures=0

# bc ARGS...: runs backcare; sets RC and the files $OUT and $ERR.
OUT=$SCRATCH/stdout
ERR=$SCRATCH/stderr
bc() {
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" "$@" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
}

# bc_on DATE ARGS...: runs backcare as if today were DATE (sets RC, $OUT, $ERR).
bc_on() {
  local day=$1
  shift
  "$BIN" --as-of "$day" --data-dir "$SCRATCH/data" "$@" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
}

fail() {
  echo "FAIL [$CASE]: $*"
  echo "--- stdout"; head -c 3000 "$OUT"
  echo "--- stderr"; cat "$ERR"
  failures=$((failures + 1))
}

expect_rc() { [ "$RC" -eq "$1" ] || fail "exit code $RC, expected $1"; }
expect_out() { grep -qF -- "$1" "$OUT" || fail "stdout lacks: $1"; }
expect_no_out() { ! grep -qF -- "$1" "$OUT" || fail "stdout has: $1"; }

# expect_para TEXT: stdout has TEXT, wherever its lines are wrapped.
expect_para() {
  tr '\n' ' ' <"$OUT" | tr -s ' ' | grep -qF -- "$1" || fail "stdout lacks the paragraph: $1"
}

# expect_error CODE TEXT: exit CODE, nothing on stdout, and exactly one
# stderr line that starts with "backcare: error:" and contains TEXT.
expect_error() {
  expect_rc "$1"
  [ "$(wc -l <"$ERR")" -eq 1 ] || fail "stderr is not one line"
  grep -q '^backcare: error: ' "$ERR" || fail "stderr does not start with 'backcare: error: '"
  grep -qF -- "$2" "$ERR" || fail "stderr lacks: $2"
  [ ! -s "$OUT" ] || fail "stdout is not empty"
}

# expect_golden NAME: stdout equals tests/cli/golden/NAME (UPDATE_GOLDEN=1 rewrites it).
expect_golden() {
  local golden="$SRC/tests/cli/golden/$1"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$OUT" "$golden"
  fi
  diff -u "$golden" "$OUT" >"$SCRATCH/diff" || { cat "$SCRATCH/diff"; fail "stdout differs from $1"; }
}

# json_check EXPR: a Python expression over `d` (stdout parsed as JSON) must be true.
json_check() {
  "$PYTHON" -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$OUT" \
    || fail "JSON check failed: $1"
}

# expect_width N: no stdout line is wider than N characters.
expect_width() {
  local widest
  widest=$("$PYTHON" -c "import sys; print(max((len(l.rstrip('\n')) for l in open(sys.argv[1], encoding='utf-8')), default=0))" "$OUT")
  [ "$widest" -le "$1" ] || fail "a line is $widest characters wide (limit $1)"
}

finish() {
  if ! declare -F "case_$CASE" >/dev/null; then
    echo "no such case: $CASE"
    exit 2
  fi
  "case_$CASE"
  [ "$failures" -eq 0 ] || exit 1
}
