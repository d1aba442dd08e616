#pragma once
// ZEGO Server API signature, version 2.0:
// lower_hex(MD5(AppId ‖ SignatureNonce ‖ ServerSecret ‖ Timestamp)), no separators.

#include <string>
#include <string_view>

namespace regie::api::zego {

std::string computeSignature(std::string_view appId, std::string_view signatureNonce,
                             std::string_view serverSecret, std::string_view timestamp);

// Case-insensitive and constant-time in the signature's length.
bool signatureMatches(std::string_view expectedLowerHex, std::string_view received);

}  // namespace regie::api::zego
