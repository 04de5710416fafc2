#!/usr/bin/env bash
# Installs the reference tools that bench/peers.py compares StanceLab with: fastText, scikit-learn
# (with NumPy and SciPy), LIBLINEAR's command-line tools, XGBoost's command-line tool (for
# `bench --trees`), and GNU time for /usr/bin/time.
# Debian packages only, through apt-get. Safe to run again: it installs only what is missing.
# Benchmarks only: StanceLab never needs any of this at run time.
set -euo pipefail

packages=(fasttext python3-sklearn liblinear-tools xgboost time)

installed() { dpkg-query -W -f '${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update
  $sudo apt-get install -y "${packages[@]}"
else
  echo "All reference tools already installed."
fi

echo "Versions found:"
for p in "${packages[@]}"; do
  printf '  %-16s %s\n' "$p" "$(dpkg-query -W -f '${Version}' "$p")"
done
printf '  %-16s %s\n' "python" "$(/usr/bin/python3 -c 'import sys, sklearn, numpy, scipy; print(sys.version.split()[0], "(scikit-learn", sklearn.__version__ + ", numpy", numpy.__version__ + ", scipy", scipy.__version__ + ")")')"
for cmd in fasttext liblinear-train liblinear-predict xgboost /usr/bin/time; do
  command -v "$cmd" >/dev/null || { echo "error: $cmd not found after installing" >&2; exit 1; }
done
