#include "service/rooms/token04.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <memory>

#include "core/base64.h"
#include "core/random.h"

namespace regie::service::rooms {

namespace json = boost::json;

namespace {

using Bytes = std::vector<unsigned char>;
using core::base64Decode;
using core::base64Encode;

constexpr std::string_view kPrefix = "04";
constexpr std::size_t kGcmIvSize = 12;
constexpr std::size_t kCbcIvSize = 16;
constexpr std::size_t kTagSize = 16;
constexpr std::size_t kKeySize = 32;
constexpr unsigned char kGcmMode = 1;
struct CipherDeleter {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherDeleter>;

const unsigned char* keyBytes(std::string_view secret) {
    return reinterpret_cast<const unsigned char*>(secret.data());
}

std::optional<std::string> decryptGcm(std::string_view secret, const Bytes& iv,
                                      const unsigned char* data, std::size_t size) {
    if (size < kTagSize) {
        return std::nullopt;
    }
    const std::size_t cipherSize = size - kTagSize;
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    std::string plain(cipherSize, '\0');
    int len = 0;
    int tail = 0;
    Bytes tag(data + cipherSize, data + size);
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()),
                            nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, keyBytes(secret), iv.data()) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len, data,
                          static_cast<int>(cipherSize)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + len,
                            &tail) == 1;
    if (!ok) {
        return std::nullopt;
    }
    plain.resize(static_cast<std::size_t>(len) + static_cast<std::size_t>(tail));
    return plain;
}

std::optional<std::string> decryptCbc(std::string_view secret, const Bytes& iv,
                                      const unsigned char* data, std::size_t size) {
    if (size == 0 || size % 16 != 0) {
        return std::nullopt;
    }
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    std::string plain(size + 16, '\0');
    int len = 0;
    int tail = 0;
    const bool ok =
        ctx &&
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, keyBytes(secret), iv.data()) ==
            1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len, data,
                          static_cast<int>(size)) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + len,
                            &tail) == 1;
    if (!ok) {
        return std::nullopt;
    }
    plain.resize(static_cast<std::size_t>(len) + static_cast<std::size_t>(tail));
    return plain;
}

std::uint64_t readBigEndian(const Bytes& b, std::size_t at, std::size_t size) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < size; ++i) {
        v = (v << 8) | b[at + i];
    }
    return v;
}

void writeBigEndian(Bytes& out, std::uint64_t v, std::size_t size) {
    for (std::size_t i = size; i-- > 0;) {
        out.push_back(static_cast<unsigned char>((v >> (8 * i)) & 0xff));
    }
}

std::optional<std::int64_t> integerField(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (v->is_int64()) {
        return v->as_int64();
    }
    if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(v->as_uint64());
    }
    return std::nullopt;
}

std::optional<json::object> parseObject(std::string_view text) {
    boost::system::error_code ec;
    auto value = json::parse(text, ec);
    if (ec || !value.is_object()) {
        return std::nullopt;
    }
    return std::move(value.as_object());
}

// §4 payload rules applied to the grant; an error refuses the login.
std::optional<TokenError> applyPrivilege(std::string_view payload, const TokenCheck& check,
                                         TokenGrant& grant) {
    auto object = parseObject(payload);
    if (!object) {
        return TokenError::badPayload;
    }
    if (const auto* room = object->if_contains("room_id")) {
        if (!room->is_string()) {
            return TokenError::badPayload;
        }
        if (!room->as_string().empty() && room->as_string() != check.roomId) {
            return TokenError::roomMismatch;
        }
    }
    if (const auto* privilege = object->if_contains("privilege")) {
        if (!privilege->is_object()) {
            return TokenError::badPayload;
        }
        const auto allowed = [&](std::string_view key) {
            auto value = integerField(privilege->as_object(), key);
            return !value || *value != 0;
        };
        if (!allowed("1")) {
            return TokenError::loginDenied;
        }
        grant.mayPublishAtAll = allowed("2");
    }
    if (const auto* list = object->if_contains("stream_id_list"); list && !list->is_null()) {
        if (!list->is_array()) {
            return TokenError::badPayload;
        }
        for (const auto& id : list->as_array()) {
            if (!id.is_string()) {
                return TokenError::badPayload;
            }
            grant.publishStreamIds.emplace_back(id.as_string());
        }
    }
    return std::nullopt;
}

std::string randomIv() {
    static constexpr std::string_view kChars = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string iv;
    for (std::size_t i = 0; i < kGcmIvSize; ++i) {
        iv += kChars[core::randomUint64() % kChars.size()];
    }
    return iv;
}

}  // namespace

std::string_view tokenErrorName(TokenError error) {
    switch (error) {
        case TokenError::unsupportedVersion:
            return "token version unsupported";
        case TokenError::badEncoding:
            return "token is not base64";
        case TokenError::badLayout:
            return "token layout invalid";
        case TokenError::invalid:
            return "token invalid";
        case TokenError::badPlaintext:
            return "token content invalid";
        case TokenError::appMismatch:
            return "token is for another app id";
        case TokenError::userMismatch:
            return "token is for another user id";
        case TokenError::expired:
            return "token expired";
        case TokenError::notYetValid:
            return "token created in the future";
        case TokenError::roomMismatch:
            return "token is for another room";
        case TokenError::loginDenied:
            return "token denies login";
        case TokenError::badPayload:
            return "token privilege payload invalid";
    }
    return "token invalid";
}

bool TokenGrant::mayPublish(std::string_view streamId) const {
    if (!mayPublishAtAll) {
        return false;
    }
    return publishStreamIds.empty() || std::find(publishStreamIds.begin(), publishStreamIds.end(),
                                                 streamId) != publishStreamIds.end();
}

TokenVerdict verifyToken04(std::string_view token, const TokenCheck& check) {
    if (!token.starts_with(kPrefix)) {
        return TokenError::unsupportedVersion;
    }
    auto bytes = base64Decode(token.substr(kPrefix.size()));
    if (!bytes) {
        return TokenError::badEncoding;
    }
    const Bytes& b = *bytes;
    if (b.size() < 10) {
        return TokenError::badLayout;
    }
    const auto headerExpire = static_cast<std::int64_t>(readBigEndian(b, 0, 8));
    const std::size_t ivSize = readBigEndian(b, 8, 2);
    if (b.size() < 12 + ivSize) {
        return TokenError::badLayout;
    }
    const Bytes iv(b.begin() + 10, b.begin() + 10 + static_cast<std::ptrdiff_t>(ivSize));
    const std::size_t cipherSize = readBigEndian(b, 10 + ivSize, 2);
    const std::size_t end = 12 + ivSize + cipherSize;
    if (b.size() < end || b.size() > end + 1) {
        return TokenError::badLayout;
    }
    const bool hasMode = b.size() == end + 1;
    if (hasMode && b[end] != kGcmMode && b[end] != 0) {
        return TokenError::badLayout;
    }
    const bool gcm = hasMode && b[end] == kGcmMode;
    if ((gcm && ivSize != kGcmIvSize) || (!gcm && ivSize != kCbcIvSize)) {
        return TokenError::badLayout;
    }
    if (check.secret.size() != kKeySize) {
        return TokenError::invalid;
    }
    const unsigned char* cipher = b.data() + 12 + ivSize;
    auto plain = gcm ? decryptGcm(check.secret, iv, cipher, cipherSize)
                     : decryptCbc(check.secret, iv, cipher, cipherSize);
    if (!plain) {
        return TokenError::invalid;
    }
    auto object = parseObject(*plain);
    if (!object) {
        return TokenError::badPlaintext;
    }
    const auto appId = integerField(*object, "app_id");
    const auto* userId = object->if_contains("user_id");
    const auto expire = integerField(*object, "expire");
    const auto ctime = integerField(*object, "ctime");
    const auto* payload = object->if_contains("payload");
    if (!appId || !userId || !userId->is_string() || !expire || !ctime || *expire != headerExpire ||
        (payload && !payload->is_string())) {
        return TokenError::badPlaintext;
    }
    if (*appId != static_cast<std::int64_t>(check.appId)) {
        return TokenError::appMismatch;
    }
    if (userId->as_string() != check.userId) {
        return TokenError::userMismatch;
    }
    if (check.nowUnix >= *expire) {
        return TokenError::expired;
    }
    if (*ctime > check.nowUnix + kCtimeSkewSeconds) {
        return TokenError::notYetValid;
    }
    TokenGrant grant;
    grant.ctime = *ctime;
    grant.expire = *expire;
    grant.gcm = gcm;
    if (payload && !payload->as_string().empty() && check.enforcePrivilege) {
        if (auto error = applyPrivilege(payload->as_string(), check, grant)) {
            return *error;
        }
    }
    return grant;
}

std::string privilegePayload(std::string_view roomId, bool login, bool publish,
                             const std::vector<std::string>& streamIds) {
    json::object privilege{{"1", login ? 1 : 0}, {"2", publish ? 1 : 0}};
    json::value list = nullptr;
    if (!streamIds.empty()) {
        json::array ids;
        for (const auto& id : streamIds) {
            ids.emplace_back(id);
        }
        list = std::move(ids);
    }
    return json::serialize(json::object{
        {"room_id", roomId}, {"privilege", std::move(privilege)}, {"stream_id_list", list}});
}

TokenBuild generateToken04(const TokenSpec& spec) {
    if (spec.appId == 0) {
        return TokenBuildError{1, "app id invalid"};
    }
    if (spec.userId.empty()) {
        return TokenBuildError{3, "user id invalid"};
    }
    if (spec.secret.size() != kKeySize) {
        return TokenBuildError{5, "secret must be 32 bytes"};
    }
    if (spec.effectiveSeconds <= 0) {
        return TokenBuildError{6, "effective time invalid"};
    }
    const std::string iv = spec.iv.value_or(randomIv());
    if (iv.size() != kGcmIvSize) {
        return TokenBuildError{5, "iv must be 12 bytes"};
    }
    const std::int64_t expire = spec.ctime + spec.effectiveSeconds;
    const std::uint32_t nonce =
        spec.nonce.value_or(static_cast<std::uint32_t>(core::randomUint64() % 0x7fffffffU) + 1);
    const std::string plain = json::serialize(json::object{{"app_id", spec.appId},
                                                           {"user_id", spec.userId},
                                                           {"nonce", nonce},
                                                           {"ctime", spec.ctime},
                                                           {"expire", expire},
                                                           {"payload", spec.payload}});
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    Bytes sealed(plain.size() + kTagSize);
    int len = 0;
    int tail = 0;
    const auto* ivBytes = reinterpret_cast<const unsigned char*>(iv.data());
    const bool ok =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kGcmIvSize, nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, keyBytes(spec.secret), ivBytes) == 1 &&
        EVP_EncryptUpdate(ctx.get(), sealed.data(), &len,
                          reinterpret_cast<const unsigned char*>(plain.data()),
                          static_cast<int>(plain.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), sealed.data() + len, &tail) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize,
                            sealed.data() + len + tail) == 1;
    if (!ok) {
        return TokenBuildError{5, "encryption failed"};
    }
    sealed.resize(static_cast<std::size_t>(len + tail) + kTagSize);
    Bytes out;
    writeBigEndian(out, static_cast<std::uint64_t>(expire), 8);
    writeBigEndian(out, kGcmIvSize, 2);
    out.insert(out.end(), iv.begin(), iv.end());
    writeBigEndian(out, sealed.size(), 2);
    out.insert(out.end(), sealed.begin(), sealed.end());
    out.push_back(kGcmMode);
    return std::string(kPrefix) + base64Encode(out);
}

}  // namespace regie::service::rooms
