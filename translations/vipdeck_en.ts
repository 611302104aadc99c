<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>vipdeck::AttentionNotifier</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VIPs and hosts became critical</source>
        <translation>
            <numerusform>%n VIP or host became critical</numerusform>
            <numerusform>%n VIPs and hosts became critical</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VIPs and hosts no longer critical</source>
        <translation>
            <numerusform>%n VIP or host no longer critical</numerusform>
            <numerusform>%n VIPs and hosts no longer critical</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::AuditLogModel</name>
    <message numerus="yes">
        <source>%1 (%n target(s))</source>
        <translation>
            <numerusform>%1 (%n target)</numerusform>
            <numerusform>%1 (%n targets)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::FleetOverviewWidget</name>
    <message numerus="yes">
        <source>%n VIP(s)</source>
        <translation>
            <numerusform>%n VIP</numerusform>
            <numerusform>%n VIPs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::Health</name>
    <message numerus="yes">
        <source>%n healthy</source>
        <translation>
            <numerusform>%n healthy</numerusform>
            <numerusform>%n healthy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n degraded</source>
        <translation>
            <numerusform>%n degraded</numerusform>
            <numerusform>%n degraded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n critical</numerusform>
            <numerusform>%n critical</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unknown</numerusform>
            <numerusform>%n unknown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::HostViewWidget</name>
    <message numerus="yes">
        <source>, %n reconnect attempt(s)</source>
        <translation>
            <numerusform>, %n reconnect attempt</numerusform>
            <numerusform>, %n reconnect attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::MainWindow</name>
    <message numerus="yes">
        <source>%1 has %n problem(s); the fleet was not opened.</source>
        <translation>
            <numerusform>%1 has %n problem; the fleet was not opened.</numerusform>
            <numerusform>%1 has %n problems; the fleet was not opened.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mute notifications about %1 for %n hour(s)</source>
        <translation>
            <numerusform>Mute notifications about %1 for %n hour</numerusform>
            <numerusform>Mute notifications about %1 for %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Automatic (compact above %n hosts)</source>
        <translation>
            <numerusform>&amp;Automatic (compact above %n host)</numerusform>
            <numerusform>&amp;Automatic (compact above %n hosts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::ReportExportDialog</name>
    <message numerus="yes">
        <source>%n page(s), %1 KiB.</source>
        <translation>
            <numerusform>%n page, %1 KiB.</numerusform>
            <numerusform>%n pages, %1 KiB.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the table “%1”.</source>
        <translation>
            <numerusform>%n row of the table “%1”.</numerusform>
            <numerusform>%n rows of the table “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::ServerOperation</name>
    <message numerus="yes">
        <source>no server named %1 where HAProxy could be read; it may be on the %n placement(s) that could not be read (%2)</source>
        <translation>
            <numerusform>no server named %1 where HAProxy could be read; it may be on the %n placement that could not be read (%2)</numerusform>
            <numerusform>no server named %1 where HAProxy could be read; it may be on the %n placements that could not be read (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::Transport</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::Verdict</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::VipChartView</name>
    <message numerus="yes">
        <source>%n gap(s) where nothing was recorded.</source>
        <translation>
            <numerusform>%n gap where nothing was recorded.</numerusform>
            <numerusform>%n gaps where nothing was recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::VipHostMatrixModel</name>
    <message numerus="yes">
        <source>observers: %1 of %n read</source>
        <translation>
            <numerusform>observers: %1 of %n read</numerusform>
            <numerusform>observers: %1 of %n read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observers: %1 of %n read (%2 not)</source>
        <translation>
            <numerusform>observers: %1 of %n read (%2 not)</numerusform>
            <numerusform>observers: %1 of %n read (%2 not)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::cli</name>
    <message numerus="yes">
        <source>%1: %n error(s); the fleet was not loaded.</source>
        <translation>
            <numerusform>%1: %n error; the fleet was not loaded.</numerusform>
            <numerusform>%1: %n errors; the fleet was not loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>polling %n host(s)...</source>
        <translation>
            <numerusform>polling %n host...</numerusform>
            <numerusform>polling %n hosts...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 at %2: %3 of %4 hosts reachable; %n VIP(s)</source>
        <translation>
            <numerusform>%1 at %2: %3 of %4 hosts reachable; %n VIP</numerusform>
            <numerusform>%1 at %2: %3 of %4 hosts reachable; %n VIPs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n VIP(s)</source>
        <translation>
            <numerusform>%1 of %n VIP</numerusform>
            <numerusform>%1 of %n VIPs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  ... and %n more (see &apos;vipdeckctl vips&apos;)</source>
        <translation>
            <numerusform>  ... and %n more (see &apos;vipdeckctl vips&apos;)</numerusform>
            <numerusform>  ... and %n more (see &apos;vipdeckctl vips&apos;)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n server</numerusform>
            <numerusform>%n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; INCOMPLETE: %n placement(s) could not be read:</source>
        <translation>
            <numerusform>; INCOMPLETE: %n placement could not be read:</numerusform>
            <numerusform>; INCOMPLETE: %n placements could not be read:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (its rows above are %n s old)</source>
        <translation>
            <numerusform> (its rows above are %n s old)</numerusform>
            <numerusform> (its rows above are %n s old)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the fleet did not answer within %n second(s) (-t); &apos;vipdeckctl status&apos; shows which host is slow</source>
        <translation>
            <numerusform>the fleet did not answer within %n second (-t); &apos;vipdeckctl status&apos; shows which host is slow</numerusform>
            <numerusform>the fleet did not answer within %n seconds (-t); &apos;vipdeckctl status&apos; shows which host is slow</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poll(s), %1 changes recorded, last poll %2</source>
        <translation>
            <numerusform>%n poll, %1 changes recorded, last poll %2</numerusform>
            <numerusform>%n polls, %1 changes recorded, last poll %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n poll(s) into %1: %2 state changes, %3 traffic samples.</source>
        <translation>
            <numerusform>Recorded %n poll into %1: %2 state changes, %3 traffic samples.</numerusform>
            <numerusform>Recorded %n polls into %1: %2 state changes, %3 traffic samples.</numerusform>
        </translation>
    </message>
</context>
</TS>
