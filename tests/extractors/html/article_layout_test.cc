// Page layouts that cut the article into several blocks or put longer teaser text beside it
// (issue 16): the whole article must come out, and the blocks around it must stay out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/html/article_extractor.h"

namespace hallyu {
namespace {

// Four parts of one guide, each a heading and two paragraphs of similar length.
const std::vector<std::string> kParts = {
    "The first stop is the old market, where the stalls open at seven, and the vendors sell "
    "rice cakes, fish cakes and warm soy milk to the people going to work.",
    "The second stop is the riverside park, where the path runs for three kilometres, and "
    "the benches face the water so that walkers can rest between the bridges.",
    "The third stop is the small museum of printing, where the guides show the movable type, "
    "and visitors may print a page of their own on the wooden press.",
    "The last stop is the night market by the station, where the food trucks arrive at dusk, "
    "and the queue for the grilled skewers reaches the end of the square."};
const char kSecondParagraph[] =
    "Most visitors spend about an hour here, and the staff speak English and Japanese.";
const char kTeaser[] =
    "Read our guide to the coastal towns, where the ferries leave every hour, the seafood is "
    "sold straight from the boats, the beaches stay quiet until July, and the guesthouses "
    "keep their rooms cheap, clean and close to the harbour all through the spring season.";

// A page-builder layout: each part sits in its own section > row > column > block, so the
// parts are cousins, not siblings, of one another.
std::string PageBuilderGuide() {
  std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/travel\">Travel</a></nav>"
      "<div class=\"page\"><h1>A day in the old town</h1><div class=\"builder-root\">";
  for (std::size_t i = 0; i < kParts.size(); ++i) {
    html +=
        "<section class=\"pb-section\"><div class=\"pb-row\"><div class=\"pb-column\">"
        "<div class=\"pb-block pb-block-text\"><div class=\"pb-inner\"><h2>Stop " +
        std::to_string(i + 1) + "</h2><p>" + kParts[i] + "</p><p>" + kSecondParagraph +
        "</p></div></div></div></div></section>";
  }
  html +=
      "</div><div class=\"related-stories\"><h3>More guides</h3>"
      "<div class=\"teaser\"><p>" +
      std::string(kTeaser) +
      "</p></div></div></div><footer><p>Copyright notice of the travel site, written as "
      "a sentence for the test.</p></footer></body></html>";
  return html;
}

TEST(ArticleLayout, ArticleSplitOverPageBuilderSectionsComesOutWhole) {
  auto doc = ExtractArticle(PageBuilderGuide(), "https://travel.example/old-town");
  ASSERT_TRUE(doc.ok());
  for (const std::string& part : kParts)
    EXPECT_NE(doc->text.find(part), std::string::npos) << "missing: " << part << "\n--- text:\n"
                                                       << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Copyright"), std::string::npos) << doc->text;
}

// Teaser excerpts in a related-stories block, longer than any paragraph of the article, must
// not be taken for the article: a candidate inside boilerplate is not the main text.
TEST(ArticleLayout, LongerTeasersInRelatedStoriesDoNotReplaceTheArticle) {
  const std::string article =
      "<div class=\"c1\"><p>The singer released a new single on Friday.</p>"
      "<p>It is her first song in two years.</p><p>A music video follows next week.</p>"
      "<p>The album is planned for the winter.</p></div>";
  std::string related = "<div class=\"related-stories\">";
  for (int i = 0; i < 2; ++i)
    related += "<div class=\"item\"><p>" + std::string(kTeaser) + "</p></div>";
  related += "</div>";
  auto doc = ExtractArticle("<html><body><div class=\"page\"><h1>New single</h1>" + article +
                                related + "</div></body></html>",
                            "https://music.example/single");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("released a new single"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("planned for the winter"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
}

// Widening must not swallow the page: an article in one block beside several link-free
// blocks of longer text, of another class, in an unnamed column keeps only the article.
TEST(ArticleLayout, OneBlockArticleIsNotWidenedIntoTheBoxesBesideIt) {
  std::string html = "<html><body><div class=\"page\"><div class=\"col-a\"><div class=\"story\">";
  for (const std::string& part : kParts) html += "<p>" + part + "</p>";
  html += "</div></div><div class=\"col-b\">";
  for (int i = 0; i < 4; ++i)
    html += "<div class=\"w\"><div class=\"box\"><p>" + std::string(kTeaser) + "</p><p>" + kTeaser +
            "</p></div></div>";
  html += "</div></div></body></html>";
  auto doc = ExtractArticle(html, "https://travel.example/story");
  ASSERT_TRUE(doc.ok());
  for (const std::string& part : kParts)
    EXPECT_NE(doc->text.find(part), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
}

// A CMS that stores each part of a page as its own "paragraph" entity (Drupal's
// field--item > paragraph > field) puts the lead, the body and a closing box in cousin
// blocks: the best block sits alone in its wrappers, and the lead and the closing section
// in the wrappers beside them must come out with it.
TEST(ArticleLayout, LeadInACousinEntityBlockComesOutWithTheBody) {
  const std::string lead =
      "The city council has approved the new statutes of the harbour museum, which now "
      "becomes a foundation of its own after ten years of planning.";
  const std::string closing =
      "The museum keeps its opening hours, and members keep their cards until the end of "
      "the year, when new ones are sent by post.";
  std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
      "<div class=\"main\"><h1>New statutes</h1><div class=\"field field--name-content\">"
      "<div class=\"field--item\"><div class=\"paragraph paragraph--type--lead\">"
      "<div class=\"lead-block\"><p>" +
      lead +
      "</p></div></div></div>"
      "<div class=\"field--item\"><div class=\"paragraph paragraph--type--image\">"
      "<div class=\"field field--name-image\"><img src=\"/a.jpg\" alt=\"\"></div></div></div>"
      "<div class=\"field--item\"><div class=\"paragraph paragraph--type--text\">"
      "<div class=\"field field--name-text\">";
  for (const std::string& part : kParts) html += "<p>" + part + "</p>";
  html +=
      "</div></div></div><div class=\"field--item\"><div class=\"paragraph "
      "paragraph--type--box\"><div class=\"box-block\"><h4>Opening hours</h4><p>" +
      closing +
      "</p></div></div></div></div></div><div class=\"col-side\"><div class=\"side-block\"><p>" +
      std::string(kTeaser) + "</p></div></div></body></html>";
  auto doc = ExtractArticle(html, "https://city.example/news/statutes");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find(lead), std::string::npos) << doc->text;
  for (const std::string& part : kParts)
    EXPECT_NE(doc->text.find(part), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find(closing), std::string::npos) << doc->text;
  EXPECT_LT(doc->text.find(lead), doc->text.find(kParts[0])) << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
}

// Blocks leading to the next or previous posts, each with a teaser longer than the short
// post itself, are other articles: the post stays the main text and the teasers stay out.
TEST(ArticleLayout, NextPostTeasersLongerThanAShortPostStayOut) {
  std::string html =
      "<html><body><div id=\"container\"><div id=\"headline\"><h1>A comic about "
      "commuters</h1></div><div id=\"story\"><p>The cartoonist drew a strip about the "
      "morning train, the crowd on the platform and the man who always takes two seats, "
      "and it is very funny. Click through for the whole thing.</p></div>"
      "<div id=\"next-post-thumbnails\">";
  for (int i = 0; i < 3; ++i)
    html += "<div class=\"nextstory\"><h2><a href=\"/p" + std::to_string(i) +
            "\">Another post</a></h2><p>" + std::string(kTeaser) + "</p><h3><a href=\"/p" +
            std::to_string(i) + "\">READ THE REST</a></h3></div>";
  html += "</div></div></body></html>";
  auto doc = ExtractArticle(html, "https://blog.example/2013/07/comic");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("Click through for the whole thing."), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
}

// An e-mail address alone in its paragraph is a contact line and dropped — unless the
// sentence before it announces it, as where readers are asked to write.
TEST(ArticleLayout, AddressAnnouncedByTheSentenceBeforeItIsKept) {
  std::string html = "<html><body><div class=\"page\"><h1>Reports wanted</h1><div class=\"c\">";
  for (const std::string& part : kParts) html += "<p>" + part + "</p>";
  html +=
      "<p>To collect the reports, the assembly has already set up a dedicated mailbox:</p>"
      "<p><a href=\"mailto:reports.collect@example.org\">reports.collect@example.org</a></p>"
      "<p>It asks schools to send short and long reports alike, so that the problems of the "
      "new term can be listed and answered together.</p>"
      "<p>Contact the reporter: desk@example.org</p></div></div></body></html>";
  auto doc = ExtractArticle(html, "https://news.example/reports");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("reports.collect@example.org"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("desk@example.org"), std::string::npos) << doc->text;
}

// Some templates wrap the whole story column in an <aside>: the element that microdata names
// the article's body (itemprop="articleBody") is the article all the same, and the page must
// not come out empty.
TEST(ArticleLayout, ArticleBodyMicrodataInsideAnAsideIsTheArticle) {
  std::string html =
      "<html><body><header><nav><a href=\"/\">Home</a> <a href=\"/culture\">Culture</a></nav>"
      "</header><main class=\"content\"><aside class=\"pa direct-content\"><section "
      "class=\"ar-detail\" itemscope itemtype=\"http://schema.org/Article\"><h1 "
      "itemprop=\"headline\">Novel wins the book prize</h1><article><div class=\"ar-text\" "
      "itemprop=\"articleBody\">";
  for (const std::string& part : kParts) html += "<p>" + part + "</p>";
  html += "</div><aside class=\"plista\"><p>" + std::string(kTeaser) +
          "</p></aside></article></section></aside></main><aside class=\"service\"><p>Weather "
          "and traffic for the region, updated every hour.</p></aside></body></html>";
  auto doc = ExtractArticle(html, "https://paper.example/culture/prize");
  ASSERT_TRUE(doc.ok());
  for (const std::string& part : kParts)
    EXPECT_NE(doc->text.find(part), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Weather and traffic"), std::string::npos) << doc->text;
}

// Text right in <body>, outside any block element: a hand-written page whose paragraphs are
// runs of text between <br>s, and a plain-text file served as HTML. No element but <body>
// holds the text: scoring only blocks gave such pages an empty body, or the short box
// beside the text.
TEST(ArticleLayout, TextRightInTheBodyIsTheArticle) {
  const std::string kParts[] = {
      "Our choir sang at the harbour festival on Saturday, and the weather, for once, held "
      "until the last song.",
      "About two hundred people stayed for the second half, which we had rehearsed since "
      "March, and the mayor asked us back for next year.",
      "Rehearsals start again in September, on Tuesdays at seven, in the school hall by the "
      "church."};
  std::string html =
      "<html><head><title>Festival</title></head><body><h1>Harbour festival</h1><a "
      "href=\"/\">Home</a> | <a href=\"/choir\">Choir</a><br><br>";
  for (const std::string& part : kParts) html += part + "<br><br>\n";
  // A short scored box after the text must not win over it.
  html +=
      "<div class=\"box\"><p>Open on Sundays from ten to four, closed in August.</p></div>"
      "<hr><small><a href=\"/contact\">Contact</a></small></body></html>";
  auto doc = ExtractArticle(html, "https://choir.example/festival.html");
  ASSERT_TRUE(doc.ok());
  for (const std::string& part : kParts)
    EXPECT_NE(doc->text.find(part), std::string::npos) << doc->text;

  std::string plain;
  for (const std::string& part : kParts) plain += part + "\n\n";
  auto text = ExtractArticle(plain, "https://choir.example/notes.txt");
  ASSERT_TRUE(text.ok());
  for (const std::string& part : kParts)
    EXPECT_NE(text->text.find(part), std::string::npos) << text->text;
}

// A page whose old template still declares ISO-8859-15 while the site writes UTF-8: the
// body comes out in the letters written, not as "kilÃ³metros".
TEST(ArticleLayout, Utf8BytesUnderAnOldSingleByteLabelComeOutRight) {
  const std::string kText =
      "La Guardia Civil detuvo ayer a dos personas en un hotel a 70 kilómetros de Lyon, "
      "según fuentes de la investigación.";
  const std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=iso-8859-15\"><title>Detenidos</title></head><body><div class=\"noticia\"><p>" +
      kText + "</p><p>" + kText + "</p></div></body></html>";
  auto doc = ExtractArticleFromBody(html, "", "https://diario.example/2012/detenidos.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("70 kilómetros de Lyon"), std::string::npos) << doc->text;
  // Served with a server's default ISO-8859-1 header: the same.
  auto served = ExtractArticleFromBody(html, "text/html; charset=ISO-8859-1",
                                       "https://diario.example/2012/detenidos.html");
  ASSERT_TRUE(served.ok());
  EXPECT_NE(served->text.find("70 kilómetros de Lyon"), std::string::npos) << served->text;
}

// Pages where no block scores or the one that does is skipped for a class word came out
// empty: a recipe whose ingredients and steps are list items, an interview in a definition
// list, old text in <center>, and an article in a wrapper whose class names a sharing
// plugin. The body's text comes out instead, still without navigation, sidebar and footer.
TEST(ArticleLayout, PageWhereNoBlockScoresStillGivesItsText) {
  const std::string kSteps[] = {
      "Beat the butter and the sugar until pale, then add the eggs one by one, beating well "
      "after each.",
      "Fold in the ground almonds and the flour, cover the bowl and leave the dough in the "
      "fridge for an hour.",
      "Roll small balls, press an almond into each and bake them for twelve minutes, until "
      "golden at the edges."};
  const std::string kFrame[2] = {
      "<html><head><title>Recipe</title></head><body><nav><a href=\"/\">Home</a> <a "
      "href=\"/recipes\">Recipes</a></nav><main>",
      "</main><div class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/a\">Ten soups for "
      "the winter</a></li><li><a href=\"/b\">Our best bread</a></li></ul></div><footer><p>All "
      "recipes tested in our own kitchen since 2009.</p></footer></body></html>"};
  std::string steps;
  for (const std::string& s : kSteps) steps += "<li>" + s + "</li>";
  const std::string bodies[] = {
      // Recipe: ingredients and steps in lists, no paragraph anywhere.
      "<div class=\"recipe\"><h2>Almond biscuits</h2><ul class=\"ingredients-list\"><li>200 g "
      "butter, soft</li><li>150 g sugar</li><li>2 eggs</li></ul><ol class=\"steps-list\">" +
          steps + "</ol></div>",
      // Interview as a definition list.
      "<dl><dt>How did you start?</dt><dd>" + kSteps[0] + "</dd><dt>And then?</dt><dd>" +
          kSteps[1] + "</dd><dd>" + kSteps[2] + "</dd></dl>",
      // Old text in <center>, split by <br>.
      "<center>" + kSteps[0] + "<br><br>" + kSteps[1] + "<br><br>" + kSteps[2] + "</center>",
      // An article wrapper named by a sharing plugin.
      "<div class=\"entry social-ready\"><p>" + kSteps[0] + "</p><p>" + kSteps[1] + "</p><p>" +
          kSteps[2] + "</p></div>"};
  for (const std::string& body : bodies) {
    auto doc = ExtractArticle(kFrame[0] + body + kFrame[1], "https://kitchen.example/biscuits");
    ASSERT_TRUE(doc.ok());
    for (const std::string& s : kSteps)
      EXPECT_NE(doc->text.find(s), std::string::npos) << body << "\n--\n" << doc->text;
    EXPECT_EQ(doc->text.find("Most read"), std::string::npos) << doc->text;
    EXPECT_EQ(doc->text.find("Ten soups"), std::string::npos) << doc->text;
    EXPECT_EQ(doc->text.find("own kitchen"), std::string::npos) << doc->text;
    EXPECT_EQ(doc->text.find("Recipes"), std::string::npos) << doc->text;
  }
}

// Articles in sibling sections that score less than the best one: a product test whose
// intro and verdict sit beside its longer body, and a recipe post whose card (ingredients,
// then the steps as an ordered list) follows the intro. The author's box beside them is not
// part of the article, and neither is the sidebar.
TEST(ArticleLayout, SiblingSectionsOfATestAndARecipeComeOutWithTheBody) {
  const std::string kIntro =
      "We carried the new trail shoe for three weeks, on forest paths, gravel and one wet "
      "mountain weekend.";
  const std::string kVerdict =
      "It grips well and dries quickly, but the sole wears fast on asphalt, so it suits "
      "runners who stay off roads.";
  const std::string kBody[] = {
      "The upper is a single layer of mesh, light and airy, with a stiff heel cup that holds "
      "the foot on descents.",
      "On wet rock the lugs held better than last year's model, though mud packed into them "
      "on clay, and cleaning took a while.",
      "After two hundred kilometres the outsole showed wear at the toe, which is early for a "
      "shoe at this price."};
  std::string review =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/tests\">Tests</a></nav><main><div "
      "class=\"review\"><div class=\"intro\"><p>" +
      kIntro +
      "</p></div><div class=\"pros-cons\"><ul><li>Good grip</li><li>Dries fast</li></ul>"
      "</div><div class=\"verdict\"><h2>Verdict</h2><p>" +
      kVerdict + "</p></div><div class=\"body\">";
  for (const std::string& b : kBody) review += "<p>" + b + "</p>";
  review +=
      "</div><div class=\"authorbox\"><p>Anna tests running gear for us, has run eleven "
      "marathons and lives by the lake with two dogs.</p></div></div></main><div "
      "class=\"sidebar\"><p><a href=\"/a\">Ten best rain jackets of the year</a></p></div>"
      "</body></html>";
  auto doc = ExtractArticle(review, "https://gear.example/tests/trail-shoe");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find(kIntro), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find(kVerdict), std::string::npos) << doc->text;
  for (const std::string& b : kBody) EXPECT_NE(doc->text.find(b), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("eleven marathons"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("rain jackets"), std::string::npos) << doc->text;

  const std::string kSteps[] = {
      "Heat the oven to 180 degrees, line two trays with paper and take the butter out of the "
      "fridge an hour before.",
      "Mix the flour, sugar and salt in a large bowl, then rub in the butter with your fingers "
      "until it looks like sand.",
      "Bake for twelve to fifteen minutes, turning the trays halfway, and let the biscuits cool "
      "on a rack before storing them."};
  std::string recipe =
      "<html><body><main><div class=\"post-intro\"><p>" + kIntro + "</p><p>" + kVerdict +
      "</p></div><div class=\"recipe-card\"><h2>Shortbread</h2><ul><li>250 g flour</li><li>"
      "100 g sugar</li><li>200 g butter</li></ul><ol>";
  for (const std::string& s : kSteps) recipe += "<li>" + s + "</li>";
  recipe += "</ol></div></main></body></html>";
  auto card = ExtractArticle(recipe, "https://kitchen.example/shortbread");
  ASSERT_TRUE(card.ok());
  EXPECT_NE(card->text.find(kIntro), std::string::npos) << card->text;
  for (const std::string& s : kSteps)
    EXPECT_NE(card->text.find(s), std::string::npos) << card->text;
}

// A how-to whose steps are each in their own wrapper, the first step's block marked by a
// second class word (`class="content lead"`, the others `class="content"`): the steps are
// one article although the best block's class is not exactly theirs.
TEST(ArticleLayout, StepsWhoseFirstBlockHasAnExtraClassWordComeOutTogether) {
  const std::string kSteps[] = {
      "Soak the foam block in a bowl of water for ten minutes, until it sinks by itself, and "
      "then let it drain on a towel while you choose a glass jar wide enough for your hand.",
      "Press the wet foam into the bottom of the jar, and cover it with a thin layer of moss, "
      "pushing it down gently.",
      "Cut the stems of the small plants short, and set them into the foam, tallest at the "
      "back, so that each one shows.",
      "Fill the gaps with more moss, or with pebbles, and place the jar in a bright spot, out "
      "of direct sun.",
      "Mist the moss twice a week, and trim any leaves that touch the glass, so that the jar "
      "stays clear."};
  std::string html =
      "<html><body><div class=\"page\"><div class=\"col-main\"><header><h1>Make a jar "
      "garden</h1></header>";
  bool first = true;
  for (const std::string& s : kSteps) {
    html += std::string(
                "<div class=\"mod step\"><div class=\"stepContent\"><span "
                "class=\"num\">Step</span><div class=\"") +
            (first ? "content lead" : "content") + "\"><p>" + s + "</p></div></div></div>";
    first = false;
  }
  html +=
      "</div><div class=\"col-side\"><div class=\"related\"><a href=\"/a\">Ten houseplants "
      "that need no light</a></div></div></div></body></html>";
  auto doc = ExtractArticle(html, "https://howto.example/jar-garden");
  ASSERT_TRUE(doc.ok());
  for (const std::string& s : kSteps) EXPECT_NE(doc->text.find(s), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("houseplants"), std::string::npos) << doc->text;
}

// A list the template names as one ("ingredients-list", "spec-list") inside the article
// holds its text: a recipe's ingredients, a test's specifications. Only lists of links (other
// stories) or lists named as boilerplate too ("tag-list") stay out.
TEST(ArticleLayout, NamedListOfTextInTheArticleIsKept) {
  const std::string kIntro[] = {
      "This shortbread keeps for two weeks in a tin, and it needs only three ingredients, which "
      "most kitchens have.",
      "Use cold butter, and do not knead the dough for long, or the biscuits will be hard "
      "instead of crumbly."};
  const std::string html =
      "<html><body><main><div class=\"post-body\"><p>" + kIntro[0] + "</p><p>" + kIntro[1] +
      "</p><ul class=\"ingredients-list\"><li>250 g plain flour</li><li>100 g caster "
      "sugar</li><li>200 g salted butter</li></ul><ul class=\"tag-list\"><li>baking</li>"
      "<li>biscuits</li></ul></div></main><div class=\"col\"><ul class=\"news-list\"><li><a "
      "href=\"/a\">Ten soups for the winter evenings</a></li><li><a href=\"/b\">Our best bread "
      "for beginners</a></li></ul></div></body></html>";
  auto doc = ExtractArticle(html, "https://kitchen.example/shortbread");
  ASSERT_TRUE(doc.ok());
  for (const std::string& p : kIntro) EXPECT_NE(doc->text.find(p), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("100 g caster sugar"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("biscuits\n"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Ten soups"), std::string::npos) << doc->text;
}

// A list post whose lead is written as an <h2> above the first picture, in an item of the
// same component as the text items ("item item--image" beside "item item--text"): headings
// do not score as paragraphs, but a heading that is a sentence is text of the article.
TEST(ArticleLayout, LeadWrittenAsAHeadingInAnItemOfTheListPostIsKept) {
  const std::string kLead =
      "The owners of a small bakery in Busan say a queue of three hundred people formed "
      "outside their door before the sun came up on Saturday.";
  const std::string kBody[] = {
      "The bakery, which opened in 1987, had posted a photograph of its red bean bread on a "
      "Friday evening, and by the next morning the picture had been shared forty thousand "
      "times.",
      "\u201cWe baked until our arms hurt, and we still sent people home without bread,\u201d "
      "the owner said, adding that the shop would open an hour earlier for the rest of the "
      "month.",
      "Neighbours said the queue stretched past the fish market and around the corner of the "
      "post office, and that many of the people in it had travelled from Seoul."};
  const std::string html =
      "<html><body><div class=\"page\"><article><h1>Queue at a Busan bakery</h1><div "
      "class=\"list-body\"><div class=\"sub-item sub-item--image wide\"><h2>" +
      kLead +
      "</h2><div class=\"media\"><img src=\"/a.jpg\"><p class=\"print\"><a "
      "href=\"/a.jpg\">View this image</a></p></div></div><div class=\"sub-item "
      "sub-item--text wide\"><p>" +
      kBody[0] + "</p><p>" + kBody[1] + "</p></div><div class=\"sub-item sub-item--text\"><p>" +
      kBody[2] +
      "</p></div></div></article><div class=\"sidebar\"><div class=\"promo\"><a "
      "href=\"/b\">Ten bakeries worth the train ride</a></div></div></div></body></html>";
  auto doc = ExtractArticle(html, "https://news.example/busan-bakery");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find(kLead), std::string::npos) << doc->text;
  for (const std::string& p : kBody) EXPECT_NE(doc->text.find(p), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Ten bakeries"), std::string::npos) << doc->text;
}

// A negated state word in a class ("no-caption", "no_sidebar", "without-ads") says the block
// lacks the thing; it is not the thing. The article's block must not be dropped for it.
TEST(ArticleLayout, NegatedClassWordDoesNotReadAsBoilerplate) {
  const std::string kText[] = {
      "The ferry to Jeju will run twice a day from next month, the operator said on Monday, "
      "after a winter in which storms cancelled one crossing in three.",
      "Tickets go on sale on Friday, and the operator said that passengers with cars should "
      "book early because the deck holds only forty vehicles."};
  const std::string html =
      "<html><body><div class=\"wrap\"><h1>Jeju ferry</h1><div class=\"story-part "
      "no-caption\"><p>" +
      kText[0] + "</p></div><div class=\"story-part no_sidebar\"><p>" + kText[1] +
      "</p></div><div class=\"caption\"><p>Photo of the harbour at dawn taken from the "
      "hill.</p></div></div></body></html>";
  auto doc = ExtractArticle(html, "https://news.example/jeju-ferry");
  ASSERT_TRUE(doc.ok());
  for (const std::string& p : kText) EXPECT_NE(doc->text.find(p), std::string::npos) << doc->text;
}

// Documentation generators name each section after its heading
// (`id="when-two-people-share-it"`, or with a suffix that keeps anchors apart: "-2",
// "-q8sJuw"): the words are the text's, so "share" in them is no sharing block. A template's
// short `id="related-posts"` still is.
TEST(ArticleLayout, SectionNamedAfterItsHeadingIsNoBoilerplate) {
  const std::string kText[] = {
      "Before the change is pushed, each developer amends it locally, so the history that "
      "reaches the server is already clean and nobody has to rebase their own work again.",
      "When two people amend the same change, the tool keeps both versions and asks the second "
      "person which one to keep, instead of silently dropping the older of the two edits.",
      "A shared server accepts the amended change only from the person who pushed it first, "
      "and everybody else gets a message that tells them whose version is on the server."};
  const std::string html =
      "<html><body><div class=\"topnav\"><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a>"
      "</div><div class=\"content\"><div class=\"section\" id=\"amending-a-change\"><h1>"
      "Amending a change<a class=\"headerlink\" href=\"#amending\">\xC2\xB6</a></h1><p>" +
      kText[0] +
      "</p><div class=\"section\" id=\"when-two-people-share-it\"><h2>When two people share "
      "it<a class=\"headerlink\" href=\"#when\">\xC2\xB6</a></h2><p>" +
      kText[1] +
      "</p></div><div class=\"section\" id=\"a-shared-server-for-the-team-q8sJuw\"><h2>A "
      "shared server for the team</h2><p>" +
      kText[2] +
      "</p></div></div><div id=\"related-posts\"><h3>Related posts</h3><p>Our other guide on "
      "branches and how they are merged after review by the team.</p></div></div>"
      "</body></html>";
  auto doc = ExtractArticle(html, "https://docs.example/sharing");
  ASSERT_TRUE(doc.ok());
  for (const std::string& p : kText) EXPECT_NE(doc->text.find(p), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Our other guide"), std::string::npos) << doc->text;
}

// A weekly report lists what landed, each item a linked bug title and a sentence about it:
// more than a third of the list is link text, but every item carries its own words. A menu
// beside it (items that are only links) still goes.
TEST(ArticleLayout, ListWhoseItemsAreSentencesAroundLinksIsKept) {
  const std::string html =
      "<html><body><ul class=\"menu\"><li><a href=\"/a\">Archive of old issues</a></li>"
      "<li><a href=\"/b\">Contributors and owners</a></li></ul><article class=\"post\">"
      "<h1>These weeks in the browser</h1><p>Here is what the team landed over the last two "
      "weeks, with thanks to everyone who sent a patch, reviewed one or filed a bug.</p>"
      "<ul><li><a href=\"/1\">Bug 1553982, update lock for profiles</a> landed, which stops an "
      "update from starting while another window is open.</li><li><a href=\"/2\">Smarter tab "
      "unloading in low memory</a> now picks the oldest tabs first when the machine runs "
      "short.</li><li>Thanks to <a href=\"/3\">Mia Park and Joon Lee</a>, the profiler has "
      "documentation for its new panel.</li></ul><p>That is all for this time, and the next "
      "report will come out in two weeks after the holiday break for most of the team.</p>"
      "</article></body></html>";
  auto doc = ExtractArticle(html, "https://blog.example/these-weeks");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("landed, which stops an update"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("now picks the oldest tabs first"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("the profiler has documentation"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Contributors and owners"), std::string::npos) << doc->text;
}

// A news site cuts the story into several `div.story-body` blocks between ad and "continue
// reading" slots, each with the strong class word: all of them are the story, in page order.
// The same class on a teaser of another story further away stays out.
TEST(ArticleLayout, StoryCutIntoSeveralStrongBlocksComesOutWhole) {
  const std::string kText[] = {
      "The ferry company agreed on Monday to sell its two oldest boats to a shipyard in Busan, "
      "which will take them apart for steel over the next year, the company said.",
      "The sale is done in two steps: first the boats move to a new subsidiary, and then the "
      "subsidiary is sold, which lets the company keep the routes and the crews.",
      "Analysts said the price was low, but that the boats would have needed new engines "
      "within three years, and the company had no money set aside for that at all."};
  const std::string html =
      "<html><body><main><article id=\"story\"><h1>Ferry boats sold</h1>"
      "<div class=\"story-body-supplemental\"><div class=\"story-body\"><p>" +
      kText[0] +
      "</p></div></div><div class=\"story-ad\"><a href=\"/ad\">Ad</a></div>"
      "<div class=\"story-body-supplemental\"><div class=\"story-body\"><p>" +
      kText[1] + "</p><p>" + kText[2] +
      "</p><p>A company spokesman declined to say how many workers would move with the boats "
      "to the new subsidiary, or what would happen to the ticket office.</p></div></div>"
      "</article></main><div class=\"rail\"><div class=\"teasers\"><div class=\"box\">"
      "<div class=\"story-body\"><p>Another story about a bridge that will close for repairs "
      "in the spring, with buses running across the river instead.</p></div></div></div></div>"
      "</body></html>";
  auto doc = ExtractArticle(html, "https://news.example/ferry-sale");
  ASSERT_TRUE(doc.ok());
  std::size_t last = 0;
  for (const std::string& p : kText) {
    const std::size_t at = doc->text.find(p);
    ASSERT_NE(at, std::string::npos) << doc->text;
    EXPECT_GE(at, last) << doc->text;
    last = at;
  }
  EXPECT_EQ(doc->text.find("bridge that will close"), std::string::npos) << doc->text;
}

// A definition list of terms in the article marks its terms `class="subheaders"`: section
// headings of the text, not the page's header.
TEST(ArticleLayout, SubheaderClassIsNoPageHeader) {
  const std::string html =
      "<html><body><div class=\"header\"><a href=\"/\">Handbook</a></div><main><section "
      "id=\"chapter\"><h1>Watching a service</h1><p>Before we start, a few words used in the "
      "rest of this chapter, since teams use them in slightly different ways, and we want one "
      "meaning for each.</p><dl><dt class=\"subheaders\">White-box checks</dt><dd>Checks "
      "based on numbers the service reports about itself, such as its logs and counters, which "
      "show trouble before users see it.</dd><dt class=\"subheaders\">Black-box checks</dt>"
      "<dd>Checks that test what a user sees from outside, which only fire when something is "
      "already broken for somebody.</dd></dl></section></main></body></html>";
  auto doc = ExtractArticle(html, "https://book.example/watching");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("White-box checks"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("Black-box checks"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Handbook"), std::string::npos) << doc->text;
}

// The layout row around the post column and its sidebar is named for the sidebar
// ("container_wrap sidebar_right"): it holds the page's <main> beside an <aside> with more
// text than the post, so it is the layout, not the sidebar, and the post inside comes out.
TEST(ArticleLayout, RowNamedForItsSidebarAroundTheMainColumnIsTheLayout) {
  const std::string html =
      "<html><body><div class=\"stretch_full\"><div class=\"title_container\"><span>You are here: "
      "News / Drama / The new season</span></div></div>"
      "<div class=\"container_wrap main_color sidebar_right\"><div class=\"container\">"
      "<main class=\"content\"><article class=\"post\"><h1>The pharmacy drama returns</h1>"
      "<div class=\"text\"><p>The drama about a night-shift pharmacist returns in May, "
      "and the whole cast, from the pharmacist to the bus driver, signed on again.</p><p>The "
      "writers kept the seaside town, the late-night customers and the quiet humour, and added "
      "two regulars: a retired nurse and a student who works the counter.</p><p>Filming ended "
      "in December, and the broadcaster booked the Friday slot for twelve weeks.</p></div>"
      "</article></main><aside class=\"sidebar\"><div class=\"inner_sidebar\"><h3>Most read"
      "</h3><p><a href=\"/a\">A variety show changes its host</a></p><p><a href=\"/b\">Ten cafes "
      "near the "
      "studio that fans visit, from the bakery by the ferry to the tea house on the hill</a></p>"
      "<p><a href=\"/c\">Where the cast had dinner after the last day of filming</a>, and what "
      "they ordered.</p>"
      "<p><a href=\"/d\">The idol who learned to cook for a role, and the three dishes she "
      "now makes at home for her group</a></p><p>Which drama sets are open to visitors this "
      "summer, with "
      "the hours, the tickets and the <a href=\"/e\">bus lines that stop "
      "nearby</a>.</p></div></aside></div></div>"
      "</body></html>";
  auto doc = ExtractArticle(html, "https://news.example/drama/pharmacy");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("returns in May"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("booked the Friday slot"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("You are here"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Ten cafes"), std::string::npos) << doc->text;
}

// A ministry's news page: a short intro box with a class word that names text ("c-intro__text")
// outscores the report below it, whose paragraphs sit in an unnamed column of another row.
// The intro is a short block, and the content area around it holds several times its
// paragraph text: the whole report comes out.
TEST(ArticleLayout, ShortIntroBoxWidensToTheReportAroundIt) {
  const std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/press\">Press</a></nav>"
      "<div id=\"content\" class=\"content\"><div class=\"row\"><div class=\"small-12\">"
      "<div class=\"c-intro\"><div class=\"c-intro__hero\"><img src=\"a.jpg\">"
      "<span>Forum hall</span></div><div class=\"c-intro__text\"><p>Two days of talks "
      "about volunteers in the countryside ended on Friday with a list of twelve proposals "
      "for the next budget, from simpler grants for clubs to a help desk for treasurers of "
      "small associations.</p></div></div></div></div>"
      "<div class=\"row align-center\"><div class=\"small-12 medium-10\">"
      "<p>More than three hundred guests from clubs, fire brigades and village shops came "
      "to the forum to describe what keeps volunteers going and what drives them away.</p>"
      "<p>The most common wish was less paperwork for small associations, followed by "
      "cheaper insurance for helpers and a fund for buses to reach remote villages.</p>"
      "<p>The minister promised to answer every proposal in writing before the summer and to "
      "invite the speakers again next year to report on what has changed since.</p>"
      "</div></div></div><footer><p>Federal ministry, press office, Berlin.</p></footer>"
      "</body></html>";
  auto doc = ExtractArticle(html, "https://ministry.example/press/forum");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("Two days of talks"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("three hundred guests"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("answer every proposal"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("press office"), std::string::npos) << doc->text;
}

// The same ministry page where the report's column also carries the site's link modules
// below the text (a slideshow of publications, a keyword list): links make up over a third of
// the column's text but well under half, and the column still holds several times the intro's
// paragraph text, so the report comes out without the modules' link titles.
TEST(ArticleLayout, ShortIntroBoxWidensOverLinkModulesBelowTheReport) {
  std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/press\">Press</a></nav>"
      "<div id=\"content\" class=\"content\"><div class=\"row\"><div class=\"small-12\">"
      "<div class=\"c-intro\"><h1>Forum on rural volunteering</h1><div "
      "class=\"c-intro__text\"><p>Two days of talks about volunteers in the countryside ended "
      "on Friday with twelve proposals for the next budget.</p></div></div>"
      "<p>More than three hundred guests from clubs, fire brigades and village shops came to "
      "the forum to describe what keeps volunteers going and what drives them away.</p>"
      "<p>The most common wish was less paperwork for small associations, followed by cheaper "
      "insurance for helpers and a fund for buses to reach remote villages.</p>"
      "<p>The minister promised to answer every proposal in writing before the summer.</p>"
      "<div class=\"c-module\"><div class=\"c-module-caption\">Publications</div>"
      "<div class=\"row js-slideshow\">";
  const char* titles[] = {"Village shops as meeting places: a practical handbook",
                          "Insurance for volunteers explained in ten questions",
                          "Funding programme for rural mobility, guidelines 2026",
                          "Annual report on civic engagement in the countryside",
                          "Broadband in villages: what has been reached so far",
                          "Clubs and associations: the new register explained",
                          "Village halls: a fund for repairs and new kitchens"};
  for (const char* t : titles)
    html += std::string("<div class=\"c-slide\"><a href=\"/pub\">") + t + "</a></div>";
  html +=
      "</div></div></div></div></div><footer><p>Federal ministry, press office, "
      "Berlin.</p></footer></body></html>";
  auto doc = ExtractArticle(html, "https://ministry.example/press/forum-2");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("Two days of talks"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("three hundred guests"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("cheaper insurance"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("press office"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Village halls"), std::string::npos) << doc->text;
}

// A column that ends with a label line ("More on this topic:") above a list of links to other
// stories: the list is left out as links, so the label introduces nothing and goes too. A
// label inside the text, above a list of sentences that stays, is kept.
TEST(ArticleLayout, LabelAboveLeftOutLinksAtTheEndGoesWithThem) {
  const std::string html =
      "<html><body><nav><a href=\"/\">Home</a></nav><div class=\"post\"><h1>Coal exit "
      "moved</h1><div class=\"text-inner\">"
      "<p>The state government agreed on Tuesday to close the last two coal plants three years "
      "earlier than planned, after a long night of talks with the unions.</p>"
      "<p>Three things change for the workers:</p><ul><li>The training fund doubles to twenty "
      "million euros a year.</li><li>Workers over fifty-five may retire two years early.</li>"
      "<li>The plants keep their canteens open until the last shift.</li></ul>"
      "<p>The opposition called the plan late but welcome, and asked for a vote in the "
      "regional parliament before the summer break.</p>"
      "<p><strong>More on this topic:</strong></p><ul>"
      "<li><a href=\"/a\">Wind farms in the north wait for their grid connection</a></li>"
      "<li><a href=\"/b\">What the coal exit means for electricity prices</a></li>"
      "<li><a href=\"/c\">Mining towns look for new employers</a></li></ul></div></div>"
      "<footer><p>Energy desk, all rights with the authors.</p></footer></body></html>";
  auto doc = ExtractArticle(html, "https://energy.example/coal-exit");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("close the last two coal plants"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("Three things change for the workers:"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("before the summer break"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("More on this topic"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Mining towns"), std::string::npos) << doc->text;
}

// A personal essay in an unnamed column, with two highlighted boxes whose class names the
// post's content ("post-content-format--color-block"): the boxes are the only strong blocks,
// but they hold no paragraph of the column's text, so the column around them comes out.
TEST(ArticleLayout, HighlightBoxesNamedAsPostContentWidenToTheEssayAroundThem) {
  std::string html =
      "<html><body><nav><a href=\"/\">Magazine</a></nav><article class=\"col-12\">"
      "<div class=\"post-single-content\"><h1>Where I come from</h1>";
  const char* paras[] = {
      "I wanted to write this text for years, but every time I started, it sounded like a "
      "complaint, and I did not want to complain about a childhood that was mostly happy.",
      "Today I see it differently: the questions at school were not cruel, they were only "
      "tiring, and it took me a long time to understand why they tired me so much.",
      "My mother answered them for me when I was small; later I made up short answers of "
      "my own, and later still I stopped answering and asked a question back.",
      "Now I teach, and when a pupil asks me where I really come from, I tell the whole "
      "story, with the village, the ferry and the two languages we spoke at home."};
  for (int i = 0; i < 4; ++i) {
    html += std::string("<p>") + paras[i] + "</p>";
    if (i == 1 || i == 3)
      html +=
          "<div class=\"post-content-format--color-block\"><div>\"You are too light for "
          "there and too dark for here,\" a friend once said, laughing, and I laughed "
          "with her.</div></div>";
  }
  html += "</div></article><footer><p>Magazine GmbH, Hamburg.</p></footer></body></html>";
  auto doc = ExtractArticle(html, "https://mag.example/where-i-come-from");
  ASSERT_TRUE(doc.ok());
  for (const char* p : paras) EXPECT_NE(doc->text.find(p), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Magazine GmbH"), std::string::npos) << doc->text;
}

}  // namespace
}  // namespace hallyu
