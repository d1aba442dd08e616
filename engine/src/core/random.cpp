#include "core/random.h"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace regie::core {

namespace {
void fill(unsigned char* out, std::size_t n) {
    if (RAND_bytes(out, static_cast<int>(n)) != 1) {
        throw std::runtime_error("RAND_bytes failed");
    }
}
}  // namespace

std::string randomHex(std::size_t bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string raw(bytes, '\0');
    fill(reinterpret_cast<unsigned char*>(raw.data()), bytes);
    std::string out;
    out.reserve(bytes * 2);
    for (unsigned char c : raw) {
        out += kDigits[c >> 4];
        out += kDigits[c & 0xF];
    }
    return out;
}

std::uint64_t randomUint64() {
    std::array<unsigned char, 8> b{};
    fill(b.data(), b.size());
    std::uint64_t v = 0;
    for (unsigned char c : b) {
        v = (v << 8) | c;
    }
    return v;
}

}  // namespace regie::core
