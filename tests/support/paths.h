#pragma once
// Paths and small file helpers shared by every test suite.

#include <string>
#include <string_view>

namespace hallyu::testing {

// Absolute path of `relative` inside the source tree (e.g. "tests/data/pages/a.html").
std::string SourcePath(std::string_view relative);

// Absolute path of the built `hallyu` binary.
std::string HallyuBinary();

// Absolute path of the source tree's root (no trailing slash).
std::string SourceDir();

// Absolute path of the build tree's root (no trailing slash).
std::string BinaryDir();

// Whole contents of the file at `path`; fails the current test (ADD_FAILURE) and
// returns "" when it cannot be read.
std::string ReadFileOrFail(const std::string& path);

// A fresh, empty directory under the system temp dir; "" (and a test failure) when it
// cannot be made. Removed with its contents when the process exits if no test failed
// (kept and named on stderr otherwise, or when HALLYU_KEEP_TEST_DIRS is set); a caller may
// remove it earlier.
std::string MakeTempDir(std::string_view prefix);

}  // namespace hallyu::testing
