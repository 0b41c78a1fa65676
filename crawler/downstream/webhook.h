#pragma once
// Webhook: POSTs an event's JSON to another service, retrying with exponential
// backoff when the request fails or the server answers 5xx (or 429).

#include <string>

#include "extractors/base/status.h"

namespace hallyu {

struct WebhookOptions {
  int max_attempts = 5;          // total tries, 1..20
  int initial_backoff_ms = 200;  // wait before the 2nd try; doubles each time
  int max_backoff_ms = 5000;     // cap of one wait, ms
  int timeout_ms = 10000;        // whole request, ms
};

// POSTs `json_body` (Content-Type application/json) to `url`. Returns OK on a 2xx
// answer; kInvalidArgument for a 4xx other than 429 (not retried); kUnavailable
// after max_attempts failures (message has the last HTTP status or curl error).
Status PostWebhook(const std::string& url, const std::string& json_body,
                   const WebhookOptions& options = {});

}  // namespace hallyu
