#include "real-backend/traffic/tcp_chunk_receiver.hpp"

#include "real-backend/traffic/netns.hpp"
#include "sim/core/stamp.hpp"

namespace lmlab::real {

namespace {
constexpr std::size_t kReadBytes = 64 * 1024;
}

TcpChunkReceiver::TcpChunkReceiver(asio::io_context& io, const RunEpoch& epoch, RecordLog& log,
                                   std::uint32_t flow, std::uint32_t chunk_bytes,
                                   const std::string& netns,
                                   const asio::ip::tcp::endpoint& listen_at,
                                   SourceObserver observer)
    : epoch_(epoch),
      log_(log),
      flow_(flow),
      chunk_bytes_(chunk_bytes),
      observer_(std::move(observer)),
      acceptor_(io),
      connection_(io),
      read_buffer_(kReadBytes) {
  in_netns(netns, [&] {
    acceptor_.open(listen_at.protocol());
    acceptor_.set_option(asio::ip::tcp::acceptor::reuse_address(true));
    acceptor_.bind(listen_at);
    acceptor_.listen();
  });
  partial_.reserve(chunk_bytes);
}

void TcpChunkReceiver::start() {
  acceptor_.async_accept(connection_, [self = shared_from_this()](const std::error_code& error) {
    if (self->closed_ || error == asio::error::operation_aborted) return;
    if (error) {
      self->fail();
      return;
    }
    // One stream, one connection: nobody else may connect.
    self->acceptor_.close();
    std::error_code unknown_peer;
    const auto peer = self->connection_.remote_endpoint(unknown_peer);
    if (self->observer_ && !unknown_peer) self->observer_(peer.address().to_string());
    self->read();
  });
}

void TcpChunkReceiver::read() {
  connection_.async_read_some(
      asio::buffer(read_buffer_),
      [self = shared_from_this()](const std::error_code& error, std::size_t bytes) {
        if (self->closed_ || error == asio::error::operation_aborted) return;
        self->consume(bytes);
        if (error) {
          self->fail();  // reset, timeout, or end of stream before the run stopped
          return;
        }
        self->read();
      });
}

void TcpChunkReceiver::consume(std::size_t bytes) {
  const Time now = epoch_.since_start();
  for (std::size_t i = 0; i < bytes;) {
    const std::size_t take = std::min<std::size_t>(chunk_bytes_ - partial_.size(), bytes - i);
    partial_.insert(partial_.end(), read_buffer_.begin() + i, read_buffer_.begin() + i + take);
    i += take;
    if (partial_.size() < chunk_bytes_) continue;
    const Stamp stamp = Stamp::read(partial_.data());
    log_.add({now, RecordKind::tcp_chunk_delivered, flow_, stamp.seq, chunk_bytes_, stamp.sent});
    partial_.clear();
  }
}

void TcpChunkReceiver::fail() {
  log_.add({epoch_.since_start(), RecordKind::tcp_connection_failed, flow_, 0, 0, Time{0}});
  close();
}

void TcpChunkReceiver::drain_and_close() {
  if (closed_) return;
  if (connection_.is_open()) {
    connection_.non_blocking(true);
    std::error_code error;
    while (const std::size_t bytes = connection_.read_some(asio::buffer(read_buffer_), error)) {
      consume(bytes);
    }
  }
  close();
}

void TcpChunkReceiver::close() {
  closed_ = true;
  std::error_code ignored;
  acceptor_.close(ignored);
  connection_.close(ignored);
}

}  // namespace lmlab::real
