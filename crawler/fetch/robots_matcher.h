#pragma once
// RobotsMatcher: the Allow/Disallow patterns of one robots.txt group compiled once, then
// matched against a path without trying every pattern (issue 20, case 5: 11,364 wildcard
// rules x an 8,000-byte path cost seconds per URL when each rule scanned the path).
//
// How a path is matched (n = path bytes):
//   - the literal head of every pattern (up to its first '*') sits in a byte trie; walking
//     the path down it finds the only patterns that can match (their head is a prefix of
//     the path) in O(n + candidates);
//   - the literal segments after the head ('*'-separated; an unanchored last segment is
//     one of them) of all patterns sit in one Aho-Corasick automaton; a single pass over
//     the path reports every segment occurrence as it ends, and each candidate waits in
//     the queue of its next segment until an occurrence starts at or after where its
//     previous one ended (the earliest-ending occurrence is always the best choice, so no
//     backtracking); an anchored last segment ('$') is compared once against the path's end;
//   - patterns are given in precedence order (longest first, Allow before Disallow at equal
//     length) and the lowest-ranked match wins; a candidate ranked below a match found
//     already is dropped.
// Cost per path: O(n + candidates + segment occurrences + pattern bytes of the candidates).
// Occurrences are at most n times the number of segments that are suffixes of one another;
// a file built to inflate them spends the step budget (Budget()) instead: the match stops
// and reports over_budget, which RobotsRules reads as "disallowed".

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hallyu {

class RobotsMatcher {
 public:
  static constexpr std::size_t kNoMatch = static_cast<std::size_t>(-1);

  // Compiles `patterns` (normalised robots patterns: '*' wildcards, a trailing '$'
  // anchors the end; index = rank, lower wins). Never fails; an empty list matches nothing.
  explicit RobotsMatcher(const std::vector<std::string>& patterns);
  RobotsMatcher() = default;

  struct Result {
    std::size_t rule = kNoMatch;  // rank of the winning pattern, kNoMatch when none matched
    uint64_t steps = 0;        // work done: trie and automaton steps, queue moves, bytes compared
    bool over_budget = false;  // stopped at Budget(path) steps: `rule` is not known
  };

  // The lowest-ranked pattern that matches `path` (already normalised), with the work it
  // took. Thread-safe (const, no shared scratch state).
  Result Match(std::string_view path) const;

  // The step budget of one Match over a path of `path_bytes` bytes: linear in the path and
  // the compiled size, generous for any honest robots.txt.
  uint64_t Budget(std::size_t path_bytes) const;

  // Approximate heap bytes held.
  std::size_t MemoryBytes() const;

 private:
  // A byte trie in compressed rows: node i's children are edges [first_edge[i],
  // first_edge[i + 1]), sorted by byte. Node 0 is the root.
  struct Trie {
    std::vector<uint32_t> first_edge{0, 0};
    std::vector<uint8_t> edge_byte;
    std::vector<uint32_t> edge_child;
    static constexpr uint32_t kNone = 0xFFFFFFFFu;
    // The child of `node` by `byte`, or kNone.
    uint32_t Child(uint32_t node, uint8_t byte) const;
    std::size_t nodes() const { return first_edge.size() - 1; }
    // Builds the trie of `keys`; node_of[i] is the node where keys[i] ends.
    void Build(const std::vector<std::string_view>& keys, std::vector<uint32_t>& node_of);
    std::size_t MemoryBytes() const;
  };

  struct Rule {
    uint32_t first_segment = 0;  // its segments are segment_ids_[first_segment, + segments)
    uint32_t segments = 0;
    bool has_star = false;      // false: the pattern is its head (a prefix, or exact with '$')
    bool anchored = false;      // ends in '$'
    std::string anchored_tail;  // with a star and '$': what the path must end with
  };

  std::vector<Rule> rules_;
  std::vector<uint32_t> segment_ids_;

  Trie heads_;                        // literal heads
  std::vector<uint32_t> head_first_;  // node i's rules: head_rules_[head_first_[i], [i + 1])
  std::vector<uint32_t> head_rules_;  // ascending rank within a node

  Trie segments_;                      // Aho-Corasick goto function over distinct segments
  std::vector<uint32_t> fail_;         // longest proper suffix that is a trie node
  std::vector<uint32_t> segment_at_;   // segment id ending at the node, or Trie::kNone
  std::vector<uint32_t> output_link_;  // nearest fail-chain node ending a segment, or kNone
  std::vector<uint32_t> depth_;        // bytes from the root
  std::size_t segment_count_ = 0;
  uint64_t compiled_bytes_ = 0;  // pattern bytes, for the budget
};

}  // namespace hallyu
