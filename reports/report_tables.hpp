// The tables a run's reports show, as header and rows of text, for the Markdown and HTML
// reports to lay out. Units are named in the headers; cells hold plain numbers.
#pragma once

#include <string>
#include <vector>

#include "reports/text_format.hpp"
#include "sim/core/result.hpp"

namespace lmlab {

struct ReportTable {
  TableRow header;
  std::vector<TableRow> rows;
};

// The last column is "pass" or "FAIL".
ReportTable expectations_table(const std::vector<ExpectationResult>& expectations);
ReportTable probes_table(const std::vector<ProbeFigures>& probes);
ReportTable tcp_table(const std::vector<TcpFigures>& streams);
// One migration's downtime split into its causes, each with what it means.
ReportTable breakdown_table(const DowntimeBreakdown& breakdown);
ReportTable events_table(const std::vector<PhaseEvent>& events);

}  // namespace lmlab
