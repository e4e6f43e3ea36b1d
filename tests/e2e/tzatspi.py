"""Driving taizhang through the accessibility tree, as a user would.

The end-to-end tests start the real binary on a temporary database and find
every control by its role and accessible name, which is why every control of
the application has one.
"""
import os
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


class NotFound(Exception):
    pass


def wait_for(predicate, timeout=10.0, what="condition"):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            value = predicate()
        except Exception as e:  # the tree changes under us while we look
            value, last = None, e
        if value:
            return value
        time.sleep(0.1)
    raise NotFound("timed out waiting for %s%s" % (what, " (%s)" % last if last else ""))


def children(node):
    try:
        n = node.get_child_count()
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            c = node.get_child_at_index(i)
        except Exception:
            c = None
        if c is not None:
            out.append(c)
    return out


def walk(node, depth=0, max_depth=60):
    yield node
    if depth < max_depth:
        for c in children(node):
            yield from walk(c, depth + 1, max_depth)


def name_of(node):
    try:
        return node.get_name() or ""
    except Exception:
        return ""


def role_of(node):
    try:
        return node.get_role_name() or ""
    except Exception:
        return ""


def showing(node):
    try:
        states = node.get_state_set()
        return states.contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


def sensitive(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SENSITIVE)
    except Exception:
        return False


def find_all(root, role=None, name=None, contains=None, visible=True):
    found = []
    for node in walk(root):
        if role is not None and role_of(node) != role:
            continue
        n = name_of(node)
        if name is not None and n != name:
            continue
        if contains is not None and contains not in n:
            continue
        if visible and not showing(node):
            continue
        found.append(node)
    return found


def find(root, role=None, name=None, contains=None, timeout=10.0, visible=True):
    what = "%s %r" % (role or "node", name if name is not None else contains)
    return wait_for(lambda: (find_all(root, role, name, contains, visible) or [None])[0],
                    timeout, what)


def texts(root):
    """Every label's text under root, in tree order."""
    out = []
    for node in walk(root):
        if role_of(node) in ("label", "text", "table cell") and showing(node):
            out.append(name_of(node) or text_of(node))
    return out


def text_of(node):
    try:
        t = node.get_text_iface()
        if t is not None:
            return t.get_text(0, -1)
    except Exception:
        pass
    try:
        return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))
    except Exception:
        return ""


def click(node):
    action = node.get_action_iface()
    if action is None:
        raise NotFound("%s %r has no action" % (role_of(node), name_of(node)))
    for i in range(action.get_n_actions()):
        if action.get_action_name(i) in ("click", "activate", "press", "toggle"):
            return action.do_action(i)
    return action.do_action(0)


def set_text(node, value):
    editable = node.get_editable_text_iface()
    if editable is None:
        raise NotFound("%s %r is not editable" % (role_of(node), name_of(node)))
    editable.set_text_contents(value)


def find_app(name, timeout=20.0):
    def look():
        desktop = Atspi.get_desktop(0)
        for c in children(desktop):
            if name_of(c) == name:
                return c
        return None
    return wait_for(look, timeout, "application %s" % name)


class Tap:
    def __init__(self, plan):
        self.n = 0
        self.failed = 0
        print("1..%d" % plan, flush=True)

    def check(self, ok, what, detail=""):
        self.n += 1
        if ok:
            print("ok %d %s" % (self.n, what), flush=True)
        else:
            self.failed += 1
            print("not ok %d %s" % (self.n, what), flush=True)
            for line in str(detail).splitlines():
                print("# " + line, flush=True)
        return ok


def screenshot(path):
    """The whole virtual screen as a PNG (ImageMagick's import)."""
    subprocess.run(["import", "-window", "root", path], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.exists(path)
