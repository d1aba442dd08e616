#include "video_frame_converter.h"

#include <QVideoFrameFormat>
#include <algorithm>

extern "C" {
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

VideoFrameConverter::~VideoFrameConverter() {
    sws_freeContext(m_sws);
}

QVideoFrame VideoFrameConverter::convert(const AVFrame& frame) {
    if (frame.width <= 0 || frame.height <= 0) {
        return {};
    }
    const int height = std::min(frame.height, m_maxHeight) & ~1;
    const int width = std::max(2, int(qint64(frame.width) * height / frame.height) & ~1);
    m_sws = sws_getCachedContext(m_sws, frame.width, frame.height,
                                 static_cast<AVPixelFormat>(frame.format), width, height,
                                 AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!m_sws) {
        return {};
    }
    QVideoFrame out(QVideoFrameFormat(QSize(width, height), QVideoFrameFormat::Format_RGBA8888));
    if (!out.map(QVideoFrame::WriteOnly)) {
        return {};
    }
    uint8_t* planes[4] = {out.bits(0), nullptr, nullptr, nullptr};
    const int strides[4] = {out.bytesPerLine(0), 0, 0, 0};
    sws_scale(m_sws, frame.data, frame.linesize, 0, frame.height, planes, strides);
    out.unmap();
    return out;
}
