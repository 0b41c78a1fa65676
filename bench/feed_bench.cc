// Feed parsing throughput: ParseFeed over synthetic RSS 2.0 and Atom feeds shaped like
// real K-news feeds (CDATA descriptions with HTML, Korean text, media:thumbnail), and
// over the test fixtures. Reports bytes/s.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extractors/feeds/feed_parser.h"
#include "extractors/text/datetime.h"

namespace {

std::string SyntheticRss(int items) {
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>연예뉴스</title>"
      "<link>https://news.example.co.kr</link>";
  for (int i = 0; i < items; ++i) {
    std::string n = std::to_string(i);
    s += "<item><title><![CDATA[[단독] 배우 김OO, 새 드라마 &lt;작품" + n +
         "&gt; 주연 확정 & OST 참여]]></title><link>https://news.example.co.kr/news/"
         "articleView.html?idxno=" +
         n + "</link><guid>https://news.example.co.kr/?p=" + n +
         "</guid><pubDate>Wed, 01 May 2024 15:20:00 +0900</pubDate><dc:creator>김민지 "
         "기자</dc:creator><description><![CDATA[<p>배우 김OO이 새 드라마 주인공으로 출연을 "
         "확정했다. 소속사 관계자는 1일 &quot;좋은 작품으로 인사드리겠다&quot;고 밝혔다.</p>"
         "<p>The actor confirmed the lead role in the upcoming series.</p>]]></description>"
         "<media:thumbnail url=\"https://img.example.co.kr/" +
         n + ".jpg\"/></item>";
  }
  return s + "</channel></rss>";
}

std::string SyntheticAtom(int entries) {
  std::string s =
      "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>K</title>"
      "<link href=\"https://atom.example.com/\"/>";
  for (int i = 0; i < entries; ++i) {
    std::string n = std::to_string(i);
    s += "<entry><title type=\"html\">Idol &lt;b&gt;" + n +
         "&lt;/b&gt; joins drama</title><link rel=\"alternate\" href=\"/2024/05/" + n +
         "\"/><id>tag:atom.example.com,2024:" + n +
         "</id><published>2024-05-01T15:20:00+09:00</published><updated>2024-05-01T16:00:00+09:"
         "00</updated><author><name>Reporter</name></author><summary type=\"html\">&lt;p&gt;"
         "Casting news for the new series, confirmed by the agency.&lt;/p&gt;</summary></entry>";
  }
  return s + "</feed>";
}

void BM_ParseRss(benchmark::State& state) {
  std::string body = SyntheticRss(static_cast<int>(state.range(0)));
  hallyu::FeedParseOptions o;
  o.url = "https://news.example.co.kr/rss";
  o.default_offset_minutes = hallyu::kKstOffsetMinutes;
  for (auto _ : state) {
    auto f = hallyu::ParseFeed(body, o);
    benchmark::DoNotOptimize(f);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(body.size()));
}
BENCHMARK(BM_ParseRss)->Arg(20)->Arg(200)->Arg(2000);

void BM_ParseAtom(benchmark::State& state) {
  std::string body = SyntheticAtom(static_cast<int>(state.range(0)));
  hallyu::FeedParseOptions o;
  o.url = "https://atom.example.com/feed";
  for (auto _ : state) {
    auto f = hallyu::ParseFeed(body, o);
    benchmark::DoNotOptimize(f);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(body.size()));
}
BENCHMARK(BM_ParseAtom)->Arg(20)->Arg(2000);

void BM_ParseFixtures(benchmark::State& state) {
  std::vector<std::string> bodies;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(HALLYU_SOURCE_DIR) + "/tests/data/feeds")) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bodies.push_back(ss.str());
  }
  int64_t bytes = 0;
  for (const auto& b : bodies) bytes += static_cast<int64_t>(b.size());
  for (auto _ : state) {
    for (const auto& b : bodies) {
      auto f = hallyu::ParseFeed(b);
      benchmark::DoNotOptimize(f);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
}
BENCHMARK(BM_ParseFixtures);

void BM_ParseDateTime(benchmark::State& state) {
  const char* inputs[] = {"Wed, 01 May 2024 15:20:00 +0900", "2024-05-01T15:20:00.123+09:00",
                          "2024.05.01 오후 3:20", "2024년 5월 1일 15시 20분"};
  for (auto _ : state) {
    for (const char* s : inputs) {
      auto t = hallyu::ParseDateTime(s);
      benchmark::DoNotOptimize(t);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 4);
}
BENCHMARK(BM_ParseDateTime);

}  // namespace

BENCHMARK_MAIN();
