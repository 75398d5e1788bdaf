// The audit's CSV reader: RFC 4180 with the quirks of LinkedIn's export files, fed in chunks.
#include "audit_detail.hpp"

namespace vouch::detail {

void csv_reader::end_field() {
  fields_.push_back(std::move(field_));
  field_.clear();
}

void csv_reader::end_row() {
  end_field();
  // A blank line (one empty, unquoted field) is not a row.
  if (row_has_content_ || fields_.size() > 1 || !fields_[0].empty()) fn_(fields_, row_line_);
  fields_.clear();
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
      case st::unquoted:
        if (c == ',') { end_field(); state_ = st::field_start; }
        else if (c == '\n') { ++line_; end_row(); }
        else if (c != '\r') field_ += c;
        break;
      case st::quoted:
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
  if (state_ != st::field_start || !field_.empty() || !fields_.empty() || row_has_content_) end_row();
  state_ = st::field_start;
  return !open;
}

}  // namespace vouch::detail
