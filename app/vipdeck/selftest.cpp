#include "selftest.h"

#include "models/fleetmodels.h"
#include "views/mainwindow.h"
#include "views/quickfind/quickfinddialog.h"

#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QSqlDatabase>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace vipdeck {

int runSelfTest(QTextStream &out)
{
    int failures = 0;
    const auto check = [&](bool ok, const QString &what) {
        out << (ok ? u"ok    "_s : u"FAIL  "_s) << what << u'\n';
        failures += ok ? 0 : 1;
    };

    QFile example(u":/examples/fleet.yaml"_s);
    check(example.open(QIODevice::ReadOnly), u"embedded example fleet is readable"_s);

    MainWindow window;
    const bool loaded = window.openFleetData(example.readAll(), u"fleet.yaml (example)"_s);
    check(loaded, u"example fleet loads"_s);
    check(window.fleetTreeModel()->rowCount() > 0, u"fleet tree lists the example's groups"_s);
    const VipHostMatrixModel *matrix = window.models()->matrix();
    check(
        matrix->rowCount() == window.models()->latest().snapshot.inventory().vips().size() &&
            matrix->columnCount() > 0,
        u"overview matrix has a row per VIP and a column per host (%1x%2)"_s.arg(matrix->rowCount())
            .arg(matrix->columnCount()));
    bool allUnknown = true;
    for (int r = 0; r < matrix->rowCount(); ++r) {
        for (int c = 0; c < matrix->columnCount(); ++c) {
            const int health = matrix->index(r, c).data(VipHostMatrixModel::HealthRole).toInt();
            allUnknown &= health == -1 || health == int(Health::Unknown);
        }
    }
    check(allUnknown, u"before any poll every state is unknown, never healthy"_s);
    check(window.poller() == nullptr, u"the embedded example is not polled"_s);
    window.openQuickFind();
    window.quickFindDialog()->input()->setText(u"typo"_s);
    check(window.quickFindDialog()->matches()->count() >= 1,
          u"quick find matches a VIP of the example"_s);
    window.quickFindDialog()->close();

    window.resize(1024, 700);
    window.show();
    const QPixmap shot = window.grab();
    check(!shot.isNull() && shot.width() >= 1024,
          u"main window renders (%1x%2)"_s.arg(shot.width()).arg(shot.height()));
    check(QSqlDatabase::isDriverAvailable(u"QSQLITE"_s), u"SQLite driver for the audit log"_s);

    out << (failures == 0 ? u"self-test passed"_s
                          : u"self-test FAILED: %1 check(s)"_s.arg(failures))
        << u'\n';
    return failures == 0 ? 0 : 1;
}

} // namespace vipdeck
