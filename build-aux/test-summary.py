#!/usr/bin/env python3
"""Counts test cases in meson's testlog.json and prints "N passed, N failed".

A test that speaks TAP counts each of its cases; a test that fails without
reporting a failing case (a crash, a timeout) counts one failure more; any
other test counts as one case. Exit status 1 when anything failed or when
no test ran at all.
"""
import json
import re
import sys

OK = re.compile(r"^ok \d+")
NOT_OK = re.compile(r"^not ok \d+")
SKIP = re.compile(r"#\s*skip", re.IGNORECASE)

passed = failed = skipped = 0
failures = []
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError as e:
    print("no test log: %s" % e)
    print("0 passed, 1 failed")
    sys.exit(1)

for line in lines:
    if not line.strip():
        continue
    t = json.loads(line)
    result = t.get("result", "")
    out = t.get("stdout") or ""
    oks = nots = skips = 0
    for l in out.splitlines():
        if NOT_OK.match(l):
            nots += 1
            failures.append("%s: %s" % (t["name"], l))
        elif OK.match(l):
            if SKIP.search(l):
                skips += 1
            else:
                oks += 1
    if oks or nots or skips:
        passed += oks
        failed += nots
        skipped += skips
        if result not in ("OK", "SKIP", "EXPECTEDFAIL") and nots == 0:
            failed += 1
            failures.append("%s: %s" % (t["name"], result))
    elif result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
        failures.append("%s: %s" % (t["name"], result))

for f in failures:
    print("FAILED " + f)
line = "%d passed, %d failed" % (passed, failed)
if skipped:
    line += ", %d skipped" % skipped
print(line)
sys.exit(1 if failed or passed == 0 else 0)
