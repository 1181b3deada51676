// A Batch holds every row one job produced, per table, ready for the writer: cells in a flat
// array and all text in one arena per table, so building a row allocates nothing once the
// vectors have grown. Thread-compatible: one job fills it, then the writer reads it.
#ifndef ASANASIM_SRC_MODEL_BATCH_H_
#define ASANASIM_SRC_MODEL_BATCH_H_

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "src/model/tables.h"

namespace asanasim {

struct Cell {
  enum class Kind : uint8_t { kNull, kInt, kReal, kText };
  union {
    int64_t i;
    double d;
    uint64_t text_offset;
  };
  uint32_t text_length;
  Kind kind;
};

// Rows of one table: width() cells per row.
class TableRows {
 public:
  TableRows() = default;
  TableRows(const TableRows&) = delete;
  TableRows& operator=(const TableRows&) = delete;
  TableRows(TableRows&&) = default;
  TableRows& operator=(TableRows&&) = default;

  size_t width() const { return width_; }
  size_t rows() const { return width_ == 0 ? 0 : cells_.size() / width_; }
  size_t cell_count() const { return cells_.size(); }
  const Cell& cell(size_t i) const { return cells_[i]; }
  std::string_view text(const Cell& c) const {
    return {text_.data() + c.text_offset, c.text_length};
  }

  // Appending a row: call these width() times, in column order.
  TableRows& Int(int64_t v) {
    Cell& c = cells_.emplace_back();
    c.i = v;
    c.kind = Cell::Kind::kInt;
    return *this;
  }
  TableRows& Real(double v) {
    Cell& c = cells_.emplace_back();
    c.d = v;
    c.kind = Cell::Kind::kReal;
    return *this;
  }
  TableRows& Null() {
    Cell& c = cells_.emplace_back();
    c.i = 0;
    c.kind = Cell::Kind::kNull;
    return *this;
  }
  // An id, or NULL when id == 0 (no generated id is 0).
  TableRows& IdOrNull(int64_t id) { return id == 0 ? Null() : Int(id); }
  TableRows& Bool(bool v) { return Int(v ? 1 : 0); }
  TableRows& Text(std::string_view v) {
    BeginText();
    text_.append(v);
    return EndText();
  }
  TableRows& Timestamp(int64_t ms);
  TableRows& TimestampOrNull(int64_t ms, bool present) { return present ? Timestamp(ms) : Null(); }
  TableRows& Date(int64_t days);
  TableRows& DateOrNull(int64_t days, bool present) { return present ? Date(days) : Null(); }

  // Builds a text cell in place: BeginText(), append to the returned string, EndText().
  std::string& BeginText() {
    text_start_ = text_.size();
    return text_;
  }
  TableRows& EndText();

  // One cell of each cell type of tables.inc (what Batch::Add writes a row with).
  void PutId(IdCell v) { Int(v); }
  void PutOptId(OptIdCell v) { IdOrNull(v); }
  void PutInt(IntCell v) { Int(v); }
  void PutOptInt(const OptIntCell& v) { v.has_value() ? Int(*v) : Null(); }
  void PutReal(RealCell v) { Real(v); }
  void PutOptReal(const OptRealCell& v) { v.has_value() ? Real(*v) : Null(); }
  void PutText(TextCell v) { Text(v); }
  void PutOptText(const OptTextCell& v) { v.has_value() ? Text(*v) : Null(); }
  void PutTime(TimeCell v) { Timestamp(v); }
  void PutOptTime(const OptTimeCell& v) { v.has_value() ? Timestamp(*v) : Null(); }
  void PutDate(DateCell v) { Date(v); }
  void PutOptDate(const OptDateCell& v) { v.has_value() ? Date(*v) : Null(); }
  void PutBool(BoolCell v) { Bool(v); }

 private:
  friend class Batch;
  void Clear() {
    cells_.clear();
    text_.clear();
  }
  size_t width_ = 0;
  std::vector<Cell> cells_;
  std::string text_;
  size_t text_start_ = 0;
};

// AppendRow(rows, row) for every row type: the one place a table's cells are written in order.
#define ASANASIM_TABLE(enumerator, name, Row, key_columns) \
  inline void AppendRow(TableRows& rows, const Row& row) {
#define ASANASIM_COLUMN(name, type) rows.Put##type(row.name);
#define ASANASIM_END_TABLE() }
#include "src/model/tables.inc"
#undef ASANASIM_TABLE
#undef ASANASIM_COLUMN
#undef ASANASIM_END_TABLE

class Batch {
 public:
  // `sequence` orders batches for the writer (0, 1, 2, ... with no gaps).
  explicit Batch(uint64_t sequence);
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  uint64_t sequence() const { return sequence_; }
  // Empties every table, keeping the memory, and gives the batch a new sequence number.
  void Reset(uint64_t sequence);
  TableRows& rows(Table t) { return tables_[static_cast<size_t>(t)]; }
  // Appends `row` to its table (TaskRow to Table::kTasks, ...), cells in tables.inc's order.
  template <typename Row>
  void Add(const Row& row) {
    AppendRow(rows(TableOf<Row>::value), row);
  }
  const TableRows& rows(Table t) const { return tables_[static_cast<size_t>(t)]; }
  size_t total_rows() const;

 private:
  uint64_t sequence_;
  std::array<TableRows, kTableCount> tables_;
};

// Recycles batches, so that after the first few jobs no batch memory is allocated, grown or
// page-faulted again, and batches are not freed on another thread than the one that filled
// them. Thread-safe. Holds at most as many batches as were ever alive at once (bounded by the
// pipeline's jobs in flight); must outlive every batch it hands out.
class BatchPool {
 public:
  BatchPool() = default;
  BatchPool(const BatchPool&) = delete;
  BatchPool& operator=(const BatchPool&) = delete;
  ~BatchPool();

  // An empty batch with `sequence`; it returns to the pool when the last reference drops.
  std::shared_ptr<Batch> Acquire(uint64_t sequence);

 private:
  std::mutex mu_;
  std::vector<Batch*> free_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_MODEL_BATCH_H_
