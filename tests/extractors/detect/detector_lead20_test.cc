// The lead's fixes of the twentieth detection round, found on real development snippets (never
// committed). Sentences are our own; people are real names the gazetteer knows (facts), the
// titles are made up. Each test was seen failing before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;
using hallyu::testing::KoSummary;
using hallyu::testing::MusicSummary;

// "지난 2016년 'W' OST에 참여해 노래 실력을 뽐냈던 이후 …": an OST told as the singer's career
// in a past adnominal clause is background; the story's news is the actress's own single.
// Before, the old OST came out as an announced OST event.
TEST(DetectorLead20, AnOstToldAsTheSingersCareerIsBackground) {
  EXPECT_EQ(KoSummary("김지원, 가수 데뷔…30일 음원 공개",
                      "배우 김지원이 첫 번째 싱글을 발표하고 가수 데뷔를 선언했다. 김지원은 지난 "
                      "2016년 드라마 '종이 등불' OST에 참여해 노래 실력을 뽐냈던 이후 6년 만에 "
                      "본격적인 가수 활동에 나서게 됐다."),
            "release Kim Ji-won /  (announced)");
}

// "'A' OST, 'B' OST 등에 참여하며 활동을 펼쳐온 아이유가 5일 신곡을 …": a list of earlier OSTs
// in the same clause is background too, and a dated release of the singer's own song in the
// story (which lifts chart vetoes) does not bring it back.
TEST(DetectorLead20, AListOfEarlierOstsStaysBackgroundBesideADatedRelease) {
  EXPECT_EQ(KoSummary("",
                      "가수 아이유가 5일 신곡 '빈 의자'를 발표했다. 드라마 '종이 등불' OST, "
                      "'푸른 항구' OST 등에 참여하며 활발한 활동을 펼쳐온 아이유는 이번 신곡으로 "
                      "가을 감성을 전한다."),
            "");
}

// The clause must be the whole rest of the sentence: an earlier OST in the subject's epithet
// before a new OST keeps the new one. (With two quoted titles the OST still binds to the first
// one; left alone, seen on no real item.)
TEST(DetectorLead20, AnEarlierOstBeforeANewOneKeepsTheNewOne) {
  EXPECT_EQ(KoSummary("",
                      "지난해 첫 드라마 OST에 참여해 사랑받았던 아이유가 이번엔 드라마 "
                      "'푸른 항구' OST를 부른다."),
            "ost IU / 푸른 항구 (announced)");
}

// "‘W1 ‘W2’ ‘W3’ 등을 연출한 최 감독의 신작": titles side by side before 등 and a director's
// credit are his filmography, even when the first pair of marks is mismatched; before, the
// first title became the work of the story's offers.
TEST(DetectorLead20, TitlesSideBySideBefore등AreAFilmography) {
  const std::string got =
      KoSummary("",
                "배우 전지현이 ‘타짜 ‘도둑들’ ‘암살’ 등을 연출한 최 감독의 신작 영화에 출연 "
                "제안을 받았다.");
  EXPECT_EQ(got.find("Tazza"), std::string::npos) << got;
  EXPECT_EQ(got.find("Assassination"), std::string::npos) << got;
}

// "…의기투합한 작품으로 앞서 A, B가 출연을 확정 지었다": 앞서 opening a clause mid-sentence
// tells a casting made before the news (as at the sentence's start); the news is the reviewer.
TEST(DetectorLead20, EarlierCastToldMidSentenceIsBackground) {
  EXPECT_EQ(KoSummary("",
                      "배우 김지원이 드라마 '종이 등불' 출연을 긍정적으로 검토 중이다. 제작진은 "
                      "최근 대본 작업을 마쳤고 앞서 정재영, 송윤아가 출연을 확정 지었다."),
            "casting Kim Ji-won / 종이 등불 (reviewing)");
}

// "A, B에 이어 C, D가 출연을 확정했다": persons before 에 이어 were cast before the ones the
// sentence announces.
TEST(DetectorLead20, PersonsBeforeEIeoWereCastBefore) {
  EXPECT_EQ(KoSummary("",
                      "SBS 측은 \"장근석, 여진구에 이어 최민수, 임지연이 드라마 '종이 등불' 출연을 "
                      "확정했다\"고 밝혔다."),
            "casting Choi Min-soo / 종이 등불 (confirmed); casting Lim Ji-yeon / 종이 등불 "
            "(confirmed)");
}

// "'W'가 A·B 등 출연 배우를 확정하고 … 이번 작품에는 C도 합세했다": the production fixing its
// cast ("출연 배우를 확정") and "합세" (joining) are castings; before, the story had no cue and
// gave nothing.
TEST(DetectorLead20, FixingTheCastAndJoiningInAreCastings) {
  EXPECT_EQ(KoSummary("",
                      "영화 '종이 등불'(감독 허종호)가 김지원·이원근 등 출연 배우를 확정하고 "
                      "본격 촬영에 들어간다. 이번 작품에는 정재영도 합세했다."),
            "casting Jung Jae-young / 종이 등불 (confirmed); casting Kim Ji-won / 종이 등불 "
            "(confirmed); casting Lee Won-geun / 종이 등불 (confirmed)");
}

// "A is cast in 'W' co-starring B", "'W' starring B": B is the work's cast already, not the news
// (blind real-text labels, test19 and test20); "alongside C" stays announced together.
TEST(DetectorLead20, ACoStarringNameIsTheWorksExistingCast) {
  EXPECT_EQ(EnSummary("Kim Ji-won cast in movie 'Paper Lanterns'",
                      "Kim Ji-won is cast for the lead female role in movie 'Paper Lanterns' "
                      "co-starring Lee Won-geun."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
  EXPECT_EQ(EnSummary("", "Kim Ji-won will star in tvN's 'Paper Lanterns' alongside Lee Won-geun."),
            "casting Kim Ji-won / Paper Lanterns (confirmed); casting Lee Won-geun / Paper "
            "Lanterns (confirmed)");
}

// "배우 A가 18일 팬미팅에서 … 직접 작사한 곡을 공개했다": a song sung to the fans at a fan meeting,
// with no record, music site or release in the sentence, is a performance, not a release (also
// for the headline's "노래 선물"); a single first sung at the fan meeting stays a release.
TEST(DetectorLead20, AFanMeetingSongIsNoRelease) {
  EXPECT_EQ(MusicSummary("김지원, 팬들에게 직접 작사한 노래 선물",
                         "배우 김지원이 팬미팅 현장에서 싱어송라이터로 변신했다. 김지원은 18일 "
                         "서울에서 열린 팬미팅에서 홀로 기타를 치며 직접 작사한 곡을 처음 "
                         "공개했다."),
            "");
  EXPECT_EQ(MusicSummary("",
                         "배우 김지원이 다음 달 디지털 싱글 '빈 의자'를 발매한다. 신곡 무대는 "
                         "팬미팅에서 처음 선보인다."),
            "release 김지원 / 빈 의자 digital_single (announced)");
}

// "SBS ‘일요일이 좋다-서바이벌 오디션 K팝스타’ 테마곡을 불렀다": a title the gazetteer lacks that
// names itself an audition or survival show is no drama, so its theme song is no OST.
TEST(DetectorLead20, ATitleThatNamesAnAuditionShowIsNoDrama) {
  EXPECT_EQ(KoSummary("",
                      "가수 아이유가 SBS '일요일이 좋다-서바이벌 오디션 별빛스타' 테마곡을 "
                      "불렀다."),
            "");
  EXPECT_EQ(KoSummary("", "가수 아이유가 SBS 드라마 '별빛 항구' 테마곡을 부른다."),
            "ost IU / 별빛 항구 (announced)");
}

// "신인에 이르기까지 … 가세했다. 아이유는 … 주제가를 부른다": "이르기" (of "…에 이르기까지") is no
// name; before, it took the line-up's OST.
TEST(DetectorLead20, IreugiIsNoName) {
  EXPECT_EQ(KoSummary("",
                      "중견 가수부터 신인에 이르기까지 드라마 OST 참여가 늘었다. 아이유는 "
                      "KBS 새 드라마 '별빛 항구'에서 주제가 '꿈'을 부른다."),
            "ost IU / 별빛 항구 (announced)");
}

// "For 'W', A and B will play romantic interests C and D": names after a plural role noun
// ("interests", "leads", "characters") and the names coordinated with them are the characters;
// before, C and D came out as cast.
TEST(DetectorLead20, NamesAfterAPluralRoleNounAreCharacters) {
  EXPECT_EQ(EnSummary("Kim Ji-won and Lee Won-geun cast in SBS drama 'Paper Lanterns'",
                      "Kim Ji-won and Lee Won-geun are cast for lead roles in SBS drama series "
                      "'Paper Lanterns'. For 'Paper Lanterns', Kim Ji-won and Lee Won-geun will "
                      "play romantic interests Han Seo-rin and Park Do-yoon."),
            "casting Kim Ji-won / Paper Lanterns (confirmed); casting Lee Won-geun / Paper "
            "Lanterns (confirmed)");
}

// "A is set to join 'W', alongside B and C. … As previously announced, the sisters will be played
// by B, C and D": a sentence that opens by saying its casting was told before names W's
// existing cast, and it outweighs the co-star mention ("alongside") that says nothing of when.
TEST(DetectorLead20, AsPreviouslyAnnouncedNamesTheExistingCast) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won is set to join the cast of upcoming tvN drama 'Paper Lanterns', "
                      "alongside Han Ji-min and Lee Won-geun. As previously announced, the two "
                      "sisters will be played by Han Ji-min and Lee Won-geun."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
}

// "… 캐스팅 비하인드가 공개됐다. 영화 'W'의 언론배급시사회가 열렸다": a press screening
// (언론배급시사회) is a press event of a finished work, as 언론시사회 is; its casting words are the
// cast's story.
TEST(DetectorLead20, APressScreeningIsAPressEvent) {
  EXPECT_EQ(KoSummary("'종이 등불' 감독 “김지원, ‘우영우’로 뜨기 전 캐스팅…이 배우여야 했다”",
                      "배우 김지원의 '종이 등불' 캐스팅 비하인드가 공개됐다. 31일 오후 서울에서 "
                      "영화 '종이 등불'의 언론배급시사회가 열렸다."),
            "");
}

}  // namespace
}  // namespace hallyu
