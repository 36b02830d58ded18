"""runserver, ending its start-up output with what a newcomer needs: where the site and
the admin are, and the local admin's password (clinic_site/local_admin.py)."""

from django.contrib.staticfiles.management.commands.runserver import Command as StaticRunserver

from clinic_site import local_admin


def framed(lines: list[str]) -> str:
    width = max(map(len, lines))
    rule = "+" + "-" * (width + 2) + "+"
    return "\n".join([rule, *(f"| {line.ljust(width)} |" for line in lines), rule])


class Command(StaticRunserver):
    def on_bind(self, server_port):
        super().on_bind(server_port)
        self.stdout.write(framed(self.banner_lines(server_port)))

    def browser_host(self) -> str:
        if self.addr in ("0", "0.0.0.0"):  # noqa: S104 (reading it, not binding to it)
            return "localhost"
        return f"[{self.addr}]" if self._raw_ipv6 else self.addr

    def banner_lines(self, server_port) -> list[str]:
        base = f"{self.protocol}://{self.browser_host()}:{server_port}"
        lines = [f"The site:  {base}/", f"The admin: {base}/admin/"]
        try:
            account = local_admin.recall()
        except Exception:  # e.g. not migrated yet: the banner must not stop the server
            account = None
        if account is None:
            lines.append("  No local admin yet: `make run` (or manage.py ensure_local_admin).")
        elif account[1] is None:
            lines.append(f"  Username {account[0]}; its password was changed since it was made.")
            lines.append("  A new one: make reset-admin-password")
        else:
            lines.append(f"  Username {account[0]}   password {account[1]}")
            lines.append("  A new one: make reset-admin-password")
        lines.append("Development server only (production: README, Deploying). Quit: CONTROL-C.")
        return lines
