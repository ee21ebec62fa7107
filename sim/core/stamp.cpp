#include "sim/core/stamp.hpp"

namespace lmlab {

namespace {
template <typename Unsigned>
void write_big_endian(std::uint8_t* out, Unsigned value) {
  for (int i = sizeof(Unsigned) - 1; i >= 0; --i, value >>= 8) {
    out[i] = static_cast<std::uint8_t>(value);
  }
}

template <typename Unsigned>
Unsigned read_big_endian(const std::uint8_t* in) {
  Unsigned value = 0;
  for (std::size_t i = 0; i < sizeof(Unsigned); ++i) value = (value << 8) | in[i];
  return value;
}
}  // namespace

void Stamp::write(std::uint8_t* out) const {
  write_big_endian(out, flow);
  write_big_endian(out + 4, seq);
  write_big_endian(out + 12, static_cast<std::uint64_t>(sent.count()));
}

Stamp Stamp::read(const std::uint8_t* in) {
  return {read_big_endian<std::uint32_t>(in), read_big_endian<std::uint64_t>(in + 4),
          Time(static_cast<Time::rep>(read_big_endian<std::uint64_t>(in + 12)))};
}

}  // namespace lmlab
