// `hallyu watch` end to end: real Kafka broker, a webhook test server on 127.0.0.1.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/child_process.h"
#include "tests/support/events.h"
#include "tests/support/kafka_client.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using namespace std::chrono_literals;
using testing::ChildProcess;
using testing::TestEvent;
using testing::WaitFor;

// A webhook receiver that answers 500 to the first request and 200 afterwards.
class FlakyWebhook {
 public:
  FlakyWebhook() {
    server_.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      bodies_.push_back(req.body);
      content_types_.push_back(req.get_header_value("Content-Type"));
      res.status = bodies_.size() == 1 ? 500 : 200;
      res.set_content("", "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~FlakyWebhook() {
    server_.stop();
    thread_.join();
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::vector<std::string> Bodies() {
    std::lock_guard<std::mutex> lock(mu_);
    return bodies_;
  }
  std::vector<std::string> ContentTypes() {
    std::lock_guard<std::mutex> lock(mu_);
    return content_types_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::vector<std::string> bodies_, content_types_;
};

int CountLines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

TEST(Watch, PrintsStatusChangesAndPostsWebhookWithRetry) {
  std::string brokers = testing::KafkaBrokers();
  std::string dir = testing::MakeTempDir("watch");
  std::string casting = testing::UniqueTopicName("w.casting");
  std::string ost = testing::UniqueTopicName("w.ost");
  testing::CreateTopic(brokers, casting, 2);
  testing::CreateTopic(brokers, ost, 1);
  // Already in the topic before watch starts: must not be printed.
  TestEvent old;
  old.event_id = "c-old";
  old.person = "Old News";
  testing::ProduceAll(brokers, {{casting, old.event_id, testing::TestEventJson(old), {}, 0, 0}});

  FlakyWebhook hook;
  ChildProcess watch({testing::HallyuBinary(), "watch", "--brokers", brokers, "--topics",
                      casting + "," + ost, "--webhook", hook.Url(), "--webhook-backoff-ms", "50"},
                     dir);
  ASSERT_TRUE(
      WaitFor([&] { return watch.Stderr().find("watch: following") != std::string::npos; }, 60s))
      << watch.Stderr();

  TestEvent t;
  t.event_id = "c-cha";
  t.version = 1;
  t.status = "in_talks";
  t.detected_at = "2026-04-28T08:00:00Z";
  std::string v1 = testing::TestEventJson(t);
  t.version = 2;  // new source, same status: not a status change
  t.source_urls.push_back("https://b.example/2");
  std::string v2 = testing::TestEventJson(t);
  t.version = 3;
  t.status = "confirmed";
  t.detected_at = "2026-05-01T09:12:00Z";
  t.source_urls = {"https://a.example/1", "https://b.example/2", "https://c.example/3",
                   "https://d.example/4"};
  std::string v3 = testing::TestEventJson(t);
  testing::ProduceAll(brokers, {{casting, t.event_id, v1, {}, 0, 0},
                                {casting, t.event_id, v2, {}, 0, 0},
                                {casting, t.event_id, "garbage", {}, 0, 0},
                                {casting, t.event_id, v3, {}, 0, 0}});

  ASSERT_TRUE(WaitFor([&] { return CountLines(watch.Stdout()) >= 2; }, 60s)) << watch.Stderr();
  ASSERT_TRUE(WaitFor([&] { return hook.Bodies().size() >= 3; }, 30s)) << watch.Stderr();
  watch.Signal(SIGTERM);
  EXPECT_EQ(watch.Wait(30s), 0) << watch.Stderr();

  std::string out = watch.Stdout();
  EXPECT_EQ(CountLines(out), 2) << out;
  EXPECT_EQ(out.find("Old News"), std::string::npos) << out;
  EXPECT_NE(out.find("2026-04-28 08:00 IN TALKS   Cha Eun-woo (ASTRO) → 'Wonderful World' (MBC)  "
                     "[crossover, 1 source]\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("2026-05-01 09:12 CONFIRMED  Cha Eun-woo (ASTRO) → 'Wonderful World' (MBC)  "
                     "[crossover, 4 sources]\n"),
            std::string::npos)
      << out;

  // The first POST got a 500 and was retried with the same body; then the change.
  auto bodies = hook.Bodies();
  ASSERT_EQ(bodies.size(), 3u);
  EXPECT_EQ(bodies[0], v1);
  EXPECT_EQ(bodies[1], v1);
  EXPECT_EQ(bodies[2], v3);
  EXPECT_EQ(nlohmann::json::parse(bodies[2])["status"], "confirmed");
  EXPECT_EQ(hook.ContentTypes()[2], "application/json");
}

// Issue 17: release and collab events are printed and POSTed like the others; --type
// keeps only the kinds asked for.
TEST(Watch, FollowsReleaseAndCollabTopicsAndFiltersByType) {
  std::string brokers = testing::KafkaBrokers();
  std::string dir = testing::MakeTempDir("watch");
  std::string release = testing::UniqueTopicName("w.release");
  std::string collab = testing::UniqueTopicName("w.collab");
  testing::CreateTopic(brokers, release, 1);
  testing::CreateTopic(brokers, collab, 1);
  FlakyWebhook hook;
  const std::string topics = release + "," + collab;
  ChildProcess all({testing::HallyuBinary(), "watch", "--brokers", brokers, "--topics", topics,
                    "--webhook", hook.Url(), "--webhook-backoff-ms", "50"},
                   dir);
  ChildProcess only({testing::HallyuBinary(), "watch", "--brokers", brokers, "--topics", topics,
                     "--type", "release"},
                    dir);
  for (ChildProcess* w : {&all, &only}) {
    ASSERT_TRUE(
        WaitFor([&] { return w->Stderr().find("watch: following") != std::string::npos; }, 60s))
        << w->Stderr();
  }
  TestEvent r;
  r.event_id = "r-han";
  r.type = "release";
  r.status = "announced";
  r.person = "Han Do-yoon";
  r.group = "";
  r.title = "Night Letter";
  r.kind = "digital_single";
  r.detected_at = "2026-12-01T10:00:00Z";
  TestEvent j;
  j.event_id = "j-lanterns";
  j.type = "collab";
  j.status = "released";
  j.people = {{"Seo Ha-rin", "서하린"}, {"Han Do-yoon", "한도윤"}};
  j.title = "Paper Lanterns";
  j.cause = "children's hospital";
  j.detected_at = "2026-12-02T10:00:00Z";
  const std::string rj = testing::TestEventJson(r), jj = testing::TestEventJson(j);
  testing::ProduceAll(brokers,
                      {{release, r.event_id, rj, {}, 0, 0}, {collab, j.event_id, jj, {}, 0, 0}});
  ASSERT_TRUE(WaitFor([&] { return CountLines(all.Stdout()) >= 2; }, 60s)) << all.Stderr();
  ASSERT_TRUE(WaitFor([&] { return CountLines(only.Stdout()) >= 1; }, 60s)) << only.Stderr();
  // The webhook's first answer is a 500: the first event is posted twice.
  ASSERT_TRUE(WaitFor([&] { return hook.Bodies().size() >= 3; }, 30s)) << all.Stderr();
  for (ChildProcess* w : {&all, &only}) {
    w->Signal(SIGTERM);
    EXPECT_EQ(w->Wait(30s), 0) << w->Stderr();
  }
  const std::string out = all.Stdout();
  EXPECT_EQ(CountLines(out), 2) << out;
  EXPECT_NE(out.find("2026-12-01 10:00 ANNOUNCED  Han Do-yoon → digital single 'Night Letter'  "
                     "[crossover, 1 source]\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("2026-12-02 10:00 RELEASED   Seo Ha-rin, Han Do-yoon → collab 'Paper "
                     "Lanterns' for children's hospital  [crossover, 1 source]\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(CountLines(only.Stdout()), 1) << only.Stdout();
  EXPECT_NE(only.Stdout().find("Night Letter"), std::string::npos) << only.Stdout();
  auto bodies = hook.Bodies();
  std::sort(bodies.begin(), bodies.end());
  bodies.erase(std::unique(bodies.begin(), bodies.end()), bodies.end());
  EXPECT_EQ(bodies, (std::vector<std::string>{std::min(rj, jj), std::max(rj, jj)}));
}

TEST(Watch, CrossoverFilterSkipsOtherEvents) {
  std::string brokers = testing::KafkaBrokers();
  std::string dir = testing::MakeTempDir("watch");
  std::string casting = testing::UniqueTopicName("w.casting");
  testing::CreateTopic(brokers, casting, 1);
  ChildProcess watch(
      {testing::HallyuBinary(), "watch", "--crossover", "--brokers", brokers, "--topics", casting},
      dir);
  ASSERT_TRUE(
      WaitFor([&] { return watch.Stderr().find("watch: following") != std::string::npos; }, 60s))
      << watch.Stderr();
  TestEvent plain;
  plain.event_id = "c-plain";
  plain.person = "Kim Ji-won";
  plain.group = "";
  plain.crossover = false;
  TestEvent idol;
  idol.event_id = "c-idol";
  testing::ProduceAll(brokers, {{casting, plain.event_id, testing::TestEventJson(plain), {}, 0, 0},
                                {casting, idol.event_id, testing::TestEventJson(idol), {}, 0, 0}});
  ASSERT_TRUE(WaitFor([&] { return CountLines(watch.Stdout()) >= 1; }, 60s)) << watch.Stderr();
  watch.Signal(SIGINT);
  EXPECT_EQ(watch.Wait(30s), 0);
  std::string out = watch.Stdout();
  EXPECT_EQ(CountLines(out), 1) << out;
  EXPECT_NE(out.find("Cha Eun-woo"), std::string::npos) << out;
}

}  // namespace
}  // namespace hallyu
