// Reading the files of a zip archive in chunks: the central directory by hand (a few fixed
// fields), inflate by zlib. Stored and deflated entries; no ZIP64, no encryption (LinkedIn's
// export uses neither).
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <zlib.h>

#include "zip.hpp"

namespace vouch::cli {

namespace {

std::uint32_t u16(const unsigned char* p) { return p[0] | (p[1] << 8); }
std::uint32_t u32(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

struct closer {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

bool read_at(std::FILE* f, long off, void* buf, std::size_t n) {
  return std::fseek(f, off, SEEK_SET) == 0 && std::fread(buf, 1, n, f) == n;
}

}  // namespace

bool for_each_zip_entry(const std::string& path, const std::function<bool(const std::string&)>& want,
                        const std::function<void(const std::string&, std::string_view)>& chunk,
                        const std::function<void(const std::string&)>& done, std::string& err) {
  std::unique_ptr<std::FILE, closer> f(std::fopen(path.c_str(), "rb"));
  if (!f) { err = path + ": cannot open file (" + std::strerror(errno) + ")"; return false; }
  std::fseek(f.get(), 0, SEEK_END);
  const long size = std::ftell(f.get());
  const long tail = std::min<long>(size, 65535 + 22);
  std::vector<unsigned char> end(static_cast<std::size_t>(tail));
  if (tail < 22 || !read_at(f.get(), size - tail, end.data(), end.size())) { err = path + ": not a zip file"; return false; }
  long eocd = -1;
  for (long i = tail - 22; i >= 0; --i)
    if (u32(&end[i]) == 0x06054b50) { eocd = i; break; }
  if (eocd < 0) { err = path + ": not a zip file (no end of central directory)"; return false; }
  const std::uint32_t count = u16(&end[eocd + 10]);
  const std::uint32_t cd_size = u32(&end[eocd + 12]);
  const std::uint32_t cd_off = u32(&end[eocd + 16]);
  if (static_cast<long>(cd_off) + static_cast<long>(cd_size) > size) { err = path + ": zip cut short (central directory)"; return false; }
  std::vector<unsigned char> cd(cd_size);
  if (!read_at(f.get(), static_cast<long>(cd_off), cd.data(), cd.size())) { err = path + ": cannot read its central directory"; return false; }
  struct entry { std::string name; std::uint32_t method, csize, usize, off; };
  std::vector<entry> entries;
  for (std::size_t p = 0, k = 0; k < count; ++k) {
    if (p + 46 > cd.size() || u32(&cd[p]) != 0x02014b50) { err = path + ": bad central directory entry " + std::to_string(k + 1); return false; }
    const std::uint32_t n = u16(&cd[p + 28]), x = u16(&cd[p + 30]), c = u16(&cd[p + 32]);
    if (p + 46 + n > cd.size()) { err = path + ": bad central directory entry " + std::to_string(k + 1); return false; }
    entries.push_back({std::string(reinterpret_cast<const char*>(&cd[p + 46]), n), u16(&cd[p + 10]), u32(&cd[p + 20]),
                       u32(&cd[p + 24]), u32(&cd[p + 42])});
    p += 46 + n + x + c;
  }
  std::vector<unsigned char> in(1 << 16);
  std::vector<unsigned char> out(1 << 18);
  for (const auto& e : entries) {
    if (e.name.empty() || e.name.back() == '/' || !want(e.name)) continue;
    unsigned char lh[30];
    if (!read_at(f.get(), static_cast<long>(e.off), lh, 30) || u32(lh) != 0x04034b50) {
      err = path + ": " + e.name + ": bad local header";
      return false;
    }
    long pos = static_cast<long>(e.off) + 30 + u16(lh + 26) + u16(lh + 28);
    if (pos + static_cast<long>(e.csize) > size) { err = path + ": " + e.name + ": cut short"; return false; }
    std::fseek(f.get(), pos, SEEK_SET);
    std::uint32_t left = e.csize;
    if (e.method == 0) {
      while (left) {
        const std::size_t n = std::fread(in.data(), 1, std::min<std::size_t>(left, in.size()), f.get());
        if (!n) { err = path + ": " + e.name + ": cannot be read"; return false; }
        chunk(e.name, std::string_view(reinterpret_cast<const char*>(in.data()), n));
        left -= static_cast<std::uint32_t>(n);
      }
    } else if (e.method == 8) {
      z_stream z{};
      if (inflateInit2(&z, -MAX_WBITS) != Z_OK) { err = path + ": inflate cannot start"; return false; }
      int rc = Z_OK;
      while (rc != Z_STREAM_END) {
        if (z.avail_in == 0) {
          if (!left) break;
          const std::size_t n = std::fread(in.data(), 1, std::min<std::size_t>(left, in.size()), f.get());
          if (!n) break;
          left -= static_cast<std::uint32_t>(n);
          z.next_in = in.data();
          z.avail_in = static_cast<uInt>(n);
        }
        z.next_out = out.data();
        z.avail_out = static_cast<uInt>(out.size());
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) break;
        const std::size_t got = out.size() - z.avail_out;
        if (got) chunk(e.name, std::string_view(reinterpret_cast<const char*>(out.data()), got));
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && !left) break;
      }
      inflateEnd(&z);
      if (rc != Z_STREAM_END) { err = path + ": " + e.name + ": compressed data is damaged or cut short"; return false; }
    } else {
      err = path + ": " + e.name + ": compression method " + std::to_string(e.method) + " is not supported";
      return false;
    }
    done(e.name);
  }
  return true;
}

}  // namespace vouch::cli
