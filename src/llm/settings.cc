#include "src/llm/settings.h"

#include <cstdio>

#include "src/util/json_writer.h"
#include "src/util/status.h"

namespace asanasim {

ModelLimits LimitsOf(const std::string& model) {
  if (model.rfind("openai/gpt-oss", 0) == 0 || model.rfind("qwen/", 0) == 0) return {30, 8000};
  if (model == "llama-3.3-70b-versatile") return {30, 12000};
  return {30, 6000};  // llama-3.1-8b-instant and unknown models: the most conservative
}

bool LlmEnabled(const GenerateOptions& o) {
  if (o.llm == "groq") return true;
  if (o.llm == "off") return false;
  return !o.llm_api_key.empty();
}

absl::Status ValidateLlmOptions(const GenerateOptions& o) {
  if (!o.llm.empty() && o.llm != "off" && o.llm != "groq")
    return absl::InvalidArgumentError(Cat("--llm ", o.llm, " is not off or groq"));
  if (!LlmEnabled(o)) return absl::OkStatus();
  if (o.llm_api_key.empty() && !o.llm_offline) {
    return absl::InvalidArgumentError(
        "--llm groq needs GROQ_API_KEY (in the environment or .env; never as a flag), or "
        "--llm-offline to use the cache alone");
  }
  const auto range = [](std::string_view name, double v, double lo, double hi) {
    if (v >= lo && v <= hi) return absl::OkStatus();
    char buf[96];
    std::snprintf(buf, sizeof buf, " %g is out of range [%g, %g]", v, lo, hi);
    return absl::InvalidArgumentError(Cat("--", name, buf));
  };
  ASANASIM_RETURN_IF_ERROR(range("llm-share", o.llm_share, 0, 1));
  ASANASIM_RETURN_IF_ERROR(range("llm-pool-size", o.llm_pool_size, 1, 1000));
  ASANASIM_RETURN_IF_ERROR(range("llm-batch", o.llm_batch, 1, 50));
  ASANASIM_RETURN_IF_ERROR(range("llm-concurrency", o.llm_concurrency, 1, 64));
  ASANASIM_RETURN_IF_ERROR(range("llm-rpm", o.llm_rpm, 0, 1e6));
  ASANASIM_RETURN_IF_ERROR(range("llm-tpm", o.llm_tpm, 0, 1e9));
  ASANASIM_RETURN_IF_ERROR(range("llm-timeout-ms", o.llm_timeout_ms, 100, 3600000));
  if (o.llm_model.empty()) return absl::InvalidArgumentError("GROQ_MODEL is empty");
  if (o.llm_cache.empty()) return absl::InvalidArgumentError("--llm-cache is empty");
  if (o.llm_base_url.rfind("http://", 0) != 0 && o.llm_base_url.rfind("https://", 0) != 0)
    return absl::InvalidArgumentError(
        Cat("GROQ_BASE_URL ", o.llm_base_url, " is not an http(s) URL"));
  return absl::OkStatus();
}

LlmSettings LlmSettingsOf(const GenerateOptions& o) {
  const ModelLimits limits = LimitsOf(o.llm_model);
  LlmSettings s;
  s.client.api_key = o.llm_api_key;
  s.client.base_url = o.llm_base_url;
  s.client.concurrency = o.llm_concurrency;
  s.client.requests_per_minute = o.llm_rpm > 0 ? o.llm_rpm : limits.requests_per_minute;
  s.client.tokens_per_minute = o.llm_tpm > 0 ? o.llm_tpm : limits.tokens_per_minute;
  s.client.burst_seconds = o.llm_burst_seconds;
  s.client.max_requests = o.llm_max_requests;
  s.client.max_tokens = o.llm_max_tokens;
  s.client.timeout_ms = o.llm_timeout_ms;
  s.client.jitter_seed = o.seed + 1;
  s.model = o.llm_model;
  s.cache_dir = o.llm_cache;
  s.prompts_dir = o.llm_prompts;
  s.pool_size = o.llm_pool_size;
  s.batch_size = o.llm_batch;
  s.offline = o.llm_offline;
  return s;
}

void CompleteLlmStats(const GenerateOptions& o, const TextPools& pools, LlmStats& stats) {
  stats.model = o.llm_model;
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
