#include "src/llm/archetypes.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "src/llm/cache.h"
#include "src/llm/client.h"
#include "src/llm/prompts.h"
#include "src/model/row_hasher.h"
#include "src/util/status.h"
#include "src/util/strings.h"
#include "xxhash.h"

namespace asanasim {
namespace {

// Requests per department, counting re-requests of rejected archetypes.
constexpr int kRounds = 4;
constexpr double kTemperature = 0.9;
// Few-shot examples per request, and the items kept of each list in an example (a whole
// archetype is long; the shape is what the model needs).
constexpr size_t kExamples = 2;
constexpr size_t kExampleItems = 3;
constexpr size_t kExampleSubtasks = 5;
// Values shown per slot, and rejected reasons repeated to the model.
constexpr size_t kSlotValuesShown = 3;
constexpr size_t kReasonsShown = 6;

// The completion's cap: room for each archetype asked for and a reasoning model's thinking. It
// bounds a runaway answer; pacing reserves what answers really use, learned as they come.
int64_t MaxCompletionTokens(const LlmOptions& o) {
  return std::clamp<int64_t>(int64_t{1600} * std::max(1, o.batch) + 512, 2048, 16384);
}

constexpr std::string_view kListKeys[] = {"names", "descriptions", "subtasks", "tags"};
constexpr std::string_view kContextPlaceholders =
    "{person} {to} {asker} {weekday} {month} {quarter} {n} {n|one|many} {id4} {pr} {version} "
    "{focus}";

// The weighted mean and standard deviation of log(days) over (weight, days) pairs.
std::pair<double, double> LogSpread(std::span<const std::pair<double, double>> days) {
  double w = 0, sum = 0, squares = 0;
  for (const auto& [weight, d] : days) {
    const double x = std::log(std::max(0.5, d));
    w += weight;
    sum += weight * x;
    squares += weight * x * x;
  }
  if (w <= 0) return {0, 0};
  const double mean = sum / w;
  return {mean, std::sqrt(std::max(0.0, squares / w - mean * mean))};
}

std::string Quoted(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

bool IsStringList(const Json& j) {
  return j.is_array() &&
         std::all_of(j.begin(), j.end(), [](const Json& v) { return v.is_string(); });
}

bool IsKebabId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Every text of an item: names, descriptions, subtasks, comments.
void ForEachText(const Json& item, const std::function<void(std::string_view)>& f) {
  for (std::string_view key : {"names", "descriptions", "subtasks"}) {
    if (const Json* list = Member(item, key); list != nullptr && list->is_array()) {
      for (const Json& v : *list) {
        if (v.is_string()) f(v.get_ref<const std::string&>());
      }
    }
  }
  if (const Json* comments = Member(item, "comments");
      comments != nullptr && comments->is_object()) {
    for (const auto& [moment, list] : comments->items()) {
      if (!list.is_array()) continue;
      for (const Json& v : list) {
        if (v.is_string()) f(v.get_ref<const std::string&>());
      }
    }
  }
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The whole words of `t` outside placeholders, with their offsets.
template <typename F>
void ForEachWord(std::string_view t, F f) {
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] == '{') {
      const size_t close = t.find('}', i);
      if (close == std::string_view::npos) return;
      i = close + 1;
      continue;
    }
    if (!IsWordChar(t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && (IsWordChar(t[j]) || t[j] == '-')) ++j;
    while (j > i && t[j - 1] == '-') --j;
    f(t.substr(i, j - i), i);
    i = std::max(j, i + 1);
  }
}

constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};
// "May" is left out: it is a word far more often than a month in work text.
constexpr std::string_view kMonths[] = {"January", "February", "March",   "April",
                                        "June",    "July",     "August",  "September",
                                        "October", "November", "December"};
// First names that are common words as well ("Will it ship?", "Mark as done").
constexpr std::string_view kWordNames[] = {
    "Will",    "Mark",     "Grace",    "Hope",     "Faith",   "Chase",  "Drew",     "June",
    "April",   "Summer",   "Rose",     "Bill",     "Page",    "Dawn",   "Joy",      "Lane",
    "Reed",    "Wade",     "Ray",      "Jay",      "Max",     "Art",    "Dean",     "Case",
    "Rich",    "Sage",     "Gene",     "Ivy",      "Pat",     "Sunny",  "Frank",    "Young",
    "Long",    "Park",     "Song",     "Hall",     "Sky",     "Amber",  "Jade",     "Ruby",
    "Angel",   "Star",     "Happy",    "Precious", "Justice", "Royal",  "Asia",     "India",
    "China",   "Paris",    "Sydney",   "Austin",   "Jordan",  "Kenya",  "Florence", "Victoria",
    "Georgia", "Carolina", "Cameron",  "Taylor",   "Morgan",  "Hunter", "Mason",    "Cooper",
    "Parker",  "Harper",   "Tucker",   "Baker",    "Carter",  "Miller", "Porter",   "Archer",
    "Fisher",  "Marshall", "Sterling", "Price",    "Lee",     "Chan",   "Han",      "Jin",
    "Ming",    "Sol",      "Luz",      "Paz",      "Ana"};

class LiteralFinder {
 public:
  explicit LiteralFinder(const Vocabulary& v) {
    for (const NameCulture& c : v.name_cultures()) {
      for (std::string_view n : c.first_names) {
        if (n.size() >= 4 &&
            std::find(std::begin(kWordNames), std::end(kWordNames), n) == std::end(kWordNames)) {
          names_.insert(std::string(n));
        }
      }
    }
  }

  // The first literal in the item's texts, then in its own slots' values (which may hold
  // numbers); "" when there is none.
  std::string InItem(const Json& item) const {
    std::string reason;
    ForEachText(item, [&](std::string_view t) {
      if (reason.empty()) reason = Find(t, false);
    });
    if (const Json* slots = Member(item, "slots"); reason.empty() && slots != nullptr) {
      for (const auto& [k, values] : slots->items()) {
        for (const Json& v : values) {
          if (reason.empty() && v.is_string()) reason = Find(v.get_ref<const std::string&>(), true);
        }
      }
    }
    return reason;
  }

  std::string Find(std::string_view t, bool slot_value) const {
    std::string reason;
    ForEachWord(t, [&](std::string_view w, size_t at) {
      if (!reason.empty()) return;
      if (std::find(std::begin(kWeekdays), std::end(kWeekdays), w) != std::end(kWeekdays)) {
        reason = Cat("literal: the weekday '", w, "' where {weekday} belongs");
      } else if (std::find(std::begin(kMonths), std::end(kMonths), w) != std::end(kMonths)) {
        reason = Cat("literal: the month '", w, "' where {month} belongs");
      } else if (w.size() == 2 && w[0] == 'Q' && w[1] >= '1' && w[1] <= '4') {
        reason = Cat("literal: the quarter '", w, "' where {quarter} belongs");
      } else if (names_.count(std::string(w))) {
        reason = Cat("literal: the name '", w, "' where {person} belongs");
      } else if (!slot_value) {
        size_t digits = 0;
        for (char c : w) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
        if (digits >= 4 && digits == w.size()) {
          reason = Cat("literal: the number '", w, "' where {id4}, {pr} or {n} belongs");
        } else if (w.size() >= 10 && std::isdigit(static_cast<unsigned char>(w[0])) &&
                   w[4] == '-' && w[7] == '-') {
          reason = Cat("literal: the date '", w, "' (dates go stale: use {weekday} or {month})");
        }
      }
      (void)at;
    });
    return reason;
  }

 private:
  std::set<std::string> names_;
};

// One department file of the run's packs: what is asked for it, and what was accepted.
struct DepartmentJob {
  const Pack* owner = nullptr;  // the pack that owns the file
  Department d = Department::kEngineering;
  const DepartmentVocab* dv = nullptr;
  std::string path;                                    // "<pack>/archetypes/<stem>.llm.toml"
  std::vector<std::pair<std::string, Json>> accepted;  // (id, item) of each accepted archetype
  std::vector<std::string> ids;      // taken: the department's and the accepted ones
  std::vector<std::string> reasons;  // of the last round's rejects, for the next prompt
  // The typical durations of the department's own archetypes, in log days.
  struct {
    double mean = 0, sd = 0;
  } own_days;
};

struct Candidate {
  size_t job;
  std::string id;
  Json item;
  std::string toml;
  std::vector<std::string> names;  // masked
};

struct Request {
  size_t job;
  int round;
  int index;
  int count;
  std::string body;
};

// One archetype as a few-shot example: the schema's JSON, its lists cut short.
Json ExampleJson(const Archetype& a) {
  const auto list = [](Words w, size_t n) {
    Json out = Json::array();
    for (size_t i = 0; i < w.size() && i < n; ++i) out.push_back(std::string(w[i]));
    return out;
  };
  Json j = {{"id", std::string(a.id.substr(a.id.rfind('/') + 1))},
            {"weight", JsonNumber(a.weight)}};
  if (a.days > 0) j["days"] = JsonNumber(a.days);
  j["names"] = list(a.names, 2);
  j["descriptions"] = list(a.descriptions, 1);
  j["subtasks"] = list(a.subtasks, kExampleSubtasks);
  if (!a.tags.empty()) j["tags"] = list(a.tags, kExampleItems);
  if (!a.fields.empty()) {
    Json fields = Json::object();
    for (const FieldHint& h : a.fields) {
      fields[std::string(h.field)] =
          h.options.size() == 1 ? Json(std::string(h.options[0])) : list(h.options, 4);
    }
    j["fields"] = fields;
  }
  if (!a.slots.empty()) {
    Json slots = Json::object();
    for (const Slot& s : a.slots) slots[std::string(s.name)] = list(s.values, kExampleItems);
    j["slots"] = slots;
  }
  // The moments every story has, a line or two each: the rest of the schema is in the system
  // prompt, and a shorter prompt leaves more of the minute's tokens for answers.
  Json comments = Json::object();
  for (Moment m :
       {Moment::kKickoff, Moment::kProgress, Moment::kQuestion, Moment::kAnswer, Moment::kWrapup}) {
    const Words lines = a.comments[static_cast<size_t>(m)];
    if (!lines.empty())
      comments[std::string(kMomentNames[static_cast<size_t>(m)])] =
          list(lines, m == Moment::kProgress ? 2 : 1);
  }
  j["comments"] = comments;
  return j;
}

std::string Body(const LlmOptions& o, const PromptSet& prompts, const Vocabulary& vocabulary,
                 const DepartmentJob& job, const Request& r) {
  const DepartmentVocab& dv = *job.dv;
  std::string user = "Industry: ";
  for (size_t i = 0; i < job.owner->industries.size(); ++i)
    user += Cat(i ? ", " : "", job.owner->industries[i]);
  user += Cat(".\nDepartment: ", dv.name, ". Its teams focus on: ");
  for (size_t i = 0; i < dv.team_focuses.size() && i < 8; ++i)
    user += Cat(i ? ", " : "", dv.team_focuses[i]);
  user += ". Its projects are like: ";
  for (size_t i = 0; i < dv.project_templates.size() && i < 4; ++i)
    user += Cat(i ? ", " : "", Quoted(dv.project_templates[i]));
  user += Cat(".\n\nWrite ", std::to_string(r.count),
              " new archetypes for this department: ", prompts.task(), "\n\n",
              "Slots of this department (write {name} wherever one of these details goes; never "
              "the literal value):\n");
  const auto add_slot = [&](const Slot& s) {
    if (s.name.starts_with("co_") || s.name.starts_with("verb")) return;
    user += Cat("- {", s.name, "}: ");
    if (!s.values.empty() && s.values[0].find('{') != std::string_view::npos) {
      user += "(a name the generator builds)\n";  // {account}: "{co_prefix}{co_suffix} ..."
      return;
    }
    for (size_t i = 0; i < s.values.size() && i < kSlotValuesShown; ++i)
      user += Cat(i ? ", " : "", s.values[i]);
    user += "\n";
  };
  for (const Slot& s : dv.slots) add_slot(s);
  // The shared slots the department's own texts use (all of them would double the prompt).
  std::set<std::string_view> used;
  const auto scan = [&](Words texts) {
    for (std::string_view t : texts) {
      for (size_t at = t.find('{'); at != std::string_view::npos; at = t.find('{', at + 1)) {
        const size_t close = t.find('}', at);
        if (close == std::string_view::npos) break;
        used.insert(SlotNameOf(t.substr(at + 1, close - at - 1)));
      }
    }
  };
  for (Words w : {dv.task_templates, dv.description_templates, dv.comment_templates}) scan(w);
  for (const Archetype& a : dv.archetypes) {
    for (Words w : {a.names, a.descriptions, a.subtasks}) scan(w);
    for (Words w : a.comments) scan(w);
  }
  for (const Slot& s : vocabulary.shared_slots()) {
    if (used.count(s.name) && std::none_of(dv.slots.begin(), dv.slots.end(),
                                           [&](const Slot& own) { return own.name == s.name; }))
      add_slot(s);
  }
  user += Cat("Context placeholders: ", kContextPlaceholders, "\n");
  if (!dv.tag_names.empty()) {
    user += "Tags it may hint: ";
    for (size_t i = 0; i < dv.tag_names.size(); ++i) user += Cat(i ? ", " : "", dv.tag_names[i]);
    user += "\n";
  }
  std::string fields;
  for (std::string_view key : dv.field_keys) {
    for (const CustomFieldSpec& f : vocabulary.fields()) {
      if (f.key != key || f.type != FieldType::kEnum || f.sprint) continue;
      fields += Cat(fields.empty() ? "" : "; ", key, " =");
      for (size_t i = 0; i < f.options.size(); ++i)
        fields += Cat(i ? " | " : " ", f.options[i].name);
    }
  }
  if (!fields.empty())
    user += Cat("Fields it may hint (field = option or [options]): ", fields, "\n");
  user += "Ids already taken: ";
  for (size_t i = 0; i < job.ids.size(); ++i) user += Cat(i ? ", " : "", job.ids[i]);
  user +=
      "\n\nExamples of the format (new archetypes must be about different work; do not "
      "copy):\n";
  std::vector<const Archetype*> own;
  for (const Archetype& a : dv.archetypes) {
    if (!a.llm) own.push_back(&a);
  }
  // A department without archetypes of its own (one the LLM wrote) learns the form from the
  // default pack's department of the same name.
  if (own.empty()) {
    for (const Archetype& a : vocabulary.default_pack().department(job.d).archetypes) {
      if (!a.llm) own.push_back(&a);
    }
  }
  for (size_t k = 0; k < kExamples && k < own.size(); ++k) {
    const size_t at = (static_cast<size_t>(r.round) * 7 + static_cast<size_t>(r.index) * 3 +
                       k * (own.size() / kExamples + 1)) %
                      own.size();
    user += DumpJson(ExampleJson(*own[at])) + "\n";
  }
  if (!job.reasons.empty()) {
    user += "\nRejected from an earlier answer (do not repeat these mistakes):\n";
    for (size_t i = 0; i < job.reasons.size() && i < kReasonsShown; ++i)
      user += Cat("- ", job.reasons[i], "\n");
  }
  user += Cat("\nRequest ", std::to_string(r.round), ".", std::to_string(r.index),
              ". Answer with JSON only: {\"archetypes\": [", std::to_string(r.count),
              " objects like the examples]}");
  return ChatBody(o, prompts.system(), user, MaxCompletionTokens(o));
}

// The kind of a `pack check` problem, for the summary's count of rejects by reason.
std::string KindOf(std::string_view message) {
  struct Rule {
    std::string_view needle, kind;
  };
  static constexpr Rule kRules[] = {
      {"does not resolve", "unknown placeholder"},
      {"in an archetype", "{actor}, {date} or {assignee}"},
      {"outside a question", "{to} outside a question"},
      {"outside an answer", "{asker} outside an answer"},
      {"kebab-case", "id not kebab-case"},
      {"is used twice", "id used twice"},
      {"needs comments.progress", "no progress comments"},
      {"doubles a word", "doubled word at a slot"},
      {"a doubled word", "doubled word"},
      {"reads \"1", "count without plural form"},
      {"is written", "product name casing"},
      {"a tool this department does not use", "another department's tool"},
      {"{metric", "metric direction"},
      {"weekday is a coming day", "past weekday"},
      {"tags", "unknown tag"},
      {"tag '", "unknown tag"},
      {"field", "unknown field or option"},
      {"days must", "days out of range"},
      {"unknown moment", "unknown moment"},
      {"must not be empty", "empty list"},
      {"missing key", "missing key"},
      {"repeats line", "repeated line"},
      {"used by no template", "unused slot"},
  };
  for (const Rule& r : kRules) {
    if (message.find(r.needle) != std::string_view::npos) return Cat("pack check: ", r.kind);
  }
  return "pack check: other";
}

// The line number of a problem "path:line: message" about `path`, or -1 (another file), or 0
// (the file, no line).
int ProblemLine(std::string_view problem, std::string_view path, std::string_view* message) {
  if (!problem.starts_with(path) || problem.size() <= path.size() || problem[path.size()] != ':')
    return -1;
  std::string_view rest = problem.substr(path.size() + 1);
  int line = 0;
  size_t i = 0;
  while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) {
    line = line * 10 + (rest[i] - '0');
    ++i;
  }
  if (i < rest.size() && rest[i] == ':') ++i;
  while (i < rest.size() && rest[i] == ' ') ++i;
  *message = rest.substr(i);
  return line;
}

std::string FileText(const DepartmentJob& job, std::span<const std::string* const> archetypes,
                     std::vector<std::pair<int, int>>* lines, std::string_view note = {}) {
  std::string text = Cat("# Archetypes of the ", job.dv->name,
                         " department written by the LLM tier (asanasim generate with "
                         "--llm groq),\n# checked like `asanasim pack check` checks a "
                         "person's. Edit or delete freely.\n");
  int line = 3;
  if (!note.empty()) {
    text += Cat("# ", note, "\n");
    ++line;
  }
  for (const std::string* a : archetypes) {
    text += "\n";
    ++line;
    const int first = line;
    text += *a;
    line += static_cast<int>(std::count(a->begin(), a->end(), '\n'));
    if (lines != nullptr) lines->push_back({first, line});
  }
  return text;
}

}  // namespace

bool IsReasoningModel(std::string_view model) { return model.starts_with("openai/gpt-oss"); }

// A TOML basic string.
std::string TomlString(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string TomlArray(const Json& list, std::string_view indent) {
  std::string out = "[\n";
  for (const Json& v : list) out += Cat(indent, "  ", TomlString(v.get<std::string>()), ",\n");
  return out + std::string(indent) + "]";
}

std::string ChatBody(const LlmOptions& o, std::string_view system, std::string_view user,
                     int64_t max_completion_tokens) {
  const uint64_t seed = XXH3_64bits(user.data(), user.size()) & 0x7fffffff;
  Json body = {{"model", o.model},
               {"messages",
                {{{"role", "system"}, {"content", std::string(system)}},
                 {{"role", "user"}, {"content", std::string(user)}}}},
               {"temperature", kTemperature},
               {"max_completion_tokens", max_completion_tokens},
               {"response_format", {{"type", "json_object"}}},
               {"seed", static_cast<int64_t>(seed)}};
  // A reasoning model's thinking is billed as completion tokens: ask for the least that keeps
  // items valid (gpt-oss accepts low, medium, high; other models take no such field).
  if (IsReasoningModel(o.model)) body["reasoning_effort"] = o.reasoning_effort;
  return DumpJson(body);
}

absl::StatusOr<std::vector<std::optional<std::string>>> FetchContents(
    const LlmOptions& options, GroqClient& client, const ResponseCache& cache,
    std::span<const std::string> bodies, LlmStats* stats) {
  std::vector<std::optional<std::string>> contents(bodies.size());
  std::vector<std::string> keys;
  std::vector<size_t> to_send;
  std::vector<LlmRequest> sends;
  for (size_t i = 0; i < bodies.size(); ++i) {
    keys.push_back(ResponseCache::Key(bodies[i]));
    contents[i] = cache.Get(keys[i]);
    if (contents[i].has_value()) {
      ++stats->cache_hits;
    } else if (!options.offline && !client.stopped()) {
      to_send.push_back(i);
      sends.push_back({bodies[i]});
    }
  }
  if (sends.empty()) return contents;
  // Each response goes into the cache the moment it is complete: a run stopped at any point
  // resumes with only the requests still missing.
  absl::Status put = absl::OkStatus();
  client.Run(
      sends,
      [&](size_t k, const LlmResponse& response) {
        if (!response.ok) return;
        contents[to_send[k]] = response.content;
        if (put.ok()) put = cache.Put(keys[to_send[k]], response.content);
      },
      options.progress);
  ASANASIM_RETURN_IF_ERROR(put);
  if (client.stats().interrupted) {
    return absl::CancelledError(Cat("interrupted in the LLM pool phase; the ",
                                    std::to_string(client.stats().succeeded),
                                    " responses received are in the cache (", options.cache,
                                    "), and the same command resumes from there"));
  }
  return contents;
}

void AddClientStats(const LlmStats& net, LlmStats* stats) {
  stats->requests += net.requests;
  stats->succeeded += net.succeeded;
  stats->retries += net.retries;
  stats->rate_limited += net.rate_limited;
  stats->prompt_tokens += net.prompt_tokens;
  stats->completion_tokens += net.completion_tokens;
  stats->seconds += net.seconds;
  stats->parked = stats->parked || net.parked;
  stats->deadline_passed = stats->deadline_passed || net.deadline_passed;
  if (stats->fatal.empty()) stats->fatal = net.fatal;
}

bool IsSnakeName(std::string_view name) {
  return !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

std::string SchemaReason(const Json& item) {
  if (!item.is_object()) return "schema: an item is not a JSON object";
  static constexpr std::string_view kKeys[] = {"id",           "weight",   "days", "names",
                                               "descriptions", "subtasks", "tags", "fields",
                                               "slots",        "comments"};
  for (const auto& [key, value] : item.items()) {
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys))
      return Cat("schema: unknown key '", key, "'");
  }
  const Json* id = Member(item, "id");
  if (id == nullptr || !id->is_string()) return "schema: 'id' must be a string";
  if (!IsKebabId(id->get_ref<const std::string&>()))
    return Cat("schema: id '", id->get<std::string>(), "' is not kebab-case (a-z, 0-9, -)");
  for (std::string_view key : {"weight", "days"}) {
    if (const Json* v = Member(item, key); v != nullptr && !v->is_number())
      return Cat("schema: '", key, "' must be a number");
  }
  for (std::string_view key : kListKeys) {
    const Json* v = Member(item, key);
    if (v == nullptr) {
      if (key == "tags") continue;
      return Cat("schema: missing '", key, "'");
    }
    if (!IsStringList(*v)) return Cat("schema: '", key, "' must be a list of strings");
    if (key != "tags" && v->empty()) return Cat("schema: '", key, "' is empty");
  }
  if (const Json* f = Member(item, "fields")) {
    if (!f->is_object()) return "schema: 'fields' must be an object";
    for (const auto& [k, v] : f->items()) {
      if (!v.is_string() && !IsStringList(v))
        return Cat("schema: field '", k, "' must be an option or a list of options");
    }
  }
  if (const Json* s = Member(item, "slots")) {
    if (!s->is_object()) return "schema: 'slots' must be an object";
    for (const auto& [k, v] : s->items()) {
      if (!IsSnakeName(k) || !IsStringList(v) || v.empty())
        return Cat("schema: slot '", k, "' must be a snake_case name with a list of values");
    }
  }
  const Json* comments = Member(item, "comments");
  if (comments == nullptr || !comments->is_object()) return "schema: 'comments' must be an object";
  for (const auto& [k, v] : comments->items()) {
    if (!IsStringList(v)) return Cat("schema: comments.", k, " must be a list of strings");
  }
  return "";
}

std::string LiteralReason(const Json& item, const Vocabulary& vocabulary) {
  return LiteralFinder(vocabulary).InItem(item);
}

std::string MaskedText(std::string_view text, const SlotScope& scope) {
  std::string t;
  // Placeholders first, then the values a model may have written in their place.
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        t += '\x01';
        i = close;
        continue;
      }
    }
    t += text[i];
  }
  for (std::span<const Slot> slots : {scope.archetype, scope.department, scope.shared}) {
    for (const Slot& s : slots) {
      for (std::string_view v : s.values) {
        // Values that name something (a system, a customer, a version), not plain words that
        // a name may hold anyway ("memory leak").
        if (v.size() < 3 || v.find('{') != std::string_view::npos ||
            std::none_of(v.begin(), v.end(), [](char c) {
              return std::isupper(static_cast<unsigned char>(c)) ||
                     std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                     c == '.';
            }))
          continue;
        size_t from = 0;
        std::string masked;
        for (size_t at = t.find(v); at != std::string::npos; at = t.find(v, from)) {
          masked.append(t, from, at - from).push_back('\x01');
          from = at + v.size();
        }
        if (from == 0) continue;
        masked.append(t, from);
        t.swap(masked);
      }
    }
  }
  std::string out;
  for (const char c : t) {
    if (c == '\x01') {
      out += "{}";
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string ArchetypeToml(const Json& item, std::string_view id) {
  std::string out = Cat("[[archetype]]\nid = ", TomlString(id), "\n");
  const auto number = [&](std::string_view key) {
    if (const Json* v = Member(item, key))
      out += Cat(key, " = ", DumpJson(JsonNumber(v->get<double>())), "\n");
  };
  number("weight");
  number("days");
  for (std::string_view key : kListKeys) {
    const Json* v = Member(item, key);
    if (v != nullptr && !v->empty()) out += Cat(key, " = ", TomlArray(*v, ""), "\n");
  }
  if (const Json* fields = Member(item, "fields"); fields != nullptr && !fields->empty()) {
    out += "fields = { ";
    bool first = true;
    for (const auto& [k, v] : fields->items()) {
      out += Cat(first ? "" : ", ", k, " = ");
      if (v.is_string()) {
        out += TomlString(v.get<std::string>());
      } else {
        out += "[";
        for (size_t i = 0; i < v.size(); ++i)
          out += Cat(i ? ", " : "", TomlString(v[i].get<std::string>()));
        out += "]";
      }
      first = false;
    }
    out += " }\n";
  }
  if (const Json* slots = Member(item, "slots"); slots != nullptr && !slots->empty()) {
    out += "\n[archetype.slots]\n";
    for (const auto& [k, v] : slots->items()) out += Cat(k, " = ", TomlArray(v, ""), "\n");
  }
  out += "\n[archetype.comments]\n";
  const Json& comments = *Member(item, "comments");
  for (const auto& [k, v] : comments.items()) out += Cat(k, " = ", TomlArray(v, ""), "\n");
  return out;
}

absl::StatusOr<LlmArchetypes> WriteArchetypes(const LlmOptions& options,
                                              const Vocabulary& vocabulary,
                                              std::span<const Pack* const> packs,
                                              uint64_t jitter_seed, LlmStats* stats) {
  ASANASIM_ASSIGN_OR_RETURN(const PromptSet prompts, PromptSet::Load(options.prompts));
  if (options.cache.empty()) return absl::InvalidArgumentError("the LLM cache needs a directory");
  const ResponseCache cache(options.cache);
  const LiteralFinder literals(vocabulary);
  // The departments of the run's packs, in (pack, department) order.
  std::vector<DepartmentJob> jobs;
  // Every archetype name of those departments, masked -> the archetype's id: an LLM archetype
  // tells a story no department of the run tells yet, in its industry or another.
  std::map<std::string, std::string> names;
  std::vector<const Pack*> owners;
  for (const Pack* pack : packs) {
    for (int d = 0; d < kDepartmentCount; ++d) {
      // Per (pack, department): a department the pack reuses gets archetypes of its industry,
      // in the pack's own directory (the parser adds them to its copy of the department).
      const std::string path = Cat(pack->name, "/archetypes/", kDepartmentFiles[d], ".llm.toml");
      if (std::any_of(jobs.begin(), jobs.end(),
                      [&](const DepartmentJob& j) { return j.path == path; }))
        continue;
      DepartmentJob job;
      job.owner = pack;
      job.d = static_cast<Department>(d);
      job.dv = &job.owner->department(job.d);
      job.path = path;
      std::vector<std::pair<double, double>> days;
      for (const Archetype& a : job.dv->archetypes) {
        job.ids.push_back(std::string(a.id.substr(a.id.rfind('/') + 1)));
        const SlotScope own{a.slots, job.dv->slots, vocabulary.shared_slots()};
        for (std::string_view n : a.names) names.emplace(MaskedText(n, own), a.id);
        if (a.days > 0) days.emplace_back(a.weight, a.days);
      }
      std::tie(job.own_days.mean, job.own_days.sd) = LogSpread(days);
      jobs.push_back(std::move(job));
      if (std::find(owners.begin(), owners.end(), jobs.back().owner) == owners.end())
        owners.push_back(jobs.back().owner);
    }
  }
  // What a lint parse of the LLM's files needs: the run's packs and what they reuse.
  std::map<std::string, std::string> base;
  for (const Pack* p : owners) {
    for (auto& [path, text] : vocabulary.FilesOf(*p)) base.emplace(path, std::move(text));
  }

  LlmClientConfig config = ClientConfigFor(options, jitter_seed);
  config.max_completion_tokens = MaxCompletionTokens(options);
  GroqClient client(std::move(config));
  const int want = std::max(0, options.archetypes);
  const int batch = std::max(1, options.batch);
  // A rejected archetype: counted by the kind of its reason ("literal", "pack check: unknown
  // placeholder", ...), and told to the model in the department's next request.
  const auto reject = [&](DepartmentJob& job, std::string_view id, const std::string& reason) {
    ++stats->rejected;
    const size_t colon = reason.find(':');
    const std::string kind = reason.starts_with("pack check")
                                 ? reason.substr(0, reason.find(':', colon + 1))
                                 : reason.substr(0, colon);
    ++stats->reject_reasons[kind];
    job.reasons.push_back(id.empty() ? reason : Cat(Quoted(id), ": ", reason));
    if (options.log)
      options.log(Cat("llm: rejected an archetype of ", job.path, ": ", job.reasons.back()));
  };

  for (int round = 0; round < kRounds; ++round) {
    std::vector<Request> requests;
    for (size_t j = 0; j < jobs.size(); ++j) {
      int needed = want - static_cast<int>(jobs[j].accepted.size());
      for (int index = 0; needed > 0; ++index) {
        Request r{j, round, index, std::min(batch, needed), ""};
        r.body = Body(options, prompts, vocabulary, jobs[j], r);
        requests.push_back(std::move(r));
        needed -= batch;
      }
      jobs[j].reasons.clear();
    }
    if (requests.empty()) break;
    std::vector<std::string> bodies;
    for (const Request& r : requests) bodies.push_back(r.body);
    ASANASIM_ASSIGN_OR_RETURN(const std::vector<std::optional<std::string>> contents,
                              FetchContents(options, client, cache, bodies, stats));
    // Check in request order (not completion order): the result depends on the responses only.
    std::vector<Candidate> candidates;
    for (size_t i = 0; i < requests.size(); ++i) {
      if (!contents[i].has_value()) continue;
      const Request& r = requests[i];
      DepartmentJob& job = jobs[r.job];
      absl::StatusOr<Json> json = ParseJson(*contents[i]);
      const Json* items = json.ok() ? Member(*json, "archetypes") : nullptr;
      if (items == nullptr || !items->is_array()) {
        for (int k = 0; k < r.count; ++k)
          reject(job, "", "schema: no \"archetypes\" list in the answer");
        continue;
      }
      int taken = 0;
      for (const Json& item : *items) {
        if (taken >= r.count) {
          reject(job, "", "schema: more archetypes than asked for");
          continue;
        }
        ++taken;
        std::string reason = SchemaReason(item);
        if (reason.empty()) reason = literals.InItem(item);
        Candidate c{r.job, "", Json(), "", {}};
        if (reason.empty()) {
          const SlotScope scope{{}, job.dv->slots, vocabulary.shared_slots()};
          std::set<std::string> names_here;
          for (const Json& n : (*Member(item, "names"))) {
            std::string masked = MaskedText(n.get_ref<const std::string&>(), scope);
            if (const auto seen = names.find(masked); seen != names.end()) {
              reason = Cat("duplicate: the name ", Quoted(n.get<std::string>()), " repeats ",
                           seen->second);
              break;
            }
            if (!names_here.insert(masked).second) {
              reason = Cat("duplicate: the name ", Quoted(n.get<std::string>()), " is there twice");
              break;
            }
            c.names.push_back(std::move(masked));
          }
          // ... or one offered before it in this round.
          for (const Candidate& other : candidates) {
            if (!reason.empty()) break;
            for (const std::string& n : c.names) {
              if (std::find(other.names.begin(), other.names.end(), n) != other.names.end())
                reason = Cat("duplicate: a name repeats ", other.id, ", offered with it");
            }
          }
        }
        if (!reason.empty()) {
          reject(job, StringMember(item, "id"), reason);
          continue;
        }
        // Ids: "llm-" marks the model's; a clash with one taken gets a number.
        std::string id = StringMember(item, "id");
        if (!id.starts_with("llm-")) id = Cat("llm-", id);
        const auto taken_id = [&](const std::string& x) {
          return std::find(job.ids.begin(), job.ids.end(), x) != job.ids.end() ||
                 std::any_of(candidates.begin(), candidates.end(),
                             [&](const Candidate& o) { return o.job == r.job && o.id == x; });
        };
        std::string unique = id;
        for (int n = 2; taken_id(unique); ++n) unique = Cat(id, "-", std::to_string(n));
        c.id = unique;
        c.item = item;
        c.toml = ArchetypeToml(item, c.id);
        candidates.push_back(std::move(c));
      }
    }
    // `pack check` on every department's file with its candidates: one parse of the packs.
    std::map<std::string, std::string> files = base;
    std::vector<std::vector<std::pair<int, int>>> lines(jobs.size());
    std::vector<std::vector<size_t>> of_job(jobs.size());
    for (size_t k = 0; k < candidates.size(); ++k) of_job[candidates[k].job].push_back(k);
    for (size_t j = 0; j < jobs.size(); ++j) {
      if (of_job[j].empty()) continue;
      std::vector<std::string> tomls;
      for (const auto& [id, item] : jobs[j].accepted) tomls.push_back(ArchetypeToml(item, id));
      std::vector<const std::string*> all;
      for (const std::string& t : tomls) all.push_back(&t);
      for (size_t k : of_job[j]) all.push_back(&candidates[k].toml);
      files[jobs[j].path] = FileText(jobs[j], all, &lines[j]);
    }
    if (candidates.empty()) continue;
    std::vector<std::pair<std::string, std::string>> list(files.begin(), files.end());
    std::vector<std::string> problems;
    (void)Vocabulary::Parse(list, "", &problems);
    std::vector<std::string> failed(candidates.size());
    // Warnings too: an LLM archetype joins the packs only if `pack check` has nothing to say.
    for (const std::string& p : problems) {
      for (size_t j = 0; j < jobs.size(); ++j) {
        std::string_view message;
        const int line = ProblemLine(p, jobs[j].path, &message);
        if (line < 0 || of_job[j].empty()) continue;
        // A problem of the file as a whole fails every candidate of it.
        const size_t accepted = jobs[j].accepted.size();
        for (size_t a = 0; a < lines[j].size(); ++a) {
          if (line != 0 && (line < lines[j][a].first || line > lines[j][a].second)) continue;
          if (a < accepted) continue;  // checked when accepted: the file's rules hold for it
          std::string& f = failed[of_job[j][a - accepted]];
          if (f.empty()) f = Cat(KindOf(message), ": ", message);
        }
      }
    }
    for (size_t k = 0; k < candidates.size(); ++k) {
      DepartmentJob& job = jobs[candidates[k].job];
      if (!failed[k].empty()) {
        reject(job, candidates[k].id, failed[k]);
        continue;
      }
      if (static_cast<int>(job.accepted.size()) >= want) continue;
      job.accepted.emplace_back(candidates[k].id, std::move(candidates[k].item));
      job.ids.push_back(candidates[k].id);
      for (std::string& n : candidates[k].names) names.emplace(std::move(n), candidates[k].id);
    }
  }
  AddClientStats(client.stats(), stats);

  LlmArchetypes out;
  RowHasher digest;
  for (DepartmentJob& job : jobs) {
    stats->archetypes_wanted += want;
    if (job.accepted.empty()) continue;
    // The model knows which work takes longer; the department's own archetypes know how long
    // work takes at this company (the profile's pace): the typical durations keep the model's
    // proportions on the department's scale.
    // In log days: the model's mean moves to the department's, and a spread wider than the
    // department's narrows to it (a long tail of slow archetypes would leave old work open).
    std::vector<std::pair<double, double>> days;
    for (const auto& [id, item] : job.accepted) {
      const Json* d = Member(item, "days");
      const Json* w = Member(item, "weight");
      if (d != nullptr) days.emplace_back(w != nullptr ? w->get<double>() : 1.0, d->get<double>());
    }
    std::string note;
    if (!days.empty() && job.own_days.mean != 0) {
      const auto [mean, sd] = LogSpread(days);
      const double k = sd > job.own_days.sd && sd > 0 ? job.own_days.sd / sd : 1.0;
      for (auto& [id, item] : job.accepted) {
        if (!item.contains("days")) continue;
        const double log_days =
            job.own_days.mean + k * (std::log(std::max(0.5, item["days"].get<double>())) - mean);
        item["days"] = JsonNumber(std::clamp(std::round(std::exp(log_days) * 2) / 2, 0.5, 90.0));
      }
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "days: the model's, moved to the department's own scale (its archetypes' "
                    "geometric mean %.1f days; the model's %.1f, spread times %.2f)",
                    std::exp(job.own_days.mean), std::exp(mean), k);
      note = buf;
    }
    std::vector<std::string> tomls;
    for (const auto& [id, item] : job.accepted) tomls.push_back(ArchetypeToml(item, id));
    std::vector<const std::string*> all;
    for (const std::string& t : tomls) all.push_back(&t);
    out.files.emplace_back(job.path, FileText(job, all, nullptr, note));
    out.accepted += static_cast<int64_t>(job.accepted.size());
    digest.Text(out.files.back().first);
    digest.Text(out.files.back().second);
  }
  out.digest = digest.Hex();
  stats->archetypes += out.accepted;
  stats->digest = out.digest;
  return out;
}

}  // namespace asanasim
