#include "src/llm/tier.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "src/util/json.h"
#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {

absl::Status CheckLlmOptions(const LlmOptions& o) {
  if (!o.enabled()) return absl::OkStatus();
  if (o.api_key.empty() && !o.offline) {
    return absl::InvalidArgumentError(
        "--llm groq needs GROQ_API_KEY (in the environment or .env; never as a flag), or "
        "--llm-offline to use the cache alone");
  }
  if (o.model.empty()) return absl::InvalidArgumentError("--llm-model is empty");
  if (o.cache.empty()) return absl::InvalidArgumentError("--llm-cache is empty");
  return absl::OkStatus();
}

void CompleteLlmStats(const LlmOptions& o, LlmStats& stats) {
  stats.model = o.model;
  stats.deadline_s = o.deadline_s;
}

Json LlmSummaryJson(const LlmStats& s) {
  return Json{{"model", s.model},
              {"requests", s.requests},
              {"succeeded", s.succeeded},
              {"retries", s.retries},
              {"rate_limited", s.rate_limited},
              {"prompt_tokens", s.prompt_tokens},
              {"completion_tokens", s.completion_tokens},
              {"cache_hits", s.cache_hits},
              {"archetypes", s.archetypes},
              {"archetypes_wanted", s.archetypes_wanted},
              {"rejected", s.rejected},
              {"reject_reasons", Json(s.reject_reasons)},
              {"seconds", s.seconds},
              {"requests_per_minute", s.requests_per_minute()},
              {"parked", s.parked},
              {"deadline_s", JsonNumber(s.deadline_s)},
              {"deadline_passed", s.deadline_passed},
              {"stopped", s.fatal.empty() ? Json() : Json(s.fatal)},
              {"archetype_digest", s.digest}};
}

std::string LlmSummaryLine(const LlmStats& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "llm: %lld requests (%lld retries, %lld rate-limited), %lld tokens, %lld cache "
                "hits, %.1f requests/min over %.1f s; %lld of %lld archetypes accepted, %lld "
                "rejected",
                static_cast<long long>(s.requests), static_cast<long long>(s.retries),
                static_cast<long long>(s.rate_limited),
                static_cast<long long>(s.prompt_tokens + s.completion_tokens),
                static_cast<long long>(s.cache_hits), s.requests_per_minute(), s.seconds,
                static_cast<long long>(s.archetypes), static_cast<long long>(s.archetypes_wanted),
                static_cast<long long>(s.rejected));
  std::string line = buf;
  if (!s.reject_reasons.empty()) {
    // The commonest reasons first.
    std::vector<std::pair<std::string, int64_t>> reasons(s.reject_reasons.begin(),
                                                         s.reject_reasons.end());
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    line += " (";
    for (size_t i = 0; i < reasons.size(); ++i)
      line += Cat(i ? ", " : "", reasons[i].first, " ", std::to_string(reasons[i].second));
    line += ")";
  }
  if (s.parked) line += " (daily quota reached: parked)";
  if (s.deadline_passed)
    line += Cat(" (stopped at --llm-deadline ", FormatSeconds(s.deadline_s), ")");
  return line;
}

}  // namespace asanasim
