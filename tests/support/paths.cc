#include "tests/support/paths.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hallyu::testing {

std::string SourcePath(std::string_view relative) {
  return std::string(HALLYU_SOURCE_DIR) + "/" + std::string(relative);
}

std::string HallyuBinary() { return std::string(HALLYU_BINARY_DIR) + "/hallyu"; }

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

std::string MakeTempDir(std::string_view prefix) {
  std::string tmpl =
      (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
  char* dir = mkdtemp(tmpl.data());
  if (dir == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << tmpl;
    return "";
  }
  return dir;
}

}  // namespace hallyu::testing
