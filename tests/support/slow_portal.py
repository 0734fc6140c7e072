"""A desktop portal that answers slowly, for benches/gui.rs.

Owns org.freedesktop.portal.Desktop on the session bus given by
DBUS_SESSION_BUS_ADDRESS and answers the Settings interface's calls (the
light or dark preference) only after DELAY seconds (argv[1]). Prints
"ready" once it owns the name.
"""

import asyncio
import sys

from dbus_next import Variant
from dbus_next.aio import MessageBus
from dbus_next.service import ServiceInterface, method

DELAY = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0


class Settings(ServiceInterface):
    def __init__(self):
        super().__init__("org.freedesktop.portal.Settings")

    @method()
    async def ReadOne(self, namespace: "s", key: "s") -> "v":  # noqa: F821
        await asyncio.sleep(DELAY)
        return Variant("u", 2)

    @method()
    async def Read(self, namespace: "s", key: "s") -> "v":  # noqa: F821
        await asyncio.sleep(DELAY)
        return Variant("v", Variant("u", 2))

    @method()
    async def ReadAll(self, namespaces: "as") -> "a{sa{sv}}":  # noqa: F821
        await asyncio.sleep(DELAY)
        return {"org.freedesktop.appearance": {"color-scheme": Variant("u", 2)}}


async def main():
    bus = await MessageBus().connect()
    bus.export("/org/freedesktop/portal/desktop", Settings())
    await bus.request_name("org.freedesktop.portal.Desktop")
    print("ready", flush=True)
    await asyncio.get_running_loop().create_future()


asyncio.run(main())
