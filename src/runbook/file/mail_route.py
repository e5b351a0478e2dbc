"""The `mail_route` kind: a route under Gmail > Hosts, its server(s) and TLS options."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, field_validator, model_validator

from runbook.file import checks
from runbook.file.fields import Host, Load, Port, Resource, SpecIssue, SpecModel, fail, text
from runbook.file.kind import KindInfo

_ROW: dict[str, Any] = {}  # a host table is compared whole, as `drift` diffs it
FIELDS: dict[str, Any] = {  # the fields `drift.ignore` may name, as a tree
    "name": {},
    "server": {
        "single_host": {"host": {}, "port": {}},
        "multiple_hosts": {"primary": _ROW, "secondary": _ROW},
    },
    "mx_lookup": {},
    "require_tls": {},
    "require_ca_signed_certificate": {},
    "validate_certificate_hostname": {},
}
_FLAGS = (
    "require_tls",
    "require_ca_signed_certificate",
    "validate_certificate_hostname",
    "mx_lookup",
)


class SingleHost(SpecModel):
    """The one server of a single-host route."""

    host: Host
    port: Port = 25

    def console_fields(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port}


class WeightedHost(SpecModel):
    """One row of a Primary or Secondary table: host, port and % load."""

    host: Host
    port: Port = 25
    load: Load

    def console_fields(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "load": self.load}


def _table(rows: list[WeightedHost], *, which: str, required: bool) -> list[WeightedHost]:
    if not rows:
        if required:
            fail(((), f"the {which} table needs at least one host"))
        return rows
    if len(rows) > checks.MAX_HOSTS_PER_TABLE:
        fail(
            (
                (checks.MAX_HOSTS_PER_TABLE,),
                f"the {which} table has {len(rows)} hosts; the "
                f"console allows at most {checks.MAX_HOSTS_PER_TABLE}",
            )
        )
    problem = checks.load_total_problem(which, [row.load for row in rows])
    if problem:
        fail(((), problem))
    return rows


class MultipleHosts(SpecModel):
    """Load-balanced Primary hosts and optional Secondary (backup) hosts."""

    primary: list[WeightedHost] = Field(
        description="Primary hosts; loads total 100.",
        min_length=1,
        max_length=checks.MAX_HOSTS_PER_TABLE,
    )
    secondary: list[WeightedHost] = Field(
        default_factory=list,
        description="Secondary hosts; loads total 100 when any.",
        max_length=checks.MAX_HOSTS_PER_TABLE,
    )

    @field_validator("primary", mode="wrap")
    @classmethod
    def _primary(cls, value: Any, handler: Any) -> list[WeightedHost]:
        if isinstance(value, list) and not value:
            fail(((), "the primary table needs at least one host"))
        return _table(handler(_short(value)), which="primary", required=True)

    @field_validator("secondary", mode="wrap")
    @classmethod
    def _secondary(cls, value: Any, handler: Any) -> list[WeightedHost]:
        return _table(handler(_short(value)), which="secondary", required=False)

    def console_fields(self) -> dict[str, Any]:
        return {
            "primary": [row.console_fields() for row in self.primary],
            "secondary": [row.console_fields() for row in self.secondary],
        }


def _short(value: Any) -> Any:
    """A table over the console's row limit, reported at its first extra row, not validated."""
    if isinstance(value, list) and len(value) > checks.MAX_HOSTS_PER_TABLE:
        fail(
            (
                (checks.MAX_HOSTS_PER_TABLE,),
                f"this table has {len(value)} hosts; the console "
                f"allows at most {checks.MAX_HOSTS_PER_TABLE} per table",
            )
        )
    return value


class Server(SpecModel):
    """Exactly one of `single_host` or `multiple_hosts`."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [{"required": ["single_host"]}, {"required": ["multiple_hosts"]}]
        }
    )

    single_host: SingleHost | None = None
    multiple_hosts: MultipleHosts | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Server:
        if self.single_host is None and self.multiple_hosts is None:
            fail(((), "the server needs one of 'single_host' or 'multiple_hosts'"))
        if self.single_host is not None and self.multiple_hosts is not None:
            fail(
                (
                    ("multiple_hosts",),
                    "give either 'single_host' or 'multiple_hosts', not both",
                    "key",
                )
            )
        return self

    @property
    def hosts(self) -> list[str]:
        """Every host named, primary then secondary."""
        if self.single_host is not None:
            return [self.single_host.host]
        assert self.multiple_hosts is not None
        return [r.host for r in (*self.multiple_hosts.primary, *self.multiple_hosts.secondary)]

    def console_fields(self) -> dict[str, Any]:
        if self.single_host is not None:
            return {"single_host": self.single_host.console_fields()}
        assert self.multiple_hosts is not None
        return {"multiple_hosts": self.multiple_hosts.console_fields()}


class MailRoute(Resource):
    """A route under Gmail > Hosts ("Add mail route"), keyed by its name."""

    name: Annotated[str, text("route name")] = Field(
        description="The route's name in the console (its key)."
    )
    server: Server | None = Field(
        default=None, description="The server(s); required unless state is absent."
    )
    mx_lookup: bool = Field(
        default=False, description="Perform MX lookup on host (only for a domain, not an IP)."
    )
    require_tls: bool = Field(default=True, description="Require a secure (TLS) connection.")
    require_ca_signed_certificate: bool = Field(
        default=True,
        description="Require a CA signed certificate; needs require_tls (default: require_tls).",
    )
    validate_certificate_hostname: bool = Field(
        default=True,
        description="Validate the certificate hostname; needs require_ca_signed_certificate "
        "(default: require_ca_signed_certificate).",
    )
    test_tls_connection: bool = Field(
        default=False, description="An action: press 'Test TLS connection' and record the result."
    )

    @model_validator(mode="after")
    def _options(self) -> MailRoute:
        explicit = self.model_fields_set
        if "require_ca_signed_certificate" not in explicit:
            self.__dict__["require_ca_signed_certificate"] = self.require_tls
        if "validate_certificate_hostname" not in explicit:
            self.__dict__["validate_certificate_hostname"] = self.require_ca_signed_certificate
        issues = route_option_issues(
            require_tls=self.require_tls,
            require_ca=self.require_ca_signed_certificate,
            validate_hostname=self.validate_certificate_hostname,
            mx_lookup=self.mx_lookup,
            hosts=self.server.hosts if self.server is not None else [],
        )
        if issues:
            fail(*issues)
        return self

    @property
    def key(self) -> str:
        return self.name

    def console_fields(self) -> dict[str, Any]:
        """The stored fields, in the simulator's state shape (no test_tls_connection)."""
        return {
            "name": self.name,
            "server": self.server.console_fields() if self.server is not None else None,
            "mx_lookup": self.mx_lookup,
            "require_tls": self.require_tls,
            "require_ca_signed_certificate": self.require_ca_signed_certificate,
            "validate_certificate_hostname": self.validate_certificate_hostname,
        }


def route_option_issues(
    *,
    require_tls: bool,
    require_ca: bool | None,
    validate_hostname: bool | None,
    mx_lookup: bool,
    hosts: list[str],
) -> list[SpecIssue]:
    """Problems among a route's options; None for a certificate option means "not given"."""
    if require_ca is None:
        require_ca = require_tls
    if validate_hostname is None:
        validate_hostname = require_ca
    issues: list[SpecIssue] = []
    if require_ca and not require_tls:
        issues.append(
            (
                ("require_ca_signed_certificate",),
                "require_ca_signed_certificate needs require_tls: a CA signed "
                "certificate is only checked on a TLS connection",
            )
        )
    elif validate_hostname and not require_ca:
        issues.append(
            (
                ("validate_certificate_hostname",),
                "validate_certificate_hostname needs require_ca_signed_certificate: "
                "the hostname is checked against a CA signed certificate",
            )
        )
    ips = [h for h in hosts if checks.is_ip_address(h)]
    if mx_lookup and ips:
        issues.append(
            (
                ("mx_lookup",),
                f"mx_lookup needs a domain, but {ips[0]!r} is an IP address; "
                "turn mx_lookup off or give a domain",
            )
        )
    return issues


def unvalidated_issues(route: dict[str, Any]) -> list[SpecIssue]:
    """The route's own checks, on its data as written, where validating it stopped early.

    When a field of a route is invalid its model validators do not run; these repeat them
    on the raw values that are well typed, so every problem is reported at once.
    """
    flags = {k: route.get(k) for k in _FLAGS}
    issues: list[SpecIssue] = []
    if all(v is None or isinstance(v, bool) for v in flags.values()):
        hosts = [h for h in _raw_hosts(route.get("server")) if isinstance(h, str)]
        issues += route_option_issues(
            require_tls=flags["require_tls"] is not False,
            require_ca=flags["require_ca_signed_certificate"],
            validate_hostname=flags["validate_certificate_hostname"],
            mx_lookup=flags["mx_lookup"] is True,
            hosts=hosts,
        )
    return issues + _raw_tables(route.get("server"))


def _raw_tables(server: Any) -> list[SpecIssue]:
    multiple = server.get("multiple_hosts") if isinstance(server, dict) else None
    if not isinstance(multiple, dict):
        return []
    issues: list[SpecIssue] = []
    for which in ("primary", "secondary"):
        rows = multiple.get(which)
        if not isinstance(rows, list) or not 0 < len(rows) <= checks.MAX_HOSTS_PER_TABLE:
            continue
        loads = [row.get("load") if isinstance(row, dict) else None for row in rows]
        if all(type(x) is int and 1 <= x <= 100 for x in loads):
            problem = checks.load_total_problem(which, [x for x in loads if isinstance(x, int)])
            if problem:
                issues.append((("server", "multiple_hosts", which), problem))
    return issues


def _raw_hosts(server: Any) -> list[Any]:
    if not isinstance(server, dict):
        return []
    single = server.get("single_host")
    if isinstance(single, dict):
        return [single.get("host")]
    multiple = server.get("multiple_hosts")
    if not isinstance(multiple, dict):
        return []
    rows = [
        r
        for t in ("primary", "secondary")
        if isinstance(multiple.get(t), list)
        for r in multiple[t]
    ]
    return [r.get("host") for r in rows if isinstance(r, dict)]


KIND = KindInfo(
    key="mail_route",
    key_field="name",
    noun="route",
    what="mail route",
    page="hosts",
    model=MailRoute,
    fields=FIELDS,
    required={"server": "a 'server' (single_host or multiple_hosts)"},
    unvalidated=unvalidated_issues,
)
