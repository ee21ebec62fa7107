#include "real-backend/traffic/probe_sender.hpp"

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include "sim/core/stamp.hpp"

namespace lmlab::real {

namespace {
// What the network does to a probe: no route, link down, neighbour unresolved, queue full, a
// firewall drop or an ICMP error about an earlier probe. Anything else is a broken setup.
bool is_lost_on_the_way(const std::error_code& error) {
  if (error.category() != asio::system_category()) return false;
  switch (error.value()) {
    case ENETUNREACH:
    case EHOSTUNREACH:
    case ENETDOWN:
    case EHOSTDOWN:
    case ENOBUFS:
    case EAGAIN:
    case ECONNREFUSED:
    case EPERM:
      return true;
    default:
      return false;
  }
}
}  // namespace

ProbeSender::ProbeSender(asio::io_context& io, const RunEpoch& epoch, RecordLog& log,
                         std::uint32_t flow, const SendSchedule& schedule,
                         std::unique_ptr<ProbeSocket> socket, std::string context)
    : epoch_(epoch),
      log_(log),
      flow_(flow),
      socket_(std::move(socket)),
      context_(std::move(context)),
      payload_(std::max(schedule.bytes, Stamp::kBytes), 0),
      timer_(std::make_shared<FixedScheduleTimer>(io, epoch, schedule,
                                                  [this](std::uint64_t seq) { send(seq); })) {}

ProbeSender::~ProbeSender() { timer_->stop(); }

void ProbeSender::send(std::uint64_t seq) {
  const Time now = epoch_.since_start();
  Stamp{flow_, seq, now}.write(payload_.data());
  const std::error_code error = socket_->send(seq, payload_);
  if (error && !is_lost_on_the_way(error)) {
    throw std::runtime_error(context_ + ": cannot send probe " + std::to_string(seq) + ": " +
                             error.message());
  }
  log_.add({now, RecordKind::probe_sent, flow_, seq,
            static_cast<std::uint32_t>(payload_.size()), Time{0}});
}

}  // namespace lmlab::real
