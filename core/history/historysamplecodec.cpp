#include "core/history/historysamplecodec.h"

#include <map>

namespace vipdeck {

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;

void putVarint(QByteArray &out, qint64 value)
{
    quint64 v = value < 0 ? 0 : quint64(value);
    do {
        const char byte = char(v & 0x7f);
        v >>= 7;
        out.append(v ? char(byte | 0x80) : byte);
    } while (v);
}

bool getVarint(const QByteArray &in, qsizetype &at, qint64 &value)
{
    quint64 v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (at >= in.size())
            return false;
        const auto byte = quint8(in[at++]);
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            value = qint64(v & 0x7fffffffffffffffULL);
            return true;
        }
    }
    return false;
}

} // namespace

QByteArray encodeMinute(const HistorySample &sample)
{
    QByteArray out;
    out.reserve(16);
    const qint64 inHour = ((sample.bucketMs % kHourMs) + kHourMs) % kHourMs;
    out.append(char(inHour / kMinuteMs));
    for (const qint64 v :
         {qint64(sample.samples), sample.sessionsMax, sample.sessionsSum, sample.sessionRateSum,
          sample.requestRateSum, sample.http5xx, sample.checkFailures})
        putVarint(out, v);
    return out;
}

QList<HistorySample> decodeMinutes(qint64 hourMs, const QByteArray &row)
{
    std::map<int, HistorySample> minutes;
    qsizetype at = 0;
    while (at < row.size()) {
        const int minute = quint8(row[at++]);
        if (minute > 59)
            break;
        qint64 v[7];
        bool ok = true;
        for (qint64 &value : v)
            ok = ok && getVarint(row, at, value);
        if (!ok)
            break;
        auto [it, added] = minutes.try_emplace(minute);
        HistorySample &m = it->second;
        if (added)
            m.bucketMs = hourMs + minute * kMinuteMs;
        m.samples += int(v[0]);
        m.sessionsMax = std::max(m.sessionsMax, v[1]);
        m.sessionsSum += v[2];
        m.sessionRateSum += v[3];
        m.requestRateSum += v[4];
        m.http5xx += v[5];
        m.checkFailures += v[6];
    }
    QList<HistorySample> out;
    out.reserve(qsizetype(minutes.size()));
    for (const auto &[minute, sample] : minutes)
        out << sample;
    return out;
}

} // namespace vipdeck
