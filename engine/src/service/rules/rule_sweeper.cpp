#include "service/rules/rule_sweeper.h"

#include <boost/asio/post.hpp>

namespace regie::service::rules {

void RuleSweeper::start() {
    m_timer.expires_after(std::chrono::seconds(1));
    m_timer.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
        auto self = weak.lock();
        if (ec || !self) {
            return;
        }
        self->m_rules.sweep();
        self->start();
    });
}

void RuleSweeper::stop() {
    boost::asio::post(m_timer.get_executor(),
                      [self = shared_from_this()] { self->m_timer.cancel(); });
}

}  // namespace regie::service::rules
