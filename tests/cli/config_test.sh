# CLI tests of the config file and terminal manners.
source "$(dirname "$0")/lib.sh"

CONFIG=$XDG_CONFIG_HOME/backcare/config.toml
write_config() {
  mkdir -p "$(dirname "$CONFIG")"
  printf '%s\n' "$@" >"$CONFIG"
}

case_config_gives_defaults() {
  write_config 'profile = "anna"' '[plan]' 'delivery = "cesarean"' 'format = "json"' 'posture = ["high-hinge"]' \
    'weeks-ahead = 2'
  bc plan --weeks 10 --severity 3
  expect_rc 0
  json_check "d['input']['delivery'] == 'cesarean' and d['input']['postures'] == ['high-hinge'] and len(d['schedule']) == 14"
  bc plan --weeks 10 --severity 3 --delivery vaginal --format json --posture sway-back --weeks-ahead 1
  json_check "d['input']['delivery'] == 'vaginal' and d['input']['postures'] == ['sway-back'] and len(d['schedule']) == 7"
  bc log add 3
  [ -e "$SCRATCH/data/anna.db" ] || fail "the config's profile was not used"
  BACKCARE_PROFILE=bea bc log add 3
  [ -e "$SCRATCH/data/bea.db" ] || fail "the environment must win over the config"
}

case_profile_wins_over_config() {
  write_config '[plan]' 'delivery = "vaginal"'
  bc profile set --delivery cesarean
  bc plan --weeks 10 --severity 3 --format json
  json_check "d['input']['delivery'] == 'cesarean'"
}

case_ics_defaults_only_for_ics() {
  write_config '[plan]' 'time = "18:00"' 'remind = 10'
  bc plan --weeks 10 --severity 3
  expect_rc 0
  bc plan --weeks 10 --severity 3 --format ics
  grep -q $'^DTSTART:20261130T180000\r$' "$OUT" || fail "config time not used"
  grep -q $'^TRIGGER:-PT10M\r$' "$OUT" || fail "config reminder not used"
}

case_config_option() {
  printf 'color = "always"\n' >"$SCRATCH/other.toml"
  bc --config "$SCRATCH/other.toml" plan --weeks 10 --severity 3
  grep -q $'\x1b\[' "$OUT" || fail "--config file not read"
  bc plan --weeks 10 --severity 3 --config "$SCRATCH/missing.toml"
  expect_error 66 "--config: cannot read $SCRATCH/missing.toml"
}

case_bad_config_exits_78() {
  write_config 'color = "blue"'
  bc plan --weeks 10 --severity 3
  expect_error 78 "$CONFIG:1: 'color' must be one of auto, always, never, got 'blue'"
  write_config '' '[plan]' 'weeks-ahead = 20'
  bc plan --weeks 10 --severity 3
  expect_error 78 "$CONFIG:3: 'weeks-ahead' must be a whole number 1-12"
  write_config '[plan]' 'explain = true' 'colour = "x"'
  bc plan --weeks 10 --severity 3
  expect_error 78 "$CONFIG:3: unknown key 'colour' in [plan]"
  write_config '[plan' 'x = 1'
  bc plan --weeks 10 --severity 3
  expect_error 78 "$CONFIG:1:"
  write_config '[plan]' 'time = "7h"'
  bc plan --weeks 10 --severity 3
  expect_error 78 "$CONFIG:2: 'time' must be HH:MM"
}

case_no_color_and_dumb_terminal() {
  # Colour needs a terminal: run under `script` to get one.
  command -v script >/dev/null || return 0
  local cmd="$BIN --as-of $AS_OF --data-dir $SCRATCH/data plan --weeks 10 --severity 3"
  env -u NO_COLOR TERM=xterm script -qec "$cmd" /dev/null >"$OUT" 2>&1
  grep -q $'\x1b\[' "$OUT" || fail "no colour on a terminal"
  NO_COLOR=1 TERM=xterm script -qec "$cmd" /dev/null >"$OUT" 2>&1
  ! grep -q $'\x1b\[' "$OUT" || fail "colour despite NO_COLOR"
  env -u NO_COLOR TERM=dumb script -qec "$cmd" /dev/null >"$OUT" 2>&1
  ! grep -q $'\x1b\[' "$OUT" || fail "colour on a dumb terminal"
  env -u NO_COLOR TERM=xterm script -qec "$cmd --color never" /dev/null >"$OUT" 2>&1
  ! grep -q $'\x1b\[' "$OUT" || fail "colour despite --color never"
}

case_help_everywhere() {
  local path
  while read -r path; do
    # shellcheck disable=SC2086
    bc $path --help
    expect_rc 0
    expect_out "Example:"
    expect_width 100
  done <<'LIST'
plan
trend
log
log add
log list
log edit
log rm
log undo
log export
log import
profile
profile set
profile show
profile clear
catalog
catalog list
catalog show
catalog symptoms
catalog check
completions
LIST
}

case_config_with_a_bom_or_too_large() {
  mkdir -p "$(dirname "$CONFIG")"
  printf '\xef\xbb\xbfprofile = "anna"\n' >"$CONFIG"
  bc log add 3
  expect_rc 0
  [ -f "$SCRATCH/data/anna.db" ] || fail "a config that begins with a byte-order mark was not read"
  rm "$CONFIG"
  truncate -s 65M "$CONFIG"
  bc log list
  expect_error 78 "$CONFIG is larger than 64 MiB"
}

finish
