// The export's date formats, each file its own (contract: "Auditing the network"), and the
// profile addresses rows are joined on.
#include <array>
#include <cctype>
#include <cstdio>

#include "audit_detail.hpp"

namespace vouch::detail {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/// Reads 1 to `max` digits at `i`.
bool digits(std::string_view s, std::size_t& i, int min, int max, int& out) {
  int n = 0;
  out = 0;
  while (i < s.size() && n < max && std::isdigit(static_cast<unsigned char>(s[i]))) {
    out = out * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n >= min;
}

bool lit(std::string_view s, std::size_t& i, char c) {
  if (i < s.size() && s[i] == c) { ++i; return true; }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// An optional time after a date: " HH:MM[:SS][ UTC]" or ", H:MM AM" (checked loosely).
bool time_tail(std::string_view s, std::size_t i) {
  if (i == s.size()) return true;
  if (s[i] == ',') ++i;
  if (!lit(s, i, ' ')) return false;
  int h, m, sec;
  if (!digits(s, i, 1, 2, h) || h > 23 || !lit(s, i, ':') || !digits(s, i, 2, 2, m) || m > 59) return false;
  if (lit(s, i, ':') && (!digits(s, i, 2, 2, sec) || sec > 60)) return false;
  const std::string_view rest = s.substr(i);
  return rest.empty() || rest == " UTC" || rest == " AM" || rest == " PM" || rest == " am" || rest == " pm" || rest == "Z";
}

/// y m d separated by `sep`, then a time.
std::optional<int> ymd(std::string_view s, char sep) {
  s = trim(s);
  std::size_t i = 0;
  int y, m, d;
  if (!digits(s, i, 4, 4, y) || !lit(s, i, sep) || !digits(s, i, 1, 2, m) || !lit(s, i, sep) || !digits(s, i, 1, 2, d))
    return std::nullopt;
  if (!time_tail(s, i)) return std::nullopt;
  return days_from_civil(y, m, d);
}

}  // namespace

std::optional<int> days_from_civil(int y, int m, int d) {
  static constexpr std::array<int, 12> len{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > len[m - 1] + (m == 2 && leap(y) ? 1 : 0)) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

namespace {
void civil_from_days(int z, int& y, int& m, int& d) {
  z += 719468;
  const int era = z / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);
  y = yoe + era * 400 + (m <= 2);
}
}  // namespace

std::string format_date(int days) {
  int y, m, d;
  civil_from_days(days, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int year_of(int days) {
  int y, m, d;
  civil_from_days(days, y, m, d);
  return y;
}

std::optional<int> parse_iso_date(std::string_view s) {
  std::size_t i = 0;
  int y, m, d;
  if (s.size() != 10 || !digits(s, i, 4, 4, y) || !lit(s, i, '-') || !digits(s, i, 2, 2, m) || !lit(s, i, '-') ||
      !digits(s, i, 2, 2, d))
    return std::nullopt;
  return days_from_civil(y, m, d);
}

std::optional<int> parse_connections_date(std::string_view s) {
  static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
  s = trim(s);
  std::size_t i = 0;
  int d, y;
  if (!digits(s, i, 1, 2, d) || !lit(s, i, ' ')) return std::nullopt;
  const std::size_t b = i;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  if (i - b < 3) return std::nullopt;
  std::string name;
  for (std::size_t k = b; k < i; ++k) name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  int m = 0;
  for (int k = 0; k < 12; ++k)
    if (name.compare(0, 3, months[k]) == 0) m = k + 1;
  // Three letters, or the month's whole English name.
  static constexpr std::array<std::string_view, 12> full{"january", "february", "march", "april", "may", "june",
                                                         "july", "august", "september", "october", "november", "december"};
  if (!m || (name.size() != 3 && name != full[m - 1] && !(m == 9 && name == "sept"))) return std::nullopt;
  if (!lit(s, i, ' ') || !digits(s, i, 4, 4, y) || i != s.size()) return std::nullopt;
  return days_from_civil(y, m, d);
}

std::optional<int> parse_messages_date(std::string_view s) { return ymd(s, '-'); }
std::optional<int> parse_endorsement_date(std::string_view s) { return ymd(s, '/'); }

std::optional<int> parse_invitations_date(std::string_view s) {
  s = trim(s);
  std::size_t i = 0;
  int m, d, y;
  if (!digits(s, i, 1, 2, m) || !lit(s, i, '/') || !digits(s, i, 1, 2, d) || !lit(s, i, '/')) return std::nullopt;
  const std::size_t b = i;
  if (!digits(s, i, 2, 4, y) || (i - b != 2 && i - b != 4)) return std::nullopt;
  if (i - b == 2) y += 2000;
  if (!time_tail(s, i)) return std::nullopt;
  return days_from_civil(y, m, d);
}

std::optional<int> parse_any_date(std::string_view s) {
  if (auto d = parse_messages_date(s)) return d;
  if (auto d = parse_endorsement_date(s)) return d;
  if (auto d = parse_invitations_date(s)) return d;
  return parse_connections_date(s);
}

std::optional<int> date_in_zip_name(std::string_view name) {
  for (std::size_t p = 0; p + 10 <= name.size(); ++p) {
    std::size_t i = p;
    int m, d, y;
    if (p > 0 && std::isdigit(static_cast<unsigned char>(name[p - 1]))) continue;
    if (digits(name, i, 2, 2, m) && lit(name, i, '-') && digits(name, i, 2, 2, d) && lit(name, i, '-') &&
        digits(name, i, 4, 4, y) && (i == name.size() || !std::isdigit(static_cast<unsigned char>(name[i]))))
      if (auto r = days_from_civil(y, m, d)) return r;
  }
  return std::nullopt;
}

std::string audit_slug(std::string_view url) {
  auto t = trim(url);
  std::string s;
  s.reserve(t.size());
  for (char c : t) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto q = s.find_first_of("?#"); q != std::string::npos) s.resize(q);
  std::string_view v = s;
  if (auto p = v.find("://"); p != std::string_view::npos) v.remove_prefix(p + 3);
  // The host: linkedin.com with any subdomain (www., de., ...), or none at all.
  if (auto slash = v.find('/'); slash != std::string_view::npos && v.substr(0, slash).find("linkedin.") != std::string_view::npos)
    v.remove_prefix(slash);
  while (!v.empty() && v.front() == '/') v.remove_prefix(1);
  if (v.substr(0, 3) != "in/") return "";
  v.remove_prefix(3);
  if (auto e = v.find('/'); e != std::string_view::npos) v = v.substr(0, e);
  return std::string(v);
}

}  // namespace vouch::detail
