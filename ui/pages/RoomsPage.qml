import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console
import "../components"

// The engine's rooms with live user and stream counts; the selected room's users and streams
// (with a live preview), messages to the room, kicks and closing the room.
Item {
    id: page

    required property ConsoleSession session
    readonly property RoomListModel rooms: session.rooms
    readonly property RoomDetail room: session.room
    readonly property bool live: session.state === ConsoleSession.Connected
    property string selectedStream: room.streams.length > 0 ? room.streams[0].streamId : ""
    readonly property int previewRow: {
        session.streams.count  // re-evaluate as streams come and go
        return session.streams.indexOfStreamName(selectedStream)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16

        RowLayout {
            spacing: 12
            Layout.fillWidth: true

            Label {
                text: qsTr("Rooms")
                font.pixelSize: 24
                font.bold: true
            }
            Label {
                objectName: "roomCount"
                text: qsTr("%n room(s)", "", page.rooms.count) + " · "
                      + qsTr("%n user(s)", "", page.rooms.userTotal)
                color: palette.placeholderText
                Layout.alignment: Qt.AlignBottom
                Layout.bottomMargin: 4
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "roomError"
                visible: text.length > 0
                text: page.room.lastError
                color: "#f85149"
                elide: Text.ElideRight
                Layout.maximumWidth: 560
            }
        }

        RowLayout {
            spacing: 16
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                spacing: 16
                Layout.preferredWidth: 320
                Layout.maximumWidth: 320
                Layout.fillHeight: true

            Card {
                title: qsTr("Rooms")
                stretch: true
                Layout.fillWidth: true
                Layout.fillHeight: true

                Label {
                    objectName: "emptyNotice"
                    visible: page.rooms.count === 0
                    text: page.live ? qsTr("No rooms. A room opens when a client logs in to it over the room signalling WebSocket (/room/ws).")
                                    : qsTr("No engine connected.")
                    color: palette.placeholderText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                ListView {
                    id: roomList
                    objectName: "roomList"
                    model: page.rooms
                    clip: true
                    spacing: 2
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
                    onCurrentIndexChanged: page.room.roomId = currentItem ? currentItem.roomId : ""

                    delegate: ItemDelegate {
                        id: roomRow
                        required property int index
                        required property string roomId
                        required property int userCount
                        required property int streamCount
                        required property string ageText
                        width: ListView.view.width
                        highlighted: ListView.isCurrentItem
                        onClicked: roomList.currentIndex = index
                        contentItem: RowLayout {
                            spacing: 8
                            Label {
                                text: roomRow.roomId
                                font.bold: true
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: qsTr("%1 users · %2 streams").arg(roomRow.userCount).arg(roomRow.streamCount)
                                color: palette.placeholderText
                            }
                        }
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Open for %1").arg(roomRow.ageText)
                    }
                }
            }

            Card {
                id: tokenCard
                objectName: "tokenCard"
                title: qsTr("Client token")
                visible: page.session.tokens.available
                Layout.fillWidth: true

                property string token

                TextField { id: tokenUser; objectName: "tokenUser"; placeholderText: qsTr("User id"); Layout.fillWidth: true }
                TextField { id: tokenRoom; objectName: "tokenRoom"; placeholderText: qsTr("Room id (empty: any room)"); Layout.fillWidth: true }
                RowLayout {
                    CheckBox { id: tokenPublish; text: qsTr("May publish"); checked: true }
                    Item { Layout.fillWidth: true }
                    Button {
                        objectName: "makeToken"
                        text: qsTr("Make token")
                        enabled: tokenUser.text.length > 0
                        onClicked: tokenCard.token = page.session.tokens.generate(
                                       tokenUser.text, tokenRoom.text, tokenPublish.checked, 24 * 3600)
                    }
                }
                CopyField {
                    objectName: "tokenField"
                    visible: tokenCard.token.length > 0
                    name: qsTr("Token04, valid for 24 hours")
                    value: tokenCard.token
                    Layout.fillWidth: true
                }
                Label {
                    visible: text.length > 0
                    text: page.session.tokens.lastError
                    color: "#f85149"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
            }

            ColumnLayout {
                visible: page.rooms.count > 0
                spacing: 16
                Layout.fillWidth: true
                Layout.fillHeight: true

                Card {
                    title: qsTr("Room %1").arg(page.room.roomId)
                    Layout.fillWidth: true

                    RowLayout {
                        spacing: 8
                        Layout.fillWidth: true
                        TextField {
                            id: message
                            objectName: "messageField"
                            placeholderText: qsTr("Message to the room")
                            maximumLength: 1024
                            Layout.fillWidth: true
                        }
                        Button {
                            objectName: "broadcastButton"
                            text: qsTr("Broadcast")
                            enabled: message.text.length > 0
                            onClicked: page.room.sendBroadcast(message.text)
                        }
                        Button {
                            objectName: "commandButton"
                            text: qsTr("Custom command")
                            enabled: message.text.length > 0
                            onClicked: page.room.sendCustomCommand(message.text, [])
                        }
                    }
                    RowLayout {
                        spacing: 8
                        Layout.fillWidth: true
                        TextField {
                            id: reason
                            objectName: "reasonField"
                            placeholderText: qsTr("Reason shown to kicked users (optional)")
                            maximumLength: 256
                            Layout.fillWidth: true
                        }
                        Button {
                            objectName: "closeRoomButton"
                            text: qsTr("Close room")
                            onClicked: page.room.closeRoom(reason.text)
                        }
                    }
                    Connections {
                        target: page.room
                        function onActionDone(action) {
                            if (action === "broadcast" || action === "command")
                                message.clear()
                        }
                    }
                }

                RowLayout {
                    spacing: 16
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    Card {
                        title: qsTr("Users (%1)").arg(page.room.users.count)
                        stretch: true
                        Layout.fillWidth: true
                        Layout.fillHeight: true

                        ListView {
                            objectName: "userList"
                            model: page.room.users
                            clip: true
                            spacing: 2
                            boundsBehavior: Flickable.StopAtBounds
                            ScrollBar.vertical: ScrollBar {}
                            Layout.fillWidth: true
                            Layout.fillHeight: true

                            delegate: RowLayout {
                                id: userRow
                                required property string userId
                                required property string userName
                                required property string roleText
                                required property string loginTimeText
                                required property string ip
                                width: ListView.view.width
                                spacing: 10
                                ColumnLayout {
                                    spacing: 0
                                    Layout.fillWidth: true
                                    Layout.minimumWidth: 0
                                    Label {
                                        text: userRow.userName.length > 0 && userRow.userName !== userRow.userId
                                              ? "%1 (%2)".arg(userRow.userName).arg(userRow.userId) : userRow.userId
                                        elide: Text.ElideRight
                                        Layout.fillWidth: true
                                    }
                                    Label {
                                        text: [userRow.roleText,
                                               userRow.loginTimeText.length > 0 ? qsTr("in since %1").arg(userRow.loginTimeText) : "",
                                               userRow.ip].filter(t => t.length > 0).join(" · ")
                                        color: palette.placeholderText
                                        font.pixelSize: 12
                                        elide: Text.ElideRight
                                        Layout.fillWidth: true
                                    }
                                }
                                Button {
                                    objectName: "kickButton"
                                    text: qsTr("Kick")
                                    onClicked: page.room.kickUser(userRow.userId, reason.text)
                                }
                            }
                        }
                    }

                    Card {
                        title: qsTr("Streams (%1)").arg(page.room.streams.length)
                        stretch: true
                        Layout.preferredWidth: 380
                        Layout.fillHeight: true

                        StreamTile {
                            objectName: "roomPreview"
                            visible: page.selectedStream.length > 0
                            title: page.selectedStream
                            url: page.previewRow >= 0 ? page.session.streams.get(page.previewRow, "flvUrl") : ""
                            active: page.previewRow >= 0
                            Layout.fillWidth: true
                            Layout.preferredHeight: width * 9 / 16
                        }

                        ListView {
                            objectName: "roomStreamList"
                            model: page.room.streams
                            clip: true
                            spacing: 2
                            Layout.fillWidth: true
                            Layout.fillHeight: true

                            delegate: ItemDelegate {
                                required property var modelData
                                width: ListView.view.width
                                highlighted: modelData.streamId === page.selectedStream
                                text: qsTr("%1 — by %2, since %3").arg(modelData.streamId)
                                      .arg(modelData.userName.length > 0 ? modelData.userName : modelData.userId)
                                      .arg(modelData.since)
                                onClicked: page.selectedStream = modelData.streamId
                            }
                        }
                    }
                }
            }
        }
    }
}
