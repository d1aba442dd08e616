import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console
import "../components"

// Ban rules: who may not log in or publish (user rules), which streams are muted (stream
// rules) and which stream ids may not be published at all (forbids); each editor validates
// against the Actions' limits and says what the rule will and will not do.
Item {
    id: page

    required property ConsoleSession session
    readonly property RuleEditor editor: session.ruleEditor

    // Durations offered by the editors, in seconds (the Actions allow 1 s to 24 h).
    readonly property var durations: [[qsTr("5 minutes"), 300], [qsTr("1 hour"), 3600],
                                      [qsTr("6 hours"), 21600], [qsTr("24 hours"), 86400]]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16

        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            Label {
                text: qsTr("Rules")
                font.pixelSize: 24
                font.bold: true
            }
            Label {
                objectName: "ruleCount"
                text: qsTr("%1 in force").arg(page.session.userRules.inForceCount
                                              + page.session.streamRules.inForceCount
                                              + page.session.streamForbids.inForceCount)
                color: palette.placeholderText
                Layout.alignment: Qt.AlignBottom
                Layout.bottomMargin: 4
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "ruleError"
                visible: text.length > 0
                text: page.editor.lastError
                color: "#f85149"
                elide: Text.ElideRight
                Layout.maximumWidth: 560
            }
        }

        GridLayout {
            columns: 2
            columnSpacing: 16
            rowSpacing: 16
            Layout.fillWidth: true
            Layout.fillHeight: true

            Card {
                title: qsTr("User rules")
                stretch: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                RuleList {
                    objectName: "userRuleList"
                    model: page.session.userRules
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    onEditRequested: fields => userEditor.load(fields)
                    onDeleteRequested: fields => page.editor.deleteUserRule(fields.ruleType, fields.ip,
                                                                              fields.roomId, fields.userId)
                }
            }

            Card {
                id: userEditor
                objectName: "userRuleEditor"
                title: qsTr("User rule")
                Layout.preferredWidth: 420
                Layout.fillHeight: true

                property int ruleType: typeBox.currentIndex + 1
                readonly property int seconds: page.durations[userDuration.currentIndex][1]
                readonly property string problem: page.editor.userRuleProblem(
                    ruleType, ipField.text, roomField.text, userField.text,
                    loginBox.checked, publishBox.checked, seconds)

                function load(fields) {
                    typeBox.currentIndex = fields.ruleType - 1
                    ipField.text = fields.ip
                    roomField.text = fields.roomId
                    userField.text = fields.userId
                    loginBox.checked = fields.login
                    publishBox.checked = fields.publish
                }

                ComboBox {
                    id: typeBox
                    objectName: "ruleType"
                    model: [qsTr("An IP address"), qsTr("A room"), qsTr("A user, in every room"),
                            qsTr("A user in one room")]
                    Layout.fillWidth: true
                }
                TextField {
                    id: ipField
                    objectName: "ipField"
                    visible: userEditor.ruleType === 1
                    placeholderText: qsTr("IP address")
                    Layout.fillWidth: true
                }
                TextField {
                    id: roomField
                    objectName: "roomField"
                    visible: userEditor.ruleType === 2 || userEditor.ruleType === 4
                    placeholderText: qsTr("Room id")
                    Layout.fillWidth: true
                }
                TextField {
                    id: userField
                    objectName: "userField"
                    visible: userEditor.ruleType >= 3
                    placeholderText: qsTr("User id")
                    Layout.fillWidth: true
                }
                RowLayout {
                    CheckBox { id: loginBox; objectName: "loginBox"; text: qsTr("Ban login"); checked: true }
                    CheckBox { id: publishBox; objectName: "publishBox"; text: qsTr("Ban publishing") }
                }
                ComboBox {
                    id: userDuration
                    model: page.durations.map(d => d[0])
                    currentIndex: 1
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "userRuleText"
                    text: userEditor.problem.length > 0 ? userEditor.problem
                          : page.editor.describeUserRule(userEditor.ruleType, ipField.text, roomField.text,
                                                          userField.text, loginBox.checked,
                                                          publishBox.checked, userEditor.seconds)
                    color: userEditor.problem.length > 0 ? "#f0b72f" : palette.windowText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "setUserRule"
                    text: qsTr("Set rule")
                    enabled: userEditor.problem.length === 0
                    highlighted: true
                    onClicked: page.editor.setUserRule(userEditor.ruleType, ipField.text, roomField.text,
                                                       userField.text, loginBox.checked,
                                                       publishBox.checked, userEditor.seconds)
                }
            }

            Card {
                title: qsTr("Stream rules and forbidden streams")
                stretch: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                RuleList {
                    objectName: "streamRuleList"
                    model: page.session.streamRules
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    onEditRequested: fields => streamEditor.load(fields)
                    onDeleteRequested: fields => page.editor.deleteStreamRule(fields.roomId, fields.streamId)
                }
                RuleList {
                    objectName: "forbidList"
                    model: page.session.streamForbids
                    deleteText: qsTr("Resume")
                    emptyText: qsTr("No forbidden streams.")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 160)
                    onDeleteRequested: fields => page.editor.resumeStream(fields.streamId, fields.kind)
                }
            }

            Card {
                id: streamEditor
                objectName: "streamRuleEditor"
                title: qsTr("Stream rule")
                Layout.preferredWidth: 420
                Layout.fillHeight: true

                readonly property int seconds: page.durations[streamDuration.currentIndex][1]
                readonly property string problem: page.editor.streamRuleProblem(
                    streamRoom.text, streamId.text, audioBox.checked, videoBox.checked, seconds)

                function load(fields) {
                    streamRoom.text = fields.roomId
                    streamId.text = fields.streamId
                    audioBox.checked = fields.disableAudio
                    videoBox.checked = fields.disableVideo
                }

                TextField { id: streamRoom; objectName: "streamRoom"; placeholderText: qsTr("Room id"); Layout.fillWidth: true }
                TextField { id: streamId; objectName: "streamId"; placeholderText: qsTr("Stream id"); Layout.fillWidth: true }
                RowLayout {
                    CheckBox { id: audioBox; objectName: "audioBox"; text: qsTr("Mute audio") }
                    CheckBox { id: videoBox; objectName: "videoBox"; text: qsTr("Mute video"); checked: true }
                }
                ComboBox {
                    id: streamDuration
                    model: page.durations.map(d => d[0])
                    currentIndex: 2
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "streamRuleText"
                    text: streamEditor.problem.length > 0 ? streamEditor.problem
                          : page.editor.describeStreamRule(streamRoom.text, streamId.text, audioBox.checked,
                                                            videoBox.checked, streamEditor.seconds)
                    color: streamEditor.problem.length > 0 ? "#f0b72f" : palette.windowText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Button {
                        objectName: "setStreamRule"
                        text: qsTr("Set rule")
                        enabled: streamEditor.problem.length === 0
                        highlighted: true
                        onClicked: page.editor.setStreamRule(streamRoom.text, streamId.text, audioBox.checked,
                                                             videoBox.checked, streamEditor.seconds)
                    }
                    Button {
                        objectName: "forbidStream"
                        text: qsTr("Forbid stream")
                        enabled: streamId.text.length > 0
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Cuts the publisher now and refuses the stream id until resumed.")
                        onClicked: page.editor.forbidStream(streamId.text)
                    }
                }
            }
        }
    }
}
