#pragma once
// Text handling for detection: UTF-8 hygiene, language guess, sentence
// splitting (English and Korean), Korean particle stripping, quoted titles.
//
// All functions are pure, linear in the input and never throw.

#include <string>
#include <string_view>
#include <vector>

namespace hallyu {

// Returns `text` with every invalid UTF-8 sequence replaced by U+FFFD and
// NUL bytes dropped. Linear; never fails.
std::string SanitizeUtf8(std::string_view text);

// True when SanitizeUtf8(text) == text (valid UTF-8 without NUL bytes), so callers
// can read `text` as is instead of a copy.
bool IsCleanUtf8(std::string_view text);

// Returns "ko" when at least `min_ratio` (default 0.2) of the letters in `text`
// are Hangul, else "en". Empty or letter-less text gives "en".
std::string GuessLanguage(std::string_view text, double min_ratio = 0.2);

// Splits `text` into sentences. Breaks on newlines, on '.', '!', '?', '…' and
// ideographic full stops followed by a space or a closing quote, and on the
// Korean endings "다." / "요." / "까?" even without a following space. Does not
// break after abbreviations ("Mr.", "vs.", "Dr.", single initials), inside
// decimal numbers, on an ellipsis followed by a lower-case word, or on a '?' / '!'
// inside a Korean title in single quotes or angle brackets ("'안녕? 나야'에"). Sentences
// longer than `max_sentence_bytes` (default 2000) are cut at a UTF-8 boundary
// so downstream work stays bounded. Returned views point into `text` and live
// as long as it does; they are trimmed and never empty.
std::vector<std::string_view> SplitSentences(std::string_view text,
                                             size_t max_sentence_bytes = 2000);

// Strips one trailing Korean particle (이/가/은/는/을/를/의/와/과/도/에게/께서/
// 측/씨 ...) from a Hangul name ("차은우가" -> "차은우"). Never strips below
// two syllables; text not ending in Hangul is returned trimmed and unchanged.
std::string StripKoreanParticle(std::string_view name);

// Removes surrounding title quotes (‘’ “” 「」 《》 〈〉 『』 '' "" <>) and
// whitespace from `title`. "《눈물의 여왕》" -> "눈물의 여왕".
std::string StripTitleQuotes(std::string_view title);

// Returns `text` with the inside of every quoted title replaced by spaces
// (byte for byte, so offsets and UTF-8 validity are kept): ‘…’ “…” 「…」 《…》
// 〈…〉 『…』, and '…' / "…" whose opening quote follows a non-alphanumeric
// byte (so "Park's" is no quote). Spans longer than `max_span` bytes (default
// 200) or without a closing quote are left as they are. Negative rules run on
// this, so a title like 'Marriage Contract' never vetoes as marriage news.
std::string MaskQuotedTitles(std::string_view text, size_t max_span = 200);

// Trims ASCII whitespace and trailing punctuation (",.;:") from both ends.
std::string TrimName(std::string_view s);

// Lower-cases ASCII letters and drops spaces, hyphens, dots, apostrophes and
// middle dots: "Cha Eun-woo" -> "chaeunwoo". Non-ASCII bytes are kept.
std::string NormalizeKey(std::string_view s);
// NormalizeKey(s), written into *key (its buffer reused).
void NormalizeKeyTo(std::string_view s, std::string* key);

// Splits a list of names ("A, B and C", "A·B·C", "A와 B", "A, B, C") into
// trimmed names with Korean particles stripped. Bounded to 16 names.
std::vector<std::string> SplitNameList(std::string_view list);

// Returns `text` in Unicode Normalization Form C for the sequences Korean and Latin
// pages carry decomposed: conjoining Hangul jamo (L V, L V T, LV T) become precomposed
// syllables, and a Latin letter followed by combining marks (U+0300..U+036F, reordered
// by combining class) becomes the precomposed letter where Unicode has one ("e" + U+0301
// -> "é", "e" + U+0323 + U+0302 -> "ệ"). Precomposed input is not decomposed first, so a
// precomposed letter followed by a mark of lower class stays as it is; other scripts
// pass through unchanged. Invalid UTF-8 is copied byte for byte. Linear; text without
// jamo or combining marks is returned as is after one scan.
std::string ComposeNfc(std::string_view text);

// True when ComposeNfc(text) may differ from `text`: it holds a combining mark
// U+0300..U+036F or a conjoining jamo U+1100..U+11FF. One scan, no allocation.
bool MayNeedNfcComposition(std::string_view text);

// True when `s` contains any Hangul syllable.
bool ContainsHangul(std::string_view s);

}  // namespace hallyu
