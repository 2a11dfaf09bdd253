#!/bin/sh
# SPDX-FileCopyrightText: 2021-2024 The quillmark authors
# SPDX-License-Identifier: Apache-2.0
# Tag and push a release: scripts/release.sh 1.4.1
set -e
git tag -s "v$1" -m "quillmark $1"
git push origin "v$1"
