// Drafting the reply for `ask` and `decline` from the pack's templates.
#pragma once

#include <string>
#include <vector>

#include "rule_pack.hpp"
#include "vouch/category.hpp"
#include "vouch/policy.hpp"

namespace vouch::detail {

struct reply_request {
  vouch::category category;
  vouch::verdict verdict;
  std::string language;      ///< the note's language; falls back to English
  std::string first_name;    ///< the sender's; may be empty
  std::string seed;          ///< picks the variant deterministically (id + sender name)
};

/// Every variant for the situation, the chosen one first. Empty for accept and ignore.
std::vector<std::string> draft_replies(const rule_pack& pack, const policy& p, const reply_request& req);

}  // namespace vouch::detail
