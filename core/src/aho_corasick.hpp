// A multi-pattern matcher over folded text (see vouch/text.hpp), compiled to a full DFA.
//
// Layout: states are rows of `alphabet_size` int32 transitions in one vector; state 0 is the
// root. Each state's `outputs` lists every pattern ending there, including those inherited
// through failure links, so a scan is one table look-up per byte and no back-tracking.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vouch::detail {

class aho_corasick {
 public:
  static constexpr int alphabet_size = 39;  // ' ', a-z, 0-9, '#', anything else

  /// Adds a pattern; `id` is returned with each match. Call before build().
  void add(std::string_view pattern, std::uint32_t id);
  void build();
  std::size_t pattern_count() const { return lengths_.size(); }

  /// Calls on_match(id, begin, end) for every occurrence, in order of `end`.
  template <class F>
  void scan(std::string_view text, F&& on_match) const {
    std::int32_t state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      state = delta_[static_cast<std::size_t>(state) * alphabet_size + symbol(text[i])];
      const auto& out = outputs_[static_cast<std::size_t>(state)];
      for (std::uint32_t p : out) on_match(ids_[p], i + 1 - lengths_[p], i + 1);
    }
  }

  static int symbol(char c) {
    if (c == ' ') return 0;
    if (c >= 'a' && c <= 'z') return 1 + (c - 'a');
    if (c >= '0' && c <= '9') return 27 + (c - '0');
    if (c == '#') return 37;
    return 38;
  }

 private:
  void renumber_breadth_first();

  struct node {
    std::int32_t next[alphabet_size];
  };
  std::vector<node> trie_;
  std::vector<std::int32_t> delta_;
  std::vector<std::vector<std::uint32_t>> outputs_;  // per state: pattern indexes
  std::vector<std::uint32_t> ids_;                    // per pattern
  std::vector<std::uint32_t> lengths_;                // per pattern
};

}  // namespace vouch::detail
