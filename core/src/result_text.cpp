// The Result object as JSON text, written directly: the same bytes as result_to_json(r).dump()
// (keys in nlohmann's sorted order, its escapes, its number format), without building a JSON
// tree first. classify_json is called once per invitation, so this is on the hot path, in
// the tool and in the wasm module alike.
#include <string>
#include <string_view>
#include <vector>

#include "vouch/classify.hpp"

namespace vouch {

namespace {

// Text under construction. A vector's push_back is inlined everywhere; std::string's is an
// out-of-line call in some standard libraries (libc++ in the wasm module), and this is the
// hot path that writes every result.
struct text_out {
  std::vector<char> buf;
  text_out& operator+=(char c) {
    buf.push_back(c);
    return *this;
  }
  text_out& operator+=(std::string_view s) {
    buf.insert(buf.end(), s.begin(), s.end());
    return *this;
  }
  void append(const char* p, std::size_t n) { buf.insert(buf.end(), p, p + n); }
  char back() const { return buf.back(); }
};

void put_string(text_out& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

// Weights and confidences are rounded to hundredths, so two decimals, trailing zeros trimmed
// down to one, is their shortest round-trip form, as nlohmann prints it ("4.0", "0.92").
// Written with integer arithmetic (no printf, which would add its float formatting to the
// wasm module).
void put_hundredths(text_out& out, double v) {
  if (v < 0) {
    out += '-';
    v = -v;
  }
  if (!(v <= 1e12)) v = 1e12;  // NaN or huge: the cast below would be undefined (the policy keeps weights far below)
  const auto n = static_cast<unsigned long long>(v * 100.0 + 0.5);
  out += std::to_string(n / 100);
  out += '.';
  out += static_cast<char>('0' + n % 100 / 10);
  if (n % 10 != 0) out += static_cast<char>('0' + n % 10);
}

// `,"key":` (no comma before the first field of an object).
void put_key(text_out& out, std::string_view key) {
  if (out.back() != '{') out += ',';
  out += '"';
  out += key;
  out += "\":";
}

void put_field(text_out& out, std::string_view key, std::string_view value) {
  put_key(out, key);
  put_string(out, value);
}

void put_field(text_out& out, std::string_view key, double hundredths) {
  put_key(out, key);
  put_hundredths(out, hundredths);
}

void put_reason(text_out& out, const reason& rs) {
  out += '{';
  put_field(out, "category", category_name(rs.category));
  if (!rs.evidence.empty()) put_field(out, "evidence", rs.evidence);
  put_field(out, "rule", rs.rule);
  if (rs.span) {
    put_key(out, "span");
    out += '[';
    out += std::to_string(rs.span->first);
    out += ',';
    out += std::to_string(rs.span->second);
    out += ']';
  }
  put_field(out, "text", rs.text);
  put_field(out, "weight", rs.weight);
  out += '}';
}

}  // namespace

std::string result_to_text(const result& r) {
  text_out out;
  std::size_t size = 160 + r.id.size() + r.reply.size();
  for (const auto& v : r.reply_variants) size += v.size() + 8;
  for (const auto& rs : r.reasons) size += 80 + rs.rule.size() + rs.text.size() + rs.evidence.size();
  out.buf.reserve(size);

  out += '{';
  put_field(out, "category", category_name(r.category));
  put_field(out, "confidence", r.confidence);
  put_field(out, "id", r.id);
  put_field(out, "language", r.language);
  put_key(out, "reasons");
  out += '[';
  for (std::size_t i = 0; i < r.reasons.size(); ++i) {
    if (i) out += ',';
    put_reason(out, r.reasons[i]);
  }
  out += ']';
  put_key(out, "reply");
  if (r.reply.empty()) out += "null";
  else put_string(out, r.reply);
  if (!r.reply_variants.empty()) {
    put_key(out, "reply_variants");
    out += '[';
    for (std::size_t i = 0; i < r.reply_variants.size(); ++i) {
      if (i) out += ',';
      put_string(out, r.reply_variants[i]);
    }
    out += ']';
  }
  put_field(out, "verdict", verdict_name(r.verdict));
  out += '}';
  return std::string(out.buf.data(), out.buf.size());
}

}  // namespace vouch
