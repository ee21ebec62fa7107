// A run of many VMs (a node drain) on one page: how the downtime spread over the VMs, and
// every VM's figures in one table, so the page stays readable and small; the VMs that fared
// worst are drawn in full by the caller.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/core/result.hpp"

namespace lmlab {

// A VM's worst probe direction.
struct VmDowntime {
  std::string vm;
  std::optional<Time> downtime;  // nullopt: no probe measured it
  bool recovered = true;         // false: a probe's gap never closed
};

// The VMs, worst first: not recovered, then by downtime; those without a figure last.
std::vector<VmDowntime> rank_by_downtime(const Result& result, const std::vector<std::string>& vms);

// The distribution of the VMs' downtime (histogram and CDF) with its key figures in words.
std::string downtime_distribution_html(const Result& result, const std::vector<VmDowntime>& ranked);

// One row per VM: its downtime per direction, loss, and where the downtime went.
std::string vm_table_html(const Result& result, const std::vector<VmDowntime>& vms);

}  // namespace lmlab
