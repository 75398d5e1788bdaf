// Folding text for matching; see the pipeline in vouch/text.hpp.
#include "vouch/text.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <cstring>
#include <memory>

namespace vouch {

namespace {

constexpr char other_letter = '\x01';  // a letter with no ASCII fold: part of a word, matches nothing

/// Decodes the code point at s[i] (not ASCII), setting its length in bytes; invalid → U+FFFD.
char32_t decode_one(std::string_view s, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  len = 1;
  if (c < 0x80) return c;
  if ((c & 0xE0) == 0xC0 && c >= 0xC2 && cont(1)) {
    len = 2;
    return ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
  }
  if ((c & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    len = 3;
    const char32_t cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    return cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp;
  }
  if ((c & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    len = 4;
    const char32_t cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    return cp < 0x10000 || cp > 0x10FFFF ? 0xFFFD : cp;
  }
  return 0xFFFD;
}

// U+00C0..U+00FF; '*' marks the two-letter folds handled in code, ' ' a symbol.
constexpr const char* latin1 = "aaaaaa*ceeeeiiiidnooooo ouuuuyts" "aaaaaa*ceeeeiiiidnooooo ouuuuyty";
// U+0100..U+017F; '*' marks the ligature Œ/œ.
constexpr const char* latin_ext_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooo**rrrrrrss"
    "sssssstttttt" "uuuuuuuuuuuuwwyyyzzzzzzs";

// Cyrillic and Greek letters that look like Latin ones (the usual spoofing set).
char look_alike(char32_t cp) {
  switch (cp) {
    case 0x0410: case 0x0430: case 0x0391: case 0x03B1: return 'a';
    case 0x0412: case 0x0432: case 0x0392: case 0x03B2: return 'b';
    case 0x0421: case 0x0441: return 'c';
    case 0x0415: case 0x0435: case 0x0395: case 0x03B5: return 'e';
    case 0x041D: case 0x043D: case 0x0397: return 'h';
    case 0x0406: case 0x0456: case 0x0399: case 0x03B9: return 'i';
    case 0x0408: case 0x0458: return 'j';
    case 0x041A: case 0x043A: case 0x039A: case 0x03BA: return 'k';
    case 0x041C: case 0x043C: case 0x039C: return 'm';
    case 0x039D: return 'n';
    case 0x041E: case 0x043E: case 0x039F: case 0x03BF: return 'o';
    case 0x0420: case 0x0440: case 0x03A1: case 0x03C1: return 'p';
    case 0x0405: case 0x0455: return 's';
    case 0x0422: case 0x0442: case 0x03A4: case 0x03C4: return 't';
    case 0x0423: case 0x0443: case 0x03A5: case 0x03C5: return 'y';
    case 0x0425: case 0x0445: case 0x03A7: case 0x03C7: return 'x';
    case 0x0396: return 'z';
    default: return 0;
  }
}

bool is_romantic_emoji(char32_t cp) {
  switch (cp) {
    case 0x2764: case 0x2763: case 0x1F618: case 0x1F60D: case 0x1F970: case 0x1F48B:
    case 0x1F63B: case 0x1F339: case 0x1F495: case 0x1F496: case 0x1F497: case 0x1F498:
    case 0x1F49D: case 0x1F49E: case 0x1F493: case 0x1F48C: case 0x1F491: case 0x1F48F:
      return true;
    default: return false;
  }
}

bool is_invisible(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) ||
         cp == 0xFEFF || cp == 0x034F || cp == 0x180E || (cp >= 0x0300 && cp <= 0x036F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x202A && cp <= 0x202E) || cp == 0x200B;
}

/// Folds one code point to ASCII, appending to `out` (may append nothing).
void fold_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') c = ' ';
    if (c < 0x20 || c == 0x7F) c = ' ';
    out += c;
    return;
  }
  if (is_invisible(cp)) return;
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char f = latin1[cp - 0xC0];
    if (f == '*') out += "ae";
    else if (cp == 0xDF) out += "ss";
    else if (cp == 0xDE || cp == 0xFE) out += "th";
    else out += f;
    return;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    const char f = latin_ext_a[cp - 0x100];
    if (f == '*') out += "oe";
    else out += f;
    return;
  }
  if (cp == 0x218 || cp == 0x219) { out += 's'; return; }
  if (cp == 0x21A || cp == 0x21B) { out += 't'; return; }
  if (cp >= 0x1D400 && cp <= 0x1D6A3) {  // mathematical alphanumeric letters: 52 per style
    const auto k = (cp - 0x1D400) % 52;
    out += static_cast<char>('a' + (k % 26));
    return;
  }
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) { out += static_cast<char>('0' + (cp - 0x1D7CE) % 10); return; }
  if (cp >= 0x24B6 && cp <= 0x24CF) { out += static_cast<char>('a' + (cp - 0x24B6)); return; }
  if (cp >= 0x24D0 && cp <= 0x24E9) { out += static_cast<char>('a' + (cp - 0x24D0)); return; }
  if (cp >= 0x1F130 && cp <= 0x1F149) { out += static_cast<char>('a' + (cp - 0x1F130)); return; }
  if (cp >= 0x1F150 && cp <= 0x1F169) { out += static_cast<char>('a' + (cp - 0x1F150)); return; }
  if (cp >= 0x1F170 && cp <= 0x1F189) { out += static_cast<char>('a' + (cp - 0x1F170)); return; }
  if (cp >= 0xFF01 && cp <= 0xFF5E) { fold_code_point(cp - 0xFEE0, out); return; }
  if (cp == 0x210E) { out += 'h'; return; }
  if (const char c = look_alike(cp)) { out += c; return; }
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x00B4: out += '\''; return;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: out += '"'; return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: out += '-'; return;
    case 0x2026: out += "..."; return;
    case 0x20AC: case 0x00A3: case 0x00A5: case 0x20B9: case 0x20BF: case 0x20BD: out += '$'; return;
    case 0xFF05: case 0x066A: out += '%'; return;
    default: break;
  }
  if (is_romantic_emoji(cp)) { out += " zheart "; return; }
  // Letters of other scripts stay letters (so words keep their shape) but match nothing.
  const bool letter = (cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x0400 && cp <= 0x052F) ||
                      (cp >= 0x0180 && cp <= 0x024F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
                      (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0x0900 && cp <= 0x0DFF) ||
                      (cp >= 0x0E00 && cp <= 0x0FFF) || (cp >= 0x1100 && cp <= 0x11FF) ||
                      (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
                      (cp >= 0xAC00 && cp <= 0xD7AF);
  out += letter ? other_letter : ' ';
}

// ---- characters after folding, each with its origin ----

struct char_stream {
  std::string s;
  // Where each char of `s` comes from in the original (in fold's scratch space).
  const std::uint32_t* b16 = nullptr;
  const std::uint32_t* e16 = nullptr;
  std::size_t size() const { return s.size(); }
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || c == other_letter; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

bool is_tld(std::string_view t) {
  static constexpr std::array<std::string_view, 52> tlds{
      "com", "net", "org", "io", "co", "ai", "app", "dev", "xyz", "info", "biz", "me", "ly",
      "link", "site", "online", "top", "ru", "cn", "uk", "de", "dk", "no", "se", "fr", "es",
      "it", "nl", "pt", "eu", "us", "ca", "au", "in", "ch", "at", "be", "pl", "fi", "ie", "br",
      "mx", "club", "live", "shop", "store", "tech", "cc", "tk", "gl", "to", "edu"};
  for (auto x : tlds)
    if (x == t) return true;
  return false;
}

/// The end of a URL/e-mail-ish run starting at i: characters that can be in a host or path.
std::size_t url_run_end(const std::string& s, std::size_t i) {
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '(' || c == ')' || c == '\'' ||
        c == other_letter)
      break;
    ++i;
  }
  return i;
}

std::size_t trim_trailing_punct(const std::string& s, std::size_t a, std::size_t b) {
  while (b > a && (s[b - 1] == '.' || s[b - 1] == ',' || s[b - 1] == '!' || s[b - 1] == '?' ||
                   s[b - 1] == ':' || s[b - 1] == ';'))
    --b;
  return b;
}

/// If s[i..] is a host name with a known top-level domain, where it ends (after any path).
std::size_t match_domain(const std::string& s, std::size_t i) {
  std::size_t j = i;
  std::size_t last_dot = std::string::npos;
  while (j < s.size() && (is_alnum(s[j]) || s[j] == '-' || s[j] == '.' || s[j] == '_')) {
    if (s[j] == '.') last_dot = j;
    ++j;
  }
  std::size_t host_end = j;
  while (host_end > i && s[host_end - 1] == '.') --host_end;  // "example.com." ends a sentence
  if (last_dot == std::string::npos || host_end <= i) return 0;
  last_dot = s.rfind('.', host_end - 1);
  if (last_dot == std::string::npos || last_dot <= i) return 0;
  const std::string_view tld(s.data() + last_dot + 1, host_end - last_dot - 1);
  if (!is_tld(tld) || s[last_dot - 1] == '.') return 0;
  if (host_end < s.size() && s[host_end] == '/') return trim_trailing_punct(s, i, url_run_end(s, host_end));
  return host_end;
}

std::size_t match_email(const std::string& s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && (is_alnum(s[j]) || s[j] == '.' || s[j] == '_' || s[j] == '-' || s[j] == '+')) ++j;
  if (j == i || j >= s.size() || s[j] != '@') return 0;
  const std::size_t end = match_domain(s, j + 1);
  return end > j + 1 ? end : 0;
}

/// Digits with grouping ("2,500", "1.200", "10 000"); returns the end or i when none.
std::size_t match_number(const std::string& s, std::size_t i) {
  std::size_t j = i;
  if (j >= s.size() || !is_digit(s[j])) return i;
  while (j < s.size() && is_digit(s[j])) ++j;
  while (j + 1 < s.size() && (s[j] == ',' || s[j] == '.') && is_digit(s[j + 1])) {
    ++j;
    while (j < s.size() && is_digit(s[j])) ++j;
  }
  return j;
}

std::size_t skip_spaces(const std::string& s, std::size_t j) {
  while (j < s.size() && s[j] == ' ') ++j;
  return j;
}

bool word_at(const std::string& s, std::size_t j, std::string_view w) {
  if (s.compare(j, w.size(), w) != 0) return false;
  const std::size_t e = j + w.size();
  return e >= s.size() || !is_alnum(s[e]);
}

/// Money: "$1,200", "$ 500", "2,500$", "900 eur", "1.200 kr"; '$' stands for any currency sign.
std::size_t match_money(const std::string& s, std::size_t i) {
  if (s[i] == '$') {
    const std::size_t k = skip_spaces(s, i + 1);
    const std::size_t e = match_number(s, k);
    if (e == k) return 0;
    std::size_t end = e;
    for (std::string_view suffix : {"k", "m", "bn", "million", "billion"})
      if (word_at(s, end, suffix)) { end += suffix.size(); break; }
    return end;
  }
  const std::size_t e = match_number(s, i);
  if (e == i) return 0;
  std::size_t k = skip_spaces(s, e);
  if (k < s.size() && s[k] == '$') return k + 1;
  for (std::string_view cur : {"usd", "eur", "euro", "euros", "dollars", "dkk", "gbp", "nok", "sek",
                               "chf", "kr", "inr", "pounds", "usdt", "btc"})
    if (word_at(s, k, cur)) return k + cur.size();
  return 0;
}

std::size_t match_percent(const std::string& s, std::size_t i) {
  const std::size_t e = match_number(s, i);
  if (e == i) return 0;
  const std::size_t k = skip_spaces(s, e);
  if (k < s.size() && s[k] == '%') return k + 1;
  for (std::string_view w : {"percent", "per cent", "procent", "prozent", "pourcent", "por ciento",
                             "por cento", "per cento"})
    if (word_at(s, k, w)) return k + w.size();
  return 0;
}

bool is_phone_separator(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

/// Phone numbers: "+44 7700 900123", "(555) 123-4567", "07700 900123": 8 to 15 digits.
std::size_t match_phone(const std::string& s, std::size_t i) {
  std::size_t j = i;
  const bool plus = s[j] == '+';
  if (plus) ++j;
  int digits = 0, groups = 0;
  std::size_t end = 0;
  while (j < s.size()) {
    if (is_digit(s[j])) {
      ++groups;
      while (j < s.size() && is_digit(s[j])) ++j, ++digits;
      end = j;
      if (j < s.size() && is_alpha(s[j])) return 0;
    } else if (is_phone_separator(s[j]) && j + 1 < s.size() &&
               (is_digit(s[j + 1]) || (is_phone_separator(s[j + 1]) && j + 2 < s.size() && is_digit(s[j + 2])))) {
      j += is_digit(s[j + 1]) ? 1 : 2;  // "-", " ", or two together: ") ", " ("
    } else if (s[j] == '(' && j == i) {
      ++j;
    } else {
      break;
    }
  }
  if (digits < 8 || digits > 15) return 0;
  if (!plus && digits < 9) return 0;
  if (!plus && groups > 4) return 0;
  return end;
}

// Folded output under construction: " tok tok tok " with, for every byte, its original span.
// Tokens are written straight into it; `tokens` remembers where each one is, for the apostrophe
// join and the spaced-letter join.
struct token {
  std::uint32_t out_begin = 0, out_end = 0;  // bytes of out.text, without the trailing space
  std::uint32_t src_begin = 0, src_end = 0;  // chars of the char stream
  bool whole = false;                        // an entity or number: one span for all its bytes
  bool single_letter = false;
};

struct writer {
  const char_stream& cs;
  std::vector<token> tokens;
  // out.text, out.begin16 and out.end16 under construction, in fold's scratch space (sized for
  // the most a text can fold to), copied out at the end: one index, no checks per byte.
  char* text;
  std::uint32_t* begin16;
  std::uint32_t* end16;
  std::size_t n = 0;

  void put(char c, std::uint32_t b, std::uint32_t e) {
    text[n] = c;
    begin16[n] = b;
    end16[n] = e;
    ++n;
  }
  void end_token(token t) {
    t.out_end = static_cast<std::uint32_t>(n);
    const std::uint32_t last = end16[n - 1];
    put(' ', last, last);
    tokens.push_back(t);
  }
  token start(std::size_t a, std::size_t b) const {
    token t;
    t.out_begin = static_cast<std::uint32_t>(n);
    t.src_begin = static_cast<std::uint32_t>(a);
    t.src_end = static_cast<std::uint32_t>(b);
    return t;
  }
  /// `text` stands for the chars [a, b) as a whole.
  void whole(std::size_t a, std::size_t b, std::string_view text) {
    token t = start(a, b);
    t.whole = true;
    const std::uint32_t b16 = cs.b16[a], e16 = cs.e16[b - 1];
    for (char c : text) put(c, b16, e16);
    end_token(t);
  }
  /// `text` has one byte per char of [a, b) (the chars themselves, or leet-folded).
  void chars(std::size_t a, std::size_t b, const char* text) {
    token t = start(a, b);
    t.single_letter = b - a == 1 && text[0] >= 'a' && text[0] <= 'z';
    for (std::size_t k = a; k < b; ++k) put(text[k - a], cs.b16[k], cs.e16[k]);
    end_token(t);
  }
  /// An apostrophe inside a word ("don't", "I'd") joins its halves: the chars [a, b) are added to
  /// the last token, which must end the output.
  void join_last(std::size_t a, std::size_t b) {
    token& t = tokens.back();
    --n;
    for (std::size_t k = a; k < b; ++k) put(cs.s[k], cs.b16[k], cs.e16[k]);
    t.single_letter = false;
    t.src_end = static_cast<std::uint32_t>(b);
    t.out_end = static_cast<std::uint32_t>(n);
    const std::uint32_t last = end16[n - 1];
    put(' ', last, last);
  }
};

void push_number(writer& w, std::size_t a, std::size_t b) {
  const std::string_view d(w.cs.s.data() + a, b - a);
  const bool year = d.size() == 4 && (d.substr(0, 2) == "19" || d.substr(0, 2) == "20");
  w.whole(a, b, year ? "zyear" : "#");
}

char leet(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '8': return 'b';
    default: return 0;
  }
}

/// A run of letters and digits: a word, a number, leetspeak, or a mix ("48hrs", "30k").
void push_word(writer& w, std::size_t a, std::size_t b) {
  const std::string& s = w.cs.s;
  int letters = 0, digits = 0;
  bool leetable = true;
  for (std::size_t k = a; k < b; ++k) {
    if (is_digit(s[k])) {
      ++digits;
      std::size_t run_begin = k, run_end = k + 1;
      while (run_begin > a && is_digit(s[run_begin - 1])) --run_begin;
      while (run_end < b && is_digit(s[run_end])) ++run_end;
      const bool inner = run_begin > a && run_end < b;
      if ((run_end - run_begin > 1 && !inner) || run_end - run_begin > 2 || !leet(s[k])) leetable = false;
    } else {
      ++letters;
    }
  }
  if (digits == 0) return w.chars(a, b, s.data() + a);
  // "d3m0" as much as "3th3reum": a word that starts with a letter and has more letters than digits.
  if (leetable && (letters >= 3 || (letters >= 2 && b - a >= 4 && !is_digit(s[a])))) {
    std::string folded = s.substr(a, b - a);
    for (auto& c : folded)
      if (is_digit(c)) c = leet(c);
    return w.chars(a, b, folded.c_str());
  }
  if (letters == 0) return push_number(w, a, b);
  // Split at digit/letter boundaries; "30k" and "5m" stay one token "#k".
  std::size_t k = a;
  while (k < b) {
    std::size_t e = k;
    if (is_digit(s[k])) {
      while (e < b && is_digit(s[e])) ++e;
      if (e + 1 == b && (s[e] == 'k' || s[e] == 'm')) {
        w.whole(k, b, "#k");
        return;
      }
      push_number(w, k, e);
    } else {
      while (e < b && !is_digit(s[e])) ++e;
      w.chars(k, e, s.data() + k);
    }
    k = e;
  }
}

void tokenize(writer& w, std::vector<entity>& entities) {
  const char_stream& cs = w.cs;
  const std::string& s = cs.s;
  auto add_entity = [&](entity_kind kind, std::size_t a, std::size_t b, std::string_view tok) {
    entities.push_back({kind, cs.b16[a], cs.e16[b - 1], s.substr(a, b - a)});
    w.whole(a, b, tok);
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ') { ++i; continue; }
    // The common case first: a word of letters after a space, ending in a space or punctuation
    // that cannot continue an address, a number or a contraction (the general path below gives
    // it the same token).
    if (((c >= 'a' && c <= 'z') || c == other_letter) && (i == 0 || s[i - 1] == ' ')) {
      std::size_t e = i + 1;
      while (e < s.size() && ((s[e] >= 'a' && s[e] <= 'z') || s[e] == other_letter)) ++e;
      const char t = e < s.size() ? s[e] : ' ';
      if (t == ' ' || t == ',' || t == '!' || t == '?' || t == ';' || t == ')' || t == '"') {
        w.chars(i, e, s.data() + i);
        i = e;
        continue;
      }
    }
    const bool word_start = i == 0 || !is_alnum(s[i - 1]);
    if (word_start && (c == 'h' || c == 'w') &&
        (s.compare(i, 7, "http://") == 0 || s.compare(i, 8, "https://") == 0 || s.compare(i, 4, "www.") == 0)) {
      const std::size_t e = trim_trailing_punct(s, i, url_run_end(s, i));
      add_entity(entity_kind::url, i, e, "zurl");
      i = e;
      continue;
    }
    // E-mail addresses and bare host names continue their first run of letters and digits with
    // one of . _ - + @ (anything else and neither can match), and need an '@' or a '.' followed
    // by a letter or digit inside the run.
    std::size_t run_end = i;
    while (run_end < s.size() && is_alnum(s[run_end])) ++run_end;
    const bool may_be_address = run_end < s.size() && (s[run_end] == '.' || s[run_end] == '_' || s[run_end] == '-' ||
                                                       s[run_end] == '+' || s[run_end] == '@');
    if (word_start && is_alnum(c) && may_be_address) {
      bool at = false, dot = false;
      for (std::size_t k = i + 1; k < s.size() && s[k] != ' '; ++k) {
        if (k + 1 < s.size() && is_alnum(s[k + 1])) {
          at = at || s[k] == '@';
          dot = dot || s[k] == '.';
        }
      }
      if (at) {
        if (const std::size_t e = match_email(s, i)) { add_entity(entity_kind::email, i, e, "zemail"); i = e; continue; }
      }
      if (dot) {
        if (const std::size_t e = match_domain(s, i)) { add_entity(entity_kind::url, i, e, "zurl"); i = e; continue; }
      }
    }
    if (c == '@' && (i == 0 || !is_alnum(s[i - 1]))) {
      std::size_t e = i + 1;
      while (e < s.size() && (is_alnum(s[e]) || s[e] == '_' || s[e] == '.')) ++e;
      while (e > i + 1 && s[e - 1] == '.') --e;
      if (e - i >= 3) { add_entity(entity_kind::handle, i, e, "zhandle"); i = e; continue; }
    }
    if (c == '$' || (word_start && is_digit(c))) {
      if (const std::size_t e = match_money(s, i)) { add_entity(entity_kind::money, i, e, "zmoney"); i = e; continue; }
    }
    if (word_start && is_digit(c)) {
      if (const std::size_t e = match_percent(s, i)) { add_entity(entity_kind::percent, i, e, "zpct"); i = e; continue; }
    }
    if (word_start && (c == '+' || c == '(' || is_digit(c))) {
      if (const std::size_t e = match_phone(s, i)) { add_entity(entity_kind::phone, i, e, "zphone"); i = e; continue; }
    }
    if (word_start && is_digit(c)) {
      const std::size_t e = match_number(s, i);
      if (e > i && (e >= s.size() || !is_alnum(s[e])) &&
          std::find_if(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(e),
                       [](char ch) { return ch == ',' || ch == '.'; }) != s.begin() + static_cast<long>(e)) {  // "10,000"
        w.whole(i, e, "#");
        i = e;
        continue;
      }
    }
    if (is_alnum(c)) {
      push_word(w, i, run_end);
      i = run_end;
      continue;
    }
    if (c == '\'' && !w.tokens.empty() && i + 1 < s.size() && is_alpha(s[i + 1]) && i > 0 && is_alpha(s[i - 1])) {
      std::size_t e = i + 1;
      while (e < s.size() && is_alnum(s[e])) ++e;
      if (w.tokens.back().whole) { ++i; continue; }
      w.join_last(i + 1, e);
      i = e;
      continue;
    }
    ++i;  // punctuation: a word break
  }
}

/// Joins runs of three or more single letters separated by single spaces: "f o r e x". Rare, so
/// the output is compacted in place only when there is such a run.
void join_spaced_letters(writer& w) {
  const auto& toks = w.tokens;
  const char_stream& cs = w.cs;
  std::vector<bool> drop;  // output bytes to remove: the spaces inside each run
  std::size_t i = 0;
  while (i < toks.size()) {
    std::size_t j = i;
    if (toks[i].single_letter) {
      while (j + 1 < toks.size() && toks[j + 1].single_letter &&
             toks[j + 1].src_begin == toks[j].src_end + 1 && cs.s[toks[j].src_end] == ' ')
        ++j;
    }
    // A one-letter word before a spaced word ("a m e e t i n g", "y p r o b a r") stays a word.
    if (j - i + 1 >= 6 && toks[i].single_letter) {
      const char first = cs.s[toks[i].src_begin];
      if (first == 'a' || first == 'i' || first == 'e' || first == 'y' || first == 'o' || first == 'u') ++i;
    }
    if (j - i + 1 >= 3) {
      if (drop.empty()) drop.assign(w.n, false);
      for (std::size_t k = i; k < j; ++k) drop[toks[k].out_end] = true;
    }
    i = j + 1;
  }
  if (drop.empty()) return;
  std::size_t n = 0;
  for (std::size_t k = 0; k < w.n; ++k) {
    if (drop[k]) continue;
    w.text[n] = w.text[k];
    w.begin16[n] = w.begin16[k];
    w.end16[n] = w.end16[k];
    ++n;
  }
  w.n = n;
}

}  // namespace

void folded_word_views(std::string_view t, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && t[i] == ' ') ++i;
    std::size_t j = i;
    while (j < t.size() && t[j] != ' ') ++j;
    if (j > i) out.push_back(t.substr(i, j - i));
    i = j;
  }
}

std::vector<std::string> folded_words(std::string_view folded) {
  std::vector<std::string_view> views;
  folded_word_views(folded, views);
  return {views.begin(), views.end()};
}

std::size_t folded_text::word_count() const {
  std::size_t n = 0;
  for (std::size_t i = 1; i < text.size(); ++i)
    if (text[i] == ' ' && text[i - 1] != ' ') ++n;
  return n;
}

// Working space for fold, kept between calls (one per thread), so folding allocates only the
// result. Grows to the largest text folded so far.
struct fold_scratch {
  std::vector<char> chars, text;
  std::vector<std::uint32_t> b16, e16, out_b16, out_e16;
  std::vector<token> tokens;
  std::string folded_cp;

  template <class T>
  static T* at_least(std::vector<T>& v, std::size_t n) {
    if (v.size() < n) v.resize(n);
    return v.data();
  }
};

namespace {

/// The length of an HTML tag starting at `i` ("<b>", "</span>", "<br/>", "<a href='...'>"), 0 when
/// there is none; `block` tells a tag that separates words ("<br>", "<p>") from one inside them.
/// Tags are markup someone pasted, or a disguise ("in<b>vest</b>ment"): they are not words.
std::size_t html_tag_at(std::string_view s, std::size_t i, bool& block) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  const std::size_t name_begin = j;
  while (j < s.size() && j - name_begin < 10 && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
  if (j == name_begin) return 0;
  std::string name(s.substr(name_begin, j - name_begin));
  for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static constexpr std::string_view inline_tags[] = {"b", "i", "u", "s", "em", "strong", "span", "a", "font", "mark",
                                                     "small", "big", "sup", "sub", "code", "strike", "del", "ins", "tt"};
  static constexpr std::string_view block_tags[] = {"br", "p", "div", "li", "ul", "ol", "hr", "h1", "h2", "h3", "h4",
                                                    "h5", "h6", "tr", "td", "table", "img", "blockquote", "pre", "script", "style"};
  const bool is_inline = std::find(std::begin(inline_tags), std::end(inline_tags), name) != std::end(inline_tags);
  block = std::find(std::begin(block_tags), std::end(block_tags), name) != std::end(block_tags);
  if (!is_inline && !block) return 0;
  // Attributes, then '>' (or "/>"), within a short reach and with no other '<'.
  const std::size_t limit = std::min(s.size(), j + 120);
  while (j < limit && s[j] != '>' && s[j] != '<') ++j;
  if (j >= limit || s[j] != '>') return 0;
  return j + 1 - i;
}

}  // namespace

folded_text fold(std::string_view utf8) {
  folded_text out;
  fold_into(utf8, out);
  return out;
}

void fold_into(std::string_view utf8, folded_text& out) {
  thread_local fold_scratch scratch;
  out.clear();
  thread_local char_stream cs;
  // At most two chars per byte: an emoji's 4 bytes become " zheart ".
  const std::size_t most_chars = 2 * utf8.size() + 8;
  char* chars = fold_scratch::at_least(scratch.chars, most_chars);
  std::uint32_t* b16 = fold_scratch::at_least(scratch.b16, most_chars);
  std::uint32_t* e16 = fold_scratch::at_least(scratch.e16, most_chars);
  std::size_t m = 0;
  std::uint32_t pos16 = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == '<') {
      bool block = false;
      if (const std::size_t tag = html_tag_at(utf8, i, block)) {
        const auto units = static_cast<std::uint32_t>(utf16_length(utf8.substr(i, tag)));
        if (block) {
          chars[m] = ' ';
          b16[m] = pos16;
          e16[m] = pos16 + units;
          ++m;
        }
        pos16 += units;
        i += tag;
        continue;
      }
    }
    if (c >= 0x20 && c < 0x7F) {  // the common case, inline
      const char ch = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (ch == '?') ++out.question_marks;
      chars[m] = ch;
      b16[m] = pos16;
      e16[m] = pos16 + 1;
      ++m;
      ++pos16;
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = decode_one(utf8, i, len);
    const std::uint32_t units = cp >= 0x10000 ? 2 : 1;
    if (cp == 0xFF1F || cp == 0xBF) ++out.question_marks;  // full-width and inverted forms
    scratch.folded_cp.clear();
    fold_code_point(cp, scratch.folded_cp);
    for (char ch : scratch.folded_cp) {
      chars[m] = ch;
      b16[m] = pos16;
      e16[m] = pos16 + units;
      ++m;
    }
    pos16 += units;
    i += len;
  }
  out.length16 = pos16;
  cs.s.assign(chars, m);
  cs.b16 = b16;
  cs.e16 = e16;

  // A token folds to at most its length plus 4 bytes ("@ab" → "zhandle"), plus a space, so the
  // folded text has at most 6 bytes per char, and one leading space (7 per char is kept, for a
  // margin).
  const std::size_t most_out = 7 * m + 8;
  scratch.tokens.clear();
  writer w{cs, std::move(scratch.tokens), fold_scratch::at_least(scratch.text, most_out),
           fold_scratch::at_least(scratch.out_b16, most_out), fold_scratch::at_least(scratch.out_e16, most_out), 0};
  w.put(' ', 0, 0);
  tokenize(w, out.entities);
  join_spaced_letters(w);
  out.text.assign(w.text, w.n);
  out.begin16.assign(w.begin16, w.begin16 + w.n);
  out.end16.assign(w.end16, w.end16 + w.n);
  scratch.tokens = std::move(w.tokens);  // keep its capacity for the next call
}

std::string fold_phrase(std::string_view utf8) {
  // "#" (any number) and "#k" (30k) are the pack's number classes; everything else folds as text.
  std::string out = " ";
  std::size_t i = 0;
  while (i < utf8.size()) {
    while (i < utf8.size() && utf8[i] == ' ') ++i;
    std::size_t j = i;
    while (j < utf8.size() && utf8[j] != ' ') ++j;
    const std::string_view word = utf8.substr(i, j - i);
    if (word == "#" || word == "#k") {
      out += word;
      out += ' ';
    } else if (!word.empty()) {
      out += fold(word).text.substr(1);
    }
    i = j;
  }
  return out;
}

std::size_t utf16_length(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if ((c & 0xC0) != 0x80) n += (c >= 0xF0) ? 2 : 1;
  }
  return n;
}

}  // namespace vouch
