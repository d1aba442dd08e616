#include <QTest>

#include "api/zego/query_params.h"
#include "api/zego/scalars.h"
#include "core/text.h"

using regie::api::zego::parseBoolean;
using regie::api::zego::parseInt64;
using regie::api::zego::parseUInt32;
namespace {
// The ZEGO door decodes with the engine's shared decoder, '+' meaning a space.
std::string percentDecode(std::string_view s) {
    return regie::core::percentDecode(s, true);
}
}  // namespace
using regie::api::zego::QueryParams;

namespace {
QStringList toList(const std::vector<std::string_view>& values) {
    QStringList out;
    for (auto v : values) {
        out << QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    }
    return out;
}
}  // namespace

class ZegoQueryTest : public QObject {
    Q_OBJECT

private slots:
    void decodesPercentAndPlus() {
        QCOMPARE(percentDecode("a+b%20c%2Bd"), std::string("a b c+d"));
        QCOMPARE(percentDecode("%E4%BD%A0"), std::string("\xE4\xBD\xA0"));
        QCOMPARE(percentDecode("%zz%4"), std::string("%zz%4"));
        QCOMPARE(percentDecode("100%"), std::string("100%"));
    }

    void scalarLookup() {
        const auto q = QueryParams::parse("Action=DescribeUsers&RoomId=room+1&Empty=&Bare");
        QCOMPARE(q.value("Action").value(), std::string_view("DescribeUsers"));
        QCOMPARE(q.value("RoomId").value(), std::string_view("room 1"));
        QCOMPARE(q.value("Empty").value(), std::string_view(""));
        QCOMPARE(q.value("Bare").value(), std::string_view(""));
        QVERIFY(!q.value("Missing").has_value());
        QVERIFY(!q.contains("action"));  // names are case-sensitive
    }

    void keysAreDecodedBeforeMatching() {
        const auto q = QueryParams::parse("Msg%43ontent=hi&A%2BB=1");
        QCOMPARE(q.value("MsgContent").value(), std::string_view("hi"));
        QCOMPARE(q.value("A+B").value(), std::string_view("1"));
    }

    void arrayForms_data() {
        QTest::addColumn<QString>("query");
        QTest::newRow("brackets") << "UserId[]=a&UserId[]=b&UserId[]=c";
        QTest::newRow("encoded brackets") << "UserId%5B%5D=a&UserId%5b%5d=b&UserId%5B%5D=c";
        QTest::newRow("bare repeated") << "UserId=a&UserId=b&UserId=c";
        QTest::newRow("mixed") << "UserId[]=a&UserId=b&UserId%5B%5D=c";
        QTest::newRow("interleaved") << "UserId[]=a&X=1&UserId[]=b&Y=2&UserId[]=c";
    }
    void arrayForms() {
        QFETCH(QString, query);
        const auto q = QueryParams::parse(query.toStdString());
        QCOMPARE(toList(q.values("UserId")), QStringList({"a", "b", "c"}));
        QCOMPARE(toList(q.values("UserId[]")), QStringList({"a", "b", "c"}));
        QCOMPARE(q.value("UserId").value(), std::string_view("a"));
    }

    void singleOccurrenceIsOneElementArray() {
        const auto q = QueryParams::parse("RoomId[]=only");
        QCOMPARE(toList(q.values("RoomId")), QStringList({"only"}));
        QVERIFY(q.values("StreamId").empty());
    }

    void indexedObjectKeysAreReachable() {
        const auto q = QueryParams::parse(
            "HandleMediaArgs.0.FileId=f0&HandleMediaArgs.0.StartTime=5"
            "&HandleMediaArgs.1.FileId=f1");
        QCOMPARE(q.value("HandleMediaArgs.0.FileId").value(), std::string_view("f0"));
        QCOMPARE(q.value("HandleMediaArgs.0.StartTime").value(), std::string_view("5"));
        QCOMPARE(q.value("HandleMediaArgs.1.FileId").value(), std::string_view("f1"));
    }

    void skipsEmptyPairsAndKeys() {
        const auto q = QueryParams::parse("&&a=1&&=orphan&[]=x&b=2&");
        QCOMPARE(q.entries().size(), std::size_t{2});
        QCOMPARE(q.value("a").value(), std::string_view("1"));
        QCOMPARE(q.value("b").value(), std::string_view("2"));
        QVERIFY(QueryParams::parse("").entries().empty());
    }

    void valueKeepsEqualsSigns() {
        const auto q = QueryParams::parse("Url=rtmp%3A%2F%2Fh%2Fa%3Fk%3Dv&Raw=a=b");
        QCOMPARE(q.value("Url").value(), std::string_view("rtmp://h/a?k=v"));
        QCOMPARE(q.value("Raw").value(), std::string_view("a=b"));
    }

    void parsesUInt32() {
        QCOMPARE(parseUInt32("0"), std::optional<std::uint32_t>(0));
        QCOMPARE(parseUInt32("4294967295"), std::optional<std::uint32_t>(4294967295u));
        QVERIFY(!parseUInt32("4294967296"));
        QVERIFY(!parseUInt32("-1"));
        QVERIFY(!parseUInt32("+1"));
        QVERIFY(!parseUInt32(" 1"));
        QVERIFY(!parseUInt32("12a"));
        QVERIFY(!parseUInt32(""));
    }

    void parsesInt64() {
        QCOMPARE(parseInt64("1617249600001"), std::optional<std::int64_t>(1617249600001));
        QCOMPARE(parseInt64("-5"), std::optional<std::int64_t>(-5));
        QVERIFY(!parseInt64("9223372036854775808"));
        QVERIFY(!parseInt64("1.5"));
        QVERIFY(!parseInt64(""));
        QVERIFY(!parseInt64("1e3"));
    }

    void parsesBoolean() {
        QCOMPARE(parseBoolean("true"), std::optional<bool>(true));
        QCOMPARE(parseBoolean("TRUE"), std::optional<bool>(true));
        QCOMPARE(parseBoolean("False"), std::optional<bool>(false));
        QVERIFY(!parseBoolean("1"));
        QVERIFY(!parseBoolean("yes"));
        QVERIFY(!parseBoolean(""));
    }
};

QTEST_APPLESS_MAIN(ZegoQueryTest)
#include "zego_query_test.moc"
