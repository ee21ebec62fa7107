// The files written next to each other for one run, by `run`, `report` and `matrix`.
#pragma once

#include <string>
#include <vector>

#include "reports/report_files.hpp"
#include "sim/core/result.hpp"

namespace lmlab::cli {

// report.md and report.html: what people read.
std::vector<ReportFile> readable_reports(const Result& result);

// result.json (the input of every later report) and the readable reports.
std::vector<ReportFile> run_reports(const Result& result);

// "wrote DIR/a, DIR/b and FILE": the files of a set in `directory`, then any further ones.
std::string describe_written(const std::string& directory, const std::vector<ReportFile>& files,
                             const std::vector<std::string>& more = {});

// Writes `files` of one run into `directory` and JUnit to `junit_file` when it is set, prints
// the run's summary and what was written, and returns the exit status of the run's verdict.
int publish_run(const Result& result, const std::string& directory,
                const std::vector<ReportFile>& files, const std::string& junit_file);

}  // namespace lmlab::cli
