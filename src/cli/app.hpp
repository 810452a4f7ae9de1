#pragma once

namespace backcare::cli {

// The whole program: parses argv, runs the subcommand and maps every error
// to its exit code. Returns the process exit status.
int run(int argc, char** argv);

} // namespace backcare::cli
