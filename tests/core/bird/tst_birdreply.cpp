// Framing of BIRD's reply-code protocol and the typed errors of 8xxx/9xxx
// replies, on bytes captured from BIRD 2.0.12 (tests/data/bird).

#include "core/bird/birdreply.h"
#include "tests/support/testdata.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

Q_DECLARE_METATYPE(vipdeck::ErrorCode)

namespace {

QStringList goodFixtures()
{
    // Every captured reply; the hand-made broken variants are tested separately.
    QStringList names;
    const QDir dir(QFileInfo(test::dataPath(u"bird/capture.py"_s)).absolutePath());
    for (const QString &name : dir.entryList({u"bird-2.0.12-*.txt"_s}, QDir::Files)) {
        if (name.contains(u"truncated"_s) || name.contains(u"broken"_s) ||
            name.contains(u"not-bird"_s))
            continue;
        names.append(u"bird/"_s + name);
    }
    return names;
}

// Replies as comparable text: "code|text" per line, replies separated.
QStringList flatten(const BirdFraming &f)
{
    QStringList out;
    for (const BirdReply &r : f.replies) {
        for (const BirdReplyLine &l : r.lines)
            out.append(QString::number(l.code) + u'|' + l.text);
        out.append(u"--"_s);
    }
    return out;
}

} // namespace

class TestBirdReply : public QObject
{
    Q_OBJECT
private slots:
    void greetingAndCodes()
    {
        auto f = splitBirdReplies(test::readData(u"bird/bird-2.0.12-greeting.txt"_s) +
                                  test::readData(u"bird/bird-2.0.12-show-status.txt"_s));
        QVERIFY(f.ok());
        QCOMPARE(f->replies.size(), 2);
        QCOMPARE(f->replies.at(0).code(), 1);
        QCOMPARE(f->replies.at(0).finalText(), u"BIRD 2.0.12 ready."_s);
        const BirdReply &status = f->replies.at(1);
        QCOMPARE(status.code(), 13);
        QCOMPARE(status.lines.at(0).code, 1000);
        // ` Hostname is vm` continues 1011 with the leading space removed
        QCOMPARE(status.lines.at(2).code, 1011);
        QVERIFY(status.lines.at(2).text.startsWith(u"Hostname is "_s));
        QVERIFY(!f->hasTail);
    }

    void finalLineIsNotFirstDigitRule()
    {
        // `0002-Reading configuration` continues although it starts with 0
        auto f = splitBirdReplies("0002-Reading configuration from x\n0003 Reconfigured\n");
        QVERIFY(f.ok());
        QCOMPARE(f->replies.size(), 1);
        QCOMPARE(f->replies.at(0).lines.size(), 2);
        QCOMPARE(f->replies.at(0).code(), 3);
    }

    void asyncMessages()
    {
        auto f = splitBirdReplies(test::readData(u"bird/bird-2.0.12-echo-async.txt"_s));
        QVERIFY(f.ok());
        QCOMPARE(f->replies.size(), 2); // `echo all`, then `disable vip_web`
        QCOMPARE(f->asyncMessages, QStringList{u"Disabling protocol vip_web"_s});
        QVERIFY(!f->hasTail);
        QCOMPARE(birdProgress(test::readData(u"bird/bird-2.0.12-echo-async.txt"_s)).finalLines, 2);
    }

    void pipelined()
    {
        auto f = splitBirdReplies(test::readData(u"bird/bird-2.0.12-pipelined-with-error.txt"_s));
        QVERIFY(f.ok());
        QCOMPARE(f->replies.size(), 3);
        QCOMPARE(f->replies.at(0).code(), 13);
        QCOMPARE(f->replies.at(1).code(), 9001);
        QCOMPARE(f->replies.at(2).code(), 0);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("http") << test::readData(u"bird/bird-2.0.12-not-bird.txt"_s);
        QTest::newRow("bad code") << test::readData(
            u"bird/bird-2.0.12-show-status-broken-code.txt"_s);
        QTest::newRow("continuation first") << QByteArray(" orphan\n0000 \n");
        QTest::newRow("bad separator") << QByteArray("0000x\n");
        QTest::newRow("short") << QByteArray("12\n");
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        auto f = splitBirdReplies(bytes);
        QVERIFY(!f.ok());
        QCOMPARE(f.error().code, ErrorCode::Parse);
        QVERIFY(f.error().where.startsWith(u"line "_s));
        QVERIFY(birdProgress(bytes).malformed);
    }

    void truncatedIsTailNotError()
    {
        const QByteArray bytes =
            test::readData(u"bird/bird-2.0.12-show-protocols-all-truncated.txt"_s);
        auto f = splitBirdReplies(bytes);
        QVERIFY(f.ok());
        QVERIFY(f->replies.isEmpty());
        QVERIFY(f->hasTail);
        auto one = singleBirdReply(bytes, u"show protocols all"_s);
        QVERIFY(!one.ok());
        QCOMPARE(one.error().code, ErrorCode::Parse);
        QCOMPARE(one.error().where, u"show protocols all"_s);
    }

    // Bytes arriving in any two chunks: the completion fires exactly when the
    // last final line is complete, and what is framed so far is a prefix of
    // the whole.
    void everySplitPosition_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const QString &name : goodFixtures())
            QTest::newRow(qPrintable(name)) << name;
    }
    void everySplitPosition()
    {
        QFETCH(QString, fixture);
        const QByteArray bytes = test::readData(fixture);
        auto whole = splitBirdReplies(bytes);
        QVERIFY2(whole.ok(), qPrintable(whole.ok() ? QString() : whole.error().toString()));
        QVERIFY(!whole->hasTail);
        const int total = int(whole->replies.size());
        QVERIFY(total >= 1);
        QCOMPARE(birdProgress(bytes).finalLines, total);
        const QStringList all = flatten(*whole);
        // where the last final line ends
        const qsizetype lastFinal = whole->consumed;
        for (qsizetype k = 0; k <= bytes.size(); ++k) {
            const QByteArray prefix = bytes.left(k);
            const BirdProgress p = birdProgress(prefix);
            QVERIFY(!p.malformed);
            QCOMPARE(p.finalLines >= total, k >= lastFinal);
            auto part = splitBirdReplies(prefix);
            QVERIFY(part.ok());
            const QStringList got = flatten(*part);
            QCOMPARE(all.mid(0, got.size()), got);
            // prefix + rest framed together equals the whole
            auto joined = splitBirdReplies(prefix + bytes.mid(k));
            QVERIFY(joined.ok());
            QCOMPARE(flatten(*joined), all);
        }
    }

    void errors_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("birdText");
        QTest::newRow("restricted") << u"disable-restricted"_s << u"vip_web"_s
                                    << ErrorCode::BirdAccessDenied << u"Access denied"_s;
        QTest::newRow("unknown protocol (disable)")
            << u"disable-unknown-protocol"_s << u"no_such_proto"_s << ErrorCode::NoSuchProtocol
            << u"syntax error, unexpected CF_SYM_UNDEFINED"_s;
        QTest::newRow("unknown protocol (show)")
            << u"show-protocols-all-unknown-protocol"_s << u"no_such_proto"_s
            << ErrorCode::NoSuchProtocol << u"CF_SYM_UNDEFINED"_s;
        QTest::newRow("unknown protocol (export)")
            << u"show-route-export-unknown-protocol"_s << u"no_such_proto"_s
            << ErrorCode::NoSuchProtocol << u"CF_SYM_UNDEFINED"_s;
        QTest::newRow("not a protocol") << u"disable-not-a-protocol"_s << u"master4"_s
                                        << ErrorCode::NoSuchProtocol << u"Protocol name required"_s;
        QTest::newRow("no match") << u"disable-pattern"_s << QString() << ErrorCode::NoSuchProtocol
                                  << u"No protocols match"_s;
        QTest::newRow("unknown command")
            << u"unknown-command"_s << QString() << ErrorCode::BirdSyntaxError
            << u"syntax error, unexpected CF_SYM_UNDEFINED"_s;
        QTest::newRow("syntax") << u"syntax-error"_s << QString() << ErrorCode::BirdSyntaxError
                                << u"unexpected NUM"_s;
        QTest::newRow("no valid tables") << u"show-route-export-bgp-down"_s << QString()
                                         << ErrorCode::BirdSyntaxError << u"No valid tables"_s;
    }
    void errors()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, protocol);
        QFETCH(ErrorCode, code);
        QFETCH(QString, birdText);
        auto f = splitBirdReplies(test::readData(u"bird/bird-2.0.12-"_s + fixture + u".txt"_s));
        QVERIFY(f.ok());
        QCOMPARE(f->replies.size(), 1);
        const BirdReply &r = f->replies.constFirst();
        QVERIFY(r.isError());
        auto checked = checkedBirdReply(r, u"cmd"_s, protocol);
        QVERIFY(!checked.ok());
        QCOMPARE(errorCodeName(checked.error().code), errorCodeName(code));
        QVERIFY2(checked.error().message.contains(birdText), qPrintable(checked.error().message));
        QVERIFY(checked.error().detail.contains(birdText));
        QCOMPARE(checked.error().where, u"cmd"_s);
    }

    void runtimeError()
    {
        auto f = splitBirdReplies("8001 Reconfiguration in progress\n");
        QVERIFY(f.ok());
        auto e = checkedBirdReply(f->replies.constFirst());
        QCOMPARE(e.error().code, ErrorCode::BirdRuntimeError);
    }
};

QTEST_GUILESS_MAIN(TestBirdReply)
#include "tst_birdreply.moc"
