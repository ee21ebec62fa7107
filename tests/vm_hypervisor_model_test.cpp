// KubeVirt and QEMU as the ns-3 model carries them out, on a few ns-3 nodes: pausing cuts the
// VM off, resuming attaches the target's VIF, the announce is QEMU's RARP
// (live-migration-facts.md) and a prepared target is plugged into its chassis as the port.
#include "models/vm_hypervisor_model.hpp"

#include <map>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "tests/logical_rows.hpp"
#include "tests/ovn_model_lab.hpp"

namespace lmlab {
namespace {

using testing::FrameLog;
using testing::kClientMac;
using testing::kDelivery;
using testing::kRarpEtherType;
using testing::kTestEtherType;
using testing::kVmMac;
using testing::logical_switch;
using testing::send_frame;
using testing::vif_port;

constexpr std::size_t kMinimumEthernetPayload = 46;

class HypervisorModel : public ::testing::Test {
 protected:
  // A client on node-a and, on the same switch, the VM's ports as given.
  void lay_out(std::vector<LogicalSwitchPort> vm_ports) {
    NorthboundTransaction transaction;
    transaction.add(logical_switch("ovn-default"))
        .add(vif_port("client", "ovn-default", kClientMac, "10.16.0.100", {"node-a"}));
    for (auto& port : vm_ports) transaction.add(std::move(port));
    lab.southbound.apply(transaction);
    client = lab.add_pod(kClientMac, "node-a", "client");
  }
  // vm1 running on node-a as `port`, with a VIF on node-a and node-b.
  void start_vm(const std::string& port) {
    auto guest = lab.add_guest(kVmMac, {"node-a", "node-b"});
    guest.node = "node-a";
    nic = guest.wire.nic();
    vifs = guest.wire.vifs();
    hypervisor.add_guest("vm1", std::move(guest), port);
  }
  // The VM moved to node-b as `target_port`, as the engine drives a migration.
  void migrate_to_node_b(const std::string& target_port) {
    hypervisor.prepare_target("vm1", "node-b", target_port);
    hypervisor.pause("vm1");
    hypervisor.resume("vm1", "node-b");
  }

  testing::OvnModelLab lab{{"node-a", "node-b"}};
  VmHypervisorModel hypervisor;
  ns3::Ptr<ns3::NetDevice> client;
  ns3::Ptr<ns3::NetDevice> nic;
  std::map<std::string, ns3::Ptr<ns3::SimpleNetDevice>> vifs;  // by chassis
};

LogicalSwitchPort vm_port(const std::string& name, std::vector<std::string> requested_chassis) {
  return vif_port(name, "ovn-default", kVmMac, "10.16.0.10", std::move(requested_chassis));
}

TEST_F(HypervisorModel, PauseCutsTheVmOffInBothDirections) {
  lay_out({vm_port("vm1", {"node-a"})});
  start_vm("vm1");
  FrameLog at_vm(nic);
  FrameLog at_client(client);
  const auto exchange = [&] {
    send_frame(client, ns3::Mac48Address(kVmMac));
    send_frame(nic, ns3::Mac48Address(kClientMac));
    lab.run_for(kDelivery);
  };
  exchange();
  ASSERT_EQ(at_vm.count(kTestEtherType), 1u);
  ASSERT_EQ(at_client.count(kTestEtherType), 1u);

  hypervisor.pause("vm1");
  EXPECT_TRUE(hypervisor.is_paused("vm1"));
  exchange();
  EXPECT_EQ(at_vm.count(kTestEtherType), 1u) << "a paused VM received a frame";
  EXPECT_EQ(at_client.count(kTestEtherType), 1u) << "a paused VM sent a frame";
}

TEST_F(HypervisorModel, ResumeOnANodeWithoutAPreparedDomainIsALogicError) {
  lay_out({vm_port("vm1", {"node-a"})});
  start_vm("vm1");
  hypervisor.pause("vm1");
  EXPECT_THROW(hypervisor.resume("vm1", "node-b"), std::logic_error);
  EXPECT_NO_THROW(hypervisor.resume("vm1", "node-a"));  // its own domain: a rollback
}

TEST_F(HypervisorModel, ResumeAttachesTheTargetVifInsteadOfTheSourceOne) {
  lay_out({vm_port("vm1", {"node-a", "node-b"})});  // forwards on both: only the VIF decides
  start_vm("vm1");
  FrameLog at_vm(nic);
  FrameLog at_source_vif(vifs.at("node-a"));
  FrameLog at_target_vif(vifs.at("node-b"));
  migrate_to_node_b("vm1");
  EXPECT_FALSE(hypervisor.is_paused("vm1"));
  send_frame(nic, ns3::Mac48Address(kClientMac));
  send_frame(client, ns3::Mac48Address(kVmMac));  // duplicated to both chassis
  lab.run_for(kDelivery);
  EXPECT_EQ(at_target_vif.count(kTestEtherType), 1u);
  EXPECT_EQ(at_source_vif.count(kTestEtherType), 0u);
  EXPECT_EQ(at_vm.count(kTestEtherType), 1u) << "only the target's copy reaches the VM";
}

TEST_F(HypervisorModel, AnnounceSendsOneRarpFromTheVmNic) {
  lay_out({vm_port("vm1", {"node-a"})});
  start_vm("vm1");
  FrameLog at_vif(vifs.at("node-a"));
  hypervisor.announce("vm1");
  lab.run_for(kDelivery);

  ASSERT_EQ(at_vif.frames().size(), 1u);
  const auto& rarp = at_vif.frames()[0];
  EXPECT_EQ(rarp.ether_type, kRarpEtherType);
  EXPECT_EQ(rarp.source, ns3::Mac48Address(kVmMac));
  EXPECT_TRUE(rarp.destination.IsBroadcast());
  std::vector<std::uint8_t> body(rarp.packet->GetSize());
  rarp.packet->CopyData(body.data(), body.size());
  const std::vector<std::uint8_t> vm_mac{0x0a, 0x58, 0x0a, 0x10, 0x00, 0x0a};
  const std::vector<std::uint8_t> no_ip{0, 0, 0, 0};
  const std::vector<std::uint8_t> expected = [&] {
    std::vector<std::uint8_t> bytes{0x00, 0x01,  // Ethernet
                                    0x08, 0x00,  // IPv4
                                    6,    4,     // address lengths
                                    0x00, 0x03};  // request reverse
    for (const auto* part : {&vm_mac, &no_ip, &vm_mac, &no_ip})
      bytes.insert(bytes.end(), part->begin(), part->end());
    bytes.resize(kMinimumEthernetPayload);  // zero padding: a 60-byte frame, as QEMU's
    return bytes;
  }();
  EXPECT_EQ(body, expected);  // sender = target = the VM's MAC, IPs 0.0.0.0
}

TEST_F(HypervisorModel, PreparedTargetIsPluggedIntoItsChassisAsTheGivenPort) {
  // OVN-Kubernetes: the target pod has a port of its own, bound on the target node only.
  lay_out({vm_port("vm1-source", {"node-a"}), vm_port("vm1-target", {"node-b"})});
  start_vm("vm1-source");
  FrameLog at_client(client);
  migrate_to_node_b("vm1-target");
  // node-b forwards the VM's frame only if its VIF is plugged in there as vm1-target.
  send_frame(nic, ns3::Mac48Address(kClientMac));
  lab.run_for(kDelivery);
  EXPECT_EQ(at_client.count(kTestEtherType), 1u);
}

}  // namespace
}  // namespace lmlab
