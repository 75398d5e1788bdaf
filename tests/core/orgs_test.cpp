// Organisation names and their variants (core/src/orgs.cpp): the same organisation under its
// usual names, and no match between different organisations that share common words.
#include "vouch/orgs.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "orgs_detail.hpp"
#include "test_support.hpp"

using vouch::org_matcher;
using vouch::same_org;

namespace {

struct org_pair {
  const char* a;
  const char* b;
};

void check_same(const std::vector<org_pair>& pairs, bool expected) {
  for (const auto& p : pairs) {
    INFO(p.a << " ~ " << p.b);
    CHECK(same_org(p.a, p.b) == expected);
    CHECK(same_org(p.b, p.a) == expected);
  }
}

bool has_variant(const std::string& name, const std::string& variant) {
  const auto v = vouch::detail::org_variants(name);
  return std::find(v.begin(), v.end(), variant) != v.end();
}

}  // namespace

TEST_CASE("a name's variants drop suffixes and segments and expand abbreviations") {
  CHECK(has_variant("A.P. Moller - Maersk", " maersk "));
  CHECK(has_variant("A.P. Moller - Maersk", " a p moller maersk "));
  CHECK(has_variant("Univ. of Michigan", " university of michigan "));
  CHECK(has_variant("Carlsberg Danmark A/S", " carlsberg "));
  CHECK(has_variant("Norwegian School of Economics (NHH)", " nhh "));
  CHECK(has_variant("Norwegian School of Economics (NHH)", " norwegian school of economics "));
  CHECK(has_variant("Copenhagen Business School", " cbs "));
  CHECK(has_variant("Grand Rapids Community College", " grand rapids cc "));
}

TEST_CASE("a name made only of generic words has no variant") {
  CHECK(vouch::detail::org_variants("Business School").empty());
  CHECK(vouch::detail::org_variants("The Group").empty());
  CHECK(vouch::detail::org_variants("").empty());
}

TEST_CASE("a name of kinds led by capitals is a brand, matched written whole") {
  // "AG" is a legal form and "insurance" a kind, but "AG Insurance" is one insurer's name.
  CHECK(has_variant("AG Insurance", " ag insurance "));
  const org_matcher m({"AG Insurance"});
  CHECK(m.find_in("Account Manager Brokers chez AG Insurance").has_value());
  CHECK_FALSE(m.find_in("Account Manager at Baloise Insurance").has_value());
  CHECK(vouch::detail::org_variants("Group Insurance").empty());
}

TEST_CASE("a place is not an organisation's name, alone or as a segment") {
  // "Arizona" and "Phoenix" are where, not who; "Cork" after a comma is the school's town.
  CHECK_FALSE(has_variant("Arizona State University", " arizona "));
  CHECK(has_variant("Arizona State University", " arizona state "));
  CHECK(has_variant("Arizona State University", " asu "));
  CHECK_FALSE(has_variant("Phoenix Union High School District", " phoenix "));
  CHECK_FALSE(has_variant("Scoil Mhuire, Cork", " cork "));
  const org_matcher m({"Arizona State University", "Scoil Mhuire, Cork", "University College Dublin"});
  CHECK_FALSE(m.find_in("HR Generalist | University of Arizona alum").has_value());
  CHECK_FALSE(m.find_in("Investment Officer, Arizona State Retirement System").has_value());
  CHECK_FALSE(m.find_in("Postdoctoral Researcher at University College Cork (UCC)").has_value());
  CHECK(m.find_in("Teacher, Arizona State University alum").has_value());
  CHECK(m.find_in("Lecturer at UCD").has_value());
}

TEST_CASE("the same organisation under different names") {
  check_same({{"Maersk Line", "A.P. Moller - Maersk"},
              {"Univ. of Michigan", "University of Michigan - Ross"},
              {"Copenhagen Business School", "CBS"},
              {"Carlsberg Danmark A/S", "Carlsberg Group"},
              {"Norwegian School of Economics (NHH)", "NHH"},
              {"Massachusetts Institute of Technology", "MIT"},
              {"St. Olaf College", "Saint Olaf College"},
              {"Grand Rapids Community College", "Grand Rapids CC"},
              {"Contoso Ltd.", "Contoso"},
              {"Ørsted", "Orsted A/S"},
              {"Globex Energy Ltd", "GLOBEX ENERGY"}},
             true);
}

TEST_CASE("different organisations that share common words do not match") {
  check_same({{"University of Michigan", "Michigan State University"},
              {"University of Michigan", "University of Minnesota"},
              {"Bank of America", "Bank of Ireland"},
              {"Copenhagen Business School", "Copenhagen University"},
              {"Global Logistics Inc", "Global Shipping Inc"},
              {"Danske Bank", "Nordea Bank"},
              {"University of Oxford", "Oxford Brookes University"},
              {"Apple", "Pineapple Studios"},
              {"New York University", "University of New York"},
              {"Aarhus University", "Aalborg University"},
              {"General Electric", "General Motors"},
              {"Deutsche Bank", "Deutsche Telekom"},
              {"London School of Economics (LSE)", "London Business School"},
              {"Royal Danish Academy", "Royal Bank of Canada"},
              {"University College London", "University College Dublin"},
              {"Technical University of Denmark", "Technical University of Munich"},
              {"Global Payments Inc", "Nordea Payments Team"},
              {"International Paper", "Paper Excellence"}},
             false);
  // A place in a headline is not the organisation named after it.
  CHECK_FALSE(org_matcher({"Hamilton Health Sciences"}).find_in("Nurse | Hamilton, Ontario"));
}

TEST_CASE("the short forms people write for a long name") {
  check_same({{"University of Toronto", "U of T"},
              {"University of Toronto", "Univ. of Toronto"},
              {"Warsaw University of Technology", "Warsaw Univ. of Technology alum"},
              {"Sunnybrook Health Sciences Centre", "Charge Nurse, Sunnybrook HSC"},
              {"AGH University of Krakow", "Student, AGH"},
              {"Samsung R&D Institute Poland", "ex-Samsung R&D Poland"},
              {"Universitat de València", "Investigadora, Universidad de Valencia"},
              {"Università Bocconi", "LL.M. candidate | Bocconi University"},
              {"Technische Universität Hamburg", "Wiss. Mitarbeiter, TU Hamburg"},
              {"Freshfields Bruckhaus Deringer LLP", "Senior Counsel @ Freshfields"},
              {"Studio Legale Rossi & Associati", "Associate at Rossi & Associati"},
              {"Groupe Belcour Cosmétiques", "Chef de produit chez Belcour"},
              {"Van der Stroom Baggerwerken B.V.", "Hydraulic Engineer at Van der Stroom"},
              {"TU Delft", "MSc, Delft University of Technology"}},
             true);
  check_same({{"Faculdade de Farmácia da Universidade de Lisboa",
               "Faculdade de Farmácia da Universidade do Porto"}},
             false);
  check_same({{"Universitat de València", "Universitat Politècnica de València"},
              {"University of Toronto", "Toronto University Press"}},
             false);
}

TEST_CASE("an organisation is found inside free text with its span") {
  const org_matcher m({"Globex Energy Ltd", "A.P. Moller - Maersk"});
  REQUIRE_FALSE(m.empty());
  SECTION("a segment of the name in a headline") {
    const std::string text = "Logistics Analyst at Maersk Line";
    const auto hit = m.find_in(text);
    REQUIRE(hit);
    CHECK(hit->index == 1);
    CHECK(vouch::test::utf16_slice(text, static_cast<std::uint32_t>(hit->begin16),
                                   static_cast<std::uint32_t>(hit->end16)) == "Maersk");
  }
  SECTION("the longest variant names the span, after emoji") {
    const std::string text = "🚀🚀 Engineer @ Globex Energy";
    const auto hit = m.find_in(text);
    REQUIRE(hit);
    CHECK(hit->index == 0);
    CHECK(hit->begin16 == 16);
    CHECK(vouch::test::utf16_slice(text, static_cast<std::uint32_t>(hit->begin16),
                                   static_cast<std::uint32_t>(hit->end16)) == "Globex Energy");
  }
  SECTION("accents and case do not matter") {
    const org_matcher o({"Ørsted"});
    CHECK(o.find_in("Wind at ORSTED and friends"));
  }
  SECTION("a name inside a longer word is not a match") {
    CHECK_FALSE(m.find_in("Working at Maerskline Holdings"));
    CHECK_FALSE(m.find_in("Globexian trading"));
  }
  SECTION("no names, no match") {
    const org_matcher none({});
    CHECK(none.empty());
    CHECK_FALSE(none.find_in("Maersk"));
  }
}

TEST_CASE("same_org: one shared word is not the same organisation") {
  CHECK_FALSE(vouch::same_org("Northwind Health Systems", "Northwind Traders"));
  CHECK_FALSE(vouch::same_org("Danske Bank", "Danske Commodities"));
  CHECK(vouch::same_org("Northwind Health Systems", "Northwind Health"));
  CHECK(vouch::same_org("A.P. Moller - Maersk", "Maersk Line"));
}

TEST_CASE("universities in other languages and short forms, acronyms with an initial") {
  CHECK(vouch::same_org("Universität Basel", "Doctoral Candidate at University of Basel"));
  CHECK(vouch::same_org("Universität Wien", "Postdoc | University of Vienna"));
  CHECK(vouch::same_org("Erasmus Universiteit Rotterdam", "Alumnus Erasmus University Rotterdam"));
  CHECK(vouch::same_org("Université de Montréal", "Conseiller à l'admission chez UdeM"));
  CHECK(vouch::same_org("Universiteit Antwerpen", "Data Analyst | UAntwerpen"));
  CHECK(vouch::same_org("Universidade do Porto", "Alumni U.Porto | Quality Engineer"));
  CHECK(vouch::same_org("ETH Zürich", "Postdoc at ETHZ | Institute"));
  CHECK(vouch::same_org("Max-Planck-Institut für Eisenforschung", "Senior Scientist at MPIE Düsseldorf"));
  CHECK_FALSE(vouch::same_org("Universität Wien", "Medizinische Universität Wien"));
}
