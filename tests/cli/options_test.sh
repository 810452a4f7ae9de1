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

finish
