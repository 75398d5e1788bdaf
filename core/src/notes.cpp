// Drafting personal connection notes (contract: "Drafting a connection note"). Stub for now.
#include "vouch/api.hpp"

namespace vouch {

json_result draft_note_json(std::string_view, std::string_view) {
  return {false, "draft_note: not yet implemented"};
}

}  // namespace vouch
