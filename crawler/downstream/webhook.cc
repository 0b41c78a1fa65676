#include "crawler/downstream/webhook.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace hallyu {
namespace {

size_t DiscardBody(char*, size_t size, size_t n, void*) noexcept { return size * n; }

}  // namespace

Status PostWebhook(const std::string& url, const std::string& body, const WebhookOptions& o) {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return Internal("curl_easy_init failed");
  struct curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  headers = curl_slist_append(headers, "User-Agent: hallyu-watch");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, DiscardBody);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");

  Status result = Unavailable("webhook: no attempt made");
  int attempts = std::clamp(o.max_attempts, 1, 20);
  int64_t backoff = std::max(1, o.initial_backoff_ms);
  for (int i = 0; i < attempts; ++i) {
    if (i > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(backoff));
      backoff = std::min<int64_t>(backoff * 2, std::max(1, o.max_backoff_ms));
    }
    CURLcode rc = curl_easy_perform(curl);
    if (rc != CURLE_OK) {
      result = Unavailable(std::string("webhook ") + url + ": curl: " + curl_easy_strerror(rc) +
                           " (" + std::to_string(rc) + ")");
    } else {
      long status = 0;
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
      if (status >= 200 && status < 300) {
        result = Status::Ok();
        break;
      }
      if (status >= 400 && status < 500 && status != 429) {
        result = InvalidArgument("webhook " + url + ": HTTP " + std::to_string(status));
        break;
      }
      result = Unavailable("webhook " + url + ": HTTP " + std::to_string(status));
    }
    spdlog::warn("{} (attempt {}/{})", result.message(), i + 1, attempts);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return result;
}

}  // namespace hallyu
