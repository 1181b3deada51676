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

void FillLlmSummary(const GenerateOptions& o, const LlmStats& st, const TextPools& pools,
                    GenerateSummary& s) {
  s.llm_enabled = true;
  s.llm_model = o.llm_model;
  s.llm_requests = st.requests;
  s.llm_succeeded = st.succeeded;
  s.llm_retries = st.retries;
  s.llm_rate_limited = st.rate_limited;
  s.llm_prompt_tokens = st.prompt_tokens;
  s.llm_completion_tokens = st.completion_tokens;
  s.llm_cache_hits = st.cache_hits;
  s.llm_fallbacks = st.fallbacks;
  s.llm_dropped_items = st.dropped_items;
  s.llm_variants = static_cast<int64_t>(pools.size());
  s.llm_seconds = st.seconds;
  s.llm_requests_per_minute = st.requests_per_minute();
  s.llm_parked = st.parked;
  s.llm_stopped = st.fatal;
  s.llm_pool_digest = pools.Digest();
}

std::string LlmSummaryJson(const GenerateSummary& s) {
  JsonWriter j;
  j.BeginObject()
      .Key("model")
      .String(s.llm_model)
      .Key("requests")
      .Int(s.llm_requests)
      .Key("succeeded")
      .Int(s.llm_succeeded)
      .Key("retries")
      .Int(s.llm_retries)
      .Key("rate_limited")
      .Int(s.llm_rate_limited)
      .Key("prompt_tokens")
      .Int(s.llm_prompt_tokens)
      .Key("completion_tokens")
      .Int(s.llm_completion_tokens)
      .Key("cache_hits")
      .Int(s.llm_cache_hits)
      .Key("variants")
      .Int(s.llm_variants)
      .Key("fallbacks")
      .Int(s.llm_fallbacks)
      .Key("dropped_items")
      .Int(s.llm_dropped_items)
      .Key("seconds")
      .Double(s.llm_seconds)
      .Key("requests_per_minute")
      .Double(s.llm_requests_per_minute)
      .Key("parked")
      .Bool(s.llm_parked);
  if (s.llm_stopped.empty()) {
    j.Key("stopped").Null();
  } else {
    j.Key("stopped").String(s.llm_stopped);
  }
  j.Key("pools").String(s.llm_pool_digest).EndObject();
  return j.str();
}

std::string LlmSummaryLine(const GenerateSummary& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "llm: %lld requests (%lld retries, %lld rate-limited), %lld tokens, %lld cache "
                "hits, %lld variants, %lld fallbacks, %lld items dropped, %.1f requests/min over "
                "%.1f s%s",
                static_cast<long long>(s.llm_requests), static_cast<long long>(s.llm_retries),
                static_cast<long long>(s.llm_rate_limited),
                static_cast<long long>(s.llm_prompt_tokens + s.llm_completion_tokens),
                static_cast<long long>(s.llm_cache_hits), static_cast<long long>(s.llm_variants),
                static_cast<long long>(s.llm_fallbacks),
                static_cast<long long>(s.llm_dropped_items), s.llm_requests_per_minute,
                s.llm_seconds, s.llm_parked ? " (daily quota reached: parked)" : "");
  return buf;
}

}  // namespace asanasim
