#include "vouch/category.hpp"

namespace vouch {

namespace {
constexpr std::array<std::string_view, category_count> category_names{
    "known", "personal", "generic", "networker", "sales", "recruiter", "job_seeker", "romance", "scam"};
}

std::string_view category_name(category c) { return category_names[static_cast<std::size_t>(c)]; }

std::optional<category> category_from_name(std::string_view name) {
  for (std::size_t i = 0; i < category_count; ++i)
    if (category_names[i] == name) return static_cast<category>(i);
  return std::nullopt;
}

std::string_view verdict_name(verdict v) {
  switch (v) {
    case verdict::accept: return "accept";
    case verdict::ask: return "ask";
    case verdict::decline: return "decline";
    case verdict::ignore: return "ignore";
  }
  return "ignore";
}

}  // namespace vouch
