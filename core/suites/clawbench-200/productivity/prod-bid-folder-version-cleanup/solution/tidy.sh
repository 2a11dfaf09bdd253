set -e
cd bids/harbour-2024
mkdir -p current archive/superseded archive/comments
mv 'working/01-exec-summary-v1.1.md' 'current/HB-01_executive-summary_v1-1.md'
mv 'working/Exec summary draft.md' 'archive/superseded/HB-01_executive-summary_v0-9.md'
mv 'working/Exec summary FINAL.md' 'archive/superseded/HB-01_executive-summary_v1-0.md'
mv 'working/Exec summary v1.0 - JB comments.md' 'archive/comments/Exec summary v1.0 - JB comments.md'
mv 'working/Technical approach 1.10.md' 'current/HB-02_technical-approach_v1-10.md'
mv 'working/tech approach v1.8.md' 'archive/superseded/HB-02_technical-approach_v1-8.md'
mv 'working/tech approach v1.9 LATEST.md' 'archive/superseded/HB-02_technical-approach_v1-9.md'
mv 'working/pricing v2.1 (Ruth).md' 'current/HB-03_pricing-schedule_v2-1.md'
mv 'working/pricing v2.md' 'archive/superseded/HB-03_pricing-schedule_v2-0.md'
mv 'working/CVs.md' 'current/HB-04_team-cvs_v1-0.md'
mv 'working/Social Value v0.5.md' 'current/HB-05_social-value-sustainability_v0-5.md'
mv 'working/social value 0.4.md' 'archive/superseded/HB-05_social-value-sustainability_v0-4.md'
mv 'working/Social Value v0.5 - comments FL.md' 'archive/comments/Social Value v0.5 - comments FL.md'
rm -f 'working/desktop.ini' 'working/~$ec summary FINAL.md'
rmdir working 2>/dev/null || true
find . -type f | sort
