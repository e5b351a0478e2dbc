# Shared set-up for scripts/demo and scripts/test (sourced, not run): a virtual environment
# in .venv with runbook installed, and a usable Chromium (installed when there is none).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
as_root() { [ "$(id -u)" = 0 ]; }

if ! "$PYTHON" -m venv --help >/dev/null 2>&1 && as_root && command -v apt-get >/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3 python3-venv python3-pip
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"

# Debian's chromium when there is no browser and apt is usable; else `playwright install`.
.venv/bin/python -m runbook.console.browser --ensure
