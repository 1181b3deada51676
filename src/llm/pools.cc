#include "src/llm/pools.h"

#include <algorithm>

#include "src/llm/cache.h"
#include "src/model/row_hasher.h"
#include "src/text/template.h"
#include "src/util/json.h"
#include "src/util/status.h"
#include "xxhash.h"

namespace asanasim {
namespace {

// Requests per batch slot, counting re-requests of dropped items.
constexpr int kRounds = 3;
// The completion's cap: room for each item asked for and for a reasoning model's thinking. It
// bounds a runaway answer; pacing reserves what answers really use, learned as they come.
int64_t MaxCompletionTokens(const LlmOptions& o) {
  return std::clamp<int64_t>(int64_t{256} * std::max(1, o.batch), 1024, 8192);
}
constexpr double kTemperature = 0.9;

// What the generator fills itself; then come the shared slots and the department's (read from
// the vocabulary, so a placeholder offered is one that resolves).
constexpr std::string_view kContextPlaceholders[] = {"person",  "date", "weekday", "month",
                                                     "quarter", "n",    "id4",     "focus"};

std::string Placeholders(const Vocabulary& vocabulary, Department d) {
  std::string out;
  for (std::string_view p : kContextPlaceholders) out.append("{").append(p).append("} ");
  const std::span<const Slot> own = vocabulary.default_pack().department(d).slots;
  for (const Slot& s : vocabulary.shared_slots()) {
    if (s.name.rfind("co_", 0) == 0) continue;  // the parts {account} builds names from
    if (std::none_of(own.begin(), own.end(), [&](const Slot& o) { return o.name == s.name; }))
      out.append("{").append(s.name).append("} ");
  }
  for (const Slot& s : own) {
    if (s.name.rfind("verb", 0) == 0) continue;  // sentence fragments, not details
    out.append("{").append(s.name).append("} ");
  }
  out.pop_back();
  return out;
}

// One request: `count` new variants for pool (d, slot), the `index`-th of round `round`.
struct PoolRequest {
  Department d;
  size_t slot;
  int round;
  int index;
  int count;
  std::string body;
  std::string key;
};

std::string Body(const LlmOptions& s, const PromptSet& prompts, const Vocabulary& vocabulary,
                 const PoolRequest& r) {
  std::string user = Cat("Department: ", vocabulary.default_pack().department(r.d).name, ". ",
                         prompts.context(r.d), "\n\n", "Write ", std::to_string(r.count),
                         " different items. Each item is ", prompts.slot(r.slot),
                         "\n\nPlaceholders you may use: ", Placeholders(vocabulary, r.d),
                         "\n\nExamples of the style (write new ones, do not copy them):\n");
  for (const std::string& e : prompts.examples(r.d, r.slot)) user += Cat("- ", e, "\n");
  user += Cat("\nRequest ", std::to_string(r.round), ".", std::to_string(r.index),
              ". Answer with JSON only: {\"items\": [", std::to_string(r.count), " strings]}");
  const uint64_t seed = XXH3_64bits(user.data(), user.size()) & 0x7fffffff;
  Json body = {{"model", s.model},
               {"messages",
                {{{"role", "system"}, {"content", prompts.system()}},
                 {{"role", "user"}, {"content", user}}}},
               {"temperature", kTemperature},
               {"max_completion_tokens", MaxCompletionTokens(s)},
               {"response_format", {{"type", "json_object"}}},
               {"seed", static_cast<int64_t>(seed)}};
  // A reasoning model's thinking is billed as completion tokens: ask for the least that keeps
  // items valid (gpt-oss accepts low, medium, high; other models take no such field).
  if (IsReasoningModel(s.model)) body["reasoning_effort"] = s.reasoning_effort;
  return DumpJson(body);
}

}  // namespace

bool IsReasoningModel(std::string_view model) { return model.starts_with("openai/gpt-oss"); }

std::string RejectReason(std::string_view item, const Vocabulary& vocabulary, Department d,
                         size_t slot) {
  while (!item.empty() && (item.front() == ' ' || item.front() == '\n')) item.remove_prefix(1);
  while (!item.empty() && (item.back() == ' ' || item.back() == '\n')) item.remove_suffix(1);
  const bool description = slot == kDescriptionSlot;
  const size_t lo = description ? 60 : 15;
  const size_t hi = description ? 800 : 300;
  if (item.size() < lo) return "too short";
  if (item.size() > hi) return "too long";
  if (item.find("```") != std::string_view::npos || item.find("**") != std::string_view::npos ||
      item.front() == '#')
    return "markdown";
  if (!description && item.find('\n') != std::string_view::npos) return "a line break in a comment";
  // Braces only around a placeholder name.
  for (size_t i = 0; i < item.size(); ++i) {
    if (item[i] == '}') return "stray '}'";
    if (item[i] != '{') continue;
    size_t j = i + 1;
    while (j < item.size() && ((item[j] >= 'a' && item[j] <= 'z') || item[j] == '_' ||
                               (item[j] >= '0' && item[j] <= '9')))
      ++j;
    if (j == i + 1 || j >= item.size() || item[j] != '}') return "stray '{'";
    i = j;
  }
  std::string missing;
  if (!TemplateResolves(
          item, {{}, vocabulary.default_pack().department(d).slots, vocabulary.shared_slots()},
          &missing))
    return Cat("unknown placeholder {", missing, "}");
  return "";
}

bool TextPools::empty() const { return size() == 0; }

size_t TextPools::size() const {
  size_t n = 0;
  for (const auto& dept : pools_) {
    for (const auto& pool : dept) n += pool.size();
  }
  return n;
}

std::string TextPools::Digest() const {
  RowHasher h;
  for (const auto& dept : pools_) {
    for (const auto& pool : dept) {
      for (const std::string& v : pool) h.Text(v);
      h.Null();  // ends a pool
    }
  }
  return h.Hex();
}

absl::StatusOr<TextPools> FillPools(const LlmOptions& options, const Vocabulary& vocabulary,
                                    uint64_t jitter_seed, LlmStats* stats) {
  ASANASIM_ASSIGN_OR_RETURN(const PromptSet prompts, PromptSet::Load(options.prompts));
  if (options.cache.empty()) return absl::InvalidArgumentError("the LLM cache needs a directory");
  const ResponseCache cache(options.cache);
  TextPools pools;
  LlmClientConfig config = ClientConfigFor(options, jitter_seed);
  config.max_completion_tokens = MaxCompletionTokens(options);
  GroqClient client(std::move(config));
  const size_t want = static_cast<size_t>(std::max(0, options.pool_size));
  const int batch = std::max(1, options.batch);
  for (int round = 0; round < kRounds; ++round) {
    std::vector<PoolRequest> requests;
    for (int d = 0; d < kDepartmentCount; ++d) {
      for (size_t slot = 0; slot < kLlmSlots.size(); ++slot) {
        const size_t have = pools.pools_[static_cast<size_t>(d)][slot].size();
        int needed = static_cast<int>(want - std::min(want, have));
        for (int index = 0; needed > 0; ++index) {
          PoolRequest r{static_cast<Department>(d), slot, round, index,
                        std::min(batch, needed),    "",   ""};
          r.body = Body(options, prompts, vocabulary, r);
          r.key = ResponseCache::Key(r.body);
          requests.push_back(std::move(r));
          needed -= batch;
        }
      }
    }
    if (requests.empty()) break;
    // From the cache where possible; the rest over the network (unless offline or stopped).
    std::vector<std::optional<std::string>> contents(requests.size());
    std::vector<size_t> to_send;
    std::vector<LlmRequest> sends;
    for (size_t i = 0; i < requests.size(); ++i) {
      contents[i] = cache.Get(requests[i].key);
      if (contents[i].has_value()) {
        ++stats->cache_hits;
      } else if (!options.offline && !client.stopped()) {
        to_send.push_back(i);
        sends.push_back({requests[i].body});
      }
    }
    if (!sends.empty()) {
      // Each response goes into the cache the moment it is complete: a run stopped at any point
      // resumes with only the requests still missing.
      absl::Status put = absl::OkStatus();
      client.Run(
          sends,
          [&](size_t k, const LlmResponse& response) {
            if (!response.ok) return;
            contents[to_send[k]] = response.content;
            if (put.ok()) put = cache.Put(requests[to_send[k]].key, response.content);
          },
          options.progress);
      ASANASIM_RETURN_IF_ERROR(put);
      if (client.stats().interrupted) {
        return absl::CancelledError(Cat("interrupted in the LLM pool phase; the ",
                                        std::to_string(client.stats().succeeded),
                                        " responses received are in the cache (", options.cache,
                                        "), and the same command resumes from there"));
      }
    }
    // Validate in request order (not completion order): the pools depend on the responses only.
    for (size_t i = 0; i < requests.size(); ++i) {
      if (!contents[i].has_value()) continue;
      const PoolRequest& r = requests[i];
      std::vector<std::string>& pool = pools.pools_[static_cast<size_t>(r.d)][r.slot];
      absl::StatusOr<Json> json = ParseJson(*contents[i]);
      const Json* items = json.ok() ? Member(*json, "items") : nullptr;
      if (items == nullptr || !items->is_array()) {
        stats->dropped_items += r.count;
        continue;
      }
      int taken = 0;
      for (const Json& item : *items) {
        std::string text = item.is_string() ? item.get<std::string>() : "";
        while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
        while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.erase(0, 1);
        if (taken >= r.count || pool.size() >= want || !item.is_string() ||
            !RejectReason(text, vocabulary, r.d, r.slot).empty() ||
            std::find(pool.begin(), pool.end(), text) != pool.end()) {
          ++stats->dropped_items;
          continue;
        }
        pool.push_back(std::move(text));
        ++taken;
      }
    }
  }
  const LlmStats& net = client.stats();
  stats->requests += net.requests;
  stats->succeeded += net.succeeded;
  stats->retries += net.retries;
  stats->rate_limited += net.rate_limited;
  stats->prompt_tokens += net.prompt_tokens;
  stats->completion_tokens += net.completion_tokens;
  stats->seconds += net.seconds;
  stats->parked = stats->parked || net.parked;
  if (stats->fatal.empty()) stats->fatal = net.fatal;
  stats->fallbacks +=
      static_cast<int64_t>(want * kDepartmentCount * kLlmSlots.size() - pools.size());
  return pools;
}

}  // namespace asanasim
