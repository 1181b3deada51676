// Pacing of the LLM tier as Groq counts it: requests and tokens over a sliding 60-second window
// (and optionally a shorter one that smooths bursts), never more than either limit in any
// window. Each request reserves the tokens it will likely use when it is sent (its prompt and
// an estimate of its completion learned from earlier responses' usage, with a margin) and is
// settled to what the response says it used. The server counts a request when it arrives,
// somewhere between its sending and its answer, so a request counts from when it is sent until
// a full window after its answer: whatever the trip takes, no server window sees more than this
// pacer allowed. What the server reports in its headers tightens the view. Time is passed in
// (seconds on any monotonic clock), so the rules are testable.
// Thread-compatible.
#ifndef ASANASIM_SRC_LLM_PACER_H_
#define ASANASIM_SRC_LLM_PACER_H_

#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

namespace asanasim {

// What the next request waits for.
enum class PaceLimit : uint8_t { kNone, kRequests, kTokens };
std::string_view PaceLimitName(PaceLimit l);  // "", "RPM", "TPM"

class RatePacer {
 public:
  // `requests_per_minute` and `tokens_per_minute` hold over every `window_s` seconds (Groq: 60);
  // with `smooth_s` in (0, window_s), also their share smooth_s / window_s over every smooth_s
  // seconds.
  RatePacer(double requests_per_minute, double tokens_per_minute, double window_s = 60,
            double smooth_s = 0);

  // Seconds from `now` until a request reserving `tokens` fits (0: now), and what binds. A
  // request larger than the token limit fits only into an empty window.
  double Wait(double now, int64_t tokens, PaceLimit* why = nullptr) const;
  // Reserves a request of `tokens` at `now`; returns its id for Settle/Release. It counts in
  // every window until it is settled.
  uint64_t Reserve(double now, int64_t tokens);
  // The request was answered at `now`, having used `tokens` (prompt + completion, from the
  // response's usage; negative: unknown, the reservation stands).
  void Settle(uint64_t id, double now, int64_t tokens);
  // The request never counted at the server (not delivered, or refused with 429).
  void Release(uint64_t id);
  // The server says `remaining` tokens are left in its window at `now`: when that is fewer than
  // this pacer thinks, the difference is held as used for a full window.
  void ServerRemaining(double now, int64_t remaining);

  // Requests and tokens counted in the window ending at `now`.
  int64_t RequestsInWindow(double now) const;
  int64_t TokensInWindow(double now) const;

 private:
  struct Entry {
    double at;  // sent (while open), else answered
    int64_t tokens;
    uint64_t id;  // 0: a correction from the server's headers (no request)
    bool request;
    bool open;  // in flight: counts whatever its age
  };
  struct Limit {
    double span;
    double requests;
    double tokens;
  };
  bool Counts(const Entry& e, double from) const { return e.open || e.at > from; }
  void Expire(double now);
  double WaitFor(const Limit& l, double now, int64_t tokens, PaceLimit* why) const;

  std::vector<Limit> limits_;
  double window_;
  std::deque<Entry> entries_;  // by `at`
  uint64_t next_id_ = 1;
};

// Learns how many tokens a request will use from the usage of the responses so far: prompt
// tokens per byte of request body, and the completion, as the largest of the recent ones with a
// margin (capped by max_completion_tokens; that cap until anything is known).
class TokenEstimator {
 public:
  explicit TokenEstimator(int64_t max_completion_tokens) : max_completion_(max_completion_tokens) {}

  int64_t Estimate(size_t body_bytes) const;
  void Observe(size_t body_bytes, int64_t prompt_tokens, int64_t completion_tokens);
  // Completion tokens a request is expected to use (for progress and ETAs).
  int64_t CompletionEstimate() const;

 private:
  static constexpr size_t kRecent = 16;
  static constexpr double kMargin = 1.2;
  int64_t max_completion_;
  double prompt_per_byte_ = 0.25;  // Groq's tokenizers run near 4 bytes per token of JSON
  std::deque<int64_t> recent_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_PACER_H_
