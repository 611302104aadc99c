#!/usr/bin/env bash
# check-deb.sh BUILD_DIR WORK_DIR VERSION
# Builds vipdeck's .deb from BUILD_DIR with CPack and checks it as installed:
# every check runs on the real package or on what dpkg-deb unpacked from it.
set -euo pipefail

build=$1
work=$2
version=$3
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
checked() { echo "checked: $*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps lintian appstreamcli desktop-file-validate man file; do
    command -v "$tool" >/dev/null ||
        { echo "FAIL: $tool is missing; install the build dependencies with scripts/deps" >&2; exit 1; }
done

# 1. Build what the package installs (a no-op after a full build), then the package.
cmake --build "$build" --parallel "${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
    --target vipdeck vipdeckctl vipdeck_packaging_data
rm -rf "$work"
mkdir -p "$work/out" "$work/root" "$work/home"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out"
shopt -s nullglob
debs=("$work"/out/*.deb)
[[ ${#debs[@]} -eq 1 ]] || { echo "FAIL: expected one .deb in $work/out, found ${#debs[@]}" >&2; exit 1; }
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[[ $(basename "$deb") == "vipdeck_${version}_${arch}.deb" ]] ||
    fail "package file is $(basename "$deb"), expected vipdeck_${version}_${arch}.deb"
checked "built $deb ($(stat -c %s "$deb") bytes)"

# 2. Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
dpkg-deb -I "$deb"
[[ $(field Package) == vipdeck ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', expected $version"
[[ $(field Section) == net ]] || fail "Section is '$(field Section)'"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
[[ -n $(field Maintainer) ]] || fail "no Maintainer"
depends=$(field Depends)
# dpkg-shlibdeps found the libraries the executables link (it writes versions) ...
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libssh2-1 \
    libyaml-cpp libc6 libstdc++6 libcairo2 libpango-1.0-0 libpangocairo-1.0-0; do
    grep -Eq "(^|, )${dep//+/\\+}[^ ,]* \(>= [^)]+\)" <<<"$depends" || fail "Depends lacks $dep (>= ...): $depends"
done
# ... and the run-time plugins were added by hand.
for dep in libqt6sql6-sqlite qt6-qpa-plugins fonts-dejavu-core; do
    grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
grep -Eq '(^|, )libqt6sql6-psql( |,|$)' <<<"$(field Recommends)" ||
    fail "Recommends lacks libqt6sql6-psql: $(field Recommends)"
checked "control fields; Depends: $depends"

# 3. The file list.
listing=$(dpkg-deb -c "$deb")
paths=$(awk '{ print $6 }' <<<"$listing")
for path in \
    ./usr/bin/vipdeck ./usr/bin/vipdeckctl \
    ./usr/share/applications/org.vipdeck.vipdeck.desktop \
    ./usr/share/metainfo/org.vipdeck.vipdeck.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/org.vipdeck.vipdeck.svg \
    ./usr/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256}/apps/org.vipdeck.vipdeck.png \
    ./usr/share/man/man1/vipdeck.1.gz ./usr/share/man/man1/vipdeckctl.1.gz \
    ./usr/share/bash-completion/completions/vipdeckctl \
    ./usr/share/doc/vipdeck/copyright ./usr/share/doc/vipdeck/changelog.gz \
    ./usr/share/doc/vipdeck/{fleet-yaml,vipdeckctl,verdicts,monitoring,reports,audit,history,haproxy-notes}.md.gz \
    ./usr/lib/systemd/user/vipdeck-record.service ./usr/lib/systemd/system/vipdeck-record.service \
    ./usr/share/doc/vipdeck/examples/fleet.yaml; do
    grep -qxF "$path" <<<"$paths" || fail "the package lacks $path"
done
outside=$(grep -v -e '^\./$' -e '^\./usr/' <<<"$paths" || true)
[[ -z $outside ]] || fail "files outside /usr: $outside"
checked "file list ($(wc -l <<<"$paths") entries)"

# 4. Unpack into an empty root and run the installed executables from there,
#    with a clean environment (no build tree on any path).
dpkg-deb -x "$deb" "$work/root"
root=$work/root
run() { env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
# The commands the installed vipdeckctl lists in its --help.
help_commands() {
    run "$root/usr/bin/vipdeckctl" --help |
        awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }'
}
for exe in vipdeck vipdeckctl; do
    file "$root/usr/bin/$exe" | grep -q 'ELF.*, stripped' || fail "$exe is not a stripped ELF: $(file "$root/usr/bin/$exe")"
    rpath=$(readelf -d "$root/usr/bin/$exe" | grep -E 'RPATH|RUNPATH' || true)
    [[ -z $rpath ]] || fail "$exe keeps a build RPATH: $rpath"
done
out=$(run "$root/usr/bin/vipdeckctl" --version) || fail "vipdeckctl --version failed"
[[ $out == "vipdeckctl $version" ]] || fail "vipdeckctl --version printed '$out'"
out=$(run QT_QPA_PLATFORM=offscreen "$root/usr/bin/vipdeck" --version) || fail "vipdeck --version failed"
[[ $out == *"$version"* ]] || fail "vipdeck --version printed '$out'"
if out=$(run QT_QPA_PLATFORM=offscreen "$root/usr/bin/vipdeck" --self-test 2>&1); then
    grep -q '^ok ' <<<"$out" || fail "vipdeck --self-test printed no check: $out"
    ! grep -q '^FAIL' <<<"$out" || fail "vipdeck --self-test: $out"
else
    fail "vipdeck --self-test exited $?: $out"
fi
echo "$out"
out=$(run "$root/usr/bin/vipdeckctl" check-config "$(dirname "$0")/../../resources/examples/fleet.yaml" 2>&1) ||
    fail "installed vipdeckctl check-config on the example fleet: $out"
checked "installed executables run (--version, --self-test, check-config)"

# 5. Desktop entry, AppStream metainfo, man pages.
desktop-file-validate "$root/usr/share/applications/org.vipdeck.vipdeck.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/org.vipdeck.vipdeck.metainfo.xml" ||
    fail "appstreamcli validate"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/org.vipdeck.vipdeck.metainfo.xml" ||
    fail "metainfo has no release $version"
for page in vipdeck vipdeckctl; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "man page $page.1: $warnings"
    LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/man1/$page.1.gz" 2>/dev/null | grep -q '^NAME' ||
        fail "man page $page.1 renders no NAME section"
done
# Every command 'vipdeckctl --help' lists has its entry under COMMANDS.
manual=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$root/usr/share/man/man1/vipdeckctl.1.gz" 2>/dev/null |
    sed -n '/^COMMANDS/,/^OPTIONS/p')
for command in $(help_commands); do
    grep -Eq "^ {7}$command( |$)" <<<"$manual" || fail "vipdeckctl.1 does not document the command '$command'"
done
# ... and every option it lists has its entry under OPTIONS.
manual_options=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$root/usr/share/man/man1/vipdeckctl.1.gz" 2>/dev/null |
    sed -n '/^OPTIONS/,/^EXIT STATUS/p')
for option in $(run "$root/usr/bin/vipdeckctl" --help | sed -n '/^Options:/,/^$/p' | awk '/^  -/ { sub(/,$/, "", $1); print $1 }'); do
    grep -Eq "^ {7}$option( |,|$)" <<<"$manual_options" || fail "vipdeckctl.1 does not document the option '$option'"
done
# Every file under /usr/share/doc/vipdeck that a man page or a --help names is in the package.
for named in $( (LC_ALL=C.UTF-8 MANWIDTH=300 man -l "$root"/usr/share/man/man1/vipdeck{,ctl}.1.gz 2>/dev/null
                 run "$root/usr/bin/vipdeckctl" --help; run "$root/usr/bin/vipdeckctl" check --help
                 run "$root/usr/bin/vipdeckctl" report --help) |
                grep -oE '/usr/share/doc/vipdeck/[A-Za-z0-9_./-]*[A-Za-z0-9]' | sort -u); do
    [[ -e "$root$named" ]] || fail "$named is named in the documentation but not installed"
done
checked "desktop entry, metainfo, man pages"

# 6. Bash completion, against the installed vipdeckctl: every command of
#    'vipdeckctl --help' completes, and options after a command.
complete_words() { # complete_words WORD... : what completion offers for the last word
    run bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$0"
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _vipdeckctl
        printf "%s\n" "${COMPREPLY[@]}"' \
        "$root/usr/share/bash-completion/completions/vipdeckctl" "$@"
}
commands=$(help_commands)
[[ -n $commands ]] || fail "vipdeckctl --help lists no commands"
offered=$(complete_words "$root/usr/bin/vipdeckctl" "")
[[ $(sort <<<"$offered") == $(sort <<<"$commands") ]] ||
    fail "completion offers '$(echo $offered)' for commands '$(echo $commands)'"
[[ $(complete_words "$root/usr/bin/vipdeckctl" st) == status ]] || fail "completion of 'st'"
grep -qx -- --state <<<"$(complete_words "$root/usr/bin/vipdeckctl" servers --st)" ||
    fail "completion of 'servers --st'"
[[ $(complete_words "$root/usr/bin/vipdeckctl" servers --state dr) == drain ]] ||
    fail "completion of 'servers --state dr'"
[[ $(complete_words "$root/usr/bin/vipdeckctl" audit ve) == verify ]] || fail "completion of 'audit ve'"
grep -qx -- --since <<<"$(complete_words "$root/usr/bin/vipdeckctl" audit list --si)" ||
    fail "completion of 'audit list --si'"
[[ $(complete_words "$root/usr/bin/vipdeckctl" --fleet x.yaml st) == status ]] ||
    fail "completion of 'st' after --fleet FILE"
checked "bash completion ($(echo $commands))"

# 6b. The recorder's systemd units parse, and run the installed vipdeckctl.
if command -v systemd-analyze >/dev/null; then
    for unit in user system; do
        file="$root/usr/lib/systemd/$unit/vipdeck-record.service"
        grep -q '^ExecStart=/usr/bin/vipdeckctl record' "$file" || fail "$unit unit: no ExecStart of vipdeckctl record"
        # verify resolves ExecStart on this machine: point it at the unpacked binary.
        sed "s|/usr/bin/vipdeckctl|$root/usr/bin/vipdeckctl|" "$file" >"$work/vipdeck-record.service"
        verify=$(systemd-analyze verify --man=no "$work/vipdeck-record.service" 2>&1 | grep -v -e 'network-online' -e 'default.target' || true)
        [[ -z $verify ]] || fail "$unit unit: systemd-analyze verify: $verify"
    done
    checked "systemd units of the recorder (user and system)"
fi

# 7. lintian: errors fail; warnings and the rest are printed and explained in
#    packaging/README.md.
set +e
lintian_out=$(lintian --tag-display-limit 0 --info "$deb" 2>&1)
lintian_rc=$?
set -e
echo "$lintian_out"
errors=$(grep '^E:' <<<"$lintian_out" || true)
[[ -z $errors ]] || fail "lintian errors:
$errors"
# lintian exits non-zero for errors; without any it crashed or was misused.
[[ $lintian_rc -eq 0 || -n $errors ]] || fail "lintian failed (exit $lintian_rc)"
checked "lintian: $(grep -c '^E:' <<<"$lintian_out") errors, $(grep -c '^W:' <<<"$lintian_out") warnings"

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "package checks passed: $deb"
