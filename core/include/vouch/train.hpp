// Fitting the learned scorer on labelled inboxes, and measuring judgement (`vouch train`, `vouch eval`).
//
// A labelled inbox is one recipient's policy and the invitations they received, each with the
// category a careful person gave it. Features depend on the recipient (their employers, schools,
// name), so each inbox is read under its own policy. Fitting is multinomial logistic regression
// by FTRL-Proximal (L1 and L2), single-threaded and seeded: the same inboxes give the same bytes.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/category.hpp"
#include "vouch/invitation.hpp"
#include "vouch/outcome.hpp"
#include "vouch/policy.hpp"

namespace vouch {

namespace detail {
class linear_model;
}

struct labelled_invitation {
  invitation inv;
  category cat;
  std::string verdict;  ///< the expected verdict, when the record gives one
  std::string note;     ///< what the case tests, when the record says
};

struct labelled_inbox {
  std::string name;  ///< the recipient, e.g. the folder's name
  policy pol;
  std::vector<labelled_invitation> items;
};

/// An inbox from its policy's JSON text and its JSON Lines of labelled invitations (each with
/// `expect.category`). A bad line is reported in `warnings` ("NAME line N: ...") and skipped; a bad
/// policy is an error.
outcome<labelled_inbox> parse_inbox(const std::string& name, std::string_view policy_json, std::string_view jsonl,
                                    std::vector<std::string>& warnings);

struct train_options {
  int epochs = 30;
  double alpha = 0.15, beta = 1.0, l1 = 1.5, l2 = 0.4;
  double unsure = 0.85; ///< stored with the model: below it, an accept/not-accept split asks
  /// The size budget: at most this many weight rows are kept, the strongest (about 10 bytes each in
  /// the wasm module before compression).
  std::size_t max_rows = 6350;
  std::uint32_t seed = 20261201;
};

/// Fits a model on the inboxes. The model is quantised as it would be compiled in.
std::shared_ptr<const detail::linear_model> train_model(const std::vector<labelled_inbox>& inboxes,
                                                        const train_options& opt);

/// The C++ source that compiles the model into the binary (core/model/model_data.cpp).
std::string model_source(const detail::linear_model& m);
/// How many weight rows (features with a non-zero weight) a model keeps.
std::size_t model_row_count(const detail::linear_model& m);

/// Counts for one set of labelled invitations judged by an engine.
struct judgement_stats {
  int total = 0, category_ok = 0, verdict_ok = 0;
  int known_personal = 0, known_personal_lost = 0;  ///< ... declined or ignored
  int scam_romance = 0, scam_romance_accepted = 0;
  std::array<std::array<int, category_count>, category_count> confusion{};
  std::vector<std::string> misses;  ///< "id: expected a/b, got c/d (note)"
  void add(const judgement_stats& o);
  double category_accuracy() const { return total ? 100.0 * category_ok / total : 0; }
  double verdict_accuracy() const { return total ? 100.0 * verdict_ok / total : 0; }
};

/// Judges an inbox under its policy (plus `corrections`, when given) with a model (the
/// built-in one when null); `skip` first records are left out of the count.
outcome<judgement_stats> judge_inbox(const labelled_inbox& inbox, std::shared_ptr<const detail::linear_model> model,
                                     std::size_t skip = 0, std::size_t corrections = 0);

}  // namespace vouch
