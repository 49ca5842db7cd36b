"""Where the research data sets of the quality tests are.

By default ``../shared`` beside the checkout (``shared/datasets``,
``shared/seed``); set the environment variable ``BIASKIT_SHARED`` to point
elsewhere. Tests that need the data skip cleanly when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED = (Path(os.environ["BIASKIT_SHARED"]).expanduser() if os.environ.get("BIASKIT_SHARED")
          else Path(__file__).resolve().parents[2] / "shared")
