#!/usr/bin/env bash
# Move finished shoots from the inbox to the archive, filed by delivery year.
# A shoot is finished when its folder holds a .done file whose first line is the
# delivery date (YYYY-MM-DD).
#
# Usage: archive_shoots.sh INBOX ARCHIVE
set -u

INBOX=$1
ARCHIVE=$2
LOG_FILE=$ARCHIVE/archive.log
moved=0

mkdir -p $ARCHIVE
for shoot in $(ls $INBOX); do
    if [ ! -f $INBOX/$shoot/.done ]; then
        continue
    fi
    year=$(cat $INBOX/$shoot/.done | head -n 1 | cut -c1-4)
    mkdir -p $ARCHIVE/$year
    mv $INBOX/$shoot $ARCHIVE/$year/
    echo "archived $shoot -> $year" >> $LOGFILE
    moved=$((moved + 1))
done

cd $ARCHIVE
total=$(find . -mindepth 2 -maxdepth 2 -type d | wc -l)
echo "archived $moved shoot(s); the archive holds $total shoot(s)"
