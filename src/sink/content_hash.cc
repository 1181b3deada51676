#include "src/sink/content_hash.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include "src/sink/sqlite_writer.h"
#include "src/sink/tables.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

// FNV-1a, 64-bit.
class Fnv64 {
 public:
  void Add(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) {
      h_ ^= p[i];
      h_ *= 0x100000001b3ULL;
    }
  }
  void AddByte(unsigned char b) { Add(&b, 1); }
  void AddU64(uint64_t v) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
    Add(b, 8);
  }
  std::string Hex() const {
    char buf[17];
    std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

absl::StatusOr<Stmt> Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, sql);
  return Stmt(s);
}

absl::StatusOr<std::string> OrderBy(sqlite3* db, std::string_view table) {
  ASANASIM_ASSIGN_OR_RETURN(Stmt info, Prepare(db, Cat("SELECT name, pk FROM pragma_table_info('",
                                                       table, "') WHERE pk > 0 ORDER BY pk")));
  std::string order;
  while (sqlite3_step(info.get()) == SQLITE_ROW) {
    if (!order.empty()) order += ", ";
    order += reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0));
  }
  return order.empty() ? std::string("rowid") : order;
}

}  // namespace

absl::StatusOr<std::vector<TableHash>> HashTables(const std::string& path,
                                                  const std::vector<std::string>& skip) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return SqliteStatus(raw, rc, Cat("cannot open ", path));
  std::vector<TableHash> out;
  for (size_t t = 0; t < kTableCount; ++t) {
    const TableDesc& desc = Describe(t);
    if (std::find(skip.begin(), skip.end(), desc.name) != skip.end()) continue;
    ASANASIM_ASSIGN_OR_RETURN(const std::string order, OrderBy(db.get(), desc.name));
    std::string columns;
    for (std::string_view c : desc.columns) columns += Cat(columns.empty() ? "" : ", ", c);
    ASANASIM_ASSIGN_OR_RETURN(Stmt rows, Prepare(db.get(), Cat("SELECT ", columns, " FROM ",
                                                               desc.name, " ORDER BY ", order)));
    Fnv64 h;
    TableHash th{std::string(desc.name), 0, ""};
    int step;
    while ((step = sqlite3_step(rows.get())) == SQLITE_ROW) {
      ++th.rows;
      for (int c = 0; c < static_cast<int>(desc.columns.size()); ++c) {
        const int type = sqlite3_column_type(rows.get(), c);
        h.AddByte(static_cast<unsigned char>(type));
        switch (type) {
          case SQLITE_INTEGER:
            h.AddU64(static_cast<uint64_t>(sqlite3_column_int64(rows.get(), c)));
            break;
          case SQLITE_FLOAT: {
            const double d = sqlite3_column_double(rows.get(), c);
            uint64_t bits;
            std::memcpy(&bits, &d, sizeof(bits));
            h.AddU64(bits);
            break;
          }
          case SQLITE_TEXT:
          case SQLITE_BLOB: {
            const void* p = type == SQLITE_TEXT
                                ? static_cast<const void*>(sqlite3_column_text(rows.get(), c))
                                : sqlite3_column_blob(rows.get(), c);
            const int n = sqlite3_column_bytes(rows.get(), c);
            h.AddU64(static_cast<uint64_t>(n));
            h.Add(p, static_cast<size_t>(n));
            break;
          }
          default:
            break;
        }
      }
    }
    if (step != SQLITE_DONE) return SqliteStatus(db.get(), step, Cat("reading ", desc.name));
    th.hash = h.Hex();
    out.push_back(std::move(th));
  }
  return out;
}

}  // namespace asanasim
