#include "preview_census.h"

#include <QQuickItem>
#include <algorithm>

#include "stream_preview.h"

int fewestPreviewFrames(const QQuickItem* root) {
    if (!root || !root->isVisible()) {
        return -1;
    }
    int fewest = -1;
    // QML puts a non-visual object declared in an item among that item's QObject children.
    for (const auto* preview : root->findChildren<StreamPreview*>(Qt::FindDirectChildrenOnly)) {
        if (preview->playing()) {
            fewest = fewest < 0 ? preview->frameCount() : std::min(fewest, preview->frameCount());
        }
    }
    for (const QQuickItem* child : root->childItems()) {
        const int frames = fewestPreviewFrames(child);
        if (frames >= 0) {
            fewest = fewest < 0 ? frames : std::min(fewest, frames);
        }
    }
    return fewest;
}
