// Organisation names and their variants. A name yields several variants, each a run of folded
// words that must appear whole in a text:
//   - the full name, and the name without a parenthetical: "Norwegian School of Economics";
//   - a parenthetical acronym: "(NHH)" → "nhh";
//   - each segment of a name split at " - ", "|", ",", "/": "A.P. Moller - Maersk" → "maersk";
//   - the name without legal or generic suffixes: "Carlsberg Group" → "carlsberg";
//   - common abbreviations expanded: "Univ. of Michigan" → "university of michigan";
//   - the initials of a name of three or more significant words: "cbs".
// A variant made only of generic words ("business school", "group") is dropped: it would
// match organisations that merely share a kind.
#include "vouch/orgs.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "orgs_detail.hpp"
#include "vouch/text.hpp"

namespace vouch {

namespace {

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_legal_or_generic_suffix(std::string_view w) {
  return in(w, {"group", "line", "lines", "as", "a", "s", "inc", "ltd", "llc", "plc", "gmbh", "ag",
                "sa", "ab", "bv", "nv", "spa", "srl", "corp", "corporation", "company", "co",
                "holding", "holdings", "international", "global", "denmark", "danmark", "norge",
                "sverige", "deutschland", "uk", "usa", "europe", "limited", "the", "og", "und", "et",
                "kg", "ohg", "se", "sl", "sas", "sarl", "ltda", "pty", "oy", "aps", "asa", "kft",
                "llp", "lp", "pc", "ev", "studio", "legale", "kanzlei", "cabinet", "despacho"});
}

bool is_generic_word(std::string_view w) {
  return is_legal_or_generic_suffix(w) ||
         in(w, {"school", "scoil", "university", "college", "business", "bank", "capital", "partners",
                "consulting", "solutions", "services", "management", "institute", "academy",
                "foundation", "network", "finance", "financial", "of", "and", "for", "in", "at",
                "de", "la", "le", "der", "die", "technology", "technologies", "systems", "software",
                "economics", "sciences", "science", "studies", "center", "centre", "hospital",
                "health", "city", "state", "national", "new", "north", "south", "east", "west",
                "nordic", "scandinavia", "logistics", "shipping", "energy", "media", "digital",
                "data", "labs", "lab", "studio", "agency", "advisory", "trust", "fund", "club",
                "association", "council", "board", "team", "department", "office", "hr", "it",
                "sales", "marketing", "operations", "research", "public", "private", "medical",
                "technical", "polytechnic", "applied", "payments", "pay", "paper", "steel", "food",
                "foods", "motors", "electric", "power", "water", "air", "airlines", "insurance",
                "pharma", "telecom", "communications", "retail", "security", "travel", "care",
                "healthcare", "property", "properties", "real", "estate", "construction",
                "engineering", "industries", "industrial", "products", "resources", "ventures",
                "investments", "analytics", "cloud", "networks", "mobile", "games", "education",
                "learning", "design", "creative", "legal", "law", "associates", "brands", "home",
                "auto", "automotive", "chemicals", "materials", "bio", "biotech", "credit", "wealth",
                "markets", "trading", "exchange", "transport", "freight", "express", "news",
                "publishing", "music", "sports", "hotels", "wind", "solar", "oil", "gas",
                // the same kinds in the other languages of the pack, and school-type acronyms
                "associati", "avvocati", "rechtsanwalte", "abogados", "avocats", "advocaten",
                "logistik", "logistica", "hochschule", "technische", "angewandte", "wissenschaften",
                "universitat", "universidad", "universidade", "universita", "universite",
                "universitet", "universiteit", "uniwersytet", "uni", "univ", "politecnica",
                "politecnico", "politechnika", "colegio", "instituto", "istituto", "escola",
                "escuela", "liceo", "lycee", "gymnasium", "ecole", "schule", "scuola", "ies", "ceip",
                "degli", "studi", "di", "del", "della", "delle", "des", "du", "van", "von", "fur",
                "y", "e", "ordine", "societat", "sociedad", "comunitat", "asociacion",
                "associazione", "vereinigung", "bundesvereinigung", "initiative", "gruppe",
                "grupo", "gruppo", "groupe", "stiftung", "fundacion", "verein", "faculdade",
                "facultad", "faculte", "fakultat", "facolta", "faculteit", "faculty", "farmacia",
                "pharmacy", "pharmacie", "agence", "agentur", "agencia", "hogeschool", "b", "v",
                "n", "cosmetics", "cosmetiques", "centro", "centre", "hospitalar", "hospital",
                "klinikum", "ospedale", "ziekenhuis", "universitario", "universitaire"});
}

// Places and the common words that start many names: such a first word alone does not name the
// organisation ("Hamilton Health Sciences" is not "Hamilton", "General Electric" is not
// "General"). Big places only; a short form is only ever a bonus.
// More places: states and provinces, countries and cities people name organisations after.
bool is_more_place(std::string_view w) {
  // U.S. states and Canadian provinces, countries and regions, cities: one string of words
  // between spaces (smaller in the wasm module than a table of views).
  static constexpr std::string_view places =
      " alabama alaska arizona arkansas colorado connecticut delaware georgia hawaii idaho "
      "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts minnesota "
      "mississippi missouri montana nebraska nevada hampshire jersey carolina dakota ohio "
      "oklahoma oregon pennsylvania rhode tennessee utah vermont virginia wisconsin wyoming "
      "alberta manitoba saskatchewan scotia brunswick newfoundland argentina chile colombia peru "
      "uruguay venezuela cuba egypt kenya nigeria ghana morocco tunisia israel turkey greece "
      "cyprus malta croatia serbia slovenia slovakia czech hungary romania bulgaria ukraine "
      "russia estonia latvia lithuania denmark iceland luxembourg korea vietnam thailand "
      "malaysia indonesia philippines pakistan bangladesh emirates dubai qatar saudi zealand "
      "flanders wallonia brabant holland tyrol tirol saxony sachsen bayern hessen baden "
      "andalucia galicia catalunya tuscany toscana sicily sicilia provence normandy normandie "
      "bretagne brittany alsace yorkshire kent essex surrey cornwall devon ulster munster "
      "leinster connacht phoenix tucson mesa scottsdale tempe chandler phila philadelphia "
      "pittsburgh baltimore cleveland cincinnati columbus indianapolis milwaukee minneapolis "
      "nashville memphis louisville charlotte raleigh orlando tampa jacksonville portland "
      "sacramento diego francisco jose oakland angeles vegas salt albuquerque omaha kansas louis "
      "orleans richmond buffalo rochester albany hartford providence edmonton winnipeg halifax "
      "victoria cork galway limerick belfast derry waterford kilkenny cardiff swansea aberdeen "
      "dundee leicester nottingham sheffield newcastle southampton plymouth exeter bath coventry "
      "reading antwerp antwerpen anvers ghent gent gand liege luik namur bruges brugge charleroi "
      "mons bruxelles brussel lille toulouse bordeaux nantes strasbourg montpellier rennes "
      "grenoble salzburg graz linz innsbruck klagenfurt lausanne lugano luzern lucerne "
      "winterthur hannover nuremberg nurnberg mannheim karlsruhe freiburg heidelberg bonn aachen "
      "munster kiel rostock eindhoven groningen leiden delft nijmegen tilburg haarlem arnhem "
      "maastricht hague haag aarhus odense malmo uppsala bergen trondheim stavanger tampere "
      "turku espoo tallinn riga vilnius gdansk poznan lodz katowice brno bratislava ljubljana "
      "zaragoza murcia palma alicante cordoba valladolid coimbra braga faro bari palermo catania "
      "verona padova padua trieste parma pisa siena firenze venezia genova bergamo brescia "
      "modena perugia lima bogota medellin quito caracas havana sao paulo rio janeiro aires "
      "buenos montevideo monterrey guadalajara puebla cairo nairobi johannesburg pretoria durban "
      "casablanca tunis accra dakar kampala kigali addis jerusalem haifa aviv ankara izmir "
      "tehran karachi lahore dhaka kolkata chennai hyderabad pune ahmedabad jakarta manila "
      "bangkok hanoi saigon kuala lumpur seoul busan osaka kyoto taipei hong kong shenzhen "
      "guangzhou adelaide canberra hobart darwin wellington christchurch ";
  if (w.empty() || w.size() > 20) return false;
  char key[24];
  key[0] = ' ';
  std::copy(w.begin(), w.end(), key + 1);
  key[w.size() + 1] = ' ';
  return places.find(std::string_view(key, w.size() + 2)) != std::string_view::npos;
}

bool is_place(std::string_view w) {
  return in(w, {"general", "deutsche", "first", "standard", "premier", "universal", "advanced",
                "modern", "smart", "prime", "grand", "golden", "green", "blue", "red", "black",
                "white", "silver", "star", "sun", "ocean", "pacific", "atlantic", "nordic",
                "alpha", "delta", "omega", "apex", "summit", "pioneer", "liberty", "union",
                "people", "peoples", "city", "metro", "metropolitan", "community","amsterdam", "athens", "atlanta", "auckland", "austin", "bangalore", "barcelona",
                "basel", "beijing", "berlin", "bern", "bilbao", "birmingham", "bologna", "boston",
                "bremen", "brighton", "brisbane", "bristol", "brussels", "bucharest", "budapest",
                "calgary", "california", "cambridge", "canada", "cape", "chicago", "cologne",
                "copenhagen", "dallas", "delhi", "denver", "detroit", "dortmund", "dresden",
                "dublin", "dusseldorf", "edinburgh", "essen", "florence", "florida", "frankfurt",
                "geneva", "genoa", "glasgow", "gothenburg", "granada", "hamburg", "hamilton",
                "hannover", "helsinki", "houston", "istanbul", "krakow", "lagos", "leeds",
                "leipzig", "lisbon", "liverpool", "london", "los", "lyon", "madrid", "malaga",
                "manchester", "marseille", "melbourne", "miami", "michigan", "milan", "milano",
                "montreal", "moscow", "mumbai", "munich", "munchen", "naples", "napoli", "new",
                "nice", "oslo", "ottawa", "oxford", "paris", "perth", "porto", "prague", "quebec",
                "rome", "roma", "rotterdam", "san", "santiago", "seattle", "seville", "sevilla",
                "shanghai", "singapore", "stockholm", "stuttgart", "sydney", "texas", "tokyo",
                "toronto", "torino", "turin", "utrecht", "valencia", "vancouver", "venice",
                "vienna", "wien", "warsaw", "warszawa", "washington", "wroclaw", "york", "zagreb",
                "zurich", "america", "american", "british", "canadian", "european", "french",
                "german", "italian", "spanish", "swiss", "dutch", "danish", "swedish", "norwegian",
                "polish", "royal", "saint", "santa", "st", "northern", "southern", "eastern",
                "western", "central", "great", "greater", "united", "ontario", "bavaria",
                "catalonia", "lombardy", "scotland", "wales", "ireland", "england", "india",
                "china", "japan", "france", "germany", "italy", "spain", "portugal", "poland",
                "norway", "sweden", "finland", "austria", "switzerland", "netherlands", "belgium",
                "brazil", "mexico", "australia", "africa", "asia"}) ||
         is_more_place(w);
}

// "university" in the languages people write it in, and how each joins a place.
constexpr std::pair<std::string_view, std::string_view> university_forms[] = {
    {"university", "of"}, {"universidad", "de"}, {"universitat", "de"}, {"universidade", "de"},
    {"universita", "di"}, {"universite", "de"}, {"universiteit", "van"}, {"univ", "of"}};

// Places under their names in two languages.
constexpr std::pair<std::string_view, std::string_view> exonyms[] = {
    {"wien", "vienna"}, {"munchen", "munich"}, {"kobenhavn", "copenhagen"}, {"koln", "cologne"},
    {"geneve", "geneva"}, {"milano", "milan"}, {"torino", "turin"}, {"roma", "rome"}, {"napoli", "naples"},
    {"firenze", "florence"}, {"venezia", "venice"}, {"lisboa", "lisbon"}, {"sevilla", "seville"},
    {"praha", "prague"}, {"warszawa", "warsaw"}, {"bruxelles", "brussels"}, {"antwerpen", "antwerp"},
    {"gent", "ghent"}, {"goteborg", "gothenburg"}, {"basel", "bale"}, {"zurich", "zurigo"},
    {"strasbourg", "strassburg"}, {"padova", "padua"}, {"genova", "genoa"}, {"leuven", "louvain"}};

bool is_university_word(std::string_view w) {
  return in(w, {"university", "universitat", "universidad", "universidade", "universita",
                "universite", "universitet", "universiteit", "uniwersytet", "univ", "uni"});
}

std::string join_words(const std::vector<std::string>& words) {
  std::string s = " ";
  for (const auto& w : words) s += w + " ";
  return s;
}

std::vector<std::string> expand_abbreviations(std::vector<std::string> words) {
  for (auto& w : words) {
    if (w == "univ" || w == "uni") w = "university";
    else if (w == "intl") w = "international";
    else if (w == "inst") w = "institute";
    else if (w == "tech") w = "technology";
    else if (w == "mgmt") w = "management";
    else if (w == "st") w = "saint";
    else if (w == "dept") w = "department";
  }
  return words;
}

// The short forms people write for long words: "Univ. of Toronto", "Warsaw Univ. of Tech".
std::vector<std::vector<std::string>> abbreviated_forms(const std::vector<std::string>& words) {
  static constexpr std::pair<std::string_view, std::string_view> shorter[] = {
      {"university", "univ"}, {"university", "uni"},   {"technology", "tech"},
      {"institute", "inst"},  {"international", "intl"}, {"saint", "st"},
      {"department", "dept"}, {"management", "mgmt"},  {"hospital", "hosp"}};
  std::vector<std::vector<std::string>> out;
  for (const auto& [long_form, short_form] : shorter) {
    if (std::find(words.begin(), words.end(), long_form) == words.end()) continue;
    auto v = words;
    for (auto& w : v)
      if (w == long_form) w = std::string(short_form);
    out.push_back(std::move(v));
  }
  return out;
}

bool is_connector(std::string_view w) { return in(w, {"of", "and", "for", "the", "at", "in", "&"}); }

// A suffix after "of" is the name ("Technical University of Denmark" keeps "denmark"); a
// connector left at either end goes too.
std::vector<std::string> strip_suffixes(std::vector<std::string> words) {
  while (!words.empty() && is_legal_or_generic_suffix(words.back()) &&
         !(words.size() >= 2 && words[words.size() - 2] == "of"))
    words.pop_back();
  while (!words.empty() && is_legal_or_generic_suffix(words.front())) words.erase(words.begin());
  while (!words.empty() && is_connector(words.back())) words.pop_back();
  while (!words.empty() && is_connector(words.front())) words.erase(words.begin());
  return words;
}

bool distinctive(const std::vector<std::string>& words) {
  std::size_t letters = 0;
  bool any_specific = false;
  for (const auto& w : words) {
    letters += w.size();
    if (!is_generic_word(w) && w != "#" && w != "zyear") any_specific = true;
  }
  return any_specific && letters >= 3;
}

void add_variant(std::vector<std::string>& out, const std::vector<std::string>& words) {
  if (words.empty() || !distinctive(words)) return;
  // A lone short word ("ab", "kea") is kept only from 3 letters on; acronyms are added apart.
  std::string v = join_words(words);
  if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
}

// "TU Delft", "Delft University of Technology", "Technische Universiteit Delft" are one school.
void add_technical_university_variants(std::vector<std::string>& out, const std::vector<std::string>& words) {
  std::vector<std::string> place;
  auto tail = [&](std::size_t from) { return std::vector<std::string>(words.begin() + static_cast<long>(from), words.end()); };
  const auto n = words.size();
  if (n >= 2 && words[0] == "tu") place = tail(1);
  else if (n >= 4 && words[n - 3] == "university" && words[n - 2] == "of" && words[n - 1] == "technology")
    place = std::vector<std::string>(words.begin(), words.end() - 3);
  else if (n >= 3 && words[0] == "technische" && in(words[1], {"universiteit", "universitat", "hochschule"})) place = tail(2);
  else if (n >= 4 && words[0] == "technical" && words[1] == "university" && words[2] == "of") place = tail(3);
  if (place.empty()) return;
  auto with = [&](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  add_variant(out, with({"tu"}, place));
  add_variant(out, with({"technical", "university", "of"}, place));
  add_variant(out, with(place, {"university", "of", "technology"}));
  add_variant(out, with({"technische", "universiteit"}, place));
  add_variant(out, with({"technische", "universitat"}, place));
}

// A university under its name in other languages and word orders: "Universitat de València" is
// also "University of Valencia", "Universidad de Valencia"...; "Università Bocconi" is also
// "Bocconi University"; "Technische Universität Hamburg" is also "TU Hamburg".
void add_university_variants(std::vector<std::string>& out, const std::vector<std::string>& words) {
  std::size_t k = 0;
  while (k < words.size() && !is_university_word(words[k])) ++k;
  if (k == words.size()) return;
  std::vector<std::string> before(words.begin(), words.begin() + static_cast<long>(k));
  std::vector<std::string> after(words.begin() + static_cast<long>(k) + 1, words.end());
  bool joined = false;  // "University of X" (not "Università Bocconi")
  while (!after.empty() && in(after.front(), {"of", "de", "di", "degli", "studi", "do", "da", "des", "du", "van", "der", "von"})) {
    after.erase(after.begin());
    joined = true;
  }
  auto join = [](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const bool technical = before.size() == 1 && in(before[0], {"technische", "technical", "technische"});
  if (technical && !after.empty()) {
    add_variant(out, join({"tu"}, after));
    add_variant(out, join({"technical", "university", "of"}, after));
    add_variant(out, join({"technische", "universitat"}, after));
    return;
  }
  // The university word in each language, in place: "Erasmus Universiteit Rotterdam" is also
  // "Erasmus University Rotterdam".
  for (const auto& [word, joiner] : university_forms) {
    std::vector<std::string> swapped = words;
    swapped[k] = std::string(word);
    add_variant(out, swapped);
  }
  // A place in the other language people write it in: "Universität Wien", "University of Vienna".
  std::vector<std::vector<std::string>> afters{after};
  if (after.size() == 1)
    for (const auto& [a, b] : exonyms) {
      if (after[0] == a) afters.push_back({std::string(b)});
      if (after[0] == b) afters.push_back({std::string(a)});
    }
  // Short forms: "UAntwerpen", "U.Porto", "ULaval"; "UdeM" for "Université de Montréal".
  if (before.empty() && after.size() == 1 && after[0].size() >= 4) {
    add_variant(out, {"u" + after[0]});
    add_variant(out, {"u", after[0]});
    if (joined) {
      std::string particles;
      for (std::size_t q = k + 1; q < words.size() && q + 1 < words.size() + 1 && words[q] != after[0]; ++q) particles += words[q];
      if (!particles.empty() && particles.size() <= 4) add_variant(out, {"u" + particles + after[0][0]});
    }
  }
  // German, Dutch and Scandinavian names have no joiner ("Universität Basel"); in the other
  // languages the same university is joined ("University of Basel", "Université de Bâle").
  const bool unjoined_language = in(words[k], {"universitat", "universiteit", "universitet", "uniwersytet"});
  if (before.empty() && !after.empty()) {
    for (const auto& place : afters)
      for (const auto& [word, joiner] : university_forms) {
        if (joined || unjoined_language) add_variant(out, join({std::string(word), std::string(joiner)}, place));
        if (joined && in(word, {"universitat", "universiteit"})) add_variant(out, join({std::string(word)}, place));
      }
  }
  if (before.empty() == after.empty()) return;
  // The same order in every language: "University of X" ↔ "Universidad de X"; "Università
  // Bocconi" ↔ "Bocconi University". English "X University" and "University of X" can be two
  // different places, so a joined name is never turned around.
  for (const auto& [word, joiner] : university_forms) {
    const std::string u(word);
    if (joined) {
      add_variant(out, join({u, std::string(joiner)}, after));
    } else {
      const auto& name = before.empty() ? after : before;
      add_variant(out, join({u}, name));
      add_variant(out, join(name, {u}));
    }
  }
}

}  // namespace

namespace detail {

std::vector<std::string> org_variants(std::string_view name) {
  std::vector<std::string> out;
  std::string raw(name);

  // Parenthetical parts: "(NHH)" is an alias; the rest is the name.
  std::string outside;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const std::size_t open = raw.find('(', pos);
    if (open == std::string::npos) { outside += raw.substr(pos); break; }
    const std::size_t close = raw.find(')', open);
    if (close == std::string::npos) { outside += raw.substr(pos); break; }
    outside += raw.substr(pos, open - pos) + " ";
    const auto inner = folded_words(fold_phrase(raw.substr(open + 1, close - open - 1)));
    add_variant(out, inner);
    pos = close + 1;
  }

  auto consider = [&](const std::string& part) {
    auto words = folded_words(fold_phrase(part));
    if (words.empty()) return;
    add_variant(out, words);
    // A name of kinds and legal forms led by letters in capitals is a brand, written whole:
    // "AG Insurance" (not "Business School", which could be any).
    const auto raw_words = folded_words(part);
    const bool capitals = !raw_words.empty() && raw_words[0].size() >= 2 && raw_words[0].size() <= 4 &&
                          std::all_of(raw_words[0].begin(), raw_words[0].end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (words.size() >= 2 && capitals && !distinctive(words)) {
      std::string whole = join_words(words);
      if (std::find(out.begin(), out.end(), whole) == out.end()) out.push_back(std::move(whole));
    }
    add_variant(out, expand_abbreviations(words));
    add_variant(out, strip_suffixes(words));
    add_variant(out, strip_suffixes(expand_abbreviations(words)));
    // Common short forms: "Grand Rapids Community College" → "grand rapids cc".
    auto contracted = expand_abbreviations(words);
    for (std::size_t i = 0; i + 1 < contracted.size(); ++i)
      if (contracted[i] == "community" && contracted[i + 1] == "college") {
        contracted[i] = "cc";
        contracted.erase(contracted.begin() + static_cast<long>(i) + 1);
        add_variant(out, contracted);
      }
    for (const auto& shorter : abbreviated_forms(expand_abbreviations(words))) {
      add_variant(out, shorter);
      add_variant(out, strip_suffixes(shorter));
    }
    // Without the generic words in the middle: "Samsung R&D Institute Poland" → "samsung r d poland";
    // kept only with two words or more, so "Hamilton Health Sciences" never becomes "hamilton".
    std::vector<std::string> specific;
    for (const auto& w : expand_abbreviations(words))
      if (!is_generic_word(w)) specific.push_back(w);
    if (specific.size() >= 2) add_variant(out, specific);
    // "Arizona State University" → "arizona state", as people say it.
    {
      const auto ex = strip_suffixes(expand_abbreviations(words));
      if (ex.size() >= 3 && ex[ex.size() - 2] == "state" && ex.back() == "university")
        add_variant(out, std::vector<std::string>(ex.begin(), ex.end() - 1));
    }
    // "University of Toronto" → "u of t", "uoft".
    const auto expanded = strip_suffixes(expand_abbreviations(words));
    if (expanded.size() >= 3 && expanded[0] == "university" && expanded[1] == "of") {
      const std::string initial(1, expanded[2][0]);
      add_variant(out, {"u", "of", initial});
      add_variant(out, {"uof" + initial});
    }
    // A distinctive first word and the initials of the rest: "Sunnybrook Health Sciences
    // Centre" → "sunnybrook hsc".
    if (expanded.size() >= 3 && !is_generic_word(expanded[0]) && expanded[0].size() >= 4) {
      std::string rest;
      for (std::size_t i = 1; i < expanded.size(); ++i)
        if (!in(expanded[i], {"of", "the", "and", "for", "de", "la", "du", "der", "und", "og"})) rest += expanded[i][0];
      if (rest.size() >= 2 && rest.size() <= 4) add_variant(out, {expanded[0], rest});
    }
    // The first word alone when it is the name people use: "Freshfields Bruckhaus Deringer" →
    // "freshfields", "Hapag-Lloyd" → "hapag"; with its particles: "Van der Stroom Baggerwerken"
    // → "van der stroom"; never a place or a generic word.
    std::size_t lead = 0;
    while (lead < expanded.size() && in(expanded[lead], {"van", "der", "den", "de", "von", "di", "da", "du", "del", "le", "la"})) ++lead;
    if (lead < expanded.size() && expanded.size() >= lead + 2 && !is_generic_word(expanded[lead]) &&
        !is_place(expanded[lead]) && (expanded[lead].size() >= 5 || lead > 0))
      add_variant(out, std::vector<std::string>(expanded.begin(), expanded.begin() + static_cast<long>(lead) + 1));
    // The one distinctive word of a name made otherwise of kinds and places: "Groupe Belcour
    // Cosmétiques" → "belcour", "Université Paris-Dauphine" → "dauphine".
    std::vector<std::string> distinctive_words;
    for (const auto& w : specific)
      if (!is_place(w)) distinctive_words.push_back(w);
    if (distinctive_words.size() == 1 && distinctive_words[0].size() >= 5 && expanded.size() >= 2)
      add_variant(out, distinctive_words);
    add_technical_university_variants(out, expanded);
    add_university_variants(out, expanded);
    // Initials of three or more significant words: "Copenhagen Business School" → "cbs".
    std::string initials;
    std::size_t significant = 0;
    for (const auto& w : expand_abbreviations(words)) {
      if (in(w, {"of", "the", "and", "for", "de", "la", "du", "der", "und", "og", "i", "a", "s", "fur", "di", "del",
                 "des", "van", "von", "y", "e", "et", "d", "l"})) continue;
      ++significant;
      initials += w[0];
    }
    if (significant >= 3 && initials.size() <= 5) add_variant(out, {initials});
  };
  consider(outside);
  // A word written in capitals is an acronym people use alone: "AGH University of Krakow" → "agh".
  for (const auto& word : folded_words(outside)) {
    const bool caps = word.size() >= 3 && word.size() <= 6 &&
                      std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (caps) add_variant(out, folded_words(fold_phrase(word)));
  }
  // An acronym and the initial of the word after it: "ETH Zürich" → "ethz".
  {
    const auto raw_words = folded_words(outside);
    for (std::size_t i = 0; i + 1 < raw_words.size(); ++i) {
      const auto& word = raw_words[i];
      const bool caps = word.size() >= 2 && word.size() <= 5 &&
                        std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      const auto next = folded_words(fold_phrase(raw_words[i + 1]));
      if (caps && !next.empty() && !next[0].empty()) add_variant(out, {fold_phrase(word).substr(1, word.size()) + next[0][0]});
    }
  }
  // Segments: split at " - ", " – ", "|", ",", " / ".
  std::string seg;
  std::vector<std::string> segments;
  for (std::size_t i = 0; i < outside.size(); ++i) {
    const char c = outside[i];
    const bool dash = (c == '-' && i > 0 && outside[i - 1] == ' ' && i + 1 < outside.size() && outside[i + 1] == ' ');
    const bool en_dash = outside.compare(i, 3, "\xE2\x80\x93") == 0 || outside.compare(i, 3, "\xE2\x80\x94") == 0;
    if (dash || c == '|' || c == ',' || c == '/' || en_dash) {
      segments.push_back(seg);
      seg.clear();
      if (en_dash) i += 2;
    } else {
      seg += c;
    }
  }
  segments.push_back(seg);
  if (segments.size() > 1)
    for (const auto& s : segments) {
      // A segment of places alone is where the organisation is, not its name: "Scoil Mhuire, Cork".
      const auto ws = folded_words(fold_phrase(s));
      if (!ws.empty() && std::all_of(ws.begin(), ws.end(), [](const std::string& w) { return is_place(w) || is_generic_word(w); })) continue;
      consider(s);
    }
  return out;
}

}  // namespace detail

org_matcher::org_matcher(const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (auto& v : detail::org_variants(names[i])) variants_.push_back({std::move(v), i});
    own_.push_back(detail::org_own_words(names[i]));
    names_.push_back(folded_words(fold_phrase(names[i])));
  }
  // Longer variants first, so the most specific form names the span.
  std::stable_sort(variants_.begin(), variants_.end(),
                   [](const variant& a, const variant& b) { return a.words.size() > b.words.size(); });
}

std::optional<org_hit> org_matcher::find_in(std::string_view text) const {
  if (variants_.empty()) return std::nullopt;
  const folded_text f = fold(text);
  for (const auto& v : variants_)
    for (auto at = f.text.find(v.words); at != std::string::npos; at = f.text.find(v.words, at + 1)) {
      if (detail::org_runs_on(f, text, at, at + v.words.size(), own_[v.index], names_[v.index])) continue;
      const auto span = f.original_span(at, at + v.words.size());
      return org_hit{v.index, span.first, span.second};
    }
  return std::nullopt;
}

bool same_org(std::string_view a, std::string_view b) {
  if (org_matcher({std::string(a)}).find_in(b)) return true;
  return org_matcher({std::string(b)}).find_in(a).has_value();
}

namespace detail {
bool org_tail_word(std::string_view w) { return is_legal_or_generic_suffix(w) || is_place(w); }
bool org_university_word(std::string_view w) { return is_university_word(w); }

namespace {
/// The byte offset in UTF-8 `s` of UTF-16 unit `u16`.
std::size_t byte_of16(std::string_view s, std::uint32_t u16) {
  std::size_t i = 0;
  std::uint32_t at = 0;
  while (i < s.size() && at < u16) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    at += len == 4 ? 2 : 1;
    i += len;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return std::min(i, s.size());
}

bool is_particle(std::string_view w) {
  for (const char* p : {"of", "de", "di", "du", "des", "der", "die", "das", "fur", "for", "and", "et", "y", "e", "the",
                        "la", "le", "el", "van", "von", "del", "della", "do", "da"})
    if (w == p) return true;
  return false;
}

}  // namespace

/// True when the organisation matched at folded [b, e) runs on into a longer, other name: the
/// next word is capitalised, not one of the organisation's own words, not a legal form or a place,
/// and nothing separates them ("Northwind Traders" is not "Northwind Health Systems", "Harvard
/// Pilgrim" is not "Harvard Medical School"); or a university's name is qualified before it
/// ("Medizinische Universität Wien" is not "Universität Wien").
bool org_runs_on(const folded_text& f, std::string_view original, std::size_t b, std::size_t e,
             const std::vector<std::string>& own, const std::vector<std::string>& name) {
  const std::string& t = f.text;
  std::size_t me = e;
  while (me > b && t[me - 1] == ' ') --me;
  if (me == b) return false;
  bool university_first = false, forward = false;
  // Only a part of the name that the name itself continues after ("Danske" of "Danske Bank") can
  // run on into another name; its whole name or a short form (an acronym, "Maersk" of "A.P.
  // Moller - Maersk") followed by more words is a unit of it ("EDF Renouvelables", "BMW Car IT").
  {
    const std::vector<std::string> hit = folded_words(std::string_view(t).substr(b, e - b));
    bool continues = false;
    for (std::size_t s = 0; !hit.empty() && s + hit.size() <= name.size() && !continues; ++s)
      if (std::equal(hit.begin(), hit.end(), name.begin() + static_cast<std::ptrdiff_t>(s)))
        for (std::size_t n = s + hit.size(); n < name.size(); ++n)
          if (!org_tail_word(name[n]) && !is_particle(name[n])) { continues = true; break; }
    university_first = !hit.empty() && org_university_word(hit.front());
    if (!continues && !university_first) return false;
    // Written in capitals ("KPMG Meijburg", "PKO BP", "ESSEC Alumni"): an acronym, a brand.
    std::size_t hb = b;
    while (hb < e && t[hb] == ' ') ++hb;
    if (hb < me) {
      const std::size_t ob = byte_of16(original, f.begin16[hb]), oe = byte_of16(original, f.end16[me - 1]);
      bool upper = oe > ob + 1;
      for (std::size_t q = ob; q < oe && upper; ++q) upper = !(original[q] >= 'a' && original[q] <= 'z');
      if (upper) return false;
    }
    forward = continues;
  }
  auto own_word = [&](std::string_view w) { return std::find(own.begin(), own.end(), w) != own.end(); };
  auto separated = [&](std::uint32_t from16, std::uint32_t to16) {
    const std::size_t a = byte_of16(original, from16), z = byte_of16(original, to16);
    for (std::size_t i = a; i < z && i < original.size(); ++i)
      if (std::strchr("|,;/()@:\n\t\xE2\xC2-", original[i])) return true;  // \xE2: – — · •  \xC2: ·
    return false;
  };
  auto capital_at = [&](std::uint32_t u16) {
    const std::size_t i = byte_of16(original, u16);
    const auto c = i < original.size() ? static_cast<unsigned char>(original[i]) : 0;
    return (c >= 'A' && c <= 'Z') || c >= 0xC3;  // an accented capital, or any non-Latin letter
  };
  // Forward, over particles ("Kenya Institute of Management").
  std::size_t i = me;
  std::uint32_t prev_end16 = f.end16[me - 1];
  bool crossed_particle = false;
  while (forward) {
    while (i < t.size() && t[i] == ' ') ++i;
    if (i >= t.size()) break;
    std::size_t j = i;
    while (j < t.size() && t[j] != ' ') ++j;
    const std::string_view w(t.data() + i, j - i);
    if (separated(prev_end16, f.begin16[i])) break;
    if (own_word(w) || org_tail_word(w)) break;
    if (is_particle(w) && !crossed_particle) { crossed_particle = true; prev_end16 = f.end16[j - 1]; i = j; continue; }
    if (capital_at(f.begin16[i]) && w.size() >= 2 && !(w[0] >= '0' && w[0] <= '9')) return true;
    break;
  }
  // Backward, for a university: "Technische Universität München" is not "Universität München".
  std::size_t k = b;
  while (k < t.size() && t[k] == ' ') ++k;
  std::size_t first_end = k;
  while (first_end < t.size() && t[first_end] != ' ') ++first_end;
  if (university_first && k < first_end && k > 1) {
    std::size_t pe = k;
    while (pe > 0 && t[pe - 1] == ' ') --pe;
    std::size_t pb = pe;
    while (pb > 0 && t[pb - 1] != ' ') --pb;
    if (pb < pe) {
      const std::string_view w(t.data() + pb, pe - pb);
      if (!own_word(w) && !separated(f.end16[pe - 1], f.begin16[k]) && capital_at(f.begin16[pb]) && !org_tail_word(w))
        return true;
    }
  }
  return false;
}


std::vector<std::string> org_own_words(std::string_view name) {
  std::vector<std::string> words = folded_words(fold_phrase(name));
  for (const auto& v : org_variants(name))
    for (auto& w : folded_words(v)) words.push_back(std::move(w));
  return words;
}
}  // namespace detail

}  // namespace vouch
