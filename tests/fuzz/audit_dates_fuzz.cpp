// The export's date formats and profile addresses (audit_dates.cpp) on any text: each parser
// gives nothing or a real day that formats as YYYY-MM-DD and reads back as the same day; civil
// dates round-trip; a profile slug is lower case with no separator left in it.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <string>

#include "audit/audit_detail.hpp"
#include "fuzz_support.hpp"

using namespace vouch::fuzz;
namespace d = vouch::detail;

namespace {

void check_day(std::optional<int> day, const char* which, std::string_view input) {
  if (!day) return;
  const std::string iso = d::format_date(*day);
  require(iso.size() == 10 && iso[4] == '-' && iso[7] == '-', which, iso);
  require(d::parse_iso_date(iso) == day, "a formatted day does not read back", iso);
  require(d::year_of(*day) == std::stoi(iso.substr(0, 4)), "year_of disagrees with format_date", iso);
  (void)input;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  check_day(d::parse_iso_date(s), "parse_iso_date", s);
  check_day(d::parse_connections_date(s), "parse_connections_date", s);
  check_day(d::parse_messages_date(s), "parse_messages_date", s);
  check_day(d::parse_invitations_date(s), "parse_invitations_date", s);
  check_day(d::parse_endorsement_date(s), "parse_endorsement_date", s);
  check_day(d::parse_any_date(s), "parse_any_date", s);
  check_day(d::date_in_zip_name(s), "date_in_zip_name", s);

  const std::string slug = d::audit_slug(s);
  for (char c : slug) require(!(c >= 'A' && c <= 'Z') && c != '/' && c != '?' && c != '#', "a slug with upper case or a separator", slug);

  FuzzedDataProvider f(data, size);
  const bool near = f.ConsumeBool();  // near the range of real dates, or any int
  const int y = near ? f.ConsumeIntegralInRange<int>(1890, 2210) : f.ConsumeIntegral<int>();
  const int m = near ? f.ConsumeIntegralInRange<int>(0, 13) : f.ConsumeIntegral<int>();
  const int day = near ? f.ConsumeIntegralInRange<int>(0, 32) : f.ConsumeIntegral<int>();
  if (const auto days = d::days_from_civil(y, m, day)) {
    const std::string iso = d::format_date(*days);
    require(y >= 0 && y <= 9999, "days_from_civil took a year that YYYY cannot hold", iso);
    char want[16];
    std::snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, day);
    require(iso == want, "days_from_civil and format_date disagree", iso);
  }
  return 0;
}
