// Status helpers: the propagation macros that Debian's Abseil 20220623 lacks, and the one
// mapping from errno to absl::Status. Thread-safe (stateless).
#ifndef ASANASIM_SRC_UTIL_STATUS_H_
#define ASANASIM_SRC_UTIL_STATUS_H_

#include <string>
#include <string_view>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define ASANASIM_STATUS_CONCAT_INNER_(a, b) a##b
#define ASANASIM_STATUS_CONCAT_(a, b) ASANASIM_STATUS_CONCAT_INNER_(a, b)

// Evaluates `expr` (an absl::Status); returns it from the enclosing function if not ok.
#define ASANASIM_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::absl::Status asanasim_status_ = (expr);            \
    if (!asanasim_status_.ok()) return asanasim_status_; \
  } while (false)

// `lhs = value of rexpr` where rexpr is an absl::StatusOr<T>; returns its status if not ok.
#define ASANASIM_ASSIGN_OR_RETURN(lhs, rexpr) \
  ASANASIM_ASSIGN_OR_RETURN_IMPL_(ASANASIM_STATUS_CONCAT_(asanasim_statusor_, __LINE__), lhs, rexpr)
#define ASANASIM_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                    \
  if (!statusor.ok()) return std::move(statusor).status();    \
  lhs = std::move(statusor).value()

namespace asanasim {

// An error for a failed system call on `path`, from `errno_value`, e.g.
// "cannot open output/x.sqlite: Permission denied".
absl::Status ErrnoToStatus(int errno_value, std::string_view what, std::string_view path);

// Builds a std::string from pieces of any of std::string_view's convertible types. Abseil's
// StrCat takes absl::string_view, which in this Abseil is not std::string_view.
template <typename Piece>
std::string_view AsStdView(const Piece& piece) {
  if constexpr (std::is_same_v<Piece, absl::string_view>) {
    return std::string_view(piece.data(), piece.size());
  } else {
    return std::string_view(piece);
  }
}
template <typename... Pieces>
std::string Cat(const Pieces&... pieces) {
  std::string out;
  (out.append(AsStdView(pieces)), ...);
  return out;
}

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_STATUS_H_
