#include "src/cli/command_line.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <string>

#include "asanasim/generate.h"
#include "src/config/generate_settings.h"

namespace asanasim {
namespace {

constexpr CommandSpec kGenerate{.name = "generate", .reads_configuration = true};

// What `asanasim generate` ends up with: the options after parsing and the checks that combine
// them.
struct CliConfig {
  GenerateOptions options;
  bool help = false;
};

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/asanasim_config_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  absl::StatusOr<CliConfig> Parse(const std::vector<std::string>& args) {
    CliConfig config;
    const SettingBinding bindings[] = {SettingBinding(GenerateSettings(), config.options)};
    absl::StatusOr<ParsedCommandLine> parsed =
        ParseCommandLine(kGenerate, bindings, args,
                         {.env = [this](const char* k) -> const char* {
                            auto it = env_.find(k);
                            return it == env_.end() ? nullptr : it->second.c_str();
                          },
                          .dotenv_path = dir_ + "/.env"});
    if (!parsed.ok()) return parsed.status();
    config.help = parsed->help;
    if (config.help) return config;
    if (!parsed->operands.empty())
      return absl::InvalidArgumentError("unexpected argument '" + parsed->operands[0] + "'");
    absl::Status valid = ValidateOptions(config.options);
    if (!valid.ok()) return valid;
    return config;
  }

  std::string dir_;
  std::map<std::string, std::string> env_;
};

TEST_F(ConfigTest, DefaultsWithoutAnything) {
  absl::StatusOr<CliConfig> c = Parse({});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->options.out, "output/asana_simulation.sqlite");
  EXPECT_EQ(c->options.users, 300);
  EXPECT_EQ(c->options.seed, 42u);
  EXPECT_EQ(c->options.as_of_ms, 1782864000000);
  EXPECT_FALSE(c->options.force);
}

TEST_F(ConfigTest, PrecedenceFlagsConfigEnvDotenv) {
  Write(".env",
        "# the seed's "
        "keys\nDB_PATH=from_dotenv.sqlite\nSEED_COUNT_USERS=11\nSEED_COUNT_PROJECTS=\"12\"\n"
        "export SEED_COUNT_TASKS_PER_PROJECT=13\nGROQ_API_KEY=gsk_ignored\nOTHER_TOOL=1\n");
  env_["SEED_COUNT_PROJECTS"] = "22";
  env_["ASANASIM_MONTHS"] = "3";
  const std::string cfg = Write("run.conf", "tasks-per-project = 33\nmonths = 4 # comment\n");
  absl::StatusOr<CliConfig> c = Parse({"--config", cfg, "--months=5", "--force"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->options.out, "from_dotenv.sqlite");  // .env
  EXPECT_EQ(c->options.users, 11);                  // .env
  EXPECT_EQ(c->options.projects, 22);               // environment beats .env
  EXPECT_EQ(c->options.tasks_per_project, 33);      // --config beats .env
  EXPECT_EQ(c->options.months, 5);                  // flag beats all
  EXPECT_TRUE(c->options.force);
}

TEST_F(ConfigTest, OrgRangeAndAsOf) {
  absl::StatusOr<CliConfig> c =
      Parse({"--orgs", "8", "--org-range", "2:5", "--as-of", "2026-03-15T10:00:00Z"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->options.org_begin, 2u);
  EXPECT_EQ(c->options.org_end, 5u);
  EXPECT_EQ(c->options.as_of_ms, 1773568800000);
}

TEST_F(ConfigTest, ErrorsNameTheCulprit) {
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  const std::vector<Case> cases = {
      {{"--users", "-5"}, "--users"},
      {{"--users", "abc"}, "--users"},
      {{"--users", "0"}, "--users"},
      {{"--users", "99999999"}, "--users"},
      {{"--projects", "1e3"}, "--projects"},
      {{"--months", "0"}, "--months"},
      {{"--as-of", "2026-02-30"}, "--as-of"},
      {{"--seed", "-1"}, "--seed"},
      {{"--orgs", "0"}, "--orgs"},
      {{"--orgs", "4", "--org-range", "3:5"}, "--org-range"},
      {{"--org-range", "2:1"}, "--org-range"},
      {{"--bogus", "1"}, "--bogus"},
      {{"--users"}, "--users"},
      {{"positional"}, "positional"},
      {{"--threads", "5000"}, "--threads"},
      {{"--seed", "99999999999999999999"}, "--seed"},
  };
  for (const Case& k : cases) {
    absl::StatusOr<CliConfig> c = Parse(k.args);
    ASSERT_FALSE(c.ok()) << k.args[0];
    EXPECT_TRUE(absl::IsInvalidArgument(c.status()));
    EXPECT_NE(std::string(c.status().message()).find(k.needle), std::string::npos) << c.status();
    EXPECT_EQ(std::string(c.status().message()).find('\n'), std::string::npos);
  }
}

TEST_F(ConfigTest, BadDotenvAndConfigKeys) {
  Write(".env", "SEED_COUNT_USRS=5\n");
  absl::StatusOr<CliConfig> c = Parse({});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(std::string(c.status().message()).find("SEED_COUNT_USRS"), std::string::npos);

  Write(".env", "SEED_COUNT_USERS=lots\n");
  c = Parse({});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(std::string(c.status().message()).find("SEED_COUNT_USERS"), std::string::npos);

  Write(".env", "");
  const std::string cfg = Write("bad.conf", "users = 10\nuserz = 3\n");
  c = Parse({"--config", cfg});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(std::string(c.status().message()).find("bad.conf:2"), std::string::npos) << c.status();

  c = Parse({"--config", dir_ + "/missing.conf"});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(std::string(c.status().message()).find("missing.conf"), std::string::npos);

  env_["ASANASIM_USERS"] = "x";
  c = Parse({});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(std::string(c.status().message()).find("ASANASIM_USERS"), std::string::npos);
}

TEST_F(ConfigTest, Help) {
  absl::StatusOr<CliConfig> c = Parse({"--users", "5", "--help"});
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->help);
  GenerateOptions options;
  const SettingBinding bindings[] = {SettingBinding(GenerateSettings(), options)};
  const std::string help = CommandHelp(kGenerate, bindings);
  EXPECT_NE(help.find("--tasks-per-project N"), std::string::npos) << help;
  EXPECT_NE(help.find("(default 40)"), std::string::npos) << help;
  EXPECT_NE(help.find("SEED_COUNT_TASKS_PER_PROJECT"), std::string::npos) << help;
  EXPECT_NE(help.find("GROQ_API_KEY"), std::string::npos) << help;
  EXPECT_EQ(help.find("--GROQ_API_KEY"), std::string::npos) << help;
}

TEST_F(ConfigTest, ShortFlagsEndOfOptionsAndTheKeyIsNoFlag) {
  absl::StatusOr<CliConfig> c = Parse({"-s", "7", "-j", "3", "-o", "x.sqlite", "-f"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->options.seed, 7u);
  EXPECT_EQ(c->options.threads, 3);
  EXPECT_EQ(c->options.out, "x.sqlite");
  EXPECT_TRUE(c->options.force);
  c = Parse({"--", "--users"});  // after --, an operand: generate takes none
  ASSERT_FALSE(c.ok());
  EXPECT_NE(std::string(c.status().message()).find("'--users'"), std::string::npos);
  c = Parse({"--GROQ_API_KEY", "gsk_x"});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(std::string(c.status().message()).find("gsk_x"), std::string::npos);
  env_["GROQ_API_KEY"] = "gsk_env";
  c = Parse({});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->options.llm.api_key, "gsk_env");
  EXPECT_TRUE(c->options.llm.enabled());
}

// Every setting's own range check and the checks that library callers get agree: a value the
// parser refuses, ValidateOptions refuses when set by hand.
TEST(GenerateSettingsTest, RangesApplyToOptionsFilledByHand) {
  EXPECT_TRUE(ValidateOptions(GenerateOptions{}).ok());
  GenerateOptions o;
  o.users = 0;
  EXPECT_NE(std::string(ValidateOptions(o).message()).find("--users 0 is out of range"),
            std::string::npos);
  o = GenerateOptions{};
  o.llm.share = 1.5;
  EXPECT_NE(std::string(ValidateOptions(o).message()).find("--llm-share"), std::string::npos);
  o = GenerateOptions{};
  o.llm.mode = "claude";
  EXPECT_NE(std::string(ValidateOptions(o).message()).find("--llm claude is not off or groq"),
            std::string::npos);
  o = GenerateOptions{};
  o.seed = ~uint64_t{0};
  EXPECT_NE(std::string(ValidateOptions(o).message()).find("--seed"), std::string::npos);
}

}  // namespace
}  // namespace asanasim
