// Classifying an invitation: category, verdict, confidence, reasons and a drafted reply.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "vouch/category.hpp"
#include "vouch/invitation.hpp"
#include "vouch/outcome.hpp"
#include "vouch/policy.hpp"

namespace vouch {

/// One piece of evidence, like a line of SpamAssassin's "tests hit".
struct reason {
  std::string rule;                 ///< e.g. "sales.demo"
  std::string text;                 ///< what it means, in words a user accepts
  vouch::category category;         ///< the category it speaks for
  /// Its signed contribution to the margin of the chosen category over the runner-up:
  /// positive pushed towards the verdict, negative argued against it.
  double weight = 0;
  /// [begin, end) in the message, UTF-16 code units; absent for headline or whole-note evidence.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> span;
  std::string evidence;             ///< the exact text that triggered it, when there is some
};

struct result {
  std::string id;
  vouch::category category = category::generic;
  vouch::verdict verdict = verdict::ask;
  double confidence = 0.5;
  std::vector<reason> reasons;      ///< the chosen category's evidence first, strongest first
  std::string reply;                ///< for ask and decline; empty otherwise
  std::vector<std::string> reply_variants;  ///< all drafted variants; `reply` is the first
  std::string language;             ///< the note's language as detected ("en" when unsure)
};

namespace detail {
struct compiled_engine;
struct feature;
class linear_model;
}

/// The classifier for one policy: the rule pack and the policy compiled together once.
class engine {
 public:
  /// Compiles the default rule pack with the policy's additions.
  static outcome<engine> create(const policy& p);
  /// The same with another model than the built-in one (training and cross-validation).
  static outcome<engine> create(const policy& p, std::shared_ptr<const detail::linear_model> model);
  result classify(const invitation& inv) const;
  const vouch::policy& policy() const;
  /// The hashed features the model reads for an invitation (training reads them).
  std::vector<detail::feature> features_of(const invitation& inv) const;

 private:
  explicit engine(std::shared_ptr<const detail::compiled_engine> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const detail::compiled_engine> impl_;
};

/// The contract's Result object.
nlohmann::json result_to_json(const result& r);
/// The same object as compact JSON text, byte for byte result_to_json(r).dump(), written
/// directly (classify_json's hot path).
std::string result_to_text(const result& r);

/// The contract's mapping from category to verdict under a mode, with the repeat-requester rule.
vouch::verdict verdict_for(vouch::category c, vouch::mode m, int prior_invitations);

}  // namespace vouch
