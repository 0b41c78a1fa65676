// The event model of issue 17 (release and collab next to casting and OST): JSON round
// trip, stable ids, the crossover rule, merging, and the payloads against schemas/*.json.
// People and titles here are made up.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/event.h"
#include "extractors/detect/event_merger.h"
#include "tests/support/schema_check.h"

namespace hallyu {
namespace {

PersonRef Person(const std::string& name, bool idol, bool actor, const std::string& native = "") {
  PersonRef p;
  p.name = name;
  p.native = native;
  p.idol = idol;
  p.actor = actor;
  p.resolved = !native.empty();
  return p;
}

Event Envelope(EventType type, const std::string& url) {
  Event e;
  e.type = type;
  e.status = "announced";
  e.evidence = {"an invented sentence", "test.rule", "en"};
  e.sources = {{url, "site.test", "t", "2026-12-01T00:00:00Z", "2026-12-01T01:00:00Z"}};
  e.first_seen_at = "2026-12-01T01:00:00Z";
  e.detected_at = "2026-12-01T01:00:00Z";
  e.confidence = 0.8;
  return e;
}

Event Release(const std::string& title, const std::string& kind,
              const std::string& url = "https://a.test/r") {
  Event e = Envelope(EventType::kRelease, url);
  e.person = Person("Han Do-yoon", false, true, "한도윤");
  e.title = title;
  e.release_kind = kind;
  e.crossover = IsCrossover(e);
  e.event_id = ComputeEventId(e);
  return e;
}

Event Collab(const std::string& title, std::vector<PersonRef> people,
             const std::string& url = "https://a.test/j") {
  Event e = Envelope(EventType::kCollab, url);
  e.people = std::move(people);
  e.title = title;
  e.cause = "children's hospital";
  e.crossover = IsCrossover(e);
  e.event_id = ComputeEventId(e);
  return e;
}

std::vector<PersonRef> Trio() {
  return {Person("Seo Ha-rin", true, false, "서하린"), Person("Han Do-yoon", false, true, "한도윤"),
          Person("Mira Vale", false, false)};
}

TEST(EventModel, ReleaseJsonRoundTrip) {
  const Event e = Release("Night Letter", "digital_single");
  const auto j = ToJson(e);
  EXPECT_EQ(j["schema"], "hallyu.release/1");
  EXPECT_EQ(j["type"], "release");
  EXPECT_EQ(j["artist"]["name"], "Han Do-yoon");
  EXPECT_EQ(j["artist"]["native"], "한도윤");
  EXPECT_EQ(j["title"], "Night Letter");
  EXPECT_EQ(j["kind"], "digital_single");
  EXPECT_FALSE(j.contains("work") || j.contains("person") || j.contains("people"));
  EXPECT_EQ(j["crossover"], true);
  auto back = EventFromJson(j);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->type, EventType::kRelease);
  EXPECT_EQ(back->title, "Night Letter");
  EXPECT_EQ(back->release_kind, "digital_single");
  EXPECT_EQ(ToJson(*back), j);
  // Unnamed title and kind are null, and still round-trip.
  const auto bare = ToJson(Release("", ""));
  EXPECT_TRUE(bare["title"].is_null() && bare["kind"].is_null());
  auto bare_back = EventFromJson(bare);
  ASSERT_TRUE(bare_back.ok());
  EXPECT_EQ(ToJson(*bare_back), bare);
}

TEST(EventModel, CollabJsonRoundTripKeepsTextOrder) {
  const Event e = Collab("Paper Lanterns", Trio());
  const auto j = ToJson(e);
  EXPECT_EQ(j["schema"], "hallyu.collab/1");
  ASSERT_EQ(j["people"].size(), 3u);
  EXPECT_EQ(j["people"][0]["name"], "Seo Ha-rin");
  EXPECT_EQ(j["people"][2]["name"], "Mira Vale");
  EXPECT_TRUE(j["people"][2]["native"].is_null());
  EXPECT_EQ(j["cause"], "children's hospital");
  EXPECT_FALSE(j.contains("work") || j.contains("artist") || j.contains("person"));
  auto back = EventFromJson(j);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->people.size(), 3u);
  EXPECT_EQ(back->people[1].name, "Han Do-yoon");
  EXPECT_EQ(ToJson(*back), j);
}

TEST(EventModel, EventFromJsonRejectsACollabWithoutPeople) {
  auto j = ToJson(Collab("Paper Lanterns", Trio()));
  j.erase("people");
  EXPECT_FALSE(EventFromJson(j).ok());
  auto r = ToJson(Release("Night Letter", "single"));
  r.erase("artist");
  EXPECT_FALSE(EventFromJson(r).ok());
}

TEST(EventModel, IdsAreStableAndPrefixedByType) {
  const Event r = Release("Night Letter", "single");
  EXPECT_EQ(r.event_id.rfind("r-", 0), 0u) << r.event_id;
  EXPECT_EQ(r.event_id.size(), 18u);
  EXPECT_EQ(ComputeEventId(r), r.event_id);
  // The kind and the status are facts, not identity.
  EXPECT_EQ(Release("Night Letter", "").event_id, r.event_id);
  EXPECT_EQ(Release("night letter!", "album").event_id, r.event_id);
  EXPECT_NE(Release("Morning Letter", "single").event_id, r.event_id);
  Event other = Release("Night Letter", "single");
  other.person = Person("Park Ji-an", false, true);
  EXPECT_NE(ComputeEventId(other), r.event_id);
  const Event j = Collab("Paper Lanterns", Trio());
  EXPECT_EQ(j.event_id.rfind("j-", 0), 0u) << j.event_id;
  EXPECT_NE(Collab("Paper Boats", Trio()).event_id, j.event_id);
}

TEST(EventModel, CollabIdIgnoresTheOrderOfItsPeople) {
  std::vector<PersonRef> reversed = Trio();
  std::swap(reversed[0], reversed[2]);
  EXPECT_EQ(Collab("", reversed).event_id, Collab("", Trio()).event_id);
  EXPECT_EQ(Collab("Paper Lanterns", reversed).event_id, Collab("Paper Lanterns", Trio()).event_id);
  // With a title, the participants an outlet names do not change the id...
  std::vector<PersonRef> two = {Trio()[0], Trio()[1]};
  EXPECT_EQ(Collab("Paper Lanterns", two).event_id, Collab("Paper Lanterns", Trio()).event_id);
  // ... without one, other participants are another project.
  EXPECT_NE(Collab("", two).event_id, Collab("", Trio()).event_id);
  // Nor does a release share an id with a collab of the same title.
  EXPECT_NE(Collab("Night Letter", Trio()).event_id, Release("Night Letter", "").event_id);
}

TEST(EventModel, CrossoverRule) {
  Event r = Release("Night Letter", "single");
  EXPECT_TRUE(IsCrossover(r));  // an actor's own single
  r.person = Person("Seo Ha-rin", true, false);
  EXPECT_FALSE(IsCrossover(r));  // an idol's own single
  r.person = Person("Unknown Name", false, false);
  EXPECT_FALSE(IsCrossover(r));
  r.person.learned.actor = true;  // a text called them an actor
  EXPECT_TRUE(IsCrossover(r));

  Event j = Collab("Paper Lanterns", Trio());
  EXPECT_TRUE(IsCrossover(j));  // idol + actor
  j.people = {Person("Seo Ha-rin", true, false), Person("Mira Vale", false, false)};
  EXPECT_FALSE(IsCrossover(j));  // idol + singer
  j.people = {Person("Seo Ha-rin", true, true), Person("Yun Bora", true, false)};
  EXPECT_FALSE(IsCrossover(j));  // two idols, one of whom also acts
  j.people = {Person("Seo Ha-rin", true, true)};
  EXPECT_FALSE(IsCrossover(j));  // one person is no collaboration
  j.people = {Person("Mira Vale", false, false), Person("Park Ji-an", false, false)};
  j.people[0].learned.idol = true;
  j.people[1].learned.actor = true;
  EXPECT_TRUE(IsCrossover(j));  // learned kinds count too
  j.people.clear();
  EXPECT_FALSE(IsCrossover(j));

  Event c = Envelope(EventType::kCasting, "u");
  c.person = Person("Seo Ha-rin", true, false);
  EXPECT_TRUE(IsCrossover(c));
  c.person = Person("Han Do-yoon", false, true);
  EXPECT_FALSE(IsCrossover(c));
  Event o = Envelope(EventType::kOst, "u");
  o.person = Person("Han Do-yoon", false, true);
  EXPECT_TRUE(IsCrossover(o));
  o.person = Person("Mira Vale", false, false);
  EXPECT_FALSE(IsCrossover(o));
}

TEST(EventModel, PayloadsValidateAgainstTheirSchemas) {
  EXPECT_TRUE(testing::ValidatesAgainstSchema(
      "schemas/release.json",
      {ToJson(Release("Night Letter", "ep")).dump(), ToJson(Release("", "")).dump()}));
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/collab.json",
                                              {ToJson(Collab("Paper Lanterns", Trio())).dump(),
                                               ToJson(Collab("", {Trio()[2], Trio()[1]})).dump()}));
  // A release is not a collab, and a bad kind is refused.
  EXPECT_FALSE(testing::ValidatesAgainstSchema("schemas/collab.json",
                                               {ToJson(Release("Night Letter", "")).dump()}));
  auto bad = ToJson(Release("Night Letter", ""));
  bad["kind"] = "mixtape";
  EXPECT_FALSE(testing::ValidatesAgainstSchema("schemas/release.json", {bad.dump()}));
  // An unresolved artist (no Hangul name, no work network) on the older types too.
  Event o = Envelope(EventType::kOst, "u");
  o.person = Person("Mira Vale", false, false);
  o.work.title = "Paper Moon";
  o.event_id = ComputeEventId(o);
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/ost.json", {ToJson(o).dump()}));
}

TEST(EventMergerNewTypes, ReleaseStatusAndFacts) {
  MemoryMergeState state;
  EventMerger merger(&state);
  auto m1 = merger.Merge(Release("Night Letter", ""));
  ASSERT_TRUE(m1.ok());
  EXPECT_EQ(m1->kind, MergeKind::kNew);
  // The kind now known: a new version.
  auto m2 = merger.Merge(Release("Night Letter", "digital_single", "https://b.test/r"));
  ASSERT_TRUE(m2.ok());
  EXPECT_EQ(m2->kind, MergeKind::kNewVersion);
  EXPECT_EQ(m2->event.version, 2);
  EXPECT_EQ(m2->event.release_kind, "digital_single");
  // Out now.
  Event out = Release("Night Letter", "", "https://c.test/r");
  out.status = "released";
  auto m3 = merger.Merge(out);
  ASSERT_TRUE(m3.ok());
  EXPECT_EQ(m3->kind, MergeKind::kNewVersion);
  EXPECT_EQ(m3->event.status, "released");
  EXPECT_EQ(m3->event.version, 3);
  EXPECT_EQ(m3->event.release_kind, "digital_single");
  // A late "announced" report never downgrades it.
  auto m4 = merger.Merge(Release("Night Letter", "digital_single", "https://d.test/r"));
  ASSERT_TRUE(m4.ok());
  EXPECT_EQ(m4->kind, MergeKind::kSourceAdded);
  EXPECT_EQ(m4->event.status, "released");
  EXPECT_EQ(m4->event.version, 3);
  EXPECT_EQ(m4->event.sources.size(), 4u);
}

TEST(EventMergerNewTypes, CollabPeopleGrowAndCauseIsLearned) {
  MemoryMergeState state;
  EventMerger merger(&state);
  Event first = Collab("Paper Lanterns", {Trio()[0], Trio()[1]});
  first.cause = "";
  ASSERT_TRUE(merger.Merge(first).ok());
  // Another outlet names the same two in the other order and states the cause.
  auto same = merger.Merge(Collab("Paper Lanterns", {Trio()[1], Trio()[0]}, "https://b.test/j"));
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->kind, MergeKind::kNewVersion);
  EXPECT_EQ(same->event.cause, "children's hospital");
  EXPECT_EQ(same->event.version, 2);
  ASSERT_EQ(same->event.people.size(), 2u);
  EXPECT_EQ(same->event.people[0].name, "Seo Ha-rin");  // first-known order kept
  // The same facts again: a source, no version.
  auto again = merger.Merge(Collab("Paper Lanterns", {Trio()[1], Trio()[0]}, "https://c.test/j"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kind, MergeKind::kSourceAdded);
  EXPECT_EQ(again->event.version, 2);
  // A later story names a third participant: a new fact.
  auto more = merger.Merge(Collab("Paper Lanterns", Trio(), "https://d.test/j"));
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(more->kind, MergeKind::kNewVersion);
  EXPECT_EQ(more->event.version, 3);
  ASSERT_EQ(more->event.people.size(), 3u);
  EXPECT_EQ(more->event.people[2].name, "Mira Vale");
  // Released, then a late "announced": no downgrade.
  Event out = Collab("Paper Lanterns", Trio(), "https://e.test/j");
  out.status = "released";
  auto rel = merger.Merge(out);
  ASSERT_TRUE(rel.ok());
  EXPECT_EQ(rel->event.status, "released");
  EXPECT_EQ(rel->event.version, 4);
  auto late = merger.Merge(Collab("Paper Lanterns", Trio(), "https://f.test/j"));
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->event.status, "released");
  EXPECT_EQ(late->event.version, 4);
  EXPECT_EQ(state.size(), 1u);
}

}  // namespace
}  // namespace hallyu

namespace hallyu {
namespace {

// A casting in a project with no title yet (issue 14, round 9): work.title is null in JSON and
// round-trips as ""; the payload validates; its id is person + "untitled" + network, so two
// outlets' reports merge while another network's project or a titled work stays apart.
TEST(EventModel, UntitledCastingIsNullTitleWithAStableId) {
  auto casting = [](const std::string& network, const std::string& url) {
    Event e = Envelope(EventType::kCasting, url);
    e.status = "in_talks";
    e.person = Person("Han Do-yoon", false, true, "한도윤");
    e.work.kind = "drama";
    e.work.network = network;
    e.event_id = ComputeEventId(e);
    return e;
  };
  const Event a = casting("tvN", "https://a.test/1");
  const nlohmann::json j = ToJson(a);
  ASSERT_TRUE(j["work"].is_object());
  EXPECT_TRUE(j["work"]["title"].is_null());
  EXPECT_EQ(j["work"]["network"], "tvN");
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/casting.json", {j.dump()}));
  auto back = EventFromJson(j);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->work.title, "");
  EXPECT_EQ(back->work.network, "tvN");
  EXPECT_EQ(casting("tvN", "https://b.test/2").event_id, a.event_id);
  EXPECT_NE(casting("JTBC", "https://a.test/1").event_id, a.event_id);
  Event titled = a;
  titled.work.title = "Night Letter";
  EXPECT_NE(ComputeEventId(titled), a.event_id);
  // the merger keeps it one event over two sources
  MemoryMergeState state;
  EventMerger merger(&state);
  auto first = merger.Merge(a);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->kind, MergeKind::kNew);
  auto second = merger.Merge(casting("tvN", "https://b.test/2"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->kind, MergeKind::kSourceAdded);
  EXPECT_TRUE(second->event.work.title.empty());
  EXPECT_TRUE(ToJson(second->event)["work"]["title"].is_null());
}

// An OST reported by one outlet with its song, by another without it or with the title in
// translation, is one announcement: the song is learned as a fact, not part of the id.
TEST(EventModel, OstSongIsAFactLearnedNotPartOfTheId) {
  auto ost = [](const std::string& song, const std::string& url) {
    Event e = Envelope(EventType::kOst, url);
    e.person = Person("Seo Ha-rin", true, false, "서하린");
    e.work.title = "Night Letter";
    e.work.kind = "drama";
    e.song = song;
    e.crossover = IsCrossover(e);
    e.event_id = ComputeEventId(e);
    return e;
  };
  const Event bare = ost("", "https://a.test/o1");
  EXPECT_EQ(bare.event_id.rfind("o-", 0), 0u) << bare.event_id;
  EXPECT_EQ(ost("밤의 편지", "https://b.test/o2").event_id, bare.event_id);
  EXPECT_EQ(ost("Letter of the Night", "https://c.test/o3").event_id, bare.event_id);
  Event other_work = bare;
  other_work.work.title = "Morning Letter";
  EXPECT_NE(ComputeEventId(other_work), bare.event_id);

  MemoryMergeState state;
  EventMerger merger(&state);
  auto first = merger.Merge(bare);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->kind, MergeKind::kNew);
  auto named = merger.Merge(ost("밤의 편지", "https://b.test/o2"));
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->kind, MergeKind::kNewVersion);  // the song is now known
  EXPECT_EQ(named->event.version, 2);
  EXPECT_EQ(named->event.song, "밤의 편지");
  auto translated = merger.Merge(ost("Letter of the Night", "https://c.test/o3"));
  ASSERT_TRUE(translated.ok());
  EXPECT_EQ(translated->kind, MergeKind::kSourceAdded);  // the first song name stays
  EXPECT_EQ(translated->event.song, "밤의 편지");
  EXPECT_EQ(translated->event.version, 2);
  EXPECT_EQ(state.size(), 1u);
}

}  // namespace
}  // namespace hallyu
