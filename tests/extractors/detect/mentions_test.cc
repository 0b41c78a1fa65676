// Mention finders (extractors/detect/mentions.h): what one sentence names,
// before any event logic. Sentences are invented.

#include "extractors/detect/mentions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::SourcePath;

const Gazetteer& Gaz() {
  static const Gazetteer* g = [] {
    auto r = Gazetteer::LoadDir(SourcePath("configs/gazetteer"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) std::abort();
    return new Gazetteer(std::move(*r));
  }();
  return *g;
}

std::string Dump(const SentenceMentions& ms) {
  std::string out;
  for (const auto& m : ms.items) {
    out += std::string(MentionKindName(m.kind)) + " '" + m.text + "'";
    if (!m.group.empty()) out += " group=" + m.group;
    if (m.aside) out += " [aside]";
    if (m.in_parens) out += " [parens]";
    out += " (" + m.why + ")\n";
  }
  return out;
}

// The first mention with this text, or nullptr.
const Mention* Find(const SentenceMentions& ms, const std::string& text) {
  for (const auto& m : ms.items) {
    if (m.text == text) return &m;
  }
  return nullptr;
}

bool Has(const SentenceMentions& ms, MentionKind kind, const std::string& text) {
  const Mention* m = Find(ms, text);
  return m != nullptr && m->kind == kind;
}

bool AnyPersonContains(const SentenceMentions& ms, const std::string& part) {
  for (const auto& m : ms.items) {
    if (m.kind == MentionKind::kPerson && m.text.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(Mentions, KindNames) {
  EXPECT_EQ(MentionKindName(MentionKind::kPerson), "person");
  EXPECT_EQ(MentionKindName(MentionKind::kWork), "work");
  EXPECT_EQ(MentionKindName(MentionKind::kOrganisation), "organisation");
  EXPECT_EQ(MentionKindName(MentionKind::kQuote), "quote");
}

TEST(Mentions, EnglishPersonWithGroupWorkNetworkAndAgency) {
  const std::string s =
      "ASTRO's Cha Eun-woo will star in tvN's 'Wonderful World', SM Entertainment said.";
  const auto ms = FindMentions(s, "en", Gaz());
  const Mention* p = Find(ms, "Cha Eun-woo");
  ASSERT_NE(p, nullptr) << Dump(ms);
  EXPECT_EQ(p->kind, MentionKind::kPerson);
  ASSERT_NE(p->person, nullptr);
  EXPECT_EQ(p->person->native, "차은우");
  EXPECT_EQ(p->group, "ASTRO") << Dump(ms);
  EXPECT_EQ(s.substr(p->begin, p->end - p->begin), "Cha Eun-woo");
  const Mention* w = Find(ms, "Wonderful World");
  ASSERT_NE(w, nullptr) << Dump(ms);
  EXPECT_EQ(w->kind, MentionKind::kWork);
  EXPECT_TRUE(w->quoted);
  ASSERT_NE(w->work, nullptr);
  EXPECT_EQ(w->work->native, "원더풀 월드");
  EXPECT_EQ(s.substr(w->begin, w->end - w->begin), "'Wonderful World'");  // quotes in the span
  EXPECT_TRUE(Has(ms, MentionKind::kNetwork, "tvN")) << Dump(ms);
  EXPECT_TRUE(Has(ms, MentionKind::kOrganisation, "SM Entertainment")) << Dump(ms);
  EXPECT_FALSE(AnyPersonContains(ms, "Entertainment")) << Dump(ms);
  // Mentions come in text order.
  for (size_t i = 1; i < ms.items.size(); ++i) {
    EXPECT_LE(ms.items[i - 1].begin, ms.items[i].begin) << Dump(ms);
  }
}

TEST(Mentions, UnknownRomanisedNamesByShape) {
  const auto ms =
      FindMentions("Rookie actress Seo Ji-an joins the cast of 'Paper Crown'", "en", Gaz());
  const Mention* p = Find(ms, "Seo Ji-an");
  ASSERT_NE(p, nullptr) << Dump(ms);
  EXPECT_EQ(p->kind, MentionKind::kPerson);
  EXPECT_EQ(p->person, nullptr);
  EXPECT_FALSE(p->why.empty());
  const auto spaced =
      FindMentions("Newcomer Baek Ha-rin and Do Yun Seo cast in 'Paper Crown'", "en", Gaz());
  EXPECT_TRUE(Has(spaced, MentionKind::kPerson, "Baek Ha-rin")) << Dump(spaced);
  EXPECT_TRUE(Has(spaced, MentionKind::kPerson, "Do Yun Seo")) << Dump(spaced);
}

TEST(Mentions, KoreanPersonsGroupsAndNonPersons) {
  const auto ms = FindMentions(
      "그룹 아스트로 멤버 차은우가 MBC 드라마 '원더풀 월드'에 출연한다고 판타지오가 밝혔다.", "ko",
      Gaz());
  const Mention* p = nullptr;
  for (const auto& m : ms.items) {
    if (m.kind == MentionKind::kPerson && m.person != nullptr && m.person->name == "Cha Eun-woo") {
      p = &m;
    }
  }
  ASSERT_NE(p, nullptr) << Dump(ms);
  // The surface form starts with the name (a known name may keep its particle:
  // "차은우가"; reported to the lead, the header promises no particles).
  EXPECT_EQ(p->text.rfind("차은우", 0), 0u) << Dump(ms);
  EXPECT_FALSE(p->group.empty()) << Dump(ms);
  EXPECT_TRUE(Has(ms, MentionKind::kWork, "원더풀 월드")) << Dump(ms);
  EXPECT_TRUE(Has(ms, MentionKind::kNetwork, "MBC")) << Dump(ms);
  EXPECT_FALSE(AnyPersonContains(ms, "판타지오")) << Dump(ms);
  // An unknown name after a role noun is a person; an unknown company is not.
  const auto un = FindMentions(
      "신인 배우 김하랑이 '종이 왕관'에 출연한다고 소속사 별빛엔터테인먼트가 밝혔다.", "ko", Gaz());
  EXPECT_TRUE(Has(un, MentionKind::kPerson, "김하랑")) << Dump(un);
  EXPECT_FALSE(AnyPersonContains(un, "엔터테인먼트")) << Dump(un);
  EXPECT_FALSE(AnyPersonContains(un, "별빛")) << Dump(un);
  // Particles and fragments are not names.
  const auto frag = FindMentions("이들과 함께 1차 라인업을 받았다는 소식이다.", "ko", Gaz());
  for (const auto& m : frag.items) {
    EXPECT_NE(m.kind, MentionKind::kPerson) << Dump(frag);
  }
}

// Stage names that are everyday words or verb forms name nobody without their group or a
// role noun: "정신과 의사" (psychiatrist), "여자 기수" (jockey), "사나이" (a man), "애 태우는"
// (fretting), "'T'에 이은" (following), the music service 지니.
TEST(Mentions, StageNamesThatAreEverydayWordsNeedTheirGroup) {
  for (const char* s : {"드라마 '정신과 의사 한결' OST에 가수가 참여한다.",
                        "시골 총각과 여자 기수가 사랑에 빠지는 드라마에 배우가 출연한다.",
                        "낯선 사나이와 함께 떠나는 영화에 배우가 캐스팅됐다.",
                        "친구를 두고 애 태우는 소녀의 이야기를 그린 드라마다.",
                        "지난달 공개된 'A'에 이은 두 번째 OST다.",
                        "신곡은 멜론, 지니 등 음원 사이트에서 공개된다."}) {
    const auto ms = FindMentions(s, "ko", Gaz());
    for (const auto& m : ms.items) {
      EXPECT_NE(m.kind, MentionKind::kPerson) << s << "\n" << Dump(ms);
    }
  }
}

TEST(Mentions, QuotesBecomeWorksRolesSongsOrStatements) {
  const auto role_ko = FindMentions("김지원은 극 중 '홍해인' 역을 맡았다.", "ko", Gaz());
  EXPECT_TRUE(Has(role_ko, MentionKind::kRole, "홍해인")) << Dump(role_ko);
  const auto role_en =
      FindMentions("Kim Ji-won was cast as 'Hong Hae-in' in 'Queen of Tears'", "en", Gaz());
  EXPECT_TRUE(Has(role_en, MentionKind::kRole, "Hong Hae-in")) << Dump(role_en);
  EXPECT_TRUE(Has(role_en, MentionKind::kWork, "Queen of Tears")) << Dump(role_en);
  const auto song =
      FindMentions("10CM가 '눈물의 여왕' OST Part.3 '그대만 보여요'를 발매했다.", "ko", Gaz());
  EXPECT_TRUE(Has(song, MentionKind::kWork, "눈물의 여왕")) << Dump(song);
  EXPECT_TRUE(Has(song, MentionKind::kSong, "그대만 보여요")) << Dump(song);
  const auto quote = FindMentions(
      "소속사 측은 '출연 제의를 받은 것은 맞지만 아직 검토 중인 단계는 아니다'라고 말했다.", "ko",
      Gaz());
  for (const auto& m : quote.items) {
    EXPECT_NE(m.kind, MentionKind::kWork) << Dump(quote);
  }
}

TEST(Mentions, EveryQuoteStyleAndUnquotedEnglishTitles) {
  for (const char* s :
       {"김지원, 《블루 아워》 출연", "김지원, <블루 아워> 출연", "김지원, ‘블루 아워’ 출연",
        "김지원, “블루 아워” 출연", "김지원, 「블루 아워」 출연", "김지원, 〈블루 아워〉 출연"}) {
    const auto ms = FindMentions(s, "ko", Gaz());
    EXPECT_TRUE(Has(ms, MentionKind::kWork, "블루 아워")) << s << "\n" << Dump(ms);
  }
  const auto en = FindMentions(
      "Park Bo-young is set to headline upcoming SBS series Moonlit Garden", "en", Gaz());
  EXPECT_TRUE(Has(en, MentionKind::kWork, "Moonlit Garden")) << Dump(en);
  EXPECT_TRUE(Has(en, MentionKind::kPerson, "Park Bo-young")) << Dump(en);
  EXPECT_TRUE(Has(en, MentionKind::kNetwork, "SBS")) << Dump(en);
}

TEST(Mentions, EarlierWorksAndAsidesAreMarked) {
  const auto ms =
      FindMentions("Kim Ji-won ('Queen of Tears') joins the cast of 'Blue Hour'", "en", Gaz());
  const Mention* past = Find(ms, "Queen of Tears");
  ASSERT_NE(past, nullptr) << Dump(ms);
  EXPECT_TRUE(past->aside) << Dump(ms);
  EXPECT_TRUE(past->in_parens) << Dump(ms);
  const Mention* now = Find(ms, "Blue Hour");
  ASSERT_NE(now, nullptr) << Dump(ms);
  EXPECT_FALSE(now->aside) << Dump(ms);
  const auto ko =
      FindMentions("전작 '눈물의 여왕'에 이어 김지원이 '블루 아워'에 출연한다.", "ko", Gaz());
  const Mention* ko_past = Find(ko, "눈물의 여왕");
  ASSERT_NE(ko_past, nullptr) << Dump(ko);
  EXPECT_TRUE(ko_past->aside) << Dump(ko);
}

TEST(Mentions, TitleQualifiersAreRemovedFromWorks) {
  const auto en = FindMentions("Kim Ji-won cast in 'Blue Hour (working title)'", "en", Gaz());
  EXPECT_TRUE(Has(en, MentionKind::kWork, "Blue Hour")) << Dump(en);
  const auto ko = FindMentions("김지원, 드라마 '블루 아워(가제)' 출연 확정", "ko", Gaz());
  EXPECT_TRUE(Has(ko, MentionKind::kWork, "블루 아워")) << Dump(ko);
}

TEST(Mentions, BoundedAndTolerant) {
  std::string list;
  for (int i = 0; i < 300; ++i) list += "Kim Ji-won, ";
  const auto ms = FindMentions(list, "en", Gaz());
  EXPECT_LE(ms.items.size(), 64u);
  EXPECT_FALSE(ms.items.empty());
  const auto bad = FindMentions("\xFF\xFE Kim Ji-won \xC3( cast in '\xE2\x82'", "en", Gaz());
  EXPECT_TRUE(Has(bad, MentionKind::kPerson, "Kim Ji-won")) << Dump(bad);
  EXPECT_TRUE(FindMentions("", "ko", Gaz()).items.empty());
  EXPECT_TRUE(FindMentions(std::string(5000, '\''), "en", Gaz()).items.size() <= 64u);
}

TEST(Mentions, CleanTitle) {
  EXPECT_EQ(CleanTitle("Blue Eyes (working title)"), "Blue Eyes");
  EXPECT_EQ(CleanTitle("Blue Eyes (Working Title)"), "Blue Eyes");
  EXPECT_EQ(CleanTitle("Love Song (literal title)"), "Love Song");
  EXPECT_EQ(CleanTitle("블루 아워(가제)"), "블루 아워");
  EXPECT_EQ(CleanTitle("블루 아워 (가제)"), "블루 아워");
  EXPECT_EQ(CleanTitle("블루 아워(가칭)"), "블루 아워");
  EXPECT_EQ(CleanTitle("블루 아워(이하 '블루')"), "블루 아워");
  EXPECT_EQ(CleanTitle("블루 아워(가제"), "블루 아워");  // a leftover without its ')'
  EXPECT_EQ(CleanTitle("'Blue Hour'"), "Blue Hour");
  EXPECT_EQ(CleanTitle("  Blue Hour  "), "Blue Hour");
  EXPECT_EQ(CleanTitle("Blue Hour"), "Blue Hour");
  EXPECT_EQ(CleanTitle("Hour (2025)"), "Hour (2025)");  // not a qualifier
  EXPECT_EQ(CleanTitle(""), "");
}

TEST(Mentions, IsRomanisedSurname) {
  for (const char* w : {"Kim", "kim", "LEE", "Park", "Choi", "Jeong", "Jung", "Seo", "Namgoong",
                        "Hwangbo", "Yoon", "Oh"}) {
    EXPECT_TRUE(IsRomanisedSurname(w)) << w;
  }
  for (const char* w : {"", "Cast", "The", "Netflix", "Drama", "Smith", "Kimm", "K"}) {
    EXPECT_FALSE(IsRomanisedSurname(w)) << w;
  }
}

}  // namespace
}  // namespace hallyu
