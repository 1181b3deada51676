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
      if (f.path == rel) return std::string(Trim(f.text));
    }
    return absl::InternalError(Cat("prompt ", rel, " is not embedded"));
  }
  const std::string path = Cat(dir, "/", rel);
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(Cat("prompts: cannot read ", path));
  std::ostringstream text;
  text << in.rdbuf();
  return std::string(Trim(text.str()));
}

}  // namespace

absl::StatusOr<PromptSet> PromptSet::Load(const std::string& dir) {
  PromptSet p;
  ASANASIM_ASSIGN_OR_RETURN(p.system_, Read(dir, "system.txt"));
  ASANASIM_ASSIGN_OR_RETURN(p.task_, Read(dir, "archetype.txt"));
  ASANASIM_ASSIGN_OR_RETURN(p.department_system_, Read(dir, "department.txt"));
  RowHasher digest;
  digest.Text(p.system_);
  digest.Text(p.task_);
  digest.Text(p.department_system_);
  p.digest_ = digest.Hex();
  return p;
}

}  // namespace asanasim
