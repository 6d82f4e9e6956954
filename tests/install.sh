#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine with
# Python 3.11 and pip: Debian's Chromium (the browser tests drive
# /usr/bin/chromium; a test tool's own browser download cannot work on a
# closed network), this package with its `test` extra (pytest, and the ruff
# and mypy that .ci/run lints with), and a check of the
# vendored axe-core file. Needs root, or sudo, for apt-get.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# Liberation fonts give pages and screenshots Arial-like metrics.
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
   && fc-list : family 2>/dev/null | grep -qi liberation; then
  echo "install: chromium present: $(chromium --version 2>/dev/null | head -n1)"
else
  echo "install: chromium, chromium-driver and fonts-liberation from Debian"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation >/dev/null
fi

python -m pip install -q -e ".[test]"
# Site search's Pagefind binary comes with the package (its pagefind[bin] dependency).
python -c 'import sys; from mkdocs_briefings.search.service import executable; sys.exit(0 if executable() else "install: no Pagefind binary; pip install \"pagefind[bin]\"")'

# The platforms tests/site/test_platforms.py builds with (from the test extra) must run here.
python -m properdocs --version >/dev/null
python -m zensical --version >/dev/null

# axe-core is vendored (MPL-2.0) so the accessibility tests need no network;
# refuse to run against a missing or altered copy.
(cd tests/browser/vendor && sha256sum --check --quiet SHA256SUMS)
echo "install: ready ($(python -c 'import mkdocs_briefings; print("mkdocs-briefings", mkdocs_briefings.__version__)'))"
