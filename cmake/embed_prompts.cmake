# Writes OUTPUT, a C++ file defining asanasim::EmbeddedFiles(): every .txt and .toml file under
# DIR (the prompts/ directory) as (relative path, bytes), sorted by path.
file(GLOB_RECURSE FILES "${DIR}/*.txt" "${DIR}/*.toml")
set(body "")
list(SORT FILES)
foreach(f IN LISTS FILES)
  file(RELATIVE_PATH rel "${DIR}" "${f}")
  file(READ "${f}" text)
  string(APPEND body "  {\"${rel}\", R\"asanasim_file(${text})asanasim_file\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from prompts/ by cmake/embed_prompts.cmake. Do not edit.\n"
  "#include \"src/util/embedded_files.h\"\n"
  "namespace asanasim {\n"
  "namespace {\n"
  "const EmbeddedFile kFiles[] = {\n${body}};\n"
  "}  // namespace\n"
  "std::span<const EmbeddedFile> EmbeddedFiles() { return kFiles; }\n"
  "}  // namespace asanasim\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
