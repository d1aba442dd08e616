#pragma once
// Token04, the client login token (shared/spec/zego/token04.md): verification of both cipher
// forms (AES-256-GCM, legacy AES-256-CBC) in the order of §7, and generation (GCM) for the
// CLI and the console.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace regie::service::rooms {

enum class TokenError {
    unsupportedVersion,  // no "04" prefix
    badEncoding,         // not Base64
    badLayout,           // header lengths do not fit, unknown mode byte
    invalid,             // decryption failed (wrong secret, tampered)
    badPlaintext,        // not the expected JSON, or header/inner expire differ
    appMismatch,
    userMismatch,
    expired,
    notYetValid,  // ctime more than the allowed skew in the future
    roomMismatch,
    loginDenied,  // privilege "1" = 0
    badPayload,   // privilege payload is not the expected JSON
};
std::string_view tokenErrorName(TokenError error);

// What a verified token allows.
struct TokenGrant {
    std::int64_t ctime = 0;
    std::int64_t expire = 0;
    bool gcm = true;
    bool mayPublishAtAll = true;
    std::vector<std::string> publishStreamIds;  // empty: any stream id

    bool mayPublish(std::string_view streamId) const;
};

struct TokenCheck {
    std::uint32_t appId = 0;
    std::string_view secret;
    std::string_view userId;
    std::string_view roomId;
    std::int64_t nowUnix = 0;
    bool enforcePrivilege = true;
};

inline constexpr std::int64_t kCtimeSkewSeconds = 300;

using TokenVerdict = std::variant<TokenGrant, TokenError>;
TokenVerdict verifyToken04(std::string_view token, const TokenCheck& check);

// The privilege payload of §4; an empty list is sent as null.
std::string privilegePayload(std::string_view roomId, bool login, bool publish,
                             const std::vector<std::string>& streamIds);

struct TokenSpec {
    std::uint32_t appId = 0;
    std::string userId;
    std::string secret;  // 32 characters
    std::int64_t ctime = 0;
    std::int64_t effectiveSeconds = 0;
    std::string payload;
    // Fixed values for reproducible tokens; random when unset.
    std::optional<std::string> iv;  // 12 characters
    std::optional<std::uint32_t> nonce;
};

// The generators' error codes (§2): 1 AppId, 3 UserId, 5 secret, 6 effective time.
struct TokenBuildError {
    int code = 0;
    std::string message;
};
using TokenBuild = std::variant<std::string, TokenBuildError>;
TokenBuild generateToken04(const TokenSpec& spec);

}  // namespace regie::service::rooms
