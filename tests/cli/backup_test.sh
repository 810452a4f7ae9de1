# CLI tests of backcare backup and restore (issue 23): a backup is a
# consistent, checked copy even while another backcare writes; a restore
# gives back every record, keeps the log it replaces, and refuses what is
# not a backcare log.
source "$(dirname "$0")/lib.sh"

DB=$SCRATCH/data/default.db
BACKUPS=$SCRATCH/data/backups

raw_sql() {
  "$PYTHON" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(*r) for r in c.execute(sys.argv[2])]; c.commit()" "$1" "$2"
}

# A log with one of everything: entries, sessions, a screening, a PSFS rating.
fill_log() {
  bc profile set --birth-date 2026-09-01
  bc log add 4 --at 2026-11-20T07:30 --note "first"
  bc log add 3 --at 2026-11-21T07:30 --tag night
  bc session add --at 2026-11-21T18:00 --pain-during 2
  bc session skip --at 2026-11-23T18:00 --reason baby
  bc screen --none --at 2026-11-22T09:00
  bc measure psfs "lift the baby=4" "walk=5" "sit=6" --at 2026-11-24T20:00
}

# every_record: one line per record of every kind, as the log gives them back.
every_record() {
  local out=$SCRATCH/records
  : >"$out"
  bc log export --format json; cat "$OUT" >>"$out"
  bc session export; cat "$OUT" >>"$out"
  bc measure export; cat "$OUT" >>"$out"
  bc profile show; cat "$OUT" >>"$out"
  raw_sql "$DB" "SELECT at, asked, yes FROM screening" >>"$out"
  cat "$out"
}

case_backup_and_restore_give_back_every_record() {
  fill_log
  every_record >"$SCRATCH/before"
  bc backup
  expect_rc 0
  expect_out "Backed up profile 'default' to $BACKUPS/backcare-default-2026-11-26T1200.db: 2 entries, 2 sessions, 1 screening, 1 PSFS rating, 2026-11-20 to 2026-11-24."
  [ "$(stat -c %a "$BACKUPS")" = 700 ] || fail "the backups folder is not private"
  [ "$(stat -c %a "$BACKUPS/backcare-default-2026-11-26T1200.db")" = 600 ] || fail "the backup is not private"
  [ "$(raw_sql "$BACKUPS/backcare-default-2026-11-26T1200.db" "PRAGMA journal_mode")" = delete ] \
    || fail "the backup needs a WAL beside it"
  bc log rm 1
  bc log add 9 --at 2026-11-25T08:00
  bc session rm 1
  bc restore "$BACKUPS/backcare-default-2026-11-26T1200.db"
  expect_rc 0
  expect_out "Restored profile 'default' from $BACKUPS/backcare-default-2026-11-26T1200.db."
  expect_out "it had: 2 entries, 1 session, 1 screening, 1 PSFS rating, 2026-11-21 to 2026-11-25"
  expect_out "it has: 2 entries, 2 sessions, 1 screening, 1 PSFS rating, 2026-11-20 to 2026-11-24"
  expect_out "The log it replaced is kept as $BACKUPS/backcare-default-2026-11-26T1200-2.db"
  every_record >"$SCRATCH/after"
  diff -u "$SCRATCH/before" "$SCRATCH/after" || fail "the restore did not give back every record"
  bc log add 2 --at 2026-11-26T08:00
  expect_out "Added entry 3"
  # The restore of the kept log undoes the restore.
  bc restore "$BACKUPS/backcare-default-2026-11-26T1200-2.db"
  expect_rc 0
  bc log list
  expect_out "2026-11-25T08:00"
}

case_backup_keeps_the_newest() {
  bc log add 3
  mkdir -p "$XDG_CONFIG_HOME/backcare"
  printf 'backup-keep = 2\n' >"$XDG_CONFIG_HOME/backcare/config.toml"
  local day
  for day in 20 21 22; do
    "$BIN" --as-of "2026-11-$day" --data-dir "$SCRATCH/data" backup "$SCRATCH/usb" >"$OUT" 2>"$ERR"
    RC=$?
    expect_rc 0
  done
  expect_out "Removed the older backup $SCRATCH/usb/backcare-default-2026-11-20T1200.db (keeping the newest 2)"
  [ "$(ls "$SCRATCH/usb" | tr '\n' ' ')" = "backcare-default-2026-11-21T1200.db backcare-default-2026-11-22T1200.db " ] \
    || fail "not the newest two: $(ls "$SCRATCH/usb")"
  printf 'backup-keep = 0\n' >"$XDG_CONFIG_HOME/backcare/config.toml"
  bc backup
  expect_error 78 "'backup-keep' must be a whole number 1-1000"
  rm "$XDG_CONFIG_HOME/backcare/config.toml"
  bc --profile nobody backup
  expect_error 66 "profile 'nobody' has no log yet"
}

case_backup_during_an_import_is_consistent() {
  bc log add 3 --at 2026-11-01T08:00
  "$PYTHON" -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('at,severity,note\n')
    for i in range(100000):
        f.write('2026-10-%02dT%02d:%02d,%d,row %d\n' % (1 + i % 28, i % 24, i % 60, i % 11, i))
" "$SCRATCH/big.csv"
  "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" log import "$SCRATCH/big.csv" >/dev/null 2>&1 &
  local pid=$! n=0 file count
  while kill -0 $pid 2>/dev/null || [ $n -eq 0 ]; do
    n=$((n + 1))
    "$BIN" --as-of "$AS_OF" --data-dir "$SCRATCH/data" backup "$SCRATCH/b$n" >/dev/null 2>"$ERR" \
      || { cat "$ERR"; fail "backup $n failed"; break; }
    [ $n -lt 50 ] || break
  done
  wait $pid
  for file in "$SCRATCH"/b*/*.db; do
    [ "$(raw_sql "$file" "PRAGMA integrity_check")" = ok ] || fail "$file is damaged"
    count=$(raw_sql "$file" "SELECT count(*) FROM entry")
    [ "$count" = 1 ] || [ "$count" = 100001 ] || fail "$file holds part of the import: $count entries"
  done
  bc backup
  expect_out "100001 entries"
}

case_restore_refuses_what_is_not_a_log() {
  bc log add 3 --at 2026-11-20T08:00
  cp "$DB" "$SCRATCH/db-before"
  printf 'not a database at all, just text\n' >"$SCRATCH/text.db"
  bc restore "$SCRATCH/text.db"
  expect_error 65 "cannot restore $SCRATCH/text.db"
  raw_sql "$SCRATCH/other.db" "CREATE TABLE notes (x TEXT)" >/dev/null
  bc restore "$SCRATCH/other.db"
  expect_error 65 "cannot restore $SCRATCH/other.db: $SCRATCH/other.db is not a backcare log"
  bc backup "$SCRATCH/b"
  cp "$SCRATCH"/b/*.db "$SCRATCH/newer.db"
  raw_sql "$SCRATCH/newer.db" "PRAGMA user_version = 99" >/dev/null
  bc restore "$SCRATCH/newer.db"
  expect_error 65 "was written by a newer backcare (schema 99"
  cp "$SCRATCH"/b/*.db "$SCRATCH/hostile.db"
  raw_sql "$SCRATCH/hostile.db" "CREATE TRIGGER wipe AFTER INSERT ON entry BEGIN DELETE FROM entry; END" >/dev/null
  bc restore "$SCRATCH/hostile.db"
  expect_error 65 "it has a trigger 'wipe' that backcare does not make"
  bc restore "$SCRATCH/missing.db"
  expect_error 66 "cannot read $SCRATCH/missing.db"
  [ -z "$(ls -A "$SCRATCH/data" | grep '^\.')" ] || fail "a refused restore left a temporary file"
  bc log list
  expect_out "2026-11-20T08:00"
  [ ! -d "$SCRATCH/data/backups" ] || fail "a refused restore made a backup"
}

finish
