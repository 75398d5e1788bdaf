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

/// The template list for a situation in a language, trying the most specific key first.
const json* find_templates(const json& lang, const std::vector<std::string>& keys) {
  for (const auto& k : keys)
    if (auto it = lang.find(k); it != lang.end() && it->is_array() && !it->empty()) return &*it;
  return nullptr;
}

}  // namespace

std::vector<std::string> draft_replies(const rule_pack& pack, const policy& p, const reply_request& req) {
  if (req.verdict != verdict::ask && req.verdict != verdict::decline) return {};
  const json& templates = pack.replies.is_object() ? pack.replies["templates"] : json();
  if (!templates.is_object()) return {};

  const std::string base(verdict_name(req.verdict));
  const std::string cat(category_name(req.category));
  std::vector<std::string> keys;
  if (req.category == category::sales && req.verdict == verdict::decline) {
    if (!p.me.work_email.empty()) keys.push_back("decline.sales.email");
    else if (!p.me.follow_url.empty()) keys.push_back("decline.sales.follow");
    else keys.push_back("decline.sales");
  } else {
    keys.push_back(base + "." + cat);
  }
  keys.push_back(base);

  std::string lang = templates.contains(req.language) ? req.language : "en";
  const json* list = find_templates(templates[lang], keys);
  if (!list && lang != "en") {
    lang = "en";
    list = find_templates(templates["en"], keys);
  }
  if (!list) return {};

  const std::string signature = p.signature.empty() ? p.me.first_name : p.signature;
  const json& signoffs = pack.replies["signoffs"][lang];
  const std::size_t n = list->size();
  const std::size_t start = fnv1a(req.seed) % n;
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = (start + k) % n;
    std::string text = (*list)[i].get<std::string>();
    if (req.first_name.empty()) replace_all(text, " {first_name}", "");
    replace_all(text, "{first_name}", req.first_name);
    replace_all(text, "{work_email}", p.me.work_email);
    replace_all(text, "{follow_url}", p.me.follow_url);
    if (!signature.empty() && signoffs.is_array() && !signoffs.empty())
      text += "\n\n" + signoffs[i % signoffs.size()].get<std::string>() + "\n" + signature;
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace vouch::detail
