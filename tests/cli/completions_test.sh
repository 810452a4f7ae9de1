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

# The binary as `backcare` on PATH, two profiles with a log, and a file
# whose name has a space, for the shells that press Tab for real.
setup_shell() {
  mkdir -p "$SCRATCH/bin" "$SCRATCH/files"
  ln -s "$BIN" "$SCRATCH/bin/backcare"
  export PATH="$SCRATCH/bin:$PATH"
  bc log add 3
  bc --profile client-2 log add 4
  : >"$SCRATCH/files/my pain.csv"
}

# zsh_tab LINE: what an interactive zsh shows after LINE and a Tab, escape
# sequences removed.
zsh_tab() {
  (cd "$SCRATCH/files" && zsh -f "$SRC/tests/cli/zsh_tab.zsh" "$SCRATCH/fpath" "$1") \
    | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' | tr -d '\r\a\b'
}

case_zsh() {
  command -v zsh >/dev/null || { echo "zsh is not installed"; exit 77; }
  setup_shell
  bc completions zsh
  expect_rc 0
  head -1 "$OUT" | grep -qx '#compdef backcare' || fail "zsh script lacks #compdef"
  expect_no_out "bashcompinit"
  zsh -n "$OUT" || fail "zsh -n"
  mkdir "$SCRATCH/fpath"
  cp "$OUT" "$SCRATCH/fpath/_backcare"
  zsh_tab "backcare pl" | grep -q "backcare plan" || fail "zsh: backcare pl"
  local shown
  shown=$(zsh_tab "backcare plan --format ")
  grep -q "csv *ics *json *markdown *text" <<<"$shown" || fail "zsh: plan --format lists: $shown"
  grep -q "mapfile" <<<"$shown" && fail "zsh ran the bash script: $shown"
  zsh_tab "backcare log add --loc" | grep -q -- "--location" || fail "zsh: log add --loc"
  zsh_tab "backcare --as-of 2026-01-01 plan --delivery v" | grep -q -- "--delivery vaginal" \
    || fail "zsh: --delivery after a global"
  shown=$(zsh_tab "backcare --data-dir $SCRATCH/data --profile ")
  grep -q "client-2 *default" <<<"$shown" || fail "zsh: --profile lists the profiles: $shown"
  zsh_tab "backcare log import my" | grep -qF 'my\ pain.csv' || fail "zsh: a file name with a space"
}

# bash_tab LINE: what an interactive bash in tmux shows after LINE and a Tab.
bash_tab() {
  local socket=$SCRATCH/tmux.socket
  tmux -S "$socket" new-session -d -x 200 -y 20 \
    "env -i HOME=$SCRATCH PATH=$PATH TERM=xterm PS1='$ ' bash --norc --noprofile -i"
  tmux -S "$socket" send-keys "source $SCRATCH/backcare.bash; cd $SCRATCH/files; clear" Enter
  sleep 0.5
  tmux -S "$socket" send-keys "$1" Tab
  sleep 1
  tmux -S "$socket" capture-pane -p
  tmux -S "$socket" kill-server
}

case_bash_in_a_terminal() {
  command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
  setup_shell
  bc completions bash
  cp "$OUT" "$SCRATCH/backcare.bash"
  bash_tab "backcare log import my" | grep -qF 'backcare log import my\ pain.csv' \
    || fail "bash: a file name with a space is not quoted"
  bash_tab "backcare plan --output my" | grep -qF 'backcare plan --output my\ pain.csv' \
    || fail "bash: --output with a space"
  [ "$(complete_bash backcare --data-dir "$SCRATCH/data" --profile "" | tr '\n' ' ')" = "client-2 default " ] \
    || fail "bash: --profile lists the profiles"
}

case_fish() {
  command -v fish >/dev/null || { echo "fish is not installed"; exit 77; }
  setup_shell
  bc completions fish
  expect_rc 0
  expect_out "complete -c backcare -n '__backcare_at \\'plan\\'' -l symptom -x -a 'saddle-numbness"
  fish -n "$OUT" || fail "fish -n"
  cp "$OUT" "$SCRATCH/backcare.fish"
  cd "$SCRATCH/files" || return
  fish_complete() { fish --no-config -c "source $SCRATCH/backcare.fish; complete -C '$1'"; }
  fish_complete 'backcare pl' | grep -q '^plan' || fail "fish: backcare pl"
  fish_complete 'backcare plan --symptom sad' | grep -q '^saddle-numbness' || fail "fish: --symptom sad"
  [ "$(fish_complete 'backcare plan --format ' | cut -f1 | tr '\n' ' ')" = "csv ics json markdown text " ] \
    || fail "fish: plan --format offers files or misses a format: $(fish_complete 'backcare plan --format ')"
  [ "$(fish_complete 'backcare log add --at ' | wc -l)" -eq 0 ] || fail "fish: --at offers files"
  fish_complete 'backcare log import my' | grep -qF 'my pain.csv' || fail "fish: log import offers no files"
  fish_complete 'backcare trend --output my' | grep -qF 'my pain.csv' || fail "fish: --output offers no files"
  [ "$(fish_complete "backcare --data-dir $SCRATCH/data --profile " | cut -f1 | tr '\n' ' ')" = "client-2 default " ] \
    || fail "fish: --profile lists the profiles"
  cd - >/dev/null || return
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
