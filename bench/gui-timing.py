#!/usr/bin/python3
"""Times the window on a large database: launch to first frame, switching to
the People page, and a search from its start to the painted results.

    bench/gui-timing.py [--db PATH] [--runs N]

Without --db it generates 100 000 people and 200 000 entries first (about
30 s). Needs a display and a session bus: run it under
`xvfb-run -a dbus-run-session --`. taizhang prints the figures itself when
TAIZHANG_TIMING is set (src/gui/tz-timing.c); this script drives it through
the accessibility tree and collects them.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from tzatspi import click, find, find_app, role_of, set_text, walk  # noqa: E402

BUILD = os.environ.get("TZ_BUILD_DIR", os.path.join(os.path.dirname(__file__), "..", "_build"))
GUI = os.environ.get("TZ_GUI", os.path.join(BUILD, "src", "gui", "taizhang"))
GEN = os.path.join(BUILD, "bench", "tz-bench-generate")


def wait_line(proc_lines, pattern, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        for line in proc_lines():
            m = re.match(r"timing: (%s) ([0-9.]+) ms" % pattern, line)
            if m:
                return float(m.group(2))
        time.sleep(0.05)
    raise TimeoutError(pattern)


def one_run(db, query):
    log = tempfile.TemporaryFile(mode="w+")
    env = dict(os.environ, TAIZHANG_TIMING="1", GSETTINGS_BACKEND="memory")
    env.pop("NO_AT_BRIDGE", None)
    proc = subprocess.Popen([GUI, "--db", db], env=env, stderr=log)
    seen = []

    def lines():
        log.seek(0)
        seen[:] = log.read().splitlines()
        return seen

    try:
        first = wait_line(lines, "first-frame")
        app = find_app("taizhang")
        click(find(app, "page tab", "People", visible=False, timeout=20))
        page = wait_line(lines, "page-people-shown")
        box = find(app, None, contains="Search people", visible=False)
        entry = [n for n in walk(box) if n.get_editable_text_iface() is not None]
        set_text(entry[0], query)
        search = wait_line(lines, "search-shown")
        # A narrower search from the first one's results.
        log.seek(0, 2)
        mark = len(lines())
        set_text(entry[0], query + query[-1])
        end = time.time() + 30
        narrower = None
        while narrower is None and time.time() < end:
            for line in lines()[mark:]:
                m = re.match(r"timing: search-shown ([0-9.]+) ms", line)
                if m:
                    narrower = float(m.group(1))
            time.sleep(0.05)
        return first, page, search, narrower or float("nan")
    finally:
        proc.terminate()
        proc.wait(10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--query", default="王伟")
    args = ap.parse_args()
    db = args.db
    if db is None:
        tmp = tempfile.mkdtemp(prefix="tz-gui-bench-")
        db = os.path.join(tmp, "bench.db")
        subprocess.run([GEN, "--db", db], check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, LC_ALL="C.UTF-8"))
    results = [one_run(db, args.query) for _ in range(args.runs)]
    names = ["launch to first frame", "switch to the People page",
             "search “%s” (from all 100 000) to results painted" % args.query,
             "then “%s” (from those results) to results painted" % (args.query + args.query[-1])]
    print("| what (100 000 people, %d runs) | median | min | max |" % args.runs)
    print("| --- | --- | --- | --- |")
    for i, name in enumerate(names):
        values = [r[i] for r in results]
        print("| %s | %.0f ms | %.0f ms | %.0f ms |" % (name, statistics.median(values), min(values), max(values)))


if __name__ == "__main__":
    main()
