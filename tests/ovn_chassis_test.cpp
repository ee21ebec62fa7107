// The chassis pipeline of the OVN model on a few ns-3 nodes: binding checks, RARP activation
// of a blocked additional chassis, the ARP responder, the L2 lookup with multi-chassis
// duplication, and flooding within a logical switch (live-migration-facts.md, "OVN
// multi-chassis binding").
#include "models/ovn_chassis.hpp"

#include <optional>
#include <string>
#include <vector>

#include <ns3/arp-header.h>
#include <ns3/arp-l3-protocol.h>
#include <ns3/ipv4-address.h>

#include <gtest/gtest.h>

#include "tests/logical_rows.hpp"
#include "tests/ovn_model_lab.hpp"

namespace lmlab {
namespace {

using std::chrono::microseconds;
using testing::FrameLog;
using testing::kRarpEtherType;
using testing::kClientIp;
using testing::kClientMac;
using testing::kDelivery;
using testing::kTestEtherType;
using testing::kVmIp;
using testing::kVmMac;
using testing::logical_switch;
using testing::send_frame;
using testing::vif_port;

ns3::Mac48Address mac(const char* text) { return ns3::Mac48Address(text); }

class ChassisPipeline : public ::testing::Test {
 protected:
  // The client's port on node-a and the VM's bound to `requested_chassis`.
  void lay_out(std::vector<std::string> requested_chassis,
               std::optional<std::string> activation_strategy = std::nullopt) {
    auto vm = vif_port("vm1", "ovn-default", kVmMac, kVmIp, std::move(requested_chassis));
    vm.activation_strategy = std::move(activation_strategy);
    lab.southbound.apply(
        NorthboundTransaction{}
            .add(logical_switch("ovn-default"))
            .add(vif_port("client", "ovn-default", kClientMac, kClientIp, {"node-a"}))
            .add(vm));
  }

  testing::OvnModelLab lab{{"node-a", "node-b"}};
};

TEST_F(ChassisPipeline, FrameFromTheVifOfAPortNotBoundHereIsDropped) {
  lay_out({"node-b"});
  const auto client = lab.add_pod(kClientMac, "node-a", "client");
  const auto vm = lab.add_pod(kVmMac, "node-a", "vm1");  // plugged where it is not bound
  FrameLog at_client(client);
  send_frame(vm, mac(kClientMac));
  lab.run_for(kDelivery);
  EXPECT_EQ(at_client.count(kTestEtherType), 0u);

  lab.southbound.apply(NorthboundTransaction{}.add(SetPortBinding{"vm1", {"node-a"}, std::nullopt}));
  send_frame(vm, mac(kClientMac));
  lab.run_for(kDelivery);
  EXPECT_EQ(at_client.count(kTestEtherType), 1u);
}

TEST_F(ChassisPipeline, RarpOnABlockedAdditionalChassisUnblocksThePortAfterTheActivationDelay) {
  lay_out({"node-a", "node-b"}, "rarp");
  const auto client = lab.add_pod(kClientMac, "node-a", "client");
  const auto target = lab.add_pod(kVmMac, "node-b", "vm1");
  FrameLog at_client(client);
  send_frame(target, mac(kClientMac));
  lab.run_for(kDelivery);
  EXPECT_EQ(at_client.count(kTestEtherType), 0u) << "blocked awaiting RARP";

  // The chassis looks at the EtherType only: any payload stands for QEMU's RARP.
  const Time rarp_sent = lab.clock.now();
  send_frame(target, ns3::Mac48Address::GetBroadcast(), kRarpEtherType);
  const Time activation = lab.cluster.control_plane.activation;
  lab.run_for(activation - microseconds(1));
  EXPECT_TRUE(lab.southbound.awaits_rarp("vm1", "node-b"));
  lab.run_for(microseconds(2));
  EXPECT_FALSE(lab.southbound.awaits_rarp("vm1", "node-b"));
  const auto& activated = lab.log.events().back();
  EXPECT_EQ(activated.phase, Phase::binding_active);
  EXPECT_EQ(activated.node, "node-b");
  EXPECT_EQ(activated.detail, "activated by RARP");
  EXPECT_GE(activated.time, rarp_sent + activation);
  EXPECT_LT(activated.time, rarp_sent + activation + microseconds(1));
  EXPECT_EQ(at_client.count(kRarpEtherType), 0u) << "the RARP goes to ovn-controller only";

  send_frame(target, mac(kClientMac));
  lab.run_for(kDelivery);
  EXPECT_EQ(at_client.count(kTestEtherType), 1u);
}

ns3::Ptr<ns3::Packet> arp_request(const char* sender_mac, const char* sender_ip,
                                  const char* target_ip) {
  ns3::ArpHeader request;
  request.SetRequest(mac(sender_mac), ns3::Ipv4Address(sender_ip),
                     ns3::Mac48Address::GetBroadcast(), ns3::Ipv4Address(target_ip));
  auto packet = ns3::Create<ns3::Packet>();
  packet->AddHeader(request);
  return packet;
}

TEST_F(ChassisPipeline, ArpRequestForAKnownAddressIsAnsweredByTheChassis) {
  lay_out({"node-b"});
  const auto client = lab.add_pod(kClientMac, "node-a", "client");
  const auto vm = lab.add_pod(kVmMac, "node-b", "vm1");
  FrameLog at_client(client);
  FrameLog at_vm(vm);
  client->Send(arp_request(kClientMac, kClientIp, kVmIp), ns3::Mac48Address::GetBroadcast(),
               ns3::ArpL3Protocol::PROT_NUMBER);
  lab.run_for(kDelivery);

  ASSERT_EQ(at_client.frames().size(), 1u);
  const auto& answer = at_client.frames()[0];
  EXPECT_EQ(answer.ether_type, ns3::ArpL3Protocol::PROT_NUMBER);
  EXPECT_EQ(answer.source, mac(kVmMac));
  EXPECT_EQ(answer.destination, mac(kClientMac));
  ns3::ArpHeader reply;
  answer.packet->RemoveHeader(reply);
  EXPECT_TRUE(reply.IsReply());
  EXPECT_EQ(ns3::Mac48Address::ConvertFrom(reply.GetSourceHardwareAddress()), mac(kVmMac));
  EXPECT_EQ(reply.GetSourceIpv4Address(), ns3::Ipv4Address(kVmIp));
  EXPECT_EQ(ns3::Mac48Address::ConvertFrom(reply.GetDestinationHardwareAddress()),
            mac(kClientMac));
  EXPECT_EQ(reply.GetDestinationIpv4Address(), ns3::Ipv4Address(kClientIp));
  EXPECT_TRUE(at_vm.frames().empty()) << "an answered request is not flooded";
}

TEST_F(ChassisPipeline, ArpRequestForAnUnknownAddressIsFlooded) {
  lay_out({"node-b"});
  const auto client = lab.add_pod(kClientMac, "node-a", "client");
  FrameLog at_vm(lab.add_pod(kVmMac, "node-b", "vm1"));
  FrameLog at_client(client);
  client->Send(arp_request(kClientMac, kClientIp, "10.16.0.99"),
               ns3::Mac48Address::GetBroadcast(), ns3::ArpL3Protocol::PROT_NUMBER);
  lab.run_for(kDelivery);
  EXPECT_EQ(at_vm.count(ns3::ArpL3Protocol::PROT_NUMBER), 1u);
  EXPECT_TRUE(at_client.frames().empty());
}

TEST_F(ChassisPipeline, UnicastToAPortBoundOnTwoChassisReachesBoth) {
  lay_out({"node-a", "node-b"});
  const auto client = lab.add_pod(kClientMac, "node-a", "client");
  // The source's and the target's tap of one VM, both plugged in as its port.
  FrameLog at_source(lab.add_pod(kVmMac, "node-a", "vm1"));
  FrameLog at_target(lab.add_pod(kVmMac, "node-b", "vm1"));
  send_frame(client, mac(kVmMac));
  lab.run_for(kDelivery);
  EXPECT_EQ(at_source.count(kTestEtherType), 1u);
  EXPECT_EQ(at_target.count(kTestEtherType), 1u);
}

TEST_F(ChassisPipeline, UnicastToAPortAwaitingRarpOnTheTargetReachesTheSourceOnly) {
  lay_out({"node-a", "node-b"}, "rarp");
  const auto client = lab.add_pod(kClientMac, "node-a", "client");
  FrameLog at_source(lab.add_pod(kVmMac, "node-a", "vm1"));
  FrameLog at_target(lab.add_pod(kVmMac, "node-b", "vm1"));
  send_frame(client, mac(kVmMac));
  lab.run_for(kDelivery);
  EXPECT_EQ(at_source.count(kTestEtherType), 1u);
  EXPECT_EQ(at_target.count(kTestEtherType), 0u);
}

TEST_F(ChassisPipeline, BroadcastStaysWithinTheLogicalSwitch) {
  lab.southbound.apply(
      NorthboundTransaction{}
          .add(logical_switch("ls-blue"))
          .add(logical_switch("ls-red"))
          .add(vif_port("blue-sender", "ls-blue", "0a:58:0a:10:00:01", "10.16.0.1", {"node-a"}))
          .add(vif_port("blue-local", "ls-blue", "0a:58:0a:10:00:02", "10.16.0.2", {"node-a"}))
          .add(vif_port("blue-remote", "ls-blue", "0a:58:0a:10:00:03", "10.16.0.3", {"node-b"}))
          .add(vif_port("red-local", "ls-red", "0a:58:0a:11:00:02", "10.17.0.2", {"node-a"}))
          .add(vif_port("red-remote", "ls-red", "0a:58:0a:11:00:03", "10.17.0.3", {"node-b"})));
  const auto sender = lab.add_pod("0a:58:0a:10:00:01", "node-a", "blue-sender");
  FrameLog at_sender(sender);
  FrameLog at_blue_local(lab.add_pod("0a:58:0a:10:00:02", "node-a", "blue-local"));
  FrameLog at_blue_remote(lab.add_pod("0a:58:0a:10:00:03", "node-b", "blue-remote"));
  FrameLog at_red_local(lab.add_pod("0a:58:0a:11:00:02", "node-a", "red-local"));
  FrameLog at_red_remote(lab.add_pod("0a:58:0a:11:00:03", "node-b", "red-remote"));
  send_frame(sender, ns3::Mac48Address::GetBroadcast());
  lab.run_for(kDelivery);
  EXPECT_EQ(at_blue_local.count(kTestEtherType), 1u);
  EXPECT_EQ(at_blue_remote.count(kTestEtherType), 1u);
  EXPECT_EQ(at_red_local.count(kTestEtherType), 0u);
  EXPECT_EQ(at_red_remote.count(kTestEtherType), 0u);
  EXPECT_EQ(at_sender.count(kTestEtherType), 0u) << "not sent back where it came from";
}

}  // namespace
}  // namespace lmlab
