#include "reports/svg.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "reports/markup.hpp"

namespace lmlab {
namespace {

// Average advance of an 11 px sans-serif glyph, rounded up.
constexpr double kCharacterWidth = 6.4;

const char* anchor_name(TextAnchor anchor) {
  switch (anchor) {
    case TextAnchor::start: return "start";
    case TextAnchor::middle: return "middle";
    case TextAnchor::end: return "end";
  }
  return "start";
}

std::string points_attribute(const std::vector<Point>& points) {
  std::string text;
  for (const Point& point : points) {
    if (!text.empty()) text += ' ';
    text += fmt::format("{:.1f},{:.1f}", point.x, point.y);
  }
  return text;
}

}  // namespace

SvgDocument::SvgDocument(double width, std::string description)
    : width_(width), description_(std::move(description)) {}

void SvgDocument::set_layer(SvgLayer layer) { layer_ = layer; }

std::string& SvgDocument::target() {
  return layer_ == SvgLayer::background ? background_ : content_;
}

void SvgDocument::element(std::string_view open_tag, std::string_view tooltip) {
  if (tooltip.empty()) {
    target() += fmt::format("<{}/>\n", open_tag);
    return;
  }
  const std::string_view name = open_tag.substr(0, open_tag.find(' '));
  target() += fmt::format("<{}><title>{}</title></{}>\n", open_tag, escape_markup(tooltip), name);
}

void SvgDocument::rect(double x, double y, double width, double height, std::string_view css_class,
                       std::string_view tooltip) {
  element(fmt::format(R"(rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" class="{}")", x,
                      y, width, height, css_class),
          tooltip);
}

void SvgDocument::line(Point from, Point to, std::string_view css_class, std::string_view tooltip) {
  element(fmt::format(R"(line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" class="{}")", from.x,
                      from.y, to.x, to.y, css_class),
          tooltip);
}

void SvgDocument::polyline(const std::vector<Point>& points, std::string_view css_class) {
  if (points.size() < 2) return;
  element(fmt::format(R"(polyline points="{}" class="{}")", points_attribute(points), css_class),
          {});
}

void SvgDocument::polygon(const std::vector<Point>& points, std::string_view css_class,
                          std::string_view tooltip) {
  element(fmt::format(R"(polygon points="{}" class="{}")", points_attribute(points), css_class),
          tooltip);
}

void SvgDocument::text(Point at, std::string_view text, std::string_view css_class,
                       TextAnchor anchor, std::string_view tooltip) {
  const std::string title =
      tooltip.empty() ? "" : fmt::format("<title>{}</title>", escape_markup(tooltip));
  target() += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" class="{}" text-anchor="{}">{}{}</text>)"
                          "\n",
                          at.x, at.y, css_class, anchor_name(anchor), title, escape_markup(text));
}

std::string SvgDocument::render(double height) const {
  return fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0:.0f}" height="{1:.0f}" )"
                     R"(viewBox="0 0 {0:.0f} {1:.0f}" role="img" aria-label="{2}">)"
                     "\n{3}{4}</svg>\n",
                     width_, height, escape_markup(description_), background_, content_);
}

bool LabelRow::fits(double left, double right) const {
  constexpr double kSpacing = 4;
  for (const auto& [taken_left, taken_right] : taken_)
    if (left < taken_right + kSpacing && right > taken_left - kSpacing) return false;
  return true;
}

void LabelRow::take(double left, double right) { taken_.emplace_back(left, right); }

std::pair<double, double> centered_span(double center, double width) {
  const double left = std::clamp(center - width / 2, kPlotLeft, kPlotRight - width);
  return {left, left + width};
}

Ticks nice_ticks(double low, double high, int about) {
  const double raw = (high - low) / about;
  if (!(raw > 0)) return Ticks{{low}, 0};
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double step = magnitude;
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * magnitude;
    if (step >= raw) break;
  }
  Ticks ticks;
  ticks.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  // Whole multiples of the step: no drift, and never "-0".
  for (auto k = static_cast<long long>(std::ceil(low / step - 1e-9));
       static_cast<double>(k) * step <= high + step * 1e-9; ++k)
    ticks.values.push_back(static_cast<double>(k) * step);
  return ticks;
}

std::string fit_text(const std::string& text, double width) {
  if (text_width(text) <= width) return text;
  std::string cut = text;
  // Drop whole UTF-8 characters until the text and the ellipsis fit.
  while (!cut.empty() && text_width(cut + "…") > width) {
    while ((static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    cut.pop_back();
  }
  return cut + "…";
}

double text_width(std::string_view text) {
  // Characters, not bytes: UTF-8 continuation bytes do not advance.
  std::size_t characters = 0;
  for (const char c : text) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return static_cast<double>(characters) * kCharacterWidth;
}

}  // namespace lmlab
