// Drafting replies (detail::draft_replies) for every category, verdict and language, a sender's
// display name as a stranger would write it (through first_name_of, as the engine does) and the
// user's own signature, e-mail and follow address. Every variant is filled (no placeholder left),
// greets without a gap when there is no name, and stays within a bounded length.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "reply.hpp"
#include "rule_pack.hpp"
#include "vouch/names.hpp"
#include "vouch/text.hpp"

using namespace vouch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& pack = vouch::detail::default_rule_pack();
  require(pack.ok(), "the default rule pack does not load");
  FuzzedDataProvider f(data, size);
  static const char* const languages[] = {"en", "fr", "de", "es", "pt", "it", "nl", "zz", ""};
  vouch::policy p;
  // The user's own fields: no braces (a user who writes "{first_name}" in a signature gets it).
  auto own = [&](std::size_t max) {
    std::string s = f.ConsumeRandomLengthString(max);
    for (char& c : s)
      if (c == '{' || c == '}') c = '_';
    return s;
  };
  p.me.first_name = own(20);
  if (f.ConsumeBool()) p.signature = own(40);
  if (f.ConsumeBool()) p.me.work_email = own(40);
  if (f.ConsumeBool()) p.me.follow_url = own(60);
  vouch::detail::reply_request req;
  req.category = static_cast<vouch::category>(f.ConsumeIntegralInRange<int>(0, vouch::category_count - 1));
  req.verdict = static_cast<vouch::verdict>(f.ConsumeIntegralInRange<int>(0, 3));
  req.language = f.ConsumeBool() ? languages[f.ConsumeIntegralInRange<std::size_t>(0, std::size(languages) - 1)]
                                 : f.ConsumeRandomLengthString(4);
  req.seed = f.ConsumeRandomLengthString(32);
  const std::string display_name = f.ConsumeRemainingBytesAsString();
  req.first_name = vouch::first_name_of(display_name);

  const auto replies = vouch::detail::draft_replies(pack.value(), p, req);
  const bool replied = req.verdict == vouch::verdict::ask || req.verdict == vouch::verdict::decline;
  require(replied ? !replies.empty() : replies.empty(), "a reply for accept or ignore, or none for ask or decline");
  const std::string& signature = p.signature.empty() ? p.me.first_name : p.signature;
  // The longest template is 365 characters, a sign-off a few words; the first name at most 80
  // (first_name fuzz) and put in at most three times; the e-mail and address once each.
  const std::size_t max_len = 450 + 3 * vouch::utf16_length(req.first_name) + vouch::utf16_length(signature) +
                              vouch::utf16_length(p.me.work_email) + vouch::utf16_length(p.me.follow_url);
  for (const auto& r : replies) {
    require(r.find('{') == std::string::npos && r.find('}') == std::string::npos, "an unfilled placeholder", r);
    require(vouch::utf16_length(r) <= max_len, "a reply over its bound", r);
    // The greeting is the first line ("Hi,", "Hola,"; the user's own fields come later).
    if (req.first_name.empty())
      require(r.substr(0, r.find('\n')).find(" ,") == std::string::npos, "a greeting with a gap for no name", r);
  }
  return 0;
}
