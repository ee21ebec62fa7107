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

// ovsdb string atom syntax: quoted, so commas and colons stay inside the value.
std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string option(const std::string& key, const std::string& value) {
  return "options:" + key + "=" + quoted(value);
}

// Appends `command` as one more command of the request.
void append(Argv& commands, const Argv& command) {
  if (!commands.empty()) commands.push_back("--");
  commands.insert(commands.end(), command.begin(), command.end());
}

Argv addresses_of(const std::string& port, const std::optional<PortAddresses>& addresses) {
  Argv command{"lsp-set-addresses", port};
  if (addresses) {
    std::vector<std::string> words{addresses->mac};
    words.insert(words.end(), addresses->ips.begin(), addresses->ips.end());
    command.push_back(joined(words, " "));
  }
  return command;
}

Argv binding_commands(const std::string& port, const std::vector<std::string>& requested_chassis,
                      const std::optional<std::string>& activation_strategy) {
  Argv commands{"set", "logical_switch_port", port,
                option("requested-chassis", joined(requested_chassis, ","))};
  if (activation_strategy)
    append(commands, {"set", "logical_switch_port", port,
                      option("activation-strategy", *activation_strategy)});
  else
    append(commands, {"remove", "logical_switch_port", port, "options", "activation-strategy"});
  return commands;
}

Argv policy_flag(RoutePolicy policy) {
  return {std::string("--policy=") + to_string(policy)};
}

// Every change but DHCP options, which are created before (they need a UUID).
struct Commands {
  const std::map<std::string, std::string>& dhcp_options;
  Argv& commands;

  void operator()(const LogicalSwitch& row) const {
    append(commands, {"ls-add", row.name});
    if (row.subnet)
      append(commands, {"set", "logical_switch", row.name, "other_config:subnet=" + quoted(*row.subnet)});
    if (row.subnet_v6)  // ipv6_prefix takes the network address only
      append(commands, {"set", "logical_switch", row.name,
                        "other_config:ipv6_prefix=" +
                            quoted(row.subnet_v6->substr(0, row.subnet_v6->find('/')))});
  }
  void operator()(const LogicalSwitchPort& port) const {
    append(commands, {"lsp-add", port.logical_switch, port.name});
    if (port.type != PortType::vif) append(commands, {"lsp-set-type", port.name, to_string(port.type)});
    if (port.type == PortType::router) append(commands, {"lsp-set-addresses", port.name, "router"});
    if (port.type == PortType::localnet) append(commands, {"lsp-set-addresses", port.name, "unknown"});
    if (port.type == PortType::vif && port.addresses) append(commands, addresses_of(port.name, port.addresses));
    if (!port.enabled) append(commands, {"lsp-set-enabled", port.name, "disabled"});
    Argv options{"lsp-set-options", port.name};
    if (!port.requested_chassis.empty())
      options.push_back("requested-chassis=" + joined(port.requested_chassis, ","));
    if (port.activation_strategy) options.push_back("activation-strategy=" + *port.activation_strategy);
    if (port.router_port) options.push_back("router-port=" + *port.router_port);
    if (!port.arp_proxy.empty()) options.push_back("arp_proxy=" + joined(port.arp_proxy, " "));
    if (port.network_name) options.push_back("network_name=" + *port.network_name);
    if (options.size() > 2) append(commands, options);
    if (port.tag)
      append(commands, {"set", "logical_switch_port", port.name, "tag=" + std::to_string(*port.tag)});
    if (port.dhcpv4_options)
      append(commands, {"lsp-set-dhcpv4-options", port.name, dhcp_options.at(*port.dhcpv4_options)});
    if (port.dhcpv6_options)
      append(commands, {"lsp-set-dhcpv6-options", port.name, dhcp_options.at(*port.dhcpv6_options)});
    if (!port.owner.empty())
      append(commands, {"set", "logical_switch_port", port.name, "external_ids:pod=" + quoted(port.owner)});
  }
  void operator()(const DhcpOptions&) const {}
  void operator()(const LogicalRouter& row) const { append(commands, {"lr-add", row.name}); }
  void operator()(const LogicalRouterPort& row) const {
    Argv command{"lrp-add", row.router, row.name, row.mac};
    command.insert(command.end(), row.networks.begin(), row.networks.end());
    append(commands, command);
  }
  void operator()(const StaticRoute& route) const {
    Argv command = policy_flag(route.policy);
    command.insert(command.end(), {"lr-route-add", route.router, route.ip_prefix, route.nexthop});
    if (route.output_port) command.push_back(*route.output_port);
    append(commands, command);
  }
  void operator()(const RoutingPolicy& policy) const {
    Argv command{"lr-policy-add", policy.router, std::to_string(policy.priority), policy.match,
                 policy.action};
    if (!policy.nexthops.empty()) command.push_back(joined(policy.nexthops, ","));
    append(commands, command);
  }
  void operator()(const SetPortBinding& change) const {
    append(commands, binding_commands(change.port, change.requested_chassis, change.activation_strategy));
  }
  void operator()(const SetPortEnabled& change) const {
    append(commands, {"lsp-set-enabled", change.port, change.enabled ? "enabled" : "disabled"});
  }
  void operator()(const SetPortAddresses& change) const {
    append(commands, addresses_of(change.port, change.addresses));
  }
  void operator()(const DeletePort& change) const { append(commands, {"lsp-del", change.port}); }
  void operator()(const DeleteStaticRoute& change) const {
    Argv command = policy_flag(change.route.policy);
    command.insert(command.end(), {"lr-route-del", change.route.router, change.route.ip_prefix,
                                   change.route.nexthop});
    append(commands, command);
  }
  void operator()(const DeleteRoutingPolicy& change) const {
    append(commands, {"lr-policy-del", change.router, std::to_string(change.priority), change.match});
  }
};

}  // namespace

OvnNorthbound::~OvnNorthbound() { worker_.join(); }

Argv OvnNorthbound::commands_for(const NorthboundTransaction& transaction) {
  // DHCP options rows first, each its own request: ports refer to them by UUID.
  for (const auto& change : transaction.changes) {
    const auto* options = std::get_if<DhcpOptions>(&change);
    if (!options) continue;
    Argv create{"create", "DHCP_Options", "cidr=" + quoted(options->cidr),
                "external_ids:name=" + quoted(options->name)};
    for (const auto& [key, value] : options->options) create.push_back(option(key, value));
    const auto output = nbctl_.run(create);
    dhcp_options_[options->name] = output.substr(0, output.find('\n'));
  }
  Argv commands;
  for (const auto& change : transaction.changes) std::visit(Commands{dhcp_options_, commands}, change);
  return commands;
}

void OvnNorthbound::commit(const NorthboundTransaction& transaction) {
  send([this, transaction] {
    const auto commands = commands_for(transaction);
    if (!commands.empty()) nbctl_.run(commands);
  });
}

void OvnNorthbound::send(std::function<void()> work) {
  asio::post(worker_, [this, work = std::move(work)] {
    try {
      work();
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
  send([this] { nbctl_.run({"--wait=hv", "sync"}); });
  flush();
}

}  // namespace lmlab::real
