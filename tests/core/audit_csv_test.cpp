// The audit's CSV reader on every quirk of LinkedIn's export files, fed whole and a byte at a time.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "audit/audit_detail.hpp"

namespace {

struct row { std::vector<std::string> f; std::size_t line; };

/// Reads `text` in chunks of `step` bytes (0: whole); `closed` says whether it ended outside quotes.
std::vector<row> read_csv(const std::string& text, std::size_t step = 0, bool* closed = nullptr) {
  std::vector<row> rows;
  vouch::detail::csv_reader r([&](std::vector<std::string>& f, std::size_t line) { rows.push_back({f, line}); });
  if (!step) r.feed(text);
  else
    for (std::size_t i = 0; i < text.size(); i += step) r.feed(std::string_view(text).substr(i, step));
  const bool ok = r.end();
  if (closed) *closed = ok;
  return rows;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: plain rows with LF, CRLF and no final newline", "[audit][csv]") {
  for (std::size_t step : {0, 1, 2, 5}) {
    auto rows = read_csv("a,b,c\r\n1,2,3\n4,,6", step);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].f == strings{"a", "b", "c"});
    CHECK(rows[1].f == strings{"1", "2", "3"});
    CHECK(rows[2].f == strings{"4", "", "6"});
    CHECK(rows[2].line == 3);
  }
}

TEST_CASE("csv: a byte-order mark is dropped, even split across chunks", "[audit][csv]") {
  for (std::size_t step : {0, 1, 2}) {
    auto rows = read_csv("\xEF\xBB\xBF" "First Name,Last Name\r\nA,B\r\n", step);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].f[0] == "First Name");
  }
  // Bytes that only start like a mark are text.
  auto rows = read_csv("\xEF\xBBx,y\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].f[0] == "\xEF\xBBx");
}

TEST_CASE("csv: quoted fields hold commas, doubled quotes and newlines", "[audit][csv]") {
  for (std::size_t step : {0, 1, 3}) {
    auto rows = read_csv("h1,h2,h3\r\n\"Acme, Inc.\",\"He said \"\"hi\"\"\",\"two\r\nlines\nthree\"\r\nnext,row,here\r\n", step);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].f == strings{"Acme, Inc.", "He said \"hi\"", "two\r\nlines\nthree"});
    CHECK(rows[1].line == 2);
    CHECK(rows[2].line == 5);  // the row after a field with two newlines starts on line 5
    CHECK(rows[2].f == strings{"next", "row", "here"});
  }
}

TEST_CASE("csv: blank lines are skipped but counted, empty quoted fields kept", "[audit][csv]") {
  auto rows = read_csv("a\n\n\r\nb\n\"\"\n,\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].f == strings{"b"});
  CHECK(rows[1].line == 4);
  CHECK(rows[2].f == strings{""});
  CHECK(rows[3].f == strings{"", ""});
}

TEST_CASE("csv: Connections.csv's Notes: preamble is a row and a quoted note spanning lines", "[audit][csv]") {
  const std::string text =
      "Notes:\r\n\"When exporting your connection data, you may notice\r\nthat some emails are missing.\"\r\n\r\n"
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
  auto rows = read_csv(text, 7);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].f == strings{"Notes:"});
  CHECK(rows[1].f.size() == 1);
  CHECK(rows[2].f.size() == 7);
  CHECK(rows[2].line == 5);
}

TEST_CASE("csv: an unclosed quote at the end is reported, its row still delivered", "[audit][csv]") {
  bool closed = true;
  auto rows = read_csv("a,b\n1,\"open\nand on", 0, &closed);
  CHECK_FALSE(closed);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].f == strings{"1", "open\nand on"});
  bool ok = false;
  read_csv("a,\"b\"\n", 0, &ok);
  CHECK(ok);
}

TEST_CASE("csv: text after a closing quote is kept", "[audit][csv]") {
  auto rows = read_csv("\"ab\"c,d\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].f == strings{"abc", "d"});
}
