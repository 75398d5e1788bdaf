// The learned scorer: a multinomial logistic regression over hashed features.
//
// Every piece of evidence the classifier computes becomes a feature named by a short string
// ("r:sales.demo" for a rule that fired, "f:no_note" for a structural fact, "w:pricing" for a
// word of the note, "c:pric" for a character 4-gram, "h:recruiter" for a headline word...). The
// name is hashed into one of `model_buckets` buckets; each bucket holds one weight per category.
// A category's score is its bias plus the sum of value × weight over the invitation's features,
// so every score decomposes exactly into the features that made it: that is what the reasons show.
//
// The weights are fitted by `vouch train` (train.cpp) and compiled into the binary as data
// (core/model/model_data.cpp, written by the trainer). Only buckets with a non-zero weight are
// stored there: the blob is
//   "VM2" | u32 buckets | u32 rows | f32 scale | f32 unsure | 9 × f32 bias |
//   rows × varint(bucket delta) | rows × 9 × i8 (weight = i8 × scale)
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/category.hpp"
#include "vouch/outcome.hpp"

namespace vouch::detail {

inline constexpr std::uint32_t model_buckets = 1u << 18;

/// What a feature stands for, so that a reason can be written for it.
enum class feature_source : std::uint8_t { rule, flag, word, bigram, chars, head_word, head_bigram, head_chars };

struct feature {
  std::uint32_t bucket;
  float value;
  feature_source source;
  std::uint32_t ref;  ///< rule index (rule, flag), word index (word, bigram, chars, head_*)
};

/// FNV-1a over a one-byte kind and the text, reduced to a bucket.
struct feature_hasher {
  std::uint32_t h = 2166136261u;
  explicit feature_hasher(char kind) { add(kind); }
  void add(char c) { h = (h ^ static_cast<unsigned char>(c)) * 16777619u; }
  void add(std::string_view s) { for (char c : s) add(c); }
  std::uint32_t bucket() const { return (h ^ (h >> 15)) & (model_buckets - 1); }
};
inline std::uint32_t feature_bucket(char kind, std::string_view text) {
  feature_hasher f(kind);
  f.add(text);
  return f.bucket();
}

using scores = std::array<double, category_count>;

/// A fitted model, ready to score: a hash table from bucket to a row of nine weights.
class linear_model {
 public:
  linear_model() = default;
  /// From dense weights (buckets × 9, as the trainer holds them); rows that are all zero are dropped.
  static linear_model from_dense(const std::vector<float>& weights, const scores& bias, double unsure);
  /// From the compiled blob (see the top of this file).
  static outcome<linear_model> from_blob(const unsigned char* data, std::size_t size);
  /// The model compiled into the binary.
  static const linear_model& builtin();

  /// The row of nine weights for a bucket, or nullptr when it has none.
  const float* row(std::uint32_t bucket) const {
    if (keys_.empty()) return nullptr;
    std::uint32_t slot = (bucket * 2654435761u) & mask_;
    while (true) {
      const std::uint32_t k = keys_[slot];
      if (k == bucket) return &weights_[static_cast<std::size_t>(rows_[slot]) * category_count];
      if (k == empty_key) return nullptr;
      slot = (slot + 1) & mask_;
    }
  }
  const scores& bias() const { return bias_; }
  /// Below this probability a choice between accepting and not accepting is "unsure".
  double unsure() const { return unsure_; }
  std::size_t row_count() const { return weights_.size() / category_count; }
  /// Unique per model built in this process (caches keyed by it never see a stale model).
  std::uint64_t id() const { return id_; }

  /// Quantised blob and C++ source holding it (what `vouch train` writes).
  std::vector<unsigned char> to_blob() const;

 private:
  static constexpr std::uint32_t empty_key = 0xFFFFFFFFu;
  void index(const std::vector<std::uint32_t>& buckets);
  std::vector<std::uint32_t> keys_;
  std::vector<std::uint32_t> rows_;
  std::uint32_t mask_ = 0;
  std::vector<float> weights_;  // row-major, 9 per row
  std::vector<std::uint32_t> row_buckets_;
  scores bias_{};
  double unsure_ = 0.6;
  std::uint64_t id_ = 0;
};

/// e^x by arithmetic alone, so the native and wasm builds print the same digits.
double exp_portable(double x);
/// Probabilities from scores.
scores softmax(const scores& s);

}  // namespace vouch::detail
