#include "vouch/names.hpp"

#include <catch2/catch.hpp>

using vouch::first_name_of;

TEST_CASE("a plain name gives its first word") {
  CHECK(first_name_of("Priya Raman") == "Priya");
  CHECK(first_name_of("  Priya   Raman ") == "Priya");
}

TEST_CASE("titles before the name are skipped") {
  CHECK(first_name_of("Dr. Priya Raman") == "Priya");
  CHECK(first_name_of("Prof. Dr.-Ing. Klaus Müller") == "Klaus");
  CHECK(first_name_of("Ms Jane Doe") == "Jane");
  CHECK(first_name_of("Dott.ssa Giulia Bianchi") == "Giulia");
  SECTION("a title glued to the name by its dot") { CHECK(first_name_of("Dr.Anna Ng") == "Anna"); }
}

TEST_CASE("suffixes and taglines after the name are dropped") {
  CHECK(first_name_of("Dr. Priya Raman, PhD | Hiring") == "Priya");
  CHECK(first_name_of("Mary-Kate O'Brien - CFO") == "Mary-Kate");
  CHECK(first_name_of("Ngozi Okonjo (she/her)") == "Ngozi");
  CHECK(first_name_of("Olusegun Adebayo Jr.") == "Olusegun");
  CHECK(first_name_of("Anna Berg MBA") == "Anna");
  CHECK(first_name_of("PhD") == "");
}

TEST_CASE("initials are skipped") {
  CHECK(first_name_of("J. Robert Oppenheimer") == "Robert");
}

TEST_CASE("initials and a family name only: addressed as written") {
  CHECK(first_name_of("M. Tanaka") == "M. Tanaka");
  CHECK(first_name_of("j.r. smith") == "J.R. Smith");
  CHECK(first_name_of("A B Okafor | Hiring") == "A. B. Okafor");
  CHECK(first_name_of("J.R. Ewing") == "J.R. Ewing");
  CHECK(first_name_of("Ms. Jane O. Doe, CPA") == "Jane");
  CHECK(first_name_of("J. R. R. Tolkien") == "J. R. R. Tolkien");
}

TEST_CASE("a run of initials before the family name is not a name to greet when it is absurdly long") {
  // Found by tests/fuzz/first_name: 140 characters of initials went into the greeting as they were.
  const std::string long_initials =
      "C. J.K. K. O.J. O.J.J. J.K. J. O.J. O.J. J.K. O.J. J.K. J. O.J. O.J. O.J. O.J.J. J.K. O.J. Jb";
  CHECK(first_name_of(long_initials) == "");
  std::string many;
  for (int i = 0; i < 300; ++i) many += "A. ";
  CHECK(first_name_of(many + "Tanaka") == "");
  // At most 40 characters, as a first name.
  CHECK(first_name_of("A. B. C. D. E. F. G. H. Okafor") == "A. B. C. D. E. F. G. H. Okafor");
}

TEST_CASE("emoji and symbols are not part of a name") {
  CHECK(first_name_of("🚀 Sam Lee") == "Sam");
  CHECK(first_name_of("🚀Anna🚀 Berg") == "Anna");
  CHECK(first_name_of("Åsa Lindqvist 🌿") == "Åsa");
  CHECK(first_name_of("#OpenToWork Sam Lee") == "Sam");
  CHECK(first_name_of("🚀🚀") == "");
  CHECK(first_name_of("") == "");
}

TEST_CASE("names in capitals or small letters are put in title case") {
  CHECK(first_name_of("JEAN-LUC PICARD") == "Jean-Luc");
  CHECK(first_name_of("ÅSA LINDQVIST") == "Åsa");
  CHECK(first_name_of("ŁUKASZ NOWAK") == "Łukasz");
  CHECK(first_name_of("anna-lena schmidt") == "Anna-Lena");
  SECTION("mixed case is kept as written") {
    CHECK(first_name_of("DeShawn McKenzie") == "DeShawn");
  }
}

TEST_CASE("names outside ASCII are kept whole") {
  CHECK(first_name_of("José García") == "José");
  CHECK(first_name_of("Олег Петров") == "Олег");
  CHECK(first_name_of("王伟") == "王伟");
  CHECK(first_name_of("Zoë Þórsdóttir") == "Zoë");
}

TEST_CASE("styled letters are read as plain letters") {
  CHECK(first_name_of("𝐉𝐨𝐡𝐧 𝐃𝐨𝐞") == "John");
}

TEST_CASE("a nickname in quotes is the name to use") {
  CHECK(first_name_of("Robert \"Bob\" Smith") == "Bob");
}

TEST_CASE("common first names that look like titles or credentials are kept") {
  CHECK(first_name_of("Don Draper") == "Don");
  CHECK(first_name_of("Ma Long") == "Ma");
  CHECK(first_name_of("MA Long") == "Ma");
}

TEST_CASE("a display name that is not a person's name gives no first name") {
  SECTION("markup and code") {
    CHECK(first_name_of("<script>window.pwned</script>") == "");
    CHECK(first_name_of("<script>window.pwned</script>'Script-.name") == "");
    CHECK(first_name_of("Ole <b>Berg</b>") == "");
    CHECK(first_name_of("<img src=x onerror=alert(1)>") == "");
    CHECK(first_name_of("{first_name}") == "");
    CHECK(first_name_of("=cmd|' /C calc'!A0") == "");
    CHECK(first_name_of("Hi&nbsp;there") == "");
  }
  SECTION("web and e-mail addresses") {
    CHECK(first_name_of("https://evil.example.com/x") == "");
    CHECK(first_name_of("www.evil.com") == "");
    CHECK(first_name_of("j.smith@example.com") == "");
  }
  SECTION("digits in the first name") {
    CHECK(first_name_of("J0hn Smith") == "");
    CHECK(first_name_of("Agent 007") == "Agent");  // the digits are not in the first word
  }
  SECTION("absurd length") {
    CHECK(first_name_of(std::string(30000, 'A')) == "");
    CHECK(first_name_of("Jane " + std::string(30000, 'x')) == "");
    CHECK(first_name_of("Bob" + std::string(60, 'b') + " Smith") == "");
    CHECK(first_name_of(std::string(40, 'b') + " Smith") == "B" + std::string(39, 'b'));
  }
  SECTION("real names with the characters these rules look at are kept") {
    CHECK(first_name_of("Mary-Kate O'Brien - CFO") == "Mary-Kate");
    CHECK(first_name_of("Jane Doe | R&D at Acme") == "Jane");
    CHECK(first_name_of("J.R. Ewing") == "J.R. Ewing");
    CHECK(first_name_of("Dr.Anna Ng") == "Anna");
    CHECK(first_name_of("Priya Raman @ Northwind") == "Priya");
  }
}
