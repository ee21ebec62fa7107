// A guest's NIC and its VIFs, one per chassis that may run it, on one channel
// of their own. The NIC exchanges frames only with the VIFs attached to it, as
// a VM with the tap of the node it runs on; VIFs never hear each other.
// Attaching and detaching never touches the guest node, so its stack and TCP
// connections live through a migration (ns3-3.37-notes.md, "Moving a VM between
// chassis").
#pragma once

#include <ns3/mac48-address.h>
#include <ns3/node.h>
#include <ns3/simple-channel.h>
#include <ns3/simple-net-device.h>

#include <map>
#include <set>
#include <string>

#include "models/full_duplex_link.hpp"

namespace lmlab {

class GuestWire {
 public:
  // The NIC of `guest` with `mac` and `mtu`. A VIF is a tap or veth inside one host: fast
  // and without propagation delay.
  GuestWire(ns3::Ptr<ns3::Node> guest, ns3::Mac48Address mac, std::uint32_t mtu);

  ns3::Ptr<ns3::SimpleNetDevice> nic() const { return nic_; }
  // A new VIF on `chassis`, keyed by `node`, attached.
  ns3::Ptr<ns3::SimpleNetDevice> add_vif(const std::string& node, ns3::Ptr<ns3::Node> chassis);
  ns3::Ptr<ns3::SimpleNetDevice> vif(const std::string& node) const { return vifs_.at(node); }
  const std::map<std::string, ns3::Ptr<ns3::SimpleNetDevice>>& vifs() const { return vifs_; }

  // Frames queued at a detached end are lost, like frames sent to a tap nobody
  // reads. A new VIF starts attached.
  void attach(const std::string& node);
  void detach(const std::string& node);

 private:
  LinkSpec link_;
  ns3::Ptr<ns3::SimpleChannel> channel_;
  ns3::Ptr<ns3::SimpleNetDevice> nic_;
  std::map<std::string, ns3::Ptr<ns3::SimpleNetDevice>> vifs_;  // by node
  std::set<std::string> detached_;  // SimpleChannel keeps one block per call: never block twice
};

}  // namespace lmlab
