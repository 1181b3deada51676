#include <sqlite3.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include "asanasim/hash.h"
#include "src/sink/database_file.h"
#include "src/sink/tables.h"
#include "src/sink/zstd_file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

class Hasher {
 public:
  Hasher() : state_(XXH3_createState(), XXH3_freeState) { XXH3_128bits_reset(state_.get()); }
  void Add(const void* data, size_t n) { XXH3_128bits_update(state_.get(), data, n); }
  void AddByte(unsigned char b) { Add(&b, 1); }
  void AddU64(uint64_t v) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
    Add(b, 8);
  }
  void AddString(std::string_view s) {
    AddU64(s.size());
    Add(s.data(), s.size());
  }
  std::string Hex() const {
    const XXH128_hash_t h = XXH3_128bits_digest(state_.get());
    char buf[33];
    std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return buf;
  }

 private:
  std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state_;
};

}  // namespace

absl::StatusOr<DatabaseHash> HashDatabase(const std::string& path,
                                          const std::vector<std::string>& skip,
                                          const std::string& scratch_dir) {
  ASANASIM_ASSIGN_OR_RETURN(DatabaseInput input, DatabaseInput::Open(path, scratch_dir));
  ASANASIM_ASSIGN_OR_RETURN(ReadOnlyDatabase db, ReadOnlyDatabase::Open(input.path(), path));
  DatabaseHash out;
  Hasher overall;
  for (size_t t = 0; t < kTableCount; ++t) {
    const TableDesc& desc = Describe(t);
    if (std::find(skip.begin(), skip.end(), desc.name) != skip.end()) continue;
    std::string columns;
    for (std::string_view c : desc.columns) columns += Cat(columns.empty() ? "" : ", ", c);
    ASANASIM_ASSIGN_OR_RETURN(const std::string order, db.PrimaryKeyOrder(desc.name));
    ASANASIM_ASSIGN_OR_RETURN(Statement rows, db.Prepare(Cat("SELECT ", columns, " FROM ",
                                                             desc.name, " ORDER BY ", order)));
    Hasher h;
    TableHash th{std::string(desc.name), 0, ""};
    int step;
    sqlite3_stmt* s = rows.get();
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
      ++th.rows;
      for (int c = 0; c < static_cast<int>(desc.columns.size()); ++c) {
        const int type = sqlite3_column_type(s, c);
        h.AddByte(static_cast<unsigned char>(type));
        switch (type) {
          case SQLITE_INTEGER:
            h.AddU64(static_cast<uint64_t>(sqlite3_column_int64(s, c)));
            break;
          case SQLITE_FLOAT: {
            const double d = sqlite3_column_double(s, c);
            uint64_t bits;
            std::memcpy(&bits, &d, sizeof(bits));
            h.AddU64(bits);
            break;
          }
          case SQLITE_TEXT:
          case SQLITE_BLOB: {
            const void* p = type == SQLITE_TEXT
                                ? static_cast<const void*>(sqlite3_column_text(s, c))
                                : sqlite3_column_blob(s, c);
            h.AddString(std::string_view(static_cast<const char*>(p),
                                         static_cast<size_t>(sqlite3_column_bytes(s, c))));
            break;
          }
          default:
            break;
        }
      }
    }
    if (step != SQLITE_DONE) return db.Error(step, Cat("reading table ", desc.name));
    th.hash = h.Hex();
    overall.AddString(th.table);
    overall.AddU64(static_cast<uint64_t>(th.rows));
    overall.AddString(th.hash);
    out.total_rows += th.rows;
    out.tables.push_back(std::move(th));
  }
  out.overall = overall.Hex();
  return out;
}

}  // namespace asanasim
