"""`python -m mutasi_desktop` starts the GUI (same as the `mutasi-desktop` command)."""

import sys

from mutasi_desktop.app import main

sys.exit(main())
