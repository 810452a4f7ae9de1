#pragma once

// The one error model of backcare: every failure that reaches the user is an
// Error carrying the exit code it maps to. Core and store throw it at their
// edge; main() catches it once, prints "backcare: error: <message>" and exits.

#include <stdexcept>
#include <string>

namespace backcare {

// Exit codes from docs/contract.md (names follow sysexits.h).
enum class ExitCode : int {
  ok = 0,
  seek_care = 3,
  usage = 64,
  data = 65,
  no_input = 66,
  cant_create = 73,
  io = 74,
  config = 78,
};

class Error : public std::runtime_error {
public:
  Error(ExitCode code, const std::string& message)
    : std::runtime_error(message)
    , m_code(code)
  {
  }

  ExitCode code() const { return m_code; }

private:
  ExitCode m_code;
};

// Shorthand for the most common kind: a bad value on the command line.
inline Error usage_error(const std::string& message)
{
  return Error(ExitCode::usage, message);
}

} // namespace backcare
