# CLI tests of data integrity and hostile input (issue 10): the log is never
# overwritten or rewritten by mistake, faults (kill -9, a full disk, links,
# devices, concurrent writers) never lose or damage data, and bad input is
# refused with one clear line.
source "$(dirname "$0")/lib.sh"

DB=$SCRATCH/data/default.db
CONFIG=$XDG_CONFIG_HOME/backcare/config.toml

# entries: how many entries `log export --format json` gives.
entries() {
  bc log export --format json
  "$PYTHON" -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$OUT"
}

# raw_sql DB SQL: runs SQL on a database with Python's sqlite3, prints the rows.
raw_sql() {
  "$PYTHON" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(*r) for r in c.execute(sys.argv[2])]; c.commit()" "$1" "$2"
}

case_output_never_overwrites_a_log() {
  bc log add 3 --at 2026-11-20T08:00
  cp "$DB" "$SCRATCH/before.db"
  bc plan --weeks 10 --severity 3 --output "$DB"
  expect_error 73 "cannot write $DB: it is a database"
  bc trend --output "$DB"
  expect_error 73 "it is a database"
  bc log export --output "$DB"
  expect_error 73 "it is a database"
  bc --profile other log add 2
  bc log export --output "$SCRATCH/data/other.db"
  expect_error 73 "it is a database"
  "$PYTHON" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('BEGIN'); c.execute('SELECT 1'); import shutil; shutil.copy(sys.argv[1], sys.argv[1])" "$DB" 2>/dev/null
  bc log export --output "$DB-wal"
  expect_error 73 "it is a database"
  cmp -s "$DB" "$SCRATCH/before.db" || fail "the log was overwritten"
  [ "$(entries)" = 1 ] || fail "the log lost its entry"
}

case_foreign_database_is_never_written() {
  mkdir -p "$SCRATCH/data"
  raw_sql "$DB" "CREATE TABLE notes (x TEXT)" >/dev/null
  cp "$DB" "$SCRATCH/copy"
  bc log list
  expect_error 74 "is not a backcare log (another program's database?); it was left untouched"
  bc log add 3
  expect_error 74 "is not a backcare log"
  bc plan --weeks 10 --severity 3
  expect_error 74 "is not a backcare log"
  cmp -s "$DB" "$SCRATCH/copy" || fail "another program's database was changed"
  [ ! -e "$DB-wal" ] || fail "a WAL file was made"
  # Same name, other columns, and a version set: still not ours.
  rm -f "$DB"
  raw_sql "$DB" "CREATE TABLE entry (x TEXT); PRAGMA user_version = 1" >/dev/null
  raw_sql "$DB" "PRAGMA user_version = 1" >/dev/null
  cp "$DB" "$SCRATCH/copy"
  bc log add 3
  expect_error 74 "is not a backcare log"
  cmp -s "$DB" "$SCRATCH/copy" || fail "a foreign 'entry' table was changed"
  [ "$(raw_sql "$DB" "PRAGMA journal_mode")" = delete ] || fail "the journal mode was changed"
}

case_newer_database_is_never_written() {
  mkdir -p "$SCRATCH/data"
  raw_sql "$DB" "CREATE TABLE entry (id INTEGER PRIMARY KEY)" >/dev/null
  raw_sql "$DB" "PRAGMA user_version = 9" >/dev/null
  cp "$DB" "$SCRATCH/copy"
  bc log list
  expect_error 74 "was written by a newer backcare (schema 9, this one knows "
  expect_error 74 "); it was left untouched"
  bc log add 4
  expect_error 74 "newer backcare"
  cmp -s "$DB" "$SCRATCH/copy" || fail "a newer log was changed"
  [ "$(raw_sql "$DB" "PRAGMA journal_mode")" = delete ] || fail "the journal mode was changed"
}

case_device_fifo_and_existing_outputs() {
  bc log add 3 --at 2026-11-20T08:00 --note "for the physio"
  # A device node stays a device node (a copy of /dev/null, so that a
  # failure never touches the real one).
  if [ "$(id -u)" -eq 0 ]; then
    mknod "$SCRATCH/null" c 1 3
    bc log export --output "$SCRATCH/null"
    expect_rc 0
    [ -c "$SCRATCH/null" ] || fail "the device node was replaced"
  fi
  bc log export --output /dev/null
  expect_rc 0
  [ -c /dev/null ] || fail "/dev/null was replaced"
  mkfifo "$SCRATCH/fifo"
  cat "$SCRATCH/fifo" >"$SCRATCH/from-fifo" &
  bc log export --output "$SCRATCH/fifo"
  expect_rc 0
  wait
  [ -p "$SCRATCH/fifo" ] || fail "the FIFO was replaced"
  grep -q "for the physio" "$SCRATCH/from-fifo" || fail "nothing came through the FIFO"
  # An existing file keeps its mode, its hard links and its symbolic link.
  bc log export --output "$SCRATCH/out.csv"
  chmod 0600 "$SCRATCH/out.csv"
  ln "$SCRATCH/out.csv" "$SCRATCH/hard.csv"
  ln -s out.csv "$SCRATCH/soft.csv"
  bc log add 4 --at 2026-11-21T08:00 --note "second"
  bc log export --output "$SCRATCH/soft.csv"
  expect_rc 0
  [ -L "$SCRATCH/soft.csv" ] || fail "the symbolic link was replaced"
  [ "$(stat -c %a "$SCRATCH/out.csv")" = 600 ] || fail "the mode was not kept: $(stat -c %a "$SCRATCH/out.csv")"
  [ "$(stat -c %h "$SCRATCH/out.csv")" = 2 ] || fail "the hard link was cut"
  grep -q second "$SCRATCH/hard.csv" || fail "the hard link does not see the new content"
  [ -z "$(ls -A "$SCRATCH" | grep '^\.')" ] || fail "a temporary file was left"
}

case_signal_leaves_no_temporary() {
  mkdir -p "$SCRATCH/out"
  # A log big enough that the export is still writing when the signal comes.
  bc log add 3 --at 2026-11-01T08:00
  raw_sql "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)
                 INSERT INTO entry (at, severity, location, note) SELECT '2026-11-02T08:00', i % 11, 'low-back', 'note ' || i FROM n" \
    || fail "could not fill the log"
  local signal caught=0
  for signal in TERM INT; do
    "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log export --output "$SCRATCH/out/log.csv" 2>/dev/null &
    local pid=$! tries=0
    while [ -z "$(ls -A "$SCRATCH/out")" ] && [ $tries -lt 20000 ] && kill -0 $pid 2>/dev/null; do
      tries=$((tries + 1))
    done
    if [ -n "$(ls -A "$SCRATCH/out" | grep '^\.')" ]; then
      caught=$((caught + 1))
    fi
    kill -s $signal $pid 2>/dev/null
    wait $pid
    [ -z "$(ls -A "$SCRATCH/out" | grep '^\.')" ] || fail "SIG$signal left a temporary file"
    rm -f "$SCRATCH/out/log.csv"
  done
  [ $caught -gt 0 ] || echo "note: the export finished before any signal; nothing was tested"
}

case_catalog_phase_one_must_open_at_week_zero() {
  cp -r "$SRC/catalog" "$SCRATCH/catalog"
  sed -i '0,/min_weeks = { vaginal = 0, cesarean = 0 }/s//min_weeks = { vaginal = 2, cesarean = 2 }/' \
    "$SCRATCH/catalog/phases.toml"
  bc catalog check "$SCRATCH/catalog"
  expect_error 65 "$SCRATCH/catalog/phases.toml:9:1: phase 1 must open at week 0"
  bc --catalog "$SCRATCH/catalog" plan --weeks 1 --severity 3
  expect_error 65 "phase 1 must open at week 0"
  bc --catalog "$SCRATCH/catalog" plan --weeks 1 --severity 3 --format markdown
  expect_error 65 "phase 1 must open at week 0"
}

case_symlinked_folders_work() {
  mkdir -p "$SCRATCH/real"
  ln -s real "$SCRATCH/link"
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/link/data" log add 3 >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 0
  [ -f "$SCRATCH/real/data/default.db" ] || fail "the log is not in the linked folder"
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/link/data" log list >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 0
  expect_out "2026-11-26T12:00"
  # A linked home, with the default data folder under it.
  mkdir -p "$SCRATCH/home-real"
  ln -s home-real "$SCRATCH/home"
  HOME=$SCRATCH/home XDG_DATA_HOME='' "$BIN" --as-of "$AS_OF" log add 4 >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 0
  [ -f "$SCRATCH/home-real/.local/share/backcare/default.db" ] || fail "no log under the linked home"
  [ "$(stat -c %a "$SCRATCH/home-real/.local")" = 700 ] || fail "a new parent folder is not 0700"
}

case_symlinked_log_file_is_refused() {
  mkdir -p "$SCRATCH/data" "$SCRATCH/elsewhere"
  bc --data-dir "$SCRATCH/elsewhere" log add 3
  ln -s "$SCRATCH/elsewhere/default.db" "$DB"
  bc log add 4
  expect_error 74 "$DB is a symbolic link; backcare only opens a real file as the log"
  bc log list
  expect_error 74 "is a symbolic link"
  ln -s "$SCRATCH/nowhere.db" "$SCRATCH/data/dangling.db"
  bc --profile dangling log add 4
  expect_error 74 "is a symbolic link"
  [ ! -e "$SCRATCH/nowhere.db" ] || fail "a file was made through a dangling link"
}

case_concurrent_first_writers_all_land() {
  # Several new logs, each with 50 first writers at once: the race to make
  # the log and switch it to WAL is what once lost entries.
  local round i
  for round in 1 2 3 4; do
    for i in $(seq 1 50); do
      "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" --profile "new-$round" log add $((i % 11)) \
        --at 2026-11-02T08:00 --note "run $i" >/dev/null 2>>"$SCRATCH/errors" &
    done
  done
  wait
  # Under a sanitizer on a busy machine a writer may wait long enough to
  # say so: that is fine, an error is not.
  grep -v "^backcare: waiting for another backcare" "$SCRATCH/errors" >"$SCRATCH/real-errors"
  [ ! -s "$SCRATCH/real-errors" ] || { sort "$SCRATCH/real-errors" | uniq -c; fail "a concurrent first add failed"; }
  for round in 1 2 3 4; do
    bc --profile "new-$round" log export --format json
    json_check "len(d) == 50"
  done
  [ -z "$(ls -A "$SCRATCH/data" | grep '^\.')" ] || fail "a half-made log was left"
}

case_add_waits_for_a_long_writer() {
  bc log add 3 --at 2026-11-01T08:00
  # Another writer (a long import) holds the write lock for 6 seconds.
  "$PYTHON" -c "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE'); open(sys.argv[2],'w').close(); time.sleep(6); c.execute('ROLLBACK')" \
    "$DB" "$SCRATCH/locked" &
  while [ ! -e "$SCRATCH/locked" ]; do sleep 0.05; done
  bc log add 5 --at 2026-11-02T08:00
  wait
  expect_rc 0
  expect_out "Added entry 2"
  grep -q "waiting for another backcare that is writing this log (an import can take a while)" "$ERR" \
    || fail "no message while waiting"
  [ "$(entries)" = 2 ] || fail "the add did not land"
}

case_kill_during_import_and_add_keeps_the_log_whole() {
  bc log add 3 --at 2026-11-01T08:00
  "$PYTHON" -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('at,severity,note\n')
    for i in range(200000):
        f.write('2026-10-%02dT%02d:%02d,%d,row %d\n' % (1 + i % 28, i % 24, i % 60, i % 11, i))
" "$SCRATCH/big.csv"
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log import "$SCRATCH/big.csv" >/dev/null 2>&1 &
  local pid=$!
  sleep 0.4
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  local i
  for i in $(seq 1 12); do
    "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log add 4 --at 2026-11-02T08:00 --note "add $i" >/dev/null 2>&1 &
  done
  sleep 0.05
  kill -9 $(jobs -p) 2>/dev/null
  wait 2>/dev/null
  [ "$(raw_sql "$DB" "PRAGMA integrity_check")" = ok ] || fail "the log is damaged"
  local n
  n=$(entries)
  expect_rc 0
  # All or nothing: the import landed whole or not at all.
  local imported
  imported=$(raw_sql "$DB" "SELECT count(*) FROM entry WHERE note LIKE 'row %'")
  [ "$imported" = 0 ] || [ "$imported" = 200000 ] || fail "a partial import: $imported rows"
  bc log add 5 --at 2026-11-03T08:00
  expect_rc 0
  [ "$(entries)" = $((n + 1)) ] || fail "the log does not take new entries after kill -9"
}

case_large_ids() {
  printf '[{"id": 9223372036854775807, "at": "2026-11-01T08:00", "severity": 3}]' >"$SCRATCH/ids.json"
  bc log import "$SCRATCH/ids.json"
  expect_rc 0
  bc log edit 9223372036854775807 --severity 4
  expect_rc 0
  expect_out "Edited entry 9223372036854775807"
  bc log add 2 --at 2026-11-02T08:00
  expect_rc 0
  bc log rm 9223372036854775807
  expect_rc 0
  bc log rm 9223372036854775808
  expect_error 64 "ID must be a whole number 1-9223372036854775807, got '9223372036854775808'"
  printf '[{"id": 9223372036854775808, "at": "2026-11-01T08:00", "severity": 3}]' >"$SCRATCH/too-big.json"
  bc log import "$SCRATCH/too-big.json"
  expect_error 65 "'id' must be a whole number 1-9223372036854775807, got 9223372036854775808"
}

case_text_is_valid_and_safe() {
  bc log add 3 --note $'bad \xff byte'
  expect_error 64 "--note must be UTF-8 text, got 'bad \\xff byte'"
  bc log add 3 --tag $'\xc3'
  expect_error 64 "--tag must be UTF-8 text"
  printf 'at,severity,note\n2026-11-01,3,fine\n2026-11-02,4,bad \xff\n' >"$SCRATCH/bad.csv"
  bc log import "$SCRATCH/bad.csv"
  expect_error 65 "$SCRATCH/bad.csv:3:14: 'note' is not valid UTF-8 text"
  bc log add 3 --at 2026-11-01T08:00 --note $'\e[31mred\e[0m \a'
  expect_rc 0
  bc log list
  expect_rc 0
  ! grep -q $'\e' "$OUT" || fail "an escape sequence reached the terminal"
  expect_out '\x1b[31mred\x1b[0m \x07'
  bc log list --format json
  json_check "d[0]['note'] == '\x1b[31mred\x1b[0m \x07'"
  # A note with invalid UTF-8 already in the log (an older backcare let it
  # in) never breaks a JSON export halfway, nor reaches the terminal raw.
  raw_sql "$DB" "INSERT INTO entry (at, severity, location, note) VALUES ('2026-11-02T08:00', 4, 'hip', CAST(X'6F6C64FF' AS TEXT))" >/dev/null
  bc log list --format json
  expect_rc 0
  json_check "d[1]['note'] == 'old\ufffd'"
  bc log export --format json
  expect_rc 0
  json_check "len(d) == 2"
  bc log list
  expect_out 'old\xff'
  # Errors quoting what was typed stay one line.
  bc log add 3 --location $'knee\nbackcare: error: fake'
  expect_error 64 "got 'knee\\nbackcare: error: fake'"
  bc log add $'3\e[2J'
  expect_error 64 "got '3\\x1b[2J'"
  bc log import $'no\nsuch'
  expect_error 66 "cannot read no\\nsuch"
}

case_empty_values_are_bad_values() {
  bc log add 3 --at ''
  expect_error 64 "--at must not be empty"
  bc --as-of '' log list
  expect_error 64 "--as-of must not be empty"
  bc log list --since ''
  expect_error 64 "--since must not be empty"
  bc log list --until ''
  expect_error 64 "--until must not be empty"
  bc log list --format ''
  expect_error 64 "--format must not be empty (one of text, json, csv)"
  bc log edit 1 --severity ''
  expect_error 64 "--severity must not be empty"
  bc trend --format ''
  expect_error 64 "--format must not be empty"
  bc trend --output ''
  expect_error 64 "--output must not be empty"
  bc log export --output ''
  expect_error 64 "--output must not be empty"
  bc profile set --birth-date ''
  expect_error 64 "--birth-date must not be empty"
  bc catalog show ''
  expect_error 64 "ID must not be empty"
  bc --data-dir '' log add 3
  expect_error 64 "--data-dir must not be empty"
  bc --catalog '' catalog list
  expect_error 64 "--catalog must not be empty"
  bc --config '' log list
  expect_error 64 "--config must not be empty"
  BACKCARE_DATA_DIR='' "$BIN" --as-of "$AS_OF" log add 3 >"$OUT" 2>"$ERR"
  RC=$?
  expect_error 64 "BACKCARE_DATA_DIR is set but empty"
  BACKCARE_PROFILE='' bc log add 3
  expect_error 64 "BACKCARE_PROFILE is set but empty"
  mkdir -p "$(dirname "$CONFIG")"
  printf 'color = "never"\ndata-dir = ""\n' >"$CONFIG"
  bc log add 3
  expect_error 78 "$CONFIG:2: 'data-dir' must not be empty"
  rm "$CONFIG"
  # log edit --note "" still clears a note; log add --note "" is no note.
  bc log add 3 --at 2026-11-01T08:00 --note ""
  expect_rc 0
  [ ! -e "$XDG_DATA_HOME/backcare/default.db" ] || fail "an empty value fell back to the default data folder"
  [ "$(entries)" = 1 ] || fail "a refused command changed the log"
}

case_codes_and_messages() {
  printf '[{"at": "2026-11-01",\n "severity": 1e999}]' >"$SCRATCH/overflow.json"
  bc log import "$SCRATCH/overflow.json"
  expect_error 65 "$SCRATCH/overflow.json:2:"
  expect_error 65 "number overflow"
  printf 'at,severity\r2026-11-01,4\r2026-11-02,4\r2026-11-03,x\r' >"$SCRATCH/cr.csv"
  bc log import "$SCRATCH/cr.csv"
  expect_error 65 "$SCRATCH/cr.csv:4:12: 'severity' must be a whole number 0-10, got 'x'"
  printf '{"at": "2026-11-01", "severity": 3}' >"$SCRATCH/object.json"
  bc log import "$SCRATCH/object.json"
  expect_error 65 "$SCRATCH/object.json:1:1: a JSON import must be an array of entries"
  printf '[{"at": "2026-11-01", "severity": 18446744073709551615}]' >"$SCRATCH/huge.json"
  bc log import "$SCRATCH/huge.json"
  expect_error 65 "'severity' must be 0-10, got 18446744073709551615"
  bc log import /dev/zero
  expect_error 65 "/dev/zero:1:1: a row longer than 1 MiB"
  # A pipe is read as a stream.
  printf 'at,severity\n2026-11-01,4\n' | "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log import /dev/stdin \
    >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 0
  expect_out "Imported 1 entry"
  bc log add 3 --at 2026-11-20T08:00
  bc log list --until 9999-12-31
  expect_rc 0
  expect_out "2026-11-20T08:00"
  bc trend --until 9999-12-31 --format json
  json_check "d['entries'] == 2"
}

# to_full ARGS...: runs backcare with stdout on a full disk (/dev/full).
to_full() {
  : >"$OUT"
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" "$@" >/dev/full 2>"$ERR" </dev/null
  RC=$?
}

# commit_fails ARGS...: runs backcare where its commit cannot be written:
# the WAL may not grow past 1 KiB (a full disk, as far as SQLite can tell),
# while stdout is a small file that can.
commit_fails() {
  (
    trap '' XFSZ
    ulimit -f 1
    exec "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" "$@" >"$OUT" 2>"$ERR" </dev/null
  )
  RC=$?
}

case_confirmation_comes_after_the_commit() {
  bc log add 3 --at 2026-11-20T08:00
  bc profile set --birth-date 2026-09-01
  commit_fails log add 4 --at 2026-11-21T08:00
  expect_rc 74
  expect_no_out "Added entry"
  [ "$(entries)" = 1 ] || fail "a failed commit saved an entry"
  bc log add 2 --at 2026-11-22T08:00
  commit_fails session add --at 2026-11-25T18:00 --pain-during 2
  expect_rc 74
  expect_no_out "session"
  commit_fails session skip --at 2026-11-25T18:00 --reason baby
  expect_rc 74
  expect_no_out "session"
  commit_fails measure psfs "lift the baby=4" "walk=5" "sit=6" --at 2026-11-25T18:00
  expect_rc 74
  expect_no_out "PSFS"
  commit_fails log undo
  expect_rc 74
  expect_no_out "Undid"
  [ "$(entries)" = 2 ] || fail "a failed undo changed the log"
  bc session list --format json
  json_check "d == []"
  bc measure list --format json
  json_check "d == []"
}

case_failed_confirmation_keeps_the_change() {
  bc log add 3 --at 2026-11-20T08:00
  bc profile set --birth-date 2026-09-01
  to_full log add 4 --at 2026-11-21T08:00
  expect_error 74 "saved entry 2, but could not write the confirmation: cannot write to standard output"
  [ "$(entries)" = 2 ] || fail "an add whose confirmation failed was not saved"
  to_full log undo
  expect_error 74 "undid: added entry 2 (2026-11-21T08:00, severity 4), but could not write the confirmation"
  [ "$(entries)" = 1 ] || fail "an undo whose confirmation failed was not done"
  to_full log edit 1 --severity 5
  expect_error 74 "saved the edit of entry 1, but could not write the confirmation"
  to_full session add --at 2026-11-25T18:00 --pain-during 2
  expect_error 74 "saved session 1, but could not write the confirmation"
  to_full session skip --at 2026-11-24T18:00 --reason baby
  expect_error 74 "saved session 2, but could not write the confirmation"
  bc session list --format json
  json_check "len(d) == 2"
  to_full measure psfs "lift the baby=4" "walk=5" "sit=6" --at 2026-11-25T18:00
  expect_error 74 "saved PSFS rating 1, but could not write the confirmation"
  bc measure list --format json
  json_check "len(d) == 1"
  to_full screen --none
  expect_error 74 "saved screening 1, but could not write the confirmation"
  to_full profile set --delivery cesarean
  expect_error 74 "saved the profile, but could not write the confirmation"
  bc profile show
  expect_out "cesarean"
  to_full profile clear
  expect_error 74 "cleared the profile, but could not write the confirmation"
  bc profile show
  expect_no_out "cesarean"
  bc log undo
  expect_out "Undid: saved the screening of"
}

case_stale_wal_is_never_replayed() {
  bc log add 3 --at 2026-11-20T08:00
  bc log add 4 --at 2026-11-21T08:00
  [ -s "$DB-wal" ] || fail "no WAL was left to test with"
  rm -f "$DB" "$DB-shm"
  bc log add 5 --at 2026-11-22T08:00
  expect_rc 0
  [ "$(wc -l <"$ERR")" -eq 1 ] || fail "the note is not one line"
  grep -q "^backcare: note: $DB was gone but not its WAL; moved the leftovers aside (default.db-wal.orphaned-[0-9]\{8\}T[0-9]\{6\})" "$ERR" \
    || fail "no note of the leftover WAL"
  [ "$(entries)" = 1 ] || fail "a stale WAL brought deleted entries back"
  ls "$SCRATCH/data" | grep -q '^default.db-wal.orphaned-' || fail "the leftover WAL was not kept aside"
  bc log add 6 --at 2026-11-23T08:00
  [ ! -s "$ERR" ] || fail "a later add spoke of leftovers"
  [ "$(entries)" = 2 ] || fail "the new log lost an entry"
}

case_hostile_schema_is_refused() {
  bc log add 3 --at 2026-11-20T08:00
  raw_sql "$DB" "CREATE TRIGGER wipe AFTER INSERT ON entry BEGIN DELETE FROM entry; END" >/dev/null
  bc log add 4 --at 2026-11-21T08:00
  expect_error 65 "$DB is not a log as backcare writes it: it has a trigger 'wipe' that backcare does not make; it was left untouched"
  [ "$(raw_sql "$DB" "SELECT count(*) FROM entry")" = 1 ] || fail "the trigger ran"
  bc log list
  expect_error 65 "trigger 'wipe'"
  raw_sql "$DB" "DROP TRIGGER wipe" >/dev/null
  raw_sql "$DB" "CREATE INDEX sneaky ON entry (note)" >/dev/null
  bc log list
  expect_error 65 "it has an index 'sneaky' that backcare does not make"
  raw_sql "$DB" "DROP INDEX sneaky" >/dev/null
  raw_sql "$DB" "DROP TABLE day_summary" >/dev/null
  bc log list
  expect_error 65 "it lacks the table 'day_summary'"
  raw_sql "$DB" "CREATE TABLE day_summary (day TEXT PRIMARY KEY, entries INTEGER NOT NULL, total INTEGER NOT NULL,
                 lowest INTEGER NOT NULL, highest INTEGER NOT NULL) STRICT, WITHOUT ROWID" >/dev/null
  bc log add 4 --at 2026-11-21T08:00
  expect_rc 0
  # A view in place of the entry table, with the right header: reading it
  # would never end.
  raw_sql "$DB" "DROP TABLE entry" >/dev/null
  raw_sql "$DB" "CREATE VIEW entry AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
                 SELECT i AS id, '2026-11-20T08:00' AS at, 3 AS severity, 'low-back' AS location, '' AS tags,
                 '' AS note, NULL AS change_id FROM n" >/dev/null
  timeout 20 "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log list >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  expect_error 65 "it has a view 'entry' that backcare does not make"
  [ "$(raw_sql "$DB" "PRAGMA application_id")" = 1650680178 ] || fail "the header was changed"
}

case_color_never_goes_into_files() {
  bc log add 3 --at 2026-11-20T08:00
  bc --color always trend --output "$SCRATCH/trend.txt"
  expect_rc 0
  ! grep -q $'\e' "$SCRATCH/trend.txt" || fail "escape codes in an --output file"
  bc --color always plan --weeks 10 --severity 3 --output "$SCRATCH/plan.txt"
  ! grep -q $'\e' "$SCRATCH/plan.txt" || fail "escape codes in a plan --output file"
  bc --color always trend
  grep -q $'\e' "$OUT" || fail "--color always must still colour stdout"
}

case_bad_config_does_not_block_help() {
  mkdir -p "$(dirname "$CONFIG")"
  printf 'colour = "x"\n' >"$CONFIG"
  bc --help
  expect_rc 0
  bc log add --help
  expect_rc 0
  bc --version
  expect_rc 0
  bc completions bash
  expect_rc 0
  bc log list
  expect_error 78 "$CONFIG:1: unknown key 'colour'"
  printf 'profile = "../x"\n' >"$CONFIG"
  bc log add 3
  expect_error 78 "$CONFIG:1: 'profile' must be 1-64 letters"
  [ ! -e "$SCRATCH/x.db" ] || fail "a log was made outside the data folder"
}

case_umask_000_keeps_files_private() {
  (
    umask 000
    "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/a/b/data" log add 3 >/dev/null 2>&1
    "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/a/b/data" log export --output "$SCRATCH/export.csv" 2>/dev/null
  )
  [ "$(stat -c %a "$SCRATCH/a")" = 700 ] || fail "a parent folder is $(stat -c %a "$SCRATCH/a"), not 700"
  [ "$(stat -c %a "$SCRATCH/a/b/data")" = 700 ] || fail "the data folder is not 700"
  [ "$(stat -c %a "$SCRATCH/a/b/data/default.db")" = 600 ] || fail "the log is not 600"
  [ "$(stat -c %a "$SCRATCH/export.csv")" = 644 ] || fail "the export is $(stat -c %a "$SCRATCH/export.csv"), not 644"
}

case_full_disk_still_reads() {
  # A small tmpfs needs root; elsewhere this case has nothing to test, and
  # says so: exit 77 is shown as skipped (tests/cli/CMakeLists.txt).
  [ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to mount a small tmpfs"; exit 77; }
  mkdir -p "$SCRATCH/disk"
  mount -t tmpfs -o size=512k tmpfs "$SCRATCH/disk" 2>/dev/null || { echo "SKIP: cannot mount a tmpfs here"; exit 77; }
  trap 'umount "$SCRATCH/disk" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
  local data=$SCRATCH/disk/data
  "$BIN" --as-of "$AS_OF" --data-dir "$data" log add 4 --at 2026-11-20T08:00 >/dev/null
  "$BIN" --as-of "$AS_OF" --data-dir "$data" log add 5 --at 2026-11-21T08:00 >/dev/null
  head -c 1M /dev/zero >"$SCRATCH/disk/filler" 2>/dev/null
  local command
  for command in "log list" "log export" "trend" "plan --weeks 10 --severity 3" "profile show"; do
    # shellcheck disable=SC2086
    "$BIN" --as-of "$AS_OF" --data-dir "$data" $command >"$OUT" 2>"$ERR"
    RC=$?
    [ "$RC" -eq 0 ] || fail "'$command' failed on a full disk ($RC)"
  done
  "$BIN" --as-of "$AS_OF" --data-dir "$data" log export --format json >"$OUT" 2>"$ERR"
  json_check "len(d) == 2"
  "$BIN" --as-of "$AS_OF" --data-dir "$data" log add 6 >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 74
  "$BIN" --as-of "$AS_OF" --data-dir "$data" --profile new log add 6 >"$OUT" 2>"$ERR"
  RC=$?
  expect_error 74 "$data/new.db"
  [ ! -e "$data/new.db" ] || fail "a failed first write left a database file"
  [ -z "$(ls -A "$data" | grep '^\.')" ] || fail "a half-made log was left"
  rm "$SCRATCH/disk/filler"
  "$BIN" --as-of "$AS_OF" --data-dir "$data" log add 6 --at 2026-11-22T08:00 >"$OUT" 2>"$ERR"
  RC=$?
  expect_rc 0
}

finish
