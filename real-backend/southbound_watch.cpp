#include "real-backend/southbound_watch.hpp"

#include <istream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include <asio/read_until.hpp>
#include <nlohmann/json.hpp>

#include "sim/core/port_binding_rule.hpp"

namespace lmlab::real {

using nlohmann::json;

namespace {

const Argv kMonitoredColumns = {"Port_Binding",
                                "logical_port,chassis,additional_chassis,options"};

std::map<std::string, std::string> read_chassis_names(const OvnLab& lab) {
  std::istringstream listing(check_command({"ovn-sbctl", "--db=unix:" + lab.sb_socket(),
                                            "--bare", "--columns=_uuid,name", "list",
                                            "Chassis"}));
  std::map<std::string, std::string> names;
  std::string uuid, name;
  while (listing >> uuid >> name) names[uuid] = name;
  return names;
}

// OVSDB JSON atoms: ["uuid", U] for one reference, ["set", [...]] for zero or several.
std::vector<std::string> uuids_of(const json& value) {
  std::vector<std::string> uuids;
  if (!value.is_array() || value.size() != 2) return uuids;
  if (value[0] == "uuid") uuids.push_back(value[1].get<std::string>());
  if (value[0] == "set")
    for (const auto& element : value[1]) {
      const auto inner = uuids_of(element);
      uuids.insert(uuids.end(), inner.begin(), inner.end());
    }
  return uuids;
}

std::map<std::string, std::string> map_of(const json& value) {
  std::map<std::string, std::string> entries;
  if (value.is_array() && value.size() == 2 && value[0] == "map")
    for (const auto& pair : value[1]) entries[pair[0].get<std::string>()] = pair[1].get<std::string>();
  return entries;
}

std::set<std::string> split(const std::string& text) {
  std::set<std::string> words;
  std::istringstream in(text);
  for (std::string word; std::getline(in, word, ',');)
    if (!word.empty()) words.insert(word);
  return words;
}

}  // namespace

SouthboundWatch::SouthboundWatch(asio::io_context& io, const OvnLab& lab, const Clock& clock,
                                 EventLog& log)
    : clock_(clock),
      log_(log),
      chassis_names_(read_chassis_names(lab)),
      monitor_([&] {
        // -vconsole:off: no "terminating with signal 15" on lmlab's stderr when it stops.
        Argv argv{"ovsdb-client", "-vconsole:off", "monitor", "unix:" + lab.sb_socket(),
                  "OVN_Southbound"};
        argv.insert(argv.end(), kMonitoredColumns.begin(), kMonitoredColumns.end());
        argv.push_back("--format=json");
        return argv;
      }()),
      output_(io, dup(monitor_.stdout_fd())) {
  read_next();
}

SouthboundWatch::~SouthboundWatch() {
  asio::error_code ignored;
  output_.close(ignored);
  monitor_.stop();
}

void SouthboundWatch::read_next() {
  asio::async_read_until(output_, buffer_, '\n', [this](const asio::error_code& error, std::size_t) {
    if (error) return;  // the monitor ended with the lab
    std::istream in(&buffer_);
    std::string line;
    std::getline(in, line);
    const auto update = json::parse(line, nullptr, false);
    if (!update.is_discarded()) on_update(update);
    read_next();
  });
}

// One update: rows of ["row", "action", columns...]; a modified row comes as an "old" row
// with only the changed columns and a "new" row with all of them.
void SouthboundWatch::on_update(const json& update) {
  const auto& headings = update.at("headings");
  auto column = [&](const json& row, const std::string& name) -> const json& {
    for (std::size_t i = 0; i < headings.size(); ++i)
      if (headings[i] == name) return row[i];
    throw std::runtime_error("SB monitor output has no column " + name);
  };
  const bool initial = !initial_seen_;
  initial_seen_ = true;
  for (const auto& row : update.at("data")) {
    const auto action = column(row, "action").get<std::string>();
    if (action == "old" || action == "delete") continue;
    const auto port = column(row, "logical_port").get<std::string>();
    const auto options = map_of(column(row, "options"));
    PortBindingState binding;
    for (const auto& uuid : uuids_of(column(row, "chassis"))) binding.main_chassis = chassis_names_[uuid];
    for (const auto& uuid : uuids_of(column(row, "additional_chassis")))
      binding.additional_chassis.push_back(chassis_names_[uuid]);
    binding.blocked_until_rarp = options.count("activation-strategy") != 0 &&
                                 options.at("activation-strategy") == "rarp";
    if (options.count("additional-chassis-activated"))
      binding.activated = split(options.at("additional-chassis-activated"));
    const auto forwarding = forwarding_chassis(binding);
    auto& before = forwarding_[port];
    if (!initial)
      for (const auto& chassis : forwarding)
        if (!before.count(chassis))
          log_.add({clock_.now(), "", Phase::binding_active, chassis,
                    binding.activated.count(chassis) ? "activated by RARP" : "binding changed",
                    port});
    before = forwarding;
  }
}

}  // namespace lmlab::real
