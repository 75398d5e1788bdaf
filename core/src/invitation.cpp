#include "vouch/invitation.hpp"

#include <nlohmann/json.hpp>

#include "json_read.hpp"

namespace vouch {

using nlohmann::json;
using detail::json_reader;

namespace {
/// Reads a non-negative whole number; absent or null leaves `out` unchanged.
void count_field(json_reader& r, const json& obj, const char* key, const std::string& path, int& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return;
  if (!it->is_number_integer() && !it->is_number_unsigned())
    return r.fail(path + "." + key, "expected a whole number, got " + json_reader::type_of(*it));
  const auto v = it->get<long long>();
  if (v < 0) return r.fail(path + "." + key, "expected a number of 0 or more, got " + std::to_string(v));
  out = v > 1000000 ? 1000000 : static_cast<int>(v);
}
}  // namespace

outcome<invitation> parse_invitation(const json& j) {
  if (!j.is_object()) return error{"invitation: expected a JSON object, got " + json_reader::type_of(j)};
  json_reader r;
  invitation inv;
  auto id = j.find("id");
  if (id == j.end() || id->is_null()) return error{"id: missing (every invitation needs an id)"};
  if (!id->is_string()) return error{"id: expected a string, got " + json_reader::type_of(*id)};
  inv.id = id->get<std::string>();

  auto sender = j.find("sender");
  if (sender == j.end() || sender->is_null()) return error{"sender: missing"};
  if (!sender->is_object()) return error{"sender: expected an object, got " + json_reader::type_of(*sender)};
  auto name = sender->find("name");
  if (name == sender->end() || name->is_null()) return error{"sender.name: missing"};
  if (!name->is_string()) return error{"sender.name: expected a string, got " + json_reader::type_of(*name)};
  inv.sender.name = name->get<std::string>();
  r.string_field(*sender, "headline", "sender", inv.sender.headline);
  r.string_field(*sender, "profile_url", "sender", inv.sender.profile_url);
  count_field(r, *sender, "mutual_connections", "sender", inv.sender.mutual_connections);

  r.string_field(j, "message", "invitation", inv.message);
  count_field(r, j, "prior_invitations", "invitation", inv.prior_invitations);
  if (r.failed()) {
    // json_reader names paths from its root; the invitation's own fields read better bare.
    std::string e = r.error();
    const std::string prefix = "invitation.";
    if (e.rfind(prefix, 0) == 0) e = e.substr(prefix.size());
    return error{e};
  }
  return inv;
}

}  // namespace vouch
