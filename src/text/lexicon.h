// What a reader of work text knows about the world, as three scanners over one text: the real
// casing of product names, which departments keep their records in which tools, and which way a
// business metric should move. Both `pack check` (on every template of a pack) and `validate`'s
// text section (on every generated text) use them, so a slip is caught where it is written and
// again where it lands. The lists are facts about the software industry, not about a pack: they
// judge the packs and so do not come from them. Thread-safe (pure functions over constant
// tables).
#ifndef ASANASIM_SRC_TEXT_LEXICON_H_
#define ASANASIM_SRC_TEXT_LEXICON_H_

#include <string_view>

namespace asanasim {

// A product name or acronym written in a casing its makers never use: "Github", "Ios", "IOS",
// "Postgresql", "Hubspot", "Api", "oauth". Only names whose casing is not plain capitalisation
// are known (mixed case such as GitHub, iOS, PostgreSQL, and acronyms such as API, SQL, GDPR), so
// lowercase command names ("terraform apply") are never offences; a name inside an identifier,
// path or address ("ios-app", "api.example.com", "github.com/org") is left alone.
std::string_view FindMiscasedName(std::string_view text);

// How its makers write `word` when FindMiscasedName would return it ("Github" -> "GitHub"), else
// "".
std::string_view CanonicalName(std::string_view word);

// The way the movement word that opens `text` goes (after words such as "is", "has", "back"):
// +1 for "rose", "is up", "has climbed"; -1 for "dropped", "is down"; 0 for none.
int MovementOpening(std::string_view text);

// A record kept in a tool of another department: "Qualification notes in Okta" on a Sales task,
// "Logged in Zendesk" on a Finance task. The phrase is "in|into <Tool>" in a clause that speaks
// of a record (notes, logged, tracked, filed, history, documented, ...); tools every department
// uses (Slack, Notion, Google Docs, Greenhouse for interviewers, ...) and departments the list
// does not know are never offences. `department` is the file stem of the department
// ("customer_success", see kDepartmentFiles); empty means unknown.
std::string_view FindForeignTool(std::string_view text, std::string_view department);

// A metric said to move the wrong way for what the sentence says about it: "churn rose, a great
// result", "conversion dropped, so the campaign worked", or a headline and its reason that
// disagree ("Health score dropped to red: churn is down"). Within a sentence, split at words of
// contrast (but, while, although, though, however, yet, whereas, despite), every signal must
// agree: a known metric moving (up words: rose, up, increased, grew, climbed, doubled, ...; down
// words: dropped, fell, down, decreased, declined, halved, ...; or a verb before it: cut, reduce,
// lower / raise, grow, boost) is good news when it moves the way that is good for it (churn down,
// conversion up) and bad news otherwise, and words of judgement (improved, better, win, healthy /
// worse, hurt, red, concern, regression) say which the sentence means. The first offending
// sentence segment is returned.
std::string_view FindWrongDirectionMetric(std::string_view text);

}  // namespace asanasim

#endif  // ASANASIM_SRC_TEXT_LEXICON_H_
