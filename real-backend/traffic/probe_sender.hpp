// Sends stamped probes on a fixed schedule and records each as probe_sent. It never slows
// down: a probe the kernel refuses because the path is gone (unreachable, link down, no
// buffer) still counts as sent, and lost.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/fixed_schedule_timer.hpp"
#include "real-backend/traffic/probe_socket.hpp"
#include "real-backend/traffic/record_log.hpp"
#include "sim/core/workload_plan.hpp"

namespace lmlab::real {

class ProbeSender {
 public:
  // `context` names the workload and namespace in errors.
  ProbeSender(asio::io_context& io, const RunEpoch& epoch, RecordLog& log, std::uint32_t flow,
              const SendSchedule& schedule, std::unique_ptr<ProbeSocket> socket,
              std::string context);
  ~ProbeSender();
  ProbeSender(const ProbeSender&) = delete;
  ProbeSender& operator=(const ProbeSender&) = delete;

  void start() { timer_->start(); }
  void stop() { timer_->stop(); }

 private:
  void send(std::uint64_t seq);

  const RunEpoch& epoch_;
  RecordLog& log_;
  std::uint32_t flow_;
  std::unique_ptr<ProbeSocket> socket_;
  std::string context_;
  std::vector<std::uint8_t> payload_;
  std::shared_ptr<FixedScheduleTimer> timer_;
};

}  // namespace lmlab::real
