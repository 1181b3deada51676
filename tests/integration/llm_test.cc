// Tier 3 over real HTTP: the binary talks to a fake Groq server (tests/llm/fake_groq.py) that the
// tests start on loopback. Pools fill, a cached re-run makes no request and gives the same bytes,
// pacing uses the limit without exceeding it, every fault is survived, fatal errors and quotas
// fall back to templates with one clear line, budgets hold, and the key never leaks.
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

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

TEST(LlmTest, PoolsFromTheServerThenACachedRerunIsIdenticalAndMakesNoRequest) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult first = RunAsanasim(With(With({"generate", "--out", "a.sqlite"}, kWorld), kFast),
                                      dir.path(), Env(server));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const int64_t requests = server.Requests();
  EXPECT_EQ(requests, 72) << "36 pools x 16 variants in batches of 8";
  EXPECT_NE(first.out.find("llm: 72 requests"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("0 fallbacks"), std::string::npos) << first.out;
  const std::string a = dir / "a.sqlite";
  const int64_t llm_notes = Count(a, "SELECT count(*) FROM tasks WHERE notes_source = 'llm'");
  const int64_t notes = Count(a, "SELECT count(*) FROM tasks WHERE notes_source IS NOT NULL");
  EXPECT_GT(llm_notes, notes / 5);
  EXPECT_LT(llm_notes, notes / 2);
  EXPECT_GT(Count(a, "SELECT count(*) FROM stories WHERE text_source = 'llm'"), 50);
  EXPECT_EQ(Count(a,
                  "SELECT count(*) FROM stories WHERE text_source = 'llm' AND type <> "
                  "'comment'"),
            0);
  // Placeholders were filled: no brace reached the database (validate's no_placeholder_text).
  const RunResult v = RunAsanasim({"validate", "a.sqlite"}, dir.path());
  EXPECT_EQ(v.exit_code, 0) << v.out;
  const std::string manifest = ReadFile(dir / "a.sqlite.manifest.json");
  EXPECT_NE(manifest.find("\"requests\": 72"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"cache_hits\": 0"), std::string::npos);

  const RunResult again = RunAsanasim(With(With({"generate", "--out", "b.sqlite"}, kWorld), kFast),
                                      dir.path(), Env(server));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(server.Requests(), requests) << "a cached re-run must not call the server";
  EXPECT_TRUE(ReadFile(a) == ReadFile(dir / "b.sqlite")) << "cached re-run differs";
  EXPECT_NE(again.out.find("72 cache hits"), std::string::npos) << again.out;

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

TEST(LlmTest, PacingUsesTheLimitWithoutExceedingIt) {
  // 600 requests per minute = 10 per second, a bucket of one second: 108 requests take ~10 s.
  FakeGroq server({"--rpm", "600", "--tpm", "1000000000"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult r =
      RunAsanasim({"llm", "warm", "--llm-rpm", "600", "--llm-tpm", "100000000", "--llm-burst", "1",
                   "--llm-pool-size", "24", "--llm-concurrency", "8", "--llm-cache", "cache"},
                  dir.path(), Env(server));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::vector<double> t = server.Times();
  ASSERT_EQ(t.size(), 108u);
  std::sort(t.begin(), t.end());
  EXPECT_EQ(server.Status("429"), 0) << "the client ran into the server's limit";
  // After the first second's bucket, the rate is the limit: within 90% and 105% of 10/s.
  const double span = t.back() - t[10];
  const double rate = static_cast<double>(t.size() - 11) / span;
  EXPECT_GE(rate, 9.0) << "uses at least 90% of the limit";
  EXPECT_LE(rate, 10.5) << "does not exceed the limit";
  // No 3-second window holds more than the limit's 30 plus the one-second bucket's 10.
  for (size_t i = 0; i < t.size(); ++i) {
    const size_t in_window =
        std::upper_bound(t.begin(), t.end(), t[i] + 3.0) - (t.begin() + static_cast<long>(i));
    EXPECT_LE(in_window, 40u) << "burst at " << t[i];
  }
  EXPECT_NE(r.out.find("108 requests"), std::string::npos) << r.out;
}

TEST(LlmTest, EveryFaultIsSurvivedAndEveryPoolFilled) {
  FakeGroq server({"--rpm", "100000", "--tpm", "1000000000", "--faults",
                   "500,reset,429,malformed,truncated,wrong_count,slow,bad_items,503,"
                   "json_validate_failed,502,498"});
  ASSERT_TRUE(server.up());
  ScratchDir dir;
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "f.sqlite", "--llm-timeout-ms", "10000"}, kWorld), kFast),
      dir.path(), Env(server));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 fallbacks"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("576 variants"), std::string::npos) << r.out;
  EXPECT_GE(server.Status("429"), 1);
  const std::string manifest = ReadFile(dir / "f.sqlite.manifest.json");
  EXPECT_NE(manifest.find("\"rate_limited\": 1"), std::string::npos) << manifest;
  EXPECT_EQ(manifest.find("\"retries\": 0,"), std::string::npos) << manifest;
  EXPECT_EQ(manifest.find("\"dropped_items\": 0,"), std::string::npos) << manifest;
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
  EXPECT_NE(r.out.find("40 variants"), std::string::npos) << r.out;  // 5 answers of 8
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
  EXPECT_NE(r.out.find("24 variants"), std::string::npos) << r.out;
}

TEST(LlmTest, OfflineWithAnEmptyCacheUsesTemplatesAndNoNetwork) {
  ScratchDir dir;
  const RunResult r = RunAsanasim(
      With(With({"generate", "--out", "o.sqlite", "--llm", "groq", "--llm-offline"}, kWorld),
           kFast),
      dir.path(), {{"GROQ_BASE_URL", "http://127.0.0.1:9"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 requests"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("576 fallbacks"), std::string::npos) << r.out;
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

}  // namespace
}  // namespace asanasim::testing
