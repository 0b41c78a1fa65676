// Command-line input without bounds (issue 20, case 7): `detect` and `inspect page` read
// at most a fixed number of bytes and say so when the input is larger (it used to read
// all of stdin first: /dev/zero aborted with bad_alloc); a directory given as input or as
// --config is a clear error (it aborted with an uncaught std::ios_failure).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::HallyuBinary;
using hallyu::testing::MakeTempDir;

// Runs `cmd` through the shell with stderr folded into the output; *exit_code is the
// command's exit code, or 128 + signal when it was killed.
std::string RunShell(const std::string& cmd, int* exit_code) {
  std::string out;
  FILE* p = popen(("timeout 120 " + cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return out;
}

TEST(CliInputBounds, DetectRefusesStdinOverItsCap) {
  int code = -1;
  const std::string out =
      RunShell("head -c 100000000 /dev/zero | " + HallyuBinary() + " detect -", &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("stdin: larger than 33554432 bytes"), std::string::npos) << out;
}

TEST(CliInputBounds, EndlessInputIsRefusedNotExhaustingMemory) {
  int code = -1;
  std::string out = RunShell(HallyuBinary() + " detect /dev/zero", &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("/dev/zero: larger than"), std::string::npos) << out;
  out = RunShell(HallyuBinary() + " inspect page - < /dev/zero", &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("stdin: larger than 16777216 bytes"), std::string::npos) << out;
}

TEST(CliInputBounds, DirectoryAsInputIsAClearError) {
  const std::string dir = MakeTempDir("cli_input_bounds");
  int code = -1;
  std::string out = RunShell(HallyuBinary() + " detect " + dir, &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find(dir + ": is a directory"), std::string::npos) << out;
  out = RunShell(HallyuBinary() + " detect - < " + dir, &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("stdin: is a directory"), std::string::npos) << out;
  out = RunShell(HallyuBinary() + " inspect page " + dir, &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find(dir + ": is a directory"), std::string::npos) << out;
}

TEST(CliInputBounds, DirectoryAsConfigIsAClearError) {
  const std::string dir = MakeTempDir("cli_config_dir");
  int code = -1;
  std::string out = RunShell(HallyuBinary() + " --config " + dir + " crawl --once", &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("is a directory"), std::string::npos) << out;
  EXPECT_EQ(out.find("terminate called"), std::string::npos) << out;
  // A sources file that is a directory, named by a config that is a file.
  const std::string cfg = dir + "/c.yaml";
  std::ofstream(cfg) << "sources:\n  file: " << dir << "\n";
  out = RunShell(HallyuBinary() + " --config " + cfg + " crawl --once", &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("is a directory"), std::string::npos) << out;
  EXPECT_EQ(out.find("terminate called"), std::string::npos) << out;
}

TEST(CliInputBounds, InspectPageStillReadsFilesAndStdin) {
  const std::string dir = MakeTempDir("cli_inspect_ok");
  const std::string page = dir + "/p.html";
  std::ofstream(page) << "<html><head><title>A title</title></head><body><article><p>"
                         "A paragraph of an ordinary page, long enough to be its text.</p>"
                         "</article></body></html>";
  int code = -1;
  std::string out = RunShell(HallyuBinary() + " inspect page " + page, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("\"A title\""), std::string::npos) << out;
  out = RunShell(HallyuBinary() + " inspect page - < " + page, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("\"A title\""), std::string::npos) << out;
}

}  // namespace
}  // namespace hallyu
