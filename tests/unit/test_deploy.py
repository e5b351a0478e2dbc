"""deploy/kubernetes: manifests that every supported Kubernetes accepts, whose pods pass Pod
Security "restricted" and run a real command."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import kubernetes_validate
import pytest
import yaml
from kubernetes_validate.utils import all_versions
from packaging.version import Version

from runbook.cli import cli
from runbook.file import load_runbook
from runbook.fleet import load_tenants, matrix

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "kubernetes"
OLDEST = Version("1.29")  # the oldest minor the manifests must apply on
# Every minor from OLDEST to the newest the installed kubernetes-validate has schemas for.
VERSIONS = sorted({v for v in all_versions() if Version(v) >= OLDEST}, key=Version)
VERSION = VERSIONS[-1]


def documents() -> list[tuple[str, dict[str, Any]]]:
    return [
        (path.name, doc)
        for path in sorted(DEPLOY.glob("*.yaml"))
        for doc in yaml.safe_load_all(path.read_text())
        if doc
    ]


def kind(name: str) -> dict[str, Any]:
    return next(doc for _, doc in documents() if doc["kind"] == name)


def test_the_versions_run_from_1_29_to_the_newest_known_without_a_gap() -> None:
    minors = [Version(v).minor for v in VERSIONS]
    assert Version(VERSIONS[0]) == OLDEST and minors == list(range(minors[0], minors[-1] + 1))
    assert Version(VERSION) >= Version("1.37")


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    ("file", "doc"), documents(), ids=[f"{f}-{d['kind']}" for f, d in documents()]
)
def test_each_manifest_passes_the_kubernetes_schema_strictly(
    file: str, doc: dict[str, Any], version: str
) -> None:
    assert kubernetes_validate.validate(doc, version, strict=True) == ".".join(
        version.split(".")[:2]
    )


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
        ctx = cli.command_named("drift").make_context("drift", args[1:], parent=click.Context(cli))
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


# Pod Security Standards, "restricted" (which includes "baseline"): the checks that apply to a
# pod's spec, as the Kubernetes documentation lists them.
ALLOWED_VOLUMES = {
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
}
SAFE_SYSCTLS = {
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
}
SECCOMP_TYPES = {"RuntimeDefault", "Localhost"}
SELINUX_TYPES = {
    None,
    "",
    "container_t",
    "container_init_t",
    "container_kvm_t",
    "container_engine_t",
}


def restricted_violations(pod: dict[str, Any]) -> list[str]:
    """What in a pod spec the Pod Security "restricted" profile forbids, one line each."""
    found: list[str] = []
    pod_sc = pod.get("securityContext") or {}
    for key in ("hostNetwork", "hostPID", "hostIPC"):
        if pod.get(key):
            found.append(f"{key}: host namespaces are forbidden")
    for volume in pod.get("volumes") or []:
        types = set(volume) - {"name"}
        if not types <= ALLOWED_VOLUMES:
            found.append(f"volume {volume['name']}: type {sorted(types - ALLOWED_VOLUMES)}")
    for sysctl in pod_sc.get("sysctls") or []:
        if sysctl["name"] not in SAFE_SYSCTLS:
            found.append(f"sysctl {sysctl['name']} is not in the safe set")
    containers = [
        c
        for key in ("initContainers", "containers", "ephemeralContainers")
        for c in pod.get(key) or []
    ]
    for c in containers:
        name, sc = c["name"], c.get("securityContext") or {}

        def inherited(key: str, sc: dict[str, Any] = sc) -> Any:
            return sc[key] if key in sc else pod_sc.get(key)

        for context in (sc, pod_sc):
            if (context.get("windowsOptions") or {}).get("hostProcess"):
                found.append(f"{name}: Windows HostProcess")
            selinux = context.get("seLinuxOptions") or {}
            if (
                selinux.get("type") not in SELINUX_TYPES
                or selinux.get("user")
                or selinux.get("role")
            ):
                found.append(f"{name}: SELinux options {selinux}")
            apparmor = (context.get("appArmorProfile") or {}).get("type")
            if apparmor not in (None, "RuntimeDefault", "Localhost"):
                found.append(f"{name}: AppArmor profile {apparmor}")
        if sc.get("privileged"):
            found.append(f"{name}: privileged")
        if any(p.get("hostPort") for p in c.get("ports") or []):
            found.append(f"{name}: hostPort")
        if sc.get("procMount", "Default") != "Default":
            found.append(f"{name}: procMount {sc['procMount']}")
        if sc.get("allowPrivilegeEscalation") is not False:
            found.append(f"{name}: allowPrivilegeEscalation is not false")
        capabilities = sc.get("capabilities") or {}
        if "ALL" not in (capabilities.get("drop") or []):
            found.append(f"{name}: capabilities.drop has no ALL")
        if set(capabilities.get("add") or []) - {"NET_BIND_SERVICE"}:
            found.append(f"{name}: adds capabilities {capabilities['add']}")
        if inherited("runAsNonRoot") is not True:
            found.append(f"{name}: runAsNonRoot is not true")
        if inherited("runAsUser") == 0:
            found.append(f"{name}: runAsUser 0")
        if (inherited("seccompProfile") or {}).get("type") not in SECCOMP_TYPES:
            found.append(f"{name}: seccompProfile is not RuntimeDefault or Localhost")
    return found


def pod_specs() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every pod the manifests make: (file and kind, the pod's spec)."""
    for file, doc in documents():
        spec = doc.get("spec") or {}
        if doc["kind"] == "Pod":
            yield f"{file} {doc['kind']}", spec
        elif doc["kind"] == "CronJob":
            yield f"{file} {doc['kind']}", spec["jobTemplate"]["spec"]["template"]["spec"]
        elif "template" in spec:  # Deployment, Job, StatefulSet, DaemonSet, ReplicaSet
            yield f"{file} {doc['kind']}", spec["template"]["spec"]


def test_the_manifests_make_the_fleets_pods_and_the_browser_servers() -> None:
    assert sorted(name for name, _ in pod_specs()) == [
        "browser-server.yaml Deployment",
        "cronjob.yaml CronJob",
    ]


@pytest.mark.parametrize(("where", "pod"), list(pod_specs()), ids=[w for w, _ in pod_specs()])
def test_each_pod_passes_pod_security_restricted_as_uid_1000(
    where: str, pod: dict[str, Any]
) -> None:
    assert restricted_violations(pod) == []
    assert pod["securityContext"]["runAsUser"] == 1000


@pytest.mark.parametrize(
    ("change", "violation"),
    [
        (lambda p, c: p.update(hostNetwork=True), "hostNetwork"),
        (lambda p, c: p["volumes"].append({"name": "h", "hostPath": {"path": "/"}}), "hostPath"),
        (lambda p, c: c["securityContext"].pop("allowPrivilegeEscalation"), "Escalation"),
        (lambda p, c: c["securityContext"].update(privileged=True), "privileged"),
        (lambda p, c: c["securityContext"].update(capabilities={"drop": ["NET_RAW"]}), "ALL"),
        (lambda p, c: c["securityContext"]["capabilities"].update(add=["SYS_ADMIN"]), "adds"),
        (lambda p, c: p["securityContext"].pop("runAsNonRoot"), "runAsNonRoot"),
        (lambda p, c: c["securityContext"].update(runAsUser=0), "runAsUser 0"),
        (lambda p, c: p["securityContext"].pop("seccompProfile"), "seccompProfile"),
        (lambda p, c: c["securityContext"].update(seccompProfile={"type": "Unconfined"}), "secc"),
        (lambda p, c: c.setdefault("ports", []).append({"containerPort": 1, "hostPort": 1}), "hos"),
        (lambda p, c: p["securityContext"].update(sysctls=[{"name": "kernel.msgmax"}]), "sysctl"),
    ],
)
def test_the_restricted_check_names_what_a_pod_may_not_do(change: Any, violation: str) -> None:
    for _, pod in pod_specs():
        pod = yaml.safe_load(yaml.safe_dump(pod))
        [container, *_] = pod["containers"]
        change(pod, container)
        found = restricted_violations(pod)
        assert any(violation in line for line in found), found


def test_only_the_runbook_pods_reach_the_browser_server_and_only_on_its_port() -> None:
    [policy] = [d for _, d in documents() if d["kind"] == "NetworkPolicy"]
    deployment, service = kind("Deployment"), kind("Service")
    browser_labels = deployment["spec"]["template"]["metadata"]["labels"]
    runbook_labels = kind("CronJob")["spec"]["jobTemplate"]["spec"]["template"]["metadata"][
        "labels"
    ]
    spec = policy["spec"]
    assert spec["podSelector"]["matchLabels"].items() <= browser_labels.items()
    assert spec["policyTypes"] == ["Ingress"]
    [rule] = spec["ingress"]
    [peer] = rule["from"]
    assert set(peer) == {"podSelector"}  # no namespaceSelector, no ipBlock
    assert peer["podSelector"]["matchLabels"].items() <= runbook_labels.items()
    assert not peer["podSelector"]["matchLabels"].items() <= browser_labels.items()
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    [port] = container["ports"]
    assert [p["port"] for p in rule["ports"]] == [port["containerPort"]]
    assert service["spec"]["selector"].items() <= browser_labels.items()
    assert "--port" in container["command"]
    assert container["command"][container["command"].index("--port") + 1] == str(
        port["containerPort"]
    )


def test_the_cronjob_runs_the_image_of_this_release() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    [container] = kind("CronJob")["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    registry, _, tag = container["image"].rpartition(":")
    assert registry.startswith("ghcr.io/") and registry.endswith("/runbook")
    assert tag == project["version"]


def test_with_a_read_only_root_the_runbook_pod_writes_only_to_its_writable_volumes() -> None:
    job = kind("CronJob")["spec"]["jobTemplate"]["spec"]
    [container] = job["template"]["spec"]["containers"]
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    writable = [m["mountPath"] for m in container["volumeMounts"] if not m.get("readOnly")]
    env = {e["name"]: e.get("value") for e in container["env"]}
    args = container["args"]
    written = [
        env["XDG_CACHE_HOME"],  # the run locks
        "/tmp",  # Chromium's profile folders
        "/dev/shm",
        args[args.index("--recordings") + 1],
        str(Path(args[args.index("--junit") + 1]).parent),
    ]
    for path in written:
        assert any(path == m or path.startswith(m + "/") for m in writable), path
