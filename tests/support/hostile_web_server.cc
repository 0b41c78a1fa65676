#include "tests/support/hostile_web_server.h"

#include <cstdlib>
#include <iterator>
#include <utility>

namespace hallyu::testing {
namespace {

constexpr const char* kPubDate = "Tue, 24 Nov 2026 01:00:00 GMT";

struct Plant {
  const char* type;
  const char* lang;
  const char* person;
  const char* person_native;
  const char* work;
  const char* work_native;
  const char* network;
};

// Fictional people and works, invented for this server.
constexpr Plant kGoodPlants[] = {
    {"casting", "en", "Pyo Ha-ram", "표하람", "Glass Orchard", "유리 과수원", "tvN"},
    {"casting", "ko", "Tak Ye-dam", "탁예담", "Midnight Ferry", "자정 나룻배", "JTBC"},
    {"ost", "en", "Yeo Ri-an", "여리안", "Paper Lighthouse", "종이 등대", "KBS2"},
    {"ost", "ko", "Gu Bo-ra", "구보라", "Salt Garden", "소금 정원", "SBS"},
    // On the host with 11,000 robots rules (allowed there).
    {"casting", "en", "Bong Seon-u", "봉선우", "Amber Tram", "호박 전차", "MBC"},
    // Behind the feed entry with a 3 MB title.
    {"ost", "en", "Seok Yun-seul", "석윤슬", "Velvet Harbor", "벨벳 항구", "tvN"},
    // In the news sitemap beside the endless index.
    {"casting", "en", "Eom Da-in", "엄다인", "Copper Alley", "구리 골목", "Netflix"},
};
// One per robots host whose robots.txt fails or disallows everything.
constexpr Plant kBehindRobots[] = {
    {"casting", "en", "Ok Ga-on", "옥가온", "Hollow Atelier", "텅 빈 아틀리에", "tvN"},
    {"casting", "en", "Ha So-yul", "하소율", "Misty Signal", "안개 신호", "JTBC"},
    {"casting", "en", "Ma Sae-ron", "마새론", "Ninth Greenhouse", "아홉 번째 온실", "KBS2"},
    {"casting", "en", "Yeo Bit-na", "여빛나", "Crimson Ferry", "진홍 나룻배", "SBS"},
};

// The announcement's headline and sentence in the shapes the shipped rules know.
std::pair<std::string, std::string> HeadlineAndSentence(const Plant& p) {
  const std::string type = p.type, lang = p.lang, net = p.network;
  if (type == "casting" && lang == "en") {
    return {std::string(p.person) + " cast in " + net + "'s '" + p.work + "'",
            std::string(p.person) + " has been cast in " + net + "'s new drama '" + p.work + "'."};
  }
  if (type == "casting") {
    const std::string s = std::string(p.person_native) + ", '" + p.work_native + "' 출연 확정";
    return {s, s};
  }
  if (lang == "en") {
    const std::string s = std::string(p.person) + " to sing for " + net + "'s '" + p.work + "' OST";
    return {s, s};
  }
  const std::string s = std::string(p.person_native) + ", '" + p.work_native + "' OST 가창";
  return {s, s};
}

// An article page carrying `p`'s announcement; `titled` false leaves out <title> and
// <h1>, so the feed entry's title is the only one the crawl has.
std::string ArticleHtml(const Plant& p, bool titled = true) {
  const auto [headline, sentence] = HeadlineAndSentence(p);
  const bool en = std::string(p.lang) == "en";
  const char* filler = en ? "Visitors filled the festival grounds in central Seoul until late."
                          : "지난 주말 서울 도심에서 열린 문화 축제에는 가족 단위 관람객이 몰렸다.";
  std::string html = std::string("<!DOCTYPE html><html lang=\"") + p.lang +
                     "\"><head><meta charset=\"utf-8\">" +
                     (titled ? "<title>" + headline + "</title>" : std::string()) +
                     "</head><body><nav><a href=\"/\">home</a></nav><article>" +
                     (titled ? "<h1>" + headline + "</h1>" : std::string());
  for (int j = 0; j < 4; ++j) {
    html += std::string("<p>") + filler + "</p>";
    if (j == 1) html += "<p>" + sentence + "</p>";
  }
  return html + "</article><footer>Hostile Web Outlet</footer></body></html>";
}

PlantedAnnouncement Planted(const Plant& p, std::string url) {
  return {p.type, p.person, p.person_native, p.work, p.work_native, std::move(url)};
}

std::string RssItem(const std::string& title, const std::string& link, const std::string& guid) {
  return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + guid +
         "</guid><pubDate>" + kPubDate + "</pubDate></item>\n";
}

std::string Rss(const std::string& items) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
         "<title>Hostile Web Outlet</title><link>http://127.0.0.1/</link>\n" +
         items + "</channel></rss>\n";
}

// A robots.txt-sized text of comment lines, `bytes` long.
std::string CommentFiller(std::size_t bytes) {
  std::string out;
  out.reserve(bytes + 64);
  while (out.size() < bytes) out += "# padding line of a robots.txt that is far too large\n";
  out.resize(bytes);
  return out;
}

std::string SitemapIndexBody(const std::vector<std::pair<std::string, std::string>>& children) {
  std::string body =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& [loc, lastmod] : children) {
    body += "<sitemap><loc>" + loc + "</loc><lastmod>" + lastmod + "</lastmod></sitemap>\n";
  }
  return body + "</sitemapindex>\n";
}

}  // namespace

const std::vector<HostileCase>& AllHostileCases() {
  static const std::vector<HostileCase> all = {
      HostileCase::kQuadraticHtml,       HostileCase::kRobotsOversized,
      HostileCase::kRobotsCut,           HostileCase::kRobotsBadEncoding,
      HostileCase::kRobotsTimeout,       HostileCase::kHugeFeedTitle,
      HostileCase::kEndlessSitemapIndex, HostileCase::kWildcardRobots,
      HostileCase::kRefusedRetryAfter,   HostileCase::kGzipBomb,
      HostileCase::kRedirectLoop,        HostileCase::kSlowLoris,
      HostileCase::kLyingContentLength};
  return all;
}

std::string_view HostileCaseName(HostileCase c) {
  switch (c) {
    case HostileCase::kQuadraticHtml:
      return "quadratic_html";
    case HostileCase::kRobotsOversized:
      return "robots_oversized";
    case HostileCase::kRobotsCut:
      return "robots_cut";
    case HostileCase::kRobotsBadEncoding:
      return "robots_bad_encoding";
    case HostileCase::kRobotsTimeout:
      return "robots_timeout";
    case HostileCase::kHugeFeedTitle:
      return "huge_feed_title";
    case HostileCase::kEndlessSitemapIndex:
      return "endless_sitemap_index";
    case HostileCase::kWildcardRobots:
      return "wildcard_robots";
    case HostileCase::kRefusedRetryAfter:
      return "refused_retry_after";
    case HostileCase::kGzipBomb:
      return "gzip_bomb";
    case HostileCase::kRedirectLoop:
      return "redirect_loop";
    case HostileCase::kSlowLoris:
      return "slow_loris";
    case HostileCase::kLyingContentLength:
      return "lying_content_length";
  }
  return "unknown";
}

HostileWebServer::HostileWebServer(HostileWebOptions options)
    : options_(options),
      site_(std::make_unique<HttpTestServer>()),
      robots_oversized_(std::make_unique<HttpTestServer>()),
      robots_cut_(std::make_unique<HttpTestServer>()),
      robots_bad_encoding_(std::make_unique<HttpTestServer>()),
      robots_timeout_(std::make_unique<HttpTestServer>()),
      robots_wildcard_(std::make_unique<HttpTestServer>()) {
  wildcard_path_ = "/wild/" + std::string(options_.wildcard_path_bytes, 'a') + "/deny";
  BuildRobotsHosts();
  BuildSitemaps();
  BuildSite();
}

HostileWebServer::~HostileWebServer() = default;

HttpTestServer* HostileWebServer::HostOf(HostileCase c) const {
  switch (c) {
    case HostileCase::kRobotsOversized:
      return robots_oversized_.get();
    case HostileCase::kRobotsCut:
      return robots_cut_.get();
    case HostileCase::kRobotsBadEncoding:
      return robots_bad_encoding_.get();
    case HostileCase::kRobotsTimeout:
      return robots_timeout_.get();
    case HostileCase::kWildcardRobots:
      return robots_wildcard_.get();
    default:
      return site_.get();
  }
}

HttpTestServer& HostileWebServer::host(HostileCase c) { return *HostOf(c); }

std::string HostileWebServer::Origin(HostileCase c) const {
  return "http://127.0.0.1:" + std::to_string(HostOf(c)->port());
}

std::string HostileWebServer::FeedUrl() const { return site_->Url("/feed.xml"); }
std::string HostileWebServer::HugeTitleFeedUrl() const { return site_->Url("/feed-title.xml"); }
std::string HostileWebServer::SitemapIndexUrl() const { return site_->Url("/sitemaps/index.xml"); }

std::string HostileWebServer::Url(HostileCase c) const {
  switch (c) {
    case HostileCase::kQuadraticHtml:
      return site_->Url("/hostile/quadratic.html");
    case HostileCase::kRobotsOversized:
    case HostileCase::kRobotsCut:
    case HostileCase::kRobotsBadEncoding:
    case HostileCase::kRobotsTimeout:
      return HostOf(c)->Url("/page.html");
    case HostileCase::kHugeFeedTitle:
      return site_->Url("/good/huge-title.html");
    case HostileCase::kEndlessSitemapIndex:
      return SitemapIndexUrl();
    case HostileCase::kWildcardRobots:
      return robots_wildcard_->Url(wildcard_path_);
    case HostileCase::kRefusedRetryAfter:
      return site_->Url("/hostile/429.html");
    case HostileCase::kGzipBomb:
      return site_->Url("/hostile/bomb.html");
    case HostileCase::kRedirectLoop:
      return site_->Url("/hostile/loop-a.html");
    case HostileCase::kSlowLoris:
      return site_->Url("/hostile/slow.html");
    case HostileCase::kLyingContentLength:
      return site_->Url("/hostile/lying.html");
  }
  return "";
}

void HostileWebServer::BuildRobotsHosts() {
  // 2 MiB; the first 500 KiB (what a crawler must read) begin with `Disallow: /`, the
  // part past it would allow the page.
  robots_oversized_->Route("/robots.txt",
                           Response::Text("User-agent: *\nDisallow: /\n" +
                                              CommentFiller(options_.robots_oversized_bytes - 64) +
                                              "\nUser-agent: *\nAllow: /page.html\n",
                                          "text/plain"));
  // Content-Length of 20,000, cut after 300 bytes: what arrived says "allow everything".
  Response cut = Response::Text("User-agent: *\nAllow: /\n" + CommentFiller(20000), "text/plain");
  cut.truncate_after = 300;
  robots_cut_->Route("/robots.txt", cut);
  // Labelled gzip, not gzip.
  Response bad =
      Response::Text("User-agent: *\nAllow: /\n(this is no gzip stream)\n", "text/plain");
  bad.headers.emplace_back("Content-Encoding", "gzip");
  robots_bad_encoding_->Route("/robots.txt", bad);
  // One byte every trickle_interval: longer than any sane fetch timeout.
  Response slow = Response::Text("User-agent: *\nAllow: /\n" + CommentFiller(100000), "text/plain");
  slow.trickle_bytes = 1;
  slow.trickle_interval = options_.trickle_interval;
  robots_timeout_->Route("/robots.txt", slow);

  HttpTestServer* failing[] = {robots_oversized_.get(), robots_cut_.get(),
                               robots_bad_encoding_.get(), robots_timeout_.get()};
  for (std::size_t i = 0; i < std::size(failing); ++i) {
    failing[i]->Route("/page.html", Response::Text(ArticleHtml(kBehindRobots[i])));
    behind_robots_.push_back(Planted(kBehindRobots[i], failing[i]->Url("/page.html")));
  }

  // 11,000 wildcard rules that never match an ordinary path (each ends in a token no
  // path here has) but make a naive matcher try every rule over the long path, and one
  // rule that denies the long path.
  std::string rules = "User-agent: *\n";
  for (int i = 0; i + 1 < options_.wildcard_rules; ++i) {
    rules += "Disallow: /*a*a*a*zq" + std::to_string(i) + "\n";
  }
  rules += "Disallow: /*/deny$\n";
  robots_wildcard_->Route("/robots.txt", Response::Text(rules, "text/plain"));
  robots_wildcard_->Route(wildcard_path_, Response::Text(ArticleHtml(kBehindRobots[0])));
  robots_wildcard_->Route("/wild/good.html", Response::Text(ArticleHtml(kGoodPlants[4])));
}

void HostileWebServer::BuildSitemaps() {
  // The root index: the news sitemap (freshest, so kept first) and the first indexes of
  // an endless tree. Index n lists indexes n*fanout+1 .. n*fanout+fanout.
  const int fanout = options_.endless_index_fanout;
  auto index_url = [this](long n) {
    return site_->Url("/sitemaps/idx.xml") + "?n=" + std::to_string(n);
  };
  std::vector<std::pair<std::string, std::string>> root = {
      {site_->Url("/sitemaps/news.xml"), "2026-11-25T09:00:00+09:00"}};
  for (int k = 1; k <= fanout; ++k) root.emplace_back(index_url(k), "2026-11-20T09:00:00+09:00");
  site_->Route("/sitemaps/index.xml", Response::Text(SitemapIndexBody(root), "application/xml"));
  site_->RouteHandler("/sitemaps/idx.xml", [index_url, fanout](const RecordedRequest& req) {
    const std::size_t at = req.target.find("?n=");
    const long n = at == std::string::npos ? 0 : std::atol(req.target.c_str() + at + 3);
    std::vector<std::pair<std::string, std::string>> children;
    for (int k = 1; k <= fanout; ++k) {
      children.emplace_back(index_url(n * fanout + k), "2026-11-20T09:00:00+09:00");
    }
    return Response::Text(SitemapIndexBody(children), "application/xml");
  });

  const Plant& p = kGoodPlants[6];
  const std::string url = site_->Url("/good/sitemap-news.html");
  const auto [headline, sentence] = HeadlineAndSentence(p);
  site_->Route("/good/sitemap-news.html", Response::Text(ArticleHtml(p)));
  site_->Route(
      "/sitemaps/news.xml",
      Response::Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
                     "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                     "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n<url><loc>" +
                         url +
                         "</loc><lastmod>2026-11-24T09:00:00+09:00</lastmod><news:news>"
                         "<news:publication><news:name>Hostile Web Outlet</news:name>"
                         "<news:language>en</news:language></news:publication>"
                         "<news:publication_date>2026-11-24T09:00:00+09:00</"
                         "news:publication_date><news:title>" +
                         headline + "</news:title></news:news></url>\n</urlset>\n",
                     "application/xml"));
  planted_.push_back(Planted(p, url));
}

void HostileWebServer::BuildSite() {
  site_->Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
  std::string items;
  for (int i = 0; i < 4; ++i) {
    const Plant& p = kGoodPlants[i];
    const std::string path = "/good/" + std::to_string(i) + ".html";
    site_->Route(path, Response::Text(ArticleHtml(p)));
    planted_.push_back(Planted(p, site_->Url(path)));
    items += RssItem(HeadlineAndSentence(p).first, site_->Url(path), "good-" + std::to_string(i));
  }
  {
    const Plant& p = kGoodPlants[4];
    const std::string url = robots_wildcard_->Url("/wild/good.html");
    planted_.push_back(Planted(p, url));
    items += RssItem(HeadlineAndSentence(p).first, url, "good-wild");
  }

  // Case 1: every new paragraph reopens every formatting element still open.
  std::string quadratic = "<html><body>";
  for (int i = 0; i < options_.quadratic_repetitions; ++i) {
    quadratic += "<p>x<b id=" + std::to_string(i) + "></p>";
  }
  site_->Route("/hostile/quadratic.html", Response::Text(quadratic + "</body></html>"));
  // A Retry-After of a day, which the crawl refuses to honour.
  site_->Route("/hostile/429.html", Response::RetryAfter(429, "86400"));
  // 1 GiB of zeros, about 1 MiB on the wire.
  site_->Route("/hostile/bomb.html", Encoded(GzipOfZeros(options_.gzip_bomb_bytes), "gzip"));
  site_->Route("/hostile/loop-a.html", Response::Redirect(302, site_->Url("/hostile/loop-b.html")));
  site_->Route("/hostile/loop-b.html", Response::Redirect(302, site_->Url("/hostile/loop-a.html")));
  // One byte every trickle_interval of a 100 KB page.
  Response slow =
      Response::Text("<html><body><p>" + std::string(100000, 'z') + "</p></body></html>");
  slow.trickle_bytes = 1;
  slow.trickle_interval = options_.trickle_interval;
  site_->Route("/hostile/slow.html", slow);
  // Says 200,000 bytes, sends 2,000, closes.
  Response lying = Response::Text("<html><body><p>" + std::string(2000, 'y'));
  lying.headers.emplace_back("Content-Length", "200000");
  lying.close_after = true;
  site_->Route("/hostile/lying.html", lying);

  for (HostileCase c : AllHostileCases()) {
    if (c == HostileCase::kHugeFeedTitle || c == HostileCase::kEndlessSitemapIndex) continue;
    items += RssItem(std::string(HostileCaseName(c)), Url(c), std::string(HostileCaseName(c)));
  }
  site_->Route("/feed.xml", Response::Text(Rss(items), "application/rss+xml"));

  // Case 3: one entry, a 3 MB title (Korean and ASCII, so a cut can land mid-character).
  const Plant& p = kGoodPlants[5];
  const std::string url = Url(HostileCase::kHugeFeedTitle);
  // Untitled: the 3 MB entry title is what the crawl takes as the page's title.
  site_->Route("/good/huge-title.html", Response::Text(ArticleHtml(p, /*titled=*/false)));
  planted_.push_back(Planted(p, url));
  std::string title = HeadlineAndSentence(p).first + " ";
  while (title.size() < options_.huge_title_bytes) title += "속보 breaking ";
  site_->Route("/feed-title.xml",
               Response::Text(Rss(RssItem(title, url, "huge-title")), "application/rss+xml"));
}

std::size_t HostileWebServer::SitemapIndexRequests() const {
  return site_->RequestsFor("/sitemaps/index.xml").size() +
         site_->RequestsFor("/sitemaps/idx.xml").size();
}

std::string HostileWebServer::GazetteerYaml() const {
  std::string actors = "actors:\n", works = "works:\n";
  auto add = [&](const PlantedAnnouncement& a) {
    actors += "  - {name: " + a.person + ", native: " + a.person_native + "}\n";
    works += "  - {title: " + a.work + ", native: " + a.work_native + "}\n";
  };
  for (const auto& a : planted_) add(a);
  for (const auto& a : behind_robots_) add(a);
  return "# Fictional names of the hostile-web test server (tests/support).\n" + actors + works;
}

}  // namespace hallyu::testing
