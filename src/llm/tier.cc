#include "src/llm/tier.h"

#include <cstdio>

#include "src/util/json_writer.h"
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

std::string LlmSummaryJson(const LlmStats& s) {
  JsonWriter j;
  j.BeginObject()
      .Key("model")
      .String(s.model)
      .Key("requests")
      .Int(s.requests)
      .Key("succeeded")
      .Int(s.succeeded)
      .Key("retries")
      .Int(s.retries)
      .Key("rate_limited")
      .Int(s.rate_limited)
      .Key("prompt_tokens")
      .Int(s.prompt_tokens)
      .Key("completion_tokens")
      .Int(s.completion_tokens)
      .Key("cache_hits")
      .Int(s.cache_hits)
      .Key("variants")
      .Int(s.variants)
      .Key("fallbacks")
      .Int(s.fallbacks)
      .Key("dropped_items")
      .Int(s.dropped_items)
      .Key("seconds")
      .Double(s.seconds)
      .Key("requests_per_minute")
      .Double(s.requests_per_minute())
      .Key("parked")
      .Bool(s.parked);
  if (s.fatal.empty()) {
    j.Key("stopped").Null();
  } else {
    j.Key("stopped").String(s.fatal);
  }
  j.Key("pools").String(s.pool_digest).EndObject();
  return j.str();
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
