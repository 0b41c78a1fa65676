// libFuzzer target: arbitrary bytes as a social-media response. The first byte picks the
// parser (reddit listing JSON, Mastodon timeline + Link header, Bluesky posts JSON,
// YouTube Atom feed); the rest is the body. Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/feeds/social_parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > (1u << 20)) return 0;
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 5) {
    case 0:
      (void)hallyu::ParseRedditListing(body, "https://www.reddit.com/r/kdrama/new.json?limit=100");
      break;
    case 1:
      (void)hallyu::ParseMastodonTimeline(
          body, "<https://mastodon.social/api/v1/timelines/tag/kdrama?max_id=1>; rel=\"next\"",
          "https://mastodon.social/api/v1/timelines/tag/kdrama");
      break;
    case 2:
      (void)hallyu::ParseBlueskyPosts(
          body, "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=kdrama");
      break;
    case 3:
      (void)hallyu::ParseYouTubeFeed(body);
      break;
    default:  // the body as a Link header
      (void)hallyu::LinkHeaderNext(body);
      break;
  }
  return 0;
}
