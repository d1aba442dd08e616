import QtQuick
import QtTest
import Regie.Ui

TestCase {
    name: "LoadBar"
    width: 400
    height: 100
    when: windowShown

    Component {
        id: barComponent
        LoadBar { width: 400 }
    }

    function findFill(item) {
        return findChild(item, "fill")
    }

    function test_fractionIsClamped_data() {
        return [
            { tag: "zero", load: 0, fraction: 0 },
            { tag: "half", load: 50, fraction: 0.5 },
            { tag: "full", load: 100, fraction: 1 },
            { tag: "over", load: 140, fraction: 1 },
            { tag: "negative", load: -5, fraction: 0 }
        ]
    }

    function test_fractionIsClamped(data) {
        const bar = createTemporaryObject(barComponent, this, { load: data.load })
        compare(bar.fraction, data.fraction)
    }

    function test_severityThresholds_data() {
        return [
            { tag: "normal", load: 69, severity: "normal" },
            { tag: "high", load: 70, severity: "high" },
            { tag: "still high", load: 89, severity: "high" },
            { tag: "critical", load: 90, severity: "critical" }
        ]
    }

    function test_severityThresholds(data) {
        const bar = createTemporaryObject(barComponent, this, { load: data.load })
        compare(bar.severity, data.severity)
    }

    function test_fillFollowsLoad() {
        const bar = createTemporaryObject(barComponent, this, { load: 25 })
        const fill = findFill(bar)
        verify(fill !== null)
        waitForRendering(bar)
        const track = fill.parent
        verify(track.width > 100)
        fuzzyCompare(fill.width, track.width * 0.25, 0.5)
        bar.load = 80
        fuzzyCompare(fill.width, track.width * 0.8, 0.5)
        compare(fill.color, bar.barColor)
    }
}
