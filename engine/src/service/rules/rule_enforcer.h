#pragma once
// What the rule service does to live streams when a rule takes or loses effect; the media side
// implements it over the source registry, tests record the calls.

#include <string>

#include "media/media_source.h"

namespace regie::service::rules {

class RuleEnforcer {
public:
    virtual ~RuleEnforcer() = default;
    // The stream `app/streamId`, if live, withholds these tracks from its readers from now on.
    virtual void withhold(const std::string& app, const std::string& streamId,
                          media::WithheldTracks tracks) = 0;
    // Disconnects the stream's publisher and ends the stream, if live.
    virtual void cutPublisher(const std::string& app, const std::string& streamId) = 0;
};

}  // namespace regie::service::rules
