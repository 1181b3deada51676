#include "src/llm/prompts.h"

#include <fstream>
#include <sstream>

#include "src/model/row_hasher.h"
#include "src/util/embedded_files.h"
#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

absl::StatusOr<std::string> Read(const std::string& dir, std::string_view rel) {
  if (dir.empty()) {
    for (const EmbeddedFile& f : EmbeddedFiles()) {
      if (f.path == rel) return std::string(f.text);
    }
    return absl::InternalError(Cat("prompt ", rel, " is not embedded"));
  }
  const std::string path = Cat(dir, "/", rel);
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(Cat("prompts: cannot read ", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string PromptSet::FileName(Department d) {
  return std::string(kDepartmentFiles[static_cast<size_t>(d)]);
}

absl::StatusOr<PromptSet> PromptSet::Load(const std::string& dir) {
  PromptSet p;
  RowHasher digest;  // over every prompt text
  ASANASIM_ASSIGN_OR_RETURN(p.system_, Read(dir, "system.txt"));
  p.system_ = std::string(Trim(p.system_));
  digest.Text(p.system_);
  for (size_t s = 0; s < kLlmSlots.size(); ++s) {
    ASANASIM_ASSIGN_OR_RETURN(std::string text, Read(dir, Cat("slots/", kLlmSlots[s], ".txt")));
    p.slots_[s] = std::string(Trim(text));
    digest.Text(p.slots_[s]);
  }
  for (int d = 0; d < kDepartmentCount; ++d) {
    const auto dept = static_cast<Department>(d);
    const std::string rel = Cat("departments/", FileName(dept), ".txt");
    ASANASIM_ASSIGN_OR_RETURN(std::string text, Read(dir, rel));
    digest.Text(text);
    DepartmentPrompts& dp = p.departments_[static_cast<size_t>(d)];
    int section = -1;  // -1: the context before the first heading
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("## ", 0) == 0) {
        const std::string name(Trim(line.substr(3)));
        section = -2;
        for (size_t s = 0; s < kLlmSlots.size(); ++s) {
          if (kLlmSlots[s] == name) section = static_cast<int>(s);
        }
        if (section == -2)
          return absl::InvalidArgumentError(Cat("prompts: ", rel, ": unknown slot '", name, "'"));
        continue;
      }
      if (section == -1) {
        dp.context += line + "\n";
      } else if (!Trim(line).empty()) {
        dp.examples[static_cast<size_t>(section)].push_back(Unescape(Trim(line)));
      }
    }
    dp.context = std::string(Trim(dp.context));
    for (size_t s = 0; s < kLlmSlots.size(); ++s) {
      if (dp.examples[s].empty()) {
        return absl::InvalidArgumentError(
            Cat("prompts: ", rel, " has no examples for '", kLlmSlots[s], "'"));
      }
    }
  }
  p.digest_ = digest.Hex();
  return p;
}

}  // namespace asanasim
