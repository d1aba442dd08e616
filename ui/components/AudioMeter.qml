import QtQuick

// Peak meter: one horizontal bar per audio channel, 0..1, green to amber to red.
Item {
    id: meter

    // Peaks per channel, 0..1.
    property var levels: []
    property int barHeight: 4

    implicitWidth: 96
    implicitHeight: Math.max(1, levels.length) * (barHeight + 2) - 2

    Column {
        anchors.fill: parent
        spacing: 2

        Repeater {
            model: meter.levels.length
            delegate: Rectangle {
                required property int index
                readonly property real level: meter.levels[index] ?? 0

                width: meter.width
                height: meter.barHeight
                radius: height / 2
                color: "#2a303a"

                Rectangle {
                    width: parent.width * Math.min(1, parent.level)
                    height: parent.height
                    radius: parent.radius
                    color: parent.level > 0.9 ? "#f85149" : parent.level > 0.6 ? "#d29922" : "#3fb950"
                    Behavior on width { NumberAnimation { duration: 90 } }
                }
            }
        }
    }
}
