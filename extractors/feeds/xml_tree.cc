#include "extractors/feeds/xml_tree.h"

#include <algorithm>
#include <initializer_list>

#include "extractors/text/markup_text.h"

namespace hallyu {
namespace {

struct KnownNamespace {
  std::string_view uri;
  std::string_view prefix;  // "" = no prefix
};

constexpr KnownNamespace kKnownNamespaces[] = {
    {"http://www.w3.org/2005/atom", "atom"},
    {"http://purl.org/atom/ns#", "atom"},
    {"http://purl.org/rss/1.0/", ""},
    {"http://my.netscape.com/rdf/simple/0.9/", ""},
    {"http://backend.userland.com/rss2", ""},
    {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"},
    {"http://purl.org/rss/1.0/modules/content/", "content"},
    {"http://purl.org/dc/elements/1.1/", "dc"},
    {"http://purl.org/dc/terms/", "dcterms"},
    {"http://search.yahoo.com/mrss/", "media"},
    {"http://search.yahoo.com/mrss", "media"},
    {"http://www.youtube.com/xml/schemas/2015", "yt"},
    {"http://www.google.com/schemas/sitemap-news/0.9", "news"},
    {"http://www.sitemaps.org/schemas/sitemap/0.9", ""},
    {"http://www.google.com/schemas/sitemap/0.84", ""},
    {"http://www.google.com/schemas/sitemap-image/1.1", "image"},
    {"http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"},
    {"http://purl.org/rss/1.0/modules/slash/", "slash"},
    {"http://wellformedweb.org/commentapi/", "wfw"},
    {"http://www.w3.org/1999/xhtml", "xhtml"},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsNameChar(char c) { return !IsSpace(c) && c != '/' && c != '>' && c != '<' && c != '='; }

struct Frame {
  XmlNode* node;
  std::string raw_name;  // lower-cased as written, for matching end tags
  size_t ns_count;       // size of the namespace stack when opened
};

class Reader {
 public:
  Reader(std::string_view s, const XmlParseOptions& o) : s_(s), opts_(o) {}

  Result<XmlNode> Run() {
    XmlNode root;
    root.name = "#document";
    stack_.push_back({&root, "#document", 0});
    while (i_ < s_.size()) {
      if (s_[i_] == '<') {
        HALLYU_RETURN_IF_ERROR(Markup());
      } else {
        size_t end = s_.find('<', i_);
        if (end == std::string_view::npos) end = s_.size();
        HALLYU_RETURN_IF_ERROR(AddText(DecodeCharRefs(s_.substr(i_, end - i_))));
        i_ = end;
      }
    }
    if (elements_ == 0) return ParseError("no XML element found");
    return root;
  }

 private:
  Status CountNode() {
    if (++nodes_ > opts_.max_nodes) {
      return TooLarge("XML has more than " + std::to_string(opts_.max_nodes) + " nodes");
    }
    return Status::Ok();
  }

  Status AddText(std::string text) {
    if (text.empty()) return Status::Ok();
    XmlNode* top = stack_.back().node;
    if (top == stack_.front().node) return Status::Ok();  // text outside the root element
    if (!top->children.empty() && top->children.back().is_text()) {
      top->children.back().text += text;
      return Status::Ok();
    }
    HALLYU_RETURN_IF_ERROR(CountNode());
    XmlNode t;
    t.text = std::move(text);
    top->children.push_back(std::move(t));
    return Status::Ok();
  }

  // Skips to just past `terminator` (or to the end).
  void SkipPast(std::string_view terminator) {
    size_t end = s_.find(terminator, i_);
    i_ = end == std::string_view::npos ? s_.size() : end + terminator.size();
  }

  Status Markup() {
    std::string_view rest = s_.substr(i_);
    if (rest.starts_with("<!--")) {
      i_ += 4;
      SkipPast("-->");
      return Status::Ok();
    }
    if (rest.starts_with("<![CDATA[")) {
      i_ += 9;
      size_t end = s_.find("]]>", i_);
      if (end == std::string_view::npos) end = s_.size();
      std::string text(s_.substr(i_, end - i_));
      i_ = std::min(s_.size(), end + 3);
      return AddText(std::move(text));
    }
    if (rest.starts_with("<!")) {
      SkipDeclaration();
      return Status::Ok();
    }
    if (rest.starts_with("<?")) {
      i_ += 2;
      SkipPast("?>");
      return Status::Ok();
    }
    if (rest.size() > 1 && rest[1] == '/') {
      EndTag();
      return Status::Ok();
    }
    if (rest.size() > 1 && IsNameStart(rest[1])) return StartTag();
    ++i_;
    return AddText("<");  // a stray '<' in text
  }

  // <!DOCTYPE ...> with an optional [internal subset]: skipped unread, so no entity
  // declared there is ever expanded.
  void SkipDeclaration() {
    int bracket = 0;
    char quote = 0;
    for (i_ += 2; i_ < s_.size(); ++i_) {
      char c = s_[i_];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++bracket;
      } else if (c == ']') {
        if (bracket > 0) --bracket;
      } else if (c == '>' && bracket == 0) {
        ++i_;
        return;
      }
    }
  }

  void EndTag() {
    size_t start = i_ + 2;
    size_t j = start;
    while (j < s_.size() && IsNameChar(s_[j])) ++j;
    std::string raw = Lower(s_.substr(start, j - start));
    size_t gt = s_.find('>', j);
    i_ = gt == std::string_view::npos ? s_.size() : gt + 1;
    // Pop to the nearest open element of that name; an unmatched end tag is ignored.
    for (size_t k = stack_.size(); k-- > 1;) {
      if (stack_[k].raw_name == raw) {
        ns_.resize(stack_[k].ns_count);
        stack_.resize(k);
        return;
      }
      if (stack_.size() - k > 64) return;
    }
  }

  std::string_view LookupNamespace(std::string_view prefix, bool* found) const {
    for (size_t k = ns_.size(); k-- > 0;) {
      if (ns_[k].first == prefix) {
        *found = true;
        return ns_[k].second;
      }
    }
    *found = false;
    return {};
  }

  std::string Canonical(const std::string& raw) const {
    size_t colon = raw.find(':');
    std::string_view prefix =
        colon == std::string::npos ? std::string_view() : std::string_view(raw).substr(0, colon);
    std::string_view local = colon == std::string::npos ? std::string_view(raw)
                                                        : std::string_view(raw).substr(colon + 1);
    bool found = false;
    std::string_view uri = LookupNamespace(prefix, &found);
    if (found) {
      std::string u = Lower(uri);
      for (const KnownNamespace& k : kKnownNamespaces) {
        if (u == k.uri) {
          return k.prefix.empty() ? std::string(local)
                                  : std::string(k.prefix) + ":" + std::string(local);
        }
      }
    }
    if (prefix.empty()) return std::string(local);
    return raw;  // unknown or undeclared prefix: as written
  }

  Status StartTag() {
    size_t j = i_ + 1;
    while (j < s_.size() && IsNameChar(s_[j])) ++j;
    std::string raw = Lower(s_.substr(i_ + 1, j - i_ - 1));
    XmlNode el;
    bool self_closing = false;
    size_t ns_before = ns_.size();
    while (j < s_.size()) {
      while (j < s_.size() && IsSpace(s_[j])) ++j;
      if (j >= s_.size()) break;
      char c = s_[j];
      if (c == '>') {
        ++j;
        break;
      }
      if (c == '/' && j + 1 < s_.size() && s_[j + 1] == '>') {
        self_closing = true;
        j += 2;
        break;
      }
      if (c == '<') break;  // unclosed tag: the next markup starts here
      if (c == '/' || c == '=' || c == '"' || c == '\'') {
        ++j;
        continue;
      }
      size_t ns = j;
      while (j < s_.size() && IsNameChar(s_[j]) && s_[j] != '"' && s_[j] != '\'') ++j;
      std::string aname = Lower(s_.substr(ns, j - ns));
      while (j < s_.size() && IsSpace(s_[j])) ++j;
      std::string value;
      if (j < s_.size() && s_[j] == '=') {
        ++j;
        while (j < s_.size() && IsSpace(s_[j])) ++j;
        if (j < s_.size() && (s_[j] == '"' || s_[j] == '\'')) {
          char q = s_[j];
          size_t end = s_.find(q, j + 1);
          size_t gt = s_.find('>', j + 1);
          if (end == std::string_view::npos) end = gt == std::string_view::npos ? s_.size() : gt;
          value = DecodeCharRefs(s_.substr(j + 1, end - j - 1));
          j = std::min(s_.size(), end + (end < s_.size() && s_[end] == q ? 1 : 0));
        } else {
          size_t vs = j;
          while (j < s_.size() && !IsSpace(s_[j]) && s_[j] != '>') ++j;
          value = DecodeCharRefs(s_.substr(vs, j - vs));
        }
      }
      if (aname == "xmlns") {
        ns_.emplace_back("", value);
      } else if (aname.starts_with("xmlns:")) {
        ns_.emplace_back(aname.substr(6), value);
      }
      if (el.attrs.size() < 64) el.attrs.emplace_back(std::move(aname), std::move(value));
    }
    i_ = j;
    el.name = Canonical(raw);
    HALLYU_RETURN_IF_ERROR(CountNode());
    ++elements_;
    XmlNode* parent = stack_.back().node;
    parent->children.push_back(std::move(el));
    XmlNode* node = &parent->children.back();
    if (self_closing || stack_.size() > opts_.max_depth) {
      ns_.resize(ns_before);
      return Status::Ok();
    }
    stack_.push_back({node, std::move(raw), ns_before});
    return Status::Ok();
  }

  std::string_view s_;
  const XmlParseOptions& opts_;
  size_t i_ = 0;
  size_t nodes_ = 0;
  size_t elements_ = 0;
  std::vector<Frame> stack_;
  std::vector<std::pair<std::string, std::string>> ns_;  // (prefix, uri), innermost last
};

void AppendText(const XmlNode& n, std::string& out) {
  if (n.is_text()) {
    out += n.text;
    return;
  }
  for (const XmlNode& c : n.children) AppendText(c, out);
}

}  // namespace

std::string_view XmlNode::local_name() const {
  size_t colon = name.find(':');
  return colon == std::string::npos ? std::string_view(name)
                                    : std::string_view(name).substr(colon + 1);
}

const XmlNode* XmlNode::Child(std::string_view n) const {
  for (const XmlNode& c : children) {
    if (!c.is_text() && c.name == n) return &c;
  }
  return nullptr;
}

const XmlNode* XmlNode::FirstChildOf(std::initializer_list<std::string_view> names) const {
  for (std::string_view n : names) {
    if (const XmlNode* c = Child(n)) return c;
  }
  return nullptr;
}

std::vector<const XmlNode*> XmlNode::ChildrenNamed(std::string_view n) const {
  std::vector<const XmlNode*> out;
  for (const XmlNode& c : children) {
    if (!c.is_text() && c.name == n) out.push_back(&c);
  }
  return out;
}

std::string_view XmlNode::Attr(std::string_view n) const {
  for (const auto& [k, v] : attrs) {
    if (k == n) return v;
  }
  return {};
}

bool XmlNode::HasAttr(std::string_view n) const {
  for (const auto& a : attrs) {
    if (a.first == n) return true;
  }
  return false;
}

std::string XmlNode::Text() const {
  std::string out;
  AppendText(*this, out);
  return out;
}

const XmlNode* XmlNode::FirstElement() const {
  for (const XmlNode& c : children) {
    if (!c.is_text()) return &c;
  }
  return nullptr;
}

Result<XmlNode> ParseXmlTolerant(std::string_view xml, const XmlParseOptions& options) {
  if (xml.size() > options.max_bytes) {
    return TooLarge("XML is " + std::to_string(xml.size()) + " bytes, over the cap of " +
                    std::to_string(options.max_bytes));
  }
  return Reader(xml, options).Run();
}

}  // namespace hallyu
