#include "src/validate/text_pass.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <string_view>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "src/util/civil_time.h"
#include "src/util/status.h"
#include "src/validate/task_cursor.h"
#include "src/validate/text_checks.h"
#include "src/validate/text_scan.h"
#include "src/validate/user_zones.h"

namespace asanasim {
namespace {

constexpr std::string_view kWhat = "text pass";
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// An organization takes part in comments_distinct_within_org from this many comments: a handful
// of comments says nothing about an organization's variety.
constexpr int64_t kMinOrgComments = 20;

size_t CheckIndex(std::string_view name) {
  const std::span<const TextCheck> checks = TextChecks();
  for (size_t i = 0; i < checks.size(); ++i) {
    if (checks[i].name == name) return i;
  }
  return checks.size();
}

// The count of offenders, and the `k` with the smallest ids with their phrases.
class Offenders {
 public:
  explicit Offenders(size_t k) : k_(k) {}
  void Add(int64_t id, std::string_view text) {
    ++count_;
    if (k_ == 0 || (smallest_.size() == k_ && id >= smallest_.back().id)) return;
    const auto at = std::lower_bound(smallest_.begin(), smallest_.end(), id,
                                     [](const TextExample& e, int64_t v) { return e.id < v; });
    smallest_.insert(at, TextExample{id, std::string(text)});
    if (smallest_.size() > k_) smallest_.pop_back();
  }
  int64_t count() const { return count_; }
  std::vector<TextExample>& smallest() { return smallest_; }

 private:
  size_t k_;
  int64_t count_ = 0;
  std::vector<TextExample> smallest_;
};

// How often a text occurs, and the smallest id it occurs at.
struct Occurrences {
  int64_t n = 0;
  int64_t first = std::numeric_limits<int64_t>::max();
  void Add(int64_t id) {
    ++n;
    first = std::min(first, id);
  }
};

// The `k` commonest texts of `counts` that occur more than once (by count, then first id), for
// which `keep` holds, as examples without their text (read back later).
template <typename Map, typename Keep>
std::vector<TextExample> Commonest(const Map& counts, size_t k, Keep keep) {
  std::vector<Occurrences> top;
  for (const auto& [key, o] : counts) {
    if (o.n > 1 && keep(key)) top.push_back(o);
  }
  const auto order = [](const Occurrences& a, const Occurrences& b) {
    return a.n != b.n ? a.n > b.n : a.first < b.first;
  };
  const size_t n = std::min(k, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(n), top.end(), order);
  std::vector<TextExample> out;
  for (size_t i = 0; i < n; ++i) out.push_back({top[i].first, ""});
  return out;
}

struct User {
  std::string name;
  std::string first;  // up to the first space
};

struct Comment {
  int64_t id = 0;
  int64_t author = 0;
  int64_t day = kUnknownDay;
  bool llm = false;  // text_source 'llm' (tier 3)
  std::string text;
};

// A phrase rule of text_checks.h, with its tallies.
struct PhraseRule {
  size_t check;
  uint32_t fields;
  PhraseFinder find;
  Offenders offenders;
  int64_t sample = 0;  // rows with a text of its fields
};

// An organization's distinct top-level task name.
struct OrgName {
  int64_t org;
  size_t hash;
  bool operator==(const OrgName&) const = default;
  template <typename H>
  friend H AbslHashValue(H h, const OrgName& n) {
    return H::combine(std::move(h), n.org, n.hash);
  }
};

// Where a name is used: the first industry seen, and whether another one uses it too.
struct NameIndustries {
  int industry;
  bool several;
};

class TextPass {
 public:
  TextPass(const ReadOnlyDatabase& db, size_t examples)
      : db_(db),
        k_(examples),
        self_mentions_(examples),
        repeated_comments_(examples),
        incoherent_(examples),
        llm_incoherent_(examples) {
    const std::span<const TextCheck> checks = TextChecks();
    for (size_t i = 0; i < checks.size(); ++i) {
      if (checks[i].find != nullptr)
        phrase_rules_.push_back({i, checks[i].fields, checks[i].find, Offenders(examples)});
    }
  }

  absl::Status Run() {
    ASANASIM_ASSIGN_OR_RETURN(zones_, UserZones::Load(db_));
    ASANASIM_RETURN_IF_ERROR(ReadOrganizations());
    ASANASIM_RETURN_IF_ERROR(ReadUsers());
    ASANASIM_RETURN_IF_ERROR(ReadDepartments());
    ASANASIM_RETURN_IF_ERROR(ReadTasks());
    ASANASIM_RETURN_IF_ERROR(ReadProjects());
    return ReadStatusUpdates();
  }

  absl::StatusOr<std::vector<TextMeasure>> Finish();

 private:
  absl::Status ReadOrganizations();
  absl::Status ReadUsers();
  absl::Status ReadDepartments();
  std::string_view DepartmentOf(int64_t project) const;
  absl::Status ReadTasks();
  absl::Status ReadProjects();
  absl::Status ReadStatusUpdates();
  void OnComments(int64_t task, int64_t org, std::string_view name, std::string_view notes);
  bool NamesSelf(const Comment& c) const;
  // Runs every phrase rule on the texts of one row (an offence counts once per row and rule).
  void ScanRow(int64_t id, std::initializer_list<std::pair<uint32_t, TextSite>> texts);
  int64_t LocalDay(int64_t user, std::string_view at) const;
  absl::Status ReadBackTexts(const char* sql, std::vector<TextExample>& examples) const;

  const ReadOnlyDatabase& db_;
  size_t k_;
  UserZones zones_;
  absl::flat_hash_map<int64_t, int> industry_of_org_;
  int industries_ = 0;
  absl::flat_hash_map<int64_t, User> users_;
  std::vector<std::string> departments_;                        // distinct, as pack file stems
  absl::flat_hash_map<int64_t, uint32_t> project_departments_;  // -> index in departments_
  std::vector<PhraseRule> phrase_rules_;

  // Comments.
  int64_t comments_ = 0;
  absl::flat_hash_map<size_t, Occurrences> comment_texts_;
  absl::flat_hash_map<OrgName, Occurrences> org_comment_texts_;
  absl::flat_hash_map<int64_t, int64_t> org_comments_;
  Offenders self_mentions_;
  Offenders repeated_comments_;
  int64_t discussed_tasks_ = 0;  // with two comments or more
  int64_t coherent_tasks_ = 0;
  Offenders incoherent_;
  // The same for the LLM's text (tier 3): its comments, and the tasks it tells.
  int64_t llm_comments_ = 0;
  absl::flat_hash_map<size_t, Occurrences> llm_comment_texts_;
  int64_t llm_discussed_tasks_ = 0;
  int64_t llm_coherent_tasks_ = 0;
  Offenders llm_incoherent_;

  // Top-level task names.
  absl::flat_hash_map<size_t, NameIndustries> name_industries_;
  absl::flat_hash_map<OrgName, int64_t> org_names_;  // -> smallest task id

  // Per-task scratch, reused.
  std::string_view department_;
  std::vector<Comment> task_comments_;
  size_t comment_count_ = 0;
  std::vector<int64_t> participants_;
  std::vector<std::string> task_words_;
  std::vector<std::string> comment_words_;
};

int64_t TextPass::LocalDay(int64_t user, std::string_view at) const {
  const ZoneClock* zone = zones_.Of(user);
  if (zone == nullptr) return kUnknownDay;
  const absl::StatusOr<int64_t> t = ParseInstant(at);
  return t.ok() ? zone->LocalDay(*t) : kUnknownDay;
}

absl::Status TextPass::ReadOrganizations() {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, db_.Prepare("SELECT id, industry FROM organizations"));
  absl::flat_hash_map<std::string, int> index;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const auto [it, added] = index.try_emplace(std::string(TextView(s.get(), 1)), industries_);
    if (added) ++industries_;
    industry_of_org_[Id(s.get(), 0)] = it->second;
  }
  if (rc != SQLITE_DONE) return db_.Error(rc, "reading organizations");
  return absl::OkStatus();
}

absl::Status TextPass::ReadUsers() {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, db_.Prepare("SELECT id, name FROM users"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    User& u = users_[Id(s.get(), 0)];
    u.name = TextView(s.get(), 1);
    u.first = u.name.substr(0, u.name.find(' '));
  }
  if (rc != SQLITE_DONE) return db_.Error(rc, "reading users");
  return absl::OkStatus();
}

// Projects' departments: their team's, as a pack file stem ("Customer Success" ->
// "customer_success").
absl::Status TextPass::ReadDepartments() {
  ASANASIM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("SELECT p.id, t.department FROM projects p JOIN teams t ON t.id = p.team_id"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    std::string stem(TextView(s.get(), 1));
    for (char& c : stem) c = c == ' ' ? '_' : static_cast<char>(std::tolower(c));
    auto at = std::find(departments_.begin(), departments_.end(), stem);
    if (at == departments_.end()) at = departments_.insert(at, std::move(stem));
    project_departments_[Id(s.get(), 0)] = static_cast<uint32_t>(at - departments_.begin());
  }
  if (rc != SQLITE_DONE) return db_.Error(rc, "reading departments");
  return absl::OkStatus();
}

std::string_view TextPass::DepartmentOf(int64_t project) const {
  const auto it = project_departments_.find(project);
  return it == project_departments_.end() ? std::string_view() : departments_[it->second];
}

void TextPass::ScanRow(int64_t id, std::initializer_list<std::pair<uint32_t, TextSite>> texts) {
  for (PhraseRule& rule : phrase_rules_) {
    bool read = false;
    for (const auto& [field, site] : texts) {
      if ((rule.fields & field) == 0 || site.text.empty()) continue;
      read = true;
      const std::string_view hit = rule.find(site);
      if (!hit.empty()) {
        rule.offenders.Add(id, hit);
        break;
      }
    }
    rule.sample += read;
  }
}

absl::Status TextPass::ReadTasks() {
  ASANASIM_ASSIGN_OR_RETURN(
      Statement tasks,
      db_.Prepare("SELECT id, organization_id, parent_id IS NOT NULL, name, notes, assignee_id, "
                  "created_by_id, created_at, project_id FROM tasks ORDER BY id"));
  ASANASIM_ASSIGN_OR_RETURN(
      TaskCursor followers,
      TaskCursor::Open(db_, "SELECT task_id, user_id FROM task_followers ORDER BY task_id", kWhat));
  ASANASIM_ASSIGN_OR_RETURN(
      TaskCursor comments,
      TaskCursor::Open(db_,
                       "SELECT task_id, id, created_by_id, created_at, text, text_source = 'llm' "
                       "FROM stories WHERE type = 'comment' ORDER BY task_id, created_at, id",
                       kWhat));
  const absl::Hash<std::string_view> hash;
  int rc;
  while ((rc = sqlite3_step(tasks.get())) == SQLITE_ROW) {
    sqlite3_stmt* t = tasks.get();
    const int64_t id = Id(t, 0);
    const int64_t org = Id(t, 1);
    const bool subtask = sqlite3_column_int(t, 2) != 0;
    const std::string_view name = TextView(t, 3);
    const std::string_view notes = TextView(t, 4);
    const int64_t assignee = Id(t, 5);
    const int64_t creator = Id(t, 6);
    const int64_t written = notes.empty() ? kUnknownDay : LocalDay(creator, TextView(t, 7));
    department_ = DepartmentOf(Id(t, 8));
    ScanRow(id, {{subtask ? kSubtaskNameField : kTaskNameField,
                  TextSite{name, kUnknownDay, department_}},
                 {kDescriptionField, TextSite{notes, written, department_}}});
    if (!subtask) {
      const size_t h = hash(name);
      const auto industry = industry_of_org_.find(org);
      if (industry != industry_of_org_.end()) {
        const auto [it, added] = name_industries_.try_emplace(h, industry->second, false);
        if (!added && it->second.industry != industry->second) it->second.several = true;
        const auto [first, fresh] = org_names_.try_emplace(OrgName{org, h}, id);
        if (!fresh) first->second = std::min(first->second, id);
      }
    }

    participants_.clear();
    if (assignee != 0) participants_.push_back(assignee);
    participants_.push_back(creator);
    ASANASIM_RETURN_IF_ERROR(followers.SkipBefore(id));
    while (followers.At(id)) {
      participants_.push_back(Id(followers.row(), 1));
      ASANASIM_RETURN_IF_ERROR(followers.Step());
    }
    comment_count_ = 0;
    ASANASIM_RETURN_IF_ERROR(comments.SkipBefore(id));
    while (comments.At(id)) {
      sqlite3_stmt* s = comments.row();
      if (comment_count_ == task_comments_.size()) task_comments_.emplace_back();
      Comment& c = task_comments_[comment_count_++];
      c.id = Id(s, 1);
      c.author = Id(s, 2);
      c.day = LocalDay(c.author, TextView(s, 3));
      c.text = TextView(s, 4);
      c.llm = sqlite3_column_int(s, 5) != 0;
      participants_.push_back(c.author);
      ASANASIM_RETURN_IF_ERROR(comments.Step());
    }
    std::sort(participants_.begin(), participants_.end());
    participants_.erase(std::unique(participants_.begin(), participants_.end()),
                        participants_.end());
    OnComments(id, org, name, notes);
  }
  if (rc != SQLITE_DONE) return db_.Error(rc, "reading tasks");
  return absl::OkStatus();
}

// Self-mention: the author's full name, or their first name as a whole word when no other
// participant of the task (assignee, creator, followers, commenters) shares it; names are
// matched case-sensitively ("Mark" the person, not "mark as done").
bool TextPass::NamesSelf(const Comment& c) const {
  const auto author = users_.find(c.author);
  if (author == users_.end()) return false;
  if (ContainsWholeWord(c.text, author->second.name)) return true;
  if (!ContainsWholeWord(c.text, author->second.first)) return false;
  for (int64_t p : participants_) {
    if (p == c.author) continue;
    const auto other = users_.find(p);
    if (other != users_.end() && other->second.first == author->second.first) return false;
  }
  return true;
}

void TextPass::OnComments(int64_t task, int64_t org, std::string_view name,
                          std::string_view notes) {
  const absl::Hash<std::string_view> hash;
  for (size_t i = 0; i < comment_count_; ++i) {
    const Comment& c = task_comments_[i];
    ++comments_;
    const size_t h = hash(c.text);
    comment_texts_[h].Add(c.id);
    org_comment_texts_[OrgName{org, h}].Add(c.id);
    ++org_comments_[org];
    if (i > 0 && c.text == task_comments_[i - 1].text) repeated_comments_.Add(c.id, c.text);
    if (c.llm) {
      ++llm_comments_;
      llm_comment_texts_[h].Add(c.id);
    }
    if (NamesSelf(c)) self_mentions_.Add(c.id, c.text);
    ScanRow(c.id, {{kCommentField, TextSite{c.text, c.day, department_}}});
  }
  if (comment_count_ < 2) return;
  ++discussed_tasks_;
  const bool llm = std::any_of(task_comments_.begin(),
                               task_comments_.begin() + static_cast<std::ptrdiff_t>(comment_count_),
                               [](const Comment& c) { return c.llm; });
  llm_discussed_tasks_ += llm;
  task_words_.clear();
  AppendContentWords(name, task_words_);
  AppendContentWords(notes, task_words_);
  std::sort(task_words_.begin(), task_words_.end());
  for (size_t i = 0; i < comment_count_; ++i) {
    comment_words_.clear();
    AppendContentWords(task_comments_[i].text, comment_words_);
    for (const std::string& w : comment_words_) {
      if (std::binary_search(task_words_.begin(), task_words_.end(), w)) {
        ++coherent_tasks_;
        llm_coherent_tasks_ += llm;
        return;
      }
    }
  }
  incoherent_.Add(task, name);
  if (llm) llm_incoherent_.Add(task, name);
}

absl::Status TextPass::ReadProjects() {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, db_.Prepare("SELECT id, name FROM projects"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const int64_t id = Id(s.get(), 0);
    ScanRow(id,
            {{kProjectNameField, TextSite{TextView(s.get(), 1), kUnknownDay, DepartmentOf(id)}}});
  }
  if (rc != SQLITE_DONE) return db_.Error(rc, "reading projects");
  return absl::OkStatus();
}

absl::Status TextPass::ReadStatusUpdates() {
  ASANASIM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("SELECT id, author_id, created_at, title, text, project_id FROM status_updates"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const int64_t day = LocalDay(Id(s.get(), 1), TextView(s.get(), 2));
    const std::string_view department = DepartmentOf(Id(s.get(), 5));
    ScanRow(Id(s.get(), 0), {{kStatusTitleField, TextSite{TextView(s.get(), 3), day, department}},
                             {kStatusTextField, TextSite{TextView(s.get(), 4), day, department}}});
  }
  if (rc != SQLITE_DONE) return db_.Error(rc, "reading status updates");
  return absl::OkStatus();
}

absl::Status TextPass::ReadBackTexts(const char* sql, std::vector<TextExample>& examples) const {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(sql));
  for (TextExample& e : examples) {
    sqlite3_reset(s.get());
    sqlite3_bind_int64(s.get(), 1, e.id);
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_ROW) {
      e.text = TextView(s.get(), 0);
    } else if (rc != SQLITE_DONE) {
      return db_.Error(rc, "reading example texts");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<TextMeasure>> TextPass::Finish() {
  std::vector<TextMeasure> out(TextChecks().size());
  const auto measure = [&](std::string_view name) -> TextMeasure* {
    const size_t i = CheckIndex(name);
    if (i == out.size()) return nullptr;
    out[i].measured = true;
    out[i].value = kNaN;
    return &out[i];
  };
  constexpr const char* kCommentText = "SELECT text FROM stories WHERE id = ?1";
  constexpr const char* kTaskName = "SELECT name FROM tasks WHERE id = ?1";
  const auto ratio = [](int64_t a, int64_t b) {
    return b == 0 ? kNaN : static_cast<double>(a) / static_cast<double>(b);
  };

  if (TextMeasure* m = measure("comments_distinct_in_file")) {
    m->value = ratio(static_cast<int64_t>(comment_texts_.size()), comments_);
    m->sample = comments_;
    m->examples = Commonest(comment_texts_, k_, [](size_t) { return true; });
    ASANASIM_RETURN_IF_ERROR(ReadBackTexts(kCommentText, m->examples));
  }
  if (TextMeasure* m = measure("top_comment_share")) {
    m->sample = comments_;
    Occurrences top;
    for (const auto& [h, o] : comment_texts_) {
      if (o.n > top.n || (o.n == top.n && o.first < top.first)) top = o;
    }
    if (comments_ > 0) {
      m->value = ratio(top.n, comments_);
      m->examples.push_back({top.first, ""});
      ASANASIM_RETURN_IF_ERROR(ReadBackTexts(kCommentText, m->examples));
    }
  }
  if (TextMeasure* m = measure("comments_distinct_within_org")) {
    absl::flat_hash_map<int64_t, int64_t> distinct;
    for (const auto& [key, o] : org_comment_texts_) ++distinct[key.org];
    int64_t worst = 0;
    for (const auto& [org, n] : org_comments_) {
      if (n < kMinOrgComments) continue;
      const double r = ratio(distinct[org], n);
      if (std::isnan(m->value) || r < m->value || (r == m->value && org < worst)) {
        m->value = r;
        worst = org;
      }
    }
    m->sample = comments_;
    m->examples =
        Commonest(org_comment_texts_, k_, [worst](const OrgName& key) { return key.org == worst; });
    ASANASIM_RETURN_IF_ERROR(ReadBackTexts(kCommentText, m->examples));
  }
  if (TextMeasure* m = measure("task_names_shared_across_industries")) {
    struct Tally {
      int64_t distinct = 0;
      int64_t shared = 0;
    };
    absl::flat_hash_map<int64_t, Tally> tallies;
    absl::flat_hash_map<int, bool> used_industries;
    const auto shared = [&](const OrgName& key) {
      const NameIndustries& n = name_industries_.at(key.hash);
      return n.several || n.industry != industry_of_org_.at(key.org);
    };
    for (const auto& [key, first] : org_names_) {
      Tally& t = tallies[key.org];
      ++t.distinct;
      t.shared += shared(key);
      used_industries[industry_of_org_.at(key.org)] = true;
    }
    int64_t worst = 0;
    double worst_share = -1;
    for (const auto& [org, t] : tallies) {
      const double r = ratio(t.shared, t.distinct);
      if (r > worst_share || (r == worst_share && org < worst)) {
        worst_share = r;
        worst = org;
      }
    }
    m->sample = static_cast<int64_t>(tallies.size());
    if (used_industries.size() >= 2) {
      m->value = worst_share;
      Offenders names(k_);
      for (const auto& [key, first] : org_names_) {
        if (key.org == worst && shared(key)) names.Add(first, "");
      }
      m->examples = std::move(names.smallest());
      ASANASIM_RETURN_IF_ERROR(ReadBackTexts(kTaskName, m->examples));
    }
  }
  if (TextMeasure* m = measure("comment_coherence")) {
    m->value = ratio(coherent_tasks_, discussed_tasks_);
    m->sample = discussed_tasks_;
    m->examples = std::move(incoherent_.smallest());
  }
  if (TextMeasure* m = measure("llm_comments_distinct")) {
    m->value = ratio(static_cast<int64_t>(llm_comment_texts_.size()), llm_comments_);
    m->sample = llm_comments_;
    m->examples = Commonest(llm_comment_texts_, k_, [](size_t) { return true; });
    ASANASIM_RETURN_IF_ERROR(ReadBackTexts(kCommentText, m->examples));
  }
  if (TextMeasure* m = measure("llm_comment_coherence")) {
    m->value = ratio(llm_coherent_tasks_, llm_discussed_tasks_);
    m->sample = llm_discussed_tasks_;
    m->examples = std::move(llm_incoherent_.smallest());
  }
  for (auto [name, offenders, sample] :
       {std::tuple<std::string_view, Offenders*, int64_t>{"self_mentions", &self_mentions_,
                                                          comments_},
        {"repeated_consecutive_comments", &repeated_comments_, comments_}}) {
    if (TextMeasure* m = measure(name)) {
      m->value = static_cast<double>(offenders->count());
      m->sample = sample;
      m->examples = std::move(offenders->smallest());
    }
  }
  for (PhraseRule& rule : phrase_rules_) {
    TextMeasure& m = out[rule.check];
    m.measured = true;
    m.value = static_cast<double>(rule.offenders.count());
    m.sample = rule.sample;
    m.examples = std::move(rule.offenders.smallest());
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<TextMeasure>> MeasureText(const ReadOnlyDatabase& db, size_t examples) {
  TextPass pass(db, examples);
  ASANASIM_RETURN_IF_ERROR(pass.Run());
  return pass.Finish();
}

}  // namespace asanasim
