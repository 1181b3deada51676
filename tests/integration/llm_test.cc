// Tier 3 over real HTTP: the binary talks to a fake Groq server (tests/llm/fake_groq.py) that the
// tests start on loopback. The LLM writes archetypes that pass `pack check` and tell coherent,
// varied stories; a cached re-run makes no request and gives the same bytes; pacing uses the
// limit without exceeding it; every fault is survived; fatal errors and quotas leave the packs'
// own archetypes with one clear line; budgets hold; and the key never leaks.
#include <curl/curl.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "src/util/json.h"
#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

constexpr char kKey[] = "gsk_test_Zq8xKEYdoNotLeak51";

// The fake server as a child process; stopped when this goes out of scope.
class FakeGroq {
 public:
  explicit FakeGroq(std::vector<std::string> args) {
    args.insert(args.begin(), {"python3", ASANASIM_FAKE_GROQ, "--key", kKey});
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execvp("python3", argv.data());
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    if (line.rfind("PORT ", 0) == 0) port_ = std::stoi(line.substr(5));
  }
  ~FakeGroq() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool up() const { return port_ > 0; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // GET /stats, parsed.
  Json Stats() const {
    std::string body;
    CURL* curl = curl_easy_init();
    const std::string u = url() + "/stats";
    curl_easy_setopt(curl, CURLOPT_URL, u.c_str());
    curl_easy_setopt(
        curl, CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* user) {
          static_cast<std::string*>(user)->append(d, s * n);
          return s * n;
        });
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    absl::StatusOr<Json> j = ParseJson(body);
    return j.ok() ? *j : Json();
  }
  int64_t Requests() const {
    const Json s = Stats();
    const Json* n = Member(s, "requests");
    return n == nullptr ? -1 : n->get<int64_t>();
  }
  int64_t Status(const std::string& code) const {
    const Json s = Stats();
    const Json* st = Member(s, "statuses");
    const Json* n = st == nullptr ? nullptr : Member(*st, code);
    return n == nullptr ? 0 : n->get<int64_t>();
  }
  std::vector<double> Times() const {
    std::vector<double> out;
    const Json s = Stats();
    if (const Json* t = Member(s, "times"); t != nullptr && t->is_array()) {
      for (const Json& v : *t) out.push_back(v.get<double>());
    }
    return out;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

std::map<std::string, std::string> Env(const FakeGroq& server) {
  return {{"GROQ_API_KEY", kKey}, {"GROQ_BASE_URL", server.url()}};
}

// Fast limits for tests (the defaults are Groq's free tier: 30 requests per minute).
const std::vector<std::string> kFast = {"--llm-rpm", "6000",        "--llm-tpm",
                                        "100000000", "--llm-cache", "cache"};
const std::vector<std::string> kWorld = {"--users", "80", "--projects", "10"};

int64_t Count(const std::string& db, const std::string& sql) { return Db(db).Int(sql); }

// Every byte the run left behind: no file (database, manifest, cache entry, decompressed) and no
// output line holds the key.
void ExpectNoKeyIn(const std::string& dir, const RunResult& r) {
  EXPECT_EQ(r.out.find(kKey), std::string::npos);
  EXPECT_EQ(r.err.find(kKey), std::string::npos);
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string bytes = ReadFile(e.path().string());
    if (e.path().extension() == ".zst") {
      const unsigned long long n = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
      ASSERT_NE(n, ZSTD_CONTENTSIZE_ERROR) << e.path();
      std::string plain(n, '\0');
      ZSTD_decompress(plain.data(), plain.size(), bytes.data(), bytes.size());
      bytes += plain;
    }
    EXPECT_EQ(bytes.find(kKey), std::string::npos) << "the key leaked into " << e.path();
  }
}

// The value of text check `name` in `validate --json`'s report.
double TextMeasure(const std::string& dir, const std::string& db, const std::string& name) {
  const RunResult v = RunAsanasim({"validate", db, "--json"}, dir);
  absl::StatusOr<Json> j = ParseJson(v.out);
  if (!j.ok()) return -1;
  const Json* measures = Member(*j, "text");
  if (measures == nullptr || !measures->is_array()) return -1;
  for (const Json& m : *measures) {
    if (StringMember(m, "name") == name && Member(m, "value") != nullptr &&
        Member(m, "value")->is_number())
      return Member(m, "value")->get<double>();
  }
  return -1;
}

// "N of M archetypes accepted" in the summary line: N.
int64_t Accepted(const std::string& out) {
  const size_t at = out.find(" archetypes accepted");
  if (at == std::string::npos) return -1;
  size_t of = out.rfind(" of ", at);
  size_t begin = out.rfind(' ', of - 1);
  return std::stoll(out.substr(begin + 1, of - begin - 1));
}

TEST(LlmTest, ArchetypesFromTheServerThenACachedRerunIsIdenticalAndMakesNoRequest) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult first = RunAsanasim(With(With({"generate", "--out", "a.sqlite"}, kWorld), kFast),
                                      dir.path(), Env(server));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const int64_t requests = server.Requests();
  // 9 departments x 8 archetypes, 2 a request, and the rejects asked for again.
  EXPECT_GT(requests, 36);
  EXPECT_NE(first.out.find("72 of 72 archetypes accepted"), std::string::npos) << first.out;
  // The fake server answers some bad archetypes; each reject is counted by its reason.
  const std::string manifest = ReadFile(dir / "a.sqlite.manifest.json");
  EXPECT_NE(manifest.find("\"archetypes\": 72"), std::string::npos) << manifest;
  EXPECT_EQ(manifest.find("\"rejected\": 0,"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"reject_reasons\": {"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"pack check: unknown placeholder\": "), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"cache_hits\": 0"), std::string::npos);
  const std::string a = dir / "a.sqlite";
  // Half the top-level tasks (--llm-share 0.5) are told by the LLM's archetypes, and their text
  // rows say so; no other row does.
  const int64_t top = Count(a, "SELECT count(*) FROM tasks WHERE parent_id IS NULL");
  const int64_t llm_top =
      Count(a, "SELECT count(*) FROM tasks WHERE parent_id IS NULL AND archetype LIKE '%/llm-%'");
  EXPECT_GT(llm_top, top * 4 / 10);
  EXPECT_LT(llm_top, top * 6 / 10);
  EXPECT_GT(Count(a, "SELECT count(*) FROM tasks WHERE notes_source = 'llm'"), 20);
  EXPECT_EQ(Count(a,
                  "SELECT count(*) FROM tasks WHERE notes_source = 'llm' AND "
                  "archetype NOT LIKE '%/llm-%'"),
            0);
  EXPECT_GT(Count(a, "SELECT count(*) FROM stories WHERE text_source = 'llm'"), 100);
  EXPECT_EQ(Count(a,
                  "SELECT count(*) FROM stories s JOIN tasks t ON t.id = s.task_id WHERE "
                  "s.text_source = 'llm' AND (s.type <> 'comment' OR t.archetype NOT LIKE "
                  "'%/llm-%')"),
            0);
  // The rows are sound and the LLM's stories are varied and coherent.
  const RunResult v = RunAsanasim({"validate", "a.sqlite"}, dir.path());
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_GE(TextMeasure(dir.path(), "a.sqlite", "llm_comments_distinct"), 0.9);
  EXPECT_GE(TextMeasure(dir.path(), "a.sqlite", "llm_comment_coherence"), 0.8);

  const RunResult again = RunAsanasim(With(With({"generate", "--out", "b.sqlite"}, kWorld), kFast),
                                      dir.path(), Env(server));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(server.Requests(), requests) << "a cached re-run must not call the server";
  EXPECT_TRUE(ReadFile(a) == ReadFile(dir / "b.sqlite")) << "cached re-run differs";
  EXPECT_NE(again.out.find(std::to_string(requests) + " cache hits"), std::string::npos)
      << again.out;

  // A node without network: offline, same cache, no key.
  const RunResult offline = RunAsanasim(
      With(With({"generate", "--out", "c.sqlite", "--llm", "groq", "--llm-offline"}, kWorld),
           kFast),
      dir.path());
  ASSERT_EQ(offline.exit_code, 0) << offline.err;
  EXPECT_TRUE(ReadFile(a) == ReadFile(dir / "c.sqlite")) << "offline run differs";
  EXPECT_EQ(server.Requests(), requests);
  ExpectNoKeyIn(dir.path(), first);
  ExpectNoKeyIn(dir.path(), again);
}

TEST(LlmTest, ExportedArchetypesPassPackCheckAndTellTheStoriesOfAPackDirRun) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  ASSERT_EQ(RunAsanasim({"pack", "export", "packs"}, dir.path()).exit_code, 0);
  const RunResult warm = RunAsanasim(
      With({"llm", "warm", "--orgs", "3", "--llm-archetypes", "4", "--export", "packs"}, kFast),
      dir.path(), Env(server));
  ASSERT_EQ(warm.exit_code, 0) << warm.out << warm.err;
  EXPECT_NE(warm.out.find("wrote "), std::string::npos) << warm.out;
  // Three orgs use more than one pack: every department file of theirs got its four.
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "packs")) {
    if (e.path().string().ends_with(".llm.toml")) ++files;
  }
  EXPECT_GT(files, 9u);
  EXPECT_NE(warm.out.find(std::to_string(files * 4) + " of " + std::to_string(files * 4) +
                          " archetypes accepted"),
            std::string::npos)
      << warm.out;
  // Not one accepted archetype fails `pack check` (its lint included).
  const RunResult check = RunAsanasim({"pack", "check", "packs"}, dir.path());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  // The files are the packs' now: a run without the tier tells their stories.
  const RunResult run =
      RunAsanasim({"generate", "--out", "p.sqlite", "--orgs", "3", "--users", "300", "--projects",
                   "20", "--pack-dir", "packs", "--llm", "off", "--quiet"},
                  dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_GT(Count(dir / "p.sqlite", "SELECT count(*) FROM stories WHERE text_source = 'llm'"), 100);
  EXPECT_EQ(RunAsanasim({"validate", "p.sqlite"}, dir.path()).exit_code, 0);
}

TEST(LlmTest, PackAuthorWritesPacksThatPackCheckAcceptsAndGenerateUses) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  for (const auto& [industry, pack] :
       {std::pair<std::string, std::string>{"Municipal water utility", "municipal-water-utility"},
        {"Indie game studio", "indie-game-studio"}}) {
    const std::string out = "packs-" + pack;
    const RunResult author = RunAsanasim(
        With({"pack", "author", "--industry", industry, "--out", out, "--llm-archetypes", "4"},
             kFast),
        dir.path(), Env(server));
    ASSERT_EQ(author.exit_code, 0) << author.out << author.err;
    EXPECT_NE(author.out.find("wrote the pack " + pack + " to " + out + "/" + pack +
                              ": 6 departments by the LLM, 3 reused, 36 archetypes"),
              std::string::npos)
        << author.out;
    // The files a person reads: the pack's departments and its LLM archetypes.
    EXPECT_TRUE(std::filesystem::exists(dir / (out + "/" + pack + "/engineering.toml")));
    EXPECT_TRUE(std::filesystem::exists(dir / (out + "/" + pack + "/archetypes/sales.llm.toml")));
    EXPECT_NE(ReadFile(dir / (out + "/" + pack + "/pack.toml")).find("\"saas/people\""),
              std::string::npos);
    const RunResult check = RunAsanasim({"pack", "check", out}, dir.path());
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    // Organizations of the industry (org 4 of seed 42 draws one of its company kinds), told by
    // the pack.
    const RunResult run =
        RunAsanasim({"generate", "--out", pack + ".sqlite", "--orgs", "24", "--users", "300",
                     "--projects", "20", "--pack-dir", out, "--llm", "off", "--quiet"},
                    dir.path());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string db = dir / (pack + ".sqlite");
    EXPECT_GT(Count(db, "SELECT count(*) FROM organizations WHERE industry = '" + industry + "'"),
              0);
    EXPECT_GT(Count(db, "SELECT count(*) FROM tasks WHERE archetype LIKE '" + pack + "/%/llm-%'"),
              100);
    const RunResult v = RunAsanasim({"validate", pack + ".sqlite"}, dir.path());
    EXPECT_EQ(v.exit_code, 0) << v.out;
  }
  // The same command again, from the cache: the same files, no request.
  const int64_t requests = server.Requests();
  const RunResult again = RunAsanasim(With({"pack", "author", "--industry", "Indie game studio",
                                            "--out", "again", "--llm-archetypes", "4"},
                                           kFast),
                                      dir.path(), Env(server));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(server.Requests(), requests);
  EXPECT_EQ(ReadFile(dir / "again/indie-game-studio/archetypes/sales.llm.toml"),
            ReadFile(dir / "packs-indie-game-studio/indie-game-studio/archetypes/sales.llm.toml"));
  // Bad input: an industry a pack serves, a department that is not one.
  const RunResult served =
      RunAsanasim(With({"pack", "author", "--industry", "Fintech", "--out", "x"}, kFast),
                  dir.path(), Env(server));
  EXPECT_EQ(served.exit_code, 2);
  EXPECT_NE(served.err.find("industry \"Fintech\" is served by the pack fintech already"),
            std::string::npos)
      << served.err;
  const RunResult unknown = RunAsanasim(
      With({"pack", "author", "--industry", "Ski resort", "--out", "x", "--departments", "legal"},
           kFast),
      dir.path(), Env(server));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("--departments: 'legal' is not a department"), std::string::npos)
      << unknown.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "x"));
}

TEST(LlmTest, PacingUsesTheLimitWithoutExceedingIt) {
  // 600 requests per minute, at most a sixtieth of it in any second (--llm-burst 1): the first
  // round's 108 requests go ten a second, so they span 10 s at best. (The server answers no bad
  // archetype; the few the checks still reject are asked for again once the round is over.)
  FakeGroq server({"--rpm", "600", "--tpm", "1000000000", "--good-only"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult r = RunAsanasim({"llm", "warm", "--llm-rpm", "600", "--llm-tpm", "100000000",
                                   "--llm-burst", "1", "--llm-archetypes", "12", "--llm-batch", "1",
                                   "--llm-concurrency", "8", "--llm-cache", "cache"},
                                  dir.path(), Env(server));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::vector<double> t = server.Times();
  ASSERT_GE(t.size(), 108u);
  std::sort(t.begin(), t.end());
  EXPECT_EQ(server.Status("429"), 0) << "the client ran into the server's limit";
  // Never more than ten in a second (a little less than one, for the trip to the server)...
  for (size_t i = 0; i < t.size(); ++i) {
    const size_t in_window =
        std::upper_bound(t.begin(), t.end(), t[i] + 0.98) - (t.begin() + static_cast<long>(i));
    EXPECT_LE(in_window, 10u) << "burst at " << t[i];
  }
  // ...and no slower than 90% of that.
  EXPECT_LE(t[107] - t.front(), 10.0 / 0.9) << "uses at least 90% of the limit";
  EXPECT_NE(r.out.find(std::to_string(t.size()) + " requests"), std::string::npos) << r.out;
}

TEST(LlmTest, EveryFaultIsSurvivedAndEveryDepartmentGetsItsArchetypes) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000", "--faults",
                   "500,reset,429,malformed,truncated,wrong_count,slow,bad_items,503,"
                   "json_validate_failed,502,498"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "f.sqlite", "--llm-timeout-ms", "10000"}, kWorld), kFast),
      dir.path(), Env(server));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("72 of 72 archetypes accepted"), std::string::npos) << r.out;
  EXPECT_GE(server.Status("429"), 1);
  const std::string manifest = ReadFile(dir / "f.sqlite.manifest.json");
  EXPECT_NE(manifest.find("\"rate_limited\": 1"), std::string::npos) << manifest;
  EXPECT_EQ(manifest.find("\"retries\": 0,"), std::string::npos) << manifest;
  EXPECT_EQ(manifest.find("\"rejected\": 0,"), std::string::npos) << manifest;
  EXPECT_EQ(RunAsanasim({"validate", "f.sqlite"}, dir.path()).exit_code, 0);
  ExpectNoKeyIn(dir.path(), r);
}

TEST(LlmTest, WrongKeyFallsBackToTemplatesWithOneClearLine) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  std::map<std::string, std::string> env = Env(server);
  env["GROQ_API_KEY"] = std::string(kKey) + "x";  // wrong
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "w.sqlite", "--quiet"}, kWorld), kFast), dir.path(), env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "asanasim: LLM tier stopped: Groq rejected the API key (HTTP 401); check "
            "GROQ_API_KEY: Invalid API Key; the rest of the text comes from templates\n");
  EXPECT_LE(server.Requests(), 4)
      << "a fatal error stops the tier (at most the requests in flight)";
  EXPECT_EQ(Count(dir / "w.sqlite", "SELECT count(*) FROM tasks WHERE notes_source = 'llm'"), 0);
  EXPECT_EQ(r.err.find(env["GROQ_API_KEY"]), std::string::npos);
  ExpectNoKeyIn(dir.path(), r);
}

TEST(LlmTest, AServerThatNeverAnswersStopsTheTierAfterAFewSilentRequests) {
  // The server reads every request and never answers: each request costs one --llm-timeout-ms,
  // and three silent in a row stop the tier; the run completes on templates.
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000", "--hang"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "h.sqlite", "--quiet", "--llm-timeout-ms", "1500"}, kWorld),
           kFast),
      dir.path(), Env(server));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "asanasim: LLM tier stopped: Groq at " + server.url() +
                " sent no byte in 1.50 s to 3 requests in a row (--llm-timeout-ms); check the "
                "server or GROQ_BASE_URL; the rest of the text comes from templates\n");
  // Four in flight at once, the fourth abandoned: one timeout and a backoff, not 6 x 72 of them.
  EXPECT_LE(server.Requests(), 8);
  EXPECT_LT(seconds, 30.0) << "a silent server must not hold the run";
  const std::string manifest = ReadFile(dir / "h.sqlite.manifest.json");
  EXPECT_NE(manifest.find("\"stopped\": \"Groq at"), std::string::npos) << manifest;
  EXPECT_EQ(Count(dir / "h.sqlite", "SELECT count(*) FROM tasks WHERE notes_source = 'llm'"), 0);
}

TEST(LlmTest, TheDeadlineBoundsThePoolPhaseAndTheRunGoesOnWithWhatWasAnswered) {
  // Answers take 0.4 s each, one at a time: the 36 requests would take 15 s; the deadline is 3 s.
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000", "--latency", "0.4"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "d.sqlite", "--llm-concurrency", "1", "--llm-deadline", "3"},
                kWorld),
           kFast),
      dir.path(), Env(server));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("\nasanasim: LLM tier stopped at its deadline (--llm-deadline 3.00 s); the "
                       "rest of the text comes from templates (the cache keeps what was written, "
                       "so a re-run continues)\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("(stopped at --llm-deadline 3.00 s)"), std::string::npos) << r.out;
  EXPECT_GT(Accepted(r.out), 0) << r.out;
  EXPECT_LT(Accepted(r.out), 72) << r.out;
  EXPECT_LT(seconds, 20.0);
  const std::string manifest = ReadFile(dir / "d.sqlite.manifest.json");
  EXPECT_NE(manifest.find("\"deadline_passed\": true"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"deadline_s\": 3"), std::string::npos) << manifest;
  EXPECT_GT(Count(dir / "d.sqlite", "SELECT count(*) FROM tasks WHERE notes_source = 'llm'"), 0);
  EXPECT_EQ(RunAsanasim({"validate", "d.sqlite"}, dir.path()).exit_code, 0);
}

TEST(LlmTest, RetiredModelStopsTheTier) {
  FakeGroq server({});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  std::map<std::string, std::string> env = Env(server);
  env["GROQ_MODEL"] = "llama-3.3-70b-versatile";
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "m.sqlite", "--quiet"}, kWorld), kFast), dir.path(), env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("does not know this model (HTTP 404)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("llama-3.3-70b-versatile"), std::string::npos) << r.err;
}

TEST(LlmTest, DailyQuotaParksTheTierAndTheRunCompletes) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000", "--rpd", "5"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "q.sqlite", "--llm-concurrency", "1"}, kWorld), kFast),
      dir.path(), Env(server));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("daily quota is used up"), std::string::npos) << r.err;
  EXPECT_EQ(server.Status("200"), 5);
  EXPECT_LE(server.Requests(), 7) << "parked: no spinning on the quota";
  // Five answers of two archetypes, less the rejects.
  EXPECT_GT(Accepted(r.out), 0) << r.out;
  EXPECT_LE(Accepted(r.out), 10) << r.out;
  EXPECT_EQ(RunAsanasim({"validate", "q.sqlite"}, dir.path()).exit_code, 0);
}

TEST(LlmTest, BudgetsCapRequests) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "b.sqlite", "--llm-max-requests", "3"}, kWorld), kFast),
      dir.path(), Env(server));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server.Requests(), 3);
  EXPECT_GT(Accepted(r.out), 0) << r.out;  // three answers of two archetypes
  EXPECT_LE(Accepted(r.out), 6) << r.out;
}

TEST(LlmTest, OfflineWithAnEmptyCacheUsesTemplatesAndNoNetwork) {
  ScratchDir dir;
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "o.sqlite", "--llm", "groq", "--llm-offline"}, kWorld),
           kFast),
      dir.path(), {{"GROQ_BASE_URL", "http://127.0.0.1:9"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 requests"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0 of 72 archetypes accepted"), std::string::npos) << r.out;
  EXPECT_EQ(Count(dir / "o.sqlite", "SELECT count(*) FROM tasks WHERE notes_source = 'llm'"), 0);
}

TEST(LlmTest, TheKeyIsNeverAFlagAndGroqNeedsOne) {
  ScratchDir dir;
  const RunResult flag = RunAsanasim({"generate", "--groq-api-key", kKey}, dir.path());
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.err.find("unknown option '--groq-api-key'"), std::string::npos) << flag.err;
  EXPECT_EQ(flag.err.find(kKey), std::string::npos);
  const RunResult none = RunAsanasim({"generate", "--llm", "groq"}, dir.path());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("needs GROQ_API_KEY"), std::string::npos) << none.err;
  const RunResult dotenv_off =
      RunAsanasim({"generate", "--llm", "off", "--quiet"}, dir.path(), {{"GROQ_API_KEY", kKey}});
  EXPECT_EQ(dotenv_off.exit_code, 0) << dotenv_off.err;
  EXPECT_NE(ReadFile(dir / "output/asana_simulation.sqlite.manifest.json").find("\"llm\": null"),
            std::string::npos);
}

TEST(LlmTest, AnInterruptStopsThePoolPhaseAtOnceAndTheSameCommandResumes) {
  // Slow answers, so the signal lands with requests in flight.
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000", "--latency", "0.3"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const std::vector<std::string> run =
      With(With(With({"generate"}, kWorld), kFast), {"--llm-batch", "1"});
  const RunResult whole =
      RunAsanasim(With(run, {"--out", "whole.sqlite"}), dir.path(), Env(server));
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const int64_t needed = server.Requests();
  ASSERT_GT(needed, 72);  // 72 archetypes one a request, and the rejects asked for again

  // The same command with its own cache, stopped by SIGINT once a dozen requests were sent.
  const std::vector<std::string> resumable = With(
      With({"generate", "-v", "--out", "b.sqlite"}, kWorld),
      {"--llm-rpm", "6000", "--llm-tpm", "100000000", "--llm-cache", "cache2", "--llm-batch", "1"});
  const pid_t pid = SpawnAsanasim(resumable, dir.path(), Env(server), dir / "err.txt");
  ASSERT_GT(pid, 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (server.Requests() < needed + 12 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const int64_t sent_before = server.Requests() - needed;
  ASSERT_LT(sent_before, needed) << "the run ended before it could be interrupted";
  const auto signalled = std::chrono::steady_clock::now();
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  const double stop_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 130) << status;
  EXPECT_LT(stop_s, 1.0) << "the pool phase must stop within a second";
  const std::string err = ReadFile(dir / "err.txt");
  EXPECT_NE(err.find("interrupted in the LLM pool phase"), std::string::npos) << err;
  EXPECT_EQ(err.find(kKey), std::string::npos);
  // Nothing partial: no database, and exactly one cache entry per answered request.
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().rfind("b.sqlite", 0), std::string::npos) << e.path();
  size_t answered = 0;
  for (size_t at = 0; (at = err.find(": 200 in ", at)) != std::string::npos; ++at) ++answered;
  size_t cached = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "cache2"))
    cached += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(cached, answered) << err;
  EXPECT_GT(cached, 0u);

  // Resumed: only the missing requests go out, and the result is the uninterrupted run's.
  const int64_t before_resume = server.Requests();
  std::vector<std::string> resume = With(run, {"--out", "b.sqlite"});
  *(std::find(resume.begin(), resume.end(), "--llm-cache") + 1) = "cache2";
  const RunResult resumed = RunAsanasim(resume, dir.path(), Env(server));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(server.Requests() - before_resume, needed - static_cast<int64_t>(cached));
  EXPECT_TRUE(ReadFile(dir / "whole.sqlite") == ReadFile(dir / "b.sqlite"))
      << "a resumed run differs from an uninterrupted one";
}

TEST(LlmTest, SlidingWindowLimitsAreNeverExceededAndTheBudgetIsUsed) {
  // A strict minute window at 40x the free tier's requests and 25x its tokens: a request of one
  // archetype uses about 3,100 tokens (a 2,200-token prompt), so tokens bind. Reserving the whole
  // completion cap (2,112) would fit about 46 requests in the first minute, 71% of the limit;
  // reserving what requests really use fits about 60.
  FakeGroq server({"--rpm", "1200", "--tpm", "200000", "--latency", "0.05"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult r = RunAsanasim(
      {"llm", "warm", "-v", "--llm-rpm", "1200", "--llm-tpm", "200000", "--llm-archetypes", "10",
       "--llm-batch", "1", "--llm-concurrency", "8", "--llm-cache", "cache"},
      dir.path(), Env(server));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_GT(server.Requests(), 90);
  EXPECT_EQ(server.Status("429"), 0) << r.err;
  const Json stats = server.Stats();
  const Json* v = Member(stats, "violations");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(Member(*v, "tpm")->get<int64_t>(), 0);
  EXPECT_EQ(Member(*v, "rpm")->get<int64_t>(), 0);
  // Within the first minute, the accepted tokens come close to the limit (requests were
  // waiting), which reserving the cap could not do.
  int64_t first_minute = 0;
  for (const Json& a : *Member(stats, "accepted")) {
    if (a[0].get<double>() - (*Member(stats, "accepted"))[0][0].get<double>() < 59)
      first_minute += a[1].get<int64_t>();
  }
  EXPECT_GT(first_minute, 0.8 * 200000) << r.err;
  EXPECT_LE(first_minute, 200000);
  // -v: one line per request, with its status and tokens; progress names the wait.
  EXPECT_NE(r.err.find("llm: request 1/90 attempt 1: 200 in "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("waiting"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("for TPM"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kKey), std::string::npos);
}

}  // namespace
}  // namespace asanasim::testing
