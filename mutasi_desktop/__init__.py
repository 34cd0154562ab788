"""Mutasi Desktop: offline ASN records, workload analysis (ABK) and transfer planning."""

__version__ = "0.1.0"
APP_NAME = "Mutasi Desktop"
