#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::HallyuBinary;
using hallyu::testing::MakeTempDir;

std::string RunCommand(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  *status = pclose(p);
  return out;
}

TEST(DetectCli, PrintsOneJsonLinePerEventForTextAndHtml) {
  const std::string dir = MakeTempDir("detect_cli");
  {
    std::ofstream(dir + "/a.txt") << "Kim Ji-won and Park Bo-gum have been cast in the Netflix "
                                     "series 'Blue Hour'.\nUnrelated sentence.\n";
    std::ofstream(dir + "/b.html")
        << "<html><head><title>x</title><script>var s='IU to sing OST for \\'X\\'';</script>"
           "</head><body><p>아이유, '눈물의 여왕' OST 가창</p></body></html>";
  }
  int status = 0;
  const std::string out =
      RunCommand(HallyuBinary() + " detect --lang en " + dir + "/a.txt", &status);
  EXPECT_EQ(status, 0);
  std::istringstream lines(out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["schema"], "hallyu.casting/1");
    EXPECT_EQ(j["work"]["title"], "Blue Hour");
    ++count;
  }
  EXPECT_EQ(count, 2);
  const std::string html = RunCommand(HallyuBinary() + " detect " + dir + "/b.html", &status);
  EXPECT_EQ(status, 0);
  auto j = nlohmann::json::parse(html.substr(0, html.find('\n')));
  EXPECT_EQ(j["schema"], "hallyu.ost/1");
  EXPECT_EQ(j["artist"]["name"], "IU");
  EXPECT_EQ(html.find("\"X\""), std::string::npos);  // script text is not visible text
  RunCommand(HallyuBinary() + " detect --lang fr " + dir + "/a.txt 2>/dev/null", &status);
  EXPECT_NE(status, 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hallyu
