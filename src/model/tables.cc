#include "src/model/tables.h"

#include <array>

namespace asanasim {
namespace {

// Column names per table, from tables.inc.
#define ASANASIM_TABLE(enumerator, name, Row, key_columns) \
  constexpr std::string_view k##Row##Columns[] = {
#define ASANASIM_COLUMN(name, type) #name,
#define ASANASIM_END_TABLE() \
  }                          \
  ;
#include "src/model/tables.inc"
#undef ASANASIM_TABLE
#undef ASANASIM_COLUMN
#undef ASANASIM_END_TABLE

constexpr std::array<TableDesc, kTableCount> kTables = {{
#define ASANASIM_TABLE(enumerator, name, Row, key_columns) {#name, k##Row##Columns, key_columns},
#define ASANASIM_COLUMN(name, type)
#define ASANASIM_END_TABLE()
#include "src/model/tables.inc"
#undef ASANASIM_TABLE
#undef ASANASIM_COLUMN
#undef ASANASIM_END_TABLE
}};

}  // namespace

const TableDesc& Describe(Table table) { return kTables[static_cast<size_t>(table)]; }

}  // namespace asanasim
