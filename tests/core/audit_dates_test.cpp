// The export's date formats, one per file, the zip's name date, and profile addresses.
#include <catch2/catch.hpp>

#include "audit/audit_detail.hpp"

using namespace vouch::detail;

namespace {
std::string iso(std::optional<int> d) { return d ? format_date(*d) : "none"; }
}

TEST_CASE("dates: Connections.csv's 12 Mar 2024", "[audit][dates]") {
  CHECK(iso(parse_connections_date("12 Mar 2024")) == "2024-03-12");
  CHECK(iso(parse_connections_date("1 Jan 2020")) == "2020-01-01");
  CHECK(iso(parse_connections_date(" 29 Feb 2024 ")) == "2024-02-29");
  CHECK(iso(parse_connections_date("5 September 2019")) == "2019-09-05");
  CHECK(iso(parse_connections_date("29 Feb 2023")) == "none");
  CHECK(iso(parse_connections_date("31 Foo 2020")) == "none");
  CHECK(iso(parse_connections_date("32 Jan 2020")) == "none");
  CHECK(iso(parse_connections_date("12 Mar 24")) == "none");
  CHECK(iso(parse_connections_date("12 Marc 2024")) == "none");
  CHECK(iso(parse_connections_date("")) == "none");
}

TEST_CASE("dates: messages.csv's 2025-10-06 23:49:02 UTC", "[audit][dates]") {
  CHECK(iso(parse_messages_date("2025-10-06 23:49:02 UTC")) == "2025-10-06");
  CHECK(iso(parse_messages_date("2025-10-06 23:49:02")) == "2025-10-06");
  CHECK(iso(parse_messages_date("2025-10-06")) == "2025-10-06");
  CHECK(iso(parse_messages_date("2025-13-06 23:49:02 UTC")) == "none");
  CHECK(iso(parse_messages_date("2025-10-06 24:49:02 UTC")) == "none");
  CHECK(iso(parse_messages_date("2025-10-06 23:49:02 PST")) == "none");
  CHECK(iso(parse_messages_date("not a date")) == "none");
}

TEST_CASE("dates: Invitations.csv's 9/27/25, 8:41 AM", "[audit][dates]") {
  CHECK(iso(parse_invitations_date("9/27/25, 8:41 AM")) == "2025-09-27");
  CHECK(iso(parse_invitations_date("12/1/24, 11:05 PM")) == "2024-12-01");
  CHECK(iso(parse_invitations_date("2/29/24, 1:00 PM")) == "2024-02-29");
  CHECK(iso(parse_invitations_date("2/29/23, 1:00 PM")) == "none");
  CHECK(iso(parse_invitations_date("27/9/25, 8:41 AM")) == "none");
  CHECK(iso(parse_invitations_date("9/27/25 8:41")) == "2025-09-27");
  CHECK(iso(parse_invitations_date("9/27/2025")) == "2025-09-27");
  CHECK(iso(parse_invitations_date("9/27/225, 8:41 AM")) == "none");
}

TEST_CASE("dates: endorsements' 2023/06/05 15:47:58 UTC", "[audit][dates]") {
  CHECK(iso(parse_endorsement_date("2023/06/05 15:47:58 UTC")) == "2023-06-05");
  CHECK(iso(parse_endorsement_date("2023/6/5")) == "2023-06-05");
  CHECK(iso(parse_endorsement_date("2023/06/31 15:47:58 UTC")) == "none");
  CHECK(iso(parse_endorsement_date("2023-06-05 15:47:58 UTC")) == "none");
  CHECK(iso(parse_any_date("2023-06-05 15:47:58 UTC")) == "2023-06-05");
  CHECK(iso(parse_any_date("12 Mar 2024")) == "2024-03-12");
  CHECK(iso(parse_any_date("garbage")) == "none");
}

TEST_CASE("dates: ISO dates, the zip's name and round trips", "[audit][dates]") {
  CHECK(iso(parse_iso_date("2026-11-20")) == "2026-11-20");
  CHECK(iso(parse_iso_date("2026-11-31")) == "none");
  CHECK(iso(parse_iso_date("2026-1-20")) == "none");
  CHECK(iso(date_in_zip_name("Basic_LinkedInDataExport_11-20-2026.zip")) == "2026-11-20");
  CHECK(iso(date_in_zip_name("Complete_LinkedInDataExport_02-29-2024 (1).zip")) == "2024-02-29");
  CHECK(iso(date_in_zip_name("export.zip")) == "none");
  CHECK(iso(date_in_zip_name("Basic_LinkedInDataExport_13-20-2026.zip")) == "none");
  for (int d = -1000; d < 30000; d += 37) CHECK(parse_iso_date(format_date(d)) == d);
  CHECK(*days_from_civil(1970, 1, 1) == 0);
  CHECK(year_of(*days_from_civil(2019, 12, 31)) == 2019);
}

TEST_CASE("profile addresses: /in/<slug> decides", "[audit][join]") {
  const std::string want = "uma-nguyen-00000a";
  for (const char* url : {"https://www.linkedin.com/in/uma-nguyen-00000a/", "https://www.linkedin.com/in/uma-nguyen-00000a",
                          "http://linkedin.com/in/uma-nguyen-00000a", "www.linkedin.com/in/uma-nguyen-00000a",
                          "linkedin.com/in/Uma-Nguyen-00000A/", "HTTPS://WWW.LINKEDIN.COM/IN/UMA-NGUYEN-00000A",
                          "https://www.linkedin.com/in/uma-nguyen-00000a?trk=abc", "https://www.linkedin.com/in/uma-nguyen-00000a/#about",
                          "https://de.linkedin.com/in/uma-nguyen-00000a/details/", " https://www.linkedin.com/in/uma-nguyen-00000a/ "})
    CHECK(audit_slug(url) == want);
  CHECK(audit_slug("https://www.linkedin.com/company/acme") == "");
  CHECK(audit_slug("") == "");
  CHECK(audit_slug("https://example.com/in/x") == "");
}
