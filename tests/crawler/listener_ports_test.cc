// No fixed listener port of the tests, scripts or benchmarks may sit in the kernel's
// ephemeral range (Linux default: kEphemeralLow..kEphemeralHigh below): outgoing connections of the
// same machine take those ports at random, so a test cluster on one of them fails to start now and
// then (issue 19: KafkaProducerTest's 3-broker cluster on 39492 found its port taken). Fixed ports
// live below that range (Kafka 19xxx, PostgreSQL 25432, benchmarks 2xxxx) or are 0.
#include <gtest/gtest.h>

#include "tests/support/paths.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr int kEphemeralLow = 32768;
constexpr int kEphemeralHigh = 60999;

bool Scanned(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".sh" || ext == ".cc" || ext == ".h" || ext == ".py" || ext == ".yaml" ||
         ext == ".md";
}

// The places a listener port is written down: an address, a base-port variable, a
// KafkaLocalCluster(brokers, base_port) in a test, a PORT default in a script.
const std::regex& PortPattern() {
  static const std::regex re(
      R"((?:127\.0\.0\.1:|localhost:|BASE_PORT[=:-]+"?|_PORT:-|KafkaLocalCluster[^(]*\(\s*\d+\s*,\s*|PORT=\$\{[A-Z_]+:-)(\d{4,5}))");
  return re;
}

TEST(ListenerPortsTest, NoFixedPortInTheEphemeralRange) {
  const fs::path root = hallyu::testing::SourceDir();
  std::vector<std::string> offenders;
  for (const char* dir : {"scripts", "tests", "bench", "configs", "crawler"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      if (!e.is_regular_file() || !Scanned(e.path())) continue;
      if (e.path().filename() == "listener_ports_test.cc") continue;  // names the range
      std::ifstream in(e.path());
      std::string line;
      int n = 0;
      while (std::getline(in, line)) {
        ++n;
        for (std::sregex_iterator it(line.begin(), line.end(), PortPattern()), end; it != end;
             ++it) {
          const int port = std::stoi((*it)[1].str());
          if (port >= kEphemeralLow && port <= kEphemeralHigh) {
            std::ostringstream s;
            s << fs::relative(e.path(), root).string() << ":" << n << ": " << port;
            offenders.push_back(s.str());
          }
        }
      }
    }
  }
  std::string all;
  for (const auto& o : offenders) all += o + "\n";
  EXPECT_TRUE(offenders.empty()) << "fixed listener ports in " << kEphemeralLow << "-"
                                 << kEphemeralHigh << " (move below the range or bind port 0):\n"
                                 << all;
}

}  // namespace
