<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiResult</name>
    <message>
        <source>OK</source>
        <translation></translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Malformed reply: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Engine error %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <source>Search keys and values</source>
        <translation></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation></translation>
    </message>
    <message>
        <source>Restart engine</source>
        <translation></translation>
    </message>
    <message>
        <source>Some changes take effect only after the engine restarts.</source>
        <translation></translation>
    </message>
    <message>
        <source>restart</source>
        <translation></translation>
    </message>
    <message>
        <source>Loading the configuration…</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 of %2 keys · press Enter to apply a value</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ConfigModel</name>
    <message>
        <source>Cannot set %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot restart the engine: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ConnectionPill</name>
    <message>
        <source>Connected</source>
        <translation></translation>
    </message>
    <message>
        <source>Starting engine</source>
        <translation></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>The engine is shutting down (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>Attaching to the engine at %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation></translation>
    </message>
    <message>
        <source>Version</source>
        <translation></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation></translation>
    </message>
    <message>
        <source>Built</source>
        <translation></translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation></translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation></translation>
    </message>
    <message>
        <source>Engine URL</source>
        <translation></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation></translation>
    </message>
    <message>
        <source>Remote engine</source>
        <translation></translation>
    </message>
    <message>
        <source>Bundled engine</source>
        <translation></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation></translation>
    </message>
    <message>
        <source>Network threads</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s), average load %1%, worst delay %2 ms</source>
        <translation>
            <numerusform>%n thread, average load %1%, worst delay %2 ms</numerusform>
            <numerusform>%n threads, average load %1%, worst delay %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation></translation>
    </message>
    <message>
        <source>Live objects</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting for the first statistics…</source>
        <translation></translation>
    </message>
    <message>
        <source>No engine connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>EngineSupervisor</name>
    <message>
        <source>The engine did not report ready in time; killing it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The engine ignored SIGTERM; killing it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Started %1 (pid %2).</source>
        <translation></translation>
    </message>
    <message>
        <source>The engine listens on %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The engine crashed.</source>
        <translation></translation>
    </message>
    <message>
        <source>The engine exited with status %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 Restarting in %2 ms.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>EventFeed</name>
    <message>
        <source>The event feed went silent.</source>
        <translation></translation>
    </message>
    <message>
        <source>Unreadable event: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>FfmpegPull</name>
    <message>
        <source>No answer within %1 ms.</source>
        <translation></translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation></translation>
    </message>
    <message>
        <source>The stream has no audio or video this preview can decode.</source>
        <translation></translation>
    </message>
    <message>
        <source>The stream ended.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LoadBar</name>
    <message>
        <source>%1%</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Log</source>
        <translation></translation>
    </message>
    <message>
        <source>Level</source>
        <translation></translation>
    </message>
    <message>
        <source>Trace</source>
        <translation></translation>
    </message>
    <message>
        <source>Debug</source>
        <translation></translation>
    </message>
    <message>
        <source>Info</source>
        <translation></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation></translation>
    </message>
    <message>
        <source>Error</source>
        <translation></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation></translation>
    </message>
    <message>
        <source>Autoscroll</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation></translation>
    </message>
    <message>
        <source>engine</source>
        <translation></translation>
    </message>
    <message>
        <source>output</source>
        <translation></translation>
    </message>
    <message>
        <source>console</source>
        <translation></translation>
    </message>
    <message>
        <source>No log lines yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>No lines match the filter.</source>
        <translation></translation>
    </message>
    <message>
        <source>Showing %1 of %2 lines</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Regie — control room</source>
        <translation></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation></translation>
    </message>
    <message>
        <source>Streams</source>
        <translation></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation></translation>
    </message>
    <message>
        <source>Mix Designer</source>
        <translation></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation></translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation></translation>
    </message>
    <message>
        <source>Proxies &amp; RTP</source>
        <translation></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation></translation>
    </message>
    <message>
        <source>Log</source>
        <translation></translation>
    </message>
    <message>
        <source>Control room</source>
        <translation></translation>
    </message>
    <message>
        <source>Engine %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the room service of the ZEGO API</source>
        <translation></translation>
    </message>
    <message>
        <source>the mix service (StartMix)</source>
        <translation></translation>
    </message>
    <message>
        <source>the stream and user ban rules</source>
        <translation></translation>
    </message>
    <message>
        <source>the moderation service</source>
        <translation></translation>
    </message>
    <message>
        <source>the record service and the media library</source>
        <translation></translation>
    </message>
    <message>
        <source>the proxy and RTP services</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Not built yet — arrives with %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation></translation>
    </message>
    <message>
        <source>Bundled engine (started and supervised by the console)</source>
        <translation></translation>
    </message>
    <message>
        <source>Remote engine</source>
        <translation></translation>
    </message>
    <message>
        <source>URL</source>
        <translation></translation>
    </message>
    <message>
        <source>ZLM secret</source>
        <translation></translation>
    </message>
    <message>
        <source>AppId</source>
        <translation></translation>
    </message>
    <message>
        <source>ServerSecret</source>
        <translation></translation>
    </message>
    <message>
        <source>Apply and connect</source>
        <translation></translation>
    </message>
    <message>
        <source>Language</source>
        <translation></translation>
    </message>
    <message>
        <source>Engine configuration</source>
        <translation></translation>
    </message>
    <message>
        <source>Engine config</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>StreamDetails</name>
    <message>
        <source>Selected stream</source>
        <translation></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation></translation>
    </message>
    <message>
        <source>Video</source>
        <translation></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation></translation>
    </message>
    <message>
        <source>Bitrate · readers</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1 kbit/s · %n reader(s)</source>
        <translation>
            <numerusform>%1 kbit/s · %n reader</numerusform>
            <numerusform>%1 kbit/s · %n readers</numerusform>
        </translation>
    </message>
    <message>
        <source>Close stream…</source>
        <translation></translation>
    </message>
    <message>
        <source>Show players</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n player(s)</source>
        <translation>
            <numerusform>%n player</numerusform>
            <numerusform>%n players</numerusform>
        </translation>
    </message>
    <message>
        <source>Kick</source>
        <translation></translation>
    </message>
    <message>
        <source>Close this stream?</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is disconnected from its publisher and every player stops.</source>
        <translation></translation>
    </message>
    <message>
        <source>Close stream</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>StreamHeaderRow</name>
    <message>
        <source>Stream</source>
        <translation></translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation></translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation></translation>
    </message>
    <message>
        <source>Readers</source>
        <translation></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>StreamListModel</name>
    <message>
        <source>Closing %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Players of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Kicking %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>StreamRow</name>
    <message>
        <source>no video</source>
        <translation></translation>
    </message>
    <message>
        <source>no audio</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>StreamTile</name>
    <message>
        <source>Preview off</source>
        <translation></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation></translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting for a picture…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>StreamsPage</name>
    <message>
        <source>Streams</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n live stream(s)</source>
        <translation>
            <numerusform>%n live stream</numerusform>
            <numerusform>%n live streams</numerusform>
        </translation>
    </message>
    <message>
        <source>List</source>
        <translation></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation></translation>
    </message>
    <message>
        <source>No engine connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>No live streams. Publish to rtmp://&lt;engine host&gt;:%1/&lt;app&gt;/&lt;stream&gt; to see one here.</source>
        <translation></translation>
    </message>
    <message>
        <source>No live streams.</source>
        <translation></translation>
    </message>
    <message>
        <source>Live streams</source>
        <translation></translation>
    </message>
</context>
</TS>
