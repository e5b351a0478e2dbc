"""The Gmail Hosts page and its "Add mail route" dialog."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from runbook.console.aria import AriaNode
from runbook.console.failures import translated
from runbook.console.locate import by_role, text_matcher
from runbook.console.moves import Cancel, Look, Move, Pick, Press
from runbook.console.page import Dialog, ListPage, as_port
from runbook.console.widgets import choose
from runbook.locales import LabelKey, Role
from runbook.names import shown

OPTION_KEYS: dict[str, LabelKey] = {
    "mx_lookup": "mx_lookup",
    "require_tls": "require_tls",
    "require_ca_signed_certificate": "require_ca",
    "validate_certificate_hostname": "validate_hostname",
}
TABLE_KEYS: dict[str, LabelKey] = {"primary": "primary", "secondary": "secondary"}
ROW_KEYS: dict[str, LabelKey] = {"host": "host", "port": "port", "load": "load"}


class HostsPage(ListPage, page="hosts"):
    """Apps > Google Workspace > Gmail > Hosts: the list of mail routes."""

    name_column_key = "col_name"
    table_key = "routes_table"
    delete_title_key = "delete_route_title"

    def open_add(self) -> RouteDialog:
        """Press "Add route"; the empty dialog."""
        with translated(self.page, "opening the Add mail route dialog"):
            self.wait_ready()
            by_role(self.page, "button", "add_route", self.labels).click()
            dialog = RouteDialog(self, "route_dialog")
            dialog.wait_open()
        return dialog

    def open_edit(self, name: str) -> RouteDialog:
        """Press Edit on the route with this name; the dialog, filled in."""
        with translated(self.page, f"opening route {name!r}"):
            self.wait_ready()
            self.click_edit(name)
            dialog = RouteDialog(self, "route_dialog_edit")
            dialog.wait_open()
            expect(dialog.name_box).not_to_have_value("")
        return dialog


class RouteDialog(Dialog):
    """The "Add mail route" dialog (also used, filled in, to edit a route)."""

    def __init__(self, hosts: HostsPage, title: LabelKey) -> None:
        super().__init__(hosts, title)
        labels = self.labels
        root = self.root
        self.name_box = by_role(root, "textbox", "route_name", labels)
        self.server_menu = by_role(root, "combobox", "server_menu", labels, exact=False)
        self.host_box = by_role(root, "textbox", "host", labels)
        self.port_box = by_role(root, "textbox", "port", labels)
        self.tables = {
            "primary": by_role(root, "group", "primary", labels),
            "secondary": by_role(root, "group", "secondary", labels),
        }
        options = by_role(root, "group", "options", labels)
        self.options = {
            field: by_role(options, "checkbox", key, labels) for field, key in OPTION_KEYS.items()
        }
        self.test_tls_button = by_role(root, "button", "test_tls", labels)

    # --- reading ------------------------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape (one round trip)."""
        with translated(self.page, "reading the mail route dialog"):
            return self._fields(self.snapshot())

    def _fields(self, snap: AriaNode) -> dict[str, Any]:
        labels = self.labels
        if labels.matches("multiple_hosts", snap.text_of("combobox", labels.names("server_menu"))):
            server: dict[str, Any] = {
                "multiple_hosts": {t: self._rows_of(snap, t) for t in ("primary", "secondary")}
            }
        else:
            server = {
                "single_host": {
                    "host": snap.text_of("textbox", labels.names("host")).strip(),
                    "port": as_port(snap.text_of("textbox", labels.names("port"))),
                }
            }
        options = snap.find("group", labels.names("options")) or snap
        return {
            "name": shown(snap.text_of("textbox", labels.names("route_name"))),
            "server": server,
            **{field: options.is_checked(labels.names(k)) for field, k in OPTION_KEYS.items()},
        }

    def _rows_of(self, snap: AriaNode, table: str) -> list[dict[str, Any]]:
        labels = self.labels
        group = snap.find("group", labels.names(TABLE_KEYS[table]))
        rows = []
        n = 1
        while group is not None:
            row = group.find("group", labels.names("host_row", n=n))
            if row is None:
                break
            rows.append(
                {
                    "host": row.text_of("textbox", labels.names("host")).strip(),
                    "port": as_port(row.text_of("textbox", labels.names("port"))),
                    "load": as_port(row.text_of("textbox", labels.names("load"))),
                }
            )
            n += 1
        return rows

    def _row(self, table: str, n: int) -> Locator:
        return by_role(self.tables[table], "group", "host_row", self.labels, n=n)

    def _row_box(self, row: Locator, key: LabelKey) -> Locator:
        return by_role(row, "textbox", key, self.labels)

    # --- writing ------------------------------------------------------------------------------
    def fill(self, want: dict[str, Any]) -> None:
        """Make the dialog show `want`, touching only the fields that differ."""
        with translated(self.page, "filling the mail route dialog"):
            snap = self.snapshot()
            have = self._fields(snap)
            shown = snap.text_of("combobox", self.labels.names("server_menu"))
            self.set_name(self.name_box, want["name"], have["name"])
            server = want["server"]
            kind = "single_host" if "single_host" in server else "multiple_hosts"
            same_kind = kind in have["server"]
            if kind == "single_host":
                choose(self.page, self.server_menu, self.labels.names("single_host"), shown)
                cur = have["server"]["single_host"] if same_kind else {}
                host, port = server["single_host"]["host"], str(server["single_host"]["port"])
                self.set_text(self.host_box, host, cur.get("host"))
                self.set_text(self.port_box, port, None if not cur else str(cur.get("port")))
            else:
                choose(self.page, self.server_menu, self.labels.names("multiple_hosts"), shown)
                for table in ("primary", "secondary"):
                    rows = have["server"]["multiple_hosts"][table] if same_kind else None
                    self._fill_rows(table, server["multiple_hosts"].get(table, []), rows)
            # Parents first: the certificate options are enabled only under TLS, and a parent
            # that changes may change its children, so those are read again.
            parent_changed = False
            for field in OPTION_KEYS:
                box = self.options[field]
                current = box.is_checked() if parent_changed else have[field]
                if current != bool(want[field]):
                    box.set_checked(bool(want[field]))
                    parent_changed = field != "mx_lookup"

    def _fill_rows(
        self, table: str, rows: list[dict[str, Any]], current: list[dict[str, Any]] | None
    ) -> None:
        if current is None:
            current = self._rows_of(self.snapshot(), table)
        count = len(current)
        group = self.tables[table]
        while count > len(rows):
            remove = by_role(self._row(table, count), "button", "remove_host", self.labels)
            remove.click()
            expect(self._row(table, count)).to_have_count(0)
            count -= 1
        while count < len(rows):
            by_role(group, "button", "add_host", self.labels).click()
            count += 1
            expect(self._row(table, count)).to_have_count(1)
        for n, want in enumerate(rows, start=1):
            row = self._row(table, n)
            have = current[n - 1] if n <= len(current) else {}
            for field, key in ROW_KEYS.items():
                old = have.get(field)
                self.set_text(
                    self._row_box(row, key), str(want[field]), None if old is None else str(old)
                )

    def test_tls(self) -> dict[str, str]:
        """Press "Test TLS connection"; the console's verdict and what it said."""
        labels = self.labels
        with translated(self.page, "testing the TLS connection"):
            passed = self.root.get_by_role("status").filter(
                has_text=text_matcher(labels, "tls_passed")
            )
            failed = self.root.get_by_role("alert").filter(
                has_text=text_matcher(labels, "tls_failed")
            )
            self.test_tls_button.click()
            expect(passed.or_(failed).first).to_be_visible()
            expect(self.test_tls_button).to_be_enabled()
            if failed.count():
                return {"result": "failed", "message": " ".join(failed.all_inner_texts())}
            return {"result": "passed", "message": " ".join(passed.all_inner_texts())}


# What `runbook probe` does on this page, read-only (the moves: `console/moves.py`).
WALK: tuple[Move, ...] = (
    Look(("hosts_heading", "add_route")),
    Press("add_route", opens="route_dialog"),
    Look(
        (
            "route_name",
            "server_menu",
            "host",
            "port",
            "options",
            "mx_lookup",
            "require_tls",
            "require_ca",
            "validate_hostname",
            "test_tls",
            "save",
            "cancel",
        )
    ),
    Pick("server_menu", ("single_host", "multiple_hosts"), choose="multiple_hosts"),
    Look(("primary", "secondary", "host_row", "load", "add_host", "remove_host")),
    Cancel(),
)

# Keys of this page a read-only walk does not reach, by the place that shows them.
ELSEWHERE: dict[str, tuple[LabelKey, ...]] = {
    "hosts/list": ("routes_table", "col_name", "edit", "delete"),
    "hosts/delete": ("delete_route_title",),
    "hosts/route_dialog_edit": ("route_dialog_edit",),
    "hosts/route_dialog/test_tls": ("tls_passed", "tls_failed"),
}

# The roles of the label keys this page uses (the shell's are `locales.SHELL_ROLES`).
ROLES: dict[LabelKey, Role] = {
    "nav_hosts": "link",
    "hosts_heading": "heading",  # level 1
    "add_route": "button",
    "routes_table": "table",
    "col_name": "columnheader",  # of the routes table
    "delete_route_title": "alertdialog",
    "route_dialog": "dialog",
    "route_dialog_edit": "dialog",  # when editing
    "route_name": "textbox",
    "server_menu": "combobox",  # section "1. Specify email server"
    "single_host": "option",
    "multiple_hosts": "option",
    "host": "textbox",
    "port": "textbox",
    "load": "textbox",  # in a multiple-hosts row
    "primary": "group",  # table of primary hosts
    "secondary": "group",
    "host_row": "group",  # one row of a primary/secondary table; {n} is its number
    "add_host": "button",  # inside the Primary/Secondary group
    "remove_host": "button",  # inside a row group
    "options": "group",  # section "2. Options"
    "mx_lookup": "checkbox",
    "require_tls": "checkbox",
    "require_ca": "checkbox",
    "validate_hostname": "checkbox",
    "test_tls": "button",
    "tls_passed": "status",  # text
    "tls_failed": "alert",  # text, with the bounce warning
}
