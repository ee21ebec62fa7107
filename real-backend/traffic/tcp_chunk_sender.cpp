#include "real-backend/traffic/tcp_chunk_sender.hpp"

#include "real-backend/traffic/netns.hpp"
#include "sim/core/stamp.hpp"

namespace lmlab::real {

TcpChunkSender::TcpChunkSender(asio::io_context& io, const RunEpoch& epoch, RecordLog& log,
                               std::uint32_t flow, const SendSchedule& schedule,
                               const std::string& netns, const asio::ip::tcp::endpoint& receiver)
    : epoch_(epoch),
      log_(log),
      flow_(flow),
      schedule_(schedule),
      receiver_(receiver),
      socket_(io),
      connect_timer_(io),
      chunk_timer_(std::make_shared<FixedScheduleTimer>(
          io, epoch, schedule, [this](std::uint64_t seq) { write_chunk(seq); })) {
  in_netns(netns, [&] { socket_.open(receiver.protocol()); });
  // Each chunk goes out as it is written, as an interactive stream's would.
  socket_.set_option(asio::ip::tcp::no_delay(true));
}

TcpChunkSender::~TcpChunkSender() { chunk_timer_->stop(); }

void TcpChunkSender::start() {
  connect_timer_.expires_at(epoch_.steady_at(schedule_.start));
  connect_timer_.async_wait([self = shared_from_this()](const std::error_code& error) {
    if (!error && !self->ended_) self->connect();
  });
  chunk_timer_->start();
}

void TcpChunkSender::stop() {
  ended_ = true;
  chunk_timer_->stop();
  connect_timer_.cancel();
  std::error_code ignored;
  socket_.close(ignored);
}

void TcpChunkSender::connect() {
  socket_.async_connect(receiver_, [self = shared_from_this()](const std::error_code& error) {
    if (self->ended_) return;
    if (error) {
      self->fail();
      return;
    }
    self->connected_ = true;
    self->socket_.non_blocking(true);
    self->watch_for_failure();
    self->flush();
  });
}

void TcpChunkSender::write_chunk(std::uint64_t seq) {
  if (ended_) return;
  Chunk chunk{seq, std::vector<std::uint8_t>(schedule_.bytes, 0)};
  Stamp{flow_, seq, epoch_.since_start()}.write(chunk.bytes.data());
  backlog_.push_back(std::move(chunk));
  flush();
}

void TcpChunkSender::flush() {
  if (!connected_ || waiting_writable_ || ended_) return;
  while (!backlog_.empty()) {
    const Chunk& front = backlog_.front();
    std::error_code error;
    front_written_ += socket_.write_some(
        asio::buffer(front.bytes.data() + front_written_, front.bytes.size() - front_written_),
        error);
    if (error == asio::error::would_block) {
      // The send buffer is full (the path is slow or down): continue once it drains.
      waiting_writable_ = true;
      socket_.async_wait(asio::socket_base::wait_write,
                         [self = shared_from_this()](const std::error_code& wait_error) {
                           self->waiting_writable_ = false;
                           if (!wait_error) self->flush();
                         });
      return;
    }
    if (error) {
      fail();
      return;
    }
    if (front_written_ < front.bytes.size()) continue;
    log_.add({epoch_.since_start(), RecordKind::tcp_chunk_sent, flow_, front.seq,
              static_cast<std::uint32_t>(front.bytes.size()), Time{0}});
    backlog_.pop_front();
    front_written_ = 0;
  }
}

void TcpChunkSender::watch_for_failure() {
  socket_.async_read_some(asio::buffer(&peer_byte_, 1),
                          [self = shared_from_this()](const std::error_code& error, std::size_t) {
                            if (self->ended_ || error == asio::error::operation_aborted) return;
                            if (error) {
                              self->fail();  // reset, timeout, or the receiver closed early
                              return;
                            }
                            self->watch_for_failure();
                          });
}

void TcpChunkSender::fail() {
  log_.add({epoch_.since_start(), RecordKind::tcp_connection_failed, flow_, 0, 0, Time{0}});
  stop();
}

}  // namespace lmlab::real
