// GroqClient: chat completions over libcurl's multi interface on the calling thread (the I/O
// thread of the pool phase), many requests in flight on reused connections, paced as Groq counts
// (RatePacer: requests and tokens over a sliding minute, each request reserving the tokens it
// will likely use and settled to its usage, corrected from Groq's x-ratelimit-* headers), with
// Groq's retry rules:
//   429           wait as retry-after says (else "try again in ..." in the message, else the
//                 reset header), then retry; a daily quota (RPD/TPD, or a wait over 2 minutes)
//                 parks the client: the rest fail fast and the run falls back to templates.
//   5xx, 498, transport errors (reset, timeout, refused)
//                 capped exponential backoff with full jitter, up to max_attempts.
//   401, 403, 404, 413, 400 (other than json_validate_failed)
//                 fatal: one clear message, the client stops, the run completes on templates.
//   no byte back  (refused, unresolved, or nothing for timeout_ms) silent_limit times in a row:
//                 fatal likewise (a server that accepts and never answers costs one timeout).
// A deadline bounds the whole phase: when it passes, the client stops like an interrupt, but the
// run goes on with what was answered.
// The API key goes only into the Authorization header: never into errors, logs or results.
// Thread-hostile: one thread drives a client.
#ifndef ASANASIM_SRC_LLM_CLIENT_H_
#define ASANASIM_SRC_LLM_CLIENT_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "asanasim/llm.h"

namespace asanasim {

struct LlmClientConfig {
  std::string api_key;
  std::string base_url = "https://api.groq.com";  // + /openai/v1/chat/completions
  int concurrency = 4;                            // requests in flight
  double requests_per_minute = 30;
  double tokens_per_minute = 8000;
  double burst_seconds = 60;             // at most this share of a minute's limits in any such span
  double window_s = 60;                  // the server's window (Groq: a minute)
  int64_t max_completion_tokens = 2048;  // what a request may use at most (the first estimate)
  int64_t max_requests = 0;              // budget; 0 = unlimited
  int64_t max_tokens = 0;                // budget on prompt + completion tokens; 0 = unlimited
  int max_attempts = 6;
  double backoff_base_s = 0.5;
  double backoff_cap_s = 30;
  long connect_timeout_ms = 5000;
  long timeout_ms = 60000;
  // Requests in a row that got no byte back (refused, unresolved, or silent for timeout_ms)
  // before the tier stops: a server that accepts and never answers costs about one timeout.
  int silent_limit = 3;
  // When the client must stop (time point zero: never): what is in flight is abandoned, the
  // rest fail fast, and stats().deadline_passed is set.
  std::chrono::steady_clock::time_point deadline{};
  uint64_t jitter_seed = 1;  // backoff jitter only: never changes what is generated
  const std::atomic<bool>* cancel = nullptr;  // stops Run within a second when set
  std::function<void(std::string_view)> log;  // one line per HTTP attempt; may be empty
};

// Free-tier limits of a Groq model (docs/reference/groq-api.md section 4): requests and tokens per
// minute.
struct ModelLimits {
  double requests_per_minute;
  double tokens_per_minute;
};
ModelLimits LimitsOf(const std::string& model);

// The client's configuration for the tier's options: limits default to the model's free tier;
// `jitter_seed` seeds the backoff jitter (never what is generated).
LlmClientConfig ClientConfigFor(const LlmOptions& options, uint64_t jitter_seed);

struct LlmRequest {
  std::string body;  // the JSON request
};

struct LlmResponse {
  bool ok = false;
  std::string content = {};  // choices[0].message.content
  std::string finish_reason = {};
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  std::string error = {};  // when !ok: why (never contains the key)
};

class GroqClient {
 public:
  explicit GroqClient(LlmClientConfig config);
  ~GroqClient();
  GroqClient(const GroqClient&) = delete;
  GroqClient& operator=(const GroqClient&) = delete;

  // Sends every request (paced, retried) and returns one response per request, in order. After
  // a fatal error, a parked quota or an interrupt the remaining requests come back !ok without
  // being sent (an interrupt also abandons those in flight). `on_response` (may be empty) gets
  // each request's response the moment it is final; `on_progress` (may be empty) is called as
  // requests finish and about once a second while waiting.
  std::vector<LlmResponse> Run(
      const std::vector<LlmRequest>& requests,
      const std::function<void(size_t index, const LlmResponse&)>& on_response,
      const std::function<void(const LlmProgress&)>& on_progress);

  const LlmStats& stats() const { return stats_; }
  bool stopped() const {
    return !stats_.fatal.empty() || stats_.parked || stats_.interrupted || stats_.deadline_passed;
  }

 private:
  struct Impl;
  Impl* impl_;
  LlmStats stats_;
};

// Parses a Go-style duration ("7.66s", "2m59.56s", "400ms", "1h2m3s"; a bare number is seconds)
// into seconds; negative on a malformed value.
double ParseGoDuration(std::string_view text);

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_CLIENT_H_
