#include "core/audit/auditanchor.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vipdeck {

QString AuditAnchor::text() const
{
    return QString::number(id) + u':' + QString::fromLatin1(hash);
}

Result<AuditAnchor> AuditAnchor::parse(const QString &text)
{
    static const QRegularExpression form(u"^(\\d{1,18}):([0-9a-fA-F]{64})$"_s);
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch())
        return Error(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("vipdeck::AuditStore", "\"%1\" is not an audit anchor")
                .arg(text),
            {},
            QCoreApplication::translate(
                "vipdeck::AuditStore",
                "give ID:HASH as printed by `vipdeckctl audit anchor` (a record id, a "
                "colon and 64 hex digits)"));
    AuditAnchor anchor;
    anchor.id = m.captured(1).toLongLong();
    anchor.hash = m.captured(2).toLower().toLatin1();
    return anchor;
}

} // namespace vipdeck
