#include "models/full_duplex_link.hpp"

#include <ns3/data-rate.h>
#include <ns3/nstime.h>
#include <ns3/queue-size.h>
#include <ns3/queue.h>

namespace lmlab {

namespace {
// Linux's default txqueuelen for Ethernet devices and the tap QEMU uses.
constexpr std::uint32_t kTransmitQueuePackets = 1000;
}  // namespace

ns3::Ptr<ns3::SimpleChannel> new_channel(const LinkSpec& link) {
  auto channel = ns3::CreateObject<ns3::SimpleChannel>();
  channel->SetAttribute("Delay", ns3::TimeValue(ns3::NanoSeconds(link.delay.count())));
  return channel;
}

ns3::Ptr<ns3::SimpleNetDevice> add_link_end(ns3::Ptr<ns3::Node> node,
                                            ns3::Ptr<ns3::SimpleChannel> channel,
                                            const LinkSpec& link, ns3::Mac48Address mac) {
  auto end = ns3::CreateObject<ns3::SimpleNetDevice>();
  end->SetAttribute("DataRate", ns3::DataRateValue(ns3::DataRate(link.rate_bps)));
  end->GetQueue()->SetMaxSize(ns3::QueueSize(ns3::QueueSizeUnit::PACKETS, kTransmitQueuePackets));
  end->SetAddress(mac);
  end->SetMtu(static_cast<std::uint16_t>(link.mtu));
  node->AddDevice(end);
  end->SetChannel(channel);
  return end;
}

}  // namespace lmlab
