#pragma once
// Rule enforcement on the live sources of the registry: withholding tracks and cutting
// publishers the way close_stream does. A stream id matches in every vhost.

#include "media/source_registry.h"
#include "service/rules/rule_enforcer.h"

namespace regie::service::rules {

class SourceRuleEnforcer final : public RuleEnforcer {
public:
    explicit SourceRuleEnforcer(media::SourceRegistry& sources) : m_sources(sources) {}

    void withhold(const std::string& app, const std::string& streamId,
                  media::WithheldTracks tracks) override;
    void cutPublisher(const std::string& app, const std::string& streamId) override;

private:
    std::vector<std::shared_ptr<media::MediaSource>> matching(const std::string& app,
                                                              const std::string& streamId) const;

    media::SourceRegistry& m_sources;
};

}  // namespace regie::service::rules
