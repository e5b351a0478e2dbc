"""deploy/kubernetes: manifests the Kubernetes schemas accept, whose pods run a real command."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click
import kubernetes_validate
import pytest
import yaml

from runbook.cli import cli
from runbook.file import load_runbook
from runbook.fleet import load_tenants, matrix

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "kubernetes"
VERSION = "1.37.0"


def documents() -> list[tuple[str, dict[str, Any]]]:
    return [
        (path.name, doc)
        for path in sorted(DEPLOY.glob("*.yaml"))
        for doc in yaml.safe_load_all(path.read_text())
        if doc
    ]


def kind(name: str) -> dict[str, Any]:
    return next(doc for _, doc in documents() if doc["kind"] == name)


@pytest.mark.parametrize(("file", "doc"), documents(), ids=[f for f, _ in documents()])
def test_each_manifest_passes_the_kubernetes_schema_strictly(
    file: str, doc: dict[str, Any]
) -> None:
    kubernetes_validate.validate(doc, VERSION, strict=True)


def test_the_validator_refuses_a_broken_job() -> None:
    job = yaml.safe_load(yaml.safe_dump(kind("CronJob")))
    job["spec"]["jobTemplate"]["spec"]["completionMode"] = {"indexed": True}
    job["spec"]["jobTemplate"]["spec"]["backofLimitPerIndex"] = 2
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(job, VERSION, strict=True)


def test_the_cronjob_runs_an_indexed_job_that_retries_only_exit_1() -> None:
    cron = kind("CronJob")["spec"]
    job = cron["jobTemplate"]["spec"]
    assert cron["concurrencyPolicy"] == "Forbid"
    assert job["completionMode"] == "Indexed"
    assert job["podReplacementPolicy"] == "Failed"
    assert job["backoffLimitPerIndex"] >= 1 and job["parallelism"] >= 1
    actions = {
        rule["action"]: set(rule["onExitCodes"]["values"])
        for rule in job["podFailurePolicy"]["rules"]
        if "onExitCodes" in rule
    }
    assert {3, 4, 64, 65} <= actions["FailIndex"]
    assert actions["Count"] == {1}
    [container] = job["template"]["spec"]["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert int(env["SHARDS"]) == job["completions"]


def _expand(arg: str, values: dict[str, str]) -> str:
    """`$(NAME)` replaced as Kubernetes does with the container's environment."""
    return re.sub(r"\$\((\w+)\)", lambda m: values[m[1]], arg)


def test_each_pod_runs_a_drift_command_the_cli_accepts_on_its_shard() -> None:
    job = kind("CronJob")["spec"]["jobTemplate"]["spec"]
    [container] = job["template"]["spec"]["containers"]
    shards = job["completions"]
    for index in range(shards):
        values = {"JOB_COMPLETION_INDEX": str(index), "SHARDS": str(shards)}
        args = [_expand(a, values) for a in container["args"]]
        assert args[0] == "drift"
        ctx = cli.commands["drift"].make_context("drift", args[1:], parent=click.Context(cli))
        assert str(ctx.params["shard"]) == f"{index}/{shards}"
        assert ctx.params["tenants"] == "/etc/runbook/tenants.yaml"


def test_the_configmap_holds_a_tenants_file_and_a_runbook_that_load(tmp_path: Path) -> None:
    data = kind("ConfigMap")["data"]
    for name, text in data.items():
        (tmp_path / name).write_text(text)
    tenants = load_tenants(tmp_path / "tenants.yaml")
    secret = kind("Secret")["stringData"]
    assert {f"{t.profile}.json" for t in tenants} <= set(secret)
    for tenant in tenants:
        load_runbook(tmp_path / "split-delivery.yaml", variables=tenant.vars)
    assert len(matrix(tenants, 256)["include"]) == len(tenants)
