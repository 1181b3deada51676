#include "src/model/schema.h"

namespace asanasim {
namespace {

constexpr std::string_view kMarker = "\n-- @indexes";

size_t MarkerPosition() {
  const std::string_view all(kSchemaSql);
  const size_t at = all.find(kMarker);
  return at == std::string_view::npos ? all.size() : at;
}

}  // namespace

std::string_view SchemaTablesSql() {
  return std::string_view(kSchemaSql).substr(0, MarkerPosition());
}

std::string_view SchemaIndexesSql() {
  const std::string_view all(kSchemaSql);
  const size_t at = MarkerPosition();
  if (at == all.size()) return {};
  return all.substr(at + kMarker.size());
}

}  // namespace asanasim
