#pragma once
// Text labels drawn on a YUV420P canvas with libavfilter's drawtext (FreeType). The filter
// graph is built once per set of labels and canvas size and reused; a frame passes through it
// in place, without a copy.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "av/av_handles.h"
#include "core/result.h"

struct AVFilterGraph;
struct AVFilterContext;

namespace regie::av {

struct TextLabel {
    std::string text;  // UTF-8, drawn as is (no expansion)
    int x = 0;         // canvas pixels, top-left of the text box
    int y = 0;
    int size = 24;                        // pixels
    std::uint32_t color = 0xffffff;       // 0xRRGGBB
    double opacity = 1.0;                 // 0 transparent .. 1 opaque
    std::optional<std::uint32_t> border;  // outline colour
    std::string fontFile;
    auto operator<=>(const TextLabel&) const = default;
};

class TextOverlay {
public:
    TextOverlay() = default;
    ~TextOverlay();
    TextOverlay(const TextOverlay&) = delete;
    TextOverlay& operator=(const TextOverlay&) = delete;

    // Draws `labels` on `frame` (YUV420P); nothing to do without labels.
    core::Status apply(AVFrame& frame, const std::vector<TextLabel>& labels);

private:
    core::Status build(const AVFrame& frame, const std::vector<TextLabel>& labels);
    void reset();

    AVFilterGraph* m_graph = nullptr;
    AVFilterContext* m_source = nullptr;
    AVFilterContext* m_sink = nullptr;
    std::vector<TextLabel> m_labels;
    int m_width = 0;
    int m_height = 0;
};

}  // namespace regie::av
