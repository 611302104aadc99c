<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/vipdeck/main.cpp" line="+108"/>
        <source>Operations console for anycast HAProxy/BIRD load-balancer fleets.</source>
        <translation>Betriebskonsole für Anycast-Flotten von HAProxy/BIRD-Load-Balancern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Displays version information.</source>
        <translation>Zeigt die Versionsinformation an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the fleet file &lt;file&gt;.</source>
        <translation>Die Flottendatei &lt;file&gt; öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run a smoke check without a display and exit (0 = passed).</source>
        <translation>Einen Schnelltest ohne Anzeige ausführen und beenden (0 = bestanden).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Fleet file to open.</source>
        <translation>Zu öffnende Flottendatei.</translation>
    </message>
</context>
<context>
    <name>vipdeck::AttentionNotifier</name>
    <message>
        <location filename="../models/attentionnotifier.cpp" line="+127"/>
        <source>%1 is critical: %2</source>
        <translation>%1 ist kritisch: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is no longer critical: %2</source>
        <translation>%1 ist nicht mehr kritisch: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 became critical</source>
        <translation>%1 kritisch geworden</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n VIPs and hosts became critical</source>
        <translation>
            <numerusform>%n VIP oder Host kritisch geworden</numerusform>
            <numerusform>%n VIPs und Hosts kritisch geworden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 no longer critical</source>
        <translation>%1 nicht mehr kritisch</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n VIPs and hosts no longer critical</source>
        <translation>
            <numerusform>%n VIP oder Host nicht mehr kritisch</numerusform>
            <numerusform>%n VIPs und Hosts nicht mehr kritisch</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::AuditChainVerifier</name>
    <message>
        <location filename="../core/audit/auditchainverifier.cpp" line="+45"/>
        <source>record %1 was changed: its content no longer matches its hash</source>
        <translation>Eintrag %1 wurde geändert: sein Inhalt passt nicht mehr zu seinem Hash</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>record %1 was removed: the ids jump over it</source>
        <translation>Eintrag %1 wurde entfernt: die IDs überspringen ihn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>records %1 to %2 were removed: the ids jump over them</source>
        <translation>Einträge %1 bis %2 wurden entfernt: die IDs überspringen sie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>record %1 was inserted: the chain does not link through it</source>
        <translation>Eintrag %1 wurde eingefügt: die Kette verläuft nicht durch ihn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>records %1 to %2 were inserted: the chain does not link through them</source>
        <translation>Einträge %1 bis %2 wurden eingefügt: die Kette verläuft nicht durch sie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the chain breaks between records %1 and %2: record %1 was changed and re-hashed, or records after it were removed and the rest renumbered</source>
        <translation>die Kette bricht zwischen den Einträgen %1 und %2: Eintrag %1 wurde geändert und neu gehasht, oder spätere Einträge wurden entfernt und der Rest neu nummeriert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>record %1 was duplicated: it is a copy of record %2 inserted after it</source>
        <translation>Eintrag %1 wurde dupliziert: er ist eine Kopie von Eintrag %2, hinter ihm eingefügt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>record %1 was removed: the anchor names it, but the log ends before it (the newest records were removed)</source>
        <translation>Eintrag %1 wurde entfernt: der Anker nennt ihn, aber das Protokoll endet vor ihm (die neuesten Einträge wurden entfernt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>records %1 to %2 were removed: the anchor names record %2, but the log ends before it (the newest records were removed)</source>
        <translation>Einträge %1 bis %2 wurden entfernt: der Anker nennt Eintrag %2, aber das Protokoll endet vor ihm (die neuesten Einträge wurden entfernt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>record %1 does not match the anchor: its hash differs, so the log was rewritten up to record %1 since the anchor was taken</source>
        <translation>Eintrag %1 passt nicht zum Anker: sein Hash weicht ab, das Protokoll wurde also seit dem Anker bis Eintrag %1 umgeschrieben</translation>
    </message>
</context>
<context>
    <name>vipdeck::AuditCommands</name>
    <message>
        <location filename="../core/audit/auditcommands.cpp" line="+64"/>
        <source>completed by %1</source>
        <translation>abgeschlossen durch %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INCOMPLETE: no completion recorded</source>
        <translation>UNVOLLSTÄNDIG: kein Abschluss protokolliert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>completes %1: %2</source>
        <translation>schließt %1 ab: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complete (completion %1)</source>
        <translation>abgeschlossen (Abschluss %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INCOMPLETE: the action never reported back</source>
        <translation>UNVOLLSTÄNDIG: die Aktion hat sich nie zurückgemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completes</source>
        <translation>Schließt ab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>intent %1</source>
        <translation>Absicht %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH user</source>
        <translation>SSH-Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets:</source>
        <translation>Ziele:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results:</source>
        <translation>Ergebnisse:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TIME (UTC)</source>
        <translation>ZEIT (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OPERATOR</source>
        <translation>BEDIENER</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TARGETS</source>
        <translation>ZIELE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REASON</source>
        <translation>GRUND</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>no audit records match</source>
        <translation>keine Audit-Einträge passen</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+258"/>
        <source>export needs --csv or --json</source>
        <translation>export braucht --csv oder --json</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>audit log intact: %1 records, hash chain verified, anchor %2 matches (%3)</source>
        <translation>Audit-Protokoll intakt: %1 Einträge, Hash-Kette geprüft, Anker %2 stimmt überein (%3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>audit log intact: %1 records, hash chain verified (%2)</source>
        <translation>Audit-Protokoll intakt: %1 Einträge, Hash-Kette geprüft (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>audit log TAMPERED: %1; the %2 records before it are intact (%3)</source>
        <translation>Audit-Protokoll MANIPULIERT: %1; die %2 Einträge davor sind intakt (%3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>WARNING: the audit log is not protected against edits: the append-only trigger(s) %1 are missing, so records can be changed or deleted without an error</source>
        <translation>WARNUNG: das Audit-Protokoll ist nicht gegen Änderungen geschützt: die Nur-Anhängen-Trigger %1 fehlen, Einträge können also ohne Fehler geändert oder gelöscht werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To restore the protection, %1</source>
        <translation>Um den Schutz wiederherzustellen: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>cannot read the time &quot;%1&quot;</source>
        <translation>die Zeit „%1“ ist nicht lesbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use 2026-03-01, 2026-03-01T14:00:00Z, or 90m / 24h / 7d ago</source>
        <translation>2026-03-01, 2026-03-01T14:00:00Z oder 90m / 24h / 7d (vor so langer Zeit) verwenden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>usage: vipdeckctl audit list [FILTERS] [--limit N | --all] [--oldest-first] [--json | --csv]
       vipdeckctl audit show ID [--json]
       vipdeckctl audit export --csv | --json [FILTERS]
       vipdeckctl audit verify [--anchor ID:HASH] [--json]
       vipdeckctl audit anchor [--json]
FILTERS: --since T --until T --operator USER --vip VIP --host HOST --server SERVER --action ACTION --incomplete --search TEXT
T: 2026-03-01, 2026-03-01T14:00:00Z (UTC when no zone), or 90m, 24h, 7d ago
These commands only read: a store that does not exist is an error (exit 1).
exit codes: 0 ok, 1 error (no audit log, unreadable), 2 bad arguments,
  3 verify found tampering (or truncation after --anchor),
  4 verify: chain intact but the append-only triggers are missing
</source>
        <translation>Aufruf: vipdeckctl audit list [FILTER] [--limit N | --all] [--oldest-first] [--json | --csv]
        vipdeckctl audit show ID [--json]
        vipdeckctl audit export --csv | --json [FILTER]
        vipdeckctl audit verify [--anchor ID:HASH] [--json]
        vipdeckctl audit anchor [--json]
FILTER: --since T --until T --operator BENUTZER --vip VIP --host HOST --server SERVER --action AKTION --incomplete --search TEXT
T: 2026-03-01, 2026-03-01T14:00:00Z (UTC ohne Zeitzone) oder 90m, 24h, 7d zurück
Diese Befehle lesen nur: ein Speicher, den es nicht gibt, ist ein Fehler (Exit 1).
Exit-Codes: 0 ok, 1 Fehler (kein Audit-Protokoll, nicht lesbar), 2 ungültige Argumente,
  3 verify hat Manipulation gefunden (oder Kürzung nach --anchor),
  4 verify: Kette intakt, aber die Nur-Anhängen-Trigger fehlen
</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>verify: the log still holds record ID with hash HASH</source>
        <translation>verify: das Protokoll enthält noch Eintrag ID mit Hash HASH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this help</source>
        <translation>diese Hilfe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>list, show, export, verify or anchor</source>
        <translation>list, show, export, verify oder anchor</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>records at or after T</source>
        <translation>Einträge ab T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>records before T</source>
        <translation>Einträge vor T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by this OS user</source>
        <translation>von diesem Betriebssystem-Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>touching this VIP</source>
        <translation>die diese VIP betreffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>touching this LB host</source>
        <translation>die diesen LB-Host betreffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>touching this server</source>
        <translation>die diesen Server betreffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this action</source>
        <translation>diese Aktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only intents never completed</source>
        <translation>nur nie abgeschlossene Absichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every word of TEXT appears in the record</source>
        <translation>jedes Wort von TEXT kommt im Eintrag vor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at most N records</source>
        <translation>höchstens N Einträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every matching record</source>
        <translation>jeder passende Eintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oldest records first</source>
        <translation>älteste Einträge zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON output</source>
        <translation>JSON-Ausgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV output</source>
        <translation>CSV-Ausgabe</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>which audit command?</source>
        <translation>welcher audit-Befehl?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--json and --csv exclude each other</source>
        <translation>--json und --csv schließen einander aus</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--limit needs a positive number</source>
        <translation>--limit braucht eine positive Zahl</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--anchor is an option of verify</source>
        <translation>--anchor ist eine Option von verify</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>anchor prints text or --json</source>
        <translation>anchor gibt Text oder --json aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>show needs one record id</source>
        <translation>show braucht genau eine Eintrags-ID</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown audit command &quot;%1&quot;</source>
        <translation>unbekannter audit-Befehl „%1“</translation>
    </message>
</context>
<context>
    <name>vipdeck::AuditLogModel</name>
    <message numerus="yes">
        <location filename="../models/auditlogmodel.cpp" line="+151"/>
        <source>%1 (%n target(s))</source>
        <translation>
            <numerusform>%1 (%n Ziel)</numerusform>
            <numerusform>%1 (%n Ziele)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>completed by #%1</source>
        <translation>abgeschlossen durch #%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>INCOMPLETE</source>
        <translation>UNVOLLSTÄNDIG</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 ok (intent #%3)</source>
        <translation>%1 von %2 ok (Absicht #%3)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>vipdeck::AuditLogWidget</name>
    <message>
        <location filename="../views/audit/auditlogwidget.cpp" line="+31"/>
        <source>Incomplete only</source>
        <translation>Nur unvollständige</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action (drain, ready…)</source>
        <translation>Aktion (drain, ready…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search operator, action, target, reason, result… (Ctrl+F)</source>
        <translation>Bediener, Aktion, Ziel, Grund, Ergebnis suchen… (Strg+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every word must appear in the record; case is ignored</source>
        <translation>Jedes Wort muss im Eintrag vorkommen; Groß-/Kleinschreibung egal</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export loaded rows…</source>
        <translation>Geladene Zeilen exportieren…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Audit log error: %1</source>
        <translation>Fehler im Audit-Protokoll: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 records loaded</source>
        <translation>%1 Einträge geladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matches for “%1”: %2; %3 loaded (scroll for more)</source>
        <translation>Treffer für „%1“: %2; %3 geladen (für mehr scrollen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matches for “%1”: %2; all %3 loaded</source>
        <translation>Treffer für „%1“: %2; alle %3 geladen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 matching records loaded (scroll for more)</source>
        <translation>%1 von %2 passenden Einträgen geladen (für mehr scrollen)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export audit rows</source>
        <translation>Audit-Zeilen exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>vipdeck::AuditStore</name>
    <message>
        <location filename="../core/audit/auditschema.cpp" line="+95"/>
        <source>check that the audit store is writable</source>
        <translation>prüfen, dass der Audit-Speicher beschreibbar ist</translation>
    </message>
    <message>
        <location filename="../core/audit/auditdatabase.cpp" line="+244"/>
        <source>the audit store has schema version %1, newer than this vipdeck knows (%2)</source>
        <translation>der Audit-Speicher hat die Schema-Version %1, neuer als diese vipdeck-Version kennt (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>upgrade vipdeck on this workstation</source>
        <translation>vipdeck auf diesem Arbeitsplatz aktualisieren</translation>
    </message>
    <message>
        <location filename="../core/audit/auditstore.cpp" line="+82"/>
        <source>the audit store is closed</source>
        <translation>der Audit-Speicher ist geschlossen</translation>
    </message>
    <message>
        <location filename="../core/audit/auditstoreconfig.cpp" line="+55"/>
        <source>invalid audit store URL: %1</source>
        <translation>ungültige URL des Audit-Speichers: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>use postgresql://user@host:port/database or a SQLite file path</source>
        <translation>postgresql://benutzer@host:port/datenbank oder einen SQLite-Dateipfad verwenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no file path</source>
        <translation>kein Dateipfad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown scheme &quot;%1&quot;</source>
        <translation>unbekanntes Schema „%1“</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no database name</source>
        <translation>kein Datenbankname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bad port</source>
        <translation>ungültiger Port</translation>
    </message>
    <message>
        <location filename="../core/audit/auditdatabase.cpp" line="-57"/>
        <source>check that the directory exists and is writable and the disk is not full, or set another audit store location</source>
        <translation>prüfen, dass das Verzeichnis existiert und beschreibbar ist und die Platte nicht voll ist, oder einen anderen Ort für den Audit-Speicher wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check that the PostgreSQL server is reachable and that this user may write the audit tables</source>
        <translation>prüfen, dass der PostgreSQL-Server erreichbar ist und dieser Benutzer die Audit-Tabellen schreiben darf</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>check the path (--audit, or audit/url in the settings); a new log is only created by the first audited change. If a log was here before, it was moved or deleted: restore it from a backup and check it with `vipdeckctl audit verify --anchor ID:HASH` against an anchor taken earlier</source>
        <translation>prüfen Sie den Pfad (--audit oder audit/url in den Einstellungen); ein neues Protokoll legt erst die erste protokollierte Änderung an. Lag hier schon ein Protokoll, wurde es verschoben oder gelöscht: stellen Sie es aus einer Sicherung wieder her und prüfen Sie es mit `vipdeckctl audit verify --anchor ID:HASH` gegen einen früher genommenen Anker</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>check the URL (--audit, or audit/url in the settings) and the database name; a new log is only created by the first audited change. If a log was here before, its tables were dropped: restore them from a backup</source>
        <translation>prüfen Sie die URL (--audit oder audit/url in den Einstellungen) und den Datenbanknamen; ein neues Protokoll legt erst die erste protokollierte Änderung an. Lag hier schon ein Protokoll, wurden seine Tabellen gelöscht: stellen Sie sie aus einer Sicherung wieder her</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no audit log at %1</source>
        <translation>kein Audit-Protokoll unter %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot open the audit store: %1</source>
        <translation>Audit-Speicher lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot make the audit store&apos;s writes durable</source>
        <translation>Schreibvorgänge im Audit-Speicher lassen sich nicht dauerhaft machen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the database has no vipdeck audit tables</source>
        <translation>die Datenbank enthält keine vipdeck-Audit-Tabellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file holds no vipdeck audit tables</source>
        <translation>die Datei enthält keine vipdeck-Audit-Tabellen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the audit store connection was lost and cannot be reopened</source>
        <translation>die Verbindung zum Audit-Speicher ist verloren und kann nicht wieder geöffnet werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an audited action needs a name</source>
        <translation>eine protokollierte Aktion braucht einen Namen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a reason is required for &quot;%1&quot;</source>
        <translation>für „%1“ ist ein Grund nötig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give a reason, for example a ticket id</source>
        <translation>einen Grund angeben, zum Beispiel eine Ticketnummer</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>cannot start writing the audit record</source>
        <translation>das Schreiben des Audit-Eintrags kann nicht beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot lock the audit log for writing</source>
        <translation>das Audit-Protokoll kann nicht zum Schreiben gesperrt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+190"/>
        <source>cannot read the end of the audit log</source>
        <translation>das Ende des Audit-Protokolls kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="-177"/>
        <location line="+14"/>
        <location line="+12"/>
        <location line="+66"/>
        <source>cannot read the audit log</source>
        <translation>das Audit-Protokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>audit record %1 is not an intent</source>
        <translation>Audit-Eintrag %1 ist keine Absicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>intent %1 is already completed by record %2</source>
        <translation>Absicht %1 ist bereits durch Eintrag %2 abgeschlossen</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+16"/>
        <source>cannot write the audit record</source>
        <translation>der Audit-Eintrag kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>cannot write the audit record&apos;s targets</source>
        <translation>die Ziele des Audit-Eintrags können nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot commit the audit record</source>
        <translation>der Audit-Eintrag kann nicht festgeschrieben werden</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>cannot read the audit log&apos;s targets</source>
        <translation>die Ziele des Audit-Protokolls können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>cannot count the audit records</source>
        <translation>die Audit-Einträge können nicht gezählt werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>there is no audit record %1</source>
        <translation>es gibt keinen Audit-Eintrag %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the records with `vipdeckctl audit list`</source>
        <translation>die Einträge mit `vipdeckctl audit list` auflisten</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>cannot read the audit log&apos;s triggers</source>
        <translation>die Trigger des Audit-Protokolls können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the store&apos;s schema (version %1) predates the triggers: open it once for writing (the console, or any audited change) to upgrade it</source>
        <translation>das Schema des Speichers (Version %1) ist älter als die Trigger: öffnen Sie ihn einmal schreibend (die Konsole oder eine protokollierte Änderung), um ihn zu aktualisieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>as the tables&apos; owner, recreate them (psql &quot;%1&quot;):</source>
        <translation>legen Sie sie als Eigentümer der Tabellen neu an (psql &quot;%1&quot;):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recreate them with the sqlite3 tool (sqlite3 &apos;%1&apos;):</source>
        <translation>legen Sie sie mit dem Werkzeug sqlite3 neu an (sqlite3 &apos;%1&apos;):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a trigger that exists but is disabled: ALTER TABLE ... ENABLE TRIGGER name;</source>
        <translation>ein Trigger, der existiert, aber abgeschaltet ist: ALTER TABLE ... ENABLE TRIGGER name;</translation>
    </message>
    <message>
        <location filename="../core/audit/auditanchor.cpp" line="+22"/>
        <source>&quot;%1&quot; is not an audit anchor</source>
        <translation>„%1“ ist kein Audit-Anker</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give ID:HASH as printed by `vipdeckctl audit anchor` (a record id, a colon and 64 hex digits)</source>
        <translation>geben Sie ID:HASH an, wie `vipdeckctl audit anchor` es ausgibt (eine Eintragsnummer, ein Doppelpunkt und 64 Hex-Ziffern)</translation>
    </message>
    <message>
        <location filename="../core/audit/auditreason.cpp" line="+16"/>
        <source>the reason contains the control character %1 at position %2</source>
        <translation>die Begründung enthält das Steuerzeichen %1 an Position %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>write the reason as plain text on one line, without escape sequences or line breaks</source>
        <translation>schreiben Sie die Begründung als einfachen Text in einer Zeile, ohne Escape-Sequenzen oder Zeilenumbrüche</translation>
    </message>
</context>
<context>
    <name>vipdeck::BfdSessionModel</name>
    <message>
        <location filename="../models/bfdsessionmodel.cpp" line="+103"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neighbor</source>
        <translation>Nachbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
</context>
<context>
    <name>vipdeck::BgpSessionModel</name>
    <message>
        <location filename="../models/bgpsessionmodel.cpp" line="+124"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neighbor</source>
        <translation>Nachbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AS</source>
        <translation>AS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdBfd</name>
    <message>
        <location filename="../core/bird/bfdparser.cpp" line="+83"/>
        <source>a session before its BFD protocol</source>
        <translation>eine Sitzung vor ihrem BFD-Protokoll</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a session row has too few columns</source>
        <translation>eine Sitzungszeile hat zu wenige Spalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not an IP address</source>
        <translation>keine IP-Adresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown BFD state</source>
        <translation>unbekannter BFD-Zustand</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unrecognised interval or timeout</source>
        <translation>Intervall oder Timeout nicht erkannt</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdClient</name>
    <message>
        <location filename="../core/bird/birdclient.cpp" line="+70"/>
        <source>BIRD client has no transport</source>
        <translation>BIRD-Client hat keinen Transport</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No BIRD greeting on the control socket</source>
        <translation>Keine BIRD-Begrüßung auf dem Control-Socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the path is BIRD&apos;s control socket</source>
        <translation>Prüfen, dass der Pfad der Control-Socket von BIRD ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>BIRD closed the connection before answering %1</source>
        <translation>BIRD hat die Verbindung geschlossen, bevor %1 beantwortet war</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again; check BIRD&apos;s log if it persists</source>
        <translation>Erneut versuchen; bei Wiederholung das Log von BIRD prüfen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Expected one protocol, BIRD listed %1</source>
        <translation>Ein Protokoll erwartet, BIRD hat %1 aufgelistet</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdCommand</name>
    <message>
        <location filename="../core/bird/birdcommand.cpp" line="+25"/>
        <source>Invalid BIRD protocol name &quot;%1&quot;: %2</source>
        <translation>Ungültiger BIRD-Protokollname „%1“: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the protocol&apos;s name as `show protocols` lists it</source>
        <translation>Den Namen des Protokolls so verwenden, wie `show protocols` ihn auflistet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is empty</source>
        <translation>er ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is longer than 64 characters</source>
        <translation>er ist länger als 64 Zeichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it must start with a letter or `_`</source>
        <translation>er muss mit einem Buchstaben oder `_` beginnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only letters, digits and `_` are allowed</source>
        <translation>nur Buchstaben, Ziffern und `_` sind erlaubt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>`all` would select every protocol</source>
        <translation>`all` würde jedes Protokoll auswählen</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdControl</name>
    <message>
        <location filename="../core/bird/controlparser.cpp" line="+56"/>
        <source>expected `&lt;protocol&gt;: &lt;what happened&gt;`</source>
        <translation>`&lt;Protokoll&gt;: &lt;was geschah&gt;` erwartet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no protocol outcome in the reply</source>
        <translation>kein Protokollergebnis in der Antwort</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdParse</name>
    <message>
        <location filename="../core/bird/birdparse.cpp" line="+65"/>
        <source>Unexpected BIRD reply: %1</source>
        <translation>Unerwartete BIRD-Antwort: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unexpected final reply code %1</source>
        <translation>unerwarteter abschließender Antwortcode %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unexpected reply code %1</source>
        <translation>unerwarteter Antwortcode %1</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdProtocols</name>
    <message>
        <location filename="../core/bird/protocolsparser.cpp" line="+108"/>
        <source>a protocol row has too few columns</source>
        <translation>eine Protokollzeile hat zu wenige Spalten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown protocol state</source>
        <translation>unbekannter Protokollzustand</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>unexpected table heading</source>
        <translation>unerwartete Tabellenüberschrift</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a protocol row before the heading</source>
        <translation>eine Protokollzeile vor der Überschrift</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>protocol details before any protocol</source>
        <translation>Protokolldetails vor dem ersten Protokoll</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdReply</name>
    <message>
        <location filename="../core/bird/birdreply.cpp" line="+103"/>
        <source>BIRD sent a continuation line with no reply code before it</source>
        <translation>BIRD hat eine Fortsetzungszeile ohne vorherigen Antwortcode gesendet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not a BIRD control-socket reply: a line lacks the 4-digit code</source>
        <translation>Keine Antwort eines BIRD-Control-Sockets: einer Zeile fehlt der vierstellige Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the socket path points at BIRD&apos;s control socket</source>
        <translation>Prüfen, dass der Socket-Pfad auf den Control-Socket von BIRD zeigt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The control socket is in restricted mode (birdc -r / `restrict`): connect without it to change protocols</source>
        <translation>Der Control-Socket ist im eingeschränkten Modus (birdc -r / `restrict`): ohne ihn verbinden, um Protokolle zu ändern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the protocol name with `show protocols`</source>
        <translation>Den Protokollnamen mit `show protocols` prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BIRD has no protocol named %1 (%2)</source>
        <translation>BIRD hat kein Protokoll namens %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Check the protocol name in the fleet file against `show protocols`</source>
        <translation>Den Protokollnamen in der Flottendatei mit `show protocols` abgleichen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1 is not a protocol in BIRD (%2)</source>
        <translation>%1 ist kein Protokoll in BIRD (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>BIRD reply %1 is not an error</source>
        <translation>BIRD-Antwort %1 ist kein Fehler</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>BIRD&apos;s reply ended before its final line</source>
        <translation>Die Antwort von BIRD endete vor ihrer letzten Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection was cut or timed out; try again</source>
        <translation>Die Verbindung wurde unterbrochen oder ist abgelaufen; erneut versuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than one BIRD reply where one was expected</source>
        <translation>Mehr als eine BIRD-Antwort, wo eine erwartet war</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdRoutes</name>
    <message>
        <location filename="../core/bird/routeparser.cpp" line="+57"/>
        <source>route details before any route</source>
        <translation>Routendetails vor der ersten Route</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unexpected reply code %1</source>
        <translation>unerwarteter Antwortcode %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unrecognised route line</source>
        <translation>Routenzeile nicht erkannt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not an IP prefix</source>
        <translation>kein IP-Präfix</translation>
    </message>
</context>
<context>
    <name>vipdeck::BirdStatus</name>
    <message>
        <location filename="../core/bird/statusparser.cpp" line="+33"/>
        <source>expected the BIRD version</source>
        <translation>BIRD-Version erwartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>router id is not an IPv4 address</source>
        <translation>die Router-ID ist keine IPv4-Adresse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unrecognised server time</source>
        <translation>Serverzeit nicht erkannt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the reply lacks the version or the router id</source>
        <translation>der Antwort fehlt die Version oder die Router-ID</translation>
    </message>
</context>
<context>
    <name>vipdeck::EventLogModel</name>
    <message>
        <location filename="../models/eventlogmodel.cpp" line="+37"/>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>vipdeck::EventLogWidget</name>
    <message>
        <location filename="../views/eventlog/eventlogwidget.cpp" line="+27"/>
        <source>Filter events by object or text…</source>
        <translation>Ereignisse nach Objekt oder Text filtern…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and problems</source>
        <translation>Warnungen und Probleme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems only</source>
        <translation>Nur Probleme</translation>
    </message>
</context>
<context>
    <name>vipdeck::FleetEvent</name>
    <message>
        <location filename="../core/fleet/event.cpp" line="+49"/>
        <location filename="../core/history/historyevents.cpp" line="+72"/>
        <location line="+8"/>
        <source>%1/%2 on %3 (%4): %5 %6 → %7</source>
        <translation>%1/%2 auf %3 (%4): %5 %6 → %7</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../core/history/historyevents.cpp" line="-7"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/history/historyevents.cpp" line="+8"/>
        <source>admin state</source>
        <translation>Admin-Zustand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+7"/>
        <source>answering</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>not answering</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <location line="-6"/>
        <location filename="../core/history/historyevents.cpp" line="+19"/>
        <source>HAProxy of %1 on %2 stopped answering: %3</source>
        <translation>HAProxy von %1 auf %2 antwortet nicht mehr: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/history/historyevents.cpp" line="+4"/>
        <source>HAProxy of %1 on %2 answers again</source>
        <translation>HAProxy von %1 auf %2 antwortet wieder</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HAProxy of %1 on %2 has a new worker: pid %3 → %4</source>
        <translation>HAProxy von %1 auf %2 hat einen neuen Worker: PID %3 → %4</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+7"/>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location line="-6"/>
        <location filename="../core/history/historyevents.cpp" line="+5"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/history/historyevents.cpp" line="+3"/>
        <source>%1 is reachable again</source>
        <translation>%1 ist wieder erreichbar</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>announced</source>
        <translation>angekündigt</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/history/historyevents.cpp" line="-23"/>
        <source>%1 is announced by %2</source>
        <translation>%1 wird von %2 angekündigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/history/historyevents.cpp" line="+1"/>
        <source>%1 is withdrawn on %2</source>
        <translation>%1 ist auf %2 zurückgezogen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>BGP session %1 to %2 on %3: %4 → %5%6</source>
        <translation>BGP-Sitzung %1 zu %2 auf %3: %4 → %5%6</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../core/history/historyevents.cpp" line="+40"/>
        <source>BFD session to %1 on %2: %3 → %4</source>
        <translation>BFD-Sitzung zu %1 auf %2: %3 → %4</translation>
    </message>
    <message>
        <location filename="../core/history/historyevents.cpp" line="-35"/>
        <source>HAProxy of %1 on %2 has a new worker: %3 → %4</source>
        <translation>HAProxy von %1 auf %2 hat einen neuen Worker: %3 → %4</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>BGP session %1 on %2: %3 → %4%5</source>
        <translation>BGP-Sitzung %1 auf %2: %3 → %4%5</translation>
    </message>
</context>
<context>
    <name>vipdeck::FleetOverviewWidget</name>
    <message>
        <location filename="../views/overview/fleetoverviewwidget.cpp" line="+39"/>
        <source>Filter VIPs by name…</source>
        <translation>VIPs nach Namen filtern…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems only</source>
        <translation>Nur Probleme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sort by name</source>
        <translation>Nach Name sortieren</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Compact: each cell&apos;s icon is the VIP&apos;s state on that host (its word is in the tooltip).  ▲ = prefix announced over BGP; ▽ = withdrawn (never green); ? (and the same badge on the icon) = unknown: the host or its BIRD could not be read; * = as the observers see it; italics = stale data.  Hosts&apos; states are in their tooltips and the fleet dock.  View &gt; Overview Density spells every cell out.</source>
        <translation>Kompakt: das Symbol jeder Zelle ist der Zustand des VIP auf diesem Host (das Wort steht im Tooltip).  ▲ = Präfix über BGP angekündigt; ▽ = zurückgezogen (nie grün); ? (und dasselbe Abzeichen am Symbol) = unbekannt: Host oder BIRD waren nicht lesbar; * = wie die Beobachter es sehen; kursiv = veraltete Daten.  Die Zustände der Hosts stehen in ihren Tooltips und im Flotten-Dock.  Ansicht &gt; Übersichtsdichte schreibt jede Zelle aus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each cell: the VIP&apos;s state on that host (icon and word).  ▲ = prefix announced over BGP; ▽ = withdrawn (never green); △? (and the same badge on the icon) = unknown: the host or its BIRD could not be read, so it is not known whether it announces; ▲* or ▽* = as the observers (route reflectors) see it.  &quot;…s old&quot; = stale data.  Empty = the host does not serve the VIP.  The last column: the VIP&apos;s own verdict over all its hosts and its worst reason.  Double-click a VIP or host for details.</source>
        <translation>Jede Zelle: der Zustand der VIP auf diesem Host (Symbol und Wort).  ▲ = Präfix über BGP angekündigt; ▽ = zurückgezogen (nie grün); △? (und dasselbe Abzeichen am Symbol) = unbekannt: Host oder sein BIRD war nicht lesbar, daher ist nicht bekannt, ob er ankündigt; ▲* oder ▽* = wie die Beobachter (Route-Reflektoren) es sehen.  „…s alt“ = veraltete Daten.  Leer = der Host bedient die VIP nicht.  Die letzte Spalte: die Bewertung der VIP über alle ihre Hosts und ihr schwerster Grund.  Doppelklick auf eine VIP oder einen Host zeigt Details.</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Sort by state (worst first)</source>
        <translation>Nach Zustand sortieren (schlechteste zuerst)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sort by group</source>
        <translation>Nach Gruppe sortieren</translation>
    </message>
    <message numerus="yes">
        <location line="+174"/>
        <source>%n VIP(s)</source>
        <translation>
            <numerusform>%n VIP</numerusform>
            <numerusform>%n VIPs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>problems only</source>
        <translation>nur Probleme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show all</source>
        <translation>alle zeigen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
</context>
<context>
    <name>vipdeck::FleetTreeModel</name>
    <message>
        <location filename="../models/fleettreemodel.cpp" line="+98"/>
        <source>weights differ</source>
        <translation>Gewichte unterscheiden sich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weight %1 (config %2)</source>
        <translation>Gewicht %1 (Konfiguration %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>active-active</source>
        <translation>Active-Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>primary-backup, primary %1</source>
        <translation>Primary-Backup, Primary %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, discovers VIPs</source>
        <translation>, findet VIPs selbst</translation>
    </message>
    <message>
        <location line="+292"/>
        <source>1 server</source>
        <translation>1 Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 servers</source>
        <translation>%1 Server</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems</source>
        <translation>%1 Probleme</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>usable %1</source>
        <translation>nutzbar %1</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>on %1: %2, %3, weight %4 of %5</source>
        <translation>auf %1: %2, %3, Gewicht %4 von %5</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
</context>
<context>
    <name>vipdeck::Haproxy</name>
    <message>
        <location filename="../core/haproxy/configcheck.cpp" line="+55"/>
        <source>The configuration check failed (exit code %1).</source>
        <translation>Die Konfigurationsprüfung ist fehlgeschlagen (Exit-Code %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The configuration is invalid: %1</source>
        <translation>Die Konfiguration ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the configuration; HAProxy keeps running the old one.</source>
        <translation>Die Konfiguration korrigieren; HAProxy läuft mit der alten weiter.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/haproxycommand.cpp" line="+79"/>
        <source>Weight %1 is out of range.</source>
        <translation>Gewicht %1 liegt außerhalb des Bereichs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HAProxy weights go from 0 to 256.</source>
        <translation>HAProxy-Gewichte reichen von 0 bis 256.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/haproxyinfo.cpp" line="+65"/>
        <source>Expected &quot;Key: value&quot;.</source>
        <translation>„Schlüssel: Wert“ erwartet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/haproxy/serverstaterow.cpp" line="+55"/>
        <location filename="../core/haproxy/statrow.cpp" line="+150"/>
        <source>Is this socket an HAProxy stats socket?</source>
        <translation>Ist dieser Socket ein HAProxy-Stats-Socket?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The reply has no &quot;%1&quot; field: it is cut off or not from HAProxy.</source>
        <translation>Der Antwort fehlt das Feld „%1“: sie ist abgeschnitten oder stammt nicht von HAProxy.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pid is not a process id.</source>
        <translation>Pid ist keine Prozess-ID.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/haproxynames.cpp" line="+22"/>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a tab</source>
        <translation>einen Tabulator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a newline</source>
        <translation>einen Zeilenumbruch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a carriage return</source>
        <translation>einen Wagenrücklauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a NUL byte</source>
        <translation>ein NUL-Byte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 name is empty.</source>
        <translation>Der Name (%1) ist leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the name as it appears in the HAProxy configuration.</source>
        <translation>Den Namen so angeben, wie er in der HAProxy-Konfiguration steht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 name &quot;%2&quot; contains %3 at position %4, which HAProxy does not allow in names.</source>
        <translation>Der Name (%1) „%2“ enthält %3 an Position %4, was HAProxy in Namen nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Names may only contain letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;:&apos;.</source>
        <translation>Namen dürfen nur Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; und &apos;:&apos; enthalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../core/haproxy/masterclient.cpp" line="+112"/>
        <source>HAProxy rejected the reload; the old worker keeps serving.</source>
        <translation>HAProxy hat den Reload abgelehnt; der alte Worker bedient weiter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Run the configuration check and fix the errors.</source>
        <translation>Die Konfigurationsprüfung ausführen und die Fehler beheben.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>HAProxy rejected the reload (failed reloads: %1); the old worker keeps serving.</source>
        <translation>HAProxy hat den Reload abgelehnt (fehlgeschlagene Reloads: %1); der alte Worker bedient weiter.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The reload was not confirmed within %1 ms: no new worker and no failure reported.</source>
        <translation>Der Reload wurde nicht innerhalb von %1 ms bestätigt: kein neuer Worker und kein Fehler gemeldet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at `show proc` and the HAProxy log.</source>
        <translation>`show proc` und das HAProxy-Log ansehen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The server state file must be an absolute path on one line.</source>
        <translation>Die Server-State-Datei muss ein absoluter Pfad in einer Zeile sein.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server state is %1 bytes, more than vipdeck writes in one command (%2).</source>
        <translation>Der Server-Zustand ist %1 Bytes groß, mehr als vipdeck in einem Befehl schreibt (%2).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not write the server state file (exit code %1).</source>
        <translation>Die Server-State-Datei konnte nicht geschrieben werden (Exit-Code %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that the login user may write to its directory.</source>
        <translation>Prüfen, dass der Login-Benutzer in ihr Verzeichnis schreiben darf.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The HAProxy binary and the configuration path are required.</source>
        <translation>Das HAProxy-Programm und der Konfigurationspfad sind nötig.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/masterprocinfo.cpp" line="+73"/>
        <source>The row has %1 fields but the header has %2.</source>
        <translation>Die Zeile hat %1 Felder, die Kopfzeile aber %2.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unreadable reload counter &quot;%1&quot;.</source>
        <translation>Unlesbarer Reload-Zähler „%1“.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The row has no process id.</source>
        <translation>Die Zeile hat keine Prozess-ID.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The reply does not start with the &quot;#&lt;PID&gt; &lt;type&gt; ...&quot; header.</source>
        <translation>Die Antwort beginnt nicht mit der Kopfzeile „#&lt;PID&gt; &lt;type&gt; ...“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Is this socket an HAProxy master socket (haproxy -W -S)?</source>
        <translation>Ist dieser Socket ein HAProxy-Master-Socket (haproxy -W -S)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The header has no &lt;PID&gt; or &lt;type&gt; column.</source>
        <translation>Die Kopfzeile hat keine Spalte &lt;PID&gt; oder &lt;type&gt;.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Expected the master process before &quot;# workers&quot;.</source>
        <translation>Master-Prozess vor „# workers“ erwartet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The reply lists no master process.</source>
        <translation>Die Antwort listet keinen Master-Prozess.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unexpected answer to reload.</source>
        <translation>Unerwartete Antwort auf reload.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/replytext.cpp" line="+13"/>
        <source>The reply ends in the middle of a line: it was cut off.</source>
        <translation>Die Antwort endet mitten in einer Zeile: sie wurde abgeschnitten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/haproxy/runtimereply.cpp" line="+60"/>
        <source>Retry; if it persists, check the connection to the host.</source>
        <translation>Erneut versuchen; bei Wiederholung die Verbindung zum Host prüfen.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Field %1 is not a number: &quot;%2&quot;.</source>
        <translation>Feld %1 ist keine Zahl: „%2“.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/runtimereply.cpp" line="-30"/>
        <source>HAProxy has no such server.</source>
        <translation>HAProxy hat keinen solchen Server.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the server name in this backend.</source>
        <translation>Den Servernamen in diesem Backend prüfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HAProxy has no such backend.</source>
        <translation>HAProxy hat kein solches Backend.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the backend name against the configuration.</source>
        <translation>Den Backend-Namen mit der Konfiguration abgleichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HAProxy refused the command: the socket&apos;s level is too low.</source>
        <translation>HAProxy hat den Befehl abgelehnt: die Stufe des Sockets ist zu niedrig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing servers needs `level admin` on the stats socket.</source>
        <translation>Server zu ändern braucht `level admin` am Stats-Socket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HAProxy does not know this command.</source>
        <translation>HAProxy kennt diesen Befehl nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is the HAProxy version too old for it?</source>
        <translation>Ist die HAProxy-Version dafür zu alt?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HAProxy refused the command: %1</source>
        <translation>HAProxy hat den Befehl abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected %1 answers but only %2 arrived complete: the reply was cut off.</source>
        <translation>%1 Antworten erwartet, aber nur %2 kamen vollständig an: die Antwort wurde abgeschnitten.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>HAProxy sent more than the answers asked for: the connection is out of step.</source>
        <translation>HAProxy hat mehr gesendet als die erfragten Antworten: die Verbindung ist aus dem Takt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vipdeck reopens the connection; retry.</source>
        <translation>vipdeck öffnet die Verbindung neu; erneut versuchen.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>HAProxy sent no weight.</source>
        <translation>HAProxy hat kein Gewicht gesendet.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/serverstaterow.cpp" line="-1"/>
        <source>The reply is empty.</source>
        <translation>Die Antwort ist leer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unsupported server state format &quot;%1&quot; (vipdeck reads version 1).</source>
        <translation>Nicht unterstütztes Server-State-Format „%1“ (vipdeck liest Version 1).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The column header &quot;# be_id ...&quot; is missing.</source>
        <translation>Die Spaltenkopfzeile „# be_id ...“ fehlt.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The header has no &quot;%1&quot; column.</source>
        <translation>Die Kopfzeile hat keine Spalte „%1“.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../core/haproxy/statrow.cpp" line="+27"/>
        <source>The row has %1 fields but the header has %2: the reply is cut off or garbled.</source>
        <translation>Die Zeile hat %1 Felder, die Kopfzeile aber %2: die Antwort ist abgeschnitten oder verstümmelt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The row has no backend or server name.</source>
        <translation>Die Zeile hat keinen Backend- oder Servernamen.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>srv_op_state %1 is not a known state (0-3).</source>
        <translation>srv_op_state %1 ist kein bekannter Zustand (0-3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>srv_admin_state %1 is out of range.</source>
        <translation>srv_admin_state %1 liegt außerhalb des Bereichs.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/serverstatus.cpp" line="+31"/>
        <source>Unrecognised server status &quot;%1&quot;.</source>
        <translation>Unbekannter Serverstatus „%1“.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/statrow.cpp" line="-141"/>
        <source>A quoted field is not closed.</source>
        <translation>Ein Feld in Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Text follows a quoted field.</source>
        <translation>Auf ein Feld in Anführungszeichen folgt Text.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Unknown row type &quot;%1&quot; (expected 0-3).</source>
        <translation>Unbekannter Zeilentyp „%1“ (erwartet 0-3).</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The reply does not start with the CSV header &quot;# pxname,...&quot;.</source>
        <translation>Die Antwort beginnt nicht mit der CSV-Kopfzeile „# pxname,...“.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The CSV header has no &quot;%1&quot; column.</source>
        <translation>Die CSV-Kopfzeile hat keine Spalte „%1“.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The row has no proxy or service name.</source>
        <translation>Die Zeile hat keinen Proxy- oder Dienstnamen.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/backendclassification.cpp" line="+225"/>
        <source>The fleet file names service backend &quot;%1&quot;, which the configuration does not declare.</source>
        <translation>Die Flottendatei nennt das Service-Backend „%1“, das die Konfiguration nicht deklariert.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>It serves HAProxy&apos;s statistics page and has no servers.</source>
        <translation>Es liefert die Statistikseite von HAProxy und hat keine Server.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It serves the Prometheus exporter and has no servers.</source>
        <translation>Es liefert den Prometheus-Exporter und hat keine Server.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The fleet file names it as a service backend.</source>
        <translation>Die Flottendatei nennt es als Service-Backend.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The fleet file lists the service backends, and not this one.</source>
        <translation>Die Flottendatei listet die Service-Backends auf, dieses nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is disabled in the configuration: HAProxy does not run it.</source>
        <translation>Es ist in der Konfiguration deaktiviert: HAProxy betreibt es nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Routed from %1.</source>
        <translation>Geroutet von %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Routed from %1, but it has no servers: it answers by itself (redirect, return) or always fails.</source>
        <translation>Geroutet von %1, hat aber keine Server: es antwortet selbst (redirect, return) oder schlägt immer fehl.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A listen section on the VIP&apos;s addresses, with its own servers.</source>
        <translation>Eine listen-Sektion auf den Adressen der VIP, mit eigenen Servern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A listen section with its own servers.</source>
        <translation>Eine listen-Sektion mit eigenen Servern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A listen section without servers: it answers by itself or always fails.</source>
        <translation>Eine listen-Sektion ohne Server: sie antwortet selbst oder schlägt immer fehl.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>It may be chosen by the dynamic rule &quot;%1&quot; at %2.</source>
        <translation>Die dynamische Regel „%1“ in %2 kann es wählen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No frontend routes to it and it has no servers.</source>
        <translation>Kein Frontend routet dorthin, und es hat keine Server.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No frontend routes to it; its servers are tracked by %1.</source>
        <translation>Kein Frontend routet dorthin; seine Server werden verfolgt von %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A listen section that does not listen on the VIP&apos;s addresses.</source>
        <translation>Eine listen-Sektion, die nicht auf den Adressen der VIP lauscht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Routed only from %1, which do not listen on the VIP&apos;s addresses.</source>
        <translation>Nur geroutet von %1, die nicht auf den Adressen der VIP lauschen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No frontend or listen section routes to it.</source>
        <translation>Kein Frontend und keine listen-Sektion routet dorthin.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/configline.cpp" line="+61"/>
        <source>The line has more than %1 words, which HAProxy refuses.</source>
        <translation>Die Zeile hat mehr als %1 Wörter, was HAProxy ablehnt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split the line or quote arguments that belong together.</source>
        <translation>Die Zeile aufteilen oder zusammengehörige Argumente in Anführungszeichen setzen.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Invalid or incomplete \x escape sequence.</source>
        <translation>Ungültige oder unvollständige \x-Escape-Sequenz.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write \x followed by two hex digits, or \\ for a backslash.</source>
        <translation>\x gefolgt von zwei Hex-Ziffern schreiben, oder \\ für einen Backslash.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Invalid environment variable name after &apos;$&apos;.</source>
        <translation>Ungültiger Name einer Umgebungsvariablen nach &apos;$&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write \$ for a literal dollar sign inside double quotes.</source>
        <translation>\$ für ein wörtliches Dollarzeichen in doppelten Anführungszeichen schreiben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid word expansion; only [*] is allowed.</source>
        <translation>Ungültige Wortexpansion; nur [*] ist erlaubt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unmatched &apos;{&apos; after &apos;$&apos;.</source>
        <translation>&apos;{&apos; nach &apos;$&apos; wird nicht geschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the variable with &apos;}&apos;.</source>
        <translation>Die Variable mit &apos;}&apos; schließen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unterminated single quote.</source>
        <translation>Einfaches Anführungszeichen nicht geschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unterminated double quote.</source>
        <translation>Doppeltes Anführungszeichen nicht geschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the quote on the same line: HAProxy has no line continuation.</source>
        <translation>Das Anführungszeichen in derselben Zeile schließen: HAProxy kennt keine Zeilenfortsetzung.</translation>
    </message>
    <message>
        <location filename="../core/haproxy/haproxyconfig.cpp" line="+232"/>
        <source>The last line has no line feed: the file may have been cut off.</source>
        <translation>Die letzte Zeile hat keinen Zeilenvorschub: die Datei ist vielleicht abgeschnitten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HAProxy 2.3 and later refuse such a file too; end the file with a newline.</source>
        <translation>HAProxy ab 2.3 lehnt eine solche Datei ebenfalls ab; die Datei mit einem Zeilenumbruch beenden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The line contains a NUL byte at column %1.</source>
        <translation>Die Zeile enthält ein NUL-Byte in Spalte %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is this a text file?</source>
        <translation>Ist das eine Textdatei?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The .if block opened here has no .endif.</source>
        <translation>Der hier geöffnete .if-Block hat kein .endif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close it with .endif in the same file.</source>
        <translation>Ihn mit .endif in derselben Datei schließen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The condition &quot;%1&quot; depends on the host; this branch was read as if it were true.</source>
        <translation>Die Bedingung „%1“ hängt vom Host ab; dieser Zweig wurde gelesen, als wäre sie wahr.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 without a matching .if.</source>
        <translation>%1 ohne passendes .if.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove it or add the .if that opens the block.</source>
        <translation>Es entfernen oder das .if ergänzen, das den Block öffnet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 after .else.</source>
        <translation>%1 nach .else.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A block has at most one .else, at its end.</source>
        <translation>Ein Block hat höchstens ein .else, an seinem Ende.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The configuration stops with .alert &quot;%1&quot;.</source>
        <translation>Die Konfiguration bricht mit .alert „%1“ ab.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HAProxy refuses to start with this configuration.</source>
        <translation>HAProxy startet mit dieser Konfiguration nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown directive &quot;%1&quot;.</source>
        <translation>Unbekannte Direktive „%1“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HAProxy knows .if, .elif, .else, .endif, .diag, .notice, .warning and .alert.</source>
        <translation>HAProxy kennt .if, .elif, .else, .endif, .diag, .notice, .warning und .alert.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&quot;%1&quot; is outside any section.</source>
        <translation>„%1“ steht außerhalb jeder Sektion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it in a frontend, backend or listen section; each file starts outside any section.</source>
        <translation>Es in eine frontend-, backend- oder listen-Sektion setzen; jede Datei beginnt außerhalb jeder Sektion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a section (global, defaults, frontend, backend, listen, ...) before it.</source>
        <translation>Davor eine Sektion beginnen (global, defaults, frontend, backend, listen, ...).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The %1 section has no name.</source>
        <translation>Die %1-Sektion hat keinen Namen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it like &quot;%1 web&quot;.</source>
        <translation>So schreiben: „%1 web“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;from&quot; needs the name of a defaults section.</source>
        <translation>„from“ braucht den Namen einer defaults-Sektion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it like &quot;%1 web from http-defaults&quot;.</source>
        <translation>So schreiben: „%1 web from http-defaults“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected &quot;%1&quot; after the section name.</source>
        <translation>Unerwartetes „%1“ nach dem Sektionsnamen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only &quot;from NAME&quot; may follow the name.</source>
        <translation>Nach dem Namen darf nur „from NAME“ folgen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Defaults section &quot;%1&quot; is declared twice (%2 and %3) and cannot be referenced.</source>
        <translation>Die defaults-Sektion „%1“ ist zweimal deklariert (%2 und %3) und kann nicht referenziert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give each defaults section a unique name.</source>
        <translation>Jeder defaults-Sektion einen eindeutigen Namen geben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No defaults section named &quot;%1&quot; before this line.</source>
        <translation>Vor dieser Zeile gibt es keine defaults-Sektion namens „%1“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Declare &quot;defaults %1&quot; before the sections that use it.</source>
        <translation>„defaults %1“ vor den Sektionen deklarieren, die es verwenden.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 &quot;%2&quot; has the same name as %3 &quot;%2&quot; declared at %4.</source>
        <translation>%1 „%2“ hat denselben Namen wie %3 „%2“, deklariert in %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give each proxy a unique name.</source>
        <translation>Jedem Proxy einen eindeutigen Namen geben.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is not allowed in a %2 section.</source>
        <translation>„%1“ ist in einer %2-Sektion nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Servers belong in a backend or listen section.</source>
        <translation>Server gehören in eine backend- oder listen-Sektion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It belongs in a frontend or listen section.</source>
        <translation>Es gehört in eine frontend- oder listen-Sektion.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is ignored: a backend accepts no connections.</source>
        <translation>„%1“ wird ignoriert: ein Backend nimmt keine Verbindungen an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; needs an argument.</source>
        <translation>„%1“ braucht ein Argument.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it like &quot;%1&quot;.</source>
        <translation>So schreiben: „%1“.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>use_backend needs &quot;if&quot; or &quot;unless&quot; before its condition.</source>
        <translation>use_backend braucht „if“ oder „unless“ vor seiner Bedingung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write it like &quot;use_backend be_api if { path_beg /api }&quot;.</source>
        <translation>So schreiben: „use_backend be_api if { path_beg /api }“.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>server-template needs a name prefix, a count and an address.</source>
        <translation>server-template braucht ein Namenspräfix, eine Anzahl und eine Adresse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server line needs a name and an address.</source>
        <translation>Die server-Zeile braucht einen Namen und eine Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write it like &quot;server-template web 1-5 web.example:80 check&quot;.</source>
        <translation>So schreiben: „server-template web 1-5 web.example:80 check“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it like &quot;server web1 192.0.2.21:8080 check&quot;.</source>
        <translation>So schreiben: „server web1 192.0.2.21:8080 check“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server &quot;%1&quot; is declared twice in %2 &quot;%3&quot;.</source>
        <translation>Server „%1“ ist in %2 „%3“ zweimal deklariert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give each server of a backend a unique name.</source>
        <translation>Jedem Server eines Backends einen eindeutigen Namen geben.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&quot;%1&quot; needs a value.</source>
        <translation>„%1“ braucht einen Wert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Write it like &quot;track be_health/web1&quot;.</source>
        <translation>So schreiben: „track be_health/web1“.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Write it like &quot;%1 %2&quot;.</source>
        <translation>So schreiben: „%1 %2“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1 %2&quot; depends on the host&apos;s environment; its value is unknown here.</source>
        <translation>„%1 %2“ hängt von der Umgebung des Hosts ab; sein Wert ist hier unbekannt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;track %1&quot; names no server.</source>
        <translation>„track %1“ nennt keinen Server.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1 %2&quot; is not a positive whole number.</source>
        <translation>„%1 %2“ ist keine positive ganze Zahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write it like &quot;%1 3&quot;.</source>
        <translation>So schreiben: „%1 3“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1 %2&quot; is not a delay HAProxy accepts.</source>
        <translation>„%1 %2“ ist keine Zeitangabe, die HAProxy akzeptiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a positive whole number and a unit (us, ms, s, m, h, d), like &quot;2s&quot;.</source>
        <translation>Eine positive ganze Zahl und eine Einheit (us, ms, s, m, h, d) schreiben, etwa „2s“.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 &quot;%2&quot; uses backend &quot;%3&quot; (%4), which is not declared.</source>
        <translation>%1 „%2“ verwendet Backend „%3“ (%4), das nicht deklariert ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Declare &quot;backend %1&quot; or fix the name.</source>
        <translation>„backend %1“ deklarieren oder den Namen korrigieren.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Server &quot;%1&quot; tracks a server of backend &quot;%2&quot;, which is not declared.</source>
        <translation>Server „%1“ verfolgt einen Server von Backend „%2“, das nicht deklariert ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>Fix the name after &quot;track&quot;.</source>
        <translation>Den Namen nach „track“ korrigieren.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Server &quot;%1&quot; tracks &quot;%2/%3&quot;, which is not declared.</source>
        <translation>Server „%1“ verfolgt „%2/%3“, der nicht deklariert ist.</translation>
    </message>
</context>
<context>
    <name>vipdeck::Health</name>
    <message>
        <location filename="../models/healthstyle.cpp" line="+19"/>
        <source>HEALTHY</source>
        <translation>GESUND</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DEGRADED</source>
        <translation>BEEINTRÄCHTIGT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CRITICAL</source>
        <translation>KRITISCH</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UNKNOWN</source>
        <translation>UNBEKANNT</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n healthy</source>
        <translation>
            <numerusform>%n gesund</numerusform>
            <numerusform>%n gesund</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n degraded</source>
        <translation>
            <numerusform>%n beeinträchtigt</numerusform>
            <numerusform>%n beeinträchtigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n critical</source>
        <translation>
            <numerusform>%n kritisch</numerusform>
            <numerusform>%n kritisch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unbekannt</numerusform>
            <numerusform>%n unbekannt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::HistoryStore</name>
    <message>
        <location filename="../core/history/historydatabase.cpp" line="+107"/>
        <source>check that the history store is writable</source>
        <translation>Prüfen Sie, ob der Verlaufsspeicher beschreibbar ist</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>check that the PostgreSQL server is reachable and that this user may write the history tables</source>
        <translation>Prüfen Sie, ob der PostgreSQL-Server erreichbar ist und dieser Benutzer die Verlaufstabellen schreiben darf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check that the directory exists and is writable and the disk is not full, or give another store with --history</source>
        <translation>Prüfen Sie, ob das Verzeichnis existiert und beschreibbar ist und die Platte nicht voll ist, oder geben Sie mit --history einen anderen Speicher an</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no history store at %1</source>
        <translation>kein Verlaufsspeicher unter %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start a recorder (`vipdeckctl record`, or the vipdeck-record service) or give the store&apos;s path with --history</source>
        <translation>Starten Sie eine Aufzeichnung (`vipdeckctl record` oder den Dienst vipdeck-record) oder geben Sie den Pfad des Speichers mit --history an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot open the history store: %1</source>
        <translation>Verlaufsspeicher lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot switch the history store to write-ahead logging</source>
        <translation>Verlaufsspeicher lässt sich nicht auf Write-Ahead-Logging umstellen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds no vipdeck history</source>
        <translation>%1 enthält keinen vipdeck-Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check the path or URL given with --history</source>
        <translation>Prüfen Sie den mit --history angegebenen Pfad oder die URL</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot take the recorder&apos;s lock</source>
        <translation>Die Sperre der Aufzeichnung lässt sich nicht setzen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot open the recorder&apos;s lock file %1.lock</source>
        <translation>Die Sperrdatei %1.lock der Aufzeichnung lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot lock %1.lock</source>
        <translation>%1.lock lässt sich nicht sperren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>another recorder</source>
        <translation>eine andere Aufzeichnung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, recording since %2 (last poll %3)</source>
        <translation>%1, zeichnet seit %2 auf (letzte Abfrage %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the history store is already being recorded by %1</source>
        <translation>in den Verlaufsspeicher zeichnet bereits %1 auf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one recorder per store: stop that one first, or record into another store with --history</source>
        <translation>Eine Aufzeichnung je Speicher: Beenden Sie zuerst jene oder zeichnen Sie mit --history in einen anderen Speicher auf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the history store connection was lost and cannot be reopened</source>
        <translation>Die Verbindung zum Verlaufsspeicher ist verloren und lässt sich nicht wieder öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot start a write transaction</source>
        <translation>Schreibtransaktion lässt sich nicht beginnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot commit to the history store</source>
        <translation>Schreiben in den Verlaufsspeicher lässt sich nicht abschließen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot read the last recording</source>
        <translation>Die letzte Aufzeichnung lässt sich nicht lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the previous recorder stopped without ending its recording (killed, crashed or its machine went down) after its poll at %1</source>
        <translation>die vorige Aufzeichnung endete ohne Abschluss (beendet, abgestürzt oder ihr Rechner fiel aus) nach ihrer Abfrage um %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no recorder was running</source>
        <translation>keine Aufzeichnung lief</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot close the spans of an earlier recording</source>
        <translation>Die Zeitspannen einer früheren Aufzeichnung lassen sich nicht abschließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot close an earlier recording</source>
        <translation>Eine frühere Aufzeichnung lässt sich nicht abschließen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot start a recording</source>
        <translation>Aufzeichnung lässt sich nicht beginnen</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+5"/>
        <source>cannot end a span</source>
        <translation>Zeitspanne lässt sich nicht beenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>cannot start a span</source>
        <translation>Zeitspanne lässt sich nicht beginnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot record the poll&apos;s time</source>
        <translation>Zeitpunkt der Abfrage lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>recording %1 is no longer in the history store</source>
        <translation>Aufzeichnung %1 ist nicht mehr im Verlaufsspeicher</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot end the recording&apos;s spans</source>
        <translation>Zeitspannen der Aufzeichnung lassen sich nicht beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot end the recording</source>
        <translation>Aufzeichnung lässt sich nicht beenden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot read a sample series</source>
        <translation>Messreihe lässt sich nicht lesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot add a sample series</source>
        <translation>Messreihe lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+9"/>
        <source>cannot write a traffic sample</source>
        <translation>Verkehrsmesswert lässt sich nicht schreiben</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cannot read minute samples to fold</source>
        <translation>Minutenwerte zum Zusammenfassen lassen sich nicht lesen</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+46"/>
        <source>cannot fold minute samples into hours</source>
        <translation>Minutenwerte lassen sich nicht zu Stunden zusammenfassen</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+48"/>
        <source>cannot delete folded minute samples</source>
        <translation>Zusammengefasste Minutenwerte lassen sich nicht löschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot delete old hourly samples</source>
        <translation>Alte Stundenwerte lassen sich nicht löschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot delete old spans</source>
        <translation>Alte Zeitspannen lassen sich nicht löschen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot delete old recordings</source>
        <translation>Alte Aufzeichnungen lassen sich nicht löschen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot read the recordings</source>
        <translation>Aufzeichnungen lassen sich nicht lesen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>cannot read the spans</source>
        <translation>Zeitspannen lassen sich nicht lesen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>cannot read the traffic samples</source>
        <translation>Verkehrsmesswerte lassen sich nicht lesen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>cannot count the rows of %1</source>
        <translation>Zeilen von %1 lassen sich nicht zählen</translation>
    </message>
    <message>
        <location filename="../core/history/historyrecorder.cpp" line="+66"/>
        <source>the history store could not be written after the poll at %1: %2</source>
        <translation>der Verlaufsspeicher ließ sich nach der Abfrage um %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no poll between %1 and %2 (the workstation slept or the fleet did not answer)</source>
        <translation>keine Abfrage zwischen %1 und %2 (der Arbeitsplatz schlief oder die Flotte antwortete nicht)</translation>
    </message>
    <message>
        <location filename="../core/history/historystore.cpp" line="+87"/>
        <location line="+90"/>
        <source>History: recording into %1</source>
        <translation>Verlauf: Aufzeichnung in %1</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+80"/>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>History unavailable: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>History: opening %1</source>
        <translation>Verlauf: %1 wird geöffnet</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>History: cannot write %1, retrying: %2</source>
        <translation>Verlauf: %1 lässt sich nicht schreiben, neuer Versuch: %2</translation>
    </message>
    <message>
        <location filename="../core/history/historysummary.cpp" line="+95"/>
        <source>nothing was recorded before %1</source>
        <translation>vor %1 wurde nichts aufgezeichnet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no recorder ran in this window</source>
        <translation>in diesem Zeitraum lief keine Aufzeichnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no recorder has run since %1</source>
        <translation>seit %1 lief keine Aufzeichnung</translation>
    </message>
</context>
<context>
    <name>vipdeck::HostKeyDialog</name>
    <message>
        <location filename="../views/hostkey/hostkeydialog.cpp" line="+23"/>
        <source>Host key CHANGED for %1</source>
        <translation>Host-Schlüssel GEÄNDERT für %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown host key for %1</source>
        <translation>Unbekannter Host-Schlüssel für %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;%1 offered a host key different from the one in known_hosts.&lt;/b&gt;&lt;br&gt;This can mean the host was reinstalled, or that someone is intercepting the connection. vipdeck will not connect and will not replace the key. Check with the host&apos;s administrator, then edit %2 by hand.</source>
        <translation>&lt;b&gt;%1 hat einen anderen Host-Schlüssel angeboten als den in known_hosts.&lt;/b&gt;&lt;br&gt;Das kann heißen, dass der Host neu installiert wurde oder dass jemand die Verbindung abfängt. vipdeck verbindet sich nicht und ersetzt den Schlüssel nicht. Mit dem Administrator des Hosts klären, dann %2 von Hand bearbeiten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not in known_hosts yet. Compare this fingerprint with the one the host&apos;s administrator gave you (ssh-keygen -lf on the host) before you accept it.</source>
        <translation>%1 ist noch nicht in known_hosts. Diesen Fingerabdruck mit dem vergleichen, den der Administrator des Hosts genannt hat (ssh-keygen -lf auf dem Host), bevor Sie ihn annehmen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:</source>
        <translation>Fingerabdruck:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>known_hosts:</source>
        <translation>known_hosts:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>last 4 characters</source>
        <translation>letzte 4 Zeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To accept, type the fingerprint&apos;s &amp;last four characters:</source>
        <translation>Zum Annehmen die &amp;letzten vier Zeichen des Fingerabdrucks eingeben:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept and Remember</source>
        <translation>&amp;Annehmen und merken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refuse</source>
        <translation>A&amp;blehnen</translation>
    </message>
</context>
<context>
    <name>vipdeck::HostViewWidget</name>
    <message>
        <location filename="../views/host/hostviewwidget.cpp" line="+38"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reloads</source>
        <translation>Reloads</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection and BIRD</source>
        <translation>Verbindung und BIRD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH:</source>
        <translation>SSH:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIRD:</source>
        <translation>BIRD:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HAProxy processes</source>
        <translation>HAProxy-Prozesse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BGP sessions</source>
        <translation>BGP-Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BFD sessions</source>
        <translation>BFD-Sitzungen</translation>
    </message>
    <message>
        <location line="+54"/>
        <source> since %1</source>
        <translation> seit %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n reconnect attempt(s)</source>
        <translation>
            <numerusform>, %n Wiederverbindungsversuch</numerusform>
            <numerusform>, %n Wiederverbindungsversuche</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>not connected yet</source>
        <translation>noch nicht verbunden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no data yet</source>
        <translation>noch keine Daten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BIRD %1, router id %2, read at %3</source>
        <translation>BIRD %1, Router-ID %2, gelesen um %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never read</source>
        <translation>nie gelesen</translation>
    </message>
</context>
<context>
    <name>vipdeck::Inventory</name>
    <message>
        <location filename="../core/inventory/inventory.cpp" line="+126"/>
        <source>%1 host</source>
        <translation>%1 Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 hosts</source>
        <translation>%1 Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 group</source>
        <translation>%1 Gruppe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 groups</source>
        <translation>%1 Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 VIP</source>
        <translation>%1 VIP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 VIPs</source>
        <translation>%1 VIPs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 observer</source>
        <translation>%1 Beobachter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 observers</source>
        <translation>%1 Beobachter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 group discovers VIPs</source>
        <translation>%1 Gruppe findet VIPs selbst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 groups discover VIPs</source>
        <translation>%1 Gruppen finden VIPs selbst</translation>
    </message>
</context>
<context>
    <name>vipdeck::InventoryLoader</name>
    <message>
        <location filename="../core/inventory/inventoryloader.cpp" line="+217"/>
        <source>SSH settings apply to hosts: set them in defaults, a group or a host</source>
        <translation>SSH-Einstellungen gelten für Hosts: in defaults, einer Gruppe oder einem Host setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a host has one BIRD control socket: set it in defaults, a group or a host</source>
        <translation>ein Host hat einen einzigen BIRD-Control-Socket: in defaults, einer Gruppe oder einem Host setzen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; belongs under &apos;ssh:&apos;</source>
        <translation>&apos;%1&apos; gehört unter &apos;ssh:&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; belongs under &apos;haproxy:&apos;</source>
        <translation>&apos;%1&apos; gehört unter &apos;haproxy:&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; belongs under &apos;bird:&apos;</source>
        <translation>&apos;%1&apos; gehört unter &apos;bird:&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; belongs directly in defaults, a group, a host or a VIP</source>
        <translation>&apos;%1&apos; gehört direkt in defaults, eine Gruppe, einen Host oder eine VIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;address&apos; belongs in a host entry</source>
        <translation>&apos;address&apos; gehört in einen Host-Eintrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; belongs in a group entry</source>
        <translation>&apos;%1&apos; gehört in einen Gruppen-Eintrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; belongs in a VIP entry</source>
        <translation>&apos;%1&apos; gehört in einen VIP-Eintrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; belongs at the top level of the file</source>
        <translation>&apos;%1&apos; gehört auf die oberste Ebene der Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; belongs in defaults, a group, a host or a VIP</source>
        <translation>&apos;%1&apos; gehört in defaults, eine Gruppe, einen Host oder eine VIP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a map</source>
        <translation>eine Map</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>a key in %1 is %2, not a name</source>
        <translation>ein Schlüssel in %1 ist %2, kein Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write keys as plain words, like &apos;name:&apos;</source>
        <translation>Schlüssel als einfache Wörter schreiben, etwa &apos;name:&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>duplicate key &apos;%1&apos; in %2 (first at line %3)</source>
        <translation>doppelter Schlüssel &apos;%1&apos; in %2 (zuerst in Zeile %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+754"/>
        <location line="+31"/>
        <source>remove one of them</source>
        <translation>einen davon entfernen</translation>
    </message>
    <message>
        <location line="-774"/>
        <source>&apos;%1&apos; cannot be set in %2</source>
        <translation>&apos;%1&apos; kann in %2 nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown key &apos;%1&apos; in %2</source>
        <translation>unbekannter Schlüssel &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&apos;%1&apos; must be a map, not %2</source>
        <translation>&apos;%1&apos; muss eine Map sein, nicht %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+14"/>
        <location line="+5"/>
        <location line="+45"/>
        <location line="+46"/>
        <source>write it like &apos;%1: %2&apos;</source>
        <translation>so schreiben: &apos;%1: %2&apos;</translation>
    </message>
    <message>
        <location line="-133"/>
        <location line="+214"/>
        <source>&apos;%1&apos; must be a list, not %2</source>
        <translation>&apos;%1&apos; muss eine Liste sein, nicht %2</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>&apos;%1&apos; has no value</source>
        <translation>&apos;%1&apos; hat keinen Wert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; must be a string, not %2</source>
        <translation>&apos;%1&apos; muss eine Zeichenkette sein, nicht %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>each entry of &apos;%1&apos; must be a string, not %2</source>
        <translation>jeder Eintrag von &apos;%1&apos; muss eine Zeichenkette sein, nicht %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; must be a whole number, not &apos;%2&apos;</source>
        <translation>&apos;%1&apos; muss eine ganze Zahl sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is %2, outside %3-%4</source>
        <translation>&apos;%1&apos; ist %2, außerhalb von %3-%4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos; must be true or false, not &apos;%2&apos;</source>
        <translation>&apos;%1&apos; muss true oder false sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write &apos;%1: true&apos; or &apos;%1: false&apos;</source>
        <translation>&apos;%1: true&apos; oder &apos;%1: false&apos; schreiben</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+13"/>
        <location line="+64"/>
        <location line="+25"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>&apos;%1&apos; is %2, shorter than 100ms</source>
        <translation>&apos;%1&apos; ist %2, kürzer als 100ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; is %2, longer than a timer can hold (%3ms, about 24 days)</source>
        <translation>&apos;%1&apos; ist %2, länger als ein Timer fassen kann (%3ms, etwa 24 Tage)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>write at most %1s (or %2m, %3h)</source>
        <translation>höchstens %1s schreiben (oder %2m, %3h)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 name &apos;%2&apos; is not valid</source>
        <translation>%1-Name &apos;%2&apos; ist ungültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit</source>
        <translation>Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; verwenden, beginnend mit einem Buchstaben oder einer Ziffer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos; uses &apos;%2&apos;, but only &apos;~/&apos; is expanded</source>
        <translation>&apos;%1&apos; verwendet &apos;%2&apos;, aber nur &apos;~/&apos; wird erweitert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write the full path, like &apos;/home/admin/.ssh/id_ed25519&apos;</source>
        <translation>den vollständigen Pfad schreiben, etwa &apos;/home/admin/.ssh/id_ed25519&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source>&apos;%1&apos; is &apos;%2&apos;, not an absolute path</source>
        <translation>&apos;%1&apos; ist &apos;%2&apos;, kein absoluter Pfad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write the full path on the LB host, like &apos;%1&apos;</source>
        <translation>den vollständigen Pfad auf dem LB-Host schreiben, etwa &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is &apos;%2&apos;, which has characters vipdeck does not allow in paths</source>
        <translation>&apos;%1&apos; ist &apos;%2&apos; und enthält Zeichen, die vipdeck in Pfaden nicht erlaubt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>use letters, digits and / . _ - + @ : = , only</source>
        <translation>nur Buchstaben, Ziffern und / . _ - + @ : = , verwenden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&apos;%1&apos; is &apos;%2&apos;, not a valid BIRD protocol name</source>
        <translation>&apos;%1&apos; ist &apos;%2&apos;, kein gültiger BIRD-Protokollname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIRD names take letters, digits and &apos;_&apos;, starting with a letter or &apos;_&apos;, like &apos;vip_{vip}&apos;</source>
        <translation>BIRD-Namen bestehen aus Buchstaben, Ziffern und &apos;_&apos; und beginnen mit einem Buchstaben oder &apos;_&apos;, etwa &apos;vip_{vip}&apos;</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>user &apos;%1&apos; is not a login name</source>
        <translation>Benutzer &apos;%1&apos; ist kein Login-Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write a user name without spaces that does not start with &apos;-&apos;</source>
        <translation>einen Benutzernamen ohne Leerzeichen schreiben, der nicht mit &apos;-&apos; beginnt</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>the top level</source>
        <translation>die oberste Ebene</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unsupported version %1</source>
        <translation>nicht unterstützte Version %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this vipdeck reads version 1; write &apos;version: 1&apos;</source>
        <translation>diese vipdeck-Version liest Version 1; &apos;version: 1&apos; schreiben</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>write a list of entries, each starting with &apos;- name: ...&apos;</source>
        <translation>eine Liste von Einträgen schreiben, jeder beginnend mit &apos;- name: ...&apos;</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+162"/>
        <source>&apos;%1&apos; is empty</source>
        <translation>&apos;%1&apos; ist leer</translation>
    </message>
    <message>
        <location line="-615"/>
        <source>a host has one BIRD, so its reply limit is set in defaults, a group or a host</source>
        <translation>ein Host hat ein BIRD, sein Antwortlimit wird daher in defaults, einer Gruppe oder einem Host gesetzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a router id is one host&apos;s own: set bird.router_id in that host&apos;s entry</source>
        <translation>eine Router-ID gehört einem einzelnen Host: bird.router_id im Eintrag dieses Hosts setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an observer announces no VIP: vip_protocol belongs to LB hosts</source>
        <translation>ein Beobachter kündigt keine VIP an: vip_protocol gehört zu LB-Hosts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an observer takes only &apos;name&apos;, &apos;address&apos;, &apos;ssh&apos; and &apos;bird&apos;</source>
        <translation>ein Beobachter kennt nur &apos;name&apos;, &apos;address&apos;, &apos;ssh&apos; und &apos;bird&apos;</translation>
    </message>
    <message>
        <location line="+427"/>
        <source>router_id &apos;%1&apos; is not an IPv4 address</source>
        <translation>router_id &apos;%1&apos; ist keine IPv4-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write the router id as BIRD&apos;s &apos;show status&apos; prints it, like &apos;192.0.2.11&apos;</source>
        <translation>die Router-ID so schreiben, wie BIRDs &apos;show status&apos; sie ausgibt, z. B. &apos;192.0.2.11&apos;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>name the VIP&apos;s service backends, like &apos;%1: %2&apos;</source>
        <translation>nennen Sie die Service-Backends des VIP, etwa &apos;%1: %2&apos;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&apos;%1&apos; is not an HAProxy backend name</source>
        <translation>&apos;%1&apos; ist kein HAProxy-Backend-Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HAProxy names take letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;:&apos;</source>
        <translation>HAProxy-Namen bestehen aus Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; und &apos;:&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>backend &apos;%1&apos; is listed twice in &apos;%2&apos;</source>
        <translation>Backend &apos;%1&apos; steht zweimal in &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list each backend once</source>
        <translation>nennen Sie jedes Backend nur einmal</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>proxy_jump &apos;%1&apos; is not a list of jump hosts</source>
        <translation>proxy_jump &apos;%1&apos; ist keine Liste von Jump-Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write [user@]host[:port], several separated by &apos;,&apos; without spaces, or &apos;none&apos;</source>
        <translation>schreiben Sie [user@]host[:port], mehrere durch &apos;,&apos; ohne Leerzeichen getrennt, oder &apos;none&apos;</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>declare at least one entry, like &apos;- name: ...&apos;</source>
        <translation>mindestens einen Eintrag angeben, etwa &apos;- name: ...&apos;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the file declares no hosts</source>
        <translation>die Datei deklariert keine Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add a &apos;hosts:&apos; list with entries like &apos;- name: lb1&apos; and &apos;address: 192.0.2.11&apos;</source>
        <translation>eine Liste &apos;hosts:&apos; mit Einträgen wie &apos;- name: lb1&apos; und &apos;address: 192.0.2.11&apos; hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file declares no groups</source>
        <translation>die Datei deklariert keine Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add a &apos;groups:&apos; list with entries like &apos;- name: campus&apos;, &apos;mode: active-active&apos; and &apos;hosts: [lb1, lb2]&apos;</source>
        <translation>eine Liste &apos;groups:&apos; mit Einträgen wie &apos;- name: campus&apos;, &apos;mode: active-active&apos; und &apos;hosts: [lb1, lb2]&apos; hinzufügen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>each entry of &apos;%1&apos; must be a map, not %2</source>
        <translation>jeder Eintrag von &apos;%1&apos; muss eine Map sein, nicht %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write entries like &apos;- name: ...&apos; with their keys indented below</source>
        <translation>Einträge wie &apos;- name: ...&apos; schreiben, ihre Schlüssel darunter eingerückt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a %1</source>
        <translation>ein Eintrag (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 &apos;%2&apos;</source>
        <translation>%1 &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+251"/>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="-251"/>
        <location line="+252"/>
        <source>observer</source>
        <translation>Beobachter</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>address &apos;%1&apos; is not an IP address, DNS name or alias</source>
        <translation>Adresse &apos;%1&apos; ist weder IP-Adresse noch DNS-Name noch Alias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write an IP address, a DNS name or a Host alias from ~/.ssh/config</source>
        <translation>eine IP-Adresse, einen DNS-Namen oder einen Host-Alias aus ~/.ssh/config schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+74"/>
        <location line="+70"/>
        <source>%1 has no &apos;name&apos;</source>
        <translation>%1 hat kein &apos;name&apos;</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>add &apos;name: rr1&apos; (a unique name)</source>
        <translation>&apos;name: rr1&apos; hinzufügen (ein eindeutiger Name)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add &apos;name: lb1&apos; (a unique name)</source>
        <translation>&apos;name: lb1&apos; hinzufügen (ein eindeutiger Name)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no &apos;address&apos;</source>
        <translation>%1 hat kein &apos;address&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add &apos;address:&apos; with an IP address, a DNS name or a ~/.ssh/config alias</source>
        <translation>&apos;address:&apos; mit einer IP-Adresse, einem DNS-Namen oder einem Alias aus ~/.ssh/config hinzufügen</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+11"/>
        <location line="+199"/>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>unknown group mode &apos;%1&apos;</source>
        <translation>unbekannter Gruppenmodus &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write &apos;mode: active-active&apos; or &apos;mode: primary-backup&apos;</source>
        <translation>&apos;mode: active-active&apos; oder &apos;mode: primary-backup&apos; schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/inventory/valueparsers.cpp" line="+253"/>
        <source>did you mean &apos;%1&apos;?</source>
        <translation>meinten Sie &apos;%1&apos;?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>write it like &apos;hosts: [lb1, lb2]&apos;</source>
        <translation>so schreiben: &apos;hosts: [lb1, lb2]&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no hosts</source>
        <translation>%1 hat keine Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>list its hosts, like &apos;hosts: [lb1, lb2]&apos;</source>
        <translation>die Hosts auflisten, etwa &apos;hosts: [lb1, lb2]&apos;</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>add &apos;name: campus&apos; (a unique name)</source>
        <translation>&apos;name: campus&apos; hinzufügen (ein eindeutiger Name)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no &apos;mode&apos;</source>
        <translation>%1 hat kein &apos;mode&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add &apos;mode: active-active&apos; or &apos;mode: primary-backup&apos;</source>
        <translation>&apos;mode: active-active&apos; oder &apos;mode: primary-backup&apos; hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no &apos;hosts&apos;</source>
        <translation>%1 hat kein &apos;hosts&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is active-active and cannot have a primary</source>
        <translation>%1 ist Active-Active und kann keinen Primary haben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove &apos;primary:&apos; or write &apos;mode: primary-backup&apos;</source>
        <translation>&apos;primary:&apos; entfernen oder &apos;mode: primary-backup&apos; schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is primary-backup but names no primary</source>
        <translation>%1 ist Primary-Backup, nennt aber keinen Primary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add &apos;primary:&apos; naming one of its hosts</source>
        <translation>&apos;primary:&apos; mit einem seiner Hosts hinzufügen</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+10"/>
        <location line="+119"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>write it like &apos;prefixes: %1&apos;</source>
        <translation>so schreiben: &apos;prefixes: %1&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no prefixes</source>
        <translation>%1 hat keine Präfixe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list them, like &apos;prefixes: %1&apos;</source>
        <translation>sie auflisten, etwa &apos;prefixes: %1&apos;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>add &apos;name: typo3&apos; (a unique name)</source>
        <translation>&apos;name: typo3&apos; hinzufügen (ein eindeutiger Name)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no &apos;group&apos;</source>
        <translation>%1 hat kein &apos;group&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add &apos;group:&apos; naming the group of hosts that serves it</source>
        <translation>&apos;group:&apos; mit der Gruppe der Hosts hinzufügen, die sie bedient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no &apos;prefixes&apos;</source>
        <translation>%1 hat kein &apos;prefixes&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add its prefixes, like &apos;prefixes: [203.0.113.10/32]&apos;</source>
        <translation>ihre Präfixe hinzufügen, etwa &apos;prefixes: [203.0.113.10/32]&apos;</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>use one of: </source>
        <translation>eines davon verwenden: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>declared %1: </source>
        <translation>deklarierte %1: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none are declared</source>
        <translation>keine deklariert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did you mean &apos;%1&apos;? %2</source>
        <translation>meinten Sie &apos;%1&apos;? %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>duplicate %1 name &apos;%2&apos; (first declared at line %3)</source>
        <translation>doppelter Name &apos;%2&apos; (%1, zuerst deklariert in Zeile %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give each %1 a unique name</source>
        <translation>jedem Eintrag (%1) einen eindeutigen Namen geben</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>observer &apos;%1&apos; has the name of a host (line %2)</source>
        <translation>Beobachter &apos;%1&apos; trägt den Namen eines Hosts (Zeile %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give the observer a name of its own, like &apos;rr1&apos;</source>
        <translation>dem Beobachter einen eigenen Namen geben, z. B. &apos;rr1&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>group &apos;%1&apos;</source>
        <translation>Gruppe &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a group</source>
        <translation>eine Gruppe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 lists host &apos;%2&apos;, which is not declared under &apos;hosts&apos;</source>
        <translation>%1 nennt Host &apos;%2&apos;, der nicht unter &apos;hosts&apos; deklariert ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host &apos;%1&apos; is listed twice in %2</source>
        <translation>Host &apos;%1&apos; steht zweimal in %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>primary &apos;%1&apos; is not one of the hosts of %2</source>
        <translation>Primary &apos;%1&apos; ist keiner der Hosts von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hosts of the group</source>
        <translation>Hosts der Gruppe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>host &apos;%1&apos; is in no group</source>
        <translation>Host &apos;%1&apos; ist in keiner Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add it to the &apos;hosts:&apos; list of a group, or remove it</source>
        <translation>ihn in die Liste &apos;hosts:&apos; einer Gruppe aufnehmen oder entfernen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>VIP &apos;%1&apos; names group &apos;%2&apos;, which does not exist</source>
        <translation>VIP &apos;%1&apos; nennt die Gruppe &apos;%2&apos;, die es nicht gibt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>prefix %1 is listed twice in VIP &apos;%2&apos;</source>
        <translation>Präfix %1 steht zweimal in VIP &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>prefix %1 of VIP &apos;%2&apos; is already used by VIP &apos;%3&apos; (line %4)</source>
        <translation>Präfix %1 von VIP &apos;%2&apos; wird bereits von VIP &apos;%3&apos; verwendet (Zeile %4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a prefix belongs to one VIP; remove it from one of them</source>
        <translation>ein Präfix gehört zu einer VIP; es bei einer von beiden entfernen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>host &apos;%1&apos; is in groups &apos;%2&apos; and &apos;%3&apos;, which set different %4 (&apos;%5&apos; and &apos;%6&apos;)</source>
        <translation>Host &apos;%1&apos; ist in den Gruppen &apos;%2&apos; und &apos;%3&apos;, die verschiedene Werte für %4 setzen (&apos;%5&apos; und &apos;%6&apos;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set %1 on host &apos;%2&apos; itself, or the same value in both groups</source>
        <translation>%1 auf dem Host &apos;%2&apos; selbst setzen oder in beiden Gruppen denselben Wert</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>VIP &apos;%1&apos; has no haproxy stats_socket on host &apos;%2&apos;</source>
        <translation>VIP &apos;%1&apos; hat auf Host &apos;%2&apos; keinen HAProxy-stats_socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set &apos;haproxy: stats_socket: /run/haproxy/{vip}.sock&apos; in defaults, the group, the host or the VIP</source>
        <translation>&apos;haproxy: stats_socket: /run/haproxy/{vip}.sock&apos; in defaults, der Gruppe, dem Host oder der VIP setzen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>BIRD protocol name &apos;%1&apos; of VIP &apos;%2&apos; on host &apos;%3&apos; is not valid</source>
        <translation>BIRD-Protokollname &apos;%1&apos; der VIP &apos;%2&apos; auf Host &apos;%3&apos; ist ungültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BIRD names take letters, digits and &apos;_&apos;: set &apos;bird: vip_protocol: %1&apos; on the VIP</source>
        <translation>BIRD-Namen bestehen aus Buchstaben, Ziffern und &apos;_&apos;: &apos;bird: vip_protocol: %1&apos; an der VIP setzen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>group &apos;%1&apos; discovers VIPs but has no haproxy stats_socket for host &apos;%2&apos;</source>
        <translation>Gruppe &apos;%1&apos; findet VIPs selbst, hat aber keinen HAProxy-stats_socket für Host &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set &apos;haproxy: stats_socket: /run/haproxy/{vip}.sock&apos; in defaults, the group or the host</source>
        <translation>&apos;haproxy: stats_socket: /run/haproxy/{vip}.sock&apos; in defaults, der Gruppe oder dem Host setzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>group &apos;%1&apos; discovers VIPs, but stats_socket &apos;%2&apos; for host &apos;%3&apos; has no {vip} to glob</source>
        <translation>Gruppe &apos;%1&apos; findet VIPs selbst, aber stats_socket &apos;%2&apos; für Host &apos;%3&apos; enthält kein {vip} zum Suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>use a template with {vip}, like &apos;/run/haproxy/{vip}.sock&apos;</source>
        <translation>eine Vorlage mit {vip} verwenden, etwa &apos;/run/haproxy/{vip}.sock&apos;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unexpected &apos;%1&apos; where the first key should be; YAML then reads the whole file as empty</source>
        <translation>unerwartetes &apos;%1&apos;, wo der erste Schlüssel stehen sollte; YAML liest die ganze Datei dann als leer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>remove it; the file starts with keys like &apos;version: 1&apos; and &apos;hosts:&apos;</source>
        <translation>entfernen; die Datei beginnt mit Schlüsseln wie &apos;version: 1&apos; und &apos;hosts:&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>describe hosts, groups and VIPs as in resources/examples/fleet.yaml</source>
        <translation>Hosts, Gruppen und VIPs wie in resources/examples/fleet.yaml beschreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the top level must be a map, not %1</source>
        <translation>die oberste Ebene muss eine Map sein, nicht %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start with &apos;version: 1&apos; and the &apos;hosts:&apos;, &apos;groups:&apos; and &apos;vips:&apos; lists</source>
        <translation>mit &apos;version: 1&apos; und den Listen &apos;hosts:&apos;, &apos;groups:&apos; und &apos;vips:&apos; beginnen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file declares no VIPs and no group discovers VIPs</source>
        <translation>die Datei deklariert keine VIPs, und keine Gruppe findet VIPs selbst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add a &apos;vips:&apos; list, or &apos;discover: true&apos; on a group</source>
        <translation>eine Liste &apos;vips:&apos; hinzufügen oder &apos;discover: true&apos; an einer Gruppe setzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>YAML syntax: %1</source>
        <translation>YAML-Syntax: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check the indentation, brackets and quotes here and just before</source>
        <translation>Einrückung, Klammern und Anführungszeichen hier und kurz davor prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+54"/>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>check that it is a YAML text file</source>
        <translation>prüfen, dass es eine YAML-Textdatei ist</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>check the path and its permissions</source>
        <translation>den Pfad und seine Berechtigungen prüfen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>it is larger than 16 MiB</source>
        <translation>sie ist größer als 16 MiB</translation>
    </message>
    <message>
        <location filename="../core/inventory/valueparsers.cpp" line="-193"/>
        <source>duration &apos;%1&apos; has no unit</source>
        <translation>Dauer &apos;%1&apos; hat keine Einheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write &apos;%1s&apos; or &apos;%1ms&apos; (units: ms, s, m, h)</source>
        <translation>&apos;%1s&apos; oder &apos;%1ms&apos; schreiben (Einheiten: ms, s, m, h)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; is not a duration</source>
        <translation>&apos;%1&apos; ist keine Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write a whole number and a unit, like 500ms, 5s or 2m</source>
        <translation>eine ganze Zahl und eine Einheit schreiben, etwa 500ms, 5s oder 2m</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&apos;%1&apos; is not a size</source>
        <translation>&apos;%1&apos; ist keine Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write a whole number and a unit, like 512KiB, 16MiB or 1GiB (or a number of bytes)</source>
        <translation>eine ganze Zahl und eine Einheit schreiben, etwa 512KiB, 16MiB oder 1GiB (oder eine Anzahl Bytes)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>size &apos;%1&apos; is outside 4KiB to 1GiB</source>
        <translation>die Größe &apos;%1&apos; liegt außerhalb von 4KiB bis 1GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write a size between 4KiB and 1GiB, like 16MiB</source>
        <translation>eine Größe zwischen 4KiB und 1GiB schreiben, etwa 16MiB</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 &apos;%2&apos; has an IPv4 octet with a leading zero (&apos;%3&apos;), which is read as octal</source>
        <translation>%1 &apos;%2&apos; hat ein IPv4-Oktett mit führender Null (&apos;%3&apos;), das als Oktalzahl gelesen wird</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>: it would mean %1</source>
        <translation>: das bedeutete %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write %1 (no leading zeros)</source>
        <translation>%1 schreiben (ohne führende Nullen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 &apos;%2&apos; is not written as four decimal numbers: it would be read as %3</source>
        <translation>%1 &apos;%2&apos; ist nicht als vier Dezimalzahlen geschrieben: es würde als %3 gelesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>write %1</source>
        <translation>%1 schreiben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>write it like 203.0.113.10/32 or 2001:db8::10/128</source>
        <translation>so schreiben: 203.0.113.10/32 oder 2001:db8::10/128</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>&apos;%1&apos; is not an IPv4 or IPv6 prefix</source>
        <translation>&apos;%1&apos; ist kein IPv4- oder IPv6-Präfix</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prefix length &apos;%1&apos; of %2 is out of range for %3 (0-%4)</source>
        <translation>Präfixlänge &apos;%1&apos; von %2 liegt außerhalb des Bereichs für %3 (0-%4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>write %1/%2 for a single address</source>
        <translation>%1/%2 für eine einzelne Adresse schreiben</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>prefix %1 has host bits set beyond /%2</source>
        <translation>Präfix %1 hat Host-Bits jenseits von /%2 gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write %1/%2 for the network, or %3/%4 for a single address</source>
        <translation>%1/%2 für das Netz schreiben oder %3/%4 für eine einzelne Adresse</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no placeholders are allowed here</source>
        <translation>hier sind keine Platzhalter erlaubt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>placeholders here: %1</source>
        <translation>Platzhalter hier: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+24"/>
        <source>unbalanced &apos;{&apos; in template &apos;%1&apos;</source>
        <translation>unausgeglichenes &apos;{&apos; in der Vorlage &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>unbalanced &apos;}&apos; in template &apos;%1&apos;</source>
        <translation>unausgeglichenes &apos;}&apos; in der Vorlage &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>placeholder {%1} cannot be used in this template</source>
        <translation>Platzhalter {%1} kann in dieser Vorlage nicht verwendet werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown placeholder {%1} in template &apos;%2&apos;</source>
        <translation>unbekannter Platzhalter {%1} in der Vorlage &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>did you mean {%1}? %2</source>
        <translation>meinten Sie {%1}? %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>use one of: %1</source>
        <translation>eines davon verwenden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use one of: %1, ... (%2 more)</source>
        <translation>eines davon verwenden: %1, ... (%2 weitere)</translation>
    </message>
</context>
<context>
    <name>vipdeck::MainWindow</name>
    <message>
        <location filename="../views/mainwindow.cpp" line="+78"/>
        <location line="+562"/>
        <source>vipdeck</source>
        <translation>vipdeck</translation>
    </message>
    <message>
        <location line="-540"/>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Servers</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;VIP</source>
        <translation>&amp;VIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host</source>
        <translation>H&amp;ost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Audit</source>
        <translation>A&amp;udit</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show %1</source>
        <translation>%1 zeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notify about %1 again</source>
        <translation>Wieder über %1 benachrichtigen</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Mute notifications about %1 for %n hour(s)</source>
        <translation>
            <numerusform>Benachrichtigungen über %1 für %n Stunde stummschalten</numerusform>
            <numerusform>Benachrichtigungen über %1 für %n Stunden stummschalten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+97"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Fleet…</source>
        <translation>&amp;Flotte öffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;load Fleet File</source>
        <translation>Flottendatei neu &amp;laden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Export Report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quick Find…</source>
        <translation>&amp;Schnellsuche…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Poll Now</source>
        <translation>Jetzt &amp;abfragen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Overview &amp;Density</source>
        <translation>Übersichts&amp;dichte</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>&amp;Automatic (compact above %n hosts)</source>
        <translation>
            <numerusform>&amp;Automatisch (kompakt ab mehr als %n Host)</numerusform>
            <numerusform>&amp;Automatisch (kompakt ab mehr als %n Hosts)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;omfortable</source>
        <translation>Aus&amp;führlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compact</source>
        <translation>&amp;Kompakt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Se&amp;rvers</source>
        <translation>Se&amp;rver</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Drain Everywhere…</source>
        <translation>Überall &amp;drainen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Enable (Ready) Everywhere…</source>
        <translation>Überall &amp;aktivieren (Ready)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Maintenance Everywhere…</source>
        <translation>Überall in &amp;Wartung…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set &amp;Weight…</source>
        <translation>&amp;Gewicht setzen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Re&amp;load VIP…</source>
        <translation>VIP neu &amp;laden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a VIP in the VIP tab of a polled fleet first.</source>
        <translation>Zuerst eine VIP im Reiter VIP einer abgefragten Flotte öffnen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About vipdeck</source>
        <translation>Ü&amp;ber vipdeck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No fleet open: File &gt; Open Fleet (Ctrl+O)</source>
        <translation>Keine Flotte geöffnet: Datei &gt; Flotte öffnen (Strg+O)</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+44"/>
        <source>History unavailable</source>
        <translation>Verlauf nicht verfügbar</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>vipdeck console (pid %1, %2@%3)</source>
        <translation>vipdeck-Konsole (PID %1, %2@%3)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>History: opening</source>
        <translation>Verlauf: wird geöffnet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History: recording</source>
        <translation>Verlauf: Aufzeichnung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History: recorded elsewhere</source>
        <translation>Verlauf: wird anderswo aufgezeichnet</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>%1 — vipdeck</source>
        <translation>%1 — vipdeck</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Host key of %1 accepted; reconnecting.</source>
        <translation>Host-Schlüssel von %1 angenommen; verbinde neu.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>all healthy</source>
        <translation>alle gesund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 — vipdeck</source>
        <translation>%1 — %2 — vipdeck</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hosts reachable: %1/%2</source>
        <translation>Erreichbare Hosts: %1/%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not polling</source>
        <translation>Keine Abfrage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the last known state of %1 (%2 s old); first poll running…</source>
        <translation>Zeige den letzten bekannten Zustand von %1 (%2 s alt); erste Abfrage läuft…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First poll running…</source>
        <translation>Erste Abfrage läuft…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last poll %1 (%2 s ago)</source>
        <translation>Letzte Abfrage %1 (vor %2 s)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Operations running: %1</source>
        <translation>Laufende Operationen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No operation running</source>
        <translation>Keine Operation läuft</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Open a fleet to export its report.</source>
        <translation>Zuerst eine Flotte öffnen, um ihren Bericht zu exportieren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>polled by the console</source>
        <translation>von der Konsole abgefragt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Audit log unavailable: %1; server operations are refused until it can be written.</source>
        <translation>Audit-Protokoll nicht verfügbar: %1; Server-Operationen werden abgelehnt, bis es beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select one or more servers first.</source>
        <translation>Zuerst einen oder mehrere Server auswählen.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Cannot open fleet</source>
        <translation>Flotte kann nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 has %n problem(s); the fleet was not opened.</source>
        <translation>
            <numerusform>%1 hat %n Problem; die Flotte wurde nicht geöffnet.</numerusform>
            <numerusform>%1 hat %n Probleme; die Flotte wurde nicht geöffnet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix the file and open it again. The current fleet stays open.</source>
        <translation>Die Datei korrigieren und erneut öffnen. Die aktuelle Flotte bleibt geöffnet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open Fleet</source>
        <translation>Flotte öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fleet files (*.yaml *.yml);;All files (*)</source>
        <translation>Flottendateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>About vipdeck</source>
        <translation>Über vipdeck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;vipdeck %1&lt;/h3&gt;&lt;p&gt;Operations console for anycast HAProxy and BIRD load-balancer fleets.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;vipdeck %1&lt;/h3&gt;&lt;p&gt;Betriebskonsole für Anycast-Flotten von HAProxy- und BIRD-Load-Balancern.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vipdeck::PassphraseCache</name>
    <message>
        <location filename="../core/fleet/passphrasecache.cpp" line="+69"/>
        <source>The system keychain could not be read (%1).</source>
        <translation>Der Schlüsselbund des Systems konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The passphrase entered before did not open this key.</source>
        <translation>Die zuvor eingegebene Passphrase hat diesen Schlüssel nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passphrase stored in the system keychain did not open this key; it was deleted from the keychain.</source>
        <translation>Die im Schlüsselbund des Systems gespeicherte Passphrase hat diesen Schlüssel nicht geöffnet; sie wurde aus dem Schlüsselbund gelöscht.</translation>
    </message>
</context>
<context>
    <name>vipdeck::PassphraseDialog</name>
    <message>
        <location filename="../views/passphrase/passphrasedialog.cpp" line="+19"/>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase for %1</source>
        <translation>Passphrase für %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SSH identity file below is encrypted. Enter its passphrase to connect to %1; it is kept in memory for this session.</source>
        <translation>Die SSH-Schlüsseldatei unten ist verschlüsselt. Ihre Passphrase eingeben, um sich mit %1 zu verbinden; sie bleibt für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Key file:</source>
        <translation>Schlüsseldatei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stored once it opened the key; asked again if it stops working.</source>
        <translation>Wird gespeichert, sobald sie den Schlüssel geöffnet hat; wird erneut abgefragt, wenn sie nicht mehr passt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system keychain is available (Secret Service, KWallet).</source>
        <translation>Kein Schlüsselbund des Systems verfügbar (Secret Service, KWallet).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel skips this key until the fleet is opened again.</source>
        <translation>Abbrechen überspringt diesen Schlüssel, bis die Flotte erneut geöffnet wird.</translation>
    </message>
</context>
<context>
    <name>vipdeck::QtKeychainStore</name>
    <message>
        <location filename="../views/passphrase/qtkeychainstore.cpp" line="+92"/>
        <source>The system keychain did not answer within %1 s.</source>
        <translation>Der Schlüsselbund des Systems hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock the keychain, or enter the passphrase when asked.</source>
        <translation>Den Schlüsselbund entsperren oder die Passphrase eingeben, wenn sie abgefragt wird.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The system keychain failed: %1</source>
        <translation>Der Schlüsselbund des Systems ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is a Secret Service (GNOME Keyring, KWallet) running and unlocked?</source>
        <translation>Läuft ein Secret Service (GNOME Keyring, KWallet) und ist er entsperrt?</translation>
    </message>
</context>
<context>
    <name>vipdeck::QuickFindDialog</name>
    <message>
        <location filename="../views/quickfind/quickfinddialog.cpp" line="+20"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quick find</source>
        <translation>Schnellsuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VIP, host or server name…</source>
        <translation>Name einer VIP, eines Hosts oder Servers…</translation>
    </message>
</context>
<context>
    <name>vipdeck::RecentHistory</name>
    <message>
        <location filename="../models/recenthistory.cpp" line="+125"/>
        <source>Cannot create the directory for the recent history.</source>
        <translation>Das Verzeichnis für die jüngste Vorgeschichte kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the permissions of the cache directory.</source>
        <translation>Prüfen Sie die Berechtigungen des Cache-Verzeichnisses.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>Cannot write the recent history: %1</source>
        <translation>Die jüngste Vorgeschichte kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the free space and permissions of the cache directory.</source>
        <translation>Prüfen Sie freien Platz und Berechtigungen des Cache-Verzeichnisses.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the recent history: %1</source>
        <translation>Die jüngste Vorgeschichte kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>The recent history file is damaged.</source>
        <translation>Die Datei der jüngsten Vorgeschichte ist beschädigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is rebuilt as the console runs; delete it to silence this.</source>
        <translation>Sie wird neu aufgebaut, während die Konsole läuft; löschen Sie sie, damit diese Meldung verschwindet.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The recent history was written by another version of vipdeck.</source>
        <translation>Die jüngste Vorgeschichte wurde von einer anderen vipdeck-Version geschrieben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is rebuilt as the console runs.</source>
        <translation>Sie wird neu aufgebaut, während die Konsole läuft.</translation>
    </message>
</context>
<context>
    <name>vipdeck::Reload</name>
    <message>
        <location filename="../core/fleet/reloadoperation.cpp" line="+59"/>
        <source>unterminated quote</source>
        <translation>Anführungszeichen nicht geschlossen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>not started: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: dry run: pre-flight passed on %2; nothing was reloaded</source>
        <translation>%1: Probelauf: Vorabprüfung auf %2 bestanden; nichts wurde neu geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: dry run: pre-flight failed: %2; nothing was reloaded</source>
        <translation>%1: Probelauf: Vorabprüfung fehlgeschlagen: %2; nichts wurde neu geladen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 reloaded</source>
        <translation>%1 neu geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 skipped (failed pre-flight %2)</source>
        <translation>%1 übersprungen (Vorabprüfung %2 fehlgeschlagen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 not reloaded (stopped earlier)</source>
        <translation>%1 nicht neu geladen (vorher abgebrochen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed at %2: %3</source>
        <translation>%1 fehlgeschlagen bei %2: %3</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 expects exactly one path</source>
        <translation>%1 erwartet genau einen Pfad</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>server-state-file %1 is relative and no server-state-base is set</source>
        <translation>server-state-file %1 ist relativ, und kein server-state-base ist gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give an absolute path or set server-state-base</source>
        <translation>einen absoluten Pfad angeben oder server-state-base setzen</translation>
    </message>
</context>
<context>
    <name>vipdeck::ReloadDialog</name>
    <message>
        <location filename="../views/reload/reloaddialog.cpp" line="+42"/>
        <source>Reload %1</source>
        <translation>%1 neu laden</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Skip hosts that fail the pre-flight and reload the others (recorded as forced)</source>
        <translation>Hosts überspringen, die die Vorabprüfung nicht bestehen, und die anderen neu laden (als erzwungen protokolliert)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>First a pre-flight on every chosen host: reachable over SSH, haproxy -c, server state readable and savable; if a host fails it, nothing is reloaded. Then %1&apos;s HAProxy is reloaded one host at a time: config check, save the server state (drains survive), reload through the master socket, wait until the VIP is healthy and announced again, then the next host. Stops at the first failure. Drag to reorder; untick a host to leave it out.</source>
        <translation>Zuerst eine Vorabprüfung auf jedem gewählten Host: per SSH erreichbar, haproxy -c, Server-Zustand lesbar und speicherbar; besteht ein Host sie nicht, wird nichts neu geladen. Dann wird das HAProxy von %1 Host für Host neu geladen: Konfiguration prüfen, Server-Zustand sichern (Drains bleiben erhalten), über den Master-Socket neu laden, warten, bis die VIP wieder gesund und angekündigt ist, dann der nächste Host. Hält beim ersten Fehler an. Ziehen zum Umordnen; Haken entfernen, um einen Host auszulassen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Required: why (change id…)</source>
        <translation>Pflicht: warum (Change-ID…)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pre-flight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The output of haproxy -c appears here.</source>
        <translation>Hier erscheint die Ausgabe von haproxy -c.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Pre-flight</source>
        <translation>&amp;Vorabprüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run only the checks; nothing is reloaded</source>
        <translation>Nur die Prüfungen ausführen; nichts wird neu geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Hosts, in order:</source>
        <translation>Hosts, in dieser Reihenfolge:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Reload passing hosts</source>
        <translation>&amp;Bestandene Hosts neu laden</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+9"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+7"/>
        <location line="+1"/>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pre-flight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED: %1</source>
        <translation>FEHLGESCHLAGEN: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pre-flight failed: %1</source>
        <translation>Vorabprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not attempted</source>
        <translation>nicht versucht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pre-flight passed</source>
        <translation>Vorabprüfung bestanden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: done</source>
        <translation>%1: fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: failed</source>
        <translation>%1: fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>vipdeck::ReloadPreflight</name>
    <message>
        <location filename="../core/fleet/reloadpreflight.cpp" line="+79"/>
        <source>%1 is not placed on host %2</source>
        <translation>%1 ist nicht auf Host %2 platziert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not run: %1 is unreachable</source>
        <translation>nicht ausgeführt: %1 ist nicht erreichbar</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was reloaded; make %1 reachable over SSH and reload again</source>
        <translation>nichts wurde neu geladen; machen Sie %1 per SSH erreichbar und laden Sie erneut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SSH connects and runs commands</source>
        <translation>SSH verbindet und führt Befehle aus</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>haproxy -c failed: %1</source>
        <translation>haproxy -c fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing was reloaded; fix %1 on %2 (`haproxy -c -f %1` shows the errors) and reload again</source>
        <translation>nichts wurde neu geladen; beheben Sie %1 auf %2 (`haproxy -c -f %1` zeigt die Fehler) und laden Sie erneut</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+15"/>
        <source>nothing was reloaded</source>
        <translation>nichts wurde neu geladen</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>configuration valid</source>
        <translation>Konfiguration gültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configuration valid, %1 warning(s)</source>
        <translation>Konfiguration gültig, %1 Warnung(en)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the reload goes through the master socket; %1</source>
        <translation>das Neuladen läuft über den Master-Socket; %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>master answers; the state is not saved (on request)</source>
        <translation>Master antwortet; der Zustand wird nicht gesichert (auf Wunsch)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no server-state file configured; no runtime change to keep</source>
        <translation>keine Server-Zustandsdatei konfiguriert; keine Laufzeitänderung zu erhalten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the state cannot be read for saving; %1</source>
        <translation>der Zustand kann zum Sichern nicht gelesen werden; %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the SSH user may not write %1, where the server state is saved</source>
        <translation>der SSH-Benutzer darf %1 nicht schreiben, wo der Server-Zustand gesichert wird</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give the SSH user write access to %1; %2</source>
        <translation>geben Sie dem SSH-Benutzer Schreibrecht auf %1; %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 server(s) readable; saved to %2 before the reload</source>
        <translation>%1 Server lesbar; vor dem Neuladen in %2 gesichert</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>cannot read the configuration: %1</source>
        <translation>die Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the configuration loads no server-state file, so the reload would undo runtime changes: %1</source>
        <translation>die Konfiguration lädt keine Server-Zustandsdatei, das Neuladen würde also Laufzeitänderungen zurücknehmen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set server-state-file in global and load-server-state-from-file global in defaults, or reload without saving the state</source>
        <translation>setzen Sie server-state-file in global und load-server-state-from-file global in defaults, oder laden Sie ohne Sichern des Zustands neu</translation>
    </message>
</context>
<context>
    <name>vipdeck::ReloadRunner</name>
    <message>
        <location filename="../core/fleet/reloadoperationrunner.cpp" line="+133"/>
        <source>no VIP named %1 in the fleet</source>
        <translation>keine VIP namens %1 in der Flotte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check the name with `vipdeckctl vips`</source>
        <translation>den Namen mit `vipdeckctl vips` prüfen</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+199"/>
        <source>%1 is not placed on host %2</source>
        <translation>%1 ist nicht auf Host %2 platziert</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>its hosts are %1</source>
        <translation>ihre Hosts sind %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reloading %1 on %2 hosts needs a rolling reload</source>
        <translation>%1 auf %2 Hosts neu zu laden braucht einen rollierenden Reload</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>name one host (--host), or use --rolling: one host at a time</source>
        <translation>einen Host nennen (--host) oder --rolling verwenden: ein Host nach dem anderen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>dry run: not reloaded</source>
        <translation>Probelauf: nicht neu geladen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a reason is required to reload %1</source>
        <translation>für den Reload von %1 ist ein Grund nötig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give a reason, e.g. the ticket id (--reason)</source>
        <translation>einen Grund angeben, z. B. die Ticketnummer (--reason)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no audit store is open</source>
        <translation>kein Audit-Speicher geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the reload was not started: vipdeck never changes a fleet unaudited</source>
        <translation>der Reload wurde nicht gestartet: vipdeck ändert eine Flotte nie ohne Audit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>another reload in group %1 is running</source>
        <translation>ein anderer Reload in Gruppe %1 läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hosts of one group are reloaded one at a time; wait for it</source>
        <translation>die Hosts einer Gruppe werden nacheinander neu geladen; darauf warten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>pre-flight failed on %1: %2</source>
        <translation>Vorabprüfung auf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing was reloaded; fix what the pre-flight found and reload again</source>
        <translation>nichts wurde neu geladen; beheben Sie, was die Vorabprüfung fand, und laden Sie erneut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing was reloaded; fix what the pre-flight found and reload again, or reload only %1 with force (--force): %2 would keep the running configuration</source>
        <translation>nichts wurde neu geladen; beheben Sie, was die Vorabprüfung fand, und laden Sie erneut, oder laden Sie nur %1 erzwungen (--force) neu: %2 würde die laufende Konfiguration behalten</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the reload was not started: %1</source>
        <translation>der Reload wurde nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not reloaded: an earlier host failed</source>
        <translation>nicht neu geladen: ein früherer Host ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>skipped by pre-flight (forced): %1: %2</source>
        <translation>von der Vorabprüfung übersprungen (erzwungen): %1: %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>not reloaded: failed pre-flight %1</source>
        <translation>nicht neu geladen: Vorabprüfung %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>configuration valid</source>
        <translation>Konfiguration gültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configuration valid, %1 warning(s)</source>
        <translation>Konfiguration gültig, %1 Warnung(en)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>skipped on request</source>
        <translation>auf Wunsch übersprungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no server-state file configured; no runtime change to keep</source>
        <translation>keine server-state-Datei konfiguriert; keine Laufzeitänderung zu erhalten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 server(s) saved to %2</source>
        <translation>%1 Server gesichert nach %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>new worker %1 (was %2)</source>
        <translation>neuer Worker %1 (vorher %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>still answered by worker %1</source>
        <translation>antwortet noch über Worker %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no verdict</source>
        <translation>keine Bewertung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not announced over BGP</source>
        <translation>nicht über BGP angekündigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reloaded; worker %1 is %2 and announced</source>
        <translation>neu geladen; Worker %1 ist %2 und angekündigt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not healthy and announced %1 s after the reload: %2</source>
        <translation>%1 s nach dem Reload nicht gesund und angekündigt: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the new worker runs; look at the VIP before reloading the next host</source>
        <translation>der neue Worker läuft; die VIP prüfen, bevor der nächste Host neu geladen wird</translation>
    </message>
</context>
<context>
    <name>vipdeck::Report</name>
    <message>
        <location filename="../core/report/csvrenderer.cpp" line="+52"/>
        <source>The report has no table &apos;%1&apos;.</source>
        <translation>Der Bericht hat keine Tabelle &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose one of: %1.</source>
        <translation>Eine davon wählen: %1.</translation>
    </message>
    <message>
        <location filename="../core/report/htmlrenderer.cpp" line="+83"/>
        <location filename="../core/report/pdfrenderer.cpp" line="+254"/>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <location line="+75"/>
        <location filename="../core/report/pdfrenderer.cpp" line="+56"/>
        <source>No data for this chart.</source>
        <translation>Keine Daten für dieses Diagramm.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Fleet %1 · generated %2 · window %3 to %4 (history and audit entries)</source>
        <translation>Flotte %1 · erstellt %2 · Zeitraum %3 bis %4 (Verlauf und Audit-Einträge)</translation>
    </message>
    <message>
        <location filename="../core/report/pdfrenderer.cpp" line="-221"/>
        <source>Fleet %1  ·  generated %2</source>
        <translation>Flotte %1  ·  erstellt %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Window %1 to %2 (history and audit entries)</source>
        <translation>Zeitraum %1 bis %2 (Verlauf und Audit-Einträge)</translation>
    </message>
    <message>
        <location line="+181"/>
        <source> (continued)</source>
        <translation> (Fortsetzung)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location filename="../core/report/reportbuilder.cpp" line="+141"/>
        <location line="+183"/>
        <source>VIPs</source>
        <translation>VIPs</translation>
    </message>
    <message>
        <location line="-182"/>
        <location filename="../core/report/reporthistory.cpp" line="+36"/>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/report/reporthistory.cpp" line="+1"/>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/report/reporthistory.cpp" line="+1"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/report/reporthistory.cpp" line="+1"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+151"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Hosts reachable</source>
        <translation>Erreichbare Hosts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BGP sessions up</source>
        <translation>BGP-Sitzungen aufgebaut</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <location line="+160"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>Servers not ready</source>
        <translation>Nicht bereite Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit entries in the window</source>
        <translation>Audit-Einträge im Zeitraum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is %2: %3</source>
        <translation>%1 ist %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every VIP is healthy.</source>
        <translation>Jede VIP ist gesund.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fleet state read at %1 from %2.</source>
        <translation>Flottenzustand gelesen um %1 aus %2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (as %2 see(s) it)</source>
        <translation>%1 (wie %2 es sieht/sehen)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Anycast matrix: is each VIP announced on each host?</source>
        <translation>Anycast-Matrix: Ist jede VIP auf jedem Host angekündigt?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <location line="+51"/>
        <location line="+65"/>
        <location filename="../core/report/reporthistory.cpp" line="+18"/>
        <location line="+117"/>
        <location line="+26"/>
        <location line="+33"/>
        <location line="+14"/>
        <location line="+16"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="-143"/>
        <location line="+28"/>
        <location line="+51"/>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Every VIP on every host</source>
        <translation>Jede VIP auf jedem Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+116"/>
        <location line="+74"/>
        <location line="+10"/>
        <location filename="../core/report/reporthistory.cpp" line="-204"/>
        <location line="+116"/>
        <location line="+24"/>
        <location line="+35"/>
        <location line="+14"/>
        <location line="+16"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Announced</source>
        <translation>Angekündigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usable servers</source>
        <translation>Nutzbare Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5xx total</source>
        <translation>5xx gesamt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data age (s)</source>
        <translation>Datenalter (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worst reason</source>
        <translation>Schwerster Grund</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>no verdict</source>
        <translation>keine Bewertung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Anycast</source>
        <translation>Anycast</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every VIP with its verdict and reasons</source>
        <translation>Jede VIP mit Bewertung und Gründen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefixes</source>
        <translation>Präfixe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announced on</source>
        <translation>Angekündigt auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/report/reporthistory.cpp" line="-84"/>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 of %2 (%3 unknown)</source>
        <translation>%1 von %2 (%3 unbekannt)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Servers that are down, drained or in maintenance</source>
        <translation>Server, die DOWN, im Drain oder in Wartung sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every server is UP and ready.</source>
        <translation>Jeder Server ist UP und bereit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/report/reporthistory.cpp" line="+21"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../core/report/reporthistory.cpp" line="+1"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For (s)</source>
        <translation>Seit (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed by</source>
        <translation>Geändert von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+243"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+243"/>
        <location filename="../core/report/reporthistory.cpp" line="+6"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Audit #</source>
        <translation>Audit-Nr.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>audit log unavailable</source>
        <translation>Audit-Protokoll nicht verfügbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not in the audit log</source>
        <translation>nicht im Audit-Protokoll</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;Changed by&quot; is the newest audit entry naming the server. A server that went DOWN by itself (failed health checks) has no audit entry.</source>
        <translation>„Geändert von“ ist der neueste Audit-Eintrag, der den Server nennt. Ein Server, der von selbst DOWN ging (fehlgeschlagene Health-Checks), hat keinen Audit-Eintrag.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>BGP sessions per host</source>
        <translation>BGP-Sitzungen je Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No BGP session was read.</source>
        <translation>Keine BGP-Sitzung gelesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neighbor</source>
        <translation>Nachbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AS</source>
        <translation>AS</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <location filename="../core/report/reporthistory.cpp" line="-5"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BFD sessions per host</source>
        <translation>BFD-Sitzungen je Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No BFD session was read.</source>
        <translation>Keine BFD-Sitzung gelesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>BGP and BFD sessions</source>
        <translation>BGP- und BFD-Sitzungen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Sessions and 5xx of the worst VIPs</source>
        <translation>Sitzungen und 5xx der schlechtesten VIPs</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No charts: the fleet was read once, at %1. Charts need samples over a period (vipdeckctl report --sample 30s).</source>
        <translation>Keine Diagramme: die Flotte wurde einmal gelesen, um %1. Diagramme brauchen Messwerte über einen Zeitraum (vipdeckctl report --sample 30s).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sampled</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 samples from %2 to %3, %4. These charts cover only this period, not the whole report window.</source>
        <translation>%1 Messwerte von %2 bis %3, %4. Diese Diagramme decken nur diesen Zeitraum ab, nicht den ganzen Berichtszeitraum.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: current sessions per host</source>
        <translation>%1: aktuelle Sitzungen je Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: 5xx responses per second per host</source>
        <translation>%1: 5xx-Antworten pro Sekunde je Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5xx/s</source>
        <translation>5xx/s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 ok</source>
        <translation>%1 ok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 skipped</source>
        <translation>%1 übersprungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit log could not be read: %1</source>
        <translation>Das Audit-Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Audit entries from %1 to %2</source>
        <translation>Audit-Einträge von %1 bis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No audit entries in this window.</source>
        <translation>Keine Audit-Einträge in diesem Zeitraum.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>completed by #%1</source>
        <translation>abgeschlossen durch #%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (completes #%2)</source>
        <translation>%1 (schließt #%2 ab)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Audit log anchor when this report was made (record %1):
%2
Check later that the log still holds it: vipdeckctl audit verify --anchor %2</source>
        <translation>Anker des Audit-Protokolls beim Erstellen dieses Berichts (Eintrag %1):
%2
Später prüfen, ob das Protokoll ihn noch enthält: vipdeckctl audit verify --anchor %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The window holds more entries than the report lists; use vipdeckctl audit export for all of them.</source>
        <translation>Der Zeitraum enthält mehr Einträge, als der Bericht auflistet; vipdeckctl audit export liefert alle.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Fleet health report</source>
        <translation>Flotten-Gesundheitsbericht</translation>
    </message>
    <message>
        <location filename="../core/report/reportdocument.cpp" line="+46"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../core/report/reporthistory.cpp" line="-168"/>
        <source>Serving</source>
        <translation>Bedient</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+58"/>
        <source>Not recorded</source>
        <translation>Nicht aufgezeichnet</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Nothing was recorded in this window.</source>
        <translation>In diesem Zeitraum wurde nichts aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ongoing</source>
        <translation>andauernd</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded share</source>
        <translation>Aufgezeichneter Anteil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIPs critical at some time</source>
        <translation>Zeitweise kritische VIPs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawals</source>
        <translation>Rückzüge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drains and maintenance</source>
        <translation>Drains und Wartung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+162"/>
        <source>Reloads</source>
        <translation>Neuladungen</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Placements below min_up_servers</source>
        <translation>Platzierungen unter min_up_servers</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>History of the window</source>
        <translation>Verlauf im Zeitraum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no history store was read</source>
        <translation>es wurde kein Verlaufsspeicher gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No history for this window (%1): the rest of this report describes the fleet at the moment it was made. Run `vipdeckctl record` (or the vipdeck-record service) to keep one.</source>
        <translation>Kein Verlauf für diesen Zeitraum (%1): Der übrige Bericht beschreibt die Flotte zum Zeitpunkt seiner Erstellung. Starten Sie `vipdeckctl record` (oder den Dienst vipdeck-record), um einen Verlauf zu führen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time in each verdict, per VIP</source>
        <translation>Zeit je Bewertung, pro VIP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incidents: critical periods of a VIP or a host</source>
        <translation>Vorfälle: kritische Zeiten eines VIP oder Hosts</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+28"/>
        <location line="+80"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+28"/>
        <location line="+80"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+28"/>
        <location line="+80"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Ongoing</source>
        <translation>Andauernd</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (began earlier)</source>
        <translation>%1 (begann früher)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No VIP or host was critical in this window.</source>
        <translation>Kein VIP und kein Host war in diesem Zeitraum kritisch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drains and maintenance, with who and why</source>
        <translation>Drains und Wartung, mit wer und warum</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>By</source>
        <translation>Durch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit record</source>
        <translation>Audit-Eintrag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not through vipdeck</source>
        <translation>nicht über vipdeck</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No server was drained or in maintenance in this window.</source>
        <translation>In diesem Zeitraum war kein Server im Drain oder in Wartung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Announcement changes per placement</source>
        <translation>Änderungen der Ankündigung je Platzierung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announced again</source>
        <translation>Wieder angekündigt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No announcement changed in this window.</source>
        <translation>In diesem Zeitraum änderte sich keine Ankündigung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time below min_up_servers, per VIP and host</source>
        <translation>Zeit unter min_up_servers, pro VIP und Host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Below</source>
        <translation>Darunter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest</source>
        <translation>Am längsten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then</source>
        <translation>Dabei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No service backend was below min_up_servers in this window.</source>
        <translation>In diesem Zeitraum war kein Dienst-Backend unter min_up_servers.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HAProxy reloads and time it could not be read</source>
        <translation>HAProxy-Neuladungen und Zeit ohne Lesbarkeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not readable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No reload and no unreadable HAProxy in this window.</source>
        <translation>In diesem Zeitraum kein Neuladen und kein unlesbares HAProxy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time in each verdict, per VIP and host</source>
        <translation>Zeit je Bewertung, pro VIP und Host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time in each verdict, per host</source>
        <translation>Zeit je Bewertung, pro Host</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not recorded: nobody was looking</source>
        <translation>Nicht aufgezeichnet: niemand hat hingesehen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The whole window was recorded.</source>
        <translation>Der ganze Zeitraum wurde aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>vipdeck::ReportExportDialog</name>
    <message>
        <location filename="../views/report/reportexportdialog.cpp" line="+103"/>
        <location line="+357"/>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location line="-353"/>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML page</source>
        <translation>HTML-Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV table</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON document</source>
        <translation>JSON-Dokument</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A CSV file holds one table of the report.</source>
        <translation>Eine CSV-Datei enthält eine Tabelle des Berichts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since…</source>
        <translation>Seit…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV &amp;table:</source>
        <translation>CSV-&amp;Tabelle:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Speichern unter:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>The audit log could not be read (%1): the report says so and lists no changes.</source>
        <translation>Das Audit-Protokoll konnte nicht gelesen werden (%1): der Bericht sagt das und listet keine Änderungen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report could not be built: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n page(s), %1 KiB.</source>
        <translation>
            <numerusform>%n Seite, %1 KiB.</numerusform>
            <numerusform>%n Seiten, %1 KiB.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 KiB of %2.</source>
        <translation>%1 KiB von %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n row(s) of the table “%1”.</source>
        <translation>
            <numerusform>%n Zeile der Tabelle „%1“.</numerusform>
            <numerusform>%n Zeilen der Tabelle „%1“.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose where to save the report.</source>
        <translation>Wählen, wo der Bericht gespeichert wird.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Report written to %1 (%2 KiB).</source>
        <translation>Bericht nach %1 geschrieben (%2 KiB).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Writing the report…</source>
        <translation>Schreibe den Bericht…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Building the report…</source>
        <translation>Erstelle den Bericht…</translation>
    </message>
</context>
<context>
    <name>vipdeck::ReportExportJob</name>
    <message>
        <location filename="../views/report/reportexportjob.cpp" line="+78"/>
        <source>cannot write the report: %1 is a folder</source>
        <translation>der Bericht kann nicht geschrieben werden: %1 ist ein Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file name.</source>
        <translation>Einen Dateinamen wählen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create the report %1: %2</source>
        <translation>der Bericht %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a folder you can write to.</source>
        <translation>Einen Ordner wählen, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot write the report %1: %2</source>
        <translation>der Bericht %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Free some space on that disk or choose another folder.</source>
        <translation>Auf dem Datenträger Platz schaffen oder einen anderen Ordner wählen.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>cannot save the report %1: %2</source>
        <translation>der Bericht %1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>vipdeck::ReportPagePreview</name>
    <message>
        <location filename="../views/report/reportpagepreview.cpp" line="+33"/>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+91"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Fit width</source>
        <translation>Breite anpassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Zoom:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No pages</source>
        <translation>Keine Seiten</translation>
    </message>
</context>
<context>
    <name>vipdeck::ServerOperation</name>
    <message>
        <location filename="../core/fleet/serveroperation.cpp" line="+214"/>
        <location filename="../core/fleet/serveroperationrunner.cpp" line="+72"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no server name given</source>
        <translation>kein Servername angegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name the server as HAProxy knows it, e.g. web-07</source>
        <translation>den Server so nennen, wie HAProxy ihn kennt, z. B. web-07</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>weight %1 is out of range</source>
        <translation>Gewicht %1 liegt außerhalb des Bereichs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give an absolute weight from 0 to 256</source>
        <translation>ein absolutes Gewicht von 0 bis 256 angeben</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 on %2: no data yet%3; state and impact unknown</source>
        <translation>%1 auf %2: noch keine Daten%3; Zustand und Auswirkung unbekannt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 on %2: data from %3, the last read failed (%4)</source>
        <translation>%1 auf %2: Daten von %3, das letzte Lesen ist fehlgeschlagen (%4)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> in VIP %1</source>
        <translation> in VIP %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> on host %1</source>
        <translation> auf Host %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on %2: not read yet</source>
        <translation>%1 auf %2: noch nicht gelesen</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>no server named %1 where HAProxy could be read; it may be on the %n placement(s) that could not be read (%2)</source>
        <translation>
            <numerusform>kein Server namens %1, wo HAProxy gelesen werden konnte; er kann auf der %n Platzierung sein, die nicht gelesen werden konnte (%2)</numerusform>
            <numerusform>kein Server namens %1, wo HAProxy gelesen werden konnte; er kann auf den %n Platzierungen sein, die nicht gelesen werden konnten (%2)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing was changed; try again once they can be read (`vipdeckctl servers` lists them)</source>
        <translation>nichts wurde geändert; erneut versuchen, sobald sie gelesen werden können (`vipdeckctl servers` listet sie)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VIP %1 on %2</source>
        <translation>VIP %1 auf %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no server named %1</source>
        <translation>kein Server namens %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it exists outside --vip/--host: %1</source>
        <translation>es gibt ihn außerhalb von --vip/--host: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no server named %1 in the fleet</source>
        <translation>kein Server namens %1 in der Flotte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check the name with `vipdeckctl servers`</source>
        <translation>den Namen mit `vipdeckctl servers` prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did you mean %1?</source>
        <translation>meinten Sie %1?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>server %1 exists, but not where the filters point</source>
        <translation>Server %1 existiert, aber nicht dort, wohin die Filter zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>widen or correct --vip, --host or the backend</source>
        <translation>--vip, --host oder das Backend erweitern oder korrigieren</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>not started: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 targets done</source>
        <translation>%1 von %2 Zielen erledigt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; failed: %1</source>
        <translation>; fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../core/fleet/serveroperationrunner.cpp" line="-8"/>
        <source>server %1 is not in backend %2 any more</source>
        <translation>Server %1 ist nicht mehr in Backend %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the configuration changed since the preview: preview again</source>
        <translation>die Konfiguration hat sich seit der Vorschau geändert: Vorschau erneut anzeigen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>no audit store is open</source>
        <translation>kein Audit-Speicher geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the operation was not started: vipdeck never changes a fleet unaudited</source>
        <translation>die Operation wurde nicht gestartet: vipdeck ändert eine Flotte nie ohne Audit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the operation has no target</source>
        <translation>die Operation hat kein Ziel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a reason is required for %1 of %2</source>
        <translation>für %1 von %2 ist ein Grund nötig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give a reason, e.g. the ticket id (--reason)</source>
        <translation>einen Grund angeben, z. B. die Ticketnummer (--reason)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (backend %2 on %3: %4 usable server(s) left, needs %5)</source>
        <translation>%1 (Backend %2 auf %3: %4 nutzbare(r) Server übrig, braucht %5)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 would leave too few usable servers: %3</source>
        <translation>%1 von %2 würde zu wenige nutzbare Server übrig lassen: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>confirm explicitly with force (--force) to go ahead</source>
        <translation>ausdrücklich mit Force (--force) bestätigen, um fortzufahren</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>the operation was not started: %1</source>
        <translation>die Operation wurde nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>no connection to host %1</source>
        <translation>keine Verbindung zu Host %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is the host in the fleet file?</source>
        <translation>steht der Host in der Flottendatei?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not changed</source>
        <translation>nicht geändert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>could not read the server&apos;s state; nothing changed</source>
        <translation>der Zustand des Servers konnte nicht gelesen werden; nichts geändert</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>HAProxy did not apply the change</source>
        <translation>HAProxy hat die Änderung nicht übernommen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 session(s) left</source>
        <translation>%1 Sitzung(en) übrig</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the session count could not be read for %1 s; left in DRAIN, not in maint</source>
        <translation>die Zahl der Sitzungen konnte %1 s lang nicht gelesen werden; in DRAIN belassen, nicht in MAINT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 session(s) still open after %2 s; left in DRAIN, not in maint</source>
        <translation>%1 Sitzung(en) nach %2 s noch offen; in DRAIN belassen, nicht in MAINT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>wait longer, or put it in maint anyway (maint)</source>
        <translation>länger warten oder trotzdem in Wartung setzen (maint)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>applied; could not read it back (%1)</source>
        <translation>übernommen; konnte nicht zurückgelesen werden (%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>HAProxy accepted the change but reports %1 (flags 0x%2)</source>
        <translation>HAProxy hat die Änderung angenommen, meldet aber %1 (Flags 0x%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>something else holds the server in this state (configuration, tracking, DNS); look at `show servers state`</source>
        <translation>etwas anderes hält den Server in diesem Zustand (Konfiguration, Tracking, DNS); `show servers state` ansehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
</context>
<context>
    <name>vipdeck::ServerOperationDialog</name>
    <message>
        <location filename="../views/operations/serveroperationdialog.cpp" line="+31"/>
        <source>Drain</source>
        <translation>Drainen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enable (ready)</source>
        <translation>Aktivieren (Ready)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set weight</source>
        <translation>Gewicht setzen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Everywhere each server serves (every VIP, host, backend)</source>
        <translation>Überall, wo jeder Server dient (jede VIP, jeder Host, jedes Backend)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 servers</source>
        <translation>%1 Server</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Impact (usable servers)</source>
        <translation>Auswirkung (nutzbare Server)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Required: why (ticket id, incident…)</source>
        <translation>Pflicht: warum (Ticketnummer, Störung…)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Force: I know this leaves backends (in red) below their minimum of usable servers</source>
        <translation>Force: Mir ist klar, dass Backends (rot) damit unter ihr Minimum nutzbarer Server fallen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;verse what succeeded</source>
        <translation>Erfolgreiches &amp;rückgängig machen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Weight:</source>
        <translation>Gewicht:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>unknown: %1</source>
        <translation>unbekannt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 → %2 (minimum %3)</source>
        <translation>%1 → %2 (Minimum %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>BELOW THRESHOLD: %1</source>
        <translation>UNTER DER SCHWELLE: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — already in that state</source>
        <translation> — bereits in diesem Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Give a reason first</source>
        <translation>Zuerst einen Grund angeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick Force to act on backends left below their threshold</source>
        <translation>Force ankreuzen, um auf Backends unter ihrer Schwelle zu handeln</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit record #%1</source>
        <translation>Audit-Eintrag #%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: done</source>
        <translation>%1: fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: failed</source>
        <translation>%1: fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED: %1</source>
        <translation>FEHLGESCHLAGEN: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>not attempted</source>
        <translation>nicht versucht</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>reverse of audit #%1: %2</source>
        <translation>Umkehrung von Audit #%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reverse: %1</source>
        <translation>Umkehrung: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reversing: %1</source>
        <translation>Mache rückgängig: %1</translation>
    </message>
</context>
<context>
    <name>vipdeck::ServerTableModel</name>
    <message>
        <location filename="../models/servertablemodel.cpp" line="+140"/>
        <source>%1 (backup)</source>
        <translation>%1 (Backup)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 has different admin states on different hosts of %2</source>
        <translation>%1 hat auf verschiedenen Hosts von %2 verschiedene Admin-Zustände</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sess/s</source>
        <translation>Sitz./s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
</context>
<context>
    <name>vipdeck::ServerTableWidget</name>
    <message>
        <location filename="../views/servers/servertablewidget.cpp" line="+26"/>
        <source>Show only:</source>
        <translation>Nur zeigen:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DOWN</source>
        <translation>DOWN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servers whose checks fail</source>
        <translation>Server mit fehlschlagenden Checks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DRAIN</source>
        <translation>DRAIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drained servers</source>
        <translation>Server im Drain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAINT</source>
        <translation>MAINT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servers in maintenance</source>
        <translation>Server in Wartung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servers whose admin state differs between hosts</source>
        <translation>Server, deren Admin-Zustand sich zwischen Hosts unterscheidet</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search server, host, VIP, backend…</source>
        <translation>Server, Host, VIP, Backend suchen…</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1 of %2 servers</source>
        <translation>%1 von %2 Servern</translation>
    </message>
</context>
<context>
    <name>vipdeck::ServicePath</name>
    <message>
        <location filename="../core/fleet/servicepath.cpp" line="+90"/>
        <source>the directory holds no .cfg file HAProxy would read</source>
        <translation>das Verzeichnis enthält keine .cfg-Datei, die HAProxy lesen würde</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>check haproxy.config in the fleet file</source>
        <translation>prüfen Sie haproxy.config in der Flottendatei</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>no such file or directory</source>
        <translation>Datei oder Verzeichnis nicht gefunden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the output ended inside %1</source>
        <translation>die Ausgabe endete mitten in %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cat failed</source>
        <translation>cat ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>no bind of %1&apos;s configuration is on the VIP&apos;s addresses; every frontend counts as serving it</source>
        <translation>kein bind der Konfiguration von %1 liegt auf den Adressen des VIP; jedes Frontend zählt als dienend</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the configuration path is empty or holds a newline</source>
        <translation>der Konfigurationspfad ist leer oder enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the configuration could not be read%1</source>
        <translation>die Konfiguration konnte nicht gelesen werden%1</translation>
    </message>
</context>
<context>
    <name>vipdeck::SettingsDialog</name>
    <message>
        <location filename="../views/settings/settingsdialog.cpp" line="+37"/>
        <source>Desktop &amp;notifications when a VIP or host becomes critical or recovers</source>
        <translation>Desktop-&amp;Benachrichtigungen, wenn eine VIP oder ein Host kritisch wird oder sich erholt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the fleet&apos;s worst state in the system &amp;tray</source>
        <translation>Den schlechtesten Zustand der Flotte im &amp;Infobereich der Kontrollleiste zeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The new language takes effect after vipdeck is restarted. vipdeckctl uses it too.</source>
        <translation>Die neue Sprache gilt nach einem Neustart von vipdeck. vipdeckctl verwendet sie ebenfalls.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention:</source>
        <translation>Aufmerksamkeit:</translation>
    </message>
</context>
<context>
    <name>vipdeck::SnapshotStore</name>
    <message>
        <location filename="../core/fleet/snapshotstore.cpp" line="+357"/>
        <source>Cannot create the directory for the last known state.</source>
        <translation>Das Verzeichnis für den letzten bekannten Zustand kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the permissions of the cache directory.</source>
        <translation>Die Berechtigungen des Cache-Verzeichnisses prüfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Cannot write the last known state: %1</source>
        <translation>Der letzte bekannte Zustand kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the free space and permissions of the cache directory.</source>
        <translation>Freien Speicher und Berechtigungen des Cache-Verzeichnisses prüfen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the last known state: %1</source>
        <translation>Der letzte bekannte Zustand kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The last known state is corrupt: %1 at byte %2</source>
        <translation>Der letzte bekannte Zustand ist beschädigt: %1 bei Byte %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+7"/>
        <source>It is ignored and rewritten after the next poll.</source>
        <translation>Er wird ignoriert und nach der nächsten Abfrage neu geschrieben.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The last known state is not a vipdeck snapshot.</source>
        <translation>Der letzte bekannte Zustand ist kein vipdeck-Snapshot.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The last known state has format version %1; this vipdeck reads %2.</source>
        <translation>Der letzte bekannte Zustand hat die Formatversion %1; diese vipdeck-Version liest %2.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1: last known state, saved before the fleet was opened; the first poll is running</source>
        <translation>%1: letzter bekannter Zustand, gesichert vor dem Öffnen der Flotte; die erste Abfrage läuft</translation>
    </message>
</context>
<context>
    <name>vipdeck::SqlStore</name>
    <message>
        <location filename="../core/audit/sqlstore.cpp" line="+97"/>
        <source>no store path is set</source>
        <translation>kein Speicherpfad gesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the store path is a directory</source>
        <translation>der Speicherpfad ist ein Verzeichnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>the file does not exist</source>
        <translation>die Datei existiert nicht</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>cannot create the directory %1</source>
        <translation>Verzeichnis %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the store file</source>
        <translation>Speicherdatei lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the Qt SQL driver %1 is not installed</source>
        <translation>der Qt-SQL-Treiber %1 ist nicht installiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open the store</source>
        <translation>Speicher lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot switch to write-ahead logging: %1</source>
        <translation>Write-Ahead-Logging lässt sich nicht einschalten: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot set synchronous=%1: %2</source>
        <translation>synchronous=%1 lässt sich nicht setzen: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the store has schema version %1, newer than this vipdeck knows (%2)</source>
        <translation>der Speicher hat die Schemaversion %1, neuer als dieses vipdeck kennt (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>upgrade vipdeck on this workstation</source>
        <translation>Aktualisieren Sie vipdeck auf diesem Arbeitsplatz</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+26"/>
        <source>cannot read the schema version</source>
        <translation>Schemaversion lässt sich nicht lesen</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>cannot start a write transaction</source>
        <translation>Schreibtransaktion lässt sich nicht beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot lock the schema</source>
        <translation>Schema lässt sich nicht sperren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the schema table</source>
        <translation>Schematabelle lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>schema migration %1 failed</source>
        <translation>Schemamigration %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot record the schema version</source>
        <translation>Schemaversion lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot commit the schema migration</source>
        <translation>Schemamigration lässt sich nicht abschließen</translation>
    </message>
</context>
<context>
    <name>vipdeck::Transport</name>
    <message>
        <location filename="../core/ssh/localtransport.cpp" line="+437"/>
        <location filename="../core/ssh/shellquote.cpp" line="+20"/>
        <source>No command to run.</source>
        <translation>Kein Befehl zum Ausführen.</translation>
    </message>
    <message>
        <location filename="../core/ssh/shellquote.cpp" line="+6"/>
        <source>A command argument contains a NUL byte.</source>
        <translation>Ein Befehlsargument enthält ein NUL-Byte.</translation>
    </message>
    <message>
        <location filename="../core/ssh/transport.cpp" line="+11"/>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The reply grew past its limit of %1; the read was stopped and what had arrived was dropped.</source>
        <translation>Die Antwort wuchs über ihr Limit von %1; das Lesen wurde abgebrochen und das bereits Empfangene verworfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reply to &apos;%1&apos; grew past its limit of %2; the read was stopped and what had arrived was dropped.</source>
        <translation>Die Antwort auf &apos;%1&apos; wuchs über ihr Limit von %2; das Lesen wurde abgebrochen und das bereits Empfangene verworfen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>If the daemon&apos;s answers really are this large, raise the limit in the fleet file (haproxy.reply_limit or bird.reply_limit); otherwise check what answers on the socket.</source>
        <translation>Sind die Antworten des Dienstes wirklich so groß, das Limit in der Flottendatei erhöhen (haproxy.reply_limit oder bird.reply_limit); sonst prüfen, was auf dem Socket antwortet.</translation>
    </message>
    <message>
        <location filename="../core/ssh/globpattern.cpp" line="+29"/>
        <source>Use an absolute path whose only wildcard is &apos;*&apos;, for example /run/haproxy/*/stats.sock.</source>
        <translation>Einen absoluten Pfad verwenden, dessen einziger Platzhalter &apos;*&apos; ist, zum Beispiel /run/haproxy/*/stats.sock.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The glob pattern is not an absolute path.</source>
        <translation>Das Glob-Muster ist kein absoluter Pfad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The glob pattern is too long.</source>
        <translation>Das Glob-Muster ist zu lang.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The glob pattern contains &apos;%1&apos; at position %2, which is not allowed.</source>
        <translation>Das Glob-Muster enthält &apos;%1&apos; an Position %2, was nicht erlaubt ist.</translation>
    </message>
    <message>
        <location filename="../core/ssh/knownhosts.cpp" line="+180"/>
        <source>Cannot read the known_hosts file: %1</source>
        <translation>Die known_hosts-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not a host key to trust.</source>
        <translation>Kein Host-Schlüssel, dem vertraut werden kann.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 already has a different %2 key in known_hosts; vipdeck does not replace it.</source>
        <translation>%1 hat in known_hosts bereits einen anderen %2-Schlüssel; vipdeck ersetzt ihn nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If the host was really reinstalled, remove the old line (ssh-keygen -R) after checking the new fingerprint.</source>
        <translation>Wurde der Host wirklich neu installiert, die alte Zeile entfernen (ssh-keygen -R), nachdem der neue Fingerabdruck geprüft ist.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+15"/>
        <source>Cannot write the known_hosts file: %1</source>
        <translation>Die known_hosts-Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../core/ssh/localtransport.cpp" line="-393"/>
        <location line="+305"/>
        <location filename="../core/ssh/sshconnection.cpp" line="+1133"/>
        <source>No complete answer within %1 ms.</source>
        <translation>Keine vollständige Antwort innerhalb von %1 ms.</translation>
    </message>
    <message>
        <location line="-304"/>
        <location line="+307"/>
        <source>The daemon may be hung or overloaded; raise command_timeout if it is merely slow.</source>
        <translation>Der Dienst hängt oder ist überlastet; ist er nur langsam, command_timeout erhöhen.</translation>
    </message>
    <message>
        <location line="-298"/>
        <location line="+148"/>
        <location filename="../core/ssh/sshchannelop.cpp" line="+66"/>
        <location filename="../core/ssh/sshconnection.cpp" line="-1036"/>
        <source>The transport was closed.</source>
        <translation>Der Transport wurde geschlossen.</translation>
    </message>
    <message>
        <location line="-114"/>
        <location filename="../core/ssh/sshconnection.cpp" line="+197"/>
        <source>The socket does not exist.</source>
        <translation>Der Socket existiert nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/ssh/sshconnection.cpp" line="+1"/>
        <source>Check the socket path in the fleet file and that the daemon runs.</source>
        <translation>Den Socket-Pfad in der Flottendatei prüfen und ob der Dienst läuft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Permission denied on the socket.</source>
        <translation>Zugriff auf den Socket verweigert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give this user access to the socket, for example by adding it to the haproxy or bird group.</source>
        <translation>Diesem Benutzer Zugriff auf den Socket geben, zum Beispiel durch Aufnahme in die Gruppe haproxy oder bird.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing accepts connections on the socket.</source>
        <translation>Am Socket nimmt niemand Verbindungen an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The daemon may be stopped or restarting.</source>
        <translation>Der Dienst ist vielleicht gestoppt oder startet neu.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+416"/>
        <location filename="../core/ssh/sshconnection.cpp" line="-172"/>
        <location line="+16"/>
        <source>The socket path must be absolute.</source>
        <translation>Der Socket-Pfad muss absolut sein.</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Cannot start the command: %1</source>
        <translation>Der Befehl kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the program is installed.</source>
        <translation>Prüfen, dass das Programm installiert ist.</translation>
    </message>
    <message>
        <location filename="../core/ssh/privatekeyinfo.cpp" line="+46"/>
        <source>The OpenSSH private key file is damaged.</source>
        <translation>Die private OpenSSH-Schlüsseldatei ist beschädigt.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not a private key file.</source>
        <translation>Keine private Schlüsseldatei.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unknown private key format &quot;%1&quot;.</source>
        <translation>Unbekanntes Format des privaten Schlüssels „%1“.</translation>
    </message>
    <message>
        <location filename="../core/ssh/sshchannelop.cpp" line="+201"/>
        <source>Reading from the channel failed.</source>
        <translation>Lesen aus dem Kanal ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>sshd refused to connect to %1 port %2.</source>
        <translation>sshd hat die Verbindung zu %1 Port %2 verweigert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sshd refused to open the socket.</source>
        <translation>sshd hat das Öffnen des Sockets abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sshd refused a session channel.</source>
        <translation>sshd hat einen Session-Kanal abgelehnt.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>sshd refused to run the command.</source>
        <translation>sshd hat das Ausführen des Befehls abgelehnt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Closing the command&apos;s input failed.</source>
        <translation>Schließen der Eingabe des Befehls ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Writing to the socket failed.</source>
        <translation>Schreiben in den Socket ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Closing the channel failed.</source>
        <translation>Schließen des Kanals ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The channel closed unexpectedly.</source>
        <translation>Der Kanal wurde unerwartet geschlossen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Writing to the tunnel failed.</source>
        <translation>Schreiben in den Tunnel fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading from the tunnel failed.</source>
        <translation>Lesen aus dem Tunnel fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../core/ssh/sshconfig.cpp" line="+107"/>
        <source>Cannot read the SSH client configuration: %1</source>
        <translation>Die SSH-Client-Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>SSH client configuration Includes are nested more than %1 deep</source>
        <translation>Die Include-Anweisungen der SSH-Client-Konfiguration sind mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check for an Include loop.</source>
        <translation>Prüfen Sie, ob sich Include-Anweisungen im Kreis einbinden.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Match without criteria is ignored</source>
        <translation>Match ohne Kriterien wird ignoriert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;Match %1&quot; is not supported by vipdeck: the block is not applied (supported: all, host, originalhost, user)</source>
        <translation>„Match %1“ wird von vipdeck nicht unterstützt: der Block wird nicht angewendet (unterstützt: all, host, originalhost, user)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;Match %1&quot; needs a pattern list; the block is not applied</source>
        <translation>„Match %1“ braucht eine Musterliste; der Block wird nicht angewendet</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Port %1 is not a port number; ignored</source>
        <translation>Port %1 ist keine Portnummer; ignoriert</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;StrictHostKeyChecking %1&quot; is not followed: vipdeck connects only to hosts whose key is already in known_hosts (vipdeckctl trust adds one after you compared its fingerprint)</source>
        <translation>„StrictHostKeyChecking %1“ wird nicht befolgt: vipdeck verbindet sich nur mit Hosts, deren Schlüssel schon in known_hosts steht (vipdeckctl trust fügt einen hinzu, nachdem Sie seinen Fingerabdruck verglichen haben)</translation>
    </message>
    <message>
        <location filename="../core/ssh/sshconnection.cpp" line="+56"/>
        <source>Listing the matching paths failed.</source>
        <translation>Auflisten der passenden Pfade ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>sshd could not open the socket: it does not exist, the SSH user %1 may not use it, or sshd forbids socket forwarding.</source>
        <translation>sshd konnte den Socket nicht öffnen: er existiert nicht, der SSH-Benutzer %1 darf ihn nicht verwenden, oder sshd verbietet Socket-Weiterleitung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the path, the socket&apos;s group (add %1 to it) and AllowStreamLocalForwarding in sshd_config.</source>
        <translation>Den Pfad prüfen, die Gruppe des Sockets (%1 aufnehmen) und AllowStreamLocalForwarding in sshd_config.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The path exists but is not a UNIX socket.</source>
        <translation>Der Pfad existiert, ist aber kein UNIX-Socket.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the socket path in the fleet file.</source>
        <translation>Den Socket-Pfad in der Flottendatei prüfen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Permission denied on the socket for SSH user %1 (socket owned by %2:%3, mode %4).</source>
        <translation>Zugriff auf den Socket für SSH-Benutzer %1 verweigert (Socket gehört %2:%3, Modus %4).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The socket&apos;s mode denies even its owner: restore it (for HAProxy, `mode 660` on the `stats socket` line).</source>
        <translation>Der Modus des Sockets sperrt selbst den Besitzer aus: wiederherstellen (für HAProxy `mode 660` in der Zeile `stats socket`).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the SSH user to the %1 group (usermod -aG %1 %2) and make the socket group-writable (HAProxy: `stats socket ... mode 660 group %1`).</source>
        <translation>Den SSH-Benutzer in die Gruppe %1 aufnehmen (usermod -aG %1 %2) und den Socket für die Gruppe beschreibbar machen (HAProxy: `stats socket ... mode 660 group %1`).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the SSH user write access to the socket.</source>
        <translation>Dem SSH-Benutzer Schreibzugriff auf den Socket geben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SSH user %1 may not enter the socket&apos;s directory.</source>
        <translation>Der SSH-Benutzer %1 darf das Verzeichnis des Sockets nicht betreten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the SSH user search (x) permission on the directory.</source>
        <translation>Dem SSH-Benutzer das Suchrecht (x) auf das Verzeichnis geben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The socket exists but sshd could not connect to it.</source>
        <translation>Der Socket existiert, aber sshd konnte sich nicht mit ihm verbinden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The daemon may be stopped or restarting; if it runs, check AllowStreamLocalForwarding in sshd_config.</source>
        <translation>Der Dienst ist vielleicht gestoppt oder startet neu; läuft er, AllowStreamLocalForwarding in sshd_config prüfen.</translation>
    </message>
    <message>
        <location filename="../core/ssh/sshtarget.cpp" line="+68"/>
        <source>Use ProxyJump (or ssh.proxy_jump in the fleet file) for a jump host, or give the host&apos;s direct address in the fleet file.</source>
        <translation>Verwenden Sie ProxyJump (oder ssh.proxy_jump in der Flottendatei) für einen Jump-Host, oder geben Sie die direkte Adresse des Hosts in der Flottendatei an.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>More than %1 jump hosts in a row lead to %2: the SSH client configuration probably sends a host through itself (ProxyJump).</source>
        <translation>Mehr als %1 Jump-Hosts hintereinander führen zu %2: Die SSH-Client-Konfiguration leitet einen Host vermutlich über sich selbst (ProxyJump).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the ProxyJump lines of the SSH client configuration.</source>
        <translation>Prüfen Sie die ProxyJump-Zeilen der SSH-Client-Konfiguration.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The SSH client configuration reaches %1 through a ProxyCommand (%2); vipdeck does not run proxy commands.</source>
        <translation>Laut SSH-Client-Konfiguration wird %1 über ein ProxyCommand erreicht (%2); vipdeck führt keine Proxy-Befehle aus.</translation>
    </message>
    <message>
        <location filename="../core/ssh/sshconnection.cpp" line="+177"/>
        <source>Cannot create a socket pair for the jump host: %1</source>
        <translation>Kann kein Socket-Paar für den Jump-Host anlegen: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot reach %1 through the jump host %2: %3</source>
        <translation>%1 ist über den Jump-Host %2 nicht erreichbar: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (through the jump host %2)</source>
        <translation>%1 (über den Jump-Host %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot resolve %1: %2</source>
        <translation>%1 kann nicht aufgelöst werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the host&apos;s address in the fleet file.</source>
        <translation>Die Adresse des Hosts in der Flottendatei prüfen.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cannot connect to %1 port %2: %3</source>
        <translation>Keine Verbindung zu %1 Port %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check that sshd runs on the host and listens on that port, and that no firewall is in the way.</source>
        <translation>Prüfen, dass sshd auf dem Host läuft und an diesem Port lauscht und keine Firewall im Weg ist.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>libssh2 could not create a session.</source>
        <translation>libssh2 konnte keine Sitzung anlegen.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The SSH handshake with %1 failed.</source>
        <translation>Der SSH-Handshake mit %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that an OpenSSH server listens on port %1.</source>
        <translation>Prüfen, dass ein OpenSSH-Server an Port %1 lauscht.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The server sent no host key.</source>
        <translation>Der Server hat keinen Host-Schlüssel gesendet.</translation>
    </message>
    <message>
        <location filename="../core/ssh/hostkeycheck.cpp" line="+56"/>
        <source>The host key of %1 is not known: %2.</source>
        <translation>Der Host-Schlüssel von %1 ist nicht bekannt: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the fingerprint with the one the host&apos;s administrator gives you, then run: vipdeckctl trust %1</source>
        <translation>Den Fingerabdruck mit dem vergleichen, den der Administrator des Hosts nennt, dann ausführen: vipdeckctl trust %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The host key of %1 has CHANGED: it now offers %2, which does not match %3.</source>
        <translation>Der Host-Schlüssel von %1 hat sich GEÄNDERT: er bietet jetzt %2 an, was nicht zu %3 passt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone may be intercepting the connection, or the host was reinstalled. Verify the new fingerprint with the host&apos;s administrator; only then remove the old line (%1). vipdeck never accepts a changed key by itself.</source>
        <translation>Jemand fängt die Verbindung vielleicht ab, oder der Host wurde neu installiert. Den neuen Fingerabdruck mit dem Administrator des Hosts prüfen; erst dann die alte Zeile entfernen (%1). vipdeck nimmt einen geänderten Schlüssel nie von selbst an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The host key of %1 (%2) is marked as revoked in %3.</source>
        <translation>Der Host-Schlüssel von %1 (%2) ist in %3 als widerrufen markiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not connect to this host until its administrator replaced the key.</source>
        <translation>Nicht mit diesem Host verbinden, bis sein Administrator den Schlüssel ersetzt hat.</translation>
    </message>
    <message>
        <location filename="../core/ssh/sshauthenticator.cpp" line="+55"/>
        <source>listing methods failed: %1</source>
        <translation>Auflisten der Methoden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server offers only %1</source>
        <translation>der Server bietet nur %1 an</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ssh-agent (SSH_AUTH_SOCK is not set)</source>
        <translation>ssh-agent (SSH_AUTH_SOCK ist nicht gesetzt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ssh-agent (not reachable or no keys)</source>
        <translation>ssh-agent (nicht erreichbar oder keine Schlüssel)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>ssh-agent (IdentitiesOnly: none of its keys is an identity file&apos;s)</source>
        <translation>ssh-agent (IdentitiesOnly: keiner seiner Schlüssel gehört zu einer Identitätsdatei)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>agent key %1 %2 (%3)</source>
        <translation>Agent-Schlüssel %1 %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+89"/>
        <source>%1: refused</source>
        <translation>%1: abgelehnt</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: nicht lesbar (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: encrypted, no passphrase given</source>
        <translation>%1: verschlüsselt, keine Passphrase angegeben</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: wrong passphrase</source>
        <translation>%1: falsche Passphrase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: libssh2 cannot load it (%2)</source>
        <translation>%1: libssh2 kann ihn nicht laden (%2)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no key to offer</source>
        <translation>kein Schlüssel zum Anbieten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 refused the RSA key %2: libssh2 %3 signs RSA only with SHA-1 (ssh-rsa), which OpenSSH 8.8 and later refuse.</source>
        <translation>%1 hat den RSA-Schlüssel %2 abgelehnt: libssh2 %3 signiert RSA nur mit SHA-1 (ssh-rsa), was OpenSSH ab 8.8 ablehnt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use an ed25519 or ECDSA key (ssh-keygen -t ed25519) and add it to ~%1/.ssh/authorized_keys on the host.</source>
        <translation>Einen ed25519- oder ECDSA-Schlüssel verwenden (ssh-keygen -t ed25519) und ihn auf dem Host in ~%1/.ssh/authorized_keys eintragen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrong passphrase for %1.</source>
        <translation>Falsche Passphrase für %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the key&apos;s passphrase again, or load the key into ssh-agent with ssh-add.</source>
        <translation>Die Passphrase des Schlüssels erneut eingeben oder den Schlüssel mit ssh-add in den ssh-agent laden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The identity file %1 is encrypted and no passphrase was given.</source>
        <translation>Die Schlüsseldatei %1 ist verschlüsselt, und keine Passphrase wurde angegeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load the key into ssh-agent (ssh-add), or enter its passphrase when asked.</source>
        <translation>Den Schlüssel in den ssh-agent laden (ssh-add) oder seine Passphrase eingeben, wenn sie abgefragt wird.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Authentication as %1 on %2 failed; tried: %3.</source>
        <translation>Anmeldung als %1 auf %2 fehlgeschlagen; versucht: %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add one of these public keys to ~%1/.ssh/authorized_keys on the host, or set user, identity_file or use_agent in the fleet file.</source>
        <translation>Einen dieser öffentlichen Schlüssel auf dem Host in ~%1/.ssh/authorized_keys eintragen oder user, identity_file oder use_agent in der Flottendatei setzen.</translation>
    </message>
    <message>
        <location filename="../core/ssh/sshconnection.cpp" line="+79"/>
        <source>resolving the name</source>
        <translation>Namensauflösung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP connect</source>
        <translation>TCP-Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the jump host&apos;s channel</source>
        <translation>Kanal über den Jump-Host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SSH handshake</source>
        <translation>SSH-Handshake</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>authentication</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No SSH connection to %1 within %2 ms (stuck at: %3).</source>
        <translation>Keine SSH-Verbindung zu %1 innerhalb von %2 ms (hängt bei: %3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The host or its sshd may be down, frozen or unreachable; raise connect_timeout if it is merely slow.</source>
        <translation>Der Host oder sein sshd ist vielleicht ausgefallen, eingefroren oder nicht erreichbar; ist er nur langsam, connect_timeout erhöhen.</translation>
    </message>
    <message>
        <location line="+81"/>
        <location line="+250"/>
        <source>The SSH connection to %1 broke.</source>
        <translation>Die SSH-Verbindung zu %1 ist abgebrochen.</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>vipdeck reconnects by itself; if this repeats, check sshd on the host.</source>
        <translation>vipdeck verbindet sich selbst neu; wiederholt sich das, sshd auf dem Host prüfen.</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>No SSH connection to %1 within the time limit of %2 ms.</source>
        <translation>Keine SSH-Verbindung zu %1 innerhalb der Frist von %2 ms.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>sshd on %1 sent nothing in that time: the host or its sshd may be frozen or overloaded.</source>
        <translation>sshd auf %1 hat in dieser Zeit nichts gesendet: der Host oder sein sshd ist vielleicht eingefroren oder überlastet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The daemon behind it may be hung or overloaded; raise command_timeout if it is merely slow.</source>
        <translation>Der Dienst dahinter hängt oder ist überlastet; ist er nur langsam, command_timeout erhöhen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>sshd on %1 stopped answering (nothing for %2 s).</source>
        <translation>sshd auf %1 antwortet nicht mehr (seit %2 s nichts).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vipdeck keeps trying to reconnect.</source>
        <translation>vipdeck versucht weiter, sich neu zu verbinden.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>vipdeck reconnects by itself.</source>
        <translation>vipdeck verbindet sich selbst neu.</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>The SSH connection closed.</source>
        <translation>Die SSH-Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <location filename="../core/ssh/jumphost.cpp" line="+23"/>
        <source>The jump host &apos;%1&apos; is not valid: %2.</source>
        <translation>Der Jump-Host &apos;%1&apos; ist ungültig: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it as [user@]host[:port], like admin@bastion:22.</source>
        <translation>Schreiben Sie ihn als [user@]host[:port], etwa admin@bastion:22.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is empty</source>
        <translation>er ist leer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it holds a space or a control character</source>
        <translation>er enthält ein Leer- oder Steuerzeichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the user name is empty or starts with &apos;-&apos;</source>
        <translation>der Benutzername ist leer oder beginnt mit &apos;-&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;[&apos; without &apos;]&apos;</source>
        <translation>&apos;[&apos; ohne &apos;]&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>something other than &apos;:port&apos; follows &apos;]&apos;</source>
        <translation>auf &apos;]&apos; folgt etwas anderes als &apos;:port&apos;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the host is empty or starts with &apos;-&apos;</source>
        <translation>der Host ist leer oder beginnt mit &apos;-&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the port is not a number from 1 to 65535</source>
        <translation>der Port ist keine Zahl von 1 bis 65535</translation>
    </message>
</context>
<context>
    <name>vipdeck::Verdict</name>
    <message numerus="yes">
        <location filename="../core/fleet/verdict.cpp" line="+23"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+114"/>
        <source>stats page</source>
        <translation>eine Statistikseite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metrics exporter</source>
        <translation>ein Metrik-Exporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>health-only backend (its servers are tracked by others)</source>
        <translation>ein reines Health-Check-Backend (andere Server folgen seinen Servern per track)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>backend without servers</source>
        <translation>ein Backend ohne Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>backend no frontend of the VIP routes to</source>
        <translation>ein Backend, zu dem kein Frontend des VIP leitet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disabled backend</source>
        <translation>ein deaktiviertes Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>backend not listed in haproxy.backends</source>
        <translation>ein Backend, das nicht in haproxy.backends steht</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>HAProxy of %1 on %2 could not be read: %3</source>
        <translation>HAProxy von %1 auf %2 konnte nicht gelesen werden: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HAProxy of %1 on %2 has not been read yet</source>
        <translation>HAProxy von %1 auf %2 wurde noch nicht gelesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HAProxy of %1 on %2 could not be read: %3; its data is %4 old</source>
        <translation>HAProxy von %1 auf %2 konnte nicht gelesen werden: %3; seine Daten sind %4 alt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HAProxy data of %1 on %2 is %3 old</source>
        <translation>HAProxy-Daten von %1 auf %2 sind %3 alt</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+6"/>
        <location line="+208"/>
        <source>BIRD on %1 could not be read: %2</source>
        <translation>BIRD auf %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-211"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>BIRD on %1 has not been read yet</source>
        <translation>BIRD auf %1 wurde noch nicht gelesen</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 is unreachable</source>
        <translation>%1 ist nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIRD on %1 could not be read</source>
        <translation>BIRD auf %1 war nicht lesbar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, but %2 still hold(s) %3&apos;s path for %4: traffic still reaches %3</source>
        <translation>%1, aber %2 hält/halten noch den Pfad von %3 für %4: Verkehr erreicht %3 weiterhin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, and no observer (%2) holds a path from %3 for %4: withdrawn as the fabric sees it</source>
        <translation>%1, und kein Beobachter (%2) hält einen Pfad von %3 für %4: zurückgezogen, wie das Netz es sieht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>; no observer could be read (%1)</source>
        <translation>; kein Beobachter war lesbar (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; %1 hold(s) no path from %2, %3 could not be read</source>
        <translation>; %1 hält/halten keinen Pfad von %2, %3 war nicht lesbar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>BIRD on %1 exports %2, but no observer (%3) received it: check its BGP sessions and the observers&apos; import filters</source>
        <translation>BIRD auf %1 exportiert %2, aber kein Beobachter (%3) hat es empfangen: seine BGP-Sitzungen und die Importfilter der Beobachter prüfen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>BIRD on %1 does not export %2, but %3 still hold(s) %1&apos;s path for it: traffic may still reach %1</source>
        <translation>BIRD auf %1 exportiert %2 nicht, aber %3 hält/halten noch den Pfad von %1 dafür: Verkehr kann %1 weiterhin erreichen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the configuration of %1 on %2 could not be read (%3): every backend with servers counts as a service backend</source>
        <translation>die Konfiguration von %1 auf %2 konnte nicht gelesen werden (%3): jedes Backend mit Servern zählt als Service-Backend</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>haproxy.backends names %1, but HAProxy of %2 on %3 runs no backend of that name</source>
        <translation>haproxy.backends nennt %1, aber HAProxy von %2 auf %3 hat kein Backend dieses Namens</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>frontend %1 on %2 is stopped (it serves none of %3&apos;s traffic)</source>
        <translation>Frontend %1 auf %2 ist gestoppt (es bedient keinen Traffic von %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frontend %1 on %2 is stopped</source>
        <translation>Frontend %1 auf %2 ist gestoppt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>backend %1 on %2 has no UP server, but it is a %3 and carries none of %4&apos;s traffic</source>
        <translation>Backend %1 auf %2 hat keinen Server im Zustand UP, ist aber %3 und trägt keinen Traffic von %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (counted as a service backend: it has servers and no configuration says otherwise)</source>
        <translation> (als Service-Backend gezählt: es hat Server, und keine Konfiguration sagt etwas anderes)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is announced on %2 while backend %3 has no UP server: its traffic is lost</source>
        <translation>%1 ist auf %2 angekündigt, während Backend %3 keinen Server im Zustand UP hat: sein Traffic geht verloren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>backend %1 on %2 has no UP server</source>
        <translation>Backend %1 auf %2 hat keinen Server im Zustand UP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>backend %1 on %2 has %3 usable server(s), fewer than the %4 it needs</source>
        <translation>Backend %1 auf %2 hat %3 nutzbare(n) Server, weniger als die nötigen %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>backup server %1/%2 on %3 is DOWN%4</source>
        <translation>Backup-Server %1/%2 auf %3 ist DOWN%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server %1/%2 on %3 is DOWN%4 (in a %5)</source>
        <translation>Server %1/%2 auf %3 ist DOWN%4 (Teil von: %5)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>server %1/%2 on %3 is DOWN%4</source>
        <translation>Server %1/%2 auf %3 ist DOWN%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>server %1/%2 on %3 is in %4</source>
        <translation>Server %1/%2 auf %3 ist in %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>drain</source>
        <translation>Drain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>BGP session %1 to %2 on %3 is %4%5</source>
        <translation>BGP-Sitzung %1 zu %2 auf %3 ist %4%5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>BFD session to %1 on %2 is %3</source>
        <translation>BFD-Sitzung zu %1 auf %2 ist %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has not been read yet</source>
        <translation>%1 wurde noch nicht gelesen</translation>
    </message>
    <message>
        <location line="-200"/>
        <location line="+206"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>data of %1 is %2 old</source>
        <translation>Daten von %1 sind %2 alt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no BGP session</source>
        <translation>%1 hat keine BGP-Sitzung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>BGP session %1 to %2 is %3%4</source>
        <translation>BGP-Sitzung %1 zu %2 ist %3%4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no Established BGP session: it announces nothing</source>
        <translation>%1 hat keine BGP-Sitzung im Zustand Established: es kündigt nichts an</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>BFD session to %1 is %2</source>
        <translation>BFD-Sitzung zu %1 ist %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>observer %1 has not been read yet</source>
        <translation>Beobachter %1 wurde noch nicht gelesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>BIRD on observer %1 could not be read: %2</source>
        <translation>BIRD auf Beobachter %1 war nicht lesbar: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>observer %1 is unreachable: %2</source>
        <translation>Beobachter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>data of observer %1 is %2 old</source>
        <translation>Daten von Beobachter %1 sind %2 alt</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight %1 on %2</source>
        <translation>Gewicht %1 auf %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drift: %1 is %2</source>
        <translation>Drift: %1 ist %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>announcement unknown on %1</source>
        <translation>Ankündigung unbekannt auf %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>whether %1 announce(s) %2 is unknown: outage and redundancy are not judged until it is read</source>
        <translation>ob %1 %2 ankündigt, ist unbekannt: Ausfall und Redundanz werden erst beurteilt, wenn es gelesen ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is withdrawn on every host of %2: outage</source>
        <translation>%1 ist auf jedem Host von %2 zurückgezogen: Ausfall</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (but %1 still hold(s) a path for it)</source>
        <translation> (aber %1 hält/halten noch einen Pfad dafür)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (confirmed by %1: no path for it)</source>
        <translation> (bestätigt von %1: kein Pfad dafür)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is announced by %2 of %3 hosts (not by %4): no redundancy</source>
        <translation>%1 wird von %2 von %3 Hosts angekündigt (nicht von %4): keine Redundanz</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is announced by %2 at once; only the primary %3 should announce it</source>
        <translation>%1 wird von %2 gleichzeitig angekündigt; nur der Primary %3 sollte es ankündigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is announced by backup %2, not by primary %3</source>
        <translation>%1 wird vom Backup %2 angekündigt, nicht vom Primary %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>announced</source>
        <translation>angekündigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+37"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location line="-80"/>
        <location line="+45"/>
        <location line="+6"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
</context>
<context>
    <name>vipdeck::VipChartView</name>
    <message>
        <location filename="../views/vipdetails/vipchartview.cpp" line="+96"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5xx/s</source>
        <translation>5xx/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last hour (live)</source>
        <translation>Letzte Stunde (live)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longer windows come from the fleet&apos;s history store, recorded while the console is open or by `vipdeckctl record`; times nothing was recorded are gaps</source>
        <translation>Längere Zeiträume kommen aus dem Verlaufsspeicher der Flotte, aufgezeichnet, solange die Konsole offen ist, oder von `vipdeckctl record`; Zeiten ohne Aufzeichnung sind Lücken</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP 5xx</source>
        <translation>HTTP 5xx</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>last hour (live)</source>
        <translation>letzte Stunde (live)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last 24 hours</source>
        <translation>letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last 7 days</source>
        <translation>letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last 30 days</source>
        <translation>letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Traffic, %1</source>
        <translation>Verkehr, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP 5xx, %1</source>
        <translation>HTTP 5xx, %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No history store: only the last hour is shown.</source>
        <translation>Kein Verlaufsspeicher: nur die letzte Stunde wird gezeigt.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reading the history store…</source>
        <translation>Verlaufsspeicher wird gelesen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History unavailable: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Nothing recorded for %1 in this window.</source>
        <translation>Für %1 wurde in diesem Zeitraum nichts aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n gap(s) where nothing was recorded.</source>
        <translation>
            <numerusform>%n Lücke ohne Aufzeichnung.</numerusform>
            <numerusform>%n Lücken ohne Aufzeichnung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vipdeck::VipDetailsWidget</name>
    <message>
        <location filename="../views/vipdetails/vipdetailswidget.cpp" line="+53"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Announced</source>
        <translation>Angekündigt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BIRD protocol</source>
        <translation>BIRD-Protokoll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data age</source>
        <translation>Datenalter</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>VIP:</source>
        <translation>VIP:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hosts and announcements</source>
        <translation>Hosts und Ankündigungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict reasons</source>
        <translation>Gründe der Bewertung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No VIP selected</source>
        <translation>Keine VIP ausgewählt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — %2 (%3, group %4)</source>
        <translation>%1 — %2 (%3, Gruppe %4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2, group %3)</source>
        <translation>%1 (%2, Gruppe %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to report</source>
        <translation>Nichts zu melden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>▲ yes</source>
        <translation>▲ ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no (withdrawn)</source>
        <translation>nein (zurückgezogen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>? unknown</source>
        <translation>? unbekannt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (as %2 see(s) it)</source>
        <translation>%1 (wie %2 es sieht/sehen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1&apos;s BIRD could not be read; this is what the observers hold</source>
        <translation>BIRD von %1 war nicht lesbar; dies halten die Beobachter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>up</source>
        <translation>aufgebaut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>down</source>
        <translation>nicht aufgebaut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s (stale)</source>
        <translation>%1 s (veraltet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>vipdeck::VipHostMatrixModel</name>
    <message>
        <location filename="../models/viphostmatrixmodel.cpp" line="+30"/>
        <source>%1s old</source>
        <translation>%1 s alt</translation>
    </message>
    <message numerus="yes">
        <location line="+122"/>
        <source>observers: %1 of %n read</source>
        <translation>
            <numerusform>Beobachter: %1 von %n gelesen</numerusform>
            <numerusform>Beobachter: %1 von %n gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>observers: %1 of %n read (%2 not)</source>
        <translation>
            <numerusform>Beobachter: %1 von %n gelesen (%2 nicht)</numerusform>
            <numerusform>Beobachter: %1 von %n gelesen (%2 nicht)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>verdict of %1: %2</source>
        <translation>Bewertung von %1: %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 is not served by %2</source>
        <translation>%1 wird nicht von %2 bedient</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>prefix announced over BGP</source>
        <translation>Präfix über BGP angekündigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prefix NOT announced (withdrawn)</source>
        <translation>Präfix NICHT angekündigt (zurückgezogen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>announcement unknown: %1</source>
        <translation>Ankündigung unbekannt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>* as %1 see(s) it: the host&apos;s BIRD could not be read</source>
        <translation>* wie %1 es sieht/sehen: BIRD des Hosts war nicht lesbar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>announcement unknown</source>
        <translation>Ankündigung unbekannt</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>VIP verdict</source>
        <translation>VIP-Bewertung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VIP&apos;s own verdict over all its hosts, and its worst reason</source>
        <translation>Die Bewertung der VIP über alle ihre Hosts und ihr schwerster Grund</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>data is %1 s old (stale)</source>
        <translation>Daten sind %1 s alt (veraltet)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>announced</source>
        <translation>angekündigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not announced</source>
        <translation>nicht angekündigt</translation>
    </message>
</context>
<context>
    <name>vipdeck::cli</name>
    <message>
        <location filename="../app/cli/checkconfigcommand.cpp" line="+24"/>
        <location line="+10"/>
        <source>Usage: vipdeckctl check-config FILE</source>
        <translation>Aufruf: vipdeckctl check-config DATEI</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Checks a fleet file and prints every problem as FILE:LINE:COLUMN: error: ...,
or a one-line summary of the fleet.</source>
        <translation>Prüft eine Flottendatei und gibt jedes Problem als DATEI:ZEILE:SPALTE: error: ... aus,
oder eine einzeilige Zusammenfassung der Flotte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exit codes: 0 the file is valid, 1 it has errors, 2 usage error.</source>
        <translation>Exit-Codes: 0 die Datei ist gültig, 1 sie hat Fehler, 2 Aufruffehler.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%1: %n error(s); the fleet was not loaded.</source>
        <translation>
            <numerusform>%1: %n Fehler; die Flotte wurde nicht geladen.</numerusform>
            <numerusform>%1: %n Fehler; die Flotte wurde nicht geladen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="+147"/>
        <location line="+25"/>
        <source>Usage: vipdeckctl %1</source>
        <translation>Aufruf: vipdeckctl %1</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Exit codes: 0 ok, 1 failed somewhere, 2 usage or config error, 3 some hosts unreachable.</source>
        <translation>Exit-Codes: 0 ok, 1 irgendwo fehlgeschlagen, 2 Aufruf- oder Konfigurationsfehler, 3 manche Hosts nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.</source>
        <translation>Exit-Codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Validate a fleet file; print every problem, or a summary of the fleet</source>
        <translation>Eine Flottendatei prüfen; jedes Problem ausgeben oder eine Zusammenfassung der Flotte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fleet summary: hosts, the VIP x host matrix with verdicts, worst reasons</source>
        <translation>Flottenübersicht: Hosts, die Matrix VIP x Host mit Bewertungen, die schwersten Gründe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Polls every host once and prints the hosts, the verdict of every VIP on every host (+ announced over BGP) and the worst reasons.</source>
        <translation>Fragt jeden Host einmal ab und gibt die Hosts, die Bewertung jeder VIP auf jedem Host (+ über BGP angekündigt) und die schwersten Gründe aus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every VIP with its verdict per host and its reasons</source>
        <translation>Jede VIP mit ihrer Bewertung je Host und ihren Gründen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lists every VIP: prefixes, verdict, per host the verdict and the announcement, and every reason.</source>
        <translation>Listet jede VIP auf: Präfixe, Bewertung, je Host die Bewertung und die Ankündigung, und jeden Grund.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backend servers everywhere, filtered by name glob, --state, --vip, --host</source>
        <translation>Backend-Server überall, gefiltert nach Namensmuster, --state, --vip, --host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lists every backend server on every host (state, HAProxy status, weight, sessions, check). PATTERN is a glob on the server name, e.g. &apos;web-*&apos;.</source>
        <translation>Listet jeden Backend-Server auf jedem Host auf (Zustand, HAProxy-Status, Gewicht, Sitzungen, Check). MUSTER ist ein Glob auf den Servernamen, z. B. &apos;web-*&apos;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Changes between two polls, or continuously with --follow</source>
        <translation>Änderungen zwischen zwei Abfragen, oder fortlaufend mit --follow</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Polls twice, one poll interval apart, and prints what changed. With --follow it keeps polling and prints events as they happen (JSON: one object per line).</source>
        <translation>Fragt zweimal ab, eine Abfrageperiode auseinander, und gibt aus, was sich geändert hat. Mit --follow fragt es weiter ab und gibt Ereignisse aus, sobald sie eintreten (JSON: ein Objekt pro Zeile).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Monitoring plugin (Nagios, Icinga): status line, perfdata, exit 0-3</source>
        <translation>Monitoring-Plugin (Nagios, Icinga): Statuszeile, Leistungsdaten, Exit 0-3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Prometheus metrics (node_exporter textfile format) of one poll</source>
        <translation>Prometheus-Metriken (Textdatei-Format von node_exporter) einer Abfrage</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>Options:
  --fleet FILE     the fleet file (default: the last one vipdeck opened)
  --json           machine-readable output (schema in
                   /usr/share/doc/vipdeck/vipdeckctl.md.gz)
  --vip NAME       only this VIP
  --host NAME      only this host
  --state STATE    servers: up, down, drain or maint
  --follow         events: keep polling and print events as they come
  --interval SECS  events, watch: seconds between polls (default: the fleet&apos;s)
  --count N        events --follow, watch: stop after N polls
  --reason TEXT    why (required for changes; recorded in the audit log; no control
                   characters)
  --dry-run        show what a change would do, change nothing
  --yes            do not ask for confirmation
  --force          allow leaving a backend below its UP-server threshold;
                   reload: skip hosts that fail the pre-flight
  --wait-sessions SECS  maint: drain first, wait up to SECS for sessions to end
  --rolling        reload: every host of the VIP&apos;s group, one at a time
  --audit URL      the audit log (default: settings &apos;audit/url&apos;, else SQLite)
  --local          read the sockets on this machine instead of over SSH
  --no-color       no colours on a terminal
  --fail-on LEVEL  status, vips: exit 1 when a VIP is unknown, degraded or
                   critical (LEVEL) or worse
  --group NAME     check: only this group&apos;s VIPs and hosts
  -w, --warning RANGE   check: WARNING when the measure is outside RANGE
  -c, --critical RANGE  check: CRITICAL when the measure is outside RANGE
  --on WHAT        check: what -w/-c measure: announcing (hosts announcing each
                   VIP, the default) or up (usable servers of each backend)
  -t, --timeout SECS    check: UNKNOWN when the fleet has not answered by then
                   (default 30)
  -o, --output FILE     metrics: write to FILE (atomically) instead of stdout
</source>
        <translation>Optionen:
  --fleet DATEI    die Flottendatei (Vorgabe: die zuletzt von vipdeck geöffnete)
  --json           maschinenlesbare Ausgabe (Schema in
                   /usr/share/doc/vipdeck/vipdeckctl.md.gz)
  --vip NAME       nur diese VIP
  --host NAME      nur dieser Host
  --state ZUSTAND  servers: up, down, drain oder maint
  --follow         events: weiter abfragen und Ereignisse ausgeben, sobald sie eintreten
  --interval SEK   events, watch: Sekunden zwischen Abfragen (Vorgabe: die der Flotte)
  --count N        events --follow, watch: nach N Abfragen aufhören
  --reason TEXT    warum (Pflicht für Änderungen; im Audit-Protokoll festgehalten; keine
                   Steuerzeichen)
  --dry-run        zeigen, was eine Änderung täte, nichts ändern
  --yes            nicht nach Bestätigung fragen
  --force          erlauben, ein Backend unter seine Schwelle an UP-Servern zu bringen;
                   reload: Hosts überspringen, die die Vorabprüfung nicht bestehen
  --wait-sessions SEK  maint: erst drainen, bis zu SEK auf das Ende der Sitzungen warten
  --rolling        reload: jeder Host der Gruppe der VIP, einer nach dem anderen
  --audit URL      das Audit-Protokoll (Vorgabe: Einstellung &apos;audit/url&apos;, sonst SQLite)
  --local          die Sockets auf diesem Rechner statt über SSH lesen
  --no-color       keine Farben im Terminal
  --fail-on STUFE  status, vips: Exit 1, wenn eine VIP unbekannt, beeinträchtigt oder
                   kritisch (STUFE) oder schlechter ist
  --group NAME     check: nur die VIPs und Hosts dieser Gruppe
  -w, --warning BEREICH   check: WARNING, wenn der Messwert außerhalb von BEREICH liegt
  -c, --critical BEREICH  check: CRITICAL, wenn der Messwert außerhalb von BEREICH liegt
  --on WAS         check: was -w/-c messen: announcing (ankündigende Hosts je VIP,
                   Standard) oder up (nutzbare Server je Backend)
  -t, --timeout SEK  check: UNKNOWN, wenn die Flotte bis dahin nicht geantwortet hat
                   (Standard 30)
  -o, --output DATEI    metrics: in DATEI schreiben (atomar) statt auf die Standardausgabe
</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Polls the fleet once and answers as a monitoring plugin: one status line with performance data, a line per problem, exit 0 OK, 1 WARNING (a degraded VIP), 2 CRITICAL, 3 UNKNOWN (unreadable data, a timeout, a usage error). RANGE follows the Monitoring Plugins guidelines: &apos;2:&apos; alerts below 2. See /usr/share/doc/vipdeck/monitoring.md.gz.</source>
        <translation>Fragt die Flotte einmal ab und antwortet als Monitoring-Plugin: eine Statuszeile mit Leistungsdaten, eine Zeile je Problem, Exit 0 OK, 1 WARNING (eine beeinträchtigte VIP), 2 CRITICAL, 3 UNKNOWN (nicht lesbare Daten, eine Zeitüberschreitung, ein Aufruffehler). BEREICH folgt den Monitoring-Plugins-Richtlinien: &apos;2:&apos; warnt unter 2. Siehe /usr/share/doc/vipdeck/monitoring.md.gz.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Polls every host once and writes the verdicts, announcements, server states and sessions, BGP and BFD sessions in the Prometheus text format: to FILE, replaced atomically (point node_exporter&apos;s textfile collector at its folder), or to standard output. See /usr/share/doc/vipdeck/monitoring.md.gz.</source>
        <translation>Fragt jeden Host einmal ab und schreibt die Bewertungen, Ankündigungen, Server-Zustände und Sitzungen, BGP- und BFD-Sitzungen im Prometheus-Textformat: nach DATEI, atomar ersetzt (den Textdatei-Collector von node_exporter auf ihren Ordner richten), oder auf die Standardausgabe. Siehe /usr/share/doc/vipdeck/monitoring.md.gz.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Live status view, redrawn at every poll until Ctrl+C</source>
        <translation>Live-Statusansicht, bei jeder Abfrage neu gezeichnet bis Strg+C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redraws the status view in place at the poll interval until Ctrl+C. When the output is not a terminal, prints one status per poll.</source>
        <translation>Zeichnet die Statusansicht im Abfrageintervall an Ort und Stelle neu bis Strg+C. Ist die Ausgabe kein Terminal, wird je Abfrage ein Status ausgegeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show a host&apos;s SSH key fingerprint and add it to known_hosts</source>
        <translation>Den SSH-Schlüssel-Fingerabdruck eines Hosts zeigen und zu known_hosts hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetches the host key HOST offers, prints its type and SHA256 fingerprint and, once confirmed, adds it to the host&apos;s known_hosts. A changed key is refused: edit known_hosts yourself.</source>
        <translation>Holt den Host-Schlüssel, den HOST anbietet, gibt Typ und SHA256-Fingerabdruck aus und fügt ihn nach Bestätigung zu known_hosts des Hosts hinzu. Ein geänderter Schlüssel wird abgelehnt: known_hosts selbst bearbeiten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drain a server wherever it serves (narrow with --vip/--host)</source>
        <translation>Einen Server überall drainen, wo er dient (mit --vip/--host eingrenzen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sets SERVER to DRAIN on every VIP, host and backend where it serves: a preview first, then confirmation, then every target in parallel.</source>
        <translation>Setzt SERVER auf DRAIN in jeder VIP, auf jedem Host und in jedem Backend, wo er dient: erst eine Vorschau, dann die Bestätigung, dann alle Ziele parallel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put a server back in service</source>
        <translation>Einen Server wieder in Betrieb nehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sets SERVER to READY wherever it serves.</source>
        <translation>Setzt SERVER überall, wo er dient, auf READY.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put a server in maintenance</source>
        <translation>Einen Server in Wartung setzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sets SERVER to MAINT wherever it serves. With --wait-sessions it is drained first and put in maintenance once its sessions reach zero (or fails after SECS, left in DRAIN).</source>
        <translation>Setzt SERVER überall, wo er dient, auf MAINT. Mit --wait-sessions wird er zuerst gedraint und in Wartung gesetzt, sobald seine Sitzungen null erreichen (oder schlägt nach SEK fehl und bleibt in DRAIN).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set a server&apos;s weight (0-256)</source>
        <translation>Das Gewicht eines Servers setzen (0-256)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sets SERVER&apos;s weight to N wherever it serves.</source>
        <translation>Setzt das Gewicht von SERVER überall, wo er dient, auf N.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload a VIP&apos;s HAProxy on one host or rolling</source>
        <translation>HAProxy einer VIP auf einem Host oder rollierend neu laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First a pre-flight on every host (reachable over SSH, haproxy -c, server state readable and savable); if a host fails it nothing is reloaded. Then per host: checks the config, saves the server state, reloads through the master socket, confirms the new worker and waits until the VIP is healthy and announced. --rolling does every host of the group one at a time and stops at the first failure. --dry-run runs only the pre-flight; --force skips the hosts that fail it and reloads the others (audited as forced). Exit 3 when the pre-flight failed only on unreachable hosts.</source>
        <translation>Zuerst eine Vorabprüfung auf jedem Host (per SSH erreichbar, haproxy -c, Server-Zustand lesbar und speicherbar); besteht ein Host sie nicht, wird nichts neu geladen. Dann pro Host: prüft die Konfiguration, sichert den Server-Zustand, lädt über den Master-Socket neu, bestätigt den neuen Worker und wartet, bis die VIP gesund und angekündigt ist. --rolling nimmt jeden Host der Gruppe nacheinander und hält beim ersten Fehler an. --dry-run führt nur die Vorabprüfung aus; --force überspringt die Hosts, die sie nicht bestehen, und lädt die anderen neu (als erzwungen protokolliert). Exit 3, wenn die Vorabprüfung nur an nicht erreichbaren Hosts scheiterte.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The audit log of every change (see &apos;vipdeckctl audit --help&apos;)</source>
        <translation>Das Audit-Protokoll jeder Änderung (siehe &apos;vipdeckctl audit --help&apos;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the fleet&apos;s history until stopped (see &apos;vipdeckctl record --help&apos;)</source>
        <translation>Verlauf der Flotte aufzeichnen, bis sie beendet wird (siehe &apos;vipdeckctl record --help&apos;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health report as PDF, HTML, CSV or JSON (see &apos;vipdeckctl report --help&apos;)</source>
        <translation>Gesundheitsbericht als PDF, HTML, CSV oder JSON (siehe &apos;vipdeckctl report --help&apos;)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Usage: vipdeckctl [-V|--version] [-h|--help] COMMAND [OPTIONS]</source>
        <translation>Aufruf: vipdeckctl [-V|--version] [-h|--help] BEFEHL [OPTIONEN]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operations console for anycast HAProxy/BIRD load-balancer fleets.</source>
        <translation>Betriebskonsole für Anycast-Flotten von HAProxy/BIRD-Load-Balancern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run &apos;vipdeckctl COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>&apos;vipdeckctl BEFEHL --help&apos; zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit codes: 0 ok, 1 failed somewhere, 2 usage or config error, 3 hosts unreachable.</source>
        <translation>Exit-Codes: 0 ok, 1 irgendwo fehlgeschlagen, 2 Aufruf- oder Konfigurationsfehler, 3 Hosts nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>vipdeckctl: write the options of &apos;%1&apos; after it.</source>
        <translation>vipdeckctl: die Optionen von &apos;%1&apos; dahinter schreiben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>vipdeckctl: unknown command &apos;%1&apos;.</source>
        <translation>vipdeckctl: unbekannter Befehl &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &apos;vipdeckctl --help&apos; for the list of commands.</source>
        <translation>&apos;vipdeckctl --help&apos; zeigt die Liste der Befehle.</translation>
    </message>
    <message>
        <location filename="../app/cli/confirm.cpp" line="+24"/>
        <source>vipdeckctl: refusing to change anything without confirmation: stdin is not a terminal. Pass --yes to confirm on the command line.</source>
        <translation>vipdeckctl: ohne Bestätigung wird nichts geändert: stdin ist kein Terminal. --yes übergeben, um auf der Kommandozeile zu bestätigen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>[yes/no]</source>
        <translation>[yes/no]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../app/cli/fleetsession.cpp" line="+51"/>
        <source>vipdeckctl: %1 has errors; fix them (see &apos;vipdeckctl check-config %1&apos;).</source>
        <translation>vipdeckctl: %1 hat Fehler; bitte beheben (siehe &apos;vipdeckctl check-config %1&apos;).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>polled %1 of %2 hosts</source>
        <translation>%1 von %2 Hosts abgefragt</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>polling %n host(s)...</source>
        <translation>
            <numerusform>frage %n Host ab...</numerusform>
            <numerusform>frage %n Hosts ab...</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>vipdeckctl: %1 is unreachable: %2</source>
        <translation>vipdeckctl: %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <location filename="../app/cli/fleettext.cpp" line="+71"/>
        <source>announcement unknown</source>
        <translation>Ankündigung unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (as %2 see(s) it)</source>
        <translation>%1 (wie %2 es sieht/sehen)</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%1 at %2: %3 of %4 hosts reachable; %n VIP(s)</source>
        <translation>
            <numerusform>%1 um %2: %3 von %4 Hosts erreichbar; %n VIP</numerusform>
            <numerusform>%1 um %2: %3 von %4 Hosts erreichbar; %n VIPs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+170"/>
        <location filename="../app/cli/operationcommands.cpp" line="+155"/>
        <location line="+230"/>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <location line="-170"/>
        <location line="+25"/>
        <source>REACHABLE</source>
        <translation>ERREICHBAR</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+25"/>
        <source>HEALTH</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>BGP</source>
        <translation>BGP</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+26"/>
        <source>AGE</source>
        <translation>ALTER</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+24"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+24"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>%1/%2 established</source>
        <translation>%1/%2 aufgebaut</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>OBSERVER</source>
        <translation>BEOBACHTER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP PATHS</source>
        <translation>VIP-PFADE</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 of %n VIP(s)</source>
        <translation>
            <numerusform>%1 von %n VIP</numerusform>
            <numerusform>%1 von %n VIPs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+122"/>
        <location filename="../app/cli/operationcommands.cpp" line="-230"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>VIP VERDICT</source>
        <translation>VIP-BEWERTUNG</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(+ announced over BGP, - withdrawn, ? unknown: the host or its BIRD could not be read, . not placed there)</source>
        <translation>(+ über BGP angekündigt, - zurückgezogen, ? unbekannt: Host oder sein BIRD nicht lesbar, . dort nicht platziert)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(* as the observers see it: the host&apos;s BIRD could not be read)</source>
        <translation>(* wie die Beobachter es sehen: BIRD des Hosts war nicht lesbar)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Worst reasons:</source>
        <translation>Schwerste Gründe:</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>  ... and %n more (see &apos;vipdeckctl vips&apos;)</source>
        <translation>
            <numerusform>  ... und %n weiterer (siehe &apos;vipdeckctl vips&apos;)</numerusform>
            <numerusform>  ... und %n weitere (siehe &apos;vipdeckctl vips&apos;)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../app/cli/operationcommands.cpp" line="+0"/>
        <source>BACKEND</source>
        <translation>BACKEND</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SERVER</source>
        <translation>SERVER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/cli/operationcommands.cpp" line="+1"/>
        <source>WEIGHT</source>
        <translation>GEWICHT</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/operationcommands.cpp" line="+0"/>
        <source>SESSIONS</source>
        <translation>SITZUNGEN</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/cli/operationcommands.cpp" line="+229"/>
        <source>CHECK</source>
        <translation>CHECK</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (backup)</source>
        <translation> (Backup)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n Server</numerusform>
            <numerusform>%n Server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>; INCOMPLETE: %n placement(s) could not be read:</source>
        <translation>
            <numerusform>; UNVOLLSTÄNDIG: %n Platzierung konnte nicht gelesen werden:</numerusform>
            <numerusform>; UNVOLLSTÄNDIG: %n Platzierungen konnten nicht gelesen werden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> (its rows above are %n s old)</source>
        <translation>
            <numerusform> (ihre Zeilen oben sind %n s alt)</numerusform>
            <numerusform> (ihre Zeilen oben sind %n s alt)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (none of its servers is listed)</source>
        <translation> (keiner ihrer Server ist aufgeführt)</translation>
    </message>
    <message>
        <location filename="../app/cli/fleetview.cpp" line="+73"/>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>the fleet has no VIP &apos;%1&apos;.</source>
        <translation>die Flotte hat keine VIP &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known VIPs: %1.</source>
        <translation>Bekannte VIPs: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the fleet has no host &apos;%1&apos;.</source>
        <translation>die Flotte hat keinen Host &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known hosts: %1.</source>
        <translation>Bekannte Hosts: %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/globaloptions.cpp" line="+32"/>
        <source>Run &apos;vipdeckctl COMMAND --help&apos; for the options.</source>
        <translation>&apos;vipdeckctl BEFEHL --help&apos; zeigt die Optionen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 needs a positive number, not &apos;%2&apos;.</source>
        <translation>%1 braucht eine positive Zahl, nicht &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+35"/>
        <location filename="../app/cli/reportcommand.cpp" line="+106"/>
        <source>%1 needs a value.</source>
        <translation>%1 braucht einen Wert.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>--on must be &apos;announcing&apos; or &apos;up&apos;, not &apos;%1&apos;.</source>
        <translation>--on muss &apos;announcing&apos; oder &apos;up&apos; sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--fail-on must be unknown, degraded or critical; not &apos;%1&apos;.</source>
        <translation>--fail-on muss unknown, degraded oder critical sein; nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--state must be one of up, down, drain, maint; not &apos;%1&apos;.</source>
        <translation>--state muss up, down, drain oder maint sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 takes no value.</source>
        <translation>%1 nimmt keinen Wert.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown option &apos;%1&apos;.</source>
        <translation>unbekannte Option &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no fleet file given, and vipdeck has not opened one yet.</source>
        <translation>keine Flottendatei angegeben, und vipdeck hat noch keine geöffnet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass one with --fleet FILE (for example --fleet ~/fleet.yaml).</source>
        <translation>Eine mit --fleet DATEI übergeben (zum Beispiel --fleet ~/fleet.yaml).</translation>
    </message>
    <message>
        <location filename="../app/cli/operationcommands.cpp" line="-319"/>
        <source>vipdeckctl %1: a change needs --reason TEXT (recorded in the audit log), or --dry-run to only preview it.</source>
        <translation>vipdeckctl %1: eine Änderung braucht --reason TEXT (im Audit-Protokoll festgehalten) oder --dry-run für eine reine Vorschau.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>, wait for sessions to end, then maint</source>
        <translation>, auf das Ende der Sitzungen warten, dann maint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 on %3 target(s):</source>
        <translation>%1 %2 auf %3 Ziel(en):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NOW</source>
        <translation>JETZT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>USABLE</source>
        <translation>NUTZBAR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOTE</source>
        <translation>HINWEIS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>below threshold %1: needs --force</source>
        <translation>unter Schwelle %1: braucht --force</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no data: %1</source>
        <translation>keine Daten: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stale data: %1</source>
        <translation>veraltete Daten: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already so</source>
        <translation>bereits so</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Usage: vipdeckctl weight SERVER N --reason TEXT</source>
        <translation>Aufruf: vipdeckctl weight SERVER N --reason TEXT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage: vipdeckctl %1 SERVER --reason TEXT</source>
        <translation>Aufruf: vipdeckctl %1 SERVER --reason TEXT</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>vipdeckctl weight: N must be a whole number from 0 to 256, not &apos;%1&apos;.</source>
        <translation>vipdeckctl weight: N muss eine ganze Zahl von 0 bis 256 sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>vipdeckctl: --wait-sessions is for maint only.</source>
        <translation>vipdeckctl: --wait-sessions gilt nur für maint.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Dry run: nothing was changed.</source>
        <translation>Probelauf: nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vipdeckctl %1: refused: %2 target(s) would leave a backend below its UP-server threshold (marked &apos;!&apos;). Pass --force if that is really wanted.</source>
        <translation>vipdeckctl %1: abgelehnt: %2 Ziel(e) würden ein Backend unter seine Schwelle an UP-Servern bringen (markiert mit &apos;!&apos;). --force übergeben, wenn das wirklich gewollt ist.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply to %1 target(s)?</source>
        <translation>Auf %1 Ziel(e) anwenden?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>vipdeckctl %1: not started: the audit log cannot be opened: %2</source>
        <translation>vipdeckctl %1: nicht gestartet: das Audit-Protokoll kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>vipdeckctl %1: refused: %2</source>
        <translation>vipdeckctl %1: abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ok      </source>
        <translation>ok      </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED  </source>
        <translation>FEHLER  </translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+285"/>
        <source>audit record #%1</source>
        <translation>Audit-Eintrag #%1</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>RESULT</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FOUND</source>
        <translation>BEFUND</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pre-flight:</source>
        <translation>Vorabprüfung:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed %2: %3</source>
        <translation>%1 hat %2 nicht bestanden: %3</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Usage: vipdeckctl reload VIP (--host H | --rolling) --reason TEXT [--force] [--dry-run]</source>
        <translation>Aufruf: vipdeckctl reload VIP (--host H | --rolling) --reason TEXT [--force] [--dry-run]</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>reload %1 on %2%3: pre-flight on every host (reachable over SSH, haproxy -c, server state), then per host: config check, save server state, reload through the master socket, wait until healthy and announced</source>
        <translation>%1 auf %2%3 neu laden: Vorabprüfung auf jedem Host (per SSH erreichbar, haproxy -c, Server-Zustand), dann pro Host: Konfiguration prüfen, Server-Zustand sichern, über den Master-Socket neu laden, warten bis gesund und angekündigt</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>vipdeckctl reload: name one host with --host H, or --rolling for every host of the VIP&apos;s group, one at a time.</source>
        <translation>vipdeckctl reload: einen Host mit --host H nennen oder --rolling für jeden Host der Gruppe der VIP, einen nach dem anderen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>vipdeckctl reload: %1 does not run on %2.</source>
        <translation>vipdeckctl reload: %1 läuft nicht auf %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (one at a time, stop at the first failure)</source>
        <translation> (einer nach dem anderen, Halt beim ersten Fehler)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--force: hosts that fail the pre-flight are skipped, the others reloaded</source>
        <translation>--force: Hosts, die die Vorabprüfung nicht bestehen, werden übersprungen, die anderen neu geladen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reload?</source>
        <translation>Neu laden?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>vipdeckctl reload: not started: the audit log cannot be opened: %1</source>
        <translation>vipdeckctl reload: nicht gestartet: das Audit-Protokoll kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>vipdeckctl reload: refused: %1</source>
        <translation>vipdeckctl reload: abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dry run: pre-flight passed; nothing was changed.</source>
        <translation>Probelauf: Vorabprüfung bestanden; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dry run: pre-flight failed on %1; with --force %2 would be reloaded and %1 skipped; nothing was changed.</source>
        <translation>Probelauf: Vorabprüfung auf %1 fehlgeschlagen; mit --force würde %2 neu geladen und %1 übersprungen; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dry run: pre-flight failed on %1; the reload would be refused; nothing was changed.</source>
        <translation>Probelauf: Vorabprüfung auf %1 fehlgeschlagen; das Neuladen würde abgelehnt; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ok       </source>
        <translation>ok       </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped  </source>
        <translation>übersp.  </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAILED   </source>
        <translation>FEHLER   </translation>
    </message>
    <message>
        <location filename="../app/cli/readcommands.cpp" line="+46"/>
        <source>vipdeckctl %1: unexpected argument &apos;%2&apos;.</source>
        <translation>vipdeckctl %1: unerwartetes Argument &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>vipdeckctl: HAProxy of %1 on %2 could not be read: %3</source>
        <translation>vipdeckctl: HAProxy von %1 auf %2 konnte nicht gelesen werden: %3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>vipdeckctl: --fail-on %1: %2</source>
        <translation>vipdeckctl: --fail-on %1: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the fleet file could not be loaded</source>
        <translation>die Flottendatei konnte nicht geladen werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no group &apos;%1&apos; in %2</source>
        <translation>keine Gruppe &apos;%1&apos; in %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>the fleet did not answer within %n second(s) (-t); &apos;vipdeckctl status&apos; shows which host is slow</source>
        <translation>
            <numerusform>die Flotte hat nicht innerhalb von %n Sekunde geantwortet (-t); &apos;vipdeckctl status&apos; zeigt, welcher Host langsam ist</numerusform>
            <numerusform>die Flotte hat nicht innerhalb von %n Sekunden geantwortet (-t); &apos;vipdeckctl status&apos; zeigt, welcher Host langsam ist</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>vipdeckctl metrics: cannot write %1: %2 (check that its folder exists and is writable).</source>
        <translation>vipdeckctl metrics: %1 kann nicht geschrieben werden: %2 (prüfen, ob sein Ordner existiert und beschreibbar ist).</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>vipdeckctl servers: one name pattern at most, not &apos;%1&apos;.</source>
        <translation>vipdeckctl servers: höchstens ein Namensmuster, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>no events in %1 s</source>
        <translation>keine Ereignisse in %1 s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>vipdeckctl watch: no --json; use &apos;events --follow --json&apos; or &apos;status --json&apos; in a loop.</source>
        <translation>vipdeckctl watch: kein --json; &apos;events --follow --json&apos; oder &apos;status --json&apos; in einer Schleife verwenden.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>every %1 s; Ctrl+C to stop</source>
        <translation>alle %1 s; Strg+C zum Beenden</translation>
    </message>
    <message>
        <location filename="../app/cli/reportcommand.cpp" line="-62"/>
        <source>Usage: vipdeckctl report --format pdf|html|csv|json -o FILE [--since 24h|ISO]
                         [--sample 30s] [--fleet FILE] [--audit URL]
                         [--history URL] [--local] [--table NAME] [--worst N]

Polls every host, reads the audit log and the history store and writes a health
report: summary; for the window, time in each verdict per VIP, placement and
host, incidents, drains with who and why, announcement changes, reloads and
what was not recorded; the anycast matrix, every VIP with its verdict and
reasons, servers that are down, drained or in maintenance with who changed them
and why, BGP and BFD sessions, charts of sessions and 5xx for the worst VIPs,
and the audit entries.

  --format F     pdf, html (people), csv, json (tools); default: from -o&apos;s suffix
  -o, --output FILE  where to write (&apos;-&apos; for standard output, not for pdf)
  --since T      start of the window (history and audit): 90m, 24h, 7d or an ISO
                 time (default 24h)
  --history URL  the history store (default: $VIPDECK_HISTORY, the settings&apos;
                 history/url, else the fleet&apos;s file that `vipdeckctl record` writes)
  --sample D     sample the fleet for D (e.g. 30s, 5m) at its poll interval for the
                 charts; without it the report has no charts and says so
  --table NAME   csv: which table (placements, vips, matrix, servers, bgp, bfd,
                 audit; default placements)
  --worst N      how many VIPs get charts (default 3)
  --fleet FILE   the fleet file (default: the last one vipdeck opened)
  --audit URL    the audit log (default: the settings&apos;, else the local SQLite file)
  --local        read the sockets on this machine instead of over SSH

Formats and columns: /usr/share/doc/vipdeck/reports.md.gz.
Exit codes: 0 written (without a history store it says so), 1 written but the
audit log or the history store could not be read, or not written, 2 usage or
config error, 3 written but some hosts were unreachable.
</source>
        <translation>Aufruf: vipdeckctl report --format pdf|html|csv|json -o DATEI [--since 24h|ISO]
                         [--sample 30s] [--fleet DATEI] [--audit URL]
                         [--history URL] [--local] [--table NAME] [--worst N]

Fragt jeden Host ab, liest das Audit-Protokoll und den Verlaufsspeicher und schreibt
einen Gesundheitsbericht: Zusammenfassung; für den Zeitraum die Zeit je Bewertung pro
VIP, Platzierung und Host, Vorfälle, Drains mit wer und warum, Änderungen der
Ankündigung, Neuladungen und was nicht aufgezeichnet wurde; die Anycast-Matrix, jede
VIP mit Bewertung und Gründen, Server, die DOWN, im Drain oder in Wartung sind, mit wer
sie warum geändert hat, BGP- und BFD-Sitzungen, Diagramme von Sitzungen und 5xx der
schlechtesten VIPs und die Audit-Einträge.

  --format F     pdf, html (für Menschen), csv, json (für Werkzeuge); Vorgabe: aus der Endung von -o
  -o, --output DATEI  wohin schreiben (&apos;-&apos; für die Standardausgabe, nicht für pdf)
  --since T      Beginn des Zeitraums (Verlauf und Audit): 90m, 24h, 7d oder eine
                 ISO-Zeit (Vorgabe 24h)
  --history URL  der Verlaufsspeicher (Vorgabe: $VIPDECK_HISTORY, history/url der
                 Einstellungen, sonst die Datei der Flotte, die `vipdeckctl record` schreibt)
  --sample D     die Flotte für die Diagramme D lang (z. B. 30s, 5m) im Abfrageintervall
                 messen; ohne diese Option hat der Bericht keine Diagramme und sagt das
  --table NAME   csv: welche Tabelle (placements, vips, matrix, servers, bgp, bfd,
                 audit; Vorgabe placements)
  --worst N      wie viele VIPs Diagramme bekommen (Vorgabe 3)
  --fleet DATEI  die Flottendatei (Vorgabe: die zuletzt von vipdeck geöffnete)
  --audit URL    das Audit-Protokoll (Vorgabe: die der Einstellungen, sonst die lokale SQLite-Datei)
  --local        die Sockets auf diesem Rechner statt über SSH lesen

Formate und Spalten: /usr/share/doc/vipdeck/reports.md.gz.
Exit-Codes: 0 geschrieben (ohne Verlaufsspeicher sagt er das), 1 geschrieben, aber das
Audit-Protokoll oder der Verlaufsspeicher war nicht lesbar, oder nicht geschrieben,
2 Aufruf- oder Konfigurationsfehler, 3 geschrieben, aber manche Hosts waren nicht
erreichbar.
</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Run &apos;vipdeckctl report --help&apos; for the options.</source>
        <translation>&apos;vipdeckctl report --help&apos; zeigt die Optionen.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--format must be one of %1; not &apos;%2&apos;.</source>
        <translation>--format muss eines von %1 sein, nicht &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--sample needs a duration such as 30s or 5m, not &apos;%1&apos;.</source>
        <translation>--sample braucht eine Dauer wie 30s oder 5m, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--worst needs a number from 0 to 50, not &apos;%1&apos;.</source>
        <translation>--worst braucht eine Zahl von 0 bis 50, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>say where to write the report: -o FILE.</source>
        <translation>angeben, wohin der Bericht geschrieben wird: -o DATEI.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>say which format: --format pdf|html|csv|json.</source>
        <translation>das Format angeben: --format pdf|html|csv|json.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a PDF goes to a file, not to standard output.</source>
        <translation>ein PDF geht in eine Datei, nicht auf die Standardausgabe.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot write the report: %1</source>
        <translation>der Bericht kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a writable path with -o.</source>
        <translation>Mit -o einen beschreibbaren Pfad wählen.</translation>
    </message>
    <message>
        <location filename="../app/cli/recordcommand.cpp" line="+34"/>
        <source>Usage: vipdeckctl record [--history URL] [--interval SECS] [--count N]
                         [--metrics-listen [ADDRESS:]PORT] [--fleet FILE] [--local]

Polls the fleet at its poll interval and records into the history store every
change of a VIP&apos;s, placement&apos;s and host&apos;s verdict, of announcements, HAProxy
processes, server states, BGP and BFD sessions, and each minute&apos;s traffic, until
stopped with Ctrl+C, SIGTERM or SIGHUP. Reports over a window
(`vipdeckctl report --since 7d`) and the console read it.

One recorder per store: a second one is refused and told who records. Time when
no recorder ran, or the store could not be written, is marked as not recorded.
Minute samples are kept 30 days, then hourly ones 13 months, like the states
(--keep-*); the recorder enforces it at start and every hour.

  --history URL  the store: a SQLite file path or postgresql://user@host/db
                 (default: $VIPDECK_HISTORY, the settings&apos; history/url, else
                 the fleet&apos;s own file under ~/.local/share/vipdeck/history/)
  --interval S   poll every S seconds instead of the fleet&apos;s interval
  --count N      stop after N polls
  --keep-minute-samples DAYS  minute samples, then folded into hours (default 30)
  --keep-hourly-samples DAYS  hourly samples (default 396, 13 months)
  --keep-states DAYS          states and recordings after they ended (default 396)
  --metrics-listen [ADDRESS:]PORT
                 serve the latest poll in the Prometheus text format at
                 http://ADDRESS:PORT/metrics (ADDRESS 127.0.0.1 when left out; 0
                 picks a free port); the metrics of &apos;vipdeckctl metrics&apos;

Exit codes: 0 stopped, 1 the store cannot be opened or another recorder holds
it, 2 usage or config error.
</source>
        <translation>Aufruf: vipdeckctl record [--history URL] [--interval SEK] [--count N]
                         [--metrics-listen [ADRESSE:]PORT] [--fleet DATEI] [--local]

Fragt die Flotte in ihrem Abfrageintervall ab und zeichnet im Verlaufsspeicher jede
Änderung der Bewertung einer VIP, Platzierung und eines Hosts, der Ankündigungen, der
HAProxy-Prozesse, der Serverzustände, der BGP- und BFD-Sitzungen und den Verkehr jeder
Minute auf, bis sie mit Strg+C, SIGTERM oder SIGHUP beendet wird. Berichte über einen
Zeitraum (`vipdeckctl report --since 7d`) und die Konsole lesen ihn.

Eine Aufzeichnung je Speicher: Eine zweite wird abgewiesen und erfährt, wer aufzeichnet.
Zeit, in der keine Aufzeichnung lief oder der Speicher nicht schreibbar war, gilt als
nicht aufgezeichnet. Minutenwerte bleiben 30 Tage, danach Stundenwerte 13 Monate, wie
die Zustände (--keep-*); die Aufzeichnung setzt das beim Start und stündlich durch.

  --history URL  der Speicher: ein SQLite-Dateipfad oder postgresql://benutzer@host/db
                 (Vorgabe: $VIPDECK_HISTORY, history/url der Einstellungen, sonst die
                 eigene Datei der Flotte unter ~/.local/share/vipdeck/history/)
  --interval S   alle S Sekunden statt im Intervall der Flotte abfragen
  --count N      nach N Abfragen aufhören
  --keep-minute-samples TAGE  Minutenwerte, danach zu Stunden zusammengefasst (Vorgabe 30)
  --keep-hourly-samples TAGE  Stundenwerte (Vorgabe 396, 13 Monate)
  --keep-states TAGE          Zustände und Aufzeichnungen nach ihrem Ende (Vorgabe 396)
  --metrics-listen [ADRESSE:]PORT
                 die letzte Abfrage im Prometheus-Textformat unter
                 http://ADRESSE:PORT/metrics anbieten (ADRESSE 127.0.0.1, wenn sie
                 fehlt; 0 wählt einen freien Port); die Metriken von &apos;vipdeckctl metrics&apos;

Exit-Codes: 0 beendet, 1 der Speicher lässt sich nicht öffnen oder eine andere
Aufzeichnung hält ihn, 2 Aufruf- oder Konfigurationsfehler.
</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>vipdeckctl record (pid %1, %2@%3)</source>
        <translation>vipdeckctl record (PID %1, %2@%3)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 needs a number of days from 1 to 3650, not &apos;%2&apos;.</source>
        <translation>%1 braucht eine Zahl von Tagen von 1 bis 3650, nicht &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--keep-hourly-samples must be at least --keep-minute-samples: hours are made of the minutes they replace.</source>
        <translation>--keep-hourly-samples muss mindestens --keep-minute-samples sein: Stunden entstehen aus den Minuten, die sie ersetzen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../app/cli/reportcommand.cpp" line="+31"/>
        <source>unexpected argument &apos;%1&apos;.</source>
        <translation>unerwartetes Argument &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Recording %1 into %2 every %3 s; Ctrl+C stops.</source>
        <translation>Zeichne %1 alle %3 s in %2 auf; Strg+C beendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Serving metrics at %1</source>
        <translation>Metriken unter %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(retrying at every poll; the time until it works again is marked as not recorded)</source>
        <translation>(neuer Versuch bei jeder Abfrage; die Zeit, bis es wieder geht, gilt als nicht aufgezeichnet)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The history store works again: recording resumed.</source>
        <translation>Der Verlaufsspeicher geht wieder: Aufzeichnung fortgesetzt.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n poll(s), %1 changes recorded, last poll %2</source>
        <translation>
            <numerusform>%n Abfrage, %1 Änderungen aufgezeichnet, letzte Abfrage %2</numerusform>
            <numerusform>%n Abfragen, %1 Änderungen aufgezeichnet, letzte Abfrage %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Recorded %n poll(s) into %1: %2 state changes, %3 traffic samples.</source>
        <translation>
            <numerusform>%n Abfrage in %1 aufgezeichnet: %2 Zustandsänderungen, %3 Verkehrsmesswerte.</numerusform>
            <numerusform>%n Abfragen in %1 aufgezeichnet: %2 Zustandsänderungen, %3 Verkehrsmesswerte.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/reportcommand.cpp" line="+34"/>
        <source>sampling for the charts: %1 s of %2 s, %3 sample(s)</source>
        <translation>Messung für die Diagramme: %1 s von %2 s, %3 Messwert(e)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>polled by vipdeckctl every %1 s</source>
        <translation>von vipdeckctl alle %1 s abgefragt</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Report written to %1 (%2 bytes).</source>
        <translation>Bericht nach %1 geschrieben (%2 Bytes).</translation>
    </message>
    <message>
        <location filename="../app/cli/trustcommand.cpp" line="+116"/>
        <source>Usage: vipdeckctl trust HOST [--yes] [--dry-run]</source>
        <translation>Aufruf: vipdeckctl trust HOST [--yes] [--dry-run]</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>vipdeckctl trust: the fleet has no host &apos;%1&apos;. Known hosts: %2.</source>
        <translation>vipdeckctl trust: die Flotte hat keinen Host &apos;%1&apos;. Bekannte Hosts: %2.</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>vipdeckctl trust: could not read the host key of %1: %2</source>
        <translation>vipdeckctl trust: der Host-Schlüssel von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2 port %3) offers a %4 host key
  %5</source>
        <translation>%1 (%2 Port %3) bietet einen %4-Host-Schlüssel an
  %5</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This key is already trusted (%1, line %2); nothing to do.</source>
        <translation>Dieser Schlüssel ist bereits vertrauenswürdig (%1, Zeile %2); nichts zu tun.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>REFUSED: the host key of %1 has CHANGED: %2 line %3 records a different key. This can be a reinstalled host or an attack; vipdeck never replaces a known key. Check the new fingerprint with the host&apos;s administrator, then edit %2 yourself.</source>
        <translation>ABGELEHNT: der Host-Schlüssel von %1 hat sich GEÄNDERT: %2 Zeile %3 verzeichnet einen anderen Schlüssel. Das kann ein neu installierter Host oder ein Angriff sein; vipdeck ersetzt nie einen bekannten Schlüssel. Den neuen Fingerabdruck mit dem Administrator des Hosts prüfen, dann %2 selbst bearbeiten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>REFUSED: the host key of %1 is marked @revoked in %2 line %3.</source>
        <translation>ABGELEHNT: der Host-Schlüssel von %1 ist in %2 Zeile %3 als @revoked markiert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>hashed, as HashKnownHosts says</source>
        <translation>gehasht, wie HashKnownHosts es vorgibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not hashed, as HashKnownHosts says</source>
        <translation>nicht gehasht, wie HashKnownHosts es vorgibt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dry run: would add this key to %1 (%2).</source>
        <translation>Probelauf: dieser Schlüssel würde zu %1 hinzugefügt (%2).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Added to %1 (%2).</source>
        <translation>Zu %1 hinzugefügt (%2).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 is reached through the jump host %2: its key first.</source>
        <translation>%1 wird über den Jump-Host %2 erreicht: zuerst dessen Schlüssel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the jump host %1</source>
        <translation>Jump-Host %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keys behind it can be read once it is trusted.</source>
        <translation>Die Schlüssel dahinter lassen sich lesen, sobald ihm vertraut wird.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Trust this key for %1 and add it to %2?</source>
        <translation>Diesem Schlüssel für %1 vertrauen und ihn zu %2 hinzufügen?</translation>
    </message>
    <message>
        <location filename="../app/cli/monitoringplugin.cpp" line="+111"/>
        <source>&apos;%1&apos; is not a threshold range</source>
        <translation>&apos;%1&apos; ist kein Schwellenbereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write N (alert outside 0..N), N: (below N), ~:N (above N), N:M (outside N..M) or @N:M (inside N..M)</source>
        <translation>N (Alarm außerhalb 0..N), N: (unter N), ~:N (über N), N:M (außerhalb N..M) oder @N:M (innerhalb N..M) schreiben</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1: %2 is %3, outside -c %4</source>
        <translation>%1: %2 ist %3, außerhalb von -c %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 is %3, outside -w %4</source>
        <translation>%1: %2 ist %3, außerhalb von -w %4</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the number of hosts announcing it</source>
        <translation>die Zahl der Hosts, die sie ankündigen,</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the number of usable servers</source>
        <translation>die Zahl der nutzbaren Server</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 critical</source>
        <translation>%1 kritisch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 degraded</source>
        <translation>%1 beeinträchtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 unknown</source>
        <translation>%1 unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 VIPs OK, %3 of %4 hosts reachable</source>
        <translation>%1 von %2 VIPs OK, %3 von %4 Hosts erreichbar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 VIPs</source>
        <translation>%1 von %2 VIPs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 hosts reachable</source>
        <translation>%1 von %2 Hosts erreichbar</translation>
    </message>
    <message>
        <location filename="../app/cli/metricsserver.cpp" line="+44"/>
        <source>--metrics-listen: %1</source>
        <translation>--metrics-listen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write a port (9412, on 127.0.0.1), ADDRESS:PORT or [IPV6]:PORT</source>
        <translation>Schreiben Sie einen Port (9412, auf 127.0.0.1), ADRESSE:PORT oder [IPV6]:PORT</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; is not a port number</source>
        <translation>&apos;%1&apos; ist keine Portnummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not an IP address</source>
        <translation>&apos;%1&apos; ist keine IP-Adresse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot listen for metrics on %1: %2</source>
        <translation>Metriken lassen sich auf %1 nicht anbieten: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>choose another port with --metrics-listen, or 0 for a free one</source>
        <translation>Wählen Sie mit --metrics-listen einen anderen Port oder 0 für einen freien</translation>
    </message>
    <message>
        <location filename="../app/cli/terminalpassphrase.cpp" line="+64"/>
        <source>Enter passphrase for key &apos;%1&apos; (for %2): </source>
        <translation>Passphrase für den Schlüssel &apos;%1&apos; eingeben (für %2): </translation>
    </message>
</context>
</TS>
