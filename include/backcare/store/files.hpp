#pragma once

// File input and output that never leaves a half-written file behind.

#include <cstdio>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace backcare {

// True for the path "-": standard input for an input file, standard output
// for an --output (as hledger, restic and pandoc read it).
bool is_standard_stream(std::string_view path);

// Writes to stdout (an empty path or "-"), or to a file. A regular file (new or existing) is
// written through a temporary in the same folder that commit() renames into
// place: without commit() (on an error, Ctrl-C or SIGTERM) the temporary is
// removed and the target is untouched. An existing file keeps its mode and
// its hard links; a symbolic link is kept and its target replaced. Anything
// that is not a regular file (a terminal, /dev/null, a FIFO) is written
// directly. A new file is never writable by group or others. An SQLite
// database (a backcare log) and its -wal, -shm and -journal files are
// refused. Failures are Error(ExitCode::cant_create) naming the path.
class Output {
public:
  explicit Output(std::string path); // empty path or "-": stdout
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view text);
  void commit();

private:
  enum class Kind { standard_output, direct, replace, copy_into };

  [[noreturn]] void fail(int error);
  void open_temporary(const std::string& target, mode_t mode);

  std::string m_path;
  std::string m_target; // the regular file replaced or copied into
  std::string m_temp;
  Kind m_kind = Kind::standard_output;
  std::FILE* m_file = nullptr;
};

// Output of one string, committed.
void write_output(const std::string& path, std::string_view content);

// True when `path` is an SQLite database (by its header) or the -wal, -shm
// or -journal file of one: a file no export may overwrite.
bool is_database_file(const std::string& path);

// A file opened for streaming, or standard input for "-";
// Error(ExitCode::no_input) naming `option` and the path when it does not
// exist, is a folder or cannot be read.
std::unique_ptr<std::istream> open_input_file(const std::string& path, std::string_view option);

// The whole content of a file, or of standard input for "-"; Error(ExitCode::no_input) naming `option`
// and the path when it does not exist or cannot be read. Files larger than
// `limit` bytes (a device such as /dev/zero never ends) are
// Error(ExitCode::data).
std::string read_input_file(const std::string& path, std::string_view option,
                            std::size_t limit = std::size_t{64} << 20);

} // namespace backcare
