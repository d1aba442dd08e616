import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Column titles of the stream list.
RowLayout {
    id: header

    readonly property StreamColumns columns: StreamColumns {}

    spacing: 8

    component Title: Label {
        color: palette.placeholderText
        font.pixelSize: 11
        font.bold: true
        font.capitalization: Font.AllUppercase
        elide: Text.ElideRight
    }

    Title { text: qsTr("Stream"); Layout.fillWidth: true; Layout.leftMargin: 10 }
    Title { text: qsTr("Tracks"); Layout.preferredWidth: header.columns.tracks }
    Title {
        text: qsTr("Bitrate")
        horizontalAlignment: Text.AlignRight
        Layout.preferredWidth: header.columns.bitrate
    }
    Title {
        text: qsTr("Readers")
        horizontalAlignment: Text.AlignRight
        Layout.preferredWidth: header.columns.readers
    }
    Title {
        text: qsTr("Uptime")
        horizontalAlignment: Text.AlignRight
        Layout.preferredWidth: header.columns.uptime
        Layout.rightMargin: 10
    }
}
