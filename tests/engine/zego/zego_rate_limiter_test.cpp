#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

#include "api/zego/rate_limiter.h"
#include "core/clock.h"

using namespace std::chrono_literals;
using regie::api::zego::RateKey;
using regie::api::zego::RateLimiter;
using regie::core::ManualClock;

namespace {
constexpr std::uint32_t kApp = 1234567890;

int drain(RateLimiter& limiter, const RateKey& key, double rate, int attempts) {
    int granted = 0;
    for (int i = 0; i < attempts; ++i) {
        granted += limiter.tryAcquire(key, rate) ? 1 : 0;
    }
    return granted;
}
}  // namespace

class ZegoRateLimiterTest : public QObject {
    Q_OBJECT

private slots:
    void burstEqualsRateThenRefills() {
        ManualClock clock;
        RateLimiter limiter(clock);
        const RateKey key{kApp, false, "SendBroadcastMessage", {}};
        QCOMPARE(drain(limiter, key, 10, 20), 10);
        clock.advance(100ms);
        QCOMPARE(drain(limiter, key, 10, 5), 1);
        clock.advance(500ms);
        QCOMPARE(drain(limiter, key, 10, 10), 5);
        clock.advance(10s);
        QCOMPARE(drain(limiter, key, 10, 20), 10);  // never more than one second's worth
    }

    void fractionalRate() {
        ManualClock clock;
        RateLimiter limiter(clock);
        const RateKey key{kApp, false, "DescribeSimpleStreamList", "room1"};
        QVERIFY(limiter.tryAcquire(key, 0.1));
        QVERIFY(!limiter.tryAcquire(key, 0.1));
        clock.advance(9s);
        QVERIFY(!limiter.tryAcquire(key, 0.1));
        clock.advance(1s);
        QVERIFY(limiter.tryAcquire(key, 0.1));
    }

    void keysAreIndependent() {
        ManualClock clock;
        RateLimiter limiter(clock);
        QVERIFY(limiter.tryAcquire({kApp, false, "A", {}}, 1));
        QVERIFY(!limiter.tryAcquire({kApp, false, "A", {}}, 1));
        QVERIFY(limiter.tryAcquire({kApp, false, "B", {}}, 1));
        QVERIFY(limiter.tryAcquire({kApp + 1, false, "A", {}}, 1));
        QVERIFY(limiter.tryAcquire({kApp, true, "A", {}}, 1));
        QVERIFY(limiter.tryAcquire({kApp, false, "A", "r1"}, 1));
        QVERIFY(!limiter.tryAcquire({kApp, false, "A", "r1"}, 1));
        QVERIFY(limiter.tryAcquire({kApp, false, "A", "r2"}, 1));
        QCOMPARE(limiter.size(), std::size_t{6});
    }

    void zeroRateIsUnlimited() {
        ManualClock clock;
        RateLimiter limiter(clock);
        QCOMPARE(drain(limiter, {kApp, false, "A", {}}, 0, 1000), 1000);
        QCOMPARE(limiter.size(), std::size_t{0});
    }

    void rateChangeTakesEffect() {
        ManualClock clock;
        RateLimiter limiter(clock);
        const RateKey key{kApp, false, "A", {}};
        QCOMPARE(drain(limiter, key, 100, 50), 50);
        QCOMPARE(drain(limiter, key, 2, 10), 2);  // burst capped to the new size
        clock.advance(1s);
        QCOMPARE(drain(limiter, key, 2, 10), 2);
    }

    void tableIsBounded() {
        ManualClock clock;
        RateLimiter limiter(clock, 3);
        QVERIFY(limiter.tryAcquire({kApp, false, "A", "r1"}, 1));
        QVERIFY(limiter.tryAcquire({kApp, false, "A", "r2"}, 1));
        QVERIFY(limiter.tryAcquire({kApp, false, "A", "r3"}, 1));
        // Every bucket is in use: a new key is refused rather than growing the table.
        QVERIFY(!limiter.tryAcquire({kApp, false, "A", "r4"}, 1));
        QCOMPARE(limiter.size(), std::size_t{3});
        // Once buckets are full again they carry no state and make room.
        clock.advance(1s);
        QVERIFY(limiter.tryAcquire({kApp, false, "A", "r4"}, 1));
        QCOMPARE(limiter.size(), std::size_t{1});
        QVERIFY(!limiter.tryAcquire({kApp, false, "A", "r4"}, 1));
    }

    void concurrentCallersShareTheBucket() {
        ManualClock clock;
        RateLimiter limiter(clock);
        std::atomic<int> granted{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 100; ++i) {
                    if (limiter.tryAcquire({kApp, false, "A", {}}, 40)) {
                        ++granted;
                    }
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(granted.load(), 40);
    }
};

QTEST_APPLESS_MAIN(ZegoRateLimiterTest)
#include "zego_rate_limiter_test.moc"
