#include "src/llm/pack_author.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "src/llm/archetypes.h"
#include "src/llm/cache.h"
#include "src/llm/client.h"
#include "src/llm/prompts.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

// Requests per department, counting re-requests of rejected ones.
constexpr int kRounds = 4;
// A department's answer: teams, titles, projects, slots and templates.
constexpr int64_t kDepartmentTokens = 4096;
constexpr std::string_view kStageNames[] = {"backlog", "todo", "doing", "review", "done"};
constexpr std::string_view kTemplateKeys[] = {"tasks", "subtasks", "descriptions", "comments"};
constexpr std::string_view kListKeys[] = {"team_focuses", "titles", "lead_titles", "projects"};
constexpr std::string_view kContextPlaceholders =
    "{person} {focus} {weekday} {month} {quarter} {n} {n|one|many} {id4} {version}";

bool IsStringList(const Json& j) {
  return j.is_array() && !j.empty() &&
         std::all_of(j.begin(), j.end(), [](const Json& v) { return v.is_string(); });
}

Json Strings(Words w, size_t n) {
  Json out = Json::array();
  for (size_t i = 0; i < w.size() && i < n; ++i) out.push_back(std::string(w[i]));
  return out;
}

// The default pack's department as the example of the format (lists cut short).
Json ExampleDepartment(const DepartmentVocab& dv) {
  Json slots = Json::object();
  int shown = 0;
  for (const Slot& s : dv.slots) {
    if (s.name.starts_with("verb") || shown >= 4) continue;
    slots[std::string(s.name)] = Strings(s.values, 4);
    ++shown;
  }
  return Json{{"name", std::string(dv.name)},
              {"headcount_weight", JsonNumber(dv.headcount_weight)},
              {"team_focuses", Strings(dv.team_focuses, 5)},
              {"titles", Strings(dv.titles, 4)},
              {"lead_titles", Strings(dv.lead_titles, 2)},
              {"projects", Strings(dv.project_templates, 4)},
              {"slots", slots},
              {"templates",
               {{"tasks", Strings(dv.task_templates, 4)},
                {"subtasks", Strings(dv.subtask_templates, 4)},
                {"descriptions", Strings(dv.description_templates, 2)},
                {"comments", Strings(dv.comment_templates, 4)}}}};
}

std::string DepartmentBody(const LlmOptions& o, const PromptSet& prompts, const Vocabulary& base,
                           std::string_view industry, const DepartmentVocab& like,
                           bool company_words, std::span<const std::string> reasons, int round) {
  std::string user =
      Cat("Industry: ", industry, ".\nDepartment: ", like.name, ". Write the ", like.name,
          " department of a company in this industry: its teams, people, "
          "projects, the details its texts name, and plain task templates.\n\n"
          "The format, shown with a software company's ",
          like.name,
          " department (write this industry's, not software's unless the "
          "industry is software):\n",
          DumpJson(ExampleDepartment(like)),
          "\n\nShared slots every department "
          "may use:");
  for (const Slot& s : base.shared_slots()) {
    if (!s.name.starts_with("co_")) user += Cat(" {", s.name, "}");
  }
  user += Cat("\nContext placeholders: ", kContextPlaceholders, "\n");
  if (company_words) {
    user +=
        "Also give \"company_words\": 3 single words a company of this industry ends its name "
        "with (as \"Analytics\" in \"Brightwave Analytics\").\n";
  }
  if (!reasons.empty()) {
    user += "\nRejected from an earlier answer (do not repeat these mistakes):\n";
    for (size_t i = 0; i < reasons.size() && i < 6; ++i) user += Cat("- ", reasons[i], "\n");
  }
  user += Cat("\nRequest ", std::to_string(round),
              ".0. Answer with JSON only: {\"department\": "
              "{...}",
              company_words ? ", \"company_words\": [...]}" : "}");
  return ChatBody(o, prompts.department_system(), user, kDepartmentTokens);
}

// The department's TOML: the answer's teams, people, projects, templates and slots; the workflow,
// fields and tags of the default pack's department of the same name.
std::string DepartmentToml(const Json& d, std::string_view industry, const DepartmentVocab& like,
                           double weight) {
  char w[32];
  std::snprintf(w, sizeof w, "%.6f", weight);
  std::string out = Cat("# The ", d["name"].get<std::string>(), " department of a ", industry,
                        " company, written by the LLM tier (asanasim pack author).\n# Its "
                        "workflow, fields and tags are the default pack's. Edit freely; check "
                        "with `asanasim pack check DIR`.\n",
                        "name = ", TomlString(d["name"].get<std::string>()), "\n",
                        "headcount_weight = ", w, "\n");
  for (std::string_view key : kListKeys)
    out += Cat(key, " = ", TomlArray(d[std::string(key)], ""), "\n");
  out += "workflow = [\n";
  for (const SectionSpec& s : like.sections) {
    out += Cat("  { name = ", TomlString(s.name), ", stage = \"",
               kStageNames[static_cast<size_t>(s.stage)], "\" },\n");
  }
  out += "]\n";
  Json fields = Json::array(), tags = Json::array();
  for (std::string_view f : like.field_keys) fields.push_back(std::string(f));
  for (std::string_view t : like.tag_names) tags.push_back(std::string(t));
  out += Cat("fields = ", fields.empty() ? "[]" : TomlArray(fields, ""), "\n");
  out += Cat("tags = ", tags.empty() ? "[]" : TomlArray(tags, ""), "\n");
  out += "\n[templates]\n";
  for (std::string_view key : kTemplateKeys)
    out += Cat(key, " = ", TomlArray(d["templates"][std::string(key)], ""), "\n");
  out += "\n[slots]\n";
  for (const auto& [k, v] : d["slots"].items()) out += Cat(k, " = ", TomlArray(v, ""), "\n");
  return out;
}

// Capitalised single words (letters only) of an answer's company_words.
std::vector<std::string> CompanyWords(const Json& answer) {
  std::vector<std::string> out;
  const Json* words = Member(answer, "company_words");
  if (words == nullptr || !words->is_array()) return out;
  for (const Json& w : *words) {
    if (!w.is_string()) continue;
    const std::string& s = w.get_ref<const std::string&>();
    if (s.size() < 2 || s.size() > 20 || !std::isupper(static_cast<unsigned char>(s[0])) ||
        !std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
      continue;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    if (out.size() == 3) break;
  }
  return out;
}

// common.toml with company kinds of `industry` added to [company] kinds.
absl::StatusOr<std::string> WithCompanyKinds(std::string common, std::string_view industry,
                                             std::span<const std::string> words) {
  const size_t at = common.find("\nkinds = [\n");
  if (at == std::string::npos)
    return absl::InvalidArgumentError("common.toml has no `kinds = [` list to add the industry to");
  std::string lines;
  for (const std::string& w : words) {
    lines += Cat("  { word = ", TomlString(w), ", industry = ", TomlString(industry), " },\n");
  }
  common.insert(at + 11, lines);
  return common;
}

}  // namespace

std::string PackNameOf(std::string_view industry) {
  std::string out;
  for (const char c : industry) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 40) out.resize(40);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string DepartmentSchemaReason(const Json& d) {
  if (!d.is_object()) return "schema: the department is not a JSON object";
  static constexpr std::string_view kKeys[] = {"name",   "headcount_weight", "team_focuses",
                                               "titles", "lead_titles",      "projects",
                                               "slots",  "templates"};
  for (const auto& [key, value] : d.items()) {
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys))
      return Cat("schema: unknown key '", key, "'");
  }
  const Json* name = Member(d, "name");
  if (name == nullptr || !name->is_string()) return "schema: 'name' must be a string";
  const Json* weight = Member(d, "headcount_weight");
  if (weight == nullptr || !weight->is_number())
    return "schema: 'headcount_weight' must be a number";
  for (std::string_view key : kListKeys) {
    const Json* v = Member(d, key);
    if (v == nullptr || !IsStringList(*v))
      return Cat("schema: '", key, "' must be a non-empty list of strings");
  }
  const Json* templates = Member(d, "templates");
  if (templates == nullptr || !templates->is_object())
    return "schema: 'templates' must be an object";
  for (const auto& [key, value] : templates->items()) {
    if (std::find(std::begin(kTemplateKeys), std::end(kTemplateKeys), key) ==
        std::end(kTemplateKeys))
      return Cat("schema: unknown key 'templates.", key, "'");
  }
  for (std::string_view key : kTemplateKeys) {
    const Json* v = Member(*templates, key);
    if (v == nullptr || !IsStringList(*v))
      return Cat("schema: 'templates.", key, "' must be a non-empty list of strings");
  }
  const Json* slots = Member(d, "slots");
  if (slots == nullptr || !slots->is_object()) return "schema: 'slots' must be an object";
  for (const auto& [k, v] : slots->items()) {
    if (!IsSnakeName(k) || !IsStringList(v))
      return Cat("schema: slot '", k, "' must be a snake_case name with a list of values");
  }
  return "";
}

absl::StatusOr<AuthoredPack> AuthorPack(const LlmOptions& options, const Vocabulary& base,
                                        std::string_view industry,
                                        std::span<const std::string> departments,
                                        uint64_t jitter_seed, LlmStats* stats) {
  AuthoredPack out;
  out.name = PackNameOf(industry);
  if (out.name.empty())
    return absl::InvalidArgumentError(Cat("--industry \"", industry, "\" names no industry"));
  for (const Pack& p : base.packs()) {
    for (std::string_view i : p.industries) {
      if (i == industry) {
        return absl::InvalidArgumentError(
            Cat("industry \"", industry, "\" is served by the pack ", p.name, " already"));
      }
    }
  }
  for (const Pack& p : base.packs()) {
    if (p.name == out.name)
      return absl::InvalidArgumentError(Cat("a pack named ", out.name, " exists already"));
  }
  std::vector<bool> authored(kDepartmentCount, false);
  for (const std::string& d : departments) {
    const auto at = std::find(std::begin(kDepartmentFiles), std::end(kDepartmentFiles), d);
    if (at == std::end(kDepartmentFiles)) {
      std::string known;
      for (std::string_view k : kDepartmentFiles) known += Cat(known.empty() ? "" : ", ", k);
      return absl::InvalidArgumentError(
          Cat("--departments: '", d, "' is not a department (", known, ")"));
    }
    authored[static_cast<size_t>(at - std::begin(kDepartmentFiles))] = true;
  }
  ASANASIM_ASSIGN_OR_RETURN(const PromptSet prompts, PromptSet::Load(options.prompts));
  if (options.cache.empty()) return absl::InvalidArgumentError("the LLM cache needs a directory");
  const ResponseCache cache(options.cache);
  const Pack& like = base.default_pack();
  std::map<std::string, std::string> files(base.files().begin(), base.files().end());

  // The new pack's files for departments `ok` (authored where set, else the default pack's).
  const auto pack_files = [&](const std::vector<const Json*>& ok) {
    double reused_weight = 0, authored_weight = 0;
    for (int d = 0; d < kDepartmentCount; ++d) {
      if (ok[d] == nullptr) {
        reused_weight += like.departments[d].headcount_weight;
      } else {
        authored_weight += std::clamp((*ok[d])["headcount_weight"].get<double>(), 0.02, 0.4);
      }
    }
    std::map<std::string, std::string> out_files;
    std::string pack = Cat("# The pack of ", industry,
                           " companies, written by the LLM tier (asanasim pack author).\n"
                           "industries = [",
                           TomlString(industry), "]\ndepartments = [\n");
    for (int d = 0; d < kDepartmentCount; ++d) {
      const std::string stem(kDepartmentFiles[d]);
      if (ok[d] == nullptr) {
        pack += Cat("  \"", like.departments[d].file, "\",\n");
        continue;
      }
      pack += Cat("  \"", stem, "\",\n");
      const double weight = std::clamp((*ok[d])["headcount_weight"].get<double>(), 0.02, 0.4) /
                            authored_weight * (1 - reused_weight);
      out_files[Cat(out.name, "/", stem, ".toml")] =
          DepartmentToml(*ok[d], industry, like.departments[d], weight);
    }
    out_files[Cat(out.name, "/pack.toml")] = pack + "]\n";
    return out_files;
  };

  LlmClientConfig config = ClientConfigFor(options, jitter_seed);
  config.max_completion_tokens = kDepartmentTokens;
  GroqClient client(std::move(config));
  std::vector<Json> answers(kDepartmentCount);  // accepted departments
  std::vector<std::vector<std::string>> reasons(kDepartmentCount);
  std::vector<std::string> company_words;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<int> asked;
    std::vector<std::string> bodies;
    for (int d = 0; d < kDepartmentCount; ++d) {
      if (!authored[d] || !answers[d].is_null()) continue;
      asked.push_back(d);
      // Company words come with the first department asked (and again until some arrive).
      const bool words = company_words.empty() && asked.size() == 1;
      bodies.push_back(DepartmentBody(options, prompts, base, industry, like.departments[d], words,
                                      reasons[d], round));
      reasons[d].clear();
    }
    if (asked.empty()) break;
    ASANASIM_ASSIGN_OR_RETURN(const std::vector<std::optional<std::string>> contents,
                              FetchContents(options, client, cache, bodies, stats));
    // Each candidate department is checked in a pack whose other departments are the accepted
    // ones and the default pack's: its problems are its own.
    for (size_t i = 0; i < asked.size(); ++i) {
      const int d = asked[i];
      if (!contents[i].has_value()) continue;
      absl::StatusOr<Json> json = ParseJson(*contents[i]);
      const Json* department = json.ok() ? Member(*json, "department") : nullptr;
      std::string reason = department == nullptr ? "schema: no \"department\" object in the answer"
                                                 : DepartmentSchemaReason(*department);
      // pack check lets a department give a shared slot its own values (on purpose); an LLM
      // answer must not hide a shared slot or a context placeholder.
      if (reason.empty()) {
        for (const auto& [k, v] : (*department)["slots"].items()) {
          const bool shared = std::any_of(base.shared_slots().begin(), base.shared_slots().end(),
                                          [&](const Slot& slot) { return slot.name == k; });
          if (shared || kContextPlaceholders.find(Cat("{", k, "}")) != std::string_view::npos ||
              k == "to" || k == "asker" || k == "actor" || k == "date" || k == "assignee") {
            reason = Cat("schema: slot '", k, "' is a shared slot or a context placeholder");
            break;
          }
        }
      }
      if (reason.empty()) {
        std::vector<const Json*> ok(kDepartmentCount, nullptr);
        for (int k = 0; k < kDepartmentCount; ++k) {
          if (!answers[k].is_null()) ok[k] = &answers[k];
        }
        ok[d] = department;
        // common.toml, the default pack (whose departments the new one reuses) and the new one:
        // what a parse of the new pack needs, not every pack's lint.
        std::map<std::string, std::string> all;
        for (const auto& [path, text] : files) {
          if (path == "common.toml" || path.starts_with(Cat(like.name, "/"))) all[path] = text;
        }
        for (auto& [path, text] : pack_files(ok)) all[path] = std::move(text);
        std::vector<std::pair<std::string, std::string>> list(all.begin(), all.end());
        std::vector<std::string> problems;
        (void)Vocabulary::Parse(list, "", &problems);
        const std::string own = Cat(out.name, "/", kDepartmentFiles[d], ".toml:");
        for (const std::string& p : problems) {
          if (p.starts_with(own)) {
            reason = Cat("pack check: ", p.substr(p.find(": ", own.size()) + 2));
            break;
          }
        }
      }
      if (!reason.empty()) {
        ++stats->rejected;
        ++stats->reject_reasons[Cat("department ", reason.substr(0, reason.find(':')))];
        reasons[d].push_back(reason);
        if (options.log)
          options.log(Cat("llm: rejected the ", kDepartmentFiles[d], " department: ", reason));
        continue;
      }
      answers[d] = *department;
      if (company_words.empty()) company_words = CompanyWords(*json);
    }
  }
  AddClientStats(client.stats(), stats);
  if (client.stats().interrupted) return absl::CancelledError("interrupted");

  std::vector<const Json*> ok(kDepartmentCount, nullptr);
  for (int d = 0; d < kDepartmentCount; ++d) {
    if (!answers[d].is_null()) {
      ok[d] = &answers[d];
      out.authored.emplace_back(kDepartmentFiles[d]);
    } else {
      out.reused.emplace_back(like.departments[d].file);
    }
  }
  // Company names: the answer's words, else the industry's own last word.
  if (company_words.empty()) {
    std::string word;
    for (const char c : industry) {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word += word.empty() ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      } else if (!word.empty()) {
        company_words = {word};
        word.clear();
      }
    }
    if (!word.empty()) company_words = {word};
  }
  out.company_words = company_words;
  for (auto& [path, text] : pack_files(ok)) files[path] = std::move(text);
  ASANASIM_ASSIGN_OR_RETURN(files["common.toml"],
                            WithCompanyKinds(files["common.toml"], industry, company_words));
  std::vector<std::pair<std::string, std::string>> list(files.begin(), files.end());
  ASANASIM_ASSIGN_OR_RETURN(std::unique_ptr<const Vocabulary> vocabulary,
                            Vocabulary::Parse(list, "", nullptr));
  const Pack* pack = nullptr;
  for (const Pack& p : vocabulary->packs()) {
    if (p.name == out.name) pack = &p;
  }
  if (pack == nullptr) return absl::InternalError("the authored pack did not load");
  // Then its stories: archetypes for every department of the new pack.
  const Pack* const packs[] = {pack};
  ASANASIM_ASSIGN_OR_RETURN(LlmArchetypes archetypes,
                            WriteArchetypes(options, *vocabulary, packs, jitter_seed, stats));
  for (auto& [path, text] : archetypes.files) files[path] = std::move(text);
  out.archetypes = archetypes.accepted;
  out.files.assign(files.begin(), files.end());
  return out;
}

}  // namespace asanasim
