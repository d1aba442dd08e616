import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A counter: its value large, its name small.
Rectangle {
    id: tile

    property string name
    property var value: 0

    implicitWidth: 154
    implicitHeight: 58
    radius: 6
    color: palette.alternateBase

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 2

        Label {
            text: String(tile.value)
            font.pixelSize: 20
            font.bold: true
            font.family: "DejaVu Sans Mono"
        }
        Label {
            text: tile.name
            color: palette.placeholderText
            font.pixelSize: 10
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
