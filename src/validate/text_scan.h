// The text checks' scanners: pure functions over one text (a task name, a description, a comment,
// a status update title) that find one kind of slip a reader notices, returning the offending
// phrase as a view into the text (empty when there is none). Words are runs of ASCII letters;
// matching is ASCII case-insensitive unless said otherwise. Thread-safe (pure functions).
#ifndef ASANASIM_SRC_VALIDATE_TEXT_SCAN_H_
#define ASANASIM_SRC_VALIDATE_TEXT_SCAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace asanasim {

// 0 = Monday ... 6 = Sunday for a full English weekday name ("tuesday", "Tuesday"), else -1.
int ParseWeekday(std::string_view word);

// "this <weekday>" naming a weekday that has already passed in the week of `posted_day` (days
// since the epoch, in the writer's local time zone). The week runs Monday to Sunday. The rule,
// exactly:
//   * posted Monday to Friday: an offence when the named weekday comes before the posting day
//     ("this Tuesday" written on a Friday); the posting day itself is today, and a later day is
//     still ahead;
//   * posted on a Saturday or Sunday: never (people then mean the coming week);
//   * "by <weekday>", "on <weekday>" and "next <weekday>" name the weekday's next occurrence
//     ("by Tuesday" on a Friday is next week's), and "last <weekday>" and a bare weekday the
//     past or either: never offences.
// Only the first offence is returned.
std::string_view FindPastDayReference(std::string_view text, int64_t posted_day);

// True for a word that reads as a plural noun: it ends in "s" but not in "ss", "us" or "is"
// (class, status, analysis), has three letters or more, and is not one of a short list of words
// and names that end in "s" without being plurals (news, series, always, kudos, Kubernetes,
// Jenkins, Postgres, analytics, sales, rates such as fps and Mbps, ...).
bool IsPluralNoun(std::string_view word);

// "1 <plural noun>" ("Interview 1 customers", "1 directions"): a lone digit 1 (not part of a
// number such as 11, 2.1, v1 or 1:1, nor led by - / # $ +), one space, then a plural noun
// (IsPluralNoun) ending at a word boundary. A 1 that numbers a thing rather than counts it is
// left alone: when the word before it is a label such as phase, step, day, week, sprint, tier,
// level, round, version, milestone, option or priority ("Phase 1 deliverables").
std::string_view FindSingularCountPlural(std::string_view text);

// The same word twice in a row, separated only by spaces or tabs, in any case ("Cache cache",
// "Reliability Reliability Program"). "had had" and "that that", which English allows, are not
// offences.
std::string_view FindDoubledWord(std::string_view text);

// The first line (trimmed of spaces, tabs and \r) that holds a letter or digit and appears twice
// in `text`.
std::string_view FindRepeatedLine(std::string_view text);

// The first date in `text` that is not `day` (days since the epoch): "Mar 5", "March 5",
// "Sept. 5", "Mar 5, 2026" (month names capitalized, day 1-31 not followed by a digit) or
// "2026-03-05". Without a year only the month and day are compared.
std::string_view FindDateOtherThan(std::string_view text, int64_t day);

// True when `word` occurs in `text` with no letter, digit or non-ASCII byte on either side
// (case-sensitive: "Mark" is a name, "mark" is not).
bool ContainsWholeWord(std::string_view text, std::string_view word);

// True for a lowercased word in the stop-word list of content words (ContentWords).
bool IsStopWord(std::string_view lower_word);

// Appends the content words of `text` to `out`: words of four letters or more, lowercased, that
// are not stop words. The stop words are common English function words and a few words that any
// work comment uses whatever its task (task, update, review, ready, thanks, week, ...), so that
// sharing one says nothing about a comment being on topic.
void AppendContentWords(std::string_view text, std::vector<std::string>& out);

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_TEXT_SCAN_H_
