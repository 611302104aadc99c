#pragma once

// Small widget-building helpers shared by the console's detail views, so
// every panel frames, sizes and refreshes its parts the same way.

#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QComboBox;
class QGroupBox;
class QTableView;
class QWidget;

namespace vipdeck {

// `widget` inside a titled group box with tight margins.
QGroupBox *boxed(const QString &title, QWidget *widget);

// A read-only, row-selecting table over `model` with compact rows and no
// row numbers, named `objectName` for tests.
QTableView *compactTable(QAbstractItemModel *model, const QString &objectName);

// Replaces a chooser's items, keeping the current one when it is still
// there (else the first), without emitting a change for the refill itself.
void replaceItemsKeepingCurrent(QComboBox *combo, const QStringList &items);

} // namespace vipdeck
