#!/usr/bin/env bash
# Behaviour tests for scripts/*.sh. Run: bash tests/test_scripts.sh
set -u
HERE=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fails=0
check() {  # check DESCRIPTION COMMAND...
    if "${@:2}"; then echo "ok   - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi
}

# --- archive_shoots.sh -------------------------------------------------------
inbox="$TMP/in box"; archive="$TMP/arch ive"
mkdir -p "$inbox/Berg Wedding" "$inbox/Okafor Portraits" "$inbox/Lind Family"
echo "2023-09-02" > "$inbox/Berg Wedding/.done"
printf '2024-05-11\ndelivered by courier\n' > "$inbox/Okafor Portraits/.done"
touch "$inbox/Berg Wedding/IMG_0001.CR3" "$inbox/Lind Family/IMG_0042.CR3"
out=$(bash "$HERE/scripts/archive_shoots.sh" "$inbox" "$archive" 2>&1)
check "archive: exits 0" test $? -eq 0
check "archive: Berg Wedding filed under 2023" test -f "$archive/2023/Berg Wedding/IMG_0001.CR3"
check "archive: Okafor Portraits filed under 2024" test -d "$archive/2024/Okafor Portraits"
check "archive: unfinished shoot stays in the inbox" test -d "$inbox/Lind Family"
check "archive: summary line" grep -qx "archived 2 shoot(s); the archive holds 2 shoot(s)" <<<"$out"
check "archive: log written" grep -qx "archived Berg Wedding -> 2023" "$archive/archive.log"

# --- prune_exports.sh --------------------------------------------------------
exports="$TMP/ex ports"; mkdir -p "$exports"
for d in 01 02 03 04 05; do
    touch -d "2024-06-$d 12:00" "$exports/Berg Wedding - 2024-06-$d.zip"
done
touch -d "2024-06-01 12:00" "$exports/Okafor Portraits - 2024-06-01.zip"
out=$(bash "$HERE/scripts/prune_exports.sh" "$exports" "Berg Wedding" 3 2>&1)
check "prune: exits 0" test $? -eq 0
check "prune: newest three kept" test -f "$exports/Berg Wedding - 2024-06-05.zip" -a -f "$exports/Berg Wedding - 2024-06-03.zip"
check "prune: oldest two removed" test ! -e "$exports/Berg Wedding - 2024-06-01.zip" -a ! -e "$exports/Berg Wedding - 2024-06-02.zip"
check "prune: other clients untouched" test -f "$exports/Okafor Portraits - 2024-06-01.zip"
check "prune: summary counts the exports" grep -qx "Berg Wedding: 5 export(s) found, newest 3 kept" <<<"$out"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
