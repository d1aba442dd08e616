import QtQuick
import QtTest
import Regie.Ui

TestCase {
    name: "PlaceholderPage"
    width: 800
    height: 600
    when: windowShown

    Component {
        id: page
        PlaceholderPage { anchors.fill: parent }
    }

    function test_saysPlainlyWhatIsMissing() {
        const item = createTemporaryObject(page, this,
                                           { title: "Rooms", arrivesWith: "the room service" })
        const notice = findChild(item, "notice")
        verify(notice !== null)
        compare(notice.text, "Not built yet — arrives with the room service.")
    }
}
