#pragma once
// Metrics: a small Prometheus-style registry (counters, gauges, histograms, each a
// family with label names) rendered in the Prometheus text exposition format 0.0.4,
// plus the HTTP endpoint that serves it (/metrics, /healthz).
//
// Cost: looking up a labelled child takes the family's mutex once; the returned
// reference stays valid for the registry's lifetime, so hot paths cache it and then
// update it with one relaxed atomic operation (histograms: two atomics + one per
// bucket hit). Thread safety: every method is thread-safe.
//
// CrawlMetrics pre-declares every metric of the crawl (issue 8); the crawl loop
// updates them through DefaultCrawlMetrics().

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "extractors/base/status.h"

namespace httplib {
class Server;
}

namespace hallyu {

// A monotonically increasing value.
class Counter {
 public:
  // Adds `v` (ignored when negative).
  void Inc(double v = 1) {
    if (v < 0) return;
    double cur = value_.load(std::memory_order_relaxed);
    while (!value_.compare_exchange_weak(cur, cur + v, std::memory_order_relaxed)) {
    }
  }
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

// A value that goes up and down.
class Gauge {
 public:
  void Set(double v) { value_.store(v, std::memory_order_relaxed); }
  void Add(double v) {
    double cur = value_.load(std::memory_order_relaxed);
    while (!value_.compare_exchange_weak(cur, cur + v, std::memory_order_relaxed)) {
    }
  }
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

// Cumulative histogram over fixed upper bounds (a +Inf bucket is implicit).
class Histogram {
 public:
  explicit Histogram(std::vector<double> bounds);
  void Observe(double v);
  const std::vector<double>& bounds() const { return bounds_; }
  // Per-bucket (non-cumulative) counts, bounds().size() + 1 entries.
  std::vector<uint64_t> BucketCounts() const;
  double Sum() const { return sum_.load(std::memory_order_relaxed); }
  uint64_t Count() const { return count_.load(std::memory_order_relaxed); }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> buckets_;
  std::atomic<double> sum_{0};
  std::atomic<uint64_t> count_{0};
};

enum class MetricType { kCounter, kGauge, kHistogram };

// A metric name with label names; children are created on first use.
template <typename T>
class Family {
 public:
  Family(std::string name, std::string help, std::vector<std::string> labels,
         std::vector<double> bounds = {})
      : name_(std::move(name)),
        help_(std::move(help)),
        labels_(std::move(labels)),
        bounds_(std::move(bounds)) {}

  // The child for `values` (one per label name, in order; missing ones are "",
  // extra ones dropped). The reference lives as long as the family.
  T& With(std::vector<std::string> values) {
    values.resize(labels_.size());
    std::lock_guard<std::mutex> lock(mu_);
    auto it = children_.find(values);
    if (it == children_.end()) it = children_.emplace(values, MakeChild()).first;
    return *it->second;
  }

  const std::string& name() const { return name_; }
  const std::string& help() const { return help_; }
  const std::vector<std::string>& labels() const { return labels_; }

  // Calls fn(label_values, child) for every child, in label order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [k, v] : children_) fn(k, *v);
  }

 private:
  std::unique_ptr<T> MakeChild() {
    if constexpr (std::is_same_v<T, Histogram>) {
      return std::make_unique<T>(bounds_);
    } else {
      return std::make_unique<T>();
    }
  }

  const std::string name_, help_;
  const std::vector<std::string> labels_;
  const std::vector<double> bounds_;
  mutable std::mutex mu_;
  std::map<std::vector<std::string>, std::unique_ptr<T>> children_;
};

class MetricsRegistry {
 public:
  // Each Add* returns the family registered under `name`; registering the same
  // name twice returns the first family (its help / labels win). Names must match
  // [a-zA-Z_:][a-zA-Z0-9_:]*; label names [a-zA-Z_][a-zA-Z0-9_]*.
  Family<Counter>& AddCounter(const std::string& name, const std::string& help,
                              std::vector<std::string> labels = {});
  Family<Gauge>& AddGauge(const std::string& name, const std::string& help,
                          std::vector<std::string> labels = {});
  Family<Histogram>& AddHistogram(const std::string& name, const std::string& help,
                                  std::vector<std::string> labels, std::vector<double> bounds);

  // Every family in the Prometheus text format (version 0.0.4), sorted by name.
  // Label values are escaped (\\, \", \n).
  std::string RenderText() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<Family<Counter>>> counters_;
  std::map<std::string, std::unique_ptr<Family<Gauge>>> gauges_;
  std::map<std::string, std::unique_ptr<Family<Histogram>>> histograms_;
};

// The crawl's metrics, registered in one registry.
struct CrawlMetrics {
  explicit CrawlMetrics(MetricsRegistry& r);
  MetricsRegistry& registry;
  Family<Counter>& pages_fetched;      // hallyu_pages_fetched_total{status_class="2xx"...}
  Family<Counter>& fetch_failures;     // hallyu_fetch_failures_total{class="timeout"...}
  Family<Counter>& bytes_fetched;      // hallyu_bytes_fetched_total{source}
  Family<Histogram>& fetch_latency;    // hallyu_fetch_latency_seconds{source}
  Family<Gauge>& queue_depth;          // hallyu_queue_depth{queue="frontier"|"parse"|...}
  Family<Counter>& robots_denials;     // hallyu_robots_denials_total{host}
  Family<Counter>& events;             // hallyu_events_total{type, status}
  Family<Histogram>& kafka_delivery;   // hallyu_kafka_delivery_latency_seconds{topic}
  Family<Gauge>& spool_bytes;          // hallyu_spool_bytes
  Family<Gauge>& spool_messages;       // hallyu_spool_messages
  Family<Gauge>& source_last_success;  // hallyu_source_last_success_timestamp_seconds{source}
  Family<Counter>& sink_messages;      // hallyu_sink_messages_total{outcome}
  Family<Counter>& pages_quarantined;  // hallyu_pages_quarantined_total (crash loops)
};

// The process-wide registry and crawl metrics (created on first use).
MetricsRegistry& DefaultMetricsRegistry();
CrawlMetrics& DefaultCrawlMetrics();

// "2xx", "3xx", ... for an HTTP status; "other" outside 100..599.
std::string StatusClass(int http_status);

// Serves GET /metrics (registry text, Content-Type text/plain; version=0.0.4) and
// GET /healthz ("ok") on a background thread.
class MetricsServer {
 public:
  explicit MetricsServer(MetricsRegistry& registry);
  ~MetricsServer();  // stops the server
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  // Binds `address` ("HOST:PORT", default 127.0.0.1:9464; port 0 = any free port)
  // and starts serving. Returns kInvalidArgument for a malformed address, kIo
  // when the bind fails.
  Status Start(const std::string& address);
  // The bound port after Start, 0 before.
  int port() const { return port_; }
  // Stops serving and joins the thread; safe to call twice.
  void Stop();

 private:
  MetricsRegistry& registry_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace hallyu
