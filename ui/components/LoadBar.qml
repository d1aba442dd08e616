import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One thread's load (0–100 %) as a bar, with its scheduling delay.
Item {
    id: bar

    property string label
    property int load: 0
    property int delayMs: 0

    readonly property real fraction: Math.max(0, Math.min(1, load / 100))
    readonly property string severity: load >= 90 ? "critical" : load >= 70 ? "high" : "normal"
    readonly property color barColor: severity === "critical" ? "#f85149"
                                    : severity === "high" ? "#d29922" : "#3fb950"

    implicitWidth: 320
    implicitHeight: 22

    RowLayout {
        anchors.fill: parent
        spacing: 10

        Label {
            text: bar.label
            color: palette.placeholderText
            font.family: "DejaVu Sans Mono"
            Layout.preferredWidth: 32
        }
        Rectangle {
            id: track
            color: palette.alternateBase
            radius: 4
            Layout.fillWidth: true
            Layout.preferredHeight: 10

            Rectangle {
                id: fill
                objectName: "fill"
                width: track.width * bar.fraction
                height: parent.height
                radius: 4
                color: bar.barColor
            }
        }
        Label {
            text: qsTr("%1%").arg(bar.load)
            horizontalAlignment: Text.AlignRight
            font.family: "DejaVu Sans Mono"
            Layout.preferredWidth: 44
        }
        Label {
            text: qsTr("%1 ms").arg(bar.delayMs)
            horizontalAlignment: Text.AlignRight
            color: bar.delayMs >= 50 ? "#d29922" : palette.placeholderText
            font.family: "DejaVu Sans Mono"
            Layout.preferredWidth: 64
        }
    }
}
