// `hallyu crawl [--once]`: crawls the configured sources, detects casting and OST
// announcements and streams them to Kafka. Without --once each source is polled on
// its own schedule (interval, cron, adaptive; crawler/sources/source_scheduler.h) until
// SIGINT/SIGTERM, then in-flight work finishes and the command exits 0.
// `--once --deadline 30m` bounds a one-shot crawl: at the deadline no new fetch starts,
// fetches in flight get crawl.stop_grace_ms to finish, what is left is not marked done
// (the next run picks it up), the summary says so and the exit code is kExitDeadline (3).
// The summary is printed once the producer is closed, so its event figures are what
// Kafka acknowledged (and what it refused or what is still spooled), not what was queued.
#include <spdlog/spdlog.h>

#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <thread>

#include "crawler/cli/cli.h"
#include "crawler/cli/crawl_config.h"
#include "crawler/crawl/crawl_job.h"
#include "crawler/crawl/document_pipeline.h"
#include "crawler/crawl/event_bounds.h"
#include "crawler/crawl/progress.h"
#include "crawler/distributed/distributed_crawl.h"
#include "crawler/downstream/event_format.h"
#include "crawler/downstream/event_sink.h"
#include "crawler/fetch/crawl_state_store.h"
#include "crawler/kafka/kafka_event_publisher.h"
#include "crawler/kafka/kafka_options.h"
#include "crawler/kafka/kafka_producer.h"
#include "crawler/ops/metrics.h"
#include "crawler/ops/monitoring_options.h"
#include "crawler/sources/source_state_store.h"
#include "crawler/store/event_merge_store.h"
#include "crawler/store/learned_names_store.h"
#include "crawler/store/store.h"
#include "extractors/detect/detector.h"
#include "extractors/detect/event_merger.h"

namespace hallyu {
namespace {

struct CrawlCommandOptions {
  bool once = false;
  bool distributed = false;  // one worker of a Kafka-coordinated group (distributed_crawl.h)
  std::string worker_id;     // --worker-id: overrides distributed.worker_id
  std::string deadline;      // --deadline: "90s", "30m", "2h" (with --once)
};

// Kafka's view of one run: producer stats and event-topic deliveries before and after.
struct DeliveryFigures {
  uint64_t events_delivered = 0;  // acknowledged records on the four event topics
  uint64_t refused = 0;           // records Kafka refused for good (routed to the DLQ)
  uint64_t still_spooled = 0;     // records not acknowledged yet (re-sent by the next start)
};

// Successful deliveries to the event topics so far (the producer's latency histogram
// counts one per acknowledged record).
uint64_t EventDeliveries(const KafkaOptions& kafka) {
  CrawlMetrics& m = DefaultCrawlMetrics();
  uint64_t n = 0;
  for (const std::string& topic : EventTopics(kafka.topics)) {
    n += m.kafka_delivery.With({topic}).Count();
  }
  return n;
}

std::atomic<bool> g_stop{false};

extern "C" void RequestStop(int) { g_stop.store(true); }

// Waits until Kafka has every produced event, then consumes the event topics into
// `store` until they are idle (the in-process sink of `sink.store`).
Status SinkRound(KafkaProducer& producer, const KafkaOptions& kafka, Store& store) {
  HALLYU_RETURN_IF_ERROR(producer.Flush(std::chrono::seconds(30)));
  SinkOptions so;
  so.brokers = producer.bootstrap_servers();
  so.topics = EventTopics(kafka.topics);
  so.dlq_topic = kafka.topics.dlq;
  so.idle_exit_ms = 2000;
  auto sink = EventSink::Create(so, store);
  if (!sink.ok()) return sink.status();
  HALLYU_RETURN_IF_ERROR((*sink)->Run());
  SinkStats st = (*sink)->stats();
  std::cerr << "sink: " << st.stored << " event versions stored, " << st.duplicates
            << " repeats ignored, " << st.dlq << " sent to the DLQ\n";
  return Status();
}

void PrintSummary(const CrawlSummary& s, const DeliveryFigures& d) {
  std::cerr << "crawl: " << s.sources_ok << " sources ok, " << s.sources_failed << " failed; "
            << s.pages_fetched << " pages (" << s.pages_not_modified << " not modified, "
            << s.fetch_failures << " failed, " << s.robots_denied << " denied by robots.txt); "
            << s.posts << " posts; " << s.polls << " polls, " << s.entries_seen_before
            << " entries seen before; " << s.documents << " documents, " << s.extraction_failures
            << " extraction failures; " << s.events_published << " events spooled ("
            << s.events_bounded << " cut to fit), " << d.events_delivered
            << " events delivered to Kafka, " << d.refused << " records refused by Kafka (DLQ), "
            << d.still_spooled << " records still spooled; " << s.seconds << " s\n";
  if (s.pages_quarantined > 0 || s.quarantined_skipped > 0) {
    std::cerr << "crawl: " << s.pages_quarantined
              << " pages quarantined (processing did not finish in crawl.quarantine_after_runs "
                 "runs; sent to the DLQ), "
              << s.quarantined_skipped << " quarantined pages skipped\n";
  }
  if (s.host_budget_deferred > 0) {
    std::cerr << "crawl: " << s.host_budget_deferred
              << " URLs left for the next run: their host's crawl.max_requests_per_host was "
                 "spent\n";
  }
  if (s.deadline_hit) {
    std::cerr << "crawl: deadline reached; " << s.left_for_next_run
              << " fetches left for the next run (not marked done)\n";
  }
}

// `hallyu crawl --distributed`: loads the config at `config_path` (sources, detect, fetcher,
// kafka, distributed sections), overrides distributed.worker_id with `worker_id` when not
// empty, runs one worker until `stop` and prints its summary on stderr. Returns the exit
// code: 0 done, 1 a config or Kafka error (printed).
int RunDistributedCrawl(const std::string& config_path, const std::string& worker_id,
                        const std::atomic<bool>* stop) {
  auto cfg = LoadCrawlConfig(config_path);
  if (!cfg.ok()) {
    std::cerr << "hallyu crawl: " << cfg.status().ToString() << "\n";
    return 1;
  }
  YAML::Node root;
  try {
    root = YAML::LoadFile(config_path);
  } catch (const YAML::Exception& e) {
    std::cerr << "hallyu crawl: " << e.what() << "\n";
    return 1;
  }
  auto kafka = ParseKafkaOptions(root["kafka"]);
  if (!kafka.ok()) {
    std::cerr << "hallyu crawl: kafka: " << kafka.status().ToString() << "\n";
    return 1;
  }
  if (kafka->brokers == kEmbeddedBrokers) {
    std::cerr << "hallyu crawl: --distributed needs a real Kafka cluster (kafka.brokers)\n";
    return 1;
  }
  auto dist = ParseDistributedOptions(root["distributed"]);
  if (!dist.ok()) {
    std::cerr << "hallyu crawl: " << dist.status().ToString() << "\n";
    return 1;
  }
  if (!worker_id.empty()) dist->worker_id = worker_id;
  std::vector<std::string> gazetteer_dirs{cfg->gazetteer_dir};
  gazetteer_dirs.insert(gazetteer_dirs.end(), cfg->extra_gazetteer_dirs.begin(),
                        cfg->extra_gazetteer_dirs.end());
  auto detector = Detector::Load(cfg->rules_dir, gazetteer_dirs);
  if (!detector.ok()) {
    std::cerr << "hallyu crawl: " << detector.status().ToString() << "\n";
    return 1;
  }
  DistributedCrawl crawl(*dist, *kafka, cfg->job, cfg->sources, &*detector);
  auto summary = crawl.Run(stop);
  if (!summary.ok()) {
    std::cerr << "hallyu crawl: distributed: " << summary.status().ToString() << "\n";
    return 1;
  }
  const DistributedSummary& s = *summary;
  std::cerr << "crawl (distributed): " << s.sources_fetched << " sources, " << s.pages_fetched
            << " pages (" << s.not_modified << " not modified, " << s.fetch_failures << " failed, "
            << s.robots_denied << " denied by robots.txt, " << s.fetch_retries << " fetched again, "
            << s.fetch_given_up << " given up for now), " << s.skipped_seen << " already seen; "
            << s.detections << " detections, " << s.events_published << " events; "
            << s.transactions << " transactions, " << s.aborts << " aborted, "
            << s.producer_restarts << " producer restarts; " << s.rebalances << " rebalances, "
            << s.pauses << " pauses in " << s.seconds << " s\n";
  return 0;
}

int RunCrawl(const CrawlCommandOptions& opts, const GlobalOptions& global) {
  if (opts.distributed) {
    std::signal(SIGINT, RequestStop);
    std::signal(SIGTERM, RequestStop);
    return RunDistributedCrawl(global.config_path, opts.worker_id, &g_stop);
  }
  std::chrono::milliseconds deadline{0};
  if (!opts.deadline.empty()) {
    Result<int64_t> seconds = ParseDurationSeconds(opts.deadline);
    if (!opts.once || !seconds.ok() || *seconds <= 0) {
      std::cerr << "hallyu crawl: --deadline wants a positive duration (e.g. 90s, 30m, 2h) "
                   "and --once\n";
      return 2;
    }
    deadline = std::chrono::seconds(*seconds);
  }
  auto cfg = LoadCrawlConfig(global.config_path);
  if (!cfg.ok()) {
    std::cerr << "hallyu crawl: " << cfg.status().ToString() << "\n";
    return 1;
  }
  if (cfg->sources.empty()) {
    std::cerr << "hallyu crawl: no sources configured in " << global.config_path << "\n";
    return 1;
  }
  YAML::Node root = YAML::LoadFile(global.config_path);
  auto kafka_options = ParseKafkaOptions(root["kafka"]);
  if (!kafka_options.ok()) {
    std::cerr << "hallyu crawl: kafka: " << kafka_options.status().ToString() << "\n";
    return 1;
  }
  std::vector<std::string> gazetteer_dirs{cfg->gazetteer_dir};
  gazetteer_dirs.insert(gazetteer_dirs.end(), cfg->extra_gazetteer_dirs.begin(),
                        cfg->extra_gazetteer_dirs.end());
  auto monitoring = ParseMonitoringOptions(root["monitoring"]);
  if (!monitoring.ok()) {
    std::cerr << "hallyu crawl: monitoring: " << monitoring.status().ToString() << "\n";
    return 1;
  }
  MetricsServer metrics_server(DefaultMetricsRegistry());
  if (monitoring->metrics_enabled) {
    Status s = metrics_server.Start(monitoring->metrics_address);
    if (!s.ok()) {
      std::cerr << "hallyu crawl: metrics endpoint " << monitoring->metrics_address << ": "
                << s.ToString() << "\n";
      return 1;
    }
    spdlog::info("metrics on http://127.0.0.1:{}/metrics", metrics_server.port());
  }
  // Rules compile on a second thread while the stores open and Kafka connects (a
  // start-up of ~0.1 s, most of it those two). An early return below waits for it:
  // the future of std::async joins in its destructor.
  std::future<Result<Detector>> detector_loading = std::async(
      std::launch::async, [&] { return Detector::Load(cfg->rules_dir, gazetteer_dirs); });
  if (auto parent = std::filesystem::path(cfg->state_path).parent_path(); !parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
  }
  // Validators and content hashes of 64 pages per transaction, not one (the fetch loop
  // writes them for every page; a crash costs at most 64 unconditional refetches).
  auto state = CrawlStateStore::Open(cfg->state_path, CrawlStateStoreOptions{.put_batch = 64});
  if (!state.ok()) {
    std::cerr << "hallyu crawl: " << state.status().ToString() << "\n";
    return 1;
  }
  if (auto parent = std::filesystem::path(cfg->source_state_path).parent_path(); !parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
  }
  SourceStateStoreOptions source_state_options;
  source_state_options.max_seen_per_source = cfg->max_seen_per_source;
  // One SQLite transaction per 64 pages instead of per page (a crash refetches at most 64).
  source_state_options.mark_batch = 64;
  auto source_state = SourceStateStore::Open(cfg->source_state_path, source_state_options);
  if (!source_state.ok()) {
    std::cerr << "hallyu crawl: " << source_state.status().ToString() << "\n";
    return 1;
  }
  auto merge_state = EventMergeStore::Open(cfg->state_path + ".events");
  if (!merge_state.ok()) {
    std::cerr << "hallyu crawl: " << merge_state.status().ToString() << "\n";
    return 1;
  }
  // What articles teach about names the gazetteer lacks (`hallyu names list`).
  auto learned_names = LearnedNamesStore::Open(cfg->state_path + ".names");
  if (!learned_names.ok()) {
    std::cerr << "hallyu crawl: " << learned_names.status().ToString() << "\n";
    return 1;
  }
  std::unique_ptr<Store> store;
  if (!cfg->sink_store.empty()) {
    auto opened = OpenStore(cfg->sink_store);
    if (!opened.ok()) {
      std::cerr << "hallyu crawl: sink.store: " << opened.status().ToString() << "\n";
      return 1;
    }
    store = std::move(*opened);
  }
  auto producer = KafkaProducer::Start(*kafka_options, &DefaultCrawlMetrics());
  if (!producer.ok()) {
    std::cerr << "hallyu crawl: kafka: " << producer.status().ToString() << "\n";
    return 1;
  }
  if (kafka_options->create_topics) {
    Status s =
        (*producer)->EnsureTopics(DefaultTopicSpecs(*kafka_options),
                                  std::chrono::milliseconds(kafka_options->topic_timeout_ms));
    if (!s.ok()) spdlog::warn("kafka: topics not created ({}); producing anyway", s.ToString());
  }
  auto detector = detector_loading.get();
  if (!detector.ok()) {
    std::cerr << "hallyu crawl: " << detector.status().ToString() << "\n";
    return 1;
  }
  std::signal(SIGINT, RequestStop);
  std::signal(SIGTERM, RequestStop);

  KafkaEventPublisher publisher(producer->get(), kafka_options->topics, &g_stop);
  DocumentPipelineOptions pipeline_options;
  auto max_message = kafka_options->producer.find("message.max.bytes");
  pipeline_options.max_event_bytes = MaxEventBytesForProducer(
      max_message == kafka_options->producer.end() ? "" : max_message->second);
  DocumentPipeline pipeline(&*detector, merge_state->get(), &publisher, pipeline_options);
  pipeline.set_learned_names(learned_names->get());
  CrawlJobOptions job_options = cfg->job;
  job_options.deadline = deadline;
  CrawlJob job(job_options, cfg->sources, &pipeline, state->get());
  job.set_source_state(source_state->get());

  ProgressReporter progress = ProgressReporter::ForTerminal(stdout);
  if (opts.once) job.set_progress(&progress);
  CrawlMetrics& metrics = DefaultCrawlMetrics();
  int rc = 0;
  const uint64_t delivered_before = EventDeliveries(*kafka_options);
  const uint64_t refused_before = (*producer)->stats().failed;
  auto summary = opts.once ? job.RunOnce(&g_stop) : job.RunScheduled(g_stop);
  {
    KafkaProducerStats ks = (*producer)->stats();
    metrics.spool_bytes.With({}).Set(static_cast<double>(ks.spool_bytes));
    metrics.spool_messages.With({}).Set(static_cast<double>(ks.pending));
  }
  if (opts.once) progress.Finish();
  if (!summary.ok()) {
    std::cerr << "hallyu crawl: " << summary.status().ToString() << "\n";
    rc = 1;
  } else if (store) {
    Status sunk = SinkRound(**producer, *kafka_options, *store);
    if (!sunk.ok()) {
      std::cerr << "hallyu crawl: sink: " << sunk.ToString() << "\n";
      rc = 1;
    }
  }

  // Close flushes (bounded): the summary then counts what Kafka acknowledged.
  Status closed = (*producer)->Close();
  if (!closed.ok()) {
    std::cerr << "hallyu crawl: kafka: " << closed.ToString()
              << " (undelivered events stay in the spool for the next start)\n";
    rc = rc == 0 ? 1 : rc;
  }
  if (summary.ok()) {
    KafkaProducerStats ks = (*producer)->stats();
    DeliveryFigures d;
    d.events_delivered = EventDeliveries(*kafka_options) - delivered_before;
    d.refused = ks.failed - refused_before;
    d.still_spooled = ks.pending;
    PrintSummary(*summary, d);
    if (summary->deadline_hit && rc == 0) rc = kExitDeadline;
  }
  return rc;
}

}  // namespace

void AddCrawlCommand(CLI::App& parent, CliContext& ctx) {
  auto opts = std::make_shared<CrawlCommandOptions>();
  CLI::App* cmd = parent.add_subcommand(
      "crawl", "Crawl the configured sources (once with --once, else on schedule)");
  cmd->add_flag("--once", opts->once, "Run every source once and exit when the work is done");
  cmd->add_flag("--distributed", opts->distributed,
                "Run as one worker of a distributed crawl coordinated through Kafka");
  cmd->add_option("--deadline", opts->deadline,
                  "With --once: stop starting fetches after this long (90s, 30m, 2h); in-flight "
                  "work gets crawl.stop_grace_ms, the rest waits for the next run; exit code 3");
  cmd->add_option("--worker-id", opts->worker_id,
                  "Worker name (distributed mode; also its Kafka transactional.id)");
  cmd->callback([&ctx, opts] { ctx.run = [&ctx, opts] { return RunCrawl(*opts, ctx.global); }; });
}

}  // namespace hallyu
