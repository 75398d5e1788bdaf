// People's names as they appear on LinkedIn: "Dr. Priya Raman, PhD | Hiring", "J. R. Smith 🚀".
#pragma once

#include <string>
#include <string_view>

namespace vouch {

/// The first name to address someone by, derived from a display name: drops titles (Dr., Mr.,
/// Prof.), initials, emoji, suffixes ("PhD", "MBA", "Jr.") and anything after a separator
/// ("| Hiring", "- CFO", ", CPA"). Returns "" when nothing usable is left, and when the display
/// name is not a plausible name (markup or code, a web or e-mail address, digits in the first
/// name, a first name over 40 characters, over 1000 bytes in all): such a sender is greeted
/// without a name.
std::string first_name_of(std::string_view display_name);

}  // namespace vouch
