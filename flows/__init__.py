"""newslake's Prefect flows.

Importing this package sets Prefect's offline defaults before Prefect itself is imported: no
telemetry from server or client (these machines have no internet, and users did not ask for it),
and a generous start-up timeout for the temporary local server on a busy machine. Each is only a
default: a value already in the environment wins.
"""

import os

OFFLINE_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}
for _k, _v in OFFLINE_DEFAULTS.items():
    os.environ.setdefault(_k, _v)
