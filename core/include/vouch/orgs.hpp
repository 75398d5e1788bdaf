// Recognising the same organisation under different names: "Maersk Line" and "A.P. Moller -
// Maersk", "Univ. of Michigan" and "University of Michigan - Ross", "CBS" and "Copenhagen
// Business School", "Carlsberg Danmark A/S" and "Carlsberg Group".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vouch {

/// Where an organisation of the list was named in a text.
struct org_hit {
  std::size_t index = 0;     ///< which of the matcher's names
  std::size_t begin16 = 0;   ///< span in the text, UTF-16 code units, [begin16, end16)
  std::size_t end16 = 0;
};

/// Finds any of a list of organisation names (or a variant of one) inside free text.
class org_matcher {
 public:
  explicit org_matcher(const std::vector<std::string>& names);
  /// The first organisation named in `text` (UTF-8), if any.
  std::optional<org_hit> find_in(std::string_view text) const;
  bool empty() const { return variants_.empty(); }

 private:
  struct variant {
    std::string words;  ///< normalised words, space separated, padded with spaces
    std::size_t index;
  };
  std::vector<variant> variants_;
  std::vector<std::vector<std::string>> own_, names_;  ///< per name: its words and variants' words, its words
};

/// True when two organisation names name the same organisation (each is a variant of the other).
bool same_org(std::string_view a, std::string_view b);

}  // namespace vouch
