# runbook in a container: the package from constraints.txt, Debian's Chromium and fonts, run as
# UID 1000 (docs/container.md).
#   docker build -t runbook .
#   docker run --rm --shm-size 1g runbook run runbooks/split-delivery.yaml --console simulator
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PLAYWRIGHT_BROWSERS_PATH=/opt/ms-playwright

# Fonts for the screenshots and reports (Latin, Greek, Cyrillic and many more scripts), and
# tini: the first process, which passes signals on and reaps Chromium's exited helpers.
RUN apt-get update \
    && apt-get install -y -qq --no-install-recommends \
        fonts-dejavu-core fonts-liberation fonts-noto-core tini \
    && rm -rf /var/lib/apt/lists/*

# The set-up the README's commands use (scripts/bootstrap.sh), for the package alone: a virtual
# environment in /opt/runbook/.venv with every package at its pinned version, then, as root
# through apt, Debian's chromium, its headless shell and ffmpeg (video).
WORKDIR /opt/runbook
COPY pyproject.toml README.md LICENSE constraints.txt ./
COPY scripts/bootstrap.sh scripts/
COPY src/ src/
RUN RUNBOOK_BOOTSTRAP=image bash -c 'source scripts/bootstrap.sh' \
    && rm -rf /var/lib/apt/lists/* /root/.cache

# UID 1000 owns the folders the Kubernetes manifests mount: /recordings (run folders),
# /config (sessions, $XDG_CONFIG_HOME/runbook/profiles) and /cache (run locks); /work holds the
# example runbooks, and its recordings/ is /recordings.
RUN useradd --uid 1000 --user-group --create-home --home-dir /home/runbook \
        --shell /usr/sbin/nologin runbook \
    && install -d -o 1000 -g 1000 /recordings /config /cache /work \
    && ln -s /recordings /work/recordings
COPY --chown=1000:1000 runbooks/ /work/runbooks/

ENV PATH=/opt/runbook/.venv/bin:$PATH \
    HOME=/home/runbook \
    XDG_CONFIG_HOME=/config \
    XDG_CACHE_HOME=/cache
WORKDIR /work
USER 1000:1000
ENTRYPOINT ["tini", "--", "runbook"]
CMD ["--help"]
