<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiResult</name>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>Malformed reply: %1</source>
        <translation>应答格式错误：%1</translation>
    </message>
    <message>
        <source>Engine error %1: %2</source>
        <translation>引擎错误 %1：%2</translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <source>Search keys and values</source>
        <translation>搜索配置项和值</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Restart engine</source>
        <translation>重启引擎</translation>
    </message>
    <message>
        <source>Some changes take effect only after the engine restarts.</source>
        <translation>部分修改需要重启引擎后才能生效。</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>需重启</translation>
    </message>
    <message>
        <source>Loading the configuration…</source>
        <translation>正在加载配置…</translation>
    </message>
    <message>
        <source>%1 of %2 keys · press Enter to apply a value</source>
        <translation>%1 / %2 个配置项 · 按回车键应用修改</translation>
    </message>
</context>
<context>
    <name>ConfigModel</name>
    <message>
        <source>Cannot set %1: %2</source>
        <translation>无法设置 %1：%2</translation>
    </message>
    <message>
        <source>Cannot restart the engine: %1</source>
        <translation>无法重启引擎：%1</translation>
    </message>
</context>
<context>
    <name>ConnectionPill</name>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Starting engine</source>
        <translation>引擎启动中</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>重新连接中</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>The engine is shutting down (%1).</source>
        <translation>引擎正在关闭（%1）。</translation>
    </message>
    <message>
        <source>Attaching to the engine at %1.</source>
        <translation>正在连接位于 %1 的引擎。</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>构建时间</translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation>服务器 ID</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Engine URL</source>
        <translation>引擎地址</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Remote engine</source>
        <translation>远程引擎</translation>
    </message>
    <message>
        <source>Bundled engine</source>
        <translation>内置引擎</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>Network threads</source>
        <translation>网络线程</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s), average load %1%, worst delay %2 ms</source>
        <translation>
            <numerusform>%n 个线程，平均负载 %1%，最大延迟 %2 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>Live objects</source>
        <translation>活动对象</translation>
    </message>
    <message>
        <source>Waiting for the first statistics…</source>
        <translation>正在等待首次统计数据…</translation>
    </message>
    <message>
        <source>No engine connected.</source>
        <translation>未连接引擎。</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
</context>
<context>
    <name>EngineSupervisor</name>
    <message>
        <source>The engine did not report ready in time; killing it.</source>
        <translation>引擎未能及时就绪，正在强制结束。</translation>
    </message>
    <message>
        <source>The engine ignored SIGTERM; killing it.</source>
        <translation>引擎未响应 SIGTERM，正在强制结束。</translation>
    </message>
    <message>
        <source>Started %1 (pid %2).</source>
        <translation>已启动 %1（进程号 %2）。</translation>
    </message>
    <message>
        <source>The engine listens on %1.</source>
        <translation>引擎正在监听 %1。</translation>
    </message>
    <message>
        <source>The engine crashed.</source>
        <translation>引擎崩溃。</translation>
    </message>
    <message>
        <source>The engine exited with status %1.</source>
        <translation>引擎已退出，状态码 %1。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>%1 Restarting in %2 ms.</source>
        <translation>%1 将在 %2 毫秒后重启。</translation>
    </message>
</context>
<context>
    <name>EventFeed</name>
    <message>
        <source>The event feed went silent.</source>
        <translation>事件推送已中断。</translation>
    </message>
    <message>
        <source>Unreadable event: %1</source>
        <translation>无法解析的事件：%1</translation>
    </message>
</context>
<context>
    <name>FfmpegPull</name>
    <message>
        <source>No answer within %1 ms.</source>
        <translation>%1 毫秒内无应答。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>The stream has no audio or video this preview can decode.</source>
        <translation>该流没有本预览能解码的音频或视频。</translation>
    </message>
    <message>
        <source>The stream ended.</source>
        <translation>流已结束。</translation>
    </message>
    <message>
        <source>The stream is not FLV.</source>
        <translation>该流不是 FLV。</translation>
    </message>
</context>
<context>
    <name>LoadBar</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Autoscroll</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>No log lines yet.</source>
        <translation>暂无日志。</translation>
    </message>
    <message>
        <source>No lines match the filter.</source>
        <translation>没有符合筛选条件的日志。</translation>
    </message>
    <message>
        <source>Showing %1 of %2 lines</source>
        <translation>显示 %1 / %2 行</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Regie — control room</source>
        <translation>Regie — 导播控制台</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>流管理</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Mix Designer</source>
        <translation>混流设计</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>封禁规则</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>内容审核</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Proxies &amp; RTP</source>
        <translation>拉流代理与 RTP</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Control room</source>
        <translation>导播控制台</translation>
    </message>
    <message>
        <source>Engine %1</source>
        <translation>引擎 %1</translation>
    </message>
    <message>
        <source>the moderation service</source>
        <translation>审核服务</translation>
    </message>
    <message>
        <source>the record service and the media library</source>
        <translation>录制服务与媒体库</translation>
    </message>
    <message>
        <source>the proxy and RTP services</source>
        <translation>拉流代理与 RTP 服务</translation>
    </message>
</context>
<context>
    <name>MixDesigner</name>
    <message>
        <source>A mix takes at most %1 inputs.</source>
        <translation>一个混流最多 %1 路输入。</translation>
    </message>
    <message>
        <source>That is not a StartMix body this designer can read.</source>
        <translation>这不是本设计器能读取的 StartMix 请求体。</translation>
    </message>
    <message>
        <source>Assign a stream to every rectangle first.</source>
        <translation>请先为每个矩形指定一路流。</translation>
    </message>
    <message>
        <source>Add at least one input.</source>
        <translation>请至少添加一路输入。</translation>
    </message>
    <message>
        <source>StartMix: %1</source>
        <translation>StartMix：%1</translation>
    </message>
    <message>
        <source>StopMix: %1</source>
        <translation>StopMix：%1</translation>
    </message>
    <message>
        <source>Task %1 is not a running StartMix task.</source>
        <translation>任务 %1 不是正在运行的 StartMix 任务。</translation>
    </message>
    <message>
        <source>A mix has at most %1 outputs, each with its own stream.</source>
        <translation>一个混流任务最多 %1 路输出，每路使用各自的流。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour: write it as #rrggbb.</source>
        <translation>“%1”不是颜色：请写成 #rrggbb。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour: write it as #rrggbb, or none.</source>
        <translation>“%1”不是颜色：请写成 #rrggbb，或写 none。</translation>
    </message>
    <message>
        <source>The outputs can use at most two different video codecs.</source>
        <translation>所有输出最多只能使用两种不同的视频编码。</translation>
    </message>
</context>
<context>
    <name>MixDesignerPage</name>
    <message>
        <source>Mix Designer</source>
        <translation>混流设计</translation>
    </message>
    <message>
        <source>%1 → %2 · %3×%4 @%5</source>
        <translation>%1 → %2 · %3×%4 @%5</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Update mix</source>
        <translation>更新混流</translation>
    </message>
    <message>
        <source>Start mix</source>
        <translation>开始混流</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Drop a stream here</source>
        <translation>将流拖到此处</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>单画面</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右并排</translation>
    </message>
    <message>
        <source>Picture in picture</source>
        <translation>画中画</translation>
    </message>
    <message>
        <source>1 large + 5</source>
        <translation>1 大 + 5 小</translation>
    </message>
    <message>
        <source>Mixed output</source>
        <translation>混流输出</translation>
    </message>
    <message>
        <source>Live streams</source>
        <translation>直播流</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Selected input</source>
        <translation>选中的输入</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>W</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>H</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Raise</source>
        <translation>上移一层</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>下移一层</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Corner radius</source>
        <translation>圆角半径</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>流</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Fps · kbit/s</source>
        <translation>帧率 · kbit/s</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>应用这些设置</translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>StartMix JSON</source>
        <translation>StartMix JSON</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Input levels</source>
        <translation>输入电平</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Running tasks</source>
        <translation>运行中的任务</translation>
    </message>
    <message>
        <source>No mix task is running.</source>
        <translation>没有正在运行的混流任务。</translation>
    </message>
    <message>
        <source>%1 → %2 · %3</source>
        <translation>%1 → %2 · %3</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>文字标签</translation>
    </message>
    <message>
        <source>Text over the input</source>
        <translation>叠加在输入上的文字</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>占位图</translation>
    </message>
    <message>
        <source>http(s)://… JPG or PNG</source>
        <translation>http(s)://… JPG 或 PNG</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>始终显示</translation>
    </message>
    <message>
        <source>While the camera is off</source>
        <translation>摄像头关闭时</translation>
    </message>
    <message>
        <source>After 3 s without picture</source>
        <translation>无画面 3 秒后</translation>
    </message>
    <message>
        <source>More outputs</source>
        <translation>更多输出</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · %4 kbit/s</source>
        <translation>%1 · %2×%3 · %4 kbit/s</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>Add output</source>
        <translation>添加输出</translation>
    </message>
    <message>
        <source>Background image: http(s)://… JPG or PNG</source>
        <translation>背景图：http(s)://… JPG 或 PNG</translation>
    </message>
    <message>
        <source>Watermark: http(s)://… JPG or PNG</source>
        <translation>水印：http(s)://… JPG 或 PNG</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <source>Set watermark</source>
        <translation>设置水印</translation>
    </message>
    <message>
        <source>Remove watermark</source>
        <translation>移除水印</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Pictures and user data</source>
        <translation>图片与用户数据</translation>
    </message>
    <message>
        <source>User data for players (sent as SEI)</source>
        <translation>发给播放端的用户数据（以 SEI 发送）</translation>
    </message>
    <message>
        <source>Label size (px)</source>
        <translation>标签字号（像素）</translation>
    </message>
    <message>
        <source>Label font</source>
        <translation>标签字体</translation>
    </message>
    <message>
        <source>One font for every label of the task</source>
        <translation>任务中所有标签使用同一字体</translation>
    </message>
    <message>
        <source>Label offset</source>
        <translation>标签偏移</translation>
    </message>
    <message>
        <source>From the rectangle&apos;s left edge (px)</source>
        <translation>距矩形左边缘（像素）</translation>
    </message>
    <message>
        <source>From the rectangle&apos;s top edge (px)</source>
        <translation>距矩形上边缘（像素）</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>Transparency</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>0 opaque, 100 invisible</source>
        <translation>0 为不透明，100 为完全透明</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>描边</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No outline</source>
        <translation>无描边</translation>
    </message>
    <message>
        <source>Scaled from the canvas, at its frame rate; at most two different video codecs among all outputs.</source>
        <translation>由画布缩放而来，帧率与画布相同；所有输出最多使用两种不同的视频编码。</translation>
    </message>
    <message>
        <source>Mono</source>
        <translation>单声道</translation>
    </message>
    <message>
        <source>Stereo</source>
        <translation>立体声</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Not built yet — arrives with %1.</source>
        <translation>尚未实现——将随%1一同提供。</translation>
    </message>
</context>
<context>
    <name>RoomDetail</name>
    <message>
        <source>Users of %1: %2</source>
        <translation>%1 的用户：%2</translation>
    </message>
    <message>
        <source>Streams of %1: %2</source>
        <translation>%1 的流：%2</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>RoomUserModel</name>
    <message>
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>观众</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n 个房间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>No rooms. A room opens when a client logs in to it over the room signalling WebSocket (/room/ws).</source>
        <translation>暂无房间。客户端通过房间信令 WebSocket（/room/ws）登录后即会创建房间。</translation>
    </message>
    <message>
        <source>No engine connected.</source>
        <translation>未连接引擎。</translation>
    </message>
    <message>
        <source>%1 users · %2 streams</source>
        <translation>%1 个用户 · %2 路流</translation>
    </message>
    <message>
        <source>Open for %1</source>
        <translation>已开启 %1</translation>
    </message>
    <message>
        <source>Client token</source>
        <translation>客户端令牌</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Room id (empty: any room)</source>
        <translation>房间 ID（留空：任意房间）</translation>
    </message>
    <message>
        <source>May publish</source>
        <translation>允许推流</translation>
    </message>
    <message>
        <source>Make token</source>
        <translation>生成令牌</translation>
    </message>
    <message>
        <source>Token04, valid for 24 hours</source>
        <translation>Token04，24 小时内有效</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>房间 %1</translation>
    </message>
    <message>
        <source>Message to the room</source>
        <translation>发给房间的消息</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>Custom command</source>
        <translation>自定义信令</translation>
    </message>
    <message>
        <source>Reason shown to kicked users (optional)</source>
        <translation>向被踢用户显示的原因（可选）</translation>
    </message>
    <message>
        <source>Close room</source>
        <translation>关闭房间</translation>
    </message>
    <message>
        <source>Users (%1)</source>
        <translation>用户（%1）</translation>
    </message>
    <message>
        <source>in since %1</source>
        <translation>%1 进入</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>踢出</translation>
    </message>
    <message>
        <source>Streams (%1)</source>
        <translation>流（%1）</translation>
    </message>
    <message>
        <source>%1 — by %2, since %3</source>
        <translation>%1 — 来自 %2，开始于 %3</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>for %1</source>
        <translation>持续 %1</translation>
    </message>
    <message>
        <source>Choose what the rule applies to.</source>
        <translation>请选择规则的作用对象。</translation>
    </message>
    <message>
        <source>Enter a valid IP address.</source>
        <translation>请输入有效的 IP 地址。</translation>
    </message>
    <message>
        <source>Enter the room id.</source>
        <translation>请输入房间 ID。</translation>
    </message>
    <message>
        <source>Enter the user id.</source>
        <translation>请输入用户 ID。</translation>
    </message>
    <message>
        <source>Ids are at most %1 bytes.</source>
        <translation>ID 最长 %1 字节。</translation>
    </message>
    <message>
        <source>Ban login, publishing or both.</source>
        <translation>请选择封禁登录、推流或两者。</translation>
    </message>
    <message>
        <source>The duration is 1 second to 24 hours.</source>
        <translation>时长为 1 秒到 24 小时。</translation>
    </message>
    <message>
        <source>Clients at %1</source>
        <translation>来自 %1 的客户端</translation>
    </message>
    <message>
        <source>Everybody in room %1</source>
        <translation>房间 %1 中的所有人</translation>
    </message>
    <message>
        <source>User %1, in every room,</source>
        <translation>用户 %1 在所有房间中</translation>
    </message>
    <message>
        <source>User %1 in room %2</source>
        <translation>房间 %2 中的用户 %1</translation>
    </message>
    <message>
        <source>%1 cannot log in or start publishing %2.</source>
        <translation>%1 %2内无法登录或开始推流。</translation>
    </message>
    <message>
        <source>%1 cannot log in %2.</source>
        <translation>%1 %2内无法登录。</translation>
    </message>
    <message>
        <source>%1 cannot start publishing %2.</source>
        <translation>%1 %2内无法开始推流。</translation>
    </message>
    <message>
        <source>Users already in the room stay; kick them to remove them.</source>
        <translation>已在房间中的用户不受影响；如需移出请踢出。</translation>
    </message>
    <message>
        <source>Streams already live keep running until their next publish; to mute a stream now use a stream rule, to cut it use Forbid stream.</source>
        <translation>正在直播的流会持续到下次推流；如需立即静音请使用流规则，如需切断请使用禁止推流。</translation>
    </message>
    <message>
        <source>Enter the room id and the stream id.</source>
        <translation>请输入房间 ID 和流 ID。</translation>
    </message>
    <message>
        <source>Mute audio, video or both.</source>
        <translation>请选择禁用音频、视频或两者。</translation>
    </message>
    <message>
        <source>audio and video</source>
        <translation>音视频</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Every player of stream %1 in room %2 stops receiving its %3 at once, and new players get none, %4. The publisher is not disconnected; to cut the stream use Forbid stream.</source>
        <translation>房间 %2 中流 %1 的所有播放者立即停止接收其%3，新播放者也收不到，%4。推流端不会断开；如需切断请使用禁止推流。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>RuleList</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No rules.</source>
        <translation>暂无规则。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>RuleListModel</name>
    <message>
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>房间 %1</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>User %1 in room %2</source>
        <translation>房间 %2 中的用户 %1</translation>
    </message>
    <message>
        <source>No login, no publishing</source>
        <translation>禁止登录和推流</translation>
    </message>
    <message>
        <source>No login</source>
        <translation>禁止登录</translation>
    </message>
    <message>
        <source>No publishing</source>
        <translation>禁止推流</translation>
    </message>
    <message>
        <source>Audio and video muted</source>
        <translation>音视频已禁用</translation>
    </message>
    <message>
        <source>Audio muted</source>
        <translation>音频已禁用</translation>
    </message>
    <message>
        <source>Video muted</source>
        <translation>视频已禁用</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>until lifted</source>
        <translation>直到解除</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>ended %1 ago</source>
        <translation>%1 前结束</translation>
    </message>
    <message>
        <source>Stream %1 in room %2</source>
        <translation>房间 %2 中的流 %1</translation>
    </message>
    <message>
        <source>Stream %1</source>
        <translation>流 %1</translation>
    </message>
    <message>
        <source>Publishing forbidden</source>
        <translation>禁止推流</translation>
    </message>
    <message>
        <source>Direct push forbidden</source>
        <translation>禁止直推</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>封禁规则</translation>
    </message>
    <message>
        <source>%1 in force</source>
        <translation>%1 条生效中</translation>
    </message>
    <message>
        <source>User rules</source>
        <translation>用户规则</translation>
    </message>
    <message>
        <source>User rule</source>
        <translation>用户规则</translation>
    </message>
    <message>
        <source>An IP address</source>
        <translation>一个 IP 地址</translation>
    </message>
    <message>
        <source>A room</source>
        <translation>一个房间</translation>
    </message>
    <message>
        <source>A user, in every room</source>
        <translation>一个用户（所有房间）</translation>
    </message>
    <message>
        <source>A user in one room</source>
        <translation>一个房间中的用户</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Room id</source>
        <translation>房间 ID</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Ban login</source>
        <translation>禁止登录</translation>
    </message>
    <message>
        <source>Ban publishing</source>
        <translation>禁止推流</translation>
    </message>
    <message>
        <source>Set rule</source>
        <translation>设置规则</translation>
    </message>
    <message>
        <source>Stream rules and forbidden streams</source>
        <translation>流规则与禁推流</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>No forbidden streams.</source>
        <translation>暂无禁推流。</translation>
    </message>
    <message>
        <source>Stream rule</source>
        <translation>流规则</translation>
    </message>
    <message>
        <source>Stream id</source>
        <translation>流 ID</translation>
    </message>
    <message>
        <source>Mute audio</source>
        <translation>禁用音频</translation>
    </message>
    <message>
        <source>Mute video</source>
        <translation>禁用视频</translation>
    </message>
    <message>
        <source>Forbid stream</source>
        <translation>禁止推流</translation>
    </message>
    <message>
        <source>Cuts the publisher now and refuses the stream id until resumed.</source>
        <translation>立即切断推流端，并在恢复前拒绝该流 ID。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Bundled engine (started and supervised by the console)</source>
        <translation>内置引擎（由控制台启动并守护）</translation>
    </message>
    <message>
        <source>Remote engine</source>
        <translation>远程引擎</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>ZLM secret</source>
        <translation>ZLM 密钥</translation>
    </message>
    <message>
        <source>AppId</source>
        <translation>AppId</translation>
    </message>
    <message>
        <source>ServerSecret</source>
        <translation>ServerSecret</translation>
    </message>
    <message>
        <source>Apply and connect</source>
        <translation>应用并连接</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Engine configuration</source>
        <translation>引擎配置</translation>
    </message>
    <message>
        <source>Engine config</source>
        <translation>引擎配置文件</translation>
    </message>
</context>
<context>
    <name>StreamDetails</name>
    <message>
        <source>Selected stream</source>
        <translation>选中的流</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Bitrate · readers</source>
        <translation>码率 · 观看数</translation>
    </message>
    <message numerus="yes">
        <source>%1 kbit/s · %n reader(s)</source>
        <translation>
            <numerusform>%1 kbit/s · %n 个观看者</numerusform>
        </translation>
    </message>
    <message>
        <source>Close stream…</source>
        <translation>关闭流…</translation>
    </message>
    <message>
        <source>Show players</source>
        <translation>显示播放者</translation>
    </message>
    <message numerus="yes">
        <source>%n player(s)</source>
        <translation>
            <numerusform>%n 个播放者</numerusform>
        </translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>踢出</translation>
    </message>
    <message>
        <source>Close this stream?</source>
        <translation>关闭此流？</translation>
    </message>
    <message>
        <source>%1 is disconnected from its publisher and every player stops.</source>
        <translation>%1 将断开推流端，所有播放者都会停止。</translation>
    </message>
    <message>
        <source>Close stream</source>
        <translation>关闭流</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StreamHeaderRow</name>
    <message>
        <source>Stream</source>
        <translation>流</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>轨道</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>观看数</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
</context>
<context>
    <name>StreamListModel</name>
    <message>
        <source>Closing %1</source>
        <translation>关闭 %1</translation>
    </message>
    <message>
        <source>Players of %1</source>
        <translation>%1 的播放者</translation>
    </message>
    <message>
        <source>Kicking %1</source>
        <translation>踢出 %1</translation>
    </message>
</context>
<context>
    <name>StreamRow</name>
    <message>
        <source>no video</source>
        <translation>无视频</translation>
    </message>
    <message>
        <source>no audio</source>
        <translation>无音频</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
</context>
<context>
    <name>StreamTile</name>
    <message>
        <source>Preview off</source>
        <translation>预览已关闭</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation>正在重连：%1</translation>
    </message>
    <message>
        <source>Waiting for a picture…</source>
        <translation>正在等待画面…</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>停止监听</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
</context>
<context>
    <name>StreamsPage</name>
    <message>
        <source>Streams</source>
        <translation>流管理</translation>
    </message>
    <message numerus="yes">
        <source>%n live stream(s)</source>
        <translation>
            <numerusform>%n 路直播流</numerusform>
        </translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>No engine connected.</source>
        <translation>未连接引擎。</translation>
    </message>
    <message>
        <source>No live streams. Publish to rtmp://&lt;engine host&gt;:%1/&lt;app&gt;/&lt;stream&gt; to see one here.</source>
        <translation>暂无直播流。推流到 rtmp://&lt;引擎主机&gt;:%1/&lt;应用&gt;/&lt;流&gt; 即可在此看到。</translation>
    </message>
    <message>
        <source>No live streams.</source>
        <translation>暂无直播流。</translation>
    </message>
    <message>
        <source>Live streams</source>
        <translation>直播流</translation>
    </message>
</context>
<context>
    <name>TokenTool</name>
    <message>
        <source>Token not made (%1): %2</source>
        <translation>未生成令牌（%1）：%2</translation>
    </message>
</context>
</TS>
