# CLI tests of text wrapped to the terminal: COLUMNS, else the terminal's
# width when stdout is one, else 80. Everything she wrote can be read.
source "$(dirname "$0")/lib.sh"

NOTE="after carrying the car seat up three flights of stairs, then bathing the baby on the floor"

# on_a_terminal COLUMNS ARGS...: runs backcare with stdout on a pseudo-terminal
# COLUMNS wide (and no COLUMNS variable); its output goes to $OUT.
on_a_terminal() {
  local columns=$1
  shift
  "$PYTHON" - "$columns" "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" "$@" >"$OUT" 2>"$ERR" <<'PY'
import fcntl, os, pty, struct, sys, termios
columns = int(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    os.execv(sys.argv[2], sys.argv[2:])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write(out.decode().replace("\r\n", "\n"))
PY
  RC=$?
}

# wider_than N: some stdout line is wider than N characters.
wider_than() {
  "$PYTHON" -c "import sys; sys.exit(0 if max(len(l.rstrip('\n')) for l in open(sys.argv[1])) > int(sys.argv[2]) else 1)" \
    "$OUT" "$1"
}

case_log_list_shows_notes_and_tags_whole() {
  bc log add 4 --at 2026-11-25T08:30 --tag night --tag clinician --note "$NOTE"
  bc log list
  expect_rc 0
  expect_para "$NOTE [night, clinician]"
  expect_width 80
  COLUMNS=200 bc log list
  expect_para "$NOTE [night, clinician]"
  [ "$(wc -l <"$OUT")" -eq 2 ] || fail "at 200 columns the entry takes more than one line"
  on_a_terminal 120 log list --color never
  expect_para "$NOTE [night, clinician]"
  expect_width 120
  wider_than 80 || fail "the terminal's width is not used"
}

case_text_follows_columns() {
  COLUMNS=120 bc plan --weeks 10 --severity 3
  expect_rc 0
  expect_width 120
  wider_than 80 || fail "plan text is still wrapped at 80 with COLUMNS=120"
  COLUMNS=120 bc plan --help
  expect_rc 0
  expect_width 120
  wider_than 80 || fail "--help is still wrapped at 80 with COLUMNS=120"
  bc plan --help
  expect_width 80
  COLUMNS=60 bc catalog symptoms
  expect_width 60
  bc catalog symptoms
  expect_width 80
}

finish
