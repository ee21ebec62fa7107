// Holds a UDP probe port open on the receiving end. Arrivals are read from a capture, so the
// socket queues nothing; it exists so the kernel accepts the probes instead of answering
// each with an ICMP port unreachable.
#pragma once

#include <string>

#include <asio.hpp>

namespace lmlab::real {

asio::ip::udp::socket open_udp_probe_port(asio::io_context& io, const std::string& netns,
                                          const asio::ip::udp::endpoint& port);

}  // namespace lmlab::real
