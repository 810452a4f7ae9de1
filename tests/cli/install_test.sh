# CLI tests of the man page and of `cmake --install`.
source "$(dirname "$0")/lib.sh"

MAN=$SRC/man/backcare.1

# subcommand_paths [PATH]: every subcommand path, read from the --help pages.
subcommand_paths() {
  local path=$1 sub
  echo "$path"
  # shellcheck disable=SC2086
  for sub in $("$BIN" --config /dev/null $path --help | sed -n '/^Subcommands:/,/^$/p' | awk '/^  [a-z]/ {print $1}'); do
    subcommand_paths "${path:+$path }$sub"
  done
}

case_man_page_lints() {
  mandoc -Tlint "$MAN" || fail "mandoc -Tlint"
  groff -man -Tutf8 -ww -z "$MAN" 2>"$SCRATCH/groff" ; [ ! -s "$SCRATCH/groff" ] || { cat "$SCRATCH/groff"; fail "groff warnings"; }
}

case_man_page_covers_every_option() {
  mandoc -Tascii "$MAN" | sed 's/.\x08//g' >"$SCRATCH/man.txt"
  local path option count=0
  while read -r path; do
    # shellcheck disable=SC2086
    for option in $("$BIN" --config /dev/null $path --help | sed -n '/^Options:/,/^$/p' | grep -oE -- '--[a-z][a-z-]+'); do
      count=$((count + 1))
      grep -qF -- "$option" "$SCRATCH/man.txt" || fail "'backcare $path' option $option is not in the man page"
    done
    [ -z "$path" ] || grep -qF -- "$path" "$SCRATCH/man.txt" || fail "subcommand '$path' is not in the man page"
  done < <(subcommand_paths "")
  [ "$count" -gt 60 ] || fail "only $count options found: is the --help parsing broken?"
  for variable in BACKCARE_DATA_DIR BACKCARE_PROFILE BACKCARE_CATALOG NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME; do
    grep -qF "$variable" "$SCRATCH/man.txt" || fail "$variable is not in the man page"
  done
  for code in 0 3 64 65 66 73 74 78; do
    grep -qE "^ +$code +[A-Z]" "$SCRATCH/man.txt" || fail "exit code $code is not in the man page"
  done
}

case_install_layout() {
  local build
  build=$(dirname "$BIN")
  cmake --install "$build" --prefix "$SCRATCH/prefix" >/dev/null || fail "cmake --install"
  local file
  for file in bin/backcare share/man/man1/backcare.1.gz share/bash-completion/completions/backcare \
              share/zsh/vendor-completions/_backcare share/fish/vendor_completions.d/backcare.fish \
              share/backcare/rules.toml share/backcare/exercises.toml share/doc/backcare/README.md \
              share/doc/backcare/LICENSE share/doc/backcare/copyright share/doc/backcare/changelog.Debian.gz; do
    [ -f "$SCRATCH/prefix/$file" ] || fail "not installed: $file"
  done
  "$SCRATCH/prefix/bin/backcare" --version | grep -q "catalog 2026.11.1" || fail "the installed binary does not run"
  "$SCRATCH/prefix/bin/backcare" catalog check "$SCRATCH/prefix/share/backcare" | grep -q '^ok:' \
    || fail "the installed catalog does not validate"
  bash -n "$SCRATCH/prefix/share/bash-completion/completions/backcare" || fail "installed bash completion"
}

finish
