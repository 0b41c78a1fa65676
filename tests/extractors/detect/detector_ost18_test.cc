// OST and line-up mechanisms of the eighteenth detection round, from the OST false alarms and
// missed line-ups of the real pool (pool18-dev). Sentences are invented; singers and actors
// are names the gazetteer knows (facts), titles are made up. Each family is tested with
// wordings of our own (other verb, order, particle); each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

constexpr auto Ko = &hallyu::testing::KoSummary;

constexpr auto En = &hallyu::testing::EnSummary;

// "its first OST was sung by A, B sang 'S' as the second OST and now C will release the third":
// a singer whose own clause names an earlier part (a lower number than the part the story
// announces) and tells it in the past sang an earlier song; only the newest part is news.
TEST(DetectorOst18, SingersOfEarlierNumberedPartsAreBackground) {
  EXPECT_EQ(En("Ailee to sing new track for ‘Winter Harbor’",
               "The series got its first OST from Taeyeon, Gummy sang “Tide” as the second OST, "
               "and now Ailee will release the third OST, “Rain.”"),
            "ost Ailee / Winter Harbor (announced)");
  EXPECT_EQ(En("",
               "After Gummy sang the first soundtrack and Taeyeon recorded the second OST, Ailee "
               "will lend her voice to the third OST of ‘Winter Harbor’."),
            "ost Ailee / Winter Harbor (announced)");
  EXPECT_EQ(Ko("에일리, '푸른 항구' 세 번째 OST 주자",
               "'푸른 항구'의 첫 번째 OST는 태연이 불렀고, 두 번째 OST는 거미가 불러 화제가 됐다. "
               "에일리는 세 번째 OST '비'를 가창한다."),
            "ost Ailee / 푸른 항구 (announced)");
  EXPECT_EQ(
      Ko("",
         "에일리가 부른 드라마 '푸른 항구'의 여섯 번째 OST가 공개된다. 특히 다섯 번째 OST '파도'는 "
         "거미가 직접 불러 사랑받았다."),
      "ost Ailee / 푸른 항구 (announced)");
}

// "…을 시작으로 A 'S1', B 'S2' 등 공개되는 OST마다 호응을 얻었다": a Korean sentence that runs
// through the songs already out (시작으로, 마다, 차례로) and ends on how they were received names
// earlier singers, not the news.
TEST(DetectorOst18, ARunOfEarlierSongsAndTheirReceptionIsBackground) {
  EXPECT_EQ(Ko("태연, '푸른 항구' 여섯 번째 OST 6일 정오 공개",
               "'푸른 항구'는 거미의 '파도'를 시작으로 에일리 '비', 백현 '바람' 등 발표하는 "
               "OST마다 사랑을 받았다."),
            "ost Taeyeon / 푸른 항구 (announced)");
  EXPECT_EQ(Ko("태연, '푸른 항구' OST 합류",
               "'푸른 항구' OST는 그간 거미, 에일리, 백현이 차례로 참여해 큰 호응을 얻었다."),
            "ost Taeyeon / 푸른 항구 (announced)");
}

// "앞서 A, B가 참여한 'W' OST의 세 번째 주자로 C가 나선다": names between 앞서 / 이미 and a past
// adnominal (참여한, 부른, 가창한) sang before; the news is the name after it.
TEST(DetectorOst18, NamesOfAnEarlierParticipationClauseAreBackground) {
  EXPECT_EQ(Ko("", "앞서 거미, 에일리가 참여한 '푸른 항구' OST의 세 번째 주자로 태연이 나선다."),
            "ost Taeyeon / 푸른 항구 (announced)");
  EXPECT_EQ(Ko("", "이미 백현과 거미가 가창한 드라마 '푸른 항구' OST에 태연이 새로 합류한다."),
            "ost Taeyeon / 푸른 항구 (announced)");
}

// "A, B, and C starrer series": a cast list closed by ", and"
// before "starrer" is the drama's cast, not its singers.
TEST(DetectorOst18, ASerialCommaCastListBeforeStarrerIsTheCast) {
  EXPECT_EQ(En("",
               "The Kim Min Kyu, Hong Eun Ki, and Park Bo Young starrer ‘Winter Harbor’ has Ailee "
               "on its next OST, which will be released on Friday."),
            "ost Ailee / Winter Harbor (announced)");
}

// "…revealed the actors who will play X. A, B and C will be the members": a nameless line-up
// cue whose next sentence only lists names; every named person of the list is one event.
TEST(DetectorOst18, ANamelessLineUpCueTakesTheListThatFollows) {
  EXPECT_EQ(En("‘Winter Harbor’ reveals the crew of its ship",
               "On Monday, ‘Winter Harbor’ unveiled the actors who will play the ship's crew. "
               "Kim Min Kyu, Hong Eun Ki and Lee Eun Sang will be the sailors."),
            "casting Hong Eun Ki / Winter Harbor (confirmed); casting Kim Min Kyu / Winter "
            "Harbor (confirmed); casting Lee Eun Sang / Winter Harbor (confirmed)");
  EXPECT_EQ(Ko("'푸른 항구' 신예 3인 발탁",
               "KBS 드라마 '푸른 항구'가 주인공 세 명을 모두 신인 배우로 캐스팅했다. 김민규, "
               "홍은기, 이은상이 그 주인공들이다."),
            "casting Eunki / 푸른 항구 (confirmed); casting Eunsang / 푸른 항구 (confirmed); "
            "casting Kim Min-kyu / 푸른 항구 (confirmed)");
  EXPECT_EQ(Ko("",
               "KBS 드라마 '푸른 항구'가 주인공 세 명을 모두 신인 배우로 캐스팅했다. 주인공을 "
               "꿰찬 신예는 김민규, 홍은기, 이은상이다."),
            "casting Eunki / 푸른 항구 (confirmed); casting Eunsang / 푸른 항구 (confirmed); "
            "casting Kim Min-kyu / 푸른 항구 (confirmed)");
  EXPECT_EQ(En("‘Winter Harbor’ reveals its first OST line-up",
               "The producers revealed the singers who will record the drama's soundtrack. "
               "Taeyeon, Gummy and Ailee make up the line-up."),
            "ost Ailee / Winter Harbor (announced); ost Gummy / Winter Harbor (announced); ost "
            "Taeyeon / Winter Harbor (announced)");
}

// "the cast was confirmed to include A, B and C", "A and B round out the cast",
// "Also joining the cast are A and B": English line-up verbs whose names are each cast.
TEST(DetectorOst18, EnglishLineUpVerbsCastEveryName) {
  EXPECT_EQ(En("",
               "Producers said the cast of ‘Winter Harbor’ was confirmed to include Kim Min Kyu, "
               "Hong Eun Ki and Lee Eun Sang."),
            "casting Hong Eun Ki / Winter Harbor (confirmed); casting Kim Min Kyu / Winter "
            "Harbor (confirmed); casting Lee Eun Sang / Winter Harbor (confirmed)");
  EXPECT_EQ(En("", "Kim Min Kyu and Hong Eun Ki round out the cast of ‘Winter Harbor’."),
            "casting Hong Eun Ki / Winter Harbor (confirmed); casting Kim Min Kyu / Winter "
            "Harbor (confirmed)");
  EXPECT_EQ(En("Park Bo Young leads ‘Winter Harbor’",
               "Park Bo Young will star in the drama ‘Winter Harbor’. Also joining the cast are "
               "Kim Min Kyu and Hong Eun Ki."),
            "casting Hong Eun Ki / Winter Harbor (confirmed); casting Kim Min Kyu / Winter "
            "Harbor (confirmed); casting Park Bo Young / Winter Harbor (confirmed)");
  // (British spelling: "has finalised its leads: A as … and B as …", a line-up after a colon)
  EXPECT_EQ(En("",
               "tvN drama ‘Winter Harbor’ has finalised its leads: Park Bo Young as the captain "
               "and Kim Min Kyu as the doctor."),
            "casting Kim Min Kyu / Winter Harbor (confirmed); casting Park Bo Young / Winter "
            "Harbor (confirmed)");
}

// "A와 B가 … 장면에서 흘러나온 곡", "the song heard in the scene where A and B …", "A와 B의
// 'X송'은 C가 부른 'S'": the actors of the scene a song played in act in the drama; they do not
// sing its OST.
TEST(DetectorOst18, ActorsOfTheSceneASongPlayedInAreNoSingers) {
  EXPECT_EQ(Ko("",
               "드라마 '푸른 항구'에서 정우와 이유미가 바닷가를 함께 걷는 장면에 흐른 노래는 "
               "에일리가 부른 OST '파도'다."),
            "ost Ailee / 푸른 항구 (announced)");
  EXPECT_EQ(Ko("",
               "드라마 '푸른 항구' 속 정우와 이유미가 입맞춤하는 씬에서 흘러나온 OST는 에일리가 "
               "불렀다."),
            "ost Ailee / 푸른 항구 (announced)");
  EXPECT_EQ(En("",
               "The song heard in the scene where Park Bo Young and Park Hyung Sik share an "
               "umbrella is Ailee’s “Rain,” the second OST of ‘Winter Harbor’."),
            "ost Ailee / Winter Harbor (announced)");
  // (the pair a song is nicknamed after, when another singer sings it)
  EXPECT_EQ(Ko("",
               "드라마 '푸른 항구'에서 정우와 이유미의 달콤한 '우산송'은 에일리가 부른 OST "
               "'비'다."),
            "ost Ailee / 푸른 항구 (announced)");
}

// "A will lend her voice to 'W'. A previously sang for 'W1' and 'W2'", "A가 'W1' OST 이후 5년
// 만에 참여하는 곡": a later sentence giving a singer the story already bound to its drama other
// titles, in the past, tells her earlier OSTs.
TEST(DetectorOst18, ASingersEarlierOstsAreNoMoreNews) {
  EXPECT_EQ(En("Taeyeon and Baekhyun to sing for ‘Winter Harbor’",
               "Taeyeon and Baekhyun will lend their voices to the OST of the upcoming drama "
               "‘Winter Harbor’. Taeyeon previously sang for ‘Warm and Cozy’ and ‘Master’s Sun’."),
            "ost Baekhyun / Winter Harbor (announced); ost Taeyeon / Winter Harbor (announced)");
  EXPECT_EQ(
      Ko("",
         "에일리가 드라마 '푸른 항구' OST '비'를 부른다. 에일리가 '별에서 온 그대' OST 이후 5년 "
         "만에 참여하는 드라마 음악이다."),
      "ost Ailee / 푸른 항구 (announced)");
}

// "진영이 거미의 OST Part.1 'S'에 이어 Part.2를 가창한다", "Following B’s 'S1', A will sing the
// second OST": the owner of the song the news follows sang it before.
TEST(DetectorOst18, TheOwnerOfTheSongTheNewsFollowsIsBackground) {
  EXPECT_EQ(Ko("",
               "드라마 '푸른 항구' 측은 6일 태연이 거미의 OST Part.1 '파도'에 이어 Part.2 '비'를 "
               "가창한다고 밝혔다."),
            "ost Taeyeon / 푸른 항구 (announced)");
  EXPECT_EQ(Ko("", "'푸른 항구'는 에일리의 '파도' 이후 두 번째 OST 주자로 태연을 택했다."),
            "ost Taeyeon / 푸른 항구 (announced)");
  EXPECT_EQ(
      En("", "Following Gummy’s “Tide,” Taeyeon will sing the second OST of ‘Winter Harbor’."),
      "ost Taeyeon / Winter Harbor (announced)");
  EXPECT_EQ(
      En("",
         "After Gummy’s first OST “Tide,” Taeyeon will sing the second OST of ‘Winter Harbor’."),
      "ost Taeyeon / Winter Harbor (announced)");
  // (the sentence names only the owner: it speaks of the story's singer)
  EXPECT_EQ(Ko("태연, '푸른 항구' 두 번째 OST 주자",
               "태연이 부른 '비'가 6일 공개된다. 이 곡은 거미의 Part.1 '파도'에 이어 공개되는 두 "
               "번째 OST다."),
            "ost Taeyeon / 푸른 항구 (announced)");
}

}  // namespace
}  // namespace hallyu
