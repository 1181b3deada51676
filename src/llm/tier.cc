#include "src/llm/tier.h"

#include <cstdio>

#include "src/util/json.h"
#include "src/util/status.h"

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

void CompleteLlmStats(const LlmOptions& o, const TextPools& pools, LlmStats& stats) {
  stats.model = o.model;
  stats.variants = static_cast<int64_t>(pools.size());
  stats.pool_digest = pools.Digest();
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
              {"variants", s.variants},
              {"fallbacks", s.fallbacks},
              {"dropped_items", s.dropped_items},
              {"seconds", s.seconds},
              {"requests_per_minute", s.requests_per_minute()},
              {"parked", s.parked},
              {"stopped", s.fatal.empty() ? Json() : Json(s.fatal)},
              {"pools", s.pool_digest}};
}

std::string LlmSummaryLine(const LlmStats& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "llm: %lld requests (%lld retries, %lld rate-limited), %lld tokens, %lld cache "
                "hits, %lld variants, %lld fallbacks, %lld items dropped, %.1f requests/min over "
                "%.1f s%s",
                static_cast<long long>(s.requests), static_cast<long long>(s.retries),
                static_cast<long long>(s.rate_limited),
                static_cast<long long>(s.prompt_tokens + s.completion_tokens),
                static_cast<long long>(s.cache_hits), static_cast<long long>(s.variants),
                static_cast<long long>(s.fallbacks), static_cast<long long>(s.dropped_items),
                s.requests_per_minute(), s.seconds,
                s.parked ? " (daily quota reached: parked)" : "");
  return buf;
}

}  // namespace asanasim
