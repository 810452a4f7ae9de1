#!/usr/bin/env bash
# Speed benchmarks (not tests): each goal of the speed issue as a ratio of
# backcare against a reference, both measured side by side in this one run
# (interleaved, best of several runs, so that a busy machine slows both).
#
#   cmake --preset release && cmake --build --preset release
#   scripts/bench.sh [ROWS]
#
# ROWS, or BENCH_ROWS: the log size (default 200000; 1000000 for the
# issue's figures). BENCH_RUNS: runs of each large job (default 5);
# BENCH_STARTS: runs of each start-up job (default 101); BIN: the program
# (default build/release/backcare). Needs sqlite3 (the CLI) and
# /usr/bin/python3; counts fsyncs when strace is installed. All data goes
# into a temporary folder that is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${BIN:-build/release/backcare}")
[ -x "$BIN" ] || { echo "bench: no $BIN; build the release preset first" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 CLI (apt-get install sqlite3)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

BIN=$BIN WORK=$work ROWS=${1:-${BENCH_ROWS:-200000}} RUNS=${BENCH_RUNS:-5} STARTS=${BENCH_STARTS:-101} \
  /usr/bin/python3 - <<'PY'
import datetime, os, shutil, subprocess, sys, time

BIN, WORK = os.environ["BIN"], os.environ["WORK"]
ROWS, RUNS, STARTS = int(os.environ["ROWS"]), int(os.environ["RUNS"]), int(os.environ["STARTS"])
AS_OF = "2026-11-26"
DEVNULL = os.open(os.devnull, os.O_RDWR)


def run(argv, env=None):
    """Runs argv with no input and its output thrown away; returns (seconds, peak KiB)."""
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, env or os.environ,
                          file_actions=[(os.POSIX_SPAWN_DUP2, DEVNULL, 0), (os.POSIX_SPAWN_DUP2, DEVNULL, 1)])
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: failed: {' '.join(argv)}")
    return seconds, usage.ru_maxrss


def best_of(runs, jobs):
    """Runs each (prepare, argv) job once per round, interleaved; the best time and peak memory of each."""
    best = [(float("inf"), 0)] * len(jobs)
    for _ in range(runs):
        for i, (prepare, argv) in enumerate(jobs):
            if prepare:
                prepare()
            seconds, peak = run(argv)
            best[i] = (min(best[i][0], seconds), max(best[i][1], peak))
    return best


def bc(data, *args):
    return [BIN, "--as-of", AS_OF, "--data-dir", data, *args]


results = []


def report(name, ours, reference, goal):
    ratio = ours / reference
    results.append(ratio <= goal)
    print(f"{name:44} {ours * 1000:9.1f} {reference * 1000:9.1f} {ratio:6.2f}  <= {goal:<4} "
          f"{'PASS' if ratio <= goal else 'MISS'}", flush=True)


# The same rows twice: as backcare exports them (the file to import), and
# in the entry table's column order with the import's change id, for
# sqlite3's .import into the same schema.
start = datetime.datetime(2016, 1, 1)
with open(f"{WORK}/log.csv", "w", newline="") as ours, open(f"{WORK}/sqlite.csv", "w", newline="") as theirs:
    ours.write("id,at,severity,location,tags,note\r\n")
    for i in range(ROWS):
        at = (start + datetime.timedelta(minutes=5 * i)).strftime("%Y-%m-%dT%H:%M")
        tags = "night" if i % 5 == 0 else ""
        ours.write(f"{i + 1},{at},{i % 11},low-back,{tags},entry {i}\r\n")
        theirs.write(f"{i + 1},{at},{i % 11},low-back,{tags},entry {i},1\r\n")

# An empty log in the current schema, for sqlite3 to import into.
run(bc(f"{WORK}/empty", "log", "list"))
run(bc(f"{WORK}/empty", "log", "add", "1"))
run(bc(f"{WORK}/empty", "log", "undo"))
subprocess.run(["sqlite3", f"{WORK}/empty/default.db", "PRAGMA wal_checkpoint(TRUNCATE)"], check=True,
               stdout=subprocess.DEVNULL)

print(f"backcare bench: {ROWS} rows (BENCH_ROWS), best of {RUNS} runs (BENCH_RUNS), "
      f"start-up best of {STARTS} (BENCH_STARTS)")
print(f"{'goal':44} {'backcare':>9} {'reference':>9} {'ratio':>6}  goal")
print(f"{'':44} {'ms':>9} {'ms':>9}")


def fresh_log():
    shutil.rmtree(f"{WORK}/import", ignore_errors=True)


def fresh_copy():
    shutil.rmtree(f"{WORK}/sqlite", ignore_errors=True)
    os.mkdir(f"{WORK}/sqlite")
    shutil.copy(f"{WORK}/empty/default.db", f"{WORK}/sqlite/default.db")


(imported, peak), (sqlite_import, _) = best_of(RUNS, [
    (fresh_log, bc(f"{WORK}/import", "log", "import", f"{WORK}/log.csv")),
    (fresh_copy, ["sqlite3", f"{WORK}/sqlite/default.db", f".import --csv {WORK}/sqlite.csv entry"]),
])
report("import CSV / sqlite3 .import", imported, sqlite_import, 1.1)
results.append(peak <= 32 * 1024)
print(f"{'import peak memory (MiB)':44} {peak / 1024:9.1f} {'':9} {'':6}  <= 32   {'PASS' if peak <= 32 * 1024 else 'MISS'}")

log = f"{WORK}/import"
columns = "SELECT id, at, severity, location, tags, note FROM entry ORDER BY at, id"
(csv, _), (sqlite_csv, _), (json, _), (sqlite_json, _) = best_of(RUNS, [
    (None, bc(log, "log", "export")),
    (None, ["sqlite3", "-csv", f"{log}/default.db", columns]),
    (None, bc(log, "log", "list", "--format", "json")),
    (None, ["sqlite3", "-json", f"{log}/default.db", columns]),
])
report("log export (CSV) / sqlite3 -csv", csv, sqlite_csv, 1.1)
report("log list --format json / sqlite3 -json", json, sqlite_json, 1.1)

small = f"{WORK}/small"
for day in range(1, 15):
    run(bc(small, "log", "add", str(day % 7), "--at", f"2026-11-{day:02}T08:00"))
# One entry on each day of the large log, at its daily mean: the same days,
# so the same trend, from a few thousand entries instead of ROWS.
last_day = (start + datetime.timedelta(minutes=5 * (ROWS - 1))).date()
daily_days = (last_day - start.date()).days + 1
with open(f"{WORK}/daily.csv", "w", newline="") as daily:
    daily.write("at,severity\r\n")
    for n in range(daily_days):
        daily.write(f"{start.date() + datetime.timedelta(days=n)}T08:00,5\r\n")
run(bc(f"{WORK}/daily", "log", "import", f"{WORK}/daily.csv"))
select_1 = ["sqlite3", ":memory:", "select 1"]
(version, _), (trend, _), (daily_trend, _), (small_trend, _), (plan, _), (sqlite_start, _), (sqlite_days, _) = best_of(STARTS, [
    (None, [BIN, "--version"]),
    (None, bc(log, "trend")),
    (None, bc(f"{WORK}/daily", "trend")),
    (None, bc(small, "trend")),
    (None, bc(small, "plan", "--weeks", "10", "--pain-duration", "8w", "--severity", "4")),
    (None, select_1),
    (None, ["sqlite3", f"{log}/default.db", "SELECT count(*) FROM day_summary"]),
])
report(f"trend ({ROWS} entries) / backcare --version", trend, version, 1.3)
# What the ratio above is made of (not goals of the issue): trend's cost
# by entries (against the same days with one entry each), and the floor
# of any command that opens the log (sqlite3 itself counting its days;
# trend over 14 entries).
report(f"  trend ({ROWS} entries) / ({daily_days} entries)", trend, daily_trend, 1.1)
print(f"{'  sqlite3 counting the days / --version':44} {sqlite_days * 1000:9.1f} {version * 1000:9.1f} "
      f"{sqlite_days / version:6.2f}", flush=True)
print(f"{'  trend over 14 entries / --version':44} {small_trend * 1000:9.1f} {version * 1000:9.1f} "
      f"{small_trend / version:6.2f}", flush=True)
report("backcare --version / sqlite3 'select 1'", version, sqlite_start, 1.2)
report("plan / sqlite3 'select 1'", plan, sqlite_start, 1.3)

# The closed loop: a year of sessions (three a week) and three entries a
# day. `plan` replays every session; `session add` makes that day's plan
# before it saves.
year = f"{WORK}/year"
first = datetime.date(2025, 11, 27)
with open(f"{WORK}/year.csv", "w", newline="") as entries, open(f"{WORK}/sessions.json", "w") as sessions:
    entries.write("at,severity\r\n")
    done = []
    for n in range(365):
        day = first + datetime.timedelta(days=n)
        for i, clock in enumerate(("07:30", "13:00", "20:00")):
            entries.write(f"{day}T{clock},{2 + (n + i) % 3}\r\n")
        if day.weekday() in (0, 2, 4):
            done.append(f'{{"at": "{day}T18:00", "status": "done", "phase": 2, "pain_during": 2}}')
    sessions.write("[" + ",\n".join(done) + "]\n")
run(bc(year, "profile", "set", "--birth-date", "2025-11-01"))
run(bc(year, "log", "import", f"{WORK}/year.csv"))
run(bc(year, "session", "import", f"{WORK}/sessions.json"))
(year_plan, _), (year_version, _) = best_of(STARTS // 4 + 1, [
    (None, bc(year, "plan")),
    (None, [BIN, "--version"]),
])
report(f"plan (a year: {len(done)} sessions) / --version", year_plan, year_version, 1.3)
# One session a minute: each run adds its session a minute after the last.
add_session = bc(year, "session", "add", "--pain-during", "2", "--at", "")
minutes = iter(range(60 * 12))


def next_minute():
    minute = next(minutes)
    add_session[-1] = f"{AS_OF}T{minute // 60:02}:{minute % 60:02}"


(session_add, _), (log_add, _) = best_of(21, [
    (next_minute, add_session),
    (None, bc(year, "log", "add", "3")),
])
report("session add / log add (the same year's log)", session_add, log_add, 1.0)

# The clinician report over three years of entries (every two hours) and
# sessions, against trend over the same log.
years = f"{WORK}/years"
with open(f"{WORK}/years.csv", "w", newline="") as entries:
    entries.write("at,severity\r\n")
    for n in range(3 * 365 * 12):
        at = datetime.datetime(2023, 11, 27) + datetime.timedelta(hours=2 * n)
        entries.write(f"{at:%Y-%m-%dT%H:%M},{2 + n % 4}\r\n")
run(bc(years, "profile", "set", "--birth-date", "2023-11-01"))
run(bc(years, "log", "import", f"{WORK}/years.csv"))
run(bc(years, "session", "import", f"{WORK}/sessions.json"))
(report_12w, _), (report_all, _), (years_trend, _) = best_of(STARTS // 4 + 1, [
    (None, bc(years, "report", "--format", "json")),
    (None, bc(years, "report", "--format", "json", "--since", "2023-11-27")),
    (None, bc(years, "trend")),
])
report("report (12 weeks of 3 years) / trend", report_12w, years_trend, 1.5)
report("report (all 3 years) / trend", report_all, years_trend, 1.5)

# Durability: an entry is on disk when `log add` returns. Not a ratio: the
# time of one add, and the fsyncs it makes.
(add, _), = best_of(21, [(None, bc(small, "log", "add", "4", "--note", "bench"))])
syncs = "strace not installed"
if shutil.which("strace"):
    trace = subprocess.run(["strace", "-f", "-c", "-e", "trace=fsync,fdatasync", *bc(small, "log", "add", "4")],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    syncs = f"{sum(int(line.split()[3]) for line in trace.splitlines() if line.split()[-1:] in (['fsync'], ['fdatasync']))} fsyncs"
print(f"{'log add (durable: WAL, synchronous=FULL)':44} {add * 1000:9.1f} {'':9} {'':6}  {syncs}")
print(f"{results.count(True)} PASS, {results.count(False)} MISS")
PY
