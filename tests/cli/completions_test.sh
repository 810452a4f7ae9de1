# CLI tests of `backcare completions`.
source "$(dirname "$0")/lib.sh"

# complete WORDS...: what the bash completion offers for the last word.
complete_bash() {
  bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _backcare
    printf "%s\n" "${COMPREPLY[@]}"
  ' _ "$SCRATCH/backcare.bash" "$@"
}

case_bash() {
  bc completions bash
  expect_rc 0
  cp "$OUT" "$SCRATCH/backcare.bash"
  bash -n "$SCRATCH/backcare.bash" || fail "bash -n"
  [ "$(complete_bash backcare pl)" = plan ] || fail "'backcare pl' does not offer plan"
  [ "$(complete_bash backcare plan --symptom sad)" = saddle-numbness ] || fail "--symptom sad"
  [ "$(complete_bash backcare --as-of 2026-01-01 plan --delivery v)" = vaginal ] || fail "--delivery after a global"
  [ "$(complete_bash backcare log a)" = add ] || fail "log a"
  [ "$(complete_bash backcare trend --format s)" = svg ] || fail "trend --format s"
  [ "$(complete_bash backcare log list --format j)" = json ] || fail "log list --format j"
  [ "$(complete_bash backcare catalog show heel)" = heel-slide ] || fail "catalog show heel"
  [ "$(complete_bash backcare plan --color al)" = always ] || fail "a global option's values under a subcommand"
  complete_bash backcare plan --pain | grep -qx -- --pain-duration || fail "plan --pain"
  complete_bash backcare plan --pro | grep -qx -- --profile || fail "global options under plan"
}

case_zsh_and_fish() {
  bc completions zsh
  expect_rc 0
  head -1 "$OUT" | grep -qx '#compdef backcare' || fail "zsh script lacks #compdef"
  if command -v zsh >/dev/null; then zsh -n "$OUT" || fail "zsh -n"; fi
  bc completions fish
  expect_rc 0
  expect_out "complete -c backcare -n '__backcare_at \\'plan\\'' -l symptom -r -a 'saddle-numbness"
  if command -v fish >/dev/null; then
    fish -n "$OUT" || fail "fish -n"
    cp "$OUT" "$SCRATCH/backcare.fish"
    fish -c "source $SCRATCH/backcare.fish; complete -C 'backcare pl'" | grep -q '^plan' || fail "fish: backcare pl"
    fish -c "source $SCRATCH/backcare.fish; complete -C 'backcare plan --symptom sad'" | grep -q '^saddle-numbness' \
      || fail "fish: --symptom sad"
  fi
  bc completions tcsh
  expect_error 64 "SHELL must be one of bash, zsh, fish, got 'tcsh'"
}

case_follows_the_catalog() {
  mkdir "$SCRATCH/cat"
  cp "$SRC"/catalog/*.toml "$SCRATCH/cat/"
  printf '\n[[symptom]]\nid = "sadness"\nquestion = "Low mood?"\n' >>"$SCRATCH/cat/symptoms.toml"
  sed -i 's/"pelvic-pain-not-improving"\] }/"pelvic-pain-not-improving", "sadness"] }/' "$SCRATCH/cat/rules.toml"
  bc --catalog "$SCRATCH/cat" completions bash
  expect_rc 0
  cp "$OUT" "$SCRATCH/backcare.bash"
  [ "$(complete_bash backcare plan --symptom sad | sort | tr '\n' ' ')" = "saddle-numbness sadness " ] \
    || fail "completions do not follow --catalog"
}

finish
