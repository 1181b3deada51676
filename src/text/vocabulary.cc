#include "src/text/vocabulary.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "src/model/row_hasher.h"
#include "src/model/schema.h"
#include "src/text/lexicon.h"
#include "src/text/template.h"
#include "src/util/embedded_files.h"
#include "src/util/file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

constexpr std::string_view kCommonFile = "common.toml";
constexpr std::string_view kPackFile = "pack.toml";
constexpr std::string_view kEmbeddedRoot = "packs/";
constexpr std::string_view kWarning = "warning: ";

constexpr std::string_view kStageNames[] = {"backlog", "todo", "doing", "review", "done"};
constexpr std::string_view kFieldTypeNames[] = {"text", "number", "enum", "date", "people"};
constexpr std::string_view kFieldFormats[] = {"none", "currency", "percentage", "custom",
                                              "duration"};
constexpr std::string_view kStatusKeys[kStatusTypeCount] = {"on_track", "at_risk", "off_track",
                                                            "on_hold", "complete"};

int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// Index of `name` in `names`, or -1.
template <size_t N>
int IndexOf(const std::string_view (&names)[N], std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// Every slot name a template mentions, through slot values, into `used`.
void CollectSlots(std::string_view tmpl, const SlotScope& scope, std::set<std::string>& used,
                  int depth) {
  size_t pos = 0;
  while ((pos = tmpl.find('{', pos)) != std::string_view::npos && depth < 8) {
    const size_t close = tmpl.find('}', pos);
    if (close == std::string_view::npos) return;
    const std::string name(SlotNameOf(tmpl.substr(pos + 1, close - pos - 1)));
    if (used.insert(name).second) {
      if (const Words* values = scope.Find(name)) {
        for (std::string_view v : *values) CollectSlots(v, scope, used, depth + 1);
      }
    }
    pos = close + 1;
  }
}

// The longest typical duration an archetype may give (a half-year history holds it).
constexpr double kMaxArchetypeDays = 90;

// Why an archetype's text breaks a rule of stories ("" when it does not).
std::string StoryRuleBroken(std::string_view t, int moment) {
  for (std::string_view name : {"actor", "date", "assignee"}) {
    if (t.find(Cat("{", name, "}")) != std::string_view::npos) {
      return Cat("{", name,
                 "} in an archetype (a comment never names its author; use {person}, "
                 "and no literal dates: they go stale)");
    }
  }
  if (t.find("{to}") != std::string_view::npos && moment != static_cast<int>(Moment::kQuestion))
    return "{to} outside a question";
  if (t.find("{asker}") != std::string_view::npos && moment != static_cast<int>(Moment::kAnswer))
    return "{asker} outside an answer";
  for (std::string_view bad :
       {"this {weekday}", "This {weekday}", "last {weekday}", "Last {weekday}"}) {
    if (t.find(bad) != std::string_view::npos)
      return Cat("\"", bad, "\" (the weekday is a coming day: \"by {weekday}\", \"on {weekday}\")");
  }
  for (size_t at = t.find("{n} "); at != std::string_view::npos; at = t.find("{n} ", at + 1)) {
    size_t end = at + 4;
    while (end < t.size() && std::isalpha(static_cast<unsigned char>(t[end]))) ++end;
    const std::string_view word = t.substr(at + 4, end - at - 4);
    if (word.size() > 2 && word.back() == 's' && !word.ends_with("ss")) {
      return Cat("\"{n} ", word, "\" reads \"1 ", word, "\": use {n|one|", word, "}");
    }
  }
  // The same word twice in a row, outside slots ("the the").
  std::string previous;
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] == '{') {
      i = t.find('}', i);
      if (i == std::string_view::npos) break;
      previous.clear();
      ++i;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(t[i]))) {
      if (t[i] != ' ') previous.clear();
      ++i;
      continue;
    }
    std::string word;
    while (i < t.size() && std::isalpha(static_cast<unsigned char>(t[i]))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(t[i])));
      ++i;
    }
    if (word == previous) return Cat("\"", word, " ", word, "\": a doubled word");
    previous = word;
  }
  return "";
}

// The first (last) word of `s` in lower case when `s` starts (ends) with a letter, else "".
std::string EdgeWord(std::string_view s, bool first) {
  std::string word;
  if (first) {
    for (size_t i = 0; i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])); ++i)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  } else {
    size_t i = s.size();
    while (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) --i;
    for (; i < s.size(); ++i)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  }
  return word;
}

// A word doubled where a slot meets the text around it ("the {topic}" with the value "the free
// tier", "{channel} ads" with "Google Ads"); "" when there is none. `focuses` are the values of
// the context slot {focus}.
std::string DoubledAtSlot(std::string_view t, const SlotScope& scope, Words focuses) {
  size_t pos = 0;
  while ((pos = t.find('{', pos)) != std::string_view::npos) {
    const size_t close = t.find('}', pos);
    if (close == std::string_view::npos) break;
    const std::string_view name = SlotNameOf(t.substr(pos + 1, close - pos - 1));
    const Words* values = scope.Find(name);
    if (values == nullptr && name == "focus") values = &focuses;
    const std::string before =
        pos >= 2 && t[pos - 1] == ' ' ? EdgeWord(t.substr(0, pos - 1), false) : std::string();
    const std::string after = close + 2 < t.size() && t[close + 1] == ' '
                                  ? EdgeWord(t.substr(close + 2), true)
                                  : std::string();
    if (values != nullptr) {
      for (std::string_view v : *values) {
        if (!before.empty() && EdgeWord(v, true) == before)
          return Cat("\"", before, " {", name, "}\" with the value \"", v, "\" doubles a word");
        if (!after.empty() && EdgeWord(v, false) == after)
          return Cat("\"{", name, "} ", after, "\" with the value \"", v, "\" doubles a word");
      }
    }
    pos = close + 1;
  }
  return "";
}

bool IsKebab(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

// Reads the TOML of one pack directory into a Vocabulary, collecting every problem (file:line:
// message) rather than stopping at the first, so `pack check` can list them all.
class VocabularyParser {
 public:
  // What a parse checks beyond what the generator needs to run: the lexicon's facts and the
  // story rules (`lint`), and what only warns (`warnings`: unused slots, repeated lines).
  VocabularyParser(Vocabulary& v, std::string_view origin, bool lint, bool warnings)
      : v_(v), origin_(origin), lint_(lint), warnings_(warnings) {}

  void Run(std::span<const std::pair<std::string, std::string>> files) {
    std::vector<const std::pair<std::string, std::string>*> sorted;
    for (const auto& f : files) sorted.push_back(&f);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
    RowHasher digest;
    for (const auto* f : sorted) {
      digest.Text(f->first);
      digest.Text(f->second);
      texts_[f->first] = &f->second;
    }
    v_.digest_ = digest.Hex();

    const std::unique_ptr<toml::table> common = Open(std::string(kCommonFile));
    if (common != nullptr) ReadCommon(*common);
    std::vector<std::string> pack_dirs;
    for (const auto* f : sorted) {
      const std::string& path = f->first;
      if (path.size() > kPackFile.size() + 1 && path.ends_with(Cat("/", kPackFile)) &&
          path.find('/') == path.size() - kPackFile.size() - 1) {
        pack_dirs.push_back(path.substr(0, path.size() - kPackFile.size() - 1));
      }
    }
    if (pack_dirs.empty()) {
      Problem(Cat("<dir>/", kPackFile), 0, "no pack: no subdirectory holds a pack.toml");
    }
    v_.packs_.reserve(pack_dirs.size());
    for (const std::string& dir : pack_dirs) ReadPack(dir);
    size_t defaults = 0;
    for (size_t p = 0; p < v_.packs_.size(); ++p) {
      if (!v_.packs_[p].is_default) continue;
      if (defaults++ == 0) v_.default_pack_ = p;
    }
    if (!v_.packs_.empty() && defaults != 1) {
      Problem(Cat(v_.packs_.front().name, "/", kPackFile), 0,
              Cat("exactly one pack must be the default (default = true), not ",
                  std::to_string(defaults)));
    }
    for (const auto& [path, text] : texts_) {
      if (!opened_.count(path) && path.ends_with(".toml")) {
        Problem(path, 0,
                "not part of the pack (common.toml, the pack's pack.toml and the files "
                "its departments name)");
      }
    }
    if (warnings_) CheckUnusedSlots();
  }

  std::vector<std::string> problems;

 private:
  // A warning leaves the pack usable; any other problem does not.
  void Warning(std::string_view path, int line, std::string_view message) {
    Problem(path, line, Cat(kWarning, message));
  }
  void Problem(std::string_view path, int line, std::string_view message) {
    std::string where = origin_.empty() ? std::string(path) : Cat(origin_, "/", path);
    if (line > 0) where = Cat(where, ":", std::to_string(line));
    problems.push_back(Cat(where, ": ", message));
  }
  void Problem(const toml::node& node, std::string_view message) {
    Problem(path_, LineOf(node), message);
  }

  // Parses file `path`; null (and a problem) when it is missing or not TOML. The caller frees
  // the tree when done with the file, so only one file's tree is ever held (a parsed tree is
  // about ten times its text).
  std::unique_ptr<toml::table> Open(const std::string& path) {
    opened_.insert(path);
    const auto it = texts_.find(path);
    if (it == texts_.end()) {
      Problem(path, 0, "missing");
      return nullptr;
    }
    try {
      return std::make_unique<toml::table>(toml::parse(*it->second, path));
    } catch (const toml::parse_error& e) {
      Problem(path, static_cast<int>(e.source().begin.line), e.description());
      return nullptr;
    }
  }

  // Reports every key of `table` not in `allowed`.
  void OnlyKeys(const toml::table& table, std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        Problem(path_, static_cast<int>(key.source().begin.line),
                Cat("unknown key '", key.str(), "'"));
      }
    }
  }

  const toml::node* Need(const toml::table& table, std::string_view key, int line) {
    const toml::node* node = table.get(key);
    if (node == nullptr) Problem(path_, line, Cat("missing key '", key, "'"));
    return node;
  }

  const toml::table* NeedTable(const toml::table& table, std::string_view key) {
    const toml::node* node = Need(table, key, 1);
    if (node == nullptr) return nullptr;
    if (!node->is_table()) {
      Problem(*node, Cat("'", key, "' must be a table"));
      return nullptr;
    }
    return node->as_table();
  }

  std::string_view Own(std::string_view s) { return v_.strings_.emplace_back(s); }

  std::string_view String(const toml::node* node, std::string_view what) {
    if (node == nullptr) return {};
    if (!node->is_string()) {
      Problem(*node, Cat(what, " must be a string"));
      return {};
    }
    return Own(node->as_string()->get());
  }

  double Number(const toml::node* node, std::string_view what) {
    if (node == nullptr) return 0;
    if (!node->is_number()) {
      Problem(*node, Cat(what, " must be a number"));
      return 0;
    }
    return node->value<double>().value_or(0);
  }

  const toml::array* Array(const toml::node* node, std::string_view what) {
    if (node == nullptr) return nullptr;
    if (!node->is_array()) {
      Problem(*node, Cat(what, " must be an array"));
      return nullptr;
    }
    return node->as_array();
  }

  // A list of strings, none blank; each element's line is kept for later checks.
  Words Strings(const toml::node* node, std::string_view what, bool allow_empty = false) {
    const toml::array* array = Array(node, what);
    if (array == nullptr) return {};
    std::vector<std::string_view>& list = v_.lists_.emplace_back();
    for (const toml::node& item : *array) {
      if (!item.is_string()) {
        Problem(item, Cat(what, ": every item must be a string"));
        continue;
      }
      const std::string& text = item.as_string()->get();
      if (text.find_first_not_of(" \t\n") == std::string::npos) {
        Problem(item, Cat(what, ": an item is empty"));
        continue;
      }
      list.push_back(Own(text));
      lines_[list.back().data()] = LineOf(item);
    }
    if (list.empty() && !allow_empty) Problem(*node, Cat(what, " must not be empty"));
    return list;
  }

  Words NeedStrings(const toml::table& table, std::string_view key, int line,
                    bool allow_empty = false) {
    return Strings(Need(table, key, line), key, allow_empty);
  }

  // A [[people.culture]]: its id, weight, homes (time zones of the places where it is local) and
  // names. Homes must be time zones of [places]; a culture with no home still takes part in the
  // international mix.
  void Culture(const toml::node& item) {
    const toml::table* t = item.as_table();
    if (t == nullptr) {
      Problem(item, "culture: every item must be a table ([[people.culture]])");
      return;
    }
    const int line = LineOf(item);
    OnlyKeys(*t, {"id", "weight", "homes", "first_names", "last_names"});
    NameCulture c;
    c.id = String(Need(*t, "id", line), "id");
    for (const NameCulture& other : v_.cultures_) {
      if (other.id == c.id) Problem(*t->get("id"), Cat("culture '", c.id, "' is defined twice"));
    }
    c.weight = Number(Need(*t, "weight", line), "weight");
    if (t->get("weight") != nullptr && c.weight <= 0)
      Problem(*t->get("weight"), "weight must be positive");
    c.homes = NeedStrings(*t, "homes", line, /*allow_empty=*/true);
    for (std::string_view home : c.homes) {
      const auto here = [&](const Location& l) { return l.time_zone == home; };
      if (std::none_of(v_.headquarters_.begin(), v_.headquarters_.end(), here) &&
          std::none_of(v_.remote_.begin(), v_.remote_.end(), here)) {
        Problem(path_, lines_[home.data()],
                Cat("home '", home, "' is the time zone of no place in [places]"));
      }
    }
    c.first_names = NeedStrings(*t, "first_names", line);
    c.last_names = NeedStrings(*t, "last_names", line);
    for (std::string_view last : c.last_names) {
      if (std::find(c.first_names.begin(), c.first_names.end(), last) != c.first_names.end()) {
        Problem(path_, lines_[last.data()],
                Cat("'", last, "' is both a first and a last name of culture '", c.id,
                    "' (it makes '", last, " ", last, "')"));
      }
    }
    v_.cultures_.push_back(c);
  }

  std::vector<Location> Locations(const toml::node* node, std::string_view what) {
    std::vector<Location> out;
    const toml::array* array = Array(node, what);
    if (array == nullptr) return out;
    for (const toml::node& item : *array) {
      const toml::table* t = item.as_table();
      if (t == nullptr) {
        Problem(item, Cat(what, ": every item must be { city = ..., time_zone = ... }"));
        continue;
      }
      OnlyKeys(*t, {"city", "time_zone"});
      out.push_back({String(Need(*t, "city", LineOf(item)), "city"),
                     String(Need(*t, "time_zone", LineOf(item)), "time_zone")});
    }
    if (out.empty()) Problem(*node, Cat(what, " must not be empty"));
    return out;
  }

  // A slot table: each key a slot, each value its list of values.
  std::vector<Slot> Slots(const toml::table& table) {
    std::vector<Slot> slots;
    for (const auto& [key, node] : table) {
      slots.push_back({Own(key.str()), Strings(&node, Cat("slot '", key.str(), "'"))});
      slot_lines_[slots.back().name.data()] = {path_, static_cast<int>(key.source().begin.line)};
      if (!lint_) continue;
      for (std::string_view value : slots.back().values) {
        if (const std::string_view w = FindMiscasedName(value); !w.empty()) {
          Problem(path_, LineOfText(value),
                  Cat("\"", value, "\": '", w, "' is written '", CanonicalName(w), "'"));
        }
      }
    }
    return slots;
  }

  int LineOfText(std::string_view t) {
    const auto line = lines_.find(t.data());
    return line == lines_.end() ? 0 : line->second;
  }

  // Checks every template of `templates` resolves with these slots.
  void CheckTemplates(Words templates, const SlotScope& scope) {
    for (std::string_view t : templates) {
      std::string missing;
      if (!TemplateResolves(t, scope, &missing)) {
        Problem(path_, LineOfText(t),
                Cat("template \"", t, "\": slot {", missing, "} does not resolve"));
      }
      if (warnings_) uses_.push_back({t, scope});
      if (!lint_) continue;
      const std::string doubled = DoubledAtSlot(t, scope, focuses_);
      if (!doubled.empty()) Problem(path_, LineOfText(t), Cat("\"", t, "\": ", doubled));
      const std::string facts = FactBroken(t);
      if (!facts.empty()) Problem(path_, LineOfText(t), Cat("\"", t, "\": ", facts));
    }
  }

  SlotScope Shared() const { return {{}, {}, v_.shared_slots_}; }

  // The department file stem of the file being read ("saas/archetypes/sales.toml" -> "sales"),
  // "" for common.toml and pack.toml.
  std::string_view DepartmentStem() const {
    std::string_view p = path_;
    p = p.substr(p.find_last_of('/') + 1);
    if (p.ends_with(".toml")) p.remove_suffix(5);
    for (std::string_view d : kDepartmentFiles) {
      if (d == p) return d;
    }
    return {};
  }

  // Why a template (or a slot value) breaks a fact of the lexicon (src/text/lexicon.h): a
  // product name's casing, a record in another department's tool, a metric moving the wrong way
  // for what the sentence says (tried with conversion for {metric_up} and churn for
  // {metric_down}), or a direction-neutral {metric} said to move; "" when none.
  std::string FactBroken(std::string_view t) const {
    if (const std::string_view w = FindMiscasedName(t); !w.empty())
      return Cat("'", w, "' is written '", CanonicalName(w), "'");
    if (const std::string_view tool = FindForeignTool(t, DepartmentStem()); !tool.empty())
      return Cat("a record kept in ", tool, ", a tool this department does not use");
    for (size_t at = t.find("{metric}"); at != std::string_view::npos;
         at = t.find("{metric}", at + 1)) {
      if (MovementOpening(t.substr(at + 8)) != 0)
        return "{metric} has no good direction, so it cannot move: use {metric_up} or "
               "{metric_down}";
    }
    if (t.find("{metric_") != std::string_view::npos) {
      std::string probe(t);
      for (const auto& [slot, value] :
           {std::pair<std::string_view, std::string_view>{"{metric_up}", "conversion"},
            {"{metric_down}", "churn"}}) {
        for (size_t at = probe.find(slot); at != std::string::npos; at = probe.find(slot))
          probe.replace(at, slot.size(), value);
      }
      if (const std::string_view m = FindWrongDirectionMetric(probe); !m.empty())
        return Cat("\"", m, "\" tells a metric's move the wrong way round");
    }
    return "";
  }

  void ReadCommon(const toml::table& root) {
    path_ = std::string(kCommonFile);
    OnlyKeys(root, {"companies", "places", "people", "projects", "status_updates", "stories",
                    "slots", "field", "tag"});
    if (const toml::table* t = NeedTable(root, "slots")) v_.shared_slots_ = Slots(*t);
    if (const toml::table* t = NeedTable(root, "companies")) {
      OnlyKeys(*t, {"prefixes", "suffixes", "kinds"});
      v_.company_prefixes_ = NeedStrings(*t, "prefixes", 1);
      v_.company_suffixes_ = NeedStrings(*t, "suffixes", 1);
      if (const toml::array* kinds = Array(Need(*t, "kinds", 1), "kinds")) {
        for (const toml::node& item : *kinds) {
          const toml::table* k = item.as_table();
          if (k == nullptr) {
            Problem(item, "kinds: every item must be { word = ..., industry = ... }");
            continue;
          }
          OnlyKeys(*k, {"word", "industry"});
          v_.company_kinds_.push_back({String(Need(*k, "word", LineOf(item)), "word"),
                                       String(Need(*k, "industry", LineOf(item)), "industry")});
        }
        if (v_.company_kinds_.empty()) Problem(*kinds, "kinds must not be empty");
      }
    }
    if (const toml::table* t = NeedTable(root, "places")) {
      OnlyKeys(*t, {"headquarters", "remote"});
      v_.headquarters_ = Locations(Need(*t, "headquarters", 1), "headquarters");
      v_.remote_ = Locations(Need(*t, "remote", 1), "remote");
    }
    if (const toml::table* t = NeedTable(root, "people")) {
      OnlyKeys(*t, {"local_share", "culture"});
      v_.local_name_share_ = Number(Need(*t, "local_share", 1), "local_share");
      if (v_.local_name_share_ < 0 || v_.local_name_share_ > 1)
        Problem(*t->get("local_share"), "local_share must be between 0 and 1");
      if (const toml::array* cultures = Array(Need(*t, "culture", 1), "culture")) {
        for (const toml::node& item : *cultures) Culture(item);
        if (v_.cultures_.empty()) Problem(*cultures, "culture must not be empty");
      }
    }
    if (const toml::table* t = NeedTable(root, "projects")) {
      OnlyKeys(*t, {"notes"});
      v_.project_notes_ = NeedStrings(*t, "notes", 1);
      CheckTemplates(v_.project_notes_, Shared());
    }
    if (const toml::table* t = NeedTable(root, "status_updates")) {
      OnlyKeys(*t, {"titles", "on_track", "at_risk", "off_track", "on_hold", "complete"});
      v_.status_titles_ = NeedStrings(*t, "titles", 1);
      CheckTemplates(v_.status_titles_, Shared());
      for (int s = 0; s < kStatusTypeCount; ++s) {
        v_.status_texts_[s] = NeedStrings(*t, kStatusKeys[s], 1);
        CheckTemplates(v_.status_texts_[s], Shared());
      }
    }
    if (const toml::table* t = NeedTable(root, "stories")) {
      OnlyKeys(*t, {"description_trailers"});
      v_.description_trailers_ = NeedStrings(*t, "description_trailers", 1);
      CheckTemplates(v_.description_trailers_, Shared());
      for (std::string_view text : lint_ ? v_.description_trailers_ : Words{}) {
        const std::string broken = StoryRuleBroken(text, -1);
        if (!broken.empty()) Problem(path_, LineOfText(text), Cat("\"", text, "\": ", broken));
      }
    }
    ReadFields(root);
    ReadTags(root);
  }

  void ReadFields(const toml::table& root) {
    const toml::array* fields = Array(Need(root, "field", 1), "field");
    if (fields == nullptr) return;
    for (const toml::node& item : *fields) {
      const toml::table* f = item.as_table();
      if (f == nullptr) {
        Problem(item, "every [[field]] must be a table");
        continue;
      }
      const int line = LineOf(item);
      OnlyKeys(*f, {"key", "name", "description", "type", "format", "precision", "currency_code",
                    "custom_label", "fill_rate", "number_median", "number_sigma", "fibonacci",
                    "sprint", "options"});
      CustomFieldSpec spec{};
      spec.key = String(Need(*f, "key", line), "key");
      spec.name = String(Need(*f, "name", line), "name");
      spec.description = String(Need(*f, "description", line), "description");
      const std::string_view type = String(Need(*f, "type", line), "type");
      const int type_index = IndexOf(kFieldTypeNames, type);
      if (type_index < 0 && !type.empty()) {
        Problem(*f->get("type"), Cat("type '", type, "' is not text|number|enum|date|people"));
      }
      spec.type = static_cast<FieldType>(std::max(type_index, 0));
      spec.format = String(Need(*f, "format", line), "format");
      if (IndexOf(kFieldFormats, spec.format) < 0 && !spec.format.empty()) {
        Problem(*f->get("format"),
                Cat("format '", spec.format, "' is not none|currency|percentage|custom|duration"));
      }
      const double precision = Number(f->get("precision"), "precision");
      if (precision >= 0 && precision <= 6 && precision == std::floor(precision)) {
        spec.precision = static_cast<int>(precision);
      } else {
        Problem(*f->get("precision"), "precision must be a whole number from 0 to 6");
      }
      spec.currency_code = String(f->get("currency_code"), "currency_code");
      spec.custom_label = String(f->get("custom_label"), "custom_label");
      spec.fill_rate = Number(Need(*f, "fill_rate", line), "fill_rate");
      spec.number_median = Number(f->get("number_median"), "number_median");
      spec.number_sigma = Number(f->get("number_sigma"), "number_sigma");
      spec.fibonacci = f->get("fibonacci") != nullptr && f->get("fibonacci")->value_or(false);
      spec.sprint = f->get("sprint") != nullptr && f->get("sprint")->value_or(false);
      if (const toml::array* options = Array(f->get("options"), "options")) {
        std::vector<EnumOptionSpec>& list = v_.options_.emplace_back();
        for (const toml::node& o : *options) {
          const toml::table* ot = o.as_table();
          if (ot == nullptr) {
            Problem(o, "options: every item must be { name = ..., color = ..., weight = ... }");
            continue;
          }
          OnlyKeys(*ot, {"name", "color", "weight"});
          list.push_back({String(Need(*ot, "name", LineOf(o)), "name"),
                          String(Need(*ot, "color", LineOf(o)), "color"),
                          Number(Need(*ot, "weight", LineOf(o)), "weight")});
        }
        spec.options = list;
      }
      if (spec.type == FieldType::kEnum && spec.options.empty() && !spec.sprint) {
        Problem(path_, line, Cat("enum field '", spec.key, "' needs options (or sprint = true)"));
      }
      v_.fields_.push_back(spec);
    }
  }

  void ReadTags(const toml::table& root) {
    const toml::array* tags = Array(Need(root, "tag", 1), "tag");
    if (tags == nullptr) return;
    for (const toml::node& item : *tags) {
      const toml::table* t = item.as_table();
      if (t == nullptr) {
        Problem(item, "every [[tag]] must be a table");
        continue;
      }
      OnlyKeys(*t, {"name", "color", "notes"});
      // The writer does not evaluate CHECKs during the load (integrity_check proves them after
      // it), so the pack values a CHECK bounds are checked here, where a problem names the file
      // and line: a tag's color, a number field's precision, non-empty list items (Strings).
      const std::string_view color = String(Need(*t, "color", LineOf(item)), "color");
      const std::string_view* colors_end = kAsanaColors + kTagColorCount;
      if (!color.empty() && std::find(kAsanaColors, colors_end, color) == colors_end) {
        Problem(*t->get("color"),
                Cat("tag color '", color, "' is not one of Asana's (dark-|light-)pink, green, ",
                    "blue, red, teal, brown, orange, purple, warm-gray"));
      }
      v_.tags_.push_back({String(Need(*t, "name", LineOf(item)), "name"), color,
                          String(Need(*t, "notes", LineOf(item)), "notes")});
    }
  }

  void ReadPack(const std::string& dir) {
    const std::string pack_path = Cat(dir, "/", kPackFile);
    const std::unique_ptr<toml::table> pack = Open(pack_path);
    if (pack == nullptr) return;
    path_ = pack_path;
    OnlyKeys(*pack, {"industries", "default", "departments", "slots"});
    const toml::table* overrides = nullptr;
    if (const toml::node* node = pack->get("slots")) {
      overrides = node->as_table();
      if (overrides == nullptr) Problem(*node, "'slots' must be a table of departments");
    }
    Pack& p = v_.packs_.emplace_back();
    p.name = Own(dir);
    p.industries = NeedStrings(*pack, "industries", 1);
    for (std::string_view industry : p.industries) {
      for (const Pack& other : v_.packs_) {
        if (&other == &p) continue;
        if (std::find(other.industries.begin(), other.industries.end(), industry) !=
            other.industries.end()) {
          Problem(pack_path, lines_[industry.data()],
                  Cat("industry '", industry, "' is already served by pack ", other.name));
        }
      }
    }
    p.is_default = pack->get("default") != nullptr && pack->get("default")->value_or(false);
    const Words departments = NeedStrings(*pack, "departments", 1);
    if (departments.size() != kDepartmentCount) {
      Problem(pack_path, 1,
              Cat("departments must name the ", std::to_string(kDepartmentCount),
                  " departments, in order"));
    }
    double weight = 0;
    for (size_t d = 0; d < departments.size() && d < kDepartmentCount; ++d) {
      // "engineering" is this pack's file, "saas/people" another pack's.
      const std::string_view entry = departments[d];
      const size_t slash = entry.find('/');
      const std::string file_dir =
          slash == std::string_view::npos ? dir : std::string(entry.substr(0, slash));
      const std::string_view stem =
          slash == std::string_view::npos ? entry : entry.substr(slash + 1);
      if (stem != kDepartmentFiles[d]) {
        Problem(pack_path, lines_[entry.data()],
                Cat("department ", std::to_string(d + 1), " must be '", kDepartmentFiles[d],
                    "' (or 'PACK/", kDepartmentFiles[d], "'), not '", entry, "'"));
        continue;
      }
      const std::string path = Cat(file_dir, "/", stem, ".toml");
      if (const auto read = read_departments_.find(path); read != read_departments_.end()) {
        p.departments[d] = read->second;
      } else if (const std::unique_ptr<toml::table> root = Open(path)) {
        path_ = path;
        pack_dir_ = file_dir;
        file_stem_ = std::string(stem);
        p.departments[d].file = Own(Cat(file_dir, "/", stem));
        ReadDepartment(*root, p.departments[d]);
        read_departments_[path] = p.departments[d];
      }
      path_ = pack_path;
      // The LLM archetypes of a department's own pack are of that pack's industry: a pack that
      // reuses the department does not get them (it may have its own, below).
      if (file_dir != dir) {
        const std::span<const Archetype> all = p.departments[d].archetypes;
        if (std::any_of(all.begin(), all.end(), [](const Archetype& a) { return a.llm; })) {
          std::vector<Archetype>& own = v_.archetypes_.emplace_back();
          for (const Archetype& a : all) {
            if (!a.llm) own.push_back(a);
          }
          p.departments[d].archetypes = own;
        }
      }
      if (overrides != nullptr) OverrideSlots(*overrides, kDepartmentFiles[d], p.departments[d]);
      // A reused department's LLM archetypes are the pack's own (its industry's): they sit in
      // this pack's directory and join only its copy of the department.
      const std::string llm_path = Cat(dir, "/archetypes/", stem, ".llm.toml");
      if (file_dir != dir && texts_.count(llm_path)) {
        if (const std::unique_ptr<toml::table> llm = Open(llm_path)) {
          path_ = llm_path;
          pack_dir_ = dir;
          file_stem_ = std::string(stem);
          ReadArchetypes(*llm, p.departments[d], /*llm=*/true);
        }
        path_ = pack_path;
      }
      weight += p.departments[d].headcount_weight;
    }
    if (departments.size() == kDepartmentCount && std::abs(weight - 1.0) > 1e-6) {
      Problem(
          pack_path, 1,
          Cat("the departments' headcount_weight add up to ", std::to_string(weight), ", not 1"));
    }
  }

  // [slots.<department>] of a pack.toml: new values for slots of a department the pack reuses
  // ("saas/design" with this industry's screens and features). The department's templates are
  // checked again with them.
  void OverrideSlots(const toml::table& overrides, std::string_view department,
                     DepartmentVocab& dv) {
    const toml::node* node = overrides.get(department);
    if (node == nullptr) return;
    if (!node->is_table()) {
      Problem(*node, Cat("'slots.", department, "' must be a table of slots"));
      return;
    }
    std::vector<Slot>& slots = v_.slot_lists_.emplace_back(dv.slots.begin(), dv.slots.end());
    std::vector<Archetype>& archetypes =
        v_.archetypes_.emplace_back(dv.archetypes.begin(), dv.archetypes.end());
    for (const Slot& o : Slots(*node->as_table())) {
      bool found = false;
      const auto replace = [&](std::vector<Slot>& list) {
        for (Slot& s : list) {
          if (s.name == o.name) {
            s.values = o.values;
            found = true;
          }
        }
      };
      replace(slots);
      for (Archetype& a : archetypes) {
        if (std::none_of(a.slots.begin(), a.slots.end(),
                         [&](const Slot& s) { return s.name == o.name; }))
          continue;
        std::vector<Slot>& own = v_.slot_lists_.emplace_back(a.slots.begin(), a.slots.end());
        replace(own);
        a.slots = own;
      }
      // A shared slot (the customers' kinds, {co_kind}) gets this pack's values in this
      // department: a department slot of that name hides the shared one.
      if (!found && std::any_of(v_.shared_slots_.begin(), v_.shared_slots_.end(),
                                [&](const Slot& s) { return s.name == o.name; })) {
        slots.push_back(o);
        found = true;
      }
      if (!found) {
        Problem(path_, slot_lines_[o.name.data()].second,
                Cat("slot '", o.name, "' is not a slot of the department ", department,
                    ", of its archetypes or shared"));
      }
    }
    dv.archetypes = archetypes;
    dv.slots = slots;
    const SlotScope scope{{}, dv.slots, v_.shared_slots_};
    for (Words w : {dv.project_templates, dv.task_templates, dv.subtask_templates,
                    dv.description_templates, dv.comment_templates}) {
      CheckTemplates(w, scope);
    }
    for (const Archetype& a : dv.archetypes) {
      const SlotScope own{a.slots, dv.slots, v_.shared_slots_};
      for (Words w : {a.names, a.descriptions, a.subtasks}) CheckTemplates(w, own);
      for (Words w : a.comments) CheckTemplates(w, own);
    }
  }

  void ReadDepartment(const toml::table& root, DepartmentVocab& dv) {
    OnlyKeys(root, {"name", "headcount_weight", "team_focuses", "titles", "lead_titles", "projects",
                    "workflow", "fields", "tags", "templates", "slots"});
    dv.name = String(Need(root, "name", 1), "name");
    dv.headcount_weight = Number(Need(root, "headcount_weight", 1), "headcount_weight");
    dv.team_focuses = NeedStrings(root, "team_focuses", 1);
    focuses_ = dv.team_focuses;
    dv.titles = NeedStrings(root, "titles", 1);
    dv.lead_titles = NeedStrings(root, "lead_titles", 1);
    std::vector<Slot>& slots = v_.slot_lists_.emplace_back();
    if (const toml::table* t = NeedTable(root, "slots")) slots = Slots(*t);
    // The archetypes' file adds its [slots] to the department's.
    const std::string department_path = path_;
    const std::string archetypes_path = Cat(pack_dir_, "/archetypes/", file_stem_, ".toml");
    std::unique_ptr<toml::table> archetypes;
    if (texts_.count(archetypes_path)) {
      archetypes = Open(archetypes_path);
      path_ = archetypes_path;
      if (archetypes != nullptr) {
        if (const toml::node* node = archetypes->get("slots")) {
          if (!node->is_table()) {
            Problem(*node, "'slots' must be a table");
          } else {
            for (const Slot& extra : Slots(*node->as_table())) {
              if (std::any_of(slots.begin(), slots.end(),
                              [&](const Slot& s) { return s.name == extra.name; })) {
                Problem(path_, slot_lines_[extra.name.data()].second,
                        Cat("slot '", extra.name, "' is already a slot of ", department_path));
              }
              slots.push_back(extra);
            }
          }
        }
      }
      path_ = department_path;
    }
    dv.slots = slots;
    const SlotScope scope{{}, dv.slots, v_.shared_slots_};
    dv.project_templates = NeedStrings(root, "projects", 1);
    CheckTemplates(dv.project_templates, scope);
    ReadWorkflow(Need(root, "workflow", 1), dv);
    dv.field_keys = NeedStrings(root, "fields", 1, /*allow_empty=*/true);
    for (std::string_view k : dv.field_keys) {
      if (std::none_of(v_.fields_.begin(), v_.fields_.end(),
                       [&](const CustomFieldSpec& f) { return f.key == k; })) {
        Problem(path_, lines_[k.data()], Cat("field '", k, "' is not a [[field]] of common.toml"));
      }
    }
    dv.tag_names = NeedStrings(root, "tags", 1, /*allow_empty=*/true);
    for (std::string_view k : dv.tag_names) {
      if (std::none_of(v_.tags_.begin(), v_.tags_.end(),
                       [&](const TagSpec& t) { return t.name == k; })) {
        Problem(path_, lines_[k.data()], Cat("tag '", k, "' is not a [[tag]] of common.toml"));
      }
    }
    if (const toml::table* t = NeedTable(root, "templates")) {
      OnlyKeys(*t, {"tasks", "subtasks", "descriptions", "comments"});
      dv.task_templates = NeedStrings(*t, "tasks", 1);
      dv.subtask_templates = NeedStrings(*t, "subtasks", 1);
      dv.description_templates = NeedStrings(*t, "descriptions", 1);
      dv.comment_templates = NeedStrings(*t, "comments", 1);
      for (Words w : {dv.task_templates, dv.subtask_templates, dv.description_templates,
                      dv.comment_templates}) {
        CheckTemplates(w, scope);
      }
    }
    department_slots_.push_back({path_, dv.slots});
    if (archetypes != nullptr) {
      path_ = archetypes_path;
      ReadArchetypes(*archetypes, dv, /*llm=*/false);
      path_ = department_path;
    }
    // The LLM's archetypes follow the department's own (tier 3 writes this file for a run).
    const std::string llm_path = Cat(pack_dir_, "/archetypes/", file_stem_, ".llm.toml");
    if (texts_.count(llm_path)) {
      if (const std::unique_ptr<toml::table> llm = Open(llm_path)) {
        path_ = llm_path;
        ReadArchetypes(*llm, dv, /*llm=*/true);
        path_ = department_path;
      }
    }
  }

  // [archetype.fields]: each key an enum field of the department, each value an option name or
  // a list of them.
  std::span<const FieldHint> FieldHints(const toml::node& node, const DepartmentVocab& dv) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Problem(node, "'fields' must be a table: field = \"option\" or [\"option\", ...]");
      return {};
    }
    std::vector<FieldHint>& hints = v_.field_hints_.emplace_back();
    for (const auto& [key, value] : *table) {
      const int line = static_cast<int>(key.source().begin.line);
      const std::string_view field = Own(key.str());
      const auto spec = std::find_if(v_.fields_.begin(), v_.fields_.end(),
                                     [&](const CustomFieldSpec& f) { return f.key == field; });
      if (spec == v_.fields_.end() ||
          std::find(dv.field_keys.begin(), dv.field_keys.end(), field) == dv.field_keys.end()) {
        Problem(path_, line, Cat("field '", field, "' is not one of the department's fields"));
        continue;
      }
      if (spec->type != FieldType::kEnum || spec->sprint) {
        Problem(path_, line, Cat("field '", field, "' takes no hint: only choice fields do"));
        continue;
      }
      Words options;
      if (value.is_string()) {
        std::vector<std::string_view>& one = v_.lists_.emplace_back();
        one.push_back(Own(value.as_string()->get()));
        lines_[one.back().data()] = LineOf(value);
        options = one;
      } else {
        options = Strings(&value, Cat("field '", field, "'"));
      }
      for (std::string_view o : options) {
        if (std::none_of(spec->options.begin(), spec->options.end(),
                         [&](const EnumOptionSpec& e) { return e.name == o; })) {
          std::string known;
          for (const EnumOptionSpec& e : spec->options)
            known += Cat(known.empty() ? "" : ", ", e.name);
          Problem(path_, LineOfText(o),
                  Cat("'", o, "' is not an option of field '", field, "' (", known, ")"));
        }
      }
      hints.push_back({field, options});
    }
    return hints;
  }

  // The [[archetype]] tables of `root`, after the department's archetypes read so far; `llm`:
  // the LLM's file (no [slots] of its own).
  void ReadArchetypes(const toml::table& root, DepartmentVocab& dv, bool llm) {
    if (llm) {
      OnlyKeys(root, {"archetype"});
    } else {
      OnlyKeys(root, {"slots", "archetype"});
    }
    const toml::array* array = Array(Need(root, "archetype", 1), "archetype");
    if (array == nullptr) return;
    std::vector<Archetype>& list =
        v_.archetypes_.emplace_back(dv.archetypes.begin(), dv.archetypes.end());
    std::set<std::string> ids;
    for (const Archetype& a : dv.archetypes)
      ids.insert(std::string(a.id.substr(a.id.rfind('/') + 1)));
    std::map<std::string, int> texts;  // every text of the file: a repeat is a warning
    for (const toml::node& item : *array) {
      const toml::table* t = item.as_table();
      if (t == nullptr) {
        Problem(item, "every [[archetype]] must be a table");
        continue;
      }
      const int line = LineOf(item);
      OnlyKeys(*t, {"id", "weight", "names", "descriptions", "subtasks", "tags", "fields", "days",
                    "comments", "slots"});
      Archetype a{};
      a.llm = llm;
      const std::string_view id = String(Need(*t, "id", line), "id");
      if (!IsKebab(id)) {
        Problem(path_, line, Cat("archetype id '", id, "' must be kebab-case (a-z, 0-9, -)"));
      } else if (!ids.insert(std::string(id)).second) {
        Problem(path_, LineOf(*t->get("id")), Cat("archetype id '", id, "' is used twice"));
      }
      a.id = Own(Cat(pack_dir_, "/", file_stem_, "/", id));
      a.weight = t->get("weight") != nullptr ? Number(t->get("weight"), "weight") : 1.0;
      if (a.weight <= 0) Problem(path_, line, "weight must be positive");
      if (const toml::node* node = t->get("slots")) {
        if (node->is_table()) {
          a.slots = v_.slot_lists_.emplace_back(Slots(*node->as_table()));
        } else {
          Problem(*node, "'slots' must be a table");
        }
      }
      const SlotScope scope{a.slots, dv.slots, v_.shared_slots_};
      a.names = NeedStrings(*t, "names", line);
      a.descriptions = NeedStrings(*t, "descriptions", line);
      a.subtasks = NeedStrings(*t, "subtasks", line);
      a.tags = Strings(t->get("tags"), "tags", /*allow_empty=*/true);
      for (std::string_view k : a.tags) {
        if (std::find(dv.tag_names.begin(), dv.tag_names.end(), k) == dv.tag_names.end()) {
          Problem(path_, LineOfText(k), Cat("tag '", k, "' is not one of the department's tags"));
        }
      }
      if (const toml::node* node = t->get("fields")) a.fields = FieldHints(*node, dv);
      if (const toml::node* node = t->get("days")) {
        a.days = Number(node, "days");
        if (node->is_number() && !(a.days > 0 && a.days <= kMaxArchetypeDays)) {
          Problem(*node, Cat("days must be more than 0 and at most ",
                             std::to_string(static_cast<int>(kMaxArchetypeDays))));
          a.days = 0;
        }
      }
      std::vector<std::pair<Words, int>> all = {
          {a.names, -1}, {a.descriptions, -1}, {a.subtasks, -1}};
      if (const toml::node* node = t->get("comments")) {
        if (!node->is_table()) {
          Problem(*node, "'comments' must be a table of moments");
        } else {
          for (const auto& [key, value] : *node->as_table()) {
            const int m = IndexOf(kMomentNames, key.str());
            if (m < 0) {
              Problem(path_, static_cast<int>(key.source().begin.line),
                      Cat("unknown moment '", key.str(),
                          "' (kickoff, progress, question, answer, blocker, handoff, review, "
                          "wrapup, reopen)"));
              continue;
            }
            a.comments[m] = Strings(&value, key.str());
            all.push_back({a.comments[m], m});
          }
        }
      }
      if (a.comments[static_cast<int>(Moment::kProgress)].empty()) {
        Problem(path_, line, Cat("archetype '", id, "' needs comments.progress"));
      }
      for (const auto& [words, moment] : all) {
        CheckTemplates(words, scope);
        for (std::string_view text : words) {
          if (lint_) {
            const std::string broken = StoryRuleBroken(text, moment);
            if (!broken.empty()) Problem(path_, LineOfText(text), Cat("\"", text, "\": ", broken));
          }
          if (!warnings_) continue;
          const auto [it, fresh] = texts.emplace(std::string(text), LineOfText(text));
          if (!fresh) {
            Warning(path_, LineOfText(text),
                    Cat("\"", text, "\" repeats line ", std::to_string(it->second)));
          }
        }
      }
      archetype_slots_.push_back({a.slots, a.id});
      list.push_back(a);
    }
    dv.archetypes = list;
  }

  void ReadWorkflow(const toml::node* node, DepartmentVocab& dv) {
    const toml::array* array = Array(node, "workflow");
    if (array == nullptr) return;
    std::vector<SectionSpec>& sections = v_.workflows_.emplace_back();
    std::set<Stage> stages;
    for (const toml::node& item : *array) {
      const toml::table* t = item.as_table();
      if (t == nullptr) {
        Problem(item, "workflow: every item must be { name = ..., stage = ... }");
        continue;
      }
      OnlyKeys(*t, {"name", "stage"});
      const std::string_view name = String(Need(*t, "name", LineOf(item)), "name");
      const std::string_view stage = String(Need(*t, "stage", LineOf(item)), "stage");
      const int s = IndexOf(kStageNames, stage);
      if (s < 0) {
        Problem(item, Cat("stage '", stage, "' is not backlog|todo|doing|review|done"));
        continue;
      }
      sections.push_back({name, static_cast<Stage>(s)});
      stages.insert(static_cast<Stage>(s));
    }
    if (stages.size() != std::size(kStageNames)) {
      Problem(*node,
              "workflow needs a section of every stage (backlog, todo, doing, review, done)");
    }
    dv.sections = sections;
  }

  // A slot no template can reach is a mistake (a typo in a template, or dead data).
  void CheckUnusedSlots() {
    std::set<std::string> shared_used;
    for (const auto& [path, slots] : department_slots_) {
      std::set<std::string> used;
      for (const auto& [tmpl, scope] : uses_) {
        if (scope.department.data() == slots.data() || scope.department.empty()) {
          CollectSlots(tmpl, scope, used, 0);
        }
      }
      for (const Slot& s : slots) {
        if (!used.count(std::string(s.name))) {
          const auto& [file, line] = slot_lines_[s.name.data()];
          Warning(file, line, Cat("slot '", s.name, "' is used by no template"));
        }
      }
      shared_used.insert(used.begin(), used.end());
    }
    for (const auto& [slots, id] : archetype_slots_) {
      std::set<std::string> used;
      for (const auto& [tmpl, scope] : uses_) {
        if (scope.archetype.data() == slots.data()) CollectSlots(tmpl, scope, used, 0);
      }
      for (const Slot& s : slots) {
        if (!used.count(std::string(s.name))) {
          const auto& [file, line] = slot_lines_[s.name.data()];
          Warning(file, line, Cat("slot '", s.name, "' of ", id, " is used by no template"));
        }
      }
    }
    for (const Slot& s : v_.shared_slots_) {
      if (!shared_used.count(std::string(s.name))) {
        const auto& [path, line] = slot_lines_[s.name.data()];
        Warning(path, line, Cat("shared slot '", s.name, "' is used by no template"));
      }
    }
  }

  Vocabulary& v_;
  std::string origin_;
  bool lint_;
  bool warnings_;
  std::map<std::string, const std::string*> texts_;
  std::set<std::string> opened_;
  std::string path_;                  // the file being read
  std::map<const char*, int> lines_;  // owned string -> line it came from
  std::map<const char*, std::pair<std::string, int>> slot_lines_;
  std::vector<std::pair<std::string_view, SlotScope>> uses_;  // templates read
  std::vector<std::pair<std::span<const Slot>, std::string_view>> archetype_slots_;
  Words focuses_;          // of the department being read ({focus})
  std::string pack_dir_;   // of the pack being read
  std::string file_stem_;  // of the department being read
  std::map<std::string, DepartmentVocab> read_departments_;  // by file: read once, shared
  std::vector<std::pair<std::string, std::span<const Slot>>> department_slots_;
};

std::string_view StatusTypeName(StatusType t) { return kStatusKeys[static_cast<size_t>(t)]; }

const Pack& Vocabulary::PackFor(std::string_view industry) const {
  for (const Pack& p : packs_) {
    if (std::find(p.industries.begin(), p.industries.end(), industry) != p.industries.end())
      return p;
  }
  return default_pack();
}

absl::StatusOr<std::unique_ptr<const Vocabulary>> Vocabulary::Parse(
    std::span<const std::pair<std::string, std::string>> files, std::string_view origin,
    std::vector<std::string>* problems) {
  return ParseChecked(files, origin, problems, /*lint=*/true);
}

absl::StatusOr<std::unique_ptr<const Vocabulary>> Vocabulary::ParseChecked(
    std::span<const std::pair<std::string, std::string>> files, std::string_view origin,
    std::vector<std::string>* problems, bool lint) {
  std::unique_ptr<Vocabulary> v(new Vocabulary());
  VocabularyParser parser(*v, origin, lint, /*warnings=*/problems != nullptr);
  parser.Run(files);
  if (problems != nullptr) *problems = parser.problems;
  v->files_.assign(files.begin(), files.end());
  std::sort(v->files_.begin(), v->files_.end());
  v->origin_ = std::string(origin);
  std::vector<std::string> errors;
  for (const std::string& p : parser.problems) {
    if (p.find(Cat(": ", kWarning)) == std::string::npos) errors.push_back(p);
  }
  if (!errors.empty()) {
    std::string message = errors.front();
    if (errors.size() > 1) {
      message = Cat(message, " (and ", std::to_string(errors.size() - 1),
                    " more problems; `asanasim pack check` lists them)");
    }
    return absl::InvalidArgumentError(message);
  }
  return std::unique_ptr<const Vocabulary>(std::move(v));
}

absl::StatusOr<std::unique_ptr<const Vocabulary>> Vocabulary::Load(
    const std::string& dir, std::vector<std::string>* problems) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    const std::string message = Cat("pack directory ", dir, ": not a directory");
    if (problems != nullptr) *problems = {message};
    return absl::InvalidArgumentError(message);
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".toml") continue;
    absl::StatusOr<std::string> text = ReadFile(it->path().string());
    if (!text.ok()) {
      if (problems != nullptr) *problems = {std::string(text.status().message())};
      return text.status();
    }
    files.emplace_back(fs::relative(it->path(), dir).generic_string(), *std::move(text));
  }
  if (ec) {
    const std::string message = Cat("pack directory ", dir, ": ", ec.message());
    if (problems != nullptr) *problems = {message};
    return absl::InvalidArgumentError(message);
  }
  return Parse(files, dir, problems);
}

absl::StatusOr<std::unique_ptr<const Vocabulary>> Vocabulary::With(
    std::span<const std::pair<std::string, std::string>> extra) const {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& f : files_) {
    if (std::none_of(extra.begin(), extra.end(), [&](const auto& e) { return e.first == f.first; }))
      files.push_back(f);
  }
  files.insert(files.end(), extra.begin(), extra.end());
  return ParseChecked(files, origin_, nullptr, /*lint=*/false);
}

std::vector<std::pair<std::string, std::string>> Vocabulary::FilesOf(const Pack& pack) const {
  // The pack, the default one, and (transitively) the packs whose departments they reuse.
  std::set<std::string> dirs;
  std::vector<const Pack*> todo = {&pack, &default_pack()};
  while (!todo.empty()) {
    const Pack* p = todo.back();
    todo.pop_back();
    if (!dirs.insert(std::string(p->name)).second) continue;
    for (const DepartmentVocab& d : p->departments) {
      const std::string_view dir = d.file.substr(0, d.file.find('/'));
      for (const Pack& other : packs_) {
        if (other.name == dir) todo.push_back(&other);
      }
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : files_) {
    const size_t slash = f.first.find('/');
    if (f.first == kCommonFile ||
        (slash != std::string::npos && dirs.count(f.first.substr(0, slash)))) {
      out.push_back(f);
    }
  }
  return out;
}

const Vocabulary& Vocabulary::BuiltIn() {
  static const Vocabulary* const built_in = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const EmbeddedFile& f : EmbeddedFiles()) {
      if (f.path.starts_with(kEmbeddedRoot) && f.path.ends_with(".toml")) {
        files.emplace_back(std::string(f.path.substr(kEmbeddedRoot.size())), std::string(f.text));
      }
    }
    // The built-in packs pass `pack check` in the tests, so loading them skips its lint (the
    // lexicon and story rules: most of the parse's time, 20 s under the sanitizers).
    absl::StatusOr<std::unique_ptr<const Vocabulary>> v =
        ParseChecked(files, "prompts/packs", nullptr, /*lint=*/false);
    if (!v.ok()) {
      std::fprintf(stderr, "asanasim: the built-in packs are broken: %s\n",
                   std::string(v.status().message()).c_str());
      std::abort();
    }
    return v->release();
  }();
  return *built_in;
}

}  // namespace asanasim
