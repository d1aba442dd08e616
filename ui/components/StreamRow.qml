import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One stream in the list: its name and origin, tracks, bitrate, readers and uptime. The
// required properties are the StreamListModel roles, so the details pane can read them too.
ItemDelegate {
    id: row

    required property int index
    required property string key
    required property string app
    required property string stream
    required property string origin
    required property string originUrl
    required property string peer
    required property string videoText
    required property string audioText
    required property int bitrateKbps
    required property int readers
    required property string uptimeText
    required property string rtmpUrl
    required property string flvUrl
    required property string wsFlvUrl
    property bool selected: false
    readonly property StreamColumns columns: StreamColumns {}

    height: 48
    background: Rectangle {
        radius: 4
        color: row.selected ? palette.alternateBase : row.hovered ? "#1d2129" : "transparent"
        Rectangle {
            visible: row.selected
            width: 3
            height: parent.height
            radius: 1
            color: palette.highlight
        }
    }

    contentItem: RowLayout {
        spacing: 8

        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Layout.leftMargin: 2

            Label {
                text: row.app + "/" + row.stream
                font.bold: true
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Label {
                text: row.peer.length > 0 ? row.origin + " · " + row.peer : row.origin
                color: palette.placeholderText
                font.pixelSize: 11
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        ColumnLayout {
            spacing: 2
            Layout.preferredWidth: row.columns.tracks

            Label {
                text: row.videoText.length > 0 ? row.videoText : qsTr("no video")
                font.family: "DejaVu Sans Mono"
                font.pixelSize: 11
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: row.audioText.length > 0 ? row.audioText : qsTr("no audio")
                color: palette.placeholderText
                font.family: "DejaVu Sans Mono"
                font.pixelSize: 11
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        Label {
            text: qsTr("%1 kbit/s").arg(row.bitrateKbps)
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 12
            horizontalAlignment: Text.AlignRight
            Layout.preferredWidth: row.columns.bitrate
        }
        Label {
            text: row.readers
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 12
            horizontalAlignment: Text.AlignRight
            Layout.preferredWidth: row.columns.readers
        }
        Label {
            text: row.uptimeText
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 12
            horizontalAlignment: Text.AlignRight
            Layout.preferredWidth: row.columns.uptime
        }
    }
}
