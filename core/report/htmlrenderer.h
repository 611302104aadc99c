#pragma once

// renderHtml(): the report as one self-contained HTML page for people: inline
// CSS, charts as inline SVG, no scripts and nothing loaded from elsewhere.
// Written with QXmlStreamWriter, so the markup is always well-formed
// (XHTML-compatible) and every text is escaped.

#include "core/report/reportdocument.h"

#include <QByteArray>

namespace vipdeck {

QByteArray renderHtml(const ReportDocument &document);

} // namespace vipdeck
