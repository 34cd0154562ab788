"""`python -m mutasi_desktop.cli` runs the `mutasi` command line."""

from mutasi_desktop.cli import main

main()
