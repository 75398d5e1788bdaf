#include "reply.hpp"

#include <cstdint>

namespace vouch::detail {

using nlohmann::json;

namespace {

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

std::vector<std::string> draft_replies(const rule_pack& pack, const policy& p, const reply_request& req) {
  if (req.verdict != verdict::ask && req.verdict != verdict::decline) return {};

  const std::string base(verdict_name(req.verdict));
  std::string keys[2];
  if (req.category == category::sales && req.verdict == verdict::decline)
    keys[0] = !p.me.work_email.empty() ? "decline.sales.email"
              : !p.me.follow_url.empty() ? "decline.sales.follow" : "decline.sales";
  else
    keys[0] = base + "." + std::string(category_name(req.category));
  keys[1] = base;

  // The note's language, else English; the most specific situation first.
  const std::vector<std::string>* list = nullptr;
  const reply_language* lang = nullptr;
  for (const reply_language* l : {pack.reply_language_for(req.language), pack.reply_language_for("en")}) {
    if (!l) continue;
    for (const auto& k : keys)
      if ((list = l->find(k))) break;
    if (list) { lang = l; break; }
  }
  if (!list || list->empty()) return {};

  const std::string& signature = p.signature.empty() ? p.me.first_name : p.signature;
  const std::size_t n = list->size();
  const std::size_t start = fnv1a(req.seed) % n;
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = (start + k) % n;
    std::string text = (*list)[i];
    if (req.first_name.empty()) replace_all(text, " {first_name}", "");
    replace_all(text, "{first_name}", req.first_name);
    replace_all(text, "{work_email}", p.me.work_email);
    replace_all(text, "{follow_url}", p.me.follow_url);
    if (!signature.empty() && !lang->signoffs.empty())
      text += "\n\n" + lang->signoffs[i % lang->signoffs.size()] + "\n" + signature;
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace vouch::detail
