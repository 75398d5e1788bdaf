#include "aho_corasick.hpp"

#include <algorithm>
#include <queue>

namespace vouch::detail {

void aho_corasick::add(std::string_view pattern, std::uint32_t id) {
  if (trie_.empty()) {
    trie_.emplace_back();
    std::fill(std::begin(trie_[0].next), std::end(trie_[0].next), -1);
    outputs_.emplace_back();
  }
  std::int32_t s = 0;
  for (char c : pattern) {
    const int a = symbol(c);
    if (trie_[s].next[a] < 0) {
      trie_[s].next[a] = static_cast<std::int32_t>(trie_.size());
      trie_.emplace_back();
      std::fill(std::begin(trie_.back().next), std::end(trie_.back().next), -1);
      outputs_.emplace_back();
    }
    s = trie_[s].next[a];
  }
  const auto index = static_cast<std::uint32_t>(ids_.size());
  ids_.push_back(id);
  lengths_.push_back(static_cast<std::uint32_t>(pattern.size()));
  outputs_[s].push_back(index);
}

void aho_corasick::build() {
  if (trie_.empty()) {
    trie_.emplace_back();
    std::fill(std::begin(trie_[0].next), std::end(trie_[0].next), -1);
    outputs_.emplace_back();
  }
  const std::size_t n = trie_.size();
  delta_.assign(n * alphabet_size, 0);
  std::vector<std::int32_t> fail(n, 0);
  std::queue<std::int32_t> q;
  for (int a = 0; a < alphabet_size; ++a) {
    const std::int32_t t = trie_[0].next[a];
    if (t >= 0) {
      delta_[a] = t;
      fail[t] = 0;
      q.push(t);
    } else {
      delta_[a] = 0;
    }
  }
  while (!q.empty()) {
    const std::int32_t s = q.front();
    q.pop();
    // Inherit the outputs of the failure state (already complete: BFS order).
    const auto& inherited = outputs_[fail[s]];
    outputs_[s].insert(outputs_[s].end(), inherited.begin(), inherited.end());
    for (int a = 0; a < alphabet_size; ++a) {
      const std::int32_t t = trie_[s].next[a];
      if (t >= 0) {
        fail[t] = delta_[static_cast<std::size_t>(fail[s]) * alphabet_size + a];
        delta_[static_cast<std::size_t>(s) * alphabet_size + a] = t;
        q.push(t);
      } else {
        delta_[static_cast<std::size_t>(s) * alphabet_size + a] =
            delta_[static_cast<std::size_t>(fail[s]) * alphabet_size + a];
      }
    }
  }
  trie_.clear();
  trie_.shrink_to_fit();
  renumber_breadth_first();
  compact();
}

// A scan touches one row of transitions and the output range of each state it passes: the
// smaller both are, the more of them stay in cache.
void aho_corasick::compact() {
  const std::size_t states = outputs_.size();
  out_begin_.assign(states + 1, 0);
  out_list_.clear();
  for (std::size_t s = 0; s < states; ++s) {
    out_begin_[s] = static_cast<std::uint32_t>(out_list_.size());
    out_list_.insert(out_list_.end(), outputs_[s].begin(), outputs_[s].end());
  }
  out_begin_[states] = static_cast<std::uint32_t>(out_list_.size());
  outputs_.clear();
  outputs_.shrink_to_fit();
  if (states <= 65536) {
    delta16_.assign(delta_.begin(), delta_.end());
    delta_.clear();
    delta_.shrink_to_fit();
  }
}

// States near the root are the ones a scan visits all the time; numbered first, their rows sit
// together in memory and stay in cache, whatever the size of the whole table.
void aho_corasick::renumber_breadth_first() {
  const std::size_t n = outputs_.size();
  std::vector<std::int32_t> order, new_id(n, -1);
  order.reserve(n);
  order.push_back(0);
  new_id[0] = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t s = static_cast<std::size_t>(order[k]);
    for (int a = 0; a < alphabet_size; ++a) {
      const std::int32_t t = delta_[s * alphabet_size + a];
      if (new_id[static_cast<std::size_t>(t)] < 0) {
        new_id[static_cast<std::size_t>(t)] = static_cast<std::int32_t>(order.size());
        order.push_back(t);
      }
    }
  }
  std::vector<std::int32_t> delta(order.size() * alphabet_size);
  std::vector<std::vector<std::uint32_t>> outputs(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t s = static_cast<std::size_t>(order[k]);
    for (int a = 0; a < alphabet_size; ++a)
      delta[k * alphabet_size + a] = new_id[static_cast<std::size_t>(delta_[s * alphabet_size + a])];
    outputs[k] = std::move(outputs_[s]);
  }
  delta_ = std::move(delta);
  outputs_ = std::move(outputs);
}

}  // namespace vouch::detail
