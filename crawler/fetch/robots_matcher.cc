#include "crawler/fetch/robots_matcher.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace hallyu {

uint32_t RobotsMatcher::Trie::Child(uint32_t node, uint8_t byte) const {
  const auto begin = edge_byte.begin() + first_edge[node];
  const auto end = edge_byte.begin() + first_edge[node + 1];
  const auto it = std::lower_bound(begin, end, byte);
  if (it == end || *it != byte) return kNone;
  return edge_child[static_cast<std::size_t>(it - edge_byte.begin())];
}

void RobotsMatcher::Trie::Build(const std::vector<std::string_view>& keys,
                                std::vector<uint32_t>& node_of) {
  struct Edge {
    uint32_t parent;
    uint8_t byte;
    uint32_t child;
  };
  std::unordered_map<uint64_t, uint32_t> child_of;  // (parent << 8 | byte) -> child
  std::vector<Edge> edges;
  uint32_t count = 1;
  node_of.assign(keys.size(), 0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    uint32_t node = 0;
    for (char c : keys[i]) {
      const uint8_t byte = static_cast<uint8_t>(c);
      const auto [it, added] = child_of.try_emplace((uint64_t{node} << 8) | byte, count);
      if (added) edges.push_back(Edge{node, byte, count++});
      node = it->second;
    }
    node_of[i] = node;
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    return a.parent != b.parent ? a.parent < b.parent : a.byte < b.byte;
  });
  first_edge.assign(std::size_t{count} + 1, 0);
  for (const Edge& e : edges) ++first_edge[e.parent + 1];
  for (std::size_t i = 1; i < first_edge.size(); ++i) first_edge[i] += first_edge[i - 1];
  edge_byte.resize(edges.size());
  edge_child.resize(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    edge_byte[i] = edges[i].byte;
    edge_child[i] = edges[i].child;
  }
}

std::size_t RobotsMatcher::Trie::MemoryBytes() const {
  return first_edge.capacity() * sizeof(uint32_t) + edge_byte.capacity() +
         edge_child.capacity() * sizeof(uint32_t);
}

RobotsMatcher::RobotsMatcher(const std::vector<std::string>& patterns) {
  rules_.resize(patterns.size());
  std::vector<std::string_view> heads(patterns.size());
  std::unordered_map<std::string_view, uint32_t> segment_index;
  std::vector<std::string_view> segment_keys;
  auto add_segment = [&](std::string_view s) {
    const auto [it, added] =
        segment_index.try_emplace(s, static_cast<uint32_t>(segment_keys.size()));
    if (added) segment_keys.push_back(s);
    segment_ids_.push_back(it->second);
  };
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    std::string_view p = patterns[i];
    compiled_bytes_ += p.size();
    Rule& rule = rules_[i];
    rule.anchored = !p.empty() && p.back() == '$';
    if (rule.anchored) p.remove_suffix(1);
    std::size_t star = p.find('*');
    heads[i] = p.substr(0, star);
    if (star == std::string_view::npos) continue;
    rule.has_star = true;
    rule.first_segment = static_cast<uint32_t>(segment_ids_.size());
    std::string_view rest = p.substr(star + 1);
    for (star = rest.find('*'); star != std::string_view::npos; star = rest.find('*')) {
      if (star > 0) add_segment(rest.substr(0, star));
      rest.remove_prefix(star + 1);
    }
    // The last segment: anchored, it must end the path; otherwise it is one more segment
    // to find anywhere after the others.
    if (rule.anchored) {
      rule.anchored_tail = std::string(rest);
    } else if (!rest.empty()) {
      add_segment(rest);
    }
    rule.segments = static_cast<uint32_t>(segment_ids_.size()) - rule.first_segment;
  }
  segment_count_ = segment_keys.size();

  std::vector<uint32_t> node_of;
  heads_.Build(heads, node_of);
  head_first_.assign(heads_.nodes() + 1, 0);
  for (uint32_t node : node_of) ++head_first_[node + 1];
  for (std::size_t i = 1; i < head_first_.size(); ++i) head_first_[i] += head_first_[i - 1];
  head_rules_.resize(patterns.size());
  std::vector<uint32_t> fill(head_first_.begin(), head_first_.end() - 1);
  for (std::size_t i = 0; i < patterns.size(); ++i) {  // ascending rank within each node
    head_rules_[fill[node_of[i]]++] = static_cast<uint32_t>(i);
  }

  segments_.Build(segment_keys, node_of);
  const std::size_t nodes = segments_.nodes();
  segment_at_.assign(nodes, Trie::kNone);
  for (std::size_t s = 0; s < node_of.size(); ++s)
    segment_at_[node_of[s]] = static_cast<uint32_t>(s);
  fail_.assign(nodes, 0);
  output_link_.assign(nodes, Trie::kNone);
  depth_.assign(nodes, 0);
  // Breadth first: a node's fail target is shallower, so its links are set before.
  std::vector<uint32_t> order{0};
  for (std::size_t k = 0; k < order.size(); ++k) {
    const uint32_t u = order[k];
    for (uint32_t e = segments_.first_edge[u]; e < segments_.first_edge[u + 1]; ++e) {
      const uint8_t byte = segments_.edge_byte[e];
      const uint32_t c = segments_.edge_child[e];
      depth_[c] = depth_[u] + 1;
      uint32_t target = 0;
      if (u != 0) {
        for (uint32_t f = fail_[u];; f = fail_[f]) {
          const uint32_t next = segments_.Child(f, byte);
          if (next != Trie::kNone) {
            target = next;
            break;
          }
          if (f == 0) break;
        }
      }
      fail_[c] = target;
      output_link_[c] = segment_at_[target] != Trie::kNone ? target : output_link_[target];
      order.push_back(c);
    }
  }
}

uint64_t RobotsMatcher::Budget(std::size_t path_bytes) const {
  // Walking the heads: path + candidates; the automaton: 2 steps a byte; queue moves:
  // candidates + segments; anchored tails: their bytes. 64 a byte leaves room for 60
  // segment occurrences ending at every byte of the path, far more than honest files make.
  return 64 * (uint64_t{path_bytes} + 1) + 4 * (rules_.size() + segment_ids_.size()) +
         2 * compiled_bytes_ + 4096;
}

namespace {

struct Waiting {
  uint32_t rule;
  uint32_t at;            // the next segment must start at or after this path offset
  uint32_t next_segment;  // index within the rule's segments
  uint32_t next_in_queue;
};

struct MatchScratch {
  std::vector<Waiting> waiting;  // candidates with segments, in the order they start
  std::vector<uint32_t> queue_front, queue_back;  // per segment: its waiting candidates
};

}  // namespace

RobotsMatcher::Result RobotsMatcher::Match(std::string_view path) const {
  Result result;
  if (path.size() >= std::numeric_limits<uint32_t>::max()) {
    result.over_budget = true;
    return result;
  }
  const uint64_t budget = Budget(path.size());
  uint64_t steps = 0;
  std::size_t best = kNoMatch;
  auto tail_matches = [&](const Rule& rule, std::size_t from) {
    steps += rule.anchored_tail.size() + 1;
    return path.size() - from >= rule.anchored_tail.size() && path.ends_with(rule.anchored_tail);
  };

  // 1. Patterns whose literal head is a prefix of the path, by head length.
  // Scratch space of this thread, reused from call to call (no allocation per URL once
  // warm); cleared below. Match does not call itself, so one per thread is enough.
  thread_local MatchScratch scratch;
  std::vector<Waiting>& waiting = scratch.waiting;
  waiting.clear();
  if (!rules_.empty()) {
    uint32_t node = 0;
    for (std::size_t depth = 0;; ++depth) {
      ++steps;
      for (uint32_t k = head_first_[node]; k < head_first_[node + 1]; ++k) {
        const uint32_t r = head_rules_[k];
        ++steps;
        if (r >= best) break;  // ascending rank: no later one can win
        const Rule& rule = rules_[r];
        if (!rule.has_star) {
          if (!rule.anchored || depth == path.size()) {
            best = r;
            break;
          }
        } else if (rule.segments == 0) {
          if (!rule.anchored || tail_matches(rule, depth)) {
            best = r;
            break;
          }
        } else {
          waiting.push_back(Waiting{r, static_cast<uint32_t>(depth), 0, Trie::kNone});
        }
      }
      if (depth == path.size()) break;
      node = heads_.Child(node, static_cast<uint8_t>(path[depth]));
      if (node == Trie::kNone) break;
    }
  }

  // 2. One pass of the segment automaton; each candidate waits for its next segment.
  if (!waiting.empty()) {
    scratch.queue_front.assign(segment_count_, Trie::kNone);
    scratch.queue_back.assign(segment_count_, Trie::kNone);
    std::vector<uint32_t>& queue_front = scratch.queue_front;
    std::vector<uint32_t>& queue_back = scratch.queue_back;
    std::size_t queued = 0;
    auto push = [&](uint32_t w) {
      const Rule& rule = rules_[waiting[w].rule];
      const uint32_t seg = segment_ids_[rule.first_segment + waiting[w].next_segment];
      waiting[w].next_in_queue = Trie::kNone;
      if (queue_back[seg] == Trie::kNone) {
        queue_front[seg] = w;
      } else {
        waiting[queue_back[seg]].next_in_queue = w;
      }
      queue_back[seg] = w;
      ++queued;
    };
    std::size_t activated = 0;
    uint32_t state = 0;
    for (std::size_t e = 0; e < path.size(); ++e) {
      if (queued == 0) {
        // Nothing waits: skip to the next candidate's start (an occurrence it can use
        // starts there or later, so the automaton may restart from its root).
        while (activated < waiting.size() && waiting[activated].rule >= best) ++activated;
        if (activated == waiting.size()) break;
        if (waiting[activated].at > e) {
          e = waiting[activated].at;
          state = 0;
          if (e >= path.size()) break;
        }
      }
      while (activated < waiting.size() && waiting[activated].at <= e) {
        ++steps;
        if (waiting[activated].rule < best) push(static_cast<uint32_t>(activated));
        ++activated;
      }
      const uint8_t byte = static_cast<uint8_t>(path[e]);
      while (true) {
        ++steps;
        const uint32_t next = segments_.Child(state, byte);
        if (next != Trie::kNone) {
          state = next;
          break;
        }
        if (state == 0) break;
        state = fail_[state];
      }
      for (uint32_t o = segment_at_[state] != Trie::kNone ? state : output_link_[state];
           o != Trie::kNone; o = output_link_[o]) {
        ++steps;
        const uint32_t seg = segment_at_[o];
        const std::size_t start = e + 1 - depth_[o];
        while (queue_front[seg] != Trie::kNone && waiting[queue_front[seg]].at <= start) {
          ++steps;
          const uint32_t w = queue_front[seg];
          queue_front[seg] = waiting[w].next_in_queue;
          if (queue_front[seg] == Trie::kNone) queue_back[seg] = Trie::kNone;
          --queued;
          Waiting& cand = waiting[w];
          if (cand.rule >= best) continue;
          const Rule& rule = rules_[cand.rule];
          if (++cand.next_segment < rule.segments) {
            cand.at = static_cast<uint32_t>(e + 1);
            push(w);
          } else if (!rule.anchored || tail_matches(rule, e + 1)) {
            best = cand.rule;
          }
        }
      }
      if (steps > budget) {
        result.steps = steps;
        result.over_budget = true;
        return result;
      }
    }
  }
  result.rule = best;
  result.steps = steps;
  result.over_budget = steps > budget;
  return result;
}

std::size_t RobotsMatcher::MemoryBytes() const {
  std::size_t n =
      sizeof(*this) + rules_.capacity() * sizeof(Rule) +
      (segment_ids_.capacity() + head_first_.capacity() + head_rules_.capacity() +
       fail_.capacity() + segment_at_.capacity() + output_link_.capacity() + depth_.capacity()) *
          sizeof(uint32_t) +
      heads_.MemoryBytes() + segments_.MemoryBytes();
  for (const Rule& r : rules_) n += r.anchored_tail.capacity();
  return n;
}

}  // namespace hallyu
