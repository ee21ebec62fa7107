#include "models/ns3_clock.hpp"

#include <ns3/simulator.h>

namespace lmlab {

Time Ns3Clock::now() const { return Time(ns3::Simulator::Now().GetNanoSeconds()); }

void Ns3Clock::schedule_at(Time at, std::function<void()> action) {
  const Time delay = at > now() ? at - now() : Time(0);
  ns3::Simulator::Schedule(ns3::NanoSeconds(delay.count()),
                           [action = std::move(action)] { action(); });
}

}  // namespace lmlab
