// The receiving end of a TCP stream: listens, accepts the sender's connection and reassembles
// the byte stream into chunks; each complete chunk becomes tcp_chunk_delivered with the send
// time from its stamp. A reset, a timeout or the sender closing before the run stops records
// tcp_connection_failed.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/record_log.hpp"
#include "real-backend/traffic/source_observer.hpp"

namespace lmlab::real {

class TcpChunkReceiver : public std::enable_shared_from_this<TcpChunkReceiver> {
 public:
  // Listens on `listen_at` inside `netns` from construction on; `observer` (may be empty)
  // learns the address the sender connected from.
  TcpChunkReceiver(asio::io_context& io, const RunEpoch& epoch, RecordLog& log,
                   std::uint32_t flow, std::uint32_t chunk_bytes, const std::string& netns,
                   const asio::ip::tcp::endpoint& listen_at, SourceObserver observer);
  TcpChunkReceiver(const TcpChunkReceiver&) = delete;
  TcpChunkReceiver& operator=(const TcpChunkReceiver&) = delete;

  void start();
  // Reads what has arrived so far, then closes.
  void drain_and_close();
  // Closes at once; no record after this.
  void close();

 private:
  void read();
  void consume(std::size_t bytes);
  void fail();

  const RunEpoch& epoch_;
  RecordLog& log_;
  std::uint32_t flow_;
  std::uint32_t chunk_bytes_;
  SourceObserver observer_;
  asio::ip::tcp::acceptor acceptor_;
  asio::ip::tcp::socket connection_;
  std::vector<std::uint8_t> read_buffer_;
  std::vector<std::uint8_t> partial_;  // the chunk being reassembled
  bool closed_ = false;
};

}  // namespace lmlab::real
