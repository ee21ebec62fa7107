#include "sim/core/stamp.hpp"

#include <gtest/gtest.h>

#include <array>

#include "sim/core/sequence_unwrapper.hpp"

namespace lmlab {
namespace {

TEST(Stamp, RoundTripsThroughItsBytes) {
  const Stamp stamp{7, 0x0102030405060708u, Time(1'234'567'890'123)};
  std::array<std::uint8_t, Stamp::kBytes> bytes{};
  stamp.write(bytes.data());
  const Stamp read = Stamp::read(bytes.data());
  EXPECT_EQ(read.flow, 7u);
  EXPECT_EQ(read.seq, 0x0102030405060708u);
  EXPECT_EQ(read.sent, Time(1'234'567'890'123));
}

// The layout is the wire format both backends share: flow, seq and send time, big-endian.
TEST(Stamp, LayoutIsBigEndianFlowSeqTime) {
  std::array<std::uint8_t, Stamp::kBytes> bytes{};
  Stamp{0x11223344u, 0x5566u, Time(0x77)}.write(bytes.data());
  const std::array<std::uint8_t, Stamp::kBytes> expected{
      0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0, 0, 0, 0x55, 0x66, 0, 0, 0, 0, 0, 0, 0, 0x77};
  EXPECT_EQ(bytes, expected);
}

TEST(SequenceUnwrapper, CountsOnAcrossTheWrap) {
  SequenceUnwrapper unwrapper;
  EXPECT_EQ(unwrapper.unwrap(1), 1u);
  EXPECT_EQ(unwrapper.unwrap(0x7FFFFF00u), 0x7FFFFF00u);
  EXPECT_EQ(unwrapper.unwrap(0xC0000000u), 0xC0000000u);
  EXPECT_EQ(unwrapper.unwrap(0xFFFFFF00u), 0xFFFFFF00u);
  EXPECT_EQ(unwrapper.unwrap(0x00000010u), 0x100000010u);
  // A retransmission from before the wrap stays below it.
  EXPECT_EQ(unwrapper.unwrap(0xFFFFFFF0u), 0xFFFFFFF0u);
}

}  // namespace
}  // namespace lmlab
