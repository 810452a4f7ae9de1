#!/usr/bin/env bash
# The layer rule (README "Architecture"): core includes only core; store and
# render include core and themselves, never each other; core does no I/O and
# never reads the clock. The build enforces the links; this checks includes.
set -u
root=${1:?usage: layers_test.sh SOURCE_DIR}
cd "$root" || exit 1
status=0

check() { # layer, allowed-pattern, files...
  local layer=$1 allowed=$2
  shift 2
  local bad
  bad=$(grep -Hn '#include "' "$@" | grep -Ev "#include \"(backcare/($allowed)/|[a-z_]+\.hpp\")" || true)
  if [[ -n $bad ]]; then
    echo "layers: $layer includes outside ($allowed):"
    echo "$bad"
    status=1
  fi
}

check core 'core' src/core/*.cpp include/backcare/core/*.hpp
check store 'core|store' src/store/*.cpp include/backcare/store/*.hpp
check render 'core|render' src/render/*.cpp include/backcare/render/*.hpp src/render/*.hpp

# Core: no files, no terminal, no clock, no database.
bad=$(grep -HnE '#include <(fstream|iostream|cstdio|ctime|sqlite3\.h|toml\+\+/.*|unistd\.h|sys/.*)>|std::time\(|system_clock|steady_clock|getenv' \
  src/core/*.cpp include/backcare/core/*.hpp || true)
if [[ -n $bad ]]; then
  echo "layers: core does I/O or reads the clock:"
  echo "$bad"
  status=1
fi
[[ $status == 0 ]] && echo "layers: ok"
exit $status
