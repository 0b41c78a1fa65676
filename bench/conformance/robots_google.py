#!/usr/bin/env python3
"""Scores `hallyu inspect robots` against google/robotstxt's robots_test.cc.

Usage: robots_google.py ROBOTS_TEST_CC HALLYU_BINARY [--verbose]

The suite file is not in this repository (it is Google's code): read it from the public
repository into a scratch directory and pass its path. The script turns every
EXPECT_TRUE / EXPECT_FALSE over IsUserAgentAllowed(robots body, agent, url) into a case by
compiling the suite file against small stand-in headers (written to a temporary directory:
gtest, absl's StrCat/StrAppend/string_view and a recording RobotsMatcher), so the bodies built
by the file's own loops (the long-line tests) come out byte for byte. It needs a C++17
compiler (`c++`, or $CXX). The other expectations (IsValidUserAgentToObey, the line counter,
GetPathParamsQuery, MaybeEscapePattern) test Google's internal functions, not a
(body, agent, url) decision, and are not scored.

A case is "RFC" when its TEST is named ID_* (the file's tests of the REP draft that became
RFC 9309) and "Google" when named GoogleOnly_* (behaviour the file calls Google-specific).

Each case runs as `HALLYU inspect robots BODY_FILE --agent AGENT` with the URL on stdin (an
empty URL is an empty line). Prints one line per failure and the score per group; the exit
status is 0 when every case passes, 1 otherwise.
"""
import os
import subprocess
import sys
import tempfile

SHIM_ROBOTS_H = r"""
#pragma once
#include <string>
#include <string_view>
namespace absl {
using string_view = std::string_view;
template <class... A> std::string StrCat(const A&... a) {
  std::string s;
  (s.append(std::string_view(a)), ...);
  return s;
}
template <class... A> void StrAppend(std::string* d, const A&... a) {
  (d->append(std::string_view(a)), ...);
}
}  // namespace absl
namespace googlebot {
struct PendingCase {
  std::string body, agent, url;
  bool set = false;
};
inline PendingCase& Pending() {
  static PendingCase p;
  return p;
}
class RobotsMatcher {
 public:
  bool OneAgentAllowedByRobots(std::string_view body, const std::string& agent,
                               const std::string& url) {
    Pending() = PendingCase{std::string(body), agent, url, true};
    return false;
  }
  static bool IsValidUserAgentToObey(std::string_view) { return false; }
};
class RobotsParseHandler {
 public:
  virtual ~RobotsParseHandler() = default;
  virtual void HandleRobotsStart() = 0;
  virtual void HandleRobotsEnd() = 0;
  virtual void HandleUserAgent(int, std::string_view) = 0;
  virtual void HandleAllow(int, std::string_view) = 0;
  virtual void HandleDisallow(int, std::string_view) = 0;
  virtual void HandleSitemap(int, std::string_view) = 0;
  virtual void HandleUnknownAction(int, std::string_view, std::string_view) = 0;
};
inline void ParseRobotsTxt(std::string_view, RobotsParseHandler*) {}
inline std::string GetPathParamsQuery(const std::string&) { return ""; }
inline bool MaybeEscapePattern(const char*, char** dst) {
  static char empty[1] = {0};
  *dst = empty;
  return false;
}
}  // namespace googlebot
"""

SHIM_GTEST_H = r"""
#pragma once
#include <cstdio>
#include <string>
#include <vector>
#include "robots.h"
struct RecordedTest {
  const char* name;
  void (*fn)();
};
inline std::vector<RecordedTest>& RecordedTests() {
  static std::vector<RecordedTest> t;
  return t;
}
inline const char*& CurrentTest() {
  static const char* name = "";
  return name;
}
struct RecordedTestRegistration {
  RecordedTestRegistration(const char* name, void (*fn)()) { RecordedTests().push_back({name, fn}); }
};
inline void PrintHex(const std::string& s) {
  for (unsigned char c : s) std::printf("%02x", c);
}
// One output line per IsUserAgentAllowed expectation:
// test name, expected (1 allowed / 0 disallowed), body, agent, url (the last three hex).
inline void RecordExpectation(bool expected, bool) {
  auto& p = googlebot::Pending();
  if (!p.set) return;
  std::printf("%s\t%d\t", CurrentTest(), expected ? 1 : 0);
  PrintHex(p.body);
  std::printf("\t");
  PrintHex(p.agent);
  std::printf("\t");
  PrintHex(p.url);
  std::printf("\n");
  p.set = false;
}
#define TEST(suite, name)                                                     \
  static void suite##_##name();                                               \
  static RecordedTestRegistration suite##_##name##_registration(#name,        \
                                                                suite##_##name); \
  static void suite##_##name()
#define EXPECT_TRUE(x) RecordExpectation(true, (x))
#define EXPECT_FALSE(x) RecordExpectation(false, (x))
#define EXPECT_EQ(a, b) ((void)(a), (void)(b))
#define ASSERT_GE(a, b) ((void)(a), (void)(b))
"""

SHIM_MAIN_CC = r"""
#include "gtest/gtest.h"
int main() {
  for (const auto& t : RecordedTests()) {
    CurrentTest() = t.name;
    googlebot::Pending().set = false;
    t.fn();
  }
  return 0;
}
"""


def extract_cases(suite_path, workdir):
    """Compiles the suite against the stand-ins and returns its cases."""
    shim = os.path.join(workdir, "shim")
    os.makedirs(os.path.join(shim, "gtest"))
    os.makedirs(os.path.join(shim, "absl", "strings"))
    files = {
        "robots.h": SHIM_ROBOTS_H,
        "gtest/gtest.h": SHIM_GTEST_H,
        "absl/strings/str_cat.h": '#pragma once\n#include "robots.h"\n',
        "absl/strings/string_view.h": '#pragma once\n#include "robots.h"\n',
    }
    for name, text in files.items():
        with open(os.path.join(shim, name), "w") as f:
            f.write(text)
    main_cc = os.path.join(workdir, "main.cc")
    with open(main_cc, "w") as f:
        f.write(SHIM_MAIN_CC)
    exe = os.path.join(workdir, "cases")
    cxx = os.environ.get("CXX", "c++")
    subprocess.run([cxx, "-std=c++17", "-w", "-I", shim, "-o", exe,
                    os.path.abspath(suite_path), main_cc], check=True)
    out = subprocess.run([exe], check=True, stdout=subprocess.PIPE).stdout.decode()
    cases = []
    for line in out.splitlines():
        test, expected, body, agent, url = line.split("\t")
        cases.append({
            "test": test,
            "group": "RFC" if test.startswith("ID_") else "Google",
            "allowed": expected == "1",
            "body": bytes.fromhex(body),
            "agent": bytes.fromhex(agent),
            "url": bytes.fromhex(url),
        })
    return cases


def run_hallyu(hallyu, cases, workdir):
    """Fills case['got'] (True allowed / False disallowed / None no answer)."""
    by_file = {}
    for c in cases:
        by_file.setdefault((c["body"], c["agent"]), []).append(c)
    for n, ((body, agent), group) in enumerate(by_file.items()):
        body_path = os.path.join(workdir, "robots-%d.txt" % n)
        with open(body_path, "wb") as f:
            f.write(body)
        stdin = b"".join(c["url"] + b"\n" for c in group)
        proc = subprocess.run([hallyu, "inspect", "robots", body_path, "--agent", agent.decode()],
                              input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              cwd=workdir)
        answers = proc.stdout.decode(errors="replace").splitlines()
        for i, c in enumerate(group):
            a = answers[i] if i < len(answers) else None
            c["got"] = {"allowed": True, "disallowed": False}.get(a)
            if c["got"] is None:
                c["error"] = proc.stderr.decode(errors="replace").strip()[:200]


def short(b, limit=60):
    s = b.decode("utf-8", errors="replace")
    s = s.replace("\n", "\\n")
    return s if len(s) <= limit else s[:limit] + "...(%d bytes)" % len(b)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    suite, hallyu = argv[1], os.path.abspath(argv[2])
    verbose = "--verbose" in argv[3:]
    with tempfile.TemporaryDirectory() as workdir:
        cases = extract_cases(suite, workdir)
        run_hallyu(hallyu, cases, workdir)
    totals = {}
    for c in cases:
        ok = c["got"] == c["allowed"]
        t = totals.setdefault(c["group"], [0, 0])
        t[0] += ok
        t[1] += 1
        if not ok or verbose:
            print("%s %s [%s] agent=%r url=%r expected=%s got=%s body=%r%s" % (
                "PASS" if ok else "FAIL", c["test"], c["group"], c["agent"].decode(),
                short(c["url"]), "allowed" if c["allowed"] else "disallowed",
                {True: "allowed", False: "disallowed", None: "no answer"}[c["got"]],
                short(c["body"], 120), (" error=" + c["error"]) if c.get("error") else ""))
    passed = sum(t[0] for t in totals.values())
    total = sum(t[1] for t in totals.values())
    for g in ("RFC", "Google"):
        p, n = totals.get(g, [0, 0])
        print("%s: %d/%d" % (g, p, n))
    print("total: %d/%d = %.1f %%" % (passed, total, 100.0 * passed / max(total, 1)))
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
