#include "crawler/cli/cli.h"

#include <iostream>

namespace hallyu {

int NotImplemented(const std::string& command) {
  std::cerr << "hallyu " << command << ": not implemented yet\n";
  return 2;
}

}  // namespace hallyu
