#include "av/text_overlay.h"

#include <array>
#include <cstdio>

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/opt.h>
}

namespace regie::av {

namespace {

std::string hexColor(std::uint32_t rgb, double opacity) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "0x%06X@%.2f", rgb & 0xffffffu, opacity);
    return text.data();
}

// Options are set one by one on the filter, so no text needs filter-graph escaping.
core::Status setOptions(AVFilterContext* filter,
                        std::initializer_list<std::pair<const char*, std::string>> options) {
    for (const auto& [name, value] : options) {
        if (int rc = av_opt_set(filter, name, value.c_str(), AV_OPT_SEARCH_CHILDREN); rc < 0) {
            return core::Error{std::string("drawtext option ") + name + ": " + errorText(rc)};
        }
    }
    return core::okStatus();
}

}  // namespace

TextOverlay::~TextOverlay() {
    reset();
}

void TextOverlay::reset() {
    avfilter_graph_free(&m_graph);
    m_source = nullptr;
    m_sink = nullptr;
    m_labels.clear();
}

core::Status TextOverlay::build(const AVFrame& frame, const std::vector<TextLabel>& labels) {
    reset();
    m_graph = avfilter_graph_alloc();
    if (m_graph == nullptr) {
        return core::Error{"out of memory"};
    }
    m_graph->nb_threads = 1;
    std::array<char, 128> args{};
    std::snprintf(args.data(), args.size(),
                  "video_size=%dx%d:pix_fmt=%d:time_base=1/1000:pixel_aspect=1/1", frame.width,
                  frame.height, AV_PIX_FMT_YUV420P);
    if (avfilter_graph_create_filter(&m_source, avfilter_get_by_name("buffer"), "in", args.data(),
                                     nullptr, m_graph) < 0 ||
        avfilter_graph_create_filter(&m_sink, avfilter_get_by_name("buffersink"), "out", nullptr,
                                     nullptr, m_graph) < 0) {
        reset();
        return core::Error{"could not set up the label graph"};
    }
    const AVFilter* drawtext = avfilter_get_by_name("drawtext");
    if (drawtext == nullptr) {
        reset();
        return core::Error{"libavfilter has no drawtext"};
    }
    AVFilterContext* previous = m_source;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const TextLabel& l = labels[i];
        AVFilterContext* text =
            avfilter_graph_alloc_filter(m_graph, drawtext, ("label" + std::to_string(i)).c_str());
        if (text == nullptr) {
            reset();
            return core::Error{"out of memory"};
        }
        auto set = setOptions(text, {{"fontfile", l.fontFile},
                                     {"text", l.text},
                                     {"expansion", "none"},
                                     {"x", std::to_string(l.x)},
                                     {"y", std::to_string(l.y)},
                                     {"fontsize", std::to_string(l.size)},
                                     {"fontcolor", hexColor(l.color, l.opacity)}});
        if (set && l.border) {
            set = setOptions(text,
                             {{"borderw", "2"}, {"bordercolor", hexColor(*l.border, l.opacity)}});
        }
        if (!set) {
            reset();
            return set;
        }
        if (int rc = avfilter_init_str(text, nullptr); rc < 0) {
            reset();
            return core::Error{"drawtext refused the label: " + errorText(rc)};
        }
        if (avfilter_link(previous, 0, text, 0) < 0) {
            reset();
            return core::Error{"could not link the label graph"};
        }
        previous = text;
    }
    if (avfilter_link(previous, 0, m_sink, 0) < 0 || avfilter_graph_config(m_graph, nullptr) < 0) {
        reset();
        return core::Error{"could not configure the label graph"};
    }
    m_labels = labels;
    m_width = frame.width;
    m_height = frame.height;
    return core::okStatus();
}

core::Status TextOverlay::apply(AVFrame& frame, const std::vector<TextLabel>& labels) {
    if (labels.empty()) {
        return core::okStatus();
    }
    if (m_graph == nullptr || labels != m_labels || frame.width != m_width ||
        frame.height != m_height) {
        if (auto built = build(frame, labels); !built) {
            return built;
        }
    }
    // The frame's reference moves into the graph and comes back: drawtext works in place.
    if (int rc = av_buffersrc_add_frame(m_source, &frame); rc < 0) {
        return core::Error{"label graph refused the frame: " + errorText(rc)};
    }
    if (int rc = av_buffersink_get_frame(m_sink, &frame); rc < 0) {
        reset();
        return core::Error{"label graph gave no frame: " + errorText(rc)};
    }
    return core::okStatus();
}

}  // namespace regie::av
