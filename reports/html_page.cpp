#include "reports/html_page.hpp"

#include <fmt/format.h>

#include "reports/markup.hpp"

namespace lmlab {
namespace {

// Run colours (run-0, run-1, ...) tell compared runs apart; the others say what a mark means
// and are the same on every page.
constexpr const char* kStyle = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1e293b; margin: 24px auto; max-width: 1320px; padding: 0 12px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 6px; } h2 { font-size: 20px; margin: 30px 0 8px;
     border-bottom: 1px solid #e2e8f0; padding-bottom: 4px; } h3 { font-size: 16px; margin: 20px 0 6px; }
p.meta, .note { color: #475569; font-size: 14px; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0 14px; }
th, td { border: 1px solid #cbd5e1; padding: 3px 8px; text-align: left; vertical-align: top; }
tr.fail td { background: #fee2e2; } tr.pass td:last-child { color: #15803d; font-weight: 600; }
tr.worse td { background: #ffedd5; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 4px; color: #fff; font-weight: 700;
         font-size: 15px; vertical-align: middle; } .badge.pass { background: #16a34a; }
.badge.fail { background: #dc2626; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.card { border: 1px solid #cbd5e1; border-radius: 6px; padding: 8px 14px; min-width: 170px; }
.card .value { font-size: 22px; font-weight: 700; } .card .what { font-size: 12px; color: #475569; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 12px; color: #334155; margin: 4px 0 10px; }
.legend span.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 5px;
                      vertical-align: middle; border: 1px solid #94a3b8; }
details { margin: 10px 0; } summary { cursor: pointer; font-weight: 600; }
svg { display: block; margin: 4px 0; font-family: inherit; }
svg text { font-size: 11px; fill: #1e293b; }
.axis-label { fill: #475569; } .grid { stroke: #e2e8f0; stroke-width: 1; }
.lane-label { font-weight: 600; font-size: 12px; } .lane-sub { fill: #64748b; font-size: 11px; }
.lane-bg { fill: #f8fafc; stroke: #e2e8f0; }
.band-label { font-size: 11px; fill: #1e293b; }
.ph-target, .swatch.ph-target { fill: #cbd5e1; background: #cbd5e1; }
.ph-precopy, .swatch.ph-precopy { fill: #93c5fd; background: #93c5fd; }
.ph-paused, .swatch.ph-paused, .seg-paused, .swatch.seg-paused { fill: #fb923c; background: #fb923c; }
.ph-converging, .swatch.ph-converging, .seg-converging { fill: #facc15; background: #facc15; }
.ph-cleanup, .swatch.ph-cleanup { fill: #e2e8f0; background: #e2e8f0; }
.seg-announce, .swatch.seg-announce { fill: #a78bfa; background: #a78bfa; }
.seg-first, .swatch.seg-first { fill: #86efac; background: #86efac; }
.segment-label { font-size: 12px; font-weight: 600; }
.marker { stroke: #475569; stroke-width: 1; } .marker.rarp { stroke: #7c3aed; }
.rarp-glyph { fill: #7c3aed; } .marker-label { fill: #334155; } .marker-label.rarp { fill: #6d28d9; }
.delivered, .swatch.delivered { fill: #4ade80; background: #4ade80; }
.gap, .swatch.gap { fill: #dc2626; background: #dc2626; }
.gap-label { fill: #b91c1c; font-weight: 600; } .gap-label.main { font-size: 12px; font-weight: 700; }
.chart-grid { stroke: #e2e8f0; } .chart-tick { fill: #64748b; font-size: 10px; }
.written, .swatch.written { fill: none; stroke: #94a3b8; stroke-width: 1.5; stroke-dasharray: 5 3;
                            background: repeating-linear-gradient(90deg, #94a3b8 0 5px, #fff 5px 8px); }
.curve { fill: none; stroke-width: 2; }
.swatch.stall { background: #fed7aa; } .swatch.retx { background: #dc2626; width: 3px !important; }
.retx { stroke-width: 1.5; } .guide { stroke: #64748b; stroke-width: 1; stroke-dasharray: 3 3; stroke-opacity: 0.7; }
.highlight, .swatch.highlight { fill: #fef9c3; background: #fef9c3; stroke: #eab308; stroke-dasharray: 4 3; }
.stall { fill: #f97316; fill-opacity: 0.16; stroke: #f97316; stroke-opacity: 0.6; } .stall-label { fill: #c2410c; font-weight: 700; }
.retx { stroke: #dc2626; }
line.run-0, polyline.run-0 { stroke: #2563eb; } text.run-0, .swatch.run-0 { fill: #2563eb; background: #2563eb; }
line.run-1, polyline.run-1 { stroke: #db2777; } text.run-1, .swatch.run-1 { fill: #db2777; background: #db2777; }
line.run-2, polyline.run-2 { stroke: #059669; } text.run-2, .swatch.run-2 { fill: #059669; background: #059669; }
line.run-3, polyline.run-3 { stroke: #d97706; } text.run-3, .swatch.run-3 { fill: #d97706; background: #d97706; }
line.run-4, polyline.run-4 { stroke: #7c3aed; } text.run-4, .swatch.run-4 { fill: #7c3aed; background: #7c3aed; }
line.run-5, polyline.run-5 { stroke: #0891b2; } text.run-5, .swatch.run-5 { fill: #0891b2; background: #0891b2; }
.highlight-label { fill: #a16207; font-weight: 600; }
.range { stroke: #334155; stroke-width: 1.5; } .iqr { fill: #bfdbfe; stroke: #2563eb; }
.median { stroke: #1e3a8a; stroke-width: 3; } .dot { fill: #1d4ed8; fill-opacity: 0.6; }
.row-label { font-size: 11px; } .failed-cell { fill: #b91c1c; font-weight: 600; } .distribution-label { fill: #334155; }
.bar { fill: #bfdbfe; stroke: #2563eb; } .cdf { fill: none; stroke: #1e3a8a; stroke-width: 2; }
.limit { stroke: #dc2626; stroke-width: 1.5; stroke-dasharray: 6 3; } .limit-label { fill: #b91c1c; }
ul.runs { columns: 2; font-size: 13px; } ul.runs a { color: #1d4ed8; }
)";

std::string table_row(const TableRow& cells, const char* cell_tag, const std::string& css_class) {
  std::string row = css_class.empty() ? "<tr>" : fmt::format(R"(<tr class="{}">)", css_class);
  for (const std::string& cell : cells)
    row += fmt::format("<{0}>{1}</{0}>", cell_tag, escape_markup(cell));
  return row + "</tr>\n";
}

}  // namespace

std::string html_page(const std::string& title, const std::string& body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      escape_markup(title), kStyle, body);
}

std::string html_table(const TableRow& header, const std::vector<TableRow>& rows,
                       const std::vector<std::string>& row_classes) {
  std::string table = "<table>\n<thead>" + table_row(header, "th", "") + "</thead>\n<tbody>\n";
  for (std::size_t i = 0; i < rows.size(); ++i)
    table += table_row(rows[i], "td", i < row_classes.size() ? row_classes[i] : "");
  return table + "</tbody>\n</table>\n";
}

std::string verdict_badge(bool passed) {
  return passed ? R"(<span class="badge pass">PASS</span>)"
                : R"(<span class="badge fail">FAIL</span>)";
}

}  // namespace lmlab
