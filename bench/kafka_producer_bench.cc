// Throughput and latency of hallyu's KafkaProducer (spool + idempotent librdkafka) against
// the local real broker, side by side with kcat producing the same payloads from a file.
//
//   export HALLYU_KAFKA_BROKERS="$(scripts/kafka-local.sh start)"
//   build-bench/bench/kafka_producer_bench --benchmark_counters_tabular=true
//
// Each benchmark produces kEvents ~1 KB JSON events (key = event_id) to a fresh topic with
// 1 or 6 partitions and waits for every delivery report. Results: bench/RESULTS-kafka.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "crawler/kafka/kafka_producer.h"

namespace {

constexpr int kEvents = 200000;

std::string Brokers() {
  const char* b = std::getenv("HALLYU_KAFKA_BROKERS");
  return b && *b ? b : "127.0.0.1:19092";
}

std::string EventId(int i) { return "c-bench-" + std::to_string(i); }

// A casting event padded to about 1 KB (the evidence text is the variable part).
std::string Event(int i) {
  std::string e =
      R"({"schema":"hallyu.casting/1","event_id":")" + EventId(i) +
      R"(","version":1,"type":"casting","status":"confirmed","person":{"name":"Cha Eun-woo","native":"차은우","group":"ASTRO","idol":true,"resolved":true},"work":{"title":"True Beauty","native":"여신강림","kind":"drama","network":"tvN"},"role":"Lee Su-ho","crossover":true,"sources":[{"url":"https://news.example.com/a/)" +
      std::to_string(i) +
      R"(","site":"example"}],"detected_at":"2026-11-20T09:05:01Z","confidence":0.93,"evidence":{"rule":"casting.en.confirmed_to_star","lang":"en","text":")";
  while (e.size() < 1000) e += "Cha Eun-woo has been cast in True Beauty. ";
  e += "\"}}";
  return e;
}

std::string UniqueTopic(const char* what, int partitions) {
  return "hallyu.bench." + std::string(what) + "." + std::to_string(partitions) + "p." +
         std::to_string(getpid()) + "." + std::to_string(std::rand() % 100000);
}

void BM_HallyuProducer(benchmark::State& state) {
  int partitions = static_cast<int>(state.range(0));
  std::string spool =
      std::filesystem::temp_directory_path() / ("hallyu-bench-spool-" + std::to_string(getpid()));
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(spool);
    hallyu::KafkaOptions o;
    o.brokers = Brokers();
    o.spool.dir = spool;
    o.create_topics = false;
    std::string topic = UniqueTopic("hallyu", partitions);
    auto p = hallyu::KafkaProducer::Start(o);
    if (!p.ok()) {
      state.SkipWithError(p.status().ToString().c_str());
      return;
    }
    if (!(*p)->EnsureTopics({{topic, partitions, 1, {}}}, std::chrono::seconds(30)).ok()) {
      state.SkipWithError("cannot create the topic");
      return;
    }
    std::vector<std::string> events;
    events.reserve(kEvents);
    size_t bytes = 0;
    for (int i = 0; i < kEvents; ++i) {
      events.push_back(Event(i));
      bytes += events.back().size();
    }
    auto headers = hallyu::StandardHeaders("hallyu.casting/1", "example");
    state.ResumeTiming();
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kEvents; ++i) {
      hallyu::Status st;
      while (!(st = (*p)->Produce(topic, EventId(i), events[i], headers)).ok()) {
        if (st.code() != hallyu::ErrorCode::kTooLarge) {
          state.SkipWithError(st.ToString().c_str());
          return;
        }
        (*p)->WaitForSpace(std::chrono::seconds(1));
      }
    }
    if (!(*p)->Flush(std::chrono::seconds(300)).ok()) {
      state.SkipWithError("flush timed out");
      return;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    auto s = (*p)->stats();
    state.counters["events_per_s"] = kEvents / secs;
    state.counters["MB_per_s"] = bytes / secs / 1e6;
    state.counters["p50_ms"] = s.latency_p50_us / 1000.0;
    state.counters["p99_ms"] = s.latency_p99_us / 1000.0;
    state.counters["avg_bytes"] = static_cast<double>(bytes) / kEvents;
    (void)(*p)->Close(std::chrono::seconds(10));
  }
  std::filesystem::remove_all(spool);
}

// kcat -P with the same payloads (key<TAB>value lines), same compression and batching.
void BM_Kcat(benchmark::State& state) {
  int partitions = static_cast<int>(state.range(0));
  std::string file = std::filesystem::temp_directory_path() /
                     ("hallyu-bench-kcat-" + std::to_string(getpid()) + ".txt");
  size_t bytes = 0;
  {
    std::ofstream out(file);
    for (int i = 0; i < kEvents; ++i) {
      std::string e = Event(i);
      bytes += e.size();
      out << EventId(i) << '\t' << e << '\n';
    }
  }
  for (auto _ : state) {
    state.PauseTiming();
    // Create the topic with the same partition count through a hallyu admin call.
    std::string topic = UniqueTopic("kcat", partitions);
    {
      hallyu::KafkaOptions o;
      o.brokers = Brokers();
      o.create_topics = false;
      o.spool.dir = file + ".spool";
      auto p = hallyu::KafkaProducer::Start(o);
      if (!p.ok() ||
          !(*p)->EnsureTopics({{topic, partitions, 1, {}}}, std::chrono::seconds(30)).ok()) {
        state.SkipWithError("cannot create the topic");
        return;
      }
      (void)(*p)->Close(std::chrono::seconds(1));
      std::filesystem::remove_all(file + ".spool");
    }
    std::string cmd = "kcat -P -b " + Brokers() + " -t " + topic + " -K '\t' -z lz4 " +
                      "-X enable.idempotence=true -X acks=all -X linger.ms=20 " +
                      "-X batch.num.messages=10000 -X batch.size=1000000 " +
                      "-X queue.buffering.max.messages=200000 -l " + file;
    state.ResumeTiming();
    auto t0 = std::chrono::steady_clock::now();
    int rc = std::system(cmd.c_str());
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (rc != 0) {
      state.SkipWithError("kcat failed");
      return;
    }
    state.counters["events_per_s"] = kEvents / secs;
    state.counters["MB_per_s"] = bytes / secs / 1e6;
    state.counters["avg_bytes"] = static_cast<double>(bytes) / kEvents;
  }
  std::filesystem::remove(file);
}

BENCHMARK(BM_HallyuProducer)
    ->Arg(1)
    ->Arg(6)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();
BENCHMARK(BM_Kcat)->Arg(1)->Arg(6)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
