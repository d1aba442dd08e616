#include "service/rules/source_enforcer.h"

namespace regie::service::rules {

std::vector<std::shared_ptr<media::MediaSource>> SourceRuleEnforcer::matching(
    const std::string& app, const std::string& streamId) const {
    auto sources = m_sources.list();
    std::erase_if(
        sources, [&](const auto& s) { return s->key().app != app || s->key().stream != streamId; });
    return sources;
}

void SourceRuleEnforcer::withhold(const std::string& app, const std::string& streamId,
                                  media::WithheldTracks tracks) {
    for (const auto& source : matching(app, streamId)) {
        source->setWithheldTracks(tracks);
    }
}

void SourceRuleEnforcer::cutPublisher(const std::string& app, const std::string& streamId) {
    for (const auto& source : matching(app, streamId)) {
        m_sources.close(source->key(), media::SourceEndReason::closedByApi);
    }
}

}  // namespace regie::service::rules
