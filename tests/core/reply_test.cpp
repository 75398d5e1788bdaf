// Drafted replies (core/src/reply.cpp): for `ask` and `decline` in each of the seven languages,
// built from the pack's templates with nothing left unfilled, addressed by first name, signed
// per the policy, at least three variants in an order chosen per invitation.
#include "reply.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"

using vouch::category;
using vouch::verdict;
using vouch::detail::draft_replies;
using vouch::detail::reply_request;

namespace {

const vouch::detail::rule_pack& pack() {
  const auto& p = vouch::detail::default_rule_pack();
  REQUIRE(p.ok());
  return p.value();
}

vouch::policy policy_with(const std::string& work_email, const std::string& follow_url,
                          const std::string& signature = "") {
  vouch::policy p;
  p.me.name = "Helga Sørensen";
  p.me.first_name = "Helga";
  p.me.work_email = work_email;
  p.me.follow_url = follow_url;
  p.signature = signature;
  return p;
}

const vouch::policy& full_policy() {
  static const vouch::policy p =
      policy_with("helga@globex.example.com", "https://www.linkedin.com/in/helga-example/");
  return p;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

/// The pack's templates for a language and situation, filled in as a reader would expect.
std::vector<std::string> filled_templates(const std::string& lang, const std::string& key,
                                          const std::string& name, const vouch::policy& p) {
  std::vector<std::string> out;
  for (const auto& t : vouch::detail::default_pack_json()["replies"]["templates"][lang][key]) {
    std::string s = t.get<std::string>();
    replace_all(s, "{first_name}", name);
    replace_all(s, "{work_email}", p.me.work_email);
    replace_all(s, "{follow_url}", p.me.follow_url);
    out.push_back(s);
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

/// Checks every variant: a template of `key` in `lang`, then a sign-off of `lang` and the
/// signature.
void check_variants(const std::vector<std::string>& variants, const std::string& lang,
                    const std::string& key, const std::string& name, const vouch::policy& p) {
  INFO("language " << lang << ", situation " << key);
  REQUIRE(variants.size() >= 3);
  CHECK(std::set<std::string>(variants.begin(), variants.end()).size() == variants.size());
  const auto templates = filled_templates(lang, key, name, p);
  const auto* replies = pack().reply_language_for(lang);
  REQUIRE(replies != nullptr);
  const std::string signature = p.signature.empty() ? p.me.first_name : p.signature;
  for (const auto& v : variants) {
    INFO(v);
    CHECK(v.find('{') == std::string::npos);
    CHECK(v.find('}') == std::string::npos);
    CHECK(v.find(name) != std::string::npos);
    const std::string tail = "\n" + signature;
    REQUIRE(v.size() > tail.size());
    CHECK(v.compare(v.size() - tail.size(), tail.size(), tail) == 0);
    const std::string without_signature = v.substr(0, v.size() - tail.size());
    const auto cut = without_signature.rfind("\n\n");
    REQUIRE(cut != std::string::npos);
    CHECK(contains(templates, without_signature.substr(0, cut)));
    CHECK(contains(replies->signoffs, without_signature.substr(cut + 2)));
  }
}

struct situation {
  category cat;
  verdict v;
  std::string key;  ///< the template list it must come from
};

const std::vector<situation> ask_situations{{category::generic, verdict::ask, "ask.generic"},
                                            {category::networker, verdict::ask, "ask.networker"},
                                            {category::recruiter, verdict::ask, "ask.recruiter"},
                                            {category::job_seeker, verdict::ask, "ask.job_seeker"},
                                            {category::known, verdict::ask, "ask"}};

}  // namespace

TEST_CASE("ask replies in every language are filled and named and signed") {
  for (const auto& lang : vouch::supported_languages()) {
    for (const auto& s : ask_situations) {
      const auto variants =
          draft_replies(pack(), full_policy(), {s.cat, s.v, lang, "Rafael", "inv-1\nRafael Costa"});
      check_variants(variants, lang, s.key, "Rafael", full_policy());
    }
  }
}

TEST_CASE("a seller is pointed to the work e-mail, else to the follow address") {
  const auto email_only = policy_with("helga@globex.example.com", "");
  const auto follow_only = policy_with("", "https://www.linkedin.com/in/helga-example/");
  const auto neither = policy_with("", "");
  for (const auto& lang : vouch::supported_languages()) {
    const reply_request req{category::sales, verdict::decline, lang, "Rafael",
                            "inv-2\nRafael Costa"};
    SECTION("work e-mail in " + lang) {
      const auto variants = draft_replies(pack(), full_policy(), req);
      check_variants(variants, lang, "decline.sales.email", "Rafael", full_policy());
      for (const auto& v : variants) CHECK(v.find("helga@globex.example.com") != std::string::npos);
      check_variants(draft_replies(pack(), email_only, req), lang, "decline.sales.email", "Rafael",
                     email_only);
    }
    SECTION("follow address in " + lang) {
      const auto variants = draft_replies(pack(), follow_only, req);
      check_variants(variants, lang, "decline.sales.follow", "Rafael", follow_only);
      for (const auto& v : variants)
        CHECK(v.find("https://www.linkedin.com/in/helga-example/") != std::string::npos);
    }
    SECTION("neither in " + lang) {
      check_variants(draft_replies(pack(), neither, req), lang, "decline.sales", "Rafael", neither);
    }
  }
}

TEST_CASE("a decline for another category uses the general decline templates") {
  check_variants(draft_replies(pack(), full_policy(),
                               {category::generic, verdict::decline, "it", "Rafael", "s"}),
                 "it", "decline", "Rafael", full_policy());
}

TEST_CASE("accept and ignore get no reply") {
  CHECK(
      draft_replies(pack(), full_policy(), {category::known, verdict::accept, "en", "Rafael", "s"})
          .empty());
  CHECK(draft_replies(pack(), full_policy(), {category::scam, verdict::ignore, "en", "Rafael", "s"})
            .empty());
}

TEST_CASE("a language without templates falls back to English") {
  check_variants(
      draft_replies(pack(), full_policy(), {category::generic, verdict::ask, "sv", "Rafael", "s"}),
      "en", "ask.generic", "Rafael", full_policy());
}

TEST_CASE("the policy's signature replaces the first name") {
  const auto signed_policy = policy_with("helga@globex.example.com", "", "Helga S. | Globex");
  const auto variants = draft_replies(pack(), signed_policy,
                                      {category::networker, verdict::ask, "de", "Rafael", "s"});
  check_variants(variants, "de", "ask.networker", "Rafael", signed_policy);
  SECTION("no signature and no first name: no sign-off at all") {
    auto anonymous = policy_with("", "");
    anonymous.me.first_name.clear();
    const auto bare =
        draft_replies(pack(), anonymous, {category::networker, verdict::ask, "de", "Rafael", "s"});
    const auto templates = filled_templates("de", "ask.networker", "Rafael", anonymous);
    for (const auto& v : bare) CHECK(contains(templates, v));
  }
}

TEST_CASE("a sender without a usable first name is greeted without a gap") {
  for (const auto& lang : vouch::supported_languages()) {
    for (const auto& v :
         draft_replies(pack(), full_policy(), {category::generic, verdict::ask, lang, "", "s"})) {
      INFO(v);
      CHECK(v.find('{') == std::string::npos);
      CHECK(v.find(" ,") == std::string::npos);
      CHECK(v.find("  ") == std::string::npos);
    }
  }
}

TEST_CASE("the variant is chosen deterministically per invitation") {
  const auto request = [](const std::string& seed) {
    return reply_request{category::generic, verdict::ask, "en", "Rafael", seed};
  };
  CHECK(draft_replies(pack(), full_policy(), request("inv-9\nRafael Costa")) ==
        draft_replies(pack(), full_policy(), request("inv-9\nRafael Costa")));
  std::set<std::string> firsts;
  for (int i = 0; i < 24; ++i)
    firsts.insert(
        draft_replies(pack(), full_policy(), request("inv-" + std::to_string(i) + "\nRafael Costa"))
            .front());
  CHECK(firsts.size() >= 3);
}

namespace {

struct language_note {
  std::string lang;
  std::string ask_note;      ///< a networker's note: the verdict is ask
  std::string decline_note;  ///< a seller's note: the verdict is decline
};

const std::vector<language_note> notes_by_language{
    {"en",
     "Hi Helga, I'm building my network with energy engineers, the bigger the network the better.",
     "Hi Helga, our platform cuts cloud bills by a third. Would you be interested in a free "
     "trial?"},
    {"fr", "Bonjour Helga, je souhaite agrandir mon réseau avec des ingénieurs de l'énergie.",
     "Bonjour Helga, notre plateforme réduit vos factures cloud. Seriez-vous intéressée par un "
     "essai gratuit ?"},
    {"de", "Hallo Helga, ich möchte mein Netzwerk erweitern und mich mit Ihnen vernetzen.",
     "Hallo Helga, unsere Plattform senkt Ihre Cloud-Kosten. Hätten Sie Interesse an einer Demo?"},
    {"es", "Hola Helga, quiero hacer crecer mi red con profesionales como tú.",
     "Hola Helga, nuestra plataforma reduce tus costes de nube. ¿Te interesaría una prueba "
     "gratuita?"},
    {"pt", "Olá Helga, quero expandir minha rede com profissionais da energia.",
     "Olá Helga, a nossa plataforma reduz os seus custos de nuvem. Teria interesse numa "
     "demonstração?"},
    {"it", "Ciao Helga, voglio ampliare la mia rete con professionisti del settore.",
     "Ciao Helga, la nostra piattaforma riduce i costi del cloud. Saresti interessata a una prova "
     "gratuita?"},
    {"nl", "Hoi Helga, ik wil mijn netwerk uitbreiden met mensen uit de energiesector.",
     "Hallo Helga, ons platform verlaagt je cloudkosten. Heb je interesse in een gratis proef?"},
};

void check_engine_reply(const std::string& note, const std::string& lang, verdict expected,
                        const std::string& key) {
  const auto inv = vouch::test::make_invitation(note, "", "Dr. Rafael Costa, PhD");
  const auto r = vouch::test::helga_engine().classify(inv);
  INFO(note);
  CHECK(r.language == lang);
  CHECK(r.verdict == expected);
  REQUIRE_FALSE(r.reply.empty());
  CHECK(r.reply == r.reply_variants.front());
  const auto policy = vouch::test::parse_policy_text(vouch::test::helga_policy_json());
  check_variants(r.reply_variants, lang, key, "Rafael", policy);
}

}  // namespace

TEST_CASE("the engine's reply follows the language of the note") {
  for (const auto& n : notes_by_language) {
    SECTION("ask in " + n.lang) {
      check_engine_reply(n.ask_note, n.lang, verdict::ask, "ask.networker");
    }
    SECTION("decline in " + n.lang) {
      check_engine_reply(n.decline_note, n.lang, verdict::decline, "decline.sales.email");
    }
  }
}

TEST_CASE("the engine picks the reply per invitation") {
  const auto& e = vouch::test::helga_engine();
  auto inv = vouch::test::make_invitation("", "", "Rafael Costa");
  std::set<std::string> firsts;
  for (int i = 0; i < 24; ++i) {
    inv.id = "inv-" + std::to_string(i);
    const auto r = e.classify(inv);
    CHECK(r.reply == e.classify(inv).reply);
    firsts.insert(r.reply);
  }
  CHECK(firsts.size() >= 3);
}

TEST_CASE("a sender whose name is markup, an address or absurdly long is greeted without a name") {
  const auto& e = vouch::test::helga_engine();
  for (const std::string name : {std::string("<script>window.pwned</script>"),
                                 std::string("<script>window.pwned</script>'Script-.name"),
                                 std::string(30000, 'A'), std::string("https://evil.example.com/in/x"),
                                 "Bob" + std::string(60, 'b') + " Smith"}) {
    INFO(name.substr(0, 50));
    auto inv = vouch::test::make_invitation("Hello, I'd like to add you to my professional network.", "", name);
    const auto r = e.classify(inv);
    REQUIRE_FALSE(r.reply.empty());
    const std::string& reply = r.reply;
    const std::string greeting = reply.substr(0, reply.find('\n'));
    CHECK((greeting == "Hi," || greeting == "Hello," || greeting == "Dear," || greeting.size() <= 10));
    CHECK(reply.find("cript") == std::string::npos);
    CHECK(reply.find("AAAA") == std::string::npos);
    CHECK(reply.find("bbbb") == std::string::npos);
    CHECK(reply.find("http") == std::string::npos);
    CHECK(reply.size() < 600);
  }
}
