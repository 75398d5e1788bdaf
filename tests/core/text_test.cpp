// Folding text for matching (core/src/text.cpp): each obfuscation folds to the plain words, and
// every folded word maps back to the exact original text in UTF-16 code units.
#include "vouch/text.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

using vouch::entity_kind;
using vouch::fold;
using vouch::test::utf16_slice;

namespace {

struct fold_case {
  const char* what;
  std::string input;
  std::string folded;
};

void check_folds(const std::vector<fold_case>& cases) {
  for (const auto& c : cases) {
    SECTION(c.what) { CHECK(fold(c.input).text == c.folded); }
  }
}

/// The original text behind the folded words `words` (" a b "), found in fold(input).
std::string original_of(const std::string& input, const std::string& words) {
  const auto f = fold(input);
  const auto at = f.text.find(words);
  if (at == std::string::npos) return "<not folded to " + words + ">";
  const auto span = f.original_span(at, at + words.size());
  return utf16_slice(input, span.first, span.second);
}

struct entity_case {
  const char* what;
  std::string input;
  entity_kind kind;
  std::string original;  // the entity's text in the input
  std::string folded;    // the text with the entity as its token
};

void check_entities(const std::vector<entity_case>& cases) {
  for (const auto& c : cases) {
    SECTION(c.what) {
      const auto f = fold(c.input);
      CHECK(f.text == c.folded);
      REQUIRE(f.entities.size() == 1);
      CHECK(f.entities[0].kind == c.kind);
      CHECK(utf16_slice(c.input, f.entities[0].begin16, f.entities[0].end16) == c.original);
    }
  }
}

}  // namespace

TEST_CASE("upper case folds to lower case in every script the pack reads") {
  check_folds({
      {"ASCII", "HELLO World", " hello world "},
      {"Latin-1 capitals", "ÀÉÎÕÜ ÇÑ", " aeiou cn "},
      {"Latin Extended-A capitals", "ŁÓDŹ İSTANBUL", " lodz istanbul "},
      {"Cyrillic look-alikes spell Latin words", "ЅСАМ РayРal", " scam paypal "},
  });
}

TEST_CASE("accents are removed and ligatures spelled out") {
  check_folds({
      {"precomposed accents", "café résumé naïve Ångström", " cafe resume naive angstrom "},
      {"combining accent", "cafe\xCC\x81 au lait", " cafe au lait "},
      {"sharp s, ae, o-slash, oe", "Straße ÆØÅ Œuvre", " strasse aeoa oeuvre "},
      {"Romanian comma letters", "Ștefan Țară", " stefan tara "},
  });
}

TEST_CASE("mathematical alphanumerics and enclosed and full-width forms fold to ASCII") {
  check_folds({
      {"bold, sans-serif italic and bold serif letters", "𝗕𝗨𝗬 𝘯𝘰𝘸 𝐅𝐎𝐑𝐄𝐗", " buy now forex "},
      {"mathematical digits make a year", "since 𝟐𝟎𝟏𝟗", " since zyear "},
      {"circled and squared letters", "Ⓕⓞⓡⓔⓧ 🅰🅱", " forex ab "},
      {"full-width letters and punctuation", "Ｃｒｙｐｔｏ！ ｎｏｗ", " crypto now "},
  });
}

TEST_CASE("zero-width characters and soft hyphens vanish inside a word") {
  check_folds({
      {"zero-width space inside a keyword", "in\u200Bvestment", " investment "},
      {"soft hyphen inside a keyword", "invest\u00ADment", " investment "},
      {"joiners, word joiner and BOM", "a\u200Cb\u200Dc\u2060d\uFEFFe", " abcde "},
      {"variation selector after a letter", "cry\uFE0Fpto", " crypto "},
  });
}

TEST_CASE("leetspeak inside a word is folded but numbers are not") {
  check_folds({
      {"single-digit substitutions", "1nv3stm3nt f0r3x h3llo", " investment forex hello "},
      {"a digit run is a number, not leetspeak", "48hrs", " # hrs "},
      {"thousands shorthand", "30k", " #k "},
      {"years", "in 2019 and 1998", " in zyear and zyear "},
      {"plain numbers", "12345 and 2100", " # and # "},
      {"grouped numbers", "10.000 followers", " # followers "},
  });
}

TEST_CASE("s p a c e d letters are joined and short runs are left alone") {
  check_folds({
      {"spaced capitals", "F O R E X signals", " forex signals "},
      {"spaced lower case", "c r y p t o mentor", " crypto mentor "},
      {"three single letters are a run", "a b c", " abc "},
      {"two letters are not a run", "a b", " a b "},
      {"ordinary short words", "I am a CPA", " i am a cpa "},
  });
}

TEST_CASE("punctuation and apostrophes and markup are word breaks and not content") {
  check_folds({
      {"apostrophes join contractions", "I'd say DON’T", " id say dont "},
      {"HTML tags are dropped, not words (a disguise: in<b>vest</b>ment)", "<b>Hi</b> &amp; you", " hi amp you "},
      {"a tag inside a word joins it", "in<b>vest</b>ment", " investment "},
      {"a block tag separates words", "hello<br>world", " hello world "},
      {"a placeholder in angle brackets is not a tag", "<Company>", " company "},
      {"line breaks and tabs", "one\ntwo\tthree\r\n", " one two three "},
      {"invalid UTF-8 is a break",
       std::string("abc\xFF"
                   "def"),
       " abc def "},
      {"empty text", "", " "},
  });
}

TEST_CASE(
    "URLs and e-mail addresses and phones and money and percentages and handles become tokens") {
  check_entities({
      {"a URL with a scheme", "visit https://bit.ly/abc, now", entity_kind::url,
       "https://bit.ly/abc", " visit zurl now "},
      {"a www host", "see www.example.org today", entity_kind::url, "www.example.org",
       " see zurl today "},
      {"a bare host with a path", "go to example.io/path now", entity_kind::url, "example.io/path",
       " go to zurl now "},
      {"an e-mail address", "write to jo.doe@mail.com today", entity_kind::email, "jo.doe@mail.com",
       " write to zemail today "},
      {"an international phone number", "call +44 7700 900123", entity_kind::phone,
       "+44 7700 900123", " call zphone "},
      {"a dashed phone number", "ring 555-123-4567", entity_kind::phone, "555-123-4567",
       " ring zphone "},
      {"dollars before the number", "pay $1,200 now", entity_kind::money, "$1,200",
       " pay zmoney now "},
      {"the euro sign", "only €500 weekly", entity_kind::money, "€500", " only zmoney weekly "},
      {"a currency sign after the number", "get 2,500$ now", entity_kind::money, "2,500$",
       " get zmoney now "},
      {"a currency code after the number", "earn 900 EUR", entity_kind::money, "900 EUR",
       " earn zmoney "},
      {"thousands of dollars", "only $5k today", entity_kind::money, "$5k", " only zmoney today "},
      {"a percent sign", "save 25% today", entity_kind::percent, "25%", " save zpct today "},
      {"a spaced percent sign", "50 % returns", entity_kind::percent, "50 %", " zpct returns "},
      {"the word percent", "10 percent off", entity_kind::percent, "10 percent", " zpct off "},
      {"a messenger handle", "message @capt_mike now", entity_kind::handle, "@capt_mike",
       " message zhandle now "},
      {"an area code in brackets", "call (555) 123-4567 today", entity_kind::phone,
       "(555) 123-4567", " call zphone today "},
      {"a country code and an area code in brackets", "call +1 (555) 123-4567", entity_kind::phone,
       "+1 (555) 123-4567", " call zphone "},
      {"an e-mail address ending a sentence", "write to jo@mail.com.", entity_kind::email,
       "jo@mail.com", " write to zemail "},
      {"a host ending a sentence", "visit example.com. Now", entity_kind::url, "example.com",
       " visit zurl now "},
  });
}

TEST_CASE("leetspeak with two digits inside a word is folded, at its edge it is not") {
  CHECK(fold("b1tc01n mining").text == " bitcoin mining ");
  CHECK(fold("48hrs left").text == " # hrs left ");
}

TEST_CASE("inverted question marks are counted") {
  CHECK(fold("\xC2\xBFHablamos?").question_marks == 2);
}

TEST_CASE("spans point at the original text in UTF-16 code units") {
  SECTION("emoji (surrogate pairs) before the evidence") {
    CHECK(original_of("😀🎉 buy now", " buy now ") == "buy now");
    const auto f = fold("😀🎉 buy now");
    const auto at = f.text.find(" buy now ");
    CHECK(f.original_span(at, at + 9) == std::make_pair(5u, 12u));
  }
  SECTION("a zero-width-joiner emoji sequence before the evidence") {
    CHECK(original_of("Ünïcödé 👩‍💻 we worked together", " we worked together ") ==
          "we worked together");
  }
  SECTION("mathematical letters are two code units each") {
    const auto f = fold("𝗕𝗨𝗬 now");
    CHECK(f.original_span(0, 5) == std::make_pair(0u, 6u));
    CHECK(original_of("𝗕𝗨𝗬 now", " buy ") == "𝗕𝗨𝗬");
  }
  SECTION("invisible characters stay inside the span") {
    CHECK(original_of("🚀 in\u200Bvest\u00ADment", " investment ") == "in\u200Bvest\u00ADment");
  }
  SECTION("spaced letters map back to the whole run") {
    CHECK(original_of("🔥 F O R E X!", " forex ") == "F O R E X");
  }
  SECTION("full-width and leetspeak words") {
    CHECK(original_of("💰 Ｃｒｙｐｔｏ", " crypto ") == "Ｃｒｙｐｔｏ");
    CHECK(original_of("é 3th3reum", " ethereum ") == "3th3reum");
  }
  SECTION("an entity after surrogate pairs") {
    const std::string input = "🚀 mail jo@mail.com";
    const auto f = fold(input);
    REQUIRE(f.entities.size() == 1);
    CHECK(f.entities[0].begin16 == 8);
    CHECK(f.entities[0].end16 == 19);
    CHECK(original_of(input, " zemail ") == "jo@mail.com");
  }
  SECTION("a span of spaces only is empty") {
    CHECK(fold("a  b").original_span(2, 3) == std::make_pair(0u, 0u));
  }
}

TEST_CASE("the original's length is counted as JavaScript counts it") {
  CHECK(fold("a😀é").length16 == 4);
  CHECK(vouch::utf16_length("a😀é") == 4);
  CHECK(vouch::utf16_length("👩‍💻") == 5);
  CHECK(vouch::utf16_length("") == 0);
  CHECK(fold("ｎｏｗ").length16 == 3);
}

TEST_CASE("question marks are counted and full-width ones too") {
  CHECK(fold("Why? How?").question_marks == 2);
  CHECK(fold("Ｗｈｙ？").question_marks == 1);
  CHECK(fold("No question.").question_marks == 0);
}

TEST_CASE("words are counted") {
  CHECK(fold("hi there, friend").word_count() == 3);
  CHECK(fold("").word_count() == 0);
  CHECK(fold("call +44 7700 900123").word_count() == 2);
}

TEST_CASE("phrases of the rule pack fold like notes and keep the number classes") {
  CHECK(vouch::fold_phrase("We   worked-together") == " we worked together ");
  CHECK(vouch::fold_phrase("Café!") == " cafe ");
  CHECK(vouch::fold_phrase("# min") == " # min ");
  CHECK(vouch::fold_phrase("#k connections") == " #k connections ");
  CHECK(vouch::fold_phrase("!!!") == " ");
}
