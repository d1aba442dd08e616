#include "api_result.h"

#include <QCoreApplication>

QString ApiResult::describe() const {
    switch (error) {
        case Error::None:
            return QCoreApplication::translate("ApiResult", "OK");
        case Error::Transport:
            return QCoreApplication::translate("ApiResult", "Network error: %1").arg(message);
        case Error::Http:
            return QCoreApplication::translate("ApiResult", "HTTP %1: %2")
                .arg(httpStatus)
                .arg(message);
        case Error::Json:
            return QCoreApplication::translate("ApiResult", "Malformed reply: %1").arg(message);
        case Error::Api:
            return QCoreApplication::translate("ApiResult", "Engine error %1: %2")
                .arg(code)
                .arg(message);
    }
    return message;
}
