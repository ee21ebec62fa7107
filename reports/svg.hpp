// A small SVG writer for the report charts. Shapes carry CSS classes that the page's
// stylesheet colours (html_page.cpp), text is escaped, and coordinates are rounded to 0.1 px
// so pages stay small.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lmlab {

// Every chart shares these horizontal bounds, so charts stacked on a page line up: labels to
// the left of kPlotLeft, time or values between kPlotLeft and kPlotRight.
inline constexpr double kChartWidth = 1300;
inline constexpr double kPlotLeft = 200;
inline constexpr double kPlotRight = kChartWidth - 24;
inline constexpr double kPlotWidth = kPlotRight - kPlotLeft;

struct Point {
  double x = 0;
  double y = 0;
};

enum class TextAnchor { start, middle, end };

// What is drawn on the background layer sits behind everything else, whenever it is drawn:
// grid lines and highlights can be added once the chart's height is known.
enum class SvgLayer { background, foreground };

class SvgDocument {
 public:
  // `description` is what screen readers announce for the whole chart.
  SvgDocument(double width, std::string description);

  // `tooltip`, when given, shows on hover: exact values the chart can only approximate.
  void rect(double x, double y, double width, double height, std::string_view css_class,
            std::string_view tooltip = {});
  void line(Point from, Point to, std::string_view css_class, std::string_view tooltip = {});
  void polyline(const std::vector<Point>& points, std::string_view css_class);
  void polygon(const std::vector<Point>& points, std::string_view css_class,
               std::string_view tooltip = {});
  void text(Point at, std::string_view text, std::string_view css_class,
            TextAnchor anchor = TextAnchor::start, std::string_view tooltip = {});

  void set_layer(SvgLayer layer);

  // The finished element; the height is known only once everything is laid out.
  std::string render(double height) const;

 private:
  void element(std::string_view open_tag, std::string_view tooltip);
  std::string& target();

  double width_;
  std::string description_;
  SvgLayer layer_ = SvgLayer::foreground;
  std::string background_;
  std::string content_;
};

// Horizontal spans already taken by labels on one row, so labels can skip or move to another
// row instead of overlapping.
class LabelRow {
 public:
  bool fits(double left, double right) const;
  void take(double left, double right);

 private:
  std::vector<std::pair<double, double>> taken_;
};

// Where a label of `width` centred on `center` goes, kept between kPlotLeft and kPlotRight.
std::pair<double, double> centered_span(double center, double width);

// Axis ticks on a 1-2-5 grid, about `about` of them from `low` to `high`, and the decimals
// their labels need.
struct Ticks {
  std::vector<double> values;
  int decimals = 0;
};
Ticks nice_ticks(double low, double high, int about);

// `text` cut with "…" where needed to be drawn within `width`.
std::string fit_text(const std::string& text, double width);

// How wide `text` is drawn at the report's chart font size, closely enough to keep labels
// from overlapping.
double text_width(std::string_view text);

}  // namespace lmlab
