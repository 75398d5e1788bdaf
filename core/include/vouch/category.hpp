// The contract's categories and verdicts.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace vouch {

enum class category { known, personal, generic, networker, sales, recruiter, job_seeker, romance, scam };
inline constexpr std::size_t category_count = 9;

enum class verdict { accept, ask, decline, ignore };

/// The contract's name of a category, e.g. "job_seeker".
std::string_view category_name(category c);
/// The category named `name`, if any.
std::optional<category> category_from_name(std::string_view name);
std::string_view verdict_name(verdict v);

inline constexpr std::array<category, category_count> all_categories{
    category::known,     category::personal,  category::generic,
    category::networker, category::sales,     category::recruiter,
    category::job_seeker, category::romance,  category::scam};

}  // namespace vouch
