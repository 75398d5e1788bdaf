// A multi-pattern matcher over folded text (see vouch/text.hpp), compiled to an automaton with
// no back-tracking over the text.
//
// Layout: states are numbered breadth first from the root. The first `dense_states` of them
// (the ones a scan visits all the time) have a full row of `alphabet_size` transitions; every
// deeper state keeps only its own children and its failure link, so the whole automaton stays
// in the processor's cache (a full table for the pack's 28,000 states is over 2 MB and a scan
// then waits on memory at nearly every byte). Each state's outputs list every pattern ending
// there, including those inherited through failure links.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vouch::detail {

class aho_corasick {
 public:
  static constexpr int alphabet_size = 39;  // ' ', a-z, 0-9, '#', anything else

  /// States with a full row of transitions (the rest keep their children and failure link).
  static constexpr std::size_t default_dense_states = 1024;

  /// Adds a pattern; `id` is returned with each match. Call before build().
  void add(std::string_view pattern, std::uint32_t id);
  /// Builds the automaton; `dense` sets how many states get a full row (tests use small values).
  void build(std::size_t dense = default_dense_states);
  std::size_t pattern_count() const { return lengths_.size(); }

  /// Calls on_match(id, begin, end) for every occurrence, in order of `end`.
  template <class F>
  void scan(std::string_view text, F&& on_match) const {
    if (dense_count_ == 0) return;
    std::uint32_t state = 0;
    const std::uint32_t dense = dense_count_;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::uint32_t a = symbols[static_cast<unsigned char>(text[i])];
      std::uint32_t next = 0;
      bool found = false;
      // A deep state: its own child, else its failure state's transition.
      while (state >= dense) {
        const sparse_state& st = sparse_[state - dense];
        for (std::uint32_t k = st.child_begin, end = sparse_[state - dense + 1].child_begin; k < end; ++k)
          if ((children_[k] & 63u) == a) { next = children_[k] >> 6; found = true; break; }
        if (found) break;
        state = st.fail;
      }
      state = found ? next : dense_[state * alphabet_size + a];
      // Most states end no pattern: one bit says so, without touching the output tables.
      if (!(has_out_[state >> 6] >> (state & 63) & 1)) continue;
      std::uint32_t k, end;
      if (state < dense) {
        k = dense_out_[state];
        end = dense_out_[state + 1];
      } else {
        k = sparse_[state - dense].out_begin;
        end = sparse_[state - dense + 1].out_begin;
      }
      for (; k < end; ++k) {
        const std::uint32_t p = out_list_[k];
        on_match(ids_[p], i + 1 - lengths_[p], i + 1);
      }
    }
  }

  static int symbol(char c) { return symbols[static_cast<unsigned char>(c)]; }

 private:
  // ' ' → 0, a-z → 1..26, 0-9 → 27..36, '#' → 37, anything else → 38: one look-up per byte.
  static constexpr std::array<std::uint8_t, 256> symbols = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
      if (c == ' ') t[c] = 0;
      else if (c >= 'a' && c <= 'z') t[c] = static_cast<std::uint8_t>(1 + (c - 'a'));
      else if (c >= '0' && c <= '9') t[c] = static_cast<std::uint8_t>(27 + (c - '0'));
      else if (c == '#') t[c] = 37;
      else t[c] = 38;
    }
    return t;
  }();

  void layout(const std::vector<std::int32_t>& delta, const std::vector<std::int32_t>& fail,
              const std::vector<std::uint32_t>& depth, std::vector<std::vector<std::uint32_t>>& outputs,
              std::size_t dense);

  struct node {
    std::int32_t next[alphabet_size];
  };
  std::vector<node> trie_;                           // until build()
  std::vector<std::vector<std::uint32_t>> outputs_;  // per trie state, until build(): pattern indexes

  struct sparse_state {
    std::uint32_t fail = 0;         // the failure state
    std::uint32_t child_begin = 0;  // children_[child_begin, next state's child_begin)
    std::uint32_t out_begin = 0;    // out_list_[out_begin, next state's out_begin)
  };
  std::uint32_t dense_count_ = 0;
  std::vector<std::uint32_t> dense_;      // dense_count_ rows of alphabet_size transitions
  std::vector<std::uint32_t> dense_out_;  // dense state s → out_list_[dense_out_[s], dense_out_[s+1])
  std::vector<sparse_state> sparse_;      // deeper states, one past the last as a sentinel
  std::vector<std::uint32_t> children_;   // child << 6 | symbol
  std::vector<std::uint32_t> out_list_;
  std::vector<std::uint64_t> has_out_;    // a bit per state: does it end any pattern
  std::vector<std::uint32_t> ids_;                    // per pattern
  std::vector<std::uint32_t> lengths_;                // per pattern
};

}  // namespace vouch::detail
