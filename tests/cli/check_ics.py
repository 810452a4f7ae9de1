"""Checks an iCalendar file the way its consumers read it.

Usage: check_ics.py FILE EVENTS
Parses FILE with python3-icalendar and with vobject (validate=True), checks
the RFC 5545 structure (CRLF, 75-octet lines, required properties, unique
UIDs) and that it holds EVENTS events. Exits 1 with a message on failure.
"""
import sys

import icalendar
import vobject


def fail(message):
    print(f"check_ics: {message}")
    sys.exit(1)


def main():
    path, expected_events = sys.argv[1], int(sys.argv[2])
    data = open(path, "rb").read()
    if not data.endswith(b"\r\n"):
        fail("the last line does not end in CRLF")
    lines = data.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number}: a bare LF or CR")
        if len(line) > 75:
            fail(f"line {number}: {len(line)} octets (limit 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {number}: folding split a UTF-8 character")

    calendar = icalendar.Calendar.from_ical(data)
    for prop in ("VERSION", "PRODID"):
        if prop not in calendar:
            fail(f"VCALENDAR lacks {prop}")
    events = calendar.walk("VEVENT")
    if len(events) != expected_events:
        fail(f"{len(events)} events, expected {expected_events}")
    uids = [str(event["UID"]) for event in events]
    if len(set(uids)) != len(uids):
        fail("UIDs are not unique")
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if prop not in event:
                fail(f"an event lacks {prop}")
        if "DURATION" not in event and "DTEND" not in event:
            fail("an event has neither DURATION nor DTEND")
        if not event.decoded("DTSTAMP").tzinfo:
            fail("DTSTAMP is not in UTC")

    parsed = vobject.readOne(data.decode("utf-8"), validate=True)
    if len(list(parsed.vevent_list)) != expected_events:
        fail("vobject sees a different number of events")
    print("\n".join(uids))


if __name__ == "__main__":
    main()
