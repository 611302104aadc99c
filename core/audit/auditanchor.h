#pragma once

// AuditAnchor: a record's id and hash kept outside the audit log ("ID:HASH":
// printed by `vipdeckctl audit anchor`, in health reports, in a ticket).  The
// chain alone cannot show that its newest records were removed; verifying
// against an anchor taken earlier can: record ID must still be there, with
// the same hash.

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace vipdeck {

struct AuditAnchor
{
    qint64 id = 0;   // 0: the log was empty (the hash is then the genesis hash)
    QByteArray hash; // 64 lower-case hex digits

    QString text() const; // "ID:HASH"
    bool operator==(const AuditAnchor &) const = default;

    // "ID:HASH"; fails with InvalidArgument saying what is wrong.
    static Result<AuditAnchor> parse(const QString &text);
};

} // namespace vipdeck
