// Older result files read as the current schema version.
//
// Result files of schema version 2 lack what version 3 added: the scenario's DHCP, gateway,
// VLAN, Northbound preload, external clients, VM addressing and workload families, the flows'
// families, the events' ports and the identity observations. With those at the defaults of the
// scenario model and the run vocabulary, a version 2 document reads as version 3.
#pragma once

#include <nlohmann/json.hpp>

namespace lmlab {

// A malformed document comes out as malformed as it went in, for the reader to refuse.
nlohmann::json upgrade_from_schema_2(nlohmann::json document);

// Schema version 3 holds the same as version 4, in longer forms: gaps, stalls, delivery runs
// and curve points as objects with named keys where version 4 writes arrays of numbers
// (timeline version 1, not 2), and its breakdowns lack `through_again_at_ms`. Version 4
// forms come out; malformed parts stay as they are.
nlohmann::json upgrade_from_schema_3(nlohmann::json document);

}  // namespace lmlab
