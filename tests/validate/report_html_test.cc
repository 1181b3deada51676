// The report page's charts on hand-made numbers: every axis has a title, and the heatmap has a
// colour scale whose ends are the cells' ends. (tests/scripts/render_report_test.sh looks at the
// drawn page.)
#include <gtest/gtest.h>

#include <string>

#include "asanasim/validate.h"

namespace asanasim {
namespace {

ValidationReport Sample() {
  ValidationReport r;
  r.path = "w.sqlite";
  r.integrity = "ok";
  r.has_charts = true;
  ValidationCharts& c = r.charts;
  for (int d = 0; d < 7; ++d) {
    for (int h = 0; h < 24; ++h) c.activity[d][h] = (d < 5 && h >= 9 && h < 18) ? 40 : 2;
  }
  c.activity[2][14] = 123;  // the busiest cell
  c.lag_edges = {0.1, 1, 10, 100};
  c.lag_counts = {5, 20, 8};
  c.week_ends = {"2026-01-08", "2026-01-15", "2026-01-22"};
  c.open_tasks = {3, 5, 4};
  c.completed_tasks = {1, 6, 12};
  c.tasks_per_assignee = {9, 4, 1};
  return r;
}

// The SVG of the chart labelled `label`, or "" when there is none.
std::string Chart(const std::string& html, const std::string& label) {
  const size_t at = html.find("aria-label=\"" + label + "\"");
  if (at == std::string::npos) return "";
  const size_t start = html.rfind("<svg", at);
  return html.substr(start, html.find("</svg>", at) + 6 - start);
}

// Whether `svg` holds an axis title reading `text`.
bool HasTitle(const std::string& svg, const std::string& text) {
  const size_t end = svg.find(">" + text + "</text>");
  if (end == std::string::npos) return false;
  const std::string open = "<text class=\"axis-title\"";
  return svg.compare(svg.rfind("<text", end), open.size(), open) == 0;
}

TEST(ReportHtmlTest, EveryChartAxisHasATitle) {
  const std::string html = ReportHtml(Sample());
  const struct {
    const char* chart;
    const char* x;
    const char* y;
  } kCharts[] = {
      {"stories by local weekday and hour", "hour of day (author's local time)", "weekday"},
      {"completion lag, log axis", "days from creation to completion (log scale)",
       "top-level tasks"},
      {"open and completed tasks by week", "week ending", "tasks"},
      {"tasks per assignee, most loaded first", "assignees, most loaded first (3 in all)",
       "tasks assigned"},
  };
  for (const auto& c : kCharts) {
    const std::string svg = Chart(html, c.chart);
    ASSERT_FALSE(svg.empty()) << c.chart;
    EXPECT_EQ(svg.rfind("<svg class=\"chart\"", 0), 0u) << c.chart;
    EXPECT_TRUE(HasTitle(svg, c.x)) << c.chart << ": no x title " << c.x;
    EXPECT_TRUE(HasTitle(svg, c.y)) << c.chart << ": no y title " << c.y;
  }
}

TEST(ReportHtmlTest, HeatmapHasAColourScale) {
  const std::string svg = Chart(ReportHtml(Sample()), "stories by local weekday and hour");
  ASSERT_FALSE(svg.empty());
  EXPECT_NE(svg.find("<g class=\"legend\" aria-label=\"colour scale: 0 to 123 stories per cell\">"),
            std::string::npos);
  EXPECT_NE(svg.find("stories per cell over the whole history"), std::string::npos);
  // Its ends are the empty cell's colour and the busiest cell's, which the cells use too.
  EXPECT_NE(svg.find("<stop offset=\"0.000\" stop-color=\"rgb(240,244,250)\"/>"),
            std::string::npos);
  EXPECT_NE(svg.find("<stop offset=\"1.000\" stop-color=\"rgb(30,94,190)\"/>"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"rgb(30,94,190)\"><title>Wed 14:00"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"url(#heat-scale)\""), std::string::npos);
  // Ticks at 0, round values and the maximum, in stories.
  for (const char* tick : {">0</text>", ">50</text>", ">100</text>", ">123</text>"})
    EXPECT_NE(svg.find(tick), std::string::npos) << tick;
}

TEST(ReportHtmlTest, QuietHeatmapStillHasAScale) {
  ValidationReport r = Sample();
  r.charts.activity = {};
  const std::string svg = Chart(ReportHtml(r), "stories by local weekday and hour");
  EXPECT_NE(svg.find("aria-label=\"colour scale: 0 to 1 stories per cell\""), std::string::npos);
  EXPECT_NE(svg.find(">0</text>"), std::string::npos);
  EXPECT_NE(svg.find(">1</text>"), std::string::npos);
}

}  // namespace
}  // namespace asanasim
