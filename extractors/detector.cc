#include "extractors/detector.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "extractors/text.h"

namespace hallyu {
namespace {

std::string Get(const RuleMatch& m, const char* k) {
  auto it = m.groups.find(k);
  return it == m.groups.end() ? std::string() : it->second;
}

// Cuts `s` to at most `n` bytes at a UTF-8 boundary.
std::string CutUtf8(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const std::set<std::string>& Descriptors() {
  static const std::set<std::string> k = {
      "actor",    "actress", "actors", "actresses", "singer",   "singer-actress", "singer-actor",
      "rapper",   "idol",    "member", "members",   "star",     "leader",         "group",
      "boy",      "girl",    "k-pop",  "kpop",      "solo",     "artist",         "vocalist",
      "rookie",   "veteran", "top",    "popular",   "the",      "newcomer",       "maknae",
      "배우",     "가수",    "그룹",   "걸그룹",    "보이그룹", "멤버",           "리더",
      "신예",     "아이돌",  "솔로",   "래퍼",      "겸",       "톱스타",         "보컬",
      "걸그룹인", "출신",    "막내",   "아티스트",  "연기자",   "대세",           "배우인"};
  return k;
}

bool LooksLikeName(const std::string& n, const std::string& lang) {
  if (n.empty() || n.size() > 48) return false;
  static const std::set<std::string> kStop = {
      "he", "she", "they", "it", "the actor", "the actress", "the singer", "the star", "who",
      "this", "that", "그", "그녀", "이들", "두 사람", "세 사람", "그는", "그녀는", "이번", "또한",
      "한편", "특히", "이어", "이어서", "we", "i", "you", "his", "her", "their", "also", "both",
      "meanwhile", "however", "additionally", "previously", "recently", "earlier", "today",
      "yesterday", "currently", "now", "then", "separately", "finally", "moreover", "furthermore",
      "exclusive", "breaking", "update", "official", "reportedly", "notably", "likewise", "plus",
      "in addition", "as a result", "first", "next", "later", "still", "anyway", "so", "and", "but",
      "yet", "instead", "again", "so far",
      // generic Korean nouns that stand where a name would ("소속사 측은 …", "영화 '…' 합류")
      "영화", "드라마", "소속사", "소속사 측", "측", "관계자", "제작진", "제작사", "배우", "가수",
      "그룹", "걸그룹", "보이그룹", "시리즈", "예능", "방송", "방송사", "작품", "사극", "웹드라마",
      "웹시리즈", "웹예능", "웹툰", "신작", "차기작", "미니시리즈", "주말극", "일일극", "시트콤",
      "새", "새 드라마", "오리지널", "주자", "OST"};
  if (kStop.count(Lower(n))) return false;
  if (ContainsHangul(n)) return true;
  const auto c = static_cast<unsigned char>(n[0]);
  (void)lang;
  return std::isupper(c) || std::isdigit(c) || c >= 0x80;
}

int ParsePart(const std::string& raw) {
  if (raw.empty()) return 0;
  int v = 0;
  for (char c : raw) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      v = v * 10 + (c - '0');
      if (v > 999) return 0;
    } else if (v > 0) {
      break;
    }
  }
  if (v > 0) return v;
  static const std::vector<std::pair<std::string, int>> kWords = {
      {"first", 1},     {"second", 2},    {"third", 3},     {"fourth", 4},    {"fifth", 5},
      {"sixth", 6},     {"seventh", 7},   {"eighth", 8},    {"ninth", 9},     {"tenth", 10},
      {"열 번째", 10},  {"열번째", 10},   {"첫 번째", 1},   {"첫번째", 1},    {"두 번째", 2},
      {"두번째", 2},    {"세 번째", 3},   {"세번째", 3},    {"네 번째", 4},   {"네번째", 4},
      {"다섯 번째", 5}, {"다섯번째", 5},  {"여섯 번째", 6}, {"여섯번째", 6},  {"일곱 번째", 7},
      {"일곱번째", 7},  {"여덟 번째", 8}, {"여덟번째", 8},  {"아홉 번째", 9}, {"아홉번째", 9}};
  const std::string low = Lower(raw);
  for (const auto& [w, n] : kWords) {
    if (low.find(w) != std::string::npos) return n;
  }
  return 0;
}

std::string KindOf(const std::string& raw) {
  const std::string k = Lower(raw);
  if (k.empty()) return "";
  if (k.find("film") != std::string::npos || k.find("movie") != std::string::npos ||
      k.find("영화") != std::string::npos) {
    return "film";
  }
  if (k.find("series") != std::string::npos || k.find("시리즈") != std::string::npos) {
    return "series";
  }
  if (k.find("drama") != std::string::npos || k.find("드라마") != std::string::npos ||
      k.find("극") != std::string::npos) {
    return "drama";
  }
  return "";
}

int StatusRank(const std::string& s) {
  static const std::map<std::string, int> k = {{"rumored", 1},   {"in_talks", 2}, {"reviewing", 3},
                                               {"confirmed", 4}, {"denied", 5},   {"announced", 1},
                                               {"released", 2}};
  auto it = k.find(s);
  return it == k.end() ? 0 : it->second;
}

}  // namespace

std::string UtcNowIso8601() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Detector::Detector(std::shared_ptr<const RuleSet> rules, std::shared_ptr<const Gazetteer> gazetteer,
                   DetectorOptions opts)
    : rules_(std::move(rules)), gazetteer_(std::move(gazetteer)), opts_(opts) {}

Result<Detector> Detector::Load(const std::string& rules_dir, const std::string& gazetteer_dir,
                                DetectorOptions opts) {
  return Load(rules_dir, std::vector<std::string>{gazetteer_dir}, opts);
}

Result<Detector> Detector::Load(const std::string& rules_dir,
                                const std::vector<std::string>& gazetteer_dirs,
                                DetectorOptions opts) {
  auto rules = RuleSet::LoadDir(rules_dir);
  if (!rules.ok()) return rules.status();
  auto gaz = Gazetteer::LoadDirs(gazetteer_dirs);
  if (!gaz.ok()) return gaz.status();
  return Detector(std::make_shared<const RuleSet>(std::move(*rules)),
                  std::make_shared<const Gazetteer>(std::move(*gaz)), opts);
}

bool Detector::MentionsNetwork(std::string_view mention) const {
  if (gazetteer_->FindPerson(TrimName(mention)) != nullptr) return false;
  size_t i = 0;
  for (int guard = 0; guard < 8 && i < mention.size(); ++guard) {
    const size_t sp = mention.find(' ', i);
    const std::string word =
        TrimName(mention.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i));
    if (!word.empty() && gazetteer_->FindNetwork(word) != nullptr &&
        gazetteer_->FindPerson(word) == nullptr) {
      return true;
    }
    if (sp == std::string_view::npos) break;
    i = sp + 1;
  }
  return false;
}

PersonRef Detector::ResolvePerson(std::string mention, const std::string& group_hint) const {
  PersonRef p;
  std::string group = group_hint;
  // Parenthetical: "차은우(아스트로)" / "Jisoo (BLACKPINK)".
  if (auto open = mention.find('('); open != std::string::npos) {
    const auto close = mention.find(')', open);
    const std::string inner =
        mention.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
    if (auto g = gazetteer_->FindGroup(TrimName(inner))) group = *g;
    mention =
        mention.substr(0, open) + (close == std::string::npos ? "" : mention.substr(close + 1));
  }
  mention = TrimName(mention);
  if (gazetteer_->FindPerson(mention) == nullptr) mention = StripKoreanParticle(mention);
  for (const char* s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    const std::string suf(s);
    if (mention.size() > suf.size() &&
        mention.compare(mention.size() - suf.size(), suf.size(), suf) == 0) {
      mention.resize(mention.size() - suf.size());
      break;
    }
  }
  // Agency statements: "차은우 측", "차은우 소속사 관계자" -> "차은우".
  for (int guard = 0; guard < 3; ++guard) {
    bool cut = false;
    for (const char* tail : {" \xEC\xB8\xA1", " \xEC\x86\x8C\xEC\x86\x8D\xEC\x82\xAC",
                             " \xEA\xB4\x80\xEA\xB3\x84\xEC\x9E\x90"}) {  // 측 소속사 관계자
      const std::string t(tail);
      if (mention.size() > t.size() &&
          mention.compare(mention.size() - t.size(), t.size(), t) == 0) {
        mention = TrimName(mention.substr(0, mention.size() - t.size()));
        cut = true;
      }
    }
    if (!cut) break;
  }
  // Korean: the name is the last word; earlier words are descriptors or a group.
  if (ContainsHangul(mention) && mention.find(' ') != std::string::npos &&
      gazetteer_->FindPerson(mention) == nullptr) {
    const auto sp = mention.rfind(' ');
    const std::string head = mention.substr(0, sp);
    std::string start = head;
    while (!start.empty()) {
      if (auto g = gazetteer_->FindGroup(start)) {
        group = *g;
        break;
      }
      const auto s2 = start.find(' ');
      if (s2 == std::string::npos) break;
      start = start.substr(s2 + 1);
    }
    mention = mention.substr(sp + 1);
  }
  // Leading descriptors and group names: "ASTRO's Cha Eun-woo", "그룹 아스트로 멤버 차은우".
  for (int guard = 0; guard < 6; ++guard) {
    const auto sp = mention.find(' ');
    if (sp == std::string::npos) break;
    std::string first = mention.substr(0, sp);
    std::string rest = TrimName(mention.substr(sp + 1));
    bool possessive = false;
    for (const char* s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
      const std::string suf(s);
      if (first.size() > suf.size() &&
          first.compare(first.size() - suf.size(), suf.size(), suf) == 0) {
        first.resize(first.size() - suf.size());
        possessive = true;
        break;
      }
    }
    if (Descriptors().count(Lower(first))) {
      mention = rest;
      continue;
    }
    if (auto g = gazetteer_->FindGroup(first)) {
      group = *g;
      mention = rest;
      continue;
    }
    // Two-word group names ("Red Velvet", "Stray Kids").
    const auto sp2 = rest.find(' ');
    if (sp2 != std::string::npos) {
      std::string two = first + " " + rest.substr(0, sp2);
      for (const char* s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
        const std::string suf(s);
        if (two.size() > suf.size() && two.compare(two.size() - suf.size(), suf.size(), suf) == 0) {
          two.resize(two.size() - suf.size());
          break;
        }
      }
      if (auto g = gazetteer_->FindGroup(two)) {
        group = *g;
        mention = TrimName(rest.substr(sp2 + 1));
        continue;
      }
    }
    if (possessive) {  // unknown owner ("Netflix's ...") is not part of the name
      mention = rest;
      continue;
    }
    break;
  }
  if (gazetteer_->FindPerson(mention) == nullptr) mention = StripKoreanParticle(mention);
  if (const GazetteerPerson* gp = gazetteer_->FindPerson(mention)) {
    p.name = gp->name;
    p.native = gp->native;
    p.group = gp->group;
    p.idol = gp->kind == PersonKind::kIdol;
    p.resolved = true;
    p.key = gp->id;
    p.actor = gp->kind == PersonKind::kActor || gp->also_actor;
    return p;
  }
  p.name = mention;
  if (ContainsHangul(mention)) p.native = mention;
  p.group = group;
  p.idol = !group.empty();
  p.resolved = false;
  p.key = NormalizeKey(mention);
  return p;
}

WorkRef Detector::ResolveWork(const std::string& mention, const std::string& network,
                              const std::string& kind) const {
  WorkRef w;
  std::string title = StripTitleQuotes(mention);
  if (const GazetteerWork* gw = gazetteer_->FindWork(title)) {
    w.title = gw->title;
    w.native = gw->native;
    w.kind = gw->kind;
    w.network = gw->network;
    w.resolved = true;
    w.key = gw->id;
  } else {
    w.title = title;
    if (ContainsHangul(title)) w.native = title;
    w.key = NormalizeKey(title);
  }
  if (!kind.empty() && w.kind.empty()) w.kind = kind;
  if (!network.empty()) {
    std::string net = StripKoreanParticle(TrimName(network));
    if (const GazetteerNetwork* gn = gazetteer_->FindNetwork(net)) net = gn->name;
    if (w.network.empty()) w.network = net;
  }
  return w;
}

void Detector::DetectSentence(std::string_view sentence, const std::string& lang,
                              const SourceRef& source, const std::string& now,
                              std::vector<Detection>* out) const {
  // Every event names a work; a sentence without a title mark holds none.
  if (!rules_->HasTitleMark(sentence, lang)) return;
  const std::string s = SanitizeUtf8(sentence);
  const std::vector<const Rule*> fired = rules_->Fired(s, lang);
  if (fired.empty()) return;
  // Negative rules veto the sentence for their scope (status: casting|ost|all).
  // A Set hit is a match, so negatives need no capturing run.
  // Negatives judge the sentence around the titles, not inside them: a
  // drama called 'Marriage Contract' is no wedding news.
  bool veto_casting = false;
  bool veto_ost = false;
  const bool any_negative = std::any_of(
      fired.begin(), fired.end(), [](const Rule* r) { return r->type == RuleType::kNegative; });
  if (any_negative) {
    for (const Rule* r : rules_->Fired(MaskQuotedTitles(s), lang)) {
      if (r->type != RuleType::kNegative) continue;
      if (r->status != "ost") veto_casting = true;
      if (r->status != "casting") veto_ost = true;
    }
  }
  for (RuleType type : {RuleType::kCasting, RuleType::kOst}) {
    if ((type == RuleType::kCasting && veto_casting) || (type == RuleType::kOst && veto_ost)) {
      continue;
    }
    std::vector<const Rule*> candidates;
    for (const Rule* r : fired) {
      if (r->type == type) candidates.push_back(r);
    }
    if (candidates.empty()) continue;
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Rule* a, const Rule* b) { return a->priority > b->priority; });
    // Capturing runs are the expensive part: run them in priority order and
    // stop at the first rule that yields both a person and a work.
    std::vector<RuleMatch> owned;
    owned.reserve(candidates.size());
    std::vector<const RuleMatch*> of_type;
    for (const Rule* r : candidates) {
      RuleMatch m;
      if (!rules_->MatchOne(*r, s, &m)) continue;
      owned.push_back(std::move(m));
      of_type.push_back(&owned.back());
      if (!Get(owned.back(), "person").empty() && !Get(owned.back(), "work").empty()) break;
    }
    const RuleMatch* best = nullptr;
    for (const RuleMatch* m : of_type) {
      if (!Get(*m, "person").empty() && !Get(*m, "work").empty()) {
        best = m;
        break;
      }
    }
    if (best == nullptr) continue;
    auto field = [&](const char* k) {
      std::string v = Get(*best, k);
      for (const RuleMatch* m : of_type) {
        if (!v.empty()) break;
        v = Get(*m, k);
      }
      return v;
    };
    const std::string network = field("network");
    const std::string kind = KindOf(field("kind"));
    const std::string group_hint = [&] {
      const std::string g = field("group");
      if (g.empty()) return std::string();
      auto found = gazetteer_->FindGroup(StripKoreanParticle(g));
      return found ? *found : StripKoreanParticle(g);
    }();
    WorkRef work = ResolveWork(Get(*best, "work"), network, kind);
    if (work.title.empty() || work.title.size() > 120) continue;
    for (const std::string& name : SplitNameList(Get(*best, "person"))) {
      // "tvN 사극" caught as a list item after a headline comma: a mention
      // holding a broadcaster word is never a person.
      if (MentionsNetwork(name)) continue;
      PersonRef person = ResolvePerson(name, group_hint);
      if (!LooksLikeName(person.name, lang)) continue;
      // A broadcaster in the name slot ("래엘, SBS '…' OST") is never the person.
      if (!person.resolved && gazetteer_->FindNetwork(person.name) != nullptr) continue;
      if (out->size() >= opts_.max_events) return;
      Detection d;
      d.type = type == RuleType::kCasting ? EventType::kCasting : EventType::kOst;
      d.status = best->rule->status;
      d.person = person;
      d.work = work;
      if (d.type == EventType::kCasting) {
        d.role = StripTitleQuotes(field("role"));
        d.crossover = person.idol;
      } else {
        d.song = StripTitleQuotes(field("song"));
        for (const char* k : {"part", "part2", "part3", "part_word", "part_word2"}) {
          if (d.part == 0) d.part = ParsePart(field(k));
        }
        d.crossover = person.idol || person.actor;
      }
      d.evidence = {CutUtf8(s, 600), best->rule->id, lang};
      d.sources = {source};
      d.first_seen_at = now;
      d.detected_at = now;
      const double c = std::min(0.99, best->rule->confidence + (person.resolved ? 0.04 : 0.0) +
                                          (work.resolved ? 0.04 : 0.0));
      d.confidence = static_cast<double>(static_cast<int>(c * 100 + 0.5)) / 100.0;
      d.event_id = ComputeEventId(d);
      out->push_back(std::move(d));
    }
  }
}

Result<std::vector<Detection>> Detector::Detect(std::string_view title, std::string_view text,
                                                std::string_view lang,
                                                const SourceRef& source) const {
  if (lang != "en" && lang != "ko" && lang != "auto") {
    return InvalidArgument("detect: lang must be en, ko or auto, got '" + std::string(lang) + "'");
  }
  std::string_view body = text;
  if (body.size() > opts_.max_text_bytes) {
    size_t n = opts_.max_text_bytes;
    while (n > 0 && (static_cast<unsigned char>(body[n]) & 0xC0) == 0x80) --n;
    body = body.substr(0, n);
  }
  if (title.size() > 4096) title = title.substr(0, 4096);
  std::string l(lang);
  if (l == "auto") {
    std::string sample(title);
    sample += ' ';
    sample += CutUtf8(body, 4096);
    l = GuessLanguage(sample, opts_.min_hangul_ratio);
  }
  const std::string now = source.fetched_at.empty() ? UtcNowIso8601() : source.fetched_at;
  std::vector<Detection> found;
  size_t budget = opts_.max_sentences;
  if (!title.empty() && rules_->FindTrigger(title, l, 0) != std::string_view::npos) {
    for (std::string_view s : SplitSentences(title, opts_.max_sentence_bytes)) {
      if (budget == 0) break;
      --budget;
      DetectSentence(s, l, source, now, &found);
    }
  }
  // Sentences never span a newline, so only the lines (paragraphs) holding a
  // trigger keyword are split, and only their sentences with one are run.
  size_t pos = rules_->FindTrigger(body, l, 0);
  while (pos != std::string_view::npos && budget > 0) {
    const size_t nl = pos == 0 ? std::string_view::npos : body.rfind('\n', pos - 1);
    const size_t line_begin = nl == std::string_view::npos ? 0 : nl + 1;
    size_t line_end = body.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = body.size();
    const std::string_view line = body.substr(line_begin, line_end - line_begin);
    size_t next = pos - line_begin;
    for (std::string_view s : SplitSentences(line, opts_.max_sentence_bytes)) {
      if (budget == 0) break;
      const size_t b = static_cast<size_t>(s.data() - line.data());
      const size_t e = b + s.size();
      if (next < b) next = rules_->FindTrigger(line, l, b);
      if (next == std::string_view::npos) break;
      if (next >= e) continue;
      --budget;
      DetectSentence(s, l, source, now, &found);
    }
    pos = rules_->FindTrigger(body, l, line_end);
  }
  // One detection per event_id: the strongest status wins, missing fields fill in.
  std::vector<Detection> out;
  std::map<std::string, size_t> by_id;
  for (auto& d : found) {
    auto it = by_id.find(d.event_id);
    if (it == by_id.end()) {
      by_id.emplace(d.event_id, out.size());
      out.push_back(std::move(d));
      continue;
    }
    Detection& keep = out[it->second];
    if (StatusRank(d.status) > StatusRank(keep.status)) {
      std::swap(keep.status, d.status);
      std::swap(keep.evidence, d.evidence);
      keep.confidence = std::max(keep.confidence, d.confidence);
    }
    if (keep.role.empty()) keep.role = d.role;
    if (keep.part == 0) keep.part = d.part;
    if (keep.work.network.empty()) keep.work.network = d.work.network;
    if (keep.work.kind.empty()) keep.work.kind = d.work.kind;
  }
  return out;
}

}  // namespace hallyu
