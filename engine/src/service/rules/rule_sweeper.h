#pragma once
// Runs RuleService::sweep once a second on a worker (expiries lift stream rules and CDN bans
// on time; purging writes the store).

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "service/rules/rule_service.h"

namespace regie::service::rules {

class RuleSweeper : public std::enable_shared_from_this<RuleSweeper> {
public:
    RuleSweeper(RuleService& rules, boost::asio::io_context& worker)
        : m_rules(rules), m_timer(worker) {}

    void start();
    void stop();

private:
    RuleService& m_rules;
    boost::asio::steady_timer m_timer;
};

}  // namespace regie::service::rules
