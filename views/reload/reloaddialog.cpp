#include "views/reload/reloaddialog.h"

#include "core/audit/auditreason.h"
#include "core/fleet/reloadoperationrunner.h"
#include "models/healthstyle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {
constexpr int HostRole = Qt::UserRole + 1;
}

ReloadDialog::ReloadDialog(ReloadRunner *runner, const QString &vip, const QStringList &hosts,
                           QWidget *parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_vip(vip)
    , m_hosts(new QListWidget)
    , m_reason(new QLineEdit)
    , m_output(new QPlainTextEdit)
    , m_summary(new QLabel)
{
    setObjectName(u"reloadDialog"_s);
    setWindowTitle(tr("Reload %1").arg(vip));
    auto *intro = new QLabel(
        tr("Reloads %1's HAProxy one host at a time, in this order: config check, save the "
           "server state (drains survive), reload through the master socket, wait until the VIP "
           "is healthy and announced again, then the next host. Stops at the first failure. "
           "Drag to reorder; untick a host to leave it out.")
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
    m_output->setObjectName(u"reloadOutput"_s);
    m_output->setReadOnly(true);
    m_output->setPlaceholderText(tr("The output of haproxy -c appears here."));
    m_summary->setObjectName(u"reloadSummary"_s);
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox;
    m_run = buttons->addButton(tr("&Reload"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(u"reloadRun"_s);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_run, &QPushButton::clicked, this, &ReloadDialog::run);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Hosts, in order:"), m_hosts);
    form->addRow(tr("Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_output, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(720, 520);
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
    m_run->setEnabled(!m_running && !m_result && !chosenHosts().isEmpty() &&
                      !m_reason->text().trimmed().isEmpty() && reasonValid);
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

void ReloadDialog::run()
{
    if (!m_run->isEnabled())
        return;
    ReloadRequest request;
    request.vip = m_vip;
    request.hosts = chosenHosts();
    request.rolling = request.hosts.size() > 1;
    request.reason = m_reason->text().trimmed();
    m_running = true;
    emit runningChanged(true);
    updateButtons();
    for (const QString &host : request.hosts)
        setHostText(host, tr("waiting"));

    auto *watcher = new QFutureWatcher<ReloadResult>(this);
    const auto step = connect(m_runner, &ReloadRunner::stepStarted, this,
                              [this](const QString &host, ReloadStep s) {
                                  setHostText(host, tr("%1…").arg(reloadStepName(s)));
                              });
    const auto hostDone =
        connect(m_runner, &ReloadRunner::hostFinished, this, [this](const ReloadHostResult &r) {
            setHostText(r.host,
                        (r.ok ? tr("OK: %1") : tr("FAILED: %1"))
                            .arg(r.message.isEmpty() && r.error ? r.error->toString() : r.message));
            if (!r.configCheckOutput.isEmpty())
                m_output->appendPlainText(
                    u"== %1: haproxy -c ==\n%2"_s.arg(r.host, r.configCheckOutput.trimmed()));
        });
    connect(watcher, &QFutureWatcher<ReloadResult>::finished, this,
            [this, watcher, step, hostDone] {
                disconnect(step);
                disconnect(hostDone);
                m_result = watcher->result();
                watcher->deleteLater();
                QString summary = m_result->summary();
                if (m_result->refused)
                    summary += u'\n' + tr("Refused: %1").arg(m_result->refused->toString());
                for (const ReloadHostResult &host : m_result->hosts) {
                    if (host.skipped)
                        setHostText(host.host, tr("not attempted"));
                }
                m_summary->setText(summary);
                m_running = false;
                emit runningChanged(false);
                updateButtons();
            });
    watcher->setFuture(m_runner->run(request));
}

} // namespace vipdeck
