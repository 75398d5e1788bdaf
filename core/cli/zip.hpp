// The tool's zip reader (native only; the page unzips with fflate).
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace vouch::cli {

/// Streams each file of the zip at `path` that `want(name)` accepts: `chunk(name, bytes)` in
/// order, then `done(name)`. False with `err` naming the archive (and entry) when it is not a
/// zip, is cut short or is damaged.
bool for_each_zip_entry(const std::string& path, const std::function<bool(const std::string&)>& want,
                        const std::function<void(const std::string&, std::string_view)>& chunk,
                        const std::function<void(const std::string&)>& done, std::string& err);

}  // namespace vouch::cli
