# CLI tests of `backcare catalog`, --catalog, and the top-level command line.
source "$(dirname "$0")/lib.sh"

case_check_builtin() {
  bc catalog check
  expect_rc 0
  expect_out "ok: catalog 2026.11.1: 19 exercises, 4 phases, 24 symptoms, 25 rules"
  bc catalog check "$SRC/catalog"
  expect_rc 0
  bc catalog check "$SRC/catalog/rules.toml"
  expect_error 65 "$SRC/catalog/rules.toml:"
}

case_check_reports_position() {
  mkdir "$SCRATCH/cat"
  cp "$SRC"/catalog/*.toml "$SCRATCH/cat/"
  sed -i 's/^days_per_week = 7/&/; 0,/^name = "Heel slide"/s//name = "Heel slide"\ncolour = "red"/' "$SCRATCH/cat/exercises.toml"
  local line
  line=$(grep -n '^colour = "red"' "$SCRATCH/cat/exercises.toml" | cut -d: -f1)
  bc catalog check "$SCRATCH/cat"
  expect_error 65 "$SCRATCH/cat/exercises.toml:$line:1: exercise 'heel-slide': unknown key 'colour'"
  bc --catalog "$SCRATCH/cat" plan --weeks 10 --severity 4
  expect_error 65 "exercises.toml:$line:1:"
  printf '[[rule]\n' >"$SCRATCH/cat/zz.toml"
  rm "$SCRATCH/cat/exercises.toml"
  bc catalog check "$SCRATCH/cat"
  expect_error 65 "$SCRATCH/cat/zz.toml:1:8: Error while parsing table header"
}

case_catalog_replaces_builtin() {
  mkdir "$SCRATCH/cat"
  cp "$SRC"/catalog/*.toml "$SCRATCH/cat/"
  sed -i 's/^name = "Heel slide"/name = "Heel slide (custom)"/' "$SCRATCH/cat/exercises.toml"
  bc --catalog "$SCRATCH/cat" plan --weeks 10 --severity 4
  expect_rc 0
  expect_out "Heel slide (custom): 2 x 10 each side."
  BACKCARE_CATALOG="$SCRATCH/cat" bc plan --weeks 10 --severity 4
  expect_out "Heel slide (custom)"
}

case_catalog_missing_path() {
  bc --catalog "$SCRATCH/none" plan --weeks 10 --severity 4
  expect_error 66 "--catalog: no such file or folder: $SCRATCH/none"
  bc catalog check "$SCRATCH/none"
  expect_error 66 "no such file or folder"
}

case_unknown_options() {
  bc plan --sevrity 4
  expect_error 64 "unknown option --sevrity for plan; did you mean --severity?"
  bc plan --weeks 10 --sev=4
  expect_error 64 "unknown option --sev for plan; did you mean --severity?"
  bc plan --weeks 10 --xyz
  expect_error 64 "unknown option --xyz for plan; backcare plan --help lists them"
  bc plan --weeks 10 -x
  expect_error 64 "unknown option -x for plan; backcare plan --help lists them"
  bc --xyz plan --weeks 10
  expect_error 64 "unknown option --xyz for plan; backcare plan --help lists them"
  bc log add --nte hello 4
  expect_error 64 "unknown option --nte for log add; did you mean --note?"
  bc log add --xyz
  expect_error 64 "unknown option --xyz for log add; backcare log add --help lists them"
  bc session add --pain-durng 3
  expect_error 64 "unknown option --pain-durng for session add; did you mean --pain-during?"
  bc session add --sevrity 3
  expect_error 64 "unknown option --sevrity for session add; backcare session add --help lists them"
  bc --xyz
  expect_error 64 "unknown option --xyz; backcare --help lists them"
  bc log add 4 5 six
  expect_error 64 "unexpected arguments for log add: '5', 'six'; backcare log add --help lists what it takes"
  bc log add 4 -- -5
  expect_error 64 "unexpected argument for log add: '-5'; backcare log add --help lists what it takes"
  bc plan --weeks 10 --severity 4 extra
  expect_error 64 "unexpected argument for plan: 'extra'; backcare plan --help lists what it takes"
  bc plan --help --xyz
  expect_rc 0
  [ ! -e "$SCRATCH/data/default.db" ] || fail "a refused command created the log"
}

case_list_and_show() {
  bc catalog list
  expect_rc 0
  expect_out "Phase 2: Activate"
  expect_out "heel-slide"
  bc catalog show heel-slide
  expect_rc 0
  expect_out "Heel slide (heel-slide)"
  expect_out "Easier: Slide the heel only half way."
  bc catalog show severe-pain
  expect_out "Holds the plan at phase 1 or below."
  bc catalog show 3
  expect_out "Opens at week 6 after a vaginal birth, week 8 after a caesarean."
  bc catalog show nothing-here
  expect_error 64 "no exercise, rule, symptom or phase 'nothing-here'"
}

case_symptoms() {
  bc catalog symptoms
  expect_rc 0
  expect_out "saddle-numbness (emergency)"
  expect_out "fever (urgent)"
  expect_out "leakage (refer)"
  expect_width 80
}

case_command_line() {
  bc
  expect_error 64 "subcommand"
  bc bogus
  expect_error 64 "unknown command 'bogus' (backcare commands: plan, log, trend, screen, session, measure, report, profile, backup, restore, catalog, completions)"
  bc --color never plna --weeks 3
  expect_error 64 "unknown command 'plna'; did you mean 'plan'?"
  bc log ad 3
  expect_error 64 "unknown command 'ad'; did you mean 'add'? (backcare log commands: add, list, edit, rm, undo, export, import)"
  bc log add 3 --note hello
  expect_rc 0
  bc --help
  expect_rc 0
  expect_out "plan"
  bc plan --help
  expect_rc 0
  expect_out "--pain-duration"
  expect_out "Example:"
  bc --version
  expect_rc 0
  expect_out "(catalog 2026.11.1)"
  bc catalog
  expect_error 64 "subcommand"
}

finish
