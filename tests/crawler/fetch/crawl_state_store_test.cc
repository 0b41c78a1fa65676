#include "crawler/fetch/crawl_state_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

void RoundTrip(CrawlStateStore& store) {
  EXPECT_EQ(store.Get("https://a.example/x").status().code(), ErrorCode::kNotFound);
  UrlState s;
  s.url = "https://a.example/x";
  s.etag = "\"e\"";
  s.last_modified = "Wed, 21 Oct 2015 07:28:00 GMT";
  s.content_hash = ContentHash("body");
  s.last_fetch_ms = 1700000000123;
  s.last_status = 200;
  ASSERT_TRUE(store.Put(s).ok());
  Result<UrlState> got = store.Get(s.url);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->etag, s.etag);
  EXPECT_EQ(got->last_modified, s.last_modified);
  EXPECT_EQ(got->content_hash, s.content_hash);
  EXPECT_EQ(got->last_fetch_ms, s.last_fetch_ms);
  EXPECT_EQ(got->last_status, 200);
  s.last_status = 304;
  ASSERT_TRUE(store.Put(s).ok());
  EXPECT_EQ(store.Get(s.url)->last_status, 304);
  EXPECT_EQ(*store.Count(), 1);
  ASSERT_TRUE(store.Erase(s.url).ok());
  EXPECT_EQ(*store.Count(), 0);
  EXPECT_FALSE(store.Put(UrlState{}).ok());
}

TEST(CrawlStateStore, RoundTripInMemory) {
  auto store = CrawlStateStore::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  RoundTrip(**store);
}

TEST(CrawlStateStore, RoundTripWithBufferedPuts) {
  auto store = CrawlStateStore::Open(":memory:", CrawlStateStoreOptions{.put_batch = 8});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  RoundTrip(**store);  // Get, Erase and Count see the buffered Puts
}

TEST(CrawlStateStore, BufferedPutsAreWrittenPerBatchAndOnClose) {
  std::string dir = testing::MakeTempDir("crawl-state");
  std::string path = dir + "/state.db";
  auto store = CrawlStateStore::Open(path, CrawlStateStoreOptions{.put_batch = 3});
  auto other = CrawlStateStore::Open(path);  // a second connection sees only what is written
  ASSERT_TRUE(store.ok() && other.ok());
  auto put = [&](const std::string& url) {
    UrlState s;
    s.url = url;
    s.etag = "\"" + url + "\"";
    ASSERT_TRUE((*store)->Put(s).ok());
  };
  put("https://a.example/1");
  put("https://a.example/2");
  EXPECT_EQ(*(*other)->Count(), 0);
  put("https://a.example/3");  // fills the batch
  EXPECT_EQ(*(*other)->Count(), 3);
  put("https://a.example/4");
  ASSERT_TRUE((*store)->Erase("https://a.example/1").ok());
  EXPECT_EQ(*(*other)->Count(), 2);
  store->reset();  // closing writes the buffered Put
  EXPECT_EQ(*(*other)->Count(), 3);
  EXPECT_EQ((*other)->Get("https://a.example/4")->etag, "\"https://a.example/4\"");
  std::filesystem::remove_all(dir);
}

TEST(CrawlStateStore, PersistsInWalFile) {
  std::string dir = testing::MakeTempDir("crawl-state");
  std::string path = dir + "/state.db";
  {
    auto store = CrawlStateStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    RoundTrip(**store);
    UrlState s;
    s.url = "https://b.example/";
    s.etag = "W/\"1\"";
    ASSERT_TRUE((*store)->Put(s).ok());
    EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
  }
  auto again = CrawlStateStore::Open(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->Get("https://b.example/")->etag, "W/\"1\"");
  std::filesystem::remove_all(dir);
}

TEST(CrawlStateStore, OpenFailsCleanly) {
  auto store = CrawlStateStore::Open("/nonexistent-dir/x/y.db");
  EXPECT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kIo);
}

TEST(CrawlStateStore, ContentHashIsStable) {
  EXPECT_EQ(ContentHash(""), "5c6dffaf0065cdd7");
  EXPECT_EQ(ContentHash("a"), "dfa19871277f7231");
  EXPECT_EQ(ContentHash(std::string(40, 'x')), "a80487cb21fe7b05");  // two full steps + tail
  EXPECT_NE(ContentHash(std::string(40, 'x')), ContentHash(std::string(41, 'x')));
  EXPECT_NE(ContentHash("a"), ContentHash("b"));
}

}  // namespace
}  // namespace hallyu
