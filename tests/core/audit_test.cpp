// The audit: joins with address variants and duplicate names, each status at its boundaries,
// malformed rows by file and line, and `vouch audit` on a folder and on a zip.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "vouch/audit.hpp"
#include "vouch/classify.hpp"

namespace fs = std::filesystem;

namespace {

using files = std::vector<std::pair<std::string, std::string>>;

const std::string conn_header =
    "Notes:\r\n\"When exporting your connection data,\r\nsome e-mails are missing.\"\r\n\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
const std::string msg_header =
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT\n";

vouch::audit_report audit(const files& fs_, vouch::audit_options o = {}, std::size_t step = 0) {
  if (o.as_of.empty() && o.zip_name.empty()) o.as_of = "2026-11-20";
  auto p = vouch::parse_policy_text(R"({"me": {"name": "Ann Me"}})");
  REQUIRE(p.ok());
  auto a = vouch::auditor::create(p.value(), o);
  REQUIRE(a.ok());
  auto au = std::move(a).value();
  for (const auto& [name, text] : fs_) {
    if (!step) au.feed(name, text);
    else
      for (std::size_t i = 0; i < text.size(); i += step) au.feed(name, std::string_view(text).substr(i, step));
    au.end_file(name);
  }
  auto r = au.finish();
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::string msg(const std::string& conv, const std::string& from, const std::string& from_url, const std::string& to,
                const std::string& to_urls, const std::string& date, const std::string& draft = "No") {
  return conv + ",," + from + "," + from_url + ",\"" + to + "\",\"" + to_urls + "\"," + date + ",,\"text, with a comma\",INBOX," + draft + "\n";
}

const vouch::audit_connection& by_name(const vouch::audit_report& r, const std::string& name, int nth = 0) {
  for (const auto& c : r.connections)
    if (c.name == name && nth-- == 0) return c;
  FAIL("no connection " << name);
  return r.connections.front();
}

}  // namespace

TEST_CASE("audit: messages join by any variant of the profile address", "[audit][join]") {
  const std::vector<std::string> variants{
      "https://www.linkedin.com/in/uma-n/", "http://linkedin.com/in/uma-n",     "www.linkedin.com/in/uma-n",
      "linkedin.com/in/UMA-N",             "https://www.linkedin.com/in/uma-n?trk=x", "https://www.linkedin.com/in/uma-n#f"};
  for (const auto& v : variants) {
    const auto r = audit({{"Connections.csv", conn_header + "Uma,N,https://www.linkedin.com/in/Uma-N,,Co,Eng,15 Apr 2021\r\n"},
                          {"messages.csv", msg_header + msg("c1", "Someone Else", v, "Ann Me", "https://www.linkedin.com/in/ann-me", "2026-05-01 10:00:00 UTC") +
                                               msg("c1", "Ann Me", "https://www.linkedin.com/in/ann-me", "X", v, "2026-05-02 10:00:00 UTC")}});
    INFO(v);
    const auto& c = by_name(r, "Uma N");
    CHECK(c.profile_url == "https://www.linkedin.com/in/uma-n/");
    CHECK(c.messages.received == 1);
    CHECK(c.messages.sent == 1);
    CHECK(c.messages.last == "2026-05-02");
    CHECK(c.status == "active");
  }
}

TEST_CASE("audit: names join only when exactly one connection has that name", "[audit][join]") {
  const auto r = audit({{"Connections.csv", conn_header +
                                                "Cara,Diaz,https://www.linkedin.com/in/cara-1,,A,Eng,01 Feb 2018\r\n"
                                                "Cara,Diaz,https://www.linkedin.com/in/cara-2,,B,Eng,02 Feb 2018\r\n"
                                                "Dan,Ek,https://www.linkedin.com/in/dan-ek,,C,Eng,03 Feb 2018\r\n"},
                        {"Recommendations_Received.csv",
                         "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
                         "Cara,Diaz,A,Eng,\"Great, truly\",\"01/10/24, 10:00 AM\",VISIBLE\n"
                         "Dan,Ek,C,Eng,Fine,\"01/10/24, 10:00 AM\",VISIBLE\n"
                         "Dan,Ek,C,Eng,Hidden,\"01/11/26, 10:00 AM\",HIDDEN\n"},
                        {"messages.csv", msg_header + msg("c9", "Ann Me", "", "Cara Diaz", "", "2026-05-01 10:00:00 UTC")}});
  CHECK(by_name(r, "Cara Diaz", 0).recommendations == 0);
  CHECK(by_name(r, "Cara Diaz", 1).recommendations == 0);
  CHECK(by_name(r, "Cara Diaz", 0).messages.sent == 0);
  CHECK(by_name(r, "Cara Diaz", 0).status == "never");
  CHECK(by_name(r, "Dan Ek").recommendations == 1);
  CHECK(by_name(r, "Dan Ek").last_interaction == "2024-01-10");
  CHECK(by_name(r, "Dan Ek").status == "faded");
  CHECK(by_name(r, "Dan Ek").reasons.at(0) == "Last recommendation 2024-01-10, over a year before 2026-11-20");
}

TEST_CASE("audit: group conversations count for each member, drafts do not", "[audit][join]") {
  const auto r = audit({{"Connections.csv", conn_header +
                                                "Eve,Fox,https://www.linkedin.com/in/eve-fox,,A,Eng,01 Feb 2018\r\n"
                                                "Dan,Ek,https://www.linkedin.com/in/dan-ek,,B,Eng,02 Feb 2018\r\n"
                                                "Bo,Li,https://www.linkedin.com/in/bo-li,,C,Eng,03 Feb 2018\r\n"},
                        {"messages.csv", msg_header +
                                             msg("g", "Ann Me", "https://www.linkedin.com/in/ann-me", "Eve Fox, Dan Ek",
                                                 "https://www.linkedin.com/in/eve-fox;https://www.linkedin.com/in/dan-ek", "2026-06-01 08:00:00 UTC") +
                                             msg("d", "Ann Me", "https://www.linkedin.com/in/ann-me", "Bo Li",
                                                 "https://www.linkedin.com/in/bo-li", "2026-06-01 08:00:00 UTC", "Yes")}});
  CHECK(by_name(r, "Eve Fox").status == "active");
  CHECK(by_name(r, "Dan Ek").status == "active");
  CHECK(by_name(r, "Dan Ek").messages.sent == 1);
  CHECK(by_name(r, "Bo Li").status == "never");
  CHECK(by_name(r, "Bo Li").messages.sent == 0);
}

TEST_CASE("audit: each status at its boundaries", "[audit][status]") {
  // As of 2026-11-20: 365 days before is 2025-11-20, 366 is 2025-11-19; 90 days before is 2026-08-22.
  const std::string conns = conn_header +
                            "Act,Edge,https://www.linkedin.com/in/a1,,A,Eng,01 Feb 2018\r\n"
                            "Fad,Edge,https://www.linkedin.com/in/a2,,A,Eng,01 Feb 2018\r\n"
                            "New,Edge,https://www.linkedin.com/in/a3,,A,Eng,22 Aug 2026\r\n"
                            "Nev,Edge,https://www.linkedin.com/in/a4,,A,Eng,21 Aug 2026\r\n";
  const std::string endorse = "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
                              "2025/11/20 15:47:58 UTC,C++,Act,Edge,www.linkedin.com/in/a1,ACCEPTED\n"
                              "2025/11/19 23:59:59 UTC,C++,Fad,Edge,linkedin.com/in/a2/,ACCEPTED\n"
                              "2026/11/01 10:00:00 UTC,C++,Nev,Edge,linkedin.com/in/a4/,PENDING\n";
  auto r = audit({{"Connections.csv", conns}, {"Endorsement_Received_Info.csv", endorse}});
  CHECK(by_name(r, "Act Edge").status == "active");
  CHECK(by_name(r, "Act Edge").endorsements == 1);
  CHECK(by_name(r, "Fad Edge").status == "faded");
  CHECK(by_name(r, "Fad Edge").reasons.at(0) == "Last endorsement 2025-11-19, over a year before 2026-11-20");
  CHECK(by_name(r, "New Edge").status == "new");
  CHECK(by_name(r, "Nev Edge").status == "never");
  CHECK(by_name(r, "Nev Edge").endorsements == 0);
  CHECK(by_name(r, "Nev Edge").reasons.at(0) == "Connected 2026, no message, endorsement or recommendation since");
  CHECK(r.status.at("active") == 1);
  CHECK(r.status.at("faded") == 1);
  CHECK(r.status.at("new") == 1);
  CHECK(r.status.at("never") == 1);
  // Other thresholds move the edges.
  vouch::audit_options o;
  o.as_of = "2026-11-20";
  o.stale_days = 366;
  o.grace_days = 91;
  r = audit({{"Connections.csv", conns}, {"Endorsement_Received_Info.csv", endorse}}, o);
  CHECK(by_name(r, "Fad Edge").status == "active");
  CHECK(by_name(r, "Fad Edge").reasons.at(0) == "Last endorsement 2025-11-19, within 366 days of 2026-11-20");
  CHECK(by_name(r, "Nev Edge").status == "new");
}

TEST_CASE("audit: as of the option, else the zip's name, else the latest date", "[audit][status]") {
  const files f{{"Connections.csv", conn_header + "A,B,https://www.linkedin.com/in/ab,,A,Eng,01 Feb 2018\r\n"},
                {"messages.csv", msg_header + msg("c", "Ann Me", "https://www.linkedin.com/in/ann-me", "A B",
                                                  "https://www.linkedin.com/in/ab", "2024-03-01 10:00:00 UTC")}};
  vouch::audit_options o;
  o.zip_name = "Basic_LinkedInDataExport_11-20-2026.zip";
  CHECK(audit(f, o).as_of == "2026-11-20");
  o.zip_name = "export.zip";
  CHECK(audit(f, o).as_of == "2024-03-01");
  o.as_of = "2025-01-01";
  CHECK(audit(f, o).as_of == "2025-01-01");
}

TEST_CASE("audit: malformed rows are reported by file and line, the rest is read", "[audit][warnings]") {
  const files f{{"Connections.csv", conn_header +
                                        "Uma,N,https://www.linkedin.com/in/uma,,\"Acme, Inc.\",\"Sales\r\nDirector\",15 Apr 2021\r\n"
                                        "Bad,Row,https://www.linkedin.com/in/bad\r\n"
                                        "Gus,Ho,https://www.linkedin.com/in/gus,,X,Y,31 Foo 2020\r\n"
                                        "Dan,Ek,https://www.linkedin.com/in/dan,,X,Y,5 May 2020\r\n"},
                {"messages.csv", msg_header + msg("c", "Ann Me", "https://www.linkedin.com/in/ann-me", "Dan", "https://www.linkedin.com/in/dan",
                                                  "yesterday") +
                                     msg("c", "Ann Me", "https://www.linkedin.com/in/ann-me", "Dan", "https://www.linkedin.com/in/dan",
                                         "2026-01-01 10:00:00 UTC")},
                {"Invitations.csv", "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
                                    "\"Zed, Seller\",Ann Me,\"9/27/25, 8:41 AM\",\"unclosed,INCOMING,x,y\n"}};
  for (std::size_t step : {0, 1, 13}) {
    const auto r = audit(f, {}, step);
    REQUIRE(r.warnings.size() == 5);
    CHECK(r.warnings[0].file == "Connections.csv");
    CHECK(r.warnings[0].line == 8);
    CHECK(r.warnings[0].message == "too few fields: 3 of 7");
    CHECK(r.warnings[1].line == 9);
    CHECK(r.warnings[1].message == "bad date \"31 Foo 2020\" in Connected On");
    CHECK(r.warnings[2].file == "messages.csv");
    CHECK(r.warnings[2].line == 2);
    CHECK(r.warnings[3].file == "Invitations.csv");
    CHECK(r.warnings[3].line == 2);
    CHECK(r.warnings[4].message == "a quoted field is not closed before the end of the file");
    REQUIRE(r.connections.size() == 3);
    CHECK(by_name(r, "Uma N").position == "Sales\r\nDirector");
    CHECK(by_name(r, "Uma N").company == "Acme, Inc.");
    CHECK(by_name(r, "Gus Ho").connected_on.empty());
    CHECK(by_name(r, "Dan Ek").messages.sent == 1);
    CHECK(by_name(r, "Dan Ek").status == "active");
  }
}

TEST_CASE("audit: incoming invitations judged, pending outgoing ones counted, roles", "[audit][summary]") {
  const auto r = audit({{"Connections.csv", conn_header +
                                                "Bo,Li,https://www.linkedin.com/in/bo-li,,Acme,Account Executive,03 Jan 2019\r\n"
                                                "Cy,Ro,https://www.linkedin.com/in/cy-ro,,Acme,Talent Acquisition Partner,03 Jan 2020\r\n"
                                                "Di,Lo,https://www.linkedin.com/in/di-lo,,Acme,Software Engineer,03 Jan 2020\r\n"},
                        {"Invitations.csv", "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
                                            "Zed Seller,Ann Me,\"9/27/25, 8:41 AM\",\"I'd love to show you a quick demo of our platform, do you have 15 minutes this week?\",INCOMING,https://www.linkedin.com/in/zed,\n"
                                            "Ann Me,Yan Old,\"10/29/26, 8:41 AM\",,OUTGOING,,https://www.linkedin.com/in/yan-old\n"
                                            "Ann Me,Xi New,\"10/30/26, 8:41 AM\",,OUTGOING,,https://www.linkedin.com/in/xi-new\n"}});
  CHECK(r.invitations == 1);
  CHECK(r.invitation_categories.at("sales") == 1);
  CHECK(r.pending_sent_over_21_days == 1);  // 22 days and 21 days before 2026-11-20
  CHECK(by_name(r, "Bo Li").role == vouch::category::sales);
  CHECK(by_name(r, "Cy Ro").role == vouch::category::recruiter);
  CHECK_FALSE(by_name(r, "Di Lo").role.has_value());
  CHECK(r.per_year.at(2019) == 1);
  CHECK(r.per_year.at(2020) == 2);
  const auto line = nlohmann::json::parse(vouch::audit_connection_json(r.connections[0]));
  CHECK(line["role"] == "sales");
  CHECK(line["last_interaction"].is_null());
  const auto sum = nlohmann::json::parse(vouch::audit_summary_json(r));
  CHECK(sum["status"]["never"] == 3);
  CHECK(sum["invitations"]["count"] == 1);
}

TEST_CASE("audit: an export without Connections.csv cannot be audited", "[audit]") {
  auto p = vouch::parse_policy_text("{}");
  auto a = vouch::auditor::create(p.value(), {});
  REQUIRE(a.ok());
  a.value().feed("messages.csv", msg_header);
  a.value().end_file("messages.csv");
  auto r = a.value().finish();
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.message(), Catch::Contains("Connections.csv"));
  vouch::audit_options bad;
  bad.as_of = "2026-02-30";
  CHECK_FALSE(vouch::auditor::create(p.value(), bad).ok());
}

TEST_CASE("audit: an auditor made from an engine already compiled gives the same report", "[audit]") {
  auto p = vouch::parse_policy_text(R"({"me": {"name": "Ann Me"}})");
  REQUIRE(p.ok());
  auto eng = vouch::engine::create(p.value());
  REQUIRE(eng.ok());
  vouch::audit_options o;
  o.as_of = "2026-11-20";
  const std::string conn = conn_header + "Uma,Nguyen,https://www.linkedin.com/in/uma,,Contoso,Sales Director,15 Apr 2021\n";
  auto run = [&](vouch::auditor a) {
    a.feed("Connections.csv", conn);
    a.end_file("Connections.csv");
    auto r = a.finish();
    REQUIRE(r.ok());
    return vouch::audit_report_lines_json(r.value()) + vouch::audit_summary_json(r.value());
  };
  auto from_engine = vouch::auditor::create(eng.value(), o);
  REQUIRE(from_engine.ok());
  auto from_policy = vouch::auditor::create(p.value(), o);
  REQUIRE(from_policy.ok());
  CHECK(run(std::move(from_engine).value()) == run(std::move(from_policy).value()));
  // The same checks of the options.
  o.as_of = "2026-02-30";
  CHECK_FALSE(vouch::auditor::create(eng.value(), o).ok());
  o.as_of = "";
  o.stale_days = -1;
  CHECK_FALSE(vouch::auditor::create(eng.value(), o).ok());
}

namespace {

struct tool_run { int status; std::string out, err; };

tool_run run_tool(const std::string& args, const fs::path& dir) {
  const std::string cmd = std::string("'") + VOUCH_TOOL + "' " + args + " > '" + (dir / "out").string() + "' 2> '" + (dir / "err").string() + "'";
  const int raw = std::system(cmd.c_str());
  auto slurp = [](const fs::path& p) { std::ifstream in(p); std::stringstream ss; ss << in.rdbuf(); return ss.str(); };
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(dir / "out"), slurp(dir / "err")};
}

}  // namespace

TEST_CASE("vouch audit on a folder and on a zip", "[audit][cli]") {
  const fs::path dir = fs::temp_directory_path() / ("vouch_audit_test_" + std::to_string(::getpid()));
  fs::create_directories(dir / "Basic_LinkedInDataExport_11-20-2026");
  const fs::path fixture = fs::path(VOUCH_TEST_DATA) / "audit" / "export";
  for (const auto& e : fs::directory_iterator(fixture))
    fs::copy_file(e.path(), dir / "Basic_LinkedInDataExport_11-20-2026" / e.path().filename(), fs::copy_options::overwrite_existing);
  std::ofstream(dir / "policy.json") << R"({"me": {"name": "Ann Me"}})";
  const std::string zip = (dir / "Basic_LinkedInDataExport_11-20-2026.zip").string();
  // The zip holds its files in one folder, as some exports do.
  REQUIRE(std::system(("cd '" + dir.string() + "' && zip -qr '" + zip + "' Basic_LinkedInDataExport_11-20-2026").c_str()) == 0);
  const std::string pol = "--policy '" + (dir / "policy.json").string() + "' ";
  const auto folder = run_tool("audit " + pol + "'" + (dir / "Basic_LinkedInDataExport_11-20-2026").string() + "' --as-of 2026-11-20", dir);
  const auto zipped = run_tool("audit " + pol + "'" + zip + "'", dir);
  CHECK(folder.status == 0);
  CHECK(zipped.status == 0);
  CHECK(folder.out == zipped.out);
  std::istringstream lines(zipped.out);
  std::vector<nlohmann::json> rows;
  for (std::string l; std::getline(lines, l);) rows.push_back(nlohmann::json::parse(l));
  REQUIRE(rows.size() == 7);
  CHECK(rows[0]["name"] == "Uma Nguyen");
  CHECK(rows[0]["status"] == "faded");
  CHECK(rows[0]["messages"] == nlohmann::json::parse(R"({"sent": 1, "received": 1, "last": "2022-05-24"})"));
  CHECK(rows[0]["reasons"][0] == "Last message 2022-05-24, over a year before 2026-11-20");
  CHECK(rows[1]["reasons"][0] == "Connected 2019, no message, endorsement or recommendation since");
  CHECK(rows[3]["endorsements"] == 1);
  CHECK_THAT(zipped.err, Catch::Contains("Connections.csv:11: too few fields"));
  const auto sum = run_tool("audit " + pol + "'" + zip + "' --summary", dir);
  CHECK(sum.status == 0);
  const auto s = nlohmann::json::parse(sum.out);
  CHECK(s["as_of"] == "2026-11-20");
  CHECK(s["status"] == nlohmann::json::parse(R"({"active": 2, "faded": 1, "never": 3, "new": 1})"));
  CHECK(s["warnings"].size() == 3);
  CHECK(s["pending_sent_over_21_days"] == 1);
  // Bad options and inputs: exit 2 naming them.
  CHECK(run_tool("audit " + pol + "'" + zip + "' --as-of 2026-02-30", dir).status == 2);
  const auto bad = run_tool("audit " + pol + "'" + zip + "' --stale-days x", dir);
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("--stale-days"));
  std::ofstream(dir / "not.zip") << "hello";
  const auto notzip = run_tool("audit " + pol + "'" + (dir / "not.zip").string() + "'", dir);
  CHECK(notzip.status == 2);
  CHECK_THAT(notzip.err, Catch::Contains("not a zip"));
  CHECK(run_tool("audit '" + zip + "'", dir).status == 2);
  std::error_code ec;
  fs::remove_all(dir, ec);
}
