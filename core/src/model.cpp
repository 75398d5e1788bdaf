#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <atomic>

namespace vouch::detail {

// Written by `vouch train` into core/model/model_data.cpp.
extern const unsigned char model_blob[];
extern const std::size_t model_blob_size;

double exp_portable(double x) {
  if (x < -700) return 0;
  if (x > 700) x = 700;
  // x = k ln2 + r, |r| <= ln2 / 2; e^r by its Taylor series (13 terms: below 1 ulp there).
  const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
  const double kd = std::floor(x * 1.44269504088896338700 + 0.5);
  const double r = (x - kd * ln2_hi) - kd * ln2_lo;
  double term = 1, sum = 1;
  for (int i = 1; i <= 13; ++i) {
    term *= r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(kd));
}

scores softmax(const scores& s) {
  const double top = *std::max_element(s.begin(), s.end());
  scores p{};
  double total = 0;
  for (std::size_t k = 0; k < s.size(); ++k) total += p[k] = exp_portable(s[k] - top);
  for (auto& v : p) v /= total;
  return p;
}

void linear_model::index(const std::vector<std::uint32_t>& buckets) {
  static std::atomic<std::uint64_t> next_id{1};
  id_ = next_id++;
  row_buckets_ = buckets;
  std::uint32_t size = 16;
  while (size < buckets.size() * 2 + 1) size <<= 1;
  mask_ = size - 1;
  keys_.assign(size, empty_key);
  rows_.assign(size, 0);
  for (std::uint32_t r = 0; r < buckets.size(); ++r) {
    std::uint32_t slot = (buckets[r] * 2654435761u) & mask_;
    while (keys_[slot] != empty_key) slot = (slot + 1) & mask_;
    keys_[slot] = buckets[r];
    rows_[slot] = r;
  }
}

linear_model linear_model::from_dense(const std::vector<float>& weights, const scores& bias, double unsure) {
  linear_model m;
  std::vector<std::uint32_t> buckets;
  for (std::uint32_t b = 0; b < model_buckets; ++b) {
    const float* w = &weights[static_cast<std::size_t>(b) * category_count];
    if (std::none_of(w, w + category_count, [](float v) { return v != 0; })) continue;
    buckets.push_back(b);
    m.weights_.insert(m.weights_.end(), w, w + category_count);
  }
  m.bias_ = bias;
  m.unsure_ = unsure;
  m.index(buckets);
  return m;
}

namespace {

void put_u32(std::vector<unsigned char>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
void put_f32(std::vector<unsigned char>& out, float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, 4);
  put_u32(out, v);
}

struct blob_reader {
  const unsigned char* p;
  std::size_t left;
  bool ok = true;
  std::uint32_t u32() {
    if (left < 4) { ok = false; return 0; }
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(p[i]) << (8 * i);
    p += 4;
    left -= 4;
    return v;
  }
  float f32() {
    const std::uint32_t v = u32();
    float f;
    std::memcpy(&f, &v, 4);
    return f;
  }
  std::uint32_t varint() {
    std::uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (!left) { ok = false; return 0; }
      const unsigned char b = *p++;
      --left;
      v |= static_cast<std::uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return 0;
  }
};

}  // namespace

std::vector<unsigned char> linear_model::to_blob() const {
  float top = 0;
  for (float w : weights_) top = std::max(top, std::fabs(w));
  const float scale = top > 0 ? top / 127.0f : 1.0f;
  // Rows whose weights all round to zero are dropped.
  std::vector<std::uint32_t> kept;
  for (std::uint32_t r = 0; r < row_buckets_.size(); ++r) {
    const float* w = &weights_[static_cast<std::size_t>(r) * category_count];
    if (std::any_of(w, w + category_count, [&](float v) { return std::lround(v / scale) != 0; })) kept.push_back(r);
  }
  std::sort(kept.begin(), kept.end(), [&](std::uint32_t a, std::uint32_t b) { return row_buckets_[a] < row_buckets_[b]; });
  std::vector<unsigned char> out{'V', 'M', '2'};
  put_u32(out, model_buckets);
  put_u32(out, static_cast<std::uint32_t>(kept.size()));
  put_f32(out, scale);
  put_f32(out, static_cast<float>(unsure_));
  for (double b : bias_) put_f32(out, static_cast<float>(b));
  std::uint32_t prev = 0;
  for (std::uint32_t r : kept) {
    std::uint32_t d = row_buckets_[r] - prev;
    prev = row_buckets_[r];
    while (d >= 0x80) { out.push_back(static_cast<unsigned char>(d | 0x80)); d >>= 7; }
    out.push_back(static_cast<unsigned char>(d));
  }
  // Weights class-major (all rows' weight for category 0, then 1...): compresses better.
  for (std::size_t k = 0; k < category_count; ++k)
    for (std::uint32_t r : kept) {
      const long q = std::lround(weights_[static_cast<std::size_t>(r) * category_count + k] / scale);
      out.push_back(static_cast<unsigned char>(static_cast<signed char>(std::clamp(q, -127L, 127L))));
    }
  return out;
}

outcome<linear_model> linear_model::from_blob(const unsigned char* data, std::size_t size) {
  if (size < 3 || std::memcmp(data, "VM2", 3) != 0) return error{"model: not a Vouch model (expected VM2)"};
  blob_reader r{data + 3, size - 3};
  const std::uint32_t buckets = r.u32(), rows = r.u32();
  const float scale = r.f32(), unsure = r.f32();
  linear_model m;
  for (auto& b : m.bias_) b = r.f32();
  if (!r.ok || buckets != model_buckets) return error{"model: built for another feature space"};
  if (rows > model_buckets) return error{"model: too many rows"};
  std::vector<std::uint32_t> bucket_of(rows);
  std::uint32_t at = 0;
  for (std::uint32_t i = 0; i < rows; ++i) {
    at += r.varint();
    if (at >= model_buckets) return error{"model: bucket out of range"};
    bucket_of[i] = at;
  }
  if (!r.ok || r.left != static_cast<std::size_t>(rows) * category_count) return error{"model: truncated weights"};
  m.weights_.resize(static_cast<std::size_t>(rows) * category_count);
  for (std::size_t k = 0; k < category_count; ++k)
    for (std::uint32_t i = 0; i < rows; ++i)
      m.weights_[static_cast<std::size_t>(i) * category_count + k] = static_cast<signed char>(*r.p++) * scale;
  m.unsure_ = unsure;
  m.index(bucket_of);
  return m;
}

const linear_model& linear_model::builtin() {
  static const linear_model m = [] {
    auto o = from_blob(model_blob, model_blob_size);
    return o ? std::move(o).value() : linear_model{};
  }();
  return m;
}

}  // namespace vouch::detail
