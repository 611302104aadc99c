#include "views/operations/serveroperationdialog.h"

#include "core/audit/auditreason.h"
#include "core/fleet/serveroperationrunner.h"
#include "models/healthstyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

QString actionTitle(ServerAction action)
{
    switch (action) {
    case ServerAction::Drain:
        return ServerOperationDialog::tr("Drain");
    case ServerAction::Ready:
        return ServerOperationDialog::tr("Enable (ready)");
    case ServerAction::Maint:
        return ServerOperationDialog::tr("Maintenance");
    case ServerAction::Weight:
        break;
    }
    return ServerOperationDialog::tr("Set weight");
}

void setCell(QTableWidget *table, int row, int column, const QString &text,
             const QColor &background = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (background.isValid())
        item->setBackground(background);
    item->setToolTip(text);
    table->setItem(row, column, item);
}

} // namespace

ServerOperationDialog::ServerOperationDialog(ServerOperationRunner *runner,
                                             std::function<Snapshot()> snapshot,
                                             ServerAction action,
                                             const QList<ServerLocation> &selection,
                                             QWidget *parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_snapshot(std::move(snapshot))
    , m_action(action)
    , m_selection(selection)
    , m_title(new QLabel)
    , m_everywhere(new QCheckBox(tr("Everywhere each server serves (every VIP, host, backend)")))
    , m_weight(new QSpinBox)
    , m_targets(new QTableWidget(0, ColumnCount))
    , m_notes(new QLabel)
    , m_error(new QLabel)
    , m_reason(new QLineEdit)
    , m_force(new QCheckBox)
    , m_summary(new QLabel)
{
    setObjectName(u"serverOperationDialog"_s);
    for (const ServerLocation &selected : selection) {
        if (!m_servers.contains(selected.server))
            m_servers << selected.server;
    }
    setWindowTitle(tr("%1 servers").arg(actionTitle(action)));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setObjectName(u"operationTitle"_s);
    m_title->setText(tr("%1: %2").arg(actionTitle(action), m_servers.join(u", "_s)));

    m_everywhere->setObjectName(u"operationEverywhere"_s);
    m_everywhere->setChecked(true);
    connect(m_everywhere, &QCheckBox::toggled, this, &ServerOperationDialog::buildPreviews);
    m_weight->setObjectName(u"operationWeight"_s);
    m_weight->setRange(0, 256);
    m_weight->setValue(1);
    m_weight->setVisible(action == ServerAction::Weight);
    connect(m_weight, &QSpinBox::valueChanged, this, &ServerOperationDialog::buildPreviews);

    m_targets->setObjectName(u"operationTargets"_s);
    m_targets->setHorizontalHeaderLabels({tr("VIP"), tr("Host"), tr("Backend"), tr("Server"),
                                          tr("Now"), tr("Impact (usable servers)"), tr("Result")});
    m_targets->verticalHeader()->hide();
    m_targets->horizontalHeader()->setStretchLastSection(true);
    m_targets->setSelectionMode(QAbstractItemView::NoSelection);
    m_targets->setWordWrap(false);
    // Tab leaves the table for the next field instead of walking its cells.
    m_targets->setTabKeyNavigation(false);
    m_notes->setObjectName(u"operationNotes"_s);
    m_notes->setWordWrap(true);
    m_error->setObjectName(u"operationError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #d32f2f; font-weight: bold"_s);
    m_error->hide();

    m_reason->setObjectName(u"operationReason"_s);
    m_reason->setPlaceholderText(tr("Required: why (ticket id, incident…)"));
    connect(m_reason, &QLineEdit::textChanged, this, &ServerOperationDialog::updateButtons);
    m_reason->installEventFilter(this);
    m_force->setObjectName(u"operationForce"_s);
    m_force->setStyleSheet(u"color: #d32f2f"_s);
    m_force->setText(
        tr("Force: I know this leaves backends (in red) below their minimum of usable servers"));
    connect(m_force, &QCheckBox::toggled, this, &ServerOperationDialog::updateButtons);
    m_summary->setObjectName(u"operationSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox;
    m_run = buttons->addButton(tr("&Run"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(u"operationRun"_s);
    // Enter in Reason runs (once Run is enabled: a reason is required).
    m_run->setDefault(true);
    // Outside the button box, which shows every button it lays out: Reverse
    // appears only once something succeeded.
    m_reverse = new QPushButton(tr("Re&verse what succeeded"));
    m_reverse->setObjectName(u"operationReverse"_s);
    m_reverse->setAutoDefault(false);
    m_reverse->hide();
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(u"operationClose"_s);
    // The buttons are wired by hand: the dialog must stay open after Run.
    connect(m_run, &QPushButton::clicked, this, &ServerOperationDialog::run);
    connect(m_reverse, &QPushButton::clicked, this, &ServerOperationDialog::reverse);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Weight:"), m_weight);
    form->labelForField(m_weight)->setVisible(action == ServerAction::Weight);
    form->addRow(tr("Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_everywhere);
    layout->addWidget(m_targets, 1);
    layout->addWidget(m_notes);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(m_force);
    layout->addWidget(m_summary);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_reverse);
    buttonRow->addWidget(buttons, 1);
    layout->addLayout(buttonRow);
    resize(900, 480);
    // The keyboard path of an incident: Reason first, then what acts on it.
    setTabOrder(m_reason, m_force);
    setTabOrder(m_force, m_run);
    setTabOrder(m_run, m_reverse);
    setTabOrder(m_reverse, m_close);
    setTabOrder(m_close, m_everywhere);
    setTabOrder(m_everywhere, m_weight);
    setTabOrder(m_weight, m_targets);
    buildPreviews();
}

bool ServerOperationDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Focus on Close or Reverse makes that button the default for a while;
    // back in Reason, Enter runs again.
    if (watched == m_reason && event->type() == QEvent::FocusIn)
        m_run->setDefault(true);
    return QDialog::eventFilter(watched, event);
}

void ServerOperationDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_reason->isEnabled())
        m_reason->setFocus(Qt::OtherFocusReason);
}

bool ServerOperationDialog::needsForce() const
{
    for (const OperationPreview &preview : m_previews) {
        if (preview.needsForce())
            return true;
    }
    return false;
}

QString ServerOperationDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ServerOperationDialog::buildPreviews()
{
    if (m_running || m_done)
        return;
    m_previews.clear();
    QStringList errors;
    const Snapshot snapshot = m_snapshot();
    for (const QString &server : std::as_const(m_servers)) {
        ServerOperationRequest request;
        request.action = m_action;
        request.server = server;
        request.weight = m_action == ServerAction::Weight ? m_weight->value() : -1;
        if (!m_everywhere->isChecked()) {
            for (const ServerLocation &selected : std::as_const(m_selection)) {
                if (selected.server == server && !selected.vip.isEmpty())
                    request.only << TargetSelector{selected.vip, selected.host, selected.backend};
            }
        }
        Result<OperationPreview> preview = previewServerOperation(snapshot, request);
        if (preview)
            m_previews << *preview;
        else
            errors << preview.error().toString();
    }
    m_error->setText(errors.join(u'\n'));
    m_error->setVisible(!errors.isEmpty());
    fillTargets();
    updateButtons();
}

void ServerOperationDialog::fillTargets()
{
    m_offsets.clear();
    int rows = 0;
    QStringList notes;
    for (const OperationPreview &preview : std::as_const(m_previews)) {
        m_offsets << rows;
        rows += int(preview.targets.size());
        notes << preview.notes;
    }
    m_targets->setRowCount(rows);
    const QColor red = healthTint(Health::Critical);
    for (qsizetype p = 0; p < m_previews.size(); ++p) {
        for (qsizetype t = 0; t < m_previews[p].targets.size(); ++t) {
            const ServerTarget &target = m_previews[p].targets[t];
            const int row = m_offsets[p] + int(t);
            const QColor background = target.belowThreshold ? red : QColor();
            setCell(m_targets, row, VipColumn, target.vip, background);
            setCell(m_targets, row, HostColumn, target.host, background);
            setCell(m_targets, row, BackendColumn, target.backend, background);
            setCell(m_targets, row, ServerColumn, target.server, background);
            setCell(m_targets, row, NowColumn,
                    target.dataKnown
                        ? u"%1, %2, weight %3, %4 sessions"_s
                              .arg(target.status.raw, adminStateName(target.adminState))
                              .arg(target.weight)
                              .arg(target.sessions)
                        : tr("unknown: %1").arg(target.dataError),
                    background);
            QString impact = target.usableBefore < 0 ? tr("unknown")
                                                     : tr("%1 → %2 (minimum %3)")
                                                           .arg(target.usableBefore)
                                                           .arg(target.usableAfter)
                                                           .arg(target.minUpServers);
            if (target.belowThreshold)
                impact = tr("BELOW THRESHOLD: %1").arg(impact);
            else if (target.noChange)
                impact += tr(" — already in that state");
            setCell(m_targets, row, ImpactColumn, impact, background);
            setCell(m_targets, row, ResultColumn, tr("pending"), background);
        }
    }
    m_targets->resizeColumnsToContents();
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    m_force->setVisible(needsForce());
}

void ServerOperationDialog::updateButtons()
{
    const Result<void> reasonValid = validateAuditReason(m_reason->text());
    const bool ready = !m_running && !m_done && !m_previews.isEmpty() &&
                       !m_reason->text().trimmed().isEmpty() && reasonValid &&
                       (!needsForce() || m_force->isChecked());
    m_run->setEnabled(ready);
    m_reason->setEnabled(!m_running && !m_done);
    m_force->setEnabled(!m_running && !m_done);
    m_everywhere->setEnabled(!m_running && !m_done);
    m_close->setEnabled(!m_running);
    m_reason->setToolTip(reasonValid ? QString() : reasonValid.error().toString());
    m_run->setToolTip(!reasonValid                           ? reasonValid.error().toString()
                      : m_reason->text().trimmed().isEmpty() ? tr("Give a reason first")
                      : needsForce() && !m_force->isChecked()
                          ? tr("Tick Force to act on backends left below their threshold")
                          : QString());
}

void ServerOperationDialog::run()
{
    if (!m_run->isEnabled())
        return;
    for (OperationPreview &preview : m_previews) {
        preview.request.reason = m_reason->text().trimmed();
        preview.request.force = m_force->isChecked();
    }
    m_results.clear();
    m_next = 0;
    m_running = true;
    emit runningChanged(true);
    updateButtons();
    runNext();
}

void ServerOperationDialog::runNext()
{
    if (m_next >= m_previews.size()) {
        m_running = false;
        m_done = true;
        QStringList lines;
        int succeeded = 0;
        for (const OperationResult &result : std::as_const(m_results)) {
            lines << result.summary();
            if (result.refused)
                lines << tr("Refused: %1").arg(result.refused->toString());
            if (result.auditIntentId >= 0)
                lines << tr("Audit record #%1").arg(result.auditIntentId);
            succeeded += result.succeeded();
        }
        m_summary->setText(lines.join(u'\n'));
        m_reverse->setVisible(succeeded > 0);
        m_reverse->setEnabled(succeeded > 0);
        const bool allOk = std::all_of(m_results.cbegin(), m_results.cend(),
                                       [](const OperationResult &r) { return r.ok(); });
        emit runningChanged(false);
        emit outcomeReady(allOk ? tr("%1: done").arg(windowTitle())
                                : tr("%1: failed").arg(windowTitle()),
                          lines.join(u'\n'), allOk);
        updateButtons();
        return;
    }
    const int index = m_next++;
    const int offset = m_offsets.value(index);
    auto *watcher = new QFutureWatcher<OperationResult>(this);
    // This operation's own progress (never another dialog's), queued from
    // the runner's threads.
    const std::shared_ptr<OperationHandle> handle = OperationHandle::create(m_previews[index]);
    auto started =
        connect(handle.get(), &OperationHandle::targetStarted, this,
                [this, offset](int i, const ServerTarget &) {
                    if (QTableWidgetItem *item = m_targets->item(offset + i, ResultColumn))
                        item->setText(tr("running…"));
                });
    auto progress =
        connect(handle.get(), &OperationHandle::targetProgress, this,
                [this, offset](int i, const QString &message) {
                    if (QTableWidgetItem *item = m_targets->item(offset + i, ResultColumn))
                        item->setText(message);
                });
    auto finished =
        connect(handle.get(), &OperationHandle::targetFinished, this,
                [this, offset](int i, const TargetResult &result) {
                    if (QTableWidgetItem *item = m_targets->item(offset + i, ResultColumn)) {
                        item->setText((result.ok ? tr("OK: %1") : tr("FAILED: %1"))
                                          .arg(result.message.isEmpty() && result.error
                                                   ? result.error->toString()
                                                   : result.message));
                        item->setIcon(healthIcon(result.ok ? Health::Healthy : Health::Critical));
                        item->setToolTip(item->text());
                        m_targets->resizeColumnToContents(ResultColumn);
                    }
                });
    connect(watcher, &QFutureWatcher<OperationResult>::finished, this,
            [this, watcher, index, started, progress, finished, handle] {
                disconnect(started);
                disconnect(progress);
                disconnect(finished);
                const OperationResult result = watcher->result();
                watcher->deleteLater();
                // Targets never attempted (a refused operation) say so.
                for (qsizetype t = 0; t < result.targets.size(); ++t) {
                    QTableWidgetItem *item =
                        m_targets->item(m_offsets.value(index) + int(t), ResultColumn);
                    if (item && result.targets[t].skipped)
                        item->setText(tr("not attempted"));
                }
                m_results << result;
                runNext();
            });
    watcher->setFuture(m_runner->start(handle)); // connected above: nothing is missed
}

void ServerOperationDialog::reverse()
{
    QList<OperationPreview> previews;
    QStringList errors;
    const Snapshot snapshot = m_snapshot();
    for (const OperationResult &result : std::as_const(m_results)) {
        const QString reason = result.auditIntentId >= 0
                                   ? tr("reverse of audit #%1: %2")
                                         .arg(result.auditIntentId)
                                         .arg(result.request.reason)
                                   : tr("reverse: %1").arg(result.request.reason);
        for (ServerOperationRequest request : reverseOperation(result, reason)) {
            // Putting back what was there cannot go below what was there before.
            request.force = true;
            Result<OperationPreview> preview = previewServerOperation(snapshot, request);
            if (preview)
                previews << *preview;
            else
                errors << preview.error().toString();
        }
    }
    m_error->setText(errors.join(u'\n'));
    m_error->setVisible(!errors.isEmpty());
    if (previews.isEmpty())
        return;
    m_previews = previews;
    m_done = false;
    m_reverse->hide();
    m_title->setText(tr("Reversing: %1").arg(m_title->text()));
    fillTargets();
    m_force->hide();
    m_results.clear();
    m_next = 0;
    m_running = true;
    emit runningChanged(true);
    updateButtons();
    runNext();
}

} // namespace vipdeck
