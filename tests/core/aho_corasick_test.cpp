// The multi-pattern matcher (core/src/aho_corasick.cpp): every occurrence of every pattern, in
// order of where it ends, including overlapping and nested ones.
#include "aho_corasick.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <tuple>
#include <vector>

using vouch::detail::aho_corasick;

namespace {

using match = std::tuple<std::uint32_t, std::size_t, std::size_t>;  // id, begin, end

struct pattern {
  const char* text;
  std::uint32_t id;
};

std::vector<match> matches(const std::vector<pattern>& patterns, std::string_view text) {
  aho_corasick ac;
  for (const auto& p : patterns) ac.add(p.text, p.id);
  ac.build();
  std::vector<match> out;
  ac.scan(text,
          [&](std::uint32_t id, std::size_t b, std::size_t e) { out.emplace_back(id, b, e); });
  return out;
}

}  // namespace

TEST_CASE("overlapping and nested patterns are all reported in order of their end") {
  // The textbook set: he, she, his, hers over "ushers".
  const auto got = matches({{"he", 1}, {"she", 2}, {"his", 3}, {"hers", 4}}, "ushers");
  CHECK(got == std::vector<match>{{2, 1, 4}, {1, 2, 4}, {4, 2, 6}});
}

TEST_CASE("whole-word phrases match only between spaces") {
  const std::vector<pattern> phrases{{" free trial ", 7}, {" trial ", 8}};
  CHECK(matches(phrases, " a free trial now ") == std::vector<match>{{7, 2, 14}, {8, 7, 14}});
  CHECK(matches(phrases, " a free trials now ").empty());
}

TEST_CASE("every occurrence is reported and a pattern may end where another starts") {
  CHECK(matches({{"aa", 5}}, "aaaa") == std::vector<match>{{5, 0, 2}, {5, 1, 3}, {5, 2, 4}});
  CHECK(matches({{"ab", 1}, {"ba", 2}}, "abab") ==
        std::vector<match>{{1, 0, 2}, {2, 1, 3}, {1, 2, 4}});
}

TEST_CASE("the same pattern under two ids reports both") {
  const auto got = matches({{" demo ", 1}, {" demo ", 2}}, " book a demo ");
  CHECK(got == std::vector<match>{{1, 7, 13}, {2, 7, 13}});
}

TEST_CASE("number classes and digits are symbols of their own") {
  const std::vector<pattern> p{{" # min ", 1}, {" 15 min ", 2}};
  CHECK(matches(p, " a # min call ") == std::vector<match>{{1, 2, 9}});
  CHECK(matches(p, " a 15 min call ") == std::vector<match>{{2, 2, 10}});
}

TEST_CASE("characters outside the alphabet share one symbol") {
  CHECK(aho_corasick::symbol('!') == aho_corasick::symbol('\x01'));
  CHECK(aho_corasick::symbol('A') == aho_corasick::symbol('-'));
  CHECK(aho_corasick::symbol(' ') == 0);
  CHECK(aho_corasick::symbol('a') == 1);
  CHECK(aho_corasick::symbol('z') == 26);
  CHECK(aho_corasick::symbol('0') == 27);
  CHECK(aho_corasick::symbol('#') == 37);
  CHECK(matches({{"x!y", 1}}, "x?y") == std::vector<match>{{1, 0, 3}});
}

TEST_CASE("an automaton with no patterns matches nothing") {
  aho_corasick ac;
  ac.build();
  CHECK(ac.pattern_count() == 0);
  int calls = 0;
  ac.scan("anything at all", [&](std::uint32_t, std::size_t, std::size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("patterns are counted and text without them gives no match") {
  aho_corasick ac;
  ac.add(" crypto ", 1);
  ac.add(" forex ", 2);
  ac.build();
  CHECK(ac.pattern_count() == 2);
  int calls = 0;
  ac.scan(" cryptography and forexample ",
          [&](std::uint32_t, std::size_t, std::size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("deep states without a full row match exactly as a full table does") {
  // Random phrases over a small alphabet, so that they share prefixes and suffixes and the
  // failure links matter; every layout from all rows sparse but the root to all rows full must
  // report the same matches, and the same as a naive search.
  std::uint32_t seed = 12345;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
  const char letters[] = " abc#1";
  auto random_text = [&](std::size_t len) {
    std::string s;
    for (std::size_t i = 0; i < len; ++i) s += letters[next() % 6];
    return s;
  };
  for (int round = 0; round < 20; ++round) {
    std::vector<std::string> patterns;
    for (int k = 0; k < 40; ++k) patterns.push_back(random_text(1 + next() % 7));
    const std::string text = random_text(400);
    std::vector<match> naive;
    for (std::size_t e = 1; e <= text.size(); ++e)
      for (std::uint32_t k = 0; k < patterns.size(); ++k) {
        const auto& p = patterns[k];
        if (p.size() <= e && text.compare(e - p.size(), p.size(), p) == 0) naive.emplace_back(k, e - p.size(), e);
      }
    for (std::size_t dense : {std::size_t{1}, std::size_t{3}, std::size_t{17}, std::size_t{100000}}) {
      aho_corasick ac;
      for (std::uint32_t k = 0; k < patterns.size(); ++k) ac.add(patterns[k], k);
      ac.build(dense);
      std::vector<match> got;
      ac.scan(text, [&](std::uint32_t id, std::size_t b, std::size_t e) { got.emplace_back(id, b, e); });
      // Within one end, the order of patterns may differ from the naive loop's: compare sorted.
      std::sort(got.begin(), got.end(), [](const match& x, const match& y) {
        return std::tie(std::get<2>(x), std::get<0>(x)) < std::tie(std::get<2>(y), std::get<0>(y)); });
      std::vector<match> want = naive;
      std::sort(want.begin(), want.end(), [](const match& x, const match& y) {
        return std::tie(std::get<2>(x), std::get<0>(x)) < std::tie(std::get<2>(y), std::get<0>(y)); });
      INFO("round " << round << ", dense " << dense);
      CHECK(got == want);
    }
  }
}
