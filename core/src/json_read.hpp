// Reading fields from untrusted JSON without exceptions, with errors that name the path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Code that runs once per policy or on an error, not per invitation: compiled for size where the
// compiler can (the wasm module is at its size budget; clang only).
#if defined(__clang__)
#define VOUCH_SMALL_CODE __attribute__((minsize))
#else
#define VOUCH_SMALL_CODE
#endif

namespace vouch::detail {

/// Collects the first error met while reading or, made with `every_error`, each of them (one a
/// line, in the order they were met).
class json_reader {
 public:
  json_reader() = default;
  explicit json_reader(bool every_error) : every_(every_error) {}
  bool failed() const { return errors_ != 0; }
  /// How many errors were met so far (a caller checks a field's meaning only if reading it added none).
  std::size_t error_count() const { return errors_; }
  const std::string& error() const { return error_; }
  /// Records "path: what" (defined once in policy.cpp, not inlined at each of its many callers,
  /// which the wasm module's size would feel).
  void fail(const std::string& path, const std::string& what);

  /// Reads an optional string field; null counts as absent.
  void string_field(const nlohmann::json& obj, const char* key, const std::string& path,
                    std::string& out) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return;
    if (!it->is_string()) return fail(path + "." + key, "expected a string, got " + type_of(*it));
    out = it->get<std::string>();
  }

  void string_list(const nlohmann::json& obj, const char* key, const std::string& path,
                   std::vector<std::string>& out) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return;
    std::string p = path + "." + key;
    if (!it->is_array()) return fail(p, "expected a list of strings, got " + type_of(*it));
    out.clear();
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& v = (*it)[i];
      if (!v.is_string()) fail(p + "[" + std::to_string(i) + "]", "expected a string, got " + type_of(v));
      else out.push_back(v.get<std::string>());
    }
  }

  /// Reads an optional number field; null counts as absent.
  void number_field(const nlohmann::json& obj, const char* key, const std::string& path, double& out) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return;
    if (!it->is_number()) return fail(path + "." + key, "expected a number, got " + type_of(*it));
    out = it->get<double>();
  }

  /// Reads a required string field of `obj`: nothing when it was read into `out`, else the error
  /// for `path` ("missing", with `hint` after it, or the wrong type).
  static std::optional<std::string> required_string(const nlohmann::json& obj, const char* key, const std::string& path,
                                                    std::string& out, const char* hint = "") {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return path + ": missing" + hint;
    if (!it->is_string()) return path + ": expected a string, got " + type_of(*it);
    out = it->get<std::string>();
    return std::nullopt;
  }

  /// Finds a required object field of `obj`: nothing when `out` points at it, else the error for
  /// `path` (missing, or the wrong type).
  static std::optional<std::string> required_object(const nlohmann::json& obj, const char* key, const std::string& path,
                                                    const nlohmann::json*& out) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return path + ": missing";
    if (!it->is_object()) return path + ": expected an object, got " + type_of(*it);
    out = &*it;
    return std::nullopt;
  }

  static std::string type_of(const nlohmann::json& v) {
    switch (v.type()) {
      case nlohmann::json::value_t::null: return "null";
      case nlohmann::json::value_t::object: return "an object";
      case nlohmann::json::value_t::array: return "a list";
      case nlohmann::json::value_t::string: return "a string";
      case nlohmann::json::value_t::boolean: return "true/false";
      case nlohmann::json::value_t::number_integer:
      case nlohmann::json::value_t::number_unsigned:
      case nlohmann::json::value_t::number_float: return "a number";
      default: return "an unsupported value";
    }
  }

 private:
  std::string error_;
  std::size_t errors_ = 0;
  bool every_ = false;
};

}  // namespace vouch::detail
