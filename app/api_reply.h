#pragma once

#include <QObject>

#include "api_result.h"

// Handle on one API call in flight. Emits finished() once, then deletes itself.
class ApiReply : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

signals:
    void finished(const ApiResult& result);
};
