#pragma once

// File input and output that never leaves a half-written file behind.

#include <cstdio>
#include <string>
#include <string_view>

namespace backcare {

// Writes to stdout, or to a file through a temporary in the same folder
// that commit() renames into place. Without commit() (on an error), the
// temporary is removed and the target is untouched. Failures are
// Error(ExitCode::cant_create) naming the path.
class Output {
public:
  explicit Output(std::string path); // empty path: stdout
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view text);
  void commit();

private:
  [[noreturn]] void fail(int error);

  std::string m_path;
  std::string m_temp;
  std::FILE* m_file = nullptr;
};

// Output of one string, committed.
void write_output(const std::string& path, std::string_view content);

// The whole content of a file; Error(ExitCode::no_input) naming `option`
// and the path when it does not exist or cannot be read.
std::string read_input_file(const std::string& path, std::string_view option);

} // namespace backcare
