// First names from LinkedIn display names: "Dr. Priya Raman, PhD | Hiring" -> "Priya".
//
// Pipeline: decode UTF-8 and map "fancy" letters to plain ones; cut at the first separator that
// starts a tagline ("|", ",", "(", " - "...); split into words; drop emoji and symbols inside
// each word; skip titles, credentials, hashtags and initials; the first word left is the first
// name. A single word in quotes ("Bob") is a nickname and wins. Names in all capitals or all
// small letters are put in title case ("JEAN-LUC" -> "Jean-Luc").
#include "vouch/names.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "notes_text.hpp"

namespace vouch {

namespace {

namespace L = detail::letters;

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x3000;
}
bool is_dash(char32_t cp) { return cp == '-' || (cp >= 0x2010 && cp <= 0x2014); }
bool is_quote(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB ||
         cp == '\'' || cp == 0x2018 || cp == 0x2019;
}
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Where a tagline starts: a separator character, or a dash with spaces around it.
std::size_t tagline_start(const std::vector<char32_t>& s) {
  static constexpr char32_t separators[] = {'|', ',', '(',    '[',  '{',  '/',   ':',
                                            ';', '@', 0x2022, 0xB7, 0xA6, 0x2016};
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (std::find(std::begin(separators), std::end(separators), s[i]) != std::end(separators))
      return i;
    if (is_dash(s[i]) && is_space(s[i - 1]) && (i + 1 == s.size() || is_space(s[i + 1]))) return i;
  }
  return s.size();
}

// The word as lower-case ASCII with dots removed ("Ph.D." -> "phd"), for the lists below.
std::string key_of(const std::vector<char32_t>& w) {
  std::string k;
  for (char32_t cp : w) {
    if (cp == '.') continue;
    L::append(k, L::to_lower(cp));
  }
  return k;
}

// A word list, sorted once, searched by halving.
class word_set {
 public:
  word_set(std::initializer_list<std::string_view> words) : words_(words) {
    std::sort(words_.begin(), words_.end());
  }
  bool contains(std::string_view k) const { return std::binary_search(words_.begin(), words_.end(), k); }

 private:
  std::vector<std::string_view> words_;
};

bool is_title(const std::string& k) {
  static const word_set titles{"dr",    "mr",      "mrs",    "ms",     "miss", "mx",   "prof",    "professor", "sir",
          "dame",  "lord",    "lady",   "rev",    "fr",   "herr", "frau",    "mme",       "mlle",
          "dott",  "dottssa", "ing",    "arch",   "avv",  "sr",   "sra",     "srta",      "dra",
          "dhr",   "mevr",    "mw",     "ir",     "drs",  "mag",  "dipl",    "dipl-ing",  "dr-ing",
          "eng",   "engr",    "capt",   "col",    "gen",  "lt",   "maj",     "sgt",       "hon",
          "rabbi", "imam",    "pastor", "sheikh", "atty", "adv",  "prof-dr", "md",        "mohd"};
  return titles.contains(k);
}

// Credentials and suffixes; two-letter ones only in capitals and after the first word ("MA",
// not the names "Ma" or "MA Long").
bool is_credential(const std::string& k, const std::vector<char32_t>& w, bool first) {
  static const word_set credentials{"phd", "mba", "cpa",   "pmp",     "cfa",      "esq",  "msc",   "bsc", "llm",
             "llb", "dds", "cissp", "mph",     "meng",     "beng", "dphil", "edd", "psyd",
             "mfa", "frm", "acca",  "cfp",     "ceo",      "cfo",  "cto",   "coo", "lion",
             "jr",  "sr",  "iii",   "shrm-cp", "shrm-scp", "sphr", "mcp",   "csm", "itil"};
  static const word_set degrees{"md", "ma", "ba", "ms", "bs", "jd", "rn", "pe", "ii", "iv"};
  if (credentials.contains(k)) return true;
  const bool caps = std::none_of(w.begin(), w.end(), [](char32_t c) { return L::is_lower(c); });
  return caps && !first && degrees.contains(k);
}

// "J", "J.", "J.R.", "J.-P.": every run of letters is one letter long.
bool is_initials(const std::vector<char32_t>& w) {
  std::size_t run = 0, letters = 0;
  bool dotted = false;
  for (char32_t cp : w) {
    if (L::is_letter(cp) && !(cp >= 0x300 && cp <= 0x36F)) {
      ++letters;
      if (++run > 1) return false;
    } else {
      dotted = dotted || cp == '.';
      run = 0;
    }
  }
  return letters == 1 || (letters > 0 && dotted);
}

// Title case for names typed in all capitals or all small letters; mixed case is kept ("McKenzie").
void fix_case(std::vector<char32_t>& w) {
  const bool any_upper = std::any_of(w.begin(), w.end(), [](char32_t c) { return L::is_upper(c); });
  const bool any_lower = std::any_of(w.begin(), w.end(), [](char32_t c) { return L::is_lower(c); });
  const std::size_t letters =
      std::count_if(w.begin(), w.end(), [](char32_t c) { return L::is_letter(c); });
  if ((any_upper && any_lower) || letters < 2) {
    if (!w.empty()) w[0] = L::to_upper(w[0]);
    return;
  }
  bool start = true;
  for (auto& cp : w) {
    cp = start ? L::to_upper(cp) : L::to_lower(cp);
    start = is_dash(cp) || is_apostrophe(cp);
  }
}

struct word {
  std::vector<char32_t> text;  // letters, inner hyphens, apostrophes and dots
  bool quoted = false;         // the whole word was in quotes: a nickname
  bool tag = false;            // "#OpenToWork", "@acme"
  bool digits = false;         // "J0hn": had digits, which split_words drops
};

std::vector<word> split_words(const std::vector<char32_t>& s) {
  std::vector<word> words;
  std::vector<char32_t> raw;
  auto flush = [&] {
    if (raw.empty()) return;
    word w;
    w.quoted = raw.size() > 2 && is_quote(raw.front()) && is_quote(raw.back()) &&
               !is_apostrophe(raw.front());
    w.tag = raw.front() == '#' || raw.front() == '@';
    w.digits = std::any_of(raw.begin(), raw.end(), [](char32_t cp) { return cp >= '0' && cp <= '9'; });
    for (char32_t cp : raw)
      if (L::is_letter(cp) || cp == '.' || is_dash(cp) || is_apostrophe(cp))
        w.text.push_back(is_dash(cp) ? U'-' : cp);
    auto edge = [](char32_t cp) { return cp == '-' || is_apostrophe(cp); };
    while (!w.text.empty() && edge(w.text.back())) w.text.pop_back();
    while (!w.text.empty() && edge(w.text.front())) w.text.erase(w.text.begin());
    if (!w.text.empty()) words.push_back(std::move(w));
    raw.clear();
  };
  for (char32_t cp : s) {
    if (is_space(cp))
      flush();
    else
      raw.push_back(L::plain(cp));
  }
  flush();
  return words;
}

// "Dr.Anna" -> "Anna": a title glued to the name by its dot.
void drop_glued_title(std::vector<char32_t>& w) {
  auto dot = std::find(w.begin(), w.end(), U'.');
  if (dot == w.end() || dot + 1 == w.end() || !L::is_letter(dot[1])) return;
  if (is_title(key_of(std::vector<char32_t>(w.begin(), dot)))) w.erase(w.begin(), dot + 1);
}

// A display name that is not a person's name, greeted without one: markup or code
// ("<script>...", "{first_name}", "=cmd|...", "&nbsp;"), a web address, or absurdly long text.
bool implausible(std::string_view n) {
  if (n.size() > 1000 || n.find_first_of("<>{}=\\`") != std::string_view::npos) return true;
  if (n.find("://") != std::string_view::npos || n.find("www.") != std::string_view::npos ||
      n.find("WWW.") != std::string_view::npos)
    return true;
  for (std::size_t a = n.find('&'); a != std::string_view::npos; a = n.find('&', a + 1)) {
    std::size_t b = a + 1;
    while (b < n.size() && b - a < 12 && (std::isalnum(static_cast<unsigned char>(n[b])) || n[b] == '#')) ++b;
    if (b > a + 1 && b < n.size() && n[b] == ';') return true;
  }
  return false;
}

// The longest first name used in a greeting; a longer "name" is not one.
constexpr std::size_t max_first_name = 40;

}  // namespace

namespace {

// The common case, decided without the full pipeline: a plain ASCII first word written
// "Anna", then a space, in a name with no quotes (a quoted nickname elsewhere would win). The
// word must not be a title or credential; then the pipeline would return it as it is.
bool is_plain_first_word(std::string_view name, std::string_view& word) {
  const std::size_t space = name.find(' ');
  if (space == std::string_view::npos || space < 2) return false;
  // Quotes (a nickname elsewhere would win) or any byte above ASCII (typographic quotes, fancy
  // letters, other scripts): the long way.
  for (const char c : name)
    if (c == '"' || c == '\'' || static_cast<unsigned char>(c) >= 0x80) return false;
  word = name.substr(0, space);
  if (word[0] < 'A' || word[0] > 'Z' || word.size() > max_first_name) return false;
  std::string key(1, static_cast<char>(word[0] - 'A' + 'a'));
  for (std::size_t i = 1; i < word.size(); ++i) {
    if (word[i] < 'a' || word[i] > 'z') return false;
    key += word[i];
  }
  return !is_title(key) && !is_credential(key, L::decode(word), true);
}

}  // namespace

std::string first_name_of(std::string_view display_name) {
  if (implausible(display_name)) return "";
  std::string_view plain;
  if (is_plain_first_word(display_name, plain)) return std::string(plain);
  std::vector<char32_t> s = L::decode(display_name);
  s.resize(tagline_start(s));
  std::vector<word> words = split_words(s);
  const word* chosen = nullptr;
  std::size_t chosen_at = 0;
  for (const auto& w : words)
    if (w.quoted && !is_initials(w.text)) {
      chosen = &w;
      break;
    }
  const bool nickname = chosen != nullptr;
  for (std::size_t i = 0; i < words.size() && !chosen; ++i) {
    if (!is_title(key_of(words[i].text))) drop_glued_title(words[i].text);
    const auto& w = words[i];
    const std::string k = key_of(w.text);
    if (w.tag || k.empty() || is_title(k) || is_credential(k, w.text, i == 0) ||
        is_initials(w.text))
      continue;
    chosen = &w;
    chosen_at = i;
  }
  if (!chosen) return "";
  std::vector<char32_t> name = chosen->text;
  while (!name.empty() && name.back() == '.') name.pop_back();
  // Digits ("J0hn"), a dot inside the word ("j.smith" of an e-mail address) or absurd length:
  // not a name to greet.
  const bool inner_dot = std::find(name.begin(), name.end(), U'.') != name.end() && !is_initials(name);
  if (chosen->digits || inner_dot || name.size() > max_first_name) return "";
  fix_case(name);
  // "M. Tanaka": initials, then the last word, which is the family name. There is no first name
  // to use, so the person is addressed as written.
  const bool only_initials_before = chosen_at > 0 && chosen_at + 1 == words.size() &&
      std::all_of(words.begin(), words.begin() + static_cast<long>(chosen_at),
                  [](const word& w) { return is_initials(w.text); });
  if (!nickname && only_initials_before) {
    std::vector<char32_t> full;
    for (std::size_t i = 0; i < chosen_at; ++i) {
      for (char32_t cp : words[i].text) full.push_back(L::to_upper(cp));
      if (full.back() != U'.') full.push_back(U'.');
      full.push_back(U' ');
    }
    full.insert(full.end(), name.begin(), name.end());
    // A run of initials longer than a first name may be is not a name to greet either.
    if (full.size() > max_first_name) return "";
    return L::encode(full);
  }
  return L::encode(name);
}

}  // namespace vouch
