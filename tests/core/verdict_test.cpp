// Verdicts (verdict_for in core/src/classify.cpp): the contract's mapping for every mode and
// category, and the repeat-requester rule, directly and through the engine.
#include <catch2/catch.hpp>
#include <string>

#include "test_support.hpp"
#include "vouch/classify.hpp"

using vouch::category;
using vouch::mode;
using vouch::verdict;
using vouch::verdict_for;

namespace {

struct mapping_row {
  category cat;
  verdict quality, balanced, open;
};

// The contract's table, row by row.
const mapping_row contract_table[] = {
    {category::known, verdict::accept, verdict::accept, verdict::accept},
    {category::personal, verdict::accept, verdict::accept, verdict::accept},
    {category::generic, verdict::ignore, verdict::ask, verdict::accept},
    {category::networker, verdict::ignore, verdict::ask, verdict::accept},
    {category::recruiter, verdict::ask, verdict::ask, verdict::accept},
    {category::job_seeker, verdict::ask, verdict::ask, verdict::accept},
    {category::sales, verdict::decline, verdict::decline, verdict::decline},
    {category::romance, verdict::ignore, verdict::ignore, verdict::ignore},
    {category::scam, verdict::ignore, verdict::ignore, verdict::ignore},
};

bool repeatable(category c) {
  return c == category::generic || c == category::networker || c == category::recruiter ||
         c == category::job_seeker;
}

std::string policy_in(mode m) {
  return std::string(R"({"me": {"name": "Helga Sørensen"}, "mode": ")") + vouch::mode_name(m) +
         "\"}";
}

}  // namespace

TEST_CASE("the contract's table covers every category") {
  CHECK(std::size(contract_table) == vouch::category_count);
}

TEST_CASE("every category maps to the contract's verdict in every mode") {
  for (const auto& row : contract_table) {
    INFO(vouch::category_name(row.cat));
    CHECK(verdict_for(row.cat, mode::quality, 0) == row.quality);
    CHECK(verdict_for(row.cat, mode::balanced, 0) == row.balanced);
    CHECK(verdict_for(row.cat, mode::open, 0) == row.open);
  }
}

TEST_CASE("a repeat requester who is generic or networker or recruiter or job seeker is ignored") {
  for (const auto& row : contract_table) {
    for (mode m : {mode::quality, mode::balanced, mode::open}) {
      for (int prior : {1, 2, 7}) {
        INFO(vouch::category_name(row.cat) << " in " << vouch::mode_name(m) << " after " << prior);
        const verdict first_time = verdict_for(row.cat, m, 0);
        CHECK(verdict_for(row.cat, m, prior) ==
              (repeatable(row.cat) ? verdict::ignore : first_time));
      }
    }
  }
}

TEST_CASE("verdict names are the contract's") {
  CHECK(vouch::verdict_name(verdict::accept) == "accept");
  CHECK(vouch::verdict_name(verdict::ask) == "ask");
  CHECK(vouch::verdict_name(verdict::decline) == "decline");
  CHECK(vouch::verdict_name(verdict::ignore) == "ignore");
}

TEST_CASE("the engine applies the mode to a generic invitation") {
  const auto inv = vouch::test::make_invitation("");
  CHECK(vouch::test::make_engine(policy_in(mode::quality)).classify(inv).verdict ==
        verdict::ignore);
  CHECK(vouch::test::make_engine(policy_in(mode::balanced)).classify(inv).verdict == verdict::ask);
  CHECK(vouch::test::make_engine(policy_in(mode::open)).classify(inv).verdict == verdict::accept);
}

TEST_CASE("the engine ignores a repeat requester and says why first") {
  const auto open = vouch::test::make_engine(policy_in(mode::open));
  const auto inv = vouch::test::make_invitation("", "Engineer", "Ole Berg", 2);
  const auto r = open.classify(inv);
  CHECK(r.category == category::generic);
  CHECK(r.verdict == verdict::ignore);
  CHECK(r.reply.empty());
  REQUIRE_FALSE(r.reasons.empty());
  CHECK(r.reasons.front().rule == "policy.repeat_invitation");
  CHECK(r.reasons.front().text ==
        "Invited you before and was not accepted (2 earlier invitations)");
  CHECK_FALSE(r.reasons.front().span);
  SECTION("one earlier invitation is singular") {
    const auto once = open.classify(vouch::test::make_invitation("", "Engineer", "Ole Berg", 1));
    CHECK(once.reasons.front().text ==
          "Invited you before and was not accepted (1 earlier invitation)");
  }
  SECTION("a recruiter who asks again is ignored too") {
    const auto again = vouch::test::helga_engine().classify(
        vouch::test::make_invitation("Hi Helga, I'm recruiting for a Staff SRE role at a "
                                     "wind-energy scale-up. Open to a confidential chat?",
                                     "Technical Recruiter", "Ole Berg", 1));
    CHECK(again.category == category::recruiter);
    CHECK(again.verdict == verdict::ignore);
  }
}

TEST_CASE("earlier invitations do not change the verdict for other categories") {
  const auto& e = vouch::test::helga_engine();
  SECTION("a former colleague is still accepted") {
    const auto r =
        e.classify(vouch::test::make_invitation("Helga, we worked together on the Maersk terminal "
                                                "project in Aarhus. Good to find you here!",
                                                "", "Ole Berg", 3));
    CHECK(r.category == category::known);
    CHECK(r.verdict == verdict::accept);
    CHECK_FALSE(vouch::test::has_rule(r, "policy.repeat_invitation"));
  }
  SECTION("a seller is still declined with a reply") {
    const auto r =
        e.classify(vouch::test::make_invitation("Hi Helga, our platform cuts cloud bills by a "
                                                "third. Would you be interested in a free trial?",
                                                "Account Executive", "Ole Berg", 2));
    CHECK(r.category == category::sales);
    CHECK(r.verdict == verdict::decline);
    CHECK_FALSE(r.reply.empty());
  }
  SECTION(
      "a repeat quality-mode generic invitation says nothing about repeats: it is ignored anyway") {
    const auto q = vouch::test::make_engine(policy_in(mode::quality));
    const auto r = q.classify(vouch::test::make_invitation("", "", "Ole Berg", 1));
    CHECK(r.verdict == verdict::ignore);
    CHECK_FALSE(vouch::test::has_rule(r, "policy.repeat_invitation"));
  }
}
