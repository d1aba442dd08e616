// AMF0: round trips of every type, byte-exact encodings, and malformed input as error values.

#include <QTest>
#include <cmath>
#include <random>

#include "protocol/rtmp/amf0.h"
#include "rtmp_test_support.h"

using namespace regie::rtmp;
using rtmp_test::q;

namespace {

Amf0Value sample() {
    return Amf0Value::object({
        {"app", Amf0Value::string("live")},
        {"n", Amf0Value::number(-12.5)},
        {"flag", Amf0Value::boolean(true)},
        {"nothing", Amf0Value::null()},
        {"undef", Amf0Value::undefined()},
        {"when", Amf0Value::date(1.7e12, -60)},
        {"list", Amf0Value::strictArray({Amf0Value::number(1), Amf0Value::string("two")})},
        {"meta",
         Amf0Value::ecmaArray({{"width", Amf0Value::number(320)},
                               {"inner", Amf0Value::object({{"k", Amf0Value::string("")}})}})},
    });
}

}  // namespace

class TestAmf0 : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryType() {
        std::vector<Amf0Value> values = {Amf0Value::string("connect"), Amf0Value::number(1),
                                         sample(), Amf0Value::longString("long"),
                                         Amf0Value::string(std::string(70000, 'x'))};
        auto bytes = encodeAmf0(values);
        auto decoded = decodeAmf0(bytes);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        QCOMPARE(decoded.value().size(), values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            QVERIFY(decoded.value()[i] == values[i]);
        }
        QCOMPARE(decoded.value()[4].type(), Amf0Type::LongString);
        QCOMPARE(decoded.value()[4].asString().size(), std::size_t(70000));
        const auto& obj = decoded.value()[2];
        QCOMPARE(q(obj.stringAt("app")), QStringLiteral("live"));
        QCOMPARE(obj.numberAt("n"), -12.5);
        QCOMPARE(obj.find("when")->timezone(), std::int16_t(-60));
        QCOMPARE(obj.find("meta")->numberAt("width"), 320.0);
        QVERIFY(obj.find("absent") == nullptr);
    }

    void encodesExactBytes() {
        Bytes out;
        encodeAmf0(Amf0Value::number(1.0), out);
        encodeAmf0(Amf0Value::string("ab"), out);
        encodeAmf0(Amf0Value::boolean(true), out);
        encodeAmf0(Amf0Value::null(), out);
        encodeAmf0(Amf0Value::object({{"a", Amf0Value::null()}}), out);
        encodeAmf0(Amf0Value::ecmaArray({}), out);
        Bytes expected = {0x00, 0x3F, 0xF0, 0,   0,    0,    0,    0,    0,  // number 1.0
                          0x02, 0x00, 0x02, 'a', 'b',                        // string
                          0x01, 0x01,                                        // true
                          0x05,                                              // null
                          0x03, 0x00, 0x01, 'a', 0x05, 0x00, 0x00, 0x09,     // {a: null}
                          0x08, 0,    0,    0,   0,    0x00, 0x00, 0x09};    // empty ecma array
        QCOMPARE(out, expected);
    }

    void keepsNanAndInfinities() {
        auto bytes = encodeAmf0({Amf0Value::number(INFINITY), Amf0Value::number(NAN)});
        auto decoded = decodeAmf0(bytes);
        QVERIFY(decoded.ok());
        QVERIFY(std::isinf(decoded.value()[0].asNumber()));
        QVERIFY(std::isnan(decoded.value()[1].asNumber()));
    }

    void ecmaArrayCountIsOnlyAHint() {
        // ECMA array claiming 5 entries but holding one, as some encoders write it.
        Bytes bytes = {0x08, 0, 0, 0, 5, 0x00, 0x01, 'w',  0x00, 0x40,
                       0x74, 0, 0, 0, 0, 0,    0,    0x00, 0x00, 0x09};
        auto decoded = decodeAmf0(bytes);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value()[0].numberAt("w"), 320.0);
    }

    void refusesMalformedInput_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty number") << QByteArray("\x00\x3f\xf0", 3);
        QTest::newRow("string past end") << QByteArray(
            "\x02\x00\x05"
            "ab",
            5);
        QTest::newRow("long string past end") << QByteArray(
            "\x0c\xff\xff\xff\xff"
            "a",
            6);
        QTest::newRow("object without end") << QByteArray(
            "\x03\x00\x01"
            "a\x05",
            5);
        QTest::newRow("object key past end") << QByteArray(
            "\x03\x00\x09"
            "a",
            4);
        QTest::newRow("huge strict array") << QByteArray("\x0a\xff\xff\xff\xff\x05", 6);
        QTest::newRow("truncated date") << QByteArray("\x0b\x00\x00\x00", 4);
        QTest::newRow("truncated boolean") << QByteArray("\x01", 1);
        QTest::newRow("reference") << QByteArray("\x07\x00\x01", 3);
        QTest::newRow("amf3 switch") << QByteArray("\x11\x01", 2);
        QTest::newRow("unknown marker") << QByteArray("\x42", 1);
        QTest::newRow("ecma without count") << QByteArray("\x08\x00\x00", 3);
    }

    void refusesMalformedInput() {
        QFETCH(QByteArray, bytes);
        Bytes data(bytes.begin(), bytes.end());
        auto decoded = decodeAmf0(data);
        QVERIFY(!decoded.ok());
        QVERIFY(!decoded.error().message.empty());
    }

    void refusesDeepNesting() {
        Bytes deep;
        for (int i = 0; i < 100000; ++i) {
            deep.insert(deep.end(), {0x0A, 0, 0, 0, 1});
        }
        deep.push_back(0x05);
        auto decoded = decodeAmf0(deep);
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.error().message.find("deep") != std::string::npos);

        Bytes fine;
        for (int i = 0; i < Amf0Reader::kMaxDepth; ++i) {
            fine.insert(fine.end(), {0x0A, 0, 0, 0, 1});
        }
        fine.push_back(0x05);
        QVERIFY(decodeAmf0(fine).ok());
    }

    void readerStopsAtTheFirstBadValue() {
        auto bytes = encodeAmf0({Amf0Value::string("ok")});
        bytes.push_back(0x02);  // a string marker without its length
        Amf0Reader reader(bytes);
        auto first = reader.read();
        QVERIFY(first.ok());
        QCOMPARE(q(first.value().asString()), QStringLiteral("ok"));
        QCOMPARE(reader.offset(), std::size_t(5));
        QVERIFY(!reader.read().ok());
    }

    void randomAndTruncatedInputNeverCrashes() {
        std::mt19937 rng(1234);
        auto valid = encodeAmf0({Amf0Value::string("connect"), Amf0Value::number(1), sample()});
        int errors = 0;
        for (std::size_t cut = 0; cut < valid.size(); ++cut) {
            auto decoded = decodeAmf0(ByteSpan(valid.data(), cut));
            errors += decoded.ok() ? 0 : 1;
        }
        QVERIFY(errors > 0);
        for (int i = 0; i < 3000; ++i) {
            auto bytes = valid;
            for (int flips = 0; flips < 4; ++flips) {
                bytes[rng() % bytes.size()] = static_cast<std::uint8_t>(rng());
            }
            auto decoded = decodeAmf0(bytes);
            if (!decoded.ok()) {
                QVERIFY(!decoded.error().message.empty());
            }
            auto noise = rtmp_test::randomBytes(rng, rng() % 64);
            (void)decodeAmf0(noise);
        }
    }
};

QTEST_GUILESS_MAIN(TestAmf0)
#include "tst_rtmp_amf0.moc"
