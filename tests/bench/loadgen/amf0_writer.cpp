#include "amf0_writer.h"

#include <bit>
#include <cstdint>

#include "byte_order.h"

namespace regie::loadgen::amf0 {

void writeNumber(std::string& out, double value) {
    out.push_back(0x00);
    auto bits = std::bit_cast<std::uint64_t>(value);
    appendBe32(out, static_cast<std::uint32_t>(bits >> 32));
    appendBe32(out, static_cast<std::uint32_t>(bits));
}

void writeBoolean(std::string& out, bool value) {
    out.push_back(0x01);
    out.push_back(value ? 1 : 0);
}

void writeString(std::string& out, std::string_view value) {
    out.push_back(0x02);
    writeKey(out, value);
}

void writeNull(std::string& out) {
    out.push_back(0x05);
}

void writeObjectStart(std::string& out) {
    out.push_back(0x03);
}

void writeKey(std::string& out, std::string_view key) {
    appendBe16(out, static_cast<std::uint32_t>(key.size()));
    out.append(key);
}

void writeObjectEnd(std::string& out) {
    out.append("\x00\x00\x09", 3);
}

}  // namespace regie::loadgen::amf0
