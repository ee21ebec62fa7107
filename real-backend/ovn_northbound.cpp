#include "real-backend/ovn_northbound.hpp"

#include <future>

#include <asio/post.hpp>

namespace lmlab::real {

namespace {

std::string joined(const std::vector<std::string>& words, const std::string& separator) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : separator) + word;
  return text;
}

// ovsdb string atom syntax: quoted, so commas in a chassis list stay inside the value.
std::string option(const std::string& key, const std::string& value) {
  return "options:" + key + "=\"" + value + "\"";
}

Argv binding_commands(const std::string& port, const std::vector<std::string>& requested_chassis,
                      const std::optional<std::string>& activation_strategy) {
  Argv commands{"set", "logical_switch_port", port,
                option("requested-chassis", joined(requested_chassis, ","))};
  if (activation_strategy)
    commands.insert(commands.end(), {"--", "set", "logical_switch_port", port,
                                     option("activation-strategy", *activation_strategy)});
  else
    commands.insert(commands.end(), {"--", "remove", "logical_switch_port", port, "options",
                                     "activation-strategy"});
  return commands;
}

}  // namespace

OvnNorthbound::OvnNorthbound(NbctlDaemon& nbctl, std::string logical_switch)
    : nbctl_(nbctl), logical_switch_(std::move(logical_switch)) {
  send({"--may-exist", "ls-add", logical_switch_});
}

OvnNorthbound::~OvnNorthbound() { worker_.join(); }

void OvnNorthbound::add_port(const LogicalSwitchPort& port) {
  Argv commands{"--may-exist", "lsp-add", logical_switch_, port.name,
                "--", "lsp-set-addresses", port.name, port.mac + " " + joined(port.ips, " "),
                "--"};
  const auto binding = binding_commands(port.name, port.requested_chassis, port.activation_strategy);
  commands.insert(commands.end(), binding.begin(), binding.end());
  send(std::move(commands));
}

void OvnNorthbound::set_port_binding(const std::string& port,
                                     const std::vector<std::string>& requested_chassis,
                                     const std::optional<std::string>& activation_strategy) {
  send(binding_commands(port, requested_chassis, activation_strategy));
}

void OvnNorthbound::send(Argv arguments) {
  asio::post(worker_, [this, arguments = std::move(arguments)] {
    try {
      nbctl_.run(arguments);
    } catch (...) {
      std::lock_guard lock(failure_mutex_);
      if (!first_failure_) first_failure_ = std::current_exception();
    }
  });
}

void OvnNorthbound::flush() {
  std::promise<void> done;
  asio::post(worker_, [&done] { done.set_value(); });
  done.get_future().wait();
  std::lock_guard lock(failure_mutex_);
  if (first_failure_) std::rethrow_exception(first_failure_);
}

void OvnNorthbound::wait_for_chassis() {
  send({"--wait=hv", "sync"});
  flush();
}

}  // namespace lmlab::real
