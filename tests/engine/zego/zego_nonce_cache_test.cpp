#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

#include "api/zego/nonce_cache.h"

using regie::api::zego::NonceCache;

namespace {
constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::uint32_t kApp = 1234567890;
}  // namespace

class ZegoNonceCacheTest : public QObject {
    Q_OBJECT

private slots:
    void rejectsTheSameTriple() {
        NonceCache cache;
        QVERIFY(cache.insert(kApp, "n1", kNow, kNow));
        QVERIFY(!cache.insert(kApp, "n1", kNow, kNow));
        QVERIFY(!cache.insert(kApp, "n1", kNow, kNow + 599));
    }

    void distinguishesEveryPartOfTheTriple() {
        NonceCache cache;
        QVERIFY(cache.insert(kApp, "n1", kNow, kNow));
        QVERIFY(cache.insert(kApp, "n2", kNow, kNow));
        QVERIFY(cache.insert(kApp, "n1", kNow + 1, kNow));
        QVERIFY(cache.insert(kApp + 1, "n1", kNow, kNow));
        // A nonce that looks like another key's tail must not collide.
        QVERIFY(cache.insert(1, "2:3", 4, kNow));
        QVERIFY(cache.insert(1, "3", 24, kNow));
        QCOMPARE(cache.size(), std::size_t{6});
    }

    void expiresAfterTheWindow() {
        NonceCache cache;
        QVERIFY(cache.insert(kApp, "n1", kNow, kNow));
        QVERIFY(cache.insert(kApp, "other", kNow, kNow + 600));
        QCOMPARE(cache.size(), std::size_t{1});  // "n1" pruned at exactly 600 s
        QVERIFY(cache.insert(kApp, "n1", kNow, kNow + 600));
    }

    void futureTimestampLivesUntilItLeavesTheWindow() {
        NonceCache cache;
        QVERIFY(cache.insert(kApp, "n1", kNow + 500, kNow));
        // Still replayable against the ±600 s window at kNow + 1099, so still remembered.
        QVERIFY(!cache.insert(kApp, "n1", kNow + 500, kNow + 1099));
        QVERIFY(cache.insert(kApp, "n1", kNow + 500, kNow + 1100));
    }

    void capacityIsAHardCap() {
        NonceCache cache(3);
        QVERIFY(cache.insert(kApp, "a", kNow, kNow));
        QVERIFY(cache.insert(kApp, "b", kNow, kNow + 1));
        QVERIFY(cache.insert(kApp, "c", kNow, kNow + 2));
        QVERIFY(cache.insert(kApp, "d", kNow, kNow + 3));
        QCOMPARE(cache.size(), std::size_t{3});
        // The entry closest to expiry ("a") made room; the others are still remembered.
        QVERIFY(!cache.insert(kApp, "c", kNow, kNow + 4));
        QVERIFY(!cache.insert(kApp, "d", kNow, kNow + 4));
        for (int i = 0; i < 1000; ++i) {
            cache.insert(kApp, "flood" + std::to_string(i), kNow, kNow + 5);
        }
        QCOMPARE(cache.size(), std::size_t{3});
    }

    void concurrentInsertsAcceptEachTripleOnce() {
        NonceCache cache;
        std::atomic<int> accepted{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 500; ++i) {
                    if (cache.insert(kApp, "n" + std::to_string(i), kNow, kNow)) {
                        ++accepted;
                    }
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(accepted.load(), 500);
        QCOMPARE(cache.size(), std::size_t{500});
    }
};

QTEST_APPLESS_MAIN(ZegoNonceCacheTest)
#include "zego_nonce_cache_test.moc"
