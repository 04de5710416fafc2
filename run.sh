#!/usr/bin/env bash
# The main job on the shipped defaults: train the default model from every labelled file in
# training-data/ (printing its grouped cross-validation report first), write it to
# models/news.stancelab, then score a new article sentence by sentence with the words that
# drove each label. Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
# Published precompiled (ReadyToRun) for this machine: the JIT would otherwise take a third of a short run.
dotnet publish src/StanceLab.Cli -c Release --use-current-runtime -o .build/stancelab -nologo -v quiet -clp:NoSummary
stancelab() { dotnet .build/stancelab/stancelab.dll "$@"; }
stancelab train --data training-data --out models/news.stancelab
stancelab score examples/*.txt --explain 3
