#!/usr/bin/env bash
# Builds the .deb (`cmake --workflow --preset deb`), installs it with apt,
# checks that the installed program, man page and completions are in place,
# then removes it again. Needs root (or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

cmake --workflow --preset deb >/dev/null
deb=$(ls build/release/backcare_*.deb)
dpkg-deb --info "$deb" | grep -E '^ (Package|Version|Depends):'
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
trap '$sudo dpkg -r backcare >/dev/null' EXIT
/usr/bin/backcare --version
/usr/bin/backcare --config /dev/null --as-of 2026-11-26 plan --weeks 10 --severity 4 --format json >/dev/null
test -f /usr/share/man/man1/backcare.1
test -f /usr/share/bash-completion/completions/backcare
test -f /usr/share/zsh/vendor-completions/_backcare
test -f /usr/share/fish/vendor_completions.d/backcare.fish
test -f /usr/share/backcare/rules.toml
echo "check-deb: $deb installs and runs"
