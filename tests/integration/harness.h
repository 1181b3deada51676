// Helpers for integration tests: a scratch directory, running the real asanasim binary, and
// querying the databases it writes. Thread-compatible.
#ifndef ASANASIM_TESTS_INTEGRATION_HARNESS_H_
#define ASANASIM_TESTS_INTEGRATION_HARNESS_H_

#include <sqlite3.h>
#include <sys/types.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace asanasim::testing {

// A fresh directory under /tmp, removed with everything in it on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs build/asanasim with `args` in directory `cwd`, with `env` added to a minimal environment
// (PATH and HOME only, so the developer's variables cannot leak in).
RunResult RunAsanasim(const std::vector<std::string>& args, const std::string& cwd,
                      const std::map<std::string, std::string>& env = {});

// Starts asanasim with `args` in `cwd` (environment: PATH, HOME and `env`), stderr into
// `err_path`; the caller waits for it (waitpid).
pid_t SpawnAsanasim(const std::vector<std::string>& args, const std::string& cwd,
                    const std::map<std::string, std::string>& env, const std::string& err_path);

// `args` followed by `more`.
inline std::vector<std::string> With(std::vector<std::string> args,
                                     std::initializer_list<std::string> more) {
  args.insert(args.end(), more);
  return args;
}
inline std::vector<std::string> With(std::vector<std::string> args,
                                     const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// Runs `asanasim generate --quiet` with `args` into `out`; fails the test on a non-zero exit.
void GenerateOrDie(const std::vector<std::string>& args, const std::string& out,
                   const std::string& cwd);

// A read-only connection to a database.
class Db {
 public:
  explicit Db(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  int64_t Int(const std::string& sql) const;
  double Real(const std::string& sql) const;
  std::vector<std::string> Strings(const std::string& sql) const;
  sqlite3* raw() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

std::string ReadFile(const std::string& path);

// name -> (size, mtime) of every entry below `dir`, to prove a failed run changed nothing.
std::map<std::string, std::string> Snapshot(const std::string& dir);

}  // namespace asanasim::testing

#endif  // ASANASIM_TESTS_INTEGRATION_HARNESS_H_
