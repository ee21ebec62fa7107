// The sending end of a TCP stream: connects at the schedule's start, then writes one stamped
// chunk per tick. Writes never block the loop: what the kernel does not take yet waits in
// the application, in order, and a chunk is recorded as tcp_chunk_sent once the kernel has
// all of it. A reset, a timeout or the peer closing early records tcp_connection_failed.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/fixed_schedule_timer.hpp"
#include "real-backend/traffic/record_log.hpp"
#include "sim/core/workload_plan.hpp"

namespace lmlab::real {

class TcpChunkSender : public std::enable_shared_from_this<TcpChunkSender> {
 public:
  // Opens the socket inside `netns`.
  TcpChunkSender(asio::io_context& io, const RunEpoch& epoch, RecordLog& log, std::uint32_t flow,
                 const SendSchedule& schedule, const std::string& netns,
                 const asio::ip::tcp::endpoint& receiver);
  ~TcpChunkSender();
  TcpChunkSender(const TcpChunkSender&) = delete;
  TcpChunkSender& operator=(const TcpChunkSender&) = delete;

  void start();
  // Writes nothing more and closes the connection.
  void stop();

 private:
  struct Chunk {
    std::uint64_t seq;
    std::vector<std::uint8_t> bytes;
  };

  void connect();
  void write_chunk(std::uint64_t seq);
  void flush();
  void watch_for_failure();
  void fail();

  const RunEpoch& epoch_;
  RecordLog& log_;
  std::uint32_t flow_;
  SendSchedule schedule_;
  asio::ip::tcp::endpoint receiver_;
  asio::ip::tcp::socket socket_;
  asio::steady_timer connect_timer_;
  std::shared_ptr<FixedScheduleTimer> chunk_timer_;
  std::deque<Chunk> backlog_;     // written by the application, not yet all in the kernel
  std::size_t front_written_ = 0;  // bytes of backlog_.front() the kernel already has
  bool connected_ = false;
  bool waiting_writable_ = false;
  bool ended_ = false;  // stopped or failed
  std::uint8_t peer_byte_ = 0;  // the receiver sends nothing; a read ends only on EOF or error
};

}  // namespace lmlab::real
