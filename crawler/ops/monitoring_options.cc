#include "crawler/ops/monitoring_options.h"

#include "crawler/ops/config_keys.h"

namespace hallyu {

Result<MonitoringOptions> ParseMonitoringOptions(const YAML::Node& node) {
  MonitoringOptions o;
  if (!node || node.IsNull()) return o;
  if (!node.IsMap()) return InvalidArgument("monitoring: must be a map");
  HALLYU_RETURN_IF_ERROR(
      CheckKeys(node, "monitoring", {"metrics_enabled", "metrics_address", "log_format"}));
  try {
    if (node["metrics_enabled"]) o.metrics_enabled = node["metrics_enabled"].as<bool>();
    if (node["metrics_address"]) {
      o.metrics_address = node["metrics_address"].as<std::string>();
      if (o.metrics_address.find(':') == std::string::npos) {
        return InvalidArgument("monitoring.metrics_address must be HOST:PORT");
      }
    }
    if (node["log_format"]) {
      auto f = ParseLogFormat(node["log_format"].as<std::string>());
      if (!f.ok()) return f.status().WithContext("monitoring.log_format");
      o.log_format = *f;
    }
  } catch (const YAML::Exception& e) {
    return InvalidArgument(std::string("monitoring: ") + e.what());
  }
  return o;
}

}  // namespace hallyu
