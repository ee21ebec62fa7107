#include "models/underlay_mesh.hpp"

#include "models/full_duplex_link.hpp"

namespace lmlab {

void join_chassis_pairwise(const std::vector<OvnChassis*>& chassis, const ClusterSpec& cluster) {
  // Room for a guest frame plus the encapsulation (ovn-lab trap: oversized frames vanish).
  const LinkSpec link{cluster.underlay.rate_bps, cluster.underlay.latency,
                      cluster.network.mtu + cluster.underlay.tunnel_overhead_bytes};
  for (auto a = chassis.begin(); a != chassis.end(); ++a) {
    for (auto b = std::next(a); b != chassis.end(); ++b) {
      const auto channel = new_channel(link);
      const auto end_a = add_link_end((*a)->node(), channel, link, ns3::Mac48Address::Allocate());
      const auto end_b = add_link_end((*b)->node(), channel, link, ns3::Mac48Address::Allocate());
      (*a)->add_tunnel(**b, end_a, end_b);
      (*b)->add_tunnel(**a, end_b, end_a);
    }
  }
}

}  // namespace lmlab
