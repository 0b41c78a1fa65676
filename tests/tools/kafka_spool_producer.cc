// Test-only: produces through hallyu's KafkaProducer so a test can SIGKILL it mid-way.
//   hallyu_test_produce BROKERS SPOOL_DIR TOPIC COUNT hold|flush
// Produces COUNT records (key "k<i % 10>", value {"i":<i>}), prints "spooled <COUNT>" and
// then either blocks forever (hold: the test kills it) or flushes for at most 90 s and
// exits 0 when nothing is left in the spool (3 otherwise).
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "crawler/kafka/kafka_producer.h"

int main(int argc, char** argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s BROKERS SPOOL_DIR TOPIC COUNT hold|flush\n", argv[0]);
    return 2;
  }
  spdlog::set_default_logger(spdlog::stderr_color_mt("stderr"));  // stdout is the protocol
  hallyu::KafkaOptions o;
  o.brokers = argv[1];
  o.spool.dir = argv[2];
  o.create_topics = false;
  std::string topic = argv[3];
  int count = std::stoi(argv[4]);
  bool hold = std::string(argv[5]) == "hold";
  auto p = hallyu::KafkaProducer::Start(o);
  if (!p.ok()) {
    fprintf(stderr, "start: %s\n", p.status().ToString().c_str());
    return 1;
  }
  for (int i = 0; i < count; ++i) {
    hallyu::Status st =
        (*p)->Produce(topic, "k" + std::to_string(i % 10), "{\"i\":" + std::to_string(i) + "}");
    if (!st.ok()) {
      fprintf(stderr, "produce %d: %s\n", i, st.ToString().c_str());
      return 1;
    }
  }
  printf("spooled %d\n", count);
  fflush(stdout);
  if (hold) {
    for (;;) pause();
  }
  hallyu::Status st = (*p)->Flush(std::chrono::seconds(90));
  auto s = (*p)->stats();
  printf("delivered %llu pending %llu corrupt %llu\n", (unsigned long long)s.delivered,
         (unsigned long long)s.pending, (unsigned long long)s.corrupt_records);
  (void)(*p)->Close(std::chrono::seconds(5));
  return st.ok() ? 0 : 3;
}
