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
#include "src/util/json_writer.h"
#include "src/util/status.h"

namespace asanasim {

std::string ManifestPath(const std::string& out) { return out + ".manifest.json"; }

absl::StatusOr<std::string> ReadManifestHash(const std::string& manifest_path) {
  std::ifstream in(manifest_path);
  if (!in) return absl::NotFoundError(Cat("cannot read ", manifest_path));
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  const std::string key = "\"overall\": \"";
  const size_t at = s.find(key);
  const size_t end = at == std::string::npos ? at : s.find('"', at + key.size());
  if (end == std::string::npos) {
    return absl::InvalidArgumentError(Cat(manifest_path, " records no content hash"));
  }
  return s.substr(at + key.size(), end - at - key.size());
}

int64_t PeakRssKib() {
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

absl::Status WriteManifest(const std::string& path, const Manifest& m) {
  char host[256] = {};
  ::gethostname(host, sizeof(host) - 1);
  const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  JsonWriter j;
  j.BeginObject();
  j.Key("generator").String("asanasim");
  j.Key("generator_version").String(Version());
  j.Key("schema_version").Int(kSchemaVersion);
  j.Key("command").String(m.command);
  j.Key("seed").Int(m.seed);
  j.Key("options").Raw(m.world_json.empty() ? "null" : m.world_json);
  j.Key("org_count").Int(m.org_count);
  j.Key("org_ranges").BeginArray();
  for (const auto& [begin, end] : m.org_ranges) j.BeginArray().Int(begin).Int(end).EndArray();
  j.EndArray();
  j.Key("threads").Int(m.threads);
  j.Key("database")
      .BeginObject()
      .Key("path")
      .String(m.database_path)
      .Key("bytes")
      .Int(m.database_bytes);
  j.EndObject();
  j.Key("compressed");
  if (m.compressed_path.empty()) {
    j.Null();
  } else {
    j.BeginObject().Key("path").String(m.compressed_path).Key("bytes").Int(m.compressed_bytes);
    j.Key("ratio").Double(
        m.compressed_bytes > 0 ? static_cast<double>(m.database_bytes) / m.compressed_bytes : 0);
    j.EndObject();
  }
  j.Key("rows").BeginObject();
  for (const TableHash& t : m.hash.tables) j.Key(t.table).Int(t.rows);
  j.EndObject();
  j.Key("total_rows").Int(m.hash.total_rows);
  j.Key("content_hash")
      .BeginObject()
      .Key("overall")
      .String(m.hash.overall)
      .Key("tables")
      .BeginObject();
  for (const TableHash& t : m.hash.tables) j.Key(t.table).String(t.hash);
  j.EndObject().EndObject();
  j.Key("timings_s").BeginObject();
  j.Key("total").Double(m.seconds).Key("indexes").Double(m.index_seconds);
  j.Key("hash").Double(m.hash_seconds).Key("compress").Double(m.compress_seconds);
  j.EndObject();
  j.Key("peak_rss_kib").Int(PeakRssKib());
  j.Key("host").String(host);
  j.Key("finished_at").String(TimestampString(now_ms));
  if (m.llm_json.empty()) {
    j.Key("llm").Null();
  } else {
    j.Key("llm").Raw(m.llm_json);
  }
  if (m.command == "merge") {
    j.Key("inputs").BeginArray();
    for (const ManifestInput& in : m.inputs) {
      j.BeginObject().Key("path").String(in.path).Key("content_hash").String(in.content_hash);
      j.Key("rows")
          .Int(in.rows)
          .Key("org_range")
          .BeginArray()
          .Int(in.org_begin)
          .Int(in.org_end)
          .EndArray();
      j.EndObject();
    }
    j.EndArray();
  }
  j.EndObject();

  return WriteFileAtomically(path, j.str() + "\n");
}

}  // namespace asanasim
