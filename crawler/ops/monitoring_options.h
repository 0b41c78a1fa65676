#pragma once
// Options of the monitoring section of the YAML config (`monitoring:`): where the
// Prometheus endpoint listens and how logs are written.

#include <yaml-cpp/yaml.h>

#include <string>

#include "crawler/ops/log_format.h"
#include "extractors/base/status.h"

namespace hallyu {

struct MonitoringOptions {
  bool metrics_enabled = true;                     // serve /metrics and /healthz
  std::string metrics_address = "127.0.0.1:9464";  // HOST:PORT
  LogFormat log_format = LogFormat::kText;         // text | json
};

// Reads `node` (the `monitoring:` map; a null node gives the defaults). Returns
// kInvalidArgument naming the key for a wrong type or value.
Result<MonitoringOptions> ParseMonitoringOptions(const YAML::Node& node);

}  // namespace hallyu
