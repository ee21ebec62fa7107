#include "models/guest_wire.hpp"

namespace lmlab {

namespace {
constexpr std::uint64_t kVifRateBps = 10'000'000'000;
}  // namespace

GuestWire::GuestWire(ns3::Ptr<ns3::Node> guest, ns3::Mac48Address mac, std::uint32_t mtu)
    : link_{kVifRateBps, Time(0), mtu},
      channel_(new_channel(link_)),
      nic_(add_link_end(guest, channel_, link_, mac)) {}

ns3::Ptr<ns3::SimpleNetDevice> GuestWire::add_vif(const std::string& node,
                                                  ns3::Ptr<ns3::Node> chassis) {
  auto vif = add_link_end(chassis, channel_, link_, ns3::Mac48Address::Allocate());
  for (const auto& [other_node, other] : vifs_) {
    channel_->BlackList(vif, other);
    channel_->BlackList(other, vif);
  }
  vifs_[node] = vif;
  return vif;
}

void GuestWire::attach(const std::string& node) {
  const auto vif = vifs_.at(node);
  if (detached_.erase(node) == 0) return;
  channel_->UnBlackList(nic_, vif);
  channel_->UnBlackList(vif, nic_);
}

void GuestWire::detach(const std::string& node) {
  const auto vif = vifs_.at(node);
  if (!detached_.insert(node).second) return;
  channel_->BlackList(nic_, vif);
  channel_->BlackList(vif, nic_);
}

}  // namespace lmlab
