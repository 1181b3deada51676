#include "src/model/batch.h"

#include "src/util/civil_time.h"

namespace asanasim {

TableRows& TableRows::Timestamp(int64_t ms) {
  std::string& s = BeginText();
  const size_t at = s.size();
  s.resize(at + kTimestampLength);
  FormatTimestamp(ms, s.data() + at);
  return EndText();
}

TableRows& TableRows::Date(int64_t days) {
  std::string& s = BeginText();
  const size_t at = s.size();
  s.resize(at + kDateLength);
  FormatDate(days, s.data() + at);
  return EndText();
}

TableRows& TableRows::EndText() {
  Cell& c = cells_.emplace_back();
  c.text_offset = text_start_;
  c.text_length = static_cast<uint32_t>(text_.size() - text_start_);
  c.kind = Cell::Kind::kText;
  return *this;
}

Batch::Batch(uint64_t sequence) : sequence_(sequence) {
  for (size_t t = 0; t < kTableCount; ++t) tables_[t].width_ = Describe(t).columns.size();
}

void Batch::Reset(uint64_t sequence) {
  sequence_ = sequence;
  for (TableRows& t : tables_) t.Clear();
}

BatchPool::~BatchPool() {
  for (Batch* b : free_) delete b;
}

std::shared_ptr<Batch> BatchPool::Acquire(uint64_t sequence) {
  Batch* batch = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      batch = free_.back();
      free_.pop_back();
    }
  }
  if (batch == nullptr) {
    batch = new Batch(sequence);
  } else {
    batch->Reset(sequence);
  }
  return std::shared_ptr<Batch>(batch, [this](Batch* b) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(b);
  });
}

size_t Batch::total_rows() const {
  size_t n = 0;
  for (const TableRows& t : tables_) n += t.rows();
  return n;
}

}  // namespace asanasim
