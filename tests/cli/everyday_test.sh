# CLI tests of small everyday things: counts with the right word, and a
# progress line for a long import, on a terminal only.
source "$(dirname "$0")/lib.sh"

case_counts_take_the_right_word() {
  bc log add 3
  bc trend --since today
  expect_out "1 entry on 1 of 1 day, 2026-11-26 to 2026-11-26."
  printf 'id,at,severity,location,tags,note\n5\n' >"$SCRATCH/one.csv"
  bc log import "$SCRATCH/one.csv"
  expect_error 65 "the row has 1 field, the header 6"
  bc trend --format svg
  expect_out "from a backcare log of 1 entry;"
}

# slow_import STDERR_ON_TERMINAL: `log import -` of 3 rows, then 3 seconds
# of nothing, then 3 more; stdout goes to $OUT, stderr to $ERR, through a
# pseudo-terminal when STDERR_ON_TERMINAL is 1.
slow_import() {
  "$PYTHON" - "$1" "$OUT" "$ERR" "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log import - <<'PY'
import os, pty, sys, time
on_terminal, out_path, err_path, argv = sys.argv[1] == "1", sys.argv[2], sys.argv[3], sys.argv[4:]
rows = ["2026-11-%02dT08:00,3,low-back,,\n" % day for day in range(1, 7)]
read_end, write_end = os.pipe()
if on_terminal:
    pid, terminal = pty.fork()
else:
    pid, terminal = os.fork(), None
if pid == 0:
    os.dup2(read_end, 0)
    os.dup2(os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
    if not on_terminal:
        os.dup2(os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
    os.close(write_end)
    os.execv(argv[0], argv)
os.close(read_end)
os.write(write_end, ("at,severity,location,tags,note\n" + "".join(rows[:3])).encode())
time.sleep(3)
os.write(write_end, "".join(rows[3:]).encode())
os.close(write_end)
shown = b""
while terminal is not None:
    try:
        chunk = os.read(terminal, 65536)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
_, status = os.waitpid(pid, 0)
if terminal is not None:
    open(err_path, "wb").write(shown)
sys.exit(os.waitstatus_to_exitcode(status))
PY
  RC=$?
}

case_long_import_shows_progress_on_a_terminal_only() {
  slow_import 1
  expect_rc 0
  expect_out "Imported 6 entries (0 already in the log)."
  grep -qE "backcare: importing, entries read: [1-6]" "$ERR" || fail "no progress line on the terminal: $(cat -v "$ERR")"
  grep -q $'\r\x1b\[K' "$ERR" || fail "the progress line is not erased"
  rm -rf "$SCRATCH/data"
  slow_import 0
  expect_rc 0
  expect_out "Imported 6 entries (0 already in the log)."
  [ ! -s "$ERR" ] || fail "a progress line went to a file: $(cat -v "$ERR")"
}

finish
