#include "models/stamp.hpp"

#include <algorithm>

namespace lmlab {

namespace {
void write_u64(std::uint8_t* out, std::uint64_t value) {
  for (int i = 7; i >= 0; --i, value >>= 8) out[i] = static_cast<std::uint8_t>(value);
}
std::uint64_t read_u64(const std::uint8_t* in) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | in[i];
  return value;
}
}  // namespace

ns3::Ptr<ns3::Packet> Stamp::to_packet(std::uint32_t size) const {
  std::vector<std::uint8_t> bytes(std::max(size, kBytes), 0);
  write_u64(bytes.data(), seq);
  write_u64(bytes.data() + 8, static_cast<std::uint64_t>(sent.count()));
  return ns3::Create<ns3::Packet>(bytes.data(), static_cast<std::uint32_t>(bytes.size()));
}

Stamp Stamp::read(const std::uint8_t* bytes) {
  return {read_u64(bytes), Time(static_cast<Time::rep>(read_u64(bytes + 8)))};
}

Stamp Stamp::from_packet(ns3::Ptr<const ns3::Packet> payload) {
  std::uint8_t bytes[kBytes] = {};
  payload->CopyData(bytes, kBytes);
  return read(bytes);
}

}  // namespace lmlab
