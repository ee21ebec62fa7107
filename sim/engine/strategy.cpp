#include "sim/engine/strategy.hpp"

#include "sim/engine/strategies/kube_ovn_strategy.hpp"
#include "sim/engine/strategies/naive_strategy.hpp"

namespace lmlab {

std::unique_ptr<Strategy> make_strategy(StrategyKind kind) {
  switch (kind) {
    case StrategyKind::kube_ovn: return std::make_unique<KubeOvnStrategy>();
    case StrategyKind::naive: return std::make_unique<NaiveStrategy>();
  }
  return nullptr;
}

}  // namespace lmlab
