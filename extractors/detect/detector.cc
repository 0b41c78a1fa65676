#include "extractors/detect/detector.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <future>
#include <map>
#include <set>

#include <re2/re2.h>

#include "extractors/detect/learn.h"
#include "extractors/detect/music_projects.h"
#include "extractors/text/text.h"

namespace hallyu {
namespace {

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
  // The gazetteer parses while the rules compile.
  auto gaz_future = std::async(std::launch::async,
                               [&gazetteer_dirs] { return Gazetteer::LoadDirs(gazetteer_dirs); });
  auto rules = RuleSet::LoadDir(rules_dir);
  auto gaz = gaz_future.get();
  if (!rules.ok()) return rules.status();
  if (!gaz.ok()) return gaz.status();
  return Detector(std::make_shared<const RuleSet>(std::move(*rules)),
                  std::make_shared<const Gazetteer>(std::move(*gaz)), opts);
}

namespace {

// The OST part named in a sentence: "Part 3", "PART.5", "Pt. 2", "파트3", "OST 4",
// "세 번째 OST", "첫 OST 주자", "the third OST", "3rd OST". 0 when none.
int FindPart(std::string_view s) {
  static const RE2 kNumbered("(?i)(?:\\bpart|\\bpt|파트)\\s*\\.?\\s*(\\d{1,2})\\b");
  static const RE2 kOstNumber("(?:OST|ost)\\s*(\\d{1,2})(?:\\s|$|[^\\d.%a-zA-Z차번])");
  static const RE2 kKoOrdinal(
      "(첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열|\\d{1,2})\\s*(?:번째|번 "
      "째)?\\s*(?:드라마\\s*)?(?:OST|ost|"
      "O\\.S\\.T)");
  static const RE2 kEnOrdinal(
      "(?i)\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|"
      "rd|th))\\s+(?:part\\s+of\\s+the\\s+)?(?:OST|soundtrack|O\\.S\\.T)");
  std::string num;
  re2::StringPiece in(s.data(), s.size());
  if (RE2::PartialMatch(in, kNumbered, &num) || RE2::PartialMatch(in, kOstNumber, &num)) {
    const int v = std::atoi(num.c_str());
    return v > 0 && v < 100 ? v : 0;
  }
  if (RE2::PartialMatch(in, kKoOrdinal, &num) || RE2::PartialMatch(in, kEnOrdinal, &num)) {
    static const std::map<std::string, int> kWords = {
        {"첫", 1},    {"두", 2},      {"세", 3},     {"네", 4},     {"다섯", 5},
        {"여섯", 6},  {"일곱", 7},    {"여덟", 8},   {"아홉", 9},   {"열", 10},
        {"first", 1}, {"second", 2},  {"third", 3},  {"fourth", 4}, {"fifth", 5},
        {"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9},  {"tenth", 10}};
    auto it = kWords.find(Lower(num));
    if (it != kWords.end()) return it->second;
    const int v = std::atoi(num.c_str());
    return v > 0 && v < 100 ? v : 0;
  }
  return 0;
}

bool IsAnaphor(std::string_view s, bool ko) {
  static const RE2 kEn(
      "(?i)\\b(?:he|she|they|the\\s+(?:actor|actress|singer|star|idol|duo|trio|pair|two|three|"
      "group|rapper|vocalist|musician|artist|member|leads?)|both|the\\s+couple)\\b");
  static const RE2 kKo(
      "(?:^|\\s)(?:그는|그녀는|그가|그녀가|이들은|이들이|두\\s*사람은|두\\s*사람이|세\\s*"
      "사람은|둘은|이는)");
  return ko ? RE2::PartialMatch(s, kKo) : RE2::PartialMatch(s, kEn);
}

// "김수현이 현빈 손예진 주연의 'W'에 특별 출연한다", "A가 출연 중인 'W'": persons a Korean casting
// sentence names only as the work's existing cast, beside the person it casts. (Not "A가 주연을
// 맡은", "A가 출연한다": those cast A; not English "co-starring A", which the label rules count
// as announced together.)
bool NamedAsExistingCast(std::string_view s, const Mention& m, bool ko) {
  if (!ko || s.substr(m.begin, m.end - m.begin) != m.text) return false;
  const std::string_view after = s.substr(m.end, std::min<size_t>(60, s.size() - m.end));
  static const RE2 kExistingCast(
      "^(?:(?:\\s*[,·]\\s*|\\s+|[와과]\\s+)[가-힣]{2,4}){0,3}\\s*주연(?:의|작|인)\\s|"
      "^[이가]?\\s*출연\\s*중인\\s");
  return RE2::PartialMatch(after, kExistingCast);
}

// True when `s` ends (starts) with an English possessive, "'s" or "’s".
bool EndsWithPossessive(std::string_view s) {
  return s.ends_with("'s") || s.ends_with("\xE2\x80\x99s");
}
bool StartsWithPossessive(std::string_view s) {
  return s.starts_with("'s") || s.starts_with("\xE2\x80\x99s");
}

// "starring A and B", "A 주연의": persons named as the cast of the work, not its singers.
bool NamedAsCast(std::string_view s, const Mention& m, bool ko) {
  const size_t b = m.begin > 40 ? m.begin - 40 : 0;
  const std::string_view before = s.substr(b, m.begin - b);
  const std::string_view after = s.substr(m.end, std::min<size_t>(ko ? 60 : 90, s.size() - m.end));
  if (ko) {
    // "박시후 문채원 주연 KBS2 <W>", "배우 A-B가 출연하는 드라마": a cast list joined by spaces
    // or hyphens ends in 주연 / 출연하는 (cast of the work, not its singers)
    // (only right after the bare name: "A가 배우 B 주연의" is no list of A's)
    static const RE2 kKoCastList(
        "^(?:\\s*[-·,]\\s*[가-힣]{2,4}){1,3}(?:[이가은는]?\\s*(?:출연하는|출연한|출연\\s*중인)|\\s*"
        "주연(?:의|을|작)?(?:\\s|$))|^(?:\\s+[가-힣]{2,4}){1,3}\\s+주연(?:의|을|작)?(?:\\s|$)");
    const bool bare = s.substr(m.begin, m.end - m.begin) == m.text;
    if (bare && RE2::PartialMatch(after, kKoCastList)) return true;
    // "A와 B가 … 걷는 장면에서 흘러나온 곡", "A와 B의 달콤한 'X송'은 C가 부른 'S'": the actors
    // of the scene a song played in, and the pair a song is named after when another singer
    // sings it, are the drama's cast
    {
      // (from the end of the bare name: the mention may hold its particle, "서인국의")
      const size_t from =
          s.substr(m.begin, m.text.size()) == m.text ? m.begin + m.text.size() : m.end;
      const std::string_view wide = s.substr(from, std::min<size_t>(300, s.size() - from));
      static const RE2 kKoScene(
          "^[^.!?]{0,200}?(?:장면|씬|신)\\s*(?:에서|에|마다|속에서|과\\s*함께)\\s*(?:흘러나온|흐른|"
          "흘러나와|흘러|삽입된|삽입돼|울려\\s*퍼진|깔린|등장한)");
      static const RE2 kKoPairSong(
          "^(?:[와과]?\\s*[가-힣]{2,4})?의\\s+(?:[가-힣]+\\s+)?['‘\"“][^'’\"”]{1,30}['’\"”](?:은|"
          "는|이|가)"
          "\\s+[^.]{0,30}?(?:가|이)\\s+(?:부른|불렀|가창한|노래한)");
      if (RE2::PartialMatch(wide, kKoScene) || RE2::PartialMatch(wide, kKoPairSong)) return true;
    }
    // "배우 B와 결혼한 A가 … OST를 발표했다": a spouse or partner named beside the singer
    // (the particle may belong to the mention: "정석원과" + " 결혼하고")
    static const RE2 kKoPartner("^[와과]?\\s*(?:결혼|열애|교제|연애)");
    if (RE2::PartialMatch(after, kKoPartner)) return true;
    // "A 주연의", "A의 테마곡", "A를 지원사격": the cast, the character, the friend supported
    static const RE2 kKoAfter(
        "^(?:[이가은는와과의,·]?\\s*)(?:주연|출연하는|출연한|출연 "
        "중인|열연|주연의|주연을|테마|러브\\s*송)|"
        "^(?:을|를)\\s*(?:지원사격|응원|위해|위한)|^[와과]\\s*\\S+의\\s*테마|"
        // "에릭(문정혁)을 지원사격", "멤버 찬열 지원사격", "A, B 주연의": the same, with a
        // parenthesis, without a particle, or ahead of the rest of a cast list
        "^\\([^)]{0,30}\\)\\s*(?:을|를)\\s*(?:지원사격|응원|위해|위한)|^\\s+(?:지원사격|응원)|"
        "^(?:\\s*[,·]\\s*[^\\s,·]+|[와과]\\s+[^\\s,·]+){1,3}\\s+주연(?:의|을|작)");
    if (RE2::PartialMatch(after, kKoAfter)) return true;
    // "장혁과 오연서의 코믹 케미", "배우 정우, 이유미의 만남으로": the pair the drama brings
    // together (the rest of the pair may follow the name)
    static const RE2 kKoPairOf(
        "^(?:[와과]?(?:\\s*[,·]\\s*|\\s+)[가-힣]{2,4})*의\\s*(?:[가-힣]+\\s+)?(?:만남|케미|연기\\s*"
        "호흡|"
        "로맨스\\s*호흡)");
    const std::string_view rest =
        s.substr(m.begin, m.text.size()) == m.text ? s.substr(m.begin + m.text.size()) : after;
    if (RE2::PartialMatch(rest.substr(0, std::min<size_t>(60, rest.size())), kKoPairOf)) {
      return true;
    }
    // "배우 B의 신작 영화 주제가를 A가 부른다": the star whose new work it is (from the end of
    // the bare name: "아야세 하루카의 신작")
    static const RE2 kKoNewWorkOf("^(?:\\s+[가-힣]{2,4})?의\\s*(?:신작|주연작|출연작)");
    if (RE2::PartialMatch(rest.substr(0, std::min<size_t>(40, rest.size())), kKoNewWorkOf)) {
      return true;
    }
    // "강소라와 박해진의 테마곡", "구혜선과 지진희 주연의": the name's own token ends in 와/과
    static const RE2 kPairTail("^\\s*[^\\s,·]+(?:의\\s*(?:테마|러브\\s*송)|\\s+주연(?:의|을|작))");
    const std::string_view last = s.substr(m.end >= 3 ? m.end - 3 : m.end, m.end >= 3 ? 3 : 0);
    return (last == "와" || last == "과") && RE2::PartialMatch(after, kPairTail);
  }
  static const RE2 kEnBefore(
      "(?:[Ss]tarring|[Ss]tars|led\\s+by|headlined\\s+by|played\\s+by|portrayed\\s+by|cast\\s+"
      "members?|[Aa]ctors\\s+(?:like|"
      "such\\s+as)|"
      "[Cc]ast|with|opposite|alongside|love\\s+triangle|loveline|co-stars?|[Tt]he\\s+leads?)"
      "[\\s,:]+(?:[A-Z][\\w'’.\\-]*(?:\\s*\\([^)]{0,40}\\))?[,]?\\s+|and\\s+|&\\s+){0,12}$");
  if (RE2::PartialMatch(before, kEnBefore)) return true;
  // "the song heard in the scene where A and B share an umbrella": the actors of the scene
  static const RE2 kEnScene(
      "(?i)\\bscenes?\\s+(?:where|in\\s+which|when|of|with|featuring|between)\\s+(?:(?-i:[A-Z])"
      "[\\w'’.\\-]*[,]?\\s+|and\\s+|&\\s+){0,10}$");
  if (RE2::PartialMatch(before, kEnScene)) return true;
  // "for A from GROUP & B's upcoming web drama", "A and B’s new romance series": persons whose
  // possessive names the work are its cast; so are "for A & B’s 'W'" and "for A and B’s W"
  // (a singer's own possessive before a quote names the song: "A’s 'Song'")
  static const RE2 kEnCastPossessive(
      "^(?:\\s+from\\s+\\S+?)?(?:\\s*(?:,|&|and)\\s+[A-Z][\\w\\-]*(?:\\s+[A-Z][\\w\\-]*){0,2}(?:"
      "\\s+from\\s+\\S+?)?){0,3}['’]s?\\s+((?:(?:new|upcoming|latest|hit|popular|next|romance|"
      "romantic|music|mystery|thriller|fantasy|action|historical|period|medical|legal|family|youth|"
      "office|comedy|[a-z]+-[a-z]+)\\s+){0,3}(?:web\\s+)?(?:drama|series|film|movie|sitcom)\\b|["
      "“\"‘'A-Z])");
  // "A and B will star in W", "stills of A and B in a new OST music video", "Choi's starrer
  // drama": the cast of the drama or the video, not its singers
  static const RE2 kEnCastAfter(
      "^(?:\\s*(?:,\\s*and|,|&|and)\\s+[A-Z][\\w\\-]*(?:\\s+[A-Z][\\w\\-]*){0,2}){0,3}(?:['’]s)?"
      "\\s+"
      "(?:(?:will\\s+|"
      "to\\s+)?(?:star|stars|starred|starring)\\s+in\\b|starrer\\b|in\\s+(?:a\\s+|the\\s+|their\\s+"
      ")?(?:"
      "new\\s+)?(?:OST\\s+)?(?:music\\s+videos?|MVs?)\\b)");
  if (RE2::PartialMatch(after, kEnCastAfter)) return true;
  // (a mention may hold its own possessive: "Seungyoon’s")
  const std::string_view span = s.substr(m.begin, m.end - m.begin);
  const bool owns_possessive = EndsWithPossessive(span);
  const std::string with_possessive = owns_possessive ? "'s" + std::string(after) : "";
  std::string tail;
  if (!RE2::PartialMatch(owns_possessive ? std::string_view(with_possessive) : after,
                         kEnCastPossessive, &tail)) {
    return false;
  }
  if (tail.size() > 3) return true;
  static const RE2 kForBefore("(?i)\\bfor\\s+(?:[A-Z][\\w\\-]*\\s*(?:&|and|,)?\\s*){0,4}$");
  return RE2::PartialMatch(before, kForBefore);
}

// "stills of A and B in a new OST music video", "A and B star in the MV": English persons
// named as the people seen in a music video (they act in it; they do not sing it).
bool NamedInVideo(std::string_view s, const Mention& m) {
  const std::string_view after = s.substr(m.end, std::min<size_t>(90, s.size() - m.end));
  static const RE2 kInVideo(
      "(?i)^(?:\\s*(?:,|&|and)\\s+(?-i:[A-Z])[\\w\\-]*(?:\\s+(?-i:[A-Z])[\\w\\-]*){0,2}){0,3}"
      "(?:['’]s)?\\s+(?:(?:will\\s+|to\\s+)?(?:star|stars|starred|starring|appear|appears|"
      "appeared|feature|features|featured)\\s+|"
      // "A And B Preview Their Chemistry In OST Music Videos": the pair on screen
      "(?:preview|previews|show|shows|showed|showcase|showcases|display|displays|tease|teases|"
      "flaunt|flaunts)\\s+(?:off\\s+)?(?:their|the)\\s+(?:\\w+\\s+){0,2}?(?:chemistry|romance|"
      "visuals|love\\s+story)\\s+)?in\\s+(?:a\\s+|the\\s+|their\\s+|its\\s+)?(?:"
      "new\\s+)?"
      "(?:OST\\s+)?(?:music\\s+videos?|MVs?)\\b");
  if (RE2::PartialMatch(after, kInVideo)) return true;
  // "the videos show stills of A and B", "scenes of A and B in the music videos": the people
  // whose stills or scenes are shown are the cast on screen
  const size_t from = m.begin > 80 ? m.begin - 80 : 0;
  static const RE2 kShownOf(
      "(?i)\\b(?:stills|scenes|footage|clips|images|shots|glimpses|photos)\\s+of\\s+(?:(?-i:[A-Z])"
      "[\\w\\-]*\\s+){0,3}(?:(?:,|&|and)\\s+(?:(?-i:[A-Z])[\\w\\-]*\\s+){0,3}){0,2}$");
  return RE2::PartialMatch(s.substr(from, m.begin - from), kShownOf);
}

// "sings to support fellow member B", "Show Support For B By …", "to back bandmate B":
// English persons a soundtrack story names as the one its singer supports; they do not
// sing it. (A who-clause giving B a role alone is not enough: "B, who stars in W, sang its
// ending theme".)
bool NamedAsSupported(std::string_view s, const Mention& m) {
  const size_t from = m.begin > 60 ? m.begin - 60 : 0;
  static const RE2 kBacked(
      "(?i)\\b(?:support(?:s|ed|ing)?(?:\\s+(?:for|to))?|in\\s+support\\s+of|back(?:s|ed|ing)?|"
      "cheer(?:s|ed|ing)?\\s+(?:on|for))\\s+(?:(?:his|her|their)\\s+)?(?:(?:fellow|group|band)"
      "[\\s-]*)?(?:(?:members?|mates?|bandmates?|groupmates?)\\s*,?\\s*)?$");
  return RE2::PartialMatch(s.substr(from, m.begin - from), kBacked);
}

// True when a Korean sentence names a replacement for someone who left ("대타", "대체 배우",
// "빈자리", "후임", "새롭게 합류").
bool KoreanReplacement(std::string_view s) {
  static const RE2 kRe(
      "대타|대체\\s*(?:배우|투입|캐스팅)|빈자리|후임|새롭게\\s*합류|새로\\s*합류|새\\s*주연|"
      "새\\s*주인공|"
      "투입(?:한다|된다|됐다|될|할|을|이|하기로|되며)|같은\\s*배역");
  return RE2::PartialMatch(s, kRe);
}

// True when the Korean sentence says person `m` leaves the work: "하차한 B", "B의 하차",
// "B의 대타로", "B는 …에서 하차했다".
bool KoreanLeaves(std::string_view s, const Mention& m) {
  const size_t b = m.begin > 30 ? m.begin - 30 : 0;
  const std::string_view before = s.substr(b, m.begin - b);
  const std::string_view after = s.substr(m.end, std::min<size_t>(90, s.size() - m.end));
  static const RE2 kBefore("(?:하차한|하차하는|하차를\\s*결정한|중도\\s*하차한)\\s*(?:배우\\s*)?$");
  static const RE2 kAfter(
      "^(?:\\([^)]{0,20}\\))?(?:의?\\s*(?:하차|중도\\s*하차|대타|대신|빈자리|후임|자리|공백)|"
      "\\s*(?:이|가|은|는)?\\s*(?:[^\\s.]+\\s+){0,6}?(?:중도\\s*)?하차(?:했|한다|하며|하게|하기로|"
      "하는\\s*가운데))");
  return RE2::PartialMatch(before, kBefore) || RE2::PartialMatch(after, kAfter);
}

// English confirmed casting cues that do not state a casting on their own (cues sorted by
// begin): the complement of an earlier stage ("in talks to join", "considering starring",
// "rumoured to star"), a modal or a condition before them ("might make her return", "once
// casting has been finalized"), and a production schedule ("is set to start filming").
template <typename CueHit>
void DropGovernedCastingCues(std::string_view text, std::vector<CueHit>* cues) {
  static const RE2 kHedgeBefore(
      "(?i)(?:\\b(?:might|may|could|once|until|unless|if|when|before)\\s+(?:(?:also|still|"
      "soon|possibly|not|the|be)\\s+)?|\\b(?:not|never)\\s+(?:be\\s+|been\\s+)?)$");
  // "If A accepts, he will play …", "Should the talks go well, …": a sentence that opens
  // with a condition states no casting
  static const RE2 kConditionFirst("(?i)^\\W*(?:if|unless|should|once|in\\s+case)\\s");
  const bool condition_first = RE2::PartialMatch(text, kConditionFirst);
  static const RE2 kSchedule(
      "(?i)^(?:is\\s+|are\\s+|was\\s+)?(?:set|scheduled|slated|due)\\s+to\\s+(?:start|begin|air|"
      "premiere|broadcast|open|hit|release|wrap|debut|be\\s+released|go\\s+on\\s+air|launch)\\b|"
      "^(?:is\\s+|are\\s+|was\\s+|now\\s+)*set\\s+for\\s+(?:(?:a|its|the|an)\\s+)?(?:\\w+\\s+)?"
      "(?:release|premiere|broadcast|debut|opening)\\b");
  std::vector<CueHit> kept;
  for (size_t i = 0; i < cues->size(); ++i) {
    const auto& c = (*cues)[i];
    bool drop = false;
    if (c.rule->type == RuleType::kCasting && c.rule->status == "confirmed") {
      for (size_t j = 0; j < i && !drop; ++j) {
        const auto& g = (*cues)[j];
        if (g.rule->type == RuleType::kCasting && !g.rule->modifier &&
            (g.rule->status == "in_talks" || g.rule->status == "reviewing" ||
             g.rule->status == "rumored") &&
            c.begin >= g.begin && c.begin <= g.end + 40 &&
            (c.begin <= g.end + 12 ||
             text.substr(g.end, c.begin - g.end).find_first_of(",.;:") == std::string_view::npos)) {
          drop = true;  // "in talks to star", "considering joining", "courts A to play"
        }
      }
      const size_t from = c.begin > 24 ? c.begin - 24 : 0;
      if (RE2::PartialMatch(re2::StringPiece(text.data() + from, c.begin - from), kHedgeBefore) ||
          condition_first) {
        drop = true;
      }
      if (RE2::PartialMatch(
              re2::StringPiece(text.data() + c.begin, std::min<size_t>(60, text.size() - c.begin)),
              kSchedule)) {
        drop = true;
      }
    }
    if (!drop) kept.push_back(c);
  }
  *cues = std::move(kept);
}

// English casting vetoes that describe something else, not the news, in a sentence with a
// casting cue (cues sorted by begin): one inside a ", who …" clause ("A, who played a role in
// Vincenzo, is in talks"), one in a phrase of what comes later ("to lead W ahead of military
// enlistment", "before his discharge"), or one in the description of an earlier work ("of 2012 box
// office hit 'Sunny'"). They are dropped.
template <typename CueHit>
void DropDescriptiveVetoes(std::string_view text, const std::vector<Mention>& mentions,
                           std::vector<CueHit>* cues) {
  bool casting_cue = false;
  for (const auto& c : *cues) {
    if (c.rule->type == RuleType::kCasting && !c.rule->modifier && !c.rule->story_only) {
      casting_cue = true;
    }
  }
  if (!casting_cue) return;
  static const RE2 kTimeBefore(
      "(?i)\\b(?:ahead\\s+of|before|prior\\s+to)\\s+(?:(?:his|her|their|the|a|an|its)\\s+)?"
      "(?:[\\w-]+\\s+){0,2}$");
  static const RE2 kRelativeBefore("(?i),\\s+(?:who|which)\\s+[^,;.]*$");
  static const RE2 kRelativeCue("(?i)^(?:who|which)\\s");
  static const RE2 kCommaBefore(",\\s*$");
  std::vector<CueHit> kept;
  for (const auto& c : *cues) {
    bool drop = false;
    if (c.rule->type == RuleType::kNegative && c.rule->status == "casting") {
      const size_t from = c.begin > 80 ? c.begin - 80 : 0;
      const re2::StringPiece before(text.data() + from, c.begin - from);
      const re2::StringPiece at(text.data() + c.begin, text.size() - c.begin);
      if (RE2::PartialMatch(before, kTimeBefore) || RE2::PartialMatch(before, kRelativeBefore) ||
          (RE2::PartialMatch(at, kRelativeCue) && RE2::PartialMatch(before, kCommaBefore))) {
        drop = true;
      }
      for (const auto& m : mentions) {
        if (m.kind == MentionKind::kWork && m.aside && m.begin >= c.end && m.begin - c.end <= 16) {
          drop = true;
        }
      }
    }
    if (!drop) kept.push_back(c);
  }
  *cues = std::move(kept);
}

// Korean casting and OST cues whose words do not state their status (cues sorted by begin):
//  - a cue the text negates right after it ("출연 확정은 아니다", "캐스팅된 것은 아니다",
//    "출연을 결정지은 건 아니다") is dropped;
//  - a cue that is what a report said ("캐스팅됐다는 보도", "출연한다는 설", "발탁됐다는 소식에")
//    or only a condition ("출연이 확정된다면") becomes the language's rumour cue, so the
//    person's side still decides; so does a denial of a report that the casting is settled
//    ("확정설을 부인했다");
//  - a "released" connective ("음원을 공개하며 … 알린다") counts only in a sentence that ends
//    in the past tense;
//  - a review or a negotiation of the drama's time slot ("편성은 검토 중이며", "편성을 논의
//    중인 것은 맞지만") is no stage of anybody's casting: the cue is dropped.
template <typename CueHit>
void AdjustKoreanCues(std::string_view text, const RuleSet& rules, std::vector<CueHit>* cues) {
  static const RE2 kNegated(
      "^\\s*(?:은|는|이|가|된\\s*(?:것|건)(?:은|이)?|한\\s*(?:것|건)(?:은|이)?|되지|하지|된\\s*"
      "바는?|지은\\s*(?:것|건|게)(?:은|이)?|짓지|지은\\s*바는?)?\\s*(?:아니|않|없)");
  // ("캐스팅됐다는 소식에 A 측은 …", "…소식과 관련해": the news the side answers;
  // "…한다는 소식을 전했다" is left alone, the side may be the one telling it)
  static const RE2 kReported(
      "^[^\\s.,\"”'’]{0,9}?(?:다는|라는|단|는)\\s*(?:(?:보도|기사|설|루머|오보|소문)"
      "(?:[이가을를에과와도은는로,.]|\\s|$)|소식(?:에|과\\s*관련))");
  // ("출연이 확정된다면", "캐스팅되면", "합류한다면": a casting stated only as a condition is
  // what the writer supposes, a rumour until someone confirms it)
  static const RE2 kConditional("^\\s*(?:된다|한다|이라|이|되|하)?면(?:\\s|,|$)");
  // ("특별출연을 결정한 모양새", "합류한 듯 보인다": what the writer infers, a rumour too)
  static const RE2 kInferred("^\\s*(?:한|된|하는|할|했을|됐을)?\\s*(?:모양새|듯)");
  static const RE2 kSettledClaim(
      "(?:확정|결정)\\s*(?:설|보도|기사|소식)(?:을|를|은|는|에\\s*대해(?:서는)?|과\\s*관련해)?\\s*"
      "$");
  static const RE2 kDescribesWork(
      "^[^.,]{0,30}?(?:중인|있는|한|된|인)\\s+(?:\\S+\\s+){0,2}?(?:\\S*드라마|영화|시리즈|작품|"
      "\\S*극)\\s*['‘\"“<《]");
  static const RE2 kConnective("(?:하며|해|하고|되며|돼)\\s*$");
  const Rule* rumour = nullptr;
  for (const auto& r : rules.rules()) {
    if (r->lang == "ko" && r->type == RuleType::kCasting && r->status == "rumored" &&
        !r->modifier && !r->story_only) {
      rumour = r.get();
      break;
    }
  }
  std::vector<CueHit> kept;
  for (CueHit c : *cues) {
    const re2::StringPiece after(text.data() + c.end, std::min<size_t>(80, text.size() - c.end));
    const re2::StringPiece span(text.data() + c.begin, c.end - c.begin);
    if (c.rule->type == RuleType::kCasting && !c.rule->modifier) {
      if (c.rule->status == "confirmed" && RE2::PartialMatch(after, kNegated)) continue;
      // ("A의 출연 결정은 소속사를 정한 뒤 이뤄져야 할 것 같다": the decision as a topic still to
      // be made is no casting)
      static const RE2 kPending("^\\s*(?:은|는)\\s[^.]{0,40}?(?:져야|돼야|되어야|해야)");
      if (c.rule->status == "confirmed" && RE2::PartialMatch(after, kPending)) continue;
      // ("아직 검토 중인 단계는 아니다", "검토하고 있는 것은 아니다": a review the side says has
      // not begun is no review; the offer stands)
      static const RE2 kNotYetReviewing(
          "^\\s*(?:인|이|있는)?\\s*(?:단계|것|건|상황)(?:은|는|이|가)?\\s*아니");
      if (c.rule->status == "reviewing" && RE2::PartialMatch(after, kNotYetReviewing)) continue;
      if (c.rule->status == "reviewing" || c.rule->status == "in_talks") {
        static const RE2 kSlot("편성\\s*(?:은|을|를|이|도|에\\s*대해(?:서는)?|과\\s*관련해)?\\s*$");
        const size_t s0 = c.begin > 32 ? c.begin - 32 : 0;
        if (RE2::PartialMatch(re2::StringPiece(text.data() + s0, c.begin - s0), kSlot)) continue;
        // ("그 작품엔 안 나온다 … 다른 작품들을 보고 있다": a review of another work is no stage of
        // this one)
        static const RE2 kOtherWork("다른\\s*(?:작품|드라마|영화|차기작)들?\\s*(?:을|를|도)?\\s*$");
        if (RE2::PartialMatch(re2::StringPiece(text.data() + s0, c.begin - s0), kOtherWork)) {
          continue;
        }
      }
      if (c.rule->status != "denied" && c.rule->status != "rumored" && rumour != nullptr &&
          (RE2::PartialMatch(after, kReported) || RE2::PartialMatch(after, kConditional) ||
           RE2::PartialMatch(after, kInferred))) {
        c.rule = rumour;
      }
      // "양측은 확정설을 부인했다": denying that a casting is settled denies no offer; it says
      // what a report claimed was not confirmed
      const size_t b0 = c.begin > 40 ? c.begin - 40 : 0;
      if (c.rule->status == "denied" && rumour != nullptr &&
          RE2::PartialMatch(re2::StringPiece(text.data() + b0, c.begin - b0), kSettledClaim)) {
        c.rule = rumour;
      }
    }
    // "시청률 1위를 기록 중인 SBS 월화드라마 'X'": the drama's own record, described before its
    // title, does not make an OST story a chart story
    if (c.rule->type == RuleType::kNegative && c.rule->status == "ost" &&
        RE2::PartialMatch(after, kDescribesWork)) {
      continue;
    }
    if (c.rule->type == RuleType::kOst && c.rule->status == "released" &&
        RE2::PartialMatch(span, kConnective) && !KoreanEndsInPastTense(text)) {
      continue;
    }
    kept.push_back(c);
  }
  *cues = std::move(kept);
}

// Clauses of a sentence, split where a new subject usually starts: ", while",
// "whereas", ";", ", but", " but "; Korean "반면", "가운데", "-했고", "-이고".
std::vector<std::pair<size_t, size_t>> ClauseSpans(std::string_view s, bool ko) {
  // Commas split too: a clause without a cue borrows the next clause's, so "A, B and C
  // confirmed" stays one claim while "A는 확정, B는 검토" becomes two.
  static const RE2 kEn(
      "(?i)(,?\\s+(?:while|whereas|but|meanwhile|although|though)\\s+|;\\s*|…\\s*|\\.\\.\\.\\s*|,"
      "\\s+|:\\s+|\\s[-–—]\\s)");
  static const RE2 kKo(
      "((?:반면|가운데|했고|하고|이고|였고|됐고|으며|했으며|중이며|는데|면서)[,\\s]+|…\\s*|\\.\\.+"
      "\\s*|,\\s*)");
  std::vector<std::pair<size_t, size_t>> out;
  re2::StringPiece in(s.data(), s.size());
  re2::StringPiece m;
  size_t start = 0;
  // "While A is in talks, B is confirmed": a leading subordinate clause ends at its comma
  static const RE2 kLead("(?i)^(?:while|whereas|although|though|as|after|since|before)\\s");
  if (!ko && RE2::PartialMatch(in, kLead)) {
    const size_t comma = s.find(", ");
    if (comma != std::string_view::npos) {
      out.emplace_back(0, comma + 2);
      start = comma + 2;
      in = re2::StringPiece(s.data() + start, s.size() - start);
    }
  }
  while (out.size() < 8 && RE2::PartialMatch(in, ko ? kKo : kEn, &m)) {
    const size_t cut = static_cast<size_t>(m.data() - s.data());
    // a comma inside parentheses ("(Spy, My Beautiful Bride)") splits nothing
    int depth = 0;
    for (size_t i = start; i < cut; ++i) {
      if (s[i] == '(') ++depth;
      if (s[i] == ')' && depth > 0) --depth;
    }
    if (depth > 0) {
      const size_t close = s.find(')', cut);
      if (close == std::string_view::npos) break;
      in = re2::StringPiece(s.data() + close, s.size() - close);
      continue;
    }
    out.emplace_back(start, cut + m.size());
    start = cut + m.size();
    in = re2::StringPiece(s.data() + start, s.size() - start);
  }
  out.emplace_back(start, s.size());
  return out;
}

// A person named as a co-star already cast: "alongside B", "opposite B", "to join B".
bool IsCoStar(std::string_view s, const Mention& m, bool ko) {
  const size_t b = m.begin > 60 ? m.begin - 60 : 0;
  const std::string_view before = s.substr(b, m.begin - b);
  if (ko) {
    static const RE2 kKo("(?:앞서\\s*출연을\\s*확정한|출연을\\s*확정한|캐스팅된|합류한)\\s*$");
    // "여주인공으로 캐스팅된 A는 출연을 검토 중이다": a name with the topic particle is the
    // sentence's subject, whose own predicate follows; the words before it are what was said
    // of it, not someone else's casting it joins
    static const RE2 kTopic("^\\s*(?:은|는)(?:\\s|,|$)");
    const std::string_view name = s.substr(m.begin, m.end - m.begin);
    if (name.ends_with("\xEC\x9D\x80") || name.ends_with("\xEB\x8A\x94") ||  // 은 는
        RE2::PartialMatch(s.substr(m.end), kTopic)) {
      return false;
    }
    return RE2::PartialMatch(before, kKo);
  }
  static const RE2 kEn(
      "(?:alongside|opposite|together\\s+with|with\\s+co-"
      "stars?|co-starring|co-stars?|starring|"
      "reuniting\\s+with|reunite\\s+with|pair(?:ed)?\\s+(?:up\\s+)?with)\\s+(?:(?:fellow\\s+)?(?:"
      "actors?|"
      "actress(?:es)?|stars?|idols?|singers?)\\s+)?(?:[A-Z][\\w'’.\\-]*"
      "(?:\\s*\\([^)]{0,40}\\))?,?\\s+|and\\s+|&\\s+){0,9}$");
  return RE2::PartialMatch(before, kEn);
}

// English: the words before a list of names — "Name (Work), Name and " — that ends where a
// person mention begins; appended to a cue pattern it asks "does the cue lead up to the person".
const std::string& EnglishNameListTail() {
  static const std::string kTail =
      "\\s+(?:(?:fellow\\s+)?(?:(?i:actors?|actress(?:es)?|stars?|idols?|singers?))\\s+)?(?:[A-Z]"
      "[\\w'’.\\-]*(?:\\s*\\([^)]{0,40}\\))?,?\\s+|and\\s+|&\\s+){0,9}$";
  return kTail;
}

// True when `cue_then_list` (a cue pattern + EnglishNameListTail()) matches the `window` bytes
// before the mention `m`.
bool CueLeadsUpTo(std::string_view s, const Mention& m, const RE2& cue_then_list, size_t window) {
  const size_t b = m.begin > window ? m.begin - window : 0;
  return RE2::PartialMatch(s.substr(b, m.begin - b), cue_then_list);
}

// English: "A is cast in 'W' co-starring B", "the film starring B and C": persons named after
// "starring" / "co-starring" / "with co-star" are the work's cast already, not the news (two
// blind writers of real test sets read them so; "alongside" and "opposite" stay announced
// together, as the label rules say). True when such a word leads up to `m`.
bool StarringAsExistingCast(std::string_view s, const Mention& m) {
  static const RE2 kStarring("(?:\\bco-starring|\\bstarring|\\bwith\\s+co-stars?)" +
                             EnglishNameListTail());
  return CueLeadsUpTo(s, m, kStarring, 60);
}

// English: "A's agency confirmed that she has received an offer and is reviewing it": the
// confirming verb tells that the offer is true, not that the casting is (label rules: the
// agency's "reviewing" stands). True for a confirmed cue that is only the verb "confirm" with a
// that-clause after it holding an in-talks or reviewing cue.
template <typename CueList>
bool ConfirmsAnOffer(std::string_view s, const typename CueList::value_type& cue,
                     const CueList& cues) {
  if (cue.rule->status != "confirmed" || cue.end > s.size()) return false;
  static const RE2 kVerb("(?i)confirm(?:s|ed)?(?:\\s+in)?$");
  if (!RE2::PartialMatch(s.substr(cue.begin, cue.end - cue.begin), kVerb)) return false;
  static const RE2 kThat(
      "^(?:\\s+(?:in|the|affirmative|officially|also|to|with|on|\\d+|[A-Z][\\w.]*)){0,4}\\s*,?\\s+"
      "that\\b"
      "([^.;!?]{0,160})");
  re2::StringPiece clause;
  if (!RE2::PartialMatch(s.substr(cue.end), kThat, &clause)) return false;
  const size_t from = static_cast<size_t>(clause.data() - s.data());
  const size_t to = from + clause.size();
  bool hedged = false;
  for (const auto& c : cues) {
    if (c.rule->type != RuleType::kCasting || c.begin < from || c.begin >= to) continue;
    if (c.rule->status == "confirmed") return false;  // "confirmed that A will star"
    if (c.rule->status == "in_talks" || c.rule->status == "reviewing") hedged = true;
  }
  return hedged;
}

// English: "A joins B and C in W", "confirmed to join B in W", "She will join B": the ones
// joined are the work's cast before the news, background to A's casting (label rules: only the
// joiner is the event).
bool JoinedAsExistingCast(std::string_view s, const Mention& m) {
  static const RE2 kJoin("(?i:\\bjoin(?:s|ed|ing)?)" + EnglishNameListTail());
  return CueLeadsUpTo(s, m, kJoin, 80);
}

// English: a sentence that opens by saying its casting was told before — "As previously
// announced, the sisters will be played by A, B and C". Its persons are background to the
// story's new casting (the binder drops them only when the story has another).
bool EnglishTellsEarlierCasting(std::string_view s) {
  static const RE2 kEarlier(
      "^\\W{0,3}(?i:as)\\s+(?:(?i:previously|earlier|already)\\s+)(?:announced|reported|"
      "revealed|confirmed|mentioned)\\b");
  return RE2::PartialMatch(s, kEarlier);
}

// English: a person the sentence names as cast before the news — "other actors already cast are
// B and C", "joins previously announced stars B and C", "B and C are already set to star". Such a
// person is background to someone else's casting. ("W starring B" is left to IsCoStar: real
// labels differ on whether B is news.)
bool NamedAsExistingCast(std::string_view s, const Mention& m) {
  static const std::string kList =
      "(?:(?:[A-Z][\\w'’.\\-]*(?:\\s*\\([^)]{0,40}\\))?,?\\s+)|and\\s+|&\\s+){0,12}";
  static const RE2 kBefore(
      "(?:\\b(?:already|previously)[\\s-]+(?:been\\s+)?(?:announced|confirmed|cast|set|attached)"
      "(?:\\s+(?:leads?|stars?|cast\\s+members?|actors?|actress(?:es)?))?|\\b(?:[Aa]lready|"
      "[Pp]reviously)"
      "\\s+"
      "(?:been\\s+)?(?:cast|confirmed|set|on\\s+board)\\b[^.;:]{0,60}?\\b(?:are|is|include|"
      "includes|"
      "including)|"
      // "W, which also stars B", "a film that stars B": B is in the work already
      "\\b(?:which|that)\\s+(?:also\\s+)?stars|\\balso\\s+starring|"
      // "Following actors A and B, C has joined", "following the confirmation news of A and B"
      "\\b[Ff]ollowing\\s+(?:the\\s+(?:confirmation|casting)\\s+(?:news\\s+)?of|actors?|"
      "actress(?:es)?|stars?))\\s+(?:(?:fellow\\s+)?(?:actors?"
      "|actress(?:es)?|stars?|idols?|singers?)\\s+)?" +
      kList + "$");
  static const RE2 kAfter(
      "^(?:,?\\s*(?:[A-Z][\\w'’.\\-]*|and|&)(?:\\s*\\([^)]{0,40}\\))?){0,12}\\s+"
      "(?:(?:are|is|were|was|have|has|had)\\s+(?:been\\s+)?(?:already|previously)|"
      "(?:have|has)\\s+(?:already|previously)\\s+been|(?:already|previously))\\s+(?:been\\s+)?"
      "(?:set|cast|confirmed|attached|on\\s+board|joined|signed\\s+on)\\b|"
      // "B, who was cast earlier this month, …", "B, who had already joined the cast": a
      // relative clause telling B's casting before the news
      "^\\s*,\\s*who\\s+(?:was|were|had\\s+been|has\\s+been|had|has)\\s+(?:already\\s+|"
      "previously\\s+)?"
      "(?:cast|confirmed|joined|signed\\s+on)\\b[^,.;]{0,40}?\\b(?:earlier|already|previously|"
      "last\\s+(?:week|month|year))\\b|"
      "^\\s*,\\s*who\\s+(?:was|were|had\\s+been|has\\s+been|had|has)\\s+(?:already|previously)\\s+"
      "(?:cast|confirmed|joined|signed\\s+on)\\b|"
      // "A and B, who were both confirmed in May, …", "A who was cast back in March", "A, who
      // signed on two months ago": a who-clause dating the casting before the news
      "^(?:,?\\s*(?:[A-Z][\\w'’.\\-]*|and|&)(?:\\s*\\([^)]{0,40}\\))?){0,12}\\s*,?\\s*who\\s+"
      "(?:(?:was|were|had\\s+been|has\\s+been|have\\s+been|had|have|has)\\s+)?(?:(?:each|both|all|"
      "also|already|previously)\\s+)?(?:been\\s+)?(?:cast|confirmed|joined|signed\\s+on|tapped|"
      "boarded)\\b[^,.;]{0,60}?\\b(?:back\\s+in|earlier|last\\s+(?:week|month|year)|in\\s+(?:"
      "January|February|March|April|May|June|July|August|September|October|November|December)|"
      "(?:a|one|two|three|four|five|six|several|a\\s+few)\\s+(?:days?|weeks?|months?|years?)\\s+"
      "ago)\\b");
  const size_t b = m.begin > 160 ? m.begin - 160 : 0;
  if (RE2::PartialMatch(s.substr(b, m.begin - b), kBefore)) return true;
  return RE2::PartialMatch(s.substr(m.end, std::min<size_t>(200, s.size() - m.end)), kAfter);
}

// Korean: a sentence that tells a casting made before the news — "앞서 A, B가 'W'에
// 캐스팅돼 화제를 모은 바 있다", "이에 앞서 A가 출연을 확정했다". Its persons are background to
// the story's new casting (the binder drops them only when the story has another).
bool KoreanTellsEarlierCasting(std::string_view s) {
  // ("…의기투합한 작품으로 앞서 A, B가 출연을 확정 지었다": 앞서 opening a clause after a
  // connective; "방송에 앞서" is "before the broadcast" and stays out)
  static const RE2 kEarlier(
      "^\\W{0,3}(?:이에\\s*|이보다\\s*)?앞서\\s|^\\W{0,3}(?:지난해|지난\\s*\\d{4}년)\\s|"
      "(?:으로|며|고|는데|,)\\s+(?:이미\\s+)?앞서\\s+[^.]{0,60}?(?:출연을?|캐스팅|합류를?)\\s*"
      "(?:확정|됐|되었|돼)|"
      "바\\s*(?:가\\s*)?있(?:다|으며|었다|고|는데|어)");
  return RE2::PartialMatch(s, kEarlier);
}

// True when the Korean person mention `m` is the subject of an adnominal clause that tells
// the work's casting done before the news: "이요원은 권상우가 남자 주인공으로 확정된 KBS '못된
// 사랑' 출연과 관련, 검토 중이다" (권상우 is the cast the work already has).
bool KoreanAdnominalExistingCast(std::string_view s, const Mention& m) {
  if (m.begin > s.size() || !s.substr(m.begin).starts_with(m.text)) return false;
  const size_t from = m.begin + m.text.size();
  const std::string_view after = s.substr(from, std::min<size_t>(90, s.size() - from));
  static const RE2 kAdnominal(
      "^[이가]\\s+(?:[^\\s.,]+\\s+){0,3}(?:확정된|캐스팅된|낙점된|발탁된|출연을\\s*확정한)\\s+"
      "(?:[^\\s.,'‘\"“<《]+\\s+){0,3}['‘\"“<《]");
  // "A(R1 역)와 B(R2 역)가 캐스팅된 가운데 C가 합류했다": persons whose casting the sentence
  // gives as the setting of the news ("…된 가운데", "…한 데 이어")
  static const RE2 kSetting(
      "^(?:\\s*\\([^)]{0,24}\\))?(?:\\s*(?:[와과,·]|및)\\s*[가-힣]{2,4}(?:\\s*\\([^)]{0,24}\\))?){"
      "0,"
      "5}\\s*(?:이|가|도)\\s+(?:이미\\s+|앞서\\s+|먼저\\s+)?(?:캐스팅|출연을\\s*확정|출연\\s*확정|"
      "합류를\\s*확정|합류)(?:된|돼|됐던|한|했던|을\\s*확정한)\\s*(?:가운데|데\\s*이어|상황에서)");
  // "장근석, 여진구에 이어 전광렬, 최민수가 출연을 확정했다": persons before "에 이어" were cast
  // before the ones the sentence announces
  static const RE2 kFollowed(
      "^(?:\\s*\\([^)]{0,24}\\))?(?:\\s*(?:[와과,·]|및)\\s*[가-힣]{2,4}(?:\\s*\\([^)]{0,24}\\))?){"
      "0,5}\\s*에\\s*이어(?:서)?\\s");
  return RE2::PartialMatch(after, kAdnominal) || RE2::PartialMatch(after, kSetting) ||
         RE2::PartialMatch(after, kFollowed);
}

// True when a network of the sentence stands right before a work, with at most a possessive,
// "original"/"new" and a kind noun between: "Netflix's 'W'", "티빙 오리지널 'W'", "tvN 새
// 월화드라마 'W'", "디즈니+ 시리즈 <W>". The sentence then introduces the title as a work.
bool NetworkRightBefore(std::string_view s, const std::vector<Mention>& items, const Mention& w) {
  static const RE2 kGap(
      "(?i)^(?:['’]s|의)?\\s*(?:(?:new|upcoming|original|오리지널|새|신작|올\\s*하반기|하반기)\\s*)"
      "*(?:[^\\s'‘’\"“”<>《》]{0,6}(?:드라마|시리즈|영화|극|drama|series|film|movie)\\s*)?"
      "[\"“‘'《<〈「]?\\s*$");
  for (const auto& n : items) {
    if (n.kind != MentionKind::kNetwork || n.end > w.begin || w.begin - n.end > 48) continue;
    if (RE2::FullMatch(s.substr(n.end, w.begin - n.end), kGap)) return true;
  }
  return false;
}

// True when a kind noun stands right before a work: "드라마 'W'", "웹드라마 <W>", "주말극 'W'",
// "시리즈 <W>", "the drama 'W'". (Korean nouns need no word boundary: "웹드라마".)
bool KindNounRightBefore(std::string_view s, const Mention& w) {
  static const RE2 kKind(
      "(?:드라마|영화|시리즈|극|시트콤|웹무비|(?i:\\b(?:drama|series|film|movie|k-drama|sitcom)))"
      ",?\\s*[\"“‘'《<〈「]?\\s*$");
  const size_t b0 = w.begin > 24 ? w.begin - 24 : 0;
  return w.begin <= s.size() && RE2::PartialMatch(s.substr(b0, w.begin - b0), kKind);
}

// True when a Korean quote the gazetteer does not know reads as a phrase about a work or a
// noun rather than as its title: it ends in a kind noun after a space ("‘티빙 드라마’",
// "'넷플릭스 새 시리즈'") or, one word, it is followed straight by a generic noun with no
// particle between ("‘만점’ 라인업", "'꿀' 케미", "‘역대급’ 조합"). (Not 캐스팅 or 출연: "'W'
// 캐스팅" is that title's casting.)
bool KoreanDescriptiveQuote(std::string_view s, const Mention& w) {
  if (!w.quoted || w.work != nullptr) return false;
  static const RE2 kKindLast("\\s(?:드라마|시리즈|영화|예능|오리지널|콘텐츠|작품|신작)$");
  if (RE2::PartialMatch(w.text, kKindLast)) return true;
  if (w.text.find(' ') != std::string::npos || w.end > s.size()) return false;
  static const RE2 kGenericNounNext(
      "^\\s*(?:라인업|케미|조합|군단|커플|행사|열풍|신드롬|비주얼|투샷|투톱)"
      "(?:$|[^\\p{Hangul}]|[을를이가은는의에도과와으로])");
  return RE2::PartialMatch(s.substr(w.end), kGenericNounNext);
}

}  // namespace

namespace {
// Who states a casting cue: the person's side (agency, production, network), a media report, or
// the article itself.
enum class Speaker { kPlain, kAgency, kReport };
const char* SpeakerName(Speaker s) {
  return s == Speaker::kAgency ? "agency" : s == Speaker::kReport ? "report" : "plain";
}
}  // namespace

struct Detector::Analysed {
  std::string text;  // the sentence, valid UTF-8
  SentenceMentions mentions;
  struct CueHit {
    const Rule* rule;
    size_t begin, end;
    Speaker speaker = Speaker::kPlain;  // who states it (casting cues; see ClassifySpeakers)
  };
  std::vector<CueHit> cues;
  bool has_type[2] = {false, false};   // casting, ost
  bool story_cue[2] = {false, false};  // a story_only cue of the type fired
  bool veto[2] = {false, false};
  bool story_veto = false;  // a story_only negative (a listicle headline) fired
  bool veto_all = false;    // a negative cue of every type ("all") fired
  // an OST told as the singer's career ("… OST에 참여해 … 뽐냈던", negative.ko.past_ost_career):
  // background whatever else the story releases, so a dated release elsewhere does not lift it
  bool veto_past_ost = false;
  bool agency = false, report = false;
  bool explicit_report = false;          // a report frame other than a bare question mark
  size_t agency_at = std::string::npos;  // an organisation that speaks ("BH Entertainment said")
  // Phrases naming one project that has no title yet ("an upcoming tvN drama", "최동훈 감독의
  // 신작"), from the project lexicon (configs/rules/project.*.yaml). Kept apart from
  // `mentions` so no title logic sees them; a casting binds to one only when the story names
  // no titled work. Each is a work mention with the text "untitled".
  struct Project {
    Mention mention;
    std::string kind;       // drama | film | series | "" (the rule's status after "project_")
    bool specific = false;  // the phrase names a maker or says "untitled" / "(제목 미정)"
  };
  std::vector<Project> projects;
};

// True when `a` and `b` have the same number of UTF-8 characters, at least four, and differ
// in exactly one of them ("당만닥터김사부3" and "낭만닥터김사부3").
bool OneLetterApart(std::string_view a, std::string_view b) {
  auto chars = [](std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
      size_t n = 1;
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0xF0) {
        n = 4;
      } else if (c >= 0xE0) {
        n = 3;
      } else if (c >= 0xC0) {
        n = 2;
      }
      n = std::min(n, s.size() - i);
      out.push_back(s.substr(i, n));
      i += n;
    }
    return out;
  };
  const auto x = chars(a), y = chars(b);
  if (x.size() != y.size() || x.size() < 4) return false;
  size_t diff = 0;
  for (size_t i = 0; i < x.size() && diff < 2; ++i) diff += x[i] != y[i] ? 1 : 0;
  return diff == 1;
}

// True when ASCII `a` and `b` differ by one inserted, deleted or replaced letter.
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1 || a == b) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

// True when a Korean person mention carries the topic particle 은/는: at the end of its span
// ("김유정은") or right after it, followed by a space.
bool NameHasTopicParticle(std::string_view s, const Mention& p) {
  const std::string_view w = s.substr(p.begin, p.end - p.begin);
  const std::string_view after = s.substr(p.end);
  return w.ends_with("\xEC\x9D\x80") || w.ends_with("\xEB\x8A\x94") ||  // 은 는
         after.starts_with("\xEC\x9D\x80 ") || after.starts_with("\xEB\x8A\x94 ");
}

// "tvN 새 금토드라마 ‘W’", "신작 'W'", "the upcoming drama 'W'": the sentence introduces the work
// m as a new one
bool IntroducedAsNewWork(std::string_view text, const Mention& m) {
  static const RE2 kNewBefore(
      "(?:^|[^가-힣])(?:새|신작|차기작)\\s*(?:[가-힣]{1,4}\\s*)?(?:드라마|영화|시리즈|작품)?\\s*$|"
      "(?i)\\b(?:new|upcoming|forthcoming)\\s+(?:[\\w'’+-]+\\s+){0,3}?(?:drama|series|film|"
      "movie|sitcom)\\s*$");
  const size_t from = m.begin > 40 ? m.begin - 40 : 0;
  std::string_view before = text.substr(from, m.begin - from);
  while (!before.empty() && (static_cast<unsigned char>(before.front()) & 0xC0) == 0x80) {
    before.remove_prefix(1);
  }
  return RE2::PartialMatch(before, kNewBefore);
}

// True when `m` was found in `a` (and not carried over from another sentence of the story,
// whose byte offsets mean nothing here).
bool OwnsMention(const std::vector<Mention>& items, const Mention* m) {
  return !items.empty() && m >= &items.front() && m <= &items.back();
}

struct Detector::Story {
  size_t index = 0;
  std::vector<Analysed> sentences;  // headline first
  bool has_headline = false;        // sentences[0] is a headline (the document has a title)
};

bool Detector::StoryHasCue(const std::vector<std::string_view>& sentences,
                           const std::string& lang) const {
  for (std::string_view s : sentences) {
    if (sentences.size() > 1 && rules_->FindTrigger(s, lang, 0) == std::string_view::npos) continue;
    // (a superset of what the sentence analysis keeps: nothing is masked here)
    if (IsCleanUtf8(s) ? rules_->HasAnnouncingCue(s, lang)
                       : rules_->HasAnnouncingCue(SanitizeUtf8(s), lang)) {
      return true;
    }
  }
  return false;
}

// "김주환이 수인(장신영 분)의 전 남편 역으로 출연한다": an actor credited for a character
// ("(X 분)") is a co-star the story describes, not its news, when the story names someone
// outside such credits; a story told only through credits ("구천(남주혁 분)과 생강(노윤서
// 분)") keeps them.
void Detector::SettleCastCredits(Story* story) {
  bool other = false;
  for (const auto& a : story->sentences) {
    for (const auto& m : a.mentions.items) {
      other = other || (m.kind == MentionKind::kPerson && !m.cast_credit && !m.in_parens);
    }
  }
  if (!other) return;
  for (auto& a : story->sentences) {
    for (auto& m : a.mentions.items) {
      if (m.kind != MentionKind::kPerson || !m.cast_credit || m.aside) continue;
      m.aside = true;
      m.why += ", a character's actor beside the story's news";
    }
  }
}

// "'기적' 임윤아, '갯마을 차차차' 김선호가 뭉쳤다 … <기적> <공조>의 임윤아": a title the story
// names as someone's earlier work anywhere (not in parentheses, which also hold short forms
// of the news title) is that earlier work in every sentence of the story.
void Detector::SettleEarlierWorks(Story* story) {
  // "‘미칠이’ 최정원, … <이장과 군수>에 캐스팅", "'기적' 임윤아": a quoted title written only
  // right before a person's name, with nothing but spaces between, is the person's epithet (an
  // earlier work) when the story names another work that is no such epithet
  {
    std::set<std::string> epithets, others;
    std::vector<Mention*> marked;
    for (auto& a : story->sentences) {
      for (auto& m : a.mentions.items) {
        if (m.kind != MentionKind::kWork || m.aside || m.in_parens || m.not_drama) continue;
        bool before_name = false;
        if (m.quoted) {
          for (const auto& p : a.mentions.items) {
            if (p.kind != MentionKind::kPerson || p.begin <= m.end || p.begin > m.end + 4) continue;
            before_name = std::all_of(a.text.begin() + static_cast<std::ptrdiff_t>(m.end),
                                      a.text.begin() + static_cast<std::ptrdiff_t>(p.begin),
                                      [](char ch) { return ch == ' '; });
            if (before_name) break;
          }
        }
        if (before_name) {
          epithets.insert(NormalizeKey(m.text));
          marked.push_back(&m);
        } else {
          others.insert(NormalizeKey(m.text));
        }
      }
    }
    bool other = false;
    for (const auto& k : others) other = other || !epithets.count(k);
    if (other) {
      for (Mention* m : marked) {
        // (a title the story also writes as a plain work is that work: "'W' 손석구 … 'W'에 출연")
        if (others.count(NormalizeKey(m->text))) continue;
        m->aside = true;
        m->why += ", written before a name as its epithet";
      }
    }
  }
  std::set<std::string> earlier;
  for (const auto& a : story->sentences) {
    for (const auto& m : a.mentions.items) {
      if (m.kind == MentionKind::kWork && m.aside && !m.in_parens && !m.not_drama && !m.alt_title) {
        earlier.insert(NormalizeKey(m.text));
      }
    }
  }
  if (earlier.empty()) return;
  // "tvN 새 금토드라마 ‘W’ … 출연을 확정", "the upcoming drama 'W'": a title the sentence itself
  // introduces as a new work is the news there, whatever another sentence says of it ("‘W’을
  // 통해 첫 도전하는")
  for (auto& a : story->sentences) {
    for (auto& m : a.mentions.items) {
      if (m.kind != MentionKind::kWork || m.aside || !earlier.count(NormalizeKey(m.text))) {
        continue;
      }
      if (IntroducedAsNewWork(a.text, m)) continue;
      m.aside = true;
      m.why += ", named as an earlier work elsewhere in the story";
    }
  }
}

// "The two will release a song titled 'S'. … their upcoming song 'S' will be out at 6 p.m.": a
// quoted title the story names as a song in one sentence is the song in every sentence, so the
// OST's singers bind to the drama the story names, not to their own track. A title the gazetteer
// knows as a work, or one the story writes before "OST" ("'W' OST"), stays a work.
void Detector::SettleSongs(Story* story) {
  std::set<std::string> songs, works;
  static const RE2 kOstAfter(
      "(?i)^\\s*(?:'s\\s+|’s\\s+|의\\s*)?(?:original\\s+)?(?:OST|soundtrack)");
  for (const auto& a : story->sentences) {
    for (const auto& m : a.mentions.items) {
      if (m.kind == MentionKind::kSong) songs.insert(NormalizeKey(m.text));
      if (m.kind == MentionKind::kWork && m.end <= a.text.size() &&
          RE2::PartialMatch(std::string_view(a.text).substr(m.end), kOstAfter)) {
        works.insert(NormalizeKey(m.text));
      }
    }
  }
  if (songs.empty()) return;
  for (auto& a : story->sentences) {
    for (auto& m : a.mentions.items) {
      if (m.kind != MentionKind::kWork || m.work != nullptr || !m.quoted) continue;
      const std::string key = NormalizeKey(m.text);
      if (!songs.count(key) || works.count(key)) continue;
      m.kind = MentionKind::kSong;
      m.why += ", named as a song elsewhere in the story";
    }
  }
}

// "1차 특별출연 라인업을 공개했다. 서현진, 김혜윤, 설인아, 김건우다.", "세 번째 OST가 공개된다.
// 주인공은 A와 B다": a Korean sentence that is only a list of names ending in the copula (다 /
// 이다) says whom the sentence before it announced, so it takes that sentence's casting and OST
// cues (placed at its last byte, with their speakers).
template <typename S>
void JoinCopulaLists(S* story) {
  static const RE2 kGap("\\s*(?:[,·、]|와|과|및|그리고)?\\s*");
  // (a line-up noun may lead as the topic: "주인공은 A와 B다"; "연출은 A다" names no cast)
  static const RE2 kHead(
      "\\s*(?:(?:주인공|주자|가창자|출연진|라인업|주역)(?:은|는)\\s*)?(?:바로\\s*)?");
  for (size_t si = 1; si < story->sentences.size(); ++si) {
    auto& a = story->sentences[si];
    const auto& prev = story->sentences[si - 1];
    if (a.has_type[0] || a.has_type[1] || (!prev.has_type[0] && !prev.has_type[1])) continue;
    std::string_view text = a.text;
    while (!text.empty() && (text.back() == '.' || text.back() == '!' ||
                             std::isspace(static_cast<unsigned char>(text.back())))) {
      text.remove_suffix(1);
    }
    if (!text.ends_with("\xEB\x8B\xA4")) continue;  // 다
    size_t at = 0, names = 0;
    bool only_names = true;
    for (const auto& m : a.mentions.items) {
      if (m.kind != MentionKind::kPerson && m.kind != MentionKind::kGroup) continue;
      if (m.begin < at) continue;
      const std::string_view gap(a.text.data() + at, m.begin - at);
      if (!RE2::FullMatch(gap, names == 0 ? kHead : kGap)) {
        only_names = false;
        break;
      }
      at = m.end;
      ++names;
    }
    // (the copula is inside the last name's token: "김건우다.", "서현진이다.")
    const size_t tail_end = static_cast<size_t>(text.data() + text.size() - a.text.data());
    if (!only_names || names == 0 || at < tail_end) continue;
    for (const auto& c : prev.cues) {
      if (c.rule->type != RuleType::kCasting && c.rule->type != RuleType::kOst) continue;
      auto copy = c;
      copy.begin = a.text.size() - 1;  // (the sentence's last byte: inside its last clause)
      copy.end = a.text.size();
      a.cues.push_back(copy);
      if (!c.rule->modifier && !c.rule->story_only) {
        a.has_type[c.rule->type == RuleType::kCasting ? 0 : 1] = true;
      }
    }
    a.agency = a.agency || prev.agency;
    a.report = a.report || prev.report;
  }
}

// "소유, 김필, 헤이즈 등이 참여한다", "싱어송라이터 시온과, 올라운더 홍이삭, 도리(dori), …
// 일레인까지 OST에 참여한다", "배우 정유민과 남태부가 출연한다": in a Korean sentence with a
// casting or OST cue, an item of a coordinated list is a person when an item next to it is one
// and it is written like a name (one word of two to four Hangul syllables, with a particle and a
// romanised gloss in parentheses at most, after at most one describing word). A list joined by
// 와 / 과 alone takes only a three-syllable name that opens with a surname. Items in parentheses
// (credits) and words that are no names (pronouns, roles, 함께) are left alone.
// "그룹 이달의 소녀(LOONA) 멤버 진솔이 … 진솔은 …": a name the gazetteer gives to two people
// is, in every sentence of the story, the one whose group the story names (one person, not
// an idol and a namesake).
template <typename S>
void SettleHomonyms(S* story) {
  std::set<std::string> groups;
  for (const auto& a : story->sentences) {
    for (const auto& m : a.mentions.items) {
      if (m.kind == MentionKind::kGroup) groups.insert(NormalizeKey(m.text));
      if (m.kind == MentionKind::kPerson && !m.group.empty()) groups.insert(NormalizeKey(m.group));
    }
  }
  std::map<std::string, const GazetteerPerson*> tied;
  for (const auto& a : story->sentences) {
    for (const auto& m : a.mentions.items) {
      if (m.kind == MentionKind::kPerson && m.person != nullptr && !m.person->group.empty() &&
          groups.count(NormalizeKey(m.person->group)) > 0) {
        tied.emplace(NormalizeKey(m.text), m.person);
      }
    }
  }
  if (tied.empty()) return;
  for (auto& a : story->sentences) {
    for (auto& m : a.mentions.items) {
      if (m.kind != MentionKind::kPerson || m.person == nullptr) continue;
      auto it = tied.find(NormalizeKey(m.text));
      if (it == tied.end() || it->second == m.person) continue;
      if (!m.person->group.empty() && groups.count(NormalizeKey(m.person->group)) > 0) continue;
      m.person = it->second;
    }
  }
}

template <typename S>
void CompleteKoreanLists(S* story, const Gazetteer& g) {
  static const std::set<std::string, std::less<>> kNoName = {
      "그녀",         "이들",     "모두",   "각각",   "함께",     "역시",   "또한", "특히",
      "이어",         "현재",     "최근",   "이번",   "당시",     "직접",   "배우", "가수",
      "그룹",         "감독",     "작가",   "극본",   "연출",     "제작",   "주연", "조연",
      "출연",         "드라마",   "영화",   "작품",   "관계자",   "소속사", "멤버", "그리고",
      "주인공",       "남자",     "여자",   "선배",   "후배",     "동료",   "사람", "두사람",
      "세사람",       "이상",     "가창",   "참여",   "호흡",     "신예",   "대세", "실력파",
      "보컬",         "래퍼",     "아이돌", "걸그룹", "보이그룹", "밴드",   "듀오", "솔로",
      "싱어송라이터", "프로듀서", "작곡가", "작사가", "캐스팅",   "라인업", "주자", "출연진",
      "제작진",       "시청자",   "팬",     "팬들",   "관객"};
  static const RE2 kParenGloss("\\s*\\([^()]{1,30}\\)$");
  for (auto& a : story->sentences) {
    // (a sentence with no cue is read too when it names two or more people: the names-only
    // line of a line-up, "A X B X C 다국적 룸메이트", whose cue stands in the headline or the
    // next sentence)
    if (!a.has_type[0] && !a.has_type[1]) {
      int people = 0;
      for (const auto& m : a.mentions.items) {
        if (m.kind == MentionKind::kPerson && !m.aside && !m.in_parens) ++people;
      }
      if (people < 2) continue;
    }
    const std::string& t = a.text;
    auto is_person_at = [&](size_t b, size_t e) {
      for (const auto& m : a.mentions.items) {
        if ((m.kind == MentionKind::kPerson || m.kind == MentionKind::kGroup) && !m.aside &&
            !m.in_parens && m.begin < e && m.end > b) {
          return true;
        }
      }
      return false;
    };
    auto covered = [&](size_t b, size_t e) {
      for (const auto& m : a.mentions.items) {
        if (m.begin < e && m.end > b) return true;
      }
      return false;
    };
    // words with byte spans, and the parenthesis depth before each
    struct Word {
      size_t b, e;
      int depth;
    };
    std::vector<Word> words;
    int depth = 0;
    for (size_t i = 0; i < t.size();) {
      while (i < t.size() && t[i] == ' ') ++i;
      const size_t b = i;
      const int d0 = depth;
      while (i < t.size() && t[i] != ' ') {
        if (t[i] == '(') ++depth;
        if (t[i] == ')' && depth > 0) --depth;
        ++i;
        // ("정준일X이원석X빅스 켄": an X between two Hangul syllables joins names like a comma
        // and ends the word)
        if (t[i - 1] == 'X' && i >= 4 && i + 3 <= t.size() && AllHangul(t.substr(i - 4, 3)) &&
            AllHangul(t.substr(i, 3))) {
          break;
        }
      }
      if (i > b) words.push_back({b, i, d0});
    }
    // The name a word holds, "" when it is written like no name: the word without a final
    // list mark, a romanised gloss "(dori)" and a particle.
    auto name_in = [&](const Word& w, bool surname_only) -> std::string {
      if (w.depth > 0) return "";
      std::string s(t.data() + w.b, w.e - w.b);
      while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == 'X')) s.pop_back();
      if (s.ends_with("\xC2\xB7")) s.resize(s.size() - 2);  // ·
      re2::StringPiece sp(s);
      std::string core = s;
      if (RE2::PartialMatch(sp, kParenGloss)) core = s.substr(0, s.rfind('('));
      if (core.ends_with("\xEB\x93\xB1")) core.resize(core.size() - 3);  // 등
      if (KoreanWordIsNoName(core)) return "";  // "안무가" before its 가 is taken for a particle
      core = StripKoreanParticle(core);
      // only Hangul syllables (three bytes each), two to four of them
      if (core.size() < 6 || core.size() > 12 || !AllHangul(core)) return "";
      if (KoreanWordIsNoName(core)) return "";  // "공개되며", "스타들", "역에(는)"
      if (kNoName.count(core) || g.FindOrganisation(core) != nullptr ||
          g.FindNetwork(core) != nullptr || g.FindWork(core) != nullptr) {
        return "";
      }
      if (surname_only) {
        static const std::set<std::string, std::less<>> kSurnames = {
            "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신",
            "권", "황", "안", "송", "전", "홍", "유", "고", "문", "양", "손", "배", "백", "허",
            "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민", "류", "나", "진",
            "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변", "염", "여", "추", "도"};
        if (core.size() != 9 || !kSurnames.count(core.substr(0, 3))) return "";
      }
      return core;
    };
    auto ends_list_mark = [&](const Word& w) {
      const std::string_view s(t.data() + w.b, w.e - w.b);
      return s.ends_with(",") || s.ends_with("\xC2\xB7") || s.ends_with("\xE3\x80\x81") ||
             (s.ends_with("X") && s.size() > 1 &&
              static_cast<unsigned char>(s[s.size() - 2]) >= 0x80);
    };
    auto ends_and = [&](const Word& w) {
      const std::string_view s(t.data() + w.b, w.e - w.b);
      return s.ends_with("\xEC\x99\x80") || s.ends_with("\xEA\xB3\xBC");  // 와 과
    };
    std::vector<char> person(words.size(), 0);
    for (size_t k = 0; k < words.size(); ++k) {
      person[k] = is_person_at(words[k].b, words[k].e) ? 1 : 0;
    }
    std::vector<Mention> added;
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t k = 0; k < words.size(); ++k) {
        if (person[k] || covered(words[k].b, words[k].e)) continue;
        // a list mark between this word (or the describing word before it) and a person
        bool comma_link = false, and_link = false;
        for (size_t back = 1; back <= 2 && k >= back; ++back) {
          const size_t p = k - back;
          // (one describing word may stand between: "시온과, 올라운더 홍이삭"; a name may not)
          if (!ends_list_mark(words[p]) && !(back == 1 && ends_and(words[p]))) {
            if (person[p]) break;
            continue;
          }
          if (person[p]) {
            (ends_list_mark(words[p]) ? comma_link : and_link) = true;
          }
          break;
        }
        // (a name before one: the word opens the sentence or follows a list mark itself —
        // "…에 이어, 소유, 김필"; "관계자에 따르면, A는" ends a clause; or it stands between
        // two names, after one's 와 and before the other with a comma: "황우슬혜와 사희, 김진우")
        if (k + 1 < words.size() && person[k + 1] &&
            (k == 0 || ends_list_mark(words[k - 1]) || (person[k - 1] && ends_and(words[k - 1])))) {
          if (ends_list_mark(words[k])) comma_link = true;
          if (ends_and(words[k])) and_link = true;
        }
        if (!comma_link && !and_link) continue;
        // ("박세완X신현승X한현민 다국적 …": an X between Hangul names joins only names, so the last
        // item of such a list needs no particle)
        const bool x_link =
            comma_link && k > 0 && person[k - 1] && t.compare(words[k - 1].e - 1, 1, "X") == 0;
        // (the word closes a list item: a list mark, 와 / 과, a subject particle, 등 or 까지;
        // "A, 극중 …" opens a new phrase)
        static const RE2 kItemEnd("(?:이|가|은|는|도|등|까지|와|과|[,·、]|[가-힣]X)$");
        const std::string_view word(t.data() + words[k].b, words[k].e - words[k].b);
        const bool next_etc =
            k + 1 < words.size() && std::string_view(t.data() + words[k + 1].b,
                                                     words[k + 1].e - words[k + 1].b)
                                        .starts_with("\xEB\x93\xB1");  // 등
        if (!RE2::PartialMatch(word, kItemEnd) && !next_etc && !x_link) continue;
        const std::string name = name_in(words[k], !comma_link);
        if (name.empty()) continue;
        Mention m;
        m.kind = MentionKind::kPerson;
        m.begin = words[k].b;
        m.end = words[k].e;
        m.text = name;
        m.person = g.FindPerson(name);
        m.why = "an item of a list next to a person";
        added.push_back(std::move(m));
        person[k] = 1;
        grew = true;
      }
    }
    if (added.empty()) continue;
    for (auto& m : added) a.mentions.items.push_back(std::move(m));
    std::stable_sort(a.mentions.items.begin(), a.mentions.items.end(),
                     [](const Mention& x, const Mention& y) { return x.begin < y.begin; });
  }
}

// The speaker of each casting cue of a sentence, from the frame cues (configs/rules/frames.*)
// and where they stand:
//  - a cue inside quotation marks in a sentence where the person's side speaks is that side's
//    statement ("관계자는 “제안을 받고 검토 중”이라고 밝혔다", "stated, “She is reviewing it”");
//  - a report frame governs the cues it introduces: in English every cue of its sentence
//    ("reportedly in talks", "A will star, according to reports"), unless it is a report the
//    side answers ("responded to the reports") or an old one ("a year after he was first
//    reported", which speaks only of the cue right after it); in Korean the cues before it
//    ("…캐스팅됐다고 보도했다", "…합류한 것으로 알려졌다"), or after it when it names the
//    source first ("…에 따르면", "한 매체는");
//  - when a report and the person's side both govern a cue, the nearer frame speaks;
//  - any other cue of a sentence where the person's side speaks is theirs; the rest is plain.
// So "has been confirmed, a year after they were reported to be in talks" keeps a plain
// confirmation beside an old report, and a statement quoted in a report's sentence stays the
// agency's.
template <typename A>
void ClassifySpeakers(bool ko, A* a) {
  // ("responded to the reports", "denied the report": a report answered is no speaker; "a
  // year after he was first reported", "earlier reports": an old report speaks only of its own
  // clause)
  static const RE2 kAnswered(
      "(?i)(?:respon\\w*|react\\w*|den(?:y|ied|ies|ying)|refut\\w*|address\\w*|regarding|"
      "about|clarif\\w*)\\s+(?:to\\s+)?(?:(?:the|these|those|such|this|that|media|earlier|recent)"
      "\\s+)*$");
  static const RE2 kBackground(
      "(?i)\\b(?:(?:a|one|two|three|several|some|a\\s+few)\\s+(?:years?|months?|weeks?)\\s+after|"
      "(?:years?|months?|weeks?)\\s+since)\\b");
  // ("Previously, it was reported that …", "Earlier, we reported that …", "initially reported":
  // what was reported before the news is background too)
  static const RE2 kEarlier(
      "(?i)\\b(?:previously|earlier|initially|originally|at\\s+first)\\b[\\s,]*"
      "(?:(?:it|this|that|he|she|they)\\s+(?:was|were|had\\s+been|has\\s+been)\\s+(?:first\\s+)?|"
      "(?:we|media\\s+outlets?|outlets?|many|some)\\s+(?:had\\s+)?(?:first\\s+)?)?$");
  std::vector<std::pair<size_t, size_t>> agency, report, background;
  bool question = false;  // "A to star in 'W'?": a headline that asks is a rumour
  for (const auto& c : a->cues) {
    if (c.rule->type != RuleType::kFrame) continue;
    if (c.rule->status == "agency") agency.emplace_back(c.begin, c.end);
    if (c.rule->status != "report" && c.rule->status != "rumor") continue;
    if (c.rule->id.find("question") != std::string::npos) {
      question = true;
      continue;
    }
    const size_t from = c.begin > 40 ? c.begin - 40 : 0;
    const re2::StringPiece before(a->text.data() + from, c.begin - from);
    if (!ko && RE2::PartialMatch(before, kAnswered)) continue;
    if (!ko && (RE2::PartialMatch(before, kBackground) || RE2::PartialMatch(before, kEarlier))) {
      background.emplace_back(c.begin, c.end);
      continue;
    }
    report.emplace_back(c.begin, c.end);
  }
  if (!ko && report.empty() && !background.empty()) a->explicit_report = false;
  if (a->agency_at != std::string::npos) agency.emplace_back(a->agency_at, a->agency_at + 1);
  const std::string& t = a->text;
  // quoted spans: “…”, "…" (a statement; titles are in single quotes)
  std::vector<std::pair<size_t, size_t>> quotes;
  for (size_t i = 0; i < t.size();) {
    const bool curly = t.compare(i, 3, "\xE2\x80\x9C") == 0;
    if (!curly && t[i] != '"') {
      ++i;
      continue;
    }
    const size_t open_end = i + (curly ? 3 : 1);
    const size_t close = curly ? t.find("\xE2\x80\x9D", open_end) : t.find('"', open_end);
    if (close == std::string::npos) break;
    quotes.emplace_back(open_end, close);
    i = close + (curly ? 3 : 1);
  }
  auto distance = [](size_t cb, size_t ce, const std::pair<size_t, size_t>& f) -> size_t {
    if (f.second <= cb) return cb - f.second;
    if (f.first >= ce) return f.first - ce;
    return 0;
  };
  // ("확정된다면": a condition, of what follows)
  static const std::vector<std::string> kOpeners = {"따르면", "는", "은", "가", "에서", "면"};
  for (auto& c : a->cues) {
    if (c.rule->type != RuleType::kCasting) continue;
    bool quoted = false;
    for (const auto& q : quotes) quoted = quoted || (c.begin >= q.first && c.end <= q.second);
    if (quoted && !agency.empty()) {
      c.speaker = Speaker::kAgency;
      continue;
    }
    size_t near_report = std::string::npos, near_agency = std::string::npos;
    for (const auto& f : report) {
      const std::string_view ft(t.data() + f.first, f.second - f.first);
      bool governs;
      if (ko) {
        // ("…에 따르면", "한 매체는": a source named first speaks of what follows)
        bool opens = false;
        for (const std::string& tail : kOpeners) opens = opens || ft.ends_with(tail);
        governs = opens ? f.first <= c.begin : f.first >= c.end;
        // ("A가 주연을 맡은 'W'의 캐스팅이 화제인 반면, 출연설이 제기된 B 측은 …", "A가 출연을
        // 확정한 가운데 B도 합류한 것으로 알려졌다": a report verb speaks back to the turn of the
        // sentence, not across it)
        static const RE2 kTurn("(?:반면|가운데|와\\s*달리|과\\s*달리|하지만|그러나)");
        if (governs && !opens &&
            RE2::PartialMatch(re2::StringPiece(t.data() + c.end, f.first - c.end), kTurn)) {
          governs = false;
        }
      } else {
        governs = true;  // (English moves its sources about: "A will star, sources said")
      }
      if (governs) near_report = std::min(near_report, distance(c.begin, c.end, f));
    }
    for (const auto& f : background) {  // (its own clause only: the cue right after it)
      if (f.first <= c.begin && c.begin - f.second <= 16) {
        near_report = std::min(near_report, distance(c.begin, c.end, f));
      }
    }
    if (question) near_report = 0;
    for (const auto& f : agency) near_agency = std::min(near_agency, distance(c.begin, c.end, f));
    // "the producers officially revealed that A would be joining …, reported the outlet X": in
    // English the side that introduces the cue with "that" speaks; a report after the cue only
    // names who carried the statement (one between the two still speaks)
    if (!ko && near_report != std::string::npos) {
      static const RE2 kIntro("^\\s*(?:that|:)\\s");
      for (const auto& f : agency) {
        if (f.second > c.begin ||
            !RE2::PartialMatch(std::string_view(t).substr(f.second), kIntro)) {
          continue;
        }
        bool between = false;
        for (const auto& r : report) between = between || (r.first >= f.second && r.first < c.end);
        if (!between && !question) near_report = std::string::npos;
      }
    }
    if (near_report != std::string::npos && near_report < near_agency) {
      c.speaker = Speaker::kReport;
    } else if (near_agency != std::string::npos) {
      c.speaker = Speaker::kAgency;
    }
  }
}

namespace {

// A match of the project lexicon (configs/rules/project.*.yaml) as one untitled project of the
// sentence. Its text is the constant "untitled", so the phrasings of one story ("최동훈 감독의
// 신작", "새 영화") are one work; the phrase itself is kept in `why`. A phrase after a word of
// number ("several new dramas", "여러 새 드라마") speaks of offers in general, and one with a
// quote right after it has a title: no project.
template <typename A>
void AddProjectTo(const Rule& rule, size_t b, size_t e, A* a) {
  static const RE2 kMany(
      "(?i)(?:\\b(?:several|multiple|numerous|various|many|some|other|few|two|three)|여러|"
      "다수의?|몇몇|각종|복수의?)\\s*(?:\\S+\\s+)?$");
  const std::string& text = a->text;
  const size_t from = b > 24 ? b - 24 : 0;
  if (RE2::PartialMatch(re2::StringPiece(text.data() + from, b - from), kMany)) return;
  // "tvN 새 드라마 ‘X’", "new drama 'X'": a quote right after the phrase is its title, even
  // when the finders did not keep it as one (a one-word or generic-looking title)
  static const RE2 kQuoteNext("^\\s*['\"‘“《〈「『<]");
  if (RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), kQuoteNext)) return;
  for (const auto& p : a->projects) {
    if (b < p.mention.end && p.mention.begin < e) return;  // one project per phrase
  }
  typename A::Project p;
  p.mention.kind = MentionKind::kWork;
  p.mention.begin = b;
  p.mention.end = e;
  p.mention.text = "untitled";
  p.kind = rule.status.substr(std::string("project_").size());
  if (p.kind == "other") p.kind.clear();
  static const RE2 kSpecific(
      "(?i)director|writer|filmmaker|producer|showrunner|auteur|\\bPD\\b|untitled|감독|작가|"
      "피디|연출|미정|가제");
  p.specific = RE2::PartialMatch(text.substr(b, e - b), kSpecific);
  p.mention.why = "untitled project '" + text.substr(b, e - b) + "' (" + rule.id + ")";
  a->projects.push_back(std::move(p));
}

}  // namespace

void Detector::AnalyseSentence(std::string_view sentence, const std::string& lang, Analysed* a,
                               const std::vector<std::string>& story_titles) const {
  a->text = SanitizeUtf8(sentence);
  a->mentions = FindMentions(a->text, lang, *gazetteer_);
  // "Rookie Historian Goo Hae Ryun: A & B are reviewing … 'Rookie Historian Goo Hae Ryun'": a
  // quoted title of several words repeated without quotes in the sentence is that title; the
  // names and shorter titles found inside the repetition are parts of it
  {
    std::vector<std::pair<size_t, size_t>> repeats;
    for (const auto& w : a->mentions.items) {
      if (w.kind != MentionKind::kWork || !w.quoted || w.text.find(' ') == std::string::npos) {
        continue;
      }
      for (size_t at = a->text.find(w.text); at != std::string::npos;
           at = a->text.find(w.text, at + 1)) {
        const size_t end = at + w.text.size();
        if (at < w.end && end > w.begin) continue;  // the quoted title itself
        const auto word = [&](size_t i) {
          const unsigned char ch = static_cast<unsigned char>(a->text[i]);
          return std::isalnum(ch) || ch >= 0x80;
        };
        if ((at > 0 && word(at - 1)) || (end < a->text.size() && word(end))) continue;
        repeats.emplace_back(at, end);
      }
    }
    auto& items = a->mentions.items;
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const Mention& m) {
                                 if (m.kind != MentionKind::kPerson &&
                                     m.kind != MentionKind::kGroup &&
                                     (m.kind != MentionKind::kWork || m.quoted)) {
                                   return false;
                                 }
                                 for (const auto& [b, e] : repeats) {
                                   if (m.begin >= b && m.end <= e) return true;
                                 }
                                 return false;
                               }),
                items.end());
  }
  // a variety, reality or audition show the gazetteer knows ('I Live Alone', '런닝맨') is no
  // drama or film, unless the text itself calls the title a drama or film
  for (auto& m : a->mentions.items) {
    static const RE2 kCalledDrama(
        "(?:(?i:\\b(?:drama|series|film|movie|k-drama|sitcom))|드라마|영화|시리즈),?\\s*[“\"‘'《<"
        "〈]?$");
    const size_t b0 = m.begin > 24 ? m.begin - 24 : 0;
    if (m.kind == MentionKind::kWork && m.work != nullptr && m.work->kind == "variety" &&
        !RE2::PartialMatch(re2::StringPiece(a->text.data() + b0, m.begin - b0), kCalledDrama)) {
      m.aside = true;
      m.not_drama = true;
      m.why += ", a variety show (gazetteer)";
      continue;
    }
    // "‘일요일이 좋다-서바이벌 오디션 K팝스타’": a title the gazetteer does not know that names
    // itself an audition or survival show (or a 예능) is no drama either
    static const RE2 kShowTitle("오디션|서바이벌|예능|(?i:\\baudition\\b|\\bsurvival\\b)");
    if (m.kind == MentionKind::kWork && m.work == nullptr && !m.not_drama &&
        RE2::PartialMatch(m.text, kShowTitle) &&
        !RE2::PartialMatch(re2::StringPiece(a->text.data() + b0, m.begin - b0), kCalledDrama)) {
      m.aside = true;
      m.not_drama = true;
      m.why += ", a show by its own title";
    }
  }
  // Cues never fire inside a title: a drama called 'Cast Away' is no casting news.
  // (Quoted statements stay readable: "…is positively reviewing the offer".)
  std::string masked = a->text;
  for (const auto& m : a->mentions.items) {
    const bool title = m.kind == MentionKind::kWork || m.kind == MentionKind::kSong ||
                       (m.kind == MentionKind::kRole && m.quoted) || m.epithet;
    if (!title) continue;
    for (size_t i = m.begin; i < m.end && i < masked.size(); ++i) masked[i] = ' ';
    // ("미국 국적의 '제이미'를 맡았다": in Korean a quoted character reads as the role noun it
    // stands for, so "'X'를 맡았다" is the cue "역을 맡았다")
    if (lang == "ko" && m.kind == MentionKind::kRole && m.quoted && m.end <= masked.size() &&
        m.end - m.begin >= 6) {
      masked.replace(m.end - 3, 3, "\xEC\x97\xAD");  // 역
    }
  }
  // "'A Wonderful Rumor' ... A Wonderful Rumor (working title) has announced its cast": a title
  // the story named before is a title again when repeated without quotes (several words only,
  // whole words, as written)
  for (const auto& t : story_titles) {
    if (t.find(' ') == std::string::npos) continue;
    for (size_t at = a->text.find(t); at != std::string::npos; at = a->text.find(t, at + 1)) {
      const size_t end = at + t.size();
      auto word = [&](size_t i) {
        const unsigned char ch = static_cast<unsigned char>(a->text[i]);
        return std::isalnum(ch) || ch >= 0x80;
      };
      if ((at > 0 && word(at - 1)) || (end < a->text.size() && word(end))) continue;
      for (size_t i = at; i < end; ++i) masked[i] = ' ';
    }
  }
  for (const Rule* r : rules_->Fired(masked, lang)) {
    const bool project = r->type == RuleType::kNegative && r->status.rfind("project_", 0) == 0;
    for (const auto& [b, e] : rules_->FindAll(*r, masked, 8)) {
      if (project) {
        AddProjectTo(*r, b, e, a);
      } else {
        a->cues.push_back({r, b, e});
      }
    }
  }
  std::sort(a->cues.begin(), a->cues.end(),
            [](const Analysed::CueHit& x, const Analysed::CueHit& y) { return x.begin < y.begin; });
  if (lang == "en") {
    DropGovernedCastingCues(a->text, &a->cues);
    DropDescriptiveVetoes(a->text, a->mentions.items, &a->cues);
    // "an industry representative told X", "according to industry officials": a speaker the
    // report words qualify is a source of the media, not the person's side; an agency frame
    // overlapping a report frame is dropped. ("B Entertainment reported, …": a report word
    // that is the verb of an agency frame, inside it and after its start, is the agency's
    // statement; the report frame is dropped instead.)
    auto is_frame = [](const Analysed::CueHit& c, const char* status) {
      return c.rule->type == RuleType::kFrame && c.rule->status == status;
    };
    std::vector<Analysed::CueHit> kept;
    for (const auto& c : a->cues) {
      bool drop = false;
      for (const auto& r : a->cues) {
        if (is_frame(c, "agency") && is_frame(r, "report") && r.begin < c.end && c.begin < r.end &&
            !(c.begin < r.begin && r.end <= c.end)) {
          drop = true;
        }
        if (is_frame(c, "report") && is_frame(r, "agency") && r.begin < c.begin && c.end <= r.end) {
          drop = true;
        }
      }
      if (!drop) kept.push_back(c);
    }
    a->cues = std::move(kept);
  }
  if (lang == "ko") AdjustKoreanCues(a->text, *rules_, &a->cues);
  // "드라마 'W'의 주인공 A가 10일 방송되는 '연예가중계'에 출연한다": when every casting cue of a
  // Korean sentence has a variety or news show the gazetteer knows as its object (the title
  // with 에 / 에서 right before the cue), the sentence tells a show appearance; it casts nobody
  // in the drama it also names
  if (lang == "ko") {
    static const RE2 kShowObject("^['’\"”>》〉]?\\s*(?:에|에서|에도|에서도)\\s*$");
    int casting_cues = 0, show_cues = 0;
    for (const auto& c : a->cues) {
      if (c.rule->type != RuleType::kCasting || c.rule->modifier || c.rule->story_only) continue;
      ++casting_cues;
      for (const auto& m : a->mentions.items) {
        if (m.kind != MentionKind::kWork || !m.not_drama || m.end > c.begin ||
            c.begin - m.end > 12) {
          continue;
        }
        if (RE2::FullMatch(re2::StringPiece(a->text.data() + m.end, c.begin - m.end),
                           kShowObject)) {
          ++show_cues;
          break;
        }
      }
    }
    if (casting_cues > 0 && show_cues == casting_cues) a->veto[0] = true;
  }
  for (const auto& c : a->cues) {
    switch (c.rule->type) {
      case RuleType::kCasting:
        if (!c.rule->modifier && !c.rule->story_only) a->has_type[0] = true;
        if (c.rule->story_only) a->story_cue[0] = true;
        break;
      case RuleType::kOst:
        if (!c.rule->modifier && !c.rule->story_only) a->has_type[1] = true;
        if (c.rule->story_only) a->story_cue[1] = true;
        break;
      case RuleType::kNegative:
        if (c.rule->story_only) a->story_veto = true;
        if (c.rule->status == "all") a->veto_all = true;
        if (c.rule->status == "casting" || c.rule->status == "all") a->veto[0] = true;
        if (c.rule->status == "ost" || c.rule->status == "all") a->veto[1] = true;
        if (c.rule->id.ends_with(".past_ost_career")) a->veto_past_ost = true;
        if (c.rule->status == "work") {
          // the title next to the cue is a show, an album, a concert: not a drama or film
          // ("an OST single for the drama X" is the soundtrack's single: no veto)
          static const RE2 kOstBefore("(?i)(?:OST|O\\.S\\.T\\.?|soundtrack)\\s*$");
          const size_t from = c.begin >= 16 ? c.begin - 16 : 0;
          if (RE2::PartialMatch(re2::StringPiece(a->text.data() + from, c.begin - from),
                                kOstBefore)) {
            break;
          }
          // "웹툰 원작 드라마 'X'", "동명 웹툰을 원작으로 한", "웹툰 작가로 출격": a webtoon or
          // novel as the drama's source, or a webtoon artist's part, says nothing of the title
          static const RE2 kSourceNext("^\\s*(?:을|를)?\\s*(?:원작|작가)");
          const std::string_view cue_text =
              std::string_view(a->text).substr(c.begin, c.end - c.begin);
          const bool source_noun =
              (cue_text == "웹툰" || cue_text == "소설") &&
              RE2::PartialMatch(re2::StringPiece(a->text.data() + c.end, a->text.size() - c.end),
                                kSourceNext);
          if (source_noun) break;
          for (auto& m : a->mentions.items) {
            if (m.kind != MentionKind::kWork) continue;
            // (a cue may end a few bytes into the masked title: "musical" + 2 spaces)
            bool near_before = m.begin + 4 >= c.end && m.begin <= c.end + 24 && m.end > c.end;
            // "소설을 각색한 영화 '아버지'": a film or drama noun right before the title, after
            // the cue, says what the title is (the novel is its source)
            static const RE2 kKindRightBefore(
                "(?:영화|드라마|(?i:film|movie|drama|series))\\s*[\\x{2018}\\x{201C}'\"<"
                "\\x{300A}\\x{3008}]?\\s*$");
            if (near_before && m.begin > c.end &&
                RE2::PartialMatch(re2::StringPiece(a->text.data() + c.end, m.begin - c.end),
                                  kKindRightBefore)) {
              near_before = false;
            }
            const bool near_after = c.begin >= m.end && c.begin - m.end <= 12;
            // "'X' OST 앨범", "the 'X' OST album": the album is the soundtrack's
            static const RE2 kOstNext(
                "(?i)^\\s*(?:'s\\s+|’s\\s+|의\\s*)?(?:OST|O\\.S\\.T|soundtrack|sound\\s+track|"
                "주제가)");
            const bool ost_next = RE2::PartialMatch(
                re2::StringPiece(a->text.data() + m.end, a->text.size() - m.end), kOstNext);
            // ("웹툰 'X' OST", "the mobile game 'X' OST": a medium named before the title
            // makes the soundtrack that medium's, not a drama's)
            static const RE2 kMedium(
                "(?i)웹툰|웹소설|소설|게임|애니메이션|뮤지컬|연극|webtoon|novel|game|musical");
            const bool medium_before =
                near_before &&
                RE2::FullMatch(re2::StringPiece(cue_text.data(), cue_text.size()), kMedium);
            if ((near_before || near_after) && (!ost_next || medium_before)) {
              m.aside = true;
              m.not_drama = true;
              m.why += ", not a drama/film (" + c.rule->id + ")";
            }
          }
        }
        break;
      case RuleType::kRelease:
      case RuleType::kCollab:
        break;  // read by DetectMusicProjects (music_projects.h)
      case RuleType::kFrame:
        if (c.rule->status == "agency") a->agency = true;
        if (c.rule->status == "report" || c.rule->status == "rumor") {
          a->report = true;
          // ("Are you excited?" ends many stories: no source of the casting)
          if (c.rule->id.find("question") == std::string::npos) a->explicit_report = true;
        }
        break;
    }
  }
  // "BH Entertainment said, …": an agency or production company that speaks is the
  // person's side (outlets and charities are not)
  // ("Cube Entertainment, representing the idol, stated": an apposition may come between)
  if (!a->agency) {
    static const RE2 kSpeaks(
        "(?i)^[\\s,]*(?:[^,.;:!?\"“”]{1,40},\\s*)?"
        "(?:also\\s+|later\\s+|then\\s+|officially\\s+)?(?:said|says|stated|states|told|"
        "revealed|reveals|commented|comments|explained|explains|added|confirmed|confirms|announced|"
        "clarified|responded|측은|측이|관계자는|는|은)");
    for (const auto& m : a->mentions.items) {
      // (in English a network or platform that speaks is the production side: "TVING said")
      const bool network = lang == "en" && m.kind == MentionKind::kNetwork;
      if (m.kind != MentionKind::kOrganisation && !network) continue;
      const GazetteerOrganisation* org = network ? nullptr : gazetteer_->FindOrganisation(m.text);
      if (org != nullptr && (org->kind == "outlet" || org->kind == "charity")) continue;
      if (RE2::PartialMatch(re2::StringPiece(a->text.data() + m.end, a->text.size() - m.end),
                            kSpeaks)) {
        a->agency = true;
        a->agency_at = m.begin;
        break;
      }
    }
  }
  ClassifySpeakers(lang == "ko", a);
}

namespace {

// Whether `text` (a person mention's surface form) is a whole name rather than a
// fragment such as a surname after the full name ("Bae" after "Bae Doona"): a spelling
// the gazetteer knows, a romanised name of two or more parts, or two or more Hangul
// syllables with no Latin letter.
bool IsFullNameAsWritten(const std::string& text, const Gazetteer& gazetteer) {
  if (text.empty() || text.size() > 80) return false;
  // quotes, brackets and ellipses are the sentence's, not the name's ("Kim Hye-yoon...")
  static const RE2 kNotOfAName("[\"“”‘()\\[\\]<>《》〈〉「」…]|\\.\\.|[,;:!?]");
  if (RE2::PartialMatch(text, kNotOfAName)) return false;
  if (gazetteer.FindPerson(text) != nullptr) return true;
  if (ContainsHangul(text)) {
    const bool latin = std::any_of(text.begin(), text.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    });
    return !latin && text.size() >= 6;  // two syllables of three bytes each
  }
  return text.find_first_of(" -") != std::string::npos;
}

}  // namespace

PersonRef PersonFromMention(const Mention& m, const Gazetteer& gazetteer) {
  PersonRef p;
  const GazetteerPerson* gp = m.person;
  if (gp == nullptr && m.kind == MentionKind::kGroup) {
    p.name = m.text;
    p.idol = true;
    p.resolved = gazetteer.FindGroup(m.text).has_value();
    p.key = NormalizeKey(m.text);
    return p;
  }
  if (gp != nullptr) {
    p.name = gp->name;
    p.native = gp->native;
    // The label rules name people as the source writes them ("Jo Byung-gyu" where the
    // gazetteer says "Jo Byung-kyu", 임시완 where it keeps the stage name 시완): a full
    // spelling in the text replaces the gazetteer's in its script; the key stays the
    // gazetteer's, so ids and merging do not depend on an outlet's spelling.
    if (IsFullNameAsWritten(m.text, gazetteer)) {
      if (ContainsHangul(m.text)) {
        p.native = m.text;
      } else {
        p.name = m.text;
      }
    }
    // the group only when the text ties the person to it ("EXO's Suho", "그룹 엑소 멤버
    // 수호"): a member the text names alone has none (detection-labels.md)
    p.group = m.group;
    p.idol = gp->kind == PersonKind::kIdol;
    p.resolved = true;
    p.key = gp->id;
    p.actor = gp->kind == PersonKind::kActor || gp->also_actor;
    return p;
  }
  p.name = m.text;
  if (ContainsHangul(m.text)) p.native = m.text;
  p.group = m.group;
  p.idol = !m.group.empty();
  p.resolved = false;
  p.key = NormalizeKey(m.text);
  return p;
}

PersonRef Detector::ResolvePerson(const Mention& m) const {
  return PersonFromMention(m, *gazetteer_);
}

namespace {

// The network mention `m` of `sentence` as the text writes it ("KBS 2TV", "넷플릭스", "tvN"
// out of "tvN은"); the gazetteer's name when the written span does not resolve to it.
std::string NetworkAsWritten(std::string_view sentence, const Mention& m, const Gazetteer& g) {
  if (m.end > sentence.size() || m.begin >= m.end) return m.text;
  std::string span(sentence.substr(m.begin, m.end - m.begin));
  const GazetteerNetwork* want = g.FindNetwork(m.text);
  if (want == nullptr) return m.text;
  // the span, then without one or two final Hangul syllables (a particle: 은, 으로, 에서)
  for (int cut = 0; cut <= 2; ++cut) {
    if (g.FindNetwork(span) == want) return span;
    if (span.size() < 4 || !ContainsHangul(span.substr(span.size() - 3))) break;
    span.resize(span.size() - 3);
  }
  return m.text;
}

// The person of `m`'s own group (gazetteer) as `sentence` writes it within a few words
// before the name ("Girl’s Day’s Hyeri", "그룹 빅톤 정수빈", "EXO member Suho") or right
// after it ("Chani of SF9", "수호(엑소)"); "" when the sentence does not name it there.
std::string GroupNamedBeside(std::string_view sentence, const Mention& m, const Gazetteer& g) {
  if (m.person == nullptr || m.person->group.empty() || m.end > sentence.size()) return "";
  const std::string& own = m.person->group;
  auto words_of = [](std::string_view w) {
    std::vector<std::string> out;
    std::string cur;
    for (size_t i = 0; i <= w.size(); ++i) {
      const char c = i < w.size() ? w[i] : ' ';
      if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '[' || c == ']' || c == '"') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    return out;
  };
  // possessives and particles off the end of a word
  auto bare = [](std::string w) {
    // quotes around a group ("(‘Girl’s Day’)")
    for (std::string_view q : {std::string_view("\xE2\x80\x98"), std::string_view("'"),
                               std::string_view("\xE2\x80\x9C")}) {
      if (w.size() > q.size() && w.compare(0, q.size(), q) == 0) w.erase(0, q.size());
    }
    for (std::string_view q : {std::string_view("\xE2\x80\x99"), std::string_view("'"),
                               std::string_view("\xE2\x80\x9D")}) {
      if (w.size() > q.size() && w.compare(w.size() - q.size(), q.size(), q) == 0) {
        w.resize(w.size() - q.size());
      }
    }
    static constexpr std::string_view kEnds[] = {
        "'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99", "의", "은", "는", "이", "가", "와",
        "과", "멤버"};
    for (int pass = 0; pass < 2; ++pass) {
      for (std::string_view e : kEnds) {
        if (w.size() > e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0) {
          w.resize(w.size() - e.size());
          break;
        }
      }
    }
    return w;
  };
  // the shortest written form nearest the name ("러블리즈(Lovelyz)의 케이": 러블리즈)
  auto find_in = [&](std::string_view window, bool before_name) -> std::string {
    const std::vector<std::string> w = words_of(window);
    for (size_t len = 1; len <= 3 && len <= w.size(); ++len) {
      for (size_t j = 0; j + len <= w.size(); ++j) {
        const size_t i = before_name ? w.size() - len - j : j;
        std::string cand = w[i];
        for (size_t k = 1; k < len; ++k) cand += " " + w[i + k];
        // "걸스데이 혜리": the word as written first, so a group whose name ends in a
        // particle-like syllable (이, 가, 은, 와) keeps it (a quoted word goes through bare)
        if (cand.find_first_of("'\"") == std::string::npos &&
            cand.find("\xE2\x80") == std::string::npos) {
          if (auto grp = g.FindGroup(cand); grp && *grp == own) return cand;
        }
        cand = bare(cand);
        while (!cand.empty() && cand.back() == ' ') cand.pop_back();
        if (cand.empty()) continue;
        if (auto grp = g.FindGroup(cand); grp && *grp == own) return cand;
      }
    }
    return "";
  };
  const size_t b = m.begin > 48 ? m.begin - 48 : 0;
  std::string before(sentence.substr(b, m.begin - b));
  if (b > 0) {  // not from inside a word or a UTF-8 character
    const size_t sp = before.find(' ');
    before = sp == std::string::npos ? "" : before.substr(sp + 1);
  }
  if (std::string w = find_in(before, true); !w.empty()) return w;
  std::string after(sentence.substr(m.end, std::min<size_t>(40, sentence.size() - m.end)));
  const size_t sp = after.rfind(' ');
  if (m.end + 40 < sentence.size()) after = sp == std::string::npos ? "" : after.substr(0, sp);
  return find_in(after, false);
}

}  // namespace

WorkRef Detector::ResolveWork(const Mention& m, const std::string& network,
                              const std::string& kind) const {
  WorkRef w;
  const GazetteerWork* gw = m.work != nullptr ? m.work : gazetteer_->FindWork(m.text);
  if (gw != nullptr) {
    w.title = gw->title;
    w.native = gw->native;
    w.kind = gw->kind;
    w.network = gw->network;
    w.resolved = true;
    w.key = gw->id;
    // As for people: the title as the source writes it, in its script (key unchanged).
    if (!m.text.empty() && m.text.size() <= 160 && gazetteer_->FindWork(m.text) == gw) {
      if (ContainsHangul(m.text)) {
        w.native = m.text;
      } else {
        w.title = m.text;
      }
    }
  } else {
    w.title = m.text;
    if (ContainsHangul(m.text)) w.native = m.text;
    w.key = NormalizeKey(m.text);
  }
  if (!kind.empty() && w.kind.empty()) w.kind = kind;
  if (!network.empty() && w.network.empty()) w.network = network;
  return w;
}

namespace {

struct Claim {
  std::string status;
  bool agency = false;
  bool report = false;
  bool future = false;            // OST: the sentence says the song is still to come
  bool co_star = false;           // casting: confirmed only as the co-star of someone else's news
  bool existing_cast = false;     // casting: named as cast before the news (NamedAsExistingCast,
                                  // KoreanTellsEarlierCasting)
  bool review_not_begun = false;  // casting (ko): the story says no review has begun yet
  bool cast_told = false;         // casting: the person's cues tell a casting too ("캐스팅된")
  size_t sentence = 0;
  const Rule* rule = nullptr;
};

// The status of one person over the story (see detector.h for the precedence).
std::string SettleStatus(const std::vector<Claim>& claims, bool casting, bool ko, std::string* why,
                         const Claim** chosen) {
  *chosen = nullptr;
  if (!casting) {
    // OST: released when any sentence says it is out and none says it is still to come
    bool released = false, future = false;
    for (const auto& c : claims) {
      if (c.status == "released") {
        released = true;
        *chosen = &c;
      }
      future = future || c.future;
    }
    if (future) {  // "'X' OST is released" over "will be unveiled at 6 p.m.": the body wins
      released = false;
      *chosen = nullptr;
    }
    if (!released && !claims.empty()) *chosen = &claims.front();
    *why = released ? "a sentence says the song is out" : "announced (nothing says it is out)";
    return released ? "released" : "announced";
  }
  // "A joins B in 'W'" makes B a confirmed co-star only when the story says nothing of B's
  // own ("… while B is considering an offer"): such claims give way to any other.
  std::vector<Claim> own_claims;
  for (const auto& c : claims) {
    if (!c.co_star) own_claims.push_back(c);
  }
  if (!own_claims.empty() && own_claims.size() < claims.size()) {
    const std::string status = SettleStatus(own_claims, casting, ko, why, chosen);
    // (chosen points into own_claims: map it back to the caller's claims)
    if (*chosen != nullptr) {
      for (const auto& c : claims) {
        if (!c.co_star && c.sentence == (*chosen)->sentence && c.status == (*chosen)->status &&
            c.rule == (*chosen)->rule) {
          *chosen = &c;
          break;
        }
      }
    }
    *why += " (its own claims over a co-star mention)";
    return status;
  }
  // A denial wins, unless the person's side says in the same story that an offer is
  // being discussed or reviewed ("출연설 부인" over "제안을 받은 건 맞지만 확정된 건 없다").
  const Claim* denial = nullptr;
  bool side_talks = false;
  for (const auto& c : claims) {
    if (c.status == "denied") denial = &c;
    if (c.agency && (c.status == "in_talks" || c.status == "reviewing")) side_talks = true;
  }
  if (denial != nullptr && !side_talks) {
    *chosen = denial;
    *why = "a denial wins";
    return "denied";
  }
  int best = -1;
  for (const auto& c : claims) {
    if (!c.agency || c.status == "denied") continue;
    const int r = StatusRank(c.status);
    if (r > best) {
      best = r;
      *chosen = &c;
    }
  }
  if (*chosen != nullptr) {
    // "A가 'W' 출연을 제안받고 검토 중이다" + agency "제안받은 작품 중 하나", "Cube revealed
    // that A has been offered the lead … Currently, A is positively considering the offer": an
    // agency that only confirms the offer does not undo a review stated as fact
    // (unless that side says the review has not begun: "대본도 받았지만 아직 검토 전이다")
    bool not_begun = false;
    for (const auto& c : claims) not_begun = not_begun || c.review_not_begun;
    // (a side that tells of talks or of the offer it made, "협의하고 있다", "an offer has been
    // made to A", states the stage itself: a headline's or an article's "reviewing" gives way)
    const bool negotiation =
        (*chosen)->rule != nullptr && (*chosen)->rule->id.ends_with(".negotiating");
    if ((*chosen)->status == "in_talks" && !not_begun && !negotiation) {
      for (const auto& c : claims) {
        if (!c.agency && !c.report && c.status == "reviewing") {
          *chosen = &c;
          *why = "a review stated as fact; the agency confirms the offer";
          return "reviewing";
        }
      }
    }
    // "Song has been offered a role in 'W'." + production "We have made an offer, but nothing
    // has been decided": the side's "undecided" stops a confirmation, not an offer or a review
    // the story states as fact (a report does not count: "확정" report + "확정된 부분이 없다"
    // stays a rumour)
    if ((*chosen)->status == "rumored") {
      const Claim* stated = nullptr;
      for (const auto& c : claims) {
        if (c.agency || c.report || (c.status != "in_talks" && c.status != "reviewing")) continue;
        if (stated == nullptr || StatusRank(c.status) > StatusRank(stated->status)) stated = &c;
      }
      if (stated != nullptr) {
        *chosen = stated;
        *why = "the side says nothing is decided; the offer or review stated as fact stands";
        return stated->status;
      }
    }
    // "KBS: '긍정적으로 검토 중'" + agency "출연 제안이 들어온 작품 중 하나, 아직 검토도 하기
    // 전": when the story says no review has begun, a side's offer outweighs another side's review
    if ((*chosen)->status == "reviewing" && not_begun) {
      for (const auto& c : claims) {
        if (c.agency && c.status == "in_talks") {
          *chosen = &c;
          *why = "the side says no review has begun; the offer stands";
          return "in_talks";
        }
      }
    }
    *why = "the agency/production statement beats reports";
    return (*chosen)->status;
  }
  for (const auto& c : claims) {
    if (c.report || c.status == "rumored") continue;
    const int r = StatusRank(c.status);
    if (r > best) {
      best = r;
      *chosen = &c;
    }
  }
  if (*chosen != nullptr) {
    *why = "the most advanced stated status";
    return (*chosen)->status;
  }
  // "A가 주인공으로 캐스팅되어 긍정적으로 검토 중인 것으로 알려졌다", "캐스팅된 A는 출연을
  // 검토 중인 것으로 알려졌다": in Korean a report that tells both the casting and the
  // person's review of it tells the stage the person is at, the review (a report of a review
  // alone, "고민 중인 것으로 전해졌다", stays a rumour)
  if (ko) {
    for (const auto& c : claims) {
      if (c.report && c.status == "reviewing" && c.cast_told) {
        *chosen = &c;
        *why = "a reported casting the person is still reviewing";
        return "reviewing";
      }
    }
  }
  if (!claims.empty()) *chosen = &claims.front();
  *why = "only reports or rumours";
  return "rumored";
}

}  // namespace

void Detector::BindStory(const Story& story, const std::string& lang, const SourceRef& source,
                         const std::string& now, std::vector<Detection>* out,
                         DetectExplanation* explain) const {
  const bool ko = lang == "ko";
  auto decide = [&](std::string s) {
    if (explain != nullptr && explain->decisions.size() < 256) {
      explain->decisions.push_back(std::move(s));
    }
  };
  // "Famous actors such as A, B and C will return with their next works": an English story
  // whose headline or first lead sentence introduces its people as examples of a plural
  // ("actresses such as", "big stars like", "K-pop idols including") is a roundup, not an
  // announcement (detection-labels.md: general roundups and listicles are negatives)
  if (!ko) {
    // (the plural is the sentence's subject: "X joins stars like A and B in W" is news of X)
    static const RE2 kRoundup(
        "^\\W*(?:[\\w'’-]+\\s+){0,3}?(?i:actors|actresses|stars|idols|celebrities|singers|celebs|"
        "heartthrobs|a-listers|artists)\\s+(?i:such\\s+as|like|including)\\s+[A-Z]");
    // (the first three sentences: a headline cut in two at a quote, then the lead's first;
    // text read from a stream has its headline as the first line of the body)
    const size_t n = std::min<size_t>(story.sentences.size(), 3);
    for (size_t i = 0; i < n; ++i) {
      if (RE2::PartialMatch(story.sentences[i].text, kRoundup)) {
        decide("story: sentence " + std::to_string(i) +
               " introduces its people as examples of a plural; a roundup, no casting or OST");
        return;
      }
    }
  }
  // OST first: a singer of the story's OST is no casting of it ("Joining them are A and B").
  std::set<std::string> ost_people;
  for (int ti : {1, 0}) {
    const bool casting = ti == 0;
    const EventType type = casting ? EventType::kCasting : EventType::kOst;
    // A title called a show, an album or a concert once is one everywhere in the story.
    // (unless the story also calls it a drama or a film: "cast in movie 'Golden Slumber' … based
    // on the novel 'Golden Slumber'")
    std::set<std::string> not_drama, called_drama;
    // (Korean nouns need no word boundary: RE2's \\b knows no Hangul)
    static const RE2 kWorkNounBefore(
        "(?:(?i:\\b(?:drama|series|film|movie|k-drama|sitcom|web\\s*drama))|드라마|영화|시리즈),?"
        "\\s*[“\"‘'《<〈「]?$");
    // ("'일요일이 좋다- 패밀리가 떴다'(이하 패떴)": the short form a show is given is that show
    // too)
    static const RE2 kShortForm("^\\s*\\(\\s*이하\\s*['‘\"“]?([^)'’\"”]{1,30}?)['’\"”]?\\s*\\)");
    for (const auto& a : story.sentences) {
      for (const auto& m : a.mentions.items) {
        if (m.kind != MentionKind::kWork) continue;
        if (m.not_drama) not_drama.insert(NormalizeKey(m.text));
        std::string short_form;
        if (m.not_drama && m.end < a.text.size() &&
            RE2::PartialMatch(re2::StringPiece(a.text.data() + m.end, a.text.size() - m.end),
                              kShortForm, &short_form)) {
          not_drama.insert(NormalizeKey(short_form));
        }
        const size_t b0 = m.begin > 24 ? m.begin - 24 : 0;
        // ("웹툰 <W>가 드라마로 제작된다", "소설 'W'가 영화화된다": a webtoon or novel made into a
        // drama or film lends it its title; the story calls that title a drama)
        static const RE2 kMadeIntoAWork(
            "^\\s*(?:이|가|은|는)?\\s*(?:드라마|영화|시리즈)(?:로|으로)\\s*(?:제작|만들어|재탄생|"
            "탄생|옮겨)|^\\s*(?:이|가|은|는)?\\s*(?:드라마화|영화화)");
        if ((!m.not_drama && RE2::PartialMatch(re2::StringPiece(a.text.data() + b0, m.begin - b0),
                                               kWorkNounBefore)) ||
            (ko && m.end <= a.text.size() &&
             RE2::PartialMatch(re2::StringPiece(a.text.data() + m.end, a.text.size() - m.end),
                               kMadeIntoAWork))) {
          called_drama.insert(NormalizeKey(m.text));
        }
      }
    }
    for (const auto& k : called_drama) not_drama.erase(k);
    // ("'패떴 시즌 2'": a season of a show is that show)
    auto not_a_drama = [&](const std::string& text) {
      static const RE2 kSeason("(?i)^(.+?)\\s*(?:시즌|season)\\s*\\d{1,2}$");
      std::string base;
      return not_drama.count(NormalizeKey(text)) > 0 ||
             (RE2::FullMatch(text, kSeason, &base) && not_drama.count(NormalizeKey(base)) > 0);
    };
    // "티빙 오리지널 시리즈 <W>가 … ‘만점’ 라인업을 완성했다", "… 난리 난 ‘티빙 드라마’ … tvN
    // 드라마 ‘W’가": when the story introduces a title as a work (the gazetteer knows it, or a
    // work noun or a network stands right before it), a Korean quote that is only a phrase about
    // a work or a noun is no work of the story (KoreanDescriptiveQuote)
    std::set<const Mention*> descriptive;
    if (ko) {
      // (a title introduced once is no phrase where it stands before a noun: "영화 'W'측 …
      // 'W' 캐스팅")
      std::set<std::string> introduced;
      std::vector<const Mention*> phrases;
      for (const auto& a : story.sentences) {
        for (const auto& m : a.mentions.items) {
          if (m.kind != MentionKind::kWork || m.aside || not_a_drama(m.text)) continue;
          if (KoreanDescriptiveQuote(a.text, m)) {
            phrases.push_back(&m);
          } else if (m.work != nullptr || called_drama.count(NormalizeKey(m.text)) > 0 ||
                     KindNounRightBefore(a.text, m) ||
                     NetworkRightBefore(a.text, a.mentions.items, m)) {
            introduced.insert(NormalizeKey(m.text));
          }
        }
      }
      if (!introduced.empty()) {
        for (const Mention* m : phrases) {
          if (introduced.count(NormalizeKey(m->text)) > 0) continue;
          descriptive.insert(m);
          decide(std::string(casting ? "casting" : "ost") + ": '" + m->text +
                 "' is a phrase about a work, not the title the story introduces as one");
        }
      }
    }
    // (a title set aside only as a webtoon or novel is usable when the story calls it a drama)
    auto usable_work = [&](const Mention& m) {
      return m.kind == MentionKind::kWork &&
             (!m.aside || (m.not_drama && called_drama.count(NormalizeKey(m.text)) > 0)) &&
             !not_a_drama(m.text) && !descriptive.count(&m);
    };
    // The story's work: the first work, not an aside, in a sentence with a cue of this type;
    // else the first such work anywhere in the story (in Korean a known title first: "'의리
    // 출연'이 계속된다 … '마음의 소리'에 카메오로").
    const Mention* story_work = nullptr;
    if (ko) {
      bool cue_work = false;
      for (const auto& a : story.sentences) {
        for (const auto& m : a.mentions.items)
          cue_work = cue_work || (a.has_type[ti] && usable_work(m));
      }
      for (size_t k = 0; !cue_work && story_work == nullptr && k < story.sentences.size(); ++k) {
        for (const auto& m : story.sentences[k].mentions.items) {
          if (usable_work(m) && m.work != nullptr) {
            story_work = &m;
            break;
          }
        }
      }
    }
    // ("한편 <W2> 출연을 긍정 검토하던 B는 끝내 고사했다": a sentence this type's negative cue
    // vetoes tells another casting that fell through; its title is no cue work of the story)
    for (int pass = 0; pass < 2 && story_work == nullptr; ++pass) {
      for (const auto& a : story.sentences) {
        if (pass == 0 && (!a.has_type[ti] || (ko && a.veto[ti]))) continue;
        for (const auto& m : a.mentions.items) {
          if (usable_work(m)) {
            story_work = &m;
            break;
          }
        }
        if (story_work != nullptr) break;
      }
    }
    // (OST: "A×B '꿀케미', 음원으로 듣는다…'W' OST 출시": when the first work is not written
    // before "OST", the first work a sentence with a cue ties to the OST is the story's)
    bool story_tied = false;  // (OST) the story's work is a title written before "OST"
    if (!casting && story_work != nullptr) {
      static const RE2 kOstTie(
          "(?i)^\\s*(?:'s\\s+|’s\\s+|의\\s*)?(?:original\\s+)?(?:OST|O\\.S\\.T|soundtrack)");
      auto tied = [&](const Analysed& a, const Mention& m) {
        return m.end <= a.text.size() &&
               RE2::PartialMatch(std::string_view(a.text).substr(m.end), kOstTie);
      };
      const Mention* tied_work = nullptr;
      bool first_tied = false;
      for (const auto& a : story.sentences) {
        if (!a.has_type[ti]) continue;
        for (const auto& m : a.mentions.items) {
          if (!usable_work(m) || !tied(a, m)) continue;
          if (&m == story_work) first_tied = true;
          if (tied_work == nullptr) tied_work = &m;
        }
      }
      if (!first_tied && tied_work != nullptr && story_work->work == nullptr) {
        story_work = tied_work;
      }
      story_tied = first_tied || (tied_work != nullptr && story_work == tied_work);
    }
    // (OST: "Song by A … theme song for upcoming film 'W'": when that first work is an unknown
    // title the text never calls a drama or film, a title it does call one is the story's)
    // (not a title the text ties to "OST": "드라마 'W1' 1부 'W2' OST")
    if (!casting && story_work != nullptr && story_work->work == nullptr && !story_tied &&
        !called_drama.count(NormalizeKey(story_work->text))) {
      for (size_t k = 0; k < story.sentences.size(); ++k) {
        const Analysed& a = story.sentences[k];
        const Mention* called = nullptr;
        for (const auto& m : a.mentions.items) {
          if (a.has_type[ti] && usable_work(m) && called_drama.count(NormalizeKey(m.text))) {
            called = &m;
            break;
          }
        }
        if (called != nullptr) {
          story_work = called;
          break;
        }
      }
    }
    // Story persons for anaphora: the persons of the first sentence that names any.
    struct Bound {
      const Mention* person;
      const Mention* work;
      const Analysed* sentence;
      size_t index;
    };
    std::vector<Bound> bound;
    // (some sentence before `si` already gave the story's news)
    auto news_before = [&bound](size_t si) {
      return std::any_of(bound.begin(), bound.end(), [si](const Bound& b) { return b.index < si; });
    };
    std::vector<const Mention*> last_persons;
    std::vector<const Mention*> seen_persons;  // full names named so far in the story
    std::set<std::string> vetoed;
    std::set<std::string> vetoed_pairs;  // person key + "|" + work key
    // a vetoed person is kept by its text and, when the gazetteer knows it, by its entry
    // ("@" + name), so that another form of the name is vetoed too
    auto veto = [&vetoed](const Mention* p) {
      vetoed.insert(NormalizeKey(p->text));
      if (p->person != nullptr) vetoed.insert("@" + NormalizeKey(p->person->name));
    };
    // a Korean story about a replacement ("그의 빈자리는 B가 채운다") opens with the departure
    bool story_replacement = false;
    if (casting && ko) {
      bool any_veto = false;
      for (const auto& a : story.sentences) any_veto = any_veto || a.veto[0];
      for (size_t k = 0; any_veto && !story_replacement && k < story.sentences.size(); ++k) {
        story_replacement = KoreanReplacement(story.sentences[k].text);
      }
    }
    // "시청률 20% 넘겼던 두 배우의 재회…" over "신작 'W'의 캐스팅 라인업이 공개됐다": a headline
    // vetoed by other news (the actors' earlier hit) does not veto a lead whose first sentence
    // announces the castings of a work it introduces as new
    bool lead_opens_new_casting = false;
    if (casting && ko && story.index == 0 && story.has_headline && story.sentences.size() > 1) {
      const Analysed& b = story.sentences[1];
      bool confirmed = false;
      for (const auto& c : b.cues) {
        confirmed = confirmed || (c.rule->type == RuleType::kCasting && !c.rule->modifier &&
                                  c.rule->status == "confirmed");
      }
      if (confirmed && !b.veto[0]) {
        for (const auto& m : b.mentions.items) {
          if (m.kind == MentionKind::kWork && !m.aside && !m.not_drama &&
              IntroducedAsNewWork(b.text, m)) {
            lead_opens_new_casting = true;
          }
        }
      }
    }
    // "He is set to play …", "She will also star …": the sentence opens with a pronoun subject
    // and the cue of the type follows it
    auto cue_subject_is_pronoun = [&](const Analysed& a) {
      static const RE2 kPronounSubject(
          "^(?:He|She|They|The\\s+(?:actor|actress|singer|idol|star))(?:['’](?:s|re|ll))?\\s");
      re2::StringPiece in(a.text);
      if (!RE2::Consume(&in, kPronounSubject)) return false;
      for (const auto& c : a.cues) {
        if ((c.rule->type == RuleType::kCasting) == casting &&
            (c.rule->type == RuleType::kCasting || c.rule->type == RuleType::kOst) &&
            !c.rule->modifier && c.begin <= 30) {
          return std::string_view(a.text).substr(0, c.begin).find(',') == std::string_view::npos;
        }
      }
      return false;
    };
    auto member_named = [&](const std::string& group) {
      const std::string g = NormalizeKey(group);
      for (const auto& a2 : story.sentences) {
        for (const auto& p : a2.mentions.items) {
          if (p.kind != MentionKind::kPerson || p.aside) continue;
          if (NormalizeKey(p.group) == g) return true;
          if (p.person != nullptr && !p.person->group.empty() &&
              NormalizeKey(p.person->group) == g) {
            return true;
          }
        }
      }
      return false;
    };
    // "'W' OST 음원차트 상위권 … 14일 오후 6시 'S'가 공개됐다": a chart or buzz story that
    // restates a dated release of the song is news of that release; its chart words veto no
    // OST sentence
    bool dated_release = false;
    // (seen in Korean stories only: "14일 오후 6시 … 공개됐다"; the release sentence itself
    // holds no chart words)
    if (!casting && ko) {
      static const RE2 kDated("\\d+\\s*일|어제");
      for (const auto& a : story.sentences) {
        bool released = false, future = false;
        for (const auto& c : a.cues) {
          if (c.rule->type != RuleType::kOst) continue;
          if (c.rule->status == "released") released = true;
          if (c.rule->id.find("future") != std::string::npos) future = true;
        }
        if (released && !future && !a.veto[1] && RE2::PartialMatch(a.text, kDated)) {
          dated_release = true;
        }
      }
    }
    auto vetoes = [&](const Analysed& a) {
      if (ti == 1 && a.veto_past_ost) return true;
      return a.veto[ti] && !(dated_release && !a.veto_all && !a.story_veto);
    };
    // "OST 시장을 수놓는 그들을 살펴봤다", "We list down some of the best dramas with …": the
    // lead says the story rounds up several works or people; none of them is news. "28일 방송된
    // tvN 드라마 'W'에서는 … 모습이 그려졌다": the lead recaps an aired episode; its casting words
    // are the plot and its people the drama's cast (".episode_recap")
    {
      bool roundup = false, recap = false, ceremony = false, sang = false, press = false;
      // ("…의 OST 'S'를 불렀다" after "축하공연을 꾸몄다": an existing OST sung on an awards
      // stage, ".ceremony_stage")
      static const RE2 kSangPast("불렀다|불렀습니다|열창했다|열창했습니다");
      for (const auto& a : story.sentences) {
        for (const auto& c : a.cues) {
          if (c.rule->type != RuleType::kNegative) continue;
          roundup = roundup || c.rule->id.find(".roundup") != std::string::npos;
          recap = recap || c.rule->id.find(".episode_recap") != std::string::npos;
          ceremony = ceremony || c.rule->id.find(".ceremony_stage") != std::string::npos;
          press = press || c.rule->id.find(".press_event") != std::string::npos;
        }
        sang = sang || RE2::PartialMatch(a.text, kSangPast);
      }
      // "웹드라마로 연기에 나서는 아이돌이 늘어나고 있다. 최근 A가 'W1'에 …, B와 C도 'W2'로
      // …": a lead that opens on a trend and then lists castings in two works or more is a
      // trend piece, whose examples are no news ("아이돌들이 늘고 있다" behind one casting is)
      if (casting && ko && story.index == 0) {
        static const RE2 kTrend(
            "(?:늘어나고|늘고|잇따르고|이어지고|줄을\\s*잇고)\\s*있다|러시\\s*(?:\\[|$)");
        bool trend = false;
        std::set<std::string> works;
        for (const auto& a : story.sentences) {
          trend = trend || RE2::PartialMatch(a.text, kTrend);
          for (const auto& m : a.mentions.items) {
            if (m.kind == MentionKind::kWork && !m.aside) works.insert(NormalizeKey(m.text));
          }
        }
        if (trend && works.size() >= 2) {
          decide(
              "casting: the lead opens on a trend and lists castings in several works; story "
              "vetoed");
          continue;
        }
      }
      if (!casting && ceremony && sang) {
        decide(
            "ost: the story sings an existing OST on an awards or celebration stage; story "
            "vetoed");
        continue;
      }
      // ("24일 'W' 제작발표회가 진행됐다": a press event's castings are the cast's background)
      if (casting && press) {
        decide("casting: the lead reports a press event of the work; story vetoed");
        continue;
      }
      if (roundup || recap) {
        decide(std::string(casting ? "casting" : "ost") +
               (roundup ? ": the lead rounds up several works or people; story vetoed"
                        : ": the lead recaps an aired episode of a drama; story vetoed"));
        continue;
      }
    }
    // "'W' has shared stills of A and B in a new OST music video": a person the story shows
    // in the video acts in it, so is no singer in any sentence of the story (the headline
    // "A and B's romance blossoms in new OST MV" included); so is the bandmate the singer
    // supports (NamedAsSupported)
    std::set<std::string> in_video;
    if (!casting && !ko) {
      for (const auto& a : story.sentences) {
        for (const auto& m : a.mentions.items) {
          if (m.kind == MentionKind::kPerson &&
              (NamedInVideo(a.text, m) || NamedAsSupported(a.text, m))) {
            in_video.insert(NormalizeKey(m.text));
          }
        }
      }
    }
    // The part the OST story announces: the highest part number any clause of a sentence with
    // an OST cue names ("its first OST was sung by A, B sang the second, and now C will release
    // the third" announces the third). 0 when no clause numbers a part.
    int news_part = 0;
    if (!casting) {
      for (const auto& a : story.sentences) {
        if (!a.has_type[ti]) continue;
        for (const auto& [cb, ce] : ClauseSpans(a.text, ko)) {
          news_part = std::max(news_part, FindPart(std::string_view(a.text).substr(cb, ce - cb)));
        }
      }
    }
    std::set<std::string> cast_named;
    // "배우 정우, 이유미의 만남으로 기대를 모으는 'W' 새 OST", "A and B's upcoming drama 'W'":
    // the actors a lead sentence names as the drama's cast are the cast in the headline too
    // ("정우X이유미 'W' 첫 OST 공개"); a sentence that names only the cast names nobody else
    // (it takes no persons from the sentences before it)
    if (!casting) {
      for (const auto& a : story.sentences) {
        for (const auto& m : a.mentions.items) {
          if (m.kind == MentionKind::kPerson && !m.in_parens && NamedAsCast(a.text, m, ko)) {
            cast_named.insert(NormalizeKey(m.text));
          }
        }
      }
    }
    // "A·B, '놀면 뭐하니?'서 C와 만난다 … 한편 A는 현재 드라마 'W'에서 X 역을 맡아 …": when the
    // first Korean sentence that has a casting cue and names a title names only a title set
    // aside there as a show (a variety show the gazetteer knows, or a show noun next to it), the
    // story is a show appearance. The people of its show sentences are no casting news, a
    // sentence without a title of its own takes no drama from elsewhere, and an unknown title
    // ("'런닝 메이트'로 합류") is the show's, not a drama ("show_story")
    bool show_story = false;
    if (casting && ko) {
      for (const auto& a : story.sentences) {
        if (!a.has_type[0]) continue;
        bool show = false, drama = false;
        for (const auto& m : a.mentions.items) {
          if (m.kind != MentionKind::kWork) continue;
          if (usable_work(m)) drama = true;
          if (m.not_drama) show = true;
        }
        if (!show && !drama) continue;
        show_story = show && !drama;
        break;
      }
      if (show_story) {
        for (const auto& a : story.sentences) {
          bool show = false;
          for (const auto& m : a.mentions.items)
            show = show || (m.kind == MentionKind::kWork && m.not_drama);
          if (!show) continue;
          for (const auto& m : a.mentions.items) {
            if (m.kind == MentionKind::kPerson && !m.in_parens) veto(&m);
          }
        }
        decide(
            "casting: the first sentence with a cue and a title names only a variety show; its "
            "people appear on the show (show_story)");
      }
    }
    for (size_t si = 0; si < story.sentences.size(); ++si) {
      const Analysed& a = story.sentences[si];
      std::vector<const Mention*> persons;
      bool cast_only = false;
      // a sentence that is OST news only through a story-only cue ("her first solo recording
      // since LUMINA debuted") names no new group as a singer
      bool story_only_sentence = false;
      if (!casting && a.story_cue[1]) {
        story_only_sentence = true;
        for (const auto& c : a.cues) {
          if (c.rule->type == RuleType::kOst && !c.rule->story_only && !c.rule->modifier) {
            story_only_sentence = false;
          }
        }
      }
      for (const auto& m0 : a.mentions.items) {
        if (story_only_sentence && m0.kind == MentionKind::kGroup) continue;
        const Mention* mp = &m0;
        // "Bae" after "Bae Doona": a surname alone speaks of the person named before.
        if (m0.kind == MentionKind::kPerson && !ko && m0.text.find(' ') == std::string::npos &&
            m0.text.find('-') == std::string::npos) {
          for (const Mention* prev : seen_persons) {
            if (prev->text.size() > m0.text.size() &&
                prev->text.compare(0, m0.text.size() + 1, m0.text + " ") == 0) {
              mp = prev;
              break;
            }
          }
        }
        const Mention& m = *mp;
        if (m0.kind == MentionKind::kPerson && mp == &m0 &&
            m0.text.find(' ') != std::string::npos) {
          seen_persons.push_back(&m0);
        }
        const bool is_person =
            m.kind == MentionKind::kPerson || (!casting && m.kind == MentionKind::kGroup);
        if (!is_person || m.aside || m.in_parens) continue;
        if (!casting && mp == &m0 && NamedAsCast(a.text, m, ko)) continue;
        // (a casting sentence: the work's existing cast beside the person it casts)
        if (casting && mp == &m0 && NamedAsExistingCast(a.text, m, ko)) {
          bool other = false;
          for (const auto& o : a.mentions.items) {
            if (&o != &m0 && o.kind == MentionKind::kPerson && !o.aside && !o.in_parens &&
                o.text != m0.text && !NamedAsExistingCast(a.text, o, ko)) {
              other = true;
            }
          }
          if (other) continue;
        }
        // (the headline only: in the lead an actor of the cast may sing the OST too)
        if (!casting && si == 0 && story.index == 0 && cast_named.count(NormalizeKey(m.text)) > 0) {
          cast_only = true;
          continue;
        }
        if (!casting && in_video.count(NormalizeKey(m.text)) > 0) {
          cast_only = true;  // (the sentence names the cast, not "nobody")
          continue;
        }
        // a group right before its member is the member's tag, not a second artist; so is
        // "one of the members of NCT"
        if (m.kind == MentionKind::kGroup && m.begin >= 3) {
          const size_t b0 = m.begin > 12 ? m.begin - 12 : 0;
          const std::string_view before(a.text.data() + b0, m.begin - b0);
          if (before.find("of ") != std::string_view::npos ||
              before.find("from ") != std::string_view::npos) {
            continue;
          }
        }
        // "BTS' Jimin … the latest BTS member": a group whose member the story names is the
        // member's tag, not a second artist
        if (m.kind == MentionKind::kGroup && member_named(m.text)) continue;
        if (m.kind == MentionKind::kGroup) {
          bool tags_member = false;
          for (const auto& n2 : a.mentions.items) {
            if (n2.kind == MentionKind::kPerson && n2.begin > m.end && n2.begin - m.end <= 24 &&
                NormalizeKey(n2.group) == NormalizeKey(m.text)) {
              tags_member = true;
            }
            // "시크릿의 메인 보컬 송지은": in Korean a group right before a name, with no list
            // mark between, tags that name even when the gazetteer lists no membership
            // ("SS501이 에릭을 위해": a group with a case particle is a subject, no tag)
            const bool case_particle = KoreanGroupHasCaseParticle(
                std::string_view(a.text.data() + m.begin, m.end - m.begin), *gazetteer_);
            if (ko && !case_particle && n2.kind == MentionKind::kPerson && n2.begin > m.end &&
                n2.begin - m.end <= 24) {
              const std::string_view gap(a.text.data() + m.end, n2.begin - m.end);
              static const RE2 kListMark("[,·、]|(?:^|\\s)(?:와|과|및|그리고)\\s|^[와과]\\s");
              if (!RE2::PartialMatch(gap, kListMark)) tags_member = true;
            }
          }
          if (tags_member) continue;
        }
        persons.push_back(&m);
      }
      // "A는 B가 출연을 확정한 드라마 'W'의 남자 주인공 역을 맡았다": in Korean a name that is
      // the subject of a clause modifying the work (B가 출연을 확정한 / 출연하는 / 출연 중인 'W')
      // is the work's cast before the news, when the sentence's subject (a name with the topic
      // particle) comes before it
      if (ko && casting && persons.size() >= 2) {
        static const RE2 kCastOfTheWork(
            "^\\s*(?:이|가)?\\s+(?:먼저\\s+|앞서\\s+|이미\\s+)?(?:출연을\\s*확정한|출연을\\s*"
            "결정한|"
            "출연하는|출연\\s*중인|주연을\\s*맡은|캐스팅된|합류한)\\s+(?:[^\\s.,]+\\s+){0,3}?"
            "(?:['‘\"“<《]|드라마|영화|작품|시리즈)");
        const Mention* subject = nullptr;
        for (const Mention* p : persons) {
          if (OwnsMention(a.mentions.items, p) && NameHasTopicParticle(a.text, *p)) {
            subject = p;
            break;
          }
        }
        if (subject != nullptr) {
          std::vector<const Mention*> kept;
          for (const Mention* p : persons) {
            const bool cast_before =
                p != subject && OwnsMention(a.mentions.items, p) && p->begin > subject->end &&
                RE2::PartialMatch(std::string_view(a.text).substr(p->end), kCastOfTheWork);
            if (!cast_before) kept.push_back(p);
          }
          if (kept.size() < persons.size()) {
            decide("casting: sentence " + std::to_string(si) + ": " +
                   std::to_string(persons.size() - kept.size()) +
                   " name(s) in a clause modifying the work are its cast before the news");
            persons = std::move(kept);
          }
        }
      }
      // "A도 'W'의 제작자로 나서는데, B가 출연을 검토 중이다": in Korean a name whose own
      // clause makes the person the work's maker (제작자로 나서다, 연출을 맡다, 메가폰을 잡다) and
      // holds no casting cue is no cast member, when another name of the sentence is
      if (ko && casting && persons.size() >= 2) {
        static const RE2 kMaker(
            "(?:제작자|제작|프로듀서|연출|메가폰|감독)(?:로|으로|을|를)?\\s*(?:나서|나선|맡|잡)");
        const auto mclauses = ClauseSpans(a.text, ko);
        std::vector<const Mention*> kept;
        for (const Mention* p : persons) {
          bool maker = false;
          if (OwnsMention(a.mentions.items, p)) {
            for (const auto& [cb, ce] : mclauses) {
              if (p->begin < cb || p->begin >= ce) continue;
              const std::string_view cl(a.text.data() + p->end, ce - p->end);
              bool cue_here = false;
              for (const auto& c : a.cues) {
                if (c.rule->type == RuleType::kCasting && !c.rule->modifier && c.begin >= cb &&
                    c.begin < ce) {
                  cue_here = true;
                }
              }
              maker = !cue_here && RE2::PartialMatch(cl, kMaker);
            }
          }
          if (!maker) kept.push_back(p);
        }
        if (!kept.empty() && kept.size() < persons.size()) {
          decide("casting: sentence " + std::to_string(si) + ": " +
                 std::to_string(persons.size() - kept.size()) +
                 " name(s) whose clause makes them the work's maker");
          persons = std::move(kept);
        }
      }
      // "A, B 등의 참여로 주목을 모았던 'W' OST의 네 번째 주인공은 C다", "'W1'에서 B와 호흡을
      // 맞췄던 A가": in Korean the names before a past modifier (-던) describe what came before;
      // the news is the name after it
      if (ko && persons.size() >= 2) {
        // (a past stem is any syllable whose final consonant is ㅆ: 모았던, 맞췄던, 불렀던)
        static const RE2 kPastModifier([] {
          std::string cls;
          for (uint32_t cp = 0xAC00 + 20; cp <= 0xD7A3; cp += 28) {
            cls += static_cast<char>(0xE0 | (cp >> 12));
            cls += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            cls += static_cast<char>(0x80 | (cp & 0x3F));
          }
          return "([" + cls + "]던\\s)";
        }());
        re2::StringPiece in(a.text), hit;
        size_t cut = std::string::npos;
        while (RE2::FindAndConsume(&in, kPastModifier, &hit)) {
          const size_t at = static_cast<size_t>(hit.data() - a.text.data());
          for (const Mention* p : persons) {
            if (OwnsMention(a.mentions.items, p) && p->begin > at) cut = at;
          }
        }
        if (cut != std::string::npos) {
          // (a name with a topic or subject particle is the main clause's subject: "A는
          // '별그대'에서 호흡을 맞췄던 B와 재회한다" keeps A)
          auto subject = [&](const Mention* p) {
            std::string_view w(a.text.data() + p->begin, p->end - p->begin);
            while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ' ')) {
              w.remove_suffix(1);
            }
            return w.ends_with("\xEC\x9D\x80") || w.ends_with("\xEB\x8A\x94") ||  // 은 는
                   w.ends_with("\xEC\x9D\xB4") || w.ends_with("\xEA\xB0\x80");    // 이 가
          };
          std::vector<const Mention*> after;
          for (const Mention* p : persons) {
            if (!OwnsMention(a.mentions.items, p) || p->begin > cut || subject(p)) {
              after.push_back(p);
            }
          }
          if (after.size() < persons.size()) {
            decide(std::string(casting ? "casting" : "ost") + ": sentence " + std::to_string(si) +
                   ": " + std::to_string(persons.size() - after.size()) +
                   " name(s) before a past modifier (-던) describe what came before");
            persons = std::move(after);
          }
        }
      }
      // "에일리에 이어 두 번째 가창자로 참여한 B", "A의 'S1'부터 … 네 곡에 이어, C, D 등이":
      // in a Korean OST sentence the singers named before "에 이어" sang the earlier songs; the
      // news is the names after it (a subject with its particle stays: "B는 A에 이어")
      if (!casting && ko && !persons.empty()) {
        // ("첫 주자 A의 'S'를 시작으로 여러 가수가 참여했다": in a later sentence the names
        // before 시작으로 opened the series, whoever follows)
        // ("A, B에 이은 OST 주자로 C가": the adnominal 이은 too; the verb is no name 이은)
        static const RE2 kFollowing(
            "(에\\s*이어|에\\s*이은|의\\s*뒤를\\s*이어|[을를]\\s*시작으로)(?:서)?[\\s,]");
        re2::StringPiece in(a.text), hit;
        size_t cut = std::string::npos, cut_end = std::string::npos;
        while (RE2::FindAndConsume(&in, kFollowing, &hit)) {
          const size_t at = static_cast<size_t>(hit.data() - a.text.data());
          bool later =
              si > 0 && std::string_view(hit.data(), hit.size())
                                .find("\xEC\x8B\x9C\xEC\x9E\x91\xEC\x9C\xBC\xEB\xA1\x9C") !=
                            std::string_view::npos;  // 시작으로
          for (const Mention* p : persons) {
            later = later || (OwnsMention(a.mentions.items, p) && p->begin >= at + hit.size());
          }
          if (later) {
            cut = at;
            cut_end = at + hit.size();
          }
        }
        if (cut != std::string::npos) {
          std::vector<const Mention*> kept;
          for (const Mention* p : persons) {
            std::string_view w(a.text.data() + p->begin, p->end - p->begin);
            const bool subject =
                w.ends_with("\xEC\x9D\x80") || w.ends_with("\xEB\x8A\x94");  // 은 는
            const bool own = OwnsMention(a.mentions.items, p);
            if (own && p->begin > cut && p->begin < cut_end) continue;  // the verb itself
            if (!own || p->begin > cut || subject) kept.push_back(p);
          }
          if (kept.size() < persons.size()) {
            decide("ost: sentence " + std::to_string(si) + ": " +
                   std::to_string(persons.size() - kept.size()) +
                   " name(s) before '에 이어' sang the earlier songs");
            persons = std::move(kept);
          }
        }
      }
      // "'W'는 차가운 남자 X와 여자 Y의 만남을 그린 작품으로 A, B가 출연을 확정지었다": after a
      // sentence that gave the story's casting news, a Korean sentence whose topic is the work and
      // that describes it as a work before naming people names its existing cast (and its plot's
      // characters), not more news ("work_topic_cast")
      if (casting && ko && si > 0 && !persons.empty()) {
        const Mention* topic = nullptr;
        for (const auto& m : a.mentions.items) {
          if (m.kind == MentionKind::kWork && usable_work(m) && m.begin <= 60) {
            topic = &m;
            break;
          }
        }
        static const RE2 kTopic("^[\\x{2019}'\"\\x{201D}>\\x{300B}\\x{3009}]?\\s*(?:은|는)\\s");
        static const RE2 kDescribed(
            "(?:작품|드라마|영화|로맨스|스릴러|코미디|시리즈|이야기)(?:으로|로)\\s");
        if (news_before(si) && topic != nullptr && topic->end < a.text.size() &&
            RE2::PartialMatch(std::string_view(a.text).substr(topic->end), kTopic)) {
          // (the plot's characters may stand before the description: "차가운 남자 X와 …")
          const Mention* last_person = persons.front();
          for (const Mention* p : persons) {
            if (p->begin > last_person->begin) last_person = p;
          }
          if (last_person->begin > topic->end &&
              RE2::PartialMatch(
                  std::string_view(a.text.data() + topic->end, last_person->begin - topic->end),
                  kDescribed)) {
            decide("casting: sentence " + std::to_string(si) +
                   " describes the story's work and names its cast (work_topic_cast)");
            continue;
          }
        }
      }
      // "앞서 그룹 B가 'W'의 첫 번째 OST를 발매했다", "Previous artists to release songs for
      // the soundtrack include B and C": a lead sentence that opens on what came before names
      // the earlier singers, not the news
      if (!casting && si > 0) {
        static const RE2 kEarlier(
            "^\\s*(?:앞서|이에\\s*앞서|(?i:previously|earlier|prior\\s+to\\s+this|before\\s+this)"
            "\\b|(?i:"
            "previous|earlier|past)\\s+(?:\\w+\\s+)?(?i:artists|singers|OSTs|releases|parts|"
            "tracks|songs)\\b)");
        // ("Earlier today, the label said …": when the news itself came out)
        static const RE2 kEarlierNews(
            "^\\s*(?i:earlier)\\s+(?i:this\\s+(?:week|month|morning|year)|today|in\\s+the\\s+"
            "(?:day|week)|on\\s+(?-i:[A-Z])\\w+)\\b");
        if (RE2::PartialMatch(a.text, kEarlier) && !RE2::PartialMatch(a.text, kEarlierNews)) {
          decide("ost: sentence " + std::to_string(si) +
                 " opens on what came before; its singers are no news");
          continue;
        }
        // "Fellow members V and Jin also released their own OSTs … last 2021", "스튜디오는 지난해
        // 11월 A가 부른 Part.1 'S1'을 시작으로 B의 'S2' … 등을 발표하며": after a sentence that
        // gave the story's OST news, a sentence dated in the past that tells songs put out (or
        // a series "starting with" one) names the earlier singers ("background_ost")
        static const RE2 kPastDate(
            "(?:^|\\s)(?:지난해|지난\\s*\\d{4}\\s*년|지난\\s*\\d{1,2}\\s*월)|"
            "(?i:\\blast\\s+(?:year|\\d{4})\\b)");
        static const RE2 kPutOut(
            "발표하며|발표했|발매했|공개했|선보였|선보이며|불렀|시작으로|(?i:\\breleased\\b)");
        static const RE2 kComing(
            "예정|(?:공개|발매|발표)(?:된다|한다|될|할)|나선다|부른다|"
            "(?i:\\b(?:will|upcoming|set\\s+to)\\b)");
        if (news_before(si) && RE2::PartialMatch(a.text, kPastDate) &&
            RE2::PartialMatch(a.text, kPutOut) && !RE2::PartialMatch(a.text, kComing)) {
          decide("ost: sentence " + std::to_string(si) +
                 " tells songs put out in the past after the story's news; its singers are no "
                 "news (background_ost)");
          continue;
        }
      }
      // "its first OST was sung by A, B sang 'S' as the second OST, and now C …", "특히 7번째
      // OST는 A가 직접 불러 화제가 됐다": a singer whose own clause numbers an earlier part than
      // the one the story announces, and tells it in the past, sang an earlier song
      if (!casting && news_part > 1 && !persons.empty()) {
        static const RE2 kPastEn(
            "(?i)\\b(?:sang|sung|recorded|released|was|were|had|lent|got|gave|topped|opened|"
            "kicked\\s+off|performed|featured)\\b");
        static const RE2 kFutureEn(
            "(?i)\\b(?:will|would|to\\s+be|set\\s+to|going\\s+to|upcoming|is\\s+to|are\\s+to)\\b");
        static const RE2 kPastKo(
            "불렀|불러|부른\\s|참여했|참여한\\s|가창한\\s|공개됐|공개된\\s|공개했|발매됐|발매된\\s|"
            "발표했|발표한\\s|선보였|선보인\\s|얻었|받았|모았|끌었|됐다|사랑받");
        static const RE2 kFutureKo(
            "예정|(?:공개|발매|발표)(?:된다|한다|될|할)|나선다|부른다|가창한다|참여한다|합류한다|"
            "들려준다|선보인다");
        const auto pclauses = ClauseSpans(a.text, ko);
        std::vector<const Mention*> kept;
        for (const Mention* p : persons) {
          bool earlier = false;
          if (OwnsMention(a.mentions.items, p)) {
            for (const auto& [cb, ce] : pclauses) {
              if (p->begin < cb || p->begin >= ce) continue;
              const std::string_view cl(a.text.data() + cb, ce - cb);
              const int before = FindPart(std::string_view(a.text.data() + cb, p->begin - cb));
              const int after =
                  p->end <= ce ? FindPart(std::string_view(a.text.data() + p->end, ce - p->end))
                               : 0;
              const bool numbered = before > 0 || after > 0;
              const bool older =
                  (before == 0 || before < news_part) && (after == 0 || after < news_part);
              earlier = numbered && older && RE2::PartialMatch(cl, ko ? kPastKo : kPastEn) &&
                        !RE2::PartialMatch(cl, ko ? kFutureKo : kFutureEn);
            }
          }
          if (!earlier) kept.push_back(p);
        }
        if (kept.size() < persons.size()) {
          decide("ost: sentence " + std::to_string(si) + ": " +
                 std::to_string(persons.size() - kept.size()) +
                 " name(s) in a clause that tells an earlier part than part " +
                 std::to_string(news_part) + " sang an earlier song");
          persons = std::move(kept);
          if (persons.empty()) continue;
        }
      }
      // "A가 B의 OST Part.1 'S1'에 이어 Part.2를 부른다", "B의 'S1' 이후 두 번째 주자로 A가",
      // "Following B’s 'S1', A will sing the second OST": the owner of the song the news follows
      // sang it before; the news is the other name (or the story's, when the sentence names
      // only the owner)
      if (!casting && !persons.empty()) {
        static const RE2 kKoOwnerFollowed(
            "^의\\s+(?:[^\\s,]+\\s+){0,4}?[^\\s,]*?(?:에\\s*이어|의\\s*뒤를\\s*이어|[을를]\\s*"
            "시작으로|이후)");
        static const RE2 kEnFollowing("(?i)\\b(?:following|after)\\s+$");
        std::vector<const Mention*> kept;
        for (const Mention* p : persons) {
          bool owner = false;
          if (OwnsMention(a.mentions.items, p)) {
            const std::string_view t(a.text);
            if (ko) {
              const size_t from = t.substr(p->begin, p->text.size()) == p->text
                                      ? p->begin + p->text.size()
                                      : p->end;
              owner = RE2::PartialMatch(t.substr(from, std::min<size_t>(160, t.size() - from)),
                                        kKoOwnerFollowed);
            } else {
              const size_t b0 = p->begin > 16 ? p->begin - 16 : 0;
              const std::string_view span = t.substr(p->begin, p->end - p->begin);
              const std::string_view next =
                  t.substr(p->end, std::min<size_t>(4, t.size() - p->end));
              const bool possessive = EndsWithPossessive(span) || StartsWithPossessive(next);
              owner = possessive && RE2::PartialMatch(t.substr(b0, p->begin - b0), kEnFollowing);
            }
          }
          if (!owner) kept.push_back(p);
        }
        if (kept.size() < persons.size()) {
          decide("ost: sentence " + std::to_string(si) + ": " +
                 std::to_string(persons.size() - kept.size()) +
                 " name(s) own the song the news follows; they sang before");
          persons = std::move(kept);
        }
      }
      // "A and B will sing for 'W'. … A sang for 'W1', 'W2' and 'W3'", "A가 'W1' OST 이후 7년 만에
      // 참여한 곡": a later sentence that gives singers the story already bound to its drama
      // other titles, in the past, tells their earlier OSTs, not more news. A bare "sung" is
      // not past: "the ninth OST of 'W', sung by A" describes the song at hand
      if (!casting && si > 0 && story_work != nullptr && !persons.empty()) {
        static const RE2 kResumeEn(
            "(?i)\\b(?:sang|has\\s+(?:also\\s+)?(?:sung|lent|participated|recorded)|known\\s+"
            "for|previously|earlier|past)\\b");
        static const RE2 kResumeKo("이후|만에|바\\s*있|불렀던|참여했던|앞서|이전");
        const std::string story_key = NormalizeKey(story_work->text);
        bool other_title = false, story_title = false;
        for (const auto& m : a.mentions.items) {
          if (!usable_work(m)) continue;
          if (NormalizeKey(m.text) == story_key) {
            story_title = true;
          } else {
            other_title = true;
          }
        }
        bool all_bound = true;
        for (const Mention* p : persons) {
          bool was = false;
          for (const auto& b : bound) {
            was = was || (b.work != nullptr && NormalizeKey(b.work->text) == story_key &&
                          (b.person == p || NormalizeKey(b.person->text) == NormalizeKey(p->text) ||
                           (b.person->person != nullptr && b.person->person == p->person)));
          }
          all_bound = all_bound && was;
        }
        if (other_title && !story_title && all_bound &&
            RE2::PartialMatch(a.text, ko ? kResumeKo : kResumeEn)) {
          decide("ost: sentence " + std::to_string(si) +
                 " gives singers already bound to the story's drama other titles in the past; "
                 "their earlier OSTs");
          continue;
        }
      }
      // "'W'는 A의 'S1'을 시작으로 B 'S2', C 'S3' 등 공개되는 OST마다 호응을 얻었다", "그간 A, B가
      // 차례로 참여해 사랑을 받았다": a Korean sentence that runs through the songs already out
      // and ends on how they were received names the earlier singers, not the news
      if (!casting && ko && !persons.empty()) {
        static const RE2 kRun("시작으로|마다|차례로|잇달아|연이어|줄줄이");
        static const RE2 kReceived(
            "(?:호응|사랑|인기|관심|호평|화제|주목)(?:을|를|이|가)?\\s*(?:한\\s*몸에\\s*)?(?:얻었|"
            "받았|끌었|모았|됐)|(?:사랑|주목)받았|상위권에\\s*(?:올랐|진입했)");
        static const RE2 kAhead(
            "예정|(?:공개|발매|발표)(?:된다|한다|될|할)|나선다|부른다|가창한다|참여한다|합류한다|"
            "들려준다|선보인다");
        if (RE2::PartialMatch(a.text, kRun) && RE2::PartialMatch(a.text, kReceived) &&
            !RE2::PartialMatch(a.text, kAhead)) {
          decide("ost: sentence " + std::to_string(si) +
                 " runs through the songs already out and their reception; its singers are no "
                 "news");
          continue;
        }
        // "앞서 A, B가 참여한 'W' OST의 세 번째 주자로 C가 나선다", "이미 A와 B가 가창한 'W' OST에
        // C가 합류한다": the names between 앞서 / 이미 and a past adnominal (참여한, 부른, 가창한)
        // sang before; the news is a name after it
        static const RE2 kAlready("((?:^|\\s)(?:앞서|이미|먼저|그간|그동안|지금까지|이전에)\\s)");
        static const RE2 kDoneAdnominal(
            "((?:참여한|부른|가창한|불렀던|참여했던|발표한|선보인|공개한|발매한|함께한)\\s)");
        re2::StringPiece in(a.text), hit;
        if (RE2::FindAndConsume(&in, kAlready, &hit)) {
          const size_t from = static_cast<size_t>(hit.data() - a.text.data());
          re2::StringPiece done;
          if (RE2::FindAndConsume(&in, kDoneAdnominal, &done)) {
            const size_t to = static_cast<size_t>(done.data() - a.text.data());
            std::vector<const Mention*> kept;
            bool after = false;
            for (const Mention* p : persons) {
              const bool own = OwnsMention(a.mentions.items, p);
              if (own && p->begin >= to) after = true;
              if (!own || p->begin < from || p->begin >= to) kept.push_back(p);
            }
            if (after && kept.size() < persons.size()) {
              decide("ost: sentence " + std::to_string(si) + ": " +
                     std::to_string(persons.size() - kept.size()) +
                     " name(s) between '앞서' and a past adnominal sang before");
              persons = std::move(kept);
            }
          }
        }
      }
      if (si == 0 && vetoes(a) && (!a.has_type[ti] || a.story_veto) && story.index == 0 &&
          !(casting && ko && (story_replacement || lead_opens_new_casting))) {
        // "[입대 러시] …": a headline about something else makes the story no casting news
        decide(std::string(casting ? "casting" : "ost") +
               ": the headline is other news; story vetoed");
        break;
      }
      if (!a.has_type[ti] || (casting && a.has_type[1])) {
        // an OST sentence is about singing: its casting words ("the lead actress of")
        // describe the drama, not a casting
        // (names of a sentence about other news are nobody's anaphor)
        if (!persons.empty() && last_persons.empty() && !vetoes(a)) {
          last_persons = persons;
        } else if (ko && !persons.empty() && persons.size() > last_persons.size() && !vetoes(a)) {
          // "A·B 등 배우 6인, 'W' 캐스팅" + "A와 B, C, D, E, F 등 배우 6인이 …" + "라인업을
          // 공개했다": a sentence that names every one of the story's persons and more is the
          // full line-up they head; a nameless cue after it speaks of all of them
          // (a list that names the work, with no topic subject: "A는 'W1'에서 B, C와 호흡을
          // 맞춘 바 있다" tells A's past, no line-up)
          std::set<std::string> here;
          for (const Mention* p : persons) here.insert(NormalizeKey(p->text));
          bool all = true;
          for (const Mention* p : last_persons) all = all && here.count(NormalizeKey(p->text));
          bool names_work = false;
          for (const auto& m : a.mentions.items) names_work = names_work || usable_work(m);
          bool topic = false;
          for (const Mention* p : persons) topic = topic || NameHasTopicParticle(a.text, *p);
          if (all && names_work && !topic) last_persons = persons;
        }
        continue;
      }
      if (casting && ko && !vetoes(a) && persons.size() > 1) {
        // "A가 B 후임으로 'W'에 출연한다", "A, B 대신 'W' 합류", "A가 B의 자리를 대체할까": with no
        // word of leaving the person replaced is still no casting news beside the newcomer
        std::vector<const Mention*> staying;
        for (const Mention* p : persons) {
          if (!(OwnsMention(a.mentions.items, p) && KoreanLeaves(a.text, *p))) {
            staying.push_back(p);
          }
        }
        if (!staying.empty() && staying.size() < persons.size()) {
          persons = std::move(staying);
          decide("casting: sentence " + std::to_string(si) +
                 " names the person a newcomer replaces; that person is no news");
        }
      }
      if (vetoes(a) && casting && ko && KoreanReplacement(a.text)) {
        // "하차한 B의 대타로 A가 투입": the newcomer is casting news, the one who leaves is not
        std::vector<const Mention*> staying;
        for (const Mention* p : persons) {
          if (OwnsMention(a.mentions.items, p) && KoreanLeaves(a.text, *p)) {
            veto(p);
          } else {
            staying.push_back(p);
          }
        }
        persons = std::move(staying);
        decide("casting: sentence " + std::to_string(si) +
               " names a replacement; only the one who leaves is vetoed");
      } else if (vetoes(a) && !ko) {
        // "Minah Drops Out of New Sitcom, Serri, Jiyul and Kyungri Added to Cast Lineup": in
        // English a person's predicate follows the name, so a negative cue covers the persons
        // whose next cue it is (the last cue for names after every cue)
        auto is_veto = [&](const Rule* r) {
          return r->type == RuleType::kNegative &&
                 (r->status == "all" || r->status == (casting ? "casting" : "ost"));
        };
        auto is_type = [&](const Rule* r) {
          return !r->modifier && !r->story_only &&
                 r->type == (casting ? RuleType::kCasting : RuleType::kOst);
        };
        // (only when a cue of the type stands in a clause of its own; "A is reportedly dating
        // B, agency responds" is other news as a whole)
        const auto vclauses = ClauseSpans(a.text, ko);
        auto clause_of = [&](size_t at) {
          size_t k = 0;
          while (k + 1 < vclauses.size() && vclauses[k].second <= at) ++k;
          return k;
        };
        std::set<size_t> veto_clauses;
        for (const auto& c : a.cues) {
          if (is_veto(c.rule)) veto_clauses.insert(clause_of(c.begin));
        }
        bool free_cue = false;
        for (const auto& c : a.cues) {
          // (a rumour word — "ending rumors that …" — states no casting of its own)
          if (is_type(c.rule) && c.rule->status != "rumored" &&
              !veto_clauses.count(clause_of(c.begin))) {
            free_cue = true;
          }
        }
        // "A was up for the lead opposite B, but she has now declined the role": a veto whose
        // clause has a pronoun subject speaks of the sentence's subject (its first person
        // before that clause), not of a co-star named between
        const Mention* pronoun_vetoed = nullptr;
        static const RE2 kPronounBefore(
            "(?i)(?:^|[,;]\\s*|\\b(?:but|and|yet|though|although|while)\\s+)(?:she|he|they)\\s+"
            "(?:[a-z]+\\s+){0,3}$");
        for (const auto& c : a.cues) {
          if (!is_veto(c.rule) || persons.empty()) continue;
          const size_t from = vclauses[clause_of(c.begin)].first;
          if (from == 0 || persons.front()->begin >= from) continue;
          if (RE2::PartialMatch(std::string_view(a.text).substr(from, c.begin - from),
                                kPronounBefore)) {
            pronoun_vetoed = persons.front();
          }
        }
        std::vector<const Mention*> staying;
        for (const Mention* p : persons) {
          if (p == pronoun_vetoed) {
            veto(p);
            continue;
          }
          if (!free_cue) {
            veto(p);
            continue;
          }
          const Rule* next = nullptr;
          const bool own = OwnsMention(a.mentions.items, p);
          for (const auto& c : a.cues) {
            if (own && c.begin >= p->end && (is_veto(c.rule) || is_type(c.rule))) {
              next = c.rule;
              break;
            }
          }
          for (auto it = a.cues.rbegin(); own && next == nullptr && it != a.cues.rend(); ++it) {
            if (is_veto(it->rule) || is_type(it->rule)) next = it->rule;
          }
          if (!own || next == nullptr || is_veto(next)) {
            veto(p);
          } else {
            staying.push_back(p);
          }
        }
        decide(std::string(casting ? "casting" : "ost") + ": sentence " + std::to_string(si) +
               " has a negative cue; it covers the persons it follows (" +
               std::to_string(persons.size() - staying.size()) + " of " +
               std::to_string(persons.size()) + ")");
        if (staying.empty()) continue;
        persons = std::move(staying);
      } else if (vetoes(a)) {
        // "앞서 A는 <귀환>에 출연하기로 했으나 제작이 무기한 연기됐다": in Korean a vetoed
        // sentence that names a work other than the story's vetoes that work only
        const Mention* own_work = nullptr;
        if (ko && casting) {
          for (const auto& m : a.mentions.items) {
            if (usable_work(m)) {
              own_work = &m;
              break;
            }
          }
        }
        const bool other_work = own_work != nullptr && story_work != nullptr &&
                                NormalizeKey(own_work->text) != NormalizeKey(story_work->text);
        for (const Mention* p : persons) {
          if (other_work) {
            vetoed_pairs.insert(NormalizeKey(p->text) + "|" + NormalizeKey(own_work->text));
          } else {
            veto(p);
          }
        }
        decide(std::string(casting ? "casting" : "ost") + ": sentence " + std::to_string(si) +
               " vetoed by a negative cue");
        continue;
      }
      // "He is set to play Heo Chi-hyun, the half-brother to Lee Min-ho's …": a pronoun subject
      // right before the cue speaks of the story's persons; names after it are characters and
      // co-stars (only "alongside"/"opposite" ones join the announcement)
      if (!ko && !persons.empty() && !last_persons.empty() && cue_subject_is_pronoun(a)) {
        std::vector<const Mention*> kept = last_persons;
        for (const Mention* p : persons) {
          const size_t b0 = p->begin > 12 ? p->begin - 12 : 0;
          static const RE2 kBeside("(?i)\\b(?:alongside|opposite)\\s+$");
          if (RE2::PartialMatch(re2::StringPiece(a.text.data() + b0, p->begin - b0), kBeside) ||
              IsCoStar(a.text, *p, ko)) {
            kept.push_back(p);
          }
        }
        persons = std::move(kept);
        decide(std::string(casting ? "casting" : "ost") + ": sentence " + std::to_string(si) +
               " has a pronoun subject; it speaks of the story's persons");
      }
      // ("다른 배우와 협의 중", "in talks with another actor": someone else, not the story's;
      // "주연 배우가 자신이 참여한 …": an actor in general, with its reflexive)
      static const RE2 kSomeoneElse(
          "(?i)다른\\s*(?:배우|후보|연기자)|(?:배우|가수|연기자|스타|아이돌)들?(?:이|가)\\s+"
          "(?:자신|본인)|\\b(?:another|other)\\s+(?:actors?|actress(?:es)?|"
          "candidates?)\\b|\\bsomeone\\s+else\\b");
      // ("'W' is a film by director B, who won the Blue Dragon award in 2015": a cue inside a
      // ", who …" clause tells of the one that clause describes, not of the story's persons)
      bool cues_in_relative = false;
      if (casting && !ko && persons.empty()) {
        static const RE2 kWhoBefore("(?i),\\s+who\\s+[^,;.]*$");
        for (const auto& c : a.cues) {
          if (c.rule->type != RuleType::kCasting || c.rule->modifier) continue;
          const size_t from = c.begin > 100 ? c.begin - 100 : 0;
          cues_in_relative =
              RE2::PartialMatch(re2::StringPiece(a.text.data() + from, c.begin - from), kWhoBefore);
          if (!cues_in_relative) break;
        }
        if (cues_in_relative) {
          decide("casting: sentence " + std::to_string(si) +
                 " has its cues only in a ', who' clause; not the story's persons");
        }
      }
      // "'W' unveiled the actors who will play the crew. A, B and C will be the sailors.", "주연
      // 세 명을 모두 신인으로 캐스팅했다. A, B, C가 그 주인공이다": a nameless cue that speaks of a
      // line-up (cast, singers, 배우, 주인공) is followed by the list of its names; each name of
      // the sentences that follow it with only names (no cue of the type, no veto, no title) is
      // one of the line-up, with the persons the story named before
      if (persons.empty() && !cast_only && !cues_in_relative && !vetoes(a) &&
          si + 1 < story.sentences.size()) {
        static const RE2 kLineUpNoun(
            "(?i)\\b(?:cast|casting|line-?up|actors|actresses|singers|artists|members|stars|"
            "leads|vocalists|newcomers|rookies)\\b|라인업|배우|가수|출연진|주인공|신인|신예|멤버");
        // ("배우 A가 … OST를 가창한다. 앞서 'W1' B, 'W2' C가 OST를 불러 인기를 끈 바 있다": a
        // sentence that opens on what came before lists no one of this line-up)
        static const RE2 kOpensOnBefore(
            "^\\s*(?:앞서|이에\\s*앞서|(?i:previously|earlier|prior\\s+to\\s+this)\\b)");
        std::vector<const Mention*> listed;
        if (RE2::PartialMatch(a.text, kLineUpNoun)) {
          for (size_t k = si + 1; k < story.sentences.size(); ++k) {
            const Analysed& b = story.sentences[k];
            if (b.has_type[ti] || b.veto[ti]) break;
            if (RE2::PartialMatch(b.text, kOpensOnBefore)) break;
            std::vector<const Mention*> names;
            bool titled = false;
            for (const auto& m : b.mentions.items) {
              if (usable_work(m)) titled = true;
              const bool named =
                  m.kind == MentionKind::kPerson || (!casting && m.kind == MentionKind::kGroup);
              if (!named || m.aside || m.in_parens) continue;
              if (!casting && NamedAsCast(b.text, m, ko)) continue;
              if (m.kind == MentionKind::kGroup && member_named(m.text)) continue;
              names.push_back(&m);
            }
            if (titled || names.size() < 2) break;
            listed.insert(listed.end(), names.begin(), names.end());
          }
        }
        if (!listed.empty()) {
          std::set<std::string> have;
          for (const Mention* p : last_persons) {
            have.insert(NormalizeKey(p->text));
            persons.push_back(p);
          }
          for (const Mention* p : listed) {
            if (have.insert(NormalizeKey(p->text)).second) persons.push_back(p);
          }
          decide(std::string(casting ? "casting" : "ost") + ": sentence " + std::to_string(si) +
                 " is a nameless line-up cue; it speaks of the " + std::to_string(listed.size()) +
                 " name(s) listed after it");
        }
      }
      // "케이는 지난해 드라마 'W1' OST에 참여해 … 호응을 이끈바 있다", "특히 지난 'W1' OST 'S'는
      // 발매 당시 …": a nameless OST sentence that names only another title than the story's, in
      // the past, tells the story's singers' earlier OSTs, not more news
      bool past_other_title = false;
      if (!casting && ko && persons.empty() && si > 0 && story_work != nullptr) {
        static const RE2 kPastKo("(?:^|\\s)지난(?:해)?\\s|당시|바\\s*있|불렀던|참여했던|이전");
        const std::string story_key = NormalizeKey(story_work->text);
        bool other_title = false, story_title = false;
        for (const auto& m : a.mentions.items) {
          if (!usable_work(m)) continue;
          (NormalizeKey(m.text) == story_key ? story_title : other_title) = true;
        }
        past_other_title = other_title && !story_title && RE2::PartialMatch(a.text, kPastKo);
        if (past_other_title) {
          decide("ost: sentence " + std::to_string(si) +
                 " has no name and tells another title in the past; the story's singers' "
                 "earlier OSTs");
        }
      }
      if (persons.empty() && (IsAnaphor(a.text, ko) || si > 0) && !cast_only && !cues_in_relative &&
          !past_other_title && !RE2::PartialMatch(a.text, kSomeoneElse)) {
        persons = last_persons;
        // "Squid Game star A signs a drama; B and C in talks. A has signed … The actor will star
        // in W": a nameless English sentence whose subject is one actor ("The actor", "She")
        // speaks of the one person the nearest sentence naming anybody names, not of all the
        // story's persons
        if (!ko && casting && si > 0 && persons.size() > 1) {
          static const RE2 kOneSubject(
              "^\\W*(?:(?i:the|this)\\s+(?:[\\w'’-]+\\s+){0,3}?(?i:actor|actress|singer|star|idol|"
              "rapper|singer-actress|singer-actor|heartthrob)(?:'s|’s)?\\s|(?:He|She)\\s)");
          if (RE2::PartialMatch(a.text, kOneSubject)) {
            for (size_t sj = si; sj-- > 0;) {
              std::vector<const Mention*> named;
              for (const auto& m : story.sentences[sj].mentions.items) {
                if (m.kind == MentionKind::kPerson && !m.aside && !m.in_parens) {
                  named.push_back(&m);
                }
              }
              if (named.empty()) continue;
              const Mention* one = nullptr;
              for (const Mention* p : persons) {
                if (named.size() == 1 && NormalizeKey(p->text) == NormalizeKey(named[0]->text)) {
                  one = p;
                }
              }
              if (one != nullptr) {
                persons = {one};
                decide("casting: sentence " + std::to_string(si) +
                       " has one actor for subject; it speaks of the person sentence " +
                       std::to_string(sj) + " names");
              }
              break;
            }
          }
        }
        // "A의 소속사 관계자는 “… 크다. 'W'도 검토 중인 작품일 뿐”이라고 밝혔다": a nameless
        // Korean sentence that closes a quote the sentence before opened goes on with what that
        // sentence said of the story's persons it names (A, not the B of the story)
        if (ko && si > 0 && persons.size() > 1) {
          const std::string& prev = story.sentences[si - 1].text;
          auto count = [](std::string_view t, std::string_view mark) {
            size_t k = 0;
            for (size_t at = t.find(mark); at != std::string_view::npos;
                 at = t.find(mark, at + mark.size())) {
              ++k;
            }
            return k;
          };
          const std::string_view kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";  // “ ”
          const bool continues = (count(prev, kOpen) > count(prev, kClose) &&
                                  count(a.text, kClose) > count(a.text, kOpen)) ||
                                 (count(prev, "\"") % 2 == 1 && count(a.text, "\"") % 2 == 1);
          if (continues) {
            std::set<std::string> named;
            for (const auto& m : story.sentences[si - 1].mentions.items) {
              if (m.kind == MentionKind::kPerson && !m.aside) named.insert(NormalizeKey(m.text));
            }
            std::vector<const Mention*> kept;
            for (const Mention* p : persons) {
              if (named.count(NormalizeKey(p->text))) kept.push_back(p);
            }
            if (!kept.empty() && kept.size() == named.size() && kept.size() < persons.size()) {
              persons = std::move(kept);
              decide(std::string(casting ? "casting" : "ost") + ": sentence " + std::to_string(si) +
                     " goes on with the quote of the sentence before; it speaks of the persons "
                     "that sentence names");
            }
          }
        }
        // "배우 A가 'W'에 이름을 올렸다. … 민아를 연기한다": one character is played by one person;
        // a nameless Korean sentence that gives one character speaks of the one person the
        // sentence before names (not of co-stars the headline adds, "…B·C와 호흡")
        if (ko && casting && si > 0 && persons.size() > 1) {
          int roles = 0;
          for (const auto& m : a.mentions.items) roles += m.kind == MentionKind::kRole ? 1 : 0;
          std::vector<const Mention*> before;
          for (const auto& m : story.sentences[si - 1].mentions.items) {
            if (m.kind == MentionKind::kPerson && !m.aside && !m.in_parens) before.push_back(&m);
          }
          if (roles == 1 && before.size() == 1) {
            for (const Mention* p : persons) {
              if (NormalizeKey(p->text) == NormalizeKey(before[0]->text)) {
                persons = {p};
                decide("casting: sentence " + std::to_string(si) +
                       " gives one character; it speaks of the person the sentence before names");
                break;
              }
            }
          }
        }
        if (!persons.empty()) {
          decide(std::string(casting ? "casting" : "ost") + ": sentence " + std::to_string(si) +
                 " has no name; it speaks of the story's persons");
        }
      }
      if (!persons.empty()) last_persons = persons;
      // The work: in this sentence, the one nearest the first cue of the type.
      const Mention* work = nullptr;
      size_t cue_at = std::string::npos;
      for (const auto& c : a.cues) {
        if ((casting && c.rule->type == RuleType::kCasting) ||
            (!casting && c.rule->type == RuleType::kOst)) {
          cue_at = c.begin;
          break;
        }
      }
      std::vector<const Mention*> works;
      for (const auto& m : a.mentions.items) {
        if (usable_work(m)) works.push_back(&m);
      }
      if (casting && ko && works.size() >= 2) {
        // "'W1'은 'W2' 제작사 대표, KBS CP와 이야기를 끝낸 후 출연을 확정": a title that only
        // names the people of its production (제작사, 제작진, 대표, CP) is how the speaker
        // knows them; another title of the sentence is the one cast
        static const RE2 kMakersAfter(
            "^\\s*(?:의\\s*)?(?:제작사|제작진|제작\\s*관계자|대표|CP|책임\\s*프로듀서)");
        std::vector<const Mention*> kept;
        for (const Mention* w : works) {
          const std::string_view after(a.text.data() + w->end,
                                       std::min<size_t>(24, a.text.size() - w->end));
          if (!RE2::PartialMatch(after, kMakersAfter)) kept.push_back(w);
        }
        if (!kept.empty() && kept.size() < works.size()) works = std::move(kept);
      }
      if (!casting && works.size() >= 2) {
        // "'Song', the third OST of 'Work'", "'Work' OST 'Song'": the title tied to OST is the work
        static const RE2 kOstAfter(
            "(?i)^\\s*(?:'s|’s|의)?\\s*(?:[^\\s,]+\\s+){0,2}?(?:OST|O\\.S\\.T|soundtrack|sound\\s+"
            "track|주제가)");
        static const RE2 kWorkBefore(
            "(?i)(?:for|of|to|from|in)\\s+(?:the\\s+)?(?:\\S+(?:'s|’s)\\s+)?(?:(?:new|upcoming|"
            "drama|series|film|movie|web)\\s+)*$");
        // "the theme song for upcoming Korean-Chinese film 'W'", "웹드라마 'W'의 주연배우":
        // a title the text calls a drama or a film
        static const RE2 kWorkNounTie(
            "(?i)(?:drama|series|film|movie|sitcom|드라마|영화|시리즈)\\s*,?\\s*[“\"‘'《<〈「]?$");
        const Mention* tied = nullptr;
        // the text's own tie to "OST" first, then a work noun before the title, then
        // "for/of 'W'", a known title last ("the Chinese version of 'S' … for upcoming film 'W'")
        for (int pass = 0; pass < 4 && tied == nullptr; ++pass) {
          for (const Mention* w : works) {
            const std::string_view after(a.text.data() + w->end,
                                         std::min<size_t>(30, a.text.size() - w->end));
            const size_t bb = w->begin > 48 ? w->begin - 48 : 0;
            const std::string_view before(a.text.data() + bb, w->begin - bb);
            const bool tie = pass == 0   ? RE2::PartialMatch(after, kOstAfter)
                             : pass == 1 ? RE2::PartialMatch(before, kWorkNounTie)
                             : pass == 2 ? RE2::PartialMatch(before, kWorkBefore)
                                         : w->work != nullptr;
            if (tie) {
              tied = w;
              break;
            }
          }
        }
        if (tied != nullptr) {
          works = {tied};
        } else if (story_work != nullptr && (story_work->work != nullptr ||
                                             called_drama.count(NormalizeKey(story_work->text)))) {
          // "… A’s 'S1' and B’s 'S2' …": several titles neither tied to the OST nor known, in
          // a story whose earlier sentence named its drama, are songs; the drama stands
          bool earlier = false;
          for (size_t k = 0; k < si && !earlier; ++k) {
            for (const auto& m : story.sentences[k].mentions.items)
              earlier = earlier || &m == story_work;
          }
          if (earlier) works = {story_work};
        }
      }
      // ("메인 타이틀 및 엔딩 타이틀인 'S'를 불렀다": a title the text calls a song is one, even
      // when the gazetteer knows a work of that name)
      static const RE2 kSongNounBefore(
          "(?i)(?:곡|타이틀곡?(?:인|은|이자)?|노래|\\bsong|\\btrack|\\bsingle|\\bballad)\\s*,?\\s*"
          "[“\"‘'《<〈「]?$");
      auto called_song = [&](const Mention* w) {
        const size_t bb = w->begin > 24 ? w->begin - 24 : 0;
        return RE2::PartialMatch(std::string_view(a.text.data() + bb, w->begin - bb),
                                 kSongNounBefore);
      };
      if (!casting && works.size() == 1 && story_work != nullptr && works.front() != story_work &&
          (works.front()->work == nullptr || called_song(works.front())) &&
          !called_drama.count(NormalizeKey(works.front()->text)) &&
          (story_work->work != nullptr || called_drama.count(NormalizeKey(story_work->text)))) {
        // "'W'의 마지막 OST가 공개됐다. 'S'는 A가 부른 발라드다": one unknown title in a later
        // sentence, tied neither to the OST nor to a drama noun, in a story whose earlier
        // sentence named its drama, is the song; the drama stands
        static const RE2 kOstOrDramaTie(
            "(?i)^\\s*(?:'s|’s|의)?\\s*(?:[^\\s,]+\\s+){0,2}?(?:OST|O\\.S\\.T|soundtrack|sound\\s+"
            "track|주제가)");
        static const RE2 kDramaNounBefore(
            "(?i)(?:drama|series|film|movie|sitcom|드라마|영화|시리즈|극)\\s*,?\\s*[“\"‘'《<〈「]?"
            "$");
        const Mention* w = works.front();
        const std::string_view after(a.text.data() + w->end,
                                     std::min<size_t>(30, a.text.size() - w->end));
        const size_t bb = w->begin > 48 ? w->begin - 48 : 0;
        const std::string_view before(a.text.data() + bb, w->begin - bb);
        bool earlier = false;
        for (size_t k = 0; k < si && !earlier; ++k) {
          for (const auto& m : story.sentences[k].mentions.items)
            earlier = earlier || &m == story_work;
        }
        if (earlier && !RE2::PartialMatch(after, kOstOrDramaTie) &&
            !RE2::PartialMatch(before, kDramaNounBefore)) {
          decide("ost: sentence " + std::to_string(si) + ": the unknown title '" + w->text +
                 "' is a song of the story's drama");
          works = {story_work};
        }
      }
      if (!works.empty()) {
        work = works.front();
        if (cue_at != std::string::npos) {
          size_t best = SIZE_MAX;
          for (const Mention* w : works) {
            const size_t d = w->begin > cue_at ? w->begin - cue_at : cue_at - w->end;
            if (d < best) {
              best = d;
              work = w;
            }
          }
        }
      }
      if (show_story && (work == nullptr || (work->work == nullptr &&
                                             !called_drama.count(NormalizeKey(work->text))))) {
        decide("casting: sentence " + std::to_string(si) +
               " has no drama of its own in a show story (show_story)");
        continue;
      }
      if (work == nullptr) work = story_work;
      if (work == nullptr && casting) {
        // No titled work anywhere in the story: a casting may be in one project that has no
        // title yet ("joins an upcoming tvN drama", "최동훈 감독의 신작에 출연한다"), named in
        // this sentence (nearest the cue) or elsewhere in the story.
        auto untitled_project = [](const Analysed& in, size_t at) {
          const Mention* best = nullptr;
          size_t best_d = SIZE_MAX;
          bool network = false;
          for (const auto& m : in.mentions.items) network |= m.kind == MentionKind::kNetwork;
          for (const auto& p : in.projects) {
            const Mention& m = p.mention;
            // specific enough to be one project: the phrase names its maker or says it is
            // untitled, or (English) its sentence names the network ("a new drama" alone is
            // often talk of offers)
            if (!p.specific && !network) continue;
            const size_t d = at == std::string::npos ? 0
                             : m.begin > at          ? m.begin - at
                             : at > m.end            ? at - m.end
                                                     : 0;
            if (best == nullptr || d < best_d) {
              best = &m;
              best_d = d;
            }
          }
          return best;
        };
        work = untitled_project(a, cue_at);
        for (size_t k = 0; work == nullptr && k < story.sentences.size(); ++k) {
          work = untitled_project(story.sentences[k], std::string::npos);
        }
        if (work != nullptr) decide("casting: sentence " + std::to_string(si) + ": " + work->why);
      }
      if (work == nullptr) {
        decide(std::string(casting ? "casting" : "ost") + ": sentence " + std::to_string(si) +
               " has a cue but the story names no work");
        continue;
      }
      // In a roundup each clause has its own work: "A is in talks for 'X', while B is
      // considering 'Y'". A person takes the work of their own clause when it names one.
      const auto clauses = ClauseSpans(a.text, ko);
      if (!casting && clauses.size() > 1) {
        // "A sings the OST: B & C amplify emotions": the singers are in or before the OST clause
        size_t last_cue_clause = 0;
        bool found = false;
        for (size_t k = 0; k < clauses.size(); ++k) {
          for (const auto& c : a.cues) {
            if (c.rule->type == RuleType::kOst && !c.rule->modifier &&
                c.begin >= clauses[k].first && c.begin < clauses[k].second) {
              last_cue_clause = k;
              found = true;
            }
          }
        }
        if (found) {
          size_t limit = clauses[last_cue_clause].second;
          // "OST 라인업으로 A, B, C를 확정했다": in Korean the commas of a list of names split no
          // clause; a clause that opens on a name after a clause closing on a name and a comma
          // goes on with the list
          if (ko) {
            auto name_at = [&](size_t b, size_t e, bool first) {
              const Mention* hit = nullptr;
              for (const auto& m : a.mentions.items) {
                if ((m.kind != MentionKind::kPerson && m.kind != MentionKind::kGroup) ||
                    m.begin < b || m.begin >= e) {
                  continue;
                }
                hit = &m;
                if (first) break;
              }
              return hit;
            };
            for (size_t k = last_cue_clause + 1; k < clauses.size(); ++k) {
              const auto& [pb, pe] = clauses[k - 1];
              const Mention* last_name = name_at(pb, pe, false);
              const Mention* first_name = name_at(clauses[k].first, clauses[k].second, true);
              if (last_name == nullptr || first_name == nullptr) break;
              const std::string_view tail(a.text.data() + last_name->end, pe - last_name->end);
              const std::string_view head(a.text.data() + clauses[k].first,
                                          first_name->begin - clauses[k].first);
              if (tail.find_first_not_of(", ") != std::string_view::npos ||
                  tail.find(',') == std::string_view::npos ||
                  head.find_first_not_of(' ') != std::string_view::npos) {
                break;
              }
              limit = clauses[k].second;
            }
          }
          // ("… features his friend B as well, the former member of GROUP.": a clause that
          // only describes the name closing the sentence is an apposition to the OST clause)
          // (not "sings for his friend, actor B" nor "to support his fellow member, B": the
          // one sung for)
          // (nor ", a ballad for leads A and B": the cast the song is for)
          static const RE2 kCastWords(
              "(?i)\\b(?:for|leads?|stars?|starring|actors?|actress(?:es)?|plays?|playing|"
              "characters?|cast)\\b");
          static const RE2 kClosing("^[\\s.!?\"”’']*$");
          static const RE2 kForWhom(
              "(?i)\\b(?:for|support|supporting|cheer|cheering)\\b[^,]{0,60},?\\s*$");
          const size_t next_end =
              last_cue_clause + 1 < clauses.size() ? clauses[last_cue_clause + 1].second : limit;
          std::vector<const Mention*> kept;
          for (const Mention* p : persons) {
            const bool own = OwnsMention(a.mentions.items, p);
            const bool apposition =
                !ko && p->begin >= limit && p->end <= next_end && next_end >= a.text.size() &&
                !RE2::PartialMatch(std::string_view(a.text).substr(0, limit), kForWhom) &&
                !RE2::PartialMatch(std::string_view(a.text).substr(limit, p->begin - limit),
                                   kCastWords) &&
                RE2::FullMatch(std::string_view(a.text).substr(p->end), kClosing);
            if (!own || p->begin < limit || apposition) kept.push_back(p);
          }
          persons = std::move(kept);
        }
      }
      for (const Mention* p : persons) {
        const Mention* w = work;
        const bool own = OwnsMention(a.mentions.items, p);
        if (own && clauses.size() > 1) {
          for (size_t k = 0; k < clauses.size(); ++k) {
            const auto& [cb, ce] = clauses[k];
            if (p->begin < cb || p->begin >= ce) continue;
            bool found = false;
            for (const Mention* cand : works) {
              if (cand->begin >= cb && cand->begin < ce) {
                w = cand;
                found = true;
                break;
              }
            }
            // (own clause has a cue: the sentence's work stands)
            for (const auto& c : a.cues) {
              if (!found && c.begin >= cb && c.begin < ce && !c.rule->modifier &&
                  (casting ? c.rule->type == RuleType::kCasting : c.rule->type == RuleType::kOst)) {
                found = true;
              }
            }
            // "…; Park Min-young, Na In-woo set for Marry My Husband": in English a clause
            // that only names a person of a list takes the work of the clause whose cue it
            // borrows (the next one with a cue)
            for (size_t k2 = k + 1; !found && !ko && k2 < clauses.size(); ++k2) {
              bool cue_here = false;
              for (const auto& c : a.cues) {
                const bool of_type =
                    casting ? c.rule->type == RuleType::kCasting : c.rule->type == RuleType::kOst;
                if (of_type && !c.rule->modifier && c.begin >= clauses[k2].first &&
                    c.begin < clauses[k2].second) {
                  cue_here = true;
                }
              }
              if (!cue_here) continue;
              for (const Mention* cand : works) {
                if (cand->begin >= clauses[k2].first && cand->begin < clauses[k2].second) {
                  w = cand;
                  break;
                }
              }
              break;
            }
          }
        }
        bound.push_back({p, w, &a, si});
      }
      // the persons a later "the actor" speaks of: not the co-stars named with "alongside"
      if (casting) {
        std::vector<const Mention*> subjects;
        for (const Mention* p : persons) {
          const bool own = OwnsMention(a.mentions.items, p);
          if (!own || !IsCoStar(a.text, *p, ko)) subjects.push_back(p);
        }
        if (!subjects.empty()) last_persons = subjects;
      }
    }
    // An OST story whose nameless sentence says the songs are out.
    bool story_released = false;
    if (!casting) {
      for (const auto& a : story.sentences) {
        bool released = false, future = false, named = false;
        for (const auto& c : a.cues) {
          if (c.rule->type != RuleType::kOst) continue;
          if (c.rule->status == "released") released = true;
          if (c.rule->id.find("future") != std::string::npos) future = true;
        }
        // (the drama's cast named there sings nothing: "A and B’s upcoming drama 'W' has
        // released its first two OSTs")
        for (const auto& m : a.mentions.items) {
          if ((m.kind == MentionKind::kPerson || m.kind == MentionKind::kGroup) && !m.aside &&
              !m.in_parens && !NamedAsCast(a.text, m, ko)) {
            named = true;
          }
        }
        if (released && !future && !named) story_released = true;
      }
    }
    // "'너를 사랑한 시간'(…, 이하 '너사시')": a short form the text declares stands for the
    // title it follows, everywhere in the story
    std::map<std::string, const Mention*> declared_short;
    if (ko) {
      static const RE2 kShortFormBefore("이하\\s*$");
      for (const auto& a : story.sentences) {
        const Mention* last_title = nullptr;
        for (const auto& m : a.mentions.items) {
          if (m.kind != MentionKind::kWork) continue;
          const size_t b0 = m.begin > 12 ? m.begin - 12 : 0;
          if (m.in_parens && last_title != nullptr &&
              RE2::PartialMatch(re2::StringPiece(a.text.data() + b0, m.begin - b0),
                                kShortFormBefore)) {
            declared_short.emplace(NormalizeKey(m.text), last_title);
          } else if (!m.in_parens && !m.aside) {
            last_title = &m;
          }
        }
      }
    }
    for (auto& b : bound) {
      auto it = declared_short.find(NormalizeKey(b.work->text));
      if (it != declared_short.end()) b.work = it->second;
    }
    // A short form of a title ("김사부3") stands for the story's full one ("낭만닥터 김사부 3").
    auto work_key = [](const Mention* w) {
      return NormalizeKey(w->work != nullptr ? w->work->title : w->text);
    };
    for (auto& b : bound) {
      const std::string k = NormalizeKey(b.work->text);
      if (k.size() < 4) continue;
      // "'당만닥터 김사부3' … '낭만닥터 김사부 3'": an unknown Korean title one letter away
      // from a known title of the story is that title misspelt
      if (ko && b.work->work == nullptr) {
        for (const auto& a : story.sentences) {
          for (const auto& m : a.mentions.items) {
            if (m.kind == MentionKind::kWork && m.work != nullptr && !m.aside &&
                OneLetterApart(k, NormalizeKey(m.text))) {
              b.work = &m;
            }
          }
        }
      }
      for (const auto& a : story.sentences) {
        for (const auto& m : a.mentions.items) {
          if (m.kind != MentionKind::kWork || (m.aside && !m.alt_title) || &m == b.work) continue;
          const std::string longer = NormalizeKey(m.text);
          if (longer.size() > k.size() &&
              (longer.compare(longer.size() - k.size(), k.size(), k) == 0 ||
               longer.compare(0, k.size(), k) == 0)) {
            b.work = &m;
          }
        }
      }
    }
    bool story_report_only = false;
    {
      bool any_report = false, any_agency = false;
      for (const auto& a : story.sentences) {
        // (a report about something else — "according to reports, she fell ill" — is none)
        any_report = any_report || (a.explicit_report && a.has_type[0]);
        any_agency = any_agency || a.agency;
      }
      story_report_only = any_report && !any_agency;
    }
    // "Netflix has announced the cast for W. According to a report, W is set to star A, B and
    // C": the network's own sentence announces the line-up the report then lists, so the
    // listed persons are no mere report (English; the announcing sentence names nobody)
    bool story_cast_announced = false;
    if (casting && !ko) {
      for (const auto& a : story.sentences) {
        if (!a.agency) continue;
        const bool names_person =
            std::any_of(a.mentions.items.begin(), a.mentions.items.end(),
                        [](const Mention& m) { return m.kind == MentionKind::kPerson; });
        if (names_person) continue;
        for (const auto& cue : a.cues) {
          if (cue.rule->id == "casting.en.confirmed_cast" && cue.speaker == Speaker::kAgency) {
            story_cast_announced = true;
          }
        }
      }
    }
    // "아직 검토 전", "검토도 하기 전이다", "검토 단계는 아니다": the story says no review has
    // begun (the quote often runs over two sentences, so the story says it, not one claim)
    bool review_not_begun = false;
    if (casting && ko) {
      static const RE2 kReviewNotBegun(
          "검토\\s*(?:도\\s*)?(?:하기\\s*)?전(?:이|$|\\s|[\"”'’.,])|검토(?:하는|중인|할)?\\s*"
          "단계(?:는|가|도)\\s*아니|검토(?:를|는|도)?\\s*(?:하지\\s*않|안\\s*했|못\\s*했)");
      for (const auto& a : story.sentences) {
        review_not_begun = review_not_begun || RE2::PartialMatch(a.text, kReviewNotBegun);
      }
    }
    // "Kim Young-Kwang … In the drama, Kim Young-Kwan will play …": in an English story a name
    // the gazetteer lacks, one letter from a known person the story names, is that person
    // misspelt (names of eight letters or more)
    std::map<std::string, std::string> misspelt;  // key -> the known person's name
    if (!ko) {
      for (const Bound& b : bound) {
        if (b.person->person != nullptr || b.person->kind != MentionKind::kPerson) continue;
        const std::string k = NormalizeKey(b.person->text);
        if (k.size() < 8 || misspelt.count(k)) continue;
        for (const auto& a : story.sentences) {
          for (const auto& m : a.mentions.items) {
            if (m.kind == MentionKind::kPerson && m.person != nullptr &&
                OneEditApart(k, NormalizeKey(m.text))) {
              misspelt.emplace(k, m.person->name);
            }
          }
        }
      }
    }
    // One event per person (and work) over the story.
    // "Actor Kim So Yeon … So Yeon will join W", "Oscar Isaac … Isaac will star": in an English
    // story a name that is the rest of a full name the story writes after its first word is that
    // person, even when the gazetteer knows someone else by the short name (T-ara's Soyeon)
    // — but not when the story ties the short name to a group ("BTS' Jimin … Han Ji-min"):
    // that is the idol, and the full name someone else.
    std::map<std::string, const Mention*> given_name;  // short key -> the full name's mention
    if (!ko) {
      std::set<std::string> group_tied;  // short names the text writes with a group
      for (const auto& a : story.sentences) {
        for (const auto& m : a.mentions.items) {
          if (m.kind == MentionKind::kPerson && !m.group.empty()) {
            group_tied.insert(NormalizeKey(m.text));
          }
        }
      }
      for (const Bound& b : bound) {
        if (b.person->kind != MentionKind::kPerson) continue;
        const std::string k = NormalizeKey(b.person->text);
        if (k.size() < 4 || given_name.count(k) || group_tied.count(k)) continue;
        for (const auto& a : story.sentences) {
          for (const auto& m : a.mentions.items) {
            if (m.kind != MentionKind::kPerson || given_name.count(k)) continue;
            const size_t sp = m.text.find(' ');
            if (sp == std::string::npos || sp > 8 || m.person == b.person->person ||
                NormalizeKey(std::string_view(m.text).substr(sp + 1)) != k) {
              continue;
            }
            given_name.emplace(k, &m);
          }
        }
      }
    }
    auto full_person = [&](const Mention* p) {
      const auto it = given_name.find(NormalizeKey(p->text));
      return it != given_name.end() ? it->second : p;
    };
    std::map<std::string, std::vector<size_t>> by_key;
    std::vector<std::string> order;
    for (size_t i = 0; i < bound.size(); ++i) {
      const Bound& b = bound[i];
      const Mention* who = full_person(b.person);
      const auto typo = misspelt.find(NormalizeKey(who->text));
      const std::string key = NormalizeKey(who->person              ? who->person->name
                                           : typo != misspelt.end() ? typo->second
                                                                    : who->text) +
                              "|" + work_key(b.work);
      // (by the text, or by the gazetteer entry: "Yoochun" is vetoed with "Park Yoochun")
      if (vetoed.count(NormalizeKey(b.person->text)) ||
          (who->person != nullptr && vetoed.count("@" + NormalizeKey(who->person->name)))) {
        continue;
      }
      if (vetoed_pairs.count(NormalizeKey(b.person->text) + "|" + NormalizeKey(b.work->text))) {
        continue;
      }
      if (casting && ost_people.count(NormalizeKey(b.person->text))) continue;
      if (!casting) ost_people.insert(NormalizeKey(b.person->text));
      if (!by_key.count(key)) order.push_back(key);
      by_key[key].push_back(i);
    }
    // "배우 A가 드라마 'W'에 발탁됐다 … 극 중 'R'로 분한다": in a Korean story a person bound to a
    // work the text names as one (a known title, or a quote after 드라마/영화) is not bound
    // again to a bare quote (a role, an epithet, a statement); those claims join the named work.
    if (ko) {
      // (a title right after a Korean work noun: "웹드라마 'W'", "주말극 'W'", "E채널의 드라마
      // 'W'")
      static const RE2 kKoreanWorkNounBefore("(?:드라마|영화|시리즈|극|시트콤|웹무비)\\s*$");
      std::set<std::string> named_keys = called_drama;
      for (const auto& a : story.sentences) {
        for (const auto& m : a.mentions.items) {
          const size_t b0 = m.begin > 24 ? m.begin - 24 : 0;
          if (m.kind == MentionKind::kWork &&
              RE2::PartialMatch(re2::StringPiece(a.text.data() + b0, m.begin - b0),
                                kKoreanWorkNounBefore)) {
            named_keys.insert(NormalizeKey(m.text));
          }
        }
      }
      auto named_work = [&](const Mention* w) {
        return w->work != nullptr || named_keys.count(NormalizeKey(w->text)) > 0;
      };
      std::map<std::string, std::string> strong_key;  // person key -> first named-work key
      for (const std::string& key : order) {
        const std::string person = key.substr(0, key.find('|'));
        if (named_work(bound[by_key[key].front()].work)) strong_key.emplace(person, key);
      }
      std::vector<std::string> kept;
      for (const std::string& key : order) {
        const auto it = strong_key.find(key.substr(0, key.find('|')));
        if (it == strong_key.end() || it->second == key ||
            named_work(bound[by_key[key].front()].work)) {
          kept.push_back(key);
          continue;
        }
        auto& into = by_key[it->second];
        into.insert(into.end(), by_key[key].begin(), by_key[key].end());
        decide(std::string(casting ? "casting" : "ost") + ": '" +
               bound[by_key[key].front()].work->text + "' is no second work of " +
               bound[by_key[key].front()].person->text + " (the story names '" +
               bound[into.front()].work->text + "' as the work)");
      }
      order = std::move(kept);
    }
    // "A, star of W1, is in talks for W2 … her agency said she is reviewing W2": in an English
    // story a person is cast in one work; the other titles bound to them are earlier works or
    // sources. The work is the one the agency or production speaks of, else the headline's,
    // else the one with the most claims, else the last named; the other works' claims join it.
    if (!ko && casting) {
      std::map<std::string, std::vector<std::string>> keys_of;  // person key -> work keys
      for (const std::string& key : order) keys_of[key.substr(0, key.find('|'))].push_back(key);
      std::map<std::string, std::string> chosen;  // person key -> the kept key
      for (const auto& [person, keys] : keys_of) {
        if (keys.size() < 2) continue;
        std::string best;
        int best_score = -1;
        for (const std::string& key : keys) {
          bool agency = false, headline = false;
          int named = 0;
          for (size_t i : by_key[key]) {
            agency = agency || bound[i].sentence->agency;
            // (claims of sentences that name this title count; a sentence that only inherits
            // the story's first title — a headline of names — says nothing of which work)
            if (OwnsMention(bound[i].sentence->mentions.items, bound[i].work)) ++named;
            // (the headline's own title, not one it inherits from the lead)
            headline = headline || (story.has_headline && bound[i].index == 0 &&
                                    OwnsMention(bound[i].sentence->mentions.items, bound[i].work));
          }
          const int score = (agency ? 1000 : 0) + (headline ? 500 : 0) + named;
          if (score >= best_score) {  // (a tie goes to the work named last)
            best_score = score;
            best = key;
          }
        }
        chosen.emplace(person, best);
      }
      std::vector<std::string> kept;
      for (const std::string& key : order) {
        const auto it = chosen.find(key.substr(0, key.find('|')));
        if (it == chosen.end() || it->second == key) {
          kept.push_back(key);
          continue;
        }
        auto& into = by_key[it->second];
        decide("casting: '" + bound[by_key[key].front()].work->text + "' is no second work of " +
               bound[by_key[key].front()].person->text + " (the story casts them in '" +
               bound[into.front()].work->text + "')");
        into.insert(into.end(), by_key[key].begin(), by_key[key].end());
      }
      order = std::move(kept);
    }
    const size_t first_out = out->size();
    std::set<std::string> background;  // (en casting) persons named only as cast before the news
    for (const std::string& key : order) {
      if (out->size() >= opts_.max_events) return;
      const auto& idx = by_key[key];
      std::vector<Claim> claims;
      for (size_t i : idx) {
        const Analysed& a = *bound[i].sentence;
        Claim c;
        c.sentence = bound[i].index;
        c.agency = a.agency;
        c.report = a.report && !a.agency;
        c.review_not_begun = review_not_begun;
        int best = -1;
        bool future = false;
        // Cues of the person's own clause ("A is confirmed, while B is reviewing the offer");
        // a clause without one borrows the next clause's, then the sentence's.
        const auto clauses = ClauseSpans(a.text, ko);
        // persons carried over from an earlier sentence have no place in this one
        const bool own = OwnsMention(a.mentions.items, bound[i].person);
        const size_t at = own ? bound[i].person->begin : 0;
        size_t ci = 0;
        while (ci + 1 < clauses.size() && clauses[ci].second <= at) ++ci;
        auto type_cue_in = [&](size_t b, size_t e) {
          for (const auto& cue : a.cues) {
            const bool of_type =
                casting ? cue.rule->type == RuleType::kCasting : cue.rule->type == RuleType::kOst;
            if (of_type && cue.begin >= b && cue.begin < e) return true;
          }
          return false;
        };
        size_t lo = 0, hi = a.text.size();
        // "X courts A, B, C to star": a clause that is only a name of a list opened by a cue
        // before it takes that cue, not the next clause's
        bool list_item_after_cue = false;
        if (casting && own && ci > 0 && clauses.size() > 1 &&
            !type_cue_in(clauses[ci].first, clauses[ci].second)) {
          const size_t len = clauses[ci].second - clauses[ci].first;
          const size_t name = bound[i].person->end - bound[i].person->begin;
          bool cue_before_names = false;
          for (const auto& cue : a.cues) {
            if (cue.rule->type == RuleType::kCasting && !cue.rule->modifier &&
                cue.begin >= clauses[ci - 1].first && cue.begin < clauses[ci - 1].second) {
              for (const auto& m : a.mentions.items) {
                if (m.kind == MentionKind::kPerson && !m.aside && m.begin > cue.end &&
                    m.begin < clauses[ci - 1].second) {
                  cue_before_names = true;
                }
              }
            }
          }
          // (only across a comma: "…; A, B set for W" opens a new list)
          const std::string_view prev_clause(a.text.data() + clauses[ci - 1].first,
                                             clauses[ci - 1].second - clauses[ci - 1].first);
          const size_t last = prev_clause.find_last_not_of(' ');
          const bool comma_before = last != std::string_view::npos && prev_clause[last] == ',';
          if (len <= name + 8 && cue_before_names && comma_before) {
            list_item_after_cue = true;
            lo = clauses[ci - 1].first;
            hi = clauses[ci - 1].second;
          }
        }
        // (a person carried into a nameless sentence is the subject of all its clauses: "He
        // has yet to accept the offer but is positively considering it")
        if (casting && clauses.size() > 1 && !list_item_after_cue && (own || ko)) {
          for (size_t k = ci; k < clauses.size(); ++k) {
            if (type_cue_in(clauses[k].first, clauses[k].second)) {
              lo = clauses[k].first;
              hi = clauses[k].second;
              break;
            }
          }
        }
        // "In response to reports of the offer to A, her agency said she is reviewing it",
        // "Regarding the news of A's casting, …": a clause that only names what the statement
        // answers holds the report, not A's predicate; the rest of the sentence is A's
        if (casting && !ko && own && ci + 1 < clauses.size() && lo == clauses[ci].first) {
          static const RE2 kAnswerFrame(
              "(?i)^\\W*(?:in\\s+(?:response|reply)\\s+to|respond(?:ing|ed)\\s+to|replying\\s+to|"
              "regarding|addressing|(?:when\\s+)?asked\\s+about|commenting\\s+on|following)\\s+"
              "(?:the\\s+|these\\s+|such\\s+|this\\s+|recent\\s+|earlier\\s+|media\\s+)*(?:reports?"
              "|"
              "news|rumou?rs?|articles?|speculation)\\b");
          const std::string_view first(a.text.data() + clauses[ci].first,
                                       clauses[ci].second - clauses[ci].first);
          if (RE2::PartialMatch(first, kAnswerFrame)) hi = a.text.size();
        }
        // "A에게 출연을 제안했고, 현재 긍정 검토 중": in Korean a next clause that names no
        // person goes on with the person's predicate
        if (casting && ko && clauses.size() > 1) {
          size_t k = 0;
          while (k < clauses.size() && clauses[k].second <= hi) ++k;
          for (; k < clauses.size() && clauses[k].first == hi; ++k) {
            bool names = false;
            for (const auto& m : a.mentions.items) {
              if (m.kind == MentionKind::kPerson && !m.aside && m.begin >= clauses[k].first &&
                  m.begin < clauses[k].second) {
                names = true;
              }
            }
            if (names || !type_cue_in(clauses[k].first, clauses[k].second)) break;
            hi = clauses[k].second;
          }
        }
        // "A has received an offer …, and she's reviewing it": in English a next clause whose
        // subject is a pronoun goes on with the person's predicate; so does one with no subject
        // ("A has been offered W but is still considering it")
        if (casting && !ko && own && clauses.size() > 1) {
          static const RE2 kPronounClause(
              "(?i)^\\W*(?:and\\s+|but\\s+)?(?:he|she|they|"
              "both(?:\\s+(?:actors|actresses|stars|of\\s+them))?|"
              "the\\s+(?:two|pair|duo)(?:\\s+(?:actors|actresses|stars))?)"
              "(?:['’](?:s|re|ll)|\\s+(?:is|are|has|have|will|was|were))\\b|"
              "^\\W*(?:(?:and|but)\\s+)?(?:is|are|has|have|was|were)\\s");
          size_t k = 0;
          while (k < clauses.size() && clauses[k].second <= hi) ++k;
          for (; k < clauses.size() && clauses[k].first >= hi && clauses[k].first == hi; ++k) {
            const std::string_view cl(a.text.data() + clauses[k].first,
                                      clauses[k].second - clauses[k].first);
            bool names = false;
            for (const auto& m : a.mentions.items) {
              if (m.kind == MentionKind::kPerson && m.begin >= clauses[k].first &&
                  m.begin < clauses[k].second) {
                names = true;
              }
            }
            if (names || !RE2::PartialMatch(cl, kPronounClause)) break;
            hi = clauses[k].second;
          }
        }
        // "with A signing on and B in talks to join": in English a person's own predicate
        // follows the name, before the next person named
        if (casting && !ko && own) {
          const Mention* me = bound[i].person;
          size_t next_person = hi;
          for (const auto& m : a.mentions.items) {
            if (m.kind == MentionKind::kPerson && !m.aside && m.begin > me->end &&
                m.begin < next_person) {
              next_person = m.begin;
            }
          }
          const size_t from = std::max(lo, me->end);
          if (from < next_person && type_cue_in(from, next_person)) {
            lo = from;
            hi = next_person;
          } else if (from < hi && type_cue_in(from, hi) && type_cue_in(lo, from)) {
            lo = from;
          }
        }
        // "alongside B", "to join B and C in": co-stars already cast
        // ("A joins B in W": B's mention gives way to what the story says of B, as a co-star's)
        const bool joined = casting && own && !ko && JoinedAsExistingCast(a.text, *bound[i].person);
        const bool co_star = casting && own && (IsCoStar(a.text, *bound[i].person, ko) || joined);
        const bool existing_cast = casting && own &&
                                   (ko ? KoreanTellsEarlierCasting(a.text) ||
                                             KoreanAdnominalExistingCast(a.text, *bound[i].person)
                                       : NamedAsExistingCast(a.text, *bound[i].person) || joined ||
                                             StarringAsExistingCast(a.text, *bound[i].person) ||
                                             EnglishTellsEarlierCasting(a.text));
        const Rule* by_speaker[3] = {nullptr, nullptr, nullptr};  // Speaker order
        for (const auto& cue : a.cues) {
          if ((casting && cue.rule->type != RuleType::kCasting) ||
              (!casting && cue.rule->type != RuleType::kOst)) {
            continue;
          }
          if (cue.begin < lo || cue.begin >= hi) continue;
          if (casting && !ko && ConfirmsAnOffer(a.text, cue, a.cues)) continue;
          if (!casting && cue.rule->id.find("future") != std::string::npos) future = true;
          if (casting && cue.rule->status == "confirmed") c.cast_told = true;
          const int r = cue.rule->priority;
          if (r > best) {
            best = r;
            c.status = cue.rule->status;
            c.rule = cue.rule;
          }
          // casting: the strongest cue of each speaker is a claim of its own
          const auto sp = static_cast<size_t>(cue.speaker);
          if (casting && (by_speaker[sp] == nullptr || r > by_speaker[sp]->priority)) {
            by_speaker[sp] = cue.rule;
          }
        }
        // "will be released at 6 p.m. today": out on the day of the news
        c.future = future && a.text.find("today") == std::string::npos &&
                   a.text.find("\xEC\x98\xA4\xEB\x8A\x98") == std::string::npos;  // 오늘
        if (!casting && future && c.status == "released") {
          c.status = "announced";
        }
        if (!casting && c.status == "announced" && !future && story_released) {
          c.status = "released";  // "Two OSTs have been released for 'X'. The first is sung by A."
        }
        // casting: one claim per speaker of the person's cues (ClassifySpeakers), so that an
        // agency's "reviewing" and a report's "cast" in one sentence are weighed by precedence
        std::vector<Claim> mine;
        if (casting) {
          for (size_t sp = 0; sp < 3; ++sp) {
            if (by_speaker[sp] == nullptr) continue;
            Claim s = c;
            s.rule = by_speaker[sp];
            s.status = s.rule->status;
            s.agency = static_cast<Speaker>(sp) == Speaker::kAgency;
            s.report = static_cast<Speaker>(sp) == Speaker::kReport;
            mine.push_back(s);
          }
        } else if (c.rule != nullptr) {
          mine.push_back(c);
        }
        for (Claim& m : mine) {
          if (co_star && m.status != "denied") {
            m.status = "confirmed";
            // (named beside someone in a media report, the co-star is reported too)
            m.report = !ko && a.report && !a.agency;
            m.co_star = !ko;
          }
          // (the network announced the line-up that a report lists: see story_cast_announced)
          if (casting && !ko && story_cast_announced && m.status == "confirmed" && m.report &&
              !m.co_star) {
            m.report = false;
          }
          // "according to media reports": in an English story whose only source is a report
          // (no agency, production or network speaks) a stated casting is still a report
          if (casting && !ko && story_report_only && m.status == "confirmed" && !m.agency &&
              !m.co_star) {
            m.report = true;
          }
          // "'W' 출연이 확정되면 A는 'X' 이후 처음으로 드라마에 출연하게 된다": a Korean sentence
          // that tells the casting as a condition confirms nobody in it
          if (casting && ko && m.status == "confirmed" && !m.co_star) {
            static const RE2 kConditional(
                "(?:출연|캐스팅|합류)(?:이|가)?\\s*(?:최종\\s*)?(?:확정|성사)(?:되면[\\s,]|될\\s*"
                "경우|"
                "된다면)|(?:출연|합류)(?:하게\\s*되면[\\s,]|하게\\s*된다면|할\\s*경우|한다면)|"
                // "캐스팅을 통해 'X'가 될 가능성이 커졌다": a likelihood, not a casting
                "가능성(?:이|도)?\\s*(?:커졌|커지|크다|높다|높아|높은|제기)");
            if (RE2::PartialMatch(a.text, kConditional)) m.status = "rumored";
          }
          if (casting && m.status == "rumored") m.report = true;
          // (Korean: "앞서 한 매체는 … 보도했다" is an earlier report, a rumour, not an earlier
          // casting)
          m.existing_cast = existing_cast && !(ko && m.report);
          claims.push_back(m);
        }
      }
      if (claims.empty()) continue;
      std::string why;
      const Claim* chosen = nullptr;
      const std::string status = SettleStatus(claims, casting, ko, &why, &chosen);
      const Bound& first = bound[idx.front()];
      const Analysed& ev_sentence = *bound[chosen != nullptr ? [&] {
        for (size_t i : idx) {
          if (bound[i].index == chosen->sentence) return i;
        }
        return idx.front();
      }()
                                                             : idx.front()]
                                         .sentence;
      // network and kind: a network mention in the work's sentence (the gazetteer's name,
      // for the logic and the id; the event carries it as the text writes it)
      std::string network, network_written;
      for (size_t i : idx) {
        for (const auto& m : bound[i].sentence->mentions.items) {
          if (m.kind == MentionKind::kNetwork && network.empty()) {
            network = m.text;
            network_written = NetworkAsWritten(bound[i].sentence->text, m, *gazetteer_);
          }
        }
      }
      Detection d;
      d.type = type;
      d.status = status;
      const Mention* first_person = full_person(first.person);
      d.person = ResolvePerson(*first_person);
      if (first_person->person != nullptr && !first_person->person->group.empty()) {
        // "Girl’s Day’s Hyeri", "Chani of SF9", "빅톤 정수빈": the person's own group named
        // next to them anywhere in the story ties them to it, spelled as written
        std::string written;
        for (const Analysed& a : story.sentences) {
          for (const auto& m : a.mentions.items) {
            if (written.empty() && m.kind == MentionKind::kPerson &&
                m.person == first_person->person) {
              written = GroupNamedBeside(a.text, m, *gazetteer_);
            }
          }
        }
        if (!written.empty()) d.person.group = written;
      }
      if (const GazetteerPerson* gp = first_person->person;
          gp != nullptr && gp->kind == PersonKind::kIdol && !gp->also_actor &&
          d.person.group.empty()) {
        // "배우 이성민": the gazetteer reached an idol through a real name (Super Junior's
        // Sungmin is 이성민 too); when the story calls the person an actor, never names the
        // idol's group and the idol does not act, it is the actor of that name, unresolved
        const std::string k = NormalizeKey(first_person->text);
        bool group_named = false;
        const Analysed* home = nullptr;
        for (const Analysed& a : story.sentences) {
          for (const auto& m : a.mentions.items) {
            if (&m == first_person) home = &a;
            group_named = group_named || (m.kind == MentionKind::kGroup && m.text == gp->group) ||
                          (m.kind == MentionKind::kPerson && m.group == gp->group);
          }
        }
        if (home != nullptr && !group_named && k != NormalizeKey(gp->name) &&
            k != NormalizeKey(gp->native)) {
          const LearnedFacts f = LearnFactsAbout(home->text, *first_person, lang, *gazetteer_);
          if (f.actor && !f.idol && !f.singer && !f.rapper && f.group.empty()) {
            PersonRef own;
            own.name = first_person->text;
            if (ContainsHangul(own.name)) own.native = own.name;
            own.key = k;
            own.actor = true;
            own.learned = f;
            decide("person: " + own.name + " is an actor here, not " + gp->name + " of " +
                   gp->group + " (a real name the gazetteer holds for the idol)");
            d.person = std::move(own);
          }
        }
      }
      if (network.empty()) {
        // "tvN은 … 밝혔다" in another sentence of the story: the story's first network
        for (const Analysed& a : story.sentences) {
          for (const auto& m : a.mentions.items) {
            if (m.kind == MentionKind::kNetwork && !m.aside && !m.in_parens && network.empty()) {
              network = m.text;
              network_written = NetworkAsWritten(a.text, m, *gazetteer_);
            }
          }
        }
      }
      if (!d.person.resolved && first_person->kind == MentionKind::kPerson) {
        // what the story says about a name the gazetteer lacks (detect/learn.h)
        for (const Analysed& a : story.sentences) {
          for (const Mention& m : a.mentions.items) {
            if (m.kind == MentionKind::kPerson && m.person == nullptr &&
                NormalizeKey(m.text) == d.person.key) {
              MergeLearnedFacts(LearnFactsAbout(a.text, m, lang, *gazetteer_), &d.person.learned);
            }
          }
        }
      }
      const Analysed::Project* project = nullptr;
      for (const Analysed& a : story.sentences) {
        for (const auto& p : a.projects) {
          if (&p.mention == first.work) project = &p;
        }
      }
      // (Korean: offers and reviews only; "새 시리즈(제목 미정) 출연을 확정했다" reads 미정 as
      // a rumour, so a Korean rumour into a project is left as it was)
      if (project != nullptr && casting &&
          (status == "in_talks" || status == "reviewing" || (status == "rumored" && !ko))) {
        // "A is in talks for director B's new series", "A is looking favorably on an offer
        // for B's next film", "A가 B 작가의 신작 출연을 검토 중이다" (in Korean as in English):
        // an offer, a review or a rumour with no named work is a vague
        // offer, no announcement (detection-labels.md); an untitled project is one only once
        // the casting is settled
        decide("casting: " + d.person.name + " -> (untitled) is " + status +
               " with no named work; a vague offer, not news");
        continue;
      }
      if (project != nullptr) {
        // a project with no title yet: work.title null (schemas/README.md "work")
        d.work.kind = project->kind;
        d.work.network = network;
      } else {
        d.work = ResolveWork(*first.work, network, "");
        if (d.work.title.empty()) continue;
      }
      if (d.work.title.size() > 160 || d.person.name.empty() || d.person.name.size() > 80) {
        continue;
      }
      if (casting) {
        // "She plays Yoon Seo Ha, a postal worker.", "Park will portray Min Ha Yeon.": in a
        // sentence that names no actor, the character belongs to the subject that plays it: a
        // pronoun for the one person named last, or a word of a person's name (the surname the
        // story goes on with). 1: this person's, 0: another's, -1: no such subject.
        static const RE2 kPlaysSubject(
            "^\\s*(\\pL[\\pL-]*)\\s+(?:will\\s+|is\\s+set\\s+to\\s+|is\\s+to\\s+)?"
            "(?:plays?|portrays?|takes?\\s+on\\s+(?:the\\s+role\\s+of\\s+)?)\\s*$");
        const std::string person_key = NormalizeKey(d.person.name);
        auto subject_is_this_person = [&](const Analysed& a, const Mention& role,
                                          const Analysed* last_named) {
          std::string subject;
          if (ko || !RE2::FullMatch(std::string_view(a.text).substr(0, role.begin), kPlaysSubject,
                                    &subject)) {
            return -1;
          }
          if (subject == "She" || subject == "He") {
            if (last_named == nullptr) return -1;
            for (const auto& m : last_named->mentions.items) {
              if (m.kind == MentionKind::kPerson && !m.aside &&
                  NormalizeKey(m.text) != person_key &&
                  (m.person == nullptr || NormalizeKey(m.person->name) != person_key)) {
                return 0;
              }
            }
            return 1;
          }
          if (subject.size() < 2 || !std::isupper(static_cast<unsigned char>(subject[0]))) {
            return -1;
          }
          const std::string name = " " + d.person.name + " ";
          return name.find(" " + subject + " ") != std::string::npos ||
                         name.find(" " + subject + "-") != std::string::npos
                     ? 1
                     : 0;
        };
        // each sentence of the story with the last sentence naming a person before it
        std::vector<const Analysed*> named_before(story.sentences.size(), nullptr);
        auto names_actor = [](const Analysed& a) {
          for (const auto& m : a.mentions.items) {
            if (m.kind == MentionKind::kPerson && !m.aside) return true;
          }
          return false;
        };
        for (size_t k = 1; k < story.sentences.size(); ++k) {
          named_before[k] =
              names_actor(story.sentences[k - 1]) ? &story.sentences[k - 1] : named_before[k - 1];
        }
        for (size_t i : idx) {
          const Analysed& a = *bound[i].sentence;
          for (const auto& m : a.mentions.items) {
            if (m.kind != MentionKind::kRole || !d.role.empty()) continue;
            // (a cue sentence with no name speaks of all the story's persons; its subject
            // may still say whose character it is)
            const size_t k = bound[i].index;
            if (!names_actor(a) && k < story.sentences.size() &&
                subject_is_this_person(a, m, named_before[k]) == 0) {
              continue;
            }
            d.role = m.text;
          }
        }
        for (size_t k = 0; k < story.sentences.size() && d.role.empty(); ++k) {
          const Analysed& a = story.sentences[k];
          if (names_actor(a)) continue;
          for (const auto& m : a.mentions.items) {
            if (m.kind == MentionKind::kRole &&
                subject_is_this_person(a, m, named_before[k]) == 1) {
              d.role = m.text;
              break;
            }
          }
        }
        d.crossover = d.person.idol;
      } else {
        for (size_t i : idx) {
          for (const auto& m : bound[i].sentence->mentions.items) {
            if (&m == bound[i].work) continue;
            if ((m.kind == MentionKind::kSong || (m.kind == MentionKind::kWork && !m.aside &&
                                                  bound[i].work != &m && m.work == nullptr)) &&
                d.song.empty()) {
              d.song = m.text;
            }
          }
          if (d.part == 0) d.part = FindPart(bound[i].sentence->text);
        }
        d.crossover = d.person.idol || d.person.actor;
      }
      const std::string rule_id =
          chosen != nullptr && chosen->rule != nullptr ? chosen->rule->id : "";
      d.evidence = {CutUtf8(ev_sentence.text, 600), rule_id, lang};
      d.sources = {source};
      d.first_seen_at = now;
      d.detected_at = now;
      const double base =
          chosen != nullptr && chosen->rule != nullptr ? chosen->rule->confidence : 0.7;
      const double c =
          std::min(0.99, base + (d.person.resolved ? 0.04 : 0.0) + (d.work.resolved ? 0.04 : 0.0));
      d.confidence = static_cast<double>(static_cast<int>(c * 100 + 0.5)) / 100.0;
      d.event_id = ComputeEventId(d);
      // "KBS 2TV", "넷플릭스": the network as written once the id is made of the gazetteer's name
      if (!network.empty() && d.work.network == network) d.work.network = network_written;
      std::string said;  // each claim: status[speaker]@sentence
      for (const auto& c : claims) {
        said += (said.empty() ? "" : ", ") + c.status + "[" +
                (c.agency   ? "agency"
                 : c.report ? "report"
                            : "plain") +
                "]@s" + std::to_string(c.sentence);
      }
      decide(std::string(casting ? "casting" : "ost") + ": " + d.person.name + " -> " +
             (d.work.title.empty() ? std::string("(untitled)") : d.work.title) + " = " + status +
             " (" + why + "; claims: " + said + ")");
      // (a joined co-star, "A joins B in W", is a co-star mention that names B as cast before;
      // "… alongside B. As previously announced, B will play …": a co-star mention says nothing
      // of when B was cast, so another sentence's "before" decides)
      if (casting &&
          std::all_of(claims.begin(), claims.end(),
                      [](const Claim& c) { return c.existing_cast || c.co_star; }) &&
          std::any_of(claims.begin(), claims.end(),
                      [](const Claim& c) { return c.existing_cast; })) {
        background.insert(d.event_id);
      }
      out->push_back(std::move(d));
    }
    // "Y is cast in W starring A and B. Other actors already cast are C and D": A-D were cast
    // before the news; they are background to Y's casting, not announcements of their own (a
    // story that names only such persons keeps them: "A is already confirmed for W").
    if (!background.empty() &&
        std::any_of(out->begin() + static_cast<std::ptrdiff_t>(first_out), out->end(),
                    [&](const Detection& d) { return background.count(d.event_id) == 0; })) {
      for (size_t i = out->size(); i-- > first_out;) {
        if (background.count((*out)[i].event_id) == 0) continue;
        decide("casting: " + (*out)[i].person.name +
               " is named only as cast before the news (background to another casting)");
        out->erase(out->begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
  }
}

Result<std::vector<Detection>> Detector::Detect(std::string_view title, std::string_view text,
                                                std::string_view lang, const SourceRef& source,
                                                DetectExplanation* explain) const {
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
  if (explain != nullptr) explain->lang = l;
  // "Kim Yoo-JungAhn Hyo-SeopJi Chang-Wook and …": names that were links on the page come out glued
  // together; a hyphenated given name run straight into the next "Surname Given-Name" is two
  // names (English; the shape never occurs inside one name)
  std::string unglued;
  if (l == "en" && body.find('-') != std::string_view::npos) {
    static const RE2 kGlued(
        "(-[A-Z][a-z]{1,5})([A-Z][a-z]{1,5}\\s[A-Z][a-z]{1,5}-[A-Za-z][a-z]{1,5})");
    if (RE2::PartialMatch(body, kGlued)) {
      unglued = std::string(body);
      // (a name list glues several: the match of one holds the start of the next)
      for (int i = 0; i < 8; ++i) {
        if (RE2::GlobalReplace(&unglued, kGlued, "\\1, \\2") == 0) break;
      }
      body = unglued;
    }
  }
  const std::string now = source.fetched_at.empty() ? UtcNowIso8601() : source.fetched_at;
  std::vector<Detection> found;
  size_t budget = opts_.max_sentences;

  // the work titles the story's sentences so far have named
  auto titles_of = [](const Story& story) {
    std::vector<std::string> t;
    for (const auto& a : story.sentences) {
      for (const auto& m : a.mentions.items) {
        if (m.kind == MentionKind::kWork) t.push_back(m.text);
      }
    }
    return t;
  };
  auto run_story = [&](Story& story) {
    for (int ti = 0; ti < 2; ++ti) {
      bool typed = false;
      for (const auto& a : story.sentences) typed = typed || a.has_type[ti];
      if (!typed) continue;
      for (auto& a : story.sentences) a.has_type[ti] = a.has_type[ti] || a.story_cue[ti];
    }
    if (l == "ko") SettleCastCredits(&story);
    SettleEarlierWorks(&story);
    SettleSongs(&story);
    // `관계자는 "시나리오를 받은 건 맞지만 확정은 아니다. 현재 검토 중이다"라고`, `Pledis stated,
    // “An offer came in. We're considering it.”`: a sentence that begins inside a quote the
    // sentence before it left open is the same speaker's, so it keeps that speaker's frame.
    {
      bool straight = false;  // a straight quote (") is open
      int curly = 0;          // curly quotes (“ ”) open
      for (size_t si = 0; si < story.sentences.size(); ++si) {
        Analysed& a = story.sentences[si];
        if (si == 1 && story.has_headline) straight = false, curly = 0;  // the body starts anew
        if (si > 0 && (straight || curly > 0) && !a.agency && !a.report) {
          const Analysed& prev = story.sentences[si - 1];
          a.agency = prev.agency;
          a.report = prev.report;
          a.explicit_report = prev.explicit_report;
          for (auto& c : a.cues) {  // (and its cues that speaker's)
            if (c.rule->type != RuleType::kCasting || c.speaker != Speaker::kPlain) continue;
            c.speaker = a.agency ? Speaker::kAgency : a.report ? Speaker::kReport : Speaker::kPlain;
          }
        }
        size_t ascii = 0;
        for (char ch : a.text) ascii += ch == '"' ? 1 : 0;
        for (size_t at = a.text.find("\xE2\x80\x9C"); at != std::string::npos;
             at = a.text.find("\xE2\x80\x9C", at + 3)) {
          ++curly;  // “
        }
        for (size_t at = a.text.find("\xE2\x80\x9D"); at != std::string::npos;
             at = a.text.find("\xE2\x80\x9D", at + 3)) {
          curly = curly > 0 ? curly - 1 : 0;  // ”
        }
        if (ascii % 2 == 1) straight = !straight;
      }
    }
    if (l == "ko") JoinCopulaLists(&story);
    if (l == "ko") CompleteKoreanLists(&story, *gazetteer_);
    SettleHomonyms(&story);
    // "Ryoo Seung-bum joins Kim Ki-duk project / … reunite with director Kim Ki-duk": a name
    // the lead credits as director or writer is no cast member in the headline (elsewhere
    // the text may say the director also stars: "co-starring Lee Jung-jae").
    if (l != "ko" && story.index == 0 && !story.sentences.empty()) {
      std::set<std::string> credited;
      for (const auto& a : story.sentences) {
        for (const auto& m : a.mentions.items) {
          if (m.kind == MentionKind::kPerson && m.credit) credited.insert(NormalizeKey(m.text));
        }
      }
      for (auto& m : story.sentences.front().mentions.items) {
        if (m.kind != MentionKind::kPerson || m.aside || !credited.count(NormalizeKey(m.text))) {
          continue;
        }
        m.aside = true;
        m.credit = true;
        m.why += ", credited as director/writer in the lead";
      }
    }
    bool any = false;
    for (const auto& a : story.sentences) any = any || a.has_type[0] || a.has_type[1];
    if (explain != nullptr) {
      for (const auto& a : story.sentences) {
        DetectExplanation::Sentence es;
        es.story = story.index;
        es.text = a.text;
        es.mentions = a.mentions.items;
        for (const auto& c : a.cues) {
          es.cues.push_back(c.rule->id + "(" + c.rule->status + ")@" + std::to_string(c.begin) +
                            (c.rule->type == RuleType::kCasting
                                 ? std::string("[") + SpeakerName(c.speaker) + "]"
                                 : std::string()));
        }
        explain->sentences.push_back(std::move(es));
      }
    }
    if (any) BindStory(story, l, source, now, &found, explain);
  };

  // Story 0: the headline and the lead, read as one story.
  Story lead;
  lead.index = 0;
  size_t consumed_to = 0;  // bytes of body that belong to the lead story
  {
    std::vector<std::string_view> parts;
    if (!title.empty()) {
      for (auto s : SplitSentences(title, opts_.max_sentence_bytes)) parts.push_back(s);
      lead.has_headline = !parts.empty();
    }
    size_t taken = 0;
    size_t pos = 0;
    while (pos < body.size() && taken < opts_.lead_sentences + (title.empty() ? 1 : 0)) {
      size_t nl = body.find('\n', pos);
      if (nl == std::string_view::npos) nl = body.size();
      const std::string_view line = body.substr(pos, nl - pos);
      for (auto s : SplitSentences(line, opts_.max_sentence_bytes)) {
        if (taken >= opts_.lead_sentences + (title.empty() ? 1 : 0)) break;
        parts.push_back(s);
        ++taken;
        consumed_to = static_cast<size_t>(s.data() + s.size() - body.data());
      }
      pos = nl + 1;
    }
    bool trigger = false;
    for (auto s : parts) {
      if (rules_->FindTrigger(s, l, 0) != std::string_view::npos) trigger = true;
    }
    // Mention finding is the costly step: a story is analysed only when one of its sentences
    // holds a casting or OST cue (checked with the cue Set alone, titles in quotes masked).
    if (trigger && StoryHasCue(parts, l)) {
      for (auto s : parts) {
        if (budget == 0) break;
        --budget;
        Analysed a;
        AnalyseSentence(s, l, &a, titles_of(lead));
        lead.sentences.push_back(std::move(a));
      }
      run_story(lead);
    }
    // issue 17: an actor's own release and joint projects, read from the same headline and
    // lead (music_projects.h; its cues are of their own types, with no trigger words, so
    // they never open a story to the casting/OST reading)
    DetectMusicProjects(*rules_, *gazetteer_, parts, l, source, now, &found, explain);
  }
  // Later paragraphs: each one holding a trigger is a story of its own.
  size_t pos = rules_->FindTrigger(body, l, consumed_to);
  size_t story_index = 1;
  while (pos != std::string_view::npos && budget > 0) {
    const size_t nl = pos == 0 ? std::string_view::npos : body.rfind('\n', pos - 1);
    size_t line_begin = nl == std::string_view::npos ? 0 : nl + 1;
    if (line_begin < consumed_to) line_begin = consumed_to;
    size_t line_end = body.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = body.size();
    Story st;
    st.index = story_index++;
    // One cue-Set pass over the paragraph decides whether it is split and read at all.
    const std::string_view paragraph = body.substr(line_begin, line_end - line_begin);
    if (!StoryHasCue({paragraph}, l)) {
      pos = rules_->FindTrigger(body, l, line_end);
      continue;
    }
    const std::vector<std::string_view> sentences =
        SplitSentences(paragraph, opts_.max_sentence_bytes);
    if (!StoryHasCue(sentences, l)) {
      pos = rules_->FindTrigger(body, l, line_end);
      continue;
    }
    for (auto s : sentences) {
      if (budget == 0) break;
      --budget;
      Analysed a;
      AnalyseSentence(s, l, &a, titles_of(st));
      st.sentences.push_back(std::move(a));
    }
    run_story(st);
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
    if (keep.song.empty()) keep.song = d.song;
    if (keep.work.network.empty()) keep.work.network = d.work.network;
    if (keep.work.kind.empty()) keep.work.kind = d.work.kind;
  }
  return out;
}

}  // namespace hallyu
