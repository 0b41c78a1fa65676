#pragma once
// Paths and small file helpers shared by every test suite.

#include <string>
#include <string_view>

namespace hallyu::testing {

// Absolute path of `relative` inside the source tree (e.g. "tests/data/pages/a.html").
std::string SourcePath(std::string_view relative);

// Absolute path of the built `hallyu` binary.
std::string HallyuBinary();

// Whole contents of the file at `path`; fails the current test (ADD_FAILURE) and
// returns "" when it cannot be read.
std::string ReadFileOrFail(const std::string& path);

// A fresh, empty directory under the system temp dir, removed by the caller.
std::string MakeTempDir(std::string_view prefix);

}  // namespace hallyu::testing
