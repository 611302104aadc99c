#include "views/reload/reloaddialog.h"

#include "core/audit/auditreason.h"
#include "core/fleet/reloadoperationrunner.h"
#include "models/healthstyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {
constexpr int HostRole = Qt::UserRole + 1;
enum PreflightColumn { CheckColumn, ResultColumn, FoundColumn, PreflightColumnCount };
} // namespace

ReloadDialog::ReloadDialog(ReloadRunner *runner, const QString &vip, const QStringList &hosts,
                           QWidget *parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_vip(vip)
    , m_hosts(new QListWidget)
    , m_reason(new QLineEdit)
    , m_force(new QCheckBox(tr("Skip hosts that fail the pre-flight and reload the others "
                               "(recorded as forced)")))
    , m_preflight(new QTreeWidget)
    , m_output(new QPlainTextEdit)
    , m_summary(new QLabel)
{
    setObjectName(u"reloadDialog"_s);
    setWindowTitle(tr("Reload %1").arg(vip));
    auto *intro = new QLabel(
        tr("First a pre-flight on every chosen host: reachable over SSH, haproxy -c, server "
           "state readable and savable; if a host fails it, nothing is reloaded. Then %1's "
           "HAProxy is reloaded one host at a time: config check, save the server state (drains "
           "survive), reload through the master socket, wait until the VIP is healthy and "
           "announced again, then the next host. Stops at the first failure. Drag to reorder; "
           "untick a host to leave it out.")
            .arg(vip));
    intro->setWordWrap(true);
    m_hosts->setObjectName(u"reloadHosts"_s);
    m_hosts->setDragDropMode(QAbstractItemView::InternalMove);
    for (const QString &host : hosts) {
        auto *item = new QListWidgetItem(host, m_hosts);
        item->setData(HostRole, host);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    connect(m_hosts, &QListWidget::itemChanged, this, &ReloadDialog::updateButtons);
    m_reason->setObjectName(u"reloadReason"_s);
    m_reason->setPlaceholderText(tr("Required: why (change id…)"));
    connect(m_reason, &QLineEdit::textChanged, this, &ReloadDialog::updateButtons);
    connect(m_force, &QCheckBox::toggled, this, &ReloadDialog::updateButtons);
    m_force->setObjectName(u"reloadForce"_s);
    m_preflight->setObjectName(u"reloadPreflight"_s);
    m_preflight->setColumnCount(PreflightColumnCount);
    m_preflight->setHeaderLabels({tr("Pre-flight"), tr("Result"), tr("Found")});
    m_preflight->setRootIsDecorated(true);
    m_output->setObjectName(u"reloadOutput"_s);
    m_output->setReadOnly(true);
    m_output->setPlaceholderText(tr("The output of haproxy -c appears here."));
    m_summary->setObjectName(u"reloadSummary"_s);
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox;
    m_check = buttons->addButton(tr("&Pre-flight"), QDialogButtonBox::ActionRole);
    m_check->setObjectName(u"reloadPreflightRun"_s);
    m_check->setToolTip(tr("Run only the checks; nothing is reloaded"));
    m_run = buttons->addButton(tr("&Reload"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(u"reloadRun"_s);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_check, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_run, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Hosts, in order:"), m_hosts);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(QString(), m_force);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_preflight, 1);
    layout->addWidget(m_output, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(760, 640);
    updateButtons();
}

QStringList ReloadDialog::chosenHosts() const
{
    QStringList hosts;
    for (int i = 0; i < m_hosts->count(); ++i) {
        if (m_hosts->item(i)->checkState() == Qt::Checked)
            hosts << m_hosts->item(i)->data(HostRole).toString();
    }
    return hosts;
}

void ReloadDialog::updateButtons()
{
    const Result<void> reasonValid = validateAuditReason(m_reason->text());
    m_check->setEnabled(!m_running && !m_result && !chosenHosts().isEmpty());
    m_run->setEnabled(!m_running && !m_result && !chosenHosts().isEmpty() &&
                      !m_reason->text().trimmed().isEmpty() && reasonValid);
    m_run->setText(m_force->isChecked() ? tr("&Reload passing hosts") : tr("&Reload"));
    m_force->setEnabled(!m_running && !m_result);
    // Why Run stays disabled when the reason holds a control character.
    m_reason->setToolTip(reasonValid ? QString() : reasonValid.error().toString());
    m_run->setToolTip(reasonValid ? QString() : reasonValid.error().toString());
    m_close->setEnabled(!m_running);
    m_hosts->setEnabled(!m_running && !m_result);
    m_reason->setEnabled(!m_running && !m_result);
}

void ReloadDialog::setHostText(const QString &host, const QString &text)
{
    for (int i = 0; i < m_hosts->count(); ++i) {
        QListWidgetItem *item = m_hosts->item(i);
        if (item->data(HostRole).toString() == host) {
            const QSignalBlocker blocker(m_hosts);
            item->setText(u"%1 — %2"_s.arg(host, text));
        }
    }
}

void ReloadDialog::showPreflightCheck(const QString &host, const PreflightCheckResult &check)
{
    QTreeWidgetItem *hostItem = nullptr;
    for (int i = 0; i < m_preflight->topLevelItemCount(); ++i)
        if (m_preflight->topLevelItem(i)->data(CheckColumn, HostRole).toString() == host)
            hostItem = m_preflight->topLevelItem(i);
    if (!hostItem) {
        hostItem = new QTreeWidgetItem(m_preflight, {host});
        hostItem->setData(CheckColumn, HostRole, host);
        hostItem->setExpanded(true);
    }
    const QString name = preflightCheckName(check.check);
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < hostItem->childCount(); ++i)
        if (hostItem->child(i)->text(CheckColumn) == name)
            item = hostItem->child(i);
    if (!item)
        item = new QTreeWidgetItem(hostItem, {name});
    const bool failed = check.status == PreflightStatus::Failed;
    item->setText(ResultColumn, check.status == PreflightStatus::Passed ? tr("passed")
                                : failed                                ? tr("FAILED")
                                                                        : tr("not run"));
    item->setText(FoundColumn, failed && check.error ? check.error->toString() : check.message);
    item->setToolTip(FoundColumn, item->text(FoundColumn));
    // A host shows its worst check.
    bool hostFailed = false;
    for (int i = 0; i < hostItem->childCount(); ++i)
        hostFailed = hostFailed || hostItem->child(i)->text(ResultColumn) == tr("FAILED");
    hostItem->setText(ResultColumn, hostFailed ? tr("FAILED") : tr("passed"));
}

void ReloadDialog::run(bool dryRun)
{
    if (!(dryRun ? m_check : m_run)->isEnabled())
        return;
    ReloadRequest request;
    request.vip = m_vip;
    request.hosts = chosenHosts();
    request.rolling = request.hosts.size() > 1;
    request.reason = m_reason->text().trimmed();
    request.dryRun = dryRun;
    request.force = m_force->isChecked();
    m_running = true;
    emit runningChanged(true);
    updateButtons();
    m_preflight->clear();
    m_summary->clear();
    for (const QString &host : request.hosts)
        setHostText(host, dryRun ? tr("pre-flight") : tr("waiting"));

    auto *watcher = new QFutureWatcher<ReloadResult>(this);
    // This reload's own progress (never another dialog's), queued from the
    // runner's thread; the handle's connections go with it.
    const std::shared_ptr<ReloadHandle> handle = ReloadHandle::create();
    connect(handle.get(), &ReloadHandle::preflightCheckFinished, this,
            &ReloadDialog::showPreflightCheck);
    connect(handle.get(), &ReloadHandle::stepStarted, this,
            [this](const QString &host, ReloadStep s) {
                setHostText(host, tr("%1…").arg(reloadStepName(s)));
            });
    connect(handle.get(), &ReloadHandle::hostFinished, this, [this](const ReloadHostResult &r) {
        setHostText(r.host,
                    (r.ok ? tr("OK: %1") : tr("FAILED: %1"))
                        .arg(r.message.isEmpty() && r.error ? r.error->toString() : r.message));
        if (!r.configCheckOutput.isEmpty())
            m_output->appendPlainText(
                u"== %1: haproxy -c ==\n%2"_s.arg(r.host, r.configCheckOutput.trimmed()));
    });
    connect(watcher, &QFutureWatcher<ReloadResult>::finished, this, [this, watcher, dryRun] {
        const ReloadResult result = watcher->result();
        watcher->deleteLater();
        // The final word on every check, whatever the queued signals showed.
        for (const HostPreflight &h : result.preflight.hosts) {
            for (const PreflightCheckResult &c : h.checks)
                showPreflightCheck(h.host, c);
            if (const PreflightCheckResult *f = h.failure();
                f && f->check == PreflightCheck::ConfigCheck)
                m_output->appendPlainText(u"== %1: haproxy -c (pre-flight) ==\n%2"_s.arg(
                    h.host, h.configCheckOutput.trimmed()));
        }
        QString summary = result.summary();
        if (result.refused)
            summary += u'\n' + tr("Refused: %1").arg(result.refused->toString());
        for (const ReloadHostResult &host : result.hosts) {
            if (host.failedPreflightCheck)
                setHostText(host.host, tr("pre-flight failed: %1")
                                           .arg(preflightCheckName(*host.failedPreflightCheck)));
            else if (host.skipped)
                setHostText(host.host, dryRun ? tr("pre-flight passed") : tr("not attempted"));
        }
        m_summary->setText(summary);
        // A dry run leaves the dialog ready for the real reload.
        if (!dryRun)
            m_result = result;
        m_running = false;
        emit runningChanged(false);
        if (!dryRun)
            emit outcomeReady(result.ok() ? tr("%1: done").arg(windowTitle())
                                          : tr("%1: failed").arg(windowTitle()),
                              summary, result.ok());
        updateButtons();
    });
    watcher->setFuture(m_runner->run(request, {}, handle));
}

} // namespace vipdeck
