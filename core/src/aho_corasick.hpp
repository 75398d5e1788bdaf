// A multi-pattern matcher over folded text (see vouch/text.hpp), compiled to a full DFA.
//
// Layout: states are rows of `alphabet_size` int32 transitions in one vector; state 0 is the
// root. Each state's `outputs` lists every pattern ending there, including those inherited
// through failure links, so a scan is one table look-up per byte and no back-tracking.
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

  /// Adds a pattern; `id` is returned with each match. Call before build().
  void add(std::string_view pattern, std::uint32_t id);
  void build();
  std::size_t pattern_count() const { return lengths_.size(); }

  /// Calls on_match(id, begin, end) for every occurrence, in order of `end`.
  template <class F>
  void scan(std::string_view text, F&& on_match) const {
    if (!delta16_.empty()) scan_with(delta16_.data(), text, on_match);
    else scan_with(delta_.data(), text, on_match);
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

  template <class T, class F>
  void scan_with(const T* delta, std::string_view text, F& on_match) const {
    std::size_t state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      state = delta[state * alphabet_size + symbol(text[i])];
      for (std::uint32_t k = out_begin_[state], end = out_begin_[state + 1]; k < end; ++k) {
        const std::uint32_t p = out_list_[k];
        on_match(ids_[p], i + 1 - lengths_[p], i + 1);
      }
    }
  }

  void renumber_breadth_first();
  void compact();

  struct node {
    std::int32_t next[alphabet_size];
  };
  std::vector<node> trie_;
  std::vector<std::int32_t> delta_;     // transitions, until compact(); kept when > 65,535 states
  std::vector<std::uint16_t> delta16_;  // the same in half the memory, when the states fit
  std::vector<std::uint32_t> out_begin_, out_list_;  // outputs_ flattened: state s → [begin[s], begin[s+1])
  std::vector<std::vector<std::uint32_t>> outputs_;  // per state: pattern indexes
  std::vector<std::uint32_t> ids_;                    // per pattern
  std::vector<std::uint32_t> lengths_;                // per pattern
};

}  // namespace vouch::detail
