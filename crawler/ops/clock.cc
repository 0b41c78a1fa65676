#include "crawler/ops/clock.h"

namespace hallyu {

SteadyClock* SteadyClock::Default() {
  static SteadyClock clock;
  return &clock;
}

}  // namespace hallyu
