#include "core/ini_document.h"

#include "core/text.h"

namespace regie::core {

IniDocument IniDocument::parse(std::string_view text) {
    IniDocument doc;
    std::string section;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view raw = text.substr(pos, end - pos);
        if (!raw.empty() && raw.back() == '\r') {
            raw.remove_suffix(1);
        }
        pos = end + 1;

        Line line{std::string(raw), {}, {}};
        std::string_view t = trim(raw);
        if (t.size() >= 2 && t.front() == '[' && t.back() == ']') {
            section = std::string(trim(t.substr(1, t.size() - 2)));
        } else if (!t.empty() && t.front() != '#' && t.front() != ';') {
            auto eq = t.find('=');
            if (eq != std::string_view::npos) {
                line.key = std::string(trim(t.substr(0, eq)));
            }
        }
        line.section = section;
        doc.m_lines.push_back(std::move(line));
    }
    return doc;
}

std::vector<std::pair<std::string, std::string>> IniDocument::flatten() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& line : m_lines) {
        if (line.key.empty()) {
            continue;
        }
        std::string_view t = trim(line.raw);
        std::string value(trim(t.substr(t.find('=') + 1)));
        std::string flat = line.section.empty() ? line.key : line.section + "." + line.key;
        bool replaced = false;
        for (auto& [k, v] : out) {
            if (k == flat) {
                v = value;
                replaced = true;
            }
        }
        if (!replaced) {
            out.emplace_back(std::move(flat), std::move(value));
        }
    }
    return out;
}

void IniDocument::set(std::string_view flatKey, std::string_view value) {
    auto dot = flatKey.find('.');
    std::string section(dot == std::string_view::npos ? "" : flatKey.substr(0, dot));
    std::string key(dot == std::string_view::npos ? flatKey : flatKey.substr(dot + 1));
    std::string raw = key + "=" + std::string(value);

    std::size_t lastInSection = m_lines.size();
    bool found = false;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].section != section) {
            continue;
        }
        if (m_lines[i].key == key) {
            m_lines[i].raw = raw;
            found = true;
        }
        if (!trim(m_lines[i].raw).empty()) {
            lastInSection = i;
        }
    }
    if (found) {
        return;
    }
    if (lastInSection == m_lines.size()) {
        if (!m_lines.empty() && !trim(m_lines.back().raw).empty()) {
            m_lines.push_back({"", m_lines.back().section, {}});
        }
        m_lines.push_back({"[" + section + "]", section, {}});
        m_lines.push_back({raw, section, key});
        return;
    }
    m_lines.insert(m_lines.begin() + static_cast<std::ptrdiff_t>(lastInSection) + 1,
                   Line{raw, section, key});
}

std::string IniDocument::text() const {
    std::string out;
    for (const auto& line : m_lines) {
        out += line.raw;
        out += '\n';
    }
    return out;
}

}  // namespace regie::core
