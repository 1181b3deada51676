// Safe to leave unattended: the output protocol (src/store/output_target.h) and signals, through
// the real binary. Two runs on one output, SIGINT/SIGTERM in each long phase, kill -9 and the next
// run, targets that are not regular files, merge onto its own input or from a corrupt shard,
// stale files beside the target, and the umask.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zstd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <thread>

#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A world that takes a few seconds to write (longer under the sanitizers).
const std::vector<std::string> kSlowWorld = {"--orgs", "12", "--users", "2000"};
const std::vector<std::string> kSmallWorld = {"--users", "60", "--projects", "6"};

// The names in `dir` (not recursive).
std::set<std::string> Names(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

// Waits (up to `limit`) until `ready` holds; false if it never did.
bool WaitFor(const std::function<bool()>& ready, double limit_s = 120) {
  const auto end = Clock::now() + std::chrono::milliseconds(static_cast<int64_t>(limit_s * 1000));
  while (Clock::now() < end) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

// True when a name in `dir` starts with `prefix` (and the file is at least `min_bytes` long).
bool HasFile(const std::string& dir, const std::string& prefix, uintmax_t min_bytes = 0) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && fs::file_size(e.path(), ec) >= min_bytes && !ec) return true;
  }
  return false;
}

struct Ended {
  int exit_code = -1;  // -1: killed by a signal
  double stop_s = 0;   // from the signal to the exit
  std::string err;
};

// Sends `signal` to `pid` and waits for it.
Ended StopWith(pid_t pid, int signal, const std::string& err_path) {
  const auto sent = Clock::now();
  kill(pid, signal);
  int status = 0;
  waitpid(pid, &status, 0);
  Ended e;
  e.stop_s = std::chrono::duration<double>(Clock::now() - sent).count();
  e.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  e.err = ReadFile(err_path);
  return e;
}

int WaitExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string HashOf(const std::string& dir, const std::string& file) {
  const RunResult r = RunAsanasim({"hash", file}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out.substr(0, r.out.find(' '));
}

TEST(UnattendedTest, ASecondRunOnTheSameOutputStopsAtOnceAndTheFirstFinishesWhole) {
  ScratchDir dir;
  const pid_t first = SpawnAsanasim(With({"generate", "--quiet", "--out", "w.sqlite"}, kSlowWorld),
                                    dir.path(), {}, dir / "first.err");
  ASSERT_TRUE(WaitFor([&] { return HasFile(dir.path(), "w.sqlite.partial.", 1 << 20); }));
  for (const bool force : {false, true}) {
    const auto start = Clock::now();
    std::vector<std::string> args = With({"generate", "--quiet", "--out", "w.sqlite"}, kSmallWorld);
    if (force) args.push_back("--force");
    const RunResult second = RunAsanasim(args, dir.path());
    EXPECT_EQ(second.exit_code, 2) << second.err;
    EXPECT_EQ(second.err, "asanasim: w.sqlite is being written by another asanasim run (pid " +
                              std::to_string(first) +
                              ", lock w.sqlite.lock); wait for it to finish or choose another "
                              "output\n");
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 10.0);
  }
  ASSERT_EQ(WaitExit(first), 0) << ReadFile(dir / "first.err");
  // The first run's file and manifest agree, and nothing else is left.
  EXPECT_EQ(Names(dir.path()),
            (std::set<std::string>{"first.err", "w.sqlite", "w.sqlite.manifest.json"}));
  const std::string manifest = ReadFile(dir / "w.sqlite.manifest.json");
  EXPECT_NE(manifest.find(HashOf(dir.path(), "w.sqlite")), std::string::npos) << manifest;
  EXPECT_EQ(Db(dir / "w.sqlite").Strings("PRAGMA integrity_check")[0], "ok");
}

struct Phase {
  std::string name;
  std::vector<std::string> inputs;                          // files it reads
  std::vector<std::string> args;                            // the command
  std::function<bool(const std::string&, pid_t)> in_phase;  // true once the run is in it
};

class SignalTest : public ::testing::TestWithParam<int> {
 protected:
  // The inputs of the phases that read databases, made once for both signals.
  static void SetUpTestSuite() {
    inputs_ = new ScratchDir();
    GenerateOrDie(kSlowWorld, "input.sqlite", inputs_->path());
    GenerateOrDie(With(kSlowWorld, {"--compress"}), "packed.sqlite", inputs_->path());
    GenerateOrDie(With(kSlowWorld, {"--org-range", "0:6"}), "s0.sqlite", inputs_->path());
    GenerateOrDie(With(kSlowWorld, {"--org-range", "6:12"}), "s1.sqlite", inputs_->path());
  }
  static void TearDownTestSuite() { delete inputs_; }
  static ScratchDir* inputs_;
};
ScratchDir* SignalTest::inputs_ = nullptr;

// Every long phase stops within a second on SIGINT (130) and SIGTERM (143), leaving exactly the
// files that were there before.
TEST_P(SignalTest, EveryLongPhaseStopsWithinASecondAndLeavesNothing) {
  const int signal = GetParam();
  const ScratchDir& inputs = *inputs_;
  const std::vector<Phase> phases = {
      {"generation",
       {},
       With({"generate", "--out", "out.sqlite"}, kSlowWorld),
       [](const std::string& d, pid_t) { return HasFile(d, "out.sqlite.partial.", 4 << 20); }},
      {"index build",
       {},
       With({"generate", "--out", "out.sqlite"}, kSlowWorld),
       [](const std::string& d, pid_t) {
         return ReadFile(d + "/err.txt").find("building indexes") != std::string::npos;
       }},
      {"compression",
       {},
       With({"generate", "--quiet", "--out", "out.sqlite", "--compress"}, kSlowWorld),
       [](const std::string& d, pid_t) { return HasFile(d, "out.sqlite.zst.partial.", 1 << 20); }},
      {"merge",
       {"s0.sqlite", "s1.sqlite"},
       {"merge", "out.sqlite", "s0.sqlite", "s1.sqlite"},
       [](const std::string& d, pid_t) { return HasFile(d, "out.sqlite.partial.", 4 << 20); }},
      {"decompression of an input",
       {"packed.sqlite.zst"},
       {"validate", "packed.sqlite.zst"},
       [](const std::string& d, pid_t) { return HasFile(d, ".asanasim-input-", 4 << 20); }},
      {"hashing", {"input.sqlite"}, {"hash", "input.sqlite"}, [](const std::string&, pid_t pid) {
         // It hashes once it has the file open (its signal handlers are in place by then).
         std::error_code ec;
         for (const auto& fd : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
           const fs::path target = fs::read_symlink(fd.path(), ec);
           if (!ec && target.filename() == "input.sqlite") return true;
         }
         return false;
       }}};
  for (const Phase& phase : phases) {
    SCOPED_TRACE(phase.name);
    ScratchDir dir;
    for (const std::string& input : phase.inputs) fs::copy_file(inputs / input, dir / input);
    const std::set<std::string> before = Names(dir.path());
    const pid_t pid = SpawnAsanasim(phase.args, dir.path(), {}, dir / "err.txt");
    ASSERT_TRUE(WaitFor([&] { return phase.in_phase(dir.path(), pid); }, 300));
    const Ended e = StopWith(pid, signal, dir / "err.txt");
    if (e.exit_code == 0) {
      ADD_FAILURE() << "the run ended before the signal landed";
      continue;
    }
    EXPECT_EQ(e.exit_code, signal == SIGINT ? 130 : 143) << e.err;
    // Within a second; the sanitizers' build sorts an index several times slower, and SQLite's
    // sorter runs no VM steps (where the interrupt is polled) while it sorts a run.
#if defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(e.stop_s, 3.0);
#else
    EXPECT_LT(e.stop_s, 1.0);
#endif
    // One line says so, the last.
    const std::string last = e.err.substr(e.err.rfind('\n', e.err.size() - 2) + 1);
    EXPECT_EQ(last.rfind("asanasim: ", 0), 0u) << e.err;
    EXPECT_NE(last.find("interrupted"), std::string::npos) << e.err;
    std::set<std::string> after = Names(dir.path());
    after.erase("err.txt");
    EXPECT_EQ(after, before);
  }
}

INSTANTIATE_TEST_SUITE_P(Signals, SignalTest, ::testing::Values(SIGINT, SIGTERM),
                         [](const auto& info) {
                           return info.param == SIGINT ? "SIGINT" : "SIGTERM";
                         });

TEST(UnattendedTest, TheRunAfterAKillNineRemovesItsLeftoversAndSucceeds) {
  ScratchDir dir;
  // generate --compress, killed while compressing: the old protocol left OUT beside OUT.zst's
  // partial file, and the same command then failed with "already exists".
  const std::vector<std::string> packed =
      With({"generate", "--quiet", "--out", "k.sqlite", "--compress"}, kSlowWorld);
  pid_t pid = SpawnAsanasim(packed, dir.path(), {}, dir / "err.txt");
  ASSERT_TRUE(WaitFor([&] { return HasFile(dir.path(), "k.sqlite.zst.partial.", 1 << 20); }));
  StopWith(pid, SIGKILL, dir / "err.txt");
  EXPECT_TRUE(HasFile(dir.path(), "k.sqlite.partial."));
  EXPECT_TRUE(fs::exists(dir / "k.sqlite.lock"));
  const RunResult again = RunAsanasim(packed, dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Names(dir.path()),
            (std::set<std::string>{"err.txt", "k.sqlite.zst", "k.sqlite.manifest.json"}));

  // validate of a .zst, killed while it decompresses: the hidden copy goes with the next run in
  // that directory.
  pid = SpawnAsanasim({"validate", "k.sqlite.zst"}, dir.path(), {}, dir / "err.txt");
  ASSERT_TRUE(WaitFor([&] { return HasFile(dir.path(), ".asanasim-input-", 1 << 20); }));
  StopWith(pid, SIGKILL, dir / "err.txt");
  EXPECT_TRUE(HasFile(dir.path(), ".asanasim-input-"));
  const RunResult hashed = RunAsanasim({"hash", "k.sqlite.zst"}, dir.path());
  EXPECT_EQ(hashed.exit_code, 0) << hashed.err;
  EXPECT_FALSE(HasFile(dir.path(), ".asanasim-input-"));
}

TEST(UnattendedTest, OnlyRegularFilesAreEverReplaced) {
  ScratchDir dir;
  ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0644), 0);
  fs::create_directory(dir / "m.sqlite.manifest.json");
  fs::create_symlink("/dev/null", dir / "link.sqlite");
  GenerateOrDie(kSmallWorld, "shard.sqlite", dir.path());
  const std::map<std::string, std::string> before = Snapshot(dir.path());
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"generate", "--out", "/dev/null", "--force"},
       "asanasim: /dev/null is a character device; asanasim replaces only regular files\n"},
      {{"generate", "--out", "/dev/full", "--force", "--compress"},
       "asanasim: /dev/full is a character device; asanasim replaces only regular files\n"},
      {{"generate", "--out", "fifo", "--force"},
       "asanasim: fifo is a FIFO; asanasim replaces only regular files\n"},
      {{"generate", "--out", "link.sqlite", "--force"},
       "asanasim: link.sqlite is a symbolic link; asanasim replaces only regular files\n"},
      {{"generate", "--out", "m.sqlite"},
       "asanasim: m.sqlite.manifest.json is a directory; asanasim replaces only regular files\n"},
      {{"generate", "--out", "newdir/"},
       "asanasim: newdir/ names a directory; give a file name (such as "
       "newdir/asana_simulation.sqlite)\n"},
      {{"generate", "--out", "-"},
       "asanasim: output '-': SQLite cannot write a database to standard output; give a file "
       "name\n"},
      {{"merge", "--force", "/dev/null", "shard.sqlite"},
       "asanasim: /dev/null is a character device; asanasim replaces only regular files\n"},
      {{"merge", "--force", "fifo", "shard.sqlite"},
       "asanasim: fifo is a FIFO; asanasim replaces only regular files\n"},
  };
  for (const Case& c : cases) {
    const RunResult r =
        RunAsanasim(c.args[0] == "merge" ? c.args : With(c.args, kSmallWorld), dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.args[2] << ": " << r.err;
    EXPECT_EQ(r.err, c.err);
  }
  struct stat st {};
  ASSERT_EQ(stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_FALSE(fs::exists("/dev/null.manifest.json"));
  EXPECT_FALSE(fs::exists("/dev/full.zst"));
  EXPECT_EQ(Snapshot(dir.path()), before);
}

TEST(UnattendedTest, MergeRefusesToOverwriteItsOwnInput) {
  ScratchDir dir;
  GenerateOrDie(With(kSmallWorld, {"--orgs", "2", "--org-range", "0:1"}), "a.sqlite", dir.path());
  GenerateOrDie(With(kSmallWorld, {"--orgs", "2", "--org-range", "1:2"}), "b.sqlite", dir.path());
  const std::map<std::string, std::string> before = Snapshot(dir.path());
  for (const char* out : {"a.sqlite", "./a.sqlite"}) {
    const RunResult r = RunAsanasim({"merge", "--force", out, "a.sqlite", "b.sqlite"}, dir.path());
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.err, std::string("asanasim: merge would overwrite its input a.sqlite (it is ") +
                         out + ")\n");
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
}

TEST(UnattendedTest, MergeRefusesAShardThatFailsTheIntegrityCheck) {
  ScratchDir dir;
  GenerateOrDie(With(kSmallWorld, {"--orgs", "2", "--org-range", "0:1"}), "a.sqlite", dir.path());
  GenerateOrDie(With(kSmallWorld, {"--orgs", "2", "--org-range", "1:2"}), "b.sqlite", dir.path());
  // One letter of a user's email, changed in place: every page still parses (quick_check passes),
  // but the table and the unique index on email disagree.
  const std::string email = Db(dir / "b.sqlite").Strings("SELECT email FROM users LIMIT 1")[0];
  std::string bytes = ReadFile(dir / "b.sqlite");
  const size_t at = bytes.find(email);
  ASSERT_NE(at, std::string::npos);
  bytes[at] = bytes[at] == 'q' ? 'z' : 'q';
  std::ofstream(dir / "b.sqlite", std::ios::binary | std::ios::trunc) << bytes;
  ASSERT_EQ(Db(dir / "b.sqlite").Strings("PRAGMA quick_check")[0], "ok");
  const RunResult r = RunAsanasim({"merge", "m.sqlite", "a.sqlite", "b.sqlite"}, dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("asanasim: b.sqlite fails SQLite's integrity check (", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(fs::exists(dir / "m.sqlite"));
  EXPECT_EQ(Names(dir.path()), (std::set<std::string>{"a.sqlite", "a.sqlite.manifest.json",
                                                      "b.sqlite", "b.sqlite.manifest.json"}));
}

TEST(UnattendedTest, AStaleWriteAheadLogBesideTheTargetIsNotReadIntoTheNewFile) {
  ScratchDir dir;
  GenerateOrDie(kSmallWorld, "t.sqlite", dir.path());
  // A -wal of t.sqlite left by a reader that died while writing (here: made on purpose).
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "t.sqlite").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"
                           "UPDATE tasks SET name = 'stale' WHERE id IN (SELECT id FROM tasks "
                           "LIMIT 500);",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    fs::copy_file(dir / "t.sqlite-wal", dir / "saved-wal");
    sqlite3_close(db);
  }
  fs::copy_file(dir / "saved-wal", dir / "t.sqlite-wal", fs::copy_options::overwrite_existing);
  const RunResult r = RunAsanasim(
      With({"generate", "--quiet", "--force", "--out", "t.sqlite", "--seed", "9"}, kSmallWorld),
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "t.sqlite-wal"));
  const std::string manifest = ReadFile(dir / "t.sqlite.manifest.json");
  EXPECT_NE(manifest.find(HashOf(dir.path(), "t.sqlite")), std::string::npos);
  EXPECT_EQ(Db(dir / "t.sqlite").Strings("PRAGMA integrity_check")[0], "ok");
}

TEST(UnattendedTest, NothingWrittenIsWorldWritableWhateverTheUmask) {
  ScratchDir dir;
  const mode_t old = umask(0);  // children inherit it
  const RunResult r = RunAsanasim(
      With({"generate", "--quiet", "--out", "sub/dir/u.sqlite", "--compress"}, kSmallWorld),
      dir.path());
  const RunResult packs = RunAsanasim({"pack", "export", "sub/packs"}, dir.path());
  umask(old);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(packs.exit_code, 0) << packs.err;
  for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
    const fs::perms p = fs::symlink_status(e.path()).permissions();
    EXPECT_EQ(p & (fs::perms::others_write | fs::perms::group_write), fs::perms::none) << e.path();
  }
}

TEST(UnattendedTest, ReadersRefuseWhatCannotBeAWholeDatabase) {
  ScratchDir dir;
  GenerateOrDie(kSmallWorld, "w.sqlite", dir.path());
  // Cut short by one byte: quick_check alone reads only the pages a query reaches.
  std::string bytes = ReadFile(dir / "w.sqlite");
  std::ofstream(dir / "short.sqlite", std::ios::binary) << bytes.substr(0, bytes.size() - 1);
  // A table dropped.
  fs::copy_file(dir / "w.sqlite", dir / "less.sqlite");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "less.sqlite").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DROP TABLE task_dependencies", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  // A zstd bomb: 128 MiB of zeros in a few KB (the old reader wrote all of it out first).
  {
    const std::string zeros(size_t{128} << 20, '\0');
    std::string packed(ZSTD_compressBound(zeros.size()), '\0');
    packed.resize(ZSTD_compress(packed.data(), packed.size(), zeros.data(), zeros.size(), 19));
    std::ofstream(dir / "bomb.sqlite.zst", std::ios::binary) << packed;
  }
  const std::map<std::string, std::string> before = Snapshot(dir.path());
  for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"validate", "--quick", "short.sqlite"},
            "asanasim: short.sqlite is corrupt or truncated ("},
           {{"hash", "less.sqlite"},
            "asanasim: less.sqlite has no table task_dependencies: not a complete asanasim "
            "database"},
           {{"validate", "bomb.sqlite.zst"},
            "asanasim: bomb.sqlite.zst expands to more than 64 MiB (100x its size): not a "
            "plausible asanasim database"}}) {
    const RunResult r = RunAsanasim(args, dir.path());
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.err.rfind(message, 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
}

// Memory is bounded by the job, not by the input: a world whose largest team job is at the limit
// runs under 1 GB (peak RSS of the process, from wait4), and one past it is refused at once.
TEST(UnattendedTest, MemoryStaysUnderAGigabyteAtTheJobSizeLimit) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "peak RSS means nothing under AddressSanitizer (shadow memory, quarantine)";
#endif
  ScratchDir dir;
  // 40 people in 4 projects: one project a team, four team jobs of about 300,000 rows each.
  const std::vector<std::string> world = {"--users", "40", "--projects", "4"};
  const RunResult over =
      RunAsanasim(With({"generate", "--out", "over.sqlite", "--tasks-per-project", "16000"}, world),
                  dir.path());
  EXPECT_EQ(over.exit_code, 2) << over.err;
  EXPECT_NE(over.err.find("would hold 1 project of about 16,000 tasks (about 320,000 rows in "
                          "one job): more than the 300,000 a job may hold"),
            std::string::npos)
      << over.err;
  EXPECT_TRUE(fs::is_empty(dir.path()));

  const pid_t pid = SpawnAsanasim(
      With({"generate", "--quiet", "--out", "at.sqlite", "--tasks-per-project", "15000"}, world),
      dir.path(), {}, dir / "err.txt");
  int status = 0;
  struct rusage usage {};
  ASSERT_EQ(wait4(pid, &status, 0, &usage), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadFile(dir / "err.txt");
  const int64_t rows = Db(dir / "at.sqlite").Int("SELECT count(*) FROM stories") +
                       Db(dir / "at.sqlite").Int("SELECT count(*) FROM tasks");
  EXPECT_GT(rows, 500000) << "the world is not at the limit";
  EXPECT_LT(usage.ru_maxrss, 1024 * 1024) << "peak RSS " << usage.ru_maxrss << " KiB";
  std::printf("peak RSS at the job size limit: %ld KiB for %lld task and story rows\n",
              usage.ru_maxrss, static_cast<long long>(rows));
}

}  // namespace
}  // namespace asanasim::testing
