#include "tests/integration/harness.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace asanasim::testing {
namespace {

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

ScratchDir::ScratchDir() {
  char tmpl[] = "/tmp/asanasim_test_XXXXXX";
  if (mkdtemp(tmpl) == nullptr) std::abort();
  path_ = tmpl;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(path_, ec);
}

RunResult RunAsanasim(const std::vector<std::string>& args, const std::string& cwd,
                      const std::map<std::string, std::string>& env) {
  static int counter = 0;
  const std::string base = std::filesystem::temp_directory_path().string() + "/asanasim_run_" +
                           std::to_string(::getpid()) + "_" + std::to_string(++counter);
  const std::string out_file = base + ".stdout";
  const std::string err_file = base + ".stderr";
  std::string cmd = "cd " + Quote(cwd) + " && env -i PATH=/usr/bin:/bin HOME=/tmp";
  // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on `" " + std::string&&`.
  auto append = [&cmd](std::string_view prefix, const std::string& word) {
    cmd.append(prefix);
    cmd.append(Quote(word));
  };
  for (const auto& [k, v] : env) append(" ", k + "=" + v);
  append(" ", ASANASIM_BINARY);
  for (const std::string& a : args) append(" ", a);
  append(" >", out_file);
  append(" 2>", err_file);
  cmd.append(" </dev/null");
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out_file);
  r.err = ReadFile(err_file);
  std::filesystem::remove(out_file);
  std::filesystem::remove(err_file);
  return r;
}

void GenerateOrDie(const std::vector<std::string>& args, const std::string& out,
                   const std::string& cwd) {
  std::vector<std::string> all = {"generate", "--quiet", "--out", out};
  all.insert(all.end(), args.begin(), args.end());
  const RunResult r = RunAsanasim(all, cwd);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

Db::Db(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path;
  }
}

Db::~Db() { sqlite3_close(db_); }

namespace {

// The first column of the first row of `sql`, read with `get`; `fallback` on no row or error.
template <typename T, typename Get>
T Scalar(sqlite3* db, const std::string& sql, T fallback, Get get) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(db) << " in " << sql;
    return fallback;
  }
  T v = sqlite3_step(s) == SQLITE_ROW ? get(s) : fallback;
  sqlite3_finalize(s);
  return v;
}

}  // namespace

int64_t Db::Int(const std::string& sql) const {
  return Scalar<int64_t>(db_, sql, -1, [](sqlite3_stmt* s) { return sqlite3_column_int64(s, 0); });
}

double Db::Real(const std::string& sql) const {
  return Scalar<double>(db_, sql, -1.0,
                        [](sqlite3_stmt* s) { return sqlite3_column_double(s, 0); });
}

std::vector<std::string> Db::Strings(const std::string& sql) const {
  std::vector<std::string> out;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(db_) << " in " << sql;
    return out;
  }
  while (sqlite3_step(s) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(s, 0);
    out.emplace_back(t ? reinterpret_cast<const char*>(t) : "NULL");
  }
  sqlite3_finalize(s);
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    std::error_code ec;
    const auto size = e.is_regular_file() ? e.file_size(ec) : 0;
    const auto mtime = std::filesystem::last_write_time(e.path(), ec).time_since_epoch().count();
    out[e.path().string()] = std::to_string(size) + "@" + std::to_string(mtime);
  }
  return out;
}

// Starts asanasim with `args` in `cwd` (environment: PATH, HOME and `env`), stderr into
// `err_path`; the caller waits for it.
pid_t SpawnAsanasim(const std::vector<std::string>& args, const std::string& cwd,
                    const std::map<std::string, std::string>& env, const std::string& err_path) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) dup2(err, STDERR_FILENO);
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
    }
    std::vector<std::string> words = {ASANASIM_BINARY};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<std::string> vars = {"PATH=/usr/bin:/bin", "HOME=/tmp"};
    for (const auto& [k, v] : env) vars.push_back(k + "=" + v);
    std::vector<char*> argv;
    std::vector<char*> envp;
    for (std::string& w : words) argv.push_back(w.data());
    for (std::string& v : vars) envp.push_back(v.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    execve(ASANASIM_BINARY, argv.data(), envp.data());
    _exit(127);
  }
  return pid;
}

}  // namespace asanasim::testing
