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

finish
