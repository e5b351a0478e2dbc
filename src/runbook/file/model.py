"""The runbook model: the file, its console settings, its steps and drift settings, typed.

Checks that concern one value (a port, a host) are field validators; checks that relate fields
of one entry (TLS options, loads) are model validators of its kind's module
(`runbook.file.mail_route`, `runbook.file.routing_rule`); checks across steps (duplicate names,
`change_route` references, drift ignores) are in `runbook.file.crosscheck`. `Step` holds one
optional field per registered kind (`runbook.file.kinds`), built from the registry.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from pydantic import (
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    create_model,
    field_validator,
    model_validator,
)

from runbook.file import checks
from runbook.file.crosscheck import check_steps, facts_from_models
from runbook.file.fields import IssuePath, Resource, SpecModel, fail, text
from runbook.file.kinds import KINDS, kind_info
from runbook.file.mail_route import (
    MailRoute,
    MultipleHosts,
    Server,
    SingleHost,
    WeightedHost,
    route_option_issues,
)
from runbook.file.routing_rule import (
    ACCOUNT_TYPES,
    MATCH_TYPES,
    MESSAGE_TYPES,
    AccountType,
    Action,
    EnvelopeFilter,
    EnvelopeMatch,
    MatchType,
    MessageType,
    RoutingRule,
)
from runbook.locales import DEFAULT_LOCALE, Locale

__all__ = [
    "ACCOUNT_TYPES",
    "MATCH_TYPES",
    "MESSAGE_TYPES",
    "AccountType",
    "Action",
    "ConsoleSettings",
    "DriftIgnore",
    "DriftSettings",
    "EnvelopeFilter",
    "EnvelopeMatch",
    "IssuePath",
    "MailRoute",
    "MatchType",
    "MessageType",
    "MultipleHosts",
    "Resource",
    "RoutingRule",
    "Runbook",
    "Server",
    "SingleHost",
    "State",
    "Step",
    "StepBase",
    "WeightedHost",
    "fail",
    "route_option_issues",
]

State = Literal["present", "absent"]


class ConsoleSettings(SpecModel):
    """Where and how to reach the console."""

    url: str | None = Field(
        default=None,
        description="Console URL (default https://admin.google.com); https, or http on loopback.",
    )
    locale: Locale = Field(default=DEFAULT_LOCALE, description="The console's UI language.")
    org_unit: str = Field(default="/", description="Organizational unit path; '/' is the top.")
    labels: str | None = Field(
        default=None,
        description="A labels file (relative to the runbook): per locale, catalogue keys and "
        "the names this console gives them, tried before the built-in ones (`runbook labels`).",
    )

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


_NUMBERS = {2: "two", 3: "three", 4: "four"}


class StepBase(SpecModel):
    """A step's own fields; `Step` adds one optional field per resource kind."""

    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": [k]} for k in KINDS]})

    name: Annotated[str, text("step name")] | None = Field(
        default=None, description="What this step does, for people and reports."
    )
    state: State = Field(
        default="present", description="present: create or update; absent: delete."
    )
    continue_on_error: bool = Field(
        default=False, description="Go on with the next steps when this one fails."
    )

    @model_validator(mode="after")
    def _one_resource(self) -> StepBase:
        given = [key for key in KINDS if getattr(self, key, None) is not None]
        if not given:
            fail(((), f"a step needs one of {checks.one_of(KINDS)}"))
        if len(given) > 1:
            n = len(given)
            fail(
                (
                    (given[1],),
                    f"a step holds one resource: give {checks.one_of(given)}, "
                    f"{'not both' if n == 2 else 'only one'}; split it into "
                    f"{_NUMBERS.get(n, str(n))} steps",
                    "key",
                )
            )
        info = kind_info(given[0])
        if self.state == "absent" and info.instead_of_absent:
            what = f"the console cannot remove a {info.what}"
            fail((("state",), f"{what}: {info.instead_of_absent}"))
        # An inherited rule is only switched on or off: it has none of a new rule's fields.
        if self.state == "present" and not getattr(self.resource, "inherited", False):
            resource = self.resource
            for field in info.required:
                if field not in resource.model_fields_set or getattr(resource, field) is None:
                    fail(((info.key,), info.missing(field, resource.key), "key"))
        return self

    @property
    def kind(self) -> str:
        """The key of the step's kind: `mail_route`, `routing_rule`, ..."""
        return next(key for key in KINDS if getattr(self, key, None) is not None)

    @property
    def resource(self) -> Resource:
        """The route, rule, ... this step manages."""
        return cast(Resource, getattr(self, self.kind))

    @property
    def key(self) -> str:
        """The resource's key: the route name or the rule description."""
        return self.resource.key

    @property
    def title(self) -> str:
        """The step's name, or one made from what it does."""
        if self.name:
            return self.name
        verb = "Remove" if self.state == "absent" else "Set"
        return f"{verb} {kind_info(self.kind).what} {self.key!r}"


def _step_model() -> type[StepBase]:
    """`StepBase` with one optional field per registered kind, named by its key."""
    kinds = " or ".join(f"`{key}`" for key in KINDS)
    fields: dict[str, Any] = {key: (info.model | None, None) for key, info in KINDS.items()}
    return create_model(
        "Step",
        __base__=StepBase,
        __module__=__name__,
        __doc__=f"One step: exactly one resource ({kinds}) and its wanted state.",
        **fields,
    )


if TYPE_CHECKING:
    Step = StepBase
else:
    Step = _step_model()


class DriftIgnore(SpecModel):
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


class DriftSettings(SpecModel):
    """Settings of `runbook drift`."""

    ignore: list[DriftIgnore] = Field(default_factory=list)


class Runbook(SpecModel):
    """A whole runbook file."""

    version: Literal[1] = Field(description="Runbook format version: 1.")
    name: Annotated[str, text("runbook name")] = Field(description="The runbook's name.")
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

    def at_org_unit(self, org_unit: str | None) -> Runbook:
        """This runbook run at `org_unit` (a tenant's, or the one a saved plan was made at):
        its steps without an OU of their own act there. None: as written."""
        if org_unit is None or org_unit == self.console.org_unit:
            return self
        console = self.console.model_copy(update={"org_unit": org_unit})
        return self.model_copy(update={"console": console})

    @model_validator(mode="after")
    def _across_steps(self, info: ValidationInfo) -> Runbook:
        if info.context and info.context.get("cross_checks") is False:
            return self
        issues = check_steps(*facts_from_models(self))
        if issues:
            fail(*issues)
        return self
