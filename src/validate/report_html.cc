// `validate --report`: one self-contained HTML page, no scripts or external resources. Charts are
// inline SVG drawn here from the report's numbers.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "asanasim/validate.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Num(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// "Nice" axis maximum and tick step for values up to `max`.
void NiceAxis(double max, double* top, double* step) {
  if (max <= 0) max = 1;
  const double raw = max / 4;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double s = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (raw <= m * mag) {
      s = m * mag;
      break;
    }
  }
  *step = s;
  *top = std::ceil(max / s) * s;
}

struct Frame {
  double width = 860;
  double height = 260;
  double left = 64;
  double right = 16;
  double top = 16;
  double bottom = 40;
  double plot_w() const { return width - left - right; }
  double plot_h() const { return height - top - bottom; }
};

std::string SvgOpen(const Frame& f, std::string_view label) {
  return "<svg class=\"chart\" role=\"img\" aria-label=\"" + Escape(label) + "\" width=\"" +
         Num(f.width, 0) + "\" height=\"" + Num(f.height, 0) + "\" viewBox=\"0 0 " +
         Num(f.width, 0) + " " + Num(f.height, 0) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
}

// Horizontal grid lines and y labels from 0 to `top`.
std::string YAxis(const Frame& f, double top, double step) {
  std::string out;
  for (double v = 0; v <= top + step / 2; v += step) {
    const double y = f.top + f.plot_h() * (1 - v / top);
    out += "<line class=\"grid\" x1=\"" + Num(f.left) + "\" x2=\"" + Num(f.width - f.right) +
           "\" y1=\"" + Num(y) + "\" y2=\"" + Num(y) + "\"/>";
    out += "<text class=\"tick\" x=\"" + Num(f.left - 6) + "\" y=\"" + Num(y + 4) +
           "\" text-anchor=\"end\">" + Thousands(static_cast<int64_t>(v)) + "</text>";
  }
  return out;
}

// An axis's title: centred under the plot at baseline `y` (x axis), or turned a quarter left and
// centred beside the plot, left of the tick labels (y axis).
std::string XTitle(const Frame& f, double y, std::string_view title) {
  return "<text class=\"axis-title\" x=\"" + Num(f.left + f.plot_w() / 2) + "\" y=\"" + Num(y) +
         "\" text-anchor=\"middle\">" + Escape(title) + "</text>";
}

std::string YTitle(const Frame& f, std::string_view title) {
  const std::string x = Num(14);
  const std::string y = Num(f.top + f.plot_h() / 2);
  return "<text class=\"axis-title\" x=\"" + x + "\" y=\"" + y + "\" transform=\"rotate(-90 " + x +
         " " + y + ")\" text-anchor=\"middle\">" + Escape(title) + "</text>";
}

// The heatmap's colour for `t` in [0, 1] (the square root of a cell's share of the busiest cell,
// so that quiet hours stay visible). Every colour lies on one line in RGB, from near-white to
// dark blue: the render test recognises the heatmap and its legend by that.
std::string HeatColour(double t) {
  const auto channel = [t](double from, double span) {
    return std::to_string(static_cast<int>(std::lround(from - span * t)));
  };
  return "rgb(" + channel(240, 210) + "," + channel(244, 150) + "," + channel(250, 60) + ")";
}

// The heatmap's colour scale: a bar graded like the cells, linear in stories, with ticks at 0,
// round values and the busiest cell's count.
std::string HeatLegend(const Frame& f, double y, int64_t max) {
  constexpr double kWidth = 240;
  constexpr double kHeight = 12;
  constexpr int kStops = 24;
  std::string out = "<g class=\"legend\" aria-label=\"colour scale: 0 to " + Thousands(max) +
                    " stories per cell\"><defs><linearGradient id=\"heat-scale\">";
  for (int i = 0; i <= kStops; ++i) {
    const double share = static_cast<double>(i) / kStops;
    out += "<stop offset=\"" + Num(share, 3) + "\" stop-color=\"" + HeatColour(std::sqrt(share)) +
           "\"/>";
  }
  out += "</linearGradient></defs><rect x=\"" + Num(f.left) + "\" y=\"" + Num(y) + "\" width=\"" +
         Num(kWidth) + "\" height=\"" + Num(kHeight) + "\" fill=\"url(#heat-scale)\"/>";
  double top = 0, step = 0;
  NiceAxis(static_cast<double>(max), &top, &step);
  step = std::max(step, 1.0);  // whole stories
  std::vector<int64_t> ticks;
  // Round values, less one that would crowd the end label.
  for (double v = 0; v < static_cast<double>(max) * 0.85; v += step)
    ticks.push_back(static_cast<int64_t>(v));
  ticks.push_back(max);
  for (int64_t v : ticks) {
    const double x = f.left + kWidth * static_cast<double>(v) / static_cast<double>(max);
    out += "<line class=\"axis\" x1=\"" + Num(x) + "\" x2=\"" + Num(x) + "\" y1=\"" +
           Num(y + kHeight) + "\" y2=\"" + Num(y + kHeight + 4) + "\"/><text class=\"tick\" x=\"" +
           Num(x) + "\" y=\"" + Num(y + kHeight + 16) + "\" text-anchor=\"middle\">" +
           Thousands(v) + "</text>";
  }
  out += "<text class=\"axis-title\" x=\"" + Num(f.left + kWidth + 14) + "\" y=\"" +
         Num(y + kHeight - 2) +
         "\">stories per cell over the whole history (colour on a square-root scale)</text>";
  return out + "</g>";
}

std::string ActivityHeatmap(const ValidationCharts& c) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  Frame f;
  f.bottom = 80;  // hour ticks, the x title, then the colour scale
  f.height = f.top + 7 * 26 + f.bottom;
  const double cell_w = (f.width - f.left - f.right) / 24;
  int64_t max = 1;
  for (const auto& day : c.activity) {
    for (int64_t v : day) max = std::max(max, v);
  }
  std::string out = SvgOpen(f, "stories by local weekday and hour");
  for (int d = 0; d < 7; ++d) {
    const double y = f.top + d * 26;
    out += "<text class=\"tick\" x=\"" + Num(f.left - 6) + "\" y=\"" + Num(y + 17) +
           "\" text-anchor=\"end\">" + kDays[d] + "</text>";
    for (int h = 0; h < 24; ++h) {
      const int64_t v = c.activity[static_cast<size_t>(d)][static_cast<size_t>(h)];
      const double t = std::sqrt(static_cast<double>(v) / static_cast<double>(max));
      out += "<rect x=\"" + Num(f.left + h * cell_w) + "\" y=\"" + Num(y) + "\" width=\"" +
             Num(cell_w - 2) + "\" height=\"24\" fill=\"" + HeatColour(t) + "\"><title>" +
             kDays[d] + " " + std::to_string(h) + ":00 — " + Thousands(v) +
             " stories</title></rect>";
    }
  }
  for (int h = 0; h < 24; h += 2) {
    out += "<text class=\"tick\" x=\"" + Num(f.left + (h + 0.5) * cell_w) + "\" y=\"" +
           Num(f.top + 7 * 26 + 16) + "\" text-anchor=\"middle\">" + std::to_string(h) + "h</text>";
  }
  out += XTitle(f, f.top + 7 * 26 + 34, "hour of day (author's local time)");
  out += YTitle(f, "weekday");
  out += HeatLegend(f, f.top + 7 * 26 + 46, max);
  return out + "</svg>";
}

std::string LagHistogram(const ValidationCharts& c) {
  Frame f;
  int64_t max = 1;
  for (int64_t v : c.lag_counts) max = std::max(max, v);
  double top = 0, step = 0;
  NiceAxis(static_cast<double>(max), &top, &step);
  std::string out =
      SvgOpen(f, "completion lag, log axis") + YAxis(f, top, step) + YTitle(f, "top-level tasks");
  const double bar_w = f.plot_w() / static_cast<double>(c.lag_counts.size());
  for (size_t i = 0; i < c.lag_counts.size(); ++i) {
    const double h = f.plot_h() * static_cast<double>(c.lag_counts[i]) / top;
    out += "<rect class=\"bar\" x=\"" + Num(f.left + static_cast<double>(i) * bar_w + 1) +
           "\" y=\"" + Num(f.top + f.plot_h() - h) + "\" width=\"" + Num(bar_w - 2) +
           "\" height=\"" + Num(h) + "\"><title>" + Num(c.lag_edges[i], 2) + "–" +
           Num(c.lag_edges[i + 1], 2) + " days: " + Thousands(c.lag_counts[i]) + "</title></rect>";
  }
  // Decade labels at every fourth edge.
  for (size_t i = 0; i < c.lag_edges.size(); i += 4) {
    const double x = f.left + static_cast<double>(i) * bar_w;
    const double d = c.lag_edges[i];
    const std::string label = d < 1 ? Num(d, d < 0.1 ? 2 : 1) : Thousands(std::llround(d));
    out += "<line class=\"axis\" x1=\"" + Num(x) + "\" x2=\"" + Num(x) + "\" y1=\"" +
           Num(f.top + f.plot_h()) + "\" y2=\"" + Num(f.top + f.plot_h() + 5) + "\"/>";
    out += "<text class=\"tick\" x=\"" + Num(x) + "\" y=\"" + Num(f.top + f.plot_h() + 18) +
           "\" text-anchor=\"middle\">" + label + "</text>";
  }
  out += XTitle(f, f.height - 4, "days from creation to completion (log scale)");
  return out + "</svg>";
}

std::string Polyline(const Frame& f, const std::vector<int64_t>& v, double top,
                     std::string_view cls) {
  std::string points;
  const double n = static_cast<double>(std::max<size_t>(v.size(), 2) - 1);
  for (size_t i = 0; i < v.size(); ++i) {
    points += Num(f.left + f.plot_w() * static_cast<double>(i) / n) + "," +
              Num(f.top + f.plot_h() * (1 - static_cast<double>(v[i]) / top)) + " ";
  }
  return "<polyline class=\"" + std::string(cls) + "\" points=\"" + points + "\"/>";
}

std::string OpenVsCompleted(const ValidationCharts& c) {
  Frame f;
  int64_t max = 1;
  for (int64_t v : c.open_tasks) max = std::max(max, v);
  for (int64_t v : c.completed_tasks) max = std::max(max, v);
  double top = 0, step = 0;
  NiceAxis(static_cast<double>(max), &top, &step);
  std::string out =
      SvgOpen(f, "open and completed tasks by week") + YAxis(f, top, step) + YTitle(f, "tasks");
  out += Polyline(f, c.completed_tasks, top, "line done");
  out += Polyline(f, c.open_tasks, top, "line open");
  const size_t n = c.week_ends.size();
  for (size_t i = 0; i < n; i += std::max<size_t>(1, n / 6)) {
    const double x = f.left + f.plot_w() * static_cast<double>(i) /
                                  static_cast<double>(std::max<size_t>(n, 2) - 1);
    out += "<text class=\"tick\" x=\"" + Num(x) + "\" y=\"" + Num(f.top + f.plot_h() + 18) +
           "\" text-anchor=\"middle\">" + Escape(c.week_ends[i]) + "</text>";
  }
  out += XTitle(f, f.height - 4, "week ending");
  out += "<rect x=\"" + Num(f.left + 12) + "\" y=\"" + Num(f.top + 6) +
         "\" width=\"12\" height=\"4\" class=\"key done\"/><text class=\"tick\" x=\"" +
         Num(f.left + 30) + "\" y=\"" + Num(f.top + 12) + "\">completed so far</text>";
  out += "<rect x=\"" + Num(f.left + 152) + "\" y=\"" + Num(f.top + 6) +
         "\" width=\"12\" height=\"4\" class=\"key open\"/><text class=\"tick\" x=\"" +
         Num(f.left + 170) + "\" y=\"" + Num(f.top + 12) + "\">open at week end</text>";
  return out + "</svg>";
}

std::string PerAssignee(const ValidationCharts& c) {
  Frame f;
  const int64_t max = c.tasks_per_assignee.empty() ? 1 : c.tasks_per_assignee.front();
  double top = 0, step = 0;
  NiceAxis(static_cast<double>(max), &top, &step);
  std::string out = SvgOpen(f, "tasks per assignee, most loaded first") + YAxis(f, top, step) +
                    YTitle(f, "tasks assigned");
  const double n = static_cast<double>(std::max<size_t>(c.tasks_per_assignee.size(), 1));
  const double bar_w = f.plot_w() / n;
  std::string path = "M" + Num(f.left) + "," + Num(f.top + f.plot_h());
  for (size_t i = 0; i < c.tasks_per_assignee.size(); ++i) {
    const double y = f.top + f.plot_h() * (1 - static_cast<double>(c.tasks_per_assignee[i]) / top);
    path += " L" + Num(f.left + static_cast<double>(i) * bar_w) + "," + Num(y) + " L" +
            Num(f.left + static_cast<double>(i + 1) * bar_w) + "," + Num(y);
  }
  path += " L" + Num(f.left + f.plot_w()) + "," + Num(f.top + f.plot_h()) + " Z";
  out += "<path class=\"area\" d=\"" + path + "\"/>";
  out += XTitle(f, f.height - 4,
                "assignees, most loaded first (" +
                    Thousands(static_cast<int64_t>(c.tasks_per_assignee.size())) + " in all)");
  return out + "</svg>";
}

// A bullet per statistic: the target range as a band, the measured value as a marker.
std::string Scorecard(const ValidationReport& r) {
  std::string out =
      "<table class=\"stats\"><tr><th></th><th>statistic</th><th>value</th>"
      "<th>target</th><th></th><th>sample</th></tr>";
  for (const StatResult& s : r.stats) {
    double lo = std::min(s.lo, std::isnan(s.value) ? s.lo : s.value);
    double hi = std::max(s.hi, std::isnan(s.value) ? s.hi : s.value);
    const double pad = (hi - lo) * 0.15 + 1e-9;
    lo -= pad;
    hi += pad;
    const auto x = [&](double v) { return 4 + 232 * (v - lo) / (hi - lo); };
    std::string bullet =
        "<svg width=\"240\" height=\"18\" xmlns=\"http://www.w3.org/2000/svg\">"
        "<rect class=\"band\" x=\"" +
        Num(x(s.lo)) + "\" y=\"4\" width=\"" + Num(x(s.hi) - x(s.lo)) + "\" height=\"10\"/>";
    if (!std::isnan(s.value)) {
      bullet += "<rect class=\"" + std::string(s.in_range ? "mark" : "mark bad") + "\" x=\"" +
                Num(x(s.value) - 2) + "\" y=\"1\" width=\"4\" height=\"16\"/>";
    }
    bullet += "</svg>";
    const char* verdict = !s.judged ? "n/a" : (s.in_range ? "ok" : "OUT");
    out += "<tr><td class=\"" + std::string(s.judged && !s.in_range ? "bad" : "good") + "\">" +
           verdict + "</td><td><b>" + Escape(s.name) + "</b><br><small>" + Escape(s.description) +
           "</small></td><td>" + Num(s.value, 3) + "</td><td>[" + Num(s.lo, 2) + ", " +
           Num(s.hi, 2) + "]</td><td>" + bullet + "</td><td>" + Thousands(s.sample) + "</td></tr>";
  }
  return out + "</table>";
}

std::string Rules(const ValidationReport& r) {
  std::string out = "<div class=\"rules\">";
  for (const RuleResult& rule : r.rules) {
    out += "<div class=\"rule " + std::string(rule.violations == 0 ? "good" : "bad") +
           "\" title=\"" + Escape(rule.description) + "\"><b>" +
           (rule.violations == 0 ? std::string("✓") : Thousands(rule.violations)) + "</b> " +
           Escape(rule.name);
    if (!rule.examples.empty()) {
      out += "<br><small>e.g.";
      for (int64_t id : rule.examples) out.append(" ").append(std::to_string(id));
      out += "</small>";
    }
    out += "</div>";
  }
  return out + "</div>";
}

// The text checks: verdict, value against target, and example ids with their texts.
std::string TextTable(const ValidationReport& r) {
  std::string out =
      "<table class=\"stats\"><tr><th></th><th>check</th><th>value</th><th>target</th>"
      "<th>sample</th></tr>";
  for (const TextCheckResult& t : r.text) {
    const char* verdict = !t.judged ? "n/a" : (t.met ? "met" : (t.gating ? "MISS" : "miss"));
    const std::string value =
        std::isnan(t.value)
            ? std::string("n/a")
            : (t.count ? Thousands(static_cast<int64_t>(t.value)) : Num(t.value, 3));
    const std::string target =
        t.count ? std::string("0") : (t.at_most ? "&le; " : "&ge; ") + Num(t.target, 3);
    std::string examples;
    for (size_t i = 0; i < t.examples.size(); ++i) {
      examples += "<br><small>" + std::to_string(t.examples[i]);
      if (i < t.example_texts.size() && !t.example_texts[i].empty())
        examples += " &ldquo;" + Escape(t.example_texts[i].substr(0, 160)) + "&rdquo;";
      examples += "</small>";
    }
    out += "<tr><td class=\"" + std::string(t.judged && !t.met ? "bad" : "good") + "\">" + verdict +
           "</td><td><b>" + Escape(t.name) + "</b><br><small>" + Escape(t.description) +
           "</small>" + examples + "</td><td>" + value + "</td><td>" + target + "</td><td>" +
           Thousands(t.sample) + "</td></tr>";
  }
  return out + "</table>";
}

}  // namespace

std::string ReportHtml(const ValidationReport& r) {
  int64_t failing_rules = 0;
  for (const RuleResult& rule : r.rules) failing_rules += rule.violations != 0;
  int64_t out_of_range = 0;
  for (const StatResult& s : r.stats) out_of_range += s.judged && !s.in_range;
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>asanasim validate: " +
      Escape(r.path) +
      "</title><style>"
      "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2433;"
      "margin:24px auto;max-width:900px;padding:0 16px}"
      "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}"
      ".verdict{display:inline-block;padding:4px 10px;border-radius:4px;font-weight:600}"
      ".good{color:#0b6b3a}.bad{color:#b3261e}.verdict.good{background:#dff3e7}"
      ".verdict.bad{background:#fbe3e1}.grid{stroke:#e6e8ee}.axis{stroke:#8a90a0}"
      ".chart{display:block}.tick{font-size:11px;fill:#5b6275}"
      ".axis-title{font-size:12px;fill:#3d4456}.bar{fill:#4a78c2}.area{fill:#9db7e4;stroke:#4a78c2}"
      ".line{fill:none;stroke-width:2.5}.line.done{stroke:#2e8b57}.key.done{fill:#2e8b57}"
      ".line.open{stroke:#d9822b}.key.open{fill:#d9822b}.band{fill:#dff3e7}.mark{fill:#1d2433}"
      ".mark.bad{fill:#b3261e}table.stats{border-collapse:collapse;width:100%}"
      ".stats td,.stats th{border-bottom:1px solid #eceef3;padding:4px 6px;text-align:left;"
      "vertical-align:middle;white-space:nowrap}.stats "
      "td:nth-child(2){white-space:normal}.rules{display:flex;flex-wrap:wrap;gap:6px}"
      ".rule{border:1px solid #dfe3ea;border-radius:4px;padding:3px 8px;font-size:12px}"
      ".rule.bad{border-color:#b3261e;background:#fbe3e1}small{color:#5b6275}"
      "</style></head><body>\n";
  html += "<h1>asanasim validate</h1><div>" + Escape(r.path) + "</div><p><span class=\"verdict " +
          std::string(r.ok() ? "good" : "bad") + "\">" +
          (r.ok() ? std::string("valid: every check holds")
                  : "INVALID: " + std::to_string(failing_rules) + " rule(s) broken, " +
                        std::to_string(out_of_range) + " statistic(s) out of range") +
          "</span> &nbsp; integrity: <b>" + Escape(r.integrity) + "</b> &nbsp; foreign keys: <b>" +
          (r.foreign_key_violations == 0 ? std::string("ok")
                                         : Thousands(r.foreign_key_violations) + " violations") +
          "</b> &nbsp; " + Num(r.seconds, 1) + " s</p>\n";
  if (r.has_charts) {
    html += "<h2>Activity by local weekday and hour</h2>" + ActivityHeatmap(r.charts) + "\n";
    html += "<h2>Completion lag (top-level tasks, log axis)</h2>" + LagHistogram(r.charts) + "\n";
    html += "<h2>Open vs completed over time</h2>" + OpenVsCompleted(r.charts) + "\n";
    html += "<h2>Tasks per assignee</h2>" + PerAssignee(r.charts) + "\n";
  }
  html += "<h2>Business rules (" + std::to_string(r.rules.size()) + ")</h2>" + Rules(r) + "\n";
  html += "<h2>Realism scorecard</h2>" + Scorecard(r) + "\n";
  int64_t text_met = 0;
  int64_t text_gating = 0;
  for (const TextCheckResult& t : r.text) {
    text_met += t.judged && t.met;
    text_gating += t.gating;
  }
  html += "<h2>Text realism (" + std::to_string(text_met) + " of " + std::to_string(r.text.size()) +
          " met; " +
          (text_gating == 0 ? std::string("reported, not gating")
                            : std::to_string(text_gating) + " gating") +
          ")</h2>" + TextTable(r) + "\n</body></html>\n";
  return html;
}

}  // namespace asanasim
