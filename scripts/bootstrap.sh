# Shared set-up for scripts/demo, scripts/test and scripts/bench (sourced, not run): a virtual environment
# in .venv with runbook installed, and a usable Chromium (installed when there is none). Every
# package at the version constraints.txt pins. The Dockerfile runs it too, with
# RUNBOOK_BOOTSTRAP=image: the package alone (no development tools, not editable, no example kind).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
as_root() { [ "$(id -u)" = 0 ]; }

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv; then
    # Debian's python3 lacks ensurepip until python3-venv is installed.
    rm -rf .venv
    if as_root && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3 python3-venv python3-pip
      PYTHON=python3
    fi
    "$PYTHON" -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q -c constraints.txt --upgrade pip
if [ "${RUNBOOK_BOOTSTRAP:-}" = image ]; then
  .venv/bin/python -m pip install -q -c constraints.txt .
else
  .venv/bin/python -m pip install -q -c constraints.txt -e ".[dev]"
fi

# Debian's chromium when there is no browser and apt is usable; else `playwright install`.
.venv/bin/python -m runbook.console.browser --ensure

# The example of a kind from another package (examples/plugin-kind): the suite runs its tests.
if [ "${RUNBOOK_BOOTSTRAP:-}" != image ]; then
  .venv/bin/python -m pip install -q --no-deps -e examples/plugin-kind
fi
