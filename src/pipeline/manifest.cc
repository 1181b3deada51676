#include "src/pipeline/manifest.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "asanasim/generate.h"
#include "src/model/schema.h"
#include "src/util/civil_time.h"
#include "src/util/file.h"
#include "src/util/json.h"
#include "src/util/status.h"

namespace asanasim {

std::string ManifestPath(const std::string& out) { return out + ".manifest.json"; }

absl::StatusOr<std::string> ReadManifestHash(const std::string& manifest_path) {
  std::ifstream in(manifest_path);
  if (!in) return absl::NotFoundError(Cat("cannot read ", manifest_path));
  std::stringstream text;
  text << in.rdbuf();
  absl::StatusOr<Json> manifest = ParseJson(text.str());
  if (!manifest.ok())
    return absl::InvalidArgumentError(Cat(manifest_path, ": ", manifest.status().message()));
  const Json* hash = Member(*manifest, "content_hash");
  const std::string overall = hash == nullptr ? "" : StringMember(*hash, "overall");
  if (overall.empty())
    return absl::InvalidArgumentError(Cat(manifest_path, " records no content hash"));
  return overall;
}

int64_t PeakRssKib() {
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::string ManifestText(const Manifest& m) {
  char host[256] = {};
  ::gethostname(host, sizeof(host) - 1);
  const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  Json j = {{"generator", "asanasim"},
            {"generator_version", Version()},
            {"schema_version", kSchemaVersion},
            {"command", m.command},
            {"seed", m.seed},
            {"options", m.world},
            {"org_count", m.org_count}};
  Json& ranges = j["org_ranges"] = Json::array();
  for (const auto& [begin, end] : m.org_ranges) ranges.push_back({begin, end});
  j["threads"] = m.threads;
  j["database"] = {{"path", m.database_path}, {"bytes", m.database_bytes}};
  j["compressed"] =
      m.compressed_path.empty()
          ? Json()
          : Json{{"path", m.compressed_path},
                 {"bytes", m.compressed_bytes},
                 {"ratio", m.compressed_bytes > 0
                               ? static_cast<double>(m.database_bytes) / m.compressed_bytes
                               : 0.0}};
  Json& rows = j["rows"] = Json::object();
  Json tables = Json::object();
  for (const TableHash& t : m.hash.tables) {
    rows[t.table] = t.rows;
    tables[t.table] = t.hash;
  }
  j["total_rows"] = m.hash.total_rows;
  j["content_hash"] = {{"overall", m.hash.overall}, {"tables", std::move(tables)}};
  j["timings_s"] = {{"total", m.seconds},
                    {"indexes", m.index_seconds},
                    {"hash", m.hash_seconds},
                    {"compress", m.compress_seconds}};
  j["peak_rss_kib"] = PeakRssKib();
  j["host"] = std::string(host);
  j["finished_at"] = TimestampString(now_ms);
  j["llm"] = m.llm;
  if (m.command == "merge") {
    Json& inputs = j["inputs"] = Json::array();
    for (const ManifestInput& in : m.inputs) {
      Json ranges = Json::array();
      for (const auto& [begin, end] : in.org_ranges) ranges.push_back({begin, end});
      inputs.push_back({{"path", in.path},
                        {"content_hash", in.content_hash},
                        {"rows", in.rows},
                        {"org_ranges", std::move(ranges)}});
    }
  }
  return DumpJson(j, /*pretty=*/true) + "\n";
}

}  // namespace asanasim
