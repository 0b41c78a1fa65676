#include "extractors/html/document.h"

namespace hallyu {

nlohmann::json ToJson(const Document& doc) {
  nlohmann::json j = nlohmann::json::object();
  j["url"] = doc.url;
  j["canonical_url"] = doc.canonical_url;
  j["title"] = doc.title;
  j["text"] = doc.text;
  j["lead"] = doc.lead;
  j["published_at"] = doc.published_at;
  j["updated_at"] = doc.updated_at;
  j["authors"] = doc.authors;
  j["lang"] = doc.lang;
  j["site_name"] = doc.site_name;
  j["section"] = doc.section;
  j["image"] = doc.image;
  j["tags"] = doc.tags;
  j["links"] = doc.links;
  j["metadata"] = doc.metadata;
  return j;
}

}  // namespace hallyu
