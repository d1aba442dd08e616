// Token04 against the worked example of token04.md §8 (both cipher forms), generation
// reproducing it byte for byte, and every refusal the verifier distinguishes.

#include <QTest>

#include "service/rooms/token04.h"

using namespace regie::service::rooms;

namespace {

constexpr std::uint32_t kAppId = 1234567890;
constexpr std::string_view kSecret = "0123456789abcdef0123456789abcdef";
constexpr std::int64_t kNow = 1700000100;
constexpr std::string_view kPayload =
    R"({"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null})";
const std::string kGcm =
    "04AAAAAGVT/xAADGFiY2RlZmdoaWowMQDKjujOSpVXIGz7RocdCqw5qpvIxOXsQZy4ucAW/sOHkj/"
    "WG61GsyXlpqLaHtvXdLOU9yDpSJANKlmx4QwI/dLMKiag5VgED4Yb65bN+3O+gXPt/kyfyx311dyFqYBQFxnUYAC6cEd/"
    "s4vcPnltrjrefN7rQjkmidriBap+sE4WIEeUSPIpm+Veso+"
    "EN3GMQ7zmXKqgQZ0cCsz5GDO7huTaFSOjgBWc7VPthvsC3bQ3Ly/wHuMyiKncvmmCwf59T+B/wRjx9TaFZ+NobAE=";
const std::string kCbc =
    "04AAAAAGVT/xAAEDAxMjM0NTY3ODlhYmNkZWYAwNwR7j4AKvPz1yXCdsPGhXpfb+3KfElaWF+U8hboEjs57/aO/"
    "FPIdolVXhINaOuJPPU2PYTpr1cspQVE8FVZSRHC70WxUbvianjLg2kBPmR7U62FOXdUSdDAqCHIsZEvTlm0gVmN4yp/"
    "ATNyjAWWdJZxnezTsF/4SNG91wyZLhfWiZWVN4rnYfe8xwlhQWEprKd3X9D+nj85hl0DbZ9/"
    "bI8od5is2BPB+8Ak3sV17MjN4R6L0/XeNZ0GAIcDRDYuuA==";

TokenCheck check(std::string_view user = "user1", std::string_view room = "room1",
                 std::int64_t now = kNow, std::string_view secret = kSecret) {
    return {kAppId, secret, user, room, now, true};
}

std::optional<TokenError> errorOf(const TokenVerdict& v) {
    if (const auto* e = std::get_if<TokenError>(&v)) {
        return *e;
    }
    return std::nullopt;
}

}  // namespace

class TestToken04 : public QObject {
    Q_OBJECT

private slots:
    void workedExampleDecodesInBothForms_data() {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("gcm");
        QTest::newRow("gcm") << QString::fromStdString(kGcm) << true;
        QTest::newRow("cbc") << QString::fromStdString(kCbc) << false;
    }
    void workedExampleDecodesInBothForms() {
        QFETCH(QString, token);
        QFETCH(bool, gcm);
        auto verdict = verifyToken04(token.toStdString(), check());
        QVERIFY2(!errorOf(verdict),
                 errorOf(verdict) ? std::string(tokenErrorName(*errorOf(verdict))).c_str() : "");
        const auto& grant = std::get<TokenGrant>(verdict);
        QCOMPARE(grant.gcm, gcm);
        QCOMPARE(grant.expire, 1700003600);
        QCOMPARE(grant.ctime, 1700000000);
        QVERIFY(!grant.mayPublish("any"));
    }

    void refusalsAreDistinct() {
        QCOMPARE(errorOf(verifyToken04(kGcm, check("user2"))), TokenError::userMismatch);
        QCOMPARE(errorOf(verifyToken04(kCbc, check("user2"))), TokenError::userMismatch);
        QCOMPARE(errorOf(verifyToken04(kGcm, check("user1", "room2"))), TokenError::roomMismatch);
        QCOMPARE(errorOf(verifyToken04(kGcm, check("user1", "room1", 1700003600))),
                 TokenError::expired);
        QCOMPARE(errorOf(verifyToken04(kCbc, check("user1", "room1", 1700003600))),
                 TokenError::expired);
        QCOMPARE(errorOf(verifyToken04(kGcm, check("user1", "room1", 1699999000))),
                 TokenError::notYetValid);
        QCOMPARE(errorOf(verifyToken04(
                     kGcm, check("user1", "room1", kNow, "ffffffffffffffffffffffffffffffff"))),
                 TokenError::invalid);
        QCOMPARE(errorOf(verifyToken04(
                     kCbc, check("user1", "room1", kNow, "ffffffffffffffffffffffffffffffff"))),
                 TokenError::invalid);
        auto otherApp = check();
        otherApp.appId = 42;
        QCOMPARE(errorOf(verifyToken04(kGcm, otherApp)), TokenError::appMismatch);
        QCOMPARE(errorOf(verifyToken04("03" + kGcm.substr(2), check())),
                 TokenError::unsupportedVersion);
        QCOMPARE(errorOf(verifyToken04("04!!!!", check())), TokenError::badEncoding);
        QCOMPARE(errorOf(verifyToken04("garbage", check())), TokenError::unsupportedVersion);
        QCOMPARE(errorOf(verifyToken04("04" + std::string("QUJD"), check())),
                 TokenError::badLayout);
        // Truncated: the last Base64 quantum cut off changes the declared lengths' fit.
        QCOMPARE(errorOf(verifyToken04(kGcm.substr(0, kGcm.size() - 8), check())),
                 TokenError::badLayout);
    }

    void aFlippedBitFailsTheTag() {
        std::string flipped = kGcm;
        // A character inside the ciphertext, swapped for another Base64 digit.
        char& c = flipped[80];
        c = c == 'A' ? 'B' : 'A';
        QCOMPARE(errorOf(verifyToken04(flipped, check())), TokenError::invalid);
    }

    void privilegeEnforcementCanBeTurnedOff() {
        auto relaxed = check("user1", "room2");
        relaxed.enforcePrivilege = false;
        auto verdict = verifyToken04(kGcm, relaxed);
        QVERIFY(!errorOf(verdict));
        QVERIFY(std::get<TokenGrant>(verdict).mayPublish("s1"));
    }

    void generationReproducesTheWorkedExample() {
        TokenSpec spec{kAppId,         "user1", std::string(kSecret),
                       1700000000,     3600,    std::string(kPayload),
                       "abcdefghij01", 1234567};
        auto built = generateToken04(spec);
        QVERIFY(std::holds_alternative<std::string>(built));
        QCOMPARE(QString::fromStdString(std::get<std::string>(built)),
                 QString::fromStdString(kGcm));
    }

    void generatedTokensCarryPrivileges() {
        TokenSpec spec{kAppId,       "u",         std::string(kSecret),
                       kNow,         60,          privilegePayload("", true, true, {"s1", "s2"}),
                       std::nullopt, std::nullopt};
        auto built = generateToken04(spec);
        auto verdict = verifyToken04(std::get<std::string>(built), check("u", "anyroom"));
        QVERIFY(!errorOf(verdict));
        const auto& grant = std::get<TokenGrant>(verdict);
        QVERIFY(grant.mayPublish("s2"));
        QVERIFY(!grant.mayPublish("s3"));
        auto denied =
            generateToken04({kAppId, "u", std::string(kSecret), kNow, 60,
                             privilegePayload("", false, true, {}), std::nullopt, std::nullopt});
        QCOMPARE(errorOf(verifyToken04(std::get<std::string>(denied), check("u"))),
                 TokenError::loginDenied);
    }

    void generatorRefusesBadInput() {
        auto code = [](TokenSpec spec) {
            auto built = generateToken04(spec);
            return std::holds_alternative<TokenBuildError>(built)
                       ? std::get<TokenBuildError>(built).code
                       : 0;
        };
        QCOMPARE(code({0, "u", std::string(kSecret), kNow, 60, "", {}, {}}), 1);
        QCOMPARE(code({kAppId, "", std::string(kSecret), kNow, 60, "", {}, {}}), 3);
        QCOMPARE(code({kAppId, "u", "short", kNow, 60, "", {}, {}}), 5);
        QCOMPARE(code({kAppId, "u", std::string(kSecret), kNow, 0, "", {}, {}}), 6);
    }
};

QTEST_APPLESS_MAIN(TestToken04)
#include "tst_token04.moc"
