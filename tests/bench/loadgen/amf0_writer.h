#pragma once

#include <string>
#include <string_view>

namespace regie::loadgen::amf0 {

void writeNumber(std::string& out, double value);
void writeBoolean(std::string& out, bool value);
void writeString(std::string& out, std::string_view value);
void writeNull(std::string& out);
void writeObjectStart(std::string& out);
void writeKey(std::string& out, std::string_view key);
void writeObjectEnd(std::string& out);

}  // namespace regie::loadgen::amf0
