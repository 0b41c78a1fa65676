// Casting and OST mechanisms of the seventh detection round (issue 14), found on the dev half
// of a fresh set of real snippets nobody had tuned on. Sentences are invented; the people
// are real names the gazetteer knows (facts), the titles are made up. Each test fails when
// its mechanism is removed.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
std::string Summary(const std::string& title, const std::string& text, const std::string& lang) {
  return hallyu::testing::DetectionSummary(title, text, lang);
}

// See hallyu::testing::WorkMentions.
std::vector<std::string> Works(const std::string& sentence, const std::string& lang) {
  return hallyu::testing::WorkMentions(sentence, lang);
}

// "<달빛 정원>의 김선호": a Korean title owning a known person's full name introduces that
// person by an earlier work; a title owning a role noun ("의 주연 배우") does not.
TEST(DetectorFresh7, KoreanTitleOwningAKnownNameIsAnEarlierWork) {
  EXPECT_EQ(
      Works("<달빛 정원> <푸른 항구>의 김선호, <겨울 바다>의 김유미가 뭉쳤다.", "ko"),
      (std::vector<std::string>{"달빛 정원 (aside)", "푸른 항구 (aside)", "겨울 바다 (aside)"}));
  EXPECT_EQ(Works("드라마 '푸른 항구'의 주연 배우 김선호가 OST를 직접 부른다.", "ko"),
            (std::vector<std::string>{"푸른 항구"}));
}

// "<달빛 정원>의 박민호 감독": the title of a director's or writer's earlier work.
TEST(DetectorFresh7, KoreanTitleOwningADirectorIsAnEarlierWork) {
  EXPECT_EQ(Works("<달빛 정원>의 박민호 감독이 신작으로 돌아온다.", "ko"),
            (std::vector<std::string>{"달빛 정원 (aside)"}));
}

// A title the story names as someone's earlier work in one sentence is that earlier work in
// the headline too, so the casting binds to the new title the lead names.
TEST(DetectorFresh7, AnEarlierWorkOnceIsAnEarlierWorkThroughoutTheStory) {
  EXPECT_EQ(
      Summary("'달빛 정원' 김선호, '푸른 항구' 김유미가 뭉쳤다",
              "신작 영화 <겨울 바다>는 두 남녀의 엇갈린 사랑을 그린다. <달빛 정원>의 김선호, "
              "드라마 <푸른 항구>의 김유미가 뭉쳤다.",
              "ko"),
      "casting Kim Seon-ho / 겨울 바다 (confirmed); casting Kim Yoo-mi / 겨울 바다 (confirmed)");
}

// "‘기억 상실’을 소재로 한 스릴러": a quote named as the subject matter is no title.
TEST(DetectorFresh7, KoreanQuotedSubjectMatterIsNoTitle) {
  EXPECT_EQ(Works("김선호가 ‘기억 상실’을 소재로 한 스릴러 <겨울 바다>에 캐스팅됐다.", "ko"),
            (std::vector<std::string>{"겨울 바다"}));
  EXPECT_EQ(
      Summary("",
              "김선호가 ‘기억 상실’을 소재로 한 스릴러 <겨울 바다>에 캐스팅됐다. "
              "<달빛 정원>의 김유미가 홍일점으로 호흡을 맞춘다.",
              "ko"),
      "casting Kim Seon-ho / 겨울 바다 (confirmed); casting Kim Yoo-mi / 겨울 바다 (confirmed)");
}

// "김선호와 김유미에 대해": before 대해/대한/관해 the 에 is the name's particle.
TEST(DetectorFresh7, KoreanNameBeforeEDaehaeIsAPerson) {
  EXPECT_EQ(
      Summary("",
              "tvN 측이 새 드라마 '겨울 바다' 출연 보도가 나온 김선호와 김유미에 대해 아직 "
              "검토 중인 단계라고 밝혔다.",
              "ko"),
      "casting Kim Seon-ho / 겨울 바다 (reviewing); casting Kim Yoo-mi / 겨울 바다 (reviewing)");
}

// A sentence that begins inside a quote the sentence before it left open is the same
// speaker's: the agency's "현재 검토 중이다" / "We are considering it" after a sentence break.
TEST(DetectorFresh7, ASentenceInsideAnOpenQuoteKeepsItsSpeaker) {
  EXPECT_EQ(
      Summary("",
              "배우 김선호와 김유미가 영화 '겨울 바다' 출연에 대해서 확정된 것은 아니라고 "
              "설명했다. 김유미의 소속사 관계자는 \"시나리오를 받은 것은 맞지만 출연 확정된 "
              "것은 아니다. 현재 출연을 검토 중이다\"라고 말했다.",
              "ko"),
      "casting Kim Seon-ho / 겨울 바다 (rumored); casting Kim Yoo-mi / 겨울 바다 (reviewing)");
  EXPECT_EQ(
      Summary("",
              "Local media reported that UEE will star in the new KBS 2TV drama 'Winter Sea'. "
              "However, UEE's agency Pledis Entertainment stated, “It’s true that an offer "
              "has come in, but nothing has been confirmed. We are currently considering the "
              "project.”",
              "en"),
      "casting UEE / Winter Sea (reviewing)");
}

// "다른 배우와 협의 중": a sentence about another actor does not speak of the story's persons.
TEST(DetectorFresh7, AnotherActorIsNotTheStorysPerson) {
  EXPECT_EQ(Summary("KBS \"김선호 '겨울 바다' 출연 사실 아니다\"",
                    "KBS가 김선호의 드라마 출연설을 부인했다. KBS 측은 \"김선호는 KBS 2TV 새 "
                    "드라마 '겨울 바다'에 출연하지 않는다. 다른 배우와 협의 중\"이라고 밝혔다.",
                    "ko"),
            "casting Kim Seon-ho / 겨울 바다 (denied)");
}

// "가수들을 살펴봤다", "We list down some of the dramas …": a lead that rounds up several works
// or people makes none of them news; the same sentences without it are still read.
TEST(DetectorFresh7, ARoundupLeadVetoesTheStory) {
  const std::string ko = "먼저 KBS 주말드라마 '겨울 바다' OST에는 가수 김종국이 참여했다.";
  EXPECT_EQ(Summary("", "드라마 OST에 참여한 가수들을 살펴봤다. " + ko, "ko"), "");
  EXPECT_EQ(Summary("", ko, "ko"), "ost Kim Jong-kook / 겨울 바다 (announced)");
  const std::string en =
      "From IU in the lead role to EXO's Baekhyun in the supporting act, Moon Lovers: Scarlet "
      "Heart Ryeo is one of the most popular dramas with idols in it.";
  EXPECT_EQ(
      Summary("", "We list down some of the dramas with K-pop idols in lead roles. " + en, "en"),
      "");
  EXPECT_NE(Summary("", en, "en"), "");
}

// "N일 방송된 드라마 'W'에서는 … 모습이 그려졌다": a lead that recaps an aired episode of a drama
// makes its casting and offer words the plot (a drama about the entertainment business), so the
// story is no casting news; the same headline without the recap is still read, and a variety
// show's recap beside a casting is left alone.
TEST(DetectorFresh7, AnEpisodeRecapLeadVetoesTheStory) {
  const std::string head = "'겨울 바다' 김선호, 공효진에 주연 캐스팅 제안";
  const std::string lead =
      "9일 방송된 KBS 2TV 월화드라마 '겨울 바다'에서는 감독 한우진(김선호 분)이 배우 "
      "서하늘(공효진 분)에게 새 영화 출연을 제안하는 모습이 그려졌다.";
  EXPECT_EQ(Summary(head, lead, "ko"), "");
  EXPECT_NE(Summary(head, "김선호가 공효진에게 출연을 제안했다.", "ko"), "");
  EXPECT_NE(Summary("",
                    "김선호가 KBS 2TV 새 드라마 '겨울 바다' 출연을 확정했다. 그는 지난 7일 방송된 "
                    "MBC 예능 '꽃다발'에서는 근황을 전했다.",
                    "ko"),
            "");
}

// "A는 이미 확정된 상태며, B는 현재 조율중이다": each clause's status goes to its own person;
// "출연을 긍정적으로 생각하고 있다" is a review (beats the "조율중" after it).
TEST(DetectorFresh7, KoreanAlreadySettledAndPositivelyConsidering) {
  EXPECT_EQ(Summary("",
                    "김선호가 KBS 2TV 새 드라마 '겨울 바다' 출연을 확정지었다. KBS 관계자는 "
                    "\"김선호가 '겨울 바다' 출연을 확정지었다. 공효진은 이미 확정된 상태며, "
                    "김수현은 현재 조율중이다\"고 말했다.",
                    "ko"),
            "casting Gong Hyo-jin / 겨울 바다 (confirmed); casting Kim Seon-ho / 겨울 바다 "
            "(confirmed); casting Kim Soo-hyun / 겨울 바다 (in_talks)");
  EXPECT_EQ(
      Summary("",
              "배우 김선호가 SBS '겨울 바다'에 출연을 확정지었다. 상대역 김유미 소속사 측은 "
              "\"현재 출연을 긍정적으로 생각하고 있다\"라며 \"막판 조율중이다\"라고 말했다.",
              "ko"),
      "casting Kim Seon-ho / 겨울 바다 (confirmed); casting Kim Yoo-mi / 겨울 바다 (reviewing)");
}

// "‘X’ 소속 배우들": a quote followed by 소속 is the agency the actors belong to, never the work
// they are cast in or sing for.
TEST(DetectorFresh7, AQuotedAgencyBeforeMembershipIsNoWork) {
  EXPECT_EQ(Summary("",
                    "김선호, 공효진 등 '별빛액터스' 소속 배우들이 새 작품에 함께 출연한다고 "
                    "밝혔다.",
                    "ko"),
            "");
}

// "a song titled 'S'. … joins 'S' for 'W' OST": a quote the story names as a song in one
// sentence is that song in every sentence, so the singer's OST binds to the drama only.
TEST(DetectorFresh7, ATitleNamedAsASongIsTheSongEverywhere) {
  EXPECT_EQ(Summary("",
                    "Singer Han So-ri will sing a song titled 'Spring Promise'. Han So-ri joins "
                    "'Spring Promise' for tvN drama 'Winter Sea' OST.",
                    "en"),
            "ost Han So-ri / Winter Sea (announced)");
}

// "return to the small screen after W", "her first drama since W": a title right after
// "after"/"since" is the work before the news, never the one announced.
TEST(DetectorFresh7, ATitleAfterAfterOrSinceIsAnEarlierWork) {
  EXPECT_EQ(
      Summary("", "Kim Ji-won is set to return to the small screen after Queen of Tears.", "en"),
      "");
  EXPECT_EQ(Summary("",
                    "Kim Ji-won has been cast in the drama 'Winter Sea', her first drama since "
                    "Queen of Tears.",
                    "en"),
            "casting Kim Ji-won / Winter Sea (confirmed)");
}

}  // namespace
}  // namespace hallyu
