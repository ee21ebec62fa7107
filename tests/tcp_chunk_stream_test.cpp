// A TCP chunk stream whose receiver goes away: the sender records the connection as failed.
#include <gtest/gtest.h>

#include <algorithm>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/record_log.hpp"
#include "real-backend/traffic/tcp_chunk_receiver.hpp"
#include "real-backend/traffic/tcp_chunk_sender.hpp"
#include "tests/guest_lab.hpp"

namespace lmlab {
namespace {

using std::chrono::milliseconds;

TEST(TcpChunkStream, SenderRecordsAFailureWhenTheReceiverGoesAway) {
  const Scenario scenario = testing::scenario_for_lab("1s");
  const testing::GuestLab lab(scenario, scenario.clients[0], scenario.vms[0]);
  asio::io_context io;
  const real::RunEpoch epoch;
  real::RecordLog log;
  const asio::ip::tcp::endpoint vm(asio::ip::make_address(lab.vm().ip), 20000);
  auto receiver = std::make_shared<real::TcpChunkReceiver>(
      io, epoch, log, 0, 1000, lab.vm().netns, asio::ip::tcp::endpoint(asio::ip::tcp::v4(), 20000),
      nullptr);
  auto sender = std::make_shared<real::TcpChunkSender>(
      io, epoch, log, 0, SendSchedule{milliseconds(10), milliseconds(1), milliseconds(400), 1000},
      lab.client().netns, vm);
  receiver->start();
  sender->start();
  asio::steady_timer receiver_goes(io, epoch.steady_at(milliseconds(200)));
  receiver_goes.async_wait([&](const std::error_code&) { receiver->close(); });
  asio::steady_timer end(io, epoch.steady_at(milliseconds(400)));
  end.async_wait([&](const std::error_code&) { sender->stop(); });
  io.run_for(std::chrono::seconds(2));

  const auto records = log.take_sorted();
  const auto failed = std::find_if(records.begin(), records.end(), [](const PacketRecord& r) {
    return r.kind == RecordKind::tcp_connection_failed;
  });
  ASSERT_NE(failed, records.end()) << "the sender did not notice";
  EXPECT_GE(failed->time, milliseconds(200));
  EXPECT_LT(failed->time, milliseconds(250));
  // Nothing was written after the failure.
  EXPECT_TRUE(std::none_of(failed, records.end(), [](const PacketRecord& r) {
    return r.kind == RecordKind::tcp_chunk_sent;
  }));
}

}  // namespace
}  // namespace lmlab
