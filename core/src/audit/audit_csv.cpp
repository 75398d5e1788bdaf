// The audit's CSV reader: RFC 4180 with the quirks of LinkedIn's export files, fed in chunks.
#include <algorithm>
#include <cstring>

#include "audit_detail.hpp"

namespace vouch::detail {

void csv_reader::end_field() {
  // The row's strings are reused from row to row (their capacity with them).
  // Swapped, not copied: the field's buffer goes to the row and the row's old one comes back.
  if (n_ == fields_.size()) fields_.emplace_back();
  fields_[n_].swap(field_);
  ++n_;
  field_.clear();
}

void csv_reader::end_row() {
  end_field();
  fields_.resize(n_);
  // A blank line (one empty, unquoted field) is not a row.
  if (row_has_content_ || n_ > 1 || !fields_[0].empty()) fn_(fields_, row_line_);
  n_ = 0;
  row_has_content_ = false;
  state_ = st::field_start;
  row_line_ = line_;
}

void csv_reader::feed(std::string_view chunk) {
  static constexpr unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
  std::size_t i = 0;
  while (bom_ < 3 && i < chunk.size()) {
    if (static_cast<unsigned char>(chunk[i]) == bom[bom_]) {
      ++bom_;
      ++i;
      continue;
    }
    // Not a byte-order mark after all: the bytes matched so far are text.
    for (int k = 0; k < bom_; ++k) field_ += static_cast<char>(bom[k]);
    if (bom_) state_ = st::unquoted;
    bom_ = 3;
  }
  for (; i < chunk.size(); ++i) {
    const char c = chunk[i];
    switch (state_) {
      case st::field_start:
        if (c == '"') { state_ = st::quoted; row_has_content_ = true; }
        else if (c == ',') { end_field(); row_has_content_ = true; }
        else if (c == '\n') { ++line_; end_row(); }
        else if (c != '\r') { field_ += c; state_ = st::unquoted; }
        break;
      case st::unquoted: {
        // Plain text up to the next character that matters, in one append.
        std::size_t j = i;
        while (j < chunk.size() && chunk[j] != ',' && chunk[j] != '\n' && chunk[j] != '\r') ++j;
        if (j > i) {
          field_.append(chunk.data() + i, j - i);
          i = j - 1;
          break;
        }
      }
        if (c == ',') { end_field(); state_ = st::field_start; }
        else if (c == '\n') { ++line_; end_row(); }
        else if (c != '\r') field_ += c;
        break;
      case st::quoted: {
        const void* q = std::memchr(chunk.data() + i, '"', chunk.size() - i);
        const std::size_t j = q ? static_cast<std::size_t>(static_cast<const char*>(q) - chunk.data()) : chunk.size();
        if (j > i) {
          line_ += static_cast<std::size_t>(std::count(chunk.data() + i, chunk.data() + j, '\n'));
          field_.append(chunk.data() + i, j - i);
          i = j - 1;
          break;
        }
      }
        if (c == '"') state_ = st::quote_seen;
        else {
          if (c == '\n') ++line_;
          field_ += c;
        }
        break;
      case st::quote_seen:
        if (c == '"') { field_ += '"'; state_ = st::quoted; }
        else if (c == ',') { end_field(); state_ = st::field_start; }
        else if (c == '\n') { ++line_; end_row(); }
        else if (c != '\r') { field_ += c; state_ = st::unquoted; }  // "ab"c: kept as text
        break;
    }
  }
}

bool csv_reader::end() {
  const bool open = state_ == st::quoted;
  if (state_ != st::field_start || !field_.empty() || n_ || row_has_content_) end_row();
  state_ = st::field_start;
  return !open;
}

}  // namespace vouch::detail
