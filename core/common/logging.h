#pragma once

// One logging category per module, so `QT_LOGGING_RULES="vipdeck.ssh.debug=true"`
// turns on exactly the part being debugged.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcInventory) // vipdeck.inventory
Q_DECLARE_LOGGING_CATEGORY(lcSsh)       // vipdeck.ssh
Q_DECLARE_LOGGING_CATEGORY(lcHaproxy)   // vipdeck.haproxy
Q_DECLARE_LOGGING_CATEGORY(lcBird)      // vipdeck.bird
Q_DECLARE_LOGGING_CATEGORY(lcAudit)     // vipdeck.audit
Q_DECLARE_LOGGING_CATEGORY(lcFleet)     // vipdeck.fleet (poller, verdicts, operations)
Q_DECLARE_LOGGING_CATEGORY(lcReport)    // vipdeck.report
Q_DECLARE_LOGGING_CATEGORY(lcHistory)   // vipdeck.history
