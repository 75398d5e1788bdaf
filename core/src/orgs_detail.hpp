#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace vouch::detail {
/// The folded variants (" w1 w2 ") under which an organisation name may appear in text.
std::vector<std::string> org_variants(std::string_view name);
}  // namespace vouch::detail
