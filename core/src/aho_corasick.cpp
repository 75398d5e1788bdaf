#include "aho_corasick.hpp"

#include <algorithm>
#include <cstdint>
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

void aho_corasick::build(std::size_t dense) {
  if (trie_.empty()) {
    trie_.emplace_back();
    std::fill(std::begin(trie_[0].next), std::end(trie_[0].next), -1);
    outputs_.emplace_back();
  }
  // The full transition table, failure links and depths, breadth first over the trie.
  const std::size_t n = trie_.size();
  std::vector<std::int32_t> delta(n * alphabet_size, 0), fail(n, 0);
  std::vector<std::uint32_t> depth(n, 0);
  std::queue<std::int32_t> q;
  for (int a = 0; a < alphabet_size; ++a) {
    const std::int32_t t = trie_[0].next[a];
    if (t >= 0) {
      delta[a] = t;
      depth[static_cast<std::size_t>(t)] = 1;
      q.push(t);
    }
  }
  while (!q.empty()) {
    const auto s = static_cast<std::size_t>(q.front());
    q.pop();
    const auto f = static_cast<std::size_t>(fail[s]);
    // Inherit the outputs of the failure state (already complete: BFS order).
    outputs_[s].insert(outputs_[s].end(), outputs_[f].begin(), outputs_[f].end());
    for (int a = 0; a < alphabet_size; ++a) {
      const std::int32_t t = trie_[s].next[a];
      if (t >= 0) {
        fail[static_cast<std::size_t>(t)] = delta[f * alphabet_size + a];
        depth[static_cast<std::size_t>(t)] = depth[s] + 1;
        delta[s * alphabet_size + a] = t;
        q.push(t);
      } else {
        delta[s * alphabet_size + a] = delta[f * alphabet_size + a];
      }
    }
  }
  trie_.clear();
  trie_.shrink_to_fit();
  layout(delta, fail, depth, outputs_, dense);
  outputs_.clear();
  outputs_.shrink_to_fit();
}

// States near the root are the ones a scan visits all the time: numbered first (breadth first
// over the transitions), they get full rows that sit together in memory. A deeper state's
// transition is its own child (a child is one level deeper: no other transition is) or else its
// failure state's transition, so it keeps only those.
void aho_corasick::layout(const std::vector<std::int32_t>& delta, const std::vector<std::int32_t>& fail,
                          const std::vector<std::uint32_t>& depth, std::vector<std::vector<std::uint32_t>>& outputs,
                          std::size_t dense) {
  const std::size_t n = outputs.size();
  std::vector<std::uint32_t> order, new_id(n, UINT32_MAX);
  order.reserve(n);
  order.push_back(0);
  new_id[0] = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t s = order[k];
    for (int a = 0; a < alphabet_size; ++a) {
      const auto t = static_cast<std::size_t>(delta[s * alphabet_size + a]);
      if (new_id[t] == UINT32_MAX) {
        new_id[t] = static_cast<std::uint32_t>(order.size());
        order.push_back(static_cast<std::uint32_t>(t));
      }
    }
  }
  const std::size_t states = order.size();
  dense_count_ = static_cast<std::uint32_t>(std::max<std::size_t>(1, std::min(dense, states)));
  dense_.assign(std::size_t{dense_count_} * alphabet_size, 0);
  dense_out_.assign(dense_count_ + 1, 0);
  sparse_.assign(states - dense_count_ + 1, sparse_state{});
  children_.clear();
  out_list_.clear();
  has_out_.assign((states + 63) / 64, 0);
  for (std::size_t k = 0; k < states; ++k) {
    const std::size_t s = order[k];
    if (k < dense_count_) {
      dense_out_[k] = static_cast<std::uint32_t>(out_list_.size());
      for (int a = 0; a < alphabet_size; ++a)
        dense_[k * alphabet_size + a] = new_id[static_cast<std::size_t>(delta[s * alphabet_size + a])];
    } else {
      sparse_state& st = sparse_[k - dense_count_];
      st.fail = new_id[static_cast<std::size_t>(fail[s])];
      st.child_begin = static_cast<std::uint32_t>(children_.size());
      st.out_begin = static_cast<std::uint32_t>(out_list_.size());
      for (int a = 0; a < alphabet_size; ++a) {
        const auto t = static_cast<std::size_t>(delta[s * alphabet_size + a]);
        if (depth[t] == depth[s] + 1) children_.push_back(new_id[t] << 6 | static_cast<std::uint32_t>(a));
      }
    }
    out_list_.insert(out_list_.end(), outputs[s].begin(), outputs[s].end());
    if (!outputs[s].empty()) has_out_[k / 64] |= std::uint64_t{1} << (k % 64);
  }
  dense_out_[dense_count_] = static_cast<std::uint32_t>(std::min<std::size_t>(
      out_list_.size(), dense_count_ < states ? sparse_[0].out_begin : out_list_.size()));
  sparse_.back().child_begin = static_cast<std::uint32_t>(children_.size());
  sparse_.back().out_begin = static_cast<std::uint32_t>(out_list_.size());
}

}  // namespace vouch::detail
