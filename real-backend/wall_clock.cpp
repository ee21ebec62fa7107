#include "real-backend/wall_clock.hpp"

#include <memory>

#include <asio/steady_timer.hpp>

namespace lmlab::real {

void WallClock::schedule_at(Time at, std::function<void()> action) {
  auto timer = std::make_shared<asio::steady_timer>(io_, epoch_.steady_at(at));
  timer->async_wait([timer, action = std::move(action)](const asio::error_code& error) {
    if (!error) action();
  });
}

}  // namespace lmlab::real
