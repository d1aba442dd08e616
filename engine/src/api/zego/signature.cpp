#include "api/zego/signature.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <cctype>

namespace regie::api::zego {

std::string computeSignature(std::string_view appId, std::string_view signatureNonce,
                             std::string_view serverSecret, std::string_view timestamp) {
    std::string input;
    input.reserve(appId.size() + signatureNonce.size() + serverSecret.size() + timestamp.size());
    input.append(appId).append(signatureNonce).append(serverSecret).append(timestamp);

    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int digestSize = 0;
    if (EVP_Digest(input.data(), input.size(), digest.data(), &digestSize, EVP_md5(), nullptr) !=
        1) {
        // Without a digest nothing can match; an empty expectation fails every comparison.
        return {};
    }

    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(static_cast<std::size_t>(digestSize) * 2);
    for (unsigned int i = 0; i < digestSize; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0f]);
    }
    return hex;
}

bool signatureMatches(std::string_view expectedLowerHex, std::string_view received) {
    if (expectedLowerHex.empty() || expectedLowerHex.size() != received.size()) {
        return false;
    }
    std::string lowered(received);
    for (char& c : lowered) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return CRYPTO_memcmp(expectedLowerHex.data(), lowered.data(), lowered.size()) == 0;
}

}  // namespace regie::api::zego
