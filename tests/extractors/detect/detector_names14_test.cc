// What is a person and what is a work in Korean leads, round 14: pronouns are no singers,
// a quoted statement in a headline is no title, a singer's possessive before a quote in a
// line-up sentence names the song, compound epithets are no titles, an agency recruiting
// an entertainer is no casting, a webtoon's OST has no drama, a platform named like a
// singer is no singer, a drama "until it ends" is no news work; in English, an unquoted
// title runs on past its comma to its "(working title)", and a "variety drama" is a
// drama. Shapes met in real leads; the sentences here are ours.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/mentions.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

constexpr auto Ko = &hallyu::testing::KoSummary;

TEST(KoreanWordIsNoName, PronounsAreNoNames) {
  EXPECT_TRUE(KoreanWordIsNoName("자신"));
  EXPECT_TRUE(KoreanWordIsNoName("본인"));
  EXPECT_TRUE(KoreanWordIsNoName("당신"));
  EXPECT_TRUE(KoreanWordIsNoName("그들"));
  // names still are
  EXPECT_FALSE(KoreanWordIsNoName("자현"));
  EXPECT_FALSE(KoreanWordIsNoName("오다인"));
}

TEST(DetectorNames14, AReflexivePronounIsNoOstSinger) {
  // "자신이 참여한 작품의 OST": the actor's own self, no singer called 자신
  EXPECT_EQ(Ko("",
               "요즘은 주연이 자신이 참여한 작품의 OST까지 맡는 경우가 늘었다. '푸른 항구' "
               "정한결 등이 대표적이다."),
            "");
}

TEST(DetectorNames14, AGenericActorWithItsReflexiveIsNobodyInTheStory) {
  // "주연 배우가 자신이 …": actors in general, not the names of the headline (a headline asking
  // "…배우는?" is a roundup since the sixteenth round, so this one states)
  EXPECT_EQ(Ko("연기도 노래도 되는 배우들, 김수현 박보영",
               "극의 주연 배우가 자신이 참여한 작품 OST까지 부르면 시청자 반응도 커진다. '푸른 "
               "항구'의 정한결 등이 OST에 참여해 화제가 됐다."),
            "ost 정한결 / 푸른 항구 (announced)");
}

TEST(DetectorNames14, AQuotedStatementInTheHeadlineIsNoTitle) {
  // a headline quote ending in a past or negated predicate is what somebody said
  EXPECT_EQ(hallyu::testing::WorkMentions(
                "“일정이 겹쳐 감독과 만나지 못했다”…정한결, ‘푸른 항구’ 출연 논의", "ko"),
            std::vector<std::string>{"푸른 항구"});
  EXPECT_EQ(hallyu::testing::WorkMentions(
                "“출연 제의 받았으나 미팅은 하지 않았다”…한서윤, ‘푸른 항구’ 검토", "ko"),
            std::vector<std::string>{"푸른 항구"});
}

TEST(DetectorNames14, ASingersPossessiveInALineUpSentenceNamesTheSong) {
  // "첫 주자로 나선 A의 'S'를 시작으로": the quote is A's song, no drama of its own
  EXPECT_EQ(hallyu::testing::WorkMentions(
                "지난달 첫 주자로 나선 유승우의 '새벽 세 시'를 시작으로 여러 가수들이 힘을 보탰다.",
                "ko"),
            std::vector<std::string>{});
  // "OST Part.2 A의 'S'": the part's singer, then the song
  EXPECT_EQ(hallyu::testing::WorkMentions(
                "tvN 드라마 '푸른 항구' OST Part.2 한서윤의 'SLOWLY'가 어제 발매됐다.", "ko"),
            std::vector<std::string>{"푸른 항구"});
}

TEST(DetectorNames14, CompoundEpithetsAreNoTitles) {
  // '연기돌' (an acting idol), '꿀조합' (a sweet pairing): praise compounds, not titles
  EXPECT_EQ(hallyu::testing::WorkMentions("그룹 멤버 세 명이 '연기돌'로 변신한다.", "ko"),
            std::vector<std::string>{});
  EXPECT_EQ(
      hallyu::testing::WorkMentions("한서윤X오다인 ‘꿀조합’ 통했다…‘푸른 항구’ OST 공개", "ko"),
      std::vector<std::string>{"푸른 항구"});
}

TEST(DetectorNames14, AnAgencyRecruitingAnEntertainerIsNoCasting) {
  // "영입을 제안했다": a management company courting a host, no drama offer
  EXPECT_EQ(Ko("",
               "한 기획사 대표가 지난 3일 KBS 2TV '해피투게더' 녹화장을 찾아 유재석을 만나 "
               "자사 영입을 제안했다."),
            "");
}

TEST(DetectorNames14, AWebtoonsSoundtrackHasNoDrama) {
  // "웹툰 'X' OST": the title is the webtoon's, and a webtoon is no work for an OST event
  EXPECT_EQ(Ko("", "싱어송라이터 한서윤이 인기 웹툰 '별빛 정거장' OST를 내일 정오 발매한다."), "");
}

TEST(DetectorNames14, APlatformsNameIsNoSinger) {
  // "음악 플랫폼 AURORA를 통해": the gazetteer's singer AURORA is here the platform
  EXPECT_EQ(Ko("",
               "KBS2 주말드라마 '푸른 항구' OST Part.2 한서윤의 '바람길'이 어제 음악 플랫폼 "
               "AURORA를 통해 공개됐다."),
            "ost 한서윤 / 푸른 항구 (announced)");
}

TEST(DetectorNames14, AWorkThatIsStillRunningIsNoNewsWork) {
  // "'W'가 끝나면", "'W' 종영 후": the drama someone is busy with, not the offer's work
  EXPECT_EQ(
      hallyu::testing::WorkMentions(
          "관계자는 \"드라마 '바다의 노래'가 끝나면 다음 작품을 정할 것\"이라고 말했다.", "ko"),
      std::vector<std::string>{"바다의 노래 (aside)"});
  EXPECT_EQ(
      hallyu::testing::WorkMentions(
          "정한결은 '바다의 노래' 종영 후 휴식을 취하며 '푸른 항구' 대본을 검토 중이다.", "ko"),
      (std::vector<std::string>{"바다의 노래 (aside)", "푸른 항구"}));
}

TEST(DetectorNames14, AnUnquotedTitleRunsOnPastItsCommaToItsQualifier) {
  // "film A, B (working title)": one title, not "A" and "B"
  EXPECT_EQ(
      hallyu::testing::DetectionSummary(
          "", "Actor Park Seo-joon will star in the film If I Fall, One More Step (working title).",
          "en"),
      "casting Park Seo-joon / If I Fall, One More Step (confirmed)");
}

TEST(DetectorNames14, AVarietyDramaIsADrama) {
  // a "variety drama" has a cast (label rules); a variety show has none
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "",
                "SF9's Rowoon will lead MBCEvery1's new variety drama titled \"Harbor Lights\", "
                "his agency confirmed.",
                "en"),
            "casting Rowoon / Harbor Lights (confirmed)");
}

}  // namespace
}  // namespace hallyu
