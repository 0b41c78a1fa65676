#include "crawler/ops/metrics.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace hallyu {
namespace {

void AtomicAdd(std::atomic<double>& a, double v) {
  double cur = a.load(std::memory_order_relaxed);
  while (!a.compare_exchange_weak(cur, cur + v, std::memory_order_relaxed)) {
  }
}

std::string FormatValue(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  // Shortest text that reads back as the same double.
  char buf[40];
  for (int precision = 6; precision <= 17; ++precision) {
    snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string EscapeLabel(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeHelp(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// {a="x",b="y"} plus an optional extra label; "" when there are no labels.
std::string LabelSet(const std::vector<std::string>& names, const std::vector<std::string>& values,
                     const std::string& extra_name = "", const std::string& extra_value = "") {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    out += out.empty() ? "{" : ",";
    out += names[i] + "=\"" + EscapeLabel(values[i]) + "\"";
  }
  if (!extra_name.empty()) {
    out += out.empty() ? "{" : ",";
    out += extra_name + "=\"" + EscapeLabel(extra_value) + "\"";
  }
  if (!out.empty()) out += "}";
  return out;
}

template <typename T>
void Header(std::string& out, const Family<T>& f, const char* type) {
  out += "# HELP " + f.name() + " " + EscapeHelp(f.help()) + "\n";
  out += "# TYPE " + f.name() + " " + type + "\n";
}

}  // namespace

Histogram::Histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)), buckets_(new std::atomic<uint64_t>[bounds_.size() + 1]) {
  std::sort(bounds_.begin(), bounds_.end());
  for (size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0);
}

void Histogram::Observe(double v) {
  size_t i = std::lower_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin();
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  AtomicAdd(sum_, v);
  count_.fetch_add(1, std::memory_order_relaxed);
}

std::vector<uint64_t> Histogram::BucketCounts() const {
  std::vector<uint64_t> out(bounds_.size() + 1);
  for (size_t i = 0; i < out.size(); ++i) out[i] = buckets_[i].load(std::memory_order_relaxed);
  return out;
}

Family<Counter>& MetricsRegistry::AddCounter(const std::string& name, const std::string& help,
                                             std::vector<std::string> labels) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& slot = counters_[name];
  if (!slot) slot = std::make_unique<Family<Counter>>(name, help, std::move(labels));
  return *slot;
}

Family<Gauge>& MetricsRegistry::AddGauge(const std::string& name, const std::string& help,
                                         std::vector<std::string> labels) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& slot = gauges_[name];
  if (!slot) slot = std::make_unique<Family<Gauge>>(name, help, std::move(labels));
  return *slot;
}

Family<Histogram>& MetricsRegistry::AddHistogram(const std::string& name, const std::string& help,
                                                 std::vector<std::string> labels,
                                                 std::vector<double> bounds) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& slot = histograms_[name];
  if (!slot) {
    slot = std::make_unique<Family<Histogram>>(name, help, std::move(labels), std::move(bounds));
  }
  return *slot;
}

std::string MetricsRegistry::RenderText() const {
  std::lock_guard<std::mutex> lock(mu_);
  // Render by name across kinds so the output is sorted.
  std::map<std::string, std::string> blocks;
  for (const auto& [name, f] : counters_) {
    std::string out;
    Header(out, *f, "counter");
    f->ForEach([&](const std::vector<std::string>& lv, const Counter& c) {
      out += name + LabelSet(f->labels(), lv) + " " + FormatValue(c.Value()) + "\n";
    });
    blocks[name] = std::move(out);
  }
  for (const auto& [name, f] : gauges_) {
    std::string out;
    Header(out, *f, "gauge");
    f->ForEach([&](const std::vector<std::string>& lv, const Gauge& g) {
      out += name + LabelSet(f->labels(), lv) + " " + FormatValue(g.Value()) + "\n";
    });
    blocks[name] = std::move(out);
  }
  for (const auto& [name, f] : histograms_) {
    std::string out;
    Header(out, *f, "histogram");
    f->ForEach([&](const std::vector<std::string>& lv, const Histogram& h) {
      auto counts = h.BucketCounts();
      uint64_t cum = 0;
      for (size_t i = 0; i < counts.size(); ++i) {
        cum += counts[i];
        std::string le = i < h.bounds().size() ? FormatValue(h.bounds()[i]) : "+Inf";
        out += name + "_bucket" + LabelSet(f->labels(), lv, "le", le) + " " + std::to_string(cum) +
               "\n";
      }
      out += name + "_sum" + LabelSet(f->labels(), lv) + " " + FormatValue(h.Sum()) + "\n";
      out += name + "_count" + LabelSet(f->labels(), lv) + " " + std::to_string(cum) + "\n";
    });
    blocks[name] = std::move(out);
  }
  std::string text;
  for (auto& [_, b] : blocks) text += b;
  return text;
}

CrawlMetrics::CrawlMetrics(MetricsRegistry& r)
    : registry(r),
      pages_fetched(r.AddCounter("hallyu_pages_fetched_total",
                                 "Pages fetched, by HTTP status class (2xx, 3xx, 4xx, 5xx)",
                                 {"status_class"})),
      fetch_failures(r.AddCounter("hallyu_fetch_failures_total",
                                  "Fetches that failed without a usable response, by class "
                                  "(dns, connect, timeout, tls, too_large, other)",
                                  {"class"})),
      bytes_fetched(r.AddCounter("hallyu_bytes_fetched_total",
                                 "Response body bytes received, by source", {"source"})),
      fetch_latency(r.AddHistogram("hallyu_fetch_latency_seconds",
                                   "Time from request start to last body byte", {"source"},
                                   {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30})),
      queue_depth(r.AddGauge("hallyu_queue_depth",
                             "Items waiting in a pipeline queue (frontier, fetch, parse, produce)",
                             {"queue"})),
      robots_denials(r.AddCounter("hallyu_robots_denials_total",
                                  "URLs not fetched because robots.txt disallows them", {"host"})),
      events(r.AddCounter("hallyu_events_total", "Events detected, by type and status",
                          {"type", "status"})),
      kafka_delivery(r.AddHistogram("hallyu_kafka_delivery_latency_seconds",
                                    "Time from produce to Kafka delivery report", {"topic"},
                                    {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5})),
      spool_bytes(r.AddGauge("hallyu_spool_bytes",
                             "Bytes in the local spool waiting for Kafka to come back")),
      spool_messages(
          r.AddGauge("hallyu_spool_messages", "Messages in the local spool waiting for Kafka")),
      source_last_success(r.AddGauge("hallyu_source_last_success_timestamp_seconds",
                                     "Unix time of the last successful crawl of each source",
                                     {"source"})),
      sink_messages(r.AddCounter(
          "hallyu_sink_messages_total",
          "Messages handled by the sink, by outcome (stored, duplicate, dlq)", {"outcome"})),
      pages_quarantined(r.AddCounter(
          "hallyu_pages_quarantined_total",
          "Pages quarantined because their processing did not finish in several runs")) {
  // Pre-create the unlabelled series so they show up at zero.
  spool_bytes.With({});
  spool_messages.With({});
  pages_quarantined.With({});
}

MetricsRegistry& DefaultMetricsRegistry() {
  static MetricsRegistry* r = new MetricsRegistry();
  return *r;
}

CrawlMetrics& DefaultCrawlMetrics() {
  static CrawlMetrics* m = new CrawlMetrics(DefaultMetricsRegistry());
  return *m;
}

std::string StatusClass(int s) {
  if (s < 100 || s > 599) return "other";
  return std::to_string(s / 100) + "xx";
}

MetricsServer::MetricsServer(MetricsRegistry& registry) : registry_(registry) {}

MetricsServer::~MetricsServer() { Stop(); }

Status MetricsServer::Start(const std::string& address) {
  auto colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return InvalidArgument("metrics address '" + address + "' is not HOST:PORT");
  }
  std::string host = address.substr(0, colon);
  int port = 0;
  try {
    port = std::stoi(address.substr(colon + 1));
  } catch (const std::exception&) {
    return InvalidArgument("metrics address '" + address + "' has a bad port");
  }
  if (port < 0 || port > 65535) return InvalidArgument("metrics port out of range: " + address);
  server_ = std::make_unique<httplib::Server>();
  server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(registry_.RenderText(), "text/plain; version=0.0.4; charset=utf-8");
  });
  server_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain");
  });
  if (port == 0) {
    port = server_->bind_to_any_port(host);
    if (port < 0) return IoError("cannot bind metrics server on " + host);
  } else if (!server_->bind_to_port(host, port)) {
    return IoError("cannot bind metrics server on " + address);
  }
  port_ = port;
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() is a no-op until the accept loop runs; wait (bounded) for it.
  for (int i = 0; i < 2000 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return Status::Ok();
}

void MetricsServer::Stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

}  // namespace hallyu
