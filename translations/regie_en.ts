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
    <message>
        <source>The stream is not FLV.</source>
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
    <name>MixDesigner</name>
    <message>
        <source>A mix takes at most %1 inputs.</source>
        <translation></translation>
    </message>
    <message>
        <source>That is not a StartMix body this designer can read.</source>
        <translation></translation>
    </message>
    <message>
        <source>Assign a stream to every rectangle first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Add at least one input.</source>
        <translation></translation>
    </message>
    <message>
        <source>StartMix: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>StopMix: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Task %1 is not a running StartMix task.</source>
        <translation></translation>
    </message>
    <message>
        <source>A mix has at most %1 outputs, each with its own stream.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour: write it as #rrggbb.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour: write it as #rrggbb, or none.</source>
        <translation></translation>
    </message>
    <message>
        <source>The outputs can use at most two different video codecs.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MixDesignerPage</name>
    <message>
        <source>Mix Designer</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 → %2 · %3×%4 @%5</source>
        <translation></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation></translation>
    </message>
    <message>
        <source>Update mix</source>
        <translation></translation>
    </message>
    <message>
        <source>Start mix</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation></translation>
    </message>
    <message>
        <source>Drop a stream here</source>
        <translation></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation></translation>
    </message>
    <message>
        <source>Single</source>
        <translation></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation></translation>
    </message>
    <message>
        <source>Picture in picture</source>
        <translation></translation>
    </message>
    <message>
        <source>1 large + 5</source>
        <translation></translation>
    </message>
    <message>
        <source>Mixed output</source>
        <translation></translation>
    </message>
    <message>
        <source>Live streams</source>
        <translation></translation>
    </message>
    <message>
        <source>Add</source>
        <translation></translation>
    </message>
    <message>
        <source>Selected input</source>
        <translation></translation>
    </message>
    <message>
        <source>X</source>
        <translation></translation>
    </message>
    <message>
        <source>Y</source>
        <translation></translation>
    </message>
    <message>
        <source>W</source>
        <translation></translation>
    </message>
    <message>
        <source>H</source>
        <translation></translation>
    </message>
    <message>
        <source>Raise</source>
        <translation></translation>
    </message>
    <message>
        <source>Lower</source>
        <translation></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation></translation>
    </message>
    <message>
        <source>Crop</source>
        <translation></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation></translation>
    </message>
    <message>
        <source>Corner radius</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation></translation>
    </message>
    <message>
        <source>Output</source>
        <translation></translation>
    </message>
    <message>
        <source>Task</source>
        <translation></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation></translation>
    </message>
    <message>
        <source>Size</source>
        <translation></translation>
    </message>
    <message>
        <source>Fps · kbit/s</source>
        <translation></translation>
    </message>
    <message>
        <source>Background</source>
        <translation></translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation></translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation></translation>
    </message>
    <message>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <source>Save</source>
        <translation></translation>
    </message>
    <message>
        <source>Load</source>
        <translation></translation>
    </message>
    <message>
        <source>StartMix JSON</source>
        <translation></translation>
    </message>
    <message>
        <source>Export</source>
        <translation></translation>
    </message>
    <message>
        <source>Import</source>
        <translation></translation>
    </message>
    <message>
        <source>Input levels</source>
        <translation></translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation></translation>
    </message>
    <message>
        <source>Running tasks</source>
        <translation></translation>
    </message>
    <message>
        <source>No mix task is running.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 → %2 · %3</source>
        <translation></translation>
    </message>
    <message>
        <source>Open</source>
        <translation></translation>
    </message>
    <message>
        <source>Units</source>
        <translation></translation>
    </message>
    <message>
        <source>Label</source>
        <translation></translation>
    </message>
    <message>
        <source>Text over the input</source>
        <translation></translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation></translation>
    </message>
    <message>
        <source>http(s)://… JPG or PNG</source>
        <translation></translation>
    </message>
    <message>
        <source>Always</source>
        <translation></translation>
    </message>
    <message>
        <source>While the camera is off</source>
        <translation></translation>
    </message>
    <message>
        <source>After 3 s without picture</source>
        <translation></translation>
    </message>
    <message>
        <source>More outputs</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · %2×%3 · %4 kbit/s</source>
        <translation></translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation></translation>
    </message>
    <message>
        <source>Add output</source>
        <translation></translation>
    </message>
    <message>
        <source>Background image: http(s)://… JPG or PNG</source>
        <translation></translation>
    </message>
    <message>
        <source>Watermark: http(s)://… JPG or PNG</source>
        <translation></translation>
    </message>
    <message>
        <source>Left</source>
        <translation></translation>
    </message>
    <message>
        <source>Top</source>
        <translation></translation>
    </message>
    <message>
        <source>Right</source>
        <translation></translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation></translation>
    </message>
    <message>
        <source>Set watermark</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove watermark</source>
        <translation></translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation></translation>
    </message>
    <message>
        <source>Pictures and user data</source>
        <translation></translation>
    </message>
    <message>
        <source>User data for players (sent as SEI)</source>
        <translation></translation>
    </message>
    <message>
        <source>Label size (px)</source>
        <translation></translation>
    </message>
    <message>
        <source>Label font</source>
        <translation></translation>
    </message>
    <message>
        <source>One font for every label of the task</source>
        <translation></translation>
    </message>
    <message>
        <source>Label offset</source>
        <translation></translation>
    </message>
    <message>
        <source>From the rectangle&apos;s left edge (px)</source>
        <translation></translation>
    </message>
    <message>
        <source>From the rectangle&apos;s top edge (px)</source>
        <translation></translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation></translation>
    </message>
    <message>
        <source>Transparency</source>
        <translation></translation>
    </message>
    <message>
        <source>0 opaque, 100 invisible</source>
        <translation></translation>
    </message>
    <message>
        <source>Outline</source>
        <translation></translation>
    </message>
    <message>
        <source>none</source>
        <translation></translation>
    </message>
    <message>
        <source>No outline</source>
        <translation></translation>
    </message>
    <message>
        <source>Scaled from the canvas, at its frame rate; at most two different video codecs among all outputs.</source>
        <translation></translation>
    </message>
    <message>
        <source>Mono</source>
        <translation></translation>
    </message>
    <message>
        <source>Stereo</source>
        <translation></translation>
    </message>
    <message>
        <source>Sound</source>
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
    <name>RoomDetail</name>
    <message>
        <source>Users of %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Streams of %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RoomUserModel</name>
    <message>
        <source>Anchor</source>
        <translation></translation>
    </message>
    <message>
        <source>Audience</source>
        <translation></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <source>Rooms</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n room</numerusform>
            <numerusform>%n rooms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <source>No rooms. A room opens when a client logs in to it over the room signalling WebSocket (/room/ws).</source>
        <translation></translation>
    </message>
    <message>
        <source>No engine connected.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 users · %2 streams</source>
        <translation></translation>
    </message>
    <message>
        <source>Open for %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Client token</source>
        <translation></translation>
    </message>
    <message>
        <source>User id</source>
        <translation></translation>
    </message>
    <message>
        <source>Room id (empty: any room)</source>
        <translation></translation>
    </message>
    <message>
        <source>May publish</source>
        <translation></translation>
    </message>
    <message>
        <source>Make token</source>
        <translation></translation>
    </message>
    <message>
        <source>Token04, valid for 24 hours</source>
        <translation></translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Message to the room</source>
        <translation></translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation></translation>
    </message>
    <message>
        <source>Custom command</source>
        <translation></translation>
    </message>
    <message>
        <source>Reason shown to kicked users (optional)</source>
        <translation></translation>
    </message>
    <message>
        <source>Close room</source>
        <translation></translation>
    </message>
    <message>
        <source>Users (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>in since %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Kick</source>
        <translation></translation>
    </message>
    <message>
        <source>Streams (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — by %2, since %3</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>for %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose what the rule applies to.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter a valid IP address.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the room id.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the user id.</source>
        <translation></translation>
    </message>
    <message>
        <source>Ids are at most %1 bytes.</source>
        <translation></translation>
    </message>
    <message>
        <source>Ban login, publishing or both.</source>
        <translation></translation>
    </message>
    <message>
        <source>The duration is 1 second to 24 hours.</source>
        <translation></translation>
    </message>
    <message>
        <source>Clients at %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Everybody in room %1</source>
        <translation></translation>
    </message>
    <message>
        <source>User %1, in every room,</source>
        <translation></translation>
    </message>
    <message>
        <source>User %1 in room %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot log in or start publishing %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot log in %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot start publishing %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Users already in the room stay; kick them to remove them.</source>
        <translation></translation>
    </message>
    <message>
        <source>Streams already live keep running until their next publish; to mute a stream now use a stream rule, to cut it use Forbid stream.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the room id and the stream id.</source>
        <translation></translation>
    </message>
    <message>
        <source>Mute audio, video or both.</source>
        <translation></translation>
    </message>
    <message>
        <source>audio and video</source>
        <translation></translation>
    </message>
    <message>
        <source>audio</source>
        <translation></translation>
    </message>
    <message>
        <source>video</source>
        <translation></translation>
    </message>
    <message>
        <source>Every player of stream %1 in room %2 stops receiving its %3 at once, and new players get none, %4. The publisher is not disconnected; to cut the stream use Forbid stream.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RuleList</name>
    <message>
        <source>Delete</source>
        <translation></translation>
    </message>
    <message>
        <source>No rules.</source>
        <translation></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RuleListModel</name>
    <message>
        <source>IP %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation></translation>
    </message>
    <message>
        <source>User %1</source>
        <translation></translation>
    </message>
    <message>
        <source>User %1 in room %2</source>
        <translation></translation>
    </message>
    <message>
        <source>No login, no publishing</source>
        <translation></translation>
    </message>
    <message>
        <source>No login</source>
        <translation></translation>
    </message>
    <message>
        <source>No publishing</source>
        <translation></translation>
    </message>
    <message>
        <source>Audio and video muted</source>
        <translation></translation>
    </message>
    <message>
        <source>Audio muted</source>
        <translation></translation>
    </message>
    <message>
        <source>Video muted</source>
        <translation></translation>
    </message>
    <message>
        <source>In force</source>
        <translation></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation></translation>
    </message>
    <message>
        <source>until lifted</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation></translation>
    </message>
    <message>
        <source>ended %1 ago</source>
        <translation></translation>
    </message>
    <message>
        <source>Stream %1 in room %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Stream %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Publishing forbidden</source>
        <translation></translation>
    </message>
    <message>
        <source>Direct push forbidden</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>5 minutes</source>
        <translation></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation></translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 in force</source>
        <translation></translation>
    </message>
    <message>
        <source>User rules</source>
        <translation></translation>
    </message>
    <message>
        <source>User rule</source>
        <translation></translation>
    </message>
    <message>
        <source>An IP address</source>
        <translation></translation>
    </message>
    <message>
        <source>A room</source>
        <translation></translation>
    </message>
    <message>
        <source>A user, in every room</source>
        <translation></translation>
    </message>
    <message>
        <source>A user in one room</source>
        <translation></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation></translation>
    </message>
    <message>
        <source>Room id</source>
        <translation></translation>
    </message>
    <message>
        <source>User id</source>
        <translation></translation>
    </message>
    <message>
        <source>Ban login</source>
        <translation></translation>
    </message>
    <message>
        <source>Ban publishing</source>
        <translation></translation>
    </message>
    <message>
        <source>Set rule</source>
        <translation></translation>
    </message>
    <message>
        <source>Stream rules and forbidden streams</source>
        <translation></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation></translation>
    </message>
    <message>
        <source>No forbidden streams.</source>
        <translation></translation>
    </message>
    <message>
        <source>Stream rule</source>
        <translation></translation>
    </message>
    <message>
        <source>Stream id</source>
        <translation></translation>
    </message>
    <message>
        <source>Mute audio</source>
        <translation></translation>
    </message>
    <message>
        <source>Mute video</source>
        <translation></translation>
    </message>
    <message>
        <source>Forbid stream</source>
        <translation></translation>
    </message>
    <message>
        <source>Cuts the publisher now and refuses the stream id until resumed.</source>
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
    <message>
        <source>Stop listening</source>
        <translation></translation>
    </message>
    <message>
        <source>Listen</source>
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
<context>
    <name>TokenTool</name>
    <message>
        <source>Token not made (%1): %2</source>
        <translation></translation>
    </message>
</context>
</TS>
