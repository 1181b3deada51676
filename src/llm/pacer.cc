#include "src/llm/pacer.h"

#include <algorithm>
#include <cmath>

namespace asanasim {

std::string_view PaceLimitName(PaceLimit l) {
  switch (l) {
    case PaceLimit::kRequests:
      return "RPM";
    case PaceLimit::kTokens:
      return "TPM";
    case PaceLimit::kNone:
      break;
  }
  return "";
}

RatePacer::RatePacer(double requests_per_minute, double tokens_per_minute, double window_s,
                     double smooth_s)
    : window_(window_s) {
  limits_.push_back({window_s, requests_per_minute, tokens_per_minute});
  if (smooth_s > 0 && smooth_s < window_s) {
    const double share = smooth_s / window_s;
    // At least one request (and its tokens) per smoothing window, or nothing could ever go.
    limits_.push_back({smooth_s, std::max(1.0, requests_per_minute * share),
                       std::max(1.0, tokens_per_minute * share)});
  }
}

void RatePacer::Expire(double now) {
  const double from = now - window_;
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                [&](const Entry& e) { return !Counts(e, from); }),
                 entries_.end());
}

double RatePacer::WaitFor(const Limit& l, double now, int64_t tokens, PaceLimit* why) const {
  const double from = now - l.span;
  double requests = 0;
  double used = 0;
  for (const Entry& e : entries_) {
    if (!Counts(e, from)) continue;
    requests += e.request ? 1 : 0;
    used += static_cast<double>(e.tokens);
  }
  const double want = static_cast<double>(tokens);
  const auto fits = [&] {
    const bool tokens_fit = used + want <= l.tokens || (want > l.tokens && used <= 0);
    return requests + 1 <= l.requests && tokens_fit;
  };
  if (fits()) return 0;
  // Let the answered entries leave, oldest first, until the request fits.
  for (const Entry& e : entries_) {
    if (e.open || e.at <= from) continue;
    const bool requests_bound = requests + 1 > l.requests;
    requests -= e.request ? 1 : 0;
    used -= static_cast<double>(e.tokens);
    if (fits()) {
      if (why != nullptr) *why = requests_bound ? PaceLimit::kRequests : PaceLimit::kTokens;
      return std::max(0.0, e.at + l.span - now);
    }
  }
  // Only requests in flight are in the way: at least until one is answered.
  if (why != nullptr) *why = requests + 1 > l.requests ? PaceLimit::kRequests : PaceLimit::kTokens;
  return l.span;
}

double RatePacer::Wait(double now, int64_t tokens, PaceLimit* why) const {
  double wait = 0;
  PaceLimit binding = PaceLimit::kNone;
  for (const Limit& l : limits_) {
    PaceLimit w = PaceLimit::kNone;
    const double s = WaitFor(l, now, tokens, &w);
    if (s > wait) {
      wait = s;
      binding = w;
    }
  }
  if (why != nullptr) *why = binding;
  return wait;
}

uint64_t RatePacer::Reserve(double now, int64_t tokens) {
  Expire(now);
  const uint64_t id = next_id_++;
  entries_.push_back({now, tokens, id, true, true});
  return id;
}

void RatePacer::Settle(uint64_t id, double now, int64_t tokens) {
  const auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == id; });
  if (it == entries_.end()) return;
  Entry e = *it;
  entries_.erase(it);
  // Answered now: it stays in the server's window at most a window from now.
  e.at = now;
  e.open = false;
  if (tokens >= 0) e.tokens = tokens;
  entries_.push_back(e);
}

void RatePacer::Release(uint64_t id) {
  entries_.erase(
      std::remove_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == id; }),
      entries_.end());
}

void RatePacer::ServerRemaining(double now, int64_t remaining) {
  Expire(now);
  const double server_used = limits_.front().tokens - static_cast<double>(remaining);
  const double ours = static_cast<double>(TokensInWindow(now));
  if (server_used > ours) {
    entries_.push_back({now, static_cast<int64_t>(std::ceil(server_used - ours)), 0, false, false});
  }
}

int64_t RatePacer::RequestsInWindow(double now) const {
  int64_t n = 0;
  for (const Entry& e : entries_) n += e.request && Counts(e, now - window_) ? 1 : 0;
  return n;
}

int64_t RatePacer::TokensInWindow(double now) const {
  int64_t n = 0;
  for (const Entry& e : entries_) n += Counts(e, now - window_) ? e.tokens : 0;
  return n;
}

int64_t TokenEstimator::CompletionEstimate() const {
  if (recent_.empty()) return max_completion_;
  const int64_t most = *std::max_element(recent_.begin(), recent_.end());
  return std::min(max_completion_,
                  static_cast<int64_t>(std::ceil(static_cast<double>(most) * kMargin)));
}

int64_t TokenEstimator::Estimate(size_t body_bytes) const {
  return static_cast<int64_t>(std::ceil(static_cast<double>(body_bytes) * prompt_per_byte_)) +
         CompletionEstimate();
}

void TokenEstimator::Observe(size_t body_bytes, int64_t prompt_tokens, int64_t completion_tokens) {
  if (body_bytes > 0 && prompt_tokens > 0) {
    // The prompt is known exactly from the body; a little over the largest ratio seen.
    prompt_per_byte_ = std::max(prompt_per_byte_ * 0.9, static_cast<double>(prompt_tokens) /
                                                            static_cast<double>(body_bytes));
  }
  if (completion_tokens > 0) {
    recent_.push_back(completion_tokens);
    if (recent_.size() > kRecent) recent_.pop_front();
  }
}

}  // namespace asanasim
