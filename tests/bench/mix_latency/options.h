#pragma once

#include <optional>
#include <string>

#include "frame_code.h"

namespace regie::mix_latency {

struct Options {
    std::string publishUrl;  // rtmp://127.0.0.1:PORT/APP/STREAM, an input of the mix
    std::string playUrl;     // the mix output, e.g. http://127.0.0.1:PORT/APP/OUT.live.flv
    Rect where;              // where the mix draws the published input on its canvas
    int width = 1280;
    int height = 720;
    int fps = 25;
    int bitrateKbps = 1500;
    int frames = 750;            // published frames; at most kCounterLimit
    double warmupSeconds = 3;    // see LatencyInput::warmup
    double tailSeconds = 2;      // playing goes on this long after the last frame is sent
    double timeoutSeconds = 60;  // hard stop for the whole run
};

// Empty after printing usage or an error to stderr.
std::optional<Options> parseOptions(int argc, char** argv);

}  // namespace regie::mix_latency
