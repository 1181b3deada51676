#include "src/llm/client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <random>
#include <string_view>

#include "src/llm/pacer.h"
#include "src/util/json.h"
#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }
Clock::time_point After(Clock::time_point t, double seconds) {
  return t + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One HTTP attempt in flight.
struct Transfer {
  size_t index = 0;
  CURL* easy = nullptr;
  std::string body;
  long status = 0;
  double retry_after = -1;
  double remaining_tokens = -1;
  double remaining_requests = -1;
  double reset_tokens = -1;
  double reset_requests = -1;
  uint64_t reservation = 0;  // in the pacer
  Clock::time_point sent;
};

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  static_cast<Transfer*>(user)->body.append(data, size * n);
  return size * n;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  Transfer& t = *static_cast<Transfer*>(user);
  const std::string_view line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after 1xx): forget the old headers
    t.retry_after = t.remaining_tokens = t.remaining_requests = -1;
    t.reset_tokens = t.reset_requests = -1;
    return size * n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  const std::string name = Lower(Trim(line.substr(0, colon)));
  const std::string value(Trim(line.substr(colon + 1)));
  const auto number = [&] {
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    return end != value.c_str() ? v : -1.0;
  };
  if (name == "retry-after") t.retry_after = number();
  if (name == "x-ratelimit-remaining-tokens") t.remaining_tokens = number();
  if (name == "x-ratelimit-remaining-requests") t.remaining_requests = number();
  if (name == "x-ratelimit-reset-tokens") t.reset_tokens = ParseGoDuration(value);
  if (name == "x-ratelimit-reset-requests") t.reset_requests = ParseGoDuration(value);
  return size * n;
}

// The fatal message of an HTTP status, with Groq's error message when there is one.
std::string Describe(long status, const std::string& message) {
  std::string what;
  switch (status) {
    case 401:
      what = "Groq rejected the API key (HTTP 401); check GROQ_API_KEY";
      break;
    case 403:
      what = "Groq refused access (HTTP 403)";
      break;
    case 404:
      what = "Groq does not know this model (HTTP 404); set GROQ_MODEL to a current one";
      break;
    case 413:
      what = "Groq says the request is too large for the model's limits (HTTP 413)";
      break;
    default:
      what = "Groq rejected the request (HTTP " + std::to_string(status) + ")";
  }
  if (!message.empty()) what += ": " + message;
  return what;
}

std::once_flag g_curl_init;

}  // namespace

double ParseGoDuration(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return -1;
  double total = 0;
  size_t i = 0;
  bool any = false;
  while (i < text.size()) {
    const size_t start = i;
    while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
    if (i == start) return -1;
    const double v = std::strtod(std::string(text.substr(start, i - start)).c_str(), nullptr);
    const size_t unit_start = i;
    while (i < text.size() && !((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
    const std::string_view unit = text.substr(unit_start, i - unit_start);
    if (unit.empty() || unit == "s") {
      total += v;
    } else if (unit == "ms") {
      total += v / 1e3;
    } else if (unit == "us" || unit == "\u00b5s") {
      total += v / 1e6;
    } else if (unit == "ns") {
      total += v / 1e9;
    } else if (unit == "m") {
      total += v * 60;
    } else if (unit == "h") {
      total += v * 3600;
    } else {
      return -1;
    }
    any = true;
  }
  return any ? total : -1;
}

ModelLimits LimitsOf(const std::string& model) {
  if (model.rfind("openai/gpt-oss", 0) == 0 || model.rfind("qwen/", 0) == 0) return {30, 8000};
  if (model == "llama-3.3-70b-versatile") return {30, 12000};
  return {30, 6000};  // llama-3.1-8b-instant and unknown models: the most conservative
}

LlmClientConfig ClientConfigFor(const LlmOptions& o, uint64_t jitter_seed) {
  const ModelLimits limits = LimitsOf(o.model);
  LlmClientConfig c;
  c.api_key = o.api_key;
  c.base_url = o.base_url;
  c.concurrency = o.concurrency;
  c.requests_per_minute = o.rpm > 0 ? o.rpm : limits.requests_per_minute;
  c.tokens_per_minute = o.tpm > 0 ? o.tpm : limits.tokens_per_minute;
  c.burst_seconds = o.burst_seconds;
  c.cancel = o.cancel;
  c.log = o.log;
  c.max_requests = o.max_requests;
  c.max_tokens = o.max_tokens;
  c.timeout_ms = o.timeout_ms;
  if (o.deadline_s > 0) {
    const Clock::time_point start = o.start == Clock::time_point{} ? Clock::now() : o.start;
    c.deadline = start + std::chrono::milliseconds(static_cast<int64_t>(o.deadline_s * 1000));
  }
  c.jitter_seed = jitter_seed;
  return c;
}

struct GroqClient::Impl {
  explicit Impl(LlmClientConfig config)
      : cfg(std::move(config)),
        pacer(cfg.requests_per_minute, cfg.tokens_per_minute, cfg.window_s, cfg.burst_seconds),
        estimator(cfg.max_completion_tokens) {}

  LlmClientConfig cfg;
  // Both outlive a Run: the server's window and what was learned carry over to the next pass.
  RatePacer pacer;
  TokenEstimator estimator;
  const Clock::time_point epoch = Clock::now();
  CURLM* multi = nullptr;
  std::vector<CURL*> idle;
  curl_slist* headers = nullptr;
  std::mt19937_64 jitter;
  std::string url;
  int silent_in_a_row = 0;  // requests that got no byte back, across passes

  ~Impl() {
    for (CURL* e : idle) curl_easy_cleanup(e);
    if (multi != nullptr) curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
  }

  // The key never leaves the header list: scrub it from anything a server echoes back.
  std::string Scrub(std::string text) const {
    if (cfg.api_key.empty()) return text;
    for (size_t p; (p = text.find(cfg.api_key)) != std::string::npos;)
      text.replace(p, cfg.api_key.size(), "[redacted]");
    return text;
  }
};

GroqClient::GroqClient(LlmClientConfig config) : impl_(new Impl(std::move(config))) {
  std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  // CURLOPT_NOSIGNAL: libcurl no longer ignores SIGPIPE for us (a reset connection would kill
  // the process), so ignore it process-wide.
  std::signal(SIGPIPE, SIG_IGN);
  impl_->jitter.seed(impl_->cfg.jitter_seed);
  impl_->multi = curl_multi_init();
  curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  std::string base = impl_->cfg.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  impl_->url = base + "/openai/v1/chat/completions";
  impl_->headers = curl_slist_append(impl_->headers, "Content-Type: application/json");
  impl_->headers =
      curl_slist_append(impl_->headers, ("Authorization: Bearer " + impl_->cfg.api_key).c_str());
}

GroqClient::~GroqClient() { delete impl_; }

std::vector<LlmResponse> GroqClient::Run(
    const std::vector<LlmRequest>& requests,
    const std::function<void(size_t index, const LlmResponse&)>& on_response,
    const std::function<void(const LlmProgress&)>& on_progress) {
  Impl& im = *impl_;
  const LlmClientConfig& cfg = im.cfg;
  std::vector<LlmResponse> out(requests.size());
  std::vector<int> attempts(requests.size(), 0);
  std::vector<int> rate_limit_hits(requests.size(), 0);
  struct Pending {
    size_t index;
    Clock::time_point not_before;
  };
  std::deque<Pending> pending;
  const auto start = Clock::now();
  const auto at = [&](Clock::time_point t) { return Seconds(t - im.epoch); };
  for (size_t i = 0; i < requests.size(); ++i) pending.push_back({i, start});
  std::vector<Transfer*> in_flight;
  Clock::time_point paused_until = start;  // after a 429: limits are per organization
  size_t done = 0;
  double latency_sum = 0;  // of answered attempts, for the ETA
  int latency_count = 0;
  // What the first waiting request waits for (progress).
  double wait_s = 0;
  std::string_view wait_for;
  Clock::time_point last_progress = start;

  const auto tokens_used = [&] { return stats_.prompt_tokens + stats_.completion_tokens; };
  const auto report = [&](bool now_or_never) {
    if (!on_progress) return;
    const auto now = Clock::now();
    if (!now_or_never && Seconds(now - last_progress) < 1.0) return;
    last_progress = now;
    LlmProgress p;
    p.done = done;
    p.total = requests.size();
    p.in_flight = static_cast<int>(in_flight.size());
    p.tokens = tokens_used();
    p.token_budget = cfg.max_tokens;
    p.wait_s = wait_s;
    p.wait_for = wait_for;
    // The limits' pace and the latency's, whichever is slower, for what is left.
    const double left = static_cast<double>(requests.size() - done);
    const double per_request = stats_.succeeded > 0
                                   ? static_cast<double>(tokens_used()) / stats_.succeeded
                                   : static_cast<double>(im.estimator.Estimate(
                                         requests.empty() ? 0 : requests.front().body.size()));
    const double by_limits =
        60.0 * std::max(left / cfg.requests_per_minute, left * per_request / cfg.tokens_per_minute);
    const double by_latency =
        latency_count > 0 ? left * (latency_sum / latency_count) / std::max(1, cfg.concurrency)
                          : -1;
    p.eta_s = latency_count > 0 ? std::max(by_limits, by_latency) : -1;
    on_progress(p);
  };
  const auto finish = [&](size_t index, LlmResponse r) {
    out[index] = std::move(r);
    ++done;
    if (on_response) on_response(index, out[index]);
    report(true);
  };
  const auto log = [&](const std::string& line) {
    if (cfg.log) cfg.log(im.Scrub(line));
  };
  const auto retry_later = [&](size_t index, double wait, const std::string& why) {
    if (++attempts[index] >= cfg.max_attempts) {
      finish(index, LlmResponse{.error = why + " (gave up after " +
                                         std::to_string(attempts[index]) + " attempts)"});
      return;
    }
    ++stats_.retries;
    pending.push_back({index, After(Clock::now(), wait)});
  };
  const auto backoff = [&](size_t index) {
    const double ceiling =
        std::min(cfg.backoff_cap_s, cfg.backoff_base_s * std::pow(2.0, attempts[index]));
    return std::uniform_real_distribution<double>(0.0, ceiling)(im.jitter);
  };
  const auto abandon = [&](Transfer* t) {
    curl_multi_remove_handle(im.multi, t->easy);
    im.idle.push_back(t->easy);
    delete t;
  };

  while (!pending.empty() || !in_flight.empty()) {
    // Interrupted, or past the deadline: nothing more is sent and nothing in flight is waited
    // for.
    const bool interrupted = cfg.cancel != nullptr && cfg.cancel->load();
    if (interrupted ||
        (cfg.deadline != Clock::time_point{} && Clock::now() >= cfg.deadline && !stopped())) {
      (interrupted ? stats_.interrupted : stats_.deadline_passed) = true;
      const std::string why = interrupted ? "interrupted" : "the LLM deadline passed";
      for (Transfer* t : in_flight) {
        const size_t index = t->index;
        abandon(t);
        finish(index, LlmResponse{.error = why});
      }
      in_flight.clear();
      for (const Pending& p : pending) finish(p.index, LlmResponse{.error = why});
      pending.clear();
      break;
    }
    const auto now = Clock::now();
    // Stopped (fatal, parked) or out of budget: what is not in flight fails fast.
    const bool budget_spent = (cfg.max_requests > 0 && stats_.requests >= cfg.max_requests) ||
                              (cfg.max_tokens > 0 && tokens_used() >= cfg.max_tokens);
    if (stopped() || budget_spent) {
      const std::string why = !stats_.fatal.empty()    ? "the LLM tier stopped"
                              : stats_.parked          ? "the daily quota is used up"
                              : stats_.deadline_passed ? "the LLM deadline passed"
                                                       : "the LLM budget is spent";
      for (const Pending& p : pending) finish(p.index, LlmResponse{.error = why});
      pending.clear();
    }
    // Start what the pacer, the budget and the concurrency allow, in order of readiness.
    double poll_s = 0.25;
    wait_s = 0;
    wait_for = "";
    for (auto it = pending.begin();
         it != pending.end() && static_cast<int>(in_flight.size()) < cfg.concurrency;) {
      if (it->not_before > now || paused_until > now) {
        const double w = Seconds(std::max(it->not_before, paused_until) - now);
        poll_s = std::min(poll_s, w);
        if (wait_s == 0 || w < wait_s) {
          wait_s = w;
          wait_for = paused_until > now ? "retry-after (429)" : "backoff";
        }
        ++it;
        continue;
      }
      const LlmRequest& request = requests[it->index];
      const int64_t tokens = im.estimator.Estimate(request.body.size());
      PaceLimit why = PaceLimit::kNone;
      const double w = im.pacer.Wait(at(now), tokens, &why);
      if (w > 0) {
        poll_s = std::min(poll_s, w);
        wait_s = w;
        wait_for = PaceLimitName(why);
        break;  // keep order: later requests do not overtake a waiting one
      }
      if (cfg.max_requests > 0 && stats_.requests >= cfg.max_requests) break;
      auto* t = new Transfer;
      t->index = it->index;
      t->reservation = im.pacer.Reserve(at(now), tokens);
      t->sent = now;
      if (im.idle.empty()) {
        t->easy = curl_easy_init();
      } else {
        t->easy = im.idle.back();
        im.idle.pop_back();
        curl_easy_reset(t->easy);
      }
      CURL* e = t->easy;
      curl_easy_setopt(e, CURLOPT_URL, im.url.c_str());
      curl_easy_setopt(e, CURLOPT_HTTPHEADER, im.headers);
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
      curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
      curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
      curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
      curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
      curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, cfg.connect_timeout_ms);
      curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, cfg.timeout_ms);
      curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
      curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
      curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
      curl_easy_setopt(e, CURLOPT_PRIVATE, t);
      curl_multi_add_handle(im.multi, e);
      in_flight.push_back(t);
      ++stats_.requests;
      it = pending.erase(it);
    }
    if (pending.empty() && in_flight.empty()) break;

    int running = 0;
    curl_multi_perform(im.multi, &running);
    CURLMsg* msg;
    int left = 0;
    while ((msg = curl_multi_info_read(im.multi, &left)) != nullptr) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&t));
      const CURLcode result = msg->data.result;
      curl_multi_remove_handle(im.multi, t->easy);
      curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->status);
      in_flight.erase(std::find(in_flight.begin(), in_flight.end(), t));
      im.idle.push_back(t->easy);
      const size_t index = t->index;
      const auto answered = Clock::now();
      const double latency = Seconds(answered - t->sent);
      // Answered: from now on it leaves the pacer's window like the server's (the reservation
      // stands until the usage says otherwise).
      im.pacer.Settle(t->reservation, at(answered), -1);
      const std::string attempt =
          Cat("llm: request ", std::to_string(index + 1), "/", std::to_string(requests.size()),
              " attempt ", std::to_string(attempts[index] + 1), ": ");

      // Corrections from the headers: the server's view of the token window wins where it is
      // fuller than ours.
      if (t->remaining_tokens >= 0)
        im.pacer.ServerRemaining(at(answered), static_cast<int64_t>(t->remaining_tokens));
      if (t->remaining_requests == 0) stats_.parked = true;  // RPD: the daily count is gone

      if (result != CURLE_OK) {
        const std::string why = std::string("transport error: ") + curl_easy_strerror(result);
        log(Cat(attempt, why, " after ", FormatSeconds(latency)));
        // A server that never answers (no network, wrong GROQ_BASE_URL, a server that accepts
        // and hangs) is not retried for hours: after a few requests in a row got no byte, stop.
        const bool unreachable = result == CURLE_COULDNT_RESOLVE_HOST ||
                                 result == CURLE_COULDNT_CONNECT ||
                                 result == CURLE_COULDNT_RESOLVE_PROXY;
        curl_off_t received = 0;
        long header_bytes = 0;
        curl_easy_getinfo(t->easy, CURLINFO_SIZE_DOWNLOAD_T, &received);
        curl_easy_getinfo(t->easy, CURLINFO_HEADER_SIZE, &header_bytes);
        const bool silent = unreachable || (result == CURLE_OPERATION_TIMEDOUT && received == 0 &&
                                            header_bytes == 0 && t->body.empty());
        // It never reached the server, so it used none of the server's budget.
        if (unreachable) im.pacer.Release(t->reservation);
        if (silent && ++im.silent_in_a_row >= cfg.silent_limit) {
          if (stats_.fatal.empty()) {
            stats_.fatal =
                unreachable
                    ? Cat("cannot reach Groq at ", cfg.base_url, " (", curl_easy_strerror(result),
                          "); check the network or GROQ_BASE_URL")
                    : Cat("Groq at ", cfg.base_url, " sent no byte in ",
                          FormatSeconds(cfg.timeout_ms / 1000.0), " to ",
                          std::to_string(im.silent_in_a_row),
                          " requests in a row (--llm-timeout-ms); check the server or "
                          "GROQ_BASE_URL");
          }
          finish(index, LlmResponse{.error = stats_.fatal});
        } else {
          if (!silent) im.silent_in_a_row = 0;
          retry_later(index, backoff(index), why);
        }
        delete t;
        continue;
      }
      im.silent_in_a_row = 0;  // an answer, whatever it says
      absl::StatusOr<Json> json = ParseJson(t->body);
      std::string message;
      std::string code;
      std::string type;
      if (json.ok()) {
        if (const Json* err = Member(*json, "error"); err != nullptr) {
          message = im.Scrub(StringMember(*err, "message"));
          code = StringMember(*err, "code");
          type = StringMember(*err, "type");
        }
      }
      const long status = t->status;
      if (status == 200) {
        latency_sum += latency;
        ++latency_count;
        LlmResponse r;
        const Json* choices = json.ok() ? Member(*json, "choices") : nullptr;
        const Json* content = nullptr;
        if (choices != nullptr && choices->is_array() && !choices->empty()) {
          const Json& c0 = choices->front();
          if (const Json* m = Member(c0, "message"); m != nullptr) content = Member(*m, "content");
          r.finish_reason = StringMember(c0, "finish_reason");
        }
        if (const Json* usage = json.ok() ? Member(*json, "usage") : nullptr; usage != nullptr) {
          if (const Json* p = Member(*usage, "prompt_tokens"); p != nullptr && p->is_number())
            r.prompt_tokens = p->get<int64_t>();
          if (const Json* c = Member(*usage, "completion_tokens"); c != nullptr && c->is_number())
            r.completion_tokens = c->get<int64_t>();
        }
        if (r.prompt_tokens + r.completion_tokens > 0) {
          im.pacer.Settle(t->reservation, at(answered), r.prompt_tokens + r.completion_tokens);
          im.estimator.Observe(requests[index].body.size(), r.prompt_tokens, r.completion_tokens);
        }
        stats_.prompt_tokens += r.prompt_tokens;
        stats_.completion_tokens += r.completion_tokens;
        if (content == nullptr || !content->is_string()) {
          log(Cat(attempt, "200 malformed in ", FormatSeconds(latency)));
          retry_later(index, backoff(index), "malformed completion (status 200)");
          delete t;
          continue;
        }
        log(Cat(attempt, "200 in ", FormatSeconds(latency), ", ", std::to_string(r.prompt_tokens),
                " prompt + ", std::to_string(r.completion_tokens), " completion tokens"));
        r.ok = true;
        r.content = content->get<std::string>();
        ++stats_.succeeded;
        finish(index, std::move(r));
      } else if (status == 429) {
        ++stats_.rate_limited;
        im.pacer.Release(t->reservation);  // refused: the server did not count it
        double wait = t->retry_after;
        if (const size_t p = message.find("try again in "); wait < 0 && p != std::string::npos) {
          const size_t from = p + 13;
          const size_t space = message.find(' ', from);
          std::string token =
              message.substr(from, space == std::string::npos ? std::string::npos : space - from);
          while (!token.empty() && (token.back() == '.' || token.back() == ',')) token.pop_back();
          wait = ParseGoDuration(token);
        }
        if (wait < 0) wait = type == "requests" ? t->reset_requests : t->reset_tokens;
        if (wait < 0) wait = backoff(index) + 1;
        log(Cat(attempt, "429 (", type.empty() ? "rate limit" : type, ") in ",
                FormatSeconds(latency), ", retry in ", FormatSeconds(wait)));
        const bool daily = message.find("per day") != std::string::npos ||
                           message.find("(RPD)") != std::string::npos ||
                           message.find("(TPD)") != std::string::npos;
        if (daily || wait > 120) {
          stats_.parked = true;
          finish(index, LlmResponse{.error = "daily quota reached: " + message});
        } else {
          const double jitter = std::uniform_real_distribution<double>(0, 0.25)(im.jitter);
          paused_until = std::max(paused_until, After(Clock::now(), wait + jitter));
          // Waiting as told is not a failed attempt, but a request that keeps hitting 429s
          // still ends.
          if (++rate_limit_hits[index] > 4 * cfg.max_attempts) {
            finish(index, LlmResponse{.error = "rate limited on every attempt"});
          } else {
            ++stats_.retries;
            pending.push_back({index, After(Clock::now(), wait + jitter)});
          }
        }
      } else if (status >= 500 || status == 498 || status == 408 || status == 409 ||
                 (status == 400 && code == "json_validate_failed") || status == 0) {
        log(Cat(attempt, std::to_string(status), " in ", FormatSeconds(latency)));
        retry_later(index, backoff(index), "HTTP " + std::to_string(status));
      } else {
        log(Cat(attempt, std::to_string(status), " in ", FormatSeconds(latency)));
        stats_.fatal = Describe(status, message);
        finish(index, LlmResponse{.error = stats_.fatal});
      }
      delete t;
    }
    report(false);
    if (!in_flight.empty() || !pending.empty()) {
      const int ms = static_cast<int>(std::clamp(poll_s * 1000.0, 1.0, 250.0));
      curl_multi_poll(im.multi, nullptr, 0, in_flight.empty() ? ms : std::min(ms, 50), nullptr);
    }
  }
  stats_.seconds += Seconds(Clock::now() - start);
  return out;
}

}  // namespace asanasim
