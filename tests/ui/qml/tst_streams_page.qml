import QtQuick
import QtTest
import Regie.Console
import Regie.Ui

// The Streams page bound to a session that never connected, and a preview tile with no URL.
TestCase {
    name: "StreamsPage"
    width: 1070
    height: 750
    when: windowShown
    visible: true

    Component {
        id: streamsPage
        StreamsPage { anchors.fill: parent; session: idleSession }
    }

    Component {
        id: tile
        StreamTile { width: 320; height: 180; title: "live/test" }
    }

    function test_saysThereIsNoEngine() {
        const page = createTemporaryObject(streamsPage, this)
        verify(page !== null)
        compare(page.streams.count, 0)
        compare(findChild(page, "emptyNotice").text, "No engine connected.")
        compare(findChild(page, "streamCount").text, "0 live streams")
        compare(findChild(page, "streamsError").visible, false)
    }

    function test_switchesBetweenListAndGrid() {
        const page = createTemporaryObject(streamsPage, this)
        compare(page.gridMode, false)
        mouseClick(findChild(page, "gridButton"))
        compare(page.gridMode, true)
        compare(findChild(page, "listButton").checked, false)
        mouseClick(findChild(page, "listButton"))
        compare(page.gridMode, false)
    }

    function test_tileWithoutUrlStaysOff() {
        const item = createTemporaryObject(tile, this)
        compare(item.preview.playing, true)
        compare(item.preview.state, StreamPreview.Stopped)
        compare(item.preview.frameCount, 0)
        item.active = false
        compare(item.preview.playing, false)
    }
}
