// An invitation as the contract describes it (contract: "Invitation").
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "vouch/outcome.hpp"

namespace vouch {

struct sender_info {
  std::string name;         ///< required
  std::string headline;
  std::string profile_url;
  int mutual_connections = -1;  ///< -1 when not known (the field was absent)
};

struct invitation {
  std::string id;           ///< required, echoed back
  sender_info sender;
  std::string message;      ///< "" when there is no note (null, absent or "")
  int prior_invitations = 0;
};

/// Reads an invitation; a missing or mistyped field is an error that names it.
outcome<invitation> parse_invitation(const nlohmann::json& json);

}  // namespace vouch
