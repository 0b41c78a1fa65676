#include <signal.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "crawler/cli/cli.h"
#include "crawler/downstream/downstream_config.h"
#include "crawler/downstream/event_sink.h"

namespace hallyu {
namespace {

std::atomic<EventSink*> g_sink{nullptr};

extern "C" void StopSinkOnSignal(int) {
  EventSink* s = g_sink.load();
  if (s != nullptr) s->RequestStop();
}

struct SinkArgs {
  std::string store = "sqlite:hallyu.db";
  std::vector<std::string> kafka;  // KEY=VALUE
  SinkOptions options;
  // Which settings the command line (or HALLYU_KAFKA_BROKERS) gave; the rest come
  // from --config when it names them.
  bool store_given = false, brokers_given = false, topics_given = false, dlq_given = false;
};

int RunSink(SinkArgs args, const GlobalOptions& global) {
  auto cfg = LoadDownstreamConfig(global.config_path, global.config_given);
  if (!cfg.ok()) {
    std::cerr << "hallyu sink: " << cfg.status().ToString() << "\n";
    return 2;
  }
  if (!args.store_given && cfg->store) args.store = *cfg->store;
  if (!args.brokers_given && cfg->brokers) args.options.brokers = *cfg->brokers;
  if (!args.topics_given && !cfg->event_topics.empty()) args.options.topics = cfg->event_topics;
  if (!args.dlq_given && !cfg->dlq_topic.empty()) args.options.dlq_topic = cfg->dlq_topic;
  args.options.kafka.insert(cfg->client_properties.begin(), cfg->client_properties.end());
  for (const auto& kv : args.kafka) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "hallyu sink: --kafka wants KEY=VALUE, got '" << kv << "'\n";
      return 2;
    }
    args.options.kafka[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  auto store = OpenStore(args.store);
  if (!store.ok()) {
    std::cerr << "hallyu sink: " << store.status().ToString() << "\n";
    return 1;
  }
  auto sink = EventSink::Create(args.options, **store);
  if (!sink.ok()) {
    std::cerr << "hallyu sink: " << sink.status().ToString() << "\n";
    return 1;
  }
  g_sink.store(sink->get());
  struct sigaction sa = {};
  sa.sa_handler = StopSinkOnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  spdlog::info("sink: consuming {} from {} into {} (group {})", fmt::join(args.options.topics, ","),
               args.options.brokers, args.store, args.options.group);
  Status s = (*sink)->Run();
  SinkStats st = (*sink)->stats();
  g_sink.store(nullptr);
  sink->reset();
  spdlog::info("sink: stopped; {} batches, {} stored, {} repeated, {} to DLQ", st.batches,
               st.stored, st.duplicates, st.dlq);
  if (!s.ok()) {
    std::cerr << "hallyu sink: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void AddSinkCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd =
      parent.add_subcommand("sink", "Consume event topics into a SQLite or PostgreSQL store");
  auto args = std::make_shared<SinkArgs>();
  if (const char* b = std::getenv("HALLYU_KAFKA_BROKERS"); b != nullptr && *b != '\0') {
    args->options.brokers = b;
  }
  CLI::Option* store =
      cmd->add_option("--store", args->store,
                      "sqlite:PATH or postgresql://user@host/db (default: sink.store of --config)")
          ->capture_default_str();
  CLI::Option* brokers =
      cmd->add_option("--brokers", args->options.brokers,
                      "Kafka bootstrap servers (default: env HALLYU_KAFKA_BROKERS, then "
                      "kafka.brokers of --config)")
          ->capture_default_str();
  CLI::Option* topics =
      cmd->add_option("--topics", args->options.topics, "Event topics (default: from --config)")
          ->delimiter(',')
          ->capture_default_str();
  CLI::Option* dlq = cmd->add_option("--dlq-topic", args->options.dlq_topic,
                                     "Topic for malformed messages (default: from --config)")
                         ->capture_default_str();
  cmd->add_option("--group", args->options.group, "Consumer group id")->capture_default_str();
  cmd->add_option("--max-batch", args->options.max_batch, "Messages per database transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--throttle-ms", args->options.throttle_ms, "Pause after each batch, ms")
      ->capture_default_str()
      ->check(CLI::Range(0, 60000));
  cmd->add_option("--idle-exit-ms", args->options.idle_exit_ms,
                  "Exit once caught up and idle this long, ms (0 = run until SIGINT/SIGTERM)")
      ->capture_default_str()
      ->check(CLI::Range(0, 3600000));
  cmd->add_option("--kafka", args->kafka,
                  "Extra librdkafka consumer property KEY=VALUE (repeatable), e.g. "
                  "group.instance.id=sink-1");
  cmd->callback([&ctx, args, store, brokers, topics, dlq] {
    args->store_given = store->count() > 0;
    args->brokers_given = brokers->count() > 0 || EnvSetAndNotEmpty("HALLYU_KAFKA_BROKERS");
    args->topics_given = topics->count() > 0;
    args->dlq_given = dlq->count() > 0;
    ctx.run = [&ctx, args] { return RunSink(*args, ctx.global); };
  });
}

}  // namespace hallyu
