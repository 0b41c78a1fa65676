#include "tests/support/paths.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <vector>

namespace hallyu::testing {

std::string SourcePath(std::string_view relative) {
  return std::string(HALLYU_SOURCE_DIR) + "/" + std::string(relative);
}

std::string HallyuBinary() { return std::string(HALLYU_BINARY_DIR) + "/hallyu"; }

std::string SourceDir() { return HALLYU_SOURCE_DIR; }

std::string BinaryDir() { return HALLYU_BINARY_DIR; }

std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

// Directories made by MakeTempDir in this process, removed when it exits.
struct TempDirRegistry {
  std::mutex mu;
  std::vector<std::string> dirs;
  pid_t owner = 0;
};

TempDirRegistry& Registry() {
  static TempDirRegistry* registry = new TempDirRegistry;  // never destroyed: used at exit
  return *registry;
}

// At exit of the process that made them: remove the directories when every test passed;
// keep them (and name them) when one failed or HALLYU_KEEP_TEST_DIRS is set, for a look
// after the run. A forked child that exits without exec never removes its parent's dirs.
void RemoveTempDirsAtExit() {
  TempDirRegistry& r = Registry();
  std::lock_guard<std::mutex> lock(r.mu);
  if (r.owner != getpid()) return;
  const char* keep = std::getenv("HALLYU_KEEP_TEST_DIRS");
  const bool failed = ::testing::UnitTest::GetInstance()->failed_test_count() > 0 ||
                      ::testing::UnitTest::GetInstance()->ad_hoc_test_result().Failed();
  if ((keep != nullptr && *keep != '\0') || failed) {
    for (const std::string& d : r.dirs)
      if (std::filesystem::exists(d)) std::cerr << "test directory kept: " << d << "\n";
    return;
  }
  for (const std::string& d : r.dirs) {
    std::error_code ec;
    std::filesystem::remove_all(d, ec);
  }
}

void RegisterTempDir(const std::string& dir) {
  TempDirRegistry& r = Registry();
  std::lock_guard<std::mutex> lock(r.mu);
  if (r.owner != getpid()) {
    r.owner = getpid();
    r.dirs.clear();
    std::atexit(RemoveTempDirsAtExit);
  }
  r.dirs.push_back(dir);
}

}  // namespace

std::string MakeTempDir(std::string_view prefix) {
  std::string tmpl =
      (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
  char* dir = mkdtemp(tmpl.data());
  if (dir == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << tmpl;
    return "";
  }
  RegisterTempDir(dir);
  return dir;
}

}  // namespace hallyu::testing
