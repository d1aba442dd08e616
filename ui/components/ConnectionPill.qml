import QtQuick
import Regie.Console

// The console's connection state as a status pill.
StatusPill {
    property int connectionState: ConsoleSession.Idle

    text: {
        switch (connectionState) {
        case ConsoleSession.Connected: return qsTr("Connected")
        case ConsoleSession.StartingEngine: return qsTr("Starting engine")
        case ConsoleSession.Connecting: return qsTr("Connecting")
        case ConsoleSession.Reconnecting: return qsTr("Reconnecting")
        default: return qsTr("Not connected")
        }
    }
    tone: connectionState === ConsoleSession.Connected ? "#3fb950"
        : connectionState === ConsoleSession.Idle ? "#8a93a3" : "#d29922"
}
