// Auditing the network from LinkedIn's data export (contract: "Auditing the network").
//
// A streaming auditor: the export's files are fed in chunks, in order, one file after another;
// each CSV row is read as soon as it is complete, so memory stays about one row plus what the
// audit keeps per connection. No exceptions cross this API: errors are values.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/category.hpp"
#include "vouch/outcome.hpp"
#include "vouch/policy.hpp"

namespace vouch {

/// How the audit is dated and where its thresholds lie.
struct audit_options {
  std::string as_of;      ///< "YYYY-MM-DD"; empty: the date in zip_name, else the latest date in the files
  int stale_days = 365;   ///< an interaction within this many days of as_of is recent (active)
  int grace_days = 90;    ///< a connection made within this many days of as_of without one is new
  std::string zip_name;   ///< the export's file name, e.g. "Basic_LinkedInDataExport_11-20-2026.zip"
};

/// Messages exchanged with one connection.
struct audit_messages {
  int sent = 0;           ///< by the user in conversations the connection takes part in
  int received = 0;       ///< by the connection
  std::string last;       ///< "YYYY-MM-DD" of the latest, empty when none
};

/// One connection of Connections.csv with its evidence and status.
struct audit_connection {
  std::string name;           ///< "First Last"
  std::string profile_url;    ///< joined form https://www.linkedin.com/in/<slug>/, empty when unknown
  std::string company;
  std::string position;
  std::string connected_on;   ///< "YYYY-MM-DD", empty when the date could not be read
  audit_messages messages;
  int endorsements = 0;       ///< accepted endorsements, either way
  int recommendations = 0;    ///< visible recommendations, either way
  std::string last_interaction;  ///< "YYYY-MM-DD", empty when none
  std::string status;         ///< "active", "faded", "never" or "new"
  std::optional<vouch::category> role;  ///< the category the rule pack gives the position alone
  std::vector<std::string> reasons;     ///< e.g. "Connected 2019, no message, endorsement or recommendation since"
};

/// A row (or file) that could not be read: the rest was still read.
struct audit_warning {
  std::string file;       ///< e.g. "messages.csv"
  std::size_t line = 0;   ///< the row's first physical line, 1-based; 0 for the whole file
  std::string message;    ///< what was wrong, e.g. "bad date \"31 Foo 2020\" in Connected On"
};

/// The audit's result: the connections in Connections.csv order and the summary's figures.
struct audit_report {
  std::string as_of;                          ///< "YYYY-MM-DD"
  std::vector<audit_connection> connections;
  std::map<std::string, int> status;          ///< count per status (all four present)
  std::map<int, int> per_year;                ///< connections made per year
  int invitations = 0;                        ///< incoming invitations judged
  std::map<std::string, int> invitation_categories;  ///< count per category of the incoming ones
  int pending_sent_over_21_days = 0;          ///< outgoing invitations older than 21 days at as_of
  std::vector<audit_warning> warnings;
};

namespace detail { struct auditor_state; }
class engine;

/// Reads an export file by file and joins it at the end.
class auditor {
 public:
  /// Compiles the policy's engine (incoming invitations and roles are judged with it).
  static outcome<auditor> create(const policy& p, audit_options options);
  /// The same with an engine already compiled (its policy's): auditing again under one policy
  /// costs no second compilation.
  static outcome<auditor> create(const engine& eng, audit_options options);
  auditor(auditor&&) noexcept;
  auditor& operator=(auditor&&) noexcept;
  ~auditor();

  /// Feeds the next bytes of `file_name` (base name or a path inside the zip: only the base name
  /// counts; files the audit does not read are ignored). Chunks may split rows and characters.
  void feed(std::string_view file_name, std::string_view chunk);
  /// Ends the current file (its last row need not end with a newline).
  void end_file(std::string_view file_name);
  /// Joins, dates and judges. An error when the export cannot be audited at all (no
  /// Connections.csv, or one without its header, or a bad as_of).
  outcome<audit_report> finish();

 private:
  explicit auditor(std::unique_ptr<detail::auditor_state> s);
  std::unique_ptr<detail::auditor_state> s_;
};

/// One JSON object a line per connection, in Connections.csv order (the contract's shape).
std::string audit_report_lines_json(const audit_report& r);
/// The summary object: as_of, connections, status, per_year, invitations {count, categories},
/// pending_sent_over_21_days, warnings [{file, line, message}].
std::string audit_summary_json(const audit_report& r);
/// A connection as its JSON object text (one line of audit_report_lines_json).
std::string audit_connection_json(const audit_connection& c);

}  // namespace vouch
