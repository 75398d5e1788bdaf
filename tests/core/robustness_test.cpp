// Robust to disguise: the corpus's invitations, rewritten the ways people dodge filters (HTML-like
// tags, s p a c e d letters, leetspeak, zero-width characters, look-alike letters, odd spacing),
// keep their verdict at least 98% of the time under each rewrite.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vouch/classify.hpp"
#include "vouch/train.hpp"

namespace {

namespace fs = std::filesystem;
using vouch::labelled_inbox;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<labelled_inbox> corpus_inboxes() {
  std::vector<labelled_inbox> out;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(VOUCH_CORPUS))
    if (e.is_directory() && fs::exists(e.path() / "invitations.jsonl")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs) {
    std::vector<std::string> warnings;
    auto box = vouch::parse_inbox(d.filename().string(), slurp(d / "policy.json"), slurp(d / "invitations.jsonl"), warnings);
    if (box) out.push_back(std::move(box).value());
  }
  return out;
}

/// A seeded choice per word, so every run rewrites the same way.
struct chooser {
  std::uint32_t s;
  bool pick(int one_in) {
    s = s * 1664525u + 1013904223u;
    return (s >> 16) % static_cast<std::uint32_t>(one_in) == 0;
  }
};

/// Applies `f` to every ASCII word of at least four letters that `pick` chooses (one in three);
/// with `apart`, never to two words in a row (two spaced words side by side, "b e t t e r p r i c e",
/// cannot be told apart from one, by a person either).
template <class F>
std::string per_word(const std::string& text, std::uint32_t seed, F f, bool apart = false) {
  chooser ch{seed};
  std::string out, word;
  bool last = false;
  auto flush = [&] {
    if (word.empty()) return;
    const bool take = word.size() >= 4 && !(apart && last) && ch.pick(3);
    out += take ? f(word) : word;
    last = take;
    word.clear();
  };
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) word += c;
    else { flush(); out += c; }
  }
  flush();
  return out;
}

std::string tags(const std::string& t, std::uint32_t seed) {
  std::string s = per_word(t, seed, [](const std::string& w) { return "<b>" + w + "</b>"; });
  s = per_word(s, seed + 1, [](const std::string& w) { return w.substr(0, 2) + "<i>" + w.substr(2) + "</i>"; });
  return "<p>" + s + "<br></p>";
}
std::string spaced(const std::string& t, std::uint32_t seed) {
  return per_word(t, seed, [](const std::string& w) {
    std::string s;
    for (std::size_t i = 0; i < w.size(); ++i) s += (i ? " " : "") + std::string(1, w[i]);
    return s;
  }, true);
}
std::string leet(const std::string& t, std::uint32_t seed) {
  return per_word(t, seed, [](std::string w) {
    for (std::size_t i = 1; i < w.size(); ++i)
      switch (w[i]) {
        case 'a': w[i] = '4'; break;
        case 'e': w[i] = '3'; break;
        case 'o': w[i] = '0'; break;
        case 'i': w[i] = '1'; break;
        default: break;
      }
    return w;
  });
}
std::string zero_width(const std::string& t, std::uint32_t seed) {
  return per_word(t, seed, [](const std::string& w) { return w.substr(0, 2) + "\u200B" + w.substr(2, 1) + "\u200C" + w.substr(3); });
}
std::string look_alike(const std::string& t, std::uint32_t seed) {
  return per_word(t, seed, [](const std::string& w) {
    std::string s;
    for (char c : w)
      switch (c) {
        case 'a': s += "\u0430"; break;  // Cyrillic а
        case 'e': s += "\u0435"; break;
        case 'o': s += "\u043E"; break;
        case 'p': s += "\u0440"; break;
        case 'c': s += "\u0441"; break;
        default: s += c;
      }
    return s;
  });
}
std::string odd_spacing(const std::string& t, std::uint32_t) {
  std::string s;
  for (char c : t) {
    if (c == ' ') s += "  \u00A0";
    else if (c == '.') s += " .\n\n";
    else if (c == ',') s += " ,\t";
    else s += c;
  }
  return "  \n" + s + "\t ";
}

}  // namespace

TEST_CASE("disguised invitations keep their verdict at least 98% of the time") {
  const auto inboxes = corpus_inboxes();
  REQUIRE(inboxes.size() >= 10);
  struct transform { const char* name; std::string (*apply)(const std::string&, std::uint32_t); };
  const transform transforms[] = {{"HTML-like tags", tags},     {"s p a c e d letters", spaced},
                                  {"leetspeak", leet},          {"zero-width characters", zero_width},
                                  {"look-alike letters", look_alike}, {"odd spacing", odd_spacing}};
  for (const auto& t : transforms) {
    int same = 0, total = 0, unsafe = 0;
    for (const auto& box : inboxes) {
      auto e = vouch::engine::create(box.pol);
      REQUIRE(e.ok());
      std::uint32_t seed = 7;
      for (const auto& li : box.items) {
        if (li.inv.message.empty()) continue;
        vouch::invitation disguised = li.inv;
        disguised.message = t.apply(li.inv.message, ++seed);
        const auto a = e.value().classify(li.inv), b = e.value().classify(disguised);
        ++total;
        same += a.verdict == b.verdict;
        // A disguised scam or flirt that becomes an accept is the failure that matters most.
        unsafe += (li.cat == vouch::category::scam || li.cat == vouch::category::romance) &&
                  b.verdict == vouch::verdict::accept && a.verdict != vouch::verdict::accept;
      }
    }
    const double share = total ? 100.0 * same / total : 0;
    std::printf("robustness: %-22s %5.1f%% of %d notes keep their verdict; scams or flirts newly accepted: %d\n", t.name,
                share, total, unsafe);
    INFO(t.name << ": " << same << " of " << total);
    CHECK(share >= 98.0);
    CHECK(unsafe == 0);
  }
}
