#include "api/zlm/stream_endpoints.h"

#include <boost/json.hpp>
#include <set>

#include "api/zlm/stream_json.h"
#include "core/text.h"

namespace regie::api::zlm {

namespace json = boost::json;

namespace {

constexpr std::string_view kStreamNotFound = "can not find the stream";

struct StreamFilter {
    std::string schema, vhost, app, stream;

    static StreamFilter from(const ZlmArgs& args) {
        return {args.get("schema"), args.get("vhost"), args.get("app"), args.get("stream")};
    }
    bool matches(std::string_view schemaName, const media::MediaKey& key) const {
        return (schema.empty() || schema == schemaName) && (vhost.empty() || vhost == key.vhost) &&
               (app.empty() || app == key.app) && (stream.empty() || stream == key.stream);
    }
};

// The one source a 4-tuple names, or null (unknown schema included).
std::shared_ptr<media::MediaSource> findExact(const media::SourceRegistry& sources,
                                              const core::Config& config, const ZlmArgs& args) {
    if (args.get("schema") != kRtmpSchema) {
        return nullptr;
    }
    bool vhosts = config.snapshot()->getBool("general.enableVhost");
    return sources.find(
        media::normalizedKey(args.get("vhost"), args.get("app"), args.get("stream"), vhosts));
}

json::object sessionJson(const core::SessionInfo& s, bool withId) {
    json::object o;
    if (withId) {
        o["id"] = s.id;
    }
    o["identifier"] = s.id;
    o["local_ip"] = s.localIp;
    o["local_port"] = s.localPort;
    o["peer_ip"] = s.peerIp;
    o["peer_port"] = s.peerPort;
    o["typeid"] = s.typeId;
    if (withId) {
        o["type"] = "tcp";
    }
    return o;
}

bool sessionMatches(const core::SessionInfo& s, const ZlmArgs& args) {
    auto localPort = core::lenientInt(args.get("local_port"));
    std::string peerIp = args.get("peer_ip");
    return (localPort == 0 || localPort == s.localPort) && (peerIp.empty() || peerIp == s.peerIp);
}

const std::vector<std::string> kTuple = {"schema", "vhost", "app", "stream"};

}  // namespace

void addStreamEndpoints(ZlmDoor& door, media::SourceRegistry& sources,
                        core::SessionRegistry& sessions, const core::Config& config) {
    door.add({"getMediaList", {}, [&sources](const ZlmRequest& req, const ZlmResponder& r) {
                  auto filter = StreamFilter::from(req.args);
                  std::vector<std::shared_ptr<media::MediaSource>> matched;
                  for (auto& s : sources.list()) {
                      if (filter.matches(kRtmpSchema, s->key())) {
                          matched.push_back(s);
                      }
                  }
                  json::object fields;
                  if (!matched.empty()) {
                      json::array data;
                      for (auto& s : matched) {
                          data.push_back(streamJson(*s, kRtmpSchema, matched.size() == 1));
                      }
                      fields["data"] = std::move(data);
                  }
                  r.ok(std::move(fields));
              }});

    door.add(
        {"getMediaInfo", kTuple, [&sources, &config](const ZlmRequest& req, const ZlmResponder& r) {
             auto source = findExact(sources, config, req.args);
             if (!source) {
                 r.fail(ZlmCode::notFound, kStreamNotFound);
                 return;
             }
             r.ok(streamJson(*source, kRtmpSchema, true));
         }});

    door.add({"isMediaOnline", kTuple,
              [&sources, &config](const ZlmRequest& req, const ZlmResponder& r) {
                  r.ok({{"online", findExact(sources, config, req.args) != nullptr}});
              }});

    door.add(
        {"close_stream", kTuple, [&sources, &config](const ZlmRequest& req, const ZlmResponder& r) {
             auto source = findExact(sources, config, req.args);
             if (!source) {
                 r.fail(ZlmCode::notFound, kStreamNotFound);
                 return;
             }
             bool force = core::lenientBool(req.args.get("force"));
             if ((!force && source->readerCount() > 0) ||
                 !sources.close(source->key(), media::SourceEndReason::closedByApi)) {
                 r.fail(ZlmCode::otherFailed, "close failed", {{"result", -1}});
                 return;
             }
             r.ok({{"msg", "success"}, {"result", 0}});
         }});

    door.add({"close_streams", {}, [&sources](const ZlmRequest& req, const ZlmResponder& r) {
                  auto filter = StreamFilter::from(req.args);
                  bool force = core::lenientBool(req.args.get("force"));
                  int hit = 0;
                  int closed = 0;
                  for (auto& s : sources.list()) {
                      if (!filter.matches(kRtmpSchema, s->key())) {
                          continue;
                      }
                      ++hit;
                      if ((force || s->readerCount() == 0) &&
                          sources.close(s->key(), media::SourceEndReason::closedByApi)) {
                          ++closed;
                      }
                  }
                  r.ok({{"count_hit", hit}, {"count_closed", closed}});
              }});

    door.add({"getMediaPlayerList", kTuple,
              [&sources, &sessions, &config](const ZlmRequest& req, const ZlmResponder& r) {
                  auto source = findExact(sources, config, req.args);
                  if (!source) {
                      r.fail(ZlmCode::notFound, kStreamNotFound);
                      return;
                  }
                  json::array data;
                  std::string key = source->key().str();
                  for (const auto& s : sessions.list()) {
                      if (s.playing == key) {
                          data.push_back(sessionJson(s, false));
                      }
                  }
                  r.ok({{"data", std::move(data)}});
              }});

    // Messages go to WebRTC players over their data channels; the engine has no WebRTC
    // players, so a found stream accepts the message and nobody receives it (spec: MAY drop).
    door.add({"broadcastMessage",
              {"schema", "vhost", "app", "stream", "msg"},
              [&sources, &config](const ZlmRequest& req, const ZlmResponder& r) {
                  bool vhosts = config.snapshot()->getBool("general.enableVhost");
                  auto key = media::normalizedKey(req.args.get("vhost"), req.args.get("app"),
                                                  req.args.get("stream"), vhosts);
                  if (!sources.find(key)) {
                      r.fail(ZlmCode::notFound, kStreamNotFound);
                      return;
                  }
                  r.ok();
              }});

    door.add({"getAllSession", {}, [&sessions](const ZlmRequest& req, const ZlmResponder& r) {
                  json::array data;
                  for (const auto& s : sessions.list()) {
                      if (sessionMatches(s, req.args)) {
                          data.push_back(sessionJson(s, true));
                      }
                  }
                  json::object fields;
                  if (!data.empty()) {
                      fields["data"] = std::move(data);
                  }
                  r.ok(std::move(fields));
              }});

    door.add({"kick_session", {"id"}, [&sessions](const ZlmRequest& req, const ZlmResponder& r) {
                  if (!sessions.kick(req.args.get("id"))) {
                      r.fail(ZlmCode::otherFailed, "can not find the target");
                      return;
                  }
                  r.ok();
              }});

    door.add({"kick_sessions", {}, [&sessions](const ZlmRequest& req, const ZlmResponder& r) {
                  int hit = 0;
                  for (const auto& s : sessions.list()) {
                      if (s.id != req.call.sessionId && sessionMatches(s, req.args) &&
                          sessions.kick(s.id)) {
                          ++hit;
                      }
                  }
                  r.ok({{"count_hit", hit}});
              }});
}

}  // namespace regie::api::zlm
