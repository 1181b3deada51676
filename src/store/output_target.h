// OutputTarget: the output protocol of `generate` and `merge` (with or without --compress), so
// that runs left alone overnight never damage what is on disk.
//
//   Check    OUT (and OUT.zst with --compress) and OUT.manifest.json are each absent or a regular
//            file (never a directory, device, FIFO, socket or symbolic link, --force included);
//            absent unless --force; OUT names a file (not "-", not "dir/"); the nearest existing
//            ancestor directory is writable. Creates nothing.
//   Acquire  Check, create OUT's directory, then take OUT.lock: a lock file beside OUT, locked
//            with flock(2) for the whole run, holding the holder's PID. A second run on the same
//            OUT gets FailedPrecondition at once, naming that PID. Holding the lock proves every
//            temporary of OUT's (OUT.partial.*, OUT.zst.partial.*, OUT.manifest.json.partial.*,
//            and the old scheme's OUT.partial) is a dead run's leftover: they are removed.
//   write    The database goes to database_temp() (OUT.partial.<pid>), a name no other run uses;
//            Hold() keeps it open by descriptor, and Commit() checks that the file at that name
//            is still the one held. With --compress the stream goes to compressed_temp().
//   Commit   Syncs the data file, writes the manifest beside it (OUT.manifest.json.partial.<pid>),
//            removes a stale OUT-wal/-shm/-journal (SQLite would read them as part of the new
//            OUT) and the old manifest, renames the data file onto OUT (or OUT.zst), then the
//            manifest onto OUT.manifest.json, and syncs the directory. A crash between the renames
//            leaves the new OUT without a manifest, never beside the old one.
//   destroy  Removes the temporaries unless committed, then the lock file, then releases it.
//
// The lock is advisory (flock): it excludes asanasim runs, on local file systems and on NFS
// (Linux emulates flock there with byte-range locks); on Lustre it needs the `flock` mount
// option. Thread-compatible.
#ifndef ASANASIM_SRC_STORE_OUTPUT_TARGET_H_
#define ASANASIM_SRC_STORE_OUTPUT_TARGET_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace asanasim {

class OutputTarget {
 public:
  struct Options {
    bool force = false;     // replace existing regular files
    bool compress = false;  // the data file is OUT.zst (OUT itself is never written)
  };

  static absl::Status Check(const std::string& out, const Options& options);
  static absl::StatusOr<std::unique_ptr<OutputTarget>> Acquire(const std::string& out,
                                                               const Options& options);

  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;
  ~OutputTarget();

  const std::string& out() const { return out_; }
  // The final data file: OUT, or OUT.zst with compress.
  const std::string& final_path() const { return final_; }
  const std::string& manifest_path() const { return manifest_; }
  const std::string& database_temp() const { return database_temp_; }
  const std::string& compressed_temp() const { return compressed_temp_; }
  // A directory for temporary copies of inputs (OUT's directory).
  std::string directory() const;

  // Opens database_temp() by descriptor, once the writer has created it.
  absl::Status Hold();
  // Publishes the data file and, unless `manifest` is empty, the manifest (see above).
  absl::Status Commit(std::string_view manifest);

 private:
  OutputTarget(std::string out, const Options& options);
  absl::Status Lock();
  void RemoveLeftovers() const;
  void RemoveTemporaries() const;

  std::string out_;
  Options options_;
  std::string final_;
  std::string manifest_;
  std::string lock_path_;
  std::string database_temp_;
  std::string compressed_temp_;
  std::string manifest_temp_;
  int lock_fd_ = -1;
  int held_fd_ = -1;
  bool committed_ = false;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_STORE_OUTPUT_TARGET_H_
