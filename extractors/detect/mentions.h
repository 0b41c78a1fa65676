#pragma once
// Mention finders: the first step of detection. One sentence in, the things it
// names out: persons, groups, works, networks, organisations (agencies,
// production companies, labels, outlets: never persons), roles and songs,
// each with its byte span and what the text around it says about it.
//
// Finders know nothing of events. They use the gazetteer for names it knows and
// name shapes for names it does not: romanised Korean names ("Kim Young-dae",
// "Seo Hyun Jin"), names after a descriptor ("actress X", "GROUP's X",
// "그룹 Y 멤버 X", "배우 X"), Korean three-syllable names with a surname and a
// particle. Works come from every quote style, 《》 and <>, from a capitalised
// title after a work noun ("upcoming SBS series Work Title"), from "titled X",
// and from the gazetteer; qualifiers ("(working title)", "(가제)") are dropped.
//
// Pure functions of their input; linear in the sentence (bounded: at most
// 64 mentions per sentence); never throw.

#include <string>
#include <string_view>
#include <vector>

#include "extractors/detect/gazetteer.h"

namespace hallyu {

enum class MentionKind { kPerson, kGroup, kWork, kNetwork, kOrganisation, kRole, kSong, kQuote };

// "person", "group", "work", "network", "organisation", "role", "song", "quote".
std::string_view MentionKindName(MentionKind k);

// True when `s` is one or more Hangul syllables (U+AC00..U+D7A3) and nothing else; false for
// an empty string, spaces, jamo, Latin or invalid UTF-8.
bool AllHangul(std::string_view s);

// True when a Korean sentence ends in a past-tense predicate ("…발매했다.", "…공개됐습니다",
// "…알렸다”"), trailing spaces, full stops and closing quotes allowed; false for any other
// ending, an empty string or text in another language.
bool KoreanEndsInPastTense(std::string_view sentence);

// True when a Hangul word (its particle already stripped) has a shape no person's name has:
// a verb's connective or final ending ("공개되며", "참여하고", "발매된다"), a plural
// ("스타들"), a particle left after a one-syllable noun ("역에" of "역에는"), an occupation
// noun ending in 가 ("안무가", "작곡가": the 가 is no particle) or a personal or reflexive
// pronoun ("자신", "본인", "그들"). False for other words, for
// non-Hangul text and for an empty string. Meant for names the gazetteer does not know.
bool KoreanWordIsNoName(std::string_view word);

struct Mention {
  MentionKind kind = MentionKind::kPerson;
  size_t begin = 0, end = 0;  // byte span in the sentence (quotes included for quoted spans)
  std::string text;           // surface form, cleaned (no quotes, particles, qualifiers)
  const GazetteerPerson* person = nullptr;  // persons: the gazetteer entry, if known
  const GazetteerWork* work = nullptr;      // works: the gazetteer entry, if known
  std::string group;                        // persons: the group the text ties them to
  bool quoted = false;                      // the span was in quotes or brackets
  bool in_parens = false;                   // inside ( ) — an aside, not the news
  // Persons: named in a way that excludes them from the news of this sentence
  // (director, writer, role, "who starred in", "starring" after a work, ...).
  // Works: named as an earlier work ("(Earlier Work)", "starred in", "전작").
  bool aside = false;
  // Persons (English): named as a credit of the work (director, writer, producer); the
  // same name is then no cast member anywhere in the story ("joins Kim Ki-duk project").
  bool credit = false;
  bool not_drama = false;    // works: a show, album or concert by a cue next to it
  bool cast_credit = false;  // persons: "(남주혁 분)", the actor credited for a character
  bool alt_title = false;    // works: "(also known as 'X')", another form of the title before it
  bool epithet = false;      // quotes: praise or a topic ('천만 배우'): no title, no cue inside
  std::string why;           // how it was found, for --explain
};

struct SentenceMentions {
  std::vector<Mention> items;  // in text order
};

// Finds the mentions of one sentence. `lang` is "en" or "ko". Invalid UTF-8 is
// tolerated (it never forms a name). Returns at most 64 mentions.
SentenceMentions FindMentions(std::string_view sentence, std::string_view lang,
                              const Gazetteer& gazetteer);

// True when the Korean group token carries a subject, object or "and" particle
// ("SS501이", "샤이니와"): the group is then a subject or a partner, not the tag of the
// name after it. The possessive 의 ("아스트로의 차은우") is no such particle; a token that
// is itself a group name ("아이오아이") has none. False for anything else.
bool KoreanGroupHasCaseParticle(std::string_view token, const Gazetteer& gazetteer);

// Strips title qualifiers and leftovers: "(working title)", "(literal title)",
// "(가제)", "(이하 …)", "(가칭)", a Hanja gloss after a Korean title ("사자(四子)"),
// trailing "OST" and particles outside quotes.
// "Blue Eyes (working title)" -> "Blue Eyes". Empty in, empty out.
std::string CleanTitle(std::string_view title);

// True when `word` (ASCII, any case) looks like a romanised Korean surname.
bool IsRomanisedSurname(std::string_view word);

}  // namespace hallyu
