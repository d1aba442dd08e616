import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console
import "../components"

// Connection (bundled or remote engine), language, and the engine's configuration.
Item {
    id: page

    required property ConsoleSession session
    required property LanguageManager languages
    readonly property ConnectionSettings settings: session.settings
    readonly property bool remote: remoteButton.checked

    RowLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16

        ColumnLayout {
            spacing: 16
            Layout.preferredWidth: 420
            Layout.maximumWidth: 420
            Layout.fillHeight: true

            Label {
                text: qsTr("Settings")
                font.pixelSize: 24
                font.bold: true
            }

            Card {
                title: qsTr("Connection")
                Layout.fillWidth: true

                RadioButton {
                    id: bundledButton
                    text: qsTr("Bundled engine (started and supervised by the console)")
                    checked: page.settings.mode === ConnectionSettings.Bundled
                }
                RadioButton {
                    id: remoteButton
                    objectName: "remoteButton"
                    text: qsTr("Remote engine")
                    checked: page.settings.mode === ConnectionSettings.Remote
                }
                GridLayout {
                    columns: 2
                    columnSpacing: 10
                    rowSpacing: 8
                    enabled: page.remote
                    opacity: enabled ? 1 : 0.5
                    Layout.fillWidth: true

                    Label { text: qsTr("URL") }
                    TextField {
                        id: urlField
                        text: page.settings.remoteUrl
                        placeholderText: "http://192.168.1.20:8080"
                        Layout.fillWidth: true
                    }
                    Label { text: qsTr("ZLM secret") }
                    TextField {
                        id: secretField
                        text: page.settings.secret
                        echoMode: TextInput.Password
                        Layout.fillWidth: true
                    }
                    Label { text: qsTr("AppId") }
                    TextField {
                        id: appIdField
                        text: page.settings.appId
                        validator: RegularExpressionValidator { regularExpression: /[0-9]{0,10}/ }
                        Layout.fillWidth: true
                    }
                    Label { text: qsTr("ServerSecret") }
                    TextField {
                        id: serverSecretField
                        text: page.settings.serverSecret
                        echoMode: TextInput.Password
                        Layout.fillWidth: true
                    }
                }
                FieldRow {
                    visible: bundledButton.checked
                    name: qsTr("Engine config")
                    value: page.session.supervisor.configPath
                    monospace: true
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    ConnectionPill {
                        connectionState: page.session.state
                    }
                    Item { Layout.fillWidth: true }
                    Button {
                        objectName: "connectButton"
                        text: qsTr("Apply and connect")
                        highlighted: true
                        onClicked: {
                            page.settings.remoteUrl = urlField.text
                            page.settings.secret = secretField.text
                            page.settings.appId = appIdField.text
                            page.settings.serverSecret = serverSecretField.text
                            page.settings.mode = page.remote ? ConnectionSettings.Remote
                                                             : ConnectionSettings.Bundled
                            page.session.connectEngine()
                        }
                    }
                }
            }

            Card {
                title: qsTr("Language")
                Layout.fillWidth: true

                ComboBox {
                    id: languageBox
                    objectName: "languageBox"
                    model: page.languages.languages
                    textRole: "name"
                    valueRole: "code"
                    Layout.fillWidth: true
                    Component.onCompleted: currentIndex = indexOfValue(page.languages.language)
                    onActivated: page.languages.language = currentValue
                }
            }

            Item { Layout.fillHeight: true }
        }

        Card {
            title: qsTr("Engine configuration")
            stretch: true
            Layout.fillWidth: true
            Layout.fillHeight: true

            ConfigEditor {
                config: page.session.config
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
        }
    }
}
