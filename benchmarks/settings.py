"""The production settings, with the static files collected where the site benchmark says.

The benchmark collects them into a temporary directory of its own (BENCH_STATIC_ROOT), so that
a run never touches the checkout's `staticfiles/`. Nothing else differs from config.settings.
"""

import os
from pathlib import Path

from config.settings import *  # noqa: F403

STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
