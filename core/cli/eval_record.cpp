// One labelled record of `vouch eval`, read from its line (apart from run_eval so that the fuzz
// harness can call it without the tool's files and output).
#include "cli.hpp"
#include "vouch/category.hpp"

namespace vouch::cli {

using nlohmann::json;

outcome<eval_record> read_eval_record(std::string& line) {
  const json rec = json::parse(line, nullptr, false);
  if (line.capacity() > (1 << 20)) std::string().swap(line);  // a huge line: parsed, so no longer needed
  if (rec.is_discarded()) return error{"not valid JSON"};
  // A record that cannot be scored is reported with its field; the rest are scored.
  const json* expect = rec.is_object() && rec.contains("expect") ? &rec["expect"] : nullptr;
  if (expect && !expect->is_object()) return error{"expect: expected an object with category and verdict"};
  if (expect && expect->contains("verdict") && !(*expect)["verdict"].is_string())
    return error{"expect.verdict: expected a string such as \"accept\""};
  const auto want_cat = expect && expect->contains("category") && (*expect)["category"].is_string()
                            ? category_from_name((*expect)["category"].get<std::string>()) : std::nullopt;
  if (!want_cat) return error{"expect.category: missing or unknown"};
  // Judged from the record already parsed: a second parse of the line would double the memory.
  auto inv = parse_invitation(rec);
  if (!inv) return error{inv.message()};
  eval_record r{std::move(inv).value(), *want_cat, expect->value("verdict", ""), "?", ""};
  if (const auto id = rec.find("id"); id != rec.end() && id->is_string()) r.id = id->get<std::string>();
  if (const auto note = rec.find("note"); note != rec.end() && note->is_string()) r.note = note->get<std::string>();
  return r;
}

}  // namespace vouch::cli
