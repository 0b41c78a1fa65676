#include "tests/support/schema_check.h"

#include <stdio.h>

#include <filesystem>
#include <fstream>

#include "tests/support/paths.h"

namespace hallyu::testing {

::testing::AssertionResult ValidatesAgainstSchema(const std::string& schema_file,
                                                  const std::vector<std::string>& docs) {
  std::string dir = MakeTempDir("schema-check-");
  std::string file = dir + "/docs.ndjson";
  {
    std::ofstream out(file);
    for (const auto& d : docs) out << d << "\n";
  }
  std::string cmd = "/usr/bin/python3 '" + SourcePath("tests/support/validate_json.py") + "' '" +
                    SourcePath(schema_file) + "' '" + file + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[1024];
  size_t n;
  while (p != nullptr && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = p != nullptr ? pclose(p) : -1;
  std::filesystem::remove_all(dir);
  if (rc == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << schema_file << ": " << out;
}

}  // namespace hallyu::testing
