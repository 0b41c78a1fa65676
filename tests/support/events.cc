#include "tests/support/events.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <random>

namespace hallyu::testing {

std::string TestEventJson(const TestEvent& e) {
  nlohmann::json j;
  const bool casting = e.type == "casting";
  j["schema"] = "hallyu." + e.type + "/1";
  j["event_id"] = e.event_id;
  j["version"] = e.version;
  j["type"] = e.type;
  j["status"] = e.status;
  nlohmann::json who = {{"name", e.person},
                        {"native", e.person_native},
                        {"group", e.group},
                        {"idol", !e.group.empty()},
                        {"resolved", true}};
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
  };
  if (e.type == "release") {
    j["artist"] = who;
    j["title"] = or_null(e.title);
    j["kind"] = or_null(e.kind);
  } else if (e.type == "collab") {
    nlohmann::json people = nlohmann::json::array();
    for (const auto& [name, native] : e.people) {
      nlohmann::json one = {{"name", name},
                            {"native", or_null(native)},
                            {"group", nullptr},
                            {"idol", false},
                            {"resolved", !native.empty()}};
      people.push_back(one);
    }
    j["people"] = people;
    j["title"] = or_null(e.title);
    j["cause"] = or_null(e.cause);
  } else {
    j[casting ? "person" : "artist"] = who;
    j["work"] = {{"title", e.work}, {"native", ""}, {"kind", "drama"}, {"network", e.network}};
  }
  if (e.type == "release" || e.type == "collab") {
  } else if (casting) {
    j["role"] = "lead";
  } else {
    j["song"] = "Test Song";
    j["part"] = 1;
  }
  j["crossover"] = e.crossover;
  j["evidence"] = {{"text", "test sentence"}, {"rule", "test.rule"}, {"lang", "en"}};
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& url : e.source_urls) {
    sources.push_back({{"url", url},
                       {"site", "example"},
                       {"title", "t"},
                       {"published_at", e.first_seen_at},
                       {"fetched_at", e.detected_at}});
  }
  j["sources"] = sources;
  j["first_seen_at"] = e.first_seen_at;
  j["detected_at"] = e.detected_at;
  j["confidence"] = 0.9;
  return j.dump();
}

std::string FreshPostgresUrl() {
  const char* base = std::getenv("HALLYU_PG_URL");
  if (base == nullptr || *base == '\0') {
    ADD_FAILURE() << "HALLYU_PG_URL is not set: start PostgreSQL with scripts/pg-local.sh start";
    return "";
  }
  static std::atomic<int> counter{0};
  std::random_device rd;
  std::string schema = "t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
                       std::to_string(rd() % 1000000);
  try {
    pqxx::connection c(base);
    pqxx::nontransaction n(c);
    n.exec("SET client_min_messages = warning");
    n.exec("CREATE SCHEMA " + schema);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "PostgreSQL at " << base << " unreachable: " << e.what();
    return "";
  }
  std::string url = base;
  url += (url.find('?') == std::string::npos ? "?" : "&");
  url += "options=-csearch_path%3D" + schema;
  return url;
}

}  // namespace hallyu::testing
