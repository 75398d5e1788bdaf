// Scoring (core/src/classify.cpp): one test per category of the contract with invitations
// written for these tests, then the hard cases the contract names. Every result is also checked
// for its shape: confidence in range, reasons strongest first, spans on the triggering text.
#include "vouch/classify.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

using Catch::Matchers::Contains;
using vouch::category;
using vouch::test::chosen_evidence;
using vouch::test::has_rule;
using vouch::test::helga_engine;
using vouch::test::make_invitation;

namespace {

struct example {
  const char* message;
  const char* headline;
  const char* trigger;  ///< text that must be evidence for the category ("" when none is spanned)
};

vouch::result classify(const vouch::invitation& inv) {
  const auto r = helga_engine().classify(inv);
  vouch::test::check_result_shape(r, inv);
  return r;
}

void check_category(category expected, const std::vector<example>& examples) {
  for (const auto& ex : examples) {
    INFO("message: " << ex.message << "\nheadline: " << ex.headline);
    const auto r = classify(make_invitation(ex.message, ex.headline));
    CHECK(vouch::category_name(r.category) == vouch::category_name(expected));
    if (*ex.trigger) CHECK_THAT(chosen_evidence(r), Contains(ex.trigger));
  }
}

category category_of(const char* message, const char* headline = "") {
  return classify(make_invitation(message, headline)).category;
}

/// The first reason of rule `id`; fails the test when there is none.
const vouch::reason& reason_of(const vouch::result& r, std::string_view id) {
  for (const auto& rs : r.reasons)
    if (rs.rule == id) return rs;
  FAIL("no reason " << id);
  return r.reasons.front();
}

}  // namespace

TEST_CASE("known: a prior relationship named in the note") {
  check_category(
      category::known,
      {
          {"Hi Helga, we worked together on the turbine telemetry team at Maersk back in 2016. "
           "Would be "
           "great to reconnect!",
           "", "we worked together"},
          {"Helga! Remember me? We were classmates at DTU in the robotics course.", "",
           "classmates"},
          {"Nice meeting you at the Copenhagen Rust Meetup last Thursday, thanks for the tips on "
           "async.",
           "", "Nice meeting you"},
          {"Lars Jensen suggested I reach out to you about the grid-forecasting work.", "",
           "suggested I reach out"},
          {"Hej Helga, vi arbejdede sammen hos Maersk i 2012. Godt at se dig herinde!", "",
           "arbejdede sammen"},
          {"Salut Helga, nous avons travaillé ensemble chez Maersk. Ravi de te retrouver ici !", "",
           "travaillé"},
          {"Hallo Helga, wir haben 2018 bei Globex zusammengearbeitet. Schön dich hier zu sehen!",
           "", "zusammengearbeitet"},
      });
}

TEST_CASE("personal: a specific reason tied to the recipient") {
  check_category(
      category::personal,
      {
          {"Hi Helga, your talk on blue-green deployments for wind farm SCADA at GOTO changed how "
           "my team "
           "ships. Could I ask how you handled rollback of firmware?",
           "Platform Engineer", "your talk"},
          {"Hello Helga, I read your article about observability budgets and loved the part on "
           "sampling. "
           "Would you be open to a guest lecture for my students at ITU?",
           "Associate Professor", "guest lecture"},
          {"Hola Helga, leí tu artículo sobre telemetría de turbinas. ¿Podría preguntarte qué "
           "herramienta "
           "usaron para las alertas?",
           "", "leí tu"},
          {"Bonjour Helga, votre conférence sur la maintenance prédictive m'a fait réfléchir. Une "
           "question : comment avez-vous validé les modèles ?",
           "", "votre conférence"},
          {"I'm writing a piece for Wired on grid reliability and would love to quote you on "
           "background. "
           "No pitch, just a journalist's question.",
           "", "quote you"},
      });
}

TEST_CASE("generic: no note or a note with no specific reason") {
  check_category(
      category::generic,
      {
          {"", "Platform Engineer", ""},
          {"I'd like to add you to my professional network on LinkedIn.", "Software Engineer", ""},
          {"Hi {first_name}, I'd love to connect with professionals like you!", "", ""},
          {"Hi Helga", "Consultant", ""},
          {"Your profile is truly inspiring. Would be great to connect.", "",
           "Your profile is truly"},
          {"We have several connections in common, would love to connect.", "",
           "connections in common"},
      });
}

TEST_CASE("networker: collecting connections is the whole reason") {
  check_category(
      category::networker,
      {
          {"I'm a LION and accept all invitations. Let's grow our networks together!", "", "LION"},
          {"Trying to reach 20k connections by December, help me get there!",
           "Open Networker | 18K+ connections", "connections"},
          {"Hallo! Je größer das Netzwerk, desto besser. Ich vernetze mich gerne mit allen.", "",
           "Je größer das Netzwerk"},
          {"Hola, quiero ampliar mi red profesional con gente del sector energético.", "",
           "ampliar mi red"},
          {"Hoi Helga, ik wil mijn netwerk uitbreiden met mensen uit de energiesector.", "",
           "mijn netwerk uitbreiden"},
      });
}

TEST_CASE("sales: the aim is to sell") {
  check_category(category::sales, {
                                      {"Hi Helga, we help platform teams cut cloud costs by 30%. "
                                       "Could I show you a quick demo next "
                                       "week?",
                                       "Account Executive at CloudSaver", "demo"},
                                      {"Bonjour Helga, notre solution réduit vos coûts de licence "
                                       "de 40 %. Seriez-vous disponible "
                                       "pour un appel de 15 minutes ?",
                                       "Responsable commercial", "notre solution"},
                                      {"Hi Helga, what are your priorities for next year around "
                                       "developer productivity? We partner "
                                       "with companies like yours.",
                                       "Business Development Manager", "your priorities"},
                                      {"Hallo Helga, unsere Plattform senkt Ihre Cloud-Kosten. "
                                       "Hätten Sie Interesse an einer Demo?",
                                       "", "unsere Plattform"},
                                      {"Ciao Helga, la nostra piattaforma riduce i costi del "
                                       "cloud. Saresti interessata a una prova "
                                       "gratuita?",
                                       "", "prova gratuita"},
                                  });
}

TEST_CASE("recruiter: recruiting the recipient for a role") {
  check_category(
      category::recruiter,
      {
          {"Hi Helga, I'm recruiting for a Principal SRE role at a Series B climate startup, fully "
           "remote, "
           "strong equity. Open to a confidential chat?",
           "Senior Technical Recruiter", "I'm recruiting"},
          {"Hallo Helga, ich habe eine spannende Position als Head of Platform für Sie – Interesse "
           "an "
           "einem Wechsel?",
           "Personalberaterin", "Position als"},
          {"Hi Helga, my client is a leading energy company looking for a VP Engineering. Your "
           "background looks like a great fit.",
           "Executive Search Partner", "my client"},
      });
}

TEST_CASE("job seeker: asking the recipient for a job or referral or internship") {
  check_category(category::job_seeker, {
                                           {"Dear Helga, I am looking for a job in platform "
                                            "engineering and would be grateful if you could "
                                            "refer me to any openings at your company.",
                                            "Graduate", "looking for a job"},
                                           {"Hi Helga, I'm a final year student seeking an "
                                            "internship in DevOps. Could you consider me? My "
                                            "CV is attached.",
                                            "Student at Aalborg University", "internship"},
                                           {"Bonjour Helga, je cherche un emploi dans l'ingénierie "
                                            "cloud. Auriez-vous des postes ouverts "
                                            "dans votre équipe ?",
                                            "Ingénieur DevOps | Open to work", "cherche un emploi"},
                                       });
}

TEST_CASE("romance: flirting or romantic interest") {
  check_category(
      category::romance,
      {
          {"Hello dear, your smile in your profile picture is so beautiful. I am a widower and "
           "would love "
           "to get to know you better ❤️",
           "", "Hello dear"},
          {"Hi gorgeous, are you single? I feel we could have a special connection 😘", "",
           "Hi gorgeous"},
          {"Ciao bella, il tuo sorriso è bellissimo. Vorrei conoscerti meglio 🌹", "",
           "il tuo sorriso"},
          {"Hola hermosa, me encantaría conocerte mejor. Tu sonrisa es preciosa.", "", "hermosa"},
      });
}

TEST_CASE("scam: fraud signals") {
  check_category(
      category::scam,
      {
          {"I am a forex trader and my students earn 40% weekly returns, guaranteed. Message me on "
           "WhatsApp +44 7700 900123",
           "", "forex"},
          {"Congratulations, you have been selected for an online job paying $300 per day. A small "
           "registration fee of $50 is required to proceed.",
           "", "registration fee"},
          {"Your LinkedIn account will be suspended within 24 hours. Verify your identity here: "
           "https://linkedln-security.com/verify",
           "", "https://linkedln-security.com/verify"},
          {"Hi, I am a US Army doctor on a peacekeeping mission. I need a trusted person to "
           "receive a "
           "consignment box. Contact me on telegram @capt_mike",
           "", "US Army"},
          {"Ｃｒｙｐｔｏ mentor here, let me show you how to turn $500 into $5,000 in a week. Text "
           "me on "
           "WhatsApp.",
           "", "Ｃｒｙｐｔｏ"},
          {"Let's talk about B I T C O I N. Earn passive income daily, ask me how.", "",
           "B I T C O I N"},
      });
}

TEST_CASE("no note, absent or empty or blank, is generic") {
  for (const char* message : {"", "   ", "\n\t "}) {
    const auto r = classify(make_invitation(message));
    CHECK(r.category == category::generic);
    CHECK(r.reasons.front().rule == "generic.no_note");
  }
}

TEST_CASE("a headline naming one of my employers makes a note-less invitation known") {
  SECTION("a name variant of the employer") {
    const auto r = classify(make_invitation("", "Logistics Analyst at Maersk Line"));
    CHECK(r.category == category::known);
    CHECK(reason_of(r, "known.headline_company").text ==
          "Their headline names A.P. Moller - Maersk, one of your employers");
  }
  SECTION("with LinkedIn's default text") {
    CHECK(category_of("I'd like to add you to my professional network on LinkedIn.",
                      "Procurement lead, Maersk") == category::known);
  }
  SECTION("but not when the note is a pitch") {
    CHECK(category_of(
              "Hi Helga, we help teams cut cloud costs by 30%. Could I show you a demo next week?",
              "Account Executive at Maersk Line") == category::sales);
  }
}

TEST_CASE("a headline naming one of my schools makes a note-less invitation known") {
  SECTION("the full name of an abbreviated school") {
    const auto r = classify(
        make_invitation("", "MBA Candidate | University of Michigan - Ross School of Business"));
    CHECK(r.category == category::known);
    CHECK(reason_of(r, "known.headline_school").text ==
          "Their headline names Univ. of Michigan, one of your schools");
  }
  SECTION("the acronym in parentheses") {
    CHECK(category_of("", "Data Scientist at DTU Wind") == category::known);
  }
}

TEST_CASE("mutual connections alone are not a relationship") {
  auto inv = make_invitation("", "Engineer at Initech");
  inv.sender.mutual_connections = 85;
  const auto r = classify(inv);
  CHECK(r.category == category::generic);
  const auto& weak = reason_of(r, "known.mutuals");
  CHECK(weak.text == "85 mutual connections (weak evidence: not a relationship)");
  CHECK(weak.weight < 1.0);
}

TEST_CASE("mutual connections named in the note are not a relationship either") {
  CHECK(category_of("We have 85 mutual connections, so I thought we should connect.") ==
        category::generic);
}

TEST_CASE("a job ask from a former colleague is never turned away; a shared school alone is not enough") {
  // Known or job seeker (the labelled inboxes split such cases), but answered, never ignored.
  const auto colleague = classify(make_invitation("Hi Helga, it's Tomas: we worked together on the billing team at Initech. "
                                                  "I'm looking for a new role now, could you refer me?"));
  CHECK((colleague.category == category::known || colleague.category == category::job_seeker));
  CHECK((colleague.verdict == vouch::verdict::accept || colleague.verdict == vouch::verdict::ask));
  CHECK(category_of("Dear Helga, I am seeking an internship. Please let me know if there is any "
                    "opening in your team.") == category::job_seeker);
}

TEST_CASE("'not a pitch' followed by two kinds of sales talk is still sales") {
  CHECK(category_of("Not a pitch, promise! Just curious what your priorities are for next year. "
                    "We work with many logistics firms on exactly that.",
                    "VP Growth, RouteWise") == category::sales);
}

TEST_CASE("saying what one sells before 'no pitch' is candour; a pitch after it is still sales") {
  // The disclaimer stands and is evidence for a personal reason (the model weighs it against the
  // seller's headline and words; on this sentence it still leans to sales).
  const auto candid = classify(make_invitation("I sell scheduling software, so to be upfront: no pitch. Your post on night "
                                               "shift handovers was the clearest I have read.",
                                               "Account Executive at ShiftCo"));
  CHECK(has_rule(candid, "personal.no_pitch_stands"));
  CHECK(category_of("Kein Verkaufsgespräch, versprochen! Aber falls Sie Lagerregale brauchen: "
                    "20 % Rabatt auf die erste Bestellung.") == category::sales);
}

TEST_CASE("LinkedIn's default texts are generic in every language") {
  const std::vector<std::pair<const char*, const char*>> texts{
      {"en", "Hi Helga, I'd like to join your LinkedIn network."},
      {"fr", "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn."},
      {"de", "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."},
      {"es", "Me gustaría añadirte a mi red profesional en LinkedIn."},
      {"pt", "Gostaria de adicionar você à minha rede profissional no LinkedIn."},
      {"it", "Vorrei aggiungerti alla mia rete professionale su LinkedIn."},
      {"nl", "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn."},
  };
  for (const auto& [lang, text] : texts) {
    INFO(text);
    const auto r = classify(make_invitation(text));
    CHECK(r.category == category::generic);
    CHECK(has_rule(r, "generic.default_text"));
    CHECK(r.language == lang);
  }
}

TEST_CASE("a template with an unfilled placeholder is generic") {
  for (const char* text :
       {"Hi {first_name}, great to e-meet you!", "Hi [Name], I came across your profile.",
        "Dear %FIRSTNAME%, it would be great to be connected.",
        "Hello {{firstName}}, I noticed your work at <Company> and would like to connect."}) {
    INFO(text);
    const auto r = classify(make_invitation(text));
    CHECK(r.category == category::generic);
    CHECK(has_rule(r, "generic.placeholder"));
  }
}

TEST_CASE("a pitch wrapped in praise is still sales") {
  const std::string note =
      "Hi Helga, your post on incident reviews was superb. Our consultancy runs these workshops "
      "for a fee; book a "
      "demo at calendly.com/x.";
  const auto r = classify(make_invitation(note));
  CHECK(r.category == category::sales);
  const auto& praise = reason_of(r, "sales.praise_then_pitch");
  REQUIRE(praise.span);
  CHECK(praise.span->first == note.find("your post"));
  // The praise was the hook: it no longer speaks for `personal` (shown weakly, or not at all).
  if (has_rule(r, "personal.their_content")) CHECK(reason_of(r, "personal.their_content").weight < 3.0);
}

TEST_CASE("a short call request with a pitch is sales") {
  const auto r =
      classify(make_invitation("Hi Helga, do you have 15 minutes next Tuesday? We help energy "
                               "firms cut their AWS bill in half.",
                               "Founder at CloudCut"));
  CHECK(r.category == category::sales);
  CHECK_THAT(chosen_evidence(r), Contains("15 minutes"));
}

TEST_CASE("saying it is not a pitch weakens sales evidence") {
  CHECK(category_of("Not a pitch: I loved your post on on-call rotations and wondered how you "
                    "measured burnout on "
                    "the team?",
                    "Account Executive at PagerTool") == category::personal);
}

TEST_CASE("spans count UTF-16 code units with emoji before the evidence") {
  const std::string note = "🚀🚀 We worked together at Maersk 👋";
  const auto r = classify(make_invitation(note));
  CHECK(r.category == category::known);
  const auto& worked = reason_of(r, "known.worked_together");
  REQUIRE(worked.span);
  CHECK(worked.span->first == 5);
  CHECK(worked.evidence == "We worked together");
  // Every quoted span, whichever reasons the model kept, points at the text it quotes.
  vouch::test::check_result_shape(r, make_invitation(note));
  if (has_rule(r, "known.named_company")) {
    const auto& named = reason_of(r, "known.named_company");
    REQUIRE(named.span);
    CHECK(*named.span == std::make_pair(27u, 33u));
    CHECK(named.evidence == "Maersk");
  }
}

TEST_CASE("text that looks like markup is still text") {
  const auto r = classify(make_invitation("<p>We worked together at <b>Maersk</b> in 2014.</p>"));
  CHECK(r.category == category::known);
  const auto& worked = reason_of(r, "known.worked_together");
  REQUIRE(worked.span);
  CHECK(*worked.span == std::make_pair(3u, 21u));
}

TEST_CASE("a policy's own rules and weights change the scores") {
  SECTION("a custom rule adds its category") {
    const auto e = vouch::test::make_engine(
        R"({"rules": [{"id": "custom.swap", "category": "scam", "text": "Talks of token swaps", "weight": 5,
                       "phrases": ["token swap"]}]})");
    const auto inv = make_invitation("Hi Helga, want to join our token swap before launch?");
    const auto r = e.classify(inv);
    vouch::test::check_result_shape(r, inv);
    CHECK(r.category == category::scam);
    CHECK(reason_of(r, "custom.swap").evidence == "token swap");
    CHECK(reason_of(r, "custom.swap").text == "Talks of token swaps");
  }
  SECTION("a weight of 0 turns a pack rule off") {
    const auto e = vouch::test::make_engine(
        R"({"rule_weights": {"romance.flirt": 0, "romance.beautiful": 0}})");
    const auto inv = make_invitation("Hi gorgeous, are you single?");
    const auto base = helga_engine().classify(inv);
    const auto r = e.classify(inv);
    REQUIRE(has_rule(base, "romance.flirt"));
    CHECK_FALSE(has_rule(r, "romance.flirt"));
    // The words themselves still count; the rule's own share is gone.
    CHECK((r.category != category::romance || r.confidence < base.confidence));
  }
}

TEST_CASE("classification is deterministic") {
  const auto inv =
      make_invitation("Hi Helga, we help platform teams cut cloud costs. Quick demo next week?");
  const auto a = helga_engine().classify(inv);
  const auto b = helga_engine().classify(inv);
  CHECK(vouch::result_to_json(a) == vouch::result_to_json(b));
}

TEST_CASE("the result as JSON has the contract's fields") {
  const auto inv = make_invitation("Hi Helga, we worked together at Maersk.");
  const auto j = vouch::result_to_json(helga_engine().classify(inv));
  CHECK(j["id"] == inv.id);
  CHECK(j["category"] == "known");
  CHECK(j["verdict"] == "accept");
  CHECK(j["reply"].is_null());
  CHECK(j["confidence"].is_number());
  REQUIRE(j["reasons"].is_array());
  const auto& first = j["reasons"][0];
  CHECK(first["rule"] == "known.worked_together");
  CHECK(first["span"] == nlohmann::json::array({10, 28}));
  CHECK(first["evidence"] == "we worked together");
  CHECK(first["category"] == "known");
}

TEST_CASE("one shared word is not the same organisation; units, subsidiaries and acronyms are") {
  struct row { const char* company; const char* headline; category expected; };
  const row rows[] = {
      {"Northwind Health Systems", "Buyer at Northwind Traders", category::generic},
      {"Northwind Health Systems", "Nurse at Northwind Health", category::known},
      {"Northwind Health Systems", "Engineer @ Northwind | Seattle", category::known},
      {"Danske Bank", "Design Lead at Danske Commodities", category::generic},
      {"Danske Bank", "Analyst, Danske Bank Group", category::known},
      {"Harvard Medical School", "Provider Relations Manager at Harvard Pilgrim Health Care", category::generic},
      {"Universität Wien", "Fachärztin | Medizinische Universität Wien", category::generic},
      {"Universität Wien", "Doktorandin an der Universität Wien", category::known},
      {"A.P. Moller - Maersk", "Logistics Analyst at Maersk Line", category::known},
      {"KPMG Accountants N.V.", "Belastingadviseur bij KPMG Meijburg & Co", category::known},
      {"KPMG España", "Auditor en KPMG Madrid", category::known},
  };
  for (const auto& r : rows) {
    const auto e = vouch::test::make_engine(std::string(R"({"me": {"name": "Pat Lee", "companies": [")") + r.company + "\"]}}");
    INFO(r.company << " / " << r.headline);
    CHECK(e.classify(make_invitation("", r.headline)).category == r.expected);
  }
}
