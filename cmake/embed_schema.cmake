# Writes OUTPUT, a C++ file defining asanasim::kSchemaSql with the bytes of INPUT.
file(READ "${INPUT}" ASANASIM_SCHEMA)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from schema.sql by cmake/embed_schema.cmake. Do not edit.\n"
  "#include \"src/model/schema.h\"\n"
  "namespace asanasim {\n"
  "const char kSchemaSql[] = R\"asanasim_schema(${ASANASIM_SCHEMA})asanasim_schema\";\n"
  "}  // namespace asanasim\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
