#include "src/validate/text_scan.h"

#include <algorithm>
#include <array>

#include "src/util/civil_time.h"

namespace asanasim {
namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Letters, digits and the bytes of non-ASCII characters: what a whole word may not touch.
bool IsWordByte(char c) {
  return IsLetter(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A word's position in its text.
struct Word {
  size_t begin;
  size_t end;
};

// The next run of ASCII letters at or after `pos`; begin == end == text.size() when none.
Word NextWord(std::string_view text, size_t pos) {
  while (pos < text.size() && !IsLetter(text[pos])) ++pos;
  size_t end = pos;
  while (end < text.size() && IsLetter(text[end])) ++end;
  return {pos, end};
}

// True when text[from, to) is one or more spaces or tabs only.
bool OnlyBlanks(std::string_view text, size_t from, size_t to) {
  if (from >= to) return false;
  for (size_t i = from; i < to; ++i) {
    if (text[i] != ' ' && text[i] != '\t') return false;
  }
  return true;
}

// `word` lowercased into `buf` (words longer than the buffer are cut, which no list entry is).
std::string_view LowerInto(std::string_view word, std::array<char, 32>& buf) {
  const size_t n = std::min(word.size(), buf.size());
  for (size_t i = 0; i < n; ++i) buf[i] = Lower(word[i]);
  return {buf.data(), n};
}

bool InList(std::string_view lower_word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), lower_word) != list.end();
}

constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};

// 1..12 for "Mar", "March" or "Sept" (capitalized, as dates are written), else 0.
int ParseMonth(std::string_view word) {
  if (word.size() < 3 || !(word[0] >= 'A' && word[0] <= 'Z')) return 0;
  std::array<char, 32> buf;
  const std::string_view w = LowerInto(word, buf);
  for (size_t m = 0; m < 12; ++m) {
    if (w == kMonths[m] || w == kMonths[m].substr(0, 3)) return static_cast<int>(m) + 1;
  }
  return w == "sept" ? 9 : 0;
}

// Parses up to `max` digits at text[pos]; the count read in *len (0 when none).
int Digits(std::string_view text, size_t pos, size_t max, size_t* len) {
  int v = 0;
  size_t n = 0;
  while (pos + n < text.size() && n < max && IsDigit(text[pos + n])) {
    v = v * 10 + (text[pos + n] - '0');
    ++n;
  }
  *len = n;
  return v;
}

}  // namespace

int ParseWeekday(std::string_view word) {
  for (size_t d = 0; d < 7; ++d) {
    if (EqualsIgnoreCase(word, kWeekdays[d])) return static_cast<int>(d);
  }
  return -1;
}

std::string_view FindPastDayReference(std::string_view text, int64_t posted_day) {
  const int posted = WeekdayOf(posted_day);
  if (posted >= 5) return {};  // a weekend post means the coming week
  Word a = NextWord(text, 0);
  while (a.begin < text.size()) {
    const Word b = NextWord(text, a.end);
    if (b.begin >= text.size()) break;
    const std::string_view lead = text.substr(a.begin, a.end - a.begin);
    if (EqualsIgnoreCase(lead, "this") && OnlyBlanks(text, a.end, b.begin)) {
      const int named = ParseWeekday(text.substr(b.begin, b.end - b.begin));
      if (named >= 0 && named < posted) return text.substr(a.begin, b.end - a.begin);
    }
    a = b;
  }
  return {};
}

bool IsPluralNoun(std::string_view word) {
  if (word.size() < 3 || word.size() > 32) return false;
  std::array<char, 32> buf;
  const std::string_view w = LowerInto(word, buf);
  if (w.back() != 's' || EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is")) return false;
  return !InList(
      w, {"afterwards", "alias",   "always",  "analytics", "atlas",     "besides", "bias",
          "canvas",     "chaos",   "devops",  "does",      "economics", "ethos",   "fps",
          "gas",        "gbps",    "has",     "iops",      "its",       "jenkins", "kbps",
          "kubernetes", "kudos",   "lens",    "logistics", "mbps",      "means",   "news",
          "ops",        "perhaps", "physics", "postgres",  "qps",       "rps",     "sales",
          "series",     "species", "thanks",  "towards",   "tps",       "was",     "whereas",
          "windows",    "yes"});
}

std::string_view FindSingularCountPlural(std::string_view text) {
  for (size_t i = text.find('1'); i != std::string_view::npos; i = text.find('1', i + 1)) {
    if (i > 0) {
      const char prev = text[i - 1];
      if (IsWordByte(prev) || std::string_view(".,-/:#$+").find(prev) != std::string_view::npos)
        continue;
    }
    if (i + 2 >= text.size() || text[i + 1] != ' ' || !IsLetter(text[i + 2])) continue;
    const Word noun = NextWord(text, i + 2);
    if (noun.end < text.size() && (IsWordByte(text[noun.end]) || text[noun.end] == '\'')) continue;
    if (!IsPluralNoun(text.substr(noun.begin, noun.end - noun.begin))) continue;
    // The word before the 1, when only blanks part them: a label numbers, it does not count.
    size_t back = i;
    while (back > 0 && (text[back - 1] == ' ' || text[back - 1] == '\t')) --back;
    size_t label_begin = back;
    while (label_begin > 0 && IsLetter(text[label_begin - 1])) --label_begin;
    if (label_begin < back && back < i) {
      std::array<char, 32> buf;
      const std::string_view label = LowerInto(text.substr(label_begin, back - label_begin), buf);
      if (InList(label, {"appendix",  "batch",     "build",    "case",      "category", "chapter",
                         "class",     "cohort",    "scope",    "type",      "cycle",    "day",
                         "draft",     "episode",   "figure",   "gate",      "goal",     "grade",
                         "group",     "issue",     "item",     "iteration", "lane",     "lesson",
                         "level",     "milestone", "module",   "month",     "no",       "number",
                         "objective", "option",    "page",     "part",      "phase",    "pillar",
                         "priority",  "quarter",   "question", "release",   "revision", "round",
                         "rule",      "run",       "scenario", "season",    "section",  "sev",
                         "severity",  "slot",      "sprint",   "stage",     "step",     "table",
                         "test",      "tier",      "top",      "track",     "unit",     "version",
                         "wave",      "week",      "year",     "zone"}))
        continue;
    }
    return text.substr(i, noun.end - i);
  }
  return {};
}

std::string_view FindDoubledWord(std::string_view text) {
  Word a = NextWord(text, 0);
  while (a.begin < text.size()) {
    const Word b = NextWord(text, a.end);
    if (b.begin >= text.size()) break;
    const std::string_view first = text.substr(a.begin, a.end - a.begin);
    // Whole words only: "v2 v2" has no letters to compare, "x1 x" is not a doubled word.
    const bool whole = (a.begin == 0 || !IsWordByte(text[a.begin - 1])) &&
                       (b.end == text.size() || !IsWordByte(text[b.end])) &&
                       !IsWordByte(text[a.end]) && !IsWordByte(text[b.begin - 1]);
    if (whole && OnlyBlanks(text, a.end, b.begin) &&
        EqualsIgnoreCase(first, text.substr(b.begin, b.end - b.begin)) &&
        !EqualsIgnoreCase(first, "had") && !EqualsIgnoreCase(first, "that")) {
      return text.substr(a.begin, b.end - a.begin);
    }
    a = b;
  }
  return {};
}

std::string_view FindRepeatedLine(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    if (std::any_of(line.begin(), line.end(), IsWordByte)) {
      if (std::find(lines.begin(), lines.end(), line) != lines.end()) return line;
      lines.push_back(line);
    }
    pos = end + 1;
  }
  return {};
}

std::string_view FindDateOtherThan(std::string_view text, int64_t day) {
  const CivilDay want = CivilFromDays(day);
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && IsWordByte(text[i - 1])) continue;
    size_t len = 0;
    if (IsDigit(text[i])) {  // 2026-03-05
      const int year = Digits(text, i, 4, &len);
      if (len != 4 || i + 10 > text.size() || text[i + 4] != '-' || text[i + 7] != '-') continue;
      size_t ml = 0;
      size_t dl = 0;
      const int month = Digits(text, i + 5, 2, &ml);
      const int d = Digits(text, i + 8, 2, &dl);
      if (ml != 2 || dl != 2 || (i + 10 < text.size() && IsWordByte(text[i + 10]))) continue;
      if (year != want.year || month != want.month || d != want.day) return text.substr(i, 10);
      continue;
    }
    if (!IsLetter(text[i])) continue;
    const Word w = NextWord(text, i);
    const int month = ParseMonth(text.substr(w.begin, w.end - w.begin));
    size_t p = w.end;
    i = w.end - 1;  // the loop steps past the word
    if (month == 0) continue;
    if (p < text.size() && text[p] == '.') ++p;
    if (p >= text.size() || text[p] != ' ') continue;
    ++p;
    const int d = Digits(text, p, 2, &len);
    if (len == 0 || d < 1 || d > 31 || (p + len < text.size() && IsWordByte(text[p + len])))
      continue;
    size_t end = p + len;
    int year = want.year;
    if (end + 6 <= text.size() && text[end] == ',' && text[end + 1] == ' ') {
      size_t yl = 0;
      const int y = Digits(text, end + 2, 4, &yl);
      if (yl == 4 && (end + 6 == text.size() || !IsWordByte(text[end + 6]))) {
        year = y;
        end += 6;
      }
    }
    if (month != want.month || d != want.day || year != want.year)
      return text.substr(w.begin, end - w.begin);
  }
  return {};
}

bool ContainsWholeWord(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    const size_t end = p + word.size();
    if ((p == 0 || !IsWordByte(text[p - 1])) && (end == text.size() || !IsWordByte(text[end])))
      return true;
  }
  return false;
}

bool IsStopWord(std::string_view w) {
  return InList(
      w, {"about",    "above",   "added",   "after",   "again",   "against",  "almost",    "also",
          "although", "always",  "among",   "another", "anyone",  "anything", "around",    "back",
          "been",     "before",  "being",   "below",   "between", "both",     "check",     "could",
          "does",     "doing",   "done",    "down",    "during",  "each",     "either",    "else",
          "enough",   "even",    "ever",    "every",   "from",    "further",  "going",     "good",
          "great",    "have",    "having",  "here",    "into",    "just",     "know",      "last",
          "least",    "less",    "like",    "looks",   "made",    "make",     "many",      "might",
          "more",     "most",    "much",    "must",    "need",    "needs",    "next",      "none",
          "okay",     "only",    "other",   "ours",    "over",    "please",   "ready",     "review",
          "same",     "should",  "since",   "some",    "still",   "such",     "sure",      "take",
          "task",     "tasks",   "team",    "than",    "thank",   "thanks",   "that",      "their",
          "them",     "then",    "there",   "these",   "they",    "thing",    "things",    "think",
          "this",     "those",   "though",  "through", "today",   "tomorrow", "under",     "until",
          "update",   "updated", "updates", "upon",    "very",    "want",     "week",      "weeks",
          "well",     "were",    "what",    "when",    "where",   "which",    "while",     "will",
          "with",     "within",  "without", "work",    "working", "would",    "yesterday", "your",
          "yours"});
}

void AppendContentWords(std::string_view text, std::vector<std::string>& out) {
  for (Word w = NextWord(text, 0); w.begin < text.size(); w = NextWord(text, w.end)) {
    if (w.end - w.begin < 4 || w.end - w.begin > 32) continue;
    std::array<char, 32> buf;
    const std::string_view lower = LowerInto(text.substr(w.begin, w.end - w.begin), buf);
    if (!IsStopWord(lower)) out.emplace_back(lower);
  }
}

}  // namespace asanasim
