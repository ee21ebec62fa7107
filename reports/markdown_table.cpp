#include "reports/markdown_table.hpp"

#include "reports/markup.hpp"

namespace lmlab {
namespace {

// A '|' would end the cell and a line break the row.
std::string escape_cell(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '|') {
      escaped += "\\|";
    } else if (c == '\n') {
      escaped += ' ';
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string table_line(const TableRow& cells) {
  std::string line = "|";
  for (const std::string& cell : cells) line += " " + escape_cell(cell) + " |";
  return line + "\n";
}

}  // namespace

std::string markdown_table(const TableRow& header, const std::vector<TableRow>& rows) {
  if (rows.empty()) return "None.\n\n";
  std::string text = table_line(header) + table_line(TableRow(header.size(), "---"));
  for (const TableRow& row : rows) text += table_line(row);
  return text + "\n";
}

// GitHub renders Markdown inside <details> only with blank lines around it.
std::string markdown_details(const std::string& summary, const std::string& body) {
  return "<details><summary>" + escape_markup(summary) + "</summary>\n\n" + body + "</details>\n\n";
}

std::string markdown_verdict(bool passed) { return passed ? "✅ PASS" : "❌ FAIL"; }

}  // namespace lmlab
