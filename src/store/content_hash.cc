#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "asanasim/hash.h"
#include "src/model/row_hasher.h"
#include "src/model/tables.h"
#include "src/store/database_file.h"
#include "src/store/zstd_file.h"
#include "src/util/status.h"

namespace asanasim {

std::string RowHasher::Hex() const {
  // The digest of everything so far, buffered bytes included, leaving this stream open.
  std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> copy(XXH3_createState(),
                                                                       XXH3_freeState);
  XXH3_copyState(copy.get(), state_.get());
  XXH3_128bits_update(copy.get(), buffer_.data(), used_);
  const XXH128_hash_t h = XXH3_128bits_digest(copy.get());
  char buf[33];
  std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

void CombineTableHashes(DatabaseHash& hash) {
  RowHasher overall;
  hash.total_rows = 0;
  for (const TableHash& t : hash.tables) {
    overall.Text(t.table);
    overall.Integer(t.rows);
    overall.Text(t.hash);
    hash.total_rows += t.rows;
  }
  hash.overall = overall.Hex();
}

absl::StatusOr<DatabaseHash> HashDatabase(const std::string& path,
                                          const std::vector<std::string>& skip,
                                          const std::string& scratch_dir) {
  ASANASIM_ASSIGN_OR_RETURN(DatabaseInput input, DatabaseInput::Open(path, scratch_dir));
  ASANASIM_ASSIGN_OR_RETURN(ReadOnlyDatabase db, ReadOnlyDatabase::Open(input.path(), path));
  DatabaseHash out;
  for (size_t t = 0; t < kTableCount; ++t) {
    const TableDesc& desc = Describe(t);
    if (std::find(skip.begin(), skip.end(), desc.name) != skip.end()) continue;
    std::string columns;
    for (std::string_view c : desc.columns) columns += Cat(columns.empty() ? "" : ", ", c);
    ASANASIM_ASSIGN_OR_RETURN(const std::string order, db.PrimaryKeyOrder(desc.name));
    ASANASIM_ASSIGN_OR_RETURN(Statement rows, db.Prepare(Cat("SELECT ", columns, " FROM ",
                                                             desc.name, " ORDER BY ", order)));
    RowHasher h;
    TableHash th{std::string(desc.name), 0, ""};
    int step;
    sqlite3_stmt* s = rows.get();
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
      ++th.rows;
      for (int c = 0; c < static_cast<int>(desc.columns.size()); ++c) {
        switch (sqlite3_column_type(s, c)) {
          case SQLITE_INTEGER:
            h.Integer(sqlite3_column_int64(s, c));
            break;
          case SQLITE_FLOAT:
            h.Float(sqlite3_column_double(s, c));
            break;
          case SQLITE_TEXT:
            h.Text({reinterpret_cast<const char*>(sqlite3_column_text(s, c)),
                    static_cast<size_t>(sqlite3_column_bytes(s, c))});
            break;
          case SQLITE_BLOB:
            h.Text({static_cast<const char*>(sqlite3_column_blob(s, c)),
                    static_cast<size_t>(sqlite3_column_bytes(s, c))},
                   RowHasher::kBlob);
            break;
          default:
            h.Null();
        }
      }
    }
    if (step != SQLITE_DONE) return db.Error(step, Cat("reading table ", desc.name));
    th.hash = h.Hex();
    out.tables.push_back(std::move(th));
  }
  CombineTableHashes(out);
  return out;
}

}  // namespace asanasim
