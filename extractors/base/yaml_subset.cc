#include "extractors/base/yaml_subset.h"

#include <yaml-cpp/yaml.h>

#include <atomic>
#include <cstdint>

namespace hallyu::yaml_subset {

const Node* Node::Find(std::string_view key) const {
  if (kind != Kind::kMap) return nullptr;
  for (const auto& [k, v] : entries) {
    if (k.kind != Kind::kSequence && k.kind != Kind::kMap && k.KeyText() == key) return &v;
  }
  return nullptr;
}

std::string_view Node::KeyText() const {
  if (kind == Kind::kScalar) return text;
  if (kind == Kind::kNull) return "null";
  return {};
}

namespace {

// True for the plain scalars YAML (and yaml-cpp) read as null.
bool IsNullWord(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Characters that may not start a plain scalar in the subset (YAML indicators; '-', '?' and
// ':' are refused even where YAML would allow them, to stay clear of reader differences).
bool IsIndicator(char c) {
  switch (c) {
    case '-':
    case '?':
    case ':':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
      return true;
    default:
      return false;
  }
}

// Appends code point `cp` as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the well-formed UTF-8 sequence at s[i] that is allowed in the subset, or 0 for an
// ill-formed sequence or a refused character (C0/C1 controls other than '\n', DEL, tab,
// U+FEFF, U+2028, U+2029). '\r' counts only when '\n' follows (handled by the caller).
size_t AllowedCharLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c >= 0x20 && c != 0x7F) || c == '\n' ? 1 : 0;
  size_t len;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  if (cp <= 0x9F || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029) return 0;
  return len;
}

// The line-oriented reader of the subset. Every Parse* function returns false (with the
// reason recorded by Fail) as soon as the text leaves the subset; no partial tree is used then.
class SubsetParser {
 public:
  explicit SubsetParser(std::string_view text) : text_(text) {}

  // The tree of the whole text, or (root left null) the first reason it is outside the subset.
  SubsetResult Run() {
    SubsetResult result;
    if (!Split() || !ParseDocument(&result.root)) {
      result.root = Node();
      result.reason = "line " + std::to_string(fail_line_) + ": " + fail_;
      result.line = fail_line_;
    }
    return result;
  }

 private:
  struct Line {
    size_t begin;  // offset of the first byte of the line
    size_t end;    // offset of the line break (or of the text's end); '\r' excluded
    int indent;    // column where this line's content starts (rewritten for "- key:" items)
    int number;    // 1-based line number
  };

  // Records why the text is outside the subset; always returns false.
  bool Fail(int line, const char* what) {
    if (fail_.empty()) {
      fail_ = what;
      fail_line_ = line;
    }
    return false;
  }

  // Counts one node; false past kMaxNodes.
  bool Count(int line) {
    return ++nodes_ <= kMaxNodes || Fail(line, "more nodes than the subset reads");
  }

  // Checks the characters and splits the text into its significant lines (neither blank nor a
  // comment). False on a refused character, a long line or a document marker.
  bool Split() {
    if (text_.size() > kMaxTextBytes) return Fail(0, "text larger than the subset reads");
    int number = 1;
    size_t begin = 0;
    lines_.reserve(text_.size() / 48 + 16);
    for (size_t i = 0; i <= text_.size();) {
      size_t end = i;
      bool at_break = i == text_.size();
      if (!at_break) {
        const char c = text_[i];
        const auto uc = static_cast<unsigned char>(c);
        if (uc >= 0x20 && uc < 0x7F) {  // printable ASCII, most of the text
          ++i;
          continue;
        }
        if (c == '\n') {
          at_break = true;
          end = i > begin && text_[i - 1] == '\r' ? i - 1 : i;
        } else if (c == '\r') {
          if (i + 1 >= text_.size() || text_[i + 1] != '\n') return Fail(number, "a lone CR");
          ++i;
          continue;
        } else if (c == '\t') {
          return Fail(number, "a tab");
        } else {
          const size_t len = AllowedCharLength(text_, i);
          if (len == 0) return Fail(number, "a control character, BOM or invalid UTF-8");
          i += len;
          continue;
        }
      }
      if (end - begin > kMaxLineBytes) return Fail(number, "a line longer than the subset reads");
      size_t p = begin;
      while (p < end && text_[p] == ' ') ++p;
      if (p < end && text_[p] != '#') {
        const std::string_view content = text_.substr(p, end - p);
        if (p == begin && (content.starts_with("---") || content.starts_with("..."))) {
          return Fail(number, "a document marker");
        }
        lines_.push_back(Line{begin, end, static_cast<int>(p - begin), number});
      }
      if (i == text_.size()) break;
      ++i;
      begin = i;
      ++number;
    }
    return true;
  }

  // The document: empty (null), or a block map at column 0 that takes every line. False for a
  // top level that is a sequence, a scalar or indented, and for lines left over.
  bool ParseDocument(Node* root) {
    if (lines_.empty()) return true;  // an empty document reads as null
    if (lines_[0].indent != 0) return Fail(lines_[0].number, "a top level not at column 0");
    if (IsDashLine(lines_[0])) return Fail(lines_[0].number, "a top-level sequence");
    if (!ParseBlockMap(0, 1, root)) return false;
    if (cur_ != lines_.size()) return Fail(lines_[cur_].number, "unexpected indentation");
    return true;
  }

  // Offset where line `l`'s content starts.
  size_t ContentAt(const Line& l) const { return l.begin + static_cast<size_t>(l.indent); }

  // "- item" or a lone "-" at the line's content start.
  bool IsDashLine(const Line& l) const {
    const size_t p = ContentAt(l);
    return text_[p] == '-' && (p + 1 == l.end || text_[p + 1] == ' ');
  }

  // True when only spaces and an optional comment follow `p` on line `l`.
  bool AtLineEnd(const Line& l, size_t p) const {
    const size_t start = p;
    while (p < l.end && text_[p] == ' ') ++p;
    return p == l.end || (text_[p] == '#' && p > start);
  }

  // The block node under "key:" or "-" whose line (cur_ - 1) ended there. `indent` is the
  // column of the key or dash; `indentless_ok` allows a sequence at that same column (map
  // values only). A null node when nothing deeper follows.
  bool ParseBlockValue(int indent, bool indentless_ok, int line, int depth, Node* out) {
    if (cur_ < lines_.size()) {
      const Line& next = lines_[cur_];
      if (next.indent > indent) {
        if (depth > kMaxDepth) return Fail(next.number, "nesting deeper than the subset reads");
        return IsDashLine(next) ? ParseBlockSeq(next.indent, depth, out)
                                : ParseBlockMap(next.indent, depth, out);
      }
      if (next.indent == indent && indentless_ok && IsDashLine(next)) {
        if (depth > kMaxDepth) return Fail(next.number, "nesting deeper than the subset reads");
        return ParseBlockSeq(indent, depth, out);
      }
    }
    out->kind = Kind::kNull;
    out->line = line;
    return Count(line);
  }

  // A block map whose keys sit at column `indent`, from line cur_ on.
  bool ParseBlockMap(int indent, int depth, Node* out) {
    out->kind = Kind::kMap;
    out->entries.reserve(4);
    out->line = lines_[cur_].number;
    if (!Count(out->line)) return false;
    while (cur_ < lines_.size()) {
      const Line& l = lines_[cur_];
      if (l.indent < indent) break;
      if (l.indent > indent) return Fail(l.number, "unexpected indentation");
      if (IsDashLine(l)) return Fail(l.number, "a sequence item among map keys");
      Node key;
      size_t p = ContentAt(l);
      if (!ScanKey(l, &p, &key)) return Fail(l.number, "a line that is not 'key: value'");
      if (!Count(l.number)) return false;
      for (const auto& [k, v] : out->entries) {
        if (k.text == key.text) return Fail(l.number, "a repeated key");
      }
      ++p;  // the ':'
      Node value;
      ++cur_;
      if (AtLineEnd(l, p)) {
        if (!ParseBlockValue(indent, true, l.number, depth + 1, &value)) return false;
      } else {
        while (text_[p] == ' ') ++p;
        if (!ParseInline(l, &p, false, depth + 1, &value)) return false;
        if (!AtLineEnd(l, p)) return Fail(l.number, "text after a value");
      }
      out->entries.emplace_back(std::move(key), std::move(value));
    }
    return true;
  }

  // A block sequence whose dashes sit at column `indent`, from line cur_ on.
  bool ParseBlockSeq(int indent, int depth, Node* out) {
    out->kind = Kind::kSequence;
    out->line = lines_[cur_].number;
    if (!Count(out->line)) return false;
    while (cur_ < lines_.size()) {
      Line& l = lines_[cur_];
      if (l.indent != indent || !IsDashLine(l)) break;
      Node item;
      size_t p = ContentAt(l) + 1;
      if (AtLineEnd(l, p)) {
        ++cur_;
        if (!ParseBlockValue(indent, false, l.number, depth + 1, &item)) return false;
      } else {
        while (text_[p] == ' ') ++p;
        if (depth + 1 > kMaxDepth) return Fail(l.number, "nesting deeper than the subset reads");
        if (text_[p] == '-' && (p + 1 == l.end || text_[p + 1] == ' ')) {
          return Fail(l.number, "a sequence inside a sequence item");
        }
        size_t key_end = p;
        Node probe;
        if (ScanKey(l, &key_end, &probe)) {
          // "- key: value": a block map whose keys line up under this first key.
          l.indent = static_cast<int>(p - l.begin);
          if (!ParseBlockMap(l.indent, depth + 1, &item)) return false;
        } else {
          if (!ParseInline(l, &p, false, depth + 1, &item)) return false;
          if (!AtLineEnd(l, p)) return Fail(l.number, "text after a value");
          ++cur_;
        }
      }
      out->items.push_back(std::move(item));
    }
    if (cur_ < lines_.size() && lines_[cur_].indent > indent) {
      return Fail(lines_[cur_].number, "unexpected indentation");
    }
    return true;
  }

  // A map key at *p on line `l`: a quoted scalar or a plain one, then ':' and a space or the
  // line's end. On success *p is at the ':' and `key` holds the key. False (nothing recorded
  // as a failure) when the line does not start with a key.
  bool ScanKey(const Line& l, size_t* p, Node* key) {
    size_t q = *p;
    const char c = text_[q];
    if (c == '"' || c == '\'') {
      std::string text;
      if (!ScanQuoted(l, &q, &text)) return false;
      key->text = std::move(text);
    } else {
      if (IsIndicator(c)) return false;
      const size_t start = q;
      while (q < l.end) {
        const char d = text_[q];
        if (d == ':' && (q + 1 == l.end || text_[q + 1] == ' ')) break;
        if (d == '#' && text_[q - 1] == ' ') return false;
        ++q;
      }
      if (q == l.end) return false;
      std::string_view text = text_.substr(start, q - start);
      while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
      if (IsNullWord(text) || text == "<<") return false;
      key->text.assign(text);
    }
    if (q >= l.end || text_[q] != ':' || (q + 1 < l.end && text_[q + 1] != ' ')) return false;
    key->kind = Kind::kScalar;
    key->line = l.number;
    *p = q;
    return true;
  }

  // A value that starts at *p and ends on line `l`: a flow collection, a quoted scalar or a
  // plain scalar (`flow`: inside a flow collection). Leaves *p just past the value.
  bool ParseInline(const Line& l, size_t* p, bool flow, int depth, Node* out) {
    if (depth > kMaxDepth) return Fail(l.number, "nesting deeper than the subset reads");
    out->line = l.number;
    if (!Count(l.number)) return false;
    const char c = text_[*p];
    if (c == '[') return ParseFlowSeq(l, p, depth, out);
    if (c == '{') return ParseFlowMap(l, p, depth, out);
    if (c == '"' || c == '\'') {
      out->kind = Kind::kScalar;
      return ScanQuoted(l, p, &out->text) || Fail(l.number, "a quoted scalar the subset refuses");
    }
    if (IsIndicator(c)) return Fail(l.number, "a plain scalar starting with an indicator");
    const size_t start = *p;
    size_t q = start;
    while (q < l.end) {
      const char d = text_[q];
      if (d == '#' && text_[q - 1] == ' ') {
        if (flow) return Fail(l.number, "a comment inside a flow collection");
        break;
      }
      if (d == ':' && (flow || q + 1 == l.end || text_[q + 1] == ' ')) {
        return Fail(l.number, "a ':' inside a plain scalar");
      }
      if (flow) {
        if (d == ',' || d == ']' || d == '}') break;
        if (d == '[' || d == '{' || d == '?') return Fail(l.number, "a flow indicator in a scalar");
      }
      ++q;
    }
    if (flow && q == l.end) return Fail(l.number, "a flow collection spanning lines");
    std::string_view text = text_.substr(start, q - start);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    *p = start + text.size();
    if (IsNullWord(text)) {
      out->kind = Kind::kNull;
    } else {
      out->kind = Kind::kScalar;
      out->text.assign(text);
    }
    return true;
  }

  // Skips spaces inside a flow collection; false at the line's end or a comment.
  bool SkipFlowSpaces(const Line& l, size_t* p) {
    while (*p < l.end && text_[*p] == ' ') ++*p;
    if (*p == l.end) return Fail(l.number, "a flow collection spanning lines");
    if (text_[*p] == '#') return Fail(l.number, "a comment inside a flow collection");
    return true;
  }

  // "[a, b]" at *p; *p ends just past the ']'.
  bool ParseFlowSeq(const Line& l, size_t* p, int depth, Node* out) {
    out->kind = Kind::kSequence;
    ++*p;
    if (!SkipFlowSpaces(l, p)) return false;
    if (text_[*p] == ']') {
      ++*p;
      return true;
    }
    while (true) {
      Node item;
      if (!ParseInline(l, p, true, depth + 1, &item)) return false;
      out->items.push_back(std::move(item));
      if (!SkipFlowSpaces(l, p)) return false;
      if (text_[*p] == ']') {
        ++*p;
        return true;
      }
      if (text_[*p] != ',') return Fail(l.number, "a flow sequence item the subset refuses");
      ++*p;
      if (!SkipFlowSpaces(l, p)) return false;
      if (text_[*p] == ']') return Fail(l.number, "a trailing comma");
    }
  }

  // "{k: v, k2: v2}" at *p; *p ends just past the '}'.
  bool ParseFlowMap(const Line& l, size_t* p, int depth, Node* out) {
    out->kind = Kind::kMap;
    out->entries.reserve(4);  // most gazetteer entries have 2-4 fields
    ++*p;
    if (!SkipFlowSpaces(l, p)) return false;
    if (text_[*p] == '}') {
      ++*p;
      return true;
    }
    while (true) {
      Node key;
      if (!ScanFlowKey(l, p, &key)) return Fail(l.number, "a flow map key the subset refuses");
      if (!Count(l.number)) return false;
      for (const auto& [k, v] : out->entries) {
        if (k.text == key.text) return Fail(l.number, "a repeated key");
      }
      ++*p;  // ':'
      if (!SkipFlowSpaces(l, p)) return false;
      if (text_[*p] == ',' || text_[*p] == '}') return Fail(l.number, "an empty flow map value");
      Node value;
      if (!ParseInline(l, p, true, depth + 1, &value)) return false;
      out->entries.emplace_back(std::move(key), std::move(value));
      if (!SkipFlowSpaces(l, p)) return false;
      if (text_[*p] == '}') {
        ++*p;
        return true;
      }
      if (text_[*p] != ',') return Fail(l.number, "a flow map entry the subset refuses");
      ++*p;
      if (!SkipFlowSpaces(l, p)) return false;
      if (text_[*p] == '}') return Fail(l.number, "a trailing comma");
    }
  }

  // A key inside a flow map: quoted or plain, then ": ". *p ends at the ':'.
  bool ScanFlowKey(const Line& l, size_t* p, Node* key) {
    size_t q = *p;
    const char c = text_[q];
    if (c == '"' || c == '\'') {
      if (!ScanQuoted(l, &q, &key->text)) return false;
    } else {
      if (IsIndicator(c)) return false;
      const size_t start = q;
      while (q < l.end) {
        const char d = text_[q];
        if (d == ':' || d == ',' || d == ']' || d == '}' || d == '[' || d == '{' || d == '?') break;
        if (d == '#' && text_[q - 1] == ' ') return false;
        ++q;
      }
      std::string_view text = text_.substr(start, q - start);
      while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
      if (IsNullWord(text) || text == "<<") return false;
      key->text.assign(text);
    }
    if (q + 1 >= l.end || text_[q] != ':' || text_[q + 1] != ' ') return false;
    key->kind = Kind::kScalar;
    key->line = l.number;
    *p = q;
    return true;
  }

  // A 'single' or "double" quoted scalar at *p that closes on line `l`; *p ends past the
  // closing quote. False on a scalar running past the line or an escape outside the subset.
  bool ScanQuoted(const Line& l, size_t* p, std::string* out) const {
    const char quote = text_[*p];
    size_t q = *p + 1;
    out->clear();
    while (q < l.end) {
      const char c = text_[q];
      if (quote == '\'') {
        if (c == '\'') {
          if (q + 1 < l.end && text_[q + 1] == '\'') {
            *out += '\'';
            q += 2;
            continue;
          }
          *p = q + 1;
          return true;
        }
        *out += c;
        ++q;
        continue;
      }
      if (c == '"') {
        *p = q + 1;
        return true;
      }
      if (c != '\\') {
        *out += c;
        ++q;
        continue;
      }
      if (q + 1 >= l.end) return false;
      const char e = text_[q + 1];
      q += 2;
      switch (e) {
        case '"':
          *out += '"';
          break;
        case '\\':
          *out += '\\';
          break;
        case '/':
          *out += '/';
          break;
        case 'n':
          *out += '\n';
          break;
        case 't':
          *out += '\t';
          break;
        case 'u': {
          if (q + 4 > l.end) return false;
          uint32_t cp = 0;
          for (int k = 0; k < 4; ++k) {
            const char h = text_[q + static_cast<size_t>(k)];
            cp <<= 4;
            if (h >= '0' && h <= '9') {
              cp |= static_cast<uint32_t>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
              cp |= static_cast<uint32_t>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
              cp |= static_cast<uint32_t>(h - 'A' + 10);
            } else {
              return false;
            }
          }
          q += 4;
          if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
          }
          AppendUtf8(*out, cp);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  std::string_view text_;
  std::vector<Line> lines_;
  size_t cur_ = 0;
  size_t nodes_ = 0;
  std::string fail_;
  int fail_line_ = 0;
};

// Converts a yaml-cpp node; false (with `error` set) past the depth or node limits.
bool Convert(const YAML::Node& in, int depth, size_t* nodes, Node* out, std::string* error) {
  if (depth > kMaxDepth) {
    *error = "nesting deeper than " + std::to_string(kMaxDepth);
    return false;
  }
  if (++*nodes > kMaxNodes) {
    *error = "more than " + std::to_string(kMaxNodes) + " nodes";
    return false;
  }
  const YAML::Mark mark = in.Mark();
  out->line = mark.line >= 0 ? mark.line + 1 : 0;
  switch (in.Type()) {
    case YAML::NodeType::Scalar:
      out->kind = Kind::kScalar;
      out->text = in.Scalar();
      return true;
    case YAML::NodeType::Sequence:
      out->kind = Kind::kSequence;
      out->items.reserve(in.size());
      for (const auto& item : in) {
        out->items.emplace_back();
        if (!Convert(item, depth + 1, nodes, &out->items.back(), error)) return false;
      }
      return true;
    case YAML::NodeType::Map:
      out->kind = Kind::kMap;
      out->entries.reserve(in.size());
      for (const auto& kv : in) {
        out->entries.emplace_back(Node(), Node());
        auto& [key, value] = out->entries.back();
        if (!Convert(kv.first, depth + 1, nodes, &key, error)) return false;
        if (!Convert(kv.second, depth + 1, nodes, &value, error)) return false;
        // yaml-cpp marks an empty value where the next token starts; the key's line is clearer.
        if (value.kind == Kind::kNull) value.line = key.line;
      }
      return true;
    default:  // Null, Undefined
      out->kind = Kind::kNull;
      return true;
  }
}

std::atomic<Reader> g_reader{Reader::kSubsetThenYamlCpp};

}  // namespace

SubsetResult ParseSubset(std::string_view text) { return SubsetParser(text).Run(); }

Result<Node> ConvertWithYamlCpp(std::string_view text, std::string_view file) {
  std::string prefix(file);
  prefix += ": YAML: ";
  try {
    const YAML::Node doc = YAML::Load(std::string(text));
    Node root;
    size_t nodes = 0;
    std::string error;
    if (!Convert(doc, 1, &nodes, &root, &error)) return ParseError(prefix + error);
    return root;
  } catch (const YAML::Exception& e) {
    return ParseError(prefix + e.what());
  }
}

void SetReaderForTesting(Reader reader) { g_reader.store(reader); }

Result<Node> ParseDocument(std::string_view text, std::string_view file) {
  if (g_reader.load() == Reader::kSubsetThenYamlCpp) {
    SubsetResult r = ParseSubset(text);
    if (r.ok()) return std::move(r.root);
  }
  return ConvertWithYamlCpp(text, file);
}

}  // namespace hallyu::yaml_subset
