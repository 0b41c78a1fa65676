#pragma once
// Parsers for public social media API responses. Each turns one response into posts
// plus what is needed to fetch the next page. Pure functions: no I/O.
//
//   reddit    subreddit listing JSON (/r/kdrama/new.json): data.children[].data,
//             paging by data.after → ?after=
//   mastodon  hashtag timeline (/api/v1/timelines/tag/kdrama): array of statuses,
//             HTML content → text; paging by the Link header rel="next", else max_id
//   bluesky   app.bsky.feed.searchPosts ({posts, cursor}) and
//             app.bsky.feed.getAuthorFeed ({feed[].post, cursor}); post URLs built
//             from the at:// URI; paging by cursor → ?cursor=
//   youtube   channel / playlist Atom feed (yt:videoId, media:group/media:description);
//             the feed has no paging (the latest 15 videos), so next_url is empty.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

struct SocialPost {
  std::string id;      // stable per platform (t3_…, status id, at:// URI, video id)
  std::string text;    // plain text
  std::string author;  // handle / account / channel name
  std::optional<int64_t> published_at;  // Unix seconds UTC
  std::string url;                      // public web URL of the post
  std::vector<std::string> links;       // outbound absolute links found in the post
};

struct SocialPage {
  std::vector<SocialPost> posts;
  std::string next_cursor;  // platform cursor ("t3_abc", max_id, bluesky cursor); "" = last page
  std::string next_url;     // request URL for the next page; "" = last page
};

// `request_url` is the URL the response came from; next_url is derived from it.
// Each returns kParse for a body that is not the expected JSON/XML shape.
Result<SocialPage> ParseRedditListing(std::string_view body, std::string_view request_url);
Result<SocialPage> ParseMastodonTimeline(std::string_view body, std::string_view link_header,
                                         std::string_view request_url);
Result<SocialPage> ParseBlueskyPosts(std::string_view body, std::string_view request_url);
Result<SocialPage> ParseYouTubeFeed(std::string_view body);

// "at://did:plc:abc/app.bsky.feed.post/3kxyz" + "idol.bsky.social" →
// "https://bsky.app/profile/idol.bsky.social/post/3kxyz"; "" for another URI shape.
// An empty handle uses the DID.
std::string BlueskyPostUrl(std::string_view at_uri, std::string_view handle);

// The rel="next" target of an RFC 8288 Link header, or "".
std::string LinkHeaderNext(std::string_view link_header);

// `url` with query parameter `key` set to `value` (percent-encoded), replacing an
// existing one.
std::string SetQueryParam(std::string_view url, std::string_view key, std::string_view value);

}  // namespace hallyu
