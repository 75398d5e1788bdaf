// The default rule pack's files, embedded at build time by core/rules/embed.cmake.
#pragma once
#include <cstddef>
#include <string_view>

namespace vouch::detail {
struct pack_file {
  std::string_view name;  ///< file name without extension, e.g. "classify"
  std::string_view text;  ///< the file's JSON text
};
extern const pack_file default_pack_files[];
extern const std::size_t default_pack_file_count;
}  // namespace vouch::detail
