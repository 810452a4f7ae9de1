#include "backcare/store/files.hpp"

#include "backcare/core/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace backcare {
namespace {

namespace fs = std::filesystem;

// The temporary file being written, for the signal handler: a fixed buffer
// because a handler may not allocate.
std::array<char, PATH_MAX> g_temp_path{};
volatile std::sig_atomic_t g_has_temp = 0;

extern "C" void remove_temp_and_reraise(int signal_number)
{
  if (g_has_temp) {
    ::unlink(g_temp_path.data());
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Ctrl-C, SIGTERM or a closed terminal while an output is half written
// removes the temporary, then ends the program as the signal would have.
void watch_temp(const std::string& path)
{
  static const bool installed = [] {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction action {};
      struct sigaction previous {};
      ::sigaction(signal_number, nullptr, &previous);
      if (previous.sa_handler == SIG_IGN) {
        continue; // keep ignoring what the caller (nohup) ignores
      }
      action.sa_handler = remove_temp_and_reraise;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal_number, &action, nullptr);
    }
    return true;
  }();
  (void)installed;
  g_has_temp = 0;
  if (path.size() < g_temp_path.size()) {
    std::memcpy(g_temp_path.data(), path.c_str(), path.size() + 1);
    g_has_temp = 1;
  }
}

void forget_temp()
{
  g_has_temp = 0;
}

bool has_sqlite_header(const std::string& path)
{
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return false;
  }
  struct stat st {};
  std::array<char, 16> header{};
  const bool is_database = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)
                           && ::read(fd, header.data(), header.size()) == static_cast<ssize_t>(header.size())
                           && std::memcmp(header.data(), "SQLite format 3", header.size()) == 0;
  ::close(fd);
  return is_database;
}

// The mode of a new file: as the umask allows, but never writable by group
// or others (exports hold health data; umask 000 must not make them 0666).
mode_t new_file_mode()
{
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~(mask | 022);
}

} // namespace

bool is_standard_stream(std::string_view path)
{
  return path == "-";
}

bool is_database_file(const std::string& path)
{
  if (has_sqlite_header(path)) {
    return true;
  }
  for (std::string_view suffix : {"-wal", "-shm", "-journal"}) {
    if (path.ends_with(suffix) && has_sqlite_header(path.substr(0, path.size() - suffix.size()))) {
      return true;
    }
  }
  return false;
}

Output::Output(std::string path)
  : m_path(is_standard_stream(path) ? std::string() : std::move(path))
{
  if (m_path.empty()) {
    m_file = stdout;
    return;
  }
  if (is_database_file(m_path)) {
    throw Error(ExitCode::cant_create,
                fmt::format("cannot write {}: it is a database (a backcare log?); choose another file", m_path));
  }
  struct stat st {};
  if (::stat(m_path.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      fail(errno);
    }
    open_temporary(m_path, new_file_mode());
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    fail(EISDIR);
  }
  if (!S_ISREG(st.st_mode)) {
    // A terminal, /dev/null or a FIFO: renaming over it would replace the
    // device node with a regular file.
    m_kind = Kind::direct;
    const int fd = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0 || !(m_file = ::fdopen(fd, "w"))) {
      const int error = errno;
      if (fd >= 0) {
        ::close(fd);
      }
      fail(error);
    }
    return;
  }
  std::error_code ec;
  const fs::path real = fs::canonical(m_path, ec); // a symbolic link stays a link
  if (ec) {
    fail(ec.value());
  }
  open_temporary(real.string(), st.st_mode & 07777);
  // Renaming would cut a hard link: copy the finished text into the file.
  m_kind = st.st_nlink > 1 ? Kind::copy_into : Kind::replace;
  if (::fchown(::fileno(m_file), st.st_uid, st.st_gid) != 0) {
    // Only root may give a file away; everyone else keeps their own files.
  }
}

void Output::open_temporary(const std::string& target, mode_t mode)
{
  m_kind = Kind::replace;
  m_target = target;
  const fs::path path(target);
  const fs::path folder = path.parent_path().empty() ? "." : path.parent_path();
  m_temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(m_temp.data());
  if (fd < 0) {
    const int error = errno;
    m_temp.clear();
    fail(error);
  }
  watch_temp(m_temp);
  ::fchmod(fd, mode);
  m_file = ::fdopen(fd, "w");
  if (!m_file) {
    const int error = errno;
    ::close(fd);
    fail(error);
  }
}

Output::~Output()
{
  if (m_file && m_kind == Kind::direct) {
    std::fclose(m_file);
  }
  if (!m_temp.empty()) {
    if (m_file) {
      std::fclose(m_file);
    }
    ::unlink(m_temp.c_str());
    forget_temp();
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
  if (m_kind == Kind::standard_output) {
    if (std::fflush(m_file) != 0) {
      fail(errno);
    }
    return;
  }
  if (m_kind == Kind::direct) {
    const bool flushed = std::fflush(m_file) == 0;
    const int error = errno;
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!flushed || !closed) {
      fail(flushed ? errno : error);
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
  if (m_kind == Kind::copy_into) {
    std::error_code ec;
    fs::copy_file(m_temp, m_target, fs::copy_options::overwrite_existing, ec);
    if (ec) {
      fail(ec.value());
    }
    ::unlink(m_temp.c_str());
  } else if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) {
    fail(errno);
  }
  m_temp.clear();
  forget_temp();
}

void write_output(const std::string& path, std::string_view content)
{
  Output output(path);
  output.write(content);
  output.commit();
}

namespace {

// Opens `path` for reading ("-" is standard input, not closed by the
// caller's ::close: a duplicate), or throws the no_input Error that names it.
int open_for_reading(const std::string& path, std::string_view option)
{
  const int fd = is_standard_stream(path) ? ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0)
                                          : ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  struct stat st {};
  if (fd >= 0 && ::fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode)) {
    return fd;
  }
  const int error = fd < 0 ? errno : EISDIR;
  if (fd >= 0) {
    ::close(fd);
  }
  throw Error(ExitCode::no_input, fmt::format("{}: cannot read {}: {}", option, path,
                                              error == ENOENT   ? "no such file"
                                              : error == EISDIR ? "it is a folder"
                                                                : std::strerror(error)));
}

} // namespace

namespace {

// An input stream over a file descriptor, which it closes: standard input
// has no std::ifstream, and one kind of stream serves files and "-" alike.
class DescriptorStream : public std::istream {
public:
  explicit DescriptorStream(int fd)
    : std::istream(nullptr)
    , m_buffer(fd)
  {
    rdbuf(&m_buffer);
  }

private:
  class Buffer : public std::streambuf {
  public:
    explicit Buffer(int fd)
      : m_fd(fd)
    {
    }
    ~Buffer() override { ::close(m_fd); }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

  protected:
    int_type underflow() override
    {
      ssize_t got = 0;
      do {
        got = ::read(m_fd, m_block.data(), m_block.size());
      } while (got < 0 && errno == EINTR);
      if (got <= 0) {
        return traits_type::eof();
      }
      setg(m_block.data(), m_block.data(), m_block.data() + got);
      return traits_type::to_int_type(m_block[0]);
    }

  private:
    int m_fd;
    std::array<char, 65536> m_block{};
  };

  Buffer m_buffer;
};

} // namespace

std::unique_ptr<std::istream> open_input_file(const std::string& path, std::string_view option)
{
  return std::make_unique<DescriptorStream>(open_for_reading(path, option));
}

std::string read_input_file(const std::string& path, std::string_view option, std::size_t limit)
{
  const int fd = open_for_reading(path, option);
  // Read in blocks up to the limit: a device or FIFO has no size to trust.
  std::string text;
  std::array<char, 65536> block{};
  for (;;) {
    const ssize_t got = ::read(fd, block.data(), block.size());
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      throw Error(ExitCode::no_input, fmt::format("{}: cannot read {}: {}", option, path, std::strerror(error)));
    }
    if (got == 0) {
      break;
    }
    if (text.size() + static_cast<std::size_t>(got) > limit) {
      ::close(fd);
      throw Error(ExitCode::data,
                  fmt::format("{}: {} is larger than {} MiB; nothing was read", option, path, limit >> 20));
    }
    text.append(block.data(), static_cast<std::size_t>(got));
  }
  ::close(fd);
  return text;
}

} // namespace backcare
