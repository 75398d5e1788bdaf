#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "vouch/text.hpp"

namespace vouch::detail {
/// The folded variants (" w1 w2 ") under which an organisation name may appear in text.
std::vector<std::string> org_variants(std::string_view name);
/// Words that may follow an organisation's name without making it another one: legal forms and
/// kinds ("Group", "GmbH", "UK"), and places ("Deloitte Madrid").
bool org_tail_word(std::string_view folded_word);
/// "university" in the languages people write it in.
bool org_university_word(std::string_view folded_word);
/// Every word an organisation's name and its variants use.
std::vector<std::string> org_own_words(std::string_view name);
/// True when the organisation matched at folded [b, e) of `f` (the fold of `original`) runs on
/// into another name ("Northwind Traders" is not "Northwind Health Systems"). `own` is
/// org_own_words(name), `name` the folded words of the name as written.
bool org_runs_on(const folded_text& f, std::string_view original, std::size_t b, std::size_t e,
                 const std::vector<std::string>& own, const std::vector<std::string>& name);
}  // namespace vouch::detail
