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
  if (auto e = json_reader::required_string(j, "id", "id", inv.id, " (every invitation needs an id)")) return error{*e};
  const json* sender = nullptr;
  if (auto e = json_reader::required_object(j, "sender", "sender", sender)) return error{*e};
  if (auto e = json_reader::required_string(*sender, "name", "sender.name", inv.sender.name)) return error{*e};
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
