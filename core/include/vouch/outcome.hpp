// A value or a readable error, without exceptions (the wasm build may disable them).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace vouch {

/// An error at the edge: a message that names the field, line or value at fault.
struct error {
  std::string message;
};

/// Either a T or an error. Check `ok()` before `value()`.
template <class T>
class outcome {
 public:
  outcome(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  outcome(error failure) : state_(std::move(failure)) {}    // NOLINT: implicit by design
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const std::string& message() const { return std::get<1>(state_).message; }

 private:
  std::variant<T, error> state_;
};

}  // namespace vouch
