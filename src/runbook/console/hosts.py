"""The Gmail Hosts page and its "Add mail route" dialog."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from runbook.console.dialog import Dialog, as_port
from runbook.console.listing import ListPage
from runbook.console.translate import translated
from runbook.console.widgets import choose, current_choice

OPTION_KEYS = {
    "mx_lookup": "mx_lookup",
    "require_tls": "require_tls",
    "require_ca_signed_certificate": "require_ca",
    "validate_certificate_hostname": "validate_hostname",
}


class HostsPage(ListPage):
    """Apps > Google Workspace > Gmail > Hosts: the list of mail routes."""

    heading_key = "hosts_heading"
    name_column_key = "col_name"
    table_key = "routes_table"
    delete_title_key = "delete_route_title"

    def open_add(self) -> RouteDialog:
        """Press "Add route"; the empty dialog."""
        with translated(self.page, "opening the Add mail route dialog"):
            self.wait_ready()
            self.page.get_by_role("button", name=self.labels.add_route, exact=True).click()
            dialog = RouteDialog(self, self.labels.route_dialog)
            dialog.wait_open()
        return dialog

    def open_edit(self, name: str) -> RouteDialog:
        """Press Edit on the route with this name; the dialog, filled in."""
        with translated(self.page, f"opening route {name!r}"):
            self.wait_ready()
            self.click_edit(name)
            dialog = RouteDialog(self, self.labels.route_dialog_edit)
            dialog.wait_open()
            expect(dialog.name_box).not_to_have_value("")
        return dialog


class RouteDialog(Dialog):
    """The "Add mail route" dialog (also used, filled in, to edit a route)."""

    def __init__(self, hosts: HostsPage, title: str) -> None:
        super().__init__(hosts.page, hosts.labels, hosts.guard, title, hosts.heading)
        labels = self.labels
        root = self.root
        self.name_box = root.get_by_role("textbox", name=labels.route_name, exact=True)
        self.server_menu = root.get_by_role("combobox", name=labels.server_menu)
        self.host_box = root.get_by_role("textbox", name=labels.host, exact=True)
        self.port_box = root.get_by_role("textbox", name=labels.port, exact=True)
        self.tables = {
            "primary": root.get_by_role("group", name=labels.primary, exact=True),
            "secondary": root.get_by_role("group", name=labels.secondary, exact=True),
        }
        options = root.get_by_role("group", name=labels.options, exact=True)
        self.options = {
            field: options.get_by_role("checkbox", name=labels[key], exact=True)
            for field, key in OPTION_KEYS.items()
        }
        self.test_tls_button = root.get_by_role("button", name=labels.test_tls, exact=True)

    # --- reading ------------------------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape."""
        with translated(self.page, "reading the mail route dialog"):
            if current_choice(self.server_menu) == self.labels.multiple_hosts:
                server: dict[str, Any] = {
                    "multiple_hosts": {
                        table: self._read_rows(table) for table in ("primary", "secondary")
                    }
                }
            else:
                server = {
                    "single_host": {
                        "host": self.host_box.input_value().strip(),
                        "port": as_port(self.port_box.input_value()),
                    }
                }
            return {
                "name": self.name_box.input_value().strip(),
                "server": server,
                **{field: box.is_checked() for field, box in self.options.items()},
            }

    def _row(self, table: str, n: int) -> Locator:
        name = self.labels.host_row.format(n=n)
        return self.tables[table].get_by_role("group", name=name, exact=True)

    def _row_count(self, table: str) -> int:
        n = 0
        while self._row(table, n + 1).count():
            n += 1
        return n

    def _read_rows(self, table: str) -> list[dict[str, Any]]:
        rows = []
        for n in range(1, self._row_count(table) + 1):
            row = self._row(table, n)
            rows.append(
                {
                    "host": self._row_box(row, "host").input_value().strip(),
                    "port": as_port(self._row_box(row, "port").input_value()),
                    "load": as_port(self._row_box(row, "load").input_value()),
                }
            )
        return rows

    def _row_box(self, row: Locator, key: str) -> Locator:
        return row.get_by_role("textbox", name=self.labels[key], exact=True)

    # --- writing ------------------------------------------------------------------------------
    def fill(self, want: dict[str, Any]) -> None:
        """Make the dialog show `want`, touching only the fields that differ."""
        with translated(self.page, "filling the mail route dialog"):
            self.set_text(self.name_box, want["name"])
            server = want["server"]
            if "single_host" in server:
                choose(self.page, self.server_menu, self.labels.single_host)
                self.set_text(self.host_box, server["single_host"]["host"])
                self.set_text(self.port_box, str(server["single_host"]["port"]))
            else:
                choose(self.page, self.server_menu, self.labels.multiple_hosts)
                for table in ("primary", "secondary"):
                    self._fill_rows(table, server["multiple_hosts"].get(table, []))
            # Parents first: the certificate options are enabled only under TLS.
            for field in OPTION_KEYS:
                box = self.options[field]
                if box.is_checked() != bool(want[field]):
                    box.set_checked(bool(want[field]))

    def _fill_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        count = self._row_count(table)
        group = self.tables[table]
        while count > len(rows):
            remove = self._row(table, count).get_by_role(
                "button", name=self.labels.remove_host, exact=True
            )
            remove.click()
            expect(self._row(table, count)).to_have_count(0)
            count -= 1
        while count < len(rows):
            group.get_by_role("button", name=self.labels.add_host, exact=True).click()
            count += 1
            expect(self._row(table, count)).to_have_count(1)
        for n, want in enumerate(rows, start=1):
            row = self._row(table, n)
            for key in ("host", "port", "load"):
                self.set_text(self._row_box(row, key), str(want[key]))

    def test_tls(self) -> dict[str, str]:
        """Press "Test TLS connection"; the console's verdict and what it said."""
        labels = self.labels
        with translated(self.page, "testing the TLS connection"):
            passed = self.root.get_by_role("status").filter(has_text=labels.tls_passed)
            failed = self.root.get_by_role("alert").filter(has_text=labels.tls_failed)
            self.test_tls_button.click()
            expect(passed.or_(failed).first).to_be_visible()
            expect(self.test_tls_button).to_be_enabled()
            if failed.count():
                return {"result": "failed", "message": " ".join(failed.all_inner_texts())}
            return {"result": "passed", "message": " ".join(passed.all_inner_texts())}
