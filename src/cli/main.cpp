#include "app.hpp"

int main(int argc, char** argv)
{
  return backcare::cli::run(argc, argv);
}
