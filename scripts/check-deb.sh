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
# Debian's own checks: no error and no warning (packaging/lintian-overrides
# holds the one tag kept, with its reason).
lintian --fail-on error,warning "$deb"
# Stripped, gzip'd man page and changelog, copyright where Debian looks.
binary=$(mktemp)
dpkg-deb --fsys-tarfile "$deb" | tar -x -O ./usr/bin/backcare >"$binary"
file "$binary" | grep -q ', stripped' || { echo "check-deb: /usr/bin/backcare is not stripped" >&2; exit 1; }
rm -f "$binary"
contents=$(dpkg-deb -c "$deb")
for path in ./usr/share/man/man1/backcare.1.gz ./usr/share/doc/backcare/changelog.Debian.gz ./usr/share/doc/backcare/copyright; do
  grep -q " $path\$" <<<"$contents" || { echo "check-deb: the package lacks $path" >&2; exit 1; }
done
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
trap '$sudo dpkg -r backcare >/dev/null' EXIT
/usr/bin/backcare --version
# Start-up loads only libc, libm and SQLite (BACKCARE_STATIC_RUNTIME, set by
# the release preset): libstdc++, fmt and toml++ are built in.
needed=$(readelf -d /usr/bin/backcare | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
[ "$needed" = "ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libsqlite3.so.0 " ] \
  || { echo "check-deb: /usr/bin/backcare loads $needed" >&2; exit 1; }
# toml++ from its headers (as built here, with NDEBUG) gives the inputs that
# trip its debug-build assertion (upstream issue 294) a normal parse error,
# and a non-ASCII letter outside a string is refused before toml++ sees it.
bad=$(mktemp --suffix=.toml)
for text in '[,a]' '[&' '[[[1]]]' "$(printf 'coo\xc4\x8eys"')"; do
  printf '%s\n' "$text" >"$bad"
  rc=0
  /usr/bin/backcare catalog check "$bad" 2>"$bad.err" || rc=$?
  grep -q "^backcare: error: $bad:1:" "$bad.err" && [ "$rc" -eq 65 ] \
    || { echo "check-deb: '$text' gave exit $rc: $(cat "$bad.err")" >&2; exit 1; }
done
rm -f "$bad" "$bad.err"
/usr/bin/backcare --config /dev/null --as-of 2026-11-26 plan --weeks 10 --severity 4 --format json >/dev/null
test -f /usr/share/man/man1/backcare.1.gz
test -f /usr/share/bash-completion/completions/backcare
test -f /usr/share/zsh/vendor-completions/_backcare
test -f /usr/share/fish/vendor_completions.d/backcare.fish
test -f /usr/share/backcare/rules.toml
echo "check-deb: $deb installs and runs"
