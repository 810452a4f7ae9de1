#include "backcare/files.hpp"

#include "backcare/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace backcare {
namespace {

[[noreturn]] void cannot_create(const std::string& path, int error)
{
  throw Error(ExitCode::cant_create, fmt::format("cannot write {}: {}", path, std::strerror(error)));
}

bool write_all(int fd, const std::string& content)
{
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

} // namespace

void write_file_atomically(const std::string& path, const std::string& content)
{
  const std::filesystem::path target(path);
  if (std::filesystem::is_directory(target)) {
    cannot_create(path, EISDIR);
  }
  std::string temp = (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
  if (target.parent_path().empty()) {
    temp = "." + target.filename().string() + ".XXXXXX";
  }
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    cannot_create(path, errno);
  }
  // mkstemp creates 0600; give the file the usual mode for a new file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  const bool written = write_all(fd, content) && ::fsync(fd) == 0;
  const int write_error = errno;
  if (::close(fd) != 0 || !written) {
    ::unlink(temp.c_str());
    cannot_create(path, written ? errno : write_error);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int rename_error = errno;
    ::unlink(temp.c_str());
    cannot_create(path, rename_error);
  }
}

} // namespace backcare
