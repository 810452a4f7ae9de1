# CLI tests of how options take their values: a repeatable option takes one
# value per occurrence, whatever the command.
source "$(dirname "$0")/lib.sh"

case_a_repeatable_option_takes_one_value() {
  bc log add --tag a 3 --tag b
  expect_rc 0
  expect_out "Added entry 1 (2026-11-26T12:00, severity 3"
  bc log list --format json
  json_check 'd[0]["severity"] == 3 and d[0]["tags"] == ["a", "b"]'
  bc log edit --tag c 1 --tag d
  expect_rc 0
  bc log list --format json
  json_check 'd[0]["tags"] == ["c", "d"]'
}

# Every repeatable option of every command: the word after its value is not
# a second value.
case_every_repeatable_option() {
  bc plan --weeks 10 --severity 3 --posture high-hinge extra
  expect_error 64 "unexpected argument for plan: 'extra'"
  bc plan --weeks 10 --severity 3 --symptom leakage extra
  expect_error 64 "unexpected argument for plan: 'extra'"
  bc plan --weeks 10 --severity 3 --equipment band extra
  expect_error 64 "unexpected argument for plan: 'extra'"
  bc profile set --posture high-hinge extra
  expect_error 64 "unexpected argument for profile set: 'extra'"
  bc profile set --equipment band extra
  expect_error 64 "unexpected argument for profile set: 'extra'"
  bc screen --symptom leakage extra
  expect_error 64 "unexpected argument for screen: 'extra'"
  bc screen --no leakage extra
  expect_error 64 "unexpected argument for screen: 'extra'"
  bc session add --skip heel-slide extra
  expect_error 64 "unexpected argument for session add: 'extra'"
  bc session edit 1 --skip heel-slide extra
  expect_error 64 "unexpected argument for session edit: 'extra'"
  # Repeated, they all count.
  bc profile set --posture high-hinge --posture sway-back --equipment band --equipment step
  expect_rc 0
  bc profile show
  expect_out "high-hinge"
  expect_out "sway-back"
  expect_out "step"
}

# A positional list still takes every word.
case_positional_lists_take_all() {
  bc measure psfs "walk=3" "sit=4" "lift=5" --at 2026-11-20
  expect_rc 0
  bc measure list --format json
  json_check 'len(d[0]["scores"]) == 3'
}

# --at, --since and --until take days relative to --as-of (a Thursday):
# today, yesterday, -Nd and the most recent past weekday.
case_relative_days() {
  bc log add 2 --at yesterday
  expect_out "2026-11-25T00:00"
  bc log add 3 --at -3d
  expect_out "2026-11-23T00:00"
  bc log add 4 --at monday
  expect_out "2026-11-23T00:00"
  bc log add 5 --at Thu
  expect_out "2026-11-19T00:00"
  bc log add 6 --at today
  expect_out "2026-11-26T00:00"
  bc log list --since -3d --until yesterday --format json
  json_check '[e["severity"] for e in d] == [3, 4, 2]'
  bc trend --since thursday --format json
  expect_rc 0
  bc log add 2 --at tomorrow
  expect_error 64 "--at must be YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, yesterday, -Nd (N days ago) or a weekday, got 'tomorrow'"
  bc log list --since +3d
  expect_error 64 "--since must be a date as YYYY-MM-DD, today, yesterday, -Nd (N days ago) or a weekday, got '+3d'"
}

finish
