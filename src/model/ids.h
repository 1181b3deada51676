// The id scheme. Thread-safe (pure functions).
//
// Every row's id is computed, never taken from a shared counter:
//
//     id = (org + 1) << 48 | table << 43 | job << 30 | local
//
// with org < 2^15 - 1, table < 32 (the Table enum), job < 2^13 (0 = the org-level job, team t is
// job t + 1) and local < 2^30 (the entity's index within its job and table). So:
// * ids are unique across all tables and organizations, like Asana's gids;
// * an org's ids do not depend on which other orgs are generated (shards merge without
//   collisions);
// * ids grow with (org, job, local), so the writer, consuming jobs in order, appends to every
//   primary key b-tree.
#ifndef ASANASIM_SRC_MODEL_IDS_H_
#define ASANASIM_SRC_MODEL_IDS_H_

#include <array>
#include <cstddef>
#include <cstdint>

#include "src/model/tables.h"
#include "src/rng/rng.h"

namespace asanasim {

inline constexpr uint32_t kMaxOrgs = (1u << 15) - 2;  // == kMaxOrgCount in asanasim/options.h
inline constexpr uint32_t kMaxJobs = 1u << 13;
inline constexpr uint64_t kMaxLocal = 1ull << 30;

// An entity's local index is also the index of its random streams (src/rng/rng.h), and its job
// the stream's team word: both must fit their 32-bit counter words.
static_assert(kMaxLocal <= kStreamIndexLimit, "local indexes must fit a stream's index word");
static_assert(kMaxJobs <= kStreamIndexLimit, "job numbers must fit a stream's team word");

inline constexpr int64_t MakeId(uint32_t org, Table table, uint32_t job, uint64_t local) {
  return static_cast<int64_t>((static_cast<uint64_t>(org) + 1) << 48 |
                              static_cast<uint64_t>(table) << 43 |
                              static_cast<uint64_t>(job) << 30 | local);
}

// Hands out the ids of one job, table by table: the n-th row of a table gets local index n.
// Thread-compatible (one per job).
class JobIds {
 public:
  JobIds(uint32_t org, uint32_t job) : org_(org), job_(job) {}

  // The next id of `table`. REQUIRES: fewer than kMaxLocal ids of `table` so far.
  int64_t Next(Table table) {
    uint64_t& local = next_[static_cast<size_t>(table)];
    return MakeId(org_, table, job_, local++);
  }
  // How many ids of `table` were handed out (the local index of the next one).
  uint64_t count(Table table) const { return next_[static_cast<size_t>(table)]; }

 private:
  uint32_t org_;
  uint32_t job_;
  std::array<uint64_t, kTableCount> next_ = {};
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_MODEL_IDS_H_
