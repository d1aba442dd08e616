import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Regie.Console

// One live picture: pulls `url` while active and visible, shows the title, the audio meter
// and, until pictures arrive, what the preview is doing.
Rectangle {
    id: tile

    property url url
    property string title
    property bool active: true
    property bool selected: false
    // VideoOutput.PreserveAspectFit shows the whole picture; PreserveAspectCrop fills the tile.
    property int fillMode: VideoOutput.PreserveAspectFit
    readonly property StreamPreview preview: player

    color: "#0b0d10"
    radius: 6
    border.color: selected ? palette.highlight : palette.mid
    border.width: selected ? 2 : 1
    clip: true

    StreamPreview {
        id: player
        objectName: "preview"
        url: tile.url
        playing: tile.active && tile.visible
        videoSink: output.videoSink
    }

    VideoOutput {
        id: output
        anchors.fill: parent
        anchors.margins: tile.border.width
        fillMode: tile.fillMode
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 24
        visible: player.state !== StreamPreview.Playing || player.frameCount === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        color: palette.placeholderText
        text: {
            switch (player.state) {
            case StreamPreview.Stopped:
                return qsTr("Preview off")
            case StreamPreview.Connecting:
                return qsTr("Connecting…")
            case StreamPreview.Waiting:
                return qsTr("Reconnecting: %1").arg(player.error)
            default:
                return qsTr("Waiting for a picture…")
            }
        }
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: tile.border.width
        height: 30
        color: "#b30b0d10"

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 10
            anchors.rightMargin: 10
            spacing: 10

            Rectangle {
                width: 8
                height: 8
                radius: 4
                color: player.state === StreamPreview.Playing ? "#3fb950" : "#d29922"
            }
            Label {
                text: tile.title
                font.bold: true
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            AudioMeter {
                levels: player.channelLevels
                Layout.preferredWidth: Math.min(96, tile.width / 4)
            }
            ToolButton {
                objectName: "listenButton"
                visible: player.canListen
                text: player.listening ? "🔊" : "🔈"
                checkable: true
                checked: player.listening
                implicitHeight: 26
                onToggled: player.listening = checked
                ToolTip.visible: hovered
                ToolTip.text: player.listening ? qsTr("Stop listening") : qsTr("Listen")
            }
        }
    }
}
