# CLI tests of `backcare trend`.
source "$(dirname "$0")/lib.sh"

# A log of 50 entries from 2026-10-01 to 2026-11-25, falling from 7 to 0,
# for a person who gave birth on 2026-09-01.
load() {
  bc log import "$SRC/tests/cli/data/trend.csv"
  expect_rc 0
  bc profile set --birth-date 2026-09-01
}

case_text_golden() {
  load
  LANG=C.UTF-8 LC_ALL= bc trend
  expect_rc 0
  expect_golden trend_week.txt
  expect_width 80
}

case_text_ascii_fallback() {
  load
  LANG=C LC_ALL= bc trend --by month
  expect_rc 0
  expect_golden trend_month_ascii.txt
  LC_ALL=C "$PYTHON" -c "import sys; sys.exit(0 if all(b < 128 for b in open(sys.argv[1], 'rb').read()) else 1)" "$OUT" \
    || fail "non-ASCII output in the C locale"
}

case_json_golden() {
  load
  bc trend --format json
  expect_rc 0
  expect_golden trend.json
  json_check "list(d)[:12] == ['schema_version','as_of','entries','first','last','periods','baseline','recent','change','verdict','slope_per_week','flags']"
  json_check "d['verdict'] == 'improved' and d['entries'] == 50 and d['periods'][0]['start'] == '2026-09-28'"
  json_check "d['baseline'] == {'mean': 6.8, 'days': 6, 'first': '2026-10-01', 'last': '2026-10-07'}"
}

case_csv_golden() {
  load
  bc trend --format csv --by month
  expect_rc 0
  expect_golden trend_month.csv
}

case_svg_is_valid_xml() {
  load
  bc trend --format svg --output "$SCRATCH/chart.svg"
  expect_rc 0
  xmllint --noout "$SCRATCH/chart.svg" || fail "the SVG is not well-formed XML"
  grep -q "<title>Back pain from 2026-10-01 to 2026-11-25</title>" "$SCRATCH/chart.svg" || fail "no title"
  grep -q "Pain (0-10)" "$SCRATCH/chart.svg" || fail "no y axis label"
  grep -q "clinically important improvement" "$SCRATCH/chart.svg" || fail "no threshold legend"
  [ "$(grep -c '<circle cx' "$SCRATCH/chart.svg")" -eq 43 ] || fail "expected 42 daily points and 1 legend marker"
  ! grep -qiE "<script|href=|xlink" "$SCRATCH/chart.svg" || fail "scripts or external references in the SVG"
}

case_svg_one_week_and_three_years() {
  bc log add 4 --at 2026-11-20
  bc log add 3 --at 2026-11-22
  bc trend --format svg
  xmllint --noout "$OUT" || fail "one-week SVG is not well-formed"
  "$PYTHON" - "$SCRATCH/years.csv" <<'PY'
import sys, datetime
with open(sys.argv[1], "w") as f:
    f.write("at,severity\n")
    d = datetime.date(2023, 11, 27)
    while d <= datetime.date(2026, 11, 26):
        f.write(f"{d},{(d.toordinal() % 7)}\n")
        d += datetime.timedelta(days=1)
PY
  bc --profile years log import "$SCRATCH/years.csv"
  bc --profile years trend --format svg --by month
  xmllint --noout "$OUT" || fail "three-year SVG is not well-formed"
  bc --profile years trend --by month
  expect_width 80
}

case_filters_and_errors() {
  load
  bc trend --since 2026-11-01 --until 2026-11-10 --format json
  json_check "d['first'] == '2026-11-01' and d['last'] <= '2026-11-10' and d['verdict'] == 'insufficient-data'"
  bc trend --by day --format json
  json_check "len(d['periods']) == d['days_logged'] == 42 and d['days_in_range'] == 56 and d['by'] == 'day'"
  json_check "{k: v for k, v in d['periods'][0].items() if k != 'sessions'} == {'start': '2026-10-01', 'entries': 2, 'mean': 6.5, 'min': 6, 'max': 7}"
  bc trend --since 2026-11-10 --until 2026-11-01
  expect_error 64 "--since 2026-11-10 is after --until 2026-11-01"
  bc trend --by year
  expect_error 64 "--by must be one of day, week, month, got 'year'"
  bc trend --format pdf
  expect_error 64 "--format must be one of text, json, csv, svg"
  bc trend --since 2026-13-01
  expect_error 64 "--since must be a date"
}

case_empty_log() {
  bc trend
  expect_rc 0
  expect_out "No entries in this range yet."
  bc trend --format json
  expect_rc 0
  json_check "d['entries'] == 0 and d['first'] is None and d['periods'] == [] and d['verdict'] == 'insufficient-data'"
  bc trend --format svg
  xmllint --noout "$OUT" || fail "empty SVG is not well-formed"
}

case_worse_flag() {
  printf 'at,severity\n2026-11-01,2\n2026-11-02,2\n2026-11-03,2\n2026-11-24,6\n2026-11-25,5\n2026-11-26,6\n' \
    >"$SCRATCH/worse.csv"
  bc log import "$SCRATCH/worse.csv"
  bc trend --format json
  json_check "d['verdict'] == 'worse' and 'pain-getting-worse' in [f['id'] for f in d['flags']]"
  json_check "d['change'] == {'points': 3.7, 'percent': 183.3}"
  # plan judges the same log the same way: a refer rule, and the plan holds.
  bc plan --weeks 20 --format json
  expect_rc 0
  json_check "'pain-getting-worse' in [r['id'] for r in d['triage']['rules']] and d['input']['trend_verdict'] == 'worse'"
  json_check "d['progression']['decision'] == 'hold' and d['phase']['current'] == 2"
}

finish
