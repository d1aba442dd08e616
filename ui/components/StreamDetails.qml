import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console

// The selected stream: live preview, facts, play URLs, and the close and kick actions.
Card {
    id: details

    // The selected StreamRow of the list (its properties are the model's roles), or null.
    property var row: null
    property StreamListModel streams
    property bool active: true
    readonly property bool hasRow: row !== null
    readonly property bool showsPlayers: hasRow && streams.playersKey === row.key

    title: qsTr("Selected stream")
    stretch: true

    StreamTile {
        objectName: "detailsTile"
        url: details.hasRow ? details.row.flvUrl : ""
        title: details.hasRow ? details.row.app + "/" + details.row.stream : ""
        active: details.active && details.hasRow
        Layout.fillWidth: true
        Layout.preferredHeight: width * 9 / 16
    }

    FieldRow {
        name: qsTr("Origin")
        value: !details.hasRow ? "—"
               : details.row.peer.length > 0 ? details.row.origin + " · " + details.row.peer
                                              : details.row.origin
        Layout.fillWidth: true
    }
    FieldRow {
        name: qsTr("Video")
        value: details.hasRow && details.row.videoText.length > 0 ? details.row.videoText : "—"
        monospace: true
        Layout.fillWidth: true
    }
    FieldRow {
        name: qsTr("Audio")
        value: details.hasRow && details.row.audioText.length > 0 ? details.row.audioText : "—"
        monospace: true
        Layout.fillWidth: true
    }
    FieldRow {
        name: qsTr("Bitrate · readers")
        value: details.hasRow ? qsTr("%1 kbit/s · %n reader(s)", "", details.row.readers)
                                .arg(details.row.bitrateKbps)
                              : "—"
        Layout.fillWidth: true
    }

    CopyField {
        objectName: "rtmpUrl"
        name: "RTMP"
        value: details.hasRow ? details.row.rtmpUrl : ""
        Layout.fillWidth: true
    }
    CopyField {
        objectName: "flvUrl"
        name: "HTTP-FLV"
        value: details.hasRow ? details.row.flvUrl : ""
        Layout.fillWidth: true
    }
    CopyField {
        objectName: "wsFlvUrl"
        name: "WS-FLV"
        value: details.hasRow ? details.row.wsFlvUrl : ""
        Layout.fillWidth: true
    }

    RowLayout {
        spacing: 8
        Layout.fillWidth: true

        Button {
            objectName: "closeButton"
            text: qsTr("Close stream…")
            enabled: details.hasRow
            onClicked: {
                confirmClose.key = details.row.key
                confirmClose.open()
            }
        }
        Button {
            objectName: "playersButton"
            text: qsTr("Show players")
            enabled: details.hasRow
            onClicked: details.streams.loadPlayers(details.row.key)
        }
    }

    ListView {
        objectName: "players"
        visible: details.showsPlayers
        model: details.showsPlayers ? details.streams.players : []
        clip: true
        spacing: 2
        Layout.fillWidth: true
        Layout.fillHeight: true

        header: Label {
            text: qsTr("%n player(s)", "", ListView.view ? ListView.view.count : 0)
            color: palette.placeholderText
            bottomPadding: 4
        }
        delegate: RowLayout {
            required property var modelData
            width: ListView.view.width
            spacing: 8

            Label {
                text: modelData.peer
                font.family: "DejaVu Sans Mono"
                font.pixelSize: 12
                Layout.fillWidth: true
            }
            Label {
                text: modelData.type
                color: palette.placeholderText
                font.pixelSize: 11
                elide: Text.ElideRight
                Layout.maximumWidth: 140
            }
            Button {
                text: qsTr("Kick")
                onClicked: details.streams.kickPlayer(modelData.id)
            }
        }
    }
    Item {
        visible: !details.showsPlayers
        Layout.fillHeight: true
    }

    Dialog {
        id: confirmClose

        property string key

        objectName: "confirmClose"
        anchors.centerIn: Overlay.overlay
        modal: true
        title: qsTr("Close this stream?")

        Label {
            text: qsTr("%1 is disconnected from its publisher and every player stops.")
                  .arg(confirmClose.key)
            wrapMode: Text.WordWrap
            width: 360
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Close stream")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: details.streams.closeStream(key)
    }
}
