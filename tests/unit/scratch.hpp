#pragma once

// A folder of its own for each test, as ccache's TestContext: made under the
// temporary directory ($TMPDIR) with a unique name in the constructor, and
// removed with everything in it in the destructor. Tests never use a fixed
// path, so parallel runs (ctest -j, two worktrees) never see each other's
// files, and a failed run leaves nothing that breaks the next one.

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

class ScratchFolder {
public:
  ScratchFolder()
  {
    std::string pattern = (std::filesystem::temp_directory_path() / "backcare-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "cannot make a scratch folder " + pattern);
    }
    m_path = pattern;
  }

  ~ScratchFolder()
  {
    std::error_code ignored; // a destructor must not throw; the folder is in $TMPDIR anyway
    std::filesystem::remove_all(m_path, ignored);
  }

  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return m_path; }

  // A path inside the folder (which need not exist yet).
  std::filesystem::path operator/(const std::filesystem::path& name) const { return m_path / name; }

private:
  std::filesystem::path m_path;
};
