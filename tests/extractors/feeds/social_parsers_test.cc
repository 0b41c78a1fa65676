#include "extractors/feeds/social_parsers.h"

#include <gtest/gtest.h>

#include "extractors/text/datetime.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using ::hallyu::testing::ReadFileOrFail;
using ::hallyu::testing::SourcePath;

std::string Social(const std::string& name) {
  return ReadFileOrFail(SourcePath("tests/data/social/" + name));
}

std::string Time(const std::optional<int64_t>& t) { return t ? FormatRfc3339(*t) : "null"; }

TEST(Reddit, ListingPostsAndAfterCursor) {
  const std::string url = "https://www.reddit.com/r/kdrama/new.json?limit=2&raw_json=1";
  Result<SocialPage> page = ParseRedditListing(Social("reddit_kdrama_new.json"), url);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->posts.size(), 2u);
  const SocialPost& link = page->posts[0];
  EXPECT_EQ(link.id, "t3_1chf001");
  EXPECT_EQ(link.text, "Kim Soo-hyun & Kim Ji-won confirmed for new romance drama");
  EXPECT_EQ(link.author, "dramafan_88");
  EXPECT_EQ(Time(link.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(link.url,
            "https://www.reddit.com/r/kdrama/comments/1chf001/kim_soohyun_kim_jiwon_confirmed/");
  EXPECT_EQ(link.links,
            std::vector<std::string>{
                "https://www.soompi.example/article/1650001wpp/kim-soo-hyun-kim-ji-won"});
  const SocialPost& self = page->posts[1];
  EXPECT_EQ(self.text.substr(0, 35), "Lovely Runner OST Part 4 discussion");
  EXPECT_EQ(self.links, std::vector<std::string>{"https://music.example.com/track/123"});
  EXPECT_EQ(page->next_cursor, "t3_1cheb2x");
  EXPECT_EQ(page->next_url,
            "https://www.reddit.com/r/kdrama/new.json?limit=2&raw_json=1&after=t3_1cheb2x");
}

TEST(Reddit, LastPageHasNoCursor) {
  Result<SocialPage> page =
      ParseRedditListing(Social("reddit_kdrama_last.json"),
                         "https://www.reddit.com/r/kdrama/new.json?limit=2&after=t3_1cheb2x");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->posts.size(), 1u);
  EXPECT_TRUE(page->posts[0].links.empty());
  EXPECT_EQ(page->next_cursor, "");
  EXPECT_EQ(page->next_url, "");
}

// Found by the social fuzzer under UBSan: a created_utc beyond int64 was cast anyway.
TEST(Reddit, OutOfRangeCreationTimeIsNoTime) {
  for (const char* t : {"1.7e40", "-5", "1e300"}) {
    const std::string listing = std::string(R"({"kind":"Listing","data":{"children":[{"data":{)") +
                                R"("name":"t3_a","title":"x","created_utc":)" + t + "}}]}}";
    Result<SocialPage> page = ParseRedditListing(listing, "u");
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ASSERT_EQ(page->posts.size(), 1u);
    EXPECT_FALSE(page->posts[0].published_at.has_value()) << t;
  }
}

// Found by the social fuzzer: a number where Reddit sends a boolean threw out of the parser.
TEST(Reddit, MistypedIsSelfIsNoSelfPost) {
  const std::string listing =
      R"({"kind":"Listing","data":{"children":[{"data":{"name":"t3_a","title":"x",)"
      R"("is_self":1,"url":"https://news.example/a"}}]}})";
  Result<SocialPage> page = ParseRedditListing(listing, "u");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->posts.size(), 1u);
  ASSERT_EQ(page->posts[0].links.size(), 1u);
  EXPECT_EQ(page->posts[0].links[0], "https://news.example/a");
}

TEST(Reddit, WrongShapeIsParseError) {
  EXPECT_EQ(ParseRedditListing("[1,2]", "u").status().code(), ErrorCode::kParse);
  EXPECT_EQ(ParseRedditListing("<html>", "u").status().code(), ErrorCode::kParse);
}

TEST(Mastodon, StatusesTextLinksAndLinkHeaderPaging) {
  const std::string link_header =
      "<https://mastodon.example.social/api/v1/timelines/tag/"
      "kdrama?limit=2&max_id=112366551230000001>;"
      " rel=\"next\", <https://mastodon.example.social/api/v1/timelines/tag/"
      "kdrama?limit=2&min_id=112366551230000002>; rel=\"prev\"";
  Result<SocialPage> page =
      ParseMastodonTimeline(Social("mastodon_tag_kdrama.json"), link_header,
                            "https://mastodon.example.social/api/v1/timelines/tag/kdrama?limit=2");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->posts.size(), 2u);
  const SocialPost& p = page->posts[0];
  EXPECT_EQ(p.id, "112366551230000002");
  EXPECT_EQ(p.text,
            "Byeon Woo-seok cast in a new fantasy drama! https://news.example.com/byeon-fantasy "
            "#kdrama cc @friend");
  EXPECT_EQ(p.author, "kdramawatch");
  EXPECT_EQ(Time(p.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(p.url, "https://mastodon.example.social/@kdramawatch/112366551230000002");
  EXPECT_EQ(p.links,
            std::vector<std::string>{"https://news.example.com/byeon-fantasy?ref=masto&x=1"});
  const SocialPost& q = page->posts[1];
  EXPECT_EQ(q.text,
            "Queen of Tears finale spoilers\n\nThat ending's OST though\u2026 Second paragraph");
  EXPECT_EQ(q.author, "ana@other.example.net");
  EXPECT_EQ(page->next_cursor, "112366551230000001");
  EXPECT_EQ(page->next_url,
            "https://mastodon.example.social/api/v1/timelines/tag/"
            "kdrama?limit=2&max_id=112366551230000001");
}

TEST(Mastodon, WithoutLinkHeaderPagesByMaxId) {
  Result<SocialPage> page =
      ParseMastodonTimeline(Social("mastodon_tag_kdrama_page2.json"), "",
                            "https://mastodon.example.social/api/v1/timelines/tag/"
                            "kdrama?limit=2&max_id=112366551230000001");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->posts.size(), 2u);
  EXPECT_EQ(page->next_cursor, "112366551229999800");
  EXPECT_EQ(page->next_url,
            "https://mastodon.example.social/api/v1/timelines/tag/"
            "kdrama?limit=2&max_id=112366551229999800");
}

TEST(Mastodon, EmptyTimelineIsLastPage) {
  Result<SocialPage> page = ParseMastodonTimeline("[]", "", "https://m.example/api");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->posts.empty());
  EXPECT_EQ(page->next_url, "");
  EXPECT_EQ(ParseMastodonTimeline("{\"error\":\"x\"}", "", "u").status().code(), ErrorCode::kParse);
}

TEST(Bluesky, SearchPostsWithFacetsEmbedsAndCursor) {
  const std::string url =
      "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=%23kdrama&limit=25";
  Result<SocialPage> page = ParseBlueskyPosts(Social("bluesky_search_posts.json"), url);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->posts.size(), 2u);
  const SocialPost& p = page->posts[0];
  EXPECT_EQ(p.id, "at://did:plc:k3dramaabc123/app.bsky.feed.post/3kriqxyz2a22");
  EXPECT_EQ(p.url, "https://bsky.app/profile/kdramanews.bsky.social/post/3kriqxyz2a22");
  EXPECT_EQ(p.author, "kdramanews.bsky.social");
  EXPECT_EQ(Time(p.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(p.links, std::vector<std::string>{"https://soompi.example/iu-ost"});
  const SocialPost& q = page->posts[1];
  EXPECT_EQ(q.url, "https://bsky.app/profile/did:plc:fan999/post/3krir000001");
  EXPECT_EQ(Time(q.published_at), "2024-05-01T06:00:00Z");
  EXPECT_EQ(q.links, std::vector<std::string>{"https://music.example.kr/album/42"});
  EXPECT_EQ(page->next_cursor, "25");
  EXPECT_EQ(page->next_url, url + "&cursor=25");
}

TEST(Bluesky, AuthorFeedDeduplicatesRepostsAndEndsWithoutCursor) {
  Result<SocialPage> page = ParseBlueskyPosts(
      Social("bluesky_author_feed.json"),
      "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=ost-updates.bsky.social");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->posts.size(), 1u);
  EXPECT_EQ(page->posts[0].text, "New OST release today");
  EXPECT_EQ(page->next_url, "");
}

TEST(Bluesky, PostUrlFromAtUri) {
  EXPECT_EQ(BlueskyPostUrl("at://did:plc:a/app.bsky.feed.post/3k", "x.bsky.social"),
            "https://bsky.app/profile/x.bsky.social/post/3k");
  EXPECT_EQ(BlueskyPostUrl("at://did:plc:a/app.bsky.feed.like/3k", "x"), "");
  EXPECT_EQ(BlueskyPostUrl("https://bsky.app/x", "x"), "");
}

TEST(YouTube, ChannelFeedVideosWithDescriptionsAndNoPaging) {
  Result<SocialPage> page = ParseYouTubeFeed(Social("youtube_channel.xml"));
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->posts.size(), 2u);
  const SocialPost& v = page->posts[0];
  EXPECT_EQ(v.id, "AbCdEfGhIj0");
  EXPECT_EQ(v.text,
            "[MV] 태연 (TAEYEON) - 사랑이 (Drama OST Part.2)\n\nDrama OST Part.2 by TAEYEON\n"
            "Stream: https://music.example.com/ost-part2\n#OST #태연");
  EXPECT_EQ(v.author, "Drama OST Official");
  EXPECT_EQ(v.url, "https://www.youtube.com/watch?v=AbCdEfGhIj0");
  EXPECT_EQ(Time(v.published_at), "2024-05-01T09:00:11Z");
  EXPECT_EQ(v.links, std::vector<std::string>{"https://music.example.com/ost-part2"});
  EXPECT_EQ(page->posts[1].text, "Teaser");
  EXPECT_EQ(page->posts[1].author, "Drama OST Official");  // falls back to the channel
  EXPECT_EQ(page->next_url, "");
  EXPECT_EQ(page->next_cursor, "");
}

TEST(YouTube, NonAtomIsParseError) {
  EXPECT_EQ(ParseYouTubeFeed("<rss/>").status().code(), ErrorCode::kParse);
}

TEST(Paging, SetQueryParamReplacesAndEncodes) {
  EXPECT_EQ(SetQueryParam("https://a/x?after=1&b=2", "after", "t3_9"),
            "https://a/x?b=2&after=t3_9");
  EXPECT_EQ(SetQueryParam("https://a/x", "cursor", "1714::bafy x"),
            "https://a/x?cursor=1714%3A%3Abafy%20x");
  EXPECT_EQ(LinkHeaderNext("<https://a/prev>; rel=\"prev\""), "");
}

}  // namespace
}  // namespace hallyu
