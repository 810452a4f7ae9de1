#!/usr/bin/env bash
# Installs the Debian 12 packages backcare needs (only those missing), then
# configures and builds the release preset. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build   # compiler and build
  file                                # CPack's scan of the .deb's library dependencies
  libcli11-dev libfmt-dev libtomlplusplus-dev nlohmann-json3-dev libsqlite3-dev
  doctest-dev python3 libxml2-utils   # unit tests; JSON and SVG checks in CLI tests
  python3-icalendar python3-vobject   # the iCalendar export's real consumers, in CLI tests
  python3-jsonschema                  # JSON output checked against docs/schema in CLI tests
  mandoc groff                        # man page lint in CLI tests
  clang-format clang-tidy             # the format-check and tidy targets CI runs
  sqlite3 strace                      # scripts/bench.sh: the sqlite3 CLI references, fsync counts
  chromium poppler-utils              # report HTML printed by headless Chromium, its pages counted by pdfinfo
  python3-html5lib                    # report HTML parsed as strict HTML5, in CLI tests
  clang libclang-rt-14-dev            # libFuzzer (the fuzz preset CI runs)
  zsh fish tmux                       # CLI tests press Tab in each shell (tmux drives an interactive bash)
  lintian                             # scripts/check-deb.sh: the .deb passes Debian's checks (no error, no warning)
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cd "$(dirname "$0")/.."
cmake --workflow --preset release
