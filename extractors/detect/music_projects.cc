#include "extractors/detect/music_projects.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "extractors/detect/learn.h"
#include "extractors/detect/mentions.h"
#include "extractors/text/text.h"

namespace hallyu {
namespace {

struct CueHit {
  const Rule* rule = nullptr;
  size_t begin = 0, end = 0;
};

// One sentence of the story as the release/collab binder sees it.
struct MusicSentence {
  std::string text;  // valid UTF-8
  SentenceMentions mentions;
  std::vector<CueHit> cues[2];  // announcing cues: release, collab
  bool released[2] = {false, false};
  bool veto[2] = {false, false};
  // a "_background" veto: the sentence tells of earlier releases, so its "공개했다" is no
  // status of the story's song either
  bool background[2] = {false, false};
  std::string kind;  // release kind word's class, "" when none
  std::string cause;
  std::string generic_cause;       // "charity", "자선": only when nothing more specific is said
  std::vector<std::string> fired;  // "rule(status)@pos" for --explain
};

constexpr int kRelease = 0, kCollab = 1;

int KindRank(const std::string& k) {
  if (k == "digital_single") return 4;
  if (k == "ep") return 3;
  if (k == "single") return 2;
  if (k == "album") return 1;
  return 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Up to `n` bytes of `s` before `pos`, not starting inside a UTF-8 character.
std::string_view Before(std::string_view s, size_t pos, size_t n) {
  size_t b = pos > n ? pos - n : 0;
  while (b < pos && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) ++b;
  return s.substr(b, pos - b);
}

// Up to `n` bytes of `s` from `pos`, not ending inside a UTF-8 character.
std::string_view After(std::string_view s, size_t pos, size_t n) {
  if (pos >= s.size()) return {};
  size_t e = std::min(s.size(), pos + n);
  while (e > pos && e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;
  return s.substr(pos, e - pos);
}

// "Artist and producer ZICO", "가수 겸 프로듀서 X": a maker's title after a singer's is a
// singer who also produces, and sings.
bool SingerToo(std::string_view text, const Mention& m) {
  static const RE2 kSingerToo(
      "(?i)(?:singer|artist|rapper|vocalist|musician|singer-songwriter|가수|래퍼)\\s*(?:and|&|겸)"
      "\\s*(?:producer|composer|songwriter|프로듀서|작곡가)\\s*$");
  return RE2::PartialMatch(Before(text, m.begin, 48), kSingerToo);
}

// A person named as the song's maker, producer, host or organiser, not its singer.
bool IsCreditNotSinger(std::string_view text, const Mention& m) {
  static const RE2 kBefore(
      "(?i)(?:작곡가|작사가|프로듀서|프로듀싱팀|감독|연출가|producer|composer|songwriter|"
      "written\\s+by|"
      "produced\\s+by|composed\\s+by|directed\\s+by|host|MC)\\s*$");
  static const RE2 kAfter(
      "(?i)^\\s*(?:이|가|은|는|의)?\\s*(?:작곡|작사|프로듀싱|프로듀서|연출|편곡|(?:,\\s*)?who\\s+(?"
      ":wrote|"
      "composed|produced)|wrote|composed|produced)");
  // "a group produced by singer and actor X": the credit verb, then words saying what X is
  static const RE2 kCreditDescribed(
      "(?i)\\b(?:written|produced|composed|directed)\\s+by\\s+(?:(?:the|veteran|famed|renowned|"
      "singer|singer-songwriter|actor|actress|rapper|producer|composer|songwriter|musician|star|"
      "K-pop|and|,)\\s*){1,6}$");
  if (SingerToo(text, m)) return RE2::PartialMatch(After(text, m.end, 32), kAfter);
  return RE2::PartialMatch(Before(text, m.begin, 24), kBefore) ||
         RE2::PartialMatch(Before(text, m.begin, 80), kCreditDescribed) ||
         RE2::PartialMatch(After(text, m.end, 32), kAfter);
}

// A name that owns what speaks or posts the news, not a singer: "업텐션 공식 홈페이지",
// "A 측은", "A 소속사 관계자", "on B's official Instagram", "B's agency".
bool NewsOwnerNotSinger(std::string_view text, const Mention& m) {
  static const RE2 kKo(
      "^\\s*(?:의\\s*)?(?:공식\\s*)?(?:홈페이지|SNS|인스타그램|트위터|페이스북|유튜브|팬카페|"
      "측|관계자|소속사)(?:\\s|[,.은는이가을를의에]|$)");
  static const RE2 kEn(
      "(?i)^(?:'s|’s)?\\s+(?:official\\s+)?(?:website|homepage|SNS|Instagram|Twitter|Facebook|"
      "YouTube|fan\\s+cafe|agency|label|management|representatives?)\\b");
  const std::string_view after = After(text, m.end, 40);
  return RE2::PartialMatch(after, kKo) || RE2::PartialMatch(after, kEn);
}

// A person seen in a music video, not singing ("뮤직비디오에 배우 X가 출연", "appears in the
// music video").
bool InMusicVideo(std::string_view text, const Mention& m) {
  static const RE2 kKo(
      "^\\s*(?:이|가|은|는|도)?\\s*(?:[^.]{0,30}?)(?:출연|주인공|등장|카메오|(?:^|[^로\\s])\\s*"
      "지원\\s*"
      "사격)");
  static const RE2 kMv("(?i)뮤직\\s*비디오|뮤비|\\bMV\\b|music\\s+video");
  // "Y, an actor now, will appear in the music video", "Y acts in MV"
  static const RE2 kEn(
      "(?i)^[^.]{0,60}?\\b(?:star|stars|starring|starred|appear|appears|appearing|appeared|act|"
      "acts|acting)\\s+in\\s+(?:(?:the|its|his|her|their|a)\\s+)?(?:music\\s+video|MV)\\b");
  return RE2::PartialMatch(text, kMv) && (RE2::PartialMatch(After(text, m.end, 60), kKo) ||
                                          RE2::PartialMatch(After(text, m.end, 90), kEn));
}

// The quoted name is a further song of the same people: "또 다른 듀엣곡 'Y'", "또 하나의 신곡
// 'Y'", "another duet, 'Y'".
bool AnotherSong(std::string_view text, const Mention& m) {
  static const RE2 kAnother(
      "(?:또\\s*다른|또\\s*하나의|(?i:another))\\s*(?:[^\\s.]+\\s+)?(?:듀엣곡|듀엣|신곡|곡|노래|"
      "컬래버레이션\\s*곡|(?i:duet|song|track|single|collaboration))\\s*,?\\s*[‘'\"“<《]?\\s*$");
  return RE2::PartialMatch(Before(text, m.begin, 48), kAnother);
}

// Korean: the person backs someone else's release ("배우 A와 B가 지원사격에 나선다"), the way
// stars help a friend's song with a cameo or a post; a feature is singing ("피처링으로
// 지원사격").
bool Supporter(std::string_view text, const Mention& m) {
  static const RE2 kBacks(
      "^\\s*(?:과|와|이|가|은|는|도|,|·)?\\s*(?:[^.]{0,30}?)(?:^|[^로\\s])\\s*지원\\s*사격");
  // "A를 위해 B가 지원사격", "A의 신곡에 B가 지원사격": A is the one backed, not a backer
  static const RE2 kBacked("^(?:을|를|에게|께|의)(?:\\s|$)");
  const std::string_view span = std::string_view(text).substr(m.begin, m.end - m.begin);
  const std::string_view after =
      span.size() > m.text.size() && span.substr(0, m.text.size()) == m.text
          ? std::string_view(text).substr(m.begin + m.text.size(), 12)
          : After(text, m.end, 12);
  if (RE2::PartialMatch(after, kBacked)) return false;
  return RE2::PartialMatch(After(text, m.end, 60), kBacks);
}

// Korean: the person is named only as a relative, friend or teacher of whoever the sentence is
// about ("배우 A의 조카로 이름을 알린 B가 데뷔한다"): not the one who releases.
bool KinOfAnother(std::string_view text, const Mention& m) {
  static const RE2 kKin(
      "^\\s*의\\s*(?:친\\s*)?(?:조카|딸|아들|동생|여동생|남동생|언니|누나|오빠|형|남편|아내|부인|"
      "아버지|어머니|엄마|아빠|사촌|손녀|손자|절친|제자|애제자)");
  const std::string_view span = text.substr(m.begin, m.end - m.begin);
  const size_t name_end = span.size() > m.text.size() && span.substr(0, m.text.size()) == m.text
                              ? m.begin + m.text.size()
                              : m.end;
  return RE2::PartialMatch(After(text, name_end, 24), kKin);
}

// Korean: the mention carries a subject or topic particle ("추영우가", "그는"); the
// mention's span holds the particle, its text does not.
bool KoreanSubject(std::string_view text, const Mention& m) {
  static const RE2 kParticle("^(?:이|가|은|는|도)(?:\\s|,|$)");
  const std::string_view span = text.substr(m.begin, m.end - m.begin);
  if (span.size() > m.text.size() && span.substr(0, m.text.size()) == m.text) {
    const std::string_view rest = text.substr(m.begin + m.text.size(), 8);
    return RE2::PartialMatch(rest, kParticle);
  }
  return RE2::PartialMatch(After(text, m.end, 8), kParticle);
}

// Korean: "음원 내는 A, 신곡 MV에 B 지원사격", "A, 신곡 뮤비에 B 출연": a name without a subject
// particle that another name follows past more than a list mark, or that a comma and a
// locative phrase follow, is whose song it is; the music video or the backing is the other's.
bool ActOfAnother(std::string_view text, const Mention& m, const SentenceMentions& mentions) {
  if (KoreanSubject(text, m)) return false;
  static const RE2 kListMark("^\\s*(?:과|와|,|·|및|&|→)?\\s*$");
  for (const auto& o : mentions.items) {
    if ((o.kind != MentionKind::kPerson && o.kind != MentionKind::kGroup) || o.begin < m.end) {
      continue;
    }
    return !RE2::FullMatch(text.substr(m.end, o.begin - m.end), kListMark);
  }
  static const RE2 kCommaThenPlace("^\\s*,\\s*[^.,]{0,30}?에\\s");
  return RE2::PartialMatch(After(text, m.end, 60), kCommaThenPlace);
}

// Korean: the group of `m` carries a subject or topic particle ("마이네임은"). A group
// mention's text is the gazetteer's display name, so the particle is read off its span.
bool GroupIsSubject(std::string_view text, const Mention& m, const Gazetteer& gazetteer) {
  const std::string_view span = text.substr(m.begin, m.end - m.begin);
  static const RE2 kParticle("^(.+?)\\s*(?:이|가|은|는|도)$");
  re2::StringPiece head;
  if (RE2::FullMatch(span, kParticle, &head) &&
      gazetteer.FindGroup(std::string_view(head.data(), head.size())).has_value()) {
    return true;
  }
  return KoreanSubject(text, m);
}

// The quoted name is a drama, film, concert, fan meeting or tour, or a credit line, not a song
// or an album.
bool NotASongTitle(std::string_view text, const Mention& m) {
  static const RE2 kBefore(
      "(?i)(?:드라마|영화|시리즈|시트콤|예능|팬\\s*미팅|팬\\s*콘서트|콘서트|쇼케이스|투어|drama|"
      "film|movie|series|sitcom|"
      "fan\\s*meeting|fan\\s*concert|concert|tour|show)\\s*(?:[<《'‘\"“])?\\s*$");
  static const RE2 kAfter(
      "(?i)^\\s*(?:OST|오에스티|'s\\s+OST|의\\s*OST|에서|에\\s*출연|로\\s*얼굴|으로\\s*얼굴|소속|"
      "출신|(?:이라는|라는|이란|란)\\s*(?:활동명|예명|이름|가수명)|(?:활동명|예명)(?:으로|을|를|이|"
      "은))");
  // "‘백지영 with 송유빈’이라는 텍스트": a credit line of the singers, not the song's name
  // ("Cry with us": a lower-case word after "with" names nobody)
  static const RE2 kCredit("\\S\\s+(?i:with|feat\\.?|featuring)\\s+[A-Z0-9가-힣]");
  // "known for films such as “A,” “B” and “C”", "dramas like 'A' and 'B'": every quote of a
  // list after a screen noun is a work
  static const RE2 kWorkList(
      "(?i)(?:films?|movies?|dramas?|series|shows?|sitcoms?|roles?\\s+in)\\s+(?:such\\s+as|like|"
      "including)\\s+(?:[“\"'‘][^”\"'’]{1,60}[”\"'’]\\s*,?\\s*(?:and\\s+|or\\s+)?){0,8}$");
  // "X, star of “W”", "X, who plays a nurse in “W”": the work the person acts in
  static const RE2 kActsIn(
      "(?i)(?:\\b(?:star|lead)\\s+of|\\b(?:plays|played|stars|starred|starring)\\b[^.,;]{0,40}?"
      "\\bin)\\s*(?:the\\s+)?(?:[<《'‘\"“])?\\s*$");
  if (SingerToo(text, m)) return RE2::PartialMatch(After(text, m.end, 32), kAfter);
  return RE2::PartialMatch(Before(text, m.begin, 24), kBefore) ||
         RE2::PartialMatch(Before(text, m.begin, 64), kActsIn) ||
         RE2::PartialMatch(After(text, m.end, 24), kAfter) || RE2::PartialMatch(m.text, kCredit) ||
         RE2::PartialMatch(Before(text, m.begin, 240), kWorkList);
}

// How strongly a quoted name reads as the song/album title: 3 after a song word ("듀엣곡
// 'T'", "a rendition of 'T'", "the title of his single will be 'T'"), 2 after an album word
// or before the release verb, 1 plain, 0 a project name (kept as a fallback). With
// `song_first` false (a release, whose title may be its album's) album words count as song
// words; a collab's song beats the album it is on.
int TitleScore(std::string_view text, const Mention& m, bool song_first) {
  static const RE2 kSongBefore(
      "(?i)(?:곡|신곡|듀엣곡|제목(?:인|은)?|타이틀(?:은|는|이)?|싱글|노래|음원|(?:듀엣|캠페인|팬|"
      "응원|테마)\\s*송|"
      "single|song|duet|track|ballad|titled|called|rendition\\s+of|cover\\s+of|version\\s+of|"
      "title\\s+of\\s+(?:his|her|their|the)\\s+(?:\\w+\\s+)?(?:single|song|album|EP)\\s+"
      "(?:will\\s+be|is|was))\\s*(?:[<《'‘\"“])?\\s*$");
  static const RE2 kAlbumBefore("(?i)(?:앨범|음반|album|\\bEP|,)\\s*(?:[<《'‘\"“])?\\s*$");
  static const RE2 kVerbAfter(
      "^\\s*[’'”\"》〉>]?\\s*(?:\\([^)]{0,40}\\)\\s*)?(?:을|를|이|가|은|는|로|으로)?\\s*(?:\\d+"
      "일\\s*)?(?:[^.\\s]+"
      "\\s+){0,4}?"
      "(?:발매|발표|공개|선보|내놓|함께\\s*부|불렀|부른|가창|참여|(?:이)?라는\\s*제목)");
  static const RE2 kProject("(?i)프로젝트|project|캠페인|campaign");
  if (RE2::PartialMatch(m.text, kProject) || RE2::PartialMatch(After(text, m.end, 20), kProject)) {
    return 0;
  }
  const std::string_view before = Before(text, m.begin, 56);
  if (RE2::PartialMatch(before, kSongBefore)) return 3;
  if (RE2::PartialMatch(before, kAlbumBefore)) return song_first ? 2 : 3;
  if (RE2::PartialMatch(After(text, m.end, 80), kVerbAfter)) return 2;
  // "will release 'T'", "dropped 'T'": an English title right after its release verb
  static const RE2 kEnVerbBefore(
      "(?i)\\b(?:releas(?:e|es|ed|ing)|drop(?:s|ped|ping)?|unveil(?:s|ed|ing)?|put(?:s|ting)?\\s+"
      "out|record(?:s|ed|ing)?|shar(?:e|es|ed|ing))\\s*(?:[<《'‘\"“])?\\s*$");
  if (RE2::PartialMatch(before, kEnVerbBefore)) return 2;
  // "'T' out now", "'T' is out", "'T' drops Friday": an English title its release verb follows
  static const RE2 kEnVerbAfter(
      "(?i)^\\s*,?\\s*(?:is\\s+|are\\s+|was\\s+|has\\s+been\\s+|will\\s+(?:be\\s+)?)?(?:out\\b|"
      "available\\b|drops\\b|dropped\\b|arrives\\b|arrived\\b|released\\b|comes\\s+out\\b|"
      "came\\s+out\\b|hits\\b|go(?:es)?\\s+on\\s+sale\\b|went\\s+on\\s+sale\\b)");
  if (RE2::PartialMatch(After(text, m.end, 40), kEnVerbAfter)) return 2;
  return 1;
}

// The title without qualifiers and without a reading or translation in parentheses after
// it ("WE BELONG(위 빌롱)" -> "WE BELONG"; a title that is all parentheses stays).
std::string SongTitle(std::string_view raw) {
  std::string t = CleanTitle(raw);
  static const RE2 kTrailingParens("^(.*?\\S)\\s*\\(([^()]*)\\)$");
  std::string head, reading;
  if (RE2::FullMatch(t, kTrailingParens, &head, &reading)) {
    // "Dream(드림)": the Korean form is the title when the source gives both
    t = !ContainsHangul(head) && ContainsHangul(reading) ? TrimName(reading) : head;
  }
  return t;
}

// "Dream" of "Dream(드림)": the Latin head of a title the source also gives in Hangul
// after it; empty when the raw title is not of that shape.
std::string LatinHead(std::string_view raw) {
  static const RE2 kTrailingParens("^(.*?\\S)\\s*\\(([^()]*)\\)$");
  std::string head, reading;
  if (RE2::FullMatch(CleanTitle(raw), kTrailingParens, &head, &reading) && !ContainsHangul(head) &&
      ContainsHangul(reading)) {
    return head;
  }
  return "";
}

bool TitleCandidate(const Mention& m) {
  if (m.epithet || m.alt_title) return false;
  if (m.kind == MentionKind::kWork || m.kind == MentionKind::kSong ||
      m.kind == MentionKind::kQuote) {
    return m.quoted || m.why.find("titled") != std::string::npos;
  }
  return false;
}

// A teaser, poster or photo is out, not the song ("티저 영상을 공개했다").
bool TeaserBefore(std::string_view text, size_t pos) {
  static const RE2 kTeaser(
      "(?i)티저|포스터|사진|이미지|스케줄|트랙\\s*리스트|콘셉트|메들리|미리\\s*듣기|스포일러|"
      "teaser|poster|photo|image|schedule|track\\s*list|concept|medley|preview|snippet|spoiler|"
      "trailer");
  // "싱글의 음원과 뮤직비디오 티저를 공개했다", "the song and its teaser": the song is out too
  static const RE2 kSongToo(
      "(?i)음원\\s*(?:과|와|및|,)|\\b(?:song|single|track)\\s+and\\s+(?:its|the)\\b");
  if (RE2::PartialMatch(Before(text, pos, 60), kSongToo)) return false;
  return RE2::PartialMatch(Before(text, pos, 36), kTeaser);
}

// Korean: what was made public is the news, not the song: reported speech ("듀엣곡을
// 발표한다고 공개했다"), an announcement's object ("참여 소식을 발표했다", "라인업을
// 공개했다", "피처링 참여진을 13일 공개했다") or a fact in a nominalised clause ("첫 주자임을
// 공개했다", "녹음을 마쳤음을 발표했다").
bool NewsNotSong(std::string_view text, size_t pos) {
  static const RE2 kNews(
      "(?:(?:다|라)\\s*고|[가-힣](?:임|음|함|됨)(?:을|를)|(?:소식|명단|라인업|계획|일정|참여진|"
      "참여자|참여|출연진|사실|근황|현장|"
      "비하인드|과정|모습|소감|계약|합류)(?:을|를)?)(?:\\s*(?:지난\\s*)?\\d{1,2}일)?"
      "(?:\\s*(?:기습|깜짝|전격|공식|정식|직접|먼저|처음|최초로?)(?:적으로)?)?\\s*$");
  return RE2::PartialMatch(Before(text, pos, 24), kNews);
}

// Korean: a release verb that only joins the next clause ("싱글을 발매하고 …", "음원을 공개하며
// …"); it says the song is out only when the sentence ends in the past tense ("… 변신했다").
bool KoreanConnective(std::string_view span) {
  static const RE2 kConnective("(?:하고|하며|하면서|해|되며|돼)\\s*$");
  return RE2::PartialMatch(re2::StringPiece(span.data(), span.size()), kConnective);
}

// Korean: the clause a connective release verb joins is reported in the present or future
// ("싱글을 발표하고 가수로 데뷔한다고 밝혔다"): the past tense of the reporting verb says
// nothing of the song.
bool KoreanReportedFuture(std::string_view rest) {
  static const RE2 kReported("([가-힣])다고\\s");
  static const RE2 kPast(
      "^(?:었|았|였|했|됐|렸|졌|왔|냈|췄|웠|셨|켰|쳤|겼|뤘|섰|갔|봤|줬|났|혔|였)$");
  re2::StringPiece in(rest.data(), rest.size());
  std::string syllable;
  while (RE2::FindAndConsume(&in, kReported, &syllable)) {
    if (!RE2::FullMatch(syllable, kPast)) return true;
  }
  return false;
}

// Korean: the clause a connective release verb joins declares or promises what comes next
// ("싱글을 발표하고 가수 데뷔를 선언했다", "음원을 공개하며 활동을 예고했다"): the past tense is
// the declaration's, not the song's.
bool KoreanDeclaredNext(std::string_view rest) {
  static const RE2 kDeclared("(?:선언|예고|약속)(?:했|하였)");
  return RE2::PartialMatch(After(rest, 0, 120), kDeclared);
}

// English: what came out is a teaser, poster or photo ("have dropped their music video
// teaser").
bool TeaserAfter(std::string_view text, size_t pos) {
  static const RE2 kTeaser(
      "(?i)^\\s*(?:[\\w'’-]+\\s+){0,3}?(?:teasers?|posters?|photos?|images?|concept|"
      "schedule|medley|previews?|snippets?|spoilers?|trailers?|tracklist)\\b");
  return RE2::PartialMatch(After(text, pos, 48), kTeaser);
}

bool Usable(const Mention& m) {
  return (m.kind == MentionKind::kPerson || m.kind == MentionKind::kGroup) && !m.aside &&
         !m.credit && !m.cast_credit && !m.in_parens;
}

// The text presents the person of `m` as an actor: a descriptor before the name
// ("배우 X", "actress X", "Drama star X", "가수 겸 배우 X") or what learn.h reads around it.
bool PresentedAsActor(std::string_view text, const Mention& m, const std::string& lang,
                      const Gazetteer& gazetteer) {
  static const RE2 kBefore(
      "(?i)(?:배우|연기자|탤런트|actor|actress|star|스타)\\s*(?:겸\\s+\\S+\\s*)?(?:\\([^)]{0,30}\\)"
      "\\s*)?"
      "$");
  // (in English "star" after a music word or a group's name is a pop star: "BTS star Jin",
  // "K-pop star X", "boy band star X"; "K-drama star X", "Squid Game star X" stay actors)
  static const RE2 kMusicStar(
      "(?:\\b(?i:k-?pop|pop|idol|band|boy\\s+band|boy\\s+group|girl\\s+group|group|music|rock|hip-"
      "hop|"
      "rap|trot|ballad|singing)|\\b[A-Z0-9][A-Z0-9&]+)\\s+(?i:star|superstar)\\s+$");
  // "star" alone says fame, not acting ("Up-and-coming star X", "'남격합창단'의 스타 X"): it
  // presents an actor after a screen word or a work's title ("K-drama star X", "Castaway Diva
  // star X", "“This Is Us” star X", "한류 스타 X"); a name that is no word ("3") is nobody
  static const RE2 kStar("(?i:star|스타)\\s*(?:\\([^)]{0,30}\\)\\s*)?$");
  static const RE2 kScreenStar(
      "(?:(?i:drama|k-drama|movie|film|screen|hallyu|tv|sitcom|series|actor|actress|"
      "드라마|영화|한류|안방극장|충무로|스크린)\\s*|\\b[A-Z][\\w'’:!?.]*(?:-[A-Z0-9][\\w'’]*)*\\s+|"
      "[”\"'’]\\s*)"
      "(?i:star|스타)\\s*(?:\\([^)]{0,30}\\)\\s*)?$");
  const std::string_view before = Before(text, m.begin, 48);
  if (!m.text.empty() && m.text[0] >= '0' && m.text[0] <= '9') return false;
  if (RE2::PartialMatch(Before(text, m.begin, 24), kBefore) &&
      !RE2::PartialMatch(before, kMusicStar) &&
      (!RE2::PartialMatch(before, kStar) || RE2::PartialMatch(before, kScreenStar))) {
    return true;
  }
  // "Actress and former AOA member Seolhyun", "actor and singer-songwriter X": an actor's
  // descriptor that another title follows before the name
  static const RE2 kActorAnd(
      "(?i)\\b(?:actor|actress)\\s+(?:and|&)\\s+(?:former\\s+|ex-)?(?:[\\w'’-]+\\s+){0,3}?"
      "(?:singer|member|idol|rapper|model|host|entertainer|singer-songwriter|musician|vocalist)\\s+"
      "$");
  if (lang == "en" && RE2::PartialMatch(Before(text, m.begin, 64), kActorAnd)) return true;
  // "배우 A와 B가", "배우 A, B, C가", "배우 활동에 집중하던 A와 B가": the descriptor before a
  // coordinated list presents every name of it
  static const RE2 kListedActor(
      "(?:배우|연기자|탤런트)(?:\\s*활동[^.]{0,16}?(?:하던|해\\s*온|해온|하는|중인|하고\\s*있는))?"
      "\\s+"
      "(?:[가-힣]{2,4}\\s*(?:과|와|,|·)\\s*){0,6}$");
  if (lang == "ko" && RE2::PartialMatch(Before(text, m.begin, 90), kListedActor)) return true;
  // "X가 배우에서 가수로 데뷔했다": the actor the person was until now
  static const RE2 kFromActor("^\\s*(?:이|가|은|는)?\\s*(?:배우|연기자)에서\\s");
  if (RE2::PartialMatch(After(text, m.end, 24), kFromActor)) return true;
  // "X, known for acting in …", "X, best known for her roles in …", "X of UN, who made
  // his debut as an actor": an apposition after the name
  static const RE2 kEnActorAfter(
      "(?i)^(?:'s|’s)?(?:\\s+of\\s+[^,.;]{1,40})?\\s*,\\s*[^.;]{0,90}?\\b(?:known\\s+for\\s+(?:"
      "acting|starring|(?:his|her|"
      "their)\\s+(?:\\w+\\s+)?(?:roles?|performances?|acting))|debut\\s+as\\s+an\\s+act(?:or|"
      "ress))\\b");
  if (lang == "en" && RE2::PartialMatch(After(text, m.end, 140), kEnActorAfter)) return true;
  // "X, the South Korean actor whose …", "X, an actress and model, …", "X, star of “W”": an
  // apposition that says what X is
  static const RE2 kEnActorApposition(
      "(?i)^(?:'s|’s)?\\s*,\\s*(?:(?:the|a|an)\\s+(?:[\\w'’-]+\\s+){0,4}?(?:actor|actress)\\b|"
      "(?:the\\s+|a\\s+)?(?:star|lead)\\s+of\\s+[“\"'‘A-Z]|who\\s+(?:plays|played|stars|starred|"
      "acted)\\b)");
  if (lang == "en" && RE2::PartialMatch(After(text, m.end, 80), kEnActorApposition)) return true;
  return LearnFactsAbout(text, m, lang, gazetteer).actor;
}

// Words that say what someone is, never who: "래퍼 로꼬", "singer Paul Kim".
bool DescriptorWord(std::string_view w) {
  static const RE2 kWord(
      "(?i)^(?:가수|트로트|트롯트|트롯|싱어송라이터|배우|영화배우|탤런트|연기자|래퍼|그룹|걸그룹|"
      "보이그룹|혼성그룹|밴드|듀오|"
      "아이돌|개그맨|개그우먼|방송인|뮤지컬|성악가|소프라노|신인|멤버|작곡가|프로듀서|감독|"
      "영화감독|"
      "singer|actor|actress|rapper|group|band|idol|producer|composer)$");
  return RE2::FullMatch(w, kWord);
}

// The name at `end` is an item of a list of music services ("멜론, 지니, 벅스 등 각종 음원
// 사이트"): the items after it, then the service noun, follow it directly.
bool InPlatformList(std::string_view text, size_t end) {
  static const RE2 kRestOfList(
      "^(?:\\s*(?:,|·)\\s*[^\\s,.·]+(?:\\s[^\\s,.·]+)?){0,10}\\s*(?:등\\s*)?(?:각종|주요|국내외|"
      "국내|해외|온라인)?\\s*(?:음원|음악|스트리밍)\\s*(?:사이트|플랫폼|서비스|차트)");
  return RE2::PartialMatch(After(text, end, 200), kRestOfList);
}

// A company, label, agency, service or foundation, not a singer: the organisations gazetteer
// (configs/gazetteer/organisations.yaml) or the shape of the name ("Amoeba Culture",
// "Loen Entertainment", "카카오엔터테인먼트", "밀알복지재단").
bool OrganisationName(std::string_view name, const Gazetteer& gazetteer) {
  static const RE2 kTrim("^(.*?)[.,]*$");
  std::string n;
  if (!RE2::FullMatch(name, kTrim, &n) || n.empty()) return false;
  if (gazetteer.FindOrganisation(n) != nullptr) return true;
  static const RE2 kShape(
      "(?i)(?:\\b(?:Entertainment|Ent|Culture|Music|Records|Label|Labels|Company|Studios?|Media|"
      "Foundation|Agency|Corporation|Corp|Inc|Co|Group|Fund|Station)|"
      "엔터테인먼트|엔터|컴퍼니|레코즈|레이블|미디어|재단|협회|위원회|방송국)$");
  return RE2::PartialMatch(n, kShape);
}

// "Nicole Kidman": a one-word Latin mention (a stage name the gazetteer knows: Nicole of
// KARA) that the text continues with a capitalised surname and a lower-case word is the
// longer name, not the idol. Empty when the mention is not one.
std::string LatinFullName(std::string_view text, const Mention& m) {
  static const RE2 kOneWord("^[A-Z][a-z]+$");
  if (!RE2::FullMatch(m.text, kOneWord)) return "";
  static const RE2 kSurname("^\\s([A-Z][a-z]+(?:-[a-z]+)?)(?:\\s+[a-z]|'s\\b|’s\\b|[,.;:]|$)");
  static const RE2 kNotSurname(
      "^(?:And|The|To|For|With|In|On|At|Of|By|From|As|Is|Are|Was|Were|Will|Has|Have|Had|Also)"
      "$");
  re2::StringPiece surname;
  const std::string_view span = text.substr(m.begin, m.end - m.begin);
  if (span != m.text) return "";
  if (!RE2::PartialMatch(After(text, m.end, 40), kSurname, &surname) ||
      RE2::FullMatch(surname, kNotSurname)) {
    return "";
  }
  return m.text + " " + std::string(surname);
}

// Korean coordinated lists of names ("전진과 브라운아이드걸스, 애프터스쿨의 유이, 케이윌, 간미연
// 등이", "이성경과 로꼬는", "이승철·김조한·박진영 등"): items joined by 과/와, a comma, a
// middle dot or 및, the last closed by a subject or topic particle or by 등 ("등 40여 명"
// adds nobody). "애프터스쿨의 유이" names 유이; a descriptor ("가수", "배우") is skipped; a
// role noun (작곡가, 프로듀서, 제작자, MC) drops the item it names. When one item or more is
// a person or group the finders saw (`spans`), the other items are names too. Each with its
// byte offset in `text`.
std::vector<std::pair<size_t, std::string>> CoordinatedNames(
    std::string_view text, const std::vector<std::pair<size_t, size_t>>& spans) {
  struct Item {
    size_t off;
    std::string name;
    bool role = false;
    // the list's first item right after a word of the sentence ("취재 결과, 한해와 문세윤은"):
    // a name only when the finders saw one there
    bool after_word = false;
  };
  static const RE2 kName("^(?:[가-힣]{2,8}|[A-Za-z][A-Za-z0-9.&'-]{0,14})$");
  static const RE2 kAnd("^(.+?)(?:과|와)$");
  static const RE2 kClose("^(.+?)(?:이|가|은|는|도|까지)$");
  // "김준수부터 김소현, …, 양서윤까지": a range of names opens on a name the finders saw
  static const RE2 kFrom("^(.+?)부터$");
  static const RE2 kOf("^[가-힣A-Za-z0-9]+의$");
  static const RE2 kRole("^(?:작곡가|작사가|프로듀서|제작자|MC|진행자|대표|회장|감독|연출)$");
  static const RE2 kStop(
      "^(?:함께|두|세|사람|이들|그들|팬|팬들|노래|음원|신곡|앨범|음반|곡|무대|이번|최근|오는|"
      "지난|당시|이날|또|및|각각|모두|서로|직접|특히|한편|이후|다시|결과|이어|또한|현재|스타|"
      "시민|어린이|총출동|출동|학생|선수|관계자|제작진|소속사|팬덤|가족|친구|동료|선배|후배|외|"
      "외에|이외에|"
      "밖에)$|^.+(?:들|생)$");
  // 등 closes a list, and so does 총 before its count ("…, 이지훈, 조권 총 8명의 가수들이")
  static const RE2 kDeung("^(?:등(?:이|은|도|의|과|와|을|를)?|총)$");
  // what a pair has or does, after "A와 B의": a rumour, a meeting, the collaboration itself
  // ("로꼬와 이성경의 열애설이", "청하와 마미손의 컬래버레이션이"); B is the list's last item
  static const RE2 kPairNoun(
      "^(?:열애설|결별설|결혼설|불화설|열애|결별|만남|인연|케미|조합|우정|호흡|컬래버(?:레이션)?|"
      "콜라보(?:레이션)?|협업|합작|듀엣|컬래버곡|콜라보곡|협업곡|합작곡|듀엣곡|듀엣송|신곡|음원|"
      "노래|"
      "무대|목소리|소식|사진|모습|얼굴|재킷|이미지|영상)"
      "(?:이|가|은|는|도|을|를|에|으로|로)?$");
  std::vector<std::pair<size_t, std::string>> out;
  std::vector<Item> list;
  bool pending_role = false;
  size_t of_at = std::string_view::npos;  // the offset of the last word, when it was "X의"
  auto known = [&](size_t off, size_t n) {
    for (const auto& [b, e] : spans) {
      if (off < e && off + n > b) return true;
    }
    return false;
  };
  auto flush = [&](bool closed) {
    if (closed && list.size() >= 2) {
      int seen = 0;
      for (const auto& it : list) seen += known(it.off, it.name.size()) ? 1 : 0;
      if (seen >= 1) {
        for (const auto& it : list) {
          if (!it.role && (!it.after_word || known(it.off, it.name.size()))) {
            out.emplace_back(it.off, it.name);
          }
        }
      }
    }
    list.clear();
    pending_role = false;
  };
  static constexpr std::string_view kDot = "·";
  // a full stop ends a word only before a space or the end ("B.A.P", "Will.I.Am" are names)
  auto stop = [&](size_t k) {
    return text[k] == '.' && (k + 1 == text.size() || text[k + 1] == ' ');
  };
  auto word_end = [&](size_t k) {
    while (k < text.size() && text[k] != ' ' && text[k] != ',' && !stop(k) &&
           text.compare(k, kDot.size(), kDot) != 0) {
      ++k;
    }
    return k;
  };
  bool after_word = false;  // the word before is no part of a list
  auto push = [&](size_t off, std::string name) {
    list.push_back({off, std::move(name), pending_role, list.empty() && after_word});
    pending_role = false;
  };
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == ',') {
      ++i;
      continue;
    }
    if (stop(i)) {
      flush(false);
      after_word = false;
      ++i;
      continue;
    }
    if (text.compare(i, kDot.size(), kDot) == 0) {
      i += kDot.size();
      continue;
    }
    const size_t e = word_end(i);
    const std::string w(text.substr(i, e - i));
    // a comma or a middle dot follows: the list goes on
    const bool sep = e < text.size() && (text[e] == ',' || text.compare(e, kDot.size(), kDot) == 0);
    const bool name_like = RE2::FullMatch(w, kName) && !RE2::FullMatch(w, kStop);
    std::string stem;
    bool plain = false;
    const size_t of_before = of_at;
    of_at = std::string_view::npos;
    if (of_before != std::string_view::npos && !list.empty() && RE2::FullMatch(w, kPairNoun)) {
      const std::string owner(text.substr(of_before, i - of_before));
      std::string name;
      static const RE2 kOwner("^(.+?)의\\s*$");
      if (RE2::FullMatch(owner, kOwner, &name) && RE2::FullMatch(name, kName) &&
          !RE2::FullMatch(name, kStop)) {
        push(of_before, name);  // "이성경의 열애설이": 이성경 closes the list
        flush(true);
      } else {
        list.clear();
      }
      after_word = true;
      i = e;
      continue;
    }
    static const RE2 kObj("^(.+?)(?:을|를)$");
    static const RE2 kLeading("^\\s*비롯(?:해|하여|한)\\s");
    if (text.substr(e, 7) == " 비롯" && RE2::FullMatch(w, kObj, &stem) &&
        RE2::FullMatch(stem, kName) && !RE2::FullMatch(stem, kStop) &&
        RE2::PartialMatch(text.substr(e), kLeading)) {
      // "선예를 비롯하여 소향, 루나, …": the name the list is led by is its first item
      list.clear();
      pending_role = false;
      push(i, stem);
      i = text.find("비롯", e);
      i = word_end(i);
      after_word = false;
      continue;
    }
    if (RE2::FullMatch(w, kDeung)) {
      flush(true);
    } else if (RE2::FullMatch(w, kOf) || DescriptorWord(w) || w == "및") {
      // "애프터스쿨의 유이", "가수 적재", "A 및 B": the next word is the item
      if (RE2::FullMatch(w, kOf)) of_at = i;
    } else if (RE2::FullMatch(w, kRole)) {
      pending_role = true;
    } else if (sep && name_like) {
      push(i, w);
    } else if (sep && !list.empty() && w.size() == 3 && ContainsHangul(w) &&
               !RE2::FullMatch(w, kStop)) {
      push(i, w);  // "쥬얼리,슈,알렉스가": a one-syllable name inside the list
    } else if (!sep && RE2::FullMatch(w, kAnd, &stem) && ContainsHangul(stem) && stem.size() >= 6 &&
               RE2::FullMatch(stem, kName) && !RE2::FullMatch(stem, kStop)) {
      push(i, stem);  // "전진과"
    } else if (!sep && RE2::FullMatch(w, kFrom, &stem) && RE2::FullMatch(stem, kName) &&
               known(i, stem.size())) {
      list.clear();
      pending_role = false;
      push(i, stem);  // "김준수부터"
    } else if (!list.empty() && RE2::FullMatch(w, kClose, &stem) && RE2::FullMatch(stem, kName) &&
               !RE2::FullMatch(stem, kStop)) {
      push(i, stem);  // "로꼬는": the list ends
      flush(true);
    } else if (!list.empty() && name_like) {
      // the last item before 등 ("케이윌, 간미연 등이"); anything else ends the list
      push(i, w);
      size_t k = e;
      while (k < text.size() && text[k] == ' ') ++k;
      const size_t ke = word_end(k);
      // "김세연 영화감독, 김희정 영화감독, 배우 최민이": a descriptor after the name and a comma
      // after it, the list goes on
      const bool described_item =
          ke < text.size() && text[ke] == ',' && DescriptorWord(text.substr(k, ke - k));
      if (!described_item && !RE2::FullMatch(text.substr(k, ke - k), kDeung)) list.clear();
    } else {
      list.clear();
      pending_role = false;
      plain = true;
    }
    after_word = plain;
    i = e;
  }
  return out;
}

// English lists of names: "will feature Sir Cliff Richard, Boy George and opera singer Russell
// Watson", "Katy Perry, Nicole Scherzinger, Adam Lambert and Craig David have ...". Three items
// or more joined by commas and a last "and"; each item one to three capitalised words,
// "Sir" and a lower-case descriptor before it dropped. Each with its byte offset in `text`.
std::vector<std::pair<size_t, std::string>> EnglishNameList(std::string_view text,
                                                            const Gazetteer& gazetteer) {
  static const RE2 kItem(
      "(?:(?:opera\\s+|pop\\s+|K-pop\\s+|rock\\s+)?(?:singer|actor|actress|rapper|star|"
      "singer-songwriter)\\s+)?(?:Sir\\s+|Dame\\s+)?((?:[A-Z][\\w'.’-]+)(?:\\s+[A-Z][\\w'.’-]+){0,"
      "2})");
  static const RE2 kList(
      "((?:(?:(?:opera|pop|K-pop|rock)\\s+)?(?:singer|actor|actress|rapper|star)\\s+)?(?:Sir\\s+|"
      "Dame\\s+)?[A-Z][\\w'.’-]+(?:\\s+[A-Z][\\w'.’-]+){0,2}(?:,\\s+(?:(?:(?:opera|pop|K-pop|rock)"
      "\\s+)?(?:singer|actor|actress|rapper|star)\\s+)?(?:Sir\\s+|Dame\\s+)?[A-Z][\\w'.’-]+(?:\\s+"
      "[A-Z][\\w'.’-]+){0,2}){1,30},?\\s+and\\s+(?:(?:(?:opera|pop|K-pop|rock)\\s+)?(?:singer|"
      "actor|"
      "actress|rapper|star)\\s+)?(?:Sir\\s+|Dame\\s+)?[A-Z][\\w'.’-]+(?:\\s+[A-Z][\\w'.’-]+){0,2}"
      ")");
  static const RE2 kNotName(
      "^(?:The|A|An|For|In|On|At|To|January|February|March|April|May|June|July|August|"
      "September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
      "Sunday)\\b");
  std::vector<std::pair<size_t, std::string>> out;
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece list;
  while (RE2::FindAndConsume(&in, kList, &list)) {
    std::vector<std::pair<size_t, std::string>> items;
    re2::StringPiece rest = list;
    re2::StringPiece name;
    bool ok = true;
    while (RE2::FindAndConsume(&rest, kItem, &name)) {
      std::string n(name);
      while (!n.empty() && (n.back() == '.' || n.back() == ',')) n.pop_back();
      if (RE2::PartialMatch(n, kNotName) || OrganisationName(n, gazetteer)) {
        ok = false;
        break;
      }
      items.emplace_back(static_cast<size_t>(name.data() - text.data()), n);
    }
    if (ok && items.size() >= 3) out.insert(out.end(), items.begin(), items.end());
  }
  // "Ronan Keating will also take part": the one name of a sentence that joins a line-up
  static const RE2 kAlso(
      "^((?:[A-Z][\\w'.’-]+)(?:\\s+[A-Z][\\w'.’-]+){1,2})\\s+(?:will\\s+also|also)\\s+(?:take\\s+"
      "part|"
      "join|sing|feature|took\\s+part|joined|sang|features)\\b");
  re2::StringPiece one;
  if (RE2::PartialMatch(text, kAlso, &one) && !RE2::PartialMatch(one, kNotName) &&
      !OrganisationName(one, gazetteer)) {
    out.emplace_back(static_cast<size_t>(one.data() - text.data()), std::string(one));
  }
  return out;
}

// The person of `m` as this story presents them. The gazetteer may reach an idol's entry
// through another spelling (a real name: 김소연 for Yeori, 박진영 for Jinyoung); the text's
// own name wins, and the person stays unresolved, when the story never names the idol's
// group ("이승철·김조한·박진영·이효리 등 125명의 가수") or calls the person a singer or
// an actor with no group (an idol who acts may well be the actor meant: "actor" keeps
// such an entry, and so does a group the story names).
PersonRef PersonInContext(std::string_view text, const Mention& m, const std::string& lang,
                          const Gazetteer& gazetteer, const std::set<std::string>& story_groups) {
  if (lang == "en") {
    if (const std::string full = LatinFullName(text, m); !full.empty()) {
      PersonRef own;  // "Nicole Kidman", not Nicole of KARA
      own.name = full;
      own.key = NormalizeKey(full);
      own.actor = PresentedAsActor(text, m, lang, gazetteer);
      own.learned.actor = own.actor;
      return own;
    }
  }
  PersonRef p = PersonFromMention(m, gazetteer);
  const GazetteerPerson* gp = m.person;
  if (gp == nullptr || gp->kind != PersonKind::kIdol || !m.group.empty()) return p;
  const std::string key = NormalizeKey(m.text);
  if (key == NormalizeKey(gp->name) || key == NormalizeKey(gp->native)) return p;
  if (!gp->group.empty() && story_groups.count(gp->group)) return p;
  static const RE2 kSinger("(?i)(?:가수|트로트\\s*가수|singer)\\s*$");
  const std::string_view before = Before(text, m.begin, 24);
  const bool actor = PresentedAsActor(text, m, lang, gazetteer);
  const bool singer = RE2::PartialMatch(before, kSinger);
  if (gp->also_actor && actor) return p;
  if (gp->group.empty() && !singer && !actor) return p;
  PersonRef own;
  own.name = m.text;
  if (ContainsHangul(m.text)) own.native = m.text;
  own.key = key;
  own.actor = actor;
  own.learned.actor = actor;
  return own;
}

// English: the name, of two or three capitalised words, that opens a sentence as its subject
// ("Mina Sorel writes …", "Mina Sorel, best known for …", "Mina Sorel's new single …"); words
// that open sentences but name nobody ("The", "On", "South Korean", months) are no name.
bool OpeningName(std::string_view text, std::string* name) {
  static const RE2 kOpening(
      "^(?:(?:Actor|Actress|Star|Singer)\\s+)?([A-Z][a-z]+(?:-[A-Za-z]+)?(?:\\s+[A-Z][a-z]+(?:-"
      "[A-Za-z]+)?){1,2})(?:,|'s\\b|’s\\b|\\s+[a-z])");
  static const RE2 kNotName(
      "^(?:The|A|An|On|In|At|For|After|Before|As|And|But|With|From|This|That|These|Those|Last|"
      "Next|Earlier|Later|Meanwhile|According|Fans|South|North|Korean|Hollywood|American|"
      "British|Japanese|Chinese|Netflix|Model|Actor|Actress|Singer|Star|K-pop|January|February|"
      "March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
      "Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|Yesterday|Some|Many|Two|Three|"
      "His|Her|Their|Its|It|He|She|They|We|I)\\b|(?:\\s(?:Is|Are|Was|Were|Will|To|Of|And|The))$");
  std::string n;
  if (!RE2::PartialMatch(text, kOpening, &n) || RE2::PartialMatch(n, kNotName)) return false;
  *name = n;
  return true;
}

// A sentence that names nobody and speaks of "the actor" / "the actress" ("the 36-year-old
// actor", "the ultra-pretty actress", "the Goblin actor").
bool ActorAnaphor(std::string_view text) {
  static const RE2 kAnaphor("(?i)\\b(?:the|this)\\s+(?:[\\w'’:-]+\\s+){0,4}?(?:actor|actress)\\b");
  return RE2::PartialMatch(text, kAnaphor);
}

// Names the mention finders leave out but a descriptor or a coordination marks as a
// participant: Korean "가수 적재와", "혼성그룹 로코베리가", "그룹 NCT 도영과"; English "Wendy and
// Eric Nam", "with John Park". Each with its byte offset in `text`.
// Korean names joined by middle dots ("이승철·김조한·박진영·이효리 등"): when two or more links of
// the chain are persons or groups the finders saw (`spans`), the links they did not see are
// names too. A link is two to eight letters; the last one counts only before a space or 등.
std::vector<std::pair<size_t, std::string>> DotChainNames(
    std::string_view text, const std::vector<std::pair<size_t, size_t>>& spans) {
  static const RE2 kChain("((?:[가-힣A-Za-z0-9.]{2,8}·){1,20}[가-힣A-Za-z0-9.]{2,8})(\\s|$)");
  std::vector<std::pair<size_t, std::string>> out;
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece chain, end;
  while (RE2::FindAndConsume(&in, kChain, &chain, &end)) {
    const size_t base = static_cast<size_t>(chain.data() - text.data());
    std::vector<std::pair<size_t, std::string>> unseen;
    int seen = 0;
    size_t b = 0;
    const std::string_view c(chain.data(), chain.size());
    while (b <= c.size()) {
      size_t e = c.find("·", b);
      if (e == std::string_view::npos) e = c.size();
      const size_t off = base + b;
      bool known = false;
      for (const auto& [sb, se] : spans) known = known || (off < se && off + (e - b) > sb);
      if (known) {
        ++seen;
      } else {
        unseen.emplace_back(off, std::string(c.substr(b, e - b)));
      }
      b = e + std::string_view("·").size();
    }
    if (seen >= 2) out.insert(out.end(), unseen.begin(), unseen.end());
  }
  return out;
}

// "윤채하와" -> "윤채하": a name-like word of two to four syllables with the "and" particle;
// anything else is returned as it is.
std::string_view StripAnd(std::string_view w) {
  static const RE2 kAnd("^([가-힣]{2,4})(?:과|와)$");
  re2::StringPiece name;
  if (RE2::FullMatch(w, kAnd, &name)) return std::string_view(name.data(), name.size());
  return w;
}

// Korean name runs without commas that close with 등: "배우 윤시윤 조여정 민효린, 지창욱 등이",
// "인순이를 비롯해 박상민 변진섭 등". A run opens after a descriptor or "X를 비롯해" and holds
// only name-like words (a word of the run that is anything else drops the whole run); one-
// syllable words are let through but not named (they are part of a name the finders saw,
// "더 원").
void NameRuns(std::string_view text, std::vector<std::pair<size_t, std::string>>* out) {
  // The words that describe who follows them ("가수 A B C 등").
  static const std::string kDescriptors =
      "가수|배우|래퍼|그룹|걸그룹|보이그룹|밴드|방송인|성악가|소프라노";
  static const RE2 kOpen("(?:(?:" + kDescriptors + ")\\s+|" +
                         "([가-힣]{2,4})(?:을|를)\\s*비롯(?:해|한|하여)\\s+)");
  static const RE2 kClose("\\s*등(?:이|은|도|의|\\s|,)");
  static const RE2 kWord("^(?:[가-힣]{1,6}|[A-Z][A-Za-z.&]{0,10})$");
  static const RE2 kDescriptorWord("^(?:" + kDescriptors + "|뮤지컬)$");
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece first;
  while (RE2::FindAndConsume(&in, kOpen, &first)) {
    const size_t start = static_cast<size_t>(in.data() - text.data());
    std::vector<std::pair<size_t, std::string>> run;
    if (!first.empty()) {
      run.emplace_back(static_cast<size_t>(first.data() - text.data()), std::string(first));
    }
    size_t i = start;
    bool closed = false, ok = true;
    while (i < text.size() && i - start < 240 && ok) {
      re2::StringPiece rest(text.data() + i, text.size() - i);
      if (RE2::Consume(&rest, kClose)) {
        closed = true;
        break;
      }
      size_t e = i;
      while (e < text.size() && text[e] != ' ' && text[e] != ',' && text[e] != '.') ++e;
      const std::string_view w = text.substr(i, e - i);
      // "인순이를 비롯해": the name before it, without its particle
      static const RE2 kLead("^([가-힣]{2,4})(?:을|를)\\s*비롯(?:해|한|하여)\\s");
      re2::StringPiece lead;
      if (RE2::PartialMatch(re2::StringPiece(text.data() + i, text.size() - i), kLead, &lead)) {
        run.emplace_back(i, std::string(lead));
        e = text.find(' ', text.find(' ', i) + 1);
        if (e == std::string_view::npos) break;
      } else if (std::string_view name = StripAnd(w); name.size() < w.size()) {
        run.emplace_back(i, std::string(name));  // "윤채하와 소프라노 도하람 등"
      } else if (w.empty() || !RE2::FullMatch(w, kWord)) {
        ok = false;  // "등" ends the run; a word with a particle or a verb is no name
        break;
      } else if (!RE2::FullMatch(w, kDescriptorWord) && w != "및" && w != "그리고" && w != "또" &&
                 w.size() > 3) {
        run.emplace_back(i, std::string(w));
      }
      i = e;
      while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
      if (i < text.size() && text[i] == '.') ok = false;
    }
    if (ok && closed && run.size() >= 2) out->insert(out->end(), run.begin(), run.end());
  }
}

// Korean: what the people a descriptor names do, not who they are ("소속 뮤지컬 배우 총출동",
// "배우 출연"): a word the finders or a descriptor may take for a name.
// What is typical of them is no name either ("배우 특유의 감수성", "배우 본연의 모습").
bool DeedNotName(std::string_view w) {
  static const RE2 kDeed(
      "^(?:총출동|출동|총집합|집합|출연|합류|가세|동참|참여|변신|데뷔)|"
      "^(?:특유|본연|고유|자신|출신|시절|인생|생활|연기|연기력)(?:의)?$");
  return RE2::PartialMatch(re2::StringPiece(w.data(), w.size()), kDeed);
}

std::vector<std::pair<size_t, std::string>> DescribedNames(std::string_view text, bool ko) {
  std::vector<std::pair<size_t, std::string>> out;
  if (ko) {
    NameRuns(text, &out);
    static const RE2 kKo(
        "(?:가수|배우|탤런트|래퍼|그룹|걸그룹|보이그룹|혼성그룹|밴드|듀오|개그맨|개그우먼|방송인|"
        "뮤지컬\\s*배우)\\s+"
        "(?:겸\\s+\\S+\\s+)?(?:[A-Za-z0-9]+\\s+)?([가-힣A-Za-z]{2,12}?)(과|와|이|가|은|는|도|,|·|"
        "\\s|\\(\\d)");
    // "가수 공휘, 조아영이": the list goes on after a comma or a middle dot
    static const RE2 kNext("\\s*([가-힣A-Za-z]{2,8}?)(과|와|이|가|은|는|도|,|·|\\s)");
    re2::StringPiece in(text.data(), text.size());
    re2::StringPiece name, end;
    while (RE2::FindAndConsume(&in, kKo, &name, &end)) {
      if (DeedNotName(name)) continue;
      out.emplace_back(static_cast<size_t>(name.data() - text.data()), std::string(name));
      static const RE2 kDescriptorWord(
          "^(?:가수|트로트|트롯트|트롯|싱어송라이터|배우|탤런트|래퍼|그룹|걸그룹|보이그룹|혼성그룹|"
          "밴드|"
          "듀오|개그맨|개그우먼|방송인|"
          "뮤지컬)$");
      for (int k = 0; k < 10 && (end == "," || end == "·"); ++k) {
        re2::StringPiece peek = in;
        if (!RE2::Consume(&peek, kNext, &name, &end) || RE2::FullMatch(name, kDescriptorWord)) {
          break;  // the next item has its own descriptor ("…, 배우 지창욱"): the outer loop reads
                  // it
        }
        in = peek;
        out.emplace_back(static_cast<size_t>(name.data() - text.data()), std::string(name));
      }
    }
    return out;
  }
  static const RE2 kEn(
      "((?:[A-Z][\\w'.’-]+)(?:\\s+[A-Z][\\w'.’-]*){0,2})\\s+(?:and|&|with)\\s+(?:(?:actor|actress|"
      "singer|rapper)\\s+)?((?:[A-Z][\\w'.’-]+)(?:\\s+[A-Z][\\w'.’-]*){0,2})");
  static const RE2 kNotName(
      "^(?:The|A|An|For|In|On|At|To|SM|JYP|YG|HYBE)\\b|(?:Entertainment|Station|Project|Records|"
      "Music|"
      "Foundation|Campaign)$");
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece a, b;
  while (RE2::FindAndConsume(&in, kEn, &a, &b)) {
    for (re2::StringPiece n : {a, b}) {
      static const RE2 kDescriptor("^(?:Actor|Actress|Singer|Rapper)\\s+");
      RE2::Consume(&n, kDescriptor);
      // a country, region or city ("musicians from Korea and Japan") names nobody
      static const RE2 kPlace(
          "^(?:South\\s+|North\\s+)?(?:Korea|Japan|China|Taiwan|Thailand|Vietnam|Indonesia|"
          "Philippines|America|Asia|Europe|Canada|Australia|Britain|England|France|Germany|Seoul|"
          "Tokyo|Busan|Osaka|Beijing|Shanghai|Hong\\s+Kong|Los\\s+Angeles|New\\s+York|London|"
          "Paris)$");
      if (n.empty() || RE2::PartialMatch(n, kNotName) || RE2::FullMatch(n, kPlace)) continue;
      out.emplace_back(static_cast<size_t>(n.data() - text.data()), std::string(n));
    }
  }
  return out;
}

std::string Cue(const CueHit& c) {
  return c.rule->id + "(" + c.rule->status + ")@" + std::to_string(c.begin);
}

}  // namespace

bool HasMusicProjectRules(const RuleSet& rules, std::string_view lang) {
  for (const auto& r : rules.rules()) {
    if (r->lang == lang && (r->type == RuleType::kRelease || r->type == RuleType::kCollab)) {
      return true;
    }
  }
  return false;
}

void DetectMusicProjects(const RuleSet& rules, const Gazetteer& gazetteer,
                         const std::vector<std::string_view>& sentences, const std::string& lang,
                         const SourceRef& source, const std::string& now,
                         std::vector<Detection>* out, DetectExplanation* explain) {
  if ((lang != "en" && lang != "ko") || sentences.empty()) return;
  // Cheap pass: the cue Set on each sentence; the story is read only when one of them holds
  // a release or collab cue that announces.
  // (A sentence whose veto fires in the same pass holds no cue of that type: an OST story
  // costs no mention finding here.)
  std::vector<std::vector<const Rule*>> fired(sentences.size());
  bool any = false;
  for (size_t i = 0; i < sentences.size(); ++i) {
    fired[i] = rules.Fired(sentences[i], lang);
    bool cue[2] = {false, false}, veto[2] = {false, false};
    for (const Rule* r : fired[i]) {
      if (r->type == RuleType::kRelease && !r->modifier) cue[kRelease] = true;
      if (r->type == RuleType::kCollab && !r->modifier) cue[kCollab] = true;
      if (r->type == RuleType::kNegative && r->status == "release") veto[kRelease] = true;
      if (r->type == RuleType::kNegative && r->status == "collab") veto[kCollab] = true;
    }
    any = any || (cue[kRelease] && !veto[kRelease]) || (cue[kCollab] && !veto[kCollab]);
  }
  if (!any) return;
  const size_t first_new = out->size();
  auto decide = [&](const std::string& d) {
    if (explain != nullptr) explain->decisions.push_back(d);
  };
  const bool ko = lang == "ko";
  std::vector<MusicSentence> story(sentences.size());
  bool story_veto[2] = {false, false};
  for (size_t i = 0; i < sentences.size(); ++i) {
    MusicSentence& s = story[i];
    s.text = SanitizeUtf8(sentences[i]);
    s.mentions = FindMentions(s.text, lang, gazetteer);
    if (fired[i].empty()) continue;
    // "더 나은 세상": a word after a degree adverb is an adjective, never a name (나은); a
    // plain suffix test per person mention, no regex
    if (ko) {
      std::erase_if(s.mentions.items, [&](const Mention& m) {
        if (m.kind != MentionKind::kPerson) return false;
        const std::string_view before = Before(s.text, m.begin, 16);
        for (std::string_view adverb : {"더 ", "가장 ", "보다 ", "훨씬 ", "한층 "}) {
          if (!EndsWith(before, adverb)) continue;
          const size_t at = before.size() - adverb.size();
          if (at == 0 || static_cast<unsigned char>(before[at - 1]) < 0x80) return true;
        }
        return false;
      });
    }
    // a stage on a variety show ("'불후의 명곡'에서 듀엣 무대", configs/gazetteer/
    // works-variety.yaml) is neither a joint song nor an actor's own release
    for (const auto& m : s.mentions.items) {
      if (m.kind == MentionKind::kWork && m.work != nullptr && m.work->kind == "variety" &&
          !s.veto[kCollab]) {
        s.veto[kCollab] = s.veto[kRelease] = true;
        s.fired.push_back("variety show " + m.work->title + " (veto release, collab)");
      }
    }
    // cues never fire inside a title ("a song called 'Duet'")
    std::string masked = s.text;
    for (const auto& m : s.mentions.items) {
      if (TitleCandidate(m) && m.end <= masked.size()) {
        // every byte becomes a space: the text stays valid UTF-8, offsets stay the same
        for (size_t k = m.begin; k < m.end; ++k) masked[k] = ' ';
      }
    }
    for (const Rule* r : fired[i]) {
      const int t = r->type == RuleType::kRelease  ? kRelease
                    : r->type == RuleType::kCollab ? kCollab
                                                   : -1;
      if (r->type == RuleType::kNegative && (r->status == "release" || r->status == "collab")) {
        if (!rules.FindAll(*r, masked, 1).empty()) {
          const int vt = r->status == "release" ? kRelease : kCollab;
          s.veto[vt] = true;
          if (EndsWith(r->id, "_background")) s.background[vt] = true;
          // "… team up for another OST!": a "_story" veto in the first two sentences (the
          // headline and the lead's first) holds for the whole story
          if (i <= 1 && EndsWith(r->id, "_story")) story_veto[vt] = true;
          s.fired.push_back(r->id + "(veto " + r->status + ")");
        }
        continue;
      }
      if (t < 0) continue;
      const bool generic = EndsWith(r->id, ".cause_generic");
      if (EndsWith(r->id, ".kind") || EndsWith(r->id, ".cause") || generic) {
        RuleMatch match;
        if (!rules.MatchOne(*r, s.text, &match)) continue;
        for (const auto& [group, value] : match.groups) {
          std::string& into = generic ? s.generic_cause : s.cause;
          if (EndsWith(r->id, ".kind")) {
            if (KindRank(group) > KindRank(s.kind)) s.kind = group;
          } else if (into.empty() && !value.empty()) {
            into = TrimName(value);
          }
        }
        continue;
      }
      for (const auto& [b, e] : rules.FindAll(*r, masked, 8)) {
        if (r->modifier) {
          if (r->status == "released" && !TeaserBefore(s.text, b) && !TeaserAfter(s.text, e) &&
              !(ko && NewsNotSong(s.text, b)) &&
              !(ko && KoreanConnective(s.text.substr(b, e - b)) &&
                (!KoreanEndsInPastTense(s.text) ||
                 KoreanReportedFuture(std::string_view(s.text).substr(e)) ||
                 KoreanDeclaredNext(std::string_view(s.text).substr(e))))) {
            s.released[t] = true;
          }
          s.fired.push_back(r->id + "(" + r->status + ")@" + std::to_string(b));
          continue;
        }
        s.cues[t].push_back({r, b, e});
        s.fired.push_back(Cue(s.cues[t].back()));
      }
    }
    for (int t = 0; t < 2; ++t) s.released[t] = s.released[t] && !s.background[t];
    if (!s.fired.empty()) {
      std::string line = "music: sentence " + std::to_string(i) + " cues:";
      for (const auto& f : s.fired) line += " " + f;
      decide(line);
    }
  }
  for (auto& s : story) {
    for (int t = 0; t < 2; ++t) s.veto[t] = s.veto[t] || story_veto[t];
  }
  // the groups the story names, by their gazetteer display name (PersonInContext)
  std::set<std::string> story_groups;
  for (const auto& s : story) {
    for (const auto& m : s.mentions.items) {
      if (m.kind == MentionKind::kGroup)
        story_groups.insert(gazetteer.FindGroup(m.text).value_or(m.text));
      if (m.kind == MentionKind::kPerson && !m.group.empty()) {
        story_groups.insert(gazetteer.FindGroup(m.group).value_or(m.group));
      }
    }
  }
  bool story_released[2] = {false, false};
  std::string kind, cause;
  for (const auto& s : story) {
    for (int t = 0; t < 2; ++t) story_released[t] = story_released[t] || s.released[t];
    if (!s.cues[kRelease].empty() && KindRank(s.kind) > KindRank(kind)) kind = s.kind;
    if (!s.cues[kCollab].empty() && cause.empty()) cause = s.cause;
  }
  for (const auto& s : story) {
    if (cause.empty()) cause = s.cause;
    // "The title of his single will be …": the kind word of a sentence without the cue
    if (kind.empty() && !s.veto[kRelease] && !s.background[kRelease]) kind = s.kind;
  }
  for (const auto& s : story) {
    if (cause.empty()) cause = s.generic_cause;
  }
  // The title: the best-scored quoted name of the type's cue sentences (TitleScore); among
  // equals the one nearest a cue ("신곡 'A'로 사랑받는 가수 X가 … 듀엣곡 'B'를 발표했다":
  // B), then the earlier sentence.
  // A quoted name after a company's possessive ("Dingo Music's 'Duet Mate'", "SM's
  // 'Station'") is the company's programme or channel: a project name, no title.
  auto title_score = [&](const MusicSentence& s, const Mention& m, int t) {
    static const RE2 kPossessive("([A-Z][\\w&.’' -]{1,40}?)(?:'s|’s)\\s*(?:['‘\"“])?\\s*$");
    std::string owner;
    if (RE2::PartialMatch(Before(s.text, m.begin, 56), kPossessive, &owner) &&
        OrganisationName(owner, gazetteer)) {
      return 0;
    }
    return TitleScore(s.text, m, t == kCollab);
  };
  // `skip`: a title that is another song's (AnotherSong), never this one's
  auto best_title = [&](int t, const std::string& skip = "") {
    std::string title;
    std::string title_raw;  // the chosen mention's text
    int best = -1;
    size_t best_distance = 0;
    for (const auto& s : story) {
      if (s.cues[t].empty() || s.veto[t]) continue;
      for (const auto& m : s.mentions.items) {
        if (!TitleCandidate(m) || (!skip.empty() && SongTitle(m.text) == skip) ||
            OrganisationName(SongTitle(m.text), gazetteer)) {
          continue;  // ("‘소통을 위한 젊은 재단’은": a quoted foundation names no song)
        }
        const int score = title_score(s, m, t);
        // "‘T’ 공익캠페인에 … 노래를 함께 부르고": a campaign's name is its cause, no song title
        static const RE2 kCampaignAfter(
            "^\\s*(?:[’'”\"]\\s*)?(?:공익\\s*)?(?:캠페인|(?i:campaign))");
        // ("'원 케이 글로벌 캠페인' 조직위원회": a name that is itself the campaign's)
        static const RE2 kCampaignName("(?:캠페인|(?i:campaign))\\s*$");
        if (score == 0 && (RE2::PartialMatch(After(s.text, m.end, 24), kCampaignAfter) ||
                           RE2::PartialMatch(SongTitle(m.text), kCampaignName))) {
          continue;
        }
        // "신곡 'T'에서 둘은 목소리를 합쳤다": after a song word, "에서" is no show
        if (NotASongTitle(s.text, m) && score < 3) continue;
        size_t distance = std::string::npos;
        for (const auto& c : s.cues[t]) {
          const size_t d = m.end <= c.begin   ? c.begin - m.end
                           : c.end <= m.begin ? m.begin - c.end
                                              : 0;
          distance = std::min(distance, d);
        }
        if (score > best || (score == best && distance < best_distance)) {
          best = score;
          best_distance = distance;
          title = SongTitle(m.text);
          title_raw = m.text;
        }
      }
    }
    if (title.empty()) {
      // "두 사람은 오는 9일 겨울 발라드 'T'를 발표한다": the title in a sentence without a cue,
      // only next to a song word or the release verb
      // (the best-scored one: "the pair now have their own rendition of 'T'" beats the album
      // named before it)
      // ("a teaser for “T” is out … The song is a duet of A and B": a cue sentence
      // that opens on the song named before takes any quoted name of the sentences before it)
      static const RE2 kSongAnaphor(
          "(?i)^\\s*(?:the|this)\\s+(?:new\\s+)?(?:track|song|single|duet|ballad)\\b");
      size_t anaphor = 0;  // the sentence after the last one the names may come from
      for (size_t i = 0; i < story.size(); ++i) {
        if (!story[i].cues[t].empty() && !story[i].veto[t] && !ko &&
            RE2::PartialMatch(story[i].text, kSongAnaphor)) {
          anaphor = i;
        }
      }
      int fallback = 1;
      for (size_t i = 0; i < anaphor && !ko; ++i) {
        const MusicSentence& s = story[i];
        if (s.veto[t]) continue;
        for (const auto& m : s.mentions.items) {
          if (TitleCandidate(m) && !NotASongTitle(s.text, m) &&
              (skip.empty() || SongTitle(m.text) != skip) && title_score(s, m, t) >= 1 &&
              !OrganisationName(SongTitle(m.text), gazetteer)) {
            title = SongTitle(m.text);
            title_raw = m.text;
          }
        }
      }
      if (!title.empty()) fallback = 9;  // the anaphor's song stands
      for (const auto& s : story) {
        if (s.veto[t]) continue;
        for (const auto& m : s.mentions.items) {
          if (!TitleCandidate(m) || NotASongTitle(s.text, m) ||
              (!skip.empty() && SongTitle(m.text) == skip) ||
              OrganisationName(SongTitle(m.text), gazetteer)) {
            continue;
          }
          if (const int score = title_score(s, m, t); score > fallback) {
            fallback = score;
            title = SongTitle(m.text);
            title_raw = m.text;
          }
        }
      }
      // "이동휘의 디지털 싱글 'T'의 뮤직비디오에 카메오들이 출연한다", "released an EP titled
      // “T,” his first since his … EP in 2013": a sentence vetoed for its music video or its
      // background still names the story's song right after a song word (the veto keeps the
      // sentence from making an event, not from naming the song)
      for (const auto& s : story) {
        if (!title.empty()) break;
        if (!s.veto[t] || s.background[t]) continue;
        for (const auto& m : s.mentions.items) {
          if (TitleCandidate(m) && !NotASongTitle(s.text, m) && !AnotherSong(s.text, m) &&
              (skip.empty() || SongTitle(m.text) != skip) && title_score(s, m, t) == 3 &&
              !OrganisationName(SongTitle(m.text), gazetteer)) {
            title = SongTitle(m.text);
            title_raw = m.text;
            break;
          }
        }
      }
    }
    // "'Shining Star(샤이닝 스타)' … 'Shining Star'는": the Latin form the text also uses by
    // itself is the title it goes by
    if (const std::string head = LatinHead(title_raw); !head.empty()) {
      for (const auto& s : story) {
        for (const auto& m : s.mentions.items) {
          if (TitleCandidate(m) && NormalizeKey(CleanTitle(m.text)) == NormalizeKey(head)) {
            title = head;
          }
        }
      }
    }
    if ((title.empty() || best == 0) && !ko) {
      // "her debut digital single album, Present, on Jan 4", "the track is titled Love": an
      // unquoted title in apposition or after "titled" (beats a project name)
      static const RE2 kTitled(
          "(?:[Tt]itled|[Cc]alled)\\s+([A-Z][\\w'’!?&-]*(?:\\s+[A-Z][\\w'’!?&-]*){0,3})");
      for (const auto& s : story) {
        if (s.veto[t]) continue;
        std::string named;
        if (RE2::PartialMatch(s.text, kTitled, &named)) {
          title = named;
          best = 1;
          break;
        }
      }
    }
    if (title.empty() && !ko) {
      // ("for the track, Lovers Declaration (연인 선언)": the Korean form the source adds wins)
      static const RE2 kApposition(
          "(?i:single|album|EP|song|track)(?:\\s+album)?,\\s+([A-Z][\\w'’!?&-]*(?:\\s+[A-Z]"
          "[\\w'’!?&-]*){0,3})(?:,|\\s*\\(([가-힣][가-힣0-9 ]*)\\)\\s*[,.])");
      for (const auto& s : story) {
        if (s.cues[t].empty() || s.veto[t]) continue;
        std::string korean;
        if (RE2::PartialMatch(s.text, kApposition, &title, &korean)) {
          if (!korean.empty()) title = TrimName(korean);
          break;
        }
      }
    }
    return title;
  };
  auto make_event = [&](EventType type, const MusicSentence& s, const CueHit& cue,
                        const std::string& status) {
    Detection d;
    d.type = type;
    d.version = 1;
    d.status = status;
    d.evidence = {s.text, cue.rule->id, lang};
    d.sources = {source};
    d.first_seen_at = now;
    d.detected_at = now;
    d.confidence = cue.rule->confidence;
    return d;
  };

  // "X sings while Y stars in its music video", "뮤비에 X 지원사격": a
  // person a sentence without a joint-song cue shows in the music video neither sings in the
  // story's collab nor releases its song, in any sentence
  // (read only in stories with a release or collab cue, and in sentences that name a music
  // video or say 사격)
  std::set<std::string> on_screen;
  bool music_cue = false;
  for (const auto& st : story) music_cue = music_cue || !st.cues[0].empty() || !st.cues[1].empty();
  for (size_t si = 0; si < story.size(); ++si) {
    const MusicSentence& st = story[si];
    if (!music_cue) break;
    static const RE2 kScreenWord("(?i)뮤직\\s*비디오|뮤비|\\bMV\\b|music\\s+video|사격");
    if (!RE2::PartialMatch(st.text, kScreenWord)) continue;
    const bool joint = !st.cues[kCollab].empty() && !st.veto[kCollab];
    // "X has a treat for fans! The Goblin actor … by starring in a singer's music video": an
    // English sentence that names nobody and puts "the actor" in a music video puts the
    // previous sentence's people there
    static const RE2 kAnaphorInVideo(
        "(?i)\\b(?:the|this)\\s+(?:[\\w'’:-]+\\s+){0,3}?(?:actor|actress)\\b[^.!?]{0,80}?\\b(?:"
        "star|"
        "appear|cameo|featur)\\w*\\s+in\\s+(?:[\\w'’-]+\\s+){0,4}?(?:music\\s+video|MV)");
    if (!ko && si > 0 && !joint &&
        std::none_of(st.mentions.items.begin(), st.mentions.items.end(),
                     [](const Mention& m) { return m.kind == MentionKind::kPerson; }) &&
        RE2::PartialMatch(st.text, kAnaphorInVideo)) {
      const MusicSentence& prev = story[si - 1];
      for (const auto& m : prev.mentions.items) {
        if (m.kind == MentionKind::kPerson) {
          on_screen.insert(PersonInContext(prev.text, m, lang, gazetteer, story_groups).key);
        }
      }
    }
    for (const auto& m : st.mentions.items) {
      if (m.kind == MentionKind::kPerson && !(ko && ActOfAnother(st.text, m, st.mentions)) &&
          ((!joint && InMusicVideo(st.text, m)) || Supporter(st.text, m))) {
        on_screen.insert(PersonInContext(st.text, m, lang, gazetteer, story_groups).key);
      }
    }
  }
  // Collab: every named participant of the story's collab sentences, in text order; when
  // they name fewer than two, the other sentences of the story too ("찬열·정기고, 듀엣곡 …" ⟂
  // "엑소 찬열과 가수 정기고가 …").
  std::set<std::string> collab_keys;
  std::set<std::string> music_people;  // the actors whose own release this story is
  {
    struct Participant {
      size_t sentence, offset;
      PersonRef person;
    };
    std::vector<Participant> found;
    std::set<std::string> seen;
    const MusicSentence* evidence = nullptr;
    const CueHit* cue = nullptr;
    auto gather = [&](size_t si) {
      const MusicSentence& s = story[si];
      std::set<std::string> member_groups;  // "NCT 도영": the group tags its member
      for (const auto& m : s.mentions.items) {
        if (m.kind == MentionKind::kPerson && !m.group.empty()) {
          member_groups.insert(NormalizeKey(m.group));
        }
      }
      auto described = DescribedNames(s.text, ko);
      // "가수 비와 소유가", "가수 별과 나윤권이": a one-syllable stage name and its 와/과 after a
      // descriptor (the finders read the particle into the name: '비와'); both names of the
      // pair come from here
      std::map<size_t, std::string> mono;  // offset -> the one-syllable name
      if (ko) {
        static const RE2 kMonoPair(
            "(?:가수|래퍼|그룹|밴드|듀오|배우)\\s+([가-힣])(?:와|과)\\s+(?:(?:가수|배우|래퍼|"
            "그룹|밴드)\\s+)?([가-힣]{1,8}?)(?:이|가|은|는|도)\\s");
        re2::StringPiece in(s.text), a, b;
        while (RE2::FindAndConsume(&in, kMonoPair, &a, &b)) {
          const auto off = [&](re2::StringPiece p) {
            return static_cast<size_t>(p.data() - s.text.data());
          };
          mono[off(a)] = std::string(a);
          std::erase_if(described, [&](const auto& d) { return d.first == off(a); });
          described.emplace_back(off(a), std::string(a));
          described.emplace_back(off(b), std::string(b));
        }
        std::sort(described.begin(), described.end());
      }
      // "메이크어위시 합창단과": a named choir or orchestra sings with them
      if (ko) {
        static const RE2 kEnsemble(
            "(?:^|\\s)([가-힣A-Za-z0-9]{2,12}\\s?(?:어린이\\s?)?(?:합창단|오케스트라|콰이어|"
            "성가대))(?:과|와|이|가|은|는|도|,|·)");
        re2::StringPiece in(s.text), e;
        while (RE2::FindAndConsume(&in, kEnsemble, &e)) {
          described.emplace_back(static_cast<size_t>(e.data() - s.text.data()), std::string(e));
        }
        std::sort(described.begin(), described.end());
      }
      // the finders' mention of such a name with its particle
      auto mono_mention = [&](const Mention& m) {
        auto it = mono.find(m.begin);
        return m.kind == MentionKind::kPerson && it != mono.end() && m.text != it->second;
      };
      static const RE2 kMemberAfter("^\\s*(?:의\\s*)?멤버\\s");
      // "원더걸스 출신 선예와 2AM 조권이": a group right before a name the finders left out
      // tags that name; the name sings, the group does not
      std::set<const Mention*> tag_groups;
      if (ko) {
        static const RE2 kTagged(
            "^\\s*(?:출신\\s*|멤버\\s*)?([가-힣]{2,3}?)(?:(?:과|와|이|가|은|는|도|,|·)(?:\\s|$)|"
            "\\s+등"
            "(?:이|은|도|의|\\s|$))");
        static const RE2 kNotName(
            "^(?:멤버|신곡|앨범|음반|노래|음원|전원|소속|출신|데뷔|완전체|리더|보컬|막내|컴백|"
            "팬들|측|유닛|솔로|외에|이외에|밖에|외엔)");
        for (const auto& m : s.mentions.items) {
          if (m.kind != MentionKind::kGroup) continue;
          re2::StringPiece name;
          const std::string_view after = After(s.text, m.end, 24);
          if (!RE2::PartialMatch(after, kTagged, &name) || RE2::PartialMatch(name, kNotName)) {
            continue;
          }
          const size_t off = static_cast<size_t>(name.data() - after.data()) + m.end;
          bool known = false;  // the finders saw a mention there: it speaks for itself
          bool person = false;
          for (const auto& o : s.mentions.items) {
            const bool at = o.begin <= off && off < o.end;
            known = known || at;
            person = person || (at && o.kind == MentionKind::kPerson);
          }
          if (known && !person) continue;
          tag_groups.insert(&m);
          described.emplace_back(off, std::string(name));  // a person there is named by it
        }
        std::sort(described.begin(), described.end());
      } else {
        // "singer Soyu of girl group Sistar", "Kyuhyun, a member of Super Junior": a group
        // after a name and "of" tags that name's person; the person sings, the group does not
        static const RE2 kOfGroup(
            "(?:[A-Z][\\w'’.-]*|\\ba\\s+member|\\bmembers?|\\b(?:the|a)\\s+(?:leader|maknae|"
            "youngest(?:\\s+member)?|frontman|(?:main\\s+|lead\\s+)?(?:vocalist|rapper|dancer)))"
            "\\s*,?\\s+(?:of|from)\\s+(?:the\\s+)?(?:(?:[a-z][\\w-]*|K-pop|K-Pop)\\s+){0,3}?(?:"
            "group|band|unit|duo|trio|supergroup)?\\s*$");
        for (const auto& m : s.mentions.items) {
          if (m.kind == MentionKind::kGroup &&
              RE2::PartialMatch(Before(s.text, m.begin, 48), kOfGroup)) {
            tag_groups.insert(&m);
          }
        }
      }
      std::vector<std::pair<size_t, size_t>> spans;
      for (const auto& m : s.mentions.items) {
        if ((m.kind == MentionKind::kPerson || m.kind == MentionKind::kGroup) && !mono_mention(m)) {
          spans.emplace_back(m.begin, m.end);
        }
      }
      // a name the finders saw that a coordinated list names ("송이한과 유성은이") joins as
      // one the text names
      const auto listed =
          ko ? CoordinatedNames(s.text, spans) : std::vector<std::pair<size_t, std::string>>{};
      for (const auto& m : s.mentions.items) {
        if (!Usable(m) || IsCreditNotSinger(s.text, m) || InMusicVideo(s.text, m) ||
            NewsOwnerNotSinger(s.text, m) || mono_mention(m) ||
            (ko && m.person == nullptr && DeedNotName(m.text))) {
          continue;
        }
        // "가수 스윗소로우 멤버 김영우와": a name its member follows is the member's group
        if (ko && RE2::PartialMatch(After(s.text, m.end, 16), kMemberAfter)) continue;
        // a music site in a list of them, a descriptor, a company or label
        if (InPlatformList(s.text, m.end) || DescriptorWord(m.text) ||
            (m.person == nullptr && OrganisationName(m.text, gazetteer))) {
          continue;
        }
        if (m.kind == MentionKind::kGroup &&
            (member_groups.count(NormalizeKey(m.text)) || tag_groups.count(&m))) {
          continue;
        }
        // "for Kim Min-jun & Park Ji-woo's 'W'": a person whose possessive names a title is its
        // star, not a singer; "Han Ji-min's duet with …" names her own part in the song
        const std::string_view span = std::string_view(s.text).substr(m.begin, m.end - m.begin);
        static const RE2 kOwnPart(
            "(?i)^\\s*(?:[\\w-]+\\s+){0,2}?(?:collaboration|duet|single|song|track|vocals?)\\b");
        if (m.kind == MentionKind::kPerson && (EndsWith(span, "'s") || EndsWith(span, "’s")) &&
            !RE2::PartialMatch(After(s.text, m.end, 40), kOwnPart)) {
          continue;
        }
        PersonRef p = PersonInContext(s.text, m, lang, gazetteer, story_groups);
        if (m.kind == MentionKind::kPerson) {
          const LearnedFacts f = LearnFactsAbout(s.text, m, lang, gazetteer);
          const bool actor = PresentedAsActor(s.text, m, lang, gazetteer);
          // a Korean word the finders took for a name ("어린이를", "유니세프") joins only with
          // a descriptor ("가수 X") or what the text says of it
          static const RE2 kCoordinated("(?:과|와|,|·)\\s*$");  // "가수 적재와 최유리가"
          bool named = p.resolved || m.person != nullptr || !ko || !f.empty() || actor ||
                       RE2::PartialMatch(Before(s.text, m.begin, 8), kCoordinated);
          for (const auto& [off, n] : described) named = named || (off >= m.begin && off < m.end);
          for (const auto& [off, n] : listed) named = named || (off >= m.begin && off < m.end);
          if (!named) continue;
          if (!p.resolved) MergeLearnedFacts(f, &p.learned);
          p.actor = p.actor || f.actor || actor;
          p.idol = p.idol || f.idol;
        }
        if (p.key.empty() || !seen.insert(p.key).second) continue;
        found.push_back({si, m.begin, std::move(p)});
      }
      if (ko) {
        for (auto& named : DotChainNames(s.text, spans)) described.push_back(std::move(named));
        for (auto& named : CoordinatedNames(s.text, spans)) described.push_back(std::move(named));
      } else {
        for (auto& named : EnglishNameList(s.text, gazetteer)) {
          described.push_back(std::move(named));
        }
      }
      std::stable_sort(described.begin(), described.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (const auto& [off, n] : described) {
        if (DescriptorWord(n) || OrganisationName(n, gazetteer) ||
            InPlatformList(s.text, off + n.size()) ||
            (ko && RE2::PartialMatch(After(s.text, off + n.size(), 16), kMemberAfter))) {
          continue;
        }
        bool inside = false;  // overlaps a person or group the finders saw
        for (const auto& [b, e] : spans) inside = inside || (off < e && off + n.size() > b);
        // the same name as a participant found already ("소유" of Soyou, named again where
        // the finders did not see it: "백현과 소유의 협업")
        for (const auto& f : found) inside = inside || f.person.native == n || f.person.name == n;
        if (inside) continue;
        PersonRef p;
        p.name = n;
        if (ContainsHangul(n)) p.native = n;
        p.key = NormalizeKey(n);
        static const RE2 kActorBefore("(?:배우|actor|actress)\\s*$");
        p.actor = RE2::PartialMatch(Before(s.text, off, 16), kActorBefore);
        p.learned.actor = p.actor;
        if (p.key.empty() || !seen.insert(p.key).second) continue;
        found.push_back({si, off, std::move(p)});
      }
    };
    for (size_t si = 0; si < story.size(); ++si) {
      const MusicSentence& s = story[si];
      if (s.cues[kCollab].empty()) continue;
      if (s.veto[kCollab]) {
        decide("collab: vetoed in sentence " + std::to_string(si));
        continue;
      }
      if (evidence == nullptr) {
        evidence = &s;
        cue = &s.cues[kCollab].front();
      }
      gather(si);
    }
    // "강석우 등은 … 합창단과 녹음한다": one name and 등 in a cue sentence stands for a line-up
    // another sentence names
    static const RE2 kOneAndOthers("(?:^|[^,·와과\\s]\\s)[가-힣A-Za-z]{2,8}\\s*등(?:이|은|도)\\s");
    // ("Secret, B.A.P and 40 stars sing …", "A, B among 70 artists on …": a line-up that ends
    // in a count is cut short; the lead names the rest)
    static const RE2 kAndCount(
        "(?i)\\b(?:and|among|with)\\s+(?:some\\s+|about\\s+|around\\s+|over\\s+|more\\s+than\\s+)?"
        "\\d+\\s+(?:more\\s+|other\\s+)?(?:stars|celebrities|celebs|artists|singers|musicians|"
        "idols|actors|entertainers|others)\\b");
    bool others = false;
    for (const auto& st : story) {
      others = others || (!st.cues[kCollab].empty() && !st.veto[kCollab] &&
                          RE2::PartialMatch(st.text, ko ? kOneAndOthers : kAndCount));
    }
    // a story whose only joint-song cues are a cause's or proceeds' ("음원 수익금 전액은 …",
    // collab.ko.proceeds) names its singers in those sentences or has no joint song: one
    // artist's charity single borrows no names from a roundup elsewhere in the story
    bool strong = false;
    for (const auto& st : story) {
      if (st.veto[kCollab]) continue;
      for (const auto& c : st.cues[kCollab]) strong = strong || !EndsWith(c.rule->id, ".proceeds");
    }
    // a line-up that goes on in a sentence of its own: "A, B 등이 참여했다", "C도 힘을
    // 보탰다", "Ronan Keating will also take part"
    static const RE2 kJoins(
        "(?i)참여했|참여한다|참여해|참여하며|참여합니다|가세했|가세한다|합류했|합류한다|동참했|"
        "동참한다|힘을\\s*보탰|힘을\\s*보탠다|\\bwill\\s+also\\s+(?:take\\s+part|join|feature|"
        "sing)\\b|\\balso\\s+(?:took\\s+part|joined|features?|sang)\\b|\\bjoin(?:s|ed)?\\s+"
        "(?:the\\s+)?(?:project|single|song|campaign|line-?up)\\b");
    if (evidence != nullptr && !strong && found.size() < 2) {
      // (only a sentence that releases the song or joins its line-up names its singers)
      for (size_t si = 0; si < story.size(); ++si) {
        if (story[si].cues[kCollab].empty() && !story[si].veto[kCollab] &&
            (!story[si].cues[kRelease].empty() || RE2::PartialMatch(story[si].text, kJoins))) {
          gather(si);
        }
      }
      if (found.size() < 2) {
        decide("collab: only cause or proceeds cues, and no sentence of the song names two");
      }
    } else if (evidence != nullptr && (found.size() < 2 || others)) {
      // (a sentence about a concert, a festival or a tour and no song names its performers,
      // not the song's singers: "And X will join other acts for a fundraising concert")
      static const RE2 kStage("(?i)concert|festival|\\btour\\b|콘서트|공연|페스티벌|투어");
      static const RE2 kSongWord(
          "(?i)\\b(?:song|single|track|album|duet|record(?:s|ed|ing)?)\\b|곡|노래|음원|싱글|앨범|"
          "음반|녹음");
      for (size_t si = 0; si < story.size(); ++si) {
        if (!story[si].cues[kCollab].empty() || story[si].veto[kCollab]) continue;
        if (RE2::PartialMatch(story[si].text, kStage) &&
            !RE2::PartialMatch(story[si].text, kSongWord)) {
          decide("collab: sentence " + std::to_string(si) + " is about a stage, not the song");
          continue;
        }
        gather(si);
      }
    } else if (evidence != nullptr) {
      for (size_t si = 0; si < story.size(); ++si) {
        if (story[si].cues[kCollab].empty() && !story[si].veto[kCollab] &&
            RE2::PartialMatch(story[si].text, kJoins)) {
          gather(si);
        }
      }
    }
    // "작곡가이자 가수인 X가 작사, 작곡한 (곡을) A와 B가 함께 부른다": a person the story credits
    // with writing a song that others are said to sing is its writer, no participant, in every
    // sentence (a headline "X-A-B" too)
    {
      static const RE2 kOthersSing("(?:함께\\s*)?(?:부른다|부른|불렀|부를|노래한|가창)");
      std::set<std::string> writers;
      for (const auto& st : story) {
        for (const auto& m : st.mentions.items) {
          // (the credit modifies the song: "X가 작사, 작곡한 …", not "X가 작곡하고 … 함께 부른")
          static const RE2 kWroteIt(
              "^\\s*(?:이|가)?\\s*(?:직접\\s*)?(?:(?:작사|작곡)\\s*(?:,|·|와|과|및)?\\s*)?"
              "(?:작곡|작사|편곡|프로듀싱)한\\s");
          if (m.kind != MentionKind::kPerson ||
              !RE2::PartialMatch(After(st.text, m.end, 48), kWroteIt)) {
            continue;
          }
          re2::StringPiece rest(st.text.data() + m.end, st.text.size() - m.end);
          if (RE2::PartialMatch(rest, kOthersSing)) {
            writers.insert(PersonInContext(st.text, m, lang, gazetteer, story_groups).key);
          }
        }
      }
      size_t left = 0;
      for (const auto& f : found) left += writers.count(f.person.key) ? 0 : 1;
      if (!writers.empty() && left >= 2) {
        std::vector<Participant> singers;
        for (auto& f : found) {
          if (writers.count(f.person.key)) {
            decide("collab: " + f.person.name + " wrote the song others sing; no participant");
            continue;
          }
          singers.push_back(std::move(f));
        }
        found = std::move(singers);
      }
    }
    // "프로듀서 조규만의 음원 프로젝트": a person the story calls a producer, composer or host
    // in one sentence is no participant in any other ("이무진, 조규만 프로젝트 첫곡"); with one
    // singer left the song is that singer's own ("written and composed by Yesung himself"
    // credits a singer, and stays)
    {
      static const RE2 kMakerBefore(
          "(?i)(?:작곡가|작사가|프로듀서|프로듀싱팀|진행자|producer|composer|songwriter|host|MC)"
          "\\s*$");
      std::set<std::string> credited;
      for (const auto& st : story) {
        for (const auto& m : st.mentions.items) {
          if (m.kind == MentionKind::kPerson && !SingerToo(st.text, m) &&
              RE2::PartialMatch(Before(st.text, m.begin, 24), kMakerBefore)) {
            credited.insert(PersonInContext(st.text, m, lang, gazetteer, story_groups).key);
          }
        }
      }
      std::vector<Participant> singers;
      for (auto& f : found) {
        if (credited.count(f.person.key)) {
          decide("collab: " + f.person.name + " is credited as a maker; no participant");
          continue;
        }
        if (on_screen.count(f.person.key)) {
          decide("collab: " + f.person.name + " appears in the music video; no participant");
          continue;
        }
        singers.push_back(std::move(f));
      }
      found = std::move(singers);
    }
    std::stable_sort(found.begin(), found.end(), [](const Participant& x, const Participant& y) {
      return x.sentence != y.sentence ? x.sentence < y.sentence : x.offset < y.offset;
    });
    // "Actress Song Hye Kyo and singer John Park … the duet of Song and John Park": an unknown
    // one-word English name that opens another participant's longer name is that participant
    // again, called by the family name
    if (!ko) {
      std::vector<bool> repeat(found.size(), false);
      for (size_t i = 0; i < found.size(); ++i) {
        const PersonRef& p = found[i].person;
        if (p.resolved || p.name.empty() || p.name.find(' ') != std::string::npos) continue;
        for (const auto& o : found) {
          repeat[i] = repeat[i] || (o.person.name.size() > p.name.size() &&
                                    o.person.name.compare(0, p.name.size() + 1, p.name + " ") == 0);
        }
      }
      size_t n = 0;
      for (size_t i = 0; i < found.size(); ++i) {
        if (repeat[i]) continue;
        if (n != i) found[n] = std::move(found[i]);
        ++n;
      }
      found.resize(n);
    }
    // "Singer-actor Yim Si Wan … Yim Si Wan": one name that two mentions resolved to two keys
    // (a gazetteer entry and the text's own spelling) is one participant
    {
      std::set<std::string> names;
      std::erase_if(found, [&](const Participant& f) {
        return !names.insert(NormalizeKey(f.person.name)).second;
      });
    }
    if (evidence != nullptr && found.size() >= 2) {
      Detection d = make_event(EventType::kCollab, *evidence, *cue,
                               story_released[kCollab] ? "released" : "announced");
      for (auto& f : found) d.people.push_back(std::move(f.person));
      // "또 다른 듀엣곡 'Y'", "another duet, 'Y'": the pair's second song is an event of its
      // own with the same people; the first takes the best other title
      std::string another;
      for (const auto& st : story) {
        if (st.veto[kCollab]) continue;
        for (const auto& m : st.mentions.items) {
          if (TitleCandidate(m) && AnotherSong(st.text, m)) another = SongTitle(m.text);
        }
      }
      d.title = best_title(kCollab, another);
      d.cause = cause;
      d.crossover = IsCrossover(d);
      d.event_id = ComputeEventId(d);
      if (!another.empty() && !d.title.empty() && d.title != another) {
        Detection second = d;
        second.title = another;
        second.event_id = ComputeEventId(second);
        decide("collab: another song of the same people: '" + another + "'");
        out->push_back(std::move(second));
      }
      std::string names;
      for (const auto& p : d.people) {
        names += (names.empty() ? "" : " + ") + p.name;
        collab_keys.insert(p.key);
        if (!d.title.empty()) music_people.insert(p.key);
      }
      decide("collab: " + names + " / '" + d.title + "' = " + d.status +
             (d.cause.empty() ? "" : " (cause: " + d.cause + ")") + " by " + cue->rule->id);
      out->push_back(std::move(d));
    } else if (evidence != nullptr) {
      decide("collab: fewer than two named participants; no event");
    }
  }

  // Release: the subject of a release sentence, when the text presents them as an actor.
  const Mention* subject = nullptr;
  size_t subject_sentence = 0;
  const CueHit* release_cue = nullptr;
  size_t cue_sentence = 0;
  // "그룹 마이네임은 … 미니앨범을 공개했다": a group is the subject of the release sentence;
  // the release is the group's, whoever else the story names
  const Mention* group_subject = nullptr;
  auto pick_subject = [&](const MusicSentence& s, size_t cue_begin) -> const Mention* {
    const Mention* first = nullptr;
    const Mention* first_before = nullptr;
    for (const auto& m : s.mentions.items) {
      if (ko && m.kind == MentionKind::kGroup && Usable(m) && m.begin < cue_begin &&
          GroupIsSubject(s.text, m, gazetteer)) {
        if (first_before == nullptr) {
          group_subject = &m;
          return nullptr;
        }
        continue;
      }
      if (m.kind != MentionKind::kPerson || !Usable(m) || IsCreditNotSinger(s.text, m) ||
          (ko && m.person == nullptr && DeedNotName(m.text)) || (ko && KinOfAnother(s.text, m)) ||
          (InMusicVideo(s.text, m) && !(ko && ActOfAnother(s.text, m, s.mentions))) ||
          (!on_screen.empty() &&
           on_screen.count(PersonInContext(s.text, m, lang, gazetteer, story_groups).key))) {
        continue;
      }
      if (ko && m.begin < cue_begin && KoreanSubject(s.text, m)) return &m;
      if (first == nullptr) first = &m;
      if (first_before == nullptr && m.begin < cue_begin) first_before = &m;
    }
    return first_before != nullptr ? first_before : first;
  };
  for (size_t i = 0; i < story.size() && subject == nullptr; ++i) {
    const MusicSentence& s = story[i];
    if (s.cues[kRelease].empty()) continue;
    if (s.veto[kRelease]) {
      decide("release: vetoed in sentence " + std::to_string(i));
      continue;
    }
    if (release_cue == nullptr) {
      release_cue = &s.cues[kRelease].front();
      cue_sentence = i;
    }
    subject = pick_subject(s, s.cues[kRelease].front().begin);
    subject_sentence = i;
    if (group_subject != nullptr) {
      decide("release: the group " + group_subject->text + " is the subject of sentence " +
             std::to_string(i) + "; no release");
      break;
    }
  }
  // "the group is releasing a new album": in English a group noun as the subject of the release
  // sentence makes the release the group's, whoever else the story names
  if (!ko && group_subject == nullptr && release_cue != nullptr) {
    static const RE2 kGroupNounSubject(
        "(?i)\\b(?:the|this|its|their)\\s+(?:(?:new|rookie|project|idol|k-pop|girl|boy|co-ed|"
        "(?:\\w+-member))\\s+){0,2}(?:group|band|duo|trio|quartet|quintet|sextet|septet|octet|unit|"
        "girls|boys)\\s+(?:(?:is|are|will|has|have|also|then|plans\\s+to|is\\s+set\\s+to|is\\s+"
        "going\\s+to)"
        "\\s+){0,3}$");
    const std::string& t = story[cue_sentence].text;
    const size_t b = release_cue->begin > 60 ? release_cue->begin - 60 : 0;
    if (RE2::PartialMatch(re2::StringPiece(t.data() + b, release_cue->begin - b),
                          kGroupNounSubject)) {
      decide("release: a group noun is the subject of sentence " + std::to_string(cue_sentence) +
             "; no release");
      release_cue = nullptr;
    }
  }
  if (group_subject != nullptr) release_cue = nullptr;
  if (subject == nullptr && release_cue != nullptr) {
    // "The actor will release a ballad": the story's first person (the headline's)
    for (size_t i = 0; i < story.size() && subject == nullptr; ++i) {
      if (story[i].veto[kRelease]) continue;
      subject = pick_subject(story[i], story[i].text.size());
      subject_sentence = i;
    }
  }
  // "뮤지컬 배우 겸 리포터 선우가 …": a name only its descriptor marks
  Mention described_subject;
  auto take_subject = [&](size_t off, const std::string& n, const char* why, size_t sentence) {
    described_subject.kind = MentionKind::kPerson;
    described_subject.begin = off;
    described_subject.end = off + n.size();
    described_subject.text = n;
    described_subject.why = why;
    subject = &described_subject;
    subject_sentence = sentence;
  };
  if (subject == nullptr && release_cue != nullptr) {
    for (const auto& [off, n] : DescribedNames(story[cue_sentence].text, ko)) {
      if (off >= release_cue->begin) break;
      take_subject(off, n, "descriptor before the name", cue_sentence);
      break;
    }
  }
  // "Mina Sorel has news for her fans …", "Mina Sorel, best known for her roles …": in English
  // a name the finders do not know (no romanised Korean shape) that opens a sentence of the
  // story, the cue sentence first
  if (subject == nullptr && release_cue != nullptr && !ko) {
    for (size_t k = 0; k <= story.size() && subject == nullptr; ++k) {
      const size_t i = k == 0 ? cue_sentence : k - 1;
      if (i >= story.size() || story[i].veto[kRelease]) continue;
      std::string n;
      if (!OpeningName(story[i].text, &n) || OrganisationName(n, gazetteer) ||
          gazetteer.FindGroup(n).has_value()) {
        continue;
      }
      take_subject(story[i].text.find(n), n, "name opening a sentence", i);
    }
  }
  if (subject != nullptr && release_cue != nullptr) {
    PersonRef p =
        PersonInContext(story[subject_sentence].text, *subject, lang, gazetteer, story_groups);
    bool actor = subject == &described_subject &&
                 PresentedAsActor(story[subject_sentence].text, described_subject, lang, gazetteer);
    std::string why = actor ? "descriptor in sentence " + std::to_string(subject_sentence) : "";
    for (size_t i = 0; i < story.size(); ++i) {
      const MusicSentence& s = story[i];
      bool named = false;
      // an unknown name the finders never saw: each place the sentence writes it
      if (subject == &described_subject && !ko) {
        for (size_t at = s.text.find(p.name); at != std::string::npos && !actor;
             at = s.text.find(p.name, at + 1)) {
          Mention here = described_subject;
          here.begin = at;
          here.end = at + p.name.size();
          named = true;
          if (PresentedAsActor(s.text, here, lang, gazetteer)) {
            actor = true;
            why = "presented as an actor in sentence " + std::to_string(i);
          }
        }
      }
      // Korean: each place the sentence writes the subject's name, where the finders may not
      // have seen it ("뮤지컬배우 조형균(27)이": an age in parentheses after the name)
      if (ko && !actor && subject->text.size() >= 6 && ContainsHangul(subject->text)) {
        for (size_t at = s.text.find(subject->text); at != std::string::npos && !actor;
             at = s.text.find(subject->text, at + 1)) {
          Mention here = *subject;
          here.begin = at;
          here.end = at + subject->text.size();
          if (PresentedAsActor(s.text, here, lang, gazetteer)) {
            actor = true;
            why = "presented as an actor in sentence " + std::to_string(i);
          }
        }
      }
      for (const auto& m : s.mentions.items) {
        if (m.kind != MentionKind::kPerson) continue;
        const PersonRef q = PersonInContext(s.text, m, lang, gazetteer, story_groups);
        if (q.key != p.key) {
          named = named || Usable(m);
          continue;
        }
        named = true;
        if (!p.resolved) MergeLearnedFacts(LearnFactsAbout(s.text, m, lang, gazetteer), &p.learned);
        if (!actor && PresentedAsActor(s.text, m, lang, gazetteer)) {
          actor = true;
          why = "presented as an actor in sentence " + std::to_string(i);
        }
      }
      if (!actor && !ko && !named && !s.cues[kRelease].empty() && ActorAnaphor(s.text)) {
        actor = true;
        why = "'the actor' in sentence " + std::to_string(i);
      }
    }
    // "'Single's Inferno' star X … who found fame on the dating show": an English story that
    // speaks of a reality, dating or audition show and never of acting made X's "star" a
    // show's, not a screen actor's
    if (actor && !ko) {
      static const RE2 kShow(
          "(?i)\\b(?:dating|reality|survival|audition|variety)\\s+(?:show|series|program(?:me)?)"
          "\\b");
      static const RE2 kActing("(?i)\\b(?:actor|actress|acting|drama|film|movie|sitcom)\\b");
      bool show = false, acting = false;
      for (const auto& st : story) {
        show = show || RE2::PartialMatch(st.text, kShow);
        acting = acting || RE2::PartialMatch(st.text, kActing);
      }
      if (show && !acting) {
        actor = false;
        decide("release: " + p.name + " is a reality or dating show's star, no actor");
      }
    }
    if (collab_keys.count(p.key)) {
      decide("release: " + p.name + " is a participant of the story's collab; no release");
    } else if (!actor) {
      decide("release: " + p.name + " is not presented as an actor; no release");
      // (a singer's debut story is still a music story about them: their castings of untyped
      // works, "'너목보2'에 출연해 '청춘'을 선곡해", are its background)
      music_people.insert(p.key);
    } else {
      p.actor = true;
      const MusicSentence& ev = story[cue_sentence];
      // "배우 A와 B가 가수로 변신한다": each actor of a coordinated subject releases; a title
      // whose sentence has one of them as its subject ("A는 첫 미니앨범 <T>로 돌아온다") is that
      // one's alone
      std::vector<PersonRef> releasing;
      releasing.push_back(std::move(p));
      const MusicSentence& ss = story[subject_sentence];
      if (ko && subject != &described_subject) {
        static const RE2 kJoin("^\\s*(?:과|와|,|·|및)?\\s*(?:,\\s*)?$");
        size_t next = subject->begin;
        for (size_t k = ss.mentions.items.size(); k-- > 0;) {
          const Mention& m = ss.mentions.items[k];
          if (m.end > next || m.kind != MentionKind::kPerson) continue;
          if (!Usable(m) ||
              !RE2::FullMatch(std::string_view(ss.text).substr(m.end, next - m.end), kJoin)) {
            break;
          }
          next = m.begin;
          PersonRef q = PersonInContext(ss.text, m, lang, gazetteer, story_groups);
          bool q_actor = false;
          for (const auto& st : story) {
            for (const auto& o : st.mentions.items) {
              if (o.kind == MentionKind::kPerson &&
                  PersonInContext(st.text, o, lang, gazetteer, story_groups).key == q.key) {
                q_actor = q_actor || PresentedAsActor(st.text, o, lang, gazetteer);
              }
            }
          }
          if (!q_actor || q.key.empty() || q.key == releasing.front().key ||
              collab_keys.count(q.key)) {
            continue;
          }
          q.actor = true;
          releasing.insert(releasing.begin(), std::move(q));
        }
      }
      const std::string title = best_title(kRelease);
      std::string title_owner;  // the key of the subject of the title's sentence, if one releases
      if (releasing.size() > 1 && !title.empty()) {
        for (const auto& st : story) {
          bool here = false;
          for (const auto& m : st.mentions.items) {
            here = here || (TitleCandidate(m) && SongTitle(m.text) == title);
          }
          if (!here) continue;
          for (const auto& m : st.mentions.items) {
            if (m.kind == MentionKind::kPerson && KoreanSubject(st.text, m)) {
              const std::string key =
                  PersonInContext(st.text, m, lang, gazetteer, story_groups).key;
              for (const auto& r : releasing) {
                if (r.key == key) title_owner = key;
              }
              break;
            }
          }
          break;
        }
      }
      for (auto& person : releasing) {
        Detection d = make_event(EventType::kRelease, ev, *release_cue,
                                 story_released[kRelease] ? "released" : "announced");
        music_people.insert(person.key);
        d.title = title_owner.empty() || title_owner == person.key ? title : "";
        if (d.title.empty() && !title_owner.empty()) {
          // "A는 미니앨범 'T'로 돌아온다 … B는 디지털 싱글 'U'를 공개한다": the other actor's
          // title is the one of a sentence whose subject they are
          int own_best = 0;
          for (const auto& st : story) {
            const Mention* head = nullptr;
            for (const auto& m : st.mentions.items) {
              if (m.kind == MentionKind::kPerson && KoreanSubject(st.text, m)) {
                head = &m;
                break;
              }
            }
            if (head == nullptr ||
                PersonInContext(st.text, *head, lang, gazetteer, story_groups).key != person.key) {
              continue;
            }
            for (const auto& m : st.mentions.items) {
              if (!TitleCandidate(m) || m.begin < head->end || NotASongTitle(st.text, m)) continue;
              if (const int score = TitleScore(st.text, m, false); score > own_best) {
                own_best = score;
                d.title = SongTitle(m.text);
              }
            }
          }
        }
        d.person = std::move(person);
        d.release_kind = kind;
        d.crossover = IsCrossover(d);
        d.event_id = ComputeEventId(d);
        decide("release: " + d.person.name + " (subject of sentence " +
               std::to_string(subject_sentence) + ", " + why + ") / '" + d.title + "' " +
               (kind.empty() ? "" : kind + " ") + "= " + d.status + " by " + release_cue->rule->id);
        out->push_back(std::move(d));
      }
    }
  }
  // A music story (the headline or the lead's first sentence announces a release or a joint
  // song, unvetoed) is no casting news: a casting of a work the text does not call a drama,
  // film or series ("'승승장구'에 출연해 선보였던 곡", "'너목보2'에 출연해 화제를 모은 X가 첫
  // 싱글로 데뷔한다", "'소문이' X, 가수로 깜짝 변신") is the story's background, dropped.
  bool music_story = false;
  for (size_t i = 0; i < story.size() && i <= 1; ++i) {
    for (int t = 0; t < 2; ++t) {
      music_story = music_story || (!story[i].cues[t].empty() && !story[i].veto[t]);
    }
  }
  if (music_story) {
    std::vector<Detection> kept;
    for (auto& d : *out) {
      bool music_sentence = false;  // the casting's own sentence holds a music cue
      for (const auto& st : story) {
        music_sentence =
            music_sentence || (st.text == d.evidence.text &&
                               (!st.cues[kRelease].empty() || !st.cues[kCollab].empty()));
      }
      if (d.type == EventType::kCasting && d.work.kind.empty() &&
          (music_sentence || music_people.count(d.person.key))) {
        decide("casting: " + d.person.name + " / " + d.work.title +
               " dropped: a music story's background");
        continue;
      }
      kept.push_back(std::move(d));
    }
    *out = std::move(kept);
  }
  // A song the story releases is no drama: castings of it ("A and B teamed up for a duet
  // 'T'" read as a casting of 'T') are dropped.
  std::set<std::string> titles;
  for (size_t i = first_new; i < out->size(); ++i) {
    if (!(*out)[i].title.empty()) titles.insert(NormalizeKey((*out)[i].title));
  }
  if (titles.empty()) return;
  std::vector<Detection> kept;
  for (auto& d : *out) {
    if (d.type == EventType::kCasting && !d.work.title.empty() &&
        titles.count(NormalizeKey(d.work.title))) {
      decide("casting: " + d.person.name + " / " + d.work.title + " dropped: the story's song");
      continue;
    }
    kept.push_back(std::move(d));
  }
  *out = std::move(kept);
}

}  // namespace hallyu
