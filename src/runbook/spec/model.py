"""The runbook model: every field of a runbook file, typed and checked, in the console's shapes.

Checks that concern one value (a port, a host, an address) are field validators; checks that
relate fields of one entry (TLS options, loads) are model validators; checks across steps
(duplicate names, `change_route` references, drift ignores) are in `runbook.spec.crosscheck`.
A failed check raises `PydanticCustomError("runbook", ...)` whose context lists each problem
with the path below the validated value where it lies, so the loader can point at the exact
line and column of the offending value.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, NoReturn

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from runbook.spec import checks

IssuePath = tuple[str | int, ...]

MESSAGE_TYPES: tuple[str, ...] = ("inbound", "outbound", "internal_sending", "internal_receiving")
ACCOUNT_TYPES: tuple[str, ...] = ("users", "groups", "unrecognized_catch_all")
MATCH_TYPES: tuple[str, ...] = ("single_address", "pattern", "group")

MessageType = Literal["inbound", "outbound", "internal_sending", "internal_receiving"]
AccountType = Literal["users", "groups", "unrecognized_catch_all"]
MatchType = Literal["single_address", "pattern", "group"]
Action = Literal["modify_message", "reject_message"]
State = Literal["present", "absent"]
Kind = Literal["mail_route", "routing_rule"]


def fail(*issues: tuple[IssuePath, str] | tuple[IssuePath, str, str]) -> NoReturn:
    """Raise the problems `(path below this value, message[, "key"])`; all are reported.

    A third element `"key"` asks for the position of the key at the path instead of its value
    (for "unknown", "duplicate", "choose one" problems about the key itself).
    """
    raise PydanticCustomError(
        "runbook", "{message}", {"message": issues[0][1], "issues": tuple(issues)}
    )


def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


def _port(value: int) -> int:
    problem = checks.port_problem(value)
    if problem:
        fail(((), problem))
    return value


def _load(value: int) -> int:
    if not 1 <= value <= 100:
        fail(((), f"load {value} is out of range; each host takes 1 to 100 (% of the mail)"))
    return value


def _host(value: str) -> str:
    problem = checks.host_problem(value)
    if problem:
        fail(((), problem))
    return value


def _text(what: str) -> AfterValidator:
    def check(value: str) -> str:
        problem = checks.text_problem(value, what=what)
        if problem:
            fail(((), problem))
        return value

    return AfterValidator(check)


Port = Annotated[
    int,
    BeforeValidator(_no_bool),
    AfterValidator(_port),
    WithJsonSchema(
        {
            "type": "integer",
            "anyOf": [{"enum": [25, 587]}, {"minimum": 1024, "maximum": 65535}],
            "description": "SMTP port: 25, 587 or 1024-65535 (465 is refused by the console).",
        }
    ),
]
Load = Annotated[
    int,
    BeforeValidator(_no_bool),
    AfterValidator(_load),
    WithJsonSchema(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": 100,
            "description": "% load of this host; the loads of a table total 100.",
        }
    ),
]
Host = Annotated[
    str,
    AfterValidator(_host),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "description": "Host name (recommended) or IP."}
    ),
]
RouteName = Annotated[str, _text("route name")]
RuleDescription = Annotated[str, _text("rule description")]


def _unique_nonempty(values: list[str], *, what: str, choices: tuple[str, ...]) -> list[str]:
    if not values:
        fail(((), f"give at least one {what} ({checks.one_of(choices)})"))
    seen: set[str] = set()
    issues: list[tuple[IssuePath, str]] = []
    for i, value in enumerate(values):
        if value in seen:
            issues.append(((i,), f"{what} {value!r} is listed twice"))
        seen.add(value)
    if issues:
        fail(*issues)
    return values


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=False)


class ConsoleSettings(_Model):
    """Where and how to reach the console."""

    url: str | None = Field(
        default=None,
        description="Console URL (default https://admin.google.com); https, or http on loopback.",
    )
    locale: Literal["en", "fr"] = Field(default="en", description="The console's UI language.")
    org_unit: str = Field(default="/", description="Organizational unit path; '/' is the top.")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None:
            problem = checks.console_url_problem(value)
            if problem:
                fail(((), problem))
        return value

    @field_validator("org_unit")
    @classmethod
    def _org_unit(cls, value: str) -> str:
        problem = checks.org_unit_problem(value)
        if problem:
            fail(((), problem))
        return value


class SingleHost(_Model):
    """The one server of a single-host route."""

    host: Host
    port: Port = 25

    def console_fields(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port}


class WeightedHost(_Model):
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


class MultipleHosts(_Model):
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


class Server(_Model):
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


class MailRoute(_Model):
    """A route under Gmail > Hosts ("Add mail route"), keyed by its name."""

    name: RouteName = Field(description="The route's name in the console (its key).")
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
) -> list[tuple[IssuePath, str]]:
    """Problems among a route's options; None for a certificate option means "not given"."""
    if require_ca is None:
        require_ca = require_tls
    if validate_hostname is None:
        validate_hostname = require_ca
    issues: list[tuple[IssuePath, str]] = []
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


class EnvelopeMatch(_Model):
    """How one side of the envelope is matched: an address, a pattern or a group."""

    match: MatchType = Field(description="single_address | pattern | group")
    value: str = Field(description="The address, the regular expression or the group address.")

    @model_validator(mode="after")
    def _value(self) -> EnvelopeMatch:
        if self.match == "pattern":
            problem = checks.pattern_problem(self.value)
        elif self.match == "group":
            problem = checks.address_problem(self.value, what="group address")
        else:
            problem = checks.address_problem(self.value)
        if problem:
            fail((("value",), problem))
        return self

    def console_fields(self) -> dict[str, Any]:
        return {"match": self.match, "value": self.value}


class EnvelopeFilter(_Model):
    """Only affect specific envelope senders and/or recipients."""

    senders: EnvelopeMatch | None = None
    recipients: EnvelopeMatch | None = None

    @model_validator(mode="after")
    def _one_side(self) -> EnvelopeFilter:
        if self.senders is None and self.recipients is None:
            fail(
                (
                    (),
                    "the envelope filter needs 'senders', 'recipients' or both (leave "
                    "envelope_filter out to affect every envelope)",
                )
            )
        return self

    def console_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.senders is not None:
            out["senders"] = self.senders.console_fields()
        if self.recipients is not None:
            out["recipients"] = self.recipients.console_fields()
        return out


def _default_account_types() -> list[AccountType]:
    return ["users", "groups"]


_CHANGE_ROUTE_SCHEMA: dict[str, Any] = {
    "description": "Change route to this mail route (by name). The route must be defined by an "
    "earlier step, or written {name: ..., existing: true} when it must already exist in the "
    "console.",
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "existing": {"type": "boolean"},
            },
            "required": ["name"],
            "additionalProperties": False,
        },
        {"type": "null"},
    ],
}


class RoutingRule(_Model):
    """A rule under Gmail > Routing ("Add setting"), keyed by its description."""

    description: RuleDescription = Field(description="The rule's description (its key).")
    messages: list[MessageType] = Field(
        default_factory=list,
        description="Email messages to affect; required unless state is absent.",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    action: Action = Field(default="modify_message", description="What to do with them.")
    change_route: Annotated[str | None, WithJsonSchema(_CHANGE_ROUTE_SCHEMA)] = None
    change_route_existing: bool = Field(
        default=False,
        description="Set by `change_route: {name: ..., existing: true}`: the route is not "
        "defined in this runbook but must already exist in the console.",
    )
    account_types: list[AccountType] = Field(
        default_factory=_default_account_types,
        description="Account types to affect (console default: users and groups).",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    envelope_filter: EnvelopeFilter | None = Field(
        default=None, description="Only affect specific envelope senders and/or recipients."
    )
    enabled: bool = Field(default=True, description="Whether the rule is on.")

    @model_validator(mode="before")
    @classmethod
    def _change_route_spelling(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return data
        from_yaml = bool(info.context and info.context.get("yaml"))
        if from_yaml and "change_route_existing" in data:
            fail(
                (
                    ("change_route_existing",),
                    "unknown key 'change_route_existing'; write "
                    "change_route: {name: ..., existing: true}",
                    "key",
                )
            )
        spec = data.get("change_route")
        if not isinstance(spec, dict):
            return data
        issues: list[tuple[IssuePath, str] | tuple[IssuePath, str, str]] = []
        for key in spec:
            if key not in ("name", "existing"):
                hint = checks.did_you_mean(str(key), ("name", "existing"))
                issues.append(
                    (
                        ("change_route", key),
                        f"unknown key {key!r} in change_route{hint} (it takes name and existing)",
                        "key",
                    )
                )
        name = spec.get("name")
        existing = spec.get("existing", False)
        if "name" not in spec:
            issues.append(
                (("change_route",), "change_route needs a 'name' (the route's name)", "key")
            )
        elif not isinstance(name, str):
            issues.append((("change_route", "name"), "the route name must be text"))
        if not isinstance(existing, bool):
            issues.append((("change_route", "existing"), "existing must be true or false"))
        if issues:
            fail(*issues)
        out = dict(data)
        out["change_route"] = name
        out["change_route_existing"] = existing
        return out

    @field_validator("change_route")
    @classmethod
    def _route_name(cls, value: str | None) -> str | None:
        if value is not None:
            problem = checks.text_problem(value, what="route name")
            if problem:
                fail(((), problem))
        return value

    @field_validator("messages")
    @classmethod
    def _messages(cls, value: list[str]) -> list[str]:
        return _unique_nonempty(value, what="message type", choices=MESSAGE_TYPES)

    @field_validator("account_types")
    @classmethod
    def _account_types(cls, value: list[str]) -> list[str]:
        return _unique_nonempty(value, what="account type", choices=ACCOUNT_TYPES)

    @model_validator(mode="after")
    def _action(self) -> RoutingRule:
        if self.action == "reject_message" and self.change_route is not None:
            fail(
                (
                    ("change_route",),
                    "change_route only goes with action modify_message; a "
                    "rejected message is not delivered anywhere",
                    "key",
                )
            )
        return self

    @property
    def key(self) -> str:
        return self.description

    def console_fields(self) -> dict[str, Any]:
        """The stored fields, in the simulator's state shape (lists in the console's order)."""
        return {
            "description": self.description,
            "messages": [m for m in MESSAGE_TYPES if m in self.messages],
            "action": self.action,
            "change_route": self.change_route,
            "account_types": [a for a in ACCOUNT_TYPES if a in self.account_types],
            "envelope_filter": (
                self.envelope_filter.console_fields() if self.envelope_filter is not None else None
            ),
            "enabled": self.enabled,
        }


class Step(_Model):
    """One step: exactly one resource (`mail_route` or `routing_rule`) and its wanted state."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["mail_route"]}, {"required": ["routing_rule"]}]}
    )

    name: Annotated[str, _text("step name")] | None = Field(
        default=None, description="What this step does, for people and reports."
    )
    state: State = Field(
        default="present", description="present: create or update; absent: delete."
    )
    continue_on_error: bool = Field(
        default=False, description="Go on with the next steps when this one fails."
    )
    mail_route: MailRoute | None = None
    routing_rule: RoutingRule | None = None

    @model_validator(mode="after")
    def _one_resource(self) -> Step:
        if self.mail_route is None and self.routing_rule is None:
            fail(((), "a step needs one of 'mail_route' or 'routing_rule'"))
        if self.mail_route is not None and self.routing_rule is not None:
            fail(
                (
                    ("routing_rule",),
                    "a step holds one resource: give 'mail_route' or "
                    "'routing_rule', not both; split it into two steps",
                    "key",
                )
            )
        if self.state == "present":
            if self.mail_route is not None and self.mail_route.server is None:
                fail(
                    (
                        ("mail_route",),
                        f"mail route {self.mail_route.name!r} needs a 'server' "
                        "(single_host or multiple_hosts); only 'state: absent' may leave it out",
                        "key",
                    )
                )
            rule = self.routing_rule
            if rule is not None and "messages" not in rule.model_fields_set:
                fail(
                    (
                        ("routing_rule",),
                        f"routing rule {rule.description!r} needs "
                        f"'messages' ({checks.one_of(MESSAGE_TYPES)}); only 'state: absent' may "
                        "leave it out",
                        "key",
                    )
                )
        return self

    @property
    def kind(self) -> Kind:
        return "mail_route" if self.mail_route is not None else "routing_rule"

    @property
    def resource(self) -> MailRoute | RoutingRule:
        if self.mail_route is not None:
            return self.mail_route
        assert self.routing_rule is not None
        return self.routing_rule

    @property
    def key(self) -> str:
        """The resource's key: the route name or the rule description."""
        return self.resource.key

    @property
    def title(self) -> str:
        """The step's name, or one made from what it does."""
        if self.name:
            return self.name
        what = "mail route" if self.kind == "mail_route" else "routing rule"
        verb = "Remove" if self.state == "absent" else "Set"
        return f"{verb} {what} {self.key!r}"


class DriftIgnore(_Model):
    """A difference that `drift` should accept, for a reason, possibly until a date."""

    step: str = Field(description="A step name, or a route name / rule description.")
    field: str = Field(description="Dotted field path, e.g. server.single_host.port.")
    reason: str = Field(description="Why this difference is accepted.")
    until: date | None = Field(default=None, description="Stop ignoring after this date.")

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str) -> str:
        if not value.strip():
            fail(((), "give a reason for ignoring this difference"))
        return value

    @field_validator("field")
    @classmethod
    def _field(cls, value: str) -> str:
        parts = value.split(".")
        if not value or any(not p or not (p.isidentifier() or p.isdigit()) for p in parts):
            fail(((), f"{value!r} is not a field path; write it like server.single_host.port"))
        return value


class DriftSettings(_Model):
    """Settings of `runbook drift`."""

    ignore: list[DriftIgnore] = Field(default_factory=list)


class Runbook(_Model):
    """A whole runbook file."""

    version: Literal[1] = Field(description="Runbook format version: 1.")
    name: Annotated[str, _text("runbook name")] = Field(description="The runbook's name.")
    description: str = ""
    console: ConsoleSettings = Field(default_factory=ConsoleSettings)
    vars: Annotated[
        dict[str, str],
        WithJsonSchema(
            {
                "type": "object",
                "description": "Variables for ${name} references (--var overrides them).",
                "additionalProperties": {"type": ["string", "number", "boolean"]},
            }
        ),
    ] = Field(default_factory=dict)
    steps: list[Step] = Field(description="The steps, applied in order.")
    drift: DriftSettings = Field(default_factory=DriftSettings)
    secrets: frozenset[str] = Field(
        default=frozenset(),
        exclude=True,
        description="Values that came from ${env:...}: redact them everywhere (not from YAML).",
    )
    secret_names: dict[str, str] = Field(
        default_factory=dict,
        exclude=True,
        description="The environment variable each secret came from (not from YAML).",
    )
    source: str = Field(default="", exclude=True, description="The file it was loaded from.")

    @field_validator("version", mode="before")
    @classmethod
    def _version(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip() == "1":
            fail(
                (
                    (),
                    f"version must be the number 1, not the text {value!r}; "
                    "write it without quotes: version: 1",
                )
            )
        if value != 1 or isinstance(value, bool):
            fail(((), f"unsupported runbook version {value!r}; runbook reads version 1"))
        return value

    @field_validator("steps")
    @classmethod
    def _steps(cls, value: list[Step]) -> list[Step]:
        if not value:
            fail(((), "a runbook needs at least one step"))
        return value

    @model_validator(mode="after")
    def _across_steps(self, info: ValidationInfo) -> Runbook:
        if info.context and info.context.get("cross_checks") is False:
            return self
        from runbook.spec.crosscheck import check_steps, facts_from_models

        issues = check_steps(*facts_from_models(self))
        if issues:
            fail(*issues)
        return self

    @property
    def routes(self) -> list[MailRoute]:
        return [s.mail_route for s in self.steps if s.mail_route is not None]

    @property
    def rules(self) -> list[RoutingRule]:
        return [s.routing_rule for s in self.steps if s.routing_rule is not None]
