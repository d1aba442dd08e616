#pragma once
// Cryptographically strong random values (OpenSSL), for secrets and identifiers.

#include <cstdint>
#include <string>

namespace regie::core {

std::string randomHex(std::size_t bytes);
std::uint64_t randomUint64();

}  // namespace regie::core
