#include "backcare/files.hpp"

#include "backcare/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace backcare {

Output::Output(std::string path)
  : m_path(std::move(path))
{
  if (m_path.empty()) {
    m_file = stdout;
    return;
  }
  const std::filesystem::path target(m_path);
  std::error_code ec;
  if (std::filesystem::is_directory(target, ec)) {
    fail(EISDIR);
  }
  const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  m_temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(m_temp.data());
  if (fd < 0) {
    const int error = errno;
    m_temp.clear();
    fail(error);
  }
  // mkstemp makes the file 0600; give it the mode a new file would get.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  m_file = ::fdopen(fd, "w");
  if (!m_file) {
    const int error = errno;
    ::close(fd);
    fail(error);
  }
}

Output::~Output()
{
  if (!m_temp.empty()) {
    if (m_file) {
      std::fclose(m_file);
    }
    ::unlink(m_temp.c_str());
  }
}

void Output::fail(int error)
{
  if (m_path.empty()) {
    throw Error(ExitCode::io, fmt::format("cannot write to standard output: {}", std::strerror(error)));
  }
  throw Error(ExitCode::cant_create, fmt::format("cannot write {}: {}", m_path, std::strerror(error)));
}

void Output::write(std::string_view text)
{
  if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size()) {
    fail(errno);
  }
}

void Output::commit()
{
  if (m_temp.empty()) {
    if (std::fflush(m_file) != 0) {
      fail(errno);
    }
    return;
  }
  const bool flushed = std::fflush(m_file) == 0 && ::fsync(::fileno(m_file)) == 0;
  const int error = errno;
  const bool closed = std::fclose(m_file) == 0;
  m_file = nullptr;
  if (!flushed || !closed) {
    fail(flushed ? errno : error);
  }
  if (std::rename(m_temp.c_str(), m_path.c_str()) != 0) {
    fail(errno);
  }
  m_temp.clear();
}

void write_output(const std::string& path, std::string_view content)
{
  Output output(path);
  output.write(content);
  output.commit();
}

std::string read_input_file(const std::string& path, std::string_view option)
{
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) {
    const int error = errno;
    const bool missing = !std::filesystem::exists(path, ec) && !ec;
    throw Error(ExitCode::no_input, fmt::format("{}: cannot read {}: {}", option, path,
                                                missing ? "no such file"
                                                : in    ? "it is a folder"
                                                        : std::strerror(error)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace backcare
