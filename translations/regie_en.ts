<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiResult</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed reply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <source>Search keys and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some changes take effect only after the engine restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 keys · press Enter to apply a value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigModel</name>
    <message>
        <source>Cannot set %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restart the engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionPill</name>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>The engine is shutting down (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attaching to the engine at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s), average load %1%, worst delay %2 ms</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first statistics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No engine connected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineSupervisor</name>
    <message>
        <source>The engine did not report ready in time; killing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine ignored SIGTERM; killing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 (pid %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine listens on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine crashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine exited with status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Restarting in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventFeed</name>
    <message>
        <source>The event feed went silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable event: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadBar</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoscroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No log lines yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lines match the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Regie — control room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mix Designer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxies &amp; RTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the media core and the stream registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the room service of the ZEGO API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mix service (StartMix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream and user ban rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the moderation service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record service and the media library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy and RTP services</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Not built yet — arrives with %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled engine (started and supervised by the console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZLM secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AppId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ServerSecret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine configuration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
