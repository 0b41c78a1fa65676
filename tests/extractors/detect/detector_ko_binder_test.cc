// Korean mechanisms of the third detection round (issue 14): the mention finders no longer
// take words for names, credits for singers or statements for titles, and the binder pairs
// persons with the story's work when the text names earlier works, short forms, misspellings
// or reports. Sentences are invented; people and titles are facts or made up. Each test
// fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "extractors/detect/mentions.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

const Detector& TheDetector() { return hallyu::testing::ShippedDetector(); }

// "type person / work (status)" per detection, sorted.
std::string Summary(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

// The persons FindMentions sees in one sentence, in text order.
std::vector<std::string> Persons(const std::string& sentence) {
  std::vector<std::string> out;
  for (const auto& m : FindMentions(sentence, "ko", TheDetector().gazetteer()).items) {
    if (m.kind == MentionKind::kPerson && !m.aside) out.push_back(m.text);
  }
  return out;
}

TEST(DetectorKorean, WordsThatLookLikeNamesAreNoPersons) {
  // verb stems and nouns with a surname-like first syllable: not given-name shapes
  EXPECT_TRUE(Persons("새 드라마가 시청자의 마음을 사로잡을 전망이다.").empty());
  EXPECT_TRUE(Persons("올해 최고의 기대작으로 꼽힌다.").empty());
  // a stacked particle is stripped before the name test ("가창에는" is 가창 + 에는)
  EXPECT_TRUE(Persons("가창에는 실력파 보컬이 나섰다.").empty());
  // a real name shape still counts
  EXPECT_EQ(Persons("신예 배우 한서윤이 합류한다."), std::vector<std::string>{"한서윤"});
  EXPECT_EQ(Persons("한서윤이 드라마에 합류한다."), std::vector<std::string>{"한서윤"});
}

TEST(DetectorKorean, ComposersAndLyricistsAreNoSingers) {
  EXPECT_EQ(Summary("",
                    "폴킴이 드라마 '푸른 항구' OST를 부른다. 이 곡에는 작곡가 정한결과 "
                    "문서윤, 작사가 오다인이 참여한다."),
            "ost Paul Kim / 푸른 항구 (announced)");
}

TEST(DetectorKorean, ARowOfEarlierTitlesIsEarlierAsAWhole) {
  EXPECT_EQ(Summary("",
                    "배우 김수현이 드라마 '새벽 기차' 출연을 확정했다. '달빛 정원' '겨울 "
                    "손님' '여름 편지' 등을 집필한 작가의 신작으로, 박보영과 차은우가 출연 "
                    "물망에 올랐다."),
            "casting Cha Eun-woo / 새벽 기차 (rumored); casting Kim Soo-hyun / 새벽 기차 "
            "(confirmed); casting Park Bo-young / 새벽 기차 (rumored)");
}

TEST(DetectorKorean, QuotedStatusIsAStatementAndANamedTitleIsATitle) {
  // “세부 조율 中” in the headline is what the agency said, not the work
  EXPECT_EQ(Summary("차은우, 새 드라마 캐스팅 “세부 조율 中”",
                    "차은우가 드라마 '새벽 기차' 주인공으로 캐스팅됐다."),
            "casting Cha Eun-woo / 새벽 기차 (confirmed)");
  // a long title with a comma, called a drama and given a short form, is a title; the short
  // form stands for it
  EXPECT_EQ(Summary("",
                    "차은우가 드라마 '바람이 분다, 그래도 우리는 걷는다'(이하 '바람')에 "
                    "합류한다. '바람' 측은 박보영도 출연을 확정했다고 밝혔다."),
            "casting Cha Eun-woo / 바람이 분다, 그래도 우리는 걷는다 (confirmed); casting "
            "Park Bo-young / 바람이 분다, 그래도 우리는 걷는다 (confirmed)");
}

TEST(DetectorKorean, TitleWithOstPartAndSongInOneQuote) {
  EXPECT_EQ(Summary("폴킴, '푸른 항구' OST 부른다",
                    "오는 5일 공개되는 ‘푸른 항구 OST Part.2 - 너에게 가는 길’은 폴킴이 "
                    "불렀다."),
            "ost Paul Kim / 푸른 항구 (announced)");
}

TEST(DetectorKorean, NegatedAndReportedCuesDoNotConfirm) {
  // the agency confirms only the offer: "출연 확정은 아니다" is no confirmation
  EXPECT_EQ(Summary("",
                    "배우 박보영이 '새벽 기차' 여주인공에 캐스팅됐다는 보도에 소속사가 입장을 "
                    "밝혔다. 박보영의 소속사 관계자는 \"제안을 받은 것은 사실\"이라며 \"출연 "
                    "확정은 아니다\"라고 말했다."),
            "casting Park Bo-young / 새벽 기차 (in_talks)");
  // what a report said, and nothing else, is a rumour
  EXPECT_EQ(Summary("", "차은우가 드라마 '새벽 기차'에 캐스팅됐다는 보도가 나왔다."),
            "casting Cha Eun-woo / 새벽 기차 (rumored)");
}

TEST(DetectorKorean, ReleasedConnectiveNeedsAPastSentence) {
  EXPECT_EQ(Summary("",
                    "폴킴이 '푸른 항구' OST에 참여한다. 폴킴은 10일 정오 '푸른 항구' OST "
                    "'너의 계절'을 공개하며 안방극장을 찾는다."),
            "ost Paul Kim / 푸른 항구 (announced)");
}

TEST(DetectorKorean, AVetoOfAnotherWorkLeavesTheStoryWork) {
  EXPECT_EQ(Summary("김혜수, <새벽 기차> 출연 확정",
                    "김혜수가 <새벽 기차>에 출연한다. 앞서 김혜수는 <겨울 손님>에 출연하기로 "
                    "했으나 제작이 무기한 연기됐다."),
            "casting Kim Hye-soo / 새벽 기차 (confirmed)");
}

TEST(DetectorKorean, AMisspeltTitleIsTheStorysKnownTitle) {
  EXPECT_EQ(Summary("거미·폴킴 '낭만닥터 감사부 3' OST 합류",
                    "SBS 드라마 '낭만닥터 김사부 3' OST 라인업에 거미와 폴킴이 참여한다."),
            "ost Gummy / Dr. Romantic 3 (announced); ost Paul Kim / Dr. Romantic 3 (announced)");
}

TEST(DetectorKorean, AnAgencyConfirmingTheOfferKeepsTheReview) {
  EXPECT_EQ(Summary("",
                    "배우 차은우가 드라마 '새벽 기차' 출연을 제안받고 검토 중이다. 차은우의 "
                    "소속사 관계자는 \"'새벽 기차'는 제안받은 작품 중 하나\"라고 말했다."),
            "casting Cha Eun-woo / 새벽 기차 (reviewing)");
}

TEST(DetectorKorean, NewLeadAfterADepartureIsCastingNews) {
  EXPECT_EQ(Summary("차은우, 박보검 하차 '새벽 기차' 새 주연",
                    "차은우의 소속사는 \"차은우가 '새벽 기차' 주연을 맡았다\"고 밝혔다."),
            "casting Cha Eun-woo / 새벽 기차 (confirmed)");
}

TEST(DetectorKorean, QuotedMemberAndSingersSong) {
  // "러블리즈의 '케이'": the quote is the member, not a title
  EXPECT_EQ(Summary("",
                    "드라마 '푸른 항구' OST Part.3가 발매된다. 가창에는 걸그룹 러블리즈의 "
                    "'케이'가 참여했다."),
            "ost Kei / 푸른 항구 (announced)");
  // "폴킴의 '너의 계절'": a known singer's quote is the song, the story's title the work
  EXPECT_EQ(Summary("",
                    "드라마 '푸른 항구'가 OST 라인업을 공개했다. 폴킴의 '너의 계절'이 첫 "
                    "곡으로 참여한다."),
            "ost Paul Kim / 푸른 항구 (announced)");
}

TEST(DetectorKorean, ATitleEndingInAQuestionMarkBeforeParentheses) {
  // the drama's own rating record before its title is no chart story, and "?(" ends no
  // sentence
  EXPECT_EQ(Summary("",
                    "시청률 1위를 기록 중인 SBS 드라마 '우리 만날까요?(가제)' OST Part.3를 "
                    "폴킴이 부른다."),
            "ost Paul Kim / 우리 만날까요? (announced)");
}

TEST(DetectorKorean, SongNounsBeforeAQuote) {
  // "팝송 'X'", "동요 'Y'": the quotes are songs, so the OST keeps the story's title
  EXPECT_EQ(Summary("",
                    "차은우가 영화 '새벽 기차' OST에 참여했다. 차은우는 팝송 'Blue Sky Road'와 "
                    "동요 '작은 별 노래'를 불렀다."),
            "ost Cha Eun-woo / 새벽 기차 (announced)");
}

TEST(DetectorKorean, LexiconLines) {
  // remarks on a cameo are no casting; a role "lending strength" is one
  EXPECT_EQ(Summary("", "차은우가 드라마 '새벽 기차' 카메오 출연 소감을 밝혔다."), "");
  EXPECT_EQ(Summary("",
                    "영화 '새벽 기차'가 크랭크인했다. 배우 조재윤이 '박차장' 역으로 영화에 "
                    "힘을 보탠다."),
            "casting Jo Jae-yoon / 새벽 기차 (confirmed)");
}

TEST(DetectorKorean, StoryWorkLineUpsCompaniesAndTheOneSupported) {
  // a line-up sentence without a singing verb names the singers of the story's OST
  EXPECT_EQ(Summary("",
                    "드라마 '푸른 항구' OST 1차 라인업이 공개됐다. 공개된 라인업에는 거미, "
                    "폴킴 등이 포함됐다."),
            "ost Gummy / 푸른 항구 (announced); ost Paul Kim / 푸른 항구 (announced)");
  // a quote after 제작사 is the company, not the work
  EXPECT_EQ(Summary("",
                    "제작사 '한빛필름'의 신작 '새벽 기차'(가제)는 배우 김혜수 등 출연진 "
                    "캐스팅을 마무리하고, 다음 달 촬영을 시작한다."),
            "casting Kim Hye-soo / 새벽 기차 (confirmed)");
  // a known title beats a quoted phrase as the story's work; the friend supported is not cast
  EXPECT_EQ(Summary("",
                    "스타들의 '의리 출연'이 이어지고 있다. 차은우가 절친 박보검을 위해 "
                    "드라마 '낭만닥터 김사부 3'에 카메오로 나선다."),
            "casting Cha Eun-woo / Dr. Romantic 3 (confirmed)");
}

// Round four (generalisation on fresh text): one mechanism per test, each seen in at least
// three real items of two sets.

TEST(DetectorKorean, ABareQuoteIsNoSecondWorkOfAPersonBoundToANamedWork) {
  // a role in quotes ('한별'로 분한다), an epithet before the name and a quoted statement are
  // no works when the story names the drama; their claims join the drama's
  EXPECT_EQ(Summary("",
                    "배우 김새론이 웹드라마 '푸른 골목의 끝'의 여주인공에 발탁됐다. 김새론은 극 "
                    "중 밝은 성격의 대학생 '한별'로 분한다."),
            "casting Kim Sae-ron / 푸른 골목의 끝 (confirmed)");
  EXPECT_EQ(Summary("",
                    "'국민 첫사랑' 박보영이 드라마 '바람의 정원'에 주연으로 발탁됐다. 소속사 측은 "
                    "\"박보영이 '바람의 정원' 여주인공 역에 최근 캐스팅됐다\"며 \"'이달 말부터 "
                    "촬영에 합류한다'\"고 밝혔다."),
            "casting Park Bo-young / 바람의 정원 (confirmed)");
  // two known titles stay two events: the mechanism drops only bare quotes
  // two works the text names as works stay two events
  EXPECT_EQ(Summary("",
                    "배우 김새론이 드라마 '푸른 골목'에 출연한다. 김새론은 영화 '붉은 언덕'에도 "
                    "출연한다."),
            "casting Kim Sae-ron / 붉은 언덕 (confirmed); casting Kim Sae-ron / 푸른 골목 "
            "(confirmed)");
}

TEST(DetectorKorean, AQuestionOrExclamationMarkInsideATitleEndsNoSentence) {
  EXPECT_EQ(Summary("",
                    "배우 장기용이 새 드라마 '어서 와? 봄날'(극본 김하늘)에 카메오로 특별 "
                    "출연한다. 제작진은 \"장기용이 1회에 등장한다\"고 밝혔다."),
            "casting Jang Ki-yong / 어서 와? 봄날 (confirmed)");
  EXPECT_EQ(
      Summary("", "MBC 새 주말드라마 '우리가! 봄날'의 남자 주인공으로 배우 윤현민이 낙점됐다."),
      "casting Yoon Hyun-min / 우리가! 봄날 (confirmed)");
}

TEST(DetectorKorean, ASideSayingNoReviewHasBegunKeepsTheOfferStage) {
  // the writer says "검토 중", the agency says the offer came but the review has not begun
  EXPECT_EQ(Summary("",
                    "배우 한효주가 드라마 '새벽 등대' 출연 제안을 받고 검토 중이다. 한효주의 "
                    "소속사 관계자는 \"'새벽 등대' 출연 제안을 받고 대본도 받았다. 아직 대본 "
                    "검토 전이다\"라고 말했다."),
            "casting Han Hyo-joo / 새벽 등대 (in_talks)");
  // an agency that only confirms the offer still keeps the writer's review
  EXPECT_EQ(Summary("",
                    "배우 한효주가 드라마 '새벽 등대' 출연 제안을 받고 검토 중이다. 한효주의 "
                    "소속사 관계자는 \"'새벽 등대'는 제안받은 작품 중 하나\"라고 말했다."),
            "casting Han Hyo-joo / 새벽 등대 (reviewing)");
}

TEST(DetectorKorean, ATitleWhoseClosingMarkThePageLost) {
  EXPECT_EQ(Summary("", "배우 한효주가 KBS2 새 드라마 ‘새벽 등대 출연을 확정했다."),
            "casting Han Hyo-joo / 새벽 등대 (confirmed)");
  EXPECT_EQ(Summary("",
                    "드라마 ‘새벽 등대 제작진이 한효주의 출연을 두고 입장을 밝혔다. 제작진은 "
                    "\"한효주에게 출연 제안을 한 상태\"라고 말했다."),
            "casting Han Hyo-joo / 새벽 등대 (in_talks)");
}

TEST(DetectorKorean, EverydayWordsAreNoNames) {
  EXPECT_TRUE(Persons("데뷔 무대를 하루 앞두고 벌어지는 이야기다.").empty());
  EXPECT_TRUE(Persons("100억 원대 예산의 영화에 출연한다.").empty());
  EXPECT_TRUE(Persons("다른 배우 협의중이다.").empty());
  EXPECT_TRUE(Persons("라인업을 보니 바로 그 배우가 돌아온다.").empty());
  // next to their group such names still count
  EXPECT_EQ(Persons("그룹 B1A4 멤버 바로가 드라마에 출연한다."), std::vector<std::string>{"바로"});
}

TEST(DetectorKorean, TheOneWhoLeftIsNotCastInTheirPlace) {
  // "X이 하차한 <work>": a relative clause about the actor who left; the one cast in the
  // role is the news (before: the cast actor vetoed by 하차, or the one who left cast too)
  EXPECT_EQ(Persons("배우 김수현이 박보영이 하차한 주말드라마 '푸른 항구'에 캐스팅됐다."),
            std::vector<std::string>{"김수현"});
  EXPECT_EQ(Summary("",
                    "배우 김수현이 박보영이 하차한 주말드라마 ‘푸른 항구!’에서 남자 주인공으로 "
                    "캐스팅됐다."),
            "casting Kim Soo-hyun / 푸른 항구! (confirmed)");
  // leaving is still a veto when it is the news
  EXPECT_EQ(Summary("", "배우 김수현이 주말드라마 '푸른 항구'에서 하차한다."), "");
}

TEST(DetectorKorean, TheCharacterBeforeMatdaIsNoPerson) {
  // "여자주인공 나영을 맡았다": 나영 is the character here, not the idol of that name; and
  // "소속사 측은" names the agency's side, no person
  EXPECT_EQ(Summary("",
                    "걸그룹 마마무 멤버 문별이 웹드라마 '푸른 항구' 여자주인공으로 첫 연기 "
                    "도전에 나섰다. 마마무 소속사 측은 14일 이를 밝혔다. 문별은 웹드라마 "
                    "'푸른 항구'에서 여자주인공 나영을 맡았다."),
            "casting Moonbyul / 푸른 항구 (confirmed)");
}

// Round 10. "라인업을 공개했다. A, B, C다.": a sentence that only lists names and ends in the
// copula names whom the sentence before it announced; "주인공은 A와 B다" too. A known name
// that ends a sentence takes the copula 다 ("슬기다" is 슬기).
TEST(DetectorKorean, ACopulaListNamesTheLineUpOfTheSentenceBefore) {
  EXPECT_EQ(Summary("",
                    "KBS2 새 수목드라마 '푸른 항구' 측은 12일 특별출연 1차 라인업을 공개했다. "
                    "김혜윤, 설인아, 김건우다."),
            "casting Kim Gun-u / 푸른 항구 (confirmed); casting Kim Hye-yoon / 푸른 항구 "
            "(confirmed); casting Seol In-ah / 푸른 항구 (confirmed)");
  EXPECT_EQ(Summary("",
                    "드라마 '푸른 항구' 세 번째 OST가 오늘 오후 6시 공개된다. 주인공은 레드벨벳의 "
                    "웬디와 슬기다."),
            "ost Seulgi / 푸른 항구 (announced); ost Wendy / 푸른 항구 (announced)");
  // a sentence that is not only names ("연출은 A다") is no line-up
  EXPECT_EQ(Summary("",
                    "KBS2 새 수목드라마 '푸른 항구' 측은 12일 특별출연 라인업을 공개했다. 연출은 "
                    "김건우다."),
            "");
}

// Round 10. "…캐스팅됐다\"는 보도에 대해 소속사는 \"전혀 계획이 없다\"고 일축했다": 일축
// ("dismissed") tells the side's answer to a report; it is a denial.
TEST(DetectorKorean, ADismissedReportIsADenial) {
  EXPECT_EQ(Summary("",
                    "앞서 한 매체는 설인아가 드라마 '푸른 항구'의 여주인공으로 캐스팅됐다고 "
                    "보도했다. 이에 소속사 관계자는 \"전혀 계획이 없다\"고 일축했다."),
            "casting Seol In-ah / 푸른 항구 (denied)");
}

// Round 10. "A, B 등의 참여로 주목을 모았던 'W' OST의 네 번째 주인공은 C다", "'W1'에서 B와
// 호흡을 맞췄던 A가 캐스팅됐다": names before a past modifier (-던) describe what came before;
// the news is the name after it (a subject before it, "A는 … 맞췄던 B와", stays).
TEST(DetectorKorean, NamesBeforeAPastModifierAreBackground) {
  EXPECT_EQ(Summary("",
                    "폴킴, 정승환 등의 참여로 화제를 모았던 드라마 '푸른 항구' OST의 세 번째 "
                    "주인공은 레드벨벳의 웬디다."),
            "ost Wendy / 푸른 항구 (announced)");
  EXPECT_EQ(Summary("",
                    "전작 '달빛 정원'에서 김혜윤과 호흡을 맞췄던 김건우가 드라마 '푸른 항구' "
                    "주인공으로 캐스팅됐다."),
            "casting Kim Gun-u / 푸른 항구 (confirmed)");
  EXPECT_EQ(Summary("",
                    "김건우는 '달빛 정원'에서 호흡을 맞췄던 김혜윤과 드라마 '푸른 항구'에 "
                    "캐스팅됐다."),
            "casting Kim Gun-u / 푸른 항구 (confirmed); casting Kim Hye-yoon / 푸른 항구 "
            "(confirmed)");
}

// Round 10. "바비킴, 서영은, 샤이니 등이": inside a list a name carries no particle, so 서영은
// is a name of its own, not 서영 + 은.
TEST(DetectorKorean, AListMemberKeepsItsLastSyllable) {
  EXPECT_EQ(Persons("폴킴, 서영은, 정승환 등이 드라마 OST에 참여한다."),
            (std::vector<std::string>{"폴킴", "서영은", "정승환"}));
}

// Round 10. "현재 옹성우는 워너원 활동 중으로": a word of the group's activity after its name is
// no member.
TEST(DetectorKorean, AGroupsActivityIsNoMember) {
  EXPECT_EQ(Persons("소속사는 \"현재 옹성우는 워너원 활동 중으로 차기작은 확정된 바 없다\"고 "
                    "밝혔다."),
            std::vector<std::string>{"옹성우"});
}

// Round 10. "양측은 확정설을 부인했다": denying that a casting is settled is no denial of the
// offer (it stays a rumour the sides answer); and "B 측 역시 “논의 중이다”" is B's side
// speaking, so B's stated stage beats that rumour.
TEST(DetectorKorean, DenyingASettledCastingIsNoDenial) {
  EXPECT_EQ(Summary("",
                    "KBS2 새 드라마 '푸른 항구' 여주인공 자리를 두고 김혜윤과 설인아 모두 물망에 "
                    "올랐다. 그러나 양측은 확정설을 부인했다. 김혜윤 소속사 측은 2일 오후 한 "
                    "매체에 “김혜윤이 '푸른 항구' 출연 제안만 받은 상태”라고 선을 그었다. 또 "
                    "다른 주인공 후보로 거론된 설인아 측 역시 “제안 받고 논의 중이다. 확정된 건 "
                    "아무것도 없다”고 밝혔다."),
            "casting Kim Hye-yoon / 푸른 항구 (in_talks); casting Seol In-ah / 푸른 항구 "
            "(in_talks)");
}

// Round 10. "가수 휘인, 벤, 황민현이 OST에 참여": between two list separators of an OST
// line-up a one-syllable stage name is a singer.
TEST(DetectorKorean, AOneSyllableSingerInsideAnOstLineUp) {
  EXPECT_EQ(Summary("", "가수 폴킴, 벤, 정승환이 드라마 '푸른 항구' OST에 참여한다."),
            "ost Jung Seung-hwan / 푸른 항구 (announced); ost Paul Kim / 푸른 항구 (announced); "
            "ost 벤 / 푸른 항구 (announced)");
}

}  // namespace
}  // namespace hallyu
