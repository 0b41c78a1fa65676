#!/usr/bin/env python3
"""Scores `hallyu inspect feed` against kurtmckee/feedparser's test feeds.

Usage: feedparser_suite.py FEEDS_DIR HALLYU_BINARY [--verbose]

The feeds are not in this repository (they are the feedparser project's files): read
tests/wellformed/** and tests/illformed/** from the public repository into a scratch
directory, keeping the folder names (a path holding "/illformed/" is an ill-formed feed),
and pass that directory. Every *.xml, *.rdf and *.rss file below it is read.

Each feed starts with a comment holding `Description:` and `Expect:`; Expect is a Python
condition over feedparser's result. The script evaluates it itself against a stand-in built
from the JSON of `HALLYU inspect feed FILE` (no --url), which exposes only the fields hallyu
prints:

  feed:  title, link, title_detail.value, links[0].href
  entry: title, link, links[0].href, id, guid, summary, description, content[0].value,
         author, author_detail.name, published / updated / created and their _parsed forms,
         title_detail.value, summary_detail.value
  bozo:  False under wellformed/, True under illformed/ (hallyu has no bozo bit)

A case is *selected* when every field its Expect names is in that list (checked on the
expression's syntax, so `and`/`or` short-circuits do not change the selection); the rest are
listed as not selected. Text compares as plain text: feedparser's value (HTML for most text
constructs) is reduced to plain text (tags dropped, block tags read as a space, HTML references
decoded, white space collapsed) and compared with hallyu's text, which already is plain text
and only has its white space collapsed (equal as written also counts, for the constructs
feedparser keeps as text); an author compares by name
(an e-mail address and its brackets dropped); a date compares as an instant against hallyu's
published_at or updated_at (either). Titles, summaries and content are present as printed
(hallyu always prints them, "" when the feed has none); the other fields are absent when
hallyu prints them empty, as feedparser leaves out what a feed does not have.

Prints each failure with its file name and Description, then selected/passed/failed and the
not-selected count; with --verbose also the passing and not-selected cases. Exit 0 when every
selected case passes.
"""
import ast
import calendar
import datetime
import email.utils
import html
import json
import os
import re
import subprocess
import sys

ENTRY_FIELDS = {
    "title", "link", "links.0.href", "id", "guid", "summary", "description", "content.0.value",
    "author", "author_detail.name", "published", "updated", "created", "published_parsed",
    "updated_parsed", "created_parsed", "title_detail.value", "summary_detail.value",
}
FEED_FIELDS = {"title", "link", "title_detail.value", "links.0.href"}
NAMES = {"bozo", "feed", "entries", "len", "True", "False", "None"}


class NotSelected(Exception):
    pass


# ---------------------------------------------------------------- selection (syntax only)

def chain(node):
    """['entries', 0, 'title'] for entries[0]['title'] / entries[0].title, else None."""
    parts = []
    while True:
        if isinstance(node, ast.Subscript):
            key = node.slice
            if isinstance(key, ast.Index):  # Python < 3.9
                key = key.value
            if not isinstance(key, ast.Constant):
                return None
            parts.append(key.value)
            node = node.value
        elif isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            return list(reversed(parts))
        else:
            return None


def path_allowed(parts):
    if not parts:
        return False
    root = parts[0]
    if root == "bozo":
        return len(parts) == 1
    if root == "feed":
        rest = parts[1:]
    elif root == "entries":
        if len(parts) == 1:
            return True
        if not isinstance(parts[1], int):
            return False
        rest = parts[2:]
    else:
        return False
    if not rest:
        return True
    key = ".".join(str(p) for p in rest)
    allowed = FEED_FIELDS if root == "feed" else ENTRY_FIELDS
    # A prefix of an allowed path ("content", "content.0", "links.0") is fine too.
    return any(a == key or a.startswith(key + ".") for a in allowed)


def selection_problem(expect):
    """None when the expression reads only printed fields, else the first field it reads."""
    try:
        tree = ast.parse(expect, mode="eval")
    except SyntaxError as e:
        return "syntax: %s" % e
    inner = set()  # nodes that are the value of a longer chain
    for node in ast.walk(tree):
        if isinstance(node, (ast.Subscript, ast.Attribute)):
            inner.add(id(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in NAMES:
            return node.id
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr == "get" and node.args and \
                    isinstance(node.args[0], ast.Constant):
                parts = chain(f.value)
                if parts is None or not path_allowed(parts + [node.args[0].value]):
                    return "%s.get(%r)" % (parts, node.args[0].value)
                inner.add(id(f))
            elif isinstance(f, ast.Name) and f.id == "len":
                pass
            else:
                return ast.dump(f)[:60]
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant) and \
                isinstance(node.left.value, str) and \
                any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            parts = chain(node.comparators[0])
            if parts is not None and not path_allowed(parts + [node.left.value]):
                return "%r in %s" % (node.left.value, parts)
        if isinstance(node, (ast.Subscript, ast.Attribute)) and id(node) not in inner:
            parts = chain(node)
            if parts is None or not path_allowed(parts):
                return ".".join(str(p) for p in parts) if parts else ast.dump(node)[:60]
    return None


# ---------------------------------------------------------------- the stand-in

BLOCK = re.compile(r"</?(p|div|br|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th)\b[^>]*>", re.I)
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def plain(s):
    s = BLOCK.sub(" ", s)
    s = TAG.sub("", s)
    s = html.unescape(s)
    return SPACE.sub(" ", s).strip()


EMAIL = re.compile(r"[\w.+-]+@[\w.-]+")


def person(s):
    s = EMAIL.sub("", plain(s))
    s = re.sub(r"[()<>]", " ", s)
    return SPACE.sub(" ", s).strip()


def collapse(s):
    return SPACE.sub(" ", s).strip()


class Text(str):
    """hallyu's plain text, equal to a feedparser value that reads the same as plain text.

    The other side (feedparser's value, HTML for most text constructs) is reduced to plain
    text; hallyu's side already is plain text and only has its white space collapsed, so a
    literal "<br />" that a feed wrote as text is compared as text. Equal as written (both
    collapsed) also counts: feedparser's value of a text or base64 construct is not HTML."""
    norm = staticmethod(plain)
    own = staticmethod(collapse)

    def __eq__(self, other):
        if not isinstance(other, str):
            return False
        mine = self.own(self)
        return mine == self.norm(other) or mine == self.own(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = str.__hash__


class Person(Text):
    norm = staticmethod(person)
    own = staticmethod(person)


def instant_of(value):
    """Seconds since the epoch for a date string, struct_time or tuple; None if unreadable."""
    if isinstance(value, (tuple, list)) or hasattr(value, "tm_year"):
        try:
            return calendar.timegm(tuple(value)[:6])
        except (TypeError, ValueError, OverflowError):
            return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    try:
        d = email.utils.parsedate_to_datetime(s)
        if d is not None:
            if d.tzinfo is None:
                d = d.replace(tzinfo=datetime.timezone.utc)
            return d.timestamp()
    except (TypeError, ValueError, IndexError):
        pass
    t = s.replace("Z", "+00:00").replace("z", "+00:00")
    if re.fullmatch(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:?\d\d)?", t) or \
            re.fullmatch(r"\d{4}-\d\d-\d\d", t):
        try:
            d = datetime.datetime.fromisoformat(t.replace(" ", "T"))
            if d.tzinfo is None:
                d = d.replace(tzinfo=datetime.timezone.utc)
            return d.timestamp()
        except ValueError:
            return None
    return None


class SameInstant:
    """Mixin: equal to anything naming the same instant as one of `self.instants`."""

    def __eq__(self, other):
        t = instant_of(other)
        return t is not None and any(abs(t - i) < 1 for i in self.instants)

    def __ne__(self, other):
        return not self.__eq__(other)


class Date(SameInstant, str):
    """A date field: equal to anything naming the same instant as one of hallyu's dates."""

    def __new__(cls, text, instants):
        s = super().__new__(cls, text)
        s.instants = instants
        return s

    __hash__ = str.__hash__


class ParsedDate(SameInstant, tuple):
    """A *_parsed field: a time tuple of the first instant, equal to any of them."""

    def __new__(cls, instants):
        first = instants[0]
        s = super().__new__(cls, tuple(datetime.datetime.fromtimestamp(
            first, datetime.timezone.utc).timetuple()))
        s.instants = instants
        return s

    __hash__ = tuple.__hash__


class Node(dict):
    """feedparser's FeedParserDict, reduced: keys also read as attributes."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


def put_title_and_link(node, j):
    """Copies hallyu's `title` and `link` of a feed or an entry into `node` as feedparser names them."""
    if "title" in j:
        node["title"] = Text(j["title"])
        node["title_detail"] = Node(value=Text(j["title"]))
    if j.get("link"):
        node["link"] = j["link"]
        node["links"] = [Node(href=j["link"])]


def stand_in(j):
    feed = Node()
    put_title_and_link(feed, j)
    entries = []
    for e in j.get("entries", []):
        n = Node()
        put_title_and_link(n, e)
        if e.get("id"):
            n["id"] = n["guid"] = e["id"]
        if "summary" in e:
            n["summary"] = n["description"] = Text(e["summary"])
            n["summary_detail"] = Node(value=Text(e["summary"]))
        if "content" in e:
            n["content"] = [Node(value=Text(e["content"]))]
        authors = [a for a in e.get("authors") or [] if a]
        if authors:
            n["author"] = Person(authors[0])
            n["author_detail"] = Node(name=Person(authors[0]))
        instants = [instant_of(e[k]) for k in ("published_at", "updated_at") if e.get(k)]
        instants = [i for i in instants if i is not None]
        if instants:
            for k in ("published", "updated", "created"):
                n[k] = Date(e.get("published_at") or e.get("updated_at"), instants)
                n[k + "_parsed"] = ParsedDate(instants)
        entries.append(n)
    return feed, entries


# ---------------------------------------------------------------- driver

HEADER = re.compile(r"^\s*(Description|Expect):\s*(.*?)\s*$", re.M)


def header(path):
    with open(path, "rb") as f:
        text = f.read(4096).decode("utf-8", errors="replace")
    fields = dict(HEADER.findall(text))
    return fields.get("Description", ""), fields.get("Expect")


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, hallyu = argv[1], os.path.abspath(argv[2])
    verbose = "--verbose" in argv[3:]
    files = []
    for d, _, names in os.walk(root):
        for name in names:
            if name.endswith((".xml", ".rdf", ".rss")):
                files.append(os.path.join(d, name))
    files.sort()
    selected = passed = 0
    not_selected = []
    failures = []
    for path in files:
        rel = os.path.relpath(path, root)
        description, expect = header(path)
        if not expect:
            not_selected.append((rel, "no Expect"))
            continue
        problem = selection_problem(expect)
        if problem:
            not_selected.append((rel, problem))
            continue
        selected += 1
        bozo = "illformed" in rel.split(os.sep)
        p = subprocess.run([hallyu, "inspect", "feed", path], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        try:
            j = json.loads(p.stdout.decode("utf-8")) if p.returncode == 0 else {}
        except ValueError:
            j = {}
        feed, entries = stand_in(j)
        try:
            ok = bool(eval(expect, {"__builtins__": {"len": len}},
                           {"bozo": bozo, "feed": feed, "entries": entries,
                            "True": True, "False": False, "None": None}))
            why = ""
        except Exception as e:  # a missing field or entry is a failure
            ok, why = False, "%s: %s" % (type(e).__name__, e)
        if ok:
            passed += 1
            if verbose:
                print("PASS %s" % rel)
        else:
            got = {"feed": dict(feed), "entries": [dict(e) for e in entries][:2]}
            failures.append(rel)
            print("FAIL %s (%s)\n  expect: %s\n  got: %s%s" % (
                rel, description, expect, json.dumps(got, ensure_ascii=False, default=str)[:400],
                ("\n  " + why) if why else ""))
    if verbose:
        for rel, problem in not_selected:
            print("NOT SELECTED %s: reads %s" % (rel, problem))
    print("files: %d, not selected: %d" % (len(files), len(not_selected)))
    print("selected: %d, passed: %d, failed: %d" % (selected, passed, selected - passed))
    print("total: %d/%d = %.1f %%" % (passed, selected, 100.0 * passed / max(selected, 1)))
    return 0 if passed == selected else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
