// The audit: rows of the export's files joined to Connections.csv, interactions dated, statuses
// and reasons (contract: "Auditing the network").
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "audit_detail.hpp"
#include "vouch/audit.hpp"
#include "vouch/classify.hpp"

namespace vouch {
namespace detail {

namespace {

enum class kind { none, connections, messages, invitations, endorsements_received, endorsements_given,
                  recommendations_received, recommendations_given, profile };

kind kind_of(std::string_view name) {
  if (auto p = name.find_last_of("/\\"); p != std::string_view::npos) name.remove_prefix(p + 1);
  std::string n;
  for (char c : name) n += ascii_lower(c);
  if (n == "connections.csv") return kind::connections;
  if (n == "messages.csv") return kind::messages;
  if (n == "invitations.csv") return kind::invitations;
  if (n == "endorsement_received_info.csv") return kind::endorsements_received;
  if (n == "endorsement_given_info.csv") return kind::endorsements_given;
  if (n == "recommendations_received.csv") return kind::recommendations_received;
  if (n == "recommendations_given.csv") return kind::recommendations_given;
  if (n == "profile.csv") return kind::profile;
  return kind::none;
}

std::string base_name(std::string_view name) {
  if (auto p = name.find_last_of("/\\"); p != std::string_view::npos) name.remove_prefix(p + 1);
  return std::string(name);
}

/// isspace() in the C locale, without a call per character.
bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view trimmed_view(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string trimmed(std::string_view s) { return std::string(trimmed_view(s)); }

/// ASCII case-insensitive equality with a lower-case word.
bool equals_lower(std::string_view s, std::string_view lower_word) {
  if (s.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (ascii_lower(s[i]) != lower_word[i]) return false;
  return true;
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = ascii_lower(c);
  return r;
}

/// A person's full name as rows are matched on: trimmed, inner runs of spaces as one, case kept
/// apart from that (the contract: "exactly").
std::string name_key(std::string_view first, std::string_view last) {
  std::string s = trimmed(first);
  const std::string l = trimmed(last);
  if (!l.empty()) s += (s.empty() ? "" : " ") + l;
  std::string r;
  for (char c : s)
    if (!(c == ' ' && !r.empty() && r.back() == ' ')) r += c;
  return lower(r);
}

/// Splits a list of names or addresses on commas and semicolons.
std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == ',' || s[i] == ';') {
      auto t = trimmed(s.substr(b, i - b));
      if (!t.empty()) out.push_back(std::move(t));
      b = i + 1;
    }
  return out;
}

/// Someone a row speaks of: a profile slug, else a name key (prefixed "@" to keep them apart).
std::string person_key(std::string_view url, std::string_view name) {
  auto slug = audit_slug(url);
  if (!slug.empty()) return slug;
  auto n = name_key(name, "");
  return n.empty() ? std::string() : "@" + n;
}

struct conversation {
  std::unordered_map<std::string, int> sent;   // messages by each sender key
  std::unordered_set<std::string> members;
  int last = -1;
};

struct evidence {
  int sent = 0, received = 0, last_message = -1;
  int endorsements = 0, last_endorsement = -1;
  int recommendations = 0, last_recommendation = -1;
};

enum class itype { message, endorsement, recommendation };

}  // namespace

struct auditor_state {
  engine eng;
  audit_options opt;
  // The current file.
  kind cur = kind::none;
  std::string cur_name;
  std::unique_ptr<csv_reader> reader;
  std::unordered_map<std::string, std::size_t> cols;  // header name (lower-case) -> index
  std::size_t width = 0;
  bool header_seen = false;
  bool connections_seen = false;

  std::vector<audit_connection> conns;
  std::vector<int> connected;      // days, -1 unknown
  std::vector<std::string> slugs;  // per connection
  std::vector<std::string> names;  // name_key per connection
  std::unordered_map<std::string, conversation> convs;
  std::string last_conv_id;
  conversation* last_conv = nullptr;
  std::unordered_map<std::string, std::string> sender_names;  // slug -> name key of a sender
  std::string last_sender;                                    // the last slug put in sender_names
  std::string own_name;                                       // Profile.csv, else the policy's
  struct dated_ref { std::string key; std::string name; int date; int flag; };
  std::vector<dated_ref> endorsements, recommendations, outgoing;
  std::unordered_map<std::string, int> categories;
  int incoming = 0;
  int latest = -1;
  std::vector<audit_warning> warnings;

  explicit auditor_state(engine e, audit_options o) : eng(std::move(e)), opt(std::move(o)) {}

  void warn(std::size_t line, std::string msg) { warnings.push_back({cur_name, line, std::move(msg)}); }

  std::vector<std::string> header_lower;
  // Column indexes looked up once per header: (the name's characters, its index or -1).
  mutable std::vector<std::pair<const char*, long>> col_cache;
  long col_index(const char* name) const {
    for (const auto& [n, i] : col_cache)
      if (n == name) return i;
    long found = -1;
    for (std::size_t i = 0; i < header_lower.size(); ++i)
      if (header_lower[i] == name) { found = static_cast<long>(i); break; }
    col_cache.emplace_back(name, found);
    return found;
  }
  const std::string* col(const std::vector<std::string>& f, const char* name) const {
    const long i = col_index(name);
    return i >= 0 && static_cast<std::size_t>(i) < f.size() ? &f[static_cast<std::size_t>(i)] : nullptr;
  }
  std::string_view getv(const std::vector<std::string>& f, const char* name) const {
    auto p = col(f, name);
    return p ? trimmed_view(*p) : std::string_view();
  }
  std::vector<std::string> header;
  std::string header_name(const char* name) const {
    auto it = cols.find(name);
    return it == cols.end() ? std::string(name) : header[it->second];
  }
  std::string get(const std::vector<std::string>& f, const char* name) const { return std::string(getv(f, name)); }

  /// The header of each file: the first row naming its key columns (Connections.csv's Notes:
  /// preamble comes before it).
  bool is_header(const std::vector<std::string>& f) const {
    auto has = [&](const char* n) {
      return std::any_of(f.begin(), f.end(), [&](const std::string& x) { return lower(trimmed(x)) == n; });
    };
    switch (cur) {
      case kind::connections: return has("first name") && has("last name") && has("connected on");
      case kind::messages: return has("conversation id") && has("from") && has("date");
      case kind::invitations: return has("from") && has("direction") && has("sent at");
      case kind::endorsements_received: case kind::endorsements_given: return has("endorsement date");
      case kind::recommendations_received: case kind::recommendations_given: return has("first name") && has("status");
      case kind::profile: return has("first name");
      default: return false;
    }
  }

  std::optional<int> date(const std::vector<std::string>& f, const char* column, std::optional<int> (*parse)(std::string_view),
                          std::size_t line) {
    const std::string s = get(f, column);
    auto d = parse(s);
    if (!d) d = parse_any_date(s);
    if (!d) {
      warn(line, "bad date \"" + s.substr(0, 60) + "\" in " + header_name(column));
      return std::nullopt;
    }
    latest = std::max(latest, *d);
    return d;
  }

  void row(std::vector<std::string>& f, std::size_t line) {
    if (!header_seen) {
      if (!is_header(f)) return;
      header_seen = true;
      if (cur == kind::connections) connections_seen = true;
      cols.clear();
      for (std::size_t i = 0; i < f.size(); ++i) cols.emplace(lower(trimmed(f[i])), i);
      width = f.size();
      header.clear();
      header_lower.clear();
      col_cache.clear();
      for (auto& h : f) {
        header.push_back(trimmed(h));
        header_lower.push_back(lower(trimmed(h)));
      }
      return;
    }
    if (f.size() < width) {
      warn(line, "too few fields: " + std::to_string(f.size()) + " of " + std::to_string(width));
      return;
    }
    switch (cur) {
      case kind::connections: connection_row(f, line); break;
      case kind::messages: message_row(f, line); break;
      case kind::invitations: invitation_row(f, line); break;
      case kind::endorsements_received: case kind::endorsements_given: endorsement_row(f, line); break;
      case kind::recommendations_received: case kind::recommendations_given: recommendation_row(f, line); break;
      case kind::profile:
        if (own_name.empty()) own_name = name_key(get(f, "first name"), get(f, "last name"));
        break;
      default: break;
    }
  }

  void connection_row(const std::vector<std::string>& f, std::size_t line) {
    audit_connection c;
    const std::string first = get(f, "first name"), last = get(f, "last name");
    c.name = first.empty() ? last : last.empty() ? first : first + " " + last;
    const std::string slug = audit_slug(get(f, "url"));
    if (!slug.empty()) c.profile_url = "https://www.linkedin.com/in/" + slug + "/";
    c.company = get(f, "company");
    c.position = get(f, "position");
    auto d = date(f, "connected on", parse_connections_date, line);
    if (d) c.connected_on = format_date(*d);
    conns.push_back(std::move(c));
    connected.push_back(d ? *d : -1);
    slugs.push_back(slug);
    names.push_back(name_key(first, last));
  }

  void message_row(const std::vector<std::string>& f, std::size_t line) {
    const std::string_view draft = getv(f, "is message draft");
    if (equals_lower(draft, "yes") || equals_lower(draft, "true") || equals_lower(getv(f, "folder"), "draft")) return;
    auto d = date(f, "date", parse_messages_date, line);
    if (!d) return;
    // Rows of one conversation usually come together: the last one is looked up once.
    const std::string* id = col(f, "conversation id");
    if (!last_conv || !id || *id != last_conv_id) {
      last_conv_id = id ? *id : std::string();
      last_conv = &convs[trimmed(last_conv_id)];
    }
    conversation& c = *last_conv;
    const std::string_view from_name = getv(f, "from");
    const std::string from = person_key(getv(f, "sender profile url"), from_name);
    if (!from.empty()) {
      c.members.insert(from);
      ++c.sent[from];
      if (from[0] != '@' && from != last_sender) {
        if (!sender_names.count(from)) sender_names.emplace(from, name_key(from_name, ""));
        last_sender = from;
      }
    }
    std::size_t with_url = 0;
    for (auto& u : split_list(getv(f, "recipient profile urls"))) {
      auto s = audit_slug(u);
      if (!s.empty()) { c.members.insert(std::move(s)); ++with_url; }
    }
    if (with_url == 0)
      for (auto& n : split_list(getv(f, "to"))) c.members.insert("@" + name_key(n, ""));
    c.last = std::max(c.last, *d);
  }

  void invitation_row(const std::vector<std::string>& f, std::size_t line) {
    auto d = date(f, "sent at", parse_invitations_date, line);
    const std::string dir = lower(get(f, "direction"));
    if (dir == "incoming") {
      invitation inv;
      inv.id = std::to_string(line);
      inv.sender.name = get(f, "from");
      if (inv.sender.name.empty()) inv.sender.name = "?";
      inv.sender.profile_url = get(f, "inviterprofileurl");
      inv.message = get(f, "message");
      ++incoming;
      ++categories[std::string(category_name(eng.classify(inv).category))];
    } else if (dir == "outgoing") {
      if (d) outgoing.push_back({person_key(get(f, "inviteeprofileurl"), get(f, "to")), "", *d, 0});
    } else {
      warn(line, "unknown Direction \"" + get(f, "direction").substr(0, 40) + "\"");
    }
  }

  void endorsement_row(const std::vector<std::string>& f, std::size_t line) {
    const bool given = cur == kind::endorsements_given;
    auto d = date(f, "endorsement date", parse_endorsement_date, line);
    if (!d) return;
    if (lower(get(f, "endorsement status")) != "accepted") return;
    const char* fn = given ? "endorsee first name" : "endorser first name";
    const char* ln = given ? "endorsee last name" : "endorser last name";
    const char* url = given ? "endorsee public url" : "endorser public url";
    endorsements.push_back({audit_slug(get(f, url)), name_key(get(f, fn), get(f, ln)), *d, 0});
  }

  void recommendation_row(const std::vector<std::string>& f, std::size_t line) {
    auto d = date(f, "creation date", parse_invitations_date, line);
    if (!d) return;
    if (lower(get(f, "status")) != "visible") return;
    recommendations.push_back({"", name_key(get(f, "first name"), get(f, "last name")), *d, 0});
  }
};

}  // namespace detail

using detail::auditor_state;

outcome<auditor> auditor::create(const policy& p, audit_options options) {
  auto e = engine::create(p);
  if (!e) return error{e.message()};
  return create(e.value(), std::move(options));
}

outcome<auditor> auditor::create(const engine& eng, audit_options options) {
  if (options.stale_days < 0 || options.grace_days < 0) return error{"audit: stale_days and grace_days must be 0 or more"};
  if (!options.as_of.empty() && !detail::parse_iso_date(options.as_of))
    return error{"audit: as_of \"" + options.as_of + "\" is not a date YYYY-MM-DD"};
  auto s = std::make_unique<auditor_state>(eng, std::move(options));
  if (s->own_name.empty()) s->own_name = detail::name_key(eng.policy().me.name, "");
  return auditor(std::move(s));
}

auditor::auditor(std::unique_ptr<detail::auditor_state> s) : s_(std::move(s)) {}
auditor::auditor(auditor&&) noexcept = default;
auditor& auditor::operator=(auditor&&) noexcept = default;
auditor::~auditor() = default;

void auditor::feed(std::string_view file_name, std::string_view chunk) {
  auto& s = *s_;
  const std::string name = detail::base_name(file_name);
  if (!s.reader || s.cur_name != name) {
    if (s.reader) end_file(s.cur_name);
    s.cur = detail::kind_of(name);
    s.cur_name = name;
    s.header_seen = false;
    if (s.cur == detail::kind::profile) s.own_name.clear();
    s.reader = std::make_unique<detail::csv_reader>(
        [st = s_.get()](std::vector<std::string>& f, std::size_t line) { st->row(f, line); });
  }
  if (s.cur != detail::kind::none) s.reader->feed(chunk);
}

void auditor::end_file(std::string_view file_name) {
  auto& s = *s_;
  if (!s.reader || s.cur_name != detail::base_name(file_name)) {
    feed(file_name, "");  // an empty file
  }
  if (s.cur != detail::kind::none) {
    if (!s.reader->end()) s.warn(s.reader->open_line(), "a quoted field is not closed before the end of the file");
    if (!s.header_seen) s.warn(0, "no header row");
  }
  s.reader.reset();
  s.cur = detail::kind::none;
  s.cur_name.clear();
}


namespace {

std::string period(int days) {
  if (days == 365) return "a year";
  if (days % 365 == 0 && days > 0) return std::to_string(days / 365) + " years";
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

}  // namespace

outcome<audit_report> auditor::finish() {
  using namespace detail;
  auto& s = *s_;
  if (s.reader) end_file(s.cur_name);
  if (!s.connections_seen) return error{"Connections.csv: missing, or without its header row (First Name,Last Name,...,Connected On)"};
  std::optional<int> as_of;
  if (!s.opt.as_of.empty()) as_of = parse_iso_date(s.opt.as_of);
  if (!as_of && !s.opt.zip_name.empty()) as_of = date_in_zip_name(s.opt.zip_name);
  if (!as_of && s.latest >= 0) as_of = s.latest;
  if (!as_of) return error{"audit: no date to audit as of (give --as-of YYYY-MM-DD)"};
  const int now = *as_of;

  const std::size_t n = s.conns.size();
  std::unordered_map<std::string, std::size_t> by_slug, by_name;
  constexpr std::size_t dup = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < n; ++i) {
    if (!s.slugs[i].empty()) by_slug.emplace(s.slugs[i], i);
    if (s.names[i].empty()) continue;
    auto [it, fresh] = by_name.emplace(s.names[i], i);
    if (!fresh) it->second = dup;
  }
  auto by_name_of = [&](const std::string& name) -> long {
    auto it = by_name.find(name);
    return it == by_name.end() || it->second == dup ? -1 : static_cast<long>(it->second);
  };
  // A key from a row: its slug, else the name that came with it.
  auto resolve = [&](const std::string& key, const std::string& name) -> long {
    if (!key.empty() && key[0] != '@') {
      if (auto it = by_slug.find(key); it != by_slug.end()) return static_cast<long>(it->second);
    } else if (!key.empty()) {
      return by_name_of(key.substr(1));
    }
    return name.empty() ? -1 : by_name_of(name);
  };
  auto resolve_member = [&](const std::string& key) -> long {
    if (key.empty() || key[0] == '@') return resolve(key, "");
    // A connection's slug decides alone; the sender's name is looked up only when it is not one.
    if (auto hit = by_slug.find(key); hit != by_slug.end()) return static_cast<long>(hit->second);
    auto it = s.sender_names.find(key);
    return resolve(key, it == s.sender_names.end() ? std::string() : it->second);
  };

  // The user: their name's keys, and whoever takes part in the most conversations.
  std::unordered_set<std::string> me;
  if (!s.own_name.empty()) {
    me.insert("@" + s.own_name);
    for (const auto& [slug, name] : s.sender_names)
      if (name == s.own_name) me.insert(slug);
  }
  {
    std::unordered_map<std::string, int> seen;
    for (const auto& [id, c] : s.convs)
      for (const auto& m : c.members) ++seen[m];
    const std::string* best = nullptr;
    int most = 0;
    for (const auto& [k, v] : seen)
      if (v > most || (v == most && best && k < *best)) { most = v; best = &k; }
    if (best && resolve_member(*best) < 0 && (me.empty() || most * 2 > static_cast<int>(s.convs.size()))) me.insert(*best);
  }

  std::vector<evidence> ev(n);
  std::vector<long> in_conv;
  for (const auto& [id, c] : s.convs) {
    int mine = 0;
    bool with_me = false;
    for (const auto& m : c.members)
      if (me.count(m)) {
        with_me = true;
        if (auto it = c.sent.find(m); it != c.sent.end()) mine += it->second;
      }
    if (!with_me) continue;
    in_conv.clear();
    for (const auto& m : c.members) {
      if (me.count(m)) continue;
      const long i = resolve_member(m);
      if (i < 0) continue;
      auto it = c.sent.find(m);
      ev[i].received += it == c.sent.end() ? 0 : it->second;
      if (std::find(in_conv.begin(), in_conv.end(), i) != in_conv.end()) continue;
      in_conv.push_back(i);
      ev[i].sent += mine;
      ev[i].last_message = std::max(ev[i].last_message, c.last);
    }
  }
  for (const auto& e : s.endorsements)
    if (const long i = resolve(e.key, e.name); i >= 0) {
      ++ev[i].endorsements;
      ev[i].last_endorsement = std::max(ev[i].last_endorsement, e.date);
    }
  for (const auto& r : s.recommendations)
    if (const long i = resolve(r.key, r.name); i >= 0) {
      ++ev[i].recommendations;
      ev[i].last_recommendation = std::max(ev[i].last_recommendation, r.date);
    }

  audit_report rep;
  rep.as_of = format_date(now);
  for (const char* st : {"active", "faded", "never", "new"}) rep.status[st] = 0;
  std::unordered_map<std::string, std::optional<category>> roles;
  const std::string as_of_text = rep.as_of;
  for (std::size_t i = 0; i < n; ++i) {
    audit_connection& c = s.conns[i];
    const evidence& e = ev[i];
    c.messages.sent = e.sent;
    c.messages.received = e.received;
    if (e.last_message >= 0) c.messages.last = format_date(e.last_message);
    c.endorsements = e.endorsements;
    c.recommendations = e.recommendations;
    int last = e.last_message;
    const char* what = "message";
    if (e.last_endorsement > last) { last = e.last_endorsement; what = "endorsement"; }
    if (e.last_recommendation > last) { last = e.last_recommendation; what = "recommendation"; }
    const int conn = s.connected[i];
    if (last >= 0) {
      c.last_interaction = format_date(last);
      const bool recent = now - last <= s.opt.stale_days;
      c.status = recent ? "active" : "faded";
      c.reasons.push_back(std::string("Last ") + what + " " + c.last_interaction +
                          (recent ? ", within " : ", over ") + period(s.opt.stale_days) +
                          (recent ? " of " : " before ") + as_of_text);
    } else if (conn >= 0 && now - conn <= s.opt.grace_days) {
      c.status = "new";
      c.reasons.push_back("Connected " + c.connected_on + ", within " + period(s.opt.grace_days) + " of " + as_of_text +
                          ", no interaction yet");
    } else {
      c.status = "never";
      c.reasons.push_back(conn >= 0 ? "Connected " + std::to_string(year_of(conn)) + ", no message, endorsement or recommendation since"
                                    : "No message, endorsement or recommendation");
    }
    ++rep.status[c.status];
    if (conn >= 0) ++rep.per_year[year_of(conn)];
    if (!c.position.empty()) {
      auto [it, fresh] = roles.emplace(c.position, std::nullopt);
      if (fresh) {
        invitation inv;
        inv.id = "role";
        inv.sender.name = c.name.empty() ? "?" : c.name;
        inv.sender.headline = c.position;
        // The pack's headline rules ("sales.headline", "recruiter.headline", ...) name the
        // role; the strongest one that fired on the position alone decides.
        const auto r = s.eng.classify(inv);
        double best = 0;
        for (const auto& x : r.reasons) {
          const auto dot = x.rule.find('.');
          if (dot == std::string::npos || x.rule.compare(dot, std::string::npos, ".headline") != 0) continue;
          const auto cat = category_from_name(std::string_view(x.rule).substr(0, dot));
          if (cat && (!it->second || std::abs(x.weight) > best)) { it->second = cat; best = std::abs(x.weight); }
        }
      }
      c.role = it->second;
    }
  }
  for (const auto& o : s.outgoing)
    if (now - o.date > 21 && resolve(o.key, "") < 0) ++rep.pending_sent_over_21_days;
  rep.connections = std::move(s.conns);
  rep.invitations = s.incoming;
  for (const auto& [k, v] : s.categories) rep.invitation_categories[k] = v;
  rep.warnings = std::move(s.warnings);
  return rep;
}

}  // namespace vouch
