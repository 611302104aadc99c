#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcInventory, "vipdeck.inventory", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSsh, "vipdeck.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHaproxy, "vipdeck.haproxy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBird, "vipdeck.bird", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "vipdeck.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFleet, "vipdeck.fleet", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReport, "vipdeck.report", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHistory, "vipdeck.history", QtInfoMsg)
