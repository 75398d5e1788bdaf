// The audit's parts: a streaming CSV reader, the export's date formats and profile addresses.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vouch::detail {

/// An RFC 4180 reader fed in chunks: a byte-order mark, CRLF or LF, quoted fields holding
/// commas, doubled quotes and newlines. Blank lines are skipped. One row is held at a time.
class csv_reader {
 public:
  /// Called with each row's fields and the physical line (1-based) the row starts on.
  using row_fn = std::function<void(std::vector<std::string>& fields, std::size_t line)>;
  explicit csv_reader(row_fn fn) : fn_(std::move(fn)) {}
  void feed(std::string_view chunk);
  /// Ends the input: the last row need not end with a newline. False when it ended inside a
  /// quoted field (that row is still delivered); `open_line()` is where that field's row began.
  bool end();
  std::size_t open_line() const { return row_line_; }

 private:
  enum class st { field_start, unquoted, quoted, quote_seen };
  void end_field();
  void end_row();
  row_fn fn_;
  std::vector<std::string> fields_;
  std::string field_;
  st state_ = st::field_start;
  int bom_ = 0;                 // bytes of the byte-order mark matched so far (3: done)
  bool row_has_content_ = false;
  std::size_t line_ = 1, row_line_ = 1;
};

/// Days since 1970-01-01 of a civil date, or nullopt when it is not a real date.
std::optional<int> days_from_civil(int y, int m, int d);
/// "YYYY-MM-DD".
std::string format_date(int days);
int year_of(int days);

/// The export's date formats (contract: "Auditing the network").
std::optional<int> parse_iso_date(std::string_view s);          ///< 2026-11-20
std::optional<int> parse_connections_date(std::string_view s);  ///< 12 Mar 2024
std::optional<int> parse_messages_date(std::string_view s);     ///< 2025-10-06 23:49:02 UTC
std::optional<int> parse_invitations_date(std::string_view s);  ///< 9/27/25, 8:41 AM
std::optional<int> parse_endorsement_date(std::string_view s);  ///< 2023/06/05 15:47:58 UTC
/// Any of the formats above.
std::optional<int> parse_any_date(std::string_view s);
/// The date in an export's name, e.g. Basic_LinkedInDataExport_11-20-2026.zip (MM-DD-YYYY).
std::optional<int> date_in_zip_name(std::string_view name);

/// The `<slug>` of a LinkedIn profile address, lower-cased: scheme, `www.`, case, trailing
/// slash, query and fragment ignored ("" when it is not a /in/ address).
std::string audit_slug(std::string_view url);

}  // namespace vouch::detail
