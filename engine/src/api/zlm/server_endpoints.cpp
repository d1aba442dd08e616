#include "api/zlm/server_endpoints.h"

#include <boost/json.hpp>

#include "api/zlm/server_json.h"
#include "core/build_info.h"

namespace regie::api::zlm {

namespace json = boost::json;

namespace {
// Baseline text: "the server will restart automatically in one second".
constexpr std::string_view kRestartMessage =
    "\xE6\x9C\x8D\xE5\x8A\xA1\xE5\x99\xA8\xE5\xB0\x86\xE5\x9C\xA8\xE4\xB8\x80\xE7\xA7\x92\xE5"
    "\x90\x8E\xE8\x87\xAA\xE5\x8A\xA8\xE9\x87\x8D\xE5\x90\xAF";

// getServerConfig is the hottest read: render once per configuration version.
class ServerConfigCache {
public:
    std::shared_ptr<const std::string> get(const core::ConfigSnapshot& snapshot) {
        std::lock_guard lock(m_mutex);
        if (!m_body || m_version != snapshot.version()) {
            json::object values;
            for (const auto& [k, v] : snapshot.values()) {
                values[k] = v;
            }
            json::array data;
            data.push_back(std::move(values));
            json::object body;
            body["code"] = 0;
            body["data"] = std::move(data);
            m_body = std::make_shared<const std::string>(json::serialize(body));
            m_version = snapshot.version();
        }
        return m_body;
    }

private:
    std::mutex m_mutex;
    std::shared_ptr<const std::string> m_body;
    std::uint64_t m_version = 0;
};
}  // namespace

void addServerEndpoints(ZlmDoor& door, service::ServerService& server, const core::Config& config) {
    door.add({"getApiList", {}, [&door](const ZlmRequest&, const ZlmResponder& r) {
                  json::array paths;
                  for (auto& p : door.apiList()) {
                      paths.emplace_back(p);
                  }
                  r.ok({{"data", std::move(paths)}});
              }});

    door.add({"version", {}, [](const ZlmRequest&, const ZlmResponder& r) {
                  r.ok({{"data", versionJson()}});
              }});

    auto cache = std::make_shared<ServerConfigCache>();
    door.add({"getServerConfig", {}, [&config, cache](const ZlmRequest&, const ZlmResponder& r) {
                  r.sendSerialized(*cache->get(*config.snapshot()));
              }});

    door.add({"setServerConfig", {}, [&server](const ZlmRequest& req, const ZlmResponder& r) {
                  server.setConfig(req.args.entries(), [r](core::Result<core::ConfigChange> res) {
                      if (!res) {
                          r.fail(ZlmCode::exception, res.error().message);
                          return;
                      }
                      json::array restart;
                      for (const auto& k : res.value().restartRequired) {
                          restart.emplace_back(k);
                      }
                      json::object fields{{"changed", res.value().changed.size()}};
                      if (!restart.empty()) {
                          fields["restartRequired"] = std::move(restart);
                      }
                      r.ok(std::move(fields));
                  });
              }});

    door.add({"restartServer", {}, [&server](const ZlmRequest&, const ZlmResponder& r) {
                  r.ok({{"msg", kRestartMessage}});
                  server.restart("restartServer");
              }});

    door.add({"getStatistic", {}, [&server](const ZlmRequest&, const ZlmResponder& r) {
                  r.ok({{"data", statisticJson(server.statistic())}});
              }});

    door.add({"getThreadsLoad", {}, [&server](const ZlmRequest&, const ZlmResponder& r) {
                  server.ioLoads([r](const std::vector<core::LoopLoad>& loads) {
                      r.ok({{"data", loadsJson(loads)}});
                  });
              }});

    door.add({"getWorkThreadsLoad", {}, [&server](const ZlmRequest&, const ZlmResponder& r) {
                  server.workerLoads([r](const std::vector<core::LoopLoad>& loads) {
                      r.ok({{"data", loadsJson(loads)}});
                  });
              }});
}

}  // namespace regie::api::zlm
