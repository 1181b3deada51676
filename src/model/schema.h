// The embedded schema.sql, and its split into the part run before the load (tables) and the
// part run after it (secondary indexes). Thread-safe (constants).
#ifndef ASANASIM_SRC_MODEL_SCHEMA_H_
#define ASANASIM_SRC_MODEL_SCHEMA_H_

#include <cstddef>
#include <string_view>

namespace asanasim {

// Bytes of schema.sql, embedded at build time (see cmake/embed_schema.cmake).
extern const char kSchemaSql[];

// Version of the schema, recorded in each run row; bump on any change to schema.sql.
inline constexpr int kSchemaVersion = 5;

// Asana's colors, as schema.sql's CHECKs list them: tags.color takes the first kTagColorCount,
// projects.color those and "none" (the last).
inline constexpr std::string_view kAsanaColors[] = {
    "dark-pink",      "dark-green",      "dark-blue",   "dark-red",
    "dark-teal",      "dark-brown",      "dark-orange", "dark-purple",
    "dark-warm-gray", "light-pink",      "light-green", "light-blue",
    "light-red",      "light-teal",      "light-brown", "light-orange",
    "light-purple",   "light-warm-gray", "none"};
inline constexpr size_t kTagColorCount = 18;

// Everything before the "-- @indexes" line (all of it if absent).
std::string_view SchemaTablesSql();
// Everything after the "-- @indexes" line (empty if absent).
std::string_view SchemaIndexesSql();

}  // namespace asanasim

#endif  // ASANASIM_SRC_MODEL_SCHEMA_H_
