import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console
import "../components"

// Engine health at a glance: build, uptime, connection, thread pools, object counters.
Flickable {
    id: page

    required property ConsoleSession session
    readonly property DashboardModel dashboard: session.dashboard
    readonly property bool live: session.state === ConsoleSession.Connected
    readonly property string noDataText: live ? qsTr("Waiting for the first statistics…")
                                              : qsTr("No engine connected.")

    contentHeight: content.implicitHeight + 48
    clip: true
    ScrollBar.vertical: ScrollBar {}

    ColumnLayout {
        id: content
        x: 24
        y: 24
        width: page.width - 48
        spacing: 16

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Dashboard")
                font.pixelSize: 24
                font.bold: true
            }
            Item { Layout.fillWidth: true }
            Label {
                visible: page.dashboard.lastError.length > 0
                text: page.dashboard.lastError
                color: "#f85149"
                elide: Text.ElideRight
                Layout.maximumWidth: 520
            }
        }

        RowLayout {
            spacing: 16
            Layout.fillWidth: true

            Card {
                title: qsTr("Engine")
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                Layout.fillHeight: true

                FieldRow {
                    name: qsTr("Version")
                    value: page.dashboard.version.length > 0 ? page.dashboard.version : "—"
                    monospace: true
                    Layout.fillWidth: true
                }
                FieldRow {
                    name: qsTr("Branch")
                    value: page.dashboard.branch.length > 0 ? page.dashboard.branch : "—"
                    Layout.fillWidth: true
                }
                FieldRow {
                    name: qsTr("Built")
                    value: page.dashboard.buildTime.length > 0 ? page.dashboard.buildTime : "—"
                    Layout.fillWidth: true
                }
                FieldRow {
                    name: qsTr("Server ID")
                    value: page.dashboard.mediaServerId.length > 0 ? page.dashboard.mediaServerId : "—"
                    monospace: true
                    Layout.fillWidth: true
                }
            }

            Card {
                title: qsTr("Uptime")
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                Layout.fillHeight: true

                Label {
                    objectName: "uptime"
                    text: page.dashboard.hasStats ? page.dashboard.uptimeText : "—"
                    font.pixelSize: 34
                    font.bold: true
                    font.family: "DejaVu Sans Mono"
                }
                Label {
                    text: page.dashboard.enginePid > 0 ? qsTr("Process %1").arg(page.dashboard.enginePid) : ""
                    color: palette.placeholderText
                }
            }

            Card {
                title: qsTr("Connection")
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                Layout.fillHeight: true

                ConnectionPill {
                    connectionState: page.session.state
                }
                FieldRow {
                    name: qsTr("Engine URL")
                    value: page.session.engineUrl.length > 0 ? page.session.engineUrl : "—"
                    monospace: true
                    Layout.fillWidth: true
                }
                FieldRow {
                    name: qsTr("Mode")
                    value: page.session.settings.mode === ConnectionSettings.Remote
                           ? qsTr("Remote engine") : qsTr("Bundled engine")
                    Layout.fillWidth: true
                }
                FieldRow {
                    visible: !page.live && page.session.feed.lastError.length > 0
                    name: qsTr("Last error")
                    value: page.session.feed.lastError
                    Layout.fillWidth: true
                }
                FieldRow {
                    visible: page.session.settings.mode === ConnectionSettings.Bundled
                    name: qsTr("Restarts")
                    value: page.session.supervisor.restarts
                    Layout.fillWidth: true
                }
            }
        }

        RowLayout {
            spacing: 16
            Layout.fillWidth: true

            Card {
                title: qsTr("Network threads")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop

                Label {
                    text: page.dashboard.ioThreads.count > 0
                          ? qsTr("%n thread(s), average load %1%, worst delay %2 ms", "",
                                 page.dashboard.ioThreads.count)
                            .arg(page.dashboard.ioThreads.averageLoad)
                            .arg(page.dashboard.ioThreads.maxDelay)
                          : page.noDataText
                    color: palette.placeholderText
                }
                Repeater {
                    model: page.dashboard.ioThreads
                    delegate: LoadBar {
                        required property var model
                        label: model.name
                        load: model.load
                        delayMs: model.delay
                        Layout.fillWidth: true
                    }
                }
            }

            Card {
                title: qsTr("Worker threads")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop

                Label {
                    text: page.dashboard.workerThreads.count > 0
                          ? qsTr("%n thread(s), average load %1%, worst delay %2 ms", "",
                                 page.dashboard.workerThreads.count)
                            .arg(page.dashboard.workerThreads.averageLoad)
                            .arg(page.dashboard.workerThreads.maxDelay)
                          : page.noDataText
                    color: palette.placeholderText
                }
                Repeater {
                    model: page.dashboard.workerThreads
                    delegate: LoadBar {
                        required property var model
                        label: model.name
                        load: model.load
                        delayMs: model.delay
                        Layout.fillWidth: true
                    }
                }
            }
        }

        Card {
            title: qsTr("Live objects")
            Layout.fillWidth: true

            Label {
                visible: page.dashboard.counters.count === 0
                text: page.noDataText
                color: palette.placeholderText
            }
            Flow {
                spacing: 10
                Layout.fillWidth: true

                Repeater {
                    model: page.dashboard.counters
                    delegate: StatTile {
                        required property var model
                        name: model.name
                        value: model.value
                        width: 154
                    }
                }
            }
        }
    }
}
