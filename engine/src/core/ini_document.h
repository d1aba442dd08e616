#pragma once
// A ZLMediaKit-style INI file kept line by line, so that changing one key rewrites only its
// line and the operator's comments and ordering survive.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regie::core {

class IniDocument {
public:
    static IniDocument parse(std::string_view text);

    // Every `section.key` with its value, in file order; a repeated key keeps its last value.
    std::vector<std::pair<std::string, std::string>> flatten() const;

    // Sets `section.key` (split at the first '.'): rewrites the existing line, or appends the
    // key at the end of its section, or appends a new section.
    void set(std::string_view flatKey, std::string_view value);

    std::string text() const;

private:
    struct Line {
        std::string raw;
        std::string section;  // section this line belongs to
        std::string key;      // empty for comments, blanks and section headers
    };
    std::vector<Line> m_lines;
};

}  // namespace regie::core
