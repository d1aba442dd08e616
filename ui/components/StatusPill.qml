import QtQuick
import QtQuick.Controls

// A rounded status label with a coloured dot.
Rectangle {
    id: pill

    property string text
    property color tone: "#8a93a3"

    implicitWidth: label.implicitWidth + 30
    implicitHeight: 24
    radius: height / 2
    color: Qt.rgba(tone.r, tone.g, tone.b, 0.16)
    border.color: Qt.rgba(tone.r, tone.g, tone.b, 0.55)

    Rectangle {
        id: dot
        width: 8
        height: 8
        radius: 4
        color: pill.tone
        anchors.left: parent.left
        anchors.leftMargin: 10
        anchors.verticalCenter: parent.verticalCenter
    }

    Label {
        id: label
        text: pill.text
        color: pill.tone
        font.pixelSize: 12
        font.bold: true
        anchors.left: dot.right
        anchors.leftMargin: 6
        anchors.verticalCenter: parent.verticalCenter
    }
}
