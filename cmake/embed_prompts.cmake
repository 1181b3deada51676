# Writes OUTPUT, a C++ file defining asanasim::EmbeddedPrompts(): every .txt file under DIR (the
# prompts/ directory) as (relative path, bytes), sorted by path.
file(GLOB_RECURSE FILES "${DIR}/*.txt")
set(body "")
list(SORT FILES)
set(index 0)
foreach(f IN LISTS FILES)
  file(RELATIVE_PATH rel "${DIR}" "${f}")
  file(READ "${f}" text)
  string(APPEND body "  {\"${rel}\", R\"asanasim_prompt(${text})asanasim_prompt\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from prompts/ by cmake/embed_prompts.cmake. Do not edit.\n"
  "#include \"src/llm/prompts.h\"\n"
  "namespace asanasim {\n"
  "namespace {\n"
  "const PromptFile kFiles[] = {\n${body}};\n"
  "}  // namespace\n"
  "std::span<const PromptFile> EmbeddedPrompts() { return kFiles; }\n"
  "}  // namespace asanasim\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
